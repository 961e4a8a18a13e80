"""Shared by the benchmarks: real news texts (PolNeAR train, read from ../shared, never copied),
repeated for volume, and a peak-memory reading."""

from __future__ import annotations

import json
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_TRAIN = ROOT.parent / "shared" / "polnear" / "train" / "text"


def news_texts(count: int) -> list[tuple[str, str]]:
    """(id, text) of `count` articles: PolNeAR's train texts, cycled; a repeat gets a distinct id and
    a one-line suffix so its content hash differs (a real feed does not repeat articles)."""
    files = sorted(POLNEAR_TRAIN.glob("*.txt"))
    if not files:
        sys.exit(f"PolNeAR train texts not found under {POLNEAR_TRAIN}")
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
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


def iter_articles(count: int) -> Iterator:
    from newsgraph.record import Article

    for ident, text in news_texts(count):
        yield Article(id=ident, text=text, published="2016-10-01")


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
