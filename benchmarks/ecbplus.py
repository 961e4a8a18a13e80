"""A reader of the ECB+ corpus (Cybulska and Vossen, LREC 2014; CC BY 3.0), read in place from
../shared/ecbplus and never copied: its topics, and for each document its tokens, sentences, mentions
and which mentions corefer across documents. Shared by the entity and the event benchmarks; kept stable.

    from ecbplus import topics, read_document
    for topic in topics():
        for path in topic.documents:
            doc = read_document(path)
            doc.text, doc.tokens, doc.mentions, doc.selected_sentences

A document's text is rebuilt from its tokens, one space between tokens and one line per sentence, so
every token has a character offset in `text`. A mention's cluster is the cross-document instance id it
is linked to (CROSS_DOC_COREF, e.g. "HUM16236184328979740"), else a within-document chain of its own
(INTRA_DOC_COREF: "<doc>/intra/<r_id>"), else the mention alone ("<doc>/<m_id>"): singletons count as
clusters of one, as B-cubed needs. Tags are as the corpus writes them: ACTION_*, NEG_ACTION_*, TIME_*,
LOC_*, HUMAN_PART_*, NON_HUMAN_PART_*.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "ecbplus"
ENTITY_TAG_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART")
EVENT_TAG_PREFIXES = ("ACTION", "NEG_ACTION")


@dataclass(frozen=True)
class Token:
    id: int  # t_id in the file
    sentence: int
    number: int  # place in its sentence
    text: str
    start: int  # character offsets in Document.text
    end: int


@dataclass(frozen=True)
class Mention:
    id: str  # m_id
    tag: str
    tokens: tuple[int, ...]  # token ids, in order
    start: int  # characters of Document.text, from the first token's start to the last token's end
    end: int
    text: str
    sentence: int
    cluster: str  # see the module's docstring

    @property
    def is_entity(self) -> bool:
        return self.tag.startswith(ENTITY_TAG_PREFIXES)

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(EVENT_TAG_PREFIXES)


@dataclass
class Document:
    name: str  # "1_10ecb"
    topic: str  # "1"
    subtopic: str  # "ecb" or "ecbplus": two different happenings of the topic
    tokens: list[Token]
    text: str
    sentences: list[tuple[int, int]]  # (start, end) of each sentence in text, by sentence number
    mentions: list[Mention] = field(default_factory=list)
    selected_sentences: frozenset[int] = frozenset()  # the sentences checked for coreference

    def entity_mentions(self, selected_only: bool = True) -> list[Mention]:
        """HUMAN_PART_* and NON_HUMAN_PART_* mentions, by default only in the sentences checked for coreference."""
        return [m for m in self.mentions if m.is_entity and self._counted(m, selected_only)]

    def event_mentions(self, selected_only: bool = True) -> list[Mention]:
        """ACTION_* and NEG_ACTION_* mentions, by default only in the sentences checked for coreference."""
        return [m for m in self.mentions if m.is_event and self._counted(m, selected_only)]

    def _counted(self, mention: Mention, selected_only: bool) -> bool:
        return not selected_only or mention.sentence in self.selected_sentences


@dataclass(frozen=True)
class Topic:
    name: str
    documents: tuple[Path, ...]


def available(root: Path = ECBPLUS) -> bool:
    return (root / "ECB+").is_dir()


def topics(root: Path = ECBPLUS) -> list[Topic]:
    """The corpus's topics in numeric order, each with its document files in name order."""
    folders = [p for p in (root / "ECB+").iterdir() if p.is_dir()]
    found = []
    for folder in sorted(folders, key=lambda p: (int(p.name) if p.name.isdigit() else 10**6, p.name)):
        found.append(Topic(folder.name, tuple(sorted(folder.glob("*.xml"), key=_document_order))))
    return found


def _document_order(path: Path) -> tuple[str, int, str]:
    topic, _, rest = path.stem.partition("_")
    digits = "".join(ch for ch in rest if ch.isdigit())
    return (topic, int(digits) if digits else 0, rest)


@cache
def selected_sentences(root: Path = ECBPLUS) -> dict[str, frozenset[int]]:
    """Document name ("1_10ecbplus") -> the sentence numbers the corpus checked for coreference."""
    chosen: dict[str, set[int]] = {}
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            chosen.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in chosen.items()}


