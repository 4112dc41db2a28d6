//! The parsed page as a flat array in document order, with source spans.
//!
//! scraper (html5ever) builds a tree that follows the HTML standard, which is
//! what real pages need (unclosed `<p>`, misnested tags, stray `</div>`), but
//! its nodes do not say where in the source they come from. This stage walks
//! that tree once, iteratively, into a `Vec` in document order where each
//! element knows the index just past its subtree (so a subtree is skipped by
//! jumping, and statistics are summed bottom-up by a reverse loop), and gives
//! each text node the span of the source text it was decoded from. No stage
//! after this one recurses on the page's depth.

use crate::hash::InputMap;
use ego_tree::iter::Edge;
use scraper::{Html, Node as DomNode};

use crate::Span;
use crate::lexicon::{HTML_HINTS, Hint};

/// Index of a node in [`Dom::nodes`].
pub(crate) type Ix = usize;

/// What an element is, for the stages that follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Body,
    Head,
    Title,
    Meta,
    Link,
    /// `script`, `style`, `template`, `noscript`, `svg`, `math`, `iframe`,
    /// `object`, `canvas`, `select`…: nothing a reader sees as text.
    Invisible,
    /// `<script type="application/ld+json">`.
    JsonLd,
    H(u8),
    P,
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Td,
    Figure,
    Figcaption,
    Article,
    Main,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Button,
    Address,
    Hr,
    Br,
    A,
    Time,
    /// `img`, `amp-img`.
    Img,
    /// Another block-level element (`div`, `section`, `center`…).
    Block,
    /// Another inline element (`span`, `strong`, `em`, `font`…).
    Inline,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "head" => Tag::Head,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" | "style" | "template" | "noscript" | "svg" | "math" | "iframe" | "object"
            | "embed" | "canvas" | "select" | "option" | "datalist" | "textarea" | "audio"
            | "video" | "map" | "noembed" | "noframes" | "dialog" => Tag::Invisible,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "p" => Tag::P,
            "li" => Tag::Li,
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "nav" => Tag::Nav,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "button" => Tag::Button,
            "address" => Tag::Address,
            "hr" => Tag::Hr,
            "br" => Tag::Br,
            "a" => Tag::A,
            "time" => Tag::Time,
            "img" | "amp-img" => Tag::Img,
            "div" | "section" | "center" | "fieldset" | "details" | "summary" | "hgroup"
            | "caption" | "thead" | "tbody" | "tfoot" | "colgroup" | "legend" | "picture"
            | "frameset" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// Whether the element breaks the flow of text into blocks.
    pub(crate) fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::A | Tag::Time | Tag::Br | Tag::Img)
    }
}

/// One element of the page.
#[derive(Debug)]
pub(crate) struct Element<'a> {
    pub(crate) tag: Tag,
    /// What its class or id names say.
    pub(crate) hint: Option<Hint>,
    /// `itemprop="articleBody"`, `role="main"`.
    pub(crate) body_markup: bool,
    /// `hidden`, `aria-hidden="true"`, `style="display:none"`.
    pub(crate) hidden: bool,
    pub(crate) el: &'a scraper::node::Element,
}

/// A node of the flat page.
#[derive(Debug)]
pub(crate) enum Kind<'a> {
    Element(Element<'a>),
    /// A text node (white-space-only ones are kept: they separate words).
    Text {
        text: &'a str,
        /// Where the source text is, when it was found.
        span: Option<Span>,
    },
}

/// A node and its place in the tree.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) kind: Kind<'a>,
    pub(crate) parent: Option<Ix>,
    /// One past the last node of its subtree.
    pub(crate) end: Ix,
    /// Letters and digits in its subtree's visible text.
    pub(crate) chars: u32,
    /// Of which inside links.
    pub(crate) link_chars: u32,
    /// Commas in its subtree's visible text.
    pub(crate) commas: u32,
    /// Letters and digits of its own text: text children and inline
    /// elements, not block-level children.
    pub(crate) inline_chars: u32,
    /// Whether it holds block-level elements.
    pub(crate) has_blocks: bool,
    /// Whether it holds an `h1`.
    pub(crate) has_h1: bool,
    /// Whether it holds an element marked as the article body.
    pub(crate) has_body_markup: bool,
}

