//! Tokens and sentences of a block of text.
//!
//! A hand-written tokenizer, enough for French news: words keep their inner
//! hyphens ("Jean-Noël", "a-t-il", "Lot-et-Garonne") and apostrophes
//! ("aujourd’hui"), elided words end at their apostrophe ("l’", "d’",
//! "qu’"), numbers keep their decimal comma, everything else is one
//! punctuation token per character. Sentences end at . ! ? … before a
//! capital, never inside « … », never after an initial or an abbreviation
//! ("M.", "Mme").

use super::align::Align;
use crate::Span;
use crate::lexicon::extract::{
    GAZETTEER, HEADS, IS_FEMININE, IS_FIRST_NAME, IS_HONORIFIC, IS_MASCULINE, IS_NATIONALITY,
    IS_STOPWORD, LEXICON, Lexicon, Longest, SOURCES, TITLES, VERBS, Word, first_word,
};
use crate::lexicon::{ByteSet, fold};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

/// A token: byte ranges in the text and in its folded form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) fstart: usize,
    pub(crate) fend: usize,
    pub(crate) kind: Kind,
    /// First letter upper-case.
    pub(crate) cap: bool,
    /// Two letters or more, all upper-case.
    pub(crate) upper: bool,
    /// First word of a sentence or of a clause opened by a quote, a dash,
    /// a colon or a bracket: capitals there prove nothing.
    pub(crate) initial: bool,
    /// Index of its sentence.
    pub(crate) sent: u32,
    /// [`signature`] of the folded text.
    pub(crate) sig: u8,
    /// Its folded text has a space or an apostrophe, where
    /// [`first_word`] stops ("aujourd'hui"); most words have neither.
    pub(crate) stops: bool,
    /// Word lists: [`STOPWORD`], [`NATIONALITY`], [`HONORIFIC`],
    /// [`FIRST_NAME`], [`FIRST_PART`], [`FEMININE`], [`MASCULINE`].
    pub(crate) flags: u8,
    /// Index of its lexicon hits in [`Unit::hits`], [`NO_HIT`] for none
    /// (most tokens). Kept in the token, which has room for it, rather
    /// than in a table of its own per block.
    hit: u32,
}

/// In [`Tok::hit`]: no lexicon hit.
const NO_HIT: u32 = u32::MAX;

impl Tok {
    /// Whether the token has lexicon hits: one in ten has, and a pass over
    /// all tokens for one kind of hit asks this before [`Unit::hit`].
    #[inline]
    pub(crate) fn has_hit(&self) -> bool {
        self.hit != NO_HIT
    }
}

// The flags and the hit index fill what was padding.
const _: () = assert!(std::mem::size_of::<Tok>() <= 48);

/// What the lexicons hold at a token: (pattern, folded end) of the longest
/// entry starting there, per lexicon. Looked up once per token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hits {
    pub(crate) verb: Option<(u32, u32)>,
    pub(crate) title: Option<(u32, u32)>,
    pub(crate) gazetteer: Option<(u32, u32)>,
    pub(crate) head: Option<(u32, u32)>,
    pub(crate) source: Option<(u32, u32)>,
}

/// What a token without any lexicon hit has.
static NO_HITS: Hits = Hits {
    verb: None,
    title: None,
    gazetteer: None,
    head: None,
    source: None,
};

impl Hits {
    fn is_empty(&self) -> bool {
        self.verb.is_none()
            && self.title.is_none()
            && self.gazetteer.is_none()
            && self.head.is_none()
            && self.source.is_none()
    }
}

/// In [`Tok::flags`]: a known non-name (or a function word).
pub(crate) const STOPWORD: u8 = 1;
/// In [`Tok::flags`]: a nationality adjective or noun.
pub(crate) const NATIONALITY: u8 = 2;
/// In [`Tok::flags`]: an honorific ("M", "Mme", "Dr").
pub(crate) const HONORIFIC: u8 = 4;
/// In [`Tok::flags`]: a capitalised given name ("Hélène").
pub(crate) const FIRST_NAME: u8 = 8;
/// In [`Tok::flags`]: a capitalised compound whose first part is a given
/// name ("Jean-Marc"), or a given name itself.
pub(crate) const FIRST_PART: u8 = 16;
/// In [`Tok::flags`]: a given name (or a compound whose first part is
/// one) borne by women only ("Hélène", "Marie-Pierre").
pub(crate) const FEMININE: u8 = 32;
/// In [`Tok::flags`]: a given name borne by men only ("Marc",
/// "Jean-Marie").
pub(crate) const MASCULINE: u8 = 64;

/// The gender flags of a given name's word lists: none when it is borne
/// by both.
fn name_gender(lists: u8) -> u8 {
    match lists & (IS_FEMININE | IS_MASCULINE) {
        IS_FEMININE => FEMININE,
        IS_MASCULINE => MASCULINE,
        _ => 0,
    }
}

/// Closed-class words, whatever the lexicon says.
pub(crate) const FUNCTION_WORDS: &WordSet = &WordSet::new(&[
    "a", "au", "aux", "en", "dans", "de", "du", "des", "et", "ou", "mais", "ni", "car", "par",
    "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "le", "la", "les", "l'", "un",
    "une", "il", "elle", "ils", "elles", "on", "ce", "ces", "cet", "cette", "son", "sa", "ses",
]);

/// One block of article text, tokenised: its part of the buffers of
/// [`Tokenised`].
pub(crate) struct Unit<'a> {
    pub(crate) text: &'a str,
    pub(crate) folded: &'a str,
    pub(crate) toks: &'a [Tok],
    /// Token ranges of the sentences.
    pub(crate) sents: &'a [std::ops::Range<usize>],
    /// Mostly upper-case text (a shouted headline): capitals prove nothing.
    pub(crate) shouting: bool,
    /// Lexicon hits of the tokens that have some (see [`Unit::hit`]): most
    /// tokens have none, and a block of a million tokens (a pathological
    /// input) should not cost a million times five look-up results.
    hits: &'a [Hits],
    align: Align,
    /// The document the block was read from (spans point into it).
    input: &'a str,
}

/// Words that elide before a vowel ("l’", "qu’"), whatever their case.
const ELIDING: [&str; 14] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

/// Whether `word` is one of [`ELIDING`], told by its length first: asked
/// at every apostrophe after a word, of which French text has many.
fn is_elision(word: &str) -> bool {
    let w = word.as_bytes();
    match w.len() {
        // An ASCII letter or'ed with 0x20 is lower-case; nothing else
        // becomes a lower-case letter so.
        1 => matches!(
            w[0] | 0x20,
            b'l' | b'd' | b'j' | b'm' | b'n' | b's' | b't' | b'c'
        ),
        2 => w.eq_ignore_ascii_case(b"qu"),
        5 => w.eq_ignore_ascii_case(b"jusqu"),
        6 => ELIDING[10..]
            .iter()
            .any(|e| w.eq_ignore_ascii_case(e.as_bytes())),
        _ => false,
    }
}