def read_document(path: Path, root: Path = ECBPLUS) -> Document:
    tree = ElementTree.parse(path)
    document = tree.getroot()
    name = path.stem
    topic, _, rest = name.partition("_")
    tokens, text, sentences = _tokens(document.findall("token"))
    by_id = {token.id: token for token in tokens}
    clusters = _clusters(document.find("Relations"), name)
    mentions = []
    markables = document.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [int(a.get("t_id")) for a in element.findall("token_anchor")]
        anchors = [t for t in anchors if t in by_id]
        if not anchors:  # an instance descriptor (TAG_DESCRIPTOR), not a mention in the text
            continue
        first, last = by_id[min(anchors)], by_id[max(anchors)]
        m_id = element.get("m_id", "")
        mentions.append(Mention(id=m_id, tag=element.tag, tokens=tuple(sorted(anchors)), start=first.start,
                                end=last.end, text=text[first.start:last.end], sentence=first.sentence,
                                cluster=clusters.get(m_id, f"{name}/{m_id}")))
    return Document(name=name, topic=topic, subtopic="ecbplus" if rest.endswith("ecbplus") else "ecb",
                    tokens=tokens, text=text, sentences=sentences, mentions=mentions,
                    selected_sentences=selected_sentences(root).get(name, frozenset()))


def _tokens(elements: Iterable[ElementTree.Element]) -> tuple[list[Token], str, list[tuple[int, int]]]:
    tokens: list[Token] = []
    pieces: list[str] = []
    sentences: list[tuple[int, int]] = []
    position = 0
    current: int | None = None
    sentence_start = 0
    for element in elements:
        sentence = int(element.get("sentence", "0"))
        word = (element.text or "").strip() or "_"
        if current is not None and sentence != current:
            sentences.append((sentence_start, position))
            pieces.append("\n")
            position += 1
        elif current is not None:
            pieces.append(" ")
            position += 1
        if current != sentence:
            sentence_start = position
            current = sentence
        tokens.append(Token(int(element.get("t_id")), sentence, int(element.get("number", "0")), word, position,
                            position + len(word)))
        pieces.append(word)
        position += len(word)
    if current is not None:
        sentences.append((sentence_start, position))
    # sentence numbers start at 0 and run without gaps in the corpus; keyed by number to be sure
    numbered = {}
    for token in tokens:
        numbered.setdefault(token.sentence, None)
    spans = dict(zip(numbered, sentences, strict=True))
    return tokens, "".join(pieces), [spans[n] for n in sorted(spans)]


def _clusters(relations: ElementTree.Element | None, name: str) -> dict[str, str]:
    """m_id -> cluster id: cross-document instances first, then within-document chains."""
    found: dict[str, str] = {}
    if relations is None:
        return found
    for relation in relations:
        if relation.tag == "CROSS_DOC_COREF":
            cluster = relation.get("note") or f"{name}/cross/{relation.get('r_id')}"
        elif relation.tag == "INTRA_DOC_COREF":
            cluster = f"{name}/intra/{relation.get('r_id')}"
        else:
            continue
        # a within-document chain's target is a mention in the text too; a cross-document one's is
        # the instance's descriptor, which has no tokens
        ends = relation.findall("source") + (relation.findall("target") if relation.tag == "INTRA_DOC_COREF" else [])
        for end in ends:
            found.setdefault(end.get("m_id", ""), cluster)
    return found


def b_cubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998) over the mentions both key: gold and
    system map a mention key to a cluster id."""
    keys = [k for k in gold if k in system]
    if not keys:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[str]] = {}
    system_members: dict[str, set[str]] = {}
    for key in keys:
        gold_members.setdefault(gold[key], set()).add(key)
        system_members.setdefault(system[key], set()).add(key)
    precision = recall = 0.0
    for key in keys:
        ours, theirs = system_members[system[key]], gold_members[gold[key]]
        shared = len(ours & theirs)
        precision += shared / len(ours)
        recall += shared / len(theirs)
    precision /= len(keys)
    recall /= len(keys)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
