//! The crate's single error type.

/// Why a document could not be parsed.
///
/// Parsing never panics on bad input: anything that cannot become an
/// [`Article`](crate::Article) is reported as one of these variants, with a
/// message meant to be shown to a person as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds only white space and invisible characters.
    #[error("the document is empty (no visible text)")]
    Empty,
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error("the document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The input bytes are not valid UTF-8.
    #[error("the document is not valid UTF-8: invalid byte sequence at offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like binary data rather than text: it holds a NUL
    /// byte, or many control bytes.
    #[error("the document looks binary: control byte at offset {offset}")]
    Binary {
        /// Byte offset of the first NUL byte, or of the first control byte.
        offset: usize,
    },
    /// A JSON Lines record is not a valid JSON object (see
    /// [`batch::parse_jsonl_line`](crate::batch)).
    #[error("the record is not a valid JSON object: {message}")]
    Json {
        /// What the JSON parser said.
        message: String,
    },
    /// A JSON Lines record has neither its text field nor its HTML field as
    /// a string.
    #[error("the record has no \"{text}\" or \"{html}\" string field")]
    MissingBody {
        /// The name of the text field looked for.
        text: String,
        /// The name of the HTML field looked for.
        html: String,
    },
    /// A WARC record (or the HTTP response it holds) cannot be read.
    #[error("the WARC record cannot be read: {message}")]
    Warc {
        /// What is wrong with it.
        message: String,
    },
    /// Reading the input failed.
    #[error("reading the input failed: {message}")]
    Read {
        /// The system's message.
        message: String,
    },
}
