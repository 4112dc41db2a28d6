//! The batch machinery of the command-line tool.
//!
//! Three stages, so that memory stays bounded whatever the size of the
//! input:
//!
//! ```text
//! reader thread ──windows──► rayon pool ──documents──► writer thread
//! (files, JSON lines,        (decode, parse, render     (puts them back in
//!  WARC records; ≤ 512        as tasks of ≤ 64 KiB,      input order, writes,
//!  documents or 2 MiB)        one page or a few short    progress, counts)
//!                             documents each)
//! ```
//!
//! A slow page holds up no other task (with a barrier per window, workers
//! idled at the end of each window until its slowest page was done).
//! Memory is bounded by a [`Budget`] of input bytes: a task takes its share
//! before it is spawned and gives it back once the writer has written it, so
//! that the documents parsed ahead of a slow one, waiting to be written in
//! order, stay within it too. Documents are parsed and rendered inside the
//! tasks (an HTML tree is not `Send`); the writer only copies bytes. Output
//! order is input order whatever the number of threads.

mod source;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use depeche::batch::{self, JsonlFields};
use depeche::{Article, Markdown, Options, Parser};

use source::{Item, Locator, Payload, Reader};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Markdown,
    Text,
}

/// How an input is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Input {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
    Warc,
}

pub struct Args {
    pub format: Option<Format>,
    pub input: Input,
    pub inputs: Vec<String>,
    pub output: Option<String>,
    pub jobs: Option<usize>,
    pub quiet: bool,
    /// Actors and claims in the JSON output.
    pub extract: bool,
    pub fields: JsonlFields,
    pub max_bytes: Option<usize>,
}

impl Default for Args {
    fn default() -> Args {
        Args {
            format: None,
            input: Input::Auto,
            inputs: Vec::new(),
            output: None,
            jobs: None,
            quiet: false,
            extract: true,
            fields: JsonlFields::default(),
            max_bytes: None,
        }
    }
}

/// How many failures are told on stderr one by one; the output has them
/// all.
const MAX_TOLD: u64 = 50;

/// What the workers share: parsers and settings.
struct Context {
    format: Format,
    input: Input,
    fields: JsonlFields,
    plain: Parser,
    markdown: Parser,
    text: Parser,
}

/// A document parsed and rendered.
struct Done {
    out: Vec<u8>,
    /// The message for stderr when it failed.
    failure: Option<String>,
    io_error: bool,
    bytes: usize,
}

#[derive(Default)]
struct Stats {
    documents: u64,
    failed: u64,
    io_errors: u64,
    bytes: u64,
}

