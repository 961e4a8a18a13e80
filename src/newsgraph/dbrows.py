"""What an extraction becomes in the store: its rows per table. Plain tuples in the column order of
COLUMNS, made once, before any transaction opens, and handed to the driver as they are: a dict per row,
and its conversion to the driver's parameters, cost the store more than the database's insert of the
row (issue 14). What is derived from them (summaries, links, stories) is counted in SQL (dbsettle.py).

The rows of an article's facts start with the article, which has no key before it is
stored: they hold the article's place in its batch instead, and the store maps places to keys when
it writes them (in SQL, by one offset, when the batch's keys follow its places).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import Table

from newsgraph.dbschema import (
    articles,
    claims,
    entities,
    events,
    mentions,
    quotes,
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
}
# the tables whose rows start with their article, written in this order after articles and entities
FACT_TABLES = (sentences, mentions, events, quotes, relations, claims)
# Columns that only copy another column of the same article's rows (below): a mention's entity is the id
# of one of the article's entities, a fact's day its article's date or its event's start date. A value
# that fits those fits here too, so the look at a whole batch (dbvalues.py) may skip them.
COPIED: dict[Table, frozenset[str]] = {
    mentions: frozenset({"entity", "day"}), events: frozenset({"day"}), quotes: frozenset({"day"}),
    relations: frozenset({"day"}), claims: frozenset({"day"}),
}

# positions in the rows above, for the evidence that resolves new entities
_ENTITY = 2
_entity_kind = itemgetter(0, 2)  # id, type
_mention_entity = itemgetter(_ENTITY)
_mention_day = itemgetter(_ENTITY, 6)  # entity, day


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

