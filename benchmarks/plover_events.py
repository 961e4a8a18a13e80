"""Event coding against PLOVER's gold-standard records (development half).

    python benchmarks/plover_events.py [--show N] [--half study|check]

The records are split in two halves by position (even: study, odd: check); the rules may be studied
on the study half only, and both halves are reported: the check half is the honest figure.

Reads ../shared/plover/dev.json (never copied into the repository). Each record is one sentence
with a gold event type, source actors and (sometimes) target actors. The 2016 labels are mapped to
today's 16 types (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).

A record is right when one extracted event in the sentence has the gold type, a source that is
one of the gold sources (its mention text or the phrase the event names it by overlaps the gold
actor text, or its country is the gold actor's country) and, where gold has targets, a target that
is one of them. Otherwise it is
"wrong type" when an event has matching actors but another type, "uncoded" when no event matches
the actors. Extra events are those in a sentence beyond the one that was scored. As event-data
projects do, the script prints right / wrong type / uncoded / extra.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
PLOVER = ROOT.parent / "shared" / "plover" / "dev.json"
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def actors(value: object) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def alpha3(code: str | None) -> str | None:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else None


def matches(entity_id: str | None, record, gold_actors: list[dict], text: str | None = None) -> bool:  # noqa: ANN001
    entity = record.entity(entity_id)
    if entity is None and not text:
        return False
    # the actor's names in the sentence, and the phrase the event took it from ("U.N. mediator X")
    texts = {m.text.lower() for m in entity.mentions} | {entity.name.lower()} if entity else set()
    if text:
        texts.add(text.lower())
    for actor in gold_actors:
        actor_text = str(actor.get("actorText", "")).lower()
        if any(t in actor_text or actor_text in t for t in texts if t and actor_text):
            return True
        if entity is not None and actor.get("code") and alpha3(entity.country) == actor["code"]:
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N records that were not right")
    parser.add_argument("--half", choices=["study", "check"], default="study",
                        help="the half whose misses --show prints (study errors on the study half only)")
    args = parser.parse_args()
    if not PLOVER.exists():
        print(f"PLOVER records not found at {PLOVER}", file=sys.stderr)
        return 2

    from newsgraph.pipeline import Extractor
    from newsgraph.record import Article

    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    extractor = Extractor()
    outcome: Counter[str] = Counter()
    halves: dict[str, Counter[str]] = {"study": Counter(), "check": Counter()}
    extra = 0
    misses = []
    by_type: dict[str, Counter[str]] = {}
    for position, item in enumerate(records):
        half = "study" if position % 2 == 0 else "check"
        gold_type = RENAMED.get(item["event"], item["event"])
        sources, targets = actors(item.get("source")), actors(item.get("target"))
        record = extractor.extract(Article(id=item["id"], text=item["text"]))
        scored = None
        verdict = "uncoded"
        for event in record.events:
            actors_fit = matches(event.source, record, sources, event.source_text) and (
                not targets or matches(event.target, record, targets, event.target_text))
            if actors_fit and event.type == gold_type:
                verdict, scored = "right", event
                break
            if actors_fit and verdict == "uncoded":
                verdict, scored = "wrong type", event
        outcome[verdict] += 1
        by_type.setdefault(gold_type, Counter())[verdict] += 1
        extras = len(record.events) - (1 if scored is not None else 0)
        extra += extras
        halves[half].update({verdict: 1, "records": 1, "extra": extras})
        if verdict != "right" and half == args.half:
            misses.append((item["text"], gold_type, [(e.type, e.source, e.target) for e in record.events]))
    total = len(records)
    print(f"PLOVER dev: {total} records")
    for verdict in ("right", "wrong type", "uncoded"):
        print(f"  {verdict:<11} {outcome[verdict]:>4}  {outcome[verdict] / total:6.1%}")
    print(f"  extra       {extra:>4}  {extra / total:.2f} per record")
    for half, counts in halves.items():
        print(f"  {half} half: {counts['right']}/{counts['records']} right "
              f"({counts['right'] / max(counts['records'], 1):.1%}), "
              f"{counts['extra'] / max(counts['records'], 1):.2f} extra per record")
    print("  by type: " + ", ".join(f"{t} {c['right']}/{sum(c.values())}" for t, c in sorted(by_type.items())))
    for text, gold_type, found in misses[: args.show]:
        print(f"\n{gold_type}: {text}\n  coded: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
