//! Markdown-flavoured scraper output.
//!
//! Readability-style scrapers often save articles as Pandoc Markdown: YAML
//! front matter, `#`/`###` or underlined headings, `[text](url)` links,
//! `**bold**`, backslash escapes, `{#id .class}` attributes, `--`/`---` for
//! dashes. This module decides whether a document is written that way and
//! strips the inline markup so that only the reader's text is left.

use super::lines::Line;
use crate::{Metadata, Span};
use std::borrow::Cow;

/// Whether the document reads as Markdown: front matter, an ATX (`#`) or
/// `===`-underlined heading, at least two kinds of Markdown syntax, or three
/// Markdown constructs of any kind.
pub(crate) fn looks_like_markdown(lines: &[Line<'_>]) -> bool {
    if front_matter(lines).is_some() {
        return true;
    }
    let mut kinds = [0usize; 5];
    let mut previous_text = false;
    for line in lines {
        let t = line.text;
        // Each pattern runs only on the lines holding its first character(s):
        // every line of every document is read here, most without any.
        if t.starts_with('#') && regex!(r"^#{1,6}[ \t]+\S").is_match(t) {
            kinds[0] += 1;
        }
        if previous_text && t.starts_with('=') && regex!(r"^={3,}[ \t]*$").is_match(t) {
            kinds[1] += 1;
        }
        if has_pair(t, b']', b'(') && regex!(r"\]\((?:https?:|/|#)").is_match(t) {
            kinds[2] += 1;
        }
        if has_pair(t, b'*', b'*') || has_pair(t, b'!', b'[') {
            kinds[3] += 1;
        }
        if memchr::memchr(b'\\', t.as_bytes()).is_some() && regex!(r#"\\[>"'\[\]*_#]"#).is_match(t)
        {
            kinds[4] += 1;
        }
        previous_text = !crate::normalize::is_blank(t);
    }
    // "# Titre" and "Titre / =====" are Markdown on their own: plain text
    // has no reason to write them.
    let distinct = kinds.iter().filter(|&&n| n > 0).count();
    kinds[0] > 0 || kinds[1] > 0 || distinct >= 2 || kinds.iter().sum::<usize>() >= 3
}

/// The opening and closing fence lines (indices) of a YAML front-matter
/// block opening the document, if there is one.
pub(crate) fn front_matter(lines: &[Line<'_>]) -> Option<std::ops::Range<usize>> {
    let first = lines
        .iter()
        .position(|l| !crate::normalize::is_blank(l.text))?;
    if lines[first].text.trim() != "---" {
        return None;
    }
    let body = &lines[first + 1..];
    let close = body
        .iter()
        .take(60)
        .position(|l| matches!(l.text.trim(), "---" | "..."))?;
    // Every entry must look like YAML, so that a document opening with a
    // "---" separator is not swallowed.
    let yaml = body[..close].iter().all(|l| {
        let t = l.text;
        crate::normalize::is_blank(t)
            || t.starts_with([' ', '\t', '-'])
            || regex!(r"^[A-Za-z_][\w-]*:(?:\s|$)").is_match(t)
    });
    (yaml && close > 0).then_some(first..first + 1 + close)
}

/// Reads the entries depeche knows from a front-matter block: `title` (with
/// the span of its value), `url`, `keywords`/`tags`, `author`, `date`.
pub(crate) fn read_front_matter(lines: &[Line<'_>], meta: &mut Metadata) -> Option<(String, Span)> {
    let mut title = None;
    for line in lines {
        let Some((key, value)) = line.text.split_once(':') else {
            continue;
        };
        let raw = value.trim();
        let value = unquote(raw);
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => {
                // The value starts after the colon and its spaces.
                let after_colon = key.len() + 1;
                let lead =
                    line.text[after_colon..].len() - line.text[after_colon..].trim_start().len();
                let at = line.span.start + after_colon + lead;
                let text = crate::normalize::normalize(&decode_entities(&value));
                title = Some((text, Span::new(at, at + raw.len())));
            }
            "url" | "link" | "source" => meta.url = Some(value.into_owned()),
            "keywords" | "tags" => {
                meta.keywords = value
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "author" | "byline" => meta.byline = Some(value.into_owned()),
            "date" | "published" => meta.published = Some(value.into_owned()),
            _ => {}
        }
    }
    title
}

/// Strips YAML double or single quotes (and the escapes inside double ones).
fn unquote(value: &str) -> Cow<'_, str> {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        let inner = &value[1..value.len() - 1];
        Cow::Owned(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
    } else if value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'') {
        Cow::Owned(value[1..value.len() - 1].replace("''", "'"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Decodes HTML entities ("&rsquo;", "&#233;") that scrapers leave in text.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    // (memchr's search rather than `contains`: every line is asked.)
    if memchr::memchr(b'&', s.as_bytes()).is_some() {
        html_escape::decode_html_entities(s)
    } else {
        Cow::Borrowed(s)
    }
}

/// The characters a backslash escapes: Markdown's ASCII punctuation, and
/// the list markers of French text that this reader also takes for lists
/// (a rendered paragraph starting with a dash escapes it).
const ESCAPABLE: &str = "\\`*_{}[]()#+-.!>'<|~:@$&\"•·▪►–—";

/// Where escaped characters are parked while the inline markup is read:
/// the last code points of the last private-use plane, which no news text
/// uses.
const PARKED: u32 = 0x10_FF00;

/// Replaces each backslash escape by a parked character, so that no
/// pattern takes an escaped `[`, `*` or `_` for markup.
fn park_escapes(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && let Some(i) = ESCAPABLE.chars().position(|e| e == n)
        {
            chars.next();
            out.push(char::from_u32(PARKED + i as u32).unwrap_or(n));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The escaped characters back in place of the parked ones.
fn unpark(s: &str) -> String {
    s.chars()
        .map(|c| {
            u32::from(c)
                .checked_sub(PARKED)
                .and_then(|i| ESCAPABLE.chars().nth(i as usize))
                .unwrap_or(c)
        })
        .collect()
}

/// Removes inline Markdown: images, links (their text is kept), attribute
/// blocks, emphasis markers, backslash escapes (an escaped character is
/// never markup); turns Pandoc's `--`/`---` into dashes.
pub(crate) fn strip_inline(s: &str) -> Cow<'_, str> {
    // (Bytes, not chars: the marks are ASCII, and no char need be decoded.)
    let marked = s
        .bytes()
        .any(|b| matches!(b, b'[' | b'*' | b'_' | b'\\' | b'{' | b'<' | b'-'));
    if !marked {
        return Cow::Borrowed(s);
    }
    let s = park_escapes(s);
    // Each pattern runs only when the text holds a character it needs: most
    // lines get here for a hyphen and nothing else.
    let has = |s: &str, b: u8| memchr::memchr(b, s.as_bytes()).is_some();
    let s = replace_if(
        has(&s, b'!'),
        regex!(r"!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?"),
        &s,
        "",
    );
    let s = replace_if(
        has(&s, b']'),
        regex!(r#"\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)(?:\{[^}]*\})?"#),
        &s,
        "$1",
    );
    let s = replace_if(
        has(&s, b'<'),
        regex!(r"<((?:https?|mailto):[^>\s]+)>"),
        &s,
        "$1",
    );
    let s = replace_if(has(&s, b'{'), regex!(r"\{[#.][^}]*\}"), &s, "");
    let emphasis = memchr::memchr2(b'*', b'_', s.as_bytes()).is_some();
    let s = replace_if(emphasis, regex!(r"\*\*|__"), &s, "");
    let s = replace_if(emphasis, regex!(r#"(^|[\s(\[«"“'])[*_](\S)"#), &s, "$1$2");
    let s = replace_if(
        emphasis,
        regex!(r#"(\S)[*_]([\s)\].,;:!?»"”']|$)"#),
        &s,
        "$1$2",
    );
    let s = replace_if(
        has_pair(&s, b'-', b'-'),
        regex!(r" ---? "),
        &s,
        |c: &regex::Captures<'_>| {
            if c[0].len() == 5 { " — " } else { " – " }
        },
    );
    // A backslash left at the end of the line is a hard break.
    let s = s.strip_suffix('\\').unwrap_or(&s);
    // Parked characters (from U+10FF00 on) all start with the byte F4.
    if memchr::memchr(0xF4, s.as_bytes()).is_none() {
        return Cow::Owned(s.to_owned());
    }
    Cow::Owned(unpark(s))
}

/// Whether byte `a` is followed by byte `b` somewhere in `s`: a search for
/// `a` alone, which is rare in text, costs less than a substring search.
fn has_pair(s: &str, a: u8, b: u8) -> bool {
    let bytes = s.as_bytes();
    memchr::memchr_iter(a, bytes).any(|i| bytes.get(i + 1) == Some(&b))
}

/// `re.replace_all(s, by)` when `may_match`, `s` untouched otherwise.
fn replace_if<'a>(
    may_match: bool,
    re: &regex::Regex,
    s: &'a str,
    by: impl regex::Replacer,
) -> Cow<'a, str> {
    if may_match {
        re.replace_all(s, by)
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_their_text() {
        assert_eq!(
            strip_inline("Voir [le rapport](https://exemple.fr/a \"titre\") ici"),
            "Voir le rapport ici"
        );
        assert_eq!(
            strip_inline("**\\>\\> À lire aussi:** [**Un titre**](https://x.fr)"),
            ">> À lire aussi: Un titre"
        );
    }

    #[test]
    fn images_attributes_and_escapes_go() {
        assert_eq!(
            strip_inline("![alt](a.jpg){#main width=\"3\"}Texte"),
            "Texte"
        );
        assert_eq!(strip_inline("### Titre {#titre .sub}"), "### Titre ");
        assert_eq!(
            strip_inline("il a dit \\\"non\\\" \\[EI\\]"),
            "il a dit \"non\" [EI]"
        );
        assert_eq!(strip_inline("Fin de ligne\\"), "Fin de ligne");
    }

    #[test]
    fn pandoc_dashes_become_typographic_dashes() {
        assert_eq!(
            strip_inline("Paris -- la veille --- Reuters"),
            "Paris – la veille — Reuters"
        );
    }

    #[test]
    fn single_emphasis_is_removed_but_not_arithmetic() {
        assert_eq!(strip_inline("un *vrai* choc"), "un vrai choc");
        assert_eq!(strip_inline("5 * 3"), "5 * 3");
        assert_eq!(
            strip_inline("\"*Une citation*\" dit-il"),
            "\"Une citation\" dit-il"
        );
    }
}
