"""Place classes of the nineteenth session (issue 11, names side, GPE).

A demonym typed as a place is the one country or region it belongs to; Canada's provinces
go by their official French names too; the capitals of the territories and smaller
provinces, and northern and First Nations communities, are known with their former
(colonial) and Indigenous names and with their province or territory written after them;
"Y.T." is Yukon. None of these strings is taken from an evaluation set
(tests/data/entity_eval*).
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import load_place_demonyms
from tests.core.entities_helpers import assert_apart, assert_same, entity_id


@pytest.mark.parametrize(
    "names",
    [
        ["Philippines", "Filipino"],
        ["Iceland", "Icelandic"],
        ["Laos", "Laotian"],
        ["Malta", "Maltese"],
        ["Mongolia", "Mongolian"],
        ["Texas", "Texan"],
        ["Ohio", "Ohioan"],
        ["Queensland", "Queenslander"],
        ["Tasmania", "Tasmanian"],
        ["Yukon", "Yukoner"],
    ],
)
def test_a_demonym_typed_as_a_place_is_the_place(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Georgian", "Georgia"),  # the country and the US state
        ("Georgian", "Georgia (US state)"),
        ("Samoan", "Samoa"),  # Samoa and American Samoa
        ("Samoan", "American Samoa"),
        ("Macedonian", "North Macedonia"),  # the country and the Greek region
        ("New Yorker", "New York State"),  # the city, the state, a magazine
        ("Washingtonian", "Washington State"),
        ("Korean", "South Korea"),
        ("Korean", "North Korea"),
    ],
)
def test_a_demonym_of_two_places_names_neither(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")
    assert entity_id(resolver, a, "GPE") != entity_id(resolver, b, "GPE")


@pytest.mark.parametrize("word", ["Laotian", "Texan", "Queenslander"])
def test_an_untyped_demonym_is_not_a_place(resolver: EntityResolver, word: str) -> None:
    entity = resolver.resolve_name(word, None)
    assert entity is None or entity.entity_type != "GPE"


def test_every_listed_demonym_names_one_known_place(resolver: EntityResolver) -> None:
    """A row whose code the gazetteer does not hold (a typo, a stale code) fails here."""
    for word, codes in load_place_demonyms().items():
        assert len(codes) == 1, word
        assert resolver.lookup_demonym(word) is not None, (word, codes)


@pytest.mark.parametrize(
    "names",
    [
        ["British Columbia", "Colombie-Britannique"],
        ["Nova Scotia", "Nouvelle-Écosse"],
    ],
)
def test_a_province_by_its_official_french_name(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Kinngait", "Cape Dorset", "Kinngait, Nunavut", "Cape Dorset, Nunavut", "Kinngait, NU"],
        ["Kuujjuaq", "Fort Chimo", "Kuujjuaq, Que.", "Kuujjuaq, Quebec"],
        ["Salluit", "Sugluk", "Salluit, QC"],
        ["Rankin Inlet", "Kangiqiniq", "Rankin Inlet, Nunavut"],
        ["Kanesatake", "Kanehsatà:ke", "Kanesatake Mohawk Territory", "Kanesatake, Que."],
        ["Whitehorse", "Whitehorse, Yukon", "Whitehorse, Y.T.", "Whitehorse, YT"],
        ["Yellowknife", "Yellowknife, N.W.T.", "Yellowknife, Northwest Territories"],
        ["Charlottetown", "Charlottetown, P.E.I.", "Charlottetown, PEI"],
        ["Yukon", "Y.T.", "YT"],
    ],
)
def test_a_northern_or_first_nations_community_by_every_name(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kinngait", "Kinngait, Que."),  # the written territory is not the town's
        ("Whitehorse", "Whitehorse, Ont."),
        ("Kuujjuaq", "Kuujjuaq, N.B."),
        ("Charlottetown", "Charlottetown, N.C."),
    ],
)
def test_a_community_in_another_region_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Kenya", "Kenyan Republic", "Republic of Kenya"],
        ["Ghana", "the Ghanaian Republic"],
        ["Iceland", "Icelandic Republic"],
    ],
)
def test_a_republic_by_its_demonym(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Spanish Republic", "Spain"),  # a past republic of a kingdom
        ("Chinese Republic", "China"),  # the Republic of China, not the PRC
        ("Korean Republic", "South Korea"),  # a demonym of two countries
        ("Weimar Republic", "Germany"),  # no demonym at all
    ],
)
def test_a_demonym_republic_that_is_another_state_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Sri Lanka", "Ceylon Sri Lanka"],  # a former name with the present one
        ["Greenland", "Kalaallit Nunaat", "Kalaallit Nunaat Greenland"],  # Greenlandic name
        ["Myanmar", "Burma Myanmar"],
    ],
)
def test_two_names_of_one_place_side_by_side(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hong Kong China", "Hong Kong"),  # two places, not two names of one
        ("Hong Kong China", "China"),
        ("Sri Lanka Colombo", "Sri Lanka"),
    ],
)
def test_names_of_two_places_side_by_side_stay_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Bangladesh", "East Pakistan"],  # a country's former name
        ["Tasmania", "Van Diemen's Land"],  # a state's colonial name
        ["Hong Kong", "H.K."],  # initials that are the ISO code too
        ["Washington, D.C.", "D.C.", "DC"],
    ],
)
def test_former_names_and_initials_of_places(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["New Orleans", "NOLA"],
        ["Boston", "Beantown"],
        ["Nashville", "Music City"],
        ["Baltimore", "Charm City"],
        ["Ottawa", "Bytown"],  # its name until 1855
        ["Edinburgh", "Auld Reekie"],
        ["Rome", "the Eternal City", "Eternal City"],
        ["Johannesburg", "Jozi", "Egoli"],
    ],
)
def test_a_city_by_its_nickname(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Steel City", "Pittsburgh"),  # a nickname of several cities is no city's
        ("Steel City", "Sheffield"),
        ("Queen City", "Cincinnati"),
    ],
)
def test_a_nickname_of_several_cities_names_none(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


def test_city_nicknames_load_only_unique_names() -> None:
    """A nickname given to two cities, or already some record's name, is not loaded."""
    from pipelines.core.entities.loaders import with_city_nicknames

    records = [
        {"kind": "city", "canonical_name": "Oldport", "country": "ZZ", "aliases": ["Harbour"]},
        {"kind": "city", "canonical_name": "Newport", "country": "ZZ", "aliases": []},
    ]
    lines = [
        "ZZ\tOldport\tPort A",
        "ZZ\tNewport\tPort A",
        "ZZ\tNewport\tHarbour",
        "ZZ\tNewport\tNP",
    ]
    out = with_city_nicknames(records, lines)
    assert out[0]["aliases"] == ["Harbour"]
    assert out[1]["aliases"] == ["NP"]


