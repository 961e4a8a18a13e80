"""The data behind the interactive link chart (static/chart.js) of the network and actor pages.

The pages embed it as JSON in a `<script type="application/json">` element, which the browser never
runs, so the CSP's `script-src 'self'` holds; Jinja's `tojson` writes `<`, `>`, `&` and `'` as
\\u escapes, so a sentence that holds `</script>` cannot close the element. The chart starts from the
server's layout (graph.layout) and filters the single events client-side, so each event carries what
a filter or the edge panel needs: type, tone, dates, both ends and its sentence.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, select, tuple_

from newsgraph.dbschema import event_edges
from newsgraph.ontology import PLOVER_TYPES
from newsgraph.resolve.actors import groups
from newsgraph.store import SENTENCE_TEXT, articles, events, sentences
from newsgraph.web.graph import tone

# Events embedded per (source, target, type): enough to read an edge, bounded so a heavy pair in a
# large store cannot make the page huge. The panel links to the full list on /events.
EVENTS_PER_GROUP = 5


def pair_events(engine: Engine, pairs: set[tuple[str, str]], since: str | None = None,
                until: str | None = None, per_group: int = EVENTS_PER_GROUP) -> list[dict[str, Any]]:
    """The newest events of each (source, target, type) among the directed pairs, within the dates
    (the same date rule as Store.events and Store.network: the event's interval, else publication).

    One short query per (source, target, type) the summary table event_edges lists, each reading its
    index (ix_events_pair_page) newest first and stopping at `per_group`: the cost follows the page,
    not the store (a window over every event of the pairs grew with the database)."""
    if not pairs:
        return []
    columns = (events.c.id, events.c.type, events.c.source, events.c.target, events.c.sentence,
               events.c.day, func.coalesce(events.c.date_end, articles.c.published).label("day_end"),
               articles.c.id.label("article_key"), articles.c.article_id, SENTENCE_TEXT.label("text"))
    in_sentence = (sentences.c.article == events.c.article) & (sentences.c.idx == events.c.sentence)
    rows: list[dict[str, Any]] = []
    with engine.connect() as conn:
        triples = conn.execute(select(event_edges.c.source, event_edges.c.target, event_edges.c.type)
                               .where(tuple_(event_edges.c.source, event_edges.c.target).in_(sorted(pairs)))).all()
        ends = groups(conn, {end for triple in triples for end in triple[:2]})
        for source, target, event_type in triples:
            # an actor's merged entities are read with it: each (source entity, target entity) through its
            # own index in page order, cut at the group's size, then merged (an IN over a merged pair made
            # the database sort every event of the pair, which grew with the store)
            found: list[dict[str, Any]] = []
            for source_entity in ends[source]:
                for target_entity in ends[target]:
                    query = (select(*columns)
                             .join(articles, articles.c.id == events.c.article)
                             .join(sentences, in_sentence)
                             .where(events.c.source == source_entity, events.c.target == target_entity,
                                    events.c.type == event_type))
                    if since:
                        query = query.where(func.coalesce(events.c.date_end, articles.c.published) >= since)
                    if until:
                        query = query.where(events.c.day <= until, events.c.day != "")
                    query = query.order_by(events.c.day.desc(), events.c.id.desc()).limit(per_group)
                    found += [{**r._mapping, "source": source, "target": target} for r in conn.execute(query)]
            found.sort(key=lambda r: (r["day"] or "", r["id"]), reverse=True)
            rows += found[:per_group]
    rows.sort(key=lambda r: (r["day"] or "", r["id"]))
    return [{"type": r["type"], "tone": tone(r["type"]), "source": r["source"], "target": r["target"],
             "date": r["day"] or None, "end": r["day_end"], "article": r["article_key"],
             "article_id": r["article_id"], "sentence": r["sentence"], "text": r["text"]} for r in rows]


def chart_data(graph: dict, positions: dict[str, tuple[float, float]], event_rows: list[dict[str, Any]],
               ties: list[dict[str, Any]] | None = None, centre: str | None = None, width: int = 720,
               height: int = 480) -> dict[str, Any]:
    """What chart.js draws: nodes at the server's positions, single events and standing ties."""
    shown = {n["id"] for n in graph["nodes"]}
    return {
        "width": width, "height": height, "centre": centre, "types": list(PLOVER_TYPES),
        "nodes": [{"id": n["id"], "name": n["name"], "type": n["type"], "x": round(positions[n["id"]][0], 1),
                   "y": round(positions[n["id"]][1], 1)} for n in graph["nodes"]],
        "events": [e for e in event_rows if e["source"] in shown and e["target"] in shown],
        "ties": [{"type": t["cls"], "tone": "tie", "source": t["source"], "target": t["target"],
                  "date": t["published"], "end": t["published"], "article": t["article_key"],
                  "article_id": t["article_id"], "sentence": t["sentence"], "text": t["sentence_text"]}
                 for t in ties or [] if t["source"] in shown and t["target"] in shown],
    }