/// Whether the word `text[i..end]` elides before the apostrophe there,
/// whose next char is at `after`: it is one of [`ELIDING`], and not the
/// "N’" or "M’" that opens a West African name ("N’Golo", "M’Baye",
/// "N’Djamena"), told by the capital after the apostrophe and the small
/// letter after that ("N’EST-CE PAS" is a shouted elision).
fn elides(text: &str, i: usize, end: usize, after: usize) -> bool {
    if !is_elision(&text[i..end]) {
        return false;
    }
    if !matches!(&text[i..end], "N" | "M") {
        return true;
    }
    let mut next = text[after.min(text.len())..].chars();
    !(next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Abbreviations after which a period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "M" | "MM"
            | "Mme"
            | "Mmes"
            | "Mlle"
            | "Me"
            | "Dr"
            | "Pr"
            | "Mgr"
            | "St"
            | "Ste"
            | "av"
            | "etc"
            | "cf"
            | "p"
            | "n°"
            | "Cie"
            | "Jr"
            | "Gal"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// The blocks of a document, tokenised: the tokens, folded texts, lexicon
/// hits and sentences of all of them in one buffer of each kind, which the
/// [`Unit`]s view. Four allocations a document rather than four a block:
/// a document has dozens of blocks, and the buffers of the longer ones
/// were too large for the allocator's caches (a tenth of extraction's
/// time went to allocating and freeing).
pub(crate) struct Tokenised<'a> {
    folded: String,
    toks: Vec<Tok>,
    hits: Vec<Hits>,
    sents: Vec<std::ops::Range<usize>>,
    blocks: Vec<Block<'a>>,
}

/// A block of [`Tokenised`]: its text and span, and its parts of the
/// buffers.
struct Block<'a> {
    text: &'a str,
    span: Span,
    folded: std::ops::Range<usize>,
    toks: std::ops::Range<usize>,
    hits: std::ops::Range<usize>,
    sents: std::ops::Range<usize>,
    shouting: bool,
}

impl<'a> Tokenised<'a> {
    /// Tokenises `blocks`: the normalised texts of blocks and their spans.
    pub(crate) fn new(blocks: &[(&'a str, Span)]) -> Tokenised<'a> {
        let bytes: usize = blocks.iter().map(|(t, _)| t.len()).sum();
        let n = blocks.len();
        // A token every 4 bytes: French prose has one every 5 or so, but
        // short blocks (headlines, quotes, captions) run denser; a hit
        // every eighth token (the corpus has one in ten); a sentence
        // every 16 tokens (the corpus has one every 21). Grown from
        // empty, the buffers would be copied several times a document.
        let toks = bytes / 4 + 4 * n;
        let mut out = Tokenised {
            folded: String::with_capacity(bytes + 8 * n),
            toks: Vec::with_capacity(toks),
            hits: Vec::with_capacity(toks / 8 + 2 * n),
            sents: Vec::with_capacity(toks / 16 + n),
            blocks: Vec::with_capacity(n),
        };
        for &(text, span) in blocks {
            out.push(text, span);
        }
        out
    }

    /// Tokenises the block `text`, at `span`.
    fn push(&mut self, text: &'a str, span: Span) {
        let (f0, t0, h0, s0) = (
            self.folded.len(),
            self.toks.len(),
            self.hits.len(),
            self.sents.len(),
        );
        let Counts {
            upper,
            lower,
            quotes,
        } = scan_into(text, &mut self.toks, &mut self.folded);
        let toks = &mut self.toks[t0..];
        sentences(text, toks, quotes, &mut self.sents);
        let folded = &self.folded[f0..];
        let lex = &*LEXICON;
        for t in toks {
            if t.kind == Kind::Punct {
                continue;
            }
            let word = &folded[t.fstart..t.fend];
            let entry = lex.words.get(word);
            // Word lists, from the same look-up.
            let lists = if t.kind == Kind::Word {
                entry.map_or(0, |w| w.lists)
            } else {
                0
            };
            let mut x = 0;
            if lists & IS_NATIONALITY != 0 {
                x |= NATIONALITY;
            }
            if t.cap && t.kind == Kind::Word {
                if lists & IS_STOPWORD != 0 || FUNCTION_WORDS.holds(t.sig, word) {
                    x |= STOPWORD;
                }
                if lists & IS_HONORIFIC != 0 {
                    x |= HONORIFIC;
                }
                // "Abdelkader", "Abderrahmane", "Abdoulaye": the Arabic
                // given names built on "Abd" (servant of).
                if lists & IS_FIRST_NAME != 0 || (word.starts_with("abd") && word.len() > 5) {
                    x |= FIRST_NAME | FIRST_PART | name_gender(lists);
                } else if let Some(part) = before_hyphen(word)
                    && let Some(w) = lex.words.get(part)
                    && w.lists & IS_FIRST_NAME != 0
                {
                    x |= FIRST_PART | name_gender(w.lists);
                }
            }
            t.flags = x;
            if let Some(h) = lexicon_hits(lex, folded, t, word, entry) {
                t.hit = (self.hits.len() - h0) as u32;
                self.hits.push(h);
            }
        }
        self.blocks.push(Block {
            text,
            span,
            folded: f0..self.folded.len(),
            toks: t0..self.toks.len(),
            hits: h0..self.hits.len(),
            sents: s0..self.sents.len(),
            shouting: upper > 8 && upper > lower * 2,
        });
    }

    /// The blocks as units, aligned with `input`.
    pub(crate) fn units<'s>(&'s self, input: &'s str) -> Vec<Unit<'s>> {
        self.blocks
            .iter()
            .map(|b| Unit {
                text: b.text,
                folded: &self.folded[b.folded.clone()],
                toks: &self.toks[b.toks.clone()],
                sents: &self.sents[b.sents.clone()],
                shouting: b.shouting,
                hits: &self.hits[b.hits.clone()],
                align: Align::new(b.text, input, b.span),
                input,
            })
            .collect()
    }
}

impl<'a> Unit<'a> {
    /// The lexicon hits of token `i`.
    #[inline]
    pub(crate) fn hit(&self, i: usize) -> &Hits {
        match self.toks[i].hit {
            NO_HIT => &NO_HITS,
            k => &self.hits[k as usize],
        }
    }

    /// The text of token `i`.
    pub(crate) fn tok(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The folded text of token `i`.
    #[inline]
    pub(crate) fn ftok(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.folded[t.fstart..t.fend]
    }

    /// Whether token `i` exists and its folded text is one of `words`.
    #[inline]
    pub(crate) fn is<W: Words + ?Sized>(&self, i: usize, words: &W) -> bool {
        // Called for most tokens of a block by every stage, mostly with a
        // WordSet whose mask rules the token out: that test comes before
        // the token's text is even sliced.
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        words.may_hold(t.sig) && words.holds(t.sig, &self.folded[t.fstart..t.fend])
    }

    /// The text of tokens `a..b`.
    pub(crate) fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// The input span of tokens `a..b`.
    pub(crate) fn span(&self, a: usize, b: usize) -> Span {
        if a >= b {
            let at = self.toks.get(a).map_or(self.text.len(), |t| t.start);
            return self.align.span(self.text, at, at);
        }
        self.align
            .span(self.text, self.toks[a].start, self.toks[b - 1].end)
    }

    /// Whether a link's bracket or an anchor tag stands between tokens
    /// `j - 1` and `j` in the input: "Paul Morel [Radio Ouest](…)", where
    /// the block's text reads "Paul Morel Radio Ouest". No name runs
    /// across it. Most blocks are their input's text as it is, and have
    /// none.
    pub(crate) fn markup_between(&self, j: usize) -> bool {
        if self.align.is_identity() || j == 0 || j >= self.toks.len() {
            return false;
        }
        let (x, y) = (&self.toks[j - 1], &self.toks[j]);
        let from = self.align.span(self.text, x.start, x.end).end;
        let to = self.align.span(self.text, y.start, y.end).start;
        self.input.get(from..to).is_some_and(|gap| {
            gap.contains(['[', ']'])
                || gap.match_indices('<').any(|(k, _)| {
                    // "<a …>" or "</a>", not "<abbr>" or "<aside>".
                    let tag = gap.as_bytes()[k + 1..]
                        .strip_prefix(b"/")
                        .unwrap_or(&gap.as_bytes()[k + 1..]);
                    tag.first().is_some_and(|&c| c | 0x20 == b'a')
                        && tag
                            .get(1)
                            .is_none_or(|&c| c == b'>' || c.is_ascii_whitespace())
                })
        })
    }

    /// The input span of text range `a..b`.
    pub(crate) fn text_span(&self, a: usize, b: usize) -> Span {
        self.align.span(self.text, a, b)
    }

    /// The token that starts at folded offset `f`, if any.
    pub(crate) fn tok_at_fend(&self, f: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&f, |t| t.fend).ok()
    }

    /// The sentence of token `i`.
    pub(crate) fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        self.sents[self.toks[i].sent as usize].clone()
    }
}

/// A list of folded words that tokens are checked against ([`Unit::is`]).
pub(crate) trait Words {
    /// Whether a word of signature `sig` may be in the list: a first test,
    /// cheap enough to be made before the word is looked at.
    #[inline(always)]
    fn may_hold(&self, _sig: u8) -> bool {
        true
    }

    /// Whether the folded `word`, of signature `sig`, is in the list.
    fn holds(&self, sig: u8, word: &str) -> bool;
}

impl Words for [&str] {
    #[inline]
    fn holds(&self, _: u8, word: &str) -> bool {
        one_of(word, self)
    }
}

impl<const N: usize> Words for [&str; N] {
    #[inline]
    fn holds(&self, _: u8, word: &str) -> bool {
        one_of(word, self)
    }
}

/// A token's signature: 8 bits of its folded text, so that a [`WordSet`]
/// can answer "not in the set" for most tokens without comparing strings.
#[inline]
pub(crate) const fn signature(w: &[u8]) -> u8 {
    if w.is_empty() {
        return 0;
    }
    signature_of(w.len(), w[0], w[w.len() / 2], w[w.len() - 1])
}

/// The [`signature`] of a word of `len` bytes, from its first, middle and
/// last bytes.
#[inline]
const fn signature_of(len: usize, first: u8, middle: u8, last: u8) -> u8 {
    let h = (len as u32).wrapping_mul(0x9E37_79B1)
        ^ (first as u32).wrapping_mul(0x85EB_CA77)
        ^ (last as u32).wrapping_mul(0xC2B2_AE3D)
        ^ (middle as u32).wrapping_mul(0x27D4_EB2F);
    (h >> 24) as u8
}

/// A closed list of folded words (determiners, pronouns, auxiliaries…)
/// that most tokens of a text are checked against: a 256-bit mask of the
/// words' signatures rules out most tokens before any string comparison,
/// and the one word of the set with the token's signature (nearly always
/// one) is the only one compared, without a loop whose exit no branch
/// predictor can guess.
pub(crate) struct WordSet {
    /// The words, folded.
    pub(crate) words: &'static [&'static str],
    mask: ByteSet,
    /// Per signature: 1 + the index of the one word that has it, 0 for
    /// none, [`SHARED`] for several.
    slots: [u8; 256],
}

/// In [`WordSet::slots`]: several words share the signature.
const SHARED: u8 = u8::MAX;

impl WordSet {
    /// The set of `words` (folded), built at compile time.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        let mut mask = ByteSet::EMPTY;
        let mut slots = [0u8; 256];
        let mut i = 0;
        while i < words.len() {
            let s = signature(words[i].as_bytes());
            mask = mask.with(s);
            slots[s as usize] = if slots[s as usize] == 0 && i + 1 < SHARED as usize {
                (i + 1) as u8
            } else {
                SHARED
            };
            i += 1;
        }
        WordSet { words, mask, slots }
    }

