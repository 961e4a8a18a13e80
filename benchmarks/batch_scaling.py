"""Speed-up of `newsgraph batch` with 2 workers over 1 worker, same input, one run.

    python benchmarks/batch_scaling.py [--articles 400] [--shard-size 20]

Both runs start from an empty output folder and include the local Dask cluster's start and each
worker's model load, as a user's run would.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import write_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--shard-size", type=int, default=20)
    args = parser.parse_args()

    from newsgraph.batch import run_batch

    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(Path(folder) / "news.jsonl", args.articles)
        seconds = {}
        for workers in (1, 2):
            started = time.perf_counter()
            report = run_batch([source], Path(folder) / f"out-{workers}", workers=workers,
                               shard_size=args.shard_size)
            seconds[workers] = time.perf_counter() - started
            done = sum(r.records for r in report.results)
            print(f"{workers} worker(s): {done} records in {seconds[workers]:.1f} s "
                  f"({done / seconds[workers]:.1f} articles/s)")
    print(f"speed-up with 2 workers: {seconds[1] / seconds[2]:.2f}x")


if __name__ == "__main__":
    main()
