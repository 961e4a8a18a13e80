"""Channels are not actors by default: an outlet a text only cites ("told Reuters", "according to the
BBC") is left out of the actor list, the web home page, /api/actors and graph exports, unless asked for
(`--with-channels`, `?channels=1`); an outlet that acts in an event stays. On both store backends."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsgraph.record import Article, Extraction
from newsgraph.store import Store

CITED = ("Ana Ruiz, a Ruritanian trade negotiator, told Reuters that talks with Colombia would resume in May. "
         "\"We are close,\" she said, according to the BBC.")
ACTING = "The BBC sued the Colombian government over the detention of its reporter, the broadcaster said."


@pytest.fixture(scope="module")
def records(extractor) -> list[Extraction]:
    return [extractor.extract(Article(id="cited", text=CITED, published="2024-05-01")),
            extractor.extract(Article(id="acting", text=ACTING, published="2024-05-02"))]


@pytest.fixture
def store(database: str, records: list[Extraction]) -> Iterator[Store]:
    db = Store(database)
    db.add_many([(r, None) for r in records])
    yield db
    db.close()


def test_the_texts_make_reuters_a_channel_and_the_bbc_an_actor(records: list[Extraction]) -> None:
    cited, acting = records
    assert {q.channel for q in cited.quotes} == {"reuters", "bbc"}  # the premise of the tests below
    assert not any("reuters" in (e.source, e.target) for e in cited.events + acting.events)
    assert any(e.source == "bbc" for e in acting.events)


def test_actor_list_leaves_out_an_outlet_only_cited(store: Store) -> None:
    listed = {row["id"] for row in store.actor_table()}
    assert "reuters" not in listed
    assert {"bbc", "ana-ruiz"} <= listed  # the BBC acts in the second story
    assert "reuters" in {row["id"] for row in store.actor_table(include_channels=True)}
    assert [row["id"] for row in store.actor_table(actor_type="media")] == ["bbc"]


def test_cli_actors_shows_channels_only_with_the_flag(cli_run, store: Store, database: str) -> None:
    plain = cli_run("actors", "--db", database, "--json")
    flagged = cli_run("actors", "--db", database, "--json", "--with-channels")
    assert plain.exit_code == 0 and flagged.exit_code == 0
    assert "reuters" not in {row["id"] for row in json.loads(plain.stdout)}
    assert "reuters" in {row["id"] for row in json.loads(flagged.stdout)}


def test_web_home_and_api_show_channels_only_when_asked(store: Store, database: str) -> None:
    from newsgraph.web.app import create_app

    client = TestClient(create_app(database, hosts=["testserver"]))
    assert "reuters" not in {row["id"] for row in client.get("/api/actors").json()}
    assert "reuters" in {row["id"] for row in client.get("/api/actors?channels=1").json()}
    home, with_channels = client.get("/"), client.get("/?channels=1")
    assert home.status_code == with_channels.status_code == 200
    # the ranking of actors; the latest quotes below it still say which outlet carried them
    assert "/actors/reuters" not in actor_ranking(home.text) and "/actors/bbc" in actor_ranking(home.text)
    assert "/actors/reuters" in actor_ranking(with_channels.text)


def actor_ranking(page: str) -> str:
    start = page.index('<table class="actors">')
    return page[start:page.index("</table>", start)]


def test_graph_export_leaves_out_an_outlet_only_cited(store: Store) -> None:
    from newsgraph.export.graph import actor_graph
    from newsgraph.export.selection import Filters, select_rows

    plain = actor_graph(select_rows(store.engine, Filters()), spells=False)
    flagged = actor_graph(select_rows(store.engine, Filters(channels=True)), spells=False)
    assert "reuters" not in plain and "bbc" in plain
    assert "reuters" in flagged


def test_cli_graph_export_keeps_channels_only_with_the_flag(cli_run, store: Store, database: str, tmp_path) -> None:
    plain, flagged = tmp_path / "plain.graphml", tmp_path / "flagged.graphml"
    assert cli_run("export", "--format", "graphml", "--db", database, "--out", str(plain)).exit_code == 0
    assert cli_run("export", "--format", "graphml", "--db", database, "--out", str(flagged),
                   "--with-channels").exit_code == 0
    assert 'id="reuters"' not in plain.read_text(encoding="utf-8")
    assert 'id="reuters"' in flagged.read_text(encoding="utf-8")
    assert 'id="bbc"' in plain.read_text(encoding="utf-8")
