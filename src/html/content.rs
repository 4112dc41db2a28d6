//! Finding the article in the page: which elements are page furniture, which
//! one holds the main content, which `h1` is the headline.
//!
//! Explicit markup comes first (`article`, `main`, `itemprop="articleBody"`,
//! the CMS body classes of `lexicon/html_hints.txt`); when it is missing or
//! holds little of the page's prose, containers are scored the way
//! readability does it: every block of running text (25 letters or more)
//! scores for its parent and, half, for its grandparent, one point plus one
//! per comma plus one per hundred letters (three at most), and a
//! container's score shrinks with the share of its text inside links.

use std::cell::OnceCell;

use super::dom::{Dom, Ix, Kind, Tag};
use crate::BoilerplateKind;
use crate::lexicon::{Hint, fold_str};

/// What an element is, as a whole, when it is not walked into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    /// Nothing visible (scripts, hidden elements).
    Invisible,
    /// Related-article links: cross-promotions.
    Related,
    /// Boilerplate of this kind, listed whole.
    Boilerplate(BoilerplateKind),
}

/// Small boilerplate (a byline, a share bar) is a few hundred letters; a
/// container holding more under such a class name is something else.
const MAX_SMALL_ZONE_CHARS: u32 = 400;
/// Letters a block needs to count as running text in scoring.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// An explicit container is kept if it holds at least this share of the
/// prose of the best-scored container.
const EXPLICIT_SHARE: f32 = 0.5;
/// Among nested explicit containers, the innermost one holding this share
/// of the best one's prose is the body.
const NESTED_SHARE: f32 = 0.7;
/// A scored container inside the marked one is the body when it holds this
/// share of the marked one's prose.
const INNER_SHARE: f32 = 0.75;
/// A label heading a box ("Sur le même sujet", "12 commentaires") is short;
/// longer first texts are not looked at.
const MAX_LABEL_BYTES: usize = 120;
/// A box of readers' comments found by its counter is at most this long
/// (longer, the counter heads something else: the article).
const MAX_COMMENTS_CHARS: u32 = 2000;
/// A footer or aside inside the article made of links is navigation.
const LINKY: f32 = 0.5;

/// The zones of a page's elements, as [`Zones::zone`] tells them.
///
/// The layout asks for every element as seen from outside the article,
/// and the walk again for the elements it reaches: what costs a look at
/// their text is worked out once, per element (whether its comments are
/// readers') or per text (what it says as the label of a box: nested boxes
/// often open with the same text).
pub(crate) struct Zones<'d, 'a> {
    dom: &'d Dom<'a>,
    /// By text node: what it says as a label.
    labels: Vec<OnceCell<Label>>,
    /// By element: whether a comment section holds readers' comments.
    comments: Vec<OnceCell<bool>>,
}

/// A text opening a box, as a label.
struct Label {
    /// Normalised, when it is short enough to be a label.
    text: Option<String>,
    /// Whether it counts comments ("2 réactions").
    comments: OnceCell<bool>,
    /// Whether it is a promotion label (see [`is_promo_label`]).
    promo: OnceCell<bool>,
}

impl<'d, 'a> Zones<'d, 'a> {
    pub(crate) fn new(dom: &'d Dom<'a>) -> Zones<'d, 'a> {
        let n = dom.nodes.len();
        Zones {
            dom,
            labels: std::iter::repeat_with(OnceCell::new).take(n).collect(),
            comments: std::iter::repeat_with(OnceCell::new).take(n).collect(),
        }
    }

    /// What the label opening a box makes of it: a comment counter ("2
    /// réactions"), comments; a promotion label ("À écouter aussi"),
    /// related content.
    fn labelled_zone(&self, ix: Ix, tag: Tag) -> Option<Zone> {
        let dom = self.dom;
        let node = &dom.nodes[ix];
        let first = first_text(dom, ix)?;
        let label = self.labels[first].get_or_init(|| Label {
            text: box_label(dom, first),
            comments: OnceCell::new(),
            promo: OnceCell::new(),
        });
        let text = label.text.as_deref()?;
        let comments = !matches!(tag, Tag::Ul | Tag::Nav)
            && node.chars <= MAX_COMMENTS_CHARS
            && *label.comments.get_or_init(|| {
                crate::structure::stands_alone_kind(text) == Some(BoilerplateKind::Comments)
            });
        if comments {
            return Some(Zone::Boilerplate(BoilerplateKind::Comments));
        }
        if node.chars <= 2 * MAX_SMALL_ZONE_CHARS
            && *label.promo.get_or_init(|| is_promo_label(text))
        {
            return Some(Zone::Related);
        }
        None
    }

