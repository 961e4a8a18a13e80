"""The actor layer: linking names to the knowledge base and gathering each actor's mentions into one entity.

Every text here is a short invented news paragraph; assertions stay with what such text clearly gives.
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity, Extraction


def extract(extractor, text: str, article_id: str = "t") -> Extraction:
    return extractor.extract(Article(id=article_id, text=text))


def entity_with_mention(extraction: Extraction, mention_text: str) -> Entity:
    found = [e for e in extraction.entities if any(m.text == mention_text for m in e.mentions)]
    assert len(found) == 1, f"{mention_text!r} in {describe(extraction)}"
    return found[0]


def describe(extraction: Extraction) -> str:
    return "; ".join(f"{e.id} {e.type} {e.country} kb={e.kb} {[m.text for m in e.mentions]}"
                     for e in extraction.entities)


def check_offsets(extraction: Extraction) -> None:
    text = extraction.article.text
    for entity in extraction.entities:
        assert entity.mentions, entity.id
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text, (entity.id, mention)
            sentence = extraction.sentences[mention.sentence]
            assert sentence.index == mention.sentence
            assert sentence.start <= mention.start < mention.end <= sentence.end, (entity.id, mention)


# --- linking --------------------------------------------------------------------------------------


def test_capital_possessive_links_to_the_state(extractor) -> None:
    extraction = extract(extractor, "Tehran's backing of armed groups across the region has alarmed its "
                                    "neighbours, diplomats said on Monday.")
    iran = entity_with_mention(extraction, "Tehran")  # the possessive 's is not part of the mention
    assert (iran.id, iran.name, iran.type, iran.country, iran.kb) == ("iran", "Iran", "country", "IR", True)
    check_offsets(extraction)


def test_demonym_is_a_mention_of_the_state(extractor) -> None:
    extraction = extract(extractor, "Venezuelan officials rejected the report on Tuesday, calling it an "
                                    "insult to the country.")
    venezuela = entity_with_mention(extraction, "Venezuelan")
    assert (venezuela.id, venezuela.type, venezuela.country) == ("venezuela", "country", "VE")
    assert venezuela.kb is True
    assert venezuela.name == "Venezuela"
    check_offsets(extraction)


def test_possessive_yields_the_state_and_its_force(extractor) -> None:
    extraction = extract(extractor, "Iran's Quds Force has trained fighters across the region, "
                                    "officials said.")
    iran = entity_with_mention(extraction, "Iran")
    force = entity_with_mention(extraction, "Quds Force")
    assert iran.id != force.id
    assert (iran.type, iran.country) == ("country", "IR")
    assert force.type not in {"country", "person", "location"}
    assert force.country == "IR"
    check_offsets(extraction)


# --- people and their surnames --------------------------------------------------------------------


def test_title_full_name_then_surname_is_one_person(extractor) -> None:
    extraction = extract(extractor, "The border will stay open through the holidays, said Colombian "
                                    "President Gustavo Petro on Friday. Petro added that trade with "
                                    "Venezuela would grow.")
    petro = entity_with_mention(extraction, "Gustavo Petro")
    assert [(m.text, m.sentence) for m in petro.mentions] == [("Gustavo Petro", 0), ("Petro", 1)]
    assert petro.type == "person"
    assert petro.country == "CO"
    assert [e for e in extraction.entities if e.type == "person"] == [petro]
    check_offsets(extraction)


def test_discovered_person_with_title_then_surname(extractor) -> None:
    extraction = extract(extractor, "The ceasefire is holding, said Peruvian Defense Minister Walter "
                                    "Ccahuana on Thursday. Ccahuana added that army patrols would continue.")
    person = entity_with_mention(extraction, "Walter Ccahuana")
    assert [m.text for m in person.mentions] == ["Walter Ccahuana", "Ccahuana"]
    assert person.type == "person"
    assert person.kb is False
    assert person.country == "PE"  # from "Peruvian" before the title
    check_offsets(extraction)


def test_discovered_analyst_and_surname_collapse(extractor) -> None:
    extraction = extract(extractor, "Marisol Quintanilla, an analyst at a research group in Bogota, said the "
                                    "deal was fragile. Quintanilla warned that violence could return.")
    person = entity_with_mention(extraction, "Marisol Quintanilla")
    assert person.name == "Marisol Quintanilla"
    assert person.id == "marisol-quintanilla"
    assert person.kb is False
    assert person.type == "person"
    assert [(m.text, m.sentence) for m in person.mentions] == [("Marisol Quintanilla", 0), ("Quintanilla", 1)]
    assert "Quintanilla" in person.aliases
    assert len([e for e in extraction.entities if e.type == "person"]) == 1
    check_offsets(extraction)


def test_discovered_person_surname_the_ner_does_not_tag(extractor) -> None:
    extraction = extract(extractor, "Prices will fall next year, said Chilean Finance Minister Rodrigo "
                                    "Valdivieso on Friday. Valdivieso added that copper exports were strong.")
    person = entity_with_mention(extraction, "Rodrigo Valdivieso")
    assert [m.text for m in person.mentions] == ["Rodrigo Valdivieso", "Valdivieso"]


# --- acronyms, metonyms ---------------------------------------------------------------------------


def test_acronym_defined_in_parentheses_is_one_entity(extractor) -> None:
    extraction = extract(extractor, "The Maritime Safety Coalition (MSC) published a report on attacks "
                                    "on merchant ships on Monday. MSC said that insurers had raised their "
                                    "prices.")
    coalition = entity_with_mention(extraction, "Maritime Safety Coalition")
    assert coalition.name == "Maritime Safety Coalition"
    assert [(m.text, m.sentence) for m in coalition.mentions] == [
        ("Maritime Safety Coalition", 0), ("MSC", 0), ("MSC", 1)]
    assert coalition.kb is False
    assert coalition.type == "ngo"
    assert len([e for e in extraction.entities if "MSC" in e.name]) == 0
    check_offsets(extraction)


def test_acronym_of_a_name_with_a_preposition(extractor) -> None:
    extraction = extract(extractor, "The Coalition for Maritime Safety (CMS) published a report on "
                                    "attacks on merchant ships. CMS said that insurers had raised their "
                                    "prices.")
    coalition = entity_with_mention(extraction, "CMS")
    assert coalition.name == "Coalition for Maritime Safety"
    assert [m.text for m in coalition.mentions] == ["Coalition for Maritime Safety", "CMS", "CMS"]


def test_leader_administration_is_a_mention_of_the_state(extractor) -> None:
    extraction = extract(extractor, "U.S. President Donald Trump spoke to reporters on Monday. The Trump "
                                    "administration imposed new sanctions on Caracas on Wednesday.")
    usa = entity_with_mention(extraction, "Trump administration")
    assert (usa.id, usa.type, usa.country, usa.kb) == ("united-states", "country", "US", True)
    assert "U.S." in [m.text for m in usa.mentions]
    trump = entity_with_mention(extraction, "Donald Trump")
    assert trump.type == "person"
    assert [m.text for m in trump.mentions] == ["Donald Trump"]  # the metonym is the state's, not his
    check_offsets(extraction)


def test_leader_administration_without_an_earlier_mention(extractor) -> None:
    extraction = extract(extractor, "The Trump administration imposed new sanctions on Caracas on Wednesday.")
    usa = entity_with_mention(extraction, "Trump administration")
    assert (usa.id, usa.country) == ("united-states", "US")


# --- what is not an actor -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "the protesters marched past john smith and mary jones before the rally ended.",
    "according to ali hassan, the talks stalled after the envoy left the room.",
])
def test_lowercase_phrase_is_never_a_person(extractor, text: str) -> None:
    doc = extractor.nlp(text)
    assert any(ent.label_ == "PERSON" for ent in doc.ents), "precondition: spaCy calls it a PERSON"
    extraction = extract(extractor, text)
    assert [e for e in extraction.entities if e.type == "person"] == []
    assert all(m.text[:1].isupper() for e in extraction.entities for m in e.mentions)


def test_lowercase_name_dropped_but_capitalised_name_kept(extractor) -> None:
    extraction = extract(extractor, "Witnesses said Maria Alvarez saw john smith near the gate of the "
                                    "consulate in Quito on Sunday.")
    people = [e for e in extraction.entities if e.type == "person"]
    assert [p.name for p in people] == ["Maria Alvarez"]


# --- offsets --------------------------------------------------------------------------------------

LONG_TEXT = (
    "Colombian President Gustavo Petro met Venezuelan officials in Caracas on Tuesday.\n\n"
    "Tehran's backing of armed groups in the region was also discussed, a diplomat said. "
    "Iran's Quds Force has trained fighters in Syria, according to Marisol Quintanilla, an analyst "
    "in Bogot\u00e1. \u201cThe risks are rising,\u201d Quintanilla said.\n"
    "The Maritime Safety Coalition (MSC) warned shipowners on Wednesday; MSC said premiums had doubled."
)


def test_mentions_point_into_the_text_and_their_sentence(extractor) -> None:
    extraction = extract(extractor, LONG_TEXT, "long")
    assert len(extraction.entities) >= 6, describe(extraction)
    check_offsets(extraction)
    sentences = extraction.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    for s in sentences:  # trimmed: no sentence starts or ends with whitespace
        sentence_text = LONG_TEXT[s.start:s.end]
        assert sentence_text and sentence_text == sentence_text.strip()


def test_entity_ids_are_unique_and_batching_gives_the_same_result(extractor) -> None:
    single = extract(extractor, LONG_TEXT, "long")
    ids = [e.id for e in single.entities]
    assert len(ids) == len(set(ids))
    texts = [LONG_TEXT, "Venezuelan officials rejected the report on Tuesday.", LONG_TEXT]
    batch = list(extractor.extract_many(Article(id=f"b{i}", text=t) for i, t in enumerate(texts)))
    assert [b.article.id for b in batch] == ["b0", "b1", "b2"]
    assert batch[0].entities == single.entities == batch[2].entities
    assert batch[0].sentences == single.sentences


@pytest.mark.parametrize("text, name", [
    ("Minister of Armed Forces Helene Marchetti visited the base in Chad.", "Helene Marchetti"),
    ("The Resident Coordinator for Yemen Julien Harneis said the port was closed.", "Julien Harneis"),
])
def test_name_after_an_office_named_with_of_or_for(extractor, text: str, name: str) -> None:
    extraction = extract(extractor, text)
    people = [e.name for e in extraction.entities if e.type == "person"]
    assert people == [name], describe(extraction)


def test_office_without_a_holder_is_no_person(extractor) -> None:
    extraction = extract(extractor, "The Minister of Armed Forces said the base in Chad would close.")
    assert [e for e in extraction.entities if e.type == "person"] == [], describe(extraction)


def test_platform_named_by_a_letter_after_on(extractor) -> None:
    extraction = extract(extractor, "The minister wrote in a post on X. Rescuers reached the village.")
    assert [e.name for e in extraction.entities] == ["X (formerly Twitter)"]
    assert len(extraction.sentences) == 2


def test_a_letter_elsewhere_is_no_platform(extractor) -> None:
    extraction = extract(extractor, "The letter was signed by X. Smith and sent to Plan X headquarters.")
    assert "X (formerly Twitter)" not in [e.name for e in extraction.entities]


def test_unqualified_ministry_before_a_known_holder_is_the_holders_states(extractor) -> None:
    extraction = extract(extractor, "Armenia and Azerbaijan signed the deal. Foreign Ministry spokeswoman "
                                    "Maria Zakharova said Moscow welcomed it.")
    ministry = entity_with_mention(extraction, "Foreign Ministry")
    assert ministry.country == "RU", describe(extraction)


def test_unqualified_ministry_alone_is_the_home_states(extractor) -> None:
    extraction = extract(extractor, "Armenia signed the deal on Friday. The Foreign Ministry said it was final.")
    assert entity_with_mention(extraction, "Foreign Ministry").country == "AM", describe(extraction)


def test_organ_named_after_its_organisations_possessive(extractor) -> None:
    extraction = extract(extractor, "The IAEA's Board of Governors met in Vienna on Monday.")
    assert "IAEA Board of Governors" in [e.name for e in extraction.entities], describe(extraction)


def test_unknown_organ_after_a_possessive_is_not_guessed(extractor) -> None:
    extraction = extract(extractor, "The IAEA's Office of Legal Affairs met in Vienna on Monday.")
    assert "IAEA Board of Governors" not in [e.name for e in extraction.entities], describe(extraction)


def test_organisation_of_unknown_kind_is_typed_organization(extractor) -> None:
    from newsgraph.nlp.actors import _org_type

    cues = extractor.actor_resources.cues
    doc = extractor.nlp("Blue Horizon and the Bellamy Foundation signed the pledge.")
    assert _org_type(doc[0:2], cues) == "organization"  # no word says what kind of organisation it is
    assert _org_type(doc[4:6], cues) != "organization"  # "Foundation" does


def test_city_read_as_an_organisation_is_a_place_in_its_country(extractor) -> None:
    extraction = extract(extractor, "On a trip to Quetta for talks on the border, the prime minister said "
                                    "forty miners were freed.")
    quetta = entity_with_mention(extraction, "Quetta")
    assert (quetta.type, quetta.country) == ("location", "PK"), describe(extraction)


def test_organisation_that_is_no_city_stays_an_organisation(extractor) -> None:
    extraction = extract(extractor, "The Bellamy Foundation said on Monday that it would close its offices.")
    assert entity_with_mention(extraction, "Bellamy Foundation").type != "location", describe(extraction)


def test_a_states_government_is_the_state_its_army_a_body_of_its_own(extractor) -> None:
    # FORMAT.md: "Iran's government" is a metonym of the state, as "Tehran" is; its army is not
    extraction = extract(extractor, "The Chadian government lifted a curfew on Sunday, and Chad's army left the "
                                    "capital.")
    government = entity_with_mention(extraction, "Chadian")
    army = entity_with_mention(extraction, "Chad's army")
    assert (government.type, government.country) == ("country", "TD")
    assert (army.type, army.country) == ("armed_forces", "TD")


def test_bare_police_as_a_subject_is_the_home_states(extractor) -> None:
    extraction = extract(extractor, "Georgia has been in turmoil since the vote. On Monday, police raided the "
                                    "offices of two opposition parties.")
    police = entity_with_mention(extraction, "police")
    assert (police.type, police.country) == ("government_body", "GE")


def test_surname_the_ner_took_for_an_organisation_is_a_described_person(extractor) -> None:
    extraction = extract(extractor, "Siyoka Simasiku, director at the conservation coalition, says communities "
                                    "will be hit.")
    person = entity_with_mention(extraction, "Siyoka Simasiku")
    assert person.type == "person"


def test_a_particle_surname_alias_inside_another_name_is_not_that_person(extractor) -> None:
    """"al-Bashir" names Omar al-Bashir alone, not inside another man's full name."""
    text = "Hassan al-Bashir, a farmer near Kassala, said the rains came late this year."
    extraction = extract(extractor, text)
    farmer = entity_with_mention(extraction, "Hassan al-Bashir")
    assert farmer.id != "omar-al-bashir" and not farmer.kb
    known = extract(extractor, "Sudan's President Omar al-Bashir spoke on Monday, and al-Bashir left.")
    assert entity_with_mention(known, "al-Bashir").id == "omar-al-bashir"


