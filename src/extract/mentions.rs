//! Name mentions: people, organisations and places.
//!
//! Three finders run left to right over each block and the longest mention
//! at a position wins:
//! - the gazetteers (places, institutional metonyms, organisations with
//!   their acronyms and aliases), matched on folded text at word starts;
//! - organisation head nouns with their complement ("ministère de
//!   l’Intérieur", "tribunal correctionnel de Lyon", "groupe Renault");
//! - runs of capitalised words with the particles of names ("Lloyd Austin",
//!   "Charles de Gaulle", "Jean-Noël Barrot", "J. Dupont"), after an
//!   honorific or not. A capitalised word that opens a sentence is a name
//!   only if it is not a known non-name ("Face", "Selon", "Lors") and is
//!   followed by another name word, or is found elsewhere in the article.
//!   Shouted (all-caps) blocks only get gazetteer names here; the names
//!   found elsewhere are looked for in them later.

use super::coref::title_before;
use super::tokens::{
    FEMININE, FIRST_NAME, FIRST_PART, FUNCTION_WORDS, HONORIFIC, Kind, MASCULINE, NATIONALITY,
    STOPWORD, Unit, WordSet, signature,
};
use crate::ActorKind;
use crate::lexicon::ByteSet;
use crate::lexicon::extract::{Case, LEXICON, Needs};
use std::sync::LazyLock;

/// A name mention in a block.
#[derive(Clone, Debug)]
pub(crate) struct Ment {
    pub(crate) unit: usize,
    /// Token range of the name (without article or honorific).
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// `None` while undecided (a lone capitalised word).
    pub(crate) kind: Option<ActorKind>,
    /// Gazetteer entity.
    pub(crate) entity: Option<u32>,
    /// Whether the mention opens a sentence (a weak sign of a name).
    pub(crate) initial: bool,
    /// Whether the name is an acronym.
    pub(crate) acronym: bool,
    /// For "head + Name" ("le cabinet Silicon Insight", "le musée Duclos"):
    /// where the name after the head starts. Coreference decides whether
    /// the head is part of the name or a role of the organisation.
    pub(crate) split: Option<usize>,
    /// The gender an honorific shows ("Mme" → feminine).
    pub(crate) fem: Option<bool>,
    /// A run of capitalised words that only its capitals make a name: no
    /// given name, honorific or title vouches for a person ("Test du
    /// Kaldor", "Final Four"). Typed an organisation; dropped when it only
    /// opens sentences.
    pub(crate) weak: bool,
}

/// Adjectives that name a region of a place ("Suisse romande").
const REGIONAL: &WordSet = &WordSet::new(&[
    "romand",
    "romande",
    "alemanique",
    "central",
    "centrale",
    "oriental",
    "orientale",
    "occidental",
    "occidentale",
    "meridional",
    "meridionale",
    "septentrional",
    "septentrionale",
    "subsaharienne",
    "baltes",
]);

/// Particles inside names (folded).
pub(crate) const PARTICLES: &WordSet = &WordSet::new(&[
    "de", "du", "des", "d'", "van", "von", "der", "den", "ben", "bin", "ibn", "al", "el", "da",
    "di", "dos", "do", "del", "della", "y", "ter", "zu", "bou", "ould", "abou", "abu",
]);

/// Words that never start or continue a name even when capitalised: the
/// lexicon's non-names, prepositions and conjunctions, and nationality nouns
/// ("les Européens", "deux Russes").
fn stopword(u: &Unit<'_>, i: usize) -> bool {
    let f = u.toks[i].flags;
    f & STOPWORD != 0 || (!u.toks[i].upper && f & NATIONALITY != 0)
}

/// An honorific at token `i`: (implied role, tokens used).
#[inline]
pub(crate) fn honorific(u: &Unit<'_>, i: usize) -> Option<(&'static str, usize)> {
    // Asked of most capitalised tokens, few of which are honorifics: the
    // flag answers inline, the look-up is out of line.
    if u.toks.get(i).is_none_or(|t| t.flags & HONORIFIC == 0) {
        return None;
    }
    honorific_role(u, i)
}

/// [`honorific`] at a token flagged as one.
fn honorific_role(u: &Unit<'_>, i: usize) -> Option<(&'static str, usize)> {
    let t = &u.toks[i];
    let role = LEXICON.honorifics.get(u.ftok(i))?;
    let dot = u.is(i + 1, &["."]) && u.toks[i + 1].start == t.end;
    // "M" alone is a letter, not "M.": ask for the period on one-letter
    // honorifics.
    if u.ftok(i).len() == 1 && !dot {
        return None;
    }
    Some((role, 1 + usize::from(dot)))
}

/// Whether token `i` can be part of a name. (The token's flags first:
/// many capitalised words are known non-names, "Le", "Selon".)
#[inline]
pub(crate) fn name_word(u: &Unit<'_>, i: usize) -> bool {
    let Some(t) = u.toks.get(i) else { return false };
    t.kind == Kind::Word
        && t.cap
        && !stopword(u, i)
        && honorific(u, i).is_none()
        && !u.tok(i).bytes().any(|b| b.is_ascii_digit())
        && !u.ftok(i).ends_with('\'')
}

/// Capitalised adjectives that open names ("Grand Port maritime", "Haute
/// Autorité", "Petits Explorateurs") even though they are known non-names
/// at the start of a sentence.
fn name_adjective(u: &Unit<'_>, i: usize) -> bool {
    i < u.toks.len()
        && u.toks[i].cap
        && u.is(i, NAME_ADJECTIVES)
        && (name_word(u, i + 1) || inner_name_word(u, i + 1))
}

