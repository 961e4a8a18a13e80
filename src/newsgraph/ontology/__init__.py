"""Lexicons as data: actor cues (titles, organisation heads, metonym nouns) and, later, PLOVER patterns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

ONTOLOGY_DIR = Path(__file__).parent
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class ActorCues:
    titles: frozenset[str]
    name_particles: frozenset[str]
    state_metonym_nouns: frozenset[str]
    demonym_bodies: dict[tuple[str, ...], str] = field(hash=False)
    org_heads: dict[str, str] = field(hash=False)  # lowercase head word -> actor type
    not_actors: frozenset[str] = frozenset()
    family_name_first: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    generic_name_words: frozenset[str] = frozenset()
    bodies_alone: frozenset[tuple[str, ...]] = frozenset()
    place_heads: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    person_verbs: frozenset[str] = frozenset()
    platform_prepositions: frozenset[str] = frozenset()
    platforms: dict[str, str] = field(default_factory=dict, hash=False)  # "X" -> x-twitter
    named_after_venues: frozenset[str] = frozenset()  # "the Paris Agreement": a document, not France
    place_nouns: frozenset[str] = frozenset()  # "the town of Goma": Goma is a place

    @cached_property
    def bodies_by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """The state bodies' phrases by their first word, longest first: one look per word of a text."""
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in sorted(self.demonym_bodies.items(), key=lambda kv: -len(kv[0])):
            by_first.setdefault(phrase[0], []).append((phrase, kind))
        return by_first


