"""Batch mode on a real local Dask cluster: records per shard, resume after a kill, load into the store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.batch import read_batch_records
from newsgraph.store import Store

PLACES = ["Caracas", "Bogotá", "Quito", "Lima", "Havana", "Managua"]
PEOPLE = ["Nicolás Maduro", "Gustavo Petro", "Daniel Noboa", "Marco Rubio", "Abbas Araghchi", "Sergei Lavrov"]


def write_input(path: Path, count: int) -> list[str]:
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            person, place = PEOPLE[i % len(PEOPLE)], PLACES[(i * 5) % len(PLACES)]
            text = (f"{person} arrived in {place} on Monday for talks number {i + 1}. "
                    f"Officials said the visit would focus on trade and security.")
            ids.append(f"batch-{i:03d}")
            handle.write(json.dumps({"id": ids[-1], "text": text, "published": "2025-03-0" + str(1 + i % 9)}) + "\n")
    return ids


def run_cli(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_batch_killed_midway_resumes_with_every_record_once(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    ids = write_input(source, 60)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsgraph.cli", "batch", str(source), "--out", str(out),
               "--workers", "1", "--shard-size", "2"]
    # its own process group, so the kill takes the Dask workers with it
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline:
            done = list((out / "records").glob("shard-*.jsonl")) if (out / "records").exists() else []
            if done or process.poll() is not None:
                break
            time.sleep(0.2)
        finished_before_kill = len(list((out / "records").glob("shard-*.jsonl")))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert finished_before_kill >= 1
    assert finished_before_kill < 30  # killed midway: some shards were left to do

    second = run_cli("batch", str(source), "--out", str(out), "--workers", "1", "--shard-size", "2")
    assert second.returncode == 0, second.stderr
    assert "done before" in second.stderr

    records = list(read_batch_records(out))
    seen = [r.article.id for r in records]
    assert sorted(seen) == sorted(ids)  # every article exactly once
    assert all(r.entities for r in records)
    assert not list((out / "records").glob("*.tmp"))

    db = tmp_path / "batch.db"
    loaded = run_cli("ingest", str(out), "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    assert sorted(Store(str(db), create=False).article_ids()) == sorted(ids)
    again = run_cli("ingest", str(out), "--db", str(db))
    assert "stored 0 new" in again.stderr


def test_batch_refuses_another_input_in_the_same_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_input(first, 2)
    write_input(second, 3)
    out = tmp_path / "out"
    assert run_cli("batch", str(first), "--out", str(out), "--workers", "1").returncode == 0
    refused = run_cli("batch", str(second), "--out", str(out), "--workers", "1")
    assert refused.returncode != 0
    assert "other inputs" in refused.stderr and "Traceback" not in refused.stderr


def test_a_failing_shard_is_retried_reported_and_does_not_stop_the_others(tmp_path: Path) -> None:
    from newsgraph.batch import INPUTS, plan_shards, run_batch

    source = tmp_path / "news.jsonl"
    ids = write_input(source, 6)
    out = tmp_path / "out"
    shards = plan_shards([source], out, 2, [])
    assert len(shards) == 3
    # damage the second shard's input after planning: its worker fails on every try
    (out / INPUTS / f"{shards[1]}.jsonl").write_text("{not json\n", encoding="utf-8")
    report = run_batch([source], out, workers=1, shard_size=2, retries=1)
    failed = {r.shard: r.error for r in report.results if r.error}
    assert list(failed) == [shards[1]] and "JSONDecodeError" in failed[shards[1]]
    done = sorted(r.article.id for r in read_batch_records(out))
    assert done == sorted(ids[:2] + ids[4:])  # the other shards finished
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest[shards[1]]["error"] and not manifest[shards[0]]["error"]
