"""The extraction record: plain dataclasses that serialise to the JSON of shared/spec/EXTRACTION.md.

No spaCy object lives here, so a record can cross a process or cluster boundary, be written as JSON
lines, or be stored. Field names are a contract with other tools: add fields, never rename or drop.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    source_path: str | None = None  # where the reader found it (not part of the identity)

    @property
    def content_hash(self) -> str:
        """Identity of an article for idempotent ingest: its text and the metadata that changes meaning."""
        digest = hashlib.sha256()
        for part in (self.text, self.published or "", self.url or ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def to_meta(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
        }


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Sentence:
    index: int
    start: int
    end: int


@dataclass
class Mention:
    text: str
    start: int
    end: int
    sentence: int


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    kb: bool = False
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class TimeInterval:
    text: str
    start: str | None
    end: str | None


@dataclass
class Quantity:
    value: float
    qualifier: str | None = None
    unit: str | None = None
    text: str | None = None


@dataclass
class Event:
    type: str
    source: str | None
    target: str | None
    trigger: Span
    sentence: int
    mode: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    status: str = "asserted"
    attributed_to: str | None = None
    negated: bool = False
    date: TimeInterval | None = None
    quantity: Quantity | None = None
    location: str | None = None


@dataclass
class Quote:
    speaker: str | None
    speaker_text: str | None
    cue: Span
    content: Span
    direct: bool
    sentence: int
    channel: str | None = None
    # the next sentence of the same speaker's quote ('"We will stay," she said. "The talks failed."'):
    # quotes are written one per sentence, and this joins a long quote back together
    continues: bool = False


@dataclass
class Relation:
    cls: str  # serialised as "class" (a Python keyword)
    type: str
    source: str
    target: str
    sentence: int
    evidence: str | None = None


@dataclass
class Claim:
    sentence: int
    status: str
    holder: str | None = None
    holder_text: str | None = None
    cue: str | None = None
    # what the claim states, normalised so that other articles' claims of it meet (nlp/claim_keys.py):
    # the doer (an entity id, else the head word) and the deed ("ASSAULT>target-id", "supply>drone")
    subject: str | None = None
    predicate: str | None = None
    denies: bool = False  # the sentence denies or rejects the proposition rather than stating it


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.article.text[sentence.start : sentence.end]

    # --- JSON -------------------------------------------------------------------------------
    def to_dict(self, include_text: bool = True) -> dict[str, Any]:
        article = self.article.to_meta()
        if include_text:
            article["text"] = self.article.text
        article["content_hash"] = self.article.content_hash
        return {
            "article": article,
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(e) for e in self.entities],
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "relations": [_relation_dict(r) for r in self.relations],
            "claims": [asdict(c) for c in self.claims],
        }

    def to_json(self, include_text: bool = True) -> str:
        return json.dumps(self.to_dict(include_text), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        meta = data["article"]
        article = Article(
            id=meta["id"],
            text=meta.get("text", ""),
            title=meta.get("title"),
            published=meta.get("published"),
            outlet=meta.get("outlet"),
            url=meta.get("url"),
            language=meta.get("language", "en"),
        )
        return cls(
            article=article,
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            events=[_event(e) for e in data.get("events", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            relations=[_relation(r) for r in data.get("relations", [])],
            claims=[Claim(**_known(Claim, c)) for c in data.get("claims", [])],
        )

    @classmethod
    def from_json(cls, line: str) -> Extraction:
        return cls.from_dict(json.loads(line))


def _known(kind: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep the keys a dataclass knows, so records written by a newer version still load."""
    names = {f.name for f in fields(kind)}
    return {k: v for k, v in data.items() if k in names}


def _entity(data: dict[str, Any]) -> Entity:
    entity = Entity(**_known(Entity, data))
    entity.mentions = [Mention(**_known(Mention, m)) for m in data.get("mentions", [])]
    return entity


def _event(data: dict[str, Any]) -> Event:
    event = Event(**_known(Event, data))
    event.trigger = Span(**data["trigger"])
    event.date = TimeInterval(**data["date"]) if data.get("date") else None
    event.quantity = Quantity(**_known(Quantity, data["quantity"])) if data.get("quantity") else None
    return event


def _quote(data: dict[str, Any]) -> Quote:
    quote = Quote(**_known(Quote, data))
    quote.cue = Span(**data["cue"])
    quote.content = Span(**data["content"])
    return quote


def _relation_dict(relation: Relation) -> dict[str, Any]:
    data = asdict(relation)
    data["class"] = data.pop("cls")
    return {"class": data.pop("class"), **data}


def _relation(data: dict[str, Any]) -> Relation:
    data = dict(data)
    data["cls"] = data.pop("class")
    return Relation(**_known(Relation, data))
