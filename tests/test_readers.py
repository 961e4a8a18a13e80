"""Readers: .txt with sidecar metadata, .html, .jsonl, folders, and every way an input can be bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.readers import ReaderError, Skipped, read_html, read_jsonl, read_paths, read_text
from newsgraph.record import Article, Extraction, Relation

PORT_TEXT = (
    "Dock workers in Valparaiso returned to the cranes on Tuesday after a storm closed the port for "
    "three days.\r\nShipping agents said the backlog of container ships would clear by Friday.\r\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ports reopen after storm | Harbour Gazette</title>
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<script>var trackingPixel = "SCRIPTMARKER"; console.log(trackingPixel);</script>
</head><body>
<nav><ul><li><a href="/">NAVMARKER Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Ports reopen after storm</h1>
<p>Dock workers in Valparaiso returned to the cranes on Tuesday after a storm closed the port for
three days, the harbour authority said in a statement.</p>
<p>Shipping agents expect the backlog of container vessels waiting offshore to clear by the end of the
week, although fuel deliveries may take longer to resume.</p>
</article>
<footer>FOOTERMARKER Copyright 2024</footer>
</body></html>
"""

NO_TEXT_PAGE = (
    "<html><head><title>Nothing here</title></head><body>"
    "<script>var a = 1;</script><div class='advert'></div></body></html>"
)


def jsonl_line(**fields: object) -> str:
    return json.dumps(fields)


# --- .txt -----------------------------------------------------------------------------------------


def test_txt_reads_sidecar_metadata(article_file) -> None:
    path = article_file("port-storm", PORT_TEXT, id="chile-ports-1", title="Ports reopen after storm",
                        published="2024-03-05T09:30:00Z", outlet="Harbour Gazette",
                        url="https://example.org/ports", extra_key="ignored")
    [article] = read_paths([path])
    assert article.id == "chile-ports-1"
    assert article.title == "Ports reopen after storm"
    assert article.outlet == "Harbour Gazette"
    assert article.url == "https://example.org/ports"
    assert article.published == "2024-03-05"  # a timestamp is cut to its ISO date
    assert article.source_path == str(path)
    # Line endings are normalised; nothing else in the text changes.
    assert "\r" not in article.text
    assert article.text == PORT_TEXT.replace("\r\n", "\n")


def test_txt_without_sidecar_takes_its_id_from_the_file_name(article_file) -> None:
    path = article_file("harbour-note", "The harbour authority reopened the northern terminal on Monday.")
    article = read_text(path)
    assert article.id == "harbour-note"
    assert (article.title, article.published, article.outlet, article.url) == (None, None, None, None)
    assert article.language == "en"


def test_txt_overrides_win_over_the_sidecar(article_file) -> None:
    path = article_file("port-storm", PORT_TEXT, id="chile-ports-1", title="Sidecar title",
                        published="2024-03-05", outlet="Harbour Gazette")
    overrides = {"title": "Override title", "published": "2024-04-01", "id": None, "outlet": None}
    [article] = read_paths([path], overrides)
    assert article.title == "Override title"
    assert article.published == "2024-04-01"
    assert article.id == "chile-ports-1"  # a None override leaves the sidecar value
    assert article.outlet == "Harbour Gazette"


def test_content_hash_follows_text_and_date_but_not_title(article_file, tmp_path: Path) -> None:
    first = read_text(article_file("a", PORT_TEXT, folder=tmp_path / "a", published="2024-03-05",
                                   title="One"))
    retitled = read_text(article_file("a", PORT_TEXT, folder=tmp_path / "b", published="2024-03-05",
                                      title="Two"))
    redated = read_text(article_file("a", PORT_TEXT, folder=tmp_path / "c", published="2024-03-06"))
    assert first.content_hash == retitled.content_hash
    assert first.content_hash != redated.content_hash


# --- .html ----------------------------------------------------------------------------------------


def test_html_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "ports.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = read_html(path)
    assert article.id == "ports"
    assert "Dock workers in Valparaiso returned to the cranes" in article.text
    assert "fuel deliveries may take longer to resume" in article.text
    assert "SCRIPTMARKER" not in article.text
    assert "trackingPixel" not in article.text
    assert "NAVMARKER" not in article.text
    assert "<p>" not in article.text
    assert article.title is not None and "Ports reopen after storm" in article.title
    assert article.published == "2024-03-05"
    assert article.source_path == str(path)


