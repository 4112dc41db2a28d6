//! Throughput of `parse_text` over the shipped corpus; the cost of
//! extraction (actors and claims) on top of structuring; and `parse_html`
//! beside a bare `scraper` parse of the same pages (the floor the HTML front
//! end is measured against). `DEPECHE_BENCH_HTML=DIR` adds the pages of DIR
//! (for instance the trafilatura evaluation pages) to the HTML group.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/corpus.rs"]
mod corpus;

fn parse_text(c: &mut Criterion) {
    let docs = corpus::texts();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse_text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(depeche::parse_text(black_box(d)).expect("corpus parses"));
            }
        });
    });
    group.finish();
}

/// The HTML pages: the shipped corpus, plus `DEPECHE_BENCH_HTML` if set.
fn pages() -> Vec<String> {
    let mut dirs = vec![concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/html").to_owned()];
    dirs.extend(std::env::var("DEPECHE_BENCH_HTML"));
    let mut paths: Vec<_> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("readable page directory"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            depeche::decode_html(&std::fs::read(p).expect("readable page"))
                .text
                .into_owned()
        })
        .collect()
}

fn parse_html(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("parse_html");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("scraper_parse_document", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(scraper::Html::parse_document(black_box(p)));
            }
        });
    });
    // The HTML front end and structuring (what issue 3 measures), then
    // with extraction on top.
    for (name, options) in [
        (
            "depeche_parse_html",
            depeche::Options::default().extract(false),
        ),
        ("depeche_parse_html_extract", depeche::Options::default()),
    ] {
        let parser = depeche::Parser::new(options);
        group.bench_function(name, |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(parser.parse_html(black_box(p)).expect("page parses"));
                }
            });
        });
    }
    group.finish();
}

/// Issue 4, point 4: the cost of extraction, corpus parsed with extraction
/// on (the default) and off.
fn extraction(c: &mut Criterion) {
    let docs = corpus::texts();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, options) in [
        ("on", depeche::Options::default()),
        ("off", depeche::Options::default().extract(false)),
    ] {
        let parser = depeche::Parser::new(options);
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(parser.parse_text(black_box(d)).expect("corpus parses"));
                }
            });
        });
    }
    group.finish();
}

/// Pathological documents at growing sizes: the cost per MB must stay flat
/// (issue 6). `DEPECHE_BENCH_MAX_MB` caps the largest size (default 50).
fn pathological(c: &mut Criterion) {
    let max_mb: usize = std::env::var("DEPECHE_BENCH_MAX_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    type Make = fn(usize) -> String;
    let cases: [(&str, bool, Make); 6] = [
        ("long_line", false, |n| {
            "Le conseil a voté la mesure, a dit le maire. ".repeat(n / 46 + 1)
        }),
        ("bullet_lines", false, |n| {
            format!("Titre\n\n{}", "- un point\n".repeat(n / 11 + 1))
        }),
        ("headings", false, |n| {
            "Un intertitre court\n".repeat(n / 20 + 1)
        }),
        ("nested_divs", true, |n| {
            let k = n / 11 + 1;
            format!("{}<p>Texte.</p>{}", "<div>".repeat(k), "</div>".repeat(k))
        }),
        ("unclosed_p", true, |n| {
            "<p>Un paragraphe jamais fermé, ".repeat(n / 34 + 1)
        }),
        ("angle_brackets", true, |n| "<".repeat(n)),
    ];
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, is_html, make) in cases {
        for mb in [1usize, 10, 50].into_iter().filter(|&m| m <= max_mb) {
            let doc = make(mb << 20);
            group.throughput(Throughput::Bytes(doc.len() as u64));
            let parser = depeche::Parser::default();
            group.bench_function(format!("{name}/{mb}MB"), |b| {
                b.iter(|| {
                    let r = if is_html {
                        parser.parse_html(black_box(&doc))
                    } else {
                        parser.parse_text(black_box(&doc))
                    };
                    black_box(r.ok())
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, parse_text, extraction, parse_html, pathological);
criterion_main!(benches);
