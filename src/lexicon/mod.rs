//! Lexicons: the data that classification rules consult.
//!
//! Each list lives in a text file next to this module, loaded with
//! `include_str!` and compiled once, on first use, into an aho-corasick
//! automaton or a set. The files say what they hold and where the entries come
//! from; adding a formula is a one-line data change, not a code change.

pub(crate) mod extract;
pub(crate) mod fold;

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::BoilerplateKind;
pub(crate) use fold::{fold_str, fold_str_prefix, source_offset};

/// A set of bytes as 256 bits: the first, inline test of the word filters
/// (a word's 8-bit signature, a hash of the bytes after a word), one load
/// and a shift, before any string is compared or hashed.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// The empty set.
    pub(crate) const EMPTY: ByteSet = ByteSet([0; 4]);

    /// The set with `b` added (usable at compile time).
    #[must_use]
    pub(crate) const fn with(mut self, b: u8) -> ByteSet {
        self.0[(b >> 6) as usize] |= 1 << (b & 63);
        self
    }

    /// Whether `b` is in the set.
    #[inline(always)]
    pub(crate) const fn contains(&self, b: u8) -> bool {
        self.0[(b >> 6) as usize] >> (b & 63) & 1 != 0
    }
}

/// Non-comment, non-blank lines of a data file.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Cross-promotion labels ("à lire aussi", "lire également"…).
pub(crate) struct PromoLabels {
    automaton: AhoCorasick,
    strength: Vec<Strength>,
    /// The folded first letters of all labels, to turn most lines away
    /// before folding them.
    first_letters: Vec<char>,
    /// The length of the longest label, in bytes.
    longest: usize,
}

/// How much a promotion label needs around it to count; see the data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Needs a separator, a bracket, a glued title or the end of the line.
    Weak,
    /// Also counts before a capitalised title after a plain space.
    Strong,
    /// Strong, and heads a block of several titles.
    Block,
}

/// A promotion label found at the start of a folded line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LabelMatch {
    /// Folded byte offset where the label ends.
    pub(crate) end: usize,
    /// What the label needs around it.
    pub(crate) strength: Strength,
}

impl PromoLabels {
    fn load() -> PromoLabels {
        let mut patterns = Vec::new();
        let mut strength = Vec::new();
        for line in entries(include_str!("promo_labels.txt")) {
            let (kind, label) = line
                .split_once(' ')
                .expect("promo_labels.txt: each entry is `strong|block|weak LABEL`");
            strength.push(match kind {
                "strong" => Strength::Strong,
                "weak" => Strength::Weak,
                "block" => Strength::Block,
                other => panic!("promo_labels.txt: unknown strength {other:?}"),
            });
            patterns.push(label.trim().to_owned());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("promo labels compile");
        let mut first_letters: Vec<char> =
            patterns.iter().filter_map(|p| p.chars().next()).collect();
        first_letters.sort_unstable();
        first_letters.dedup();
        let longest = patterns.iter().map(String::len).max().unwrap_or_default();
        PromoLabels {
            automaton,
            strength,
            first_letters,
            longest,
        }
    }

    /// Whether some label may start with `c` (any case, any accent).
    pub(crate) fn may_start_with(&self, c: char) -> bool {
        if c.is_ascii() {
            // Folding ASCII is lowercasing it: no string to build.
            return self
                .first_letters
                .binary_search(&c.to_ascii_lowercase())
                .is_ok();
        }
        let folded = fold_str(c.encode_utf8(&mut [0; 4]));
        folded
            .chars()
            .next()
            .is_some_and(|f| self.first_letters.binary_search(&f).is_ok())
    }

    /// How many folded bytes decide which label a line starts with: those of
    /// the longest label.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The longest label starting exactly at folded offset `at`, if it ends at
    /// a word boundary or is glued to an upper-case title (checked by the
    /// caller, which sees the source case).
    pub(crate) fn at(&self, folded: &str, at: usize) -> Option<LabelMatch> {
        let input = Input::new(folded).range(at..).anchored(Anchored::Yes);
        let m = self.automaton.find(input)?;
        Some(LabelMatch {
            end: m.end(),
            strength: self.strength[m.pattern().as_usize()],
        })
    }
}

/// The promotion labels, compiled on first use.
pub(crate) static PROMO_LABELS: LazyLock<PromoLabels> = LazyLock::new(PromoLabels::load);

/// Takeaway labels ("ce qu'il faut retenir"…), folded.
pub(crate) static TAKEAWAY_LABELS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("takeaway_labels.txt")).collect());

