"""What an extraction becomes in the store: its rows per table, and the increments it brings to the
summary tables (dbschema.py). Plain dicts, made before any transaction opens."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table

from newsgraph.dbschema import (
    actor_aliases,
    actor_months,
    actor_stats,
    articles,
    claims,
    claims_about,
    entities,
    event_edges,
    events,
    mentions,
    quotes,
    quotes_about,
    relations,
    sentences,
)
from newsgraph.record import Extraction
from newsgraph.resolve.actors import Evidence
from newsgraph.resolve.names import UNRESOLVED_TYPES

Rows = dict[Table, list[dict[str, Any]]]


def extraction_rows(extraction: Extraction, model: str | None) -> Rows:
    """The rows one extraction becomes, per table; the article key is added when it is known."""
    article = extraction.article
    day = article.published or ""
    return {
        articles: [{
            "content_hash": article.content_hash, "article_id": article.id, "title": article.title,
            "published": article.published, "outlet": article.outlet, "url": article.url,
            "language": article.language, "source_path": article.source_path, "text": article.text, "model": model,
        }],
        sentences: [{"idx": s.index, "start": s.start, "end": s.end} for s in extraction.sentences],
        entities: [{"id": e.id, "name": e.name, "type": e.type, "country": e.country, "kb": e.kb, "role": e.role}
                   for e in extraction.entities],
        mentions: [{"entity": e.id, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text, "day": day}
                   for e in extraction.entities for m in e.mentions],
        events: [{
            "sentence": e.sentence, "type": e.type, "mode": e.mode, "source": e.source,
            "target": e.target, "source_text": e.source_text, "target_text": e.target_text,
            "trigger_text": e.trigger.text, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "status": e.status, "attributed_to": e.attributed_to, "negated": e.negated,
            "date_text": e.date.text if e.date else None, "date_start": e.date.start if e.date else None,
            "date_end": e.date.end if e.date else None,
            "quantity": vars(e.quantity) if e.quantity else None, "location": e.location,
            "day": _event_day(e.date.start if e.date else None, article.published),
        } for e in extraction.events],
        quotes: [{
            "sentence": q.sentence, "speaker": q.speaker, "speaker_text": q.speaker_text,
            "cue_text": q.cue.text, "cue_start": q.cue.start, "cue_end": q.cue.end,
            "content_text": q.content.text, "content_start": q.content.start, "content_end": q.content.end,
            "direct": q.direct, "channel": q.channel, "day": day, "n": n,
        } for n, q in enumerate(extraction.quotes)],
        relations: [{"sentence": r.sentence, "class": r.cls, "type": r.type, "source": r.source,
                     "target": r.target, "evidence": r.evidence, "day": day} for r in extraction.relations],
        claims: [{"sentence": c.sentence, "status": c.status, "holder": c.holder,
                  "holder_text": c.holder_text, "cue": c.cue, "day": day, "n": n,
                  "subject": c.subject, "predicate": c.predicate, "denies": c.denies}
                 for n, c in enumerate(extraction.claims)],
    }


def _event_day(start: str | None, published: str | None) -> str:
    """COALESCE(start, published) as the index's day: '' when neither is known ('' is a value, as in SQL)."""
    if start is not None:
        return start
    return published if published is not None else ""


def about_rows(key: int, rows: Rows) -> Rows:
    """Which actors each quote and claim of a stored article names: an actor with a mention inside a
    quote's content, an actor with a mention in a claim's sentence (each pair once; in no set order, as
    no other writer can hold these keys)."""
    by_start = sorted((m["start"], m["end"], m["entity"]) for m in rows[mentions])
    starts = [start for start, _, _ in by_start]
    quoted = []
    for quote in rows[quotes]:
        first, last = quote["content_start"], quote["content_end"]
        if first is None or last is None:
            continue
        named = {entity for start, end, entity in by_start[bisect_left(starts, first):bisect_right(starts, last)]
                 if end <= last}
        quoted.extend({"entity": entity, "article": key, "n": quote["n"], "day": quote["day"],
                       "content_start": first} for entity in named)
    in_sentence: dict[int, set[str]] = {}
    for mention in rows[mentions]:
        in_sentence.setdefault(mention["sentence"], set()).add(mention["entity"])
    claimed = [{"entity": entity, "article": key, "n": claim["n"], "day": claim["day"], "sentence": claim["sentence"]}
               for claim in rows[claims] for entity in in_sentence.get(claim["sentence"], ())]
    return {quotes_about: quoted, claims_about: claimed}


