"""Peak memory of a streaming ingest at 1,000 and at 10,000 articles (PolNeAR train texts, cycled).

    python benchmarks/memory.py [--small 1000] [--large 10000]

Each size runs in a fresh process that streams a JSON Lines file through the same code path as
`newsgraph ingest` (readers -> Extractor.extract_many -> Store.add, one transaction per article)
and reports its peak resident memory. Memory should stay flat as the input grows: the ratio of
the two peaks is printed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import peak_rss_mb, write_jsonl


def child(count: int, folder: Path) -> None:
    from newsgraph.pipeline import Extractor
    from newsgraph.readers import read_paths
    from newsgraph.store import Store

    source = write_jsonl(folder / f"news-{count}.jsonl", count)
    store = Store(str(folder / f"news-{count}.db"))
    extractor = Extractor()
    started = time.perf_counter()
    stored = 0
    for record in extractor.extract_many(read_paths([source])):
        store.add(record)
        stored += 1
    print(f"{count} {stored} {peak_rss_mb():.1f} {time.perf_counter() - started:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder)
        return
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (args.small, args.large):
            output = subprocess.run([sys.executable, __file__, "--child", str(count), "--folder", folder],
                                    capture_output=True, text=True, check=True).stdout.split()
            _, stored, peak, seconds = output[-4:]
            peaks[count] = float(peak)
            print(f"{count:>6} articles: stored {stored}, peak memory {float(peak):7.1f} MB, {seconds} s")
    print(f"peak at {args.large} / peak at {args.small}: {peaks[args.large] / peaks[args.small]:.2f}")


if __name__ == "__main__":
    main()