def test_a_long_name_of_generic_words_is_still_a_name(extractor) -> None:
    extraction = extract(extractor, "Members of the National Islamic Front protested in Khartoum.")
    front = entity_with_mention(extraction, "National Islamic Front")
    assert front.type == "armed_group"


def test_generic_words_alone_name_no_actor(extractor) -> None:
    extraction = extract(extractor, "The National Security Advisor met the Supreme court clerk.")
    assert not any(m.text == "National Security Advisor" for e in extraction.entities for m in e.mentions)


def test_a_states_court_is_its_body_with_an_id_of_that_state(extractor) -> None:
    kenyan = extract(extractor, "The Kenyan Supreme Court annulled the vote on Friday.")
    possessive = extract(extractor, "Kenya's Supreme Court annulled the vote on Friday.")
    bare = extract(extractor, "Zimbabwe has been tense since the vote. The Supreme Court refused bail on Friday.")
    ids = {entity_with_mention(kenyan, "Kenyan Supreme Court").id,
           entity_with_mention(possessive, "Kenya's Supreme Court").id}
    assert ids == {"ke-supreme-court"}
    court = entity_with_mention(bare, "Supreme Court")
    assert (court.id, court.country) == ("zw-supreme-court", "ZW")


def test_a_lawyer_title_is_not_part_of_the_name(extractor) -> None:
    extraction = extractor.extract(Article(id="t", text="Lawyer Amal Clooney told reporters the trial was unfair."))
    assert "Amal Clooney" in [e.name for e in extraction.entities]


