//! Text front end: any bytes, every Markdown mode, with and without
//! extraction. No panic; valid spans; the same article twice.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((options, bytes)) = common::options_and_input(data) else {
        return;
    };
    let parser = depeche::Parser::new(options);
    let first = parser.parse_text_bytes(bytes);
    let second = parser.parse_text_bytes(bytes);
    assert_eq!(first, second, "parsing is not deterministic");
    if let Ok(article) = first {
        let input = std::str::from_utf8(bytes).expect("parsed text is UTF-8");
        common::check_structure(input, &article);
        common::check_extraction(input, &article);
    }
});
