"""Response times of the actor and network pages as the database grows, at real density.

    python benchmarks/web_latency.py [--sizes 10000 100000] [--requests 30] [--keep DIR] [--time-box 3600]

The databases hold real extraction records: the 89 VOA stories extracted once (cached under
benchmarks/.cache), then stored again and again with fresh ids and hashes (a distinct URL per copy,
each round of copies published a day earlier, so the database spans years as an archive does) through
the store's bulk path. Each size extends the database of the size before it. The real server (uvicorn)
answers over HTTP; for every size the script prints the median and 95th percentile of the top actor's
page, the page of the actor ranked 50th and the network pages (both actors ranked at the first size and
kept, so that each ratio compares one page with itself), then each median's ratio to its figure at the
first size (flat: near 1; linear in the database: the ratio of the sizes).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from common import ROOT, free_port, voa_records

CACHE = ROOT / "benchmarks" / ".cache" / "voa_records.jsonl"
BATCH = 200  # records per store transaction


def copies(records: list, start: int, stop: int) -> Iterator:
    """Copies number start..stop-1 of the records, cycled: copy n is record n % len with a fresh id and
    URL (so a fresh content hash) and a publication date moved back n // len days."""
    for n in range(start, stop):
        record = records[n % len(records)]
        round_ = n // len(records)
        article = record.article
        published = article.published
        if published:
            published = (datetime.date.fromisoformat(published) - datetime.timedelta(days=round_)).isoformat()
        url = f"{article.url or 'https://example.org/a'}?copy={round_}"
        yield dataclasses.replace(record, article=dataclasses.replace(
            article, id=f"{article.id}-{round_}", url=url, published=published))


def build(db: Path, count: int, records: list, deadline: float) -> int:
    """Extend the database to `count` articles; stops at the deadline. Returns the articles stored."""
    from newsgraph.store import Store

    store = Store(str(db))
    try:
        have = store.count_articles()
        if have >= count:
            return have
        started = time.perf_counter()
        batch: list = []
        for record in copies(records, have, count):
            batch.append((record, "voa-cache"))
            if len(batch) == BATCH:
                store.add_many(batch)
                batch = []
                if time.perf_counter() > deadline:
                    print(f"time box reached while building: {store.count_articles()} articles", file=sys.stderr)
                    break
        if batch:
            store.add_many(batch)
        stored = store.count_articles()
        elapsed = time.perf_counter() - started
        print(f"stored {stored - have} articles in {elapsed:.0f} s ({(stored - have) / elapsed:.0f}/s)")
        return stored
    finally:
        store.close()


def timed(client: httpx.Client, urls: list[str], rounds: int) -> tuple[float, float]:
    """Median and 95th percentile, in ms, of `rounds` passes over the urls."""
    times = []
    for _ in range(rounds):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def ranked(db: Path) -> tuple[str, str]:
    """The top actor and the actor ranked 50th (by articles, as the actor table ranks them)."""
    from newsgraph.store import Store

    store = Store(str(db))
    ids = [row["id"] for row in store.actor_table(limit=50)]
    store.close()
    return ids[0], ids[-1]


def measure(db: Path, requests: int, top: str, fiftieth: str) -> dict[str, tuple[float, float]]:
    import uvicorn

    from newsgraph.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    pages = {
        f"top actor page ({top})": [f"/actors/{top}"],
        f"rank-50 actor page ({fiftieth})": [f"/actors/{fiftieth}"],  # ranked at the first size
        "top actor API": [f"/api/actors/{top}"],
        "network page, top actor": [f"/network?actor={top}"],
        "network page, all": ["/network"],
    }
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for urls in pages.values():
                client.get(urls[0])  # warm the page's queries and templates once
            return {name: timed(client, urls, requests) for name, urls in pages.items()}
    finally:
        server.should_exit = True
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--requests", type=int, default=30, help="requests per page and size")
    parser.add_argument("--keep", type=Path, help="folder for the databases, kept and reused (default: temporary)")
    parser.add_argument("--time-box", type=float, default=3600, help="seconds allowed for building, all sizes")
    args = parser.parse_args()

    records = voa_records(CACHE)
    deadline = time.perf_counter() + args.time_box
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        results: dict[int, dict[str, tuple[float, float]]] = {}
        previous: Path | None = None
        actors: tuple[str, str] | None = None
        for size in sorted(args.sizes):
            db = folder / f"web-{size}.db"
            if previous is not None and not db.exists():
                for suffix in ("", "-wal", "-shm"):  # the database of the size before, extended
                    if Path(f"{previous}{suffix}").exists():
                        shutil.copy(f"{previous}{suffix}", f"{db}{suffix}")
            stored = build(db, size, records, deadline)
            megabytes = sum(p.stat().st_size for p in folder.glob(f"{db.name}*")) / 2**20
            print(f"\n{stored} articles ({megabytes:.0f} MB)")
            actors = actors or ranked(db)  # the same two actors at every size: the page's cost, not another actor's
            results[size] = measure(db, args.requests, *actors)
            for name, (median, p95) in results[size].items():
                print(f"  {name:<48} median {median:7.1f} ms   p95 {p95:7.1f} ms")
            previous = db
        first = min(results)
        for size in sorted(results)[1:]:
            print(f"\nmedian at {size} articles over median at {first}:")
            for (name, (median, _)), (_, (base, _)) in zip(results[size].items(), results[first].items(), strict=True):
                print(f"  {name:<48} {median / base:5.2f}x")


if __name__ == "__main__":
    main()
