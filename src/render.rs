//! Rendering an article back to text: Markdown for people, plain text (one
//! block per line) for content-extraction benchmarks.

use std::fmt::Write;

use crate::{Article, Section, SectionBlock};

impl Article {
    /// The article as Markdown: `#` headline, the standfirst in bold,
    /// `##` intertitles, paragraphs, `-` lists, and the takeaways list
    /// (under its label as a `##` heading) where it stood in the input.
    /// Text that Markdown would read as markup is escaped, so that the
    /// rendering parses back (with [`Markdown::Always`](crate::Markdown::Always))
    /// to the same headline, headings and takeaways. Promotions and
    /// boilerplate are left out.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.headline {
            let _ = writeln!(out, "# {}\n", escape_inline(h));
        }
        if let Some(s) = &self.standfirst {
            let _ = writeln!(out, "**{}**\n", escape_inline(&s.text));
        }
        // The takeaways go before the first block that came after them.
        let takeaways_at = self
            .takeaways_label
            .as_ref()
            .or(self.takeaways.first())
            .map(|p| p.span.start);
        let mut pending = !self.takeaways.is_empty();
        let mut takeaways_before = |start: Option<usize>, out: &mut String| {
            if pending && start.is_none_or(|s| takeaways_at.is_some_and(|t| s > t)) {
                pending = false;
                // Apart from a list rendered just before.
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                self.render_takeaways(out);
            }
        };
        for section in &self.sections {
            if let Some(h) = &section.heading {
                takeaways_before(section.heading_span.map(|s| s.start), &mut out);
                let _ = writeln!(out, "## {}\n", escape_inline(h));
            }
            render_section(section, &mut out, &mut takeaways_before);
        }
        takeaways_before(None, &mut out);
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
        out
    }

    fn render_takeaways(&self, out: &mut String) {
        if let Some(label) = &self.takeaways_label {
            let _ = writeln!(out, "## {}\n", escape_inline(&label.text));
        }
        for t in &self.takeaways {
            let _ = writeln!(out, "- {}", escape_inline(&t.text));
        }
        out.push('\n');
    }

    /// The article's text, one block per line: headline, standfirst,
    /// headings, paragraphs, items and takeaways.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        if let Some(h) = &self.headline {
            line(h);
        }
        if let Some(s) = &self.standfirst {
            line(&s.text);
        }
        for section in &self.sections {
            if let Some(h) = &section.heading {
                line(h);
            }
            section.texts().for_each(&mut line);
        }
        self.takeaways.iter().for_each(|t| line(&t.text));
        out
    }
}

/// Text with the characters that inline Markdown reads as markup (links,
/// emphasis, autolinks, attributes, code, Pandoc dashes) escaped, so that
/// `[x](y)` or `*x*` written in a plain-text article stays text.
fn escape_inline(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\\', '[', ']', '*', '_', '<', '{', '`', '-']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '<' | '{' | '`')
            || (c == '-' && chars.peek() == Some(&'-'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Body text that would open a Markdown block of another kind (a heading,
/// a quotation, a list, a rule) gets its first character escaped, so that
/// the rendering parses back to the same article.
fn escape_block_start(text: &str) -> std::borrow::Cow<'_, str> {
    let opens_block = regex!(r"^(?:#|>|[-*+•·▪►–—][ \t]|(?:[*_\-=~•·#+][ \t]*){3,}$|=+$)");
    if let Some(m) = regex!(r"^\d{1,2}[.)][ \t]").find(text) {
        // "12. " opens a numbered list: escape its period, as CommonMark
        // does.
        let at = m.end() - 2;
        std::borrow::Cow::Owned(format!("{}\\{}", &text[..at], &text[at..]))
    } else if opens_block.is_match(text) {
        std::borrow::Cow::Owned(format!("\\{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Renders a section's paragraphs and items; `before(start, out)` is
/// called before each block with the block's input offset.
fn render_section(
    section: &Section,
    out: &mut String,
    before: &mut impl FnMut(Option<usize>, &mut String),
) {
    let mut in_list = false;
    for block in section.content() {
        let start = match block {
            SectionBlock::Item(item) => item.span.start,
            SectionBlock::Paragraph(p) => p.span.start,
        };
        let len = out.len();
        before(Some(start), out);
        if out.len() != len {
            in_list = false;
        }
        match block {
            SectionBlock::Item(item) => {
                let _ = writeln!(out, "- {}", escape_inline(&item.text));
                in_list = true;
            }
            SectionBlock::Paragraph(p) => {
                if in_list {
                    out.push('\n');
                    in_list = false;
                }
                let _ = writeln!(out, "{}\n", escape_block_start(&escape_inline(&p.text)));
            }
        }
    }
    if in_list {
        out.push('\n');
    }
}
