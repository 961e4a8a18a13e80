"""`ingest --workers 2` extracts in two processes and stores what one process stores, in the input order."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.store import Store
from test_batch import write_input


def stored(db: Path) -> list[tuple]:
    store = Store(str(db), create=False)
    try:
        return [(row["article_id"], len(row["mentions"]), len(row["events"]), len(row["quotes"]), len(row["claims"]))
                for row in (store.article(key) for key in range(1, store.count_articles() + 1))]
    finally:
        store.close()


def test_two_workers_store_what_one_stores_in_the_input_order(cli_run, tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    ids = write_input(source, 24)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert cli_run("ingest", source, "--db", one, "--workers", "1", "--batch-size", "4").exit_code == 0
    result = cli_run("ingest", source, "--db", two, "--workers", "2", "--batch-size", "4")
    assert result.exit_code == 0, result.output
    assert "stored 24 new article(s)" in result.output
    assert [row[0] for row in stored(two)] == ids  # keys given in the input order
    assert stored(two) == stored(one)
    again = cli_run("ingest", source, "--db", two, "--workers", "2", "--batch-size", "4")
    assert "stored 0 new article(s), 24 already stored" in again.output


def test_a_worker_that_cannot_load_the_model_fails_in_one_line(cli_run, tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": f"Text {n}."}) + "\n" for n in range(6)),
                      encoding="utf-8")
    result = cli_run("ingest", source, "--db", tmp_path / "x.db", "--workers", "2", "--batch-size", "2",
                     "--model", "no_such_model_xyz")
    assert result.exit_code != 0
    assert "Traceback" not in result.output and "no_such_model_xyz" in result.output