    /// Whether `word` is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.holds(signature(word.as_bytes()), word)
    }
}

impl Words for WordSet {
    #[inline(always)]
    fn may_hold(&self, sig: u8) -> bool {
        self.mask.contains(sig)
    }

    #[inline(always)]
    fn holds(&self, sig: u8, word: &str) -> bool {
        self.may_hold(sig) && self.lists(sig, word)
    }
}

impl WordSet {
    /// Whether `word`, of signature `sig`, is one of the words, past the
    /// mask: out of line, as only the few words the mask lets through get
    /// here, and the comparison would swell each of the hundreds of call
    /// sites.
    #[inline(never)]
    fn lists(&self, sig: u8, word: &str) -> bool {
        match self.slots[usize::from(sig)] {
            0 => false,
            SHARED => one_of(word, self.words),
            k => self.words[usize::from(k - 1)] == word,
        }
    }
}

/// Whether `word` is one of `words`. Called for most tokens with lists of
/// a few dozen short words: comparing lengths and first bytes inline
/// spares a `memcmp` call per list entry.
#[inline]
pub(crate) fn one_of(word: &str, words: &[&str]) -> bool {
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return words.contains(&"");
    };
    words.iter().any(|x| {
        let x = x.as_bytes();
        x.len() == w.len() && x[0] == first && x == w
    })
}

/// The part of `word` before its first hyphen, if it has one: looked for
/// byte by byte, inline, in every capitalised word (`split_once` calls
/// a char searcher made for long texts).
#[inline]
fn before_hyphen(word: &str) -> Option<&str> {
    let k = word.bytes().position(|b| b == b'-')?;
    Some(&word[..k])
}

/// The longest lexicon entries starting at token `t`, whose folded text is
/// `word`; `entry` is the word table's entry for it. `None` for none, as
/// for most tokens: one in no lexicon, with neither a space nor an
/// apostrophe (where a shorter first word would end) nor a hyphen where an
/// inverted pronoun would start, is told so by a few tests, inline.
#[inline]
fn lexicon_hits(
    lex: &Lexicon,
    folded: &str,
    t: &Tok,
    word: &str,
    entry: Option<&Word>,
) -> Option<Hits> {
    if entry.is_none_or(|w| w.multi | w.singles == 0) && !t.stops {
        return inverted(lex, t, word);
    }
    entries_at(lex, folded, t, word, entry)
}

/// [`lexicon_hits`] for a token with some entry, or whose first word may
/// have one.
fn entries_at(
    lex: &Lexicon,
    folded: &str,
    t: &Tok,
    word: &str,
    entry: Option<&Word>,
) -> Option<Hits> {
    let words = &lex.words;
    let exact = entry.filter(|w| w.multi | w.singles != 0);
    let first = if t.stops { first_word(word) } else { word };
    let first_entry = if first.len() == word.len() {
        entry
    } else {
        words.get(first)
    };
    let bits = first_entry.map_or(0, |w| w.multi);
    if bits == 0 && exact.is_none() {
        return inverted(lex, t, word);
    }
    // The patterns of several words that may start here: those of the
    // first word of the text from here on (which may run past the token:
    // "st. louis").
    let several = (bits != 0)
        .then(|| {
            // The token's word, unless what follows it in the text (no
            // space) is part of the first word ("otan," is not "otan").
            let fw = match folded.as_bytes().get(t.fend) {
                None | Some(b' ') if !t.stops => word,
                _ => first_word(&folded[t.fstart..]),
            };
            let w = if fw.len() == first.len() {
                first_entry
            } else {
                words.get(fw)
            };
            w.and_then(|w| lex.several.get(words.several(w) as usize))
                .map(|s| (s, fw.len()))
        })
        .flatten();
    // Only the lexicons with an entry here are looked at: a word is
    // rarely in more than one.
    let singles = exact.map_or(0, |x| x.singles);
    let long = several.map_or(Longest::default(), |(s, first)| {
        s.longest(bits, folded, t.fstart, first)
    });
    let mut hits = Hits::default();
    let mut todo = bits | singles;
    while todo != 0 {
        let n = todo.trailing_zeros() as usize;
        let bit = 1 << n;
        todo &= !bit;
        let found = if long.found & bit != 0 {
            Some(long.hits[n])
        } else {
            exact
                .map(|x| words.single(x, n))
                .filter(|&p| p != u32::MAX)
                .map(|p| (p, t.fend as u32))
        };
        *match bit {
            VERBS => &mut hits.verb,
            TITLES => &mut hits.title,
            GAZETTEER => &mut hits.gazetteer,
            HEADS => &mut hits.head,
            SOURCES => &mut hits.source,
            _ => continue,
        } = found;
    }
    (!hits.is_empty()).then_some(hits)
}

