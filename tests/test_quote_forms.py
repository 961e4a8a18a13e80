"""Quote forms (nlp/quotes.py): speakers found through the reference layer, quotes over several
sentences, floating quotes, statements, documents named as objects, scare quotes, negated speech,
verbs of view, and a verb after a quote that reports a clause of its own.

Every text here is written for these tests; each form has a passing sentence and a look-alike.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Extractor
from newsgraph.record import Article, Extraction, Quote


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="qf", text=text))


def describe(extraction: Extraction) -> str:
    return "; ".join(f"[{q.speaker} {q.speaker_text!r} cue={q.cue.text!r} direct={q.direct} "
                     f"continues={q.continues} {q.content.text!r}]" for q in extraction.quotes) or "no quotes"


def quote_with(extraction: Extraction, content: str) -> Quote:
    found = [q for q in extraction.quotes if q.content.text == content]
    assert len(found) == 1, f"{content!r} in {describe(extraction)}"
    return found[0]


def assert_cues_and_contents(extractor: Extractor, text: str, found: list[tuple[str, str]]) -> None:
    x = extract(extractor, text)
    assert [(q.cue.text, q.content.text) for q in x.quotes] == found, describe(x)


def speaker_name(extraction: Extraction, quote: Quote) -> str | None:
    entity = extraction.entity(quote.speaker)
    return entity.name if entity else None


# --- 1: the speaker through the reference layer ---------------------------------------------------


def test_pronoun_after_a_named_speaker_is_that_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, '"Repairs will take a month," Penny Wong said on Saturday. She added that the '
                                    "pier would stay shut.")
    quote = quote_with(extraction, "the pier would stay shut")
    assert (speaker_name(extraction, quote), quote.speaker_text, quote.cue.text) == ("Penny Wong", "She", "added")


def test_person_pronoun_after_only_an_organisation_stays_unresolved(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Kenya Defence Forces closed the pier on Saturday. She said repairs would "
                                    "take a month.")
    quote = quote_with(extraction, "repairs would take a month")
    assert (quote.speaker, quote.speaker_text) == (None, "She")


# --- 2: quotes over several sentences -------------------------------------------------------------


def test_second_sentence_of_a_quote_is_its_own_continuing_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The harbour is closed," Penny Wong told reporters in Canberra. "Ships must '
                                    'wait offshore."')
    assert len(extraction.quotes) == 2, describe(extraction)
    first, second = extraction.quotes
    assert (first.content.text, first.continues) == ("The harbour is closed", False)
    assert (second.content.text, second.continues, second.speaker) == ("Ships must wait offshore", True,
                                                                       first.speaker)
    assert speaker_name(extraction, first) == "Penny Wong"


def test_a_quote_split_around_its_cue_in_one_sentence_is_one_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The harbour," Penny Wong told reporters in Canberra, "is closed to every ship '
                                    'until Monday."')
    assert len(extraction.quotes) == 1, describe(extraction)
    quote = extraction.quotes[0]
    assert not quote.continues and speaker_name(extraction, quote) == "Penny Wong"
    assert quote.content.text.startswith("The harbour") and quote.content.text.endswith("until Monday")


# --- 3: floating quotes ---------------------------------------------------------------------------


def test_a_floating_quote_keeps_the_last_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Penny Wong said the harbour would reopen on Monday. "Ships must wait offshore '
                                    'until the storm has passed."')
    quote = quote_with(extraction, "Ships must wait offshore until the storm has passed")
    assert (speaker_name(extraction, quote), quote.cue.text, quote.direct) == ("Penny Wong", "", True)


def test_a_quoted_clause_the_writer_sets_in_time_floats(extractor: Extractor) -> None:
    x = extract(extractor, '"The checkpoint stays," Lucia Ruiz said. "We expect the smugglers to be caught" '
                           "while the talks continue.")
    quote = quote_with(x, "We expect the smugglers to be caught")
    assert speaker_name(x, quote) == "Lucia Ruiz", describe(x)
    # the same words as the subject of the writer's own clause are no one's floating words
    x = extract(extractor, '"The checkpoint stays," Lucia Ruiz said. "We expect the smugglers to be caught" '
                           "was painted on the wall while the talks continued.")
    assert [q.content.text for q in x.quotes] == ["The checkpoint stays"], describe(x)


def test_a_quoted_phrase_that_is_not_a_sentence_does_not_float(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Penny Wong said the harbour would reopen on Monday. The "storm season" began '
                                    "early this year.")
    assert [q.content.text for q in extraction.quotes] == ["the harbour would reopen on Monday"], describe(extraction)


# --- 4: statements --------------------------------------------------------------------------------


def test_a_statement_from_someones_office_is_theirs(extractor: Extractor) -> None:
    extraction = extract(extractor, "A statement from Giorgia Meloni's office said the summit would go ahead.")
    assert speaker_name(extraction, quote_with(extraction, "the summit would go ahead")) == "Giorgia Meloni"


def test_said_in_a_statement_that_is_the_subjects(extractor: Extractor) -> None:
    extraction = extract(extractor, "Giorgia Meloni said in a statement that the summit would go ahead.")
    quote = quote_with(extraction, "the summit would go ahead")
    assert (speaker_name(extraction, quote), quote.cue.text) == ("Giorgia Meloni", "said")


# --- 5: a document named as the object ------------------------------------------------------------


def test_denying_a_named_document_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong denied the allegation on Tuesday.")
    assert extraction.quotes == [], describe(extraction)


def test_denying_a_described_act_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong denied any role in the tender.")
    quote = quote_with(extraction, "any role in the tender")
    assert (speaker_name(extraction, quote), quote.cue.text, quote.direct) == ("Penny Wong", "denied", False)


# --- 6: scare quotes ------------------------------------------------------------------------------


def test_a_scare_quoted_term_without_a_verb_of_saying_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Kenya\'s parliament passed a "digital levy" on Tuesday.')
    assert extraction.quotes == [], describe(extraction)


def test_the_same_term_given_as_a_description_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Lawmakers called the measure a "digital levy".')
    quote = quote_with(extraction, "digital levy")
    assert (quote.speaker_text, quote.cue.text, quote.direct) == ("Lawmakers", "called", True)


# --- 7: negated speech ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Penny Wong did not say that the tender was rigged.",
                                  "Penny Wong never said the tender was rigged."], ids=["did not say", "never said"])
def test_negated_speech_is_no_quote(extractor: Extractor, text: str) -> None:
    extraction = extract(extractor, text)
    assert extraction.quotes == [], describe(extraction)


def test_a_negation_inside_what_was_said_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong said that the tender was not rigged.")
    assert speaker_name(extraction, quote_with(extraction, "the tender was not rigged")) == "Penny Wong"


# --- 8: verbs of view -----------------------------------------------------------------------------


def test_calling_something_a_description_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong called the tender a scandal.")
    quote = quote_with(extraction, "the tender a scandal")
    assert (speaker_name(extraction, quote), quote.cue.text) == ("Penny Wong", "called")


def test_calling_someone_without_a_description_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong called the minister.")
    assert extraction.quotes == [], describe(extraction)


def test_calling_someone_on_a_day_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong called the minister on Sunday.")
    assert extraction.quotes == [], describe(extraction)


def test_a_finite_urge_with_its_subject_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong urged port officials to reopen the harbour.")
    quote = quote_with(extraction, "port officials to reopen the harbour")
    assert (speaker_name(extraction, quote), quote.cue.text) == ("Penny Wong", "urged")


def test_a_participle_urging_after_another_act_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong visited the port, urging officials to reopen the harbour.")
    assert extraction.quotes == [], describe(extraction)


# --- 9: a verb after a quote with a clause of its own ---------------------------------------------


def test_a_verb_reporting_its_own_clause_is_not_the_cue_of_the_quote_before(extractor: Extractor) -> None:
    extraction = extract(extractor, '"Who pays for this?" Economists say the levy will hit small traders.')
    quote = quote_with(extraction, "the levy will hit small traders")
    assert (quote.speaker_text, quote.cue.text, quote.direct) == ("Economists", "say", False)
    assert [q.content.text for q in extraction.quotes] == ["the levy will hit small traders"], describe(extraction)


def test_a_verb_after_a_quote_without_a_clause_is_its_cue(extractor: Extractor) -> None:
    extraction = extract(extractor, '"Who pays for this?" asked Penny Wong.')
    quote = quote_with(extraction, "Who pays for this?")
    assert (speaker_name(extraction, quote), quote.cue.text, quote.direct) == ("Penny Wong", "asked", True)


def test_a_trailing_name_and_verb_report_the_clause_before_them(extractor: Extractor) -> None:
    text = ("Food stocks in the camps will run out by June, Daniel Kiprono, a spokesman for the Kenya Red Cross, "
            "told reporters in Nairobi.")
    extraction = extract(extractor, text)
    quote = quote_with(extraction, "Food stocks in the camps will run out by June")
    assert quote.speaker_text == "Daniel Kiprono", describe(extraction)


def test_a_coordinated_verb_after_a_list_of_names_is_no_trailing_attribution(extractor: Extractor) -> None:
    text = "Aid reached towns in Kenya, Uganda and Tanzania, and warned nobody about the floods."
    extraction = extract(extractor, text)
    assert not any(q.content.text.startswith("Aid reached") for q in extraction.quotes), describe(extraction)


def test_what_someone_spoke_about_is_what_they_said(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong spoke about the drought in the north on Monday.")
    quote = quote_with(extraction, "the drought in the north")
    assert quote.cue.text == "spoke", describe(extraction)


def test_speaking_on_a_platform_is_no_quote_of_the_platform(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong spoke on national radio on Monday.")
    assert extraction.quotes == [], describe(extraction)


def test_conjoined_speakers_each_said_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong and Giorgia Meloni said the summit would go ahead in June.")
    speakers = sorted(extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker)
    assert speakers == ["Giorgia Meloni", "Penny Wong"], describe(extraction)


def test_a_speaker_and_an_object_are_not_co_speakers(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong told Giorgia Meloni that the summit would go ahead in June.")
    speakers = [extraction.entity(q.speaker).name for q in extraction.quotes if q.speaker]
    assert speakers == ["Penny Wong"], describe(extraction)


# --- a colon that introduces a quote; clauses that only look like speech ------------------------------


def test_colon_introduced_quote_is_said_by_the_clause_subject(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong lost the vote on Tuesday. She then turned to her supporters: "
                                    '"We will be back next year. Nothing ends tonight."')
    quote = quote_with(extraction, "We will be back next year. Nothing ends tonight")
    assert speaker_name(extraction, quote) == "Penny Wong"


def test_colon_after_a_thing_gives_no_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, 'The banner over the gate read in large letters: "Nothing ends tonight here."')
    assert all(q.speaker is None for q in extraction.quotes), describe(extraction)


def test_relative_clause_of_adding_reports_nothing(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong, who added to her lead in the polls, won the seat.")
    assert extraction.quotes == [], describe(extraction)


def test_relative_clause_of_saying_still_reports(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong, who said the talks had failed, left Canberra.")
    assert speaker_name(extraction, quote_with(extraction, "the talks had failed")) == "Penny Wong"


def test_describing_without_a_description_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong chose a new phrase to describe the refugees in the camps.")
    assert extraction.quotes == [], describe(extraction)


def test_describing_something_as_something_is_a_view(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong described the new treaty as a turning point.")
    assert [speaker_name(extraction, q) for q in extraction.quotes] == ["Penny Wong"]


# --- verbs that report speech only beside a direct quote ------------------------------------------


def test_verb_that_frames_a_quote_is_its_cue(extractor: Extractor) -> None:
    extraction = extract(extractor, '"We will rebuild every clinic that was lost," Governor Ada Obi went on. '
                                    'The envoy answered, "There is no deal on the table yet."')
    rebuild = quote_with(extraction, "We will rebuild every clinic that was lost")
    deal = quote_with(extraction, "There is no deal on the table yet")
    assert (speaker_name(extraction, rebuild), rebuild.cue.text) == ("Ada Obi", "went on")
    assert (deal.speaker_text, deal.cue.text) == ("The envoy", "answered")


def test_framing_verb_without_a_quote_reports_nothing(extractor: Extractor) -> None:
    extraction = extract(extractor, "Fighting continued near the border on Monday, and crowds shouted outside the "
                                    "palace until the governor answered their petition.")
    assert extraction.quotes == [], describe(extraction)


def test_a_verb_of_feeling_inverted_after_a_quote_frames_it(extractor: Extractor) -> None:
    x = extract(extractor, '"I am not ready to go back," fretted Amina Hassan, a widow living in the camp.')
    quote = quote_with(x, "I am not ready to go back")
    assert (speaker_name(x, quote), quote.cue.text) == ("Amina Hassan", "fretted"), describe(x)
    x = extract(extractor, "Amina Hassan fretted about the rain, and the traders grumbled over prices.")
    assert x.quotes == [], describe(x)


# --- a floating quote after a speaker named only by words ------------------------------------------


def test_floating_quote_keeps_a_speaker_named_only_by_words(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The border stays shut until the talks resume," a senior aide said. '
                                    '"We have waited long enough for this."')
    floating = quote_with(extraction, "We have waited long enough for this")
    assert (floating.speaker, floating.speaker_text, floating.cue.text) == (None, "a senior aide", "")
    assert floating.continues


def test_floating_quote_in_a_new_paragraph_does_not_inherit_words(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The border stays shut until the talks resume," a senior aide said.\n\n'
                                    '"We have waited long enough for this."')
    assert all(q.speaker_text != "a senior aide" or q.content.text.startswith("The border")
               for q in extraction.quotes), describe(extraction)


# --- a participle after a noun speaks for that noun --------------------------------------------------


def test_participle_of_saying_speaks_for_the_noun_before_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "The new charter is facing criticism from lawyers and opposition groups "
                                    "arguing that its loopholes could deepen divisions.")
    quote = quote_with(extraction, "its loopholes could deepen divisions")
    assert quote.speaker_text == "lawyers and opposition groups"  # all the people the phrase names


def test_participle_after_a_document_is_said_by_who_issued_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Kenya Defence Forces published a communique demanding that the rebels "
                                    "disarm.")
    quote = quote_with(extraction, "the rebels disarm")
    assert speaker_name(extraction, quote) == "Kenya Defence Forces"


# --- one quoted word given as a description ----------------------------------------------------------


def test_one_quoted_word_a_verb_of_view_gives_as_a_description_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, 'In a statement on Friday, Pierre Exantus described the jailbreak as "deplorable."')
    quote = quote_with(extraction, "deplorable")
    assert (speaker_name(extraction, quote), quote.cue.text, quote.direct) == ("Pierre Exantus", "described", True)


def test_one_quoted_word_without_a_verb_of_view_is_a_scare_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, 'The so-called "experts" met in Geneva on Friday and left without a statement.')
    assert extraction.quotes == [], describe(extraction)


# --- a verb of view inside reported words ------------------------------------------------------------


def test_verb_of_view_inside_reported_words_is_no_second_source(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Speaking on Friday, Penny Wong said Canberra hoped the fishing talks would '
                                    'resume. "Our door is open to every partner in the region."')
    assert [q.cue.text for q in extraction.quotes if q.content.text.startswith("Canberra")] == ["said"]
    floating = quote_with(extraction, "Our door is open to every partner in the region")
    assert speaker_name(extraction, floating) == "Penny Wong"


def test_verb_of_saying_inside_reported_words_still_reports(extractor: Extractor) -> None:
    extraction = extract(extractor, "Penny Wong said the rebels claimed that they attacked the depot.")
    assert {q.cue.text for q in extraction.quotes} == {"said", "claimed"}, describe(extraction)


def test_according_to_a_document_issued_by_an_actor_is_that_actors(extractor: Extractor) -> None:
    extraction = extract(extractor, "Prices rose 40% last year, according to a report issued by the Kenya National "
                                    "Bureau of Statistics.")
    quote = quote_with(extraction, "Prices rose 40% last year")
    assert speaker_name(extraction, quote) == "Kenya National Bureau of Statistics"


def test_according_to_a_document_of_nobody_named_stays_the_document(extractor: Extractor) -> None:
    extraction = extract(extractor, "Prices rose 40% last year, according to a report seen by reporters.")
    quote = quote_with(extraction, "Prices rose 40% last year")
    assert (quote.speaker, quote.speaker_text) == (None, "a report seen by reporters")  # the whole noun phrase


# --- punctuation sets a framing verb off; a full stop closes a quote --------------------------------


def test_framing_verb_run_into_a_quote_without_punctuation_is_no_cue(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Protests continue "The army has stepped up the violence in recent weeks," '
                                    "Tomas Varga said.")
    quote = quote_with(extraction, "The army has stepped up the violence in recent weeks")
    assert (quote.cue.text, speaker_name(extraction, quote)) == ("said", "Tomas Varga")


def test_a_quote_closed_by_a_full_stop_takes_no_cue_from_the_next_sentence(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Omar Abdullah wrote on X that sirens had sounded. "This is no ceasefire." '
                                    "Vikram Misri accused Pakistan of violations.")
    quote = quote_with(extraction, "This is no ceasefire")
    assert speaker_name(extraction, quote) == "Omar Abdullah"


def test_name_inside_a_long_capitalised_title_is_the_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, '"The resistance goes on," U.N. Resident Coordinator for Chad Tomas Varga said.')
    quote = quote_with(extraction, "The resistance goes on")
    assert speaker_name(extraction, quote) == "Tomas Varga"


def test_a_warning_with_a_condition_runs_on_to_its_main_clause(extractor: Extractor) -> None:
    extraction = extract(extractor, "On Monday, Ana Ruiz warned the council that unless the rebels helped resolve "
                                    "the open questions, the agency could not vouch for the truce.")
    warned = [q for q in extraction.quotes if q.cue.text == "warned"]
    assert len(warned) == 1 and warned[0].content.text.endswith("could not vouch for the truce"), describe(extraction)


# --- sources that are no speakers, documents that speak for nobody quoted before ---------------------


def test_a_happening_that_highlights_something_is_no_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "Villagers are afraid, and a deadly attack on the base has highlighted the "
                                    "insecurity along the border.")
    assert extraction.quotes == [], describe(extraction)


def test_a_new_study_does_not_speak_for_the_organisation_quoted_before(extractor: Extractor) -> None:
    extraction = extract(extractor, "The International Diabetes Federation estimated in 2021 that 24 million adults "
                                    "had the condition. The new study suggested the real number could be double.")
    quote = quote_with(extraction, "the real number could be double")
    assert (quote.speaker, quote.speaker_text) == (None, "The new study")


def test_a_statement_still_speaks_for_the_organisation_quoted_before(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Kenya Defence Forces said on Monday that two soldiers were hurt. A "
                                    "statement said the patrol had returned to base.")
    quote = quote_with(extraction, "the patrol had returned to base")
    assert speaker_name(extraction, quote) == "Kenya Defence Forces"


def test_a_verb_of_saying_set_off_before_its_speaker_reports_the_clause_around_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "The real risk, say officials, is a second wave of fighting.")
    quote = next(q for q in extraction.quotes if q.cue.text == "say")
    assert quote.speaker_text == "officials" and "second wave of fighting" in quote.content.text


def test_a_verb_of_saying_after_its_speaker_between_commas_keeps_that_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "The real risk, the officials say, is a second wave of fighting.")
    quote = next(q for q in extraction.quotes if q.cue.text == "say")
    assert quote.speaker_text == "the officials"


def test_two_roles_before_one_name_are_that_persons(extractor: Extractor) -> None:
    extraction = extract(extractor, '"We have challenges," said Jakarta-based social worker and activist Ryan '
                                    "Febrianto.")
    quote = quote_with(extraction, "We have challenges")
    assert speaker_name(extraction, quote) == "Ryan Febrianto"


def test_an_officials_account_speaks_for_its_owner(extractor: Extractor) -> None:
    extraction = extract(extractor, "There would be no room for talks, Fred Matiangi's official Twitter account said.")
    quote = quote_with(extraction, "There would be no room for talks")
    assert speaker_name(extraction, quote) == "Fred Matiangi"


def test_quoted_words_that_modify_a_noun_are_a_term(extractor: Extractor) -> None:
    extraction = extract(extractor, "In 2020, China revised the law, adding an \u201cinternet protection\u201d "
                                    "chapter to it.")
    assert extraction.quotes == [], describe(extraction)


def test_a_statement_after_an_unnamed_source_is_not_the_last_named_organisations(extractor: Extractor) -> None:
    extraction = extract(extractor, 'Ukraine said it was ready for a truce. "We called for Russia to agree," the '
                                    "diplomats said in a joint statement. The statement said the ministers affirmed "
                                    "their support.")
    quote = quote_with(extraction, "the ministers affirmed their support")
    assert (quote.speaker, quote.speaker_text) == (None, "The statement")


def test_according_to_a_measure_cites_nobody(extractor: Extractor) -> None:
    extraction = extract(extractor, "Voters simply pull the lever for one party, according to their old preference.")
    assert extraction.quotes == [], describe(extraction)


def test_a_participle_after_an_object_is_the_senders_words(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Maine senator emailed donors saying the fight goes on.")
    quote = quote_with(extraction, "the fight goes on")
    assert quote.speaker_text == "The Maine senator"


def test_a_dateline_is_not_the_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "NAIROBI — Kenya's foreign minister said on Monday that the talks would resume.")
    quote = quote_with(extraction, "the talks would resume")
    assert quote.speaker_text == "Kenya's foreign minister"


def test_a_role_noun_and_a_name_split_by_the_parser_speak_as_the_name(extractor: Extractor) -> None:
    extraction = extract(extractor, "The charity Doctors Without Borders says the floods have cut off a "
                                    "million people.")
    quote = quote_with(extraction, "the floods have cut off a million people")
    assert speaker_name(extraction, quote) == "Médecins Sans Frontières"


def test_a_that_clause_after_a_quoted_programme_name_is_what_was_said(extractor: Extractor) -> None:
    text = ("Ms. Okafor, who had spoken at the party's congress on Friday, said on ABC's “Morning Hour” "
            "program on Sunday that Mr. Lindqvist had insulted her family.")
    extraction = extract(extractor, text)
    assert speaker_name(extraction, quote_with(extraction, "Mr. Lindqvist had insulted her family")) == "Okafor"


def test_a_scare_quoted_subject_of_a_reported_clause_is_not_the_reporter(extractor: Extractor) -> None:
    text = "Asked how sure he was, Ana Ruiz said the “technical units” had confirmed the identity of the body."
    extraction = extract(extractor, text)
    assert [q.cue.text for q in extraction.quotes] == ["said"], describe(extraction)


def test_a_second_that_clause_is_part_of_what_was_said(extractor: Extractor) -> None:
    extraction = extract(extractor, "The governor said the state needs to hire more nurses, but that he would "
                                    "not support raising taxes to pay for them.")
    assert [q.content.text for q in extraction.quotes] == [
        "the state needs to hire more nurses, but that he would not support raising taxes to pay for them"]


def test_a_clause_after_a_semicolon_is_someone_elses(extractor: Extractor) -> None:
    """The look-alike: a semicolon joins the writer's next statement, not more of what was said."""
    extraction = extract(extractor, "Ana Ruiz said the talks failed; Mendes disagreed.")
    assert [q.content.text for q in extraction.quotes] == ["the talks failed"]


