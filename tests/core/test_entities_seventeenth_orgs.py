"""Issue 11, seventeenth session: organisation classes that generalise, without context.

Each class has our own examples (invented bodies, or invented forms of public bodies'
names; none taken from an evaluation set, tests/data/entity_eval*): the merges the rule
must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

ORG = "ORG"


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


# ------------------ "Bank <ACRONYM>": a known bank's acronym with the bank word first


@pytest.mark.parametrize(
    "forms",
    [
        ["Bank ICBC", "ICBC", "Industrial and Commercial Bank of China"],
        ["Bank CIBC", "CIBC"],
        ["Bank SBI", "State Bank of India"],
    ],
)
def test_bank_word_before_a_known_acronym(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The acronym of a body that is no bank: "Bank <ACRONYM>" is not that body.
        ("Bank CSIS", "CSIS"),
        ("Bank CSIS", "Canadian Security Intelligence Service"),
    ],
)
def test_bank_word_before_another_acronym_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a known party without its country


@pytest.mark.parametrize(
    "forms",
    [
        ["Public Service Alliance", "Public Service Alliance of Canada"],
        ["the Public Service Alliance", "PSAC"],
        ["Constitutional Democratic Party", "Constitutional Democratic Party of Japan"],
    ],
)
def test_a_known_body_without_its_country(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Ideology words only: every country has such a party.
        ("Social Democratic Party", "Social Democratic Party of Germany"),
        ("the Freedom Party", "Freedom Party of Austria"),
        ("United Socialist Party", "United Socialist Party of Venezuela"),
        # Two known parties start so: neither.
        ("Liberal Party", "Liberal Party of Canada"),
        ("Liberal Party", "Liberal Party of Australia"),
        ("Communist Party", "Communist Party of Cuba"),
    ],
)
def test_a_generic_or_shared_party_name_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ "federal <name>": a federation's body, never a unitary country's


@pytest.mark.parametrize(
    "forms",
    [
        ["the federal Conservatives", "Conservative Party of Canada"],
        ["the federal Conservative Party", "Canadian Conservative Party"],
    ],
)
def test_federal_names_a_federations_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("federal Conservatives", "Conservative Party"),
        ("federal Tories", "Tory Party"),
        ("federal Labour Party", "Labour Party"),
        # Two federations' Liberal Parties: neither.
        ("federal Liberal Party", "Liberal Party of Canada"),
        ("federal Liberal Party", "Liberal Party of Australia"),
    ],
)
def test_federal_never_names_a_unitary_countrys_body(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


def test_federal_keeps_a_federations_own_body(resolver: EntityResolver) -> None:
    assert entity_id(resolver, "federal Reserve", ORG) == entity_id(
        resolver, "Federal Reserve", ORG
    )


# ------------------ institute / institution / "Inst.", British and American spellings


@pytest.mark.parametrize(
    "forms",
    [
        ["Cato Institution", "Cato Institute"],
        ["Brookings Institute", "Brookings Institution"],
        ["Cato Inst.", "Cato Institute"],
        ["Pew Research Centre", "Pew Research Center"],
        ["Centre for American Progress", "Center for American Progress"],
        ["Department of National Defense", "Department of National Defence"],
    ],
)
def test_a_known_body_with_one_word_in_another_form(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "Labor" is not folded: Australia's Labor Party is not Britain's Labour Party.
        ("Labor Party", "Labour Party"),
        # An unknown body's other form is not a known body's.
        ("Brookings Centre", "Brookings Institution"),
    ],
)
def test_word_forms_keep_bodies_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ US party committees and advocacy bodies (organisations.tsv)


@pytest.mark.parametrize(
    "forms",
    [
        ["Democratic National Committee", "DNC", "D.N.C."],
        ["National Republican Senatorial Committee", "NRSC"],
        ["American Civil Liberties Union", "ACLU"],
        ["Service Employees International Union", "SEIU"],
    ],
)
def test_a_us_political_body_by_its_acronym(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A written acronym wins over another body's initials.
        ("RNC", "Royal Newfoundland Constabulary"),
        ("NRA", "Nuclear Regulation Authority"),
        ("DNC", "Democratic Congressional Campaign Committee"),
        ("Center for Strategic and International Studies", "CSIS"),
    ],
)
def test_us_political_bodies_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
