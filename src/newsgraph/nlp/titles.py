"""Titles linked by date: an office's title stands for whoever held the office on the article's date.

- A bare title: "the president", "the U.S. secretary of state", "Ruritania's foreign minister", "the
  president of Ruritania", "NATO's secretary general" becomes a mention of the holder, who joins the
  article's actors when no name gave them.
- A title before a name the knowledge base does not know alone: "Foreign Minister Wang" is the foreign
  minister on that date when the holder's name holds "Wang".

Whose office it is: the state or organisation the text names with the title (a demonym, a possessive,
"of <state>"); else, for a head of state or government or a minister (ontology/titles.yaml), the state
whose same title the article used before (its named foreign minister, "the Iranian foreign minister"),
else the article's dominant state. Precision first: no link when the state is unclear, when the title
follows "former", "then", "deputy" ..., when the office has no single holder that day, or when the
article named someone else earlier with that title.

It runs after the actor layer and before the reference layer, which then reads a title as the mention
it became; the data is kb/data/offices.yaml through kb/offices.py.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.kb.loader import KnowledgeBase, fold
from newsgraph.kb.offices import dated_role, find_offices, holder_on, normalise_title, offices_on, title_forms
from newsgraph.nlp.actors import POSSESSIVES, ActorLayer
from newsgraph.nlp.doctext import text_of, tokens_of
from newsgraph.ontology import ONTOLOGY_DIR, word_sets
from newsgraph.record import Entity, Mention

LONGEST_TITLE = 6  # tokens: "minister of foreign affairs and cooperation"
STATE_LIKE = {"country"}
ORGANISATION_LIKE = {"international_organization", "armed_group"}
DOMINANCE = 2  # the dominant state is named at least twice, and twice as often as any other


@dataclass(frozen=True)
class TitleCues:
    blockers: frozenset[str]
    bare_title_kinds: frozenset[str]
    implied_state_kinds: frozenset[str]
    explicit_only: frozenset[str]


@lru_cache(maxsize=1)
def title_cues(path: Path | None = None) -> TitleCues:
    # the titles of explicit_only are written as normalise_title gives them: lowercase, no hyphen
    return word_sets(TitleCues, path or ONTOLOGY_DIR / "titles.yaml")


@dataclass
class _Owner:
    """Whose office a title names: a state code or an organisation id, and whether the text said so."""

    state: str | None = None
    organization: str | None = None
    explicit: bool = False


def link_titles(doc: Doc, actors: ActorLayer, sentence_of: list[int], published: datetime.date | None,
                kb: KnowledgeBase, cues: TitleCues | None = None) -> None:
    """Add the holders that titles name on the article's date to the actor layer (see the module)."""
    if published is None:
        return
    linker = _Linker(doc, actors, sentence_of, published, kb, cues or title_cues())
    linker.titled_names()
    linker.bare_titles()


