"""Standing ties the text reveals: affiliation (titles, appositions, possessives), location
("Caracas-based", an institute "of" a state), alliance and opposition ("alliances with ...").

Each rule reads the parse around actor mentions; the words that matter are data
(ontology/relations.yaml). A tie is kept once per article, with the first sentence that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsgraph.kb.loader import KnowledgeBase
from newsgraph.nlp.actors import POSSESSIVES
from newsgraph.nlp.arguments import conjuncts, subject_of
from newsgraph.nlp.doctext import tokens_of
from newsgraph.nlp.references import References, actor_in
from newsgraph.ontology import ONTOLOGY_DIR, word_sets
from newsgraph.record import Event, Relation

STATE_TYPES = {"country"}
NP_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "det", "case", "punct", "appos"}


@dataclass(frozen=True)
class RelationCues:
    roles: dict[str, str]  # role word -> finer type
    alliance_nouns: frozenset[str]
    alliance_verbs: frozenset[str]
    opposition_nouns: frozenset[str]
    based_types: frozenset[str]
    state_offices: frozenset[str]
    home_offices: frozenset[str]
    conflict_nouns: frozenset[str]
    serving_roles: frozenset[str]
    presence_words: frozenset[str]
    outside_state: frozenset[str]
    topic_roles: frozenset[str]
    tie_nouns: frozenset[str]
    close_words: frozenset[str]
    org_nouns: frozenset[str]
    dwelling_words: frozenset[str]
    state_owners: frozenset[str]
    local_words: frozenset[str]
    support_nouns: frozenset[str]
    fight_verbs: frozenset[str]
    opposing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def relation_cues(path: Path | None = None) -> RelationCues:
    return word_sets(RelationCues, path or ONTOLOGY_DIR / "relations.yaml", built={
        "roles": lambda data: {word: kind for kind, words in data["roles"].items() for word in words}})


class _Collector:
    def __init__(self, doc: Doc, actors: References, sentence_of: list[int], kb: KnowledgeBase | None = None) -> None:
        self.doc, self.actors, self.sentence_of, self.kb = doc, actors, sentence_of, kb
        self.found: dict[tuple[str, str, str], Relation] = {}

    @cached_property
    def names(self) -> dict[str, str]:
        """Each actor's mention texts (lower case) -> its id, for names the parser did not keep apart;
        a text two actors share names neither."""
        names: dict[str, str] = {}
        for entity in self.actors.entities:
            if entity.type == "location":
                continue
            for text in {m.text.lower() for m in entity.mentions} | {entity.name.lower()}:
                names[text] = entity.id if names.get(text, entity.id) == entity.id else ""
        return names

    def named(self, text: str) -> str | None:
        """The actor of the article a bare name stands for ('U.S.' in 'U.S.-Japan'): one of its mention
        texts, else a state the knowledge base knows by that name and the article names."""
        found = self.names.get(text.lower())
        if found is not None:
            return found or None
        if self.kb is not None:
            codes = {entry.country for entry in self.kb.lookup(text) if entry.type == "country"}
            if len(codes) == 1:
                return self.states.get(codes.pop() or "")
        return None

    @cached_property
    def states(self) -> dict[str, str]:
        """The states the article names: ISO code -> entity id."""
        return {e.country: e.id for e in self.actors.entities if e.type == "country" and e.country}

    @cached_property
    def first_mention(self) -> dict[str, int]:
        """Each entity's first token in the article."""
        first: dict[str, int] = {}
        for start, _end, entity_id in self.actors.spans:
            first.setdefault(entity_id, start)
        return first

    def type_of(self, entity_id: str | None) -> str | None:
        entity = self.actors.entity(entity_id)
        return entity.type if entity else None

    def add(self, cls: str, kind: str, source: str | None, target: str | None, evidence: Token) -> None:
        if not source or not target or source == target:
            return
        if cls in {"alliance", "opposition"} and (cls, target, source) in self.found:
            return
        key = (cls, source, target)
        if key not in self.found:
            sentence = evidence.sent
            self.found[key] = Relation(cls=cls, type=kind, source=source, target=target,
                                       sentence=self.sentence_of[evidence.i], evidence=sentence.text.strip())


def find_relations(doc: Doc, actors: References, sentence_of: list[int],
                   cues: RelationCues | None = None, events: list[Event] | None = None,
                   kb: KnowledgeBase | None = None) -> list[Relation]:
    cues = cues or relation_cues()
    collect = _Collector(doc, actors, sentence_of, kb)
    for start, end, entity_id in actors.spans:
        head = _span_head(doc, start, end)
        _title_ties(collect, cues, entity_id, start, head)
        _apposition_ties(collect, cues, entity_id, head)
        _possessive_ties(collect, cues, entity_id, start, end, head)
        _tie_title(collect, cues, entity_id, start)
        _of_state(collect, entity_id, head)
        _described_place(collect, cues, entity_id, start, head)
        _state_owned(collect, cues, entity_id, start, head)
    for _start, end, entity_id in actors.spans:
        _listed_members(collect, entity_id, end)
    # each rule below starts from a word of its own list (a lemma, or a hyphen word's form): a token that
    # is none of them is passed by at once, not looked at six times
    lemmas = (NAMING_VERBS | LEADING_VERBS | ACTIVE_LEADING | ROLE_VERBS | cues.presence_words | cues.alliance_nouns
              | cues.opposition_nouns | cues.conflict_nouns | cues.alliance_verbs | cues.tie_nouns
              | cues.support_nouns | cues.fight_verbs | cues.opposing_verbs)
    for token in tokens_of(doc):
        if token.lemma_.lower() not in lemmas and token.lower_.rpartition("-")[2] not in HYPHEN_WORDS:
            continue
        _known_as_group(collect, token)
        _led_by(collect, token)
        _leads(collect, token)
        _presence(collect, cues, token)
        _hyphen_ties(collect, token)
        _alliances(collect, cues, token)
        _predicate_role(collect, cues, token)
        _fighting(collect, cues, token)
        _opposing(collect, cues, token)
    _state_office_ties(collect, cues)
    _state_bodies(collect)
    _named_within(collect)
    if kb is not None:
        _known_parents(collect, kb)
        _known_members(collect, kb)
    _ties_from_events(collect, events or [])
    _ties_from_places(collect, events or [])
    return list(collect.found.values())


