"""Latency of the web face under concurrent load, against a baseline measured in the same run.

    python benchmarks/web_load.py [--requests 600] [--concurrency 8] [--max-seconds 90] [--db PATH]

The database holds the 89 VOA stories (../shared/voa, public domain), ingested for real, so the
pages and the API answer over the density of real news. `newsgraph serve` runs in a child process
on 127.0.0.1 (so the load generator does not share its interpreter), and `--concurrency` client
threads send the requests: first a baseline, a static file (no query, no template) under the same
concurrency, then the mix of main pages and API endpoints, shuffled. Each part is bounded in count
and in time. Printed: median, p95 and max latency, errors (non-200 answers and failed requests),
throughput, and each figure's ratio to the baseline.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from common import free_port, voa_database

BASELINE = "/static/style.css"


Result = tuple[float, bool] | None  # (milliseconds, answered 200), or None when not sent in time


@dataclass
class Run:
    """What one part of the load measured; `seconds` is its wall time, when it ran on its own."""

    name: str
    times_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float | None = None

    @classmethod
    def of(cls, name: str, results: list[Result], seconds: float | None = None) -> Run:
        sent = [result for result in results if result is not None]
        return cls(name, [ms for ms, _ in sent], sum(not ok for _, ok in sent), seconds)

    def median(self) -> float:
        return statistics.median(self.times_ms)

    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]

    def line(self, baseline: Run | None) -> str:
        figures = (f"{self.name:<10} median {self.median():7.1f} ms   p95 {self.p95():7.1f} ms   "
                   f"max {max(self.times_ms):7.1f} ms   errors {self.errors:3d}/{len(self.times_ms):<4d}")
        if self.seconds:
            figures += f" {len(self.times_ms) / self.seconds:6.1f} req/s"
        if baseline is None:
            return figures
        ratios = f"median x{self.median() / baseline.median():.1f}, p95 x{self.p95() / baseline.p95():.1f}"
        if self.seconds and baseline.seconds:
            rate, base_rate = len(self.times_ms) / self.seconds, len(baseline.times_ms) / baseline.seconds
            ratios += f", throughput x{rate / base_rate:.2f}"
        return f"{figures}   vs baseline: {ratios}"


def url_mix(base: str) -> dict[str, list[str]]:
    """The main pages and API endpoints, over ids and keys taken from the database itself."""
    with httpx.Client(base_url=base, timeout=30) as client:
        actors = [row["id"] for row in client.get("/api/actors", params={"limit": 30}).json()]
        names = [row["name"].split()[-1] for row in client.get("/api/actors", params={"limit": 10}).json()]
        keys = sorted({row["article_key"] for row in client.get("/api/events", params={"per_page": 200}).json()})
    pages = ["/", "/events", "/events?page=2", "/quotes", "/claims", "/claims?status=hedged", "/network",
             *(f"/actors/{a}" for a in actors[:15]), *(f"/articles/{k}" for k in keys[:15]),
             *(f"/search?q={n}" for n in names), *(f"/network?actor={a}" for a in actors[:5])]
    api = ["/api/actors", "/api/events", "/api/events?type=ASSAULT", "/api/quotes", "/api/claims", "/api/network",
           *(f"/api/actors/{a}" for a in actors[:15]), *(f"/api/articles/{k}" for k in keys[:15]),
           *(f"/api/search?q={n}" for n in names), *(f"/api/actors/{a}/network" for a in actors[:5])]
    return {"pages": pages, "api": api}


def load(base: str, urls: list[str], concurrency: int, max_seconds: float) -> tuple[list[Result], float]:
    """GET every (kind, url) from `concurrency` threads, one HTTP connection each; requests not yet
    sent when the time is up are dropped."""
    local = threading.local()
    deadline = time.monotonic() + max_seconds

    def get(url: str) -> Result:
        if time.monotonic() > deadline:
            return None
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=30)
        started = time.perf_counter()
        try:
            ok = local.client.get(url).status_code == 200
        except httpx.HTTPError:
            ok = False
        return (time.perf_counter() - started) * 1000, ok

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(get, urls))
    return results, time.perf_counter() - started


def serve(db: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}{BASELINE}", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    sys.exit("the server did not start within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=600, help="requests in the mix (the baseline sends as many)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=90, help="time limit of each part")
    parser.add_argument("--db", type=Path, help="a database to reuse (the VOA stories are ingested if it is empty)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "voa.db"
        articles = voa_database(db)
        port = free_port()
        server = serve(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            mix = url_mix(base)
            rng = random.Random(7)
            everything = [url for urls in mix.values() for url in urls]
            load(base, everything, args.concurrency, args.max_seconds)  # warm up: every URL once
            print(f"{articles} articles; {args.concurrency} concurrent clients; {args.requests} requests per part")
            baseline = Run.of("baseline", *load(base, [BASELINE] * args.requests, args.concurrency, args.max_seconds))
            print(f"{baseline.line(None)}   ({BASELINE})")
            requests = rng.choices(everything, k=args.requests)
            results, seconds = load(base, requests, args.concurrency, args.max_seconds)
            for kind, urls in mix.items():
                print(Run.of(kind, [r for url, r in zip(requests, results, strict=True) if url in urls]).line(baseline))
            print(Run.of("all", results, seconds).line(baseline))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
