//! Recognising non-content lines: bylines, dates, wire codes, credits, share
//! buttons, newsletter and paywall calls…
//!
//! Shapes with structure (a byline is "Par" and a name, a wire code is
//! "abc-def/gh") are regular expressions here; fixed phrases ("Partager sur
//! Facebook", "PUBLICITÉ") are data in `lexicon/boilerplate.txt`.

use crate::BoilerplateKind;
use crate::lexicon::{BOILERPLATE_PHRASES, fold_str};

/// Lines longer than this are body text whatever they contain.
const MAX_BOILERPLATE_CHARS: usize = 160;

/// A name: capitalised words, with particles ("de", "van", "d’") between.
const NAME: &str = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:de|du|des|d[’']|van|von|le|la|el|al|ben|et|&)\s*)?\p{Lu}[\p{L}'’.\-]*){0,5}";

const MONTHS: &str = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv\\.?|f[ée]vr?\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|d[ée]c\\.?";

/// What a boilerplate line told about the document.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) byline: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) updated: Option<String>,
}

/// Classifies one normalised line; `None` when it is (or may be) content.
pub(crate) fn classify(text: &str) -> Option<(BoilerplateKind, Found)> {
    if cookie_banner(text) {
        return Some((BoilerplateKind::Navigation, Found::default()));
    }
    // Cheap checks first: most lines are long body paragraphs.
    if text.len() > 4 * MAX_BOILERPLATE_CHARS || text.chars().count() > MAX_BOILERPLATE_CHARS {
        return None;
    }
    let folded = fold_str(text);
    let mut found = Found::default();
    if starts_like_byline(&folded) {
        if let Some(kind) = byline(text, &mut found) {
            return Some((kind, found));
        }
    }
    if starts_like_date(&folded) && date(text, &mut found) {
        return Some((BoilerplateKind::Date, found));
    }
    let kind = shaped(text, &folded).or_else(|| {
        // "- Publicité -", "PUBLICITÉ…": decorations around the phrase.
        // List markers too, numbers included: an item reads the same
        // whatever its marker.
        let trimmed =
            folded.trim_start_matches([' ', '-', '–', '—', '*', '+', '•', '·', '▪', '►', '|']);
        let trimmed = trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix(['.', ')'])
            .filter(|rest| trimmed.len() - rest.len() <= 3 && rest.starts_with(' '))
            .unwrap_or(trimmed)
            .trim_start()
            .trim_end_matches([' ', '.', '!', '?', '…', '>', '»', '|', '-', '–', '—']);
        BOILERPLATE_PHRASES.classify(trimmed)
    })?;
    Some((kind, found))
}

/// A cookie-consent banner scraped with the page: it mentions cookies and
/// asks for consent. Such banners run longer than other boilerplate lines.
fn cookie_banner(text: &str) -> bool {
    const CONSENT: [&str; 8] = [
        "accept",
        "consent",
        "utilisons",
        "parametr",
        "traceurs",
        "partenaires",
        "refus",
        "vos choix",
    ];
    // (A searcher built once: every line of the document is asked.)
    static OOKIE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("ookie"));
    if text.len() > 1200 || OOKIE.find(text.as_bytes()).is_none() {
        return false;
    }
    let folded = fold_str(text);
    folded.contains("cookie") && CONSENT.iter().any(|w| folded.contains(w))
}

/// The words a byline may start with (folded), so that the byline pattern
/// only runs where it can match.
fn starts_like_byline(folded: &str) -> bool {
    const STARTS: [&str; 11] = [
        "article redige par",
        "article ecrit par",
        "par ",
        "by ",
        "publie par",
        "poste par",
        "redige par",
        "ecrit par",
        "propos recueillis",
        "un article d",
        "de notre ",
    ];
    STARTS.iter().any(|s| folded.starts_with(s))
}

/// Whether a date pattern may match: a date verb, a weekday, "le", a digit.
fn starts_like_date(folded: &str) -> bool {
    const STARTS: [&str; 19] = [
        "publi",
        "article publi",
        "mis a jour",
        "mise a jour",
        "mise en ligne",
        "mis en ligne",
        "modifi",
        "actualis",
        "post",
        "paru",
        "le ",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "redige le",
    ];
    folded.starts_with(|c: char| c.is_ascii_digit()) || STARTS.iter().any(|s| folded.starts_with(s))
}

