//! Roles: functions and titles attached to actors, and role-only mentions.
//!
//! A title from the lexicon ("ministre", "secrétaire d’État", "maire") opens
//! a role phrase that runs on over adjectives ("secrétaire américain",
//! "ministre délégué chargé de …") and a complement ("maire d’Agen",
//! "économiste chez Natixis", "président du groupe Y") to the next comma,
//! full stop, relative pronoun or verb. The phrase is attached to a name
//! - in apposition after it: "Lloyd Austin, le secrétaire américain à la
//!   défense," (any noun phrase after a determiner or a profession-like
//!   noun counts there: "Raphaël Girod, boulanger installé à Lons,");
//! - in apposition before it: "Le ministre des Transports, Pierre Aubrac,",
//!   "sa présidente, Christine Lagarde";
//! - right before it: "le président Abdelmadjid Tebboune".
//!
//! Otherwise, after a determiner, it is a role-only mention ("le préfet",
//! "son homologue russe"), resolved in `mod.rs`.

use super::mentions::{Ment, adjective_like, is_verb};
use super::tokens::{HONORIFIC, Kind, Unit, WordSet, Words};
use crate::ActorKind;
use crate::lexicon::extract::LEXICON;

/// A role phrase found in a block (`'u`: the block's [`Unit`]).
#[derive(Clone, Debug)]
pub(crate) struct RolePhrase<'u> {
    pub(crate) unit: usize,
    /// Token range of the phrase (without determiner).
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Start of the phrase with its determiner.
    pub(crate) da: usize,
    /// Folded masculine singular of its title ("" for a free apposition).
    pub(crate) key: &'static str,
    /// The determiner, folded ("le", "son"…), if any.
    pub(crate) det: Option<&'u str>,
    /// The mention it is attached to, if any.
    pub(crate) holder: Option<usize>,
    /// Whether the phrase has a complement ("le ministre de l’Intérieur"),
    /// and whether it is indefinite ("d’une entreprise concurrente").
    pub(crate) complement: bool,
    pub(crate) indefinite: bool,
    /// The gender the phrase shows ("la ministre", "présidente").
    pub(crate) fem: Option<bool>,
}

pub(crate) const DETERMINERS: &WordSet = &WordSet::new(&[
    "le", "la", "l'", "les", "son", "sa", "ses", "leur", "leurs", "un", "une", "cet", "cette",
    "ce", "notre", "votre",
]);

/// The possessive determiners of [`DETERMINERS`] that open a noun phrase
/// before a name ("son chargé de campagne, Karim Aït-Saïd").
const POSSESSIVES: &WordSet = &WordSet::new(&["son", "sa", "leur"]);

/// Adjectives that may come before a title ("l’ancien ministre").
const PRE_ADJECTIVES: &WordSet = &WordSet::new(&[
    "ancien",
    "ancienne",
    "anciens",
    "anciennes",
    "nouveau",
    "nouvel",
    "nouvelle",
    "futur",
    "future",
    "actuel",
    "actuelle",
    "premier",
    "premiere",
    "jeune",
    "celebre",
    "puissant",
    "puissante",
    "influent",
    "influente",
    "eternel",
    "eternelle",
    "ex",
    "haut",
    "haute",
    "principal",
    "principale",
    "tout",
    "toute",
    "emblematique",
    "charismatique",
]);

/// Words that end a role phrase.
const ROLE_STOP: &WordSet = &WordSet::new(&[
    "qui", "que", "qu'", "a", "ont", "est", "sont", "etait", "avait", "sera", "dont", "ou", "mais",
    "car", "lorsqu'", "quand", "selon", "lors", "il", "elle", "ils", "elles", "ne", "n'", "se",
    "s'", "y", "on", "comme", "si", "lui", "leur", "vient", "doit", "peut", "va", "fait",
    "avaient", "etaient", "aura", "pourrait", "devrait", "reste", "restent",
]);

