//! Scores the extractor against the hand-written gold in `corpus/gold/`.
//!
//! ```sh
//! cargo run --release --example eval                    # P/R/F1: DEV, HELD-OUT, ALL
//! cargo run --release --example eval -- --verbose 046_direct_crue_garonne_agen
//! cargo run --release --example eval -- --json          # texts, actors and timings, for scripts/spacy_compare.py
//! ```
//!
//! The scoring rule is the one in `corpus/gold/README.md`: names compared
//! folded (case, accents, apostrophes, hyphens); an actor matches a gold
//! actor of the same kind whose name or alias equals its name; a role
//! matches a gold role of the same actor when each shares at least 60 % of
//! the other's words; a claim matches a gold claim with the same speaker
//! (both anonymous counts as the same) whose content words are at least
//! 60 % present in the predicted content. Matching is one-to-one; figures
//! are micro-averaged.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;

/// The articles tuned on: 001–020 and 046–055. 056–065 are held out.
fn is_dev(stem: &str) -> bool {
    let n: u32 = stem.get(..3).and_then(|s| s.parse().ok()).unwrap_or(0);
    (1..=20).contains(&n) || (46..=55).contains(&n)
}

fn is_held_out(stem: &str) -> bool {
    let n: u32 = stem.get(..3).and_then(|s| s.parse().ok()).unwrap_or(0);
    (56..=65).contains(&n)
}

