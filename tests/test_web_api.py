"""The web face through FastAPI's TestClient: every /api endpoint answers with what the fixture
articles determine, rejects bad parameters with 422 and unknown ids with a JSON 404; the HTML pages
answer; every response carries a strict Content-Security-Policy; hostile article text is escaped. The whole
module runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from newsgraph.ontology import PLOVER_TYPES
from newsgraph.web.app import create_app
from store_backends import BACKENDS, fresh_database
from web_fixtures import HOSTILE, IMG, MADURO, SCRIPT, STORIES, NewsDb, build_news_db

API_PATHS = [
    "/api/search", "/api/actors", "/api/actors/{entity_id}", "/api/actors/{entity_id}/network",
    "/api/actors/{entity_id}/timeline", "/api/articles/{key}", "/api/events", "/api/quotes", "/api/claims",
    "/api/network", "/api/stories", "/api/stories/{story_id}", "/api/claims/groups", "/api/dyad",
]


@pytest.fixture(scope="module", params=BACKENDS)
def news(extractor, tmp_path_factory, request: pytest.FixtureRequest) -> NewsDb:
    folder = tmp_path_factory.mktemp("web-api")
    return build_news_db(extractor, folder, fresh_database(request, request.param, folder))


@pytest.fixture(scope="module")
def client(news: NewsDb) -> Iterator[TestClient]:
    # the app answers loopback Host names only; TestClient's default is "testserver"
    with TestClient(create_app(news.db), base_url="http://localhost") as test_client:
        yield test_client


def get(client: TestClient, url: str, expect: int = 200, params: dict | None = None) -> httpx.Response:
    """GET, check the status and that the response carries the strict Content-Security-Policy."""
    response = client.get(url, params=params)
    assert response.status_code == expect, (url, params, response.status_code, response.text[:500])
    check_csp(response)
    return response


def check_csp(response: httpx.Response) -> None:
    csp = response.headers.get("content-security-policy")
    assert csp, f"{response.url}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp


def api(client: TestClient, url: str, **params: Any) -> Any:
    response = get(client, url, params=params)
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def mentions_of(news: NewsDb, entity_id: str) -> tuple[int, int]:
    """(articles, mentions) naming the entity, counted from the extractions themselves."""
    articles = mentions = 0
    for record in news.records.values():
        found = [m for e in record.entities if e.id == entity_id for m in e.mentions]
        articles += bool(found)
        mentions += len(found)
    return articles, mentions


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


# --- /api/search -------------------------------------------------------------------------------

def test_search_finds_the_actor_by_the_name_written(client: TestClient, news: NewsDb) -> None:
    rows = api(client, "/api/search", q="Maduro")
    assert rows[0]["id"] == MADURO
    assert rows[0]["name"] == "Nicolás Maduro"
    assert rows[0]["type"] == "person"
    assert rows[0]["mentions"] == mentions_of(news, MADURO)[1]
    assert [r["id"] for r in api(client, "/api/search", q="hezbol")] == ["hezbollah"]  # part of a name, any case
    assert api(client, "/api/search", q="Atlantis") == []
    assert len(api(client, "/api/search", q="a", limit=1)) == 1


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 201}, {"q": "Iran", "limit": 0},
                                    {"q": "Iran", "limit": 1000}])
def test_search_rejects_bad_parameters(client: TestClient, params: dict) -> None:
    assert get(client, "/api/search", 422, params).json()["detail"]


@pytest.mark.parametrize("q", ["%", "_"])
def test_search_treats_like_wildcards_as_text(client: TestClient, q: str) -> None:
    assert api(client, "/api/search", q=q) == []


# --- /api/actors -------------------------------------------------------------------------------

def test_actors_are_counted_and_ranked_by_articles(client: TestClient, news: NewsDb) -> None:
    rows = api(client, "/api/actors")
    by_id = {r["id"]: r for r in rows}
    for entity_id in (MADURO, "venezuela", "iran", "united-states", "hezbollah", "israel", "reuters"):
        assert (by_id[entity_id]["articles"], by_id[entity_id]["mentions"]) == mentions_of(news, entity_id)
    counts = [r["articles"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(r["type"] != "location" for r in rows)
    assert [r["id"] for r in api(client, "/api/actors", type="armed_group")] == ["hezbollah"]
    assert api(client, "/api/actors", limit=2) == rows[:2]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1000}, {"limit": "many"}])
def test_actors_reject_bad_parameters(client: TestClient, params: dict) -> None:
    get(client, "/api/actors", 422, params)


def test_actor_profile(client: TestClient, news: NewsDb) -> None:
    actor = api(client, f"/api/actors/{MADURO}")
    assert (actor["name"], actor["type"], actor["country"], actor["kb"]) == ("Nicolás Maduro", "person", "VE", True)
    assert (actor["articles"], actor["mention_count"]) == mentions_of(news, MADURO)
    assert {"Nicolás Maduro", "Maduro"} <= set(actor["aliases"])
    assert {m["article_id"] for m in actor["mentions"]} == {"sanctions-1", "energy-2", HOSTILE}
    assert {(t["cls"], t["type"], t["source"], t["target"]) for t in actor["ties"]} \
        == {("affiliation", "leader_of", MADURO, "venezuela")}
    # calling a text "a lie" aims at whoever wrote it, whom the sentence does not name: no event
    assert {(e["type"], e["target"]) for e in actor["events"]} \
        == {("ACCUSE", "united-states"), ("SUPPORT", "iran")}
    assert all(MADURO in (e["source"], e["target"]) for e in actor["events"])
    assert "We will not bow to threats" in [q["content_text"] for q in actor["quotes_by"]]
    assert all(q["speaker"] == MADURO for q in actor["quotes_by"])
    # Reuters carries his praise of Iran: his words, Reuters the channel, not a second speaker about him
    praise = next(q for q in actor["quotes_by"] if q["content_text"] == "Iran as a loyal partner")
    assert praise["channel"] == "reuters"
    assert actor["quotes_about"] == []


def test_actor_network_is_the_ego_network(client: TestClient) -> None:
    graph = api(client, f"/api/actors/{MADURO}/network")
    assert {n["id"] for n in graph["nodes"]} == {MADURO, "iran", "united-states", "venezuela"}
    assert {n["id"]: n["name"] for n in graph["nodes"]}[MADURO] == "Nicolás Maduro"
    edges = {(e["source"], e["target"], e["kind"]): e["types"] for e in graph["edges"]}
    assert edges == {(MADURO, "iran", "cooperation"): {"SUPPORT": 1},
                     (MADURO, "united-states", "conflict"): {"ACCUSE": 1},
                     (MADURO, "venezuela", "tie"): {"affiliation": 3}}  # his office ties him in each story


def test_actor_timeline_counts_events_per_month(client: TestClient, news: NewsDb) -> None:
    expected: Counter = Counter()
    for article_id, record in news.records.items():
        for event in record.events:
            if MADURO in (event.source, event.target):
                day = (event.date.start if event.date and event.date.start else None) or news.published(article_id)
                expected[(day[:7], event.type)] += 1
    rows = api(client, f"/api/actors/{MADURO}/timeline")
    assert {(r["month"], r["type"]): r["count"] for r in rows} == dict(expected)
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)
    assert expected == {("2024-03", "ACCUSE"): 1, ("2024-05", "SUPPORT"): 1}


@pytest.mark.parametrize("suffix", ["", "/network", "/timeline"])
def test_unknown_actor_is_a_json_404_naming_it(client: TestClient, suffix: str) -> None:
    response = get(client, f"/api/actors/no-such-actor{suffix}", 404)
    assert response.headers["content-type"].startswith("application/json")
    assert "no-such-actor" in response.json()["detail"]


# --- /api/articles -----------------------------------------------------------------------------

def test_article_with_its_sentences_and_facts(client: TestClient, news: NewsDb) -> None:
    story = STORIES[2]
    article = api(client, f"/api/articles/{news.keys[story.id]}")
    assert (article["article_id"], article["title"], article["published"], article["text"]) \
        == (story.id, story.title, story.published, story.text)
    assert article["sentences"][0]["text"] == "Israel attacked Hezbollah positions in southern Lebanon on Sunday."
    assert len(article["sentences"]) == 3
    assert ("ASSAULT", "israel", "hezbollah", "attacked") in {
        (e["type"], e["source"], e["target"], e["trigger_text"]) for e in article["events"]}
    for event in article["events"]:
        assert story.text[event["trigger_start"]:event["trigger_end"]] == event["trigger_text"]
    assert {m["entity"] for m in article["mentions"]} >= {"israel", "hezbollah", "iran", "reuters"}
    hostile = api(client, f"/api/articles/{news.hostile_key}")
    assert SCRIPT in hostile["text"] and IMG in hostile["text"]  # the data is kept as written; pages escape it


def test_unknown_article_is_a_json_404_naming_it(client: TestClient) -> None:
    assert "99999" in get(client, "/api/articles/99999", 404).json()["detail"]


@pytest.mark.parametrize("key", ["abc", "1.5", "%3Cscript%3E"])
def test_article_key_must_be_a_number(client: TestClient, key: str) -> None:
    get(client, f"/api/articles/{key}", 422)


# --- /api/events -------------------------------------------------------------------------------

def test_events_by_type(client: TestClient) -> None:
    rows = api(client, "/api/events", type="SANCTION")
    assert rows and {r["type"] for r in rows} == {"SANCTION"}
    assert ("united-states", "venezuela", "sanctions-1") in {(r["source"], r["target"], r["article_id"]) for r in rows}
    everything = api(client, "/api/events", per_page=200)
    for event_type in PLOVER_TYPES:
        rows = api(client, "/api/events", type=event_type, per_page=200)
        assert ids(rows) == [r["id"] for r in everything if r["type"] == event_type]


def test_events_by_source_target_and_status(client: TestClient) -> None:
    rows = api(client, "/api/events", source="israel", target="hezbollah")
    assert [(r["type"], r["trigger_text"], r["article_id"]) for r in rows] == [("ASSAULT", "attacked", "border-3")]
    for status in ("asserted", "attributed"):
        rows = api(client, "/api/events", status=status)
        assert rows and {r["status"] for r in rows} == {status}
    assert api(client, "/api/events", source="no-such-actor") == []


def test_events_page_through(client: TestClient) -> None:
    everything = api(client, "/api/events", per_page=200)
    first, second = api(client, "/api/events", per_page=1, page=1), api(client, "/api/events", per_page=1, page=2)
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]
    assert ids(first + second) == ids(everything[:2])
    pages = [api(client, "/api/events", per_page=4, page=n) for n in range(1, 6)]
    assert ids([row for page in pages for row in page]) == ids(everything)
    assert api(client, "/api/events", page=1000) == []


def test_events_since_and_until(client: TestClient) -> None:
    everything = api(client, "/api/events", per_page=200)
    later = api(client, "/api/events", since="2024-07-01", per_page=200)
    assert {r["article_id"] for r in later} == {"border-3", "envoy-4", HOSTILE}
    assert all((r["date_end"] or r["published"]) >= "2024-07-01" for r in later)
    earlier = api(client, "/api/events", until="2024-06-30", per_page=200)
    assert {r["article_id"] for r in earlier} == {"sanctions-1", "energy-2"}
    assert sorted(ids(later + earlier)) == sorted(ids(everything))
    window = api(client, "/api/events", since="2024-05-01", until="2024-08-31", per_page=200)
    assert {r["article_id"] for r in window} == {"energy-2", "border-3"}
    days = [r["date_start"] or r["published"] for r in everything]
    assert days == sorted(days, reverse=True)  # newest first


@pytest.mark.parametrize("params", [{"since": "notadate"}, {"until": "2024-13-01"}, {"type": "NOTATYPE"},
                                    {"status": "maybe"}, {"page": 0}, {"page": -1}, {"per_page": 1000},
                                    {"per_page": 0}])
def test_events_reject_bad_parameters(client: TestClient, params: dict) -> None:
    detail = get(client, "/api/events", 422, params).json()["detail"]
    assert detail[0]["loc"] == ["query", next(iter(params))]


# --- /api/quotes -------------------------------------------------------------------------------

def test_quotes_by_speaker_and_about(client: TestClient) -> None:
    rows = api(client, "/api/quotes", speaker=MADURO)
    assert {r["speaker"] for r in rows} == {MADURO}
    assert {r["content_text"] for r in rows} == {
        "We will not bow to threats", f"This <b>bold</b> forgery {IMG} is a lie",
        "Washington of economic warfare",  # an accusation reports his view
        "Iran as a loyal partner"}  # so does praise for what something is, without who reported it
    about = api(client, "/api/quotes", about="israel")
    # a threat is an act (an event); a vow is a commitment someone states (a quote)
    assert [(r["speaker"], r["content_text"]) for r in about] == [("hezbollah", "to retaliate against Israel")]
    assert [r["cue_text"] for r in about] == ["vowed"]


def test_quotes_page_through_and_dates(client: TestClient) -> None:
    everything = api(client, "/api/quotes", per_page=200)
    first, second = api(client, "/api/quotes", per_page=1, page=1), api(client, "/api/quotes", per_page=1, page=2)
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]
    assert ids(first + second) == ids(everything[:2])
    later = api(client, "/api/quotes", since="2024-07-01", per_page=200)
    assert later and all(r["published"] >= "2024-07-01" for r in later)
    assert {r["article_id"] for r in later} == {r["article_id"] for r in everything if r["published"] >= "2024-07-01"}
    assert not {r["article_id"] for r in later} & {"sanctions-1", "energy-2"}
    earlier = api(client, "/api/quotes", until="2024-06-30", per_page=200)
    assert {r["article_id"] for r in earlier} == {"sanctions-1", "energy-2"}


@pytest.mark.parametrize("params", [{"since": "notadate"}, {"until": "yesterday"}, {"page": 0}, {"per_page": 1000}])
def test_quotes_reject_bad_parameters(client: TestClient, params: dict) -> None:
    get(client, "/api/quotes", 422, params)


# --- /api/claims -------------------------------------------------------------------------------

def test_claims_by_status_and_holder(client: TestClient) -> None:
    hedged = api(client, "/api/claims", status="hedged")
    assert {(r["status"], r["cue"], r["sentence_text"]) for r in hedged} == {
        ("hedged", "may", "Reuters said the memo may have come from abroad."),
        ("hedged", "might", "Iran said the talks might continue next month.")}
    attributed = api(client, "/api/claims", status="attributed")
    assert attributed and {r["status"] for r in attributed} == {"attributed"}
    # a plain report of an act is the writer's own claim (it is an event too)
    asserted = api(client, "/api/claims", status="asserted")
    assert "Venezuela rejected a memo" in " ".join(r["sentence_text"] for r in asserted)
    held = api(client, "/api/claims", holder=MADURO)
    assert held and {(r["holder"], r["holder_name"], r["status"]) for r in held} \
        == {(MADURO, "Nicolás Maduro", "attributed")}
    about = api(client, "/api/claims", about="hezbollah", per_page=200)
    assert {(r["article_id"], r["sentence"]) for r in about} == {("border-3", 0), ("border-3", 1)}


def test_claims_page_through_and_dates(client: TestClient) -> None:
    everything = api(client, "/api/claims", per_page=200)
    assert {r["article_id"] for r in everything} == {s.id for s in STORIES}
    first, second = api(client, "/api/claims", per_page=1, page=1), api(client, "/api/claims", per_page=1, page=2)
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]
    assert ids(first + second) == ids(everything[:2])
    window = api(client, "/api/claims", since="2024-05-01", until="2024-09-30", per_page=200)
    assert {r["article_id"] for r in window} == {"energy-2", "border-3", "envoy-4"}
    assert all("2024-05-01" <= r["published"] <= "2024-09-30" for r in window)


@pytest.mark.parametrize("params", [{"status": "maybe"}, {"since": "notadate"}, {"page": 0}, {"per_page": 1000}])
def test_claims_reject_bad_parameters(client: TestClient, params: dict) -> None:
    get(client, "/api/claims", 422, params)


# --- /api/network ------------------------------------------------------------------------------

def test_network_of_everything_and_of_one_actor(client: TestClient) -> None:
    graph = api(client, "/api/network")
    edges = {(e["source"], e["target"]): (e["kind"], e["types"]) for e in graph["edges"]}
    assert edges[("israel", "hezbollah")] == ("conflict", {"ASSAULT": 1})
    assert edges[("hezbollah", "israel")] == ("conflict", {"THREATEN": 1})
    assert edges[("united-states", "venezuela")] == ("conflict", {"SANCTION": 1})
    assert edges[(MADURO, "iran")] == ("cooperation", {"SUPPORT": 1})
    assert "tie" not in {kind for kind, _ in edges.values()}
    nodes = {n["id"]: n["name"] for n in graph["nodes"]}
    assert {e for pair in edges for e in pair} == set(nodes)
    assert nodes["hezbollah"] == "Hezbollah"
    ego = api(client, "/api/network", actor="israel")
    # "Iran condemned the strikes" answers Israel's attack
    assert {(e["source"], e["target"]) for e in ego["edges"]} == {("israel", "hezbollah"), ("hezbollah", "israel"),
                                                                  ("iran", "israel")}
    assert len(api(client, "/api/network", limit=1)["edges"]) == 1


def test_network_since_and_until(client: TestClient) -> None:
    later = {(e["source"], e["target"]) for e in api(client, "/api/network", since="2024-07-01")["edges"]}
    assert ("israel", "hezbollah") in later and ("united-states", "iran") in later
    assert ("united-states", "venezuela") not in later and (MADURO, "iran") not in later
    earlier = {(e["source"], e["target"]) for e in api(client, "/api/network", until="2024-06-30")["edges"]}
    # "Iran and Venezuela signed an energy cooperation agreement": coded each party towards the other, one
    # agreement, so one story event, drawn once (an agreement has no direction: docs/STORIES.md)
    assert earlier == {("united-states", "venezuela"), (MADURO, "united-states"), (MADURO, "iran"),
                       ("iran", "venezuela")}
    assert len(api(client, "/api/events", source="venezuela", target="iran")) == 1  # the report is kept


@pytest.mark.parametrize("params", [{"since": "notadate"}, {"until": "2024-02-30"}, {"limit": 0}, {"limit": 5000}])
def test_network_rejects_bad_parameters(client: TestClient, params: dict) -> None:
    get(client, "/api/network", 422, params)


# --- OpenAPI -----------------------------------------------------------------------------------

def test_openapi_lists_every_api_path(client: TestClient) -> None:
    paths = api(client, "/openapi.json")["paths"]
    assert set(API_PATHS) <= set(paths)
    assert {p for p in paths if p.startswith("/api/")} == set(API_PATHS)
    assert not {p for p in paths if not p.startswith("/api/")}  # pages stay out of the schema
    assert {p["name"] for p in paths["/api/events"]["get"]["parameters"]} \
        == {"source", "target", "type", "status", "since", "until", "page", "per_page"}


# --- pages -------------------------------------------------------------------------------------

def pages(news: NewsDb) -> list[str]:
    return ["/", "/search?q=Maduro", "/search?q=", f"/actors/{MADURO}", "/actors/hezbollah",
            f"/articles/{news.keys['border-3']}", f"/articles/{news.hostile_key}",
            "/events", "/events?source=&target=&type=&status=&since=&until=",
            "/events?source=israel&target=&type=ASSAULT&status=&since=2024-01-01&until=", "/events?page=2",
            "/quotes", "/quotes?speaker=&about=&since=&until=",
            "/claims", "/claims?status=&holder=&about=&since=&until=",
            "/network", "/network?actor=&since=&until=", "/network?actor=israel"]


def test_pages_answer(client: TestClient, news: NewsDb) -> None:
    for url in pages(news):
        response = get(client, url)
        assert response.headers["content-type"].startswith("text/html"), url
        assert "</html>" in response.text, url


def test_pages_show_the_fixture(client: TestClient, news: NewsDb) -> None:
    assert "5 articles" in get(client, "/").text
    assert f'<a href="/actors/{MADURO}">Nicolás Maduro</a>' in get(client, "/search", params={"q": "maduro"}).text
    assert '<h1 id="actor-name">Nicolás Maduro</h1>' in get(client, f"/actors/{MADURO}").text
    page = get(client, "/events", params={"source": "", "target": "", "type": "ASSAULT", "status": "",
                                          "since": "", "until": ""}).text
    assert re.findall(r'<span class="etype">(\w+)</span>', page) == ["ASSAULT"]
    assert "No events." in get(client, "/events", params={"type": "", "since": "2030-01-01"}).text
    network = get(client, "/network").text
    assert "<svg" in network and 'class="edge conflict"' in network


CHART_SCRIPT = '<script src="/static/chart.js" defer></script>'
CHART_DATA = re.compile(r'<script type="application/json" id="chart-data">(.*?)</script>', re.S)


def chart_of(html: str) -> dict[str, Any]:
    """The interactive chart's data embedded in a page; no raw markup character may be in it."""
    raw = CHART_DATA.search(html)
    assert raw, "no chart data in the page"
    assert not set(raw.group(1)) & set("<>&"), raw.group(1)
    return json.loads(raw.group(1))


