"""Extractor.extract on text no editor would publish: random Unicode, quotation marks that never
close, tokens and lines thousands of characters long, numbers and dates in and out of range, mixed
with the words the annotators look for. It must return an extraction whose offsets lie inside the
text, never raise. Bounded (60 examples a test, no deadline: a long text takes spaCy a while)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsgraph.record import Article, Extraction

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces the annotators react to: actors, verbs of saying and of acting, hedges, titles and
# abbreviations, every kind of quotation mark, dates and numbers (some impossible), odd spacing.
PIECES = ["Iran", "the United States", "Nicolás Maduro", "Hezbollah", "the ministry", "he", "she", "they", "we",
          "its", "said", "told", "accused", "attacked", "signed", "sanctioned", "threatened", "may", "might",
          "reportedly", "according to", "Reuters", "President", "Brig. Gen.", "U.S.", "Sept.", "Lt. Col.",
          '"', "“", "”", "‘", "’", "'", "''", "«", "»", "(", ")", "[", "]", "—", ":", ";", ",", ".", "?", "!",
          "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "\ufeff", "\u202e", "\r\n", "0", "-1", "3.5",
          "1,000,000", "99999999999999999999", "1e308", "2024-02-30", "2024-13-45", "31/02/2025", "March 3",
          "Feb. 29", "last Tuesday", "next month", "this week", "in 1999", "on 9/11", "Monday", "yesterday",
          "tomorrow", "20th century", "12:30", "BCE 44", "Q3 2025", "$5 billion", "50%"]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(
        st.sampled_from(PIECES),
        st.text(max_size=40),  # any code point, surrogates excluded by hypothesis' default alphabet
        st.integers(min_value=-10**30, max_value=10**30).map(str),
        st.dates().map(date.isoformat),
        st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "x", "Ü", '"', "“", ".", "-", " ", "\n", "9"]),
                  st.integers(min_value=200, max_value=4000)),  # one long token, run of marks or blank line
    ), max_size=80))
    return " ".join(parts)


published = st.one_of(st.none(), st.dates().map(date.isoformat))  # years 1 to 9999, as an ISO date allows


def check(record: Extraction, text: str) -> None:
    for sentence in record.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
    indices = {s.index for s in record.sentences}
    for entity in record.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start <= mention.end <= len(text) and mention.sentence in indices
    for event in record.events:
        assert event.sentence in indices
    for quote in record.quotes:
        assert quote.sentence in indices


@FUZZ
@given(text=st.text(min_size=1, max_size=3000), day=published)
def test_extract_never_raises_on_random_unicode(extractor, text: str, day: str | None) -> None:
    record = extractor.extract(Article(id="fuzz", text=text, published=day))
    check(record, text)


@FUZZ
@given(text=news_like(), day=published)
# what the fuzz found once: days the calendar lacks, in time expressions the resolver reads
@example(text="Iran said the talks ended on 2024-02-30.", day="2024-03-01")
@example(text="Iran attacked Israel in early February 0000.", day="2024-03-01")
@example(text="The talks ended 0000-01-01, Iran said.", day=None)
@example(text="Iran attacked Israel next year, and last week.", day="9999-12-31")
@example(text="Iran attacked Israel two years ago.", day="0001-01-01")
def test_extract_never_raises_on_news_like_noise(extractor, text: str, day: str | None) -> None:
    record = extractor.extract(Article(id="fuzz", text=text, published=day))
    check(record, text)
