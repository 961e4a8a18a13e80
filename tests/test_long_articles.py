"""Articles longer than the model's max_length: parsed in pieces, one record with the article's own offsets;
articles above the hard cap: one line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import readers
from newsgraph.limits import ArticleTooLong
from newsgraph.nlp.pieces import split_text
from newsgraph.record import Article, Extraction

SMALL_LIMIT = 3000  # stands in for spaCy's 1,000,000 so that the test parses a few pages, not a book


@pytest.fixture
def voa_texts(shared_dir: Path) -> list[str]:
    """VOA stories (public domain, Voice of America; each line of the file carries the story's url)."""
    path = shared_dir / "voa" / "voa_stories.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:6]]


@pytest.fixture
def small_model_limit(extractor, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(extractor.nlp, "max_length", SMALL_LIMIT)
    return extractor


def check_offsets(record: Extraction) -> None:
    """Every span of the record is the article's text at its offsets and lies in the sentence it names."""
    text = record.article.text
    assert [s.index for s in record.sentences] == list(range(len(record.sentences)))
    for before, after in zip(record.sentences, record.sentences[1:], strict=False):
        assert before.end <= after.start
    for sentence in record.sentences:
        assert text[sentence.start:sentence.end].strip() == text[sentence.start:sentence.end] != ""

    def inside(start: int, end: int, index: int) -> bool:
        sentence = record.sentences[index]
        return sentence.start <= start and end <= sentence.end

    for entity in record.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text
            assert inside(mention.start, mention.end, mention.sentence)
    for quote in record.quotes:
        assert text[quote.content.start:quote.content.end] == quote.content.text
        assert text[quote.cue.start:quote.cue.end] == quote.cue.text
    for event in record.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert inside(event.trigger.start, event.trigger.end, event.sentence)


def test_split_text_keeps_every_character_and_prefers_paragraphs() -> None:
    paragraphs = ["First paragraph. It has two sentences.", "Second one, short.", "Third paragraph here."]
    text = "\n\n".join(paragraphs)
    pieces = split_text(text, 45)
    assert "".join(pieces) == text
    assert pieces[0] == "First paragraph. It has two sentences.\n\n"  # cut at the blank line, not mid-sentence
    assert all(len(piece) <= 45 for piece in pieces)
    assert split_text("x" * 10, 3) == ["xxx", "xxx", "xxx", "x"]  # no boundary at all: cut where it must
    assert split_text(text, len(text)) == [text]


def test_an_article_longer_than_max_length_is_one_record(small_model_limit, voa_texts: list[str]) -> None:
    text = "\n\n".join(voa_texts)  # paragraphs longer than the limit are cut at sentence ends
    assert len(text) > 5 * SMALL_LIMIT
    article = Article(id="long", text=text, published="2025-03-14")
    record = small_model_limit.extract(article)  # spaCy alone raises E088 here
    assert record.article.text == text
    check_offsets(record)
    last_story = text.rindex(voa_texts[-1])
    assert any(s.start >= last_story for s in record.sentences)
    assert any(m.start >= last_story for e in record.entities for m in e.mentions)  # the last piece was read
    assert record.quotes and record.events
    # the pieces change little: the same actors are found as in one parse
    small_model_limit.nlp.max_length = 10 * len(text)
    whole = small_model_limit.extract(article)
    found, expected = {e.id for e in record.entities}, {e.id for e in whole.entities}
    assert len(found & expected) >= 0.9 * len(expected)


def test_long_articles_stream_with_short_ones(small_model_limit, voa_texts: list[str]) -> None:
    articles = [Article(id="short-1", text=voa_texts[0][:1500]), Article(id="long", text=" ".join(voa_texts)),
                Article(id="short-2", text=voa_texts[1][:1500])]
    records = list(small_model_limit.extract_many(articles, batch_size=2))
    assert [r.article.id for r in records] == ["short-1", "long", "short-2"]
    for record in records:
        check_offsets(record)


def test_the_extractor_refuses_text_above_the_hard_cap(extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.pipeline.MAX_ARTICLE_CHARS", 100)
    with pytest.raises(ArticleTooLong, match="huge: article text is 200 characters long; the limit is"):
        extractor.extract(Article(id="huge", text="word " * 40))


def test_cli_extracts_a_text_longer_than_max_length(small_model_limit, cli_run, tmp_path: Path,
                                                    voa_texts: list[str]) -> None:
    path = tmp_path / "long.txt"
    path.write_text(" ".join(voa_texts), encoding="utf-8")  # one line, no paragraph breaks
    result = cli_run("extract", path, "--json")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    check_offsets(Extraction.from_json(line))


def test_cli_over_the_hard_cap_is_one_line_and_the_rest_is_stored(cli_run, tmp_path: Path, article_file,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_CHARS", 200)
    huge = article_file("huge", "The council met again on Monday. " * 20, folder=tmp_path / "in")
    article_file("fine", "The council met on Monday in Nairobi.", folder=tmp_path / "in")
    single = cli_run("extract", huge, "--json")
    assert single.exit_code == 2 and single.stdout == ""
    assert single.stderr.strip() == f"newsgraph: error: {huge}: article text is 660 characters long; the limit is 200"
    db = tmp_path / "news.db"
    many = cli_run("ingest", tmp_path / "in", "--db", db)
    assert many.exit_code == 1
    assert "stored 1 new article(s)" in many.stderr
    assert f"{huge}: article text is 660 characters long" in many.stderr


def test_a_text_without_any_boundary_is_cut_in_linear_time(extractor, deadline) -> None:
    """300,000 characters without a space or a full stop: cut where it must, in well under a minute (a
    backtracking search for sentence ends once took minutes here)."""
    text = "x" * 300_000
    assert split_text(text, 100_000) == ["x" * 100_000] * 3
    with deadline(60):
        record = extractor.extract(Article(id="no-boundary", text=text))
    assert record.article.text == text and record.sentences
