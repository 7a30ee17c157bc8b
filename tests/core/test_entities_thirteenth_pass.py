"""Issue 11, names side (thirteenth session): a known body's name written shorter or longer.

Names: a gazetteer organisation's name without the kind of business or body at its end ("X Heavy"
for X Heavy Industries, "X News" for X News Agency), a native name without its country
written last, and a known body with its country after the word for "of" in the name's own
language ("de", "do", "ng") or with "Korea" for South or North Korea. People: a gazetteer
person's name with one vowel of another quality ("o"/"u", "e"/"i", a final "i"/"y") or
written with Turkish letters spelt the English way ("ç" as "ch", "ş" as "sh"), after
"High Representative", "Haji" or "Hj", or after one initial. Invented bodies where a rule is tested on its own; none of
these strings is taken from an evaluation set (tests/data/entity_eval*). Every class has
its must-not-merge cases next to it.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import Overrides
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


def _country(name: str, code: str) -> dict[str, Any]:
    return {"entity_type": "GPE", "kind": "country", "canonical_name": name, "country": code}


def _person(name: str) -> dict[str, Any]:
    return {"entity_type": "PERSON", "kind": "person", "canonical_name": name, "aliases": []}


def _org(name: str, country: str, *aliases: str) -> dict[str, Any]:
    return {
        "entity_type": "ORG",
        "kind": "org",
        "canonical_name": name,
        "country": country,
        "aliases": list(aliases),
    }


@pytest.fixture(scope="module")
def small() -> EntityResolver:
    """Invented companies, agencies and native-named bodies of a few countries."""
    records = [
        _country("Malaysia", "MY"),
        _country("Chile", "CL"),
        _country("Brazil", "BR"),
        _country("South Korea", "KR"),
        _country("North Korea", "KP"),
        _country("Sudan", "SD"),
        _org("Hanul Renewal Party", "KR"),
        _org("Taebong Workers' League", "KP"),
        _org("Kestavo Heavy Industries", "KR"),
        _org("Lumira News Agency", "CL"),
        _org("Tarvell Electric Power Company", "BR"),
        _org("Orvane Steel Industries", "BR"),
        _org("Orvane Steel Heavy Industries", "BR"),
        _org("Bank Sorvati Malaysia", "MY"),
        _org("Banco Orlessa de Chile", "CL"),
        _org("Green Harvest Agency", "CL"),
        _org("Orlessa Mining", "CL"),
        _person("Munir Kassabiyan"),
        _person("Fathi Zoubeirat"),
        _person("Çağatay Kılıçoğlu"),
        _person("Rəşad Mammadzadə"),
        _person("Arvid Lenzmark"),
        _person("Teodora Valsquinn"),
    ]
    return EntityResolver(records, Overrides(), "test")


# ----------------------------------------- a known name without the kind of body at its end


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Kestavo Heavy Industries", "Kestavo Heavy"],
        ["Lumira News Agency", "Lumira News", "the Lumira News"],
        ["Tarvell Electric Power Company", "Tarvell Electric"],
        # A native name without its country written last.
        ["Bank Sorvati Malaysia", "Bank Sorvati"],
    ],
)
def test_shortened_known_names(small: EntityResolver, surfaces: list[str]) -> None:
    _same(small, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two known bodies go on from the shortened name: neither is picked.
        ("Orvane Steel", "Orvane Steel Industries"),
        ("Orvane Steel", "Orvane Steel Heavy Industries"),
        # A country after a joining word is never dropped: "Banco <word>" in one language
        # is every country's.
        ("Banco Orlessa", "Banco Orlessa de Chile"),
        # Everyday words say no body: every country has its "green harvest" agency.
        ("Green Harvest", "Green Harvest Agency"),
    ],
)
def test_shortened_names_that_stay_apart(small: EntityResolver, a: str, b: str) -> None:
    _apart(small, a, b, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Fars News Agency", "Fars News"],
        ["Kuwait News Agency", "Kuwait News"],
        ["Israel Aerospace Industries", "Israel Aerospace"],
    ],
)
def test_shortened_gazetteer_names(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Every country's agency, in English words.
        ("Environmental Protection", "Environmental Protection Agency"),
        ("National Crime", "National Crime Agency"),
        # Every country's body, in the words of its language, before "de"/"du"/"del".
        ("Partido Comunista", "Communist Party of Cuba"),
        ("Cour Suprême", "Supreme Court of Canada"),
        ("Banco Central de Reserva", "Central Reserve Bank of Peru"),
    ],
)
def test_generic_shortened_names_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


# ------------------------------- a known body with its country after "of" in its language


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Orlessa Mining", "Orlessa Mining de Chile", "Orlessa Mining of Chile"],
        # A country name two countries share without their compass word: the body's own.
        ["Hanul Renewal Party", "Hanul Renewal Party of Korea"],
        ["Taebong Workers' League", "Taebong Workers' League of Korea"],
    ],
)
def test_known_body_with_its_country_after_de(small: EntityResolver, surfaces: list[str]) -> None:
    _same(small, surfaces, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Pemex", "Pemex de México"],
        ["YPF", "YPF de Argentina"],
    ],
)
def test_gazetteer_body_with_its_country_after_de(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b", "small_set"),
    [
        ("Orlessa Mining", "Orlessa Mining do Brasil", True),
        ("Hanul Renewal Party", "Hanul Renewal Party of Sudan", True),
        ("Orlessa Mining", "Orlessa Mining of Korea", True),
        ("Pemex", "Pemex de Venezuela", False),
        ("YPF", "YPF de Bolivia", False),
    ],
)
def test_known_body_with_another_country_stays_apart(
    resolver: EntityResolver, small: EntityResolver, a: str, b: str, small_set: bool
) -> None:
    _apart(small if small_set else resolver, a, b, "ORG")


# ------------------------------------------ a gazetteer person's name spelt another way


@pytest.mark.parametrize(
    "surfaces",
    [
        # One vowel of another quality inside a short given name, a final "y" for "i".
        ["Munir Kassabiyan", "Monir Kassabiyan"],
        ["Fathi Zoubeirat", "Fathy Zoubeirat"],
        # Turkish and Azerbaijani letters spelt as English says them, or without marks.
        ["Çağatay Kılıçoğlu", "Chagatay Kilichoglu", "Cagatay Kilicoglu"],
        ["Rəşad Mammadzadə", "Rashad Mammadzade", "Rashad Mammadzada"],
    ],
)
def test_spellings_of_a_known_person(small: EntityResolver, surfaces: list[str]) -> None:
    _same(small, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another vowel (a/u), two vowels, or another final letter: other names.
        ("Munir Kassabiyan", "Manir Kassabiyan"),
        ("Munir Kassabiyan", "Moner Kassabiyan"),
        ("Fathi Zoubeirat", "Fathu Zoubeirat"),
        # "sh" for "ş" only: a "ch" for a plain "c" is no Turkish letter.
        ("Çağatay Kılıçoğlu", "Chagatay Kilicochlu"),
    ],
)
def test_other_names_stay_apart(small: EntityResolver, a: str, b: str) -> None:
    _apart(small, a, b, "PERSON")


# --------------------------------------------- titles and an initial before a full name


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Teodora Valsquinn", "High Representative Teodora Valsquinn"],
        ["Arvid Lenzmark", "Haji Arvid Lenzmark", "Hj. Arvid Lenzmark"],
        # One initial before a full known name: a first name the person is not known by.
        ["Arvid Lenzmark", "K. Arvid Lenzmark", "Dr. K. Arvid Lenzmark"],
    ],
)
def test_titles_and_an_initial_before_a_known_name(
    small: EntityResolver, surfaces: list[str]
) -> None:
    _same(small, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Initials before one word, or two initials: not a known full name after one.
        ("Arvid Lenzmark", "K. Lenzmark"),
        ("Arvid Lenzmark", "K. L. Lenzmark"),
        # The words after the initial must be the known name itself.
        ("Arvid Lenzmark", "K. Arvid Lenzmarkson"),
    ],
)
def test_initials_that_name_someone_else(small: EntityResolver, a: str, b: str) -> None:
    _apart(small, a, b, "PERSON")
