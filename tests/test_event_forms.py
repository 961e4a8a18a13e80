"""Event forms beyond a trigger verb with its subject: the stance of what a speaker says (PLOVER codes
a statement that calls an act a crime as an accusation), violence reported in the passive with no doer
named, and places below the state as targets. Each form has a sentence written here that must be
coded and a look-alike that must not."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Extraction


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="forms", text=text, published="2025-03-04"))


def coded(extraction: Extraction, event_type: str) -> list[tuple[str | None, str | None]]:
    """(source name, target name) of each event of the type."""
    def name(entity_id: str | None) -> str | None:
        entity = extraction.entity(entity_id) if entity_id else None
        return entity.name if entity else None
    return [(name(e.source), name(e.target)) for e in extraction.events if e.type == event_type]


# --- stance of a statement ----------------------------------------------------------------------------

def test_statement_calling_acts_crimes_is_an_accusation(extractor) -> None:
    x = extract(extractor, 'Ukraine\'s foreign minister Andrii Sybiha said the shelling of Kharkiv by Russia '
                           'was "a war crime" that the world must answer.')
    assert ("Andrii Sybiha", "Russia") in coded(x, "ACCUSE")


def test_statement_without_stance_words_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Ukraine's foreign minister Andrii Sybiha said the talks with Russia would resume "
                           "in Istanbul next week.")
    assert coded(x, "ACCUSE") == []


def test_denied_wrongdoing_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Hungary denied any violation of the European Union's sanctions on Russia.")
    assert not [pair for pair in coded(x, "ACCUSE") if pair[0] == "Hungary"]


def test_statement_welcoming_an_act_is_support(extractor) -> None:
    x = extract(extractor, 'Egypt\'s foreign ministry said the deal reached by Israel was "a welcome step" '
                           "towards calm.")
    assert any(target == "Israel" for _, target in coded(x, "SUPPORT"))


def test_negated_welcome_is_no_support(extractor) -> None:
    x = extract(extractor, 'Poland said that Belarus\'s envoys "are not welcome" at the summit.')
    assert coded(x, "SUPPORT") == []


def test_support_needs_someone_it_is_aimed_at(extractor) -> None:
    x = extract(extractor, 'Japan\'s finance minister said lower rates would have "a positive effect" on '
                           "household spending.")
    assert coded(x, "SUPPORT") == []


def test_cue_object_is_whom_the_stance_is_about(extractor) -> None:
    x = extract(extractor, "Germany credited Norway for its constructive role in the talks with Colombia.")
    assert ("Germany", "Norway") in coded(x, "SUPPORT")


# --- harm with no doer named --------------------------------------------------------------------------

def test_passive_killing_without_doer_is_coded_with_unknown_source(extractor) -> None:
    x = extract(extractor, "At least twelve villagers were killed in northern Burkina Faso on Sunday.")
    events = [e for e in x.events if e.type == "ASSAULT"]
    assert events and events[0].source is None and "villagers" in (events[0].target_text or "")


def test_deaths_in_a_mishap_are_no_assault(extractor) -> None:
    x = extract(extractor, "At least twelve villagers were killed in the crash in northern Burkina Faso.")
    assert coded(x, "ASSAULT") == []


def test_possible_abduction_is_no_event(extractor) -> None:
    x = extract(extractor, "Parents fear that more pupils could be abducted in Kaduna.")
    assert coded(x, "ASSAULT") == []


def test_passive_with_named_doer_keeps_the_doer(extractor) -> None:
    x = extract(extractor, "Two journalists were detained by Belarus on Friday.")
    assert ("Belarus", None) in coded(x, "COERCE")


# --- places below the state ---------------------------------------------------------------------------

def test_town_as_target_is_no_actor(extractor) -> None:
    x = extract(extractor, "Russia shelled the town of Kupiansk overnight.")
    events = [e for e in x.events if e.type == "ASSAULT"]
    assert events and events[0].target is None and "Kupiansk" in (events[0].target_text or "")


def test_state_as_target_stays_an_actor(extractor) -> None:
    x = extract(extractor, "Russia shelled Ukraine overnight.")
    assert ("Russia", "Ukraine") in coded(x, "ASSAULT")


# --- naming what an act is ------------------------------------------------------------------------

def test_calling_an_act_a_violation_accuses_its_doer(extractor) -> None:
    x = extract(extractor, "Lebanon called Israel's airstrikes a violation of its sovereignty.")
    assert ("Lebanon", "Israel") in coded(x, "ACCUSE")
    assert coded(x, "PROTEST") == []


def test_calling_a_strike_is_still_a_strike(extractor) -> None:
    x = extract(extractor, "Nigeria's labour unions called a general strike over fuel prices.")
    assert coded(x, "PROTEST")


def test_branding_is_pejorative_whatever_the_name(extractor) -> None:
    x = extract(extractor, "Israel branded the Houthis a threat to shipping in the Red Sea.")
    assert ("Israel", "Houthis") in coded(x, "ACCUSE")


# --- denials, wars, and acts with no partner --------------------------------------------------------

def test_denying_a_charge_rejects_it(extractor) -> None:
    x = extract(extractor, "Rwanda denied any role in the fighting in eastern Congo.")
    assert any(source == "Rwanda" for source, _ in coded(x, "REJECT"))


def test_war_with_a_state_is_an_assault(extractor) -> None:
    x = extract(extractor, "Armenia lost ground during its war with Azerbaijan in 2020.")
    assert ("Armenia", "Azerbaijan") in coded(x, "ASSAULT")


def test_support_for_an_abstraction_is_no_event(extractor) -> None:
    x = extract(extractor, "Japan reaffirmed its support for peace and stability in the region.")
    assert coded(x, "SUPPORT") == []


def test_support_for_an_actor_is_an_event(extractor) -> None:
    x = extract(extractor, "Japan reaffirmed its support for the Philippines in the dispute.")
    assert ("Japan", "Philippines") in coded(x, "SUPPORT")


def test_negated_passive_harm_is_no_event(extractor) -> None:
    x = extract(extractor, "The refugees were not deported to Myanmar last month.")
    assert coded(x, "COERCE") == []


def test_conjoined_offers_are_not_offers_to_each_other(extractor) -> None:
    x = extract(extractor, "Canada and Norway offered to resettle the refugees.")
    assert ("Canada", "Norway") not in coded(x, "AGREE") and ("Norway", "Canada") not in coded(x, "AGREE")


def test_conjoined_agreement_is_mutual(extractor) -> None:
    x = extract(extractor, "Canada and Norway agreed to a new fisheries accord on Monday.")
    assert ("Canada", "Norway") in coded(x, "AGREE")


# --- doers of nominal events ----------------------------------------------------------------------

def test_claiming_responsibility_makes_the_claimant_the_doer(extractor) -> None:
    x = extract(extractor, "Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu.")
    assert any(source == "al-Shabaab" for source, _ in coded(x, "ASSAULT"))


def test_blamed_actor_is_the_doer_of_the_act(extractor) -> None:
    x = extract(extractor, "Ukraine blamed Russia for the strike on the Kakhovka dam.")
    assert ("Ukraine", "Russia") in coded(x, "ACCUSE")
    assert any(source == "Russia" for source, _ in coded(x, "ASSAULT"))


def test_condemning_an_attack_does_not_make_the_condemner_its_doer(extractor) -> None:
    x = extract(extractor, "Ukraine condemned the strike on the Kakhovka dam.")
    assert not any(source == "Ukraine" for source, _ in coded(x, "ASSAULT"))


def test_talks_in_an_adverbial_are_held_by_the_clause_subject(extractor) -> None:
    x = extract(extractor, "Marco Rubio will travel to Riyadh on Tuesday for talks with Ukraine.")
    assert ("Marco Rubio", "Ukraine") in coded(x, "CONSULT")


def test_object_pronoun_is_not_its_own_clause_subject(extractor) -> None:
    x = extract(extractor, "Hamas carried out the raid, and Israel blamed it for the deaths.")
    assert ("Israel", "Hamas") in coded(x, "ACCUSE")


# --- an act named in an 'in protest of / in support of' phrase ------------------------------------------

def test_in_protest_against_is_a_protest_by_the_clauses_doer(extractor) -> None:
    x = extract(extractor, "Hundreds of people gathered outside the embassy in Ankara in protest against Israel.")
    protests = [e for e in x.events if e.type == "PROTEST"]
    assert [(e.source_text, e.target) for e in protests] == [("people", "israel")], protests


def test_in_protest_phrase_without_a_doer_is_not_coded(extractor) -> None:
    x = extract(extractor, "The embassy in Ankara, closed in protest against Israel, reopened on Monday.")
    assert coded(x, "PROTEST") == []


# --- a light verb's object inside a partitive; a maker named before the weapon ------------------------

def test_suspending_part_of_an_aid_programme_is_a_sanction(extractor) -> None:
    x = extract(extractor, "Germany froze half of its police assistance programme for Bosnia after the vote.")
    assert ("Germany", "Bosnia and Herzegovina") in coded(x, "SANCTION")


def test_suspending_part_of_a_road_project_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Bosnia suspended part of a road project near Sarajevo on Friday.")
    assert coded(x, "SANCTION") == []


def test_state_named_before_the_weapon_noun_is_the_doer(extractor) -> None:
    x = extract(extractor, "Recent US drone attacks have killed at least eight al-Qaeda leaders since July.")
    assert ("United States", "al-Qaeda") in coded(x, "ASSAULT")


# --- look-alikes the lexicon's conditions keep out ------------------------------------------------------

def test_refusing_to_comment_is_no_rejection(extractor) -> None:
    x = extract(extractor, "Malawi's education ministry refused to comment on the ban.")
    assert coded(x, "REJECT") == []


def test_refusing_a_request_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Malawi refused to extradite the two men to Zambia.")
    assert [pair[0] for pair in coded(x, "REJECT")] == ["Malawi"]


def test_a_trade_war_is_no_assault(extractor) -> None:
    x = extract(extractor, "Donald Trump stepped up his trade war with Mexico on Friday.")
    assert coded(x, "ASSAULT") == []


def test_charging_a_price_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Ana Ruiz said the province was charging 30% more for water.")
    assert coded(x, "ACCUSE") == []


def test_charging_a_person_is_an_accusation(extractor) -> None:
    x = extract(extractor, "Kenyan prosecutors charged Tomas Varga with fraud on Monday.")
    assert ("Kenya", "Tomas Varga") in coded(x, "ACCUSE")


def test_speaking_with_a_news_outlet_is_no_meeting(extractor) -> None:
    x = extract(extractor, "Chad's foreign minister spoke with Reuters on Monday.")
    assert coded(x, "CONSULT") == []


def test_recognising_a_person_is_no_recognition(extractor) -> None:
    x = extract(extractor, "A Kenyan officer recognized Tomas Varga at the checkpoint.")
    assert coded(x, "SUPPORT") == []


def test_demonstrating_a_skill_is_no_protest(extractor) -> None:
    x = extract(extractor, "Japan held naval drills to demonstrate its strength to China.")
    assert coded(x, "PROTEST") == []


def test_deported_to_a_state_does_not_make_it_the_target(extractor) -> None:
    x = extract(extractor, "U.S. Immigration and Customs Enforcement deported 177 detainees to Honduras.")
    assert not [pair for pair in coded(x, "COERCE") if pair[1] == "Honduras"]


# --- vocabulary: phrasal verbs, light verbs of warning, exchanges ------------------------------------

def test_chasing_away_boats_is_coercion(extractor) -> None:
    x = extract(extractor, "Chinese coast guard ships chased away Philippine fishing boats near the shoal.")
    assert [pair[1] for pair in coded(x, "COERCE")] == ["Philippines"]


def test_chasing_a_bus_is_no_coercion(extractor) -> None:
    x = extract(extractor, "Philippine commuters chased the last bus through Manila.")
    assert coded(x, "COERCE") == []


def test_dispatching_warnings_is_a_threat(extractor) -> None:
    x = extract(extractor, "Beijing dispatched warnings to Manila over the reef.")
    assert ("China", "Philippines") in coded(x, "THREATEN")


def test_trading_strikes_is_each_side_attacking_the_other(extractor) -> None:
    x = extract(extractor, "India and Pakistan traded strikes on Saturday.")
    assert {("India", "Pakistan"), ("Pakistan", "India")} <= set(coded(x, "ASSAULT"))


def test_trading_goods_is_no_attack(extractor) -> None:
    x = extract(extractor, "India and Pakistan traded goods worth $2 billion last year.")
    assert coded(x, "ASSAULT") == []


def test_one_who_stands_accused_is_the_target_not_the_accuser(extractor) -> None:
    x = extract(extractor, "Jimmy Lai stands accused of collusion with foreign forces.")
    assert coded(x, "ACCUSE") == [(None, "Jimmy Lai")]


def test_requesting_comment_is_no_request(extractor) -> None:
    x = extract(extractor, "The White House did not reply to an email from Reuters requesting comment.")
    assert coded(x, "REQUEST") == []


def test_a_named_envoy_acts_not_the_one_whose_envoy_he_is(extractor) -> None:
    x = extract(extractor, "The White House said Donald Trump's special envoy, Steve Witkoff, spoke with "
                           "Vladimir Putin on Thursday.")
    assert ("Steve Witkoff", "Vladimir Putin") in coded(x, "CONSULT")


def test_an_unnamed_envoy_still_stands_for_the_one_who_sent_him(extractor) -> None:
    x = extract(extractor, "Donald Trump's special envoy spoke with Vladimir Putin on Thursday.")
    assert [pair[1] for pair in coded(x, "CONSULT")] == ["Vladimir Putin"]


def test_an_act_under_whether_is_no_event(extractor) -> None:
    x = extract(extractor, "Whether China and India agree on the border or not, the talks will go on.")
    assert coded(x, "AGREE") == []


def test_a_relative_acts_not_the_one_whose_relative_he_is(extractor) -> None:
    x = extract(extractor, "Jimmy Lai's son met Trump administration officials in Washington.")
    assert not [pair for pair in coded(x, "CONSULT") if pair[0] == "Jimmy Lai"]


def test_the_named_person_still_acts(extractor) -> None:
    x = extract(extractor, "Jimmy Lai met Trump administration officials in Washington.")
    assert [pair[0] for pair in coded(x, "CONSULT")] == ["Jimmy Lai"]


# --- permitting an actor ------------------------------------------------------------------------------

def test_allowing_an_actor_to_act_is_a_concession(extractor) -> None:
    x = extract(extractor, "The interior minister of Peru allowed Keiko Fujimori to hold a rally in Lima.")
    assert ("Peru", "Keiko Fujimori") in coded(x, "CONCEDE")


def test_a_law_allowing_police_to_act_is_no_concession(extractor) -> None:
    """The look-alike: no actor allows anything, and the police are no one's opponent here."""
    x = extract(extractor, "The new law allows police to detain suspects for two days.")
    assert coded(x, "CONCEDE") == []


