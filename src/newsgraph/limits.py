"""Size limits of inputs, and the batch size, in one place: readers refuse above them, the Extractor checks again.

An article longer than MAX_ARTICLE_CHARS is refused with one line. Below it, a text longer than the
spaCy pipeline's `max_length` is parsed in pieces (nlp/pieces.py) rather than failing with spaCy's E088.
Five million characters is some twenty novels: far past any news article, yet the pieces of such a text
still fit the memory of a laptop, one batch at a time.
"""

from __future__ import annotations

MAX_ARTICLE_CHARS = 5_000_000
# a .txt or .html file, or one JSONL line, larger than this is refused before it is read into memory:
# even at four bytes a character (or six, for JSON's \\uXXXX escapes) it could not hold a legal article
MAX_INPUT_BYTES = 64 * 1024 * 1024
# articles parsed per spaCy batch by `extract` and `ingest`, and stored per transaction by `ingest`: one
# name, so that benchmarks/store_load.py times the transactions ingest really makes
BATCH_SIZE = 32
# articles whose summaries and stories an ingest counts at once (dbsettle.py): fewer, larger counts cost
# less per article; the actor pages lag the stored articles by at most this many while an ingest runs
SETTLE_EVERY = 1024


class ArticleTooLong(ValueError):
    """An article text above MAX_ARTICLE_CHARS."""


def too_long(length: int, limit: int = MAX_ARTICLE_CHARS) -> str:
    """The one-line reason for refusing a text of `length` characters."""
    return f"article text is {length:,} characters long; the limit is {limit:,}"
