//! The shape of a line: what French news typography says about its role.
//!
//! An intertitle is short, starts with a capital (or a quote mark or a
//! number), and does not end like a sentence: no final period, comma, colon
//! or semicolon; it may be a question ("Et maintenant ?") or be wrapped in
//! « » (a quotation, which may end with "!"). An exclamation ("Sacré
//! coronavirus !"), a one-word question ("Pourquoi ?") or a date line ("8-10
//! juillet 1828") is body text. Body text ends with sentence punctuation or
//! runs long.

use std::sync::LazyLock;

use regex::Regex;

/// Most intertitles have fewer words than this.
const MAX_HEADING_WORDS: usize = 16;

/// Strips a wrapping pair of quote marks: «Fausse réalité» → Fausse réalité.
fn unwrap_quotes(t: &str) -> &str {
    let t = t.trim();
    for (open, close) in [("«", "»"), ("\"", "\""), ("“", "”")] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    t
}

/// Whether `text` has the shape of an intertitle.
pub(crate) fn heading_shaped(text: &str, max_chars: usize) -> bool {
    // Two sentences on one line are body text, except an interview
    // question framed by a statement: "Vous parlez de retards. Pourquoi ?"
    static STATEMENT_INSIDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}\s?[.…]\s+\p{Lu}").expect("valid regex"));
    static QUESTION_INSIDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}\s?[?!]\s+\p{L}").expect("valid regex"));
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\d\s\-–/]*(?:\p{L}+\s+)?(?:\d{1,2}(?:er)?[\s\-–]+)*(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+\d{4}$")
            .expect("valid regex")
    });
    // Length first: most lines are long paragraphs.
    if text.len() > max_chars.saturating_mul(4) || text.chars().count() > max_chars {
        return false;
    }
    let quoted = unwrap_quotes(text).len() < text.trim().len();
    let inner = unwrap_quotes(text);
    let Some(first) = inner.chars().next() else {
        return false;
    };
    let last = inner.chars().next_back().unwrap_or(first);
    let starts_well = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '«' | '"' | '“' | '\'' | '¿' | '(' | '[');
    // The cheap tests of the first and last characters before the others:
    // most short lines end with a period.
    if !starts_well || matches!(last, '.' | ',' | ';' | ':' | '…' | '-' | '–' | '—') {
        return false;
    }
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let exclamation = inner.ends_with('!') && !quoted;
    // An epigraph: « Quotation » (Author).
    let epigraph = inner.starts_with('«') && inner.ends_with(')') && inner.contains("» (");
    let interjection = words < 2 && inner.ends_with(['?', '!']);
    let date_line = inner.ends_with(|c: char| c.is_ascii_digit()) && DATE_LINE.is_match(inner);
    if exclamation || interjection || epigraph || date_line {
        return false;
    }
    inner.split_whitespace().count() <= MAX_HEADING_WORDS
        && inner.chars().any(char::is_alphabetic)
        && !inner.contains("http")
        && !inner.contains("www.")
        && !QUESTION_INSIDE.is_match(inner)
        && (inner.ends_with('?') || !STATEMENT_INSIDE.is_match(inner))
}

/// Whether `text` reads as body text: it ends like a sentence or is too long
/// to be anything else.
pub(crate) fn prose(text: &str, max_chars: usize) -> bool {
    let t = text.trim_end_matches(|c: char| {
        matches!(c, '»' | '"' | '”' | ')' | '’' | '\'') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…']) || text.chars().count() > max_chars
}

/// Whether `text` ends a sentence (so that a new block may follow as a
/// heading), as opposed to a line that runs on: a verse ending with a comma,
/// an introduction ending with a colon.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    !t.ends_with([',', ';', ':', '-', '–', '—', '('])
        && (prose(text, usize::MAX) || t.ends_with(['»', '"', '”', ')']))
}

/// Whether `text` starts like a new sentence rather than a continuation.
pub(crate) fn starts_sentence(text: &str) -> bool {
    text.chars()
        .find(|c| {
            !matches!(
                c,
                '«' | '"' | '“' | '(' | '[' | '\'' | '’' | ' ' | '—' | '–' | '-'
            )
        })
        .is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intertitles() {
        for t in [
            "Les détails de l’entretien",
            "Et maintenant ?",
            "UNE SAISON EN SURSIS",
            "«Fausse réalité»",
            "« On n’a jamais lâché »",
            "1. D’où vient le déficit ?",
            "« Je n’y croyais pas ! »",
            "Démonétisation",
        ] {
            assert!(heading_shaped(t, 100), "{t}");
        }
        for t in [
            "Rien n’est joué.",
            "Chio, l’île des vins, n’est plus qu’un sombre écueil,",
            "Alors tout y passe :",
            "et la suite en minuscules",
            "Tout est désert. Mais non seul",
            "Hein, quoi ? Elle était journaliste, me dites-vous ?",
            "Que veux-tu ? fleur, beau fruit, ou l’oiseau merveilleux ?",
            "Sacré coronavirus !",
            "Pourquoi ?",
            "Romantique ?",
            "8-10 juillet 1828",
            "#StopRussianOil",
        ] {
            assert!(!heading_shaped(t, 100), "{t}");
        }
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("Il est parti."));
        assert!(ends_sentence("« C’est fini »"));
        assert!(!ends_sentence("Comme le ciel et comme l’onde,"));
        assert!(!ends_sentence(
            "Ses coteaux, ses palais, et le soir quelquefois"
        ));
    }
}
