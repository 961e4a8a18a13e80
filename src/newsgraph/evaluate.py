"""Score extractions against gold folders by the rules of shared/gold/FORMAT.md.

A gold folder holds article.txt, meta.json and gold.yaml. Sections: entities, events, quotes,
relations, claims; each gets true positives, false positives, false negatives, P, R and F1.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsgraph.readers import ReaderError, read_text
from newsgraph.record import Article, Extraction

SECTIONS = ("entities", "events", "quotes", "relations", "claims")
SYMMETRIC_CLASSES = {"alliance", "opposition"}
WORD = re.compile(r"\w+")


@dataclass
class Score:
    """tp counts correct system items (for precision); found counts gold items found (for recall).

    They differ only for entities, where two system entities may both match one gold entity.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    found: int | None = None

    @property
    def gold_found(self) -> int:
        return self.tp if self.found is None else self.found

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        total = self.gold_found + self.fn
        return self.gold_found / total if total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        found = self.gold_found + other.gold_found
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.found = found

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "found": self.gold_found,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class ArticleScore:
    article: str
    sections: dict[str, Score] = field(default_factory=lambda: {s: Score() for s in SECTIONS})
    errors: dict[str, list[str]] = field(default_factory=dict)  # what was missed or wrong, for reading
    # of the gold events found: how many carry the gold status, how many dated ones the gold interval
    checks: dict[str, list[int]] = field(default_factory=lambda: {"event status": [0, 0], "event dates": [0, 0]})

    def note(self, section: str, message: str) -> None:
        self.errors.setdefault(section, []).append(message)


class GoldError(ValueError):
    pass


