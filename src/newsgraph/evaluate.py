"""Score extractions against gold folders by the rules of shared/gold/FORMAT.md.

A gold folder holds article.txt, meta.json and gold.yaml. Sections: entities, events, quotes,
relations, claims; each gets true positives, false positives, false negatives, P, R and F1.

Two rules of FORMAT.md shape everything below. Sentences: a system item is placed in the gold
sentence holding its first character, the gold sentences being fixed by the `# sentences:` comment
block of gold.yaml, whatever the system's splitter did. Matching: in every section the pairing of
system and gold items is one-to-one and a maximum one, so no order of items changes a score.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from newsgraph.readers import ReaderError, read_text
from newsgraph.record import Article, Extraction

SECTIONS = ("entities", "events", "quotes", "relations", "claims")
SYMMETRIC_CLASSES = {"alliance", "opposition"}
WORD = re.compile(r"\w+")
# gold.yaml's `# sentences:` block is a comment, which yaml.safe_load drops: load_gold reads it from
# the raw text and keeps it under this key, which no YAML mapping of the format uses.
SENTENCE_BLOCK = "_sentence_block"
BLOCK_HEADER = re.compile(r"^\s*#\s*sentences\s*:")
BLOCK_LINE = re.compile(r"^\s*#\s*(\d+)\s*:\s?(.*?)\s*$")
# Characters an annotator may type differently from the article (straight or typographic quotes,
# hyphen or dash) when copying a sentence's first words; each matches any of its class.
CHAR_CLASSES = ("\"“”„«»″", "'‘’‚‛′`", "-‐‑–—")
OPENERS = "\"“„«'‘‚([{"  # may open a sentence before its first word: they belong to that sentence


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
    raw = gold_file.read_text(encoding="utf-8")
    try:
        gold = yaml.safe_load(raw) or {}
    except yaml.YAMLError as error:
        raise GoldError(f"{gold_file}: malformed YAML ({error.__class__.__name__})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{gold_file}: expected a mapping of sections, got {type(gold).__name__}")
    block = parse_sentence_block(raw)
    if block:
        gold[SENTENCE_BLOCK] = block
    meta: dict[str, Any] = {}
    if (folder / "meta.json").exists():
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise GoldError(f"{folder / 'meta.json'}: malformed JSON (line {error.lineno})") from None
    try:
        article = read_text(text_file, {
            "id": meta.get("id") or gold.get("article") or folder.name,
            "title": meta.get("title"), "outlet": meta.get("outlet"),
            "published": str(meta.get("published") or gold.get("published") or "") or None,
        })
    except ReaderError as error:
        raise GoldError(str(error)) from None
    return article, gold


def gold_folders(paths: Iterable[Path], skipped: list[Path] | None = None) -> list[Path]:
    """Each path is a gold folder, or a folder of gold folders.

    A plain file is passed over (appended to `skipped` when given): a shell glob such as
    `gold/dev/*` also names the README beside the folders. A missing path, or a folder holding no
    gold at all, is a mistake worth stopping for.
    """
    found: list[Path] = []
    for path in paths:
        if (path / "gold.yaml").exists():
            found.append(path)
        elif path.is_dir():
            inside = sorted(p.parent for p in path.glob("*/gold.yaml"))
            if not inside:
                raise GoldError(f"{path}: no gold folders here (no gold.yaml in it or in its subfolders)")
            found.extend(inside)
        elif path.exists():
            if skipped is not None:
                skipped.append(path)
        else:
            raise GoldError(f"{path}: no such file or folder")
    if not found:
        raise GoldError("no gold folders found")
    return list(dict.fromkeys(found))  # a folder named twice (dev and dev/x) is scored once


# --- sentences ----------------------------------------------------------------------------------


def parse_sentence_block(raw: str) -> list[tuple[int, str]]:
    """The `# sentences:` block of a gold.yaml's raw text: (number, first words) in file order."""
    lines = raw.splitlines()
    header = next((i for i, line in enumerate(lines) if BLOCK_HEADER.match(line)), None)
    if header is None:
        return []
    block = []
    for line in lines[header + 1:]:
        match = BLOCK_LINE.match(line)
        if not match:
            break  # the block ends at the first line that is not `#   N: words`
        block.append((int(match.group(1)), match.group(2)))
    return block


