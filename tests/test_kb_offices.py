"""Offices and their holders over time (kb/data/offices.yaml): loading, validation, linking by date."""

from __future__ import annotations

import datetime
import shutil
import textwrap
from pathlib import Path

import pytest

from newsgraph.kb.loader import DATA_DIR, KnowledgeBase, compare_partial, load_kb, parse_partial_date
from newsgraph.kb.offices import dated_role, find_offices, holder_on, holders_on, normalise_title, role_on

# --- the shipped data --------------------------------------------------------------------------

def test_shipped_offices_are_loaded_and_valid(kb: KnowledgeBase) -> None:
    assert len(kb.offices) >= 200
    assert sum(len(o.holders) for o in kb.offices.values()) >= 700
    states = {o.state for o in kb.offices.values() if o.state}
    gold_states = {"AM", "AZ", "CO", "GE", "HT", "IR", "IN", "PK", "RU", "UA", "TR", "MX", "PH", "CN", "ML",
                   "BF", "NE", "SO", "SY", "KE", "NG", "MM", "IL", "AF", "VE", "SA"}
    g20 = {"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA",
           "TR", "GB", "US"}
    assert gold_states | g20 <= states
    assert [p for p in kb.validate() if "office" in p] == []
    assert "offices.yaml" not in {e.source for e in kb.entries.values()}  # not read as actor entries


def test_every_holder_is_a_person_entry(kb: KnowledgeBase) -> None:
    for office in kb.offices.values():
        for tenure in office.holders:
            assert kb.entries[tenure.person].type == "person", (office.id, tenure.person)


def test_offices_for_a_person(kb: KnowledgeBase) -> None:
    held = [(o.id, t.start) for o, t in kb.offices_for("boris-johnson")]
    assert held == [("gb-foreign-secretary", "2016-07-13"), ("gb-prime-minister", "2019-07-24")]


# --- linking by date: sentences written here, with the title a reader would take from them -------

DATES = ("2016-06-01", "2021-06-01", "2025-06-01")  # the same title on three publication dates

SENTENCES = [  # sentence, title as written, state, organisation, holders on DATES
    ("The President said the deal was done.", "President", "US", None,
     ["barack-obama", "joe-biden", "donald-trump"]),
    ("The U.S. secretary of state flew to Riyadh.", "secretary of state", "US", None,
     ["john-kerry", "antony-blinken", "marco-rubio"]),
    ("Britain's prime minister met him in London.", "prime minister", "GB", None,
     ["david-cameron", "boris-johnson", "keir-starmer"]),
    ("Japan's prime minister visited Seoul.", "prime minister", "JP", None,
     ["shinzo-abe", "yoshihide-suga", "shigeru-ishiba"]),
    ("India's president opened the session.", "president", "IN", None,
     ["pranab-mukherjee", "ram-nath-kovind", "droupadi-murmu"]),
    ("Israel's defense minister ordered the strike.", "defense minister", "IL", None,
     ["avigdor-lieberman", "benny-gantz", "israel-katz"]),
    ("The EU foreign policy chief called for calm.", "EU foreign policy chief", None, "eu",
     ["federica-mogherini", "josep-borrell", "kaja-kallas"]),
    ("The White House press secretary told reporters.", "White House press secretary", "US", None,
     ["josh-earnest", "jen-psaki", "karoline-leavitt"]),
    ("NATO's secretary general warned Moscow.", "secretary general", None, "nato",
     ["jens-stoltenberg", "jens-stoltenberg", "mark-rutte"]),
    ("The UN chief urged a ceasefire.", "UN chief", None, None,
     ["ban-ki-moon", "antonio-guterres", "antonio-guterres"]),
    ("Iran's foreign minister rejected the talks.", "foreign minister", "IR", None,
     ["mohammad-javad-zarif", "mohammad-javad-zarif", "abbas-araghchi"]),
    ("Russia's foreign minister said so.", "foreign minister", "RU", None,
     ["sergei-lavrov", "sergei-lavrov", "sergei-lavrov"]),
]


@pytest.mark.parametrize(("sentence", "title", "state", "organization", "expected"), SENTENCES)
def test_title_resolves_to_the_holder_on_the_article_date(sentence: str, title: str, state: str | None,
                                                         organization: str | None, expected: list[str],
                                                         kb: KnowledgeBase) -> None:
    assert title in sentence  # the title as the sentence writes it
    found = [holder_on(title, state, date, organization=organization, kb=kb) for date in DATES]
    assert found == expected


