//! From offsets in a block's normalised text to byte offsets of the input.
//!
//! Block texts are normalised (no-break spaces → spaces, soft hyphens and
//! markup removed, white space collapsed, entities decoded, NFC), so an
//! offset in the text is not an offset in the input. The alignment walks
//! the text and the block's source together, matching each character to the
//! same character further on in the source (skipping what normalisation
//! removed) and each space to the next white space. It is exact when the
//! source had no markup or entities; otherwise a character that cannot be
//! found maps to an empty range where the walk stands. Spans are always in
//! bounds, on character boundaries and inside the block's span.

use crate::Span;

/// How far ahead (in bytes of source) a character is looked for.
const WINDOW: usize = 320;

/// The alignment of one block; see the module docs.
#[derive(Debug, Default)]
pub(crate) struct Align {
    /// For each byte offset of the text that starts a character: the input
    /// range of the source character it came from. Empty when the source is
    /// the text itself (offsets then shift by the span's start).
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// The block's span.
    span: Span,
    identity: bool,
}

impl Align {
    /// Aligns `text` with `input[span]`.
    pub(crate) fn new(text: &str, input: &str, span: Span) -> Align {
        let src = input.get(span.range()).unwrap_or("");
        // The text as it stands in the source, whole or after a marker
        // ("- un point", "## Titre"): offsets only shift, no map is kept
        // (a map costs eight bytes per byte of text).
        // Most blocks are their source's tail; `ends_with` settles them
        // without building a substring searcher per block.
        let found = if src.ends_with(text) {
            Some(src.len() - text.len())
        } else if src.trim_end().ends_with(text) {
            Some(src.trim_end().len() - text.len())
        } else {
            rfind(src.as_bytes(), text.as_bytes())
        };
        if let Some(at) = found.filter(|_| !text.is_empty()) {
            let start = span.start + at;
            return Align {
                starts: Vec::new(),
                ends: Vec::new(),
                span: Span::new(start, start + text.len()),
                identity: true,
            };
        }
        // HTML source: closing tags or entities (a lone "<" or "&" in plain
        // text is text).
        if regex!(r"</[A-Za-z]|&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").is_match(src) {
            return Align::through_markup(text, src, span);
        }
        Align::plain(text, src, span)
    }

