"""Coverage of the knowledge base for people news quotes as voices of institutions: spokespeople of foreign and
defence ministries and governments, heads and spokespeople of UN agencies and NGOs, leaders and spokesmen of armed
groups resolve in (invented) sentences as people of the right state, and look-alikes stay no entity."""

from __future__ import annotations

import pytest

from kb_sentences import entities
from newsgraph.kb.loader import KnowledgeBase


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks were useful, said Geng Shuang, the spokesperson, on Tuesday.", ("Geng Shuang", "person", "CN")),
    ("The drones were all shot down, Igor Konashenkov, the spokesman, told reporters on Tuesday.",
     ("Igor Konashenkov", "person", "RU")),
    ("The sanctions are illegal, said Saeed Khatibzadeh, the spokesperson, on Tuesday.",
     ("Saeed Khatibzadeh", "person", "IR")),
    ("Ankara rejects the statement, said Öncü Keçeli, the spokesperson, on Tuesday.",
     ("Öncü Keçeli", "person", "TR")),
    ("The visit went well, said Arindam Bagchi, the spokesperson, on Tuesday.", ("Arindam Bagchi", "person", "IN")),
    ("Islamabad wants calm, said Mumtaz Zahra Baloch, the spokesperson, on Tuesday.",
     ("Mumtaz Zahra Baloch", "person", "PK")),
    ("The border is quiet, said Asif Ghafoor, the spokesman, on Tuesday.", ("Asif Ghafoor", "person", "PK")),
    ("Troops hit several targets overnight, said Ran Kochav, the spokesman, on Tuesday.",
     ("Ran Kochav", "person", "IL")),
    ("Kyiv expects more aid, said Oleg Nikolenko, the spokesperson, on Tuesday.", ("Oleg Nikolenko", "person", "UA")),
    ("Eleven drones were downed, said Yurii Ihnat, the spokesperson, on Tuesday.", ("Yurii Ihnat", "person", "UA")),
    ("The strike was lawful, said Pat Ryder, the spokesman, on Tuesday.", ("Pat Ryder", "person", "US")),
    ("The decision is final, said Steffen Hebestreit, the spokesperson, on Tuesday.",
     ("Steffen Hebestreit", "person", "DE")),
    ("The coalition intercepted a missile, said Turki al-Maliki, the spokesman, on Tuesday.",
     ("Turki al-Maliki", "person", "SA")),
    ("Pretoria will attend, said Vincent Magwenya, the spokesperson, on Tuesday.",
     ("Vincent Magwenya", "person", "ZA")),
    ("Children are dying of hunger, said James Elder, the spokesperson, on Tuesday.",
     ("James Elder", "person", "AU")),
    ("The clinic ran out of fuel, said Rik Peeperkorn, the official, on Tuesday.",
     ("Rik Peeperkorn", "person", "NL")),
    ("The attack must be investigated, said Agnès Callamard, the head of the group, on Tuesday.",
     ("Agnès Callamard", "person", "FR")),
    ("The ceasefire is not yet agreed, said Izzat al-Rishq, the official, on Tuesday.",
     ("Izzat al-Rishq", "person", "PS")),
    ("The rebels will not withdraw, said Lawrence Kanyuka, the spokesman, on Tuesday.",
     ("Lawrence Kanyuka", "person", "CD")),
    ("The fighters seized the post, said Mohammad Khurasani, the spokesman, on Tuesday.",
     ("Mohammad Khurasani", "person", "PK")),
    ("The ministry will respond, said Abdul Qahar Balkhi, the spokesman, on Tuesday.",
     ("Abdul Qahar Balkhi", "person", "AF")),
    ("Any attack will be answered, said Abolfazl Shekarchi, the spokesman, on Tuesday.",
     ("Abolfazl Shekarchi", "person", "IR")),
    ("The border crossing was closed, said Andriy Demchenko, the spokesman, on Tuesday.",
     ("Andriy Demchenko", "person", "UA")),
    ("Both sides must return to talks, said Ramtane Lamamra, the envoy, on Tuesday.",
     ("Ramtane Lamamra", "person", "DZ")),
])
def test_a_voice_of_an_institution_resolves_as_a_person_of_its_state(extractor, text: str, expected: tuple) -> None:  # noqa: ANN001
    assert expected in entities(extractor, text)


@pytest.mark.parametrize(("form", "ident"), [
    ("Konashenkov", "igor-konashenkov"), ("Khatibzadeh", "saeed-khatibzadeh"), ("Ihnat", "yurii-ihnat"),
    ("Baqaei", "esmaeil-baqaei"), ("Abu Ubaida", "abu-obeida"), ("Patrick Ryder", "pat-ryder"),
    ("Agnes Callamard", "agnes-callamard"), ("Vasyl Malyuk", "vasyl-maliuk"), ("Ken Roth", "kenneth-roth"),
])
def test_a_spelling_variant_names_the_same_person(kb: KnowledgeBase, form: str, ident: str) -> None:
    assert [e.id for e in kb.lookup(form)] == [ident]


@pytest.mark.parametrize("text", [
    "The elder statesman spoke softly to the crowd.",  # James Elder only by his full name
    "Harris said the harvest had been poor.",  # no bare surname for the WHO's Margaret Harris
])
def test_a_look_alike_in_ordinary_use_is_no_voice_of_an_institution(extractor, text: str) -> None:  # noqa: ANN001
    assert not any(e[1] == "person" and e[0] in {"James Elder", "Margaret Harris"} for e in entities(extractor, text))


@pytest.mark.parametrize("form", ["Elder", "Harris", "Ryan", "Cohen", "Khan", "Baloch", "Moore", "Hassan", "Simon",
                                  "Roth", "Patel", "Singh", "Wilson", "Pope", "Castro", "Kahl"])
def test_common_surnames_are_no_aliases_of_the_new_people(kb: KnowledgeBase, form: str) -> None:
    assert not any(e.source == "people_voices.yaml" for e in kb.lookup(form))
