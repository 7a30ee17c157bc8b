"""Issue 11, seventeenth session: organisation classes that generalise, without context.

Each class has our own examples (invented bodies, or invented forms of public bodies'
names; none taken from an evaluation set, tests/data/entity_eval*): the merges the rule
must make next to the pairs it must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

ORG = "ORG"


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver.default(Path("/nonexistent/overrides.toml"))


# ------------------ a native name's initials: the country it spells out decides


@pytest.mark.parametrize(
    ("native", "known"),
    [
        # Initials of another country's known party or body, with a country in the name.
        ("Parti Communautaire du Canada", "Communist Party of Cuba"),
        ("Partido Campesino Colombiano", "Communist Party of Cuba"),
        ("Komitet Gosudarstvennoy Bezopasnosti Kanady", "KGB"),
    ],
)
def test_native_initials_of_another_country_stay_apart(
    resolver: EntityResolver, native: str, known: str
) -> None:
    _apart(resolver, native, known, ORG)


@pytest.mark.parametrize(
    ("native", "known"),
    [
        # No country in the name, or the body's own country: the initials still name it.
        ("Komitet Gosudarstvennoy Bezopasnosti", "KGB"),
        ("Partido Comunista de Cuba", "Communist Party of Cuba"),
    ],
)
def test_native_initials_of_the_named_country_still_resolve(
    resolver: EntityResolver, native: str, known: str
) -> None:
    assert entity_id(resolver, native, ORG) == entity_id(resolver, known, ORG)


# ------------------ Canadian bodies in both official languages (organisations.tsv)


@pytest.mark.parametrize(
    "forms",
    [
        ["Statistics Canada", "Statistique Canada", "StatCan", "Canada's statistics agency"],
        ["Canada Revenue Agency", "Agence du revenu du Canada", "CRA"],
        ["Canada Border Services Agency", "CBSA", "ASFC", "Canada's border agency"],
        ["Global Affairs Canada", "Affaires mondiales Canada", "Canada's foreign ministry"],
        ["Department of National Defence", "DND", "Canadian defence ministry"],
        ["Hydro-Québec", "Hydro Quebec", "Hydro-Quebec"],
        ["Public Service Alliance of Canada", "PSAC", "Alliance de la fonction publique du Canada"],
        ["Canadian Security Intelligence Service", "SCRS", "C.S.I.S."],
        ["Parti Québécois", "PQ", "Parti Quebecois"],
    ],
)
def test_a_canadian_body_in_either_language(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A Canadian acronym another known body holds stays that body's.
        ("CPC", "Conservative Party of Canada"),
        ("CAF", "Canadian Armed Forces"),
        # A provincial body is not the federal one, nor one province's another's.
        ("Ontario Provincial Police", "Royal Canadian Mounted Police"),
        ("Ontario Liberal Party", "Quebec Liberal Party"),
        ("Ontario New Democratic Party", "New Democratic Party"),
        ("Health Canada", "Public Health Agency of Canada"),
        ("Bank of Canada", "Business Development Bank of Canada"),
    ],
)
def test_canadian_bodies_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
