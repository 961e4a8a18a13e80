"""Extraction throughput of newsgraph against raw spaCy `nlp.pipe`, same model, same texts, one run.

    python benchmarks/throughput.py [--articles 500] [--store] [--corpus polnear|voa]

Prints articles per second for the baseline (nlp.pipe alone) and for newsgraph's full extraction
(parse + actors, quotes, events, dates, ties, claims), and their ratio. With --store it also loads
the records into a fresh SQLite database through the store's bulk path and prints the load rate
(records per second), its ratio to plain sqlite3 executemany of the same rows (store_load.py) and the
database size per 1,000 articles.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()

    from newsgraph.pipeline import Extractor

    extractor = Extractor()
    texts = [text for _, text in news_texts(args.articles, args.corpus)]
    words = sum(len(t.split()) for t in texts)
    list(extractor.nlp.pipe(texts[:20]))  # warm up both paths alike

    started = time.perf_counter()
    for _ in extractor.nlp.pipe(texts, batch_size=args.batch_size):
        pass
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    records = list(extractor.extract_many(iter_articles(args.articles, args.corpus), batch_size=args.batch_size))
    full = time.perf_counter() - started

    source = "PolNeAR train texts" if args.corpus == "polnear" else "the demo's VOA stories"
    print(f"{args.articles} articles, {words} words ({source}), model {extractor.model_name}")
    print(f"raw spaCy nlp.pipe      {args.articles / baseline:8.1f} articles/s  ({baseline:.1f} s)")
    print(f"newsgraph extraction    {args.articles / full:8.1f} articles/s  ({full:.1f} s)")
    print(f"ratio (newsgraph / raw) {baseline / full:8.2f}")

    if args.store:
        from store_load import BATCH, executemany_load, store_load

        with tempfile.TemporaryDirectory() as folder:
            load, size = store_load(records, Path(folder))
            plain = executemany_load(Path(folder), -(-len(records) // BATCH))
        print(f"store load rate         {len(records) / load:8.1f} records/s  ({load:.1f} s)")
        print(f"plain sqlite3           {len(records) / plain:8.1f} records/s  ({plain:.1f} s, same rows)")
        print(f"ratio (store / plain)   {plain / load:8.2f}")
        print(f"database size           {size / len(records) * 1000 / 2**20:8.1f} MB per 1,000 articles")

if __name__ == "__main__":
    main()