def test_navies_holding_exercises_together_cooperate(extractor) -> None:
    x = extract(extractor, "The navy of Peru held joint exercises with Chile on Monday.")
    assert ("navy of Peru", "Chile") in coded(x, "COOPERATE")  # Peru's navy, a body of the state


def test_an_exercise_held_alone_is_no_cooperation(extractor) -> None:
    x = extract(extractor, "The navy of Peru held exercises off its coast on Monday.")
    assert coded(x, "COOPERATE") == []


def test_releasing_a_named_person_is_a_retreat(extractor) -> None:
    x = extract(extractor, "The Bolivian army released Evo Morales on Sunday.")
    assert [target for _source, target in coded(x, "RETREAT")] == ["Evo Morales"]


def test_releasing_a_report_is_no_retreat(extractor) -> None:
    x = extract(extractor, "The Bolivian army released a report on Sunday.")
    assert coded(x, "RETREAT") == []


# --- arguments shared and moved -------------------------------------------------------------------------

def test_a_verb_shares_the_object_of_the_verb_joined_after_it(extractor) -> None:
    x = extract(extractor, "The Kenyan army has been shelling and raiding Somali villages since 2011.")
    assert [target for _source, target in coded(x, "ASSAULT")] == ["Somalia"]


def test_a_verb_with_its_own_object_keeps_it(extractor) -> None:
    """The look-alike: each verb has its own object, so nothing is shared."""
    x = extract(extractor, "The Kenyan army shelled the camps and raided Somali villages.")
    assert [target for _source, target in coded(x, "ASSAULT")] == [None]


def test_blaming_something_on_an_actor_accuses_that_actor(extractor) -> None:
    x = extract(extractor, "Pakistan has blamed several recent attacks on the Taliban.")
    assert ("Pakistan", "Taliban") in coded(x, "ACCUSE")


def test_keeping_tariffs_on_a_state_sanctions_it(extractor) -> None:
    x = extract(extractor, "Donald Trump is keeping the higher tariffs on Mexico.")
    assert ("Donald Trump", "Mexico") in coded(x, "SANCTION")


def test_keeping_a_promise_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Donald Trump is keeping his promise to Mexico.")
    assert coded(x, "SANCTION") == []


def test_ordering_an_arrest_is_the_orderers_act(extractor) -> None:
    x = extract(extractor, "Bosnian prosecutors on Wednesday ordered the arrest of Milorad Dodik.")
    assert ("Bosnia and Herzegovina", "Milorad Dodik") in coded(x, "COERCE")


def test_condemning_an_arrest_is_no_arrest(extractor) -> None:
    """The look-alike: a verb of stance says nothing of who made the arrest."""
    x = extract(extractor, "Bosnia condemned the arrest of Milorad Dodik.")
    assert coded(x, "COERCE") == []


def test_designating_a_group_something_sanctions_it(extractor) -> None:
    x = extract(extractor, "The United States has designated the Baloch Liberation Army a terrorist group.")
    assert [target for _source, target in coded(x, "SANCTION")] == ["Balochistan Liberation Army"]


def test_designating_an_envoy_is_no_sanction(extractor) -> None:
    x = extract(extractor, "The United States designated a new envoy for the region.")
    assert coded(x, "SANCTION") == []


# --- stances aimed at no one, held by their possessor; capitals that name venues ---------------------

def test_a_stance_aimed_at_no_actor_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Kevin Hassett said the violence in the region is a deep concern.")
    assert coded(x, "ACCUSE") == []


def test_a_stance_noun_belongs_to_its_possessor_not_its_target(extractor) -> None:
    x = extract(extractor, "Kevin Hassett said Trump's chief concerns lie at home.")
    assert coded(x, "ACCUSE") == []


def test_a_stance_about_an_actor_accuses_it(extractor) -> None:
    """The look-alike: the concern is voiced about Mexico."""
    x = extract(extractor, "Kevin Hassett voiced concern about Mexico's role.")
    assert coded(x, "ACCUSE") == [("Kevin Hassett", "Mexico")]


def test_a_capital_naming_talks_held_there_is_no_target(extractor) -> None:
    x = extract(extractor, "Tehran rejected the Vienna talks.")
    assert coded(x, "REJECT") == [("Iran", None)]


def test_a_capital_as_the_object_is_the_state(extractor) -> None:
    x = extract(extractor, "Tehran rejected Vienna's offer.")
    assert ("Iran", "Austria") in coded(x, "REJECT")


def test_ending_a_mediation_is_a_sanction(extractor) -> None:
    x = extract(extractor, "Egypt ended its mediation between Hamas and Fatah on Monday.")
    assert {source for source, _target in coded(x, "SANCTION")} == {"Egypt"}


def test_ending_a_war_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Egypt ended its isolation on Monday.")
    assert coded(x, "SANCTION") == []


def test_going_back_on_a_promise_to_an_actor_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Hungary reneged on its pledge to Ukraine.")
    assert [source for source, _target in coded(x, "REJECT")] == ["Hungary"]


def test_an_operation_launched_to_drive_out_a_group_is_aimed_at_it(extractor) -> None:
    x = extract(extractor, "Kenya launched an offensive to drive out al-Shabab fighters from the coast.")
    assert coded(x, "ASSAULT") == [("Kenya", "al-Shabaab")]


def test_an_act_whose_purpose_names_a_place_has_no_target(extractor) -> None:
    x = extract(extractor, "Kenyan police fired tear gas to clear the square.")
    assert [target for _source, target in coded(x, "ASSAULT") + coded(x, "COERCE")] in ([], [None])


def test_the_possessor_of_an_act_word_is_whom_the_stance_accuses(extractor) -> None:
    x = extract(extractor, "Melanie Joly said, “We stand with Ukraine against Russia's brutal "
                           "aggression.”")
    assert ("melanie-joly", "russia") in [(e.source, e.target) for e in x.events if e.type == "ACCUSE"]


def test_being_under_a_states_sanctions_is_that_states_sanction(extractor) -> None:
    x = extract(extractor, "Rosneft, which is under U.S. sanctions, sold the oil.")
    assert coded(x, "SANCTION") == [("United States", "Rosneft")]


def test_being_under_a_states_law_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Rosneft, which is under U.S. law, sold the oil.")
    assert coded(x, "SANCTION") == []


def test_the_first_stance_word_of_a_statement_is_the_one_read() -> None:
    """Read left to right, whatever order the set of stance words iterates in (string hashing differs
    between processes, so a set-ordered search gave different answers on different runs)."""
    import spacy

    from newsgraph.nlp.stances import _stance_word

    words = list(spacy.blank("en")("the raid was a crime and a violation and a provocation"))
    for token in words:
        token.lemma_ = token.text
    phrases = frozenset({"provocation", "violation", "crime"})
    assert _stance_word(words, phrases).text == "crime"


def test_pressing_a_state_to_act_is_a_request_to_it(extractor) -> None:
    x = extract(extractor, "Washington pressed Chile to halt its offensive near the border.")
    assert coded(x, "REQUEST") == [("United States", "Chile")]
    assert coded(x, "RETREAT") == []  # the halt is only asked for


def test_pressing_a_thing_is_no_request(extractor) -> None:
    x = extract(extractor, "Kenyan police pressed the button to open the gate.")
    assert coded(x, "REQUEST") == []


def test_the_infinitive_after_an_actor_object_is_that_actors_act(extractor) -> None:
    x = extract(extractor, "The accord required Hezbollah to withdraw its fighters from the border area.")
    assert [source for source, _target in coded(x, "RETREAT")] == ["Hezbollah"]


def test_the_infinitive_after_an_instrument_is_the_subjects_act(extractor) -> None:
    x = extract(extractor, "Israel used drones to strike a Hezbollah depot.")
    assert coded(x, "ASSAULT") == [("Israel", "Hezbollah")]


def test_rejecting_the_move_is_aimed_at_whoever_made_it(extractor) -> None:
    x = extract(extractor, "Peru raised tariffs on Chilean copper on Monday. Chile rejected the move.")
    assert coded(x, "REJECT") == [("Chile", "Peru")]


def test_rejecting_a_move_not_reported_before_names_no_target(extractor) -> None:
    x = extract(extractor, "Chile rejected a move to delay the vote.")
    assert [target for _source, target in coded(x, "REJECT")] in ([], [None])


def test_speaking_to_a_leader_is_a_consultation(extractor) -> None:
    x = extract(extractor, "Erdogan said he had spoken to Putin about the grain corridor.")
    assert coded(x, "CONSULT") == [("Recep Tayyip Erdoğan", "Vladimir Putin")]


def test_speaking_to_reporters_is_no_consultation(extractor) -> None:
    x = extract(extractor, "Macron spoke to reporters in Paris.")
    assert coded(x, "CONSULT") == []


def test_leading_talks_with_a_state_is_a_consultation(extractor) -> None:
    x = extract(extractor, "Blinken led six hours of talks with Ukraine in Riyadh.")
    assert coded(x, "CONSULT") == [("Antony Blinken", "Ukraine")]


