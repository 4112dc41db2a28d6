//! Inputs the fuzz targets (`fuzz/`) found failing, kept so that each bug
//! stays fixed. One test per crash; the input inline, or under `tests/fuzz/`
//! when large. Each test checks what the fuzz target asserted, plus the
//! specific outcome of the fix.

use depeche::{Article, BoilerplateKind, Place};

/// What every fuzz target asserts: spans in bounds and on char boundaries,
/// placements in order without overlapping.
fn check(input: &str, article: &Article) {
    let placements = article.placements();
    for (place, s) in &placements {
        assert!(s.start <= s.end && s.end <= input.len(), "{place:?} {s:?}");
        assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
    }
    for pair in placements.windows(2) {
        assert!(
            pair[0].1.end <= pair[1].1.start,
            "overlapping placements {:?} and {:?}",
            pair[0],
            pair[1]
        );
    }
}

/// parse_html: a page whose stray byte (invalid UTF-8 in a `<div` tag) made
/// a rubric line above the `h1` body text. The headline came from the `h1`
/// element with the `h1` block's span, and the `h1` block, no longer the
/// first body block, was also kept as a `DuplicateHeadline` boilerplate
/// entry with the same span: two placements on the same bytes.
#[test]
fn html_headline_element_is_not_also_a_duplicate_headline() {
    let bytes = include_bytes!("fuzz/html_headline_twice.html");
    let text = depeche::decode_html(bytes).text;
    let article = depeche::Parser::default()
        .parse_html_bytes(bytes)
        .expect("parses");
    check(&text, &article);
    let headline = article.headline_span.expect("a headline");
    assert!(text[headline.range()].starts_with("Climat&nbsp;: des stalagmites"));
    assert!(
        !article
            .boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::DuplicateHeadline),
        "{:?}",
        article.boilerplate
    );
    let places = article.placements();
    assert_eq!(
        places.iter().filter(|(_, s)| *s == headline).count(),
        1,
        "{places:?}"
    );
    assert!(places.contains(&(Place::Headline, headline)));
}

/// A JSON Lines record holding an HTML page, parsed as the batch mode does:
/// the decoded page (that spans point into) and the article.
fn html_record(line: &[u8]) -> (String, Article) {
    let record = depeche::batch::parse_jsonl_line(line, &Default::default()).expect("a record");
    let depeche::batch::Body::Html { bytes, .. } = &record.body else {
        panic!("an HTML record");
    };
    let text = depeche::decode_html(bytes).text.into_owned();
    let article = record.parse(&depeche::Parser::default()).expect("parses");
    (text, article)
}

/// jsonl_record: a record whose HTML page (a corpus page with its
/// `<!DOCTYPE` mangled, so that the `<head>` went into the body) had its
/// `<title>` inside a header region taken as boilerplate: the headline, read
/// from the title, had the title's span inside the boilerplate's.
#[test]
fn jsonl_record_headline_is_not_inside_boilerplate() {
    let line = include_bytes!("fuzz/jsonl_headline_in_boilerplate.jsonl");
    let (text, article) = html_record(line);
    check(&text, &article);
    // The headline is kept, without a place of its own.
    assert!(article.headline.is_some_and(|h| h.starts_with("Pêche")));
    assert_eq!(article.headline_span, None);
}

/// jsonl_record: a page whose title element is also the label of a
/// related-articles box: the headline took the label's block, whose span
/// the promotion also gave as its label span.
#[test]
fn jsonl_record_headline_is_not_a_promotion_label() {
    let line = include_bytes!("fuzz/jsonl_headline_is_promo_label.jsonl");
    let (text, article) = html_record(line);
    check(&text, &article);
    // The box keeps its label; the label is not also the headline.
    assert_ne!(article.headline.as_deref(), Some("Les plus lus"));
    assert!(
        article.cross_promos.len() >= 3
            && article
                .cross_promos
                .iter()
                .all(|p| p.label == "Les plus lus"),
        "{:?}",
        article.cross_promos
    );
}
