"""What cross-article actor resolution costs at ingest: the same records stored with and without it,
in one run, and the ratio.

    python benchmarks/resolve_cost.py [--articles 10000] [--batch 200] [--names fresh|repeat] [--extract 40]

Records: the VOA stories' extraction records (cached, see web_latency.py), copied with fresh ids, URLs and
dates as web_latency.py and store_load.py copy them. With `--names repeat` every copy names the same
actors as its original, so only the first 89 records bring new entities to resolve; with `--names fresh`
(the default, the harder case) each round of copies renames the actors the knowledge base does not
know with a given name of its own ("Kab Andrew Yang"), so every batch brings a few hundred new
entities whose surnames meet a growing crowd of namesakes. Each pass stores into a fresh SQLite file
through Store.add_many, resolution off (`Store(resolve_actors=False)`) then on, `--repeats` times
alternated, the fastest pass of each kept (the machine is shared; noise only ever slows a pass).
`--extract N` also times the extractor on N stories, to put the store's difference beside a whole ingest
(extract + store).
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from common import voa_records
from web_latency import BATCH, CACHE, copies

UNRESOLVED = {"location", "country"}


def round_tag(round_: int) -> str:
    """A pronounceable given name per round of copies: Kab, Kac, ... Kbb, ..."""
    letters = "bcdfghjklmnpqrstvwxz"
    return "K" + letters[round_ // len(letters) % len(letters)] + letters[round_ % len(letters)]


def renamed(record, round_: int):  # noqa: ANN001, ANN201 - Extraction in, Extraction out
    """The record with every entity the knowledge base does not know renamed for this round: another id,
    and a given name of the round before its name (the surname stays, so namesakes pile up)."""
    if round_ == 0:
        return record
    new_ids = {e.id: f"{e.id}-r{round_}" for e in record.entities if not e.kb and e.type not in UNRESOLVED}
    if not new_ids:
        return record
    tag = round_tag(round_)

    def moved(value: str | None) -> str | None:
        return new_ids.get(value, value) if value is not None else None

    return dataclasses.replace(
        record,
        entities=[dataclasses.replace(e, id=new_ids[e.id], name=f"{tag} {e.name}") if e.id in new_ids else e
                  for e in record.entities],
        events=[dataclasses.replace(e, source=moved(e.source), target=moved(e.target),
                                    attributed_to=moved(e.attributed_to)) for e in record.events],
        quotes=[dataclasses.replace(q, speaker=moved(q.speaker), channel=moved(q.channel)) for q in record.quotes],
        relations=[dataclasses.replace(r, source=moved(r.source), target=moved(r.target)) for r in record.relations],
        claims=[dataclasses.replace(c, holder=moved(c.holder)) for c in record.claims],
    )


def store_seconds(records: list, db: Path, resolve: bool, batch: int) -> tuple[float, int]:
    """Seconds to store the records in batches, and how many entities were merged."""
    from newsgraph.store import Store

    store = Store(str(db), resolve_actors=resolve)
    pairs = [(record, "bench") for record in records]
    started = time.perf_counter()
    for start in range(0, len(pairs), batch):
        store.add_many(pairs[start:start + batch])
    seconds = time.perf_counter() - started
    merged = len(store.merges())
    store.close()
    return seconds, merged


def extract_seconds(count: int) -> float:
    """Seconds per article the extractor takes on `count` VOA stories (the model loaded beforehand)."""
    from common import VOA_STORIES
    from newsgraph.pipeline import Extractor
    from newsgraph.readers import read_jsonl

    extractor = Extractor()
    stories = list(read_jsonl(VOA_STORIES))[:count]
    started = time.perf_counter()
    for _ in extractor.extract_many(stories):
        pass
    return (time.perf_counter() - started) / len(stories)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=BATCH, help="records per store transaction")
    parser.add_argument("--names", choices=("fresh", "repeat"), default="fresh")
    parser.add_argument("--extract", type=int, default=40, help="stories to time the extractor on (0: skip)")
    parser.add_argument("--repeats", type=int, default=2, help="passes of each, alternated; the fastest counts")
    args = parser.parse_args()
    originals = voa_records(CACHE)
    records = [copy for copy in copies(originals, 0, args.articles)]
    if args.names == "fresh":
        records = [renamed(record, n // len(originals)) for n, record in enumerate(records)]
    from newsgraph.kb.loader import default_kb

    default_kb()  # loaded once per process, by the extractor in an ingest: not part of a batch's cost
    plain = resolved = float("inf")
    for _ in range(args.repeats):  # alternated, the best of each kept: the machine is shared
        with tempfile.TemporaryDirectory() as folder:
            plain = min(plain, store_seconds(records, Path(folder) / "plain.db", False, args.batch)[0])
            seconds, merged = store_seconds(records, Path(folder) / "resolved.db", True, args.batch)
            resolved = min(resolved, seconds)
    per_plain, per_resolved = plain / args.articles * 1000, resolved / args.articles * 1000
    print(f"{args.articles} VOA records (names: {args.names}), batches of {args.batch}")
    print(f"store without resolution  {per_plain:7.2f} ms/article  ({plain:.1f} s)")
    print(f"store with resolution     {per_resolved:7.2f} ms/article  ({resolved:.1f} s; {merged} entities merged)")
    print(f"ratio (store)             {resolved / plain:7.2f}")
    if args.extract:
        extraction = extract_seconds(args.extract) * 1000
        whole = (extraction + per_resolved) / (extraction + per_plain)
        print(f"extraction                {extraction:7.2f} ms/article  ({args.extract} stories)")
        print(f"ratio (extract + store)   {whole:7.2f}")


if __name__ == "__main__":
    main()
