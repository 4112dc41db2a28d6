use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut pages = vec![];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "html") {
            pages.push(
                depeche::decode_html(&std::fs::read(p).unwrap())
                    .text
                    .into_owned(),
            );
        }
    }
    let n = 20;
    let t = Instant::now();
    for _ in 0..n {
        for p in &pages {
            std::hint::black_box(scraper::Html::parse_document(p));
        }
    }
    let per = t.elapsed().as_secs_f64() / (n * pages.len()) as f64;
    eprintln!(
        "scraper raw: {:.3} ms/doc = {:.0} docs/s/core",
        per * 1e3,
        1.0 / per
    );
    for ex in [false, true] {
        let parser = depeche::Parser::new(depeche::Options::default().extract(ex));
        let t = Instant::now();
        for _ in 0..n {
            for p in &pages {
                std::hint::black_box(parser.parse_html(p).ok());
            }
        }
        let per = t.elapsed().as_secs_f64() / (n * pages.len()) as f64;
        eprintln!(
            "depeche extract={ex}: {:.3} ms/doc = {:.0} docs/s/core",
            per * 1e3,
            1.0 / per
        );
    }
}
