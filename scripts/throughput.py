#!/usr/bin/env python3
"""Throughput, scaling and memory of the batch mode on text.

Builds a JSON Lines file of the repository's corpus/text/*.txt articles
repeated to at least --mb megabytes (default 100) in a temporary folder
(never committed), then runs

    /usr/bin/time -v target/release/depeche --input jsonl --format jsonl --jobs N -o /dev/null FILE

for N = 1 and 2 (build with `cargo build --release` first; `--no-extract`
passes that flag, for the structure alone), and prints MB/s,
MB/s per core, the 1 → 2 scaling and the peak resident memory of each run.
Targets: 50 MB/s per core, scaling 1.8x, peak RSS 64 MB.

Each setting runs --repeat times (default 3), the settings taking turns
(1, 2, 1, 2, …) so that a slow spell of the machine falls on both; the
figures are those of each setting's fastest run (the one least disturbed by
other work: on a 2-core machine a single run's MB/s moved by ±8% and the
scaling between 1.7x and 2.1x), with every run's time listed, and the
peak RSS is the largest of its runs.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, path, jobs, extra):
    command = ["/usr/bin/time", "-v", binary, "--input", "jsonl", "--format", "jsonl",
               "--jobs", str(jobs), "--quiet", "-o", os.devnull, *extra, path]
    start = time.perf_counter()
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"depeche --jobs {jobs} failed ({done.returncode}):\n{done.stderr}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", done.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", done.stderr).group(1))
    return seconds, rss_kb / 1024, user + system


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100, help="size of the JSON Lines file")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "depeche"))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each setting (fastest kept)")
    parser.add_argument("--no-extract", action="store_true",
                        help="pass --no-extract (structure only, no actors or claims)")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} is missing: run `cargo build --release` first")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("/usr/bin/time is missing (apt-get install time)")
    texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(ROOT, "corpus", "text", "*.txt")))]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        size = 0
        records = 0
        with open(path, "w", encoding="utf-8") as out:
            while size < args.mb * 1e6:
                for text in texts:
                    line = json.dumps({"id": records, "text": text}, ensure_ascii=False) + "\n"
                    out.write(line)
                    size += len(line.encode("utf-8"))
                    records += 1
        mb = size / 1e6
        print(f"{records} records, {mb:.1f} MB of JSON Lines ({len(texts)} corpus articles repeated)")
        extra = ["--no-extract"] if args.no_extract else []
        runs = {1: [], 2: []}
        for _ in range(max(1, args.repeat)):
            for jobs in (1, 2):
                runs[jobs].append(run(args.binary, path, jobs, extra))
        best = {}
        for jobs in (1, 2):
            seconds = min(r[0] for r in runs[jobs])
            cpu = min(r[2] for r in runs[jobs])
            rss = max(r[1] for r in runs[jobs])
            best[jobs] = seconds
            times = ", ".join(f"{r[0]:.2f}" for r in runs[jobs])
            print(f"--jobs {jobs}: {seconds:6.2f} s, {mb / seconds:6.1f} MB/s, "
                  f"{mb / seconds / jobs:6.1f} MB/s per core, {mb / cpu:6.1f} MB per CPU-second, "
                  f"peak RSS {rss:.1f} MB (runs: {times} s)")
        print(f"scaling 1 -> 2 jobs: {best[1] / best[2]:.2f}x")

if __name__ == "__main__":
    main()
