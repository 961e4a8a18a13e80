"""Extraction on several cores for `extract --workers N` and `ingest --workers N`: worker processes,
each with its own Extractor loaded once, take the articles in chunks; the records come back in the
input order.

spaCy holds the GIL while it parses, so threads would not help; processes do. The pool is started with
"spawn": the parent has threads of its own (the progress bar), and a forked copy of a threaded process
can hang. Chunks are submitted a few at a time, from the caller's thread, so memory stays bounded by
the chunks in flight and the caller's generator (which looks up the store) never runs in another thread.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from newsgraph.limits import BATCH_SIZE
from newsgraph.record import Article, Extraction

CHUNKS_PER_BATCH = 8  # a parse batch is cut into this many chunks for the workers (chunk_size)
IN_FLIGHT = 4  # chunks per worker submitted ahead: each has the next at hand while the caller stores

_EXTRACTOR: Any = None
_LOAD_ERROR: Exception | None = None


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunk_size(batch_size: int) -> int:
    """Articles handed to a worker at a time: an eighth of a parse batch. The last chunks decide when the
    run ends, one worker idle while the other finishes its own: with whole batches of 32, 160 articles made
    five chunks, three for one worker and two for the other, and two workers ran 1.6 times as fast as one.
    spaCy parses a batch of 4 as fast per article as one of 32, and gives every article the same parse."""
    return max(1, -(-batch_size // CHUNKS_PER_BATCH))


def _load(model: str | None) -> None:
    global _EXTRACTOR, _LOAD_ERROR
    from newsgraph.pipeline import Extractor

    try:
        _EXTRACTOR = Extractor(model=model)
    except Exception as error:  # kept for the first task: a pool whose initializer fails restarts it forever
        _LOAD_ERROR = error


def _extract(articles: list[Article], batch_size: int) -> tuple[list[Extraction], str]:
    if _LOAD_ERROR is not None:
        raise _LOAD_ERROR
    return list(_EXTRACTOR.extract_many(articles, batch_size=batch_size)), _EXTRACTOR.model_name


@contextmanager
def worker_pool(workers: int, model: str | None) -> Iterator[Any]:
    """`workers` processes, each loading its Extractor as soon as it starts: a caller that starts them
    before its own set-up (ingest opening the store) has the model loads run meanwhile, not after it.
    They are stopped when the block ends."""
    with multiprocessing.get_context("spawn").Pool(workers, initializer=_load, initargs=(model,)) as pool:
        yield pool


def extract_in_processes(articles: Iterable[Article], workers: int, model: str | None,
                         batch_size: int = BATCH_SIZE, pool: Any = None) -> Iterator[tuple[Extraction, str]]:
    """(record, model name) for each article, in the order of `articles`, extracted by `workers`
    processes: those of `pool` (worker_pool) if given, else started here. A worker's error (a model that
    does not load, an article too long) is raised here."""
    if pool is None:
        with worker_pool(workers, model) as started:
            yield from _extracted_by(started, articles, workers, batch_size)
    else:
        yield from _extracted_by(pool, articles, workers, batch_size)


def _extracted_by(pool: Any, articles: Iterable[Article], workers: int, batch_size: int
                  ) -> Iterator[tuple[Extraction, str]]:
    size = chunk_size(batch_size)
    pending: deque[Any] = deque()
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            pending.append(pool.apply_async(_extract, (chunk, batch_size)))
            chunk = []
            while len(pending) > IN_FLIGHT * workers:  # keep every worker fed, and no more than that
                yield from _results(pending.popleft())
    if chunk:
        pending.append(pool.apply_async(_extract, (chunk, batch_size)))
    while pending:
        yield from _results(pending.popleft())


def _results(result: Any) -> Iterator[tuple[Extraction, str]]:
    records, model_name = result.get()
    for record in records:
        yield record, model_name
