"""Cross-article actor resolution: which entities the knowledge base does not know are one actor.

An entity found in text has a slug of its name as id, so "Abdel Fattah al-Burhan", "Gen. Burhan" and
"al-Burhan" in three articles are three entities. They are merged into one canonical entity when:
- their names are the same once titles, particles, accents and script are set aside, or a variant
  spelling of each other part by part (names.py) — "same name", "variant spelling";
- one is a short form of the other (a surname alone, or a name without its first parts) and the longer
  name is the only one with that surname among the candidates, and the two are named close together:
  within CLOSE_DAYS of each other, or, undated, alongside a same third actor — "short form";
and, always, they have the same type, and no two different known countries. A knowledge-base actor
absorbs the unknown entities that name it by its name or one of its aliases. A user's decisions
(`newsgraph merge`, `newsgraph split`) are kept apart from these and win over them.

It runs incrementally, inside the store's write transaction, for the entities a batch stores for the
first time (`resolve_new`): their candidates are read through actor_keys, one query per batch. An
existing entity changes canonical only when a new one names it better (a full name arriving after its
surname, a known actor after its variants); the store then recounts those actors' summaries
(dbrecount.py). `resolve_all` runs the same decisions over every stored entity again.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, delete, func, literal, or_, select, union_all, update

from newsgraph.dbengine import driver_rows, insert_new, upsert
from newsgraph.dbschema import actor_apart, actor_keys, actor_resolution, entities, mentions
from newsgraph.resolve.names import UNRESOLVED_TYPES, NameKey, Relation, countries_agree, name_key, relate

CLOSE_DAYS = 31  # a short form joins a full name named within this many days of it
CONTEXT_ARTICLES = 200  # the newest articles of a group read for the actors named alongside it
KEY_LENGTH = 300  # actor_keys.key
USER_REASON = "merged by user"
RANK = {Relation.SAME: 0, Relation.VARIANT: 1, Relation.SHORT_FORM: 2}  # the strongest relation first
CHUNK = 500  # ids per IN list


@dataclass
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    kb: bool
    keys: list[NameKey] = field(default_factory=list)  # the name's key first, then the KB's aliases
    filed: frozenset[str] = frozenset()  # its blocking keys


@dataclass
class Evidence:
    """What a batch about to be stored says of its entities: the days each is named on, and the actors
    (states and places aside) named in each article."""

    days: dict[str, set[str]] = field(default_factory=dict)
    contexts: list[frozenset[str]] = field(default_factory=list)
    articles: dict[str, list[int]] = field(default_factory=dict)  # entity -> its articles in contexts


@dataclass
class Changes:
    """What a resolution step changed for entities whose facts were already counted: the canonical
    entities whose summaries must be recounted, and the ids that stopped being canonical."""

    canonicals: set[str] = field(default_factory=set)
    retired: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.canonicals or self.retired)


class Resolution:
    """The canonical entity of every entity of a pool of candidates, decided one new entity at a time."""

    def __init__(self, conn: Connection, pool: dict[str, Actor], canonical: dict[str, str],
                 apart: set[frozenset[str]], evidence: Evidence) -> None:
        self.conn = conn
        self.pool = pool
        self.canonical = canonical
        self.apart = apart
        self.evidence = evidence
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for actor in pool.values():
            for key in actor.filed:
                self.by_key[key].add(actor.id)
        self.members: dict[str, set[str]] = defaultdict(set)  # canonical -> its group, itself included
        for entity_id, head in canonical.items():
            self.members[head].add(entity_id)
        self.rows: dict[str, dict[str, Any]] = {}  # actor_resolution rows to write
        self.changes = Changes()
        # new entities not decided yet: invisible as candidates, so that each new entity meets those
        # stored before it, in the order they came, and the first name of an actor leads it
        self.pending: set[str] = set()

    def group(self, canonical: str) -> list[str]:
        return sorted(self.members[canonical])

    def candidates(self, actor: Actor) -> list[Actor]:
        ids = set().union(*(self.by_key.get(k, set()) for k in _probe_keys(actor))) - {actor.id} - self.pending
        mine = self.canonical[actor.id]
        return [self.pool[i] for i in sorted(ids)
                if self.canonical[i] != mine and self.pool[i].type == actor.type
                and countries_agree(self.pool[i].country, actor.country) and not self._kept_apart(actor.id, i)]

    def _kept_apart(self, a: str, b: str) -> bool:
        if not self.apart:
            return False
        group_a = set(self.group(self.canonical[a])) | {a}
        group_b = set(self.group(self.canonical[b])) | {b}
        return any(frozenset((x, y)) in self.apart for x in group_a for y in group_b)

    def decide(self, actor: Actor) -> None:
        if actor.kb:
            self._absorb_variants(actor)
            return
        candidates = self.candidates(actor)
        relations = [(c, _strongest(actor, c)) for c in candidates]
        strong = [(c, found) for c, found in relations
                  if found is not None and found[0] in (Relation.SAME, Relation.VARIANT)]
        if strong:
            # a known actor first, then the closest name, then the first id: one answer on every run
            best, (relation, score) = min(strong, key=lambda pair: (not self.pool[self.canonical[pair[0].id]].kb,
                                                                    -pair[1][1], self.canonical[pair[0].id]))
            self._join(actor.id, self.canonical[best.id], relation.value, score)
            return
        longer = self._longer_forms(relations)
        if len(longer) == 1:
            [(target, score)] = longer.items()
            if self._close(self.group(target), [actor.id]):
                self._join(actor.id, target, Relation.SHORT_FORM.value, score)
                return
        self._absorb_short_forms(actor, candidates)

    def _longer_forms(self, relations: list[tuple[Actor, tuple[Relation, float] | None]]) -> dict[str, float]:
        """The canonical entities of the candidates whose name the actor's is a short form of, given how the
        actor's name relates to each candidate's."""
        found: dict[str, float] = {}
        for candidate, relation in relations:
            if relation is not None and relation[0] is Relation.SHORT_FORM:
                target = self.canonical[candidate.id]
                found[target] = max(found.get(target, 0.0), relation[1])
        return found

    def _longer_forms_of(self, actor: Actor) -> dict[str, float]:
        return self._longer_forms([(c, _strongest(actor, c)) for c in self.candidates(actor)])

    def _absorb_short_forms(self, actor: Actor, candidates: list[Actor]) -> None:
        """A full name arriving after its short form: the short form's group joins it when the full name is
        the only longer form the short one has."""
        length = len(actor.keys[0].tokens)
        for short in candidates:
            if self.canonical[short.id] != short.id or short.kb or len(short.keys[0].tokens) >= length:
                continue
            relation = _strongest(short, actor)
            if relation is None or relation[0] is not Relation.SHORT_FORM:
                continue
            if set(self._longer_forms_of(short)) == {self.canonical[actor.id]} \
                    and self._close(self.group(short.id), self.group(self.canonical[actor.id])):
                self._move(short.id, self.canonical[actor.id], Relation.SHORT_FORM.value, relation[1])

    def _absorb_variants(self, known: Actor) -> None:
        """A knowledge-base actor takes in the unknown groups that name it (not those another known actor
        leads)."""
        for candidate in self.candidates(known):
            group = self.canonical[candidate.id]
            if candidate.kb or self.pool[group].kb or group == self.canonical[known.id]:
                continue
            relation = _strongest(candidate, known)
            if relation is None:
                continue
            if relation[0] is Relation.SHORT_FORM and not (
                    set(self._longer_forms_of(candidate)) == {self.canonical[known.id]}
                    and self._close(self.group(group), self.group(self.canonical[known.id]))):
                continue
            self._move(group, self.canonical[known.id], relation[0].value, relation[1])

    def _join(self, entity: str, target: str, reason: str, score: float) -> None:
        if any(member != entity for member in self.group(entity)):  # a user's group: it moves whole
            self._move(entity, target, reason, score)
            return
        self._set(entity, target, reason, score)

    def _set(self, entity: str, target: str, reason: str, score: float) -> None:
        assert entity != target, entity
        self._regroup(entity, target)
        self.rows[entity] = {"entity": entity, "canonical": target, "reason": reason, "score": round(score, 3),
                             "by_user": False}

    def _move(self, old: str, new: str, reason: str, score: float) -> None:
        """Every member of group `old` joins `new`; an entity already counted changes canonical."""
        for member in self.group(old):
            self._regroup(member, new)
            if member in self.rows:
                self.rows[member]["canonical"] = new
        self._set(old, new, reason, score)
        self.changes.canonicals.add(new)
        self.changes.retired.add(old)
        self.conn.execute(update(actor_resolution).where(actor_resolution.c.canonical == old).values(canonical=new))

    def _regroup(self, entity: str, head: str) -> None:
        self.members[self.canonical[entity]].discard(entity)
        self.canonical[entity] = head
        self.members[head].add(entity)

    def _close(self, ids: list[str], others: list[str]) -> bool:
        """Whether two groups of entities are named close together: within CLOSE_DAYS of each other when
        both are dated; else (an undated corpus) alongside a same actor, other than a state or a place,
        in their articles."""
        mine, theirs = self._span(ids), self._span(others)
        if mine is not None and theirs is not None:
            gap = max(mine[0], theirs[0]) - min(mine[1], theirs[1])
            return gap.days <= CLOSE_DAYS
        shared = self._context(ids) & self._context(others)
        return bool(shared - set(ids) - set(others))

    def _context(self, ids: list[str]) -> set[str]:
        """The actors named in the same articles as any of the ids (states and places aside)."""
        found = {other for i in ids for n in self.evidence.articles.get(i, ()) for other in self.evidence.contexts[n]}
        named_with, other = mentions.alias("named_with"), mentions.alias("other")
        for chunk in _chunks(ids):
            recent = (select(named_with.c.article).where(named_with.c.entity.in_(chunk))
                      .order_by(named_with.c.day.desc()).limit(CONTEXT_ARTICLES).subquery())
            found.update(self.conn.execute(
                select(other.c.entity).distinct().join(entities, entities.c.id == other.c.entity)
                .where(other.c.article.in_(select(recent.c.article)), entities.c.type.not_in(UNRESOLVED_TYPES)))
                .scalars())
        return found

    def _span(self, ids: list[str]) -> tuple[datetime.date, datetime.date] | None:
        days = {d for i in ids for d in self.evidence.days.get(i, ()) if d}
        for chunk in _chunks(ids):
            low, high = self.conn.execute(select(func.min(mentions.c.day), func.max(mentions.c.day))
                                          .where(mentions.c.entity.in_(chunk), mentions.c.day != "")).one()
            days.update(d for d in (low, high) if d)
        if not days:
            return None
        return _date(min(days)), _date(max(days))


def _date(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day[:10])


def _strongest(a: Actor, b: Actor) -> tuple[Relation, float] | None:
    """The strongest relation of a's names to b's: the same name over a variant over a short form. An
    entity found in text has one name; a known actor is related through its aliases too."""
    if len(a.keys) == 1 and len(b.keys) == 1:  # two names found in text, the usual case
        return relate(a.keys[0], b.keys[0])
    pairs = [(a.keys[0], theirs) for theirs in b.keys]
    if a.kb:
        pairs += [(mine, b.keys[0]) for mine in a.keys[1:]]
    found = [relation for relation in (relate(mine, theirs) for mine, theirs in pairs) if relation is not None]
    return min(found, key=lambda relation: (RANK[relation[0]], -relation[1]), default=None)


def _keys_of(actor: Actor) -> set[str]:
    return {key[:KEY_LENGTH] for name in actor.keys for key in name.blocking_keys()}


def _probe_keys(actor: Actor) -> set[str]:
    return {key[:KEY_LENGTH] for name in actor.keys for key in name.probe_keys()}


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _actor(row: Any) -> Actor:
    return _described(row.id, row.name, row.type, row.country, bool(row.kb))


@lru_cache(maxsize=131072)
def _described(entity_id: str, name: str, actor_type: str, country: str | None, kb: bool) -> Actor:
    """An entity as resolution compares it, its keys computed once per process (an entity is read again
    by every batch that meets its surname). Never changed once made."""
    names = [name, *(_kb_aliases(entity_id) if kb else [])]
    keys = [key for key in (name_key(n, actor_type) for n in dict.fromkeys(names)) if key.tokens]
    actor = Actor(entity_id, name, actor_type, country, kb, keys)
    actor.filed = frozenset(_keys_of(actor))
    return actor


def _kb_aliases(entity_id: str) -> list[str]:
    from newsgraph.kb.loader import default_kb  # loaded only when a known actor is resolved

    entry = default_kb().get(entity_id)
    return list(entry.aliases) if entry is not None else []


def resolve_new(conn: Connection, new_ids: list[str], evidence: Evidence,
                keep: frozenset[str] = frozenset()) -> Changes:
    """Resolve the entities a write stores for the first time (already in `entities`), in the order given,
    before their facts are counted; their days in the batch tell how close they are in time to a
    candidate. The ids in `keep` are filed under their keys but not decided (a user decided them)."""
    order = {entity_id: n for n, entity_id in enumerate(new_ids)}
    resolvable = sorted((a for a in _read_actors(conn, new_ids) if a.type not in UNRESOLVED_TYPES and a.keys),
                        key=lambda actor: order[actor.id])
    if not resolvable:
        return Changes()
    key_rows = [{"key": key, "entity": actor.id} for actor in resolvable for key in sorted(_keys_of(actor))]
    conn.execute(insert_new(conn, actor_keys, ["key", "entity"]), key_rows)
    probes = {key for actor in resolvable for key in _probe_keys(actor)}
    resolution = _pool(conn, probes | {row["key"] for row in key_rows}, evidence)
    resolution.pending = {actor.id for actor in resolvable}
    for actor in resolvable:
        resolution.pending.discard(actor.id)
        if actor.id not in keep and resolution.canonical.get(actor.id) == actor.id:
            resolution.decide(resolution.pool[actor.id])
    _write_rows(conn, resolution.rows)
    return resolution.changes


def _read_actors(conn: Connection, ids: Iterable[str]) -> list[Actor]:
    found = []
    for chunk in _chunks(ids):
        found.extend(_actor(row) for row in conn.execute(
            select(entities.c.id, entities.c.name, entities.c.type, entities.c.country, entities.c.kb)
            .where(entities.c.id.in_(chunk)).order_by(entities.c.id)))
    return found


def _pool(conn: Connection, keys: set[str], evidence: Evidence) -> Resolution:
    """Every entity filed under one of the keys, with its canonical entity and the splits among them;
    the canonical entities themselves join the pool, as decisions are made between groups."""
    ids: set[str] = set()
    for chunk in _chunks(keys):
        ids.update(conn.execute(select(actor_keys.c.entity).where(actor_keys.c.key.in_(chunk))).scalars())
    canonical = {i: i for i in ids}
    for chunk in _chunks(ids):
        canonical.update(conn.execute(select(actor_resolution.c.entity, actor_resolution.c.canonical)
                                      .where(actor_resolution.c.entity.in_(chunk))).all())
    # the other members of the pool's groups, so that a group moves whole
    heads = set(canonical.values())
    for chunk in _chunks(heads):
        canonical.update(conn.execute(select(actor_resolution.c.entity, actor_resolution.c.canonical)
                                      .where(actor_resolution.c.canonical.in_(chunk))).all())
    everyone = set(canonical) | set(canonical.values())
    for head in set(canonical.values()):
        canonical.setdefault(head, head)
    pool = {a.id: a for a in _read_actors(conn, everyone)}
    canonical = {i: c for i, c in canonical.items() if i in pool and c in pool}
    return Resolution(conn, pool, canonical, _apart_pairs(conn, everyone), evidence)


def _apart_pairs(conn: Connection, ids: set[str]) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    if conn.execute(select(actor_apart.c.entity).limit(1)).first() is None:  # no user has split anything
        return pairs
    for chunk in _chunks(ids):
        pairs.update(frozenset(pair) for pair in conn.execute(
            select(actor_apart.c.entity, actor_apart.c.other)
            .where(or_(actor_apart.c.entity.in_(chunk), actor_apart.c.other.in_(chunk)))).all())
    return pairs


def _write_rows(conn: Connection, rows: dict[str, dict[str, Any]]) -> None:
    # in id order, as every writer locks shared rows (dbsettle.py)
    upsert(conn, actor_resolution, [rows[entity_id] for entity_id in sorted(rows)])


# --- reading ---------------------------------------------------------------------------------------


def canonical_map(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The canonical entity of each of the ids that has been merged into another (the rest map to
    themselves and are left out)."""
    found: dict[str, str] = {}
    for chunk in _chunks(set(ids)):  # read at every write: through the driver, without SQLAlchemy's compiler
        found.update(driver_rows(conn, "SELECT entity, canonical FROM actor_resolution WHERE entity IN "
                                       f'({", ".join("?" * len(chunk))})', chunk))
    return found


