"""The command line through typer's CliRunner, with the session's Extractor standing in for a fresh one.
Commands that store or query run on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.cli import app
from store_backends import column

RECORD_KEYS = {"article", "sentences", "entities", "events", "quotes", "relations", "claims"}
STORED = re.compile(r"stored (\d+) new article\(s\), (\d+) already stored")

BORDER_TEXT = (
    "Marisol Quintanilla, an analyst at a research group in Bogota, said Venezuelan officials had rejected "
    "the plan. Quintanilla warned that Tehran's backing of armed groups worried Colombia."
)
PORT_PAGE = """<html><head><title>Ports reopen after storm</title>
<meta property="article:published_time" content="2024-03-05"></head><body>
<nav><a href="/">Home</a></nav>
<article><p>Dock workers in Valparaiso returned to work on Tuesday after a storm closed the Chilean port
for three days, the harbour authority said.</p>
<p>Shipping agents expect the backlog of vessels waiting offshore to clear by the end of the week.</p>
</article>
</body></html>
"""
FEED_LINES = [
    {"id": "feed-1", "published": "2024-05-02", "title": "Strike ends",
     "text": "Port workers in Rotterdam ended a two-day strike on Thursday, the Dutch union said."},
    {"id": "feed-2",
     "text": "Colombian President Gustavo Petro said on Friday that the border would stay open."},
]

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(extractor, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the CLI in-process; the console is made wide so paths are never wrapped mid-word."""
    monkeypatch.setattr(cli, "_extractor", lambda model=None: extractor)
    runner = CliRunner()

    def run(*args: str | Path, columns: int = 1000) -> Result:
        return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns), "NO_COLOR": "1"})

    return run


@pytest.fixture
def corpus(tmp_path: Path, article_file) -> Path:
    folder = tmp_path / "corpus"
    article_file("border", BORDER_TEXT, folder=folder, id="border-1", title="Plan rejected",
                 published="2024-09-02")
    (folder / "port.html").write_text(PORT_PAGE, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in FEED_LINES) + "\n",
                                       encoding="utf-8")
    return folder


CORPUS_IDS = ["border-1", "port", "feed-1", "feed-2"]


def no_crash(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def stored_ids(db: str) -> list[str]:
    return sorted(column(db, "select article_id from articles"))


# --- extract --------------------------------------------------------------------------------------


def test_extract_json_prints_one_record_per_article(invoke: Invoke, corpus: Path) -> None:
    result = invoke("extract", corpus, "--json")
    no_crash(result)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["article"]["id"] for r in records] == CORPUS_IDS
    for record in records:
        assert set(record) >= RECORD_KEYS
        text = record["article"]["text"]
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert text[mention["start"]:mention["end"]] == mention["text"]
    border = records[0]
    assert border["article"]["published"] == "2024-09-02"
    assert "venezuela" in {e["id"] for e in border["entities"]}
    assert {"Marisol Quintanilla", "Quintanilla"} <= {m["text"] for e in border["entities"]
                                                      for m in e["mentions"]}


def test_extract_single_file_with_overrides(invoke: Invoke, article_file) -> None:
    path = article_file("note", BORDER_TEXT)
    result = invoke("extract", path, "--json", "--id", "override-id", "--published", "2024-10-01T08:00")
    no_crash(result)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["id"] == "override-id"
    assert record["article"]["published"] == "2024-10-01"


def test_extract_summary_lists_entities(invoke: Invoke, article_file) -> None:
    result = invoke("extract", article_file("note", BORDER_TEXT))
    no_crash(result)
    assert result.exit_code == 0
    assert "Marisol Quintanilla" in result.stdout
    assert "Venezuela" in result.stdout


def _bad_input(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """A bad input and the name the error must give (file, or file:line)."""
    if kind == "missing":
        return tmp_path / "absent.txt", str(tmp_path / "absent.txt")
    paths = {"empty": "empty.txt", "binary": "scan.txt", "utf8": "latin1.txt", "jsonl": "feed.jsonl",
             "html": "blank.html"}
    path = tmp_path / paths[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00\xff\xff\xff")
    elif kind == "utf8":
        path.write_bytes("Ministers met in S\xe3o Paulo on Monday.".encode("latin-1"))
    elif kind == "jsonl":
        path.write_text(json.dumps(FEED_LINES[0]) + "\n{\"id\": \"broken\", \"text\": \n", encoding="utf-8")
        return path, f"{path}:2"
    elif kind == "html":
        path.write_text("<html><head><title>Blank</title></head><body><script>var x = 1;</script>"
                        "<div></div></body></html>", encoding="utf-8")
    return path, str(path)


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "utf8", "jsonl", "html"])
def test_extract_bad_input_fails_cleanly(invoke: Invoke, tmp_path: Path, kind: str) -> None:
    path, name = _bad_input(tmp_path, kind)
    result = invoke("extract", path, "--json")
    no_crash(result)
    assert result.exit_code != 0
    assert name in result.stderr
    if kind == "jsonl":  # the good line is still extracted
        assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["feed-1"]
    else:
        assert result.stdout == ""