def test_role_valid_on_the_article_date(kb: KnowledgeBase) -> None:
    assert role_on("john-kerry", "2016-06-01", kb=kb) == "US Secretary of State"
    assert role_on("john-kerry", "2019-06-01", kb=kb) is None  # out of office: the KB role says "Former ..."
    assert role_on("dmitry-medvedev", "2011-06-01", kb=kb) == "President of Russia"
    assert role_on("dmitry-medvedev", "2015-06-01", kb=kb) == "Prime Minister of Russia"
    assert role_on("benjamin-netanyahu", "2016-06-01", kb=kb) == "Prime Minister of Israel; Foreign Minister of Israel"


def test_role_outside_the_office_dates_is_former_or_none(kb: KnowledgeBase) -> None:
    # the knowledge base says "President of the United States" (late 2025); the office data dates it
    assert dated_role("donald-trump", "2022-06-01", kb) == "Former President of the United States"
    assert dated_role("donald-trump", "2015-06-01", kb) is None
    assert dated_role("donald-trump", "2018-06-01", kb) == "President of the United States"
    # a role the office data does not date stays as the knowledge base writes it
    assert dated_role("joe-biden", "2025-06-01", kb) == kb.entries["joe-biden"].role


def test_handover_day_belongs_to_the_successor(kb: KnowledgeBase) -> None:
    assert holder_on("Prime Minister", "GB", "2016-07-12", kb=kb) == "david-cameron"
    assert holder_on("Prime Minister", "GB", "2016-07-13", kb=kb) == "theresa-may"
    assert holder_on("President", "US", datetime.date(2017, 1, 20), kb=kb) == "donald-trump"


def test_month_precise_handover_is_not_guessed(kb: KnowledgeBase) -> None:
    # Lecornu handed the armed forces ministry to Vautrin in October 2025; the day is not recorded
    assert holder_on("Minister of the Armed Forces", "FR", "2025-09-20", kb=kb) == "sebastien-lecornu"
    assert holder_on("Minister of the Armed Forces", "FR", "2025-10-15", kb=kb) is None
    assert holder_on("Minister of the Armed Forces", "FR", "2025-11-15", kb=kb) == "catherine-vautrin"


def test_acting_holders_and_gaps(kb: KnowledgeBase) -> None:
    assert holder_on("President", "BR", "2016-06-15", kb=kb) == "michel-temer"  # acting while Rousseff was suspended
    found = holders_on("President", "BR", "2016-06-15", kb=kb)
    assert [t.acting for _, t in found] == [True]
    assert holder_on("President", "US", "2005-01-01", kb=kb) is None  # before the recorded holders


def test_unanswerable_questions_give_none(kb: KnowledgeBase) -> None:
    # a shared office: several spokespersons at once
    assert holder_on("Foreign Ministry spokesperson", "CN", "2023-06-01", kb=kb) is None
    # a title that names offices of many states when no state is given
    assert holder_on("Prime Minister", None, "2023-06-01", kb=kb) is None
    assert holder_on("Grand Vizier", "TR", "2023-06-01", kb=kb) is None
    with pytest.raises(ValueError):
        holder_on("President", "US", "last Tuesday", kb=kb)


def test_titles_are_matched_blind_to_case_spelling_and_articles(kb: KnowledgeBase) -> None:
    assert normalise_title("the Defense  Minister") == "defence minister"
    assert normalise_title("Foreign Ministry spokeswoman") == "foreign ministry spokesperson"
    assert normalise_title("U.N. Secretary-General") == normalise_title("UN secretary general")
    assert holder_on("Director-General", None, "2021-06-01", organization="iaea", kb=kb) == "rafael-grossi"
    assert holder_on("Secretary General", None, "2021-06-01", kb=kb) is None  # the UN's, NATO's, the OAS's...
    assert [o.id for o in find_offices("the defence secretary", "us", kb=kb)] == ["us-secretary-of-defense"]
    assert [o.id for o in find_offices("us-president", kb=kb)] == ["us-president"]  # an office id works too


# --- partial dates -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    ("2017-01-20", (2017, 1, 20)), ("2017-01", (2017, 1)), ("2017", (2017,)),
    (datetime.date(2017, 1, 20), (2017, 1, 20)), ("2021-02-30", None), ("2021-13", None), ("17-01-20", None),
    ("January 2017", None), (None, None),
])
def test_parse_partial_date(text: object, parts: tuple[int, ...] | None) -> None:
    assert parse_partial_date(text) == parts


def test_partial_dates_compare_at_the_coarser_precision() -> None:
    assert compare_partial((2017, 1), (2017, 1, 20)) == 0
    assert compare_partial((2017,), (2018, 3)) == -1
    assert compare_partial((2017, 2, 1), (2017, 1)) == 1


# --- validation of a broken offices file --------------------------------------------------------

