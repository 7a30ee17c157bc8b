"""Place classes of the nineteenth session's second round (issue 11, names side, GPE).

An Indian city with its state written after it is that city (GeoNames numbers India's
states, so the index now carries their ISO codes), and a namesake in another state stays
apart. A US state's or Canadian province's news abbreviation after a city's comma may lack
its stop ("Salem, Ore"). A bare name that is both a country's and a US state's ("Georgia")
is keyed by itself, neither place, while the longer forms still reach each. South Africa's
provinces are known, and its cities with their province after them. A region or country with
"enclave" or "exclave" after it is that place. None of these strings is taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

import pycountry
import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.resources import rule_lines
from tests.core.entities_helpers import assert_apart, assert_same, entity_id


@pytest.mark.parametrize(
    "names",
    [
        ["Pune", "Pune, Maharashtra"],
        ["Chennai", "Chennai, Tamil Nadu"],
        ["Lucknow", "Lucknow, Uttar Pradesh"],
        ["Guwahati", "Guwahati, Assam"],
        ["Patna", "Patna, Bihar"],
    ],
)
def test_indian_city_with_its_state(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


def test_indian_city_in_another_state_stays_apart(resolver: EntityResolver) -> None:
    assert_apart(resolver, "Pune", "Pune, Bihar", "GPE")
    assert_apart(resolver, "Aurangabad, Maharashtra", "Aurangabad, Bihar", "GPE")


def test_indian_admin1_rows_name_iso_regions_of_india() -> None:
    iso = {s.code for s in pycountry.subdivisions.get(country_code="IN") if s.parent_code is None}
    rows = [line.split("\t") for line in rule_lines("geonames_admin1.tsv")]
    indian = {code: region.strip() for cc, code, region in rows if cc == "IN"}
    assert len(indian) == len(iso)  # every state and union territory, once
    assert set(indian.values()) == iso


@pytest.mark.parametrize(
    "names",
    [
        ["Salem, Ore.", "Salem, Ore", "Salem, Oregon"],
        ["Peoria, Ill.", "Peoria, Ill", "Peoria, Illinois"],
        ["Paris, Tex.", "Paris, Tex"],
        ["Kingston, Ont.", "Kingston, Ont"],
        ["Tulsa", "Tulsa, Okla"],
    ],
)
def test_region_abbreviation_without_its_stop(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


def test_stopless_abbreviation_keeps_namesakes_apart(resolver: EntityResolver) -> None:
    assert_apart(resolver, "Salem, Ore", "Salem, Mass", "GPE")
    assert_apart(resolver, "Paris, Tex", "Paris", "GPE")
    assert_apart(resolver, "Kingston, Ont", "Kingston", "GPE")


def test_bare_name_of_a_country_and_a_state_is_neither(resolver: EntityResolver) -> None:
    bare = entity_id(resolver, "Georgia", "GPE")
    country = entity_id(resolver, "Republic of Georgia", "GPE")
    state = entity_id(resolver, "State of Georgia", "GPE")
    assert bare is not None
    assert len({bare, country, state}) == 3
    assert entity_id(resolver, "Georgia", None) == bare
    assert_same(resolver, ["Republic of Georgia", "Sakartvelo"], "GPE")
    assert_same(resolver, ["State of Georgia", "Ga."], "GPE")


def test_city_with_shared_name_reads_the_region_the_city_is_in(resolver: EntityResolver) -> None:
    assert_same(resolver, ["Savannah", "Savannah, Georgia", "Savannah, Ga."], "GPE")
    assert_same(resolver, ["Tbilisi", "Tbilisi, Georgia"], "GPE")
    assert_apart(resolver, "Savannah, Georgia", "Tbilisi, Georgia", "GPE")


def test_a_name_shared_by_country_and_foreign_region_is_untouched(resolver: EntityResolver) -> None:
    # Only a US state's or Canadian province's name competes with a country bare:
    # "Mexico" stays the country though Mexico has a state of that name.
    assert_same(resolver, ["Mexico", "United Mexican States"], "GPE")


@pytest.mark.parametrize(
    "names",
    [
        ["Limpopo", "Limpopo province", "Limpopo, South Africa"],
        ["Western Cape", "Western Cape Province", "South Africa's Western Cape"],
        ["Free State Province", "the Free State province"],
        ["Polokwane", "Polokwane, Limpopo"],
        ["Cape Town", "Cape Town, Western Cape"],
    ],
)
def test_south_african_provinces_and_their_cities(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


def test_south_african_names_shared_elsewhere_stay_apart(resolver: EntityResolver) -> None:
    assert_apart(resolver, "Free State", "Free State Province", "GPE")
    assert_apart(resolver, "North West", "North West Province", "GPE")
    assert_apart(resolver, "Cape Town", "Cape Town, Limpopo", "GPE")


def test_south_african_admin1_rows_name_iso_provinces() -> None:
    iso = {s.code for s in pycountry.subdivisions.get(country_code="ZA")}
    rows = [line.split("\t") for line in rule_lines("geonames_admin1.tsv")]
    assert {region.strip() for cc, _, region in rows if cc == "ZA"} == iso


@pytest.mark.parametrize(
    "names",
    [
        ["Gaza Strip", "the Gaza Strip enclave"],
        ["Lesotho", "the Lesotho enclave"],
        ["Nagorno-Karabakh", "the Karabakh enclave"],
    ],
)
def test_region_or_country_described_as_an_enclave(
    resolver: EntityResolver, names: list[str]
) -> None:
    assert_same(resolver, names, "GPE")


def test_enclave_word_never_folds_a_city_or_a_shared_name(resolver: EntityResolver) -> None:
    assert_apart(resolver, "the Kaliningrad enclave", "Kaliningrad", "GPE")
    assert_apart(resolver, "the Georgia enclave", "Republic of Georgia", "GPE")
    assert_apart(resolver, "the Georgia enclave", "State of Georgia", "GPE")