def _first_words_pattern(first_words: str) -> str:
    """A regex for a sentence's first words that forgives spacing, quote and dash variants."""
    first_words = re.sub(r"\s*(\.\.\.|…)$", "", first_words.strip())  # an annotator's "and so on" mark
    parts = []
    for token in first_words.split():
        chars = []
        for char in token:
            variants = next((c for c in CHAR_CLASSES if char in c), None)
            chars.append(f"[{re.escape(variants)}]" if variants else re.escape(char))
        parts.append("".join(chars))
    return r"\s+".join(parts)


def locate_sentences(text: str, block: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[str]]:
    """Where each gold sentence starts in the text: (offset, number) pairs in reading order, and problems.

    Each sentence is looked for after the start of the one before it, so first words repeated
    earlier in the text cannot pull a sentence back. A sentence not found is left out (its items
    fall to the sentence before it) and reported.
    """
    located: list[tuple[int, int]] = []
    problems: list[str] = []
    seen: set[int] = set()
    position = 0
    for number, first_words in sorted(block, key=lambda entry: entry[0]):
        if number in seen:
            problems.append(f"gold sentence {number} is listed twice in the # sentences: block; the second is ignored")
            continue
        seen.add(number)
        pattern = _first_words_pattern(first_words)
        match = None
        if pattern:
            match = (re.compile(pattern).search(text, position)
                     or re.compile(pattern, re.IGNORECASE).search(text, position))
        if match is None:
            problems.append(f"gold sentence {number}: first words {first_words!r} not found in the article "
                            "after the sentence before it; its items are counted with the sentence before")
            continue
        start = match.start()
        opening = start
        while opening > 0 and text[opening - 1] in OPENERS:
            opening -= 1
        if opening == 0 or text[opening - 1].isspace():
            start = opening  # an opening quote the annotator left out still starts the sentence
        located.append((start, number))
        position = match.start() + 1
    return located, problems


class SentenceMap:
    """Places system items in gold sentences: by the gold block when there is one, else by the system's
    own sentence numbers (the seed gold has no block)."""

    def __init__(self, extraction: Extraction, gold: dict[str, Any]) -> None:
        self.notes: list[str] = []
        self.system_starts = {s.index: s.start for s in extraction.sentences}
        block = gold.get(SENTENCE_BLOCK) or []
        located, self.notes = locate_sentences(extraction.article.text, block) if block else ([], [])
        self.starts = [start for start, _ in located]
        self.numbers = [number for _, number in located]
        self.first = min(number for number, _ in block) if block else 0
        if not block:
            self.notes.append("gold.yaml has no # sentences: block: sentence numbers are the system's own")
        elif not located:
            self.notes.append("no gold sentence of the # sentences: block was found in the article: "
                              "sentence numbers are the system's own")
        self._missing_sentences: set[int] = set()

    @property
    def by_gold(self) -> bool:
        return bool(self.starts)

    def of_offset(self, offset: int | None, system_sentence: int) -> int:
        """The gold sentence holding a character offset (system_sentence when there is no gold numbering)."""
        if not self.by_gold or offset is None:
            return system_sentence
        index = bisect_right(self.starts, offset) - 1
        # text before the first located start (a dateline, or sentence 0 not found) is sentence 0's
        return self.numbers[index] if index >= 0 else self.first

    def of_sentence(self, system_sentence: int) -> int:
        """The gold sentence holding the first character of a system sentence."""
        start = self.system_starts.get(system_sentence)
        if start is None and self.by_gold and system_sentence not in self._missing_sentences:
            self._missing_sentences.add(system_sentence)
            self.notes.append(f"system sentence {system_sentence} is not in the extraction's sentence list: "
                              "its items keep the system's number")
        return self.of_offset(start, system_sentence)


# --- matching -----------------------------------------------------------------------------------