def canonical_of(conn: Connection, entity_id: str) -> str:
    return conn.execute(select(actor_resolution.c.canonical).where(actor_resolution.c.entity == entity_id)
                        ).scalar() or entity_id


def members(conn: Connection, canonical: str) -> list[str]:
    """The canonical entity first, then the entities merged into it, by id."""
    merged = conn.execute(select(actor_resolution.c.entity).where(actor_resolution.c.canonical == canonical)
                          .order_by(actor_resolution.c.entity)).scalars()
    return [canonical, *merged]


def group_of(conn: Connection, entity_id: str) -> list[str]:
    """The actor of any of its entities, as members() of its canonical entity, in one query."""
    head = func.coalesce(select(actor_resolution.c.canonical).where(actor_resolution.c.entity == entity_id)
                         .scalar_subquery(), entity_id)
    merged = select(actor_resolution.c.entity).where(actor_resolution.c.canonical == head)
    # the canonical entity first (it is never merged into itself), then the merged ones by id
    found = conn.execute(union_all(select(head.label("entity"), literal(0).label("merged")),
                                   select(merged.subquery().c.entity, literal(1)))
                         .order_by("merged", "entity")).scalars().all()
    return list(found)


def groups(conn: Connection, canonicals: Iterable[str]) -> dict[str, list[str]]:
    """members() of many actors in one query."""
    found = {canonical: [canonical] for canonical in canonicals}
    for chunk in _chunks(found):
        for entity, canonical in conn.execute(
                select(actor_resolution.c.entity, actor_resolution.c.canonical)
                .where(actor_resolution.c.canonical.in_(chunk)).order_by(actor_resolution.c.entity)):
            found[canonical].append(entity)
    return found


