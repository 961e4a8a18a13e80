"""A real ingest process killed mid-way resumes without losing or doubling an article."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

TIMEOUT = 120
FIRST_NAMES = ["Marisol", "Tomas", "Wanjiru", "Rodrigo", "Ingrid", "Kwame", "Leila", "Dmitri", "Aiko",
               "Farid"]
SURNAMES = ["Quintanilla", "Brenner", "Odhiambo", "Valdivieso", "Halvorsen", "Mensah", "Haddad", "Orlov",
            "Tanaka", "Rahimi"]
PLACES = ["Bogota", "Nairobi", "Lima", "Oslo", "Accra", "Beirut", "Tbilisi", "Osaka", "Quito", "Tunis"]
TEMPLATES = [
    "{first} {last}, an analyst in {place}, said on Monday that {n} people had been detained near the "
    "border. {last} added that talks with Venezuelan officials would resume within {m} days.",
    "Dock workers in {place} stopped work for {n} hours, union leader {first} {last} told reporters. "
    "{last} said the strike could last {m} more days unless wages rose.",
    "Iranian officials denied sending {n} drones to the region, according to {first} {last}, a researcher "
    "in {place}. The claim could not be verified, {last} said, citing {m} satellite images.",
    "Colombian troops found {n} kilograms of explosives near {place}, said regional governor {first} {last}. "
    "{last} said {m} suspects were arrested.",
]


def make_articles(write_article, folder: Path, count: int) -> list[str]:
    ids = []
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)].format(
            first=FIRST_NAMES[i % len(FIRST_NAMES)], last=SURNAMES[(i * 3) % len(SURNAMES)],
            place=PLACES[(i * 7) % len(PLACES)], n=12 + i * 5, m=2 + i % 9)
        article_id = f"resume-{i:02d}"
        write_article(article_id, text, folder=folder, id=article_id, published=f"2024-07-{1 + i % 28:02d}")
        ids.append(article_id)
    return ids


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not created yet, or the writer holds a lock
        return 0


def ingest_command(folder: Path, db: Path) -> list[str]:
    # batch size 1: each article is parsed and committed on its own, so a kill lands between commits
    return [sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--db", str(db),
            "--batch-size", "1"]


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, article_file) -> None:
    folder, db = tmp_path / "articles", tmp_path / "news.db"
    ids = make_articles(article_file, folder, 30)
    assert len({p.read_text() for p in folder.glob("*.txt")}) == len(ids)  # all different content
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}

    with (tmp_path / "first.log").open("wb") as log:
        process = subprocess.Popen(ingest_command(folder, db), stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + TIMEOUT
            while count_articles(db) < 1:
                assert process.poll() is None, (tmp_path / "first.log").read_text()
                assert time.monotonic() < deadline, "no article stored in time"
                time.sleep(0.02)
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    before = count_articles(db)
    print(f"{before} article(s) stored when the first ingest was killed")
    assert 1 <= before < len(ids), f"the kill came too late to test a resume ({before} stored)"

    second = subprocess.run(ingest_command(folder, db), capture_output=True, text=True, env=env,
                            timeout=TIMEOUT)
    assert second.returncode == 0, second.stderr
    summary = re.search(r"stored (\d+) new article\(s\), (\d+) already stored", second.stderr)
    assert summary is not None, second.stderr
    assert (int(summary[1]), int(summary[2])) == (len(ids) - before, before)

    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("select article_id, count(*) from articles group by article_id").fetchall())
        hashes = conn.execute("select count(distinct content_hash) from articles").fetchone()[0]
        orphans = conn.execute("select count(*) from mentions where article not in "
                               "(select id from articles)").fetchone()[0]
    assert rows == dict.fromkeys(ids, 1)
    assert hashes == len(ids)
    assert orphans == 0
