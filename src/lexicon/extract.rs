//! The extractor's lexicons: gazetteers of places, institutional metonyms and
//! organisations, titles and functions, honorifics, nationality adjectives,
//! reporting verbs, organisation head nouns, words that are not names, and
//! anonymous sources.
//!
//! Every file is `|`-separated (see its header); entries are written in
//! plain French and folded here (case, accents, apostrophes). The lists are
//! compiled once, on first use, into one word table ([`Lexicon::words`]:
//! one hash look-up per word of a document tells every list's entry for
//! it) and, for entries of several words, short lists by first word
//! ([`Several`]), or into sets.

use crate::hash::{FastMap, FastSet};
use crate::lexicon::ByteSet;
use std::sync::LazyLock;

use super::{entries, fold_str};
use crate::ActorKind;

/// The `|`-separated fields of an entry, trimmed.
fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

/// The comma-separated values of a field, trimmed, empty ones dropped.
fn values(field: &str) -> impl Iterator<Item = &str> {
    field.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// The folded patterns of one lexicon, as listed: a lexicon hit is an index
/// here. One-word patterns are found by the word table
/// ([`Lexicon::words`]), those of several words through the [`Several`]
/// lists of their first word; both are built from these.
pub(crate) struct Anchor {
    /// The patterns, folded.
    patterns: Vec<String>,
}

/// The first word of a folded text: up to its first space, or to its first
/// apostrophe included ("s'", "valence-d'").
pub(crate) fn first_word(s: &str) -> &str {
    // Bytes, not chars: both stops are ASCII, and this runs for most
    // tokens of a document.
    match s.bytes().position(|b| b == b' ' || b == b'\'') {
        Some(i) if s.as_bytes()[i] == b'\'' => &s[..=i],
        Some(i) => &s[..i],
        None => s,
    }
}

impl Anchor {
    fn new(patterns: &[String]) -> Anchor {
        Anchor {
            patterns: patterns.to_vec(),
        }
    }
}

/// The patterns of several words that start with one word, in every
/// lexicon (indexed as the bits of [`Word::multi`]), grouped by length in
/// bytes, longest first. A group is looked at only where the text has a
/// word boundary at its length, and searched by binary search: some words
/// start hundreds of patterns ("se", "s'": the reflexive verbs), but a
/// document has few boundaries after them.
///
/// Before any of that, the three bytes after the first word must be those
/// of some pattern: "la", "le", "les", "l'" start dozens of names ("la
/// Poste", "l'Elysee") and stand before almost none of them in a text.
///
/// The lexicons share the groups: a word that starts patterns in several
/// of them ("premier": a title, a place) is filtered, and each length
/// checked for a boundary and searched, once for all. The filter also
/// tells the lengths of the patterns the three bytes begin: only those
/// groups are looked at ("la", "le" start names of a dozen lengths).
#[derive(Default)]
pub(crate) struct Several {
    groups: Vec<Group>,
    /// The three bytes after the first word of each pattern (as [`three`]
    /// packs them), sorted, with the lexicons that have such a pattern and
    /// their lengths ([`len_bit`]).
    after: Vec<u32>,
    after_lexicons: Vec<u8>,
    after_lens: Vec<u128>,
    /// Lexicons with a pattern that has fewer than three bytes after its
    /// first word (the filter cannot tell), and those patterns' lengths.
    short: u8,
    short_lens: u128,
    /// The lengths of `after_lens` and `short_lens` as the groups that
    /// have them (bit `1 << i` for `groups[i]`, the first 128), set by
    /// [`Several::finish`]: the search goes from one to the next without
    /// looking at the others ("la", "le" have patterns of 30 lengths).
    after_groups: Vec<u128>,
    short_groups: u128,
    /// A bit per [`follow_bit`] of the entries of `after`: most places
    /// where a word like "la", "le" or "en" stands are told to start
    /// no pattern by one test, inline, without a call or a search.
    follows: ByteSet,
}

/// The bit of [`Several::follows`] of `three` bytes after a first word.
#[inline]
fn follow_bit(three: u32) -> u8 {
    (three.wrapping_mul(0x9E37_79B1) >> 24) as u8
}

/// Patterns of one length, sorted by their folded text, which is stored
/// inline (`len` bytes each, one after the other) so that a search reads
/// one small block of memory.
struct Group {
    len: usize,
    /// Lexicons with a pattern of this length.
    lexicons: u8,
    keys: Vec<u8>,
    /// The first eight bytes of each key, as [`head`] packs them: the
    /// binary search compares numbers, and only keys whose first eight
    /// bytes match (nearly always one, or none) are compared in full.
    heads: Vec<u64>,
    /// Each pattern's index in each lexicon (`u32::MAX`: not in it).
    ids: Vec<[u32; 5]>,
}

/// The first eight bytes of `key` (zero-padded) as one number, ordered as
/// the bytes are.
#[inline]
fn head(key: &[u8]) -> u64 {
    let mut w = [0; 8];
    let n = key.len().min(8);
    w[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(w)
}

impl Group {
    /// The index of `key` (of the group's length) in `keys`, or where it
    /// would go.
    fn find(&self, key: &[u8]) -> Result<usize, usize> {
        let h = head(key);
        let mut i = self.heads.partition_point(|&x| x < h);
        while self.heads.get(i) == Some(&h) {
            match self.keys[i * self.len..(i + 1) * self.len].cmp(key) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => break,
                std::cmp::Ordering::Equal => return Ok(i),
            }
        }
        Err(i)
    }
}

/// The first three bytes of `bytes` as one number, to be compared in one
/// instruction rather than by a `memcmp` call.
#[inline]
fn three(bytes: &[u8]) -> Option<u32> {
    let &[a, b, c] = bytes.first_chunk::<3>()?;
    Some(u32::from_be_bytes([0, a, b, c]))
}

/// The bit of a pattern length in [`Several::after_lens`]: one per length
/// up to 126 bytes, the last for all longer ones.
#[inline]
fn len_bit(len: usize) -> u128 {
    1 << len.min(127)
}

/// What [`Several::longest`] found: per lexicon asked, (pattern, end) of
/// the longest pattern, where bit `1 << n` of `found` is set.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Longest {
    pub(crate) found: u8,
    pub(crate) hits: [(u32, u32); 5],
}

