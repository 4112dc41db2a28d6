//! The `depeche` command-line tool: French news files in, structured
//! articles out (JSON, JSON Lines, Markdown or plain text).

use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use depeche::{Article, Markdown, Options, Parser};

const USAGE: &str = "\
depeche — turn raw French news (text or HTML) into a structured article

Usage: depeche [OPTIONS] [FILE|DIR|-]...

Reads each FILE (a DIR is searched recursively for .txt, .md, .html and
.htm files; `-` or no argument reads standard input) and prints one article
per document.

Options:
  -f, --format FORMAT   json (default for one document), jsonl (default for
                        several), markdown, or text (one block per line)
  -i, --input TYPE      auto (default: by extension, then by content), text,
                        markdown or html
  -h, --help            print this help
  -V, --version         print the version

A document that cannot be parsed is reported as {\"source\", \"error\"} in the
output (and on stderr); the others go on. The exit status is 1 if any failed.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Markdown,
    Text,
}

/// How a document is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Auto,
    Text,
    Markdown,
    Html,
}

struct Args {
    format: Option<Format>,
    input: Input,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        format: None,
        input: Input::Auto,
        inputs: Vec::new(),
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('f') | Long("format") => {
                let value = parser.value()?.string()?;
                args.format = Some(match value.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "markdown" | "md" => Format::Markdown,
                    "text" | "txt" => Format::Text,
                    _ => {
                        return Err(lexopt::Error::UnexpectedValue {
                            option: "--format".into(),
                            value: value.into(),
                        });
                    }
                });
            }
            Short('i') | Long("input") => {
                let value = parser.value()?.string()?;
                args.input = match value.as_str() {
                    "auto" => Input::Auto,
                    "text" | "txt" => Input::Text,
                    "markdown" | "md" => Input::Markdown,
                    "html" | "htm" => Input::Html,
                    _ => {
                        return Err(lexopt::Error::UnexpectedValue {
                            option: "--input".into(),
                            value: value.into(),
                        });
                    }
                };
            }
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("depeche {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Value(v) => args.inputs.push(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.inputs.is_empty() {
        args.inputs.push("-".into());
    }
    Ok(Some(args))
}

/// Expands directories into their text, Markdown and HTML files, sorted for
/// a stable output order.
fn expand(inputs: &[String]) -> io::Result<Vec<String>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(std::fs::DirEntry::path);
        for e in entries {
            let path = e.path();
            if e.file_type()?.is_dir() {
                walk(&path, out)?;
            } else if by_extension(&path).is_some() {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            files.extend(found.into_iter().map(|p| p.display().to_string()));
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// What a file is by its name.
fn by_extension(path: &Path) -> Option<Input> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Input::Text),
        "md" | "markdown" => Some(Input::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Input::Html),
        _ => None,
    }
}

/// What a document is by its first bytes: markup that opens an HTML
/// document or a common element is HTML, anything else text.
fn sniff(bytes: &[u8]) -> Input {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    let opens = |tag: &[u8]| head.windows(tag.len()).any(|w| w == tag);
    if head.starts_with(b"<")
        && [
            &b"<!doctype html"[..],
            b"<html",
            b"<head",
            b"<body",
            b"<div",
            b"<p>",
            b"<meta",
        ]
        .iter()
        .any(|t| opens(t))
    {
        Input::Html
    } else {
        Input::Text
    }
}

fn read(source: &str) -> io::Result<Vec<u8>> {
    if source == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(source)
    }
}

#[derive(serde::Serialize)]
struct Record<'a> {
    source: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

#[derive(serde::Serialize)]
struct Failure<'a> {
    source: &'a str,
    error: String,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("depeche: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = match expand(&args.inputs) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("depeche: {e}");
            return ExitCode::from(2);
        }
    };
    let format = args.format.unwrap_or(if files.len() == 1 {
        Format::Json
    } else {
        Format::Jsonl
    });
    // Actors and claims appear in the JSON formats only: the text and
    // Markdown renderings do not pay for their extraction.
    let base = Options::default().extract(matches!(format, Format::Json | Format::Jsonl));
    let plain = Parser::new(base.clone());
    // A .md file is Markdown whatever it looks like.
    let markdown = Parser::new(base.clone().markdown(Markdown::Always));
    let text = Parser::new(base.markdown(Markdown::Never));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for source in &files {
        let result = read(source).map_err(|e| e.to_string()).and_then(|bytes| {
            let input = match args.input {
                Input::Auto => by_extension(Path::new(source)).unwrap_or_else(|| sniff(&bytes)),
                chosen => chosen,
            };
            let parsed = match input {
                Input::Html => plain.parse_html_bytes(&bytes),
                Input::Markdown => markdown.parse_text_bytes(&bytes),
                // Auto-detected text may still be Markdown-flavoured.
                Input::Auto => plain.parse_text_bytes(&bytes),
                Input::Text if args.input == Input::Text => text.parse_text_bytes(&bytes),
                Input::Text => plain.parse_text_bytes(&bytes),
            };
            parsed.map_err(|e| e.to_string())
        });
        let written = match result {
            Ok(article) => write_article(&mut out, format, source, &article),
            Err(error) => {
                failed += 1;
                eprintln!("depeche: {source}: {error}");
                write_failure(&mut out, format, source, error)
            }
        };
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("depeche: {e}");
            return ExitCode::from(2);
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("depeche: {e}");
            return ExitCode::from(2);
        }
    }
    if failed > 0 {
        eprintln!("depeche: {failed} of {} documents failed", files.len());
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_article(
    out: &mut impl Write,
    format: Format,
    source: &str,
    article: &Article,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => write_json(out, format, &Record { source, article }),
        Format::Markdown => writeln!(out, "{}", article.to_markdown()),
        Format::Text => write!(out, "{}", article.to_text()),
    }
}

/// A failed document is an object of its own in the JSON formats (stderr
/// says it in all formats).
fn write_failure(
    out: &mut impl Write,
    format: Format,
    source: &str,
    error: String,
) -> io::Result<()> {
    match format {
        Format::Json | Format::Jsonl => write_json(out, format, &Failure { source, error }),
        Format::Markdown | Format::Text => Ok(()),
    }
}

/// One JSON value: pretty for `json`, on one line for `jsonl`.
fn write_json(
    out: &mut impl Write,
    format: Format,
    value: &impl serde::Serialize,
) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}
