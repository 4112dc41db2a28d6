//! HTML front end from bytes (encoding sniffing included). No panic; spans
//! valid in the decoded text; the same article twice.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let parser = depeche::Parser::default();
    let first = parser.parse_html_bytes(data);
    let second = parser.parse_html_bytes(data);
    assert_eq!(first, second, "parsing is not deterministic");
    if let Ok(article) = first {
        let decoded = depeche::decode_html(data);
        common::check_structure(&decoded.text, &article);
        common::check_extraction(&decoded.text, &article);
    }
});
