//! Bytes → text for HTML pages: the character encoding a page declares.
//!
//! Follows the order browsers use, cut down to what news pages need: a byte
//! order mark; then a `<meta charset>` or `<meta http-equiv="Content-Type">`
//! declaration in the first kilobytes; then UTF-8 if the bytes are valid
//! UTF-8; else windows-1252, the legacy default for French pages. Decoding is
//! done by `encoding_rs`; bytes that are invalid in the chosen encoding become
//! U+FFFD and the result says so.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for. The HTML
/// standard says 1024 bytes; real pages put long `<head>` scripts first.
const PRESCAN_BYTES: usize = 8192;

/// A page decoded to text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The page's text. Spans of an article parsed from it point into it.
    pub text: Cow<'a, str>,
    /// The encoding used, by its WHATWG name ("UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// Whether some bytes were invalid in that encoding and replaced by
    /// U+FFFD.
    pub lossy: bool,
}

/// Decodes an HTML page; see the module docs for the order of the rules.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    decode_with(bytes, None)
}

/// Decodes an HTML page whose transport (an HTTP `Content-Type` header)
/// may declare a charset: it comes after the byte order mark and before the
/// page's own `<meta>`, as in browsers. An unknown label is ignored.
pub(crate) fn decode_with<'a>(bytes: &'a [u8], transport: Option<&str>) -> Decoded<'a> {
    let transport = transport.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => (
            transport
                .or_else(|| declared(bytes))
                .unwrap_or_else(|| sniff(bytes)),
            0,
        ),
    };
    let body = &bytes[bom..];
    // A page that declares UTF-8 (or nothing) is usually UTF-8: borrow it.
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            return Decoded {
                text: Cow::Borrowed(text),
                encoding: UTF_8.name(),
                lossy: false,
            };
        }
    }
    let (text, lossy) = encoding.decode_without_bom_handling(body);
    Decoded {
        text,
        encoding: encoding.name(),
        lossy,
    }
}

/// Without a declaration: UTF-8 when the bytes are valid UTF-8.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// The encoding a `<meta>` tag in the head declares.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    // ASCII-compatible bytes are enough to read a declaration.
    let head = String::from_utf8_lossy(head);
    let re = regex!(r#"(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#);
    let label = re.captures(&head)?.get(1)?.as_str();
    let encoding = Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-16 in ASCII is not UTF-16 (the standard's rule).
    Some(if encoding.is_single_byte() || encoding == UTF_8 {
        encoding
    } else if encoding.name().starts_with("UTF-16") {
        UTF_8
    } else {
        encoding
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        let d = decode("<p>Été</p>".as_bytes());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!((d.encoding, d.lossy), ("UTF-8", false));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let page = b"<meta charset=\"iso-8859-1\"><p>\xc9t\xe9</p>";
        let d = decode(page);
        assert_eq!(d.text, "<meta charset=\"iso-8859-1\"><p>Été</p>");
        assert_eq!(d.encoding, "windows-1252");
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x92";
        assert!(decode(page).text.ends_with('’'));
    }

    #[test]
    fn bom_wins_and_is_removed() {
        let d = decode(b"\xef\xbb\xbf<meta charset=latin1><p>\xc3\xa9</p>");
        assert_eq!(d.text, "<meta charset=latin1><p>é</p>");
    }

    #[test]
    fn undeclared_legacy_bytes_are_windows_1252() {
        assert_eq!(decode(b"<p>caf\xe9</p>").text, "<p>café</p>");
    }

    #[test]
    fn transport_charset_comes_before_meta() {
        let page = b"<meta charset=utf-8><p>\xe9t\xe9</p>";
        let d = decode_with(page, Some("ISO-8859-1"));
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("<meta charset=utf-8><p>\u{e9}t\u{e9}</p>", "windows-1252")
        );
        let d = decode_with(b"\xef\xbb\xbf<p>\xc3\xa9</p>", Some("latin1"));
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("<p>\u{e9}</p>", "UTF-8"),
            "the BOM wins"
        );
        assert_eq!(decode_with(b"<p>a</p>", Some("no-such")).encoding, "UTF-8");
    }

    #[test]
    fn invalid_bytes_are_replaced_and_reported() {
        let d = decode(b"<meta charset=utf-8><p>a\xffb</p>");
        assert_eq!(d.text, "<meta charset=utf-8><p>a\u{FFFD}b</p>");
        assert!(d.lossy);
    }
}
