"""Sentence splitting: a line break always starts a sentence; ranks, titles and listed abbreviations never end one.

Every rule has a case that must hold and a look-alike that must still split. All sentences are invented.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.sentences import FACTORY, PRESETS_KEY, add_sentence_bounds, sentence_spans
from newsgraph.pipeline import load_model, split_sentences


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The pipeline exactly as newsgraph loads it (load_model adds the component), once for this module."""
    return load_model()


def sentences(nlp: Language, text: str) -> list[str]:
    found, _ = split_sentences(nlp(text))
    return [text[s.start:s.end] for s in found]


# --- (a) line breaks ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a heading without a full stop: the parser alone runs it into the paragraph
    ("Floods cut off Lakeland\nRescuers reached the valley late on Monday.",
     ["Floods cut off Lakeland", "Rescuers reached the valley late on Monday."]),
    ("Floods cut off Lakeland\r\nRescuers reached the valley late on Monday.",
     ["Floods cut off Lakeland", "Rescuers reached the valley late on Monday."]),
    # a paragraph break after a line without final punctuation
    ("Rescuers reached the valley late on Monday\n\nThe mayor thanked them",
     ["Rescuers reached the valley late on Monday", "The mayor thanked them"]),
    # a quotation closing a paragraph keeps its closing mark: it does not become a sentence of its own
    ('"The siege is over."\nRescuers entered the town.', ['"The siege is over."', "Rescuers entered the town."]),
    # the line break wins over an abbreviation at the end of the line
    ("Promoted to Brig. Gen.\nThe ceremony took place on Monday.",
     ["Promoted to Brig. Gen.", "The ceremony took place on Monday."]),
])
def test_line_break_starts_a_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_other_whitespace_does_not_split(nlp: Language) -> None:
    # look-alike: a double space and a tab are not line breaks
    text = "Rescuers reached the valley  late on Monday and the mayor\tthanked them."
    assert sentences(nlp, text) == [text]


def test_offsets_are_trimmed_and_whitespace_joins_the_sentence_before(nlp: Language) -> None:
    text = "Floods cut off Lakeland  \n\n  Rescuers reached the valley."
    doc = nlp(text)
    found, sentence_of = split_sentences(doc)
    assert [text[s.start:s.end] for s in found] == ["Floods cut off Lakeland", "Rescuers reached the valley."]
    newline = next(token for token in doc if "\n" in token.text)
    assert sentence_of[newline.i] == 0


# --- (b) abbreviations -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # ranks the tokenizer splits into "Capt" + "." : the parser alone ends a sentence at each of them
    "Officials met Capt. Lena Ott and Sgt. Omar Diaz on Tuesday.",
    "The award went to Pvt. Jon Amsel, Cpl. Rita Vance and Maj. Sven Dahl.",
    "Soldiers from Ft. Ardmore reached the border on Friday.",
    # a title before a capitalised word that is a pronoun elsewhere
    "Troops answer to Cmdr. He Tao, the base chief.",
    # two-word ranks
    "The army said Brig. Gen. Ana Ruiz will lead the unit.",
    "A memo from Lt. Col. Tomas Berg reached Rear Adm. Noor Haddad and Vice Adm. Karl Lind.",
    "The army said Maj. Gen. Ola Berg and Lt. Gen. Per Lund will lead the unit.",
    # titles the tokenizer keeps whole
    "The team included Prof. Ines Wahl, Rev. Tom Ashe and Mrs. Dora Pell.",
    "Dr. Ivo Kern and Ms. Ada Roe met Mr. Eli Vos.",
    # months before a day, "No." before a figure, place and country abbreviations before a name or lowercase
    "Sen. Ruth Alder, Rep. Ken Ito and Gov. Mia Sand signed on Jan. 9, not on Feb. 2.",
    "Refugees crossed at Mt. Velan on Aug. 30, on Sept. 14, on Oct. 3, on Nov. 5 and on Dec. 12.",
    "The motion passed as No. 2 on the agenda.",
    "U.S. officials said the U.N. Security Council would meet in St. Paulsburg.",
])
def test_abbreviation_does_not_end_the_sentence(nlp: Language, text: str) -> None:
    assert sentences(nlp, text) == [text]


@pytest.mark.parametrize("text, expected", [
    # look-alike: a rank opening the next sentence; the bound before it stays
    ("The column withdrew. Capt. Lena Ott said the bridge was lost.",
     ["The column withdrew.", "Capt. Lena Ott said the bridge was lost."]),
    # look-alike: "No." as a word, not before a figure
    ("Her answer was No. Talks ended there.", ["Her answer was No.", "Talks ended there."]),
    # look-alike: a street or a country closing the sentence, the next one opening with a function word
    ("He lives on Elm St. The house burned down.", ["He lives on Elm St.", "The house burned down."]),
    ("The delegation flew back to the U.S. The talks resume Monday.",
     ["The delegation flew back to the U.S.", "The talks resume Monday."]),
])
def test_abbreviation_can_still_end_a_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_presets_before_the_parser() -> None:
    """The component alone, on a bare tokenizer: what it bars, what it forces, what it leaves to the parser."""
    bare = spacy.blank("en")
    bare.add_pipe(FACTORY)
    doc = bare("Officials met Capt. Lena Ott.\nHe lives on Elm St. The house burned down.")
    first = {token.text: token for token in reversed(doc)}  # the first token of each text
    assert [t.text for t in doc[2:6]] == ["Capt", ".", "Lena", "Ott"]
    assert doc[3].is_sent_start is False  # the "." of the split "Capt" + "."
    assert first["Lena"].is_sent_start is False
    assert first["Ott"].is_sent_start is False  # the whole name, not only its first word
    assert first["He"].is_sent_start is True  # after the line break
    assert first["The"].is_sent_start is None  # "St." then a function word: the parser decides


