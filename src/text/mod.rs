//! The plain-text front end: lines → [`Block`]s.
//!
//! Scrapers save an article as one paragraph per line (with or without blank
//! lines between), or as Markdown. This stage reads the layout only: it finds
//! the lines, their bullets, explicit headings (`#`, underlines, the wire
//! agencies' "- Titre -"), quotations, separators and front matter, strips
//! inline markup and normalises the text. Deciding what a line *is* in the
//! article (headline, heading, promotion…) is left to `structure`.

mod lines;
mod markdown;

use std::sync::LazyLock;

use regex::Regex;

use crate::block::{Block, BlockKind, Document, Marker};
use crate::normalize::{is_blank, normalize};
use crate::{BoilerplateKind, Span};
use lines::Line;

/// A numbered list marker, "1." or "1)" followed by white space, with any
/// decimal digits: [`item`] reads list markers by hand, and leaves to this
/// pattern the numbers written with digits other than ASCII ones ("٣)"),
/// which `\d` takes.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\d{1,2}[.)][ \t\u{A0}]+").expect("valid regex"));
/// Wire-style intertitles: "- Missiles -", "– Un précédent –".
static DASH_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*[-–—][ \t\u{A0}]+([^-–—].*?)[ \t\u{A0}]+[-–—][ \t]*$").expect("valid regex")
});
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:[*_\-=~•·#+][ \t]*){3,}$").expect("valid regex"));
static ATX_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$").expect("valid regex")
});
static SETEXT_UNDERLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:=+|-+)[ \t]*$").expect("valid regex"));
static IMAGE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?[ \t]*)+$").expect("valid regex")
});
static LEADING_IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*!\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?[ \t]*(\S.*)$").expect("valid regex")
});
static BULLET_IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*!\[(?i:[-*•·]|puce|bullet)\]\([^)]*\)(?:\{[^}]*\})?[ \t]*(\S.*)$")
        .expect("valid regex")
});
static QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]{0,3}>[ \t]?(.*)$").expect("valid regex"));
static INDENTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?: {2,}|\t)[ \t]*\S").expect("valid regex"));

/// The bullets scrapers keep before list items, dashes apart.
const BULLETS: [char; 21] = [
    '-', '*', '+', '•', '·', '▪', '▫', '►', '▸', '▹', '◦', '‣', '■', '□', '●', '○', '➤', '➢', '→',
    '✓', '✔',
];

// Cheap tests of how a line starts, each a necessary condition for one of
// the patterns above: most lines are prose and fail them at the first
// character, sparing a regex search (a capturing one runs over the whole
// line twice).

/// A list item's marker and text: a bullet ([`BULLETS`]), a dash ("–",
/// "—") or a number of one or two digits with "." or ")", white space, then
/// text that starts with a visible character. Read by hand: every line that
/// does not start with a letter is asked.
fn item(line: &str) -> Option<(Marker, &str)> {
    let t = line.trim_start_matches([' ', '\t']);
    let mut chars = t.chars();
    let first = chars.next()?;
    let (marker, after) = if BULLETS.contains(&first) {
        (Marker::Bullet, chars.as_str())
    } else if matches!(first, '–' | '—') {
        (Marker::Dash, chars.as_str())
    } else if first.is_ascii_digit() {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        match t[digits..].chars().next() {
            Some('.' | ')') if digits <= 2 => (Marker::Number, &t[digits + 1..]),
            Some(c) if !c.is_ascii() => return item_by_pattern(line),
            _ => return None,
        }
    } else if !first.is_ascii() && first.is_numeric() {
        return item_by_pattern(line);
    } else {
        return None;
    };
    let text = after.trim_start_matches([' ', '\t', '\u{A0}']);
    // At least one space after the marker, and something visible after all
    // of them.
    (text.len() < after.len() && text.starts_with(|ch: char| !ch.is_whitespace()))
        .then_some((marker, text))
}

/// [`item`] for a number written with other digits than ASCII ones.
fn item_by_pattern(line: &str) -> Option<(Marker, &str)> {
    let m = NUMBERED.find(line)?;
    // The marker's white space is matched greedily, so the text starts
    // after all of it, and must start with something else.
    let text = &line[m.end()..];
    if !text.starts_with(|ch: char| !ch.is_whitespace()) {
        return None;
    }
    Some((Marker::Number, text))
}

