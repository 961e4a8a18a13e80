"""The quote extractor: who said what, through which cue and channel, in direct and reported speech.

Every text here is a short news-like passage written for these tests. Each test checks the speaker
(through the name of the entity the quote points to), the cue, the content, whether the quote is
direct, the channel, and that both spans index the article text.
"""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Extraction, Quote

# --- helpers --------------------------------------------------------------------------------------


def extract(extractor, text: str, article_id: str = "q") -> Extraction:
    return extractor.extract(Article(id=article_id, text=text))


def describe(extraction: Extraction) -> str:
    return "; ".join(f"[{q.speaker} {q.speaker_text!r} cue={q.cue.text!r} direct={q.direct} channel={q.channel} "
                     f"s={q.sentence} {q.content.text!r}]" for q in extraction.quotes) or "no quotes"


def speaker_name(extraction: Extraction, quote: Quote) -> str | None:
    """The name of the entity whose id is the quote's speaker (None for an unnamed source)."""
    if quote.speaker is None:
        return None
    found = [e for e in extraction.entities if e.id == quote.speaker]
    assert len(found) == 1, f"speaker {quote.speaker!r} is not one entity of the extraction"
    return found[0].name


def channel_name(extraction: Extraction, quote: Quote) -> str | None:
    if quote.channel is None:
        return None
    found = [e for e in extraction.entities if e.id == quote.channel]
    assert len(found) == 1, f"channel {quote.channel!r} is not one entity of the extraction"
    assert found[0].type == "media", found[0]
    return found[0].name


def check_spans(extraction: Extraction, quote: Quote) -> None:
    """Cue and content are slices of the article text, and the quote's sentence holds its cue."""
    text = extraction.article.text
    assert text[quote.cue.start:quote.cue.end] == quote.cue.text, quote.cue
    assert text[quote.content.start:quote.content.end] == quote.content.text, quote.content
    sentence = extraction.sentences[quote.sentence]
    assert sentence.start <= quote.cue.start <= sentence.end, (quote.cue, sentence)


def only_quote(extraction: Extraction) -> Quote:
    assert len(extraction.quotes) == 1, describe(extraction)
    return extraction.quotes[0]


def quote_with(extraction: Extraction, content: str) -> Quote:
    found = [q for q in extraction.quotes if q.content.text == content]
    assert len(found) == 1, f"{content!r} in {describe(extraction)}"
    return found[0]


def expect(extraction: Extraction, quote: Quote, *, speaker: str | None, cue: str, content: str, direct: bool,
           channel: str | None = None, speaker_text: str | None = None, sentence: int | None = None) -> None:
    """Assert every field the test cares about; speaker and channel are entity names."""
    context = describe(extraction)
    assert speaker_name(extraction, quote) == speaker, context
    assert quote.cue.text == cue, context
    assert quote.content.text == content, context
    assert quote.direct is direct, context
    assert channel_name(extraction, quote) == channel, context
    if speaker_text is not None:
        assert quote.speaker_text == speaker_text, context
    if sentence is not None:
        assert quote.sentence == sentence, context
    check_spans(extraction, quote)


def sentence_at(extraction: Extraction, offset: int) -> int:
    return next(s.index for s in extraction.sentences if s.start <= offset < s.end)


# --- 1-3: direct quotes and their marks -----------------------------------------------------------


def test_straight_double_quotes_with_cue_after(extractor) -> None:
    extraction = extract(extractor, '"Moscow has no intention of leaving the agreement," Sergei Lavrov said.')
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", speaker_text="Sergei Lavrov", cue="said",
           content="Moscow has no intention of leaving the agreement", direct=True, sentence=0)


def test_typographic_double_quotes_with_cue_before(extractor) -> None:
    extraction = extract(extractor, "Benjamin Netanyahu said: “Our soldiers will stay in the corridor until every "
                                    "hostage is home.”")
    expect(extraction, only_quote(extraction), speaker="Benjamin Netanyahu", speaker_text="Benjamin Netanyahu",
           cue="said", content="Our soldiers will stay in the corridor until every hostage is home", direct=True,
           sentence=0)