/// The adjectives of [`name_adjective`] (folded). Every capitalised token
/// is checked against them.
const NAME_ADJECTIVES: &WordSet = &WordSet::new(&[
    "grand",
    "grande",
    "grands",
    "grandes",
    "haut",
    "haute",
    "hauts",
    "hautes",
    "petit",
    "petite",
    "petits",
    "petites",
    "nouveau",
    "nouvelle",
    "nouveaux",
    "nouvelles",
    "vieux",
    "vieille",
    "saint",
    "sainte",
    "bas",
    "basse",
    "mont",
    "val",
    "bel",
    "belle",
    "beau",
]);

/// A capitalised word that continues a name even if it is a known
/// non-name at the start of a sentence ("Agrimarkets Conseil", "SUD Santé").
fn inner_name_word(u: &Unit<'_>, i: usize) -> bool {
    let Some(t) = u.toks.get(i) else { return false };
    t.kind == Kind::Word
        && t.cap
        && t.flags & NATIONALITY == 0
        && !u.is(i, FUNCTION_WORDS)
        && honorific(u, i).is_none()
        && !u.tok(i).bytes().any(|b| b.is_ascii_digit())
        && !u.ftok(i).ends_with('\'')
}

/// Whether a lower-case word looks like an adjective ("européenne",
/// "régionale", "correctionnel", "délégué"), judged on the source text:
/// verbs in -e, -ent are not.
pub(crate) fn adjective_like(u: &Unit<'_>, i: usize) -> bool {
    u.toks[i].kind == Kind::Word
        && !u.toks[i].cap
        && (u.toks[i].flags & NATIONALITY != 0 || ADJECTIVE_ENDINGS.end(u.tok(i)))
}

/// The endings of [`adjective_like`].
const ADJECTIVE_ENDINGS: &Endings = &Endings::new(&[
    "al", "ale", "aux", "ales", "ique", "iques", "ien", "ienne", "iens", "iennes", "éen", "éenne",
    "éens", "éennes", "aire", "aires", "if", "ive", "ifs", "ives", "el", "elle", "els", "elles",
    "é", "ée", "és", "ées", "ier", "ière", "iers", "ières", "ais", "aise", "ois", "oise", "ain",
    "aine", "anne", "iste", "istes", "in", "ine", "eur", "rice",
    // "Affaires étrangères" (not "-anger", which ends verbs: "changer").
    "angère", "angères",
]);

/// A list of word endings, each of two bytes or more, that words are
/// checked against: a table built at compile time gives, from a word's
/// last two bytes, the few endings that can match (a bit each), so a word
/// is compared with those alone rather than with the whole list.
struct Endings {
    ends: &'static [&'static str],
    /// Per [`Endings::slot`] of two last bytes: the endings with such
    /// bytes.
    by_tail: [u64; 256],
}

impl Endings {
    /// The list of `ends` (at most 64, each of two bytes or more).
    const fn new(ends: &'static [&'static str]) -> Endings {
        assert!(ends.len() <= 64);
        let mut by_tail = [0u64; 256];
        let mut i = 0;
        while i < ends.len() {
            let e = ends[i].as_bytes();
            assert!(e.len() >= 2);
            by_tail[Endings::slot(e[e.len() - 2], e[e.len() - 1])] |= 1 << i;
            i += 1;
        }
        Endings { ends, by_tail }
    }

    /// The table slot of the last two bytes of a word.
    const fn slot(x: u8, y: u8) -> usize {
        (x.wrapping_mul(29) ^ y) as usize
    }

    /// Whether `word` ends with one of the endings.
    fn end(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let [.., x, y] = w else {
            return false;
        };
        let mut bits = self.by_tail[Endings::slot(*x, *y)];
        while bits != 0 {
            if w.ends_with(self.ends[bits.trailing_zeros() as usize].as_bytes()) {
                return true;
            }
            bits &= bits - 1;
        }
        false
    }
}

/// An initial ("J.") at token `i` followed by a name word.
fn initial_at(u: &Unit<'_>, i: usize) -> bool {
    let Some(t) = u.toks.get(i) else { return false };
    t.kind == Kind::Word
        && t.cap
        && one_char(u.tok(i))
        && u.is(i + 1, &["."])
        && name_word(u, i + 2)
}

/// Whether `s` is one character, decoding no more than two (every
/// capitalised word is asked).
fn one_char(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some() && c.next().is_none()
}

