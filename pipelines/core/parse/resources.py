"""Rule data for the parsers, loaded once from ``pipelines/core/rules`` and compiled here.

Keeping every regex and word list in one module (as textacy's ``preprocessing/resources.py``
does) means the parsers are plain functions and the data can be reviewed on its own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from pipelines.core.resources import rule_lines as _read_rule_lines
from pipelines.core.resources import rule_text


@dataclass(frozen=True, slots=True)
class OutletTable:
    """Known outlets: alias (case-folded) -> canonical name, plus a regex over all aliases."""

    canonical_by_alias: dict[str, str]
    # Matches any alias as whole words; longest aliases first so "Yonhap News Agency" wins
    # over "Yonhap".
    alias_re: re.Pattern[str]

    def canonical(self, alias: str) -> str | None:
        """Return the canonical outlet name for an alias, or None when unknown."""
        return self.canonical_by_alias.get(" ".join(alias.split()).casefold())


@cache
def outlet_table() -> OutletTable:
    """Load ``outlets.txt`` (see its header for the format)."""
    mapping: dict[str, str] = {}
    for line in _read_rule_lines("outlets.txt"):
        names = [part.strip() for part in line.split("|") if part.strip()]
        for name in names:
            mapping.setdefault(name.casefold(), names[0])
    aliases = sorted(mapping, key=len, reverse=True)
    pattern = "|".join(re.escape(alias) for alias in aliases)
    return OutletTable(mapping, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE))


@cache
def outlet_words() -> frozenset[str]:
    """Load ``outlet_words.txt``: words that end an outlet name ("Journal", "Times")."""
    return frozenset(_read_rule_lines("outlet_words.txt"))


@cache
def author_placeholders() -> frozenset[str]:
    """Load ``author_placeholders.txt``: author values that name nobody ("No Author")."""
    return frozenset(line.casefold() for line in _read_rule_lines("author_placeholders.txt"))


def clean_authors(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Drop placeholders and duplicates from author names, keeping order."""
    placeholders = author_placeholders()
    kept = (" ".join(name.split()) for name in names)
    return tuple(dict.fromkeys(n for n in kept if n and n.casefold() not in placeholders))


@dataclass(frozen=True, slots=True)
class JsonFieldMap:
    """Normalised JSON key -> ParsedArticle field, with the priority of each key."""

    containers: tuple[str, ...]
    # field name -> keys in priority order (already normalised with ``json_key``)
    fields: dict[str, tuple[str, ...]]


def json_key(key: str) -> str:
    """Normalise a JSON key for matching: case-folded, letters and digits only."""
    return "".join(ch for ch in key.casefold() if ch.isalnum())


@cache
def json_field_map() -> JsonFieldMap:
    """Load ``json_fields.toml``."""
    data = tomllib.loads(rule_text("json_fields.toml"))
    fields = {
        field: tuple(json_key(name) for name in names) for field, names in data["fields"].items()
    }
    containers = tuple(json_key(name) for name in data["containers"])
    return JsonFieldMap(containers, fields)
