//! The output model: a typed, lossless article.
//!
//! Every piece of text is normalised (see the crate docs) and carries a
//! [`Span`] into the original input. Together the pieces account for every
//! non-blank line of the input exactly once; [`Article::placements`] lists them
//! in input order so that this can be checked.

use crate::Span;
use crate::extraction::{Actor, Claim};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// A structured news article.
///
/// Built by [`parse_text`](crate::parse_text) or a [`Parser`](crate::Parser).
/// The field names are the JSON contract of the command-line tool and stay
/// stable; that is why the headline is a plain string with its span beside
/// it (`headline`, `headline_span`) while blocks of body text are
/// [`Paragraph`]s.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Article {
    /// The title of the article, if one was found.
    pub headline: Option<String>,
    /// Where the headline comes from in the input. When the headline was taken
    /// from Markdown front matter, this points inside that block.
    pub headline_span: Option<Span>,
    /// The chapô: the lead paragraph set apart between the headline and the
    /// byline or date lines.
    pub standfirst: Option<Paragraph>,
    /// The body, split at intertitles. The first section has no heading when
    /// the article starts with body text.
    pub sections: Vec<Section>,
    /// The label line that introduced the takeaways ("Ce qu’il faut retenir"…),
    /// if there was one.
    pub takeaways_label: Option<Paragraph>,
    /// Bullet points summing up the article: the list that closes it, or the
    /// list after a takeaway label.
    pub takeaways: Vec<Paragraph>,
    /// Cross-promotion links removed from the body ("À lire aussi : …").
    pub cross_promos: Vec<CrossPromo>,
    /// Lines removed from the body as non-content, each with its kind.
    pub boilerplate: Vec<Boilerplate>,
    /// People, organisations and places acting in the article, with their
    /// roles and mentions (empty when [`Options::extract`] is off).
    ///
    /// [`Options::extract`]: crate::Options::extract
    pub actors: Vec<Actor>,
    /// Who said what (empty when [`Options::extract`] is off).
    ///
    /// [`Options::extract`]: crate::Options::extract
    pub claims: Vec<Claim>,
    /// What was recognised about the document: byline, dates, URL…
    pub metadata: Metadata,
    /// What went wrong without stopping the parse (invalid bytes replaced).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub warnings: Vec<Warning>,
}

/// A problem met while reading a document that did not stop the parse.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Warning {
    /// Some bytes were invalid in the page's encoding and were replaced by
    /// U+FFFD.
    LossyDecoding {
        /// The encoding used ("UTF-8", "windows-1252").
        encoding: String,
    },
}

impl core::fmt::Display for Warning {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Warning::LossyDecoding { encoding } => {
                write!(f, "invalid {encoding} bytes were replaced by U+FFFD")
            }
        }
    }
}

/// A run of body text under an optional intertitle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Section {
    /// The intertitle, if the section has one.
    pub heading: Option<String>,
    /// Where the intertitle is in the input.
    pub heading_span: Option<Span>,
    /// The paragraphs, in input order.
    pub paragraphs: Vec<Paragraph>,
    /// List items kept in place, in input order. `after_paragraph` tells where
    /// each sits among the paragraphs.
    pub items: Vec<Item>,
}

/// A block of normalised text with its place in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Paragraph {
    /// Normalised text.
    pub text: String,
    /// Where it comes from; for a paragraph wrapped over several lines, the
    /// span covers them all.
    pub span: Span,
}

/// A list item kept in place inside a section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Item {
    /// Normalised text, without its bullet marker.
    pub text: String,
    /// Where it comes from (marker included).
    pub span: Span,
    /// How many of the section's paragraphs come before this item: items with
    /// the same value form one list.
    pub after_paragraph: usize,
}

/// A cross-promotion ("À lire aussi : …", "Lire aussi | …", a "Sur le même
/// sujet :" block…) removed from the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct CrossPromo {
    /// The formula as written ("À lire aussi", "LIRE AUSSI"…), without
    /// separators or markup.
    pub label: String,
    /// The promoted title (may be empty when the page gave none).
    pub title: String,
    /// Where the title (and, for a one-line promotion, the label) is.
    pub span: Span,
    /// Where the label line is, when the label stands on its own line above
    /// one or more titles. Shared by every title of such a block.
    pub label_span: Option<Span>,
    /// Whether the promotion sat inside a paragraph, as in "(lire aussi : …)".
    /// Its span then lies inside that paragraph's span.
    pub inline: bool,
}

