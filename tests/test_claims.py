"""Claim status per sentence (asserted, attributed, hedged), with its holder and cue, and the same
status carried by events.

Every text here is a short news-like sentence written for these tests. Every declarative sentence
is a claim (docs/CLAIMS.md); a hedge outranks an attribution: a source's hedged claim stays hedged
with the source as holder.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.record import Article, Claim, Event, Extraction

# --- helpers --------------------------------------------------------------------------------------


def extract(extractor, text: str, article_id: str = "c") -> Extraction:
    return extractor.extract(Article(id=article_id, text=text, published="2025-11-20"))


def describe(extraction: Extraction) -> str:
    claims = "; ".join(f"[s{c.sentence} {c.status} holder={c.holder} {c.holder_text!r} cue={c.cue!r}]"
                       for c in extraction.claims) or "no claims"
    events = "; ".join(f"[{e.type} {e.trigger.text!r} {e.status} by={e.attributed_to} neg={e.negated}]"
                       for e in extraction.events) or "no events"
    return f"{claims} | {events}"


def only_claim(extraction: Extraction) -> Claim:
    assert len(extraction.claims) == 1, describe(extraction)
    claim = extraction.claims[0]
    assert claim.sentence == 0, describe(extraction)
    return claim


def holder_name(extraction: Extraction, claim: Claim) -> str | None:
    """The name of the entity the claim's holder points to (None when there is no holder)."""
    if claim.holder is None:
        return None
    entity = extraction.entity(claim.holder)
    assert entity is not None, f"holder {claim.holder!r} is not an entity of the extraction"
    return entity.name


def event_at(extraction: Extraction, trigger_word: str) -> Event:
    found = [e for e in extraction.events if trigger_word in e.trigger.text.split()]
    assert len(found) == 1, f"{trigger_word!r}: {describe(extraction)}"
    return found[0]


# --- claim status per sentence --------------------------------------------------------------------


SEPARATE = "checked by its own test"  # holder_text of a raising verb: see test_raising_verb_names_no_holder


@dataclass
class Case:
    text: str
    status: str
    cue: str | None = None  # compared case-insensitively
    holder: str | None = None  # the holder entity's name
    holder_text: str | None = None


