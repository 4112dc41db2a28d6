//! Checks shared by the fuzz targets: what every article must satisfy
//! whatever the input.

use depeche::{Article, Markdown, Options, Span};

/// Options chosen by the first byte of the fuzz input, so that one target
/// covers every Markdown mode with and without extraction; the rest of the
/// bytes are the document.
#[allow(dead_code)] // parse_html has no options byte.
pub fn options_and_input(data: &[u8]) -> Option<(Options, &[u8])> {
    let (&first, rest) = data.split_first()?;
    let markdown = match first % 3 {
        0 => Markdown::Auto,
        1 => Markdown::Always,
        _ => Markdown::Never,
    };
    let options = Options::default()
        .markdown(markdown)
        .extract(first & 0x80 == 0);
    Some((options, rest))
}

/// `span` is in bounds and on char boundaries of `input`.
pub fn check_span(input: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what} {span:?} out of bounds (input is {} bytes)",
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what} {span:?} splits a char"
    );
}

/// Every block, headline, promotion and boilerplate span is valid, and the
/// placements come in input order without overlapping.
pub fn check_structure(input: &str, article: &Article) {
    let placements = article.placements();
    for (place, span) in &placements {
        check_span(input, *span, &format!("{place:?}"));
    }
    for pair in placements.windows(2) {
        assert!(
            pair[0].1.end <= pair[1].1.start,
            "overlapping placements {:?} and {:?}",
            pair[0],
            pair[1]
        );
    }
    if let Some(span) = article.headline_span {
        check_span(input, span, "headline");
    }
    for promo in &article.cross_promos {
        check_span(input, promo.span, "cross-promotion");
    }
    for b in &article.boilerplate {
        check_span(input, b.span, "boilerplate");
    }
}

/// Every mention, role and claim span is valid and lies inside a block.
pub fn check_extraction(input: &str, article: &Article) {
    let placements = article.placements();
    let check = |span: Span, what: &str| {
        check_span(input, span, what);
        let inside = placements.iter().any(|(_, p)| p.contains(span))
            || article.headline_span.is_some_and(|h| h.contains(span));
        assert!(inside, "{what} {span:?} outside every block");
    };
    for actor in &article.actors {
        for m in &actor.mentions {
            check(m.span, "mention");
        }
        for r in &actor.roles {
            check(r.span, "role");
        }
    }
    for c in &article.claims {
        check(c.cue_span, "cue");
        check(c.content_span, "content");
        check(c.span, "claim");
    }
}