STATE_BODIES = {"government_body", "armed_forces"}
# the verbs the rules over single words start from (find_relations passes by every other word)
ROLE_VERBS = frozenset({"be", "serve", "work", "become", "remain"})  # _predicate_role
WORKING_VERBS = frozenset({"work", "serve"})
LEADING_VERBS = frozenset({"lead", "head", "command", "found"})  # _led_by
ACTIVE_LEADING = frozenset({"lead", "head", "chair", "found", "command"})  # _leads
NAMING_VERBS = frozenset({"know"})  # _known_as_group


def _known_parents(collect: _Collector, kb: KnowledgeBase) -> None:
    """An organisation the knowledge base knows as part of another that the article also names ("the
    U.N. nuclear watchdog" and the U.N.): part of it, with the first sentence that names both as evidence
    (else the part's first mention)."""
    starts_of = _mention_starts(collect)
    for entity_id in starts_of:
        entry = kb.entries.get(entity_id)
        parent = entry.part_of if entry is not None else None
        if not parent or parent not in starts_of or collect.type_of(entity_id) == "person":
            continue
        collect.add("affiliation", "part_of", entity_id, parent, _evidence(collect, starts_of, entity_id, parent))


def _mention_starts(collect: _Collector) -> dict[str, list[int]]:
    """Each actor's mention starts, in order."""
    starts_of: dict[str, list[int]] = {}
    for start, _end, entity_id in collect.actors.spans:
        starts_of.setdefault(entity_id, []).append(start)
    return starts_of


def _evidence(collect: _Collector, starts_of: dict[str, list[int]], entity_id: str, other: str) -> Token:
    """The first mention of an actor in a sentence that also names the other, else its first mention."""
    both = sorted(set(collect.sentence_of[i] for i in starts_of[entity_id])
                  & set(collect.sentence_of[i] for i in starts_of[other]))
    first = next(i for i in starts_of[entity_id] if collect.sentence_of[i] == both[0]) if both \
        else starts_of[entity_id][0]
    return collect.doc[first]


def _known_members(collect: _Collector, kb: KnowledgeBase) -> None:
    """A grouping of states the knowledge base lists with its members ("the E3", "the G7") and a member
    state the article also names: the state is a member of it, with the first sentence that names both as
    evidence (else the state's first mention)."""
    starts_of = _mention_starts(collect)
    for grouping in starts_of:
        entry = kb.entries.get(grouping)
        for code in entry.members if entry is not None else []:
            state = collect.states.get(code)
            if state is not None and state in starts_of:
                collect.add("affiliation", "member_of", state, grouping, _evidence(collect, starts_of, state, grouping))


def _state_bodies(collect: _Collector) -> None:
    """A ministry or an armed force named with its state ("Ruritania's coast guard", "the Ruritanian
    army") is part of that state."""
    for start, end, entity_id in collect.actors.spans:
        entity = collect.actors.entity(entity_id)
        if entity is None or entity.type not in STATE_BODIES or entity.country not in collect.states:
            continue
        words = collect.doc[start:end]
        if any(t.text in POSSESSIVES for t in words) or (
                words[0].text != entity.name.split()[0] and words[0].ent_type_ == "NORP"):
            collect.add("affiliation", "part_of", entity_id, collect.states[entity.country], collect.doc[start])


TIES_FROM_EVENTS = {"ASSAULT": "opposition", "COERCE": "opposition", "AID": "alliance", "COOPERATE": "alliance"}
SIDES = {"country", "armed_group", "armed_forces", "criminal_organization", "government_body"}


def _ties_from_events(collect: _Collector, events: list[Event]) -> None:
    """An attack or coercion the article reports as fact between two organised sides ("Ruritanian
    forces shelled rebel positions of the Liberation Front") shows the two are opposed; material help
    or cooperation ("Ruritania shipped arms to the Red Hand", "the two armies held joint drills") shows
    them allied. Acts by or against persons, reported speech and hedged reports make no standing tie."""
    for event in events:
        tie = TIES_FROM_EVENTS.get(event.type)
        if tie is None or event.status != "asserted" or event.negated:
            continue
        if collect.type_of(event.source) in SIDES and collect.type_of(event.target) in SIDES:
            token = collect.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if token is not None and not _nationals(token[0].sent, event.target_text):
                collect.add(tie, tie, event.source, event.target, token[0])


def _nationals(sentence: Span, target_text: str | None) -> bool:
    """'barred 11 Georgians from entry', 'detained two Americans': people named by their nationality
    are persons acted against, not their state as a side."""
    words = (target_text or "").split()
    return bool(words) and any(t.text == words[-1] and t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"}
                               for t in sentence)


ARMED_SIDES = {"armed_group", "armed_forces", "criminal_organization"}
FIELD_EVENTS = {"ASSAULT", "COERCE", "MOBILIZE"}
REMOTE_MODES = {"aerial", "drone", "heavy-weapons"}


def _ties_from_places(collect: _Collector, events: list[Event]) -> None:
    """An armed force or group that the article reports as fact attacking, raiding or deploying in a
    place ('the militia shelled villages in Zenda province') operates there: located in that place."""
    for event in events:
        if event.type not in FIELD_EVENTS or event.status != "asserted" or not event.location:
            continue
        if event.mode in REMOTE_MODES or "fire" in event.trigger.text.lower():
            continue  # "fired rockets at towns in Borduria": struck from afar, not present there
        if collect.type_of(event.source) not in ARMED_SIDES:
            continue
        span = collect.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span[0].sent
        for start, _end, entity_id in collect.actors.spans:
            if not sentence.start <= start < sentence.end or collect.type_of(entity_id) not in {"country", "location"}:
                continue
            if collect.doc[start].text in event.location:
                collect.add("location", "operates_in", event.source, entity_id, span[0])


def _predicate_role(collect: _Collector, cues: RelationCues, verb: Token) -> None:
    """'Ruiz was a captain in the navy', 'Ruiz serves as an adviser to the ministry', 'Ruiz, who is a
    member of the party': a person whose predicate is a role in an organisation belongs to it."""
    if verb.lemma_.lower() not in ROLE_VERBS:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    person = collect.actors.entity_at(subject.i) or (
        collect.actors.entity_at(verb.head.i) if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" else None)
    if person is None or collect.type_of(person) != "person":
        return
    roles = [c for c in verb.children if c.dep_ == "attr"]
    roles += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    if verb.lemma_.lower() == "be":
        # "Ana Ruiz, who is Ruritanian": a demonym as predicate names the person's state
        for word in (c for c in verb.children if c.dep_ in {"acomp", "attr"}):
            state = collect.actors.entity_at(word.i)
            if collect.type_of(state) == "country":
                collect.add("affiliation", "member_of", person, state, word)
    if not roles and verb.lemma_.lower() in WORKING_VERBS:
        # "Ana Ruiz, who worked for the Lakeside Fund": working for or at an organisation is membership
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "at"}):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                owner = actor_in(pobj, collect.actors, depth=0)
                if collect.type_of(owner) not in {None, "person", "location", "country"}:
                    collect.add("affiliation", "member_of", person, owner, verb)
    for role in roles:
        kind = cues.roles.get(role.lower_) or cues.roles.get(role.lemma_.lower())
        if kind is None:
            continue
        for owner, owner_kind in _role_owners(collect, cues, role, kind):
            if owner != person and collect.type_of(owner) != "person":
                collect.add("affiliation", owner_kind, person, owner, role)


