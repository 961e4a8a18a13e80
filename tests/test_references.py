"""The reference layer (nlp/references.py): what a pronoun, a "we" inside a quote, a definite
description, an unnamed spokesperson or a state body stands for, and what stays plain text.

Every text here is written for these tests. Each form has a passing sentence and a look-alike that
must not resolve (or must resolve elsewhere).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.nlp.actors import NAME_CASED, find_actors
from newsgraph.nlp.quotes import find_quotes
from newsgraph.nlp.references import References, find_references
from newsgraph.pipeline import Extractor, split_sentences
from newsgraph.record import Article, Entity, Event, Extraction, Quote


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="r", text=text))


def references(extractor: Extractor, text: str) -> tuple[Doc, References]:
    """The reference layer of one article, as Extractor.annotate builds it (quotes found, so a "we"
    knows the quote around it)."""
    doc = extractor.nlp(text)
    _sentences, sentence_of = split_sentences(doc)
    actors = find_actors(doc, extractor.actor_resources, sentence_of)
    refs = find_references(doc, actors, sentence_of, extractor.reference_cues)
    find_quotes(doc, refs, extractor.speech_cues, sentence_of)
    return doc, refs


def resolved_name(refs: References, doc: Doc, word: str) -> str | None:
    """The name of the entity the first token spelled `word` points to, through References.actor_in."""
    token = next(t for t in doc if t.text == word)
    entity = refs.entity(refs.actor_in(token))
    return entity.name if entity else None


def quote_with(extraction: Extraction, content: str) -> Quote:
    found = [q for q in extraction.quotes if q.content.text == content]
    assert len(found) == 1, [(q.speaker, q.speaker_text, q.content.text) for q in extraction.quotes]
    return found[0]


def speaker_name(extraction: Extraction, quote: Quote) -> str | None:
    entity = extraction.entity(quote.speaker)
    return entity.name if entity else None


def event_with(extraction: Extraction, trigger: str) -> Event:
    found = [e for e in extraction.events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.type, e.trigger.text, e.source, e.target) for e in extraction.events]
    return found[0]


def entities_of_type(extraction: Extraction, kind: str) -> list[Entity]:
    return [e for e in extraction.entities if e.type == kind]


# --- 1: "he" / "she" ------------------------------------------------------------------------------


def test_she_is_the_subject_of_an_earlier_clause(extractor: Extractor) -> None:
    extraction = extract(extractor, "Giorgia Meloni landed in Tunis on Sunday, and she said the migration deal "
                                    "would hold.")
    assert speaker_name(extraction, quote_with(extraction, "the migration deal would hold")) == "Giorgia Meloni"


def test_he_is_the_subject_not_the_nearer_person_merely_mentioned(extractor: Extractor) -> None:
    extraction = extract(extractor, "Keir Starmer met Giorgia Meloni in Rome, and he said the talks were useful.")
    assert speaker_name(extraction, quote_with(extraction, "the talks were useful")) == "Keir Starmer"


def test_she_without_an_earlier_subject_is_the_current_speaker(extractor: Extractor) -> None:
    """Meloni is no subject anywhere here: only her being the current speaker makes her "she"."""
    text = ("According to Giorgia Meloni, the summit with Keir Starmer will go ahead. "
            "She said migration would come first.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "migration would come first")) == "Giorgia Meloni"


def test_a_person_named_in_an_adverbial_does_not_replace_the_current_speaker(extractor: Extractor) -> None:
    text = "Giorgia Meloni said the summit would go ahead. Asked about Keir Starmer, she said migration came first."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "migration came first")) == "Giorgia Meloni"


# --- 2: "its" / "it" ------------------------------------------------------------------------------


def test_possessive_its_is_the_nearest_organisation(extractor: Extractor) -> None:
    doc, refs = references(extractor, "Colombia bombed the National Liberation Army and its urban militias.")
    assert resolved_name(refs, doc, "its") == "National Liberation Army"


def test_its_own_is_the_clause_subject_even_when_no_actor(extractor: Extractor) -> None:
    # "its own" binds to its clause's subject: a subject the layer does not know leaves it unresolved, never
    # the last actor named
    doc, refs = references(extractor, "Mexico raised tariffs on Canada. Europe answered with its own tariffs.")
    assert resolved_name(refs, doc, "its") is None
    doc, refs = references(extractor, "Mexico raised tariffs on Canada. Brazil answered with its own tariffs.")
    assert resolved_name(refs, doc, "its") == "Brazil"


def test_subject_it_prefers_the_earlier_subject_over_the_nearer_organisation(extractor: Extractor) -> None:
    extraction = extract(extractor, "Turkey shelled positions of the Kurdistan Workers' Party on Friday, and it "
                                    "said the strikes would go on.")
    assert speaker_name(extraction, quote_with(extraction, "the strikes would go on")) == "Turkey"


# --- 3: "we" / "our" ------------------------------------------------------------------------------


def test_we_inside_a_ministers_quote_is_the_ministers_country(extractor: Extractor) -> None:
    extraction = extract(extractor, '"We will impose new sanctions on Moscow," German Foreign Minister Johann '
                                    "Wadephul told reporters in Kyiv.")
    event = event_with(extraction, "impose new sanctions")
    assert (event.source_text, extraction.entity(event.source).name) == ("We", "Germany")


def test_our_inside_a_ministers_quote_is_the_ministers_country(extractor: Extractor) -> None:
    doc, refs = references(extractor, '"Our patience has limits," German Foreign Minister Johann Wadephul said.')
    assert resolved_name(refs, doc, "Our") == "Germany"


def test_we_outside_quotes_names_nobody(extractor: Extractor) -> None:
    doc, refs = references(extractor, "German Foreign Minister Johann Wadephul visited Kyiv on Monday. We will "
                                      "not lift the sanctions.")
    assert resolved_name(refs, doc, "We") is None


# --- 4: definite descriptions ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "trigger", "name"), [
    ("Al-Shabaab fighters ambushed a Kenyan patrol. The militants later seized two trucks.", "seized",
     "al-Shabaab"),
    ("Al-Shabaab fighters ambushed a Kenyan patrol. The group later seized two trucks.", "seized", "al-Shabaab"),
], ids=["the militants", "the group"])
def test_definite_description_is_the_nearest_fitting_actor(extractor: Extractor, text: str, trigger: str,
                                                            name: str) -> None:
    extraction = extract(extractor, text)
    assert extraction.entity(event_with(extraction, trigger).source).name == name


def test_the_ministry_is_the_ministry_named_before(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Italian Interior Ministry opened an inquiry. The ministry said the "
                                    "trawler had sunk.")
    quote = quote_with(extraction, "the trawler had sunk")
    assert speaker_name(extraction, quote) == "Italian Ministry of the Interior"


def test_an_indefinite_description_is_not_resolved(extractor: Extractor) -> None:
    extraction = extract(extractor, "Al-Shabaab fighters ambushed a Kenyan patrol. A group later seized two trucks.")
    event = event_with(extraction, "seized")
    assert (event.source, event.source_text) == (None, "A group")


# --- 5: state bodies without a demonym ------------------------------------------------------------


def test_the_army_is_the_armed_forces_of_the_state_in_the_story(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya sent engineers to the flooded north. The army cleared the roads.")
    assert [(e.name, e.country) for e in entities_of_type(extraction, "armed_forces")] == [("army", "KE")]


def test_a_role_with_a_state_is_no_holder_of_another_state(extractor: Extractor) -> None:
    # "the French foreign minister" after a British foreign secretary is someone else, left unnamed
    extraction = extract(extractor, '"The talks are over," British Foreign Secretary David Lammy said. "They will '
                                    'resume," the French foreign minister said.')
    assert speaker_name(extraction, quote_with(extraction, "They will resume")) is None
    extraction = extract(extractor, '"The talks are over," British Foreign Secretary David Lammy said. "They will '
                                    'resume," the British foreign secretary said.')
    assert speaker_name(extraction, quote_with(extraction, "They will resume")) == "David Lammy"


def test_bare_police_in_a_fight_are_the_home_states(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya's parliament met on Monday. Two bandits died in a shootout with police.")
    assert [e.country for e in entities_of_type(extraction, "government_body") if "olice" in e.name] == ["KE"]
    # look-alike: police as a modifier ("police reform") name no body
    extraction = extract(extractor, "Kenya's parliament met on Monday. Lawmakers debated police reform.")
    assert [e for e in entities_of_type(extraction, "government_body") if "olice" in e.name] == []


def test_a_possessive_state_names_its_coast_guard(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya's coast guard rescued forty fishermen.")
    assert [(e.name, e.country) for e in entities_of_type(extraction, "armed_forces")] == [
        ("Kenya's coast guard", "KE")]


def test_the_army_of_something_is_no_state_body(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya sent engineers to the flooded north. The army of volunteers cleared "
                                    "the roads.")
    assert entities_of_type(extraction, "armed_forces") == []


def test_the_army_with_no_state_named_is_no_entity(extractor: Extractor) -> None:
    extraction = extract(extractor, "The army cleared the roads after the floods.")
    assert extraction.entities == []


# --- 6: names with apostrophes and internal capitals ----------------------------------------------


@pytest.mark.parametrize("name", ["Niamh O'Donnell", "Marco DeLuca", "Fiona McAllister"])
def test_names_with_apostrophes_and_inner_capitals_are_persons(extractor: Extractor, name: str) -> None:
    extraction = extract(extractor, f"Police in Cork questioned {name} on Sunday.")
    assert [e.name for e in entities_of_type(extraction, "person")] == [name]


def test_an_appositive_name_with_an_inner_capital_is_the_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "The union's leader, Ciaran McBride, said the strike would go on.")
    assert speaker_name(extraction, quote_with(extraction, "the strike would go on")) == "Ciaran McBride"


def test_a_lowercase_appositive_is_no_person(extractor: Extractor) -> None:
    extraction = extract(extractor, "The union's leader, ciaran mcbride, said the strike would go on.")
    assert entities_of_type(extraction, "person") == []


@pytest.mark.parametrize(("word", "cased"), [("O'Donnell", True), ("McBride", True), ("DeLuca", True),
                                             ("d'Almeida", True), ("odonnell", False), ("mcbride", False),
                                             ("MCBRIDE", False)])
def test_name_cased_pattern(word: str, cased: bool) -> None:
    assert bool(NAME_CASED.match(word)) is cased


# --- 7: unnamed spokespeople ----------------------------------------------------------------------


def test_an_unnamed_spokesman_speaks_for_the_ministry(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya closed the border on Friday. A spokesman for the Interior Ministry "
                                    "said the crossing would reopen.")
    quote = quote_with(extraction, "the crossing would reopen")
    # the words naming the speaker are the whole noun phrase, as the gold annotation gives them
    assert (quote.speaker, quote.speaker_text) == ("ke-interior-ministry", "A spokesman for the Interior Ministry")


def test_a_named_spokesman_of_the_ministry_is_the_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "Kenya's Interior Ministry closed the border on Friday. The ministry's "
                                    "spokesman, Daniel Kiprono, said the crossing would reopen.")
    assert speaker_name(extraction, quote_with(extraction, "the crossing would reopen")) == "Daniel Kiprono"


# --- 8: what cannot be resolved stays text --------------------------------------------------------


def test_an_unresolved_speaker_keeps_its_text(extractor: Extractor) -> None:
    extraction = extract(extractor, "He said the convoy had turned back.")
    quote = quote_with(extraction, "the convoy had turned back")
    assert (quote.speaker, quote.speaker_text) == (None, "He")


def test_an_unresolved_target_keeps_its_text(extractor: Extractor) -> None:
    extraction = extract(extractor, "The rebels attacked a convoy near the river on Monday.")
    event = event_with(extraction, "attacked")
    assert (event.source, event.source_text, event.target, event.target_text) == (None, "The rebels", None,
                                                                                  "a convoy")


def test_a_relative_pronoun_is_its_antecedent(extractor: Extractor) -> None:
    text = "Kenya struck two militant camps of al-Shabaab, which it blames for the attack on the border post."
    extraction = extractor.extract(Article(id="rel-pron", text=text))
    accusations = [e for e in extraction.events if e.type == "ACCUSE"]
    assert accusations and all(e.target and "shabaab" in e.target for e in accusations), extraction.events


def test_a_relative_pronoun_without_an_actor_antecedent_names_nobody(extractor: Extractor) -> None:
    text = "Kenya closed the road, which it blames for the attack on the border post."
    extraction = extractor.extract(Article(id="rel-pron-2", text=text))
    assert all(e.target is None for e in extraction.events if e.type == "ACCUSE"), extraction.events


def test_a_name_the_ner_misses_that_speaks_is_a_person(extractor: Extractor) -> None:
    text = "Flood waters rose overnight in the valley. Evenor Kalimbo said the river had never been so high."
    extraction = extractor.extract(Article(id="speaker-name", text=text))
    people = [e for e in extraction.entities if e.type == "person"]
    assert [e.name for e in people] == ["Evenor Kalimbo"], extraction.entities
    assert extraction.quotes and extraction.quotes[0].speaker == people[0].id


def test_an_organisation_that_speaks_is_not_made_a_person(extractor: Extractor) -> None:
    text = "Flood waters rose overnight in the valley. Kalimbo Relief Agency said the river had never been so high."
    extraction = extractor.extract(Article(id="speaker-org", text=text))
    assert not any(e.type == "person" for e in extraction.entities), extraction.entities


def test_a_spokesman_named_in_apposition_speaks_not_his_principal(extractor: Extractor) -> None:
    text = ("“The talks will resume,” Antonio Guterres’ spokesman, Daniel Kiprono, told reporters on Friday.")
    extraction = extractor.extract(Article(id="appos-voice", text=text))
    speakers = {extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker}
    assert speakers == {"Daniel Kiprono"}, extraction.quotes


def test_figures_from_an_agency_speak_for_it(extractor: Extractor) -> None:
    text = "At least 300 people died in the floods, according to figures from the World Health Organization."
    extraction = extractor.extract(Article(id="figures", text=text))
    assert [extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker] == [
        "World Health Organization"], extraction.quotes


def test_an_unowned_statement_continues_the_organisation_that_spoke_last(extractor: Extractor) -> None:
    text = ("The flooding killed 40 people, according to the World Health Organization. "
            "A statement said the agency had sent medical teams to the region.")
    extraction = extractor.extract(Article(id="statement", text=text))
    last = extraction.quotes[-1]
    assert last.cue.text == "said" and extraction.entity(last.speaker).name == "World Health Organization"


def test_a_phrase_known_as_an_actor_is_that_actor(extractor: Extractor) -> None:
    text = "The four maritime democracies, known as the Quad, said the patrols would go on."
    extraction = extractor.extract(Article(id="known-as", text=text))
    assert [extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker] == [
        "Quadrilateral Security Dialogue"], extraction.quotes


def test_a_phrase_merely_next_to_an_actor_is_not_that_actor(extractor: Extractor) -> None:
    text = "The four maritime democracies met the Quad envoys, and officials said the patrols would go on."
    extraction = extractor.extract(Article(id="known-as-2", text=text))
    assert all(q.speaker is None for q in extraction.quotes), extraction.quotes


def test_they_after_a_plain_plural_subject_names_no_actor(extractor: Extractor) -> None:
    extraction = extractor.extract(Article(id="r", text="Sudan dissolved the ruling party. Demonstrators "
                                                        "celebrated what they called a new dawn for Sudan."))
    assert [q.speaker for q in extraction.quotes] == [None]


def test_they_after_an_actor_subject_is_that_actor(extractor: Extractor) -> None:
    extraction = extractor.extract(Article(id="r", text="Hamas fighters attacked the town, and they said "
                                                        "they would return."))
    assert [extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker] == ["Hamas"]


def test_one_word_alias_inside_another_name_is_not_that_actor(extractor: Extractor) -> None:
    extraction = extractor.extract(Article(id="r", text="The National Congress Party says the court "
                                                        "seized its offices."))
    assert "Congress" not in [e.name for e in extraction.entities]
    assert not [e for e in extraction.entities if e.kb and e.type == "government_body"]


def test_he_after_an_unnamed_official_names_no_actor(extractor: Extractor) -> None:
    extraction = extractor.extract(Article(id="r", text="Joshua Pollack said the talks were over. On Tuesday, "
                                                        "a senior Air Force general said he expects a launch."))
    spoken = {q.content.text: q.speaker for q in extraction.quotes}
    assert spoken["he expects a launch"] is None


def test_she_after_a_named_official_is_that_official(extractor: Extractor) -> None:
    extraction = extractor.extract(Article(id="r", text="Ana Ruiz, a spokesperson, said she would resign."))
    assert [extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker] == ["Ana Ruiz"]


def test_they_opening_a_sentence_goes_on_with_an_unnamed_plural_subject(extractor: Extractor) -> None:
    extraction = extract(extractor, "Rights advocates say the refugees Thailand sent to China last month face abuse. "
                                    "They say the deportation broke international law.")
    quote = quote_with(extraction, "the deportation broke international law")
    assert (quote.speaker, quote.speaker_text) == (None, "They")


def test_they_after_named_states_still_names_them(extractor: Extractor) -> None:
    extraction = extract(extractor, "Canada and Mexico criticised the new tariffs on Monday. They say the duties "
                                    "break the trade pact.")
    quote = quote_with(extraction, "the duties break the trade pact")
    assert quote.speaker is not None


def test_its_opening_a_sentence_is_the_last_sentences_subject(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Sentinel Front, a coalition of armed gangs, was listed as a terrorist "
                                    "group by the United Nations last year. Its raids on prisons and police "
                                    "stations drove the prime minister from office.")
    raids = [e for e in extraction.events if e.trigger.text == "raids"]
    assert [e.source for e in raids] == ["sentinel-front"], raids


def test_its_after_an_actor_in_its_own_sentence_is_that_actor(extractor: Extractor) -> None:
    doc, refs = references(extractor, "The Sentinel Front was listed as a terrorist group last year. The United "
                                      "Nations said its envoys had met the council.")
    assert resolved_name(refs, doc, "its") == "United Nations"


def test_tourists_of_a_state_are_not_the_state(extractor: Extractor) -> None:
    extraction = extract(extractor, "More than two million Chinese tourists visited Vietnam this year.")
    assert not [e for e in extraction.events if e.source == "china"], extraction.events


def test_troops_of_a_state_act_for_it(extractor: Extractor) -> None:
    doc, refs = references(extractor, "Chinese soldiers crossed the border on Monday.")
    entity = refs.entity(refs.actor_in(next(t for t in doc if t.text == "soldiers")))
    assert entity is not None and entity.country == "CN"


# --- gender shown by the text ------------------------------------------------------------------------


def test_she_is_not_the_man_the_text_calls_mr(extractor: Extractor) -> None:
    """The man is the nearer person and an object; only "Mr." and "Ms." tell "she" who she is."""
    text = "Ms. Okafor said on Sunday that Mr. Lindqvist had misled voters, and she accused him of lying."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "him of lying")) == "Okafor"


def test_he_after_a_man_and_a_woman_is_the_man(extractor: Extractor) -> None:
    text = "Ms. Okafor met Mr. Lindqvist in Oslo on Monday. He said the talks had failed."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the talks had failed")) == "Lindqvist"


def test_without_an_honorific_he_goes_on_with_the_subject(extractor: Extractor) -> None:
    """The look-alike: no honorific, no gender known; "he" keeps its usual antecedent, the subject."""
    text = "Grace Okafor met Erik Lindqvist in Oslo on Monday. He said the talks had failed."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the talks had failed")) == "Grace Okafor"


def test_a_gendered_role_beside_a_name_shows_the_gender(extractor: Extractor) -> None:
    text = ("The spokeswoman, Dana Whitcombe, met Senator Alan Brightwater on Friday. "
            "He said the bill would pass.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the bill would pass")) == "Alan Brightwater"


# --- voices named before ---------------------------------------------------------------------------


def test_the_spokesperson_is_the_one_introduced_with_an_organisation(extractor: Extractor) -> None:
    text = ("The envoy was criticized by United Nations officials at a meeting in Geneva. "
            "A U.S. State Department spokesperson expressed regret over the deaths. "
            "“We were saddened by the reports,” the spokesperson told reporters.")
    extraction = extract(extractor, text)
    quote = quote_with(extraction, "We were saddened by the reports")
    assert speaker_name(extraction, quote) == "United States Department of State"


def test_a_spokesperson_named_for_no_organisation_does_not_take_one(extractor: Extractor) -> None:
    """The look-alike: the earlier spokesperson names no organisation, so the later one speaks for none
    the text gives."""
    text = ("A spokesperson expressed regret over the deaths. "
            "“We were saddened by the reports,” the spokesperson told reporters.")
    extraction = extract(extractor, text)
    assert quote_with(extraction, "We were saddened by the reports").speaker is None


def test_a_name_set_off_after_a_roles_phrase_holds_the_role(extractor: Extractor) -> None:
    text = ("Pakistan's envoy to the United Nations, Munir Akram, said the observers "
            "would stay.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the observers would stay")) == "Munir Akram"


def test_a_name_set_off_after_an_organisation_is_no_role_holder_of_a_thing(extractor: Extractor) -> None:
    """The look-alike: the phrase heads on a thing, not a role; the person named is the organisation's."""
    text = "The report to the United Nations, Munir Akram, said the observers would stay."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the observers would stay")) != "Munir Akram"