def test_a_colon_after_the_reported_clause_spells_it_out(extractor: Extractor) -> None:
    extraction = extract(extractor, "Several senators have said the plan falls flat for one reason: it "
                                    "ignores the farmers who grow the crops.")
    assert [q.content.text for q in extraction.quotes] == [
        "the plan falls flat for one reason: it ignores the farmers who grow the crops"]


def test_quoted_words_ending_the_writers_clause_report_the_whole_clause(extractor: Extractor) -> None:
    extraction = extract(extractor, "But the gain from free trade is “ten times the size of the losses,” she said.")
    assert [q.content.text for q in extraction.quotes] == [
        "But the gain from free trade is “ten times the size of the losses"]


def test_a_whole_quoted_sentence_keeps_its_own_words(extractor: Extractor) -> None:
    """The look-alike: nothing of the writer's comes before the quoted words."""
    extraction = extract(extractor, "“Free trade is ten times the size of the losses,” she said.")
    assert [q.content.text for q in extraction.quotes] == ["Free trade is ten times the size of the losses"]


def test_a_clause_the_parser_split_in_two_is_one_content(extractor: Extractor) -> None:
    extraction = extract(extractor, "Ana Ruiz told investors that worries about the miners were “overblown,” "
                                    "adding that the firm had “significant upside.”")
    told = next(q for q in extraction.quotes if q.cue.text == "told")
    assert told.content.text.endswith("worries about the miners were “overblown"), describe(extraction)


