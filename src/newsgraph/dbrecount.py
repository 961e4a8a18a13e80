"""The summary rows of some actors counted again from their facts: after entities change canonical (a
merge found later, a user's merge or split), their actor_stats, actor_aliases, actor_months,
event_edges, quotes_about and claims_about rows are replaced by what the facts of each canonical
actor's members say, counted as one actor (dbsettle.py counts new articles the same way).
Costs what those actors' facts are, nothing else."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, delete, func, or_, select

from newsgraph import dbschema as tables
from newsgraph.dbengine import insert_rows
from newsgraph.resolve.actors import Changes, canonical_map, members

KEYED_BY_ENTITY = (tables.actor_stats, tables.actor_aliases, tables.actor_months, tables.quotes_about,
                   tables.claims_about)


def recount(conn: Connection, changes: Changes) -> None:
    if not changes:
        return
    touched = sorted(changes.canonicals | changes.retired)
    for table in KEYED_BY_ENTITY:
        conn.execute(delete(table).where(table.c.entity.in_(touched)))
    edges = tables.event_edges.c
    conn.execute(delete(tables.event_edges).where(or_(edges.source.in_(touched), edges.target.in_(touched))))
    groups = {canonical: members(conn, canonical) for canonical in sorted(changes.canonicals)}
    for canonical, ids in groups.items():
        _recount_actor(conn, canonical, ids)
    _recount_edges(conn, [i for ids in groups.values() for i in ids])


def _recount_actor(conn: Connection, canonical: str, ids: list[str]) -> None:
    mention, event, quote, claim = tables.mentions.c, tables.events.c, tables.quotes.c, tables.claims.c
    in_group = mention.entity.in_(ids)
    counted, total = conn.execute(select(func.count(func.distinct(mention.article)), func.count())
                                  .where(in_group)).one()
    if total:
        # acts, as at ingest (dbrows._acts): the events and ties it is an end of, once each, and its quotes
        relation = tables.relations.c
        acts = sum(conn.execute(select(func.count()).where(or_(table.source.in_(ids), table.target.in_(ids)))).scalar()
                   for table in (event, relation))
        acts += conn.execute(select(func.count()).where(quote.speaker.in_(ids))).scalar()
        insert_rows(conn, tables.actor_stats, [{"entity": canonical, "articles": counted, "mentions": total,
                                                "acts": acts}])
    aliases = conn.execute(select(mention.text, func.count()).where(in_group).group_by(mention.text)
                           .order_by(mention.text))
    insert_rows(conn, tables.actor_aliases, [{"entity": canonical, "text": text, "mentions": n} for text, n in aliases])
    months: Counter[tuple[str, str]] = Counter()
    month = func.coalesce(event.date_start, tables.articles.c.published)
    for event_type, day in conn.execute(
            select(event.type, month).join(tables.articles, tables.articles.c.id == event.article)
            .where(or_(event.source.in_(ids), event.target.in_(ids)))):
        if day is not None:  # an event with both ends in the group counts once, as at ingest
            months[day[:7], event_type] += 1
    insert_rows(conn, tables.actor_months, [{"entity": canonical, "month": m, "type": t, "count": n}
                                            for (m, t), n in sorted(months.items())])
    quoted = (select(quote.article, quote.n, quote.day, quote.content_start).distinct()
              .join(tables.mentions, (mention.article == quote.article) & (mention.start >= quote.content_start)
                    & (mention.end <= quote.content_end))
              .where(in_group))
    insert_rows(conn, tables.quotes_about, [{"entity": canonical, "article": a, "n": n, "day": d, "content_start": s}
                                            for a, n, d, s in conn.execute(quoted)])
    claimed = (select(claim.article, claim.n, claim.day, claim.sentence).distinct()
               .join(tables.mentions, (mention.article == claim.article) & (mention.sentence == claim.sentence))
               .where(in_group))
    insert_rows(conn, tables.claims_about, [{"entity": canonical, "article": a, "n": n, "day": d, "sentence": s}
                                            for a, n, d, s in conn.execute(claimed)])


def _recount_edges(conn: Connection, ids: list[str]) -> None:
    """The network edges with an end among the ids, each end counted as its canonical actor."""
    event = tables.events.c
    rows = conn.execute(select(event.source, event.target, event.type)
                        .where(event.source.is_not(None), event.target.is_not(None),
                               or_(event.source.in_(ids), event.target.in_(ids)))).all()
    heads = canonical_map(conn, {end for source, target, _ in rows for end in (source, target)})
    edges: Counter[tuple[str, str, str]] = Counter(
        (heads.get(source, source), heads.get(target, target), kind) for source, target, kind in rows)
    insert_rows(conn, tables.event_edges, [{"source": s, "target": t, "type": k, "count": n}
                                           for (s, t, k), n in sorted(edges.items())])
