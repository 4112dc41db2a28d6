//! Coreference: one actor per entity.
//!
//! Name mentions are grouped by key: the gazetteer entity (so "OTAN",
//! "Organisation du traité de l’Atlantique nord" and "Alliance atlantique"
//! are one actor), the folded full name of a person (a surname alone, or a
//! name after an honorific, joins the person whose name ends with it), and
//! "Nom complet (SIGLE)" / "SIGLE (Nom complet)" pairs. A lone capitalised
//! word that no rule explains is dropped when it opens a sentence, and
//! otherwise typed from its context ("à Montauban" → a place); it is an
//! organisation only when some mention shows it one ("Norvane a annoncé",
//! "selon Vigicrues"), else it is dropped ("la Garonne", "Brassens").

use super::mentions::{Ment, adjective_like, is_org_word, is_verb, signatures, spoken_after_verb};
use super::tokens::{FIRST_NAME, FUNCTION_WORDS, Kind, Unit, WordSet};
use crate::ActorKind;
use crate::hash::{InputMap, InputSet};
use crate::lexicon::extract::LEXICON;
use crate::lexicon::fold::push_folded;
use crate::lexicon::{ByteSet, fold_str};
use std::sync::LazyLock;

/// An actor being built.
#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) kind: ActorKind,
    /// The canonical name.
    pub(crate) name: String,
}

