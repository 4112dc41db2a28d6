//! Parser configuration.

use crate::{Article, Error};

/// How the text front end treats Markdown syntax.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Markdown {
    /// Read the document as Markdown when it looks like Markdown: YAML front
    /// matter, an ATX (`# Titre`) or `===`-underlined heading, two kinds of
    /// Markdown syntax (underlined headings, `[text](url)` links, `**bold**`,
    /// images, backslash escapes), or three Markdown constructs of any kind.
    #[default]
    Auto,
    /// Always read Markdown syntax.
    Always,
    /// Never: every line is plain text.
    Never,
}

/// Settings for a [`Parser`]. Start from [`Options::default`] and change what
/// you need with the setters; the fields can be read directly.
///
/// ```
/// let options = depeche::Options::default()
///     .max_input_bytes(1 << 20)
///     .markdown(depeche::Markdown::Never);
/// assert_eq!(options.max_input_bytes, 1 << 20);
/// let parser = depeche::Parser::new(options);
/// # let _ = parser;
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Options {
    /// Documents larger than this many bytes are refused with
    /// [`Error::TooLarge`]. Default: 64 MiB.
    pub max_input_bytes: usize,
    /// Lines longer than this many characters are not taken for intertitles
    /// from their shape (a heading marked up as such in Markdown still is).
    /// Default: 100.
    pub max_heading_chars: usize,
    /// How deep HTML elements may nest. Deeper ones are read as if their
    /// tags were not there (their text stays, in their ancestor's block).
    /// The HTML parsing algorithm checks open elements at each tag, so that
    /// a page of a hundred thousand nested `div`s costs quadratic time;
    /// flattening past this depth keeps every page linear. Default: 256.
    pub max_html_depth: usize,
    /// Whether to read Markdown syntax. Default: [`Markdown::Auto`].
    pub markdown: Markdown,
    /// Whether to extract actors, roles and claims into
    /// [`Article::actors`] and [`Article::claims`] after structuring.
    /// Default: true.
    pub extract: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_input_bytes: 64 * 1024 * 1024,
            max_heading_chars: 100,
            max_html_depth: 256,
            markdown: Markdown::Auto,
            extract: true,
        }
    }
}

impl Options {
    /// Sets [`Options::max_input_bytes`].
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Options {
        self.max_input_bytes = bytes;
        self
    }

    /// Sets [`Options::max_heading_chars`].
    #[must_use]
    pub fn max_heading_chars(mut self, chars: usize) -> Options {
        self.max_heading_chars = chars;
        self
    }

    /// Sets [`Options::max_html_depth`].
    #[must_use]
    pub fn max_html_depth(mut self, depth: usize) -> Options {
        self.max_html_depth = depth;
        self
    }

    /// Sets [`Options::markdown`].
    #[must_use]
    pub fn markdown(mut self, markdown: Markdown) -> Options {
        self.markdown = markdown;
        self
    }

    /// Sets [`Options::extract`].
    #[must_use]
    pub fn extract(mut self, extract: bool) -> Options {
        self.extract = extract;
        self
    }
}

/// A configured parser. Cheap to clone and `Send + Sync`: build one and share
/// it across threads.
///
/// ```
/// let parser = depeche::Parser::new(depeche::Options::default());
/// let article = parser.parse_text("Titre\n\nUn paragraphe.\n")?;
/// assert_eq!(article.headline.as_deref(), Some("Titre"));
/// # Ok::<(), depeche::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parser {
    options: Options,
}

impl Parser {
    /// A parser with these options.
    #[must_use]
    pub fn new(options: Options) -> Parser {
        Parser { options }
    }

    /// The options in force.
    #[must_use]
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parses plain (or Markdown-flavoured) news text.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for a document with no visible text,
    /// [`Error::TooLarge`] over [`Options::max_input_bytes`],
    /// [`Error::Binary`] for data that is not text.
    pub fn parse_text(&self, input: &str) -> Result<Article, Error> {
        crate::validate(input, &self.options)?;
        let doc = crate::text::read(input, self.options.markdown);
        Ok(self.finish(input, doc))
    }

