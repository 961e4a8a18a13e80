"""The reference layer: which actor a noun phrase, a pronoun, a description or a title stands for.

Decided once, here, and asked by every later annotator (quotes, events, ties, claims), so "he" in a
quote's cue and "he" as an event's doer point to the same person. What it knows:

- names: the entity the actor layer put on a token, or on a modifier of the phrase's head
  ("Ruritanian troops", "the ministry's statement" -> the ministry);
- pronouns: "he"/"she" to the person talking or acting nearby (an earlier subject of the same
  sentence, the current speaker, the last person named as a subject), "it"/"they" to the nearest
  organisation or state; "we"/"our"/"us" inside a quote to the speaker's own organisation or state;
- definite descriptions: "the ministry", "the group", "the militants", "the president" to the nearest
  earlier actor whose name or role holds that noun, or whose type fits it (ontology/references.yaml);
- titles with their holder: "the bank's governor, Ana Ruiz" -> Ana Ruiz.

An argument that cannot be resolved is not dropped: callers keep its text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.nlp.actors import ActorLayer
from newsgraph.ontology import ONTOLOGY_DIR, word_sets
from newsgraph.record import Entity, Quote

MODIFIER_DEPS = {"compound", "poss", "amod", "nmod", "appos", "npadvmod"}
NESTING_PREPS = {"in", "of", "from", "by"}  # "regimes in the capital", "calls by the junta's leaders"
NOT_ACTOR_TYPES = {"location"}
RECENT_SENTENCES = 3  # how far back a pronoun or a description looks for the current speaker
# how far back "the ministry" or "the president" looks for the actor named with that noun: an article's length,
# so a long run of text (many stories in one line) costs work in proportion to it
DESCRIPTION_REACH = 60
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}


@dataclass(frozen=True)
class ReferenceCues:
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    own_side_pronouns: frozenset[str]
    descriptions: dict[str, frozenset[str]]  # head noun -> actor types it may stand for
    person_roles: frozenset[str]  # "the president", "the envoy": a person known by the role
    voices: frozenset[str]  # "a spokesman for X", "a statement from X": X speaking
    documents: frozenset[str]  # voices that never stand for the last organisation quoted
    indefinite_plurals: frozenset[str]  # "some", "many": an unnamed many
    private_people: frozenset[str]  # "tourists", "students": people acting for themselves
    kin: frozenset[str]  # "son", "wife": a relative acts, not the one named as whose
    pronoun_gender: dict[str, str]  # "she" -> "female"
    gender_cues: dict[str, str]  # "ms." -> "female": an honorific or role beside a name
    state_holdings: frozenset[str]  # "his forces", "her government": the official's state
    heads: frozenset[str]  # "the head of the agency": the person in its top post
    top_titles: frozenset[str]  # the words of a top post's title ("executive director")
    owners_voices: frozenset[str]  # "Ruritania's leadership": its possessor speaking
    members: frozenset[str]  # "diplomats from the bloc": the body they belong to, when the phrase names it
    ties: frozenset[str]  # "firms linked to X", "a channel run by X": what ties a phrase to the actor it stands for


@lru_cache(maxsize=1)
def reference_cues(path: Path | None = None) -> ReferenceCues:
    return word_sets(ReferenceCues, path or ONTOLOGY_DIR / "references.yaml", built={
        "descriptions": lambda data: {noun: frozenset(types) for noun, types in data["descriptions"].items()},
        "pronoun_gender": lambda data: {word: gender for gender, words in data["gendered_pronouns"].items()
                                        for word in words},
        "gender_cues": lambda data: {word: gender for gender, words in data["gender_cues"].items() for word in words},
    })


class References:
    """One article's references: the actor layer plus what every phrase in it points to."""

    def __init__(self, doc: Doc, actors: ActorLayer, sentence_of: list[int], cues: ReferenceCues) -> None:
        self.doc, self.actors, self.sentence_of, self.cues = doc, actors, sentence_of, cues
        self.entities = actors.entities
        self.spans = actors.spans
        self.speakers: list[tuple[int, int, str]] = []  # (sentence, cue token, entity id) in reading order
        self.unnamed_voices: list[tuple[int, int]] = []  # (sentence, cue token) of quotes by words no actor stands for
        self.unnamed_voice_words: dict[int, str] = {}  # cue token -> the words that named that voice
        self._runs: list[tuple[int, int]] | None = None  # quoted runs (character offsets), found once
        self._resolving = False  # a pronoun looked up through the same pronoun before it: one step only
        self.quotes: list[Quote] = []
        self.genders = self._genders()

    # --- the actor layer, as annotators read it --------------------------------------------------
    def entity_at(self, token_index: int) -> str | None:
        return self.actors.entity_at(token_index)

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.actors.entity(entity_id)

    def before(self, token_index: int) -> Iterable[tuple[int, int, str]]:
        return self.actors.before(token_index)

    def type_of(self, entity_id: str | None) -> str | None:
        entity = self.actors.entity(entity_id)
        return entity.type if entity else None

    # --- speakers ---------------------------------------------------------------------------------
    def note_speaker(self, sentence: int, entity_id: str, at: int = -1) -> None:
        """Who spoke, in which sentence, and at which token (the cue)."""
        self.speakers.append((sentence, at, entity_id))

    def last_speaker(self, sentence: int, types: set[str] | None = None,
                     exclude: set[str] | None = None, unfit: set[str | None] = frozenset()) -> str | None:
        """The latest speaker within a few sentences, of the given types, not of the excluded types and
        not one of the unfit (people a pronoun cannot stand for)."""
        for spoken_in, _at, entity_id in reversed(self.speakers):
            if sentence - spoken_in > RECENT_SENTENCES or spoken_in > sentence or entity_id in unfit:
                continue
            kind = self.type_of(entity_id)
            if (types is None or kind in types) and not (exclude and kind in exclude):
                return entity_id
        return None

    def note_unnamed_voice(self, sentence: int, at: int, words: str | None = None) -> None:
        """A quote whose speaker only words name ("the diplomats said"): no actor a statement after it
        can stand for."""
        self.unnamed_voices.append((sentence, at))
        if words:
            self.unnamed_voice_words[at] = words

    def unnamed_many_before(self, token: Token) -> str | None:
        """'Analysts say the pact is fragile. They add that ...': "they" goes on with the unnamed many who
        spoke last, when no named speaker came between and the words name a plural ("analysts", "rights
        groups"), not a pronoun or a single voice."""
        at = self._unnamed_voice_last_at(token)
        if at is None:
            return None
        words = self.unnamed_voice_words.get(at, "")
        last = words.split()[-1].lower() if words else ""
        if last.endswith("s") and not last.endswith("ss") and last not in self.cues.group_pronouns:
            return words
        return None

    def _unnamed_voice_last(self, token: Token) -> bool:
        """The last quote before the token, within a few sentences, was by words no actor stands for."""
        return self._unnamed_voice_last_at(token) is not None

    def _unnamed_voice_last_at(self, token: Token) -> int | None:
        """The cue token of that last quote by words no actor stands for, if it is the last quote."""
        sentence = self.sentence_of[token.i]
        named_at = max((at for s, at, _e in self.speakers if at < token.i), default=-1)
        unnamed = [(s, at) for s, at in self.unnamed_voices if at < token.i]
        if unnamed and unnamed[-1][1] > named_at and sentence - unnamed[-1][0] <= RECENT_SENTENCES:
            return unnamed[-1][1]
        return None

    def _last_named_voice(self, token: Token) -> str | None:
        """'A statement said ...' with no one named: the organisation that spoke last, unless a speaker
        no actor stands for spoke after it ("the diplomats said in a statement ... The statement said")."""
        sentence = self.sentence_of[token.i]
        speaker = self.last_speaker(sentence, exclude={"person"})
        if speaker is None:
            return None
        spoken_at = max((at for s, at, e in self.speakers if e == speaker and s <= sentence), default=-1)
        unnamed_at = max((at for s, at in self.unnamed_voices if at < token.i), default=-1)
        return speaker if spoken_at > unnamed_at else None

    def speaker_of_quote_around(self, token: Token) -> str | None:
        """The speaker of the quote whose words hold this token ("we" inside a quote)."""
        for quote in self.quotes:
            if quote.content.start <= token.idx < quote.content.end and quote.speaker:
                return quote.speaker
        return None

    # --- what a phrase names ---------------------------------------------------------------------
    def actor_in(self, token: Token, depth: int = 2) -> str | None:
        """The actor a noun phrase names: its head, a named modifier ('Ruritanian troops', "the
        junta's envoy"), a pronoun or description it stands for, or a place it is tied to
        ('the regime in the capital')."""
        entity = self._actor_at(token)
        if entity:
            return entity
        if token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl" and depth > 0:
            # "the groups, which it blames for the attack": a relative pronoun is its antecedent
            return self.actor_in(token.head.head, depth - 1)
        if token.pos_ == "PRON" or token.lower_ in self.cues.person_pronouns | self.cues.group_pronouns:
            return self.pronoun(token)
        if token.lemma_.lower() in self.cues.private_people:
            return None  # "Chinese tourists", "Kenyan students": their state is not who acts
        if token.lemma_.lower() in self.cues.kin:
            # "Lai's son Sebastien", "the minister's wife": the relative, named or not, never the one whose
            return self._person_beside(token, {"appos", "compound"})
        if token.lemma_.lower() in self.cues.person_roles:
            # "the president's special envoy, Ana Ruiz, met ...": the role's holder named beside it acts,
            # not the one whose envoy she is
            named = self._person_beside(token, {"appos"})
            if named:
                return named
        # a name within the noun before its possessor: "Ruritania's Red Hand militia" is the militia
        modifiers = sorted((c for c in token.children if c.dep_ in MODIFIER_DEPS), key=lambda c: c.dep_ == "poss")
        for child in modifiers:  # a named modifier first: "its European partners" are the partners' bloc
            entity = self._actor_at(child)
            if entity:
                return entity
        for child in modifiers:
            if child.pos_ == "PRON" or child.lower_ in self.cues.person_pronouns | self.cues.group_pronouns:
                entity = self.pronoun(child)
                if entity and self.type_of(entity) == "person" and token.lemma_.lower() in self.cues.state_holdings:
                    return self._state_of(entity) or entity  # "the minister said his forces had clashed"
                if entity:
                    return entity
        if depth > 0:
            # "the Borduran government's decision": a possessor that is itself a described actor
            for child in modifiers:
                # named by its own modifier, not by a possessor of its own ("its neighbour's exports"
                # are not its exports)
                if child.dep_ == "poss" and child.pos_ in {"NOUN", "PROPN"} \
                        and not any(g.dep_ == "poss" for g in child.children):
                    entity = self.actor_in(child, depth - 1)
                    if entity:
                        return entity
        described = self.described(token)
        if described:
            return described
        if depth > 0:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in NESTING_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            entity = self.actor_in(pobj, depth - 1)
                            if entity:
                                return entity
        return None

    def target_in(self, token: Token) -> str | None:
        """The actor a target phrase names, else the place it names ('the shelling of the port
        town'): event data codes places as targets where no actor is named."""
        found = self.actor_in(token)
        if found:
            return found
        nested = [p for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "against", "on", "with"}
                  for p in c.children if p.dep_ == "pobj"]
        for node in [token, *[c for c in token.children if c.dep_ in MODIFIER_DEPS], *nested]:
            entity_id = self.actors.entity_at(node.i)
            if entity_id:
                return entity_id
        return None

    def speaker_in(self, token: Token) -> str | None:
        """The actor a speaker phrase names. A person wins over an organisation in the same phrase
        ("Ruritania's envoy, Ana Ruiz" -> Ana Ruiz); a body named only as a modifier of a role
        ("the ministry spokesman said") is not the speaker, the role's holder is; pronouns and
        descriptions resolve through the rest of the layer."""
        # the name in apposition comes first: "the leader's spokesman, Ana Ruiz," is Ana Ruiz, not the leader
        appositions = [c for c in token.children if c.dep_ == "appos"]
        order = [token, *appositions, *[c for c in token.children if c.dep_ in {"compound", "flat", "nmod"}]]
        order += [g for c in token.children if c.dep_ == "appos" for g in c.children if g.dep_ in {"compound", "appos"}]
        best = None
        for candidate in order:
            entity_id = self.actors.entity_at(candidate.i)
            kind = self.type_of(entity_id)
            if entity_id and kind not in NOT_ACTOR_TYPES:
                if kind == "person":
                    return entity_id
                best = best or entity_id
        head_entity = self._actor_at(token)
        if head_entity:
            return head_entity
        top = self._head_of(token)
        if top:
            return top
        if token.lemma_.lower() in self.cues.person_roles:
            # "the envoy to the United Nations, Ana Ruiz, said": the parser may hang the name on the
            # last noun of the role's phrase; a person set off after it is the role's holder
            named = next((self.actors.entity_at(c.i) for c in token.subtree if c.dep_ == "appos"
                          and c.head.i != token.i and self.type_of(self.actors.entity_at(c.i)) == "person"), None)
            if named:
                return named
        if token.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} for c in token.children):
            # "said social worker and activist Ana Ruiz": two roles of one person before her name
            named = next((c for c in token.children if c.dep_ == "conj" and c.i > token.i
                          and self.type_of(self.actors.entity_at(c.i)) == "person"), None)
            if named is not None:
                return self.actors.entity_at(named.i)
        if token.lemma_.lower() in self.cues.person_roles and token.is_title:
            # "U.N. Resident Coordinator for Chad Tomas Varga said": a capitalised title whose name
            # the parser buried in its prepositional phrase is that person
            named = self._person_in_title(token)
            if named:
                return named
        if token.dep_ == "appos" and self.type_of(self.actors.entity_at(token.head.i)) == "person":
            return self.actors.entity_at(token.head.i)  # "Ana Ruiz, the bank's governor, who said ..."
        if token.pos_ == "PRON" or token.lower_ in self.cues.person_pronouns | self.cues.group_pronouns:
            return self.pronoun(token)
        lemma = token.lemma_.lower()
        if lemma in self.cues.voices:
            # "a spokesman for the army", "the junta's spokeswoman", "a statement from the ministry":
            # unnamed, the voice speaks for its organisation; "a statement said" with none named goes
            # on for the organisation that spoke last
            organisation = self._voice_of(token) or self._voice_named_before(token) or (
                None if lemma in self.cues.documents else self._last_named_voice(token))
            if organisation:
                return organisation
            if self._unnamed_voice_last(token):
                return None  # "the diplomats said in a statement ... The statement said": theirs, no actor
        if token.lower_ in self.cues.members or lemma in self.cues.members:
            # "fighters belonging to the Red Hand said", "the delegates said" after "delegates from the bloc":
            # the body the members are of, named in the phrase or in the same words' earlier phrase
            body = self._voice_of(token) or self._voice_named_before(token)
            if body and self.type_of(body) not in {"country", "person"}:
                return body
        if token.lower_ in self.cues.person_roles or lemma in self.cues.person_roles:
            # "the envoy said": the person named earlier with that role; the body is not who spoke
            return (self.described(token) or self._named_member(token)) if token.pos_ != "PROPN" else None
        if best and token.pos_ == "PROPN":
            return best
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        # "the government of President Ana Ruiz": the owner named after the noun
        of_owner = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj" and self._actor_at(p)), None)
        possessor = possessor if possessor is not None else of_owner
        if possessor is not None and (token.lemma_.lower() in self.cues.descriptions
                                      or token.lemma_.lower() in self.cues.owners_voices):
            # "the agency's statement", "Kenya's government": the possessor's own voice
            owner = self._actor_at(possessor) or (self.pronoun(possessor) if possessor.pos_ == "PRON" else None)
            if self.type_of(owner) == "person" and token.lemma_.lower() in self.cues.state_holdings:
                # "his government has determined ...": the state the person serves, where the text gives it
                return self._state_of(owner) or owner
            return owner
        return self.described(token) or self._named_member(token)

    def _head_of(self, token: Token) -> str | None:
        """'the head of the refugee agency', "the bank's chief": the one person the article names, before or
        after, in a top post of that organisation ('Ana Ruiz, the agency's executive director'); with none,
        or more than one, the description stays unresolved."""
        if token.lemma_.lower() not in self.cues.heads:
            return None
        # whose head: the possessor, the object of "of", or the organisation's name set off after the
        # phrase ("the head of the children's fund, UNICEF, said")
        owners = [c for c in token.children if c.dep_ == "poss"] + [
            p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ] + [c for c in token.children if c.dep_ == "appos"]
        definite = any(c.lower_ == "the" for c in token.children) or any(c.dep_ == "poss" for c in token.children)
        organisation = next((self._actor_at(o) for o in owners if self._actor_at(o)), None) if definite else None
        entity = self.actors.entity(organisation)
        if entity is None or entity.type in NOT_ACTOR_TYPES | {"person"}:
            return None
        names = {entity.name.lower(), *(m.text.lower() for m in entity.mentions)}
        holders = []
        for person in self.entities:
            role = (person.role or "").lower()
            titled = set(role.replace("-", " ").split()) | set(role.split())
            if person.type == "person" and titled & self.cues.top_titles and any(n in role for n in names):
                holders.append(person.id)
        return holders[0] if len(holders) == 1 else None

    def named_members(self, token: Token, set_off: bool) -> list[Token]:
        """'a group of senators including Ana Ruiz', 'officials such as Ivo Petrov and Ana Ruiz': the members an
        unnamed group names after "including" or "such as" (on its noun or on the noun of its "of" phrase), each
        of them when they are coordinated. With `set_off` false, a list set off by a comma ('states, including
        Peru, said') only gives examples: the group stays unnamed."""
        nouns = _group_nouns(token)
        for noun in nouns:
            for word in noun.children:
                listing = word.lower_ == "including" or (word.lower_ == "as" and any(
                    c.lower_ == "such" for c in word.children))
                if word.dep_ != "prep" or not listing or word.i < token.i:
                    continue
                opener = word.i - 1 if word.lower_ == "as" else word.i  # "such as" opens with "such"
                if not set_off and token.doc[opener - 1].text == ",":
                    continue
                member = next((c for c in word.children if c.dep_ == "pobj"), None)
                # named members only: "including members of the electoral board" is a description
                members = [m for m in ([member, *(c for c in member.conjuncts if c.i > member.i)]
                                       if member is not None else []) if self._actor_at(m)]
                if members:
                    return members
        return []

    def _named_member(self, token: Token) -> str | None:
        """'A group of senators including Ana Ruiz said ...': an unnamed group that names one of its members
        speaks through that member, the one the text lets a reader trace; or through its named leader ('a
        delegation of senators led by Ana Ruiz said')."""
        members = self.named_members(token, set_off=False)
        if members:
            return self._actor_at(members[0])
        nouns = _group_nouns(token)
        for noun in nouns:
            for word in noun.children:
                if word.dep_ == "acl" and word.lemma_.lower() == "lead" and word.i > token.i:
                    leader = next((g for c in word.children if c.dep_ == "agent" for g in c.children
                                   if g.dep_ == "pobj"), None)
                    entity_id = self._actor_at(leader) if leader is not None else None
                    if entity_id and self.type_of(entity_id) == "person":
                        return entity_id
        return None

    def _person_beside(self, token: Token, deps: set[str]) -> str | None:
        """The person a child of the token in one of these relations names."""
        return next((self._actor_at(c) for c in token.children if c.dep_ in deps
                     and self.type_of(self._actor_at(c)) == "person"), None)

    def _person_in_title(self, title: Token) -> str | None:
        for prep in (c for c in title.children if c.dep_ == "prep"):
            for word in prep.subtree:
                if word.dep_ in {"relcl", "acl"}:
                    break
                entity_id = self.actors.entity_at(word.i)
                if entity_id and self.type_of(entity_id) == "person":
                    return entity_id
        return None

    def tied_body(self, token: Token) -> str | None:
        """'a channel linked to the militia', 'targets belonging to Hezbollah', 'depots used by the rebels': the
        actor a participle or adjective of belonging ties the phrase to."""
        for clause in token.children:
            if clause.dep_ not in {"acl", "amod"} or clause.lemma_.lower() not in self.cues.ties:
                continue
            for prep in clause.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "with", "by"}:
                    for owner in (g for g in prep.children if g.dep_ == "pobj"):
                        entity = self.actor_in(owner)
                        if entity is not None:
                            return entity
        return None

    def _voice_of(self, token: Token) -> str | None:
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is not None:
            return self.actor_in(possessor, depth=0)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "from", "at", "by"}:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self.actor_in(pobj, depth=1)
        tied = self.tied_body(token)  # "a Telegram channel linked to the militia": the militia, not Telegram
        if tied:
            return tied
        named = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
        return next((self._actor_at(c) for c in named if self._actor_at(c)), None)

    def _voice_named_before(self, token: Token) -> str | None:
        """'A Harbour Authority spokeswoman declined to comment ... the spokeswoman later said': a
        definite voice goes back to the last one of the same noun, and speaks for its organisation."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
            return None
        sentence = self.sentence_of[token.i]
        for i in range(token.i - 1, -1, -1):
            if sentence - self.sentence_of[i] > RECENT_SENTENCES:
                return None
            earlier = self.doc[i]
            if earlier.lemma_.lower() == token.lemma_.lower() and earlier.pos_ == "NOUN":
                return self._voice_of(earlier)
        return None

    def _actor_at(self, token: Token) -> str | None:
        entity_id = self.actors.entity_at(token.i)
        if entity_id is not None and self.type_of(entity_id) not in NOT_ACTOR_TYPES:
            return entity_id
        return self._known_as(token)

    def _known_as(self, token: Token) -> str | None:
        """'the four maritime democracies, known as the Quad': a phrase that names itself with
        "known as" or "called" is that actor."""
        for clause in token.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in {"know", "call", "dub", "name"}:
                names = [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                         for g in c.children if g.dep_ == "pobj"]
                names += [c for c in clause.children if c.dep_ in {"oprd", "attr"}]
                for name in names:
                    entity_id = self.actors.entity_at(name.i)
                    if entity_id is not None and self.type_of(entity_id) not in NOT_ACTOR_TYPES:
                        return entity_id
        return None

    # --- gender ------------------------------------------------------------------------------------
    def _genders(self) -> dict[str, str]:
        """The people whose gender the text shows by an honorific or a role of their own beside a name
        ("Ms. Ruiz", "the spokeswoman, Ana Ruiz", "Ruiz, a chairwoman"); a person shown both ways is left
        unknown."""
        shown: dict[str, set[str]] = {}
        for start, end, entity_id in self.spans:
            if self.type_of(entity_id) != "person":
                continue
            for word in self._words_beside(start, end):
                gender = self.cues.gender_cues.get(word)
                if gender is not None:
                    shown.setdefault(entity_id, set()).add(gender)
        return {entity_id: genders.pop() for entity_id, genders in shown.items() if len(genders) == 1}

    def _words_beside(self, start: int, end: int) -> Iterable[str]:
        """The honorific before a name, and the nouns in apposition to it or compounded with it."""
        if start > 0:
            yield self.doc[start - 1].lower_
        head = self.doc[end - 1]
        for child in head.children:
            if child.dep_ in {"appos", "compound"} and not start <= child.i < end:
                yield child.lower_
        if head.dep_ == "appos":
            yield head.head.lower_

    def _other_gender(self, token: Token) -> set[str]:
        """The people a gendered pronoun cannot stand for: "she" is no one the text calls "Mr."."""
        gender = self.cues.pronoun_gender.get(token.lower_)
        if gender is None:
            return set()
        return {entity_id for entity_id, shown in self.genders.items() if shown != gender}

    # --- pronouns ----------------------------------------------------------------------------------
    def pronoun(self, token: Token) -> str | None:
        lower = token.lower_
        sentence = self.sentence_of[token.i]
        if lower in self.cues.own_side_pronouns:
            return self._own_side(token)
        if token.dep_ == "poss" and lower in self.cues.group_pronouns and (bound := _own_of_subject(token)) is not None:
            # "Europe answered with its own tariffs": "its own" is the clause's subject's, whatever the subject
            # names (a place or a body the layer does not know stays unresolved, not the last actor named)
            return self.actor_in(bound, depth=0)
        if token.dep_ == "poss" and lower in self.cues.group_pronouns:
            # "Ruritania struck the League and its armed wing": a possessive "its" reaches back to
            # the nearest actor, not to the clause's subject; but one that opens its sentence ("The
            # Front was listed by the League. Its raids ...") goes on with the last sentence's subject
            if not self._actor_earlier_in_sentence(token):
                topic = self._previous_sentence_subject(token)
                if topic is not None:
                    return topic
            if token.head.dep_ in {"nsubj", "nsubjpass"} and token.head.head.dep_ == "conj":
                # "Ruritania expelled Borduria's envoy, and its foreign minister said ...": a possessive on the
                # subject of a coordinated clause goes on with the first clause's subject, not the nearest
                # name ("after its president spoke" may mean either, and keeps the nearest)
                subject = self._earlier_subject(token, person=False)
                if subject is not None:
                    return subject
            return self._nearest(token, person=False)
        if lower in PLURAL_PRONOUNS and self._plain_plural_subject_before(token):
            return None  # "Protesters marched on what they called a victory": they are the protesters
        if lower in self.cues.person_pronouns and self._unnamed_person_subject_before(token):
            return None  # "A senior general said he expects ...": he is the general, whom no name gives
        # "the ministry blamed it for the blast": an object pronoun is not its own clause's subject
        blocked = self._coargument_subject(token)
        if lower in self.cues.person_pronouns:
            unfit = self._other_gender(token) | {blocked} | self._only_quoted(token)
            found = (self._topic(token, unfit) or self._earlier_subject(token, person=True, skip=unfit)
                     or self._same_pronoun_before(token, unfit)
                     or self._latest_of_speaker_and_subject(token, unfit)
                     or self._nearest(token, person=True, skip=unfit))
            return found if found not in unfit else self._nearest(token, person=True, skip=unfit)
        if lower in self.cues.group_pronouns:
            speaker = self.last_speaker(sentence, None, exclude={"person"})
            return (self._earlier_subject(token, person=False, skip={blocked})
                    or (speaker if speaker != blocked else None)
                    or self._nearest(token, person=False, skip={blocked}))
        return None

    def _only_quoted(self, token: Token) -> set[str | None]:
        """'"Nothing will change Ruiz's mind," he said': people named only inside someone's quoted words, in the
        last few sentences, are talked about, not talking; a pronoun outside the marks does not stand for them."""
        if self._quoted(token.idx):
            return set()
        inside: set[str | None] = set()
        outside: set[str | None] = set()
        sentence = self.sentence_of[token.i]
        for start, _end, entity_id in self.actors.before(token.i):
            if sentence - self.sentence_of[start] > RECENT_SENTENCES:
                break
            (inside if self._quoted(self.doc[start].idx) else outside).add(entity_id)
        # named outside the marks too, they may be who speaks (and marks the copy mispaired stay harmless)
        return inside - outside

    def _quoted(self, offset: int) -> bool:
        """The character offset lies inside quotation marks (the runs are in text order and do not overlap)."""
        if self._runs is None:
            # imported here: the quote annotator asks this layer, and its mark finder is plain text work
            from newsgraph.nlp.quotes import quote_marks
            self._runs = [(m.start, m.end) for m in quote_marks(self.doc)]
        index = bisect_right(self._runs, (offset, float("inf"))) - 1
        return index >= 0 and self._runs[index][0] <= offset < self._runs[index][1]

    def _topic(self, token: Token, unfit: set[str | None]) -> str | None:
        """'As for Ruiz, she hopes ...': the person a topic phrase at the head of the sentence sets up
        is who the pronoun after it stands for."""
        for prep in token.sent:
            if prep.i >= token.i:
                break
            if prep.lower_ == "for" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "as":
                for name in prep.children:
                    entity_id = self.actors.entity_at(name.i) if name.dep_ == "pobj" else None
                    if entity_id and entity_id not in unfit and self.type_of(entity_id) == "person":
                        return entity_id
        # "For Ruiz, the climb was long. But she kept going": a sentence that opens on a person as its topic
        # sets up who the next sentence's subject pronoun is
        start = token.sent.start
        if token.dep_ in {"nsubj", "nsubjpass"} and start > 0 and self._subject_before(token) is None:
            opening = token.doc[start - 1].sent
            first = opening[0]
            if first.lower_ == "for" and first.dep_ == "prep" and first.head.dep_ == "ROOT":
                name = next((c for c in first.children if c.dep_ == "pobj"), None)
                entity_id = self.actors.entity_at(name.i) if name is not None else None
                if entity_id and entity_id not in unfit and self.type_of(entity_id) == "person":
                    return entity_id
        return None

    def _same_pronoun_before(self, token: Token, unfit: set[str | None]) -> str | None:
        """'... she has regained her health. "I walk every day," she said': a subject pronoun goes on with the
        same pronoun that was the main subject of the sentence just before, and stands for whom that one did
        (looked up one step back only)."""
        start = token.sent.start
        if token.dep_ not in {"nsubj", "nsubjpass"} or start == 0 or self._resolving:
            return None
        if any(self.type_of(e) == "person" and not self._quoted(token.doc[a].idx)
               for a, _b, e in self.actors.before(token.i) if a >= start):
            return None  # a person named outside quotes in its own sentence comes first
        previous = token.doc[start - 1].sent
        subject = next((c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ != token.lower_:
            return None
        self._resolving = True
        try:
            entity_id = self.pronoun(subject)
        finally:
            self._resolving = False
        return entity_id if entity_id not in unfit else None

    @staticmethod
    def _subject_before(token: Token) -> Token | None:
        """The nearest subject before the pronoun in its own sentence."""
        for previous in reversed(list(token.sent[: token.i - token.sent.start])):
            if previous.dep_ in {"nsubj", "nsubjpass"}:
                return previous
        return None

    def _plain_plural_subject_before(self, token: Token) -> bool:
        """The nearest subject before the pronoun in its sentence is a plural common noun that names
        no actor ('Demonstrators', 'the villagers'): a plural pronoun continues it, not an actor further
        back."""
        previous = self._subject_before(token)
        if previous is None and token.sent.start > 0:
            # "Rights groups say the men face abuse. They say ...": a sentence that opens on the pronoun
            # goes on with the subject of the sentence before
            before = token.doc[token.sent.start - 1].sent.root
            previous = next((c for c in before.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if previous is not None and previous.lower_ in self.cues.indefinite_plurals and not any(
                c.dep_ == "prep" for c in previous.children):
            return True  # "some told reporters they agreed" (but "some of the ministries" names them)
        return (previous is not None and previous.tag_ == "NNS" and self.actors.entity_at(previous.i) is None
                and not any(self.actors.entity_at(c.i) for c in previous.subtree))

    def _unnamed_person_subject_before(self, token: Token) -> bool:
        """The nearest subject before the pronoun in its sentence is an indefinite person named by a
        role ('a senior general', 'an official', 'a spokesperson') and no actor: a singular pronoun
        continues that person."""
        previous = self._subject_before(token)
        if previous is None:
            return False
        indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in previous.children)
        # "the army chief said his forces ...": a definite role whose holder the text never names is
        # as unnamed as "a general"
        unnamed = indefinite or (any(c.dep_ == "det" and c.lower_ == "the" for c in previous.children)
                                 and self.described(previous) is None)
        # "a top Air Force general": the organisation in the phrase is not the person
        return (unnamed and previous.tag_ == "NN" and previous.lower_ in self.cues.person_roles
                and self.actors.entity_at(previous.i) is None)

    def _coargument_subject(self, token: Token) -> str | None:
        """The actor that is the subject of the clause in which a non-reflexive pronoun is an object
        ('Ruritania blamed it', 'Ruritania spoke to them'): the pronoun cannot stand for it."""
        if token.lower_.endswith(("self", "selves")):
            return None
        if token.dep_ in {"dobj", "dative"}:
            verb = token.head
        elif token.dep_ == "pobj" and token.head.head.pos_ in {"VERB", "AUX"}:
            verb = token.head.head
        else:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return self.actors.entity_at(subject.i) if subject is not None else None

    def _latest_of_speaker_and_subject(self, token: Token, unfit: set[str | None]) -> str | None:
        """'Ruiz spoke first. Mendes brushed it aside. "It is over," he said': of the last speaker and
        the last person who was a subject, whoever came later is who "he" continues."""
        sentence = self.sentence_of[token.i]
        speaker = self.last_speaker(sentence, {"person"}, unfit=unfit)
        subject_at, subject = self._nearest_subject(token, unfit)
        if speaker is None or subject is None:
            return speaker or subject
        spoken_at = max((at for _s, at, e in self.speakers if e == speaker and at < token.i), default=-1)
        return subject if subject_at > spoken_at else speaker

    def _nearest_subject(self, token: Token, unfit: set[str | None]) -> tuple[int, str | None]:
        sentence = self.sentence_of[token.i]
        for start, _end, entity_id in self.actors.before(token.i):
            if sentence - self.sentence_of[start] > RECENT_SENTENCES:
                break
            head = self._phrase_head(self.doc[start])
            verb = head.head
            # the doer of a main clause that reports an act ("Mendes brushed it aside"), not a
            # hypothetical's topic ("losing Mendes would be a blow")
            # also the doer of an act someone reports ("Ruiz left the country, her lawyer said")
            main = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i)
            if (entity_id not in unfit and self.type_of(entity_id) == "person"
                    and head.dep_ in {"nsubj", "nsubjpass"} and main
                    and not any(c.tag_ == "MD" for c in verb.children)):
                return start, entity_id
        return -1, None

    def _own_side(self, token: Token) -> str | None:
        """'we', 'our', 'us' inside a quote: the speaker's organisation or state (a person speaking
        for it); outside quotes the writer's "we" names nobody in the story."""
        speaker = self.speaker_of_quote_around(token)
        entity = self.actors.entity(speaker)
        if entity is None:
            return None
        if entity.type != "person":
            return entity.id
        return self._state_of(entity.id)

    def _state_of(self, person: str | None) -> str | None:
        """The state entity of the country a person serves, if the article names that state."""
        entity = self.actors.entity(person)
        if entity is None or not entity.country:
            return None
        return next((e.id for e in self.entities if e.type == "country" and e.country == entity.country), None)

    def _earlier_subject(self, token: Token, person: bool, skip: set[str | None] = frozenset()) -> str | None:
        """An actor that is the subject of an earlier clause of the same sentence ("Ruiz arrived
        late and said she ..."): the strongest antecedent a pronoun has."""
        sentence = self.sentence_of[token.i]
        for start, _end, entity_id in self.actors.before(token.i):
            if self.sentence_of[start] != sentence:
                break
            kind = self.type_of(entity_id)
            if kind in NOT_ACTOR_TYPES or (kind == "person") != person or entity_id in skip:
                continue
            if self.doc[start:_end].root.dep_ == "poss":
                continue  # "China's drills raised tensions": the possessor is not the clause's subject
            head = self._phrase_head(self.doc[start])
            if head.dep_ in {"nsubj", "nsubjpass"}:
                return entity_id
        return None

    def _actor_earlier_in_sentence(self, token: Token) -> bool:
        nearest = next(iter(self.actors.before(token.i)), None)  # nearest first: one look is enough
        return nearest is not None and self.sentence_of[nearest[0]] == self.sentence_of[token.i]

    def _previous_sentence_subject(self, token: Token) -> str | None:
        """The organisation or state that is the main subject of the sentence before the token's."""
        sentence = self.sentence_of[token.i]
        found = None
        for start, _end, entity_id in self.actors.before(token.i):
            if self.sentence_of[start] < sentence - 1:
                break
            if self.sentence_of[start] != sentence - 1 or self.type_of(entity_id) in NOT_ACTOR_TYPES | {"person"}:
                continue
            head = self._phrase_head(self.doc[start])
            if head.dep_ in {"nsubj", "nsubjpass"} and head.head.dep_ == "ROOT":
                found = entity_id  # the walk goes backwards: the last one kept is the first in the sentence
        return found

    def _nearest(self, token: Token, person: bool, subjects_only: bool = False,
                 skip: set[str | None] = frozenset()) -> str | None:
        sentence = self.sentence_of[token.i]
        for start, _end, entity_id in self.actors.before(token.i):
            if subjects_only and sentence - self.sentence_of[start] > RECENT_SENTENCES:
                break
            kind = self.type_of(entity_id)
            if kind in NOT_ACTOR_TYPES or (kind == "person") != person or entity_id in skip:
                continue
            if subjects_only and self._phrase_head(self.doc[start]).dep_ not in {"nsubj", "nsubjpass"}:
                continue
            return entity_id
        return None

    @staticmethod
    def _phrase_head(token: Token) -> Token:
        """The head of the phrase a mention stands in: 'Ana Ruiz' -> Ruiz; 'the envoy, Ana Ruiz' -> envoy."""
        node = token
        while node.dep_ in {"compound", "flat", "appos", "amod", "poss"} and node.head.i != node.i:
            node = node.head
        return node

    # --- descriptions ------------------------------------------------------------------------------
    def described(self, token: Token) -> str | None:
        """'the ministry', 'the militants', 'the president': the nearest earlier actor whose name or
        role holds that noun, else whose type fits it. Only definite descriptions refer back: "a
        ministry" introduces a new one."""
        # a state's possessive is definite too: "Ruritania's envoy" is the envoy the text named for it
        if not any(c.lower_ in {"the", "this", "that", "these", "those"} or (
                c.dep_ == "poss" and self.type_of(self.actors.entity_at(c.i)) == "country") for c in token.children):
            return None
        noun = token.lemma_.lower()
        lower = token.lower_
        if noun in self.cues.person_roles or lower in self.cues.person_roles:
            return self._role_holder(token)
        kinds = [f"{c.lemma_.lower()} {noun}" for c in token.children if c.dep_ in {"amod", "compound"}]
        kind = next((self.cues.descriptions[k] for k in kinds if k in self.cues.descriptions), None)
        types = kind or self.cues.descriptions.get(noun) or self.cues.descriptions.get(lower)
        if not types:
            return None
        fallback = None
        for _start, _end, entity_id in self.actors.before(token.i):
            if self.sentence_of[token.i] - self.sentence_of[_start] > DESCRIPTION_REACH:
                break
            entity = self.actors.entity(entity_id)
            if entity is None or entity.type in NOT_ACTOR_TYPES:
                continue
            words = f"{entity.name} {entity.role or ''}".lower().split()
            if (noun in words or lower in words or f"{noun}s" in words) and (kind is None or entity.type in kind):
                return entity_id
            recent = self.sentence_of[token.i] - self.sentence_of[_start] <= RECENT_SENTENCES
            if fallback is None and entity.type in types and recent:
                fallback = entity_id  # "the group" for the nearest armed group, if named lately
        return fallback

    def _role_holder(self, token: Token) -> str | None:
        """'the president', 'the envoy': the nearest earlier person whose role holds that word;
        'the Ruritanian leader': the nearest earlier person of that state."""
        noun, lower = token.lemma_.lower(), token.lower_
        states = {self.actors.entity(self.actors.entity_at(c.i)).country for c in token.children  # type: ignore[union-attr]
                  if c.dep_ in {"amod", "compound", "poss"} and self.type_of(self.actors.entity_at(c.i)) == "country"}
        by_state = None
        for _start, _end, entity_id in self.actors.before(token.i):
            if self.sentence_of[token.i] - self.sentence_of[_start] > DESCRIPTION_REACH:
                break
            entity = self.actors.entity(entity_id)
            if entity is None or entity.type != "person":
                continue
            if states and entity.country and entity.country not in states:
                continue  # "the French foreign minister" is no British one named before
            words = (entity.role or "").lower().split()
            if noun in words or lower in words:
                return entity_id
            if by_state is None and states and entity.country in states:
                by_state = entity_id
        return by_state


def _group_nouns(token: Token) -> list[Token]:
    """A group's noun and the noun of its "of" or other phrase ("a group [of senators] including ...")."""
    return [token, *(g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]


def find_references(doc: Doc, actors: ActorLayer, sentence_of: list[int],
                    cues: ReferenceCues | None = None) -> References:
    return References(doc, actors, sentence_of, cues or reference_cues())


def _own_of_subject(pronoun: Token) -> Token | None:
    """The subject a possessive pronoun with 'own' binds to ('Borduria replied with its own sanctions'): the
    subject of the clause the possessed noun belongs to, named before the pronoun."""
    if not any(c.lower_ == "own" for c in pronoun.head.children if c.i > pronoun.i):
        return None
    clause = pronoun.head
    while clause.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"} and clause.head is not clause:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    return subject


def actor_in(token: Token, refs: References, depth: int = 2) -> str | None:
    """The actor a noun phrase names (see References.actor_in)."""
    return refs.actor_in(token, depth)


def target_in(token: Token, refs: References) -> str | None:
    """The actor or place a target phrase names (see References.target_in)."""
    return refs.target_in(token)
