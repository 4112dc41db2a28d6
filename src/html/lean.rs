//! The page as html5ever is given it: start tags without the attributes no
//! later stage reads.
//!
//! Tokenizing attributes (names character by character, each interned as an
//! atom) and storing them is a good part of parsing a page, and most of them
//! (`href`, `src`, `srcset`, `data-*`, `on*`, `width`, `d`…) are read by
//! nothing here. They are left out of the text html5ever parses, which
//! builds the same tree from it, attributes aside: spans do not depend on
//! it (text nodes are matched with the runs of the source itself, see
//! `dom`), and a tag is only rewritten where the tree is known not to depend
//! on what is dropped:
//!
//! - tags are read with the tokenizer's own rules (quoted values, `/>`, a
//!   tag cut short by the end of the page), comments as it ends them, and
//!   raw text (`script`, `style`, `title`…) is skipped up to the end tag the
//!   tokenizer would see, script escapes included;
//! - formatting elements other than `a` (`b`, `font`…) keep all their
//!   attributes: the parser compares them to limit how many it reopens. An
//!   `a` never has another `a` to be compared with: it closes any open one;
//! - `meta`, `link`, `template` and `annotation-xml` keep theirs (metadata,
//!   a shadow root, an integration point);
//! - in `svg` and `math`, where the parser could leave foreign content by a
//!   way not followed here (an HTML element breaking out, an integration
//!   point, an end tag it reads as HTML, CDATA), and at `frameset` and
//!   `plaintext`, the rest of the page is given as it is.
//!
//! The tokenizer also reads comments character by character, and hands
//! each line break to the tree on its own. Comments are emptied (no stage
//! reads them), and line breaks become spaces in the white space between
//! tags (indentation) and in code (scripts without a type, so not JSON-LD,
//! and style sheets): nothing after parsing tells one white space from
//! another there (texts are normalised, code is only looked at for its
//! length and words) or counts other than characters, which stay as many.
//! The line break after `<pre>` and `<listing>`, which the parser drops, is
//! kept, and text holding carriage returns (read with the next line feed as
//! one line break) is left as it is.

use std::borrow::Cow;

/// `input` as html5ever is given it (see the module docs), or `input`
/// itself when nothing in it is to be left out.
pub(crate) fn lean(input: &str) -> Cow<'_, str> {
    let mut lean = Lean {
        input,
        src: input.as_bytes(),
        out: String::new(),
        copied: 0,
        attrs: Vec::new(),
    };
    lean.run();
    if lean.copied == 0 {
        return Cow::Borrowed(input);
    }
    lean.out.push_str(&input[lean.copied..]);
    Cow::Owned(lean.out)
}

struct Lean<'s> {
    input: &'s str,
    src: &'s [u8],
    out: String,
    /// How much of `src` `out` stands for.
    copied: usize,
    /// The attributes of the tag being read (reused from tag to tag).
    attrs: Vec<Attr>,
}

/// An attribute: where it is, whole, and whether it is kept.
struct Attr {
    start: usize,
    end: usize,
    kept: bool,
}

/// A tag as the tokenizer reads it.
struct Tag {
    name: (usize, usize),
    /// Ends with `/>`.
    self_closing: bool,
    /// Has a `type` attribute.
    typed: bool,
    /// One past its `>`.
    end: usize,
}

/// What a tag name means here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Its start tag is given as it is.
    Whole,
    /// Script data follows its start tag.
    Script,
    /// Raw text or RCDATA follows its start tag, up to its end tag.
    RawText,
    /// `svg`, `math`: foreign content follows.
    Foreign,
    /// `plaintext`, `frameset`: what follows is not followed here.
    Unknown,
    /// `pre`, `listing`: the parser drops a line break just after the start
    /// tag.
    Pre,
    Other,
}

/// A tag name, classified once.
#[derive(Clone, Copy)]
struct Name {
    role: Role,
    /// An HTML element whose start tag ends foreign content.
    breakout: bool,
    /// A foreign element whose content may be read as HTML.
    integration: bool,
}