@pytest.mark.parametrize(
    "names",
    [
        ["Kerala", "the Indian state of Kerala", "Kerala state of India"],
        ["Manitoba", "the Canadian province of Manitoba"],
        ["Jalisco", "the Mexican state of Jalisco"],
        ["Hunan", "the Chinese province of Hunan", "Hunan province of China"],
        ["Catalonia", "the Spanish region of Catalonia"],
    ],
)
def test_a_region_described_by_its_country_and_designation(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the Pakistani province of Punjab", "the Indian state of Punjab"),  # two Punjabs
        ("the Canadian state of Manitoba", "Manitoba"),  # Canada has no states
        ("the Indian province of Kerala", "Kerala"),  # India's regions are states
        ("the Mexican state of Kerala", "Kerala"),  # not Mexico's
    ],
)
def test_a_described_region_that_does_not_fit_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert_apart(resolver, a, b, "GPE")


def test_a_demonym_wins_over_a_city_listing_it_among_other_names(
    resolver: EntityResolver,
) -> None:
    """GeoNames gives a Malaysian city "Thai" as one of its alternate names; typed as a
    place, the word is Thailand, and the city keeps its own name."""
    assert_same(resolver, ["Thailand", "Thai"], "GPE")
    assert_apart(resolver, "Thai", "Alor Setar", "GPE")
    assert entity_id(resolver, "Alor Setar", "GPE") is not None