pub fn run(args: Args) -> ExitCode {
    let sources = match source::expand(&args.inputs, args.input) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("depeche: {e}");
            return ExitCode::from(2);
        }
    };
    let single = sources.len() == 1
        && !matches!(args.input, Input::Jsonl | Input::Warc)
        && !matches!(
            source::by_extension(std::path::Path::new(&sources[0].path)),
            Some(Input::Jsonl | Input::Warc)
        );
    // Standard input holds one document unless it is a WARC stream (told
    // by its first bytes, which stay buffered for the reader).
    let single = single
        && !(sources[0].path == "-"
            && args.input == Input::Auto
            && io::BufRead::fill_buf(&mut io::stdin().lock()).is_ok_and(source::is_warc));
    let format = args
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("depeche: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(io::stdout()),
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("depeche: {e}");
            return ExitCode::from(2);
        }
    };
    // Markdown and text show no actors or claims: they are not extracted.
    let mut options =
        Options::default().extract(args.extract && matches!(format, Format::Json | Format::Jsonl));
    if let Some(max) = args.max_bytes {
        options = options.max_input_bytes(max);
    }
    let max_bytes = options.max_input_bytes;
    let ctx = Context {
        format,
        input: args.input,
        fields: args.fields.clone(),
        plain: Parser::new(options.clone()),
        // A .md file is Markdown whatever it looks like.
        markdown: Parser::new(options.clone().markdown(Markdown::Always)),
        text: Parser::new(options.markdown(Markdown::Never)),
    };

    // The total size is known when every input is a file.
    let total = sources
        .iter()
        .map(|s| (s.path != "-").then(|| std::fs::metadata(&s.path).ok().map(|m| m.len())))
        .try_fold(0u64, |sum, len| Some(sum + len??));
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(total));
    let bytes_read = Arc::new(AtomicU64::new(0));
    let skipped = Arc::new(AtomicU64::new(0));
    let reader = Reader {
        sources,
        max_bytes,
        bytes_read: bytes_read.clone(),
        skipped: skipped.clone(),
    };
    let start = Instant::now();
    let (window_tx, window_rx) = sync_channel::<Vec<Item>>(1);
    // Unbounded, but the budget bounds what is in it.
    let (done_tx, done_rx) = channel::<(u64, Vec<Done>, usize)>();
    let budget = Arc::new(Budget::new(IN_FLIGHT_BYTES));
    let reading = std::thread::spawn(move || reader.run(window_tx));
    let writer_progress = progress.clone();
    let writer_budget = budget.clone();
    let writing = std::thread::spawn(move || {
        let written = write_all(done_rx, out, writer_progress, &bytes_read, &writer_budget);
        // Whatever happened, nothing more will be written: no document
        // waits for room any longer.
        writer_budget.close();
        written
    });
    let ctx = Arc::new(ctx);
    let mut seq = 0u64;
    let mut chunk = Chunk::default();
    // Spawns the chunk as a task once the budget has room for it; false
    // when the writer stopped (a broken pipe), and reading should stop too.
    let mut dispatch = |chunk: Chunk| {
        if chunk.items.is_empty() {
            return true;
        }
        if !budget.take(chunk.cost) {
            return false;
        }
        let (ctx, done_tx) = (ctx.clone(), done_tx.clone());
        let at = seq;
        pool.spawn_fifo(move || {
            let done = chunk
                .items
                .into_iter()
                .map(|item| process_caught(item, &ctx))
                .collect();
            // The writer only hangs up when it failed: the documents have
            // nowhere to go then.
            let _ = done_tx.send((at, done, chunk.cost));
        });
        seq += 1;
        true
    };
    'read: for window in window_rx {
        for item in window {
            chunk.cost += cost(&item);
            chunk.items.push(item);
            if (chunk.cost >= TASK_BYTES || chunk.items.len() >= TASK_ITEMS)
                && !dispatch(std::mem::take(&mut chunk))
            {
                break 'read;
            }
        }
        // What the reader has sent so far is not held back waiting for
        // more (standard input may be slow to come).
        if !dispatch(std::mem::take(&mut chunk)) {
            break;
        }
    }
    // The writer stops once every task has sent its document and dropped
    // its copy of the sender.
    drop(done_tx);
    let written = writing.join().expect("the writer thread does not panic");
    reading.join().expect("the reader thread does not panic");
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let stats = match written {
        Ok(stats) => stats,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("depeche: writing the output failed: {e}");
            return ExitCode::from(2);
        }
    };
    let elapsed = start.elapsed();
    if stats.failed > 0 {
        eprintln!(
            "depeche: {} of {} documents failed",
            stats.failed, stats.documents
        );
    }
    if !args.quiet {
        eprintln!(
            "{}",
            summary(&stats, elapsed, skipped.load(Ordering::Relaxed))
        );
    }
    if stats.io_errors > 0 {
        ExitCode::from(2)
    } else if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn summary(stats: &Stats, elapsed: Duration, skipped: u64) -> String {
    let mb = stats.bytes as f64 / 1e6;
    let seconds = elapsed.as_secs_f64();
    let plural = |n: u64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "depeche: {}, {}, {mb:.1} MB in {seconds:.2} s ({:.1} MB/s, {:.0} documents/s)",
        plural(stats.documents, "document"),
        plural(stats.failed, "error"),
        mb / seconds.max(1e-9),
        stats.documents as f64 / seconds.max(1e-9),
    );
    if skipped > 0 {
        line.push_str(&format!("; {skipped} WARC records skipped (no HTML page)"));
    }
    line
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
            "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {bytes} {binary_bytes_per_sec} {msg}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Writes the documents in input order and counts them.
