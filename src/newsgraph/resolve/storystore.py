"""Story events in the store: kept at ingest, in the transaction that stores a batch, and read back.

At ingest the batch's new events are read back with their ids, the stories they may belong to are read by
match key (family and actors) and date, and resolve/stories.py decides; a new story takes the id of its
first report's event, so stories need no id of their own and a batch writes them in one statement. The
counts of a story that had reports before are counted again from its reports (one grouped query per batch).
Re-ingesting an article stores nothing, so it changes no story. Two ingests writing at the same moment may
each open a story for one happening: each sees only what the other had committed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, delete, func, or_, select, update

from newsgraph.dbengine import insert_rows
from newsgraph.dbrows import ARTICLE_OUTLET, ARTICLE_PUBLISHED, Rows
from newsgraph.dbschema import articles, entities, events, sentences, story_edges, story_events, story_reports
from newsgraph.resolve.actors import canonical_map
from newsgraph.resolve.stories import TOLERANCE_DAYS, Report, Story, actor_key, assign, interval

CHUNK = 500  # ids per IN (...): well under both backends' limits on bound parameters
MAX_WORDS = 60  # of a story's target words kept: enough to match a report, bounded however many report it


def record_stories(conn: Connection, stored: Sequence[tuple[int, Rows]], canonical: dict[str, str] | None) -> None:
    """Give every event of the articles just stored its story, in the same transaction; `canonical`: the
    resolved actor of each of their entities merged into another, as the store has just read it."""
    meta = {key: {"outlet": rows[articles][0][ARTICLE_OUTLET], "published": rows[articles][0][ARTICLE_PUBLISHED]}
            for key, rows in stored}
    group_events(conn, meta, canonical)


def rebuild_stories(conn: Connection, batch: int = 200) -> None:
    """All stories made again from the stored events, articles in the order they were stored: for when
    `actor_key` has changed (a user merged or split actors), as ingest would have grouped them then."""
    for table in (story_reports, story_events, story_edges):
        conn.execute(delete(table))
    stored = conn.execute(select(articles.c.id, articles.c.outlet, articles.c.published).order_by(articles.c.id)).all()
    for start in range(0, len(stored), batch):
        group_events(conn, {row.id: {"outlet": row.outlet, "published": row.published}
                            for row in stored[start:start + batch]})


def group_events(conn: Connection, meta: dict[int, dict[str, Any]], canonical: dict[str, str] | None = None) -> None:
    """Give every event of these articles (key -> outlet and published) its story; `canonical` as
    record_stories has it, else read here."""
    found = []
    for chunk in _chunks(list(meta)):
        found.extend(conn.execute(
            select(events.c.id, events.c.article, events.c.sentence, events.c.type, events.c.source,
                   events.c.target, events.c.date_start, events.c.date_end, events.c.location, events.c.status,
                   events.c.negated, events.c.target_text)
            .where(events.c.article.in_(chunk)).order_by(events.c.article, events.c.trigger_start, events.c.id)))
    if not found:
        return
    # reports compare resolved actors: "Gen. al-Burhan" in one article and "Abdel Fattah al-Burhan" in
    # another are one source once resolve/actors.py merged them
    heads = canonical if canonical is not None else canonical_map(
        conn, {end for row in found for end in (row.source, row.target) if end})
    reports = []
    for row in found:
        start, end = interval(row.date_start, row.date_end, meta[row.article]["published"])
        source, target = heads.get(row.source, row.source), heads.get(row.target, row.target)
        reports.append(Report(row.id, row.type, source, target, start, end, row.location, row.target_text))
    known = _stories_near(conn, reports)
    before = {story.id: story for stories in known.values() for story in stories}
    story_of, made = assign(reports, known)
    by_event = {row.id: row for row in found}
    article_of = {row.id: row.article for row in found}
    new_rows = [_story_row(story, _counts(story, meta, article_of)) for story in made]
    insert_rows(conn, story_events, new_rows)
    edges = Counter((row["source"], row["target"], row["type"]) for row in new_rows
                    if row["source"] is not None and row["target"] is not None)
    # in key order, as the other summary tables: two writers lock shared rows in the same order
    insert_rows(conn, story_edges, [{"source": source, "target": target, "type": kind, "count": n}
                                    for (source, target, kind), n in sorted(edges.items())], upsert_counts=True)
    insert_rows(conn, story_reports, [{
        "event": event, "story": story.id, "article": by_event[event].article, "sentence": by_event[event].sentence,
        "outlet": meta[by_event[event].article]["outlet"], "status": by_event[event].status,
        "negated": by_event[event].negated, "published": meta[by_event[event].article]["published"],
    } for event, story in story_of.items()])
    grown = sorted({story.id for story in story_of.values()} & set(before))
    _recount(conn, [before[story_id] for story_id in grown])


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def _stories_near(conn: Connection, reports: list[Report]) -> dict[str, list[Story]]:
    """The stored stories a report of the batch may join: same match key, dates within reach of that key's
    reports (the batch's whole span is read from the index; each key's own window is kept)."""
    slack = timedelta(days=TOLERANCE_DAYS)
    windows: dict[str, tuple[str, str]] = {}
    for report in reports:
        if report.match_key is None or report.start is None or report.end is None:
            continue
        low, high = (report.start - slack).isoformat(), (report.end + slack).isoformat()
        known_low, known_high = windows.get(report.match_key, (low, high))
        windows[report.match_key] = (min(low, known_low), max(high, known_high))
    if not windows:
        return {}
    earliest, latest = min(w[0] for w in windows.values()), max(w[1] for w in windows.values())
    known: dict[str, list[Story]] = {}
    for chunk in _chunks(sorted(windows)):
        rows = conn.execute(
            select(story_events.c.id, story_events.c.match_key, story_events.c.date_start, story_events.c.date_end,
                   story_events.c.location, story_events.c.words)
            .where(story_events.c.match_key.in_(chunk), story_events.c.date_start <= latest,
                   story_events.c.date_end >= earliest)
            .order_by(story_events.c.id))
        for row in rows:
            low, high = windows[row.match_key]
            if row.date_start > high or row.date_end < low:  # ISO days compare as strings
                continue
            known.setdefault(row.match_key, []).append(Story(
                row.id, row.match_key, date.fromisoformat(row.date_start), date.fromisoformat(row.date_end),
                row.location, words=set((row.words or "").split())))
    return known


def _counts(story: Story, meta: dict[int, dict[str, Any]], article_of: dict[int, int]) -> dict[str, Any]:
    """Reports, distinct outlets and first and last publication day of a story all of whose reports are new."""
    reported = [meta[article_of[r.event]] for r in story.reports]
    days = sorted(a["published"] for a in reported if a["published"])
    return {"reports": len({article_of[r.event] for r in story.reports}), "mentions": len(reported),
            "outlets": len({a["outlet"] for a in reported if a["outlet"]}),
            "first_report": days[0] if days else None, "last_report": days[-1] if days else None}


def _story_row(story: Story, counts: dict[str, Any]) -> dict[str, Any]:
    first = story.reports[0]
    start = story.start.isoformat() if story.start else None
    return {"id": story.id, "match_key": story.match_key or "", "family": first.family, "type": first.type,
            "source": actor_key(first.source), "target": actor_key(first.target), "date_start": start,
            "date_end": story.end.isoformat() if story.end else None, "location": story.location,
            "words": _words(story), **counts, "day": start or ""}


def _words(story: Story) -> str:
    return " ".join(sorted(story.words)[:MAX_WORDS])


def _recount(conn: Connection, stories: list[Story]) -> None:
    """Counts, span and place of stories that had reports before this batch, from all their reports."""
    if not stories:
        return
    counted: dict[int, Any] = {}
    for chunk in _chunks([s.id for s in stories]):
        counted.update((row.story, row) for row in conn.execute(
            select(story_reports.c.story, func.count(story_reports.c.article.distinct()).label("reports"),
                   func.count().label("mentions"),
                   func.count(story_reports.c.outlet.distinct()).label("outlets"),
                   func.min(story_reports.c.published).label("first_report"),
                   func.max(story_reports.c.published).label("last_report"))
            .where(story_reports.c.story.in_(chunk)).group_by(story_reports.c.story)))
    statement = (update(story_events).where(story_events.c.id == bindparam("story_id"))
                 .values(date_start=bindparam("start"), date_end=bindparam("end"), day=bindparam("start"),
                         location=bindparam("place"), words=bindparam("target_words"), reports=bindparam("n_reports"),
                         mentions=bindparam("n_mentions"),
                         outlets=bindparam("n_outlets"), first_report=bindparam("first"),
                         last_report=bindparam("last")))
    conn.execute(statement, [{
        "story_id": s.id, "start": s.start.isoformat() if s.start else "", "place": s.location,
        "target_words": _words(s),
        "end": s.end.isoformat() if s.end else None, "n_reports": counted[s.id].reports,
        "n_mentions": counted[s.id].mentions,
        "n_outlets": counted[s.id].outlets, "first": counted[s.id].first_report, "last": counted[s.id].last_report,
    } for s in stories])


# --- reading -------------------------------------------------------------------------------------------

def story_query(source: str | None = None, target: str | None = None, event_type: str | None = None,
                since: str | None = None, until: str | None = None, actor: str | None = None,
                between: tuple[str, str] | None = None, status: str | None = None,
                story_id: int | None = None) -> Select:
    """Story events, newest first, with their actors' names; filters as for the events list (dates on the
    story's span), `between`: either way between two actors; `status`: some report has it."""
    source_entity, target_entity = entities.alias("source_entity"), entities.alias("target_entity")
    story = story_events.c
    query = (select(story.id, story.type, story.family, story.source, story.target, story.date_start,
                    story.date_end, story.location, story.reports, story.outlets, story.mentions, story.first_report,
                    story.last_report, source_entity.c.name.label("source_name"),
                    target_entity.c.name.label("target_name"))
             .outerjoin(source_entity, source_entity.c.id == story.source)
             .outerjoin(target_entity, target_entity.c.id == story.target))
    if story_id is not None:
        query = query.where(story.id == story_id)
    if source:
        query = query.where(story.source == actor_key(source))
    if target:
        query = query.where(story.target == actor_key(target))
    if actor:  # either end; a page of one actor's stories reads each end's index (Store.story_events)
        query = query.where(or_(story.source == actor_key(actor), story.target == actor_key(actor)))
    if between:
        one, other = actor_key(between[0]), actor_key(between[1])
        query = query.where(or_(and_(story.source == one, story.target == other),
                                and_(story.source == other, story.target == one)))
    if event_type:
        query = query.where(story.type == event_type.upper())
    if status:
        query = query.where(select(story_reports.c.event).where(story_reports.c.story == story.id,
                                                                story_reports.c.status == status).exists())
    if since:
        query = query.where(func.coalesce(story.date_end, story.first_report) >= since)
    if until:
        query = query.where(func.coalesce(story.date_start, story.first_report) <= until)
    return query.order_by(story.day.desc(), story.id.desc())


