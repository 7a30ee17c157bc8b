"""Place classes of the eighteenth session (issue 11, names side, GPE).

A compass adjective before a
region with its designation ("southern Hunan province") is the region; "Commonwealth of X"
is the US state. A state's nickname of the public tables ("the Hoosier State") is the state,
unless two regions bear it ("Sunshine State": Florida and Queensland). A state's or
province's abbreviation of four letters or more without its stop ("Okla") is the region,
unless the letters are an everyday word ("Mass"). ISO 3166-1's own inverted names with a
comma ("Tanzania, United Republic of") are the country.
None of these strings is taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import with_region_nicknames
from tests.core.entities_helpers import assert_apart, assert_same


@pytest.mark.parametrize(
    "names",
    [
        ["Hunan", "Hunan province", "southern Hunan province", "north-western Hunan province"],
        ["Sichuan", "central Sichuan province"],
        ["Kentucky", "Commonwealth of Kentucky"],
        ["Pennsylvania", "Commonwealth of Pennsylvania", "State of Pennsylvania"],
    ],
)
def test_a_place_with_the_words_the_news_adds_is_the_place(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # No area word folds: "Greater X" and "Metro X" are often a region of their own
        # (ISO 3166-2's Greater Accra and Greater Wellington, Metro Manila), "X City" a town
        # of its own named like a larger city elsewhere.
        ("Accra", "Greater Accra"),
        ("Wellington", "Greater Wellington"),
        ("Manila", "Metro Manila"),
        ("San Juan", "San Juan City"),
        ("Iowa", "Iowa City"),
        ("Quebec", "Quebec City"),
        ("Hunan", "Southern Hunan province"),  # capitalised: a name of its own
        ("Commonwealth of Kentucky", "Commonwealth of Nations"),
    ],
)
def test_a_region_or_town_named_after_a_place_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Indiana", "the Hoosier State", "Hoosier State"],
        ["Utah", "the Beehive State"],
        ["Virginia", "the Old Dominion", "Commonwealth of Virginia"],
        ["Montana", "Big Sky Country"],
    ],
)
def test_a_state_nickname_is_the_state(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "ta", "b", "tb"),
    [
        ("Florida", "GPE", "the Sunshine State", "GPE"),  # Queensland's too
        ("Queensland", "GPE", "the Sunshine State", "GPE"),
        ("California", "GPE", "Golden State", "ORG"),  # a team's name, not the place
    ],
)
def test_a_nickname_of_two_regions_or_of_a_body_is_not_the_state(
    resolver: EntityResolver, a: str, ta: str, b: str, tb: str
) -> None:
    assert_apart(resolver, a, b, ta, tb)


def test_region_nicknames_join_one_region_only() -> None:
    records = [
        {"canonical_name": "Nordmark", "kind": "subdivision", "admin1": "QQ-NO", "aliases": []},
        {"canonical_name": "Sudmark", "kind": "subdivision", "admin1": "QQ-SU", "aliases": []},
        {"canonical_name": "Harbour Town", "kind": "city", "aliases": []},
    ]
    lines = [
        "QQ-NO\tPine Marten State",
        "QQ-NO\tTwin Lakes State",
        "QQ-SU\tTwin Lakes State",  # two regions: neither
        "QQ-SU\tHarbour Town",  # another record's name
        "QQ-XX\tLost State",  # no such region
    ]
    out = {r["canonical_name"]: r["aliases"] for r in with_region_nicknames(records, lines)}
    assert out == {"Nordmark": ["Pine Marten State"], "Sudmark": [], "Harbour Town": []}


@pytest.mark.parametrize(
    "names",
    [
        ["Oklahoma", "Okla.", "Okla"],
        ["Minnesota", "Minn.", "Minn"],
        ["Newfoundland and Labrador", "Nfld.", "Nfld"],
        ["Tulsa", "Tulsa, Okla.", "Tulsa, Okla"],
    ],
)
def test_an_abbreviation_without_its_stop_is_the_region(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Massachusetts", "Mass"),  # everyday words
        ("Mississippi", "Miss"),
        ("Washington State", "Wash"),
        ("Texas", "Tex"),  # three letters: too short to read without the stop
    ],
)
def test_an_everyday_word_is_no_abbreviation(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Tanzania", "Tanzania, United Republic of"],
        ["Venezuela", "Venezuela, Bolivarian Republic of"],
        ["Bolivia", "Bolivia, Plurinational State of"],
        ["Moldova", "Moldova, Republic of"],
    ],
)
def test_an_iso_inverted_name_is_the_country(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")
