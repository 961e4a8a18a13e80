"""Two real `newsgraph ingest` processes at once into one fresh database, on SQLite and on PostgreSQL:
on the same input (both race to store the same articles) and on different inputs (both race to create
the schema and to store shared actors). Both must exit 0 and every article be stored exactly once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from store_backends import scalar
from test_resume import make_articles

TIMEOUT = 240
SUMMARY = re.compile(r"stored (\d+) new article\(s\), (\d+) already stored")


def split_in_two(folder: Path, ids: list[str]) -> tuple[Path, Path]:
    """Move every other article (with its sidecar) into a second folder."""
    other = folder.parent / f"{folder.name}-b"
    other.mkdir()
    for article_id in ids[1::2]:
        for suffix in (".txt", ".json"):
            shutil.move(folder / f"{article_id}{suffix}", other / f"{article_id}{suffix}")
    return folder, other


@pytest.mark.parametrize("inputs", ["same", "different"])
def test_two_ingests_at_once_store_every_article_once(database: str, tmp_path: Path, article_file,
                                                      inputs: str) -> None:
    folder = tmp_path / "articles"
    ids = make_articles(article_file, folder, 8)
    first, second = (folder, folder) if inputs == "same" else split_in_two(folder, ids)
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    # batch size 1: each process commits article by article, so their writes interleave
    processes = [subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(path), "--db", database,
                                   "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=env) for path in (first, second)]
    try:
        outputs = [process.communicate(timeout=TIMEOUT)[1] for process in processes]
    finally:
        for process in processes:
            process.kill()
    for process, stderr in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
    counts = [tuple(int(n) for n in SUMMARY.search(stderr).groups()) for stderr in outputs]
    assert sum(stored for stored, _ in counts) == len(ids), counts
    if inputs == "same":  # what one process did not store, it found stored by the other
        assert [stored + already for stored, already in counts] == [len(ids), len(ids)]

    assert scalar(database, "select count(*) from articles") == len(ids)
    assert scalar(database, "select count(distinct article_id) from articles") == len(ids)
    assert scalar(database, "select count(*) from (select id from entities group by id having count(*) > 1) d") == 0
    assert scalar(database, "select count(*) from mentions where article not in (select id from articles)") == 0
    assert scalar(database, "select count(*) from articles a where not exists "
                            "(select 1 from sentences s where s.article = a.id)") == 0