def test_a_court_of_a_two_word_state_keeps_its_whole_name_and_state(extractor) -> None:
    extraction = extractor.extract(Article(id="t", text="The Court of Bosnia and Herzegovina sentenced him in May."))
    assert [(e.name, e.country) for e in extraction.entities] == [("Court of Bosnia and Herzegovina", "BA")]


def test_half_of_a_hyphenated_modifier_is_no_organisation(extractor) -> None:
    extraction = extractor.extract(Article(id="t", text="Mexican- and Canadian-made cars were exempted."))
    assert [e.type for e in extraction.entities] == ["country"]


def test_a_name_given_to_a_town_is_a_place(extractor) -> None:
    extraction = extractor.extract(Article(id="t", text="The town of Goma was shelled on Monday."))
    assert [(e.name, e.type) for e in extraction.entities] == [("Goma", "location")]


def test_a_name_of_a_state_after_of_is_still_the_state(extractor) -> None:
    """The look-alike: "the State of Israel" names a state, and "state" is no place noun."""
    extraction = extractor.extract(Article(id="t", text="The State of Israel was founded in 1948."))
    assert [e.type for e in extraction.entities] == ["country"]


def test_a_name_set_beside_a_noun_for_a_person_is_a_person(extractor) -> None:
    text = "“We pray for calm,” said one pastor, Warren Fairbanks of Faith Baptist Church in Joplin."
    extraction = extractor.extract(Article(id="t", text=text))
    assert [e.type for e in extraction.entities if e.name == "Warren Fairbanks"] == ["person"]


