"""Story events: when two event reports describe the same happening.

Two reports are of one happening when their PLOVER types are of one family (ontology/event_scale.yaml),
they name the same source and target actors (compared through `actor_key`, where cross-article actor
resolution plugs in its canonical ids), their date intervals overlap within a few days, and their places,
where both give one, are the same; and when one end names no actor, both give the same place or what the
act was done to shares a word ("the hostages", "hostages on the train"). A report with no actor at
either end, with no date at all (its own or its article's) or only a vague one (over a week: "in
2015"), stands alone: nothing says which happening it is. Meetings and cooperation have no
direction ("X met Y" and "Y met X" are one meeting), nor have agreements, so their two actors are
compared as a pair.

Pure rules, no SQL: resolve/storystore.py applies them to the store at ingest, and the ECB+ benchmark to
its documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache

from newsgraph.ontology import event_scales

TOLERANCE_DAYS = 3  # "on Tuesday" in one article and its publication day in another: the same strike
# a report dated only "in 2015" or "since September" overlaps too much to tell one happening from another,
# and no story grows longer than this by taking reports
MAX_SPAN_DAYS = 7
SLACK = timedelta(days=TOLERANCE_DAYS)
UNDIRECTED_FAMILIES = frozenset({"meeting", "cooperation", "commitment"})


def _identity(entity_id: str) -> str:
    return entity_id


_canonical: Callable[[str], str] = _identity


def actor_key(entity_id: str | None) -> str | None:
    """The id an actor is compared by across articles: every comparison of actors goes through here."""
    return None if entity_id is None else _canonical(entity_id)


def use_actor_keys(canonical: Callable[[str], str] | None) -> None:
    """Compare actors by `canonical(id)` from now on (None: by their own ids again)."""
    global _canonical
    _canonical = canonical or _identity


@lru_cache(maxsize=1024)  # read for every comparison of a report; the ontology is read once per process
def family_of(event_type: str) -> str:
    scale = event_scales().get(event_type)
    return scale.family if scale is not None else event_type.lower()


@dataclass
class Report:
    """One event as a report of a happening: what the rules compare."""

    event: int
    type: str
    source: str | None
    target: str | None
    start: date | None
    end: date | None
    location: str | None = None
    target_text: str | None = None  # what the text says the act was done to, when it names no actor

    @cached_property
    def words(self) -> frozenset[str]:
        return content_words(self.target_text)

    @property
    def one_ended(self) -> bool:
        return actor_key(self.source) is None or actor_key(self.target) is None

    @property
    def family(self) -> str:
        return family_of(self.type)

    @property
    def match_key(self) -> str | None:
        """Family and actors, which every report of one happening shares; None when it shares nothing."""
        source, target = actor_key(self.source), actor_key(self.target)
        if (source is None and target is None) or self.start is None or self.end is None:
            return None
        if (self.end - self.start).days > MAX_SPAN_DAYS:
            return None
        ends = [source or "", target or ""]
        if self.family in UNDIRECTED_FAMILIES:
            ends.sort()
        return "|".join([self.family, *ends])


@dataclass
class Story:
    """A happening as the rules know it: the span and place of its reports so far."""

    id: int
    match_key: str | None  # None: a report that stands alone
    start: date | None
    end: date | None
    location: str | None = None
    reports: list[Report] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # of what its reports say the act was done to

    def takes(self, report: Report) -> bool:
        if report.start is None or report.end is None or self.start is None or self.end is None:
            return False
        slack = SLACK
        if report.start > self.end + slack or report.end < self.start - slack:
            return False
        # a story's span stays a week at most: reports a day apart each must not chain into a month
        if (max(self.end, report.end) - min(self.start, report.start)).days > MAX_SPAN_DAYS:
            return False
        if self.location and report.location and not _same_place(self.location, report.location):
            return False
        if report.one_ended:
            # "China suppressed freedoms" and "the Chinese occupied a gray area" share an actor and a day but
            # not what was done to whom: with one end unnamed, the same place or the same words must say so
            return bool(self.location and report.location) or bool(self.words & report.words)
        return True

    def add(self, report: Report) -> None:
        if self.start is not None and self.end is not None and report.start is not None and report.end is not None:
            self.start, self.end = min(self.start, report.start), max(self.end, report.end)
        self.location = self.location or report.location
        self.words |= report.words
        self.reports.append(report)


WORD = re.compile(r"[^\W\d_]+")
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "its", "their", "his",
                            "her", "which", "who", "that", "this", "these", "those", "more", "than", "all", "some",
                            "other", "any", "with", "from", "by"})


@lru_cache(maxsize=65536)  # the same phrases come back in report after report
def content_words(text: str | None) -> frozenset[str]:
    """The words of a phrase that say what it is about, lowercase, a plural -s dropped ("hostages": hostage)."""
    if not text:
        return frozenset()
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                     for w in WORD.findall(text.casefold()) if len(w) > 2 and w not in FUNCTION_WORDS)


def _same_place(one: str, other: str) -> bool:
    """'northern Israel' and 'Israel' are one place at two scales; 'Gaza' and 'Rafah' are not known to be."""
    first, second = _place_words(one), _place_words(other)
    return first <= second or second <= first


def _place_words(location: str) -> set[str]:
    return set(location.casefold().replace(",", " ").split()) - {"the", "of", "in", "near"}


@lru_cache(maxsize=65536)  # the events of an article share its publication day, and most give no date of their own
def interval(date_start: str | None, date_end: str | None, published: str | None) -> tuple[date | None, date | None]:
    """The days a report speaks of: its own dates, else its article's publication day."""
    start = _day(date_start) or _day(published)
    end = _day(date_end) or _day(date_start) or _day(published)
    if start is None or end is None:
        return None, None
    return (start, end) if start <= end else (end, start)


@lru_cache(maxsize=65536)  # every event of an article reads its publication day
def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def assign(reports: Iterable[Report], known: dict[str, list[Story]]) -> tuple[dict[int, Story], list[Story]]:
    """Each report's story: the first known story of its key that takes it, else a new one named after the
    report's event. `known` (stories by match key, including those of earlier batches) grows with the
    new ones. Returns the story of every report and the stories made here."""
    story_of: dict[int, Story] = {}
    made: list[Story] = []
    for report in reports:
        key = report.match_key
        candidates = known.setdefault(key, []) if key is not None else []
        story = next((s for s in candidates if s.takes(report)), None)
        if story is None:
            story = Story(report.event, key, report.start, report.end)
            made.append(story)
            if key is not None:
                candidates.append(story)
        story.add(report)
        story_of[report.event] = story
    return story_of, made
