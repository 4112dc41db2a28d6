//! Structuring: blocks → [`Article`].
//!
//! One pass per decision, each reading the roles the previous ones gave:
//!
//! 1. boilerplate and promotion lines (lexicons and shapes, line by line),
//!    and "©" lines told apart by position (photo credit or copyright);
//! 2. the titles that follow a promotion label standing on its own line;
//! 3. the headline (front matter title, or the first content line, under a
//!    rubric kicker if there is one);
//! 4. the headline repeated in the body, paragraphs kept twice, and
//!    captions under images and credits;
//! 5. the standfirst (the lead set apart before byline and date lines);
//! 6. takeaway labels and the list after them;
//! 7. dialogue dashes, which are body text and not bullets; a name alone
//!    closing the article, which signs it;
//! 8. intertitles, from their shape and their neighbours, and numbered
//!    series of them;
//! 9. unlabelled teasers closing the page, and the list that closes the
//!    article (takeaways);
//! 10. assembly, with inline "(lire aussi : …)" taken out of paragraphs.
//!
//! Every block receives exactly one role, which is what makes the output
//! lossless. Line recognisers live in `boilerplate` and `promo`, pass 8 in
//! `headings`, pass 10 in `assemble`; the other passes are here.

mod assemble;
mod boilerplate;
mod headings;
mod promo;

use std::sync::LazyLock;

use regex::Regex;

use crate::block::{Block, BlockKind, Document, Marker};
use crate::hash::InputSet;
use crate::lexicon::{RUBRICS, TAKEAWAY_LABELS, fold_str};
use crate::shape;
use crate::{Article, BoilerplateKind, Metadata, Options, Span};

/// Headlines longer than this are body text: the document has no title line.
const MAX_HEADLINE_CHARS: usize = 300;
/// Paragraphs shorter than this (in bytes) may legitimately repeat ("Rien
/// n’est joué.").
const MIN_DUPLICATE_BYTES: usize = 80;
/// At most this many titles follow a block label such as "Sur le même sujet".
const MAX_BLOCK_TITLES: usize = 8;
/// What may follow a rubric kicker: "Tribune :", "ÉCONOMIE |", "Analyse -".
const RUBRIC_TRAIL: [char; 7] = [':', '.', '|', ' ', '-', '–', '>'];
/// Unlabelled teasers: how many title lines in a row at the end of a page,
/// of at least how many words.
const MIN_TEASERS: usize = 3;
const MIN_TEASER_WORDS: usize = 4;
/// A kicker in capitals above a headline is a word or two ("LIGUE 2").
const MAX_CAPS_KICKER_WORDS: usize = 2;
/// A caption is a line or two of text.
const MAX_CAPTION_CHARS: usize = 300;
/// A kicker over a promotion title ("Chronologie interactive.") is short.
const MAX_KICKER_CHARS: usize = 40;
/// Promotion titles are short; a longer line after a label is body text.
const MAX_TITLE_CHARS: usize = 220;

/// The role of a block in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    /// Not decided yet: content of some kind.
    Content,
    Headline,
    Standfirst,
    Heading,
    /// A list item read as a paragraph (a dialogue line, a numbered heading
    /// turned down).
    Paragraph,
    TakeawaysLabel,
    Takeaway,
    Promo {
        label: String,
        title: String,
        label_span: Option<Span>,
    },
    /// A promotion label alone on its line, found in pass 1; pass 2 looks
    /// for its titles on the next lines.
    PendingLabel {
        label: String,
        block: bool,
    },
    /// Folded into a neighbouring promotion: a label line whose titles
    /// follow, markup between it and them (both accounted for by the
    /// titles' `label_span`), or the title line under a kicker (covered by
    /// that promotion's own span).
    PromoLabel,
    Boilerplate(BoilerplateKind),
}

impl Role {
    /// Whether the block was taken out of the body (boilerplate, a
    /// promotion or part of one): passes looking for neighbouring body text
    /// step over it.
    fn out_of_body(&self) -> bool {
        matches!(
            self,
            Role::Boilerplate(_)
                | Role::Promo { .. }
                | Role::PromoLabel
                | Role::PendingLabel { .. }
        )
    }
}