    /// What an element is when it is not walked into, given whether it
    /// lies in the main container.
    pub(crate) fn zone(&self, ix: Ix, in_main: bool) -> Option<Zone> {
        let dom = self.dom;
        let node = &dom.nodes[ix];
        let Kind::Element(e) = &node.kind else {
            return None;
        };
        if e.hidden || matches!(e.tag, Tag::Invisible | Tag::JsonLd | Tag::Head) {
            return Some(Zone::Invisible);
        }
        // What holds the article is never furniture, whatever its class says
        // ("has-sidebar", "post has-comments").
        if matches!(e.tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article)
            || node.has_h1
            || e.tag == Tag::H(1)
            || node.has_body_markup
            || e.body_markup
        {
            return None;
        }
        match e.hint {
            Some(Hint::Boilerplate(BoilerplateKind::Related)) => return Some(Zone::Related),
            Some(Hint::Boilerplate(BoilerplateKind::Layout)) if in_main => {}
            // Small boilerplate is a few hundred letters; larger, it is
            // something else under a misleading name.
            Some(Hint::Boilerplate(kind))
                if is_small_kind(kind) && node.chars <= MAX_SMALL_ZONE_CHARS =>
            {
                return Some(Zone::Boilerplate(kind));
            }
            Some(Hint::Boilerplate(kind)) if is_small_kind(kind) => {}
            // "Commentaires" is also a live report's commentary: readers'
            // comments are signed and answered.
            Some(Hint::Boilerplate(BoilerplateKind::Comments))
                if *self.comments[ix].get_or_init(|| readers_comments(dom, ix)) =>
            {
                return Some(Zone::Boilerplate(BoilerplateKind::Comments));
            }
            Some(Hint::Boilerplate(BoilerplateKind::Comments)) => {}
            Some(Hint::Boilerplate(kind)) => return Some(Zone::Boilerplate(kind)),
            _ => {}
        }
        // A box that opens with a label says what it holds.
        let boxed = matches!(
            e.tag,
            Tag::Aside | Tag::Block | Tag::Ul | Tag::Footer | Tag::Nav
        );
        if boxed {
            if let Some(zone) = self.labelled_zone(ix, e.tag) {
                return Some(zone);
            }
        }
        let linky = dom.link_density(ix) > LINKY;
        match e.tag {
            Tag::Nav => Some(Zone::Boilerplate(BoilerplateKind::Navigation)),
            Tag::Form | Tag::Button => Some(Zone::Boilerplate(BoilerplateKind::Navigation)),
            Tag::Address => Some(Zone::Boilerplate(BoilerplateKind::Byline)),
            Tag::Header | Tag::Footer | Tag::Aside if !in_main => {
                Some(Zone::Boilerplate(BoilerplateKind::Layout))
            }
            Tag::Footer | Tag::Aside if linky => {
                Some(Zone::Boilerplate(BoilerplateKind::Navigation))
            }
            _ => None,
        }
    }
}

/// Kinds of boilerplate that come in small boxes (a byline, a share bar).
fn is_small_kind(kind: BoilerplateKind) -> bool {
    matches!(
        kind,
        BoilerplateKind::Byline
            | BoilerplateKind::Date
            | BoilerplateKind::Caption
            | BoilerplateKind::Credit
            | BoilerplateKind::Tags
            | BoilerplateKind::Share
            | BoilerplateKind::Copyright
            | BoilerplateKind::Advertisement
    )
}

/// Whether a comment section holds readers' comments: authors, avatars,
/// reply links or a form, or the words readers' comments come with.
fn readers_comments(dom: &Dom<'_>, ix: Ix) -> bool {
    const MARKS: [&str; 8] = [
        "author", "avatar", "vcard", "reply", "respond", "pseudo", "user", "auteur",
    ];
    const WORDS: [&str; 4] = ["repondre", "signaler", "commenter", "reagir"];
    let end = dom.nodes[ix].end.min(ix + COMMENT_MARK_NODES);
    (ix..end).any(|k| match &dom.nodes[k].kind {
        Kind::Element(e) => {
            matches!(e.tag, Tag::Form | Tag::Button)
                || e.el.name() == "textarea"
                || e.el.classes().chain(e.el.id()).any(|name| {
                    let name = name.to_ascii_lowercase();
                    MARKS.iter().any(|m| name.contains(m))
                })
        }
        Kind::Text { text, .. } => {
            text.len() < 40 && {
                let folded = fold_str(text);
                WORDS.iter().any(|w| folded.contains(w))
            }
        }
    })
}

