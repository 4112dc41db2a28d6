//! The batch mode of the `depeche` command: JSON Lines and WARC inputs,
//! directories and standard input, error objects in place, exit statuses,
//! and output that does not depend on the number of threads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn depeche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_depeche"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("depeche-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = depeche()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

/// `depeche --jobs N FILE`.
fn run_with_jobs(path: &Path, jobs: &str) -> Output {
    depeche().args(["--jobs", jobs]).arg(path).output().unwrap()
}

/// A short made-up dispatch, numbered.
fn article(n: usize) -> String {
    format!(
        "Le conseil municipal de Plouzec vote le budget {n}\n\
         La séance a duré trois heures.\n\
         « Nous tenons nos engagements », a déclaré la maire, Anne Kerhervé.\n"
    )
}

fn jsonl_line(n: usize) -> String {
    json!({"id": format!("doc-{n}"), "url": format!("https://exemple.fr/{n}"), "text": article(n)})
        .to_string()
}

/// A WARC record with the given block.
fn warc_record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// Records of a small crawl: an info record, a request, two pages (one in
/// ISO-8859-1 declared only by the HTTP header), an image, and a response
/// whose HTTP part is broken.
fn warc_records() -> Vec<Vec<u8>> {
    let page1 = "<html><head><title>Crue de la Vilaine</title></head><body>\
        <article><h1>Crue de la Vilaine : Redon en alerte</h1>\
        <p>La rivière a atteint quatre mètres dans la nuit de mardi.</p>\
        </article></body></html>";
    let page2 = b"<html><body><article><h1>F\xeate du port \xe0 Douarnenez</h1>\
        <p>Les vieux gr\xe9ements reviennent au port cet \xe9t\xe9.</p>\
        </article></body></html>";
    vec![
        warc_record(
            "warcinfo",
            "<urn:uuid:0>",
            "about:info",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "<urn:uuid:1>",
            "https://exemple.fr/crue",
            b"GET /crue HTTP/1.1\r\nHost: exemple.fr\r\n\r\n",
        ),
        warc_record(
            "response",
            "<urn:uuid:2>",
            "https://exemple.fr/crue",
            &http_response("text/html; charset=utf-8", page1.as_bytes()),
        ),
        warc_record(
            "response",
            "<urn:uuid:3>",
            "https://exemple.fr/logo.png",
            &http_response("image/png", b"\x89PNG\r\n"),
        ),
        warc_record(
            "response",
            "<urn:uuid:4>",
            "https://exemple.fr/fete",
            &http_response("text/html; charset=ISO-8859-1", page2),
        ),
        warc_record(
            "response",
            "<urn:uuid:5>",
            "https://exemple.fr/casse",
            b"this is not an HTTP response",
        ),
    ]
}

fn check_warc_output(out: &Output) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let v = lines(out);
    assert_eq!(v.len(), 3, "two pages and one error: {v:?}");
    assert_eq!(v[0]["warc_record_id"], "<urn:uuid:2>");
    assert_eq!(v[0]["url"], "https://exemple.fr/crue");
    assert_eq!(v[0]["headline"], "Crue de la Vilaine : Redon en alerte");
    assert_eq!(v[1]["warc_record_id"], "<urn:uuid:4>");
    assert_eq!(v[1]["headline"], "Fête du port à Douarnenez");
    assert_eq!(v[1]["metadata"]["encoding"], "windows-1252");
    assert_eq!(v[2]["id"], "<urn:uuid:5>");
    assert_eq!(v[2]["url"], "https://exemple.fr/casse");
    assert!(
        v[2]["error"]
            .as_str()
            .unwrap()
            .contains("HTTP response is not valid")
    );
    assert_eq!(v[2]["record"], 6);
    assert!(stderr(out).contains("3 WARC records skipped"));
}

#[test]
fn a_warc_file_gives_one_article_per_html_response() {
    let dir = temp_dir("warc");
    let path = dir.join("crawl.warc");
    std::fs::write(&path, warc_records().concat()).unwrap();
    check_warc_output(&depeche().arg(&path).output().unwrap());
}

#[test]
fn a_gzipped_warc_file_is_read_record_by_record() {
    let dir = temp_dir("warcgz");
    // One gzip member per record, as crawlers write them.
    let mut file = Vec::new();
    for record in warc_records() {
        let mut gz = flate2::write::GzEncoder::new(&mut file, flate2::Compression::default());
        gz.write_all(&record).unwrap();
        gz.finish().unwrap();
    }
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, &file).unwrap();
    check_warc_output(&depeche().arg(&path).output().unwrap());
    // From standard input, told by its first bytes.
    check_warc_output(&run_with_stdin(&[], &file));
}

