"""Issue 11, names side, GPE (twenty-first session): place classes, own examples."""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver, loaders


def _same(resolver: EntityResolver, a: str, b: str, etype: str = "GPE") -> bool:
    ea, eb = resolver.resolve_name(a, etype), resolver.resolve_name(b, etype)
    return ea is not None and eb is not None and ea.entity_id == eb.entity_id


@pytest.mark.parametrize(
    ("inner", "region"),
    [
        ("Gaza Governorate", "Gaza Strip"),
        ("Gaza governorate", "Gaza Strip"),
        ("Gaza province", "Gaza Strip"),
    ],
)
def test_a_designation_after_a_short_name_is_another_unit(
    resolver: EntityResolver, inner: str, region: str
) -> None:
    """A designation after the head of a longer region name names a unit of its own."""
    assert not _same(resolver, inner, region)


@pytest.mark.parametrize(
    ("written", "region"),
    [
        ("Rakhine state", "Rakhine State"),
        ("Borno state", "Borno State"),
        ("the Gaza Strip", "Gaza Strip"),
    ],
)
def test_a_long_name_ending_in_its_designation_still_folds(
    resolver: EntityResolver, written: str, region: str
) -> None:
    """When the rest of the long name is a designation, the short name plus it is the region."""
    assert _same(resolver, written, region)


def test_first_level_regions_cover_whole_countries() -> None:
    """Japan's 47 prefectures (Tokyo is the curated city) and Spain's communities."""
    recs = loaders.first_level_region_records()
    codes = {r["admin1"] for r in recs}
    assert len({c for c in codes if c.startswith("JP-")}) == 46 and "JP-13" not in codes
    assert len({c for c in codes if c.startswith("ES-")}) == 14
    assert all(r["kind"] == "subdivision" and r["country"] == r["admin1"][:2] for r in recs)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aichi", "Aichi Prefecture"),
        ("Prefecture of Aichi", "Aichi-ken"),
        ("Hyōgo", "Hyogo"),
        ("Ibaraki Prefecture", "Ibaraki"),
        ("Japan's Gunma", "Gunma"),
        ("Shizuoka Prefecture", "Shizuoka-ken"),
        ("Osaka-fu", "Osaka Prefecture"),
        ("Navarra", "Navarre"),
        ("Castilla y León", "Castile and Leon"),
        ("Spain's Asturias", "Principality of Asturias"),
        ("the Spanish region of Extremadura", "Extremadura"),
        ("Galicia, Spain", "Galiza"),
        ("Spain's Galicia", "Galicia (Spain)"),
        ("Comunidad de Madrid", "Community of Madrid"),
        ("Illes Balears", "Balearic Islands"),
    ],
)
def test_a_listed_region_is_one_place_however_written(
    resolver: EntityResolver, a: str, b: str
) -> None:
    """English, native and designated forms of one prefecture or community are one place."""
    assert _same(resolver, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shizuoka", "Shizuoka Prefecture"),  # the capital city of the same name
        ("Osaka", "Osaka Prefecture"),
        ("Nagoya", "Aichi"),  # the capital of another name
        ("Madrid", "Community of Madrid"),
        ("Valencia, Spain", "Valencian Community"),
        ("Galicia, Ukraine", "Galicia, Spain"),  # the Central European namesake
        ("La Rioja, Argentina", "La Rioja (Spain)"),
        ("Okinawa City", "Okinawa"),  # a city inside the prefecture
        ("Aichi", "Ehime"),
    ],
)
def test_a_listed_region_stays_apart_from_its_city_and_namesakes(
    resolver: EntityResolver, a: str, b: str
) -> None:
    """A region is never its same-named capital, a namesake elsewhere or a neighbour."""
    assert not _same(resolver, a, b)


def test_a_bare_name_of_a_capital_named_region_is_left_to_the_city(
    resolver: EntityResolver,
) -> None:
    """Where the capital bears the region's name, the bare name is not the region."""
    ent = resolver.resolve_name("Shizuoka", "GPE")
    assert ent is None or ent.canonical_name != "Shizuoka Prefecture"
    gal = resolver.resolve_name("Galicia", "GPE")
    assert gal is None or gal.canonical_name != "Galicia, Spain"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oklahoma's Tulsa County", "Tulsa County, Okla."),
        ("Tulsa County, Oklahoma", "Tulsa County (Okla.)"),
        ("Ohio's Franklin County", "Franklin County, Ohio"),
        ("Salem (Ore.)", "Salem, Oregon"),
        ("the city of Salem, Ore.", "Salem, Ore."),
        ("Dubuque, Ia.", "Dubuque, Iowa"),
        ("Topeka, Kans.", "Topeka, Kansas"),
        ("Bismarck, N. Dak.", "Bismarck, North Dakota"),
        ("Charleston, W. Virginia", "Charleston, W.Va."),
        ("Spartanburg, S. Carolina", "Spartanburg, S.C."),
    ],
)
def test_a_place_with_its_state_written_any_way_is_one_place(
    resolver: EntityResolver, a: str, b: str
) -> None:
    """A state as owner, in brackets, after a comma or abbreviated: one reading."""
    assert _same(resolver, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oklahoma's Tulsa County", "Tulsa County, Texas"),  # no such county; another key
        ("Ohio's Franklin County", "Franklin County, Pa."),  # namesake counties
        ("Salem (Ore.)", "Salem, Mass."),
        ("Charleston, W. Virginia", "Charleston, S.C."),
        ("Ohio's Franklin County", "Ohio"),  # the county is not its state
    ],
)
def test_a_place_with_another_state_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    """The state written decides between namesakes, in every form."""
    assert not _same(resolver, a, b)


def test_an_owner_that_is_no_state_qualifies_nothing(resolver: EntityResolver) -> None:
    """A lowercase word after the possessive, or a country owner, is not read as a county."""
    gov = resolver.resolve_name("Ohio's governor", "GPE")
    assert gov is None or gov.canonical_name != "governor, Ohio"
    assert not _same(resolver, "Ohio's Cleveland", "Cleveland, Tenn.")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Salvador", "El Salvador"),  # Bahia's capital
        ("Salvador, Brazil", "El Salvador"),
    ],
)
def test_a_big_foreign_city_is_not_a_country_of_its_name(
    resolver: EntityResolver, a: str, b: str
) -> None:
    """A country variant that is the own name of a large city abroad is no country name."""
    assert not _same(resolver, a, b)


def test_the_city_keeps_its_own_name(resolver: EntityResolver) -> None:
    """With the variant gone, the name and the city with its country are one place."""
    assert _same(resolver, "Salvador", "Salvador, Brazil")
