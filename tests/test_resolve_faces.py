"""Story events, contested claims and dyads through the command line and the web face, over the
articles of examples/stories/ (one strike and one meeting, each reported by three outlets, and a denied
claim; see tests/test_resolve_stories.py for what the store holds)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.store import Store
from newsgraph.web.app import create_app

STORIES = Path(__file__).resolve().parents[1] / "examples" / "stories"


@pytest.fixture(scope="module")
def stories_db(extractor, tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsgraph.readers import read_paths

    db = str(tmp_path_factory.mktemp("stories") / "stories.db")
    store = Store(db)
    store.add_many([(extractor.extract(article), "test") for article in read_paths([STORIES], None, [])])
    store.close()
    return db


@pytest.fixture(scope="module")
def client(stories_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(stories_db), base_url="http://localhost") as test_client:
        yield test_client


def test_events_counts_story_events_and_lists_reports_on_demand(cli_run, stories_db: str) -> None:
    stories = cli_run("events", "--db", stories_db, "--source", "Israel", "--type", "ASSAULT")
    assert stories.exit_code == 0
    assert "3 report(s), 3 outlet(s)" in stories.stdout and "Levant Ledger" not in stories.stdout
    reports = cli_run("events", "--db", stories_db, "--source", "Israel", "--type", "ASSAULT", "--reports")
    for outlet in ("Harbor Post", "Levant Ledger", "Northern Wire"):
        assert outlet in reports.stdout
    assert "Israel bombed Hezbollah sites" in reports.stdout


def test_claims_contested_shows_both_sides(cli_run, stories_db: str) -> None:
    result = cli_run("claims", "--contested", "--db", stories_db)
    assert result.exit_code == 0
    lines = [line.split() for line in result.stdout.splitlines() if line.strip().startswith(("states", "denies"))]
    assert sorted((words[0], words[1]) for words in lines) == [("denies", "Northern"), ("states", "Harbor"),
                                                               ("states", "Levant")]
    assert cli_run("claims", "--contested", "--status", "hedged", "--db", stories_db).exit_code == 2
    corroborated = cli_run("claims", "--corroborated", "--json", "--db", stories_db)
    groups = {(g["subject"], g["predicate"]): g for g in json.loads(corroborated.stdout)}
    strike = groups[("israel", "ASSAULT>hezbollah")]
    assert strike["articles"] >= 3 and strike["denies"] == []


def test_dyad_prints_weeks_and_refuses_bad_actors(cli_run, stories_db: str) -> None:
    result = cli_run("dyad", "Israel", "Hezbollah", "--db", stories_db)
    assert result.exit_code == 0
    assert re.search(r"2026-03-02 .* 3 .* ASSAULT 2, REJECT 1 .* -7\.6", result.stdout)
    unknown = cli_run("dyad", "Israel", "Atlantis", "--db", stories_db)
    assert unknown.exit_code == 1 and "Atlantis" in unknown.output and "Traceback" not in unknown.output
    same = cli_run("dyad", "Israel", "Israel", "--db", stories_db)
    assert same.exit_code == 2 and len(same.output.strip().splitlines()) == 1


def test_events_page_shows_story_events_and_reports(client: TestClient) -> None:
    page = client.get("/events", params={"source": "israel", "type": "ASSAULT"}).text
    assert "3 articles, 3 outlets" in page and "Levant Ledger" not in page
    story = re.search(r'href="/stories/(\d+)">3 articles', page)
    assert story
    detail = client.get(f"/stories/{story.group(1)}").text
    assert all(outlet in detail for outlet in ("Harbor Post", "Levant Ledger", "Northern Wire"))
    reports = client.get("/events", params={"source": "israel", "type": "ASSAULT", "reports": "1"}).text
    assert "Israel bombed Hezbollah sites" in reports
    assert client.get("/stories/999999").status_code == 404


def test_dyad_page_bars_link_to_their_story_events(client: TestClient) -> None:
    page = client.get("/dyad", params={"a": "israel", "b": "hezbollah"}).text
    links = re.findall(r'<a class="week" href="([^"]+)">', page)
    assert len(links) == 2 and "<svg" in page
    week = client.get(links[0].replace("&amp;", "&")).text
    assert sorted(re.findall(r'<span class="etype">(\w+)</span>', week)) == ["ASSAULT", "ASSAULT", "REJECT"]
    assert "No actor with id atlantis" in client.get("/dyad", params={"a": "israel", "b": "atlantis"}).text


def test_contested_page_and_api(client: TestClient) -> None:
    page = client.get("/claims/contested").text
    denies = page.split("<h3>denies</h3>")[1]
    assert "Northern Wire" in denies and "Harbor Post" not in denies
    [group] = client.get("/api/claims/groups", params={"contested": "true"}).json()
    assert group["predicate"] == "ASSAULT>israel"
    stories = client.get("/api/stories", params={"source": "israel", "type": "ASSAULT", "reports": "true"}).json()
    assert [len(s["reports_list"]) for s in stories if s["reports"] == 3] == [4]  # the headline and the story
    weeks = client.get("/api/dyad", params={"a": "israel", "b": "hezbollah"}).json()
    assert [w["week"] for w in weeks] == ["2026-03-02", "2026-03-16"]


def test_the_dyad_chart_shows_quiet_weeks_as_gaps() -> None:
    from newsgraph.web.dyad_chart import with_quiet_weeks

    busy = [{"week": "2026-03-02", "counts": {"ASSAULT": 2}, "total": 2, "score": -9.3},
            {"week": "2026-03-16", "counts": {"AID": 1}, "total": 1, "score": 7.4}]
    assert [(w["week"], w["total"]) for w in with_quiet_weeks(busy)] == [("2026-03-02", 2), ("2026-03-09", 0),
                                                                        ("2026-03-16", 1)]


def test_the_events_export_carries_each_row_s_story_event(cli_run, stories_db: str, tmp_path: Path) -> None:
    import csv

    assert cli_run("export", "--format", "csv", "--db", stories_db, "--out", tmp_path / "tables").exit_code == 0
    with (tmp_path / "tables" / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    strike = [r for r in rows if r["source_id"] == "israel" and r["EventCode"] == "ASSAULT"
              and r["published"] <= "2026-03-05"]
    assert len({r["story_id"] for r in strike}) == 1 and {r["article_id"] for r in strike} >= {
        "2026-03-03-harbor-post-israel-strikes-hezbollah", "2026-03-04-levant-ledger-jets-bomb-border-sites"}
    assert {(r["NumArticles"], r["NumSources"]) for r in strike} == {("3", "3")}
    assert all(r["story_id"] for r in rows)
