//! The block model shared by the front ends.
//!
//! A front end (plain text, Markdown-flavoured text, HTML) turns its input
//! into a flat sequence of [`Block`]s: normalised, markup-free text with a span
//! and the hints the source format gave (this was a `#` heading, this line
//! started with a bullet, this sat inside a front-matter block). Structuring
//! then runs once on blocks, whatever the source: nothing about headlines,
//! headings, promotions or takeaways is written twice.

use crate::{BoilerplateKind, Metadata, Span};

/// One unit of input: a line of plain text, a Markdown paragraph, a list item.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// Normalised text, markup and bullet marker removed.
    pub(crate) text: String,
    /// The source bytes it comes from.
    pub(crate) span: Span,
    /// What the source format says it is.
    pub(crate) kind: BlockKind,
    /// Whether a blank line (or the start of the document) precedes it.
    pub(crate) blank_before: bool,
}

/// What the source format says a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running text whose role structuring decides from its shape.
    Text,
    /// A heading marked up as such (`#`, an underline); `level` 1 is a title.
    Heading { level: u8 },
    /// A list item with its marker.
    Item { marker: Marker },
    /// A block quotation (`>`, `<blockquote>`): body text, never a heading.
    Quote,
    /// A paragraph the markup marks as one (`<p>`): body text, never a
    /// heading.
    Paragraph,
    /// The standfirst, marked as such by the markup (a "chapo" class).
    Standfirst,
    /// The label of a related-posts box ("Sur le même sujet").
    PromoLabel,
    /// A linked title in a related-posts box.
    PromoTitle,
    /// Non-content already recognised by the front end.
    Boilerplate(BoilerplateKind),
}

/// The bullet of a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// "-", "*", "+", "•", "·", "▪", "►"…
    Bullet,
    /// "–" or "—": a bullet, or a dialogue dash inside body text.
    Dash,
    /// "1." or "1)".
    Number,
    /// No marker: a run of indented lines.
    Indent,
}

/// A front end's output.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub(crate) blocks: Vec<Block>,
    pub(crate) metadata: Metadata,
    /// A title from metadata (front matter), with the span of its value.
    pub(crate) title: Option<(String, Span)>,
    /// Whether the blocks come from HTML: their spans then cover markup,
    /// and their text is all there is to read.
    pub(crate) html: bool,
}
