"""How sure the text is: claim status per sentence (asserted, attributed, hedged), with the holder
and the cue, and the same status on every event.

Hedges are data (ontology/hedges.yaml): passive belief verbs ("is believed to"), hedging verbs
("Analysts suggest"), linking participles ("an attempt linked to X"), adverbs and adjectives of
doubt, modals of possibility and conditionals. Attribution comes from the quote annotator: a
sentence that reports someone's words is attributed to them. A hedge outranks an attribution: a
source's hedged claim stays hedged, with the source as holder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.nlp.actors import ActorLayer
from newsgraph.ontology import ONTOLOGY_DIR, word_sets
from newsgraph.record import Claim, Event, Quote, Sentence

RAISING_VERBS = {"appear", "seem"}  # "Russia appears to ...": the subject is the topic, not who doubts


@dataclass(frozen=True)
class HedgeCues:
    passive_reporting: frozenset[str]
    hedging_verbs: frozenset[str]
    linking_participles: frozenset[str]
    hedging_adverbs: frozenset[str]
    hedging_adjectives: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    feelings: frozenset[str]
    hypothetical: frozenset[str]


@lru_cache(maxsize=1)
def hedge_cues(path: Path | None = None) -> HedgeCues:
    return word_sets(HedgeCues, path or ONTOLOGY_DIR / "hedges.yaml")


@dataclass
class Hedge:
    cue: Token
    scope: set[int]  # token indexes the hedge governs


def find_hedges(doc: Doc, cues: HedgeCues) -> list[Hedge]:
    """Every hedge cue with the tokens it governs."""
    hedges = []
    for token in doc:
        lemma, lower = token.lemma_.lower(), token.lower_
        scope_root: Token | None = None
        if lemma in cues.passive_reporting and token.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in token.children) and any(c.dep_ == "xcomp" for c in token.children):
            scope_root = token  # "is believed to supply"
        elif lemma in cues.hedging_verbs and token.pos_ == "VERB" and token.tag_ != "VBN":
            scope_root = token  # "Analysts suggest that ...", "appears to ..."
        elif lemma in cues.linking_participles and token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}:
            scope_root = token.head  # "an attempt linked to X": the attempt is the suspected act
        elif lower in cues.hedging_adverbs and token.dep_ == "advmod":
            scope_root = token.head
        elif lower in cues.hedging_adjectives and token.dep_ == "amod":
            scope_root = token.head  # "the alleged plot"
        elif lower in cues.modals and token.tag_ == "MD":
            scope_root = token.head
        elif lower in cues.conditionals and token.dep_ == "mark":
            # "Tehran will retaliate if Israel strikes": the condition hedges the clause it governs
            scope_root = token.head.head if token.head.dep_ == "advcl" else token.head
        if scope_root is not None:
            hedges.append(Hedge(token, {t.i for t in scope_root.subtree}))
    return hedges


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def set_event_status(doc: Doc, events: list[Event], quotes: list[Quote], hedges: list[Hedge]) -> None:
    """An event inside reported speech, or reported by a verb of saying, is attributed to the
    speaker; under a hedge it is hedged (keeping the speaker, if any, as attributed_to)."""
    for event in events:
        token = _token_at(doc, event.trigger.start)
        for quote in quotes:
            inside = quote.content.start <= event.trigger.start < quote.content.end
            is_cue = quote.cue.start <= event.trigger.start < max(quote.cue.end, quote.cue.start + 1)
            if inside or is_cue:
                event.status = "attributed"
                event.attributed_to = quote.speaker
                break
        if token is not None and any(token.i in h.scope or token.i == h.cue.i or _hedges_an_argument(h, token)
                                     for h in hedges):
            event.status = "hedged"


def find_claims(doc: Doc, sentences: list[Sentence], sentence_of: list[int], actors: ActorLayer,
                quotes: list[Quote], hedges: list[Hedge], events: list[Event] | None = None,
                cues: HedgeCues | None = None) -> list[Claim]:
    """One claim per sentence that makes a checkable statement about a named actor, with its status.

    Claims complement events and quotes rather than repeat them: a sentence that only reports a
    completed act ("Israel launched airstrikes on Tuesday") is tracked as that event, and one that
    only carries someone's verbatim words as that quote. And a claim must be checkable: a feeling
    ("X is worried about ...") or a hypothetical ("losing X would be a blow") is not.
    """
    reported = _event_report_roots(doc, events or [])
    claims = []
    by_sentence: dict[int, list[Token]] = {}
    for token in doc:
        by_sentence.setdefault(sentence_of[token.i], []).append(token)
    for sentence in sentences:
        tokens = by_sentence.get(sentence.index, [])
        if not _states_something(tokens, actors):
            continue
        root = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0])
        quote = next((q for q in quotes if q.sentence == sentence.index), None)
        in_sentence = [q for q in quotes if q.sentence == sentence.index]
        if root.i in reported or _only_direct_speech(root, in_sentence) or not _checkable(doc, root, quote, cues):
            continue
        main_hedges = [h for h in hedges if sentence_of[h.cue.i] == sentence.index
                       and (root.i in h.scope or h.cue.head == root or h.cue == root or _governs_quote(h, quote, doc)
                            or _hedges_an_argument(h, root))]
        if main_hedges:
            cue = main_hedges[0].cue
            holder, holder_text = (quote.speaker, quote.speaker_text) if quote else (None, None)
            if holder_text is None and cue.pos_ == "VERB" and cue.lemma_.lower() not in RAISING_VERBS:
                subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
                holder_text = subject.text if subject is not None else None
            claims.append(Claim(sentence.index, "hedged", holder, holder_text, _cue_text(cue)))
        elif quote is not None:
            claims.append(Claim(sentence.index, "attributed", quote.speaker, quote.speaker_text, quote.cue.text))
        else:
            claims.append(Claim(sentence.index, "asserted"))
    return claims


def _event_report_roots(doc: Doc, events: list[Event]) -> set[int]:
    """Main verbs that report a completed, asserted act (past or perfect) already coded as an event."""
    roots = set()
    for event in events:
        token = _token_at(doc, event.trigger.start)
        if token is None or token.dep_ != "ROOT" or event.status != "asserted":
            continue
        perfect = token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
        if token.tag_ == "VBD" or perfect:
            roots.add(token.i)
    return roots


def _only_direct_speech(root: Token, quotes: list[Quote]) -> bool:
    """The main verb introduces quoted words only ('"We will not negotiate," Zelensky said.')."""
    introduced = [q for q in quotes if q.cue.start == root.idx]
    return bool(introduced) and all(q.direct for q in quotes)


def _checkable(doc: Doc, root: Token, quote: Quote | None, cues: HedgeCues | None) -> bool:
    """Not a feeling ('Iran is worried about ...', also when reported) nor a hypothetical of the
    writer's own ('losing X would be a blow')."""
    if cues is None:
        return True
    if any(c.dep_ == "aux" and c.lower_ in cues.hypothetical for c in root.children):
        return False
    heads = [root]
    if quote is not None and not quote.direct:
        content = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        if content is not None:
            heads.append(content.root)
    for head in heads:
        feeling = head.lemma_.lower() in cues.feelings or any(
            c.dep_ == "acomp" and c.lemma_.lower() in cues.feelings for c in head.children)
        if feeling:
            return False
    return True


