"""`newsgraph export`: every format made from a database built here from articles written for the tests
(web_fixtures.STORIES, stored by the `news` fixture), then read back with the library its users read it
with: followthemoney (schema checks and the `ftm validate` tool), networkx (read_gexf, read_graphml),
pyarrow (Parquet and CSV). Nothing is extracted again: the exports are checked against the store."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from newsgraph.ontology import PLOVER_TYPES
from store_backends import column, rows, scalar

ISRAEL, HEZBOLLAH, MADURO = "israel", "hezbollah", "nicolas-maduro"


def export(cli_run: Any, db: str, fmt: str, out: Path, *args: str) -> Path:
    result = cli_run("export", "--format", fmt, "--db", db, "--out", out, *args)
    assert result.exit_code == 0, result.output
    return out


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- FollowTheMoney ------------------------------------------------------------------------------


def test_ftm_entities_pass_the_library_schema_checks(news, cli_run, tmp_path: Path) -> None:
    from followthemoney import model

    path = export(cli_run, news.db, "ftm", tmp_path / "news.ftm.json")
    records = lines(path)
    proxies = [model.get_proxy(record, cleaned=False) for record in records]
    ids = {proxy.id for proxy in proxies}
    assert len(ids) == len(proxies)
    for record, proxy in zip(records, proxies, strict=True):
        assert proxy.schema.validate(record) is None  # raises InvalidData naming the bad property
        missing = [name for name in proxy.schema.required if not proxy.get(name)]
        assert not missing, (record, missing)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":  # every reference lands on an entity of the export
                assert set(proxy.get(prop)) <= ids, (record, prop.name)
    by_schema: dict[str, list[Any]] = {}
    for proxy in proxies:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert len(by_schema["Article"]) == len(news.keys)
    assert len(by_schema["Event"]) == scalar(news.db, "SELECT count(*) FROM events")
    ties = sum(len(by_schema.get(name, [])) for name in ("Membership", "Employment", "UnknownLink"))
    assert ties == scalar(news.db, "SELECT count(*) FROM relations WHERE source <> target")

    maduro = next(p for p in by_schema["Person"] if p.get("name") == ["Nicolás Maduro"])
    assert "Maduro" in maduro.get("alias") and maduro.get("country") == ["ve"]
    israel = next(p for p in by_schema["PublicBody"] if p.get("name") == ["Israel"])
    hezbollah = next(p for p in proxies if p.get("name") == ["Hezbollah"])
    assault = next(p for p in by_schema["Event"] if "ASSAULT" in p.get("keywords")
                   and p.get("organizer") == [israel.id])
    assert set(assault.get("involved")) == {israel.id, hezbollah.id}
    assert assault.get("date") == [news.published("border-3")]
    border = next(p for p in by_schema["Article"] if p.get("title") == ["Strikes along the Lebanese border"])
    assert any(d.get("entity") == [assault.id] and d.get("document") == [border.id]
               for d in by_schema["Documentation"])
    assert any(d.get("entity") == [maduro.id] and d.get("role") == ["mentioned"] for d in by_schema["Documentation"])


def test_ftm_lines_survive_the_ftm_validate_tool(news, cli_run, tmp_path: Path) -> None:
    path = export(cli_run, news.db, "ftm", tmp_path / "news.ftm.json")
    ftm = Path(sys.executable).with_name("ftm")
    checked = tmp_path / "checked.ftm.json"
    subprocess.run([str(ftm), "validate", "-i", str(path), "-o", str(checked)], check=True, timeout=120)
    # `ftm validate` re-parses every value by its property type: nothing it would change or drop
    assert [r["properties"] for r in lines(checked)] == [r["properties"] for r in lines(path)]


def test_ftm_without_the_library_names_the_extra(news, tmp_path: Path) -> None:
    # followthemoney made unimportable in a child process: the state of an install without the extra
    code = ("import sys; sys.modules['followthemoney'] = None; sys.argv = ['newsgraph'] + sys.argv[1:]; "
            "from newsgraph.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "export", "--format", "ftm", "--db", news.db,
                             "--out", str(tmp_path / "x.json")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "pip install 'newsgraph[export]'" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.json").exists()


# --- PLOVER --------------------------------------------------------------------------------------


def test_plover_lines_carry_the_manual_fields(news, cli_run, tmp_path: Path) -> None:
    records = lines(export(cli_run, news.db, "plover", tmp_path / "events.jsonl"))
    assert len(records) == scalar(news.db, "SELECT count(*) FROM events")
    assert len({r["id"] for r in records}) == len(records)
    texts = {record.article.id: record.article.text for record in news.records.values()}
    for record in records:
        # required by the manual: id, date, source, event
        assert isinstance(record["id"], str) and record["id"]
        assert len(record["date"]) == 10 and record["date"][4] == "-"
        assert isinstance(record["source"], list) and record["actor"] == record["source"]
        assert record["event"] and set(record["event"]) <= set(PLOVER_TYPES)
        for key in ("recipient", "mode", "event_text"):
            assert isinstance(record[key], list)
        info = record["text_info"]
        article = texts[info["article_id"]]
        assert article[info["start"]:info["end"]] == record["text"]
        assert article[info["event_start"]:info["event_end"]] == record["event_text"][0]
        assert record["cite_info"]["citation"] == info["article_id"] and record["coder"].startswith("newsgraph")
    strike = next(r for r in records if r["event"] == ["ASSAULT"] and r["source"][0].get("identifier_id") == ISRAEL)
    assert strike["source"][0]["code"] == "ISR" and strike["recipient"][0]["identifier_id"] == HEZBOLLAH
    assert strike["quad_code"] == 4 and strike["event_scale"] < 0
    assert strike["cite_info"]["title"] == "Strikes along the Lebanese border"


def test_type_keeps_only_those_events(news, cli_run, tmp_path: Path) -> None:
    graph = nx.read_graphml(export(cli_run, news.db, "graphml", tmp_path / "a.graphml", "--type", "ASSAULT"))
    assert graph.number_of_edges() and {d["edge_type"] for _u, _v, d in graph.edges(data=True)} == {"ASSAULT"}
    ends = set(column(news.db, "SELECT source FROM events WHERE type = 'ASSAULT' UNION "
                               "SELECT target FROM events WHERE type = 'ASSAULT' UNION "
                               "SELECT attributed_to FROM events WHERE type = 'ASSAULT'"))
    assert {n for u, v in graph.edges() for n in (u, v)} <= set(graph) <= ends  # no actor without an assault
    folder = export(cli_run, news.db, "csv", tmp_path / "tables", "--type", "ASSAULT")
    assert pa_csv.read_csv(folder / "quotes.csv").num_rows == 0


def test_filters_select_events_by_actor_type_and_date(news, cli_run, tmp_path: Path) -> None:
    records = lines(export(cli_run, news.db, "plover", tmp_path / "a.jsonl", "--actor", "Hezbollah",
                           "--type", "assault"))
    assert records and all(r["event"] == ["ASSAULT"] for r in records)
    assert all(HEZBOLLAH in {a.get("identifier_id") for a in r["source"] + r["recipient"]} for r in records)
    dated = lines(export(cli_run, news.db, "plover", tmp_path / "d.jsonl", "--since", "2024-05-01",
                         "--until", "2024-08-31"))
    assert dated and {r["text_info"]["article_id"] for r in dated} <= {"energy-2", "border-3"}


# --- GEXF and GraphML ----------------------------------------------------------------------------


def _edge(graph: nx.MultiDiGraph, source: str, target: str, edge_type: str) -> dict[str, Any]:
    found = [data for _u, _v, data in graph.edges(source, data=True) if _v == target and data["edge_type"] == edge_type]
    assert len(found) == 1, list(graph.edges(source, data=True))
    return found[0]


def test_gexf_reads_back_with_a_timeline(news, cli_run, tmp_path: Path) -> None:
    path = export(cli_run, news.db, "gexf", tmp_path / "news.gexf")
    graph = nx.read_gexf(path)
    assert graph.nodes[ISRAEL]["type"] == "country" and graph.nodes[ISRAEL]["country"] == "IL"
    mentions = scalar(news.db, f"SELECT count(*) FROM mentions WHERE entity = '{MADURO}'")
    assert graph.nodes[MADURO]["mentions"] == mentions > 1
    strike = _edge(graph, ISRAEL, HEZBOLLAH, "ASSAULT")
    assert strike["kind"] == "event" and strike["count"] >= 1 and strike["weight"] == strike["count"]
    assert strike["start"] == strike["end"] == "2024-07-21"  # "on Sunday", in a story of Monday 22 July
    assert strike["spells"] == [("2024-07-21", "2024-07-21")]
    root = ET.parse(path).getroot()
    graph_element = root.find("{http://www.gexf.net/1.2draft}graph")
    assert graph_element.get("mode") == "dynamic" and graph_element.get("timeformat") == "date"
    assert graph.number_of_edges() == len({(u, v, k) for u, v, k in graph.edges(keys=True)})


def test_graphml_reads_back(news, cli_run, tmp_path: Path) -> None:
    graph = nx.read_graphml(export(cli_run, news.db, "graphml", tmp_path / "news.graphml"))
    assert graph.nodes[HEZBOLLAH]["type"] == "armed_group"
    strike = _edge(graph, ISRAEL, HEZBOLLAH, "ASSAULT")
    assert strike["count"] >= 1 and strike["start"] and strike["cooperation"] == "conflict"
    events = scalar(news.db, "SELECT count(*) FROM events WHERE source IS NOT NULL AND target IS NOT NULL "
                             "AND source <> target")
    counted = sum(d["count"] for _u, _v, d in graph.edges(data=True) if d["kind"] == "event")
    assert counted == events


# --- CSV and Parquet -----------------------------------------------------------------------------


def test_parquet_tables_read_with_pyarrow(news, cli_run, tmp_path: Path) -> None:
    folder = export(cli_run, news.db, "parquet", tmp_path / "tables")
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in ("events", "actors", "ties", "quotes",
                                                                           "claims")}
    assert tables["events"].num_rows == scalar(news.db, "SELECT count(*) FROM events")
    assert tables["quotes"].num_rows == scalar(news.db, "SELECT count(*) FROM quotes")
    assert tables["claims"].num_rows == scalar(news.db, "SELECT count(*) FROM claims")
    assert str(tables["events"].schema.field("SQLDATE").type) == "int64"
    events = tables["events"].to_pylist()
    strike = next(e for e in events if e["EventCode"] == "ASSAULT" and e["source_id"] == ISRAEL)
    assert strike["Actor1Code"] == "ISR" and strike["Actor2Name"] == "Hezbollah" and strike["QuadClass"] == 4
    # "on Sunday" in a story of Monday 22 July: the event's own day, the article's beside it
    assert strike["event_date"] == strike["date_start"] == "2024-07-21" and strike["published"] == "2024-07-22"
    assert strike["SQLDATE"] == 20240721 and strike["MonthYear"] == 202407 and strike["time_precision"] == 1
    assert strike["notes"].startswith("Israel attacked Hezbollah")
    actors = {a["id"]: a for a in tables["actors"].to_pylist()}
    assert actors[MADURO]["type"] == "person" and "Maduro" in actors[MADURO]["aliases"]
    speakers = set(tables["quotes"].column("speaker_id").to_pylist())
    assert MADURO in speakers


def test_csv_tables_match_the_parquet_ones(news, cli_run, tmp_path: Path) -> None:
    csv_folder = export(cli_run, news.db, "csv", tmp_path / "csv")
    parquet_folder = export(cli_run, news.db, "parquet", tmp_path / "parquet")
    for name in ("events", "actors", "ties", "quotes", "claims"):
        from_csv = pa_csv.read_csv(csv_folder / f"{name}.csv")
        from_parquet = pq.read_table(parquet_folder / f"{name}.parquet")
        assert from_csv.column_names == from_parquet.column_names
        assert from_csv.num_rows == from_parquet.num_rows
    events = pa_csv.read_csv(csv_folder / "events.csv").to_pylist()
    assert {e["EventCode"] for e in events} <= set(PLOVER_TYPES)


def test_export_reads_postgresql_as_sqlite(extractor, database: str, cli_run, tmp_path: Path) -> None:
    from web_fixtures import build_news_db

    built = build_news_db(extractor, tmp_path, database)
    exported = lines(export(cli_run, built.db, "plover", tmp_path / "events.jsonl"))
    # sentences keep offsets only: each event's sentence is sliced from its article's text
    starts = rows(built.db, "SELECT a.text, s.start, s.\"end\" FROM events e JOIN sentences s "
                              "ON s.article = e.article AND s.idx = e.sentence JOIN articles a ON a.id = e.article")
    assert sorted(r["text"] for r in exported) == sorted(text[start:end] for text, start, end in starts)


# --- bad arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message", "code"), [
    (["--format", "xml"], "--format must be one of ftm, plover, gexf, graphml, csv, parquet", 2),
    (["--format", "csv"], "give it with --out DIR", 2),
    (["--format", "plover", "--since", "March"], "--since must be a date YYYY-MM-DD", 2),
    (["--format", "plover", "--type", "HUG"], "--type must be one of", 2),
    (["--format", "plover", "--actor", "Nobody At All"], "no actor named 'Nobody At All'", 1),
    (["--format", "gexf", "--out", "{tmp}/missing/graph.gexf"], "does not exist", 2),
    (["--format", "gexf", "--out", "{tmp}"], "is a folder", 2),
])
def test_bad_arguments_give_one_line(news, cli_run, tmp_path: Path, args: list[str], message: str,
                                     code: int) -> None:
    result = cli_run("export", "--db", news.db, *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == code, result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_database_gives_one_line(cli_run, tmp_path: Path) -> None:
    result = cli_run("export", "--format", "plover", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_undated_events_are_left_out_of_plover_and_counted(extractor, cli_run, tmp_path: Path) -> None:
    from newsgraph.record import Article
    from newsgraph.store import Store

    db = str(tmp_path / "undated.db")
    store = Store(db)
    store.add(extractor.extract(Article(id="undated", text="Israel attacked Hezbollah positions in Lebanon.")))
    store.close()
    assert scalar(db, "SELECT count(*) FROM events WHERE type = 'ASSAULT'") == 1
    result = cli_run("export", "--format", "plover", "--db", db, "--out", tmp_path / "events.jsonl")
    assert result.exit_code == 0 and "1 undated event(s) left out" in result.output
    assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == ""
    graph = nx.read_gexf(export(cli_run, db, "gexf", tmp_path / "undated.gexf"))
    strike = _edge(graph, ISRAEL, HEZBOLLAH, "ASSAULT")  # on the graph still, with no time of its own
    assert strike["count"] == 1 and "spells" not in strike and "start" not in strike
