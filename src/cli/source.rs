//! Inputs → a stream of windows of items: files and directories expanded,
//! JSON Lines read line by line, WARC files record by record, each window
//! bounded in count and bytes.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;

use depeche::batch::{self, JsonlLines, WarcRecords};

use super::Input;

/// At most this many documents in a window...
pub const WINDOW_ITEMS: usize = 512;
/// ...and this many bytes of input (at least one document).
pub const WINDOW_BYTES: usize = 2 * 1024 * 1024;

/// One input: a path (or `-`) and how to read it.
pub struct Source {
    pub path: String,
    pub input: Input,
}

/// Where an item is in its input.
#[derive(Clone, Copy)]
pub enum Locator {
    /// The whole file is the document.
    File,
    /// A line of a JSON Lines file.
    Line(u64),
    /// The n-th record (from 1) of a WARC file, skipped ones included.
    Record(u64),
}

/// One document to parse, or a failure to report in its place.
pub struct Item {
    pub source: Arc<str>,
    pub at: Locator,
    pub payload: Payload,
}

pub enum Payload {
    /// A whole file, read as `input` (never `Jsonl` or `Warc`).
    Document { bytes: Vec<u8>, input: Input },
    /// A JSON line, decoded by the worker that parses it.
    Line(Vec<u8>),
    /// A decoded record.
    Record(batch::Record),
    /// A document that could not be read.
    Failed {
        id: Option<String>,
        url: Option<String>,
        error: String,
        /// An input/output error (exit status 2) rather than a bad document.
        io: bool,
    },
}

impl Item {
    /// The document's bytes, for windows and the summary.
    pub fn weight(&self) -> usize {
        match &self.payload {
            Payload::Document { bytes, .. } | Payload::Line(bytes) => bytes.len(),
            Payload::Record(record) => record.len(),
            Payload::Failed { .. } => 0,
        }
    }
}

/// Counts the bytes read from a file, for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Expands directories into the files of the kind asked for, sorted for a
/// stable output order.
pub fn expand(inputs: &[String], input: Input) -> io::Result<Vec<Source>> {
    fn walk(dir: &Path, input: Input, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(std::fs::DirEntry::path);
        for e in entries {
            let path = e.path();
            if e.file_type()?.is_dir() {
                walk(&path, input, out)?;
            } else if let Some(found) = by_extension(&path) {
                let wanted = match input {
                    Input::Auto => true,
                    Input::Jsonl | Input::Warc => found == input,
                    _ => !matches!(found, Input::Jsonl | Input::Warc),
                };
                if wanted {
                    out.push(path);
                }
            }
        }
        Ok(())
    }
    let mut sources = Vec::new();
    for path in inputs {
        if path != "-" && Path::new(path).is_dir() {
            let mut found = Vec::new();
            walk(Path::new(path), input, &mut found)?;
            sources.extend(found.into_iter().map(|p| Source {
                path: p.display().to_string(),
                input,
            }));
        } else {
            sources.push(Source {
                path: path.clone(),
                input,
            });
        }
    }
    Ok(sources)
}

/// What a file is by its name.
pub fn by_extension(path: &Path) -> Option<Input> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" | "text" => Some(Input::Text),
        "md" | "markdown" => Some(Input::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Input::Html),
        "jsonl" | "ndjson" => Some(Input::Jsonl),
        "warc" => Some(Input::Warc),
        "gz" if name.ends_with(".warc.gz") => Some(Input::Warc),
        _ => None,
    }
}

/// What a document is by its first bytes: markup that opens an HTML
/// document or a common element is HTML, anything else text.
pub fn sniff(bytes: &[u8]) -> Input {
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

/// Whether a stream starts as a WARC file, plain or gzipped.
pub fn is_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/") || head.starts_with(&[0x1f, 0x8b])
}

/// Reads every source in order and sends windows of items; stops early
/// when the receiver is gone. `bytes_read` counts the bytes read from
/// files and standard input; `skipped` the WARC records holding no page.
pub struct Reader {
    pub sources: Vec<Source>,
    pub max_bytes: usize,
    pub bytes_read: Arc<AtomicU64>,
    pub skipped: Arc<AtomicU64>,
}

/// Collects items into windows and sends full ones.
struct Windows {
    tx: SyncSender<Vec<Item>>,
    window: Vec<Item>,
    bytes: usize,
}

