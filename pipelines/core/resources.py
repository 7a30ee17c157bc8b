"""Rule files (``pipelines/core/rules``), read one way, and characters shared by stages.

Every rule file is package data read through ``importlib.resources`` here, so the
core works the same from a checkout and from an installed wheel; the modules that
parse a file into tables (``normalize``, ``quotes._rules``, ``parse.resources``,
``entities``) keep the parsed result, compiled once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

RULES_PACKAGE = "pipelines.core.rules"

# Hyphens that join the parts of one word or name ("Suk-yeol", "so-called"): spaCy gives
# each its own token. Other hyphen-like characters (figure dash, minus, soft hyphen, ...)
# are folded to "-" by ``normalize.fold_hyphens`` before names are compared.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
HYPHEN_LIKE = HYPHENS | frozenset({"\u2012", "\u2212", "\u00ad", "\ufe63", "\uff0d"})


@cache
def rule_bytes(name: str) -> bytes:
    """Bytes of one rules file (hashed into data versions)."""
    return resources.files(RULES_PACKAGE).joinpath(name).read_bytes()


def rule_text(name: str) -> str:
    """Text of one rules file."""
    return rule_bytes(name).decode("utf-8")


@cache
def rule_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a rules file, stripped, without ``#`` comment lines."""
    return tuple(
        line
        for raw in rule_text(name).splitlines()
        if (line := raw.strip()) and not line.startswith("#")
    )


@cache
def place_demonym_rows() -> tuple[tuple[str, str], ...]:
    """``place_demonyms.tsv`` as (demonym as written, ISO code) rows, in file order.

    The one reader of the file: the name normalisation (country rows only, before a body's
    kind) and the entity loaders (every row, for a place typed by its demonym) both build
    their tables from it; ``normalize`` cannot import the loaders (an import cycle).
    A row without both columns is skipped.
    """
    rows = []
    for line in rule_lines("place_demonyms.tsv"):
        word, _, code = line.partition("\t")
        if word.strip() and code.strip():
            rows.append((word.strip(), code.strip()))
    return tuple(rows)