def test_the_military_named_again_is_the_state_named_with_it_first(extractor: Extractor) -> None:
    """The other state mentioned just before does not take the body over: it is the one named before."""
    text = ("Miners in a Pakistani town said the military freed them. Pakistan and the United States "
            "have banned the group. The military spokesperson said the army led the rescue.")
    extraction = extract(extractor, text)
    bodies = entities_of_type(extraction, "armed_forces")
    assert [body.country for body in bodies] == ["PK"], [(b.id, [m.text for m in b.mentions]) for b in bodies]


def test_a_body_named_after_its_own_state_is_that_states(extractor: Extractor) -> None:
    """The look-alike: a possessive names another state's army, which is that state's."""
    text = ("Miners in a Pakistani town said the military freed them. The United States's army "
            "offered help.")
    extraction = extract(extractor, text)
    assert {body.country for body in entities_of_type(extraction, "armed_forces")} == {"PK", "US"}


def test_he_after_an_as_for_topic_is_the_topic(extractor: Extractor) -> None:
    text = "Maria Lopez met Jorge Mendes on Monday. As for Mendes, he said the project will succeed."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the project will succeed")) == "Jorge Mendes"


def test_a_topic_that_is_no_person_leaves_the_pronoun_to_the_subject(extractor: Extractor) -> None:
    text = "Jorge Mendes met Maria Lopez on Monday. As for the plan, he said the project will succeed."
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the project will succeed")) == "Jorge Mendes"


