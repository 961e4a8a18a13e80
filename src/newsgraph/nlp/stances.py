"""Verbal events read from what a speaker says: PLOVER codes the stance of a statement, not only its
verb. "Ruritania's foreign minister said the shelling of Zenda was a war crime" is an accusation
(ACCUSE) by Ruritania, aimed at whoever the words name; "the envoy called the truce a welcome step"
is verbal support (SUPPORT); "the general said any incursion would meet retaliation" a threat.

The stance words are data (ontology/stances.yaml). A statement gives at most one event per stance,
and none when the annotators already coded that speaker's act of the same type in the sentence (the
cue "accused" is its own ACCUSE event)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.nlp.arguments import is_condition, named_object, naming_complement, phrase_text, subject_of
from newsgraph.nlp.doctext import tokens_of
from newsgraph.nlp.events import DEFINITE, RESPONSES, UNREAL_AUXILIARIES
from newsgraph.nlp.references import References
from newsgraph.ontology import StanceCues, event_lexicon
from newsgraph.record import Event, Quote, Span

STANCE_TYPES = {"accuse": "ACCUSE", "support": "SUPPORT", "threaten": "THREATEN"}
OWN_SIDE_TYPES = {"country", "government_body", "armed_forces"}  # a state and its organs
# Stances are aimed at someone: with no actor named they are statements of mood ("a positive impact on
# the economy", "the violence is a deep concern"), not events.
NEEDS_TARGET = {"SUPPORT", "THREATEN", "ACCUSE"}
EXPLETIVES = {"it", "itself"}  # "it is time to ...", "it is clear that ...": no one
NO_TARGET_TYPES = {"location", "media"}  # the outlet told is the channel, not whom the words are about


def find_stance_events(doc: Doc, quotes: Iterable[Quote], refs: References, cues: StanceCues,
                       coded: list[Event], sentence_of: list[int],
                       patients: frozenset[str] = frozenset()) -> list[Event]:
    """Verbal events read from what speakers say. `patients`: nouns of harm whose possessor is the one harmed
    (the event lexicon's patient_nouns): "Ruiz's detention is arbitrary" is aimed at whoever detains her."""
    found: list[Event] = []
    # an act of the same type already coded covers the statement only when it names whom it is aimed at:
    # "accused the world of inaction and said Borduria was an aggressor" is still an accusation of Borduria
    already = {(e.sentence, e.source, e.type) for e in coded if e.target is not None}
    for quote in quotes:
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")  # empty for a floating quote
        speaker = quote.speaker or _body_of_unnamed_speaker(cue, refs)
        if speaker is None or refs.type_of(speaker) in {None, "location"}:
            continue
        words = _statement_tokens(doc, quote, cue)
        if not words or (cue is not None and len(cue) and cue.root.lemma_.lower() in cues.denials):
            continue
        for stance, event_type in STANCE_TYPES.items():
            if (quote.sentence, speaker, event_type) in already:
                continue
            at = _stance_word(words, getattr(cues, stance))
            if at is not None and event_type == "THREATEN" and _done(at):
                at = None  # "said its air defences destroyed 30 drones": harm reported as done threatens nothing
            condition = _conditional_harm(words, speaker, refs, cues) if event_type == "THREATEN" else None
            if (at is None and condition is None) or (at is not None and _own_label(at, speaker, refs, cues)):
                continue
            target_id, target_text = (condition if at is None and condition is not None else (
                _doer_of_word(at, speaker, refs, cues) or _addressee(cue, speaker, refs)
                or _target(words, at, speaker, refs, cues, patients)))
            judged = _judged_thing(at) if target_id is None and at is not None else None
            if judged is not None:
                # "Borduria expelled two envoys. Ruritania said the move was a provocation": the act judged
                target_id, target_text = _earlier_doer(judged, judged.idx, speaker, coded, refs)
            if target_id is None and event_type in NEEDS_TARGET:
                continue
            found.append(Event(type=event_type, source=speaker, target=target_id,
                               source_text=quote.speaker_text, target_text=target_text,
                               trigger=Span(quote.cue.text, quote.cue.start, quote.cue.end), sentence=quote.sentence))
            already.add((quote.sentence, speaker, event_type))
    found += _naming_stances(doc, refs, cues, already, sentence_of, coded, patients)
    return found


def _naming_stances(doc: Doc, refs: References, cues: StanceCues, already: set[tuple[int, str | None, str]],
                    sentence_of: list[int], coded: Sequence[Event] = (),
                    patients: frozenset[str] = frozenset()) -> list[Event]:
    """'Ruritania called the raid a violation of its sovereignty' (ACCUSE), 'the rebels branded the
    army's commanders butchers' (ACCUSE), 'Borduria called the accord a breakthrough' (SUPPORT): the
    named thing's actor (its doer or owner) is the target, else whoever the name itself names."""
    found = []
    for verb in tokens_of(doc):
        if verb.lemma_.lower() not in cues.naming:
            continue
        complement = naming_complement(verb)
        if complement is None:
            continue
        subject = subject_of(verb)
        source = refs.actor_in(subject) if subject is not None else None
        if source is None or refs.type_of(source) == "location":
            continue
        named = named_object(verb)
        words = list(complement.subtree)
        if named is not None and named.lemma_.lower() in cues.claim_nouns and \
                _stance_word(words, cues.dismissals) is not None:
            # "called the allegations baseless": a claim named untrue is rejected, not an accusation of its maker
            if (sentence_of[verb.i], source, "REJECT") not in already:
                owner = _named_actor(named, source, refs) if any(
                    c.dep_ in {"poss", "compound", "amod"} or c.lower_ == "by" for c in named.children) else None
                target_id, target_text = owner or (None, None)
                found.append(Event(type="REJECT", source=source, target=target_id, source_text=phrase_text(subject),
                                   target_text=target_text or phrase_text(named),
                                   trigger=Span(verb.text, verb.idx, verb.idx + len(verb.text)),
                                   sentence=sentence_of[verb.i]))
                already.add((sentence_of[verb.i], source, "REJECT"))
            continue
        for stance, event_type in STANCE_TYPES.items():
            pejorative = event_type == "ACCUSE" and verb.lemma_.lower() in cues.pejorative_naming
            if (sentence_of[verb.i], source, event_type) in already:
                continue
            at = _stance_word(words, getattr(cues, stance)) or (complement if pejorative else None)
            if at is None:
                continue
            target = _named_actor(named, source, refs) if named is not None else None
            target_id, target_text = target or _target(words, at, source, refs, cues, patients)
            if target_id is None and named is not None:
                target_id, target_text = _earlier_doer(named, verb.idx, source, coded, refs)
            if target_id is None and event_type in NEEDS_TARGET:
                continue
            found.append(Event(type=event_type, source=source, target=target_id, source_text=phrase_text(subject),
                               target_text=target_text, trigger=Span(verb.text, verb.idx, verb.idx + len(verb.text)),
                               sentence=sentence_of[verb.i]))
            already.add((sentence_of[verb.i], source, event_type))
    return found


def _body_of_unnamed_speaker(cue: SpacySpan | None, refs: References) -> str | None:
    """'A State Department official said ...': an unnamed speaker named by the body they speak for; the
    stance of their words is that body's (a person named only as a modifier is no such body)."""
    if cue is None or not len(cue):
        return None
    subject = subject_of(cue.root)
    if subject is None or subject.pos_ != "NOUN":
        return None
    body = refs.actor_in(subject, depth=0)
    return body if refs.type_of(body) not in {None, "person", "location"} else None


def _conditional_harm(words: list[Token], speaker: str, refs: References,
                      cues: StanceCues) -> tuple[str, str] | None:
    """'sanctions could follow if Ruritania activates the system': harm in the statement's clause, made
    conditional on what another actor does ("if", "unless"); the actor of the condition is the one threatened.
    'talks could resume if Ruritania agrees' promises nothing harmful."""
    inside = {t.i for t in words}
    for clause in (t for t in words if is_condition(t)):
        main = clause.head
        if main.i not in inside or _negated(main):
            continue
        harm = [t for t in main.subtree if t.i in inside and not (clause.left_edge.i <= t.i <= clause.right_edge.i)
                and t.lemma_.lower() in cues.conditional_harm]
        doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        entity_id = refs.actor_in(doer) if doer is not None else None
        if harm and _aimed_at(entity_id, speaker, refs):
            return entity_id, doer.text  # type: ignore[union-attr]
    return None


def _own_label(at: Token, speaker: str, refs: References, cues: StanceCues) -> bool:
    """'the group said it was bringing its mercenaries home', 'our occupation of the hills': a label the
    speaker puts on what is its own describes the speaker, it accuses no one. A feeling the speaker owns
    ('voiced its concern') is still a stance."""
    if at.lemma_.lower() in cues.feelings:
        return False
    owner = next((c for c in at.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    return owner.lower_ in refs.cues.own_side_pronouns or refs.actor_in(owner, depth=0) == speaker


HOSTILE_ACTS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}


def _judged_thing(at: Token) -> Token | None:
    """'said the decree was illegal', 'said the move was a provocation': the thing a stance word is said of,
    the subject of its copula."""
    if at.dep_ not in {"attr", "acomp"}:
        return None
    return next((c for c in at.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _earlier_doer(named: Token, before: int, speaker: str, coded: Sequence[Event],
                  refs: References) -> tuple[str | None, str | None]:
    """'The United States designated the gangs. ... The council called the designation a step forward':
    a definite act named by the word the text used for it ('designation' after 'designated') is the act of
    whoever did it last before the naming (before character `before`), someone other than the speaker's own
    side."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in named.children):
        return None, None
    stem = named.lemma_.lower()[:6]
    own = refs.entity(speaker)
    earlier = []
    for event in sorted(coded, key=lambda e: e.trigger.start, reverse=True):
        if event.trigger.start >= before or event.source is None or event.source == speaker:
            continue
        doer = refs.entity(event.source)
        if own is not None and doer is not None and own.country and own.country == doer.country:
            continue
        earlier.append(event)
    for event in earlier:
        if len(stem) >= 5 and any(word.lower().startswith(stem) for word in event.trigger.text.split()):
            return event.source, named.text
    # "Ruritania shelled the port. Borduria called the shelling a crime": else the last hostile act of
    # the kind the word names in the event lexicon (a visit or a meeting is too common to point back to)
    lexicon = event_lexicon()
    named_kinds = {t.type for t in lexicon.nouns.get(named.lemma_.lower(), [])}
    kinds = named_kinds & HOSTILE_ACTS
    kind = next((e for e in earlier if e.type in kinds), None)
    if kind is None and not named_kinds and named.lemma_.lower() in lexicon.answered_acts:
        # "Borduria expelled two envoys. Ruritania called the move a provocation": a word for any act (move,
        # decision, step) points back to the last act reported, not to another's response to one; a word
        # for one kind of act ("the designation") only to an act of that kind
        kind = next((e for e in earlier if e.type not in RESPONSES), None)
    return (kind.source, named.text) if kind is not None else (None, None)


def _named_actor(named: Token, source: str, refs: References) -> tuple[str, str] | None:
    """The actor of the thing named: itself ('called Borduria a pariah'), or its doer or owner
    ("called Borduria's raid", 'called the raid by Borduria')."""
    return _actor_of_phrase(named, source, refs, itself=True, depth=1)


def _actor_of_phrase(word: Token, speaker: str, refs: References, itself: bool,
                     depth: int) -> tuple[str, str] | None:
    """The actor a stance on a word is aimed at: the word itself when it may name one, else its owner or doer
    ("Borduria's raid", "Borduran meddling", "the raid by Borduria"), never the speaker's own."""
    candidates = [*([word] if itself else []), *[c for c in word.children if c.dep_ in {"poss", "compound", "amod"}],
                  *[g for c in word.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]]
    for token in candidates:
        entity_id = refs.actor_in(token, depth=depth)
        if _aimed_at(entity_id, speaker, refs):
            return entity_id, token.text
    return None


def _aimed_at(entity_id: str | None, speaker: str, refs: References) -> bool:
    """An actor a stance can be aimed at: someone other than the speaker, and no place or outlet; nor the
    state a body or an official speaks for ("the deputy secretary said the United States was watching with
    concern" voices the state's own concern)."""
    return entity_id is not None and entity_id != speaker and refs.type_of(entity_id) not in NO_TARGET_TYPES \
        and not _own_state(entity_id, speaker, refs)


STATE_VOICES = {"government_body", "armed_forces"}
OFFICE_WORDS = ("minister", "secretary", "president", "spokes", "ambassador", "envoy", "official", "general",
                "chancellor", "premier", "king", "emir")


def _own_state(entity_id: str, speaker: str, refs: References) -> bool:
    """The state itself, when the speaker is one of its bodies or holds one of its offices (not an opposition
    figure, whose words about the state are aimed at it)."""
    state, voice = refs.entity(entity_id), refs.entity(speaker)
    if state is None or voice is None or state.type != "country" or not state.country \
            or voice.country != state.country:
        return False
    role = (voice.role or "").lower()
    return voice.type in STATE_VOICES or (voice.type == "person" and "opposition" not in role
                                          and any(word in role for word in OFFICE_WORDS))


def _statement_tokens(doc: Doc, quote: Quote, cue: SpacySpan | None) -> list[Token]:
    """The words said, and the cue's own object ('voiced concern over ...')."""
    content = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
    tokens = list(content) if content is not None else []
    for token in cue or []:
        tokens += [c for c in token.children if c.dep_ == "dobj"]
    return tokens


def _addressee(cue: SpacySpan | None, speaker: str, refs: References) -> tuple[str, str] | None:
    """'praised Borduria for its restraint', 'credited the envoy with ...': the cue's own object is
    whom the stance is about."""
    for token in cue or []:
        for child in token.children:
            entity_id = refs.actor_in(child) if child.dep_ == "dobj" else None
            if _aimed_at(entity_id, speaker, refs):
                return entity_id, child.text
    return None


FUTURE_AUXILIARIES = UNREAL_AUXILIARIES | {"to"}  # modals and the infinitive marker: an act not (yet) done


def _done(word: Token) -> bool:
    """A verb in the past with no modal or infinitive marker: an act reported, not one promised."""
    return word.pos_ == "VERB" and word.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUXILIARIES for c in word.children)


def _negated(token: Token) -> bool:
    """'are not welcome', 'no violation': the stance word or the word it hangs on is negated."""
    return any(c.dep_ == "neg" or c.lower_ == "no" for t in (token, token.head) for c in t.children)


def _stance_word(words: list[Token], phrases: frozenset[str]) -> Token | None:
    """The first word (or run of words) of the statement that is one of the phrases, not negated: read
    left to right, so the answer never depends on the order a set of phrases happens to iterate in."""
    lemmas = [t.lemma_.lower() for t in words]
    by_first = _phrases_by_first_word(phrases)
    for i, lemma in enumerate(lemmas):
        for parts in by_first.get(lemma, ()):
            if lemmas[i:i + len(parts)] == list(parts) and not _negated(words[i]):
                return words[i]
    return None


@lru_cache(maxsize=8)
def _phrases_by_first_word(phrases: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases keyed by their first word, longest first."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: (-len(p.split()), p)):
        parts = tuple(phrase.split())
        grouped.setdefault(parts[0], []).append(parts)
    return grouped


def _target(words: list[Token], at: Token, speaker: str, refs: References,
            cues: StanceCues, patients: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The actor the words name nearest the stance word in the parse, other than the speaker and the speaker's own
    state ("said the shelling by Borduria was a crime": Borduria). Names only, and the pronouns of
    people and groups: "it" in "it is time to ..." stands for no one."""
    own = refs.entity(speaker)
    # "said Ruiz's concerns remain": the possessor of a feeling holds it, it is not its target; the
    # possessor of an act ("Borduria's aggression") is whom the stance is aimed at
    possessors = {t.i for c in at.children if c.dep_ == "poss" for t in c.subtree}
    if at.dep_ in {"attr", "acomp"} and at.lemma_.lower() not in cues.feelings:
        # "said Borduria was an aggressor", "called Borduria reckless": what the word is said of is
        # the copula's subject, as near to it as a possessor
        possessors |= {t.i for c in at.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    feeling = at.lemma_.lower() in cues.feelings
    candidates = []
    for token in words:
        if token.i in possessors and feeling:
            continue
        if _harmed(token, patients):
            continue  # "said Ruiz's detention was arbitrary": Ruiz is detained, the judgement is of her jailers
        pronoun = token.lower_ in (refs.cues.person_pronouns | refs.cues.group_pronouns) - EXPLETIVES
        entity_id = refs.entity_at(token.i) or (refs.actor_in(token, depth=0) if pronoun else None)
        if not _aimed_at(entity_id, speaker, refs):
            continue
        other = refs.entity(entity_id)
        if own is not None and other is not None and other.type in OWN_SIDE_TYPES and own.country \
                and own.country == other.country:
            continue
        distance = 0 if token.i in possessors else _tree_distance(token, at)
        candidates.append((distance, abs(token.i - at.i), entity_id, token.text))
    if not candidates:
        return None, None
    _, _, entity_id, text = min(candidates)
    return entity_id, text


def _doer_of_word(at: Token, speaker: str, refs: References, cues: StanceCues) -> tuple[str, str] | None:
    """'told the envoy that Borduria's aggression must end', 'told her that Borduran meddling ...': an act word
    whose doer the phrase names is aimed at that doer, not at whoever was told (a feeling's possessor holds it)."""
    if at.lemma_.lower() in cues.feelings:
        return None
    return _actor_of_phrase(at, speaker, refs, itself=False, depth=0)


def _harmed(token: Token, patients: frozenset[str]) -> bool:
    """The one a noun of harm befalls: its possessor ("Ruiz's detention") or the object of its "of" ("the
    detention of Ruiz")."""
    head = token.head
    if token.dep_ == "poss" and head.lemma_.lower() in patients:
        return True
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in patients


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two words of a sentence through their lowest common ancestor: 'the military
    continues to defy calls by the council to end violations' puts the military, the subject of the
    clause, nearer the stance word than the council inside a prepositional phrase."""
    path_a = [a, *a.ancestors]
    depth_of = {t.i: d for d, t in enumerate(path_a)}
    for depth_b, node in enumerate([b, *b.ancestors]):
        if node.i in depth_of:
            return depth_of[node.i] + depth_b
    return len(path_a) + 50  # different sentences: after every word of the stance word's own
