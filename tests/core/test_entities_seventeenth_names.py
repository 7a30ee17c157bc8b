"""Issue 11, seventeenth session: person forms of North American news, without context.

Each class has our own examples (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the merges the rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import clean_name, person_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"


# ------------------------- a role phrase headed by "Speaker" or "Officer"; a possessive owner


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Senate Speaker Orla Vantongeren", "Orla Vantongeren"),
        ("Assembly Speaker Kip Halvorsen", "Kip Halvorsen"),
        ("Chief Medical Officer Marla Quintero", "Marla Quintero"),
        ("Provincial Health Officer Desmond Achterberg", "Desmond Achterberg"),
        ("Winnipeg's Kip Halvorsen", "Kip Halvorsen"),
        ("Acme's Orla Vantongeren", "Orla Vantongeren"),
        # Only before a full name: a possessive before one word is the name's.
        ("Halvorsen's", "Halvorsen"),
        # "of" after the head: an office, not a role phrase before a name, unless a known
        # given name starts the last two words (nineteenth session: "Speaker of the House X").
        ("Officer of Health Orla Vantongeren", "Officer of Health Orla Vantongeren"),
        ("Officer of Health Marla Quintero", "Marla Quintero"),
    ],
)
def test_role_heads_and_owners_are_dropped(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Senate Speaker Orla Vantongeren", "Orla Vantongeren", "Speaker Orla Vantongeren"],
        ["Chief Public Health Officer Kip Halvorsen", "Dr. Kip Halvorsen"],
        ["Regina's Desmond Achterberg", "Desmond Achterberg"],
    ],
)
def test_role_phrases_and_owners_name_one_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


# ------------------------- an English short form of one full given name


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Dave Vantongeren", "David Vantongeren"),
        ("Tony Halvorsen", "Anthony Halvorsen"),
        ("Jimmy Achterberg", "James Achterberg"),
        ("Liz Quintero", "Elizabeth Quintero"),
    ],
)
def test_a_short_given_name_keys_as_the_full_one(short: str, full: str) -> None:
    assert person_key(short) == person_key(full)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Dave Vantongeren", "David Vantongeren"],
        ["Tony Halvorsen", "Anthony Halvorsen", "Anthony J. Halvorsen"],
        ["Geoff Achterberg", "Geoffrey Achterberg"],
    ],
)
def test_a_nickname_names_the_full_given_name(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A nickname of several full names picks none of them.
        ("Fred Vantongeren", "Alfred Vantongeren"),
        ("Fred Vantongeren", "Frederick Vantongeren"),
        ("Ted Halvorsen", "Edward Halvorsen"),
        # Short forms of other languages' names are left alone.
        ("Dan Vantongeren", "Daniel Vantongeren"),
        # A suffix stays: the son is another man.
        ("Dave Vantongeren Jr.", "David Vantongeren"),
    ],
)
def test_a_nickname_is_not_guessed(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a middle given name spelt out, outside the gazetteer


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Desmond Michael Achterberg", "Desmond Achterberg", "Desmond M. Achterberg"],
        ["Marla Louise Quintero", "Marla Quintero"],
        ["Kip Stephen Halvorsen", "Kip Halvorsen"],
        # Both at once: a nickname and a middle name.
        ["Tony Stephen Vantongeren", "Anthony Vantongeren"],
        # A compound given name of another language, with or without its hyphen.
        ["Karl Heinz Vantongeren", "Karl-Heinz Vantongeren"],
        ["Sven Goran Halvorsen", "Sven-Goran Halvorsen"],
        # Any case.
        ["DAVE ACHTERBERG", "David Achterberg", "DAVID ACHTERBERG"],
    ],
)
def test_a_middle_given_name_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two surnames, or a maiden name: the middle word is no given name.
        ("Marla Quintero Achterberg", "Marla Achterberg"),
        ("Orla Vantongeren Halvorsen", "Orla Halvorsen"),
        # A given name of the other sex in the middle: a compound or family name.
        ("Desmond Marie Achterberg", "Desmond Achterberg"),
        # A woman's middle word that is a common surname ("Jane Smith Roe" may be a maiden
        # name; a man's is his middle name since the twentieth session).
        ("Marla Rose Quintero", "Marla Quintero"),
        # A generational suffix stays.
        ("Kip Stephen Halvorsen Jr.", "Kip Halvorsen"),
        # Four words are not shortened.
        ("Kip Stephen James Halvorsen", "Kip Halvorsen"),
        # A given name without English nicknames: a compound given name written apart.
        ("Karl Heinz Vantongeren", "Karl Vantongeren"),
        ("Sven Goran Halvorsen", "Sven Halvorsen"),
    ],
)
def test_a_middle_word_is_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)
