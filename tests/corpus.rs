//! The shipped corpus: every article is snapshot-tested (insta), and checked
//! against the hand-written expectation next to it (`*.expect.json`: headline,
//! standfirst, sections with paragraph and item counts, takeaways,
//! cross-promotions, boilerplate kinds).
//!
//! Review snapshot changes with `cargo insta review`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The files of a corpus folder with this extension, sorted.
fn files(folder: &str, extension: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .collect();
    files.sort();
    files
}

fn corpus_files() -> Vec<PathBuf> {
    files("corpus/text", "txt")
}

fn parse(path: &Path) -> depeche::Article {
    let input = std::fs::read_to_string(path).expect("UTF-8 corpus file");
    depeche::parse_text(&input).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The article in the shape of an expectation file.
fn summary(article: &depeche::Article) -> Value {
    json!({
        "headline": article.headline,
        "standfirst": article.standfirst.as_ref().map(|p| &p.text),
        "sections": article.sections.iter().map(|s| json!({
            "heading": s.heading,
            "paragraphs": s.paragraphs.len(),
            "items": s.items.len(),
        })).collect::<Vec<_>>(),
        "takeaways": article.takeaways.iter().map(|t| &t.text).collect::<Vec<_>>(),
        "cross_promos": article.cross_promos.iter().map(|p| json!({
            "label": p.label,
            "title": p.title,
        })).collect::<Vec<_>>(),
        "boilerplate": article.boilerplate.iter().map(|b| b.kind.as_str()).collect::<Vec<_>>(),
    })
}

#[test]
fn corpus_has_at_least_forty_articles() {
    assert!(
        corpus_files().len() >= 40,
        "{} corpus articles",
        corpus_files().len()
    );
}

#[test]
fn articles_match_their_expectations() {
    let mut failures = Vec::new();
    for path in corpus_files() {
        let expect_path = path.with_extension("expect.json");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let actual = summary(&parse(&path));
        for key in [
            "headline",
            "standfirst",
            "sections",
            "takeaways",
            "cross_promos",
            "boilerplate",
        ] {
            if actual[key] != expected[key] {
                failures.push(format!(
                    "{} — {key}\n  expected: {}\n  actual:   {}",
                    path.file_name().unwrap().to_string_lossy(),
                    expected[key],
                    actual[key]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus/text", "*.txt", |path| {
        insta::assert_json_snapshot!(parse(path));
    });
}

// ---- HTML pages (corpus/html): the same checks, with the page furniture
// checked by what must and must not be in the body.

fn html_files() -> Vec<PathBuf> {
    files("corpus/html", "html")
}

fn parse_page(path: &Path) -> depeche::Article {
    let bytes = std::fs::read(path).expect("readable page");
    depeche::Parser::default()
        .parse_html_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The article's readable text: standfirst, headings, paragraphs, items and
/// takeaways (what must hold the body and nothing else).
fn body_text(article: &depeche::Article) -> String {
    let mut text = article.to_text();
    if let Some(h) = &article.headline {
        text = text.replacen(h.as_str(), "", 1);
    }
    text.replace('\n', " ")
}

#[test]
fn html_corpus_has_at_least_fifteen_pages() {
    assert!(html_files().len() >= 15, "{} pages", html_files().len());
}

#[test]
fn pages_match_their_expectations() {
    let mut failures = Vec::new();
    for path in html_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expect_path = path.with_extension("expect.json");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let article = parse_page(&path);
        let actual = summary(&article);
        for key in [
            "headline",
            "standfirst",
            "sections",
            "takeaways",
            "cross_promos",
        ] {
            if actual[key] != expected[key] {
                failures.push(format!(
                    "{name} — {key}\n  expected: {}\n  actual:   {}",
                    expected[key], actual[key]
                ));
            }
        }
        let kinds: Vec<&str> = article
            .boilerplate
            .iter()
            .map(|b| b.kind.as_str())
            .collect();
        for kind in expected["boilerplate_kinds"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let kind = kind.as_str().unwrap();
            if !kinds.contains(&kind) {
                failures.push(format!("{name} — no {kind} boilerplate (got {kinds:?})"));
            }
        }
        let body = body_text(&article);
        for phrase in expected["body_includes"].as_array().into_iter().flatten() {
            let phrase = phrase.as_str().unwrap();
            if !body.contains(phrase) {
                failures.push(format!("{name} — body lacks {phrase:?}"));
            }
        }
        for phrase in expected["body_excludes"].as_array().into_iter().flatten() {
            let phrase = phrase.as_str().unwrap();
            if body.contains(phrase) {
                failures.push(format!("{name} — body holds {phrase:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn page_snapshots() {
    insta::glob!("../corpus/html", "*.html", |path| {
        insta::assert_json_snapshot!(parse_page(path));
    });
}
