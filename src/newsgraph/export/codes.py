"""Codes that event-data tools expect, derived from newsgraph's actor types and PLOVER event types.

From the PLOVER manual (Open Event Data Alliance, draft 0.7b1): the quad categories and the numeric
conflict-cooperation ("Schrodt") scores (data: ontology/event_scale.yaml); the actor code (ISO 3166
alpha-3, or IGO/NGO/IMG/MNC for actors without a state); the sector codes (GOV, MIL, REB, ...).
"""

from __future__ import annotations

import pycountry

from newsgraph.ontology import event_scales

# 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
QUAD_CLASS = {name: scale.quad for name, scale in event_scales().items()}
# from -10 (most conflictual) to +10, as CAMEO's Goldstein scale
SCORE = {name: scale.weight for name, scale in event_scales().items()}

# the sector a newsgraph type stands for; a state itself and a person have none of their own
SECTOR = {
    "government_body": "GOV", "armed_forces": "MIL", "armed_group": "REB", "criminal_organization": "CRM",
    "political_party": "PTY", "media": "JRN", "think_tank": "EDU", "ngo": "SOC", "company": "BUS",
}
# the actor code of an actor no state claims
STATELESS_CODE = {"international_organization": "IGO", "ngo": "NGO", "armed_group": "IMG", "company": "MNC"}


def quad_name(event_type: str) -> str | None:
    quad = QUAD_CLASS.get(event_type)
    return None if quad is None else ("cooperation" if quad <= 2 else "conflict")


def alpha3(country: str | None) -> str | None:
    """ISO 3166 alpha-3 for an alpha-2 code (IR -> IRN); None when unknown."""
    if not country:
        return None
    found = pycountry.countries.get(alpha_2=country.upper())
    return found.alpha_3 if found else None


def actor_code(actor_type: str | None, country: str | None) -> str | None:
    """The PLOVER/CAMEO actor code: the actor's state, else a code for its kind of stateless actor.
    An international organisation is IGO even when the knowledge base gives it a seat."""
    if actor_type == "international_organization":
        return "IGO"
    return alpha3(country) or STATELESS_CODE.get(actor_type or "")