def test_holding_a_state_responsible_is_an_accusation(extractor) -> None:
    x = extract(extractor, "Kenya holds Somalia responsible for the raid on the border post.")
    assert coded(x, "ACCUSE") == [("Kenya", "Somalia")]


def test_holding_talks_or_captives_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Hamas held the hostages for months before Kenya held talks with Somalia.")
    assert coded(x, "ACCUSE") == []


def test_vowing_a_response_to_an_attack_threatens_the_attacker(extractor) -> None:
    x = extract(extractor, "Ruto vowed a swift response to the attack by al-Shabab.")
    assert coded(x, "THREATEN") == [("William Ruto", "al-Shabaab")]


def test_a_response_promised_to_a_letter_is_no_threat(extractor) -> None:
    x = extract(extractor, "Ruto promised a response to the letter from al-Shabab.")
    assert coded(x, "THREATEN") == []


def test_a_reported_agreement_between_two_is_mutual_not_aimed_at_that(extractor) -> None:
    x = extract(extractor, "Ruto posted on X that he and Museveni had agreed to reopen the border crossing.")
    assert sorted(coded(x, "AGREE")) == [("William Ruto", "Yoweri Museveni"), ("Yoweri Museveni", "William Ruto")]


def test_calling_for_an_end_to_the_strikes_asks_it_of_the_striker(extractor) -> None:
    x = extract(extractor, "Israel launched strikes on Gaza. Egypt called for an end to the strikes.")
    assert coded(x, "REQUEST") == [("Egypt", "Israel")]


def test_calling_for_an_end_to_strikes_never_reported_asks_no_one(extractor) -> None:
    x = extract(extractor, "Egypt called for an end to strikes on civilians.")
    assert [target for _source, target in coded(x, "REQUEST")] in ([], [None])


def test_calling_another_state_an_enemy_accuses_it(extractor) -> None:
    x = extract(extractor, "Dmitry Medvedev said the United States was now an enemy of Russia.")
    assert ("Dmitry Medvedev", "United States") in coded(x, "ACCUSE")


def test_a_named_part_of_a_noun_names_it_before_its_possessor(extractor) -> None:
    x = extract(extractor, "Afghanistan's Taliban movement attacked a police post.")
    assert [source for source, _target in coded(x, "ASSAULT")] == ["Taliban"]


def test_recognising_someone_as_an_office_holder_supports_them(extractor) -> None:
    x = extract(extractor, "Canada recognized Nicolas Maduro as the winner of the vote.")
    assert coded(x, "SUPPORT") == [("Canada", "Nicolás Maduro")]


def test_recognising_a_result_as_valid_supports_no_one(extractor) -> None:
    x = extract(extractor, "Canada recognized the results as valid.")
    assert coded(x, "SUPPORT") == []


def test_pressing_an_offensive_against_a_group_assaults_it(extractor) -> None:
    x = extract(extractor, "Ukraine pressed its counteroffensive against Russia in the south.")
    assert coded(x, "ASSAULT") == [("Ukraine", "Russia")]


def test_pressing_for_talks_is_no_assault(extractor) -> None:
    x = extract(extractor, "Ukraine pressed for talks with Russia in the south.")
    assert coded(x, "ASSAULT") == []


def test_restating_a_commitment_to_a_state_is_an_agreement(extractor) -> None:
    x = extract(extractor, "Germany reaffirmed its commitment to Poland.")
    assert coded(x, "AGREE") == [("Germany", "Poland")]


def test_restating_doubts_about_a_state_is_no_agreement(extractor) -> None:
    x = extract(extractor, "Germany reaffirmed its doubts about Poland.")
    assert coded(x, "AGREE") == []


def test_rockets_fired_into_a_state_are_aimed_at_it(extractor) -> None:
    x = extract(extractor, "Hezbollah fired rockets into Israel overnight.")
    assert coded(x, "ASSAULT") == [("Hezbollah", "Israel")]


def test_firing_a_spokesman_who_fled_into_a_state_is_no_assault(extractor) -> None:
    x = extract(extractor, "Hezbollah fired a spokesman who had fled into Israel.")
    assert coded(x, "ASSAULT") == []


def test_a_warrant_for_someones_arrest_coerces_them(extractor) -> None:
    x = extract(extractor, "Argentina issued an arrest warrant for Nicolas Maduro.")
    assert coded(x, "COERCE") == [("Argentina", "Nicolás Maduro")]


def test_a_travel_advisory_is_no_coercion(extractor) -> None:
    x = extract(extractor, "Argentina issued a travel advisory for Venezuela.")
    assert coded(x, "COERCE") == []


def test_ending_a_pact_with_a_state_reduces_relations(extractor) -> None:
    x = extract(extractor, "Niger revoked its military pact with France.")
    assert coded(x, "SANCTION") == [("Niger", "France")]


def test_signing_a_pact_with_a_state_reduces_nothing(extractor) -> None:
    x = extract(extractor, "Niger signed a military pact with France.")
    assert coded(x, "SANCTION") == []


def test_leaving_an_organization_reduces_relations_with_it(extractor) -> None:
    x = extract(extractor, "Mali quit ECOWAS. Niger withdrew from ECOWAS.")
    west_africa = "Economic Community of West African States"
    assert coded(x, "SANCTION") == [("Mali", west_africa), ("Niger", west_africa)]


def test_leaving_a_city_or_withdrawing_troops_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Macron left Paris. Russia withdrew its troops from Kherson.")
    assert coded(x, "SANCTION") == []


def test_regaining_control_of_a_town_is_a_seizure(extractor) -> None:
    x = extract(extractor, "Sudan's army regained control of the town of Wad Medani.")
    assert [source for source, _target in coded(x, "COERCE")] == ["Sudanese Armed Forces"]


def test_regaining_strength_is_no_seizure(extractor) -> None:
    x = extract(extractor, "Sudan's army regained its strength.")
    assert coded(x, "COERCE") == []



def test_resuming_strikes_on_a_city_is_an_assault(extractor) -> None:
    x = extract(extractor, "Russia resumed its drone strikes on Kyiv.")
    assert coded(x, "ASSAULT") == [("Russia", "Ukraine")]


def test_resuming_a_hunger_strike_is_no_assault(extractor) -> None:
    x = extract(extractor, "Alexei Navalny resumed his hunger strike against Russia.")
    assert coded(x, "ASSAULT") == []


def test_an_allegation_about_a_state_is_aimed_at_it(extractor) -> None:
    x = extract(extractor, "Washington alleges that Iran has supplied drones to Russia.")
    assert coded(x, "ACCUSE") == [("United States", "Iran")]


def test_an_allegation_about_the_weather_is_aimed_at_no_one(extractor) -> None:
    x = extract(extractor, "Washington alleges that the storm has damaged crops in Iran.")
    assert [target for _source, target in coded(x, "ACCUSE")] in ([], [None])


def test_ordering_an_actor_to_act_is_a_request(extractor) -> None:
    x = extract(extractor, "Biden ordered the Pentagon to send more aid to Israel.")
    assert coded(x, "REQUEST") == [("Joe Biden", "United States Department of Defense")]


def test_ordering_an_arrest_is_no_request(extractor) -> None:
    x = extract(extractor, "Putin ordered the arrest of Navalny.")
    assert coded(x, "REQUEST") == []


def test_suspending_a_partnership_with_a_state_reduces_relations(extractor) -> None:
    x = extract(extractor, "The United States suspended its strategic partnership with Georgia.")
    assert coded(x, "SANCTION") == [("United States", "Georgia")]
    assert coded(x, "COOPERATE") == []


def test_an_act_in_a_denied_report_is_no_event(extractor) -> None:
    x = extract(extractor, "Iran denied reports that it had supplied missiles to Russia.")
    assert coded(x, "AID") == []
    assert [source for source, _target in coded(x, "REJECT")] == ["Iran"]


def test_an_act_in_a_confirmed_report_is_an_event(extractor) -> None:
    x = extract(extractor, "Iran confirmed reports that it had supplied missiles to Russia.")
    assert coded(x, "AID") == [("Iran", "Russia")]


def test_dismissing_reports_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Egypt dismissed the reports as baseless.")
    assert [source for source, _target in coded(x, "REJECT")] == ["Egypt"]


def test_publishing_reports_is_no_rejection(extractor) -> None:
    x = extract(extractor, "Egypt published the reports on Monday.")
    assert coded(x, "REJECT") == []


def test_dispatching_vessels_to_a_state_is_a_mobilization(extractor) -> None:
    x = extract(extractor, "China dispatched coast guard vessels to the Philippines.")
    assert coded(x, "MOBILIZE") == [("China", "Philippines")]


def test_dispatching_a_letter_to_a_state_is_no_mobilization(extractor) -> None:
    x = extract(extractor, "China dispatched a letter to the Philippines.")
    assert coded(x, "MOBILIZE") == []


def test_drills_held_near_a_state_are_a_show_of_force(extractor) -> None:
    x = extract(extractor, "Russia began drills near Finland.")
    assert [source for source, _target in coded(x, "MOBILIZE")] == ["Russia"]
    assert coded(x, "COOPERATE") == []


def test_drills_held_with_a_state_are_a_joint_exercise(extractor) -> None:
    x = extract(extractor, "Russia began drills with Belarus.")
    assert coded(x, "COOPERATE") == [("Russia", "Belarus")]
    assert coded(x, "MOBILIZE") == []


def test_condemning_the_named_act_aims_at_its_doer_not_at_the_latest_act(extractor) -> None:
    x = extract(extractor, "Russia began drills near Finland. Sweden sent troops to Finland. "
                           "Norway condemned the drills.")
    assert coded(x, "ACCUSE") == [("Norway", "Russia")]


def test_condemning_an_act_aims_at_no_compatriot(extractor) -> None:
    x = extract(extractor, "Russia launched strikes on Kyiv. The Ukrainian army struck Belgorod. "
                           "The Ukrainian Foreign Ministry condemned the strikes.")
    assert [target for _source, target in coded(x, "ACCUSE")] == ["Russia"]


def test_aid_sent_to_a_state_is_aid(extractor) -> None:
    x = extract(extractor, "Japan sent humanitarian aid to Ukraine.")
    assert coded(x, "AID") == [("Japan", "Ukraine")]


def test_aid_given_to_no_one_named_is_no_event(extractor) -> None:
    x = extract(extractor, "Japan provided support during the crisis.")
    assert coded(x, "AID") == []


def test_a_denial_answers_the_last_accuser_of_the_one_denying(extractor) -> None:
    x = extract(extractor, "Kenya accused Somalia of sheltering the gunmen. Somalia denied any role in the raid.")
    assert coded(x, "REJECT") == [("Somalia", "Kenya")]


def test_a_denial_after_no_accusation_answers_no_one(extractor) -> None:
    x = extract(extractor, "Kenya accused Ethiopia of sheltering the gunmen. Somalia denied any role in the raid.")
    assert [target for _source, target in coded(x, "REJECT")] in ([], [None])


def test_an_intention_denied_to_cooperate_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Georgia does not plan to resume cooperation with Russia.")
    assert coded(x, "REJECT") == [("Georgia", "Russia")]
    assert coded(x, "AGREE") == []


def test_an_intention_to_cooperate_is_an_agreement(extractor) -> None:
    x = extract(extractor, "Georgia plans to resume cooperation with Russia.")
    assert coded(x, "AGREE") == [("Georgia", "Russia")]
    assert coded(x, "REJECT") == []


def test_barring_someone_from_entry_is_coercion(extractor) -> None:
    x = extract(extractor, "Venezuela barred Maria Corina Machado from running.")
    assert coded(x, "COERCE") == [("Venezuela", "María Corina Machado")]


def test_a_bar_opening_is_no_coercion(extractor) -> None:
    x = extract(extractor, "Venezuela opened a bar in Caracas, far from the border.")
    assert coded(x, "COERCE") == []


# --- participles and gerunds: the doer named outside the clause's subject -------------------------------

def test_participle_with_a_by_agent_names_its_doer(extractor) -> None:
    x = extract(extractor, "The Malian army, backed by French troops, retook the town.")
    assert [source for source, _target in coded(x, "SUPPORT")] == ["French troops"]