fn write_all(
    rx: Receiver<(u64, Vec<Done>, usize)>,
    out: Box<dyn Write + Send>,
    progress: Option<indicatif::ProgressBar>,
    bytes_read: &AtomicU64,
    budget: &Budget,
) -> io::Result<Stats> {
    let mut out = BufWriter::with_capacity(256 * 1024, out);
    let mut stats = Stats::default();
    // Chunks done before one that comes earlier in the input.
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    for (seq, chunk, cost) in rx {
        waiting.insert(seq, (chunk, cost));
        while let Some((chunk, cost)) = waiting.remove(&next) {
            next += 1;
            for done in chunk {
                out.write_all(&done.out)?;
                stats.documents += 1;
                stats.bytes += done.bytes as u64;
                if let Some(message) = done.failure {
                    stats.failed += 1;
                    stats.io_errors += u64::from(done.io_error);
                    let tell = |text: &str| match &progress {
                        Some(bar) => bar.suspend(|| eprintln!("{text}")),
                        None => eprintln!("{text}"),
                    };
                    if stats.failed <= MAX_TOLD {
                        tell(&format!("depeche: {message}"));
                    } else if stats.failed == MAX_TOLD + 1 {
                        tell("depeche: further failures are reported in the output only");
                    }
                }
            }
            budget.give_back(cost);
        }
        if let Some(bar) = &progress {
            bar.set_position(bytes_read.load(Ordering::Relaxed));
            bar.set_message(format!("{} documents", stats.documents));
        }
    }
    out.flush()?;
    Ok(stats)
}

/// The output line of a document: its provenance, then the article or the
/// error.
#[derive(serde::Serialize)]
struct Output<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(flatten)]
    article: Option<&'a Article>,
}

/// Input bytes that documents may hold between the reader and the writer,
/// twice the reader's window: enough to keep every worker busy, and with
/// the reader's own two windows, about what the batch holds at most.
const IN_FLIGHT_BYTES: usize = 2 * source::WINDOW_BYTES;

/// A task parses consecutive documents up to this many bytes...
const TASK_BYTES: usize = 64 * 1024;
/// ...or this many documents: enough that spawning, sending and waking
/// cost nothing beside the parsing of small documents, few enough that
/// the tasks spread evenly over the threads.
const TASK_ITEMS: usize = 32;

/// Consecutive documents parsed by one task, and their share of the
/// [`Budget`].
#[derive(Default)]
struct Chunk {
    items: Vec<Item>,
    cost: usize,
}

/// What a document takes of the [`Budget`]: its bytes, and a floor for
/// what any document holds (its output, its place in the queues), which
/// bounds the number of small documents in flight.
fn cost(item: &Item) -> usize {
    item.weight() + 1024
}

/// The input bytes in flight, bounded: a counting semaphore (the standard
/// library has none).
struct Budget {
    state: Mutex<BudgetState>,
    room: Condvar,
    limit: usize,
}

struct BudgetState {
    used: usize,
    /// The writer is gone: nothing will be given back.
    closed: bool,
}

impl Budget {
    fn new(limit: usize) -> Budget {
        Budget {
            state: Mutex::new(BudgetState {
                used: 0,
                closed: false,
            }),
            room: Condvar::new(),
            limit,
        }
    }

    /// Takes `cost`, waiting until there is room for it, or until nothing
    /// else is in flight (a document larger than the whole budget goes
    /// alone). False when the writer is gone.
    fn take(&self, cost: usize) -> bool {
        // No lock is held across a panic: poisoning cannot happen.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.closed && state.used > 0 && state.used + cost > self.limit {
            state = self
                .room
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.used += cost;
        !state.closed
    }

    fn give_back(&self, cost: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.used -= cost;
        // Waking the reading thread for every chunk written would have it
        // spawn one task at a time: it is woken once half the budget is
        // free, and then spawns many.
        if state.used <= self.limit / 2 {
            self.room.notify_one();
        }
    }

    fn close(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .closed = true;
        self.room.notify_all();
    }
}

/// [`process`], with a panic turned into the document's error: a bug met
/// by one page must not lose the others, nor the page itself.
fn process_caught(item: Item, ctx: &Context) -> Done {
    let (source, at) = (item.source.clone(), item.at);
    // A decoded record's provenance, to say which record failed. A JSON
    // line's is in the line, which its line number points to.
    let (id, url) = match &item.payload {
        Payload::Record(record) => (record.id.clone(), record.url.clone()),
        _ => (None, None),
    };
    let bytes = item.weight();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(item, ctx)));
    caught.unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        let failed = Item {
            source,
            at,
            payload: Payload::Failed {
                id,
                url,
                error: format!("internal error, a bug in depeche ({why})"),
                io: false,
            },
        };
        Done {
            bytes,
            ..process(failed, ctx)
        }
    })
}

