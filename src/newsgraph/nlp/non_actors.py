"""Which candidate names of an article are not actors: a disease, a vehicle, a product, a law, a named
event or a work (the data: kb/data/non_actors.yaml). The NER often calls them organisations: "the
Northern Star, a cross-country train" or "the Marburg outbreak" name no one who acts."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.kb.loader import fold
from newsgraph.kb.non_actors import NonActors


def non_actor_spans(doc: Doc, spans: list[tuple[int, int]], data: NonActors) -> set[int]:
    """Indexes of the (start, end) token spans that name no actor. A name found to be one by a cue
    anywhere in the article is one at every mention ("the Northern Star, a train ... the Northern Star
    stopped")."""
    found = {index for index, (start, end) in enumerate(spans) if category(doc, start, end, data)}
    names = {fold(doc[spans[index][0]:spans[index][1]].text) for index in found}
    return found | {index for index, (start, end) in enumerate(spans) if fold(doc[start:end].text) in names}


def category(doc: Doc, start: int, end: int, data: NonActors) -> str | None:
    """The kind of non-actor the span names, or None when it may be an actor."""
    span = doc[start:end]
    words = [t.text for t in span if not t.is_punct]
    if not words:
        return None
    known = data.known_name(span.text) or data.by_pattern(words)
    if known:
        return known
    # "the Geneva Convention", "the Asian Games"; not "the Department of War", an office's name
    if not (len(span) >= 2 and span[-2].lower_ == "of"):
        by_last = data.by_last_word(words)
        if by_last:
            return by_last
    return data.by_neighbour(_word_before(doc, start, end), _word_after(doc, end), _apposition_head(doc, start, end))


def _word_before(doc: Doc, start: int, end: int) -> str | None:
    """The lowercase word before the name, over a "the": "aboard the Ocean Pearl" -> aboard. Not a noun
    whose relative clause the name opens: in "the book Ana Ruiz wrote", Ana Ruiz is the writer."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or not doc[i].is_lower:
        return None
    root = doc[start:end].root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "relcl" and root.head.head.i == i:
        return None
    return doc[i].text


def _word_after(doc: Doc, end: int) -> str | None:
    return doc[end].text if end < len(doc) and doc[end].is_lower else None


def _apposition_head(doc: Doc, start: int, end: int) -> str | None:
    """'the Northern Star, a cross-country train with ...' -> train."""
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and child.is_lower:
            return child.lemma_.lower()
    return None
