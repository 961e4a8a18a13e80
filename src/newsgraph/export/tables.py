"""Flat tables for pandas, DuckDB, R: events (with GDELT-like and ACLED-like columns), actors, ties,
quotes and claims, written as CSV files or Parquet files into one folder (`--out DIR`): DIR/events.csv,
DIR/actors.csv, ... The columns are documented in the README ("Tables")."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.export.codes import QUAD_CLASS, SCORE, SECTOR, actor_code, quad_name
from newsgraph.export.selection import Row, Selection

TABLES = ("events", "actors", "ties", "quotes", "claims")


def _int_date(day: str | None) -> int | None:
    return int(day.replace("-", "")) if day else None


def _precision(start: str | None, end: str | None) -> int | None:
    """ACLED's time_precision: 1 the day is known, 2 within a week, 3 within a month or longer."""
    if not start:
        return None
    days = (date.fromisoformat(end or start) - date.fromisoformat(start)).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def _actor_columns(selection: Selection, number: int, entity_id: str | None, text: str | None) -> dict[str, Any]:
    actor = selection.actor(entity_id)
    prefix = f"Actor{number}"
    return {
        f"{prefix}Code": actor_code(actor["type"], actor["country"]) if actor else None,
        f"{prefix}Name": actor["name"] if actor else text,
        f"{prefix}CountryCode": actor_code(None, actor["country"]) if actor else None,
        f"{prefix}Type1Code": SECTOR.get(actor["type"]) if actor else None,
    }


def event_rows(selection: Selection) -> list[dict[str, Any]]:
    rows = []
    for event in selection.events:
        day = event["date_start"] or event["published"]
        quantity = event["quantity"] or {}
        rows.append({
            # GDELT-like
            "GLOBALEVENTID": event["id"], "SQLDATE": _int_date(day),
            "MonthYear": _int_date(day) // 100 if day else None, "Year": int(day[:4]) if day else None,
            **_actor_columns(selection, 1, event["source"], event["source_text"]),
            **_actor_columns(selection, 2, event["target"], event["target_text"]),
            "EventCode": event["type"], "QuadClass": QUAD_CLASS.get(event["type"]),
            "GoldsteinScale": SCORE.get(event["type"]),
            # the row's story event: the articles and distinct outlets that report the same happening
            "NumArticles": event["story_articles"] or 1, "NumSources": event["story_outlets"],
            "ActionGeo_FullName": event["location"], "SOURCEURL": event["url"],
            # ACLED-like
            "event_date": day, "year": int(day[:4]) if day else None,
            "time_precision": _precision(event["date_start"] or event["published"], event["date_end"]),
            "disorder_type": quad_name(event["type"]), "event_type": event["type"], "sub_event_type": event["mode"],
            "actor1": _name(selection, event["source"], event["source_text"]),
            "actor2": _name(selection, event["target"], event["target_text"]),
            "location": event["location"], "source": event["outlet"], "notes": event["sentence_text"],
            # newsgraph's own
            "article_id": event["article_id"], "title": event["title"], "published": event["published"],
            "sentence": event["sentence"], "source_id": event["source"], "target_id": event["target"],
            "trigger_text": event["trigger_text"], "trigger_start": event["trigger_start"],
            "trigger_end": event["trigger_end"], "status": event["status"], "negated": bool(event["negated"]),
            "story_id": event["story_id"],
            "attributed_to": event["attributed_to"], "date_text": event["date_text"],
            "date_start": event["date_start"], "date_end": event["date_end"],
            "quantity": quantity.get("value"), "quantity_unit": quantity.get("unit"),
        })
    return rows


def _name(selection: Selection, entity_id: str | None, text: str | None) -> str | None:
    actor = selection.actor(entity_id)
    return actor["name"] if actor else text


def actor_rows(selection: Selection) -> list[dict[str, Any]]:
    return [{"id": a["id"], "name": a["name"], "type": a["type"], "country": a["country"],
             "code": actor_code(a["type"], a["country"]), "sector": SECTOR.get(a["type"]), "role": a["role"],
             "kb": bool(a["kb"]), "articles": a["articles"], "mentions": a["mentions"],
             "aliases": "; ".join(a["aliases"])} for a in selection.actors.values()]


def _evidence(row: Row) -> dict[str, Any]:
    return {"article_id": row["article_id"], "published": row["published"], "sentence": row["sentence"],
            "sentence_text": row["sentence_text"]}


