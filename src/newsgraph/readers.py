"""Readers: turn files (.txt with a sidecar .json, .html, .jsonl) and folders of them into Articles.

Every problem with an input becomes a ReaderError whose message names the file (and line), so the
command line can print one clear line and go on with the other inputs.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsgraph.limits import MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, too_long
from newsgraph.metadata import META_KEYS, MetadataError, Warn, check_meta, valid_meta
from newsgraph.record import Article
from newsgraph.textnorm import normalize_text

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MIN_WORDS_IN_A_LINE = 5
# the byte order marks a text file may start with, longest first (UTF-32's LE mark begins with UTF-16's)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
BINARY_SAMPLE = 8192
# control bytes other than layout (tab, line breaks, form feed) in the first 8 KiB: one in a hundred marks a
# binary file (images, archives, UTF-16 without a mark are full of them); a stray NUL in text is not one
BINARY_SHARE = 0.01
CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\v\f\r")
NON_REGULAR = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class ReaderError(Exception):
    """An input that cannot be read; the message is one line naming the file (and line)."""

    def __init__(self, where: str | Path, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = str(where)
        self.reason = reason


@dataclass
class Skipped:
    """An input a multi-file read passed over, with why."""

    path: str
    reason: str


def read_paths(paths: list[Path | str], overrides: dict[str, Any] | None = None,
               skipped: list[Skipped] | None = None, warn: Warn | None = None) -> Iterator[Article]:
    """Yield the articles of files and folders in order.

    With `skipped` given, a bad file (or a bad JSONL line) is recorded there and reading goes on;
    without it, the first problem raises ReaderError. `warn` hears of what is read but doubtful (a
    publication date in the future), as one line naming the file.
    """
    for path in map(Path, paths):
        if not os.path.lexists(path):
            _fail_or_skip(ReaderError(path, "no such file or folder"), skipped)
            continue
        files = sorted(_readable_files(path)) if path.is_dir() else [path]
        for file in files:
            try:
                yield from _read_file(file, overrides or {}, skipped, warn)
            except ReaderError as error:
                _fail_or_skip(error, skipped)


def _fail_or_skip(error: ReaderError, skipped: list[Skipped] | None) -> None:
    if skipped is None:
        raise error
    skipped.append(Skipped(error.where, error.reason))


def _readable_files(folder: Path) -> Iterator[Path]:
    # not only regular files: a pipe or a dangling link named like an article is reported, not ignored
    for file in folder.rglob("*"):
        if file.suffix.lower() in READABLE_SUFFIXES and not file.name.startswith(".") and not file.is_dir():
            yield file


def _read_file(path: Path, overrides: dict[str, Any], skipped: list[Skipped] | None,
               warn: Warn | None) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, skipped, warn)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, overrides, warn)
    else:
        # Any other file is read as plain text, so `extract notes.md` works too.
        yield read_text(path, overrides, warn)


def is_regular_file(path: Path) -> bool:
    """Whether the path is a regular file (after links): what may be opened and read to its end."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _regular_size(path: Path) -> int:
    """The size of a regular file; anything else is refused before it is opened.

    Opening a named pipe blocks until a writer comes, and /dev/zero never ends: neither is an article.
    """
    try:
        mode = path.stat()
    except OSError as error:
        reason = "no such file (a dangling link)" if path.is_symlink() else f"cannot read ({error.strerror or error})"
        raise ReaderError(path, reason) from None
    for test, kind in NON_REGULAR:
        if test(mode.st_mode):
            raise ReaderError(path, f"not a regular file ({kind})")
    if not stat.S_ISREG(mode.st_mode):
        raise ReaderError(path, "not a regular file")
    return mode.st_size


