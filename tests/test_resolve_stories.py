"""Story events, claim corroboration and dyad timelines across articles, on the examples of
examples/stories/: three outlets report one Israeli strike on Hezbollah (on March 3, 2026: "on
Tuesday", "on March 3", and a day later), three report one meeting of the Turkish and Iranian foreign
ministers, a later strike is another happening, and one outlet carries Hezbollah's denial of the rocket
fire two others report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.readers import read_paths
from newsgraph.record import Extraction
from newsgraph.resolve.stories import Report, actor_key, assign, interval, use_actor_keys
from newsgraph.store import Store
from store_backends import column, rows

STORIES = Path(__file__).resolve().parents[1] / "examples" / "stories"
STRIKE_OUTLETS = {"Harbor Post", "Levant Ledger", "Northern Wire"}
MEETING_OUTLETS = {"Harbor Post", "Daily Meridian", "Northern Wire"}


@pytest.fixture(scope="module")
def records(extractor) -> list[Extraction]:
    skipped: list = []
    articles = sorted(read_paths([STORIES], None, skipped), key=lambda a: a.id)
    assert skipped == [] and len(articles) >= 6
    return [extractor.extract(article) for article in articles]


def _stored(database: str, records: list[Extraction], batch: int) -> Store:
    store = Store(database)
    for i in range(0, len(records), batch):
        store.add_many([(record, "test") for record in records[i:i + batch]])
    return store


def _story(store: Store, source: str, target: str, day: str, family: str = "force") -> dict:
    """The story of that family by the source (either way for a meeting) whose span holds the day."""
    [found] = [s for s in store.story_events(between=(source, target), limit=None, with_reports=True)
               if s["date_start"] <= day <= s["date_end"] and s["family"] == family
               and (family == "meeting" or s["source"] == source)]
    return found


def _groups(database: str) -> list[tuple]:
    """Each story's events, as sets of (article id, sentence): what the grouping decided."""
    found: dict[int, set] = {}
    for story, article_id, sentence in rows(database, "select r.story, a.article_id, r.sentence from story_reports r "
                                                      "join articles a on a.id = r.article"):
        found.setdefault(story, set()).add((article_id, sentence))
    return sorted(tuple(sorted(events)) for events in found.values())


def test_reports_of_one_happening_become_one_story_event(database: str, records: list[Extraction]) -> None:
    store = _stored(database, records, batch=len(records))
    strike = _story(store, "israel", "hezbollah", "2026-03-03")
    assert (strike["reports"], strike["outlets"]) == (3, 3)
    assert (strike["first_report"], strike["last_report"]) == ("2026-03-03", "2026-03-05")
    assert {r["outlet"] for r in strike["reports_list"]} == STRIKE_OUTLETS
    assert all(r["status"] in {"asserted", "attributed", "hedged"} for r in strike["reports_list"])
    later = _story(store, "israel", "hezbollah", "2026-03-20")  # its own date, or its article's
    assert later["id"] != strike["id"] and (later["reports"], later["outlets"]) == (1, 1)
    # "Fidan met Araghchi", "Araghchi held talks with Fidan", "Fidan hosted Araghchi": one meeting
    meeting = _story(store, "hakan-fidan", "abbas-araghchi", "2026-03-05", "meeting")
    assert meeting["family"] == "meeting" and (meeting["reports"], meeting["outlets"]) == (3, 3)
    assert {r["outlet"] for r in meeting["reports_list"]} == MEETING_OUTLETS
    # every event is a report of exactly one story, and fewer stories than events
    # the network counts happenings: three reports of the strike, one edge of weight one that week
    edges = {(e["source"], e["target"], e["type"]): e["count"] for e in store.network(since="2026-03-01",
                                                                                    until="2026-03-07")}
    assert edges[("israel", "hezbollah", "ASSAULT")] == 1
    assert {(e["source"], e["target"], e["type"]): e["count"] for e in store.network()}[
        ("israel", "hezbollah", "ASSAULT")] == 2  # and the later strike
    events = column(database, "select count(*) from events")[0]
    assert column(database, "select count(*) from story_reports")[0] == events
    assert store.count_story_events() < events


