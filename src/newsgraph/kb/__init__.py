"""The knowledge base of known actors: countries from countryinfo plus curated YAML files."""

from newsgraph.kb.loader import ACTOR_TYPES, KBEntry, KnowledgeBase, load_kb

__all__ = ["ACTOR_TYPES", "KBEntry", "KnowledgeBase", "load_kb"]
