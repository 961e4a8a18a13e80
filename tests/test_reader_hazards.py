"""Readers against hostile or odd inputs: metadata of the wrong type or value, text that needs
normalising (surrogates, NUL, controls, BOMs, UTF-16, NFD), and files that are not regular files."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsgraph.limits import MAX_ARTICLE_CHARS
from newsgraph.metadata import MetadataError, check_meta
from newsgraph.readers import ReaderError, Skipped, read_jsonl, read_paths, read_text
from newsgraph.textnorm import normalize_text

# Opening sentences of a VOA story (public domain, Voice of America), one no evaluation set holds:
# https://www.voanews.com/a/cyclone-jude-batters-malawi-mozambique-no-deaths-reported/8009719.html
VOA_TEXT = ("Tropical Cyclone Jude slammed into parts of southern Africa this week, causing no deaths but leaving "
            "widespread damage, especially in Malawi and Mozambique. Officials in the two countries said thousands "
            "of people were homeless and some areas were without power.")


def feed(tmp_path: Path, *lines: dict | str) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
                    encoding="utf-8")
    return path


# --- metadata: type and value of every field ------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("url", 12345, "'url' must be a string, got a number"),
    ("url", ["https://example.org/a"], "'url' must be a string, got a list"),
    ("url", "not a url", "'url' must be an absolute URL"),
    ("url", "http://[::1/story", "'url' must be an absolute URL"),
    ("title", {"text": "Headline"}, "'title' must be a string, got an object"),
    ("title", True, "'title' must be a string, got a boolean"),
    ("outlet", 3.5, "'outlet' must be a string, got a number"),
    ("id", ["a"], "'id' must be a string, got a list"),
    ("language", 7, "'language' must be a string"),
    ("language", "english please", "'language' must be a language code"),
    ("published", "2024-13-45", "not a calendar date"),
    ("published", "2023-02-29", "not a calendar date"),
    ("published", 20240305, "'published' must be a string"),
    ("published", "0000-01-01", "not a calendar date"),
    ("title", "x" * 5000, "'title' is 5,000 characters long"),
])
def test_bad_metadata_in_a_jsonl_line_is_one_line_naming_the_field(tmp_path: Path, field: str, value: object,
                                                                    reason: str) -> None:
    path = feed(tmp_path, {"id": "good", "text": VOA_TEXT}, {"id": "bad", field: value, "text": VOA_TEXT}
                if field != "id" else {field: value, "text": VOA_TEXT})
    with pytest.raises(ReaderError) as caught:
        list(read_jsonl(path))
    message = str(caught.value)
    assert message.startswith(f"{path}:2: ")
    assert reason in message
    assert "\n" not in message
    skipped: list[Skipped] = []
    assert [a.id for a in read_paths([path], skipped=skipped)] == ["good"]
    assert [s.path for s in skipped] == [f"{path}:2"]


@pytest.mark.parametrize("field", ["url", "title"])
def test_bad_metadata_in_a_sidecar_names_the_field(tmp_path: Path, article_file, field: str) -> None:
    path = article_file("story", VOA_TEXT, **{field: {"nested": 1}})
    with pytest.raises(ReaderError, match=f"'{field}' must be a string"):
        read_text(path)


def test_good_metadata_is_normalised(tmp_path: Path) -> None:
    path = feed(tmp_path, {"id": 17, "title": "  Cafe\u0301\tnews\x1b[31m ", "outlet": "VOA\n",
                           "published": "2025-03-14 20:30:26Z", "url": "https://www.voanews.com/a/8011115.html",
                           "language": "en-US", "text": VOA_TEXT})
    [article] = read_jsonl(path)
    assert article.id == "17"
    assert article.title == "Caf\u00e9 news[31m"  # NFC, one line, no ESC, no outer spaces
    assert article.outlet == "VOA"
    assert article.published == "2025-03-14"
    assert article.language == "en-US"
    assert article.content_hash  # hashable now that every field is text


def test_a_future_date_is_kept_with_a_warning(tmp_path: Path) -> None:
    ahead = (date.today() + timedelta(days=400)).isoformat()
    path = feed(tmp_path, {"id": "ahead", "published": ahead, "text": VOA_TEXT})
    heard: list[str] = []
    [article] = read_paths([path], warn=heard.append)
    assert article.published == ahead
    assert len(heard) == 1 and heard[0].startswith(f"{path}:1: ") and "future" in heard[0]
    assert "\n" not in heard[0]


def test_tomorrow_is_a_time_zone_not_the_future() -> None:
    heard: list[str] = []
    check_meta({"published": (date.today() + timedelta(days=1)).isoformat()}, heard.append)
    assert heard == []


def test_metadata_error_is_a_value_error() -> None:
    with pytest.raises(MetadataError):
        check_meta({"published": "2024-02-30"})


# --- text normalisation ---------------------------------------------------------------------------


def test_lone_surrogate_is_replaced_and_the_text_encodes(tmp_path: Path) -> None:
    # "\ud800" is legal JSON and becomes a lone surrogate in Python: no UTF-8 encoder takes it
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s", "title": "T\\udfff", "text": "Talks resumed \\ud800 in Doha on Monday."}\n',
                    encoding="utf-8")
    [article] = read_jsonl(path)
    article.text.encode("utf-8")
    article.title.encode("utf-8")
    assert article.text == "Talks resumed \ufffd in Doha on Monday."
    assert article.content_hash


def test_nul_anywhere_and_control_characters_are_removed(tmp_path: Path) -> None:
    body = "A" * 10_000 + " Officials\x00 met\x07 in\x1b Doha\x7f.\x85Talks\u0085 went\f on.\tLater\x9b more."
    path = tmp_path / "late-nul.txt"
    path.write_text(body, encoding="utf-8")
    article = read_text(path)
    assert article.text.endswith(" Officials met in Doha.\nTalks\n went\n on.\tLater more.")
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in article.text)


def test_bom_is_stripped_and_text_is_nfc(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffBogota\u0301 hosted the talks.".encode())
    article = read_text(path)
    assert article.text == "Bogot\u00e1 hosted the talks."
    assert unicodedata.is_normalized("NFC", article.text)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    data = VOA_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert read_text(path).text == VOA_TEXT


def test_utf16_without_a_bom_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(VOA_TEXT.encode("utf-16-le"))
    with pytest.raises(ReaderError, match="binary"):
        read_text(path)


def test_jsonl_text_with_a_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": "\ufeffFirst line.\r\nSecond."}).encode())
    [article] = read_jsonl(path)
    assert article.text == "First line.\nSecond."


def test_normalize_text_keeps_newlines_and_tabs() -> None:
    assert normalize_text("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"


def test_text_over_the_hard_cap_is_one_line(tmp_path: Path) -> None:
    path = feed(tmp_path, {"id": "huge", "text": "word " * (MAX_ARTICLE_CHARS // 5 + 1)})
    with pytest.raises(ReaderError) as caught:
        list(read_jsonl(path))
    assert f"{MAX_ARTICLE_CHARS:,}" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:1: ")


# --- files that are not regular files -------------------------------------------------------------


def test_a_named_pipe_is_refused_without_opening_it(tmp_path: Path, deadline) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    jsonl_fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(jsonl_fifo)
    with deadline(20):
        with pytest.raises(ReaderError, match="not a regular file \\(a named pipe\\)"):
            list(read_paths([fifo]))
        with pytest.raises(ReaderError, match="named pipe"):
            list(read_paths([jsonl_fifo]))


def test_dev_zero_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(ReaderError, match="not a regular file \\(a character device\\)"):
        list(read_paths(["/dev/zero"]))


def test_non_regular_files_in_a_multi_path_read_are_skipped(tmp_path: Path, article_file) -> None:
    folder = tmp_path / "inbox"
    article_file("a-good", VOA_TEXT, folder=folder)
    os.mkfifo(folder / "b-pipe.txt")
    (folder / "c-link.txt").symlink_to(tmp_path / "nowhere.txt")
    article_file("d-good", "The river port of Manaus reopened after the drought.", folder=folder)
    skipped: list[Skipped] = []
    articles = list(read_paths([folder, "/dev/zero"], skipped=skipped))
    assert [a.id for a in articles] == ["a-good", "d-good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "named pipe" in reasons["b-pipe.txt"]
    assert "no such file" in reasons["c-link.txt"]
    assert "character device" in reasons["zero"]


def test_a_folder_where_a_sidecar_file_is_expected(tmp_path: Path, article_file) -> None:
    # works as root too, unlike chmod 000: the sidecar NAME.json cannot be read because it is a folder
    path = article_file("story", VOA_TEXT)
    (tmp_path / "story.json").mkdir()
    with pytest.raises(ReaderError) as caught:
        read_text(path)
    assert str(caught.value) == f"{tmp_path / 'story.json'}: not a regular file (a folder)"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_is_skipped(tmp_path: Path, article_file) -> None:
    good = article_file("good", VOA_TEXT)
    locked = article_file("locked", VOA_TEXT + " Locked.")
    locked.chmod(0)
    skipped: list[Skipped] = []
    assert [a.id for a in read_paths([good, locked], skipped=skipped)] == ["good"]
    assert skipped[0].path == str(locked) and "cannot read" in skipped[0].reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_jsonl_file_in_utf16_or_utf32_with_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": f"wide-{i}", "text": f"{VOA_TEXT} ({i})"}, ensure_ascii=False) for i in range(3)]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    assert [(a.id, a.text) for a in read_jsonl(path)] == [(f"wide-{i}", f"{VOA_TEXT} ({i})") for i in range(3)]