/// Decodes, parses and renders one item (in a worker thread).
fn process(item: Item, ctx: &Context) -> Done {
    let bytes = item.weight();
    let (line, record) = match item.at {
        Locator::File => (None, None),
        Locator::Line(n) => (Some(n), None),
        Locator::Record(n) => (None, Some(n)),
    };
    let decoded;
    let mut out = Output {
        source: &item.source,
        line,
        record,
        id: None,
        url: None,
        warc_record_id: None,
        error: None,
        article: None,
    };
    let (result, io_error) = match &item.payload {
        Payload::Document { bytes, input } => (parse_document(bytes, *input, ctx), false),
        Payload::Line(bytes) => {
            decoded = batch::parse_jsonl_line(bytes, &ctx.fields);
            match &decoded {
                Ok(record) => (parse_record(record, ctx, &mut out), false),
                Err(e) => {
                    out.id = e.id.as_deref();
                    out.url = e.url.as_deref();
                    (Err(e.error.to_string()), false)
                }
            }
        }
        Payload::Record(record) => (parse_record(record, ctx, &mut out), false),
        Payload::Failed { id, url, error, io } => {
            out.id = id.as_deref();
            out.url = url.as_deref();
            (Err(error.clone()), *io)
        }
    };
    let mut rendered = Vec::new();
    let failure = match &result {
        Ok(article) => {
            out.article = Some(article);
            render(&mut rendered, ctx.format, &out, article);
            None
        }
        Err(error) => {
            out.error = Some(error);
            if matches!(ctx.format, Format::Json | Format::Jsonl) {
                write_json(&mut rendered, ctx.format, &out);
            }
            let mut place = item.source.to_string();
            match item.at {
                Locator::File => {}
                Locator::Line(n) => place.push_str(&format!(":{n}")),
                Locator::Record(n) => place.push_str(&format!(": record {n}")),
            }
            if let Some(id) = out.id {
                place.push_str(&format!(" (id {id})"));
            }
            Some(format!("{place}: {error}"))
        }
    };
    Done {
        out: rendered,
        failure,
        io_error,
        bytes,
    }
}

fn parse_document(bytes: &[u8], input: Input, ctx: &Context) -> Result<Article, String> {
    let input = match input {
        Input::Auto => source::sniff(bytes),
        chosen => chosen,
    };
    let parsed = match input {
        Input::Html => ctx.plain.parse_html_bytes(bytes),
        Input::Markdown => ctx.markdown.parse_text_bytes(bytes),
        // Text asked for explicitly is never read as Markdown; found by
        // extension or content, it may still be Markdown-flavoured.
        Input::Text if ctx.input == Input::Text => ctx.text.parse_text_bytes(bytes),
        _ => ctx.plain.parse_text_bytes(bytes),
    };
    parsed.map_err(|e| e.to_string())
}

fn parse_record<'a>(
    record: &'a batch::Record,
    ctx: &Context,
    out: &mut Output<'a>,
) -> Result<Article, String> {
    out.id = record.id.as_deref();
    out.url = record.url.as_deref();
    out.warc_record_id = record.warc_record_id.as_deref();
    record.parse(&ctx.plain).map_err(|e| e.to_string())
}

fn render(rendered: &mut Vec<u8>, format: Format, out: &Output<'_>, article: &Article) {
    match format {
        Format::Json | Format::Jsonl => write_json(rendered, format, out),
        Format::Markdown => {
            rendered.extend_from_slice(article.to_markdown().as_bytes());
            rendered.push(b'\n');
        }
        Format::Text => rendered.extend_from_slice(article.to_text().as_bytes()),
    }
}

/// One JSON value: pretty for `json`, on one line for `jsonl`.
fn write_json(rendered: &mut Vec<u8>, format: Format, value: &impl serde::Serialize) {
    let written = if format == Format::Json {
        serde_json::to_writer_pretty(&mut *rendered, value)
    } else {
        serde_json::to_writer(&mut *rendered, value)
    };
    // Serialising the output model into memory cannot fail.
    written.expect("the output model serialises");
    rendered.push(b'\n');
}