def test_the_aid_group_is_the_charity_not_the_nearer_armed_group(extractor: Extractor) -> None:
    text = ("The charity Doctors Without Borders says the war with Boko Haram has cut off a million people. "
            "The aid group reports the army blocks its convoys.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the army blocks its convoys")) == "Médecins Sans Frontières"


def test_the_group_alone_is_the_nearest_group(extractor: Extractor) -> None:
    """The look-alike: with no word of kind, "the group" goes to the nearest group, as before."""
    text = ("The charity Doctors Without Borders says the war with Boko Haram has cut off a million people. "
            "The group reports the army blocks its convoys.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "the army blocks its convoys")) == "Boko Haram"


def test_a_separatist_group_is_no_army_unit_named_group(extractor: Extractor) -> None:
    text = ("Commandos of the Special Services Group joined the raid. The Baloch Liberation Army claimed the bombing. "
            "The separatist group accuses Pakistan of stealing the region's gas.")
    extraction = extract(extractor, text)
    quote = next(q for q in extraction.quotes if q.cue.text == "accuses")
    assert quote.speaker == "bla"


def test_a_states_ministry_of_foreign_affairs_is_its_foreign_ministry(extractor: Extractor) -> None:
    extraction = extract(extractor, "Afghanistan's Ministry of Foreign Affairs rejected the report.")
    assert [e.id for e in entities_of_type(extraction, "government_body")] == ["af-foreign-ministry"]


def test_security_forces_opening_a_story_are_the_storys_state(extractor: Extractor) -> None:
    text = ("Security forces say they shot four gunmen who stormed a market. Somalia has fought "
            "al-Shabab for years. Somalia's president praised the troops.")
    extraction = extract(extractor, text)
    assert [e.country for e in entities_of_type(extraction, "armed_forces")] == ["SO"]


def test_security_forces_in_a_story_naming_no_state_are_nobodys(extractor: Extractor) -> None:
    extraction = extract(extractor, "Security forces say they shot four gunmen who stormed a market.")
    assert entities_of_type(extraction, "armed_forces") == []


def test_his_after_an_unnamed_definite_role_is_nobody_named(extractor: Extractor) -> None:
    text = "Joe Biden spoke on Friday. The Afghan army chief said on Monday his forces had killed 90 fighters."
    extraction = extract(extractor, text)
    assert [e.source for e in extraction.events if e.trigger.text == "killed"] == [None]


def test_his_after_a_role_the_text_names_is_its_holder(extractor: Extractor) -> None:
    text = "President Joe Biden spoke on Monday. The president said his forces had killed 90 fighters."
    extraction = extract(extractor, text)
    assert [e.source for e in extraction.events if e.trigger.text == "killed"] == ["joe-biden"]


@pytest.mark.parametrize(("text", "mentions"), [
    # the Arabic article of a family name, dropped or kept in later mentions
    ("Interior Minister Omar al-Rashidi spoke on Friday. Rashidi said the talks worked. Al-Rashidi added "
     "that more would come.", ["Omar al-Rashidi", "Rashidi", "Al-Rashidi"]),
    ("Egyptian President Abdel Fattah el-Sisi met the envoy. Sisi said the talks went well.",
     ["Abdel Fattah el-Sisi", "Sisi"]),
])
def test_a_family_name_with_or_without_its_article_is_one_person(extractor: Extractor, text: str,
                                                                 mentions: list[str]) -> None:
    x = extract(extractor, text)
    people = [e for e in x.entities if e.type == "person"]
    assert len(people) == 1, [(e.id, [m.text for m in e.mentions]) for e in people]
    assert [m.text for m in people[0].mentions] == mentions


def test_a_name_ending_in_an_article_alone_is_not_a_short_form() -> None:
    from newsgraph.nlp.actors import _People
    people = _People()
    people.add(["Ana", "al-Rashid"], "person:ana", False)
    assert people.first.get(("rashid",)) == "person:ana"
    assert people.first.get(("al",)) is None  # the article alone names no one


@pytest.mark.parametrize(("text", "body", "country"), [
    # a state's name as the modifier of one of its bodies
    ("The C.A.R. military says five soldiers were killed.", "C.A.R. military", "CF"),
    ("China coast guard ships blocked the boats.", "China coast guard", "CN"),
])
def test_a_states_name_before_its_body_gives_the_body_its_state(extractor: Extractor, text: str, body: str,
                                                                 country: str) -> None:
    x = extract(extractor, text)
    found = [(m.text, e.country) for e in x.entities for m in e.mentions if e.type == "armed_forces"]
    assert found == [(body, country)], found


@pytest.mark.parametrize(("text", "country"), [
    # a two-word demonym before the title, a state opening the role set off after the name
    ("South Korean Ambassador Kim Min-jun told the panel the drones came from the North.", "KR"),
    ("Ana Ruiz Vidal, U.S. deputy trade representative, told reporters the plan had stalled.", "US"),
    ("Lena Varga, Hungary's ambassador, said the plan had stalled.", "HU"),
    # look-alike: a role that names no state gives none
    ("Ana Maria Ruiz, a senior fellow at the institute, said the talks failed.", None),
])
def test_the_state_in_a_persons_title(extractor: Extractor, text: str, country: str | None) -> None:
    x = extract(extractor, text)
    assert [e.country for e in x.entities if e.type == "person"] == [country]


def test_a_persons_government_is_the_state_they_serve(extractor: Extractor) -> None:
    x = extract(extractor, "South Korean Ambassador Joonkook Hwang told the council that South Korea was alarmed. "
                           "His government has determined that the shells came from the North.")
    speakers = [(q.speaker_text, q.speaker) for q in x.quotes]
    assert ("His government", "south-korea") in speakers, speakers
    # look-alike: "her company" is no state
    x = extract(extractor, "Ana Ruiz said her company would appeal.")
    assert [q.speaker for q in x.quotes] == ["ana-ruiz"]


def test_a_states_envoy_is_the_envoy_named_for_it(extractor: Extractor) -> None:
    x = extract(extractor, "Ana Ruiz Vidal, U.S. deputy ambassador, told reporters the plan had stalled. Washington's "
                           "envoy urged Moscow to press its ally.")
    assert [(q.speaker_text, q.speaker) for q in x.quotes][-1] == ("Washington's envoy", "ana-ruiz-vidal")
    # look-alike: another state's envoy is not the one named
    x = extract(extractor, "Ana Ruiz, Peru's ambassador, spoke first. Chile's envoy said the talks failed.")
    assert [q.speaker for q in x.quotes] == [None]


def test_an_officials_forces_are_their_states(extractor: Extractor) -> None:
    x = extract(extractor, "Armenian Defence Minister Suren Papikyan said his troops had attacked Azerbaijani "
                           "positions in Armenia.")
    assert [e.source for e in x.events] == ["armenia"], x.events
    # look-alike: what a person owns that is no state's stays theirs
    x = extract(extractor, "Ana Ruiz said her company would sue Ruritania.")
    assert [e.source for e in x.events] == ["ana-ruiz"], x.events


@pytest.mark.parametrize(("text", "speaker"), [
    # "the head of X" is the one person the article names in a top post of X, before or after
    ("The head of UNICEF said Thursday that schools were closing. \"We are out of time,\" Catherine Russell, "
     "UNICEF's executive director, told the council.", "Catherine Russell"),
    ("The head of the children's fund, UNICEF, said the camps were full. Catherine Russell, UNICEF's "
     "executive director, spoke later.", "Catherine Russell"),
    # look-alikes: an indefinite "a head of ..." introduces someone new; a head of an organisation no
    # named person leads stays unresolved
    ("A head of UNICEF programmes said the camps were full. Catherine Russell, UNICEF's executive "
     "director, spoke later.", None),
    ("The head of the central bank said rates would rise. Ana Ruiz, a trader in Lima, disagreed.", None),
])
def test_the_head_of_an_organisation_is_its_named_top_official(extractor: Extractor, text: str,
                                                               speaker: str | None) -> None:
    x = extract(extractor, text)
    first = x.quotes[0]
    entity = x.entity(first.speaker)
    assert (entity.name if entity else None) == speaker, [(q.speaker, q.speaker_text) for q in x.quotes]


def test_a_states_leadership_speaks_for_it(extractor: Extractor) -> None:
    x = extract(extractor, "Ruritania held talks with Peru. Peru's leadership insists it wants peace.")
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == ["Peru"]
    # look-alike: "the leadership" with no owner names no one
    x = extract(extractor, "Ruritania held talks with Peru. The leadership insists it wants peace.")
    assert [q.speaker for q in x.quotes] == [None]


@pytest.mark.parametrize(("text", "speaker"), [
    # "the <profession>" is the person named before in that role, or of that state
    ("Carlos Mendoza, an economist at the central bank, spoke to reporters on Monday. The economist said rates "
     "would rise.", "Carlos Mendoza"),
    ("Michel Barnier spoke in Paris on Monday. The French politician said the rules had failed.", "Michel Barnier"),
    # look-alike: a profession nobody was named in stays unresolved
    ("Carlos Mendoza, a trader at the central bank, spoke to reporters on Monday. The economist said rates "
     "would rise.", None),
])
def test_a_profession_refers_to_its_named_holder(extractor: Extractor, text: str, speaker: str | None) -> None:
    x = extract(extractor, text)
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes][-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # members of a named body speak for it: "from", "of", "belonging to", and the same noun taken up again
    ("Delegates from the African Union said on Monday that the vote had been fair.", "African Union"),
    ("Fighters belonging to Hezbollah said the convoy had been hit.", "Hezbollah"),
    ("Diplomats from NATO met in Oslo. \"We will not be divided,\" the diplomats said.",
     "North Atlantic Treaty Organization"),
    # look-alikes: members of a state stay words ("officials" of a country, as the gold convention has it),
    # and members named by nothing stay words
    ("Delegates from Peru said the vote had been fair.", None),
    ("Diplomats said on Monday that the vote had been fair.", None),
])
def test_members_of_a_named_body_speak_for_it(extractor: Extractor, text: str, speaker: str | None) -> None:
    x = extract(extractor, text)
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes][-1] == speaker, x.quotes


