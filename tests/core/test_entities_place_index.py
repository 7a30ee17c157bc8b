"""The place alias index built from GeoNames and ISO 3166 (``rules/places_geonames.jsonl``).

Broad knowledge, not fitted to any evaluation set: other names of cities (exonyms, former
names, spellings without diacritics) join the city, and never a country, a region or
another place. None of these strings is taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

import json

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import with_place_index
from tests.core.entities_helpers import assert_apart, assert_same, entity_id


@pytest.mark.parametrize(
    "names",
    [
        ["Porto", "Oporto"],  # a city the curated gazetteer does not name
        ["Visakhapatnam", "Vizag"],
        ["Toamasina", "Tamatave"],  # a former name
        ["Krasnodar", "Ekaterinodar"],
        ["Bizerte", "Bizerta"],
        ["Milan", "Mailand"],  # curated city, an exonym added from GeoNames
        ["Cologne", "Köln", "Koeln"],
        ["Zaragoza", "Saragossa"],
    ],
)
def test_other_names_of_a_city_are_one_entity(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Salisbury", "Harare"),  # Harare's colonial name is also an English town's own name
        ("Kuwait", "Kuwait City"),  # a city never takes its country's name
        ("Panama", "Panama City"),
    ],
)
def test_a_name_another_place_owns_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


def test_a_country_keeps_its_name(resolver: EntityResolver) -> None:
    ent = resolver.resolve_name("Panama", "GPE")
    assert ent is not None
    assert entity_id(resolver, "Republic of Panama", "GPE") == ent.entity_id


def test_place_names_do_not_reach_people_or_organisations(resolver: EntityResolver) -> None:
    # A person or body keeps its own resolution: the index adds GPE names only.
    assert_apart(resolver, "Oporto", "FC Porto", "GPE", "ORG")
    assert_apart(resolver, "Vizag", "Vizag Steel", "GPE", "ORG")


def _place(name: str, country: str, *aliases: str) -> dict[str, object]:
    return {
        "entity_type": "GPE",
        "kind": "city",
        "canonical_name": name,
        "country": country,
        "aliases": list(aliases),
    }


def test_extends_rows_add_names_to_the_curated_place() -> None:
    base = [_place("Springfield", "ZZ", "Springfeld")]
    rows = [
        {"extends": "Springfield", "country": "ZZ", "aliases": ["Sprungfeld"]},
        {**_place("Shelbyville", "ZZ", "Shelby"), "source": "geonames:1"},
    ]
    text = "".join(json.dumps(r) + "\n" for r in rows)
    out = with_place_index(base, text)
    assert out[0]["aliases"] == ["Springfeld", "Sprungfeld"]
    assert out[1]["canonical_name"] == "Shelbyville"
    assert base[0]["aliases"] == ["Springfeld"]  # the caller's records are not changed


def test_a_stale_extends_row_is_a_clear_error() -> None:
    row = {"extends": "Capital City", "country": "ZZ", "aliases": ["Cap City"]}
    with pytest.raises(ValueError, match="build-places"):
        with_place_index([_place("Springfield", "ZZ")], json.dumps(row) + "\n")


def test_a_spelling_variant_with_a_common_surname_is_a_namesake(
    resolver: EntityResolver,
) -> None:
    # "Alistair" is a spelling of "Alastair" by skeleton, but Campbell is a common surname:
    # a namesake (the poet Alistair Campbell) is as likely as another spelling, so the
    # gazetteer person is not picked (as for nicknames: "Jon Smith" is not "John Smith").
    known = entity_id(resolver, "Alastair Campbell", "PERSON")
    assert known is not None
    assert entity_id(resolver, "Alistair Campbell", "PERSON") != known
