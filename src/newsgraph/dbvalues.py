"""Values made storable before anything is written, so both backends accept or refuse the same article.

PostgreSQL refuses a NUL character in text and a string longer than its column; SQLite takes both.
Left to the server, either aborts a PostgreSQL ingest with a DataError that names no file. Here a NUL
becomes U+FFFD (one character for one, so every offset into the text stays right) and an over-long
value refuses the article with a reason the caller reports against its file.
"""

from __future__ import annotations

from functools import cache
from itertools import chain
from operator import methodcaller
from typing import Any

from sqlalchemy import String, Table

REPLACEMENT = "\ufffd"


class RecordRejected(ValueError):
    """An extraction the store will not hold; the message says which value and why."""


def storable_rows(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with NULs replaced; RecordRejected when a string is longer than its column."""
    # Every value of every row as one string, joined in C (a loop over the values in Python cost the
    # store half its load rate): a NUL shows in it as itself, or as \x00 in a JSON column's repr. Text
    # that spells backslash-x-0-0 only sends the rows through the exact replacement, which changes nothing.
    flat = "".join(map(str, chain.from_iterable(map(dict.values, rows))))
    if "\x00" in flat or "\\x00" in flat:
        rows = [{name: _without_nul(value) for name, value in row.items()} for row in rows]
    for name, limit in _limits(table):
        values = [value for value in map(methodcaller("get", name), rows) if value is not None]
        if values and max(map(len, values)) > limit:
            value = next(value for value in values if len(value) > limit)
            raise RecordRejected(f"{table.name}.{name} is {len(value)} characters long, more than the "
                                 f"{limit} the store keeps: {value[:40]!r}…")
    return rows


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