@pytest.mark.parametrize(("text", "content"), [
    ("Ruiz praised the budget, noting weak growth in Europe and China.", "weak growth in Europe and China"),
    ("Mr. Lopez questioned her depth and experience.", "her depth and experience"),
])
def test_noting_or_questioning_a_thing_says_it(extractor: Extractor, text: str, content: str) -> None:
    extraction = extract(extractor, text)
    assert content in [q.content.text for q in extraction.quotes], describe(extraction)


def test_questioning_a_report_is_no_quote(extractor: Extractor) -> None:
    """The look-alike: the object names an utterance, not what was said."""
    extraction = extract(extractor, "Mr. Lopez questioned the report.")
    assert not extraction.quotes, describe(extraction)


def test_a_quoted_title_followed_by_a_comma_is_no_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "In 2020, Peru revised the “Law on the Protection of Rivers,” adding a "
                                    "chapter on water rights.")
    assert not extraction.quotes, describe(extraction)


def test_quoted_words_in_sentence_case_before_a_comma_are_a_quote(extractor: Extractor) -> None:
    """The look-alike: the words a speaker said, not a title."""
    extraction = extract(extractor, "“The river law protects no one,” Ana Ruiz said.")
    assert [q.content.text for q in extraction.quotes] == ["The river law protects no one"]