def test_network_page_embeds_the_chart_data(client: TestClient, news: NewsDb) -> None:
    page = get(client, "/network").text
    assert CHART_SCRIPT in page
    chart = chart_of(page)
    graph = api(client, "/api/network", limit=120)
    assert {n["id"] for n in chart["nodes"]} == {n["id"] for n in graph["nodes"]}
    assert all(0 <= n["x"] <= chart["width"] and 0 <= n["y"] <= chart["height"] for n in chart["nodes"])
    pairs = {(e["source"], e["target"]) for e in graph["edges"]}
    assert chart["events"] and all((e["source"], e["target"]) in pairs for e in chart["events"])
    # every event of the graph's pairs is there, one by one, as the events API lists them
    listed = Counter((e["source"], e["target"], e["type"]) for e in api(client, "/api/events", per_page=200)
                     if (e["source"], e["target"]) in pairs)
    assert Counter((e["source"], e["target"], e["type"]) for e in chart["events"]) == listed
    assault = next(e for e in chart["events"] if (e["source"], e["target"], e["type"]) == ("israel", "hezbollah",
                                                                                           "ASSAULT"))
    assert assault["tone"] == "conflict" and assault["article"] == news.keys["border-3"]
    assert assault["text"].startswith("Israel attacked Hezbollah") and assault["date"] == "2024-07-21"  # "on Sunday"
    assert chart["ties"] == []