# --- the parser and the pipeline ---------------------------------------------------------------------------------

def test_parser_keeps_the_presets(nlp: Language) -> None:
    """spaCy's parser builds its tree around the preset bounds: checked on the tree, not on the repaired list."""
    text = ("Officials met Capt. Lena Ott and Sgt. Omar Diaz\nThe award went to Pvt. Jon Amsel, Cpl. Rita Vance "
            "and Maj. Sven Dahl\n\nTroops answer to Cmdr. He Tao on Sept. 14.")
    doc = nlp(text)
    presets = doc.user_data[PRESETS_KEY]
    assert presets["starts"] and presets["non_starts"]
    assert all(doc[i].is_sent_start for i in presets["starts"])
    assert not any(doc[i].is_sent_start for i in presets["non_starts"])


def test_sentence_spans_repairs_a_bound_the_parser_missed(nlp: Language) -> None:
    # a parse that opened a sentence at a barred word ("Ott") and ran over a line break ("\n" before "Rescuers")
    words = ["Officials", "met", "Capt", ".", "Lena", "Ott", "today", "\n", "Rescuers", "came", "."]
    spaces = [True, True, False, True, True, True, False, False, True, False, False]
    starts = [True, False, False, False, False, True, False, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
    assert [span.text for span in doc.sents] == ["Officials met Capt. Lena", "Ott today\nRescuers came."]
    doc.user_data[PRESETS_KEY] = {"starts": [8], "non_starts": [3, 4, 5]}
    assert [span.text for span in sentence_spans(doc)] == ["Officials met Capt. Lena Ott today\n", "Rescuers came."]


def test_added_once_before_the_parser(nlp: Language) -> None:
    assert nlp.pipe_names.index(FACTORY) == nlp.pipe_names.index("parser") - 1
    before = list(nlp.pipe_names)
    assert add_sentence_bounds(nlp) is nlp
    assert nlp.pipe_names == before


def test_pipeline_without_a_parser_splits_at_line_breaks() -> None:
    bare = add_sentence_bounds(spacy.blank("en"))
    doc = bare("Floods cut off Lakeland\nRescuers reached the valley.")
    assert [span.text for span in doc.sents] == ["Floods cut off Lakeland\n", "Rescuers reached the valley."]


def test_words_quoted_up_to_a_comma_go_on_in_their_sentence(nlp: Language) -> None:
    text = "“The bridge will reopen in May,” Rep. Ana Ruiz told reporters. Crews worked through the night."
    assert sentences(nlp, text) == ["“The bridge will reopen in May,” Rep. Ana Ruiz told reporters.",
                                    "Crews worked through the night."]


def test_a_quote_closed_after_a_full_stop_ends_its_sentence(nlp: Language) -> None:
    text = "“The bridge will reopen in May.” Crews worked through the night."
    assert sentences(nlp, text) == ["“The bridge will reopen in May.”", "Crews worked through the night."]


def test_a_post_on_x_ends_its_sentence(extractor) -> None:
    from newsgraph.record import Article
    text = "The minister wrote in a post on X. Rescuers reached the village on Monday."
    extraction = extractor.extract(Article(id="s", text=text))
    assert [text[s.start:s.end] for s in extraction.sentences] == [
        "The minister wrote in a post on X.", "Rescuers reached the village on Monday."]


def test_an_initial_after_by_does_not_end_its_sentence(extractor) -> None:
    from newsgraph.record import Article
    text = "The letter was signed by A. Smith on Monday."
    extraction = extractor.extract(Article(id="s", text=text))
    assert len(extraction.sentences) == 1


@pytest.mark.parametrize("text, expected", [
    ("NAIROBI — Kenya's president said on Monday that the talks would resume.",
     ["NAIROBI —", "Kenya's president said on Monday that the talks would resume."]),
    ("Lakeland (Reuters) - Flood waters rose again on Monday.",
     ["Lakeland (Reuters) -", "Flood waters rose again on Monday."]),
])
def test_a_dateline_is_no_part_of_the_first_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_a_name_set_off_by_dashes_is_no_dateline(nlp: Language) -> None:
    assert sentences(nlp, "Ana Ruiz - the mayor - said the talks failed.") == [
        "Ana Ruiz - the mayor - said the talks failed."]


def test_a_dateline_after_a_headline_is_no_part_of_the_first_sentence(extractor) -> None:
    """A wire story's dateline opens its body, after the headline line: the city is no speaker."""
    from newsgraph.record import Article

    text = ("Trump Says He Expects Rocky Ties With Paris.\n\nLONDON (Reuters) - Donald Trump said he "
            "expected rocky ties with Emmanuel Macron.")
    extraction = extractor.extract(Article(id="d", text=text))
    assert [q.speaker for q in extraction.quotes] == ["donald-trump", "donald-trump"]


def test_a_capitalised_line_deep_in_the_story_is_no_dateline(extractor) -> None:
    """The look-alike: a dash after capitals far into the text is no dateline; the sentence stays whole."""
    from newsgraph.record import Article

    text = "Talks resumed.\n" * 8 + "NATO - the alliance - met on Monday."
    extraction = extractor.extract(Article(id="d", text=text))
    last = extraction.sentences[-1]
    assert text[last.start:last.end] == "NATO - the alliance - met on Monday."
