"""The store's load rate against plain sqlite3 `executemany` of the same rows, and the database size.

    python benchmarks/store_load.py [--articles 2000] [--batch 32] [--rounds 3]

Records: the VOA stories' extraction records (cached, see web_latency.py), copied with fresh ids. The
store loads them through its bulk path (`Store.add_many`, one transaction per batch) into a fresh
SQLite file, in batches of `ingest`'s default --batch-size (newsgraph.limits.BATCH_SIZE): the
transactions ingest makes, each paying its fixed cost (the actor look-ups, the commit), each after
ingest's look-up of the batch's content hashes among the stored articles. As ingest does, the batches
defer their summaries and stories, which the store counts once SETTLE_EVERY articles wait and when the
load ends (its settle()): that counting is timed with the load.
One-time start-up (creating the schema, loading the knowledge base that actor resolution reads, about
0.3 s once per process) happens before the timing starts: the figure is the load rate.
The baseline then copies every row the store wrote, table by table, into a second fresh file of the
same schema and the same settings (WAL, synchronous=NORMAL, foreign keys on) with one `executemany` per
table, in as many transactions as the store committed: what no Python layer could beat (the summary
tables get their final rows once, where the store adds to them at each settle). The ratio is the
baseline's time over the store's (1.0: the store costs nothing beyond the inserts themselves). The same
ratio of this process's CPU time (user and system) follows it: on a machine whose cores other processes
share, wall-clock times of a few seconds swing with their load, CPU times much less. Each round loads
both sides afresh, one right after the other; the figures are the medians of the rounds' ratios.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from common import voa_records
from newsgraph.limits import BATCH_SIZE
from web_latency import CACHE, copies

BATCH = BATCH_SIZE  # records per store transaction, as `newsgraph ingest` writes them


@dataclass
class Timing:
    seconds: float  # wall clock
    cpu: float  # this process's CPU time, user and system


@contextmanager
def timed() -> Iterator[Timing]:
    """The Timing of the block, filled in as it ends."""
    timing = Timing(0.0, 0.0)
    wall, cpu = time.perf_counter(), time.process_time()
    yield timing
    timing.seconds, timing.cpu = time.perf_counter() - wall, time.process_time() - cpu


def store_load(records: list, folder: Path, batch: int = BATCH) -> tuple[Timing, int]:
    """The time the store takes to load the records in batches, and the database's size in bytes."""
    from newsgraph.kb.loader import default_kb
    from newsgraph.store import Store

    # the knowledge base the store's actor resolution reads is loaded once per process (about 0.3 s,
    # whatever the number of articles; `ingest --workers 1` has loaded it already to extract): a start-up
    # cost like opening the database, so it is paid before the timing starts, as the schema is
    default_kb()
    store = Store(str(folder / "store.db"))
    pairs = [(record, "bench") for record in records]
    with timed() as timing:
        for start in range(0, len(pairs), batch):
            part = pairs[start:start + batch]
            # as `ingest` does for each batch it reads: skip what is stored already (nothing is, here)
            store.known_hashes(record.article.content_hash for record, _ in part)
            store.add_many(part, defer=True)
        store.settle()  # as ingest does when its input ends
    store.close()
    return timing, sum(p.stat().st_size for p in folder.glob("store.db*"))


def executemany_load(folder: Path, transactions: int) -> Timing:
    """The time plain sqlite3 takes to insert the rows of store.db into an empty copy of its schema, in as
    many transactions as the store committed: each holds a share of the articles with their facts (the
    entities all in the first, as foreign keys ask; summary rows in equal shares)."""
    from newsgraph.store import Store

    Store(str(folder / "plain.db")).close()  # the same tables and indexes, empty
    source = sqlite3.connect(folder / "store.db")
    names = [name for name, in source.execute("select name from sqlite_master where type = 'table'")]
    names = ["articles", "entities", *[t for t in names if t not in {"articles", "entities"}]]
    keys = [key for key, in source.execute("select id from articles order by id")]
    last_keys = [keys[len(keys) * (part + 1) // transactions - 1] for part in range(transactions)]
    shares: dict[str, list[list[tuple]]] = {}
    for name in names:
        cursor = source.execute(f'select * from "{name}"')
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
        shares[name] = [[] for _ in range(transactions)]
        for n, row in enumerate(rows):
            if name == "entities":
                part = 0
            elif name == "articles" or "article" in columns:
                part = bisect_left(last_keys, row[columns.index("id" if name == "articles" else "article")])
            else:
                part = n * transactions // len(rows)
            shares[name][part].append(row)
    source.close()
    target = sqlite3.connect(folder / "plain.db", isolation_level=None)
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    target.execute("PRAGMA foreign_keys=ON")
    with timed() as timing:
        for part in range(transactions):
            target.execute("BEGIN")
            for name in names:
                share = shares[name][part]
                if share:
                    target.executemany(f'insert into "{name}" values ({", ".join("?" * len(share[0]))})', share)
            target.execute("COMMIT")
    target.close()
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=BATCH, help="records per store transaction")
    parser.add_argument("--rounds", type=int, default=3, help="loads of both sides, one after the other")
    args = parser.parse_args()
    records = list(copies(voa_records(CACHE), 0, args.articles))
    print(f"{args.articles} VOA records (real density), batches of {args.batch}")
    walls, cpus = [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            stored, size = store_load(records, Path(folder), args.batch)
            plain = executemany_load(Path(folder), -(-args.articles // args.batch))
        walls.append(plain.seconds / stored.seconds)
        cpus.append(plain.cpu / stored.cpu)
        print(f"store (add_many)          {args.articles / stored.seconds:8.1f} records/s  ({stored.seconds:.1f} s, "
              f"CPU {stored.cpu:.1f} s)")
        print(f"plain sqlite3.executemany {args.articles / plain.seconds:8.1f} records/s  ({plain.seconds:.1f} s, "
              f"CPU {plain.cpu:.1f} s)")
    print(f"ratio (store / plain)     {median(walls):8.2f}  (rounds: {', '.join(f'{r:.2f}' for r in walls)})")
    print(f"ratio of CPU times        {median(cpus):8.2f}  (rounds: {', '.join(f'{r:.2f}' for r in cpus)})")
    print(f"database size             {size / args.articles * 1000 / 2**20:8.1f} MB per 1,000 articles")


if __name__ == "__main__":
    main()