def test_inverted_cue_before_the_speaker(extractor) -> None:
    extraction = extract(extractor, "“We will not be intimidated by threats from Washington,” said Gustavo Petro.")
    expect(extraction, only_quote(extraction), speaker="Gustavo Petro", speaker_text="Gustavo Petro", cue="said",
           content="We will not be intimidated by threats from Washington", direct=True)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param("Colombian President Gustavo Petro rejected the charge. ‘We don’t negotiate with people who "
                     "won’t keep their word, and Iran’s envoys know it,’ Petro said on Tuesday.",
                     "said", "We don’t negotiate with people who won’t keep their word, and Iran’s envoys know it",
                     id="sentence-cue-after"),
        pytest.param("Officials in Bogotá said Iran’s envoys were unwelcome. Gustavo Petro insisted: ‘We don’t take "
                     "orders from anyone, and Iran’s leaders know that we won’t.’",
                     "insisted", "We don’t take orders from anyone, and Iran’s leaders know that we won’t",
                     id="sentence-cue-before"),
        pytest.param("After Iran’s envoys left Bogotá, Gustavo Petro said Colombia would ‘not take sides in a war "
                     "we don’t understand’.",
                     "said", "not take sides in a war we don’t understand", id="phrase-ending-after-dont"),
        pytest.param("Gustavo Petro said the envoys ‘don’t speak for the region’.",
                     "said", "don’t speak for the region", id="phrase-opening-with-dont"),
    ],
)
def test_single_quotes_beside_apostrophes(extractor, text: str, cue: str, content: str) -> None:
    """The apostrophe of Iran’s and don’t is the closing single quote: neither may end the quote."""
    extraction = extract(extractor, text)
    quote = quote_with(extraction, content)
    expect(extraction, quote, speaker="Gustavo Petro", cue=cue, content=content, direct=True)
    # the content runs right up to the real closing mark (past any trailing comma or full stop)
    assert text[quote.content.end:].lstrip(",.").startswith("’"), text[quote.content.end:]


# --- 4: partial quotes ----------------------------------------------------------------------------


def test_partial_quote_that_is_the_description_is_direct(extractor) -> None:
    text = "Sergei Lavrov described the Western proposal as a “dangerous gamble”."
    extraction = extract(extractor, text)
    quote = quote_with(extraction, "dangerous gamble")
    assert quote.cue.text in {"described", "described as"}, describe(extraction)
    expect(extraction, quote, speaker="Sergei Lavrov", cue=quote.cue.text, content="dangerous gamble", direct=True)
    assert text[quote.content.start - 1] == "“" and text[quote.content.end] == "”"


def test_partial_quote_description_is_the_only_quote(extractor) -> None:
    extraction = extract(extractor, "Sergei Lavrov described the Western proposal as a “dangerous gamble”.")
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", cue="described", content="dangerous gamble",
           direct=True)


def test_partial_quote_covering_most_of_the_clause_leaves_the_clause_the_quote(extractor) -> None:
    """The clause keeps its own subject and verb outside the quotation marks: the clause is what was
    said, the fragment inside it absorbed (its words are all in the clause)."""
    extraction = extract(extractor, "Sergei Lavrov said the proposal was “a dangerous gamble with the security of "
                                    "Europe”.")
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", cue="said",
           content="the proposal was “a dangerous gamble with the security of Europe", direct=False)


def test_quoted_words_that_are_the_whole_clause_are_direct(extractor) -> None:
    extraction = extract(extractor, "Sergei Lavrov said “the proposal is a dangerous gamble with the security of "
                                    "Europe”.")
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", cue="said",
           content="the proposal is a dangerous gamble with the security of Europe", direct=True)


@pytest.mark.parametrize("fragment", ["“unserious” demands", "“unserious demands”"], ids=["one-word", "two-words"])
def test_short_quoted_fragment_leaves_the_clause_indirect(extractor, fragment: str) -> None:
    """The clause is what was said; the fragment is no second, direct quote."""
    clause = f"Washington’s {fragment} had stalled the talks for a third month"
    extraction = extract(extractor, f"Sergei Lavrov said {clause}.")
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", cue="said", content=clause, direct=False)


# --- 5: quotes over several sentences and paragraphs ----------------------------------------------


def test_quote_over_two_sentences(extractor) -> None:
    text = "“The ceasefire is holding. Nobody in Gaza should doubt that,” Benjamin Netanyahu said on Sunday."
    extraction = extract(extractor, text)
    quote = only_quote(extraction)
    expect(extraction, quote, speaker="Benjamin Netanyahu", cue="said",
           content="The ceasefire is holding. Nobody in Gaza should doubt that", direct=True)
    assert quote.sentence == sentence_at(extraction, text.index("said"))


def test_quote_over_two_sentences_with_cue_before(extractor) -> None:
    extraction = extract(extractor, "Benjamin Netanyahu said: “Our soldiers will stay in the corridor. Every hostage "
                                    "must come home first.”")
    expect(extraction, only_quote(extraction), speaker="Benjamin Netanyahu", cue="said",
           content="Our soldiers will stay in the corridor. Every hostage must come home first", direct=True,
           sentence=0)