/// The reporting verb of `word` when it ends in an inverted pronoun
/// ("ajoute-t-elle", "dit-il"), as the token's hits: the test that rules
/// out nearly every word inline, the rest out of line.
#[inline(always)]
fn inverted(lex: &Lexicon, t: &Tok, word: &str) -> Option<Hits> {
    if !may_be_inverted(word) {
        return None;
    }
    inverted_verb(lex, t, word)
}

/// [`inverted`] past its first test.
#[inline(never)]
fn inverted_verb(lex: &Lexicon, t: &Tok, word: &str) -> Option<Hits> {
    let stem = inverted_stem(word)?;
    let p = lex
        .words
        .get(stem)
        .map(|x| lex.words.single(x, 0))
        .filter(|&p| p != u32::MAX)?;
    Some(Hits {
        verb: Some((p, (t.fstart + stem.len()) as u32)),
        ..Hits::default()
    })
}

/// Whether `word` may end in an inverted pronoun: every ending of
/// [`inverted_stem`] ends in "-il", "-on", "-ils", "-elle" or "-elles", so a
/// hyphen stands 3 to 6 bytes from its end (a cheap test for every word).
#[inline]
fn may_be_inverted(word: &str) -> bool {
    let b = word.as_bytes();
    (3..=6).any(|k| b.len() > k && b[b.len() - k] == b'-')
}

/// The verb of an inverted form ("ajoute-t-elle" → "ajoute").
fn inverted_stem(word: &str) -> Option<&str> {
    for suffix in [
        "-t-il", "-t-elle", "-t-ils", "-t-elles", "-t-on", "-il", "-elle", "-ils", "-elles", "-on",
    ] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return Some(stem);
        }
    }
    None
}

/// [`char::is_alphabetic`], answered without Unicode tables for the
/// characters of French text: the Latin blocks (U+0000–U+024F), where the
/// letters are known ranges, and General Punctuation (U+2000–U+206F: ’ – —
/// …), which has none. The tables' search costs more than the rest of a
/// character's tokenising.
#[inline]
fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        0x80..=0xFF | 0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], as [`is_alphabetic`]: the Latin-1 numerals
/// are ² ³ ¹ ¼ ½ ¾.
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE => true,
        0x80..=0x24F | 0x2000..=0x206F => is_alphabetic(c),
        _ => c.is_alphanumeric(),
    }
}

/// What one pass over a block's text gives.
#[cfg(test)]
struct Scan {
    toks: Vec<Tok>,
    /// The text folded token by token (with the white space between
    /// tokens), up to the end of the last token.
    folded: String,
    /// Upper- and lower-case letters in the text.
    upper: usize,
    lower: usize,
    /// Whether the text has as many « as » (quotes can then be tracked).
    quotes: bool,
}

/// What [`scan_into`] tells of a block besides its tokens.
struct Counts {
    /// Upper- and lower-case letters in the text.
    upper: usize,
    lower: usize,
    /// Whether the text has as many « as » (quotes can then be tracked).
    quotes: bool,
}

/// The character at byte `at` of `text` (on a character boundary): ASCII
/// without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[at..].chars().next(),
        None => None,
    }
}

/// Cased letters seen so far.
#[derive(Default)]
struct Case {
    upper: usize,
    lower: usize,
}

impl Case {
    /// The cased ASCII letters of `bytes`, counted in one go over the whole
    /// text (a loop the compiler vectorises) rather than byte by byte in
    /// the tokenising loop: byte counters, over chunks too short for them
    /// to overflow.
    fn of_ascii(bytes: &[u8]) -> Case {
        let mut case = Case::default();
        let mut count = |chunk: &[u8]| {
            let (mut upper, mut lower) = (0u8, 0u8);
            for &b in chunk {
                upper += u8::from(b.is_ascii_uppercase());
                lower += u8::from(b.is_ascii_lowercase());
            }
            case.upper += usize::from(upper);
            case.lower += usize::from(lower);
        };
        // Chunks of a fixed size, which the vector loop covers whole: the
        // byte-by-byte tail is left for the end of the block alone.
        let mut chunks = bytes.chunks_exact(128);
        for chunk in &mut chunks {
            count(chunk);
        }
        count(chunks.remainder());
        case
    }

    /// Counts a letter, upper-case or not.
    #[inline(always)]
    fn count_letter(&mut self, upper: bool) {
        self.upper += usize::from(upper);
        self.lower += usize::from(!upper);
    }

    /// Counts `c`, a char that is not ASCII (those are counted by
    /// [`Case::of_ascii`]).
    #[inline]
    fn count(&mut self, c: char) {
        if is_upper(c) {
            self.upper += 1;
        } else if is_lower(c) {
            self.lower += 1;
        }
    }
}

/// In [`CLASS`]: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// In [`CLASS`]: an ASCII letter. In a word's classes: a letter.
const ALPHA: u8 = 2;
/// In [`CLASS`]: an ASCII lower-case letter. In a word's classes: a letter
/// that is not upper-case.
const LOWER: u8 = 4;
/// In [`CLASS`]: ASCII white space, as [`char::is_whitespace`] has it
/// (with the vertical tab, which [`u8::is_ascii_whitespace`] leaves out).
const SPACE: u8 = 8;
/// In [`CLASS`]: an ASCII byte that ends a word whatever follows: neither
/// a letter nor a digit, nor what may join one (- ' , .).
const ENDS: u8 = 16;
/// In [`CLASS`]: a decimal mark (, .), which ends a word but may join the
/// digits of a number.
const DECIMAL: u8 = 32;

/// The class of each byte: one load answers what the tests of the
/// tokenising loop would in several comparisons each. Bytes of non-ASCII
/// chars have none.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            ALNUM | ALPHA | LOWER
        } else if c.is_ascii_uppercase() {
            ALNUM | ALPHA
        } else if c.is_ascii_digit() {
            ALNUM
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE | ENDS
        } else if matches!(c, b',' | b'.') {
            DECIMAL
        } else if matches!(c, b'-' | b'\'') {
            0
        } else {
            ENDS
        };
        b += 1;
    }
    t
};

/// The [`signature`] of each one-byte token (ASCII punctuation).
static BYTE_SIGNATURE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = signature(&[b as u8]);
        b += 1;
    }
    t
};

/// Each byte with ASCII capitals lower-cased.
static LOWERCASE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

/// The ASCII letter each char U+00C0–U+00FF folds to ([`fold::push_folded`]:
/// accents dropped, lower-cased), by its UTF-8 second byte; 0 for those
/// that fold otherwise (Æ, Ð, Ø, Þ, ß…) or are no letter (× ÷). The
/// upper-case ones are the first half.
static LATIN1_FOLD: [u8; 64] =
    *b"aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

/// The letter at byte `at` of `bytes` if it is one of [`LATIN1_FOLD`]
/// (é è à ê ç, most of the non-ASCII chars of French text): what it folds
/// to and whether it is upper-case, without decoding it or asking Unicode
/// tables.
#[inline(always)]
fn latin1_letter(bytes: &[u8], at: usize) -> Option<(u8, bool)> {
    if bytes.get(at) != Some(&0xC3) {
        return None;
    }
    let second = *bytes.get(at + 1)?;
    let folded = LATIN1_FOLD[usize::from(second & 0x3F)];
    (folded != 0).then_some((folded, second & 0x20 == 0))
}