def test_opening_participle_with_a_by_agent_acts_on_the_subject(extractor) -> None:
    x = extract(extractor, "Backed by France, the Chadian army retook the town.")
    assert [source for source, _target in coded(x, "SUPPORT")] == ["France"]


def test_participle_without_an_agent_names_no_doer(extractor) -> None:
    x = extract(extractor, "The Malian army, backed into a corner, retook the town.")
    assert coded(x, "SUPPORT") == []


def test_gerund_after_by_is_done_by_the_clause_subject(extractor) -> None:
    x = extract(extractor, "France answered the raid by bombing the Malian army.")
    assert [source for source, _target in coded(x, "ASSAULT")] == ["France"]


def test_gerund_after_without_is_no_act(extractor) -> None:
    x = extract(extractor, "France answered the raid without bombing the Malian army.")
    assert coded(x, "ASSAULT") == []


# --- stances: a label on the speaker's own --------------------------------------------------------------

def test_speaker_naming_its_own_fighters_accuses_no_one(extractor) -> None:
    x = extract(extractor, "The Wagner Group said on Monday it was pulling its mercenaries out of Libya.")
    assert coded(x, "ACCUSE") == []
    assert coded(x, "RETREAT") == [("Wagner Group", "Libya")]


def test_speaker_naming_others_fighters_mercenaries_accuses_them(extractor) -> None:
    x = extract(extractor, "Libya's government said the Wagner Group's mercenaries had to leave.")
    assert [target for _source, target in coded(x, "ACCUSE")] == ["Wagner Group"]


# --- helping an actor act, fighting alongside one ---------------------------------------------------------

def test_helping_an_actor_do_something_is_aid(extractor) -> None:
    x = extract(extractor, "Turkey helped the Somali army recapture the port.")
    assert [source for source, _target in coded(x, "AID")] == ["Turkey"]


def test_helping_a_process_is_no_aid(extractor) -> None:
    x = extract(extractor, "Turkey helped the talks succeed.")
    assert coded(x, "AID") == []


def test_fighting_alongside_an_actor_is_cooperation(extractor) -> None:
    x = extract(extractor, "Rwandan troops are fighting alongside the M23 rebels.")
    assert [target for _source, target in coded(x, "COOPERATE")] == ["March 23 Movement"]
    assert coded(x, "ASSAULT") == []


# --- warnings that are threats --------------------------------------------------------------------------

def test_warning_that_an_actor_will_face_harm_is_a_threat(extractor) -> None:
    x = extract(extractor, "Lithuania warned that Belarus would face prosecution at The Hague over the migrants.")
    assert coded(x, "THREATEN") == [("Lithuania", "Belarus")]


def test_warning_of_a_forecast_is_no_threat(extractor) -> None:
    x = extract(extractor, "Lithuania warned that gas prices in Belarus could rise this winter.")
    assert coded(x, "THREATEN") == []


# --- concern over another's acts -------------------------------------------------------------------------

def test_concern_about_an_actors_act_is_disapproval(extractor) -> None:
    x = extract(extractor, "Norway is deeply concerned about Russia's deployment near the fjords.")
    assert coded(x, "ACCUSE") == [("Norway", "Russia")]


def test_voicing_concern_to_an_actor_is_disapproval(extractor) -> None:
    x = extract(extractor, "Norway conveyed its concerns to Russia on Tuesday.")
    assert coded(x, "ACCUSE") == [("Norway", "Russia")]


def test_concern_about_no_actor_or_act_is_no_event(extractor) -> None:
    x = extract(extractor, "Norway is deeply concerned about the price of fish.")
    assert coded(x, "ACCUSE") == []


# --- one noun for two actors; force made ready --------------------------------------------------------------

def test_troops_of_two_states_clashing_attack_each_other(extractor) -> None:
    x = extract(extractor, "Armenian and Azerbaijani troops clashed on the border on Monday.")
    pairs = coded(x, "ASSAULT")  # the second state's troops may be their own actor ("Azerbaijani troops")
    assert len(pairs) == 2 and all(source and target and source != target for source, target in pairs)
    assert {pairs[0][0], pairs[1][1]} == {"Armenia"} or {pairs[1][0], pairs[0][1]} == {"Armenia"}


def test_troops_of_one_state_clashing_name_no_target(extractor) -> None:
    x = extract(extractor, "Armenian troops clashed on the border on Monday.")
    assert [target for _source, target in coded(x, "ASSAULT")] in ([], [None])


def test_joint_drills_of_two_navies_are_cooperation(extractor) -> None:
    x = extract(extractor, "Russian and Chinese warships began joint drills in the Sea of Japan.")
    assert sorted(coded(x, "COOPERATE")) == [("China", "Russia"), ("Russia", "China")]
    assert coded(x, "MOBILIZE") == []


def test_attack_an_army_prepares_to_resume_is_a_military_move(extractor) -> None:
    x = extract(extractor, "The Serbian army prepared to resume shelling Kosovo.")
    assert [event_type for event_type in ("ASSAULT", "MOBILIZE", "THREATEN") if coded(x, event_type)] == ["MOBILIZE"]


def test_attack_an_army_resumes_is_an_attack(extractor) -> None:
    x = extract(extractor, "The Serbian army resumed shelling Kosovo.")
    assert coded(x, "MOBILIZE") == []
    assert coded(x, "ASSAULT")


# --- holding ground, patrols, retaliation, refusals until ------------------------------------------------

def test_tightening_a_grip_on_a_place_is_coercion(extractor) -> None:
    x = extract(extractor, "The Houthis tightened their grip on Yemen's ports on Friday.")
    assert [source for source, _target in coded(x, "COERCE")] == ["Houthis"]


def test_tightening_a_budget_is_no_coercion(extractor) -> None:
    x = extract(extractor, "The Houthis tightened their budget on Friday.")
    assert coded(x, "COERCE") == []


def test_patrols_carried_out_around_a_state_are_a_military_move(extractor) -> None:
    x = extract(extractor, "The China Coast Guard carried out patrols around Taiwan.")
    assert coded(x, "MOBILIZE") == [("China Coast Guard", "Taiwan")]


def test_retaliating_with_tariffs_is_no_attack(extractor) -> None:
    x = extract(extractor, "Canada retaliated against the United States by announcing tariffs.")
    assert coded(x, "ASSAULT") == []


def test_naming_a_decision_is_no_phone_call(extractor) -> None:
    x = extract(extractor, "Macron called the decision to arrest Vladimir Putin a historic step.")
    assert coded(x, "CONSULT") == []


def test_refusal_until_another_acts_is_aimed_at_that_actor(extractor) -> None:
    x = extract(extractor, "Ethiopia says it will not sign any accord until Eritrea pulls back its forces.")
    assert coded(x, "REJECT") == [("Ethiopia", "Eritrea")]


def test_refusal_waiting_for_no_one_has_no_target(extractor) -> None:
    x = extract(extractor, "Ethiopia says it will not sign any accord until next year.")
    assert coded(x, "REJECT") == [("Ethiopia", None)]


def test_aid_sent_near_a_state_is_not_aid_to_it(extractor) -> None:
    x = extract(extractor, "China sent fighter jets near Taiwan.")
    assert coded(x, "AID") == []


def test_calling_an_act_an_important_step_is_support(extractor) -> None:
    x = extract(extractor, 'Egypt said the truce brokered by Qatar was "an important step" towards peace.')
    assert any(target == "Qatar" for _source, target in coded(x, "SUPPORT"))


# --- places on adverbs, clauses with their own objects, stances after a targetless act ------------------

def test_strike_threatened_anywhere_in_a_state_is_aimed_at_it(extractor) -> None:
    x = extract(extractor, "Turkey said it would strike anywhere in Syria.")
    assert coded(x, "THREATEN") == [("Turkey", "Syria")]


def test_two_clauses_keep_their_own_objects(extractor) -> None:
    x = extract(extractor, "Turkey would strike and would defend Syria.")
    assert not [target for event_type in ("ASSAULT", "THREATEN") for _source, target in coded(x, event_type)
                if target == "Syria"]


def test_inflicting_casualties_on_an_army_is_an_assault(extractor) -> None:
    x = extract(extractor, "The Houthis said they had inflicted heavy losses on the Saudi army.")
    assert [source for source, _target in coded(x, "ASSAULT")] == ["Houthis"]


def test_causing_damage_with_no_one_hit_is_no_assault(extractor) -> None:
    x = extract(extractor, "The Houthis said the rains had caused heavy damage.")
    assert coded(x, "ASSAULT") == []


def test_stance_names_a_target_an_accusation_verb_left_unnamed(extractor) -> None:
    x = extract(extractor, "Tshisekedi accused the world of silence and said Rwanda was an aggressor.")
    assert ("Félix Tshisekedi", "Rwanda") in coded(x, "ACCUSE")


# --- obligations said of another; requests that are answered ---------------------------------------------

def test_saying_another_actor_needs_to_act_is_a_request(extractor) -> None:
    x = extract(extractor, "Erdogan says Washington needs to act.")
    assert coded(x, "REQUEST") == [("Recep Tayyip Erdoğan", "United States")]


def test_saying_another_actor_would_have_to_pay_is_no_request(extractor) -> None:
    x = extract(extractor, "Erdogan says Washington would have to pay for the damage.")
    assert coded(x, "REQUEST") == []


def test_a_rejected_request_was_made_to_the_one_rejecting_it(extractor) -> None:
    x = extract(extractor, "Germany rejected Poland's request to delay the vote.")
    assert coded(x, "REQUEST") == [("Poland", "Germany")]
    assert coded(x, "REJECT") == [("Germany", "Poland")]


def test_a_request_pressed_is_one_request_not_two(extractor) -> None:
    x = extract(extractor, "Poland pressed its demands for reparations from Germany.")
    assert len(coded(x, "REQUEST")) == 1


# --- joint acts of two owners; protests kept up; orders to stop; ground taken -----------------------------

def test_war_games_of_two_navies_are_cooperation_between_them(extractor) -> None:
    x = extract(extractor, "Greek and Cypriot warships began a week of war games off Crete.")
    assert sorted(coded(x, "COOPERATE")) == [("Cyprus", "Greece"), ("Greece", "Cyprus")]


def test_war_games_of_one_navy_name_no_partner(extractor) -> None:
    x = extract(extractor, "Greek warships began a week of war games off Crete.")
    assert coded(x, "COOPERATE") == []


def test_a_protest_kept_up_is_a_protest(extractor) -> None:
    x = extract(extractor, "Kenyan students continued their protests against President William Ruto.")
    assert [target for _source, target in coded(x, "PROTEST")] == ["William Ruto"]


def test_a_meeting_kept_up_is_no_protest(extractor) -> None:
    x = extract(extractor, "Kenyan students continued their meeting with President William Ruto.")
    assert coded(x, "PROTEST") == []


def test_ordering_an_outlet_to_suspend_publication_is_a_ban(extractor) -> None:
    x = extract(extractor, "Nicaragua's government ordered the newspaper La Prensa to suspend publication.")
    assert [target for _source, target in coded(x, "COERCE")] == ["La Prensa"]
    assert coded(x, "REQUEST") == []


def test_ordering_an_outlet_to_publish_is_a_request(extractor) -> None:
    x = extract(extractor, "Nicaragua's government ordered the newspaper La Prensa to publish the decree.")
    assert coded(x, "COERCE") == []


def test_forcing_out_foreign_troops_is_coercion(extractor) -> None:
    x = extract(extractor, "Niger forced out French troops last year.")
    assert [source for source, _target in coded(x, "COERCE")] == ["Niger"]


def test_recapturing_a_town_is_taking_ground(extractor) -> None:
    x = extract(extractor, "Sudan's army recaptured the town of Wad Madani.")
    assert [event_type for event_type in ("COERCE",) if coded(x, event_type)] == ["COERCE"]