def test_html_sidecar_and_overrides_apply(tmp_path: Path) -> None:
    path = tmp_path / "ports.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "ports.json").write_text(json.dumps({"id": "ports-html", "outlet": "Harbour Gazette"}))
    [article] = read_paths([path], {"url": "https://example.org/ports"})
    assert article.id == "ports-html"
    assert article.outlet == "Harbour Gazette"
    assert article.url == "https://example.org/ports"


# --- .jsonl ---------------------------------------------------------------------------------------


def test_jsonl_lines_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        jsonl_line(id="feed-a", title="Strike ends", published="2024-05-02", outlet="Wire",
                   text="Port workers in Rotterdam ended a two-day strike on Thursday."),
        "",
        jsonl_line(title="No id here", text="Farmers blocked a motorway near Lyon with tractors."),
        jsonl_line(id=17, url="https://example.org/x",
                   text="A ferry ran aground off Crete; nobody was hurt."),
    ]) + "\n", encoding="utf-8")
    articles = list(read_paths([path]))
    assert [a.id for a in articles] == ["feed-a", "feed-3", "17"]  # no id: file stem and line number
    assert [a.source_path for a in articles] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert articles[0].published == "2024-05-02"
    assert articles[0].title == "Strike ends"
    assert articles[1].published is None
    assert articles[2].url == "https://example.org/x"


# --- folders --------------------------------------------------------------------------------------


def test_folder_of_mixed_files_in_sorted_order(tmp_path: Path, article_file) -> None:
    folder = tmp_path / "inbox"
    article_file("b-note", "Lawmakers in Lima approved the budget late on Wednesday.", folder=folder,
                 id="lima-budget", title="Budget passes")
    (folder / "a-page.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "c-feed.jsonl").write_text("\n".join([
        jsonl_line(id="feed-1", text="Flooding closed two bridges in Porto Alegre."),
        jsonl_line(id="feed-2", text="Rescue crews reached the last stranded village on Sunday."),
    ]), encoding="utf-8")
    article_file("d-deep", "Volunteers rebuilt the school roof in three days.", folder=folder / "sub")
    (folder / "notes.md").write_text("Reminder: call the harbour office.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("A hidden draft that must not be read.", encoding="utf-8")

    articles = list(read_paths([folder]))
    assert [a.id for a in articles] == ["a-page", "lima-budget", "feed-1", "feed-2", "d-deep"]
    assert articles[1].title == "Budget passes"  # the sidecar is metadata ...
    assert not any(a.source_path and a.source_path.endswith(".json") for a in articles)  # ... not an article


# --- bad inputs -----------------------------------------------------------------------------------


def _write_bad(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "no-such-article.txt"
    if kind == "empty":
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
    elif kind == "whitespace":
        path = tmp_path / "blank.txt"
        path.write_text("  \n\t\n   \n", encoding="utf-8")
    elif kind == "binary":
        path = tmp_path / "scan.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 4)
    elif kind == "invalid-utf8":
        path = tmp_path / "latin1.txt"
        path.write_bytes("Delegates met in Bras\xedlia on Monday.".encode("latin-1"))
    elif kind == "html-no-text":
        path = tmp_path / "blank.html"
        path.write_text(NO_TEXT_PAGE, encoding="utf-8")
    elif kind == "bad-date":
        path = tmp_path / "dated.txt"
        path.write_text("The summit opened in Nairobi on Monday.", encoding="utf-8")
        (tmp_path / "dated.json").write_text(json.dumps({"published": "5 March 2024"}))
    elif kind == "bad-sidecar":
        path = tmp_path / "meta.txt"
        path.write_text("The summit opened in Nairobi on Monday.", encoding="utf-8")
        (tmp_path / "meta.json").write_text("{not json", encoding="utf-8")
    elif kind == "empty-jsonl":
        path = tmp_path / "feed.jsonl"
        path.write_text("\n\n", encoding="utf-8")
    else:  # pragma: no cover - a typo in the parameter list
        raise AssertionError(kind)
    return path


BAD_KINDS = ["missing", "empty", "whitespace", "binary", "invalid-utf8", "html-no-text", "bad-date",
             "bad-sidecar", "empty-jsonl"]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_input_raises_reader_error_naming_the_file(tmp_path: Path, kind: str) -> None:
    path = _write_bad(tmp_path, kind)
    with pytest.raises(ReaderError) as caught:
        list(read_paths([path]))
    message = str(caught.value)
    named = path.with_suffix(".json") if kind == "bad-sidecar" else path
    assert str(named) in message
    assert "\n" not in message


@pytest.mark.parametrize(("kind", "reason"), [
    ("empty", "empty"), ("whitespace", "empty"), ("binary", "binary"), ("invalid-utf8", "UTF-8"),
    ("html-no-text", "no article text"), ("bad-date", "published"), ("missing", "no such file"),
])
def test_bad_input_says_what_is_wrong(tmp_path: Path, kind: str, reason: str) -> None:
    path = _write_bad(tmp_path, kind)
    with pytest.raises(ReaderError, match=reason):
        list(read_paths([path]))


def test_html_with_only_navigation_has_no_article_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
                    "<li><a href='/w'>World</a></li></ul></nav></body></html>", encoding="utf-8")
    with pytest.raises(ReaderError, match=str(path)):
        read_html(path)


def _feed_with_bad_line(tmp_path: Path, bad_line: str) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        jsonl_line(id="good-1", text="The central bank held rates at 5 percent on Thursday."),
        bad_line,
        jsonl_line(id="good-3", text="Dockers in Antwerp voted to accept the pay offer."),
    ]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("bad_line", "reason"), [
    ('{"id": "broken", "text": "unterminated', "malformed JSON"),
    (jsonl_line(id="no-text", title="Only a title"), "missing or empty 'text'"),
    (jsonl_line(id="blank-text", text="   "), "missing or empty 'text'"),
    ('["a", "list"]', "JSON object"),
    (jsonl_line(id="bad-date", published="yesterday", text="Talks resumed in Doha."), "published"),
])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, bad_line: str, reason: str) -> None:
    path = _feed_with_bad_line(tmp_path, bad_line)
    with pytest.raises(ReaderError) as caught:
        list(read_jsonl(path))
    assert str(caught.value).startswith(f"{path}:2: ")
    assert reason in str(caught.value)


