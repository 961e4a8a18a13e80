"""The scorer of shared/gold/FORMAT.md on tiny gold folders and hand-built records: no spaCy needed.

Every article text here is invented for the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.evaluate import (
    SENTENCE_BLOCK,
    GoldError,
    gold_folders,
    load_gold,
    locate_sentences,
    parse_sentence_block,
    score_article,
)
from newsgraph.record import Article, Claim, Entity, Event, Extraction, Mention, Quote, Relation, Sentence, Span

# Four gold sentences. A splitter that trusts "Gen." to end a sentence would see five; one that misses the
# break after "monday." sees three.
TEXT = (
    "Northland and Southmark signed a water treaty on monday. "
    "Officials in Eastport said the treaty was overdue. "
    '"We expect calm on the river now," the Northland minister Ada Brix said. '
    "Critics in Southmark may reject it."
)
BLOCK = [
    "Northland and Southmark signed",
    "Officials in Eastport said",
    "“We expect calm",  # typographic here, straight in the text: the scorer forgives it
    "Critics in  Southmark may",  # a doubled space: forgiven too
]
ENTITIES = [
    {"id": "north", "name": "Northland", "type": "country", "aliases": ["Northland"]},
    {"id": "south", "name": "Southmark", "type": "country", "aliases": ["Southmark"]},
    {"id": "brix", "name": "Ada Brix", "type": "person", "aliases": ["Ada Brix", "Brix"]},
    {"id": "critics", "name": "critics", "type": "person", "aliases": ["Critics"]},
]


def gold_folder(root: Path, gold: dict[str, Any], block: list[str] | None = BLOCK, text: str = TEXT,
                name: str = "story") -> Path:
    """Write a gold folder; the sentence block goes into the YAML comments at the top, as in shared/gold."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    header = "# Invented test article.\n"
    if block is not None:
        header += "# sentences:\n" + "".join(f"#   {n}: {words}\n" for n, words in enumerate(block))
    body = yaml.safe_dump({"article": name, "published": "2030-05-01", "entities": ENTITIES, **gold},
                          allow_unicode=True, sort_keys=False)
    (folder / "gold.yaml").write_text(header + body, encoding="utf-8")
    return folder


def span(phrase: str, text: str = TEXT) -> Span:
    start = text.index(phrase)
    return Span(phrase, start, start + len(phrase))


def sentences_at(*firsts: str, text: str = TEXT) -> list[Sentence]:
    """The system's own sentences, each starting at the given words and running to the next."""
    starts = [text.index(first) for first in firsts]
    ends = [*starts[1:], len(text)]
    return [Sentence(i, start, end) for i, (start, end) in enumerate(zip(starts, ends, strict=True))]


def entity(entity_id: str, name: str, type_: str = "country", *mentions: str) -> Entity:
    return Entity(entity_id, name, type_, mentions=[Mention(m, 0, len(m), 0) for m in mentions])


def record(**parts: Any) -> Extraction:
    parts.setdefault("sentences", sentences_at("Northland and", "Officials", '"We expect', "Critics"))
    parts.setdefault("entities", [entity("n", "Northland"), entity("s", "Southmark")])
    return Extraction(article=Article(id="story", text=TEXT), **parts)


def event(type_: str, source: str | None, target: str | None, trigger: str, sentence: int = 0) -> Event:
    return Event(type=type_, source=source, target=target, trigger=span(trigger), sentence=sentence)


def quote(speaker: str | None, content: str, cue: str = "said", sentence: int = 0,
          speaker_text: str | None = None) -> Quote:
    return Quote(speaker=speaker, speaker_text=speaker_text, cue=span(cue), content=Span(content, 0, len(content)),
                 direct=True, sentence=sentence)


def score(tmp_path: Path, extraction: Extraction, block: list[str] | None = BLOCK, **gold: Any):  # noqa: ANN201
    _, loaded = load_gold(gold_folder(tmp_path, gold, block))
    return score_article(extraction, loaded)


def counts(result: Any, section: str) -> tuple[int, int, int]:
    s = result.sections[section]
    return s.tp, s.fp, s.fn