/// The end of a run of name words starting at `i` (a name word).
pub(crate) fn name_run(u: &Unit<'_>, i: usize) -> usize {
    let mut j = i + 1;
    loop {
        if j >= u.toks.len() || u.markup_between(j) {
            break;
        }
        if (name_word(u, j) || inner_name_word(u, j)) && !u.toks[j].initial {
            j += 1;
            continue;
        }
        // "Marine Le Pen", "CPE Les Petits Explorateurs": a capitalised
        // article inside a name.
        if u.is(j, CAPITAL_ARTICLES)
            && u.toks[j].cap
            && (name_word(u, j + 1) || name_adjective(u, j + 1))
        {
            j += 2;
            continue;
        }
        if initial_at(u, j) {
            j += 2;
            continue;
        }
        // "Riese & Müller".
        if u.is(j, AMPERSAND) && name_word(u, j + 1) {
            j += 2;
            continue;
        }
        // Particles: "de Gaulle", "de La Fontaine", "van der Leyen"; not
        // after an acronym ("LR du Cantal").
        if u.toks[j - 1].upper {
            break;
        }
        let mut k = j;
        while k < u.toks.len() && k < j + 3 && u.is(k, PARTICLES) && !u.toks[k].cap {
            k += 1;
        }
        // After a given name and a surname, "de l’", "de la", "du" or
        // "des" brings an affiliation, not a particle: "Mathieu Roux de
        // l’Ined", "Anne Morel du Cirad" ("Giscard d’Estaing" has none;
        // "Racing Club de l’Estuaire" is no person's name).
        let article = u.is(k, &["la", "le", "l'"]) && !u.toks[k].cap;
        if k > j
            && j - i >= 2
            && (article || (j..k).any(|p| u.is(p, &["du", "des"])))
            && u.toks[i].flags & FIRST_PART != 0
            && !(i..j).any(|p| is_org_word(u, p))
        {
            break;
        }
        if k > j && article {
            k += 1;
        }
        if k > j && (name_word(u, k) || (u.is(k, &["la", "le"]) && name_word(u, k + 1))) {
            j = k;
            continue;
        }
        break;
    }
    j
}

/// A gazetteer name at token `i`: (entity, end token).
#[inline]
pub(crate) fn gazetteer_at(u: &Unit<'_>, i: usize) -> Option<(u32, usize)> {
    // Asked at every capitalised word, few of which start a gazetteer
    // name: the token's hits answer inline, the name is read out of line.
    let t = u.toks.get(i)?;
    if t.kind == Kind::Punct {
        return None;
    }
    let (p, fend) = u.hit(i).gazetteer?;
    gazetteer_name(u, i, p, fend)
}

/// [`gazetteer_at`] at a token whose longest gazetteer entry is pattern
/// `p`, ending at folded offset `fend`.
fn gazetteer_name(u: &Unit<'_>, i: usize, p: u32, fend: u32) -> Option<(u32, usize)> {
    let t = &u.toks[i];
    let end = u.tok_at_fend(fend as usize)?;
    let (entity, case) = LEXICON.gazetteer.patterns[p as usize];
    let src = u.slice(i, end + 1);
    // A one-letter name ("X", the network) is a letter elsewhere: "rayons
    // X", "une plainte contre X", "Louis X".
    if src.len() == 1 && !(i > 0 && u.is(i - 1, &["sur", "social"]) && !name_word(u, i + 1)) {
        return None;
    }
    let ok = u.shouting
        || match case {
            Case::Upper => src
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
            // "La Rochelle", not "La réunion": a capitalised article
            // needs a capital after it.
            Case::Capital => {
                t.cap && (end == i || !u.is(i, &["le", "la", "les", "l'"]) || u.toks[i + 1].cap)
            }
            Case::Any => true,
        };
    ok.then_some((entity, end + 1))
}

/// An organisation head with its complement at token `i`: (end token,
/// start of a name that follows the head directly).
fn org_head_at(u: &Unit<'_>, i: usize) -> Option<(usize, Option<usize>)> {
    let t = u.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let (p, fend) = u.hit(i).head?;
    let mut k = u.tok_at_fend(fend as usize)? + 1;
    let needs = LEXICON.org_needs[p as usize];
    let head_cap = t.cap && !t.initial;
    // "groupe Renault": a company descriptor, a role, before the name;
    // "musée Duclos", "centre hospitalier Alpes-Dauphiné": part of it.
    if matches!(needs, Needs::Cap | Needs::Either) && (name_word(u, k) || inner_name_word(u, k)) {
        return Some((org_name_run(u, k), (!t.cap).then_some(k)));
    }
    if needs == Needs::Cap {
        return None;
    }
    // Up to two adjectives: "tribunal correctionnel de Lyon".
    let mut adjectives = 0;
    while adjectives < 2
        && k < u.toks.len()
        && adjective_like(u, k)
        && !u.is(k, PARTICLES)
        && !u.is(k, COMPLEMENT_STOP)
        && !is_verb(u, k)
    {
        k += 1;
        adjectives += 1;
    }
    // "l’Assemblée nationale pour promouvoir", "la Cour suprême
    // d’abroger": a verb's complement, not the body's.
    if !u.is(k, &["de", "du", "des", "d'", "pour"]) || infinitive_at(u, k + 1) {
        return (head_cap && adjectives > 0).then_some((k, None));
    }
    k += 1;
    if u.is(k, &["la", "l'", "le", "les"]) {
        k += 1;
    }
    if name_word(u, k) || inner_name_word(u, k) {
        // "ministère de la Transition énergétique", "ministère de l’Europe
        // et des Affaires étrangères": a named complement, its adjectives,
        // and up to two more after "et de", "et des".
        let mut e = k;
        let mut from = k;
        for _ in 0..3 {
            e = org_name_run(u, from);
            while e < u.toks.len() && e < from + 8 && adjective_like(u, e) && !is_verb(u, e) {
                e += 1;
            }
            let mut next = e + 1;
            if !(u.is(e, &["et"]) && u.is(next, &["de", "des", "du", "d'"])) {
                break;
            }
            next += 1;
            if u.is(next, &["la", "l'"]) {
                next += 1;
            }
            if !name_word(u, next) || u.toks[next].initial {
                break;
            }
            from = next;
        }
        return Some((e, None));
    }
    // A lower-case complement counts under a capitalised head ("Cour des
    // comptes", "Institut français des relations internationales").
    if head_cap && k < u.toks.len() && u.toks[k].kind == Kind::Word && !u.is(k, COMPLEMENT_STOP) {
        return Some((lower_complement(u, k), None));
    }
    None
}

