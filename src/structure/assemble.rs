//! Assembly: roles → the [`Article`](crate::Article), with inline
//! promotions taken out of body text.

use super::{Role, Structurer, promo};
use crate::block::{Block, BlockKind};
use crate::{Article, Boilerplate, CrossPromo, Item, Paragraph, Section, Span};

impl Structurer<'_> {
    /// Pass 10: assembly.
    pub(super) fn assemble(self, headline: Option<(String, Span)>) -> Article {
        let mut article = Article {
            metadata: self.metadata,
            ..Article::default()
        };
        if let Some((text, span)) = headline {
            article.headline = Some(text);
            // A title with no bytes of its own (read from metadata, or
            // from inside another block) has no span.
            article.headline_span = (!span.is_empty()).then_some(span);
        }
        let markdown = article.metadata.markdown;
        let html = self.html;
        let mut section: Option<Section> = None;
        for (block, role) in self.blocks.into_iter().zip(self.roles) {
            let Block {
                text, span, kind, ..
            } = block;
            // Body text loses its inline promotions, wherever it goes.
            let text = if matches!(
                role,
                Role::Standfirst | Role::Content | Role::Paragraph | Role::Takeaway
            ) {
                take_inline_promos(
                    self.input,
                    text,
                    span,
                    markdown,
                    html,
                    &mut article.cross_promos,
                )
            } else {
                text
            };
            match role {
                // Pass 2 turns every pending label into a promotion label or
                // a `related` line, so none is left here.
                Role::Headline | Role::PromoLabel | Role::PendingLabel { .. } => {}
                Role::Standfirst => article.standfirst = Some(Paragraph { text, span }),
                Role::Heading => {
                    article.sections.extend(section.take());
                    section = Some(Section {
                        heading: Some(text),
                        heading_span: Some(span),
                        ..Section::default()
                    });
                }
                Role::Content | Role::Paragraph => {
                    let s = section.get_or_insert_with(Section::default);
                    if role == Role::Content && matches!(kind, BlockKind::Item { .. }) {
                        s.items.push(Item {
                            text,
                            span,
                            after_paragraph: s.paragraphs.len(),
                        });
                    } else {
                        s.paragraphs.push(Paragraph { text, span });
                    }
                }
                Role::TakeawaysLabel => article.takeaways_label = Some(Paragraph { text, span }),
                Role::Takeaway => article.takeaways.push(Paragraph { text, span }),
                Role::Promo {
                    label,
                    title,
                    label_span,
                } => article.cross_promos.push(CrossPromo {
                    label,
                    title,
                    span,
                    label_span,
                    inline: false,
                }),
                Role::Boilerplate(kind) => {
                    article.boilerplate.push(Boilerplate { kind, text, span })
                }
            }
        }
        article.sections.extend(section);
        article
    }
}

/// Takes inline promotions — "(lire aussi : …)", "[voir aussi : …]" —
/// out of a paragraph, recording each with its exact span in the source.
///
/// Brackets are paired in the source, in one pass, and a pair is a
/// promotion when its cleaned content is one (see `promo::bracketed`). It is
/// then cut out of the paragraph's text by finding that same cleaned content
/// there, left to right. In HTML, whose source is markup, the paragraph's
/// text is read instead, and a promotion's span is its paragraph's.
fn take_inline_promos(
    input: &str,
    text: String,
    span: Span,
    markdown: bool,
    html: bool,
    promos: &mut Vec<CrossPromo>,
) -> String {
    // (A byte search: most paragraphs have no bracket, and a search for a
    // set of chars decodes every char of them.)
    if memchr::memchr2(b'(', b'[', text.as_bytes()).is_none() {
        return text;
    }
    let owned;
    let raw = if html {
        owned = text.clone();
        owned.as_str()
    } else {
        &input[span.range()]
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for pair in promo::bracket_pairs(raw) {
        let inner = crate::text::clean(&raw[pair.start + 1..pair.end - 1], markdown);
        let Some(p) = promo::bracketed(&inner) else {
            continue;
        };
        let whole = crate::text::clean(&raw[pair.clone()], markdown);
        let Some(found) = text[at..].find(&whole).map(|f| f + at) else {
            // The cleaned text differs around the brackets (a Markdown link
            // split into two pairs): leave this one and the rest in place,
            // rather than search the paragraph again for each.
            break;
        };
        push_piece(&mut out, &text[at..found]);
        at = found + whole.len();
        promos.push(CrossPromo {
            label: p.label,
            title: p.title,
            span: if html {
                span
            } else {
                Span::new(span.start + pair.start, span.start + pair.end)
            },
            label_span: None,
            inline: true,
        });
    }
    if at == 0 {
        return text;
    }
    push_piece(&mut out, &text[at..]);
    out
}

/// Appends the text between two cuts: one space where the source had one
/// (French puts one before ":" or "»"), or where words would otherwise be
/// glued, none before "." "," ")".
fn push_piece(out: &mut String, piece: &str) {
    let trimmed = piece.trim();
    let Some(first) = trimmed.chars().next() else {
        return;
    };
    if !out.is_empty() {
        let spaced = piece.starts_with(char::is_whitespace) && !matches!(first, '.' | ',' | ')');
        if spaced || first.is_alphanumeric() || matches!(first, '«' | '(' | '"') {
            out.push(' ');
        }
    }
    out.push_str(trimmed);
}
