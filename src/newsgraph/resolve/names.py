"""Names of actors as comparable keys, and how two names of one type relate: the same name once titles,
particles, accents and script are set aside; a variant spelling of each part (a transliteration); or a
short form (a surname, or a name missing its first parts) of a longer one.

Normalisation and the spelling comparison are rigour's (OpenSanctions' name library: transliteration to
ASCII, tokenisation, per-part distance tuned on sanctions screening); the titles and name particles
are newsgraph's own lexicon (ontology/actor_cues.yaml), the words the extractor reads before names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache

from normality import ascii_text
from rigour.names import Name, compare_parts, normalize_name
from rigour.text.phonetics import metaphone

from newsgraph.ontology import actor_cues

PERSON = "person"
# Actor types whose names are resolved: places are not actors, and states are all in the knowledge base.
UNRESOLVED_TYPES = frozenset({"location", "country"})
# One part of a person's name counts as a variant spelling of another at this rigour part score or above
# ("Dagalo"/"Daglo" 0.83, "Sergei"/"Sergey" 0.78; "Hassan"/"Hussein" 0). A given name also does when both
# are long enough to carry a sound and sound alike from the same first letter ("Mohammed"/"Muhammad",
# "Ahmad"/"Ahmed"): short ones sound alike too often ("John"/"Jane"), and the surname must be spelt alike.
PART_VARIANT_SCORE = 0.75
SOUND_ALIKE_LENGTH = 5
ORGANISATION_ARTICLES = frozenset({"the"})


class Relation(Enum):
    SAME = "same name"
    VARIANT = "variant spelling"
    SHORT_FORM = "short form"  # the first name is a short form of the second


@dataclass(frozen=True)
class NameKey:
    tokens: tuple[str, ...]  # normalised parts, in order, without titles and particles
    person: bool

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    def blocking_keys(self) -> set[str]:
        """The keys a name is filed under: a person's surname, as written and as it sounds, and the first
        part of a longer name (a family name written first, a given name used alone: "Xu" of "Xu Quan",
        "Mahathir" of "Mahathir Mohamad"); an organisation's whole normalised name."""
        if not self.tokens:
            return set()
        if not self.person:
            return {"o:" + " ".join(self.tokens)}
        keys = {f"s:{self.surname}", f"p:{_sound(self.surname)}"}
        if len(self.tokens) > 1:
            # the first part alone, and with the surname's initial: a surname misspelt beyond its sound
            # ("Cavusolgu" for "Cavusoglu") still meets its name
            keys |= {f"f:{self.tokens[0]}", f"fs:{self.tokens[0]}:{self.surname[:1]}"}
        return keys

    def probe_keys(self) -> set[str]:
        """The keys a name's candidates are filed under: its own surname keys; for one name alone, the
        longer names that start with it; for a longer name, the one-part names equal to its first part."""
        if not self.person or not self.tokens:
            return self.blocking_keys()
        keys = {f"s:{self.surname}", f"p:{_sound(self.surname)}"}
        if len(self.tokens) > 1:
            keys |= {f"s:{self.tokens[0]}", f"fs:{self.tokens[0]}:{self.surname[:1]}"}
        else:
            keys.add(f"f:{self.tokens[0]}")
        return keys


@cache
def _titles() -> frozenset[str]:
    cues = actor_cues()
    return frozenset(title.rstrip(".").casefold() for title in cues.titles)


@cache
def _particles() -> frozenset[str]:
    return frozenset(part.rstrip(".").casefold() for part in actor_cues().name_particles)


@lru_cache(maxsize=65536)
def name_key(name: str, actor_type: str) -> NameKey:
    """The comparable parts of a name: ASCII, lowercase, punctuation and possessives gone; for a person,
    leading titles ("Gen.", "President") and particles ("al-", "bin", "van") dropped; for an
    organisation, "the" dropped."""
    person = actor_type == PERSON
    text = ascii_text(name) or name
    text = text.replace("’s", "").replace("'s", "")
    tokens = (normalize_name(text) or "").split()
    if person:
        titles, particles = _titles(), _particles()
        while len(tokens) > 1 and tokens[0] in titles:
            tokens = tokens[1:]
        kept = [t for t in tokens if t not in particles]
        tokens = kept or tokens
    else:
        tokens = [t for t in tokens if t not in ORGANISATION_ARTICLES] or tokens
    return NameKey(tuple(tokens), person)


def _sound(part: str) -> str:
    return metaphone(part) or part


@lru_cache(maxsize=262144)
def _parts_alike(a: str, b: str, given_name: bool) -> float:
    """How alike two name parts are, 0..1: 1 when equal; rigour's part score, raised to the threshold
    for given names that sound alike (see PART_VARIANT_SCORE)."""
    if a == b:
        return 1.0
    # one alignment when rigour pairs the two parts, two unpaired ones (score 0) when it refuses to
    score = max((alignment.score for alignment in compare_parts(Name(a).parts, Name(b).parts)), default=0.0)
    if (given_name and min(len(a), len(b)) >= SOUND_ALIKE_LENGTH and a[:1] == b[:1]
            and _sound(a) == _sound(b)):
        score = max(score, PART_VARIANT_SCORE)
    return score


@lru_cache(maxsize=262144)
def relate(a: NameKey, b: NameKey) -> tuple[Relation, float] | None:
    """How name a relates to name b, with a score in 0..1; None when they are not names of one actor."""
    if not a.tokens or not b.tokens:
        return None
    if a.tokens == b.tokens:
        return Relation.SAME, 1.0
    if not (a.person and b.person):
        return None  # an organisation's name is matched whole: "National Army" is not "National Guard"
    if len(a.tokens) == len(b.tokens) and len(a.tokens) >= 2:
        scores = _variant_scores(a.tokens, b.tokens)
        if scores:
            return Relation.VARIANT, sum(scores) / len(scores)
    if len(a.tokens) < len(b.tokens) and (a.surname == b.surname and _in_order(a.tokens, b.tokens)
                                          or len(a.tokens) == 1 and a.surname == b.tokens[0]):
        # a surname alone or a name without its first parts ("Burhan", "Fattah al-Burhan"); or one name
        # that is the first part of the longer: a family name written first ("Xu" of "Xu Quan") or a
        # given name used alone ("Mahathir" of "Mahathir Mohamad")
        return Relation.SHORT_FORM, len(a.tokens) / len(b.tokens)
    return None


def _variant_scores(a: tuple[str, ...], b: tuple[str, ...]) -> list[float]:
    """Each part's likeness when every part of a is a variant spelling of b's in the same place, else [].
    The surname first, then the given names: most pairs of namesakes part ways at the first given name."""
    last = len(a) - 1
    scores = []
    for n in (last, *range(last)):
        score = _parts_alike(a[n], b[n], given_name=n < last)
        if score < PART_VARIANT_SCORE:
            return []
        scores.append(score)
    return scores


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Every part of the short name appears in the long one, in the same order."""
    remaining = iter(long)
    return all(part in remaining for part in short)


def countries_agree(a: str | None, b: str | None) -> bool:
    """Different known countries never name one actor; an unknown country does not say either way."""
    return a is None or b is None or a == b