/// The end of the name after an organisation's head, starting at `k`: a
/// run of name words up to a given name in it, which starts a person's
/// ("le groupe Renault Jean-Dominique Senard"; "lycée Victor-Hugo", with
/// the given name first, and "lycée Paul Bert" are the schools').
fn org_name_run(u: &Unit<'_>, k: usize) -> usize {
    // A given name and a surname at least: "lycée Paul Bert" is the
    // school's name whole.
    let e = name_run(u, k);
    (k + 1..e.saturating_sub(1))
        .find(|&p| u.toks[p].flags & FIRST_PART != 0 && u.toks[p].kind == Kind::Word)
        .unwrap_or(e)
}

/// The end of a lower-case complement starting at `k` (a word): words and
/// inner particles, up to eight tokens, ending on a word.
fn lower_complement(u: &Unit<'_>, k: usize) -> usize {
    let mut e = k + 1;
    let mut j = k + 1;
    while j < u.toks.len() && j < k + 8 {
        // An article only after "de" ("Conseil des droits de l’Homme",
        // not "… de l’Homme l’ambassadeur pakistanais"), and "de" not
        // before a verb ("… de l’Homme de renouveler son mandat").
        let de = u.is(j, &["de", "d'"]);
        if de && infinitive_at(u, j + 1) {
            break;
        }
        let article = u.is(j, &["la", "le", "les", "l'"]);
        if article && !u.is(j - 1, &["de"]) {
            break;
        }
        let particle = de || article || u.is(j, &["du", "des", "en"]);
        if u.toks[j].kind != Kind::Word || is_verb(u, j) || (!particle && u.is(j, COMPLEMENT_STOP))
        {
            break;
        }
        j += 1;
        if !particle {
            e = j;
        }
    }
    e
}

/// Whether a title and its complement end just before token `a`: "le
/// ministre de la Santé", "la secrétaire générale du Copa-Cogeca" (a
/// complement of words, articles and particles, up to eight tokens, that
/// ends on a capitalised word: after a common noun, a name is a thing's,
/// "patron du chalutier Ar Vag"; and the run does not start inside it,
/// "le ministre de la Défense Lloyd Austin"). Coreference's
/// `title_complement` asks the other question: whether a word is part of
/// such a complement ("Défense"), and so no name.
fn title_complement_before(u: &Unit<'_>, a: usize) -> bool {
    let ends_named = |j: usize| u.toks[j].cap && !u.toks[j].initial;
    let Some(last) = a.checked_sub(1) else {
        return false;
    };
    let named = ends_named(last)
        || (u.toks[last].flags & NATIONALITY != 0 && last > 0 && ends_named(last - 1));
    named
        && (a.saturating_sub(10)..a.saturating_sub(2)).any(|s| {
            u.hit(s).title.is_some_and(|(_, fend)| {
                u.tok_at_fend(fend as usize).is_some_and(|e| {
                    // "le ministre grec de l’Immigration": past a
                    // nationality adjective.
                    let e = if u
                        .toks
                        .get(e + 1)
                        .is_some_and(|t| t.flags & NATIONALITY != 0 && !t.cap)
                    {
                        e + 1
                    } else {
                        e
                    };
                    e + 2 < a
                        && u.is(e + 1, &["de", "du", "des", "d'"])
                        && (e + 2..a).all(|j| {
                            u.toks[j].kind == Kind::Word
                                && !is_verb(u, j)
                                && (u.toks[j].cap
                                    || u.is(j, &["de", "du", "des", "d'", "la", "le", "l'", "et"])
                                    || !u.is(j, COMPLEMENT_STOP))
                        })
                })
            })
        })
}

/// Whether the first word at or after `k`, past particles and articles,
/// is a lower-case one (a common noun's complement, not a name's).
fn lower_after(u: &Unit<'_>, k: usize) -> bool {
    let mut j = k;
    while j < k + 3
        && u.is(
            j,
            &["de", "du", "des", "d'", "la", "le", "l'", "les", "pour"],
        )
    {
        j += 1;
    }
    u.toks
        .get(j)
        .is_some_and(|t| t.kind == Kind::Word && !t.cap)
}

/// Whether token `k` is an infinitive, as far as its ending tells: a
/// lower-case word in -er or -ir ("renouveler", "promouvoir") but for
/// the nouns with those endings ("quartier", "hiver", "avenir"), or one
/// of the common infinitives in -re ("faire", "mettre"). Asked after
/// "de" and "pour" only, where a noun has an article more often than
/// not.
fn infinitive_at(u: &Unit<'_>, k: usize) -> bool {
    const NOUNS: &WordSet = &WordSet::new(&[
        "hiver", "avenir", "loisir", "plaisir", "desir", "cuir", "fer", "mer", "hier", "air",
        "enfer", "cancer", "laser", "super", "souvenir", "diner", "elixir", "saphir", "zephyr",
        "soir", "espoir", "savoir", "pouvoir", "devoir", "loyer", "foyer", "clocher", "rocher",
        "cahier", "dossier", "poker", "leader", "manager", "master", "scooter", "bunker",
    ]);
    const IN_RE: &WordSet = &WordSet::new(&[
        "faire",
        "dire",
        "mettre",
        "prendre",
        "rendre",
        "permettre",
        "soumettre",
        "produire",
        "reduire",
        "construire",
        "conduire",
        "defendre",
        "combattre",
        "suivre",
        "vivre",
        "lire",
        "ecrire",
        "reconnaitre",
        "etre",
        "etendre",
        "interdire",
        "admettre",
        "transmettre",
        "vendre",
        "attendre",
        "repondre",
        "comprendre",
        "entreprendre",
        "reprendre",
        "battre",
    ]);
    let Some(t) = u.toks.get(k) else {
        return false;
    };
    if t.kind != Kind::Word || t.cap {
        return false;
    }
    let w = u.ftok(k);
    w.len() >= 4
        && (((w.ends_with("er") && !w.ends_with("ier")) || w.ends_with("ir")) && !u.is(k, NOUNS)
            || u.is(k, IN_RE))
}

