"""Actors resolved across articles (resolve/actors.py): name variants, transliterations, titled and short
forms of one actor merged into one; look-alikes kept apart (another country, another type, a surname
two people share, a surname named years away); the merged actor counted once in every summary; and a
user's merges and splits kept across re-ingests and a new resolution, on both backends. The articles
are written here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.record import Article, Entity, Extraction, Mention, Sentence
from newsgraph.store import Store
from store_backends import column, rows, scalar

# (id, published, text): one general in four spellings over a week, a known actor misspelt, and
# look-alikes.
ARTICLES = [
    ("border-1", "2025-04-01", "Sudanese general Idris Kamal al-Nouri met border officials in Kassala on Monday. "
                               "Al-Nouri said the crossing would reopen."),
    ("border-2", "2025-04-03", "Commander Idriss Kamal al-Nuri promised food aid to displaced families on Wednesday."),
    ("border-3", "2025-04-05", "Gen. Nouri said his troops would withdraw from the town, according to a statement."),
    ("army-1", "2025-04-02", "Sudan's army chief Abdel Fattah al-Burhan visited Port Sudan on Tuesday."),
    ("army-2", "2025-04-04", "Sudanese army chief Abdel Fattah al-Borhan said on Monday that talks had failed."),
    ("tariff-1", "2025-04-04", "Mexican senator Sergio Valdés criticised the new tariff on Friday."),
    ("tariff-2", "2025-04-04", "Colombian senator Sergio Valdez praised the new tariff on Friday."),
    ("gas-1", "2025-04-01", "Nigerian senator Emeka Okafor opened the gas plant on Tuesday."),
    ("gas-2", "2025-04-02", "Ghanaian minister Kwame Okafor visited the same plant on Wednesday."),
    ("gas-3", "2025-04-03", "Okafor said the talks would resume in Abuja next month."),
]
LATER = ("border-9", "2027-06-01", "Gen. Nouri said the old garrison had been rebuilt, according to a statement.")


@pytest.fixture(scope="module")
def records(extractor) -> list[Extraction]:
    return [extractor.extract(Article(id=ident, text=text, published=day, outlet=f"outlet-{n}"))
            for n, (ident, day, text) in enumerate(ARTICLES)]


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    db = Store(database)
    yield db
    db.close()


def stored(store: Store, records: list[Extraction]) -> Store:
    for start in range(0, len(records), 4):  # batches, as ingest writes them
        store.add_many([(record, "m") for record in records[start:start + 4]])
    return store


def test_extraction_gives_the_entities_these_tests_are_about(records: list[Extraction]) -> None:
    found = {(e.id, e.kb) for record in records for e in record.entities}
    assert {("idris-kamal-al-nouri", False), ("idriss-kamal-al-nuri", False), ("nouri", False),
            ("abdel-fattah-al-burhan", True), ("abdel-fattah-al-borhan", False), ("sergio-valdes", False),
            ("sergio-valdez", False), ("emeka-okafor", False), ("kwame-okafor", False), ("okafor", False)} <= found


def test_variants_titled_and_short_forms_become_one_actor(store: Store, database: str,
                                                          records: list[Extraction]) -> None:
    stored(store, records)
    assert store.canonical("idriss-kamal-al-nuri") == "idris-kamal-al-nouri"  # a transliteration
    assert store.canonical("nouri") == "idris-kamal-al-nouri"  # titled surname, the only al-Nouri, same week
    assert store.canonical("abdel-fattah-al-borhan") == "abdel-fattah-al-burhan"  # the known actor absorbs it
    reasons = {row["id"]: row["reason"] for row in store.merges()}
    assert reasons["idriss-kamal-al-nuri"] == "variant spelling" and reasons["nouri"] == "short form"
    profile = store.actor_profile("nouri")  # a merged entity opens its actor
    assert profile["id"] == "idris-kamal-al-nouri"
    assert {"Idriss Kamal al-Nuri", "Nouri", "Al-Nouri"} <= set(profile["aliases"])
    assert profile["articles"] == 3 and {m["article_id"] for m in profile["mentions"]} == {
        "border-1", "border-2", "border-3"}
    table = {row["id"]: row for row in store.actor_table(limit=None)}
    assert table["idris-kamal-al-nouri"]["articles"] == 3
    assert "nouri" not in table and "idriss-kamal-al-nuri" not in table
    assert [m["id"] for m in store.find_entities("Nouri")] == ["idris-kamal-al-nouri"]
    assert_counted_as_canonical(database)


def test_look_alikes_stay_apart(store: Store, records: list[Extraction]) -> None:
    stored(store, records)
    # one spelling away, but a Mexican and a Colombian senator
    assert store.canonical("sergio-valdez") == "sergio-valdez"
    # a surname two people share: neither full name may take it
    assert store.canonical("okafor") == "okafor"
    assert store.canonical("kwame-okafor") == "kwame-okafor"
    # a known actor's namesake in another article is not a variant of another person
    assert store.canonical("idris-kamal-al-nouri") == "idris-kamal-al-nouri"


def test_a_short_form_named_years_away_is_not_merged(store: Store, records: list[Extraction], extractor) -> None:
    ident, day, text = LATER
    later = extractor.extract(Article(id=ident, text=text, published=day))
    assert "nouri" in {e.id for e in later.entities}
    border = [r for r in records if r.article.id == "border-1"]
    stored(store, [*border, later])
    assert store.canonical("nouri") == "nouri"


def test_undated_short_forms_need_an_actor_named_alongside(store: Store, extractor) -> None:
    def undated(ident: str, text: str) -> Extraction:
        return extractor.extract(Article(id=ident, text=text))

    store.add(undated("talks-1", "Sudanese general Idris Kamal al-Nouri met envoys of the Rapid Support Forces."))
    store.add(undated("harvest-1", "Gen. Nouri said the harvest had been poor this year."))
    assert store.canonical("nouri") == "nouri"  # nothing but the name in common
    store.add(undated("talks-2", "Gen. Nouri said the Rapid Support Forces had pulled back from the bridge."))
    assert store.canonical("nouri") == "nouri"  # an entity is decided when it is first stored
    store.resolve_again()  # the rules again, over everything: now a third actor is named alongside both
    assert store.canonical("nouri") == "idris-kamal-al-nouri"
    assert store.actor_profile("idris-kamal-al-nouri")["articles"] == 3


def test_a_person_and_an_organisation_of_one_name_stay_apart(store: Store) -> None:
    text = "Karim Haddad spoke at the opening. Karim Haddad pledged more funds."

    def record(ident: str, entity_id: str, kind: str, start: int) -> Extraction:
        name = "Karim Haddad"
        mention = Mention(name, start, start + len(name), 0 if start == 0 else 1)
        return Extraction(article=Article(id=ident, text=text, published="2025-04-01"),
                          sentences=[Sentence(0, 0, 34), Sentence(1, 35, len(text))],
                          entities=[Entity(entity_id, name, kind, mentions=[mention])])

    store.add_many([(record("haddad-1", "karim-haddad", "person", 0), "m"),
                    (record("haddad-2", "karim-haddad-ngo", "ngo", 35), "m")])
    assert store.canonical("karim-haddad-ngo") == "karim-haddad-ngo"
    assert store.merges() == []


def test_user_merges_and_splits_persist_across_re_ingest_and_resolution(store: Store, database: str,
                                                                       records: list[Extraction]) -> None:
    stored(store, records)
    assert store.merge("sergio-valdes", "sergio-valdez")  # a user knows better than the countries
    assert store.split("idris-kamal-al-nouri", "nouri")  # and undoes a merge
    assert not store.split("emeka-okafor", "okafor")  # forbids one that was never made
    stored(store, records)  # the same articles again: nothing new stored
    store.resolve_again()  # the rules run over everything again
    assert store.canonical("sergio-valdez") == "sergio-valdes"
    assert store.canonical("nouri") == "nouri"
    assert store.canonical("idriss-kamal-al-nuri") == "idris-kamal-al-nouri"  # the automatic merge stays
    by_user = {row["id"] for row in store.merges() if row["by_user"]}
    assert by_user == {"sergio-valdez"}
    assert store.splits() == [("emeka-okafor", "okafor"), ("idris-kamal-al-nouri", "nouri")]
    assert store.actor_profile("sergio-valdez")["articles"] == 2
    assert store.actor_profile("nouri")["articles"] == 1
    assert_counted_as_canonical(database)


def test_a_full_name_arriving_after_its_short_form_takes_it(store: Store, database: str,
                                                             records: list[Extraction]) -> None:
    by_id = {r.article.id: r for r in records}
    store.add(by_id["border-3"])  # "Gen. Nouri" alone first: its own actor, counted as such
    assert store.actor_profile("nouri")["id"] == "nouri"
    store.add(by_id["border-1"])  # then the full name, two days earlier
    assert store.canonical("nouri") == "idris-kamal-al-nouri"
    assert scalar(database, "select count(*) from actor_stats where entity = 'nouri'") == 0
    assert store.actor_profile("idris-kamal-al-nouri")["articles"] == 2
    assert_counted_as_canonical(database)


def test_merged_actors_count_once_in_the_network_and_timeline(store: Store, database: str,
                                                              records: list[Extraction]) -> None:
    stored(store, records)
    store.merge("emeka-okafor", "kwame-okafor")
    names = set(column(database, "select source from event_edges union select target from event_edges"))
    assert "kwame-okafor" not in names
    assert_counted_as_canonical(database)


def assert_counted_as_canonical(database: str) -> None:
    """Every summary table equals its facts counted afresh with each entity as its canonical actor."""
    canonical = "coalesce((select r.canonical from actor_resolution r where r.entity = {0}), {0})"
    of_mention = canonical.format("m.entity")
    expected = {
        "actor_stats": (f"select {of_mention} as actor, count(distinct m.article), count(*) from mentions m "
                        "group by actor"),
        "actor_aliases": f"select {of_mention} as actor, m.text, count(*) from mentions m group by actor, m.text",
        "event_edges": (f"select {canonical.format('v.source')} as s, {canonical.format('v.target')} as t, v.type, "
                        "count(*) from events v where v.source is not null and v.target is not null "
                        "group by s, t, v.type"),
        "quotes_about": (f"select distinct {of_mention}, q.article, q.n from quotes q join mentions m "
                         "on m.article = q.article and m.start >= q.content_start and m.\"end\" <= q.content_end"),
        "claims_about": (f"select distinct {of_mention}, c.article, c.n from claims c join mentions m "
                         "on m.article = c.article and m.sentence = c.sentence"),
    }
    summaries = {"actor_stats": "select entity, articles, mentions from actor_stats",
                 "actor_aliases": "select entity, text, mentions from actor_aliases",
                 "event_edges": "select source, target, type, count from event_edges",
                 "quotes_about": "select entity, article, n from quotes_about",
                 "claims_about": "select entity, article, n from claims_about"}
    for name, sql in expected.items():
        assert sorted(rows(database, summaries[name])) == sorted(rows(database, sql)), name


def test_cli_merge_split_and_resolved(tmp_path, cli_run, records: list[Extraction]) -> None:
    db = tmp_path / "news.db"
    stored(Store(str(db)), records).close()
    listed = cli_run("resolved", "--db", db)
    assert listed.exit_code == 0 and "Idriss Kamal al-Nuri" in listed.stdout and "variant spelling" in listed.stdout
    ambiguous = cli_run("merge", "Sergio", "Okafor", "--db", db)  # a part of two names
    assert ambiguous.exit_code == 1 and "give the id" in ambiguous.stderr
    assert len(ambiguous.stderr.strip().splitlines()) == 1 and "Traceback" not in ambiguous.stderr
    merged = cli_run("merge", "Sergio Valdés", "sergio-valdez", "--db", db)
    assert merged.exit_code == 0, merged.stderr
    shown = cli_run("actor", "Sergio Valdez", "--db", db)
    assert "Sergio Valdés" in shown.stdout and "merged: Sergio Valdez" in shown.stdout
    split = cli_run("split", "Idris Kamal al-Nouri", "Nouri", "--db", db)
    assert split.exit_code == 0 and "split" in split.stdout
    assert "Nouri" in cli_run("actor", "Nouri", "--db", db).stdout.splitlines()[0]
    missing = cli_run("merge", "Nobody At All", "Nouri", "--db", db)
    assert missing.exit_code == 1 and "no actor named" in missing.stderr


def test_web_pages_show_the_resolved_actor(tmp_path, records: list[Extraction]) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    db = tmp_path / "news.db"
    stored(Store(str(db)), records).close()
    client = TestClient(create_app(str(db)), base_url="http://localhost")
    profile = client.get("/api/actors/nouri").json()  # a merged entity answers as its actor
    assert profile["id"] == "idris-kamal-al-nouri"
    assert {m["id"] for m in profile["merged"]} == {"nouri", "idriss-kamal-al-nuri"}
    page = client.get("/actors/idriss-kamal-al-nuri")
    assert page.status_code == 200 and "Merged from other articles" in page.text and "Gen. Nouri" in page.text
    listed = [row["id"] for row in client.get("/api/actors", params={"limit": 100}).json()]
    assert "idris-kamal-al-nouri" in listed and "nouri" not in listed


def test_the_chart_reads_a_merged_actors_events_under_each_spelling(store: Store, extractor) -> None:
    from newsgraph.web.chart import pair_events

    texts = [("acc-1", "2025-04-01", "Mexican senator Sergio Valdés accused Colombia of fraud on Tuesday."),
             ("acc-2", "2025-04-03", "Mexican senator Sergio Valdez accused Colombia of fraud on Thursday.")]
    for ident, day, text in texts:
        store.add(extractor.extract(Article(id=ident, text=text, published=day)))
    store.merge("sergio-valdes", "sergio-valdez")
    both = pair_events(store.engine, {("sergio-valdes", "colombia")})
    assert [(e["source"], e["date"]) for e in both] == [("sergio-valdes", "2025-04-01"),
                                                         ("sergio-valdes", "2025-04-03")]
    newest = pair_events(store.engine, {("sergio-valdes", "colombia")}, per_group=1)
    assert [e["date"] for e in newest] == ["2025-04-03"]
