"""Engines that several processes can share: the schema created once however many ingests start at the
same moment, SQLite waiting for a lock instead of failing at once, and writes that ignore a row another
process has just stored and retry when the database reports a transient conflict.

SQLite and PostgreSQL are the two backends this is written and tested for; on any other dialect the
statements fall back to plain SQL without the concurrency guarantees.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Connection,
    Engine,
    MetaData,
    Table,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

T = TypeVar("T")

SQLITE_BUSY_SECONDS = 30  # how long a SQLite writer waits for another one before "database is locked"
# Any fixed number works: every newsgraph process asks for the same advisory lock around schema creation.
SCHEMA_LOCK_KEY = 7_349_021_856
# PostgreSQL error codes worth a retry of the whole transaction: deadlock, serialization failure,
# lock not available.
RETRY_SQLSTATES = {"40P01", "40001", "55P03"}
RETRY_ATTEMPTS = 8
# the drivers' parameter marks: the bulk path writes its statements for these two backends
PARAMETER_MARKS = {"sqlite": "?", "postgresql": "%s"}


def open_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    # The driver's timeout is SQLite's busy timeout: a second process waits for the write lock.
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (the web face) never block an ingest, nor an ingest them; foreign keys: SQLite
    # leaves them off by default.
    _write_ahead_log(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _write_ahead_log(cursor: Any) -> None:
    """Switch the database to WAL. The switch needs the file to itself for a moment, and SQLite answers
    "database is locked" at once, without waiting out the busy timeout, while another connection is in
    the middle of something: two processes opening a fresh database meet this. The mode is kept in the
    file, so trying again until one of them has switched it is enough."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(random.uniform(0.01, 0.05))


def ensure_schema(engine: Engine, metadata: MetaData, attempts: int = 3) -> None:
    """Create the missing tables and indexes, safely when other processes try the same at once."""
    for attempt in range(attempts):
        if _has_tables(engine, metadata):  # the usual case, and it takes no lock
            return
        try:
            with engine.begin() as conn:
                _lock_for_schema(conn)
                metadata.create_all(conn, checkfirst=True)
            return
        except DBAPIError:
            # Lost a race to a creator that does not take the lock (another tool, an older newsgraph):
            # look again; what it created is not created twice.
            if attempt == attempts - 1 and not _has_tables(engine, metadata):
                raise


def _has_tables(engine: Engine, metadata: MetaData) -> bool:
    return set(metadata.tables) <= set(inspect(engine).get_table_names())


def _lock_for_schema(conn: Connection) -> None:
    """Serialise schema creation: the second process waits here, then finds every table made."""
    if conn.dialect.name == "sqlite":
        # Python's sqlite3 runs DDL outside a transaction unless one is opened: this one takes the
        # write lock before the tables are checked, so the check and the creation are one step.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(SCHEMA_LOCK_KEY)))


def _dialect_insert(conn: Connection, table: Table) -> Any:
    """The backend's INSERT that can say what to do ON CONFLICT; None on another dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        return None
    return dialect_insert(table)


def insert_new(conn: Connection, table: Table, key: list[str]) -> Any:
    """An INSERT that skips a row whose key is already stored (perhaps a moment ago, by another process)
    instead of failing the transaction with an IntegrityError."""
    statement = _dialect_insert(conn, table)
    return insert(table) if statement is None else statement.on_conflict_do_nothing(index_elements=key)


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows, a row whose primary key is stored (perhaps a moment ago, by another process) replacing
    the stored one's other columns."""
    if not rows:
        return
    statement = _dialect_insert(conn, table)
    if statement is None:
        conn.execute(insert(table), rows)
        return
    key = [c.name for c in table.primary_key.columns]
    others = {name: statement.excluded[name] for name in rows[0] if name not in key}
    conn.execute(statement.on_conflict_do_update(index_elements=key, set_=others), rows)


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]], upsert_counts: bool = False) -> None:
    """insert_tuples for rows as dicts of one shape (the rarer writes: recounts, stories)."""
    if not rows:
        return
    columns = tuple(rows[0])
    json_columns = _json_columns(table) & set(columns)
    if json_columns:
        rows = [{**row, **{name: None if row[name] is None else json.dumps(row[name]) for name in json_columns}}
                for row in rows]
    values = list(map(itemgetter(*columns), rows)) if len(columns) > 1 else [(row[columns[0]],) for row in rows]
    insert_tuples(conn, table, columns, values, "add" if upsert_counts else None)


def insert_tuples(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                  conflict: str | None = None, offset: int = 0) -> None:
    """Insert many rows of one shape (tuples in the order of `columns`; a JSON column as its JSON text) with
    the driver's own executemany, in the caller's transaction: the store's bulk path. SQLAlchemy's
    statement layer would cost more per row than the database's insert itself (issue 14).

    conflict "skip": a row whose primary key is stored (perhaps a moment ago, by another process) is left
    out instead of failing the transaction. conflict "add": a row whose primary key is stored adds its
    other columns to the stored ones (the summary tables; both backends spell it alike and run it
    atomically, so two writers counting the same actor both count). offset: added by the database to
    each row's first value (the store's article places become keys so, without a new tuple per row).
    Another dialect goes through SQLAlchemy, without "add"."""
    if not rows:
        return
    if conn.dialect.name not in PARAMETER_MARKS:
        if conflict == "add":
            raise NotImplementedError(f"summary counts need SQLite or PostgreSQL, not {conn.dialect.name}")
        if offset:
            rows = [(row[0] + offset, *row[1:]) for row in rows]
        statement = insert(table) if conflict is None else insert_new(conn, table, [c.name for c in table.primary_key])
        conn.execute(statement, [_mapping(table, columns, row) for row in rows])
        return
    conn.exec_driver_sql(_insert_statement(conn.dialect.name, table, columns, conflict, int(offset)), rows)


