"""The dyad page's chart: story events between two actors per week, one bar a week stacked by PLOVER type,
the week's cooperation-conflict score as a dot on its own scale; each bar links to that week's story events.
Server-rendered SVG from escaped pieces, as graph.py draws the timeline: no script, nothing from a CDN."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from newsgraph.web.graph import COLOURS, tone

SCORE_RANGE = 10.0  # the PLOVER weights run from -10 to +10


def week_link(one: str, other: str, week: str) -> str:
    """The story events of one week between the two actors, on /events."""
    last = (date.fromisoformat(week) + timedelta(days=6)).isoformat()
    return "/events?" + urlencode({"actor": one, "other": other, "since": week, "until": last})


def dyad_svg(weeks: list[dict[str, Any]], one: str, other: str, width: int = 760, height: int = 240) -> Markup:
    if not weeks:
        return Markup('<p class="empty">No story events between these two actors.</p>')
    top = max(week["total"] for week in weeks) or 1
    bar = max(min((width - 60) / len(weeks), 48), 6)
    base, room = height / 2 - 10, height / 2 - 30  # bars above the middle line, scores around the lower half
    parts = [f'<svg class="dyad" viewBox="0 0 {width} {height}" role="img" aria-label="story events per week" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="40" y1="{base:.1f}" x2="{width - 10}" y2="{base:.1f}" class="axis"/>',
             f'<line x1="40" y1="{height * 0.75:.1f}" x2="{width - 10}" y2="{height * 0.75:.1f}" class="axis zero"/>',
             f'<text x="2" y="{height * 0.75 + 4:.1f}" class="tick">score 0</text>']
    for i, week in enumerate(weeks):
        x = 44 + i * bar
        y = base
        label = ", ".join(f"{kind} {n}" for kind, n in week["counts"].items())
        parts.append(f'<a class="week" href="{escape(week_link(one, other, week["week"]))}">'
                     f'<title>week of {escape(week["week"])}: {escape(label)}; score {week["score"]}</title>')
        for kind, count in week["counts"].items():
            h = room * count / top
            parts.append(f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[tone(kind)]}" class="{escape(kind)}"/>')
            y -= h
        parts.append("</a>")
        if week["score"] is not None:
            dot = height * 0.75 - (height / 4 - 12) * week["score"] / SCORE_RANGE
            parts.append(f'<circle cx="{x + (bar - 2) / 2:.1f}" cy="{dot:.1f}" r="3" '
                         f'fill="{COLOURS["cooperation" if week["score"] > 0 else "conflict"]}"/>')
        if len(weeks) <= 16 or i % max(len(weeks) // 8, 1) == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 4}" class="tick">{escape(week["week"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