impl Windows {
    /// Adds an item; false when the receiver is gone.
    fn push(&mut self, item: Item) -> bool {
        self.bytes += item.weight();
        self.window.push(item);
        if self.window.len() >= WINDOW_ITEMS || self.bytes >= WINDOW_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        self.bytes = 0;
        if self.window.is_empty() {
            return true;
        }
        let window = std::mem::replace(&mut self.window, Vec::with_capacity(WINDOW_ITEMS));
        self.tx.send(window).is_ok()
    }
}

impl Reader {
    pub fn run(self, tx: SyncSender<Vec<Item>>) {
        let mut windows = Windows {
            tx,
            window: Vec::with_capacity(WINDOW_ITEMS),
            bytes: 0,
        };
        for source in &self.sources {
            if !self.read_source(source, &mut windows) {
                return;
            }
        }
        windows.flush();
    }

    /// Reads one source into windows; false when the receiver is gone.
    fn read_source(&self, source: &Source, windows: &mut Windows) -> bool {
        let name: Arc<str> = Arc::from(source.path.as_str());
        let failed = |at, error: String| Item {
            source: name.clone(),
            at,
            payload: Payload::Failed {
                id: None,
                url: None,
                error,
                io: true,
            },
        };
        let reader: Box<dyn Read + Send> = if source.path == "-" {
            Box::new(io::stdin())
        } else {
            match File::open(&source.path) {
                Ok(file) => Box::new(file),
                Err(e) => return windows.push(failed(Locator::File, e.to_string())),
            }
        };
        let mut reader = BufReader::with_capacity(
            256 * 1024,
            Counting {
                inner: reader,
                count: self.bytes_read.clone(),
            },
        );
        let input = match source.input {
            Input::Auto => by_extension(Path::new(&source.path)).unwrap_or_else(|| {
                // Standard input or an unknown extension: WARC by its
                // first bytes (plain or gzipped), else one document.
                let head = io::BufRead::fill_buf(&mut reader).unwrap_or_default();
                if is_warc(head) {
                    Input::Warc
                } else {
                    Input::Auto
                }
            }),
            chosen => chosen,
        };
        match input {
            Input::Jsonl => {
                for line in JsonlLines::new(reader, self.max_bytes) {
                    let at = Locator::Line(line.number);
                    let item = match line.bytes {
                        Ok(bytes) => Item {
                            source: name.clone(),
                            at,
                            payload: Payload::Line(bytes),
                        },
                        Err(error) => {
                            let io = matches!(error, depeche::Error::Read { .. });
                            Item {
                                source: name.clone(),
                                at,
                                payload: Payload::Failed {
                                    id: None,
                                    url: None,
                                    error: error.to_string(),
                                    io,
                                },
                            }
                        }
                    };
                    if !windows.push(item) {
                        return false;
                    }
                }
                true
            }
            Input::Warc => {
                let mut records = WarcRecords::new(reader).max_bytes(self.max_bytes);
                let mut seen = 0u64;
                while let Some(record) = records.next() {
                    let skipped = records.skipped();
                    seen += 1;
                    let at = Locator::Record(seen + skipped);
                    let payload = match record {
                        Ok(record) => Payload::Record(record),
                        Err(e) => Payload::Failed {
                            io: matches!(e.error, depeche::Error::Read { .. }),
                            id: e.id,
                            url: e.url,
                            error: e.error.to_string(),
                        },
                    };
                    let item = Item {
                        source: name.clone(),
                        at,
                        payload,
                    };
                    if !windows.push(item) {
                        return false;
                    }
                }
                self.skipped.fetch_add(records.skipped(), Ordering::Relaxed);
                true
            }
            _ => {
                // One document: read up to one byte over the limit.
                let mut bytes = Vec::new();
                let limit = self.max_bytes as u64 + 1;
                if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
                    return windows.push(failed(Locator::File, e.to_string()));
                }
                if bytes.len() as u64 == limit {
                    let size = std::fs::metadata(&source.path)
                        .ok()
                        .and_then(|m| usize::try_from(m.len()).ok())
                        .filter(|&size| size >= bytes.len())
                        .unwrap_or(bytes.len());
                    let error = depeche::Error::TooLarge {
                        size,
                        limit: self.max_bytes,
                    };
                    let mut item = failed(Locator::File, error.to_string());
                    if let Payload::Failed { io, .. } = &mut item.payload {
                        *io = false;
                    }
                    return windows.push(item);
                }
                windows.push(Item {
                    source: name.clone(),
                    at: Locator::File,
                    payload: Payload::Document { bytes, input },
                })
            }
        }
    }
}