impl Several {
    /// Adds pattern `id` of lexicon `n`, `text` (the first listed of two
    /// equal patterns of a lexicon wins).
    fn add(&mut self, n: usize, id: usize, text: &str) {
        let after = &text.as_bytes()[first_word(text).len()..];
        match three(after) {
            Some(k) => {
                self.follows = self.follows.with(follow_bit(k));
                match self.after.binary_search(&k) {
                    Ok(i) => {
                        self.after_lexicons[i] |= 1 << n;
                        self.after_lens[i] |= len_bit(text.len());
                    }
                    Err(i) => {
                        self.after.insert(i, k);
                        self.after_lexicons.insert(i, 1 << n);
                        self.after_lens.insert(i, len_bit(text.len()));
                    }
                }
            }
            None => {
                self.short |= 1 << n;
                self.short_lens |= len_bit(text.len());
            }
        }
        let groups = &mut self.groups;
        let len = text.len();
        let empty = Group {
            len,
            lexicons: 0,
            keys: Vec::new(),
            heads: Vec::new(),
            ids: Vec::new(),
        };
        let g = match groups.iter().position(|g| g.len <= len) {
            Some(i) if groups[i].len == len => i,
            Some(i) => {
                groups.insert(i, empty);
                i
            }
            None => {
                groups.push(empty);
                groups.len() - 1
            }
        };
        let group = &mut groups[g];
        group.lexicons |= 1 << n;
        match group.find(text.as_bytes()) {
            Ok(i) => {
                if group.ids[i][n] == u32::MAX {
                    group.ids[i][n] = id as u32;
                }
            }
            Err(at) => {
                let mut ids = [u32::MAX; 5];
                ids[n] = id as u32;
                group.ids.insert(at, ids);
                group.heads.insert(at, head(text.as_bytes()));
                group.keys.splice(at * len..at * len, text.bytes());
            }
        }
    }

    /// Sets the groups of each filter entry, once every pattern is in.
    fn finish(&mut self) {
        let groups = |lens: u128| {
            (self.groups.iter().take(128).enumerate())
                .filter(|(_, g)| lens & len_bit(g.len) != 0)
                .fold(0u128, |m, (i, _)| m | 1 << i)
        };
        self.after_groups = self.after_lens.iter().map(|&l| groups(l)).collect();
        self.short_groups = groups(self.short_lens);
    }

    /// The longest pattern of each lexicon of `wanted` (bits) starting at
    /// folded offset `at` and ending at a word boundary: before a non-word
    /// character, at the end of the text, or just after an apostrophe
    /// ("faire etat d'"), with its end. `first` is the length of the first
    /// word of the text at `at`.
    #[inline]
    pub(crate) fn longest(&self, wanted: u8, folded: &str, at: usize, first: usize) -> Longest {
        // Nothing can start here unless the three bytes after the first
        // word may be those of a pattern, or a lexicon asked has patterns
        // too short for them to tell.
        let follows = folded
            .as_bytes()
            .get(at + first..)
            .and_then(three)
            .is_some_and(|k| self.follows.contains(follow_bit(k)));
        if !follows && wanted & self.short == 0 {
            return Longest::default();
        }
        self.search(wanted, folded, at, first)
    }

