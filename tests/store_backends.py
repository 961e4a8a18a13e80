"""The databases the store-facing tests run on: a SQLite file, and a database on the session's
throwaway PostgreSQL server (tests/postgres_server.py). Tests ask for `database` (one fresh database per
test, on each backend in turn) and check what was stored with `scalar` and `column`, which speak SQL to
either backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from newsgraph.dburl import database_url

BACKENDS = ["sqlite", "postgresql"]


def fresh_database(request: pytest.FixtureRequest, backend: str, folder: Path) -> str:
    """An empty database on the backend, named as a user would pass it to --db: a path or a URL."""
    if backend == "sqlite":
        return str(folder / "news.db")
    return request.getfixturevalue("postgres_server").create_database()


def _select(db: str, sql: str) -> list[Any]:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql)))
    finally:
        engine.dispose()


def scalar(db: str, sql: str) -> Any:
    """The single value a query returns."""
    [[value]] = _select(db, sql)
    return value


def rows(db: str, sql: str) -> list[tuple[Any, ...]]:
    """Every row a query returns, as tuples."""
    return [tuple(row) for row in _select(db, sql)]


def column(db: str, sql: str) -> list[Any]:
    """The first column of every row a query returns."""
    return [row[0] for row in _select(db, sql)]
