//! Splitting input into lines with their byte spans.

use crate::Span;

/// One input line without its terminator.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Span,
}

/// Splits `input` on `\n`, `\r\n` and lone `\r` (old Mac files and some
/// scrapers), keeping every line's span. A byte order mark at the very start
/// is left out of the first line's span.
pub(crate) fn split(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = if input.starts_with('\u{FEFF}') { 3 } else { 0 };
    while start <= bytes.len() {
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let end = start + i;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                (end, next)
            }
            None => (bytes.len(), bytes.len() + 1),
        };
        out.push(Line {
            text: &input[start..end],
            span: Span::new(start, end),
        });
        start = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<&str> {
        split(input).iter().map(|l| l.text).collect()
    }

    #[test]
    fn all_line_endings() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\n"), ["a", ""]);
    }

    #[test]
    fn spans_index_the_input() {
        let input = "\u{FEFF}Titre\r\nCorps";
        for line in split(input) {
            assert_eq!(&input[line.span.range()], line.text);
        }
        assert_eq!(split(input)[0].text, "Titre");
    }
}