    /// Structuring, then extraction when asked for: what every front end's
    /// blocks go through.
    fn finish(&self, input: &str, doc: crate::block::Document) -> Article {
        let mut article = crate::structure::build(input, doc, &self.options);
        if self.options.extract {
            let found = crate::extract::extract(&article, input);
            article.actors = found.actors;
            article.claims = found.claims;
        }
        article
    }

    /// Parses an HTML page: its main content becomes the article, page
    /// furniture (menus, sidebars, share bars, comments) boilerplate, and
    /// related-posts links cross-promotions. Spans point into `input`.
    ///
    /// ```
    /// let page = "<html><body><nav><a href=/>Accueil</a></nav><article>\
    ///     <h1>Le titre</h1><p>Un paragraphe assez long pour être du texte.</p>\
    ///     <p><strong>À lire aussi :</strong> <a href=/x>Un autre article</a></p>\
    ///     </article></body></html>";
    /// let article = depeche::Parser::default().parse_html(page)?;
    /// assert_eq!(article.headline.as_deref(), Some("Le titre"));
    /// assert_eq!(article.sections[0].paragraphs.len(), 1);
    /// assert_eq!(article.cross_promos[0].title, "Un autre article");
    /// # Ok::<(), depeche::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Parser::parse_text`]; [`Error::Empty`] also for a page with no
    /// visible text.
    pub fn parse_html(&self, input: &str) -> Result<Article, Error> {
        crate::validate(input, &self.options)?;
        let doc = crate::html::read(input, self.options.max_html_depth);
        if doc.blocks.is_empty() && doc.title.is_none() {
            return Err(Error::Empty);
        }
        Ok(self.finish(input, doc))
    }

    /// Parses an HTML page given as bytes, decoded as
    /// [`decode_html`](crate::decode_html) does; spans point into the decoded
    /// text. Invalid bytes are replaced and reported in
    /// [`Article::warnings`]; the encoding used is in
    /// [`Metadata::encoding`](crate::Metadata::encoding).
    ///
    /// # Errors
    ///
    /// As [`Parser::parse_html`].
    pub fn parse_html_bytes(&self, input: &[u8]) -> Result<Article, Error> {
        self.parse_html_bytes_with_charset(input, None)
    }

    /// Parses an HTML page given as bytes whose transport declared a
    /// charset (the `charset` parameter of an HTTP `Content-Type` header):
    /// after a byte order mark, that charset wins over the page's `<meta>`;
    /// `None`, or a label `encoding_rs` does not know, decodes as
    /// [`Parser::parse_html_bytes`] does.
    ///
    /// ```
    /// let page = b"<html><body><article><h1>\xc9t\xe9</h1><p>Un texte.</p></article></body></html>";
    /// let parser = depeche::Parser::default();
    /// let article = parser.parse_html_bytes_with_charset(page, Some("iso-8859-1"))?;
    /// assert_eq!(article.headline.as_deref(), Some("\u{c9}t\u{e9}"));
    /// # Ok::<(), depeche::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Parser::parse_html`].
    pub fn parse_html_bytes_with_charset(
        &self,
        input: &[u8],
        charset: Option<&str>,
    ) -> Result<Article, Error> {
        crate::check_size(input.len(), &self.options)?;
        let decoded = crate::html::decode::decode_with(input, charset);
        let mut article = self.parse_html(&decoded.text)?;
        article.metadata.encoding = Some(decoded.encoding.to_owned());
        if decoded.lossy {
            article.warnings.push(crate::Warning::LossyDecoding {
                encoding: decoded.encoding.to_owned(),
            });
        }
        Ok(article)
    }

    /// Parses text given as bytes, which must be UTF-8.
    ///
    /// # Errors
    ///
    /// As [`Parser::parse_text`], plus [`Error::InvalidUtf8`] with the offset
    /// of the first invalid byte.
    pub fn parse_text_bytes(&self, input: &[u8]) -> Result<Article, Error> {
        // Before UTF-8 validation, which would read all of it.
        crate::check_size(input.len(), &self.options)?;
        let text = std::str::from_utf8(input).map_err(|e| Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        })?;
        self.parse_text(text)
    }
}
