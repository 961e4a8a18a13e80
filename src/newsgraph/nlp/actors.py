"""The actor layer: find the actors of an article, link them to the knowledge base, and gather the
mentions of each actor (surnames, titles, metonyms, demonyms, acronyms, possessives) into one entity.

Candidates come from three places, in this order of trust when they overlap: knowledge-base
aliases, rules over the text (demonym + state body, title + name, leader + "administration"), and
spaCy's NER. spaCy's labels are corrected rather than trusted (a lowercase "person" is dropped, an
"organisation" that is a known leader's surname joins the leader).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.kb.loader import KBEntry, KnowledgeBase, fold, slug
from newsgraph.kb.non_actors import NonActors, non_actors
from newsgraph.kb.places import city_countries
from newsgraph.nlp.doctext import tokens_of
from newsgraph.nlp.non_actors import non_actor_spans
from newsgraph.ontology import ActorCues
from newsgraph.record import Entity, Mention

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
POSSESSIVES = {"'s", "’s", "'", "’"}
ORIGIN_RANK = {"kb": 0, "rule": 1, "ner": 2}
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z][A-Za-z]*$")
# A word cased as a name: "Ruiz", but also "McAllister", "DeLuca", "O'Neill", "d'Almeida", "al-Amin"
NAME_CASED = re.compile(r"^(?:[a-z]{1,3}['’-])?[A-Z][a-z]*(?:['’-]?[A-Z]?[a-z]+)*$")


@dataclass
class Candidate:
    start: int  # token index
    end: int  # token index, exclusive
    type: str
    origin: str  # kb | rule | ner
    kb_id: str | None = None
    country: str | None = None
    demonym: bool = False  # a state named only as a modifier ("Venezuelan")
    leader: Candidate | None = None  # for "<leader> administration": the leader's mention
    key: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class ActorResources:
    """What the actor layer builds once per process: the knowledge base and its matchers."""

    kb: KnowledgeBase
    cues: ActorCues
    name_matcher: PhraseMatcher
    demonym_matcher: PhraseMatcher
    non_actors: NonActors = field(default_factory=non_actors)  # diseases, vehicles, laws, events ...


@dataclass
class ActorLayer:
    """The result: entities for the record, and which entity each token belongs to."""

    entities: list[Entity]
    token_entity: dict[int, str] = field(default_factory=dict)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (first token, end token, entity id)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entities}
        self.spans.sort()

    def entity_at(self, token_index: int) -> str | None:
        return self.token_entity.get(token_index)

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.by_id.get(entity_id) if entity_id else None

    def add_mention(self, entity: Entity, start: int, end: int, mention: Mention) -> None:
        """Add a mention over tokens [start, end) to an entity, adding the entity when it is new (a
        holder named only by a title: "the president")."""
        new = entity.id not in self.by_id
        if new:
            self.entities.append(entity)
            self.by_id[entity.id] = entity
        first = not entity.mentions or mention.start < entity.mentions[0].start
        insort(entity.mentions, mention, key=lambda m: m.start)
        entity.aliases = sorted(({*entity.aliases, mention.text}) - {entity.name})
        insort(self.spans, (start, end, entity.id))
        for i in range(start, end):
            self.token_entity[i] = entity.id
        if new or first:
            self.entities.sort(key=lambda e: e.mentions[0].start)

    def relink(self, old_id: str, entity: Entity) -> None:
        """Make the entity `old_id` (an unknown "Wang" after "Foreign Minister") a mention set of
        `entity`, joining it when the article names it elsewhere."""
        old = self.by_id.pop(old_id)
        self.entities.remove(old)
        target = self.by_id.get(entity.id)
        if target is None:
            target = entity
            self.entities.append(target)
            self.by_id[target.id] = target
        target.mentions = sorted([*target.mentions, *old.mentions], key=lambda m: m.start)
        target.aliases = sorted({*target.aliases, *(m.text for m in target.mentions)} - {target.name})
        self.spans = sorted((s, e, target.id if i == old_id else i) for s, e, i in self.spans)
        self.token_entity = {t: target.id if i == old_id else i for t, i in self.token_entity.items()}
        self.entities.sort(key=lambda e: e.mentions[0].start)

    def before(self, token_index: int) -> Iterator[tuple[int, int, str]]:
        """Mentions that end before a token, nearest first: lazily, from the token back, as callers stop
        after a few (a list of all of them, for every pronoun, was quadratic on a very long article)."""
        for index in range(bisect_left(self.spans, (token_index,)) - 1, -1, -1):
            if self.spans[index][1] <= token_index:
                yield self.spans[index]


def build_resources(nlp: Language, kb: KnowledgeBase, cues: ActorCues) -> ActorResources:
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
    tokenizer = nlp.tokenizer
    for form in kb.names:
        names.add(form, [tokenizer(form)])
    for form in kb.demonyms:
        demonyms.add(form, [tokenizer(form)])
    return ActorResources(kb=kb, cues=cues, name_matcher=names, demonym_matcher=demonyms)


def find_actors(doc: Doc, resources: ActorResources, sentence_of: list[int]) -> ActorLayer:
    """Entities of one parsed article. `sentence_of[token.i]` gives each token's sentence index."""
    kb, cues = resources.kb, resources.cues
    candidates = _kb_candidates(doc, resources)
    candidates += _demonym_body_candidates(doc, kb, cues, candidates)
    candidates += _state_body_candidates(doc, kb, cues, candidates)
    candidates += _appositive_name_candidates(doc, cues)
    candidates += _ner_candidates(doc, kb, cues)
    candidates += _defined_acronym_names(doc, cues)
    candidates += _platform_candidates(doc, kb, cues)
    candidates += _possessed_body_candidates(doc, kb, candidates)
    chosen = _resolve_overlaps(candidates)
    chosen += _titled_name_candidates(doc, cues, chosen)
    chosen += _speaker_name_candidates(doc, cues, chosen)
    chosen += _headed_org_candidates(doc, cues, chosen)
    metonyms = _metonym_candidates(doc, cues, chosen)
    chosen += metonyms
    chosen.sort(key=lambda c: c.start)
    _assign_keys(doc, kb, cues, chosen)
    # The metonym replaces the bare name inside it: "the Maduro regime" is a mention of the state.
    leaders = {id(m.leader) for m in metonyms}
    chosen = [c for c in chosen if id(c) not in leaders]
    chosen += _surname_candidates(doc, chosen, cues)
    chosen += _acronym_candidates(doc, chosen)
    chosen = _without_non_actors(doc, chosen, resources.non_actors)
    chosen.sort(key=lambda c: c.start)
    return _build_entities(doc, kb, cues, chosen, sentence_of)


def _without_non_actors(doc: Doc, chosen: list[Candidate], data: NonActors) -> list[Candidate]:
    """Drop the names that are no actor ("the Jaffar Express", "COVID-19", "the Tokyo Olympics") with
    every mention keyed to them; what the knowledge base knows is an actor whatever surrounds it."""
    unknown = [c for c in chosen if not c.kb_id and not c.demonym]
    dropped = non_actor_spans(doc, [(c.start, c.end) for c in unknown], data)
    keys = {unknown[i].key for i in dropped}
    return [c for c in chosen if c.kb_id or c.demonym or c.key not in keys]


# --- candidates ---------------------------------------------------------------------------------


