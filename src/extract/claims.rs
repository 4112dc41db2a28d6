//! Claims: who said what.
//!
//! Cues come from the reporting-verb lexicon (with the auxiliaries, adverbs
//! and light verbs composed around them: "a toutefois mis en garde contre",
//! "n’a pas manqué de pointer du doigt", "a-t-il ajouté", "estime-t-elle")
//! and from "selon", "d’après" and "pour". The patterns:
//! - `X a V que …` (indirect; mixed when the clause holds a « quotation »),
//!   `X a V N`, `X a V de/contre/sur …`, `…, évoquant N`;
//! - `X a V : « … »`, `X a V « … »`, `« … », a V X`, `« … », a-t-il V`,
//!   `« … », V-t-elle`, a quotation cut by an incise joined back;
//! - `selon X, …`, `…, selon X`, `d’après X, …`, `pour X, …`.
//!
//! The speaker is the agent (name, role-only mention, anonymous source)
//! found before the cue's verb chain, skipping an apposition between
//! commas; subject pronouns and incises go to the current speaker.

use super::tokens::{FUNCTION_WORDS, Kind, Unit, WordSet, Words};
use crate::lexicon::extract::{Form, LEXICON, Source};
use crate::{ActorKind, ClaimKind};

/// Who an agent is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// A named actor (index of its group).
    Actor(usize),
    /// An anonymous or generic source, as written.
    Anon(String),
    /// A subject pronoun: the current speaker (`Some(true)`: "elle").
    Pron(Option<bool>),
    /// A plural pronoun ("ils", "ont-elles ajouté", "selon eux"): the
    /// anonymous source or the body that just spoke, never one person.
    Plural,
    /// A definite description of a person ("la pédiatre", "le
    /// scientifique"): the person last named, else an anonymous source.
    Desc(String, Option<bool>),
    /// A definite description of a body ("le constructeur", "l’ONG"): the
    /// organisation last named, else an anonymous source.
    OrgDesc(String),
}

/// Something that can speak, found in a block.
#[derive(Clone, Debug)]
pub(crate) struct Agent {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) who: Who,
    /// Inside an apposition or a complement: not a subject.
    pub(crate) inner: bool,
}

/// A claim before its speaker is resolved.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub(crate) unit: usize,
    /// Token position, for ordering.
    pub(crate) pos: usize,
    pub(crate) who: Who,
    /// Token range of the cue.
    pub(crate) cue: (usize, usize),
    /// Text ranges of the content.
    pub(crate) parts: Vec<(usize, usize)>,
    pub(crate) kind: ClaimKind,
}

/// Negations, adverbs and light verbs between a subject and its reporting
/// verb, beside the auxiliaries ([`AUX`]) and times ([`WHEN`]) ("a toutefois", "n’a pas manqué de", "a pour sa part").
const CHAIN: &WordSet = &WordSet::new(&[
    "s'",
    "se",
    "n'",
    "ne",
    "pas",
    "plus",
    "jamais",
    "toutefois",
    "egalement",
    "aussi",
    "deja",
    "encore",
    "notamment",
    "ainsi",
    "bien",
    "d'ailleurs",
    "pourtant",
    "cependant",
    "meme",
    "alors",
    "surtout",
    "publiquement",
    "clairement",
    "longuement",
    "vivement",
    "fermement",
    "immediatement",
    "aussitot",
    "lui",
    "leur",
    "nous",
    "vous",
    "y",
    "manque",
    "tenu",
    "voulu",
    "souhaite",
    "su",
    "pu",
    "du",
    "cru",
    "fini",
    "empresse",
    "hesite",
    "decide",
    "de",
    "d'",
    "par",
    "pour",
    "sa",
    "son",
    "part",
    "cote",
    "ores",
    "donc",
    "quant",
    "lors",
    "rapidement",
    "volontiers",
    "franchement",
    "enfin",
    "finalement",
    "semble",
    "veut",
    "tient",
    "vient",
    "venait",
    "doit",
    "devait",
    "pourrait",
    "va",
    "allait",
]);

/// The finite forms of the modal verbs, which no subject's noun phrase
/// holds.
const MODALS: &WordSet = &WordSet::new(&[
    "peut",
    "peuvent",
    "pouvait",
    "pouvaient",
    "pourrait",
    "pourraient",
    "pourra",
    "pourront",
    "doit",
    "doivent",
    "devait",
    "devaient",
    "devrait",
    "devraient",
    "devra",
    "devront",
    "veut",
    "veulent",
    "voulait",
    "voulaient",
    "voudrait",
    "voudraient",
]);

/// Times of day and week, which stand between a subject and its verb or
/// between a verb and its complement ("a mardi estimé", "juge hier que").
const WHEN: &WordSet = &WordSet::new(&[
    "hier",
    "aujourd'hui",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "soir",
    "matin",
]);

/// Whether token `k` may stand in the chain between a subject and its
/// reporting verb: an auxiliary, a word of [`CHAIN`], a time.
fn in_chain(u: &Unit<'_>, k: usize) -> bool {
    u.is(k, AUX) || u.is(k, CHAIN) || u.is(k, WHEN)
}

/// Whether token `k` may stand between a verb and its complement.
fn after_verb(u: &Unit<'_>, k: usize) -> bool {
    u.is(k, AFTER_VERB) || u.is(k, WHEN)
}

/// Auxiliaries proper: a past participle needs one of these in its chain.
const AUX: &WordSet = &WordSet::new(&[
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "est", "sont",
    "etait", "etaient",
]);

/// Adverbials between a verb and its complement ("juge pour sa part que").
const AFTER_VERB: &WordSet = &WordSet::new(&[
    "pour",
    "sa",
    "son",
    "part",
    "de",
    "cote",
    "toutefois",
    "egalement",
    "aussi",
    "d'ailleurs",
    "encore",
    "notamment",
    "ainsi",
    "lui",
    "leur",
    "volontiers",
    "d'emblee",
    "d'abord",
    "ensuite",
    "enfin",
    "en",
    "outre",
    "deja",
    "clairement",
    "publiquement",
]);

const DETERMINERS: &WordSet = &WordSet::new(&[
    "le",
    "la",
    "l'",
    "les",
    "un",
    "une",
    "des",
    "du",
    "sa",
    "son",
    "ses",
    "cette",
    "ce",
    "cet",
    "ces",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "au",
    "aux",
    "mon",
    "ma",
    "mes",
    "quelques",
    "plusieurs",
    "chaque",
    "tout",
    "toute",
    "tous",
    "toutes",
]);

const PRONOUNS: &WordSet = &WordSet::new(&["il", "elle", "ils", "elles"]);

/// Words kept inside a verb chain but not at its start.
const CHAIN_OPENERS: &WordSet = &WordSet::new(&["de", "d'", "a", "pour", "par", "et"]);

/// Reflexive pronouns: "s'est félicitée" is active.
const REFLEXIVE: &WordSet = &WordSet::new(&["s'", "se"]);

/// The marks that close a quotation.
const CLOSING: &WordSet = &WordSet::new(&["»", "”", "\""]);

/// What opens a quotation as a verb's object, or announces one.
const COLON_OR_QUOTE: &WordSet = &WordSet::new(&[":", "«"]);

/// Where a clause starts over: what [`subject`] looks back to.
const CLAUSE_MARKS: &WordSet = &WordSet::new(&[";", ":", "»", "«"]);

/// Words that open an infinitive complement ("avoir convoqué").
const INFINITIVE_OPENERS: &WordSet = &WordSet::new(&["avoir", "etre", "ne", "n'"]);

/// Words that open a quantity or a quotation as a verb's object.
const QUANTITY_OPENERS: &WordSet =
    &WordSet::new(&["«", "jusqu'", "pres", "plus", "moins", "environ", "quelque"]);

/// The words that open "selon X", "d'après X", "pour X".
const ACCORDING_TO: &WordSet = &WordSet::new(&["selon", "d'", "pour"]);

/// The marks that open or close a quotation.
const QUOTE_MARKS: &WordSet = &WordSet::new(&["«", "“", "»", "”", "\""]);