    /// Aligns `text` with a plain source that normalisation changed here
    /// and there (no-break spaces, runs of white space): the walk of
    /// [`find`], with the characters that stand in the source as they
    /// stand in the text (nearly all) compared as bytes, without decoding
    /// them (about a tenth of the blocks of French text come here, for
    /// their no-break spaces, and decoding each character made the walk
    /// cost about as much as tokenising the block).
    fn plain(text: &str, src: &str, span: Span) -> Align {
        let base = span.start;
        let (tb, sb) = (text.as_bytes(), src.as_bytes());
        let mut starts = vec![0u32; tb.len() + 1];
        let mut ends = vec![0u32; tb.len() + 1];
        let mut s = 0usize;
        let mut i = 0usize;
        while let Some(&lead) = tb.get(i) {
            let k = match lead {
                0..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let same = if lead == b' ' {
                // A single space before a character that is no white
                // space: [`find`] would take that space alone.
                sb.get(s) == Some(&b' ')
                    && sb
                        .get(s + 1)
                        .is_none_or(|&n| n.is_ascii() && !char::from(n).is_whitespace())
            } else if k == 1 {
                sb.get(s) == Some(&lead)
            } else {
                // Compared inline: a `memcmp` call costs more than the
                // two or three bytes.
                sb.get(s..s + k)
                    .is_some_and(|x| x.iter().zip(&tb[i..i + k]).all(|(a, b)| a == b))
            };
            let (a, b) = if same {
                s += k;
                (s - k, s)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                match find(src, s, c) {
                    Some((a, b)) => {
                        s = b;
                        (a, b)
                    }
                    None => (s, s),
                }
            };
            starts[i] = (base + a) as u32;
            ends[i] = (base + b) as u32;
            i += k;
        }
        Align::mapped(starts, ends, span, base + s)
    }

    /// The alignment of the maps `starts` and `ends` (one entry per byte of
    /// the text and one past its end, which is set here to `end`, where
    /// the walk stopped).
    fn mapped(mut starts: Vec<u32>, mut ends: Vec<u32>, span: Span, end: usize) -> Align {
        if let (Some(s), Some(e)) = (starts.last_mut(), ends.last_mut()) {
            *s = end as u32;
            *e = end as u32;
        }
        Align {
            starts,
            ends,
            span,
            identity: false,
        }
    }

    /// Builds the alignment from `locate`, which gives each character of
    /// the text its source range (relative to the span), if found, and the
    /// position the walk stands at.
    fn walk(
        text: &str,
        span: Span,
        mut locate: impl FnMut(char) -> (Option<(usize, usize)>, usize),
    ) -> Align {
        let base = span.start;
        let mut starts = vec![0u32; text.len() + 1];
        let mut ends = vec![0u32; text.len() + 1];
        let mut at = 0usize;
        for (i, c) in text.char_indices() {
            let (found, stands) = locate(c);
            at = stands;
            let (a, b) = found.unwrap_or((at, at));
            starts[i] = (base + a) as u32;
            ends[i] = (base + b) as u32;
        }
        Align::mapped(starts, ends, span, base + at)
    }

    /// Aligns `text` with a source holding HTML tags or entities: the walk
    /// goes over the characters a reader sees (tags and comments skipped,
    /// entities decoded, each with the source range it was written as).
    fn through_markup(text: &str, src: &str, span: Span) -> Align {
        let visible = visible_chars(src);
        let mut k = 0usize;
        let mut at = 0usize;
        Align::walk(text, span, |c| {
            let limit = visible.len().min(k + WINDOW);
            let hit = visible[k..limit].iter().position(|&(vc, _, _)| {
                if c == ' ' {
                    vc.is_whitespace()
                } else {
                    vc == c
                }
            });
            let Some(h) = hit else {
                return (None, at);
            };
            let (_, a, mut b) = visible[k + h];
            k += h + 1;
            if c == ' ' {
                // The whole run of white space.
                while k < visible.len() && visible[k].0.is_whitespace() {
                    b = visible[k].2;
                    k += 1;
                }
            }
            at = b;
            (Some((a, b)), at)
        })
    }

    /// Whether the text is its input span as it is.
    pub(crate) fn is_identity(&self) -> bool {
        self.identity
    }

    /// The input span of text range `start..end` (on char boundaries of the
    /// text).
    pub(crate) fn span(&self, text: &str, start: usize, end: usize) -> Span {
        if self.identity {
            let end = end.max(start).min(text.len());
            let start = start.min(end);
            return Span::new(self.span.start + start, self.span.start + end);
        }
        if self.starts.is_empty() || start >= end || end > text.len() {
            let at = self
                .starts
                .get(start)
                .copied()
                .unwrap_or(self.span.start as u32) as usize;
            let at = at.clamp(self.span.start, self.span.end);
            return Span::new(at, at);
        }
        let last = text[..end]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        let a = self.starts[start] as usize;
        let b = (self.ends[last] as usize).max(a);
        Span::new(
            a.clamp(self.span.start, self.span.end),
            b.clamp(self.span.start, self.span.end),
        )
    }
}

/// The characters of an HTML source a reader sees, each with the source range
/// it was written as: tags and comments skipped, entities decoded.
fn visible_chars(src: &str) -> Vec<(char, usize, usize)> {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(src.len(), |k| i + k + 3);
            continue;
        }
        // A tag opens with a letter, "/" and a letter, "!" or "?", as in
        // the HTML front end's scan.
        let tag_like = rest.starts_with('<')
            && match bytes.get(i + 1) {
                Some(b'/') => bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic() || matches!(b, b'!' | b'?'),
                None => false,
            };
        if tag_like {
            let mut quote = None;
            let mut k = i + 1;
            while k < bytes.len() {
                match (quote, bytes[k]) {
                    (Some(q), b) if b == q => quote = None,
                    (None, b'"' | b'\'') => quote = Some(bytes[k]),
                    (None, b'>') => break,
                    _ => {}
                }
                k += 1;
            }
            i = k + 1;
            continue;
        }
        if rest.starts_with('&') {
            let head = &rest.as_bytes()[..rest.len().min(12)];
            if let Some(semi) = head.iter().position(|&b| b == b';') {
                let entity = &rest[..=semi];
                let decoded = html_escape::decode_html_entities(entity);
                let mut chars = decoded.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if decoded != entity {
                        out.push((c, i, i + semi + 1));
                        i += semi + 1;
                        continue;
                    }
                }
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push((c, i, i + c.len_utf8()));
        i += c.len_utf8();
    }
    out
}

/// The last offset of `needle` in `hay`. A block's text starts at few
/// places of its source where its first byte stands, so those are tried
/// first; building a substring searcher (which costs as much as
/// tokenising the block) is left for sources with many such places,
/// where it keeps the search linear.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    /// Places tried before the searcher takes over.
    const TRIES: usize = 16;
    let &first = needle.first()?;
    let last = hay.len().checked_sub(needle.len())?;
    for (tried, at) in memchr::memrchr_iter(first, &hay[..=last]).enumerate() {
        if tried == TRIES {
            // No match starts past `at`.
            return memchr::memmem::rfind(&hay[..at + needle.len()], needle);
        }
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
    }
    None
}

