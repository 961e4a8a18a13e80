"""What an export holds: the rows of the store that the filters select, read once with SQLAlchemy.

Every format is written from one Selection, so `--actor`, `--since`, `--until` and `--type` mean the
same thing in all of them. Nothing here writes, and nothing is extracted again: the export shows what
the store holds. Filters:

- events: by actor (source or target), PLOVER type and date (the event's own interval when it has one,
  else the article's publication date; an interval that reaches into the range counts, as in `events`);
- ties, quotes and claims: by actor (either end of a tie, the speaker, the holder) and publication date;
  they are not events, so with `--type` the export holds none of them (a Gephi file of ASSAULT events
  shows only those);
- articles: those that evidence a selected item, and without --actor or --type every article published
  in the range, so that the actor table counts the mentions of all of them;
- actors: without --actor, every actor mentioned in the selected articles; with it, the actor and
  those at the other end of its events and ties. Places are kept only when a tie points at them.
  The graph formats leave out media that the store holds in no event, tie or quote (only cited as a
  channel: "told Radio Ruritania") unless `channels` asks for them (`channel_only`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from newsgraph.dbschema import story_events, story_reports
from newsgraph.store import (
    SENTENCE_TEXT,
    actor_stats,
    articles,
    claims,
    entities,
    events,
    mentions,
    quotes,
    relations,
    sentences,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class Filters:
    actor: str | None = None  # an entity id (the command line resolves a name to it)
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    event_type: str | None = None  # a PLOVER type, upper case
    channels: bool = False  # graphs keep media only cited as a channel


@dataclass
class Selection:
    articles: dict[int, Row]  # article key -> article row (without its text unless asked)
    actors: dict[str, Row]  # entity id -> entity row with aliases, mentions, articles (counted in the selection)
    events: list[Row]
    ties: list[Row]
    quotes: list[Row]
    claims: list[Row]
    # (entity id, article key) -> mentions of the actor in that article: the evidence of an actor
    mentioned_in: dict[tuple[str, int], int] = field(default_factory=dict)
    # media of the selection that take part in no stored event, tie or quote: no node of a graph
    channel_only: set[str] = field(default_factory=set)

    def actor(self, entity_id: str | None) -> Row | None:
        return self.actors.get(entity_id) if entity_id else None


def select_rows(engine: Engine, filters: Filters, with_text: bool = False) -> Selection:
    """The rows the filters select; `with_text` also reads each article's full text."""
    with engine.connect() as conn:
        event_rows = _rows(conn, _events_query(filters))
        others = not filters.event_type
        tie_rows = _rows(conn, _ties_query(filters)) if others else []
        quote_rows = _rows(conn, _quotes_query(filters)) if others else []
        claim_rows = _rows(conn, _claims_query(filters)) if others else []
        keys = {row["article_key"] for rows in (event_rows, tie_rows, quote_rows, claim_rows) for row in rows}
        if not (filters.actor or filters.event_type):
            keys |= set(conn.execute(_published_between(select(articles.c.id), filters)).scalars())
        article_rows = _articles(conn, keys, with_text)
        counts = _mention_counts(conn, keys)
        wanted = _wanted_actors(filters, counts, event_rows, tie_rows, quote_rows, claim_rows)
        actors = _actors(conn, wanted, counts, tie_rows)
        channel_only = set() if filters.channels else _channel_only(conn, actors)
    return Selection(article_rows, actors, event_rows, tie_rows, quote_rows, claim_rows,
                     {(entity, key): n for (entity, key), n in counts.items() if entity in actors}, channel_only)


def _rows(conn: Any, query: Any) -> list[Row]:
    return [dict(r._mapping) for r in conn.execute(query)]


def _sentence_join(query: Any, table: Any) -> Any:
    return (query.join(articles, articles.c.id == table.c.article)
            .join(sentences, (sentences.c.article == table.c.article) & (sentences.c.idx == table.c.sentence)))


def _article_columns() -> list[Any]:
    return [articles.c.id.label("article_key"), articles.c.article_id, articles.c.title, articles.c.published,
            articles.c.outlet, articles.c.url,
            SENTENCE_TEXT.label("sentence_text"),  # sentences keep offsets only
            sentences.c.start.label("sentence_start"), sentences.c.end.label("sentence_end")]


def _events_query(filters: Filters) -> Any:
    day = func.coalesce(events.c.date_start, articles.c.published)
    story = (story_reports.c.story.label("story_id"), story_events.c.reports.label("story_articles"),
             story_events.c.outlets.label("story_outlets"))
    query = (_sentence_join(select(events, *_article_columns(), *story), events)
             .outerjoin(story_reports, story_reports.c.event == events.c.id)
             .outerjoin(story_events, story_events.c.id == story_reports.c.story)
             .order_by(articles.c.id, events.c.id))
    if filters.actor:
        query = query.where((events.c.source == filters.actor) | (events.c.target == filters.actor))
    if filters.event_type:
        query = query.where(events.c.type == filters.event_type)
    if filters.since:  # an interval that reaches past `since` counts, as in `newsgraph events`
        query = query.where(func.coalesce(events.c.date_end, articles.c.published) >= filters.since)
    if filters.until:
        query = query.where(day <= filters.until)
    return query


