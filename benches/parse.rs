//! Throughput of `parse_text` over the shipped corpus, and the cost of
//! extraction (actors and claims) on top of structuring.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus/text exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus file"))
        .collect()
}

fn parse_text(c: &mut Criterion) {
    let docs = corpus();
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

/// Issue 4, point 4: the cost of extraction, corpus parsed with extraction
/// on (the default) and off.
fn extraction(c: &mut Criterion) {
    let docs = corpus();
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

criterion_group!(benches, parse_text, extraction);
criterion_main!(benches);
