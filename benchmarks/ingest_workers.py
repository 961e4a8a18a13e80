"""Speed-up of `newsgraph ingest --workers 2` over `--workers 1` on the same articles, in one run.

    python benchmarks/ingest_workers.py [--articles 160]

Each run is the real command (model loads included) ingesting PolNeAR train texts (JSON Lines) into a
fresh SQLite database; the script prints both times and their ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import write_jsonl


def timed_ingest(source: Path, db: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(source), "--db", str(db),
                    "--workers", str(workers)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=160)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "news.jsonl", args.articles)
        one = timed_ingest(source, Path(folder) / "one.db", 1)
        two = timed_ingest(source, Path(folder) / "two.db", 2)
    print(f"{args.articles} articles (PolNeAR train texts), model load included")
    print(f"ingest --workers 1   {one:7.1f} s  ({args.articles / one:.1f} articles/s)")
    print(f"ingest --workers 2   {two:7.1f} s  ({args.articles / two:.1f} articles/s)")
    print(f"speed-up             {one / two:7.2f}x")


if __name__ == "__main__":
    main()
