"""The summary and link tables the actor pages read (actor_stats, actor_aliases, actor_months,
event_edges, quotes_about, claims_about) agree with the facts they summarise, counted afresh in SQL,
after single and batched writes, idempotent re-ingests and concurrent writers, on both backends."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from newsgraph.record import Article, Extraction
from newsgraph.store import RecordRejected, Store
from store_backends import _select
from test_store import BORDER_TEXT, SHIPPING_TEXT, copy_of

# Each pair: the summary table as stored, and the same rows counted from the facts.
SUMMARIES = {
    "actor_stats": ("select entity, articles, mentions from actor_stats",
                    "select entity, count(distinct article), count(*) from mentions group by entity"),
    "actor_stats acts": (
        "select entity, acts from actor_stats",
        "select s.entity, count(x.who) from (select distinct entity, article from mentions) s left join ("
        "  select 'e' as kind, id, article, source as who from events where source is not null union"
        "  select 'e', id, article, target from events where target is not null union"
        "  select 'r', id, article, source from relations union select 'r', id, article, target from relations union"
        "  select 'q', id, article, speaker from quotes where speaker is not null) x"
        "  on x.article = s.article and x.who = s.entity group by s.entity"),
    "actor_aliases": ("select entity, text, mentions from actor_aliases",
                      "select entity, text, count(*) from mentions group by entity, text"),
    "actor_months": (
        "select entity, month, type, count from actor_months",
        "select e.entity, substr(coalesce(v.date_start, a.published), 1, 7) as month, v.type, count(*) "
        "from (select id, source as entity from events where source is not null union "
        "      select id, target from events where target is not null) e "
        "join events v on v.id = e.id join articles a on a.id = v.article "
        "where coalesce(v.date_start, a.published) is not null group by e.entity, month, v.type"),
    "event_edges": ("select source, target, type, count from event_edges",
                    "select source, target, type, count(*) from events "
                    "where source is not null and target is not null group by source, target, type"),
    "quotes_about": (
        "select entity, article, n, day, content_start from quotes_about",
        "select distinct m.entity, q.article, q.n, q.day, q.content_start from quotes q join mentions m "
        "on m.article = q.article and m.start >= q.content_start and m.\"end\" <= q.content_end"),
    "claims_about": (
        "select entity, article, n, day, sentence from claims_about",
        "select distinct m.entity, c.article, c.n, c.day, c.sentence from claims c join mentions m "
        "on m.article = c.article and m.sentence = c.sentence"),
}


@pytest.fixture(scope="module")
def records(extractor) -> list[Extraction]:
    dated = [extractor.extract(Article(id="border-1", text=BORDER_TEXT, published="2024-09-02")),
             extractor.extract(Article(id="shipping-1", text=SHIPPING_TEXT, published="2024-10-03"))]
    return [*dated, copy_of(dated[0], id="undated", published=None)]


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    db = Store(database)
    yield db
    db.close()


def assert_summaries_agree(database: str) -> None:
    for name, (stored, counted) in SUMMARIES.items():
        assert sorted(map(tuple, _select(database, stored))) == sorted(map(tuple, _select(database, counted))), name


def test_summaries_agree_after_single_writes_and_re_ingest(store: Store, database: str,
                                                           records: list[Extraction]) -> None:
    for record in records:
        assert store.add(record).stored
    assert_summaries_agree(database)
    before = {name: sorted(map(tuple, _select(database, stored))) for name, (stored, _) in SUMMARIES.items()}
    for record in records:  # an idempotent re-ingest counts nothing twice
        assert not store.add(record).stored
    assert {name: sorted(map(tuple, _select(database, stored))) for name, (stored, _) in SUMMARIES.items()} == before
    assert store.actor_profile("venezuela")["mention_count"] == len(_select(
        database, "select id from mentions where entity = 'venezuela'"))


def test_a_batch_stores_as_single_writes_do(store: Store, database: str, records: list[Extraction]) -> None:
    too_long = copy_of(records[1], id="x" * 301)
    results = store.add_many([(records[0], "m"), (too_long, "m"), (records[1], "m"), (records[0], "m"),
                              (records[2], "m")])
    assert [type(r).__name__ for r in results] == ["StoreResult", "RecordRejected", "StoreResult",
                                                   "StoreResult", "StoreResult"]
    assert isinstance(results[1], RecordRejected)
    assert [r.stored for r in results if not isinstance(r, Exception)] == [True, True, False, True]
    assert results[3].article_key == results[0].article_key  # the repeat within the batch is the first one
    assert store.article_ids() == ["border-1", "shipping-1", "undated"]
    assert_summaries_agree(database)
    assert all(not r.stored for r in store.add_many([(r, "m") for r in records]))  # again: nothing new
    assert_summaries_agree(database)


def test_concurrent_writers_count_every_article_once(database: str, records: list[Extraction]) -> None:
    copies = [copy_of(records[n % 2], id=f"copy-{n}", url=f"https://example.org/{n}") for n in range(12)]

    def write(order: list[Extraction]) -> None:
        writer = Store(database)
        try:
            for start in range(0, len(order), 4):
                writer.add_many([(r, None) for r in order[start:start + 4]])
        finally:
            writer.close()

    both_ways(write, copies)
    assert len(_select(database, "select id from articles")) == len(copies)
    assert_summaries_agree(database)


def both_ways(write: Callable[[list[Extraction]], None], copies: list[Extraction]) -> None:
    """Two writers at once, in threads, one writing the copies in order and the other in reverse."""
    threads = [threading.Thread(target=write, args=(copies,)), threading.Thread(target=write, args=(copies[::-1],))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_pages_read_from_summaries_answer_as_the_facts_do(store: Store, database: str,
                                                          records: list[Extraction]) -> None:
    store.add_many([(r, None) for r in records])
    profile = store.actor_profile("venezuela")
    assert profile["aliases"] == sorted({row[0] for row in _select(
        database, "select text from mentions where entity = 'venezuela'")})
    assert profile["articles"] == 3
    actors = store.actor_table(include_locations=True)
    assert [(a["id"], a["articles"], a["mentions"]) for a in actors][:1] == [("venezuela", 3, profile["mention_count"])]
    quotes = store.quotes(about="venezuela")
    assert quotes and all(any(row[0] == "venezuela" for row in _select(
        database, f"select entity from mentions where article = {q['article_key']} and start >= {q['content_start']} "
                  f"and \"end\" <= {q['content_end']}")) for q in quotes)
    assert store.quotes(about="venezuela", limit=1, offset=1) == quotes[1:2]


def test_an_event_quantity_goes_through_the_bulk_path_as_json(store: Store, records: list[Extraction]) -> None:
    from newsgraph.record import Event, Quantity, Span

    record = copy_of(records[0], id="counted", url="https://example.org/counted")
    record.events = [Event(type="ASSAULT", source="venezuela", target=None, trigger=Span("moved", 0, 5), sentence=0,
                           quantity=Quantity(value=12.0, unit="troops", text="12 troops"))]
    key = store.add(record).article_key
    expected = {"value": 12.0, "qualifier": None, "unit": "troops", "text": "12 troops"}
    assert [row["quantity"] for row in store.events()] == [expected]
    assert [row["quantity"] for row in store.article(key)["events"]] == [expected]
