"""A small news database for the web tests: five short articles written for these tests, extracted
with the session extractor and stored in a temporary SQLite file or in the database given. One article
is hostile: its title, text and a quote carry markup and script, and its URL is a javascript: one, none
of which may run in the web face."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsgraph.record import Article
from newsgraph.store import Store

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '"><img src=x onerror="window.__pwned=2">'
SCRIPT_URL = " \x01JavaScript:window.__pwned=3"  # what a browser would run if it were a link
SOURCE_URL = "https://www.example.com/news/sanctions-1.html"


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    published: str
    text: str
    url: str | None = None


STORIES = [
    Story("sanctions-1", "Washington widens sanctions on Caracas", "2024-03-04",
          "The United States imposed new sanctions on Venezuela on Monday, the Treasury said. "
          "Nicolás Maduro accused Washington of economic warfare. "
          '"We will not bow to threats," Maduro told supporters in Caracas.', SOURCE_URL),
    Story("energy-2", "Tehran and Caracas sign an energy pact", "2024-05-10",
          "Iran and Venezuela signed an energy cooperation agreement in Tehran on Friday. "
          "Venezuelan President Nicolás Maduro praised Iran as a loyal partner, according to Reuters. "
          "The United States criticized the deal."),
    Story("border-3", "Strikes along the Lebanese border", "2024-07-22",
          "Israel attacked Hezbollah positions in southern Lebanon on Sunday. "
          "Hezbollah threatened to retaliate against Israel, "
          "and a Hezbollah spokesman vowed to retaliate against Israel. "
          "Iran condemned the strikes, Reuters reported."),
    Story("envoy-4", "Envoys meet in Oman", "2024-09-15",
          "The United States met Iranian officials in Oman to discuss prisoners. "
          "Iran said the talks might continue next month."),
    Story("hostile-5", f"Leaked memo <b>bold</b> {SCRIPT}", "2024-11-02",
          f"Venezuela rejected a memo that carried the string {SCRIPT} in its header. "
          f'Nicolás Maduro said: "This <b>bold</b> forgery {IMG} is a lie." '
          "Reuters said the memo may have come from abroad.", SCRIPT_URL),
]
HOSTILE = "hostile-5"
MADURO = "nicolas-maduro"


@dataclass
class NewsDb:
    db: str  # a SQLite path or a database URL, as --db takes it
    keys: dict[str, int]  # article id -> article key in the store
    records: dict[str, Any]  # article id -> Extraction

    @property
    def path(self) -> Path:
        """The SQLite file (for tests that run on SQLite only)."""
        return Path(self.db)

    @property
    def hostile_key(self) -> int:
        return self.keys[HOSTILE]

    def published(self, article_id: str) -> str:
        return next(s.published for s in STORIES if s.id == article_id)


def build_news_db(extractor: Any, folder: Path, db: str | None = None) -> NewsDb:
    db = db or str(folder / "news.db")
    store = Store(db)
    keys: dict[str, int] = {}
    records: dict[str, Any] = {}
    try:
        for story in STORIES:
            record = extractor.extract(Article(id=story.id, title=story.title, published=story.published,
                                               text=story.text, outlet="Test Wire", url=story.url))
            records[story.id] = record
            keys[story.id] = store.add(record).article_key
    finally:
        store.close()
    return NewsDb(db, keys, records)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(db: Path, log_path: Path) -> Iterator[str]:
    """`newsgraph serve` over the database in a child process, on a free port of 127.0.0.1; yields its
    base URL once it answers, and stops it on the way out."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + 30
            while True:
                if process.poll() is not None:
                    pytest.fail(f"the server exited with {process.returncode}: {log_path.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base}/api/actors?limit=1", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"the server did not answer within 30 s: {log_path.read_text()}")
                time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