/// The source range of character `c` at or after `from`.
fn find(src: &str, from: usize, c: char) -> Option<(usize, usize)> {
    let rest = src.get(from..)?;
    // Most characters stand right where the walk is.
    if c != ' ' && rest.starts_with(c) {
        return Some((from, from + c.len_utf8()));
    }
    let limit = rest.len().min(WINDOW);
    for (i, sc) in rest.char_indices() {
        if i >= limit {
            break;
        }
        let hit = if c == ' ' {
            sc.is_whitespace()
        } else {
            sc == c
        };
        if hit {
            let a = from + i;
            let mut b = a + sc.len_utf8();
            if c == ' ' {
                // The whole run of white space.
                for nc in src[b..].chars() {
                    if nc.is_whitespace() {
                        b += nc.len_utf8();
                    } else {
                        break;
                    }
                }
            }
            return Some((a, b));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_maps_exactly() {
        let input = "xx Lloyd\u{A0}Austin a dit.";
        let text = "Lloyd Austin a dit.";
        let a = Align::new(text, input, Span::new(3, input.len()));
        let s = a.span(text, 0, "Lloyd Austin".len());
        assert_eq!(&input[s.range()], "Lloyd\u{A0}Austin");
    }

    #[test]
    fn markup_is_skipped() {
        let input = "Le **ministre** [Pierre](https://x.fr) parle";
        let text = "Le ministre Pierre parle";
        let a = Align::new(text, input, Span::new(0, input.len()));
        let at = text.find("Pierre").unwrap();
        let s = a.span(text, at, at + 6);
        assert_eq!(&input[s.range()], "Pierre");
        let at = text.find("parle").unwrap();
        assert_eq!(&input[a.span(text, at, at + 5).range()], "parle");
    }

    #[test]
    fn html_tags_and_entities_are_read_through() {
        let input = "<p>Le <a href=\"/x y\">ministre</a> Caf&eacute;&nbsp;Noir parle</p>";
        let text = "Le ministre Café Noir parle";
        let a = Align::new(text, input, Span::new(3, input.len() - 4));
        let at = text.find("Café Noir").unwrap();
        let s = a.span(text, at, at + "Café Noir".len());
        assert_eq!(&input[s.range()], "Caf&eacute;&nbsp;Noir");
        let at = text.find("ministre").unwrap();
        assert_eq!(&input[a.span(text, at, at + 8).range()], "ministre");
    }

    #[test]
    fn plain_text_with_a_lone_end_tag_mark_is_text() {
        let input = "</ϒĘ ";
        let text = "</ϒĘ";
        let a = Align::new(text, input, Span::new(0, input.len()));
        let at = text.find('ϒ').unwrap();
        assert_eq!(&input[a.span(text, at, text.len()).range()], "ϒĘ");
    }

    proptest::proptest! {
        /// Two letters make many candidate places, past the searcher's
        /// threshold.
        #[test]
        fn the_last_occurrence_is_the_searchers(hay in "[ab\n]{0,80}", needle in "[ab]{0,5}") {
            proptest::prop_assert_eq!(
                rfind(hay.as_bytes(), needle.as_bytes()),
                memchr::memmem::rfind(hay.as_bytes(), needle.as_bytes()).filter(|_| !needle.is_empty())
            );
        }
    }

    /// The walk of [`find`] character by character, as [`Align::plain`]
    /// was first written.
    fn plain_by_find(text: &str, src: &str, span: Span) -> Align {
        let mut s = 0usize;
        Align::walk(text, span, |c| {
            let found = find(src, s, c);
            if let Some((_, b)) = found {
                s = b;
            }
            (found, s)
        })
    }

    proptest::proptest! {
        /// Byte comparison gives the maps of the character walk: sources
        /// and texts of spaces, no-break spaces, line breaks, tabs,
        /// accented letters and quotes, the text often a normalised copy
        /// of the source.
        #[test]
        fn plain_walk_is_the_character_walk(
            src in "[ab \u{A0}\n\t\u{B}é’«»\u{202F}]{0,40}",
            noise in "[ab é]{0,6}",
            normalised in proptest::bool::ANY,
        ) {
            let text = if normalised {
                src.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
            } else {
                noise
            };
            let span = Span::new(3, 3 + src.len());
            let input = format!("xyz{src}");
            let fast = Align::plain(&text, &input[3..], span);
            let slow = plain_by_find(&text, &input[3..], span);
            proptest::prop_assert_eq!(&fast.starts, &slow.starts);
            proptest::prop_assert_eq!(&fast.ends, &slow.ends);
        }
    }

    #[test]
    fn unmatched_characters_stay_in_bounds() {
        let input = "caf&eacute; noir";
        let text = "café noir";
        let a = Align::new(text, input, Span::new(0, input.len()));
        let s = a.span(text, 0, text.len());
        assert!(s.end <= input.len() && input.is_char_boundary(s.start));
    }
}