def _ties_query(filters: Filters) -> Any:
    query = (_sentence_join(select(relations.c.id, relations.c.sentence, relations.c["class"].label("cls"),
                                   relations.c.type, relations.c.source, relations.c.target, relations.c.evidence,
                                   *_article_columns()), relations)
             .order_by(articles.c.id, relations.c.id))
    if filters.actor:
        query = query.where((relations.c.source == filters.actor) | (relations.c.target == filters.actor))
    return _published_between(query, filters)


def _quotes_query(filters: Filters) -> Any:
    query = _sentence_join(select(quotes, *_article_columns()), quotes).order_by(articles.c.id, quotes.c.id)
    if filters.actor:
        query = query.where(quotes.c.speaker == filters.actor)
    return _published_between(query, filters)


def _claims_query(filters: Filters) -> Any:
    query = _sentence_join(select(claims, *_article_columns()), claims).order_by(articles.c.id, claims.c.id)
    if filters.actor:
        query = query.where(claims.c.holder == filters.actor)
    return _published_between(query, filters)


def _published_between(query: Any, filters: Filters) -> Any:
    if filters.since:
        query = query.where(articles.c.published >= filters.since)
    if filters.until:
        query = query.where(articles.c.published <= filters.until)
    return query


def _chunks(keys: set[Any], size: int = 500) -> list[list[Any]]:
    # bounded IN lists: SQLite refuses more than a few thousand parameters in one statement
    ordered = sorted(keys)
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]


def _articles(conn: Any, keys: set[int], with_text: bool) -> dict[int, Row]:
    columns = [c for c in articles.c if with_text or c.name != "text"]
    found: dict[int, Row] = {}
    for chunk in _chunks(keys):
        for row in conn.execute(select(*columns).where(articles.c.id.in_(chunk)).order_by(articles.c.id)):
            found[row.id] = dict(row._mapping)
    return dict(sorted(found.items()))


def _mention_counts(conn: Any, keys: set[int]) -> dict[tuple[str, int], int]:
    counts: dict[tuple[str, int], int] = {}
    for chunk in _chunks(keys):
        query = (select(mentions.c.entity, mentions.c.article, func.count().label("n"))
                 .where(mentions.c.article.in_(chunk)).group_by(mentions.c.entity, mentions.c.article))
        counts.update({(r.entity, r.article): r.n for r in conn.execute(query)})
    return counts


def _wanted_actors(filters: Filters, counts: dict[tuple[str, int], int], *tables: list[Row]) -> set[str]:
    ends = {row.get(key) for rows in tables for row in rows
            for key in ("source", "target", "speaker", "holder", "attributed_to", "channel")}
    ends.discard(None)
    if filters.actor or filters.event_type:
        return ends | ({filters.actor} if filters.actor else set())
    return ends | {entity for entity, _ in counts}


def _actors(conn: Any, wanted: set[str], counts: dict[tuple[str, int], int], ties: list[Row]) -> dict[str, Row]:
    tie_ends = {row[key] for row in ties for key in ("source", "target")}
    per_actor: dict[str, list[int]] = defaultdict(list)
    for (entity, _key), n in counts.items():
        per_actor[entity].append(n)
    found: dict[str, Row] = {}
    for chunk in _chunks(wanted):
        for row in conn.execute(select(entities).where(entities.c.id.in_(chunk))):
            if row.type == "location" and row.id not in tie_ends:
                continue
            found[row.id] = {**row._mapping, "mentions": sum(per_actor[row.id]), "articles": len(per_actor[row.id]),
                             "aliases": []}
        aliases = (select(mentions.c.entity, mentions.c.text).where(mentions.c.entity.in_(chunk))
                   .distinct().order_by(mentions.c.entity, mentions.c.text))
        for row in conn.execute(aliases):
            if row.entity in found and row.text != found[row.entity]["name"]:
                found[row.entity]["aliases"].append(row.text)
    return dict(sorted(found.items()))


def _channel_only(conn: Any, actors: dict[str, Row]) -> set[str]:
    media = {entity_id for entity_id, row in actors.items() if row["type"] == "media"}
    found: set[str] = set()
    for chunk in _chunks(media):
        found.update(conn.execute(select(actor_stats.c.entity).where(
            actor_stats.c.entity.in_(chunk), actor_stats.c.acts == 0)).scalars())
    return found