def test_quote_over_two_paragraphs(extractor) -> None:
    """A quote left open at a paragraph end goes on when the next paragraph opens with a quotation mark."""
    text = ("Gustavo Petro spoke at length about the border on Friday.\n\n"
            "“We will reopen every crossing before the end of the year.\n\n"
            "“Trade with Venezuela has already doubled since August,” he said.")
    extraction = extract(extractor, text)
    content = ("We will reopen every crossing before the end of the year.\n\n"
               "“Trade with Venezuela has already doubled since August")
    quote = only_quote(extraction)
    expect(extraction, quote, speaker="Gustavo Petro", speaker_text="he", cue="said", content=content, direct=True)
    assert quote.content.start == text.index("We will")


# --- 6: floating quotes ---------------------------------------------------------------------------

FLOATING = "There is simply no truth in these claims coming out of London"


@pytest.mark.parametrize(
    ("text", "first_content", "first_cue", "first_direct"),
    [
        pytest.param(f"Kremlin spokesman Dmitry Peskov said the report was false.\n\n“{FLOATING}.”",
                     "the report was false", "said", False, id="new-paragraph-after-reported-speech"),
        pytest.param(f"“The report is false,” Kremlin spokesman Dmitry Peskov said.\n\n“{FLOATING}.”",
                     "The report is false", "said", True, id="new-paragraph-after-direct-quote"),
        pytest.param(f"Kremlin spokesman Dmitry Peskov said the report was false. “{FLOATING}.”",
                     "the report was false", "said", False, id="same-paragraph-after-reported-speech"),
    ],
)
def test_floating_quote_goes_to_the_last_speaker(extractor, text: str, first_content: str, first_cue: str,
                                                 first_direct: bool) -> None:
    extraction = extract(extractor, text)
    assert len(extraction.quotes) == 2, describe(extraction)
    first = quote_with(extraction, first_content)
    expect(extraction, first, speaker="Dmitry Peskov", speaker_text="Kremlin spokesman Dmitry Peskov", cue=first_cue,
           content=first_content, direct=first_direct, sentence=0)
    floating = quote_with(extraction, FLOATING)
    # no cue of its own: an empty cue, no speaker phrase, and the sentence the quoted words stand in
    expect(extraction, floating, speaker="Dmitry Peskov", cue="", content=FLOATING, direct=True,
           sentence=sentence_at(extraction, text.index(FLOATING)))
    assert floating.speaker_text is None
    assert floating.sentence == 1



def test_quote_continued_in_the_next_sentence_is_a_quote_of_its_own_marked_as_continuing(extractor) -> None:
    """'“A,” X told reporters. “B.”': one quote per sentence (as the gold annotates them), the second
    marked `continues` so that a reader (or PolNeAR's one-attribution convention) can join them."""
    text = f"“The report is false,” Ruritanian spokeswoman Ana Ruiz told reporters on Monday. “{FLOATING}.”"
    extraction = extract(extractor, text)
    assert len(extraction.quotes) == 2, describe(extraction)
    first, second = extraction.quotes
    assert extraction.entity(first.speaker).name == "Ana Ruiz" and second.speaker == first.speaker
    assert first.cue.text == "told" and first.direct and not first.continues
    assert first.content.text == "The report is false"
    assert second.direct and second.continues and second.content.text.startswith(FLOATING[:20])
    assert text[second.content.start:second.content.end] == second.content.text


def test_quote_split_around_its_cue_inside_one_sentence_is_one_quote(extractor) -> None:
    text = "“The report,” Ruritanian spokeswoman Ana Ruiz told reporters, “is false from start to end.”"
    extraction = extract(extractor, text)
    assert len(extraction.quotes) == 1, describe(extraction)
    quote = extraction.quotes[0]
    assert quote.content.text.startswith("The report") and quote.content.text.endswith("is false from start to end")
    assert not quote.continues