def test_batches_and_re_ingest_decide_as_one_batch_does(database: str, records: list[Extraction]) -> None:
    store = _stored(database, records, batch=1)
    one_by_one = _groups(database)
    counts = rows(database, "select id, reports, outlets, mentions, first_report, last_report, date_start, "
                            "date_end from story_events order by id")
    assert sum(len(group) > 1 for group in one_by_one) >= 3
    store.add_many([(record, "test") for record in records])  # every article already stored
    assert _groups(database) == one_by_one
    assert rows(database, "select id, reports, outlets, mentions, first_report, last_report, date_start, "
                          "date_end from story_events order by id") == counts


def test_rebuilt_stories_are_the_ingested_ones_until_actor_keys_change(database: str,
                                                                       records: list[Extraction]) -> None:
    store = _stored(database, records, batch=2)
    ingested = _groups(database)
    assert store.rebuild_stories() == len(ingested) and _groups(database) == ingested
    # a user merges Abbas Araghchi into Iran: "Fidan hosts Iranian envoy"'s Fidan -> Iran joins the meeting
    use_actor_keys(lambda entity_id: "iran" if entity_id == "abbas-araghchi" else entity_id)
    try:
        store.rebuild_stories()
        meeting = _story(store, "hakan-fidan", "iran", "2026-03-05", "meeting")
    finally:
        use_actor_keys(None)
    assert meeting["mentions"] > 3 and len(_groups(database)) < len(ingested)


def test_batch_size_does_not_change_the_stories(tmp_path: Path, records: list[Extraction]) -> None:
    _stored(str(tmp_path / "one.db"), records, batch=1)
    _stored(str(tmp_path / "all.db"), records, batch=len(records))
    assert _groups(str(tmp_path / "one.db")) == _groups(str(tmp_path / "all.db"))


def test_a_contested_claim_has_both_sides(database: str, records: list[Extraction]) -> None:
    store = _stored(database, records, batch=len(records))
    [group] = store.claim_groups(contested=True)
    assert (group["subject"], group["predicate"]) == ("hezbollah", "ASSAULT>israel")
    assert {c["outlet"] for c in group["states"]} == {"Harbor Post", "Levant Ledger"}
    assert {c["status"] for c in group["states"]} == {"attributed"}
    assert [c["outlet"] for c in group["denies"]] == ["Northern Wire"]
    corroborated = store.claim_groups()
    assert ("israel", "ASSAULT>hezbollah") in {(g["subject"], g["predicate"]) for g in corroborated}
    assert all(g["articles"] > 1 for g in corroborated)


def test_dyad_counts_story_events_per_week(database: str, records: list[Extraction]) -> None:
    store = _stored(database, records, batch=len(records))
    weeks = {week["week"]: week for week in store.dyad("israel", "hezbollah")}
    # the week of March 2: one strike (three reports), the rocket fire Israel reports (two) and
    # Hezbollah's denial; the score is their mean weight, (2 x -9.3 - 4.2) / 3
    assert weeks["2026-03-02"]["counts"] == {"ASSAULT": 2, "REJECT": 1}
    assert weeks["2026-03-02"]["score"] == -7.6
    assert weeks["2026-03-16"]["counts"] == {"ASSAULT": 1}
    assert store.dyad("israel", "hezbollah") == store.dyad("hezbollah", "israel")


# --- the rules, without a store ----------------------------------------------------------------------

def _report(event: int, kind: str, source: str | None, target: str | None, start: str, end: str | None = None,
            location: str | None = None) -> Report:
    first, last = interval(start, end, None)
    return Report(event, kind, source, target, first, last, location)


def test_dates_within_the_tolerance_merge_and_farther_ones_do_not() -> None:
    stories, _ = assign([_report(1, "ASSAULT", "a", "b", "2026-03-03"), _report(2, "COERCE", "a", "b", "2026-03-05"),
                         _report(3, "ASSAULT", "a", "b", "2026-03-12")], {})
    assert stories[1] is stories[2] and stories[3] is not stories[1]


def test_reports_a_day_apart_do_not_chain_into_one_long_story() -> None:
    days = [f"2026-03-{day:02d}" for day in range(1, 21)]
    stories, made = assign([_report(n, "ASSAULT", "a", "b", day) for n, day in enumerate(days)], {})
    assert all((story.end - story.start).days <= 7 for story in made) and len(made) >= 3


