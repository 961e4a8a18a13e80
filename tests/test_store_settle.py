"""Deferred counting (dbsettle.py): a load that defers the summaries, links and stories of its batches
and settles them at once makes the same tables as articles written one at a time; an article stored but
not yet counted stays listed, whether the load is killed, two loads settle at once, or a merge of actors
comes first, and is counted exactly once; `ingest` counts what it stored when stopped by Ctrl-C, and what a
killed ingest left, on both backends."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph import store as store_module
from newsgraph.record import Extraction
from newsgraph.store import Store
from store_backends import _select, rows, scalar
from test_resolve_actors import assert_counted_as_canonical
from test_resolve_actors import records as actor_records  # noqa: F401 - the fixture, shared
from test_store_summary import assert_summaries_agree, both_ways
from test_store_summary import records as summary_records  # noqa: F401 - the fixture, shared

DERIVED = ("actor_stats", "actor_aliases", "actor_months", "event_edges", "quotes_about", "claims_about",
           "story_events", "story_reports", "story_edges")


def unsettled(database: str) -> int:
    return scalar(database, "select count(*) from unsettled_articles")


def derived_tables(database: str) -> dict[str, list[tuple]]:
    return {table: sorted(map(tuple, rows(database, f"select * from {table}")), key=repr) for table in DERIVED}


def test_deferred_batches_count_nothing_until_settled(database: str, summary_records: list[Extraction]) -> None:  # noqa: F811
    store = Store(database)
    try:
        results = store.add_many([(r, "m") for r in summary_records], defer=True)
        assert all(r.stored for r in results)
        assert unsettled(database) == 3
        assert scalar(database, "select count(*) from actor_stats") == 0  # counted later, not lost
        assert store.settle() == 3
        assert unsettled(database) == 0
        assert_summaries_agree(database)
        assert store.settle() == 0  # nothing is counted twice
        assert not any(r.stored for r in store.add_many([(r, "m") for r in summary_records], defer=True))
        assert store.settle() == 0
        assert_summaries_agree(database)
    finally:
        store.close()


def test_a_deferred_load_makes_the_tables_one_at_a_time_writes_make(tmp_path: Path,
                                                                    actor_records: list[Extraction]) -> None:  # noqa: F811
    one_by_one, deferred = str(tmp_path / "one.db"), str(tmp_path / "deferred.db")
    store = Store(one_by_one)
    for record in actor_records:
        store.add(record, "m")
    store.close()
    store = Store(deferred)
    for start in range(0, len(actor_records), 3):  # each batch brings new entities that resolve into older ones
        store.add_many([(r, "m") for r in actor_records[start:start + 3]], defer=True)
    store.settle()
    store.close()
    assert derived_tables(deferred) == derived_tables(one_by_one)
    assert_counted_as_canonical(deferred)


def test_a_merge_counts_the_unsettled_articles_first(database: str, actor_records: list[Extraction]) -> None:  # noqa: F811
    store = Store(database)
    try:
        store.add_many([(r, "m") for r in actor_records], defer=True)
        assert unsettled(database) == len(actor_records)
        assert store.merge("sergio-valdes", "sergio-valdez")
        assert unsettled(database) == 0
        assert_counted_as_canonical(database)
        assert store.actor_profile("sergio-valdez")["articles"] == 2
        assert store.settle() == 0
        assert_counted_as_canonical(database)
    finally:
        store.close()


def test_two_deferring_writers_count_every_article_once(database: str, summary_records: list[Extraction],  # noqa: F811
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from test_store import copy_of

    monkeypatch.setattr(store_module, "SETTLE_EVERY", 3)  # settles of both writers interleave with their writes
    copies = [copy_of(summary_records[n % 2], id=f"copy-{n}", url=f"https://example.org/{n}") for n in range(16)]

    def write(order: list[Extraction]) -> None:
        writer = Store(database)
        try:
            for start in range(0, len(order), 2):
                writer.add_many([(r, None) for r in order[start:start + 2]], defer=True)
            writer.settle()
        finally:
            writer.close()

    both_ways(write, copies)
    assert len(_select(database, "select id from articles")) == len(copies)
    assert unsettled(database) == 0
    assert_summaries_agree(database)
    # every event is a report of exactly one story, and each story counts its reports
    assert scalar(database, "select count(*) from story_reports") == scalar(database, "select count(*) from events")
    assert scalar(database, "select sum(mentions) from story_events") == scalar(database, "select count(*) from events")


KILLED_LOAD = """
import os, signal, sys
from newsgraph.record import Extraction
from newsgraph.store import Store
records = [Extraction.from_json(line) for line in open(sys.argv[2], encoding="utf-8")]
store = Store(sys.argv[1])
store.add_many([(r, "m") for r in records], defer=True)
os.kill(os.getpid(), signal.SIGKILL)  # killed after its write, before it settled
"""


def test_ingest_counts_what_a_killed_load_left(database: str, tmp_path: Path, cli_run,
                                               summary_records: list[Extraction]) -> None:  # noqa: F811
    saved = tmp_path / "records.jsonl"
    saved.write_text("".join(r.to_json() + "\n" for r in summary_records[:2]), encoding="utf-8")
    Store(database).close()
    killed = subprocess.run([sys.executable, "-c", KILLED_LOAD, database, str(saved)], timeout=120)
    assert killed.returncode == -9
    assert scalar(database, "select count(*) from articles") == 2
    assert unsettled(database) == 2 and scalar(database, "select count(*) from actor_stats") == 0
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "later", "text": summary_records[2].article.text,
                                 "published": "2024-11-05"}) + "\n", encoding="utf-8")
    result = cli_run("ingest", str(later), "--db", database, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert scalar(database, "select count(*) from articles") == 3
    assert unsettled(database) == 0
    assert_summaries_agree(database)


def test_an_ingest_stopped_by_ctrl_c_counts_what_it_stored(database: str, tmp_path: Path, cli_run,
                                                           summary_records: list[Extraction],  # noqa: F811
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": r.article.text, "published": "2024-09-02"}) + "\n"
                              for n, r in enumerate(summary_records)), encoding="utf-8")
    add_many = Store.add_many
    calls: list[int] = []

    def stopped_at_the_second_batch(self: Store, records, defer: bool = False):  # noqa: ANN001, ANN202
        calls.append(len(calls))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return add_many(self, records, defer)

    monkeypatch.setattr(Store, "add_many", stopped_at_the_second_batch)
    result = cli_run("ingest", str(source), "--db", database, "--workers", "1", "--batch-size", "1")
    assert result.exit_code == 130
    assert "interrupted: 1 article(s) stored" in result.output
    assert scalar(database, "select count(*) from articles") == 1
    assert unsettled(database) == 0  # counted as it stopped
    assert_summaries_agree(database)