/// The flat page.
pub(crate) struct Dom<'a> {
    pub(crate) nodes: Vec<Node<'a>>,
    /// Texts of JSON-LD scripts.
    pub(crate) json_ld: Vec<&'a str>,
}

impl<'a> Dom<'a> {
    /// Walks `html` (parsed from `input`) into a flat page.
    #[cfg(test)]
    pub(crate) fn new(html: &'a Html, input: &str) -> Dom<'a> {
        Dom::with_runs(html, input, &text_runs(input, &scan(input)))
    }

    /// Walks `html` (parsed from `input`, whose text runs are `runs`) into a
    /// flat page.
    pub(crate) fn with_runs(html: &'a Html, input: &str, runs: &[(usize, usize)]) -> Dom<'a> {
        let mut cursor = 0;
        // The tree's arena holds every node once (and a few detached ones):
        // reserving it spares the growing vector its copies.
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(html.tree.nodes().len());
        let mut json_ld = Vec::new();
        let mut hint_cache = InputMap::default();
        let mut stack: Vec<Ix> = Vec::new();
        // Depth of invisible elements we are inside (their text is not
        // matched to source runs: the scan skips it too).
        let mut raw_depth = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let mut counts = (0, 0);
                    let kind = match node.value() {
                        DomNode::Element(el) => {
                            let name = el.name();
                            let mut tag = Tag::of(name);
                            if name == "script"
                                && el
                                    .attr("type")
                                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                            {
                                tag = Tag::JsonLd;
                            }
                            if matches!(tag, Tag::Invisible | Tag::JsonLd | Tag::Title) {
                                raw_depth += usize::from(tag != Tag::Title);
                            }
                            Kind::Element(element(tag, el, &mut hint_cache))
                        }
                        DomNode::Text(t) => {
                            let text: &'a str = &t[..];
                            let span = if raw_depth == 0 && !text.trim().is_empty() {
                                find_run(input, runs, &mut cursor, text)
                            } else {
                                None
                            };
                            if raw_depth > 0 {
                                if let Some(&parent) = stack.last() {
                                    if let Kind::Element(e) = &nodes[parent].kind {
                                        if e.tag == Tag::JsonLd {
                                            json_ld.push(text);
                                        }
                                    }
                                }
                            }
                            // Letters and commas of visible text, counted here
                            // where it is known whether the text is a script's
                            // (never visible: not worth counting).
                            if raw_depth == 0 {
                                counts = (
                                    text.chars().filter(|c| c.is_alphanumeric()).count() as u32,
                                    text.bytes().filter(|&b| b == b',').count() as u32,
                                );
                            }
                            Kind::Text { text, span }
                        }
                        // Comments, the doctype, processing instructions:
                        // nothing visible. The document node is the root: an
                        // anonymous block (borrowing `<html>`'s data).
                        _ if node.parent().is_none() => Kind::Element(Element {
                            tag: Tag::Block,
                            hint: None,
                            body_markup: false,
                            hidden: false,
                            el: html.root_element().value(),
                        }),
                        _ => continue,
                    };
                    let ix = nodes.len();
                    nodes.push(Node {
                        kind,
                        parent: stack.last().copied(),
                        end: ix + 1,
                        chars: counts.0,
                        link_chars: 0,
                        commas: counts.1,
                        inline_chars: counts.0,
                        has_blocks: false,
                        has_h1: false,
                        has_body_markup: false,
                    });
                    if matches!(nodes[ix].kind, Kind::Element(_)) {
                        stack.push(ix);
                    }
                }
                Edge::Close(node) => {
                    if !matches!(node.value(), DomNode::Element(_)) && node.parent().is_some() {
                        continue;
                    }
                    let Some(ix) = stack.pop() else { continue };
                    nodes[ix].end = nodes.len();
                    if let Kind::Element(e) = &nodes[ix].kind {
                        if matches!(e.tag, Tag::Invisible | Tag::JsonLd) {
                            raw_depth -= 1;
                        }
                    }
                }
            }
        }
        let mut dom = Dom { nodes, json_ld };
        dom.sum_up();
        dom
    }

    /// Fills the statistics, children before parents.
    fn sum_up(&mut self) {
        for ix in (0..self.nodes.len()).rev() {
            let node = &self.nodes[ix];
            let (tag, visible) = match &node.kind {
                Kind::Element(e) => (
                    Some(e.tag),
                    !e.hidden && !matches!(e.tag, Tag::Invisible | Tag::JsonLd | Tag::Head),
                ),
                // Counted when the node was made.
                Kind::Text { .. } => (None, true),
            };
            let node = &mut self.nodes[ix];
            if !visible {
                node.chars = 0;
                node.link_chars = 0;
                node.commas = 0;
                node.inline_chars = 0;
                node.has_blocks = false;
            }
            if tag == Some(Tag::A) {
                node.link_chars = node.chars;
            }
            let Some(parent) = node.parent else { continue };
            let (chars, link, commas, inline, blocks, h1, body) = (
                node.chars,
                node.link_chars,
                node.commas,
                node.inline_chars,
                node.has_blocks,
                node.has_h1 || tag == Some(Tag::H(1)),
                node.has_body_markup
                    || matches!(&node.kind, Kind::Element(e) if e.body_markup || e.hint == Some(Hint::Content)),
            );
            let is_block = tag.is_some_and(Tag::is_block);
            let p = &mut self.nodes[parent];
            p.chars += chars;
            p.link_chars += link;
            p.commas += commas;
            if is_block {
                p.has_blocks |= visible;
            } else {
                p.inline_chars += inline;
                p.has_blocks |= blocks;
            }
            p.has_h1 |= h1;
            p.has_body_markup |= body;
        }
    }

    /// The element at `ix`, if it is one.
    pub(crate) fn element(&self, ix: Ix) -> Option<&Element<'a>> {
        match &self.nodes[ix].kind {
            Kind::Element(e) => Some(e),
            Kind::Text { .. } => None,
        }
    }

    /// The tag at `ix` (`None` for text).
    pub(crate) fn tag(&self, ix: Ix) -> Option<Tag> {
        self.element(ix).map(|e| e.tag)
    }

    /// Share of an element's text inside links.
    pub(crate) fn link_density(&self, ix: Ix) -> f32 {
        let n = &self.nodes[ix];
        if n.chars == 0 {
            0.0
        } else {
            n.link_chars as f32 / n.chars as f32
        }
    }

    /// Whether `inner` lies in the subtree of `outer`.
    pub(crate) fn contains(&self, outer: Ix, inner: Ix) -> bool {
        outer <= inner && inner < self.nodes[outer].end
    }

    /// The visible text of a subtree, block boundaries as spaces, and the
    /// span from its first to its last located text node.
    pub(crate) fn text_of(&self, ix: Ix) -> (String, Option<Span>) {
        let mut out = String::new();
        let mut span: Option<Span> = None;
        let mut k = ix;
        let end = self.nodes[ix].end;
        while k < end {
            match &self.nodes[k].kind {
                Kind::Element(e) if e.hidden || matches!(e.tag, Tag::Invisible | Tag::JsonLd) => {
                    k = self.nodes[k].end;
                    continue;
                }
                Kind::Element(e) if e.tag.is_block() || e.tag == Tag::Br => out.push(' '),
                Kind::Element(_) => {}
                Kind::Text { text, span: s } => {
                    out.push_str(text);
                    if let Some(s) = s {
                        span = Some(span.map_or(*s, |sp| sp.to(*s)));
                    }
                }
            }
            k += 1;
        }
        (out, span)
    }
}