def test_offering_no_evidence_is_no_agreement(extractor) -> None:
    x = extract(extractor, "Pakistan offered no evidence for the claim against India.")
    assert coded(x, "AGREE") == []


def test_offering_talks_to_an_actor_is_an_agreement(extractor) -> None:
    x = extract(extractor, "Pakistan offered talks to India.")
    assert coded(x, "AGREE") == [("Pakistan", "India")]


# --- who a phrase does not name -------------------------------------------------------------------------

def test_pro_or_anti_name_is_not_the_target(extractor) -> None:
    x = extract(extractor, "Israel detained nine pro-Palestinian activists.")
    assert coded(x, "COERCE") == [("Israel", None)]


def test_a_name_heading_the_target_is_the_target(extractor) -> None:
    x = extract(extractor, "Israel detained nine Palestinian activists.")
    assert coded(x, "COERCE") == [("Israel", "Palestine")]


def test_an_attack_on_an_actor_did_not_attack_itself(extractor) -> None:
    x = extract(extractor, "The shelling of the Malian army camp killed ten soldiers.")
    assert [source for source, _target in coded(x, "ASSAULT")] in ([], [None])


def test_an_attack_by_an_actor_names_its_doer(extractor) -> None:
    x = extract(extractor, "The attack by the Malian army killed ten rebels.")
    assert [source for source, _target in coded(x, "ASSAULT")] == ["Malian Armed Forces"]


# --- calls ------------------------------------------------------------------------------------------------

def test_calling_an_actor_on_a_day_is_a_phone_consultation(extractor) -> None:
    x = extract(extractor, "Macron called Vladimir Putin on Tuesday.")
    assert coded(x, "CONSULT") == [("Emmanuel Macron", "Vladimir Putin")]
    assert coded(x, "REQUEST") == []


def test_calling_a_meeting_consults_no_one(extractor) -> None:
    x = extract(extractor, "Macron called a cabinet meeting on Tuesday.")
    assert coded(x, "CONSULT") == []


def test_the_one_told_in_a_phone_call_is_the_other_party(extractor) -> None:
    x = extract(extractor, "Sheinbaum told Trump in a phone call that Mexico would send troops.")
    assert ("Claudia Sheinbaum", "Donald Trump") in coded(x, "CONSULT")


def test_reporters_told_in_a_phone_call_are_no_party(extractor) -> None:
    x = extract(extractor, "Sheinbaum told reporters in a phone call that Mexico would send troops.")
    assert coded(x, "CONSULT") == []


def test_a_vowed_retaliation_is_no_attack_a_condemnation_answers(extractor) -> None:
    x = extract(extractor, "Israel attacked Hezbollah positions. Hezbollah vowed to retaliate against Israel. "
                           "Iran condemned the strikes.")
    assert coded(x, "ACCUSE") == [("Iran", "Israel")]


# --- asking and telling to act; giving in; handing over office; joint news conferences --------------------

def test_asking_an_actor_to_act_is_a_request(extractor) -> None:
    x = extract(extractor, "Armenia asked the OSCE to dissolve its Minsk office.")
    assert coded(x, "REQUEST") == [("Armenia", "Organization for Security and Co-operation in Europe")]


def test_asking_an_actor_about_something_is_no_request(extractor) -> None:
    x = extract(extractor, "Armenia asked the OSCE about its Minsk office.")
    assert coded(x, "REQUEST") == []


def test_telling_an_actor_to_act_is_a_request(extractor) -> None:
    x = extract(extractor, "Haiti told the United Nations to send more police.")
    assert coded(x, "REQUEST") == [("Haiti", "United Nations")]


def test_telling_an_actor_a_fact_is_no_request(extractor) -> None:
    x = extract(extractor, "Haiti told the United Nations that more police had arrived.")
    assert coded(x, "REQUEST") == []


def test_refusing_to_succumb_to_pressure_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Nigeria will not succumb to pressure from Niger.")
    assert coded(x, "REJECT") == [("Nigeria", "Niger")]


def test_refusing_to_hand_over_office_to_a_successor_is_a_rejection(extractor) -> None:
    x = extract(extractor, "Maduro vowed he would never hand over to Edmundo González.")
    assert [target for _source, target in coded(x, "REJECT")] == ["Edmundo González Urrutia"]


def test_handing_over_documents_is_no_retreat(extractor) -> None:
    x = extract(extractor, "Maduro handed over the documents to Edmundo González.")
    assert coded(x, "RETREAT") == [] and coded(x, "REJECT") == []


def test_a_joint_news_conference_is_a_meeting(extractor) -> None:
    x = extract(extractor, "Austin told reporters during a news conference with Florence Parly that he was aware.")
    assert [target for _source, target in coded(x, "CONSULT")] == ["Florence Parly"]


# --- lists of the sanctioned; deaths blamed ---------------------------------------------------------------

def test_adding_an_actor_to_a_list_is_a_sanction(extractor) -> None:
    x = extract(extractor, "Latvia added Lukashenko to its list on Monday.")
    assert coded(x, "SANCTION") == [("Latvia", "Alexander Lukashenko")]


def test_adding_a_thing_to_a_list_is_no_sanction(extractor) -> None:
    x = extract(extractor, "Latvia added rye bread to its list of exports.")
    assert coded(x, "SANCTION") == []


def test_a_death_blamed_on_an_actor_is_its_assault(extractor) -> None:
    x = extract(extractor, "Kenya blamed al-Shabab for the death of a Kenyan soldier.")
    assert [source for source, _target in coded(x, "ASSAULT")] == ["al-Shabaab"]


def test_a_delay_blamed_on_an_actor_is_no_assault(extractor) -> None:
    x = extract(extractor, "Kenya blamed al-Shabab for the delay of the vote.")
    assert coded(x, "ASSAULT") == []


def test_tariffs_on_exports_to_the_doer_are_not_aimed_at_its_own_state(extractor) -> None:
    x = extract(extractor, "Trump levied tariffs on steel exports to the U.S. from Canada.")
    assert [target for _source, target in coded(x, "SANCTION")] != ["United States"]
    assert [source for source, _target in coded(x, "SANCTION")] == ["Donald Trump"]


def test_an_attack_by_an_unnamed_force_in_a_participle_names_no_doer(extractor) -> None:
    x = extract(extractor, "The rebels escape to Cameroon when attacked by government troops.")
    assert coded(x, "ASSAULT") == []


def test_urging_ones_own_citizens_is_a_request_to_no_actor(extractor) -> None:
    x = extract(extractor, "The United States urged American citizens to leave the country.")
    assert [target for _source, target in coded(x, "REQUEST")] == [None]


def test_an_actor_acting_on_itself_is_no_event(extractor) -> None:
    x = extract(extractor, "France urged France to leave Mali.")
    assert coded(x, "REQUEST") == []


def test_naming_an_earlier_act_aims_at_its_doer(extractor) -> None:
    x = extract(extractor, "The United States designated the Houthis a terrorist group. "
                           'Israel called the designation "a welcome step".')
    assert ("Israel", "United States") in coded(x, "SUPPORT")


def test_naming_an_act_never_reported_aims_at_no_one(extractor) -> None:
    x = extract(extractor, "The United States met the Houthis. "
                           'Israel called the designation "a welcome step".')
    assert not [target for source, target in coded(x, "SUPPORT") if source == "Israel" and target]


def test_targeting_fighters_is_an_assault(extractor) -> None:
    x = extract(extractor, "Turkey said it was targeting PKK positions in northern Iraq.")
    assert [target for _source, target in coded(x, "ASSAULT")] == ["Kurdistan Workers' Party"]


def test_rules_targeting_firms_are_no_assault(extractor) -> None:
    x = extract(extractor, "Turkey said the new rules were targeting Chinese firms.")
    assert coded(x, "ASSAULT") == []


def test_a_denied_act_does_not_aim_the_denial_at_its_object(extractor) -> None:
    x = extract(extractor, "Kenya accused Rwanda of arming the M23. Rwanda denies arming the M23 rebels.")
    assert coded(x, "REJECT") == [("Rwanda", "Kenya")]


