"""Who held an office on a date: "the president" in a 2016 US story is Obama, in 2021 Biden.

The data is `kb/data/offices.yaml` (loaded into `KnowledgeBase.offices`); this module only answers
questions about it. A caller that found a title word before or near a name, or a bare title ("the
foreign minister said"), passes the title as written, the state it belongs to (from the title's
modifier, "Russian", "U.S.", or the article's context) and the article's published date.
"""

from __future__ import annotations

import datetime
import re
import weakref
from collections.abc import Iterable
from functools import lru_cache

from newsgraph.kb.loader import (
    KnowledgeBase,
    Office,
    Tenure,
    compare_partial,
    default_kb,
    fold,
    parse_partial_date,
)
from newsgraph.record import Entity

# Spelling variants folded together so that "Defense Minister" finds an office titled "Defence
# Minister"; the data then needs one form of each.
_VARIANTS = ((re.compile(r"\bdefense\b"), "defence"), (re.compile(r"\bspokes(?:man|woman)\b"), "spokesperson"))
_LEADING = re.compile(r"^(?:the|then|acting|interim)\s+")


@lru_cache(maxsize=65536)  # asked of every word of every article (nlp/titles.py): few distinct words
def normalise_title(title: str) -> str:
    """Case-, accent- and spelling-blind form of a title: 'the Defense Minister' -> 'defence minister'."""
    # "Secretary-General" and "Secretary General", "U.N." and "UN" are the same title
    text = re.sub(r"[-\s]+", " ", fold(title).replace(".", "")).strip()
    while _LEADING.match(text):
        text = _LEADING.sub("", text, count=1)
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    return text


def office_titles(kb: KnowledgeBase, office: Office) -> set[str]:
    """Every normalised title that names the office: its own forms, its canonical title, and the
    generic forms of its kind ("Foreign Minister" for every foreign minister)."""
    forms = [office.title, *office.titles, *kb.office_kinds.get(office.kind, [])]
    return {normalise_title(f) for f in forms}


def find_offices(title: str, state: str | None = None, organization: str | None = None,
                 kb: KnowledgeBase | None = None) -> list[Office]:
    """Offices an office id or a title names, for the given state (ISO alpha-2) or organisation id."""
    kb = kb or default_kb()
    if title in kb.offices:
        return [kb.offices[title]]
    code = state.upper() if state else None
    # with neither a state nor an organisation every office is a candidate, so that an unambiguous
    # title ("UN chief") still resolves and an ambiguous one ("Prime Minister") finds several
    return [o for o in _title_index(kb).get(normalise_title(title), [])
            if (code is None or o.state == code) and (organization is None or o.organization == organization)]


def title_forms(kb: KnowledgeBase) -> frozenset[str]:
    """Every normalised title some office answers to ("president", "foreign minister", "un chief")."""
    return frozenset(_title_index(kb))


_INDEXES: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list[Office]]] = weakref.WeakKeyDictionary()


def _title_index(kb: KnowledgeBase) -> dict[str, list[Office]]:
    """Normalised title -> offices, built once per knowledge base: the extractor may ask per mention."""
    index = _INDEXES.get(kb)
    if index is None:
        index = {}
        for office in kb.offices.values():
            for form in office_titles(kb, office):
                index.setdefault(form, []).append(office)
        _INDEXES[kb] = index
    return index


def _as_parts(date: datetime.date | str) -> tuple[int, ...]:
    parts = parse_partial_date(date)
    if parts is None:
        raise ValueError(f"not an ISO date: {date!r}")
    return parts


