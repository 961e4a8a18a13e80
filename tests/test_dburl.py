"""Database addresses: a path is a SQLite file, postgresql:// is driven by psycopg 3, and a password
never survives into anything shown."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsgraph.dburl import database_url, redact, shown_url


def test_a_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url(str(tmp_path / "news.db")).render_as_string() == f"sqlite:///{tmp_path / 'news.db'}"
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    assert database_url(None).database == str(tmp_path / "env.db")
    monkeypatch.delenv("NEWSGRAPH_DB")
    assert database_url(None).database == "newsgraph.db"


@pytest.mark.parametrize(("given", "driver"), [
    ("postgresql://ann@db.example/news", "postgresql+psycopg"),
    ("postgres://ann@db.example/news", "postgresql+psycopg"),
    ("postgresql+psycopg://ann@db.example/news", "postgresql+psycopg"),
    ("postgresql+psycopg2://ann@db.example/news", "postgresql+psycopg2"),  # a driver asked for is kept
    ("sqlite:////var/news.db", "sqlite"),
])
def test_postgresql_urls_use_psycopg_3(given: str, driver: str) -> None:
    url = database_url(given)
    assert url.drivername == driver
    assert (url.host, url.database) == (make_url(given).host, make_url(given).database)


@pytest.mark.parametrize("password", ["s3cret", "p@ss:w/rd x%"])
def test_a_shown_url_has_no_password(password: str) -> None:
    url = database_url(f"postgresql://ann:{quote(password, safe='')}@db.example:5433/news?sslmode=require")
    assert url.password == password
    shown = shown_url(url)
    assert shown == "postgresql+psycopg://ann:***@db.example:5433/news?sslmode=require"
    assert shown_url(url.render_as_string(hide_password=False)) == shown
    assert shown_url("/var/lib/news.db") == "/var/lib/news.db"


@pytest.mark.parametrize("broken", ["postgresql://ann@db.example:s3cret/news", "postgresql://ann:s3cret@[::1/news",
                                    "not a url://s3cret"])
def test_an_unparseable_url_is_never_echoed(broken: str) -> None:
    assert "s3cret" not in shown_url(broken)
    with pytest.raises(ArgumentError) as raised:
        database_url(broken)
    assert "s3cret" not in str(raised.value)


def test_redact_masks_the_password_as_written_and_as_encoded() -> None:
    url = database_url("postgresql://ann:p%40ss%20word@db.example/news")
    assert url.password == "p@ss word"
    message = 'password "p@ss word" (p%40ss%20word, p%40ss+word) refused for ann'
    assert redact(message, url) == 'password "***" (***, ***) refused for ann'
    assert redact("no password here", database_url("/tmp/news.db")) == "no password here"