def test_claiming_responsibility_says_what_was_done(extractor: Extractor) -> None:
    extraction = extract(extractor, "The Baloch Liberation Army claimed responsibility for the attack on the "
                                    "train.")
    assert [q.content.text for q in extraction.quotes] == ["responsibility for the attack on the train"]


def test_a_storm_claiming_lives_says_nothing(extractor: Extractor) -> None:
    extraction = extract(extractor, "The cyclone claimed 20 lives in Mozambique.")
    assert not extraction.quotes, describe(extraction)


def test_a_past_clause_beside_a_present_verb_of_saying_is_still_said(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez says the guards left and later she was taken to a clinic.")
    assert [q.content.text for q in extraction.quotes] == ["the guards left and later she was taken to a clinic"]


def test_a_past_clause_beside_a_past_verb_of_saying_is_the_writers(extractor: Extractor) -> None:
    """The look-alike: in a past-tense report the writer narrates what the speaker did next."""
    extraction = extract(extractor, "Maria Lopez said the talks failed and she left the room.")
    assert [q.content.text for q in extraction.quotes] == ["the talks failed"]


@pytest.mark.parametrize(("text", "content"), [
    ("Maria Lopez pointed out that the talks had failed.", "the talks had failed"),
    ("Maria Lopez pointed to the delays.", "the delays"),
])
def test_pointing_out_or_to_is_saying(extractor: Extractor, text: str, content: str) -> None:
    extraction = extract(extractor, text)
    assert [q.content.text for q in extraction.quotes] == [content]


def test_pointing_a_gun_inside_what_was_said_is_part_of_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "She says a guard knew her face but another pointed a rifle at her.")
    assert [q.content.text for q in extraction.quotes] == [
        "a guard knew her face but another pointed a rifle at her"]


def test_hopes_is_a_view_whatever_the_lemmatizer_makes_of_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez hopes the talks will resume.")
    assert [q.content.text for q in extraction.quotes] == ["the talks will resume"]


def test_complaining_of_two_things_says_both(extractor: Extractor) -> None:
    extraction = extract(extractor, "Rival parties have complained of unequal air time, and of the governing "
                                    "party using public funds for its rallies.")
    assert [q.content.text for q in extraction.quotes] == [
        "unequal air time, and of the governing party using public funds for its rallies"]


def test_a_participle_underscoring_an_act_is_the_writers_comment(extractor: Extractor) -> None:
    extraction = extract(extractor, "Underscoring the danger in the hills, the rebels stormed a police "
                                    "post.")
    assert not extraction.quotes, describe(extraction)


def test_a_finite_verb_underscoring_something_is_a_source_speaking(extractor: Extractor) -> None:
    """The look-alike: a person who underscores a need says it."""
    extraction = extract(extractor, "Maria Lopez underscored the need for reform.")
    assert [q.content.text for q in extraction.quotes] == ["the need for reform"]


def test_a_participle_inside_an_allegation_is_part_of_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "The lawsuits allege that the government erred by denying migrants access "
                                    "to lawyers.")
    assert [q.cue.text for q in extraction.quotes] == ["allege"], describe(extraction)


def test_according_to_inside_a_clause_still_cites_its_source(extractor: Extractor) -> None:
    """The look-alike: "according to" is no participle of the clause; it names who says so."""
    extraction = extract(extractor, "The ministry voiced concern over the raids, with troops moving north, "
                                    "according to the White House.")
    assert "according to" in [q.cue.text for q in extraction.quotes], describe(extraction)


def test_a_finite_call_joined_to_another_act_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "The bloc ended its meeting on Friday, and called on member states "
                                    "to build a common reserve.")
    assert [q.cue.text for q in extraction.quotes] == ["called"], describe(extraction)


def test_a_participle_urging_after_an_act_is_still_no_quote(extractor: Extractor) -> None:
    """The look-alike: the participle goes on from the condemnation; the request is an event."""
    extraction = extract(extractor, "The ministry condemned the raid, urging lawmakers to act.")
    assert all(q.cue.text != "urging" for q in extraction.quotes), describe(extraction)


def test_an_intended_urging_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Marco Rubio also plans to urge G7 ministers to focus on ending the war.")
    assert [q.content.text for q in extraction.quotes] == ["G7 ministers to focus on ending the war"]


def test_urging_then_a_quote_after_a_colon_are_two_quotes(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez urged donors to keep their pledges: “Delay "
                                    "costs lives.”")
    assert [(q.content.text, q.direct) for q in extraction.quotes] == [
        ("donors to keep their pledges", False), ("Delay costs lives", True)]


def test_a_quoted_term_inside_a_directive_leaves_the_directive_the_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "The accord calls on member states to pool reserves and adopt a "
                                    "“shared shield” for their banks.")
    assert [q.direct for q in extraction.quotes] == [False], describe(extraction)


def test_a_person_read_as_an_interjection_speaks_not_the_programme(extractor: Extractor) -> None:
    text = ("Prices rose last month. Trump, in a recorded talk with the “Evening Desk” program on Fox News, "
            "avoided a question about jobs, but said, “We are in a time of change.”")
    extraction = extract(extractor, text)
    assert [q.speaker for q in extraction.quotes] == ["donald-trump"]


def test_what_someone_says_of_a_noun_in_a_relative_clause_runs_from_the_noun(extractor: Extractor) -> None:
    extraction = extract(extractor, "The internet gives them privacy, which Wang said is fueling heavy use.")
    assert [q.content.text for q in extraction.quotes] == ["privacy, which Wang said is fueling heavy use"]