def report_query(story_ids: list[int]) -> Select:
    """The reports of some stories: article, outlet, sentence, status and what the event says."""
    return (select(story_reports.c.story, story_reports.c.event, story_reports.c.outlet, story_reports.c.status,
                   story_reports.c.negated, story_reports.c.published, story_reports.c.sentence,
                   events.c.type, events.c.trigger_text, events.c.source_text, events.c.target_text,
                   events.c.date_text, articles.c.id.label("article_key"), articles.c.article_id, articles.c.title,
                   articles.c.text.label("_text"), sentences.c.start.label("_start"), sentences.c.end.label("_end"))
            .join(events, events.c.id == story_reports.c.event)
            .join(articles, articles.c.id == story_reports.c.article)
            .join(sentences, (sentences.c.article == story_reports.c.article)
                  & (sentences.c.idx == story_reports.c.sentence))
            .where(story_reports.c.story.in_(story_ids))
            .order_by(story_reports.c.story, story_reports.c.published, story_reports.c.event))


def edge_query(since: str | None = None, until: str | None = None) -> Select:
    """Story events per (source, target, type), both ends actors: read from story_edges, or counted among
    the stories whose span meets the dates."""
    if not (since or until):
        edge = story_edges.c
        return select(edge.source, edge.target, edge.type, edge["count"])
    story = story_events.c
    query = (select(story.source, story.target, story.type, func.count().label("count"))
             .where(story.source.is_not(None), story.target.is_not(None))
             .group_by(story.source, story.target, story.type))
    if since:  # as for the events list: a span that reaches past `since` counts
        query = query.where(func.coalesce(story.date_end, story.first_report) >= since)
    if until:
        query = query.where(func.coalesce(story.date_start, story.first_report) <= until)
    return query
