"""Names that are not actors (diseases, vehicles, products, laws, named events, works), read from
`kb/data/non_actors.yaml`. This module only reads the data; nlp/non_actors.py applies it to a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from newsgraph.kb.loader import DATA_DIR, NON_ACTORS_FILE, fold


@dataclass(frozen=True)
class NonActorCategory:
    name: str  # disease, vehicle, product, law, event, work
    names: frozenset[str]  # folded known names
    last_words: frozenset[str]  # as capitalised in text: "Act", "Olympics"
    words_after: frozenset[str]
    words_before: frozenset[str]
    apposition: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = ()  # the whole last word: "S-400", "F-16"


@dataclass(frozen=True)
class NonActors:
    categories: tuple[NonActorCategory, ...]

    def known_name(self, text: str) -> str | None:
        """The category of a known non-actor name ("COVID-19" -> disease), or None."""
        folded = _without_article(fold(text))
        return next((c.name for c in self.categories if folded in c.names), None)

    def by_last_word(self, words: list[str]) -> str | None:
        """The category a name of two or more words falls in by its last word ("Paris Accord" -> law)."""
        if len(words) < 2:
            return None
        return next((c.name for c in self.categories if words[-1] in c.last_words), None)

    def by_pattern(self, words: list[str]) -> str | None:
        """The category whose pattern the name's last word matches ("Turkish F-16" -> weapon)."""
        return next((c.name for c in self.categories if words and any(p.fullmatch(words[-1]) for p in c.patterns)),
                    None)

    def by_neighbour(self, before: str | None, after: str | None, apposition: str | None) -> str | None:
        """The category a lowercase word around the name gives: before it ("aboard"), after it
        ("outbreak"), or heading its apposition ("a cross-country train")."""
        for category in self.categories:
            if (before in category.words_before or after in category.words_after
                    or apposition in category.apposition):
                return category.name
        return None


def _without_article(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def _words(values: object) -> frozenset[str]:
    return frozenset(str(v) for v in values or [])


@lru_cache(maxsize=1)
def non_actors(path: Path | None = None) -> NonActors:
    with (path or DATA_DIR / NON_ACTORS_FILE).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    categories = tuple(
        NonActorCategory(
            name=str(name), names=frozenset(_without_article(fold(str(n))) for n in spec.get("names") or []),
            last_words=_words(spec.get("last_words")), words_after=_words(spec.get("words_after")),
            words_before=_words(spec.get("words_before")), apposition=_words(spec.get("apposition")),
            patterns=tuple(re.compile(str(p)) for p in spec.get("patterns") or []),
        )
        for name, spec in (data.get("categories") or {}).items()
    )
    return NonActors(categories=categories)
