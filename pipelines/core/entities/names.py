"""Keys, display names and the records shared by the gazetteer index and the lookups.

Also the package's one import point for the name-form helpers of ``normalize`` and the
records of ``models`` (``__all__`` at the end): the modules of ``entities`` take them from here.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from pipelines.core import ids
from pipelines.core.models import (
    GPE,
    LOC,
    ORG,
    PERSON,
    AliasDecision,
    ArticleAuthor,
    ArticleEntities,
    Entity,
    Mention,
    NerSpan,
)
from pipelines.core.normalize import (
    PATRONYMIC_PARTICLES,
    acronym_of,
    clean_name,
    clean_org_name,
    clean_place_name,
    clean_surface,
    fold_latin_token,
    fold_typography,
    is_common_english_word,
    is_sub_body,
    name_rules,
    org_key,
    parse_person_name,
    person_key,
    place_key,
    split_person_name,
    split_titles,
    strip_possessive,
    surname_key,
    written_surname_key,
)

K = TypeVar("K", bound=Hashable)
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
    # ISO 3166-2 code of a city's state or province, or a first-level region's own code.
    admin1: str = ""
    # A GeoNames city whose own name other GeoNames towns bear ("San Juan"): a name with
    # a word added ("San Juan City") may be one of those towns.
    namesakes: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A resolution result with its audit information."""

    entry: Entry
    rule: str
    evidence: str
    is_metonymy: bool = False


def make_entity(
    entity_type: str, canonical: str, qid: str | None, keep_group: bool = False
) -> Entity:
    """The entity of a name; ``keep_group``: a body whose parent group is known apart."""
    key = qid or type_key(canonical, entity_type)
    if entity_type == ORG and not qid:
        if keep_group:
            key = org_key(canonical, keep_group=True)
        key = key.replace(" ", "")  # as the resolver keys names it does not know
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


def add_entry(index: dict[K, list[Entry]], key: K, entry: Entry) -> None:
    """Add an entry under a key once (an entity is listed once per key)."""
    if not key:
        return
    bucket = index.setdefault(key, [])
    if all(e.entity.entity_id != entry.entity.entity_id for e in bucket):
        bucket.append(entry)


@lru_cache(maxsize=65536)
def acronym_key(surface: str) -> str:
    text = fold_typography(surface).strip()
    text = THE.sub("", text)
    return text.replace(".", "").replace("-", "").upper() if ACRONYM.match(text) else ""


# "the PML-N party": an acronym followed by the head noun of the name it abbreviates names
# the acronym's organisation (only party/movement: "a UN group" is a part of the UN).
_ACRONYM_HEAD = re.compile(
    r"^(?:the\s+)?([A-Z][A-Z0-9&.\-]{1,9})\s+(?:party|movement)$",
    re.IGNORECASE,
)


def acronym_before_head(surface: str) -> str:
    """The acronym of "<ACRONYM> party" or "<ACRONYM> <legal form>", else "".

    "the PML-N party" -> "PML-N"; "ICBC Ltd", "TSMC Co., Ltd." -> "ICBC", "TSMC" (the legal
    form is dropped from keys anyway, but an acronym is looked up apart from names).
    """
    clean = clean_org_name(surface)
    m = _ACRONYM_HEAD.match(clean)
    if m and ACRONYM.match(m.group(1)) and m.group(1).isupper():
        return m.group(1)
    first, _, rest = clean.partition(" ")
    # Three letters or more: "UN Ltd" is nobody's legal name.
    if rest and len(first) >= 3 and first.isupper() and ACRONYM.match(first):
        return first if org_key(clean) == org_key(first) else ""
    return ""


# Vowels and doubled letters are what English spellings of Arabic and Persian names disagree
# on (Hezbollah/Hizbollah/Hizballah/Hizbullah, Qaeda/Qaida, Taliban/Taleban); "q"/"k",
# "ou"/"u", "'" and the article "al"/"el" as well.
_SKELETON_VOWELS = re.compile(r"[aeiouy]+")
_SKELETON_DOUBLE = re.compile(r"(.)\1+")
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "e"})


def patronymic_prefix(name: str) -> str:
    """Key of a patronymic name cut after the father's name, "" for other names.

    "Mohammed bin Zayed Al Nahyan" -> the key of "Mohammed bin Zayed": news often drops
    the family name, never the order ("Zayed bin Mohammed" is another man).
    """
    parsed = parse_person_name(clean_name(name))
    tokens = list(parsed.tokens)
    for i, t in enumerate(tokens[1:-1], 1):
        if t in PATRONYMIC_PARTICLES:
            prefix = tokens[: i + 2]
            return " ".join(prefix) if len(prefix) < len(tokens) else ""
    return ""


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short: the quadratic table is cheap)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def transliteration_skeleton(key: str) -> str:
    """Spelling-free skeleton of an org key: "al qaida" and "al qaeda" -> "qd"."""
    words = [w for w in key.replace("'", "").split() if w not in _ARTICLES]
    out = []
    for w in words:
        w = w.replace("q", "k").replace("kh", "k").replace("dh", "d").replace("w", "u")
        w = _SKELETON_DOUBLE.sub(r"\1", _SKELETON_VOWELS.sub("", w)) or w[:1]
        out.append(w)
    return " ".join(out)


# The rest of a company's name after its brand ("Toyota Motor", "Huawei Technologies",
# "Harvard University"): a bare "Toyota" names it when no other gazetteer organisation
# starts with that word.
COMPANY_TAILS = frozenset(
    {"motor", "motors", "electronics", "technologies", "technology", "holdings",
     "holding", "corporation", "corp", "company", "co", "inc", "platforms", "industries",
     "airlines", "airways", "semiconductor", "chemical", "chemicals", "petroleum", "energy",
     "financial", "telecom", "telecommunications", "communications", "pharmaceuticals",
     "steel", "entertainment", "networks", "systems", "software", "foods", "automotive",
     "international", "heavy industries", "university"}
)  # fmt: skip

__all__ = [
    "ACRONYM",
    "COMPANY_TAILS",
    "GPE",
    "LOC",
    "NER_TYPES",
    "ORG",
    "PATRONYMIC_PARTICLES",
    "PERSON",
    "ROLE_TITLES",
    "THE",
    "AliasDecision",
    "ArticleAuthor",
    "ArticleEntities",
    "Entity",
    "Entry",
    "Hit",
    "Mention",
    "NerSpan",
    "acronym_key",
    "acronym_of",
    "add_entry",
    "clean_for",
    "clean_name",
    "clean_org_name",
    "clean_place_name",
    "clean_surface",
    "edit_distance",
    "fold_latin_token",
    "fold_typography",
    "is_common_english_word",
    "is_sub_body",
    "make_entity",
    "name_rules",
    "org_key",
    "parse_person_name",
    "patronymic_prefix",
    "person_key",
    "place_key",
    "split_person_name",
    "split_titles",
    "strip_possessive",
    "surname_key",
    "transliteration_skeleton",
    "type_key",
    "written_surname_key",
]