class _Linker:
    def __init__(self, doc: Doc, actors: ActorLayer, sentence_of: list[int], published: datetime.date,
                 kb: KnowledgeBase, cues: TitleCues) -> None:
        self.doc, self.actors, self.sentence_of, self.date, self.kb, self.cues = (
            doc, actors, sentence_of, published, kb, cues)
        self.tokens = tokens_of(doc)  # self.tokens[i] is self.doc[i], without a new Token each time
        self.text = text_of(doc)
        self.forms = title_forms(kb)
        self.first_words = {form.split()[0] for form in self.forms}
        self.explicit_uses: list[tuple[int, str, str]] = []  # (token, title, state) the text gave
        self.starts: dict[str, list[int]] = {}  # entity id -> its mentions' first tokens, in order
        for start, _end, entity_id in actors.spans:
            self.starts.setdefault(entity_id, []).append(start)

    # --- "Foreign Minister Wang" ----------------------------------------------------------------
    def titled_names(self) -> None:
        unknown = {e.id for e in self.actors.entities if e.type == "person" and not e.kb}
        for start, end, entity_id in list(self.actors.spans):
            if entity_id not in unknown:
                continue
            holder = self._holder_before_name(start, end)
            if holder is not None:
                self.actors.relink(entity_id, holder)
                self._moved(entity_id, holder.id)
                unknown.discard(entity_id)

    def _moved(self, old_id: str, new_id: str) -> None:
        self.starts[new_id] = sorted(self.starts.get(new_id, []) + self.starts.pop(old_id, []))

    def _holder_before_name(self, start: int, end: int) -> Entity | None:
        found = self._title_ending_at(start)
        if found is None:
            return None
        title_start, title = found
        owner = self._owner(title, title_start, start, bare=False)
        if owner is None:
            return None
        holder_id = self._holder(title, owner)
        entry = self.kb.get(holder_id)
        if entry is None:
            return None
        name_words = {fold(w) for w in self.doc[start:end].text.replace("-", " ").split()}
        # "Foreign Minister Wang": the name must be the holder's ("Wang Yi"), not another Wang
        if not any(name_words <= {fold(w) for w in form.replace("-", " ").split()} for form in entry.surface_forms()):
            return None
        return self._entity(holder_id)

    def _title_ending_at(self, end: int) -> tuple[int, str] | None:
        """The longest office title made of the free tokens right before a position."""
        for length in range(min(LONGEST_TITLE, end), 0, -1):
            start = end - length
            if any(self.actors.entity_at(i) for i in range(start, end)):
                continue
            title = normalise_title(" ".join(t.text for t in self.doc[start:end]))
            if title in self.forms and title.split()[0] in self.first_words:
                return start, title
        return None

    # --- "the president", "the U.S. secretary of state" ------------------------------------------
    def bare_titles(self) -> None:
        tokens, entity_at = self.tokens, self.actors.entity_at
        i = 0
        while i < len(tokens):
            # most words are neither a title's first word nor a name, and both rules would pass them by
            if not entity_at(i) and normalise_title(tokens[i].text) not in self.first_words:
                i += 1
                continue
            found = self._title_at(i) or self._title_after_name(i)
            if found is None:
                i += 1
                continue
            start, end, title = found
            owner = self._owner(title, start, end, bare=True)
            holder_id = None
            if owner is not None:
                holder_id = self._holder(title, owner) or self._holder_by_full_title(start, end, owner)
                if holder_id is not None and self._named_otherwise(title, start, holder_id, owner):
                    holder_id = None
            if holder_id is not None:
                span = self.doc[start:end]
                self.actors.add_mention(self._entity(holder_id), start, end,
                                        Mention(span.text, span.start_char, span.end_char, self.sentence_of[start]))
                insort(self.starts.setdefault(holder_id, []), start)
            i = end

    def _title_after_name(self, start: int) -> tuple[int, int, str] | None:
        """'the NATO chief', 'the U.N. chief': a title that holds the organisation's name, whose other words
        are no title alone; the holder's mention is the words after the name."""
        entity = self.actors.entity(self.actors.entity_at(start))
        if entity is None or entity.type not in STATE_LIKE | ORGANISATION_LIKE:
            return None
        name = self._mention_around(start)
        if name is None or name[0] != start:
            return None
        name_end = name[1]
        for end in range(min(len(self.doc), name_end + LONGEST_TITLE), name_end, -1):
            if any(self.actors.entity_at(i) for i in range(name_end, end)):
                continue
            title = normalise_title(self._text(start, end))
            if title in self.forms and self._stands_alone(end):
                return name_end, end, title
        return None

    def _title_at(self, start: int) -> tuple[int, int, str] | None:
        """The longest office title made of free tokens from a position, standing as a noun phrase's head
        ("the president said", "the president's office"), not a modifier ("the presidential palace" does
        not match; "the president-elect" and "President Ana Ruiz" are not bare titles)."""
        doc = self.doc
        if self.actors.entity_at(start) or normalise_title(self.tokens[start].text) not in self.first_words:
            return None
        for end in range(min(len(doc), start + LONGEST_TITLE), start, -1):
            if any(self.actors.entity_at(i) for i in range(start, end)):
                continue
            title = normalise_title(self._text(start, end))
            if title in self.forms:
                return (start, end, title) if self._stands_alone(end) else None
        return None

    def _text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as self.doc[start:end].text (a Span, and a join of its tokens)."""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx:last.idx + len(last.text)]

    def _stands_alone(self, end: int) -> bool:
        """The title ending before `end` heads its phrase and no name follows it."""
        last = self.tokens[end - 1]
        after = self.tokens[end] if end < len(self.doc) else None
        if last.pos_ not in {"NOUN", "PROPN"} or (last.dep_ in {"compound", "amod"} and last.head.i >= end):
            return False
        if after is None:
            return True
        person = self.actors.entity(self.actors.entity_at(after.i))
        return not (after.text == "-" or (person is not None and person.type == "person")
                    or (after.pos_ == "PROPN" and after.is_title))

    # --- whose office ---------------------------------------------------------------------------
    def _owner(self, title: str, start: int, end: int, bare: bool) -> _Owner | None:
        """The state or organisation whose office the title at [start, end) names; None when unclear or
        when a word before it says it is not the office's holder on the date. A bare title must refer:
        be definite ("the president", "Ruritania's president"; not "a two-term Ruritanian president",
        not "Ana Ruiz is president of ...") and not describe a role ("she served as foreign minister")."""
        if self._blocked(start) or (bare and not self._refers(start, end)):
            return None
        before = self._named_before(start)
        after = self._named_after(end) if bare else None
        if before is not None and after is not None and before != after:
            return None
        if bare and after is None and end < len(self.doc) and self.tokens[end].lower_ == "of":
            return None  # "the president of the football club": an office the text names, not a state's
        named = before or after
        if named is not None:
            owner = self._owner_named(named, title, start)
            kinds = {o.kind for o in find_offices(title, owner.state, owner.organization, self.kb)} if owner else set()
            if owner is None or (bare and not kinds <= self.cues.bare_title_kinds):
                return None  # "the leader of the Ruritanian Liberation Front": one of many, no office data says
            return owner
        if title in self.cues.explicit_only:
            return None
        state = self._implied_state(title, start)
        if state is None:
            return None
        kinds = {office.kind for office in find_offices(title, state, kb=self.kb)}
        return _Owner(state=state) if kinds and kinds <= self.cues.implied_state_kinds else None

    def _owner_named(self, entity_id: str, title: str, start: int) -> _Owner | None:
        entity = self.actors.entity(entity_id)
        if entity is None:
            return None
        if entity.type in STATE_LIKE and entity.country:
            self.explicit_uses.append((start, title, entity.country))
            return _Owner(state=entity.country, explicit=True)
        if entity.type in ORGANISATION_LIKE and entity.kb:
            return _Owner(organization=entity.id, explicit=True)
        return None  # "the ministry's spokesman", "Ana Ruiz's adviser": someone else's office

    def _blocked(self, start: int) -> bool:
        """'former President', 'the ex-president', 'the then foreign minister', 'the deputy prime minister':
        a blocking word in the title's own phrase, back to its determiner ("the former envoy and the
        president" blocks nothing)."""
        sentence_start = self.tokens[start].sent.start
        for token in reversed(self.doc[sentence_start:start]):
            if token.lower_ in self.cues.blockers:
                return True
            if token.lower_ in {"the", "a", "an"} or token.text in POSSESSIVES or (
                    token.pos_ in {"VERB", "AUX", "ADP", "PUNCT", "CCONJ", "SCONJ"} and token.text != "-"):
                return False
        return False

    def _refers(self, start: int, end: int) -> bool:
        """'the president', 'the U.S. secretary of state', 'the embattled president', "Ruritania's foreign
        minister", 'the U.N. secretary-general': "the" or a possessive before the title, over adjectives and
        the name of the state or organisation; and not a role put on someone ("served as the foreign
        minister", "named him the foreign minister", "she is the foreign minister")."""
        head = self.tokens[end - 1]
        if (head.dep_ == "pobj" and head.head.lower_ == "as") or head.dep_ in {"oprd", "attr"}:
            return False
        i = start - 1
        while i >= 0 and (self.tokens[i].pos_ == "ADJ" or self._names_a_state(i) or self._names_an_organisation(i)):
            if i >= 1 and self.tokens[i - 1].text in POSSESSIVES and self._names_a_state(i):
                return False  # "the agency's Ruritanian president": someone else's
            i -= 1
        if i >= 1 and self.tokens[i].text in POSSESSIVES:
            return self._names_a_state(i - 1) or self._names_an_organisation(i - 1)
        return i >= 0 and self.tokens[i].lower_ == "the"

    def _names_a_state(self, i: int) -> bool:
        entity = self.actors.entity(self.actors.entity_at(i))
        return entity is not None and entity.type in STATE_LIKE

    def _names_an_organisation(self, i: int) -> bool:
        entity = self.actors.entity(self.actors.entity_at(i))
        return entity is not None and entity.type in ORGANISATION_LIKE

    def _named_before(self, start: int) -> str | None:
        """The actor named right before a title: "the U.S. secretary of state", "Ruritania's minister"."""
        i = start - 1
        if i >= 1 and self.tokens[i].text in POSSESSIVES:
            i -= 1
        return self.actors.entity_at(i) if i >= 0 else None

    def _named_after(self, end: int) -> str | None:
        """'the president of Ruritania', 'the secretary-general of the United Nations'."""
        if end >= len(self.doc) or self.tokens[end].lower_ != "of":
            return None
        i = end + 1
        if i < len(self.doc) and self.tokens[i].lower_ == "the":
            i += 1
        if i >= len(self.doc) or self.actors.entity_at(i) is None:
            return None
        name = self._mention_around(i)
        if name is not None and name[1] < len(self.doc) and self.tokens[name[1]].text in POSSESSIVES:
            return None  # "president of Ruritania's farmers' union": the office is the union's
        return self.actors.entity_at(i)

    def _mention_around(self, i: int) -> tuple[int, int] | None:
        """The (start, end) tokens of the actor mention that holds token i (mentions do not overlap)."""
        spans = self.actors.spans
        index = bisect_right(spans, (i, len(self.doc) + 1)) - 1
        return spans[index][:2] if index >= 0 and spans[index][0] <= i < spans[index][1] else None

    def _named_before_position(self, position: int, kind: str) -> list[Entity]:
        """The actors of a type the article named before a token position (its own lookups, per entity
        rather than per mention: a long article has many mentions of few actors)."""
        found = []
        for entity_id, starts in self.starts.items():
            entity = self.actors.entity(entity_id)
            if entity is not None and entity.type == kind and starts[0] < position:
                found.append(entity)
        return found

    def _implied_state(self, title: str, start: int) -> str | None:
        """The state whose same title the article used before the position (as a title it gave a state,
        or the office of a person it named), when only one; else the article's dominant state so far."""
        states = {state for at, used, state in self.explicit_uses if at < start and used == title}
        for person in self._named_before_position(start, "person"):
            if person.kb:
                states |= {office.state for office in offices_on(person.id, self.date, self.kb)
                           if office.state and office in find_offices(title, office.state, kb=self.kb)}
        if states:
            return next(iter(states)) if len(states) == 1 else None
        return self._dominant_state(start)

    def _dominant_state(self, start: int) -> str | None:
        counts: dict[str, int] = {}
        for state in self._named_before_position(start, "country"):
            if state.country:
                counts[state.country] = counts.get(state.country, 0) + bisect_left(self.starts[state.id], start)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or ranked[0] < DOMINANCE or (len(ranked) > 1 and ranked[0] < DOMINANCE * ranked[1]):
            return None
        return max(counts, key=lambda code: counts[code])

    # --- the holder -----------------------------------------------------------------------------
    def _holder(self, title: str, owner: _Owner) -> str | None:
        if owner.state is None and owner.organization is None:
            return None
        holder_id = holder_on(title, owner.state, self.date, owner.organization, self.kb)
        entry = self.kb.get(holder_id)
        return holder_id if entry is not None and entry.type == "person" else None

    def _named_otherwise(self, title: str, start: int, holder_id: str, owner: _Owner) -> bool:
        """The article gave the title to another person of that state before ("Ruritanian President Ana
        Ruiz ... the president"; of any state when the state is only implied): the reference layer's
        nearest-holder rule decides, not the office data. An organisation's office is named outright."""
        if owner.organization:
            return False
        head = title.split()[-1]
        return any(person.id != holder_id and head in fold(person.role or "").replace("-", " ").split()
                   and (person.country == owner.state or (not owner.explicit and person.country is None))
                   for person in self._named_before_position(start, "person"))

    def _holder_by_full_title(self, start: int, end: int, owner: _Owner) -> str | None:
        """'the president of the European Commission': the title with the organisation's name after it is
        the office's own title ("President of the European Commission")."""
        if self._named_after(end) is None:
            return None
        name = self._mention_around(end + 2 if self.tokens[end + 1].lower_ == "the" else end + 1)
        if name is None:
            return None
        title = normalise_title(self.doc[start:name[1]].text)
        offices = find_offices(title, owner.state, owner.organization, self.kb)
        if not offices or not {o.kind for o in offices} <= self.cues.bare_title_kinds:
            return None
        return self._holder(title, owner)

    def _entity(self, holder_id: str) -> Entity:
        """The actor layer's entity of a holder, or a new one from the knowledge base."""
        known = self.actors.entity(holder_id)
        if known is not None:
            return known
        entry = self.kb.entries[holder_id]
        return Entity(id=entry.id, name=entry.name, type=entry.type, country=entry.country, kb=True,
                      role=dated_role(entry.id, self.date, self.kb))
