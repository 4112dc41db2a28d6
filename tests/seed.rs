//! The article the project started from must parse exactly right. It lives
//! in `../shared/seed/` (third-party text, not shipped); the test skips when
//! that folder is absent, as on a user's clone.

use std::path::Path;

#[test]
fn seed_parses_exactly() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_bb710ee3a1d2c236.txt");
    let Ok(input) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let a = depeche::parse_text(&input).expect("seed parses");
    assert_eq!(a.headline.as_deref(), Some("Une conversation cruciale"));
    assert_eq!(a.standfirst, None);
    let shape: Vec<(Option<&str>, usize, usize)> = a
        .sections
        .iter()
        .map(|s| (s.heading.as_deref(), s.paragraphs.len(), s.items.len()))
        .collect();
    assert_eq!(
        shape,
        [
            (None, 2, 0),
            (Some("Les détails de l’entretien"), 2, 0),
            (Some("Contexte géopolitique tendu"), 2, 0),
        ]
    );
    let takeaways: Vec<&str> = a.takeaways.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        takeaways,
        [
            "Importance de maintenir des communications ouvertes entre les nations.",
            "Reconnaissance des risques d’escalade liés à l’envoi d’armes à l’Ukraine.",
            "Potentiel de gestion diplomatique pour éviter une confrontation directe.",
        ]
    );
    let promos: Vec<(&str, &str)> = a
        .cross_promos
        .iter()
        .map(|p| (p.label.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        promos,
        [
            (
                "À consulter également",
                "Le rôle des États-Unis dans la méfiance vaccinale aux Philippines : une campagne secrète révélée"
            ),
            (
                "Lire également",
                "Des investigations intensifiées : les frères Tate face à de nouvelles perquisitions en Roumanie"
            ),
        ]
    );
    assert!(a.boilerplate.is_empty());
    for text in a.body() {
        assert!(
            !text.contains("Philippines") && !text.contains("Tate"),
            "promo text in body: {text}"
        );
    }
}