/// Whether `DASH_HEADING` may match: a dash and a space first, a dash last.
fn may_be_dash_heading(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .strip_prefix(['-', '–', '—'])
        .is_some_and(|rest| rest.starts_with([' ', '\t', '\u{A0}']))
        && line
            .trim_end_matches([' ', '\t'])
            .ends_with(['-', '–', '—'])
}

/// Whether `SEPARATOR` may match: one of its marks first.
fn may_be_separator(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .starts_with(['*', '_', '-', '=', '~', '•', '·', '#', '+'])
}

/// Whether `INDENTED` may match: two spaces or a tab first.
fn may_be_indented(line: &str) -> bool {
    line.starts_with("  ") || line.starts_with('\t')
}

/// Wire intertitles ("- Missiles -") are a few words long.
const MAX_DASH_HEADING_CHARS: usize = 80;

/// Line lengths (in characters) at which tools wrap Markdown text.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 50..=100;

/// Whether a text holds punctuation and nothing else: a lone "-", "…", ":".
/// (Lines of three or more such marks are separators.)
fn punctuation_only(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_punctuation()
            || c.is_whitespace()
            || matches!(c, '–' | '—' | '…' | '•' | '·' | '«' | '»')
    })
}

/// A short text right after an image, on its line, is its caption.
const MAX_INLINE_CAPTION_CHARS: usize = 120;

/// Reads `input` (already validated) into blocks.
pub(crate) fn read(input: &str, mode: crate::Markdown) -> Document {
    let lines = lines::split(input);
    let markdown = match mode {
        crate::Markdown::Auto => markdown::looks_like_markdown(&lines),
        crate::Markdown::Always => true,
        crate::Markdown::Never => false,
    };
    let mut reader = Reader {
        doc: Document::default(),
        markdown,
        blank_before: true,
        joinable: false,
        previous_line: (None, 0),
        last_stands_alone: false,
    };
    reader.doc.metadata.markdown = markdown;
    let mut i = 0;
    if markdown {
        if let Some(std::ops::Range { start: first, end }) = markdown::front_matter(&lines) {
            reader.doc.title =
                markdown::read_front_matter(&lines[first + 1..end], &mut reader.doc.metadata);
            let span = lines[first].span.to(lines[end].span);
            reader.push(Block {
                text: normalize(&input[span.range()]),
                span,
                kind: BlockKind::Boilerplate(BoilerplateKind::FrontMatter),
                blank_before: true,
            });
            reader.joinable = false;
            i = end + 1;
        }
    }
    // Plain text: a run of two or more indented lines is a list without
    // markers; a lone indented line is a quotation.
    let indented = |l: &Line<'_>| {
        !markdown && may_be_indented(l.text) && INDENTED.is_match(l.text) && item(l.text).is_none()
    };
    let mut indented_run = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        if indented(&line) {
            indented_run.clear();
            while i < lines.len() && indented(&lines[i]) {
                indented_run.push(lines[i]);
                i += 1;
            }
            let kind = if indented_run.len() >= 2 {
                BlockKind::Item {
                    marker: Marker::Indent,
                }
            } else {
                BlockKind::Quote
            };
            for l in &indented_run {
                reader.push_simple(l.text, l.span, kind);
            }
            continue;
        }
        reader.line(line);
        i += 1;
    }
    reader.doc
}

struct Reader {
    doc: Document,
    markdown: bool,
    blank_before: bool,
    /// Whether the next Markdown text line continues the last block.
    joinable: bool,
    /// The last character of the previous line (a backslash is a Markdown
    /// hard break) and its length in characters.
    previous_line: (Option<char>, usize),
    /// Whether the last text block stands alone (see
    /// `structure::stands_alone`), so that nothing joins it.
    last_stands_alone: bool,
}

impl Reader {
    fn push(&mut self, block: Block) {
        self.doc.blocks.push(block);
        self.blank_before = false;
    }

    fn clean(&self, raw: &str) -> String {
        clean(raw, self.markdown)
    }

    fn push_simple(&mut self, raw: &str, span: Span, kind: BlockKind) {
        let mut text = self.clean(raw);
        if text.is_empty()
            || (!matches!(kind, BlockKind::Boilerplate(_)) && punctuation_only(&text))
        {
            // Markup and nothing else ("[](/lien)", "\\", a lone "-"): keep
            // the raw text.
            text = normalize(raw);
            if !matches!(kind, BlockKind::Boilerplate(_)) {
                return self.push_simple(
                    raw,
                    span,
                    BlockKind::Boilerplate(BoilerplateKind::Markup),
                );
            }
        }
        let blank_before = self.blank_before;
        self.push(Block {
            text,
            span,
            kind,
            blank_before,
        });
    }

