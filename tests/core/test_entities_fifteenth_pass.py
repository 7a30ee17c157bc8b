"""Issue 11, fifteenth session: classes of names without context.

Each class has our own examples (none taken from an evaluation set, tests/data/entity_eval*):
the merges the rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

GPE = "GPE"


# ------------------------- a federation's states from ISO 3166-2 (build-places)


@pytest.mark.parametrize(
    "forms",
    [
        # A Malaysian state: its name, the English designation, the Malay one.
        ["Kelantan", "Kelantan state", "Negeri Kelantan"],
        # A Nigerian state, written with the designation capitalised.
        ["Kebbi", "Kebbi State"],
        # A Brazilian state, with the Portuguese designation (and its name unaccented).
        ["Piauí", "Piaui", "Estado do Piauí", "Piaui state"],
    ],
)
def test_a_state_of_the_place_index_takes_its_designations(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, GPE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A designation the country does not use: Malaysia's regions are states.
        ("Provinsi Kelantan", "Kelantan"),
        ("Provincia de Piauí", "Piauí"),
        # A state whose own name starts with the designation word keeps its whole name.
        ("Negeri Sembilan", "Sembilan"),
        # Two states of one federation.
        ("Negeri Kelantan", "Negeri Terengganu"),
    ],
)
def test_a_state_stays_apart_from_other_places(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, GPE)


def test_a_state_named_in_common_words_is_not_indexed(resolver: EntityResolver) -> None:
    """A sea or a river sharing a state's name stays as written ("Red Sea" is a sea first)."""
    hit = resolver.resolve_name("Red Sea", GPE)
    assert hit is None or hit.canonical_name == "Red Sea"
    _apart(resolver, "Red Sea", "Red Sea state", GPE)


# ------------------------- a native designation before a known region's name


@pytest.mark.parametrize(
    "forms",
    [
        # A Mexican state of the curated gazetteer, in Spanish.
        ["Tamaulipas", "Estado de Tamaulipas", "State of Tamaulipas"],
        # A Brazilian state of the curated gazetteer, in Portuguese.
        ["Minas Gerais", "Estado de Minas Gerais", "Minas Gerais state"],
    ],
)
def test_a_native_designation_before_a_known_region(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, GPE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "Estado de México" is the State of Mexico, not the country.
        ("Estado de México", "Mexico"),
        # A province word before a federation's state: not that state.
        ("Provincia de Tamaulipas", "Tamaulipas"),
        # A designation before a city's name names no city.
        ("Estado de Monterrey", "Monterrey"),
    ],
)
def test_a_native_designation_confirms_only_what_the_country_uses(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, GPE)


# ------------------------- a body's name in its own language and in English

ORG = "ORG"


@pytest.mark.parametrize(
    "forms",
    [
        # A bank outside the table: its Spanish name (with a legal form) and its English one.
        ["Banco de Venezuela", "Bank of Venezuela", "Banco de Venezuela S.A."],
        # A university: Spanish and English.
        ["Universidad de Chile", "University of Chile"],
        # A legislature of the table written in its own language.
        ["Senado de Chile", "Senate of Chile"],
        # A country's native genitive before the head word (Danish "Danmarks").
        ["Danmarks Bank", "Bank of Denmark"],
    ],
)
def test_a_native_name_is_its_english_form(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Words between the head and the country say which body it is.
        ("Banco Central de Chile", "Banco de Chile"),
        ("Universidad Católica de Chile", "University of Chile"),
        # A city after the joining word is no country: not read as one.
        ("Banco de Lisboa", "Bank of Portugal"),
        # Two countries' banks.
        ("Banco de Venezuela", "Bank of Chile"),
    ],
)
def test_a_native_name_stays_apart_from_other_bodies(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


def test_a_known_body_named_in_its_own_language_is_known_by_its_english_form() -> None:
    """The index gives a known body its English form when nothing else bears it."""
    from pipelines.core.entities.loaders import Overrides

    records = [
        {"entity_type": "GPE", "kind": "country", "canonical_name": "Chile", "country": "CL",
         "aliases": []},
        {"entity_type": "ORG", "kind": "org", "canonical_name": "Banco de Chile", "country": "CL",
         "aliases": []},
        {"entity_type": "ORG", "kind": "org", "canonical_name": "Danmarks Bank", "country": "DK",
         "aliases": []},
        {"entity_type": "ORG", "kind": "org", "canonical_name": "Bank of Denmark", "country": "DK",
         "aliases": []},
    ]  # fmt: skip
    small = EntityResolver(records, Overrides(), "test")
    known = small.lookup_exact("Bank of Chile", ORG)
    assert known is not None and known.entry.entity.canonical_name == "Banco de Chile"
    # Two known bodies whose names read the same in English: the English form stays the
    # one that bears it, the native name keeps its own entity.
    english = small.lookup_exact("Bank of Denmark", ORG)
    assert english is not None and english.entry.entity.canonical_name == "Bank of Denmark"
    native = small.lookup_exact("Danmarks Bank", ORG)
    assert native is not None and native.entry.entity.canonical_name == "Danmarks Bank"


# ------------------------- a known body after the possessive of a shared country name


def test_a_possessive_shared_country_name_before_a_known_body() -> None:
    """ "Korea's X" is the known "X of Korea" when that body's country is one Korea."""
    from pipelines.core.entities.loaders import Overrides

    records = [
        {"entity_type": "GPE", "kind": "country", "canonical_name": "South Korea",
         "country": "KR", "aliases": []},
        {"entity_type": "GPE", "kind": "country", "canonical_name": "North Korea",
         "country": "KP", "aliases": []},
        {"entity_type": "GPE", "kind": "country", "canonical_name": "Japan", "country": "JP",
         "aliases": []},
        {"entity_type": "ORG", "kind": "org", "canonical_name": "Zorvex Party of Korea",
         "country": "KR", "aliases": []},
        {"entity_type": "ORG", "kind": "org", "canonical_name": "Kestrel Union of Korea",
         "country": "JP", "aliases": []},
    ]  # fmt: skip
    small = EntityResolver(records, Overrides(), "test")

    def ident(name: str) -> str | None:
        return getattr(small.resolve_name(name, ORG), "entity_id", None)

    assert ident("Korea's Zorvex Party") == ident("Zorvex Party of Korea")
    # A body of neither Korea named so: the possessive names no country of it.
    assert ident("Korea's Kestrel Union") != ident("Kestrel Union of Korea")
    # A name no known body bears "of Korea" stays as written.
    assert ident("Korea's Zorvex League") != ident("Zorvex Party of Korea")
