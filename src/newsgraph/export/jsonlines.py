"""JSON Lines out: one compact object a line, UTF-8 as written (no \\u escapes for accents)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write_lines(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count
