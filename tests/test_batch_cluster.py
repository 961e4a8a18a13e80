"""Batch mode against a real Dask scheduler and two `dask worker` processes started here, each with two
threads: every worker loads the model exactly once, and killing one worker mid-run still leaves every
record exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.batch import BatchReport, model_loads, read_batch_records, run_batch
from test_batch import write_input

TIMEOUT = 240


def start(*args: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as handle:
        return subprocess.Popen([sys.executable, "-m", *args], stdout=handle, stderr=subprocess.STDOUT,
                                start_new_session=True)


def wait_for(condition, what: str) -> None:  # noqa: ANN001 - a callable returning bool
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen]]]:
    """A scheduler and two worker processes (no nanny: the worker is the process a kill hits)."""
    address_file = tmp_path / "scheduler.json"
    processes = [start("distributed.cli.dask_scheduler", "--scheduler-file", str(address_file), "--port", "0",
                       "--no-dashboard", log=tmp_path / "scheduler.log")]
    try:
        wait_for(address_file.exists, "the scheduler")
        for n in range(2):
            processes.append(start("distributed.cli.dask_worker", "--scheduler-file", str(address_file),
                                   "--nthreads", "2", "--no-nanny", "--no-dashboard",
                                   log=tmp_path / f"worker-{n}.log"))
        from dask.distributed import Client

        with Client(scheduler_file=str(address_file), timeout=TIMEOUT) as client:
            client.wait_for_workers(2, timeout=TIMEOUT)
            yield client.scheduler.address, processes[1:]
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def test_each_worker_loads_the_model_once_and_a_killed_worker_loses_nothing(tmp_path: Path, cluster) -> None:
    from dask.distributed import Client

    address, workers = cluster
    source = tmp_path / "news.jsonl"
    ids = write_input(source, 120)
    out = tmp_path / "out"
    reports: list[BatchReport] = []
    runner = threading.Thread(target=lambda: reports.append(
        run_batch([source], out, workers=2, scheduler=address, shard_size=1)))
    runner.start()
    with Client(address, timeout=TIMEOUT) as client:
        # both workers busy: two threads each, so without the lock two shards would load two models
        wait_for(lambda: min(client.run(model_loads).values()) >= 1, "both workers to load the model")
        loads = client.run(model_loads)
        done_before_kill = len(list((out / "records").glob("shard-*.jsonl")))
        os.killpg(workers[0].pid, signal.SIGKILL)
        workers[0].wait(timeout=30)
        runner.join(timeout=TIMEOUT)
        assert not runner.is_alive(), "the batch did not finish after the kill"
        survivors = client.run(model_loads)
    assert sum(loads.values()) == 2  # the model loaded exactly twice, once per worker process
    assert list(survivors.values()) == [1]  # the survivor took the rest without loading again
    assert done_before_kill < len(ids)  # the kill came mid-run
    [report] = reports
    assert not report.failed
    seen = sorted(r.article.id for r in read_batch_records(out))
    assert seen == sorted(ids)  # every record exactly once
    assert not list((out / "records").glob("*.tmp"))
