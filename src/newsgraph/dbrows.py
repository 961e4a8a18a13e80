"""What an extraction becomes in the store: its rows per table, and the increments it brings to the
summary tables (dbschema.py). Plain tuples in the column order of COLUMNS, made once, before any
transaction opens, and handed to the driver as they are: a dict per row, and its conversion to the
driver's parameters, cost the store more than the database's insert of the row (issue 14).

The rows of an article's facts and links start with the article, which has no key before it is
stored: they hold the article's place in its batch instead, and the store maps places to keys when
it writes them (in SQL, by one offset, when the batch's keys follow its places).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
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

Row = tuple[Any, ...]
Rows = dict[Table, list[Row]]

# Each table's columns in the order of its rows' values.
COLUMNS: dict[Table, tuple[str, ...]] = {
    articles: ("content_hash", "article_id", "title", "published", "outlet", "url", "language", "source_path",
               "text", "model"),
    entities: ("id", "name", "type", "country", "kb", "role"),
    sentences: ("article", "idx", "start", "end"),
    mentions: ("article", "sentence", "entity", "start", "end", "text", "day"),
    events: ("article", "sentence", "type", "mode", "source", "target", "source_text", "target_text", "trigger_text",
             "trigger_start", "trigger_end", "status", "attributed_to", "negated", "date_text", "date_start",
             "date_end", "quantity", "location", "day"),
    quotes: ("article", "sentence", "speaker", "speaker_text", "cue_text", "cue_start", "cue_end", "content_text",
             "content_start", "content_end", "direct", "channel", "day", "n"),
    relations: ("article", "sentence", "class", "type", "source", "target", "evidence", "day"),
    claims: ("article", "sentence", "status", "holder", "holder_text", "cue", "day", "n", "subject", "predicate",
             "denies"),
    quotes_about: ("article", "entity", "n", "day", "content_start"),
    claims_about: ("article", "entity", "n", "day", "sentence"),
    actor_stats: ("entity", "articles", "mentions", "acts"),
    actor_aliases: ("entity", "text", "mentions"),
    actor_months: ("entity", "month", "type", "count"),
    event_edges: ("source", "target", "type", "count"),
}
# the tables whose rows start with their article, written in this order after articles and entities
FACT_TABLES = (sentences, mentions, events, quotes, relations, claims)
ABOUT_TABLES = (quotes_about, claims_about)
# Columns that only copy another column of the same article's rows (below): a mention's entity is the id
# of one of the article's entities, a fact's day its article's date or its event's start date. A value
# that fits those fits here too, so the look at a whole batch (dbvalues.py) may skip them.
COPIED: dict[Table, frozenset[str]] = {
    mentions: frozenset({"entity", "day"}), events: frozenset({"day"}), quotes: frozenset({"day"}),
    relations: frozenset({"day"}), claims: frozenset({"day"}),
}

# positions in the rows above, for the links, the summaries and the stories computed from them
ARTICLE_PUBLISHED, ARTICLE_OUTLET = 3, 4
_ENTITY, _END = 2, 4
_entity_id = itemgetter(0)
_entity_kind = itemgetter(0, 2)  # id, type
_mention_start = itemgetter(3)
_mention_entity = itemgetter(_ENTITY)
_mention_day = itemgetter(_ENTITY, 6)  # entity, day
_mention_alias = itemgetter(_ENTITY, 5)  # entity, text
_mention_place = itemgetter(1, 2)  # sentence, entity
_quote_link = itemgetter(13, 12, 8, 9)  # n, day, content_start, content_end
_quote_speaker = itemgetter(2)
_claim_link = itemgetter(7, 6, 1)  # n, day, sentence
_event_count = itemgetter(4, 5, 2, 15)  # source, target, type, date_start
_fact_ends = itemgetter(4, 5)  # source, target of an event or a relation
_about_entity = itemgetter(1)


def extraction_rows(extraction: Extraction, model: str | None, place: int = 0) -> Rows:
    """The rows one extraction becomes, per table (COLUMNS); its facts' rows start with `place`, the
    article's place in its batch."""
    article = extraction.article
    published = article.published
    day = published or ""
    return {
        articles: [(article.content_hash, article.id, article.title, published, article.outlet, article.url,
                    article.language, article.source_path, article.text, model)],
        entities: [(e.id, e.name, e.type, e.country, e.kb, e.role) for e in extraction.entities],
        sentences: [(place, s.index, s.start, s.end) for s in extraction.sentences],
        mentions: [(place, m.sentence, e.id, m.start, m.end, m.text, day)
                   for e in extraction.entities for m in e.mentions],
        events: [(place, e.sentence, e.type, e.mode, e.source, e.target, e.source_text, e.target_text, e.trigger.text,
                  e.trigger.start, e.trigger.end, e.status, e.attributed_to, e.negated,
                  e.date.text if e.date else None, e.date.start if e.date else None, e.date.end if e.date else None,
                  # the JSON column as its text, as SQLAlchemy's JSON type writes it (json.dumps)
                  json.dumps(vars(e.quantity)) if e.quantity else None, e.location,
                  # day: COALESCE(start, published) as the index reads it, '' when neither is known
                  e.date.start if e.date and e.date.start is not None else day)
                 for e in extraction.events],
        quotes: [(place, q.sentence, q.speaker, q.speaker_text, q.cue.text, q.cue.start, q.cue.end, q.content.text,
                  q.content.start, q.content.end, q.direct, q.channel, day, n)
                 for n, q in enumerate(extraction.quotes)],
        relations: [(place, r.sentence, r.cls, r.type, r.source, r.target, r.evidence, day)
                    for r in extraction.relations],
        claims: [(place, c.sentence, c.status, c.holder, c.holder_text, c.cue, day, n, c.subject, c.predicate,
                  c.denies)
                 for n, c in enumerate(extraction.claims)],
    }