def test_network_page_chart_follows_the_date_filter(client: TestClient) -> None:
    chart = chart_of(get(client, "/network", params={"since": "2024-07-01"}).text)
    assert chart["events"] and all(e["end"] >= "2024-07-01" for e in chart["events"])
    empty = get(client, "/network", params={"since": "2030-01-01"}).text
    assert "chart-data" not in empty and "No events or ties to draw." in empty


def test_actor_page_embeds_its_ego_chart(client: TestClient) -> None:
    chart = chart_of(get(client, f"/actors/{MADURO}").text)
    assert chart["centre"] == MADURO and MADURO in {n["id"] for n in chart["nodes"]}
    assert all(MADURO in (e["source"], e["target"]) for e in chart["events"] + chart["ties"])
    assert all(t["tone"] == "tie" for t in chart["ties"])
    # the hostile story's sentence rides in the JSON, escaped (chart_of), and reads back as written
    assert any(IMG in t["text"] for t in chart["ties"])


def test_chart_data_cannot_end_its_script_element() -> None:
    from jinja2 import Environment, FileSystemLoader

    import newsgraph.web

    templates = Path(newsgraph.web.__file__).parent / "templates"
    macros = Environment(loader=FileSystemLoader(templates), autoescape=True).get_template("macros.html").module
    hostile = f"{SCRIPT}</SCRIPT><!-- {IMG} & ' \u2028"
    html = str(macros.chart_script({"text": hostile}))
    assert html.lower().count("</script>") == 2  # the data element's own end and chart.js's
    assert chart_of(html) == {"text": hostile}


