//! Behaviour on the traps real scraped French news is full of, one small
//! document each.

use depeche::{BoilerplateKind, parse_text};

fn headings(input: &str) -> Vec<Option<String>> {
    parse_text(input)
        .unwrap()
        .sections
        .into_iter()
        .map(|s| s.heading)
        .collect()
}

#[test]
fn a_short_sentence_with_a_period_is_not_a_heading() {
    let input = "Titre\n\nLe texte commence ici, avec une phrase longue qui se termine.\n\nRien n’est joué.\n\nLa suite du texte continue avec une autre phrase complète.\n";
    assert_eq!(headings(input), [None]);
}

#[test]
fn question_caps_and_quoted_headings() {
    let input = "Titre\n\nUn premier paragraphe assez long pour être du corps de texte.\n\nEt maintenant ?\n\nLa suite du texte, avec une phrase complète.\n\nUNE SAISON EN SURSIS\n\nEncore une phrase de corps de texte complète.\n\n« On n’a jamais lâché »\n\nDernière phrase du texte, complète elle aussi.\n";
    assert_eq!(
        headings(input),
        [
            None,
            Some("Et maintenant ?".into()),
            Some("UNE SAISON EN SURSIS".into()),
            Some("« On n’a jamais lâché »".into())
        ]
    );
}

#[test]
fn poem_verses_are_paragraphs() {
    let input = "Titre\n\nLe poète l’écrivait ainsi, dans un texte que l’on cite souvent.\n\nLes Turcs ont passé là. Tout est ruine et deuil.\n\nChio, l’île des vins, n’est plus qu’un sombre écueil,\n\nChio, qu’ombrageaient les charmilles,\n\nChio, qui dans les flots reflétait ses grands bois,\n\nSes coteaux, ses palais, et le soir quelquefois\n\nUn chœur dansant de jeunes filles.\n\nLa suite de l’article reprend ensuite en prose ordinaire.\n";
    let a = parse_text(input).unwrap();
    assert_eq!(a.sections.len(), 1);
    assert_eq!(a.sections[0].paragraphs.len(), 8);
}

#[test]
fn dialogue_dashes_are_body_text_not_bullets() {
    let input = "Titre\n\nLe dialogue s’engage au comptoir, comme chaque soir depuis trente ans.\n– Tu fermes vraiment demain ? a demandé Lucien.\n– Je n’ai plus le choix, a répondu Serge.\nLe silence est retombé sur la salle, et chacun a fini son verre.\n";
    let a = parse_text(input).unwrap();
    assert!(a.takeaways.is_empty());
    assert!(a.sections[0].items.is_empty());
    assert_eq!(a.sections[0].paragraphs.len(), 4);
}

#[test]
fn body_sentences_starting_with_lire_stay_in_the_body() {
    let input = "Titre\n\nLire entre les lignes de ce budget, c’est voir la rigueur qui vient.\nA lire mes chroniques précédentes, on comprend pourquoi.\n";
    let a = parse_text(input).unwrap();
    assert!(a.cross_promos.is_empty());
    assert_eq!(a.sections[0].paragraphs.len(), 2);
}

