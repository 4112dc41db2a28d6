//! The extractor on small French examples written for these tests: one
//! test per pattern of the issue (names, organisations, places, roles,
//! coreference, claims).

use depeche::{Actor, ActorKind, Article, Claim, ClaimKind};

fn parse(body: &str) -> (String, Article) {
    let input = format!("Un titre d’essai\n\n{body}\n");
    let article = depeche::parse_text(&input).expect("parses");
    (input, article)
}

fn actor<'a>(a: &'a Article, name: &str) -> &'a Actor {
    a.actors
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no actor {name:?} in {:#?}", names(a)))
}

fn names(a: &Article) -> Vec<(String, ActorKind)> {
    a.actors.iter().map(|x| (x.name.clone(), x.kind)).collect()
}

fn has(a: &Article, name: &str) -> bool {
    a.actors.iter().any(|x| x.name == name)
}

fn roles(a: &Article, name: &str) -> Vec<String> {
    actor(a, name)
        .roles
        .iter()
        .map(|r| r.text.clone())
        .collect()
}

/// The description of the anonymous source of the claim starting so.
fn source<'a>(a: &'a Article, content_start: &str) -> Option<&'a str> {
    claim(a, None, content_start).speaker_description.as_deref()
}

fn claim<'a>(a: &'a Article, speaker: Option<&str>, content_start: &str) -> &'a Claim {
    a.claims
        .iter()
        .find(|c| c.speaker.as_deref() == speaker && c.content.starts_with(content_start))
        .unwrap_or_else(|| {
            panic!(
                "no claim by {speaker:?} starting {content_start:?} in {:#?}",
                a.claims
                    .iter()
                    .map(|c| (&c.speaker, &c.cue, &c.content))
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn people_with_particles_hyphens_initials_and_honorifics() {
    let (_, a) = parse(
        "La réunion a réuni Jean-Noël Vasseur, Charles de Montclair, Abdelmadjid Rahmouni, \
         Ursula van der Berg et J. Delorme. Mme Claire Vasseur et Me Nadia Kessler étaient là, \
         comme le Dr Paul Imbert et le Pr Anne Girard.",
    );
    for (name, kind) in [
        ("Jean-Noël Vasseur", ActorKind::Person),
        ("Charles de Montclair", ActorKind::Person),
        ("Abdelmadjid Rahmouni", ActorKind::Person),
        ("Ursula van der Berg", ActorKind::Person),
        ("J. Delorme", ActorKind::Person),
        ("Claire Vasseur", ActorKind::Person),
        ("Nadia Kessler", ActorKind::Person),
        ("Paul Imbert", ActorKind::Person),
        ("Anne Girard", ActorKind::Person),
    ] {
        assert_eq!(actor(&a, name).kind, kind, "{name}");
    }
}

#[test]
fn sentence_initial_words_are_not_names() {
    let (_, a) = parse(
        "Face à la crise, le maire a réagi. Selon les chiffres, la hausse continue. Lors du \
         conseil, rien n’a été décidé. Après le vote, Côté finances, tout va bien.",
    );
    for word in ["Face", "Selon", "Lors", "Après", "Côté"] {
        assert!(!has(&a, word), "{word} taken for a name: {:?}", names(&a));
    }
}

#[test]
fn shouted_headlines_only_get_known_names() {
    let input = "LA FRANCE ET L’OTAN FACE AU DÉFI DES MUNITIONS\n\nLa France a signé. \
                 Selon l’OTAN, les stocks baissent.\n";
    let a = depeche::parse_text(input).unwrap();
    assert!(has(&a, "France") && has(&a, "OTAN"), "{:?}", names(&a));
    for word in ["FACE", "DÉFI", "MUNITIONS", "LA FRANCE"] {
        assert!(!has(&a, word), "{word}");
    }
    assert_eq!(actor(&a, "OTAN").mentions.len(), 2);
}

#[test]
fn acronyms_and_pairs_are_one_organisation() {
    let (_, a) = parse(
        "L’Agence régionale de santé (ARS) a ouvert une enquête. L’ARS a confirmé les faits. \
         La FNSEA et la CFDT ont réagi, comme la SNCF.",
    );
    let ars = actor(&a, "Agence régionale de santé");
    assert_eq!(ars.kind, ActorKind::Organization);
    assert_eq!(ars.mentions.len(), 3, "{:?}", ars.mentions);
    for acronym in ["FNSEA", "CFDT", "SNCF"] {
        assert_eq!(actor(&a, acronym).kind, ActorKind::Organization);
    }
    let (_, a) =
        parse("L’OTAN se réunit. L’Organisation du traité de l’Atlantique nord (OTAN) est prête.");
    assert_eq!(
        actor(&a, "Organisation du traité de l’Atlantique nord")
            .mentions
            .len(),
        3
    );
}

#[test]
fn organisation_heads_and_gazetteer() {
    let (_, a) = parse(
        "Le ministère de l’Intérieur a saisi le tribunal correctionnel de Lyon. L’Union \
         européenne et Greenpeace ont réagi, tout comme le groupe Renault.",
    );
    for name in [
        "ministère de l’Intérieur",
        "tribunal correctionnel de Lyon",
        "Union européenne",
        "Greenpeace",
        "groupe Renault",
    ] {
        assert_eq!(actor(&a, name).kind, ActorKind::Organization, "{name}");
    }
}

#[test]
fn places_and_metonyms() {
    let (_, a) = parse(
        "Washington et Moscou se parlent. Le Kremlin a répondu à l’Élysée, et la Maison-Blanche \
         au Quai d’Orsay. Matignon et le Pentagone se taisent, comme Marseille.",
    );
    for (name, kind) in [
        ("Washington", ActorKind::Location),
        ("Moscou", ActorKind::Location),
        ("Marseille", ActorKind::Location),
        ("Kremlin", ActorKind::Organization),
        ("Élysée", ActorKind::Organization),
        ("Maison-Blanche", ActorKind::Organization),
        ("Quai d’Orsay", ActorKind::Organization),
        ("Matignon", ActorKind::Organization),
        ("Pentagone", ActorKind::Organization),
    ] {
        assert_eq!(actor(&a, name).kind, kind, "{name}");
    }
}

#[test]
fn nationality_adjectives_make_no_actor_but_resolve_counterparts() {
    let (_, a) = parse(
        "Lloyd Austin, le secrétaire américain à la défense, a appelé Andreï Belooussov, son \
         homologue russe.",
    );
    assert!(!has(&a, "américain") && !has(&a, "russe"));
    let b = actor(&a, "Andreï Belooussov");
    assert_eq!(b.roles[0].text, "homologue russe");
    assert_eq!(b.roles[0].counterpart_of.as_deref(), Some("Lloyd Austin"));
    assert_eq!(
        roles(&a, "Lloyd Austin"),
        ["secrétaire américain à la défense"]
    );
}

#[test]
fn appositions_both_ways_and_prefixed_titles() {
    let (_, a) = parse(
        "Le ministre des Transports, Pierre Aubrac, est arrivé. Le président Abdelmadjid \
         Tebboune l’a reçu avec le professeur Antoine Rivière. Sophie Marcaillou, maire \
         d’Agen, était présente, avec Paul Morel, président du groupe Renault.",
    );
    assert_eq!(roles(&a, "Pierre Aubrac"), ["ministre des Transports"]);
    assert_eq!(roles(&a, "Abdelmadjid Tebboune"), ["président"]);
    assert_eq!(roles(&a, "Antoine Rivière"), ["professeur"]);
    assert_eq!(roles(&a, "Sophie Marcaillou"), ["maire d’Agen"]);
    assert_eq!(roles(&a, "Paul Morel"), ["président du groupe Renault"]);
}

#[test]
fn possessive_roles_and_economists() {
    let (_, a) = parse(
        "La Banque centrale européenne a parlé. Sa présidente, Christine Lagarde, a été claire. \
         Anne-Sophie Dutreil, économiste chez Natixis, approuve.",
    );
    assert_eq!(roles(&a, "Christine Lagarde"), ["présidente"]);
    assert_eq!(
        roles(&a, "Anne-Sophie Dutreil"),
        ["économiste chez Natixis"]
    );
}

#[test]
fn coreference_of_surnames_acronyms_roles_and_pronouns() {
    let (_, a) = parse(
        "Le préfet de la Gironde, Hervé Lantier, a parlé. Lantier a ensuite rencontré la \
         presse. Le préfet annonce l’ouverture d’un centre. « Nous tiendrons », a-t-il ajouté.",
    );
    let h = actor(&a, "Hervé Lantier");
    let texts: Vec<&str> = h.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(texts.contains(&"Lantier"), "{texts:?}");
    assert!(texts.contains(&"Le préfet"), "{texts:?}");
    claim(&a, Some("Hervé Lantier"), "l’ouverture d’un centre");
    let c = claim(&a, Some("Hervé Lantier"), "Nous tiendrons");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(c.cue, "a-t-il ajouté");
}

#[test]
fn indirect_claims_with_que_np_and_multiword_cues() {
    let (_, a) = parse(
        "Paul Morel a estimé que la réforme était prématurée. Claire Duval a mis en avant la \
         nécessité d’un dialogue. Marc Petit a pointé du doigt les retards du chantier. Julie \
         Roux a fait état de nombreuses plaintes. Luc Brun a mis en garde contre un excès \
         d’optimisme. Léa Martin a tiré la sonnette d’alarme sur la situation des vergers.",
    );
    let c = claim(&a, Some("Paul Morel"), "la réforme était prématurée");
    assert_eq!(c.kind, ClaimKind::Indirect);
    assert_eq!(c.cue, "a estimé");
    claim(&a, Some("Claire Duval"), "la nécessité d’un dialogue");
    claim(&a, Some("Marc Petit"), "les retards du chantier");
    claim(&a, Some("Julie Roux"), "nombreuses plaintes");
    claim(&a, Some("Luc Brun"), "un excès d’optimisme");
    claim(&a, Some("Léa Martin"), "la situation des vergers");
}

#[test]
fn participle_cue_goes_to_the_subject() {
    let (_, a) = parse(
        "Belooussov a critiqué la livraison d’armes, évoquant le danger d’une escalade. \
         Andreï Belooussov est ministre.",
    );
    let c = claim(&a, Some("Andreï Belooussov"), "le danger d’une escalade");
    assert_eq!(c.cue, "évoquant");
}

#[test]
fn according_to_claims() {
    let (_, a) = parse(
        "Selon Vigicrues, la Garonne a atteint 9 mètres. La décrue tardera, d’après Paul Morel. \
         Pour Claire Duval, « rien n’est joué ».",
    );
    let c = claim(&a, Some("Vigicrues"), "la Garonne a atteint 9 mètres");
    assert_eq!(c.kind, ClaimKind::AccordingTo);
    assert_eq!(c.cue, "Selon");
    claim(&a, Some("Paul Morel"), "La décrue tardera");
    let c = claim(&a, Some("Claire Duval"), "« rien n’est joué »");
    assert_eq!(c.kind, ClaimKind::AccordingTo);
}

#[test]
fn direct_quotes_before_and_after_their_speaker() {
    let (_, a) = parse(
        "Paul Morel a déclaré : « Nous ne céderons pas. » « C’est une erreur », a affirmé Claire \
         Duval. « Rien ne presse », estime-t-elle.",
    );
    assert_eq!(
        claim(&a, Some("Paul Morel"), "Nous ne céderons pas").kind,
        ClaimKind::Direct
    );
    claim(&a, Some("Claire Duval"), "C’est une erreur");
    let c = claim(&a, Some("Claire Duval"), "Rien ne presse");
    assert_eq!(c.cue, "estime-t-elle");
}

#[test]
fn mixed_quote_and_split_quote() {
    let (_, a) = parse(
        "Bastien Orliac a estimé que la crue restait « comparable à celle de 1981 ». « La digue \
         tient », a-t-il précisé, « mais pour combien de temps ? »",
    );
    let c = claim(&a, Some("Bastien Orliac"), "la crue restait");
    assert_eq!(c.kind, ClaimKind::Mixed);
    let c = claim(&a, Some("Bastien Orliac"), "La digue tient");
    assert_eq!(c.content, "La digue tient mais pour combien de temps ?");
}

#[test]
fn anonymous_sources_have_a_description() {
    let (_, a) = parse("« Personne ne veut d’une escalade », a confié un diplomate européen.");
    assert_eq!(
        source(&a, "Personne ne veut"),
        Some("un diplomate européen")
    );
}

#[test]
fn promotions_make_no_actor() {
    let input =
        "Titre\n\nWashington a parlé.\nÀ lire aussi : Les frères Tate en Roumanie\nFin du texte.\n";
    let a = depeche::parse_text(input).unwrap();
    assert!(has(&a, "Washington"));
    assert!(!has(&a, "Roumanie") && !has(&a, "Tate"), "{:?}", names(&a));
}

#[test]
fn spans_point_at_the_source() {
    let (input, a) = parse("Lloyd\u{A0}Austin a déclaré que tout allait bien.");
    let m = &actor(&a, "Lloyd Austin").mentions[0];
    assert_eq!(&input[m.span.range()], "Lloyd\u{A0}Austin");
    let c = &a.claims[0];
    assert_eq!(&input[c.cue_span.range()], "a déclaré");
    assert_eq!(&input[c.content_span.range()], "tout allait bien");
}

#[test]
fn extraction_can_be_turned_off() {
    let input = "Titre\n\nWashington a parlé.\n";
    let parser = depeche::Parser::new(depeche::Options::default().extract(false));
    let a = parser.parse_text(input).unwrap();
    assert!(a.actors.is_empty() && a.claims.is_empty());
    assert_eq!(depeche::extract(&a, input).actors[0].name, "Washington");
}

#[test]
fn ampersand_names_one_letter_network_and_bodies_after_a_function() {
    let (_, a) = parse(
        "Selon la Fédération vélo & mobilité, les ventes reculent. Le directeur de Dubreuil & Fils, \
         Marc Ternier, l’a annoncé sur X : « Nous tiendrons. » Une plainte contre X a été déposée. \
         Pour Laura Keller, déléguée générale du Cap-Mobilis, « le marché repartira ».",
    );
    assert_eq!(
        actor(&a, "Fédération vélo & mobilité").kind,
        ActorKind::Organization
    );
    assert_eq!(actor(&a, "Dubreuil & Fils").kind, ActorKind::Organization);
    assert!(!has(&a, "Fédération"), "{:#?}", names(&a));
    // "sur X" is the network; "contre X" is nobody.
    let x = actor(&a, "X");
    assert_eq!(x.kind, ActorKind::Organization);
    assert_eq!(x.mentions.len(), 1, "{:#?}", x.mentions);
    // A body after a function and "du", not a place.
    assert_eq!(actor(&a, "Cap-Mobilis").kind, ActorKind::Organization);
}

#[test]
fn short_forms_of_a_named_body_join_it() {
    let (_, a) = parse(
        "Les ministres de l’Otan se sont réunis à Bruxelles. Selon l’Alliance, les stocks \
         restent bas. La Commission européenne a proposé un fonds ; la Commission doit encore \
         convaincre les États.",
    );
    let otan = actor(&a, "Otan");
    assert!(
        otan.mentions.iter().any(|m| m.text == "Alliance"),
        "{:#?}",
        otan.mentions
    );
    assert!(!has(&a, "Alliance"), "{:#?}", names(&a));
    let commission = actor(&a, "Commission européenne");
    assert_eq!(commission.mentions.len(), 2, "{:#?}", commission.mentions);
}

#[test]
fn names_with_an_unlisted_given_name_are_people_by_their_context() {
    // No given name the list knows: the title in apposition before the
    // name, or the reporting verb of an incise right before it, shows a
    // person.
    let (_, a) = parse(
        "La veille, le chef de la diplomatie ghanéenne, Kwaku Asante, s’était dit « choqué » \
         par le texte. « Un vote historique », a salué Thórdis Gylfadóttir lundi.",
    );
    let asante = actor(&a, "Kwaku Asante");
    assert_eq!(asante.kind, ActorKind::Person);
    assert_eq!(
        roles(&a, "Kwaku Asante"),
        ["chef de la diplomatie ghanéenne"]
    );
    claim(&a, Some("Kwaku Asante"), "« choqué »");
    assert_eq!(actor(&a, "Thórdis Gylfadóttir").kind, ActorKind::Person);
    claim(&a, Some("Thórdis Gylfadóttir"), "Un vote historique");
}

#[test]
fn names_opened_by_n_or_m_apostrophe_are_whole() {
    // "N’" and "M’" before a capital and a small letter open a name, not
    // an elision; a shouted elision stays one.
    let (_, a) = parse(
        "Le milieu N’Golo Koné a estimé que le match était perdu. Selon Awa N’Diaye, le \
         club va bien. Le 3 mai, M’Bark El Ouali, alors député, a affirmé que tout allait \
         bien. Pour sa défense, il accuse Hugo Ferrand d’« insultes ». ILS N’ONT RIEN DIT.",
    );
    assert_eq!(actor(&a, "N’Golo Koné").kind, ActorKind::Person);
    claim(&a, Some("N’Golo Koné"), "le match était perdu");
    claim(&a, Some("Awa N’Diaye"), "le club va bien");
    assert_eq!(actor(&a, "M’Bark El Ouali").kind, ActorKind::Person);
    // The pronoun is not the verb's object.
    claim(&a, Some("M’Bark El Ouali"), "Hugo Ferrand d’« insultes »");
    assert!(
        !has(&a, "Golo Koné") && !has(&a, "Diaye") && !has(&a, "N’ONT"),
        "{:#?}",
        names(&a)
    );
}

#[test]
fn descriptions_of_bodies_speak_for_the_body_last_named() {
    let (_, a) = parse(
        "Le rapport de Human Rights Watch est sévère. L’ONG a dénoncé des exactions. \
         Airbus a publié ses comptes lundi. Le constructeur a annoncé une hausse de 5 %. \
         Selon le groupe, la demande reste forte.",
    );
    claim(&a, Some("Human Rights Watch"), "des exactions");
    claim(&a, Some("Airbus"), "une hausse");
    claim(&a, Some("Airbus"), "la demande reste forte");
    // "l’ONG" describes a body; it names none.
    assert!(!has(&a, "ONG"), "{:#?}", names(&a));
    // With no body named before, the description is the source.
    let (_, b) = parse("Le constructeur a annoncé une hausse de 5 %.");
    assert_eq!(source(&b, "une hausse"), Some("Le constructeur"));
}

#[test]
fn given_names_outweigh_organisation_words_and_affiliations_end_names() {
    let (_, a) = parse(
        "La date est contestée par Marine Tardieu. Le président du Sénat, Gérard LAMBRECHT, \
         a réagi. « Les écarts se réduisent », note Mathieu Roux de l’Ined. Valéry Giscard \
         d’Estaing a parlé. Le Racing Club de l’Estuaire a protesté.",
    );
    // "Marine" is an organisation word and a given name; a surname in
    // capitals is a house style.
    assert_eq!(actor(&a, "Marine Tardieu").kind, ActorKind::Person);
    assert_eq!(actor(&a, "Gérard LAMBRECHT").kind, ActorKind::Person);
    // "de l’Ined" after a full name is an affiliation; "d’Estaing" is a
    // particle, and a body keeps its own.
    claim(&a, Some("Mathieu Roux"), "Les écarts se réduisent");
    assert!(has(&a, "Valéry Giscard d’Estaing"), "{:#?}", names(&a));
    assert!(has(&a, "Racing Club de l’Estuaire"), "{:#?}", names(&a));
}

#[test]
fn people_named_by_surname_alone_are_people() {
    let (_, a) = parse(
        "La Russie de Poutine a choisi l’escalade. Selon Lula, le sommet est un succès. Les \
         proches de Vladimir Poutine sont visés ; Vladimir est furieux. Le fils du président, \
         Hunter Biden, est visé. Biden a répondu que tout allait bien. L’Asie du Sud souffre.",
    );
    // A listed surname after "de" is no place, and a place before "de"
    // and a person's name is a name of its own.
    assert_eq!(actor(&a, "Vladimir Poutine").kind, ActorKind::Person);
    assert_eq!(actor(&a, "Vladimir Poutine").mentions.len(), 3);
    assert_eq!(actor(&a, "Russie").kind, ActorKind::Location);
    claim(&a, Some("Lula"), "le sommet est un succès");
    // The article's own Biden, named in full, is the one "Biden" means.
    claim(&a, Some("Hunter Biden"), "tout allait bien");
    assert!(
        !has(&a, "Joe Biden") && !has(&a, "Biden"),
        "{:#?}",
        names(&a)
    );
    assert!(has(&a, "Asie du Sud"), "{:#?}", names(&a));
}

#[test]
fn selon_and_a_pronoun_after_a_body_s_claim_is_that_body() {
    let (_, a) = parse(
        "Le ministre Paul Morel a reçu le rapport d’Amnesty International. Dans ce document, \
         l’ONG affirme que les frappes ont visé des marchés. Selon elle, aucune précaution \
         n’a été prise. « Nous contestons ces chiffres », a réagi Paul Morel. Selon lui, le \
         texte est partial.",
    );
    claim(&a, Some("Amnesty International"), "les frappes ont visé");
    claim(&a, Some("Amnesty International"), "aucune précaution");
    // After a person's claim, the pronoun is that person's.
    claim(&a, Some("Paul Morel"), "le texte est partial");
}

#[test]
fn ministries_keep_their_adjectives() {
    let (_, a) = parse(
        "Le ministère chinois des Affaires étrangères a dénoncé des « provocations ». La \
         ministre des Affaires étrangères, Léa Morel, a répondu.",
    );
    assert_eq!(
        actor(&a, "ministère chinois des Affaires étrangères").kind,
        ActorKind::Organization
    );
    assert_eq!(roles(&a, "Léa Morel"), ["ministre des Affaires étrangères"]);
}

#[test]
fn a_name_in_apposition_right_before_the_verb_is_its_subject() {
    let (_, a) = parse(
        "Le porte-parole chinois Wang Lei a dénoncé une « provocation ». Le Premier ministre \
         taïwanais, Lin Chia-hao, a estimé dimanche que la paix était menacée. Le constructeur \
         turc des drones, Korsan, a pour sa part fait savoir qu’il « ne commente pas » ces \
         usages.",
    );
    claim(&a, Some("Lin Chia-hao"), "la paix était menacée");
    // A lone name in apposition to a body's descriptor is that body.
    assert_eq!(actor(&a, "Korsan").kind, ActorKind::Organization);
    claim(&a, Some("Korsan"), "il « ne commente pas »");
}

#[test]
fn a_title_with_its_complement_right_before_a_name_is_that_person_s() {
    let (_, a) = parse(
        "Jeudi, le ministre de l’Intérieur Gérald Darmanin a estimé que la décision était \
         bonne. Le quotidien révèle que le ministre de la Santé Tomas Vrba s’est rendu dans \
         un restaurant. Mercredi, Tomas Vrba était avec des amis. Le secrétaire général de \
         l’ONU Antonio Guterres a jugé la situation grave. La députée LREM Sandrine Morel a \
         dit qu’elle voterait contre.",
    );
    assert_eq!(roles(&a, "Gérald Darmanin"), ["ministre de l’Intérieur"]);
    claim(&a, Some("Gérald Darmanin"), "la décision était bonne");
    // An unlisted given name: the title vouches for the person, whose
    // name alone elsewhere is the same actor.
    assert_eq!(actor(&a, "Tomas Vrba").kind, ActorKind::Person);
    assert_eq!(actor(&a, "Tomas Vrba").mentions.len(), 2);
    assert_eq!(roles(&a, "Tomas Vrba"), ["ministre de la Santé"]);
    // An acronym before a given name is a body of its own.
    assert_eq!(
        roles(&a, "Antonio Guterres"),
        ["secrétaire général de l’ONU"]
    );
    assert_eq!(actor(&a, "ONU").kind, ActorKind::Organization);
    assert_eq!(roles(&a, "Sandrine Morel"), ["députée LREM"]);
    claim(&a, Some("Sandrine Morel"), "elle voterait contre");
}

#[test]
fn a_title_in_a_complement_or_a_plural_one_is_not_the_subject_s() {
    let (_, a) = parse(
        "Un proche du Premier ministre Edouard Vasseur a déploré cette décision. Parmi les \
         opposants au texte figure Aurélie Lenoir. Le fils du roi Fahd a dit qu’il viendrait.",
    );
    assert_eq!(roles(&a, "Edouard Vasseur"), ["Premier ministre"]);
    assert!(
        !a.claims
            .iter()
            .any(|c| c.speaker.as_deref() == Some("Edouard Vasseur")),
        "{:#?}",
        a.claims
    );
    assert!(roles(&a, "Aurélie Lenoir").is_empty());
    assert_eq!(roles(&a, "Fahd"), ["roi"]);
}

#[test]
fn a_body_s_complement_stops_at_a_verb_and_a_bare_article() {
    let (_, a) = parse(
        "Il a salué la décision du Conseil des droits de l’Homme de renouveler le mandat. \
         L’utilisation du logo de l’Assemblée nationale pour promouvoir des colloques est \
         choquante. « Non », a plaidé au Conseil des droits de l’Homme l’ambassadeur \
         pakistanais Karim Baloch. « Un résultat important », s’est félicité auprès de l’AFP \
         Victor Lemaire-Soto. Le groupe Renault Jean-Dominique Senard a changé de cap. Le \
         lycée Paul Bert a rouvert.",
    );
    assert!(has(&a, "Conseil des droits de l’Homme"), "{:#?}", names(&a));
    assert!(has(&a, "Assemblée nationale"), "{:#?}", names(&a));
    assert_eq!(roles(&a, "Karim Baloch"), ["ambassadeur pakistanais"]);
    claim(&a, Some("Karim Baloch"), "Non");
    // The addressee after "auprès de" is not the speaker.
    claim(&a, Some("Victor Lemaire-Soto"), "Un résultat important");
    assert_eq!(actor(&a, "Jean-Dominique Senard").kind, ActorKind::Person);
    assert!(has(&a, "lycée Paul Bert"), "{:#?}", names(&a));
}

#[test]
fn ministries_keep_their_coordinated_complements() {
    let (_, a) = parse(
        "Le ministère de l’Europe et des Affaires étrangères a dénoncé l’attaque. Le ministère \
         de l’Agriculture et de l’Alimentation a répondu.",
    );
    assert!(
        has(&a, "ministère de l’Europe et des Affaires étrangères"),
        "{:#?}",
        names(&a)
    );
    assert!(
        has(&a, "ministère de l’Agriculture et de l’Alimentation"),
        "{:#?}",
        names(&a)
    );
    assert!(!has(&a, "Affaires"), "{:#?}", names(&a));
}

#[test]
fn a_listed_body_takes_no_common_noun_complement() {
    let (_, a) = parse(
        "Kiev attend l’examen par l’Union européenne de la candidature d’entrée de l’Ukraine. \
         Les chefs d’État se retrouveront lors du Conseil européen de la fin mars.",
    );
    assert!(has(&a, "Union européenne"), "{:#?}", names(&a));
    assert!(has(&a, "Conseil européen"), "{:#?}", names(&a));
    assert!(
        !a.actors.iter().any(|x| x.name.contains(" de la ")),
        "{:#?}",
        names(&a)
    );
}

#[test]
fn initials_sources_and_names_in_apposition_after_selon() {
    let (_, a) = parse(
        "Donald Trump a appelé Éric Zemmour. D’après un témoin de l’entretien, D. Trump a \
         indiqué que tout irait bien. « Ne cédez pas », lui a lancé D. Trump. Pour le \
         ministre de la Santé, Paul Morel, c’est grave.",
    );
    // An initial and a surname are the person named in full.
    assert!(!has(&a, "D. Trump"), "{:#?}", names(&a));
    claim(&a, Some("Donald Trump"), "Ne cédez pas");
    // An indefinite source after "d’après" is nobody's title.
    assert!(roles(&a, "Donald Trump").is_empty());
    claim(&a, None, "D. Trump a indiqué");
    // The name in apposition after the source is not the content.
    let c = a
        .claims
        .iter()
        .find(|c| c.content.contains("grave"))
        .expect("the claim");
    assert_eq!(c.speaker.as_deref(), Some("Paul Morel"));
    assert_eq!(c.content, "c’est grave");
}

#[test]
fn free_appositions_are_noun_phrases_for_a_person() {
    let (_, a) = parse(
        "En visite à Madrid pour afficher sa stature internationale aux côtés de ses alliés \
         européens, Marine Le Pen a rencontré la presse. Viktor Orban, près de deux mois après \
         une rencontre similaire, a reçu Marine Le Pen. Le parti conservateur, celui de Boris \
         Johnson, reçoit des dons. Me Antoine Verhaeghe a plaidé la relaxe pour son client, \
         Didier Maes, propriétaire de l’immeuble. Son manager, Fabrice Etcheverry, a réagi.",
    );
    assert!(roles(&a, "Marine Le Pen").is_empty());
    assert!(roles(&a, "Viktor Orban").is_empty());
    assert!(roles(&a, "Boris Johnson").is_empty());
    assert_eq!(
        roles(&a, "Didier Maes"),
        ["client", "propriétaire de l’immeuble"]
    );
    assert_eq!(roles(&a, "Fabrice Etcheverry"), ["manager"]);
}

#[test]
fn a_name_after_a_preposition_is_where_it_was_said() {
    let (_, a) = parse(
        "« Non », a déclaré sur BFMTV le ministre Paul Morel. La ministre de la santé, Hélène \
         Garnier, a défendu devant les députés un budget prudent.",
    );
    claim(&a, Some("Paul Morel"), "Non");
    assert!(
        !a.claims
            .iter()
            .any(|c| c.content.contains("Hélène Garnier")),
        "{:#?}",
        a.claims
    );
}

#[test]
fn a_verb_after_a_pre_adjective_is_no_title() {
    let (_, a) = parse(
        "Donald Trump a de nouveau accusé Hunter Biden de mentir. L’ancien ministre Paul Morel \
         a répondu.",
    );
    assert!(roles(&a, "Hunter Biden").is_empty());
    assert_eq!(roles(&a, "Paul Morel"), ["ancien ministre"]);
}

#[test]
fn a_pronoun_goes_to_someone_whose_given_name_has_its_gender() {
    // "Laurent" is a man's name: "elle" is Sophie Marchal, though he is
    // named last; "Jean-Luc" (a man's compound) leaves "elle" to Anne
    // Rey, and "Marie-Claire" (a woman's) takes it.
    let (_, a) = parse(
        "Sophie Marchal a reçu Laurent Dufresne mardi. « Nous avons parlé du budget », \
         a-t-elle raconté.\n\nAnne Rey a croisé Jean-Luc Vidal. « Tout va bien », a-t-elle \
         assuré.\n\nPaul Roche a salué Marie-Claire Simon. « Merci », a-t-elle répondu.",
    );
    claim(&a, Some("Sophie Marchal"), "Nous avons parlé du budget");
    claim(&a, Some("Anne Rey"), "Tout va bien");
    claim(&a, Some("Marie-Claire Simon"), "Merci");
}

#[test]
fn a_pronoun_is_not_someone_named_in_what_was_reported() {
    let (_, a) = parse(
        "Hugo Ferrand a déclaré que Paul Girard pouvait encore décider. « Je n’ai enfreint \
         aucune règle », a-t-il estimé.",
    );
    claim(&a, Some("Hugo Ferrand"), "Je n’ai enfreint aucune règle");
}

#[test]
fn the_speaker_after_quant_a_elle_or_de_son_cote_is_the_name() {
    let (_, a) = parse(
        "« Le budget tiendra », résume quant à elle Francisca Lemoine, économiste. « Rien ne \
         presse », estime de son côté Anne Rey.",
    );
    claim(&a, Some("Francisca Lemoine"), "Le budget tiendra");
    claim(&a, Some("Anne Rey"), "Rien ne presse");
    assert_eq!(actor(&a, "Anne Rey").kind, depeche::ActorKind::Person);
}

#[test]
fn a_plural_or_indefinite_pronoun_is_no_one_person() {
    let (_, a) = parse(
        "Paul Morel a reçu les syndicats. « Nous refusons ce plan », ont-ils déclaré. « Le \
         dossier avance », nous répond-on au ministère. Les enseignants mobilisés dénoncent la \
         réforme. Pour eux, la loi va augmenter la précarité.",
    );
    assert!(
        a.claims
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Paul Morel")),
        "{:#?}",
        a.claims
    );
    assert_eq!(source(&a, "Le dossier avance"), Some("on"));
    assert_eq!(
        source(&a, "la loi va augmenter"),
        Some("Les enseignants mobilisés")
    );
}

#[test]
fn participles_numbers_and_coordinated_people_are_no_roles() {
    let (_, a) = parse(
        "« Nous partons », a dit Maria Lenoir, 30 ans, arrivée de Lyon avec son mari. « Elle a \
         donné aux Morel, les deux, un million », a dit Paul Roche, ex-député de l’Aisne. Pour \
         sa femme et ses enfants, Emmanuel Dupuis a oublié le dossier. Jean Vidal, retraité de \
         la SNCF, a témoigné. Son associée, Anne Rey, a signé.",
    );
    assert!(roles(&a, "Maria Lenoir").is_empty());
    assert!(roles(&a, "Emmanuel Dupuis").is_empty());
    assert_eq!(roles(&a, "Paul Roche"), ["ex-député de l’Aisne"]);
    assert_eq!(roles(&a, "Jean Vidal"), ["retraité de la SNCF"]);
    assert_eq!(roles(&a, "Anne Rey"), ["associée"]);
    assert!(
        a.actors
            .iter()
            .all(|x| x.roles.iter().all(|r| r.text != "deux")),
        "{:#?}",
        names(&a)
    );
}

#[test]
fn a_plural_noun_is_no_participle_cue() {
    // "menaces" folds as "menacés" does.
    let (_, a) = parse(
        "Anne Rey, entre défections et menaces de nouvelles trahisons, avance. Paul Morel a \
         critiqué la réforme.",
    );
    assert!(
        a.claims
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Anne Rey")),
        "{:#?}",
        a.claims
    );
    claim(&a, Some("Paul Morel"), "la réforme");
}

#[test]
fn an_anonymous_source_ends_before_a_modal() {
    let (_, a) = parse("Les Suisses pourraient également se prononcer sur deux initiatives.");
    assert_eq!(source(&a, "deux initiatives"), Some("Les Suisses"));
}

#[test]
fn the_agent_of_a_passive_participle_is_no_speaker() {
    let (_, a) = parse(
        "C’est le cas du traitement miracle, vanté par Paul Morel dans un tweet. La ministre, \
         Anne Rey, était défavorable à cette mesure, soutenue par le rapporteur.",
    );
    assert!(a.claims.is_empty(), "{:#?}", a.claims);
}

#[test]
fn a_feminine_role_with_a_complement_is_the_one_woman_named() {
    let (_, a) = parse(
        "La date est contestée par Claire Vasseur et Marc Petit.\n\nInvitée sur une radio, la \
         candidate du Parti vert a rappelé que « cette date divise ».\n\nÀ Lyon, Anne Rey et \
         Julie Roux ont parlé.\n\nLa députée du Rhône a dénoncé le projet.",
    );
    claim(&a, Some("Claire Vasseur"), "« cette date divise »");
    // Three women named before: "la députée du Rhône" is none for sure.
    claim(&a, None, "le projet");
}

#[test]
fn a_noun_after_a_verb_and_en_is_no_cue() {
    let (_, a) = parse(
        "Paul Morel raconte en somme l’histoire de son école. Anne Rey a répondu en soulignant \
         que la position n’avait pas changé.",
    );
    assert!(a.claims.iter().all(|c| c.cue != "somme"), "{:#?}", a.claims);
    claim(&a, Some("Anne Rey"), "la position n’avait pas changé");
}

#[test]
fn a_name_in_the_phrase_of_where_it_was_said_is_no_speaker() {
    let (_, a) = parse(
        "« Nous tiendrons jusqu’au bout », a écrit sur son compte Mastodon le maire de Quimper, \
         Paul Girard, appelant les habitants à rester chez eux.\n\n« La route est coupée », \
         indique dans un communiqué le Syndicat des transports de l’Ouest.",
    );
    claim(&a, Some("Paul Girard"), "Nous tiendrons");
    claim(&a, Some("Paul Girard"), "les habitants");
    claim(
        &a,
        Some("Syndicat des transports de l’Ouest"),
        "La route est coupée",
    );
}

#[test]
fn an_apposition_before_a_name_passes_a_gloss_in_brackets() {
    let (_, a) = parse(
        "Le gouverneur de la région de Poltava (centre), Dmytro Lounine, a demandé aux habitants \
         de partir.",
    );
    assert_eq!(
        roles(&a, "Dmytro Lounine"),
        ["gouverneur de la région de Poltava"]
    );
}

#[test]
fn an_acronym_in_brackets_after_a_person_or_a_place_is_no_alias() {
    let (_, a) = parse(
        "La députée Claire Vasseur (RN) a dénoncé la réforme. Le RN votera contre. Selon la \
         Fédération des artisans de France (FAF), le texte coûtera cher. La FAF le dit.\n\n\
         QUIMPER (APC) - Le maire de Brest (XYZ), Paul Girard, a parlé.\n\n2. Maxime Le Gall (FRA) \
         2h10’58’’",
    );
    assert_eq!(actor(&a, "Claire Vasseur").mentions.len(), 1);
    assert_eq!(actor(&a, "RN").mentions.len(), 2);
    assert_eq!(
        actor(&a, "Fédération des artisans de France")
            .mentions
            .len(),
        3
    );
    // A wire dateline without a date, a department, a country's code.
    for name in ["APC", "XYZ", "FRA"] {
        assert!(!has(&a, name), "{:#?}", names(&a));
    }
    assert_eq!(actor(&a, "Maxime Le Gall").mentions.len(), 1);
    // The content of "selon" starts past the bracket.
    claim(&a, Some("Fédération des artisans de France"), "le texte");
}

#[test]
fn a_present_participle_takes_its_subject_before_and_a_name_as_object() {
    let (_, a) = parse(
        "Dans un entretien accordé à la radio Horizon Ouest, Paul Morel a de nouveau accusé son \
         rival, qui fait l’objet d’une enquête, d’avoir menti, appelant Anne Rey à « publier les \
         comptes ».",
    );
    // Not "Anne Rey" calling, with the sentence before as what she said.
    claim(&a, Some("Paul Morel"), "Anne Rey à « publier les comptes »");
    assert!(
        a.claims
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Anne Rey")),
        "{:#?}",
        a.claims
    );
}

#[test]
fn a_title_word_after_a_noun_is_an_adjective() {
    let (_, a) = parse(
        "Invitée de l’émission conservatrice Cap Nord, Anne Rey a défendu le projet. Le \
         conservateur du musée, Paul Morel, s’est tu.",
    );
    assert!(
        a.actors
            .iter()
            .all(|x| x.roles.iter().all(|r| r.text != "conservatrice")),
        "{:#?}",
        a.actors
    );
    assert_eq!(roles(&a, "Paul Morel"), ["conservateur du musée"]);
}

#[test]
fn straight_quotes_inside_guillemets_close_nothing() {
    let (_, a) = parse(
        "Paul Morel avait salué sa stratégie : « J’ai vu la télé et j’ai dit : \"C’est du \
         génie\". Il avance. Oh, c’est merveilleux », avait-il déclaré.\n\nAnne Rey a dit \
         \"Je reste\".",
    );
    let c = claim(&a, Some("Paul Morel"), "J’ai vu la télé");
    assert!(c.content.ends_with("c’est merveilleux"), "{:?}", c.content);
    claim(&a, Some("Anne Rey"), "Je reste");
}

#[test]
fn a_name_that_ends_a_block_after_a_verb_is_no_object() {
    // The block ends at the name: nothing after it to read (this read
    // past the tokens once).
    let (_, a) = parse("Paul Morel a critiqué le projet, appelant Anne Rey");
    claim(&a, Some("Paul Morel"), "le projet");
    assert!(
        a.claims.iter().all(|c| c.cue != "appelant"),
        "{:#?}",
        a.claims
    );
}

#[test]
fn an_impersonal_il_is_nobody() {
    let (_, a) = parse(
        "Paul Morel a salué l’accord. Il s’agirait notamment de convenir de normes communes. Il \
         faudra pour cela une crise dont il explique les causes. Il a ajouté que rien n’était \
         joué.",
    );
    assert!(
        a.claims
            .iter()
            .all(|c| !c.content.starts_with("normes") && !c.cue.contains("convenir")),
        "{:#?}",
        a.claims
    );
    claim(&a, Some("Paul Morel"), "rien n’était joué");
}

#[test]
fn a_name_in_the_complement_of_a_noun_is_not_the_subject() {
    let (_, a) = parse(
        "L’objectif de la Commission européenne est de nier la réalité du problème. Une série \
         d’études de l’Insee publiées mardi confirment la diversité de la population.",
    );
    assert!(a.claims.is_empty(), "{:#?}", a.claims);
}

#[test]
fn reporting_verbs_in_their_physical_sense_are_no_cues() {
    let (_, a) = parse(
        "Blessé, Hugo Petit revient sur la pelouse à la 60e minute. Il se plaint de la cheville \
         et sort. Paul Morel revient sur sa décision de quitter le club, évoquant la piste d’un \
         prêt.",
    );
    assert!(roles(&a, "Hugo Petit").is_empty());
    assert!(
        a.claims
            .iter()
            .all(|c| c.speaker.as_deref() != Some("Hugo Petit")),
        "{:#?}",
        a.claims
    );
    claim(&a, Some("Paul Morel"), "sa décision de quitter le club");
    claim(&a, Some("Paul Morel"), "la piste d’un prêt");
}

#[test]
fn no_name_runs_across_a_link() {
    let input = "# Un titre d’essai\n\nSur son blog [Le Veilleur](https://exemple.fr/a), Paul \
                 Morel [Radio Ouest](https://exemple.fr/b) détaillait sa position.\n\nSelon \
                 [Anne Rey](https://exemple.fr/c), la mesure est injuste.\n";
    let a = depeche::parse_text(input).expect("parses");
    for name in ["Paul Morel", "Radio Ouest", "Anne Rey"] {
        assert!(has(&a, name), "{name}: {:#?}", names(&a));
    }
    assert!(
        a.actors.iter().all(|x| !x.name.contains("Morel Radio")),
        "{:#?}",
        names(&a)
    );
    claim(&a, Some("Anne Rey"), "la mesure est injuste");
}

#[test]
fn a_role_before_a_name_goes_to_the_known_person_the_next_sentence_names() {
    let (_, a) = parse(
        "Le texte est porté par la conseillère d’État Claire Vasseur. La syndique de Vevey, \
         Julie Roux, s’y oppose.\n\nÀ Lausanne, la ministre défend sa copie. Interrogée par \
         notre rédaction, Claire Vasseur a estimé que la sécurité n’a pas de frontières.",
    );
    let vasseur = actor(&a, "Claire Vasseur");
    assert!(
        vasseur.mentions.iter().any(|m| m.text == "la ministre"),
        "{:#?}",
        a.actors
    );
    assert_eq!(actor(&a, "Julie Roux").mentions.len(), 1);
}

#[test]
fn a_name_in_apposition_to_a_longer_title_is_a_person() {
    let (_, a) = parse(
        "Le Premier ministre taïwanais, Wu Jia-ming, a estimé dimanche que la paix est menacée.",
    );
    assert_eq!(actor(&a, "Wu Jia-ming").kind, ActorKind::Person);
    assert_eq!(roles(&a, "Wu Jia-ming"), ["Premier ministre taïwanais"]);
    claim(&a, Some("Wu Jia-ming"), "la paix est menacée");
}

#[test]
fn a_participle_in_a_sentence_about_a_thing_has_no_speaker() {
    let (_, a) = parse(
        "Paul Morel a parlé hier.\n\nLa décision du tribunal d’annuler le décret, garantissant \
         l’accès aux archives, a eu des retentissements. Un avertissement auquel Anne Rey a \
         répondu en soulignant que la position du pays n’avait pas changé.",
    );
    assert!(
        a.claims.iter().all(|c| !c.content.starts_with("l’accès")),
        "{:#?}",
        a.claims
    );
    claim(&a, Some("Anne Rey"), "la position du pays");
}

#[test]
fn a_name_after_a_coordinated_ministry_starts_after_it() {
    // Neither "Santé" nor "Solidarités" is a given name, nor is "Stavros":
    // the complement of the title still ends before the name.
    let (_, a) = parse(
        "Le ministre grec de la Santé et des Solidarités Stavros Kalidis a affirmé que les \
         hôpitaux tiendraient. Le ministre de la Défense Lykos Peltar doit arriver lundi à Kiev. \
         Le directeur du Grand Port Fluvial de Strasbourg, Marc Heitz, a confirmé la date.",
    );
    assert_eq!(actor(&a, "Stavros Kalidis").kind, ActorKind::Person);
    assert_eq!(
        roles(&a, "Stavros Kalidis"),
        ["ministre grec de la Santé et des Solidarités"]
    );
    claim(&a, Some("Stavros Kalidis"), "les hôpitaux tiendraient");
    assert_eq!(roles(&a, "Lykos Peltar"), ["ministre de la Défense"]);
    // The mention of one minister is not another's.
    assert_eq!(actor(&a, "Lykos Peltar").mentions.len(), 1);
    assert!(
        has(&a, "Grand Port Fluvial de Strasbourg"),
        "{:#?}",
        names(&a)
    );
}

#[test]
fn a_counterpart_holds_the_title_of_the_one_he_meets() {
    // Both are ministers: the counterpart, named last, is "le ministre"
    // of the quote that follows him, not the first minister.
    let (_, a) = parse(
        "La ministre belge de l’Énergie, Sofie Claeys, a reçu à Bruxelles son homologue \
         portugais, Rui Amaral. Les deux ministres se reverront en mai.\n\nAmaral a déjà fait \
         état de discussions avec les opérateurs. « Rien n’est joué », a assuré le ministre.",
    );
    claim(&a, Some("Rui Amaral"), "Rien n’est joué");
    assert!(
        actor(&a, "Rui Amaral")
            .mentions
            .iter()
            .any(|m| m.text == "le ministre"),
        "{:#?}",
        a.actors
    );
}

#[test]
fn to_whom_where_or_how_it_was_said_stands_between_the_verb_and_que() {
    let (_, a) = parse(
        "Le tournoi s’est achevé dimanche.\n\nMarc Rivet a déclaré à la presse que son équipe \
         resterait sereine. Anne Rey a indiqué dans un communiqué qu’elle ne se représenterait \
         pas. Paul Morel a assuré lundi sur une radio locale que le budget serait tenu. Jean Caro \
         avait annoncé par avance qu’il ferait appel.",
    );
    claim(&a, Some("Marc Rivet"), "son équipe resterait sereine");
    claim(&a, Some("Anne Rey"), "elle ne se représenterait pas");
    claim(&a, Some("Paul Morel"), "le budget serait tenu");
    claim(&a, Some("Jean Caro"), "il ferait appel");
}

#[test]
fn the_verbs_own_preposition_and_par_ecrit_are_no_place_said() {
    let (_, a) = parse(
        "Le marché reste tendu.\n\nClaire Vasseur table sur une stabilisation plutôt que sur \
         une baisse. Paul Morel conseille aux clients de comparer les offres : les écarts sont \
         grands. Selon lui, la mairie doit s’engager par écrit sur la date prévue : « Nous \
         attendons des actes. »",
    );
    claim(
        &a,
        Some("Claire Vasseur"),
        "une stabilisation plutôt que sur une baisse",
    );
    claim(&a, Some("Paul Morel"), "aux clients de comparer les offres");
    assert!(a.claims.iter().all(|c| c.cue != "écrit"), "{:#?}", a.claims);
}

#[test]
fn multiword_cues_in_an_incise_after_a_quote() {
    let (_, a) = parse(
        "La réunion a tourné court.\n\n« La direction nous ment depuis des mois », a pointé du \
         doigt le délégué syndical, Jean Caro. « Le réseau ne tiendra pas l’été », a tiré la \
         sonnette d’alarme la maire, Anne Rey.",
    );
    assert_eq!(
        claim(&a, Some("Jean Caro"), "La direction nous ment").cue,
        "a pointé du doigt"
    );
    assert_eq!(
        claim(&a, Some("Anne Rey"), "Le réseau ne tiendra pas").kind,
        ClaimKind::Direct
    );
}

#[test]
fn a_second_verb_after_et_is_a_second_claim_of_the_same_speaker() {
    let (_, a) = parse(
        "Le conseil a voté mardi.\n\nAnne Rey a estimé que le projet était « mal ficelé » et a \
         demandé qu’une étude soit menée. Paul Morel a dénoncé « une décision prise de loin », \
         et appelé à une grève dès lundi.",
    );
    claim(&a, Some("Anne Rey"), "le projet était « mal ficelé »");
    claim(&a, Some("Anne Rey"), "une étude soit menée");
    claim(&a, Some("Paul Morel"), "une décision prise de loin");
    claim(&a, Some("Paul Morel"), "une grève dès lundi");
    assert!(
        a.claims
            .iter()
            .all(|c| !c.content.contains(" et a demandé")),
        "{:#?}",
        a.claims
    );
}