PEOPLE = """\
- {id: ann-alder, name: Ann Alder, type: person, country: GB}
- {id: ben-birch, name: Ben Birch, type: person, country: GB}
- {id: cara-cedar, name: Cara Cedar, type: person, country: GB}
- {id: harbour-watch, name: Harbour Watch, type: ngo, country: GB}
"""

OFFICES = """\
kinds:
  head_of_government: [head of government]
  foreign_minister: [Foreign Minister]
offices:
  - id: atlantis-premier          # clean: handovers on the same day or month are no overlap
    title: Premier of Atlantis
    kind: head_of_government
    state: GB
    titles: [Premier]
    holders:
      - {person: ann-alder, start: 2010-05-11, end: 2016-07-13}
      - {person: ben-birch, start: 2016-07-13, end: 2019-07}
      - {person: cara-cedar, start: 2019-07-24}
  - id: atlantis-foreign-minister
    title: Foreign Minister of Atlantis
    kind: foreign_minister
    state: GB
    holders:
      - {person: ann-alder, start: 2012-01-01, end: 2015-01-01}
      - {person: ben-birch, start: 2014-06-01, end: 2016-01-01}      # overlaps Ann Alder
      - {person: cara-cedar, start: 2018-02-30}                      # no such day
      - {person: dan-dogwood, start: 2019-01-01, end: 2018-01-01}    # unknown, and ends before it starts
      - {person: ben-birch, start: 2014-06-01, end: 2016-01-01}      # listed twice
      - {person: harbour-watch, start: 2020}                         # not a person
  - id: atlantis-foreign-minister  # duplicate office id
    title: Foreign Minister of Atlantis, again
    kind: foreign_minister
    state: GB
  - id: atlantis-spokespersons     # shared: overlaps are fine
    title: Spokesperson of the Atlantis Foreign Ministry
    kind: foreign_minister
    state: GB
    shared: true
    holders:
      - {person: ann-alder, start: 2020}
      - {person: ben-birch, start: 2021}
  - id: norway-envoy
    title: Envoy
    kind: envoy                    # not a kind
    state: NO                      # YAML reads this as false
  - id: lost-office
    title: Office of Nowhere
    kind: foreign_minister
    state: XQ                      # not an ISO code
  - id: orphan-office
    title: Office of an unknown body
    kind: foreign_minister
    organization: no-such-body
"""


@pytest.fixture
def broken_offices(tmp_path: Path) -> list[str]:
    for name in ("un_states.yaml", "country_aliases.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "people.yaml").write_text(textwrap.dedent(PEOPLE), encoding="utf-8")
    (tmp_path / "offices.yaml").write_text(textwrap.dedent(OFFICES), encoding="utf-8")
    return load_kb(tmp_path).validate()


def test_validate_reports_each_office_problem(broken_offices: list[str]) -> None:
    problems = broken_offices
    text = "\n".join(problems)

    def reported(*parts: str) -> bool:
        return any(all(part in p for part in parts) for p in problems)

    assert reported("atlantis-foreign-minister", "ann-alder", "overlaps", "ben-birch"), text
    assert reported("cara-cedar", "2018-02-30", "not a date"), text
    assert reported("dan-dogwood", "unknown person id"), text
    assert reported("dan-dogwood", "ends (2018-01-01) before it starts"), text
    assert reported("ben-birch", "duplicate holder"), text
    assert reported("harbour-watch", "is a ngo, not a person"), text
    assert reported("duplicate office id", "atlantis-foreign-minister"), text
    assert reported("norway-envoy", "unknown kind", "envoy"), text
    assert reported("norway-envoy", "quote the state code"), text
    assert reported("lost-office", "unknown state code", "XQ"), text
    assert reported("orphan-office", "unknown organization", "no-such-body"), text
    assert not any("atlantis-premier" in p or "atlantis-spokespersons" in p for p in problems), text


def test_offices_file_of_the_wrong_shape_is_a_problem(tmp_path: Path) -> None:
    for name in ("un_states.yaml", "country_aliases.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "offices.yaml").write_text("- id: a-list-instead\n", encoding="utf-8")
    problems = load_kb(tmp_path).validate()
    assert any("offices.yaml" in p and "mapping" in p for p in problems), problems


def test_a_known_person_keeps_the_role_of_the_story_date(extractor) -> None:
    from newsgraph.record import Article

    def role(published: str) -> str | None:
        record = extractor.extract(Article(id="r", text="Joe Biden spoke in Ohio.", published=published))
        return next(e.role for e in record.entities if e.name == "Joe Biden")

    assert role("2016-05-01") == "Vice President of the United States"
    assert role("2022-05-01") == "President of the United States"