# --- 7: reported (indirect) speech ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        pytest.param("Sergei Lavrov said Moscow was ready to resume the grain talks.",
                     "Sergei Lavrov", "said", "Moscow was ready to resume the grain talks", id="said"),
        pytest.param("Sergei Lavrov said that Moscow was ready to resume the grain talks.",
                     "Sergei Lavrov", "said", "Moscow was ready to resume the grain talks", id="said-that"),
        pytest.param("According to Hamas, the convoy was struck twice near Khan Younis.",
                     "Hamas", "According to", "the convoy was struck twice near Khan Younis", id="according-to"),
        pytest.param("Sergei Lavrov noted that the sanctions had failed to weaken the Russian economy.",
                     "Sergei Lavrov", "noted", "the sanctions had failed to weaken the Russian economy", id="noted"),
        pytest.param("Benjamin Netanyahu stated that Israel would act alone if necessary.",
                     "Benjamin Netanyahu", "stated", "Israel would act alone if necessary", id="stated"),
        pytest.param("Gustavo Petro warned that the peace process could collapse within weeks.",
                     "Gustavo Petro", "warned", "the peace process could collapse within weeks", id="warned"),
        pytest.param("Benjamin Netanyahu highlighted the threat posed by Iranian drones.",
                     "Benjamin Netanyahu", "highlighted", "the threat posed by Iranian drones", id="highlighted"),
        pytest.param("Moscow is ready to extend the grain deal for another sixty days, Sergei Lavrov said.",
                     "Sergei Lavrov", "said", "Moscow is ready to extend the grain deal for another sixty days",
                     id="content-before-cue"),
        pytest.param("Benjamin Netanyahu was quoted as saying that the hostages would be brought home.",
                     "Benjamin Netanyahu", "saying", "the hostages would be brought home", id="quoted-as-saying"),
    ],
)
def test_reported_speech(extractor, text: str, speaker: str, cue: str, content: str) -> None:
    extraction = extract(extractor, text)
    expect(extraction, only_quote(extraction), speaker=speaker, cue=cue, content=content, direct=False, sentence=0)


def test_parenthetical_cue_inside_the_reported_clause(extractor) -> None:
    """A span is one stretch of text, so the content of 'The talks, X said, will resume' runs across the cue."""
    text = "The talks, Sergei Lavrov said, will resume next week in Geneva."
    extraction = extract(extractor, text)
    quote = only_quote(extraction)
    expect(extraction, quote, speaker="Sergei Lavrov", speaker_text="Sergei Lavrov", cue="said",
           content="The talks, Sergei Lavrov said, will resume next week in Geneva", direct=False)
    assert quote.content.start < quote.cue.start < quote.content.end


@pytest.mark.parametrize(
    ("text", "speaker", "content", "channel"),
    [
        pytest.param("Gustavo Petro told Reuters that Colombia would not extradite the former commander.",
                     "Gustavo Petro", "Colombia would not extradite the former commander", "Reuters", id="reuters"),
        pytest.param("Benjamin Netanyahu told Fox News that the offensive in Rafah would continue.",
                     "Benjamin Netanyahu", "the offensive in Rafah would continue", "Fox News", id="fox-news"),
        pytest.param("Benjamin Netanyahu told Fox News Digital that the offensive in Rafah would continue.",
                     "Benjamin Netanyahu", "the offensive in Rafah would continue", "Fox News",
                     id="fox-news-digital"),
    ],
)
def test_told_an_outlet_makes_it_the_channel(extractor, text: str, speaker: str, content: str,
                                             channel: str) -> None:
    extraction = extract(extractor, text)
    expect(extraction, only_quote(extraction), speaker=speaker, cue="told", content=content, direct=False,
           channel=channel)


# --- 8: speakers ----------------------------------------------------------------------------------


def test_title_and_role_then_surname(extractor) -> None:
    extraction = extract(extractor, "Russian Foreign Minister Sergei Lavrov said on Wednesday that Moscow would send "
                                    "a delegation to Istanbul. Lavrov added that the delegation would be led by a "
                                    "deputy minister.")
    assert len(extraction.quotes) == 2, describe(extraction)
    first, second = extraction.quotes
    expect(extraction, first, speaker="Sergei Lavrov", speaker_text="Russian Foreign Minister Sergei Lavrov",
           cue="said", content="Moscow would send a delegation to Istanbul", direct=False, sentence=0)
    expect(extraction, second, speaker="Sergei Lavrov", speaker_text="Lavrov", cue="added",
           content="the delegation would be led by a deputy minister", direct=False, sentence=1)


def test_pronoun_goes_to_the_named_speaker(extractor) -> None:
    extraction = extract(extractor, "Israeli Prime Minister Benjamin Netanyahu said the army would expand its "
                                    "operations in the north. He added that residents would be able to return home "
                                    "by the autumn.")
    assert len(extraction.quotes) == 2, describe(extraction)
    expect(extraction, extraction.quotes[0], speaker="Benjamin Netanyahu",
           speaker_text="Israeli Prime Minister Benjamin Netanyahu", cue="said",
           content="the army would expand its operations in the north", direct=False, sentence=0)
    expect(extraction, extraction.quotes[1], speaker="Benjamin Netanyahu", speaker_text="He", cue="added",
           content="residents would be able to return home by the autumn", direct=False, sentence=1)