def _kb_candidates(doc: Doc, resources: ActorResources) -> list[Candidate]:
    kb = resources.kb
    found: list[Candidate] = []
    for match_id, start, end in resources.name_matcher(doc):
        form = doc.vocab.strings[match_id]
        entries = kb.lookup(form)
        entry = _pick_entry(doc[start:end], entries)
        if entry is None:
            continue
        if entry.type == "person" and _inside_longer_name(doc, start, end, resources.cues.titles):
            continue
        if _inside_other_name(doc, start, end):
            continue
        if _ends_as_modifier(doc, end):
            continue
        if entry.type == "country" and _names_a_venue(doc, start, end, entry, resources.cues):
            continue
        found.append(Candidate(start, end, entry.type, "kb", kb_id=entry.id, country=entry.country))
    for match_id, start, end in resources.demonym_matcher(doc):
        ids = kb.demonyms.get(doc.vocab.strings[match_id], [])
        if len(ids) != 1:
            continue  # "Congolese", "Dominican": ambiguous without more context
        entry = kb.entries[ids[0]]
        found.append(Candidate(start, end, "country", "kb", kb_id=entry.id, country=entry.country, demonym=True))
    return found


def _names_a_venue(doc: Doc, start: int, end: int, entry: KBEntry, cues: ActorCues) -> bool:
    """'the Paris Agreement', 'the Doha agreement': a capital before the noun of a document or meeting
    made there names where, not who (the state's own name before one, "the Iran agreement", is a party)."""
    if entry.capital is None or doc[start:end].text != entry.capital or end >= len(doc):
        return False
    head = doc[end - 1].head
    return (doc[end - 1].dep_ in {"compound", "nmod", "amod"} and head.i >= end
            and head.lemma_.lower() in cues.named_after_venues)


def _possessed_body_candidates(doc: Doc, kb: KnowledgeBase, found: list[Candidate]) -> list[Candidate]:
    """"The agency's Board of Governors", "the watchdog's Board of Governors": a capitalised name after
    a known organisation's possessive is the organ of that organisation whose name ends with it
    (one knowledge-base entry that is part of the possessor)."""
    extra = []
    for owner in (c for c in found if c.kb_id and c.origin == "kb"):
        if owner.end + 1 >= len(doc) or doc[owner.end].text not in POSSESSIVES:
            continue
        end = owner.end + 1
        while end < len(doc) and (doc[end].is_title or (doc[end].lower_ in {"of", "for", "and"} and end + 1 < len(doc)
                                                         and doc[end + 1].is_title)):
            end += 1
        phrase = doc[owner.end + 1:end].text
        if not phrase or len(phrase.split()) < 2:
            continue
        organs = [e for e in kb.entries.values() if e.part_of == owner.kb_id
                  and any(form.endswith(phrase) or form.endswith(phrase.lower()) for form in e.surface_forms())]
        if len(organs) == 1:
            extra.append(Candidate(owner.end + 1, end, organs[0].type, "kb", kb_id=organs[0].id,
                                   country=organs[0].country))
    return extra


def _platform_candidates(doc: Doc, kb: KnowledgeBase, cues: ActorCues) -> list[Candidate]:
    """'posted on X', 'said via X': a platform whose name is a letter, after the words that name a
    medium's channel (actor_cues.yaml: platforms)."""
    found = []
    tokens = tokens_of(doc)
    for token in tokens[1:]:
        kb_id = cues.platforms.get(token.text)
        if kb_id in kb.entries and tokens[token.i - 1].lower_ in cues.platform_prepositions:
            entry = kb.entries[kb_id]
            found.append(Candidate(token.i, token.i + 1, entry.type, "kb", kb_id=entry.id, country=entry.country))
    return found


def _pick_entry(span: Span, entries: list[KBEntry]) -> KBEntry | None:
    if len(entries) <= 1:
        return entries[0] if entries else None
    wanted = {"PERSON": "person", "GPE": "country"}.get(span.root.ent_type_)
    typed = [e for e in entries if e.type == wanted]
    if len(typed) == 1:
        return typed[0]
    non_people = [e for e in entries if e.type != "person"]
    # Two people sharing an alias cannot be told apart here; an organisation and a state can.
    return non_people[0] if len(non_people) == 1 else None


def _ends_as_modifier(doc: Doc, end: int) -> bool:
    """'U.S. military activity': the alias 'U.S. military' is an adjective here, not the armed forces."""
    last = doc[end - 1]
    return last.tag_ == "JJ" and last.dep_ == "amod" and last.head.i >= end


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """A one-word alias ("Congress") in the middle of a longer name the NER found ("the National
    Congress Party"), capitalised words on both sides, is a word of that other name."""
    if end - start != 1 or start == 0 or end >= len(doc):
        return False
    before, word, after = doc[start - 1], doc[start], doc[end]
    return (word.ent_iob_ == "I" and after.ent_iob_ == "I" and word.ent_type_ == after.ent_type_
            and before.ent_type_ == word.ent_type_ and before.is_title and after.is_title)


def _inside_longer_name(doc: Doc, start: int, end: int, titles: frozenset[str] = frozenset()) -> bool:
    """A surname alias ("Trump", "al-Amin") inside another person's name ("Eric Trump", "Ali al-Amin") is
    not that person; a title the NER took into the name ("President Trump") is no given name."""
    if end - start != 1 and not doc[start].is_lower:
        return False
    before = doc[start - 1] if start > 0 else None
    return bool(before is not None and before.ent_type_ == "PERSON" and before.is_title
                and before.lower_ not in titles
                and doc[start].ent_type_ == "PERSON" and doc[start].ent_iob_ == "I")


def _demonym_body_candidates(doc: Doc, kb: KnowledgeBase, cues: ActorCues,
                             found: list[Candidate]) -> list[Candidate]:
    """'Venezuelan military', 'Iranian Foreign Ministry': a state's body named by demonym and noun."""
    extra = []
    demonyms = [c for c in found if c.demonym and c.end < len(doc)]
    if not demonyms:
        return extra
    by_first = cues.bodies_by_first_word
    for demonym in demonyms:
        for phrase, actor_type in by_first.get(doc[demonym.end].lower_, ()):
            end = demonym.end + len(phrase)
            if end <= len(doc) and tuple(t.lower_ for t in doc[demonym.end:end]) == phrase:
                body = _kb_body(kb, demonym.country, actor_type, " ".join(phrase))
                extra.append(Candidate(demonym.start, end, actor_type, "rule", kb_id=body.id if body else None,
                                       country=demonym.country, key=_body_key(demonym.country, phrase)))
                break
    return extra


def _body_key(country: str | None, phrase: tuple[str, ...]) -> str:
    """One entity for one state's body however it is named ("Ruritanian army", "the army")."""
    return f"body:{country}:{' '.join(phrase)}"