#[test]
fn promo_formulas_in_all_their_forms() {
    let input = "Titre\n\nUn paragraphe de texte.\nLIRE AUSSI >> La grève continue\n[À lire aussi] Le budget : ce qui change\nA LIREOuverture d’un centre de santé\nLire aussi | Le vote du Sénat\nÀ voir aussi - La carte des fermetures\nSur le même sujet :\nPremier titre lié\nSecond titre lié\nLa fin du texte arrive ici.\nLire la suite de l’article sur exemple.fr\n";
    let a = parse_text(input).unwrap();
    let promos: Vec<(&str, &str)> = a
        .cross_promos
        .iter()
        .map(|p| (p.label.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        promos,
        [
            ("LIRE AUSSI", "La grève continue"),
            ("À lire aussi", "Le budget : ce qui change"),
            ("A LIRE", "Ouverture d’un centre de santé"),
            ("Lire aussi", "Le vote du Sénat"),
            ("À voir aussi", "La carte des fermetures"),
            ("Sur le même sujet", "Premier titre lié"),
            ("Sur le même sujet", "Second titre lié"),
            ("Lire la suite de l’article sur", "exemple.fr"),
        ]
    );
    let body: Vec<&str> = a.body().collect();
    assert_eq!(
        body,
        ["Un paragraphe de texte.", "La fin du texte arrive ici."]
    );
    // Both titles of the block share the label line.
    assert_eq!(a.cross_promos[5].label_span, a.cross_promos[6].label_span);
}

#[test]
fn inline_promotion_is_cut_out_with_an_exact_span() {
    let input =
        "Titre\n\nLe texte voté (lire aussi : Le Sénat adopte la loi) entre en vigueur demain.\n";
    let a = parse_text(input).unwrap();
    assert_eq!(
        a.sections[0].paragraphs[0].text,
        "Le texte voté entre en vigueur demain."
    );
    let promo = &a.cross_promos[0];
    assert!(promo.inline);
    assert_eq!(
        (promo.label.as_str(), promo.title.as_str()),
        ("lire aussi", "Le Sénat adopte la loi")
    );
    assert_eq!(
        &input[promo.span.range()],
        "(lire aussi : Le Sénat adopte la loi)"
    );
}

#[test]
fn standfirst_byline_and_dates() {
    let input = "Le budget 2026 adopté\nLe texte, voté de justesse, prévoit 40 milliards d’économies.\nPar Jeanne Martin\nPublié le 3 février 2025 à 14h05, mis à jour le 4 février 2025 à 08h00\nLe Parlement a adopté mardi le budget, au terme de longs débats.\n";
    let a = parse_text(input).unwrap();
    assert_eq!(
        a.standfirst.as_ref().map(|p| p.text.as_str()),
        Some("Le texte, voté de justesse, prévoit 40 milliards d’économies.")
    );
    assert_eq!(a.metadata.byline.as_deref(), Some("Jeanne Martin"));
    assert_eq!(
        a.metadata.published.as_deref(),
        Some("3 février 2025 à 14h05")
    );
    assert_eq!(
        a.metadata.updated.as_deref(),
        Some("4 février 2025 à 08h00")
    );
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Byline, BoilerplateKind::Date]);
}

#[test]
fn takeaways_after_a_label_or_closing_the_article() {
    let labelled = "Titre\n\nCe qu’il faut retenir\n- Un point.\n- Un autre.\n\nLe corps de l’article commence ici, avec une phrase.\n";
    let a = parse_text(labelled).unwrap();
    assert_eq!(
        a.takeaways_label.as_ref().map(|l| l.text.as_str()),
        Some("Ce qu’il faut retenir")
    );
    assert_eq!(a.takeaways.len(), 2);
    let closing =
        "Titre\n\nLe corps de l’article, avec une phrase.\n• Premier point\n• Second point\n";
    assert_eq!(parse_text(closing).unwrap().takeaways.len(), 2);
    // The list that closes the article is its takeaways even when a
    // sentence announces it; a list with body text after it stays in place.
    let announced =
        "Titre\n\nLes mesures annoncées sont les suivantes :\n- la première ;\n- la seconde.\n";
    assert_eq!(parse_text(announced).unwrap().takeaways.len(), 2);
    let in_place = "Titre\n\nLes mesures annoncées sont les suivantes :\n- la première ;\n- la seconde.\nLe texte reprend ensuite.\n";
    let a = parse_text(in_place).unwrap();
    assert!(a.takeaways.is_empty());
    assert_eq!(a.sections[0].items.len(), 2);
}

#[test]
fn wire_dispatch_layout() {
    let input = "Séisme au large de la Crète\n\nATHÈNES, 4 mars 2025 (AFP) - Un séisme de magnitude 6 a secoué la Crète mardi, selon l’institut de géodynamique.\n\n- Pas de victime -\n\nAucune victime n’a été signalée, a indiqué la protection civile.\n\nbur-ahe/pz\n\n© Agence France-Presse\n";
    let a = parse_text(input).unwrap();
    assert_eq!(a.sections[1].heading.as_deref(), Some("Pas de victime"));
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [BoilerplateKind::WireCode, BoilerplateKind::Copyright]
    );
}

