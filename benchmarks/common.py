"""Shared by the benchmarks: real news texts (PolNeAR train and VOA stories, read from ../shared,
never copied), repeated for volume, a database of the VOA stories ingested for real, a free port
and a peak-memory reading."""

from __future__ import annotations

import json
import resource
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = ROOT.parent / "shared" / "polnear" / "train" / "text"
# 89 stories by Voice of America staff (voanews.com), public domain; see ../shared/voa/README.md.
VOA_STORIES = ROOT.parent / "shared" / "voa" / "voa_stories.jsonl"


# the VOA stories of the demo (public domain, credited in examples/voa/README.md)
DEMO_VOA = ROOT / "examples" / "voa" / "voa_stories.jsonl"
CORPORA = ("polnear", "voa")


def corpus_texts(corpus: str) -> list[tuple[str, str]]:
    """(id, text) of every article of a corpus: PolNeAR's train texts, or the demo's VOA stories."""
    if corpus == "voa":
        rows = [json.loads(line) for line in DEMO_VOA.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(str(row["id"]), row["text"]) for row in rows]
    files = sorted(POLNEAR_TRAIN.glob("*.txt"))
    if not files:
        sys.exit(f"PolNeAR train texts not found under {POLNEAR_TRAIN}")
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def news_texts(count: int, corpus: str = "polnear") -> list[tuple[str, str]]:
    """(id, text) of `count` articles of the corpus, cycled; a repeat gets a distinct id and a one-line
    suffix so its content hash differs (a real feed does not repeat articles)."""
    texts = corpus_texts(corpus)
    out = []
    for i in range(count):
        stem, text = texts[i % len(texts)]
        round_ = i // len(texts)
        out.append((f"{stem}-{round_}", text if round_ == 0 else f"{text}\n(Copy {round_}.)"))
    return out


def write_jsonl(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for ident, text in news_texts(count):
            handle.write(json.dumps({"id": ident, "text": text, "published": "2016-10-01"}) + "\n")
    return path


def iter_articles(count: int, corpus: str = "polnear") -> Iterator:
    from newsgraph.record import Article

    for ident, text in news_texts(count, corpus):
        yield Article(id=ident, text=text, published="2016-10-01")


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def voa_database(db: Path) -> int:
    """Ingest the VOA stories into `db` as `newsgraph ingest` does (reader, extractor, store); a
    database that already holds them is left as it is. Returns the number of articles stored."""
    if not VOA_STORIES.exists():
        sys.exit(f"VOA stories not found at {VOA_STORIES}")
    from newsgraph.pipeline import Extractor
    from newsgraph.readers import read_jsonl
    from newsgraph.store import Store

    store = Store(str(db))
    try:
        if store.count_articles() == 0:
            started = time.perf_counter()
            for record in Extractor().extract_many(read_jsonl(VOA_STORIES)):
                store.add(record)
            print(f"ingested the VOA stories in {time.perf_counter() - started:.0f} s")
        return store.count_articles()
    finally:
        store.close()


def voa_records(cache: Path) -> list:
    """The VOA stories extracted once (by reader and Extractor, as `newsgraph ingest` does) and kept as
    JSON Lines in `cache`: a later run reads the file instead of parsing again."""
    from newsgraph.record import Extraction

    if not cache.exists():
        if not VOA_STORIES.exists():
            sys.exit(f"VOA stories not found at {VOA_STORIES}")
        from newsgraph.pipeline import Extractor
        from newsgraph.readers import read_jsonl

        started = time.perf_counter()
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(cache.name + ".tmp")
        with partial.open("w", encoding="utf-8") as handle:
            for record in Extractor().extract_many(read_jsonl(VOA_STORIES)):
                handle.write(record.to_json() + "\n")
        partial.replace(cache)
        print(f"extracted the VOA stories in {time.perf_counter() - started:.0f} s (kept in {cache})")
    with cache.open(encoding="utf-8") as handle:
        return [Extraction.from_json(line) for line in handle if line.strip()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