def maximum_pairing(compatible: Mapping[int, Collection[int]], optional: Collection[int] = (),
                    prefer: Callable[[int, int], bool] | None = None) -> dict[int, int]:
    """A one-to-one pairing of system items with gold items they may match: system index -> gold index.

    It finds the most non-optional gold items (FORMAT.md's maximum matching; only those count), then
    the most optional ones (so that what a system found there is not counted extra), then the most
    pairs `prefer` likes (same sentence: so the status and date checks compare the event read in that
    sentence). The three goals are weights of different magnitude in one maximum-weight matching.
    """
    pairs = [(system, gold) for system, golds in compatible.items() for gold in golds]
    if not pairs:
        return {}
    # No matching has more pairs than `most`, so a weight of `most` beats any sum of smaller ones.
    most = min(len({s for s, _ in pairs}), len({g for _, g in pairs})) + 1
    graph = nx.Graph()
    for system, gold in pairs:
        weight = (most if gold in optional else most * most) + (1 if prefer and prefer(system, gold) else 0)
        graph.add_edge(("system", system), ("gold", gold), weight=weight)
    pairing = {}
    for one, other in nx.max_weight_matching(graph):
        system_node, gold_node = (one, other) if one[0] == "system" else (other, one)
        pairing[system_node[1]] = gold_node[1]
    return _earliest_first(pairing, compatible, prefer)


def _earliest_first(pairing: dict[int, int], compatible: Mapping[int, Collection[int]],
                    prefer: Callable[[int, int], bool] | None) -> dict[int, int]:
    """Among equally good pairings, give each gold item the earliest system item that could take it.

    Counts do not change (an unpaired item replaces a paired one, which becomes unpaired, with the
    same weight); what changes is which event the status and date checks read, and that should not be
    whatever the matching algorithm happened to visit first. Each swap lowers the sum of paired system
    indices, so this ends.
    """
    owner = {gold: system for system, gold in pairing.items()}
    swapped = True
    while swapped:
        swapped = False
        for system in sorted(set(compatible) - set(pairing)):
            for gold in compatible[system]:
                current = owner.get(gold)
                if current is None or current < system:
                    continue
                if prefer is not None and prefer(system, gold) != prefer(current, gold):
                    continue
                del pairing[current]
                pairing[system], owner[gold] = gold, system
                swapped = True
                break
    return pairing


def _optional(items: list[dict[str, Any]]) -> set[int]:
    return {index for index, item in enumerate(items) if item.get("optional")}


# --- sections -----------------------------------------------------------------------------------


class EntityMap:
    """Which gold entities each system entity matches (by canonical name or any mention text)."""

    def __init__(self, extraction: Extraction, gold: dict[str, Any]) -> None:
        self.gold_entities = {g["id"]: g for g in gold.get("entities", []) or []}
        forms: dict[str, set[str]] = {}
        for gid, g in self.gold_entities.items():
            forms[gid] = {norm(a) for a in [g.get("name", ""), *g.get("aliases", [])] if a}
        self.matches: dict[str, set[str]] = {}
        self.direct: dict[str, set[str]] = {}  # matched by a name, not through also_accept
        for entity in extraction.entities:
            texts = {norm(entity.name), *(norm(m.text) for m in entity.mentions)}
            direct = {gid for gid, f in forms.items() if texts & f}
            accepted = set(direct)
            for gid in direct:
                accepted.update(self.gold_entities[gid].get("also_accept", []))
            self.direct[entity.id] = direct
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
    sentences = SentenceMap(extraction, gold)
    _score_entities(extraction, entity_map, result)
    _score_events(extraction, gold, entity_map, sentences, result)
    _score_quotes(extraction, gold, entity_map, sentences, result)
    _score_relations(extraction, gold, entity_map, sentences, result)
    _score_claims(extraction, gold, sentences, result)
    for message in sentences.notes:
        result.note("sentences", message)
    return result


