"""Story events in the store: kept as articles are settled (dbsettle.py), many at once, and read back.

The new events of the articles settled are read back with their ids, the stories they may belong to are read by
match key (family and actors) and date, and resolve/stories.py decides; a new story takes the id of its
first report's event, so stories need no id of their own and a batch writes them in one statement. The
counts of a story that had reports before are counted again from its reports (one grouped query per settle).
Re-ingesting an article stores nothing, so it changes no story. Two ingests writing at the same moment may
each open a story for one happening: each sees only what the other had committed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, func, or_, select

from newsgraph.dbengine import driver_rows, insert_tuples, quoted, update_rows
from newsgraph.dbschema import articles, entities, events, sentences, story_edges, story_events, story_reports
from newsgraph.resolve.actors import canonical_map
from newsgraph.resolve.stories import MAX_SPAN_DAYS, TOLERANCE_DAYS, Report, Story, actor_key, assign, interval

CHUNK = 500  # ids per IN (...): well under both backends' limits on bound parameters
MAX_WORDS = 60  # of a story's target words kept: enough to match a report, bounded however many report it
# the columns of the rows written and read here, in order
EVENT_COLUMNS = ("id", "article", "sentence", "type", "source", "target", "date_start", "date_end", "location",
                 "status", "negated", "target_text")
STORY_COLUMNS = ("id", "match_key", "family", "type", "source", "target", "date_start", "date_end", "location", "words",
                 "reports", "mentions", "outlets", "first_report", "last_report", "day")
EDGE_COLUMNS = ("source", "target", "type", "count")
RECOUNTED_COLUMNS = ("date_start", "date_end", "day", "location", "words", "reports", "mentions", "outlets",
                     "first_report", "last_report")
REPORT_COLUMNS = ("event", "story", "article", "sentence", "outlet", "status", "negated", "published")


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
    """Give every event of these articles (key -> outlet and published) its story, the articles in key
    order; `canonical`: the resolved actor of each of their entities merged into another, else read here."""
    found = _events_of(conn, list(meta))
    if not found:
        return
    # reports compare resolved actors: "Gen. al-Burhan" in one article and "Abdel Fattah al-Burhan" in
    # another are one source once resolve/actors.py merged them
    heads = canonical if canonical is not None else canonical_map(
        conn, {end for row in found for end in (row[4], row[5]) if end})
    published = {key: article["published"] for key, article in meta.items()}
    reports = []
    for event, article, _, kind, source, target, date_start, date_end, location, _, _, target_text in found:
        start, end = interval(date_start, date_end, published[article])
        reports.append(Report(event, kind, heads.get(source, source), heads.get(target, target), start, end,
                              location, target_text))
    known = _stories_near(conn, reports)
    before = {story.id: story for stories in known.values() for story in stories}
    story_of, made = assign(reports, known)
    by_event = {row[0]: row for row in found}
    new_rows = [_story_row(story, _counts(story, meta, by_event)) for story in made]
    insert_tuples(conn, story_events, STORY_COLUMNS, new_rows)
    edges = Counter((source, target, kind) for _, _, _, kind, source, target, *_ in new_rows
                    if source is not None and target is not None)
    # in key order, as the other summary tables: two writers lock shared rows in the same order
    insert_tuples(conn, story_edges, EDGE_COLUMNS, [(*key, edges[key]) for key in sorted(edges)], conflict="add")
    rows = []
    for event, story in story_of.items():
        _, article, sentence, _, _, _, _, _, _, status, negated, _ = by_event[event]
        rows.append((event, story.id, article, sentence, meta[article]["outlet"], status, negated, published[article]))
    insert_tuples(conn, story_reports, REPORT_COLUMNS, rows)
    grown = sorted({story.id for story in story_of.values()} & set(before))
    _recount(conn, [before[story_id] for story_id in grown])


def _events_of(conn: Connection, keys: list[int]) -> list[tuple[Any, ...]]:
    """The events of these articles, each as the columns of EVENT_COLUMNS, by article and place in it."""
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(keys):
        found += driver_rows(conn, f'SELECT {", ".join(map(quoted, EVENT_COLUMNS))} FROM events WHERE article '
                                   f'IN ({", ".join("?" * len(chunk))}) ORDER BY article, trigger_start, id', chunk)
    return found


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def _stories_near(conn: Connection, reports: list[Report]) -> dict[str, list[Story]]:
    """The stored stories a report of the batch may join: same match key, dates within reach of that key's
    reports (each key's window read from the index on match key and start: a story spans MAX_SPAN_DAYS at
    most, so one that reaches the window starts no earlier than that before it)."""
    slack = timedelta(days=TOLERANCE_DAYS)
    windows: dict[str, tuple[date, date]] = {}
    for report in reports:
        key = report.match_key
        if key is None or report.start is None or report.end is None:
            continue
        low, high = report.start - slack, report.end + slack
        known = windows.get(key)
        windows[key] = (low, high) if known is None else (min(low, known[0]), max(high, known[1]))
    if not windows:
        return {}
    reach = timedelta(days=MAX_SPAN_DAYS)
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(sorted(windows)):
        wanted = [value for key in chunk for value in (key, (windows[key][0] - reach).isoformat(),
                                                       windows[key][1].isoformat(), windows[key][0].isoformat())]
        found += driver_rows(conn, "WITH window_of(match_key, floor, high, low) AS (VALUES "
                                   f'{", ".join(["(?, ?, ?, ?)"] * len(chunk))}) '
                                   "SELECT s.id, s.match_key, s.date_start, s.date_end, s.location, s.words "
                                   "FROM window_of w JOIN story_events s ON s.match_key = w.match_key "
                                   "AND s.date_start >= w.floor AND s.date_start <= w.high AND s.date_end >= w.low",
                             wanted)
    known: dict[str, list[Story]] = {}
    for story_id, key, start, end, location, words in sorted(found, key=itemgetter(0)):  # as assign() meets them
        known.setdefault(key, []).append(Story(story_id, key, date.fromisoformat(start), date.fromisoformat(end),
                                               location, words=set((words or "").split())))
    return known


def _counts(story: Story, meta: dict[int, dict[str, Any]], by_event: dict[int, tuple[Any, ...]]) -> tuple[Any, ...]:
    """Reports, mentions, distinct outlets and first and last publication day of a story all of whose
    reports are new."""
    articles_of = [by_event[r.event][1] for r in story.reports]
    reported = [meta[article] for article in articles_of]
    days = sorted(a["published"] for a in reported if a["published"])
    return (len(set(articles_of)), len(reported), len({a["outlet"] for a in reported if a["outlet"]}),
            days[0] if days else None, days[-1] if days else None)


def _story_row(story: Story, counts: tuple[Any, ...]) -> tuple[Any, ...]:
    """A new story's story_events row (STORY_COLUMNS)."""
    first = story.reports[0]
    start = story.start.isoformat() if story.start else None
    return (story.id, story.match_key or "", first.family, first.type, actor_key(first.source),
            actor_key(first.target), start, story.end.isoformat() if story.end else None, story.location,
            _words(story), *counts, start or "")


def _words(story: Story) -> str:
    return " ".join(sorted(story.words)[:MAX_WORDS])


def _recount(conn: Connection, stories: list[Story]) -> None:
    """Counts, span and place of stories that had reports before this batch, from all their reports."""
    if not stories:
        return
    counted: dict[int, tuple[Any, ...]] = {}
    for chunk in _chunks([s.id for s in stories]):
        counted.update((row[0], row[1:]) for row in driver_rows(
            conn, "SELECT story, count(DISTINCT article), count(*), count(DISTINCT outlet), min(published), "
                  f'max(published) FROM story_reports WHERE story IN ({", ".join("?" * len(chunk))}) GROUP BY story',
            chunk))
    # reports, mentions, outlets, first_report, last_report: as counted
    update_rows(conn, story_events, "id", RECOUNTED_COLUMNS, [
        (s.start.isoformat() if s.start else "", s.end.isoformat() if s.end else None,
         s.start.isoformat() if s.start else "", s.location, _words(s), *counted[s.id], s.id) for s in stories])


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