def _state_body_candidates(doc: Doc, kb: KnowledgeBase, cues: ActorCues, found: list[Candidate]) -> list[Candidate]:
    """State bodies named without a demonym: "Ruritania's coast guard" (the possessor's state) and
    "the army", "the Interior Ministry" (the state the article has named most so far)."""
    states = sorted((c for c in found if c.type == "country" and c.country), key=lambda c: c.start)
    demonym_ends = {c.end: c.country for c in found if c.demonym}
    extra = []
    by_first = cues.bodies_by_first_word
    lowered = [t.lower_ for t in tokens_of(doc)]
    # "the military ... the military spokesperson": a body named again without its state is the one
    # named before, not the body of whichever state the text has just mentioned
    named_before: dict[tuple[str, ...], str] = {}
    i = 0
    while i < len(doc):
        match = next(((phrase, kind) for phrase, kind in by_first.get(lowered[i], ())
                      if tuple(lowered[i:i + len(phrase)]) == phrase), None)
        if match is not None and i in demonym_ends and demonym_ends[i]:
            # "the Pakistani military ... The military said": named with its state once, the body keeps it
            named_before[match[0]] = demonym_ends[i]  # type: ignore[assignment]
        if match is None or i in demonym_ends:
            i += 1
            continue
        phrase, actor_type = match
        end = i + len(phrase)
        if (doc[end - 1].dep_ == "amod" or doc[end - 1].pos_ == "ADJ") and doc[end - 1].head.lower_ not in cues.titles:
            # "Ruritania's military buildup": an adjective, not the armed forces; but "Ruritania's
            # military spokesman" names the spokesman of its armed forces
            i = end
            continue
        before_text, before_lower = (doc[i - 1].text, doc[i - 1].lower_) if i else ("", "")
        country = None
        first = i
        if before_text in POSSESSIVES and i >= 2:
            owner = next((c for c in states if c.end == i - 1), None)
            country = owner.country if owner is not None else None
            if owner is not None:
                first = owner.start  # "Ruritania's coast guard" is the body's name in the text
        elif (named := next((c for c in states if c.end == i), None)) is not None and \
                doc[i - 1].dep_ in {"compound", "nmod"} and doc[i - 1].head.i >= i:
            # "the C.A.R. military", "Iraq army units": a state's name as the modifier of its body
            country, first = named.country, named.start
        elif end + 1 < len(doc) and lowered[end] == "of" and (
                owner_after := next((c for c in states if c.start == end + 1), None)) is not None \
                and (owner_after.end >= len(doc) or doc[owner_after.end].text not in POSSESSIVES):
            # "the foreign ministry of Kenya", "the Ministry of Defence of Nigeria": the state named after
            # its body is the body's, and part of its name in the text (not "the assembly of Bosnia's
            # Serb republic", where the state only owns the next owner)
            country, end = owner_after.country, owner_after.end
        elif end + 1 < len(doc) and lowered[end] == "in" and phrase in cues.bodies_alone and (
                actor_type == "government_body" or phrase == ("security", "forces")) and (
                here := next((c for c in states if c.start == end + 1), None)) is not None \
                and (here.end >= len(doc) or doc[here.end].text not in POSSESSIVES):
            # "police in Ruritania arrested ...", "the security forces in Zenda": a state's own
            # police, courts or ministries work in it (troops or an army in a country may be a foreign one)
            country = here.country
        elif before_lower == "the" and phrase in cues.bodies_alone and not (
                end < len(doc) and doc[end].lower_ == "of"):
            country = named_before.get(phrase) or _home_state(states, i) or _home_state(states, len(doc))
        elif phrase in cues.bodies_alone and (doc[end - 1].dep_ in {"nsubj", "nsubjpass"} or (
                doc[end - 1].dep_ == "pobj" and doc[end - 1].head.lower_ in FIGHT_PREPS)) and not any(
                c.dep_ in {"det", "poss", "amod", "compound", "nummod"} and c.i < i for c in doc[end - 1].children):
            # "Police raided the offices", "security forces fired", "a gun battle with police": a bare body
            # as the subject, or after 'with', 'by', 'against' or 'on', is the home state's, as "the army"
            # is (in an opening sentence that names no state yet, the state the story names most)
            country = named_before.get(phrase) or _home_state(states, i) or _home_state(states, len(doc))
        elif phrase in cues.bodies_alone and (holder := _titled_holder(doc, found, end, cues)) is not None:
            # "Foreign Ministry spokeswoman Ana Ruiz": the ministry of the state the holder serves
            country = holder.country
        elif before_lower == "its" and phrase in cues.bodies_alone:
            # "Ruritania's atomic agency and its foreign ministry": the state named last
            country = next((c.country for c in reversed(states) if c.end <= i), None)
        if country:
            named_before[phrase] = country
            body = _kb_body(kb, country, actor_type, " ".join(phrase))
            extra.append(Candidate(first, end, actor_type, "rule", kb_id=body.id if body else None,
                                   country=country, key=_body_key(country, phrase)))
        i = end
    return extra


FIGHT_PREPS = {"with", "by", "against", "on"}  # "clashed with police", "beaten by police", "fired on police"


def _titled_holder(doc: Doc, found: list[Candidate], end: int, cues: ActorCues) -> Candidate | None:
    """A known person named right after a body and a title ("Foreign Ministry spokeswoman Ana Ruiz")."""
    for candidate in found:
        if candidate.type == "person" and candidate.country and end < candidate.start <= end + 2 \
                and all(t.lower_ in cues.titles for t in doc[end:candidate.start]):
            return candidate
    return None


def _home_state(states: list[Candidate], position: int) -> str | None:
    """The state named most often before a position (the latest of equals): whose army "the army" is."""
    counts: dict[str, tuple[int, int]] = {}
    last_end = -1
    for state in states:
        if state.start >= position:
            break
        if state.start < last_end:
            continue  # the same mention found twice ("the United States" by the KB, "United States" by the NER)
        last_end = state.end
        seen, _ = counts.get(state.country or "", (0, 0))
        counts[state.country or ""] = (seen + 1, state.start)
    return max(counts, key=lambda c: counts[c]) if counts else None


def _appositive_name_candidates(doc: Doc, cues: ActorCues) -> list[Candidate]:
    """A name set off by commas after a role: "the bank's governor, Ana Ruiz Vidal, said" (the NER
    often misses or splits such names)."""
    tokens = tokens_of(doc)
    extra = []
    for i in range(2, len(doc) - 2):
        if tokens[i - 1].text != "," or tokens[i - 2].lower_.rstrip("s") not in cues.titles \
                or tokens[i - 2].lower_ in {"the", "a", "an", "of", "for"}:
            continue
        end = i
        while end < len(doc) and end - i < 4 and _name_cased(tokens[end]) and tokens[end].tag_ in {"NNP", "NNPS"}:
            end += 1
        if end - i >= 2 and end < len(doc) and tokens[end].text == "," and tokens[end - 1].lower_ not in cues.org_heads:
            extra.append(Candidate(i, end, "person", "rule"))
    return extra


# the answers of _kb_body per knowledge base: asked at every mention of a state body, each question scanned
# every entry of the knowledge base (a knowledge base is never changed once loaded)
_BODIES: weakref.WeakKeyDictionary[KnowledgeBase, dict[tuple[str | None, str, str], KBEntry | None]] = (
    weakref.WeakKeyDictionary())


def _kb_body(kb: KnowledgeBase, country: str | None, actor_type: str, noun: str) -> KBEntry | None:
    """The known body of that state the phrase names, when exactly one fits."""
    known = _BODIES.setdefault(kb, {})
    key = (country, actor_type, noun)
    if key not in known:
        known[key] = _find_kb_body(kb, country, actor_type, noun)
    return known[key]


def _find_kb_body(kb: KnowledgeBase, country: str | None, actor_type: str, noun: str) -> KBEntry | None:
    bodies = [e for e in kb.entries.values() if e.country == country and e.type == actor_type]
    if actor_type == "armed_forces":
        national = [e for e in bodies if e.id.endswith("-armed-forces")]
        if noun in {"military", "armed forces"} and len(national) == 1:
            return national[0]
    # the noun must close one of the body's names ("Ruritanian Navy"), not merely occur inside one
    # ("Coordinator of Government Activities" is no government)
    phrase = noun.split()
    named = [e for e in bodies if any(fold(form).split()[-len(phrase):] == phrase for form in e.surface_forms())]
    return named[0] if len(named) == 1 else None


def _opens_sentence(token: Token) -> bool:
    """The first word of a sentence, or of a quotation that opens one ('“Coordinated strikes ...')."""
    if token.is_sent_start:
        return True
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.is_quote and (before.is_sent_start or before.i == 0)