def test_an_organisation_set_beside_a_noun_for_a_person_stays_an_organisation(extractor) -> None:
    """The look-alike: an organisation's word in the name keeps it one, singular or plural."""
    text = "The mill's owner, Harlan Brothers Holdings, said it would appeal."
    extraction = extractor.extract(Article(id="t", text=text))
    assert [e.type for e in extraction.entities] == ["company"]


def test_a_capitalised_preposition_opening_a_sentence_is_no_part_of_a_name(extractor) -> None:
    from newsgraph.record import Article

    x = extractor.extract(Article(id="a", text="Beyond Ukraine, the ministers discussed Iran."))
    assert sorted((e.name, e.type) for e in x.entities) == [("Iran", "country"), ("Ukraine", "country")]


def test_a_role_set_before_a_name_gives_its_state_and_role(extractor) -> None:
    x = extract(extractor, "Speaking at the Security Council, Kenya's ambassador to the United Nations, John Kamau, "
                           "said the talks had failed.")
    person = entity_with_mention(x, "John Kamau")
    assert (person.country, person.role) == ("KE", "ambassador"), describe(x)
    # a role whose owner is only a pronoun gives no state
    x = extract(extractor, "Chile cut ties with Peru after its president, Maria Gonzalez, criticised the vote.")
    assert entity_with_mention(x, "Maria Gonzalez").role is None, describe(x)


