"""What a claim states, as a key other articles' claims of the same thing share, and whether it denies it.

The proposition of a sentence is its main verb, or the clause a verb of saying or of denial reports ("X
said that ...", "X denied supplying ...", "X rejected claims that ..."). Its subject is the doer (an
actor id when the parse and the references name one, else the head word's lemma); its predicate is the
PLOVER event coded on the verb with its target ("AID>russia"), which outlets that word the same deed
differently share, else the verb's lemma (ontology/claim_verbs.yaml: "sent" is "supplied") and its
object's ("supply>drone"). A claim denies when its
main verb is a denial (ontology/stances.yaml: deny, reject, dismiss, refute, rebut) or the proposition's
verb is negated ("did not supply"); resolve/claims.py groups the keys across articles.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from newsgraph.nlp.arguments import subject_of
from newsgraph.nlp.references import References
from newsgraph.ontology import ONTOLOGY_DIR, EventLexicon
from newsgraph.record import Claim, Event, Sentence

CLAUSES = {"ccomp", "xcomp"}
# nouns that name a statement: "rejected the claim that ...", "dismissed reports that ..."
STATEMENT_NOUNS = {"claim", "report", "allegation", "accusation", "charge", "suggestion", "assertion", "account",
                   "story", "rumor", "rumour", "statement"}
MAX_KEY = 200  # the store's column


@lru_cache(maxsize=1)
def verb_synonyms(path: Path | None = None) -> dict[str, str]:
    """Each verb of ontology/claim_verbs.yaml -> the first verb of its group."""
    with (path or ONTOLOGY_DIR / "claim_verbs.yaml").open(encoding="utf-8") as handle:
        groups = yaml.safe_load(handle)["groups"]
    return {str(verb).lower(): str(group[0]).lower() for group in groups for verb in group}


def set_claim_keys(doc: Doc, claims: list[Claim], sentences: list[Sentence], events: list[Event],
                   refs: References, denials: frozenset[str], saying: frozenset[str], lexicon: EventLexicon) -> None:
    """Fill subject, predicate and denies on every claim whose sentence's parse shows a proposition."""
    events_at: dict[int, Event] = {}
    for event in events:
        events_at.setdefault(event.trigger.start, event)
    for claim in claims:
        sentence = sentences[claim.sentence]
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        verb, denies = _proposition(root, denials, saying)
        if verb is None:
            continue
        if any(c.dep_ == "neg" for c in verb.children) and verb is not root:
            denies = not denies  # "denied that it did not ...": rare, but two negations affirm
        elif any(c.dep_ == "neg" for c in verb.children):
            denies = True
        doer = subject_of(verb) or (subject_of(root) if verb is not root else None)
        subject = _named(doer, refs) if doer is not None else None
        event = events_at.get(verb.idx)
        if event is not None and event.source is not None and subject is None:
            subject = event.source
        predicate = _predicate(verb, event, refs, lexicon)
        if subject and predicate:
            claim.subject, claim.predicate, claim.denies = subject[:MAX_KEY], predicate[:MAX_KEY], denies


def _proposition(root: Token, denials: frozenset[str], saying: frozenset[str]) -> tuple[Token | None, bool]:
    """The verb of what the sentence states, and whether the sentence denies it."""
    lemma = root.lemma_.lower()
    if lemma in denials:
        clause = next((c for c in root.children if c.dep_ in CLAUSES
                       or (c.dep_ == "dobj" and c.tag_ == "VBG")), None)
        if clause is not None:
            return clause, True
        statement = next((c for c in root.children if c.dep_ == "dobj"), None)
        if statement is not None and statement.lemma_.lower() in STATEMENT_NOUNS:
            said = next((c for c in statement.children if c.dep_ in {"acl", "ccomp", "relcl"}
                         and c.pos_ in {"VERB", "AUX"}), None)
            return said, True
        return None, True
    if lemma in saying:
        clause = next((c for c in root.children if c.dep_ in CLAUSES and c.pos_ in {"VERB", "AUX"}), None)
        return clause, False
    if root.pos_ in {"VERB", "AUX"}:
        return root, False
    return None, False


def _named(token: Token, refs: References) -> str | None:
    """The actor a phrase names: claims about no named actor ("both forces") are too vague to match."""
    return refs.entity_at(token.i) or refs.actor_in(token)


def _predicate(verb: Token, event: Event | None, refs: References, lexicon: EventLexicon) -> str | None:
    """The deed and what it is done to: the event's type (or, under a denial, where no event is coded, the
    type the PLOVER lexicon gives the verb) and its target, else the verb and its object; a verb with no
    object ("will continue") says too little to match another article's claim."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr"}), None)
    deed = event.type if event is not None else _plover_type(lemma, obj, lexicon)
    target = event.target if event is not None else None
    if target is None and deed is not None:
        target = next((found for prep in verb.children if prep.dep_ in {"prep", "dative"}
                       for pobj in prep.children if pobj.dep_ == "pobj" and (found := refs.entity_at(pobj.i))),
                      None)
    if target is None and obj is not None and obj.pos_ != "PRON":
        target = refs.entity_at(obj.i) or obj.lemma_.lower()
    if target is None or lemma in {"be", "have"}:
        return None
    return f"{deed or verb_synonyms().get(lemma, lemma)}>{target}"


def _plover_type(lemma: str, obj: Token | None, lexicon: EventLexicon) -> str | None:
    """The PLOVER type a verb (with its object, for a light verb) triggers, as the event lexicon reads it."""
    noun = obj.lemma_.lower() if obj is not None else None
    light = next((t.type for t in lexicon.light_verbs.get(lemma, []) if noun in t.objects), None)
    if light is not None:
        return light
    return next((t.type for t in lexicon.verbs.get(lemma, []) if t.particle is None), None)
