"""Issue 11, twenty-first session: organisation names on unseen news.

Own examples (invented bodies, or real ones in forms of our own; never a string of an
evaluation set, tests/data/entity_eval*): the forms each rule must join next to the pairs it
must keep apart.
"""

from __future__ import annotations

from collections import Counter

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import organisation_records
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

ORG = "ORG"


def test_organisation_table_has_one_row_per_body() -> None:
    counts = Counter(r["canonical_name"] for r in organisation_records())
    assert [n for n, c in counts.items() if c > 1] == []


# ------------------ a national body is not another country's namesake


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Italian FA", "Football Association"),
        ("Brazilian FA", "FA"),
        ("the French FBI", "FBI"),
        ("Australian NHS", "National Health Service"),
        ("Indian Liberal Democrats", "Liberal Democrats"),
        ("the Japanese MI5", "MI5"),
    ],
)
def test_other_countrys_namesake_of_a_national_body_kept_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


@pytest.mark.parametrize(
    "forms",
    [
        ["Football Association", "English FA", "the English FA"],
        ["FBI", "American FBI", "the U.S. FBI"],
        ["National Health Service", "British NHS"],
    ],
)
def test_own_countrys_national_body_still_joined(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, ORG)


# ------------------ a capital's possessive before one everyday word is part of the name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lima's Secret", "Secret"),
        ("Oslo's Garden", "Garden"),
        ("Cairo's Kitchen", "Kitchen"),
    ],
)
def test_capital_possessive_with_an_everyday_word_is_the_name(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)
    assert entity_id(resolver, a, ORG) == entity_id(resolver, a.replace("'", "\u2019"), ORG)


@pytest.mark.parametrize(
    "forms",
    [
        ["Britain's Labour", "Labour Party"],
        ["Lebanon's Hezbollah", "Hezbollah"],
    ],
)
def test_country_possessive_still_dropped(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


# ------------------ "University of" a region written with stopped initials


@pytest.mark.parametrize(
    "forms",
    [
        ["University of P.E.I.", "University of Prince Edward Island"],
        ["University of N.C.", "University of North Carolina"],
        ["University of Northern B.C.", "University of Northern British Columbia"],
        ["Quillfeather College of N.S.", "Quillfeather College of Nova Scotia"],
    ],
)
def test_school_of_region_initials(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Initials elsewhere are an acronym of their own, not the region.
        ("Bank of N.S.", "Bank of Nova Scotia"),
        ("University of P.E.I.", "University of Nova Scotia"),
    ],
)
def test_region_initials_elsewhere_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
