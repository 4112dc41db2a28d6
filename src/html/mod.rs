//! The HTML front end: a page → the [`Block`]s the text front end makes.
//!
//! The page is parsed once with scraper (html5ever, the HTML standard's
//! algorithm), flattened with source spans (`dom`), its metadata read
//! (`meta`), its main container and headline found (`content`), and then
//! walked once, in document order, into blocks carrying what the markup
//! says: `h2` is a heading, `li` an item, `p` a paragraph, `blockquote` a
//! quotation, `figcaption` a caption, a related-posts box a list of
//! promotions, a share bar or a comment section boilerplate of that kind.
//! Everything outside the main container is page furniture, listed as
//! boilerplate region by region. Structuring then runs as for text: nothing
//! about headlines, promotions or takeaways is written twice.

mod content;
pub(crate) mod decode;
mod dom;
mod lean;
mod meta;

use scraper::Html;

use crate::block::{Block, BlockKind, Document, Marker};
use crate::lexicon::fold_str;
use crate::normalize::normalize;
use crate::structure::{is_promo_line, line_promo_label, stands_alone_kind};
use crate::{BoilerplateKind, Metadata, Span};
use content::Zone;
use dom::{Dom, Ix, Kind, Tag};

/// A related-posts title is a few words at least ("Lire la suite" is not).
const MIN_PROMO_TITLE_WORDS: usize = 3;
/// A label over related posts is short ("Sur le même sujet").
const MAX_PROMO_LABEL_CHARS: usize = 60;
/// A promotion line ("Lire aussi | Titre") is at most this long.
const MAX_PROMO_LINE_CHARS: usize = 300;
/// A table row longer than this, or holding blocks, is layout, not data.
const MAX_DATA_ROW_CHARS: u32 = 400;

/// Reads a page (already validated) into blocks.
pub(crate) fn read(input: &str, max_depth: usize) -> Document {
    // Tags past the depth limit are blanked out, byte for byte, so that
    // spans still point into `input`.
    let source = dom::Source::new(input, max_depth);
    let flat: &str = &source.text;
    let html = Html::parse_document(&lean::lean(flat));
    let dom = Dom::with_runs(&html, flat, &source.runs);
    let page = meta::PageMeta::read(&dom);
    let meta_headline = page.headline();
    let zones = content::Zones::new(&dom);
    let layout = content::layout(&dom, &zones, meta_headline.as_deref());
    let mut walker = Walker {
        input: flat,
        dom: &dom,
        zones: &zones,
        main: layout.main,
        headline: layout.headline,
        blocks: Vec::new(),
        buf: Vec::new(),
        stack: Vec::new(),
        lead_done: false,
        after_image: false,
        last_end: 0,
    };
    walker.walk();
    let title = match layout.headline {
        Some(ix) => {
            let (text, span) = dom.text_of(ix);
            Some((normalize(&text), span.unwrap_or_default()))
        }
        None => meta_headline.map(|h| {
            let span = page.title.as_ref().and_then(|t| t.1).unwrap_or_default();
            (h, span)
        }),
    };
    let metadata = Metadata {
        byline: page.author,
        published: page.published,
        updated: page.updated,
        rubric: page.section,
        url: page.url,
        keywords: page.keywords,
        markdown: false,
        encoding: None,
    };
    Document {
        blocks: walker.blocks,
        metadata,
        title: title.filter(|(t, _)| !t.is_empty()),
        html: true,
    }
}

/// A piece of text waiting to become a block.
enum Piece<'a> {
    /// A text node, borrowed from the parsed page.
    Text(&'a str, Option<Span>),
    /// `<br>`: two in a row end a paragraph.
    Break,
    /// Between two cells of a table row.
    Cell,
}

/// An open block-level element.
struct Open {
    end: Ix,
    tag: Tag,
    /// A table row read as one line of data.
    data_row: bool,
    /// Whether it lies outside the main container.
    outside: bool,
    /// A byline or date box: its pieces are listed one by one, each as
    /// what it says it is, else as this.
    boiler: Option<BoilerplateKind>,
}

