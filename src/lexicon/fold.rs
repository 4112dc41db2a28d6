//! Case and accent folding for lexicon look-ups.
//!
//! Labels are matched whatever their case and accents ("À LIRE AUSSI",
//! "a lire aussi", "A Lire Aussi"). Folding lowercases, strips diacritics,
//! expands the ligatures œ and æ and unifies apostrophes; a match in folded
//! text maps back to the source text with [`source_offset`], so that it can
//! be cut out of it.

use unicode_normalization::char::decompose_canonical;

/// Folds `s`; see the module docs.
pub(crate) fn fold_str(s: &str) -> String {
    fold_str_prefix(s, usize::MAX)
}

/// Folds the start of `s`, char by char, until the folded text is `len`
/// bytes long or more (or all of `s` is folded).
pub(crate) fn fold_str_prefix(s: &str, len: usize) -> String {
    let mut text = String::with_capacity(s.len().min(len));
    let mut rest = s;
    while !rest.is_empty() && text.len() < len {
        // ASCII (most of the text) folds byte for byte: a run of it is
        // copied and lowercased in one go.
        let run = ascii_run(rest).min(len - text.len());
        push_lowercase(&rest[..run], &mut text);
        if text.len() >= len {
            break;
        }
        let mut chars = rest[run..].chars();
        if let Some(c) = chars.next() {
            push_folded(c, &mut text);
        }
        rest = chars.as_str();
    }
    text
}

/// The offset in `s` of the char that byte `folded` of the folding of `s`
/// comes from; `s.len()` for the end of the folded text (a match end).
pub(crate) fn source_offset(s: &str, folded: usize) -> usize {
    let mut len = 0;
    let mut scratch = String::new();
    for (at, c) in s.char_indices() {
        len += if c.is_ascii() {
            1
        } else {
            scratch.clear();
            push_folded(c, &mut scratch);
            scratch.len()
        };
        if len > folded {
            return at;
        }
    }
    s.len()
}

/// The length of the ASCII run `s` starts with.
fn ascii_run(s: &str) -> usize {
    s.bytes().position(|b| !b.is_ascii()).unwrap_or(s.len())
}

/// Appends ASCII text lowercased, as `push_folded` would char by char.
fn push_lowercase(ascii: &str, out: &mut String) {
    let start = out.len();
    out.push_str(ascii);
    out[start..].make_ascii_lowercase();
}

#[inline]
pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // French letters first, without going through Unicode decomposition.
    let base = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'û' | 'ü' | 'ù' | 'ú' | 'Û' | 'Ü' | 'Ù' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => 'y',
        'ñ' | 'Ñ' => 'n',
        _ => '\0',
    };
    if base != '\0' {
        out.push(base);
        return;
    }
    match c {
        '’' | '‘' | '‛' | 'ʼ' | '´' | '`' => out.push('\''),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        _ => {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            let base = base.unwrap_or(c);
            for l in base.to_lowercase() {
                out.push(l);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// ASCII runs folded in one go give what folding each char does,
        /// and the offsets are those of the chars each folded byte comes
        /// from.
        #[test]
        fn runs_fold_as_chars_do(
            s in "(\\PC|[ a-zA-Z0-9.,'’«»ÉéœÀ\u{A0}\u{301}]){0,40}"
        ) {
            let mut text = String::new();
            let mut offsets = Vec::new();
            let mut char_ends = vec![0];
            for (at, c) in s.char_indices() {
                let before = text.len();
                push_folded(c, &mut text);
                offsets.resize(offsets.len() + (text.len() - before), at);
                char_ends.push(text.len());
            }
            offsets.push(s.len());
            prop_assert_eq!(fold_str(&s), text.clone());
            for (len, &offset) in offsets.iter().enumerate() {
                // Cut short: the folding up to the first char end at `len` or
                // after.
                let end = char_ends.iter().find(|&&e| e >= len).copied().unwrap_or(text.len());
                prop_assert_eq!(fold_str_prefix(&s, len), &text[..end]);
                prop_assert_eq!(source_offset(&s, len), offset);
            }
        }
    }

    #[test]
    fn folds_case_accents_ligatures_and_apostrophes() {
        assert_eq!(fold_str("À LIRE AUSSI"), "a lire aussi");
        assert_eq!(fold_str("Ce qu’il faut retenir"), "ce qu'il faut retenir");
        assert_eq!(fold_str("Œuvre ÉTÉ"), "oeuvre ete");
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let src = "À LIRE : Œuvre";
        let folded = fold_str(src);
        let at = folded.find("oeuvre").unwrap();
        assert_eq!(&src[source_offset(src, at)..], "Œuvre");
        assert_eq!(source_offset(src, folded.len()), src.len());
        let label_end = "a lire".len();
        assert_eq!(&src[..source_offset(src, label_end)], "À LIRE");
    }
}
