"""Event arguments named by their members, and responses aimed back through a repeated noun (invented
sentences, run through the real pipeline): each rule with a sentence that must yield the event with these
arguments and a look-alike that must not."""

from __future__ import annotations

import pytest

from test_events import extract, name_of

CASES = [
    # a group that names no actor but names its member ("including", "such as") acts through the member
    ("A group of senators including Ted Cruz urged a ban on the imports.", "REQUEST", "Ted Cruz", None, True),
    ("Canada imposed sanctions on 12 officials, including Nicolas Maduro.", "SANCTION", "Canada",
     "Nicolás Maduro", True),
    # a described member ("members of the council") is no named one: the officials stay unnamed
    ("Canada imposed sanctions on 12 officials, including members of the Venezuelan electoral council.",
     "SANCTION", "Canada", None, True),
    # "the exercises" points back to whoever the text reported holding the exercises, not to the
    # last act of the same kind (the ships sent to watch them)
    ("Russia ended three days of naval exercises near Japan on Friday. Japan sent ships to watch them. "
     "Germany criticized the exercises.", "ACCUSE", "Germany", "Russia", True),
    # exercises held by no one named: the repeated word gives no target
    ("Russian warships were seen near Japan on Friday, days after naval exercises were held in the area. "
     "Japan sent ships to watch them. Germany criticized the exercises.", "ACCUSE", "Germany", "Russia", False),
    # the forces an act moves are their owner's: "the withdrawal of X's troops" is X's retreat, even as the
    # subject of the sentence
    ("The withdrawal of French troops from Niger ended in December.", "RETREAT", "French troops", "Niger", True),
    ("France's withdrawal from Niger ended in December.", "RETREAT", "France", "Niger", True),
    # look-alike: troops withdrawn by no one named give the act no doer
    ("The withdrawal of the troops from Niger ended in December.", "RETREAT", "France", "Niger", False),
    # harm in the passive within a fight with a named side was done by that side
    ("A gang leader was killed in a gun battle with Haitian police on Friday.", "ASSAULT",
     "Haitian National Police", None, True),
    ("Two Congolese soldiers were killed in clashes with M23 rebels.", "ASSAULT", "March 23 Movement", None,
     True),
    # look-alike: a fight named with no side leaves the harm's doer unknown
    ("A gang leader was killed in a gun battle on Friday.", "ASSAULT", "Haitian National Police", None, False),
    # a word for any act ("the move", "the decision") judged in a statement points back to the last act
    # reported, by someone other than the speaker
    ("Chile expelled two Peruvian diplomats on Friday. Peru said the move was a provocation.", "ACCUSE", "Peru",
     "Chile", True),
    # look-alike: with no act reported before, the move is no one's
    ("Peru said the move was a provocation.", "ACCUSE", "Peru", "Chile", False),
    # a conjunct naming no actor shares its neighbour's possessor: no second, unnamed target
    ("Ghana said it was worried about Russian interference and propaganda.", "ACCUSE", "Ghana", None, False),
    ("Ghana said it was worried about Russian interference and propaganda.", "ACCUSE", "Ghana", "Russia", True),
]


@pytest.mark.parametrize("text,event_type,source,target,coded", CASES)
def test_event_arguments(extractor, text: str, event_type: str, source: str, target: str | None,
                         coded: bool) -> None:
    extraction = extract(extractor, text)
    pairs = [(name_of(extraction, e.source), name_of(extraction, e.target))
             for e in extraction.events if e.type == event_type]
    assert ((source, target) in pairs) is coded, pairs