/// The [`signature`] of `w` lower-cased: the folded text is only
/// lower-cased once the whole block is scanned ([`Folded::finish`]), and a
/// signature reads but three of its bytes.
#[inline]
fn signature_lower(w: &[u8]) -> u8 {
    let Some(&first) = w.first() else {
        return 0;
    };
    let lower = |b: u8| LOWERCASE[usize::from(b)];
    signature_of(
        w.len(),
        lower(first),
        lower(w[w.len() / 2]),
        lower(w[w.len() - 1]),
    )
}

/// ’ in UTF-8: it folds to ', has no case and is no letter.
const APOSTROPHE: &[u8] = "’".as_bytes();

/// The length of the punctuation mark at byte `at` of `bytes` if it is
/// one of « » – — “ ” • …: marks that fold to themselves and have no
/// case, which French text has many of. Folded as ASCII is, by copying the
/// text later, they cost neither decoding nor folding.
#[inline(always)]
fn plain_mark(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at..at + 2)? {
        [0xC2, 0xAB | 0xBB] => Some(2),
        [0xE2, 0x80] => match bytes.get(at + 2)? {
            0x93 | 0x94 | 0x9C | 0x9D | 0xA2 | 0xA6 => Some(3),
            _ => None,
        },
        _ => None,
    }
}

/// The folded text of a block, built as the block is scanned. Most of it
/// is ASCII, which folds to itself lower-cased (as do a few marks, see
/// [`plain_mark`]): it is copied from the text a run at a time, when a
/// non-ASCII char (folded on its own) or the end of a token that needs its
/// folded bytes comes, and lower-cased at the end in one go (no folded
/// char is an ASCII capital). The tokenising loop thus does nothing for
/// most bytes but read them.
struct Folded<'b> {
    /// The document's folded text: the block's starts at `base`.
    text: &'b mut String,
    base: usize,
    /// How much of the block is in `text` (folded).
    copied: usize,
}

impl Folded<'_> {
    /// The folded offset of byte `at` of the block (at or after
    /// [`Folded::copied`]).
    #[inline(always)]
    fn at(&self, at: usize) -> usize {
        self.len() + (at - self.copied)
    }

    /// The length of the block's folded text so far.
    #[inline(always)]
    fn len(&self) -> usize {
        self.text.len() - self.base
    }

    /// The block's folded text so far.
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        &self.text.as_bytes()[self.base..]
    }

    /// Copies the block up to byte `to`: since [`Folded::copied`], all of
    /// it folds to itself (once lower-cased): ASCII and [`plain_mark`]s.
    #[inline]
    fn copy(&mut self, block: &str, to: usize) {
        if to > self.copied {
            self.text.push_str(&block[self.copied..to]);
            self.copied = to;
        }
    }

    /// Folds `c`, the char at byte `at` of the block (not ASCII), and
    /// tells whether its folding has a space or an apostrophe (where
    /// [`first_word`] stops: [`Tok::stops`]).
    #[inline]
    fn push(&mut self, block: &str, at: usize, c: char) -> bool {
        self.copy(block, at);
        let from = self.text.len();
        fold::push_folded(c, self.text);
        self.copied = at + c.len_utf8();
        self.text.as_bytes()[from..]
            .iter()
            .any(|&b| b == b' ' || b == b'\'')
    }

    /// Folds the char of `len` bytes at byte `at` of the block to the
    /// ASCII `folded` (é, ’: [`latin1_letter`], [`APOSTROPHE`]).
    #[inline]
    fn push_ascii(&mut self, block: &str, at: usize, len: usize, folded: u8) {
        self.copy(block, at);
        self.text.push(char::from(folded));
        self.copied = at + len;
    }

    /// Ends the block's folded text at the end of its last token, and
    /// lower-cases it.
    fn finish(mut self, block: &str, last: Option<&Tok>) {
        let (end, fend) = last.map_or((0, 0), |t| (t.end, t.fend));
        self.copy(block, end);
        self.text.truncate(self.base + fend);
        self.text[self.base..].make_ascii_lowercase();
    }
}

/// Tokenises `text`, folds it and counts its cased letters, in one pass over
/// its characters (tokenising runs on every block of every document: one
/// pass, ASCII without decoding, Unicode tables or even copying, most
/// bytes with one table look-up).
#[cfg(test)]
fn scan(text: &str) -> Scan {
    let (mut toks, mut folded) = (Vec::new(), String::new());
    let counts = scan_into(text, &mut toks, &mut folded);
    Scan {
        toks,
        folded,
        upper: counts.upper,
        lower: counts.lower,
        quotes: counts.quotes,
    }
}

/// [`scan`] into the buffers of a document's blocks: the tokens of `text`
/// are pushed on `toks`, its folded text on `folded`, their folded offsets
/// counted from where it starts.
fn scan_into(text: &str, toks: &mut Vec<Tok>, folded: &mut String) -> Counts {
    let bytes = text.as_bytes();
    let first = toks.len();
    let mut folded = Folded {
        base: folded.len(),
        text: folded,
        copied: 0,
    };
    let mut case = Case::of_ascii(bytes);
    let (mut opens, mut closes) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        let fstart = folded.at(i);
        if class & ALNUM != 0 {
            let opening = Opening {
                len: 1,
                classes: class,
                ascii: true,
                stops: false,
                cap: class & (ALPHA | LOWER) == ALPHA,
                digit: class & ALPHA == 0,
            };
            i = word(text, i, opening, fstart, &mut folded, &mut case, toks);
            continue;
        }
        if b < 0x80 {
            // ASCII punctuation.
            let mut end = i + 1;
            if b == b'.' {
                while bytes.get(end) == Some(&b'.') {
                    end += 1;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                fstart,
                fend: fstart + (end - i),
                kind: Kind::Punct,
                cap: false,
                upper: false,
                initial: false,
                sent: 0,
                sig: if end == i + 1 {
                    BYTE_SIGNATURE[usize::from(b & 0x7F)]
                } else {
                    signature(&bytes[i..end])
                },
                stops: b == b'\'',
                flags: 0,
                hit: NO_HIT,
            });
            i = end;
            continue;
        }
        if let Some(len) = plain_mark(bytes, i) {
            match bytes[i + 1] {
                0xAB => opens += 1,
                0xBB => closes += 1,
                _ => {}
            }
            toks.push(Tok {
                start: i,
                end: i + len,
                fstart,
                fend: fstart + len,
                kind: Kind::Punct,
                cap: false,
                upper: false,
                initial: false,
                sent: 0,
                sig: signature(&bytes[i..i + len]),
                stops: false,
                flags: 0,
                hit: NO_HIT,
            });
            i += len;
            continue;
        }
        if let Some((f, upper)) = latin1_letter(bytes, i) {
            folded.push_ascii(text, i, 2, f);
            case.count_letter(upper);
            let opening = Opening {
                len: 2,
                classes: if upper { ALPHA } else { ALPHA | LOWER },
                ascii: false,
                stops: false,
                cap: upper,
                digit: false,
            };
            i = word(text, i, opening, fstart, &mut folded, &mut case, toks);
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        case.count(c);
        let stops = folded.push(text, i, c);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let opening = Opening {
                len: c.len_utf8(),
                classes: letter_classes(c),
                ascii: false,
                stops,
                cap: is_upper(c),
                digit: false,
            };
            i = word(text, i, opening, fstart, &mut folded, &mut case, toks);
            continue;
        }
        match c {
            '«' => opens += 1,
            '»' => closes += 1,
            _ => {}
        }
        toks.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            fstart,
            fend: folded.len(),
            kind: Kind::Punct,
            cap: false,
            upper: false,
            initial: false,
            sent: 0,
            sig: signature_lower(&folded.bytes()[fstart..]),
            stops,
            flags: 0,
            hit: NO_HIT,
        });
        i += c.len_utf8();
    }
    folded.finish(text, toks[first..].last());
    Counts {
        upper: case.upper,
        lower: case.lower,
        quotes: opens == closes,
    }
}

