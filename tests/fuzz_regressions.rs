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

/// An HTML page parsed from its bytes: the decoded page (that spans point
/// into) and the article.
fn html_page(bytes: &[u8]) -> (String, Article) {
    let text = depeche::decode_html(bytes).text.into_owned();
    let article = depeche::Parser::default()
        .parse_html_bytes(bytes)
        .expect("parses");
    (text, article)
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

/// parse_html: a page whose stray byte (invalid UTF-8 in a `<div` tag) made
/// a rubric line above the `h1` body text. The headline came from the `h1`
/// element with the `h1` block's span, and the `h1` block, no longer the
/// first body block, was also kept as a `DuplicateHeadline` boilerplate
/// entry with the same span: two placements on the same bytes.
#[test]
fn html_headline_element_is_not_also_a_duplicate_headline() {
    let (text, article) = html_page(include_bytes!("fuzz/html_headline_twice.html"));
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

/// parse_html: text before `<html>` ("<!DOCTYPE h>t<lhm…") puts the
/// `<title>` in the body, inside a boilerplate block; the headline taken
/// from that `<title>` was listed as a placement of its own, overlapping the
/// block that holds it. The fuzz input as found.
#[test]
fn html_title_inside_a_block_is_not_a_placement_of_its_own() {
    let (text, article) = html_page(include_bytes!("fuzz/html_title_inside_block.html"));
    check(&text, &article);
    let headline = article.headline_span.expect("a headline");
    assert!(text[headline.range()].starts_with("Agen : le festival"));
    assert!(!article.placements().contains(&(Place::Headline, headline)));
}

/// The same shape, written small: a stray character before `<html>`.
#[test]
fn html_title_in_the_body_lies_inside_its_block() {
    let input = "<!DOCTYPE html>t<html><head><title>Le festival dévoile sa \
        programmation - Garonne Culture</title></head><body><nav><a href=/>Accueil</a> \
        <a href=/c>Culture</a></nav><article><p class=\"post-excerpt\">Pour sa douzième \
        édition, la manifestation accueillera quarante compagnies.</p><p>Le chapiteau \
        sera planté sur la prairie de la Garonne, comme chaque été.</p></article></body></html>";
    let article = depeche::parse_html(input).expect("parses");
    check(input, &article);
    assert_eq!(
        article.headline.as_deref(),
        Some("Le festival dévoile sa programmation")
    );
    let headline = article.headline_span.expect("a headline");
    assert!(
        article
            .placements()
            .iter()
            .any(|(_, s)| *s != headline && s.contains(headline))
    );
}

/// Front matter: the title lies inside the front-matter block and is not
/// listed apart (the rule the `<title>` case generalises).
#[test]
fn front_matter_title_stays_inside_the_front_matter_block() {
    let input = "---\ntitle: \"Un titre\"\n---\nUn paragraphe du corps de l’article.\n";
    let article = depeche::parse_text(input).expect("parses");
    check(input, &article);
    assert_eq!(article.headline.as_deref(), Some("Un titre"));
    let places: Vec<Place> = article.placements().into_iter().map(|(p, _)| p).collect();
    assert_eq!(places, [Place::Boilerplate, Place::Paragraph]);
}

/// parse_html: the page's only `h1` is a related-posts label
/// (`<h1 class="related-posts__title">À lire aussi</h2>`). Taken as the
/// headline element, its span was both the headline's and the promotion
/// label's. The fuzz input as found.
#[test]
fn html_headline_element_taken_as_promo_label_is_no_headline() {
    let (text, article) = html_page(include_bytes!("fuzz/html_headline_is_promo_label.html"));
    check(&text, &article);
    assert_ne!(article.headline.as_deref(), Some("À lire aussi"));
    assert!(
        article
            .cross_promos
            .iter()
            .any(|p| p.label == "À lire aussi")
    );
}

/// The same shape, written small.
#[test]
fn html_promo_label_h1_is_no_headline() {
    let input = "<html><body><article><p>Les pompiers luttent depuis la nuit contre \
        un feu de forêt dans le Var, attisé par le vent.</p><p>Quelque 850 pompiers \
        sont mobilisés, appuyés par huit avions.</p><aside class=\"related-posts\">\
        <h1 class=\"related-posts__title\">À lire aussi</h1><ul><li><a href=/a>Incendies : \
        le Portugal sollicite la flotte européenne</a></li></ul></aside></article></body></html>";
    let article = depeche::parse_html(input).expect("parses");
    check(input, &article);
    assert_ne!(article.headline.as_deref(), Some("À lire aussi"));
    assert_eq!(article.cross_promos.len(), 1, "{:?}", article.cross_promos);
    assert_eq!(article.cross_promos[0].label, "À lire aussi");
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
    // The headline is kept, lying inside the block that holds it, not a
    // place of its own.
    assert!(
        article
            .headline
            .as_deref()
            .is_some_and(|h| h.starts_with("Pêche"))
    );
    let headline = article.headline_span.expect("a headline span");
    assert!(!article.placements().contains(&(Place::Headline, headline)));
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

/// jsonl_record: a page whose only title-like element holds a line of
/// links ("Imprimer | Envoyer à un ami | Réagir…") that the front end split
/// into boilerplate pieces: the headline had the whole line's span, over
/// the pieces'.
#[test]
fn jsonl_record_headline_is_not_over_split_boilerplate() {
    let line = include_bytes!("fuzz/jsonl_headline_over_boilerplate.jsonl");
    let (text, article) = html_record(line);
    check(&text, &article);
    assert!(
        !article
            .headline
            .as_deref()
            .is_some_and(|h| h.starts_with("Imprimer")),
        "{:?}",
        article.headline
    );
}