/// Whether token `i` is a word that names organisations ("Groupe",
/// "Conseil", "Holding"); its signature is tested first, as a
/// [`WordSet`]'s, before the folded word is hashed.
pub(crate) fn is_org_word(u: &Unit<'_>, i: usize) -> bool {
    static SIGNATURES: LazyLock<ByteSet> =
        LazyLock::new(|| signatures(LEXICON.org_words.iter().map(String::as_str)));
    SIGNATURES.contains(u.toks[i].sig) && LEXICON.org_words.contains(u.ftok(i))
}

/// The signatures ([`signature`]) of a set of words loaded at run time,
/// as a [`WordSet`] has those of its words: most words can be told out of
/// the set without hashing them.
pub(crate) fn signatures<'a>(words: impl Iterator<Item = &'a str>) -> ByteSet {
    words.fold(ByteSet::EMPTY, |set, w| set.with(signature(w.as_bytes())))
}

/// Whether a reporting verb starts at token `j`.
pub(crate) fn is_verb(u: &Unit<'_>, j: usize) -> bool {
    u.hit(j)
        .verb
        .is_some_and(|(_, fend)| u.tok_at_fend(fend as usize).is_some())
}

/// Words that end an organisation's lower-case complement.
const COMPLEMENT_STOP: &WordSet = &WordSet::new(&[
    "a", "est", "sont", "ont", "et", "ou", "qui", "que", "qu'", "dont", "le", "la", "les", "un",
    "une", "en", "dans", "sur", "pour", "par", "avec", "a-t-il", "a-t-elle", "se", "s'", "n'",
    "ne", "il", "elle", "y",
]);

/// Finds the name mentions of unit `ui`.
pub(crate) fn find(ui: usize, u: &Unit<'_>, out: &mut Vec<Ment>) {
    let n = u.toks.len();
    let mut i = 0;
    while i < n {
        // Most tokens start nothing: a mention starts at a gazetteer name
        // or an organisation head (both found when the block was
        // tokenised), or at an honorific or a capital (see `name_at`).
        // Skipping the others here spares three finders per lower-case
        // word.
        let t = &u.toks[i];
        if t.kind == Kind::Punct
            || (!t.cap && t.flags & HONORIFIC == 0 && {
                let h = u.hit(i);
                h.gazetteer.is_none() && h.head.is_none()
            })
        {
            i += 1;
            continue;
        }
        // Candidates at i: (end, kind, entity, honorific, acronym, start).
        let mut best: Option<Ment> = None;
        let mut best_end = i;
        if let Some((entity, end)) = gazetteer_at(u, i) {
            // A place glued to more name words is part of a longer name
            // ("Paris Saint-Germain", "Jean Paris").
            let glued = !u.shouting
                && ((name_word(u, end) && !u.toks[end].initial)
                    || (i > 0 && name_word(u, i - 1) && !u.toks[i].initial && u.toks[i].cap));
            let e = &LEXICON.gazetteer.entities[entity as usize];
            // "la Région Sud", "le Département": the institution.
            let kind = if e.kind == ActorKind::Location
                && u.toks[i].cap
                && end > i + 1
                && is_org_word(u, i)
            {
                ActorKind::Organization
            } else {
                e.kind
            };
            // "Suisse romande", "Europe centrale": a region of the place.
            let end = if e.kind == ActorKind::Location && u.is(end, REGIONAL) {
                end + 1
            } else {
                end
            };
            if !(glued && e.kind == ActorKind::Location) {
                best_end = end;
                best = Some(Ment {
                    unit: ui,
                    a: i,
                    b: end,
                    kind: Some(kind),
                    entity: Some(entity),
                    initial: u.toks[i].initial,
                    acronym: u.toks[i].upper && end == i + 1,
                    split: None,
                    fem: None,
                    weak: false,
                });
            }
        }
        // A listed body is not taken further by a lower-case complement
        // ("l’examen par l’Union européenne de la candidature de
        // l’Ukraine").
        let listed_body = best
            .as_ref()
            .is_some_and(|m| m.kind == Some(ActorKind::Organization));
        if let Some((end, name)) = org_head_at(u, i)
            && end > best_end
            && !(listed_body && lower_after(u, best_end))
        {
            best_end = end;
            let entity = name.and_then(|a| {
                LEXICON
                    .gazetteer
                    .by_name
                    .get(&u.folded[u.toks[a].fstart..u.toks[end - 1].fend])
                    .copied()
            });
            best = Some(Ment {
                unit: ui,
                a: i,
                b: end,
                kind: Some(ActorKind::Organization),
                entity,
                initial: u.toks[i].initial,
                acronym: false,
                split: name,
                fem: None,
                weak: false,
            });
        }
        // "la Russie de Poutine", "l’Europe de Stephen Smith": a place,
        // then "de" and a person's name, is two names ("Florence de
        // Changy", with a given name first, is one; "Asie du Sud" is a
        // place).
        let person_at = |k: usize| {
            u.toks.get(k).is_some_and(|t| t.flags & FIRST_NAME != 0)
                || gazetteer_at(u, k).is_some_and(|(e, _)| {
                    LEXICON.gazetteer.entities[e as usize].kind == ActorKind::Person
                })
        };
        let place_then_particle = best.as_ref().is_some_and(|m| {
            m.kind == Some(ActorKind::Location)
                && u.is(m.b, &["de", "d'"])
                && !u.toks[m.b].cap
                && u.toks[m.a].flags & FIRST_NAME == 0
                && person_at(m.b + 1)
        });
        if !u.shouting
            && !place_then_particle
            && let Some(m) = name_at(ui, u, i)
            && m.b > best_end
        {
            best_end = m.b;
            best = Some(m);
        }
        // "Procter & Gamble", "Union sport & cycle": an ampersand joins the
        // words of a company or association name.
        if let Some(m) = best.as_mut()
            && m.entity.is_none()
            && let Some(end) = ampersand_end(u, m.b)
        {
            m.b = end;
            m.kind = Some(ActorKind::Organization);
            m.weak = false;
            best_end = end;
        }
        match best {
            Some(m) => {
                i = best_end.max(i + 1);
                // Places inside an organisation's name are actors too
                // ("tribunal correctionnel de Lille" → Lille).
                let inner_from = m.split.unwrap_or(m.a) + 1;
                let (a, b) = (m.a, m.b);
                let org = m.entity.is_none() && b - a > 1 && u.hit(a).head.is_some();
                out.push(m);
                if org {
                    let mut k = inner_from;
                    while k < b {
                        match gazetteer_at(u, k) {
                            Some((e, end))
                                if end <= b
                                    && LEXICON.gazetteer.entities[e as usize].kind
                                        == ActorKind::Location =>
                            {
                                out.push(Ment {
                                    unit: ui,
                                    a: k,
                                    b: end,
                                    kind: Some(ActorKind::Location),
                                    entity: Some(e),
                                    initial: false,
                                    acronym: false,
                                    split: None,
                                    fem: None,
                                    weak: false,
                                });
                                k = end;
                            }
                            // "conseil local de la FCPE" → FCPE.
                            _ if u.toks[k].upper
                                && u.tok(k).chars().count() >= 2
                                && k > 0
                                && u.is(
                                    k - 1,
                                    &["de", "du", "des", "d'", "la", "l'", "le", "les"],
                                ) =>
                            {
                                let entity = gazetteer_at(u, k)
                                    .filter(|&(_, end)| end == k + 1)
                                    .map(|(e, _)| e);
                                out.push(Ment {
                                    unit: ui,
                                    a: k,
                                    b: k + 1,
                                    kind: Some(ActorKind::Organization),
                                    entity,
                                    initial: false,
                                    acronym: true,
                                    split: None,
                                    fem: None,
                                    weak: false,
                                });
                                k += 1;
                            }
                            _ => k += 1,
                        }
                    }
                }
            }
            None => i += 1,
        }
    }
}

