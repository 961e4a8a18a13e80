"""What work across articles costs at ingest: story events, actor resolution and claim keys on, against all
off, in one run.

    python benchmarks/story_cost.py [--articles 10000] [--batch 200] [--extract 89]

Two parts of ingest change:
  store    story events and resolved actors are kept in the transaction that stores a batch
           (resolve/storystore.py, resolve/actors.py). The VOA stories' records (cached, see web_latency.py),
           copied with fresh ids as web_latency.py does, are loaded into two fresh SQLite files, one with both
           and one without (Store(stories=False, resolve_actors=False)),
           in alternating slices so that a noisy neighbour weighs on both alike.
  extract  claim keys are computed from each claim's sentence (nlp/claim_keys.py): --extract VOA stories
           are extracted as ingest does, and the time spent in that step is taken out for "without".
The ratio printed is ingest time per article (extraction plus store) with both over without, the figure
the 1.2 budget is about, and each part's own ratio.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import VOA_STORIES, voa_records
from web_latency import BATCH, CACHE, copies

SLICES = 10  # the loads alternate in this many slices


def store_seconds(records: list, count: int, batch: int, folder: Path) -> tuple[float, float, int]:
    """Seconds to store `count` copies with story events and without, and the story events made."""
    from newsgraph.store import Store

    stores = {True: Store(str(folder / "stories.db")),
              False: Store(str(folder / "plain.db"), stories=False, resolve_actors=False)}
    seconds = {True: 0.0, False: 0.0}
    step = max(count // SLICES, 1)
    for first in range(0, count, step):
        pairs = [(record, "bench") for record in copies(records, first, min(first + step, count))]
        for grouping in ((True, False) if first // step % 2 == 0 else (False, True)):
            started = time.perf_counter()
            for start in range(0, len(pairs), batch):
                stores[grouping].add_many(pairs[start:start + batch])
            seconds[grouping] += time.perf_counter() - started
        print(f"  {min(first + step, count)} articles stored in each", flush=True)
    made = stores[True].count_story_events()
    for store in stores.values():
        store.close()
    return seconds[True], seconds[False], made


def extract_seconds(count: int) -> tuple[float, float]:
    """Seconds to extract `count` VOA stories (parse and annotators), and the part of them spent computing
    claim keys: timed inside one run, as the step is a small share that alternating runs would drown in
    the machine's noise."""
    from newsgraph import pipeline
    from newsgraph.pipeline import Extractor
    from newsgraph.readers import read_jsonl

    articles = list(read_jsonl(VOA_STORIES))[:count]
    extractor = Extractor()
    keys = pipeline.set_claim_keys
    spent = [0.0]

    def timed_keys(*args: object) -> None:
        started = time.perf_counter()
        keys(*args)
        spent[0] += time.perf_counter() - started

    pipeline.set_claim_keys = timed_keys
    try:
        started = time.perf_counter()
        for _ in extractor.extract_many(articles):
            pass
        total = time.perf_counter() - started
    finally:
        pipeline.set_claim_keys = keys
    return total, total - spent[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--extract", type=int, default=89, help="VOA stories extracted")
    args = parser.parse_args()
    if args.articles < 1 or args.batch < 1 or args.extract < 1:
        raise SystemExit("--articles, --batch and --extract must be 1 or more")
    records = voa_records(CACHE)
    extract_on, extract_off = extract_seconds(min(args.extract, len(records)))
    per_extract_on, per_extract_off = extract_on / min(args.extract, len(records)), extract_off / min(
        args.extract, len(records))
    with tempfile.TemporaryDirectory() as folder:
        store_on, store_off, made = store_seconds(records, args.articles, args.batch, Path(folder))
    per_on, per_off = per_extract_on + store_on / args.articles, per_extract_off + store_off / args.articles
    print(f"extraction per article: {per_extract_on * 1000:.1f} ms with claim keys, {per_extract_off * 1000:.1f} ms "
          f"of it without them: ratio {per_extract_on / per_extract_off:.3f}")
    print(f"store, {args.articles} articles in batches of {args.batch}: {store_on:.1f} s with story events "
          f"({made} made), {store_off:.1f} s without: ratio {store_on / store_off:.3f}")
    print(f"ingest per article: {per_on * 1000:.1f} ms vs {per_off * 1000:.1f} ms: ratio {per_on / per_off:.3f}")


if __name__ == "__main__":
    main()
