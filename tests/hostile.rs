//! Hostile input: every document here must parse (or fail with a clear
//! error) without panicking, with valid spans, in time linear in its size.
//! Sizes are the issue's, except where a smaller one shows the same thing
//! in a debug build; the `pathological` bench group measures cost per MB
//! at the full sizes.

use depeche::{Article, Error, Span};

fn spans(article: &Article) -> Vec<Span> {
    let mut out: Vec<Span> = article.placements().into_iter().map(|(_, s)| s).collect();
    out.extend(article.headline_span);
    out.extend(article.cross_promos.iter().map(|p| p.span));
    for a in &article.actors {
        out.extend(a.mentions.iter().map(|m| m.span));
        out.extend(a.roles.iter().map(|r| r.span));
    }
    out.extend(article.claims.iter().map(|c| c.span));
    out
}

fn check(input: &str, result: Result<Article, Error>) {
    match result {
        Ok(article) => {
            for s in spans(&article) {
                assert!(
                    s.start <= s.end && s.end <= input.len(),
                    "{s:?} out of bounds"
                );
                assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
            }
        }
        Err(Error::Empty) => {}
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn text(input: &str) {
    check(input, depeche::parse_text(input));
}

fn html(input: &str) {
    check(input, depeche::parse_html(input));
}

#[test]
fn empty_and_blank() {
    assert_eq!(depeche::parse_text(""), Err(Error::Empty));
    assert_eq!(depeche::parse_text(" \t\n\u{A0}\n"), Err(Error::Empty));
    assert_eq!(depeche::parse_html(""), Err(Error::Empty));
    assert_eq!(
        depeche::parse_html("<html><body>  </body></html>"),
        Err(Error::Empty)
    );
}

#[test]
fn nul_bytes_are_binary() {
    assert_eq!(
        depeche::parse_text("Titre\0x"),
        Err(Error::Binary { offset: 5 })
    );
    assert_eq!(
        depeche::parse_html("<p>a\0</p>"),
        Err(Error::Binary { offset: 4 })
    );
}

#[test]
fn invalid_utf8_names_its_offset() {
    let parser = depeche::Parser::default();
    for at in [0, 1, 7, 100] {
        let mut bytes = "Titre\n\nUn paragraphe. ".repeat(10).into_bytes();
        bytes.insert(at, 0xFF);
        assert_eq!(
            parser.parse_text_bytes(&bytes),
            Err(Error::InvalidUtf8 { offset: at })
        );
    }
    // HTML bytes are decoded lossily, with a warning.
    let article = parser
        .parse_html_bytes(b"<meta charset=utf-8><p>caf\xc3\xa9 \xff noir</p>")
        .unwrap();
    assert!(!article.warnings.is_empty());
}

#[test]
fn one_long_line() {
    let line = "Le conseil municipal a voté la mesure, a dit le maire. ".repeat(20_000);
    text(&line);
    html(&format!("<p>{line}</p>"));
}

#[test]
fn many_bullet_lines() {
    let doc = format!("Titre\n\n{}", "- un point de la liste\n".repeat(100_000));
    text(&doc);
}

#[test]
fn deeply_nested_divs() {
    let n = 100_000;
    let doc = format!(
        "{}<p>Un paragraphe au fond de la page.</p>{}",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    html(&doc);
}

#[test]
fn unclosed_paragraphs() {
    html(&"<p>Un paragraphe jamais fermé, ".repeat(100_000));
}

#[test]
fn a_sea_of_angle_brackets() {
    let doc = "<".repeat(2_000_000);
    html(&doc);
    text(&doc);
}

#[test]
fn only_promotions_or_boilerplate() {
    text(&"À lire aussi : Un autre titre d’article\n".repeat(10_000));
    text(&"Partager sur Facebook\nPublicité\nPar Jeanne Martin\n".repeat(10_000));
}

#[test]
fn emoji_rtl_and_combining_marks() {
    let doc = "Titre 🎉\n\nمرحبا بالعالم e\u{301}e\u{301} \u{202E}abc\u{202C} 👩‍👩‍👧 Z\u{0351}\u{0352}\u{0353}.\n"
        .repeat(2_000);
    text(&doc);
    html(&format!("<p>{doc}</p>"));
}

#[test]
fn every_line_a_heading() {
    text(&"Un intertitre court\n".repeat(50_000));
    html(&"<h2>Un intertitre court</h2>".repeat(50_000));
}