/// What [`find`] looks for in a block, found in one pass over its tokens
/// (three passes, one per kind, cost more than the rules that follow):
/// - in `qs`, the « … » quotations: (open, close) token indices, in text
///   order, each closed before the next opens;
/// - in `cues`, the words with a reporting-verb hit, where the main rules
///   start;
/// - in `according`, the tokens whose signature [`ACCORDING_TO`] may hold
///   (the rule for "selon X" asks the set again).
fn landmarks(
    u: &Unit<'_>,
    qs: &mut Vec<(usize, usize)>,
    cues: &mut Vec<usize>,
    according: &mut Vec<usize>,
) {
    qs.clear();
    cues.clear();
    according.clear();
    // One word in ten or so has a hit, and fewer pass the "selon" test:
    // room for them at the first block rather than growing.
    cues.reserve(u.toks.len() / 8);
    according.reserve(u.toks.len() / 8);
    let mut open: Option<usize> = None;
    let mut depth = 0;
    // Whether the open quotation opened with a straight quote: one inside
    // « … » is nested (« J’ai dit : "C’est du génie". Oh… »), and closes
    // nothing.
    let mut straight = false;
    for (i, t) in u.toks.iter().enumerate() {
        if ACCORDING_TO.may_hold(t.sig) {
            according.push(i);
        }
        match t.kind {
            Kind::Word => {
                if t.has_hit() && u.hit(i).verb.is_some() {
                    cues.push(i);
                }
                continue;
            }
            Kind::Number => continue,
            // Most punctuation is no quotation mark: the signature tells
            // before the text is compared.
            Kind::Punct if !QUOTE_MARKS.may_hold(t.sig) => continue,
            Kind::Punct => {}
        }
        match u.tok(i) {
            "«" | "“" => {
                if depth == 0 {
                    open = Some(i);
                    straight = false;
                }
                depth += 1;
            }
            "»" | "”" => {
                if depth == 1
                    && let Some(o) = open.take()
                {
                    qs.push((o, i));
                }
                depth = (depth - 1).max(0);
            }
            "\"" => {
                if depth == 0 {
                    open = Some(i);
                    depth = 1;
                    straight = true;
                } else if straight {
                    if let Some(o) = open.take() {
                        qs.push((o, i));
                    }
                    depth = 0;
                }
            }
            _ => {}
        }
    }
    debug_assert!(qs.windows(2).all(|w| w[0].1 < w[1].0));
}

/// A reporting-verb cue at token `i`: (lemma, form, end token, inverted
/// subject pronoun glued to it, "ajoute-t-elle").
#[inline(always)]
fn verb_at(u: &Unit<'_>, i: usize) -> Option<(u32, Form, usize, bool)> {
    // Asked of every token: most have no verb hit, and are answered here
    // without a call.
    let (p, fend) = u.hit(i).verb?;
    if u.toks[i].kind != Kind::Word {
        return None;
    }
    verb_cue(u, p, fend as usize)
}

/// [`verb_at`], for a verb hit `p` that ends at folded offset `fend`.
fn verb_cue(u: &Unit<'_>, p: u32, fend: usize) -> Option<(u32, Form, usize, bool)> {
    let (lemma, form) = LEXICON.verbs.of_pattern[p as usize];
    if let Some(e) = u.tok_at_fend(fend) {
        return Some((lemma, form, e + 1, false));
    }
    // Inside a token: "ajoute-t-elle", "dit-il".
    let k = u.toks.partition_point(|t| t.fend < fend);
    let rest = &u.folded[fend..u.toks.get(k)?.fend];
    let inverted = matches!(
        rest,
        "-t-il"
            | "-t-elle"
            | "-t-ils"
            | "-t-elles"
            | "-il"
            | "-elle"
            | "-ils"
            | "-elles"
            | "-t-on"
            | "-on"
    );
    inverted.then_some((lemma, form, k + 1, true))
}

/// Who the pronoun of an inverted cue in tokens `a..b` is: "a-t-il",
/// "estime-t-elle" a person of that gender, "ont-ils ajouté" several,
/// "nous répond-on" nobody named.
fn inverted_pronoun(u: &Unit<'_>, a: usize, b: usize) -> Who {
    (a..b)
        .find_map(|k| {
            let f = u.ftok(k);
            if f.ends_with("-ils") || f.ends_with("-elles") {
                Some(Who::Plural)
            } else if f.ends_with("-elle") {
                Some(Who::Pron(Some(true)))
            } else if f.ends_with("-il") {
                Some(Who::Pron(Some(false)))
            } else if f.ends_with("-on") {
                Some(Who::Anon("on".to_owned()))
            } else {
                None
            }
        })
        .unwrap_or(Who::Pron(None))
}

/// Whether token `i` is an inverted auxiliary: "a-t-il", "avait-elle".
fn inverted_aux(u: &Unit<'_>, i: usize) -> bool {
    let f = u.ftok(i);
    // Asked of most words around a verb, which are not one: an auxiliary
    // starts with one of these letters and a pronoun ends with one of
    // those, which rules most out before the hyphen is looked for.
    let b = f.as_bytes();
    if b.len() < 4
        || !matches!(b[0], b'a' | b'e' | b'o' | b's')
        || !matches!(b[b.len() - 1], b'l' | b'e' | b's')
    {
        return false;
    }
    let Some((aux, pron)) = f.split_once('-') else {
        return false;
    };
    let pron = pron.trim_start_matches("t-");
    AUX.contains(aux) && PRONOUNS.contains(pron) || (aux == "ont" && pron == "ils")
}

/// Per-token tables of a block, reused from block to block (a document
/// has dozens of blocks, and these are its largest short-lived
/// allocations).
#[derive(Default)]
pub(crate) struct Scratch {
    /// Tokens inside an agent.
    covered: Vec<bool>,
    /// The quotations, cues and "selon" candidates of [`landmarks`].
    quotes: Vec<(usize, usize)>,
    cues: Vec<usize>,
    according: Vec<usize>,
    /// Quotations already reported.
    used: Vec<bool>,
}

/// Finds the agents of unit `u`: named mentions (by group), role-only
/// mentions, anonymous sources and subject pronouns, sorted by position.
/// `named` and `roles` come from the earlier stages: (a, b, group, inner).
pub(crate) fn agents(
    u: &Unit<'_>,
    named: &[(usize, usize, usize, bool)],
    roles: &[(usize, usize, Who)],
    scratch: &mut Scratch,
) -> Vec<Agent> {
    let n = u.toks.len();
    // Room for the pronouns and anonymous sources too (a few in a hundred
    // tokens), rather than growing the vector from the named ones.
    let mut out: Vec<Agent> = Vec::with_capacity(named.len() + roles.len() + n / 16 + 4);
    out.extend(named.iter().map(|&(a, b, g, inner)| Agent {
        a,
        b,
        who: Who::Actor(g),
        inner,
    }));
    for (a, b, who) in roles {
        out.push(Agent {
            a: *a,
            b: *b,
            who: who.clone(),
            inner: false,
        });
    }
    let covered = &mut scratch.covered;
    covered.clear();
    covered.resize(n + 1, false);
    for x in &out {
        covered[x.a..x.b.min(n)].iter_mut().for_each(|c| *c = true);
    }
    for (i, (t, &done)) in u.toks.iter().zip(covered.iter()).enumerate() {
        if done {
            continue;
        }
        if PRONOUNS.may_hold(t.sig) && u.is(i, PRONOUNS) {
            // "il s’agit de", "il faut", "il y a": impersonal, nobody.
            if u.is(i, &["il"])
                && (u.is(i + 1, &["faut", "fallait", "faudrait", "faudra"])
                    || u.is(i + 1, &["s'"])
                        && u.is(i + 2, &["agit", "agissait", "agirait", "agira"])
                    || u.is(i + 1, &["y"]) && u.is(i + 2, &["a", "avait", "aurait", "aura"]))
            {
                continue;
            }
            out.push(Agent {
                a: i,
                b: i + 1,
                who: match u.ftok(i) {
                    "ils" | "elles" => Who::Plural,
                    f => Who::Pron(Some(f.starts_with('e'))),
                },
                inner: false,
            });
            continue;
        }
        // Anonymous sources after a determiner (the source lexicon first:
        // most words are in none).
        if t.has_hit()
            && let Some((p, fend)) = u.hit(i).source
            && t.kind == Kind::Word
            && i > 0
            && u.is(i - 1, SOURCE_DETERMINERS)
            && let Some(e) = u.tok_at_fend(fend as usize)
        {
            let mut b = e + 1;
            // One or two adjectives: "un diplomate européen".
            while b < n
                && b < e + 3
                && u.toks[b].kind == Kind::Word
                && !u.toks[b].cap
                && !u.is(b, STOP_DESCRIPTION)
                && verb_at(u, b).is_none()
            {
                b += 1;
            }
            let a = i - 1;
            let _ = LEXICON.source_kinds[p as usize] == Source::Generic;
            out.push(Agent {
                a,
                b,
                who: Who::Anon(u.slice(a, b).to_owned()),
                inner: false,
            });
        }
    }
    out.sort_by_key(|x| (x.a, x.b));
    out
}