def test_a_denied_attack_answers_the_one_attacked(extractor) -> None:
    x = extract(extractor, "Hezbollah denied firing rockets at Israel.")
    assert coded(x, "REJECT") == [("Hezbollah", "Israel")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington provided intelligence to the Somali army.", [("United States", "Somali National Army")]),
    ("The UAE delivered drones to the Rapid Support Forces.", [("United Arab Emirates", "Rapid Support Forces")]),
    # a thing delivered to no actor is no aid
    ("The company delivered a new system to its customers.", []),
    ("Russia supplied Syria with fighter jets.", [("Russia", "Syria")]),
    ("The plant supplied the market with cheap steel.", []),
])
def test_military_and_material_help_handed_to_an_actor_is_aid(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "AID") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chinese coast guard ships blocked Philippine boats from reaching the shoal.",
     [("China Coast Guard", "Philippines")]),
    # blocking a bill or a road names no actor stopped
    ("The Senate blocked the bill.", []),
])
def test_stopping_an_actors_boats_or_people_is_coercion(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "COERCE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the doer's own forces are the means of a mobilisation, not its target: the act stands
    ("Peru has reinforced its troops in the southern province of Tacna.", [("Peru", None)]),
    ("Chile reinforced its border with Argentina.", [("Chile", "Argentina")]),
])
def test_mobilising_ones_own_forces_stands_with_no_target(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "MOBILIZE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one an amount of aid goes to is the partner of the pledge
    ("The European Union pledged 2 billion euros in aid to Ukraine.", [("European Union", "Ukraine")]),
    # with no recipient named the pledge commits to no actor: no agreement is coded
    ("The European Union pledged 2 billion euros in aid.", []),
])
def test_the_recipient_of_an_amount_pledged_is_the_partner(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "AGREE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the noun a relative clause describes is what the clause's doer imposed
    ("Officials weighed lifting the sanctions the United States imposed on Iran in 2019.",
     [("United States", "Iran")]),
    # the noun is the clause's own subject: nobody named imposed anything here
    ("Officials said the sanctions that hit Iran in 2019 were painful.", []),
])
def test_a_light_verb_acts_on_the_noun_its_relative_clause_describes(extractor, text: str,
                                                                       expected: list) -> None:
    assert coded(extract(extractor, text), "SANCTION") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what one actor receives from another is the giver's aid to it
    ("Ukraine has received air defense systems from Germany since 2022.", [("Germany", "Ukraine")]),
    ("Kyiv received $2 billion in aid from the European Union.", [("European Union", "Ukraine")]),
    # an amount stands for the kind of help it is "in"
    ("Japan provided 500 million yen in aid to Ukraine.", [("Japan", "Ukraine")]),
    # a letter is no aid, and a depot is no giver
    ("Ukraine received a letter from Germany.", []),
    ("The hospital received medicine from a warehouse in Lviv.", []),
])
def test_what_an_actor_receives_from_another_is_the_givers_aid(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "AID") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a passive coordinated after a clause was done to that clause's subject
    ("Opposition leader Maria Machado spoke to supporters in Caracas and was later arrested by Venezuelan police.",
     [("Venezuelan police", "Maria Machado")]),
    # a passive clause with its own subject was done to that subject only
    ("Maria Machado spoke to supporters in Caracas, and a journalist was arrested by Venezuelan police.",
     [("Venezuelan police", None)]),
])
def test_a_coordinated_passive_was_done_to_the_first_clauses_subject(extractor, text: str,
                                                                      expected: list) -> None:
    assert coded(extract(extractor, text), "COERCE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the possessor of the act condemned is an actor described by its state ("the Israeli government")
    ("Egypt condemned the Israeli government's decision to expand settlements.", [("Egypt", "Israel")]),
    # a possessor naming no actor leaves the target unnamed
    ("Kenya criticized the opposition leader's decision.", [("Kenya", None)]),
])
def test_the_described_possessor_of_an_act_is_its_author(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # putting the blame on an actor, or speaking out against one, is disapproval of it
    ("Egypt placed the blame on Israel for the collapse of the talks.", [("Egypt", "Israel")]),
    ("Egypt spoke out against Israel's plan.", [("Egypt", "Israel")]),
    # blame put on no actor names no one blamed; speaking out against no one is no accusation
    ("Egypt placed the blame on poor planning.", [("Egypt", None)]),
    ("Egypt spoke out on Monday.", []),
])
def test_blame_put_on_an_actor_is_an_accusation(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dissolving a party by order is a ban on it
    ("The Thai court dissolved the Move Forward Party in August.", [("Thailand", "Move Forward Party")]),
    # dissolving parliament is a body's own procedure, no act on an actor
    ("The king dissolved parliament and called elections.", []),
])
def test_dissolving_a_party_is_a_ban(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "COERCE") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # stepping up sanctions on an actor is sanctioning it
    ("The European Union stepped up sanctions against Belarus.", "SANCTION", [("European Union", "Belarus")]),
    # concerns two actors share over a third's acts disapprove of it
    ("Tokyo and Washington shared concerns over China's military buildup.", "ACCUSE",
     [("Japan", "China"), ("United States", "China")]),
    # a deadline imposed on an actor is a threat to it
    ("North Korea imposed a deadline on the United States.", "THREATEN", [("North Korea", "United States")]),
    # sharing a meal, stepping up efforts: no such act
    ("The two foreign ministers shared a meal in Tokyo.", "ACCUSE", []),
    ("The European Union stepped up efforts to reach Belarus.", "SANCTION", []),
])
def test_stepped_up_sanctions_shared_concerns_and_deadlines(extractor, text: str, event_type: str,
                                                            expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected_request", "expected_concede"), [
    # "called for X to do": X is the one asked, and the act asked for has not happened
    ("Amnesty International called for the Taliban to reopen the girls' schools.",
     [("Amnesty International", "Taliban")], []),
    # the act a request noun names ("its call to X to drop") is asked for, not done
    ("Reporters Without Borders reiterated its call to the Cambodian authorities to drop all charges "
     "against Mech Dara.", [("Reporters Without Borders", "Cambodia")], []),
    # a call for a state of things names no actor asked; a dropped charge reported as done is a concession
    ("Egypt called for calm.", [("Egypt", None)], []),
    ("Cambodia dropped all charges against Mech Dara.", [], [("Cambodia", "Mech Dara")]),
])
def test_the_act_called_for_is_asked_of_its_doer(extractor, text: str, expected_request: list,
                                                 expected_concede: list) -> None:
    x = extract(extractor, text)
    assert coded(x, "REQUEST") == expected_request
    assert coded(x, "CONCEDE") == expected_concede


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a noun of handing over is its verb with what is handed over: aid, or a move of forces
    ("Diplomats condemned North Korea's transfer of shells and rockets to Russia.", "AID",
     [("North Korea", "Russia")]),
    ("Iran's supply of drones to Russia angered Kyiv.", "AID", [("Iran", "Russia")]),
    ("Seoul responded to North Korea's deployment of troops to Russia.", "MOBILIZE", [("North Korea", "Russia")]),
    # the transfer of power, the sale of a company: nothing military or material handed to an actor
    ("The transfer of power to the new government of Ukraine went smoothly.", "AID", []),
    ("Germany approved the sale of the company to a Chinese buyer.", "AID", []),
])
def test_a_noun_of_handing_over_is_read_as_its_verb(extractor, text: str, event_type: str,
                                                    expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the doer of an infinitive after a noun of deciding is the one who decided
    ("Analysts tied the move to North Korea's decision to send several brigades to Russia.",
     [("North Korea", "Russia")]),
    # a plan is an intention: nobody is coded as sending anything
    ("Analysts tied the move to North Korea's plan to send several brigades to Russia.", []),
])
def test_the_doer_of_a_decided_act_is_the_decider(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "MOBILIZE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an actor's forces arriving somewhere were sent there by it
    ("French troops arrived in Mali in 2013.", [("French troops", "Mali")]),
    # forces naming no actor, or a leader arriving on a visit: no move of forces
    ("The troops arrived in Mali in 2013.", []),
    ("The French president arrived in Mali on Monday.", []),
])
def test_an_actors_forces_arriving_somewhere_were_sent_there(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "MOBILIZE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # condemning an attack named only with its victim is aimed at its doer, here the one reported before
    ("Israel struck Beirut on Friday. Egypt condemned the attack on Beirut.", [("Egypt", "Israel")]),
    # with no doer reported, the victim is still not the one condemned
    ("Egypt condemned the attack on Beirut.", [("Egypt", None)]),
    # an attack named with its doer is aimed at that doer
    ("Egypt condemned the Israeli attack on Beirut.", [("Egypt", "Israel")]),
])
def test_a_judged_harm_is_aimed_at_its_doer_not_its_victim(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "called the shelling an act of aggression": the shelling is the last hostile act of that kind reported
    ("Armenian guns shelled villages in Azerbaijan on Monday. Azerbaijani President Ilham Aliyev called "
     "the shelling an act of aggression.", [("Ilham Aliyev", "Armenia")]),
    # no shelling reported before: a meeting is no act the shelling can point back to
    ("Armenian officials met Azerbaijani officials on Monday. Azerbaijani President Ilham Aliyev called "
     "the shelling an act of aggression.", []),
])
def test_a_named_hostile_act_points_back_to_the_last_act_of_its_kind(extractor, text: str,
                                                                     expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # finding or declaring an actor in breach of its obligations accuses it
    ("The IAEA board found Iran in violation of its safeguards obligations.", [("IAEA Board of Governors", "Iran")]),
    # pointing the finger at an actor blames it
    ("Ashraf Ghani pointed a finger at the Taliban.", [("Ashraf Ghani", "Taliban")]),
    # finding an actor somewhere, pointing at a thing: no accusation
    ("The IAEA inspectors found Iran's delegation in Vienna.", []),
    ("Ashraf Ghani pointed at the map.", []),
])
def test_found_in_breach_and_the_finger_pointed_accuse(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a request made in the same breath as a call or a meeting is addressed to the one met
    ("Foreign Minister Penny Wong spoke by phone with Indonesian President Prabowo Subianto on Monday and called "
     "for calm at sea.", [("Penny Wong", "Prabowo Subianto")]),
    ("Marco Rubio met Paul Kagame in Kigali, urging restraint.", [("Marco Rubio", "Paul Kagame")]),
    # another doer's request is not addressed to the one Rubio met
    ("Marco Rubio met Paul Kagame in Kigali, and Egypt called for calm.", [("Egypt", None)]),
])
def test_a_request_made_at_a_meeting_is_addressed_to_the_one_met(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "REQUEST") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a joint operation with an actor, done in the course of an act, is cooperation with it
    ("U.S. forces killed the militant leader in a joint operation with Iraqi forces.",
     [("United States Armed Forces", "Iraqi forces")]),
    # an operation with no partner is no cooperation
    ("U.S. forces killed the militant leader in an operation in Anbar.", []),
])
def test_a_joint_operation_with_an_actor_is_cooperation(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "COOPERATE") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a pronoun inside the noun phrase is no reliable doer for the noun its relative clause describes
    ("Officials said the militia tripled the raids it had launched in Mali.", "ASSAULT", []),
    # a possessor that has its own possessor is someone else's ("its neighbour's exports")
    ("Donald Trump raised the duty on its southern neighbor's cement imports.", "SANCTION",
     [("Donald Trump", None)]),
])
def test_pronouns_and_possessors_inside_a_phrase_do_not_name_its_actor(extractor, text: str, event_type: str,
                                                                     expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "X, on a visit to Y, said ...": the one on the visit visits
    ("Emmanuel Macron, on a visit to Nigeria, said France would help.", [("Emmanuel Macron", "Nigeria")]),
    # one is not "on" an agreement: no meeting
    ("William Ruto, on the issue of Uganda, said Kenya would help.", []),
])
def test_an_actor_on_a_visit_visits(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "CONSULT") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # forces moved in the passive with no agent were moved by the actor they belong to
    ("French troops were deployed to Mali in 2013.", [("French troops", "Mali")]),
    # forces naming no actor, or people who are no forces: no doer
    ("The troops were deployed to Mali in 2013.", []),
    ("French diplomats were deployed to Mali in 2013.", []),
    # what is listed with the forces is no destination
    ("Officials said Pakistani security forces, a rescue train and ambulances had been dispatched.",
     [("Pakistani security forces", None)]),
])
def test_forces_deployed_in_the_passive_were_moved_by_their_own_actor(extractor, text: str,
                                                                      expected: list) -> None:
    assert coded(extract(extractor, text), "MOBILIZE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # cast out of a body in the passive: the body did it
    ("Mali was suspended from the African Union after the coup.", [("African Union", "Mali")]),
    # the body named after "from" is not the target of its own suspension
    ("The African Union suspended Mali from the bloc in 2021.", [("African Union", "Mali")]),
    # a school is no actor that casts out
    ("The student was expelled from school.", []),
])
def test_the_body_one_is_cast_out_of_is_the_doer(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "SANCTION") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a participle with its doer named acts on the noun it qualifies
    ("Officials weighed lifting the sanctions imposed by the European Union on Russia in 2014.", "SANCTION",
     [("European Union", "Russia")]),
    ("The truce between Israel and Hezbollah, mediated by the United States and France, held through "
     "the winter.", "CONSULT", [("United States", "Israel"), ("United States", "Hezbollah"), ("France", "Israel"),
                              ("France", "Hezbollah")]),
    # with no partner named, two brokers are not each other's partners; with no doer, no one imposed
    ("The ceasefire, brokered by Qatar and Egypt, took effect in November.", "CONSULT", []),
    ("The sanctions imposed on Russia in 2014 remain.", "SANCTION", []),
])
def test_a_participle_with_its_doer_acts_on_the_noun_it_qualifies(extractor, text: str, event_type: str,
                                                                  expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the ministers of A and B met", "A and B officials met": each side meets the other
    ("The foreign ministers of India and Mauritius met in Port Louis.",
     [("India", "Mauritius"), ("Mauritius", "India")]),
    ("Last week, Cameroon and Chad officials met in Yaounde.", [("Cameroon", "Chad"), ("Chad", "Cameroon")]),
    # one actor's president with someone unnamed: no second side
    ("The president of Kenya and his wife met in Nairobi.", []),
])
def test_ministers_of_two_actors_stand_for_each(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "CONSULT") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm the parser's lemma misses ("spared" read as "spar") still makes the warning a threat
    ("Pakistani military spokesman Ahmed Sharif Chaudhry warned that terrorists will not be spared.",
     [("Ahmed Sharif Chaudhry", None)]),
    # a warned act of the speaker's own is aimed at the one it is against
    ("The Iranian military warned that it would retaliate against Israel.",
     [("Islamic Republic of Iran Army", "Israel")]),
    # a warned forecast names no harm
    ("Pakistani military spokesman Ahmed Sharif Chaudhry warned that prices will not be stable.", []),
])
def test_warned_harms_and_the_speakers_own_acts_are_threats(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "THREATEN") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the possessor of an arrest is the one arrested: the condemnation is aimed at the arrester
    ("Zimbabwean police detained Blessed Mhlanga on Monday. Amnesty International condemned Mhlanga's arrest.",
     [("Amnesty International", "Zimbabwean police")]),
    ("Amnesty International condemned the arrest of Blessed Mhlanga by Zimbabwean police.",
     [("Amnesty International", "Zimbabwean police")]),
    # no doer reported: aimed at no one named, never at the one who died
    ("The United States condemned Navalny's death.", [("United States", None)]),
    # the possessor of an attack is its doer
    ("Egypt condemned Israel's attack on Beirut.", [("Egypt", "Israel")]),
])
def test_the_possessor_of_an_arrest_is_its_victim_not_its_doer(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # training another actor's forces, lending an actor money: aid
    ("The United States has trained Ukrainian troops in Germany.", [("United States", "Ukrainian troops")]),
    ("The World Bank lent Egypt $3 billion.", [("World Bank", "Egypt")]),
    # training one's own soldiers, lending a name: no aid to another
    ("Ukraine trained its own soldiers in Britain.", []),
    ("The World Bank lent its name to the project.", []),
])
def test_training_forces_and_lending_money_are_aid(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "AID") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "handed over 150 prisoners": the parser's "more than" reading of the particle still hands them over
    ("Russia handed over 150 Ukrainian prisoners to Kyiv.", [("Russia", "Ukraine")]),
    # "sent over 150 prisoners to camps" releases no one
    ("Russia sent over 150 Ukrainian prisoners to camps.", []),
])
def test_a_particle_read_as_a_quantity_still_makes_the_phrasal_verb(extractor, text: str,
                                                                    expected: list) -> None:
    assert coded(extract(extractor, text), "RETREAT") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # the possessor of a light verb's object is the actor it is aimed at
    ("The United States sought Turkey's help.", "REQUEST", [("United States", "Turkey")]),
    ("Somalia expelled Ethiopia's ambassador.", "SANCTION", [("Somalia", "Ethiopia")]),
    # a pronoun possessor that is the doer's own names no other actor
    ("The European Union extended its sanctions.", "SANCTION", [("European Union", None)]),
])
def test_the_possessor_of_a_light_verbs_object_is_its_target(extractor, text: str, event_type: str,
                                                            expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # dismissing an actor's response or statement rejects that actor
    ("Zelenskyy dismissed Putin's response as a delay.", [("Volodymyr Zelensky", "Vladimir Putin")]),
    ("Kenya dismissed the statement by Somalia.", [("Kenya", "Somalia")]),
    # a court dismissing a case rejects no actor
    ("The court dismissed the case.", []),
])
def test_dismissing_an_actors_response_rejects_it(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "REJECT") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a speaker's label before a colon (an interview's "VOA:") is not the subject of the sentence after it
    ("VOA: Russia's President Vladimir Putin recently visited China after he began a fifth term.",
     [("Vladimir Putin", "China")]),
    ("Vladimir Putin visited China in May.", [("Vladimir Putin", "China")]),
])
def test_a_speakers_label_is_not_the_subject(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "CONSULT") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # a target tied by a participle of belonging to an actor stands for that actor
    ("Israel struck targets belonging to Hezbollah.", "ASSAULT", [("Israel", "Hezbollah")]),
    ("The United States imposed sanctions on two companies linked to Hezbollah.", "SANCTION",
     [("United States", "Hezbollah")]),
    # a place beside the target ties it to no one
    ("Israel struck targets near the border.", "ASSAULT", [("Israel", None)]),
])
def test_a_target_belonging_to_an_actor_stands_for_it(extractor, text: str, event_type: str,
                                                      expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # closing a border or airspace to an actor reduces relations with it
    ("Pakistan closed its border with Afghanistan.", [("Pakistan", "Afghanistan")]),
    ("The European Union closed its airspace to Russian aircraft.", [("European Union", "Russia")]),
    # closing a school is no sanction
    ("Pakistan closed the school.", []),
])
def test_closing_a_border_to_an_actor_is_a_sanction(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "SANCTION") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what two actors discuss is a topic: they meet each other, not the place discussed
    ("Erdogan and Putin discussed Syria in a phone call.",
     [("Recep Tayyip Erdoğan", "Vladimir Putin"), ("Vladimir Putin", "Recep Tayyip Erdoğan")]),
    # the partner of one who discusses follows "with"
    ("Blinken discussed the war with Wang Yi.", [("Antony Blinken", "Wang Yi")]),
    # a topic alone names no partner
    ("The two leaders discussed the war in Ukraine by phone.", []),
])
def test_what_is_discussed_is_a_topic_not_a_partner(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "CONSULT") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a release is asked of whoever holds the captive: the custody named, or the one reported detaining
    ("The EU demanded the release of Evan Gershkovich from Russian custody.", [("European Union", "Russia")]),
    ("Zimbabwean police detained Blessed Mhlanga on Monday. Amnesty International demanded the release of "
     "Blessed Mhlanga.", [("Amnesty International", "Zimbabwean police")]),
    # never of the captive, even when no holder is named
    ("The United States called for Jimmy Lai's immediate release.", [("United States", None)]),
])
def test_a_release_is_asked_of_the_captor_not_the_captive(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "REQUEST") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "each other", "one another": each coordinated actor acts on the other
    ("India and Pakistan accused each other of violating the ceasefire.",
     [("India", "Pakistan"), ("Pakistan", "India")]),
    ("Armenia and Azerbaijan have accused one another of shelling.",
     [("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")]),
    ("Armenia and Azerbaijan each accused the other of violating the truce.",
     [("Armenia", "Azerbaijan"), ("Azerbaijan", "Armenia")]),
    # one accuser: no reciprocity
    ("India accused Pakistan of violating the ceasefire.", [("India", "Pakistan")]),
])
def test_actors_accusing_each_other_accuse_the_other(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "ACCUSE") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # welcoming an accord between two actors is aimed at the two parties
    ("Trump hailed the agreement between Armenia and Azerbaijan.",
     [("Donald Trump", "Armenia"), ("Donald Trump", "Azerbaijan")]),
    # an accord with no parties named: no one to back
    ("Egypt welcomed the ceasefire.", []),
])
def test_backing_an_accord_between_two_actors_backs_both(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "SUPPORT") == expected


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # an honour conferred on an actor is verbal support
    ("Mauritius conferred its highest civilian honor on Modi.", "SUPPORT", [("Mauritius", "Narendra Modi")]),
    # driving an armed actor from ground it held is coercion
    ("Somali forces drove al-Shabab out of the town.", "COERCE", [("Somali Armed Forces", "al-Shabaab")]),
    # look-alikes: a prize to no actor, a product pushed out
    ("The school awarded a prize to the student.", "SUPPORT", []),
    ("The company pushed out a new update.", "COERCE", []),
    # help sought at a body is asked of that body; at a place, of no actor
    ("Kenya sought help at the African Union.", "REQUEST", [("Kenya", "African Union")]),
    ("Ruiz sought help at the hospital.", "REQUEST", []),
])
def test_honours_help_and_actors_driven_out(extractor, text: str, event_type: str, expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected



def test_calling_an_act_an_escalation_accuses_its_doer(extractor) -> None:
    x = extract(extractor, 'Belarus has sent thousands of troops to the border. Kaja Kallas called the deployment "a '
                           'dangerous escalation" of the crisis.')
    assert coded(x, "ACCUSE") == [("Kaja Kallas", "Belarus")]
    # look-alike: an escalation denied accuses no one
    assert coded(extract(extractor, "Mark Rutte said the talks marked no escalation."), "ACCUSE") == []


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # fighting an armed or state actor as the object is armed conflict
    ("The Shining Path has been fighting the Peruvian army.", "ASSAULT", [("Shining Path", "Peruvian army")]),
    # look-alikes: fighting an evil, not an actor
    ("Peru has been fighting corruption for years.", "ASSAULT", []),
    # two parties that spoke by phone consulted each other
    ("Chile and Peru spoke by phone on Monday.", "CONSULT", [("Chile", "Peru"), ("Peru", "Chile")]),
    # look-alike: a phone with no one on the other end
    ("Boric spoke by phone from his office in Santiago.", "CONSULT", []),
])
def test_fighting_an_actor_and_speaking_by_phone(extractor, text: str, event_type: str, expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


def test_present_participle_qualifying_an_actor_is_done_by_that_actor(extractor) -> None:
    x = extract(extractor, "Peru honoured Chilean soldiers fighting the Shining Path.")
    assert coded(x, "ASSAULT") == [("Chilean soldiers", "Shining Path")]
    # look-alike: a statement that demands is its issuer's
    x = extract(extractor, "Peru issued a communique demanding that Chile withdraw its envoy.")
    assert all(source == "Peru" for source, _ in coded(x, "REQUEST"))


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # aid accepted, its giver named on it, is the giver's aid to the one who accepts it
    ("Chile accepted Peruvian funding to build two bridges.", "AID", [("Peru", "Chile")]),
    ("Chile accepted 500 million euros in Peruvian loans last year.", "AID", [("Peru", "Chile")]),
    # look-alike: a proposal accepted is an agreement, no aid
    ("Chile accepted the Peruvian proposal.", "AID", []),
    # assuring an actor is a pledge to it
    ("Peru assured Chile that the detained fishermen would soon go home.", "AGREE", [("Peru", "Chile")]),
    # look-alike: assuring the press pledges nothing to an actor
    ("Boric assured reporters that the economy would grow.", "AGREE", []),
    # working with another actor is cooperation with it
    ("Chile has been working with Peru on border security.", "COOPERATE", [("Chile", "Peru")]),
    # look-alikes: a person's employer, and work with no partner
    ("Ana Ruiz, who works with Amnesty International, said the vote was fair.", "COOPERATE", []),
    ("Chile works hard to keep its ports open.", "COOPERATE", []),
    ("Ana Ruiz, an aide who worked with Gabriel Boric in the 1990s, said the vote was fair.", "COOPERATE", []),
    # an actor's backing of another, even as the subject of what is said of it, was given
    ("Norway's backing of the Polisario Front angered Morocco.", "SUPPORT", [("Norway", "Polisario Front")]),
    # backing in arms is material aid
    ("Norway's military backing of the Chilean government grew last year.", "AID", [("Norway", "Chile")]),
    # look-alikes: a standing tie as subject, and backing with no backer named before it
    ("Norway's partnership with Chile is strong.", "COOPERATE", []),
    ("The coup succeeded with the backing of Norway.", "SUPPORT", []),
    # putting someone in prison is coercion
    ("A Chilean judge sent the journalist Tom Ruiz to prison on Monday.", "COERCE", [("Chile", "Tom Ruiz")]),
    # look-alikes: a letter sent to a prison, an order to act
    ("The Chilean minister sent a letter to the prison.", "COERCE", []),
    ("Chile ordered Peru to withdraw its envoy.", "COERCE", []),
])
def test_aid_accepted_assurances_and_work_with(extractor, text: str, event_type: str, expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


def test_demand_with_a_harmful_alternative_is_also_a_threat(extractor) -> None:
    x = extract(extractor, "Chile told Peru to pull its troops back or face new tariffs.")
    assert coded(x, "REQUEST") == [("Chile", "Peru")] and coded(x, "THREATEN") == [("Chile", "Peru")]
    # look-alike: an alternative that harms no one
    x = extract(extractor, "Chile told Peru to pull its troops back or hold new talks.")
    assert coded(x, "REQUEST") == [("Chile", "Peru")] and coded(x, "THREATEN") == []


@pytest.mark.parametrize(("text", "event_type", "expected"), [
    # an unnamed voice acts for whom it speaks for
    ("A spokesman for the Chilean army rejected the plan.", "REJECT", [("Chilean army", None)]),
    # look-alike: a voice for no one named
    ("A spokesman rejected the plan.", "REJECT", []),
    # accusations rejected answer the accusation made against the one who rejects
    ("Peru accused Chile of spying. Chile rejected the accusations.", "REJECT", [("Chile", "Peru")]),
    # look-alike: another's accusation of a third party is not what is answered
    ("Peru accused the Shining Path of the bombing. The Chilean government rejected the accusations.",
     "REJECT", [("Chile", None)]),
    # a resolution rejected answers whoever last acted on the one rejecting
    ("The European Parliament voted on Monday, urging Chile to free the prisoners. The Chilean government "
     "rejected the resolution.", "REJECT", [("Chile", "European Parliament")]),
    # look-alike: a resolution the text did not report
    ("The Chilean government rejected the resolution.", "REJECT", [("Chile", None)]),
    # an actor critical of another disapproves of it, also in a clause of concession
    ("Though sharply critical of the Chilean government, Boric said the talks would go on.", "ACCUSE",
     [("Boric", "Chile")]),
    # an allegation reported in the passive with no accuser named is still made, by someone unknown
    ("Three Peruvian officers were accused of plotting a coup.", "ACCUSE", [(None, "Peru")]),
    # look-alike: an allegation only possible
    ("Three Peruvian officers could be accused of plotting a coup.", "ACCUSE", []),
    # pleading not guilty rejects the charges
    ("The Chilean officer pleaded not guilty to the charges.", "REJECT", [("Chile", None)]),
    # look-alike: pleading guilty rejects nothing
    ("The Chilean officer pleaded guilty to the charges.", "REJECT", []),
    # attacking a news outlet by name is criticism
    ("The Chilean president attacked Al Jazeera over its coverage of the strike.", "ACCUSE",
     [("Gabriel Boric", "Al Jazeera")]),
    # look-alike: an attack on an outlet's offices is force
    ("Chilean troops attacked the offices of Al Jazeera in the capital.", "ACCUSE", []),
    # a person's journey to a state is a visit to it
    ("Chilean President Gabriel Boric travelled to Peru on Tuesday.", "CONSULT", [("Gabriel Boric", "Peru")]),
    # look-alike: a journey that visits no one
    ("Thousands of refugees travelled to Chile last year.", "CONSULT", []),
    # backing gained from an actor is that actor's support
    ("The Peruvian plan won the support of Chile.", "SUPPORT", [("Chile", "Peru")]),
    # look-alike: backing of no actor
    ("The Peruvian plan has the support of the people.", "SUPPORT", []),
    # a state leaving a bloc cuts its ties; a person leaving a post in it changes jobs
    ("Hungary left the European Union in 2020.", "SANCTION", [("Hungary", "European Union")]),
    ("Josep Borrell left the European Commission last year.", "SANCTION", []),
    # a sanction imposed for a stated wrong also accuses its target of it
    ("Chile sanctioned the Peruvian minister for rigging the vote.", "ACCUSE", [("Chile", "Peru")]),
    ("The Peruvian minister was sanctioned by Chile for her role in the crackdown.", "ACCUSE", [("Chile", "Peru")]),
    # look-alike: a sanction for a span of time names no wrong
    ("Chile sanctioned Peru for two years.", "ACCUSE", []),
    # removing a ruler by force or pressure is coercion, also by a coup named with its leader
    ("The Peruvian army ousted Gabriel Boric.", "COERCE", [("Peruvian army", "Gabriel Boric")]),
    ("Gabriel Boric was deposed in a coup led by the Chilean navy last spring.", "COERCE",
     [("Chilean navy", "Gabriel Boric")]),
    ("The Chilean army staged a coup against Gabriel Boric.", "COERCE", [("Chilean army", "Gabriel Boric")]),
    # look-alike: driving a thing, not an actor, from somewhere
    ("Boric drove the car from the garage.", "COERCE", []),
    # talks with another that an actor reports, naming no party of their own, are the reporter's talks
    ("Chile said its negotiations with Peru over fishing rights were advancing.", "CONSULT",
     [("Chile", "Peru")]),
    # look-alikes: talks only wished for, and talks no one reports
    ("Chile said its negotiations with Peru must go on.", "CONSULT", []),
    ("Talks with Peru failed.", "CONSULT", []),
    # a crowd of protest coming together is a protest
    ("Thousands of protesters flooded the streets of Lima on Sunday.", "PROTEST", [(None, "Peru")]),
    # look-alike: a gathering of no protest
    ("Chilean ministers gathered in Geneva.", "PROTEST", []),
    # an agreement sought with a partner is a commitment offered to it
    ("Chile is seeking a fishing accord with Peru.", "AGREE", [("Chile", "Peru")]),
    # look-alike: an agreement sought with no partner named
    ("Chile still wants a deal.", "AGREE", []),
    # look-alike: critical as 'grave'
    ("Peru said the economy of Chile was in critical condition.", "ACCUSE", []),
])
def test_voices_and_accusations_answered(extractor, text: str, event_type: str, expected: list) -> None:
    assert coded(extract(extractor, text), event_type) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an end urged to a fight between two actors is asked of both (the parties that name actors)
    ("Boric urged a halt to the quarrel over fishing rights between Peru and Bolivia.",
     [("Boric", "Peru"), ("Boric", "Bolivia")]),
    # look-alike: an end to a fight between no one named
    ("Boric urged an end to the fighting.", [("Boric", None)]),
    # what a speaker says another must do, in the second of two reported clauses, is asked of it
    ("Boric said the dispute had dragged on and that Peru and Bolivia need to find a compromise.",
     [("Boric", "Peru"), ("Boric", "Bolivia")]),
    ("Boric said the talks had failed and Peru must withdraw its troops.", [("Boric", "Peru")]),
    # a quoted sentence of the same speaker, on its own, saying another must act
    ('"We will not accept this," Boric said. "The Peruvian government must not deport the fishermen."',
     [("Boric", "Peru")]),
    # look-alike: what something should be asks no one to act
    ('"We will not accept this," Boric said. "Peru should be a priority for all of us."', []),
    # look-alike: a second reported clause that obliges no one
    ("Boric said the dispute had dragged on and that Peru and Bolivia had met.", []),
])
def test_requests_aimed_through_fights_and_reported_obligations(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "REQUEST") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two states named before one noun of sanctions both sanction the one under them, who may be named by
    # the alias a relative clause follows
    ("Gabriel Boric, who is under U.K. and U.N. sanctions, spoke.",
     [("United Kingdom", "Gabriel Boric"), ("United Nations", "Gabriel Boric")]),
    ("The gang's chief, Gabriel Boric, a retired colonel known as Tiger who is under U.K. and U.N. sanctions, fled.",
     [("United Kingdom", "Gabriel Boric"), ("United Nations", "Gabriel Boric")]),
    # look-alike: a state of sanctions with no one named as imposing them
    ("Gabriel Boric, who is under sanctions, spoke.", []),
])
def test_coordinated_imposers_and_aliases_under_sanctions(extractor, text: str, expected: list) -> None:
    assert coded(extract(extractor, text), "SANCTION") == expected