/// Rubric kickers ("tribune", "economie"…), folded.
pub(crate) static RUBRICS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("rubrics.txt")).collect());

/// How a boilerplate phrase must sit in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Line,
    Prefix,
    Contains,
}

/// Boilerplate phrases ("partager sur facebook", "publicité"…).
pub(crate) struct BoilerplatePhrases {
    automaton: AhoCorasick,
    /// Kind and mode of each phrase, in file order (the order is the
    /// priority).
    rules: Vec<(BoilerplateKind, Mode)>,
}

impl BoilerplatePhrases {
    fn load() -> BoilerplatePhrases {
        let mut patterns = Vec::new();
        let mut rules = Vec::new();
        for line in entries(include_str!("boilerplate.txt")) {
            let mut parts = line.splitn(3, ' ');
            let (Some(kind), Some(mode), Some(phrase)) = (parts.next(), parts.next(), parts.next())
            else {
                panic!("boilerplate.txt: bad entry {line:?}");
            };
            let kind = BoilerplateKind::from_name(kind)
                .unwrap_or_else(|| panic!("boilerplate.txt: unknown kind {kind:?}"));
            let mode = match mode {
                "line" => Mode::Line,
                "prefix" => Mode::Prefix,
                "contains" => Mode::Contains,
                other => panic!("boilerplate.txt: unknown mode {other:?}"),
            };
            let phrase = phrase.trim();
            rules.push((kind, mode));
            patterns.push(phrase.to_owned());
        }
        // A DFA: every short line is searched, and a few hundred phrases make
        // a small one.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("boilerplate phrases compile");
        BoilerplatePhrases { automaton, rules }
    }

    /// The kind of the phrase that `folded` (a folded, trimmed line with
    /// trailing punctuation removed) satisfies; when several do, the one
    /// listed first in the data file wins ("Abonnez-vous à notre newsletter"
    /// is a newsletter call, not a paywall).
    pub(crate) fn classify(&self, folded: &str) -> Option<BoilerplateKind> {
        let mut best: Option<(BoilerplateKind, usize)> = None;
        for m in self.automaton.find_overlapping_iter(folded) {
            let rank = m.pattern().as_usize();
            let (kind, mode) = self.rules[rank];
            let ok = match mode {
                Mode::Line => m.start() == 0 && m.end() == folded.len(),
                Mode::Prefix => m.start() == 0 && at_word_boundary(folded, m.end()),
                Mode::Contains => {
                    at_word_boundary(folded, m.start()) && at_word_boundary(folded, m.end())
                }
            };
            if ok && best.is_none_or(|(_, r)| rank < r) {
                best = Some((kind, rank));
            }
        }
        best.map(|(k, _)| k)
    }
}

/// Whether offset `at` of `s` is not inside a word.
pub(crate) fn at_word_boundary(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// What a class or id name says about an HTML element; see
/// `html_hints.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hint {
    /// The article body.
    Content,
    /// The standfirst.
    Lead,
    /// A container of boilerplate of this kind.
    Boilerplate(BoilerplateKind),
}

/// Class and id hints, compiled into one automaton.
pub(crate) struct HtmlHints {
    automaton: AhoCorasick,
    hints: Vec<Hint>,
    /// Folded labels of site-wide link lists.
    sitewide: HashSet<String>,
}