/// Determiners before an anonymous source ("un diplomate", "plusieurs
/// témoins").
const SOURCE_DETERMINERS: &WordSet = &WordSet::new(&[
    "un",
    "une",
    "des",
    "le",
    "la",
    "l'",
    "les",
    "plusieurs",
    "certains",
    "certaines",
    "deux",
    "trois",
    "quelques",
    "nombreux",
    "nombreuses",
    "autre",
    "autres",
    "ce",
    "cet",
    "cette",
    "ces",
]);

const STOP_DESCRIPTION: &WordSet = &WordSet::new(&[
    "a", "ont", "est", "sont", "qui", "que", "qu'", "de", "du", "des", "d'", "et", "ou", "en",
    "dans", "sur", "pour", "par", "avec", "le", "la", "les", "l'", "un", "une", "se", "s'", "ne",
    "n'", "y", "lui", "avait", "au", "aux", "a-t-il", "a-t-elle",
]);

/// Documents that speak for their author ("selon un rapport de …").
const DOCUMENTS: &WordSet = &WordSet::new(&[
    "rapport",
    "etude",
    "bilan",
    "chiffres",
    "donnees",
    "decompte",
    "note",
    "enquete",
    "sondage",
    "estimation",
    "estimations",
    "communique",
    "releve",
    "analyse",
    "projections",
    "previsions",
    "statistiques",
    "barometre",
    "classement",
    "calculs",
    "comptage",
    "recensement",
    "avis",
    "deliberation",
    "releves",
    "bulletin",
]);

/// Determiners that open an unnamed subject.
const SUBJECT_DETERMINERS: &WordSet = &WordSet::new(&[
    "le",
    "la",
    "l'",
    "les",
    "un",
    "une",
    "des",
    "plusieurs",
    "certains",
    "certaines",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "nombre",
    "beaucoup",
]);

/// Prepositions before a complement: what follows them is no subject.
const PREPOSITIONS: &WordSet = &WordSet::new(&[
    "a", "de", "d'", "en", "par", "avec", "pour", "chez", "contre", "sur", "dans", "entre", "vers",
    "du", "des", "au", "aux", "que", "qu'", "sans", "apres", "avant", "depuis", "selon",
]);

/// Whether agent `x` can be a subject: not after a preposition, and a place
/// only when it speaks for a state ("Moscou dénonce", not "de Lorient").
fn can_speak(u: &Unit<'_>, x: &Agent, state: &[bool], kinds: &[ActorKind]) -> bool {
    if x.a > 0 && u.is(x.a - 1, PREPOSITIONS) && u.tok(x.a - 1) != "a" {
        return false;
    }
    match x.who {
        Who::Actor(g) => kinds[g] != ActorKind::Location || state[g],
        _ => true,
    }
}

/// The subject of a verb chain starting at token `c`. Places are subjects
/// only right before the verb ("Moscou dénonce").
fn subject(
    u: &Unit<'_>,
    agents: &[Agent],
    kinds: &[ActorKind],
    state: &[bool],
    c: usize,
) -> Option<Who> {
    let sent = u.sentence_of(c.min(u.toks.len() - 1));
    let lo = sent.start;
    if c == 0 || c <= lo {
        return None;
    }
    // Only the agents of the sentence up to the verb can be its subject:
    // those are looked through, not all the block's.
    let agents = starting_in(agents, lo, c);
    // "L’objectif de la Commission est de nier …", "les avocats de Paul
    // Morel ont dénoncé …": a name in the complement of a noun is not the
    // subject.
    let complement_of_noun = |x: &Agent| {
        let mut d = x.a;
        if d > lo && u.is(d - 1, &["la", "l'", "le", "les"]) {
            d -= 1;
        }
        d >= lo + 2
            && u.is(d - 1, &["de", "d'", "du", "des"])
            && u.toks[d - 2].kind == Kind::Word
            && !u.toks[d - 2].cap
            && u.hit(d - 2).title.is_none()
            && u.hit(d - 2).head.is_none()
            && !u.is(d - 2, FUNCTION_WORDS)
    };
    let ending = |k: usize| {
        agents
            .iter()
            .filter(|x| {
                x.b == k && x.a >= lo && can_speak(u, x, state, kinds) && !complement_of_noun(x)
            })
            .min_by_key(|x| x.a)
            .map(|x| x.who.clone())
    };
    if let Some(w) = ending(c) {
        return Some(w);
    }
    // "Québec promet …": a place opening the sentence, right before the
    // verb, speaks for its government.
    if let Some(x) = agents.iter().find(|x| {
        x.b == c && x.a == lo && matches!(x.who, Who::Actor(g) if kinds[g] == ActorKind::Location)
    }) {
        return Some(x.who.clone());
    }
    // "les parties civiles, qui évoquent …": the antecedent.
    if u.is(c - 1, &["qui"]) && c >= 2 {
        let k = if u.is(c - 2, &[","]) { c - 2 } else { c - 1 };
        if let Some(w) = ending(k) {
            return Some(w);
        }
        if let Some(d) = (k.saturating_sub(6).max(lo)..k).find(|&d| {
            u.is(d, SUBJECT_DETERMINERS) && (d + 1..k).all(|j| u.toks[j].kind == Kind::Word)
        }) {
            return unnamed(u, d, k);
        }
        return None;
    }
    // "Le constructeur turc, Baykar, a fait savoir": the name in
    // apposition between the commas.
    if u.is(c - 1, &[","])
        && let Some(x) = agents
            .iter()
            .filter(|x| {
                x.b == c - 1
                    && x.a > lo
                    && u.is(x.a - 1, &[","])
                    && matches!(x.who, Who::Actor(_))
                    && can_speak(u, x, state, kinds)
            })
            .min_by_key(|x| x.a)
    {
        return Some(x.who.clone());
    }
    // "Belooussov, de son côté, n’a pas…": skip one parenthetical; "Florian
    // Gruber (PPE, droite), a dénoncé": a bracket before the comma.
    let mut np_end = c;
    if u.is(c - 1, &[",", ")"]) {
        let opener = if u.is(c - 1, &[")"]) { "(" } else { "," };
        let mut k = c - 1;
        if opener == "," && k > lo && u.is(k - 1, &[")"]) {
            if let Some(o) = (lo..k - 1).rev().find(|&j| u.is(j, &["("])) {
                if let Some(w) = ending(o) {
                    return Some(w);
                }
            }
        }
        while k > lo {
            k -= 1;
            // Only punctuation stops or turns the walk.
            if u.toks[k].kind != Kind::Punct {
                continue;
            }
            if u.is(k, &[")"]) {
                // Over a bracket.
                match (lo..k).rev().find(|&j| u.is(j, &["("])) {
                    Some(o) => {
                        k = o;
                        continue;
                    }
                    None => break,
                }
            }
            if u.is(k, &[opener]) {
                if let Some(w) = ending(k) {
                    return Some(w);
                }
                if k > lo && u.is(k - 1, &[")"]) {
                    if let Some(o) = (lo..k - 1).rev().find(|&j| u.is(j, &["("])) {
                        if let Some(w) = ending(o) {
                            return Some(w);
                        }
                    }
                }
                // "Les organisations environnementales, elles, ont salué".
                np_end = k;
                break;
            }
            if u.is(k, &[".", ";", "«", "»", ":"]) {
                break;
            }
        }
    }
    // "Les organisations agricoles jugent", "Le parquet reproche": a noun
    // phrase after a determiner, right before the verb, is an unnamed
    // source.
    for c in [c, np_end] {
        if let Some(d) = (c.saturating_sub(6).max(lo)..c).find(|&d| {
            u.is(d, SUBJECT_DETERMINERS)
                && (d == lo || u.toks[d - 1].kind == Kind::Punct || u.is(d - 1, &["et", "mais"]))
                && (d + 1..c).all(|j| {
                    u.toks[j].kind == Kind::Word && !u.is(j, &["qui", "que", "qu'", "et", "ou"])
                })
                && c > d + 1
        }) && !agents.iter().any(|x| x.a >= d && x.b <= c)
        {
            return unnamed(u, d, c);
        }
    }
    // Otherwise the last agent of the clause that is not in a complement.
    let clause_start = (lo..c)
        .rev()
        .find(|&k| u.is(k, CLAUSE_MARKS))
        .map_or(lo, |k| k + 1);
    agents
        .iter()
        .filter(|x| x.a >= clause_start && x.b <= c && !x.inner)
        .filter(|x| !matches!(x.who, Who::Actor(g) if kinds[g] == ActorKind::Location))
        .rfind(|x| can_speak(u, x, state, kinds) && !complement_of_noun(x))
        .map(|x| x.who.clone())
}

