"""Issue 11, twenty-first session: owners, descriptions and former states around a name.

Invented people, bodies and papers (never a string of an evaluation set,
tests/data/entity_eval*), and former countries in spellings of our own choosing: the forms
the rules must join next to the pairs they must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

ORG, GPE, PERSON = "ORG", "GPE", "PERSON"


# ------------------------------------------- a newspaper and its publishing company


@pytest.mark.parametrize(
    ("paper", "publisher"),
    [
        ("The Kestrel Valley Times", "The Kestrel Valley Times Company"),
        ("Harbourside Post", "Harbourside Post Co."),
        ("the Marlow Bay Herald", "Marlow Bay Herald Inc."),
        ("Dunmore Evening Chronicle", "Dunmore Evening Chronicle Corporation"),
    ],
)
def test_a_newspaper_is_not_its_publisher(
    resolver: EntityResolver, paper: str, publisher: str
) -> None:
    _apart(resolver, paper, publisher, ORG)


@pytest.mark.parametrize(
    "forms",
    [
        ["The Kestrel Valley Times Company", "Kestrel Valley Times Co.", "Kestrel Valley Times Co"],
        ["Harbourside Post Co.", "The Harbourside Post Company"],
        # Not a newspaper's title: the legal form still goes.
        ["Quillfeather Motor Company", "Quillfeather Motor"],
    ],
)
def test_a_publishers_forms_and_other_companies(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


# ------------------------------------------------------- former states of Europe


@pytest.mark.parametrize(
    "forms",
    [
        ["the Soviet Union", "the USSR", "U.S.S.R", "Union of Soviet Socialist Republics"],
        ["Czechoslovakia", "ČSSR", "Czech and Slovak Federal Republic", "Czecho-Slovakia"],
        ["Yugoslavia", "SFRJ", "the Socialist Federal Republic of Yugoslavia"],
        ["East Germany", "the GDR", "German Democratic Republic", "DDR"],
    ],
)
def test_former_states_by_their_names(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, GPE)


@pytest.mark.parametrize(
    ("former", "successor"),
    [
        ("Soviet Union", "Russia"),
        ("USSR", "Russian Federation"),
        ("Czechoslovakia", "Czech Republic"),
        ("Czechoslovakia", "Slovakia"),
        ("Yugoslavia", "Serbia"),
        ("SFR Yugoslavia", "Federal Republic of Yugoslavia"),
        ("East Germany", "Germany"),
        ("German Democratic Republic", "Federal Republic of Germany"),
    ],
)
def test_a_former_state_is_not_its_successor(
    resolver: EntityResolver, former: str, successor: str
) -> None:
    _apart(resolver, former, successor, GPE)


def test_the_former_secret_police_by_its_names(resolver: EntityResolver) -> None:
    _same(resolver, ["Stasi", "MfS", "Ministerium fur Staatssicherheit"], ORG)


# ------------------------------------------ a person's possessive before a body or place


@pytest.mark.parametrize(
    ("forms", "etype"),
    [
        (["Dalia Vornhagen's Kestrel Gazette", "Kestrel Gazette"], ORG),
        (["Nora Quenby's Harbourside Borough Council", "Harbourside Borough Council"], ORG),
        (["the Pellworth brothers' Citizens for Renewal", "Citizens for Renewal"], ORG),
        (["Dalia Vornhagen's Portugal", "Portugal"], GPE),
        (["Vornhagen's Portugal", "Portugal"], GPE),
    ],
)
def test_a_persons_possessive_is_description(
    resolver: EntityResolver, forms: list[str], etype: str
) -> None:
    _same(resolver, forms, etype)


@pytest.mark.parametrize(
    ("a", "b", "etype"),
    [
        # A one-word possessive may be the company's own name.
        ("Vornhagen's Bakery", "Bakery", ORG),
        ("Vornhagen's Kestrel Gazette", "Kestrel Gazette", ORG),
        # A firm's two-word name may read as a person's: its division stays apart.
        ("Kestrel Quenby's Wealth Management", "Wealth Management", ORG),
        # A business named for its founder's possessive: everyday words after it.
        ("Benny Marlowe's Gourmet Sandwiches", "Gourmet Sandwiches", ORG),
        # A place's possessive before a description is not the place.
        ("Portugal's media regulator", "Portugal", ORG),
    ],
)
def test_possessives_that_stay(resolver: EntityResolver, a: str, b: str, etype: str) -> None:
    _apart(resolver, a, b, etype)


# ------------------------------------------------ a body's possessive before a person


@pytest.mark.parametrize(
    "forms",
    [
        ["Tomas Eklund", "Harbourside Rovers' Tomas Eklund", "Kestrel News' Tomas Eklund"],
    ],
)
def test_a_persons_body_around_the_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, PERSON)


# ------------------------------------------------- descriptions around a body's name


@pytest.mark.parametrize(
    "forms",
    [
        ["Voters for Tomorrow", "pro-Quenby super PAC Voters for Tomorrow"],
        ["Citizens for Renewal", "the Citizens for Renewal network"],
        ["Coastal Standards Authority", "Harbour watchdog the Coastal Standards Authority"],
        ["KVTU", "the KVTU union umbrella body"],
    ],
)
def test_descriptions_around_a_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Portuguese regulator", "Portugal"),
        ("the Portuguese network", "Portuguese"),
        ("the UN body", "United Nations"),
        # A body's own political action committee is another body.
        ("Kestrel Growth Club PAC", "Kestrel Growth Club"),
        ("Voters for Tomorrow super PAC", "Voters for Tomorrow"),
    ],
)
def test_descriptions_that_name_no_body(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------------------------------------- a role written beside the name


@pytest.mark.parametrize(
    "forms",
    [
        ["Dalia Vornhagen", "Kestrelland's First Minister, Dalia Vornhagen"],
        ["Dalia Vornhagen", "Acme Holdings' chief executive, Dalia Vornhagen"],
        ["Tomas Eklund", "Tomas Eklund, Nora Quenby's campaign manager"],
        ["Tomas Eklund", "Tomas Eklund, Kestrel Valley Rovers' head coach"],
    ],
)
def test_a_role_beside_the_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "Surname, Given names": not a role before the name.
        ("Vornhagen, Dalia Marie", "Dalia Marie"),
        ("Eklund, Tomas", "Tomas"),
    ],
)
def test_a_comma_that_is_no_role(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)