/// Words that open no free apposition ("Name, de …", "Name, selon …").
const NO_FREE_APPOSITION: &WordSet = &WordSet::new(&[
    "de",
    "du",
    "des",
    "d'",
    "a",
    "au",
    "aux",
    "en",
    "et",
    "dont",
    "selon",
    "pour",
    "avec",
    "sans",
    "notamment",
    "puis",
    "ainsi",
    "alors",
    "aussi",
    "deja",
    "sur",
    "dans",
    "chez",
    "par",
    // Prepositions and adverbs of time and place: "Viktor Orban, près de
    // deux mois après…", "Donald Trump, jusqu’à…".
    "pres",
    "loin",
    "lors",
    "apres",
    "avant",
    "depuis",
    "malgre",
    "face",
    "grace",
    "suite",
    "jusqu'",
    "jusque",
    "sauf",
    "outre",
    "comme",
    "ici",
    "meme",
    "tout",
    "toute",
    "ni",
    "non",
    "peu",
    "tres",
    "bien",
    // Numbers and quantifiers: "aux Biden, les deux, 3,5 millions",
    // "les ministres, tous deux, …".
    "deux",
    "trois",
    "quatre",
    "tous",
    "toutes",
    "chacun",
    "chacune",
    "ensemble",
]);

/// Nouns of kinship and of ties that name a person after a possessive
/// ("son petit-fils", "son manager") and are neither titles (those open
/// a phrase of their own: "son fils", "sa compagne") nor look like a
/// profession ([`profession_like`]: "son client").
const KIN: &WordSet = &WordSet::new(&[
    "petit-fils",
    "petite-fille",
    "femme",
    "neveu",
    "niece",
    "cousin",
    "cousine",
    "camarade",
    "bras",
    "garde",
    "second",
    "entourage",
    "charge",
    "chargee",
    "manager",
    "coach",
]);

/// Words that make a role phrase's complement indefinite ("d’une
/// entreprise concurrente").
const INDEFINITE: &WordSet = &WordSet::new(&["un", "une", "plusieurs", "certains", "certaines"]);

/// Complement openers after a title.
const COMPLEMENT: &WordSet = &WordSet::new(&[
    "de", "du", "des", "d'", "a", "au", "aux", "chez", "en", "sur", "pour", "aupres", "charge",
    "chargee", "dans", "depuis",
]);

/// Nouns that look like a profession or a description ("hydrologue",
/// "boulanger", "analyste", "directrice"), for appositions without a
/// lexicon title.
fn profession_like(f: &str) -> bool {
    const ENDS: &[&str] = &[
        "logue", "iste", "ien", "ienne", "eur", "euse", "rice", "aire", "ier", "iere", "ant",
        "ante", "graphe", "nome", "iatre", "ecin", "ecine", "ourier", "ere", "ateur", "atrice",
        "ent", "ente", "ome",
    ];
    f.len() >= 4 && ENDS.iter().any(|e| f.ends_with(e))
}

/// Where the role phrase whose title ends at `t_end` ends. `loose` (an
/// apposition, closed by punctuation) takes any lower-case word; otherwise
/// only adjectives may come before the complement. `person_at` tells
/// where a person's name starts: one that follows the complement's own
/// words ends it ("le ministre de l’Intérieur Gérald Darmanin").
fn phrase_end(u: &Unit<'_>, t_end: usize, loose: bool, person_at: impl Fn(usize) -> bool) -> usize {
    let n = u.toks.len();
    let mut k = t_end;
    let limit = (t_end + if loose { 16 } else { 12 }).min(n);
    let mut in_complement = false;
    let mut after_acronym = false;
    while k < limit {
        let t = &u.toks[k];
        if t.kind == Kind::Punct {
            // "Riese & Müller".
            if !(u.is(k, &["&"]) && in_complement) {
                break;
            }
        }
        // "à" folds to "a": the source tells the preposition from the verb.
        if u.is(k, ROLE_STOP) && !matches!(u.tok(k), "à" | "À") {
            break;
        }
        if is_verb(u, k) {
            break;
        }
        if u.is(k, &["et"]) && !loose && !u.is(k + 1, &["de", "des", "du", "d'"]) {
            break;
        }
        // Titles are coordinated bare ("fondateur et rédacteur en chef"),
        // people with a determiner: "à sa femme et ses enfants, Emmanuel
        // Macron a…" names no role of his.
        if u.is(k, &["et"]) && u.is(k + 1, COORDINATED_DETERMINERS) {
            break;
        }
        let comp = u.is(k, COMPLEMENT) && u.tok(k) != "a";
        if in_complement
            && t.cap
            && !loose
            && !u.is(k - 1, DANGLING)
            && u.toks[k - 1].flags & HONORIFIC == 0
            && !u.is(k - 1, &["."])
            && person_at(k)
        {
            break;
        }
        if !in_complement && !comp {
            if t.cap {
                // A name right after the title: "le président Tebboune";
                // an acronym and its name: "délégué SUD Santé".
                if !t.upper && (!after_acronym || person_at(k)) {
                    break;
                }
            } else if !loose && !adjective_like(u, k) {
                break;
            }
        }
        after_acronym = t.upper || (after_acronym && t.cap);
        if comp {
            in_complement = true;
        }
        k += 1;
    }
    // No dangling particle or article at the end.
    while k > t_end && u.is(k - 1, DANGLING) {
        k -= 1;
    }
    k
}

