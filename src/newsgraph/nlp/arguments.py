"""Arguments of a predicate over spaCy's dependency parse: who does it (subject, passive agent,
inherited along coordination and control), to whom (object, prepositional object), and which
known actor a noun phrase names. Shared by the event and relation annotators."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.nlp.actors import ActorLayer

SUBJECT = {"nsubj"}
PASSIVE_SUBJECT = {"nsubjpass"}
INHERIT_SUBJECT = {"conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp"}  # acomp: "is willing to withdraw"
MODIFIER_DEPS = {"compound", "poss", "amod", "nmod", "appos", "npadvmod"}
NESTING_PREPS = {"in", "of", "from", "by"}  # "regimes in Caracas", "calls by Belarus's rulers"
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "itself"}
NOT_ACTOR_TYPES = {"location"}


@dataclass
class Argument:
    entity: str | None
    text: str
    token: Token


def conjuncts(token: Token) -> list[Token]:
    """'Venezuela, Cuba, and Nicaragua' -> the three heads."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT or c.dep_ == "auxpass" for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The doer: the subject, the passive agent ('by X'), or the subject of the clause this verb is
    coordinated with or controlled by ('Russia is believed to supply ...' -> Russia)."""
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return None  # "When asked if ...": a reduced passive names no doer
    node = verb
    for depth in range(4):
        if is_passive(node) and depth == 0:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        subject = next((c for c in node.children if c.dep_ in SUBJECT), None)
        if subject is None and depth > 0 and verb.dep_ == "xcomp":
            subject = next((c for c in node.children if c.dep_ in PASSIVE_SUBJECT), None)
        if subject is not None:
            if subject.tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
                return node.head
            return subject
        if node.dep_ == "acl" and node.head.dep_ in {"dobj", "pobj"} and node.head.head.pos_ == "VERB":
            node = node.head.head  # "issued a declaration demanding that ...": the issuer demands
            continue
        if node.dep_ not in INHERIT_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def object_of(verb: Token, preps: frozenset[str]) -> Token | None:
    """The target: the object of a listed preposition, else the direct object (the passive subject)."""
    if preps:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "prt"}]
        # "25,000 tons of food aid to refugees": the preposition may hang on what a quantity is of
        quantities = [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
        for holder in (verb, *objects, *quantities):
            for child in holder.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None
    if is_passive(verb):
        return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT), None)
    return next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)


def target_in(token: Token, actors: ActorLayer) -> str | None:
    """The actor a target phrase names, else the place it names ('the invasion of South Lebanon'):
    event data codes places as targets where no actor is named."""
    found = actor_in(token, actors)
    if found:
        return found
    # "targets in Jericho", "settlements in Gaza", "further action against Russia"
    nested = [p for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "against", "on", "with"}
              for p in c.children if p.dep_ == "pobj"]
    for node in [token, *[c for c in token.children if c.dep_ in MODIFIER_DEPS], *nested]:
        entity_id = actors.entity_at(node.i)
        if entity_id:
            return entity_id
    return None


def actor_in(token: Token, actors: ActorLayer, depth: int = 2) -> str | None:
    """The known actor a noun phrase names: its head, a modifier ('U.S. actions', "Iran's
    backing"), or a place it is tied to ('regimes in Caracas')."""
    entity = _actor_at(token, actors)
    if entity:
        return entity
    if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return resolve_pronoun(token, actors)
    modifiers = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
    for child in modifiers:  # a named modifier first: "its European Community partners" are the EC
        entity = _actor_at(child, actors)
        if entity:
            return entity
    for child in modifiers:
        if child.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            entity = resolve_pronoun(child, actors)
            if entity:
                return entity
    if depth > 0:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in NESTING_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        entity = actor_in(pobj, actors, depth - 1)
                        if entity:
                            return entity
    return None


def _actor_at(token: Token, actors: ActorLayer) -> str | None:
    entity_id = actors.entity_at(token.i)
    entity = actors.entity(entity_id)
    return entity_id if entity is not None and entity.type not in NOT_ACTOR_TYPES else None


def resolve_pronoun(token: Token, actors: ActorLayer) -> str | None:
    """'he' -> the nearest person named before; 'it', 'its', 'they' -> the nearest other actor."""
    wanted_person = token.lower_ in PERSON_PRONOUNS
    for _, _, entity_id in actors.before(token.i):
        entity = actors.entity(entity_id)
        if entity is None or entity.type in NOT_ACTOR_TYPES:
            continue
        if (entity.type == "person") == wanted_person:
            return entity_id
    return None


PHRASE_DEPS = {"compound", "amod", "nummod", "poss", "det", "case", "quantmod", "advmod", "nmod", "prep", "pobj", "cc",
               "conj", "npadvmod"}


def phrase_text(token: Token, limit: int = 8) -> str:
    """A short text for a noun phrase: the head with its modifiers and short prepositional phrases,
    not its clauses ('at least 12 people', "Iran's nuclear sites", 'the town of Cizre')."""
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ in PHRASE_DEPS]
    while stack:
        child = stack.pop()
        if child.dep_ == "prep" and len(list(child.subtree)) > 6:
            continue  # a long prepositional phrase is a clause's worth of words: leave it out
        keep.add(child.i)
        stack.extend(c for c in child.children if c.dep_ in PHRASE_DEPS)
    # keep the contiguous run around the head, at most `limit` words
    start = end = token.i
    while start - 1 in keep and token.i - (start - 1) < limit:
        start -= 1
    while end + 1 in keep and (end + 1) - start < limit:
        end += 1
    return token.doc[start:end + 1].text.strip(" ,;:")