def _ner_candidates(doc: Doc, kb: KnowledgeBase, cues: ActorCues) -> list[Candidate]:
    found = []
    for ent in (piece for whole in doc.ents for piece in _set_off_names(whole)):
        if ent.label_ not in NER_LABELS or ent.label_ == "NORP":
            continue  # demonyms come from the knowledge base; other NORP spans are not actors
        span = _clean_span(doc, ent.start, ent.end, ent.label_, cues)
        if span is None:
            continue
        start, end = span
        if ent.label_ == "ORG":
            end = _through_state_name(doc, start, end, kb)
        text = doc[start:end].text
        if text.casefold() in cues.not_actors or not any(t.is_title or t.is_upper for t in doc[start:end]):
            continue
        if doc[end - 1].text.endswith("-"):
            continue  # "Mexican- and Canadian-made cars": half of a hyphenated modifier, no name
        if ent.label_ != "PERSON" and _only_generic_words(doc[start:end], cues):
            continue  # "the Army", "Supreme", "National Security": no actor named
        if end - start == 1 and _opens_sentence(doc[start]) and doc[start].pos_ != "PROPN" \
                and not doc[start].is_upper and not kb.lookup(doc[start].text):
            continue  # "Coordinated attacks ...", "Wreckage was found": a common word capitalised to open a sentence
        if re.search(r"[/-]", text) and all(
                kb.lookup(part.strip()) for part in re.split(r"[/-]", text) if part.strip()):
            continue  # "U.S.-Japan", "Senkaku/Diaoyu": a pair of known names, not an actor
        if doc[end - 1].lower_ in cues.place_heads or _named_as_place(doc, start, cues):
            found.append(Candidate(start, end, "location", "ner"))  # "Boni Forest", "the town of Goma"
            continue
        if ent.label_ in {"GPE", "LOC"} and _after_person_title(doc, start, end, cues):
            found.append(Candidate(start, end, "person", "ner"))  # "adviser Ana Ruiz" tagged as a place
            continue
        if ent.label_ == "PERSON":
            if not _looks_like_name(doc[start:end], cues):
                continue
            end = _extend_name(doc, end, kb)
            start = _extend_name_left(doc, start, cues)
            actor_type = "person"
        elif ent.label_ == "ORG" and _speaks_like_a_person(doc[start:end], cues):
            actor_type = "person"
        elif ent.label_ == "ORG" and end - start == 1 and _speaks_like_a_person(
                doc[(given := _extend_name_left(doc, start, cues)):end], cues):
            # "Siyoka Simasiku, director at ...": the NER kept the surname as an organisation
            start, actor_type = given, "person"
        elif ent.label_ == "ORG" and text in city_countries():
            # "Quetta", "Bouaké" read as organisations by the NER: a city, in its country
            found.append(Candidate(start, end, "location", "ner", country=city_countries()[text]))
            continue
        elif ent.label_ == "ORG":
            actor_type = _org_type(doc[start:end], cues)
        else:
            actor_type = "location"
        found.append(Candidate(start, end, actor_type, "ner"))
    return found


def _named_as_place(doc: Doc, start: int, cues: ActorCues) -> bool:
    """'the town of Goma', 'the province of Idlib': a name given as what a place noun is called."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in cues.place_nouns


def _through_state_name(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> int:
    """'Court of Bosnia and | Herzegovina': the NER may cut an organisation's name inside the name of
    the state it is "of"; the name runs to the end of the state's."""
    of = next((i for i in range(end - 1, start, -1) if doc[i].lower_ == "of"), None)
    if of is None:
        return end
    for extra in range(1, 4):
        if end + extra > len(doc):
            break
        if any(e.type == "country" for e in kb.lookup(doc[of + 1:end + extra].text)):
            return end + extra
    return end


def _speaks_like_a_person(span: Span, cues: ActorCues) -> bool:
    """An unknown two- or three-word "organisation" with no organisation word in it that is described
    as a person ("Ana Ruiz, a researcher at ...") or speaks as one ("..., said Ana Ruiz"): the NER
    often takes unfamiliar personal names for organisations."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(_name_cased(t) for t in words):
        return False
    if any(t.lower_ in cues.org_heads or t.lower_.removesuffix("s") in cues.org_heads
           or t.lower_ in cues.generic_name_words for t in words):
        return False  # "Open Society Foundations": an organisation's word, singular or plural
    return _speaks_like_a_person_token(span.root, cues)


def _speaks_like_a_person_token(root: Token, cues: ActorCues) -> bool:
    described = any(c.dep_ == "appos" and c.lower_.rstrip("s") in cues.titles | cues.person_nouns
                    for c in root.children)
    # "one pastor, Ana Ruiz of ...": the name set beside a noun for a person is that person's
    described = described or (root.dep_ == "appos"
                              and root.head.lower_.rstrip("s") in cues.titles | cues.person_nouns)
    speaking = root.dep_ in {"nsubj", "dobj", "attr"} and root.head.lemma_.lower() in cues.person_verbs
    # "Ana Ruiz, who heads a rights foundation, ...": "who" is said of people, not of organisations
    who = any(c.dep_ == "relcl" and any(g.lower_ in {"who", "whom"} and g.i < c.i for g in c.children)
              for c in root.children)
    return described or speaking or who


def _after_person_title(doc: Doc, start: int, end: int, cues: ActorCues) -> bool:
    """Two or three capitalised words right after a personal title word ("adviser", "minister")."""
    title = doc[start - 1].lower_ if start > 0 else ""
    return (title in cues.titles and title not in cues.generic_name_words | {"the", "a", "an", "of", "for"}
            and 2 <= end - start <= 3 and all(_name_cased(t) for t in doc[start:end]) and doc[start - 1].is_lower)


def _name_cased(token: Token) -> bool:
    return token.is_title or bool(NAME_CASED.match(token.text))


def _set_off_names(ent: Span) -> list[Span]:
    """'the Ministry of Culture, Ana Ruiz, said': the NER may run an organisation and the name set off after
    it into one span; a part after a comma that the parser reads as an apposition to a word before the
    span is a name of its own (a person when every word of it is capitalised)."""
    doc = ent.doc
    for comma in range(ent.end - 2, ent.start, -1):
        if doc[comma].text != ",":
            continue
        tail = doc[comma + 1:ent.end]
        root = tail.root
        # (a lower-case part joined by a hyphen, "Zia-ul", is part of the name)
        if root.dep_ == "appos" and root.head.i < ent.start and all(
                t.text[:1].isupper() or t.is_punct or doc[t.i - 1].text == "-" for t in tail):
            return [Span(doc, ent.start, comma, label=ent.label_), Span(doc, comma + 1, ent.end, label="PERSON")]
    return [ent]


def _clean_span(doc: Doc, start: int, end: int, label: str, cues: ActorCues) -> tuple[int, int] | None:
    """Trim determiners, titles, possessives and lower-case modifiers ("pro-Western Party of
    Hope" -> "Party of Hope"); keep what follows an inner possessive."""
    for i in range(start, end):
        if doc[i].text in POSSESSIVES and i + 1 < end:
            start = i + 1  # "Israel's Institute for ..." -> "Institute for ..."
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                           or (doc[start].text[:1].islower() and doc[start].text not in cues.name_particles)):
        if start + 2 < end and doc[start + 1].text == "-" and doc[start].text[:1].islower():
            start += 2  # "pro-Western", "anti-government": the prefix takes its word with it
        start += 1
    if label == "PERSON":
        while start < end - 1 and (doc[start].lower_ in cues.titles or doc[start].lower_.rstrip("s") in cues.titles) \
                and _name_cased(doc[start + 1]):
            start += 1
    # "Beyond Ukraine, ...", "Wreckage & ...": a capitalised preposition, adverb or conjunction at a
    # sentence's start is no part of a name
    while start < end - 1 and doc[start].tag_ in {"IN", "RB", "CC", "UH"} and doc[start].is_sent_start:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].tag_ == "CC"):
        end -= 1
    return (start, end) if end > start else None