def _of_state(collect: _Collector, entity_id: str, head: Token) -> None:
    """'Foreign Ministers Ana Ruiz of Ruritania and ...', 'Ana Ruiz of the Lakeside Institute said': a
    person named with "of" and a state or an organisation belongs to it; people said to be 'both from'
    a state belong to it."""
    if collect.type_of(entity_id) != "person":
        return
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                owner = collect.actors.entity_at(pobj.i)
                if owner and collect.type_of(owner) not in {"person", "location"}:
                    collect.add("affiliation", "member_of", entity_id, owner, head)
    # "Ana Ruiz and Lea Diaz, both from Ruritania,": a state the named people are said to come from
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    for both in (c for c in first.children if c.dep_ == "appos" and c.lower_ in {"both", "all", "each"}):
        for prep in (c for c in both.children if c.dep_ == "prep" and c.lower_ == "from"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                state = collect.actors.entity_at(pobj.i)
                if collect.type_of(state) == "country":
                    collect.add("affiliation", "member_of", entity_id, state, head)


def _state_office_ties(collect: _Collector, cues: RelationCues) -> None:
    """A person who holds a state office ("Foreign Minister", "the governor", "a former diplomat"),
    with the state known from the knowledge base or the words around the name, belongs to that
    state when the article names it. Evidence: the person's first mention."""
    first = collect.first_mention
    # the state the article is about: named most often, with its bodies and people ("the army", "the
    # Colombian police" count for Colombia); a prime minister with no state named is its
    weight: dict[str, int] = {}
    for entity in collect.actors.entities:
        if entity.country and entity.type != "location":
            weight[entity.country] = weight.get(entity.country, 0) + len(entity.mentions)
    home = max((e for e in collect.actors.entities if e.type == "country"),
               key=lambda e: (weight.get(e.country or "", 0), len(e.mentions)), default=None)
    for entity in collect.actors.entities:
        if entity.type != "person" or entity.id not in first:
            continue
        words = (entity.role or "").lower().replace("-", " ").split()
        office = next((w for w in words if w in cues.state_offices), None)
        if office is None:
            continue
        if not _office_of_a_state(collect, entity.role or ""):
            continue
        state = collect.states.get(entity.country or "")
        serves_elsewhere = any(cls == "affiliation" and source == entity.id and collect.type_of(target) != "country"
                               for cls, source, target in collect.found)  # "the charity's president"
        if state is None and home is not None and not entity.country and office in cues.home_offices \
                and not serves_elsewhere and not _local_office(collect, cues, first[entity.id]):
            state = home.id
        if state is not None:
            kind = cues.roles.get(office, "member_of")
            collect.add("affiliation", kind, entity.id, state, collect.doc[first[entity.id]])


def _local_office(collect: _Collector, cues: RelationCues, index: int) -> bool:
    """'regional governor Ana Ruiz', 'Ana Ruiz, governor of the Zenda region': an office of a part of a
    state (a word of local_words before the title, or the title's 'of' phrase naming an unnamed area)
    is no office the story's state is known to hold."""
    doc = collect.doc
    before = doc[max(0, index - 3):index]
    if any(t.lower_ in cues.local_words for t in before):
        return True
    name = doc[index]
    while name.dep_ in {"compound", "flat"} and name.head.i > name.i:
        name = name.head
    for role in (c for c in name.children if c.dep_ == "appos"):
        for prep in (c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"):
            for area in (p for p in prep.children if p.dep_ == "pobj"):
                if area.lower_ in cues.local_words or any(c.lower_ in cues.local_words for c in area.children):
                    return True
    return False


def _office_of_a_state(collect: _Collector, role: str) -> bool:
    """Whether an office may be a state's: not when its words name another owner, an actor of the
    article or of the knowledge base that is no state, with 'of' ('Secretary General of the Lakeside
    Front') or a possessive ("the Front's deputy foreign minister"); a portfolio after 'of' ('Minister
    of Energy') names no owner."""
    role = role.split("(")[0].replace("’", "'").strip()
    owner = ""
    if " of " in role:
        owner = role.split(" of ", 1)[1]
    elif "'" in role:
        owner = role.split("'", 1)[0]
    owner = owner.strip()
    if not owner:
        return True
    if owner.lower().startswith("the "):
        owner = owner[4:]
    named = collect.named(owner)
    organs = STATE_TYPES | STATE_BODIES  # "spokesman of the Ruritanian army" holds a state's office
    if named is not None:
        return collect.type_of(named) in organs
    entries = collect.kb.lookup(owner) if collect.kb is not None else []
    # a portfolio ("Minister of Foreign Affairs") names no owner the knowledge base knows
    return not entries or any(entry.type in organs for entry in entries)


def _span_head(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def _role_kind(cues: RelationCues, tokens: list[Token]) -> str | None:
    for token in reversed(tokens):
        kind = cues.roles.get(token.lower_)
        if kind:
            return kind
    return None


def _title_ties(collect: _Collector, cues: RelationCues, entity_id: str, start: int, head: Token) -> None:
    """'Colombian Defence Minister Pedro Sánchez', 'Hezbollah leader Naim Qassem': actors named in
    the title before a person's name are what the person belongs to."""
    if collect.type_of(entity_id) != "person":
        return
    before = [t for t in head.subtree if t.i < start and t.dep_ in NP_DEPS | {"prep", "pobj"}]
    office = head.head.head if head.dep_ == "pobj" and head.head.lower_ in {"of", "for"} else None
    if office is not None and office.lower_ in cues.roles:
        # "French Minister of Armed Forces Ana Ruiz": the parser may hang the name on the title's "of"
        before += [t for t in office.subtree if t.i < start and t not in before]
    if not before:
        before = _title_words(collect.doc, start)
    if not before:
        return
    kind = _role_kind(cues, before)
    if kind is None:
        return
    owners = []
    for token in before:
        owner = collect.actors.entity_at(token.i)
        if owner and owner != entity_id and owner not in owners and collect.type_of(owner) != "location":
            owners.append(owner)
    organisations = [o for o in owners if collect.type_of(o) not in STATE_TYPES]
    for owner in organisations or owners:
        collect.add("affiliation", kind, entity_id, owner, head)
    if not owners and not any(t.lower_ in cues.outside_state for t in before):
        # "opposition leader Ana Ruiz" leads no state, whatever state she is from
        _state_of_titled_person(collect, kind, entity_id, head)


TITLE_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "POS", "IN"}


def _title_words(doc: Doc, start: int) -> list[Token]:
    """The words right before a name that the parser left out of its phrase ("Ruritania's army chief of
    staff Ana Ruiz said", parsed as two subjects): nouns, adjectives, possessives and 'of', back to the
    first other word; none when the run ends in a role's 'of' or holds no noun."""
    words: list[Token] = []
    i = start - 1
    while i >= 0 and doc[i].tag_ in TITLE_TAGS and (doc[i].tag_ != "IN" or doc[i].lower_ == "of") \
            and doc[i].sent.start <= i and len(words) < 8:
        words.insert(0, doc[i])
        i -= 1
    while words and words[0].tag_ in {"IN", "POS"}:
        words.pop(0)
    return words if words and words[-1].tag_ in {"NN", "NNP"} else []


def _state_of_titled_person(collect: _Collector, kind: str, entity_id: str, head: Token) -> None:
    """'President Donald Trump' with no state in the title: the state the person is known to serve,
    when the article names it."""
    entity = collect.actors.entity(entity_id)
    if entity is None or not entity.country:
        return
    for other in collect.actors.entities:
        if other.type == "country" and other.country == entity.country:
            collect.add("affiliation", kind, entity_id, other.id, head)


def _apposition_ties(collect: _Collector, cues: RelationCues, entity_id: str, head: Token) -> None:
    """'Ana Ruiz, a senior fellow at the Atlantic Council'; "Russia's state news agency, TASS"; 'Hamas
    and its armed wing, the Qassam Brigades'. Coordinated roles count each ('Ana Ruiz, a lawmaker and
    former whip in the Ruritanian Senate'), and an owner may sit one unnamed unit down ('Ana Ruiz,
    director of the maritime program at the Lakeside Institute'). A state named as the topic of an
    expert ('a Borduria analyst at the Lakeside Institute') or as where an envoy is sent ('the special
    envoy for Borduria') is not whose role it is."""
    pairs: list[tuple[Token, Token]] = []  # (role noun, the actor's own head)
    pairs += [(child, head) for child in head.children if child.dep_ == "appos"]
    if head.dep_ == "appos":
        pairs.append((head.head, head))
    pairs += [(c, h) for role, h in list(pairs) for c in role.conjuncts if c.i > role.i]
    for role, _ in pairs:
        if collect.actors.entity_at(role.i):
            continue  # two names for one actor, not a role
        kind = cues.roles.get(role.lemma_.lower()) or cues.roles.get(role.lower_)
        if kind is None:
            continue
        if kind not in ORGAN_KINDS and collect.type_of(entity_id) != "person":
            continue  # "the Zenda Service, the minister's lawyer, ...": a person's role names no organisation
        for owner, owner_kind in _role_owners(collect, cues, role, kind):
            if owner != entity_id:
                collect.add("affiliation", owner_kind, entity_id, owner, head)


OWNER_PREPS = {"at", "of", "for", "with", "from", "in"}
ORGAN_KINDS = {"part_of", "armed_wing_of"}  # the role kinds an organisation may have


def _country_office(collect: _Collector, word: Token) -> str | None:
    """'the Lakeside Fund Ruritania', 'the Agency's Ruritania office': a state named after an organisation
    is the organisation's office in that state; the organisation is who the role serves."""
    if collect.type_of(collect.actors.entity_at(word.i)) != "country":
        return None
    return next((collect.actors.entity_at(c.i) for c in word.children if c.dep_ == "compound"
                 and collect.type_of(collect.actors.entity_at(c.i)) not in {None, "country", "location", "person"}),
                None)


def _role_owners(collect: _Collector, cues: RelationCues, role: Token, kind: str) -> list[tuple[str, str]]:
    """The actors a role noun belongs to: its possessor or named modifier, its at/of/for/with/from/in
    phrase, or, when that phrase names an unnamed unit ('the maritime program'), the unit's own
    at/of/in phrase."""
    lemma = role.lemma_.lower()
    found: list[tuple[str, str]] = []

    def take(owner: str | None, how: str, owner_kind: str) -> bool:
        if not owner or collect.type_of(owner) == "location":
            return False
        if collect.type_of(owner) == "country" and (
                (lemma in cues.topic_roles and how in {"compound", "amod"})
                or (kind == "envoy_of" and how in {"for", "to"}) or how == "in"):
            return False  # "a Borduria analyst", "the envoy for Borduria": the state is the topic
        found.append((owner, owner_kind))
        return True

    for child in role.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:  # "X’s executive director" may parse as nmod
            take(actor_in(child, collect.actors, depth=0), child.dep_, kind)
        elif child.dep_ == "prep" and (child.lower_ in OWNER_PREPS or (
                child.lower_ == "to" and lemma in cues.serving_roles)):
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                office = _country_office(collect, pobj)
                if office is not None:  # "a spokesperson for the Lakeside Fund Ruritania"
                    take(office, child.lower_, kind)
                    continue
                unit = actor_in(pobj, collect.actors, depth=0)
                if take(unit, child.lower_, kind) and collect.type_of(unit) in {"person", "country"}:
                    continue
                if child.lower_ == "in" or pobj.pos_ not in {"NOUN", "PROPN"}:
                    continue
                # "director of the maritime program at the Lakeside Institute"
                for prep in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "in"}):
                    for deeper in (p for p in prep.children if p.dep_ == "pobj"):
                        if collect.type_of(collect.actors.entity_at(deeper.i)) not in {"country", None}:
                            take(collect.actors.entity_at(deeper.i), prep.lower_, "member_of")
    return found


