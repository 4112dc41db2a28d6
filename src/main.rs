//! The `depeche` command-line tool: French news files in, structured
//! articles out (JSON, JSON Lines, Markdown or plain text).
//!
//! Argument parsing is here; the batch machinery (reading inputs as a
//! stream of records, parsing windows of them in parallel, writing in
//! order) is in `src/cli/`.

use std::process::ExitCode;

mod cli;

use cli::{Args, Format, Input};

const USAGE: &str = "\
depeche — turn raw French news (text or HTML) into a structured article

Usage: depeche [OPTIONS] [FILE|DIR|-]...

Reads each FILE (a DIR is searched recursively for .txt, .md, .html, .htm,
.jsonl, .ndjson, .warc and .warc.gz files; `-` or no argument reads
standard input) and prints one article per document.

Options:
  -f, --format FORMAT   json (default for one document), jsonl (default for
                        several), markdown, or text (one block per line)
  -i, --input TYPE      auto (default: by extension, then by content), text,
                        markdown, html, jsonl (one JSON object per line:
                        {\"id\", \"url\", \"text\" or \"html\"}) or warc (gzipped
                        or not: the HTML pages of its response records)
  -o, --output FILE     write to FILE instead of standard output
  -j, --jobs N          parse on N threads (default: the available cores)
  -q, --quiet           no summary or progress bar on standard error
      --no-extract      leave out actors and claims (json and jsonl):
                        the structure only, several times faster
      --id-field NAME   JSON Lines field of the record id (default: id)
      --url-field NAME  JSON Lines field of the page address (default: url)
      --text-field NAME JSON Lines field of a text document (default: text)
      --html-field NAME JSON Lines field of an HTML document (default: html)
      --max-bytes N     refuse documents (and JSON lines) over N bytes
                        (default: 67108864)
  -h, --help            print this help
  -V, --version         print the version

A document that cannot be read or parsed is reported as {\"source\", \"error\"}
(with its \"line\" or \"record\" number and \"id\" when known) in its place in
the JSON output, and on stderr; the others go on. A summary goes to stderr.
Exit status: 0 if all went well, 1 if any document failed, 2 for a usage
error or an input or output that could not be read or written.";

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args::default();
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
                    "jsonl" | "ndjson" => Input::Jsonl,
                    "warc" => Input::Warc,
                    _ => {
                        return Err(lexopt::Error::UnexpectedValue {
                            option: "--input".into(),
                            value: value.into(),
                        });
                    }
                };
            }
            Short('o') | Long("output") => args.output = Some(parser.value()?.string()?),
            Short('j') | Long("jobs") => {
                let jobs: usize = parser.value()?.parse()?;
                if jobs == 0 {
                    return Err("--jobs must be at least 1".into());
                }
                args.jobs = Some(jobs);
            }
            Short('q') | Long("quiet") => args.quiet = true,
            Long("no-extract") => args.extract = false,
            Long("id-field") => args.fields.id = parser.value()?.string()?,
            Long("url-field") => args.fields.url = parser.value()?.string()?,
            Long("text-field") => args.fields.text = parser.value()?.string()?,
            Long("html-field") => args.fields.html = parser.value()?.string()?,
            Long("max-bytes") => args.max_bytes = Some(parser.value()?.parse()?),
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

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("depeche: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    cli::run(args)
}