# --- sentences ----------------------------------------------------------------------------------


def test_sentence_block_is_read_from_the_yaml_comments(tmp_path: Path) -> None:
    _, loaded = load_gold(gold_folder(tmp_path, {}))
    assert [number for number, _ in loaded[SENTENCE_BLOCK]] == [0, 1, 2, 3]
    assert loaded[SENTENCE_BLOCK][1] == (1, "Officials in Eastport said")


def test_block_ends_at_the_first_line_that_is_not_a_sentence() -> None:
    raw = "# sentences:\n#   0: One two\n#   1: Three four\n# other remark\n#   2: Not in the block\nk: v\n"
    assert parse_sentence_block(raw) == [(0, "One two"), (1, "Three four")]


def test_starts_are_found_despite_quote_and_space_variants() -> None:
    located, problems = locate_sentences(TEXT, list(enumerate(BLOCK)))
    assert problems == []
    assert located == [(0, 0), (TEXT.index("Officials"), 1), (TEXT.index('"We expect'), 2), (TEXT.index("Critics"), 3)]


def test_an_opening_quote_left_out_of_the_block_still_starts_the_sentence() -> None:
    located, _ = locate_sentences(TEXT, [(0, "Northland and"), (1, "We expect calm")])
    assert located[1] == (TEXT.index('"We expect'), 1)


def test_a_sentence_whose_words_are_not_found_is_reported_not_fatal(tmp_path: Path) -> None:
    block = [BLOCK[0], "Nothing like this appears", *BLOCK[2:]]
    claims = [Claim(sentence=1, status="asserted")]  # the system's sentence 1 falls in gold sentence 0 now
    result = score(tmp_path, record(claims=claims), block=block, claims=[{"sentence": 0, "status": "asserted"}])
    assert counts(result, "claims") == (1, 0, 0)
    assert any("gold sentence 1" in note and "not found" in note for note in result.errors["sentences"])


def test_merged_system_sentence_still_scores_claims_in_gold_sentences(tmp_path: Path) -> None:
    # the system missed the break after "monday.": its sentence 1 is gold sentence 2, its 2 is gold 3
    merged = sentences_at("Northland and", '"We expect', "Critics")
    claims = [Claim(sentence=0, status="asserted"), Claim(sentence=1, status="attributed"),
              Claim(sentence=2, status="hedged")]
    gold_claims = [{"sentence": 0, "status": "asserted"}, {"sentence": 1, "status": "attributed"},
                   {"sentence": 2, "status": "attributed"}, {"sentence": 3, "status": "hedged"}]
    result = score(tmp_path, record(sentences=merged, claims=claims), claims=gold_claims)
    assert counts(result, "claims") == (3, 0, 1)
    assert result.errors["claims"] == ["missed: s1 attributed"]


def test_event_note_gives_the_gold_sentence_of_its_trigger(tmp_path: Path) -> None:
    merged = sentences_at("Northland and", '"We expect', "Critics")
    extra = event("ACCUSE", "s", "n", "said the treaty", sentence=0)  # system sentence 0, gold sentence 1
    result = score(tmp_path, record(sentences=merged, events=[extra]), events=[])
    assert result.errors["events"] == ["extra: s1 ACCUSE s -> n (said the treaty)"]


def test_quote_is_placed_by_its_cue(tmp_path: Path) -> None:
    merged = sentences_at("Northland and", "Critics")
    stray = quote("n", "calm on the river", cue="minister Ada Brix said", sentence=0)
    result = score(tmp_path, record(sentences=merged, quotes=[stray]), quotes=[])
    assert result.errors["quotes"][0].startswith("extra: s2 ")


def test_without_a_block_the_system_numbers_stand(tmp_path: Path) -> None:
    merged = sentences_at("Northland and", '"We expect', "Critics")
    claims = [Claim(sentence=1, status="attributed")]
    result = score(tmp_path, record(sentences=merged, claims=claims), block=None,
                   claims=[{"sentence": 1, "status": "attributed"}])
    assert counts(result, "claims") == (1, 0, 0)
    assert "no # sentences: block" in result.errors["sentences"][0]


