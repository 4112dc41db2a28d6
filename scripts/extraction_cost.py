#!/usr/bin/env python3
"""The cost of extraction beside structuring's, in instructions.

Runs `target/release/examples/cost` (build it with `cargo build --release
--example cost`) under valgrind's callgrind with extraction off and on, for
2 and 12 passes over the shipped text corpus, and prints the instructions of
one pass: structuring (extraction off), extraction (on minus off) and their
ratio. Taking the difference of 12 and 2 passes cancels start-up (reading
the corpus, compiling the lexicons). Instruction counts do not move with the
machine's load, unlike the wall-clock figures of `cargo bench --bench parse
-- extraction`, which is the measure to quote beside them.
"""

import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "examples", "cost")


def instructions(mode, passes):
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", BINARY, mode, str(passes)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"cost {mode} {passes} failed:\n{done.stderr}")
    return int(re.search(r"refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))


def main():
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is missing (apt-get install valgrind)")
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"{BINARY} is missing: run `cargo build --release --example cost` first")
    per_pass = {}
    for mode in ("off", "on"):
        per_pass[mode] = (instructions(mode, 12) - instructions(mode, 2)) / 10
    structuring = per_pass["off"]
    extraction = per_pass["on"] - per_pass["off"]
    print(f"structuring {structuring / 1e6:.1f} M instructions a pass")
    print(f"extraction  {extraction / 1e6:.1f} M instructions a pass")
    print(f"extraction / structuring: {extraction / structuring:.2f}")


if __name__ == "__main__":
    main()
