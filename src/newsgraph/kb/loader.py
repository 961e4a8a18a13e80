"""Load and validate the knowledge base (data files in kb/data/, countries from countryinfo)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

DATA_DIR = Path(__file__).parent / "data"
COUNTRY_FILES = {"un_states.yaml", "country_aliases.yaml"}
OFFICES_FILE = "offices.yaml"  # offices and their holders over time, not actor entries
NON_ACTORS_FILE = "non_actors.yaml"  # names that are not actors (kb/non_actors.py), not actor entries
NOT_ENTRY_FILES = COUNTRY_FILES | {OFFICES_FILE, NON_ACTORS_FILE}

ACTOR_TYPES = (
    "country", "person", "government_body", "armed_forces", "armed_group", "criminal_organization",
    "political_party", "media", "think_tank", "ngo", "international_organization", "company", "location",
    "organization",
)
ENTRY_KEYS = {"id", "name", "type", "country", "role", "aliases", "part_of", "members", "note"}
OFFICE_KEYS = {"id", "title", "kind", "state", "organization", "titles", "shared", "holders", "note"}
TENURE_KEYS = {"person", "start", "end", "acting", "note"}
# A date in the office data is a whole or partial ISO date: "2017-01-20", "2017-01" or "2017", for
# when only the month or the year of a change is certain (data README: "Offices and holders").
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class KBEntry:
    id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    part_of: str | None = None
    members: list[str] = field(default_factory=list)  # a grouping's member states, as country codes
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    source: str = ""  # the data file (or package) the entry came from

    def surface_forms(self) -> list[str]:
        seen: dict[str, None] = {}
        for form in [self.name, *self.aliases]:
            seen.setdefault(form, None)
        return list(seen)


def parse_partial_date(value: object) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) from an ISO date or a partial one; None if invalid.

    YAML reads an unquoted 2017-01-20 as a date and 2017-01 as a string, so both are accepted."""
    if isinstance(value, datetime.date):
        return (value.year, value.month, value.day)
    match = PARTIAL_DATE.fullmatch(str(value).strip()) if isinstance(value, (str, int)) else None
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:  # a real calendar date: no month 13, no 31 February
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def compare_partial(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """-1, 0 or 1 comparing two partial dates at the coarser precision of the two: "2017-01" and
    "2017-01-20" compare equal, because the month-precise date may be that very day."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def format_partial(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


@dataclass(frozen=True)
class Tenure:
    """One person's time in one office. end None: still in office when the data was written."""

    person: str
    start: str  # ISO date, possibly partial ("2017-01"); see parse_partial_date
    end: str | None = None
    acting: bool = False

    @property
    def start_parts(self) -> tuple[int, ...]:
        return parse_partial_date(self.start) or (0,)

    @property
    def end_parts(self) -> tuple[int, ...] | None:
        return parse_partial_date(self.end) if self.end else None


@dataclass
class Office:
    """An office of a state or an international organisation, and who held it when."""

    id: str
    title: str  # canonical title: "President of the United States"
    kind: str  # one of the kinds in offices.yaml: head_of_state, foreign_minister, ...
    state: str | None = None  # ISO alpha-2 of the state, for a state office
    organization: str | None = None  # KB id of the organisation, for an organisation's office
    titles: list[str] = field(default_factory=list)  # title forms news uses: "President", "Secretary of State"
    shared: bool = False  # several holders at once (co-presidents, a ministry's spokespersons)
    holders: list[Tenure] = field(default_factory=list)
    source: str = OFFICES_FILE


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


class KnowledgeBase:
    """Entries by id, and an index from every surface form to the ids it can name."""

    def __init__(self, entries: list[KBEntry], problems: list[str] | None = None,
                 offices: list[Office] | None = None, office_kinds: dict[str, list[str]] | None = None) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.problems: list[str] = list(problems or [])
        # kind -> generic title forms ("Foreign Minister", "top diplomat") valid for every office of it
        self.office_kinds: dict[str, list[str]] = dict(office_kinds or {})
        self.offices: dict[str, Office] = {}
        self._tenure_index: dict[str, list[tuple[Office, Tenure]]] | None = None  # made by _tenures()
        for office in offices or []:
            if office.id in self.offices:
                self.problems.append(f"{office.source}: duplicate office id {office.id!r}")
                continue
            self.offices[office.id] = office
        for entry in entries:
            if entry.id in self.entries:
                other = self.entries[entry.id]
                self.problems.append(f"duplicate id {entry.id!r} in {entry.source} and {other.source}")
                continue
            self.entries[entry.id] = entry
        self.by_country_code: dict[str, KBEntry] = {
            e.country: e for e in self.entries.values() if e.type == "country" and e.country
        }
        # surface form -> ids; demonyms kept apart because they name a state only as a modifier
        self.names: dict[str, list[str]] = defaultdict(list)
        self.demonyms: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            for form in entry.surface_forms():
                if entry.id not in self.names[form]:
                    self.names[form].append(entry.id)
            for form in entry.demonyms:
                if entry.id not in self.demonyms[form]:
                    self.demonyms[form].append(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str | None) -> KBEntry | None:
        return self.entries.get(entry_id) if entry_id else None

    def country(self, code: str | None) -> KBEntry | None:
        return self.by_country_code.get(code.upper()) if code else None

    def lookup(self, form: str) -> list[KBEntry]:
        return [self.entries[i] for i in self.names.get(form, [])]

    def search(self, query: str, limit: int = 50) -> list[KBEntry]:
        """Entries whose id, name, aliases or role contain the query (accent- and case-blind)."""
        needle = fold(query)
        hits = []
        for entry in self.entries.values():
            haystack = [entry.id, entry.name, *entry.aliases, *entry.demonyms, entry.role or ""]
            if any(needle in fold(h) for h in haystack):
                hits.append(entry)
        # the name itself first, then names that open with the query, then the shortest ("Sao Tome" finds the
        # state before its mission to the UN)
        hits.sort(key=lambda e: (fold(e.name) != needle, not fold(e.name).startswith(needle),
                                 needle not in fold(e.name), len(e.name), e.name))
        return hits[:limit]

    def validate(self) -> list[str]:
        """Problems an analyst must fix: bad types, countries, references, and clashing aliases."""
        problems = list(self.problems)
        valid_codes = {c.alpha_2 for c in pycountry.countries}
        for entry in self.entries.values():
            where = f"{entry.source}: {entry.id}"
            if entry.type not in ACTOR_TYPES:
                problems.append(f"{where}: unknown type {entry.type!r}")
            if entry.country is not None and entry.country not in valid_codes:
                # YAML reads an unquoted NO (Norway) as false: the code must be quoted
                problems.append(f"{where}: unknown country code {entry.country!r}")
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.id):
                problems.append(f"{where}: id must be lowercase ascii words joined by hyphens")
            if entry.part_of and entry.part_of not in self.entries and entry.part_of not in valid_codes:
                problems.append(f"{where}: part_of {entry.part_of!r} is neither an id nor a country code")
            problems.extend(f"{where}: member {m!r} is no country code" for m in entry.members if m not in valid_codes)
            for alias in entry.aliases:
                if not alias or alias != alias.strip():
                    problems.append(f"{where}: empty or padded alias {alias!r}")
        for form, ids in self.names.items():
            types = {self.entries[i].type for i in ids}
            if len(ids) > 1 and len(types) == 1 and "person" in types:
                problems.append(f"alias {form!r} names several people: {', '.join(ids)}")
        problems.extend(self._office_problems(valid_codes))
        return problems

    def _office_problems(self, valid_codes: set[str]) -> list[str]:
        """Offices: known kind, state or organisation, people that exist, sound dates, no overlaps."""
        problems = []
        for office in self.offices.values():
            where = f"{office.source}: office {office.id}"
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", office.id):
                problems.append(f"{where}: id must be lowercase ascii words joined by hyphens")
            if office.kind not in self.office_kinds:
                problems.append(f"{where}: unknown kind {office.kind!r}")
            if bool(office.state) == bool(office.organization):
                problems.append(f"{where}: needs either a state or an organization")
            if office.state and office.state not in valid_codes:
                problems.append(f"{where}: unknown state code {office.state!r}")
            if office.organization and office.organization not in self.entries:
                problems.append(f"{where}: unknown organization {office.organization!r}")
            seen: set[tuple[str, str]] = set()
            for tenure in office.holders:
                who = f"{where}: {tenure.person} from {tenure.start}"
                person = self.entries.get(tenure.person)
                if person is None:
                    problems.append(f"{who}: unknown person id {tenure.person!r}")
                elif person.type != "person":
                    problems.append(f"{who}: {tenure.person!r} is a {person.type}, not a person")
                if (tenure.person, tenure.start) in seen:
                    problems.append(f"{who}: duplicate holder")
                seen.add((tenure.person, tenure.start))
                start = parse_partial_date(tenure.start)
                end = parse_partial_date(tenure.end) if tenure.end is not None else None
                if start is None:
                    problems.append(f"{who}: start {tenure.start!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
                if tenure.end is not None and end is None:
                    problems.append(f"{who}: end {tenure.end!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
                if start and end and compare_partial(start, end) > 0:
                    problems.append(f"{who}: ends ({tenure.end}) before it starts")
            if not office.shared:
                problems.extend(_overlaps(where, office.holders))
        return problems

    def offices_for(self, person_id: str) -> list[tuple[Office, Tenure]]:
        """Every office a person held, with the tenure, earliest first."""
        return list(self._tenures().get(person_id, ()))

    def _tenures(self) -> dict[str, list[tuple[Office, Tenure]]]:
        """Person -> (office, tenure) pairs, earliest first: made at the first question, as every known
        person of every article asks (a scan of all offices per question cost a twentieth of extraction)."""
        index = self._tenure_index
        if index is None:
            index = {}
            for office in self.offices.values():
                for tenure in office.holders:
                    index.setdefault(tenure.person, []).append((office, tenure))
            for pairs in index.values():
                pairs.sort(key=lambda pair: pair[1].start_parts)  # stable: ties keep the offices' order
            self._tenure_index = index
        return index


def _overlaps(where: str, holders: list[Tenure]) -> list[str]:
    """Two holders of a one-holder office at once. A tenure ending the day (or, at month precision,
    the month) the next starts is a handover, not an overlap."""
    problems = []
    dated = [t for t in holders if parse_partial_date(t.start) and (t.end is None or parse_partial_date(t.end))]
    dated.sort(key=lambda t: t.start_parts)
    for i, earlier in enumerate(dated):
        for later in dated[i + 1:]:
            end = earlier.end_parts
            if end is None or compare_partial(later.start_parts, end) < 0:
                until = earlier.end or "still in office"
                problems.append(f"{where}: {earlier.person} ({earlier.start} to {until}) overlaps "
                                f"{later.person} (from {later.start})")
    return problems


def fold(text: str) -> str:
    """Case- and accent-blind form for search and comparison."""
    stripped = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return stripped.casefold().strip()


# libyaml's parser where PyYAML was built with it: the knowledge base's files load ten times faster
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)  # a safe loader: plain data only


def _country_entries(data_dir: Path) -> list[KBEntry]:
    from countryinfo import CountryInfo

    states = _load_yaml(data_dir / "un_states.yaml")
    extra = _load_yaml(data_dir / "country_aliases.yaml")
    not_capitals = set(extra.get("capitals_not_aliases", []))
    entries = []
    for code in [*states["members"].split(), *states["observers"].split(), *states.get("others", "").split()]:
        info = CountryInfo(code).info()
        official = pycountry.countries.get(alpha_2=code)
        name = extra.get("names", {}).get(code) or info["name"]
        aliases: list[str] = []
        for form in [*extra["aliases"].get(code, []), info["name"], official.name,
                     getattr(official, "common_name", "")]:
            if form and form != name and form not in aliases:
                aliases.append(form)
        for form in (f.strip() for f in info.get("altSpellings", [])):
            # countryinfo's alternative spellings include codes and native scripts; keep English words
            if len(form) > 3 and form.isascii() and "," not in form and form not in aliases:
                aliases.append(form)
        capital = info.get("capital") or None
        if capital and capital not in not_capitals and capital not in aliases:
            aliases.append(capital)
        # countryinfo joins a two-part state's demonyms with a comma ("Bosnian,Herzegovinian"): each names it
        given = [part.strip() for part in (info.get("demonym") or "").split(",")]
        demonyms = [d for d in [*given, *extra.get("demonyms", {}).get(code, [])] if d]
        demonyms += [_plural(d) for d in demonyms if _plural(d)]
        entries.append(KBEntry(
            id=slug(name), name=name, type="country", country=code,
            aliases=aliases, demonyms=list(dict.fromkeys(demonyms)), capital=capital,
            source="countryinfo",
        ))
    return entries


def _un_mission_entries(countries: list[KBEntry], members: set[str]) -> list[KBEntry]:
    """Every UN member and observer state keeps a permanent mission to the United Nations in New York, which
    news names by its state ("Iran's U.N. mission", "the Chinese mission to the U.N."): built from the states,
    as the states are."""
    entries = []
    for country in countries:
        if country.country not in members:
            continue
        names = [country.name, *(a for a in country.aliases if a.replace(".", "").isupper() and len(a) <= 5)]
        aliases = []
        for name in names:
            for un in ("U.N.", "UN"):
                aliases += [f"{name}'s {un} mission", f"{name}’s {un} mission", f"{name}'s mission to the {un}",
                            f"{name}’s mission to the {un}"]
            aliases += [f"{name}'s mission to the United Nations", f"{name}’s mission to the United Nations",
                        f"Permanent Mission of {name} to the United Nations"]
        for demonym in (d for d in country.demonyms if not d.endswith("s") or d.endswith("ss")):
            aliases += [f"{demonym} U.N. mission", f"{demonym} UN mission", f"{demonym} mission to the U.N.",
                        f"{demonym} mission to the UN", f"{demonym} mission to the United Nations"]
        entries.append(KBEntry(
            id=f"{(country.country or '').lower()}-un-mission",
            name=f"Permanent Mission of {country.name} to the United Nations", type="government_body",
            country=country.country, aliases=list(dict.fromkeys(aliases)), part_of=country.country,
            source="countryinfo",
        ))
    return entries


def _plural(demonym: str) -> str | None:
    """'Albanian' -> 'Albanians', 'Iraqi' -> 'Iraqis'; forms like 'Chinese' or 'British' have none."""
    if " " in demonym or demonym.endswith(("ese", "sh", "ch", "ss", "s")):
        return None
    return demonym + "s" if demonym.endswith(("an", "i", "ot", "er", "ek", "ab", "ian")) else None


def _shape_problems(numbered: str, prefix: str, item: object, required: tuple[str, ...],
                    allowed: set[str]) -> tuple[bool, list[str]]:
    """A YAML item that is not a mapping with the required keys ("entry 3 needs id, name and type"),
    or one with keys the schema does not know (a typo such as 'alias' would otherwise be ignored).
    Returns whether the item can be read at all, and the problems."""
    if not isinstance(item, dict) or not all(item.get(key) for key in required):
        return False, [f"{numbered} needs {', '.join(required[:-1])} and {required[-1]}"]
    unknown = set(item) - allowed
    return True, [f"{prefix}{item['id']}: unknown keys {sorted(unknown)}"] if unknown else []


def _curated_entries(path: Path) -> tuple[list[KBEntry], list[str]]:
    problems: list[str] = []
    data = _load_yaml(path) or []
    if not isinstance(data, list):
        return [], [f"{path.name}: must be a YAML list of entries"]
    entries = []
    for number, item in enumerate(data, start=1):
        usable, trouble = _shape_problems(f"{path.name}: entry {number}", f"{path.name}: ", item,
                                          ("id", "name", "type"), ENTRY_KEYS)
        problems.extend(trouble)
        if not usable or not isinstance(item, dict):
            continue
        aliases = [str(a) for a in item.get("aliases") or []]
        entries.append(KBEntry(
            id=str(item["id"]), name=str(item["name"]), type=str(item["type"]),
            country=item.get("country"), role=item.get("role"),
            aliases=[a for a in aliases if a != item["name"]], part_of=item.get("part_of"),
            members=[str(m) for m in item.get("members") or []], source=path.name,
        ))
    return entries, problems


class _DatesAsTextLoader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """Reads 2018-02-30 as text instead of failing: validation, not the parser, reports a bad date."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _date_text(value: object) -> str | None:
    """The YAML value of a start or end as text; an unquoted full date arrives as datetime.date."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _offices(path: Path) -> tuple[list[Office], dict[str, list[str]], list[str]]:
    """Offices, the generic titles of each kind, and the shape problems of an offices file."""
    if not path.is_file():
        return [], {}, []
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_DatesAsTextLoader) or {}  # a SafeLoader subclass: safe
    if not isinstance(data, dict) or not isinstance(data.get("offices"), list):
        return [], {}, [f"{path.name}: must be a mapping with 'kinds' and a list 'offices'"]
    kinds = {str(k): [str(t) for t in v or []] for k, v in (data.get("kinds") or {}).items()}
    offices, problems = [], []
    for number, item in enumerate(data["offices"], start=1):
        usable, trouble = _shape_problems(f"{path.name}: office {number}", f"{path.name}: office ", item,
                                          ("id", "title", "kind"), OFFICE_KEYS)
        problems.extend(trouble)
        if not usable or not isinstance(item, dict):
            continue
        state = item.get("state")
        if isinstance(state, bool):  # YAML 1.1 reads an unquoted NO (Norway) as false
            problems.append(f"{path.name}: office {item['id']}: quote the state code (\"NO\"): YAML read {state!r}")
            state = None
        holders = []
        for tenure in item.get("holders") or []:
            if not isinstance(tenure, dict) or not tenure.get("person") or tenure.get("start") is None:
                problems.append(f"{path.name}: office {item['id']}: a holder needs person and start: {tenure!r}")
                continue
            if set(tenure) - TENURE_KEYS:
                problems.append(f"{path.name}: office {item['id']}: {tenure['person']}: "
                                f"unknown keys {sorted(set(tenure) - TENURE_KEYS)}")
            holders.append(Tenure(person=str(tenure["person"]), start=_date_text(tenure["start"]) or "",
                                  end=_date_text(tenure.get("end")), acting=bool(tenure.get("acting"))))
        offices.append(Office(
            id=str(item["id"]), title=str(item["title"]), kind=str(item["kind"]),
            state=state, organization=item.get("organization"),
            titles=[str(t) for t in item.get("titles") or []], shared=bool(item.get("shared")),
            holders=holders, source=path.name,
        ))
    return offices, kinds, problems


def load_kb(data_dir: Path | None = None, extra_files: tuple[Path, ...] = ()) -> KnowledgeBase:
    data_dir = data_dir or DATA_DIR
    entries = _country_entries(data_dir)
    states = _load_yaml(data_dir / "un_states.yaml")
    entries += _un_mission_entries(entries, {*states["members"].split(), *states["observers"].split()})
    problems: list[str] = []
    for path in [*sorted(data_dir.glob("*.yaml")), *extra_files]:
        if path.name in NOT_ENTRY_FILES:
            continue
        found, trouble = _curated_entries(path)
        entries.extend(found)
        problems.extend(trouble)
    offices, kinds, trouble = _offices(data_dir / OFFICES_FILE)
    problems.extend(trouble)
    return KnowledgeBase(entries, problems, offices=offices, office_kinds=kinds)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    return load_kb()
