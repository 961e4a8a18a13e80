"""The store, on SQLite and on PostgreSQL: idempotent writes keyed by content, values both backends
accept, the same order on both, and the actor queries behind the CLI."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.record import Article, Extraction
from newsgraph.store import RecordRejected, Store
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


def copy_of(extraction: Extraction, **article: str | None) -> Extraction:
    """The extraction again, its article's metadata changed (another date is another article)."""
    copy = Extraction.from_dict(extraction.to_dict())
    for name, value in article.items():
        setattr(copy.article, name, value)
    return copy


def test_undated_articles_come_last_on_every_backend(store: Store, border: Extraction) -> None:
    # the undated copy is stored first: its key is the smallest, so only an explicit order puts it last
    store.add(copy_of(border, id="undated", published=None))
    store.add(copy_of(border, id="older", published="2023-01-10"))
    store.add(border)
    newest_first = ["border-1", "older", "undated"]

    def article_order(rows: list[dict]) -> list[str]:
        assert rows
        return list(dict.fromkeys(row["article_id"] for row in rows))

    assert article_order(store.quotes()) == newest_first
    assert article_order(store.claims()) == newest_first
    profile = store.actor_profile("venezuela")
    assert profile is not None
    assert article_order(profile["mentions"]) == newest_first
    # an event's day is its own date, else its article's: an event of the undated article with no date of
    # its own comes last (one dated in its text, "troops were moved on Sunday", sorts by that date)
    assert store.events()[-1]["article_id"] == "undated"


def test_nul_characters_are_stored_in_place(store: Store, extractor) -> None:
    text = "Venezuelan officials rejected\x00 the plan on Monday, the foreign ministry said.\x00"
    record = extractor.extract(Article(id="nul\x00-1", title="Plan\x00 rejected", outlet="Wire\x00",
                                       published="2024-09-02", text=text))
    key = store.add(record).article_key
    stored = store.article(key)
    assert stored is not None
    # one character for one: every offset found in the text still points at the same words
    assert stored["text"] == text.replace("\x00", "\ufffd")
    assert (stored["article_id"], stored["title"], stored["outlet"]) == ("nul\ufffd-1", "Plan\ufffd rejected",
                                                                         "Wire\ufffd")
    assert stored["mentions"]
    for mention in stored["mentions"]:
        assert stored["text"][mention["start"]:mention["end"]] == mention["text"]
    for sentence in stored["sentences"]:
        assert stored["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert store.add(record).stored is False  # the same input is still recognised as stored


@pytest.mark.parametrize(("field", "column", "value"), [
    ("id", "article_id", "x" * 301), ("outlet", "outlet", "o" * 301), ("language", "language", "english-us-x"),
])
def test_an_overlong_value_refuses_the_article_and_writes_nothing(store: Store, border: Extraction, field: str,
                                                                 column: str, value: str) -> None:
    with pytest.raises(RecordRejected, match=rf"articles\.{column} is {len(value)} characters long"):
        store.add(copy_of(border, **{field: value}))
    assert store.count_articles() == 0
    assert store.actor_table() == []
    assert store.add(border).stored is True  # the store is still usable


def test_many_processes_create_the_schema_at_once(database: str, tmp_path: Path) -> None:
    """Each process opens the fresh database the moment a start file appears, so they race to create
    the tables; every one must succeed and find a complete schema."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsgraph.store import Store\n"
        "ready, go = Path(sys.argv[2]), Path(sys.argv[3])\n"
        "ready.touch()\n"
        "while not go.exists():\n"
        "    time.sleep(0.001)\n"
        "store = Store(sys.argv[1])\n"
        "print(store.count_articles())\n"
    )
    go = tmp_path / "go"
    processes = [subprocess.Popen([sys.executable, "-c", script, database, str(tmp_path / f"ready-{n}"), str(go)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(6)]
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("ready-*"))) < len(processes):
            assert time.monotonic() < deadline, "the processes did not start in time"
            time.sleep(0.01)
        go.touch()
        results = [(p.wait(timeout=60), *p.communicate()) for p in processes]
    finally:
        for process in processes:
            process.kill()
    assert [(code, out.strip()) for code, out, _ in results] == [(0, "0")] * len(processes), \
        [error for _, _, error in results if error]