# --- ingest ---------------------------------------------------------------------------------------


def test_ingest_twice_stores_each_article_once(invoke: Invoke, corpus: Path, database: str) -> None:
    db = database
    first = invoke("ingest", corpus, "--db", db)
    no_crash(first)
    assert first.exit_code == 0, first.output
    assert STORED.search(first.stderr).groups() == ("4", "0")
    second = invoke("ingest", corpus, "--db", db)
    no_crash(second)
    assert second.exit_code == 0, second.output
    assert STORED.search(second.stderr).groups() == ("0", "4")
    assert stored_ids(db) == sorted(CORPUS_IDS)


def test_ingest_with_a_bad_file_stores_the_rest(invoke: Invoke, tmp_path: Path, article_file,
                                                database: str) -> None:
    db = database
    earlier = article_file("earlier", "Dockers in Antwerp voted on Monday to accept the pay offer.",
                           folder=tmp_path / "first")
    assert invoke("ingest", earlier, "--db", db).exit_code == 0

    folder = tmp_path / "batch"
    article_file("a-border", BORDER_TEXT, folder=folder)
    bad = folder / "b-scan.txt"
    bad.write_bytes(b"\x00\x00\x00binary")
    (folder / "c-wire.jsonl").write_text(json.dumps(FEED_LINES[1]) + "\n", encoding="utf-8")
    result = invoke("ingest", folder, tmp_path / "gone.txt", "--db", db)
    no_crash(result)
    assert result.exit_code == 1
    assert STORED.search(result.stderr).groups() == ("2", "0")
    assert "skipped 2 input(s)" in result.stderr
    assert str(bad) in result.stderr and "binary" in result.stderr
    assert str(tmp_path / "gone.txt") in result.stderr
    assert stored_ids(db) == sorted(["earlier", "a-border", "feed-2"])


# --- queries --------------------------------------------------------------------------------------


@pytest.fixture
def filled_db(invoke: Invoke, corpus: Path, database: str) -> str:
    assert invoke("ingest", corpus, "--db", database).exit_code == 0
    return database


def test_actors_lists_the_actors(invoke: Invoke, filled_db: str) -> None:
    result = invoke("actors", "--db", filled_db)
    no_crash(result)
    assert result.exit_code == 0
    assert "Marisol Quintanilla" in result.stdout
    assert "Venezuela" in result.stdout
    assert "Bogota" not in result.stdout  # a place, not an actor
    rows = json.loads(invoke("actors", "--db", filled_db, "--json").stdout)
    by_name = {row["name"]: row for row in rows}
    assert by_name["Marisol Quintanilla"]["mentions"] == 2
    assert by_name["Colombia"]["articles"] == 2  # "Colombia" in one article, "Colombian" in another
    people = json.loads(invoke("actors", "--db", filled_db, "--json", "--type", "person").stdout)
    assert people and {row["type"] for row in people} == {"person"}


def test_actor_shows_its_sentences(invoke: Invoke, filled_db: str) -> None:
    result = invoke("actor", "quintanilla", "--db", filled_db)
    no_crash(result)
    assert result.exit_code == 0, result.output
    assert "Marisol Quintanilla" in result.stdout
    assert "2 mention(s)" in result.stdout
    assert "Quintanilla warned that Tehran's backing of armed groups worried Colombia." in result.stdout
    profile = json.loads(invoke("actor", "Tehran", "--db", filled_db, "--json").stdout)
    assert profile["id"] == "iran"
    assert all(m["text"] in m["sentence_text"] for m in profile["mentions"])


def test_actor_unknown_name_fails(invoke: Invoke, filled_db: str) -> None:
    result = invoke("actor", "Atlantis", "--db", filled_db)
    no_crash(result)
    assert result.exit_code == 1
    assert "Atlantis" in result.stderr