def test_pointing_to_something_as_a_reason_says_both(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez pointed to the delays at the port as a reason for the losses.")
    assert [q.content.text for q in extraction.quotes] == ["the delays at the port as a reason for the losses"]


def test_a_condition_is_part_of_what_is_underscored(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez underscored the need for observers if the truce holds.")
    assert [q.content.text for q in extraction.quotes] == ["the need for observers if the truce holds"]


def test_a_time_clause_is_no_part_of_what_is_underscored(extractor: Extractor) -> None:
    """The look-alike: "when" sets the time of saying, not a condition of what is said."""
    extraction = extract(extractor, "Maria Lopez underscored the need for observers when she spoke on Monday.")
    assert [q.content.text for q in extraction.quotes] == ["the need for observers"]


def test_a_framing_verb_with_words_of_its_own_frames_no_quote(extractor: Extractor) -> None:
    text = ("The alliance met this week. Trade keeps needing open sea lanes, “but trade is now also a "
            "matter of cyber defense,” Anders Fogh Rasmussen told VOA.")
    extraction = extract(extractor, text)
    assert [(q.cue.text, q.speaker) for q in extraction.quotes] == [("told", "anders-fogh-rasmussen")]


def test_a_framing_verb_right_before_a_quote_frames_it(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez went on: “We will wait.”")
    assert [(q.cue.text, q.content.text) for q in extraction.quotes] == [("went on", "We will wait")]


def test_an_adjective_after_the_object_is_the_quoted_description(extractor: Extractor) -> None:
    extraction = extract(extractor, "Macron called the raids on Tyre “reckless” and said they broke the truce.")
    assert ("called", "reckless") in [(q.cue.text, q.content.text) for q in extraction.quotes]


def test_warning_someone_to_act_is_a_quote(extractor: Extractor) -> None:
    extraction = extract(extractor, "Army spokesman Avichay Adraee warned residents to leave the building.")
    assert [q.content.text for q in extraction.quotes] == ["residents to leave the building"]


@pytest.mark.parametrize(("text", "content"), [
    ("Uganda denies training the militia.", "training the militia"),
    ("The militia claimed to have seized a police station.", "to have seized a police station"),
])
def test_a_verb_of_stating_takes_a_gerund_or_infinitive_as_its_content(extractor: Extractor, text: str,
                                                                       content: str) -> None:
    extraction = extract(extractor, text)
    assert [q.content.text for q in extraction.quotes] == [content]


def test_a_verb_of_stating_with_a_noun_object_keeps_the_object(extractor: Extractor) -> None:
    """The look-alike: "denies any role" states a denial of the role, the object."""
    extraction = extract(extractor, "Rwanda denies any role in the fighting.")
    assert [q.content.text for q in extraction.quotes] == ["any role in the fighting"]


def test_of_two_subjects_the_one_naming_an_actor_speaks(extractor: Extractor) -> None:
    text = ("In a radio speech on Friday, his second since the rebels entered the town, "
            "Tshisekedi accused the world of silence.")
    extraction = extract(extractor, text)
    assert [q.speaker for q in extraction.quotes] == ["felix-tshisekedi"]


def test_a_clause_read_as_an_object_is_still_what_was_said(extractor: Extractor) -> None:
    text = ("Secretary of State Antony Blinken said the gunmen had repeatedly burned villages and farms "
            "and deliberately looted clinics.")
    extraction = extract(extractor, text)
    assert [q.content.text for q in extraction.quotes] == [
        "the gunmen had repeatedly burned villages and farms and deliberately looted clinics"]


def test_telling_someone_a_noun_phrase_is_no_clause(extractor: Extractor) -> None:
    """The look-alike: the object has no verb of its own, so nothing was said beyond the object."""
    extraction = extract(extractor, "Antony Blinken told reporters the news.")
    assert all(q.content.text != "reporters the news" for q in extraction.quotes)


def test_a_that_clause_after_a_time_phrase_is_what_was_said(extractor: Extractor) -> None:
    text = ("Its interior minister, Ana Ruiz Vidal, told a closed session of the assembly the following "
            "day that the raid was an act of war.")
    extraction = extract(extractor, text)
    assert [q.content.text for q in extraction.quotes] == ["the raid was an act of war"]


def test_a_day_before_a_participle_of_saying_is_no_speaker(extractor: Extractor) -> None:
    extraction = extract(extractor, "Maria Lopez issued a statement Tuesday saying the talks had failed.")
    assert [q.speaker_text for q in extraction.quotes] == ["Maria Lopez"]


# --- judgements: a view only with what the thing is judged as, or why --------------------------


@pytest.mark.parametrize("text, content, status", [
    # praise for what something is: a quote, but the sentence reports an act the writer asserts
    ("Kenyan President William Ruto praised the new railway as a lifeline for farmers.",
     "the new railway as a lifeline for farmers", "asserted"),
    # quick to point out: the copula's subject speaks, and the sentence reports words
    ("William Ruto was quick to point out that the border had reopened.", "the border had reopened", "attributed"),
], ids=["praise as", "quick to point out"])
def test_who_says_it_and_what_the_sentence_is(extractor: Extractor, text: str, content: str, status: str) -> None:
    x = extract(extractor, text)
    assert speaker_name(x, quote_with(x, content)) == "William Ruto", describe(x)
    assert [c.status for c in x.claims] == [status]


def test_condemning_someone_for_a_reason_is_a_quote(extractor: Extractor) -> None:
    x = extract(extractor, "Amnesty International condemned the police for the mass arrests.")
    quote_with(x, "the police for the mass arrests")


def test_welcoming_a_visitor_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "Kenya's president welcomed the Brazilian delegation at the airport.")
    assert x.quotes == [], describe(x)


def test_of_two_subjects_the_named_one_speaks_not_the_one_named_through_a_possessive(extractor: Extractor) -> None:
    x = extract(extractor, "In a speech in Nairobi on Friday, her third this month, Martha Karua said the "
                           "vote had been rigged.")
    quote = quote_with(x, "the vote had been rigged")
    assert speaker_name(x, quote) == "Martha Karua", describe(x)


def test_a_day_the_parser_takes_for_a_subject_gives_way_to_the_other_subject() -> None:
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.quotes import _name_beside_role

    words = ["Saturday", "Warren", "said", "it", "failed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 4, 2],
              deps=["nsubj", "nsubj", "ROOT", "nsubj", "ccomp"], ents=["B-DATE", "B-PERSON", "O", "O", "O"])
    assert _name_beside_role(doc[0], context=None).text == "Warren"  # type: ignore[arg-type]


def test_a_time_of_two_words_gives_way_to_the_other_subject() -> None:
    import spacy
    from spacy.tokens import Doc

    from newsgraph.nlp.quotes import _name_beside_role

    # a span that does name a time gives way to the other subject, also when it is two words
    words = ["Last", "week", "Warren", "said", "it", "failed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 3, 3, 3, 5, 3],
              deps=["amod", "nsubj", "nsubj", "ROOT", "nsubj", "ccomp"],
              ents=["B-DATE", "I-DATE", "B-PERSON", "O", "O", "O"])
    assert _name_beside_role(doc[1], context=None).text == "Warren"  # type: ignore[arg-type]


def test_an_object_named_in_a_clause_of_time_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "Martha Karua resigned when she announced the new policy.")
    assert x.quotes == [], describe(x)
    x = extract(extractor, "Martha Karua announced the new policy.")
    quote_with(x, "the new policy")


def test_a_verb_of_finding_in_a_clause_of_time_reports_nothing(extractor: Extractor) -> None:
    x = extract(extractor, "Later, after the hearing concluded, William Ruto left the building.")
    assert x.quotes == [], describe(x)


def test_she_goes_on_with_the_person_whose_act_was_just_reported(extractor: Extractor) -> None:
    x = extract(extractor, "Yoweri Museveni said on Monday that the vote was calm. On Friday, Martha Karua left "
                           "the court and was briefly held by police, a party statement said. She later "
                           "posted a video saying she was unhurt.")
    quote = quote_with(x, "she was unhurt")
    assert speaker_name(x, quote) == "Martha Karua", describe(x)


def test_a_verb_of_saying_after_an_impersonal_adjective_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "It is too early to say whether the truce will hold.")
    assert x.quotes == [], describe(x)
    x = extract(extractor, "William Ruto said it is hard to predict how Museveni will react to the visit.")
    assert [q.cue.text for q in x.quotes] == ["said"], describe(x)


def test_a_meeting_emphasizing_something_is_no_speaker(extractor: Extractor) -> None:
    x = extract(extractor, "The visit was widely read as emphasizing how deep the partnership runs.")
    assert x.quotes == [], describe(x)


def test_a_body_named_once_with_its_state_keeps_it_when_named_alone(extractor: Extractor) -> None:
    x = extract(extractor, "Afghanistan rejected the claims. Afghan officials said Afghanistan had no role. A "
                           "spokesman for the Pakistani military said the raid was over. The military said 33 "
                           "attackers were killed.")
    quote = quote_with(x, "33 attackers were killed")
    assert x.entity(quote.speaker).country == "PK", describe(x)


def test_welcoming_a_designation_as_something_is_no_judgement_of_what_was_designated(extractor: Extractor) -> None:
    x = extract(extractor, "Kenya welcomed the designation of al-Shabab as a terrorist group by the United States.")
    assert [q.cue.text for q in x.quotes] == [], describe(x)


def test_a_noun_of_saying_the_parser_tags_as_a_verb_is_no_cue(extractor: Extractor) -> None:
    # after a possessive the parser may tag "remarks" as a verb: the quoted words are the description
    # the verb of view before it gives
    x = extract(extractor, "Maria Lopez called the governor’s remarks “reckless and insulting.”")
    quote = quote_with(x, "reckless and insulting")
    assert (speaker_name(x, quote), quote.cue.text) == ("Maria Lopez", "called"), describe(x)
    # the verb itself, after its subject, still reports
    x = extract(extractor, "Maria Lopez remarks that the plan is “reckless and risky.”")
    assert [q.cue.text for q in x.quotes] == ["remarks"], describe(x)


def test_the_demonym_envoy_is_the_person_set_after_that_states_role(extractor: Extractor) -> None:
    x = extract(extractor, "Speaking at the Security Council, Kenya's ambassador to the United Nations, John Kamau, "
                           "said the talks had failed. The Kenyan envoy later said the talks would resume.")
    quote = quote_with(x, "the talks would resume")
    assert speaker_name(x, quote) == "John Kamau", describe(x)


def test_a_speaker_set_off_with_a_relative_clause_is_not_the_name_inside_it(extractor: Extractor) -> None:
    x = extract(extractor, "Even though the judges are likely to convict Ruto, Mary Wanjiku, who worked with Ruto "
                           "for decades in Nairobi, argued that releasing him may be in the government’s interest.")
    quote = quote_with(x, "releasing him may be in the government’s interest")
    assert speaker_name(x, quote) == "Mary Wanjiku", describe(x)
    assert len(x.quotes) == 1, describe(x)  # names joined by a comma alone are not two speakers


