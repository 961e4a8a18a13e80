"""GEXF (Gephi) and GraphML through networkx: actors as nodes, events and ties as edges.

One edge per (source, target, kind, edge_type): its `count` is how many sentences evidence it, `start` and
`end` the first and last day one does. In GEXF each edge also carries one spell per evidencing event
(its own interval, else the article's day), so Gephi's timeline shows an edge while the text says it
happens; GraphML has no time model, so there `start` and `end` are plain attributes. An event whose
target is not a named actor has no edge; nor has an undated one in GEXF spells (it keeps its count).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from newsgraph.export.codes import QUAD_CLASS, SCORE, actor_code, quad_name
from newsgraph.export.selection import Row, Selection


def actor_graph(selection: Selection, spells: bool) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="newsgraph actors")
    if spells:
        graph.graph["mode"] = "dynamic"  # GEXF: the graph has a time line
    for actor in selection.actors.values():
        if actor["id"] in selection.channel_only:
            continue  # an outlet only cited ("told Radio Ruritania") is no actor of the network
        graph.add_node(actor["id"], label=actor["name"], type=actor["type"], country=actor["country"] or "",
                       code=actor_code(actor["type"], actor["country"]) or "", mentions=actor["mentions"],
                       articles=actor["articles"], kb=bool(actor["kb"]))
    for event in selection.events:
        if event["source"] in graph and event["target"] in graph and event["source"] != event["target"]:
            extra = {"quad": QUAD_CLASS[event["type"]], "cooperation": quad_name(event["type"]),
                     "score": SCORE[event["type"]]} if event["type"] in QUAD_CLASS else {}
            _add_evidence(graph, event, "event", event["type"], event["date_start"], event["date_end"], extra)
    for tie in selection.ties:
        if tie["source"] in graph and tie["target"] in graph and tie["source"] != tie["target"]:
            _add_evidence(graph, tie, "tie", f"{tie['cls']}:{tie['type']}", None, None, {})
    for _u, _v, data in graph.edges(data=True):
        days = sorted(day for span in data["spans"] for day in span)
        if days:
            data["start"], data["end"] = days[0], days[-1]
        spans = data.pop("spans")
        if spells and spans:
            data["spells"] = sorted(set(spans))
    return graph


def _add_evidence(graph: nx.MultiDiGraph, row: Row, kind: str, edge_type: str, start: str | None,
                  end: str | None, extra: dict[str, Any]) -> None:
    key = f"{kind}:{edge_type}"
    if not graph.has_edge(row["source"], row["target"], key):
        # not `type`: GEXF keeps that name for an edge's direction
        graph.add_edge(row["source"], row["target"], key=key, kind=kind, edge_type=edge_type, label=edge_type,
                       count=0, weight=0, spans=[], **extra)
    data = graph.edges[row["source"], row["target"], key]
    data["count"] += 1
    data["weight"] = data["count"]  # Gephi sizes edges by weight
    first = start or row["published"]
    if first:
        data["spans"].append((first, end or first))


def write_gexf(selection: Selection, out: Path | BinaryIO) -> None:
    nx.write_gexf(actor_graph(selection, spells=True), out)


def write_graphml(selection: Selection, out: Path | BinaryIO) -> None:
    nx.write_graphml(actor_graph(selection, spells=False), out)