def tenure_on(tenure: Tenure, date: tuple[int, ...]) -> str | None:
    """'yes' when the tenure surely covers the date, 'maybe' when only a coarse bound leaves it open
    (a change known to the month, a date in that month), None when it does not cover it."""
    start, end = tenure.start_parts, tenure.end_parts
    if compare_partial(date, start) < 0:
        return None
    if end is not None and compare_partial(date, end) > 0:
        return None
    # on the start or end day (or in the start/end month or year at coarser precision) it is unsure;
    # the outgoing holder's last day is the incoming one's first, so a handover day goes to the newcomer
    unsure_start = compare_partial(date, start) == 0 and len(start) < len(date)
    on_end = end is not None and compare_partial(date, end) == 0
    if on_end and len(end) >= len(date):
        return None  # the end day itself belongs to the successor
    return "maybe" if unsure_start or on_end else "yes"


def holders_on(title: str, state: str | None, date: datetime.date | str, organization: str | None = None,
               kb: KnowledgeBase | None = None) -> list[tuple[Office, Tenure]]:
    """All (office, tenure) pairs that the title names on the date, sure ones first."""
    when = _as_parts(date)
    sure, unsure = [], []
    for office in find_offices(title, state, organization, kb):
        for tenure in office.holders:
            verdict = tenure_on(tenure, when)
            if verdict == "yes":
                sure.append((office, tenure))
            elif verdict == "maybe":
                unsure.append((office, tenure))
    return sure + unsure


def holder_on(title: str, state: str | None, date: datetime.date | str, organization: str | None = None,
              kb: KnowledgeBase | None = None) -> str | None:
    """The person id of the one holder of the office the title names on the date, or None.

    None when no office or holder matches, and when the answer is not unique: a shared office
    (several spokespersons), two offices answering to the title, or a handover whose exact day the
    data does not know. A wrong link is worse than none, so nothing is guessed.
    """
    found = holders_on(title, state, date, organization, kb)
    sure = {t.person for _, t in found if tenure_on(t, _as_parts(date)) == "yes"}
    if len(sure) == 1:
        return next(iter(sure))
    if not sure and len({t.person for _, t in found}) == 1:
        return found[0][1].person
    return None


def offices_on(person_id: str, date: datetime.date | str, kb: KnowledgeBase | None = None) -> list[Office]:
    """The offices a person surely held on the date: what the actor record of a 2016 story should
    say of John Kerry ("US Secretary of State"), whatever his role is today."""
    kb = kb or default_kb()
    when = _as_parts(date)
    return [office for office, tenure in kb.offices_for(person_id) if tenure_on(tenure, when) == "yes"]


def role_on(person_id: str, date: datetime.date | str, kb: KnowledgeBase | None = None) -> str | None:
    """The titles of the offices a person held on the date, joined ("President of Russia"), or None."""
    titles = list(dict.fromkeys(office.title for office in offices_on(person_id, date, kb)))
    return "; ".join(titles) or None


def dated_role(person_id: str, date: datetime.date | str, kb: KnowledgeBase | None = None) -> str | None:
    """The role to show for a known person in an article of that date: the offices held that day; else,
    when the knowledge base's role is an office the data dates and the date is outside it, "Former
    <the last office left before the date>" (Donald Trump in a 2022 story), or None before any (in a
    2015 story); else the knowledge base's role as it stands."""
    kb = kb or default_kb()
    held = role_on(person_id, date, kb)
    if held:
        return held
    entry = kb.get(person_id)
    role = entry.role if entry else None
    tenures = kb.offices_for(person_id)
    if role not in {office.title for office, _ in tenures}:
        return role
    when = _as_parts(date)
    left = [office.title for office, tenure in tenures
            if tenure.end_parts is not None and compare_partial(tenure.end_parts, when) <= 0]
    return f"Former {left[-1]}" if left else None


def roles_on_date(entities: Iterable[Entity], published: datetime.date | None, kb: KnowledgeBase) -> None:
    """Give each known person the role valid on the article's date ("US Secretary of State" for John
    Kerry in a 2016 story; not "President" for Donald Trump in a 2022 one), where the office data
    records one; other roles stay as the knowledge base states them."""
    if published is None:
        return
    for entity in entities:
        if entity.kb and entity.type == "person":
            entity.role = dated_role(entity.id, published, kb)
