"""Text from articles and the database, made safe to print on a terminal.

An article (or a title, a file name, a row stored by an older version) can carry ESC, CSI, OSC and the
other C0 and C1 control characters: printed raw, they recolour the terminal, retitle its window, move
the cursor or hide lines. Rich passes them through, and it reads "[bold]" in any string as markup. Every
value the command line prints goes through `safe` (for Rich) or `terminal_json` (for JSON output).
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.markup import escape

# C0 controls but tab and line feed, DEL, the C1 controls (U+009B is a one-character CSI), and lone
# surrogates, which no UTF-8 stream can encode: printing one raises UnicodeEncodeError
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
SHOWN_FOR_CONTROL = "\ufffd"
# what json.dumps(ensure_ascii=False) leaves raw but a terminal must not get: DEL, C1, lone surrogates
# (which no UTF-8 stream can even encode)
JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def plain(value: Any) -> str:
    """The value as text with every control character but tab and line feed (and every lone surrogate)
    shown as U+FFFD."""
    text = "" if value is None else str(value)
    return CONTROLS.sub(SHOWN_FOR_CONTROL, text)


def safe(value: Any) -> str:
    """The value as text for Rich: controls replaced, and markup escaped so "[bold]" prints as written."""
    return escape(plain(value))


def terminal_json(data: Any, indent: int | None = None) -> str:
    """JSON text whose characters are all safe on a terminal; the data it decodes to is unchanged."""
    return safe_json_text(json.dumps(data, ensure_ascii=False, default=str, indent=indent))


def safe_json_text(text: str) -> str:
    """JSON text (json.dumps escapes C0 controls itself) with DEL, C1 and lone surrogates escaped too."""
    return JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