def _possessive_ties(collect: _Collector, cues: RelationCues, entity_id: str, start: int, end: int,
                     head: Token) -> None:
    """"Iran's Quds Force" (part of Iran); "Egypt's Al-Ahram Center" (based in Egypt)."""
    kind = collect.type_of(entity_id)
    if kind == "person":
        # "Ruritania's Ana Ruiz": a person named with a state's possessive belongs to it
        for child in (c for c in head.children if c.dep_ == "poss" and c.i < start):
            state = collect.actors.entity_at(child.i)
            if collect.type_of(state) == "country":
                collect.add("affiliation", "member_of", entity_id, state, head)
        return
    if kind in {"country", "location", None}:
        return
    for child in head.children:
        if child.dep_ != "poss" or child.i >= start:
            continue
        owner = collect.actors.entity_at(child.i)
        if not owner or owner == entity_id:
            continue
        state_run = bool(_state_run_words(cues, start, head))
        if collect.type_of(owner) == "person" and kind == "political_party":
            # "Ana Ruiz's own Unity Party turned on her": she belongs to the party, not it to her
            collect.add("affiliation", "member_of", owner, entity_id, head)
        elif collect.type_of(owner) in STATE_TYPES and kind in cues.based_types and not state_run:
            collect.add("location", "based_in", entity_id, owner, head)
        elif collect.type_of(owner) != "location":
            collect.add("affiliation", "part_of", entity_id, owner, head)