/// What an unnamed noun phrase `d..c` (determiner first) says about its
/// speaker: a definite person ("la pédiatre") to resolve, an anonymous or
/// generic source ("un diplomate", "le parquet", "les organisations
/// agricoles"), or nothing (a thing: "ses puces").
pub(crate) fn unnamed(u: &Unit<'_>, d: usize, c: usize) -> Option<Who> {
    unnamed_source(u, d, c, true)
}

/// [`unnamed`], with `plural_ok` telling whether any plural noun phrase
/// ("les organisations agricoles") may speak; after "selon" only people,
/// sources and documents do ("selon les horaires" is no source).
fn unnamed_source(u: &Unit<'_>, d: usize, c: usize, plural_ok: bool) -> Option<Who> {
    // "Les Suisses pourraient se prononcer": the noun phrase ends before
    // the modal verb.
    let c = (d + 1..c).find(|&j| u.is(j, MODALS)).unwrap_or(c);
    let text = u.slice(d, c).to_owned();
    // "le constructeur", "l’ONG": a body named before ("la société
    // civile", with more words, is not one).
    if c == d + 2 && u.is(d, &["le", "la", "l'"]) && LEXICON.org_descriptors.contains(u.ftok(d + 1))
    {
        return Some(Who::OrgDesc(text));
    }
    let generic = u.hit(d).source.is_some();
    let person = (d + 1..c)
        .any(|j| u.hit(j).title.is_some() || u.hit(j).source.is_some() || person_like(u.ftok(j)));
    let document = (d + 1..c).any(|j| u.is(j, DOCUMENTS));
    let plural = plural_ok
        && u.is(
            d,
            &[
                "les",
                "plusieurs",
                "certains",
                "certaines",
                "nombre",
                "beaucoup",
            ],
        );
    if generic || document {
        return Some(Who::Anon(text));
    }
    if person && u.is(d, &["le", "la", "l'"]) {
        let fem = match u.ftok(d) {
            "la" => Some(true),
            "le" => Some(false),
            _ => None,
        };
        return Some(Who::Desc(text, fem));
    }
    (person || plural).then_some(Who::Anon(text))
}

/// Nouns that look like a person's function ("pédiatre", "torréfacteur",
/// "bachelière", "scientifique").
fn person_like(f: &str) -> bool {
    const ENDS: &[&str] = &[
        "logue", "iste", "ien", "ienne", "eur", "euse", "rice", "aire", "ier", "iere", "iatre",
        "ecin", "ateur", "atrice", "isan", "isane", "ifique", "icien", "icienne", "ant", "ante",
    ];
    f.len() >= 5 && ENDS.iter().any(|e| f.ends_with(e))
}

/// The agent named right after token `k` ("a déclaré Paul Morel", "résume
/// le docteur Hélène Quéré", "confie un pompier"): who, and where it ends.
/// Up to four lower-case words (a determiner, a title) may come first.
///
/// `agents` are sorted by first token, as [`agents`] gives them: the
/// first of those that start in a range is the one a scan would find.
fn agent_after(u: &Unit<'_>, agents: &[Agent], k: usize) -> Option<(Who, usize)> {
    let mut k = k;
    // "a expliqué à l’AFP Thibault Armengaud", "s’est félicité auprès de
    // l’AFP Victor Madrigal-Borloz": skip the addressee.
    let addressee = if is_preposition_a(u, k) || u.is(k, &["au", "aux"]) {
        Some(k + 1)
    } else if u.is(k, &["aupres"]) && u.is(k + 1, &["de", "du", "des", "d'"]) {
        Some(k + 2)
    } else {
        None
    };
    if let Some(from) = addressee
        && let Some(x) = first_starting(agents, from, from + 1)
    {
        k = x.b;
    }
    let mut x = first_starting(agents, k, k + 4)?;
    // "a salué sur Twitter « … »", "a déclaré sur BFMTV le ministre", "a
    // écrit sur son compte Telegram le maire": a name in the phrase of a
    // preposition is where it was said, not who said it. The phrase ends
    // at a mark or at a determiner past its own, which starts the subject
    // ("indique dans un communiqué le Conseil d’État").
    for _ in 0..2 {
        let Some(p) = (k..x.a).rev().find(|&p| u.is(p, WHERE_SAID)) else {
            break;
        };
        let end = (p + 2..u.toks.len())
            .find(|&j| u.toks[j].kind == Kind::Punct || u.is(j, DETERMINERS))
            .unwrap_or(u.toks.len());
        if x.a >= end {
            // Past the phrase, for the gap's test below.
            k = end;
            break;
        }
        x = first_starting(agents, end, end + 3)?;
        k = end;
    }
    // A pronoun after the verb is no subject ("a raconté l’échange
    // qu’ils avaient eu"; an inverted one is glued to it, "a-t-il dit"),
    // but after "quant à": "résume quant à elle", and then the name after
    // it if there is one ("quant à elle Francisca Joly-Gomez").
    if matches!(x.who, Who::Pron(_) | Who::Plural) {
        if !(x.a >= 2 && u.is(x.a - 1, &["a"]) && u.is(x.a - 2, &["quant"])) {
            return None;
        }
        if let Some(named) = first_starting(agents, x.b, x.b + 1) {
            x = named;
        }
    }
    // "…, vantée par Elon Musk": the agent of a passive, no speaker.
    if x.a > k && u.is(x.a - 1, &["par"]) {
        return None;
    }
    let gap_ok = (k..x.a).all(|j| {
        u.toks[j].kind == Kind::Word && !u.toks[j].cap
            || super::mentions::honorific(u, j).is_some()
            || u.is(j, &["."]) && j > 0 && super::mentions::honorific(u, j - 1).is_some()
    });
    gap_ok.then(|| (x.who.clone(), x.b))
}

/// Prepositions before where something was said ("sur Twitter", "dans Le
/// Monde", "devant l’Assemblée").
const WHERE_SAID: &WordSet = &WordSet::new(&[
    "sur", "dans", "devant", "via", "lors", "pendant", "durant", "depuis", "en",
]);

/// Where the content that starts at token `k` ends: the end of the
/// sentence, or a comma before a gerund cue or an incise.
fn content_end(u: &Unit<'_>, k: usize) -> usize {
    content_scan(u, k).0
}

/// [`content_end`], and the first « of the tokens it looked through (all
/// those of the content, and maybe a few marks after it): the content
/// holds a quotation when that « comes before its end, which spares a
/// second walk over the content.
fn content_scan(u: &Unit<'_>, k: usize) -> (usize, Option<usize>) {
    let mut first_open = None;
    let sent = u.sentence_of(k.min(u.toks.len() - 1));
    let mut depth = 0;
    let mut e = k;
    while e < sent.end {
        // Most tokens are none of the marks below: their signature tells
        // before the text is compared.
        if !CONTENT_MARKS.may_hold(u.toks[e].sig) {
            e += 1;
            continue;
        }
        match u.tok(e) {
            "«" => {
                first_open.get_or_insert(e);
                depth += 1;
            }
            "»" => depth -= 1,
            ";" if depth <= 0 => break,
            // "… qu’il ne changerait rien : « … »": the quotation is a claim
            // of its own.
            ":" if depth <= 0 && u.is(e + 1, &["«"]) && e > k => break,
            "," if depth <= 0 => {
                // ", évoquant …", ", a-t-il ajouté", ", selon …", ", tout en
                // jugeant …"
                let mut n = e + 1;
                if u.is(n, &["tout"]) {
                    n += 1;
                }
                if u.is(n, &["en"]) {
                    n += 1;
                }
                if n < sent.end
                    && (matches!(verb_at(u, n), Some((_, Form::Gerund, _, _)))
                        || inverted_aux(u, n)
                        || matches!(verb_at(u, n), Some((_, _, _, true)))
                        || u.is(n, &["selon"]))
                {
                    break;
                }
            }
            "et" if depth <= 0 => {
                // "… et s’inquiète d’un éloignement", "… et a rappelé que": a
                // second claim.
                let mut n = e + 1;
                while n < sent.end && n < e + 4 && in_chain(u, n) && !u.is(n, &["de", "d'", "a"]) {
                    n += 1;
                }
                let aux = u.is(n, &["a"]) && u.tok(n) == "a";
                if aux {
                    n += 1;
                }
                // A participle only with its auxiliary ("et a appelé à"), or
                // after a comma ("…, et appelé à"), which shares the first
                // one's: else it may describe ("jugé brutal et dénoncé
                // par …").
                if n < sent.end
                    && matches!(verb_at(u, n), Some((_, Form::Finite, _, _)))
                    && (!u.tok(n).ends_with('é') || aux || u.is(e - 1, &[","]))
                {
                    break;
                }
            }
            _ => {}
        }
        e += 1;
    }
    // No final punctuation.
    while e > k && u.toks[e - 1].kind == Kind::Punct && !u.is(e - 1, KEPT_AT_END) {
        e -= 1;
    }
    (e, first_open)
}