def _read_bytes(path: Path) -> bytes:
    size = _regular_size(path)
    if size > MAX_INPUT_BYTES:
        raise ReaderError(path, f"file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    try:
        with path.open("rb") as handle:
            # read one byte past the limit: a file that grows while read is still refused
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise ReaderError(path, f"cannot read ({error.strerror or error})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise ReaderError(path, f"file is larger than the limit of {MAX_INPUT_BYTES:,} bytes")
    return data


def _decode(path: Path) -> str:
    return decode_bytes(_read_bytes(path), path)


def decode_bytes(data: bytes, where: str | Path) -> str:
    """Text from bytes: a byte order mark chooses UTF-8, UTF-16 or UTF-32; otherwise UTF-8 is required."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise ReaderError(where, f"invalid {encoding.upper()[:6]} at byte {error.start + len(bom)}") from None
    if _looks_binary(data[:BINARY_SAMPLE]):
        raise ReaderError(where, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReaderError(where, f"invalid UTF-8 at byte {error.start}") from None


def _looks_binary(sample: bytes) -> bool:
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > 0 and controls >= BINARY_SHARE * len(sample)


def _clean_text(text: str, where: str | Path) -> str:
    """The text as stored (offsets index it, so this runs before any parse): see textnorm."""
    text = normalize_text(text)
    if len(text) > MAX_ARTICLE_CHARS:
        raise ReaderError(where, too_long(len(text), MAX_ARTICLE_CHARS))
    return text


def _check_meta(where: str | Path, meta: dict[str, Any], warn: Warn | None) -> dict[str, Any]:
    said = (lambda message: warn(f"{where}: {message}")) if warn is not None else None
    try:
        return check_meta(meta, said)
    except MetadataError as error:
        raise ReaderError(where, str(error)) from None


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata for NAME.txt from NAME.json beside it (missing sidecar: no metadata)."""
    sidecar = path.with_suffix(".json")
    if not os.path.lexists(sidecar):
        return {}
    try:
        meta = json.loads(_decode(sidecar))
    except json.JSONDecodeError as error:
        raise ReaderError(sidecar, f"malformed JSON at line {error.lineno}: {error.msg}") from None
    except RecursionError:
        raise ReaderError(sidecar, "malformed JSON (nested too deeply)") from None
    if not isinstance(meta, dict):
        raise ReaderError(sidecar, "metadata must be a JSON object")
    return {k: meta[k] for k in META_KEYS if meta.get(k) is not None}


def _article(text: str, meta: dict[str, Any], default_id: str, source: str) -> Article:
    return Article(
        id=meta.get("id") or default_id,
        text=text,
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        language=meta.get("language") or "en",
        source_path=source,
    )


def read_text(path: Path, overrides: dict[str, Any] | None = None, warn: Warn | None = None) -> Article:
    text = _clean_text(_decode(path), path)
    if not text.strip():
        raise ReaderError(path, "empty file")
    meta = read_sidecar(path)
    meta.update({k: v for k, v in (overrides or {}).items() if v is not None})
    meta = _check_meta(path, meta, warn)
    return _article(text, meta, path.stem, str(path))


def read_html(path: Path, overrides: dict[str, Any] | None = None, warn: Warn | None = None) -> Article:
    raw = _decode(path)
    if not raw.strip():
        raise ReaderError(path, "empty file")
    try:
        # imported here: only HTML input pays for it. An ImportError (a dependency of trafilatura
        # missing from the install) is this file's problem too: the other inputs go on
        import trafilatura

        document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises assorted parser errors on broken pages
        raise ReaderError(path, f"unreadable HTML ({type(error).__name__}: {_first_line(error)})") from None
    text = getattr(document, "text", None) if document is not None else None
    if not text or not any(len(line.split()) >= MIN_WORDS_IN_A_LINE for line in text.splitlines()):
        # a page of menus and links gives only short lines: no article there
        raise ReaderError(path, "unreadable HTML (no article text found)")
    guessed: dict[str, Any] = {
        "title": getattr(document, "title", None),
        "published": getattr(document, "date", None),
        "outlet": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
        "language": getattr(document, "language", None),
    }
    # what trafilatura guesses from the page is dropped when it does not pass; what the user gave must
    meta = valid_meta({k: v for k, v in guessed.items() if v})
    meta.update(read_sidecar(path))
    meta.update({k: v for k, v in (overrides or {}).items() if v is not None})
    meta = _check_meta(path, meta, warn)
    return _article(_clean_text(text, path), meta, path.stem, str(path))


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no details"


def read_jsonl(path: Path, skipped: list[Skipped] | None = None, warn: Warn | None = None) -> Iterator[Article]:
    """One article per line: {"id", "title", "published", "outlet", "url", "text"}. Streamed line
    by line, so a file of a million articles is never held in memory."""
    seen_any = False
    _regular_size(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ReaderError(path, f"cannot read ({error.strerror or error})") from None
    with handle:
        for number, raw in _lines(path, _utf8_lines(handle)):
            if raw is not None and not raw.strip():
                continue
            seen_any = True
            try:
                if raw is None:
                    raise ReaderError(f"{path}:{number}", f"line longer than the limit of {MAX_INPUT_BYTES:,} bytes")
                yield _jsonl_article(path, number, _decode_line(path, number, raw), warn)
            except ReaderError as error:
                _fail_or_skip(error, skipped)
    if not seen_any:
        raise ReaderError(path, "empty file")


class _Utf8Lines:
    """A UTF-16 or UTF-32 file read as UTF-8 lines, so that one line reader serves every encoding."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def readline(self, size: int) -> bytes:
        return self.text.readline(size).encode("utf-8")


def _utf8_lines(handle: io.BufferedReader) -> IO[bytes] | _Utf8Lines:
    """The handle itself for UTF-8; a re-encoding reader when a UTF-16 or UTF-32 byte order mark opens it."""
    first = handle.peek(4)[:4]
    for bom, encoding in BOMS:
        if first.startswith(bom) and encoding != "utf-8":
            # "utf-16" and "utf-32" read the mark themselves, and so know the byte order
            return _Utf8Lines(io.TextIOWrapper(handle, encoding=encoding[:6], newline=""))
    return handle


def _lines(path: Path, handle: IO[bytes] | _Utf8Lines) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, each read up to MAX_INPUT_BYTES; a longer line comes as None and is passed over
    in chunks, so one giant line never sits in memory."""
    number = 0
    while True:
        try:
            raw = handle.readline(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise ReaderError(path, f"cannot read ({error.strerror or error})") from None
        except UnicodeDecodeError as error:
            raise ReaderError(path, f"invalid {error.encoding.upper()} after line {number}") from None
        if not raw:
            return
        number += 1
        if len(raw) <= MAX_INPUT_BYTES:
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1024 * 1024)
        yield number, None


def _decode_line(path: Path, number: int, raw: bytes) -> str:
    where = f"{path}:{number}"
    if number == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if _looks_binary(raw[:BINARY_SAMPLE]):
        raise ReaderError(where, "binary data, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReaderError(where, f"invalid UTF-8 at byte {error.start}") from None


def _jsonl_article(path: Path, number: int, line: str, warn: Warn | None) -> Article:
    where = f"{path}:{number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ReaderError(where, f"malformed JSON ({error.msg})") from None
    except RecursionError:
        raise ReaderError(where, "malformed JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise ReaderError(where, "each line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise ReaderError(where, "missing or empty 'text'" if text is None else "'text' must be a string")
    text = _clean_text(text, where)
    if not text.strip():
        raise ReaderError(where, "missing or empty 'text'")
    meta = _check_meta(where, {k: data[k] for k in META_KEYS if data.get(k) is not None}, warn)
    return _article(text, meta, f"{path.stem}-{number}", where)
