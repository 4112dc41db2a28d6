//! Cross-promotions: "À lire aussi : …", "LIRE AUSSI >> …", "[À lire aussi]
//! …", "A LIREOuverture…", "Sur le même sujet :" blocks, inline "(lire aussi :
//! …)".
//!
//! A promotion is a label from `lexicon/promo_labels.txt` at the start of a
//! line (after decorations such as `>>`, `[`, `**`, `►`), followed by a
//! separator and a title, or by nothing (the titles are on the next lines),
//! or glued to an all-caps label. What follows a label must look like a
//! title for the line to count: "A lire mes chroniques…" or "Lire entre les
//! lignes…" are body sentences and stay in the body.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{PROMO_LABELS, Strength, fold};

/// How many bytes at the start of a line can hold a label (the longest,
/// "ces articles pourraient vous intéresser", is 41 bytes).
const LABEL_WINDOW: usize = 96;

/// A promotion found on one line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct LinePromo {
    /// The label as written.
    pub(crate) label: String,
    /// The title after it; empty when the titles follow on the next lines.
    pub(crate) title: String,
    /// Whether the label heads a block of several titles.
    pub(crate) block: bool,
}

/// Decorations that may stand before a label: brackets, quote marks of
/// Markdown, arrows, bullets.
fn strip_decoration(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '[' | '('
                    | '>'
                    | '»'
                    | '►'
                    | '▶'
                    | '→'
                    | '•'
                    | '*'
                    | '+'
                    | '-'
                    | '–'
                    | '—'
                    | '|'
                    | '='
                    | '⇒'
                    | '➜'
                    | '➤'
                    | '◆'
                    | '■'
            )
    })
}

/// Removes the separators between a label and its title.
fn strip_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        matches!(
            c,
            ':' | '|'
                | '>'
                | '»'
                | '-'
                | '–'
                | '—'
                | ']'
                | ')'
                | '/'
                | '…'
                | '.'
                | '*'
                | '►'
                | '▶'
                | '→'
        ) || c.is_whitespace()
    })
}

/// Trailing decoration of a title: closing brackets and markup.
fn clean_title(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches(['»', '>', '•', '*', ' '])
        .trim_end_matches(|c: char| matches!(c, ']' | '*' | '|') || c.is_whitespace());
    let t = t
        .strip_suffix(')')
        .filter(|t| !t.contains('('))
        .unwrap_or(t);
    t.trim().to_owned()
}

/// Whether a title may start with `c` after a plain space: capitalised words,
/// quotes, digits.
fn title_start(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“' | '\'')
}

/// Recognises a promotion line.
pub(crate) fn line(text: &str) -> Option<LinePromo> {
    let rest = strip_decoration(text);
    if !rest
        .chars()
        .next()
        .is_some_and(|c| PROMO_LABELS.may_start_with(c))
    {
        return None;
    }
    // Labels are short: fold only the start of the line.
    let mut head = rest.len().min(LABEL_WINDOW);
    while !rest.is_char_boundary(head) {
        head -= 1;
    }
    let folded = fold(&rest[..head]);
    let m = PROMO_LABELS.at(&folded.text, 0)?;
    let label_end = folded.source_offset(m.end);
    let label = rest[..label_end].trim();
    let after = &rest[label_end..];
    let block = m.strength == Strength::Block;
    let promo = |title: &str| {
        Some(LinePromo {
            label: label.to_owned(),
            title: clean_title(title),
            block,
        })
    };
    let Some(first) = after.chars().next() else {
        return promo("");
    };
    if first.is_alphanumeric() {
        // Glued: "A LIREOuverture d’un centre", "A lire aussiLa mort…" (a link
        // whose markup was stripped). An all-caps or a multi-word label may be
        // glued to a capitalised title; "Lireval" is a word, not a promotion.
        let mut chars = after.chars();
        let (a, b) = (chars.next(), chars.next());
        let caps = label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let glued = a.is_some_and(char::is_uppercase) && b.is_some_and(char::is_lowercase);
        if glued && (caps || m.strength != Strength::Weak) {
            return promo(after);
        }
        return None;
    }
    // "Sur le même sujet, nos articles :", "Lire aussi notre décryptage :":
    // a label line introducing titles on the next lines.
    let described = after.trim_end();
    if m.strength != Strength::Weak && described.ends_with(':') && described.chars().count() <= 90 {
        return promo("");
    }
    if has_separator(after) {
        return promo(strip_separator(after));
    }
    // Only white space between label and title.
    let title = after.trim_start();
    if title.is_empty() {
        return promo("");
    }
    let prepositional = folded.text[..m.end].ends_with(" sur");
    if prepositional
        || (m.strength != Strength::Weak && title.chars().next().is_some_and(title_start))
    {
        return promo(title);
    }
    None
}

/// Whether `after` (what follows a label) starts with a real separator
/// rather than plain white space.
fn has_separator(after: &str) -> bool {
    after.trim_start().starts_with([
        ':', '|', '>', '»', '-', '–', '—', ']', ')', '/', '…', '►', '▶', '→', '*',
    ])
}

