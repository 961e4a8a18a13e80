"""Article metadata checked field by field: the right type, a sane value, normalised text.

A sidecar, a JSONL line or a command-line option can carry anything JSON can: a number for a URL, an
object for a title, "2024-13-45" for a date. Unchecked, such a value fails far from its source (in the
content hash, in the database driver); checked here, it fails as one line that names the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from newsgraph.textnorm import normalize_line

META_KEYS = ("id", "title", "published", "outlet", "url", "language")
# generous bounds: a value longer than this is a file mix-up (an article in the title field), not metadata
MAX_LENGTH = {"id": 200, "title": 1000, "outlet": 200, "url": 2048, "language": 35, "published": 64}
DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")  # BCP 47 shape: en, en-US, zh-Hant-TW
# an article dated a day ahead is a time zone, not the future
FUTURE_GRACE = timedelta(days=1)


class MetadataError(ValueError):
    """A metadata value that cannot be used; the message names the field and what is wrong."""


Warn = Callable[[str], None]


def check_meta(meta: dict[str, Any], warn: Warn | None = None, today: date | None = None) -> dict[str, Any]:
    """The known fields of `meta`, each checked and normalised; None and empty strings are dropped.

    Raises MetadataError for the first bad field. A publication date in the future is kept (an embargoed
    story, a clock set wrong) but said through `warn`.
    """
    checked: dict[str, Any] = {}
    for key in META_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        value = _string(key, value)
        if not value:
            continue
        if len(value) > MAX_LENGTH[key]:
            raise MetadataError(f"'{key}' is {len(value):,} characters long; at most {MAX_LENGTH[key]:,} are allowed")
        checked[key] = CHECKS.get(key, _plain)(value, warn, today)
    return checked


def valid_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The fields of `meta` that pass check_meta, the others left out: for metadata guessed from a page."""
    kept: dict[str, Any] = {}
    for key, value in meta.items():
        try:
            kept.update(check_meta({key: value}))
        except MetadataError:
            continue
    return kept


def _string(key: str, value: Any) -> str:
    # an integer id is how many feeds number their articles; anything else must already be text
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise MetadataError(f"'{key}' must be a string, got {_json_type(value)}")
    return normalize_line(value)


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), type(value).__name__)


def _plain(value: str, warn: Warn | None, today: date | None) -> str:
    return value


def _published(value: str, warn: Warn | None, today: date | None) -> str:
    match = DATE_PREFIX.match(value)
    if match is None:
        raise MetadataError(f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}")
    try:
        day = date(*map(int, match.groups()))
    except ValueError:
        raise MetadataError(f"'published' is not a calendar date: {value!r}") from None
    today = today or datetime.now(UTC).date()
    if warn is not None and day > today + FUTURE_GRACE:
        warn(f"'published' {day.isoformat()} is in the future; kept as given")
    return day.isoformat()


def _url(value: str, warn: Warn | None, today: date | None) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1": a bracket that opens an IPv6 address and never closes
        parts = urlsplit("")
    if not parts.scheme or not parts.netloc or any(char.isspace() for char in value):
        raise MetadataError(f"'url' must be an absolute URL such as https://example.org/story, got {value!r}")
    return value


def _language(value: str, warn: Warn | None, today: date | None) -> str:
    if not LANGUAGE_TAG.match(value):
        raise MetadataError(f"'language' must be a language code such as 'en' or 'en-US', got {value!r}")
    return value


CHECKS: dict[str, Callable[[str, Warn | None, date | None], str]] = {
    "published": _published, "url": _url, "language": _language,
}
