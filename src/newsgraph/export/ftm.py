"""FollowTheMoney entities (the data model of Aleph and OpenSanctions), made and written by the
`followthemoney` library itself, as the JSON lines its `ftm` command-line tools read.

- actors: Person, PublicBody (states and their organs), Organization (other groups), LegalEntity (a
  type FtM has no closer schema for); names, aliases (the other names the texts use), country, and
  newsgraph's type as `classification`; places a tie points at are Address entities;
- articles: Article (title, date, outlet, URL, language, body text);
- events: Event named "SOURCE TYPE TARGET", the PLOVER type and mode in `keywords`, source and target
  `involved` (the source also `organizer`), the event's dates, its sentence as `description`;
- ties: Employment (spokesperson, minister, envoy of an organisation), Membership (member, leader,
  wing or part of an organisation), UnknownLink otherwise (alliance, opposition, location, and any tie
  whose ends are not of the schemata the first two require), the tie type as `role`;
- Documentation: each actor, event and tie linked to every article that evidences it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

# followthemoney is an optional extra (newsgraph[export]): newsgraph.export.formats imports this module
# only when asked for ftm, and turns a missing library into one line of advice
from followthemoney import model
from followthemoney.cli.util import write_entity
from followthemoney.proxy import EntityProxy
from followthemoney.util import make_entity_id

from newsgraph.export.selection import Row, Selection

SCHEMA_OF_TYPE = {
    "person": "Person", "country": "PublicBody", "government_body": "PublicBody", "armed_forces": "PublicBody",
    "international_organization": "PublicBody", "armed_group": "Organization", "criminal_organization": "Organization",
    "political_party": "Organization", "media": "Organization", "think_tank": "Organization", "ngo": "Organization",
    "organization": "Organization",
    "company": "Company", "location": "Address",
}
EMPLOYMENT = {"spokesperson_of", "minister_of", "envoy_of"}
MEMBERSHIP = {"member_of", "leader_of", "armed_wing_of", "part_of"}
ID_SAFE = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")  # what FtM accepts as an entity id


def entity_id(kind: str, *parts: Any) -> str:
    """A readable id (ng-actor-iran) when the parts make one FtM accepts, else a hash of them."""
    readable = "-".join(["ng", kind, *(str(p) for p in parts)])
    if ID_SAFE.match(readable) and len(readable) <= 128:
        return readable
    return f"ng-{kind}-{make_entity_id(*parts)}"


def write_ftm(selection: Selection, out: BinaryIO) -> int:
    count = 0
    for proxy in ftm_entities(selection):
        write_entity(out, proxy)
        count += 1
    return count


def ftm_entities(selection: Selection) -> Iterator[EntityProxy]:
    actors = {key: _actor(row) for key, row in selection.actors.items()}
    documents = {key: _article(row) for key, row in selection.articles.items()}
    yield from actors.values()
    yield from documents.values()
    for (actor_key, article_key), count in sorted(selection.mentioned_in.items()):
        if actor_key in actors and article_key in documents:
            yield _documentation(actors[actor_key], documents[article_key], "mentioned", f"{count} mention(s)")
    for event in selection.events:
        proxy = _event(event, actors)
        yield proxy
        yield _documentation(proxy, documents[event["article_key"]], "event", event["sentence_text"])
    for tie in selection.ties:
        proxy = _tie(tie, actors)
        if proxy is not None:
            yield proxy
            yield _documentation(proxy, documents[tie["article_key"]], "tie", tie["sentence_text"])


def _make(schema: str, key: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = key
    return proxy


def _actor(row: Row) -> EntityProxy:
    schema = SCHEMA_OF_TYPE.get(row["type"], "LegalEntity")
    proxy = _make(schema, entity_id("actor", row["id"]))
    if schema == "Address":
        proxy.add("full", row["name"])
    else:
        proxy.add("name", row["name"])
        proxy.add("alias", row["aliases"])
        proxy.add("classification", row["type"])
        proxy.add("position" if schema == "Person" else "description", row["role"])
    proxy.add("country", row["country"])
    return proxy


def _article(row: Row) -> EntityProxy:
    proxy = _make("Article", entity_id("article", row["article_id"]))
    proxy.add("title", row["title"] or row["article_id"])
    proxy.add("publishedAt", row["published"])
    proxy.add("publisher", row["outlet"])
    proxy.add("sourceUrl", row["url"])
    proxy.add("language", row["language"])
    proxy.add("bodyText", row.get("text"))
    return proxy


def _event(row: Row, actors: dict[str, EntityProxy]) -> EntityProxy:
    proxy = _make("Event", entity_id("event", row["article_id"], row["id"]))
    source, target = actors.get(row["source"] or ""), actors.get(row["target"] or "")
    who = source.caption if source else row["source_text"] or "?"
    whom = target.caption if target else row["target_text"] or ""
    proxy.add("name", f"{who} {row['type']} {whom}".strip())
    proxy.add("keywords", [row["type"], f"{row['type']}:{row['mode']}" if row["mode"] else None])
    proxy.add("summary", row["trigger_text"])
    proxy.add("description", row["sentence_text"])
    for party in (source, target):
        if party is not None and party.schema.is_a("LegalEntity"):
            proxy.add("involved", party)
    if source is not None and source.schema.is_a("LegalEntity"):
        proxy.add("organizer", source)
    if row["date_start"]:
        proxy.add("startDate", row["date_start"])
        proxy.add("endDate", row["date_end"])
    proxy.add("date", row["published"])
    proxy.add("location", row["location"])
    proxy.add("sourceUrl", row["url"])
    proxy.add("recordId", str(row["id"]))
    notes = [f"status: {row['status']}"] + (["negated"] if row["negated"] else [])
    if row["attributed_to"]:
        notes.append(f"attributed to: {row['attributed_to']}")
    proxy.add("notes", "; ".join(notes))
    return proxy


def _tie(row: Row, actors: dict[str, EntityProxy]) -> EntityProxy | None:
    source, target = actors.get(row["source"]), actors.get(row["target"])
    if source is None or target is None or source.id == target.id:
        return None
    key = entity_id("tie", row["article_id"], row["id"])
    if row["type"] in EMPLOYMENT and source.schema.is_a("Person") and target.schema.is_a("Organization"):
        proxy = _make("Employment", key)
        proxy.add("employee", source)
        proxy.add("employer", target)
    elif row["type"] in MEMBERSHIP and source.schema.is_a("LegalEntity") and target.schema.is_a("Organization"):
        proxy = _make("Membership", key)
        proxy.add("member", source)
        proxy.add("organization", target)
    else:
        proxy = _make("UnknownLink", key)
        proxy.add("subject", source)
        proxy.add("object", target)
    proxy.add("role", row["type"])
    proxy.add("summary", row["cls"])
    proxy.add("description", row["sentence_text"])
    proxy.add("date", row["published"])
    proxy.add("sourceUrl", row["url"])
    return proxy


def _documentation(entity: EntityProxy, document: EntityProxy, role: str, summary: str | None) -> EntityProxy:
    proxy = _make("Documentation", entity_id("doc", make_entity_id(entity.id, document.id)))
    proxy.add("entity", entity)
    proxy.add("document", document)
    proxy.add("role", role)
    proxy.add("summary", summary)
    return proxy