    /// [`Several::longest`] past its first test: out of line, as most
    /// places fail that test.
    #[inline(never)]
    fn search(&self, wanted: u8, folded: &str, at: usize, first: usize) -> Longest {
        let mut out = Longest::default();
        let Some(rest) = folded.get(at..) else {
            return out;
        };
        let bytes = rest.as_bytes();
        let mut todo = wanted & self.short;
        let (mut lens, mut groups) = if todo != 0 {
            (self.short_lens, self.short_groups)
        } else {
            (0, 0)
        };
        if let Some(k) = bytes.get(first..).and_then(three)
            && let Ok(i) = self.after.binary_search(&k)
        {
            todo |= wanted & self.after_lexicons[i];
            lens |= self.after_lens[i];
            groups |= self.after_groups[i];
        }
        // The groups the filter lets through, longest first, then any past
        // the 128th.
        let firsts = std::iter::from_fn(|| {
            let i = groups.trailing_zeros() as usize;
            groups &= groups.wrapping_sub(1);
            self.groups.get(i).filter(|_| i < 128)
        });
        let wide = self.groups.iter().skip(128);
        for g in firsts.chain(wide) {
            if todo == 0 {
                break;
            }
            if g.lexicons & todo == 0 || lens & len_bit(g.len) == 0 {
                continue;
            }
            let e = g.len;
            let boundary = e <= rest.len()
                && rest.is_char_boundary(e)
                && (e == rest.len()
                    || bytes[e - 1] == b'\''
                    || match bytes[e] {
                        b if b < 0x80 => !b.is_ascii_alphanumeric() && b != b'-',
                        _ => rest[e..]
                            .chars()
                            .next()
                            .is_some_and(|c| !c.is_alphanumeric()),
                    });
            if !boundary {
                continue;
            }
            let Ok(i) = g.find(&bytes[..e]) else {
                continue;
            };
            let ids = &g.ids[i];
            let mut m = todo & g.lexicons;
            while m != 0 {
                let n = m.trailing_zeros() as usize;
                m &= m - 1;
                if ids[n] != u32::MAX {
                    out.found |= 1 << n;
                    out.hits[n] = (ids[n], (at + e) as u32);
                    todo &= !(1 << n);
                }
            }
        }
        out
    }
}

/// How the source must be written for a gazetteer pattern to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// All letters upper-case (short acronyms: "ONU", "PS").
    Upper,
    /// First letter upper-case.
    Capital,
    /// Any (names that start lower-case: "gendarmerie nationale").
    Any,
}

/// One entity of the gazetteers.
#[derive(Debug)]
pub(crate) struct Entity {
    pub(crate) kind: ActorKind,
    /// For a place: whether it is a country or a capital, which speak for
    /// a state ("Moscou dénonce").
    pub(crate) state: bool,
}

/// Places, metonyms, people and organisations in one automaton.
pub(crate) struct Gazetteer {
    pub(crate) anchor: Anchor,
    /// Entity and case rule of each pattern.
    pub(crate) patterns: Vec<(u32, Case)>,
    pub(crate) entities: Vec<Entity>,
    /// Folded name → entity, for whole-string look-ups.
    pub(crate) by_name: FastMap<String, u32>,
    /// For each organisation, the folded first words of its capitalised
    /// names of several words ("alliance" for "Alliance atlantique"): the
    /// short form an article uses once it has named the body.
    pub(crate) short_forms: Vec<Vec<String>>,
}

fn case_of(form: &str) -> Case {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if form.chars().next().is_some_and(char::is_uppercase) {
        Case::Capital
    } else {
        Case::Any
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = GazBuilder::default();
        for line in entries(include_str!("places.txt")) {
            let f = fields(line);
            let state = f.get(1).is_some_and(|k| *k == "country" || *k == "capital");
            g.add(f[0], ActorKind::Location, state, &[f.get(3).copied()]);
        }
        for line in entries(include_str!("metonyms.txt")) {
            let f = fields(line);
            let kind = match f.get(1).copied() {
                Some("location") => ActorKind::Location,
                Some("person") => ActorKind::Person,
                _ => ActorKind::Organization,
            };
            g.add(f[0], kind, false, &[f.get(3).copied()]);
        }
        for line in entries(include_str!("people.txt")) {
            let f = fields(line);
            g.add(f[0], ActorKind::Person, false, &[f.get(1).copied()]);
        }
        for line in entries(include_str!("organisations.txt")) {
            let f = fields(line);
            g.add(
                f[0],
                ActorKind::Organization,
                false,
                &[f.get(1).copied(), f.get(2).copied()],
            );
        }
        Gazetteer {
            anchor: Anchor::new(&g.folded),
            patterns: g.patterns,
            entities: g.entities,
            by_name: g.by_name,
            short_forms: g.short_forms,
        }
    }
}

#[derive(Default)]
struct GazBuilder {
    folded: Vec<String>,
    patterns: Vec<(u32, Case)>,
    entities: Vec<Entity>,
    by_name: FastMap<String, u32>,
    short_forms: Vec<Vec<String>>,
}

