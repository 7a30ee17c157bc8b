"""Issue 11, names side, GPE (twentieth session): place classes, with our own examples."""

from __future__ import annotations

import json

import pytest

from pipelines.core import normalize
from pipelines.core.entities import EntityResolver, loaders
from pipelines.core.entities.gazetteer import respelling_key
from pipelines.core.resources import place_demonym_rows
from pipelines.tools.build_places import _region_forms, slip_towns


def test_place_demonyms_have_one_reader_for_both_tables() -> None:
    """The organisation cleaning's country demonyms are the loaders' country rows, folded."""
    rows = place_demonym_rows()
    assert rows and all(word and code for word, code in rows)
    table = loaders.load_place_demonyms()
    assert {w for w, _ in rows} == set(table)
    countries = {
        normalize._dotless(normalize.fold_diacritics(word))
        for word, codes in table.items()
        if any(len(c) == 2 for c in codes)
    }
    assert normalize._country_demonyms() == frozenset(countries)


def _same(resolver: EntityResolver, a: str, b: str, etype: str = "GPE") -> bool:
    ea, eb = resolver.resolve_name(a, etype), resolver.resolve_name(b, etype)
    return ea is not None and eb is not None and ea.entity_id == eb.entity_id


@pytest.mark.parametrize(
    ("styled", "city"),
    [("Suwon City", "Suwon"), ("Davao City", "Davao"), ("Osaka City", "Osaka")],
)
def test_a_known_city_styled_with_city_is_that_city(
    resolver: EntityResolver, styled: str, city: str
) -> None:
    assert _same(resolver, styled, city)


@pytest.mark.parametrize(
    ("styled", "place", "etype"),
    [
        ("Manchester City", "Manchester", "GPE"),  # a British "<Town> City" is a club
        ("Iowa City", "Iowa", "GPE"),  # a state's name: another place
        ("Quebec City", "Quebec", "GPE"),  # the province
        ("Suwon City", "Suwon", "ORG"),  # typed an organisation: not read as the city
    ],
)
def test_city_styled_names_that_stay_apart(
    resolver: EntityResolver, styled: str, place: str, etype: str
) -> None:
    a = resolver.resolve_name(styled, etype)
    b = resolver.resolve_name(place, "GPE")
    assert a is None or b is None or a.entity_id != b.entity_id


@pytest.mark.parametrize(
    "forms",
    [
        ["County Kerry", "Co. Kerry", "Co Kerry", "Kerry County", "Contae Chiarraí"],
        ["County Galway", "Co. Galway", "Galway County", "Contae na Gaillimhe"],
        ["County Londonderry", "County Derry", "Co. Derry", "Contae Dhoire"],
        ["County Down", "Co. Down", "County Down, UK"],
    ],
)
def test_an_irish_county_is_one_place_however_styled(
    resolver: EntityResolver, forms: list[str]
) -> None:
    for form in forms[1:]:
        assert _same(resolver, forms[0], form), form


@pytest.mark.parametrize(
    ("county", "other"),
    [
        ("County Galway", "Galway"),  # the county town
        ("County Kerry", "Kerry"),
        ("County Clare", "Clare County"),  # a Michigan county shares the name
        ("County Wexford", "Wexford County"),
    ],
)
def test_an_irish_county_is_not_its_town_nor_a_us_namesake(
    resolver: EntityResolver, county: str, other: str
) -> None:
    assert not _same(resolver, county, other)


@pytest.mark.parametrize(
    ("iso_name", "key"),
    [
        ("Hubei Sheng", "hubei"),  # province
        ("Tianjin Shi", "tianjin"),  # municipality
        ("Guangxi Zhuangzu Zizhiqu", "guangxi"),  # autonomous region with its people
        ("Xinjiang Uygur Zizhiqu", "xinjiang"),
    ],
)
def test_chinese_iso_region_names_drop_their_designation(iso_name: str, key: str) -> None:
    assert key in _region_forms(iso_name)


@pytest.mark.parametrize(
    ("qualified", "city"),
    [
        ("Leipzig, Saxony", "Leipzig"),  # a German Land
        ("Monterrey, Nuevo León", "Monterrey"),  # a Mexican state
        ("Porto Alegre, Rio Grande do Sul", "Porto Alegre"),  # a Brazilian state
        ("Wuhan, Hubei", "Wuhan"),  # a Chinese province
    ],
)
def test_a_city_with_its_state_or_province_in_four_more_countries(
    resolver: EntityResolver, qualified: str, city: str
) -> None:
    assert _same(resolver, qualified, city)


@pytest.mark.parametrize(
    ("qualified", "city"),
    [
        ("Suzhou, Anhui", "Suzhou"),  # the other Suzhou: the bare name is Jiangsu's
        ("Kunming, Sichuan", "Kunming"),  # Kunming lies in Yunnan
        ("Leipzig, Bavaria", "Leipzig"),
    ],
)
def test_a_city_written_with_another_region_is_another_place(
    resolver: EntityResolver, qualified: str, city: str
) -> None:
    assert not _same(resolver, qualified, city)


