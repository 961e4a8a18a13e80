"""The knowledge base: countries from countryinfo, curated files, search, and validation."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from newsgraph.kb.loader import ACTOR_TYPES, DATA_DIR, KnowledgeBase, fold, load_kb


def test_every_un_state_observer_and_other_state_is_a_country_entry(kb: KnowledgeBase) -> None:
    countries = [e for e in kb.entries.values() if e.type == "country"]
    codes = [e.country for e in countries]
    assert len(countries) == 196  # 193 UN members + the Holy See + Palestine + Taiwan (a state outside the UN)
    assert len(set(codes)) == 196
    assert all(code and re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert {"VA", "PS", "TW", "NO", "US", "IR", "VE"} <= set(codes)  # NO must survive YAML's "Norway problem"
    assert kb.country("ve") is kb.entries["venezuela"]
    assert kb.country("ir") is kb.entries["iran"]


@pytest.mark.parametrize(("form", "code"), [("Iran's U.N. mission", "IR"), ("Chinese mission to the U.N.", "CN"),
                                           ("Permanent Mission of Kenya to the United Nations", "KE")])
def test_a_un_member_states_mission_is_named_by_its_state(kb: KnowledgeBase, form: str, code: str) -> None:
    assert [(e.type, e.country, e.part_of) for e in kb.lookup(form)] == [("government_body", code, code)]


def test_a_state_outside_the_un_has_no_mission_to_it(kb: KnowledgeBase) -> None:
    assert kb.lookup("Taiwan's U.N. mission") == []


def test_validate_finds_no_problems(kb: KnowledgeBase) -> None:
    problems = kb.validate()
    print("\n".join(problems))
    assert problems == [], "\n".join(problems)


def test_every_entry_has_a_known_type_and_a_clean_id(kb: KnowledgeBase) -> None:
    bad = [e.id for e in kb.entries.values()
           if e.type not in ACTOR_TYPES or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id)]
    assert bad == []


@pytest.mark.parametrize(("entry_id", "code", "capital", "demonym"), [
    ("iran", "IR", "Tehran", "Iranian"),
    ("venezuela", "VE", "Caracas", "Venezuelan"),
])
def test_capital_and_demonym(kb: KnowledgeBase, entry_id: str, code: str, capital: str, demonym: str) -> None:
    entry = kb.entries[entry_id]
    assert entry.country == code
    assert entry.capital == capital
    assert capital in entry.aliases  # the capital names the government ("Tehran said ...")
    assert demonym in entry.demonyms
    assert [e.id for e in kb.lookup(capital)] == [entry_id]
    assert kb.demonyms[demonym] == [entry_id]


def test_capitals_that_name_other_things_are_not_aliases(kb: KnowledgeBase) -> None:
    assert "Washington" in kb.entries["united-states"].aliases  # the metonym from country_aliases.yaml
    assert "Washington D.C." not in kb.entries["united-states"].aliases  # capital listed as not an alias
    assert "Kingston" not in kb.entries["jamaica"].aliases


def test_search_is_accent_and_case_blind(kb: KnowledgeBase) -> None:
    hits = kb.search("SAO TOME")
    assert hits, "no hit for an accent-free query"
    assert hits[0].name == "São Tomé and Príncipe"
    assert hits[0].country == "ST"
    assert fold("Bogotá") == "bogota"


def test_search_ranks_exact_name_first(kb: KnowledgeBase) -> None:
    hits = kb.search("niger")
    assert {"niger", "nigeria"} <= {e.id for e in hits}
    assert hits[0].id == "niger"
    assert kb.search("no actor is called this") == []


CURATED = """\
- id: iran                  # clashes with the country built from countryinfo
  name: Iran Again
  type: government_body
  country: IR
- id: harbour-watch
  name: Harbour Watch
  type: pressure_group      # not one of the types
  country: GB
- id: atlantis-navy
  name: Atlantis Navy
  type: armed_forces
  country: XQ               # not an ISO code
- id: harbour-watch-youth
  name: Harbour Watch Youth
  type: ngo
  country: GB
  part_of: no-such-body     # neither an id nor a country code
- id: harbour-watch-london
  name: Harbour Watch London
  type: ngo
  country: GB
  part_of: GB
  aliases: [HWL]
"""


@pytest.fixture
def broken_kb(tmp_path: Path) -> KnowledgeBase:
    for name in ("un_states.yaml", "country_aliases.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "curated.yaml").write_text(textwrap.dedent(CURATED), encoding="utf-8")
    return load_kb(tmp_path)


def test_curated_file_in_another_data_dir_is_loaded(broken_kb: KnowledgeBase) -> None:
    entry = broken_kb.entries["harbour-watch-london"]
    assert entry.source == "curated.yaml"
    assert [e.id for e in broken_kb.lookup("HWL")] == ["harbour-watch-london"]
    assert broken_kb.entries["iran"].type == "country"  # the duplicate did not replace the first entry
    assert len([e for e in broken_kb.entries.values() if e.type == "country"]) == 196


def test_validate_reports_each_problem(broken_kb: KnowledgeBase) -> None:
    problems = broken_kb.validate()
    text = "\n".join(problems)

    def reported(*parts: str) -> bool:
        return any(all(part in p for part in parts) for p in problems)

    assert reported("duplicate id", "'iran'"), text
    assert reported("harbour-watch", "unknown type", "pressure_group"), text
    assert reported("atlantis-navy", "unknown country code", "XQ"), text
    assert reported("harbour-watch-youth", "part_of", "no-such-body"), text
    assert not any("harbour-watch-london" in p for p in problems), text  # the good entry is not blamed
    assert len(problems) == 4, text


def test_curated_entry_without_required_keys_is_a_problem(tmp_path: Path) -> None:
    for name in ("un_states.yaml", "country_aliases.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "people.yaml").write_text("- id: nameless\n  type: person\n- just a string\n",
                                          encoding="utf-8")
    problems = load_kb(tmp_path).validate()
    assert any("people.yaml" in p and "entry 1" in p for p in problems), problems
    assert any("people.yaml" in p and "entry 2" in p for p in problems), problems


def test_a_two_part_states_demonyms_each_name_it() -> None:
    """countryinfo gives "Bosnian,Herzegovinian" as one string; each half is a demonym of the state."""
    from newsgraph.kb.loader import default_kb

    kb = default_kb()
    assert kb.demonyms.get("Bosnian") == ["bosnia-and-herzegovina"]
    assert "Bosnian,Herzegovinian" not in kb.demonyms
