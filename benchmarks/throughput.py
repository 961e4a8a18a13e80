"""Extraction throughput of newsgraph against raw spaCy `nlp.pipe`, same model, same texts, one run.

    python benchmarks/throughput.py [--articles 500] [--store] [--corpus polnear|voa] [--no-workers]

Prints articles per second for the baseline (nlp.pipe alone) and for newsgraph's full extraction
(parse + actors, quotes, events, dates, ties, claims) in one process, and their ratio (and the ratio of
the CPU times, steadier where other processes share the cores). Then the real
command `newsgraph extract --json` on the same texts (JSON Lines) with `--workers 1` and `--workers 2`,
model loads included, and the speed-up of two workers over one (and whether both printed the same
bytes); --no-workers skips it. With --store it also loads the records into a fresh SQLite database
through the store's bulk path and prints the load rate (records per second), its ratio to plain sqlite3
executemany of the same rows (store_load.py) and the database size per 1,000 articles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CORPORA, iter_articles, news_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--store", action="store_true", help="also measure the store load rate and size")
    parser.add_argument("--corpus", choices=CORPORA, default="polnear",
                        help="PolNeAR train texts (read from ../shared) or the demo's VOA stories (examples/voa)")
    parser.add_argument("--no-workers", action="store_true", help="skip `extract --workers 1` against `--workers 2`")
    args = parser.parse_args()

    from newsgraph.pipeline import Extractor

    extractor = Extractor()
    texts = [text for _, text in news_texts(args.articles, args.corpus)]
    words = sum(len(t.split()) for t in texts)
    list(extractor.nlp.pipe(texts[:20]))  # warm up both paths alike

    started, cpu = time.perf_counter(), time.process_time()
    for _ in extractor.nlp.pipe(texts, batch_size=args.batch_size):
        pass
    baseline, baseline_cpu = time.perf_counter() - started, time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    records = list(extractor.extract_many(iter_articles(args.articles, args.corpus), batch_size=args.batch_size))
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu

    source = "PolNeAR train texts" if args.corpus == "polnear" else "the demo's VOA stories"
    print(f"{args.articles} articles, {words} words ({source}), model {extractor.model_name}")
    print(f"raw spaCy nlp.pipe      {args.articles / baseline:8.1f} articles/s  ({baseline:.1f} s)")
    print(f"newsgraph extraction    {args.articles / full:8.1f} articles/s  ({full:.1f} s)")
    print(f"ratio (newsgraph / raw) {baseline / full:8.2f}")
    # this process's CPU time (user and system): on cores other processes share, wall-clock times of a
    # minute swing with their load, CPU times much less
    print(f"ratio of CPU times      {baseline_cpu / full_cpu:8.2f}")

    if not args.no_workers:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "news.jsonl"
            source.write_text("".join(json.dumps({"id": ident, "text": text, "published": "2016-10-01"}) + "\n"
                                      for ident, text in news_texts(args.articles, args.corpus)), encoding="utf-8")
            one, one_output = timed_extract(source, 1, args.batch_size)
            two, two_output = timed_extract(source, 2, args.batch_size)
        same = "same output" if one_output == two_output else "OUTPUTS DIFFER"
        print(f"extract --workers 1     {args.articles / one:8.1f} articles/s  ({one:.1f} s, model load included)")
        print(f"extract --workers 2     {args.articles / two:8.1f} articles/s  ({two:.1f} s, two model loads)")
        print(f"speed-up (2 over 1)     {one / two:8.2f}x ({same})")

    if args.store:
        from store_load import BATCH, executemany_load, store_load

        with tempfile.TemporaryDirectory() as folder:
            load, size = store_load(records, Path(folder))
            plain = executemany_load(Path(folder), -(-len(records) // BATCH))
        print(f"store load rate         {len(records) / load.seconds:8.1f} records/s  ({load.seconds:.1f} s)")
        print(f"plain sqlite3           {len(records) / plain.seconds:8.1f} records/s  "
              f"({plain.seconds:.1f} s, same rows)")
        print(f"ratio (store / plain)   {plain.seconds / load.seconds:8.2f} (CPU times: {plain.cpu / load.cpu:.2f})")
        print(f"database size           {size / len(records) * 1000 / 2**20:8.1f} MB per 1,000 articles")


def timed_extract(source: Path, workers: int, batch_size: int) -> tuple[float, str]:
    """Seconds the real `newsgraph extract --json` takes on the file with this many workers, and a digest
    of what it printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "extract", str(source), "--json",
                           "--workers", str(workers), "--batch-size", str(batch_size)], check=True, capture_output=True)
    return time.perf_counter() - started, hashlib.sha256(done.stdout).hexdigest()


if __name__ == "__main__":
    main()