def about_rows(rows: Rows, place: int) -> Rows:
    """Which entities each quote and claim of an article names (quotes_about and claims_about, starting
    with the article's place): an entity with a mention inside a quote's content, an entity with a
    mention in a claim's sentence (each pair once; in no set order, as no other writer can hold these
    keys). The entities as the article names them: as_canonical_about makes them actors."""
    quoted: list[Row] = []
    if rows[quotes]:
        by_start = sorted(rows[mentions], key=_mention_start)
        starts = list(map(_mention_start, by_start))
        for n, day, first, last in map(_quote_link, rows[quotes]):
            if first is None or last is None:
                continue
            low = bisect_left(starts, first)
            high = bisect_right(starts, last, low)
            if low < high:
                quoted += [(place, entity, n, day, first)
                           for entity in {m[_ENTITY] for m in by_start[low:high] if m[_END] <= last}]
    claimed: list[Row] = []
    if rows[claims]:
        in_sentence: dict[int, list[tuple[int, str]]] = {}  # the claims of each sentence: (n, day)
        for n, day, sentence in map(_claim_link, rows[claims]):
            in_sentence.setdefault(sentence, []).append((n, day))
        # each entity once per sentence: the set of (sentence, entity) pairs is made in C
        claimed = [(place, entity, n, day, sentence) for sentence, entity in set(map(_mention_place, rows[mentions]))
                   if sentence in in_sentence for n, day in in_sentence[sentence]]
    return {quotes_about: quoted, claims_about: claimed}


def as_canonical_about(rows: list[Row], canonical: dict[str, str]) -> list[Row]:
    """quotes_about or claims_about rows keyed by the canonical actor of their entity: two entities of one
    actor named in the same quote or claim make one row."""
    merged = canonical.keys() & set(map(_about_entity, rows)) if canonical else set()
    if not merged:
        return rows
    heads = {canonical[entity] for entity in merged}
    kept = [row for row in rows if row[1] not in merged]
    # the keys (article, entity, n) already held by a canonical actor named as itself
    taken = {row[:3] for row in kept if row[1] in heads}
    moved = []
    for row in rows:
        if row[1] in merged:
            key = (row[0], canonical[row[1]], row[2])
            if key not in taken:
                taken.add(key)
                moved.append((*key, *row[3:]))
    return kept + moved


