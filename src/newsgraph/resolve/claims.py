"""Claim corroboration: the claims of all articles about one subject and predicate (the keys
nlp/claim_keys.py gives each claim at extraction), with who states them (asserted, attributed to a
source, or hedged) and who denies them. A contested claim has both sides.

Queries only: the keys are stored with each claim, and one grouped read over the index on them
answers a corpus-wide list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Integer, Select, and_, case, func, select

from newsgraph.dbschema import articles, claims, entities, sentences
from newsgraph.resolve.stories import actor_key


def claim_groups(conn: Connection, contested: bool = False, about: str | None = None,
                 limit: int | None = 50) -> list[dict[str, Any]]:
    """Claims grouped by (subject, predicate) that more than one article states, or (contested) that some
    claim states and another denies; most articles first, each with its claims, both sides."""
    denials = func.sum(case((claims.c.denies, 1), else_=0)).cast(Integer)
    reports = func.count(claims.c.article.distinct())
    query = (select(claims.c.subject, claims.c.predicate, func.count().label("claims"),
                    reports.label("articles"), denials.label("denials"))
             .where(claims.c.subject.is_not(None), claims.c.predicate.is_not(None))
             .group_by(claims.c.subject, claims.c.predicate)
             .order_by(reports.desc(), func.count().desc(), claims.c.subject, claims.c.predicate))
    both_sides = and_(denials > 0, denials < func.count())
    query = query.having(both_sides if contested else reports > 1)
    if about:
        query = query.where(claims.c.subject == actor_key(about))
    if limit:
        query = query.limit(limit)
    groups = [dict(row._mapping) for row in conn.execute(query)]
    names = dict(conn.execute(select(entities.c.id, entities.c.name)
                              .where(entities.c.id.in_([g["subject"] for g in groups]))).all()) if groups else {}
    for group in groups:
        group["subject_name"] = names.get(group["subject"])
        members = [_with_sentence(row) for row in conn.execute(_members(group["subject"], group["predicate"]))]
        group["states"] = [m for m in members if not m["denies"]]
        group["denies"] = [m for m in members if m["denies"]]
    return groups


def _members(subject: str, predicate: str) -> Select:
    holder = entities.alias("holder_entity")
    return (select(claims.c.status, claims.c.holder, claims.c.holder_text, claims.c.cue, claims.c.denies,
                   claims.c.sentence, holder.c.name.label("holder_name"), articles.c.id.label("article_key"),
                   articles.c.article_id, articles.c.title, articles.c.outlet, articles.c.published,
                   articles.c.text.label("_text"), sentences.c.start.label("_start"), sentences.c.end.label("_end"))
            .join(articles, articles.c.id == claims.c.article)
            .join(sentences, (sentences.c.article == claims.c.article) & (sentences.c.idx == claims.c.sentence))
            .outerjoin(holder, holder.c.id == claims.c.holder)
            .where(claims.c.subject == subject, claims.c.predicate == predicate)
            .order_by(claims.c.day, claims.c.article, claims.c.sentence))


def _with_sentence(row: Any) -> dict[str, Any]:
    found = dict(row._mapping)
    found["sentence_text"] = found.pop("_text")[found.pop("_start"):found.pop("_end")]
    return found