/// How many nodes into an element its first text is looked for: a label
/// opens a box, and the look stays bounded on pages nested deep (each of a
/// hundred thousand nested `div`s would otherwise look through all the
/// others).
const FIRST_TEXT_NODES: usize = 32;
/// How many nodes of a comment section are looked through for readers'
/// marks.
const COMMENT_MARK_NODES: usize = 2000;

/// The first visible text node of an element.
fn first_text(dom: &Dom<'_>, ix: Ix) -> Option<Ix> {
    let end = dom.nodes[ix].end.min(ix + 1 + FIRST_TEXT_NODES);
    (ix + 1..end)
        .find(|&k| matches!(&dom.nodes[k].kind, Kind::Text { text, .. } if !text.trim().is_empty()))
}

/// A text node's text, normalised, when it is short enough to be the label
/// of a box.
fn box_label(dom: &Dom<'_>, text: Ix) -> Option<String> {
    let Kind::Text { text, .. } = &dom.nodes[text].kind else {
        return None;
    };
    Some(text.trim())
        .filter(|t| t.len() <= MAX_LABEL_BYTES)
        .map(crate::normalize::normalize)
}

/// Whether a box label is a promotion label standing alone, and not that of
/// a site-wide list ("Les plus lus").
fn is_promo_label(label: &str) -> bool {
    label.chars().count() <= super::MAX_PROMO_LABEL_CHARS
        && crate::structure::line_promo_label(label).is_some()
        && !crate::lexicon::HTML_HINTS.is_sitewide_label(label)
}

/// The page's structure as far as content goes.
pub(crate) struct Layout {
    /// The elements holding the article body: the main container and the
    /// siblings that continue it, in document order.
    pub(crate) main: Vec<Ix>,
    /// The `h1` that is the headline, if one is.
    pub(crate) headline: Option<Ix>,
}

/// Finds the main container and the headline element.
pub(crate) fn layout(dom: &Dom<'_>, zones: &Zones<'_, '_>, meta_headline: Option<&str>) -> Layout {
    let n = dom.nodes.len();
    // Elements inside furniture (as seen from outside the article), and the
    // prose (letters outside links) of each subtree, furniture left out.
    let mut furniture = vec![false; n];
    for ix in 0..n {
        let inherited = dom.nodes[ix].parent.is_some_and(|p| furniture[p]);
        furniture[ix] = inherited || zones.zone(ix, false).is_some();
    }
    let mut prose = vec![0u32; n];
    for ix in (0..n).rev() {
        let node = &dom.nodes[ix];
        if furniture[ix] {
            continue;
        }
        if let Kind::Text { .. } = node.kind {
            let in_link = (node.parent).is_some_and(|p| is_in_link(dom, p));
            if !in_link {
                prose[ix] = node.chars;
            }
        }
        if let Some(p) = node.parent {
            prose[p] += prose[ix];
        }
    }
    let scored = density_winner(dom, &furniture);
    let explicit = explicit_body(dom, &furniture, &prose);
    let body = (0..n)
        .find(|&ix| dom.tag(ix) == Some(Tag::Body))
        .unwrap_or(0);
    let main = match (explicit, scored) {
        // The scored container inside the marked one, holding most of its
        // prose, leaves out what the marked one adds (related articles,
        // paywall boxes).
        (Some(e), Some(d)) if dom.contains(e, d) => {
            if prose[d] as f32 >= INNER_SHARE * prose[e] as f32 {
                d
            } else {
                e
            }
        }
        (Some(e), Some(d)) => {
            if prose[e] as f32 >= EXPLICIT_SHARE * prose[d] as f32 {
                e
            } else {
                d
            }
        }
        (Some(e), None) => e,
        (None, Some(d)) => d,
        (None, None) => body,
    };
    let headline = headline(dom, &furniture, main, meta_headline);
    let main = with_siblings(dom, &furniture, &prose, main);
    Layout { main, headline }
}

/// Prose a sibling of the main container needs to continue it.
const MIN_SIBLING_PROSE: u32 = 80;
/// And the most of its text it may hold in links.
const MAX_SIBLING_LINKS: f32 = 0.25;

