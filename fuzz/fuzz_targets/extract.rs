//! Extraction of actors and claims from text parsed in any Markdown mode:
//! no panic, valid mention/role/claim spans inside their blocks, and
//! `depeche::extract` on the article gives what the parser stored.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((options, bytes)) = common::options_and_input(data) else {
        return;
    };
    let Ok(input) = std::str::from_utf8(bytes) else {
        return;
    };
    let parser = depeche::Parser::new(options.extract(true));
    let Ok(article) = parser.parse_text(input) else {
        return;
    };
    common::check_structure(input, &article);
    common::check_extraction(input, &article);
    let again = depeche::extract(&article, input);
    assert_eq!(
        again.actors, article.actors,
        "extraction is not deterministic"
    );
    assert_eq!(
        again.claims, article.claims,
        "extraction is not deterministic"
    );
});