def test_an_apposition_to_the_source_of_according_to_is_not_what_it_says(extractor: Extractor) -> None:
    x = extract(extractor, "According to Farm Watch 2030, a coalition of growers and unions, farmers in at least 12 "
                           "provinces are barred from selling abroad.")
    assert [q.content.text for q in x.quotes] == ["farmers in at least 12 provinces are barred from selling abroad"]
    x = extract(extractor, "According to the ministry, farmers in at least 12 provinces are barred from selling "
                           "abroad.")
    assert [q.content.text for q in x.quotes] == ["farmers in at least 12 provinces are barred from selling abroad"]


def test_a_coordinated_verb_of_view_goes_on_with_its_subject_not_a_name_in_the_object(extractor: Extractor) -> None:
    cases = [  # (text, content, speaker)
        ("In 2021, Ruto hailed his talks with Ugandan leader Yoweri Museveni, described their bond "
         "as “a warm one,” and said his government would host the next round.",
         "a warm one", "William Ruto"),
        # a name set off before a verb the parser left without a subject still speaks
        ("In the capital, Ana Ruiz, head of the union, says the strike will go on.", "the strike will go on",
         "Ana Ruiz"),
    ]
    for text, content, speaker in cases:
        x = extract(extractor, text)
        assert speaker_name(x, quote_with(x, content)) == speaker, describe(x)


def test_a_negated_verb_of_saying_is_no_cue_for_quoted_words_below_it(extractor: Extractor) -> None:
    x = extract(extractor, 'A spokeswoman said the agency does not comment on security questions but "stays '
                           'committed to halting the arms trade."')
    assert [(q.speaker_text, q.cue.text) for q in x.quotes] == [("A spokeswoman", "said")], describe(x)


@pytest.mark.parametrize(("text", "contents"), [
    # claiming something as one's own is no quote; claiming that something happened is
    ("The drills practise cutting off the island, which Beijing claims as its own territory.", []),
    ("The army claimed the rebels had fled.", ["the rebels had fled"]),
    # the infinitive told to the object stays in the content after a channel between them
    ("Its spokesman, Ali Haidar, warned families on X to quit their homes at once.",
     ["families on X to quit their homes at once"]),
    # a clause with its own subject and verb outside a quoted fragment is the quote, the fragment absorbed
    ('The deputy minister, Ali Rahimi, told reporters his office had found 250 films judged "harmful to '
     'public morals and order."',
     ['his office had found 250 films judged "harmful to public morals and order']),
    ('Ruiz said "the talks have failed."', ["the talks have failed"]),
])
def test_what_a_verb_of_saying_reports(extractor: Extractor, text: str, contents: list[str]) -> None:
    x = extract(extractor, text)
    assert [q.content.text for q in x.quotes] == contents, describe(x)


@pytest.mark.parametrize(("text", "content"), [
    # closing the sentence after a comma, hung from a clause of its own: it covers the sentence
    ("The bill passed the chamber with 19 votes, while three parties voted against and 11 members abstained, "
     "according to diplomats.",
     "The bill passed the chamber with 19 votes, while three parties voted against and 11 members abstained"),
    # hung from a last verb phrase that shares its subject: that phrase only
    ("The gunmen burned the depot and searched every home for the two witnesses, according to village elders.",
     "searched every home for the two witnesses"),
])
def test_the_reach_of_according_to_at_the_end_of_a_sentence(extractor: Extractor, text: str, content: str) -> None:
    x = extract(extractor, text)
    assert [q.content.text for q in x.quotes] == [content], describe(x)


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz, the provincial governor, put the toll from the floods at 45 on Monday.",
     "the toll from the floods at 45"),
    ("Officials in the port city raised the number of dead to 85 on Sunday.", "the number of dead to 85"),
])
def test_a_source_giving_a_figure_is_quoted(extractor: Extractor, text: str, content: str) -> None:
    x = extract(extractor, text)
    assert [q.content.text for q in x.quotes] == [content], describe(x)


@pytest.mark.parametrize("text", ["She put the books on the shelf.", "The council raised taxes to 20 percent."])
def test_putting_or_raising_something_else_is_no_quote(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text).quotes == []


def test_an_unnamed_speaker_is_named_by_the_whole_noun_phrase(extractor: Extractor) -> None:
    x = extract(extractor, "Officials in the two provinces said the roads were closed.")
    assert [q.speaker_text for q in x.quotes] == ["Officials in the two provinces"], describe(x)


@pytest.mark.parametrize(("text", "speaker_text"), [
    ("A group of lawmakers including Ana Ruiz urged the ministry to reopen the port.",
     "A group of lawmakers including Ana Ruiz"),
    ("An official, who asked not to be named, said the port would reopen.", "An official"),
])
def test_a_restrictive_clause_belongs_to_the_speakers_words(extractor: Extractor, text: str,
                                                            speaker_text: str) -> None:
    x = extract(extractor, text)
    assert [q.speaker_text for q in x.quotes] == [speaker_text], describe(x)


@pytest.mark.parametrize(("text", "found"), [
    # one noun a verb of view asks for is its content; a bare object of "call" is a phone call
    ("Egypt urged restraint.", [("urged", "restraint")]),
    ("Ruiz called the minister on Sunday.", []),
    # a relative pronoun as the first object of "call", the description as the second
    ("The fleet staged exercises that Beijing called a warning to the island's leader.",
     [("called", "a warning to the island's leader")]),
])
def test_the_objects_of_verbs_of_view(extractor: Extractor, text: str, found: list[tuple[str, str]]) -> None:
    x = extract(extractor, text)
    assert [(q.cue.text, q.content.text) for q in x.quotes] == found, describe(x)


def test_the_clause_of_the_cue_is_not_in_the_speakers_words(extractor: Extractor) -> None:
    x = extract(extractor, "State media later shared a cartoon that portrayed the minister as a snake.")
    assert [q.speaker_text for q in x.quotes] == ["a cartoon"], describe(x)


def test_quoted_words_that_only_modify_the_description_leave_the_clause_the_quote(extractor: Extractor) -> None:
    x = extract(extractor, "Prime Minister Ana Ruiz described the raid as “swift, lawful and proportionate” action "
                           "in self-defence.")
    assert [(q.cue.text, q.content.text) for q in x.quotes] == [
        ("described", "the raid as “swift, lawful and proportionate” action in self-defence")], describe(x)


def test_a_quoted_description_belongs_to_the_verb_that_gives_it(extractor: Extractor) -> None:
    x = extract(extractor, 'The office accused Lucia Ruiz of stoking tension after she labelled the neighbours a '
                           '"hostile force" in March.')
    quote = quote_with(x, "hostile force")
    assert (speaker_name(x, quote), quote.cue.text) == ("Lucia Ruiz", "labelled"), describe(x)


@pytest.mark.parametrize(("text", "cues"), [
    # a subject that names no one says nothing
    ("Neither Lima nor Quito has confirmed the troop movements.", []),
    ("Lima has confirmed the troop movements.", ["confirmed"]),
    # words requested of another are not said
    ("Peru asked the tribunal last year to confirm its ruling.", []),
    ("Ruiz plans to announce the ruling.", ["announce"]),
    # a state of affairs is no speaker, whatever verb the parser joins to it
    ("Tensions eased in May, when Ruiz and Borja met in Quito and pledged not to use force against each other.",
     ["pledged"]),
])
def test_who_says_nothing(extractor: Extractor, text: str, cues: list[str]) -> None:
    x = extract(extractor, text)
    assert [q.cue.text for q in x.quotes] == cues, describe(x)
    assert all(q.speaker_text != "Tensions" for q in x.quotes), describe(x)


@pytest.mark.parametrize(("text", "speaker"), [
    # an unnamed group that names a member speaks through that member
    ("A group of lawmakers including former Prime Minister John Carter urged a new plan to end the strike.",
     "John Carter"),
    # look-alikes: a list of examples set off by a comma, and a group with no member named, stay unnamed
    ("Several states, including Peru, said the vote was flawed.", None),
    ("A group of lawmakers said the vote was flawed.", None),
])
def test_a_group_speaks_through_its_named_member(extractor: Extractor, text: str, speaker: str | None) -> None:
    x = extract(extractor, text)
    assert len(x.quotes) == 1, describe(x)
    assert speaker_name(x, x.quotes[0]) == speaker, describe(x)


