"""Sentence bounds set before the parser runs: a line break starts a sentence, an abbreviation does not end one.

Left alone, the dependency parser of en_core_web_sm gets two things wrong in news copy. It runs a heading
into the paragraph below ("Floods cut off Lakeland\\nRescuers arrived late." as one sentence), and it ends
sentences at ranks and titles ("Officials met Capt." | "Lena Ott on Tuesday."). The component
`newsgraph_sentence_bounds` runs before the parser and presets Token.is_sent_start: True on the first word
after a line break, False on the word after a listed abbreviation. spaCy 3.8's parser keeps a preset True
always (Shift and the arcs are invalid onto it) and a preset False nearly always (Reduce and Break are
invalid before it, but the check looks at the next word, not at the left edge of its phrase), so
sentence_spans() repairs the rare miss afterwards. The senter and the sentencizer keep preset values too,
so the component goes before whichever segments.

The abbreviations are data: ontology/abbreviations.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.ontology import ONTOLOGY_DIR, actor_cues

FACTORY = "newsgraph_sentence_bounds"
# factories that set sentence starts; the component must run before the first of them
SEGMENTER_FACTORIES = frozenset({"parser", "beam_parser", "senter", "sentencizer"})
# what str.splitlines() breaks on: "\r\n" from Windows files and "\u2029" from word processors count too
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
PLATFORMS = actor_cues()  # platform_prepositions: "posted on X." closes its sentence
# Doc.user_data key of the presets, kept so that sentence_spans() can repair a boundary the parser overrode
PRESETS_KEY = "newsgraph.sentence_bounds"


@dataclass(frozen=True)
class Abbreviations:
    """The three kinds of ontology/abbreviations.yaml; each entry is written with its final full stop."""

    titles: frozenset[str]  # hold before any word: "Lt. Col. Ana Ruiz"
    names: frozenset[str]  # hold before a lowercase word or a proper noun: "U.S. officials", "U.N. Security Council"
    numbers: frozenset[str]  # hold before a number or a lowercase word: "Sept. 14", "No. 2"

    def kind(self, text: str) -> str | None:
        for kind in ("titles", "names", "numbers"):
            if text in getattr(self, kind):
                return kind
        return None


@lru_cache(maxsize=4)
def abbreviations(path: Path | None = None) -> Abbreviations:
    with (path or ONTOLOGY_DIR / "abbreviations.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return Abbreviations(**{kind: frozenset(str(entry) for entry in data.get(kind) or [])
                            for kind in ("titles", "names", "numbers")})


CLOSING_MARKS = {"”", '"', "’", "''"}


def is_line_break(token: Token) -> bool:
    return token.is_space and any(char in LINE_BREAKS for char in token.text)


DATELINE_DASHES = {"—", "–", "--", "-"}


class SentenceBounds:
    """Presets Token.is_sent_start; tokens neither rule speaks about are left to the parser."""

    def __init__(self, lexicon: Abbreviations) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        starts: list[int] = []
        non_starts: list[int] = []
        if len(doc):
            # always true, and it gives a pipeline without parser or senter sentences at its line breaks
            doc[0].is_sent_start = True
        after_break = False
        for token in doc[1:]:
            if token.is_space:
                # whitespace stays with the sentence before it, so no sentence opens on "\n\n"
                token.is_sent_start = False
                after_break = after_break or is_line_break(token)
            elif after_break:
                # "Floods cut off Lakeland\nRescuers arrived late.": a heading without a full stop ends here
                token.is_sent_start = True
                starts.append(token.i)
                after_break = False
        for token in self._line_tails(doc):
            token.is_sent_start = False
            non_starts.append(token.i)
        has_tags = doc.has_annotation("TAG")
        for last, kind in self._abbreviations(doc):
            following = self._next_word(doc, last)
            if following is None or not self._holds(kind, following, has_tags):
                continue
            if last.text == "." and last.i > 0:
                non_starts.append(last.i)  # the "." of a split "Lt" + "."
            for token in self._name_run(doc, following):
                token.is_sent_start = False
                non_starts.append(token.i)
        for token in [*self._after_platform_x(doc), *self._after_dateline(doc)]:
            token.is_sent_start = True
            starts.append(token.i)
        for token in self._after_quoted_comma(doc):
            # '"We will stay," the minister said.': words quoted up to a comma go on in their sentence
            if token.i not in starts:
                token.is_sent_start = False
                non_starts.append(token.i)
        doc.user_data[PRESETS_KEY] = {"starts": starts, "non_starts": non_starts}
        return doc

    @staticmethod
    def _after_platform_x(doc: Doc) -> Iterator[Token]:
        """'... she wrote in a post on X. Rescuers arrived ...': the platform's one-letter name closes
        the sentence, though "X." looks like an initial to the tagger ("by A. Smith" stays whole)."""
        for token in doc[1:-2]:
            after_preposition = doc[token.i - 1].lower_ in PLATFORMS.platform_prepositions
            if token.text in PLATFORMS.platforms and doc[token.i + 1].text == "." and after_preposition:
                following = doc[token.i + 2]
                if following.text[:1].isupper():
                    yield following

    @staticmethod
    def _after_dateline(doc: Doc) -> Iterator[Token]:
        """'NAIROBI — Kenya's president said ...', 'Lakeland (Reuters) - ...': the dateline that opens a
        wire story is no part of its first sentence (else the parser takes the city for the speaker). A
        dateline is a place in capitals, or any place followed by an agency in brackets, then a dash. It
        opens the text, or one of its first lines (after a headline and a byline)."""
        line_starts = [t.i + 1 for t in doc[:400] if is_line_break(t) and t.i + 1 < len(doc)]
        for start in [0, *line_starts[:6]]:
            yield from SentenceBounds._dateline_at(doc, start)

    @staticmethod
    def _dateline_at(doc: Doc, start: int) -> Iterator[Token]:
        dash = next((t for t in doc[start + 1:start + 12] if t.text in DATELINE_DASHES), None)
        if dash is None or dash.i + 1 >= len(doc) or any(is_line_break(t) for t in doc[start:dash.i]):
            return
        head = [t for t in doc[start:dash.i] if not t.is_space]
        words = [t for t in head if t.is_alpha]
        bracketed = any(t.text == "(" for t in head) and any(t.text == ")" for t in head)
        capitals = bool(words) and all(t.is_upper and len(t.text) > 1 for t in words)
        placelike = all(t.pos_ not in {"VERB", "AUX"} for t in head) and len(words) <= 6
        following = doc[dash.i + 1]
        if (capitals or bracketed) and placelike and not following.is_space and following.text[:1].isupper():
            yield following

    @staticmethod
    def _after_quoted_comma(doc: Doc) -> Iterator[Token]:
        """The word after a closing quotation mark that follows a comma or a dash."""
        for token in doc[2:]:
            mark, before = doc[token.i - 1], doc[token.i - 2]
            if (mark.text in CLOSING_MARKS and before.text in {",", "—", "–"} and not token.is_space
                    and "\n" not in mark.whitespace_):
                yield token

    @staticmethod
    def _line_tails(doc: Doc) -> Iterator[Token]:
        """Punctuation that closes a line, such as the quotation mark in 'the siege is over."' + line break.

        With the next line forced to start a sentence, the parser would otherwise leave that closing mark
        alone as a sentence of its own; barred, it stays with the words before it.
        """
        words_follow = False  # whether a word comes between this token and the next line break
        for token in reversed(doc[1:]):
            if is_line_break(token):
                words_follow = False
            elif not token.is_space and not token.is_punct:
                words_follow = True
            elif token.is_punct and not words_follow and not doc[token.i - 1].is_space:
                yield token

    def _abbreviations(self, doc: Doc) -> Iterator[tuple[Token, str]]:
        """The last token of every listed abbreviation, and its kind."""
        for token in doc:
            kind = self.lexicon.kind(token.text)
            if kind is None and token.text == "." and token.i > 0:
                # the tokenizer splits "Lt." into "Lt" + "." but keeps "Gen." whole; join them back
                word = doc[token.i - 1]
                kind = None if word.whitespace_ else self.lexicon.kind(word.text + ".")
                if kind is not None:
                    token.is_sent_start = False
            if kind is not None:
                yield token, kind

    @staticmethod
    def _name_run(doc: Doc, following: Token) -> list[Token]:
        """The word after the abbreviation and, if it is capitalised, the capitalised words straight after it.

        All of "Sens. Ted Cruz" must be barred, not only "Ted": the parser checks a barred start on the
        next word only, so with "Ted" as a left child of "Cruz" it could still open a sentence at "Ted"
        by closing the previous one just before "Cruz".
        """
        run = [following]
        if not following.text[0].isupper():
            return run
        for token in doc[following.i + 1:]:
            if doc[token.i - 1].whitespace_ != " " or not (token.is_alpha and token.text[0].isupper()):
                break
            run.append(token)
        return run

    @staticmethod
    def _next_word(doc: Doc, last: Token) -> Token | None:
        """The token after the abbreviation, past plain spaces; None at a line break or the end of the text."""
        for token in doc[last.i + 1:]:
            if is_line_break(token):
                return None  # "Gen.\nAna Ruiz": the line break wins
            if not token.is_space:
                return token
        return None

    @staticmethod
    def _holds(kind: str, following: Token, has_tags: bool) -> bool:
        """Whether the abbreviation cannot end the sentence, given the token that follows it."""
        first = following.text[0]
        if first.islower():
            return True  # "the U.N. said", "Jan. and Feb.": news sentences do not start in lowercase
        if kind == "titles":
            # a rank never closes a sentence: "Gen. He Tao" is a name even though "He" is a pronoun elsewhere
            return first.isalnum()
        if kind == "numbers":
            return first.isdigit()  # "Sept. 14"; but "Her answer was No. Talks ended." ends at "No."
        if not first.isupper():
            return False
        if has_tags:
            # "U.S. Navy" (NNP) holds; "flew back to the U.S. Officials said ..." (NNS) is left to the parser
            return following.tag_ in PROPER_NOUN_TAGS
        return not following.is_stop  # no tagger ran: "U.S. The ..." may end, "U.S. Navy" may not


@Language.factory(FACTORY, default_config={"path": None}, assigns=["token.is_sent_start"])
def make_sentence_bounds(nlp: Language, name: str, path: str | None) -> SentenceBounds:
    return SentenceBounds(abbreviations(Path(path) if path else None))


def add_sentence_bounds(nlp: Language) -> Language:
    """Insert the component once, before the first enabled segmenter; a pipeline that has it is returned as is.

    Without any segmenter (a pipeline without parser or senter) it goes last and the text splits at line
    breaks only.
    """
    if FACTORY in nlp.component_names or any(
            nlp.get_pipe_meta(name).factory == FACTORY for name in nlp.component_names):
        return nlp
    # the tokenizer keeps a capital and its full stop together as an initial ("A. Smith"); the
    # platform X is a word, and "posted on X." ends a sentence with a full stop of its own
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    segmenters = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in SEGMENTER_FACTORIES]
    if segmenters:
        nlp.add_pipe(FACTORY, before=segmenters[0])
    else:
        nlp.add_pipe(FACTORY, last=True)
    return nlp


def sentence_spans(doc: Doc) -> list[Span]:
    """doc.sents, repaired where the parser overrode a bound that newsgraph_sentence_bounds preset.

    The parser keeps the presets almost always, but not as a guarantee: it checks a barred start on the
    next word only, not on the left edge of the phrase it builds, so a barred word can still open a
    sentence (seen once in about 5,000 barred words while only the first word of a name was barred; with
    the whole name barred, none in about 30,000). Such a sentence is joined to the one before, and a line
    break the parser ran over starts a new one. Docs the component did not see come back as doc.sents.
    """
    presets = doc.user_data.get(PRESETS_KEY)
    parsed = list(doc.sents)
    if not presets or not len(doc):
        return parsed
    non_starts = set(presets["non_starts"])
    starts = {span.start for span in parsed if span.start not in non_starts} | set(presets["starts"]) | {0}
    return [doc[start:end] for start, end in pairwise([*sorted(starts), len(doc)])]
