//! Text normalisation: what every output string goes through.
//!
//! Scraped French text is full of typographic and invisible characters:
//! no-break spaces before « » : ; ? !, narrow no-break and thin spaces,
//! soft hyphens from hyphenation engines, zero-width spaces and joiners, byte
//! order marks, tabs. Output text maps all white space to one ASCII space,
//! drops the invisible characters and is in Unicode NFC. Input spans are not
//! affected: they always point into the original bytes.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters removed outright: soft hyphen, zero-width space / non-joiner /
/// joiner, word joiner, byte order mark (zero-width no-break space).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether a line holds nothing visible (control characters included: the
/// output drops them).
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || is_invisible(c) || c.is_control())
}

/// Normalises `raw` into a new string: invisible characters removed, every
/// run of white space (NBSP, narrow NBSP, thin space, tabs… included) turned
/// into one space, ends trimmed, NFC.
pub(crate) fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    // Whether some character may not be in NFC: only those from U+0300 on,
    // less the general punctuation French typography uses all the time
    // (’ « » – — …), which is always NFC.
    let mut check_nfc = false;
    let bytes = raw.as_bytes();
    // Most of the text is kept as it is: runs of such characters (single
    // spaces between them included) are copied in one go rather than char
    // by char. `run` is where the current run starts.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_graphic() {
            i += 1;
            continue;
        }
        // One plain space between two kept characters is output as it is.
        if b == b' ' && i > run && bytes.get(i + 1).is_some_and(u8::is_ascii_graphic) {
            i += 2;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            raw[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        let kept = !c.is_whitespace() && !is_invisible(c) && !c.is_control();
        if kept {
            // Only non-ASCII characters get here.
            check_nfc |= c >= '\u{0300}' && !('\u{2010}'..='\u{206F}').contains(&c);
            i += c.len_utf8();
            continue;
        }
        if i > run {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&raw[run..i]);
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        }
        i += c.len_utf8();
        run = i;
    }
    if i > run {
        if pending_space {
            out.push(' ');
        }
        out.push_str(&raw[run..i]);
    }
    if check_nfc { to_nfc(out) } else { out }
}

/// NFC, checking first whether the text is already in NFC (almost always the
/// case, and much cheaper than recomposing).
fn to_nfc(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, one character at a time: what the run copying of
    /// [`normalize`] must agree with.
    fn plain_normalize(raw: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in raw.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
            } else if !is_invisible(c) && !c.is_control() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out.nfc().collect()
    }

    proptest! {
        #[test]
        fn runs_copied_whole_agree_with_a_plain_reading(
            raw in "(\\PC|[ a-zA-Z0-9.,'’«»é\t\n\r\u{1}\u{7F}\u{85}\u{A0}\u{AD}\u{200B}\u{202F}\u{FEFF}\u{301}]){0,40}"
        ) {
            prop_assert_eq!(normalize(&raw), plain_normalize(&raw));
        }
    }

    #[test]
    fn french_typography_spaces_become_plain_spaces() {
        assert_eq!(
            normalize("Il a dit\u{00A0}: «\u{202F}non\u{202F}»\u{2009}!"),
            "Il a dit : « non » !"
        );
    }

    #[test]
    fn invisible_characters_are_removed_and_runs_collapsed() {
        assert_eq!(
            normalize("\u{FEFF}  gou\u{00AD}ver\u{200B}ne\u{00AD}ment \t  fran\u{200D}çais  "),
            "gouvernement français"
        );
    }

    #[test]
    fn decomposed_accents_are_recomposed() {
        let decomposed = "e\u{0301}te\u{0301}";
        assert_eq!(normalize(decomposed), "été");
    }

    #[test]
    fn blank_detection_sees_through_invisible_characters() {
        assert!(is_blank(" \u{00A0}\u{200B}\t"));
        assert!(!is_blank(" a "));
    }
}