struct Walker<'d, 'a> {
    input: &'d str,
    dom: &'d Dom<'a>,
    zones: &'d content::Zones<'d, 'a>,
    /// The main container and its continuing siblings.
    main: Vec<Ix>,
    headline: Option<Ix>,
    blocks: Vec<Block>,
    buf: Vec<Piece<'a>>,
    stack: Vec<Open>,
    lead_done: bool,
    /// Whether an image came after the last block.
    after_image: bool,
    /// End of the last span given, for blocks whose text was not found in
    /// the source.
    last_end: usize,
}

impl<'a> Walker<'_, 'a> {
    fn walk(&mut self) {
        let nodes = &self.dom.nodes;
        let mut ix = 0;
        while ix < nodes.len() {
            self.close_until(ix);
            let node = &nodes[ix];
            let e = match &node.kind {
                Kind::Text { text, span } => {
                    self.buf.push(Piece::Text(text, *span));
                    ix += 1;
                    continue;
                }
                Kind::Element(e) => e,
            };
            let in_main = self.main.iter().any(|&m| self.dom.contains(m, ix));
            if Some(ix) == self.headline {
                self.flush();
                let (text, span) = self.dom.text_of(ix);
                self.push_block(normalize(&text), span, BlockKind::Heading { level: 1 });
                ix = node.end;
                continue;
            }
            let zone = self
                .zones
                .zone(ix, in_main)
                // Page furniture is read block by block: a sidebar holds a
                // newsletter box, a footer a copyright line.
                .filter(|z| *z != Zone::Boilerplate(BoilerplateKind::Layout));
            if let Some(Zone::Boilerplate(
                kind @ (BoilerplateKind::Byline | BoilerplateKind::Date),
            )) = zone
            {
                self.open(node.end, e.tag, !in_main, false, Some(kind));
                ix += 1;
                continue;
            }
            if let Some(zone) = zone {
                self.flush();
                self.zone(ix, zone);
                ix = node.end;
                continue;
            }
            // In a byline or date box, every element is a piece of its own
            // ("Par <a>Nom</a> — <time>7 mai</time>").
            if self.stack.iter().any(|o| o.boiler.is_some()) && e.tag != Tag::Br {
                self.open(node.end, e.tag, !in_main, false, None);
                ix += 1;
                continue;
            }
            if e.hint == Some(crate::lexicon::Hint::Lead) && !self.lead_done && node.chars > 0 {
                self.flush();
                let (text, span) = self.dom.text_of(ix);
                let kind = if in_main || self.main.first().is_some_and(|&m| ix < m) {
                    self.lead_done = true;
                    BlockKind::Standfirst
                } else {
                    BlockKind::Boilerplate(BoilerplateKind::Layout)
                };
                self.push_block(normalize(&text), span, kind);
                ix = node.end;
                continue;
            }
            match e.tag {
                Tag::Br => self.buf.push(Piece::Break),
                Tag::Img => self.after_image = true,
                // A caption, read piece by piece: it may hold a credit.
                Tag::Figcaption => {
                    self.open(
                        node.end,
                        e.tag,
                        !in_main,
                        false,
                        Some(BoilerplateKind::Caption),
                    );
                }
                // Cells of a data row make one line.
                Tag::Td if self.stack.last().is_some_and(|o| o.data_row) => self.cell(),
                tag if tag.is_block() => {
                    let data_row = tag == Tag::Tr && self.is_data_row(ix);
                    self.open(node.end, tag, !in_main, data_row, None);
                }
                _ => {}
            }
            ix += 1;
        }
        self.close_until(usize::MAX);
        self.flush();
    }

    /// Ends the text read so far and opens an element whose text is read
    /// apart from it, up to `end`.
    fn open(
        &mut self,
        end: Ix,
        tag: Tag,
        outside: bool,
        data_row: bool,
        boiler: Option<BoilerplateKind>,
    ) {
        self.flush();
        self.stack.push(Open {
            end,
            tag,
            data_row,
            outside,
            boiler,
        });
    }

    /// A new cell of a data row: a separator after the previous one.
    fn cell(&mut self) {
        if !self.buf.is_empty() {
            self.buf.push(Piece::Cell);
        }
    }

    /// Closes the open elements that end before `ix`.
    fn close_until(&mut self, ix: Ix) {
        while self.stack.last().is_some_and(|o| o.end <= ix) {
            // A data row's cells do not break its line.
            self.flush();
            self.stack.pop();
        }
    }

    fn is_data_row(&self, tr: Ix) -> bool {
        let node = &self.dom.nodes[tr];
        if node.chars > MAX_DATA_ROW_CHARS {
            return false;
        }
        let mut k = tr + 1;
        while k < node.end {
            let n = &self.dom.nodes[k];
            if self.dom.tag(k) == Some(Tag::Td) {
                if n.has_blocks {
                    return false;
                }
                k = n.end;
            } else {
                k += 1;
            }
        }
        true
    }

    /// The kind of text block the open elements make.
    fn current_kind(&self) -> BlockKind {
        let Some(top) = self.stack.last() else {
            return BlockKind::Text;
        };
        if let Some(kind) = self.stack.iter().rev().find_map(|o| o.boiler) {
            return BlockKind::Boilerplate(kind);
        }
        if top.outside {
            return BlockKind::Boilerplate(BoilerplateKind::Layout);
        }
        let quoted = self.stack.iter().any(|o| o.tag == Tag::Blockquote);
        for (k, open) in self.stack.iter().enumerate().rev() {
            let kind = match open.tag {
                Tag::H(level) => BlockKind::Heading { level },
                Tag::Li => {
                    let numbered = self.stack[..k]
                        .iter()
                        .rev()
                        .find(|o| matches!(o.tag, Tag::Ul | Tag::Ol))
                        .is_some_and(|o| o.tag == Tag::Ol);
                    BlockKind::Item {
                        marker: if numbered {
                            Marker::Number
                        } else {
                            Marker::Bullet
                        },
                    }
                }
                Tag::P | Tag::Pre | Tag::Dd | Tag::Dt => BlockKind::Paragraph,
                Tag::Tr if open.data_row => BlockKind::Paragraph,
                _ => continue,
            };
            return match kind {
                BlockKind::Paragraph if quoted => BlockKind::Quote,
                kind => kind,
            };
        }
        if quoted {
            BlockKind::Quote
        } else {
            BlockKind::Text
        }
    }

    /// Turns the pending text into blocks: one per run of text between
    /// double line breaks.
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let kind = self.current_kind();
        // Page furniture goes line by line: one <br> ends a line.
        let min_breaks = if kind == BlockKind::Boilerplate(BoilerplateKind::Layout) {
            1
        } else {
            2
        };
        // Taken out of `self` for `push_block`, and put back after: its
        // allocation serves the next run of text.
        let mut pieces = std::mem::take(&mut self.buf);
        let mut text = String::new();
        let mut span: Option<Span> = None;
        let mut breaks = 0;
        for piece in pieces.drain(..) {
            match piece {
                Piece::Text(t, s) => {
                    if t.trim().is_empty() {
                        text.push(' ');
                        continue;
                    }
                    if breaks >= min_breaks {
                        self.push_block(block_text(&text), span, kind);
                        text.clear();
                        span = None;
                    }
                    breaks = 0;
                    text.push_str(t);
                    if let Some(s) = s {
                        span = Some(span.map_or(s, |sp| sp.to(s)));
                    }
                }
                Piece::Break => {
                    breaks += 1;
                    text.push('\n');
                }
                Piece::Cell => text.push_str(" | "),
            }
        }
        self.buf = pieces;
        self.push_block(block_text(&text), span, kind);
    }

    /// Adds a block, giving a text found nowhere in the source an empty span
    /// where the previous block ended; page furniture next to page
    /// furniture joins it.
    fn push_block(&mut self, text: String, span: Option<Span>, kind: BlockKind) {
        if text.is_empty() {
            return;
        }
        let span = span.unwrap_or(Span::new(self.last_end, self.last_end));
        self.last_end = self.last_end.max(span.end);
        let kind = if std::mem::take(&mut self.after_image) && is_caption(&text, kind) {
            BlockKind::Boilerplate(BoilerplateKind::Caption)
        } else if let Some(parts) = boilerplate_parts(&text, kind) {
            // "Le 4 avril | Par Yann Le Goff": each piece as what it is,
            // where it can be found in the source.
            let raw = &self.input[span.range()];
            let pieces = split_pieces(raw);
            let located: Vec<_> = if pieces.len() == parts.len() {
                parts
                    .iter()
                    .zip(pieces)
                    .map(|((part, found), (s, e))| {
                        (
                            part.clone(),
                            Span::new(span.start + s, span.start + e),
                            *found,
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            if located.len() == parts.len() && parts.len() > 1 {
                for (part, part_span, found) in located {
                    self.blocks.push(Block {
                        text: part,
                        span: part_span,
                        kind: BlockKind::Boilerplate(found),
                        blank_before: true,
                    });
                }
                return;
            }
            BlockKind::Boilerplate(parts[0].1)
        } else {
            kind
        };
        // Outside the article, or in a byline box, a line that says what it
        // is (a byline, a date, a share call) is listed as that.
        let kind = match kind {
            BlockKind::Boilerplate(
                k @ (BoilerplateKind::Layout | BoilerplateKind::Byline | BoilerplateKind::Date),
            ) => BlockKind::Boilerplate(stands_alone_kind(&text).unwrap_or(k)),
            kind => kind,
        };
        if kind == BlockKind::Boilerplate(BoilerplateKind::Layout) {
            if let Some(last) = self.blocks.last_mut() {
                if last.kind == kind {
                    last.text.push_str(" | ");
                    last.text.push_str(&text);
                    last.span = last.span.to(span);
                    return;
                }
            }
        }
        self.blocks.push(Block {
            text,
            span,
            kind,
            blank_before: true,
        });
    }

    /// Emits an element taken as a whole.
    fn zone(&mut self, ix: Ix, zone: Zone) {
        match zone {
            Zone::Invisible => {}
            Zone::Boilerplate(kind) => {
                let (text, span) = self.dom.text_of(ix);
                let text = normalize(&text);
                // A form or a menu says what it is for ("Inscrivez-vous à
                // notre newsletter").
                let kind = match kind {
                    BoilerplateKind::Navigation => stands_alone_kind(&text).unwrap_or(kind),
                    kind => kind,
                };
                self.push_block(text, span, BlockKind::Boilerplate(kind));
            }
            Zone::Related => self.related(ix),
        }
    }

    /// A related-posts box: its label, one promotion per linked title, and
    /// what else it holds (dates, teasers) as boilerplate.
    fn related(&mut self, ix: Ix) {
        let dom = self.dom;
        let end = dom.nodes[ix].end;
        // "Lire aussi | <a>Titre</a>" in a box of its own: one line, which
        // structuring reads as any promotion line.
        let (whole, whole_span) = dom.text_of(ix);
        let whole = normalize(&whole);
        let links = (ix..end)
            .filter(|&k| dom.tag(k) == Some(Tag::A) && dom.nodes[k].chars > 0)
            .count();
        if links == 1 && whole.chars().count() <= MAX_PROMO_LINE_CHARS && is_promo_line(&whole) {
            self.push_block(whole, whole_span, BlockKind::Paragraph);
            return;
        }
        // The label: a short heading before the first link, inside the box
        // or just above it.
        let first_link = (ix..end)
            .find(|&k| dom.tag(k) == Some(Tag::A))
            .unwrap_or(end);
        let label_el = (ix + 1..first_link).find(|&k| {
            dom.element(k).is_some_and(|e| {
                matches!(e.tag, Tag::H(_) | Tag::P | Tag::Block | Tag::Inline)
                    && dom.nodes[k].chars > 0
                    && !dom.nodes[k].has_blocks
            })
        });
        let label = label_el.map(|k| {
            let (t, s) = dom.text_of(k);
            (normalize(&t), s, k)
        });
        let label =
            label.filter(|(t, _, _)| !t.is_empty() && t.chars().count() <= MAX_PROMO_LABEL_CHARS);
        if label.is_none() {
            // "<h3>Sur le même sujet</h3><ul class=related>…"
            if let Some(prev) = self.blocks.last_mut() {
                if matches!(
                    prev.kind,
                    BlockKind::Heading { .. } | BlockKind::Text | BlockKind::Paragraph
                ) && line_promo_label(&prev.text).is_some()
                {
                    prev.kind = BlockKind::PromoLabel;
                }
            }
        } else if let Some((text, span, _)) = &label {
            self.push_block(text.clone(), *span, BlockKind::PromoLabel);
        }
        let label_end = label.as_ref().map_or(ix, |(_, _, k)| dom.nodes[*k].end);
        let mut seen: Vec<String> = Vec::new();
        let mut rest = String::new();
        let mut rest_span: Option<Span> = None;
        let mut k = label_end.max(ix + 1);
        while k < end {
            let node = &dom.nodes[k];
            match &node.kind {
                Kind::Element(e) if e.hidden || matches!(e.tag, Tag::Invisible | Tag::JsonLd) => {
                    k = node.end;
                    continue;
                }
                Kind::Element(e) if e.tag == Tag::A => {
                    let (t, s) = dom.text_of(k);
                    let title = normalize(&t);
                    if title.split_whitespace().count() >= MIN_PROMO_TITLE_WORDS {
                        if !seen.contains(&title) {
                            self.push_rest(&mut rest, &mut rest_span);
                            seen.push(title.clone());
                            self.push_block(title, s, BlockKind::PromoTitle);
                        } else {
                            rest.push_str(&t);
                            rest_span = join(rest_span, s);
                        }
                        k = node.end;
                        continue;
                    }
                }
                Kind::Element(e) if e.tag.is_block() || e.tag == Tag::Br => rest.push(' '),
                Kind::Element(_) => {}
                Kind::Text { text, span } => {
                    rest.push_str(text);
                    rest_span = join(rest_span, *span);
                }
            }
            k += 1;
        }
        self.push_rest(&mut rest, &mut rest_span);
    }

    fn push_rest(&mut self, rest: &mut String, span: &mut Option<Span>) {
        let text = normalize(rest);
        rest.clear();
        if !text.is_empty() {
            self.push_block(
                text,
                span.take(),
                BlockKind::Boilerplate(BoilerplateKind::Related),
            );
        }
        *span = None;
    }
}

/// Under an image, a short line that names a photo or its credit, and is
/// not a sentence, is its caption ("Roman Dupont, photo: Archives").
fn is_caption(text: &str, kind: BlockKind) -> bool {
    const MAX_CAPTION_CHARS: usize = 200;
    const MARKS: [&str; 5] = ["photo", "©", "credit", "illustration", "image"];
    matches!(kind, BlockKind::Text | BlockKind::Paragraph)
        && text.chars().count() <= MAX_CAPTION_CHARS
        && !text.ends_with('.')
        && {
            let folded = fold_str(text);
            MARKS.iter().any(|m| folded.contains(m))
        }
}

/// The text of a block: normalised, without the cell separators that empty
/// cells leave at its ends.
fn block_text(raw: &str) -> String {
    let text = normalize(raw);
    let trimmed = text.trim_end_matches(" |").trim_start_matches("| ");
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.trim().to_owned()
    }
}

/// The separators between pieces of a line of page furniture.
const PIECE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " · ", " • "];

/// The byte ranges of the non-blank pieces of `raw` between separators.
fn split_pieces(raw: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = PIECE_SEPARATORS
        .iter()
        .flat_map(|sep| raw.match_indices(sep).map(|(at, s)| (at, at + s.len())))
        .collect();
    cuts.sort_unstable();
    let mut pieces = Vec::new();
    let mut from = 0;
    for (start, end) in cuts.into_iter().chain([(raw.len(), raw.len())]) {
        if start < from {
            continue;
        }
        let piece = &raw[from..start];
        let lead = piece.len() - piece.trim_start().len();
        if !piece.trim().is_empty() {
            pieces.push((from + lead, from + lead + piece.trim().len()));
        }
        from = end;
    }
    pieces
}

/// A short line of pieces that are each boilerplate ("Le 4 avril | Par Yann
/// Le Goff", "Imprimer | Envoyer à un ami | Réagir (4)"): the pieces and
/// their kinds.
fn boilerplate_parts(text: &str, kind: BlockKind) -> Option<Vec<(String, BoilerplateKind)>> {
    const MAX_CHARS: usize = 200;
    let short = text.chars().count() <= MAX_CHARS;
    let textual = matches!(
        kind,
        BlockKind::Text
            | BlockKind::Paragraph
            | BlockKind::Heading { .. }
            | BlockKind::Boilerplate(
                BoilerplateKind::Layout | BoilerplateKind::Byline | BoilerplateKind::Date
            )
    );
    if !short || !textual || !PIECE_SEPARATORS.iter().any(|s| text.contains(s)) {
        return None;
    }
    let mut parts = Vec::new();
    for (start, end) in split_pieces(text) {
        let part = &text[start..end];
        parts.push((part.to_owned(), stands_alone_kind(part)?));
    }
    (!parts.is_empty()).then_some(parts)
}

fn join(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.to(b)),
        (a, b) => a.or(b),
    }
}
