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
    # what one declines or refuses to do is aimed at the actor its infinitive names
    ("Hungary declined to take part in the European Union's asylum scheme.", "REJECT", "Hungary",
     "European Union", True),
    ("Kenya refused to appear before the International Court of Justice.", "REJECT", "Kenya",
     "International Court of Justice", True),
    # look-alike: a fall declines, it refuses no one
    ("Iran's oil exports declined sharply last year.", "REJECT", "Iran", None, False),
    # "no longer" negates the act: no recognition given is a rejection
    ("Egypt said it would no longer recognize Israel.", "REJECT", "Egypt", "Israel", True),
    ("Egypt said it would no longer recognize Israel.", "SUPPORT", "Egypt", "Israel", False),
    ("Egypt said it would recognize Israel.", "REJECT", "Egypt", "Israel", False),
    # an agreement is made with someone: a promise to no actor named is no event
    ("Somalia agreed to hold elections next year.", "AGREE", "Somalia", None, False),
    ("Somalia agreed with Kenya to hold talks next year.", "AGREE", "Somalia", "Kenya", True),
    # a reporter's request for comment is no request between actors
    ("Reuters asked China's foreign ministry for comment.", "REQUEST", "Reuters", "China", False),
    ("Ukraine asked Germany for air defense systems.", "REQUEST", "Ukraine", "Germany", True),
    # a joint effort is each partner's cooperation with the other, the partners named together
    ("The raid was a joint operation by Kenya and Somalia.", "COOPERATE", "Kenya", "Somalia", True),
    ("France and Mali killed two militants in a joint operation.", "COOPERATE", "France", "Mali", True),
    # look-alike: one side named; the joint effort's partner stays unknown
    ("French troops killed two militants in a joint operation.", "COOPERATE", "France", None, False),
    # an act aimed at the one who rejects it is answered even when it came from their own state's body
    ("A Serbian court issued an arrest warrant for Aleksandar Vucic. Vucic rejected the warrant.", "REJECT",
     "Aleksandar Vučić", "Serbia", True),
    # look-alike: an act of one's own side aimed at someone else is not what one rejects
    ("A Serbian court issued an arrest warrant for a Kosovo official. Aleksandar Vucic rejected the warrant.",
     "REJECT", "Aleksandar Vučić", "Serbia", False),
    # harm to something that names no actor is coded against the country of the place where it happened
    ("Al-Shabab fighters attacked a hotel in Mogadishu.", "ASSAULT", "al-Shabaab", "Somalia", True),
    # look-alike: an actor named as the target keeps it
    ("Al-Shabab fighters attacked Kenyan troops in Mogadishu.", "ASSAULT", "al-Shabaab", "Somalia", False),
    # forces with no owner moved in the passive, in what a state reports, are the reporter's own
    ("Chad said on Friday that 500 troops were deployed to the border.", "MOBILIZE", "Chad", None, True),
    # look-alike: reported by witnesses, the forces stay no one's
    ("Witnesses said on Friday that 500 troops were deployed to the border.", "MOBILIZE", "Chad", None, False),
    # the onus a speaker puts on an actor to act is a demand of it; the act itself is not done
    ("Lammy said it was now up to Hamas to release the hostages.", "REQUEST", "David Lammy", "Hamas", True),
    ('"It is now for Russia to accept the truce," Lammy said.', "REQUEST", "David Lammy", "Russia", True),
    ('"It is now for Russia to accept the truce," Lammy said.', "AGREE", "Russia", None, False),
    # look-alike: an onus denied asks nothing
    ('"It is not up to Iran to decide," Lammy said.', "REQUEST", "David Lammy", "Iran", False),
    # time given to an actor to do something is an ultimatum: a demand of it, the act itself not done
    ("The Houthis gave Israel four days to lift the blockade.", "REQUEST", "Houthis", "Israel", True),
    ("The Houthis gave Israel four days to lift the blockade.", "RETREAT", "Israel", None, False),
    # look-alike: time given for something no one is asked to do
    ("Iran gave Iraq two days of talks.", "REQUEST", "Iran", "Iraq", False),
    # harm in the passive to another state's forces, reported by a state body, is the reporter's act claimed
    ("Russia's Defense Ministry said 30 Ukrainian drones were destroyed overnight.", "ASSAULT",
     "Ministry of Defence of the Russian Federation", "Ukraine", True),
    # look-alike: harm to the reporter's own side gives no doer
    ("Ukraine said ten Ukrainian soldiers were killed.", "ASSAULT", "Ukraine", None, False),
    # harm reported as done threatens nothing; harm promised does
    ("Russia's Defense Ministry said its air defences destroyed 30 Ukrainian drones.", "THREATEN",
     "Ministry of Defence of the Russian Federation", "Ukraine", False),
    ("Russia's Defense Ministry said it would destroy any Ukrainian drones.", "THREATEN",
     "Ministry of Defence of the Russian Federation", "Ukraine", True),
    # a link reopened to a neighbour is access allowed (RETREAT); a new one opened is no event
    ("Uzbekistan reopened the bridge to Afghanistan on Monday.", "RETREAT", "Uzbekistan", "Afghanistan", True),
    ("Workers opened a new bridge in Tashkent.", "RETREAT", None, "Uzbekistan", False),
    # an official's words about their own state voice its concern; they accuse no one
    ("Russian Foreign Minister Sergei Lavrov said Russia was watching the events with grave concern.", "ACCUSE",
     "Sergei Lavrov", "Russia", False),
    ("Russian Foreign Minister Sergei Lavrov said Ukraine's conduct was a grave concern.", "ACCUSE",
     "Sergei Lavrov", "Ukraine", True),
    # agreeing to a settlement another side offered needs no partner named
    ("Ukraine agreed to a 30-day ceasefire on Tuesday.", "AGREE", "Ukraine", None, True),
]


@pytest.mark.parametrize("text,event_type,source,target,coded", CASES)
def test_event_arguments(extractor, text: str, event_type: str, source: str, target: str | None,
                         coded: bool) -> None:
    extraction = extract(extractor, text)
    pairs = [(name_of(extraction, e.source), name_of(extraction, e.target))
             for e in extraction.events if e.type == event_type]
    assert ((source, target) in pairs) is coded, pairs
