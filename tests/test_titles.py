"""Titles linked by date (nlp/titles.py): a bare title or a title before a surname stands for whoever
held the office on the article's date, when the text makes the state clear; look-alikes do not link.

Every text is written here; the holders are real-world facts of kb/data/offices.yaml.
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity, Extraction

# The United States named three times before the title: the article's dominant state.
US_TALKS = ("Officials in Washington said the United States would send grain to Ruritania, and U.S. "
            "diplomats began talks on Monday.")
WASHINGTON = US_TALKS + " The president signed the order on Friday."
SECRETARY = "Ruritanian officials met the U.S. secretary of state in Geneva on Tuesday."
IRAN_MINISTER = "Iran's foreign minister arrived in Oslo on Sunday for talks on shipping."


def extract(extractor, text: str, published: str | None) -> Extraction:
    return extractor.extract(Article(id="titles", text=text, published=published))


def holder_of(extraction: Extraction, mention_text: str) -> Entity | None:
    found = [e for e in extraction.entities if any(m.text == mention_text for m in e.mentions)]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize(("published", "president"), [
    ("2016-06-10", "barack-obama"), ("2021-06-10", "joe-biden"), ("2025-06-10", "donald-trump")])
def test_the_president_is_the_holder_on_the_article_date(extractor, published: str, president: str) -> None:
    extraction = extract(extractor, WASHINGTON, published)
    holder = holder_of(extraction, "president")
    assert holder is not None and holder.id == president
    assert holder.kb and holder.role == "President of the United States"
    mention = next(m for m in holder.mentions if m.text == "president")
    assert extraction.article.text[mention.start:mention.end] == "president"


@pytest.mark.parametrize(("text", "title", "holders"), [
    ("Britain's prime minister met Ruritanian envoys in London on Monday.", "prime minister",
     ["david-cameron", "boris-johnson", "keir-starmer"]),
    ("The Japanese prime minister met Ruritanian envoys in Tokyo on Monday.", "prime minister",
     ["shinzo-abe", "yoshihide-suga", "shigeru-ishiba"]),
])
def test_other_states_titles_follow_the_calendar(extractor, text: str, title: str, holders: list[str]) -> None:
    found = [holder_of(extract(extractor, text, day), title) for day in ("2016-03-10", "2021-06-10", "2025-06-10")]
    assert [h.id if h else None for h in found] == holders


@pytest.mark.parametrize(("published", "secretary"), [
    ("2016-06-10", "john-kerry"), ("2021-06-10", "antony-blinken"), ("2025-06-10", "marco-rubio")])
def test_an_explicit_state_names_the_office(extractor, published: str, secretary: str) -> None:
    holder = holder_of(extract(extractor, SECRETARY, published), "secretary of state")
    assert holder is not None and holder.id == secretary


@pytest.mark.parametrize(("published", "minister"), [
    ("2016-06-10", "mohammad-javad-zarif"), ("2025-06-10", "abbas-araghchi")])
def test_a_possessive_state_names_the_office(extractor, published: str, minister: str) -> None:
    holder = holder_of(extract(extractor, IRAN_MINISTER, published), "foreign minister")
    assert holder is not None and holder.id == minister


def test_a_title_given_a_state_keeps_it_later_in_the_article(extractor) -> None:
    """The United States dominates the article, but "the foreign minister" continues Iran's, named before."""
    text = (US_TALKS + " Iran's foreign minister arrived in Oslo on Sunday. "
            "The foreign minister said the talks would go on.")
    extraction = extract(extractor, text, "2021-06-10")
    [minister] = [e for e in extraction.entities if e.type == "person"]
    assert minister.id == "mohammad-javad-zarif"
    assert [m.text for m in minister.mentions] == ["foreign minister", "foreign minister"]


def test_title_and_surname_link_only_to_the_holder_of_that_day(extractor) -> None:
    text = "Chinese Foreign Minister Wang met Ruritanian envoys in Beijing on Thursday."
    in_2021 = holder_of(extract(extractor, text, "2021-06-10"), "Wang")
    assert in_2021 is not None and in_2021.id == "wang-yi" and in_2021.kb
    # in the spring of 2023 Qin Gang was foreign minister: this Wang is not the holder, nothing is linked
    in_2023 = holder_of(extract(extractor, text, "2023-04-10"), "Wang")
    assert in_2023 is not None and not in_2023.kb