# --- two parties of one act named after "between" -----------------------------------------------------

@pytest.mark.parametrize(("text", "event_type", "pair"), [
    ("The talks between Serbia and Croatia collapsed on Monday.", "CONSULT", ("Serbia", "Croatia")),
    ("Clashes between Hamas and Fatah killed ten people in Gaza.", "ASSAULT", ("Hamas", "Fatah")),
])
def test_an_act_between_two_named_parties_is_theirs(extractor, text: str, event_type: str,
                                                    pair: tuple[str, str]) -> None:
    x = extract(extractor, text)
    assert pair in coded(x, event_type) or pair[::-1] in coded(x, event_type), x.events


def test_a_standing_conflict_between_two_parties_is_no_act(extractor) -> None:
    # "the war between A and B" is their opposition, not one act; a treaty between two is a standing tie
    x = extract(extractor, "The war between Russia and Ukraine has lasted three years.")
    assert coded(x, "ASSAULT") == [], x.events
    x = extract(extractor, "The treaty between Chile and Peru allows free trade.")
    assert coded(x, "AGREE") == [], x.events


# --- words of condemnation, and whom a judgement of a harm is aimed at ---------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Germany called the new Hungarian media law undemocratic.", ("Germany", "Hungary")),
    ("The French president called Chinese subsidies unbearable.", ("Emmanuel Macron", "China")),
    # the one a harm befalls is not who the judgement is aimed at: the doer is
    ("Amnesty International said the detention of the journalist Ana Ruiz by Belarus was arbitrary.",
     ("Amnesty International", "Belarus")),
])
def test_a_judgement_in_words_of_condemnation_is_an_accusation(extractor, text: str, pair: tuple[str, str]) -> None:
    assert pair in coded(extract(extractor, text), "ACCUSE")


