"""The annotators' work grows in proportion to the text: a single line of news four times as long costs
about four times the Python calls (measured by call count, which load on a shared machine cannot skew).
Before the fix, 160,000 characters cost 7.5 times as many calls as 40,000, and 360,000 took minutes."""

from __future__ import annotations

import cProfile
import json
import pstats
from pathlib import Path

import pytest

from newsgraph.nlp.pieces import join_docs, piece_limit, split_text
from newsgraph.record import Article

SHORT = 40_000


def annotate_calls(extractor, text: str) -> int:  # noqa: ANN001 - the session's Extractor
    article = Article(id="line", text=text, published="2025-03-14")
    doc = join_docs(list(extractor.nlp.pipe(split_text(text, piece_limit(extractor.nlp.max_length)))))
    profile = cProfile.Profile()
    profile.enable()
    extractor.annotate(article, doc)
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_annotation_cost_is_linear_in_a_long_line(extractor, shared_dir: Path) -> None:
    path = shared_dir / "voa" / "voa_stories.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    # VOA stories (public domain, Voice of America; each line carries its url) run into one line
    line = " ".join(json.loads(row)["text"] for row in path.read_text(encoding="utf-8").splitlines())
    assert "\n" not in line and len(line) >= 4 * SHORT
    short, long = annotate_calls(extractor, line[:SHORT]), annotate_calls(extractor, line[:4 * SHORT])
    assert long / short < 5, f"4x the text cost {long / short:.1f}x the calls"


def test_a_verb_of_saying_repeated_costs_linear_work(extractor) -> None:
    # a crafted text: one word of saying repeated a few thousand times, each a clause of the one before
    def crafted(count: int) -> str:
        return "Officials said " + "said " * count + "the talks failed."

    short, long = annotate_calls(extractor, crafted(500)), annotate_calls(extractor, crafted(2000))
    assert long / short < 5, f"4x the repetitions cost {long / short:.1f}x the calls"