/// What the first char of a word gives ([`word`]).
struct Opening {
    /// Its length in bytes.
    len: usize,
    /// Its classes, as a word has them: ALPHA for a letter, LOWER for a
    /// letter not upper-case.
    classes: u8,
    /// Whether it is ASCII.
    ascii: bool,
    /// Whether its folding has a space or an apostrophe ([`Tok::stops`]).
    stops: bool,
    /// Whether it is upper-case.
    cap: bool,
    /// Whether it is an ASCII digit.
    digit: bool,
}

/// The classes of non-ASCII `c` as a word has them: ALPHA for a letter,
/// LOWER for a letter not upper-case.
#[inline]
fn letter_classes(c: char) -> u8 {
    match (is_alphabetic(c), is_upper(c)) {
        (false, _) => 0,
        (true, true) => ALPHA,
        (true, false) => ALPHA | LOWER,
    }
}

/// [`char::is_uppercase`], without Unicode tables for Latin-1 and General
/// Punctuation, as [`is_alphabetic`].
#[inline]
fn is_upper(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_uppercase(),
        0xC0..=0xD6 | 0xD8..=0xDE => true,
        0x80..=0xFF | 0x2000..=0x206F => false,
        _ => c.is_uppercase(),
    }
}

/// [`char::is_lowercase`], as [`is_upper`].
#[inline]
fn is_lower(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_lowercase(),
        0xAA | 0xB5 | 0xBA | 0xDF..=0xF6 | 0xF8..=0xFF => true,
        0x80..=0xFF | 0x2000..=0x206F => false,
        _ => c.is_lowercase(),
    }
}

/// Reads the word or number at byte `i` of `text`, whose first char
/// (`opening`) is counted and folded already, at folded offset `fstart`;
/// pushes its token and returns where the scan goes on: its end, or past
/// the space there (most words are followed by one, which then costs the
/// scan's loop no turn of its own).
///
/// A word or a number: letters and digits (and combining accents), inner
/// hyphens and apostrophes, decimal marks after a digit. Most are a run
/// of ASCII letters and digits that a space or a comma ends: one table
/// look-up a byte, nothing copied, the bytes' classes or-ed together, and
/// letters counted only for the rare word without a lower-case one.
#[inline(always)]
fn word(
    text: &str,
    i: usize,
    opening: Opening,
    fstart: usize,
    folded: &mut Folded,
    case: &mut Case,
    toks: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let Opening {
        len,
        mut classes,
        mut ascii,
        mut stops,
        cap,
        digit,
    } = opening;
    let mut end = i + len;
    // What ends it outright: a decimal mark only ends a word, not a number.
    let ends = if digit { ENDS } else { ENDS | DECIMAL };
    // Where its letters end: before the apostrophe of an elision.
    let letters_end = loop {
        // The common case: a run of ASCII letters and digits.
        while let Some(&b) = bytes.get(end) {
            let class = CLASS[usize::from(b)];
            if class & ALNUM == 0 {
                break;
            }
            classes |= class;
            end += 1;
        }
        if bytes
            .get(end)
            .is_none_or(|&b| CLASS[usize::from(b)] & ends != 0)
        {
            break end;
        }
        // In a struct for the call alone: the loop keeps them in registers.
        let mut w = Reading {
            end,
            classes,
            ascii,
            stops,
        };
        let joined = join(text, i, digit, &mut w, folded, case);
        Reading {
            end,
            classes,
            ascii,
            stops,
        } = w;
        if let Some(letters_end) = joined {
            break letters_end;
        }
    };
    let (fend, sig) = if ascii {
        // ASCII: the text lower-cased, yet to be copied.
        (fstart + (end - i), signature_lower(&bytes[i..end]))
    } else {
        folded.copy(text, end);
        (folded.len(), signature_lower(&folded.bytes()[fstart..]))
    };
    toks.push(Tok {
        start: i,
        end,
        fstart,
        fend,
        kind: if digit && classes & ALPHA == 0 {
            Kind::Number
        } else {
            Kind::Word
        },
        cap,
        // All its letters upper-case, and two of them or more.
        upper: classes & (ALPHA | LOWER) == ALPHA && two_letters(&text[i..letters_end]),
        initial: false,
        sent: 0,
        sig,
        stops,
        flags: 0,
        hit: NO_HIT,
    });
    end + usize::from(bytes.get(end) == Some(&b' '))
}

/// A word as [`word`] reads it.
struct Reading {
    /// Where it ends so far.
    end: usize,
    /// Its classes, or-ed: ALPHA for a letter, LOWER for a letter not
    /// upper-case.
    classes: u8,
    /// Whether all its chars are ASCII (its folding is then its text
    /// lower-cased).
    ascii: bool,
    /// Whether its folding has a space or an apostrophe ([`Tok::stops`]).
    stops: bool,
}

/// Whether the char at the end of word `w` (at byte `i` of `text`) joins
/// it, which it then takes: a non-ASCII letter, an inner hyphen or
/// apostrophe, a decimal mark. `Some` of where the word's letters end if
/// it ends there (with the apostrophe of an elision, which it takes).
///
/// Out of line, as a word rarely goes on past its ASCII run: the
/// registers of [`word`]'s loop are kept for the common case.
#[inline(never)]
fn join(
    text: &str,
    i: usize,
    digit: bool,
    w: &mut Reading,
    folded: &mut Folded,
    case: &mut Case,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = w.end;
    if let Some((f, upper)) = latin1_letter(bytes, end) {
        // A letter: it joins.
        w.ascii = false;
        folded.push_ascii(text, end, 2, f);
        case.count_letter(upper);
        w.classes |= if upper { ALPHA } else { ALPHA | LOWER };
        w.end += 2;
        return None;
    }
    if bytes.get(end..end + 3) == Some(APOSTROPHE) {
        // ’, the apostrophe of French text, as below.
        let after = end + 3;
        let eliding = elides(text, i, end, after);
        if !eliding && !char_at(text, after).is_some_and(is_alphabetic) {
            return Some(end);
        }
        w.ascii = false;
        w.stops = true;
        folded.push_ascii(text, end, 3, b'\'');
        w.end = after;
        return eliding.then_some(end);
    }
    let n = char_at(text, end)?;
    let after = end + n.len_utf8();
    let joins = is_alphanumeric(n)
        || ('\u{300}'..='\u{36F}').contains(&n)
        // Inner hyphens, apostrophes, decimal marks: look one further.
        || match n {
            '-' | '‑' => char_at(text, after).is_some_and(is_alphanumeric),
            c if is_apostrophe(c) => {
                char_at(text, after).is_some_and(is_alphabetic) && !elides(text, i, end, after)
            }
            ',' | '.' => digit && char_at(text, after).is_some_and(|a| a.is_ascii_digit()),
            _ => false,
        };
    let elision = !joins && is_apostrophe(n) && elides(text, i, end, after);
    if !joins && !elision {
        return Some(end);
    }
    // Not an ASCII letter or digit: the run took those.
    if n.is_ascii() {
        w.stops |= n == '\'';
    } else {
        w.ascii = false;
        case.count(n);
        w.stops |= folded.push(text, end, n);
        if joins {
            w.classes |= letter_classes(n);
        }
    }
    w.end = after;
    // An elision keeps its apostrophe, and ends there ("l’").
    elision.then_some(end)
}

/// Whether `word` has two letters or more: asked only of words without
/// a lower-case letter, which are few.
#[cold]
fn two_letters(word: &str) -> bool {
    word.chars().filter(|&c| is_alphabetic(c)).nth(1).is_some()
}