impl GazBuilder {
    /// An entity named `name`, also written as the comma-separated values
    /// of each of `aliases` (fields of its line that may be missing).
    fn add(
        &mut self,
        name: &'static str,
        kind: ActorKind,
        state: bool,
        aliases: &[Option<&'static str>],
    ) {
        let id = self.entity(name, kind, state);
        self.form(name, id);
        for &a in aliases.iter().flatten() {
            for v in values(a) {
                self.form(v, id);
            }
        }
    }

    fn entity(&mut self, name: &'static str, kind: ActorKind, state: bool) -> u32 {
        // A name listed twice (a city that is also a région) keeps its
        // first entry.
        if let Some(&id) = self.by_name.get(&fold_str(name)) {
            return id;
        }
        self.entities.push(Entity { kind, state });
        self.short_forms.push(Vec::new());
        (self.entities.len() - 1) as u32
    }

    fn form(&mut self, form: &'static str, id: u32) {
        let folded = fold_str(form);
        if folded.is_empty() {
            return;
        }
        self.by_name.entry(folded.clone()).or_insert(id);
        let first = first_word(&folded);
        if self.entities[id as usize].kind == ActorKind::Organization
            && first.len() < folded.len()
            && first.len() > 2
            && !first.ends_with('\'')
            && case_of(form) == Case::Capital
            && !self.short_forms[id as usize].iter().any(|f| f == first)
        {
            self.short_forms[id as usize].push(first.to_owned());
        }
        self.folded.push(folded);
        self.patterns.push((id, case_of(form)));
    }
}

/// A title or function ("président", "secrétaire d’État"), any gender or
/// number, with its masculine singular form as the key.
pub(crate) struct Titles {
    pub(crate) anchor: Anchor,
    /// Title index (in file order) of each pattern.
    pub(crate) of_pattern: Vec<u32>,
    /// Grammatical gender of each pattern when it shows one (`Some(true)`:
    /// feminine, "présidente"; `None` for invariable titles and plurals).
    pub(crate) gender: Vec<Option<bool>>,
    /// Whether each pattern is a plural form only ("opposants", not
    /// "porte-parole").
    pub(crate) plural: Vec<bool>,
    /// Folded masculine singular of each title.
    pub(crate) keys: Vec<String>,
}

impl Titles {
    fn load() -> Titles {
        let mut patterns = Vec::new();
        let mut of_pattern = Vec::new();
        let mut gender = Vec::new();
        let mut plural = Vec::new();
        let mut keys = Vec::new();
        for line in entries(include_str!("titles.txt")) {
            let f = fields(line);
            let id = keys.len() as u32;
            let masc = fold_str(f[0]);
            let fem = f.get(1).map(|s| fold_str(s)).unwrap_or_default();
            keys.push(masc.clone());
            let mut forms: Vec<String> = vec![masc.clone()];
            forms.push(fem.clone());
            for p in f.get(2).map(|p| values(p)).into_iter().flatten() {
                forms.push(fold_str(p));
            }
            forms.sort();
            forms.dedup();
            for form in forms.into_iter().filter(|f| !f.is_empty()) {
                gender.push(if masc == fem || fem.is_empty() {
                    None
                } else if form == fem {
                    Some(true)
                } else if form == masc {
                    Some(false)
                } else {
                    None
                });
                plural.push(form != masc && form != fem);
                patterns.push(form);
                of_pattern.push(id);
            }
        }
        Titles {
            anchor: Anchor::new(&patterns),
            of_pattern,
            gender,
            plural,
            keys,
        }
    }
}

/// What a reporting verb takes after it (the `frames` field).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Frames {
    pub(crate) que: bool,
    pub(crate) np: bool,
    pub(crate) de: bool,
    pub(crate) contre: bool,
    pub(crate) sur: bool,
    /// "à" + infinitive or noun phrase ("appelle à un rassemblement").
    pub(crate) a: bool,
    pub(crate) incise: bool,
}

/// The grammatical form of a matched reporting-verb pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A finite form or a past participle.
    Finite,
    /// The present participle ("évoquant").
    Gerund,
    /// The infinitive.
    Infinitive,
}

/// Reporting verbs and multiword cues with all their forms.
pub(crate) struct Verbs {
    pub(crate) anchor: Anchor,
    /// Lemma index and form of each pattern.
    pub(crate) of_pattern: Vec<(u32, Form)>,
    pub(crate) frames: Vec<Frames>,
    /// Whether each lemma is a first-group verb (-er): its participles are
    /// the forms in -é(e)(s), the others in -u, -is, -it… are not.
    pub(crate) first_group: Vec<bool>,
}

impl Verbs {
    fn load() -> Verbs {
        let mut patterns = Vec::new();
        let mut of_pattern = Vec::new();
        let mut frames = Vec::new();
        let mut first_group = Vec::new();
        for line in entries(include_str!("reporting_verbs.txt")) {
            let f = fields(line);
            let id = frames.len() as u32;
            first_group.push(verb_word(&fold_str(f[0])).ends_with("er"));
            let mut fr = Frames::default();
            for v in f.get(1).map(|v| values(v)).into_iter().flatten() {
                match v {
                    "que" => fr.que = true,
                    "np" => fr.np = true,
                    "de" => fr.de = true,
                    "contre" => fr.contre = true,
                    "sur" => fr.sur = true,
                    "à" => fr.a = true,
                    "incise" => fr.incise = true,
                    _ => {}
                }
            }
            frames.push(fr);
            let lemma = fold_str(f[0]);
            let mut forms: Vec<String> = vec![lemma.clone()];
            for form in f.get(2).map(|v| values(v)).into_iter().flatten() {
                forms.push(fold_str(form));
            }
            forms.sort();
            forms.dedup();
            for form in forms {
                let kind = if verb_word(&form) == verb_word(&lemma) {
                    Form::Infinitive
                } else if verb_word(&form).ends_with("ant") && !verb_word(&lemma).ends_with("ant") {
                    Form::Gerund
                } else {
                    Form::Finite
                };
                patterns.push(form);
                of_pattern.push((id, kind));
            }
        }
        Verbs {
            anchor: Anchor::new(&patterns),
            of_pattern,
            frames,
            first_group,
        }
    }
}