def test_other_families_places_and_vague_dates_stay_apart() -> None:
    stories, made = assign([_report(1, "ASSAULT", "a", "b", "2026-03-03", location="southern Lebanon"),
                            _report(2, "ASSAULT", "a", "b", "2026-03-03", location="Lebanon"),
                            _report(3, "ASSAULT", "a", "b", "2026-03-03", location="Gaza"),
                            _report(4, "ACCUSE", "a", "b", "2026-03-03"),
                            _report(5, "ASSAULT", "a", "b", "2026-01-01", "2026-12-31"),
                            _report(6, "ASSAULT", None, None, "2026-03-03")], {})
    assert stories[1] is stories[2]
    assert len({id(stories[n]) for n in (1, 3, 4, 5, 6)}) == 5 and len(made) == 5


def test_with_one_end_unnamed_the_same_words_or_place_must_say_it_is_one_happening() -> None:
    def one_ended(event: int, words: str | None, location: str | None = None) -> Report:
        report = _report(event, "COERCE", "china", None, "2026-03-03", location=location)
        report.target_text = words
        return report

    stories, _ = assign([one_ended(1, "the hostages"), one_ended(2, "hostages on the train"),
                         one_ended(3, "fundamental freedoms"), one_ended(4, None, "Xinjiang"),
                         one_ended(5, None, "Xinjiang"), one_ended(6, None)], {})
    assert stories[1] is stories[2] and stories[4] is stories[5]
    assert len({id(stories[n]) for n in (1, 3, 4, 6)}) == 4


def test_meetings_have_no_direction_and_attacks_do() -> None:
    stories, _ = assign([_report(1, "CONSULT", "a", "b", "2026-03-03"), _report(2, "CONSULT", "b", "a", "2026-03-03"),
                         _report(3, "ASSAULT", "a", "b", "2026-03-03"), _report(4, "ASSAULT", "b", "a", "2026-03-03")],
                        {})
    assert stories[1] is stories[2] and stories[3] is not stories[4]


def test_actor_keys_are_where_resolved_actors_plug_in() -> None:
    reports = [_report(1, "ASSAULT", "gen-burhan", "rsf", "2026-03-03"),
               _report(2, "ASSAULT", "abdel-fattah-al-burhan", "rsf", "2026-03-03")]
    apart, _ = assign(reports, {})
    assert apart[1] is not apart[2]
    use_actor_keys(lambda entity_id: {"gen-burhan": "abdel-fattah-al-burhan"}.get(entity_id, entity_id))
    try:
        assert actor_key("gen-burhan") == "abdel-fattah-al-burhan"
        together, _ = assign(reports, {})
        assert together[1] is together[2]
    finally:
        use_actor_keys(None)
    assert actor_key("gen-burhan") == "gen-burhan"


def test_an_undated_report_stands_alone() -> None:
    assert interval(None, None, None) == (None, None)
    assert interval(None, None, "2026-03-05") == (date(2026, 3, 5), date(2026, 3, 5))
    stories, _ = assign([Report(1, "ASSAULT", "a", "b", None, None), Report(2, "ASSAULT", "a", "b", None, None)], {})
    assert stories[1] is not stories[2]


def test_reports_that_name_one_resolved_actor_differently_are_one_story(database: str, extractor) -> None:
    """Two outlets name one unknown commander two ways; once resolution merges the names, their reports
    of his attack are one happening."""
    from newsgraph.record import Article

    texts = {
        "a": ("Harbor Post", "Rebel commander Idris Kamal al-Nouri attacked the Chadian army near Abeche on "
                             "Tuesday, killing four soldiers."),
        "b": ("Levant Ledger", "Idris al-Nouri attacked the Chadian army near Abeche on Tuesday, officials said. "
                               "He later fled to Sudan."),
    }
    records = [extractor.extract(Article(id=key, text=text, published="2026-03-04", outlet=outlet))
               for key, (outlet, text) in texts.items()]
    store = Store(database)
    store.add_many([(record, "test") for record in records])
    attacks = [s for s in store.story_events(limit=None, with_reports=True)
               if s["type"] == "ASSAULT" and s["target"] == "td-armed-forces"]
    assert len(attacks) == 1 and attacks[0]["reports"] == 2, attacks
