"""Batch extraction on Dask: the same Extractor over shards of the input, one model per worker.

Layout of an output folder:

    OUT/plan.json               the inputs, the shard size and the number of shards
    OUT/inputs/shard-00001.jsonl  the articles of each shard (written once, streamed from the readers)
    OUT/records/shard-00001.jsonl the extraction records of each shard (written whole, then renamed)
    OUT/manifest.json           per shard: articles, records, seconds, error

A shard whose records file exists is finished, so a killed run resumes where it stopped. A shard
that fails is retried by Dask, then reported in the manifest; it never stops the other shards.
The driver keeps at most a few shards in flight, so memory does not grow with the input.
"""

from __future__ import annotations

import json
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.readers import Skipped, read_paths
from newsgraph.record import Article, Extraction

PLAN = "plan.json"
MANIFEST = "manifest.json"
INPUTS = "inputs"
RECORDS = "records"


class BatchError(RuntimeError):
    pass


@dataclass
class ShardResult:
    shard: str
    articles: int = 0
    records: int = 0
    seconds: float = 0.0
    error: str | None = None
    worker_pid: int | None = None


@dataclass
class BatchReport:
    shards: int = 0
    skipped_done: int = 0
    results: list[ShardResult] = field(default_factory=list)
    bad_inputs: list[Skipped] = field(default_factory=list)

    @property
    def failed(self) -> list[ShardResult]:
        return [r for r in self.results if r.error]


def shard_name(index: int) -> str:
    return f"shard-{index:05d}"


def is_batch_output(path: Path) -> bool:
    return path.is_dir() and (path / PLAN).exists() and (path / RECORDS).is_dir()


