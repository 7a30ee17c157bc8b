"""Issue 11, nineteenth session (second round): more person forms without context.

Our own examples (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the forms each rule must join next to the forms it must keep
apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import clean_name
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

PERSON = "PERSON"


# ------------------------------------------ a title not yet taken: "-elect", "-designate"


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Mayor-elect Harriet Vantongeren", "Mayor Harriet Vantongeren", "Harriet Vantongeren"],
        ["President-elect Osric Halvorsen", "Osric Halvorsen"],
        ["Prime Minister-designate Osric Halvorsen", "Osric Halvorsen"],
        ["Governor-Elect Harriet Vantongeren", "Harriet Vantongeren"],
    ],
)
def test_a_pending_title_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


def test_elect_is_cut_only_from_a_title() -> None:
    # A word that is no title keeps its suffix: a bride-to-be holds no office.
    assert clean_name("Bride-elect Harriet Vantongeren") == "Bride-elect Harriet Vantongeren"
    assert clean_name("Mayor-elect Harriet Vantongeren") == "Harriet Vantongeren"


# ------------------------------- a state's or province's abbreviation before an office


@pytest.mark.parametrize(
    "surfaces",
    [
        [
            "Ga. Secretary of State Osric Halvorsen",
            "Georgia Secretary of State Osric Halvorsen",
            "Osric Halvorsen",
        ],
        ["N.Y. Attorney General Harriet Vantongeren", "Harriet Vantongeren"],
        ["W.Va. Secretary of State Osric Halvorsen", "Osric Halvorsen"],
        ["Ont. Attorney General Harriet Vantongeren", "Harriet Vantongeren"],
    ],
)
def test_a_region_abbreviation_before_a_title_is_dropped(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


def test_a_region_abbreviation_without_a_title_stays() -> None:
    # Only before a title is the abbreviation description, like a nationality word.
    assert clean_name("Ga. Osric Halvorsen") == "Ga. Osric Halvorsen"


# ------------------------------------------------------------- city councillors


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Springfield City Councilor Harriet Vantongeren", "Harriet Vantongeren"],
        ["Ward 4 Councillor Osric Halvorsen", "Osric Halvorsen"],
        ["Alderman Osric Halvorsen", "Osric Halvorsen"],
    ],
)
def test_a_council_title_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


# ------------------------------------------------- a role after a comma (appositive)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Harriet Vantongeren, Springfield's mayor", "Harriet Vantongeren"],
        ["Osric Halvorsen, the company's chief executive", "Osric Halvorsen"],
        ["Osric Halvorsen, senior adviser", "Osric Halvorsen"],
    ],
)
def test_a_role_after_a_comma_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    "written",
    [
        "Osric Halvorsen, Jr.",  # a generational suffix is the name's
        "Halvorsen, Osric",  # a surname-first listing: no role after the comma
        "Osric Halvorsen, Springfield Mayor",  # capitalised: not a lower-case role phrase
        "Halvorsen, mayor",  # one word before the comma is no full name
    ],
)
def test_other_words_after_a_comma_stay(written: str) -> None:
    assert "," in clean_name(written)


def test_the_son_stays_apart_after_the_role_is_cut(resolver: EntityResolver) -> None:
    _apart(resolver, "Osric Halvorsen Jr., Springfield's mayor", "Osric Halvorsen", PERSON)


# ------------------------- another language's head-of-state or government title


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Bundeskanzler Osric Halvorsen", "Osric Halvorsen"],
        ["Bundespräsidentin Harriet Vantongeren", "Harriet Vantongeren"],
        ["Primer Ministro Osric Halvorsen", "Osric Halvorsen"],
        ["Primeira-Ministra Harriet Vantongeren", "Harriet Vantongeren"],
    ],
)
def test_a_foreign_title_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("foreign", "english"),
    [
        # Bare surnames shared by several known people: the title picks the office holder.
        ("Presidente Fernández", "President Fernández"),
        ("Presidente Castillo", "President Castillo"),
        ("Primer Ministro Sánchez", "Prime Minister Sánchez"),
    ],
)
def test_a_foreign_title_is_title_evidence(
    resolver: EntityResolver, foreign: str, english: str
) -> None:
    bare = english.split()[-1]
    assert entity_id(resolver, bare, PERSON) is None  # the surname alone names no one
    assert entity_id(resolver, english, PERSON) is not None
    _same(resolver, [foreign, english], PERSON)


def test_a_given_name_like_a_title_stays() -> None:
    # "Rey" (king) is left out of the table: it is also a given name.
    assert clean_name("Rey Halvorsen") == "Rey Halvorsen"


# ----------------- a title of one sex before the bare surname of a known person of the other


@pytest.mark.parametrize("written", ["Mrs. Trump", "Mme Macron", "Madame Macron", "Ms. Putin"])
def test_a_woman_s_title_is_not_the_known_man(resolver: EntityResolver, written: str) -> None:
    # His wife, or a namesake: never the man the surname alone would name.
    bare = written.split()[-1]
    assert entity_id(resolver, bare, PERSON) is not None
    _apart(resolver, written, bare, PERSON)


def test_a_man_s_title_is_left_to_the_surname(resolver: EntityResolver) -> None:
    # Only a woman's title is read: given-name statistics call some men's names a woman's.
    _same(resolver, ["Mr. Merkel", "Merkel"], PERSON)


@pytest.mark.parametrize(
    ("written", "bare"),
    [("Mr. Trump", "Trump"), ("Mrs Merkel", "Merkel"), ("Monsieur Macron", "Macron")],
)
def test_a_title_of_the_person_s_own_sex_still_names_them(
    resolver: EntityResolver, written: str, bare: str
) -> None:
    _same(resolver, [written, bare], PERSON)