fn element<'a>(
    tag: Tag,
    el: &'a scraper::node::Element,
    cache: &mut InputMap<&'a str, Option<(usize, Hint)>>,
) -> Element<'a> {
    // One pass over the attributes (each `attr` call is a scan of its own).
    let mut body_markup = false;
    let mut hidden = false;
    let mut class = None;
    let mut id = None;
    for (name, value) in el.attrs() {
        match name {
            "class" => class = Some(value),
            "id" => id = Some(value),
            "itemprop" => body_markup |= value.eq_ignore_ascii_case("articleBody"),
            "role" => body_markup |= value.eq_ignore_ascii_case("main"),
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value.eq_ignore_ascii_case("true"),
            "style" => hidden |= style_hides(value),
            _ => {}
        }
    }
    // Pages repeat the same class lists: each is looked up once. The best
    // rank of a list does not depend on the order of its names, so they
    // are split here rather than by `Element::classes`, which sorts them
    // and interns each as an atom.
    let classes = class.and_then(|class| {
        *cache
            .entry(class)
            .or_insert_with(|| HTML_HINTS.find_ranked(class.split_ascii_whitespace()))
    });
    let id = id.and_then(|id| HTML_HINTS.find_ranked(std::iter::once(id)));
    let hint = match (classes, id) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|(_, hint)| hint),
    };
    Element {
        tag,
        hint,
        body_markup,
        hidden,
        el,
    }
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// What an element's start tag means to the light scans below.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opens {
    /// Raw text follows in the source, no tags inside (`script`, `style`…).
    RawText,
    /// Text with entities follows, recorded as a run (`title`, `textarea`).
    Rcdata,
    /// No content, no closing tag (`br`, `img`…).
    Void,
    /// A start tag of the same name closes it (`p`, `li`, `td`…).
    ClosesSibling,
    /// Anything else.
    Element,
}