    fn line(&mut self, line: Line<'_>) {
        let t = line.text;
        // (Only Markdown reads it: plain text skips counting the chars.)
        let this_line = if self.markdown {
            (t.trim_end().chars().next_back(), t.chars().count())
        } else {
            (None, 0)
        };
        let previous_line = std::mem::replace(&mut self.previous_line, this_line);
        if is_blank(t) {
            self.blank_before = true;
            self.joinable = false;
            return;
        }
        let md = self.markdown;
        let joinable = std::mem::replace(&mut self.joinable, false);

        if md && joinable && SETEXT_UNDERLINE.is_match(t) {
            if let Some(last) = self.doc.blocks.last_mut() {
                // An underlined line, also inside a list item (tables of
                // contents written as lists of headings).
                if matches!(last.kind, BlockKind::Text | BlockKind::Item { .. }) {
                    let level = if t.trim().starts_with('=') { 1 } else { 2 };
                    last.kind = BlockKind::Heading { level };
                    last.span = last.span.to(line.span);
                    return;
                }
            }
        }
        if may_be_separator(t) && SEPARATOR.is_match(t) && !(md && ATX_HEADING.is_match(t)) {
            self.push_simple(
                t,
                line.span,
                BlockKind::Boilerplate(BoilerplateKind::Separator),
            );
            return;
        }
        if md {
            // The Markdown patterns below each need a mark first, after the
            // indentation: a cheap test spares the regex searches on prose.
            let opening = t.trim_start_matches([' ', '\t']);
            let image = opening.starts_with("![");
            let atx = opening
                .starts_with('#')
                .then(|| ATX_HEADING.captures(t))
                .flatten();
            if let Some(c) = atx {
                let level = c[1].len() as u8;
                self.push_simple(&c[2], line.span, BlockKind::Heading { level });
                return;
            }
            if image && IMAGE_ONLY.is_match(t) {
                self.push_simple(t, line.span, BlockKind::Boilerplate(BoilerplateKind::Image));
                return;
            }
            if let Some(c) = image.then(|| BULLET_IMAGE.captures(t)).flatten() {
                // A bullet drawn as an image: `![-](puce.gif) Texte`.
                self.push_simple(
                    &c[1],
                    line.span,
                    BlockKind::Item {
                        marker: Marker::Bullet,
                    },
                );
                return;
            }
            if let Some(c) = image.then(|| LEADING_IMAGE.captures(t)).flatten() {
                // "![Légende](photo.jpg) Légende. — Crédit" or "![](carte.png)
                // Carte du réseau": a caption line. A long text after an
                // image is a paragraph that happens to start with one.
                let alt = normalize(&c[1]);
                let rest = self.clean(&c[2]);
                let repeats_alt = !alt.is_empty() && rest.starts_with(alt.as_str());
                if repeats_alt || rest.chars().count() <= MAX_INLINE_CAPTION_CHARS {
                    self.push(Block {
                        text: rest,
                        span: line.span,
                        kind: BlockKind::Boilerplate(BoilerplateKind::Caption),
                        blank_before: self.blank_before,
                    });
                    return;
                }
            }
            let quote = opening
                .starts_with('>')
                .then(|| QUOTE.captures(t))
                .flatten();
            if let Some(c) = quote {
                let inner = c.get(1).map_or("", |m| m.as_str());
                let last_is_quote = self
                    .doc
                    .blocks
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::Quote);
                if is_blank(inner) || (joinable && last_is_quote) {
                    if let Some(last) = self
                        .doc
                        .blocks
                        .last_mut()
                        .filter(|_| last_is_quote && joinable)
                    {
                        // A ">" line inside a quotation: part of the quotation.
                        last.span = last.span.to(line.span);
                        if !is_blank(inner) {
                            let more = clean(inner, true);
                            if !more.is_empty() {
                                last.text.push(' ');
                                last.text.push_str(&more);
                            }
                            self.joinable = true;
                        }
                        // An empty ">" line ends the paragraph of the quote.
                        return;
                    }
                }
                self.push_simple(inner, line.span, BlockKind::Quote);
                self.joinable = true;
                return;
            }
        }
        let lead = t
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .unwrap_or(' ');
        let may_be_marked = !lead.is_alphabetic() && lead != '«' && lead != '"';
        let dash_heading = if may_be_marked && may_be_dash_heading(t) {
            DASH_HEADING.captures(t)
        } else {
            None
        };
        if let Some(c) = dash_heading {
            let inner = c[1].trim_end();
            if !inner.ends_with(['.', ',', ';', ':'])
                && inner.chars().count() <= MAX_DASH_HEADING_CHARS
            {
                self.push_simple(inner, line.span, BlockKind::Heading { level: 2 });
                return;
            }
        }
        if let Some((marker, text)) = may_be_marked.then(|| item(t)).flatten() {
            self.push_simple(text, line.span, BlockKind::Item { marker });
            self.joinable = md;
            return;
        }
        if md && joinable {
            // Markdown: consecutive lines form one paragraph when the text
            // was wrapped (the line before stops mid-sentence or has a wrap
            // width, or this one goes on in lower case) or broken with a
            // trailing backslash. Short lines that each end a sentence are
            // paragraphs written without blank lines between them.
            let (previous_end, previous_chars) = previous_line;
            let hard_break = previous_end == Some('\\');
            // A byline, a date, a promotion on its own line is never the
            // continuation of a paragraph, nor continued by the next line.
            let own_line = crate::structure::stands_alone(&clean(t, true));
            let after_own_line = self.last_stands_alone;
            if let Some(last) = self
                .doc
                .blocks
                .last_mut()
                .filter(|_| !own_line && !after_own_line)
            {
                let wrapped = hard_break
                    || !crate::shape::prose(&last.text, usize::MAX)
                    || WRAP_WIDTHS.contains(&previous_chars)
                    || t.trim_start().starts_with(char::is_lowercase);
                // A line of markup only (a lone "\\") adds nothing to the
                // paragraph: it is markup of its own.
                let more = clean(t, true);
                if wrapped
                    && !more.is_empty()
                    && matches!(
                        last.kind,
                        BlockKind::Text | BlockKind::Item { .. } | BlockKind::Quote
                    )
                {
                    if !last.text.is_empty() {
                        last.text.push(' ');
                    }
                    last.text.push_str(&more);
                    last.span = last.span.to(line.span);
                    self.joinable = true;
                    return;
                }
            }
        }
        self.push_simple(t, line.span, BlockKind::Text);
        self.joinable = md;
        if md {
            self.last_stands_alone = self
                .doc
                .blocks
                .last()
                .is_some_and(|b| crate::structure::stands_alone(&b.text));
        }
    }
}

