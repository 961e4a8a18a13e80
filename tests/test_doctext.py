"""The token list the annotators share (nlp/doctext.py) lives only while an article is annotated: it is
the Doc's own tokens, made once, and the Doc keeps no list of them afterwards (spaCy serialises a Doc's
user data with it, and a Token cannot be serialised)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.doctext import TOKENS_KEY, annotating, tokens_of
from newsgraph.record import Article

# written for this test
TEXT = "Chile's transport minister said on Tuesday that dock workers in Valparaíso had ended their strike."


def test_within_an_annotation_the_tokens_are_one_list_of_the_docs_tokens(extractor) -> None:
    doc = extractor.nlp(TEXT)
    with annotating(doc):
        tokens = tokens_of(doc)
        assert tokens_of(doc) is tokens
        assert [(t.i, t.text, t.dep_) for t in tokens] == [(t.i, t.text, t.dep_) for t in doc]
        assert tokens[3] == doc[3] and tokens[-1] == doc[-1]
    assert tokens_of(doc) is not tokens  # made anew outside an annotation
    assert TOKENS_KEY not in doc.user_data


def test_an_annotated_doc_keeps_no_token_list_and_still_serialises(extractor) -> None:
    doc = extractor.nlp(TEXT)
    record = extractor.annotate(Article(id="strike", text=TEXT, published="2025-04-02"), doc)
    assert record.entities
    assert TOKENS_KEY not in doc.user_data
    copy = Doc(extractor.nlp.vocab).from_bytes(doc.to_bytes())
    assert [t.text for t in copy] == [t.text for t in doc]