/// A line removed from the body as non-content.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Boilerplate {
    /// What kind of non-content it is.
    pub kind: BoilerplateKind,
    /// The normalised text of the line.
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// The kinds of non-content lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BoilerplateKind {
    /// "Par Jeanne Martin", "Publié par …".
    Byline,
    /// "Publié le 3 mars 2025 à 14h05", "Mis à jour le …".
    Date,
    /// Share and social buttons.
    Share,
    /// Newsletter sign-up calls.
    Newsletter,
    /// Paywall and subscription calls.
    Subscription,
    /// Wire-service signatures such as "bur-ahe/pz".
    WireCode,
    /// "PUBLICITÉ" and other ad slots.
    Advertisement,
    /// Photo and illustration credits.
    Credit,
    /// Copyright lines: "© Agence France-Presse", "Tous droits réservés".
    Copyright,
    /// Separator lines: "***", "---".
    Separator,
    /// An image with no text of its own (Markdown `![…](…)`).
    Image,
    /// A YAML front-matter block.
    FrontMatter,
    /// The headline repeated inside the body.
    DuplicateHeadline,
    /// A paragraph repeated word for word (scrapers sometimes keep a page twice).
    Duplicate,
    /// A photo or video caption.
    Caption,
    /// "Mots-clés : …", tag lists.
    Tags,
    /// Comment counters and calls to comment.
    Comments,
    /// Breadcrumbs and navigation links.
    Navigation,
    /// An embed attribution, such as a tweet's "— Name (@handle) date" line.
    Embed,
    /// A related or sponsored content label with no title after it.
    Related,
    /// A line left holding markup only (an empty link, a lone escape).
    Markup,
    /// Page furniture around the article of an HTML page: menus, sidebars,
    /// headers and footers, listed one region at a time.
    Layout,
}

impl BoilerplateKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Date => "date",
            BoilerplateKind::Share => "share",
            BoilerplateKind::Newsletter => "newsletter",
            BoilerplateKind::Subscription => "subscription",
            BoilerplateKind::WireCode => "wire_code",
            BoilerplateKind::Advertisement => "advertisement",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::Copyright => "copyright",
            BoilerplateKind::Separator => "separator",
            BoilerplateKind::Image => "image",
            BoilerplateKind::FrontMatter => "front_matter",
            BoilerplateKind::DuplicateHeadline => "duplicate_headline",
            BoilerplateKind::Duplicate => "duplicate",
            BoilerplateKind::Caption => "caption",
            BoilerplateKind::Tags => "tags",
            BoilerplateKind::Comments => "comments",
            BoilerplateKind::Navigation => "navigation",
            BoilerplateKind::Embed => "embed",
            BoilerplateKind::Related => "related",
            BoilerplateKind::Markup => "markup",
            BoilerplateKind::Layout => "layout",
        }
    }

    /// Parses a snake_case name as used in JSON and in the lexicon files.
    pub(crate) fn from_name(name: &str) -> Option<BoilerplateKind> {
        ALL_KINDS.iter().copied().find(|k| k.as_str() == name)
    }
}

const ALL_KINDS: [BoilerplateKind; 22] = [
    BoilerplateKind::Byline,
    BoilerplateKind::Date,
    BoilerplateKind::Share,
    BoilerplateKind::Newsletter,
    BoilerplateKind::Subscription,
    BoilerplateKind::WireCode,
    BoilerplateKind::Advertisement,
    BoilerplateKind::Credit,
    BoilerplateKind::Copyright,
    BoilerplateKind::Separator,
    BoilerplateKind::Image,
    BoilerplateKind::FrontMatter,
    BoilerplateKind::DuplicateHeadline,
    BoilerplateKind::Duplicate,
    BoilerplateKind::Caption,
    BoilerplateKind::Tags,
    BoilerplateKind::Comments,
    BoilerplateKind::Navigation,
    BoilerplateKind::Embed,
    BoilerplateKind::Related,
    BoilerplateKind::Markup,
    BoilerplateKind::Layout,
];