/// What makes mentions one actor: mentions with the same key are grouped.
/// Names are borrowed from the blocks' folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// A gazetteer entity, whatever name it goes by.
    Entity(u32),
    /// A person, by folded full name.
    Person(&'a str),
    /// Any other name, folded.
    Name(&'a str),
}

/// Prepositions after which an unknown capitalised word is a place.
const PLACE_PREPOSITIONS: &WordSet =
    &WordSet::new(&["a", "en", "vers", "depuis", "pres", "entre", "via"]);

/// Definite articles (folded), told by their signature: asked around most
/// mentions.
const ARTICLES: &WordSet = &WordSet::new(&["la", "l'", "le", "les"]);

/// "de" and its contractions (folded).
const OF: &WordSet = &WordSet::new(&["de", "du", "des", "d'"]);

/// Whether the mention is the name of a street, river or mountain: after a
/// feature noun ("rue des Cordiers", "mer de Barents", "vallée de l’Arve").
fn feature_name(u: &Unit<'_>, a: usize) -> bool {
    let mut k = a;
    if k > 0 && u.is(k - 1, ARTICLES) && !u.toks[k - 1].cap {
        k -= 1;
    }
    if k > 0 && u.is(k - 1, OF) {
        k -= 1;
    }
    k > 0
        && FEATURE_SIGNATURES.contains(u.toks[k - 1].sig)
        && LEXICON.feature_heads.contains(u.ftok(k - 1))
        && !is_side(u, k - 1)
}

/// Whether token `i` is "côté" (side), which folds to "cote" as "côte"
/// (coast) does: "de son côté Anne Rey" is no coast, and in "Côté
/// Baronnies, le manager…" the name is a team's, not a place's.
fn is_side(u: &Unit<'_>, i: usize) -> bool {
    u.ftok(i) == "cote" && matches!(u.tok(i), "côté" | "Côté" | "CÔTÉ")
}

/// Whether token `i` is a noun after which a name is a place.
fn place_noun(u: &Unit<'_>, i: usize) -> bool {
    u.is(i, PLACE_NOUNS) && !is_side(u, i)
}

/// The signatures of the feature heads, as a [`WordSet`] has them for its
/// words: most words before a name are no feature head, told without
/// hashing them.
static FEATURE_SIGNATURES: LazyLock<ByteSet> =
    LazyLock::new(|| signatures(LEXICON.feature_heads.iter().map(String::as_str)));

/// The folded text of a mention.
#[inline]
pub(crate) fn folded<'a>(units: &'a [Unit<'_>], m: &Ment) -> &'a str {
    let u = &units[m.unit];
    &u.folded[u.toks[m.a].fstart..u.toks[m.b - 1].fend]
}

/// The text of a mention.
pub(crate) fn text<'a>(units: &'a [Unit<'a>], m: &Ment) -> &'a str {
    units[m.unit].slice(m.a, m.b)
}

/// The number of chars of `s`: its length when it is ASCII, as most names
/// are, without decoding it.
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a title ends just before token `k` (within four tokens).
pub(crate) fn title_before(u: &Unit<'_>, k: usize) -> bool {
    (k.saturating_sub(4)..k).any(|s| {
        u.hit(s)
            .title
            .is_some_and(|(_, fend)| fend as usize == u.toks[k - 1].fend)
    })
}

/// Groups mentions into actors. Mentions that turn out not to be names are
/// removed from `ments`; `of` gives each remaining mention its group.
pub(crate) fn group<'u>(units: &'u [Unit<'_>], ments: &mut Vec<Ment>) -> (Vec<Group>, Vec<usize>) {
    // The maps and sets below hold folded names borrowed from the blocks:
    // no string is built per mention.
    // People named in full: folded last words → full folded name. (The
    // maps and sets are sized up front: growing one rehashes what it
    // holds.)
    let full_name = |m: &Ment| m.kind == Some(ActorKind::Person) && m.b - m.a >= 2;
    let people = ments.iter().filter(|m| full_name(m)).count();
    let mut surnames: InputMap<&str, &str> =
        InputMap::with_capacity_and_hasher(people, Default::default());
    for m in ments.iter() {
        if full_name(m) {
            let f = folded(units, m);
            let u = &units[m.unit];
            // The last name word, with its particles ("de Gaulle").
            let mut s = m.b - 1;
            while s > m.a + 1 && u.toks[s - 1].kind == Kind::Word && !u.toks[s - 1].cap {
                s -= 1;
            }
            let last = &u.folded[u.toks[s].fstart..u.toks[m.b - 1].fend];
            surnames.entry(last).or_insert(f);
            // "Van Dalen", "De Gaulle": a capitalised particle.
            if m.b - m.a >= 3 && crate::extract::mentions::PARTICLES.contains(u.ftok(m.b - 2)) {
                let l2 = &u.folded[u.toks[m.b - 2].fstart..u.toks[m.b - 1].fend];
                surnames.entry(l2).or_insert(f);
            }
            // "Marine Le Pen" → "Le Pen".
            if s > m.a + 1 && u.toks[s - 1].cap && u.is(s - 1, &["le", "la"]) {
                let l2 = &u.folded[u.toks[s - 1].fstart..u.toks[m.b - 1].fend];
                surnames.entry(l2).or_insert(f);
            }
        }
    }
    // First names of people named in full, when only one has it ("Odette"
    // → "Odette Ferrandi").
    let mut firsts: InputMap<&str, Option<&str>> =
        InputMap::with_capacity_and_hasher(people, Default::default());
    for m in ments.iter() {
        if full_name(m) {
            let first = units[m.unit].ftok(m.a);
            let full = folded(units, m);
            firsts
                .entry(first)
                .and_modify(|f| {
                    if *f != Some(full) {
                        *f = None;
                    }
                })
                .or_insert(Some(full));
        }
    }
    // (The order of these maps does not matter: a first name is kept only
    // if no surname has it, and each is a new entry.)
    for f in surnames.keys() {
        firsts.remove(f);
    }
    for (first, full) in firsts {
        if let Some(full) = full {
            surnames.entry(first).or_insert(full);
        }
    }
    // "Région" after "Région Bretagne": the first word of one organisation's
    // name.
    // A first word shared by different bodies names none of them: the
    // outcome does not depend on the order of the entries.
    let mut org_firsts: InputMap<&str, Option<Key<'_>>> = InputMap::default();
    let mut org_first = |first: &'u str, full: Key<'u>| {
        org_firsts
            .entry(first)
            .and_modify(|f| {
                if *f != Some(full) {
                    *f = None;
                }
            })
            .or_insert(Some(full));
    };
    for m in ments.iter() {
        if m.kind == Some(ActorKind::Organization) && m.b - m.a >= 2 && m.split.is_none() && !m.weak
        {
            // "Parlement" after "Parlement européen": the entity's key.
            let full = match m.entity {
                Some(e) => Key::Entity(e),
                None => Key::Name(folded(units, m)),
            };
            org_first(units[m.unit].ftok(m.a), full);
        }
    }
    // "l’Alliance" after "Otan", "la Commission" after "Commission
    // européenne": the first word of another name of a body the article
    // has named.
    let mut named: Vec<u32> = Vec::with_capacity(ments.len());
    named.extend(ments.iter().filter_map(|m| m.entity));
    named.sort_unstable();
    named.dedup();
    for e in named {
        if LEXICON.gazetteer.entities[e as usize].kind != ActorKind::Organization {
            continue;
        }
        for first in &LEXICON.gazetteer.short_forms[e as usize] {
            org_first(first.as_str(), Key::Entity(e));
        }
    }
    // "le cabinet Prixscope … Prixscope": a head before a name used alone
    // elsewhere is a role ("cabinet"); otherwise it is part of the name
    // ("musée Duclos de Montluçon").
    // (Most articles have no such head: the names then go unused.)
    let all: InputSet<&str> = if ments.iter().any(|m| m.split.is_some()) {
        let mut all = InputSet::with_capacity_and_hasher(ments.len(), Default::default());
        all.extend(
            ments
                .iter()
                .filter(|m| m.split.is_none())
                .map(|m| folded(units, m)),
        );
        all
    } else {
        InputSet::default()
    };
    for m in ments.iter_mut() {
        if let Some(k) = m.split {
            let u = &units[m.unit];
            let name = &u.folded[u.toks[k].fstart..u.toks[m.b - 1].fend];
            let head = &u.folded[u.toks[m.a].fstart..u.toks[k - 1].fend];
            if all.contains(name) || m.entity.is_some() || LEXICON.org_descriptors.contains(head) {
                let head = m.a;
                m.a = k;
                m.split = Some(head);
            } else {
                m.split = None;
            }
        }
    }
    // "Fos-sur-Mer" → "Fos": the first part of a compound place name.
    let mut place_prefixes: InputMap<&str, (Key<'_>, ActorKind)> = InputMap::default();
    for m in ments.iter() {
        if let Some(e) = m.entity
            && m.b == m.a + 1
        {
            let f = folded(units, m);
            // (Most names have no hyphen: no need to search them.)
            if f.contains('-')
                && let Some(i) = f
                    .find("-sur-")
                    .or_else(|| f.find("-en-"))
                    .or_else(|| f.find("-les-"))
            {
                place_prefixes
                    .entry(&f[..i])
                    .or_insert((Key::Entity(e), LEXICON.gazetteer.entities[e as usize].kind));
            }
        }
    }
    let found = std::mem::take(ments);
    // Whether a name is seen in mid-sentence: asked of some mentions that
    // open a sentence only, and worked out on the first such question.
    let mid = std::cell::OnceCell::new();
    let in_mid = |f: &str| {
        mid.get_or_init(|| {
            let mut mid: InputSet<&str> =
                InputSet::with_capacity_and_hasher(found.len(), Default::default());
            mid.extend(
                found
                    .iter()
                    .filter(|m| !m.initial)
                    .map(|m| folded(units, m)),
            );
            mid
        })
        .contains(f)
    };
    // Lone capitalised words that some mention shows to be an
    // organisation ("Norvane a annoncé", "selon Vigicrues", "économiste
    // chez Xerfi", "(Renew)", "la start-up lyonnaise Kaldor"). Worked out
    // over the mentions as found, and only when a lone word is still
    // undecided at the end of `lone_kind`: in most articles none is.
    let org_evidence = std::cell::OnceCell::new();
    let org_evidence = |f: &str| {
        org_evidence
            .get_or_init(|| -> InputSet<&str> {
                found
                    .iter()
                    .filter(|m| {
                        m.kind.is_none()
                            && m.entity.is_none()
                            && lone_org_evidence(&units[m.unit], m)
                    })
                    .map(|m| folded(units, m))
                    .collect()
            })
            .contains(f)
    };
    // Decide the lone words.
    let mut keep = Vec::with_capacity(found.len());
    let mut keys = Vec::with_capacity(found.len());
    for m in &found {
        let f = folded(units, m);
        let u = &units[m.unit];
        let mut m = m.clone();
        // "a expliqué à l’AFP": the agency spoken to is named in the
        // story and stays an actor; only its dateline credit is dropped.
        // "STRASBOURG, 11 mars 2025 (AFP) -": the agency of a dateline is
        // a credit, not an actor.
        // So is "HELSINKI (AFP) -", without a date.
        let bracketed = m.acronym && m.a >= 2 && u.is(m.a - 1, &["("]) && u.is(m.b, &[")"]);
        let dateline = bracketed
            && u.is(m.b + 1, &["-", "–", "—"])
            && (u.toks[m.a - 2].kind == Kind::Number
                || m.a <= 6 && (0..m.a - 1).all(|j| u.toks[j].cap || u.is(j, &[",", "-"])));
        if dateline {
            continue;
        }
        // "Marine Le Pen (RN)", "Lens (PS)", "Maxime Le Gall (FRA)": an
        // unknown acronym in brackets after a person or a place glosses it
        // (a party, a department, a country's code), and is no alias of
        // it either; a known body stays an actor of its own.
        if bracketed
            && m.entity.is_none()
            && longest_ending(&keep, m.unit, m.a - 1).is_some_and(|p| {
                matches!(keep[p].kind, Some(ActorKind::Person | ActorKind::Location))
            })
        {
            continue;
        }
        if m.entity.is_none() && feature_name(u, m.a) {
            continue;
        }
        // A run of capitals that only opens sentences ("Test du Kaldor"),
        // or that completes a title ("ministres de la Défense de l’Otan").
        if m.weak
            && m.entity.is_none()
            && !surnames.contains_key(f)
            && ((m.initial && !in_mid(f)) || title_complement(u, m.a))
        {
            continue;
        }
        // "l’ONG", "cette ONG": an acronym that describes a body rather
        // than names it (a claim of "l’ONG" goes to the body last named).
        if m.entity.is_none()
            && m.acronym
            && m.a > 0
            && u.is(
                m.a - 1,
                &["l'", "cette", "une", "les", "des", "d'", "aux", "ces"],
            )
            && LEXICON.org_descriptors.contains(f)
        {
            continue;
        }
        // "une association d’Ajaccio": an indefinite body is no actor.
        if m.entity.is_none()
            && m.kind == Some(ActorKind::Organization)
            && !u.toks[m.a].cap
            && m.a > 0
            && u.is(m.a - 1, &["un", "une", "des"])
        {
            continue;
        }
        // A surname wins over a town of the same name ("Yvan Corrèze" …
        // "Corrèze").
        let surname_of = (m.b == m.a + 1 && !m.acronym)
            .then(|| surnames.get(f).filter(|full| **full != f))
            .flatten();
        // So does the article's own person over a listed one of the same
        // surname ("Hunter Biden" … "Biden").
        if let Some(e) = m.entity
            && surname_of.is_some_and(|full| LEXICON.gazetteer.by_name.get(*full) != Some(&e))
            && !LEXICON.gazetteer.entities[e as usize].state
            && matches!(
                LEXICON.gazetteer.entities[e as usize].kind,
                ActorKind::Location | ActorKind::Person
            )
        {
            m.entity = None;
            m.kind = None;
        }
        // Acronyms nothing vouches for: "les GPU", "liaisons TER".
        if m.entity.is_none() && m.acronym && lone_kind(u, &m, || false).is_none() {
            continue;
        }
        // A person's full name may be a listed one ("Vladimir" →
        // "Vladimir Poutine"): the key is then the listed entity's.
        let person = |full: &'u str| match LEXICON.gazetteer.by_name.get(full) {
            Some(&e) if LEXICON.gazetteer.entities[e as usize].kind == ActorKind::Person => {
                Key::Entity(e)
            }
            _ => Key::Person(full),
        };
        // "D. Trump" after "Donald Trump": an initial and the surname of a
        // person named in full whose given name it opens.
        let initialled = || {
            let u = &units[m.unit];
            if m.kind != Some(ActorKind::Person)
                || m.b - m.a < 3
                || !u.is(m.a + 1, &["."])
                || u.toks[m.a].end - u.toks[m.a].start != 1
            {
                return None;
            }
            let rest = &u.folded[u.toks[m.a + 2].fstart..u.toks[m.b - 1].fend];
            surnames
                .get(rest)
                .copied()
                .filter(|full| *full != f && full.as_bytes().first() == f.as_bytes().first())
        };
        let key = if let Some(e) = m.entity {
            Key::Entity(e)
        } else if let Some(full) = initialled() {
            person(full)
        } else if let Some(&full) = surnames.get(f).filter(|full| **full != f) {
            if m.kind.is_none() || m.kind == Some(ActorKind::Person) || m.weak {
                m.kind = Some(ActorKind::Person);
                person(full)
            } else {
                Key::Name(f)
            }
        } else if m.kind == Some(ActorKind::Person)
            // A run nothing vouched for here that is a person's full name
            // elsewhere ("le ministre Roman Prymula" … "Roman Prymula").
            || (m.weak && surnames.values().any(|full| *full == f))
        {
            m.kind = Some(ActorKind::Person);
            person(f)
        } else if m.kind.is_some() {
            Key::Name(f)
        } else {
            // "Fos" after "Fos-sur-Mer".
            if let Some(&(key, kind)) = place_prefixes.get(f) {
                m.kind = Some(kind);
                keep.push(m);
                keys.push(key);
                continue;
            }
            // A lone capitalised word.
            if let Some(&Some(key)) = org_firsts.get(f)
                && key != Key::Name(f)
            {
                m.kind = Some(ActorKind::Organization);
                keep.push(m);
                keys.push(key);
                continue;
            }
            if m.initial && !in_mid(f) {
                continue;
            }
            // Units and short words ("W", "Nm"), demonyms after a
            // determiner ("les Sétois", "aux Montluçonnais").
            if f.chars().count() <= 2 {
                continue;
            }
            let demonym = [
                "ais", "aise", "aises", "ois", "oise", "oises", "ain", "aine", "ains", "aines",
                "ien", "ienne", "iens", "iennes", "ol", "ole", "ols", "oles", "ins", "ines",
            ]
            .iter()
            .any(|e| f.ends_with(e));
            if demonym
                && m.a > 0
                && u.is(
                    m.a - 1,
                    &[
                        "les", "aux", "des", "un", "une", "le", "la", "l'", "ces", "nos", "leurs",
                    ],
                )
            {
                continue;
            }
            // Inside a title: "procureur de la République".
            if (m.a.saturating_sub(6)..m.a).any(|s| {
                u.hit(s)
                    .title
                    .is_some_and(|(_, fend)| fend as usize >= u.toks[m.b - 1].fend)
            }) {
                continue;
            }
            if title_complement(u, m.a) {
                continue;
            }
            let kind = lone_kind(u, &m, || org_evidence(f));
            let Some(kind) = kind else { continue };
            m.kind = Some(kind);
            if kind == ActorKind::Person {
                Key::Person(f)
            } else {
                Key::Name(f)
            }
        };
        keep.push(m);
        keys.push(key);
    }
    *ments = keep;
    // Pairs "Nom complet (SIGLE)" and "SIGLE (Nom complet)"; not a person's
    // or a place's party or department: "Marine Le Pen (RN)", "Lens (PS)".
    let mut alias: InputMap<Key<'_>, Key<'_>> = InputMap::default();
    for w in 1..ments.len() {
        let y = &ments[w];
        let u = &units[y.unit];
        if y.a == 0 || !u.is(y.a - 1, &["("]) || !u.is(y.b, &[")"]) {
            continue;
        }
        // The mention before the bracket, not one nested in its end
        // ("France" in "Fédération hospitalière de France (FHF)").
        let Some(v) = longest_ending(&ments[..w], y.unit, y.a - 1) else {
            continue;
        };
        let x = &ments[v];
        let full = if x.acronym { y } else { x };
        if x.acronym != y.acronym
            && !matches!(full.kind, Some(ActorKind::Person | ActorKind::Location))
        {
            let (ka, kb) = (keys[v], keys[w]);
            if ka != kb {
                alias.insert(kb, ka);
            }
        }
    }
    // Acronyms that spell the initials of a full name in the article. The
    // initials are worked out on the first acronym that needs them: many
    // articles have none.
    let mut longs: Option<Vec<(String, Key<'_>)>> = None;
    for (m, &k) in ments.iter().zip(&keys) {
        if m.acronym && !alias.contains_key(&k) {
            let longs = longs.get_or_insert_with(|| {
                ments
                    .iter()
                    .zip(&keys)
                    .filter(|(m, _)| !m.acronym && m.kind == Some(ActorKind::Organization))
                    .map(|(m, &k)| (initials(text(units, m)), k))
                    .filter(|(i, _)| i.len() >= 2)
                    .collect()
            });
            let f = fold_str(text(units, m));
            // "ARS" for "agence régionale de santé d’Île-de-France": the
            // initials, or their start when the acronym has three letters
            // or more.
            if let Some(&(_, long)) = longs
                .iter()
                .find(|(i, _)| *i == f || f.len() >= 3 && i.starts_with(f.as_str()))
            {
                alias.insert(k, long);
            }
        }
    }
    let resolve = |mut k: Key<'u>| -> Key<'u> {
        for _ in 0..4 {
            match alias.get(&k) {
                Some(&n) if n != k => k = n,
                _ => break,
            }
        }
        k
    };
    let mut index: InputMap<Key<'_>, usize> =
        InputMap::with_capacity_and_hasher(ments.len(), Default::default());
    let mut groups: Vec<Group> = Vec::with_capacity(ments.len());
    let mut of = Vec::with_capacity(ments.len());
    // Per group, its best name so far: (rank, mention).
    let mut best: Vec<((bool, bool, usize), usize)> = Vec::with_capacity(ments.len());
    for (i, (m, &k)) in ments.iter().zip(&keys).enumerate() {
        let k = resolve(k);
        let g = *index.entry(k).or_insert_with(|| {
            groups.push(Group {
                kind: m.kind.unwrap_or(ActorKind::Organization),
                name: String::new(),
            });
            groups.len() - 1
        });
        of.push(g);
        // The fullest written form; acronyms only when nothing else, and a
        // lone word linked to a listed body ("l’Alliance" for the Otan)
        // only before them. The last of equals wins.
        let rank = (
            !m.acronym,
            m.entity.is_some() || m.b - m.a > 1,
            char_count(text(units, m)),
        );
        match best.get_mut(g) {
            Some(b) if rank >= b.0 => *b = (rank, i),
            Some(_) => {}
            None => best.push((rank, i)),
        }
        // A person group keeps the kind of its full name.
        if m.kind == Some(ActorKind::Person) {
            groups[g].kind = ActorKind::Person;
        }
    }
    for (g, &(_, i)) in groups.iter_mut().zip(&best) {
        g.name = text(units, &ments[i]).to_owned();
    }
    (groups, of)
}

/// Whether the capitalised word at `a` completes a title: "ministre de la
/// Défense", "secrétaire d’État", "commissaire européen chargé du
/// Commerce", "ministre de l’Économie et des Finances". Only a capitalised
/// common noun after an article does ("Défense"), not a name
/// ("Copa-Cogeca", "CNE", "maire de Feurs").
pub(crate) fn title_complement(u: &Unit<'_>, a: usize) -> bool {
    if u.tok(a).chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let mut k = a;
    // Up to three coordinated complements.
    for _ in 0..3 {
        // With an article: "de la Défense", "du Commerce"; "maire de
        // Feurs" names a place.
        let article = k > 0 && u.is(k - 1, ARTICLES);
        if article {
            k -= 1;
        }
        let contracted = k > 0 && u.is(k - 1, &["du", "des", "au", "aux"]);
        if !(contracted || article && k > 0 && u.is(k - 1, &["de", "d'", "a"])) {
            return false;
        }
        // Back over adjectives: "ministre norvégienne des Affaires
        // étrangères", "ministre délégué chargé de l’Industrie".
        let mut t = k - 1;
        loop {
            if t > 0 && title_before(u, t) {
                return true;
            }
            if t > 0
                && t + 4 > k
                && (adjective_like(u, t - 1) || u.is(t - 1, &["charge", "chargee"]))
            {
                t -= 1;
            } else {
                break;
            }
        }
        // "de l’Économie et des Finances": over the first complement.
        if t >= 2 && u.is(t - 1, &["et"]) && u.toks[t - 2].cap {
            k = t - 2;
        } else {
            return false;
        }
    }
    false
}

/// Nouns after which a name is a place ("quartier des Chartrons").
const PLACE_NOUNS: &WordSet = &WordSet::new(&[
    "quartier",
    "commune",
    "ville",
    "village",
    "canton",
    "secteur",
    "region",
    "departement",
    "arrondissement",
    "agglomeration",
    "localite",
    "bourg",
    "province",
    "etat",
    "pays",
    "territoire",
    "vallee",
    "plateau",
    "massif",
    "cote",
    "rive",
    "pres",
    "reliant",
    "entre",
    "habitants",
    "habitant",
    "environs",
    "banlieue",
    "centre-ville",
    "pays",
]);

/// Whether a lone capitalised word shows itself an organisation here: the
/// subject of a reporting verb ("Norvane a annoncé", "Foodwatch
/// dénonce"), a source ("selon Vigicrues", "d’après Ryanair"), an employer
/// ("économiste chez Xerfi"), a label in parentheses ("(Renew)"), or a name
/// after a company descriptor and its adjectives ("le groupe chimique
/// Norvane", "la jeune pousse lyonnaise Siliciel").
fn lone_org_evidence(u: &Unit<'_>, m: &Ment) -> bool {
    let (a, b) = (m.a, m.b);
    if b != a + 1 {
        return false;
    }
    let n = u.toks.len();
    // A reporting verb after lower-case words only ("a toutefois
    // annoncé", "n’a pas manqué de"), or after an apposition between
    // commas ("Hydrelia, spécialiste de …, a annoncé").
    const AUX: &WordSet = &WordSet::new(&[
        "a",
        "ont",
        "avait",
        "aurait",
        "va",
        "doit",
        "n'",
        "ne",
        "pas",
        "toutefois",
        "aussi",
        "egalement",
        "deja",
        "encore",
        "pour",
        "sa",
        "part",
        "de",
        "son",
        "cote",
        "quant",
        "se",
        "s'",
        "est",
        "sont",
        "lui",
        "leur",
        "l'",
        "y",
        "en",
    ]);
    let verb_from = |j: usize| {
        let mut k = j;
        while k < n && k < j + 5 {
            if is_verb(u, k) {
                return true;
            }
            if !u.is(k, AUX) {
                return false;
            }
            k += 1;
        }
        false
    };
    let chain = |j: usize| {
        j < n && (is_verb(u, j) || (u.is(j, &["a", "n'", "avait", "va"]) && verb_from(j + 1)))
    };
    if verb_from(b)
        // "Le constructeur turc des drones, Baykar, a fait savoir": the
        // name in apposition to a body's descriptor, the verb right after.
        || (a > 0
            && u.is(a - 1, &[","])
            && u.is(b, &[","])
            && chain(b + 1)
            && (a.saturating_sub(7)..a - 1).any(|p| {
                p > 0
                    && u.is(p - 1, &["le", "la", "l'", "son", "sa", "leur"])
                    && LEXICON.org_descriptors.contains(u.ftok(p))
            }))
        || (u.is(b, &[","])
            && (b + 2..(b + 20).min(n))
                .find(|&k| u.is(k, &[",", ".", "«", "»", ":", ";"]))
                .is_some_and(|k| u.is(k, &[","]) && chain(k + 1)))
    {
        return true;
    }
    // "X, la coopérative …", "X, filiale de …": a descriptor in apposition.
    if u.is(b, &[","]) {
        let j = b + 1 + usize::from(u.is(b + 1, &["le", "la", "l'", "un", "une"]));
        if j < n && LEXICON.org_descriptors.contains(u.ftok(j)) {
            return true;
        }
    }
    if a == 0 {
        return false;
    }
    // A source, an employer, a label, an opponent or a club joined or
    // left ("battu Györ", "a rejoint Renault").
    if u.is(
        a - 1,
        &[
            "selon", "chez", "battu", "bat", "affronte", "recoit", "rejoint", "quitte",
        ],
    ) || (a >= 2 && u.is(a - 1, &["apres"]) && u.is(a - 2, &["d'"]))
        || (u.is(a - 1, &["("]) && u.is(b, &[")"]))
        || (u.is(a - 1, &["pour"]) && u.is(b, &[","]))
    {
        return true;
    }
    // After its reporting verb: "», indique Vigicrues".
    if spoken_after_verb(u, a) {
        return true;
    }
    // Back over up to two adjectives to a descriptor noun.
    let mut p = a - 1;
    for _ in 0..2 {
        if p > 0 && adjective_like(u, p) {
            p -= 1;
        }
    }
    let descriptor = |s: usize, e: usize| {
        LEXICON
            .org_descriptors
            .contains(&u.folded[u.toks[s].fstart..u.toks[e].fend])
    };
    u.toks[p].kind == Kind::Word
        && !u.toks[p].cap
        && (descriptor(p, p) || (p > 0 && descriptor(p - 1, p)))
}

/// The kind of a lone capitalised word nothing else explains, from its
/// context; `None` when it is no actor (a plural acronym: "les GPU", a
/// word no context shows to be a body: "Garonne", "Brassens"). `evidence`
/// tells whether some mention of the word shows it an organisation; it is
/// asked last, as it costs the most.
fn lone_kind(u: &Unit<'_>, m: &Ment, evidence: impl FnOnce() -> bool) -> Option<ActorKind> {
    let a = m.a;
    let word = u.tok(a);
    let prev = |k: usize| (a >= k).then(|| a - k);
    // "CGT-Cheminots", "SNCF Réseau": an acronym in front.
    if !m.acronym
        && u.tok(a)
            .split(['-', '‑'])
            .next()
            .is_some_and(|p| p.chars().count() >= 2 && p.chars().all(|c| c.is_uppercase()))
    {
        return Some(ActorKind::Organization);
    }
    if m.acronym || u.toks[a].upper {
        // "les GPU", "liaisons TER", "mention AB": not a body.
        if let Some(p) = prev(1)
            && (u.is(p, &["les", "des", "ces"])
                || (u.toks[p].kind == Kind::Word && !u.toks[p].cap && !u.is(p, PREPOSITION_LIKE)))
        {
            return None;
        }
        return Some(ActorKind::Organization);
    }
    if m.a > 0 && title_before(u, m.a) {
        return Some(ActorKind::Person);
    }
    // "lors de Klaus en 2009", "pendant Xynthia": a name as a moment is
    // an event (a storm, a festival), not an actor.
    if let Some(p) = prev(1)
        && (u.is(p, &["pendant", "durant"])
            || (p > 0 && u.is(p, &["de", "d'"]) && u.is(p - 1, &["lors"])))
    {
        return None;
    }
    // A given name alone: "Léonie", "Odette".
    if u.toks[a].flags & FIRST_NAME != 0 && m.b == a + 1 {
        return Some(ActorKind::Person);
    }
    // "Léonie, 9 ans": an age.
    if u.is(m.b, &[","])
        && u.toks.get(m.b + 1).is_some_and(|t| t.kind == Kind::Number)
        && u.is(m.b + 2, &["ans"])
    {
        return Some(ActorKind::Person);
    }
    if is_org_word(u, a) {
        return Some(ActorKind::Organization);
    }
    // "la race Aubrac", "des vélos Kaldor", "la pierre de Volvic" aside: a
    // name right after a common noun, with no determiner, names a thing of
    // that kind (a breed, a brand, a storm, a product), not an actor. Not
    // after a verb ("estime Dupont") or a function word.
    if let Some(p) = prev(1)
        && u.toks[p].kind == Kind::Word
        && !u.toks[p].cap
        && !u.ftok(p).ends_with('\'')
        && !u.is(p, PREPOSITION_LIKE)
        && !u.is(p, PLACE_PREPOSITIONS)
        && !place_noun(u, p)
        && !u.is(p, NOT_NOUNS)
        && !FUNCTION_WORDS.contains(u.ftok(p))
        && u.hit(p).verb.is_none()
        && u.hit(p).head.is_none()
        && !title_before(u, a)
        && !adjective_like(u, p)
    {
        return None;
    }
    // Toponyms: "Valence-d’Agen", "Lons-le-Saunier", "La Réole".
    let f = &u.folded[u.toks[a].fstart..u.toks[m.b - 1].fend];
    if toponym_shape(f) || u.is(a, &["la", "le"]) && u.toks[a].cap {
        return Some(ActorKind::Location);
    }
    // "SoLocal", "BlaBlaCar": a capital after a small letter makes a brand
    // ("Croix-Rousse" is a place).
    if word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(x, y)| x.is_lowercase() && y.is_uppercase())
    {
        return Some(ActorKind::Organization);
    }
    // "entre Lyon et Fos", "Piedicroce, Carcheto et Valle-d’Orezza": a
    // word coordinated with a place is a place.
    if coordinated_with_place(u, a, m.b) {
        return Some(ActorKind::Location);
    }
    let k = a;
    if k > 0 && u.is(k - 1, ARTICLES) && !u.toks[k - 1].cap {
        // "la Riviera", "le Svalbard".
        // After a place preposition only: "la Garonne monte", "le débit de
        // l’Arve" name rivers and things, not actors.
        if k >= 2
            && u.is(
                k - 2,
                &["a", "vers", "sur", "dans", "entre", "depuis", "en"],
            )
        {
            return Some(ActorKind::Location);
        }
        return None;
    }
    let before = k.checked_sub(1);
    if before.is_some_and(|p| u.is(p, PLACE_PREPOSITIONS)) {
        return Some(ActorKind::Location);
    }
    // "secrétaire générale du Copa-Cogeca", "directeur des Verts": a
    // function held in a body (the places that take "du" — "du Var", "du
    // Cantal" — are in the gazetteer).
    if before.is_some_and(|p| u.is(p, &["du", "des"]) && p > 0 && title_before(u, p)) {
        return Some(ActorKind::Organization);
    }
    // "quartier des Chartrons", "près de Laguiole", "une mère de Fleurus".
    if before.is_some_and(|p| u.is(p, OF)) {
        return Some(ActorKind::Location);
    }
    if before.is_some_and(|p| place_noun(u, p)) {
        return Some(ActorKind::Location);
    }
    evidence().then_some(ActorKind::Organization)
}

/// Whether the lone word `a..b` is coordinated ("et", "ou", a comma) with a
/// place: a gazetteer place or a compound toponym ("Valle-d’Orezza").
fn coordinated_with_place(u: &Unit<'_>, a: usize, b: usize) -> bool {
    const COORD: &[&str] = &["et", "ou", ","];
    let place_at = |i: usize| {
        super::mentions::gazetteer_at(u, i).is_some_and(|(e, _)| {
            LEXICON.gazetteer.entities[e as usize].kind == ActorKind::Location
        }) || (u.toks[i].cap && toponym_shape(&u.folded[u.toks[i].fstart..u.toks[i].fend]))
    };
    // After: "Carcheto et Valle-d’Orezza".
    if u.is(b, COORD) && b + 1 < u.toks.len() && place_at(b + 1) {
        return true;
    }
    // Before: a place ending just before the conjunction.
    if a >= 2 && u.is(a - 1, COORD) {
        let end = u.toks[a - 2].fend;
        return (a.saturating_sub(6)..a - 1).any(|i| {
            u.hit(i)
                .gazetteer
                .is_some_and(|(_, fend)| fend as usize == end)
                && place_at(i)
        }) || (u.toks[a - 2].cap
            && toponym_shape(&u.folded[u.toks[a - 2].fstart..u.toks[a - 2].fend]));
    }
    false
}

/// Whether a folded name has the shape of a compound place name
/// ("valence-d'agen", "lons-le-saunier", "saint-flour").
fn toponym_shape(f: &str) -> bool {
    // Each shape has a hyphen ("-sur-", "-d'", "saint-"): look around the
    // hyphens of the name rather than search it once per shape.
    const FROM_HYPHEN: &[&str] = &[
        "-sur-", "-le-", "-la-", "-les-", "-de-", "-d'", "-en-", "-aux-",
    ];
    f.match_indices('-').any(|(i, _)| {
        let (before, from) = f.split_at(i);
        FROM_HYPHEN.iter().any(|p| from.starts_with(p))
            || before.ends_with("saint")
            || before.ends_with("sainte")
    })
}

/// Lower-case words before a name that are no common noun.
const NOT_NOUNS: &WordSet = &WordSet::new(&[
    "comme",
    "ni",
    "mais",
    "puis",
    "donc",
    "quand",
    "lorsque",
    "lorsqu'",
    "si",
    "ou",
    "car",
    "face",
    "outre",
    "hors",
    "parmi",
    "malgre",
    "sauf",
    "pendant",
    "durant",
    "lors",
    "jusqu'",
    "ainsi",
    "aussi",
    "notamment",
    "meme",
    "surtout",
    "alors",
    "voire",
    "tandis",
    "ici",
    "la",
    "est",
    "sont",
    "etait",
    "sera",
    "devient",
    "reste",
    "rejoint",
    "quitte",
    "visite",
    "contre",
    "aupres",
    "rencontre",
    "battu",
    "bat",
    "affronte",
    "recoit",
]);

/// The index of the longest of the last mentions of `ments` (in text
/// order) that ends right before token `at` of block `unit`: a name, not
/// one nested in its end.
fn longest_ending(ments: &[Ment], unit: usize, at: usize) -> Option<usize> {
    (0..ments.len())
        .rev()
        .take_while(|&v| ments[v].unit == unit && ments[v].b >= at)
        .filter(|&v| ments[v].b == at)
        .min_by_key(|&v| ments[v].a)
}

/// Words after which an acronym can still be an organisation.
const PREPOSITION_LIKE: &WordSet = &WordSet::new(&[
    "a", "au", "aux", "de", "du", "d'", "la", "le", "l'", "par", "pour", "avec", "chez", "selon",
    "contre", "et", "ou", "entre", "sur", "dans", "que", "qu'", "dont", "sans", "vers", "apres",
    "avant", "envers", "aupres",
]);

/// The initials of an organisation's full name ("Agence régionale de
/// santé" → "ars"), folded.
fn initials(name: &str) -> String {
    /// Words that give no initial (folded).
    const SKIPPED: &[&str] = &[
        "de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "a", "en",
    ];
    const LONGEST: usize = {
        let (mut n, mut i) = (0, 0);
        while i < SKIPPED.len() {
            if SKIPPED[i].len() > n {
                n = SKIPPED[i].len();
            }
            i += 1;
        }
        n
    };
    let mut out = String::new();
    // A word that is not ASCII is folded into this buffer, and only so far
    // as it can still be a skipped word: folding only ever appends.
    let mut word = String::new();
    for w in name.split([' ', '-', '\'', '’']) {
        let Some(first) = w.chars().next() else {
            continue;
        };
        let skipped = if w.is_ascii() {
            // ASCII folds to its lower case.
            SKIPPED.iter().any(|s| w.eq_ignore_ascii_case(s))
        } else {
            word.clear();
            for c in w.chars() {
                push_folded(c, &mut word);
                if word.len() > LONGEST {
                    break;
                }
            }
            SKIPPED.contains(&word.as_str())
        };
        if !skipped {
            push_folded(first, &mut out);
        }
    }
    out
}

/// In shouted blocks, the names found elsewhere: (unit, a, b, group).
pub(crate) fn shouted(
    units: &[Unit<'_>],
    ments: &[Ment],
    groups: &[Group],
    of: &[usize],
) -> Vec<(usize, usize, usize, usize)> {
    // Most articles shout nowhere: nothing to look for then.
    if !units.iter().any(|u| u.shouting) {
        return Vec::new();
    }
    let mut forms: Vec<(&str, usize)> = ments
        .iter()
        .zip(of)
        .map(|(m, &g)| (folded(units, m), g))
        .collect();
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    forms.dedup();
    let _ = groups;
    let mut out = Vec::new();
    for (ui, u) in units.iter().enumerate().filter(|(_, u)| u.shouting) {
        let mut taken = vec![false; u.toks.len()];
        for m in ments.iter().filter(|m| m.unit == ui) {
            taken[m.a..m.b].iter_mut().for_each(|t| *t = true);
        }
        for (form, g) in &forms {
            for i in 0..u.toks.len() {
                if taken[i] || !u.folded[u.toks[i].fstart..].starts_with(form) {
                    continue;
                }
                if let Some(end) = u.tok_at_fend(u.toks[i].fstart + form.len())
                    && !taken[i..=end].iter().any(|t| *t)
                {
                    taken[i..=end].iter_mut().for_each(|t| *t = true);
                    out.push((ui, i, end + 1, *g));
                }
            }
        }
    }
    out
}