/// Whether `word` is a name opened by "N’" or "M’" ("N’Diaye", "M’Baye"):
/// the tokenizer keeps those whole (an elision is never followed by a
/// capital and a small letter), and they are people's names.
fn west_african_name(word: &str) -> bool {
    let mut c = word.chars();
    matches!(c.next(), Some('N' | 'M'))
        && c.next().is_some_and(|a| matches!(a, '\'' | '’' | 'ʼ'))
        && c.next().is_some_and(char::is_uppercase)
}

/// Whether the name at `a` is the subject of an inverted reporting verb
/// right before it, in an incise: "», a salué Anniken Huitfeldt", ",
/// estime Kofi Mensah". A body speaks so too ("», indique Vigicrues"), but
/// a run of several capitalised words there with no organisation word in
/// it is a person's name whose given name the list lacks.
pub(crate) fn spoken_after_verb(u: &Unit<'_>, a: usize) -> bool {
    let Some(end) = a.checked_sub(1).map(|p| u.toks[p].fend) else {
        return false;
    };
    (a.saturating_sub(3)..a).any(|s| u.hit(s).verb.is_some_and(|(_, fend)| fend as usize == end))
        && (a.saturating_sub(4)..a).any(|s| u.is(s, INCISE_OPENERS))
}

/// What opens an incise before its verb: a comma or a closing quote.
const INCISE_OPENERS: &WordSet = &WordSet::new(&[",", "»", "”", "\""]);

/// Whether the name at `a` follows a title phrase and a comma, in
/// apposition: "le chef de la diplomatie ukrainienne, Dmytro Kouleba,",
/// "Sa directrice générale, Oyelaran Adebayo". The phrase runs back from
/// the comma over words (no punctuation) to a title the lexicon knows,
/// after a determiner or at the start of a sentence.
fn apposed_to_title(u: &Unit<'_>, a: usize) -> bool {
    if a < 2 || !u.is(a - 1, &[","]) {
        return false;
    }
    let comma = a - 1;
    let mut s = comma;
    while s > 0 && comma - s < 8 {
        s -= 1;
        let t = &u.toks[s];
        if t.kind != Kind::Word || u.is(s, PHRASE_BREAKS) || is_verb(u, s) {
            return false;
        }
        // (Not settled at a title inside a longer one: "Le Premier
        // ministre taïwanais, Su Tseng-chang".)
        if u.hit(s).title.is_some() && (t.initial || (s > 0 && u.is(s - 1, TITLE_DETERMINERS))) {
            return true;
        }
    }
    false
}

