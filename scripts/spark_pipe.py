#!/usr/bin/env python3
"""depeche as a Spark stage: a JSON Lines dataset split into partitions, each
piped through `depeche --input jsonl --format jsonl` with RDD.pipe, and every
input id checked to come back exactly once (as an article or as an error
object).

Runs pyspark in local mode (`pip install pyspark`, Java 17); on a cluster
the same `rdd.pipe([...])` call runs one depeche process per partition on
the executors (ship the binary with `--files` or install it on the nodes).
Not part of CI.

    python3 scripts/spark_pipe.py [--input FILE.jsonl] [--partitions 8]

Without --input, a dataset is made of the repository's corpus/text/*.txt
articles (repeated to --records records, with a few broken records mixed
in to show that failures come back as error objects).
"""

import argparse
import collections
import glob
import json
import os
import shlex
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_dataset(path, records):
    texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(ROOT, "corpus", "text", "*.txt")))]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(records):
            if i % 1000 == 999:
                out.write(json.dumps({"id": f"r{i}", "body": "pas de champ text"}) + "\n")
            else:
                out.write(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", help="a JSON Lines file with an id field")
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "depeche"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} is missing: run `cargo build --release` first")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        sys.exit("pyspark is not importable: pip install pyspark (and Java 17)")

    tmp = tempfile.mkdtemp()
    dataset = args.input or os.path.join(tmp, "dataset.jsonl")
    if not args.input:
        make_dataset(dataset, args.records)

    spark = (SparkSession.builder.master("local[*]").appName("depeche-pipe")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(dataset, minPartitions=args.partitions)
    lines = lines.repartition(args.partitions)
    # One depeche process per partition: records in on stdin, one output
    # line per record out. --quiet: no summary on stderr; a failed record
    # makes depeche exit 1, which Spark would take for a failed task, so the
    # status is folded into the output stream by a shell wrapper.
    script = (f"{shlex.quote(args.binary)} --input jsonl --format jsonl --quiet --jobs 1; "
              "status=$?; [ $status -le 1 ] || exit $status")
    out = lines.pipe(f"sh -c {shlex.quote(script)}", checkCode=True)
    ids_in = lines.map(lambda l: json.loads(l).get("id")).collect()

    def summarise(line):
        record = json.loads(line)
        return (record.get("id"), "error" in record)

    results = out.map(summarise).collect()
    partitions = lines.getNumPartitions()
    spark.stop()

    counts = collections.Counter(i for i, _ in results)
    wanted = collections.Counter(ids_in)
    missing = [i for i in wanted if counts[i] < wanted[i]]
    duplicated = [i for i in counts if counts[i] > wanted.get(i, 0)]
    errors = sum(1 for _, failed in results if failed)
    print(f"partitions: {partitions}")
    print(f"records in: {len(ids_in)}")
    print(f"records out: {len(results)} ({len(results) - errors} articles, {errors} error objects)")
    print(f"ids missing: {len(missing)} {missing[:5]}")
    print(f"ids duplicated: {len(duplicated)} {duplicated[:5]}")
    ok = not missing and not duplicated and len(results) == len(ids_in)
    print("every id came back exactly once" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