@pytest.mark.parametrize(("text", "speaker"), [
    # a document by or a channel linked to a body speaks for it
    ("An investigation by Amnesty International found that the prison held 400 detainees.", "Amnesty International"),
    ("A Telegram channel linked to Hezbollah said the convoy had been hit.", "Hezbollah"),
    # look-alike: a document no body is named with stays words
    ("An investigation found that the prison held 400 detainees.", None),
])
def test_a_document_or_channel_speaks_for_the_body_named_with_it(extractor: Extractor, text: str,
                                                                 speaker: str | None) -> None:
    x = extract(extractor, text)
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == [speaker], x.quotes


def test_a_group_led_by_a_named_person_speaks_through_them(extractor: Extractor) -> None:
    x = extract(extractor, "Five senators led by Lindsey Graham said the sanctions should stay.")
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == ["Lindsey Graham"]
    # look-alike: a group that leads no one named stays words
    x = extract(extractor, "Five senators from the south said the sanctions should stay.")
    assert [q.speaker for q in x.quotes] == [None]


def test_they_goes_on_with_the_unnamed_many_who_spoke_last(extractor: Extractor) -> None:
    x = extract(extractor, "Analysts say the truce is fragile. They add that Egypt may have to step in again.")
    assert [(q.speaker, q.speaker_text) for q in x.quotes] == [(None, "Analysts"), (None, "Analysts")]
    # look-alike: after a named speaker, "they" is that speaker, not words said before
    x = extract(extractor, "Analysts say the truce is fragile. Germany said the talks would resume. They added "
                           "that a deal was close.")
    assert [q.speaker_text for q in x.quotes][-1] == "They"
    assert x.quotes[-1].speaker == "germany"