impl Name {
    fn of(name: &[u8]) -> Name {
        let (mut role, mut breakout, mut integration) = (Role::Other, false, false);
        // The longest name listed is "annotation-xml".
        let mut lower = [0u8; 14];
        if let Some(lower) = lower.get_mut(..name.len()) {
            lower.copy_from_slice(name);
            lower.make_ascii_lowercase();
            match &*lower {
                // Formatting elements (their attributes are compared), and
                // `meta`, which is read.
                b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
                | b"strike" | b"strong" | b"tt" | b"u" | b"meta" => {
                    (role, breakout) = (Role::Whole, true);
                }
                b"link" | b"template" => role = Role::Whole,
                b"annotation-xml" => (role, integration) = (Role::Whole, true),
                b"script" => role = Role::Script,
                b"title" => (role, integration) = (Role::RawText, true),
                b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript"
                | b"textarea" => role = Role::RawText,
                b"svg" | b"math" => role = Role::Foreign,
                b"plaintext" | b"frameset" => role = Role::Unknown,
                b"blockquote" | b"body" | b"br" | b"center" | b"dd" | b"div" | b"dl" | b"dt"
                | b"embed" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"head" | b"hr"
                | b"img" | b"li" | b"menu" | b"ol" | b"p" | b"ruby" | b"span" | b"sub" | b"sup"
                | b"table" | b"ul" | b"var" => breakout = true,
                b"pre" | b"listing" => (role, breakout) = (Role::Pre, true),
                b"foreignobject" | b"desc" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext" => {
                    integration = true;
                }
                _ => {}
            }
        }
        Name {
            role,
            breakout,
            integration,
        }
    }
}

/// Whether an attribute is read after parsing (`dom`, `content`), or is
/// `type`, which the parser reads on `input` (and `dom` on `script`).
fn is_kept(name: &[u8]) -> bool {
    // The longest name listed is "aria-hidden".
    let mut lower = [0u8; 11];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"class" | b"id" | b"itemprop" | b"role" | b"hidden" | b"aria-hidden" | b"style" | b"type"
    )
}

