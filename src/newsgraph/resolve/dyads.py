"""Dyad timelines: what two actors did to each other, week by week.

Counted in story events (one per happening, however many articles report it), either way between the
two, by the week of the happening's first day (weeks start on Monday, as ISO weeks do), per PLOVER type.
A week's cooperation-conflict score is the mean weight of its story events (ontology/event_scale.yaml:
the PLOVER manual's Goldstein-like scale, -9.3 for ASSAULT to +7.6 for RETREAT), so one strike reported
by twelve outlets weighs as one strike; the cooperative weeks are above zero, the hostile ones below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsgraph.ontology import event_scales


@dataclass
class DyadWeek:
    week: str  # its Monday, YYYY-MM-DD
    counts: dict[str, int] = field(default_factory=dict)  # PLOVER type -> story events
    stories: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def score(self) -> float | None:
        return round(sum(self.weights) / len(self.weights), 2) if self.weights else None

    def as_dict(self) -> dict[str, Any]:
        return {"week": self.week, "counts": dict(sorted(self.counts.items())), "total": self.total,
                "score": self.score, "stories": self.stories}


def week_of(day: str) -> str:
    start = date.fromisoformat(day[:10])
    return (start - timedelta(days=start.weekday())).isoformat()


def dyad_weeks(stories: list[dict[str, Any]]) -> list[DyadWeek]:
    """The weeks of some story events between two actors, oldest first; undated stories left out."""
    scales = event_scales()
    weeks: dict[str, DyadWeek] = {}
    for story in stories:
        day = story.get("date_start") or story.get("first_report")
        if not day:
            continue
        week = weeks.setdefault(week_of(day), DyadWeek(week_of(day)))
        week.counts[story["type"]] = week.counts.get(story["type"], 0) + 1
        week.stories.append(story["id"])
        if story["type"] in scales:
            week.weights.append(scales[story["type"]].weight)
    return [weeks[key] for key in sorted(weeks)]
