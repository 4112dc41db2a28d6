//! Intertitles: which lines head a section.
//!
//! A line is an intertitle when it has the shape of one (see `shape`) and
//! sits where one sits: after the end of a sentence (or the top of the
//! article), before body text that starts a sentence — not before verse, a
//! quoted post or a separator. Markup (`#`, underlines, wire dashes) decides
//! by itself; a numbered series is followed through.

use super::{Role, Structurer};
use crate::block::{Block, BlockKind, Marker};
use crate::{BoilerplateKind, shape};

/// A numbered intertitle ending like a sentence is still short.
const MAX_NUMBERED_HEADING_WORDS: usize = 16;
/// A question of this many words after a short line is body text.
const MIN_QUESTION_WORDS: usize = 6;
/// How many lines to look at to tell verse from prose, and how long a verse
/// line may be.
const VERSE_LOOKAHEAD: usize = 3;
const MAX_VERSE_CHARS: usize = 80;

impl Structurer<'_> {
    /// Pass 8: intertitles.
    pub(super) fn headings(&mut self) {
        let max = self.options.max_heading_chars;
        // In a document declared Markdown (`Markdown::Always`, a `.md`
        // file), headings are markup: `#` lines, underlined lines, or lines
        // all in bold; a short plain line is a paragraph, as CommonMark
        // reads it. (Text that merely looks like Markdown keeps the
        // heuristics: scraped text mixes both.)
        let declared = self.options.markdown == crate::Markdown::Always;
        for i in 0..self.blocks.len() {
            if !self.is_content(i) {
                continue;
            }
            let b = &self.blocks[i];
            let is_heading = match b.kind {
                // Marked up as a heading, unless it is a sentence (scrapers
                // style some leads as subtitles).
                BlockKind::Heading { .. } => {
                    !(b.text.ends_with('.') && b.text.chars().count() > max)
                }
                BlockKind::Text => {
                    (!declared || self.all_bold(i))
                        && shape::heading_shaped(&b.text, max)
                        && self.in_heading_context(i)
                }
                BlockKind::Item {
                    marker: Marker::Number,
                } => {
                    // "1. D’où vient le déficit ?" followed by prose, outside
                    // any numbered list, is a numbered intertitle.
                    let lone = !self.neighbour_is_numbered(i);
                    let whole = self.whole_line(i);
                    let ok =
                        lone && shape::heading_shaped(&whole, max) && self.in_heading_context(i);
                    if ok {
                        self.blocks[i].text = whole;
                    }
                    ok
                }
                _ => false,
            };
            if is_heading {
                self.roles[i] = Role::Heading;
            }
        }
        self.numbered_headings();
    }

    /// "1 D’où vient le mal ?", "2 Pourquoi … ?": a line that carries the
    /// next number of a series of numbered intertitles is the next one,
    /// whatever its final punctuation.
    fn numbered_headings(&mut self) {
        let mut expected: Option<(u32, String)> = None;
        for i in 0..self.blocks.len() {
            let Some((n, marker)) = heading_number(&self.blocks[i].text) else {
                continue;
            };
            if self.roles[i] == Role::Heading {
                expected = Some((n + 1, marker));
            } else if self.is_content(i)
                && self.blocks[i].kind == BlockKind::Text
                && self.blocks[i].text.chars().count()
                    <= self.options.max_heading_chars.saturating_mul(2)
                && !self.blocks[i].text.contains(", ")
                && self.blocks[i].text.split_whitespace().count() <= MAX_NUMBERED_HEADING_WORDS
                && expected.as_ref() == Some(&(n, marker.clone()))
            {
                self.roles[i] = Role::Heading;
                expected = Some((n + 1, marker));
            }
        }
    }

    fn neighbour_is_numbered(&self, i: usize) -> bool {
        let numbered = |k: usize| {
            self.blocks[k].kind
                == BlockKind::Item {
                    marker: Marker::Number,
                }
                && self.is_content(k)
        };
        (i > 0 && numbered(i - 1)) || (i + 1 < self.blocks.len() && numbered(i + 1))
    }

    /// Whether block `i` sits where an intertitle sits: after the end of a
    /// sentence (or the top of the article), before body text.
    fn in_heading_context(&self, i: usize) -> bool {
        let max = self.options.max_heading_chars;
        let prev = (0..i).rev().find(|&k| {
            matches!(
                self.roles[k],
                Role::Content
                    | Role::Paragraph
                    | Role::Heading
                    | Role::Headline
                    | Role::Standfirst
                    | Role::Takeaway
                    | Role::TakeawaysLabel
            )
        });
        // A post quoted with its attribution line is closed by that line.
        let closed = prev.is_some_and(|k| {
            (k + 1..i).any(|j| matches!(self.roles[j], Role::Boilerplate(BoilerplateKind::Embed)))
        });
        if let Some(k) = prev.filter(|_| !closed) {
            let p = &self.blocks[k];
            let runs_on = matches!(self.roles[k], Role::Content | Role::Paragraph)
                && !matches!(p.kind, BlockKind::Item { .. } | BlockKind::Heading { .. })
                && !shape::ends_sentence(&p.text);
            // Two intertitles in a row are a heading and its first line of
            // body text, unless markup says otherwise.
            let under_heading = self.roles[k] == Role::Heading && p.kind == BlockKind::Text;
            if runs_on || under_heading {
                return false;
            }
        }
        // An intertitle introduces text, not a separator.
        if self.roles.get(i + 1) == Some(&Role::Boilerplate(BoilerplateKind::Separator)) {
            return false;
        }
        // The next block, over ads and credits but not over an embed.
        let mut next = None;
        for k in i + 1..self.blocks.len() {
            match &self.roles[k] {
                Role::Boilerplate(BoilerplateKind::Embed) => return false,
                r if r.out_of_body() => continue,
                _ => {
                    next = Some(k);
                    break;
                }
            }
        }
        let Some(n) = next else {
            return false;
        };
        if !matches!(
            self.roles[n],
            Role::Content | Role::Paragraph | Role::TakeawaysLabel
        ) {
            return false;
        }
        let nb = &self.blocks[n];
        if self.is_item(n) || self.roles[n] == Role::TakeawaysLabel {
            return true;
        }
        // Body text introduced by the heading — and not a quoted post whose
        // attribution line follows it.
        let embed_follows = self
            .roles
            .get(n + 1)
            .is_some_and(|r| *r == Role::Boilerplate(BoilerplateKind::Embed))
            && self.blocks.get(n + 1).is_some_and(|b| !b.blank_before);
        // A short line under another short line is a verse or a slogan,
        // unless it is a full question ("Mais que trouve-t-on au bout ?").
        let question =
            nb.text.ends_with('?') && nb.text.split_whitespace().count() >= MIN_QUESTION_WORDS;
        let next_is_short_line = nb.kind == BlockKind::Text
            && shape::heading_shaped(&nb.text, max)
            && !nb.text.ends_with(['.', '…'])
            && !question;
        shape::starts_sentence(&nb.text)
            && (shape::prose(&nb.text, max) || nb.text.ends_with(':'))
            && !embed_follows
            && !next_is_short_line
            && !self.verse_follows(n)
    }

    /// Whether the blocks from `n` on read as verse: of the next few lines,
    /// all short, most ending with a comma, a semicolon or nothing. A title
    /// over a quoted poem is part of the quotation, not an intertitle.
    fn verse_follows(&self, n: usize) -> bool {
        let lines: Vec<&Block> = (n..self.blocks.len())
            .filter(|&k| !self.roles[k].out_of_body())
            .take(VERSE_LOOKAHEAD)
            .map(|k| &self.blocks[k])
            .take_while(|b| b.kind == BlockKind::Text)
            .collect();
        let short = lines
            .iter()
            .all(|b| b.text.chars().count() <= MAX_VERSE_CHARS);
        let open_ended = lines
            .iter()
            .filter(|b| b.text.ends_with([',', ';']) || b.text.ends_with(char::is_alphabetic))
            .count();
        lines.len() == VERSE_LOOKAHEAD && short && open_ended >= 2
    }
}

/// The number and the mark after it ("1", "1.", "1/", "1)") opening a
/// numbered intertitle, when the text starts with one and a capital.
fn heading_number(text: &str) -> Option<(u32, String)> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = regex!(r"^(\d{1,2})([./)]?)\s+[«\p{Lu}]").captures(text)?;
    Some((c[1].parse().ok()?, c[2].to_owned()))
}
