"""Values made storable before anything is written, so both backends accept or refuse the same article.

PostgreSQL refuses a NUL character in text and a string longer than its column; SQLite takes both.
Left to the server, either aborts a PostgreSQL ingest with a DataError that names no file. Here a NUL
becomes U+FFFD (one character for one, so every offset into the text stays right) and an over-long
value refuses the article with a reason the caller reports against its file.

Rows are tuples in the column order of dbrows.COLUMNS; a JSON column holds its JSON text.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, String, Table

from newsgraph.dbrows import COLUMNS, COPIED, Row, Rows

REPLACEMENT = "\ufffd"
# json.dumps writes a NUL as this escape (its default ensure_ascii writes no raw control character)
JSON_NUL = "\\u0000"


class RecordRejected(ValueError):
    """An extraction the store will not hold; the message says which value and why."""


def storable_batch(batch: list[Rows]) -> list[Rows | RecordRejected]:
    """Each article's rows (per table) made storable, or the reason it is refused. The whole batch is
    looked at once, table by table, and is returned as it came in the usual case of nothing to change;
    only otherwise is each article taken in turn, every column of every table. The look at the batch
    skips the columns that copy another one (dbrows.COPIED): what would be wrong there is wrong in the
    column it copies, and the article is then taken in turn."""
    tables = batch[0].keys() if batch else ()
    if not any(_needs_care(table, list(chain.from_iterable(rows[table] for rows in batch)), skip_copies=True)
               for table in tables):
        return list(batch)
    out: list[Rows | RecordRejected] = []
    for rows in batch:
        try:
            out.append({table: storable_rows(table, table_rows) for table, table_rows in rows.items()})
        except RecordRejected as error:
            out.append(error)
    return out


def storable_rows(table: Table, rows: list[Row]) -> list[Row]:
    """The rows with NULs replaced; RecordRejected when a string is longer than its column."""
    if _holds_nul(table, rows):
        texts, documents, _ = _text_columns(table)
        rows = [tuple(_without_nul(value) if i in texts else _json_without_nul(value) if i in documents else value
                      for i, value in enumerate(row)) for row in rows]
    too_long = _too_long(table, rows)
    if too_long:
        name, limit, value = too_long
        raise RecordRejected(f"{table.name}.{name} is {len(value)} characters long, more than the "
                             f"{limit} the store keeps: {value[:40]!r}…")
    return rows


def _needs_care(table: Table, rows: list[Row], skip_copies: bool = False) -> bool:
    return bool(rows) and (_holds_nul(table, rows, skip_copies) or _too_long(table, rows, skip_copies) is not None)


def _holds_nul(table: Table, rows: list[Row], skip_copies: bool = False) -> bool:
    # Each text column's values joined in C (a loop over the values in Python cost the store a fifth of
    # its load rate). Text that spells backslash-u-0-0-0-0 in a JSON column only sends the rows through
    # the exact replacement, which changes nothing.
    if not rows:
        return False
    texts, documents, originals = _text_columns(table)
    texts = originals if skip_copies else texts
    if texts and "\x00" in "".join(filter(None, _values(rows, texts))):
        return True
    return bool(documents) and JSON_NUL in "".join(filter(None, _values(rows, documents)))


def _values(rows: list[Row], columns: tuple[int, ...]) -> Any:
    """The values of some columns of every row, column after column."""
    return chain.from_iterable(map(itemgetter(column), rows) for column in columns)


def _too_long(table: Table, rows: list[Row], skip_copies: bool = False) -> tuple[str, int, str] | None:
    """The first column, its limit and a value longer than it, if any."""
    copied = COPIED.get(table, frozenset()) if skip_copies else frozenset()
    for name, index, limit in _limits(table):
        if name in copied:
            continue
        if max(map(len, filter(None, map(itemgetter(index), rows))), default=0) > limit:
            return name, limit, next(value for value in map(itemgetter(index), rows) if value and len(value) > limit)
    return None


@cache
def _text_columns(table: Table) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The positions of the table's string columns in its rows, of its JSON columns, and of its string
    columns that copy no other (dbrows.COPIED)."""
    names = COLUMNS[table]
    texts = tuple(names.index(c.name) for c in table.columns if c.name in names and isinstance(c.type, String))
    copied = {names.index(name) for name in COPIED.get(table, ())}
    return (texts, tuple(names.index(c.name) for c in table.columns if c.name in names and isinstance(c.type, JSON)),
            tuple(i for i in texts if i not in copied))


@cache
def _limits(table: Table) -> tuple[tuple[str, int, int], ...]:
    names = COLUMNS[table]
    return tuple((c.name, names.index(c.name), c.type.length) for c in table.columns
                 if c.name in names and isinstance(c.type, String) and c.type.length)


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", REPLACEMENT)
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    return value


def _json_without_nul(value: str | None) -> str | None:
    """A JSON column's text with the NULs of its strings replaced (written as json.dumps writes it)."""
    if value is None or JSON_NUL not in value:
        return value
    return json.dumps(_without_nul(json.loads(value)))