# --- a user's judgement ----------------------------------------------------------------------------


def merge(conn: Connection, keep: str, absorb: str) -> Changes:
    """`absorb` and its group become part of `keep`'s group, as a user decided; a split between them is
    forgotten."""
    head, other = canonical_of(conn, keep), canonical_of(conn, absorb)
    conn.execute(delete(actor_apart).where(actor_apart.c.entity == min(keep, absorb),
                                           actor_apart.c.other == max(keep, absorb)))
    if head == other:
        return Changes()
    conn.execute(update(actor_resolution).where(actor_resolution.c.canonical == other).values(canonical=head))
    rows = {other: {"entity": other, "canonical": head, "reason": USER_REASON, "score": 1.0, "by_user": True}}
    rows[absorb] = {"entity": absorb, "canonical": head, "reason": USER_REASON, "score": 1.0, "by_user": True}
    _write_rows(conn, rows)
    return Changes({head}, {other})


def split(conn: Connection, first: str, second: str) -> tuple[bool, Changes]:
    """Keep the two apart from now on; when they were one actor, the second leaves the group (the first
    when the second leads it). Returns whether they had been merged."""
    conn.execute(insert_new(conn, actor_apart, ["entity", "other"]),
                 [{"entity": min(first, second), "other": max(first, second)}])
    head = canonical_of(conn, first)
    if head != canonical_of(conn, second):
        return False, Changes()
    leaving = second if second != head else first
    conn.execute(delete(actor_resolution).where(actor_resolution.c.entity == leaving))
    return True, Changes({head, leaving}, set())