def batch_evidence(stored: Iterable[Rows]) -> Evidence:
    """When and with whom each entity of the stored articles is named: what tells how close a new entity
    is to a candidate before the batch's facts are written (resolve/actors.py)."""
    evidence = Evidence()
    days = evidence.days
    for rows in stored:
        kinds = dict(map(_entity_kind, rows[entities]))
        named = set(map(_mention_entity, rows[mentions]))
        evidence.contexts.append(frozenset(e for e in named if kinds.get(e) not in UNRESOLVED_TYPES))
        for entity, day in set(map(_mention_day, rows[mentions])):
            days.setdefault(entity, set()).add(day)
        for entity in named:
            evidence.articles.setdefault(entity, []).append(len(evidence.contexts) - 1)
    return evidence


def summary_rows(stored: Iterable[Rows], canonical: dict[str, str]) -> Rows:
    """What the stored articles add to each summary table, one row per key, in key order (two writers
    then lock shared rows in the same order), every entity of their mentions and events counted as its
    canonical actor (resolve/actors.py; the stored facts keep the entity the article named). Computed
    from the storable rows, so a NUL already became U+FFFD in an alias as it did in the mention."""
    stored = list(stored)
    actor = canonical.get
    aliases: Counter[tuple[str, str]] = Counter()
    in_articles: Counter[str] = Counter()
    acting: list[str] = []  # an actor once for each event, tie or quote it takes part in (counted once, in C)
    touched: list[tuple[str, str, str]] = []  # (actor, month, type) for each end of each event
    pairs: list[tuple[str, str, str]] = []  # (source, target, type) for each event between two actors
    for rows in stored:
        named = set(map(_mention_entity, rows[mentions]))
        # most articles name no merged entity: their rows are counted as they are, without a copy
        merged = bool(canonical) and not canonical.keys().isdisjoint(named)
        if merged:
            named = {actor(e, e) for e in named}
            # Counter.update counts an iterable in C: a loop in Python here was a tenth of the store's time
            aliases.update((actor(e, e), text) for e, text in map(_mention_alias, rows[mentions]))
        else:
            aliases.update(map(_mention_alias, rows[mentions]))
        in_articles.update(named)
        published = rows[articles][0][ARTICLE_PUBLISHED]
        ends: list[tuple[str | None, str | None]] = []
        for source, target, kind, start in map(_event_count, rows[events]):
            if canonical:  # an event's ends need not be named in its article's mentions
                source, target = actor(source, source), actor(target, target)
            ends.append((source, target))
            if source is not None and target is not None:
                pairs.append((source, target, kind))
            month = start if start is not None else published
            if month is None:
                continue
            month = month[:7]
            # an actor on both ends of one event counts once, as `source = X OR target = X` does
            if source is not None:
                touched.append((source, month, kind))
            if target is not None and target != source:
                touched.append((target, month, kind))
        # acts: the events and ties an actor named in the article is an end of (once, were it both), and
        # the quotes it speaks. A medium with none there was only a channel or a name in that article.
        # Ties and speakers are compared as the article names them.
        acting.extend(chain.from_iterable(map(named.intersection, chain(ends, map(_fact_ends, rows[relations])))))
        acting.extend(speaker for speaker in map(_quote_speaker, rows[quotes]) if speaker in named)
    acts = Counter(acting)
    stats: Counter[str] = Counter()
    for (entity, _), n in aliases.items():
        stats[entity] += n
    months, edges = Counter(touched), Counter(pairs)
    return {
        actor_stats: [(e, in_articles[e], stats[e], acts[e]) for e in sorted(stats)],
        actor_aliases: [(*key, aliases[key]) for key in sorted(aliases)],
        actor_months: [(*key, months[key]) for key in sorted(months)],
        event_edges: [(*key, edges[key]) for key in sorted(edges)],
    }


def entity_ids(rows: Rows) -> Iterable[str]:
    return map(_entity_id, rows[entities])
