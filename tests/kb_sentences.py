"""The actors an (invented) sentence resolves to, as the knowledge-base coverage tests compare them."""

from __future__ import annotations

from newsgraph.pipeline import Extractor
from newsgraph.record import Article


def entities(extractor: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    """(name, type, state) of every entity the extractor finds in the text."""
    return [(e.name, e.type, e.country) for e in extractor.extract(Article(id="t", text=text)).entities]
