//! depeche turns raw French news — text as scrapers save it, one paragraph per
//! line or Markdown — into a typed [`Article`]: headline, standfirst (chapô),
//! sections with their intertitles and in-place lists, closing takeaways, and
//! the cross-promotions ("À lire aussi : …") and boilerplate (bylines, dates,
//! share buttons, wire codes, credits) taken out of the body and listed.
//!
//! ```
//! let input = "\
//! Une conversation cruciale
//! Après douze mois de silence, Washington et Moscou se reparlent.
//! À lire aussi : Les frères Tate : nouvelles perquisitions
//! Les détails de l’entretien
//! Lors de cet appel, les discussions ont été franches.
//! - Maintenir le dialogue.
//! - Éviter l’escalade.
//! ";
//! let article = depeche::parse_text(input)?;
//! assert_eq!(article.headline.as_deref(), Some("Une conversation cruciale"));
//! assert_eq!(article.sections.len(), 2);
//! assert_eq!(article.sections[1].heading.as_deref(), Some("Les détails de l’entretien"));
//! assert_eq!(article.cross_promos[0].label, "À lire aussi");
//! assert_eq!(article.cross_promos[0].title, "Les frères Tate : nouvelles perquisitions");
//! assert_eq!(article.takeaways.len(), 2);
//! # Ok::<(), depeche::Error>(())
//! ```
//!
//! # Pipeline
//!
//! ```text
//! &str ──► validate ──► text front end ──► blocks ──► structure ──► Article
//!          (size, NUL)  (lines, Markdown,   (one       (boilerplate, promos,
//!                        normalisation)      model)     headline, standfirst,
//!                                                       takeaways, headings)
//! ```
//!
//! Each stage has one module: `text` reads the layout, `structure` decides
//! what every block is, `lexicon` holds the data the rules consult (promotion
//! labels, takeaway labels, boilerplate phrases, as text files).
//!
//! # Actors and claims
//!
//! After structuring, [`extract`] reads the headline, standfirst, sections
//! and takeaways (never cross-promotions or boilerplate) and fills
//! [`Article::actors`] (people, organisations, places, with their roles and
//! every mention) and [`Article::claims`] (who said what: direct,
//! indirect, mixed or "according to"). Turn it off with
//! [`Options::extract`]. Spans of mentions, roles and claims are byte ranges
//! of the input, like every other span.
//!
//! # Normalisation and spans
//!
//! Output text is normalised: no-break and thin spaces become plain spaces,
//! soft hyphens and zero-width characters are removed, runs of white space
//! are collapsed, HTML entities left by scrapers are decoded, and the text is
//! in Unicode NFC. Every block still carries a [`Span`] of byte offsets into
//! the caller's input, so the exact source is always one slice away:
//!
//! ```
//! let input = "Titre\r\n\r\nIl a dit\u{A0}: «\u{A0}non\u{A0}».\r\n";
//! let article = depeche::parse_text(input)?;
//! let paragraph = &article.sections[0].paragraphs[0];
//! assert_eq!(paragraph.text, "Il a dit : « non ».");
//! assert_eq!(&input[paragraph.span.range()], "Il a dit\u{A0}: «\u{A0}non\u{A0}».");
//! # Ok::<(), depeche::Error>(())
//! ```
//!
//! # Lossless accounting
//!
//! Every non-blank line of the input lands in exactly one place: the
//! headline, the standfirst, a section (heading, paragraph or item), the
//! takeaways, a cross-promotion or a boilerplate entry. Nothing is dropped
//! silently; [`Article::placements`] lists the pieces in input order.
//!
//! # Errors
//!
//! Bad input gets an [`Error`], never a panic: empty or blank text, input over
//! the size limit, binary data, invalid UTF-8 (with its offset).
//!
//! # Performance
//!
//! Patterns and lexicons are compiled once per process, on first use (a few
//! milliseconds); after that a document costs time linear in its size, on
//! the order of 70 MB/s on one core for typical articles (`cargo bench`). A
//! [`Parser`] holds no state between documents: share one across threads and
//! parse documents in parallel.
//!
//! # Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for the output model.
//! - `batch` (default, through `cli`): [`batch`], records of JSON Lines
//!   and WARC files for batch processing.
//! - `cli` (default): the `depeche` command-line tool.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// A regular expression compiled once, on first use, where it is written.
macro_rules! regex {
    ($re:expr) => {{
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new($re).expect("valid regex"));
        &*RE
    }};
}

