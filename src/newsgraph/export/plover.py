"""PLOVER JSON Lines: one event record a line, with the field names of the PLOVER manual's "JSON Data
Fields" chapter (id, date, source, recipient, event, mode, event_text, text, text_info, cite_info, coder).

The manual names the doer `source` (required) and the one acted on `recipient`; `actor` carries the same
list as `source`, the name later PLOVER data sets give it. Fields beyond the manual (status, negated,
attributed_to, quantity) are allowed by it ("providers should feel free to include named fields").
An event needs a date: one with neither its own date nor a dated article is left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from newsgraph import __version__
from newsgraph.export.codes import QUAD_CLASS, SCORE, SECTOR, actor_code
from newsgraph.export.jsonlines import write_lines
from newsgraph.export.selection import Row, Selection

CODER = f"newsgraph {__version__}"
CODEBOOK = "plover-base (16 event types)"


def write_plover(selection: Selection, out: TextIO) -> int:
    """Write one line per dated event; return how many undated events were left out."""
    records = list(plover_records(selection))
    write_lines((r for r in records if r is not None), out)
    return sum(1 for r in records if r is None)


def plover_records(selection: Selection) -> Iterator[dict[str, Any] | None]:
    """A PLOVER record per event, None for an event without any date."""
    for event in selection.events:
        date = event["date_start"] or event["published"]
        if not date:
            yield None
            continue
        source = _actors(selection, event["source"], event["source_text"])
        record: dict[str, Any] = {
            "id": f"{event['article_id']}-e{event['id']}",
            "date": date,
            "source": source,
            "actor": source,
            "recipient": _actors(selection, event["target"], event["target_text"]),
            "event": [event["type"]],
            "mode": [event["mode"]] if event["mode"] else [],
            "event_text": [event["trigger_text"]] if event["trigger_text"] else [],
            "quad_code": QUAD_CLASS.get(event["type"]),
            "event_scale": SCORE.get(event["type"]),
            "text": event["sentence_text"],
            "text_info": {
                "article_id": event["article_id"], "sequence": event["sentence"],
                "start": event["sentence_start"], "end": event["sentence_end"],
                "event_start": event["trigger_start"], "event_end": event["trigger_end"],
            },
            "cite_info": {
                "corpus": "newsgraph", "citation": event["article_id"], "url": event["url"],
                "title": event["title"], "publication": event["outlet"], "coder": CODER, "codebook": CODEBOOK,
            },
            "coder": CODER,
            "status": event["status"], "negated": bool(event["negated"]), "attributed_to": event["attributed_to"],
        }
        if event["date_end"] and event["date_end"] != date:
            record["enddate"] = event["date_end"]
        if event["date_text"]:
            record["date_text"] = event["date_text"]
        if event["location"]:
            record["event_loc"] = {"name": event["location"]}
        if event["quantity"]:
            record["quantity"] = event["quantity"]
        yield record


def _actors(selection: Selection, entity_id: str | None, text: str | None) -> list[dict[str, Any]]:
    """The manual's list of actor objects (one here, none when the text names nobody): code and sector
    where the store knows them, the text as written, newsgraph's id and name as the identifier."""
    entity: Row | None = selection.actor(entity_id)
    found: dict[str, Any] = {"actor_text": text or (entity["name"] if entity else None)}
    if entity:
        found.update({"code": actor_code(entity["type"], entity["country"]), "sector": SECTOR.get(entity["type"]),
                      "identifier_id": entity["id"], "identifier_text": entity["name"]})
        if entity["role"]:
            found["office"] = entity["role"]
    found = {key: value for key, value in found.items() if value is not None}
    return [found] if found else []