def test_a_claim_outside_the_sentence_list_does_not_crash(tmp_path: Path) -> None:
    result = score(tmp_path, record(claims=[Claim(sentence=9, status="asserted")]), claims=[])
    assert counts(result, "claims") == (0, 1, 0)
    assert any("system sentence 9" in note for note in result.errors["sentences"])


# --- maximum matching ---------------------------------------------------------------------------

# g0 takes either country as source, g1 only Northland. Taking system events in order and giving each
# the first free gold event pairs Northland's with g0 and leaves Southmark's nothing: one found, not two.
EITHER_THEN_ONE = [{"sentence": 0, "types": ["AGREE"], "sources": ["north", "south"], "targets": [None]},
                   {"sentence": 0, "types": ["AGREE"], "sources": ["north"], "targets": [None]}]
BOTH_SIGN = [event("AGREE", "n", None, "signed"), event("AGREE", "s", None, "signed")]


def test_events_take_the_pairing_that_finds_most_gold(tmp_path: Path) -> None:
    result = score(tmp_path, record(events=BOTH_SIGN), events=EITHER_THEN_ONE)
    assert counts(result, "events") == (2, 0, 0)


def test_gold_order_does_not_change_the_event_score(tmp_path: Path) -> None:
    result = score(tmp_path, record(events=BOTH_SIGN), events=EITHER_THEN_ONE[::-1])
    assert counts(result, "events") == (2, 0, 0)


def test_a_duplicate_event_is_neither_right_nor_wrong(tmp_path: Path) -> None:
    twice = [event("AGREE", "n", None, "signed"), event("AGREE", "n", None, "signed a water")]
    result = score(tmp_path, record(events=twice), events=EITHER_THEN_ONE[1:])
    assert counts(result, "events") == (1, 0, 0)


def test_quotes_take_the_pairing_that_finds_most_gold(tmp_path: Path) -> None:
    gold_quotes = [{"sentence": 2, "speaker": "brix", "cue": "said", "content": "water treaty overdue"},
                   {"sentence": 2, "speaker": "brix", "cue": "said", "content": "signed on monday"}]
    both = quote("b", "treaty overdue, signed on monday by water officials", sentence=2)
    first_only = quote("b", "the water treaty was overdue", sentence=2)
    extraction = record(entities=[entity("b", "Ada Brix", "person")], quotes=[both, first_only])
    result = score(tmp_path, extraction, quotes=gold_quotes)
    assert counts(result, "quotes") == (2, 0, 0)


def test_a_second_quote_for_a_gold_quote_already_found_is_extra(tmp_path: Path) -> None:
    gold_quotes = [{"sentence": 2, "speaker": "brix", "cue": "said", "content": "calm on the river"}]
    twice = [quote("b", "calm on the river now"), quote("b", "We expect calm on the river")]
    result = score(tmp_path, record(entities=[entity("b", "Ada Brix", "person")], quotes=twice), quotes=gold_quotes)
    assert counts(result, "quotes") == (1, 1, 0)


def test_two_claims_in_one_gold_sentence_find_one_gold_claim(tmp_path: Path) -> None:
    split = sentences_at("Northland and", "a water treaty", "Officials", '"We expect', "Critics")
    claims = [Claim(sentence=0, status="asserted"), Claim(sentence=1, status="asserted")]
    result = score(tmp_path, record(sentences=split, claims=claims), claims=[{"sentence": 0, "status": "asserted"}])
    assert counts(result, "claims") == (1, 1, 0)


def test_one_system_entity_finds_at_most_one_gold_entity(tmp_path: Path) -> None:
    # a system that folded Southmark into Northland (a mention of each) has found one of the two
    merged = entity("n", "Northland", "country", "Northland", "Southmark")
    result = score(tmp_path, record(entities=[merged]))
    entities = result.sections["entities"]
    assert (entities.tp, entities.fp, entities.gold_found) == (1, 0, 1)


# --- optional gold items ------------------------------------------------------------------------