def batch_evidence(stored: Iterable[Rows]) -> Evidence:
    """When and with whom each entity of the stored articles is named: what tells how close a new entity
    is to a candidate before the batch's facts are written (resolve/actors.py)."""
    evidence = Evidence()
    for rows in stored:
        kinds = {entity["id"]: entity["type"] for entity in rows[entities]}
        named = {m["entity"] for m in rows[mentions]}
        evidence.contexts.append(frozenset(e for e in named if kinds.get(e) not in UNRESOLVED_TYPES))
        for mention in rows[mentions]:
            evidence.days.setdefault(mention["entity"], set()).add(mention["day"])
        for entity in named:
            evidence.articles.setdefault(entity, []).append(len(evidence.contexts) - 1)
    return evidence


def as_canonical(rows: Rows, canonical: dict[str, str]) -> Rows:
    """The article's rows as its summaries count them: every entity as its canonical actor (an entity
    merged into another, resolve/actors.py). The stored facts keep the entity the article named."""
    if not canonical:
        return rows
    view = dict(rows)
    view[mentions] = [{**m, "entity": canonical.get(m["entity"], m["entity"])} for m in rows[mentions]]
    view[events] = [{**e, "source": canonical.get(e["source"], e["source"]),
                     "target": canonical.get(e["target"], e["target"])} for e in rows[events]]
    return view


def summary_rows(stored: Iterable[Rows]) -> Rows:
    """What the stored articles add to each summary table, one row per key, in key order (two writers
    then lock shared rows in the same order). Computed from the storable rows, so a NUL already became
    U+FFFD in an alias as it did in the mention."""
    stats: Counter[str] = Counter()
    in_articles: Counter[str] = Counter()
    aliases: Counter[tuple[str, str]] = Counter()
    months: Counter[tuple[str, str, str]] = Counter()
    edges: Counter[tuple[str, str, str]] = Counter()
    acts: Counter[str] = Counter()
    for rows in stored:
        published = rows[articles][0]["published"]
        # Counter.update counts an iterable in C: a loop in Python here was a tenth of the store's time
        stats.update(m["entity"] for m in rows[mentions])
        aliases.update((m["entity"], m["text"]) for m in rows[mentions])
        in_articles.update({m["entity"] for m in rows[mentions]})
        acts.update(_acts(rows))
        for event in rows[events]:
            month = event["date_start"] if event["date_start"] is not None else published
            # an actor on both ends of one event counts once, as `source = X OR target = X` does
            for actor in {event["source"], event["target"]} - {None}:
                if month is not None:
                    months[actor, month[:7], event["type"]] += 1
            if event["source"] is not None and event["target"] is not None:
                edges[event["source"], event["target"], event["type"]] += 1
    return {
        actor_stats: [{"entity": e, "articles": in_articles[e], "mentions": n, "acts": acts[e]}
                      for e, n in sorted(stats.items())],
        actor_aliases: [{"entity": e, "text": t, "mentions": n} for (e, t), n in sorted(aliases.items())],
        actor_months: [{"entity": e, "month": m, "type": t, "count": n} for (e, m, t), n in sorted(months.items())],
        event_edges: [{"source": s, "target": t, "type": k, "count": n} for (s, t, k), n in sorted(edges.items())],
    }


def _acts(rows: Rows) -> Counter[str]:
    """Per actor mentioned in one article: the events and ties it is an end of (once, were it both) and
    the quotes it speaks. A medium with none there was only a channel or a name in that article."""
    named = {m["entity"] for m in rows[mentions]}
    acts: Counter[str] = Counter()
    for fact in (*rows[events], *rows[relations]):
        acts.update(named & {fact["source"], fact["target"]})
    acts.update(q["speaker"] for q in rows[quotes] if q["speaker"] in named)
    return acts
