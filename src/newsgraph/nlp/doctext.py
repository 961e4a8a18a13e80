"""The text and the tokens of a parsed Doc, read once.

spaCy rebuilds `Doc.text` from its tokens on every access, which costs a pass over the whole
article; annotators slice the text for every quote, cue and trigger, so they read it from here.

spaCy also makes a new Token object for every `doc[i]` and every step of `for token in doc`: the
annotators walk an article some thirty times and index it at every candidate, and making those
objects cost more than all the rules that read them (issue 14). While an article is annotated
(`annotating`) its tokens are one list, made once; outside it `tokens_of` makes the list anew, so a
Doc keeps no list of its own tokens (a cycle that would outlive the annotation, and that spaCy would
try to serialise with the Doc's user data).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

KEY = "newsgraph_text"
TOKENS_KEY = "newsgraph_tokens"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens, `tokens_of(doc)[i]` being `doc[i]`; the same list throughout an annotation."""
    tokens = doc.user_data.get(TOKENS_KEY)
    return tokens if tokens is not None else list(doc)


@contextmanager
def annotating(doc: Doc) -> Iterator[None]:
    """The Doc's tokens made once for the block (tokens_of), and let go when it ends; its text read
    from them (text_of) unless it was read before."""
    tokens = doc.user_data[TOKENS_KEY] = list(doc)
    if KEY not in doc.user_data:
        doc.user_data[KEY] = "".join(token.text_with_ws for token in tokens)  # Doc.text, without new Tokens
    try:
        yield
    finally:
        doc.user_data.pop(TOKENS_KEY, None)
