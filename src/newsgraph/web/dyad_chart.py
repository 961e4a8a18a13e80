"""The dyad page's chart: story events between two actors per week, one bar a week stacked by PLOVER type,
the week's cooperation-conflict score as a dot on its own scale; each bar links to that week's story events.
Server-rendered SVG from escaped pieces, as graph.py draws the timeline: no script, nothing from a CDN."""

from __future__ import annotations

import math
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


MAX_DRAWN_WEEKS = 520  # ten years of weeks: a longer dyad is drawn with its quiet weeks left out


def with_quiet_weeks(weeks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The weeks with story events and, between them, the weeks without: a gap in time shows as one."""
    first, last = date.fromisoformat(weeks[0]["week"]), date.fromisoformat(weeks[-1]["week"])
    if (last - first).days // 7 + 1 > MAX_DRAWN_WEEKS:
        return weeks
    busy = {week["week"]: week for week in weeks}
    days = (first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1))
    return [busy.get(day.isoformat(), {"week": day.isoformat(), "counts": {}, "total": 0, "score": None})
            for day in days]


def dyad_svg(weeks: list[dict[str, Any]], one: str, other: str, width: int = 760, height: int = 270) -> Markup:
    if not weeks:
        return Markup('<p class="empty">No story events between these two actors.</p>')
    weeks = with_quiet_weeks(weeks)
    top = max(week["total"] for week in weeks) or 1
    bar = max(min((width - 60) / len(weeks), 48), 6)
    base, room = 130.0, 118.0  # bars stand on y=130 and reach up to y=12
    zero, reach = 190.0, 36.0  # the score band: 0 at y=190, +10 at 154, -10 at 226
    every = math.ceil(80 / bar)  # a week label every so many bars, so that labels never overlap
    parts = [f'<svg class="dyad" viewBox="0 0 {width} {height}" role="img" aria-label="story events per week" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="40" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999" class="axis"/>',
             f'<text x="2" y="20" class="tick" font-size="11">{top}</text>',
             f'<line x1="40" y1="{zero}" x2="{width - 10}" y2="{zero}" stroke="#ccc" stroke-dasharray="3 3"/>',
             f'<text x="2" y="{zero + 4}" class="tick" font-size="11">score 0</text>',
             f'<text x="2" y="{zero - reach + 4}" class="tick" font-size="11">+10</text>',
             f'<text x="2" y="{zero + reach + 4}" class="tick" font-size="11">−10</text>']
    for i, week in enumerate(weeks):
        x = 44 + i * bar
        y = base
        label = ", ".join(f"{kind} {n}" for kind, n in week["counts"].items())
        if i % every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 8}" class="tick" font-size="11">'
                         f'{escape(week["week"])}</text>')
        if not week["total"]:
            continue
        parts.append(f'<a class="week" href="{escape(week_link(one, other, week["week"]))}">'
                     f'<title>week of {escape(week["week"])}: {escape(label)}; score {week["score"]}</title>')
        for kind, count in week["counts"].items():
            h = room * count / top
            parts.append(f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[tone(kind)]}" stroke="#fff" stroke-width="0.5" class="{escape(kind)}"/>')
            y -= h
        parts.append("</a>")
        if week["score"] is not None:
            dot = zero - reach * week["score"] / SCORE_RANGE
            parts.append(f'<circle cx="{x + (bar - 2) / 2:.1f}" cy="{dot:.1f}" r="3.5" '
                         f'fill="{COLOURS["cooperation" if week["score"] > 0 else "conflict"]}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