def merges(conn: Connection, canonical_id: str | None = None) -> list[dict[str, Any]]:
    """Every merged entity (or those merged into one actor) with its canonical entity, the reason, the
    score and whether a user decided it."""
    entity, canonical = entities.alias("entity"), entities.alias("canonical")
    query = (select(actor_resolution.c.canonical, canonical.c.name.label("canonical_name"),
                    actor_resolution.c.entity.label("id"), entity.c.name, entity.c.type, entity.c.country,
                    actor_resolution.c.reason, actor_resolution.c.score, actor_resolution.c.by_user)
             .join(entity, entity.c.id == actor_resolution.c.entity)
             .join(canonical, canonical.c.id == actor_resolution.c.canonical)
             .order_by(canonical.c.name, actor_resolution.c.canonical, entity.c.name, actor_resolution.c.entity))
    if canonical_id is not None:
        query = query.where(actor_resolution.c.canonical == canonical_id)
    return [dict(row._mapping) for row in conn.execute(query)]


def splits(conn: Connection) -> list[tuple[str, str]]:
    return [tuple(row) for row in conn.execute(select(actor_apart.c.entity, actor_apart.c.other)
                                               .order_by(actor_apart.c.entity, actor_apart.c.other))]


def resolve_all(conn: Connection) -> Changes:
    """Decide every automatic merge again from the stored entities, in the order they were first stored
    (a user's merges and splits are kept): what `newsgraph resolve` runs after the rules change."""
    before = dict(conn.execute(select(actor_resolution.c.entity, actor_resolution.c.canonical)).all())
    conn.execute(delete(actor_resolution).where(actor_resolution.c.by_user.is_(False)))
    conn.execute(delete(actor_keys))
    # the entities in the order their first mention was stored, as ingest met them
    first_seen = (select(mentions.c.entity, func.min(mentions.c.id).label("first"))
                  .group_by(mentions.c.entity).subquery())
    ordered = list(conn.execute(select(entities.c.id).select_from(entities)
                                .outerjoin(first_seen, first_seen.c.entity == entities.c.id)
                                .order_by(first_seen.c.first, entities.c.id)).scalars())
    decided = frozenset(conn.execute(select(actor_resolution.c.entity)).scalars())
    for start in range(0, len(ordered), CHUNK):
        resolve_new(conn, ordered[start:start + CHUNK], Evidence(), keep=decided)
    after = dict(conn.execute(select(actor_resolution.c.entity, actor_resolution.c.canonical)).all())
    changed = {i for i in set(before) | set(after) if before.get(i, i) != after.get(i, i)}
    changes = Changes()
    for entity_id in changed:
        changes.canonicals.add(after.get(entity_id, entity_id))
        changes.canonicals.add(before.get(entity_id, entity_id))
    changes.retired = {c for c in changes.canonicals if c in after}
    changes.canonicals -= changes.retired
    return changes