#[test]
fn repeated_headline_and_duplicated_paragraphs_are_boilerplate() {
    let para = "Ce paragraphe est assez long pour qu’une répétition mot pour mot soit un artefact de la page.";
    let input =
        format!("Qu’ont-ils dit ?\n\nQu'ont-ils dit ?\n\n{para}\n\nUne autre phrase.\n\n{para}\n");
    let a = parse_text(&input).unwrap();
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BoilerplateKind::DuplicateHeadline,
            BoilerplateKind::Duplicate
        ]
    );
}

#[test]
fn a_rubric_kicker_above_the_headline_is_not_the_headline() {
    let input = "TRIBUNE\nLe vrai coût de la réforme des retraites\nLa réforme adoptée l’an dernier coûtera plus cher que prévu, selon nos calculs.\n";
    let a = parse_text(input).unwrap();
    assert_eq!(
        a.headline.as_deref(),
        Some("Le vrai coût de la réforme des retraites")
    );
    assert_eq!(a.metadata.rubric.as_deref(), Some("TRIBUNE"));
    assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Navigation);
    // A one-word headline over body text stays the headline.
    let a = parse_text("Économie\nLe texte commence ici, avec une phrase complète.\n").unwrap();
    assert_eq!(a.headline.as_deref(), Some("Économie"));
}

#[test]
fn inline_promotions_are_found_by_their_brackets() {
    let cases = [
        (
            "Titre\n\nUn (petit) texte à lire aussi ici (lire aussi : Le vote du Sénat) et la suite.\n",
            "Un (petit) texte à lire aussi ici et la suite.",
            "(lire aussi : Le vote du Sénat)",
        ),
        (
            "Titre\n\nLe (vrai) pouvoir, disent-ils (voir : Le vote du Sénat) et la suite.\n",
            "Le (vrai) pouvoir, disent-ils et la suite.",
            "(voir : Le vote du Sénat)",
        ),
        (
            "Titre\n\nTexte (&agrave; lire aussi : Un titre) suite.\n",
            "Texte suite.",
            "(&agrave; lire aussi : Un titre)",
        ),
        (
            "Titre\n\n(Lire aussi : Le vote du Sénat) Le maire a annoncé hier la fermeture de l’école.\n",
            "Le maire a annoncé hier la fermeture de l’école.",
            "(Lire aussi : Le vote du Sénat)",
        ),
        (
            "Titre\n\nIl a baissé ,selon (lire aussi : Le vote) l’Insee .\n",
            "Il a baissé ,selon l’Insee .",
            "(lire aussi : Le vote)",
        ),
    ];
    for (input, text, source) in cases {
        let a = parse_text(input).unwrap();
        assert_eq!(a.sections[0].paragraphs[0].text, text, "{input:?}");
        assert_eq!(a.cross_promos.len(), 1, "{input:?}");
        assert!(a.cross_promos[0].inline);
        assert_eq!(&input[a.cross_promos[0].span.range()], source, "{input:?}");
    }
    // Asides that merely mention reading stay.
    let aside = "Titre\n\nLe chômage a baissé (voir aussi le graphique ci-dessous) en mars.\n";
    let a = parse_text(aside).unwrap();
    assert!(a.cross_promos.is_empty());
    assert_eq!(
        a.sections[0].paragraphs[0].text,
        "Le chômage a baissé (voir aussi le graphique ci-dessous) en mars."
    );
}

#[test]
fn a_bare_label_does_not_swallow_body_text() {
    let input = "Titre\n\nCorps.\n\nLire aussi\n\nLe maire a annoncé hier la fermeture de l’école du village.\n\nLa suite du texte.\n";
    let a = parse_text(input).unwrap();
    assert!(a.cross_promos.is_empty());
    assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Related);
    assert_eq!(a.sections[0].paragraphs.len(), 3);
}

#[test]
fn unlabelled_teasers_closing_the_page_are_promotions() {
    let input = "Titre\n\nLe conseil municipal a voté le budget mardi soir, après trois heures de débat.\nGrève : les contrôleurs aériens reconduisent leur mouvement\nMétéo : un week-end sous la pluie dans tout le Grand Ouest\nFootball : le FC Nantes enchaîne une troisième défaite\n";
    let a = parse_text(input).unwrap();
    assert_eq!(a.sections[0].paragraphs.len(), 1);
    assert_eq!(a.cross_promos.len(), 3);
    assert!(a.cross_promos.iter().all(|p| p.label.is_empty()));
}