/// The verb of a folded form: its first word, without a reflexive pronoun.
fn verb_word(form: &str) -> &str {
    let form = form
        .strip_prefix("s'")
        .or_else(|| form.strip_prefix("se "))
        .unwrap_or(form);
    form.split(' ').next().unwrap_or(form)
}

/// What an organisation head noun needs after it (`org_heads.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Needs {
    /// A "de" complement: "ministère de l’Intérieur".
    De,
    /// A capitalised word: "groupe Renault".
    Cap,
    /// Either.
    Either,
}

/// Anonymous or generic sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    /// "un diplomate européen".
    Anonymous,
    /// "le gouvernement", "les syndicats".
    Generic,
}

/// Every extractor lexicon, compiled once.
pub(crate) struct Lexicon {
    pub(crate) gazetteer: Gazetteer,
    pub(crate) titles: Titles,
    pub(crate) verbs: Verbs,
    /// Folded honorific without its final period → implied role.
    pub(crate) honorifics: FastMap<String, &'static str>,
    /// Folded nationality adjective → state name.
    pub(crate) nationalities: FastMap<String, &'static str>,
    pub(crate) org_needs: Vec<Needs>,
    pub(crate) source_kinds: Vec<Source>,
    /// Folded words that make a name an organisation ("partners", "club").
    pub(crate) org_words: FastSet<String>,
    /// Folded nouns that, as a reporting verb's object, show it used in a
    /// physical sense ("revient sur la pelouse").
    pub(crate) physical_nouns: FastSet<String>,
    /// Folded nouns that head a street, river or mountain name.
    pub(crate) feature_heads: FastSet<String>,
    /// Folded organisation heads that are a role before a name ("cabinet").
    pub(crate) org_descriptors: FastSet<String>,
    /// Every folded word any list knows, with what they know of it: one
    /// hash look-up per word of a document.
    pub(crate) words: WordTable,
    /// The patterns of several words, by first word ([`WordTable::several`]).
    pub(crate) several: Vec<Several>,
    /// The patterns of each lexicon, in the order of [`Word::multi`]'s
    /// bits, to check the tables against.
    #[cfg(test)]
    patterns: [Vec<String>; 5],
}

/// The word table: folded word → what the lexicons know of it, asked for
/// every word of every document (a third of them are in no list).
///
/// An open-addressing table of its own rather than a `HashMap<String, _>`:
/// a word of up to 16 bytes (all but one in a hundred) is packed into two
/// numbers ([`pack`]), which are hashed with one multiplication and
/// compared in two instructions, where a byte-wise hasher and a `memcmp`
/// call cost some 90 instructions a look-up. A slot is 24 bytes (the two
/// numbers and the 8-byte [`Word`]: the old buckets were 52), and a byte of
/// hash per slot, kept apart ([`WordTable::tags`], 16 KB), settles most
/// misses without reading a slot.
pub(crate) struct WordTable {
    /// Per slot: 0 when empty, else `0x80 |` seven bits of its key's hash.
    tags: Box<[u8]>,
    slots: Box<[Slot]>,
    /// Words that do not pack (longer than 16 bytes, or empty).
    other: FastMap<String, Word>,
    /// What words with an entry in a lexicon have besides ([`Word::more`]).
    more: Vec<More>,
    /// The table as built, to check the packed one against.
    #[cfg(test)]
    known: FastMap<String, Known>,
}

/// A slot of [`WordTable`]: a packed key and its word.
#[derive(Clone, Copy, Default)]
struct Slot {
    a: u64,
    b: u64,
    word: Word,
}

/// A word of 1 to 16 bytes as two numbers that, with its length, tell it
/// from any other: its first and last eight bytes (four from 4 to 7
/// bytes; its first, middle and last from 1 to 3), which overlap rather
/// than be padded, so that no byte is copied one at a time.
#[inline]
fn pack(w: &[u8]) -> Option<(u64, u64)> {
    let n = w.len();
    if let (Some(a), Some(b)) = (w.first_chunk::<8>(), w.last_chunk::<8>()) {
        return (n <= 16).then(|| (u64::from_le_bytes(*a), u64::from_le_bytes(*b)));
    }
    if let (Some(a), Some(b)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        return Some((
            u64::from(u32::from_le_bytes(*a)),
            u64::from(u32::from_le_bytes(*b)),
        ));
    }
    let &first = w.first()?;
    Some((
        u64::from(first) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
        0,
    ))
}

/// The hash of a packed word of `len` bytes: one 64×64→128-bit
/// multiplication, its halves folded (as foldhash and wyhash do), good in
/// its low bits (the slot) and its high bits (the tag). The table's keys
/// are the lexicons': a page's words can only make a look-up walk the
/// runs the lexicons made.
#[inline]
fn hash(a: u64, b: u64, len: usize) -> u64 {
    let x =
        u128::from(a ^ 0x243f_6a88_85a3_08d3) * u128::from(b ^ 0x9e37_79b9_7f4a_7c15 ^ len as u64);
    (x as u64) ^ (x >> 64) as u64
}

