"""Load and validate the knowledge base (data files in kb/data/, countries from countryinfo)."""

from __future__ import annotations

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

ACTOR_TYPES = (
    "country", "person", "government_body", "armed_forces", "armed_group", "criminal_organization",
    "political_party", "media", "think_tank", "ngo", "international_organization", "company", "location",
)
ENTRY_KEYS = {"id", "name", "type", "country", "role", "aliases", "part_of", "note"}


@dataclass
class KBEntry:
    id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    part_of: str | None = None
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    source: str = ""  # the data file (or package) the entry came from

    def surface_forms(self) -> list[str]:
        seen: dict[str, None] = {}
        for form in [self.name, *self.aliases]:
            seen.setdefault(form, None)
        return list(seen)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


class KnowledgeBase:
    """Entries by id, and an index from every surface form to the ids it can name."""

    def __init__(self, entries: list[KBEntry], problems: list[str] | None = None) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.problems: list[str] = list(problems or [])
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
        hits.sort(key=lambda e: (fold(e.name) != needle, needle not in fold(e.name), e.name))
        return hits[:limit]

    def validate(self) -> list[str]:
        """Problems an analyst must fix: bad types, countries, references, and clashing aliases."""
        problems = list(self.problems)
        valid_codes = {c.alpha_2 for c in pycountry.countries}
        for entry in self.entries.values():
            where = f"{entry.source}: {entry.id}"
            if entry.type not in ACTOR_TYPES:
                problems.append(f"{where}: unknown type {entry.type!r}")
            if entry.country and entry.country not in valid_codes:
                problems.append(f"{where}: unknown country code {entry.country!r}")
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.id):
                problems.append(f"{where}: id must be lowercase ascii words joined by hyphens")
            if entry.part_of and entry.part_of not in self.entries and entry.part_of not in valid_codes:
                problems.append(f"{where}: part_of {entry.part_of!r} is neither an id nor a country code")
            for alias in entry.aliases:
                if not alias or alias != alias.strip():
                    problems.append(f"{where}: empty or padded alias {alias!r}")
        for form, ids in self.names.items():
            types = {self.entries[i].type for i in ids}
            if len(ids) > 1 and len(types) == 1 and "person" in types:
                problems.append(f"alias {form!r} names several people: {', '.join(ids)}")
        return problems


def fold(text: str) -> str:
    """Case- and accent-blind form for search and comparison."""
    stripped = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return stripped.casefold().strip()


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _country_entries(data_dir: Path) -> list[KBEntry]:
    from countryinfo import CountryInfo

    states = _load_yaml(data_dir / "un_states.yaml")
    extra = _load_yaml(data_dir / "country_aliases.yaml")
    not_capitals = set(extra.get("capitals_not_aliases", []))
    entries = []
    for code in [*states["members"].split(), *states["observers"].split()]:
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
        demonyms = [d for d in [info.get("demonym"), *extra.get("demonyms", {}).get(code, [])] if d]
        demonyms += [_plural(d) for d in demonyms if _plural(d)]
        entries.append(KBEntry(
            id=slug(name), name=name, type="country", country=code,
            aliases=aliases, demonyms=list(dict.fromkeys(demonyms)), capital=capital,
            source="countryinfo",
        ))
    return entries


def _plural(demonym: str) -> str | None:
    """'Albanian' -> 'Albanians', 'Iraqi' -> 'Iraqis'; forms like 'Chinese' or 'British' have none."""
    if " " in demonym or demonym.endswith(("ese", "sh", "ch", "ss", "s")):
        return None
    return demonym + "s" if demonym.endswith(("an", "i", "ot", "er", "ek", "ab", "ian")) else None


def _curated_entries(path: Path) -> tuple[list[KBEntry], list[str]]:
    problems: list[str] = []
    data = _load_yaml(path) or []
    if not isinstance(data, list):
        return [], [f"{path.name}: must be a YAML list of entries"]
    entries = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name") or not item.get("type"):
            problems.append(f"{path.name}: entry {number} needs id, name and type")
            continue
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            problems.append(f"{path.name}: {item['id']}: unknown keys {sorted(unknown)}")
        aliases = [str(a) for a in item.get("aliases") or []]
        entries.append(KBEntry(
            id=str(item["id"]), name=str(item["name"]), type=str(item["type"]),
            country=item.get("country"), role=item.get("role"),
            aliases=[a for a in aliases if a != item["name"]], part_of=item.get("part_of"),
            source=path.name,
        ))
    return entries, problems


def load_kb(data_dir: Path | None = None, extra_files: tuple[Path, ...] = ()) -> KnowledgeBase:
    data_dir = data_dir or DATA_DIR
    entries = _country_entries(data_dir)
    problems: list[str] = []
    for path in [*sorted(data_dir.glob("*.yaml")), *extra_files]:
        if path.name in COUNTRY_FILES:
            continue
        found, trouble = _curated_entries(path)
        entries.extend(found)
        problems.extend(trouble)
    return KnowledgeBase(entries, problems)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    return load_kb()