/// Matches a promotion inside a paragraph: "(lire aussi : Titre)",
/// "(Voir aussi notre article …)", "[À lire aussi : …]".
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[(\[]\s*((?:[àa]\s+)?(?:lire|voir|relire|d[ée]couvrir|consulter)(?:\s+(?:aussi|[ée]galement))?(?:\s+notre\s+(?:article|enqu[êe]te|dossier|entretien|reportage|analyse|d[ée]cryptage))?)\s*(?:[:|>»\-–—]+\s*)?([^()\[\]]+)[)\]]",
    )
    .expect("valid regex")
});

/// Longest title (in bytes) an inline promotion may have: longer
/// parentheses are asides, not links.
const MAX_INLINE_TITLE: usize = 400;

/// A promotion found inside a paragraph's text.
#[derive(Debug)]
pub(crate) struct InlinePromo {
    pub(crate) label: String,
    pub(crate) title: String,
    /// Byte range of the whole parenthesis (and the space before it) in the
    /// searched text.
    pub(crate) range: std::ops::Range<usize>,
}

/// Every inline promotion in `text`. A parenthesis counts only when its
/// label is one of the promotion formulas ("lire aussi", "voir aussi",
/// "à lire", "lire notre enquête"…), so "(dont on peut lire la critique)"
/// stays.
pub(crate) fn inline(text: &str) -> Vec<InlinePromo> {
    if !text.contains(['(', '[']) {
        return Vec::new();
    }
    INLINE
        .captures_iter(text)
        .filter_map(|c| {
            let label = c.get(1)?.as_str();
            // A bare "lire"/"voir" needs a separator: "(voir tableau)" is not a promotion.
            let whole = c.get(0)?;
            let strong = label.split_whitespace().count() > 1;
            let separated = !text[c.get(1)?.end()..c.get(2)?.start()].trim().is_empty();
            if !strong && !separated {
                return None;
            }
            let title = c.get(2)?.as_str().trim();
            if !(3..=MAX_INLINE_TITLE).contains(&title.len()) {
                return None;
            }
            // Take the space before the parenthesis out with it.
            let start = text[..whole.start()].trim_end().len();
            Some(InlinePromo {
                label: label.to_owned(),
                title: title.to_owned(),
                range: start..whole.end(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lp(text: &str) -> Option<(String, String)> {
        line(text).map(|p| (p.label, p.title))
    }

    fn pair(label: &str, title: &str) -> Option<(String, String)> {
        Some((label.to_owned(), title.to_owned()))
    }

    #[test]
    fn separators_and_decorations() {
        assert_eq!(
            lp("À consulter également : Le rôle des États-Unis : une campagne révélée"),
            pair(
                "À consulter également",
                "Le rôle des États-Unis : une campagne révélée"
            )
        );
        assert_eq!(
            lp("Lire aussi | Le budget"),
            pair("Lire aussi", "Le budget")
        );
        assert_eq!(lp("LIRE AUSSI >> La grève"), pair("LIRE AUSSI", "La grève"));
        assert_eq!(
            lp("[À lire aussi] La grève"),
            pair("À lire aussi", "La grève")
        );
        assert_eq!(
            lp(">> A lire aussi : «Dans l'enfer»"),
            pair("A lire aussi", "«Dans l'enfer»")
        );
        assert_eq!(
            lp("À VOIR AUSSI - L'Ukraine dénonce"),
            pair("À VOIR AUSSI", "L'Ukraine dénonce")
        );
    }

    #[test]
    fn glued_and_block_labels() {
        assert_eq!(
            lp("A LIREOuverture d’un centre"),
            pair("A LIRE", "Ouverture d’un centre")
        );
        let p = line("Sur le même sujet :").unwrap();
        assert!(p.block && p.title.is_empty());
        assert_eq!(lp("Lire aussi"), pair("Lire aussi", ""));
        assert_eq!(lp("Lire aussi notre décryptage :"), pair("Lire aussi", ""));
        assert_eq!(
            lp("A lire aussiLa mort d’une profession"),
            pair("A lire aussi", "La mort d’une profession")
        );
        assert_eq!(
            lp("Lire la suite de l’article sur exemple.fr"),
            pair("Lire la suite de l’article sur", "exemple.fr")
        );
    }

    #[test]
    fn body_sentences_starting_with_lire_stay() {
        assert_eq!(
            lp("Lire entre les lignes de ce budget, c’est voir la rigueur."),
            None
        );
        assert_eq!(lp("A lire mes chroniques précédentes, on comprend."), None);
        assert_eq!(lp("Lire aussi les commentaires, ce serait mieux."), None);
        assert_eq!(lp("Voir Naples et mourir : le film ressort."), None);
        assert_eq!(lp("Lireval, une société lyonnaise, recrute."), None);
    }

    #[test]
    fn inline_promotions() {
        let text = "Le texte passe (lire aussi : Le vote du Sénat) et la suite.";
        let found = inline(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "lire aussi");
        assert_eq!(found[0].title, "Le vote du Sénat");
        assert_eq!(
            &text[found[0].range.clone()],
            " (lire aussi : Le vote du Sénat)"
        );
        assert!(inline("Un film (dont on peut lire la critique ici) sort.").is_empty());
        assert!(inline("Le tableau (voir ci-dessous) le montre.").is_empty());
    }
}