/// Folds a name: lower case, no accents, no apostrophes or hyphens.
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
            'û' | 'ü' | 'ù' | 'ú' | 'Û' | 'Ü' | 'Ù' => 'u',
            'ç' | 'Ç' => 'c',
            'ø' | 'Ø' => 'o',
            'œ' | 'Œ' => {
                out.push_str("oe");
                continue;
            }
            '\'' | '’' | '-' | '‑' | '–' => ' ',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded words of a text (letters and digits).
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Share of `a`'s words found in `b`.
fn covered(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let set: HashSet<&String> = b.iter().collect();
    a.iter().filter(|w| set.contains(w)).count() as f64 / a.len() as f64
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

struct GoldActor {
    names: Vec<String>,
    kind: String,
    roles: Vec<String>,
    shown: String,
}

struct FileScore {
    actors: Score,
    roles: Score,
    claims: Score,
}

fn score(gold: &Value, article: &depeche::Article, verbose: bool) -> FileScore {
    let gactors: Vec<GoldActor> = gold["actors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            let mut names = vec![fold(a["name"].as_str().unwrap_or(""))];
            for al in a["aliases"].as_array().into_iter().flatten() {
                names.push(fold(al.as_str().unwrap_or("")));
            }
            GoldActor {
                names,
                kind: a["kind"].as_str().unwrap_or("").to_owned(),
                roles: a["roles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_str().map(str::to_owned))
                    .collect(),
                shown: a["name"].as_str().unwrap_or("").to_owned(),
            }
        })
        .collect();
    // Actors: one-to-one, in order.
    let mut used = vec![false; gactors.len()];
    let mut matched: Vec<Option<usize>> = Vec::new();
    for a in &article.actors {
        let name = fold(&a.name);
        let m = gactors
            .iter()
            .enumerate()
            .position(|(i, g)| !used[i] && g.kind == a.kind.as_str() && g.names.contains(&name));
        if let Some(i) = m {
            used[i] = true;
        } else if verbose {
            println!("  FP actor  {} ({})", a.name, a.kind);
        }
        matched.push(m);
    }
    if verbose {
        for (i, g) in gactors.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            println!("  FN actor  {} ({})", g.shown, g.kind);
        }
    }
    let actors = Score {
        tp: used.iter().filter(|u| **u).count(),
        pred: article.actors.len(),
        gold: gactors.len(),
    };
    // Roles: (actor, role) pairs.
    let mut roles = Score {
        gold: gactors.iter().map(|g| g.roles.len()).sum(),
        ..Score::default()
    };
    let mut role_used: Vec<Vec<bool>> =
        gactors.iter().map(|g| vec![false; g.roles.len()]).collect();
    for (a, m) in article.actors.iter().zip(&matched) {
        for r in &a.roles {
            roles.pred += 1;
            let rw = words(&r.text);
            let hit = m.and_then(|gi| {
                gactors[gi]
                    .roles
                    .iter()
                    .enumerate()
                    .position(|(k, g)| {
                        let gw = words(g);
                        !role_used[gi][k] && covered(&rw, &gw) >= 0.6 && covered(&gw, &rw) >= 0.6
                    })
                    .map(|k| (gi, k))
            });
            match hit {
                Some((gi, k)) => {
                    role_used[gi][k] = true;
                    roles.tp += 1;
                }
                None if verbose => println!("  FP role   {} — {}", a.name, r.text),
                None => {}
            }
        }
    }
    if verbose {
        for (gi, g) in gactors.iter().enumerate() {
            for (k, r) in g.roles.iter().enumerate() {
                if !role_used[gi][k] {
                    println!("  FN role   {} — {}", g.shown, r);
                }
            }
        }
    }
    // Claims: the predicted speaker names an actor; gold speakers are gold
    // names. Same speaker: the predicted name matches the gold speaker's
    // actor (name or alias), or both are anonymous.
    let gclaims: Vec<&Value> = gold["claims"].as_array().into_iter().flatten().collect();
    let speaker_ok = |pred: Option<&str>, gold: Option<&str>| -> bool {
        match (pred, gold) {
            (None, None) => true,
            (Some(p), Some(g)) => {
                let (p, g) = (fold(p), fold(g));
                p == g
                    || gactors
                        .iter()
                        .any(|a| a.names.contains(&g) && a.names.contains(&p))
            }
            _ => false,
        }
    };
    let mut cused = vec![false; gclaims.len()];
    let mut claims = Score {
        pred: article.claims.len(),
        gold: gclaims.len(),
        ..Score::default()
    };
    for c in &article.claims {
        let pw = words(&c.content);
        let hit = gclaims.iter().enumerate().position(|(i, g)| {
            !cused[i]
                && speaker_ok(c.speaker.as_deref(), g["speaker"].as_str())
                && covered(&words(g["content"].as_str().unwrap_or("")), &pw) >= 0.6
        });
        match hit {
            Some(i) => {
                cused[i] = true;
                claims.tp += 1;
            }
            None if verbose => println!(
                "  FP claim  [{}] {} | {} | {}",
                c.speaker
                    .as_deref()
                    .or(c.speaker_description.as_deref())
                    .unwrap_or("?"),
                c.kind,
                c.cue,
                c.content
            ),
            None => {}
        }
    }
    if verbose {
        for (i, g) in gclaims.iter().enumerate().filter(|(i, _)| !cused[*i]) {
            let _ = i;
            println!(
                "  FN claim  [{}] {} | {} | {}",
                g["speaker"]
                    .as_str()
                    .or(g["speaker_description"].as_str())
                    .unwrap_or("?"),
                g["kind"].as_str().unwrap_or(""),
                g["cue"].as_str().unwrap_or(""),
                g["content"].as_str().unwrap_or("")
            );
        }
    }
    FileScore {
        actors,
        roles,
        claims,
    }
}

