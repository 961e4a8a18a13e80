"""Entity scores of raw spaCy NER beside newsgraph's actor layer, on the same gold and the same rules.

    python benchmarks/ner_baseline.py [GOLD_DIR ...]   (default: ../shared/gold)

The baseline turns each spaCy entity (PERSON, ORG, GPE, LOC, NORP, FAC) into one system entity,
merged by identical text, typed by its label (locations for LOC and FAC, so they do not count
against precision); newsgraph's own extraction is scored in the same run by the same scorer.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABEL_TYPES = {"PERSON": "person", "ORG": "ngo", "GPE": "country", "NORP": "country", "LOC": "location",
               "FAC": "location"}


def main() -> int:
    from newsgraph.evaluate import gold_folders, load_gold, score_article, total
    from newsgraph.kb.loader import slug
    from newsgraph.pipeline import Extractor, split_sentences
    from newsgraph.record import Entity, Extraction, Mention

    paths = [Path(p) for p in sys.argv[1:]] or [ROOT.parent / "shared" / "gold"]
    extractor = Extractor()
    raw_scores, our_scores = [], []
    for folder in gold_folders(paths):
        article, gold = load_gold(folder)
        doc = extractor.nlp(article.text)
        sentences, sentence_of = split_sentences(doc)
        by_text: dict[str, Entity] = {}
        for ent in doc.ents:
            if ent.label_ not in LABEL_TYPES:
                continue
            entity = by_text.setdefault(ent.text, Entity(id=slug(ent.text), name=ent.text,
                                                         type=LABEL_TYPES[ent.label_]))
            entity.mentions.append(Mention(ent.text, ent.start_char, ent.end_char, sentence_of[ent.start]))
        raw = Extraction(article=article, sentences=sentences, entities=list(by_text.values()))
        raw_scores.append(score_article(raw, gold))
        our_scores.append(score_article(extractor.annotate(article, doc), gold))
    print(f"{len(raw_scores)} gold article(s); entities by FORMAT.md's rules")
    print(f"{'system':<22} {'P':>6} {'R':>6} {'F1':>6}")
    for name, scores in (("raw spaCy NER", raw_scores), ("newsgraph actors", our_scores)):
        score = total(scores)["entities"]
        print(f"{name:<22} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