GROUP_TYPES = {"international_organization", "armed_group", "political_party", "criminal_organization", "ngo",
               "organization"}
def _listed_members(collect: _Collector, group: str, end: int) -> None:
    """'the G3 (Ruritania, Borduria and Syldavia)': states listed in brackets after a group are its members."""
    doc = collect.doc
    if collect.type_of(group) not in GROUP_TYPES or end >= len(doc) or doc[end].text != "(":
        return
    close = next((t.i for t in doc[end + 1:end + 30] if t.text == ")"), None)
    if close is None:
        return
    members = {e for s, _e, e in collect.actors.spans if end < s < close}
    if len(members) >= 2 and all(collect.type_of(m) == "country" for m in members):
        for member in members:
            collect.add("affiliation", "member_of", member, group, doc[end])


def _leads(collect: _Collector, token: Token) -> None:
    """'Ana Ruiz, who heads the Lakeside Fund', 'Ana Ruiz chairs the Front': a person said to lead,
    head, chair or found an organisation leads it (a state, a place or an act led names no group)."""
    if token.lemma_.lower() not in ACTIVE_LEADING or token.pos_ != "VERB" or token.tag_ == "VBN":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    depth = 1 if subject.tag_ in {"WDT", "WP"} else 0
    leader = actor_in(subject, collect.actors, depth=depth)
    if collect.type_of(leader) != "person":
        return
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        group = actor_in(obj, collect.actors, depth=0)
        if collect.type_of(group) not in {None, "person", "country", "location"}:
            collect.add("affiliation", "leader_of", leader, group, token)


def _led_by(collect: _Collector, token: Token) -> None:
    """'the Front, led by Ana Ruiz', 'the faction that Ana Ruiz leads' is not this: a group a person is
    said to be led or headed by has that person as its leader."""
    if token.lemma_.lower() not in LEADING_VERBS or token.tag_ != "VBN" or token.dep_ != "acl":
        return
    group = actor_in(token.head, collect.actors, depth=0)
    if collect.type_of(group) in {None, "person", "country", "location"}:
        return
    for agent in (c for c in token.children if c.dep_ == "agent"):
        for leader_head in (p for p in agent.children if p.dep_ == "pobj"):
            for leader in conjuncts(leader_head):
                leader_id = actor_in(leader, collect.actors, depth=0)
                if collect.type_of(leader_id) == "person":
                    collect.add("affiliation", "leader_of", leader_id, group, token)


def _presence(collect: _Collector, cues: RelationCues, word: Token) -> None:
    """'the Front, which operates in northern Chad', 'the cartel is active in three states': a group said
    to operate, be active or be based in a place is located there; so is a person said to live or be
    based there ('Ana Ruiz, who has been based in Zenda', 'a teacher living in Zenda')."""
    if word.lemma_.lower() not in cues.presence_words or word.pos_ not in {"VERB", "ADJ"}:
        return
    verb = word.head if word.dep_ == "acomp" else word
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and word.dep_ == "acl":
        # "the Front, headquartered in Oslo", "Ana Ruiz, a teacher living in Zenda"
        subject = word.head.head if word.head.dep_ == "appos" and not collect.actors.entity_at(word.head.i) \
            else word.head
    if subject is None:
        return
    group = actor_in(subject, collect.actors, depth=1)
    if collect.type_of(group) in {None, "country", "location"} or (
            collect.type_of(group) == "person" and word.lemma_.lower() not in cues.dwelling_words):
        return
    holders = {word, verb}  # the parser hangs "in" on the adjective or on "is"
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}]
    for prep in preps:
        for place_head in (p for p in prep.children if p.dep_ == "pobj"):
            for place in conjuncts(place_head):
                place_id = actor_in(place, collect.actors, depth=1)
                if collect.type_of(place_id) in {"country", "location"}:
                    collect.add("location", "operates_in", group, place_id, word)


def _known_as_group(collect: _Collector, token: Token) -> None:
    """'Ruritania, Borduria and Syldavia, known as the G3, ...': the states the name is given to are members."""
    if token.lemma_.lower() not in NAMING_VERBS or token.dep_ != "acl" or token.tag_ != "VBN":
        return
    named = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    group = actor_in(named[0], collect.actors, depth=0) if named else None
    if collect.type_of(group) not in GROUP_TYPES:
        return
    members = [actor_in(m, collect.actors, depth=0) for m in conjuncts(token.head)]
    if len(members) >= 2 and all(collect.type_of(m) == "country" for m in members):
        for member in members:
            collect.add("affiliation", "member_of", member, group, token)


BACKING_WORDS = {"backed", "allied", "aligned", "supported", "sponsored", "funded", "armed"}
CONTROL_WORDS = {"controlled", "held", "run", "dominated", "occupied", "ruled"}
LINK_WORDS = {"linked", "affiliated"}  # "the X-linked group Y": Y is X's affiliate
HYPHEN_WORDS = {"based"} | BACKING_WORDS | CONTROL_WORDS | LINK_WORDS


