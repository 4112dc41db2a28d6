//! Records for batch processing: documents read from JSON Lines and WARC
//! files, each with the identifiers that travel with it to the output.
//!
//! The `depeche` command-line tool is built on this module; it is public so
//! that other programs (and fuzz targets) decode batches the same way.
//!
//! ```
//! use depeche::batch::{self, Body, JsonlFields};
//!
//! let fields = JsonlFields::default();
//! let line = br#"{"id": 7, "url": "https://exemple.fr/a", "text": "Titre\n\nUn paragraphe.\n"}"#;
//! let record = batch::parse_jsonl_line(line, &fields).expect("a valid record");
//! assert_eq!(record.id.as_deref(), Some("7"));
//! assert!(matches!(record.body, Body::Text(_)));
//! let article = record.parse(&depeche::Parser::default())?;
//! assert_eq!(article.headline.as_deref(), Some("Titre"));
//!
//! let broken = batch::parse_jsonl_line(br#"{"id": "x", "body": "?"}"#, &fields).unwrap_err();
//! assert_eq!(broken.id.as_deref(), Some("x"));
//! assert_eq!(broken.error.to_string(), r#"the record has no "text" or "html" string field"#);
//! # Ok::<(), depeche::Error>(())
//! ```

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::{Article, Error, Parser};

/// One document of a batch, with the identifiers that came with it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Record {
    /// The record's identifier: a JSON Lines record's id field (a number is
    /// given as its decimal text), or a WARC record's `WARC-Record-ID`.
    pub id: Option<String>,
    /// The page's address: a JSON Lines record's url field, or a WARC
    /// record's `WARC-Target-URI`.
    pub url: Option<String>,
    /// The `WARC-Record-ID` of a record read from a WARC file.
    pub warc_record_id: Option<String>,
    /// The document itself.
    pub body: Body,
}

/// A document's content.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// Plain (or Markdown-flavoured) text.
    Text(String),
    /// An HTML page as bytes, with the charset its transport declared (an
    /// HTTP `Content-Type` header's `charset` parameter), if any.
    Html {
        /// The page.
        bytes: Vec<u8>,
        /// The declared charset label.
        charset: Option<String>,
    },
}

impl Record {
    /// The size of the document in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Text(text) => text.len(),
            Body::Html { bytes, .. } => bytes.len(),
        }
    }

    /// Whether the document has no bytes at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Parses the document: text with [`Parser::parse_text`], HTML with
    /// [`Parser::parse_html_bytes_with_charset`].
    ///
    /// # Errors
    ///
    /// As those methods.
    pub fn parse(&self, parser: &Parser) -> Result<Article, Error> {
        match &self.body {
            Body::Text(text) => parser.parse_text(text),
            Body::Html { bytes, charset } => {
                parser.parse_html_bytes_with_charset(bytes, charset.as_deref())
            }
        }
    }
}

/// A record that could not be decoded, with whatever identifiers could be
/// read from it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordError {
    /// The record's identifier, when it could be read.
    pub id: Option<String>,
    /// The record's address, when it could be read.
    pub url: Option<String>,
    /// What went wrong.
    pub error: Error,
}

