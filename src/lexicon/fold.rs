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

/// Folds `s`; see the module docs.
pub(crate) fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut source_offsets = Vec::with_capacity(s.len() + 1);
    for (at, c) in s.char_indices() {
        let before = text.len();
        push_folded(c, &mut text);
        source_offsets.resize(source_offsets.len() + (text.len() - before), at);
    }
    source_offsets.push(s.len());
    Folded {
        text,
        source_offsets,
    }
}

/// Folds `s` without keeping the offset map.
pub(crate) fn fold_str(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut text);
    }
    text
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
