"""Graphs drawn on the server: a networkx layout rendered as SVG (no front-end graph library), and
an event timeline as an SVG bar chart. Every label is escaped; every node and edge is a link."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

import networkx as nx
from markupsafe import Markup, escape

COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
COLOURS = {"cooperation": "#2e7d32", "conflict": "#c62828", "tie": "#7a7a7a"}


def tone(event_type: str) -> str:
    return "cooperation" if event_type in COOPERATION else "conflict"


def build_graph(edges: list[dict[str, Any]], ties: list[dict[str, Any]], names: dict[str, dict[str, Any]]) -> dict:
    """Nodes and edges as plain data (the JSON the API serves and the SVG draws)."""
    pairs: dict[tuple[str, str, str], dict[str, Any]] = {}
    for edge in edges:
        key = (edge["source"], edge["target"], tone(edge["type"]))
        item = pairs.setdefault(key, {"source": edge["source"], "target": edge["target"], "kind": key[2],
                                      "count": 0, "types": defaultdict(int)})
        item["count"] += edge["count"]
        item["types"][edge["type"]] += edge["count"]
    for tie in ties:
        key = (tie["source"], tie["target"], "tie")
        item = pairs.setdefault(key, {"source": tie["source"], "target": tie["target"], "kind": "tie", "count": 0,
                                      "types": defaultdict(int)})
        item["count"] += 1
        item["types"][tie["cls"]] += 1
    nodes = sorted({n for key in pairs for n in key[:2]})
    return {
        "nodes": [{"id": n, "name": names.get(n, {}).get("name", n), "type": names.get(n, {}).get("type")}
                  for n in nodes],
        "edges": [{**item, "types": dict(item["types"])} for item in pairs.values()],
    }


def layout(graph: dict, centre: str | None = None, width: int = 720,
           height: int = 480) -> dict[str, tuple[float, float]]:
    """Where each node sits in a width × height drawing: a seeded spring layout (the same every time),
    centred on `centre` when given. The SVG and the interactive chart both start from it."""
    network = nx.MultiDiGraph()
    network.add_nodes_from(n["id"] for n in graph["nodes"])
    for edge in graph["edges"]:
        network.add_edge(edge["source"], edge["target"], weight=edge["count"])
    simple = nx.Graph(network)
    positions = nx.spring_layout(simple, seed=7, k=1.6 / max(len(simple) ** 0.5, 1)) if len(simple) > 1 \
        else {graph["nodes"][0]["id"]: (0.0, 0.0)}
    if centre in positions:
        cx, cy = positions[centre]
        positions = {n: (x - cx, y - cy) for n, (x, y) in positions.items()}
    span = max(max(abs(x), abs(y)) for x, y in positions.values()) or 1.0
    pad = 70
    return {node: (width / 2 + x / span * (width / 2 - pad), height / 2 + y / span * (height / 2 - pad))
            for node, (x, y) in positions.items()}


def graph_svg(graph: dict, centre: str | None = None, width: int = 720, height: int = 480,
              positions: dict[str, tuple[float, float]] | None = None) -> Markup:
    if not graph["nodes"]:
        return Markup('<p class="empty">No events or ties to draw.</p>')
    placed = positions if positions is not None else layout(graph, centre, width, height)
    parts = [f'<svg class="graph" viewBox="0 0 {width} {height}" role="img" aria-label="actor network" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = placed[edge["source"]], placed[edge["target"]]
        stroke = min(1.5 + edge["count"] ** 0.5, 8)
        dash = ' stroke-dasharray="5 4"' if edge["kind"] == "tie" else ""
        label = ", ".join(f"{t} ×{n}" for t, n in sorted(edge["types"].items()))
        link = (f"/events?{urlencode({'source': edge['source'], 'target': edge['target']})}"
                if edge["kind"] != "tie" else f"/actors/{edge['source']}#ties")
        parts.append(f'<a href="{escape(link)}" class="edge {edge["kind"]}"><title>{escape(label)}</title>'
                     f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{COLOURS[edge["kind"]]}" stroke-width="{stroke:.1f}" stroke-opacity="0.75"{dash}/></a>')
    for node in graph["nodes"]:
        x, y = placed[node["id"]]
        radius = 11 if node["id"] == centre else 7
        # labels point away from the edge of the drawing they are nearest to
        anchor, dx = ("end", -10) if x > width * 0.6 else ("start", 10)
        parts.append(f'<a href="/actors/{escape(node["id"])}" class="node">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" class="t-{escape(node["type"] or "x")}"/>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">{escape(node["name"])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline_svg(rows: list[dict[str, Any]], width: int = 720, height: int = 180) -> Markup:
    """Events per month, cooperation stacked under conflict."""
    if not rows:
        return Markup('<p class="empty">No dated events.</p>')
    months: dict[str, dict[str, int]] = defaultdict(lambda: {"cooperation": 0, "conflict": 0})
    for row in rows:
        months[row["month"]][tone(row["type"])] += row["count"]
    ordered = sorted(months)
    top = max(sum(v.values()) for v in months.values()) or 1
    bar = max(min((width - 40) / len(ordered), 60), 4)
    parts = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="event timeline" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, month in enumerate(ordered):
        x = 30 + i * bar
        base = height - 24
        for kind in ("cooperation", "conflict"):
            count = months[month][kind]
            h = (height - 40) * count / top
            if count:
                parts.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                             f'fill="{COLOURS[kind]}"><title>{escape(month)}: {count} {kind}</title></rect>')
            base -= h
        if len(ordered) <= 24 or i % max(len(ordered) // 12, 1) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 8}" class="tick">{escape(month)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