def _score_entities(extraction: Extraction, entity_map: EntityMap, result: ArticleScore) -> None:
    """FORMAT.md's own entity rule for precision: an actor entity is right when it matches a required
    gold entity and extra when it matches none (two system entities for one gold entity are both right).
    Recall is a maximum matching: one system entity finds at most one gold entity, so an entity the
    system merged from two gold ones finds only one of them."""
    score = result.sections["entities"]
    required = [gid for gid, g in entity_map.gold_entities.items() if not g.get("optional")]
    for entity in extraction.entities:
        matched = entity_map.gold_ids(entity.id)
        if entity.type == "location":
            continue  # precision counts actors only
        if matched & set(required):
            score.tp += 1
        elif not matched:
            score.fp += 1
            result.note("entities", f"extra: {entity.name} ({entity.type})")
    position = {gid: index for index, gid in enumerate(required)}
    compatible = {index: [position[gid] for gid in sorted(entity_map.gold_ids(entity.id)) if gid in position]
                  for index, entity in enumerate(extraction.entities)}
    entities = extraction.entities

    def named(system: int, gold: int) -> bool:
        # "U.S. military" stands for the gold U.S. military before the United States it is also accepted as
        return required[gold] in entity_map.direct.get(entities[system].id, set())

    found = set(maximum_pairing(compatible, prefer=named).values())
    missed = sorted(gid for gid in required if position[gid] not in found)
    score.fn = len(missed)
    for gid in missed:
        result.note("entities", f"missed: {entity_map.gold_entities[gid]['name']}")
    score.found = len(found)


def _event_matches(event: Any, wanted: dict[str, Any], entity_map: EntityMap) -> bool:
    return (event.type in (wanted.get("types") or []) and entity_map.same(event.source, wanted.get("sources") or [])
            and entity_map.same(event.target, wanted.get("targets") or []))


def _score_events(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap, sentences: SentenceMap,
                  result: ArticleScore) -> None:
    """Events match article-wide (FORMAT.md ties them to no sentence); the gold sentence only breaks ties.
    An event that matches only gold events other system events found is a duplicate, neither right nor
    wrong; one that found an optional gold event scores nothing either way."""
    _pair_section(
        result, "events", extraction.events, gold.get("events", []) or [],
        [sentences.of_offset(e.trigger.start, e.sentence) for e in extraction.events],
        lambda event, wanted: _event_matches(event, wanted, entity_map), repeats_neutral=True,
        extra=lambda e, at: f"extra: s{at} {e.type} {e.source} -> {e.target or e.target_text} ({e.trigger.text})",
        missed=lambda w: (f"missed: s{w.get('sentence')} {'/'.join(w.get('types', []))} "
                          f"{w.get('sources')} -> {w.get('targets')}"),
        on_hit=lambda event, wanted: _check_event_details(event, wanted, result))


def _pair_section(result: ArticleScore, section: str, system: list[Any], gold_items: list[dict[str, Any]],
                  placed: list[int | None], matches: Callable[[Any, dict[str, Any]], bool], *, repeats_neutral: bool,
                  extra: Callable[[Any, int | None], str], missed: Callable[[dict[str, Any]], str],
                  on_hit: Callable[[Any, dict[str, Any]], None] | None = None) -> None:
    """One section scored by FORMAT.md's maximum matching: each gold item found at most once, each
    system item right for at most one; optional gold items count neither way. With `repeats_neutral`
    (events, ties) a system item that could only repeat a gold item already found is no error."""
    score = result.sections[section]
    optional = _optional(gold_items)
    compatible = {s: [g for g, wanted in enumerate(gold_items) if matches(item, wanted)]
                  for s, item in enumerate(system)}
    pairing = maximum_pairing(compatible, optional, lambda s, g: placed[s] == gold_items[g].get("sentence"))
    for s, item in enumerate(system):
        hit = pairing.get(s)
        if hit is None and not (repeats_neutral and compatible[s]):
            score.fp += 1
            result.note(section, extra(item, placed[s]))
        elif hit is not None and hit not in optional:
            score.tp += 1
            if on_hit is not None:
                on_hit(item, gold_items[hit])
    found = set(pairing.values())
    for index, wanted in enumerate(gold_items):
        if index not in found and index not in optional:
            score.fn += 1
            result.note(section, missed(wanted))


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


def _quote_matches(quote: Any, wanted: dict[str, Any], entity_map: EntityMap) -> bool:
    if not _speaker_matches(quote, wanted, entity_map):
        return False
    gold_words = words(str(wanted.get("content", "")))
    return bool(gold_words) and len(gold_words & words(quote.content.text)) * 2 >= len(gold_words)


