"""A reporter's second act (nlp/arguments.reporting_verb_of): a verb that names or judges, joined by the
parser to the reported clause but in the tense of the verb of saying, is the reporter's own act, for the
quote annotator (its own quote, same speaker) and the event annotator (same source). Every text here is
written for these tests; each form has a look-alike.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Extractor
from newsgraph.record import Article, Extraction


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="ra", text=text))


def describe(extraction: Extraction) -> str:
    return "; ".join(f"[{q.speaker_text!r} cue={q.cue.text!r} {q.content.text!r}]" for q in extraction.quotes)


@pytest.mark.parametrize(("text", "found"), [
    # a verb that names or judges, joined to the reported clause in the tense of the verb of saying, is the
    # reporter's second act: its own quote, spoken by the same speaker
    ("The minister said the deal was dead and called the offer an insult.",
     [("said", "the deal was dead", "The minister"), ("called", "the offer an insult", "The minister")]),
    ("The Foreign Ministry in Lisbon said the shelling near the coast endangered the fishermen and blamed Madrid "
     "for the failure of the talks.",
     [("said", "the shelling near the coast endangered the fishermen", "The Foreign Ministry in Lisbon"),
      ("blamed", "Madrid for the failure of the talks", "The Foreign Ministry in Lisbon")]),
    # look-alikes: another tense, and a state of mind, stay in what is said
    ("Ruiz says the army shelled the port and blamed the rebels for it.",
     [("says", "the army shelled the port and blamed the rebels for it", "Ruiz")]),
    ("The envoy said the capital was watching with concern and expected calm to return.",
     [("said", "the capital was watching with concern and expected calm to return", "The envoy")]),
])
def test_a_second_act_is_a_quote_of_its_own(extractor: Extractor, text: str,
                                                    found: list[tuple[str, str, str]]) -> None:
    x = extract(extractor, text)
    assert [(q.cue.text, q.content.text, q.speaker_text) for q in x.quotes] == found, describe(x)



@pytest.mark.parametrize(("text", "expected"), [
    ("The Foreign Ministry in Lisbon said the shelling near the coast endangered the fishermen and blamed Madrid "
     "for the failure of the talks.", ("ACCUSE", "The Foreign Ministry in Lisbon", "Madrid")),
    # look-alike: an act that neither names nor judges stays with the reported clause's subject
    ("The minister said the rebels regrouped in the hills and attacked the town.",
     ("ASSAULT", "the rebels", "the town")),
])
def test_the_second_act_has_the_reporter_as_its_source(extractor: Extractor, text: str,
                                                        expected: tuple[str, str, str]) -> None:
    x = extract(extractor, text)
    assert expected in [(e.type, e.source_text, e.target_text) for e in x.events], x.events


@pytest.mark.parametrize(("text", "expected"), [
    # harm made conditional on another actor's act is a threat aimed at that actor
    ("Iran said it would respond firmly if Israel attacked its nuclear sites.", [("iran", "israel")]),
    # an unnamed official's words are the stance of the body they speak for
    ("A U.S. State Department official said sanctions could follow if Turkey activated the missile system.",
     [("us-state-department", "turkey")]),
    ("Prime Minister Viktor Orban warned that President Katalin Novak would face charges if she ignored the court.",
     [("viktor-orban", "katalin-novak")]),
    # naming an actor a military target threatens it
    ("Admiral Jaime Vela of Ecuador said Los Choneros was now a military target.", [("jaime-vela", "los-choneros")]),
    # look-alikes: a condition that promises nothing harmful, a test that is no warning
    ("The minister said talks could resume if Ruritania agreed to a truce.", []),
    ("The minister said the talks were a stern test for Ruritania.", []),
])
def test_conditional_harm_is_a_threat(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    x = extract(extractor, text)
    assert [(e.source, e.target) for e in x.events if e.type == "THREATEN"] == expected, x.events