def test_a_family_name_first_is_the_known_person_whatever_the_verb(extractor: Extractor) -> None:
    # Korean and Chinese names put the family name first: alone, it is the person named in full before
    x = extract(extractor, "South Korean President Yoon Suk Yeol said his country might need its own weapons. "
                           "Yoon later retracted his statement, saying that Seoul would work with Washington.")
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == ["Yoon Suk Yeol"] * 2
    # look-alike: the first word of a name written given-name first is no one alone
    x = extract(extractor, "German Chancellor Olaf Scholz said his country would send more weapons. Olaf later "
                           "retracted the statement, saying that Berlin would work with Washington.")
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes][-1] != "Olaf Scholz"


def test_a_surname_the_tagger_reads_as_a_plural_noun_still_speaks(extractor: Extractor) -> None:
    # after a closing quote the tagger may read a surname ending in -s as a common plural noun
    x = extract(extractor, 'Rogier Creemers, a professor at Leiden University, spoke on Monday. "But you can do a lot '
                           'with software," Creemers said.')
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == ["Rogier Creemers"]
    # look-alike: a capitalised plural that is no one's surname stays words
    x = extract(extractor, 'Rogier Creemers, a professor at Leiden University, spoke on Monday. "But you can do a lot '
                           'with software," Engineers said.')
    assert [q.speaker for q in x.quotes] == [None]