impl RecordError {
    fn new(error: Error) -> RecordError {
        RecordError {
            id: None,
            url: None,
            error,
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "record {id}: {}", self.error),
            None => self.error.fmt(f),
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// The names of the fields of a JSON Lines record.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JsonlFields {
    /// The identifier, a string or a number (default `id`). Optional.
    pub id: String,
    /// The page's address (default `url`). Optional.
    pub url: String,
    /// The document as plain text (default `text`); read first when a
    /// record has both.
    pub text: String,
    /// The document as HTML (default `html`).
    pub html: String,
}

impl Default for JsonlFields {
    fn default() -> JsonlFields {
        JsonlFields {
            id: "id".into(),
            url: "url".into(),
            text: "text".into(),
            html: "html".into(),
        }
    }
}

/// Decodes one JSON Lines record: a JSON object with a text or an HTML
/// string field, and optionally an id (string or number) and a url. Other
/// fields are skipped without being kept.
///
/// # Errors
///
/// [`Error::InvalidUtf8`] (offset in the line), [`Error::Json`] for a line
/// that is not a JSON object or has a field of the wrong type,
/// [`Error::MissingBody`] when neither the text nor the HTML field is
/// there. The id and url are given with the error when they could be read.
pub fn parse_jsonl_line(line: &[u8], fields: &JsonlFields) -> Result<Record, RecordError> {
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(e) => {
            // Find the id in a lossy copy, so that the error can name it.
            let lossy = String::from_utf8_lossy(line);
            let found = decode_fields(&lossy, fields).unwrap_or_default();
            return Err(RecordError {
                id: found.id,
                url: found.url,
                error: Error::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
            });
        }
    };
    let found = decode_fields(text, fields).map_err(|e| {
        RecordError::new(Error::Json {
            message: e.to_string(),
        })
    })?;
    let body = match (found.text, found.html) {
        (Some(text), _) => Body::Text(text),
        (None, Some(html)) => Body::Html {
            bytes: html.into_bytes(),
            charset: None,
        },
        (None, None) => {
            return Err(RecordError {
                id: found.id,
                url: found.url,
                error: Error::MissingBody {
                    text: fields.text.clone(),
                    html: fields.html.clone(),
                },
            });
        }
    };
    Ok(Record {
        id: found.id,
        url: found.url,
        warc_record_id: None,
        body,
    })
}

/// The fields of a JSON Lines record that are kept.
#[derive(Default)]
struct Found {
    id: Option<String>,
    url: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

fn decode_fields(line: &str, fields: &JsonlFields) -> Result<Found, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(line);
    let found = FieldsSeed(fields).deserialize(&mut de)?;
    de.end()?;
    Ok(found)
}

struct FieldsSeed<'f>(&'f JsonlFields);

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = Found;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let names = self.0;
        let mut found = Found::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == names.text {
                found.text = map.next_value()?;
            } else if key == names.html {
                found.html = map.next_value()?;
            } else if key == names.id {
                found.id = match map.next_value::<serde_json::Value>()? {
                    serde_json::Value::Null => None,
                    serde_json::Value::String(s) => Some(s),
                    other => Some(other.to_string()),
                };
            } else if key == names.url {
                found.url = map.next_value()?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The lines of a JSON Lines stream, read one at a time with a bounded
/// buffer: a line longer than the limit is skipped (without being held in
/// memory) and reported as [`Error::TooLarge`]. Blank lines are skipped.
///
/// ```
/// use depeche::batch::JsonlLines;
/// let input = &b"{\"text\": \"a\"}\n\n{\"text\": \"0123456789\"}\r\n{}"[..];
/// let lines: Vec<_> = JsonlLines::new(input, 16).collect();
/// assert_eq!(lines.len(), 3);
/// assert_eq!((lines[0].number, lines[0].bytes.as_deref()), (1, Ok(&b"{\"text\": \"a\"}"[..])));
/// assert_eq!(lines[1].number, 3);
/// assert!(matches!(lines[1].bytes, Err(depeche::Error::TooLarge { size: 22, limit: 16 })));
/// assert_eq!((lines[2].number, lines[2].bytes.as_deref()), (4, Ok(&b"{}"[..])));
/// // A line cut just before its CRLF.
/// let lines: Vec<_> = JsonlLines::new(&b"0123456789abcdefg\r\n1"[..], 16).collect();
/// assert!(matches!(lines[0].bytes, Err(depeche::Error::TooLarge { size: 17, limit: 16 })));
/// assert_eq!(lines[1].bytes.as_deref(), Ok(&b"1"[..]));
/// ```
#[derive(Debug)]
pub struct JsonlLines<R> {
    reader: R,
    max_bytes: usize,
    number: u64,
    done: bool,
}

/// One line of a JSON Lines stream.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Line {
    /// The line's number in the stream, from 1.
    pub number: u64,
    /// Its bytes (without the line break), or why they could not be read.
    pub bytes: Result<Vec<u8>, Error>,
}