/// Whether a line is a thing of its own — boilerplate or a promotion — that
/// a front end must not join to the text around it (wrapped Markdown).
pub(crate) fn stands_alone(text: &str) -> bool {
    stands_alone_kind(text).is_some() || promo::line(text).is_some()
}

/// The kind of boilerplate a line is, if it is one.
pub(crate) fn stands_alone_kind(text: &str) -> Option<BoilerplateKind> {
    boilerplate::classify(text).map(|(kind, _)| kind)
}

/// Whether a line is a whole promotion, label and title ("Lire aussi |
/// Titre").
pub(crate) fn is_promo_line(text: &str) -> bool {
    promo::line(text).is_some_and(|p| !p.title.is_empty())
}

/// The label of a line that is a promotion label with its titles on the
/// next lines ("Sur le même sujet :").
pub(crate) fn line_promo_label(text: &str) -> Option<String> {
    promo::line(text)
        .filter(|p| p.title.is_empty())
        .map(|p| p.label)
}

/// Builds the article from a front end's blocks.
pub(crate) fn build(input: &str, doc: Document, options: &Options) -> Article {
    let mut s = Structurer {
        input,
        html: doc.html,
        options,
        roles: vec![Role::Content; doc.blocks.len()],
        blocks: doc.blocks,
        metadata: doc.metadata,
    };
    s.line_roles();
    s.credits_by_position();
    s.promo_blocks();
    let headline = s.headline(doc.title);
    s.repeats(headline.as_ref().map(|h| h.0.as_str()));
    s.captions();
    s.standfirst();
    s.takeaway_labels();
    s.dialogue();
    s.signature();
    s.headings();
    s.trailing_teasers();
    s.closing_list();
    s.assemble(headline)
}

struct Structurer<'a> {
    input: &'a str,
    /// Blocks from HTML: spans cover markup, and no line is left to re-read.
    html: bool,
    options: &'a Options,
    blocks: Vec<Block>,
    roles: Vec<Role>,
    metadata: Metadata,
}