/// The punctuation a content keeps at its end.
const KEPT_AT_END: &WordSet = &WordSet::new(&["»", ")"]);

/// The tokens [`content_end`] looks at (punctuation folds to itself, and
/// "et" folded is "et"): a superset, by signature, of what it compares.
const CONTENT_MARKS: &WordSet = &WordSet::new(&["«", "»", ";", ":", ",", "et"]);

fn range(u: &Unit<'_>, a: usize, b: usize) -> (usize, usize) {
    if a >= b {
        let at = u.toks.get(a).map_or(u.text.len(), |t| t.start);
        return (at, at);
    }
    (u.toks[a].start, u.toks[b - 1].end)
}

/// The mark that opens a quotation, as a set: its signature rules out
/// most tokens before their text is compared.
const OPENING: &WordSet = &WordSet::new(&["«"]);

fn has_quote(u: &Unit<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| u.is(k, OPENING))
}

/// The claims found so far, by position: what the rules ask of them is
/// "the last claim in this range of tokens", which a scan of all of them
/// would answer in quadratic time over a block of thousands of sentences.
#[derive(Default)]
struct Placed {
    /// Token position → index in the claims of the last claim there.
    by_pos: std::collections::BTreeMap<usize, usize>,
    /// How many claims are indexed.
    indexed: usize,
}

impl Placed {
    /// The index of the last claim pushed whose position lies in
    /// `lo..hi`, after indexing the claims pushed since the last call.
    fn last_in(&mut self, out: &[Pending], lo: usize, hi: usize) -> Option<usize> {
        for (k, p) in out.iter().enumerate().skip(self.indexed) {
            self.by_pos.insert(p.pos, k);
        }
        self.indexed = out.len();
        if lo >= hi {
            return None;
        }
        self.by_pos.range(lo..hi).map(|(_, &k)| k).max()
    }
}