impl<R: BufRead> JsonlLines<R> {
    /// Reads lines of at most `max_bytes` bytes from `reader`.
    pub fn new(reader: R, max_bytes: usize) -> JsonlLines<R> {
        JsonlLines {
            reader,
            max_bytes,
            number: 0,
            done: false,
        }
    }

    /// Reads the rest of an oversized line, counting its bytes (not its
    /// line break) and `last`, the byte read before.
    fn skip_line(&mut self, mut last: u8) -> io::Result<usize> {
        let mut skipped = 1;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(skipped);
            }
            if let Some(i) = memchr::memchr(b'\n', buf) {
                let before = if i > 0 { buf[i - 1] } else { last };
                self.reader.consume(i + 1);
                return Ok(skipped + i - usize::from(before == b'\r'));
            }
            let n = buf.len();
            last = buf[n - 1];
            self.reader.consume(n);
            skipped += n;
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        loop {
            if self.done {
                return None;
            }
            self.number += 1;
            let mut line = Vec::new();
            let limit = self.max_bytes as u64 + 2;
            let read = (&mut self.reader).take(limit).read_until(b'\n', &mut line);
            let bytes = match read {
                Err(e) => {
                    self.done = true;
                    Err(Error::Read {
                        message: e.to_string(),
                    })
                }
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {
                    let ended = line.last() == Some(&b'\n');
                    if ended {
                        line.pop();
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                    }
                    if line.len() > self.max_bytes || (!ended && line.len() as u64 == limit) {
                        let rest = if ended {
                            Ok(0)
                        } else {
                            // The line so far may end with the CR of a CRLF.
                            let last = line.pop().unwrap_or_default();
                            self.skip_line(last)
                        };
                        match rest {
                            Ok(rest) => Err(Error::TooLarge {
                                size: line.len() + rest,
                                limit: self.max_bytes,
                            }),
                            Err(e) => {
                                self.done = true;
                                Err(Error::Read {
                                    message: e.to_string(),
                                })
                            }
                        }
                    } else if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    } else {
                        Ok(line)
                    }
                }
            };
            return Some(Line {
                number: self.number,
                bytes,
            });
        }
    }
}

/// How long a line of WARC headers may be...
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// ...and all of them.
const MAX_HEADER_BYTES: u64 = 1024 * 1024;

/// The HTML pages of a WARC file, plain or gzipped (one gzip member per
/// record or one for the whole file), read one record at a time.
///
/// Each `response` record whose HTTP payload is an HTML page (by its
/// `Content-Type`, or without one) with a 2xx status becomes a [`Record`]
/// with the page, its charset, `WARC-Target-URI` as `url` and
/// `WARC-Record-ID` as `id` and `warc_record_id`. Other records (requests,
/// metadata, images, redirects) are skipped and counted by
/// [`WarcRecords::skipped`]. A record that cannot be read is an error,
/// and the reader goes on at the next `WARC/` line; an error of the
/// underlying reader ends the iteration.
///
/// Headers are parsed by the `warc` crate, HTTP responses by `httparse`,
/// chunked payloads by `chunked_transfer`, gzip by `flate2`.
///
/// ```
/// let warc = b"WARC/1.1\r\nWARC-Type: response\r\n\
///     WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
///     WARC-Target-URI: https://exemple.fr/a\r\nContent-Type: application/http; msgtype=response\r\n\
///     Content-Length: 80\r\n\r\n\
///     HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<h1>Titre</h1><p>Un paragraphe.</p>\r\n\r\n";
/// let mut records = depeche::batch::WarcRecords::new(&warc[..]);
/// let record = records.next().unwrap().unwrap();
/// assert_eq!(record.url.as_deref(), Some("https://exemple.fr/a"));
/// assert_eq!(record.warc_record_id.as_deref(), Some("<urn:uuid:1>"));
/// let article = record.parse(&depeche::Parser::default())?;
/// assert_eq!(article.headline.as_deref(), Some("Titre"));
/// assert!(records.next().is_none());
/// # Ok::<(), depeche::Error>(())
/// ```
pub struct WarcRecords<R: Read> {
    input: WarcInput<R>,
    max_bytes: usize,
    skipped: u64,
    /// Skipping lines up to the next record after an error.
    resyncing: bool,
    done: bool,
}

