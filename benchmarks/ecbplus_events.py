"""Cross-document event coreference on ECB+: newsgraph's story-event merging against the same-lemma baseline.

    python benchmarks/ecbplus_events.py [--topics N] [--published YYYY-MM-DD]

Reads ../shared/ecbplus (Cybulska and Vossen, LREC 2014; annotation CC BY 3.0; never copied into the
repository). For each topic, each document's text is rebuilt from its tokens (a space between tokens, a
line break between sentences; the URL an ECB+ document opens with, its sentence 0, left out), newsgraph
extracts it, and each extracted event is aligned to the gold ACTION (or NEG_ACTION) mention whose tokens
hold the first character of its trigger. The mentions scored are those that (a) one extracted event
aligns to and (b) lie in the sentences ECB+ lists as checked for coreference
(ECBplus_coreference_sentences.csv): B-cubed precision, recall and F1 of their clusters against the gold
ones (a CROSS_DOC_COREF or INTRA_DOC_COREF instance, else the mention alone), pooled over topics.

Clusterings compared, on the same mentions in the same run:
  newsgraph   the story-event rules (resolve/stories.py) over the topic's events in document order: same
              type family, same actors, overlapping dates, same place when known.
  lemma       the baseline: same trigger lemma within a topic.
  singletons  every mention alone (recall's floor, precision's ceiling).

ECB+ documents carry no publication date, and each topic holds two happenings of one kind (two
earthquakes, two arrests); every document is given the same publication day (--published), so dates
told relative to it cannot part the two and only the actors and types do. This is stated, not hidden:
on real feeds the publication day does part them.
"""

from __future__ import annotations

import argparse
import csv
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT.parent / "shared" / "ecbplus"
ACTION_TAGS = ("ACTION", "NEG_ACTION")


@dataclass
class GoldMention:
    mention: str  # topic/document/m_id
    start: int
    end: int
    sentence: int
    cluster: str


@dataclass
class GoldDocument:
    topic: str
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


# --- a private ECB+ reader (the lead merges it with benchmarks/ecbplus.py) -------------------------------

def read_document(path: Path, topic: str) -> GoldDocument:
    """Tokens to text with each token's offsets; ACTION mentions with their gold cluster."""
    root = ET.parse(path).getroot()
    plus = path.name.endswith("ecbplus.xml")
    pieces: list[str] = []
    spans: dict[str, tuple[int, int, int]] = {}  # t_id -> (start, end, sentence)
    offset, sentence_now = 0, None
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if plus and sentence == 0:
            continue  # the URL the document was found at
        if sentence_now is not None:
            separator = "\n" if sentence != sentence_now else " "
            pieces.append(separator)
            offset += len(separator)
        sentence_now = sentence
        text = token.text or ""
        spans[token.get("t_id", "")] = (offset, offset + len(text), sentence)
        pieces.append(text)
        offset += len(text)
    markables = root.find("Markables")
    anchored: dict[str, tuple[int, int, int]] = {}
    for markable in markables if markables is not None else []:
        if not markable.tag.startswith(ACTION_TAGS):
            continue
        tokens = [spans[a.get("t_id", "")] for a in markable.findall("token_anchor") if a.get("t_id") in spans]
        if tokens:
            anchored[markable.get("m_id", "")] = (min(t[0] for t in tokens), max(t[1] for t in tokens), tokens[0][2])
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag not in {"CROSS_DOC_COREF", "INTRA_DOC_COREF"}:
            continue
        name = relation.get("note") or f"{path.stem}/{relation.get('r_id')}"
        for source in relation.findall("source"):
            cluster_of[source.get("m_id", "")] = name
    document = GoldDocument(topic, path.stem, "".join(pieces))
    for m_id, (start, end, sentence) in anchored.items():
        key = f"{topic}/{path.stem}/{m_id}"
        document.mentions.append(GoldMention(key, start, end, sentence, cluster_of.get(m_id, key)))
    return document


