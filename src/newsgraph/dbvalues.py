"""Values made storable before anything is written, so both backends accept or refuse the same article.

PostgreSQL refuses a NUL character in text and a string longer than its column; SQLite takes both.
Left to the server, either aborts a PostgreSQL ingest with a DataError that names no file. Here a NUL
becomes U+FFFD (one character for one, so every offset into the text stays right) and an over-long
value refuses the article with a reason the caller reports against its file.
"""

from __future__ import annotations

from functools import cache
from operator import methodcaller
from typing import Any

from sqlalchemy import JSON, String, Table

REPLACEMENT = "\ufffd"
TableRows = dict[Table, list[dict[str, Any]]]  # one article's rows, per table


class RecordRejected(ValueError):
    """An extraction the store will not hold; the message says which value and why."""


def storable_batch(batch: list[TableRows]) -> list[TableRows | RecordRejected]:
    """Each article's rows (per table) made storable, or the reason it is refused. The whole batch is
    looked at once, table by table, and is returned as it came in the usual case of nothing to change;
    only otherwise is each article taken in turn."""
    tables = batch[0].keys() if batch else ()
    if not any(_needs_care(table, [row for rows in batch for row in rows[table]]) for table in tables):
        return list(batch)
    out: list[TableRows | RecordRejected] = []
    for rows in batch:
        try:
            out.append({table: storable_rows(table, table_rows) for table, table_rows in rows.items()})
        except RecordRejected as error:
            out.append(error)
    return out


def storable_rows(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with NULs replaced; RecordRejected when a string is longer than its column."""
    if _holds_nul(table, rows):
        rows = [{name: _without_nul(value) for name, value in row.items()} for row in rows]
    too_long = _too_long(table, rows)
    if too_long:
        name, limit, value = too_long
        raise RecordRejected(f"{table.name}.{name} is {len(value)} characters long, more than the "
                             f"{limit} the store keeps: {value[:40]!r}…")
    return rows


def _needs_care(table: Table, rows: list[dict[str, Any]]) -> bool:
    return _holds_nul(table, rows) or _too_long(table, rows) is not None


def _holds_nul(table: Table, rows: list[dict[str, Any]]) -> bool:
    # Each text column's values joined in C (a loop over the values in Python cost the store a fifth of
    # its load rate): a NUL shows in it as itself, or in a JSON column as \x00 in its repr. Text that
    # spells backslash-x-0-0 only sends the rows through the exact replacement, which changes nothing.
    texts, documents = _text_columns(table)
    flat = "".join("".join(filter(None, map(methodcaller("get", name), rows))) for name in texts)
    return "\x00" in flat or any("\\x00" in repr([row.get(name) for row in rows]) for name in documents)


def _too_long(table: Table, rows: list[dict[str, Any]]) -> tuple[str, int, str] | None:
    """The first column, its limit and a value longer than it, if any."""
    for name, limit in _limits(table):
        values = [value for value in map(methodcaller("get", name), rows) if value is not None]
        if values and max(map(len, values)) > limit:
            return name, limit, next(value for value in values if len(value) > limit)
    return None


@cache
def _text_columns(table: Table) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The table's string columns, and its JSON columns."""
    return (tuple(c.name for c in table.columns if isinstance(c.type, String)),
            tuple(c.name for c in table.columns if isinstance(c.type, JSON)))


@cache
def _limits(table: Table) -> tuple[tuple[str, int], ...]:
    return tuple((c.name, c.type.length) for c in table.columns if isinstance(c.type, String) and c.type.length)


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", REPLACEMENT)
    if isinstance(value, dict):  # a JSON column
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    return value