enum WarcInput<R: Read> {
    Plain(BufReader<R>),
    Gzip(BufReader<flate2::bufread::MultiGzDecoder<BufReader<R>>>),
}

impl<R: Read> Read for WarcInput<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            WarcInput::Plain(r) => r.read(buf),
            WarcInput::Gzip(r) => r.read(buf),
        }
    }
}

impl<R: Read> BufRead for WarcInput<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            WarcInput::Plain(r) => r.fill_buf(),
            WarcInput::Gzip(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            WarcInput::Plain(r) => r.consume(amount),
            WarcInput::Gzip(r) => r.consume(amount),
        }
    }
}

/// What one step of the WARC reader found.
enum Step {
    Record(Record),
    Skipped,
    End,
}

impl<R: Read> WarcRecords<R> {
    /// Reads a WARC stream, gzipped or not (told by its first bytes).
    /// Pages over 64 MiB are refused with [`Error::TooLarge`] (see
    /// [`WarcRecords::max_bytes`]).
    pub fn new(reader: R) -> WarcRecords<R> {
        let mut reader = BufReader::with_capacity(256 * 1024, reader);
        // A read error here comes back on the first read below.
        let gzipped = reader
            .fill_buf()
            .is_ok_and(|b| b.starts_with(&[0x1f, 0x8b]));
        let input = if gzipped {
            WarcInput::Gzip(BufReader::with_capacity(
                256 * 1024,
                flate2::bufread::MultiGzDecoder::new(reader),
            ))
        } else {
            WarcInput::Plain(reader)
        };
        WarcRecords {
            input,
            max_bytes: crate::Options::default().max_input_bytes,
            skipped: 0,
            resyncing: false,
            done: false,
        }
    }

    /// Refuses records whose HTTP payload is over `bytes` bytes; they are
    /// skipped without being held in memory.
    #[must_use]
    pub fn max_bytes(mut self, bytes: usize) -> WarcRecords<R> {
        self.max_bytes = bytes;
        self
    }

