"""The place alias index build: its guards on small data, and the committed file."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from pipelines.core.normalize import place_key
from pipelines.tools.build_places import (
    OUTPUT,
    RULES,
    SLIP_TOWNS,
    Sources,
    build,
    common_word,
    render_both,
    slip_towns,
    usable_alias,
)


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Oporto", True),
        ("Nizhniy Novgorod", True),
        ("Łódź", True),  # Latin letters with marks
        ("MUC", False),  # an airport code
        ("Мюнхен", False),  # another script
        ("mi wnik", False),  # a lower-case romanisation
        ("Kyiv (city)", False),
        ("Area 51", False),
        ("Xi", False),  # too short to be a safe surface
    ],
)
def test_usable_alias(name: str, ok: bool) -> None:
    assert usable_alias(name) is ok


def _zipf(word: str, lang: str) -> float:
    return {"reading": 5.1, "nice": 5.4}.get(word, 2.0)


def test_common_word() -> None:
    assert common_word("Reading", _zipf)
    assert not common_word("Oporto", _zipf)
    assert not common_word("Nice Town", _zipf)  # only one-word aliases


def _city(gid: int, name: str, cc: str, pop: int, *alt: str) -> dict[str, Any]:
    return {
        "geonameid": gid,
        "name": name,
        "countrycode": cc,
        "population": pop,
        "alternatenames": list(alt),
    }


def _sources(cities: list[dict[str, Any]], **kw: Any) -> Sources:
    towns: dict[str, set[int]] = {}
    for c in cities:
        towns.setdefault(place_key(c["name"]), set()).add(c["geonameid"])
    for name, gid in kw.pop("towns", {}).items():
        towns.setdefault(place_key(name), set()).add(gid)
    return Sources(
        cities=cities,
        town_names=towns,
        base=kw.pop("base", []),
        regions=kw.pop("regions", {}),
        former=kw.pop("former", set()),
        country_names=kw.pop("country_names", {}),
        zipf=_zipf,
    )


def _aliases(records: list[dict[str, Any]], name: str) -> list[str]:
    found = [r for r in records if r.get("canonical_name") == name or r.get("extends") == name]
    return found[0]["aliases"] if found else []


def test_guards_keep_only_names_nothing_else_owns() -> None:
    cities = [
        _city(1, "Alphaville", "ZZ", 900_000, "Alfaville", "Betatown", "Gamma", "Reading",
              "ALF", "Старый", "Old Alpha", "Deltaland", "Zedland", "Shared"),
        _city(2, "Betatown", "ZZ", 200_000, "Bettatown", "Shared"),
    ]  # fmt: skip
    src = _sources(
        cities,
        towns={"Gamma": 99},  # a small town's own name
        regions={"ZZ": {place_key("Deltaland")}},  # a region's name
        former={place_key("Old Alpha")},  # a former country's name
        country_names={"ZZ": ["Zedland"]},
    )
    recs = build(src)
    # Betatown is another city's own name, Gamma a town's, Deltaland a region's, Old Alpha
    # a former country's, Zedland a country's, "Shared" two cities' alternate, Reading a
    # common word, ALF a code, the Cyrillic name another script.
    assert _aliases(recs, "Alphaville") == ["Alfaville"]
    assert _aliases(recs, "Betatown") == ["Bettatown"]


def test_namesake_cities_keep_their_name_only_when_one_is_far_larger() -> None:
    big = [_city(1, "Portville", "AA", 2_000_000, "Port Ville"),
           _city(2, "Portville", "BB", 100_000, "Portvil")]  # fmt: skip
    recs = build(_sources(big))
    names = {r["canonical_name"]: r for r in recs if "canonical_name" in r}
    assert names["Portville"]["country"] == "AA"  # twenty times larger: keeps the name
    assert len(names) == 1  # the smaller one has no own name left: not indexed
    close = [_city(1, "Portville", "AA", 300_000, "Port Ville"),
             _city(2, "Portville", "BB", 100_000, "Portvil")]  # fmt: skip
    assert [r for r in build(_sources(close)) if "canonical_name" in r] == []


def test_a_curated_city_is_extended_not_duplicated() -> None:
    base = [{"entity_type": "GPE", "kind": "city", "canonical_name": "Alphaville",
             "country": "ZZ", "aliases": ["Alfaville"]}]  # fmt: skip
    cities = [_city(1, "Alphaville", "ZZ", 900_000, "Alfaville", "Alphavil")]
    recs = build(_sources(cities, base=base))
    assert recs == [
        {"extends": "Alphaville", "country": "ZZ", "aliases": ["Alphavil"], "source": "geonames:1"}
    ]


def test_a_country_gets_its_iso_names() -> None:
    base = [{"entity_type": "GPE", "kind": "country", "canonical_name": "Zedland",
             "country": "ZZ", "aliases": []}]  # fmt: skip
    src = _sources([], base=base, country_names={"ZZ": ["Zedland", "Republic of Zed", "Zedlandia"]})
    recs = build(src)
    assert recs[0]["aliases"] == ["Republic of Zed", "Zedlandia"]


def test_slip_towns_are_real_towns_one_slip_from_a_known_place() -> None:
    index = json.dumps(
        {"entity_type": "GPE", "kind": "city", "canonical_name": "Velmorabad", "country": "IN",
         "aliases": [], "population": 200_000, "source": "geonames:1"}
    )  # fmt: skip
    towns = ["velmarabad", "velmorabad", "velmorabid", "velmorabadpur", "velmoa"]
    # One vowel away: a real town, kept apart. The place itself, a town two letters longer,
    # a slip in the last two letters and a short name are not listed.
    assert slip_towns(index + "\n", towns) == ["velmarabad"]


@pytest.mark.slow
def test_committed_file_equals_the_build() -> None:
    # Reads the GeoNames and ISO 3166 packages (dev dependencies): ~35 s.
    index, towns = render_both()
    for name, text in ((OUTPUT, index), (SLIP_TOWNS, towns)):
        committed = (RULES / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"rules/{name} differs from what build-places produces: run "
            "`.venv/bin/python -m pipelines build-places` and commit the result"
        )


def test_committed_index_agrees_with_the_shipped_gazetteer() -> None:
    """Fast drift check (no GeoNames read): the index's names are its own, as the build left them.

    The build refuses a name the curated gazetteer or the organisation table gives another
    entity, and a name two index records would carry. When those sources (or ``place_key``)
    change without a rebuild, the committed index carries such a name ('Oea' beside the OEA,
    'Douma' beside the State Duma were two); the slow test above sees every difference.
    """
    from collections import defaultdict

    from pipelines.core.entities.loaders import base_gazetteer_records

    owners: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for rec in base_gazetteer_records():
        ident = (rec["entity_type"], rec["canonical_name"], rec.get("country") or "")
        for n in [rec["canonical_name"], *rec.get("aliases", [])]:
            owners[place_key(n)].add(ident)
    carried: dict[str, set[tuple[str, str]]] = defaultdict(set)
    wrong = []
    for line in (RULES / OUTPUT).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        cc = rec.get("country") or ""
        if "extends" in rec:
            target = {("GPE", rec["extends"], cc)}
            if not owners.get(place_key(rec["extends"]), set()) & target:
                wrong.append(f"extends {rec['extends']!r} ({cc}): no such shipped place")
            names = rec["aliases"]
        else:
            target = set()
            names = [rec["canonical_name"], *rec["aliases"]]
        for n in names:
            key = place_key(n)
            carried[key].add((rec.get("extends") or rec["canonical_name"], cc))
            if owners.get(key, set()) - target:
                wrong.append(f"{n!r} of {rec.get('extends') or rec['canonical_name']!r} is also "
                             f"{sorted(owners[key] - target)}")  # fmt: skip
    wrong += [f"{k!r} carried by {sorted(v)}" for k, v in carried.items() if len(v) > 1]
    assert not wrong, (
        "rules/places_geonames.jsonl disagrees with its sources: run "
        "`.venv/bin/python -m pipelines build-places` and commit the result\n" + "\n".join(wrong)
    )


def test_states_are_indexed_only_when_nothing_else_bears_their_name() -> None:
    """ISO 3166-2 states enter the index as regions under the city guards."""
    base = [{"entity_type": "GPE", "kind": "subdivision", "canonical_name": "Curatia",
             "country": "ZZ", "aliases": []}]  # fmt: skip
    cities = [_city(1, "Portstate", "ZZ", 500_000)]
    src = _sources(cities, base=base, towns={"Smallstate": 7})
    src = replace(
        src,
        states=(
            ("ZZ-01", "ZZ", "Newlandia"),  # kept
            ("ZZ-02", "ZZ", "Curatia"),  # curated already
            ("ZZ-03", "ZZ", "Portstate"),  # a city's name
            ("ZZ-04", "ZZ", "Smallstate"),  # a town's name
            ("ZZ-05", "ZZ", "Reading Nice"),  # common words only
            ("ZZ-06", "ZZ", "Twinland"),  # two states of one name
            ("YY-01", "YY", "Twinland"),
        ),
    )
    states = [r for r in build(src) if r.get("kind") == "subdivision"]
    assert [(r["canonical_name"], r["source"]) for r in states] == [
        ("Newlandia", "iso3166-2:ZZ-01")
    ]


def _regional(gid: int, name: str, cc: str, admin1: str, *alt: str) -> dict[str, Any]:
    return {**_city(gid, name, cc, 500_000, *alt), "admin1code": admin1}


_FIRST_LEVEL = (
    ("QQ-NO", "QQ", "Nordmark"),
    ("QQ-SU", "QQ", "Sudmark"),
    ("RR-EA", "RR", "Eastshire"),
)


@pytest.mark.parametrize(
    ("city", "admin1"),
    [
        (_regional(1, "Alphaville", "QQ", "NO", "Alfaville"), "QQ-NO"),  # GeoNames letters
        (_regional(2, "Betatown", "RR", "07", "Bettatown"), "RR-EA"),  # through the table
        (_regional(3, "Gammaburg", "RR", "09", "Gamaburg"), None),  # a number without a line
        (_regional(4, "Deltaport", "QQ", "XX", "Deltaporto"), None),  # no such ISO region
    ],
)
def test_a_city_carries_its_first_level_region(city: dict[str, Any], admin1: str | None) -> None:
    src = replace(_sources([city]), first_level=_FIRST_LEVEL, admin1={("RR", "07"): "RR-EA"})
    (rec,) = build(src)
    assert rec.get("admin1") == admin1


def test_a_curated_region_and_city_get_their_iso_codes() -> None:
    base = [
        {"entity_type": "GPE", "kind": "subdivision", "canonical_name": "Nordmark State",
         "country": "QQ", "aliases": []},
        {"entity_type": "GPE", "kind": "subdivision", "canonical_name": "Sudmark (QQ region)",
         "country": "QQ", "aliases": []},
        {"entity_type": "GPE", "kind": "subdivision", "canonical_name": "Westmark",
         "country": "QQ", "aliases": []},  # no ISO region of that name: no code
        {"entity_type": "GPE", "kind": "city", "canonical_name": "Alphaville",
         "country": "QQ", "aliases": []},
    ]  # fmt: skip
    src = replace(
        _sources([_regional(1, "Alphaville", "QQ", "SU")], base=base), first_level=_FIRST_LEVEL
    )
    rows = {r["extends"]: r for r in build(src)}
    assert rows["Nordmark State"]["admin1"] == "QQ-NO"  # the designation dropped
    assert rows["Sudmark (QQ region)"]["admin1"] == "QQ-SU"  # the bracket dropped
    assert "Westmark" not in rows
    # A curated city with no new name still gets its region.
    assert rows["Alphaville"] == {
        "admin1": "QQ-SU", "aliases": [], "country": "QQ", "extends": "Alphaville",
        "source": "geonames:1",
    }  # fmt: skip


def test_a_capital_district_is_its_one_city() -> None:
    base = [
        {"entity_type": "GPE", "kind": "city", "canonical_name": "Alphaville", "country": "QQ",
         "capital_of": "QQ", "aliases": []},
        {"entity_type": "GPE", "kind": "city", "canonical_name": "Betatown", "country": "RR",
         "aliases": []},
    ]  # fmt: skip
    first = (*_FIRST_LEVEL, ("QQ-CD", "QQ", "Capital District of Qu"), ("RR-FD", "RR", "Fedland"))
    cities = [_regional(1, "Alphaville", "QQ", "CD"), _regional(2, "Betatown", "RR", "FD")]
    src = replace(
        _sources(cities, base=base), first_level=first, districts=frozenset({"QQ-CD", "RR-FD"})
    )
    rows = [r for r in build(src) if r["source"].startswith("iso3166-2")]
    # Betatown is not its country's capital: its district keeps its own name.
    assert rows == [
        {"aliases": ["Capital District of Qu"], "country": "QQ", "extends": "Alphaville",
         "source": "iso3166-2:QQ-CD"}
    ]  # fmt: skip
