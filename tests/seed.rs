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

/// Issue 4, acceptance point 1: the seed's actors, roles and claims.
#[test]
fn seed_actors_and_claims() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_bb710ee3a1d2c236.txt");
    let Ok(input) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let a = depeche::parse_text(&input).expect("seed parses");
    let find = |name: &str| {
        a.actors
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no actor {name}"))
    };
    let austin = find("Lloyd Austin");
    assert_eq!(austin.kind, depeche::ActorKind::Person);
    let roles: Vec<&str> = austin.roles.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(roles, ["secrétaire américain à la défense"]);
    let austins = austin
        .mentions
        .iter()
        .filter(|m| m.text == "Austin")
        .count();
    assert_eq!(austins, 2, "{:?}", austin.mentions);
    assert_eq!(
        austin
            .mentions
            .iter()
            .filter(|m| m.text.contains("Austin"))
            .count(),
        3
    );
    let b = find("Andreï Belooussov");
    assert_eq!(b.kind, depeche::ActorKind::Person);
    assert_eq!(b.roles.len(), 1);
    assert_eq!(b.roles[0].text, "homologue russe");
    assert_eq!(b.roles[0].counterpart_of.as_deref(), Some("Lloyd Austin"));
    let texts: Vec<&str> = b.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"Belooussov"), "{texts:?}");
    assert!(texts.contains(&"son homologue russe"), "{texts:?}");
    for m in austin.mentions.iter().chain(&b.mentions) {
        assert_eq!(&input[m.span.range()], m.text);
    }
    for (name, kind) in [
        ("Washington", depeche::ActorKind::Location),
        ("Moscou", depeche::ActorKind::Location),
        ("États-Unis", depeche::ActorKind::Location),
        ("Russie", depeche::ActorKind::Location),
        ("Ukraine", depeche::ActorKind::Location),
        ("OTAN", depeche::ActorKind::Organization),
        ("Union européenne", depeche::ActorKind::Organization),
    ] {
        assert_eq!(find(name).kind, kind, "{name}");
    }
    for absent in ["Philippines", "Tate", "Roumanie"] {
        assert!(
            !a.actors.iter().any(|x| x.name.contains(absent)),
            "{absent} is only in a promotion"
        );
    }
    let claims: Vec<(Option<&str>, &str)> = a
        .claims
        .iter()
        .map(|c| (c.speaker.as_deref(), c.content.as_str()))
        .collect();
    let said = |speaker: &str, start: &str| {
        claims
            .iter()
            .any(|(s, c)| *s == Some(speaker) && c.starts_with(start))
    };
    assert!(
        said(
            "Lloyd Austin",
            "la nécessité de dialoguer continuellement pour éviter les malentendus"
        ),
        "{claims:?}"
    );
    assert!(
        said(
            "Andreï Belooussov",
            "les risques liés à l’approvisionnement continu d’armes à l’Ukraine par les États-Unis"
        ),
        "{claims:?}"
    );
    assert!(
        said(
            "Andreï Belooussov",
            "le danger d’une escalade encore plus grande"
        ),
        "{claims:?}"
    );
    assert_eq!(claims.len(), 3, "{claims:?}");
}