def _hyphen_ties(collect: _Collector, word: Token) -> None:
    """'X-based', 'X-backed', 'X-controlled' before a noun phrase: 'the Mexico-based Sinaloa Cartel'
    and 'the Caracas-based groups A and B' (based in X), 'the Ruritania-backed militia' (an alliance),
    'a rebel-held district of Borduria' (the controller is located in Borduria)."""
    doc = collect.doc
    prefix, hyphen, kind = word.text.rpartition("-")
    kind = kind.lower()
    if hyphen and prefix and kind in HYPHEN_WORDS:
        other = collect.named(prefix)  # "U.S.-based", one word to the tokenizer
    elif word.i >= 2 and word.lower_ in HYPHEN_WORDS and doc[word.i - 1].text == "-":
        kind, other = word.lower_, collect.actors.entity_at(word.i - 2)
    else:
        return
    if not other:
        return
    noun = word.head if word.dep_ in {"amod", "compound"} else word
    if kind in CONTROL_WORDS:
        places = [noun, *[p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
                          for p in c.children if p.dep_ == "pobj"]]
        for place in places:
            place_id = collect.actors.entity_at(place.i)
            if place_id and collect.type_of(place_id) in {"country", "location"} and place_id != other:
                collect.add("location", "located_in", other, place_id, word)
            elif place_id and place_id != other and collect.type_of(place_id) in GROUP_TYPES | SIDES \
                    and collect.type_of(other) not in {"location", "person"}:
                # "the Ruritania-controlled Zenda Corps": a force controlled by a state is part of it
                collect.add("affiliation", "part_of", place_id, other, word)
        return
    last = max([noun.i, *[t.i for c in noun.children if c.dep_ in {"appos", "compound"} for t in c.subtree]])
    named = []
    for start, _end, entity_id in collect.actors.spans:
        if word.i < start <= last + 1 and entity_id != other and entity_id not in named:
            named.append(entity_id)
    if noun.dep_ == "appos":
        # "the Lakeside Group, a Zenda-based consultancy": the name the described noun is set beside
        described = collect.actors.entity_at(noun.head.i)
        if described and described != other and described not in named:
            named.append(described)
    for entity_id in named:
        if kind == "based":
            collect.add("location", "based_in", entity_id, other, word)
        elif kind in LINK_WORDS:
            if collect.type_of(other) not in {"location", "person"}:
                collect.add("affiliation", "part_of", entity_id, other, word)
        elif collect.type_of(other) != "location":
            collect.add("alliance", "backed_by", entity_id, other, word)


def _tie_title(collect: _Collector, cues: RelationCues, entity_id: str, start: int) -> None:
    """"Iran's arch-rival Israel", "Russia's close ally Belarus": a tie noun between a possessor
    and a name. Read on the words, because the parser attaches such titles in many ways."""
    doc = collect.doc
    i = start - 1
    if i < 0 or doc[i].lemma_.lower() not in cues.alliance_nouns | cues.opposition_nouns:
        return
    cls = "alliance" if doc[i].lemma_.lower() in cues.alliance_nouns else "opposition"
    j = i - 1
    while j > 0 and (doc[j].pos_ in {"ADJ", "ADV"} or doc[j].text in {"-", "arch"}):
        j -= 1  # "longtime", "close", "arch-"
    if j > 0 and doc[j].text in POSSESSIVES:
        owner = collect.actors.entity_at(j - 1)
        if owner and collect.type_of(owner) != "location":
            collect.add(cls, cls, owner, entity_id, doc[i])


def _conflict(collect: _Collector, noun: Token) -> None:
    """'the war between Ruritania and Borduria' (the two sides), "Ruritania's war in Borduria" (the
    owner against the state it fights in): a conflict noun names its sides."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    owner = actor_in(possessor, collect.actors, depth=0) if possessor is not None else None
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        objects = [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ == "between" and objects:
            sides = [actor_in(p, collect.actors, depth=0) for p in conjuncts(objects[0])]
            sides = [side for side in sides if side and collect.type_of(side) != "location"]
            for i, first in enumerate(sides):
                for second in sides[i + 1:]:
                    collect.add("opposition", "opposition", first, second, noun)
        elif prep.lower_ in {"in", "on", "against"} and owner and objects:
            target = collect.actors.entity_at(objects[0].i)
            if target and collect.type_of(target) == "country" and collect.type_of(owner) != "location":
                collect.add("opposition", "opposition", owner, target, noun)


def _tie_class(cues: RelationCues, token: Token) -> str | None:
    """The tie a noun states: an alliance ('partnership', or 'ties' said to be close: 'close ties'),
    an opposition ('rival', 'war'), or none."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN":
        return None
    if lemma in cues.alliance_nouns or lemma in cues.support_nouns:
        return "alliance"
    if lemma in cues.opposition_nouns | cues.conflict_nouns:
        return "opposition"
    if lemma in cues.tie_nouns and any(t.lower_ in cues.close_words for c in token.lefts if c.dep_ == "amod"
                                       for t in c.subtree):  # "close political and security ties"
        return "alliance"
    return None