def _only_generic_words(span: Span, cues: ActorCues) -> bool:
    if any(ORDINAL.match(t.text) for t in span):
        return False  # "the 33rd Front": the number names one unit among many
    generic = cues.titles | cues.org_heads.keys() | cues.generic_name_words
    words = [t.lower_ for t in span if t.is_alpha]
    if len(words) >= 3 and words[-1] not in cues.titles and all(
            t.is_title for t in span if t.is_alpha and t.lower_ not in {"of", "the", "and"}):
        return False  # "National Congress Party", "National Islamic Front": generic words make up a name
    return bool(words) and all(w in generic or w.rstrip("s") in generic for w in words)


def _looks_like_name(span: Span, cues: ActorCues) -> bool:
    # the second half of a hyphenated name part counts with the first ("Ing-wen", "Jean-luc")
    words = [t for t in span if not t.is_punct and not (t.i > 0 and t.doc[t.i - 1].text == "-"
                                                        and not t.doc[t.i - 1].whitespace_)]
    if not words or not _name_cased(words[0]):
        return False
    return all(_name_cased(t) or t.is_upper or t.text in cues.name_particles for t in words)


def _extend_name(doc: Doc, end: int, kb: KnowledgeBase) -> int:
    """spaCy often stops a Spanish name one word short ("Claudia Sheinbaum" for "Claudia Sheinbaum
    Pardo") and a hyphenated given name at its hyphen ("Tsai Ing" for "Tsai Ing-wen")."""
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha):
        end += 2
    while end < len(doc):
        token = doc[end]
        if not (token.tag_ == "NNP" and _name_cased(token) and token.ent_type_ in {"", "PERSON"}):
            break
        if kb.lookup(token.text) or token.whitespace_ == "" and end + 1 < len(doc) and doc[end + 1].text in POSSESSIVES:
            break
        end += 1
    return end


def _extend_name_left(doc: Doc, start: int, cues: ActorCues) -> int:
    """The NER sometimes keeps only the last word of an unfamiliar name ("Dr. Olajide Idris" ->
    "Idris"): a capitalised proper noun right before it, not a title, is the given name."""
    while (start > 0 and doc[start - 1].pos_ == "PROPN" and _name_cased(doc[start - 1])
           and doc[start - 1].lower_ not in cues.titles and doc[start - 1].ent_type_ in {"", "PERSON"}
           and doc[start - 1].tag_ == "NNP" and doc[start - 1].lower_ not in cues.org_heads):
        start -= 1
    return start


def _org_type(span: Span, cues: ActorCues) -> str:
    """Typed by its head noun: the last word before the first preposition ('Institute for ...',
    'Families Against Cartel Terrorism'), else any known head word."""
    head_part = []
    for token in span:
        if token.pos_ in {"ADP", "CCONJ"} or (token.is_lower and token.i > span.start):
            break
        head_part.append(token)
    for token in [*reversed(head_part), *reversed(span)]:
        actor_type = cues.org_heads.get(token.lower_)
        if actor_type:
            return actor_type
    # no head word says what kind it is: an organisation of unknown kind, not a guessed NGO
    return "organization"


def _titled_name_candidates(doc: Doc, cues: ActorCues, chosen: list[Candidate]) -> list[Candidate]:
    """Names the NER missed behind a title: 'spokesperson Esmaeil Baqaei' (two or more capitalised words)."""
    tokens = tokens_of(doc)
    covered = _covered(chosen)
    extra = []
    i = 1
    while i < len(doc):
        if tokens[i - 1].lower_ in cues.titles and tokens[i - 1].lower_ not in {"the", "a", "an", "of", "for"}:
            while i < len(doc) and tokens[i].lower_.rstrip("s") in cues.titles and tokens[i].is_title:
                i += 1  # "Foreign Ministers Ana Ruiz and ...": the plural title is not the name
            end = i
            while (end < len(doc) and end not in covered and tokens[end].tag_ == "NNP" and _name_cased(tokens[end])
                   and tokens[end].ent_type_ in {"", "PERSON"}):
                end += 1
            if end - i >= 2 and tokens[end - 1].lower_ not in cues.org_heads:
                extra.append(Candidate(i, end, "person", "rule"))
                i = end
                continue
            name = _name_after_office(doc, i, cues, covered)
            if name is not None:
                extra.append(Candidate(*name, "person", "rule"))
                i = name[1]
                continue
        i += 1
    return extra


def _name_after_office(doc: Doc, i: int, cues: ActorCues, covered: set[int]) -> tuple[int, int] | None:
    """'Minister of Armed Forces Florence Parly', 'Coordinator for Sudan Clementine Nkweta-Salami': a
    title that names its office with "of"/"for" runs on in capitals into the holder's name. The name
    is the last two or three name-cased words of the run, after the office's own words (organisation
    words, titles, places)."""
    tokens = tokens_of(doc)
    if i >= len(doc) or tokens[i].lower_ not in {"of", "for"}:
        return None
    end = i + 1
    while end < len(doc) and (
            (tokens[end].tag_ in {"NNP", "NNPS"} and _name_cased(tokens[end]))
            or (tokens[end].text == "-" and end + 1 < len(doc) and tokens[end + 1].tag_ == "NNP")):
        end += 1
    start = end
    office_words = cues.org_heads.keys() | cues.titles | cues.generic_name_words
    while start - 1 > i + 1 and tokens[start - 1].lower_ not in office_words and start - 1 not in covered and (
            tokens[start - 1].ent_type_ not in {"GPE", "NORP", "LOC", "ORG"} or tokens[start - 1].text == "-") \
            and sum(1 for t in doc[start - 1:end] if t.text != "-") <= 3:
        start -= 1
    words = [t for t in doc[start:end] if t.text != "-"]
    if len(words) < 2 or start <= i + 1 or tokens[start].text == "-" or any(t.i in covered for t in words):
        return None
    return start, end


NAME_TAGS = {"PROPN", "INTJ"}


def _speaker_name_candidates(doc: Doc, cues: ActorCues, chosen: list[Candidate]) -> list[Candidate]:
    """A capitalised name the NER missed that speaks ("Amara Okafor said ...", "..., said Okafor"):
    the subject of a verb of saying, made of name-cased proper nouns and no organisation word, is a
    person."""
    covered = _covered(chosen)
    extra = []
    for token in tokens_of(doc):
        # the tagger may take a short unfamiliar name for an interjection ("..., Oh said")
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in cues.person_verbs \
                or token.pos_ not in NAME_TAGS:
            continue
        parts = sorted([token, *(c for c in token.children if c.dep_ in {"compound", "flat"})], key=lambda t: t.i)
        start, end = parts[0].i, parts[-1].i + 1
        words = doc[start:end]
        if (end - start != len(parts) or any(i in covered for i in range(start, end)) or end - start > 3
                or not all(_name_cased(t) and t.pos_ in NAME_TAGS for t in words)
                or any(t.lower_ in cues.org_heads or t.lower_ in cues.titles or t.lower_ in cues.generic_name_words
                       or t.text.casefold() in cues.not_actors for t in words)):
            continue
        if end - start == 1 and any(doc[start].text in {doc[c.start].text, doc[c.end - 1].text}
                                    for c in [*chosen, *extra] if c.type == "person" and c.length >= 2):
            continue  # one word of a name given in full before: the same person (_surname_candidates)
        extra.append(Candidate(start, end, "person", "rule"))
    return extra


HEADED_ORG_TYPES = {"armed_group", "criminal_organization", "armed_forces", "government_body",
                    "political_party", "think_tank"}