/// The main container and the siblings that continue it, after readability's
/// sibling rule: bodies are often split (a summary box, then the text; text,
/// an ad slot, more text). Before the container, any block of prose with few
/// links continues it; after it, only a block of the same kind (same tag and
/// classes), as what follows a body is often about it (notes, author boxes,
/// calls to react) rather than part of it.
fn with_siblings(dom: &Dom<'_>, furniture: &[bool], prose: &[u32], main: Ix) -> Vec<Ix> {
    let Some(parent) = dom.nodes[main].parent else {
        return vec![main];
    };
    if matches!(dom.tag(main), Some(Tag::Body | Tag::Html)) {
        return vec![main];
    }
    let mut out = Vec::new();
    let mut k = parent + 1;
    while k < dom.nodes[parent].end {
        let same_kind = || {
            let (a, b) = (dom.element(k), dom.element(main));
            a.zip(b)
                .is_some_and(|(a, b)| a.tag == b.tag && a.el.attr("class") == b.el.attr("class"))
        };
        let continues = k == main
            || (!furniture[k]
                && prose[k] >= MIN_SIBLING_PROSE
                && dom.link_density(k) <= MAX_SIBLING_LINKS
                && dom.tag(k).is_some_and(|t| !matches!(t, Tag::H(1)))
                && (k < main || same_kind()));
        if continues {
            out.push(k);
        }
        k = dom.nodes[k].end;
    }
    out
}

fn is_in_link(dom: &Dom<'_>, mut ix: Ix) -> bool {
    // Links are shallow: a few levels up is enough.
    for _ in 0..4 {
        match dom.tag(ix) {
            Some(Tag::A) => return true,
            Some(tag) if tag.is_block() => return false,
            _ => {}
        }
        match dom.nodes[ix].parent {
            Some(p) => ix = p,
            None => return false,
        }
    }
    false
}

/// The innermost explicit body container holding most of the prose.
fn explicit_body(dom: &Dom<'_>, furniture: &[bool], prose: &[u32]) -> Option<Ix> {
    let candidates: Vec<Ix> = (0..dom.nodes.len())
        .filter(|&ix| !furniture[ix] && prose[ix] > 0)
        .filter(|&ix| {
            dom.element(ix).is_some_and(|e| {
                e.body_markup
                    || e.hint == Some(Hint::Content)
                    || matches!(e.tag, Tag::Article | Tag::Main)
            })
        })
        .collect();
    let best = candidates.iter().map(|&ix| prose[ix]).max()?;
    // Candidates come in document order: a descendant comes after its
    // ancestor, so the last qualifying one nested in the others is the
    // innermost.
    candidates
        .into_iter()
        .filter(|&ix| prose[ix] as f32 >= NESTED_SHARE * best as f32)
        .max_by_key(|&ix| depth(dom, ix))
}

fn depth(dom: &Dom<'_>, mut ix: Ix) -> usize {
    let mut d = 0;
    while let Some(p) = dom.nodes[ix].parent {
        ix = p;
        d += 1;
    }
    d
}

/// The readability-style winner; see the module docs.
fn density_winner(dom: &Dom<'_>, furniture: &[bool]) -> Option<Ix> {
    let mut score = vec![0f32; dom.nodes.len()];
    for (ix, node) in dom.nodes.iter().enumerate() {
        if furniture[ix] || node.inline_chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let Some(tag) = dom.tag(ix) else { continue };
        if !matches!(
            tag,
            Tag::P | Tag::Td | Tag::Pre | Tag::Block | Tag::Blockquote | Tag::Dd | Tag::Li
        ) {
            continue;
        }
        let points = 1.0
            + node.commas.min(node.inline_chars / 10) as f32
            + (node.inline_chars as f32 / 100.0).min(3.0);
        // Text straight in a container (soup of <br>) scores for itself too.
        if tag == Tag::Block || tag == Tag::Td {
            score[ix] += points;
        }
        if let Some(parent) = node.parent {
            score[parent] += points;
            if let Some(grand) = dom.nodes[parent].parent {
                score[grand] += points / 2.0;
            }
        }
    }
    (0..dom.nodes.len())
        .filter(|&ix| score[ix] > 0.0 && !furniture[ix])
        .map(|ix| (ix, score[ix] * (1.0 - dom.link_density(ix))))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(ix, _)| ix)
}

/// The `h1` that is the headline: the first one in the main container; else
/// the one the metadata names; else the last one before the main container.
fn headline(dom: &Dom<'_>, furniture: &[bool], main: Ix, meta: Option<&str>) -> Option<Ix> {
    let h1s: Vec<Ix> = (0..dom.nodes.len())
        .filter(|&ix| dom.tag(ix) == Some(Tag::H(1)) && !furniture[ix])
        .filter(|&ix| dom.nodes[ix].chars > 0)
        .collect();
    if let Some(&inside) = h1s.iter().find(|&&ix| dom.contains(main, ix)) {
        return Some(inside);
    }
    if let Some(meta) = meta.map(fold_str) {
        let named = h1s.iter().copied().find(|&ix| {
            let text = fold_str(&crate::normalize::normalize(&dom.text_of(ix).0));
            !text.is_empty() && (meta.contains(&text) || text.contains(&meta))
        });
        if named.is_some() {
            return named;
        }
    }
    h1s.into_iter().rev().find(|&ix| ix < main)
}
