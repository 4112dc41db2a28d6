//! One JSON Lines batch record: decoded with the default field names, then
//! parsed as the batch CLI does. No panic; decoding is deterministic; a
//! decoded body is never longer than its line; the article's spans are
//! valid in the body.
#![no_main]

use depeche::batch::{Body, JsonlFields, parse_jsonl_line};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let fields = JsonlFields::default();
    let first = parse_jsonl_line(data, &fields);
    assert_eq!(first, parse_jsonl_line(data, &fields), "decoding is not deterministic");
    let Ok(record) = first else {
        return;
    };
    // JSON escapes only ever shorten the text they stand for.
    assert!(record.len() <= data.len(), "body longer than its line");
    let parser = depeche::Parser::default();
    let Ok(article) = record.parse(&parser) else {
        return;
    };
    match &record.body {
        Body::Text(text) => {
            common::check_structure(text, &article);
            common::check_extraction(text, &article);
        }
        Body::Html { bytes, charset: None } => {
            let decoded = depeche::decode_html(bytes);
            common::check_structure(&decoded.text, &article);
            common::check_extraction(&decoded.text, &article);
        }
        _ => {}
    }
});
