"""Readers: turn files (.txt with a sidecar .json, .html, .jsonl) and folders of them into Articles.

Every problem with an input becomes a ReaderError whose message names the file (and line), so the
command line can print one clear line and go on with the other inputs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.record import Article

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
META_KEYS = ("id", "title", "published", "outlet", "url", "language")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_WORDS_IN_A_LINE = 5


class ReaderError(Exception):
    """An input that cannot be read; the message is one line naming the file."""


@dataclass
class Skipped:
    """An input a multi-file read passed over, with why."""

    path: str
    reason: str


def read_paths(paths: list[Path | str], overrides: dict[str, Any] | None = None,
               skipped: list[Skipped] | None = None) -> Iterator[Article]:
    """Yield the articles of files and folders in order.

    With `skipped` given, a bad file (or a bad JSONL line) is recorded there and reading goes on;
    without it, the first problem raises ReaderError.
    """
    for path in map(Path, paths):
        if not path.exists():
            _fail_or_skip(ReaderError(f"{path}: no such file or folder"), skipped)
            continue
        files = sorted(_readable_files(path)) if path.is_dir() else [path]
        for file in files:
            try:
                yield from _read_file(file, overrides or {}, skipped)
            except ReaderError as error:
                _fail_or_skip(error, skipped)


def _fail_or_skip(error: ReaderError, skipped: list[Skipped] | None) -> None:
    if skipped is None:
        raise error
    path, _, reason = str(error).partition(": ")
    skipped.append(Skipped(path, reason))


def _readable_files(folder: Path) -> Iterator[Path]:
    for file in folder.rglob("*"):
        if file.is_file() and file.suffix.lower() in READABLE_SUFFIXES and not file.name.startswith("."):
            yield file


def _read_file(path: Path, overrides: dict[str, Any], skipped: list[Skipped] | None) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, skipped)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, overrides)
    else:
        # Any other file is read as plain text, so `extract notes.md` works too.
        yield read_text(path, overrides)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"{path}: cannot read ({error.strerror or error})") from None
    if b"\x00" in data[:8192]:
        raise ReaderError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReaderError(f"{path}: invalid UTF-8 at byte {error.start}") from None
    return text


def _clean_text(text: str) -> str:
    # Offsets index the text as stored, so only line endings are normalised.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_meta(path: Path, meta: dict[str, Any], where: str = "") -> dict[str, Any]:
    published = meta.get("published")
    if published is not None:
        published = str(published)[:10]
        if not ISO_DATE.match(published):
            raise ReaderError(f"{path}{where}: 'published' must be an ISO date (YYYY-MM-DD), got {published!r}")
        meta["published"] = published
    return meta


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata for NAME.txt from NAME.json beside it (missing sidecar: no metadata)."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(_decode(sidecar))
    except json.JSONDecodeError as error:
        raise ReaderError(f"{sidecar}: malformed JSON at line {error.lineno}: {error.msg}") from None
    if not isinstance(meta, dict):
        raise ReaderError(f"{sidecar}: metadata must be a JSON object")
    return {k: meta[k] for k in META_KEYS if meta.get(k) is not None}


def read_text(path: Path, overrides: dict[str, Any] | None = None) -> Article:
    text = _clean_text(_decode(path))
    if not text.strip():
        raise ReaderError(f"{path}: empty file")
    meta = read_sidecar(path)
    meta.update({k: v for k, v in (overrides or {}).items() if v is not None})
    meta = _check_meta(path, meta)
    return Article(
        id=str(meta.get("id") or path.stem),
        text=text,
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        language=meta.get("language", "en"),
        source_path=str(path),
    )


def read_html(path: Path, overrides: dict[str, Any] | None = None) -> Article:
    import trafilatura  # imported here: only HTML input pays for it

    raw = _decode(path)
    if not raw.strip():
        raise ReaderError(f"{path}: empty file")
    try:
        document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises assorted parser errors on broken pages
        raise ReaderError(f"{path}: unreadable HTML ({type(error).__name__})") from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not any(len(line.split()) >= MIN_WORDS_IN_A_LINE for line in text.splitlines()):
        # a page of menus and links gives only short lines: no article there
        raise ReaderError(f"{path}: unreadable HTML (no article text found)")
    meta: dict[str, Any] = {
        "title": getattr(document, "title", None),
        "published": getattr(document, "date", None),
        "outlet": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
        "language": getattr(document, "language", None),
    }
    meta = {k: v for k, v in meta.items() if v}
    meta.update(read_sidecar(path))
    meta.update({k: v for k, v in (overrides or {}).items() if v is not None})
    meta = _check_meta(path, meta)
    return Article(
        id=str(meta.get("id") or path.stem),
        text=_clean_text(text),
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        language=meta.get("language") or "en",
        source_path=str(path),
    )


def read_jsonl(path: Path, skipped: list[Skipped] | None = None) -> Iterator[Article]:
    """One article per line: {"id", "title", "published", "outlet", "url", "text"}. Streamed line
    by line, so a file of a million articles is never held in memory."""
    seen_any = False
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ReaderError(f"{path}: cannot read ({error.strerror or error})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            seen_any = True
            try:
                yield _jsonl_article(path, number, _decode_line(path, number, raw))
            except ReaderError as error:
                _fail_or_skip(error, skipped)
    if not seen_any:
        raise ReaderError(f"{path}: empty file")


def _decode_line(path: Path, number: int, raw: bytes) -> str:
    if b"\x00" in raw:
        raise ReaderError(f"{path}:{number}: binary data, not text")
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise ReaderError(f"{path}:{number}: invalid UTF-8 at byte {error.start}") from None


def _jsonl_article(path: Path, number: int, line: str) -> Article:
    where = f":{number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ReaderError(f"{path}{where}: malformed JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise ReaderError(f"{path}{where}: each line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReaderError(f"{path}{where}: missing or empty 'text'")
    meta = _check_meta(path, {k: data[k] for k in META_KEYS if data.get(k) is not None}, where)
    return Article(
        id=str(meta.get("id") or f"{path.stem}-{number}"),
        text=_clean_text(text),
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        language=meta.get("language", "en"),
        source_path=f"{path}:{number}",
    )