/// Normalised text of a raw line: inline Markdown stripped (in Markdown
/// documents), HTML entities decoded, white space normalised.
pub(crate) fn clean(raw: &str, markdown: bool) -> String {
    let stripped = if markdown {
        markdown::strip_inline(raw)
    } else {
        raw.into()
    };
    normalize(&markdown::decode_entities(&stripped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The cheap tests never turn away a line that the pattern they
        /// stand before matches.
        #[test]
        fn cheap_tests_are_necessary(
            line in "[ \t]{0,3}[-*+•·–—=~_#120٣.)>!\\[\\]\u{A0} ]{0,3}(\\PC|[ \t\u{A0}]){0,6}[-–— \t]{0,3}"
        ) {
            // The whole pattern, as it was before the item's text was cut by
            // hand.
            let whole = regex!(r"^[ \t]*(?:([-*+•·▪▫►▸▹◦‣■□●○➤➢→✓✔])|([–—])|(\d{1,2})[.)])[ \t\u{A0}]+(\S.*)$");
            let by_hand = item(&line).map(|(marker, text)| (marker, text.to_owned()));
            let by_regex = whole.captures(&line).map(|c| {
                let marker = if c.get(1).is_some() {
                    Marker::Bullet
                } else if c.get(2).is_some() {
                    Marker::Dash
                } else {
                    Marker::Number
                };
                (marker, c[4].to_owned())
            });
            prop_assert_eq!(by_hand, by_regex);
            prop_assert!(!DASH_HEADING.is_match(&line) || may_be_dash_heading(&line));
            prop_assert!(!SEPARATOR.is_match(&line) || may_be_separator(&line));
            prop_assert!(!INDENTED.is_match(&line) || may_be_indented(&line));
            let opening = line.trim_start_matches([' ', '\t']);
            prop_assert!(!ATX_HEADING.is_match(&line) || opening.starts_with('#'));
            prop_assert!(!QUOTE.is_match(&line) || opening.starts_with('>'));
            for image in [&*IMAGE_ONLY, &*BULLET_IMAGE, &*LEADING_IMAGE] {
                prop_assert!(!image.is_match(&line) || opening.starts_with("!["));
            }
        }
    }

    #[test]
    fn cheap_tests_let_marked_lines_through() {
        for line in [
            "- un point",
            "  ٣) trois",
            "12.\u{A0}douze",
            "– Missiles –",
            "* * *",
            "\tretrait",
        ] {
            assert!(
                item(line).is_some()
                    || DASH_HEADING.is_match(line) && may_be_dash_heading(line)
                    || SEPARATOR.is_match(line) && may_be_separator(line)
                    || INDENTED.is_match(line) && may_be_indented(line),
                "{line:?}"
            );
        }
    }

    fn kinds(input: &str) -> Vec<(BlockKind, String)> {
        read(input, crate::Markdown::Auto)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn plain_lines_are_blocks() {
        let k = kinds("Titre\n\nUn paragraphe.\nUn autre.\n- un point\n– deux\n1. trois\n");
        assert_eq!(k[0], (BlockKind::Text, "Titre".into()));
        assert_eq!(k[2], (BlockKind::Text, "Un autre.".into()));
        assert_eq!(
            k[3],
            (
                BlockKind::Item {
                    marker: Marker::Bullet
                },
                "un point".into()
            )
        );
        assert_eq!(
            k[4],
            (
                BlockKind::Item {
                    marker: Marker::Dash
                },
                "deux".into()
            )
        );
        assert_eq!(
            k[5],
            (
                BlockKind::Item {
                    marker: Marker::Number
                },
                "trois".into()
            )
        );
    }

    #[test]
    fn markdown_joins_wrapped_lines_only() {
        let k = kinds(
            "# Titre\nPremier paragraphe du texte.\nDeuxième paragraphe du texte.\nTroisième.\n",
        );
        assert_eq!(k.len(), 4, "{k:?}");
        let wrapped = "# Titre\n\nUne phrase assez longue qui a été coupée par l’outil à la largeur,\npuis reprise ici. Une autre phrase commence à la fin de la ligne.\nEt la dernière ligne du même paragraphe.\n";
        let k = kinds(wrapped);
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn wire_dash_headings() {
        let k = kinds("Titre\n\n- Missiles -\n\nTexte.");
        assert_eq!(k[1], (BlockKind::Heading { level: 2 }, "Missiles".into()));
    }

    #[test]
    fn indented_runs_are_lists() {
        let k = kinds("Titre\nIntro :\n    premier,\n    second.\nFin.\n  Citation seule.\n");
        assert_eq!(
            k[2].0,
            BlockKind::Item {
                marker: Marker::Indent
            }
        );
        assert_eq!(
            k[3].0,
            BlockKind::Item {
                marker: Marker::Indent
            }
        );
        assert_eq!(k[5].0, BlockKind::Quote);
    }

    #[test]
    fn markdown_front_matter_headings_and_paragraphs() {
        let doc = read(
            "---\ntitle: \"Un titre\"\nurl: https://exemple.fr/a\n---\nPremier [lien](https://x.fr)\nsuite du paragraphe.\n\nIntertitre\n----------\n\n### Autre {#autre}\n\n![](img.jpg)\n",
            crate::Markdown::Auto,
        );
        assert_eq!(doc.title.as_ref().map(|t| t.0.as_str()), Some("Un titre"));
        let input = "---\ntitle: t\n---\n\nCorps du texte.\n";
        let span = read(input, crate::Markdown::Auto).title.unwrap().1;
        assert_eq!(&input[span.range()], "t");
        assert_eq!(doc.metadata.url.as_deref(), Some("https://exemple.fr/a"));
        let k: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(k[1], (BlockKind::Text, "Premier lien suite du paragraphe."));
        assert_eq!(k[2], (BlockKind::Heading { level: 2 }, "Intertitre"));
        assert_eq!(k[3], (BlockKind::Heading { level: 3 }, "Autre"));
        assert_eq!(k[4].0, BlockKind::Boilerplate(BoilerplateKind::Image));
    }
}