impl Opens {
    /// Classifies a tag name, ASCII case aside, once per tag (comparing it
    /// with each list of names in turn cost more than the rest of the
    /// scan).
    fn of(name: &str) -> Opens {
        // The longest name listed is "plaintext".
        let mut lower = [0u8; 9];
        let Some(lower) = lower.get_mut(..name.len()) else {
            return Opens::Element;
        };
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        match &*lower {
            b"script" | b"style" | b"noscript" | b"iframe" | b"xmp" | b"noembed" | b"noframes"
            | b"plaintext" => Opens::RawText,
            b"title" | b"textarea" => Opens::Rcdata,
            b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
            | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Opens::Void,
            b"p" | b"li" | b"dt" | b"dd" | b"tr" | b"td" | b"th" | b"option" => {
                Opens::ClosesSibling
            }
            _ => Opens::Element,
        }
    }
}

/// A piece of HTML source, as a light scan sees it.
enum Piece<'s> {
    /// Text between tags.
    Text(usize, usize),
    /// The content of a raw-text (`script`…) or RCDATA (`title`…) element.
    Raw {
        start: usize,
        end: usize,
        rcdata: bool,
    },
    /// A start or end tag: its range, name (as written: compared without
    /// regard to ASCII case, which saves a lower-cased copy per tag), what
    /// the name means, and whether it closes.
    Tag {
        start: usize,
        end: usize,
        name: &'s str,
        opens: Opens,
        close: bool,
    },
}

/// Scans HTML source into [`Piece`]s. Not a parser: it knows comments,
/// declarations, raw-text elements and quoted attribute values, which is
/// what it takes to find the text html5ever makes text nodes of, and the
/// tags that open and close elements.
fn scan(input: &str) -> Vec<Piece<'_>> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|k| k + at) {
        let rest = &bytes[lt + 1..];
        let tag_like = rest
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!' || b == b'?');
        if !tag_like {
            at = lt + 1;
            continue;
        }
        out.push(Piece::Text(text_start, lt));
        if rest.starts_with(b"!--") {
            at = comment_end(bytes, lt + 4);
        } else if rest.first().is_some_and(|&b| b == b'!' || b == b'?') {
            at = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |k| lt + k + 1);
        } else {
            let close = rest.first() == Some(&b'/');
            let name_start = lt + 1 + usize::from(close);
            let name_end = bytes[name_start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |k| name_start + k);
            let name = &input[name_start..name_end];
            let end = tag_end(bytes, name_end);
            at = end;
            let opens = Opens::of(name);
            let raw = !close && opens == Opens::RawText;
            let rcdata = !close && opens == Opens::Rcdata;
            out.push(Piece::Tag {
                start: lt,
                end,
                name,
                opens,
                close,
            });
            if raw || rcdata {
                let raw_end = find_end_tag(bytes, end, name.as_bytes()).unwrap_or(bytes.len());
                out.push(Piece::Raw {
                    start: end,
                    end: raw_end,
                    rcdata,
                });
                at = raw_end;
            }
        }
        text_start = at;
    }
    out.push(Piece::Text(text_start, bytes.len()));
    out
}

