"""Who did what to whom: PLOVER events coded over the dependency parse with the lexicon of
ontology/plover.yaml.

Three shapes of trigger: a verb ("Iran condemned U.S. actions"), a light verb with an event noun
as object ("the U.S. has launched 21 strikes on vessels"), and an event noun with its own
arguments ("the State Department's designation of X", "an attack on Y linked to Z"). The source
must be a known or discovered actor, or the event is not coded: a sentence with no event is better
than a wrong one. A target that names no actor is kept as text. Conjoined actors give one event
each.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.nlp.actors import ActorLayer
from newsgraph.nlp.arguments import actor_in, conjuncts, object_of, phrase_text, subject_of
from newsgraph.ontology import EventLexicon, Trigger
from newsgraph.record import Event, Quantity, Span

QUALIFIERS = {
    "at least": "at_least", "more than": "more_than", "over": "more_than", "at most": "at_most",
    "up to": "at_most", "fewer than": "less_than", "less than": "less_than", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about",
}
ADJACENT_PREPS = {"in", "from", "of"}
SOURCE_LINKS = {"link", "tie", "attribute", "blame", "connect"}  # "an attack linked to X": X did it


def find_events(doc: Doc, actors: ActorLayer, lexicon: EventLexicon, sentence_of: list[int]) -> list[Event]:
    events: list[Event] = []
    used_nouns: set[int] = set()
    for token in doc:
        if token.pos_ != "VERB":
            continue
        light = _light_verb_trigger(token, lexicon)
        if light is not None:
            trigger, noun = light
            used_nouns.add(noun.i)
            events += _code(token, trigger, actors, subject_of(token), object_of(noun, trigger.preps)
                            or object_of(token, trigger.preps), sentence_of, lexicon, quantity_of=noun,
                            trigger_tokens=[token, noun])
            continue
        trigger = _verb_trigger(token, lexicon)
        if trigger is not None:
            events += _code(token, trigger, actors, subject_of(token), object_of(token, trigger.preps),
                            sentence_of, lexicon, quantity_of=next(
                                (c for c in token.children if c.dep_ == "dobj"), None))
    for token in doc:
        if token.pos_ == "NOUN" and token.i not in used_nouns:
            found = _noun_trigger(token, lexicon)
            if found is None or token.dep_ in {"nsubj", "nsubjpass"}:
                continue  # "Iran's partnership with Maduro is ...": a standing tie, not an event
            trigger, first = found
            source = _noun_source(token)
            target = object_of(token, trigger.preps) if trigger.preps else None
            if source is None or target is None:
                continue
            events += _code(token, trigger, actors, source, target, sentence_of, lexicon, quantity_of=token,
                            trigger_tokens=[first, token])
    return _dedupe(events)


# --- triggers -----------------------------------------------------------------------------------


def _has_particle(verb: Token, particle: str | None) -> bool:
    if particle is None:
        return True
    words = particle.split()
    children = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "advmod", "dobj"}]
    return all(word in children for word in words)


def _prep_present(head: Token, preps: frozenset[str]) -> bool:
    holders = [head, *[c for c in head.children if c.dep_ in {"dobj", "prt"}]]
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in preps for h in holders for c in h.children)


def _choose(head: Token, triggers: list[Trigger]) -> Trigger | None:
    """A trigger listed with prepositions applies only when one of them hangs on the word; then it
    wins over the plain entry of the same word, which applies alone."""
    with_prep = [t for t in triggers if t.preps and _prep_present(head, t.preps)]
    plain = [t for t in triggers if not t.preps]
    return (with_prep or plain or [None])[0]


def _verb_trigger(verb: Token, lexicon: EventLexicon) -> Trigger | None:
    lemma = verb.lemma_.lower()
    candidates = [t for t in lexicon.verbs.get(lemma, []) if _has_particle(verb, t.particle)
                  and lemma not in lexicon.not_triggers.get(t.type, ())]
    # the phrasal form wins over the bare verb ("crack down on" over "crack")
    phrasal = [t for t in candidates if t.particle]
    return _choose(verb, phrasal) or _choose(verb, [t for t in candidates if not t.particle])


def _light_verb_trigger(verb: Token, lexicon: EventLexicon) -> tuple[Trigger, Token] | None:
    for trigger in lexicon.light_verbs.get(verb.lemma_.lower(), []):
        if not _has_particle(verb, trigger.particle):
            continue
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in trigger.objects:
                return trigger, child
    return None


def _noun_trigger(noun: Token, lexicon: EventLexicon) -> tuple[Trigger, Token] | None:
    """A nominal trigger: a listed two-word phrase ("assassination attempt") or a listed noun."""
    lemma = noun.lemma_.lower()
    for modifier in (c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i):
        trigger = _choose(noun, lexicon.noun_phrases.get(f"{modifier.lemma_.lower()} {lemma}", []))
        if trigger:
            return trigger, modifier
    trigger = _choose(noun, lexicon.nouns.get(lemma, []))
    return (trigger, noun) if trigger else None


def _noun_source(noun: Token) -> Token | None:
    """The doer of a nominal event: possessor, actor compound, 'by X', or 'linked to X'."""
    for child in noun.children:
        if child.dep_ in {"poss", "nsubj"}:  # "with Baqaei warning of ...": the parser's subject of a noun
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.lemma_.lower() in SOURCE_LINKS:
            for prep in child.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "by", "with"}:
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    return None


# --- coding -------------------------------------------------------------------------------------


def _code(trigger_token: Token, trigger: Trigger, actors: ActorLayer, source: Token | None, target: Token | None,
          sentence_of: list[int], lexicon: EventLexicon, quantity_of: Token | None = None,
          trigger_tokens: list[Token] | None = None) -> list[Event]:
    if source is None:
        return []
    tokens = sorted(trigger_tokens or [trigger_token], key=lambda t: t.i)
    doc = trigger_token.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if tokens[-1].i - tokens[0].i > 4:
        start, end = trigger_token.idx, trigger_token.idx + len(trigger_token.text)
    span = Span(doc.text[start:end], start, end)
    negated = any(c.dep_ == "neg" for c in trigger_token.children)
    mode = trigger.mode or _mode(trigger_token, trigger.type, lexicon)
    quantity = _quantity(quantity_of) if quantity_of is not None else None
    events = []
    for source_head in conjuncts(source):
        source_id = actor_in(source_head, actors)
        if source_id is None:
            continue
        targets = conjuncts(target) if target is not None else [None]
        for target_head in targets:
            target_id = None
            if target_head is not None:
                target_id = actor_in(target_head, actors) or _adjacent_place(target_head, actors)
            if target_id == source_id:
                continue
            events.append(Event(
                type=trigger.type, mode=mode, source=source_id, target=target_id,
                source_text=phrase_text(source_head),
                target_text=phrase_text(target_head) if target_head is not None else None,
                trigger=span, sentence=sentence_of[trigger_token.i], negated=negated, quantity=quantity,
            ))
    return events


def _adjacent_place(target: Token, actors: ActorLayer) -> str | None:
    """'a crackdown on regimes in Caracas': the parser hangs 'in Caracas' on the trigger, but it
    says which actor the target belongs to when it follows the target phrase directly."""
    governor = target.head.head if target.dep_ == "pobj" else target.head
    follows = target.right_edge.i + 1
    for prep in governor.children:
        if prep.dep_ == "prep" and prep.i == follows and prep.lower_ in ADJACENT_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return actor_in(pobj, actors, depth=1)
    return None


def _mode(trigger_token: Token, event_type: str, lexicon: EventLexicon) -> str | None:
    words = {t.lemma_.lower() for t in trigger_token.subtree} | {trigger_token.lemma_.lower()}
    for mode, signals in lexicon.modes.get(event_type, {}).items():
        if words & signals:
            return mode
    return None


def _quantity(noun: Token) -> Quantity | None:
    """'at least 21 fatal strikes' -> 21, at_least, strike."""
    for child in noun.children:
        if child.dep_ == "nummod" and child.like_num:
            number = re.sub(r"[,\s]", "", child.text)
            try:
                value = float(number)
            except ValueError:
                continue
            before = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
            qualifier = next((q for phrase, q in QUALIFIERS.items() if before.endswith(phrase)), None)
            text = noun.doc[min(t.i for t in child.subtree):noun.i + 1].text
            return Quantity(value=int(value) if value.is_integer() else value, qualifier=qualifier,
                            unit=noun.lemma_.lower(), text=text)
    return None


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    unique = []
    for event in events:
        key = (event.type, event.source, event.target, event.target_text, event.trigger.start)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique
