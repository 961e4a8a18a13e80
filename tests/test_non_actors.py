"""Names that are not actors (kb/data/non_actors.yaml): diseases, vehicles, products, laws, named events and
works stay out of the extraction's entities and the store's actor tables, even where the NER calls them
organisations or places. Every text is written here; "Jaffar Express" is a real train's name (Voice of
America reported its hijacking in March 2025)."""

from __future__ import annotations

import pytest

from newsgraph.kb.non_actors import non_actors
from newsgraph.record import Article, Extraction
from newsgraph.store import Store
from store_backends import column

CASES = {
    "disease": ("COVID-19 closed schools across Ruritania, and health officials said the Marburg outbreak in the "
                "north had spread to two villages.", ["COVID-19", "Marburg"]),
    "vehicle": ("The Kestrel Express, a cross-country train with 300 passengers, was stopped by gunmen near the "
                "border. Soldiers reached the Kestrel Express on Wednesday.", ["Kestrel Express"]),
    "known vehicle": ("Gunmen stopped the Jaffar Express near Sibi on Tuesday, officials said.", ["Jaffar Express"]),
    "law": ("The Ruritanian Liberation Front rejected the Lakeside Accord on Monday.", ["Lakeside Accord"]),
    "event": ("Ruritania said it would boycott the Lakeside Games because of the war.", ["Lakeside Games"]),
    "work": ("The ministry banned the documentary Silent Harbor, which follows smugglers on the coast.",
             ["Silent Harbor"]),
    "product": ("Students in Ruritania were told not to use ChatGPT during the exams, the ministry said.",
                ["ChatGPT"]),
    "weapon": ("Turkish F-16 jets flew low over the capital to test the S-400 system, and Ankara asked for U.S. "
               "Patriot missiles.", ["Turkish F-16", "F-16", "S-400", "U.S. Patriot", "Patriot"]),
}


def names(extraction: Extraction) -> set[str]:
    return {m.text for e in extraction.entities for m in e.mentions} | {e.name for e in extraction.entities}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_name_that_is_no_actor_is_no_entity(extractor, case: str) -> None:
    text, dropped = CASES[case]
    extraction = extractor.extract(Article(id=case, text=text, published="2024-03-01"))
    assert not names(extraction) & set(dropped), [(e.name, e.type) for e in extraction.entities]


def test_the_ner_takes_the_train_for_an_actor(extractor) -> None:
    """The premise of the vehicle case: without the data, the NER's name would be an actor candidate."""
    doc = extractor.nlp(CASES["vehicle"][0])
    assert any(ent.text.endswith("Kestrel Express") and ent.label_ in {"ORG", "PERSON", "GPE", "FAC", "LOC"}
               for ent in doc.ents)


def test_actors_beside_a_non_actor_stay(extractor) -> None:
    text = ("Ana Ruiz, a spokeswoman for Coastal Freight Lines, said a Coastal Freight Lines vessel was hit, and "
            "the Ruritanian Liberation Front rejected the Lakeside Accord.")
    found = names(extractor.extract(Article(id="beside", text=text, published="2024-03-01")))
    assert {"Ana Ruiz", "Coastal Freight Lines", "Ruritanian Liberation Front"} <= found
    assert "Lakeside Accord" not in found
    # "book" before a name that opens its relative clause: the name is the writer, not the book's title
    writer = extractor.extract(Article(id="writer", text="She read the book Ana Ruiz wrote about the war, and "
                                                         "Ruiz said it sold well.", published="2024-03-01"))
    assert "Ana Ruiz" in names(writer)


def test_the_data_sorts_names_into_categories() -> None:
    data = non_actors()
    assert data.known_name("the Jaffar Express") == "vehicle"
    assert data.known_name("Covid-19") == "disease"
    assert data.by_last_word(["Geneva", "Convention"]) == "law"
    assert data.by_last_word(["Convention"]) is None  # one word: too little to judge
    assert data.by_neighbour(None, None, "train") == "vehicle"
    assert data.by_neighbour("aboard", None, None) == "vehicle"
    assert data.by_neighbour(None, "said", None) is None
    assert data.by_pattern(["Turkish", "F-16"]) == "weapon"
    assert data.by_pattern(["G-20"]) is None  # a group of states, not a model designation
    assert data.by_pattern(["Ruritania"]) is None


def test_the_store_holds_no_non_actor(extractor, database: str) -> None:
    text = CASES["vehicle"][0] + " " + CASES["disease"][0]
    extraction = extractor.extract(Article(id="stored", text=text, published="2024-03-01"))
    store = Store(database)
    try:
        store.add(extraction)
    finally:
        store.close()
    stored = set(column(database, "select name from entities")) | set(column(database, "select text from mentions"))
    assert stored and not stored & {"Kestrel Express", "COVID-19", "Marburg"}
    assert set(column(database, "select entity from actor_stats")) == {e.id for e in extraction.entities}