def _score_quotes(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap, sentences: SentenceMap,
                  result: ArticleScore) -> None:
    """Quotes match article-wide. FORMAT.md gives them no duplicate rule: a second system quote for a gold
    quote already found is extra."""
    _pair_section(
        result, "quotes", extraction.quotes, gold.get("quotes", []) or [],
        [sentences.of_offset(q.cue.start, q.sentence) for q in extraction.quotes],
        lambda quote, wanted: _quote_matches(quote, wanted, entity_map), repeats_neutral=False,
        extra=lambda q, at: f"extra: s{at} {q.speaker or q.speaker_text}: {q.content.text[:60]!r}",
        missed=lambda w: (f"missed: s{w.get('sentence')} {w.get('speaker') or w.get('speaker_text')}: "
                          f"{str(w.get('content'))[:60]!r}"))


def _speaker_matches(quote: Any, wanted: dict[str, Any], entity_map: EntityMap) -> bool:
    if wanted.get("speaker"):
        return entity_map.same(quote.speaker, [wanted["speaker"]])
    return bool(quote.speaker_text) and norm(quote.speaker_text) == norm(str(wanted.get("speaker_text", "")))


def _relation_matches(relation: Any, wanted: dict[str, Any], entity_map: EntityMap) -> bool:
    if relation.cls != wanted.get("class"):
        return False
    sources, targets = [wanted.get("source")], wanted.get("target") or []
    forward = entity_map.same(relation.source, sources) and entity_map.same(relation.target, targets)
    backward = (wanted.get("class") in SYMMETRIC_CLASSES and entity_map.same(relation.target, sources)
                and entity_map.same(relation.source, targets))
    return forward or backward


def _score_relations(extraction: Extraction, gold: dict[str, Any], entity_map: EntityMap, sentences: SentenceMap,
                     result: ArticleScore) -> None:
    """Standing ties match article-wide; a tie stated twice is found once and the repeat is no error."""
    _pair_section(
        result, "relations", extraction.relations, gold.get("relations", []) or [],
        [sentences.of_sentence(r.sentence) for r in extraction.relations],
        lambda relation, wanted: _relation_matches(relation, wanted, entity_map), repeats_neutral=True,
        extra=lambda r, at: f"extra: s{at} {r.cls} {r.source} -> {r.target}",
        missed=lambda w: (f"missed: s{w.get('sentence')} {w.get('class')} {w.get('source')} "
                          f"-> {w.get('target')}"))


def _score_claims(extraction: Extraction, gold: dict[str, Any], sentences: SentenceMap, result: ArticleScore) -> None:
    """A claim matches a gold claim of the same gold sentence and status, one to one: a system that splits
    a gold sentence in two and claims both halves has one claim right and one extra."""
    score = result.sections["claims"]
    gold_claims = gold.get("claims", []) or []
    optional = _optional(gold_claims)
    placed = [sentences.of_sentence(c.sentence) for c in extraction.claims]
    compatible = {s: [g for g, wanted in enumerate(gold_claims)
                      if wanted.get("sentence") == placed[s] and wanted.get("status") == claim.status]
                  for s, claim in enumerate(extraction.claims)}
    pairing = maximum_pairing(compatible, optional)
    extra: list[tuple[int, str]] = []
    for s, claim in enumerate(extraction.claims):
        hit = pairing.get(s)
        if hit is None:
            score.fp += 1
            extra.append((placed[s], claim.status))
        elif hit not in optional:
            score.tp += 1
    found = set(pairing.values())
    missed = [(c.get("sentence"), str(c.get("status"))) for index, c in enumerate(gold_claims)
              if index not in found and index not in optional]
    score.fn = len(missed)
    for sentence, status in sorted(extra):
        result.note("claims", f"extra: s{sentence} {status}")
    for sentence, status in sorted(missed, key=lambda m: (m[0] if isinstance(m[0], int) else -1, m[1])):
        result.note("claims", f"missed: s{sentence} {status}")


def total(scores: list[ArticleScore]) -> dict[str, Score]:
    summed = {s: Score() for s in SECTIONS}
    for article in scores:
        for section, score in article.sections.items():
            summed[section].add(score)
    return summed