@pytest.mark.parametrize("url", ["/actors/no-such-actor", "/articles/99999"])
def test_unknown_ids_on_pages_are_404(client: TestClient, url: str) -> None:
    response = get(client, url, 404)
    assert response.headers["content-type"].startswith("text/html")
    assert url.rsplit("/", 1)[1] in response.text


@pytest.mark.parametrize("url", ["/events?since=notadate", "/events?type=NOTATYPE", "/events?status=maybe",
                                 "/claims?status=maybe", "/quotes?until=notadate", "/network?since=notadate",
                                 "/events?page=0", "/articles/abc"])
def test_bad_filters_on_pages_are_422(client: TestClient, url: str) -> None:
    get(client, url, 422)


@pytest.mark.parametrize("url", ["/", "/static/style.css", "/openapi.json", "/docs", "/api/actors",
                                 "/api/actors/nobody", "/api/events?since=notadate", "/actors/nobody", "/nowhere"])
def test_every_response_has_a_strict_csp(client: TestClient, url: str) -> None:
    check_csp(client.get(url))


def test_api_docs_page_runs_under_the_csp(client: TestClient) -> None:
    page = get(client, "/docs").text
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S):
        assert not body.strip(), "inline script"
        source = re.search(r'src="([^"]+)"', attributes)
        assert source and source.group(1).startswith("/"), "script from another origin"
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in page  # every endpoint documented, from the live schema