def test_definite_description_goes_to_the_organisation(extractor) -> None:
    extraction = extract(extractor, "The Iranian Foreign Ministry issued a statement on Saturday. The ministry said "
                                    "the attack on the consulate would not go unanswered.")
    quote = only_quote(extraction)
    expect(extraction, quote, speaker="Ministry of Foreign Affairs of the Islamic Republic of Iran",
           speaker_text="The ministry", cue="said", content="the attack on the consulate would not go unanswered",
           direct=False, sentence=1)
    assert extraction.entity(quote.speaker).type == "government_body"


@pytest.mark.parametrize(
    ("text", "speaker_text", "cue", "content"),
    [
        pytest.param("Analysts say the sanctions have done little to slow Iran’s oil exports.",
                     "Analysts", "say", "the sanctions have done little to slow Iran’s oil exports", id="analysts"),
        pytest.param("A senior official said the negotiations had reached a critical stage.",
                     "A senior official", "said", "the negotiations had reached a critical stage",
                     id="official-first"),
        pytest.param("The negotiations had reached a critical stage, a senior official said.",
                     "a senior official", "said", "The negotiations had reached a critical stage",
                     id="official-after"),
    ],
)
def test_unnamed_source_keeps_its_phrase(extractor, text: str, speaker_text: str, cue: str, content: str) -> None:
    extraction = extract(extractor, text)
    expect(extraction, only_quote(extraction), speaker=None, speaker_text=speaker_text, cue=cue, content=content,
           direct=False)


# --- 9: "according to" an outlet beside a speaker -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "direct"),
    [
        pytest.param("According to Reuters, Sergei Lavrov said the Western plan would only prolong the war.",
                     "the Western plan would only prolong the war", False, id="outlet-first"),
        pytest.param("“The Western plan will only prolong the war,” Sergei Lavrov said, according to Reuters.",
                     "The Western plan will only prolong the war", True, id="direct-outlet-last"),
        pytest.param("Sergei Lavrov said the Western plan would only prolong the war, according to Reuters.",
                     "the Western plan would only prolong the war", False, id="reported-outlet-last"),
    ],
)
def test_according_to_an_outlet_is_the_channel(extractor, text: str, content: str, direct: bool) -> None:
    extraction = extract(extractor, text)
    quote = only_quote(extraction)  # no second quote with Reuters as its speaker
    expect(extraction, quote, speaker="Sergei Lavrov", speaker_text="Sergei Lavrov", cue="said", content=content,
           direct=direct, channel="Reuters")


# --- 10: what is not a quote ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        pytest.param("When asked whether the talks had failed, Sergei Lavrov said the door remained open.",
                     ["the door remained open"], id="when-asked-then-answer"),
        pytest.param("Asked whether the talks had failed, Sergei Lavrov said: “The door remains open.”",
                     ["The door remains open"], id="asked-then-quoted-answer"),
        pytest.param("When asked whether the talks had failed, Sergei Lavrov smiled and left the room.",
                     [], id="when-asked-no-answer"),
        pytest.param("Gustavo Petro was asked whether the talks had failed.", [], id="was-asked"),
    ],
)
def test_question_put_to_a_speaker_is_not_a_quote(extractor, text: str, contents: list[str]) -> None:
    extraction = extract(extractor, text)
    assert not [q for q in extraction.quotes if "talks had failed" in q.content.text], describe(extraction)
    assert [q.content.text for q in extraction.quotes] == contents, describe(extraction)
    for quote in extraction.quotes:
        assert speaker_name(extraction, quote) == "Sergei Lavrov"
        assert quote.cue.text == "said"
        check_spans(extraction, quote)


def test_sentence_without_speech_has_no_quote(extractor) -> None:
    extraction = extract(extractor, "The army moved tanks to the border.")
    assert extraction.quotes == [], describe(extraction)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Sergei Lavrov mocked the so-called "experts" on Western television.', id="straight"),
        pytest.param("Sergei Lavrov mocked the so-called “experts” on Western television.", id="typographic"),
        pytest.param("Sergei Lavrov mocked the so-called ‘experts’ on Western television.", id="single"),
    ],
)
def test_scare_quoted_word_is_not_a_quote(extractor, text: str) -> None:
    extraction = extract(extractor, text)
    assert extraction.quotes == [], describe(extraction)


def test_scare_quoted_word_inside_reported_speech(extractor) -> None:
    extraction = extract(extractor, "Sergei Lavrov said the so-called “experts” had been wrong about the rouble "
                                    "again.")
    expect(extraction, only_quote(extraction), speaker="Sergei Lavrov", cue="said",
           content="the so-called “experts” had been wrong about the rouble again", direct=False)