/// Whether token `i` is a past participle, which opens a clause, not a
/// role: "Maria Chuprina, 30 ans, arrivée d’Izmaïl…", "…, consacré à
/// l’intégration". Those that name a function are titles ("élu",
/// "associé", "ex-député"), but "retraité", which folds to "retraite"
/// (pension), and so cannot be one.
fn participle_clause(u: &Unit<'_>, i: usize) -> bool {
    let w = u.tok(i);
    ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
        && !w.contains('-')
        && !u.is(i, &["retraite", "retraitee", "retraites", "retraitees"])
}

/// Determiners that, after "et", open a second noun phrase rather than a
/// second title.
const COORDINATED_DETERMINERS: &WordSet = &WordSet::new(&[
    "le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes",
    "ce", "cet", "cette", "ces",
]);

/// Particles and articles a role phrase does not end on.
const DANGLING: &WordSet = &WordSet::new(&[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "a", "au", "aux", "et", "en", "chez", "dans",
    "depuis", "pour", "sur",
]);

/// What the name mentions of a block mark at a token. (Mention indices
/// in 32 bits: the table has an entry per token, written for every block,
/// and no article has four billion mentions.)
#[derive(Clone, Copy)]
pub(crate) struct Marks {
    /// The first mention starting there ([`NO_MENTION`]: none).
    starting: u32,
    /// The first mention ending there ([`NO_MENTION`]: none).
    ending: u32,
    /// Whether the token is inside a name of several tokens.
    inside: bool,
}

/// In [`Marks`]: no mention.
const NO_MENTION: u32 = u32::MAX;

