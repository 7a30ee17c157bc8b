"""Issue 11, twentieth session (round two): company and club names written in more than one way.

Invented companies and clubs, or real cities in forms of our own (never a string of an
evaluation set, tests/data/entity_eval*): the forms the rules must join next to the pairs
they must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

ORG = "ORG"


# ------------------ a legal form with the company's country in brackets after it


@pytest.mark.parametrize(
    "forms",
    [
        ["Quellmark Biotek A/S (Denmark)", "Quellmark Biotek A/S", "Quellmark Biotek"],
        ["Hartwald Maschinen AG (Germany)", "Hartwald Maschinen AG"],
        ["Fiordalisa Tessuti S.p.A. (Italy)", "Fiordalisa Tessuti SpA"],
        ["Lumivaara Oyj (Finland)", "Lumivaara Oyj", "Lumivaara"],
    ],
)
def test_legal_form_with_its_country_in_brackets(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Without a legal form the bracket may name a national arm or another body.
        ("Quellmark Biotek (Denmark)", "Quellmark Biotek"),
        # A group's bracketed country is its national arm, not the group.
        ("Hartwald Group (Austria)", "Hartwald Group"),
        # A city in brackets is not where a company is registered.
        ("Hartwald Maschinen AG (Hamburg)", "Hartwald Maschinen AG"),
    ],
)
def test_bracket_without_legal_form_or_country_kept(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a football club's "FC" before its name


def test_fc_before_the_name(resolver: EntityResolver) -> None:
    _same(resolver, ["FC Vellmar Rovers", "Vellmar Rovers FC", "Vellmar Rovers"], ORG)


def test_afc_before_the_name_kept(resolver: EntityResolver) -> None:
    # "AFC" is also the Asian confederation: its competitions are not another body's.
    _apart(resolver, "AFC Quillmoor Cup", "Quillmoor Cup", ORG)


# ------------------ a city's native name at the end of a club's or company's name


@pytest.mark.parametrize(
    "forms",
    [
        ["Sportverein Wien", "Sportverein Vienna"],
        ["Atletico Quintana Lisboa", "Atletico Quintana Lisbon"],
        ["Rotweiss München", "Rotweiss Muenchen", "Rotweiss Munich", "FC Rotweiss München AG"],
    ],
)
def test_city_native_name_is_its_english_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another city is another club.
        ("Sportverein Wien", "Sportverein Prague"),
        # A city's name alone is never a club's.
        ("Roma", "Rome"),
    ],
)
def test_city_forms_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a party named after its country, with the demonym for the country's name


@pytest.mark.parametrize(
    ("written", "known"),
    [
        # Well-known parties of the table, in the other form of their country word.
        ("Swedish Democrats", "Sweden Democrats"),
        ("Switzerland People's Party", "Swiss People's Party"),
    ],
)
def test_party_with_other_country_word(resolver: EntityResolver, written: str, known: str) -> None:
    _same(resolver, [written, known], ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another country's word is another country's party.
        ("Norwegian Democrats", "Sweden Democrats"),
        ("Austrian People's Party", "Swiss People's Party"),
    ],
)
def test_other_country_word_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ description around a known body's name


@pytest.mark.parametrize(
    "forms",
    [
        # A stance before the name ("anti-<X>", "pro-<X>").
        ["the pro-Brussels Sweden Democrats", "Sweden Democrats"],
        ["the anti-EU Swiss People's Party", "Swiss People's Party"],
        # "think tank" after the name.
        ["the Quillfeather Policy Institute think tank", "Quillfeather Policy Institute"],
    ],
)
def test_description_around_a_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


def test_capitalised_anti_is_a_name(resolver: EntityResolver) -> None:
    # "Anti-" capitalised starts a name: the body is not the one named by the rest.
    _apart(resolver, "Anti-Quillfeather League", "Quillfeather League", ORG)


# ------------------ churches: short forms, and churches kept apart


def test_church_short_forms(resolver: EntityResolver) -> None:
    _same(resolver, ["C of E", "CofE", "the Church of England"], ORG)
    _same(resolver, ["LDS Church", "Mormon Church"], ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two Orthodox churches of one country.
        ("Ukrainian Orthodox Church", "Russian Orthodox Church"),
        # "the Irish Church" is as often the Catholic Church in Ireland.
        ("Irish Church", "Church of England"),
        ("Church of Scotland", "Church of England"),
    ],
)
def test_churches_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
