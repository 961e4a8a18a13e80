"""Long texts parsed in pieces and joined back into one Doc.

spaCy refuses a text longer than `nlp.max_length` (error E088), and the memory a parse takes grows with
the length of what is parsed at once. A long text is cut at paragraph breaks, else line breaks, else
sentence ends, else spaces (a text without any of them is cut where it must), into pieces no longer than
the limit; each piece keeps the whitespace that follows it, so the pieces laid end to end are the text
itself. After the parse the pieces become one Doc (`Doc.from_docs`): its text is the article's, so every
character offset and sentence index the annotators compute is the article's own, and the annotators
(which see the joined Doc) find ties, quotes and coreference across piece boundaries as in any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.nlp.sentences import PRESETS_KEY, abbreviations

# the largest piece parsed at once, whatever the model allows: a news article is far shorter, so only
# abnormal texts are cut, and those are parsed in bounded memory
PIECE_CHARS = 100_000
BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: a paragraph ends
    re.compile(r"\n\s*"),  # a line break
    # a sentence end: a full stop (with closing quotes or brackets), spaces, then a capital or an opening
    # mark; the word before the stop is checked against the abbreviations in _segments
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"),
    re.compile(r"\s+"),  # any space
)


SENTENCE_LEVEL = 2
# a longer "word" before a full stop is no abbreviation; looking no further keeps the search linear
LONGEST_ABBREVIATION = 16


def piece_limit(max_length: int) -> int:
    return max(1, min(max_length, PIECE_CHARS))


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is `text` (one piece if it fits)."""
    if len(text) <= limit:
        return [text]
    return list(_pack(text, limit, 0))


def _pack(text: str, limit: int, level: int) -> Iterator[str]:
    """Whole segments of this level gathered greedily into pieces; a segment too long goes a level down."""
    if level == len(BOUNDARIES):
        for start in range(0, len(text), limit):
            yield text[start:start + limit]
        return
    gathered: list[str] = []
    size = 0
    for segment in _segments(text, BOUNDARIES[level]):
        if size + len(segment) <= limit:
            gathered.append(segment)
            size += len(segment)
            continue
        if gathered:
            yield "".join(gathered)
        gathered, size = [], 0
        if len(segment) <= limit:
            gathered, size = [segment], len(segment)
        else:
            yield from _pack(segment, limit, level + 1)
    if gathered:
        yield "".join(gathered)


def _segments(text: str, boundary: re.Pattern[str]) -> Iterator[str]:
    """The text cut after every match of `boundary`, each segment keeping the separator that ends it."""
    start = 0
    for match in boundary.finditer(text):
        if boundary is BOUNDARIES[SENTENCE_LEVEL] and _abbreviated(_word_before(text, match.start() + 1)):
            continue  # "U.S. forces", "Lt. Col. Ruiz": a piece must not end inside a name
        if match.end() > start:
            yield text[start:match.end()]
            start = match.end()
    if start < len(text):
        yield text[start:]


def _word_before(text: str, end: int) -> str:
    """The word that ends at `end` (looked at no further back than an abbreviation can reach)."""
    start = end
    while start > 0 and end - start < LONGEST_ABBREVIATION and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _abbreviated(word: str) -> bool:
    """A listed abbreviation ("U.S.", "Gen.") or an initial ("J."): a full stop that ends no sentence."""
    word = word.lstrip("\"'(\u201c\u2018[")
    return abbreviations().kind(word) is not None or (len(word) == 2 and word[0].isupper())


def join_docs(pieces: list[Doc]) -> Doc:
    """One Doc of the parsed pieces, in order, with the sentence presets of newsgraph_sentence_bounds kept.

    No whitespace is added between pieces (each already ends with its own), so the joined text is the
    text that was split. The presets are token indexes into each piece: they are moved by the tokens
    before it, and the first token of every piece is a sentence start, as the parse of the piece made it.
    """
    if len(pieces) == 1:
        return pieces[0]
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["user_data", "tensor"])
    starts: list[int] = []
    non_starts: list[int] = []
    offset = 0
    for piece in pieces:
        presets = piece.user_data.get(PRESETS_KEY) or {"starts": [], "non_starts": []}
        if offset and len(piece):
            starts.append(offset)
        starts.extend(i + offset for i in presets["starts"])
        non_starts.extend(i + offset for i in presets["non_starts"])
        offset += len(piece)
    joined.user_data[PRESETS_KEY] = {"starts": starts, "non_starts": non_starts}
    return joined
