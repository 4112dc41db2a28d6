//! Parses the shipped text corpus `N` times, with extraction on or off:
//! the driver of `scripts/extraction_cost.py`, which counts its
//! instructions under valgrind (a figure that, unlike wall-clock time,
//! does not move with the machine's load).
//!
//! ```sh
//! cargo run --release --example cost -- on 10
//! ```

use std::time::Instant;

#[path = "../benches/common/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "on".to_owned());
    let passes: usize = match args.next().map(|n| n.parse()) {
        None => 10,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: cost [on|off] [PASSES]: {e}");
            std::process::exit(2);
        }
    };
    if mode != "on" && mode != "off" {
        eprintln!("usage: cost [on|off] [PASSES]");
        std::process::exit(2);
    }
    let docs = corpus::texts();
    let parser = depeche::Parser::new(depeche::Options::default().extract(mode == "on"));
    let start = Instant::now();
    let mut actors = 0;
    for _ in 0..passes {
        for d in &docs {
            actors += parser.parse_text(d).expect("corpus parses").actors.len();
        }
    }
    let elapsed = start.elapsed();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!(
        "extraction {mode}: {passes} passes over {} documents ({bytes} bytes), {:.3} ms a pass, {actors} actors",
        docs.len(),
        elapsed.as_secs_f64() * 1e3 / passes.max(1) as f64,
    );
}