/// Finds the claims of unit `ui`, given its agents (as [`agents`] gives
/// them) and its appositions and complements `agents_inner`, sorted by
/// start.
pub(crate) fn find(
    ui: usize,
    u: &Unit<'_>,
    agents: &[Agent],
    kinds: &[ActorKind],
    state: &[bool],
    agents_inner: &[(usize, usize)],
    scratch: &mut Scratch,
) -> Vec<Pending> {
    let n = u.toks.len();
    let mut placed = Placed::default();
    let Scratch {
        quotes: qs,
        cues,
        according,
        used,
        ..
    } = scratch;
    landmarks(u, qs, cues, according);
    let qs = &*qs;
    used.clear();
    used.resize(qs.len(), false);
    let mut out: Vec<Pending> = Vec::new();
    // The quotation closed or opened at token `k` (the quotations are in
    // text order: a block of thousands is not looked through at each verb).
    let quote_closing_at = |k: usize| {
        let q = qs.partition_point(|q| q.1 < k);
        (qs.get(q)?.1 == k).then_some(q)
    };
    let quote_opening_at = |k: usize| {
        let q = qs.partition_point(|q| q.0 < k);
        (qs.get(q)?.0 == k).then_some(q)
    };
    // Whether token `k` is inside a quotation: the first that closes after
    // it (they are in text order) opens before it. Asked of the cues and
    // the "selon" candidates only, rather than marking every token.
    let quoted = |k: usize| {
        let q = qs.partition_point(|q| q.1 <= k);
        qs.get(q).is_some_and(|q| q.0 < k)
    };
    // Where the rules look next: the tokens before it are reported or
    // passed over. Only the words with a verb hit can start a rule.
    let mut i = 0;
    for &at in cues.iter() {
        if at < i {
            continue;
        }
        i = at;
        if quoted(i) {
            continue;
        }
        let Some((lemma, form, e, glued)) = verb_at(u, i) else {
            continue;
        };
        let frames = LEXICON.verbs.frames[lemma as usize];
        // A noun, not a verb: "la note", "l’annonce".
        if i > 0 && u.is(i - 1, DETERMINERS) && !u.is(i - 1, &["lui", "leur"]) {
            continue;
        }
        // "par écrit": a noun after "par" (an infinitive may follow it:
        // "a commencé par rappeler que").
        if i > 0 && u.is(i - 1, &["par"]) && !glued && {
            let w = u.ftok(i);
            !(w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"))
        } {
            continue;
        }
        // A noun after a verb and "en": "il raconte en somme", not the
        // verb "sommer" (a clitic "en" follows a subject, "il en dit"; a
        // gerund is one: "a répondu en soulignant").
        if i >= 2 && form != Form::Gerund && u.is(i - 1, &["en"]) && u.hit(i - 2).verb.is_some() {
            continue;
        }
        // A plural noun, not a participle: "menaces", "critiques" fold as
        // "menacés", "critiqués" do, and no other form of a verb in -er
        // ends in -es ("menacées" still is one).
        if LEXICON.verbs.first_group[lemma as usize] && !glued && {
            let w = u.tok(i);
            w.ends_with("es") && !w.ends_with("ées") && !w.ends_with("ees")
        } {
            continue;
        }
        // The chain before the verb.
        let mut c = i;
        while c > 0 && c + 8 > i && (in_chain(u, c - 1) || is_preposition_a(u, c - 1)) {
            c -= 1;
        }
        // Keep "à", "de" and "pour" only inside the chain, not at its start.
        while c < i && u.is(c, CHAIN_OPENERS) && u.tok(c) != "a" {
            c += 1;
        }
        // "a estimé", "s'est félicitée"; not the passive "sont prévues".
        let reflexive = (c..i).any(|k| u.is(k, REFLEXIVE));
        let chain_aux = (c..i)
            .any(|k| is_aux(u, k) && (reflexive || !u.is(k, &["est", "sont", "etait", "etaient"])));
        let aux_before = i > 0 && inverted_aux(u, i - 1);
        let inverted = glued || (c..i).any(|k| inverted_aux(u, k)) || aux_before;
        let passive = (c..i).any(|k| u.is(k, &["ete"]));
        // Past participles: "estimé", and for other verbs "prévues",
        // "promise", "écrites" ("salue", "évoque" are present forms). Asked
        // only of a verb without an auxiliary or an inversion.
        let participle = move || {
            let endings: &[&str] = if LEXICON.verbs.first_group[lemma as usize] {
                &["é", "ée", "és", "ées"]
            } else {
                &[
                    "é", "ée", "és", "ées", "ue", "ues", "us", "ise", "ises", "ite", "ites",
                ]
            };
            let word = u.tok(i);
            endings.iter().any(|e| word.ends_with(e))
        };
        // Incises after a quotation: "« … », a-t-il ajouté", "« … »,
        // confie un pompier", "« … », estime-t-elle".
        let cstart = if aux_before { i - 1 } else { c };
        let after_quote = cstart >= 2 && u.is(cstart - 1, &[","]) && u.is(cstart - 2, CLOSING)
            || (cstart >= 1 && u.is(cstart - 1, CLOSING));
        if after_quote && frames.incise && !passive && form != Form::Gerund {
            let close = if u.is(cstart - 1, &[","]) {
                cstart - 2
            } else {
                cstart - 1
            };
            if let Some(q) = quote_closing_at(close)
                && !used[q]
            {
                let after = if inverted {
                    None
                } else {
                    agent_after(u, agents, e)
                };
                let who = if inverted {
                    Some(inverted_pronoun(u, cstart, e))
                } else {
                    after.as_ref().map(|x| x.0.clone())
                };
                if let Some(who) = who {
                    used[q] = true;
                    let mut parts = vec![range(u, qs[q].0 + 1, qs[q].1)];
                    // A quotation cut by the incise: « A », dit-il, « B ».
                    let mut end = after.map_or(e, |x| x.1);
                    // Skip an apposition: "…, dit Paul Morel, maire de X, « B »".
                    while end < n && !u.is(end, &[",", ".", "«"]) && end < e + 16 {
                        end += 1;
                    }
                    if u.is(end, &[","])
                        && let Some(q2) = quote_opening_at(end + 1)
                        && !used[q2]
                    {
                        used[q2] = true;
                        parts.push(range(u, qs[q2].0 + 1, qs[q2].1));
                    }
                    out.push(Pending {
                        unit: ui,
                        pos: qs[q].0,
                        who,
                        cue: (cstart, e),
                        parts,
                        kind: ClaimKind::Direct,
                    });
                    i = e;
                    continue;
                }
            }
        }
        // Where the verb's object starts (after its adverbials), and the
        // complement there: several of the rules below ask for it, and it
        // is found once.
        let k_after = skip_after_verb(u, e, frames);
        let object_at_k = std::cell::OnceCell::new();
        let object = || *object_at_k.get_or_init(|| complement(u, k_after, frames, qs));
        // An incise after a reported clause: "Un automobiliste a été tué, a
        // précisé le préfet."
        let speaker_after = !inverted
            && agent_after(u, agents, e).is_some()
            && !u.is(k_after, &["que", "qu'", ":", "«"]);
        let followed = !speaker_after && (u.is(k_after, COLON_OR_QUOTE) || object().is_some());
        // A present participle takes no subject after it: ", appelant
        // Anne Rey à …" is the sentence's subject calling on her.
        if !after_quote
            && !followed
            && frames.incise
            && !passive
            && form != Form::Gerund
            && cstart >= 2
            && u.is(cstart - 1, &[","])
        {
            let who = if inverted {
                Some(inverted_pronoun(u, cstart, e))
            } else {
                agent_after(u, agents, e).map(|x| x.0)
            };
            let sent = u.sentence_of(i);
            let start = (sent.start..cstart)
                .rev()
                .find(|&k| u.is(k, &[":", ";", "–", "—"]))
                .map_or(sent.start, |k| k + 1);
            let end = cstart - 1;
            let words = (start..end)
                .filter(|&k| u.toks[k].kind == Kind::Word)
                .count();
            if let Some(who) = who
                && words >= 4
                && placed.last_in(&out, start, end).is_none()
            {
                let kind = if has_quote(u, start, end) {
                    ClaimKind::Mixed
                } else {
                    ClaimKind::Indirect
                };
                mark_used(qs, used, start, end);
                out.push(Pending {
                    unit: ui,
                    pos: start,
                    who,
                    cue: (cstart, e),
                    parts: vec![range(u, start, end)],
                    kind,
                });
                i = e;
                continue;
            }
        }
        if passive {
            i = e;
            continue;
        }
        // Gerunds: ", évoquant le danger …".
        if form == Form::Gerund {
            if i > 0 && (u.is(i - 1, &[",", "en"])) {
                if let Some((kind, a, b)) =
                    object().or_else(|| named_object(u, agents, k_after, frames))
                {
                    // The subject of the sentence's last claim, or the
                    // current speaker.
                    let sent = u.sentence_of(i);
                    let who = placed
                        .last_in(&out, sent.start, i)
                        .map(|k| out[k].who.clone())
                        .or_else(|| {
                            // The subject that opens the sentence.
                            // Or after a fronted adverbial, the name right
                            // before the verb: "Dans une interview à la radio
                            // X, Paul Morel a accusé …, appelant …".
                            let first = agents
                                .iter()
                                .find(|x| {
                                    !x.inner
                                        && (x.a == sent.start
                                            || x.a == sent.start + 1
                                                && u.is(sent.start, DETERMINERS))
                                })
                                .or_else(|| {
                                    starting_in(agents, sent.start, i).iter().find(|x| {
                                        !x.inner
                                            && x.b < i
                                            && x.a > sent.start
                                            && u.is(x.a - 1, &[","])
                                            && is_finite(u, x.b)
                                    })
                                })
                                .map(|x| x.who.clone());
                            first.or_else(|| {
                                let end = (sent.start..i)
                                    .find(|&j| u.toks[j].kind != Kind::Word || is_finite(u, j))
                                    .unwrap_or(i);
                                (u.is(sent.start, SUBJECT_DETERMINERS) && end > sent.start + 1)
                                    .then(|| unnamed(u, sent.start, end))
                                    .flatten()
                            })
                        });
                    // A sentence opening on a noun phrase: the name right
                    // before its clause's verb ("Un avertissement auquel
                    // Joe Biden a répondu en soulignant …"), else nobody
                    // ("La décision de la Cour d’abroger l’arrêt,
                    // garantissant l’accès …": a thing); otherwise, the
                    // current speaker.
                    let who = match who {
                        Some(who) => who,
                        None if u.is(sent.start, SUBJECT_DETERMINERS) => {
                            let named = starting_in(agents, sent.start, i)
                                .iter()
                                .rfind(|x| !x.inner && x.b < i && is_finite(u, x.b));
                            let Some(x) = named else {
                                i = e;
                                continue;
                            };
                            x.who.clone()
                        }
                        None => Who::Pron(None),
                    };
                    out.push(Pending {
                        unit: ui,
                        pos: i,
                        who,
                        cue: (i, e),
                        parts: vec![range(u, a, b)],
                        kind,
                    });
                    mark_used(qs, used, a, b);
                    i = b.max(e);
                    continue;
                }
            }
            i = e;
            continue;
        }
        if form == Form::Infinitive && c == i {
            // "…, a lancé l’avocat, avant de rappeler que …".
            if i >= 2 && u.is(i - 1, &["de", "d'"]) && u.is(i - 2, &["avant"]) {
                let sent = u.sentence_of(i);
                if let Some(prev) = placed
                    .last_in(&out, sent.start, i)
                    .map(|k| out[k].who.clone())
                    && let Some((kind, a, b)) = object()
                {
                    mark_used(qs, used, a, b);
                    out.push(Pending {
                        unit: ui,
                        pos: i,
                        who: prev,
                        cue: (i - 2, e),
                        parts: vec![range(u, a, b)],
                        kind,
                    });
                    i = b.max(e);
                    continue;
                }
            }
            i = e;
            continue;
        }
        // "a dénoncé « … », et appelé à …": a participle that shares the
        // auxiliary of the claim before it in the sentence.
        let shares_aux = c >= 2 && u.is(c - 1, &["et"]) && u.is(c - 2, &[","]);
        if !chain_aux && !inverted && !shares_aux && participle() {
            i = e;
            continue;
        }
        // "… a fait état de X et s’inquiète de Y": the same subject.
        let coordinated = (c > 0 && u.is(c - 1, &["et"]))
            .then(|| {
                let sent = u.sentence_of(i);
                placed
                    .last_in(&out, sent.start, c)
                    .map(|k| out[k].who.clone())
            })
            .flatten();
        // Without a claim before it to share, it describes ("jugé brutal,
        // et dénoncé par …").
        if shares_aux && !chain_aux && coordinated.is_none() && participle() {
            i = e;
            continue;
        }
        let who = if inverted {
            Some(inverted_pronoun(u, c, e))
        } else if coordinated.is_some() {
            coordinated
        } else {
            subject(u, agents, kinds, state, c)
        };
        let Some(who) = who else {
            i = e;
            continue;
        };
        // "X a déclaré : « … »" and "X a salué « … »".
        let colon = u.is(k_after, &[":"]);
        let q_at = if colon { k_after + 1 } else { k_after };
        if let Some(q) = quote_opening_at(q_at)
            && !used[q]
            && (colon || frames.np)
        {
            let (o, cl) = qs[q];
            // The quotation is the whole object, or starts it.
            let end = content_end(u, cl + 1).max(cl + 1);
            let whole = end <= cl + 1 || !u.toks[cl + 1..end].iter().any(|t| t.kind == Kind::Word);
            used[q] = true;
            let (parts, kind) = if whole || colon {
                (vec![range(u, o + 1, cl)], ClaimKind::Direct)
            } else {
                (vec![range(u, o, end)], ClaimKind::Mixed)
            };
            out.push(Pending {
                unit: ui,
                pos: c,
                who,
                cue: (c, e),
                parts,
                kind,
            });
            i = cl + 1;
            continue;
        }
        if let Some((kind, a, b)) = object().or_else(|| named_object(u, agents, k_after, frames)) {
            mark_used(qs, used, a, b);
            out.push(Pending {
                unit: ui,
                pos: c,
                who: who.clone(),
                cue: (c, e),
                parts: vec![range(u, a, b)],
                kind,
            });
            if u.is(b, &[":"])
                && let Some(q) = quote_opening_at(b + 1)
                && !used[q]
            {
                used[q] = true;
                out.push(Pending {
                    unit: ui,
                    pos: b + 1,
                    who,
                    cue: (c, e),
                    parts: vec![range(u, qs[q].0 + 1, qs[q].1)],
                    kind: ClaimKind::Direct,
                });
                i = qs[q].1 + 1;
                continue;
            }
            // What was reported is not reported again; a gerund after it
            // is a new claim.
            i = b.max(e);
            continue;
        }
        i = e;
    }
    // "Rémi Castagné : « … »" (interviews, headlines). The agent ending
    // at the colon starts at most the longest agent's length before it.
    let longest = agents.iter().map(|x| x.b - x.a).max().unwrap_or(0);
    for (q, &(o, cl)) in qs.iter().enumerate() {
        if used[q] || o < 2 || !u.is(o - 1, &[":"]) {
            continue;
        }
        if let Some(x) = starting_in(agents, (o - 1).saturating_sub(longest), o - 1)
            .iter()
            .find(|x| x.b == o - 1 && !x.inner)
            && matches!(x.who, Who::Actor(g) if kinds[g] == ActorKind::Person)
            && (x.a == 0 || u.toks[x.a - 1].kind == Kind::Punct || u.toks[x.a].initial)
        {
            used[q] = true;
            out.push(Pending {
                unit: ui,
                pos: o,
                who: x.who.clone(),
                cue: (o - 1, o),
                parts: vec![range(u, o + 1, cl)],
                kind: ClaimKind::Direct,
            });
        }
    }
    // Selon X, … / …, selon X / d’après X, … / pour X, …
    for &i in according.iter() {
        // The candidates passed the set's signature test: their text tells
        // the rest.
        let (x, cue_end) = match u.ftok(i) {
            "selon" => (i + 1, i + 1),
            "d'" if u.is(i + 1, &["apres"]) => (i + 2, i + 2),
            "pour" if u.toks[i].initial || (i > 0 && u.is(i - 1, &[","])) => (i + 1, i + 1),
            _ => continue,
        };
        if quoted(i) {
            continue;
        }
        let who = if u.is(x, &["lui", "elle", "eux", "elles"]) {
            let who = match u.ftok(x) {
                "lui" => Who::Pron(Some(false)),
                "elle" => Who::Pron(Some(true)),
                _ => Who::Plural,
            };
            Some((who, x + 1))
        } else {
            agent_after(u, agents, x).or_else(|| {
                // "selon un document interne consulté par Reuters": any
                // noun phrase after a determiner, up to the comma.
                (!u.is(i, &["pour"]) && u.is(x, &["un", "une", "des", "le", "la", "l'", "les", "plusieurs", "certains", "certaines", "son", "sa", "ses", "leur", "leurs"]))
                    .then(|| {
                        let mut b = x + 1;
                        while b < n && b < x + 14 && u.toks[b].kind == Kind::Word {
                            b += 1;
                        }
                        // "les chiffres publiés mardi par l’observatoire":
                        // the publisher speaks.
                        let by = (x + 1..b).find(|&k| {
                            u.is(k, &["par"])
                                && (x + 1..k).any(|j| {
                                    let f = u.ftok(j);
                                    ["publi", "diffus", "devoil", "present", "rendu", "etabli", "realis"]
                                        .iter()
                                        .any(|p| f.starts_with(p))
                                })
                        });
                        if let Some(k) = by
                            && let Some((w, _)) = agent_after(u, agents, k + 1)
                        {
                            return Some((w, b));
                        }
                        // "un rapport de la chambre régionale des comptes":
                        // a document of an organisation.
                        if u.is(x + 1, DOCUMENTS)
                            && u.is(x + 2, &["de", "du", "d'", "des"])
                            && let Some(a) = starting_in(agents, x + 3, x + 4).iter().find(|a| {
                                (a.a == x + 3 || a.a == x + 4 && u.is(x + 3, &["la", "l'", "le", "les"]))
                                    && matches!(a.who, Who::Actor(g) if kinds[g] == ActorKind::Organization)
                            })
                        {
                            return Some((a.who.clone(), b));
                        }
                        (b > x + 1)
                            .then(|| unnamed_source(u, x, b, false).map(|w| (w, b)))
                            .flatten()
                    })
                    .flatten()
            })
        };
        let Some((who, mut xb)) = who else { continue };
        // "Selon Paul Morel (PS), …", "selon l’Insee (Institut national
        // de la statistique), …": skip the gloss in brackets.
        if u.is(xb, &["("])
            && let Some(c) = (xb + 1..(xb + 10).min(n)).find(|&k| u.is(k, &[")"]))
        {
            xb = c + 1;
        }
        // "Selon le général Anders Vik, chef d’état-major …, ces …": skip
        // the apposition.
        if u.is(xb, &[","]) {
            if let Some(r) = inner_after(agents_inner, xb + 1) {
                if u.is(r, &[","]) {
                    xb = r;
                }
            } else if u.is(x, &["le", "la", "l'", "son", "sa", "leur"])
                && let Some(x) = first_starting(agents, xb + 1, xb + 1)
                && matches!(x.who, Who::Actor(_))
                && u.is(x.b, &[","])
            {
                // "Pour le ministre de la Santé, Paul Morel, c’est grave":
                // the name in apposition to the title.
                xb = x.b;
            }
        }
        let is_pour = u.is(i, &["pour"]);
        if is_pour
            && !(u.is(xb, &[","]) && matches!(who, Who::Actor(_) | Who::Pron(_) | Who::Plural))
        {
            continue;
        }
        let sent = u.sentence_of(i);
        let front = (sent.start..i).all(|k| u.toks[k].kind == Kind::Punct) || u.toks[i].initial;
        let (a, b) = if front
            || u.is(xb, &[","])
                && !(sent.start..i)
                    .any(|k| u.toks[k].kind == Kind::Word && !u.is(k, &["et", "mais", "or"]))
        {
            let a = if u.is(xb, &[","]) { xb + 1 } else { xb };
            (a, content_end(u, a))
        } else {
            // Trailing: the clause before.
            let start = (sent.start..i)
                .rev()
                .find(|&k| u.is(k, &[":", ";", "–", "—"]))
                .map_or(sent.start, |k| k + 1);
            let mut end = i;
            while end > start && u.toks[end - 1].kind == Kind::Punct && !u.is(end - 1, &["»"]) {
                end -= 1;
            }
            (start, end)
        };
        if b <= a {
            continue;
        }
        mark_used(qs, used, a, b);
        out.push(Pending {
            unit: ui,
            pos: i,
            who,
            cue: (i, cue_end),
            parts: vec![range(u, a, b)],
            kind: ClaimKind::AccordingTo,
        });
    }
    out.sort_by_key(|p| p.pos);
    out
}

/// The end of the apposition that starts at token `k`, if one does
/// (`inner` sorted by start, the first found first among equal starts).
fn inner_after(inner: &[(usize, usize)], k: usize) -> Option<usize> {
    let i = inner.partition_point(|&(a, _)| a < k);
    inner.get(i).filter(|&&(a, _)| a == k).map(|&(_, b)| b)
}

/// The agents (sorted by first token) whose first token lies in
/// `lo..=hi`, in order: a block of thousands of sentences has thousands of
/// agents, and the rules that look for one near a token must not look
/// them all through.
pub(crate) fn starting_in(agents: &[Agent], lo: usize, hi: usize) -> &[Agent] {
    debug_assert!(agents.is_sorted_by_key(|x| x.a));
    let to = agents.partition_point(|x| x.a <= hi);
    let from = agents[..to].partition_point(|x| x.a < lo);
    &agents[from..to]
}

/// The object of a verb whose subject came before it, when it starts with
/// a name and goes on with what is said of it: "X a accusé Amnesty
/// International de « … »", "X a salué Air France pour …". Not
/// asked where the verb comes before its subject ("…, a salué Marie
/// Dupont"), which [`complement`] leaves to the incise rules; and a name
/// alone ("a salué Marie Dupont.") is no content.
fn named_object(
    u: &Unit<'_>,
    agents: &[Agent],
    k: usize,
    frames: crate::lexicon::extract::Frames,
) -> Option<(ClaimKind, usize, usize)> {
    if !frames.np {
        return None;
    }
    let name = first_starting(agents, k, k).filter(|x| !x.inner)?;
    let b = name.b;
    // "à" folds to "a": the source tells the preposition from the verb.
    if !(u.is(b, &["de", "d'", "pour"]) || is_preposition_a(u, b) || u.is(b, OPENING)) {
        return None;
    }
    content_from(u, k, b + 1)
}

/// The content that starts at token `start`, up to [`content_end`], with
/// its kind (mixed when it holds a quotation); `None` when it has no word
/// from token `words_from` on.
fn content_from(
    u: &Unit<'_>,
    start: usize,
    words_from: usize,
) -> Option<(ClaimKind, usize, usize)> {
    let (end, first_open) = content_scan(u, start);
    if end <= words_from || !(words_from..end).any(|t| u.toks[t].kind == Kind::Word) {
        return None;
    }
    let kind = if first_open.is_some_and(|o| o < end) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    Some((kind, start, end))
}

/// The first agent (sorted by first token) whose first token lies in
/// `lo..=hi`: [`starting_in`]'s first, for one search instead of two.
fn first_starting(agents: &[Agent], lo: usize, hi: usize) -> Option<&Agent> {
    let from = agents.partition_point(|x| x.a < lo);
    agents.get(from).filter(|x| x.a <= hi)
}

/// Marks the quotations inside tokens `a..b` as used (`qs` in text
/// order: only those that open in `a..b` are looked at).
fn mark_used(qs: &[(usize, usize)], used: &mut [bool], a: usize, b: usize) {
    let from = qs.partition_point(|&(o, _)| o < a);
    for (q, &(o, c)) in qs.iter().enumerate().skip(from) {
        if o >= b {
            break;
        }
        if c < b {
            used[q] = true;
        }
    }
}

/// Whether token `k` is an auxiliary ("a", "ont", "est"), not the
/// preposition "à", which folds to the same "a" (false past the last
/// token).
fn is_aux(u: &Unit<'_>, k: usize) -> bool {
    u.is(k, AUX) && u.tok(k) != "à"
}

/// Whether token `k` is the preposition "à" (the source tells it from the
/// verb "a"; false past the last token).
fn is_preposition_a(u: &Unit<'_>, k: usize) -> bool {
    k < u.toks.len() && u.tok(k) == "à"
}

/// Whether token `j` is a verb or an auxiliary: where a subject ends
/// (false past the last token).
pub(crate) fn is_finite(u: &Unit<'_>, j: usize) -> bool {
    j < u.toks.len()
        && (is_aux(u, j) || u.is(j, &["s'", "se", "ne", "n'"]) || u.hit(j).verb.is_some())
}

/// Skips adverbials after a verb ("pour sa part", "toutefois", ", de son
/// côté,").
fn skip_after_verb(u: &Unit<'_>, mut k: usize, frames: crate::lexicon::extract::Frames) -> usize {
    if u.is(k, &[","]) {
        let close = (k + 1..(k + 6).min(u.toks.len())).find(|&j| u.is(j, &[","]));
        if let Some(j) = close
            && (k + 1..j).all(|t| after_verb(u, t) || u.is(t, &["cote", "elle", "lui", "eux"]))
        {
            k = j + 1;
        }
    }
    let start = k;
    while k < u.toks.len() && k < start + 4 && after_verb(u, k) {
        // "de" only as part of "de son côté", "pour" of "pour sa part".
        if u.is(k, &["de", "en"]) && !u.is(k + 1, &["son", "sa", "outre"]) {
            break;
        }
        if u.is(k, &["pour"])
            && !(u.is(k + 1, &["sa", "son", "leur"]) && u.is(k + 2, &["part", "compte"]))
        {
            break;
        }
        k += 1;
    }
    // "a déclaré à l’AFP que", "a indiqué dans un communiqué que", "a
    // assuré sur France 2 : « … »": to whom, where or how it was said, before
    // the word that opens what was said. Not the verb's own preposition
    // ("s’interroge sur ce que", "table sur une hausse plutôt que",
    // "conseille aux ménages de …").
    let to = is_preposition_a(u, k) || u.is(k, &["au", "aux"]);
    let own = (frames.sur && u.is(k, &["sur"])) || (frames.a && to);
    let addressee = to || u.is(k, &["aupres"]);
    // "a répondu en soulignant que": a gerund, the cue of a claim of its
    // own, not where it was said.
    let gerund = u.is(k, &["en"]) && k + 1 < u.toks.len() && u.ftok(k + 1).ends_with("ant");
    // "par communiqué", "par avance", "par écrit": how.
    let how = u.is(k, &["par"]);
    if frames.que && !own && !gerund && (u.is(k, WHERE_SAID) || addressee || how) {
        let opener = (k + 1..(k + 9).min(u.toks.len()))
            .find(|&j| u.is(j, &["que", "qu'"]) || u.toks[j].kind == Kind::Punct);
        // Not a comparison ("plutôt que", "plus que"); a colon before a
        // quotation.
        let opens = |j: usize| {
            u.is(j, &["que", "qu'"]) && !u.is(j - 1, COMPARATIVES)
                || u.is(j, &[":"]) && u.is(j + 1, &["«"])
        };
        // No clause of its own in between ("dans la salle où il a dit
        // que"); participles are nouns there ("un communiqué").
        let clause = |t: usize| {
            is_aux(u, t) || u.is(t, &["qui", "ou", "ne", "n'", "se", "s'", "il", "elle"])
        };
        if let Some(j) = opener
            && opens(j)
            && !(k + 1..j).any(clause)
        {
            k = j;
        }
    }
    k
}

/// Words before a "que" of comparison or of time ("plutôt que", "avant
/// que"), which opens nothing said.
const COMPARATIVES: &WordSet = &WordSet::new(&[
    "plutot", "plus", "moins", "autant", "ainsi", "tant", "alors", "bien", "avant", "apres",
    "pendant", "meme",
]);

/// Determiners before the noun that opens a verb's object.
const OBJECT_DETERMINERS: &WordSet = &WordSet::new(&[
    "le", "la", "l'", "les", "un", "une", "des", "du", "au", "aux", "son", "sa", "ses", "leur",
    "leurs",
]);

/// The complement of a reporting verb at token `k`: (kind, a, b).
fn complement(
    u: &Unit<'_>,
    k: usize,
    frames: crate::lexicon::extract::Frames,
    qs: &[(usize, usize)],
) -> Option<(ClaimKind, usize, usize)> {
    let _ = qs;
    let n = u.toks.len();
    if k >= n {
        return None;
    }
    let infinitive = u.is(k, INFINITIVE_OPENERS)
        || (u.toks[k].kind == Kind::Word
            && !u.toks[k].cap
            && u.ftok(k).len() > 4
            && (u.ftok(k).ends_with("er")
                || u.ftok(k).ends_with("ir")
                || u.ftok(k).ends_with("re") && !u.ftok(k).ends_with("tre"))
            && !u.ftok(k).ends_with("ier"));
    // After the introducing word: "que", "de", "contre", "pour", "sur".
    let after_word = (frames.que && u.is(k, &["que", "qu'"]))
        || (frames.de && u.is(k, &["de", "d'"]))
        || (frames.contre && u.is(k, &["contre", "pour"]))
        || (frames.sur && u.is(k, &["sur"]))
        || (frames.a && is_preposition_a(u, k));
    // From the word itself: "du danger", "la nécessité", "avoir convoqué".
    let from_word = (frames.de && u.is(k, &["du", "des"]))
        || (frames.np
            && (u.is(k, DETERMINERS)
                || u.is(k, QUANTITY_OPENERS)
                || u.toks[k].kind == Kind::Number)
            && !u.is(k, &["lui", "leur"]))
        || ((frames.que || frames.np) && infinitive);
    let start = if after_word {
        k + 1
    } else if from_word {
        k
    } else {
        return None;
    };
    // "revient sur la pelouse", "se plaint de la cheville": a place of
    // play or a body part, not something said.
    let noun = if u.is(start, OBJECT_DETERMINERS) {
        start + 1
    } else {
        start
    };
    if noun < n && LEXICON.physical_nouns.contains(u.ftok(noun)) {
        return None;
    }
    content_from(u, start, start)
}