def test_a_neutral_judgement_is_no_accusation(extractor) -> None:
    x = extract(extractor, "Amnesty International said the detention of the journalist Ana Ruiz by Belarus was lawful.")
    assert coded(x, "ACCUSE") == [], x.events
    # and the one detained is never the accused
    x = extract(extractor, "Amnesty International said Ana Ruiz's detention was arbitrary.")
    assert all(target != "Ana Ruiz" for _source, target in coded(x, "ACCUSE")), x.events


def test_wanting_an_actor_to_act_is_a_request(extractor) -> None:
    x = extract(extractor, "India wants China to withdraw its troops from the border.")
    assert ("India", "China") in coded(x, "REQUEST"), x.events
    assert coded(x, "RETREAT") == [], x.events  # what is wanted is not done
    # look-alikes: wanting to act oneself, or expecting a thing to happen, asks no one
    x = extract(extractor, "Russia wants to end the war in Ukraine.")
    assert coded(x, "REQUEST") == [], x.events
    x = extract(extractor, "The central bank of Brazil expects inflation to ease next year.")
    assert coded(x, "REQUEST") == [], x.events


def test_what_an_unnamed_many_urge_is_not_done(extractor) -> None:
    x = extract(extractor, "Media rights groups urged the government of Zimbabwe to drop all charges against the "
                           "journalist.")
    assert coded(x, "CONCEDE") == [] and coded(x, "RETREAT") == [], x.events
    x = extract(extractor, "Poultry farmers are calling on the government of Cameroon to loosen the trade "
                           "restrictions.")
    assert coded(x, "CONCEDE") == [] and coded(x, "RETREAT") == [], x.events
    x = extract(extractor, "Amnesty International renewed its call to the authorities of Zimbabwe to drop all charges "
                           "against the journalist.")
    assert coded(x, "CONCEDE") == [] and coded(x, "RETREAT") == [], x.events
    # look-alike: the same act reported as done is coded
    x = extract(extractor, "The government of Zimbabwe dropped all charges against the journalist.")
    assert [source for source, _target in coded(x, "CONCEDE") + coded(x, "RETREAT")] == ["Zimbabwe"], x.events


def test_a_judged_act_named_with_its_doer_is_aimed_at_the_doer_not_the_one_told(extractor) -> None:
    x = extract(extractor, "Shigeru Ishiba told President Lai Ching-te that deterrence was needed to resist China's "
                           "aggression.")
    assert ("Shigeru Ishiba", "China") in coded(x, "ACCUSE"), x.events
    # look-alike: a judgement with no doer named is aimed at the one told
    x = extract(extractor, "Shigeru Ishiba told President Lai Ching-te that his remarks were a provocation.")
    assert ("Shigeru Ishiba", "Lai Ching-te") in coded(x, "ACCUSE"), x.events


@pytest.mark.parametrize(("text", "pair"), [
    ('Afghanistan\'s foreign ministry called Pakistan\'s assertions "baseless" in a statement on Thursday.',
     ("Ministry of Foreign Affairs of Afghanistan", "Pakistan")),
    ("The Kremlin called the report a fabrication.", ("Russia", None)),
])
def test_a_claim_named_untrue_is_rejected(extractor, text: str, pair: tuple[str, str | None]) -> None:
    x = extract(extractor, text)
    assert pair in coded(x, "REJECT"), x.events
    assert coded(x, "ACCUSE") == [], x.events  # no accusation of whoever made the claim


def test_a_deed_named_wrong_is_an_accusation_not_a_rejection(extractor) -> None:
    # look-alike: what is named is an act, not a claim
    x = extract(extractor, "Ukraine called Russia's strikes a war crime.")
    assert ("Ukraine", "Russia") in coded(x, "ACCUSE") and coded(x, "REJECT") == [], x.events


def test_fighting_a_fire_or_a_disease_is_no_attack(extractor) -> None:
    x = extract(extractor, "Australian firefighters, who have battled blazes in Canada, arrived in Sydney on Monday.")
    assert coded(x, "ASSAULT") == [], x.events
    x = extract(extractor, "The Nigerian army is fighting the outbreak in Borno.")
    assert coded(x, "ASSAULT") == [], x.events
    # look-alikes: fighting an armed group is, and so is opening fire on people
    x = extract(extractor, "Nigerian troops battled Boko Haram fighters in Borno.")
    assert [source for source, _target in coded(x, "ASSAULT")] != [], x.events
    x = extract(extractor, "Israeli troops opened fire on Hamas fighters in Gaza.")
    assert coded(x, "ASSAULT") != [], x.events
