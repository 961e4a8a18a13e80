"""Database addresses: what `--db` or NEWSGRAPH_DB names, as the URL the engine opens and as it may be shown.

A URL can carry a password. It must never reach a terminal, a log, an error or a web page, so
`shown_url` is the one way newsgraph displays a database, and `redact` clears the password from any
text (a driver's error message) that might repeat it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, quote_plus

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DB = "newsgraph.db"
# SQLAlchemy reads a bare postgresql:// as psycopg2; newsgraph's [postgres] extra installs psycopg 3.
POSTGRES_DRIVER = "postgresql+psycopg"
MASK = "***"


def database_url(db: str | None = None) -> URL:
    """A path or a URL: --db, else NEWSGRAPH_DB, else ./newsgraph.db. A path is a SQLite file."""
    target = db or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    if "://" not in target:
        return URL.create("sqlite", database=str(Path(target).expanduser()))
    url = _parsed(target)
    if url.drivername in ("postgresql", "postgres"):  # postgres:// is the spelling many hosts hand out
        url = url.set(drivername=POSTGRES_DRIVER)
    return url


def shown_url(url: URL | str) -> str:
    """The database as it may be printed: a URL with its password replaced by ***, a path as it is."""
    if isinstance(url, str) and "://" not in url:
        return url
    try:
        return _parsed(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(a database URL that cannot be parsed)"  # never echo it: it may hold a password


def _parsed(url: URL | str) -> URL:
    try:
        return make_url(url)
    except ValueError:  # SQLAlchemy's own message may quote a piece of the password (as a port, say)
        raise ArgumentError("the database URL cannot be parsed (a special character in the password must be "
                            "percent-encoded)") from None


def redact(text: str, url: URL) -> str:
    """The text with the URL's password masked, however the driver quoted it."""
    password = url.password
    if not password:
        return text
    for form in sorted({password, quote(password, safe=""), quote_plus(password)}, key=len, reverse=True):
        text = text.replace(form, MASK)
    return text