def plan_shards(inputs: list[Path], out: Path, shard_size: int, skipped: list[Skipped]) -> list[str]:
    """Write the shard input files once; a second call with the same inputs reuses them."""
    plan_file = out / PLAN
    wanted = {"inputs": [str(p.resolve()) for p in inputs], "shard_size": shard_size}
    if plan_file.exists():
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        if {k: plan.get(k) for k in wanted} != wanted:
            raise BatchError(f"{out} holds a batch of other inputs or shard size; use another --out")
        return plan["shards"]
    (out / INPUTS).mkdir(parents=True, exist_ok=True)
    shards: list[str] = []
    handle = None
    count = 0
    try:
        for article in read_paths(inputs, None, skipped):
            if handle is None or count == shard_size:
                if handle is not None:
                    handle.close()
                shards.append(shard_name(len(shards) + 1))
                handle = (out / INPUTS / f"{shards[-1]}.jsonl").open("w", encoding="utf-8")
                count = 0
            handle.write(json.dumps({**article.to_meta(), "text": article.text,
                                     "source_path": article.source_path}, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if handle is not None:
            handle.close()
    plan = {**wanted, "shards": shards, "bad_inputs": [asdict(s) for s in skipped]}
    _write_atomic(plan_file, json.dumps(plan, indent=1))
    return shards


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _read_shard_input(path: Path) -> Iterator[Article]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            data = json.loads(line)
            yield Article(id=data["id"], text=data["text"], title=data.get("title"), published=data.get("published"),
                          outlet=data.get("outlet"), url=data.get("url"), language=data.get("language") or "en",
                          source_path=data.get("source_path"))


_WORKER_EXTRACTOR: Any = None
_WORKER_LOCK = threading.Lock()
_MODEL_LOADS = 0


def _worker_extractor(model: str | None) -> Any:
    """One Extractor per worker process: the model loads once, not once per shard. `dask worker` runs a
    thread per core, and two shards starting together would both find no Extractor and both load one
    (twice the memory and the load time): the lock makes the second wait for the first."""
    global _WORKER_EXTRACTOR, _MODEL_LOADS
    with _WORKER_LOCK:
        if _WORKER_EXTRACTOR is None:
            from newsgraph.pipeline import Extractor

            _WORKER_EXTRACTOR = Extractor(model=model)
            _MODEL_LOADS += 1
    return _WORKER_EXTRACTOR


def model_loads() -> int:
    """How many times this process has loaded the model (asked of every worker with `client.run`)."""
    return _MODEL_LOADS


def run_shard(out: str, shard: str, model: str | None = None, fmt: str = "jsonl") -> ShardResult:
    """Extract one shard into its records file (runs on a worker)."""
    started = time.perf_counter()
    root = Path(out)
    result = ShardResult(shard=shard, worker_pid=os.getpid())
    extractor = _worker_extractor(model)
    articles = list(_read_shard_input(root / INPUTS / f"{shard}.jsonl"))
    result.articles = len(articles)
    records = list(extractor.extract_many(articles))
    target = root / RECORDS / f"{shard}.{fmt}"
    temporary = target.with_name(target.name + ".tmp")
    if fmt == "parquet":
        _write_parquet(records, temporary)
    else:
        with temporary.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(record.to_json() + "\n")
    os.replace(temporary, target)
    result.records = len(records)
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _write_parquet(records: list[Extraction], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "article_id": [r.article.id for r in records],
        "content_hash": [r.article.content_hash for r in records],
        "published": [r.article.published for r in records],
        "record": [r.to_json() for r in records],  # the full record, as in the JSON Lines form
    })
    pq.write_table(table, path)


def finished_shards(out: Path, fmt: str) -> set[str]:
    return {p.name.split(".")[0] for p in (out / RECORDS).glob(f"shard-*.{fmt}")}


def run_batch(inputs: list[Path], out: Path, workers: int = 2, scheduler: str | None = None,
              shard_size: int = 200, model: str | None = None, fmt: str = "jsonl",
              progress: Callable[[ShardResult], None] | None = None, retries: int = 2,
              on_plan: Callable[[int, int], None] | None = None) -> BatchReport:
    from dask.distributed import Client, LocalCluster, as_completed

    out.mkdir(parents=True, exist_ok=True)
    (out / RECORDS).mkdir(exist_ok=True)
    report = BatchReport()
    shards = plan_shards(inputs, out, shard_size, report.bad_inputs)
    report.shards = len(shards)
    done = finished_shards(out, fmt)
    todo = [s for s in shards if s not in done]
    report.skipped_done = len(shards) - len(todo)
    if on_plan:
        on_plan(len(shards), report.skipped_done)
    previous = _read_manifest(out)
    if todo:
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            # processes, one thread each: spaCy holds the GIL, so threads would not scale
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        try:
            window = max(2, 2 * workers)
            pending = iter(todo)
            shard_of: dict[Any, str] = {}
            futures = as_completed()

            def submit(shard: str) -> None:
                # Dask retries a failed shard (another worker, a fresh try) before reporting it
                future = client.submit(run_shard, str(out), shard, model, fmt, retries=retries,
                                       key=f"newsgraph-{shard}-{time.time_ns()}", pure=False)
                shard_of[future.key] = shard
                futures.add(future)

            for shard in _take(pending, window):
                submit(shard)
            for future in futures:
                try:
                    result = future.result()
                except Exception as error:  # failed after its retries: reported, the rest go on
                    message = "".join(traceback.format_exception_only(type(error), error)).strip()
                    result = ShardResult(shard=shard_of[future.key], error=message)
                report.results.append(result)
                previous[result.shard] = asdict(result)
                _write_atomic(out / MANIFEST, json.dumps(previous, indent=1, sort_keys=True))
                if progress:
                    progress(result)
                for shard in _take(pending, 1):
                    submit(shard)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return report


def _take(items: Iterator[str], count: int) -> list[str]:
    taken = []
    for item in items:
        taken.append(item)
        if len(taken) == count:
            break
    return taken


def _read_manifest(out: Path) -> dict[str, Any]:
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}


def read_batch_records(out: Path) -> Iterable[Extraction]:
    """Every record of a batch output folder (JSON Lines or Parquet shards), shard by shard."""
    for path in sorted((out / RECORDS).glob("shard-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield Extraction.from_json(line)
    for path in sorted((out / RECORDS).glob("shard-*.parquet")):
        import pyarrow.parquet as pq

        for value in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield Extraction.from_json(value)


def count_batch_records(out: Path) -> int:
    manifest = _read_manifest(out)
    return sum(int(entry.get("records") or 0) for entry in manifest.values())
