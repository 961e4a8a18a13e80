"""Text normalisation for everything a reader hands on: article text and metadata strings.

Offsets in an extraction index the text as stored, so the text is normalised once, here, before anything
counts characters in it. What goes: a byte order mark at the start, lone UTF-16 surrogates (JSON can
spell them, "\\ud800", and no encoder accepts them: they would fail at storage or printing), NUL and
the other control characters that are not layout (they reach SQLite, JSON and terminals as hazards and
carry no meaning in an article). Line endings become "\\n" and the text is put in NFC, so that "é" typed
as one character or as "e" plus an accent is the same word to the matchers and the knowledge base.
"""

from __future__ import annotations

import re
import unicodedata

BOM = "\ufeff"
REPLACEMENT = "\ufffd"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# vertical tab, form feed and NEL separate lines in the files that have them: removing them would glue
# the last word of one line to the first of the next, so they become line breaks
LINE_SEPARATORS = "\v\f\x85"
KEPT_CONTROLS = "\n\t"
CONTROL_CHARACTERS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
_TEXT_TABLE = str.maketrans({c: ("\n" if c in LINE_SEPARATORS else None)
                             for c in CONTROL_CHARACTERS if c not in KEPT_CONTROLS})
# a metadata value is one line: its line breaks and tabs become spaces
_LINE_TABLE = str.maketrans({c: (" " if c in KEPT_CONTROLS + LINE_SEPARATORS else None)
                             for c in CONTROL_CHARACTERS})


def normalize_text(text: str) -> str:
    """Article text as stored: no BOM, "\\n" line endings, no lone surrogates or control characters, NFC."""
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = LONE_SURROGATE.sub(REPLACEMENT, text)
    return unicodedata.normalize("NFC", text.translate(_TEXT_TABLE))


def normalize_line(value: str) -> str:
    """A metadata string (title, outlet, url ...): like the text, on one line, without outer spaces."""
    if value.startswith(BOM):
        value = value[1:]
    value = LONE_SURROGATE.sub(REPLACEMENT, value.replace("\r\n", " ").replace("\r", " "))
    return unicodedata.normalize("NFC", value.translate(_LINE_TABLE)).strip()