#[test]
fn jsonl_round_trip_keeps_ids_and_urls_in_order() {
    let input: String = (0..20).map(|n| jsonl_line(n) + "\n").collect();
    let out = run_with_stdin(&["--input", "jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let v = lines(&out);
    assert_eq!(v.len(), 20);
    for (n, record) in v.iter().enumerate() {
        assert_eq!(record["id"], format!("doc-{n}"));
        assert_eq!(record["url"], format!("https://exemple.fr/{n}"));
        assert_eq!(record["line"], n + 1);
        assert_eq!(record["source"], "-");
        assert_eq!(
            record["headline"],
            format!("Le conseil municipal de Plouzec vote le budget {n}")
        );
        assert_eq!(record["claims"][0]["speaker"], "Anne Kerhervé");
    }
    assert!(stderr(&out).contains("20 documents, 0 errors"));
}

#[test]
fn jsonl_field_names_can_be_chosen_and_html_is_read() {
    let input = [
        json!({"uid": 1, "page": "https://exemple.fr/a", "contenu": "Titre A\n\nUn paragraphe.\n"}),
        json!({"uid": "b", "source_html": "<html><body><article><h1>Titre B</h1><p>Un paragraphe de texte.</p></article></body></html>"}),
    ]
    .map(|v| v.to_string() + "\n")
    .concat();
    let out = run_with_stdin(
        &[
            "--input",
            "jsonl",
            "--id-field",
            "uid",
            "--url-field",
            "page",
            "--text-field",
            "contenu",
            "--html-field",
            "source_html",
        ],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = lines(&out);
    assert_eq!(
        (&v[0]["id"], &v[0]["url"]),
        (&json!("1"), &json!("https://exemple.fr/a"))
    );
    assert_eq!(v[0]["headline"], "Titre A");
    assert_eq!(v[1]["id"], "b");
    assert!(v[1].get("url").is_none());
    assert_eq!(v[1]["headline"], "Titre B");
}

#[test]
fn every_bad_record_becomes_an_error_object_in_its_place() {
    let mut input = Vec::new();
    input.extend(jsonl_line(0).bytes().chain(*b"\n"));
    input.extend(b"{\"id\": \"utf8\", \"text\": \"Titre\\n\xff\"}\n");
    input.extend(b"{\"id\": \"broken\", \"text\": \n");
    input.extend(b"{\"id\": \"sans-texte\", \"body\": \"Titre\"}\n");
    input.extend(b"\n");
    input.extend(b"{\"id\": \"vide\", \"text\": \"  \\n \"}\n");
    input.extend(format!("{{\"id\": \"gros\", \"text\": \"{}\"}}\n", "x".repeat(5000)).bytes());
    input.extend(jsonl_line(7).bytes());
    let out = run_with_stdin(&["--input", "jsonl", "--max-bytes", "4096"], &input);
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out);
    assert_eq!(v.len(), 7, "{v:?}");
    assert_eq!(v[0]["id"], "doc-0");
    let error = |i: usize| v[i]["error"].as_str().unwrap().to_owned();
    assert_eq!(v[1]["id"], "utf8");
    assert!(error(1).contains("not valid UTF-8"), "{}", error(1));
    assert_eq!(v[2]["line"], 3);
    assert!(error(2).contains("not a valid JSON object"), "{}", error(2));
    assert_eq!(v[3]["id"], "sans-texte");
    assert!(error(3).contains("no \"text\" or \"html\" string field"));
    assert_eq!((&v[4]["id"], &v[4]["line"]), (&json!("vide"), &json!(6)));
    assert!(error(4).contains("empty"));
    assert_eq!(v[5]["line"], 7);
    assert!(
        error(5).contains("over the limit of 4096 bytes"),
        "{}",
        error(5)
    );
    assert_eq!(v[6]["id"], "doc-7");
    assert_eq!(v[6]["line"], 8);
    let err = stderr(&out);
    assert!(
        err.contains("-:3: the record is not a valid JSON object"),
        "{err}"
    );
    assert!(err.contains("5 of 7 documents failed"), "{err}");
}

#[test]
fn one_poison_record_among_ten_thousand() {
    const N: usize = 10_000;
    const POISON: usize = 6_543;
    let dir = temp_dir("poison");
    let path = dir.join("records.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for n in 0..N {
        if n == POISON {
            file.write_all(b"{\"id\": \"doc-6543\", \"text\": \"\xc3\x28\"}\n")
                .unwrap();
        } else {
            // Short records keep the test fast in a debug build.
            let line = json!({"id": format!("doc-{n}"), "text": format!("Titre {n}\nTexte.\n")});
            writeln!(file, "{line}").unwrap();
        }
    }
    file.into_inner().unwrap().sync_all().unwrap();
    let output = dir.join("out.jsonl");
    let out = depeche()
        .args(["--format", "jsonl", "-o"])
        .arg(&output)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&output).unwrap();
    let v: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.len(), N);
    for (n, record) in v.iter().enumerate() {
        assert_eq!(record["id"], format!("doc-{n}"));
        assert_eq!(record.get("error").is_some(), n == POISON, "record {n}");
    }
    assert_eq!(v[POISON]["line"], POISON + 1);
    assert!(stderr(&out).contains("1 of 10000 documents failed"));
}

