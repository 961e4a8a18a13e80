"""Cross-document entity coreference on ECB+: newsgraph's actor resolution against a same-name baseline,
in one run, scored with B-cubed over the gold participant mentions newsgraph extracts.

    python benchmarks/ecbplus_coref.py [--topics 1 2 3] [--all-sentences]

ECB+ (Cybulska and Vossen, LREC 2014; CC BY 3.0) is read in place from ../shared/ecbplus through
benchmarks/ecbplus.py. For each topic, its documents' texts (rebuilt from the tokens, one line per
sentence) are extracted by newsgraph and stored into a fresh database of the topic's own, resolution on,
as `newsgraph ingest` stores them (undated: ECB+ gives no publication dates, so no short form merges by
closeness in time). Each gold HUMAN_PART_* or NON_HUMAN_PART_* mention (in the sentences the corpus
checked for coreference, unless --all-sentences) is aligned to the newsgraph mention whose span contains
it or lies inside it, the largest overlap first; gold mentions no newsgraph mention covers are left out
(the scores are of coreference among the mentions newsgraph extracts, not of extraction). Each aligned
mention then gets three system clusters:
- within document: its entity in its document only (newsgraph's in-article coreference, nothing across);
- same name (baseline): entities of the topic whose names normalise to the same text are one;
- resolved: the canonical actor newsgraph's resolution gives its entity.
Gold clusters: ECB+'s cross-document instances (then within-document chains, then singletons). B-cubed
is computed over all topics' mentions at once (clusters never cross topics).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from ecbplus import Document, Mention, available, b_cubed, read_document, topics

SYSTEMS = ("within document", "same name (baseline)", "resolved (newsgraph)")


def normalised(name: str) -> str:
    """The baseline's name key: accents, case, punctuation and spacing set aside."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_name.casefold()))


def aligned(gold: Mention, spans: list[tuple[int, int, str]]) -> str | None:
    """The entity of the newsgraph mention that contains the gold mention or lies inside it (largest
    overlap first), or None."""
    best: tuple[int, str] | None = None
    for start, end, entity in spans:
        inside = start >= gold.start and end <= gold.end
        covers = start <= gold.start and end >= gold.end
        if inside or covers:
            overlap = min(end, gold.end) - max(start, gold.start)
            if best is None or overlap > best[0]:
                best = (overlap, entity)
    return best[1] if best else None


def score_topic(documents: list[Document], records: list, folder: Path, all_sentences: bool,
                gold: dict[str, str], systems: dict[str, dict[str, str]]) -> int:
    """Store the topic's records, align its gold mentions, and add each aligned mention's gold and system
    clusters; the number of gold mentions seen."""
    from newsgraph.store import Store

    store = Store(str(folder / "topic.db"))
    store.add_many([(record, "ecbplus") for record in records])
    seen = 0
    for document, record in zip(documents, records, strict=True):
        spans = [(m.start, m.end, e.id) for e in record.entities for m in e.mentions]
        names = {e.id: e.name for e in record.entities}
        mentions = document.entity_mentions(selected_only=not all_sentences)
        seen += len(mentions)
        heads = {entity: store.canonical(entity) for entity in names}
        for mention in mentions:
            entity = aligned(mention, spans)
            if entity is None:
                continue
            key = f"{document.name}/{mention.id}"
            gold[key] = f"{document.topic}/{mention.cluster}"
            systems[SYSTEMS[0]][key] = f"{document.name}/{entity}"
            systems[SYSTEMS[1]][key] = f"{document.topic}/{normalised(names[entity])}"
            systems[SYSTEMS[2]][key] = f"{document.topic}/{heads[entity]}"
    store.close()
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--topics", nargs="*", help="topic names (default: all 43)")
    parser.add_argument("--all-sentences", action="store_true",
                        help="score every annotated sentence, not only those checked for coreference")
    args = parser.parse_args()
    if not available():
        sys.exit("ECB+ not found at ../shared/ecbplus")
    from newsgraph.pipeline import Extractor
    from newsgraph.record import Article

    extractor = Extractor()
    chosen = [t for t in topics() if not args.topics or t.name in args.topics]
    gold: dict[str, str] = {}
    systems: dict[str, dict[str, str]] = {name: {} for name in SYSTEMS}
    seen = 0
    started = time.perf_counter()
    for n, topic in enumerate(chosen, 1):
        documents = [read_document(path) for path in topic.documents]
        articles = [Article(id=d.name, text=d.text) for d in documents]
        records = list(extractor.extract_many(articles))
        with tempfile.TemporaryDirectory() as folder:
            seen += score_topic(documents, records, Path(folder), args.all_sentences, gold, systems)
        print(f"[{n}/{len(chosen)}] topic {topic.name}: {len(documents)} documents, "
              f"{sum(1 for k in gold if k.split('_')[0] == topic.name)} aligned mentions "
              f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    print(f"ECB+ cross-document entity coreference, {len(chosen)} topic(s): {len(gold)} of {seen} gold "
          f"participant mentions aligned to a newsgraph mention "
          f"({'all annotated sentences' if args.all_sentences else 'sentences checked for coreference'})")
    print(f"{'system':<24} {'B3 precision':>12} {'recall':>8} {'F1':>8} {'clusters':>9}")
    for name in SYSTEMS:
        precision, recall, f1 = b_cubed(gold, systems[name])
        clusters = len(set(systems[name].values()))
        print(f"{name:<24} {precision:12.3f} {recall:8.3f} {f1:8.3f} {clusters:9d}")
    print(f"{'gold':<24} {'':>12} {'':>8} {'':>8} {len(set(gold.values())):9d}")


if __name__ == "__main__":
    main()