/// The tag of a hash in [`WordTable::tags`].
#[inline]
fn tag(h: u64) -> u8 {
    (h >> 57) as u8 | 0x80
}

impl WordTable {
    /// Packs the words the lexicons know.
    fn new(known: FastMap<&str, Known>) -> WordTable {
        // Function words first: inserted first, they sit in their own slot
        // (the first probed) and are the words a text has most.
        let stop = |w: &Known| w.lists & IS_STOPWORD != 0;
        let keys = known
            .iter()
            .filter(|(_, w)| stop(w))
            .chain(known.iter().filter(|(_, w)| !stop(w)));
        let packed = known
            .keys()
            .filter(|k| pack(k.as_bytes()).is_some())
            .count();
        let size = (packed + packed / 2).next_power_of_two().max(16);
        let mut tags = vec![0u8; size].into_boxed_slice();
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        let mut other = FastMap::default();
        let mut more = Vec::new();
        for (k, w) in keys {
            let singles = (0..5).fold(0u8, |m, n| m | u8::from(w.single[n] != u32::MAX) << n);
            let word = Word {
                len: k.len() as u8,
                lists: w.lists,
                multi: w.multi,
                singles,
                more: if singles | w.multi != 0 {
                    more.push(More {
                        single: w.single,
                        several: w.several,
                    });
                    (more.len() - 1) as u32
                } else {
                    u32::MAX
                },
            };
            let Some((a, b)) = pack(k.as_bytes()) else {
                other.insert((*k).to_owned(), word);
                continue;
            };
            let h = hash(a, b, k.len());
            let mut i = h as usize & (size - 1);
            while tags[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            tags[i] = tag(h);
            slots[i] = Slot { a, b, word };
        }
        WordTable {
            tags,
            slots,
            other,
            more,
            #[cfg(test)]
            known: known.iter().map(|(k, w)| ((*k).to_owned(), *w)).collect(),
        }
    }

    /// What the lexicons know of the folded `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&Word> {
        let Some((a, b)) = pack(word.as_bytes()) else {
            return self.other(word);
        };
        let h = hash(a, b, word.len());
        let tag = tag(h);
        let mask = self.tags.len() - 1;
        let mut i = h as usize & mask;
        loop {
            // Never past the end (`i` is masked), and a run always ends:
            // a third of the slots are empty.
            let t = *self.tags.get(i)?;
            if t == tag {
                let s = self.slots.get(i)?;
                if s.a == a && s.b == b && usize::from(s.word.len) == word.len() {
                    return Some(&s.word);
                }
            } else if t == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// [`WordTable::get`] for a word that does not pack: out of line, as
    /// few words do, and the map's code would swell every look-up.
    #[cold]
    #[inline(never)]
    fn other(&self, word: &str) -> Option<&Word> {
        self.other.get(word)
    }

    /// The one-word entry of `w` in lexicon `n` (bit `1 << n` of
    /// [`Word::singles`]), `u32::MAX` for none.
    #[inline]
    pub(crate) fn single(&self, w: &Word, n: usize) -> u32 {
        if w.singles >> n & 1 == 0 {
            return u32::MAX;
        }
        self.more[w.more as usize].single[n]
    }

    /// The index in [`Lexicon::several`] of the patterns of several words
    /// starting with `w` (`u32::MAX`: none).
    #[inline]
    pub(crate) fn several(&self, w: &Word) -> u32 {
        if w.multi == 0 {
            return u32::MAX;
        }
        self.more[w.more as usize].several
    }
}

/// What the lexicons know of a folded word, as the word table gives it
/// for each word of a text: what every word needs (its lists, and which
/// lexicons have an entry for it) in 8 bytes; the entries themselves,
/// which few words have, are in [`WordTable::more`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// The length of the word: part of its key in [`WordTable::slots`].
    len: u8,
    /// Word lists: 1 non-name, 2 nationality, 4 honorific, 8 first name,
    /// 16 and 32 its gender (feminine, masculine).
    pub(crate) lists: u8,
    /// Lexicons with an entry of several words starting with this word
    /// (bits: 1 verbs, 2 titles, 4 gazetteer, 8 heads, 16 sources): only
    /// then is an automaton searched.
    pub(crate) multi: u8,
    /// Lexicons with a one-word entry for this word (bits as `multi`).
    pub(crate) singles: u8,
    /// Index in [`WordTable::more`] when `multi` or `singles` has a bit.
    more: u32,
}

/// The entries of a word with some ([`Word::more`]).
#[derive(Clone, Copy, Debug)]
struct More {
    /// The one-word entry in each lexicon (`u32::MAX`: none).
    single: [u32; 5],
    /// Index in [`Lexicon::several`] of the patterns of several words
    /// starting with this word (`u32::MAX`: none).
    several: u32,
}

/// What the lexicons know of a folded word, as the table is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Known {
    multi: u8,
    single: [u32; 5],
    several: u32,
    lists: u8,
}

impl Default for Known {
    fn default() -> Known {
        Known {
            multi: 0,
            single: [u32::MAX; 5],
            several: u32::MAX,
            lists: 0,
        }
    }
}