def test_article_page_names_the_actors_of_its_ties(client: TestClient, news: NewsDb) -> None:
    page = get(client, f"/articles/{news.keys['energy-2']}").text
    ties = page.split('<h2>Ties</h2>', 1)[1].split("</ul>", 1)[0]
    assert '<a href="/actors/nicolas-maduro">Nicolás Maduro</a>' in ties
    assert '<a href="/actors/venezuela">Venezuela</a>' in ties


def test_article_page_marks_hedges_in_their_sentence(client: TestClient, news: NewsDb) -> None:
    page = get(client, f"/articles/{news.hostile_key}").text
    # "Reuters said the memo may have come from abroad.": a hedged claim whose cue is marked inside sentence 2
    sentence = page.split('id="s2"', 1)[1].split("</span>", 1)[0]
    assert '<mark class="hedge" title="hedge: may">may</mark>' in sentence
    assert 'class="hedge"' not in page.split('id="s2"', 1)[0]


# --- hostile text ------------------------------------------------------------------------------

def test_hostile_article_page_is_escaped(client: TestClient, news: NewsDb) -> None:
    page = get(client, f"/articles/{news.hostile_key}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page and "<b>bold</b>" not in page
    assert "<script" not in page.lower()
    title = re.search(r"<title>(.*?)</title>", page, flags=re.S).group(1)
    assert "&lt;script&gt;" in title


def test_hostile_text_is_escaped_wherever_it_is_shown(client: TestClient, news: NewsDb) -> None:
    for url in ["/", f"/actors/{MADURO}", "/actors/venezuela", "/events", "/quotes", "/claims",
                f"/search?q={SCRIPT}", f"/events?source={IMG}", f"/actors/{SCRIPT}", f"/articles/{SCRIPT}"]:
        response = client.get(url)
        check_csp(response)
        # the only script elements are the chart's: its JSON (nothing raw in it) and chart.js
        text = response.text
        if CHART_DATA.search(text):
            chart_of(text)
            text = CHART_DATA.sub("", text).replace(CHART_SCRIPT, "", 1)
        assert "<script" not in text.lower(), url
        assert "<img src=x" not in text and "<b>bold</b>" not in text, url
    quotes = get(client, "/quotes").text
    assert "&lt;b&gt;bold&lt;/b&gt; forgery" in quotes and "&lt;img src=x onerror=" in quotes