def test_a_short_name_the_tagger_takes_for_an_interjection_is_a_speaker(extractor) -> None:
    # "Oh" opens a family name here; alone, as the speaker later, it is the same person
    x = extract(extractor, "Trade will suffer, said Oh Ei Sun, a fellow at a research institute in Singapore. "
                           "Prices will rise, Oh said.")
    person = entity_with_mention(x, "Oh Ei Sun")
    assert person.type == "person", describe(x)
    assert [m.text for m in person.mentions] == ["Oh Ei Sun", "Oh"], describe(x)
    # look-alike: an interjection that opens a sentence is nobody
    x = extract(extractor, "Oh, the minister said, that was a mistake.")
    assert not any(m.text == "Oh" for e in x.entities for m in e.mentions), describe(x)


def test_a_name_with_a_who_clause_is_a_person(extractor) -> None:
    # the NER may call an unfamiliar two-word name an organisation; "who" is said of people
    x = extract(extractor, "Wanlop Sirichai, who runs a shelter in Chiang Mai, said the families were afraid.")
    assert entity_with_mention(x, "Wanlop Sirichai").type == "person", describe(x)
    # look-alike: "which" keeps an organisation
    x = extract(extractor, "The Peace Rights Foundation, which monitors prisons, said the men were afraid.")
    assert entity_with_mention(x, "Peace Rights Foundation").type != "person", describe(x)