@lru_cache(maxsize=1)
def actor_cues(path: Path | None = None) -> ActorCues:
    with (path or ONTOLOGY_DIR / "actor_cues.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    org_heads: dict[str, str] = {}
    for actor_type, heads in data["org_heads"].items():
        for head in heads:
            org_heads.setdefault(str(head).lower(), actor_type)
    return ActorCues(
        titles=frozenset(str(t).lower() for t in data["titles"]),
        name_particles=frozenset(str(p) for p in data["name_particles"]),
        state_metonym_nouns=frozenset(data["state_metonym_nouns"]),
        demonym_bodies={tuple(k.lower().split()): v for k, v in data["demonym_bodies"].items()},
        org_heads=org_heads,
        not_actors=frozenset(str(n).casefold() for n in data["not_actors"]),
        family_name_first=frozenset(data.get("family_name_first", [])),
        place_prepositions=frozenset(data.get("place_prepositions", [])),
        group_nouns=frozenset(data.get("group_nouns", [])),
        generic_name_words=frozenset(data.get("generic_name_words", [])),
        bodies_alone=frozenset(tuple(str(b).lower().split()) for b in data.get("bodies_alone", [])),
        place_heads=frozenset(str(h).lower() for h in data.get("place_heads", [])),
        person_nouns=frozenset(str(h).lower() for h in data.get("person_nouns", [])),
        person_verbs=frozenset(str(h).lower() for h in data.get("person_verbs", [])),
        platform_prepositions=frozenset(str(p).lower() for p in data.get("platform_prepositions", [])),
        platforms={str(name): str(kb_id) for name, kb_id in (data.get("platforms") or {}).items()},
        named_after_venues=frozenset(str(n).lower() for n in data.get("named_after_venues", [])),
        place_nouns=frozenset(str(n).lower() for n in data.get("place_nouns", [])),
    )


@dataclass(frozen=True)
class SpeechCues:
    saying: frozenset[str]
    object_content: frozenset[str]
    commitment: frozenset[str]
    question_marks: frozenset[str]
    channel_nouns: frozenset[str]
    view_objects: frozenset[str]
    speech_nouns: frozenset[str]
    topic_verbs: frozenset[str]
    media_nouns: frozenset[str]
    indefinite_speakers: frozenset[str]
    view_clauses: frozenset[str]
    framing: frozenset[str]
    happenings: frozenset[str]
    measures: frozenset[str]
    taken_objects: frozenset[str]
    refused_objects: frozenset[str]
    source_nouns: frozenset[str]
    saying_with_particle: frozenset[str]
    commentary: frozenset[str]
    appraisals: frozenset[str]
    naming_nouns: frozenset[str]
    spoken_acts: frozenset[str]
    owning_verbs: frozenset[str]
    figure_verbs: frozenset[str]
    figure_objects: frozenset[str]
    naming_verbs: frozenset[str]
    coming_to_be: frozenset[str]
    appeals: frozenset[str]

    # sets derived from the lists, computed once per loaded lexicon: the quote annotator asks at every token
    @cached_property
    def particle_verbs(self) -> frozenset[str]:
        """The verbs of the phrases of saying with a particle ("point" of "point out")."""
        return frozenset(phrase.split(" ", 1)[0] for phrase in self.saying_with_particle)

    @cached_property
    def judging(self) -> frozenset[str]:
        """Verbs that name or judge: of view with an object, and of appraisal."""
        return self.view_objects | self.appraisals

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every lemma that can be a cue of reported speech."""
        return (self.saying | self.view_objects | self.view_clauses | self.appraisals | self.figure_verbs
                | self.particle_verbs | frozenset(phrase.split(" ", 1)[0] for phrase in self.appeals))


@lru_cache(maxsize=1)
def speech_cues(path: Path | None = None) -> SpeechCues:
    return word_sets(SpeechCues, path or ONTOLOGY_DIR / "speech.yaml")


@dataclass(frozen=True)
class StanceCues:
    """What a statement's words reveal of the speaker's stance (stances.yaml)."""

    accuse: frozenset[str]
    support: frozenset[str]
    threaten: frozenset[str]
    denials: frozenset[str]
    naming: frozenset[str]
    pejorative_naming: frozenset[str]
    feelings: frozenset[str]
    conditional_harm: frozenset[str]
    claim_nouns: frozenset[str]  # "the allegations", "the report": what a naming verb may call untrue
    dismissals: frozenset[str]  # "baseless", "a fabrication": names that deny a claim


@lru_cache(maxsize=1)
def stance_cues(path: Path | None = None) -> StanceCues:
    return word_sets(StanceCues, path or ONTOLOGY_DIR / "stances.yaml")


def word_sets(kind: type, path: Path, built: dict[str, Callable[[dict], Any]] | None = None):  # noqa: ANN201
    """A dataclass (an instance of `kind`) of word sets, one per field, read from the YAML lists of the same
    names; `built` gives the fields that are no plain list (a mapping), each made from the whole file."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    built = built or {}
    return kind(**{key: built[key](data) if key in built else frozenset(str(v).lower() for v in data[key])
                   for key in kind.__dataclass_fields__})


@dataclass(frozen=True)
class Trigger:
    """One way a PLOVER event shows in text."""

    type: str
    preps: frozenset[str] = frozenset()  # the target is the object of one of these prepositions
    mode: str | None = None
    particle: str | None = None  # second word of a phrasal verb ("crack down", "call for")
    objects: frozenset[str] = frozenset()  # for light verbs: the object nouns that carry the event
    intransitive: bool = False  # a trigger only without a direct object ("demonstrated", not "demonstrated skill")
    target_types: frozenset[str] = frozenset()  # when listed: an event only with a target of one of these types
    directive: bool = False  # a trigger only with an object told to act ("pressed X to withdraw")
    complements: frozenset[str] = frozenset()  # when listed: only with one of these said of the object
    infinitive: bool = False  # a trigger only with a to-infinitive of its own ("declined to join", not "fell")


@dataclass
class EventLexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)  # head lemma -> triggers
    light_verbs: dict[str, list[Trigger]] = field(default_factory=dict)  # verb head lemma -> triggers
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)  # one-word noun lemma -> triggers
    noun_phrases: dict[str, list[Trigger]] = field(default_factory=dict)  # "assassination attempt" -> triggers
    modes: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)  # type -> mode -> words
    not_triggers: dict[str, frozenset[str]] = field(default_factory=dict)
    accidental_causes: frozenset[str] = frozenset()  # "killed in the crash": harm, no act
    one_sided: frozenset[str] = frozenset()  # "X and Y offered ...": each acts alone, not on the other
    purpose_nouns: frozenset[str] = frozenset()  # "marched in protest against X": the marchers protest
    performing_verbs: frozenset[str] = frozenset()  # "ordered the arrest of X": the orderer arrests
    state_nouns: frozenset[str] = frozenset()  # "X is under U.S. sanctions": the U.S. sanctions X
    silent_complements: frozenset[str] = frozenset()  # "refused to comment": no act refused
    peaceful_modifiers: frozenset[str] = frozenset()  # "trade war": no armed conflict
    destination_verbs: frozenset[str] = frozenset()  # "deported them to X": X is where, not whom
    not_with_media: frozenset[str] = frozenset()  # types never aimed at a news outlet ("spoke with VOA")
    mutual_verbs: frozenset[str] = frozenset()  # "A and B traded strikes": each on the other
    copular_verbs: frozenset[str] = frozenset()  # "stands accused": the subject is acted upon
    audiences: frozenset[str] = frozenset()  # "spoke to reporters": an audience, not a party met
    answered_acts: frozenset[str] = frozenset()  # "rejected the move": aimed at whoever made the move
    harm_outcomes: frozenset[str] = frozenset()  # "blamed X for the death of Y": X's assault
    listing_verbs: frozenset[str] = frozenset()  # "added X to its sanctions list" ...
    list_nouns: frozenset[str] = frozenset()  # ... a list of the banned or sanctioned
    unpromising_objects: frozenset[str] = frozenset()  # "offered no evidence": no offer of cooperation
    ordering_verbs: frozenset[str] = frozenset()  # "ordered the paper to close": a ban when ...
    ordered_stops: frozenset[str] = frozenset()  # ... what is ordered is to stop, close or leave
    answering_verbs: frozenset[str] = frozenset()  # "rejected X's request": X asked the one rejecting
    concern_words: frozenset[str] = frozenset()  # "is concerned about X's buildup": disapproval of X
    warning_verbs: frozenset[str] = frozenset()  # "warned that X would pay": a threat when harm is warned of
    warning_harms: frozenset[str] = frozenset()  # what makes a warning a threat ("face charges", "pay a price")
    receiving_verbs: dict[str, str] = field(default_factory=dict)  # "received arms from X": X gave them
    handover_nouns: dict[str, str] = field(default_factory=dict)  # "X's transfer of arms to Y": X transferred
    deciding_nouns: frozenset[str] = frozenset()  # "X's decision to send troops": X sends them
    arrival_verbs: frozenset[str] = frozenset()  # "X troops arrived in Y": X sent them to Y
    patient_nouns: frozenset[str] = frozenset()  # "condemned X's arrest": X is arrested, not arresting
    topic_verbs: frozenset[str] = frozenset()  # "discussed the war": the object is a topic, not a partner
    release_nouns: frozenset[str] = frozenset()  # "called for X's release": asked of X's captor
    gaining_verbs: frozenset[str] = frozenset()  # "the plan has the backing of X": X backs the plan ...
    backing_nouns: frozenset[str] = frozenset()  # ... when what is gained is backing
    crowd_verbs: frozenset[str] = frozenset()  # "demonstrators gathered outside parliament": a protest ...
    protesters: frozenset[str] = frozenset()  # ... when the crowd is one of protest
    force_nouns: frozenset[str] = frozenset()  # "the withdrawal of Ruritania's troops": the owner acts