@pytest.mark.parametrize(("text", "found"), [
    # an appeal with its infinitive is a request said; without one nothing is reported
    ("Officials are pleading with residents to return to their homes.",
     [("pleading", "residents to return to their homes")]),
    ("Officials appealed to donors to send tents.", [("appealed", "donors to send tents")]),
    ("The family appealed to the court.", []),
    ("She pleaded with him.", []),
    # a judgement read by the parser as an "as" clause; a clause of time with its own subject is none
    ("The minister dismissed the findings as politically motivated.",
     [("dismissed", "the findings as politically motivated")]),
    ("The minister dismissed the aide on Friday.", []),
    # a condition belongs to the warning
    ("Ruritania is warning Freedonia of severe consequences if it sends troops to the border.",
     [("warning", "Freedonia of severe consequences if it sends troops to the border")]),
    # a finding, a detailed account
    ("The agency has determined that the shells were made abroad.", [("determined", "the shells were made abroad")]),
    ("The experts detailed illegal transfers of weapons to the rebels.",
     [("detailed", "illegal transfers of weapons to the rebels")]),
    # look-alikes: what became of the subject, a passive participle, a name given
    ("Ruritania could find itself excluded from the trade bloc.", []),
    ("With both sides accused of killing civilians, the talks stalled.", []),
    ("A rebel faction called the Northern Front fought back on Sunday.", []),
])
def test_appeals_judgements_conditions_and_their_look_alikes(extractor: Extractor, text: str,
                                                             found: list[tuple[str, str]]) -> None:
    assert_cues_and_contents(extractor, text, found)


def test_a_clause_of_time_with_a_cue_leaves_the_sentence_asserted(extractor: Extractor) -> None:
    x = extract(extractor, "Diplomats gathered on Thursday, as the host minister said the talks would be long.")
    assert [c.status for c in x.claims] == ["asserted"], x.claims
    x = extract(extractor, "Talks will resume next week, the minister said.")
    assert [c.status for c in x.claims] == ["attributed"], x.claims


@pytest.mark.parametrize(("text", "found"), [
    # a participle of naming or judging set off after its clause is its doer's view
    ("The minister praised the deal, calling it a historic step.", [("calling", "it a historic step", "The minister")]),
    ("The rebels seized the port, blaming the government for the shortages.",
     [("blaming", "the government for the shortages", "The rebels")]),
    # set off after a reported clause it is the reporter's, not the reported clause's subject's
    ("The minister announced that Lima would build a new port and that Quito would pay for it, calling it a gift "
     "to the region.", [("announced", "Lima would build a new port and that Quito would pay for it", "The minister"),
                        ("calling", "it a gift to the region", "The minister")]),
    # look-alikes: a participle that names nothing, and one with a directive (a request, coded as an event)
    ("The army shelled the town, calling in reinforcements.", []),
    ("Police fired tear gas, urging the crowd to disperse.", []),
])
def test_a_participle_set_off_after_its_clause(extractor: Extractor, text: str,
                                               found: list[tuple[str, str, str]]) -> None:
    x = extract(extractor, text)
    assert [(q.cue.text, q.content.text, q.speaker_text) for q in x.quotes] == found, describe(x)


@pytest.mark.parametrize(("text", "speaker", "speaker_text"), [
    # what an actor issued speaks for it
    ("Intelligence shared by the United Nations indicated the group was regrouping.", "United Nations",
     "Intelligence shared by the United Nations"),
    # the period of an abbreviation ending the speaker's words is kept
    ("Diplomats, including some from the U.K., have said the plan is stalled.", None,
     "Diplomats, including some from the U.K."),
    # look-alike: people described by a clause are not issued by anyone
    ("Officials who met the president said the talks failed.", None, "Officials who met the president"),
])
def test_issued_documents_and_abbreviations_in_speakers(extractor: Extractor, text: str, speaker: str | None,
                                                        speaker_text: str) -> None:
    x = extract(extractor, text)
    assert [(speaker_name(x, q), q.speaker_text) for q in x.quotes] == [(speaker, speaker_text)], describe(x)


@pytest.mark.parametrize(("text", "content"), [
    # "that" before the clause's own subject is its complementizer, however the parser labels it
    ("South Korean Ambassador Joonkook Hwang told the council that South Korea was alarmed.",
     "South Korea was alarmed"),
    # look-alike: "that" as the clause's subject stays
    ("Ruiz said that was wrong.", "that was wrong"),
])
def test_a_leading_that(extractor: Extractor, text: str, content: str) -> None:
    x = extract(extractor, text)
    assert [q.content.text for q in x.quotes] == [content], describe(x)


@pytest.mark.parametrize(("text", "found"), [
    # a second speaker's verb of saying in a "while" clause is a quote of its own
    ("Ruiz's lawyer, Mark Ellis, said the ruling was wrong, while Borja's lawyer, Tom Price, said the "
     "appeal would fail.", [("said", "the ruling was wrong"), ("said", "the appeal would fail")]),
    # look-alikes: a second that-clause, and a belief given as the speaker's reason, stay in what is said
    ("The governor said the state needs nurses, but that he would not raise taxes.",
     [("said", "the state needs nurses, but that he would not raise taxes")]),
    ("She says most residents will not return because they believe the rebels could attack again.",
     [("says", "most residents will not return because they believe the rebels could attack again")]),
    # a thing that shows something, inside what someone says, is part of their words
    ("Press monitors say the ruling highlights the reach of the courts.",
     [("say", "the ruling highlights the reach of the courts")]),
])
def test_second_speakers_and_reasons_inside_reported_clauses(extractor: Extractor, text: str,
                                                             found: list[tuple[str, str]]) -> None:
    assert_cues_and_contents(extractor, text, found)


def test_the_government_of_a_named_owner_speaks_for_it(extractor: Extractor) -> None:
    x = extract(extractor, "The government of Kenya said the talks failed.")
    assert [speaker_name(x, q) for q in x.quotes] == ["Kenya"], describe(x)


def test_a_given_name_that_looks_like_a_verb_of_saying_is_no_cue(extractor: Extractor) -> None:
    x = extract(extractor, "Sayed Abdul Wajeed Sadat, the provincial head of the Red Crescent, told VOA five people "
                           "had died.")
    assert [q.cue.text for q in x.quotes] == ["told"], describe(x)
    # look-alike: the verb after a name still reports
    x = extract(extractor, '"We will win," said Ana Ruiz, the mayor.')
    assert [q.cue.text for q in x.quotes] == ["said"], describe(x)


@pytest.mark.parametrize(("text", "speaker_text", "channel"), [
    # a verb of citing whose object is given "as saying": the object speaks, through the citing outlet
    ("Reuters quoted two Chadian army officers as saying the convoy had crossed the border.",
     "two Chadian army officers", "Reuters"),
    ("The newspaper cited Ana Ruiz as saying that she would resign.", "Ana Ruiz", None),
    # the passive: the one quoted is its subject, the outlet its agent
    ("Carlos Mendoza was quoted by Reuters as saying the mine would close.", "Carlos Mendoza", "Reuters"),
])
def test_cited_as_saying(extractor: Extractor, text: str, speaker_text: str, channel: str | None) -> None:
    x = extract(extractor, text)
    assert [(q.cue.text, q.speaker_text) for q in x.quotes] == [("saying", speaker_text)], describe(x)
    quote = x.quotes[0]
    assert (x.entity(quote.channel).name if quote.channel else None) == channel, describe(x)
    assert [c.status for c in x.claims] == ["attributed"]


def test_citing_without_as_saying_keeps_the_citer(extractor: Extractor) -> None:
    # look-alike: what is cited as a reason is the citer's own view
    x = extract(extractor, "Officials cited security concerns as the reason for the delay.")
    assert [(q.cue.text, q.speaker_text) for q in x.quotes] == [("cited", "Officials")], describe(x)


@pytest.mark.parametrize(("text", "speaker"), [
    # a participle after its setting: whom the "with" names, or whom the setting is of, speaks
    ("The two ministers traded insults for weeks, with Orban at one stage suggesting the commissioner "
     "should resign.", "Viktor Orbán"),
    # a participle after a count of utterances: whoever issued them
    ("Tehran issued a string of statements insisting that its programme was peaceful.", "Iran"),
    ("Moscow put out a flurry of warnings demanding that Kyiv halt its drone raids.", "Russia"),
])
def test_participles_after_settings_and_counts_of_utterances(extractor: Extractor, text: str, speaker: str) -> None:
    x = extract(extractor, text)
    assert [speaker_name(x, q) for q in x.quotes] == [speaker], describe(x)


def test_a_participle_after_a_place_of_people_keeps_the_people(extractor: Extractor) -> None:
    # look-alike: people at a place are the speakers, not the place
    x = extract(extractor, "Protesters at the rally chanted slogans accusing the mayor of theft.")
    assert [q.speaker_text for q in x.quotes] == ["Protesters at the rally"], describe(x)