def case(text: str, status: str, cue: str | None = None, holder: str | None = None, holder_text: str | None = None,
         *, id: str, xfail: str | None = None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(Case(text, status, cue, holder, holder_text), id=id, marks=marks)


HEDGED_NP = ("a hedge on a noun phrase (adjective or linking participle) governs only that phrase; the claim is "
             "hedged only when the sentence root is in a hedge's scope, so a suspected agent in subject position "
             "leaves the claim asserted")

CASES = [
    # passive verbs of belief and report
    case("Belarus is believed to provide fuel to Russia.", "hedged", "is believed to", id="is believed to"),
    case("Hezbollah is said to control the border crossings.", "hedged", "is said to", id="is said to"),
    case("The Kremlin is reported to have moved troops toward the border.", "hedged", "is reported to",
         id="is reported to"),
    case("Hamas is thought to hold about 20 hostages.", "hedged", "is thought to", id="is thought to"),
    # adverbs of doubt
    case("Hamas allegedly smuggled weapons into Gaza.", "hedged", "allegedly", id="allegedly"),
    case("Russia reportedly launched drones at Kyiv overnight.", "hedged", "reportedly", id="reportedly"),
    # adjectives of doubt and linking participles
    case("A suspected Russian drone struck a power plant in Moldova.", "hedged", "suspected",
         id="suspected (adjective)"),
    case("The alleged plot was directed by Iran's Quds Force.", "hedged", "alleged", id="alleged"),
    case("An attack linked to Hezbollah killed 85 people in Buenos Aires in 1994.", "hedged", "linked",
         id="linked to"),
    # modals of possibility and conditionals
    case("Iran may resume enrichment next year.", "hedged", "may", id="may"),
    case("Russia might attack Moldova.", "hedged", "might", id="might"),
    case("China could impose new sanctions on Taiwan.", "hedged", "could", id="could"),
    case("Tehran will retaliate if Israel strikes Iran again.", "hedged", "if", id="conditional if"),
    # hedging verbs
    case("Russia appears to be preparing a new offensive.", "hedged", "appears", None, SEPARATE, id="appears to"),
    case("North Korea seems to have tested a new missile.", "hedged", "seems", None, SEPARATE, id="seems to"),
    case("Analysts suggest that Iran is rearming Hezbollah.", "hedged", "suggest", None, "Analysts",
         id="Analysts suggest that"),
    # attribution
    case("Netanyahu said that Israel would expand the operation.", "attributed", "said", "Benjamin Netanyahu",
         "Netanyahu", id="X said that"),
    case("According to the Pentagon, Russia fired missiles at Kyiv.", "attributed", "according to",
         "United States Department of Defense", "the Pentagon", id="according to X"),
    case("Zelensky told Reuters that Russia had shelled Kharkiv.", "attributed", "told", "Volodymyr Zelensky",
         "Zelensky", id="X told Reuters that"),
    case("Zelensky said Ukraine would never trade land for peace.", "attributed", "said", "Volodymyr Zelensky",
         "Zelensky", id="X said, without that"),
    # a hedge inside someone's statement: hedged, and the speaker is the holder
    case("Netanyahu said the group is believed to be hiding hostages in Gaza.", "hedged", "is believed to",
         "Benjamin Netanyahu", "Netanyahu", id="hedge inside a statement"),
    case("Iran is believed to have supplied the drones, Zelensky said.", "hedged", "is believed to",
         "Volodymyr Zelensky", "Zelensky", id="hedge inside a statement, speaker last"),
    # acts done in words are reported acts (FORMAT.md): the writer asserts them; a view stays attributed
    case("Antonio Guterres urged Israel and Hamas to accept the truce.", "asserted", id="urged X to"),
    case("Zelensky thanked Poland for its support.", "asserted", id="thanked X for"),
    case("Egypt called for an end to the fighting in Gaza.", "asserted", id="called for"),
    case("Zelensky vowed to retake every occupied town.", "asserted", id="vowed to"),
    case("Zelensky accused Russia of shelling Kharkiv.", "attributed", "accused", "Volodymyr Zelensky",
         "Zelensky", id="accused X of"),
    # plain statements of fact
    case("Iran holds the world's second-largest reserves of natural gas.", "asserted", id="plain fact"),
    case("Iran resumed enrichment in May.", "asserted", id="the month May is no modal"),
    case("Iran will resume enrichment next year.", "asserted", id="will is no hedge"),
]


@pytest.mark.parametrize("expected", CASES)
def test_claim_status(extractor, expected: Case) -> None:
    extraction = extract(extractor, expected.text)
    claim = only_claim(extraction)
    detail = describe(extraction)
    assert claim.status == expected.status, detail
    if expected.cue is None:
        assert claim.cue is None, detail
    else:
        assert claim.cue is not None and claim.cue.lower() == expected.cue.lower(), detail
    assert holder_name(extraction, claim) == expected.holder, detail
    if expected.holder_text is not SEPARATE:
        assert claim.holder_text == expected.holder_text, detail


@pytest.mark.parametrize("text", ["Russia appears to be preparing a new offensive.",
                                  "North Korea seems to have tested a new missile."], ids=["appears", "seems"])
def test_raising_verb_names_no_holder(extractor, text: str) -> None:
    claim = only_claim(extract(extractor, text))
    assert claim.holder_text is None


def statuses(extraction: Extraction) -> list[tuple[int, str]]:
    return [(c.sentence, c.status) for c in extraction.claims]


def test_a_sentence_naming_no_known_actor_is_still_a_claim(extractor) -> None:
    extraction = extract(extractor, "Iran holds the world's second-largest reserves of natural gas. "
                                    "Floods cut the main road to the port on Monday.")
    assert len(extraction.sentences) == 2, extraction.sentences
    assert statuses(extraction) == [(0, "asserted"), (1, "asserted")], describe(extraction)


def test_a_reported_act_is_both_an_event_and_an_asserted_claim(extractor) -> None:
    extraction = extract(extractor, "Israel launched airstrikes on southern Lebanon on Tuesday.")
    assert any(e.type == "ASSAULT" for e in extraction.events), describe(extraction)
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_verbatim_words_are_attributed_to_their_speaker(extractor) -> None:
    extraction = extract(extractor, '"We will not negotiate under fire," Zelensky said.')
    assert len(extraction.quotes) == 1 and extraction.quotes[0].direct, describe(extraction)
    claim = only_claim(extraction)
    assert claim.status == "attributed" and holder_name(extraction, claim) == "Volodymyr Zelensky", describe(extraction)


def test_the_next_sentence_of_a_long_quote_is_attributed(extractor) -> None:
    text = ('"The bridge will reopen in May," the governor said. "Crews are working around the clock.'
            ' Nobody will pay a toll."')
    extraction = extract(extractor, text)
    assert statuses(extraction) == [(0, "attributed"), (1, "attributed"), (2, "attributed")], describe(extraction)


def test_a_sentence_after_a_closed_quote_is_the_writers_own(extractor) -> None:
    text = '"The bridge will reopen in May," the governor said. Crews worked through the night on Sunday.'
    extraction = extract(extractor, text)
    assert statuses(extraction) == [(0, "attributed"), (1, "asserted")], describe(extraction)


def test_a_subordinate_verb_of_saying_leaves_the_sentence_asserted(extractor) -> None:
    extraction = extract(extractor, "A farmer who said he saw the drone was detained by police in Kherson.")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_a_main_verb_of_saying_with_an_unnamed_speaker_is_attributed(extractor) -> None:
    extraction = extract(extractor, "Officials said the border crossing would stay closed until Friday.")
    assert statuses(extraction) == [(0, "attributed")], describe(extraction)


def test_a_view_reported_without_a_clause_is_attributed(extractor) -> None:
    extraction = extract(extractor, "Aid groups accused both armies of blocking food convoys.")
    assert statuses(extraction) == [(0, "attributed")], describe(extraction)


def test_an_urging_reported_without_a_clause_is_an_asserted_act(extractor) -> None:
    extraction = extract(extractor, "Aid groups urged both armies to open a corridor for food convoys.")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_a_reported_act_of_condemning_is_asserted(extractor) -> None:
    extraction = extract(extractor, "Kenya condemned the attack on the convoy near Garissa.")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_the_writers_hypothetical_is_hedged_but_reported_future_is_not(extractor) -> None:
    hypothetical = extract(extractor, "Losing the port would be a severe blow to Russia's navy.")
    assert statuses(hypothetical) == [(0, "hedged")], describe(hypothetical)
    reported = extract(extractor, "Zelensky said Ukraine would rebuild the port within a year.")
    assert statuses(reported) == [(0, "attributed")], describe(reported)


def test_a_doubted_modifier_of_a_noun_does_not_hedge_the_statement(extractor) -> None:
    extraction = extract(extractor, "The court postponed the possible eviction of forty families in Hebron.")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_a_hedge_inside_a_relative_clause_does_not_hedge_the_statement(extractor) -> None:
    extraction = extract(extractor, "The militia, which is believed to have 3,000 fighters, seized the airport.")
    assert statuses(extraction) == [(0, "asserted")], describe(extraction)


def test_a_credit_line_is_no_claim(extractor) -> None:
    extraction = extract(extractor, "Our correspondent in Nairobi contributed to this report.")
    assert extraction.claims == [], describe(extraction)


def test_a_heading_without_a_verb_is_no_claim(extractor) -> None:
    extraction = extract(extractor, "Grain corridor talks\nTurkey hosted the talks on Monday.")
    assert statuses(extraction) == [(1, "asserted")], describe(extraction)


def test_question_makes_no_claim(extractor) -> None:
    extraction = extract(extractor, "Will Iran resume enrichment next year?")
    assert extraction.claims == [], describe(extraction)


# --- event status ---------------------------------------------------------------------------------


def test_event_in_reported_speech_is_attributed_to_the_speaker(extractor) -> None:
    extraction = extract(extractor, "Zelensky told Reuters that Russia had shelled Kharkiv.")
    event = event_at(extraction, "shelled")
    assert event.status == "attributed", describe(extraction)
    assert event.attributed_to is not None
    assert extraction.entity(event.attributed_to).name == "Volodymyr Zelensky"


def test_event_in_direct_quote_is_attributed_to_the_speaker(extractor) -> None:
    extraction = extract(extractor, '"Russia shelled Kharkiv overnight," Zelensky said.')
    event = event_at(extraction, "shelled")
    assert event.status == "attributed", describe(extraction)
    assert event.attributed_to is not None
    assert extraction.entity(event.attributed_to).name == "Volodymyr Zelensky"


def test_event_stated_by_the_writer_is_asserted(extractor) -> None:
    extraction = extract(extractor, "Russia shelled Kharkiv on Tuesday.")
    event = event_at(extraction, "shelled")
    assert (event.status, event.attributed_to, event.negated) == ("asserted", None, False), describe(extraction)


def test_event_under_passive_belief_is_hedged(extractor) -> None:
    extraction = extract(extractor, "Belarus is believed to provide fuel to Russia.")
    event = event_at(extraction, "provide")
    assert event.status == "hedged", describe(extraction)
    assert event.attributed_to is None


def test_event_with_suspected_agent_is_hedged(extractor) -> None:
    extraction = extract(extractor, "A suspected Russian drone struck a power plant in Moldova.")
    event = event_at(extraction, "struck")
    assert event.status == "hedged", describe(extraction)


def test_negated_event(extractor) -> None:
    negated = event_at(extract(extractor, "Iran did not condemn the attack on the embassy."), "condemn")
    plain = event_at(extract(extractor, "Iran condemned the attack on the embassy."), "condemned")
    assert negated.negated is True
    assert plain.negated is False