def _headed_org_candidates(doc: Doc, cues: ActorCues, chosen: list[Candidate]) -> list[Candidate]:
    """Organisations the NER missed, named by capitalised words ending in a telling head noun
    ('the Juárez Cartel', 'Quds Force', 'Popular Mobilization Forces')."""
    covered = _covered(chosen)
    extra = []
    tokens = tokens_of(doc)
    i = 0
    while i < len(tokens):
        end = i
        # an ordinal may open the name of a unit or a front ("the 33rd Front", "82nd Airborne Division")
        if ORDINAL.match(tokens[i].text) and i + 1 < len(tokens) and tokens[i + 1].is_title and i not in covered:
            end = i + 1
        while end < len(tokens) and end not in covered and tokens[end].is_title and tokens[end].tag_ in {"NNP", "NNPS"}:
            end += 1
        if end - i >= 2:
            head_type = cues.org_heads.get(tokens[end - 1].lower_)
            text = doc[i:end].text
            if (head_type in HEADED_ORG_TYPES and text.casefold() not in cues.not_actors
                    and not _only_generic_words(doc[i:end], cues)):
                extra.append(Candidate(i, end, head_type, "rule"))
        i = max(end, i + 1)
    return extra


def _metonym_candidates(doc: Doc, cues: ActorCues, chosen: list[Candidate]) -> list[Candidate]:
    """'the Trump administration', 'the Maduro regime': a leader's name + noun names the leader's state."""
    extra = []
    for candidate in chosen:
        if candidate.type != "person" or candidate.end >= len(doc):
            continue
        if doc[candidate.end].lower_ in cues.state_metonym_nouns:
            extra.append(Candidate(candidate.start, candidate.end + 1, "country", "rule", leader=candidate))
    return extra


def _acronym_candidates(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """'Coalition for Maritime Safety (CMS)': the acronym names the same actor,
    there and wherever else it appears in the article."""
    by_form: dict[str, Candidate] = {}
    for candidate in chosen:
        if candidate.type in {"person", "country", "location"} or candidate.end + 2 >= len(doc):
            continue
        open_paren, acronym, close_paren = doc[candidate.end], doc[candidate.end + 1], doc[candidate.end + 2]
        if (open_paren.text == "(" and close_paren.text == ")" and ACRONYM.match(acronym.text)
                and _initials_fit(doc[candidate.start:candidate.end], acronym.text)):
            by_form[acronym.text] = candidate
    covered = _covered(chosen)
    extra = []
    for token in tokens_of(doc):
        owner = by_form.get(token.text)
        if owner is not None and token.i not in covered:
            extra.append(Candidate(token.i, token.i + 1, owner.type, "rule", kb_id=owner.kb_id,
                                   country=owner.country, key=owner.key))
    # An NER candidate that is the acronym joins the long name.
    for candidate in chosen:
        owner = by_form.get(doc[candidate.start:candidate.end].text)
        if owner is not None and candidate is not owner and not candidate.kb_id:
            candidate.key, candidate.type, candidate.country = owner.key, owner.type, owner.country
    return extra


HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"}
NAME_FUNCTION_WORDS = {"for", "of", "the", "and", "on", "against", "in", "de", "la", "del", "los", "las", "&"}


def _defined_acronym_names(doc: Doc, cues: ActorCues) -> list[Candidate]:
    """'Coalition for Maritime Safety (CMS)': the words before a bracketed acronym whose initials
    spell it are an organisation's name, even where the NER saw none."""
    found = []
    tokens = tokens_of(doc)
    for token in tokens[1:-2]:
        if token.text != "(" or tokens[token.i + 2].text != ")" or not ACRONYM.match(tokens[token.i + 1].text):
            continue
        acronym = tokens[token.i + 1]
        start = token.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in NAME_FUNCTION_WORDS) \
                and not doc[start - 1].is_sent_start:
            start -= 1
        if start > 0 and doc[start - 1].is_sent_start and doc[start - 1].is_title:
            start -= 1
        while start < token.i and doc[start].lower_ in NAME_FUNCTION_WORDS:
            start += 1
        span = doc[start:token.i]
        if span.text.casefold() in cues.not_actors:
            continue  # "Foreign Terrorist Organizations (FTOs)": a designation, not an actor
        if len(span) >= 2 and _initials_fit(span, acronym.text) and len(_initials(span)) <= len(acronym.text) + 1:
            found.append(Candidate(start, token.i, _org_type(span, cues), "rule"))
    return found


def _initials(span: Span) -> str:
    return "".join(t.text[0] for t in span if t.text[:1].isupper())


def _surname_candidates(doc: Doc, chosen: list[Candidate], cues: ActorCues) -> list[Candidate]:
    """A surname alone ('Valdivieso added') after the full name, where the NER did not tag it; or, as a
    speaker, a family name that comes first ('Lee Hsien Loong ... Lee said'), when no one else's name
    ends with it."""
    covered = _covered(chosen)
    surnames: dict[str, Candidate] = {}
    first_names: dict[str, Candidate] = {}
    family_names: dict[str, Candidate] = {}  # known people of states that write the family name first
    for candidate in chosen:
        if candidate.type == "person" and candidate.length >= 2:
            words = [t for t in doc[candidate.start:candidate.end] if _name_cased(t)]
            if words:
                surnames.setdefault(words[-1].text, candidate)
                first_names.setdefault(words[0].text, candidate)
                if candidate.kb_id and candidate.country in cues.family_name_first:
                    family_names.setdefault(words[0].text, candidate)
    extra = []
    for token in tokens_of(doc):
        owner = surnames.get(token.text)
        speaking = token.dep_ == "nsubj" and token.head.lemma_.lower() in cues.person_verbs
        if owner is None and speaking:
            owner = first_names.get(token.text)
        if owner is None:
            # "President Moon Jae-in ... Moon later reversed course": the family name alone, whatever the verb
            owner = family_names.get(token.text)
        if owner is None or token.i in covered:
            continue
        # the tagger often calls a sentence-initial surname a common noun ("Valdivieso added"), and a
        # short unfamiliar one an interjection
        # ... and a capitalised surname that looks plural, speaking after a quote, a plural noun ('"...," Ruiters said')
        misread = token.tag_ == "UH" or (token.tag_ in {"NN", "NNS"} and token.text[:1].isupper())
        if token.tag_ not in {"NNP", "NNPS"} and not (token.is_sent_start and token.dep_ == "nsubj") \
                and not (speaking and misread):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (before is not None and before.tag_ == "NNP" and before.is_title and not before.is_sent_start
                and before.lower_ not in HONORIFICS) or (after is not None and after.tag_ == "NNP" and after.is_title):
            continue  # part of another name
        extra.append(Candidate(token.i, token.i + 1, "person", "rule", kb_id=owner.kb_id, key=owner.key))
    return extra


def _initials_fit(span: Span, acronym: str) -> bool:
    initials = "".join(t.text[0] for t in span if t.text[:1].isupper())
    capitals = "".join(ch for ch in acronym if ch.isupper())
    return bool(capitals) and _is_subsequence(capitals, initials) and len(capitals) >= 2


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(ch in remaining for ch in short)