/// The source ranges of the text between tags, in order, trimmed (white
/// space at their ends is not text a reader sees, and trimmed runs compare
/// with text nodes directly), white-space-only ones left out. RCDATA content
/// (`<title>`) is text too; raw text (`<script>`) is not.
fn text_runs(input: &str, pieces: &[Piece]) -> Vec<(usize, usize)> {
    pieces
        .iter()
        .filter_map(|piece| match *piece {
            Piece::Text(start, end)
            | Piece::Raw {
                start,
                end,
                rcdata: true,
            } => {
                let run = &input[start..end];
                let trimmed = run.trim_start();
                let start = start + (run.len() - trimmed.len());
                let len = trimmed.trim_end().len();
                (len > 0).then_some((start, start + len))
            }
            _ => None,
        })
        .collect()
}

/// `input` with the tags of elements nested deeper than `max_depth`
/// replaced by spaces (byte for byte: offsets are kept), or `input` itself
/// when none is. A light scan, as `text_runs`: void elements, self-closing
/// tags and the elements that close their own siblings (`p`, `li`, `td`…)
/// are taken into account, which is what unclosed tags in real pages need.
/// A page's source ready for parsing: the text html5ever reads (tags past
/// the depth limit blanked) and its text runs.
pub(crate) struct Source<'s> {
    pub(crate) text: std::borrow::Cow<'s, str>,
    pub(crate) runs: Vec<(usize, usize)>,
}

impl Source<'_> {
    /// Scans `input` once (twice when tags had to be blanked: blank tags
    /// join the text around them).
    pub(crate) fn new(input: &str, max_depth: usize) -> Source<'_> {
        let pieces = scan(input);
        let text = limit_depth(input, &pieces, max_depth);
        let runs = match &text {
            std::borrow::Cow::Borrowed(_) => text_runs(input, &pieces),
            std::borrow::Cow::Owned(flat) => text_runs(flat, &scan(flat)),
        };
        Source { text, runs }
    }
}

fn limit_depth<'s>(
    input: &'s str,
    pieces: &[Piece],
    max_depth: usize,
) -> std::borrow::Cow<'s, str> {
    let bytes = input.as_bytes();
    // Open elements: name and whether its tags are blanked.
    let mut stack: Vec<(&str, bool)> = Vec::new();
    let mut blank: Vec<(usize, usize)> = Vec::new();
    for piece in pieces {
        let &Piece::Tag {
            start,
            end,
            name,
            opens,
            close,
        } = piece
        else {
            continue;
        };
        if close {
            if let Some(k) = stack
                .iter()
                .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                if stack[k].1 {
                    blank.push((start, end));
                }
                stack.truncate(k);
            }
            continue;
        }
        // Raw-text elements hold no tags; their own end tag, if any, is
        // the scan's business.
        let raw = matches!(opens, Opens::RawText | Opens::Rcdata);
        let self_closed = end >= 2 && bytes[end - 2] == b'/';
        if raw || opens == Opens::Void || self_closed {
            continue;
        }
        if opens == Opens::ClosesSibling
            && stack
                .last()
                .is_some_and(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            stack.pop();
        }
        let deep = stack.len() >= max_depth;
        if deep {
            blank.push((start, end));
        }
        stack.push((name, deep));
    }
    if blank.is_empty() {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = bytes.to_vec();
    for (s, e) in blank {
        out[s..e].fill(b' ');
    }
    // Whole tags, from "<" to ">", became spaces: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| input.to_owned()))
}

/// Where a tag that started before `from` ends (after its `>`), quoted
/// attribute values skipped.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    // Jumps from one `>` or quote to the next: the bytes between them do
    // not matter.
    while let Some(at) = memchr::memchr3(b'>', b'"', b'\'', &bytes[k..]) {
        let at = k + at;
        let b = bytes[at];
        if b == b'>' {
            return at + 1;
        }
        // Only a quote that opens a value ("=" before it) counts.
        let prev = bytes[from..at]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace());
        k = if prev == Some(&b'=') {
            match memchr::memchr(b, &bytes[at + 1..]) {
                Some(close) => at + 1 + close + 1,
                None => return bytes.len(),
            }
        } else {
            at + 1
        };
    }
    bytes.len()
}

