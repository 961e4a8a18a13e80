"""The time resolver never raises, whatever numbers and dates the text (or the publication date) holds."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.nlp.timex import MONTHS, NUMBERS, find_times, resolve
from newsgraph.record import Article

UNITS = ["day", "days", "week", "weeks", "month", "months", "year", "years"]
PREFIXES = ["", "in ", "since ", "on ", "the ", "over the ", "during ", "early ", "mid-", "late "]
NUMBER = st.one_of(st.integers(min_value=0, max_value=10**12).map(str), st.sampled_from(sorted(NUMBERS)),
                   st.text("0123456789", min_size=1, max_size=40))
MONTH = st.sampled_from(sorted(MONTHS))
DAY = st.integers(min_value=0, max_value=99).map(str)
YEAR = st.one_of(st.integers(min_value=0, max_value=99999).map(lambda n: f"{n:04d}"), st.just("0"))


def phrases() -> st.SearchStrategy[str]:
    """Time expressions of every form the resolver knows, filled with absurd as well as usual numbers."""
    forms = st.one_of(
        st.builds(lambda n, u: f"{n} {u} ago", NUMBER, st.sampled_from(UNITS)),
        st.builds(lambda n, u: f"in {n} {u}", NUMBER, st.sampled_from(UNITS)),
        st.builds(lambda n, u: f"the past {n} {u}", NUMBER, st.sampled_from(UNITS)),
        st.builds(lambda m, d, y: f"{m} {d}, {y}", MONTH, DAY, YEAR),
        st.builds(lambda d, m, y: f"{d} {m} {y}", DAY, MONTH, YEAR),
        st.builds(lambda m, d: f"{m} {d}", MONTH, DAY),
        st.builds(lambda m, y: f"{m} {y}", MONTH, YEAR),
        st.builds(lambda y, m, d: f"{y}-{m:0>2}-{d:0>2}", YEAR, DAY, DAY),
        st.builds(lambda y: f"year {y}", YEAR),
        YEAR,
        st.sampled_from(["today", "yesterday", "tomorrow", "next week", "last week", "next month", "last month",
                         "next year", "last year", "this weekend", "last weekend", "earlier this week",
                         "later this week", "recent weeks", "last friday", "monday"]),
        st.text(max_size=30),
    )
    return st.builds(lambda prefix, form: prefix + form, st.sampled_from(PREFIXES), forms)


@settings(max_examples=600, deadline=None)
@given(text=phrases(), published=st.dates(), monday=st.booleans())
def test_resolve_never_raises(text: str, published: date, monday: bool) -> None:
    interval = resolve(text, published, monday)
    if interval is not None:
        start, end = interval
        assert isinstance(start, date) and isinstance(end, date)


def test_absurd_numbers_name_no_interval() -> None:
    published = date(2025, 3, 14)
    for text in ["in 99999 years", "99999 years ago", "year 0", "0000-01-01", "2025-13-45",
                 "the past 999999999999 days", "9" * 5000 + " days ago"]:
        assert resolve(text, published) is None, text
    assert resolve("next year", date.max) is None
    assert resolve("yesterday", date.min) is None
    assert resolve("two days ago", published) == (date(2025, 3, 12), date(2025, 3, 12))  # the usual still works


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=phrases(), published=st.dates())
def test_extraction_with_odd_dates_never_raises(extractor, text: str, published: date) -> None:
    sentence = f"The council said on Tuesday that talks began {text} and ended two days ago."
    doc = extractor.nlp(sentence)
    find_times(doc, published)
    record = extractor.extract(Article(id="fuzz", text=sentence, published=published.isoformat()))
    assert record.sentences