/// Words a title phrase does not run over: auxiliaries and conjunctions
/// ("le ministre a reçu lundi, …" is a clause, not a phrase).
const PHRASE_BREAKS: &WordSet = &WordSet::new(&[
    "a", "ont", "est", "sont", "avait", "etait", "et", "ou", "mais", "qui", "que", "qu'",
]);

/// Determiners before a title in apposition ([`apposed_to_title`]).
const TITLE_DETERMINERS: &WordSet =
    &WordSet::new(&["le", "la", "l'", "son", "sa", "leur", "notre", "votre"]);

/// The end of an ampersand tail after a name ending at `b`: "& Gamble"
/// right after it, or one lower-case word then "& cycle" ("Union sport &
/// cycle").
fn ampersand_end(u: &Unit<'_>, b: usize) -> Option<usize> {
    let word = |k: usize| u.toks.get(k).is_some_and(|t| t.kind == Kind::Word);
    if u.is(b, AMPERSAND) && word(b + 1) {
        return Some(b + 2);
    }
    (word(b) && !u.toks[b].cap && !u.is(b, FUNCTION_WORDS) && u.is(b + 1, AMPERSAND) && word(b + 2))
        .then_some(b + 3)
}

/// "&", told by its signature: asked after every name found.
const AMPERSAND: &WordSet = &WordSet::new(&["&"]);

/// Capitalised articles that may open or continue a name ("La Réole",
/// "Marine Le Pen"): asked of every capitalised word.
const CAPITAL_ARTICLES: &WordSet = &WordSet::new(&["le", "la", "les"]);

