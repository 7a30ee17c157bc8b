"""Issue 11, fifteenth session: classes of names without context.

Each class has our own examples (none taken from an evaluation set, tests/data/entity_eval*):
the merges the rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

GPE = "GPE"


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver.default(Path("/nonexistent/overrides.toml"))


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