impl HtmlHints {
    fn load() -> HtmlHints {
        let mut patterns = Vec::new();
        let mut hints = Vec::new();
        let mut sitewide = HashSet::new();
        for line in entries(include_str!("html_hints.txt")) {
            let (role, pattern) = line
                .split_once(' ')
                .unwrap_or_else(|| panic!("html_hints.txt: bad entry {line:?}"));
            if role == "sitewide" {
                sitewide.insert(pattern.trim().to_owned());
                continue;
            }
            let hint = match role {
                "content" => Hint::Content,
                "lead" => Hint::Lead,
                kind => Hint::Boilerplate(
                    BoilerplateKind::from_name(kind)
                        .unwrap_or_else(|| panic!("html_hints.txt: unknown role {kind:?}")),
                ),
            };
            patterns.push(pattern.trim().to_lowercase());
            hints.push(hint);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("html hints compile");
        HtmlHints {
            automaton,
            hints,
            sitewide,
        }
    }

    /// Whether a label heads a list of the whole site's articles.
    pub(crate) fn is_sitewide_label(&self, label: &str) -> bool {
        self.sitewide
            .contains(fold_str(label).trim_end_matches([':', ' ', '.']))
    }

    /// The hint of the first listed pattern found, between word boundaries,
    /// in one of `names` (class tokens and the id).
    #[cfg(test)]
    pub(crate) fn find<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<Hint> {
        self.find_ranked(names).map(|(_, hint)| hint)
    }

    /// As [`HtmlHints::find`], with the rank (file order) of the hint, so
    /// that results for several attributes can be combined.
    pub(crate) fn find_ranked<'a>(
        &self,
        names: impl Iterator<Item = &'a str>,
    ) -> Option<(usize, Hint)> {
        let mut best: Option<usize> = None;
        for name in names {
            let bytes = name.as_bytes();
            for m in self.automaton.find_overlapping_iter(name) {
                let boundary = |at: Option<&u8>| at.is_none_or(|b| !b.is_ascii_alphabetic());
                let before = m.start().checked_sub(1).and_then(|k| bytes.get(k));
                if boundary(before) && boundary(bytes.get(m.end())) {
                    let rank = m.pattern().as_usize();
                    best = Some(best.map_or(rank, |b| b.min(rank)));
                }
            }
        }
        best.map(|rank| (rank, self.hints[rank]))
    }
}

/// The HTML class and id hints, compiled on first use.
pub(crate) static HTML_HINTS: LazyLock<HtmlHints> = LazyLock::new(HtmlHints::load);

/// The boilerplate phrases, compiled on first use.
pub(crate) static BOILERPLATE_PHRASES: LazyLock<BoilerplatePhrases> =
    LazyLock::new(BoilerplatePhrases::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        assert!(PROMO_LABELS.at("lire aussi : x", 0).is_some());
        assert!(TAKEAWAY_LABELS.contains("ce qu'il faut retenir"));
        assert_eq!(
            BOILERPLATE_PHRASES.classify("partager sur facebook"),
            Some(BoilerplateKind::Share)
        );
    }

    #[test]
    fn html_hints_need_word_boundaries() {
        let h = &*HTML_HINTS;
        assert_eq!(
            h.find(["post-share-bar"].into_iter()),
            Some(Hint::Boilerplate(BoilerplateKind::Share))
        );
        assert_eq!(h.find(["shareholders"].into_iter()), None);
        assert_eq!(
            h.find(["entry-content", "clearfix"].into_iter()),
            Some(Hint::Content)
        );
        assert_eq!(h.find(["Chapo"].into_iter()), Some(Hint::Lead));
        assert_eq!(h.find(["upload"].into_iter()), None);
    }

    #[test]
    fn longest_label_wins() {
        let m = PROMO_LABELS.at("a lire aussi : le budget", 0).unwrap();
        assert_eq!(m.end, "a lire aussi".len());
        assert_eq!(m.strength, Strength::Strong);
    }

    #[test]
    fn phrases_respect_their_mode() {
        let p = &*BOILERPLATE_PHRASES;
        assert_eq!(
            p.classify("publicite"),
            Some(BoilerplateKind::Advertisement)
        );
        assert_eq!(p.classify("la publicite en ligne recule"), None);
        assert_eq!(
            p.classify("inscrivez-vous a notre newsletter quotidienne"),
            Some(BoilerplateKind::Newsletter)
        );
    }
}