def insert_returning(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                     key: str, returning: str, chunk: int = 500) -> list[tuple[Any, Any]]:
    """Insert the rows whose `key` (a unique column) is not stored yet, skipping the others, stored
    perhaps a moment ago by another process; (key, returning column) of each row this call stored, in
    no set order. One statement per `chunk` rows on SQLite (3.35 and later, for RETURNING) and
    PostgreSQL, its rows given their keys in the order they come; a statement per row elsewhere."""
    stored: list[tuple[Any, Any]] = []
    if conn.dialect.name == "postgresql" or (conn.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 35)):
        mark = PARAMETER_MARKS[conn.dialect.name]
        row_marks = f'({", ".join([mark] * len(columns))})'
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            statement = (f'INSERT INTO "{table.name}" ({", ".join(map(quoted, columns))}) '
                         f'VALUES {", ".join([row_marks] * len(part))} '
                         f'ON CONFLICT ({quoted(key)}) DO NOTHING RETURNING {quoted(key)}, {quoted(returning)}')
            stored.extend(map(tuple, conn.exec_driver_sql(statement, tuple(chain.from_iterable(part)))))
        return stored
    position = columns.index(key)
    statement = insert_new(conn, table, [key]).returning(table.c[returning])
    for row in rows:
        made = conn.execute(statement, _mapping(table, columns, row)).scalar()
        if made is not None:
            stored.append((row[position], made))
    return stored


def update_rows(conn: Connection, table: Table, key: str, columns: tuple[str, ...],
                rows: list[tuple[Any, ...]]) -> None:
    """Set some columns of many rows, each tuple the new values of `columns` then the row's `key`, with the
    driver's own executemany (as insert_tuples)."""
    if not rows:
        return
    if conn.dialect.name not in PARAMETER_MARKS:
        conn.execute(update(table).where(table.c[key] == bindparam("_key")).values(
            {name: bindparam(name) for name in columns}),
            [{**dict(zip(columns, row[:-1], strict=True)), "_key": row[-1]} for row in rows])
        return
    mark = PARAMETER_MARKS[conn.dialect.name]
    conn.exec_driver_sql(f'UPDATE "{table.name}" SET {", ".join(f"{quoted(n)} = {mark}" for n in columns)} '
                         f"WHERE {quoted(key)} = {mark}", rows)


def _insert_statement(dialect: str, table: Table, columns: tuple[str, ...], conflict: str | None, offset: int) -> str:
    marks = [PARAMETER_MARKS[dialect]] * len(columns)
    if offset:
        marks[0] = f"{marks[0]} + {offset}"
    statement = f'INSERT INTO "{table.name}" ({", ".join(map(quoted, columns))}) VALUES ({", ".join(marks)})'
    if conflict is None:
        return statement
    key = [c.name for c in table.primary_key.columns]
    if conflict == "skip":
        return f'{statement} ON CONFLICT ({", ".join(map(quoted, key))}) DO NOTHING'
    counts = [f'{quoted(n)} = "{table.name}".{quoted(n)} + excluded.{quoted(n)}' for n in columns if n not in key]
    return f'{statement} ON CONFLICT ({", ".join(map(quoted, key))}) DO UPDATE SET {", ".join(counts)}'


def _mapping(table: Table, columns: tuple[str, ...], row: tuple[Any, ...]) -> dict[str, Any]:
    """A row as SQLAlchemy's statements take it: by name, a JSON column as the value its text holds."""
    mapping = dict(zip(columns, row, strict=True))
    for name in _json_columns(table) & mapping.keys():
        if mapping[name] is not None:
            mapping[name] = json.loads(mapping[name])
    return mapping


def driver_rows(conn: Connection, statement: str, parameters: list[Any]) -> list[tuple[Any, ...]]:
    """The rows (plain tuples, as the driver makes them) of a query written with `?` marks, run by the
    driver itself: for the store's reads of many rows at ingest, which SQLAlchemy's result layer (and
    its compiler, for a statement whose shape changes with each batch) would cost more than the query."""
    mark = PARAMETER_MARKS.get(conn.dialect.name)
    if mark is None:  # SQLAlchemy's named parameters, :p0, :p1...
        parts = statement.split("?")
        named = "".join(f"{part}:p{n}" for n, part in enumerate(parts[:-1])) + parts[-1]
        return [tuple(row) for row in conn.execute(text(named), {f"p{n}": value for n, value in enumerate(parameters)})]
    result = conn.exec_driver_sql(statement.replace("?", mark), tuple(parameters))
    try:
        return result.cursor.fetchall()  # the driver's tuples: SQLAlchemy's Row objects cost more to read
    finally:
        result.close()


def quoted(name: str) -> str:
    return f'"{name}"'  # "end", "class" and "count" are SQL words


@cache
def _json_columns(table: Table) -> frozenset[str]:
    return frozenset(c.name for c in table.columns if isinstance(c.type, JSON))


def is_transient(error: DBAPIError) -> bool:
    """A conflict with another writer that a fresh attempt of the same transaction can get past."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    message = str(error.orig).lower()
    return "database is locked" in message or "database table is locked" in message


def retrying(action: Callable[[], T], attempts: int = RETRY_ATTEMPTS) -> T:
    """Run a transaction, again after a short random pause while it fails on a transient conflict."""
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError as error:
            if attempt == attempts - 1 or not is_transient(error):
                raise
            time.sleep(random.uniform(0.05, 0.2) * 2 ** min(attempt, 4))  # jitter: the two writers part ways
    raise AssertionError("unreachable")
