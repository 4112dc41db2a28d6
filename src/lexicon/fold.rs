//! Case and accent folding for lexicon look-ups.
//!
//! Labels are matched whatever their case and accents ("À LIRE AUSSI",
//! "a lire aussi", "A Lire Aussi"). Folding lowercases, strips diacritics,
//! expands the ligatures œ and æ and unifies apostrophes, while keeping a map
//! from every folded byte back to the byte of the source it came from, so that
//! a match in folded text can be cut out of the source text.

use unicode_normalization::char::decompose_canonical;

/// Folded text plus, for each of its bytes, the offset of the source `char`
/// it came from. `source_offsets` has one more entry than `text` has bytes:
/// the source length, so that a match end maps too.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    pub(crate) text: String,
    source_offsets: Vec<usize>,
}

impl Folded {
    /// Source byte offset for a folded byte offset (match start or end).
    pub(crate) fn source_offset(&self, folded: usize) -> usize {
        self.source_offsets[folded]
    }
}

/// Folds the start of `s` (see the module docs), char by char, until the folded text is `len`
/// bytes long or more (or all of `s` is folded): the folding of `s` cut
/// there, with its offsets. The last offset is where folding stopped in `s`.
pub(crate) fn fold_prefix(s: &str, len: usize) -> Folded {
    let mut text = String::with_capacity(s.len().min(len));
    let mut source_offsets = Vec::with_capacity(s.len().min(len) + 1);
    let mut at = 0;
    while at < s.len() && text.len() < len {
        // ASCII (most of the text) folds byte for byte: a run of it is
        // copied and lowercased in one go, each byte mapping to itself.
        let run = ascii_run(&s[at..]).min(len - text.len());
        if run > 0 {
            push_lowercase(&s[at..at + run], &mut text);
            source_offsets.extend(at..at + run);
            at += run;
            continue;
        }
        let c = s[at..].chars().next().unwrap_or_default();
        let before = text.len();
        push_folded(c, &mut text);
        source_offsets.resize(source_offsets.len() + (text.len() - before), at);
        at += c.len_utf8();
    }
    source_offsets.push(at);
    Folded {
        text,
        source_offsets,
    }
}

/// Folds `s` without keeping the offset map.
pub(crate) fn fold_str(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let run = ascii_run(rest);
        push_lowercase(&rest[..run], &mut text);
        let mut chars = rest[run..].chars();
        if let Some(c) = chars.next() {
            push_folded(c, &mut text);
        }
        rest = chars.as_str();
    }
    text
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

    /// All of `s` folded.
    fn fold(s: &str) -> Folded {
        fold_prefix(s, usize::MAX)
    }

    proptest! {
        /// ASCII runs folded in one go give what folding each char does.
        #[test]
        fn runs_fold_as_chars_do(
            s in "(\\PC|[ a-zA-Z0-9.,'’«»ÉéœÀ\u{A0}\u{301}]){0,40}"
        ) {
            let mut text = String::new();
            let mut offsets = Vec::new();
            for (at, c) in s.char_indices() {
                let before = text.len();
                push_folded(c, &mut text);
                offsets.resize(offsets.len() + (text.len() - before), at);
            }
            offsets.push(s.len());
            let f = fold(&s);
            prop_assert_eq!(&f.text, &text);
            prop_assert_eq!(&f.source_offsets, &offsets);
            prop_assert_eq!(fold_str(&s), text.clone());
            // Cut short, the same folding up to where it stopped.
            for len in 0..=text.len() {
                let p = fold_prefix(&s, len);
                let stop = *p.source_offsets.last().unwrap();
                prop_assert!(p.text.len() >= len || stop == s.len());
                prop_assert_eq!(&p.text, &fold(&s[..stop]).text);
                prop_assert!(text.starts_with(&p.text));
                prop_assert_eq!(&p.source_offsets[..p.text.len()], &offsets[..p.text.len()]);
                prop_assert_eq!(offsets[p.text.len()], stop);
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
        let f = fold(src);
        let at = f.text.find("oeuvre").unwrap();
        assert_eq!(&src[f.source_offset(at)..], "Œuvre");
        assert_eq!(f.source_offset(f.text.len()), src.len());
        let label_end = "a lire".len();
        assert_eq!(&src[..f.source_offset(label_end)], "À LIRE");
    }
}
