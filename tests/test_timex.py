"""Time expressions resolved against a publication date into inclusive date intervals.

Every article here is published on Thursday 20 November 2025. Weeks start on Sunday, as US outlets
count them, so "this week" is Sunday 16 to Saturday 22 November. A bare month or day is the latest
one on or before the publication date. Each expected interval below was worked out from the
calendar for that date:

    November 2025          October 2025
    Su Mo Tu We Th Fr Sa   Su Mo Tu We Th Fr Sa
                       1             1  2  3  4
     2  3  4  5  6  7  8    5  6  7  8  9 10 11
     9 10 11 12 13 14 15   12 13 14 15 16 17 18
    16 17 18 19 20 21 22   19 20 21 22 23 24 25
    23 24 25 26 27 28 29   26 27 28 29 30 31
    30
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.timex import find_times, resolve
from newsgraph.record import Article

PUBLISHED = date(2025, 11, 20)  # a Thursday


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- exact intervals ------------------------------------------------------------------------------

# (expression, first day, last day), both inclusive, for a Thursday 2025-11-20 article, Sunday weeks.
EXACT = [
    # weeks
    ("this week", "2025-11-16", "2025-11-22"),
    ("earlier this week", "2025-11-16", "2025-11-20"),
    ("later this week", "2025-11-20", "2025-11-22"),
    ("last week", "2025-11-09", "2025-11-15"),
    ("the previous week", "2025-11-09", "2025-11-15"),
    ("next week", "2025-11-23", "2025-11-29"),
    ("a week ago", "2025-11-09", "2025-11-15"),  # the week that held Thursday 13 November
    ("two weeks ago", "2025-11-02", "2025-11-08"),  # the week that held Thursday 6 November
    ("three weeks ago", "2025-10-26", "2025-11-01"),  # the week that held Thursday 30 October
    ("over the weekend", "2025-11-15", "2025-11-16"),  # the Saturday and Sunday just gone
    ("last weekend", "2025-11-15", "2025-11-16"),
    # days
    ("today", "2025-11-20", "2025-11-20"),
    ("yesterday", "2025-11-19", "2025-11-19"),
    ("last night", "2025-11-19", "2025-11-19"),
    ("two days ago", "2025-11-18", "2025-11-18"),
    ("on Tuesday", "2025-11-18", "2025-11-18"),
    ("Tuesday night", "2025-11-18", "2025-11-18"),
    ("Monday", "2025-11-17", "2025-11-17"),
    ("Thursday", "2025-11-20", "2025-11-20"),  # the publication day itself is the latest Thursday
    ("last Friday", "2025-11-14", "2025-11-14"),
    ("last Thursday", "2025-11-13", "2025-11-13"),  # "last" on a Thursday means the week before
    ("since Monday", "2025-11-17", "2025-11-20"),
    # months
    ("this month", "2025-11-01", "2025-11-30"),
    ("earlier this month", "2025-11-01", "2025-11-20"),
    ("last month", "2025-10-01", "2025-10-31"),
    ("a month ago", "2025-10-01", "2025-10-31"),
    ("two months ago", "2025-09-01", "2025-09-30"),
    ("since September", "2025-09-01", "2025-11-20"),
    ("in November", "2025-11-01", "2025-11-30"),
    ("in March", "2025-03-01", "2025-03-31"),
    ("in December", "2024-12-01", "2024-12-31"),  # December 2025 has not happened yet
    ("March 2024", "2024-03-01", "2024-03-31"),
    # dates
    ("since March 15", "2025-03-15", "2025-11-20"),
    ("September 3, 2025", "2025-09-03", "2025-09-03"),
    ("3 Sept 2025", "2025-09-03", "2025-09-03"),
    ("Sept. 3", "2025-09-03", "2025-09-03"),
    ("Sept 3rd", "2025-09-03", "2025-09-03"),
    ("the 3rd of September", "2025-09-03", "2025-09-03"),
    ("2025-09-03", "2025-09-03", "2025-09-03"),
    ("on Nov. 3", "2025-11-03", "2025-11-03"),
    ("Dec. 25, 2024", "2024-12-25", "2024-12-25"),
    # years
    ("in 2024", "2024-01-01", "2024-12-31"),
    ("since 2023", "2023-01-01", "2025-11-20"),
    ("this year", "2025-01-01", "2025-12-31"),
    ("earlier this year", "2025-01-01", "2025-11-20"),
    ("last year", "2024-01-01", "2024-12-31"),
]


@pytest.mark.parametrize(("expression", "first", "last"), EXACT, ids=[row[0] for row in EXACT])
def test_resolve_exact_interval(expression: str, first: str, last: str) -> None:
    assert resolve(expression, PUBLISHED) == (d(first), d(last))


# --- vague expressions: the calendar fixes the end, and bounds the start ----------------------------

# (expression, earliest acceptable first day, latest acceptable first day, earliest last day, latest last day).
# "The past three days" may or may not count the publication day; "late 2024" is the last third or
# the last quarter; "mid-October" is the middle third of the month, give or take its boundary day.
VAGUE = [
    pytest.param("in recent weeks", "2025-10-09", "2025-11-06", "2025-11-20", "2025-11-20", id="in recent weeks"),
    pytest.param("the past few weeks", "2025-10-09", "2025-11-06", "2025-11-20", "2025-11-20", id="past few weeks"),
    pytest.param("the past three days", "2025-11-17", "2025-11-18", "2025-11-20", "2025-11-20", id="past three days"),
    pytest.param("in the past two weeks", "2025-11-06", "2025-11-07", "2025-11-20", "2025-11-20",
                 id="past two weeks"),
    pytest.param("late 2024", "2024-09-01", "2024-10-01", "2024-12-31", "2024-12-31", id="late 2024"),
    pytest.param("early 2025", "2025-01-01", "2025-01-01", "2025-03-31", "2025-04-30", id="early 2025"),
    pytest.param("mid-October", "2025-10-10", "2025-10-11", "2025-10-20", "2025-10-21", id="mid-October"),
    pytest.param("over the past month", "2025-10-20", "2025-10-21", "2025-11-20", "2025-11-20", id="past month"),
]


@pytest.mark.parametrize(("expression", "first_from", "first_to", "last_from", "last_to"), VAGUE)
def test_resolve_vague_interval(expression: str, first_from: str, first_to: str, last_from: str,
                                last_to: str) -> None:
    interval = resolve(expression, PUBLISHED)
    assert interval is not None, expression
    first, last = interval
    assert d(first_from) <= first <= d(first_to), interval
    assert d(last_from) <= last <= d(last_to), interval


# --- weeks that start on Monday -------------------------------------------------------------------

MONDAY_WEEKS = [
    ("this week", "2025-11-17", "2025-11-23"),
    ("earlier this week", "2025-11-17", "2025-11-20"),
    ("last week", "2025-11-10", "2025-11-16"),
    ("next week", "2025-11-24", "2025-11-30"),
    ("three weeks ago", "2025-10-27", "2025-11-02"),
]


@pytest.mark.parametrize(("expression", "first", "last"), MONDAY_WEEKS, ids=[row[0] for row in MONDAY_WEEKS])
def test_resolve_with_weeks_starting_monday(expression: str, first: str, last: str) -> None:
    assert resolve(expression, PUBLISHED, week_starts_monday=True) == (d(first), d(last))


def test_week_start_changes_this_week() -> None:
    sunday = resolve("this week", PUBLISHED)
    monday = resolve("this week", PUBLISHED, week_starts_monday=True)
    assert sunday == (d("2025-11-16"), d("2025-11-22"))
    assert monday == (d("2025-11-17"), d("2025-11-23"))


# --- what is not a time ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["the Trump administration", "the Pentagon", "more than a dozen", ""])
def test_not_a_time_expression(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


# --- in a parsed article --------------------------------------------------------------------------

SINCE_SEPTEMBER = "Since September, Russia has fired hundreds of drones at Ukrainian cities."


def test_find_times_includes_preposition_and_resolves(extractor) -> None:
    doc = extractor.nlp(SINCE_SEPTEMBER)
    found = find_times(doc, PUBLISHED)
    assert [(span.text, t.text, t.start, t.end) for span, t in found] == [
        ("Since September", "Since September", d("2025-09-01"), d("2025-11-20")),
    ]
    _, expression = found[0]
    assert SINCE_SEPTEMBER[expression.start_char:expression.end_char] == "Since September"


def test_find_times_without_publication_date_finds_nothing(extractor) -> None:
    assert find_times(extractor.nlp(SINCE_SEPTEMBER), None) == []


def test_extracted_event_carries_the_interval(extractor) -> None:
    extraction = extractor.extract(Article(id="t-since", text=SINCE_SEPTEMBER, published="2025-11-20"))
    dated = [e.date for e in extraction.events if e.date is not None]
    assert [(t.text, t.start, t.end) for t in dated] == [("Since September", "2025-09-01", "2025-11-20")]


@pytest.mark.parametrize(("words", "label", "is_time"), [
    (["Okonkwo"], "DATE", False),  # a surname the small model labels DATE
    (["Saturday"], "DATE", True),
    (["last", "week"], "DATE", True),
    (["2024"], "DATE", True),
    (["March"], "DATE", True),
    (["dawn"], "TIME", True),
    (["Okonkwo"], "PERSON", False),
])
def test_names_a_time(words: list[str], label: str, is_time: bool) -> None:
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.timex import names_a_time

    doc = Doc(spacy.blank("en").vocab, words=words, ents=[f"B-{label}"] + [f"I-{label}"] * (len(words) - 1))
    assert names_a_time(doc[len(words) - 1]) is is_time