def test_bad_jsonl_line_is_skipped_and_recorded(tmp_path: Path) -> None:
    path = _feed_with_bad_line(tmp_path, '{"id": "broken", "text": ')
    skipped: list[Skipped] = []
    articles = list(read_paths([path], skipped=skipped))
    assert [a.id for a in articles] == ["good-1", "good-3"]
    assert len(skipped) == 1
    assert skipped[0].path == f"{path}:2"
    assert "malformed JSON" in skipped[0].reason


def test_bad_file_in_a_folder_is_skipped_and_the_rest_is_read(tmp_path: Path, article_file) -> None:
    folder = tmp_path / "inbox"
    article_file("a-good", "Negotiators in Geneva agreed on a prisoner exchange.", folder=folder)
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    article_file("c-good", "The river port of Manaus reopened after the drought.", folder=folder)
    skipped: list[Skipped] = []
    articles = list(read_paths([folder, tmp_path / "absent"], skipped=skipped))
    assert [a.id for a in articles] == ["a-good", "c-good"]
    assert [s.path for s in skipped] == [str(folder / "b-binary.txt"), str(tmp_path / "absent")]
    assert "binary" in skipped[0].reason


# --- the record -----------------------------------------------------------------------------------


def test_extraction_json_round_trip(extractor) -> None:
    article = Article(
        id="round-trip", title="Border talks", published="2024-06-11", outlet="Wire", url="https://example.org/rt",
        text=("Colombian President Gustavo Petro met Venezuelan officials in Caracas on Tuesday. "
              "\u201cWe will keep the border open,\u201d Petro told reporters after the meeting. "
              "Marisol Quintanilla, an analyst in Bogot\u00e1, said the deal was fragile."),
    )
    extraction = extractor.extract(article)
    assert extraction.entities and extraction.sentences  # something to round-trip
    extraction.relations.append(Relation(cls="alliance", type="partner", source="colombia",
                                         target="venezuela", sentence=0, evidence="met"))
    line = extraction.to_json()
    data = json.loads(line)
    assert "\n" not in line
    assert data["relations"][-1]["class"] == "alliance" and "cls" not in data["relations"][-1]
    assert data["article"]["content_hash"] == article.content_hash
    assert "Bogot\u00e1" in line  # written as UTF-8, not \u escapes
    again = Extraction.from_json(line)
    assert again == extraction
    assert again.to_json() == line
    assert Extraction.from_json(extraction.to_json(include_text=False)).article.text == ""