def _covered(candidates: list[Candidate]) -> set[int]:
    return {i for c in candidates for i in range(c.start, c.end)}


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates, trusting the knowledge base over rules over NER at equal length.

    An NER span that contains a known non-state actor gives way to it ("U.S. State Department" ->
    the State Department and the U.S.); one that only contains a state keeps its own name ("Iran Air").
    """
    kb_by_start: dict[int, list[Candidate]] = {}  # looked up by start: a scan of all per candidate is quadratic
    for c in candidates:
        if c.origin == "kb":
            kb_by_start.setdefault(c.start, []).append(c)
    kept_ner = []
    for candidate in candidates:
        if candidate.origin != "ner":
            continue
        inner = [k for i in range(candidate.start, candidate.end) for k in kb_by_start.get(i, ())
                 if k.end <= candidate.end and k.length < candidate.length]
        if any(k.type not in {"country"} and not (k.type == "person" and k.length == 1
                                                  and candidate.type == "person") for k in inner):
            continue
        kept_ner.append(candidate)
    pool = [c for c in candidates if c.origin != "ner"] + kept_ner
    pool.sort(key=lambda c: (-c.length, ORIGIN_RANK[c.origin], c.start))
    taken: set[int] = set()
    chosen = []
    for candidate in pool:
        tokens = range(candidate.start, candidate.end)
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen


# --- clustering ---------------------------------------------------------------------------------


def _assign_keys(doc: Doc, kb: KnowledgeBase, cues: ActorCues, chosen: list[Candidate]) -> None:
    """Give each candidate the key of the entity it names (in-article coreference of names)."""
    people = _People()  # longest names first
    # "in Isfahan", "near El Fasher": a short unknown name the article puts after a place preposition
    # is a place wherever else it appears in the article
    places = {fold(" ".join(_name_words(doc[c.start:c.end]))) for c in chosen
              if c.origin == "ner" and not c.kb_id and c.length <= 2
              and _after_place_preposition(doc[c.start:c.end].root, cues)
              and doc[c.start - 1].lower_ in cues.place_prepositions}
    for candidate in sorted(chosen, key=lambda c: -c.length):
        if candidate.type != "person":
            continue
        words = _name_words(doc[candidate.start:candidate.end])
        if candidate.kb_id:
            candidate.key = f"kb:{candidate.kb_id}"
            entry = kb.entries[candidate.kb_id]
            family_first = entry.country in cues.family_name_first
            for form in entry.surface_forms():
                people.add(form.split(), candidate.key, family_first)
            continue
        match = _known_person(words, people)
        if match is None and fold(" ".join(words)) in places:
            candidate.type = "location"  # "in Guayaquil": a lone name after "in" is a place
            candidate.key = f"location:{fold(words[0])}"
            continue
        if match is None and len(words) == 1 and candidate.origin == "ner" and not _introduced_alone(
                doc, candidate, cues):
            # news names a person in full before using one name: a lone unknown "name" the article
            # never gives in full ("Borneo", "Kismayo") is most often a place the NER misread
            candidate.type = "location"
            candidate.key = f"location:{fold(words[0])}"
            continue
        candidate.key = match or f"person:{fold(' '.join(words))}"
        if match is None:
            people.add(words, candidate.key, False)
    for candidate in chosen:
        if candidate.type == "person" or candidate.key.startswith("location:"):
            continue
        if candidate.leader is not None:
            continue  # resolved once the leader's country is known
        if candidate.key.startswith("body:") and not candidate.kb_id:
            continue  # a state's body keeps the key that joins all its names
        if candidate.kb_id:
            candidate.key = f"kb:{candidate.kb_id}"
            continue
        words = _name_words(doc[candidate.start:candidate.end])
        person = _known_person(words, people) if len(words) <= 2 else None
        if person is not None and candidate.origin == "ner":
            candidate.key, candidate.type = person, "person"  # NER's "ORG Maduro" is the man
        elif candidate.origin == "ner" and candidate.type not in HEADED_ORG_TYPES and fold(" ".join(words)) in places:
            candidate.type = "location"
            candidate.key = f"location:{fold(' '.join(words))}"
        else:
            candidate.key = f"{'location' if candidate.type == 'location' else 'org'}:{fold(' '.join(words))}"


def _introduced_alone(doc: Doc, candidate: Candidate, cues: ActorCues) -> bool:
    """A one-word name that still reads as a person's: after a title ("President Lula"), as the
    speaker of a verb of saying ("..., Farmajo said"), or described by an apposition."""
    before = doc[candidate.start - 1] if candidate.start > 0 else None
    if before is not None and (before.lower_ in cues.titles or before.lower_ in HONORIFICS):
        return True
    return _speaks_like_a_person_token(doc[candidate.start:candidate.end].root, cues)


def _after_place_preposition(token: Token, cues: ActorCues) -> bool:
    """The name is the object of 'in', 'near', 'at' ... standing right after it ('in El Fasher')."""
    first = min(t.i for t in token.subtree) if token.dep_ == "pobj" else token.i
    return token.dep_ == "pobj" and token.head.lower_ in cues.place_prepositions and token.head.i == first - 1


def _name_words(span: Span) -> list[str]:
    return [t.text for t in span if not t.is_punct and t.text not in POSSESSIVES]


class _People:
    """The people an article has named so far, in the order they were added, as _known_person asks of them.

    Each way a shorter name can point at a name (its last words, the words after the first, the first word
    of a family-name-first name) is indexed when the name is added, for the first name that offers it. A
    lookup is then one dict access and finds the name a scan of the list in order would find first; the
    scan, repeated for every candidate over every name, took minutes on a very long article.
    """

    def __init__(self) -> None:
        self.first: dict[tuple[str, ...], str] = {}

    def add(self, words: list[str], key: str, family_first: bool) -> None:
        name = tuple(fold(w) for w in _split_name_articles(words))
        self.first.setdefault((), key)  # as the scan did, an empty name matched whichever came first
        for length in range(1, len(name) + 1):
            self.first.setdefault(name[-length:], key)
        for length in range(1, len(name)):
            # "Sheinbaum" in "Claudia Sheinbaum Pardo": the paternal surname of a Spanish name (but not the
            # article of "al-Rashid" cut from its name)
            if name[length] not in NAME_ARTICLES:
                self.first.setdefault(name[1:1 + length], key)
        if family_first and name:
            self.first.setdefault(name[:1], key)
        if len(name) >= 3 and name[-2] in NAME_ARTICLES:
            # "Sudani" for "Mohammed Shia al-Sudani": later mentions often drop the article of the family name
            self.first.setdefault(name[-1:], key)


# The Arabic article of family names ("al-Sudani", "el-Sisi"): the text writes it with a hyphen, the
# tokenizer splits it off, and later mentions may drop it.
NAME_ARTICLES = {"al", "el"}


def _split_name_articles(words: list[str]) -> list[str]:
    """'al-Sudani' -> 'al', 'Sudani', as the tokenizer splits a name in running text."""
    split: list[str] = []
    for word in words:
        article, hyphen, rest = word.partition("-")
        if hyphen and rest and fold(article) in NAME_ARTICLES:
            split += [article, rest]
        else:
            split.append(word)
    return split


def _known_person(words: list[str], people: _People) -> str | None:
    """A shorter name that ends (or is) a longer one in the article: 'Quintanilla', 'Sheinbaum Pardo';
    the family name that comes first in Chinese and Korean names ('Kim' for Kim Jong Un)."""
    return people.first.get(tuple(fold(w) for w in words))


def _build_entities(doc: Doc, kb: KnowledgeBase, cues: ActorCues, chosen: list[Candidate],
                    sentence_of: list[int]) -> ActorLayer:
    clusters: dict[str, list[Candidate]] = {}
    for candidate in chosen:
        if candidate.leader is None:
            clusters.setdefault(candidate.key, []).append(candidate)
    profiles = {key: _profile(doc, kb, cues, members) for key, members in clusters.items()}
    for candidate in chosen:
        if candidate.leader is not None:
            leader = profiles.get(candidate.leader.key) or _profile(doc, kb, cues, [candidate.leader])
            country = leader.get("country")
            state = kb.country(country)
            if state is None:
                continue
            candidate.key, candidate.kb_id, candidate.country = f"kb:{state.id}", state.id, state.country
            clusters.setdefault(candidate.key, []).append(candidate)
            profiles.setdefault(candidate.key, _profile(doc, kb, cues, [candidate]))

    entities: list[Entity] = []
    token_entity: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    used_ids: set[str] = set()
    for key, members in clusters.items():
        profile = profiles[key]
        entity_id = profile["id"]
        if entity_id in used_ids:
            entity_id = f"{entity_id}-{profile['type'].replace('_', '-')}"
        used_ids.add(entity_id)
        mentions = []
        for member in sorted(members, key=lambda c: c.start):
            span = doc[member.start:member.end]
            mentions.append(Mention(span.text, span.start_char, span.end_char, sentence_of[member.start]))
            spans.append((member.start, member.end, entity_id))
            for i in range(member.start, member.end):
                token_entity[i] = entity_id
        entities.append(Entity(
            id=entity_id, name=profile["name"], type=profile["type"], country=profile["country"],
            kb=profile["kb"], role=profile["role"],
            aliases=sorted({m.text for m in mentions} - {profile["name"]}),
            mentions=mentions,
        ))
    entities.sort(key=lambda e: e.mentions[0].start)
    return ActorLayer(entities=entities, token_entity=token_entity, spans=spans)


def _profile(doc: Doc, kb: KnowledgeBase, cues: ActorCues, members: list[Candidate]) -> dict:
    kb_id = next((m.kb_id for m in members if m.kb_id), None)
    if kb_id:
        entry = kb.entries[kb_id]
        return {"id": entry.id, "name": entry.name, "type": entry.type, "country": entry.country,
                "kb": True, "role": entry.role}
    named = [m for m in members if not m.demonym]
    longest = max(named or members, key=lambda m: (m.length, -m.start))
    name = doc[longest.start:longest.end].text
    actor_type = longest.type
    country, role = None, None
    for member in members:
        found_country, found_role = _context(doc, kb, cues, member)
        country = country or found_country or member.country
        role = role or found_role
    return {"id": _discovered_id(members, name, country), "name": name, "type": actor_type, "country": country,
            "kb": False, "role": role}


def _discovered_id(members: list[Candidate], name: str, country: str | None) -> str:
    """A slug of the name; for a state's body the knowledge base does not know, its state's code and the
    body's noun ("ke-supreme-court" for "Kenya's Supreme Court" and "the Kenyan Supreme Court"), so
    that one state's police never shares an id with another's across articles."""
    body = next((m.key for m in members if m.key.startswith("body:")), None)
    if body is not None:
        _, state, phrase = body.split(":", 2)
        if state and state != "None":
            return slug(f"{state.lower()} {phrase}")
    return slug(name)


def _context(doc: Doc, kb: KnowledgeBase, cues: ActorCues, candidate: Candidate) -> tuple[str | None, str | None]:
    """State and role from the words before a name ('former Colombian diplomat Ana Ruiz'), an
    apposition ('Ana Ruiz, a senior fellow at ...'), a possessive ("Egypt's Al-Ahram Center")
    or an '-based' modifier ('the Mexico-based Sinaloa Cartel')."""
    country: str | None = None
    role_words: list[Token] = []
    i = candidate.start - 1
    while i >= 0:
        token = doc[i]
        state = _state_named_by(kb, token)
        if i > 0 and (pair := _state_named_by_text(kb, f"{doc[i - 1].text} {token.text}")) and doc[i - 1].is_title:
            state, i, token = pair, i - 1, doc[i - 1]  # "South Korean Ambassador Ana Ruiz": a two-word demonym
        if token.text in POSSESSIVES and i > 0 and _state_named_by(kb, doc[i - 1]):
            country = country or _state_named_by(kb, doc[i - 1])
            break
        if token.lower_ == "based" and i >= 2 and doc[i - 1].text == "-":
            country = country or _state_named_by(kb, doc[i - 2])
            break
        if state and token.is_title:
            country = country or state
        elif token.lower_ in cues.titles and token.lower_ not in {"the", "a", "an", "of", "for"}:
            role_words.insert(0, token)
        else:
            break
        i -= 1
    if country is None and candidate.type != "person":
        country = _state_in_name(doc, kb, candidate)
    role = " ".join(t.text for t in role_words) or None
    if candidate.type == "person" and not role_words and country is None:
        role_before, state_before = _role_set_before(doc, kb, candidate)
        role, country = role_before, state_before
    if role is None and candidate.type == "person":
        role = _apposition_role(doc, candidate)
        if role is not None and country is None:
            country = _apposition_state(doc, kb, candidate)
    return country, role


def _role_set_before(doc: Doc, kb: KnowledgeBase, candidate: Candidate) -> tuple[str | None, str | None]:
    """"Ruritania's ambassador to the United Nations, Ana Ruiz, said": a name set off by a comma after
    the role it holds; the role's words and the state that owns it (a possessive or a demonym) are hers."""
    if candidate.start < 2 or doc[candidate.start - 1].text != ",":
        return None, None
    name = doc[candidate.start:candidate.end].root
    role = name.head if name.dep_ == "appos" else None
    while role is not None and role.dep_ == "pobj" and role.head.dep_ == "prep" and role.head.head.pos_ == "NOUN":
        role = role.head.head  # "ambassador to the United Nations, Ana Ruiz": the parser may hang her on "Nations"
    if role is None or role.i >= candidate.start or role.pos_ != "NOUN":
        return None, None
    modifiers = [c for c in role.children if c.dep_ in {"amod", "compound", "poss"} and c.i < role.i]
    state = next((s for c in modifiers if (s := _state_named_by(kb, c))), None)
    if state is None and any(c.dep_ == "poss" for c in modifiers):
        return None, None  # "its president, Ana Ruiz", "the bank's governor, ...": whose role, the words do not say
    words = [c for c in modifiers if c.dep_ != "poss" and not _state_named_by(kb, c)]
    return " ".join(t.text for t in [*words, role]), state


