"""Standing ties between actors: affiliation from a title, an apposition or a possessive, location
from '-based', armed wings, alliances and oppositions; and sentences that must give none.

Every text here is a short news-like sentence written for these tests. Relations are compared
through entity names, never ids. Alliance and opposition are symmetric ties, so their direction is
not checked.
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Extraction, Relation

# --- helpers --------------------------------------------------------------------------------------


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="rel", text=text, published="2025-06-10"))


def name_of(extraction: Extraction, entity_id: str) -> str:
    entity = extraction.entity(entity_id)
    assert entity is not None, f"{entity_id!r} is not an entity of the extraction"
    return entity.name


def ties(extraction: Extraction, cls: str | None = None) -> set[tuple[str, str, str, str]]:
    """(class, type, source name, target name) of the relations, optionally of one class."""
    return {(r.cls, r.type, name_of(extraction, r.source), name_of(extraction, r.target))
            for r in extraction.relations if cls is None or r.cls == cls}


def pairs(extraction: Extraction, cls: str) -> set[frozenset[str]]:
    """Unordered name pairs of the symmetric ties of one class."""
    return {frozenset((name_of(extraction, r.source), name_of(extraction, r.target)))
            for r in extraction.relations if r.cls == cls}


def the_tie(extraction: Extraction, cls: str, source: str, target: str) -> Relation:
    found = [r for r in extraction.relations if r.cls == cls
             and name_of(extraction, r.source) == source and name_of(extraction, r.target) == target]
    assert found, f"no {cls} {source!r} -> {target!r}; got {ties(extraction) or 'no relations'}"
    return found[0]


# --- affiliation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "person", "owner", "kind"), [
    pytest.param("Venezuelan Foreign Minister Yván Gil rejected the accusations on Monday.",
                 "Yván Gil Pinto", "Venezuela", "minister_of", id="demonym-title"),
    pytest.param("Hezbollah leader Naim Qassem said the group would not disarm.",
                 "Naim Qassem", "Hezbollah", "leader_of", id="organisation-title"),
])
def test_affiliation_from_a_title(extractor, text: str, person: str, owner: str, kind: str) -> None:
    extraction = extract(extractor, text)
    tie = the_tie(extraction, "affiliation", person, owner)
    assert tie.type == kind
    assert tie.sentence == 0


@pytest.mark.parametrize(("text", "person", "owner", "kind"), [
    pytest.param("Daniel Fried, a distinguished fellow at the Atlantic Council, said the sanctions were overdue.",
                 "Daniel Fried", "Atlantic Council", "member_of", id="fellow-at"),
    pytest.param("Naim Qassem, the leader of Hezbollah, said the group would not disarm.",
                 "Naim Qassem", "Hezbollah", "leader_of", id="leader-of"),
])
def test_affiliation_from_an_apposition(extractor, text: str, person: str, owner: str, kind: str) -> None:
    extraction = extract(extractor, text)
    assert the_tie(extraction, "affiliation", person, owner).type == kind


def test_affiliation_from_a_possessive(extractor) -> None:
    extraction = extract(extractor, "Iran's Quds Force has trained militias across the region.")
    assert the_tie(extraction, "affiliation", "Quds Force", "Iran").type == "part_of"


def test_armed_wing(extractor) -> None:
    extraction = extract(extractor, "Israel struck Hamas and its armed wing, the Qassam Brigades.")
    assert the_tie(extraction, "affiliation", "Izz ad-Din al-Qassam Brigades", "Hamas").type == "armed_wing_of"


# --- location ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param("The Caracas-based Tren de Aragua was added to a sanctions list on Monday.", id="city"),
    pytest.param("Prosecutors called the Venezuela-based Tren de Aragua a transnational gang.", id="country"),
])
def test_location_from_based(extractor, text: str) -> None:
    extraction = extract(extractor, text)
    assert the_tie(extraction, "location", "Tren de Aragua", "Venezuela").type == "based_in"


# --- alliance and opposition ------------------------------------------------------------------------


def test_alliance_with_two_partners(extractor) -> None:
    extraction = extract(extractor, "Russia strengthened its alliance with Belarus and North Korea.")
    assert pairs(extraction, "alliance") == {frozenset({"Russia", "Belarus"}), frozenset({"Russia", "North Korea"})}


def test_opposition_from_rivalry_with(extractor) -> None:
    extraction = extract(extractor, "Saudi Arabia's rivalry with Iran has shaped the region for decades.")
    assert pairs(extraction, "opposition") == {frozenset({"Saudi Arabia", "Iran"})}


def test_opposition_from_arch_rival(extractor) -> None:
    extraction = extract(extractor, "Iran's arch-rival Israel struck a missile base near Tehran.")
    assert pairs(extraction, "opposition") == {frozenset({"Iran", "Israel"})}


# --- negatives --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    pytest.param("Russia and Ukraine exchanged prisoners on Friday.", id="prisoner-swap"),
    pytest.param("Colombia and Venezuela reopened their shared border on Monday.", id="shared-border"),
])
def test_two_countries_without_tie_words_give_no_alliance(extractor, text: str) -> None:
    extraction = extract(extractor, text)
    assert len({e.id for e in extraction.entities if e.type == "country"}) == 2, extraction.entities
    assert not ties(extraction, "alliance")
    assert not ties(extraction, "opposition")


def test_lowercase_role_without_a_named_person_gives_no_affiliation(extractor) -> None:
    extraction = extract(extractor, "The foreign minister said the talks with Iran would resume.")
    assert any(e.name == "Iran" for e in extraction.entities)
    assert not ties(extraction, "affiliation")


# --- state offices --------------------------------------------------------------------------------


def test_an_office_holder_named_without_a_state_belongs_to_the_state_of_the_story(extractor) -> None:
    text = ("Floods hit eastern Moldova on Monday. Moldova asked for help, and Prime Minister Dorin Balan "
            "visited the flooded villages on Tuesday.")
    extraction = extract(extractor, text)
    assert the_tie(extraction, "affiliation", "Dorin Balan", "Moldova").type == "minister_of"


def test_the_president_of_a_charity_is_not_tied_to_the_state_of_the_story(extractor) -> None:
    text = ("Floods hit eastern Moldova on Monday. Moldova asked for help, and Relief Without Borders "
            "President Dorin Balan visited the flooded villages on Tuesday.")
    extraction = extract(extractor, text)
    assert not any(t[2:] == ("Dorin Balan", "Moldova") for t in ties(extraction)), ties(extraction)


def test_an_office_holder_of_another_state_named_by_demonym_belongs_to_that_state(extractor) -> None:
    text = "Moldova asked for help after the floods, and Romanian Prime Minister Dorin Balan sent rescue teams."
    extraction = extract(extractor, text)
    assert not any(t[2:] == ("Dorin Balan", "Moldova") for t in ties(extraction)), ties(extraction)
    assert the_tie(extraction, "affiliation", "Dorin Balan", "Romania")


# --- oppositions from conflict nouns and from reported attacks -------------------------------------


def test_the_war_between_two_states_opposes_them(extractor) -> None:
    extraction = extract(extractor, "The war between Armenia and Azerbaijan displaced thousands of families.")
    assert frozenset({"Armenia", "Azerbaijan"}) in pairs(extraction, "opposition"), ties(extraction)


def test_a_war_named_with_no_sides_opposes_nobody(extractor) -> None:
    extraction = extract(extractor, "Armenia and Azerbaijan both sent envoys to talks on the war's refugees.")
    assert pairs(extraction, "opposition") == set(), ties(extraction)


def test_a_reported_attack_between_states_opposes_them(extractor) -> None:
    extraction = extract(extractor, "Ethiopia bombed Eritrea on Monday.")
    assert frozenset({"Ethiopia", "Eritrea"}) in pairs(extraction, "opposition"), ties(extraction)


def test_a_hedged_attack_makes_no_standing_tie(extractor) -> None:
    extraction = extract(extractor, "Ethiopia may have bombed Eritrea on Monday.")
    assert pairs(extraction, "opposition") == set(), ties(extraction)


def test_detaining_people_of_a_nationality_opposes_no_state(extractor) -> None:
    extraction = extract(extractor, "Ethiopia detained eleven Eritreans on Monday.")
    assert pairs(extraction, "opposition") == set(), ties(extraction)


def test_detaining_a_states_soldiers_opposes_the_states(extractor) -> None:
    extraction = extract(extractor, "Ethiopia detained Eritrea's soldiers on Monday.")
    assert frozenset({"Ethiopia", "Eritrea's soldiers"}) in pairs(extraction, "opposition"), ties(extraction)


def test_a_person_of_a_state_belongs_to_it(extractor) -> None:
    extraction = extract(extractor, "Foreign Ministers Ararat Mirzoyan of Armenia and Jeyhun Bayramov of Azerbaijan "
                                    "initialled the text.")
    assert the_tie(extraction, "affiliation", "Jeyhun Bayramov", "Azerbaijan")


def test_a_person_speaking_of_a_state_does_not_belong_to_it(extractor) -> None:
    extraction = extract(extractor, "Ararat Mirzoyan spoke warmly of Azerbaijan on Monday.")
    assert not any(t[2:] == ("Ararat Mirzoyan", "Azerbaijan") for t in ties(extraction)), ties(extraction)


def test_an_actor_backed_by_another_is_allied_with_it(extractor) -> None:
    extraction = extract(extractor, "The Iran-backed Houthis fired missiles at a tanker in the Red Sea.")
    assert frozenset({"Iran", "Houthis"}) in pairs(extraction, "alliance"), ties(extraction)


def test_an_actor_based_in_a_state_is_not_allied_with_it(extractor) -> None:
    extraction = extract(extractor, "The Caracas-based Tren de Aragua was added to a sanctions list on Monday.")
    assert pairs(extraction, "alliance") == set(), ties(extraction)


def test_a_role_as_predicate_ties_a_person_to_the_organisation(extractor) -> None:
    extraction = extract(extractor, "Pedro Mendes, who is a member of Hezbollah, was arrested in Paraguay.")
    assert the_tie(extraction, "affiliation", "Pedro Mendes", "Hezbollah").type == "member_of"


def test_a_feeling_as_predicate_ties_nobody(extractor) -> None:
    extraction = extract(extractor, "Pedro Mendes was angry at Hezbollah after the arrest.")
    assert not any(t[0] == "affiliation" for t in ties(extraction)), ties(extraction)