@pytest.mark.parametrize(("text", "mention", "country"), [
    # a state named after its body ("of Kenya") makes the body that state's
    ("The foreign ministry of Kenya said the talks had failed.", "foreign ministry of Kenya", "KE"),
    ("The Ministry of Defence of Nigeria said 30 fighters were killed.", "Ministry of Defence of Nigeria", "NG"),
])
def test_a_body_of_a_named_state(extractor, text: str, mention: str, country: str) -> None:
    x = extract(extractor, text)
    body = entity_with_mention(x, mention)
    assert (body.type, body.country) == ("government_body", country), describe(x)


def test_police_in_a_named_state_are_that_states(extractor) -> None:
    # a state's police, courts and ministries work in it: "police in X" are X's, whatever state came before
    x = extract(extractor, "Chile deported 40 migrants to Peru in March. Police in Bolivia arrested six "
                           "smugglers on Tuesday.")
    assert entity_with_mention(x, "Police").country == "BO", describe(x)
    # look-alike: troops in a country may be a foreign state's, so the phrase does not give them its state
    x = extract(extractor, "Chile deported 40 migrants to Peru in March. Troops in Bolivia arrested six "
                           "smugglers on Tuesday.")
    assert not any(e.country == "BO" and e.type == "armed_forces" for e in x.entities), describe(x)


def test_a_body_of_a_states_region_is_not_the_states(extractor) -> None:
    # look-alike: the state only owns what follows it ("Bosnia's Serb republic"), not the body before
    x = extract(extractor, "The parliament of Bosnia's Serb Republic met on Thursday.")
    assert not any(m.text.startswith("parliament of") for e in x.entities for m in e.mentions), describe(x)


def test_a_name_set_off_after_an_organisation_is_its_own_person(extractor) -> None:
    # the NER may run "the Ministry of Culture, Sami-ul Rahman Wardak," into one organisation
    from newsgraph.record import Article
    x = extractor.extract(Article(id="a", text="The deputy minister for the Ministry of Water and Energy, "
                                               "Sami-ul Rahman Wardak, told reporters that 30 dams were closed."))
    people = [e.name for e in x.entities if e.type == "person"]
    assert any("Wardak" in name for name in people), [(e.name, e.type) for e in x.entities]
    # look-alike: an organisation whose own name holds a comma-free list stays one organisation
    x = extractor.extract(Article(id="a", text="The Ministry of Water and Energy said 30 dams were closed."))
    assert not [e for e in x.entities if e.type == "person"], [(e.name, e.type) for e in x.entities]


def test_a_common_word_opening_a_quoted_sentence_is_no_organisation(extractor) -> None:
    # the NER may take a capitalised common word at the start of a sentence for a name
    from newsgraph.record import Article
    for text, word in [("“Coordinated airstrikes by the Kenyan army and its partners killed dozens of militants,” "
                        "he said.", "Coordinated"),
                       ("“Suffice to say, there is reason to be hopeful,” the minister said.", "Suffice")]:
        x = extractor.extract(Article(id="a", text=text))
        assert not [e for e in x.entities if e.name == word], [(e.name, e.type) for e in x.entities]
    # look-alike: a name opening the sentence stays a name
    x = extractor.extract(Article(id="a", text="“Vortana Holdings will appeal the ruling,” the minister said."))
    assert [e.name for e in x.entities if e.type != "person" and "Vortana" in e.name], \
        [(e.name, e.type) for e in x.entities]


def test_a_pair_of_known_names_written_as_one_word_is_no_organisation(extractor) -> None:
    from newsgraph.record import Article
    x = extractor.extract(Article(id="a", text="That echoes the agenda of the meeting, which emphasized the U.S.-Japan "
                                               "alliance."))
    assert not [e for e in x.entities if "-" in e.name], [(e.name, e.type) for e in x.entities]
    # look-alike: a hyphenated name with an unknown part stays a name
    x = extractor.extract(Article(id="a", text="Officials of Mali-Vortex said the mine was closed."))
    assert [e for e in x.entities if e.name == "Mali-Vortex"], [(e.name, e.type) for e in x.entities]