fn byline(text: &str, found: &mut Found) -> Option<BoilerplateKind> {
    let re = regex!(&format!(
        r"^(?:Par|PAR|By|BY|Publié par|Posté par|Rédigé par|Écrit par|Article rédigé par|Article écrit par|Propos recueillis par|Un article (?:de|du|d['’])|De notre (?:envoyée?|correspondante?)(?: spéciale?| permanente?)?(?: à [^,]+?)?,?)\s+({NAME}|(?:la|La) [Rr]édaction(?: d[eu'’]\s*\S+)?)(?:\s*(?:,|-|–|—|\||avec|pour|à|\()[^.!?]*?)?\s*(?:(?:,\s*)?(?:le|publié le|mis à jour le)\s+(.{{4,}}))?$"
    ));
    let c = re.captures(text)?;
    found.byline = Some(c[1].trim().to_owned());
    if let Some(d) = c.get(2) {
        found.published = Some(d.as_str().trim().to_owned());
    }
    Some(BoilerplateKind::Byline)
}

fn date(text: &str, found: &mut Found) -> bool {
    let stamped = regex!(
        r"(?i)^(?:article\s+)?(?:publi[ée]e?|mis[e]? à jour|modifi[ée]e?|actualis[ée]e?|post[ée]e?|paru|mis[e]? en ligne)(?:\s+(?:le|à)|\s*:)?(?:\s+(.*)|$)"
    );
    if let Some(c) = stamped.captures(text) {
        let rest = c.get(1).map_or("", |m| m.as_str()).trim();
        if !rest.chars().any(|ch| ch.is_ascii_digit()) {
            return false;
        }
        let lower = text.to_lowercase();
        // "Publié le X, mis à jour le Y" carries both dates.
        let split = regex!(
            r"(?i)^(.*?)[,;|–-]?\s*(?:mis[e]? à jour|modifi[ée]e?|actualis[ée]e?)\s+(?:le\s+|à\s+)?(.*)$"
        );
        let lower = lower.trim_start_matches("article ");
        if lower.starts_with("publi") || lower.starts_with("post") || lower.starts_with("paru") {
            if let Some(s) = split.captures(rest) {
                found.published = Some(s[1].trim().to_owned());
                found.updated = Some(s[2].trim().to_owned());
            } else {
                found.published = Some(rest.to_owned());
            }
        } else {
            found.updated = Some(rest.to_owned());
        }
        return true;
    }
    let bare = regex!(&format!(
        r"(?i)^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:\d{{1,2}}(?:er)?\s+(?:{MONTHS})\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:\s*(?:à|-|–|,|\|)?\s*\d{{1,2}}\s*[h:]\s*\d{{0,2}}(?:\s*min)?)?\.?$"
    ));
    if bare.is_match(text) {
        found.published = Some(text.trim_end_matches('.').to_owned());
        return true;
    }
    false
}