/// Bits of [`Word::lists`].
pub(crate) const IS_STOPWORD: u8 = 1;
/// See [`IS_STOPWORD`].
pub(crate) const IS_NATIONALITY: u8 = 2;
/// See [`IS_STOPWORD`].
pub(crate) const IS_HONORIFIC: u8 = 4;
/// See [`IS_STOPWORD`].
pub(crate) const IS_FIRST_NAME: u8 = 8;
/// See [`IS_STOPWORD`]: a given name borne by women (with
/// [`IS_MASCULINE`] too, by both: no gender).
pub(crate) const IS_FEMININE: u8 = 16;
/// See [`IS_FEMININE`].
pub(crate) const IS_MASCULINE: u8 = 32;

/// Bits of [`Word::multi`].
pub(crate) const VERBS: u8 = 1;
/// See [`VERBS`].
pub(crate) const TITLES: u8 = 2;
/// See [`VERBS`].
pub(crate) const GAZETTEER: u8 = 4;
/// See [`VERBS`].
pub(crate) const HEADS: u8 = 8;
/// See [`VERBS`].
pub(crate) const SOURCES: u8 = 16;

impl Lexicon {
    fn load() -> Lexicon {
        let mut honorifics = FastMap::default();
        for line in entries(include_str!("honorifics.txt")) {
            let f = fields(line);
            let key = fold_str(f[0].trim_end_matches('.'));
            honorifics.insert(key, f.get(1).copied().unwrap_or(""));
        }
        let mut nationalities = FastMap::default();
        for line in entries(include_str!("nationalities.txt")) {
            let f = fields(line);
            let Some(state) = f.get(1).copied() else {
                continue;
            };
            for adj in values(f[0]) {
                nationalities.entry(fold_str(adj)).or_insert(state);
            }
        }
        let mut heads = Vec::new();
        let mut org_needs = Vec::new();
        for line in entries(include_str!("org_heads.txt")) {
            let f = fields(line);
            heads.push(fold_str(f[0]));
            org_needs.push(match f.get(1).copied() {
                Some("de") => Needs::De,
                Some("cap") => Needs::Cap,
                _ => Needs::Either,
            });
        }
        let stopwords: Vec<String> = entries(include_str!("name_stopwords.txt"))
            .map(fold_str)
            .collect();
        let mut sources = Vec::new();
        let mut source_kinds = Vec::new();
        for line in entries(include_str!("anonymous_sources.txt")) {
            let f = fields(line);
            sources.push(fold_str(f[0]));
            source_kinds.push(match f.get(1).copied() {
                Some("generic") => Source::Generic,
                _ => Source::Anonymous,
            });
        }
        let gazetteer = Gazetteer::load();
        let titles = Titles::load();
        let verbs = Verbs::load();
        let org_heads = Anchor::new(&heads);
        let sources = Anchor::new(&sources);
        // Keyed by the lexicons' own strings: no word is copied.
        // "Marine f": a name, then its gender if it has one.
        let first_names: Vec<(String, u8)> = entries(include_str!("first_names.txt"))
            .map(|line| {
                let (name, gender) = line.split_once(' ').unwrap_or((line, ""));
                let gender = match gender.trim() {
                    "f" => IS_FEMININE,
                    "m" => IS_MASCULINE,
                    _ => 0,
                };
                (fold_str(name), gender)
            })
            .collect();
        let mut words: FastMap<&str, Known> = FastMap::default();
        let mut several: Vec<Several> = Vec::new();
        for (n, anchor) in [
            &verbs.anchor,
            &titles.anchor,
            &gazetteer.anchor,
            &org_heads,
            &sources,
        ]
        .into_iter()
        .enumerate()
        {
            for (i, p) in anchor.patterns.iter().enumerate() {
                let first = first_word(p);
                if first == p {
                    // The first entry wins, as in the automata.
                    let slot = &mut words.entry(p).or_default().single[n];
                    if *slot == u32::MAX {
                        *slot = i as u32;
                    }
                } else {
                    let w = words.entry(first).or_default();
                    w.multi |= 1 << n;
                    if w.several == u32::MAX {
                        w.several = several.len() as u32;
                        several.push(Several::default());
                    }
                    several[w.several as usize].add(n, i, p);
                }
            }
        }
        for s in &mut several {
            s.finish();
        }
        for w in &stopwords {
            words.entry(w).or_default().lists |= IS_STOPWORD;
        }
        for w in nationalities.keys() {
            words.entry(w).or_default().lists |= IS_NATIONALITY;
        }
        for w in honorifics.keys() {
            words.entry(w).or_default().lists |= IS_HONORIFIC;
        }
        for (w, gender) in &first_names {
            words.entry(w).or_default().lists |= IS_FIRST_NAME | gender;
        }
        Lexicon {
            words: WordTable::new(words),
            several,
            #[cfg(test)]
            patterns: [
                verbs.anchor.patterns.clone(),
                titles.anchor.patterns.clone(),
                gazetteer.anchor.patterns.clone(),
                org_heads.patterns.clone(),
                sources.patterns.clone(),
            ],
            gazetteer,
            titles,
            verbs,
            honorifics,
            nationalities,
            org_needs,
            source_kinds,
            org_words: entries(include_str!("org_words.txt"))
                .map(fold_str)
                .collect(),
            physical_nouns: entries(include_str!("physical_nouns.txt"))
                .map(fold_str)
                .collect(),
            feature_heads: entries(include_str!("feature_heads.txt"))
                .map(fold_str)
                .collect(),
            org_descriptors: entries(include_str!("org_descriptors.txt"))
                .map(fold_str)
                .collect(),
        }
    }
}