impl core::fmt::Display for BoilerplateKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Facts about the document recognised while parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Metadata {
    /// The author line without its "Par" ("Jeanne Martin").
    pub byline: Option<String>,
    /// The publication date as written ("3 mars 2025 à 14h05").
    pub published: Option<String>,
    /// The last-update date as written.
    pub updated: Option<String>,
    /// The rubric or genre printed above the headline ("Tribune",
    /// "Économie"), when the document starts with one.
    pub rubric: Option<String>,
    /// `url:` from Markdown front matter, or an HTML page's canonical URL.
    pub url: Option<String>,
    /// `keywords:` (or `tags:`) from Markdown front matter, or an HTML
    /// page's keywords.
    pub keywords: Vec<String>,
    /// Whether the input was read as Markdown-flavoured text.
    pub markdown: bool,
    /// The character encoding an HTML page was decoded from, when it was
    /// given as bytes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub encoding: Option<String>,
}

/// Where a piece of the input ended up; see [`Article::placements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Place {
    /// [`Article::headline`].
    Headline,
    /// [`Article::standfirst`].
    Standfirst,
    /// A [`Section::heading`].
    Heading,
    /// A [`Section::paragraphs`] entry.
    Paragraph,
    /// A [`Section::items`] entry.
    Item,
    /// [`Article::takeaways_label`].
    TakeawaysLabel,
    /// An [`Article::takeaways`] entry.
    Takeaway,
    /// The label line of a block of cross-promotions.
    CrossPromoLabel,
    /// A (non-inline) [`Article::cross_promos`] entry.
    CrossPromo,
    /// An [`Article::boilerplate`] entry.
    Boilerplate,
}

impl Article {
    /// Every top-level piece of the article with its span, in input order.
    ///
    /// This is the lossless accounting: the spans never overlap, and together
    /// they cover every non-blank line of the input. Inline promotions (which
    /// lie inside a paragraph) and a headline that is not a block of its own
    /// (one taken from front matter or a page's `<title>`, lying inside the
    /// block that holds it) are not listed separately.
    #[must_use]
    pub fn placements(&self) -> Vec<(Place, Span)> {
        let mut out = Vec::new();
        if let Some(p) = &self.standfirst {
            out.push((Place::Standfirst, p.span));
        }
        for s in &self.sections {
            if let Some(span) = s.heading_span {
                out.push((Place::Heading, span));
            }
            out.extend(s.paragraphs.iter().map(|p| (Place::Paragraph, p.span)));
            out.extend(s.items.iter().map(|i| (Place::Item, i.span)));
        }
        if let Some(p) = &self.takeaways_label {
            out.push((Place::TakeawaysLabel, p.span));
        }
        out.extend(self.takeaways.iter().map(|p| (Place::Takeaway, p.span)));
        // Titles of one block share its label span, and come in order.
        let mut last_label = None;
        for promo in self.cross_promos.iter().filter(|p| !p.inline) {
            out.push((Place::CrossPromo, promo.span));
            if promo.label_span.is_some() && promo.label_span != last_label {
                last_label = promo.label_span;
                out.extend(last_label.map(|l| (Place::CrossPromoLabel, l)));
            }
        }
        out.extend(
            self.boilerplate
                .iter()
                .map(|b| (Place::Boilerplate, b.span)),
        );
        if let Some(span) = self.headline_span {
            let inside_another = out.iter().any(|&(_, s)| s != span && s.contains(span));
            if !inside_another {
                out.push((Place::Headline, span));
            }
        }
        out.sort_by_key(|&(_, span)| span);
        out
    }

    /// All body paragraphs and items, section by section, in input order.
    pub fn body(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().flat_map(Section::texts)
    }
}

impl Section {
    /// The section's paragraphs and list items interleaved in input order.
    pub fn content(&self) -> impl Iterator<Item = SectionBlock<'_>> {
        let mut items = self.items.iter().peekable();
        let mut paragraphs = self.paragraphs.iter().enumerate().peekable();
        core::iter::from_fn(move || {
            let item_first = match (items.peek(), paragraphs.peek()) {
                (Some(i), Some(&(n, _))) => i.after_paragraph <= n,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            if item_first {
                items.next().map(SectionBlock::Item)
            } else {
                paragraphs.next().map(|(_, p)| SectionBlock::Paragraph(p))
            }
        })
    }

    /// The text of the section's paragraphs and items, in input order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.content().map(SectionBlock::text)
    }
}

/// A piece of a section's body, as [`Section::content`] yields them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionBlock<'a> {
    /// A paragraph.
    Paragraph(&'a Paragraph),
    /// A list item.
    Item(&'a Item),
}

impl<'a> SectionBlock<'a> {
    /// The block's text.
    #[must_use]
    pub fn text(self) -> &'a str {
        match self {
            SectionBlock::Paragraph(p) => &p.text,
            SectionBlock::Item(i) => &i.text,
        }
    }
}