def test_the_reference_layer_reads_the_linked_title(extractor) -> None:
    text = WASHINGTON + " \"We will not wait,\" the president said."
    extraction = extract(extractor, text, "2021-06-10")
    assert [q.speaker for q in extraction.quotes if q.content.text.startswith("We will not wait")] == ["joe-biden"]


def test_a_former_president_keeps_no_current_role(extractor) -> None:
    text = "Former President Donald Trump spoke to supporters in Ohio on Saturday."
    [in_2022] = [e for e in extract(extractor, text, "2022-06-10").entities if e.id == "donald-trump"]
    assert in_2022.role == "Former President of the United States"
    [in_2015] = [e for e in extract(extractor, text, "2015-06-10").entities if e.id == "donald-trump"]
    assert in_2015.role is None  # before any office the data records: no role rather than a later one
    [in_2018] = [e for e in extract(extractor, text.replace("Former ", ""), "2018-06-10").entities
                 if e.id == "donald-trump"]
    assert in_2018.role == "President of the United States"


@pytest.mark.parametrize("text", [
    # a title after "former", "deputy", "then": not the holder on the date
    WASHINGTON.replace("The president", "The former president"),
    WASHINGTON.replace("The president", "The deputy foreign minister"),
    WASHINGTON.replace("The president", "The then secretary of state"),
    WASHINGTON.replace("The president", "The ex-president"),
    WASHINGTON.replace("The president", "The former U.S. president"),
    # indefinite, or someone else's office
    WASHINGTON.replace("The president", "A president"),
    WASHINGTON.replace("The president", "The president of the rowing club"),
    # the state is not clear: two states named as often
    "Kenya and Uganda signed a border pact, and Kenyan and Ugandan officials praised it. The president spoke.",
    # a role put on someone, not a reference to the holder of the day
    US_TALKS + " Ana Ruiz served as U.S. secretary of state in the 1990s and was a two-term U.S. senator.",
    US_TALKS + " Ana Ruiz was a two-term U.S. president.",
    US_TALKS + " Ana Ruiz is also president of America's farmers' union.",
    # an armed group's leader is one of many to the text
    "The fugitive leader of Hezbollah in the south was killed, Lebanese officials said.",
    # the article gave the title to someone else first
    "Ruritanian President Ana Ruiz met U.S. officials in Washington. The U.S. said the United States would "
    "help, and the president thanked them.",
])
def test_look_alikes_do_not_link(extractor, text: str) -> None:
    extraction = extract(extractor, text, "2021-06-10")
    linked = [(e.id, [m.text for m in e.mentions]) for e in extraction.entities if e.type == "person" and e.kb]
    assert linked == [], linked


@pytest.mark.parametrize(("published", "chief", "president"), [
    ("2016-06-10", "jens-stoltenberg", "jean-claude-juncker"), ("2025-06-10", "mark-rutte", "ursula-von-der-leyen")])
def test_an_organisation_office_by_its_own_title(extractor, published: str, chief: str, president: str) -> None:
    text = ("The NATO chief met Ruritanian officials on Monday, and the president of the European Commission "
            "joined them. The ISIS leader was not mentioned.")
    extraction = extract(extractor, text, published)
    assert (holder_of(extraction, "chief") or Entity("", "", "")).id == chief
    assert (holder_of(extraction, "president") or Entity("", "", "")).id == president
    assert holder_of(extraction, "leader") is None  # one of an armed group's many leaders to the text


def test_an_organisation_possessive_title_is_its_head(extractor) -> None:
    text = "The U.N. secretary-general's envoy met Ruritanian officials on Monday."
    holder = holder_of(extract(extractor, text, "2021-06-10"), "secretary-general")
    assert holder is not None and holder.id == "antonio-guterres"


def test_a_blocking_word_of_another_phrase_blocks_nothing(extractor) -> None:
    extraction = extract(extractor, US_TALKS + " The former envoy and the president met on Friday.", "2021-06-10")
    holder = holder_of(extraction, "president")
    assert holder is not None and holder.id == "joe-biden"


def test_an_undated_article_links_no_title(extractor) -> None:
    assert holder_of(extract(extractor, WASHINGTON, None), "president") is None