/// The ASCII punctuation that may open a clause or end a sentence in
/// [`sentences`], a bit each: any other ASCII token (most are commas) does
/// neither, and is passed over without comparing its text.
const SENTENCE_MARKS: u128 = {
    let mut mask = 0u128;
    let marks = b"\"-:;|.!?";
    let mut k = 0;
    while k < marks.len() {
        mask |= 1 << marks[k];
        k += 1;
    }
    mask
};

/// Splits tokens into sentences and marks initial tokens.
/// The sentences (token ranges of `toks`) are pushed on `sents`.
fn sentences(
    text: &str,
    toks: &mut [Tok],
    track_quotes: bool,
    sents: &mut Vec<std::ops::Range<usize>>,
) {
    let first = sents.len();
    let mut start = 0;
    let mut depth = 0i32;
    let mut initial = true;
    for i in 0..toks.len() {
        toks[i].sent = (sents.len() - first) as u32;
        if toks[i].kind != Kind::Punct {
            // Words and numbers neither open nor end anything.
            toks[i].initial = initial;
            initial = false;
            continue;
        }
        let first = text.as_bytes()[toks[i].start];
        if first < 0x80 && SENTENCE_MARKS >> first & 1 == 0 {
            continue;
        }
        let t = &text[toks[i].start..toks[i].end];
        initial |= matches!(
            t,
            "«" | "“" | "\"" | "–" | "—" | "-" | ":" | ";" | "•" | "|"
        );
        if track_quotes {
            match t {
                "«" => depth += 1,
                "»" => depth = (depth - 1).max(0),
                _ => {}
            }
        }
        let ends = match t {
            "." | "!" | "?" | "…" | "..." => {
                depth == 0
                    && !(t == "."
                        && i > 0
                        && toks[i - 1].kind == Kind::Word
                        && toks[i - 1].end == toks[i].start
                        && is_abbreviation(&text[toks[i - 1].start..toks[i - 1].end]))
            }
            "»" => {
                depth == 0
                    && i > 0
                    && matches!(
                        &text[toks[i - 1].start..toks[i - 1].end],
                        "." | "!" | "?" | "…" | "..."
                    )
            }
            _ => false,
        };
        let next_starts = || {
            toks.get(i + 1).is_none_or(|n| {
                let c = text[n.start..].chars().next().unwrap_or(' ');
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '«' | '"' | '“' | '–' | '—' | '-')
            })
        };
        if ends && next_starts() {
            sents.push(start..i + 1);
            start = i + 1;
            initial = true;
        }
    }
    if start < toks.len() || sents.len() == first {
        sents.push(start..toks.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokeniser as first written, char by char, each folded and
    /// counted as it comes: the reference [`scan`] must agree with, token
    /// for token.
    fn plain_scan(text: &str) -> Scan {
        let bytes = text.as_bytes();
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut folded = String::with_capacity(text.len() + 8);
        let mut case = Case::default();
        let (mut opens, mut closes) = (0usize, 0usize);
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if c == ' ' {
                folded.push(' ');
                i += 1;
                continue;
            }
            case.count(c);
            if c.is_whitespace() {
                fold::push_folded(c, &mut folded);
                i += c.len_utf8();
                continue;
            }
            let fstart = folded.len();
            if !is_alphanumeric(c) {
                fold::push_folded(c, &mut folded);
                let mut end = i + c.len_utf8();
                match c {
                    '.' => {
                        while bytes.get(end) == Some(&b'.') {
                            folded.push('.');
                            end += 1;
                        }
                    }
                    '«' => opens += 1,
                    '»' => closes += 1,
                    _ => {}
                }
                toks.push(Tok {
                    start: i,
                    end,
                    fstart,
                    fend: folded.len(),
                    kind: Kind::Punct,
                    cap: false,
                    upper: false,
                    initial: false,
                    sent: 0,
                    sig: signature(&folded.as_bytes()[fstart..]),
                    stops: folded.as_bytes()[fstart..].contains(&b' ')
                        || folded.as_bytes()[fstart..].contains(&b'\''),
                    flags: 0,
                    hit: NO_HIT,
                });
                i = end;
                continue;
            }
            // A word or a number: letters and digits (and combining accents),
            // inner hyphens and apostrophes, decimal marks after a digit.
            let digit = c.is_ascii_digit();
            let cap = if c.is_ascii() {
                c.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            // Letters, and those not upper-case.
            let (mut letters, mut not_upper) = (0usize, 0usize);
            let mut end = i;
            let mut next_char = Some(c);
            // Whether a character other than an ASCII letter or digit went in.
            let mut mixed = false;
            while let Some(n) = next_char {
                if end > i {
                    case.count(n);
                }
                mixed |= !n.is_ascii_alphanumeric();
                if is_alphabetic(n) {
                    letters += 1;
                    not_upper += usize::from(!n.is_uppercase());
                }
                fold::push_folded(n, &mut folded);
                end += n.len_utf8();
                // The common case: a run of ASCII letters and digits.
                while let Some(&b) = bytes.get(end).filter(|b| b.is_ascii_alphanumeric()) {
                    let up = b.is_ascii_uppercase();
                    case.upper += usize::from(up);
                    case.lower += usize::from(b.is_ascii_lowercase());
                    if b.is_ascii_alphabetic() {
                        letters += 1;
                        not_upper += usize::from(!up);
                    }
                    folded.push(char::from(b.to_ascii_lowercase()));
                    end += 1;
                }
                next_char = None;
                let Some(n) = char_at(text, end) else { break };
                let after = end + n.len_utf8();
                let joins = is_alphanumeric(n)
                    || ('\u{300}'..='\u{36F}').contains(&n)
                    // Inner hyphens, apostrophes, decimal marks: look one further.
                    || match n {
                        '-' | '‑' => char_at(text, after).is_some_and(is_alphanumeric),
                        c if is_apostrophe(c) => {
                            char_at(text, after).is_some_and(is_alphabetic)
                                && !elides(text, i, end, after)
                        }
                        ',' | '.' => digit && char_at(text, after).is_some_and(|a| a.is_ascii_digit()),
                        _ => false,
                    };
                if joins {
                    next_char = Some(n);
                } else if is_apostrophe(n) && elides(text, i, end, after) {
                    // An elision keeps its apostrophe, and ends there ("l’").
                    case.count(n);
                    mixed = true;
                    fold::push_folded(n, &mut folded);
                    end = after;
                }
            }
            toks.push(Tok {
                start: i,
                end,
                fstart,
                fend: folded.len(),
                kind: if digit && letters == 0 {
                    Kind::Number
                } else {
                    Kind::Word
                },
                cap,
                upper: not_upper == 0 && letters >= 2,
                initial: false,
                sent: 0,
                sig: signature(&folded.as_bytes()[fstart..]),
                stops: mixed
                    && folded.as_bytes()[fstart..]
                        .iter()
                        .any(|&b| b == b' ' || b == b'\''),
                flags: 0,
                hit: NO_HIT,
            });
            i = end;
        }
        folded.truncate(toks.last().map_or(0, |t| t.fend));
        Scan {
            toks,
            folded,
            upper: case.upper,
            lower: case.lower,
            quotes: opens == closes,
        }
    }

    proptest! {
        /// One pass tokenises, folds and counts: each token's folded text
        /// is the folding of its text, and the counts and flags are those
        /// a plain reading gives.
        #[test]
        fn scan_agrees_with_a_plain_reading(
            text in "(\\PC|[ \\t\\n\\x0Ba-zA-Z0-9.,'’ʼ\\-‑«»:;ÉéœÀ-ÿª–—“”•…\u{300}\u{345}\u{A0}]|qu|jusqu|aujourd|M\\.|\\.\\.\\.){0,60}"
        ) {
            let s = scan(&text);
            // Every field of every token, as char by char.
            let plain = plain_scan(&text);
            prop_assert_eq!(&s.folded, &plain.folded);
            prop_assert_eq!(s.toks.len(), plain.toks.len());
            for (t, p) in s.toks.iter().zip(&plain.toks) {
                prop_assert_eq!(format!("{t:?}"), format!("{p:?}"));
            }
            for t in &s.toks {
                let f = &s.folded[t.fstart..t.fend];
                prop_assert_eq!(f, crate::lexicon::fold_str(&text[t.start..t.end]));
                prop_assert_eq!(t.sig, signature(f.as_bytes()));
                prop_assert_eq!(t.stops, f.contains(' ') || f.contains('\''));
            }
            let upper = text.chars().filter(|c| c.is_uppercase()).count();
            let lower = text.chars().filter(|c| !c.is_uppercase() && c.is_lowercase()).count();
            prop_assert_eq!((s.upper, s.lower), (upper, lower));
            prop_assert_eq!(
                s.quotes,
                text.matches('«').count() == text.matches('»').count()
            );
        }
    }

    #[test]
    fn character_classes_agree_with_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn byte_classes_agree_with_the_standard_library() {
        for b in 0..=u8::MAX {
            let (class, c) = (CLASS[usize::from(b)], char::from(b));
            let ascii = b.is_ascii();
            assert_eq!(class & ALNUM != 0, ascii && c.is_alphanumeric(), "{c:?}");
            assert_eq!(class & ALPHA != 0, ascii && c.is_alphabetic(), "{c:?}");
            assert_eq!(class & LOWER != 0, ascii && c.is_lowercase(), "{c:?}");
            assert_eq!(class & SPACE != 0, ascii && c.is_whitespace(), "{c:?}");
            let joins = c.is_alphanumeric() || matches!(c, '-' | '\'' | ',' | '.');
            assert_eq!(class & ENDS != 0, ascii && !joins, "{c:?}");
            assert_eq!(class & DECIMAL != 0, matches!(c, ',' | '.'), "{c:?}");
            if ascii {
                assert_eq!(BYTE_SIGNATURE[usize::from(b)], signature(&[b]), "{c:?}");
            }
        }
    }

    #[test]
    fn latin1_letters_fold_as_chars_do() {
        let mut known = 0;
        for c in '\u{C0}'..='\u{FF}' {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let Some((f, upper)) = latin1_letter(bytes, 0) else {
                continue;
            };
            let mut folded = String::new();
            fold::push_folded(c, &mut folded);
            assert_eq!(folded, char::from(f).to_string(), "{c:?}");
            assert!(is_alphabetic(c), "{c:?}");
            assert_eq!(upper, c.is_uppercase(), "{c:?}");
            assert_eq!(!upper, c.is_lowercase(), "{c:?}");
            known += 1;
        }
        // All but Æ Ð × Ø Þ ß æ ð ÷ ø þ.
        assert_eq!(known, 64 - 11);
    }

    #[test]
    fn elisions_are_the_listed_words_in_any_case() {
        let listed = |w: &str| w.len() <= 6 && ELIDING.iter().any(|e| e.eq_ignore_ascii_case(w));
        let mut words: Vec<String> = Vec::new();
        for c in (0..0x80u8).map(char::from).chain(['é', 'ł', 'ĺ', '’']) {
            words.push(c.to_string());
            for d in ['u', 'U', 'x', 'é'] {
                words.push(format!("{c}{d}"));
            }
        }
        for e in ELIDING {
            for k in 0..e.len() {
                let (a, b) = e.split_at(k);
                words.push(format!("{}{b}", a.to_uppercase()));
                words.push(format!("{a}{}", b.to_uppercase()));
                words.push(format!("{a}x{b}"));
                words.push(format!("{a}{}", &b[1..]));
            }
        }
        for w in &words {
            assert_eq!(is_elision(w), listed(w), "{w:?}");
        }
        for e in ELIDING {
            assert!(is_elision(e) && is_elision(&e.to_uppercase()), "{e}");
        }
    }

    #[test]
    fn plain_marks_fold_to_themselves_and_are_punctuation() {
        let mut known = 0;
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let Some(len) = plain_mark(bytes, 0) else {
                continue;
            };
            assert_eq!(len, c.len_utf8(), "{c:?}");
            let mut folded = String::new();
            fold::push_folded(c, &mut folded);
            assert_eq!(folded, c.to_string(), "{c:?}");
            assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
            assert!(!c.is_uppercase() && !c.is_lowercase(), "{c:?}");
            known += 1;
        }
        assert_eq!(known, "«»–—“”•…".chars().count());
    }

    /// The folded text is lower-cased in one go after the scan: no char
    /// folds to an ASCII capital that this would change.
    #[test]
    fn no_char_folds_to_an_ascii_capital() {
        let mut out = String::new();
        for c in (0x80..=u32::from(char::MAX)).filter_map(char::from_u32) {
            out.clear();
            fold::push_folded(c, &mut out);
            assert!(!out.bytes().any(|b| b.is_ascii_uppercase()), "{c:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let tokenised = Tokenised::new(&[(text, Span::new(0, text.len()))]);
        let units = tokenised.units(text);
        // (The tokens' ranges of `text`: a unit's slices live as long as
        // the buffers it views.)
        units[0]
            .toks
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn word_sets_hold_their_words_and_nothing_else() {
        const SET: &WordSet = &WordSet::new(&["le", "la", "l'", "selon", "aupres", "d'"]);
        for w in SET.words {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["les", "lu", "", "selo", "selonx", "aupre", "de", "l"] {
            assert!(!SET.contains(w), "{w}");
        }
        // Through the tokens: the signature is the one of the folded text.
        let text = "Selon LA direction, auprès de l’État.";
        let tokenised = Tokenised::new(&[(text, Span::new(0, text.len()))]);
        let units = tokenised.units(text);
        let u = &units[0];
        let held: Vec<&str> = (0..u.toks.len())
            .filter(|&i| u.is(i, SET))
            .map(|i| u.tok(i))
            .collect();
        assert_eq!(held, ["Selon", "LA", "auprès", "l’"]);
    }

    #[test]
    fn french_words() {
        assert_eq!(
            words("L’OTAN, a-t-il dit, aujourd’hui à Valence-d’Agen : 9,12 m."),
            [
                "L’",
                "OTAN",
                ",",
                "a-t-il",
                "dit",
                ",",
                "aujourd’hui",
                "à",
                "Valence-d’Agen",
                ":",
                "9,12",
                "m",
                "."
            ]
        );
    }

    /// The ASCII marks [`sentences`] looks at are all those its lists
    /// have; any other ASCII token is passed over.
    #[test]
    fn sentence_marks_are_those_sentences_compares() {
        let listed = ["\"", "-", ":", ";", "|", ".", "!", "?", "..."];
        for b in 0..0x80u8 {
            let marked = SENTENCE_MARKS >> b & 1 != 0;
            let in_lists = listed.iter().any(|m| m.as_bytes()[0] == b);
            assert_eq!(marked, in_lists, "{:?}", char::from(b));
        }
    }

    #[test]
    fn sentences_respect_quotes_and_abbreviations() {
        let text = "M. Dupont a dit : « Non. Jamais. » Puis il est parti. Fin.";
        let tokenised = Tokenised::new(&[(text, Span::new(0, text.len()))]);
        let units = tokenised.units(text);
        let u = &units[0];
        assert_eq!(u.sents.len(), 3, "{:?}", u.sents);
        assert!(u.toks[0].initial);
    }
}
