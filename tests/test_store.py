"""The store, on SQLite and on PostgreSQL: idempotent writes keyed by content, values both backends
accept, the same order on both, and the actor queries behind the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.record import Article, Extraction
from newsgraph.store import Store
from store_backends import scalar

BORDER_TEXT = (
    "Marisol Quintanilla, an analyst at a research group in Bogota, said Venezuelan officials had rejected "
    "the plan. Quintanilla warned that Tehran's backing of armed groups worried Colombia.\n"
    "Venezuelan troops were moved to the border on Sunday, officials said."
)
SHIPPING_TEXT = (
    "The Maritime Safety Coalition (MSC) said on Monday that Venezuelan navy boats had stopped two tankers. "
    "MSC asked Caracas to explain the seizures."
)


@pytest.fixture(scope="module")
def border(extractor) -> Extraction:
    return extractor.extract(Article(id="border-1", text=BORDER_TEXT, title="Border plan rejected",
                                     published="2024-09-02", outlet="Wire"))


@pytest.fixture(scope="module")
def shipping(extractor) -> Extraction:
    return extractor.extract(Article(id="shipping-1", text=SHIPPING_TEXT, published="2024-09-03"))


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    db = Store(database)
    yield db
    db.close()


def entity_id(extraction: Extraction, mention_text: str) -> str:
    [entity] = [e for e in extraction.entities if any(m.text == mention_text for m in e.mentions)]
    return entity.id


def test_add_twice_stores_once(store: Store, database: str, border: Extraction) -> None:
    first = store.add(border, model="test-model")
    second = store.add(border, model="test-model")
    assert first.stored is True
    assert second.stored is False
    assert second.article_key == first.article_key
    assert store.count_articles() == 1
    assert store.article_ids() == ["border-1"]
    assert store.has_article(border.article.content_hash)
    mentions = sum(len(e.mentions) for e in border.entities)
    assert scalar(database, "select count(*) from mentions") == mentions
    assert scalar(database, "select count(*) from sentences") == len(border.sentences)
    assert scalar(database, "select count(*) from entities") == len(border.entities)


def test_same_text_with_another_date_is_another_article(store: Store, border: Extraction) -> None:
    store.add(border)
    redated = Extraction.from_dict(border.to_dict())
    redated.article.published = "2024-09-05"
    assert store.add(redated).stored is True
    assert store.count_articles() == 2
    assert store.known_hashes([border.article.content_hash, redated.article.content_hash, "0" * 64]) == {
        border.article.content_hash, redated.article.content_hash}


def test_actor_table_counts_articles_and_mentions(store: Store, border: Extraction,
                                                  shipping: Extraction) -> None:
    store.add(border)
    store.add(shipping)
    rows = {row["id"]: row for row in store.actor_table()}
    venezuela = rows["venezuela"]
    expected_mentions = sum(len(e.mentions) for x in (border, shipping)
                            for e in x.entities if e.id == "venezuela")
    assert venezuela["articles"] == 2
    assert venezuela["mentions"] == expected_mentions >= 2
    assert venezuela["type"] == "country" and venezuela["country"] == "VE" and venezuela["kb"]
    person = rows[entity_id(border, "Marisol Quintanilla")]
    assert (person["name"], person["type"], person["articles"], person["mentions"]) == (
        "Marisol Quintanilla", "person", 1, 2)
    assert not person["kb"]
    ordered = store.actor_table()
    assert ordered[0]["id"] == "venezuela"  # most articles first
    assert all(row["type"] != "location" for row in ordered)
    assert "bogota" not in rows
    assert "bogota" in {row["id"] for row in store.actor_table(include_locations=True)}
    only_people = store.actor_table(actor_type="person")
    assert {row["type"] for row in only_people} == {"person"}
    assert len(store.actor_table(limit=2)) == 2


def test_actor_profile_carries_sentences(store: Store, border: Extraction) -> None:
    store.add(border)
    person_id = entity_id(border, "Marisol Quintanilla")
    profile = store.actor_profile(person_id)
    assert profile is not None
    assert profile["name"] == "Marisol Quintanilla"
    assert profile["aliases"] == ["Marisol Quintanilla", "Quintanilla"]
    assert profile["articles"] == 1
    assert profile["mention_count"] == 2
    assert [m["sentence"] for m in profile["mentions"]] == [0, 1]
    for mention in profile["mentions"]:
        assert mention["text"] in mention["sentence_text"]
        assert mention["sentence_text"] == border.sentence_text(mention["sentence"])
        assert mention["article_id"] == "border-1"
        assert mention["published"] == "2024-09-02"
    assert store.actor_profile("no-such-actor") is None


def test_actor_profile_limits_mentions(store: Store, border: Extraction) -> None:
    store.add(border)
    profile = store.actor_profile("venezuela", mention_limit=1)
    assert profile is not None
    assert len(profile["mentions"]) == 1
    assert profile["mention_count"] == sum(len(e.mentions) for e in border.entities if e.id == "venezuela")


def test_find_entities(store: Store, border: Extraction, shipping: Extraction) -> None:
    store.add(border)
    store.add(shipping)
    person_id = entity_id(border, "Marisol Quintanilla")
    assert [e["id"] for e in store.find_entities("quintanilla")] == [person_id]  # by a mention, case-blind
    assert [e["id"] for e in store.find_entities("TEHRAN")] == ["iran"]  # an alias the text used
    assert [e["id"] for e in store.find_entities(" Venezuela ")] == ["venezuela"]  # by name
    assert [e["id"] for e in store.find_entities("MSC")] == [entity_id(shipping, "MSC")]
    assert [e["id"] for e in store.find_entities("safety coal")] == [entity_id(shipping, "MSC")]  # part
    assert store.find_entities("Atlantis") == []


def test_entities_shared_across_articles_are_stored_once(store: Store, database: str, border: Extraction,
                                                         shipping: Extraction) -> None:
    store.add(border)
    store.add(shipping)
    assert scalar(database, "select count(*) from (select id from entities group by id having count(*) > 1) d") == 0
    assert scalar(database, "select count(*) from entities where id = 'venezuela'") == 1


def test_missing_database_is_not_created_when_create_is_false(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "absent.db"
    with pytest.raises(FileNotFoundError, match="absent.db"):
        Store(str(missing), create=False)
    assert not missing.exists()


def test_existing_database_opens_with_create_false(database: str, border: Extraction) -> None:
    writer = Store(database)
    writer.add(border)
    writer.close()
    reader = Store(database, create=False)
    assert reader.article_ids() == ["border-1"]
    reader.close()
