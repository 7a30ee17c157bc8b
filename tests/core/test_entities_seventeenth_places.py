"""Place classes of the seventeenth session (issue 11, names side, GPE).

A city written with its state or province ("City, St.", "City, Province", a dateline) is the
city the index holds in that region, whichever way the region is written (its name, a news
abbreviation, a postal code), and never a namesake in another region; a province's
abbreviation is the province, not a GeoNames city whose other name has the same letters;
"the States" is the union.
None of these strings is taken from an evaluation set (tests/data/entity_eval*): the towns
are invented or are the index's own large cities.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart, assert_same, entity_id


@pytest.mark.parametrize(
    "names",
    [
        ["Calgary", "Calgary, Alta.", "Calgary, Alberta", "Calgary, AB"],
        ["Winnipeg", "Winnipeg, Man.", "Winnipeg, MB", "Winnipeg, Manitoba"],
        ["Denver", "Denver, Colo.", "Denver, CO", "Denver, Colorado"],
        ["Tucson", "Tucson, Ariz.", "Tucson, AZ"],
        ["Edmonton", "Edmonton, Alta.", "Edmonton, AB"],
        ["Sacramento", "Sacramento, Calif.", "Sacramento, CA"],  # "CA" after a US city
        ["Regina", "Regina, Sask.", "Regina, SK"],  # "SK" is also a company's name
        ["Brisbane", "Brisbane, Queensland"],  # an Australian state by name
    ],
)
def test_a_city_with_its_region_is_the_city(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Calgary", "Calgary, Ore."),  # the written region is not the city's
        ("Denver", "Denver, Iowa"),
        ("Edmonton", "Edmonton, Ky."),
        ("Sacramento", "Sacramento, N.M."),
        ("Edmonton, Alberta", "Edmonton, KY"),
        ("Winnipeg", "Winnipeg, N.B."),
        ("Regina", "Regina, Que."),
        ("Regina", "Regina, SK Group"),  # no region at all
        ("Brisbane", "Brisbane, Calif."),
        ("Quillbrook, N.S.", "Quillbrook, N.B."),  # an unknown town in two provinces
        ("Ostervale, Vt.", "Ostervale, VA"),
    ],
)
def test_a_namesake_in_another_region_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Quillbrook, N.S.", "Quillbrook, Nova Scotia", "Quillbrook, NS"],
        ["Fernhollow, PE", "Fernhollow, P. E. I."],  # the abbreviation, not the county
        ["Ostervale, Vt.", "Ostervale, Vermont", "Ostervale, VT"],
        ["Denver, Iowa", "Denver, IA"],  # a namesake of a known city, by its own region
        ["Marrowfield, Wash.", "Marrowfield, WA", "Marrowfield, Washington state"],
    ],
)
def test_an_unknown_town_is_one_place_however_its_region_is_written(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("abbreviation", "region"),
    [
        ("P. E. I.", "Prince Edward Island"),  # spaced stops: the same abbreviation
        ("Sask.", "Saskatchewan"),
        ("N.B.", "New Brunswick"),
    ],
)
def test_a_province_abbreviation_is_the_province(
    resolver: EntityResolver, abbreviation: str, region: str
) -> None:
    assert_same(resolver, [abbreviation, region], "GPE")


def test_a_two_letter_code_alone_is_no_region(resolver: EntityResolver) -> None:
    # Outside "City, XX" a code that is an English word stays what it is.
    assert_apart(resolver, "OR", "Oregon", "GPE")
    assert_apart(resolver, "ME", "Maine", "GPE")


def _country_id(resolver: EntityResolver, code: str) -> str:
    country = resolver.country(code)
    assert country is not None
    return country.entity.entity_id


def test_a_union_is_named_by_what_it_unites(resolver: EntityResolver) -> None:
    assert entity_id(resolver, "The States", "GPE") == _country_id(resolver, "US")
    # Mexico's formal name ends so too, but its common name is no union's: not Mexico.
    assert entity_id(resolver, "The States", "GPE") != _country_id(resolver, "MX")
    # Plural last words of several countries' or of parts' names name no one country.
    assert_apart(resolver, "the Islands", "Solomon Islands", "GPE")
    assert_apart(resolver, "the Territories", "State of Palestine", "GPE")
