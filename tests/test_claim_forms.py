"""Claim forms (nlp/claims.py, rules in shared/gold/FORMAT.md): one claim per declarative sentence,
attributed when the main clause reports speech, hedged when doubt is signalled on the statement,
none for questions, headings and credit lines; the holder is the speaker.

Every text here is written for these tests; each form has a passing sentence and a look-alike.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Extractor
from newsgraph.record import Article, Claim, Extraction


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="cf", text=text, published="2025-11-20"))


def describe(extraction: Extraction) -> str:
    return "; ".join(f"[s{c.sentence} {c.status} holder={c.holder} {c.holder_text!r} cue={c.cue!r}]"
                     for c in extraction.claims) or "no claims"


def statuses(extraction: Extraction) -> list[tuple[int, str]]:
    return [(c.sentence, c.status) for c in extraction.claims]


def only_claim(extraction: Extraction) -> Claim:
    assert len(extraction.claims) == 1 and extraction.claims[0].sentence == 0, describe(extraction)
    return extraction.claims[0]


def holder_name(extraction: Extraction, claim: Claim) -> str | None:
    entity = extraction.entity(claim.holder)
    return entity.name if entity else None


# --- one claim per declarative sentence -----------------------------------------------------------


def test_every_declarative_sentence_is_a_claim_even_without_an_actor(extractor: Extractor) -> None:
    extraction = extract(extractor, "Heavy rain flooded the lower town overnight. The ferry left the port before "
                                    "dawn. The smugglers paid the crew in cash.")
    assert statuses(extraction) == [(0, "asserted"), (1, "asserted"), (2, "asserted")], describe(extraction)


def test_a_question_among_statements_is_no_claim(extractor: Extractor) -> None:
    extraction = extract(extractor, "The ferry left the port before dawn. Did anyone see the smugglers?")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


# --- attributed -----------------------------------------------------------------------------------


def test_a_main_clause_reporting_speech_is_attributed_to_the_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong said the harbour would reopen on Monday.")
    claim = only_claim(extraction)
    assert (claim.status, holder_name(extraction, claim), claim.cue) == ("attributed", "Penny Wong", "said")


def test_according_to_is_attributed_to_its_source(extractor: Extractor) -> None:
    extraction = extract(extractor, "According to the Kenya Defence Forces, two trawlers sank near the reef.")
    claim = only_claim(extraction)
    assert (claim.status, holder_name(extraction, claim)) == ("attributed", "Kenya Defence Forces")


def test_the_next_sentence_of_a_quote_is_attributed_to_the_same_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The reef is dangerous," Penny Wong said. "Two trawlers sank there last '
                                    'winter."')
    assert statuses(extraction) == [(0, "attributed"), (1, "attributed")], describe(extraction)
    assert holder_name(extraction, extraction.claims[1]) == "Penny Wong", describe(extraction)


def test_a_verb_of_saying_in_a_relative_clause_leaves_the_sentence_asserted(extractor: Extractor) -> None:
    extraction = extract(extractor, "The fisherman who said he saw the wreck was questioned by police.")
    claim = only_claim(extraction)
    assert (claim.status, claim.holder, claim.holder_text) == ("asserted", None, None)


def test_said_in_a_relative_clause_on_the_object_leaves_the_sentence_asserted(extractor: Extractor) -> None:
    extraction = extract(extractor, "The ferry left before dawn, which Penny Wong said was a mistake.")
    assert only_claim(extraction).status == "asserted", describe(extraction)


# --- hedged ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "cue"), [
    ("The storm may reach the coast by Friday.", "may"),
    ("The ferry probably left the port before dawn.", "probably"),
    ("The smugglers are believed to have used the old pier.", "are believed to"),
    ("The ferry appears to have drifted south.", "appears"),
    ("A new ceasefire is possible before the holidays.", "possible"),
], ids=["modal", "adverb", "is believed to", "appears to", "predicative possible"])
def test_doubt_on_the_statement_hedges_it(extractor: Extractor, text: str, cue: str) -> None:
    claim = only_claim(extract(extractor, text))
    assert (claim.status, claim.cue) == ("hedged", cue)


def test_a_hedged_statement_keeps_its_speaker_as_holder(extractor: Extractor) -> None:
    extraction = extract(extractor, "The storm may reach the coast by Friday, Penny Wong said.")
    claim = only_claim(extraction)
    assert (claim.status, claim.cue, holder_name(extraction, claim)) == ("hedged", "may", "Penny Wong")


@pytest.mark.parametrize("text", [
    "The council postponed the possible closure of the market.",
    "The coast guard could not confirm the number of passengers.",
    "The captain, who may have fled abroad, owned three trawlers.",
], ids=["doubted noun modifier", "negated modal", "hedge in a relative clause"])
def test_doubt_off_the_statement_leaves_it_asserted(extractor: Extractor, text: str) -> None:
    claim = only_claim(extract(extractor, text))
    assert (claim.status, claim.cue) == ("asserted", None)


# --- no claim -------------------------------------------------------------------------------------


def test_a_heading_without_a_verb_is_no_claim(extractor: Extractor) -> None:
    extraction = extract(extractor, "Storm damage on the reef\nThe ferry left the port before dawn.")
    assert statuses(extraction) == [(1, "asserted")], describe(extraction)


def test_a_heading_with_a_verb_is_a_claim(extractor: Extractor) -> None:
    extraction = extract(extractor, "Storms battered the reef\nThe ferry left the port before dawn.")
    assert statuses(extraction) == [(0, "asserted"), (1, "asserted")], describe(extraction)


def test_a_credit_line_is_no_claim(extractor: Extractor) -> None:
    extraction = extract(extractor, "Staff in Darwin contributed to this report.")
    assert extraction.claims == [], describe(extraction)


def test_a_sentence_about_staff_that_is_no_credit_line_is_a_claim(extractor: Extractor) -> None:
    extraction = extract(extractor, "Staff in Darwin rebuilt the pier in March.")
    assert only_claim(extraction).status == "asserted", describe(extraction)


@pytest.mark.parametrize("text", [
    "The bill passed the chamber with 19 votes, while three parties voted against and 11 members abstained, "
    "according to diplomats.",
    "The gunmen burned the depot and searched every home for the two witnesses, according to village elders.",
])
def test_according_to_closing_the_sentence_credits_all_of_it(extractor: Extractor, text: str) -> None:
    assert only_claim(extract(extractor, text)).status == "attributed"


def test_according_to_inside_the_sentence_credits_only_its_clause(extractor: Extractor) -> None:
    x = extract(extractor, "The bill, which passed the chamber according to diplomats, was signed by the president.")
    assert only_claim(x).status == "asserted", describe(x)