/// Kinds recognised by their shape rather than their wording. Each pattern
/// runs only where the line's first characters allow it to match.
fn shaped(text: &str, folded: &str) -> Option<BoilerplateKind> {
    let first = text.chars().next()?;
    if first.is_ascii_lowercase()
        && text.contains('/')
        && regex!(r"^[a-z]{2,6}(?:-[a-z]{2,6}){0,3}(?:/[a-z]{2,6}(?:-[a-z]{2,6}){0,3}){1,5}$")
            .is_match(text)
    {
        return Some(BoilerplateKind::WireCode);
    }
    if (first == '©' || folded.starts_with("(c) ") || folded.starts_with("copyright"))
        && regex!(r"(?i)^(?:©|\(c\)\s|copyright(?:[^\p{L}]|$))").is_match(text)
    {
        let credit = regex!(r"(?i)photo|illustration|image|cr[ée]dit").is_match(text);
        return Some(if credit {
            BoilerplateKind::Credit
        } else {
            BoilerplateKind::Copyright
        });
    }
    let credit_like = [
        "photo",
        "(photo",
        "credit",
        "(credit",
        "illustration",
        "infographie",
    ]
    .iter()
    .any(|p| folded.starts_with(p));
    if credit_like && regex!(r"(?i)^\(?(?:photos?|cr[ée]dits?(?: photos?)?|illustration|infographie)\s*(?:d['’]illustration\s*)?(?::|/|©|-|–)?\s*\p{Lu}[^.!?]*(?:/|©|\s(?:AFP|Reuters|AP|Maxppp|Sipa)(?:[^\p{L}]|$))[^.!?]*\)?$").is_match(text) {
        return Some(BoilerplateKind::Credit);
    }
    if (folded.starts_with("avec ") || folded.starts_with("(avec ") || folded.starts_with("source"))
        && regex!(r"(?i)^(?:\(?avec (?:l['’])?(?:AFP|Reuters|AP|Belga|ATS)\)?|source\s*:\s*\S.*)$")
            .is_match(text)
    {
        return Some(BoilerplateKind::Credit);
    }
    // Agency credits: "ATS/KEY", "AFP/Reuters".
    if first.is_uppercase()
        && text.len() <= 40
        && regex!(r"^\p{Lu}{2,}(?:\s*/\s*\p{Lu}[\p{Lu}\p{Ll}]+)+$").is_match(text)
    {
        return Some(BoilerplateKind::Credit);
    }
    if share_bar(folded) {
        return Some(BoilerplateKind::Share);
    }
    // Tweet and post attributions: "— Nom (@handle) 3 mars 2024".
    if matches!(first, '—' | '–' | '-')
        && text.contains("(@")
        && regex!(r"^[—–-]\s*.+?\(@\w+\)\s*.*?\d{4}\s*$").is_match(text)
    {
        return Some(BoilerplateKind::Embed);
    }
    // A bare link left where an embed or a link card stood.
    if matches!(first, 'h' | 'w' | 'p')
        && regex!(r"^(?:https?://|www\.|pic\.twitter\.com/)\S+$").is_match(text)
    {
        return Some(BoilerplateKind::Embed);
    }
    if first == '#' && regex!(r"^#[\p{L}\d_]+(?:[\s,]+#[\p{L}\d_]+)*$").is_match(text) {
        return Some(BoilerplateKind::Tags);
    }
    if first.is_ascii_digit()
        && regex!(r"(?i)^\d+\s+(?:commentaires?|réactions?|partages?)$").is_match(text)
    {
        return Some(BoilerplateKind::Comments);
    }
    if (folded.starts_with("accueil") || folded.starts_with("home"))
        && regex!(r"(?i)^(?:accueil|home)\s*[>›»/|]").is_match(text)
    {
        return Some(BoilerplateKind::Navigation);
    }
    None
}

/// A bar of share buttons: "Partager : Facebook · X · WhatsApp · Copier le
/// lien", "Facebook Twitter Email".
fn share_bar(folded: &str) -> bool {
    const BUTTONS: [&str; 18] = [
        "partager",
        "partagez",
        "facebook",
        "x",
        "twitter",
        "whatsapp",
        "linkedin",
        "email",
        "e-mail",
        "mail",
        "messenger",
        "pinterest",
        "telegram",
        "imprimer",
        "copier le lien",
        "flipboard",
        "bluesky",
        "threads",
    ];
    let mut buttons = 0;
    for part in folded.split(['·', '|', '/', ',', '•', ':', '-', '–']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        // Buttons separated by punctuation, or by spaces: "facebook twitter email".
        if !BUTTONS.contains(&part) && !part.split(' ').all(|w| BUTTONS.contains(&w)) {
            return false;
        }
        buttons += 1;
    }
    buttons >= 2 || folded.split(' ').filter(|w| BUTTONS.contains(w)).count() >= 2
}

/// Whether `text` is nothing but a person's (or a desk's) name: "Leïla de
/// Comarmond", "Les Décodeurs". At the end of an article, that is its
/// signature.
pub(crate) fn name_only(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (2..=5).contains(&words) && text.len() <= 60 && regex!(&format!("^(?:{NAME})$")).is_match(text)
}

