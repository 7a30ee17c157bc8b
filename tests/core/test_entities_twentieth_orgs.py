"""Issue 11, twentieth session: organisation names written in more than one way.

Invented bodies, or well-known ones in forms of our own (never a string of an evaluation set,
tests/data/entity_eval*): the forms the rules must join next to the pairs they must keep
apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import load_org_local_kinds, organisation_records
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

ORG = "ORG"


# ------------------ an unknown body after a place's possessive


@pytest.mark.parametrize(
    "forms",
    [
        # A city's or region's possessive before a one-of-a-kind name: description.
        ["Denver's Quillfeather Institute", "Quillfeather Institute"],
        ["Calgary's Prairie Sky Research Network", "Prairie Sky Research Network"],
        ["Ohio's Brightwater Learning Trust", "Brightwater Learning Trust"],
        # A country kept before a name every country's body may bear: "<name> of <country>".
        ["Peru's National Heritage Institute", "National Heritage Institute of Peru"],
        ["Ghana's Public Records Authority", "Public Records Authority of Ghana"],
    ],
)
def test_place_possessive_before_unknown_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Bodies every city has: the city's possessive names the city's own.
        ("Boston's Children's Hospital", "Denver's Children's Hospital"),
        ("Boston's Children's Hospital", "Children's Hospital"),
        ("Dallas's Public Library", "Austin's Public Library"),
        ("Tampa's Transit Authority", "Transit Authority"),
        # A country's body of a common name is that country's.
        ("Peru's National Heritage Institute", "Chile's National Heritage Institute"),
        ("Peru's National Heritage Institute", "National Heritage Institute"),
        # A province's party stays the province's, not the federal party.
        ("Ontario's Liberal Party", "Canadian Liberal Party"),
    ],
)
def test_place_possessive_keeps_local_bodies_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


def test_local_kinds_are_lower_case_words() -> None:
    kinds = load_org_local_kinds()
    assert {"council", "police", "party", "children's", "general"} <= kinds
    assert all(k == k.lower() and " " not in k for k in kinds)


# ------------------ a country's cricket board and football association by role


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Board of Control for Cricket in Pakistan",
            "Pakistan's cricket board",
            "the Pakistani cricket body",
        ],
        ["Cricket Australia", "the Australian cricket board", "Australia's cricket authority"],
        [
            "German Football Association",
            "DFB",
            "Deutscher Fussball-Bund",
            "Germany's football federation",
            "the German football association",
        ],
        ["Royal Spanish Football Federation", "RFEF", "Spain's soccer federation"],
        ["Japan Football Association", "JFA", "the Japanese football association"],
        ["US Soccer Federation", "U.S. Soccer", "United States Soccer Federation"],
    ],
)
def test_sports_body_forms_meet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pakistan's cricket board", "the Indian cricket authority"),
        ("Brazil's football federation", "Argentina's football federation"),
        ("Spain's soccer body", "the Welsh football association"),
        ("Cricket Australia", "Football Australia"),
        ("Pakistan's cricket board", "Pakistan's football federation"),
    ],
)
def test_sports_bodies_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


def test_sports_body_rows_fill_a_role_of_their_own_country() -> None:
    rows = [r for r in organisation_records() if r["category"] == "sports_body"]
    assert len(rows) >= 40
    seen: set[tuple[str, str]] = set()
    for rec in rows:
        for place, role in rec.get("roles", []):
            assert role in ("cricket board", "football association"), rec["canonical_name"]
            assert (place, role) not in seen, (place, role)  # one body per country and role
            seen.add((place, role))


# ------------------ the congressional campaign committees by description


@pytest.mark.parametrize(
    "forms",
    [
        ["NRCC", "the House Republicans' campaign arm", "House GOP campaign arm"],
        ["DSCC", "the Senate Democrats' campaign arm", "campaign arm of Senate Democrats"],
    ],
)
def test_campaign_arm_forms_meet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("House Republicans' campaign arm", "Senate Republicans' campaign arm"),
        ("House Republicans' campaign arm", "the House Democratic campaign arm"),
        ("the Senate Democrats' campaign arm", "the Senate Republican campaign arm"),
    ],
)
def test_campaign_arms_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ native, translated and former names of known bodies


@pytest.mark.parametrize(
    "forms",
    [
        ["Golongan Karya", "the Golkar party"],
        ["Les Républicains", "Union pour un mouvement populaire", "UMP"],
        ["Swiss People's Party", "Union démocratique du centre"],
        ["Mongolian People's Party", "Mongolian People's Revolutionary Party"],
        ["Bank of Italy", "Bankitalia", "Banca d'Italia"],
        ["Czech National Bank", "Česká národní banka", "Ceska narodni banka"],
        ["State Oil Company of Azerbaijan Republic", "SOCAR"],
        ["Petroperú", "Petróleos del Perú"],
        ["Grupo Bimbo SAB", "Bimbo Bakeries"],
        ["Telstra", "Telecom Australia"],
    ],
)
def test_native_and_former_names_meet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two state banks sharing the words "Bank Negara"; two banks sharing a word.
        ("Bank Negara Indonesia Tbk", "Bank Negara Malaysia"),
        ("Standard Bank Group", "Standard Chartered"),
    ],
)
def test_native_names_keep_namesakes_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