def tie_rows(selection: Selection) -> list[dict[str, Any]]:
    return [{"class": t["cls"], "type": t["type"], "source_id": t["source"],
             "source": _name(selection, t["source"], None), "target_id": t["target"],
             "target": _name(selection, t["target"], None), **_evidence(t)}
            for t in selection.ties]


def quote_rows(selection: Selection) -> list[dict[str, Any]]:
    return [{"speaker_id": q["speaker"], "speaker": _name(selection, q["speaker"], q["speaker_text"]),
             "cue": q["cue_text"], "content": q["content_text"], "content_start": q["content_start"],
             "content_end": q["content_end"], "direct": bool(q["direct"]), "channel_id": q["channel"],
             **_evidence(q)} for q in selection.quotes]


def claim_rows(selection: Selection) -> list[dict[str, Any]]:
    return [{"status": c["status"], "holder_id": c["holder"], "holder": _name(selection, c["holder"], c["holder_text"]),
             "cue": c["cue"], **_evidence(c)} for c in selection.claims]


def all_tables(selection: Selection) -> dict[str, list[dict[str, Any]]]:
    return {"events": event_rows(selection), "actors": actor_rows(selection), "ties": tie_rows(selection),
            "quotes": quote_rows(selection), "claims": claim_rows(selection)}


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, kind) for name, kind in columns])


S, INT, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_ACTOR = [(f"Actor{n}{c}", S) for n in (1, 2) for c in ("Code", "Name", "CountryCode", "Type1Code")]
_EVIDENCE = [("article_id", S), ("published", S), ("sentence", INT), ("sentence_text", S)]
# the column types, so that Parquet keeps them even where a column holds no value, and CSV headers
# stay the same when a table is empty
SCHEMAS = {
    "events": _schema(
        ("GLOBALEVENTID", INT), ("SQLDATE", INT), ("MonthYear", INT), ("Year", INT), *_ACTOR, ("EventCode", S),
        ("QuadClass", INT), ("GoldsteinScale", F), ("NumArticles", INT), ("NumSources", INT), ("ActionGeo_FullName", S),
        ("SOURCEURL", S),
        ("event_date", S), ("year", INT), ("time_precision", INT), ("disorder_type", S), ("event_type", S),
        ("sub_event_type", S), ("actor1", S), ("actor2", S), ("location", S), ("source", S), ("notes", S),
        ("article_id", S), ("title", S), ("published", S), ("sentence", INT), ("source_id", S), ("target_id", S),
        ("trigger_text", S), ("trigger_start", INT), ("trigger_end", INT), ("status", S), ("negated", B),
        ("story_id", INT), ("attributed_to", S), ("date_text", S), ("date_start", S), ("date_end", S), ("quantity", F),
        ("quantity_unit", S)),
    "actors": _schema(("id", S), ("name", S), ("type", S), ("country", S), ("code", S), ("sector", S),
                      ("role", S), ("kb", B), ("articles", INT), ("mentions", INT), ("aliases", S)),
    "ties": _schema(("class", S), ("type", S), ("source_id", S), ("source", S), ("target_id", S), ("target", S),
                    *_EVIDENCE),
    "quotes": _schema(("speaker_id", S), ("speaker", S), ("cue", S), ("content", S), ("content_start", INT),
                      ("content_end", INT), ("direct", B), ("channel_id", S), *_EVIDENCE),
    "claims": _schema(("status", S), ("holder_id", S), ("holder", S), ("cue", S), *_EVIDENCE),
}


def checked_tables(selection: Selection) -> dict[str, list[dict[str, Any]]]:
    """All tables, each row checked against its schema's columns (a renamed key would fail loudly here,
    not as an empty column in the file)."""
    tables = all_tables(selection)
    for name, rows in tables.items():
        if rows and list(rows[0]) != SCHEMAS[name].names:
            raise AssertionError(f"{name}: row keys {list(rows[0])} differ from {SCHEMAS[name].names}")
    return tables


def _write_tables(selection: Selection, folder: Path, suffix: str,
                  write_one: Callable[[Path, pa.Schema, list[dict[str, Any]]], None]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in checked_tables(selection).items():
        path = folder / f"{name}{suffix}"
        write_one(path, SCHEMAS[name], rows)
        written.append(path)
    return written


def _csv_file(path: Path, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=schema.names)
        writer.writeheader()
        writer.writerows(rows)


def _parquet_file(path: Path, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def write_csv(selection: Selection, folder: Path) -> list[Path]:
    return _write_tables(selection, folder, ".csv", _csv_file)


def write_parquet(selection: Selection, folder: Path) -> list[Path]:
    return _write_tables(selection, folder, ".parquet", _parquet_file)