YAML_BOOLEAN_WORDS = {True: "on", False: "off"}  # YAML 1.1 reads the prepositions on/off as booleans


def _word(value: object) -> str:
    return YAML_BOOLEAN_WORDS[value] if isinstance(value, bool) else str(value).lower()


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [_word(v) for v in value] if isinstance(value, list) else [_word(value)]


@lru_cache(maxsize=1)
def event_lexicon(path: Path | None = None) -> EventLexicon:
    """The PLOVER lexicon of ontology/plover.yaml (see that file for its format)."""
    with (path or ONTOLOGY_DIR / "plover.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    lexicon = EventLexicon(accidental_causes=frozenset(_as_list(data.get("accidental_causes"))),
                           one_sided=frozenset(_as_list(data.get("one_sided"))),
                           purpose_nouns=frozenset(_as_list(data.get("purpose_nouns"))),
                           performing_verbs=frozenset(_as_list(data.get("performing_verbs"))),
                           state_nouns=frozenset(_as_list(data.get("state_nouns"))),
                           silent_complements=frozenset(_as_list(data.get("silent_complements"))),
                           peaceful_modifiers=frozenset(_as_list(data.get("peaceful_modifiers"))),
                           destination_verbs=frozenset(_as_list(data.get("destination_verbs"))),
                           not_with_media=frozenset(t.upper() for t in _as_list(data.get("not_with_media"))),
                           mutual_verbs=frozenset(_as_list(data.get("mutual_verbs"))),
                           copular_verbs=frozenset(_as_list(data.get("copular_verbs"))),
                           answered_acts=frozenset(_as_list(data.get("answered_acts"))),
                           warning_verbs=frozenset(_as_list(data.get("warning_verbs"))),
                           concern_words=frozenset(_as_list(data.get("concern_words"))),
                           answering_verbs=frozenset(_as_list(data.get("answering_verbs"))),
                           ordering_verbs=frozenset(_as_list(data.get("ordering_verbs"))),
                           unpromising_objects=frozenset(_as_list(data.get("unpromising_objects"))),
                           harm_outcomes=frozenset(_as_list(data.get("harm_outcomes"))),
                           listing_verbs=frozenset(_as_list(data.get("listing_verbs"))),
                           list_nouns=frozenset(_as_list(data.get("list_nouns"))),
                           ordered_stops=frozenset(_as_list(data.get("ordered_stops"))),
                           warning_harms=frozenset(_as_list(data.get("warning_harms"))),
                           audiences=frozenset(_as_list(data.get("audiences"))),
                           deciding_nouns=frozenset(_as_list(data.get("deciding_nouns"))),
                           arrival_verbs=frozenset(_as_list(data.get("arrival_verbs"))),
                           patient_nouns=frozenset(_as_list(data.get("patient_nouns"))),
                           topic_verbs=frozenset(_as_list(data.get("topic_verbs"))),
                           release_nouns=frozenset(_as_list(data.get("release_nouns"))),
                           gaining_verbs=frozenset(_as_list(data.get("gaining_verbs"))),
                           backing_nouns=frozenset(_as_list(data.get("backing_nouns"))),
                           crowd_verbs=frozenset(_as_list(data.get("crowd_verbs"))),
                           protesters=frozenset(_as_list(data.get("protesters"))),
                           force_nouns=frozenset(_as_list(data.get("force_nouns"))),
                           receiving_verbs={_word(k): _word(v)
                                            for k, v in (data.get("receiving_verbs") or {}).items()},
                           handover_nouns={_word(k): _word(v)
                                           for k, v in (data.get("handover_nouns") or {}).items()})
    for event_type, spec in data["types"].items():
        for entry in spec.get("verbs") or []:
            entry = entry if isinstance(entry, dict) else {"lemma": entry}
            words = str(entry["lemma"]).lower().split()
            trigger = Trigger(event_type, frozenset(_as_list(entry.get("prep"))), entry.get("mode"),
                              particle=" ".join(words[1:]) or None, intransitive=bool(entry.get("intransitive")),
                              target_types=frozenset(_as_list(entry.get("target_types"))),
                              directive=bool(entry.get("directive")),
                              complements=frozenset(_as_list(entry.get("complement"))),
                              infinitive=bool(entry.get("infinitive")))
            lexicon.verbs.setdefault(words[0], []).append(trigger)
        for entry in spec.get("light_verbs") or []:
            objects = frozenset(_as_list(entry.get("object")))
            for verb in _as_list(entry.get("verb")):
                words = verb.split()
                trigger = Trigger(event_type, frozenset(_as_list(entry.get("prep"))), entry.get("mode"),
                                  particle=" ".join(words[1:]) or None, objects=objects)
                lexicon.light_verbs.setdefault(words[0], []).append(trigger)
        for entry in spec.get("nouns") or []:
            entry = entry if isinstance(entry, dict) else {"lemma": entry}
            words = str(entry["lemma"]).lower().split()
            trigger = Trigger(event_type, frozenset(_as_list(entry.get("prep"))), entry.get("mode"))
            table = lexicon.noun_phrases if len(words) > 1 else lexicon.nouns
            table.setdefault(" ".join(words), []).append(trigger)
        lexicon.modes[event_type] = {m: frozenset(_as_list(w)) for m, w in (spec.get("modes") or {}).items()}
        lexicon.not_triggers[event_type] = frozenset(_as_list(spec.get("not_triggers")))
    return lexicon


@dataclass(frozen=True)
class EventScale:
    """What ontology/event_scale.yaml says of one PLOVER type."""

    quad: int
    weight: float
    family: str


@lru_cache(maxsize=1)
def event_scales(path: Path | None = None) -> dict[str, EventScale]:
    """Quad category, conflict-cooperation weight and story family of every PLOVER type."""
    with (path or ONTOLOGY_DIR / "event_scale.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {name: EventScale(int(spec["quad"]), float(spec["weight"]), str(spec["family"]))
            for name, spec in data["types"].items()}
