"""The command line on hostile inputs: a missing HTML dependency, pipes and devices, unreadable files,
bad metadata, future dates, and stored text that tries to drive the terminal. Each ends as one line (or a
skip reported at the end), never a traceback, and what was stored before stays stored."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsgraph.record import Article

STORED = re.compile(r"stored (\d+) new article\(s\), (\d+) already stored")
# Sentences of a VOA story (public domain, Voice of America), one no evaluation set holds:
# https://www.voanews.com/a/cyclone-jude-batters-malawi-mozambique-no-deaths-reported/8009719.html
VOA_SENTENCES = [
    "Tropical Cyclone Jude slammed into parts of southern Africa this week, causing no deaths but leaving "
    "widespread damage, especially in Malawi and Mozambique.",
    "Officials in the two countries said thousands of people were homeless and some areas were without power.",
]
PAGE = ("<html><head><title>Cyclone Jude</title></head><body><article><p>" + VOA_SENTENCES[0] + "</p><p>"
        + VOA_SENTENCES[1] + "</p></article></body></html>")
TERMINAL_HAZARDS = ("\x1b", "\x07", "\x9b", "\x9d", "\x00")


def no_crash(result) -> None:  # noqa: ANN001 - click's Result
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("select article_id from articles"))


def four_good_articles(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-story.txt").write_text(" ".join(VOA_SENTENCES), encoding="utf-8")
    (folder / "b-page.html").write_text(PAGE, encoding="utf-8")
    (folder / "c-feed.jsonl").write_text("\n".join(json.dumps({"id": f"feed-{i}", "text": sentence})
                                                   for i, sentence in enumerate(VOA_SENTENCES)) + "\n")


# --- 1. HTML on an install without lxml_html_clean --------------------------------------------------


def test_html_failing_to_import_skips_that_file_only(tmp_path: Path) -> None:
    """A real run in a fresh interpreter where lxml_html_clean cannot be imported, as on an install that
    lacks it: the page is skipped with one line, the three other articles are stored."""
    folder = tmp_path / "inbox"
    four_good_articles(folder)
    db = tmp_path / "news.db"
    blocked = ("import sys; sys.modules['lxml_html_clean'] = None; "
               "from newsgraph.cli import main; sys.argv = ['newsgraph'] + sys.argv[1:]; main()")
    result = subprocess.run([sys.executable, "-c", blocked, "ingest", str(folder), "--db", str(db)],
                            capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "1000"})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert STORED.search(result.stderr).groups() == ("3", "0")
    assert re.search(rf"{re.escape(str(folder / 'b-page.html'))}: unreadable HTML \(ImportError", result.stderr)
    assert stored_ids(db) == ["a-story", "feed-0", "feed-1"]


def test_every_runtime_import_is_a_declared_dependency() -> None:
    """What src/ imports (and lxml_html_clean, which trafilatura needs) is declared in pyproject.toml: as a
    dependency, or in a run-time extra (`export`: followthemoney, imported only by the ftm export, whose
    absence CI's plain-install check sees as one line naming the extra)."""
    import ast
    import tomllib
    from importlib.metadata import packages_distributions

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    declared_specs = project["dependencies"] + project["optional-dependencies"]["export"]
    declared = {re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in declared_specs}
    imported: set[str] = set()
    for path in (root / "src" / "newsgraph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"newsgraph", "__future__"}
    distributions = packages_distributions()
    missing = {module for module in third_party
               if not {d.lower().replace("_", "-") for d in distributions.get(module, [module])} & declared}
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
    assert "lxml-html-clean" in declared


# --- 4. pipes, devices, unreadable files ------------------------------------------------------------


def test_ingest_skips_a_pipe_and_a_device_and_stores_the_rest(cli_run, tmp_path: Path, deadline) -> None:
    folder = tmp_path / "inbox"
    four_good_articles(folder)
    os.mkfifo(folder / "d-pipe.jsonl")  # counted and read by ingest: opening it would block for ever
    with deadline(300):
        result = cli_run("ingest", folder, "/dev/zero", "--db", tmp_path / "news.db")
    no_crash(result)
    assert result.exit_code == 1
    assert STORED.search(result.stderr).groups() == ("4", "0")
    assert f"{folder / 'd-pipe.jsonl'}: not a regular file (a named pipe)" in result.stderr
    assert "/dev/zero: not a regular file (a character device)" in result.stderr


def test_extract_of_dev_zero_is_one_line(cli_run) -> None:
    result = cli_run("extract", "/dev/zero")
    no_crash(result)
    assert result.exit_code == 2
    assert result.stderr.strip() == "newsgraph: error: /dev/zero: not a regular file (a character device)"


def test_a_file_the_command_line_thinks_unreadable_does_not_abort_the_ingest(
        cli_run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer's own readability check (os.access) used to stop the whole ingest with a usage box; the
    readers judge each input instead. os.access is made to deny one file, as it does for chmod 000."""
    folder = tmp_path / "inbox"
    four_good_articles(folder)
    denied = folder / "a-story.txt"
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != denied and real_access(path, mode, **kw))
    result = cli_run("ingest", denied, folder / "c-feed.jsonl", "--db", tmp_path / "news.db")
    no_crash(result)
    assert "Invalid value" not in result.output and "╭" not in result.output


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_in_an_ingest_is_skipped_and_reported(cli_run, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    four_good_articles(folder)
    locked = folder / "a-story.txt"
    locked.chmod(0)
    result = cli_run("ingest", locked, folder / "c-feed.jsonl", "--db", tmp_path / "news.db")
    no_crash(result)
    assert result.exit_code == 1
    assert f"{locked}: cannot read (Permission denied)" in result.stderr
    assert STORED.search(result.stderr).groups() == ("2", "0")


# --- 2 and 3. bad metadata and text, with earlier articles untouched ---------------------------------


def test_bad_lines_are_skipped_and_earlier_articles_stay(cli_run, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    earlier = tmp_path / "earlier.txt"
    earlier.write_text("Dockers in Antwerp voted on Monday to accept the pay offer.", encoding="utf-8")
    assert cli_run("ingest", earlier, "--db", db).exit_code == 0
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "good", "text": VOA_SENTENCES[0]}),
        json.dumps({"id": "url-number", "url": 42, "text": VOA_SENTENCES[1]}),
        json.dumps({"id": "url-list", "url": ["https://example.org"], "text": VOA_SENTENCES[1]}),
        json.dumps({"id": "title-object", "title": {"en": "Headline"}, "text": VOA_SENTENCES[1]}),
        json.dumps({"id": "bad-date", "published": "2024-13-45", "text": VOA_SENTENCES[1]}),
        '{"id": "surrogate", "text": "Officials met \\ud800 in Baghdad on Friday to discuss the strike."}',
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli_run("ingest", feed, "--db", db)
    no_crash(result)
    assert result.exit_code == 1
    assert STORED.search(result.stderr).groups() == ("2", "0")
    assert "skipped 4 input(s)" in result.stderr
    for number, field in [(2, "'url' must be a string"), (3, "'url' must be a string"),
                          (4, "'title' must be a string"), (5, "'published' is not a calendar date")]:
        assert f"{feed}:{number}: {field}" in result.stderr
    assert stored_ids(db) == ["earlier", "good", "surrogate"]


def test_a_future_date_is_stored_with_one_warning(cli_run, tmp_path: Path) -> None:
    path = tmp_path / "ahead.txt"
    path.write_text(VOA_SENTENCES[0], encoding="utf-8")
    ahead = (date.today() + timedelta(days=60)).isoformat()
    result = cli_run("extract", path, "--json", "--published", ahead)
    no_crash(result)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"] == ahead
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert warnings == [f"newsgraph: warning: {path}: 'published' {ahead} is in the future; kept as given"]


def test_impossible_date_on_the_command_line_is_one_line(cli_run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(VOA_SENTENCES[0], encoding="utf-8")
    result = cli_run("extract", path, "--published", "2024-13-45")
    no_crash(result)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"newsgraph: error: {path}: 'published' is not a calendar date: '2024-13-45'"


# --- 7. what reaches the terminal ------------------------------------------------------------------


def test_markup_in_a_title_prints_literally(cli_run, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(VOA_SENTENCES[1], encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"title": "[bold]Strike[/bold] \x1b]0;owned\x07 [red]x"}))
    result = cli_run("extract", path)
    no_crash(result)
    assert result.exit_code == 0, result.output
    assert "[bold]Strike[/bold]" in result.stdout and "[red]x" in result.stdout
    assert not any(hazard in result.output for hazard in TERMINAL_HAZARDS)


def test_stored_text_with_escape_sequences_is_printed_harmless(cli_run, extractor, tmp_path: Path) -> None:
    """A record stored before the readers normalised text (or written by another tool) still holds
    control characters: every command prints it without them, and Rich markup in it stays text."""
    from newsgraph.store import Store

    text = ("Iraqi Prime Minister Mohammed Shia al-Sudani said \x1b]0;owned\x07 the strike killed "
            "Abdallah Makki Muslih al-Rufay'i. \"We will keep [bold]fighting[/bold] \x9b2J terror,\" Sudani said.")
    record = extractor.extract(Article(id="hostile\x1b[31m", title="\x1b[2J[bold]Title", text=text,
                                       published="2025-03-14"))
    db = tmp_path / "news.db"
    Store(str(db)).add(record)
    for args in (["actors"], ["actor", "Sudani"], ["quotes"], ["claims"], ["events"], ["ties", "Iraq"],
                 ["actor", "Sudani", "--json"], ["quotes", "--json"]):
        result = cli_run(*args, "--db", db)
        no_crash(result)
        assert not any(hazard in result.output for hazard in TERMINAL_HAZARDS), (args, result.output)
    profile = cli_run("actor", "Sudani", "--db", db)
    assert "We will keep [bold]fighting[/bold] \ufffd2J terror" in profile.stdout
    as_json = json.loads(cli_run("quotes", "--json", "--db", db).stdout)
    assert any("\x9b" in row["content_text"] for row in as_json)  # escaped in the JSON text, intact in the data


def test_ingest_warns_of_a_future_date_and_stores_the_article(cli_run, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    ahead = (date.today() + timedelta(days=30)).isoformat()
    feed.write_text(json.dumps({"id": "ahead", "published": ahead, "text": VOA_SENTENCES[0]}) + "\n")
    result = cli_run("ingest", feed, "--db", tmp_path / "news.db")
    no_crash(result)
    assert result.exit_code == 0
    assert f"newsgraph: warning: {feed}:1: 'published' {ahead} is in the future; kept as given" in result.stderr
    assert stored_ids(tmp_path / "news.db") == ["ahead"]