def norm(text: str) -> str:
    """FORMAT.md's comparison: case-blind, accents ignored, possessive 's / ’s dropped."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    stripped = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(stripped.casefold().split())


def words(text: str) -> set[str]:
    return {norm(w) for w in WORD.findall(text.replace("’", "'"))}


def load_gold(folder: Path) -> tuple[Article, dict[str, Any]]:
    gold_file, text_file = folder / "gold.yaml", folder / "article.txt"
    if not gold_file.exists() or not text_file.exists():
        raise GoldError(f"{folder}: a gold folder needs article.txt and gold.yaml")
    try:
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise GoldError(f"{gold_file}: malformed YAML ({error.__class__.__name__})") from None
    meta: dict[str, Any] = {}
    if (folder / "meta.json").exists():
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    try:
        article = read_text(text_file, {
            "id": meta.get("id") or gold.get("article") or folder.name,
            "title": meta.get("title"), "outlet": meta.get("outlet"),
            "published": str(meta.get("published") or gold.get("published") or "") or None,
        })
    except ReaderError as error:
        raise GoldError(str(error)) from None
    return article, gold


def gold_folders(paths: Iterable[Path]) -> list[Path]:
    """Each path is a gold folder, or a folder of gold folders."""
    found = []
    for path in paths:
        if (path / "gold.yaml").exists():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p.parent for p in path.glob("*/gold.yaml")))
        else:
            raise GoldError(f"{path}: not a gold folder (no gold.yaml)")
    if not found:
        raise GoldError("no gold folders found")
    return found


class EntityMap:
    """Which gold entities each system entity matches (by canonical name or any mention text)."""

    def __init__(self, extraction: Extraction, gold: dict[str, Any]) -> None:
        self.gold_entities = {g["id"]: g for g in gold.get("entities", [])}
        forms: dict[str, set[str]] = {}
        for gid, g in self.gold_entities.items():
            forms[gid] = {norm(a) for a in [g.get("name", ""), *g.get("aliases", [])] if a}
        self.matches: dict[str, set[str]] = {}
        for entity in extraction.entities:
            texts = {norm(entity.name), *(norm(m.text) for m in entity.mentions)}
            direct = {gid for gid, f in forms.items() if texts & f}
            accepted = set(direct)
            for gid in direct:
                accepted.update(self.gold_entities[gid].get("also_accept", []))
            self.matches[entity.id] = accepted

    def gold_ids(self, system_id: str | None) -> set[str]:
        return self.matches.get(system_id, set()) if system_id else set()

    def same(self, system_id: str | None, gold_ids: Iterable[str | None]) -> bool:
        wanted = set(gold_ids)
        if system_id is None:
            return None in wanted
        return bool(self.gold_ids(system_id) & wanted)


def score_article(extraction: Extraction, gold: dict[str, Any]) -> ArticleScore:
    result = ArticleScore(extraction.article.id)
    entity_map = EntityMap(extraction, gold)
    _score_entities(extraction, gold, entity_map, result)
    _score_events(extraction, gold, entity_map, result)
    _score_quotes(extraction, gold, entity_map, result)
    _score_relations(extraction, gold, entity_map, result)
    _score_claims(extraction, gold, result)
    return result


def _score_entities(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap,
                    result: ArticleScore) -> None:
    score = result.sections["entities"]
    required = {gid for gid, g in entity_map.gold_entities.items() if not g.get("optional")}
    found: set[str] = set()
    for entity in extraction.entities:
        matched = entity_map.gold_ids(entity.id)
        found |= matched
        if entity.type == "location":
            continue  # precision counts actors only
        if matched & required:
            score.tp += 1
        elif not matched:
            score.fp += 1
            result.note("entities", f"extra: {entity.name} ({entity.type})")
    missed = sorted(required - found)
    score.fn = len(missed)
    for gid in missed:
        result.note("entities", f"missed: {entity_map.gold_entities[gid]['name']}")
    score.found = len(required & found)


def _score_events(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap,
                  result: ArticleScore) -> None:
    score = result.sections["events"]
    gold_events = gold.get("events", []) or []
    found: set[int] = set()
    for event in extraction.events:
        hit = None
        for index, wanted in enumerate(gold_events):
            if (event.type in wanted.get("types", []) and entity_map.same(event.source, wanted.get("sources", []))
                    and entity_map.same(event.target, wanted.get("targets", []))):
                hit = index
                if index not in found:
                    break
        if hit is None:
            score.fp += 1
            result.note("events", f"extra: s{event.sentence} {event.type} {event.source} -> "
                                  f"{event.target or event.target_text} ({event.trigger.text})")
        elif hit not in found:
            found.add(hit)
            score.tp += 1
            _check_event_details(event, gold_events[hit], result)
        # a duplicate of an event already found is neither right nor wrong
    for index, wanted in enumerate(gold_events):
        if index not in found:
            score.fn += 1
            result.note("events", f"missed: s{wanted.get('sentence')} {'/'.join(wanted.get('types', []))} "
                                  f"{wanted.get('sources')} -> {wanted.get('targets')}")


def _check_event_details(event: Any, wanted: dict[str, Any], result: ArticleScore) -> None:
    if wanted.get("status"):
        result.checks["event status"][1] += 1
        if event.status == wanted["status"]:
            result.checks["event status"][0] += 1
        else:
            result.note("event status", f"s{wanted.get('sentence')} {event.type}: {event.status}, "
                                        f"gold {wanted['status']}")
    date = wanted.get("date")
    if date:
        result.checks["event dates"][1] += 1
        got = (event.date.start, event.date.end) if event.date else None
        if got == (str(date["start"]), str(date["end"])):
            result.checks["event dates"][0] += 1
        else:
            result.note("event dates", f"s{wanted.get('sentence')} {event.type}: {got}, gold "
                                       f"{date['start']}..{date['end']}")


def _score_quotes(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap,
                  result: ArticleScore) -> None:
    score = result.sections["quotes"]
    gold_quotes = gold.get("quotes", []) or []
    found: set[int] = set()
    for quote in extraction.quotes:
        hit = None
        for index, wanted in enumerate(gold_quotes):
            if index in found or not _speaker_matches(quote, wanted, entity_map):
                continue
            gold_words = words(str(wanted.get("content", "")))
            if gold_words and len(gold_words & words(quote.content.text)) * 2 >= len(gold_words):
                hit = index
                break
        if hit is None:
            score.fp += 1
            result.note("quotes", f"extra: s{quote.sentence} {quote.speaker or quote.speaker_text}: "
                                  f"{quote.content.text[:60]!r}")
        else:
            found.add(hit)
            score.tp += 1
    for index, wanted in enumerate(gold_quotes):
        if index not in found:
            score.fn += 1
            speaker = wanted.get("speaker") or wanted.get("speaker_text")
            result.note("quotes", f"missed: s{wanted.get('sentence')} {speaker}: {str(wanted.get('content'))[:60]!r}")


def _speaker_matches(quote: Any, wanted: dict[str, Any], entity_map: EntityMap) -> bool:
    if wanted.get("speaker"):
        return entity_map.same(quote.speaker, [wanted["speaker"]])
    return bool(quote.speaker_text) and norm(quote.speaker_text) == norm(str(wanted.get("speaker_text", "")))


def _score_relations(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap,
                     result: ArticleScore) -> None:
    score = result.sections["relations"]
    gold_relations = gold.get("relations", []) or []
    found: set[int] = set()
    for relation in extraction.relations:
        hit = None
        for index, wanted in enumerate(gold_relations):
            if relation.cls != wanted.get("class"):
                continue
            sources, targets = [wanted.get("source")], wanted.get("target") or []
            forward = entity_map.same(relation.source, sources) and entity_map.same(relation.target, targets)
            backward = (wanted.get("class") in SYMMETRIC_CLASSES and entity_map.same(relation.target, sources)
                        and entity_map.same(relation.source, targets))
            if forward or backward:
                hit = index
                if index not in found:
                    break
        if hit is None:
            score.fp += 1
            result.note("relations", f"extra: {relation.cls} {relation.source} -> {relation.target}")
        elif hit not in found:
            found.add(hit)
            if not gold_relations[hit].get("optional"):
                score.tp += 1
    for index, wanted in enumerate(gold_relations):
        if index not in found and not wanted.get("optional"):
            score.fn += 1
            result.note("relations", f"missed: {wanted['class']} {wanted['source']} -> {wanted.get('target')}")


def _score_claims(extraction: Extraction, gold: dict[str, Any], result: ArticleScore) -> None:
    score = result.sections["claims"]
    gold_claims = {(c["sentence"], c["status"]) for c in gold.get("claims", []) or []}
    system = {(c.sentence, c.status) for c in extraction.claims}
    score.tp = len(system & gold_claims)
    score.fp = len(system - gold_claims)
    score.fn = len(gold_claims - system)
    for sentence, status in sorted(system - gold_claims):
        result.note("claims", f"extra: s{sentence} {status}")
    for sentence, status in sorted(gold_claims - system):
        result.note("claims", f"missed: s{sentence} {status}")


def total(scores: list[ArticleScore]) -> dict[str, Score]:
    summed = {s: Score() for s in SECTIONS}
    for article in scores:
        for section, score in article.sections.items():
            summed[section].add(score)
    return summed