mod article;
#[cfg(feature = "batch")]
pub mod batch;
mod block;
mod error;
mod extract;
mod extraction;
mod hash;
mod html;
mod lexicon;
mod normalize;
mod options;
mod render;
mod shape;
mod span;
mod structure;
mod text;

pub use article::{
    Article, Boilerplate, BoilerplateKind, CrossPromo, Item, Metadata, Paragraph, Place, Section,
    SectionBlock, Warning,
};
pub use error::Error;
pub use extract::extract;
pub use extraction::{Actor, ActorKind, Claim, ClaimKind, Extraction, Mention, Role};
pub use html::decode::Decoded;
pub use options::{Markdown, Options, Parser};
pub use span::Span;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Parses plain (or Markdown-flavoured) French news text with the default
/// [`Options`].
///
/// # Errors
///
/// See [`Parser::parse_text`].
pub fn parse_text(input: &str) -> Result<Article, Error> {
    Parser::default().parse_text(input)
}

/// Parses an HTML page with the default [`Options`].
///
/// # Errors
///
/// See [`Parser::parse_html`].
pub fn parse_html(input: &str) -> Result<Article, Error> {
    Parser::default().parse_html(input)
}

/// Decodes an HTML page given as bytes: byte order mark, then the charset
/// its `<meta>` declares, then UTF-8 if valid, else windows-1252. Invalid
/// bytes become U+FFFD and [`Decoded::lossy`] says so. Spans of an article
/// parsed from [`Decoded::text`] point into that text.
///
/// ```
/// let d = depeche::decode_html(b"<meta charset=iso-8859-1><p>\xc9t\xe9</p>");
/// assert_eq!(d.text, "<meta charset=iso-8859-1><p>\u{c9}t\u{e9}</p>");
/// assert_eq!((d.encoding, d.lossy), ("windows-1252", false));
/// ```
#[must_use]
pub fn decode_html(bytes: &[u8]) -> Decoded<'_> {
    html::decode::decode(bytes)
}

/// Refuses input over the size limit.
fn check_size(len: usize, options: &Options) -> Result<(), Error> {
    if len > options.max_input_bytes {
        return Err(Error::TooLarge {
            size: len,
            limit: options.max_input_bytes,
        });
    }
    Ok(())
}

/// Checks what every front end refuses: oversized, binary or empty input.
fn validate(input: &str, options: &Options) -> Result<(), Error> {
    check_size(input.len(), options)?;
    if let Some(offset) = memchr::memchr(0, input.as_bytes()) {
        return Err(Error::Binary { offset });
    }
    // Text has almost no control characters besides line breaks and tabs;
    // data has many. A stray one (an ANSI escape, a form feed) is fine.
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c);
    let head = &input.as_bytes()[..input.len().min(8192)];
    // Counted in a byte per chunk of 255, which cannot overflow it: the
    // compiler vectorises that count, not one kept in a `usize`.
    let controls: usize = head
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, b| n + u8::from(is_control(b)))))
        .sum();
    if controls >= MIN_BINARY_CONTROLS && controls * 20 > head.len() {
        let offset = head.iter().position(is_control).unwrap_or_default();
        return Err(Error::Binary { offset });
    }
    if normalize::is_blank(input) {
        return Err(Error::Empty);
    }
    Ok(())
}

/// How many control bytes the first 8 KiB must hold (and more than one in
/// twenty bytes) before a document counts as binary.
const MIN_BINARY_CONTROLS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Article>();
        check::<Parser>();
        check::<Error>();
    }

    #[test]
    fn bad_input_gets_clear_errors() {
        assert_eq!(parse_text(""), Err(Error::Empty));
        assert_eq!(parse_text(" \n\u{A0}\u{200B}\n"), Err(Error::Empty));
        assert_eq!(parse_text("ab\0cd"), Err(Error::Binary { offset: 2 }));
        assert!(
            parse_text("Titre\n\x01\nTexte.\n").is_ok(),
            "one control byte is not binary"
        );
        let data: String = (0..64u8).map(|b| char::from(b % 32 + 1)).collect();
        assert!(matches!(parse_text(&data), Err(Error::Binary { .. })));
        let small = Parser::new(Options::default().max_input_bytes(4));
        assert_eq!(
            small.parse_text("Titre long"),
            Err(Error::TooLarge { size: 10, limit: 4 })
        );
        assert_eq!(
            Parser::default().parse_text_bytes(b"Titre\n\xff\xfe"),
            Err(Error::InvalidUtf8 { offset: 6 })
        );
        assert!(
            Error::InvalidUtf8 { offset: 6 }
                .to_string()
                .contains("offset 6")
        );
    }
}
