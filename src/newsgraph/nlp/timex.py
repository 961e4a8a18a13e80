"""Time expressions resolved against the article's publication date into ISO intervals.

`resolve(text, published)` handles the forms news uses: absolute dates ("September 3, 2025",
"3 Sept 2025", "2025-09-03"), months and years ("in March", "March 2025", "in 2024"), weekdays
("on Tuesday", "last Friday"), relative spans ("earlier this week", "last month", "two days ago",
"since September", "in recent weeks", "yesterday"). Interval ends are inclusive. A week starts on
Sunday, as US outlets count it, unless `week_starts_monday` is set. A bare day or month is the
latest one on or before the publication date: news reports what happened. dateparser was measured
on these forms and returns single instants (or nothing for "earlier this week", "since September",
"in recent weeks"), so intervals are computed here.

`find_times(doc, published)` finds the expressions in a parsed article (spaCy DATE entities with
the preposition before them) and resolves each.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from newsgraph.record import Event, TimeInterval

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # Monday = 0
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3}
LEADING_PREPOSITIONS = {"since", "in", "on", "during", "until", "by", "before", "after", "from", "over", "through",
                        "throughout", "as of", "earlier", "late", "early"}
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
NUMBER_WORDS = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)"
# words that make a DATE or TIME entity name a time (with digits, months and weekdays)
TIME_WORDS = {"today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "noon",
              "midnight", "weekend", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
              "decades", "century", "hour", "hours", "minute", "minutes", "season", "spring", "summer", "autumn",
              "fall", "winter", "now", "recently", "ago", "era", "dawn", "dusk"}


@dataclass
class TimeExpression:
    text: str
    start_char: int
    end_char: int
    start: date
    end: date


def _week(day: date, monday: bool) -> tuple[date, date]:
    offset = day.weekday() if monday else (day.weekday() + 1) % 7
    first = day - timedelta(days=offset)
    return first, first + timedelta(days=6)


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _latest_month(month: int, published: date) -> int:
    """The year of the latest such month on or before the publication date."""
    return published.year if month <= published.month else published.year - 1


def _latest_day(month: int, day: int, published: date) -> date | None:
    year = published.year
    try:
        candidate = date(year, month, day)
        if candidate > published + timedelta(days=1):
            candidate = date(year - 1, month, day)
    except ValueError:
        return None
    return candidate


def _latest_weekday(weekday: int, published: date, strictly_before: bool = False) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def resolve(text: str, published: date, week_starts_monday: bool = False) -> tuple[date, date] | None:
    """The inclusive interval a time expression names, or None when it names none we can compute."""
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    t = re.sub(r"^the\s+", "", t)
    monday = week_starts_monday
    since = t.startswith("since ")
    core = re.sub(r"^(since|in|on|during|until|by|as of|over|through|throughout)\s+", "", t)
    core = re.sub(r"^the\s+", "", core)
    try:
        interval = _resolve_core(core, published, monday)
    except (OverflowError, ValueError):
        # "in 99999 years", "0000-01-01", "2025-13-45", a week that would end past 9999-12-31: a date
        # the calendar cannot hold (or a number Python will not read) names no interval we can compute
        return None
    if interval is None:
        return None
    if since:
        return interval[0], published
    return interval


def _resolve_core(t: str, published: date, monday: bool) -> tuple[date, date] | None:  # noqa: C901 - a table of forms
    if t in {"today", "now", "this morning", "this afternoon", "this evening", "tonight"}:
        return published, published
    if t in {"yesterday", "last night"}:
        day = published - timedelta(days=1)
        return day, day
    if t == "tomorrow":
        day = published + timedelta(days=1)
        return day, day
    week_start, week_end = _week(published, monday)
    if t == "this week":
        return week_start, week_end
    if t in {"earlier this week", "early this week"}:
        return week_start, published
    if t in {"later this week"}:
        return published, week_end
    if t in {"last week", "the previous week", "previous week"}:
        return week_start - timedelta(days=7), week_start - timedelta(days=1)
    if t == "next week":
        return week_end + timedelta(days=1), week_end + timedelta(days=7)
    if t in {"this weekend", "the weekend", "weekend", "over the weekend", "last weekend"}:
        saturday = _latest_weekday(5, published)
        if t == "last weekend" and (published - saturday).days < 2:
            saturday -= timedelta(days=7)  # said on the weekend itself: the one before
        return saturday, saturday + timedelta(days=1)
    if t in {"this month"}:
        return _month(published.year, published.month)
    if t in {"earlier this month", "early this month"}:
        return date(published.year, published.month, 1), published
    if t in {"last month", "the previous month", "previous month"}:
        return _month(*_shift_month(published.year, published.month, -1))
    if t == "next month":
        return _month(*_shift_month(published.year, published.month, 1))
    if t == "this year":
        return date(published.year, 1, 1), date(published.year, 12, 31)
    if t in {"earlier this year", "early this year"}:
        return date(published.year, 1, 1), published
    if t in {"last year", "the previous year", "previous year"}:
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if t == "next year":
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if t in {"recent days", "recent weeks", "recent months", "the past few days", "past few days",
             "the past few weeks", "past few weeks", "the past few months", "past few months"}:
        unit = t.split()[-1]
        days = {"days": 7, "weeks": 28, "months": 92}[unit]
        return published - timedelta(days=days), published
    match = re.fullmatch(rf"(?:the\s+)?(?:past|last)\s+{NUMBER_WORDS}\s+(?P<unit>day|week|month|year)s?", t)
    if match:
        return published - _span(match.group("n"), match.group("unit")), published
    match = re.fullmatch(r"(?:over\s+|in\s+)?(?:the\s+)?past\s+(?P<unit>day|week|month|year)", t)
    if match:  # "over the past month": a rolling span up to the publication date
        return published - _span("1", match.group("unit")), published
    match = re.fullmatch(rf"{NUMBER_WORDS}\s+(?P<unit>day|week|month|year)s?\s+ago", t)
    if match:
        moment = published - _span(match.group("n"), match.group("unit"))
        if match.group("unit") == "day":
            return moment, moment
        if match.group("unit") == "week":
            return _week(moment, monday)
        if match.group("unit") == "month":
            return _month(moment.year, moment.month)
        return date(moment.year, 1, 1), date(moment.year, 12, 31)
    match = re.fullmatch(r"(?:(?P<rel>last|this|past)\s+)?"
                         r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                         r"(?:\s+(?:morning|afternoon|evening|night))?", t)
    if match:
        day = _latest_weekday(WEEKDAYS[match.group("day")], published, strictly_before=match.group("rel") == "last")
        return day, day
    match = re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", t)
    if match:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        return day, day
    match = re.fullmatch(rf"{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?", t) or \
        re.fullmatch(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>\d{{4}}))?", t)
    if match:
        month, day_number = MONTHS[match["month"].rstrip(".")], int(match["day"])
        if match["year"]:
            try:
                day = date(int(match["year"]), month, day_number)
            except ValueError:
                return None
        else:
            day = _latest_day(month, day_number, published)
            if day is None:
                return None
        return day, day
    match = re.fullmatch(rf"(?:(?P<part>early|mid|late)[\s-]+)?{MONTH}(?:,?\s+(?P<year>\d{{4}}))?", t)
    if match:
        month = MONTHS[match["month"].rstrip(".")]
        year = int(match["year"]) if match["year"] else _latest_month(month, published)
        first, last = _month(year, month)
        part = match["part"]
        if part == "early":
            last = date(year, month, 10)
        elif part == "mid":
            first, last = date(year, month, 11), date(year, month, 20)
        elif part == "late":
            first = date(year, month, 21)
        return first, last
    match = re.fullmatch(r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<year>(?:19|20)\d{2})", t)
    if match:
        year = int(match["year"])
        part = match["part"]
        ranges = {None: ((1, 1), (12, 31)), "early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)),
                  "late": ((9, 1), (12, 31))}
        (m1, d1), (m2, d2) = ranges[part]
        return date(year, m1, d1), date(year, m2, d2)
    return None


def _span(number: str, unit: str) -> timedelta:
    count = int(number) if number.isdigit() else NUMBERS.get(number, 1)
    return timedelta(days=count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit])


def names_a_time(token: Token) -> bool:
    """The token stands in a DATE or TIME entity that does name a time. The small model sometimes
    labels an unfamiliar surname DATE ("Okonkwo, however, says ..."): a span with no number, month,
    weekday or time word is a name, whatever its label."""
    if token.ent_type_ not in {"DATE", "TIME"}:
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    words = list(entity) if entity is not None else [token]
    return any(w.like_num or w.lower_.rstrip(".") in MONTHS or w.lower_ in WEEKDAYS or w.lower_ in TIME_WORDS
               or any(ch.isdigit() for ch in w.text) for w in words)


def find_times(doc: Doc, published: date | None, week_starts_monday: bool = False) -> list[tuple[Span, TimeExpression]]:
    """DATE entities (with the preposition before them) that resolve to an interval."""
    if published is None:
        return []
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start
        if start > 0 and doc[start - 1].lower_ in LEADING_PREPOSITIONS:
            start -= 1
        span = doc[start:ent.end]
        interval = resolve(span.text, published, week_starts_monday) or resolve(ent.text, published, week_starts_monday)
        if interval is None:
            continue
        found.append((span, TimeExpression(span.text, span.start_char, span.end_char, *interval)))
    return found


def attach_dates(doc: Doc, events: list[Event], times: list[tuple[Span, TimeExpression]]) -> None:
    """Give each event the time expression of its clause: one that hangs from the event's verb
    ('On Tuesday, Ruritania recalled ...'), else the one sentence-level expression of a sentence
    whose main verb (or a verb coordinated with it) carries the event."""
    # the expressions of each sentence, found once: asked per event, the whole list made the cost
    # events x expressions x sentence length, minutes on a very long article
    by_sentence: dict[int, list[tuple[Span, TimeExpression]]] = {}
    for span, expression in times:
        by_sentence.setdefault(span.sent.start, []).append((span, expression))
    for event in events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not times:
            continue
        anchor = _clause_verb(span.root)
        sentence_times = by_sentence.get(anchor.sent.start, [])
        chosen = next((t for s, t in sentence_times if anchor in _heads(s.root)), None)
        if chosen is None:
            top = [t for s, t in sentence_times if s.root.head == s.root.sent.root]
            main = anchor.sent.root
            if len(top) == 1 and (anchor == main or anchor in main.conjuncts):
                chosen = top[0]
        if chosen is not None:
            event.date = TimeInterval(chosen.text, chosen.start.isoformat(), chosen.end.isoformat())


def _clause_verb(token: Token) -> Token:
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _heads(token: Token) -> list[Token]:
    return list(token.ancestors)
