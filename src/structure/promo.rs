//! Cross-promotions: "À lire aussi : …", "LIRE AUSSI >> …", "[À lire aussi]
//! …", "A LIREOuverture…", "Sur le même sujet :" blocks, inline "(lire aussi :
//! …)".
//!
//! A promotion is a label from `lexicon/promo_labels.txt` at the start of a
//! line (after decorations such as `>>`, `[`, `**`, `►`), followed by a
//! separator and a title, or by nothing (the titles are on the next lines),
//! or glued to an all-caps label. Without a separator, a strong label needs
//! a capitalised title after it, so "A lire mes chroniques…" or "Lire entre
//! les lignes…" stay in the body; with one, the title may be anything but a
//! sentence of body text (lower-case and ending with a period, or long and
//! ending with a period) or longer than 400 bytes.

use crate::lexicon::{PROMO_LABELS, Strength, fold_str_prefix, source_offset};

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

/// What may stand before a label: brackets, Markdown quote marks, arrows,
/// bullets ("[À lire aussi]", ">> Lire aussi", "► Voir aussi").
const DECORATIONS: [char; 17] = [
    '[', '(', '>', '»', '►', '▶', '→', '•', '*', '+', '-', '–', '—', '|', '=', '➜', '➤',
];

/// What may stand between a label and its title ("Lire aussi : …",
/// "LIRE AUSSI >> …", "[À lire aussi] …", "Lire aussi | …").
const SEPARATORS: [char; 14] = [
    ':', '|', '>', '»', '-', '–', '—', ']', ')', '/', '…', '►', '▶', '→',
];

fn is_separator(c: char) -> bool {
    SEPARATORS.contains(&c) || c == '*'
}

fn strip_decoration(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || DECORATIONS.contains(&c))
}

/// Removes the separators between a label and its title.
fn strip_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| is_separator(c) || c.is_whitespace())
}

/// Trailing decoration of a title: closing brackets and markup.
pub(crate) fn clean_title(s: &str) -> String {
    let t = s
        .trim()
        .trim_start_matches(|c: char| {
            c.is_whitespace() || DECORATIONS.contains(&c) && !matches!(c, '[' | '(')
        })
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
    let trimmed = text.trim_start();
    if trimmed.starts_with(['(', '[']) {
        // "(Lire aussi : X) Le maire a annoncé…" is a paragraph holding an
        // inline promotion; "[À lire aussi] X" and "(Lire aussi : X)" alone
        // are promotion lines.
        let first = bracket_pairs(trimmed)
            .into_iter()
            .next()
            .filter(|r| r.start == 0);
        if let Some(r) = first {
            let after = &trimmed[r.end..];
            let inner = &trimmed[1..r.end - 1];
            let label_only = labelled(inner).is_some_and(|p| p.title.is_empty());
            if !label_only && after.chars().any(char::is_alphanumeric) {
                return None;
            }
        }
    }
    labelled(text)
}

/// A label at the start of `text` (after decorations) and what follows it,
/// when that makes a promotion; see [`line`]. Never recurses, whatever the
/// nesting of brackets.
fn labelled(text: &str) -> Option<LinePromo> {
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
    // The label found at the start, and everything read of it below, lie
    // within the longest label's length: the rest need not be folded.
    let folded = fold_str_prefix(&rest[..head], PROMO_LABELS.longest());
    let m = PROMO_LABELS.at(&folded, 0)?;
    // Where the label ends in the source (mapped back only for the few lines
    // that start with a label).
    let label_end = source_offset(&rest[..head], m.end);
    let label = rest[..label_end].trim();
    let after = &rest[label_end..];
    let block = m.strength == Strength::Block;
    let promo = |title: &str| {
        let title = clean_title(title);
        // A title is not a sentence of body text: "Voir aussi : le graphique
        // ci-dessous montre la hausse." or a long sentence after a label.
        let sentence = title.ends_with('.')
            && !title.ends_with("...")
            && (title.starts_with(char::is_lowercase)
                || title.chars().count() > MAX_SENTENCE_TITLE_CHARS);
        (title.len() <= MAX_PROMO_TITLE && !sentence).then(|| LinePromo {
            label: label.to_owned(),
            title,
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
    let prepositional = folded[..m.end].ends_with(" sur");
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
    after.trim_start().starts_with(is_separator)
}

/// Whether a line holds only separators (":", "|", ">>"…), as when a scraper
/// puts a label, its colon and its title on three lines.
pub(crate) fn is_separator_line(text: &str) -> bool {
    text.chars().all(|c| is_separator(c) || c.is_whitespace())
}

/// A title ending with a period is a sentence past this many characters.
const MAX_SENTENCE_TITLE_CHARS: usize = 120;

/// Longest title (in bytes) a promotion may have: a longer "title" is body
/// text that happens to start with a label.
const MAX_PROMO_TITLE: usize = 400;

/// The outermost bracket pairs of `s` — `(…)` and `[…]`, nested brackets
/// counted together — as byte ranges including the brackets. Unclosed
/// brackets are left out, and do not hide the pairs after them.
pub(crate) fn bracket_pairs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut opens = Vec::new();
    let mut pairs = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' | b'[' => opens.push(i),
            b')' | b']' => {
                if let Some(open) = opens.pop() {
                    pairs.push(open..i + 1);
                }
            }
            _ => {}
        }
    }
    // Pairs nest or are disjoint: sorted by start, a pair starting before
    // the end of the last one kept lies inside it.
    pairs.sort_unstable_by_key(|r| r.start);
    let mut outermost: Vec<std::ops::Range<usize>> = Vec::with_capacity(pairs.len());
    for r in pairs {
        if outermost.last().is_none_or(|last| r.start >= last.end) {
            outermost.push(r);
        }
    }
    outermost
}

/// Whether a bracketed text, without its brackets, is a promotion with a
/// title: "lire aussi : Le vote du Sénat", "Voir aussi Le dossier". The same
/// label rules as for a line apply, so "(voir aussi le graphique)" and
/// "(dont on peut lire la critique)" stay in the text.
pub(crate) fn bracketed(inner: &str) -> Option<LinePromo> {
    line(inner).filter(|p| !p.title.is_empty())
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
    fn bracketed_promotions() {
        assert_eq!(bracket_pairs("a (b [c] d) e [f (g)"), vec![2..11, 17..20]);
        let p = bracketed("lire aussi : Le vote du Sénat").unwrap();
        assert_eq!(
            (p.label.as_str(), p.title.as_str()),
            ("lire aussi", "Le vote du Sénat")
        );
        assert!(bracketed("voir aussi le graphique ci-dessous").is_none());
        assert!(bracketed("dont on peut lire la critique ici").is_none());
        assert!(bracketed("voir tableau").is_none());
        assert!(bracketed("lire aussi").is_none());
    }

    #[test]
    fn a_paragraph_opening_with_a_promotion_is_not_a_promotion_line() {
        assert_eq!(
            lp("(Lire aussi : Le vote) Le maire a annoncé hier la fermeture."),
            None
        );
        assert_eq!(
            lp("(Lire aussi : Le vote du Sénat)"),
            pair("Lire aussi", "Le vote du Sénat")
        );
        assert_eq!(
            lp("[À lire aussi] La grève"),
            pair("À lire aussi", "La grève")
        );
    }
}