    /// How many records were skipped so far because they hold no HTML page.
    #[must_use]
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    fn step(&mut self) -> Result<Step, RecordError> {
        let read_error = |e: io::Error| {
            RecordError::new(Error::Read {
                message: e.to_string(),
            })
        };
        // The version line, past blank lines (the CRLF CRLF that ends the
        // previous record) and, after an error, anything else.
        let mut first = Vec::new();
        loop {
            first.clear();
            let n = (&mut self.input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut first)
                .map_err(read_error)?;
            if n == 0 {
                return Ok(Step::End);
            }
            if first.starts_with(b"WARC/") {
                self.resyncing = false;
                break;
            }
            if first.iter().all(u8::is_ascii_whitespace) || self.resyncing {
                continue;
            }
            self.resyncing = true;
            return Err(RecordError::new(warc_error(
                "the stream holds bytes outside any record (a wrong Content-Length, or not WARC)",
            )));
        }
        // The header block, read here with bounded lines so that no input
        // makes the crate read an unbounded line into memory.
        let mut header_bytes = first.len() as u64;
        loop {
            let start = first.len();
            let n = (&mut self.input)
                .take(MAX_HEADER_LINE)
                .read_until(b'\n', &mut first)
                .map_err(read_error)?;
            header_bytes += n as u64;
            if n == 0 || first[start..] == *b"\r\n" {
                break;
            }
            if first.last() != Some(&b'\n') || header_bytes > MAX_HEADER_BYTES {
                self.resyncing = true;
                return Err(RecordError::new(warc_error(
                    "the record header is too long",
                )));
            }
        }
        let mut chain = io::Cursor::new(first).chain(&mut self.input);
        let mut reader = warc::WarcReader::new(&mut chain);
        let mut records = reader.stream_records();
        let mut record = match records.next_item() {
            None => {
                return Err(RecordError::new(warc_error(
                    "the record header is cut short",
                )));
            }
            Some(Err(e)) => {
                self.resyncing = true;
                return Err(RecordError::new(warc_error(&e.to_string())));
            }
            Some(Ok(record)) => record,
        };
        let id = record.warc_id().to_owned();
        let url = record
            .header(warc::WarcHeader::TargetURI)
            .map(|u| u.into_owned());
        let failed = |error: Error| RecordError {
            id: Some(id.clone()),
            url: url.clone(),
            error,
        };
        let length = record.content_length();
        // Pages up to the limit, plus room for the HTTP headers.
        let limit = self.max_bytes as u64 + 256 * 1024;
        let wanted = *record.warc_type() == warc::RecordType::Response && length <= limit;
        if !wanted {
            let copied = io::copy(&mut record, &mut io::sink()).map_err(read_error)?;
            if copied < length {
                self.done = true;
                return Err(failed(warc_error("the file ends inside the record")));
            }
            if *record.warc_type() != warc::RecordType::Response {
                return Ok(Step::Skipped);
            }
            return Err(failed(Error::TooLarge {
                size: usize::try_from(length).unwrap_or(usize::MAX),
                limit: self.max_bytes,
            }));
        }
        let mut block = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        record.read_to_end(&mut block).map_err(read_error)?;
        if (block.len() as u64) < length {
            self.done = true;
            return Err(failed(warc_error("the file ends inside the record")));
        }
        match http_page(block, self.max_bytes) {
            Ok(Some(body)) => Ok(Step::Record(Record {
                id: Some(id.clone()),
                url,
                warc_record_id: Some(id),
                body,
            })),
            Ok(None) => Ok(Step::Skipped),
            Err(error) => Err(failed(error)),
        }
    }
}

impl<R: Read> Iterator for WarcRecords<R> {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            match self.step() {
                Ok(Step::Record(record)) => return Some(Ok(record)),
                Ok(Step::Skipped) => self.skipped += 1,
                Ok(Step::End) => self.done = true,
                Err(e) => {
                    if matches!(e.error, Error::Read { .. }) {
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<R: Read> fmt::Debug for WarcRecords<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WarcRecords")
            .field("max_bytes", &self.max_bytes)
            .field("skipped", &self.skipped)
            .finish_non_exhaustive()
    }
}

fn warc_error(message: &str) -> Error {
    Error::Warc {
        message: message.to_owned(),
    }
}

/// The HTML page of an HTTP response, with its charset; `None` for a
/// response that holds no page (not 2xx, or not HTML).
fn http_page(mut block: Vec<u8>, max_bytes: usize) -> Result<Option<Body>, Error> {
    let mut headers = [httparse::EMPTY_HEADER; 256];
    let mut response = httparse::Response::new(&mut headers);
    let mut config = httparse::ParserConfig::default();
    config
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true);
    let end = match config.parse_response(&mut response, &block) {
        Ok(httparse::Status::Complete(end)) => end,
        Ok(httparse::Status::Partial) => {
            return Err(warc_error("the HTTP response headers are cut short"));
        }
        Err(e) => {
            return Err(warc_error(&format!("the HTTP response is not valid: {e}")));
        }
    };
    if !response.code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let content_type = header("content-type");
    if let Some(ct) = &content_type {
        let mime = ct.split(';').next().unwrap_or_default().trim();
        if !mime.is_empty() && !matches!(mime, "text/html" | "application/xhtml+xml") {
            return Ok(None);
        }
    }
    let charset = content_type.as_deref().and_then(|ct| {
        ct.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            (name.trim() == "charset").then(|| value.trim().trim_matches('"').to_owned())
        })
    });
    let chunked = header("transfer-encoding").is_some_and(|te| te.contains("chunked"));
    let encoding = header("content-encoding");
    block.drain(..end);
    if chunked {
        let mut joined = Vec::new();
        chunked_transfer::Decoder::new(&block[..])
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut joined)
            .map_err(|e| warc_error(&format!("the HTTP payload's chunks cannot be read: {e}")))?;
        block = joined;
    }
    let page = match encoding.as_deref() {
        None | Some("" | "identity") => block,
        Some("gzip" | "x-gzip") => {
            inflate(flate2::read::MultiGzDecoder::new(&block[..]), max_bytes)?
        }
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&block[..]), max_bytes)?,
        Some(other) => {
            return Err(warc_error(&format!(
                "the HTTP payload's content encoding {other:?} is not supported"
            )));
        }
    };
    if page.len() > max_bytes {
        return Err(Error::TooLarge {
            size: page.len(),
            limit: max_bytes,
        });
    }
    Ok(Some(Body::Html {
        bytes: page,
        charset,
    }))
}

