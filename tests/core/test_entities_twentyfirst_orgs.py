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


# ------------------ a newspaper's publishing company is not the paper


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Eastbrook Times Company", "The Eastbrook Times"),
        ("Marlow Herald Co.", "Marlow Herald"),
        ("The Quillton Post Company", "Quillton Post"),
        ("Tribune Co.", "Tribune"),
    ],
)
def test_publisher_kept_apart_from_its_paper(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


@pytest.mark.parametrize(
    "forms",
    [
        ["The Eastbrook Times Company", "Eastbrook Times Co.", "Eastbrook Times Co"],
        # Other companies still lose their legal form.
        ["Harlowe Post Corporation", "Harlowe Post"],
        ["Brindlemoor Express Company", "Brindlemoor Express"],
    ],
)
def test_publisher_forms_joined(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


# ------------------ a bare web address names its outlet or company


@pytest.mark.parametrize(
    "forms",
    [
        ["eastbrooktimes.com", "The Eastbrook Times", "Eastbrook Times"],
        ["www.quilltonpost.co.uk", "Quillton Post"],
        ["marlowherald.ca", "Marlow Herald"],
        ["bbc.co.uk", "BBC"],
    ],
)
def test_web_address_is_the_outlet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # An everyday word's address says nothing about which body it is.
        ("news.com", "News"),
        ("time.com", "TIME"),
        ("eastbrooktimes.com", "Eastbrook"),
    ],
)
def test_web_address_of_an_everyday_word_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a person's possessive before a body


@pytest.mark.parametrize(
    "forms",
    [
        ["Jane Roe's Quillton Post", "The Quillton Post"],
        ["Martin Halloway's Eastbrook Council", "Eastbrook Council"],
    ],
)
def test_persons_possessive_before_a_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One everyday or generic word after the owner: any of the owner's bodies.
        ("Jane Roe's Foundation", "Foundation"),
        ("Martin Halloway's Council", "Council"),
        # A body's possessive is a part of it, not the body after it.
        ("Greenpeace's Eastbrook Office", "Eastbrook Office"),
    ],
)
def test_possessive_owner_that_is_no_person_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a rugby club's legal tail after a name of two words


@pytest.mark.parametrize(
    "forms",
    [
        ["Marlow Otters RFC", "Marlow Otters", "Marlow Otters Rugby Club"],
        ["Eastbrook Falcons Rugby Football Club", "Eastbrook Falcons R.F.C."],
    ],
)
def test_rugby_club_tail(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A town's rugby club and its football club are two clubs.
        ("Marlowbury RFC", "Marlowbury AFC"),
        ("Marlowbury Rugby Club", "Marlowbury FC"),
    ],
)
def test_town_rugby_club_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ "St" for "Street" in a building's or paper's name


@pytest.mark.parametrize(
    "forms",
    [
        ["Halloway St Hospital", "Halloway Street Hospital"],
        ["Quill St Journal", "Quill Street Journal"],
        ["Brindle St School", "Brindle Street School"],
    ],
)
def test_st_is_street_before_a_building(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Before a name "St" is a saint.
        ("St Halloway's Hospital", "Street Halloway's Hospital"),
        ("Halloway St Agnes Trust", "Halloway Street Agnes Trust"),
    ],
)
def test_st_before_a_name_is_saint(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
