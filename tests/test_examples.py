"""The examples `make demo` ingests: the readers accept every file of examples/ (the .txt/.json pairs and
the Voice of America JSONL), the VOA selection holds none of the stories kept for evaluation, and its
credit file names every story it ships."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.readers import read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
VOA = EXAMPLES / "voa"
# the VOA stories of the evaluation gold (../shared/gold/voa): never in the demo, never seen in development
GOLD_IDS = {"6183227", "6202743", "6203336", "6203525", "6205674", "8005899", "8006503", "8007271", "8008619",
            "8009027", "8010694", "8011076"}


def test_every_example_reads() -> None:
    skipped: list = []
    articles = list(read_paths([EXAMPLES], None, skipped))
    assert skipped == []
    pairs = len(list(EXAMPLES.rglob("*.txt")))  # examples/stories/ too
    voa = [a for a in articles if a.outlet == "Voice of America"]
    assert len(articles) == pairs + len(voa) and pairs >= 14
    assert 18 <= len(voa) <= 25
    assert all(a.published and a.url and a.url.startswith("https://www.voanews.com/") for a in voa)
    assert len({a.id for a in articles}) == len(articles)


def test_voa_selection_credits_each_story_and_leaves_out_the_gold() -> None:
    stories = [json.loads(line) for line in (VOA / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()]
    credits = (VOA / "README.md").read_text(encoding="utf-8")
    assert "Voice of America" in credits and "public domain" in credits
    for story in stories:
        number = story["url"].rsplit("/", 1)[1].removesuffix(".html")
        assert story["id"] == f"voa-{number}" and number not in GOLD_IDS
        assert story["url"] in credits and story["title"] in credits