def test_a_text_that_reads_after_a_quote(extractor: Extractor) -> None:
    # '"...," read a statement from X': the statement's issuer speaks
    x = extract(extractor, '"The border will stay closed until further notice," read a statement from the '
                           'Kenyan interior ministry.')
    assert [(q.cue.text, q.direct) for q in x.quotes] == [("read", True)], describe(x)
    assert x.quotes[0].speaker is not None and "ministry" in speaker_name(x, x.quotes[0]).lower(), describe(x)
    # look-alike: reading aloud with no quote reports nothing
    x = extract(extractor, "The minister read the names of the victims aloud.")
    assert x.quotes == [], describe(x)


def test_a_clause_with_scare_quoted_pieces_is_reported_whole(extractor: Extractor) -> None:
    # the clause's subject is partly the writer's words: the clause is the quote, not its quoted pieces
    x = extract(extractor, 'The minister argued that the plan\'s "backbone" was a "truly fair tax."')
    assert [(q.content.text, q.direct) for q in x.quotes] == [
        ('the plan\'s "backbone" was a "truly fair tax', False)], describe(x)
    # look-alike: a clause wholly inside the marks is a direct quote
    x = extract(extractor, 'He said "the talks are over and we will fight."')
    assert [(q.content.text, q.direct) for q in x.quotes] == [("the talks are over and we will fight", True)], \
        describe(x)


@pytest.mark.parametrize(("text", "found"), [
    # a court's ruling with its clause is the court's finding
    ("The constitutional court ruled in March that the decree was void.", [("ruled", "the decree was void")]),
    # a speaker after the verb, read by the parser as its object, in a verb set off by commas
    ("The hardest part of any truce, say most diplomats, is the first week.",
     [("say", "The hardest part of any truce, say most diplomats, is the first week")]),
    # a sentence-opening adverb the parser hangs on a verb of saying set off by commas
    ("Still, the analyst cautions, the deal would not end the dispute.",
     [("cautions", "the deal would not end the dispute")]),
    # a finite verb after a long apposition, read by the parser as a participle on the name
    ("Kestrel, a firm that tracks tankers, reported in June that the ship had left port.",
     [("reported", "the ship had left port")]),
])
def test_misparsed_and_set_off_verbs_of_saying(extractor: Extractor, text: str, found: list[tuple[str, str]]) -> None:
    assert_cues_and_contents(extractor, text, found)


@pytest.mark.parametrize("text", [
    # look-alikes: ruling out, or ruling a country, says nothing; a reduced passive names no speaker
    "The court ruled out a delay.",
    "The junta has ruled the country since 2021.",
    "The envoy, asked whether the talks would resume, smiled.",
])
def test_rulings_and_participles_that_say_nothing(extractor: Extractor, text: str) -> None:
    assert_cues_and_contents(extractor, text, [])


def test_a_misparsed_main_verb_of_saying_makes_its_sentence_attributed(extractor: Extractor) -> None:
    x = extract(extractor, "Kestrel, a firm that tracks tankers, reported in June that the ship had left port.")
    assert [c.status for c in x.claims] == ["attributed"], describe(x)
    # look-alike: a real participle on the name leaves the sentence the writer's
    x = extract(extractor, "Kestrel, a firm founded in 2010, tracks tankers across the Gulf.")
    assert [c.status for c in x.claims] == ["asserted"], describe(x)


def test_a_paragraph_left_open_in_flattened_copy_is_a_quote_of_its_own(extractor: Extractor) -> None:
    # a quote that runs on into the next paragraph has no closing mark; with the paragraphs run together, a
    # second opening mark before any closing one starts the next paragraph's quote
    x = extract(extractor, "Penny Wong spoke in Canberra on Monday. “Ships must wait offshore. The storm has not "
                           "passed yet. “The port opens on Friday,” she added.")
    assert [(q.content.text, speaker_name(x, q)) for q in x.quotes] == [
        ("Ships must wait offshore. The storm has not passed yet", "Penny Wong"),
        ("The port opens on Friday", "Penny Wong")], describe(x)
    # look-alike: a quote closed in its paragraph and a new one after it stay two quotes, each its own
    x = extract(extractor, "Penny Wong spoke in Canberra on Monday. “Ships must wait offshore,” she said. “The port "
                           "opens on Friday,” she added.")
    assert [q.content.text for q in x.quotes] == ["Ships must wait offshore", "The port opens on Friday"]


def test_a_pronoun_outside_the_marks_is_not_someone_named_only_inside_them(extractor: Extractor) -> None:
    x = extract(extractor, "Carlos Mendoza, a trader in Lima, spoke on Monday. “Nothing will change the mind of "
                           "President Vladimir Putin,” he said.")
    assert [speaker_name(x, q) for q in x.quotes] == ["Carlos Mendoza"], describe(x)
    # look-alike: a person named outside the marks as well may be who speaks
    x = extract(extractor, "President Vladimir Putin met Carlos Mendoza on Monday. “Nothing will change the mind of "
                           "President Vladimir Putin,” he said.")
    assert [speaker_name(x, q) for q in x.quotes] != [None], describe(x)


# --- a verb of saying joined to a clause it cannot share a subject with -----------------------------


def test_a_plural_verb_joined_to_a_rejected_claim_is_said_by_the_rejecting_subject(extractor: Extractor) -> None:
    # the parser joins "insist" to the verb of the claim that was rejected; a plural verb cannot share the
    # claim's singular subject, so the ones who rejected it insist
    x = extract(extractor, "Peruvian officials have rejected claims that the tender was rigged and insist that the "
                           "process was fair.")
    assert quote_with(x, "the process was fair").speaker_text == "Peruvian officials", describe(x)
    # look-alike: a verb that agrees with the subject of the verb it is joined to shares that subject
    x = extract(extractor, "The Peruvian farmer blocked the highway and insists that the tolls are unfair.")
    assert quote_with(x, "the tolls are unfair").speaker_text == "The Peruvian farmer", describe(x)


def test_a_base_form_joined_to_a_finite_verb_reads_as_plural_present(extractor: Extractor) -> None:
    x = extract(extractor, "Chilean authorities have rejected accusations that Mendoza's trial is unfair and maintain "
                           "that the courts are independent.")
    assert quote_with(x, "the courts are independent").speaker_text == "Chilean authorities", describe(x)


# --- judgements and named sources are not what was said --------------------------------------------


def test_a_judgement_held_in_a_small_clause_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "The Chilean mayor considers the pipeline plan unrealistic.")
    assert x.quotes == [], describe(x)
    # look-alike: a verb of belief with a clause of its own reports a view
    x = extract(extractor, "The Chilean mayor believes the pipeline plan will fail.")
    assert [q.content.text for q in x.quotes] == ["the pipeline plan will fail"], describe(x)


def test_refusing_a_request_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "The Chilean court denied the request for bail on Monday.")
    assert x.quotes == [], describe(x)
    # look-alike: denying a wrong done is what the speaker said
    x = extract(extractor, "The Chilean minister denied any wrongdoing in the tender on Monday.")
    assert [q.content.text for q in x.quotes] == ["any wrongdoing in the tender"], describe(x)


def test_a_cited_source_is_no_quote(extractor: Extractor) -> None:
    x = extract(extractor, "The Chilean ministry cited court records in its reply to the senators.")
    assert x.quotes == [], describe(x)
    # look-alike: a cited reason is what was said
    x = extract(extractor, "The Chilean ministry cited a rise in border incidents as the reason for the delay.")
    assert len(x.quotes) == 1, describe(x)


# --- a speaker described first and named in the next sentences -------------------------------------


def test_a_described_speaker_is_the_person_named_next(extractor: Extractor) -> None:
    x = extract(extractor, 'On Tuesday, a senior Chilean air force general said he expects more fires. "It is only '
                           'a matter of time," said Gen. Ana Ruiz, commander of the air forces.')
    assert speaker_name(x, quote_with(x, "he expects more fires")) == "Ana Ruiz", describe(x)
    # look-alikes: a bare noun may be anyone, and "another" official is someone else
    x = extract(extractor, 'A witness said the gunmen fled on foot. "I hid behind a car," said Maria Lopez, a '
                           "shopkeeper.")
    assert quote_with(x, "the gunmen fled on foot").speaker is None, describe(x)
    x = extract(extractor, 'Another senior Chilean official said the talks had stalled. "We are not hopeful," said '
                           "Carlos Vega, the trade minister.")
    assert quote_with(x, "the talks had stalled").speaker is None, describe(x)


def test_a_described_speaker_is_not_someone_named_before(extractor: Extractor) -> None:
    # a person the text has already named is not whom a new description introduces
    x = extract(extractor, 'Ana Ruiz toured the base on Monday. A senior Chilean air force general said more fires '
                           'were expected. "It is a matter of time," Ruiz said.')
    assert quote_with(x, "more fires were expected").speaker is None, describe(x)
