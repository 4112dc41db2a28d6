//! The `depeche` command: formats, several inputs, stdin, failures that do
//! not stop the run.

use std::io::Write;
use std::process::{Command, Stdio};

fn depeche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("depeche-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The contract's names for the structure of an article.
const STRUCTURE: [&str; 6] = [
    "headline",
    "standfirst",
    "sections",
    "takeaways",
    "cross_promos",
    "boilerplate",
];

const ARTICLE: &str =
    "Une conversation cruciale\nLe texte commence ici.\nÀ lire aussi : Autre : sujet\n";

#[test]
fn one_file_prints_one_json_object_with_the_contract_names() {
    let dir = temp_dir("one");
    let path = dir.join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = depeche().arg(&path).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in STRUCTURE {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["headline"], "Une conversation cruciale");
    assert_eq!(v["sections"][0]["heading"], serde_json::Value::Null);
    assert_eq!(
        v["sections"][0]["paragraphs"][0]["text"],
        "Le texte commence ici."
    );
    assert_eq!(v["cross_promos"][0]["label"], "À lire aussi");
    assert_eq!(v["cross_promos"][0]["title"], "Autre : sujet");
}

#[test]
fn no_extract_leaves_the_structure_and_empties_actors_and_claims() {
    let dir = temp_dir("no-extract");
    let path = dir.join("a.txt");
    std::fs::write(
        &path,
        "Titre\n\nLe ministre des Transports, Pierre Aubrac, a estimé que la ligne restait prioritaire.\n",
    )
    .unwrap();
    let json = |extra: &[&str]| -> serde_json::Value {
        let out = depeche().args(extra).arg(&path).output().unwrap();
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let full = json(&[]);
    let lean = json(&["--no-extract"]);
    assert_eq!(full["actors"][0]["name"], "Pierre Aubrac");
    assert_eq!(full["claims"][0]["speaker"], "Pierre Aubrac");
    assert_eq!(lean["actors"], serde_json::json!([]));
    assert_eq!(lean["claims"], serde_json::json!([]));
    for key in STRUCTURE {
        assert_eq!(lean[key], full[key], "{key}");
    }
}

#[test]
fn a_directory_gives_json_lines_and_a_bad_file_does_not_stop_the_run() {
    let dir = temp_dir("dir");
    std::fs::write(dir.join("1.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("2.txt"), b"Titre\n\xff\xfe invalide\n").unwrap();
    std::fs::write(dir.join("3.md"), "# Titre\n\nCorps du texte.\n").unwrap();
    std::fs::write(dir.join("ignored.json"), "{}").unwrap();
    let out = depeche().arg(&dir).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed document makes the exit status 1"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["headline"], "Une conversation cruciale");
    assert!(lines[1]["error"].as_str().unwrap().contains("offset 6"));
    assert!(lines[1]["source"].as_str().unwrap().ends_with("2.txt"));
    assert_eq!(lines[2]["headline"], "Titre");
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("1 of 3 documents failed")
    );
}

#[test]
fn stdin_and_markdown_output() {
    let mut child = depeche()
        .args(["--format", "markdown", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ARTICLE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# Une conversation cruciale\n\nLe texte commence ici.\n\n"
    );
}

#[test]
fn text_format_prints_one_block_per_line() {
    let dir = temp_dir("text");
    let path = dir.join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let out = depeche()
        .args(["--format", "text"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Une conversation cruciale\nLe texte commence ici.\n"
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    let out = depeche().args(["--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("Usage"));
}