@pytest.mark.parametrize(
    ("qualified", "city"),
    [
        ("Campinas, São Paulo", "Campinas"),  # a state named like its capital
        ("Cholula, Puebla", "Cholula"),
        ("Puebla, Puebla", "Puebla"),  # the capital in its namesake state
        ("Neukölln, Berlin", "Neukölln"),  # a city-state's district
    ],
)
def test_a_city_written_with_a_region_named_like_its_capital(
    resolver: EntityResolver, qualified: str, city: str
) -> None:
    assert _same(resolver, qualified, city)


def test_a_region_named_like_a_city_of_another_region_decides_nothing(
    resolver: EntityResolver,
) -> None:
    # Tijuana lies in Baja California, not in the state of the city written after it.
    assert not _same(resolver, "Tijuana, Puebla", "Tijuana")


def test_a_city_whose_name_smaller_towns_bear_is_marked() -> None:
    """The build marks such a city, so "<name> City" is not read as it ("San Juan City")."""
    from pipelines.tools.build_places import build
    from tests.tools.test_build_places import _city, _sources

    cities = [_city(1, "Portville", "AA", 2_000_000, "Port Ville"),
              _city(2, "Starton", "AA", 500_000, "Star Town")]  # fmt: skip
    recs = {r["canonical_name"]: r for r in build(_sources(cities, towns={"Portville": 9}))}
    assert recs["Portville"].get("namesakes") is True  # a small town elsewhere shares it
    assert "namesakes" not in recs["Starton"]


@pytest.mark.parametrize(
    ("written", "key"),
    [("kyyiv", "kyiv"), ("bengalooru", "bengaluru"), ("karachee", "karachi"), ("tallinn", "talin")],
)
def test_respelling_key_folds_doubled_letters_and_long_vowels(written: str, key: str) -> None:
    assert respelling_key(written) == key


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("Karachee", "Karachi"),
        ("Kolkatta", "Kolkata"),
        ("Dhakka", "Dhaka"),
        ("Nairobbi", "Nairobi"),
    ],
)
def test_a_place_in_another_romanisation_is_that_place(
    resolver: EntityResolver, written: str, place: str
) -> None:
    assert _same(resolver, written, place)


@pytest.mark.parametrize(
    ("town", "place"),
    [
        ("Manilla", "Manila"),  # a town in New South Wales
        ("Kasel", "Kassel"),  # a village in Rhineland-Palatinate
        ("Omman", "Oman"),  # a GeoNames town, not the country
    ],
)
def test_a_real_town_is_not_a_respelt_place(
    resolver: EntityResolver, town: str, place: str
) -> None:
    assert not _same(resolver, town, place)


def test_slip_towns_list_towns_one_respelling_from_a_known_place() -> None:
    index = json.dumps(
        {"entity_type": "GPE", "kind": "city", "canonical_name": "Velmora", "country": "IN",
         "aliases": [], "population": 200_000, "source": "geonames:1"}
    )  # fmt: skip
    towns = ["vellmora", "velmorra", "velmora", "velmura", "vela"]
    # Doubled letters are a respelling of the place: real towns, kept apart. The place
    # itself, another vowel in a name too short for the slip rule ("velmura") and a name
    # of four letters are not listed.
    assert slip_towns(index + "\n", towns) == ["vellmora", "velmorra"]


@pytest.mark.parametrize(
    ("former", "country"),
    [
        ("Belgian Congo", "Democratic Republic of the Congo"),
        ("French Sudan", "Mali"),
        ("Ubangi-Shari", "Central African Republic"),
        ("Portuguese Guinea", "Guinea-Bissau"),
        ("Trucial States", "United Arab Emirates"),
        ("Western Samoa", "Samoa"),
        ("Ellice Islands", "Tuvalu"),
    ],
)
def test_a_colonial_or_former_name_of_one_country_is_that_country(
    resolver: EntityResolver, former: str, country: str
) -> None:
    assert _same(resolver, former, country)


def test_a_city_with_its_country_s_former_name_is_that_city(resolver: EntityResolver) -> None:
    assert _same(resolver, "Kinshasa, Belgian Congo", "Kinshasa")


@pytest.mark.parametrize(
    ("indigenous", "city"),
    [
        ("Te Whanganui-a-Tara", "Wellington"),
        ("Ōtautahi", "Christchurch"),
        ("Otautahi", "Christchurch"),  # macron left out
        ("Naarm", "Melbourne"),
    ],
)
def test_a_city_s_name_in_its_first_peoples_language_is_the_city(
    resolver: EntityResolver, indigenous: str, city: str
) -> None:
    assert _same(resolver, indigenous, city)


def test_an_indigenous_name_joins_only_its_country_s_city(resolver: EntityResolver) -> None:
    assert not _same(resolver, "Boorloo", "Perth, Scotland")
