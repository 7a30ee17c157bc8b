"""Issue 11, twenty-first session: person name classes without context.

Own examples only (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the merges each rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"


# ------------------------- "Chuck", a short form of Charles alone


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Charles Osterkamp", "Chuck Osterkamp", "Charles E. Osterkamp"],
        ["Charles Edward Pellegrew", "Chuck Pellegrew", "Sen. Chuck Pellegrew"],
    ],
)
def test_chuck_is_charles(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Chuck Osterkamp", "Charlene Osterkamp"),
        ("Chuck Osterkamp", "Chad Osterkamp"),
        ("Chuck Osterkamp", "Charles Pellegrew"),
        ("Chuck Osterkamp", "Charles Osterkamp Jr."),
    ],
)
def test_chuck_keeps_other_people_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a role after a comma, owned by a named person or body


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Marla Osterkamp", "Marla Osterkamp, Desmond Pellegrew's campaign manager"],
        ["Kip Pellegrew", "Kip Pellegrew, Acme Widget Corp's chief executive"],
        ["Marla Osterkamp", "Marla Osterkamp, Springfield's mayor", "Marla Osterkamp, mayor"],
    ],
)
def test_a_role_owned_by_a_name_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # No title head at the end: not a role.
        ("Marla Osterkamp, Desmond Pellegrew's", "Marla Osterkamp"),
        ("Marla Osterkamp, Desmond Pellegrew's Campaign Manager", "Marla Osterkamp"),
        # The owner's words must be capitalised: no free text before the possessive.
        ("Marla Osterkamp, then a Springfield's mayor", "Marla Osterkamp"),
        # A role after one name word: "Roe, Jane" stays.
        ("Osterkamp, Desmond Pellegrew's campaign manager", "Osterkamp"),
    ],
)
def test_other_text_after_a_comma_is_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a senior cleric's "Grand" rank


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Grand Ayatollah Hossein Pellegrew", "Ayatollah Hossein Pellegrew", "Hossein Pellegrew"],
        ["Grand Mufti Yusuf Osterkamp", "Mufti Yusuf Osterkamp", "Yusuf Osterkamp"],
        ["Grand Imam Omar Pellegrew", "Omar Pellegrew"],
    ],
)
def test_a_grand_clerical_rank_is_a_title(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Grand Ayatollah Hossein Pellegrew", "Grand Ayatollah Ali Pellegrew"),
        ("Grand Mufti Yusuf Osterkamp", "Grand Mufti Yusuf Pellegrew"),
    ],
)
def test_a_grand_rank_keeps_two_clerics_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- the Serbo-Croatian "đ" written "dj" or "d"


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Dragan Pellegrewđić", "Dragan Pellegrewdjic", "Dragan Pellegrewdic"],
        ["Đorđe Osterkampović", "Djordje Osterkampovic", "Dorde Osterkampovic"],
    ],
)
def test_dj_is_the_stroked_d(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another consonant, or "dj" against "j" (an Indonesian old spelling), stays apart.
        ("Dragan Pellegrewdjic", "Dragan Pellegrewtic"),
        ("Dragan Pellegrewdjic", "Dragan Pellegrewjic"),
        ("Djordje Osterkampovic", "Jorge Osterkampovic"),
    ],
)
def test_dj_keeps_other_letters_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)