impl Lean<'_> {
    /// Reads the page tag by tag, rewriting start tags, comments and white
    /// space, and stops where the parser could do something not followed
    /// here.
    fn run(&mut self) {
        let src = self.src;
        // The foreign elements open, innermost last: their names, and
        // whether each is an integration point.
        let mut foreign: Vec<((usize, usize), bool)> = Vec::new();
        let mut at = 0;
        // Whether the text from `at` on follows a `pre` start tag.
        let mut after_pre = false;
        while let Some(lt) = memchr::memchr(b'<', &src[at..]).map(|k| k + at) {
            if !std::mem::take(&mut after_pre) && !self.blank(at, lt) {
                return;
            }
            at = match src.get(lt + 1).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some(tag) = self.tag(lt + 1) else { return };
                    let name = Name::of(&src[tag.name.0..tag.name.1]);
                    if let Some(&(_, integration)) = foreign.last() {
                        // Foreign attributes mean nothing to the parser,
                        // but for `annotation-xml`'s (kept whole).
                        if integration || name.breakout {
                            return;
                        }
                        if name.role != Role::Whole && !self.rewrite(&tag) {
                            return;
                        }
                        if !tag.self_closing {
                            foreign.push((tag.name, name.integration));
                        }
                        tag.end
                    } else {
                        if name.role != Role::Whole && !self.rewrite(&tag) {
                            return;
                        }
                        let end = match name.role {
                            Role::Foreign if !tag.self_closing => {
                                foreign.push((tag.name, false));
                                Some(tag.end)
                            }
                            Role::Script | Role::RawText => {
                                let found = if name.role == Role::Script {
                                    self.script_end(tag.end)
                                } else {
                                    self.raw_end(tag.end, tag.name)
                                };
                                let Some((text_end, end)) = found else { return };
                                // Code and style sheets (not JSON-LD, nor any
                                // script with a type) are read by no stage
                                // but as text nodes seen by their length and
                                // words.
                                let code = if name.role == Role::Script {
                                    !tag.typed
                                } else {
                                    src[tag.name.0..tag.name.1].eq_ignore_ascii_case(b"style")
                                };
                                if code && !self.lines_to_spaces(tag.end, text_end) {
                                    return;
                                }
                                Some(end)
                            }
                            Role::Unknown => None,
                            Role::Pre => {
                                after_pre = true;
                                Some(tag.end)
                            }
                            _ => Some(tag.end),
                        };
                        let Some(end) = end else { return };
                        end
                    }
                }
                Some(b'/') => match src.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = self.tag(lt + 2) else { return };
                        if !foreign.is_empty() {
                            // An end tag closes the innermost foreign
                            // element of its name; else the parser reads it
                            // as HTML.
                            let name = &src[tag.name.0..tag.name.1];
                            let open = foreign
                                .iter()
                                .rposition(|&((s, e), _)| src[s..e].eq_ignore_ascii_case(name));
                            let Some(k) = open else { return };
                            foreign.truncate(k);
                        }
                        tag.end
                    }
                    Some(b'>') => lt + 3,
                    None => return,
                    // A bogus comment.
                    Some(_) => match memchr::memchr(b'>', &src[lt..]) {
                        Some(k) => lt + k + 1,
                        None => return,
                    },
                },
                Some(b'!') if src[lt..].starts_with(b"<!--") => match comment_end(src, lt + 4) {
                    Some(end) if self.empty_comment(lt, end) => end,
                    _ => return,
                },
                Some(b'!') if !foreign.is_empty() && src[lt..].starts_with(b"<![CDATA[") => {
                    return;
                }
                // A doctype, a bogus comment.
                Some(b'!' | b'?') => match memchr::memchr(b'>', &src[lt..]) {
                    Some(k) => lt + k + 1,
                    None => return,
                },
                _ => lt + 1,
            };
        }
    }

    /// Reads a tag whose name starts at `from`, as the tokenizer does
    /// (its attributes into `self.attrs`); `None` when the page ends first
    /// (the tokenizer drops such a tag).
    fn tag(&mut self, from: usize) -> Option<Tag> {
        let src = self.src;
        self.attrs.clear();
        let mut k = from;
        while k < src.len() && !matches!(src[k], b'/' | b'>') && !is_space(src[k]) {
            k += 1;
        }
        let name = (from, k);
        let mut typed = false;
        loop {
            // Before an attribute's name.
            k = skip_spaces(src, k);
            match src.get(k)? {
                b'>' => {
                    return Some(Tag {
                        name,
                        self_closing: false,
                        typed,
                        end: k + 1,
                    });
                }
                b'/' => {
                    match src.get(k + 1)? {
                        b'>' => {
                            return Some(Tag {
                                name,
                                self_closing: true,
                                typed,
                                end: k + 2,
                            });
                        }
                        // A stray slash: read on as before a name.
                        _ => k += 1,
                    }
                    continue;
                }
                _ => {}
            }
            // The name; a leading "=" is part of it.
            let start = k;
            if src[k] == b'=' {
                k += 1;
            }
            while k < src.len() && !matches!(src[k], b'/' | b'>' | b'=') && !is_space(src[k]) {
                k += 1;
            }
            let kept = is_kept(&src[start..k]);
            typed |= src[start..k].eq_ignore_ascii_case(b"type");
            let mut end = k;
            k = skip_spaces(src, k);
            if src.get(k)? == &b'=' {
                k = skip_spaces(src, k + 1);
                match *src.get(k)? {
                    q @ (b'"' | b'\'') => {
                        k += 1 + memchr::memchr(q, &src[k + 1..])? + 1;
                    }
                    // A missing value: the tag ends here.
                    b'>' => {}
                    _ => {
                        while k < src.len() && src[k] != b'>' && !is_space(src[k]) {
                            k += 1;
                        }
                        src.get(k)?;
                    }
                }
                end = k;
            }
            self.attrs.push(Attr { start, end, kept });
        }
    }

    /// Gives the text between `start` and `end`, if it is nothing but white
    /// space, with spaces for its line breaks; `false` if it cannot be cut
    /// there (not text as read here).
    fn blank(&mut self, start: usize, end: usize) -> bool {
        let run = &self.src[start..end];
        // Most text starts with a letter.
        if !run.first().is_some_and(|&c| is_space(c))
            || !run
                .iter()
                .all(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0C'))
            || !run.contains(&b'\n')
        {
            return true;
        }
        if !self.copy_to(start) {
            return false;
        }
        // White space is ASCII: one byte, one character.
        self.out.extend(
            run.iter()
                .map(|&c| if c == b'\n' { ' ' } else { char::from(c) }),
        );
        self.copied = end;
        true
    }

    /// Gives the text from `start` to `end` with spaces for its line breaks
    /// (unless it holds carriage returns: the tokenizer reads "\r\n" as one
    /// line break); `false` if it cannot be cut there.
    fn lines_to_spaces(&mut self, start: usize, end: usize) -> bool {
        let run = &self.src[start..end];
        if memchr::memchr(b'\n', run).is_none() || memchr::memchr(b'\r', run).is_some() {
            return true;
        }
        if self.input.get(start..end).is_none() || !self.copy_to(start) {
            return false;
        }
        let mut from = start;
        for at in memchr::memchr_iter(b'\n', run) {
            // A line feed is a character of its own: cutting around it
            // cuts between characters.
            self.out.push_str(&self.input[from..start + at]);
            self.out.push(' ');
            from = start + at + 1;
        }
        self.out.push_str(&self.input[from..end]);
        self.copied = end;
        true
    }

    /// Gives a comment from `start` to `end` empty (no stage reads
    /// comments; the tokenizer reads them character by character); `false`
    /// if it cannot be cut there.
    fn empty_comment(&mut self, start: usize, end: usize) -> bool {
        const EMPTY: &str = "<!---->";
        if end - start <= EMPTY.len() {
            return true;
        }
        if !self.copy_to(start) {
            return false;
        }
        self.out.push_str(EMPTY);
        self.copied = end;
        true
    }

    /// Copies the page as it is up to `to`, where something else follows;
    /// `false` if `to` is not at a character's boundary.
    fn copy_to(&mut self, to: usize) -> bool {
        let Some(head) = self.input.get(self.copied..to) else {
            return false;
        };
        if self.out.capacity() == 0 {
            self.out.reserve(self.input.len());
        }
        self.out.push_str(head);
        true
    }

    /// Gives a start tag without the attributes nothing reads; `false` if
    /// it cannot be cut where it should (not at characters' boundaries: not
    /// a tag as read here).
    fn rewrite(&mut self, tag: &Tag) -> bool {
        if self.attrs.iter().all(|a| a.kept) {
            return true;
        }
        let input = self.input;
        if self
            .attrs
            .iter()
            .any(|a| a.kept && input.get(a.start..a.end).is_none())
            || !self.copy_to(tag.name.1)
        {
            return false;
        }
        for attr in self.attrs.iter().filter(|a| a.kept) {
            self.out.push(' ');
            self.out.push_str(&input[attr.start..attr.end]);
        }
        // A space before the slash: it would end an unquoted value.
        self.out
            .push_str(if tag.self_closing { " />" } else { ">" });
        self.copied = tag.end;
        true
    }

    /// Where the raw text after the start tag named `name` ends, and its
    /// end tag. `None` when the page ends first.
    fn raw_end(&mut self, from: usize, name: (usize, usize)) -> Option<(usize, usize)> {
        let src = self.src;
        let len = name.1 - name.0;
        let mut at = from;
        loop {
            let lt = at + memchr::memchr(b'<', &src[at..])?;
            if src.get(lt + 1) == Some(&b'/')
                && src
                    .get(lt + 2..lt + 2 + len)
                    .is_some_and(|n| n.eq_ignore_ascii_case(&src[name.0..name.1]))
                && src
                    .get(lt + 2 + len)
                    .is_some_and(|&c| c == b'/' || c == b'>' || is_space(c))
            {
                return self.tag(lt + 2).map(|tag| (lt, tag.end));
            }
            at = lt + 1;
        }
    }

    /// Where a script ends, and its end tag, found as the tokenizer finds it
    /// (a `</script>` inside `<!-- <script>…` does not end it). `None` when
    /// the page ends first.
    fn script_end(&mut self, from: usize) -> Option<(usize, usize)> {
        let src = self.src;
        let mut state = Script::Data;
        let mut k = from;
        while k < src.len() {
            // Out of escapes, only a `<` matters.
            if let Script::Data = state {
                k += memchr::memchr(b'<', &src[k..])?;
            }
            let c = src[k];
            if c == b'<' {
                let rest = &src[k + 1..];
                let is_script = |r: &[u8]| {
                    r.len() > 6
                        && r[..6].eq_ignore_ascii_case(b"script")
                        && (r[6] == b'/' || r[6] == b'>' || is_space(r[6]))
                };
                match state {
                    Script::Data | Script::Escaped(_)
                        if rest.first() == Some(&b'/') && is_script(&rest[1..]) =>
                    {
                        return self.tag(k + 2).map(|tag| (k, tag.end));
                    }
                    Script::Data if rest.starts_with(b"!--") => {
                        state = Script::Escaped(2);
                        k += 4;
                        continue;
                    }
                    Script::Escaped(_) if is_script(rest) => {
                        state = Script::DoubleEscaped(0);
                        k += 8;
                        continue;
                    }
                    Script::DoubleEscaped(_)
                        if rest.first() == Some(&b'/') && is_script(&rest[1..]) =>
                    {
                        state = Script::Escaped(0);
                        k += 9;
                        continue;
                    }
                    Script::Escaped(_) => state = Script::Escaped(0),
                    Script::DoubleEscaped(_) => state = Script::DoubleEscaped(0),
                    Script::Data => {}
                }
            } else {
                state = match state {
                    Script::Data => Script::Data,
                    Script::Escaped(dashes) => match c {
                        b'-' => Script::Escaped(dashes.saturating_add(1)),
                        b'>' if dashes >= 2 => Script::Data,
                        _ => Script::Escaped(0),
                    },
                    Script::DoubleEscaped(dashes) => match c {
                        b'-' => Script::DoubleEscaped(dashes.saturating_add(1)),
                        b'>' if dashes >= 2 => Script::Data,
                        _ => Script::DoubleEscaped(0),
                    },
                };
            }
            k += 1;
        }
        None
    }
}