impl Structurer<'_> {
    fn is_content(&self, i: usize) -> bool {
        // (A pattern, not `==`: the derived comparison is a call that also
        // compares the payloads of other roles.)
        matches!(self.roles[i], Role::Content)
    }

    fn is_item(&self, i: usize) -> bool {
        matches!(self.blocks[i].kind, BlockKind::Item { .. })
    }

    /// The normalised text of block `i`'s whole source, list marker
    /// included.
    fn whole_line(&self, i: usize) -> String {
        if self.html {
            return self.blocks[i].text.clone();
        }
        crate::text::clean(
            &self.input[self.blocks[i].span.range()],
            self.metadata.markdown,
        )
    }

    /// Pass 1: boilerplate and promotion lines.
    fn line_roles(&mut self) {
        // The label of the related-posts box being read (HTML).
        let mut label: Option<usize> = None;
        for i in 0..self.blocks.len() {
            let block = &self.blocks[i];
            match block.kind {
                BlockKind::Boilerplate(kind) => {
                    self.roles[i] = Role::Boilerplate(kind);
                    continue;
                }
                BlockKind::PromoLabel => {
                    // Related boilerplate unless titles follow.
                    self.roles[i] = Role::Boilerplate(BoilerplateKind::Related);
                    label = Some(i);
                    continue;
                }
                BlockKind::PromoTitle => {
                    if let Some(l) = label {
                        self.roles[l] = Role::PromoLabel;
                    }
                    self.roles[i] = Role::Promo {
                        label: label
                            .map(|l| self.blocks[l].text.clone())
                            .unwrap_or_default(),
                        title: block.text.clone(),
                        label_span: label.map(|l| self.blocks[l].span),
                    };
                    continue;
                }
                _ => label = None,
            }
            // A line is judged whole, bullet included: "— Nom (@compte) 2024"
            // is an embed attribution, not a list item.
            let whole;
            let text = if self.is_item(i) {
                whole = self.whole_line(i);
                whole.as_str()
            } else {
                block.text.as_str()
            };
            let signed = self.metadata.markdown
                && boilerplate::author_link(&self.input[block.span.range()])
                && boilerplate::name_only(text);
            let classified = if signed {
                Some((
                    BoilerplateKind::Byline,
                    boilerplate::Found {
                        byline: Some(text.to_owned()),
                        ..Default::default()
                    },
                ))
            } else {
                boilerplate::classify(text)
            };
            if let Some((kind, found)) = classified {
                self.roles[i] = Role::Boilerplate(kind);
                let m = &mut self.metadata;
                m.byline = m.byline.take().or(found.byline);
                m.published = m.published.take().or(found.published);
                m.updated = m.updated.take().or(found.updated);
            } else if let Some(p) = promo::line(&block.text) {
                self.roles[i] = if p.title.is_empty() {
                    Role::PendingLabel {
                        label: p.label,
                        block: p.block,
                    }
                } else {
                    Role::Promo {
                        label: p.label,
                        title: p.title,
                        label_span: None,
                    }
                };
            }
        }
    }

    /// Captions: a short line under an image that ends with a photo credit
    /// ("… REUTERS/Mike Segar"), or under a credit line and not a sentence
    /// ("Léna Fabre et Mathis Oury lors de la générale").
    fn captions(&mut self) {
        for i in 1..self.blocks.len() {
            let under = &self.roles[i - 1];
            let b = &self.blocks[i];
            let short = self.is_content(i)
                && b.kind == BlockKind::Text
                && b.text.chars().count() <= MAX_CAPTION_CHARS;
            // Under an image, a line ending with a credit; under a credit
            // line, a line that is not a sentence.
            let credited = *under == Role::Boilerplate(BoilerplateKind::Image)
                && regex!(r"(?:^|\s)\p{Lu}{2,}[\p{Lu} .\-]*(?:\s*/\s*[\p{L} .\-]+)?$")
                    .is_match(&b.text);
            let described = *under == Role::Boilerplate(BoilerplateKind::Credit)
                && b.text.ends_with(char::is_alphanumeric)
                && !shape::heading_shaped(&b.text, self.options.max_heading_chars);
            if short && (credited || described) {
                self.roles[i] = Role::Boilerplate(BoilerplateKind::Caption);
            }
        }
    }

    /// A name alone after the last paragraph signs the article: "Leïla de
    /// Comarmond", "Les Décodeurs".
    fn signature(&mut self) {
        let mut body = (0..self.blocks.len()).rev().filter(|&k| {
            matches!(
                self.roles[k],
                Role::Content | Role::Paragraph | Role::Heading | Role::Standfirst
            )
        });
        let (Some(last), Some(before)) = (body.next(), body.next()) else {
            return;
        };
        let b = &self.blocks[last];
        if self.is_content(last)
            && b.kind == BlockKind::Text
            && boilerplate::name_only(&b.text)
            && shape::ends_sentence(&self.blocks[before].text)
        {
            self.roles[last] = Role::Boilerplate(BoilerplateKind::Byline);
            if self.metadata.byline.is_none() {
                self.metadata.byline = Some(b.text.clone());
            }
        }
    }

    /// "© Belga" under a photo is a credit; at the end of the article, a
    /// copyright line.
    fn credits_by_position(&mut self) {
        let last_content = self.roles.iter().rposition(|r| matches!(r, Role::Content));
        for i in 0..self.blocks.len() {
            if self.roles[i] != Role::Boilerplate(BoilerplateKind::Copyright) {
                continue;
            }
            let folded = fold_str(&self.blocks[i].text);
            let rights = ["droit", "reserv", "right", "copyright", "reproduction"]
                .iter()
                .any(|w| folded.contains(w));
            if folded.starts_with('©') && !rights && last_content.is_some_and(|l| l > i) {
                self.roles[i] = Role::Boilerplate(BoilerplateKind::Credit);
            }
        }
    }

    /// Pass 2: titles under a label that stands on its own line.
    fn promo_blocks(&mut self) {
        for i in 0..self.blocks.len() {
            let Role::PendingLabel { label, block } = self.roles[i].clone() else {
                continue;
            };
            let mut label_span = self.blocks[i].span;
            let mut titles: Vec<(Vec<usize>, String)> = Vec::new();
            let mut tight = None;
            let mut j = i + 1;
            while j < self.blocks.len() && titles.len() < MAX_BLOCK_TITLES {
                let b = &self.blocks[j];
                match &self.roles[j] {
                    // Markup between the label and its first title (a lone
                    // ":", an empty link) belongs to the label; after a
                    // title, it is passed over.
                    Role::Boilerplate(BoilerplateKind::Markup) if titles.is_empty() => {
                        self.roles[j] = Role::PromoLabel;
                        label_span = label_span.to(b.span);
                        j += 1;
                        continue;
                    }
                    Role::Boilerplate(BoilerplateKind::Markup) => {
                        j += 1;
                        continue;
                    }
                    Role::Content => {}
                    _ => break,
                }
                if promo::is_separator_line(&b.text) {
                    // "À lire aussi" / ":" / title: the separator on a line of
                    // its own belongs to the label; after a title, it ends the
                    // block.
                    if !titles.is_empty() {
                        break;
                    }
                    self.roles[j] = Role::PromoLabel;
                    label_span = label_span.to(b.span);
                    j += 1;
                    continue;
                }
                // Past the first title, a sentence ends the block; so does,
                // under a one-title label, a line that introduces body text
                // (an intertitle after "Lire aussi" and its title).
                // The first title may be a short kicker ending with a period
                // ("Chronologie interactive."), not a sentence of body text.
                let sentence = b.text.ends_with('.') && !b.text.ends_with("...");
                let ends = sentence || (!block && self.introduces_prose(j));
                let first_is_sentence =
                    titles.is_empty() && sentence && b.text.chars().count() > MAX_KICKER_CHARS;
                if !title_like(&b.text) || (!titles.is_empty() && ends) || first_is_sentence {
                    break;
                }
                // In a block written without blank lines, a blank line ends it.
                if titles.is_empty() {
                    tight = Some(!b.blank_before);
                } else if tight == Some(true) && b.blank_before {
                    break;
                }
                let mut lines = vec![j];
                let mut title = b.text.clone();
                // A kicker before the title: "Chronologie interactive." / "Syrie : …".
                let kicker = title.ends_with('.') && title.chars().count() <= MAX_KICKER_CHARS;
                if kicker && j + 1 < self.blocks.len() && self.is_content(j + 1) {
                    let next = &self.blocks[j + 1].text;
                    if title_like(next) && !next.ends_with('.') {
                        title = format!("{title} {next}");
                        lines.push(j + 1);
                    }
                }
                j = lines[lines.len() - 1] + 1;
                titles.push((lines, title));
            }
            if titles.is_empty() {
                // A label with nothing to promote; it keeps its separator lines.
                self.roles[i] = Role::Boilerplate(BoilerplateKind::Related);
                self.blocks[i].span = label_span;
                continue;
            }
            self.roles[i] = Role::PromoLabel;
            for (lines, title) in titles {
                let span = self.blocks[lines[0]]
                    .span
                    .to(self.blocks[lines[lines.len() - 1]].span);
                for &l in &lines[1..] {
                    self.roles[l] = Role::PromoLabel;
                }
                // A kicker and its title make one promotion spanning both lines.
                self.blocks[lines[0]].span = span;
                self.roles[lines[0]] = Role::Promo {
                    label: label.clone(),
                    title: promo::clean_title(&title),
                    label_span: Some(label_span),
                };
            }
        }
    }

    /// Whether the block after `i` is body text that starts a sentence.
    fn introduces_prose(&self, i: usize) -> bool {
        (i + 1..self.blocks.len())
            .find(|&k| !matches!(self.roles[k], Role::Boilerplate(_)))
            .is_some_and(|k| {
                let b = &self.blocks[k];
                self.is_content(k)
                    && matches!(
                        b.kind,
                        BlockKind::Text | BlockKind::Quote | BlockKind::Paragraph
                    )
                    && shape::starts_sentence(&b.text)
                    && shape::prose(&b.text, self.options.max_heading_chars)
            })
    }

    /// Pass 3: the headline.
    fn headline(&mut self, title: Option<(String, Span)>) -> Option<(String, Span)> {
        let first = (0..self.blocks.len()).find(|&i| {
            self.is_content(i)
                && !self.is_item(i)
                && !matches!(
                    self.blocks[i].kind,
                    BlockKind::Quote | BlockKind::Standfirst
                )
        });
        // A page's headline element is one of its blocks: that block is the
        // headline wherever it comes, or its text would be both the headline
        // and a block. Taken for something else (a promotion label,
        // boilerplate), it is no headline: the blocks tell, as for text.
        let own = title
            .as_ref()
            .filter(|(_, span)| !span.is_empty())
            .and_then(|(_, span)| (0..self.blocks.len()).find(|&i| self.blocks[i].span == *span));
        match (title, own) {
            (Some(_), Some(i)) if self.is_content(i) => {
                self.roles[i] = Role::Headline;
                return Some((self.blocks[i].text.clone(), self.blocks[i].span));
            }
            (Some(_), Some(_)) | (None, _) => {}
            // Its text already split into other blocks ("Imprimer | Envoyer
            // | Réagir" read piece by piece as boilerplate), or partly in
            // one: the blocks tell here too. (A title lying inside a single
            // block, front matter or a `<title>` in a header, is a headline
            // with no place of its own; see `Article::placements`.)
            (Some((_, span)), None)
                if !span.is_empty()
                    && self.blocks.iter().any(|b| {
                        b.span.start < span.end && span.start < b.span.end && !b.span.contains(span)
                    }) => {}
            (Some((title, span)), None) => {
                // Front matter gives the title; the body may repeat it first.
                if let Some(i) = first.filter(|&i| same_text(&self.blocks[i].text, &title)) {
                    self.roles[i] = Role::Headline;
                    return Some((self.blocks[i].text.clone(), self.blocks[i].span));
                }
                return Some((title, span));
            }
        }
        let mut i = first?;
        // A rubric kicker above the title: "Tribune", "ÉCONOMIE".
        let folded = fold_str(&self.blocks[i].text);
        let kicker = folded.trim_end_matches(RUBRIC_TRAIL);
        // Known rubrics, or a word or two in capitals ("LIGUE 2").
        let text = &self.blocks[i].text;
        // (Two capitals at least; scripts without case, Hebrew or Arabic,
        // are never in capitals.)
        let caps = text.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
            && !text.chars().any(char::is_lowercase)
            && text.split_whitespace().count() <= MAX_CAPS_KICKER_WORDS;
        // A line marked up as the title (`# Titre`) is no kicker.
        let title = matches!(self.blocks[i].kind, BlockKind::Heading { level: 1 });
        if text.len() <= 40 && !title && (RUBRICS.contains(kicker) || caps) {
            if let Some(next) = (i + 1..self.blocks.len()).find(|&k| self.is_content(k)) {
                if !self.is_item(next) && !shape::prose(&self.blocks[next].text, MAX_HEADLINE_CHARS)
                {
                    self.metadata.rubric = Some(
                        self.blocks[i]
                            .text
                            .trim_end_matches(RUBRIC_TRAIL)
                            .to_owned(),
                    );
                    self.roles[i] = Role::Boilerplate(BoilerplateKind::Navigation);
                    i = next;
                }
            }
        }
        let b = &self.blocks[i];
        // The first line is the title unless it is plainly a paragraph, or
        // body text (a list, a quotation) comes before it.
        let before_content = (0..i).all(|k| !self.is_content(k));
        if b.text.chars().count() > MAX_HEADLINE_CHARS || !before_content {
            return None;
        }
        self.roles[i] = Role::Headline;
        Some((b.text.clone(), b.span))
    }

    /// Pass 4: the headline repeated in the body; paragraphs kept twice.
    fn repeats(&mut self, headline: Option<&str>) {
        let headline = headline.map(|h| (h.len(), fold_str(h)));
        // (Sets of the document's own lines, only asked what they hold:
        // seeded at random, see `InputSet`. Sized for all blocks at once,
        // rather than grown and rehashed.)
        let mut seen = InputSet::with_capacity_and_hasher(self.blocks.len(), Default::default());
        // Short lines ("Alors tout y passe :") repeat legitimately; they are
        // duplicates only inside a run of duplicated paragraphs.
        let mut seen_short =
            InputSet::with_capacity_and_hasher(self.blocks.len(), Default::default());
        let mut short_repeats = Vec::new();
        for i in 0..self.blocks.len() {
            if !self.is_content(i) {
                continue;
            }
            let text = &self.blocks[i].text;
            // The headline comes back with other apostrophes or case; fold
            // only lines of about its length.
            let repeats_headline = headline.as_ref().is_some_and(|(len, folded)| {
                text.len().abs_diff(*len) <= len / 4 + 4 && fold_str(text) == *folded
            });
            if repeats_headline {
                self.roles[i] = Role::Boilerplate(BoilerplateKind::DuplicateHeadline);
            } else if text.len() >= MIN_DUPLICATE_BYTES {
                if !seen.insert(text.as_str()) {
                    self.roles[i] = Role::Boilerplate(BoilerplateKind::Duplicate);
                }
            } else if !seen_short.insert(text.as_str()) {
                short_repeats.push(i);
            }
        }
        // Forward, then backward, so that runs grow both ways.
        for &i in short_repeats.iter().chain(short_repeats.iter().rev()) {
            let duplicate = Role::Boilerplate(BoilerplateKind::Duplicate);
            let beside = (i > 0 && self.roles[i - 1] == duplicate)
                || self.roles.get(i + 1) == Some(&duplicate);
            if beside && self.is_content(i) {
                self.roles[i] = duplicate;
            }
        }
    }

    /// Pass 5: the standfirst, a lead paragraph set apart between the headline
    /// and the byline or date lines.
    fn standfirst(&mut self) {
        // Marked up as such.
        let marked = (0..self.blocks.len())
            .find(|&i| self.blocks[i].kind == BlockKind::Standfirst && self.is_content(i));
        if let Some(i) = marked {
            self.roles[i] = Role::Standfirst;
            return;
        }
        if self.html {
            // Pages mark their standfirst, or have none: a first paragraph
            // over a byline is body text.
            return;
        }
        let Some(h) = self.roles.iter().position(|r| *r == Role::Headline) else {
            // No headline line (one from front matter, or none at all): the
            // standfirst is then the first body block, on the same condition.
            return self.standfirst_after(0);
        };
        self.standfirst_after(h + 1);
    }

    /// Whether block `i`'s source is one run of bold text ("**Titre**").
    pub(super) fn all_bold(&self, i: usize) -> bool {
        let src = self.input[self.blocks[i].span.range()].trim();
        ["**", "__"].iter().any(|m| {
            src.len() > 4
                && src.starts_with(m)
                && src.ends_with(m)
                && !src[2..src.len() - 2].contains(m)
        })
    }

    fn standfirst_after(&mut self, from: usize) {
        let skippable = |r: &Role| {
            matches!(
                r,
                Role::Boilerplate(
                    BoilerplateKind::Image
                        | BoilerplateKind::Caption
                        | BoilerplateKind::Credit
                        | BoilerplateKind::FrontMatter
                        | BoilerplateKind::Markup
                        | BoilerplateKind::Share
                        | BoilerplateKind::Navigation
                        | BoilerplateKind::DuplicateHeadline
                )
            )
        };
        let Some(s) = (from..self.blocks.len()).find(|&i| !skippable(&self.roles[i])) else {
            return;
        };
        if !self.is_content(s) {
            return;
        }
        let b = &self.blocks[s];
        // A lead styled as a subtitle: a long sentence marked up as a heading.
        let styled_lead = matches!(b.kind, BlockKind::Heading { .. })
            && b.text.ends_with('.')
            && b.text.chars().count() > self.options.max_heading_chars;
        if styled_lead {
            self.roles[s] = Role::Standfirst;
            return;
        }
        if !matches!(
            b.kind,
            BlockKind::Text | BlockKind::Quote | BlockKind::Paragraph
        ) {
            return;
        }
        let more = (s + 1..self.blocks.len()).any(|i| self.is_content(i));
        // Markdown writes the chapô in bold: a paragraph all in bold first.
        if self.metadata.markdown && more && self.all_bold(s) {
            self.roles[s] = Role::Standfirst;
            return;
        }
        let next = (s + 1..self.blocks.len()).find(|&i| !skippable(&self.roles[i]));
        let by = next.is_some_and(|n| {
            matches!(
                self.roles[n],
                Role::Boilerplate(BoilerplateKind::Byline | BoilerplateKind::Date)
            )
        });
        if by && more {
            self.roles[s] = Role::Standfirst;
        }
    }

    /// Pass 6: "Ce qu’il faut retenir" and the list after it.
    fn takeaway_labels(&mut self) {
        for i in 0..self.blocks.len() {
            // Labels are a few words long.
            if !self.is_content(i) || self.is_item(i) || self.blocks[i].text.len() > 64 {
                continue;
            }
            let folded = fold_str(&self.blocks[i].text);
            if !TAKEAWAY_LABELS.contains(folded.trim_end_matches([':', ' ', '.'])) {
                continue;
            }
            // Lines already taken out of the body (a share bar, an ad, stray
            // markup) neither start nor end the list.
            let mut items = Vec::new();
            for j in i + 1..self.blocks.len() {
                if self.is_content(j) && self.is_item(j) {
                    items.push(j);
                } else if !self.roles[j].out_of_body() {
                    break;
                }
            }
            if items.is_empty() {
                continue;
            }
            self.roles[i] = Role::TakeawaysLabel;
            for j in items {
                self.roles[j] = Role::Takeaway;
            }
            // One takeaways box per article; a second label is read as text.
            return;
        }
    }

    /// Pass 7: dialogue lines written with a dash are body text.
    fn dialogue(&mut self) {
        static INCISE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)(?:^|[,!?»]\s*)(?:dit|dis|fit|fait|r[ée]pond\p{L}*|r[ée]pliqu\p{L}*|demand\p{L}*|lan[cç]\p{L}*|ajout\p{L}*|reprend\p{L}*|reprit|poursui\p{L}*|souffl\p{L}*|murmur\p{L}*|s[’']\s*[ée]cri\p{L}*|r[ée]torqu\p{L}*|interromp\p{L}*|coup\p{L}*|tranch\p{L}*|insist\p{L}*|l[âa]ch\p{L}*|assur\p{L}*|soupir\p{L}*|sourit|s[’']\s*exclam\p{L}*)[-‑](?:t[-‑])?(?:il|elle|ils|elles|on|je|tu|nous|vous)(?:[^\p{L}]|$)",
            )
            .expect("valid regex")
        });
        // ", a demandé Lucien." / ", lui avait répondu l’enseignante." /
        // ", dit Marc.": a reporting verb with its subject after it.
        static INVERTED_INCISE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"[,?!…]\s+(?:(?:lui|leur|me|m['’]|nous|vous)\s*)?(?:(?:a|avait|aura|eut)\s+\p{Ll}+|dit|r[ée]pond|demande|lance|ajoute|poursuit|reprend|souffle|rétorque|s['’]\s*exclame)\s+(?:\p{Lu}|l['’]|le\s|la\s|les\s|son\s|sa\s|ses\s|un\s|une\s)",
            )
            .expect("valid regex")
        });
        if self.html {
            // Markup gives lists as lists; dialogue sits in paragraphs.
            return;
        }
        for i in 0..self.blocks.len() {
            let BlockKind::Item { marker } = self.blocks[i].kind else {
                continue;
            };
            // Dialogue is written with dashes; "•" or "*" are always bullets,
            // and so is "-" in a document declared Markdown.
            let dashes: &[char] = if self.options.markdown == crate::Markdown::Always {
                &['–', '—']
            } else {
                &['-', '–', '—']
            };
            let dashed = self.input[self.blocks[i].span.range()]
                .trim_start()
                .starts_with(dashes);
            if !self.is_content(i) || !matches!(marker, Marker::Dash | Marker::Bullet) || !dashed {
                continue;
            }
            let text = &self.blocks[i].text;
            if INCISE.is_match(text) || INVERTED_INCISE.is_match(text) || text.starts_with('«') {
                self.roles[i] = Role::Paragraph;
            }
        }
    }

    /// Related-article teasers left without a label at the end of a page:
    /// three or more title-shaped lines after the last sentence of the body
    /// ("Sri Lanka : le président bloqué à l’aéroport"). They become
    /// promotions with an empty label.
    fn trailing_teasers(&mut self) {
        let max = self.options.max_heading_chars;
        let mut run = Vec::new();
        for k in (0..self.blocks.len()).rev() {
            match &self.roles[k] {
                r if r.out_of_body() => continue,
                Role::Content => {}
                _ => break,
            }
            let b = &self.blocks[k];
            // Article titles: longer than intertitles, but shaped like them.
            let teaser = b.kind == BlockKind::Text
                && title_like(&b.text)
                && !b.text.ends_with(['.', ',', ';'])
                && b.text.starts_with(char::is_uppercase)
                && b.text.split_whitespace().count() >= MIN_TEASER_WORDS;
            if !teaser {
                break;
            }
            run.push(k);
        }
        let Some(&first) = run.last() else {
            return;
        };
        let after_prose = (0..first)
            .rev()
            .find(|&k| matches!(self.roles[k], Role::Content | Role::Paragraph))
            .is_some_and(|k| shape::prose(&self.blocks[k].text, max));
        if run.len() < MIN_TEASERS || !after_prose {
            return;
        }
        for k in run {
            self.roles[k] = Role::Promo {
                label: String::new(),
                title: self.blocks[k].text.clone(),
                label_span: None,
            };
        }
    }

    /// Pass 9: the list that closes the article is its takeaways.
    fn closing_list(&mut self) {
        if self.roles.contains(&Role::Takeaway) {
            return;
        }
        let body = |r: &Role| {
            matches!(
                r,
                Role::Content | Role::Paragraph | Role::Heading | Role::Standfirst
            )
        };
        let Some(last) = (0..self.blocks.len()).rev().find(|&i| body(&self.roles[i])) else {
            return;
        };
        if !(self.is_content(last) && self.is_item(last)) {
            return;
        }
        let mut start = last;
        while start > 0 {
            let k = start - 1;
            if self.is_content(k) && self.is_item(k) {
                start = k;
            } else if self.roles[k].out_of_body() {
                // Keep looking above non-content, but only if an item is there.
                match (0..k).rev().find(|&j| !self.roles[j].out_of_body()) {
                    Some(j) if self.is_content(j) && self.is_item(j) => start = j,
                    _ => break,
                }
            } else {
                break;
            }
        }
        let Some(before) = (0..start)
            .rev()
            .find(|&k| body(&self.roles[k]) || self.roles[k] == Role::Headline)
        else {
            return;
        };
        if self.roles[before] == Role::Heading {
            // A heading over nothing but the closing list labels it.
            self.roles[before] = Role::TakeawaysLabel;
        } else if self.roles[before] == Role::Headline {
            return;
        }
        for k in start..=last {
            if self.is_content(k) && self.is_item(k) {
                self.roles[k] = Role::Takeaway;
            }
        }
    }
}

/// Whether two texts are the same up to case, accents and apostrophes.
fn same_text(a: &str, b: &str) -> bool {
    fold_str(a) == fold_str(b)
}

/// Whether a line after a promotion label can be its title.
fn title_like(text: &str) -> bool {
    let chars = text.chars().count();
    chars > 0
        && chars <= MAX_TITLE_CHARS
        && !text.ends_with(':')
        && !(text.ends_with('.') && chars > 120)
}