def _state_in_name(doc: Doc, kb: KnowledgeBase, candidate: Candidate) -> str | None:
    """'Court of Bosnia and Herzegovina', 'Central Bank of Kenya': an organisation named as a state's
    is that state's."""
    words = doc[candidate.start:candidate.end]
    of = next((t.i for t in words if t.lower_ == "of"), None)
    if of is None:
        return None
    states = [e.country for e in kb.lookup(doc[of + 1:candidate.end].text) if e.type == "country"]
    return states[0] if len(states) == 1 else None


def _state_named_by(kb: KnowledgeBase, token: Token) -> str | None:
    return _state_named_by_text(kb, token.text)


def _state_named_by_text(kb: KnowledgeBase, text: str) -> str | None:
    ids = kb.demonyms.get(text) or [i for i in kb.names.get(text, []) if kb.entries[i].type == "country"]
    return kb.entries[ids[0]].country if len(ids) == 1 else None


def _apposition_state(doc: Doc, kb: KnowledgeBase, candidate: Candidate) -> str | None:
    """'Ana Ruiz, South Korea's ambassador', 'Ana Ruiz, U.S. deputy envoy': the state that opens the role
    set off after the name (a demonym, a name or a possessor, of one or two words)."""
    head = doc[candidate.start:candidate.end].root
    role = next((c for c in head.children if c.dep_ == "appos" and c.i >= candidate.end), None)
    if role is None:
        return None
    words = [t for t in role.subtree if t.i <= role.i and t.dep_ != "det" and t.text not in POSSESSIVES]
    if len(words) >= 2 and (state := _state_named_by_text(kb, f"{words[0].text} {words[1].text}")):
        return state
    return _state_named_by(kb, words[0]) if words else None


def _apposition_role(doc: Doc, candidate: Candidate) -> str | None:
    head = doc[candidate.start:candidate.end].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= candidate.end:
            words = [t for t in child.subtree if t.i <= child.i and t.dep_ != "det"]
            return " ".join(t.text for t in words) or None
    return None