def test_actors_on_missing_db_fails_with_one_line(invoke: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = invoke("actors", "--db", db)
    no_crash(result)
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert str(db) in lines[0]
    assert not db.exists()


def test_error_is_one_line_in_a_narrow_console(invoke: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "a-folder-with-a-rather-long-name-for-its-databases" / "missing.db"
    result = invoke("actors", "--db", db, columns=80)
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert str(db) in lines[0]


# --- knowledge base -------------------------------------------------------------------------------


def test_kb_search(invoke: Invoke) -> None:
    found = invoke("kb", "search", "sao tome")
    no_crash(found)
    assert found.exit_code == 0
    assert "São Tomé and Príncipe" in found.stdout
    nothing = invoke("kb", "search", "no actor is called this")
    no_crash(nothing)
    assert nothing.exit_code == 1
    assert "no actor is called this" in nothing.stderr


def test_kb_validate(invoke: Invoke) -> None:
    valid = invoke("kb", "validate")
    no_crash(valid)
    assert valid.exit_code == 0, valid.output
    assert "196 country" in valid.stdout
    assert "knowledge base is valid" in valid.stdout


# --- eval -----------------------------------------------------------------------------------------


@pytest.fixture
def seed_gold(shared_dir: Path) -> Path:
    folder = shared_dir / "gold" / "seed"
    if not (folder / "gold.yaml").exists():
        pytest.skip(f"{folder} has no gold.yaml")
    return folder


def test_eval_prints_a_table(invoke: Invoke, seed_gold: Path) -> None:
    result = invoke("eval", seed_gold)
    no_crash(result)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "entities" in line)
    assert re.search(r"\d\.\d{3}", row)


def test_eval_json_scores(invoke: Invoke, seed_gold: Path) -> None:
    result = invoke("eval", seed_gold, "--json")
    no_crash(result)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    entities = scores["total"]["entities"]
    assert isinstance(entities["f1"], int | float) and not isinstance(entities["f1"], bool)
    assert 0 <= entities["f1"] <= 1
    assert entities["tp"] + entities["fn"] > 0  # the gold has entities to find
    assert len(scores["articles"]) == 1


def test_eval_without_gold_fails_cleanly(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("eval", tmp_path)
    no_crash(result)
    assert result.exit_code != 0
    assert "no gold folders" in result.stderr


# --- what the store cannot hold, and the database's password ----------------------------------------


def test_ingest_reports_an_unstorable_article_and_stores_the_rest(invoke: Invoke, tmp_path: Path,
                                                                  database: str) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "x" * 400, "text": "Dockers in Antwerp voted on Monday to accept the pay offer."},
             {"id": "nul-1", "title": "Border\u0000 stays open", "text": FEED_LINES[1]["text"] + "\u0000"},
             FEED_LINES[0]]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = invoke("ingest", feed, "--db", database)
    no_crash(result)
    assert result.exit_code == 1, result.output
    assert STORED.search(result.stderr).groups() == ("2", "0")
    assert "skipped 1 input(s)" in result.stderr
    # the reader refuses the over-long id before the store sees it (the store's own check: test_store.py)
    [line] = [line for line in result.stderr.splitlines() if f"{feed}:1:" in line]
    assert "400 characters long" in line
    assert stored_ids(database) == ["feed-1", "nul-1"]
    # the reader drops NUL from text and titles (the store's U+FFFD stand-in is its second guard)
    assert column(database, "select title from articles where article_id = 'nul-1'") == ["Border stays open"]


SECRET = "s3cret-Pa55"


def test_the_database_password_is_never_shown(invoke: Invoke, corpus: Path, postgres_server) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    db = postgres_server.create_database(password=SECRET)
    assert SECRET in db
    results = [invoke("ingest", corpus, "--db", db), invoke("actors", "--db", db),
               invoke("actor", "Atlantis", "--db", db), invoke("actors", "--db", db.replace("@/test_", "@/absent_"))]
    for result in results:
        no_crash(result)
        assert SECRET not in result.output
    ingest, actors, unknown, absent = results
    assert ingest.exit_code == 0 and "postgresql+psycopg://newsgraph:***@/" in ingest.stderr
    assert actors.exit_code == 0 and "newsgraph:***@" in actors.stdout
    assert unknown.exit_code == 1 and "newsgraph:***@" in unknown.stderr
    assert absent.exit_code == 2
    assert "cannot open database postgresql+psycopg://newsgraph:***@/" in absent.stderr
    assert "does not exist" in absent.stderr
    with TestClient(create_app(db)) as client:
        for url in ("/", "/api/actors", "/openapi.json", "/no-such-page"):
            assert SECRET not in client.get(url).text


def test_a_missing_driver_is_one_line_without_the_password(invoke: Invoke) -> None:
    result = invoke("actors", "--db", f"mysql://ann:{SECRET}@localhost/news")
    no_crash(result)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["newsgraph: error: cannot open database mysql://ann:***@localhost/news: "
                     "no module named 'MySQLdb'"]