fn main() {
    let mut verbose: Option<String> = None;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--verbose" => verbose = args.next(),
            "--json" => json = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut golds: Vec<PathBuf> = std::fs::read_dir(root.join("corpus/gold"))
        .expect("corpus/gold exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    let mut docs = Vec::new();
    for g in &golds {
        let stem = g
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".gold.json")
            .to_owned();
        let text = std::fs::read_to_string(root.join("corpus/text").join(format!("{stem}.txt")))
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(g).expect("gold"))
            .unwrap_or_else(|e| panic!("{}: {e}", g.display()));
        docs.push((stem, text, gold));
    }
    let parser = depeche::Parser::default();
    let off = depeche::Parser::new(depeche::Options::default().extract(false));
    // Lexicons compile on first use: time it apart.
    let t = Instant::now();
    let articles: Vec<depeche::Article> = docs
        .iter()
        .map(|(_, text, _)| parser.parse_text(text).expect("parses"))
        .collect();
    let first = t.elapsed();
    // Timing: all gold articles in one batch, best of five rounds,
    // extraction on and off.
    let time = |p: &depeche::Parser| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                for (_, text, _) in &docs {
                    std::hint::black_box(p.parse_text(text).expect("parses"));
                }
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let without = time(&off);
    let with = time(&parser);
    if json {
        // One line per article: the texts depeche extracts from (headline,
        // standfirst, headings, paragraphs, items, takeaways, in order) and
        // the actors it found; then one line of timings.
        for ((stem, _, _), a) in docs.iter().zip(&articles) {
            let mut texts: Vec<&str> = Vec::new();
            texts.extend(a.headline.as_deref());
            texts.extend(a.standfirst.as_ref().map(|p| p.text.as_str()));
            for s in &a.sections {
                texts.extend(s.heading.as_deref());
                texts.extend(s.texts());
            }
            texts.extend(a.takeaways.iter().map(|t| t.text.as_str()));
            let actors: Vec<Value> = a
                .actors
                .iter()
                .map(|x| serde_json::json!({"name": x.name, "kind": x.kind.as_str()}))
                .collect();
            println!(
                "{}",
                serde_json::json!({"article": stem, "texts": texts, "actors": actors})
            );
        }
        println!(
            "{}",
            serde_json::json!({
                "timing": {
                    "articles": docs.len(),
                    "parse_with_extraction_ms": with.as_secs_f64() * 1e3,
                    "parse_without_extraction_ms": without.as_secs_f64() * 1e3,
                    "first_run_with_lexicon_compilation_ms": first.as_secs_f64() * 1e3,
                }
            })
        );
        return;
    }
    let mut sets = [
        ("DEV", Vec::new()),
        ("HELD-OUT", Vec::new()),
        ("ALL", Vec::new()),
    ];
    for ((stem, _, gold), a) in docs.iter().zip(&articles) {
        let show = verbose.as_deref() == Some(stem.as_str());
        if show {
            if is_held_out(stem) {
                eprintln!("{stem} is held out: no per-file output");
                std::process::exit(2);
            }
            println!("{stem}");
        }
        let s = score(gold, a, show);
        if is_dev(stem) {
            sets[0].1.push((stem.clone(), s.actors, s.roles, s.claims));
        } else if is_held_out(stem) {
            sets[1].1.push((stem.clone(), s.actors, s.roles, s.claims));
        }
        sets[2].1.push((stem.clone(), s.actors, s.roles, s.claims));
    }
    if verbose.is_some() {
        return;
    }
    println!(
        "{:<9} {:>5}  {:>20}  {:>20}  {:>20}",
        "set", "files", "actors P/R/F1", "roles P/R/F1", "claims P/R/F1"
    );
    for (name, rows) in &sets {
        let (mut a, mut r, mut c) = (Score::default(), Score::default(), Score::default());
        for (_, x, y, z) in rows {
            a.add(*x);
            r.add(*y);
            c.add(*z);
        }
        let f = |s: Score| {
            let (p, r, f) = s.prf();
            format!("{p:.3}/{r:.3}/{f:.3}")
        };
        println!(
            "{name:<9} {:>5}  {:>20}  {:>20}  {:>20}",
            rows.len(),
            f(a),
            f(r),
            f(c)
        );
        if std::env::var_os("EVAL_COUNTS").is_some() {
            println!(
                "{:<15} tp/pred/gold  actors {}/{}/{}  roles {}/{}/{}  claims {}/{}/{}",
                "", a.tp, a.pred, a.gold, r.tp, r.pred, r.gold, c.tp, c.pred, c.gold
            );
        }
    }
    if std::env::var_os("EVAL_PER_FILE").is_some() {
        for (stem, a, r, c) in &sets[0].1 {
            println!(
                "{stem:<45} actors {:.2} roles {:.2} claims {:.2}",
                a.prf().2,
                r.prf().2,
                c.prf().2
            );
        }
    }
    println!(
        "time: {} articles, {:.2} ms with extraction, {:.2} ms without (first run, lexicons compiled: {:.1} ms)",
        docs.len(),
        with.as_secs_f64() * 1e3,
        without.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
}