OPTIONAL_SIGNING = {"sentence": 0, "types": ["AGREE"], "sources": ["north"], "targets": [None], "optional": True}


def test_an_optional_event_missed_costs_nothing(tmp_path: Path) -> None:
    result = score(tmp_path, record(), events=[OPTIONAL_SIGNING])
    assert counts(result, "events") == (0, 0, 0)


def test_an_event_matching_only_an_optional_one_is_neither_right_nor_extra(tmp_path: Path) -> None:
    result = score(tmp_path, record(events=[event("AGREE", "n", None, "signed")]), events=[OPTIONAL_SIGNING])
    assert counts(result, "events") == (0, 0, 0)


def test_an_optional_event_does_not_take_a_system_event_a_required_one_needs(tmp_path: Path) -> None:
    required = {**OPTIONAL_SIGNING, "optional": False, "sources": ["north", "south"]}
    result = score(tmp_path, record(events=[event("AGREE", "n", None, "signed")]), events=[OPTIONAL_SIGNING, required])
    assert counts(result, "events") == (1, 0, 0)


def test_optional_quotes_and_relations_count_neither_way(tmp_path: Path) -> None:
    gold = {"quotes": [{"sentence": 2, "speaker": "brix", "cue": "said", "content": "calm", "optional": True}],
            "relations": [{"class": "affiliation", "source": "brix", "target": ["north"], "sentence": 2,
                           "optional": True},
                          {"class": "alliance", "source": "north", "target": ["south"], "sentence": 0,
                           "optional": True}]}
    extraction = record(entities=[entity("b", "Ada Brix", "person"), entity("n", "Northland")],
                        quotes=[quote("b", "We expect calm")],
                        relations=[Relation("affiliation", "member", "b", "n", 2)])
    result = score(tmp_path, extraction, **gold)
    assert counts(result, "quotes") == (0, 0, 0)
    assert counts(result, "relations") == (0, 0, 0)


# --- which paths are gold -----------------------------------------------------------------------


def test_a_readme_beside_the_gold_folders_is_skipped(tmp_path: Path) -> None:
    folder = gold_folder(tmp_path, {})
    readme = tmp_path / "README.md"
    readme.write_text("About this set.\n", encoding="utf-8")
    skipped: list[Path] = []
    assert gold_folders([readme, folder], skipped) == [folder]
    assert skipped == [readme]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such file"):
        gold_folders([gold_folder(tmp_path, {}), tmp_path / "absent"])


def test_a_folder_without_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError, match="no gold folders"):
        gold_folders([tmp_path / "empty"])


def test_only_plain_files_is_no_gold(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("About this set.\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no gold folders found"):
        gold_folders([readme])


class EmptyExtractor:
    """Stands in for spaCy: finds nothing, which is all a test of the command's paths needs."""

    def extract(self, article: Article) -> Extraction:
        return Extraction(article=article)


def test_eval_command_skips_a_readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_extractor", lambda model=None: EmptyExtractor())
    folder = gold_folder(tmp_path, {})
    readme = tmp_path / "README.md"
    readme.write_text("About this set.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["eval", str(readme), str(folder)], env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    assert "skipped 1 file(s)" in result.stderr
    assert "entities" in result.stdout


def test_eval_command_fails_in_one_line_on_a_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_extractor", lambda model=None: EmptyExtractor())
    result = CliRunner().invoke(cli.app, ["eval", str(tmp_path / "absent")], env={"COLUMNS": "1000"})
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.stderr.strip().splitlines()) == 1


# --- the shared gold ----------------------------------------------------------------------------


def test_every_shared_sentence_block_is_located(shared_dir: Path) -> None:
    folders = [f for f in sorted((shared_dir / "gold").glob("*/*/gold.yaml"))]
    if not folders:
        pytest.skip("no gold folders with a sentence block under ../shared/gold")
    for gold_file in folders:
        article, gold = load_gold(gold_file.parent)
        block = gold.get(SENTENCE_BLOCK, [])
        located, problems = locate_sentences(article.text, block)
        assert problems == [], gold_file
        assert len(located) == len(block), gold_file
