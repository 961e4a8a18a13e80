"""Event arguments named by their members, and responses aimed back through a repeated noun (invented
sentences, run through the real pipeline)."""

from __future__ import annotations

from newsgraph.record import Article, Extraction

PUBLISHED = "2025-03-04"


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Article(id="evargs", text=text, published=PUBLISHED))


def named_events(extraction: Extraction, event_type: str) -> list[tuple[str | None, str | None]]:
    def name(entity_id: str | None) -> str | None:
        entity = extraction.entity(entity_id) if entity_id is not None else None
        return entity.name if entity is not None else None
    return [(name(e.source), name(e.target)) for e in extraction.events if e.type == event_type]


def test_a_group_named_by_its_member_acts_through_the_member(extractor) -> None:
    extraction = extract(extractor, "A group of senators including Ted Cruz urged a ban on the imports.")
    assert any(source == "Ted Cruz" for source, _ in named_events(extraction, "REQUEST")), extraction.events


def test_a_described_member_names_no_one(extractor) -> None:
    # "including members of the board" describes the members: no actor stands for the officials
    extraction = extract(extractor, "Canada imposed sanctions on 12 officials, including members of the "
                                    "electoral board.")
    assert all(target is None or target == "Canada" for _, target in named_events(extraction, "SANCTION")), \
        extraction.events


def test_a_repeated_noun_points_back_to_the_doer_of_the_act(extractor) -> None:
    text = ("Russia ended three days of naval exercises near Japan on Friday. Japan sent ships to watch them. "
            "Germany criticized the exercises.")
    assert ("Germany", "Russia") in named_events(extract(extractor, text), "ACCUSE")


def test_a_repeated_noun_with_no_doer_names_no_one(extractor) -> None:
    # the earlier "exercises" were held by no one the text names: the word gives no target
    text = ("Russian warships were seen near Japan on Friday, days after naval exercises were held in the area. "
            "Japan sent ships to watch them. Germany criticized the exercises.")
    assert ("Germany", "Russia") not in named_events(extract(extractor, text), "ACCUSE")