def checked_sentences() -> set[tuple[str, str, int]]:
    """(topic, document stem as 1_10ecbplus, sentence) of the sentences checked for coreference."""
    with (ECBPLUS / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        return {(row["Topic"], f"{row['Topic']}_{row['File']}", int(row["Sentence Number"]))
                for row in csv.DictReader(handle)}


def topics(limit: int | None) -> list[tuple[str, list[Path]]]:
    folders = sorted((p for p in (ECBPLUS / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    return [(folder.name, sorted(folder.glob("*.xml"))) for folder in folders[:limit]]


# --- scoring -----------------------------------------------------------------------------------------

def b_cubed(system: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the mentions `gold` holds."""
    system_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for mention in gold:
        system_members[system[mention]].add(mention)
        gold_members[gold[mention]].add(mention)
    precision = recall = 0.0
    for mention in gold:
        both = len(system_members[system[mention]] & gold_members[gold[mention]])
        precision += both / len(system_members[system[mention]])
        recall += both / len(gold_members[gold[mention]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=None, help="only the first N topics (default: all 43)")
    parser.add_argument("--published", default="2014-01-15", help="the publication day every document is given")
    args = parser.parse_args()
    if not (ECBPLUS / "ECB+").is_dir():
        sys.exit(f"ECB+ not found under {ECBPLUS}")
    if args.topics is not None and args.topics < 1:
        sys.exit("--topics must be 1 or more")

    from rich.progress import Progress

    from newsgraph.pipeline import Extractor
    from newsgraph.record import Article
    from newsgraph.resolve.stories import Report, assign, interval

    extractor = Extractor()
    checked = checked_sentences()
    chosen = topics(args.topics)
    gold: dict[str, str] = {}
    ours: dict[str, str] = {}
    lemma_of: dict[str, str] = {}
    events_total = aligned_total = 0
    with Progress() as progress:
        task = progress.add_task("ECB+ documents", total=sum(len(files) for _, files in chosen))
        for topic, files in chosen:
            documents = [read_document(path, topic) for path in files]
            articles = [Article(id=d.name, text=d.text, published=args.published) for d in documents]
            reports, mention_of_event = [], {}
            for document, record in zip(documents, extractor.extract_many(articles), strict=True):
                progress.advance(task)
                starts = sorted(document.mentions, key=lambda m: m.start)
                taken: set[str] = set()
                for event in record.events:
                    events_total += 1
                    mention = next((m for m in starts if m.start <= event.trigger.start < m.end), None)
                    if mention is None or mention.mention in taken:
                        continue
                    taken.add(mention.mention)
                    aligned_total += 1
                    if (topic, document.name, mention.sentence) not in checked:
                        continue
                    key = len(mention_of_event)
                    mention_of_event[key] = mention
                    start, end = interval(event.date.start if event.date else None,
                                          event.date.end if event.date else None, args.published)
                    reports.append(Report(key, event.type, event.source, event.target, start, end, event.location,
                                          event.target_text))
                    lemma_of[mention.mention] = f"{topic}/{event.trigger.text.split()[0].lower()}"
            story_of, _ = assign(reports, {})
            for key, mention in mention_of_event.items():
                gold[mention.mention] = mention.cluster
                ours[mention.mention] = f"{topic}/story/{story_of[key].id}"
    if not gold:
        sys.exit("no extracted event aligned to a checked ECB+ mention")
    lemmas = [text.split("/", 1)[1] for text in lemma_of.values()]
    lemmatised = {word.text: word[0].lemma_.lower() for word in extractor.nlp.pipe(sorted(set(lemmas)))}
    baseline = {m: f"{key.split('/', 1)[0]}/{lemmatised[key.split('/', 1)[1]]}" for m, key in lemma_of.items()}
    print(f"{len(chosen)} topic(s), {events_total} extracted events, {aligned_total} aligned to a gold ACTION "
          f"mention, {len(gold)} of them in checked sentences (scored)")
    print(f"{'clustering':<12} {'B3 precision':>12} {'B3 recall':>10} {'B3 F1':>7}")
    for name, system in (("newsgraph", ours), ("lemma", baseline), ("singletons", {m: m for m in gold})):
        precision, recall, f1 = b_cubed(system, gold)
        print(f"{name:<12} {precision:>12.3f} {recall:>10.3f} {f1:>7.3f}")


if __name__ == "__main__":
    main()
