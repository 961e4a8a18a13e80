"""The store: the SQL schema (SQLAlchemy Core) and every statement that reads or writes it.

Nothing else in newsgraph knows SQL (dbengine.py holds what differs between SQLite and PostgreSQL,
dbvalues.py what both accept, dburl.py how a database is named and shown). SQLite by default (one
file), PostgreSQL through psycopg 3; the same schema and queries, the same answers, on both. Each
article is written in one transaction, keyed by its content hash, so ingest is idempotent, an
interrupted ingest resumes where it stopped, and two ingests at once store every article once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
)

from newsgraph.dbengine import ensure_schema, insert_new, open_engine, retrying
from newsgraph.dburl import DEFAULT_DB, database_url, shown_url
from newsgraph.dbvalues import RecordRejected, storable_rows
from newsgraph.record import Extraction

__all__ = ["DEFAULT_DB", "RecordRejected", "Store", "StoreResult", "database_url", "metadata"]

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("article_id", String(300), nullable=False, index=True),
    Column("title", Text), Column("published", String(10), index=True), Column("outlet", String(300)),
    Column("url", Text), Column("language", String(10)), Column("source_path", Text),
    Column("text", Text, nullable=False),
    Column("model", String(100)),
)
sentences = Table(
    "sentences", metadata,
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),  # knowledge-base id, or a slug of the name
    Column("name", Text, nullable=False), Column("type", String(40), nullable=False, index=True),
    Column("country", String(2)), Column("kb", Boolean, nullable=False), Column("role", Text),
)
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity", String(200), ForeignKey("entities.id"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity", "article"),
)
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("type", String(20), nullable=False, index=True), Column("mode", String(40)),
    Column("source", String(200), index=True), Column("target", String(200), index=True),
    Column("source_text", Text), Column("target_text", Text),
    Column("trigger_text", Text), Column("trigger_start", Integer), Column("trigger_end", Integer),
    Column("status", String(20)), Column("attributed_to", String(200)), Column("negated", Boolean),
    Column("date_text", Text), Column("date_start", String(10), index=True), Column("date_end", String(10)),
    Column("quantity", JSON), Column("location", Text),
)
quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("speaker", String(200), index=True), Column("speaker_text", Text),
    Column("cue_text", Text), Column("cue_start", Integer), Column("cue_end", Integer),
    Column("content_text", Text), Column("content_start", Integer), Column("content_end", Integer),
    Column("direct", Boolean), Column("channel", String(200)),
)
relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("class", String(20), nullable=False), Column("type", String(40)),
    Column("source", String(200), nullable=False, index=True),
    Column("target", String(200), nullable=False, index=True),
    Column("evidence", Text),
)
claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("holder", String(200), index=True), Column("holder_text", Text), Column("cue", Text),
    Index("ix_claims_article", "article", "sentence"),
)
Index("ix_events_article", events.c.article)
Index("ix_quotes_article", quotes.c.article)
Index("ix_relations_article", relations.c.article)
Index("ix_mentions_article", mentions.c.article, mentions.c.sentence)


@dataclass
class StoreResult:
    stored: bool  # False when the article was already there
    article_key: int


class Store:
    def __init__(self, db: str | None = None, create: bool = True) -> None:
        url = database_url(db)
        self.url = shown_url(url)  # safe to print: the password, if any, is masked
        if url.get_backend_name() == "sqlite" and not create and url.database:
            path = Path(url.database)
            if not path.exists():
                raise FileNotFoundError(f"{path}: no such database (run `newsgraph ingest` first)")
        self.engine: Engine = open_engine(url)
        retrying(lambda: ensure_schema(self.engine, metadata))

    def close(self) -> None:
        self.engine.dispose()

    # --- writing -----------------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(hashes)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                rows = conn.execute(select(articles.c.content_hash).where(articles.c.content_hash.in_(chunk)))
                found.update(r[0] for r in rows)
        return found

    def has_article(self, content_hash: str) -> bool:
        return bool(self.known_hashes([content_hash]))

    def add(self, extraction: Extraction, model: str | None = None) -> StoreResult:
        """Store one extraction in one transaction; an article already stored, by this process or at the
        same moment by another, is left as it is. RecordRejected (nothing written) when a value does not
        fit its column."""
        rows = {table: storable_rows(table, table_rows) for table, table_rows in _rows(extraction, model).items()}
        return retrying(lambda: self._write(rows))

    def _write(self, rows: dict[Table, list[dict[str, Any]]]) -> StoreResult:
        [article] = rows[articles]
        with self.engine.begin() as conn:
            existing = _article_key(conn, article["content_hash"])
            if existing is not None:
                return StoreResult(False, existing)
            key = conn.execute(insert_new(conn, articles, ["content_hash"]).values(article)
                               .returning(articles.c.id)).scalar()
            if key is None:  # another process stored the same content since the look above
                return StoreResult(False, _article_key(conn, article["content_hash"]))
            known = set(conn.execute(select(entities.c.id).where(
                entities.c.id.in_([e["id"] for e in rows[entities]]))).scalars())
            # new entities in id order: two writers then claim shared ids in the same order, never in a
            # deadlock; one stored a moment ago by another writer is skipped
            new = sorted((e for e in rows[entities] if e["id"] not in known), key=lambda e: e["id"])
            if new:
                conn.execute(insert_new(conn, entities, ["id"]), new)
            for table in (sentences, mentions, events, quotes, relations, claims):
                if rows[table]:
                    conn.execute(table.insert(), [{**row, "article": key} for row in rows[table]])
        return StoreResult(True, key)

    # --- reading -----------------------------------------------------------------------------
    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.article_id).order_by(articles.c.id)).scalars())

    def actor_table(self, limit: int | None = None, actor_type: str | None = None,
                    include_locations: bool = False) -> list[dict[str, Any]]:
        """Actors with how many articles and mentions name them, most articles first."""
        query = (
            select(entities.c.id, entities.c.name, entities.c.type, entities.c.country, entities.c.kb,
                   func.count(func.distinct(mentions.c.article)).label("articles"),
                   func.count(mentions.c.id).label("mentions"))
            .join(mentions, mentions.c.entity == entities.c.id)
            .group_by(entities.c.id)
            .order_by(func.count(func.distinct(mentions.c.article)).desc(), func.count(mentions.c.id).desc(),
                      entities.c.name, entities.c.id)
        )
        if actor_type:
            query = query.where(entities.c.type == actor_type)
        elif not include_locations:
            query = query.where(entities.c.type != "location")
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Entities whose id, name or a mention text equals the query (case-blind), best first."""
        needle = name.strip().casefold()
        with self.engine.connect() as conn:
            by_name = conn.execute(select(entities).where(
                (func.lower(entities.c.name) == needle) | (func.lower(entities.c.id) == needle))).all()
            if by_name:
                return [dict(r._mapping) for r in by_name]
            by_mention = conn.execute(
                select(entities, func.count(mentions.c.id).label("n"))
                .join(mentions, mentions.c.entity == entities.c.id)
                .where(func.lower(mentions.c.text) == needle)
                .group_by(entities.c.id).order_by(func.count(mentions.c.id).desc(), entities.c.id)
            ).all()
            if by_mention:
                return [dict(r._mapping) for r in by_mention]
            like = conn.execute(select(entities).where(func.lower(entities.c.name).contains(needle, autoescape=True))
                                .order_by(entities.c.name).limit(20)).all()
            return [dict(r._mapping) for r in like]

    def actor_profile(self, entity_id: str, mention_limit: int = 50) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
            if row is None:
                return None
            profile = dict(row._mapping)
            profile["aliases"] = sorted(set(conn.execute(
                select(mentions.c.text).where(mentions.c.entity == entity_id).distinct()).scalars()))
            profile["articles"] = conn.execute(select(func.count(func.distinct(mentions.c.article)))
                                               .where(mentions.c.entity == entity_id)).scalar_one()
            profile["mention_count"] = conn.execute(select(func.count()).select_from(mentions)
                                                    .where(mentions.c.entity == entity_id)).scalar_one()
            rows = conn.execute(
                select(mentions.c.text, mentions.c.start, mentions.c.end, mentions.c.sentence,
                       articles.c.id.label("article_key"), articles.c.article_id, articles.c.title,
                       articles.c.published, sentences.c.text.label("sentence_text"))
                .join(articles, articles.c.id == mentions.c.article)
                .join(sentences, (sentences.c.article == mentions.c.article)
                      & (sentences.c.idx == mentions.c.sentence))
                .where(mentions.c.entity == entity_id)
                .order_by(newest_first(articles.c.published), articles.c.id, mentions.c.start, mentions.c.id)
                .limit(mention_limit)
            ).all()
            profile["mentions"] = [dict(r._mapping) for r in rows]
            return profile


    def quotes(self, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, newest first: by a speaker (entity id), about an actor (an entity id named inside
        the quoted content), published since/until a date; each with its sentence."""
        speaker_entity = entities.alias("speaker_entity")
        channel_entity = entities.alias("channel_entity")
        query = (
            select(quotes.c.id, quotes.c.speaker, quotes.c.speaker_text, quotes.c.cue_text,
                   quotes.c.content_text, quotes.c.content_start, quotes.c.content_end, quotes.c.direct,
                   quotes.c.channel, quotes.c.sentence,
                   speaker_entity.c.name.label("speaker_name"), channel_entity.c.name.label("channel_name"),
                   articles.c.id.label("article_key"), articles.c.article_id, articles.c.title, articles.c.published,
                   sentences.c.text.label("sentence_text"))
            .join(articles, articles.c.id == quotes.c.article)
            .join(sentences, (sentences.c.article == quotes.c.article) & (sentences.c.idx == quotes.c.sentence))
            .outerjoin(speaker_entity, speaker_entity.c.id == quotes.c.speaker)
            .outerjoin(channel_entity, channel_entity.c.id == quotes.c.channel)
            .order_by(newest_first(articles.c.published), articles.c.id, quotes.c.content_start, quotes.c.id)
        )
        if speaker:
            query = query.where(quotes.c.speaker == speaker)
        if about:
            inside = (select(mentions.c.id)
                      .where(mentions.c.article == quotes.c.article, mentions.c.entity == about,
                             mentions.c.start >= quotes.c.content_start, mentions.c.end <= quotes.c.content_end)
                      .exists())
            query = query.where(inside)
        return self._rows(_published_between(query, since, until), limit, offset)

    def events(self, source: str | None = None, target: str | None = None, event_type: str | None = None,
               since: str | None = None, until: str | None = None, actor: str | None = None,
               limit: int | None = 100, offset: int = 0, status: str | None = None) -> list[dict[str, Any]]:
        """Coded events, newest first, each with its sentence. Dates filter on the event's own date
        interval when it has one, else on the article's publication date."""
        source_entity, target_entity = entities.alias("source_entity"), entities.alias("target_entity")
        day = func.coalesce(events.c.date_start, articles.c.published)
        query = (
            select(events.c.id, events.c.type, events.c.mode, events.c.source, events.c.target,
                   events.c.source_text, events.c.target_text, events.c.trigger_text, events.c.trigger_start,
                   events.c.status, events.c.attributed_to, events.c.negated, events.c.date_text,
                   events.c.date_start, events.c.date_end, events.c.quantity, events.c.location, events.c.sentence,
                   source_entity.c.name.label("source_name"), target_entity.c.name.label("target_name"),
                   articles.c.id.label("article_key"), articles.c.article_id, articles.c.title, articles.c.published,
                   sentences.c.text.label("sentence_text"))
            .join(articles, articles.c.id == events.c.article)
            .join(sentences, (sentences.c.article == events.c.article) & (sentences.c.idx == events.c.sentence))
            .outerjoin(source_entity, source_entity.c.id == events.c.source)
            .outerjoin(target_entity, target_entity.c.id == events.c.target)
            .order_by(newest_first(day), articles.c.id, events.c.trigger_start, events.c.id)
        )
        if source:
            query = query.where(events.c.source == source)
        if target:
            query = query.where(events.c.target == target)
        if actor:
            query = query.where((events.c.source == actor) | (events.c.target == actor))
        if event_type:
            query = query.where(events.c.type == event_type.upper())
        if since:
            query = query.where(func.coalesce(events.c.date_end, articles.c.published) >= since)
        if until:
            query = query.where(day <= until)
        if status:
            query = query.where(events.c.status == status)
        if limit:
            query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def ties(self, entity_id: str, limit: int | None = 200) -> list[dict[str, Any]]:
        """Standing ties of an actor in either direction, each with the sentence that shows it."""
        source_entity, target_entity = entities.alias("source_entity"), entities.alias("target_entity")
        query = (
            select(relations.c["class"].label("cls"), relations.c.type, relations.c.source, relations.c.target,
                   relations.c.sentence, source_entity.c.name.label("source_name"),
                   target_entity.c.name.label("target_name"), articles.c.id.label("article_key"),
                   articles.c.article_id, articles.c.published, sentences.c.text.label("sentence_text"))
            .join(articles, articles.c.id == relations.c.article)
            .join(sentences, (sentences.c.article == relations.c.article)
                  & (sentences.c.idx == relations.c.sentence))
            .outerjoin(source_entity, source_entity.c.id == relations.c.source)
            .outerjoin(target_entity, target_entity.c.id == relations.c.target)
            .where((relations.c.source == entity_id) | (relations.c.target == entity_id))
            .order_by(relations.c["class"], newest_first(articles.c.published), relations.c.id)
        )
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


    def _rows(self, query: Any, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        if limit:
            query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # --- reading for the web face --------------------------------------------------------------
    def search_entities(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors whose name or a mention contains the text, names starting with it first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        mention_count = func.count(mentions.c.id).label("mentions")
        query = (select(entities.c.id, entities.c.name, entities.c.type, entities.c.country, mention_count)
                 .join(mentions, mentions.c.entity == entities.c.id)
                 .where(func.lower(entities.c.name).contains(needle, autoescape=True)
                        | func.lower(mentions.c.text).contains(needle, autoescape=True))
                 .group_by(entities.c.id)
                 .order_by(func.lower(entities.c.name).startswith(needle, autoescape=True).desc(),
                           mention_count.desc(), entities.c.id)
                 .limit(limit))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def article(self, key: int) -> dict[str, Any] | None:
        """One article with its sentences and everything extracted from it."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == key)).first()
            if row is None:
                return None
            found = dict(row._mapping)
            found["sentences"] = [dict(r._mapping) for r in conn.execute(
                select(sentences.c.idx, sentences.c.start, sentences.c.end, sentences.c.text)
                .where(sentences.c.article == key).order_by(sentences.c.idx))]
            found["mentions"] = [dict(r._mapping) for r in conn.execute(
                select(mentions.c.entity, mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.sentence,
                       entities.c.name, entities.c.type)
                .join(entities, entities.c.id == mentions.c.entity)
                .where(mentions.c.article == key).order_by(mentions.c.start))]
            for name, table, order in (("events", events, events.c.trigger_start),
                                       ("quotes", quotes, quotes.c.content_start),
                                       ("relations", relations, relations.c.sentence),
                                       ("claims", claims, claims.c.sentence)):
                found[name] = [dict(r._mapping) for r in conn.execute(
                    select(table).where(table.c.article == key).order_by(order, table.c.id))]
            return found

    def claims(self, status: str | None = None, holder: str | None = None, about: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Claims with their sentence: by status, by holder (entity id), about an actor (named in the
        sentence), published since/until."""
        holder_entity = entities.alias("holder_entity")
        query = (
            select(claims.c.id, claims.c.status, claims.c.holder, claims.c.holder_text, claims.c.cue,
                   claims.c.sentence, holder_entity.c.name.label("holder_name"), articles.c.id.label("article_key"),
                   articles.c.article_id, articles.c.title, articles.c.published,
                   sentences.c.text.label("sentence_text"))
            .join(articles, articles.c.id == claims.c.article)
            .join(sentences, (sentences.c.article == claims.c.article) & (sentences.c.idx == claims.c.sentence))
            .outerjoin(holder_entity, holder_entity.c.id == claims.c.holder)
            .order_by(newest_first(articles.c.published), articles.c.id, claims.c.sentence, claims.c.id)
        )
        if status:
            query = query.where(claims.c.status == status)
        if holder:
            query = query.where(claims.c.holder == holder)
        if about:
            query = query.where(select(mentions.c.id).where(
                mentions.c.article == claims.c.article, mentions.c.sentence == claims.c.sentence,
                mentions.c.entity == about).exists())
        return self._rows(_published_between(query, since, until), limit, offset)

    def timeline(self, entity_id: str) -> list[dict[str, Any]]:
        """Events by or against an actor per month (by the event's date, else publication)."""
        month = func.substr(func.coalesce(events.c.date_start, articles.c.published), 1, 7).label("month")
        query = (select(month, events.c.type, func.count().label("count"))
                 .join(articles, articles.c.id == events.c.article)
                 .where((events.c.source == entity_id) | (events.c.target == entity_id))
                 .where(month.is_not(None))
                 .group_by(month, events.c.type).order_by(month))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def network(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 150) -> list[dict[str, Any]]:
        """Edges between actors: event counts per (source, target, type), for one actor's ego network
        or for all, within a date range; the heaviest edges first."""
        day = func.coalesce(events.c.date_start, articles.c.published)
        query = (select(events.c.source, events.c.target, events.c.type, func.count().label("count"))
                 .join(articles, articles.c.id == events.c.article)
                 .where(events.c.source.is_not(None), events.c.target.is_not(None))
                 .group_by(events.c.source, events.c.target, events.c.type)
                 .order_by(func.count().desc(), events.c.source, events.c.target, events.c.type).limit(limit))
        if actor:
            query = query.where((events.c.source == actor) | (events.c.target == actor))
        if since:  # as for the events list: an interval that reaches past `since` counts
            query = query.where(func.coalesce(events.c.date_end, articles.c.published) >= since)
        if until:
            query = query.where(day <= until)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def entity_names(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.country)
                                .where(entities.c.id.in_(wanted)))
            return {r.id: dict(r._mapping) for r in rows}


def _article_key(conn: Any, content_hash: str) -> int | None:
    return conn.execute(select(articles.c.id).where(articles.c.content_hash == content_hash)).scalar()


def _rows(extraction: Extraction, model: str | None) -> dict[Table, list[dict[str, Any]]]:
    """The rows one extraction becomes, per table; the article key is added when it is known."""
    article = extraction.article
    return {
        articles: [{
            "content_hash": article.content_hash, "article_id": article.id, "title": article.title,
            "published": article.published, "outlet": article.outlet, "url": article.url,
            "language": article.language, "source_path": article.source_path, "text": article.text, "model": model,
        }],
        sentences: [{"idx": s.index, "start": s.start, "end": s.end, "text": article.text[s.start:s.end]}
                    for s in extraction.sentences],
        entities: [{"id": e.id, "name": e.name, "type": e.type, "country": e.country, "kb": e.kb, "role": e.role}
                   for e in extraction.entities],
        mentions: [{"entity": e.id, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text}
                   for e in extraction.entities for m in e.mentions],
        events: [{
            "sentence": e.sentence, "type": e.type, "mode": e.mode, "source": e.source,
            "target": e.target, "source_text": e.source_text, "target_text": e.target_text,
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "status": e.status, "attributed_to": e.attributed_to, "negated": e.negated,
            "date_text": e.date.text if e.date else None, "date_start": e.date.start if e.date else None,
            "date_end": e.date.end if e.date else None,
            "quantity": vars(e.quantity) if e.quantity else None, "location": e.location,
        } for e in extraction.events],
        quotes: [{
            "sentence": q.sentence, "speaker": q.speaker, "speaker_text": q.speaker_text,
            "cue_text": q.cue.text, "cue_start": q.cue.start, "cue_end": q.cue.end,
            "content_text": q.content.text, "content_start": q.content.start, "content_end": q.content.end,
            "direct": q.direct, "channel": q.channel,
        } for q in extraction.quotes],
        relations: [{"sentence": r.sentence, "class": r.cls, "type": r.type, "source": r.source,
                     "target": r.target, "evidence": r.evidence} for r in extraction.relations],
        claims: [{"sentence": c.sentence, "status": c.status, "holder": c.holder,
                  "holder_text": c.holder_text, "cue": c.cue} for c in extraction.claims],
    }


def newest_first(column: Any) -> Any:
    """Descending, undated rows last: PostgreSQL puts NULLs first in a descending order, SQLite last,
    so the order is spelled out for both."""
    return column.desc().nulls_last()


def _published_between(query: Any, since: str | None, until: str | None) -> Any:
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    return query
