"""Shared fixtures: one spaCy Extractor per session, the knowledge base, the ../shared folder, article files on
disk, and the databases the store runs on (SQLite, and a throwaway PostgreSQL server for the session)."""

from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from postgres_server import PostgresServer, start_server
from store_backends import BACKENDS, fresh_database

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"

WriteArticle = Callable[..., Path]


@pytest.fixture(scope="session")
def extractor():
    """The spaCy pipeline and the knowledge base, loaded once for the whole run."""
    from newsgraph.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def kb():
    """The knowledge base as shipped (a test module may extend a copy of its own)."""
    from newsgraph.kb.loader import load_kb

    return load_kb()


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository (gold articles, specs); tests that need it skip without it."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent")
    return SHARED_DIR


def write_article(folder: Path, name: str, text: str, **meta: Any) -> Path:
    """Write NAME.txt with the text and, when metadata is given, the sidecar NAME.json."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if meta:
        (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


@pytest.fixture
def article_file(tmp_path: Path) -> WriteArticle:
    """write(name, text, folder=tmp_path, **sidecar metadata) -> path of the .txt file."""

    def write(name: str, text: str, folder: Path | None = None, **meta: Any) -> Path:
        return write_article(folder or tmp_path, name, text, **meta)

    return write


@pytest.fixture(scope="module")
def news(extractor, tmp_path_factory):  # noqa: ANN201 - web_fixtures.NewsDb
    """The web tests' five articles, extracted and stored in a SQLite file of this module's own."""
    from web_fixtures import build_news_db

    return build_news_db(extractor, tmp_path_factory.mktemp("news"))


@pytest.fixture(scope="module")
def news_server(news, tmp_path_factory) -> Iterator[str]:
    """`newsgraph serve` over `news` on a free port of 127.0.0.1; its base URL."""
    from web_fixtures import running_server

    with running_server(news.path, tmp_path_factory.mktemp("server") / "serve.log") as base:
        yield base


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL cluster started for this session and deleted after it (skips without the server)."""
    yield from start_server()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database, once on SQLite (a path) and once on PostgreSQL (a postgresql:// URL)."""
    return fresh_database(request, request.param, tmp_path)


@pytest.fixture
def cli_run(extractor, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """Run the command line in-process with the session's Extractor: cli_run("extract", path, "--json")."""
    from typer.testing import CliRunner

    from newsgraph import cli

    monkeypatch.setattr(cli, "_extractor", lambda model=None: extractor)
    runner = CliRunner()

    def run(*args: object) -> Any:
        return runner.invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "1000", "NO_COLOR": "1"})

    return run


@pytest.fixture
def deadline() -> Callable[[int], Any]:
    """with deadline(20): ... fails with TimeoutError instead of hanging (a reader that opens a named pipe
    blocks until a writer comes)."""

    @contextmanager
    def limit(seconds: int) -> Iterator[None]:
        def expire(signum: int, frame: object) -> None:
            raise TimeoutError(f"still running after {seconds} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return limit