#[test]
fn one_or_two_threads_write_the_same_bytes() {
    let dir = temp_dir("jobs");
    let path = dir.join("records.jsonl");
    let mut input = String::new();
    for n in 0..1500 {
        if n % 97 == 0 {
            input.push_str("{\"id\": \"cassé\"\n");
        } else {
            input.push_str(&jsonl_line(n));
            input.push('\n');
        }
    }
    std::fs::write(&path, input).unwrap();
    let one = run_with_jobs(&path, "1");
    let two = run_with_jobs(&path, "2");
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(lines(&one).len(), 1500);
    assert!(one.stdout == two.stdout, "--jobs 1 and --jobs 2 differ");
}

#[test]
fn documents_come_out_in_input_order_when_a_long_one_finishes_last() {
    // Every 50th document is long and takes far longer than the short ones
    // after it, which four threads finish first: the writer must hold them
    // back until the long one is written.
    let dir = temp_dir("order");
    let path = dir.join("records.jsonl");
    let mut input = String::new();
    for n in 0..400 {
        let text = if n % 50 == 0 {
            article(n).repeat(600)
        } else {
            article(n)
        };
        input.push_str(&json!({"id": format!("doc-{n}"), "text": text}).to_string());
        input.push('\n');
    }
    std::fs::write(&path, input).unwrap();
    let four = run_with_jobs(&path, "4");
    assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
    let ids: Vec<_> = lines(&four)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<_> = (0..400).map(|n| format!("doc-{n}")).collect();
    assert_eq!(ids, expected);
    assert!(
        four.stdout == run_with_jobs(&path, "1").stdout,
        "--jobs 1 and --jobs 4 differ"
    );
}

#[test]
fn a_reader_that_hangs_up_stops_the_run() {
    // `depeche big.jsonl | head -1`: once the output is closed, the run
    // stops (status 0, as for any tool piped into head) instead of
    // waiting forever for room to write.
    let dir = temp_dir("hangup");
    let path = dir.join("records.jsonl");
    let input: String = (0..6000).map(|n| jsonl_line(n) + "\n").collect();
    std::fs::write(&path, input).unwrap();
    let mut child = depeche()
        .args(["--jobs", "2"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert!(first.contains("doc-0"), "{first}");
    drop(stdout);
    // A liveness check, not a speed test: the run takes well under a
    // second; a minute means it hangs.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("depeche kept running after its reader hung up");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_directory_mixes_documents_jsonl_and_warc_files() {
    let dir = temp_dir("mixed");
    std::fs::create_dir_all(dir.join("sous")).unwrap();
    std::fs::write(dir.join("a.txt"), article(1)).unwrap();
    std::fs::write(
        dir.join("b.jsonl"),
        format!("{}\n{}\n", jsonl_line(2), jsonl_line(3)),
    )
    .unwrap();
    std::fs::write(dir.join("sous/c.warc"), warc_records()[..3].concat()).unwrap();
    std::fs::write(dir.join("notes.csv"), "a,b\n").unwrap();
    let out = depeche().arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = lines(&out);
    let source = |i: usize| Path::new(v[i]["source"].as_str().unwrap()).to_owned();
    assert_eq!(v.len(), 4);
    assert!(source(0).ends_with("a.txt"));
    assert_eq!(
        (&v[1]["id"], &v[2]["id"]),
        (&json!("doc-2"), &json!("doc-3"))
    );
    assert!(source(3).ends_with("sous/c.warc"));
    assert_eq!(v[3]["warc_record_id"], "<urn:uuid:2>");
    // --input jsonl keeps only the JSON Lines files of a directory.
    let out = depeche()
        .args(["--input", "jsonl"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn a_missing_input_is_reported_in_place_with_status_2() {
    let dir = temp_dir("missing");
    std::fs::write(dir.join("a.txt"), article(1)).unwrap();
    let out = depeche()
        .args(["--quiet", "--format", "jsonl"])
        .arg(dir.join("absent.jsonl"))
        .arg(dir.join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = lines(&out);
    assert_eq!(v.len(), 2);
    assert!(v[0]["error"].as_str().is_some());
    assert!(v[1]["headline"].is_string());
    assert!(!stderr(&out).contains("MB/s"), "--quiet has no summary");
    assert_eq!(
        depeche()
            .args(["--jobs", "0"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}