#[test]
fn exclamations_one_word_questions_and_dates_are_not_headings() {
    let input = "Titre\n\nUn premier paragraphe de texte qui se termine normalement.\nQuelle erreur !\nLa suite du texte, qui se termine aussi normalement.\nPourquoi ?\nParce que la phrase suivante répond à la question posée.\n8-10 juillet 1828\nEt le texte reprend ensuite avec une phrase complète.\n";
    assert_eq!(headings(input), [None]);
}

#[test]
fn a_numbered_series_of_intertitles_is_followed_through() {
    let input = "Titre\n\nIntroduction du texte, complète.\n\n1 D’où vient le mal ?\n\nUne réponse en prose, complète.\n\n2 Pourquoi maintenant ?\n\nUne autre réponse en prose, complète.\n\n3 Ce que disent les chiffres.\n\nLa dernière réponse, complète elle aussi.\n";
    let h = headings(input);
    assert_eq!(h.len(), 4, "{h:?}");
    assert_eq!(h[3].as_deref(), Some("3 Ce que disent les chiffres."));
}

#[test]
fn a_name_alone_after_the_last_paragraph_signs_the_article() {
    let input = "Titre\n\nLe texte de l’article se termine ici, par une phrase complète.\nJeanne Martin-Duval\n";
    let a = parse_text(input).unwrap();
    assert_eq!(a.boilerplate[0].kind, BoilerplateKind::Byline);
    assert_eq!(a.metadata.byline.as_deref(), Some("Jeanne Martin-Duval"));
}

#[test]
fn short_lines_inside_a_duplicated_run_are_duplicates_too() {
    let long =
        "Un paragraphe assez long pour que sa répétition soit un artefact évident de la page.";
    let input = format!(
        "Titre\n\n{long}\nAlors :\nUne autre phrase assez longue pour compter comme paragraphe dupliqué ici.\n{long}\nAlors :\nUne autre phrase assez longue pour compter comme paragraphe dupliqué ici.\n"
    );
    let a = parse_text(&input).unwrap();
    let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::Duplicate; 3]);
}

#[test]
fn review_cases_stay_fixed() {
    // Wrapped Markdown never swallows a promotion, a byline or a date.
    let a = parse_text("# Titre\n\nLe gouvernement a annoncé lundi une réforme.\nÀ lire aussi : Le vote du Sénat\nLa suite.\n").unwrap();
    assert_eq!(a.cross_promos[0].title, "Le vote du Sénat");
    assert_eq!(
        a.body().collect::<Vec<_>>(),
        ["Le gouvernement a annoncé lundi une réforme.", "La suite."]
    );
    // A sentence introducing a list under a photo credit is not a caption.
    let a = parse_text("Titre\n\nTexte du début.\nPhoto : Jean Dupont / AFP\nLes syndicats réclament désormais trois mesures précises au gouvernement :\n- la hausse des salaires ;\n- la retraite à 60 ans.\nFin.\n").unwrap();
    assert!(
        a.boilerplate
            .iter()
            .all(|b| b.kind != BoilerplateKind::Caption)
    );
    // Inline promotions leave the standfirst too, and words are not glued.
    let a = parse_text("Titre\nUn chapô qui résume (lire aussi : Le vote) la chose.\nPar Jeanne Martin\nTexte du corps (lire aussi : X)et (lire aussi : Y) fin.\n").unwrap();
    assert_eq!(a.standfirst.unwrap().text, "Un chapô qui résume la chose.");
    assert_eq!(a.sections[0].paragraphs[0].text, "Texte du corps et fin.");
    assert_eq!(a.cross_promos.len(), 3);
    // A label before a sentence of body text is no promotion.
    let a =
        parse_text("Titre\n\nVoir aussi : le graphique ci-dessous montre la hausse des prix.\n")
            .unwrap();
    assert!(a.cross_promos.is_empty());
    // A sentence with the next number of a series is not an intertitle.
    let h = headings(
        "Titre\n\nIntroduction complète.\n1 Le contexte\nUne réponse en prose, complète.\n2 Français sur 3 jugent la réforme injuste, selon un sondage publié hier par l’institut.\nFin.\n",
    );
    assert_eq!(h.len(), 2, "{h:?}");
    // Control characters alone are an empty document.
    assert_eq!(parse_text("\u{1}\n\u{2}"), Err(depeche::Error::Empty));
}