/// A run of capitalised name words at `i` (after an honorific or not).
fn name_at(ui: usize, u: &Unit<'_>, i: usize) -> Option<Ment> {
    // A name starts at an honorific or, without one, at a capitalised
    // token: a capitalised article or adjective, a name word, an initial.
    if !u.toks[i].cap && u.toks[i].flags & HONORIFIC == 0 {
        return None;
    }
    let (hon, a) = match honorific(u, i) {
        Some((role, used)) if name_word(u, i + used) || initial_at(u, i + used) => {
            (Some(role), i + used)
        }
        _ => (None, i),
    };
    // A capitalised article opens a name in mid-sentence ("La Réole",
    // "Le Havre"); at the start of a sentence it is just an article.
    let (a, with_article) =
        if hon.is_none() && u.is(a, CAPITAL_ARTICLES) && u.toks[a].cap && !u.toks[a].initial {
            if name_word(u, a + 1) {
                (a, true)
            } else {
                return None;
            }
        } else {
            (a, false)
        };
    let adjective = !with_article && name_adjective(u, a) && !u.toks[a].initial;
    if !with_article && !adjective && !name_word(u, a) && !initial_at(u, a) {
        return None;
    }
    let first = if with_article { a + 1 } else { a };
    let first_initial = initial_at(u, first);
    let mut b = if first_initial {
        name_run(u, first + 2)
    } else if adjective || with_article && name_adjective(u, first) {
        name_run(u, first + 1)
    } else {
        name_run(u, first)
    };
    // "du Cantal Anne-Sophie Berthelot", "le Breton Thibaut Morvan": a
    // given name inside a run starts the person's name; the words before
    // it are a name of their own.
    let given = u.toks[first].flags & FIRST_PART != 0 || first_initial;
    if hon.is_none() && !given && !with_article && !adjective {
        if let Some(k) = (first + 1..b.saturating_sub(1)).find(|&k| {
            u.toks[k].flags & FIRST_PART != 0
                && u.toks[k].kind == Kind::Word
                && (!u.toks[k - 1].upper || (k == first + 1 && !u.toks[k].upper))
        }) {
            // "le Breton Thibaut Morvan", "la Lyonnaise Marie Roux": a
            // single word between an article and the name is a demonym or
            // a description, not a name; "l’AFP Victor Madrigal-Borloz",
            // "l’ONU Antonio Guterres": an acronym is a body.
            if k == first + 1
                && first > 0
                && u.is(first - 1, &["le", "la", "l'"])
                && !u.toks[first].upper
            {
                return None;
            }
            b = k;
        }
    }
    // "le ministre de l’Immigration et de l’Asile Stavros Kalidis": a run
    // whose first word completes a title is that title's, and the name
    // starts after it (found from the next token; a given name that starts
    // the name has split the run above already).
    if hon.is_none()
        && !given
        && !with_article
        && b - first >= 3
        // What follows is a person's name, not the rest of a body's ("le
        // directeur du Grand Port Maritime de Marseille").
        && (first + 1..b).all(|k| u.toks[k].cap && !is_org_word(u, k))
        && super::coref::title_complement(u, first)
    {
        return None;
    }
    let t = &u.toks[first];
    let single = b == first + 1;
    // A lone capital letter is a letter ("plainte contre X", "le plan B"),
    // not a name; the gazetteer has the one-letter names it knows.
    if single && hon.is_none() && t.end - t.start == 1 {
        return None;
    }
    let acronym = single && t.upper;
    // "SDIS 47": an acronym with its number.
    if acronym
        && u.toks
            .get(b)
            .is_some_and(|n| n.kind == Kind::Number && n.end - n.start <= 3)
    {
        b += 1;
    }
    // "SUD Santé", "Oddo BHF": a name with an acronym in it is an
    // organisation. (Asked of runs of several words only, as what follows:
    // most runs are one word.)
    // After a listed given name, neither an organisation word that is
    // also one ("Marine Le Pen") nor a surname in capitals ("Gérard
    // LARCHER", a house style) shows a body.
    let named = u.toks[first].flags & FIRST_NAME != 0;
    let has_acronym = || {
        (!named && (first..b).any(|k| u.toks[k].upper && u.tok(k).chars().count() >= 2))
            || (first..b).any(|k| (is_org_word(u, k) && !named) || u.is(k, &["des", "&"]))
            // "les Fanatiques de l’Estuaire": a plural after "les".
            || (first > 0 && u.is(first - 1, &["les"]) && u.ftok(first).ends_with('s'))
    };
    // A person's name needs a given name, an honorific or a title before
    // it ("le ministre Dupont-Aignan"), or a nationality noun ("le
    // Norvégien Solberg").
    let person_run = b - first >= 2 && !acronym && !has_acronym();
    // Or, after it, a title in apposition ("X Y, le secrétaire
    // américain"), an age ("X Y, 45 ans") or a reporting verb ("X Y a
    // déclaré").
    let apposed = || {
        u.is(b, &[","]) && {
            // "X Y, alors député", "X Y, désormais la ministre".
            let j = b + 1 + usize::from(u.is(b + 1, &["alors", "desormais", "aujourd'hui"]));
            let j = j + usize::from(u.is(j, &["le", "la", "l'", "un", "une", "son", "sa"]));
            j < u.toks.len()
                && (u.hit(j).title.is_some()
                    || (u.toks[j].kind == Kind::Number && u.is(j + 1, &["ans"])))
        }
    };
    let speaks = || {
        b < u.toks.len()
            && (is_verb(u, b)
                || (u.is(b, &["a", "avait", "aurait"])
                    && b + 1 < u.toks.len()
                    && is_verb(u, b + 1)))
    };
    let vouched = person_run
        && (given
            || apposed()
            || speaks()
            || (a > 0 && title_before(u, a))
            // "l’ambassadeur pakistanais Khalil Hashmi", "le ministre de
            // la Santé Roman Prymula".
            || (a > 1 && u.toks[a - 1].flags & NATIONALITY != 0 && !u.toks[a - 1].cap
                && title_before(u, a - 1))
            || title_complement_before(u, a)
            || spoken_after_verb(u, a)
            || apposed_to_title(u, a)
            || (first..b).any(|k| west_african_name(u.tok(k)))
            // "Hunter Biden": the surname of a listed person.
            || gazetteer_at(u, b - 1).is_some_and(|(e, end)| {
                end == b && LEXICON.gazetteer.entities[e as usize].kind == ActorKind::Person
            })
            || (a > 0 && u.toks[a - 1].flags & NATIONALITY != 0 && u.toks[a - 1].cap));
    let weak = hon.is_none() && person_run && !vouched;
    let kind = if hon.is_some() || (person_run && vouched) {
        Some(ActorKind::Person)
    } else if b - first >= 2 || acronym {
        Some(ActorKind::Organization)
    } else {
        None
    };
    // A whole run may be a gazetteer name ("Le Havre").
    let entity = LEXICON
        .gazetteer
        .by_name
        .get(&u.folded[u.toks[a].fstart..u.toks[b - 1].fend])
        .copied();
    let kind = match entity {
        Some(e) if hon.is_none() => Some(LEXICON.gazetteer.entities[e as usize].kind),
        _ => kind,
    };
    let a = if with_article && entity.is_none() && kind == Some(ActorKind::Person) {
        a + 1
    } else {
        a
    };
    Some(Ment {
        unit: ui,
        a,
        b,
        kind,
        entity,
        initial: u.toks[i].initial,
        acronym,
        // "l’ONG Foodwatch": an acronym before a name may be a head.
        split: (b - first >= 2 && t.upper && !u.toks[first + 1].upper).then_some(first + 1),
        fem: hon
            .and_then(|_| match u.ftok(i) {
                "mme" | "mmes" | "mlle" | "mlles" | "madame" | "mademoiselle" | "mesdames" => {
                    Some(true)
                }
                "m" | "mm" | "monsieur" | "messieurs" => Some(false),
                _ => None,
            })
            // Else a person's given name, when only women or only men bear it.
            .or_else(|| match u.toks[first].flags & (FEMININE | MASCULINE) {
                _ if kind != Some(ActorKind::Person) => None,
                FEMININE => Some(true),
                MASCULINE => Some(false),
                _ => None,
            }),
        weak,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The table of [`Endings`] finds what trying every ending finds,
        /// on words of the letters the endings are made of (accented ones
        /// too, whose last two bytes are one character).
        #[test]
        fn endings_are_those_of_the_list(word in "[aeilnorsuqxfcéèêà]{0,9}") {
            let plain = ADJECTIVE_ENDINGS.ends.iter().any(|e| word.ends_with(e));
            proptest::prop_assert_eq!(ADJECTIVE_ENDINGS.end(&word), plain, "{}", word);
        }
    }

    #[test]
    fn adjective_endings() {
        for word in [
            "européenne",
            "régional",
            "correctionnel",
            "délégué",
            "lyonnaise",
            "étrangères",
        ] {
            assert!(ADJECTIVE_ENDINGS.end(word), "{word}");
        }
        for word in ["mange", "disent", "a", "", "maison", "changer"] {
            assert!(!ADJECTIVE_ENDINGS.end(word), "{word}");
        }
    }
}
