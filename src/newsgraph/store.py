"""The store: every query, and the write path, over the schema of dbschema.py (SQLAlchemy Core).

Nothing else in newsgraph knows SQL (dbschema.py holds the tables, dbrows.py the rows an extraction
becomes, dbengine.py what differs between SQLite and PostgreSQL, dbvalues.py what both accept, dburl.py
how a database is named and shown). SQLite by default (one file), PostgreSQL through psycopg 3; the same
schema and queries, the same answers, on both. A batch of articles is written in one transaction, each
article keyed by its content hash, so ingest is idempotent, an interrupted ingest resumes where it
stopped, and two ingests at once store every article once. The summaries and stories of the articles
are counted in the same transaction, or, for a write that defers them (ingest), later and for many
articles at once by settle() (dbsettle.py). An actor page costs what the page shows, not
what the database holds: see dbschema.py for the indexes and summary tables that make it so.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, Table, and_, func, select, union_all
from sqlalchemy.exc import DataError

from newsgraph.dbengine import driver_rows, ensure_schema, insert_returning, insert_tuples, open_engine, retrying
from newsgraph.dbrecount import recount
from newsgraph.dbrows import (
    COLUMNS,
    FACT_TABLES,
    Row,
    Rows,
    batch_evidence,
    extraction_rows,
)
from newsgraph.dbschema import (
    actor_aliases,
    actor_months,
    actor_stats,
    articles,
    claims,
    claims_about,
    entities,
    events,
    mentions,
    metadata,
    quotes,
    quotes_about,
    relations,
    sentences,
    story_events,
    unsettled_articles,
)
from newsgraph.dbsettle import lock_unsettled, settle
from newsgraph.dburl import DEFAULT_DB, database_url, shown_url
from newsgraph.dbvalues import RecordRejected, storable_batch
from newsgraph.limits import SETTLE_EVERY
from newsgraph.record import Extraction
from newsgraph.resolve.actors import (
    Changes,
    canonical_map,
    canonical_of,
    group_of,
    members,
    merge,
    merges,
    resolve_all,
    resolve_new,
    split,
    splits,
)
from newsgraph.resolve.claims import claim_groups
from newsgraph.resolve.dyads import dyad_weeks
from newsgraph.resolve.storystore import edge_query, rebuild_stories, report_query, story_query

__all__ = ["DEFAULT_DB", "SENTENCE_TEXT", "RecordRejected", "Store", "StoreResult", "database_url", "metadata"]

# The sentence of a fact is read as its offsets and its article's text, and sliced here (_sliced):
# the text is stored once, in articles.
SENTENCE_SPAN = (articles.c.text.label("_text"), sentences.c.start.label("_start"), sentences.c.end.label("_end"))
# The same slice in SQL, for readers that select facts with their sentence in one query (exports, the
# chart): SQL counts characters from 1; SQLite and PostgreSQL both count characters, as Python does.
SENTENCE_TEXT = func.substr(articles.c.text, sentences.c.start + 1, sentences.c.end - sentences.c.start)
# An outlet the stored texts only cite as a channel ("according to Radio Ruritania"), never an actor of
# an event, a tie or a quote: not listed among actors unless asked (it reads actor_stats, kept at ingest).
ONLY_A_CHANNEL = and_(entities.c.type == "media", actor_stats.c.acts == 0)


@dataclass
class StoreResult:
    stored: bool  # False when the article was already there
    article_key: int


class Store:
    def __init__(self, db: str | None = None, create: bool = True, stories: bool = True,
                 resolve_actors: bool = True) -> None:
        """stories: group events into story events at ingest; resolve_actors: merge the new entities of
        each write with the actors they name (either off only to measure what it costs)."""
        self.resolve_actors = resolve_actors
        url = database_url(db)
        self.stories = stories  # group events into story events at ingest (off: only to measure its cost)
        self.url = shown_url(url)  # safe to print: the password, if any, is masked
        if url.get_backend_name() == "sqlite" and not create and url.database:
            path = Path(url.database)
            if not path.exists():
                raise FileNotFoundError(f"{path}: no such database (run `newsgraph ingest` first)")
        self.engine: Engine = open_engine(url)
        retrying(lambda: ensure_schema(self.engine, metadata))
        self._deferred = 0  # articles this store has listed unsettled since it last settled

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
        [rows] = _prepared([(extraction, model)])
        if isinstance(rows, RecordRejected):
            raise rows
        [result] = retrying(lambda: self._write([(0, rows)], defer=False))
        return result

    def add_many(self, records: Iterable[tuple[Extraction, str | None]], defer: bool = False
                 ) -> list[StoreResult | RecordRejected | DataError]:
        """Store a batch of (extraction, model) in one transaction, as add() would one by one: the result
        of each in order, a refused one as its error. Should the server refuse a value the checks let
        through (a DataError), the batch is stored article by article so that only that one is lost.
        defer: the summaries and stories of these articles are counted later, with those of other
        batches (settle(), which runs by itself once SETTLE_EVERY articles wait): a load of many batches
        calls settle() when it ends. Until then they are listed as unsettled, in the database, so a load
        that is killed leaves them to the next settle."""
        pending = list(records)
        with _collector_paused():
            results = self._add_batch(pending, defer)  # its rows are let go before the collector runs again
        if defer:
            self._deferred += sum(1 for result in results if isinstance(result, StoreResult) and result.stored)
            if self._deferred >= SETTLE_EVERY:
                self.settle()
        return results

    def settle(self) -> int:
        """Count the summaries and stories of every article listed as unsettled (by this process's
        deferred writes, or by another's, perhaps killed before it settled), SETTLE_EVERY articles per
        transaction; the number of articles counted."""
        total = 0
        with _collector_paused():  # a settle makes a few objects per event and per story, none in a cycle
            while True:
                counted = retrying(self._settle_some)
                total += counted
                if counted < SETTLE_EVERY:
                    self._deferred = 0
                    return total

    def _settle_some(self) -> int:
        with self.engine.begin() as conn:
            lock_unsettled(conn)
            return settle(conn, self.stories, SETTLE_EVERY)

    def _add_batch(self, pending: list[tuple[Extraction, str | None]], defer: bool
                   ) -> list[StoreResult | RecordRejected | DataError]:
        checked = _prepared(pending)
        batch = [(index, rows) for index, rows in enumerate(checked) if not isinstance(rows, RecordRejected)]
        try:
            results = iter(retrying(lambda: self._write(batch, defer)))
        except DataError:
            return [rows if isinstance(rows, RecordRejected) else self._add_alone(*pending[index])
                    for index, rows in enumerate(checked)]
        return [rows if isinstance(rows, RecordRejected) else next(results) for rows in checked]

    def _add_alone(self, extraction: Extraction, model: str | None) -> StoreResult | DataError:
        try:
            return self.add(extraction, model)
        except DataError as error:
            return error

    def _write(self, batch: list[tuple[int, Rows]], defer: bool) -> list[StoreResult]:
        """One transaction: the batch's new articles (each with its place in the batch), then their
        entities and the resolution of the new ones, their facts, each table in one executemany, and the
        articles listed as unsettled; then, unless deferred, what is derived from their facts (the links
        of quotes and claims to actors, the summaries, the stories) counted (dbsettle.py)."""
        if not batch:
            return []
        with self.engine.begin() as conn:
            if not defer:  # the list locked first, as every settle does: no two writers hold what the other awaits
                lock_unsettled(conn)
            results, stored = _insert_articles(conn, batch)
            if not stored:
                return results
            new_entities = _insert_entities(conn, [rows for _, _, rows in stored])
            changes = Changes()
            if self.resolve_actors and new_entities:  # the evidence is for deciding new entities
                changes = resolve_new(conn, new_entities, batch_evidence(rows for _, _, rows in stored))
            # the rows hold their article's place; usually the keys follow the places (key = place + offset)
            # and the database adds the offset, else each row is made again with its key
            offsets = {key - place for place, key, _ in stored}
            keys = None if len(offsets) == 1 else {place: key for place, key, _ in stored}
            for table in FACT_TABLES:
                table_rows = list(chain.from_iterable(rows[table] for _, _, rows in stored))
                if keys is None:
                    insert_tuples(conn, table, COLUMNS[table], table_rows, offset=next(iter(offsets)))
                else:
                    insert_tuples(conn, table, COLUMNS[table], [(keys[row[0]], *row[1:]) for row in table_rows])
            insert_tuples(conn, unsettled_articles, ("article",), [(key,) for _, key, _ in stored])
            if changes or not defer:
                # the summaries of actors whose canonical entity changed are counted again from all their
                # facts (recount): every listed article is counted first, so none is counted twice
                if defer:
                    lock_unsettled(conn)
                settle(conn, self.stories)
            recount(conn, changes)
        return results

    # --- reading -----------------------------------------------------------------------------
    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.article_id).order_by(articles.c.id)).scalars())

    def actor_table(self, limit: int | None = None, actor_type: str | None = None,
                    include_locations: bool = False, include_channels: bool = False) -> list[dict[str, Any]]:
        """Actors with how many articles and mentions name them, most articles first. Media that take
        part in no event, tie or quote (only cited: "told Radio Ruritania") are left out unless asked."""
        query = (
            select(entities.c.id, entities.c.name, entities.c.type, entities.c.country, entities.c.kb,
                   actor_stats.c.articles, actor_stats.c.mentions)
            .join(actor_stats, actor_stats.c.entity == entities.c.id)
            .order_by(actor_stats.c.articles.desc(), actor_stats.c.mentions.desc(), entities.c.name, entities.c.id)
        )
        if actor_type:
            query = query.where(entities.c.type == actor_type)
        elif not include_locations:
            query = query.where(entities.c.type != "location")
        if not include_channels:
            query = query.where(~ONLY_A_CHANNEL)
        if limit:
            query = query.limit(limit)
        return self._all(query)

    def find_entities(self, name: str) -> list[dict[str, Any]]:
        """Actors whose id, name or a mention text equals the query (case-blind), best first; an entity
        merged into another is found as the actor it was merged into, once."""
        with self.engine.connect() as conn:
            found = self._matching_entities(conn, name)
            heads = canonical_map(conn, [row["id"] for row in found])
            if not heads:
                return found
            rows = {r.id: dict(r._mapping) for r in conn.execute(
                select(entities).where(entities.c.id.in_(list(set(heads.values())))))}
        actors: dict[str, dict[str, Any]] = {}  # in the order found, each actor once
        for row in found:
            actor = rows.get(heads[row["id"]], row) if row["id"] in heads else row
            actors.setdefault(actor["id"], actor)
        return list(actors.values())

    def entities_named(self, name: str) -> list[dict[str, Any]]:
        """The entities themselves (merged or not) whose id or name is the text (case-blind)."""
        needle = name.strip().casefold()
        return self._all(select(entities).where((func.lower(entities.c.name) == needle)
                                                | (func.lower(entities.c.id) == needle)).order_by(entities.c.id))

    def _matching_entities(self, conn: Any, name: str) -> list[dict[str, Any]]:
        needle = name.strip().casefold()
        by_name = conn.execute(select(entities).where(
            (func.lower(entities.c.name) == needle) | (func.lower(entities.c.id) == needle))).all()
        if by_name:
            return [dict(r._mapping) for r in by_name]
        named = func.sum(actor_aliases.c.mentions)
        by_mention = conn.execute(
            select(entities, named.label("n"))
            .join(actor_aliases, actor_aliases.c.entity == entities.c.id)
            .where(func.lower(actor_aliases.c.text) == needle)
            .group_by(entities.c.id).order_by(named.desc(), entities.c.id)
        ).all()
        if by_mention:
            return [dict(r._mapping) for r in by_mention]
        like = conn.execute(select(entities).where(func.lower(entities.c.name).contains(needle, autoescape=True))
                            .order_by(entities.c.name).limit(20)).all()
        return [dict(r._mapping) for r in like]

    def actor_profile(self, entity_id: str, mention_limit: int = 50) -> dict[str, Any] | None:
        """An actor (an entity merged into another shows the actor it was merged into): its aliases,
        counts, the entities merged into it, and its newest mentions, each with its sentence."""
        with self.engine.connect() as conn:
            entity_id = canonical_of(conn, entity_id)
            row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
            if row is None:
                return None
            profile = dict(row._mapping)
            group = members(conn, entity_id)
            profile["merged"] = merges(conn, entity_id)
            profile["aliases"] = sorted(conn.execute(
                select(actor_aliases.c.text).where(actor_aliases.c.entity == entity_id)).scalars())
            counts = conn.execute(select(actor_stats.c.articles, actor_stats.c.mentions)
                                  .where(actor_stats.c.entity == entity_id)).first()
            profile["articles"], profile["mention_count"] = counts if counts is not None else (0, 0)
            query = (
                select(mentions.c.text, mentions.c.start, mentions.c.end, mentions.c.sentence,
                       articles.c.id.label("article_key"), articles.c.article_id, articles.c.title,
                       articles.c.published, *SENTENCE_SPAN, mentions.c.day.label("_day"),
                       mentions.c.article.label("_article"), mentions.c.id.label("_id"))
                .join(articles, articles.c.id == mentions.c.article)
                .join(sentences, (sentences.c.article == mentions.c.article)
                      & (sentences.c.idx == mentions.c.sentence))
            )

            def order(columns: Any) -> list[Any]:
                return [columns._day.desc(), columns._article, columns.start, columns._id]

            page = _pages_of(query, [mentions.c.entity == member for member in group], order, mention_limit, 0)
            profile["mentions"] = _sliced(conn.execute(page.limit(mention_limit)).all())
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
                   *SENTENCE_SPAN)
            .join(articles, articles.c.id == quotes.c.article)
            .join(sentences, (sentences.c.article == quotes.c.article) & (sentences.c.idx == quotes.c.sentence))
            .outerjoin(speaker_entity, speaker_entity.c.id == quotes.c.speaker)
            .outerjoin(channel_entity, channel_entity.c.id == quotes.c.channel)
        )
        query = _newest_first(query, quotes, "content_start", quotes_about, self.canonical(about))
        if speaker:
            query = query.where(_one_of(quotes.c.speaker, self.group(speaker)))
        return self._rows(_published_between(query, since, until), limit, offset)

    def events(self, source: str | None = None, target: str | None = None, event_type: str | None = None,
               since: str | None = None, until: str | None = None, actor: str | None = None,
               limit: int | None = 100, offset: int = 0, status: str | None = None) -> list[dict[str, Any]]:
        """Coded events, newest first, each with its sentence. Dates filter on the event's own date
        interval when it has one, else on the article's publication date."""
        source_entity, target_entity = entities.alias("source_entity"), entities.alias("target_entity")
        query = (
            select(events.c.id, events.c.type, events.c.mode, events.c.source, events.c.target,
                   events.c.source_text, events.c.target_text, events.c.trigger_text, events.c.trigger_start,
                   events.c.status, events.c.attributed_to, events.c.negated, events.c.date_text,
                   events.c.date_start, events.c.date_end, events.c.quantity, events.c.location, events.c.sentence,
                   source_entity.c.name.label("source_name"), target_entity.c.name.label("target_name"),
                   articles.c.id.label("article_key"), articles.c.article_id, articles.c.title, articles.c.published,
                   *SENTENCE_SPAN, events.c.day.label("_day"), events.c.article.label("_article"))
            .join(articles, articles.c.id == events.c.article)
            .join(sentences, (sentences.c.article == events.c.article) & (sentences.c.idx == events.c.sentence))
            .outerjoin(source_entity, source_entity.c.id == events.c.source)
            .outerjoin(target_entity, target_entity.c.id == events.c.target)
        )
        if source:
            query = query.where(_one_of(events.c.source, self.group(source)))
        if target:
            query = query.where(_one_of(events.c.target, self.group(target)))
        if event_type:
            query = query.where(events.c.type == event_type.upper())
        if since:
            query = query.where(func.coalesce(events.c.date_end, articles.c.published) >= since)
        if until:
            query = query.where(func.coalesce(events.c.date_start, articles.c.published) <= until)
        if status:
            query = query.where(events.c.status == status)

        def order(columns: Any) -> list[Any]:
            return [columns._day.desc(), columns._article, columns.trigger_start, columns.id]

        if actor:
            return self._as_canonical(self._either_end(query, events.c.source, events.c.target, self.group(actor),
                                                       order, limit, offset))
        return self._as_canonical(self._rows(query.order_by(*order(query.selected_columns)), limit, offset))

    def story_events(self, source: str | None = None, target: str | None = None, event_type: str | None = None,
                     since: str | None = None, until: str | None = None, actor: str | None = None,
                     between: tuple[str, str] | None = None, limit: int | None = 100, offset: int = 0,
                     with_reports: bool = False, status: str | None = None) -> list[dict[str, Any]]:
        """Story events (the reports of one happening across articles, resolve/stories.py), newest first;
        with_reports: each with its reports (article, outlet, sentence, status), earliest first."""
        if actor and not between:
            # each end through its own index, cut at the page's end, then merged (as _either_end does)
            page = limit + offset if limit else None
            by_id = {row["id"]: row for query in (story_query(actor, target, event_type, since, until, status=status),
                                                  story_query(source, actor, event_type, since, until, status=status))
                     for row in self._all(_paged(query, page, 0))}
            newest = sorted(by_id.values(), key=lambda row: (row["date_start"] or "", row["id"]), reverse=True)
            found = newest[offset:page]
        else:
            found = self._all(_paged(story_query(source, target, event_type, since, until, None, between, status),
                                     limit, offset))
        if with_reports and found:
            reports = self.story_reports([row["id"] for row in found])
            for row in found:
                row["reports_list"] = reports.get(row["id"], [])
        return found

    def story(self, story_id: int) -> dict[str, Any] | None:
        """One story event with its reports."""
        [found] = self._all(story_query(story_id=story_id)) or [None]
        if found is not None:
            found["reports_list"] = self.story_reports([story_id]).get(story_id, [])
        return found

    def story_reports(self, story_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The reports of each story, earliest publication first, each with its sentence."""
        by_story: dict[int, list[dict[str, Any]]] = {}
        for row in self._rows(report_query(story_ids)):
            by_story.setdefault(row["story"], []).append(row)
        return by_story

    def claim_groups(self, contested: bool = False, about: str | None = None,
                     limit: int | None = 50) -> list[dict[str, Any]]:
        """Claims of one subject and predicate across articles: who states and who denies them
        (resolve/claims.py); contested: only those with both sides."""
        with self.engine.connect() as conn:
            return claim_groups(conn, contested, about, limit)

    def dyad(self, one: str, other: str) -> list[dict[str, Any]]:
        """Story events between two actors (either way) per week and PLOVER type, with the week's
        cooperation-conflict score (resolve/dyads.py), oldest week first."""
        stories = self._all(story_query(between=(one, other)))
        return [week.as_dict() for week in dyad_weeks(stories)]

    def rebuild_stories(self) -> int:
        """Group every stored event into story events again (after actor_key changed: a merge or split of
        actors), in one transaction; the number of story events."""
        retrying(lambda: self._rebuild_stories())
        return self.count_story_events()

    def _rebuild_stories(self) -> None:
        with self.engine.begin() as conn:
            self._settled(conn)
            rebuild_stories(conn)

    def count_story_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(story_events)).scalar_one()

    def ties(self, entity_id: str, limit: int | None = 200) -> list[dict[str, Any]]:
        """Standing ties of an actor in either direction, each with the sentence that shows it."""
        source_entity, target_entity = entities.alias("source_entity"), entities.alias("target_entity")
        query = (
            select(relations.c["class"].label("cls"), relations.c.type, relations.c.source, relations.c.target,
                   relations.c.sentence, source_entity.c.name.label("source_name"),
                   target_entity.c.name.label("target_name"), articles.c.id.label("article_key"),
                   articles.c.article_id, articles.c.published, *SENTENCE_SPAN,
                   relations.c.day.label("_day"), relations.c.id.label("_id"))
            .join(articles, articles.c.id == relations.c.article)
            .join(sentences, (sentences.c.article == relations.c.article)
                  & (sentences.c.idx == relations.c.sentence))
            .outerjoin(source_entity, source_entity.c.id == relations.c.source)
            .outerjoin(target_entity, target_entity.c.id == relations.c.target)
        )

        def order(columns: Any) -> list[Any]:
            return [columns.cls, columns._day.desc(), columns._id]

        return self._as_canonical(self._either_end(query, relations.c.source, relations.c.target,
                                                   self.group(entity_id), order, limit, 0))

    def _either_end(self, query: Select, source: Any, target: Any, group: list[str],
                    order: Any, limit: int | None, offset: int) -> list[dict[str, Any]]:
        """The rows where the actor (any entity of its group) is the source or the target, in `order`: each
        end of each entity read through its own index in page order and cut at the page's end, then
        merged. (`source = X OR target = X` would make the database gather and sort every row of the actor.)"""
        # "not already in the source halves" as an expression no index answers: spelt `source IS NULL OR
        # source != X`, it let SQLite read the source index for every row without a source
        elsewhere = func.coalesce(source, "").not_in(group)
        conditions = [source == member for member in group] + [and_(target == member, elsewhere) for member in group]
        return self._rows(_pages_of(query, conditions, order, limit, offset), limit, offset)

    # --- resolved actors -----------------------------------------------------------------------
    def canonical(self, entity_id: str | None) -> str | None:
        """The actor an entity was merged into (itself when it was not)."""
        if entity_id is None:
            return None
        with self.engine.connect() as conn:
            return canonical_of(conn, entity_id)

    def group(self, entity_id: str) -> list[str]:
        """The entities that are one actor with this one: its canonical entity first."""
        with self.engine.connect() as conn:
            return group_of(conn, entity_id)

    def _as_canonical(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows whose source and target name actors by their canonical entity, as the summaries do."""
        ends = {row[end] for row in rows for end in ("source", "target") if row.get(end)}
        if not ends:
            return rows
        with self.engine.connect() as conn:
            heads = canonical_map(conn, ends)
        if heads:
            for row in rows:
                for end in ("source", "target"):
                    if row.get(end) in heads:
                        row[end] = heads[row[end]]
        return rows

    def merge(self, keep: str, absorb: str) -> bool:
        """A user's merge: `absorb` (and whatever was merged into it) becomes `keep`'s actor; False when
        they already were one."""
        def run() -> bool:
            with self.engine.begin() as conn:
                self._settled(conn)
                changes = merge(conn, keep, absorb)
                recount(conn, changes)
                if changes and self.stories:
                    rebuild_stories(conn)  # reports of the merged actors may now be one happening
                return bool(changes)

        return retrying(run)

    def split(self, first: str, second: str) -> bool:
        """A user's split: the two are never one actor again; True when they had been merged."""
        def run() -> bool:
            with self.engine.begin() as conn:
                self._settled(conn)
                were_merged, changes = split(conn, first, second)
                recount(conn, changes)
                if changes and self.stories:
                    rebuild_stories(conn)
                return were_merged

        return retrying(run)

    def resolve_again(self) -> int:
        """Every automatic merge decided again (a user's kept); the number of actors recounted."""
        def run() -> int:
            with self.engine.begin() as conn:
                self._settled(conn)
                changes = resolve_all(conn)
                recount(conn, changes)
                return len(changes.canonicals)

        return retrying(run)

    def _settled(self, conn: Any) -> None:
        """Every listed article counted, first thing in a transaction that recounts actors or regroups
        stories from all the facts: an article counted there would otherwise be counted again when settled."""
        lock_unsettled(conn)
        settle(conn, self.stories)

    def merges(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return merges(conn)

    def splits(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return splits(conn)

    def _all(self, query: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def _rows(self, query: Any, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        if limit:
            query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return _sliced(conn.execute(query).all())

    # --- reading for the web face --------------------------------------------------------------
    def search_entities(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors whose name or a mention contains the text, names starting with it first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        mention_count = func.sum(actor_aliases.c.mentions).label("mentions")
        query = (select(entities.c.id, entities.c.name, entities.c.type, entities.c.country, mention_count)
                 .join(actor_aliases, actor_aliases.c.entity == entities.c.id)
                 .where(func.lower(entities.c.name).contains(needle, autoescape=True)
                        | func.lower(actor_aliases.c.text).contains(needle, autoescape=True))
                 .group_by(entities.c.id)
                 .order_by(func.lower(entities.c.name).startswith(needle, autoescape=True).desc(),
                           mention_count.desc(), entities.c.id)
                 .limit(limit))
        return self._all(query)

    def article(self, key: int) -> dict[str, Any] | None:
        """One article with its sentences and everything extracted from it."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == key)).first()
            if row is None:
                return None
            found = dict(row._mapping)
            found["sentences"] = [{**r._mapping, "text": found["text"][r.start:r.end]} for r in conn.execute(
                select(sentences.c.idx, sentences.c.start, sentences.c.end)
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
                # day and n only order pages: the article's date is said above, the rows are in order
                columns = [c for c in table.columns if c.name not in {"day", "n"}]
                found[name] = [dict(r._mapping) for r in conn.execute(
                    select(*columns).where(table.c.article == key).order_by(order, table.c.id))]
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
                   articles.c.article_id, articles.c.title, articles.c.published, *SENTENCE_SPAN)
            .join(articles, articles.c.id == claims.c.article)
            .join(sentences, (sentences.c.article == claims.c.article) & (sentences.c.idx == claims.c.sentence))
            .outerjoin(holder_entity, holder_entity.c.id == claims.c.holder)
        )
        query = _newest_first(query, claims, "sentence", claims_about, self.canonical(about))
        if status:
            query = query.where(claims.c.status == status)
        if holder:
            query = query.where(_one_of(claims.c.holder, self.group(holder)))
        return self._rows(_published_between(query, since, until), limit, offset)

    def timeline(self, entity_id: str) -> list[dict[str, Any]]:
        """Events by or against an actor per month (by the event's date, else publication) and type."""
        return self._all(select(actor_months.c.month, actor_months.c.type, actor_months.c["count"])
                         .where(actor_months.c.entity == self.canonical(entity_id))
                         .order_by(actor_months.c.month, actor_months.c.type))

    def network(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 150) -> list[dict[str, Any]]:
        """Edges between actors: story events (happenings, not reports) per (source, target, type), for one
        actor's ego network or for all, within a date range; the heaviest edges first, their ends the
        resolved actors. Without dates the counts are read from story_edges, kept at ingest; a date range
        counts the story events themselves."""
        group = self.group(actor) if actor else []
        edges = edge_query(since, until).subquery()
        query = select(edges)
        if actor:
            query = query.where(edges.c.source.in_(group) | edges.c.target.in_(group))
        return _counted_as_canonical(self._as_canonical(self._all(
            query.order_by(edges.c["count"].desc(), edges.c.source, edges.c.target, edges.c.type).limit(limit))))

    def entity_names(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.country)
                                .where(entities.c.id.in_(wanted)))
            return {r.id: dict(r._mapping) for r in rows}


def _one_of(column: Any, ids: list[str]) -> Any:
    return column == ids[0] if len(ids) == 1 else column.in_(ids)


def _pages_of(query: Select, conditions: list[Any], order: Any, limit: int | None, offset: int) -> Select:
    """The rows of `query` meeting any of the conditions, in `order`: each condition's rows read in page
    order and cut at the page's end, then merged (an OR or an IN would make the database gather and sort
    every matching row). The page itself is cut by the caller."""
    if len(conditions) == 1:
        [condition] = conditions
        one = query.where(condition)
        return one.order_by(*order(one.selected_columns))
    parts = []
    for condition in conditions:
        part = query.where(condition)
        part = part.order_by(*order(part.selected_columns))
        if limit:
            part = part.limit(limit + offset)
        parts.append(select(part.subquery()))
    merged = union_all(*parts).subquery()
    return select(merged).order_by(*order(merged.c))


def _counted_as_canonical(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edge counts summed once their ends are canonical actors, heaviest first."""
    total: dict[tuple[str, str, str], int] = {}
    for edge in edges:
        key = (edge["source"], edge["target"], edge["type"])
        total[key] = total.get(key, 0) + edge["count"]
    ranked = sorted(total.items(), key=lambda item: (-item[1], item[0]))
    return [{"source": s, "target": t, "type": k, "count": n} for (s, t, k), n in ranked]


def _newest_first(query: Select, facts: Table, position: str, named: Table, about: str | None) -> Select:
    """A list of quotes or claims in page order: newest article first, then by position in the article
    (n follows the row ids within an article). About an actor, the list starts from the actor's rows in
    `named` (quotes_about, claims_about), whose index follows that order, so the page is read without
    gathering the rest."""
    if about:
        return (query.join(named, (named.c.article == facts.c.article) & (named.c.n == facts.c.n))
                .where(named.c.entity == about)
                .order_by(named.c.day.desc(), named.c.article, named.c[position], named.c.n))
    return query.order_by(facts.c.day.desc(), facts.c.article, facts.c[position], facts.c.id)


def _prepared(records: list[tuple[Extraction, str | None]]) -> list[Rows | RecordRejected]:
    """The rows of each (extraction, model), made storable, their facts holding the article's place in
    `records`; or why an article is refused. Done before the transaction opens, and once however often a
    transient conflict retries it."""
    return storable_batch([extraction_rows(extraction, model, place)
                           for place, (extraction, model) in enumerate(records)])


def _insert_articles(conn: Any, batch: list[tuple[int, Rows]]
                     ) -> tuple[list[StoreResult], list[tuple[int, int, Rows]]]:
    """Insert the batch's articles not stored yet, in the batch's order; the result of each, and the place,
    key and rows of each this transaction stored. An article stored a moment ago by another writer is
    left to it, as is a second copy of one within the batch."""
    hashes = [rows[articles][0][0] for _, rows in batch]
    first: dict[str, int] = {}  # each content hash and where the batch first has it
    for index, content_hash in enumerate(hashes):
        first.setdefault(content_hash, index)
    keys = _article_keys(conn, list(first))
    made = dict(insert_returning(conn, articles, COLUMNS[articles],
                                 [batch[index][1][articles][0] for content_hash, index in first.items()
                                  if content_hash not in keys], key="content_hash", returning="id"))
    late = [content_hash for content_hash in first if content_hash not in keys and content_hash not in made]
    if late:  # another process stored the same content since the look above
        keys.update(_article_keys(conn, late))
    results: list[StoreResult] = []
    stored: list[tuple[int, int, Rows]] = []
    for index, (content_hash, (place, rows)) in enumerate(zip(hashes, batch, strict=True)):
        if content_hash in made and first[content_hash] == index:
            results.append(StoreResult(True, made[content_hash]))
            stored.append((place, made[content_hash], rows))
        else:
            results.append(StoreResult(False, made[content_hash] if content_hash in made else keys[content_hash]))
    return results, stored


def _article_keys(conn: Any, hashes: list[str]) -> dict[str, int]:
    """The key of each content hash already stored."""
    return dict(_matching(conn, "SELECT content_hash, id FROM articles WHERE content_hash IN", hashes))


def _insert_entities(conn: Any, stored: list[Rows]) -> list[str]:
    """New entities, the first description of each winning as it does one article at a time; the ids of
    those stored now, in the order the batch first names them."""
    first: dict[str, Row] = {}
    for row in chain.from_iterable(rows[entities] for rows in stored):
        first.setdefault(row[0], row)
    known = {key for key, in _matching(conn, "SELECT id FROM entities WHERE id IN", list(first))}
    # new entities in id order: two writers then claim shared ids in the same order, never in a
    # deadlock; one stored a moment ago by another writer is skipped
    insert_tuples(conn, entities, COLUMNS[entities], [first[key] for key in sorted(first) if key not in known],
                  conflict="skip")
    return [key for key in first if key not in known]


def _matching(conn: Any, query: str, values: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of `query`, which ends in `IN`, for the values (in lists short enough for either backend)."""
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found += driver_rows(conn, f'{query} ({", ".join("?" * len(chunk))})', chunk)
    return found


def _sliced(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Result rows as dicts, each with its sentence_text cut from the article text it carries; the
    columns only the query needed (article text, offsets, sort keys: names starting with _) dropped."""
    out = []
    for row in rows:
        found = dict(row._mapping)
        text = found.get("_text")
        if text is not None:
            found["sentence_text"] = text[found["_start"]:found["_end"]]
        out.append({name: value for name, value in found.items() if not name.startswith("_")})
    return out


def _paged(query: Select, limit: int | None, offset: int) -> Select:
    return query.limit(limit).offset(offset) if limit else query


def _published_between(query: Any, since: str | None, until: str | None) -> Any:
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    return query


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a batch is made and written, or settled. A batch
    makes a few hundred thousand row objects in a burst, none of them in a cycle, and the collector would
    walk them, and whatever else the process holds, again and again for nothing (issue 14). It runs
    again, if it ran before, as soon as the batch is written or settled or has failed."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
