"""`ingest --workers 2` extracts in two processes and stores what one process stores, in the input order."""

from __future__ import annotations

import json
import subprocess
import sys
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


def test_with_workers_the_commands_own_process_does_not_import_spacy(tmp_path: Path) -> None:
    # only the workers need the model: spaCy imported here too would be paid before they start (issue 14)
    source = tmp_path / "news.jsonl"
    write_input(source, 6)
    script = ("import sys\nfrom typer.testing import CliRunner\nfrom newsgraph.cli import app\n"
              f"result = CliRunner().invoke(app, ['ingest', {str(source)!r}, '--db', {str(tmp_path / 'n.db')!r}, "
              "'--workers', '2', '--batch-size', '2'])\n"
              "assert result.exit_code == 0, result.output\n"
              "print(sorted(name for name in sys.modules if name.split('.')[0] in {'spacy', 'thinc'}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