/// Whether a Markdown line links to an author page: `[Nom](/auteur/nom)`.
pub(crate) fn author_link(raw: &str) -> bool {
    regex!(r"\]\([^)]*/(?:auteurs?|authors?|journalistes?|signatures?|redaction)/").is_match(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use BoilerplateKind::*;

    fn kind(s: &str) -> Option<BoilerplateKind> {
        classify(s).map(|(k, _)| k)
    }

    #[test]
    fn bylines_and_what_they_say() {
        let (k, f) = classify("Par Jeanne Martin-Duval").unwrap();
        assert_eq!(
            (k, f.byline.as_deref()),
            (Byline, Some("Jeanne Martin-Duval"))
        );
        let (_, f) = classify("Publié par Paul de La Tour le 12 juin 2022").unwrap();
        assert_eq!(f.byline.as_deref(), Some("Paul de La Tour"));
        assert_eq!(f.published.as_deref(), Some("12 juin 2022"));
        assert_eq!(
            kind("Par rapport à 2021, le nombre de migrants a doublé."),
            None
        );
        assert_eq!(kind("Par ailleurs, Athènes a sollicité Bruxelles."), None);
    }

    #[test]
    fn dates() {
        let (k, f) =
            classify("Publié le 12/03/2025 à 18h42, mis à jour le 13/03/2025 à 07h10").unwrap();
        assert_eq!(k, Date);
        assert_eq!(
            f.published.as_deref(),
            Some("le 12/03/2025 à 18h42").map(|s| &s[3..])
        );
        assert_eq!(f.updated.as_deref(), Some("13/03/2025 à 07h10"));
        assert_eq!(kind("Mercredi 12 mars 2025 à 14h05"), Some(Date));
        assert_eq!(kind("Publié aujourd’hui"), None);
    }

    #[test]
    fn shapes_and_phrases() {
        assert_eq!(kind("bur-ahe/pz"), Some(WireCode));
        assert_eq!(kind("© Agence France-Presse"), Some(Copyright));
        assert_eq!(kind("Photo : Jean Dupont / Le Progrès"), Some(Credit));
        assert_eq!(kind("— Out of context (@ooc) July 23, 2022"), Some(Embed));
        assert_eq!(kind("PUBLICITÉ"), Some(Advertisement));
        assert_eq!(kind("Partager sur Facebook"), Some(Share));
        assert_eq!(
            kind("Partager : Facebook · X · WhatsApp · Copier le lien"),
            Some(Share)
        );
        assert_eq!(kind("Facebook Twitter Email"), Some(Share));
        assert_eq!(kind("X ou Facebook, le choix est fait."), None);
        assert_eq!(kind("ATS/KEY"), Some(Credit));
        assert_eq!(kind("La Presse Canadienne"), Some(Credit));
        assert_eq!(
            kind("Article rédigé par Julien Marchetti - franceinfo"),
            Some(Byline)
        );
        assert_eq!(kind("Par"), Some(Byline));
        assert_eq!(
            kind("Article publié le 15 mars 2016 sur le site de L’Orient-Le Jour"),
            Some(Date)
        );
        assert!(name_only("Leïla de Comarmond"));
        assert!(name_only("Les Décodeurs"));
        assert!(!name_only("Le maire a parlé"));
        assert!(!name_only("Paris"));
        assert!(author_link("[Anthony Lattier](/auteur/anthony-lattier)"));
        assert_eq!(kind("#StopRussianOil"), Some(Tags));
        assert_eq!(kind("12 commentaires"), Some(Comments));
        assert_eq!(kind("Les commentaires sont fermés."), Some(Comments));
        assert_eq!(kind("Temps de lecture : 4 min"), Some(Date));
        assert_eq!(
            kind(
                "Nous utilisons des cookies et des technologies similaires pour mesurer l’audience et vous proposer des publicités adaptées. Vous pouvez modifier vos choix à tout moment."
            ),
            Some(Navigation)
        );
        assert_eq!(
            kind("Le cookie, biscuit américain, conquiert les boulangeries."),
            None
        );
        assert_eq!(kind("La publicité recule en 2024."), None);
    }
}
