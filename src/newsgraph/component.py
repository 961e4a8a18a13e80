"""newsgraph as a spaCy pipeline component: `nlp.add_pipe("newsgraph")` after the parser and the
entity recognizer, then read what the Extractor finds from Doc extensions.

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsgraph_sentence_bounds", before="parser")  # optional: newsgraph's sentence rules
    nlp.add_pipe("newsgraph")
    doc = nlp("Iran condemned the U.S. strikes, Foreign Ministry spokesman Esmaeil Baqaei said.")
    doc._.events, doc._.quotes, doc._.actors, doc._.ties, doc._.claims   # record dataclasses

`doc._.newsgraph` holds the whole Extraction (its `to_dict()` is the JSON record of
shared/spec/EXTRACTION.md). Dates such as "on Friday" resolve against `doc._.published` (an ISO date),
which must be set before the component runs: make the Doc with `nlp.make_doc(text)`, set it, then
run the pipeline's components on it (`for _, proc in nlp.pipeline: doc = proc(doc)`). The factories
are registered through the `spacy_factories` entry point, so spaCy finds them without an import of
newsgraph.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.sentences import FACTORY as SENTENCE_BOUNDS_FACTORY
from newsgraph.nlp.sentences import make_sentence_bounds
from newsgraph.pipeline import Annotators
from newsgraph.record import Article, Extraction

FACTORY = "newsgraph"
# Doc extension -> the Extraction field it reads
VIEWS = {"actors": "entities", "quotes": "quotes", "events": "events", "ties": "relations", "claims": "claims"}

__all__ = ["FACTORY", "SENTENCE_BOUNDS_FACTORY", "NewsgraphComponent", "make_newsgraph", "make_sentence_bounds"]


def _view(field: str) -> Any:
    def read(doc: Doc) -> list[Any]:
        extraction: Extraction | None = doc._.newsgraph
        return list(getattr(extraction, field)) if extraction is not None else []
    return read


def register_extensions() -> None:
    """The Doc extensions the component fills (registered once per process)."""
    for name, default in (("newsgraph", None), ("published", None), ("article_id", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, field in VIEWS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_view(field))


class NewsgraphComponent:
    """Runs newsgraph's annotators over a parsed Doc; the Extractor uses the same Annotators."""

    def __init__(self, nlp: Language, week_starts_monday: bool) -> None:
        register_extensions()
        self.annotators = Annotators(nlp, week_starts_monday=week_starts_monday)

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id=doc._.article_id or "doc", text=doc.text, published=doc._.published)
        doc._.newsgraph = self.annotators.annotate(article, doc)
        return doc


@Language.factory(FACTORY, default_config={"week_starts_monday": False},
                  requires=["token.dep", "token.lemma", "token.tag", "doc.ents"],
                  assigns=["doc._.newsgraph"])
def make_newsgraph(nlp: Language, name: str, week_starts_monday: bool) -> NewsgraphComponent:
    return NewsgraphComponent(nlp, week_starts_monday)
