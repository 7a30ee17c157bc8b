"""Keys, display names and the records shared by the gazetteer index and the article passes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.core import ids
from pipelines.core.models import (
    GPE,
    LOC,
    ORG,
    PERSON,
    Entity,
)
from pipelines.core.normalize import (
    clean_name,
    clean_org_name,
    clean_place_name,
    fold_typography,
    org_key,
    person_key,
    place_key,
)

NER_TYPES = {"PERSON": PERSON, "ORG": ORG, "GPE": GPE, "LOC": LOC}
THE = re.compile(r"^the\s+", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")

ROLE_TITLES = frozenset(
    {"president", "prime minister", "premier", "chancellor", "supreme leader", "leader",
     "king", "queen", "emperor", "monarch", "president-elect", "vice president"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One known entity and the facts the rules use."""

    entity: Entity
    kind: str  # person | country | city | region | org | office | override | name
    country: str = ""
    capital_of: str = ""
    position: str = ""  # for offices: the position QID
    positions: tuple[tuple[str, str, str, str], ...] = ()  # (qid, label, country, end)
    source: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A resolution result with its audit information."""

    entry: Entry
    rule: str
    evidence: str
    is_metonymy: bool = False


def make_entity(entity_type: str, canonical: str, qid: str | None) -> Entity:
    key = qid or type_key(canonical, entity_type)
    return Entity(ids.entity_id(entity_type, key), canonical, entity_type, qid)


@lru_cache(maxsize=65536)
def type_key(surface: str, entity_type: str) -> str:
    if entity_type == PERSON:
        return person_key(surface)
    if entity_type == ORG:
        return org_key(surface)
    return place_key(surface)


def clean_for(surface: str, entity_type: str | None) -> str:
    """Display-cleaned name for a type: titles are stripped from person names only."""
    if entity_type == ORG:
        return clean_org_name(surface)
    if entity_type in (GPE, LOC):
        return clean_place_name(surface)
    return clean_name(surface)


@lru_cache(maxsize=65536)
def acronym_key(surface: str) -> str:
    text = fold_typography(surface).strip()
    text = THE.sub("", text)
    return text.replace(".", "").replace("-", "").upper() if ACRONYM.match(text) else ""
