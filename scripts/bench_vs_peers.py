#!/usr/bin/env python3
"""Throughput of depeche's batch mode against trafilatura and resiliparse on
the same HTML pages, in one run.

The pages are trafilatura's French evaluation set in
../shared/eval/trafilatura-fr/ (third-party pages, not shipped with the
repository: the script says so and stops cleanly when they are absent).
They are repeated to at least --docs documents and written to a temporary
JSON Lines file; depeche parses it as ONE batch process
(`target/release/depeche --input jsonl --format jsonl -o /dev/null`, build
it first with `cargo build --release`), and once more with `--format text`
(main text only, no actor and claim extraction: the peers' task); trafilatura
(`trafilatura.extract(html)`) and resiliparse
(`extract_plain_text(HTMLTree.parse(html), main_content=True)`) run
in-process on the same strings, each only if it can be imported
(`pip install trafilatura lxml_html_clean resiliparse`). The pages are
decoded to text before timing the peers, so they are not charged for it;
depeche's time includes starting the process, reading and writing.

Prints documents per second for each tool and depeche's ratio to each.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "..", "shared", "eval", "trafilatura-fr")


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace")


def timed(function, pages):
    start = time.perf_counter()
    for page in pages:
        function(page)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # 2000 rather than the 500 the issue asks at least: at 500, depeche's
    # run lasts well under a second and its docs/s moved by ±15% from run
    # to run on a 2-core machine.
    parser.add_argument("--docs", type=int, default=2000, help="at least this many documents")
    parser.add_argument("--pages", default=PAGES, help="folder of .html pages")
    parser.add_argument("--jobs", type=int, default=None, help="depeche --jobs (default: all cores)")
    parser.add_argument(
        "--binary", default=os.path.join(ROOT, "target", "release", "depeche")
    )
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(args.pages, "*.html")))
    if not files:
        print(f"skipped: no .html pages in {args.pages} (the evaluation set is not shipped)")
        return 0
    if not os.access(args.binary, os.X_OK):
        print(f"skipped: {args.binary} is missing; run `cargo build --release` first")
        return 0
    raw = [open(f, "rb").read() for f in files]
    pages = [decode(r) for r in raw]
    repeat = -(-args.docs // len(pages))
    pages = (pages * repeat)[: max(args.docs, len(pages))]
    total_mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    print(f"{len(pages)} documents ({len(files)} distinct pages repeated), {total_mb:.1f} MB of HTML")

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "pages.jsonl")
        with open(jsonl, "w", encoding="utf-8") as out:
            for i, page in enumerate(pages):
                out.write(json.dumps({"id": i, "html": page}, ensure_ascii=False) + "\n")
        # The full article (JSON, with actors and claims), and the main text
        # only (--format text, no extraction), which is what the peers give.
        for tool, output in (("depeche", "jsonl"), ("depeche-text", "text")):
            command = [args.binary, "--input", "jsonl", "--format", output, "--quiet",
                       "-o", os.devnull]
            if args.jobs:
                command += ["--jobs", str(args.jobs)]
            command.append(jsonl)
            start = time.perf_counter()
            done = subprocess.run(command, stderr=subprocess.PIPE, text=True)
            seconds = time.perf_counter() - start
            if done.returncode not in (0, 1):
                print(f"depeche failed ({done.returncode}): {done.stderr}", file=sys.stderr)
                return 1
            if done.stderr.strip():
                print(f"depeche said: {done.stderr.strip()[:300]}")
            results[tool] = seconds

    try:
        import trafilatura

        results["trafilatura"] = timed(trafilatura.extract, pages)
    except ImportError:
        print("trafilatura not importable: skipped (pip install trafilatura lxml_html_clean)")
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        results["resiliparse"] = timed(
            lambda page: extract_plain_text(HTMLTree.parse(page), main_content=True), pages
        )
    except ImportError:
        print("resiliparse not importable: skipped (pip install resiliparse)")

    jobs = args.jobs or os.cpu_count()
    print(f"{'tool':<13}{'seconds':>9}{'docs/s':>10}  notes")
    notes = {
        "depeche": f"one process, --jobs {jobs}, --format jsonl (article, actors, claims)",
        "depeche-text": f"one process, --jobs {jobs}, --format text (main text only)",
    }
    for tool, seconds in results.items():
        note = notes.get(tool, "in-process, one thread")
        print(f"{tool:<13}{seconds:>9.2f}{len(pages) / seconds:>10.0f}  {note}")
    for ours in ("depeche", "depeche-text"):
        for peer in ("trafilatura", "resiliparse"):
            if peer in results:
                print(f"{ours} / {peer}: {results[peer] / results[ours]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