/// The extractor's lexicons, compiled on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the packed table answers for `w`, as the map it was built
    /// from would.
    fn answer(w: &str) -> Option<Known> {
        let t = &LEXICON.words;
        t.get(w).map(|x| Known {
            multi: x.multi,
            single: std::array::from_fn(|n| t.single(x, n)),
            several: t.several(x),
            lists: x.lists,
        })
    }

    #[test]
    fn word_table_answers_as_the_map_it_packs_for_every_word_and_its_neighbours() {
        let known = &LEXICON.words.known;
        assert!(known.len() > 5000, "{} words", known.len());
        for (w, k) in known {
            assert_eq!(answer(w), Some(*k), "{w:?}");
            // Words one change away: most are in no list.
            let mut near = vec![
                format!("{w}s"),
                format!("{w}é"),
                format!("x{w}"),
                format!("{w}{w}"),
            ];
            for (i, c) in w.char_indices() {
                near.push(format!("{}{}", &w[..i], &w[i + c.len_utf8()..]));
                near.push(format!("{}q{}", &w[..i], &w[i + c.len_utf8()..]));
            }
            for n in near {
                assert_eq!(answer(&n), known.get(&n).copied(), "{n:?}");
            }
        }
        for n in 0..40 {
            let w = "a".repeat(n);
            assert_eq!(answer(&w), known.get(&w).copied(), "{w:?}");
        }
    }

    /// The longest pattern of several words of lexicon `n` that `text`
    /// starts with, ending at a word boundary, by trying every one.
    fn longest_by_hand(n: usize, text: &str) -> Option<(u32, u32)> {
        let mut best: Option<(u32, u32)> = None;
        for (i, p) in LEXICON.patterns[n].iter().enumerate() {
            let e = p.len();
            let multi = first_word(p) != p;
            let ends = text.starts_with(p.as_str())
                && (p.ends_with('\'')
                    || text[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '-'));
            if multi && ends && best.is_none_or(|(_, b)| e > b as usize) {
                best = Some((i as u32, e as u32));
            }
        }
        best
    }

    #[test]
    fn several_finds_the_longest_pattern_of_each_lexicon_as_trying_every_one_does() {
        let l = &*LEXICON;
        let mut texts = Vec::new();
        for p in l.patterns.iter().flatten().filter(|p| first_word(p) != *p) {
            let cut = p.char_indices().last().map_or(0, |(i, _)| i);
            for t in [
                p.clone(),
                format!("{p} et la suite"),
                format!("{p}-x"),
                format!("{p}s de"),
                format!("{p}, puis"),
                format!("{p}é"),
                format!("{p}'a"),
                p[..cut].to_owned(),
            ] {
                texts.push(t);
            }
        }
        let mut found = 0;
        for text in &texts {
            let first = first_word(text);
            let Some(w) = l.words.get(first) else {
                continue;
            };
            let got = l
                .several
                .get(l.words.several(w) as usize)
                .map_or(Longest::default(), |s| {
                    s.longest(w.multi, text, 0, first.len())
                });
            for n in 0..5 {
                let by_hand = longest_by_hand(n, text).filter(|_| w.multi >> n & 1 != 0);
                let got = (got.found >> n & 1 != 0).then(|| got.hits[n]);
                assert_eq!(got, by_hand, "{text:?} in lexicon {n}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 1000, "{found} found");
    }

    proptest! {
        #[test]
        fn word_table_answers_as_the_map_it_packs_for_any_word(
            w in "[a-z' éè-]{0,24}|\\PC{0,20}"
        ) {
            prop_assert_eq!(answer(&w), LEXICON.words.known.get(&w).copied());
        }
    }

    #[test]
    fn extractor_lexicons_load_and_are_big_enough() {
        let l = &*LEXICON;
        assert!(
            l.verbs.frames.len() >= 150,
            "{} verbs",
            l.verbs.frames.len()
        );
        assert!(l.titles.keys.len() >= 250, "{} titles", l.titles.keys.len());
        assert!(
            l.words
                .get("selon")
                .is_some_and(|w| w.lists & IS_STOPWORD != 0)
        );
        assert_eq!(l.nationalities.get("russe").copied(), Some("Russie"));
        assert!(l.words.get("helene").is_some_and(
            |w| w.lists & (IS_FIRST_NAME | IS_FEMININE) == IS_FIRST_NAME | IS_FEMININE
        ));
        // Spellings of one folded name with both genders: neither.
        let both = IS_FEMININE | IS_MASCULINE;
        assert!(
            l.words
                .get("michele")
                .is_some_and(|w| w.lists & both == both)
        );
        assert!(l.gazetteer.by_name.contains_key("otan"));
        assert!(l.gazetteer.by_name.contains_key("moscou"));
        assert!(l.gazetteer.by_name.contains_key("kremlin"));
    }
}