def test_a_group_speaks_through_a_member_named_such_as(extractor: Extractor) -> None:
    x = extract(extractor, "European leaders such as Emmanuel Macron say the tariffs broke trade rules.")
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes] == ["Emmanuel Macron"], x.quotes
    # look-alike: examples set off by commas leave the group unnamed
    x = extract(extractor, "European leaders, such as Emmanuel Macron, say the tariffs broke trade rules.")
    assert [q.speaker for q in x.quotes] == [None], x.quotes


def test_a_sentence_opening_on_a_person_sets_up_the_pronouns_after_it(extractor: Extractor) -> None:
    text = ('Carlos Mendoza, a doctor, said rates were rising. For Sofia Vargas, the illness has been a long fight. '
            'But with treatment, she has regained her health. "I walk every day now," she said.')
    x = extract(extractor, text)
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes][-1] == "Sofia Vargas", x.quotes
    # look-alike: "he" does not go on with the "she" before it
    text = ('Carlos Mendoza, a doctor, said rates were rising. For Sofia Vargas, the illness has been a long fight. '
            'But with treatment, she has regained her health. "Many patients recover," he said.')
    x = extract(extractor, text)
    assert [x.entity(q.speaker).name if q.speaker else None for q in x.quotes][-1] != "Sofia Vargas", x.quotes