/// Finds role phrases in unit `ui`, given all name mentions.
/// `mine` is the range of `ments` (sorted by block) that are in block `ui`.
pub(crate) fn find<'u>(
    ui: usize,
    u: &'u Unit<'_>,
    ments: &[Ment],
    mine: std::ops::Range<usize>,
    out: &mut Vec<RolePhrase<'u>>,
    marks: &mut Vec<Marks>,
) {
    let n = u.toks.len();
    // Per token, in one table, reused from block to block.
    marks.clear();
    marks.resize(
        n + 1,
        Marks {
            starting: NO_MENTION,
            ending: NO_MENTION,
            inside: false,
        },
    );
    let marks = &mut marks[..];
    for i in mine.clone() {
        let (a, b) = (ments[i].a, ments[i].b);
        let m = u32::try_from(i).unwrap_or(NO_MENTION);
        if marks[a].starting == NO_MENTION {
            marks[a].starting = m;
        }
        if marks[b].ending == NO_MENTION {
            marks[b].ending = m;
        }
        if b - a > 1 {
            marks[a..b].iter_mut().for_each(|x| x.inside = true);
        }
    }
    let mention_at = |k: usize| {
        marks
            .get(k)
            .filter(|x| x.starting != NO_MENTION)
            .map(|x| x.starting as usize)
    };
    let mention_ending = |k: usize| {
        marks
            .get(k)
            .filter(|x| x.ending != NO_MENTION)
            .map(|x| x.ending as usize)
    };
    let inside_name = |k: usize| marks[k].inside;
    // Heads of organisations: "le cabinet Silicon Insight" → "cabinet".
    for i in mine {
        if let Some(h) = ments[i].split {
            let a = ments[i].a;
            out.push(RolePhrase {
                unit: ui,
                a: h,
                b: a,
                da: h,
                key: "",
                det: None,
                holder: Some(i),
                complement: false,
                indefinite: false,
                fem: None,
            });
        }
        // "le Norvégien Henrik Solberg": a nationality before a name.
        let a = ments[i].a;
        if ments[i].kind == Some(ActorKind::Person)
            && a > 0
            && u.toks[a - 1].cap
            && LEXICON.nationalities.contains_key(u.ftok(a - 1))
        {
            out.push(RolePhrase {
                unit: ui,
                a: a - 1,
                b: a,
                da: a - 1,
                key: "",
                det: None,
                holder: Some(i),
                complement: false,
                indefinite: false,
                fem: None,
            });
        }
    }
    // The mention an apposition after the comma at `c` belongs to:
    // "Name, …", "Name (Parti), …", "Name, 45 ans, …".
    let apposed_after = |c: usize| -> Option<usize> {
        if let Some(m) = mention_ending(c) {
            return Some(m);
        }
        if c >= 1 && u.is(c - 1, &[")"]) {
            let open = (c.saturating_sub(7)..c - 1)
                .rev()
                .find(|&k| u.is(k, &["("]))?;
            return mention_ending(open);
        }
        if c >= 4 && u.is(c - 1, &["ans"]) && u.is(c - 3, &[","]) {
            return mention_ending(c - 3);
        }
        None
    };
    // Told from the token's kind first: most tokens are words.
    let comma = |k: usize| u.toks[k].kind == Kind::Punct && u.is(k, &[","]);
    let mut i = 0;
    while i < n {
        let t = &u.toks[i];
        if t.kind != Kind::Word || inside_name(i) {
            i += 1;
            continue;
        }
        // Most words open no phrase: below, only a title (here or after a
        // pre-adjective), an apposition or a possessive determiner can.
        // An apposition starts right after a comma, or at a determiner
        // after one (a comma is no determiner), and belongs to a mention
        // before the comma. Ruled out from the token table first, before
        // the determiner lists are read for every word.
        let apposed = if i >= 1 && comma(i - 1) {
            apposed_after(i - 1)
        } else if i >= 2 && comma(i - 2) && u.is(i - 1, DETERMINERS) {
            apposed_after(i - 2)
        } else {
            None
        };
        // A pre-adjective opens a phrase only before a title ("l’ancien
        // ministre"): the hits of the next two tokens are read before the
        // word, which one word in twelve has the signature of.
        let may_open = u.hit(i).title.is_some()
            || apposed.is_some()
            || (i > 0 && u.is(i - 1, POSSESSIVES))
            || (PRE_ADJECTIVES.may_hold(t.sig)
                && (i + 1..n.min(i + 3)).any(|k| u.hit(k).title.is_some())
                && u.is(i, PRE_ADJECTIVES));
        if !may_open {
            i += 1;
            continue;
        }
        let det = (i > 0 && u.is(i - 1, DETERMINERS)).then(|| u.ftok(i - 1));
        let da = if det.is_some() { i - 1 } else { i };
        // Pre-adjectives: "l’ancien ministre".
        let mut ta = i;
        while ta < n && ta < i + 2 && u.is(ta, PRE_ADJECTIVES) {
            ta += 1;
        }
        let title = (ta < n)
            .then(|| u.hit(ta).title)
            .flatten()
            .and_then(|(p, fend)| u.tok_at_fend(fend as usize).map(|e| (p as usize, e + 1)));
        // A title that is a verb here: "…, juge que", "juge la réforme".
        // (After a pre-adjective too: "a de nouveau accusé Hunter Biden".)
        let title = title.filter(|&(_, e)| {
            !(is_verb(u, ta)
                && (u.is(
                    e,
                    &[
                        "que", "qu'", "le", "la", "les", "l'", "un", "une", "des", "du",
                    ],
                ) || det.is_none() && i > 0 && !comma(i - 1)))
        });
        // A bare participle before a comma describes, and names no role:
        // "Blessé, Hugo Petit sort", "Associé, il…".
        let title = title.filter(|&(_, e)| {
            !(det.is_none() && e == i + 1 && u.is(e, &[","]) && participle_clause(u, i))
        });
        // An adjective after a noun, not a title: "l’émission
        // conservatrice Just The Facts", "la radio publique".
        let title = title.filter(|_| {
            !(det.is_none()
                && i >= 2
                && u.is(i - 2, DETERMINERS)
                && u.toks[i - 1].kind == Kind::Word
                && !u.toks[i - 1].cap
                && u.hit(i - 1).title.is_none()
                && !u.is(i - 1, PRE_ADJECTIVES))
        });
        // "Son chargé de campagne, Karim Aït-Saïd": a possessive noun phrase
        // before a name.
        let possessive = matches!(det, Some("son" | "sa" | "leur"));
        debug_assert!(!possessive || u.is(i - 1, POSSESSIVES));
        // Most words open no phrase: without a title, only an apposition or
        // a possessive noun phrase can. Everything below is for the few
        // that may.
        if title.is_none() && apposed.is_none() && !possessive {
            i += 1;
            continue;
        }
        let org_head = u
            .hit(i)
            .head
            .is_some_and(|(_, fend)| u.tok_at_fend(fend as usize).is_some());
        // A possessive phrase names a person by a noun for one ("son
        // client, Didier Maes", "son petit-fils"), not by whatever it has
        // ("pour afficher sa stature internationale, Marine Le Pen…",
        // "leur cinquième conversation, le président…").
        let personal = || profession_like(u.ftok(i)) || u.is(i, KIN) || org_head;
        let free_ok = (apposed.is_some() || possessive && personal())
            && !t.cap
            && !u.is(i, ROLE_STOP)
            && !u.is(i, NO_FREE_APPOSITION)
            && !is_verb(u, i)
            && !participle_clause(u, i)
            && (det.is_some()
                || profession_like(u.ftok(i))
                || org_head
                || u.is(i, PRE_ADJECTIVES)
                || u.is(i + 1, COMPLEMENT)
                    && u.tok(i + 1) != "a"
                    // Not a verb: "celui de Johnson, reçoit des tonnes…".
                    && !matches!(u.ftok(i).as_bytes().last(), Some(b't' | b'd')));
        // Only feminine forms tell a gender: "le docteur Hélène Quéré".
        let mut fem = match det {
            Some("la" | "une" | "cette") => Some(true),
            _ => None,
        };
        let (key, t_end, free) = match title {
            Some((p, e)) => {
                fem = LEXICON.titles.gender[p].filter(|&f| f).or(fem);
                (
                    LEXICON.titles.keys[LEXICON.titles.of_pattern[p] as usize].as_str(),
                    e,
                    false,
                )
            }
            None if free_ok => ("", i + 1, true),
            None => {
                i += 1;
                continue;
            }
        };
        let loose = apposed.is_some() || free;
        let person_at =
            |k: usize| mention_at(k).is_some_and(|m| ments[m].kind == Some(ActorKind::Person));
        let mut b = phrase_end(u, t_end, loose, person_at);
        if loose && !(b >= n || u.is(b, &[",", ")", ".", ";"])) {
            // An apposition that does not close is no apposition.
            if free {
                i += 1;
                continue;
            }
            b = phrase_end(u, t_end, false, person_at);
        }
        // Apposition before a name: "Le ministre des Transports, Pierre
        // Aubrac,", "Fille d’agriculteurs du Niolo, Odette Ferrandi".
        let mut holder = None;
        // Not an indefinite one after "selon" ("D’après un témoin de
        // l’entretien, D. Trump a indiqué…"): the phrase is a source, the
        // name the next clause's subject.
        let source = matches!(det, Some("un" | "une"))
            && da > 0
            && (u.is(da - 1, &["selon"])
                || (da > 1 && u.is(da - 1, &["apres"]) && u.is(da - 2, &["d'"])));
        let plural = title.is_some_and(|(p, _)| LEXICON.titles.plural[p]);
        // The comma before the name, past a gloss in brackets: "le
        // gouverneur de la région de Poltava (centre), Dmytro Lounine".
        let comma = if u.is(b, &["("])
            && let Some(c) = (b + 2..(b + 5).min(n)).find(|&j| u.is(j, &[")"]))
            && (b + 1..c).all(|j| u.toks[j].kind == Kind::Word || u.is(j, &["-"]))
        {
            c + 1
        } else {
            b
        };
        if (!free || possessive)
            && !source
            && !plural
            && u.is(comma, &[","])
            && (det.is_some() || u.toks[i].initial)
        {
            // The name may come after an honorific or "le Norvégien".
            let mut k = comma + 1;
            if let Some((_, used)) = super::mentions::honorific(u, k) {
                k += used;
            } else if u.is(k, &["le", "la"])
                && u.toks.get(k + 1).is_some_and(|t| t.cap)
                && LEXICON.nationalities.contains_key(u.ftok(k + 1))
            {
                k += 2;
            } else if u.is(k, &["le", "la", "l'"])
                && u.toks
                    .get(k + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap)
            {
                // "…, le major Cédric Aubort,".
                let mut j = k + 2;
                while j < n && j < k + 5 && u.toks[j].kind == Kind::Word && !u.toks[j].cap {
                    j += 1;
                }
                k = j;
            }
            if let Some(m) = mention_at(k) {
                let mb = ments[m].b;
                let closes = mb >= n
                    || u.is(mb, &[",", ".", ")", ";", ":", "("])
                    || u.toks[mb].kind == Kind::Word;
                if closes && ments[m].kind == Some(ActorKind::Person) {
                    holder = Some(m);
                }
            }
        }
        if holder.is_none() {
            holder = apposed;
        }
        if free && apposed.is_none() && holder.is_none() {
            i += 1;
            continue;
        }
        // A title right before a name: "le président Abdelmadjid Tebboune";
        // not a plural ("les opposants au texte Aurélie Filipetti"). A
        // title in its complement is the name's own, this one someone
        // else's: "un proche du Premier ministre Edouard Philippe", "le
        // fils du roi Salman" (the scan goes on from the inner title).
        let mut inner = None;
        if holder.is_none()
            && !free
            && !plural
            && let Some(m) = mention_at(b)
            && ments[m].kind == Some(ActorKind::Person)
        {
            inner = (t_end + 1..b).find(|&j| {
                u.hit(j).title.is_some()
                    && u.is(j - 1, &["du", "des", "de", "d'", "la", "le", "l'"])
            });
            match inner {
                None => holder = Some(m),
                // The phrase names its holder by the name ("un proche du
                // Premier ministre Edouard Philippe"), which it takes in.
                Some(_) => b = ments[m].b,
            }
        }
        // Places take no role; organisations only titles and heads ("Norvane,
        // groupe chimique").
        if let Some(h) = holder {
            match ments[h].kind {
                Some(ActorKind::Location) => holder = None,
                // A person's title after an organisation ("franceinfo, le
                // vice-président du Département") is someone else's.
                Some(ActorKind::Organization) if !org_head => holder = None,
                _ => {}
            }
        }
        if holder.is_some() || (det.is_some() && !free) {
            // "l’artisan de 52 ans": an age is no complement.
            let age = b >= t_end + 3
                && u.is(t_end, &["de"])
                && u.toks[t_end + 1].kind == Kind::Number
                && u.is(t_end + 2, &["ans"]);
            let complement = !age && (t_end..b).any(|k| u.is(k, COMPLEMENT));
            let indefinite = (t_end..b).any(|k| u.is(k, INDEFINITE));
            out.push(RolePhrase {
                unit: ui,
                a: i,
                b,
                da,
                key,
                det,
                holder,
                complement,
                indefinite,
                fem,
            });
            i = inner.unwrap_or(b).max(i + 1);
        } else {
            i = inner.unwrap_or(i + 1);
        }
    }
}
