//! Inputs that once were (or could be) slow or deep: each must parse, and
//! in linear time (checked by its size here, measured in benches).

use depeche::parse_text;

#[test]
fn deeply_nested_brackets_do_not_recurse() {
    let depth = 100_000;
    let input = format!(
        "Titre\n\nTexte {}lire aussi : x{} fin.\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let a = parse_text(&input).unwrap();
    assert_eq!(a.sections.len(), 1);
}

#[test]
fn many_inline_promotions_in_one_paragraph() {
    // The label written with an entity: the cleaned text differs from the
    // source, which once sent every search back to the start.
    let input = format!(
        "Titre\n\n{}\n",
        "Texte (&agrave; lire aussi : Un titre) ".repeat(20_000)
    );
    let a = parse_text(&input).unwrap();
    assert_eq!(a.cross_promos.len(), 20_000);
    assert!(
        a.cross_promos
            .iter()
            .all(|p| &input[p.span.range()] == "(&agrave; lire aussi : Un titre)")
    );
    assert!(!a.sections[0].paragraphs[0].text.contains("lire aussi"));
}

#[test]
fn many_labels_and_separators() {
    let input = format!("Titre\n\n{}", "Lire aussi\n:\n".repeat(50_000));
    let a = parse_text(&input).unwrap();
    assert_eq!(a.boilerplate.len(), 50_000);
}

#[test]
fn unclosed_brackets_do_not_hide_later_promotions() {
    let a = parse_text("Titre\n\nUn texte [note (lire aussi : Le vote) et la fin.\n").unwrap();
    assert_eq!(a.cross_promos.len(), 1);
    assert_eq!(
        a.sections[0].paragraphs[0].text,
        "Un texte [note et la fin."
    );
}

#[test]
fn markdown_links_that_look_like_promotions() {
    // Each link is two bracket pairs whose cleaned text is not in the
    // paragraph: once a search missed, every later pair searched again.
    let input = format!("# Titre\n\n{}(x)\n", "[lire aussi : T](/a) ".repeat(20_000));
    let a = parse_text(&input).unwrap();
    assert_eq!(a.sections.len(), 1);
}

#[test]
fn many_promotion_blocks_are_placed_in_linear_time() {
    let input = format!(
        "Titre\n\n{}",
        "Sur le même sujet :\nUn titre de promotion\n\n".repeat(20_000)
    );
    let a = parse_text(&input).unwrap();
    assert_eq!(a.cross_promos.len(), 20_000);
    assert_eq!(a.placements().len(), 1 + 2 * 20_000);
}

#[test]
fn extreme_options_do_not_overflow() {
    let parser = depeche::Parser::new(depeche::Options::default().max_heading_chars(usize::MAX));
    let a = parser
        .parse_text("Titre\n\nTexte.\nIntertitre\nTexte encore.\n")
        .unwrap();
    assert_eq!(a.sections.len(), 2);
}
