"""The text of a parsed Doc, read once.

spaCy rebuilds `Doc.text` from its tokens on every access, which costs a pass over the whole
article; annotators slice the text for every quote, cue and trigger, so they read it from here.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "newsgraph_text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
