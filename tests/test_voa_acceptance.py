"""Issue 17's acceptance, on real news: the 89 Voice of America stories of ../shared/voa (public domain,
voanews.com, 2019-2025) ingested, the 100 most-mentioned actors hold no place typed as an organisation,
no disease, vehicle or product, and every head of state or government, foreign minister or UN, NATO or
EU leader among them is linked to the knowledge base with the role valid on the story's date.

The list is written to /tmp/voa_top100.txt (rank, name, type, country, knowledge-base id, role on the
date of the actor's latest story) for a reader to check by eye. One extraction of the 89 stories with
the session's Extractor: about half a minute.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.kb.loader import default_kb
from newsgraph.kb.non_actors import non_actors
from newsgraph.kb.offices import offices_on, role_on
from newsgraph.kb.places import city_countries
from newsgraph.readers import read_jsonl
from newsgraph.record import Entity, Extraction
from newsgraph.store import Store

TOP = 100
REPORT = Path("/tmp/voa_top100.txt")
ORGANISATION_TYPES = {"organization", "ngo", "company", "government_body", "think_tank", "political_party",
                      "international_organization", "media", "armed_group", "criminal_organization"}
# Names of diseases and vehicles these stories use (read in them): none may be an actor
NOT_ACTORS_IN_THE_STORIES = {"COVID-19", "COVID", "Ebola", "cholera", "mpox", "Jaffar Express"}
LEADING_KINDS = {"head_of_state", "head_of_government", "foreign_minister"}
LEADING_ORGANISATIONS = {"un", "nato", "eu"}
# Words of a role that make an unlinked person such a leader ("Prime Minister"), unless qualified
LEADER_WORDS = ("president", "prime minister", "foreign minister", "secretary of state", "secretary-general",
                "secretary general", "chancellor")
NOT_THE_LEADER = ("former", "vice", "deputy", "ex-", "assistant", "spokes", "adviser", "advisor", "aide")


@pytest.fixture(scope="module")
def voa(extractor, tmp_path_factory) -> tuple[list[Extraction], Store]:
    path = Path(__file__).resolve().parents[2] / "shared" / "voa" / "voa_stories.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    records = list(extractor.extract_many(read_jsonl(path)))
    store = Store(str(tmp_path_factory.mktemp("voa") / "voa.db"))
    store.add_many([(record, None) for record in records])
    return records, store


def top_actors(store: Store) -> list[dict]:
    """The actor table as `newsgraph actors` gives it (media only cited as a channel left out), by mentions."""
    return sorted(store.actor_table(), key=lambda row: (-row["mentions"], row["name"]))[:TOP]


def appearances(records: list[Extraction]) -> dict[str, list[tuple[datetime.date, Entity]]]:
    """Each entity id -> (story date, the story's record of it), oldest first."""
    found: dict[str, list[tuple[datetime.date, Entity]]] = defaultdict(list)
    for record in records:
        day = datetime.date.fromisoformat(record.article.published[:10])
        for entity in record.entities:
            found[entity.id].append((day, entity))
    return {key: sorted(value, key=lambda pair: pair[0]) for key, value in found.items()}


def is_leader_office(office) -> bool:  # noqa: ANN001 - an Office
    return office.kind in LEADING_KINDS or (office.kind == "organization_head"
                                             and office.organization in LEADING_ORGANISATIONS)


def test_the_top_actors_are_actors(voa: tuple[list[Extraction], Store]) -> None:
    records, store = voa
    top = top_actors(store)
    kb = default_kb()
    places = city_countries()
    assert len(top) == TOP
    misplaced = [row["name"] for row in top if row["type"] in ORGANISATION_TYPES and not row["kb"]
                 and (row["name"] in places or any(e.type == "country" for e in kb.lookup(row["name"])))]
    assert misplaced == [], f"places typed as organisations: {misplaced}"
    data = non_actors()
    wrong = [row["name"] for row in top if row["name"] in NOT_ACTORS_IN_THE_STORIES
             or data.known_name(row["name"]) or data.by_last_word(row["name"].split())]
    assert wrong == [], f"names that are no actors: {wrong}"
    _write_report(top, appearances(records))


def test_leaders_among_them_are_linked_with_the_role_of_the_day(voa: tuple[list[Extraction], Store]) -> None:
    records, store = voa
    seen = appearances(records)
    kb = default_kb()
    problems = []
    for row in top_actors(store):
        if row["type"] != "person":
            continue
        for day, entity in seen[row["id"]]:
            if entity.kb:
                leading = [o for o in offices_on(entity.id, day, kb) if is_leader_office(o)]
                valid = role_on(entity.id, day, kb)
                if leading and entity.role != valid:
                    problems.append(f"{entity.name} on {day}: role {entity.role!r}, office data {valid!r}")
            else:
                role = (entity.role or "").lower()
                if any(word in role for word in LEADER_WORDS) and not any(word in role for word in NOT_THE_LEADER):
                    problems.append(f"{entity.name} on {day}: a leader ({entity.role!r}) not in the knowledge base")
    assert problems == []


def _write_report(top: list[dict], seen: dict[str, list[tuple[datetime.date, Entity]]]) -> None:
    lines = ["rank\tname\ttype\tcountry\tkb id\trole (latest story)\tarticles\tmentions"]
    for rank, row in enumerate(top, start=1):
        day, latest = seen[row["id"]][-1] if seen.get(row["id"]) else (None, None)
        role = f"{latest.role} ({day})" if latest is not None and latest.role else ""
        lines.append("\t".join([str(rank), row["name"], row["type"], row["country"] or "",
                                row["id"] if row["kb"] else "", role, str(row["articles"]), str(row["mentions"])]))
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
