"""Speed-up of `newsgraph ingest --workers 2` over `--workers 1` on the same articles, in one run.

    python benchmarks/ingest_workers.py [--articles 160]

Each run is the real command (model loads included) ingesting PolNeAR train texts (JSON Lines) into a
fresh SQLite database; the script prints both times and their ratio, and the CPU time of each run (the
command's and its workers'): the second run's extra CPU is what two workers cost beyond one process (a
second model load, the records sent back), and on a machine whose cores other processes share, where the
wall-clock ratio swings with their load, 2 x (CPU of one) / (CPU of two) bounds what two cores can give.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import write_jsonl


def _children_cpu() -> float:
    """CPU time (user and system) of this process's children that have ended, and of theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_ingest(source: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall-clock and CPU time of one `ingest` (its workers included: the command waits for them)."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(source), "--db", str(db),
                    "--workers", str(workers)], check=True, capture_output=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=160)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "news.jsonl", args.articles)
        (one, one_cpu) = timed_ingest(source, Path(folder) / "one.db", 1)
        (two, two_cpu) = timed_ingest(source, Path(folder) / "two.db", 2)
    print(f"{args.articles} articles (PolNeAR train texts), model load included")
    print(f"ingest --workers 1   {one:7.1f} s  ({args.articles / one:.1f} articles/s; CPU {one_cpu:.1f} s)")
    print(f"ingest --workers 2   {two:7.1f} s  ({args.articles / two:.1f} articles/s; CPU {two_cpu:.1f} s)")
    print(f"speed-up             {one / two:7.2f}x")
    print(f"CPU bound on 2 cores {2 * one_cpu / two_cpu:7.2f}x")


if __name__ == "__main__":
    main()
