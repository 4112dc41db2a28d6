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