def _hedges_an_argument(hedge: Hedge, root: Token) -> bool:
    """'A suspected Russian drone struck ...', 'an attack linked to Hezbollah killed ...': a doubted
    subject or object of the main verb makes the whole claim doubtful."""
    noun = hedge.cue.head
    return hedge.cue.dep_ in {"amod", "acl"} and noun.head == root and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _governs_quote(hedge: Hedge, quote: Quote | None, doc: Doc) -> bool:
    if quote is None:
        return False
    token = _token_at(doc, quote.content.start)
    modal = hedge.cue.tag_ == "MD"
    return token is not None and token.i in hedge.scope and not modal


def _cue_text(cue: Token) -> str:
    """'is believed to' for a passive belief verb; the word itself otherwise."""
    aux = [c for c in cue.children if c.dep_ == "auxpass"]
    if cue.tag_ == "VBN" and aux and any(c.dep_ == "xcomp" for c in cue.children):
        return cue.doc[aux[0].i:cue.i + 1].text + " to"
    return cue.text


def _states_something(tokens: list[Token], actors: ActorLayer) -> bool:
    """A checkable statement: a finite verb and a named actor, and not a question."""
    if not tokens or tokens[-1].text == "?":
        return False
    has_verb = any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBG", "TO"} for t in tokens)
    has_actor = any(actors.entity_at(t.i) for t in tokens)
    return has_verb and has_actor