/// Where a comment whose text starts at `from` ends: after the first `-->`
/// from there on. Found from its `>`: `memmem::find` would build a searcher
/// for every comment. (The light scan's reading; `lean` follows the
/// tokenizer's own rules, `--!>` and `<!-->` included, because it rewrites
/// what html5ever is given.)
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'>', &bytes[at.min(bytes.len())..]).map(|k| k + at) {
        if k >= from + 2 && &bytes[k - 2..k] == b"--" {
            return k + 1;
        }
        at = k + 1;
    }
    bytes.len()
}

/// Where the first `</name` (ASCII case aside) from `from` on starts.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'<', &bytes[at.min(bytes.len())..]).map(|k| k + at) {
        let rest = &bytes[k + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(k);
        }
        at = k + 1;
    }
    None
}

/// How many source runs ahead a text node is looked for. Nodes that
/// html5ever moved (text foster-parented out of a table) are not found and
/// keep no span; the next nodes are found where they are.
const RUN_WINDOW: usize = 64;

/// The span of the source run that decodes to `text`, looked for from the
/// cursor on.
fn find_run(input: &str, runs: &[(usize, usize)], cursor: &mut usize, text: &str) -> Option<Span> {
    let end = runs.len().min(*cursor + RUN_WINDOW);
    let text = text.trim();
    let found = runs[*cursor..end]
        .iter()
        .position(|&(s, e)| same_text(&input[s..e], text))?;
    let (s, e) = runs[*cursor + found];
    *cursor += found + 1;
    Some(Span::new(s, e))
}

/// Whether trimmed source text `raw` is what html5ever made the trimmed
/// text node `text` of: entities decoded, carriage returns turned into line
/// feeds.
fn same_text(raw: &str, text: &str) -> bool {
    if raw == text {
        return true;
    }
    // Decoding only shortens: a shorter source cannot hold the text.
    if raw.len() < text.len() || !raw.contains(['&', '\r', '\0']) {
        return false;
    }
    let decoded = html_escape::decode_html_entities(raw);
    let decoded = decoded.replace("\r\n", "\n").replace('\r', "\n");
    decoded.trim() == text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(String, Option<String>)> {
        let html = Html::parse_document(input);
        let dom = Dom::new(&html, input);
        dom.nodes
            .iter()
            .filter_map(|n| match &n.kind {
                Kind::Text { text, span } if !text.trim().is_empty() => {
                    Some((text.to_string(), span.map(|s| input[s.range()].to_string())))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_nodes_get_their_source() {
        let input = "<html><head><title>T &amp; co</title><script>var a = '<p>x</p>';</script></head>\
                     <body><!-- <p>no</p> --><p class='a>b'>Caf&eacute; <b>noir</b></p>x < y</body></html>";
        assert_eq!(
            texts(input),
            [
                ("T & co".into(), Some("T &amp; co".into())),
                // Script text is not looked for in the source.
                ("var a = '<p>x</p>';".into(), None),
                ("Café ".into(), Some("Caf&eacute;".into())),
                ("noir".into(), Some("noir".into())),
                ("x < y".into(), Some("x < y".into())),
            ]
        );
    }

    #[test]
    fn deep_nesting_is_flattened_in_place() {
        let input = "<div><div><div><p>x</p></div></div></div><br><p>a<p>b";
        let flat = limit_depth(input, &scan(input), 2);
        assert_eq!(flat.len(), input.len());
        assert_eq!(
            flat,
            "<div><div>        x          </div></div><br><p>a<p>b"
        );
        assert!(matches!(
            limit_depth(input, &scan(input), 8),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn subtrees_and_statistics() {
        let input = "<body><div id=a><p>Un, deux, trois.</p><ul><li><a href=x>Lien</a></li></ul></div></body>";
        let html = Html::parse_document(input);
        let dom = Dom::new(&html, input);
        let div = (0..dom.nodes.len())
            .find(|&i| dom.element(i).is_some_and(|e| e.el.id() == Some("a")))
            .unwrap();
        let n = &dom.nodes[div];
        assert_eq!((n.chars, n.link_chars, n.commas), (15, 4, 2));
        assert!(n.has_blocks);
        assert_eq!(
            dom.text_of(div).0.split_whitespace().collect::<Vec<_>>(),
            ["Un,", "deux,", "trois.", "Lien"]
        );
        let last = n.end - 1;
        assert!(dom.contains(div, last));
    }
}