/// Where the tokenizer is in a script, with the dashes just read.
#[derive(Clone, Copy)]
enum Script {
    Data,
    /// After `<!--`.
    Escaped(u8),
    /// After `<!-- <script`.
    DoubleEscaped(u8),
}

/// Where a comment whose text starts at `from` ends, as the tokenizer
/// reads it: after `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
fn comment_end(src: &[u8], from: usize) -> Option<usize> {
    if src.get(from) == Some(&b'>') {
        return Some(from + 1);
    }
    if src.get(from..from + 2) == Some(b"->") {
        return Some(from + 2);
    }
    let mut at = from;
    loop {
        let gt = at + memchr::memchr(b'>', &src[at..])?;
        let before = &src[from..gt];
        if before.ends_with(b"--") || before.ends_with(b"--!") {
            return Some(gt + 1);
        }
        at = gt + 1;
    }
}

/// White space to the tokenizer (a carriage return is read as a line
/// feed).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b' ' | b'\r')
}

fn skip_spaces(src: &[u8], mut k: usize) -> usize {
    while k < src.len() && is_space(src[k]) {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use scraper::{Html, Node};

    /// What later stages can see of a parse: the tree, its texts, and the
    /// attributes that are kept.
    fn tree(input: &str) -> String {
        let html = Html::parse_document(input);
        let mut out = String::new();
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        let whole = Name::of(e.name().as_bytes()).role == Role::Whole;
                        let mut attrs: Vec<_> = e
                            .attrs()
                            .filter(|(n, _)| whole || is_kept(n.as_bytes()))
                            .collect();
                        attrs.sort_unstable();
                        out += &format!("<{:?} {attrs:?}>", e.name);
                    }
                    // Line breaks in white space may be spaces: a text is
                    // seen by its length and its words.
                    Node::Text(t) => {
                        let words: Vec<_> = t.split_ascii_whitespace().collect();
                        out += &format!("{}{words:?}", t.chars().count());
                    }
                    // Comments are emptied.
                    Node::Comment(_) => out += "<!---->",
                    other => out += &format!("{other:?}"),
                },
                ego_tree::iter::Edge::Close(node) => {
                    if node.value().is_element() {
                        out += "</>";
                    }
                }
            }
        }
        out
    }

    fn same_tree(input: &str) {
        assert_eq!(
            tree(&lean(input)),
            tree(input),
            "{input:?} → {:?}",
            lean(input)
        );
    }

    #[test]
    fn unread_attributes_are_left_out() {
        let page = "<div class=a data-x='1 > 2' href=\"/x\">x</div><img src=a.jpg/>\
                    <p id=p style=\"display:none\"onclick=f()>y</p><input type=hidden name=q>";
        assert_eq!(
            lean(page),
            "<div class=a>x</div><img><p id=p style=\"display:none\">y</p>\
             <input type=hidden>"
        );
        same_tree(page);
        // Nothing to leave out: the page itself.
        assert!(matches!(lean("<p class=a>x</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn formatting_and_metadata_tags_are_kept_whole() {
        let page = "<b data-x=1><i title=t>x</i></b><a href=/y data-z=2>y</a>\
                    <meta property=og:title content=T><link rel=canonical href=/u>";
        assert_eq!(
            lean(page),
            "<b data-x=1><i title=t>x</i></b><a>y</a>\
             <meta property=og:title content=T><link rel=canonical href=/u>"
        );
    }

    #[test]
    fn raw_text_and_comments_are_skipped_as_the_tokenizer_does() {
        for page in [
            "<script src=x><!-- <script>a</script> <p title=1> --></script><p title=2>x",
            "<script>a='</scripts><p title=1>'</script ><p title=2>",
            "<style media=x>p title=1 {}</style><title lang=fr>a <b title=1></title>",
            "<!--> <p title=1> --><p title=2><!---><!-- x --!><p title=3>",
            "<textarea rows=2><p title=1></textarea><p title=2>",
            "<p title=\"unclosed",
            "<plaintext title=1><p title=2>",
            "</><script /><!--<script </script src=x--><p -->",
        ] {
            same_tree(page);
        }
        assert!(lean("<script>'<p title=1>'</script>").contains("title=1"));
    }

    #[test]
    fn foreign_content_is_followed_or_given_as_it_is() {
        for page in [
            "<svg viewBox=0><title lang=x>t</title><path d=M0/></svg><p title=1>",
            "<svg><desc><style>a</style></desc></svg><p title=1><style>b</style>",
            "<math><mi><p title=1></mi></math>",
            "<div><svg><use href=x></div><p title=1>",
            "<svg><![CDATA[<p title=1>]]></svg>",
        ] {
            same_tree(page);
        }
    }

    #[test]
    fn line_breaks_in_code_are_spaces_but_in_json_ld() {
        let page = "<script>a\nb</script><style>p{}\n</style>\
                    <script type=application/ld+json>{\"a\":\n1}</script>";
        assert_eq!(
            lean(page),
            "<script>a b</script><style>p{} </style>\
             <script type=application/ld+json>{\"a\":\n1}</script>"
        );
        same_tree(page);
    }

    #[test]
    fn line_breaks_between_tags_are_spaces() {
        let page = "<ul>\n  <li>a</li>\n</ul>\n<pre>\n</pre><p>x\ny</p>";
        assert_eq!(
            lean(page),
            "<ul>   <li>a</li> </ul> <pre>\n</pre><p>x\ny</p>"
        );
        same_tree(page);
        same_tree("<--><pre>\n  <?");
    }

    /// Pieces of pages, tricky ones above all.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "<",
            ">",
            "</",
            "/",
            "/>",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "\r",
            "\0",
            "a",
            "b",
            "p",
            "div",
            "td",
            "table",
            "font",
            "script",
            "style",
            "title",
            "textarea",
            "noscript",
            "svg",
            "math",
            "mi",
            "desc",
            "annotation-xml",
            "template",
            "plaintext",
            "class",
            "href",
            "id",
            "type",
            "hidden",
            "x",
            "é",
            "<!--",
            "-->",
            "--!>",
            "-",
            "!",
            "<!",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "<?",
            "<p ",
            "<a ",
            "<b ",
            "<svg ",
            "<script ",
            "</script",
            "</svg>",
            "<style>",
            "</style>",
            " src=x",
            " class='c'",
            " id=\"i\"",
            "<pre>",
            "listing",
            "\n  ",
            "\t",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn the_parse_is_the_same(pieces in prop::collection::vec(piece(), 0..120)) {
            let page = pieces.concat();
            prop_assert_eq!(tree(&lean(&page)), tree(&page));
        }
    }
}