/// A compressed HTTP payload, decompressed up to one byte over the limit.
fn inflate(decoder: impl Read, max_bytes: usize) -> Result<Vec<u8>, Error> {
    let mut page = Vec::new();
    decoder
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut page)
        .map_err(|e| warc_error(&format!("the HTTP payload cannot be decompressed: {e}")))?;
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: u32, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: https://exemple.fr/{id}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn ids(input: &[u8]) -> Vec<Result<String, String>> {
        WarcRecords::new(input)
            .map(|r| match r {
                Ok(r) => Ok(r.id.unwrap()),
                Err(e) => Err(e.to_string()),
            })
            .collect()
    }

    #[test]
    fn responses_with_html_become_records_and_the_rest_is_skipped() {
        let mut warc = record("warcinfo", 0, b"software: test\r\n");
        warc.extend(record("request", 1, b"GET / HTTP/1.1\r\n\r\n"));
        let page = http(
            "Content-Type: text/html; charset=ISO-8859-1\r\n",
            b"<h1>\xc9t\xe9</h1>",
        );
        warc.extend(record("response", 2, &page));
        warc.extend(record(
            "response",
            3,
            &http("Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        let mut records = WarcRecords::new(&warc[..]);
        let first = records.next().unwrap().unwrap();
        assert_eq!(first.id.as_deref(), Some("<urn:uuid:2>"));
        assert_eq!(first.url.as_deref(), Some("https://exemple.fr/2"));
        assert_eq!(
            first.body,
            Body::Html {
                bytes: b"<h1>\xc9t\xe9</h1>".to_vec(),
                charset: Some("iso-8859-1".into())
            }
        );
        assert!(records.next().is_none());
        assert_eq!(records.skipped(), 3);
    }

    #[test]
    fn a_broken_record_is_an_error_and_the_next_one_is_read() {
        let page = http("Content-Type: text/html\r\n", b"<p>Texte.</p>");
        let mut warc = record("response", 1, &page);
        // A Content-Length too short leaves bytes outside any record.
        let mut bad = record("response", 2, &page);
        let text = String::from_utf8(bad.clone()).unwrap();
        let fixed = text.replace(
            &format!("Content-Length: {}", page.len()),
            &format!("Content-Length: {}", page.len() - 5),
        );
        bad = fixed.into_bytes();
        warc.extend(bad);
        warc.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n");
        warc.extend(record("response", 4, b"not http at all"));
        warc.extend(record("response", 5, &page));
        let got = ids(&warc);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[0], Ok("<urn:uuid:1>".into()));
        assert_eq!(got[1], Ok("<urn:uuid:2>".into()));
        assert!(got[2].as_ref().unwrap_err().contains("outside any record"));
        assert!(
            got[3]
                .as_ref()
                .unwrap_err()
                .contains("Missing required header")
        );
        assert!(got[4].as_ref().unwrap_err().contains("<urn:uuid:4>"));
        assert_eq!(got[5], Ok("<urn:uuid:5>".into()));
    }

    #[test]
    fn gzip_members_and_compressed_payloads_are_read() {
        use std::io::Write;
        let mut page = Vec::new();
        let mut gz = flate2::write::GzEncoder::new(&mut page, flate2::Compression::fast());
        gz.write_all(b"<p>Compress\xc3\xa9.</p>").unwrap();
        gz.finish().unwrap();
        let block = http(
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &page,
        );
        let mut file = Vec::new();
        for id in 1..=2 {
            let mut gz = flate2::write::GzEncoder::new(&mut file, flate2::Compression::fast());
            gz.write_all(&record("response", id, &block)).unwrap();
            gz.finish().unwrap();
        }
        let records: Vec<_> = WarcRecords::new(&file[..]).collect();
        assert_eq!(records.len(), 2);
        let Body::Html { bytes, .. } = &records[1].as_ref().unwrap().body else {
            panic!("html expected");
        };
        assert_eq!(bytes, b"<p>Compress\xc3\xa9.</p>");
    }

    #[test]
    fn a_header_line_without_end_is_refused_and_reading_goes_on() {
        let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ".to_vec();
        warc.extend(std::iter::repeat_n(b'a', 100_000));
        warc.extend(b"\r\n\r\n");
        warc.extend(record("response", 2, &http("", b"<p>Texte.</p>")));
        let got = ids(&warc);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].as_ref().unwrap_err().contains("header is too long"));
        assert_eq!(got[1], Ok("<urn:uuid:2>".into()));
    }

    #[test]
    fn chunked_payloads_are_joined() {
        let block = http(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            b"6\r\n<p>Un \r\nA\r\nparagraphe\r\n5\r\n.</p>\r\n0\r\n\r\n",
        );
        let got: Vec<_> = WarcRecords::new(&record("response", 1, &block)[..]).collect();
        let Body::Html { bytes, .. } = &got[0].as_ref().unwrap().body else {
            panic!("html expected");
        };
        assert_eq!(bytes, b"<p>Un paragraphe.</p>");
        let broken = http("Transfer-Encoding: chunked\r\n", b"zz\r\n<p>");
        let got: Vec<_> = WarcRecords::new(&record("response", 2, &broken)[..]).collect();
        assert!(got[0].as_ref().unwrap_err().to_string().contains("chunks"));
    }

    #[test]
    fn oversized_pages_are_refused_without_stopping() {
        let big = http("Content-Type: text/html\r\n", &[b'a'; 600 * 1024]);
        let mut warc = record("response", 1, &big);
        warc.extend(record("response", 2, &http("", b"<p>Petit.</p>")));
        let got: Vec<_> = WarcRecords::new(&warc[..]).max_bytes(1000).collect();
        assert!(matches!(
            got[0].as_ref().unwrap_err().error,
            Error::TooLarge { limit: 1000, .. }
        ));
        assert_eq!(got[1].as_ref().unwrap().id.as_deref(), Some("<urn:uuid:2>"));
    }

    #[test]
    fn jsonl_records_and_their_errors() {
        let fields = JsonlFields {
            text: "contenu".into(),
            ..JsonlFields::default()
        };
        let r = parse_jsonl_line(
            br#"{"contenu": "T\u00e9", "id": "a", "x": [1, {"y": 2}]}"#,
            &fields,
        )
        .unwrap();
        assert_eq!(r.body, Body::Text("Té".into()));
        assert_eq!(r.id.as_deref(), Some("a"));
        let r = parse_jsonl_line(br#"{"html": "<p>x</p>", "url": "u"}"#, &fields).unwrap();
        assert_eq!(r.url.as_deref(), Some("u"));
        assert!(matches!(r.body, Body::Html { charset: None, .. }));
        let e = parse_jsonl_line(b"{\"id\": 3, \"contenu\": \"\xff\"}", &fields).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("3"));
        assert_eq!(e.error, Error::InvalidUtf8 { offset: 22 });
        for bad in [&b"{\"contenu\": 1}"[..], b"[1]", b"{\"id\": 1", b"{} {}"] {
            let e = parse_jsonl_line(bad, &fields).unwrap_err();
            assert!(matches!(e.error, Error::Json { .. }), "{e}");
        }
    }
}
