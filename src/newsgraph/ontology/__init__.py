"""Lexicons as data: actor cues (titles, organisation heads, metonym nouns) and, later, PLOVER patterns."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ONTOLOGY_DIR = Path(__file__).parent


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
    )


@dataclass(frozen=True)
class SpeechCues:
    saying: frozenset[str]
    object_content: frozenset[str]
    commitment: frozenset[str]
    belief: frozenset[str]
    question_marks: frozenset[str]
    channel_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]


@lru_cache(maxsize=1)
def speech_cues(path: Path | None = None) -> SpeechCues:
    with (path or ONTOLOGY_DIR / "speech.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return SpeechCues(**{key: frozenset(str(v).lower() for v in data[key]) for key in SpeechCues.__dataclass_fields__})
