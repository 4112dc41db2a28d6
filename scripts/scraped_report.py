#!/usr/bin/env python3
"""Report on ../shared/eval/scraped-fr: no panic, promo-label lines left in
bodies, and every line classified as a heading (for a reader to check).

Usage: python3 scripts/scraped_report.py [--headings]
Needs a release build (cargo build --release). Skips cleanly when the shared
folder is absent (it is third-party data that users do not have).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval" / "scraped-fr" / "articles"
BIN = ROOT / "target" / "release" / "depeche"

# Independent of depeche's own lexicon: the promotion formulas as a plain
# regex, applied to every body block.
PROMO = re.compile(
    r"^\W*(?:[àa]\s+)?(?:lire|voir|d[ée]couvr\w*|consulter)\s+(?:aussi|[ée]galement)"
    r"|^\W*sur le m[êe]me sujet|^\W*[àa] lire\s*[:|>»\-–]|^\W*a lire[A-Z]|^\W*lire la suite"
    r"|^\W*ces articles pourraient|^\W*contenus? sponsoris",
    re.IGNORECASE,
)


def main() -> int:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    if not BIN.exists():
        print("build first: cargo build --release", file=sys.stderr)
        return 2
    show_headings = "--headings" in sys.argv
    files = sorted(SHARED.iterdir())
    panics, errors, leftovers, headings = [], [], [], []
    promos = 0
    for f in files:
        proc = subprocess.run([str(BIN), "--format", "json", str(f)], capture_output=True, text=True)
        if proc.returncode not in (0, 1) or "panicked" in proc.stderr:
            panics.append((f.name, proc.stderr.strip()[:300]))
            continue
        doc = json.loads(proc.stdout)
        if "error" in doc:
            errors.append((f.name, doc["error"]))
            continue
        promos += len(doc["cross_promos"])
        body = []
        for s in doc["sections"]:
            if s["heading"]:
                body.append(s["heading"])
                headings.append((f.name, s["heading"]))
            body += [p["text"] for p in s["paragraphs"]] + [i["text"] for i in s["items"]]
        body += [t["text"] for t in doc["takeaways"]]
        for text in body:
            if PROMO.search(text):
                leftovers.append((f.name, text[:120]))
    print(f"files: {len(files)}  panics: {len(panics)}  errors: {len(errors)}  "
          f"cross_promos found: {promos}  promo-label lines left in bodies: {len(leftovers)}  "
          f"headings: {len(headings)}")
    for name, msg in panics:
        print(f"PANIC {name}: {msg}")
    for name, msg in errors:
        print(f"error {name}: {msg}")
    for name, text in leftovers:
        print(f"left in body {name}: {text}")
    if show_headings:
        for name, text in headings:
            print(f"heading {name}: {text}")
    return 1 if panics else 0


if __name__ == "__main__":
    sys.exit(main())