def _alliances(collect: _Collector, cues: RelationCues, token: Token) -> None:
    """'Moscow deepened its alliances with Minsk and Pyongyang', 'a partnership with Beijing', 'Ruritania,
    which has close ties to Borduria'."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in cues.conflict_nouns:
        _conflict(collect, token)
    cls = _tie_class(cues, token)
    if cls is not None:
        _paired_sides(collect, cls, token)
        _named_partner(collect, cls, token)
        owner_token = next((c for c in token.children if c.dep_ == "poss"), None)
        first = token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "Ana Ruiz, a senator and a close ally of the president"
        if owner_token is None and first.dep_ == "appos":
            owner_token = first.head  # "Ana Ruiz, a fierce critic of the junta": Ruiz opposes it
        if owner_token is None:
            governor = token.head.head if token.dep_ == "pobj" else token.head
            if governor.pos_ == "NOUN" and governor.dep_ in {"dobj", "pobj"} and cls == "opposition":
                # "refused to attend a hearing over its dispute with X": the clause's subject is the side
                governor = governor.head.head if governor.dep_ == "pobj" else governor.head
            owner_token = next((c for c in governor.children if c.dep_ == "nsubjpass"), None) \
                if governor.pos_ == "VERB" else None  # "X has been locked in a standoff with Y"
            owner_token = owner_token or (subject_of(governor) if governor.pos_ in {"VERB", "AUX", "ADJ"} else None)
            if owner_token is None and governor.dep_ == "acomp":
                owner_token = subject_of(governor.head)
        # "Ruritania, which has close ties with ...": a relative pronoun is its antecedent
        depth = 1 if owner_token is not None and owner_token.tag_ in {"WDT", "WP"} else 0
        owner = actor_in(owner_token, collect.actors, depth=depth) if owner_token is not None else None
        # "the Quad, an alliance of Japan, India, ...": a named group described as a coalition of
        # states has them as members, not as allies of itself
        members_of = cls == "alliance" and token.dep_ == "appos" and collect.type_of(owner) in GROUP_TYPES
        if lemma in cues.support_nouns:
            # "Ruritania's backing of the Front", "fired in support of the Front": who backs whom
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}]
            named = next((c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}
                          and collect.type_of(collect.actors.entity_at(c.i)) == "country"), None)
            if named is not None and not any(c.dep_ == "poss" for c in token.children):
                owner = collect.actors.entity_at(named.i)  # "Ruritanian military backing of the Front"
            if token.dep_ == "pobj" and token.head.lower_ == "of":
                owner = None  # "with the backing of X": X backs, the owner is not named here
        else:
            preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "of", "between", "to"}
                     and (c.lower_ != "to" or lemma in cues.tie_nouns)]
        for prep in preps:
            for partner_head in (p for p in prep.children if p.dep_ == "pobj"):
                for partner in conjuncts(partner_head):
                    partner_id = actor_in(partner, collect.actors, depth=0)
                    if members_of and prep.lower_ == "of":
                        collect.add("affiliation", "member_of", partner_id, owner, token)
                    else:
                        collect.add(cls, cls, owner, partner_id, token)
        if not preps and token.dep_ == "attr" and token.tag_ == "NNS" and owner_token is not None:
            # "Ruritania and Borduria are old allies": the coordinated subjects are tied to each other;
            # "..., which are Borduran allies": each is tied to the actor the noun names
            sides = [actor_in(t, collect.actors, depth=depth) for t in conjuncts(owner_token)]
            if owner_token.tag_ in {"WDT", "WP"} and owner_token.head.dep_ == "relcl":
                sides = [actor_in(t, collect.actors, depth=0) for t in conjuncts(owner_token.head.head)]
            sides = [side for side in sides if side and collect.type_of(side) != "location"]
            named = next((collect.actors.entity_at(c.i) for c in token.children
                          if c.dep_ in {"amod", "compound", "poss"} and collect.actors.entity_at(c.i)), None)
            for i, first in enumerate(sides):
                for second in [named] if named else sides[i + 1:]:
                    collect.add(cls, cls, first, second, token)
    elif token.pos_ == "VERB" and lemma in cues.alliance_verbs:
        owner = actor_in(subject_of(token), collect.actors, depth=0) if subject_of(token) is not None else None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for partner_head in (p for p in prep.children if p.dep_ == "pobj"):
                    for partner in conjuncts(partner_head):
                        collect.add("alliance", "alliance", owner, actor_in(partner, collect.actors, depth=0), token)


def _paired_sides(collect: _Collector, cls: str, noun: Token) -> None:
    """'the Ruritania-Borduria war', 'the Ruritania-Borduria partnership': actors joined by a hyphen
    before a tie noun are its two sides. Read on the words, since the parser often makes the pair one
    name."""
    doc = collect.doc
    start = min([noun.i, *[t.left_edge.i for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod", "dep"}]])
    # (the parser may hang a one-token pair on the article: "the U.S.-Japan alliance"; the two words before
    # the noun are read whatever their relation)
    start = min(start, max(noun.i - 2, noun.sent.start))
    words = "".join(t.text_with_ws for t in doc[start:noun.i]).split()
    for word in words:
        parts = [p for p in word.split("-") if p]
        if len(parts) < 2:
            continue
        sides = [collect.named(part) for part in parts]
        if all(sides) and len(set(sides)) == len(sides):
            for i, first in enumerate(sides):
                for second in sides[i + 1:]:
                    collect.add(cls, cls, first, second, noun)


def _named_partner(collect: _Collector, cls: str, noun: Token) -> None:
    """'its Borduran ally, Ruritania', 'a Borduran rival, Ruritania': a tie noun modified by one actor
    and set beside the name of another ties the two."""
    modifier = next((c for c in noun.children if c.dep_ in {"amod", "compound"} and collect.actors.entity_at(c.i)),
                    None)
    owner = actor_in(modifier, collect.actors, depth=0) if modifier is not None else None
    if owner is None or collect.type_of(owner) == "location":
        return
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        partner = collect.actors.entity_at(appos.i)
        if modifier.ent_type_ == "NORP" and collect.type_of(partner) == "person":
            continue  # "his Borduran partner, Ana Ruiz": her nationality, not a tie of states
        if partner and collect.type_of(partner) != "location":
            collect.add(cls, cls, owner, partner, noun)


PLACED_TYPES = {"armed_group", "international_organization", "armed_forces"}  # placed by "in", and based types


def _described_place(collect: _Collector, cues: RelationCues, entity_id: str, start: int, head: Token) -> None:
    """An organisation described as a kind of organisation of a state or in a place is located there:
    'the Lakeside Fund, a Thai rights group', 'the Lakeside Fund, a think tank in Oslo', 'the Lebanese
    group Hezbollah', "A and B, Borduria's largest oil producers"; and 'the Lakeside Fund in Oslo',
    'the U.N. office in Ruritania'. The describing noun must be one of organisations (data: org_nouns),
    so that 'Ruritania's Zenda province' or 'the Zenda port in Borduria' place nothing."""
    kind = collect.type_of(entity_id)
    if kind not in cues.based_types | PLACED_TYPES:
        return
    tie = "based_in" if kind in cues.based_types else "operates_in"
    places: list[str | None] = []
    if kind != "organization":  # the catch-all type of names the actor layer could not place
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
            places += [collect.actors.entity_at(t.i) for p in prep.children if p.dep_ == "pobj" for t in conjuncts(p)]
    nouns = [c for c in head.children if c.dep_ == "appos"]
    nouns += [c for c in head.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < start]
    if head.dep_ in {"appos", "compound"} and head.head.i > head.i and kind != "international_organization" \
            and not any(c.dep_ == "poss" for c in head.head.children):
        nouns.append(head.head)  # "the Lakeside Fund think tank in Oslo", not "Borduria's U.N. mission"
    if head.dep_ == "appos" and head.head.i < head.i and head.head.pos_ == "NOUN" and head.head.i >= start - 2:
        nouns.append(head.head)  # "the Kenyan charity Amani Trust"
    if kind == "armed_forces":
        nouns = []  # "the Ruritanian army unit X" is part of the state (read elsewhere); only "in" places it
    for noun in nouns:
        if noun.lemma_.lower() not in cues.org_nouns or collect.actors.entity_at(noun.i):
            continue
        for child in noun.lefts:
            places += [collect.actors.entity_at(t.i) for t in child.subtree
                       if (t.ent_type_ == "NORP" or t.dep_ == "poss") and _bare_modifier(t)]
        for child in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
            places += [collect.actors.entity_at(p.i) for p in child.children if p.dep_ == "pobj"]
    own = collect.actors.entity(entity_id)
    for place in places:
        if place and place != entity_id and collect.type_of(place) in {"country", "location"}:
            home = collect.actors.entity(place)
            if kind == "armed_forces" and own is not None and home is not None and own.country == home.country:
                continue  # "security forces in Ruritania" of Ruritania: at home, no tie to tell
            collect.add("location", tie, entity_id, place, head)


def _bare_modifier(token: Token) -> bool:
    """A modifier that names a place by itself, not the first half of 'Ruritania-backed'."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.text != "-"


def _state_run_words(cues: RelationCues, start: int, head: Token) -> list[Token]:
    """The words before a name in its noun phrase, when they call it run by a state ('state-run', 'the
    state oil company', 'government-owned'); else none."""
    root = head
    while root.dep_ in {"compound", "appos"} and root.head.i > root.i:
        root = root.head
    before = [t for t in root.subtree if t.i < start and t.i >= root.left_edge.i]
    return before if any(t.lower_ in cues.state_owners for t in before) else []


def _state_owned(collect: _Collector, cues: RelationCues, entity_id: str, start: int, head: Token) -> None:
    """An outlet or a company said to be run by a state ("Ruritania's state-run news agency, X", 'the
    state oil company X' of a Ruritanian firm) is part of that state: the state named before it, else
    the state the knowledge base gives it, when the article names it."""
    entity = collect.actors.entity(entity_id)
    if entity is None or entity.type not in {"media", "company"}:
        return
    before = _state_run_words(cues, start, head)
    if not before:
        return
    owners = [collect.actors.entity_at(t.i) for t in before]
    state = next((o for o in owners if o and collect.type_of(o) == "country"), None)
    state = state or collect.states.get(entity.country or "")
    if state is not None:
        collect.add("affiliation", "part_of", entity_id, state, head)


def _fighting(collect: _Collector, cues: RelationCues, verb: Token) -> None:
    """'the Front has been fighting the army' (opposed), 'sent troops to fight alongside the army'
    (allied): organised sides that fight each other, or side by side. Persons, places and unnamed
    enemies make no tie; neither does a fight the clause denies."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.fight_verbs:
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    # "soldiers fighting the Front": a participle's doer is the noun it qualifies
    subject = verb.head if verb.dep_ == "acl" else subject_of(verb)
    if subject is None:
        return
    # the side is named, or a relative pronoun after its name: a description ("the government") may
    # stand for either side of a war
    side = actor_in(subject, collect.actors, depth=1) if subject.tag_ in {"WDT", "WP"} \
        else _named_at(collect, subject)
    if collect.type_of(side) not in SIDES:
        return
    others: list[tuple[str, Token]] = [("opposition", c) for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"against", "alongside"}):
        tie = "opposition" if prep.lower_ == "against" else "alliance"
        others += [(tie, p) for p in prep.children if p.dep_ == "pobj"]
    for tie, head in others:
        for word in conjuncts(head):
            other = actor_in(word, collect.actors, depth=0)
            if collect.type_of(other) in SIDES and other != side:
                collect.add(tie, tie, side, other, verb)


def _named_at(collect: _Collector, word: Token) -> str | None:
    """The actor a noun phrase names by a name or a named modifier ('Ruritanian troops'), not by a
    description or a pronoun that the reference layer resolved."""
    found = collect.actors.entity_at(word.i)
    if found:
        return found
    return next((collect.actors.entity_at(c.i) for c in word.children
                 if c.dep_ in {"amod", "compound", "poss"} and collect.actors.entity_at(c.i)), None)


PARENT_TYPES = {"international_organization", "government_body", "armed_group", "political_party", "ngo",
                "company", "media", "armed_forces"}


def _named_within(collect: _Collector) -> None:
    """'the Lakeside Union Working Group on Fisheries' when the article also names the Lakeside Union: an
    organisation whose name begins with the whole name of another organisation is part of it."""
    for entity in collect.actors.entities:
        if entity.type in {"person", "country", "location"} or entity.id not in collect.first_mention:
            continue
        for text in {m.text for m in entity.mentions}:
            words = text.split()
            if words and words[0].lower() == "the":
                words = words[1:]
            for k in range(1, len(words)):
                parent = collect.names.get(" ".join(words[:k]).lower())
                if parent and parent != entity.id and collect.type_of(parent) in PARENT_TYPES:
                    first = collect.doc[collect.first_mention[entity.id]]
                    collect.add("affiliation", "part_of", entity.id, parent, first)
                    break


RECIPROCAL_VERBS = {"dispute", "feud", "quarrel", "clash"}
OPPOSABLE = SIDES | {"person", "political_party", "international_organization"}  # "X and Y dispute ...": each other


def _opposing(collect: _Collector, cues: RelationCues, verb: Token) -> None:
    """'Ruritania opposes Borduria's expansion', 'the Front contests Borduran claims' (the subject against
    whose thing the object is); 'Ruritania and Borduria have been disputing the islands' (the coordinated
    subjects against each other). Named sides only; a denied opposition makes no tie."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.opposing_verbs:
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    sides = [actor_in(subject, collect.actors, depth=1)] if subject.tag_ in {"WDT", "WP"} \
        else [_named_at(collect, t) for t in conjuncts(subject)]
    sides = [side for side in sides if side and collect.type_of(side) not in {None, "location"}]
    if not sides:
        return
    targets: list[str] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        # "contest parts of Borduria's claims": the object's of-phrase may name whose thing it is
        words = [*conjuncts(obj), *[p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for p in c.children if p.dep_ == "pobj"]]
        reciprocal = verb.lemma_.lower() in RECIPROCAL_VERBS
        for word in words:
            # "dispute the Zenda islands": the thing disputed is no side, only whose it is
            target = _owner_named(collect, word) if reciprocal and word is obj else _named_at(collect, word)
            if target and collect.type_of(target) in OPPOSABLE:
                targets.append(target)
    if targets:
        for side in sides:
            for target in targets:
                collect.add("opposition", "opposition", side, target, verb)
    elif len(sides) > 1 and verb.lemma_.lower() in RECIPROCAL_VERBS:
        for i, first in enumerate(sides):
            for second in sides[i + 1:]:
                collect.add("opposition", "opposition", first, second, verb)


def _owner_named(collect: _Collector, word: Token) -> str | None:
    """The actor a noun phrase's named modifier gives ("Borduria's claims", 'Borduran claims'), not the
    phrase's own name."""
    return next((collect.actors.entity_at(c.i) for c in word.children
                 if c.dep_ in {"amod", "compound", "poss"} and collect.actors.entity_at(c.i)), None)
