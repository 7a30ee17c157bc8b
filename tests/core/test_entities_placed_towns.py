"""Towns written with where they lie (issue 11, session 21, names side, GPE).

A US town or county with its state in the ways news writes it ("<State>'s <Town>", "<Town>
in central <State>", "<Town> (N.H.)", "the city of <Town>, <St.>", "S. Carolina", the old
AP "Ia.") is the comma form's place; a British town with its county, full or abbreviated
("Lincs", "Staffs"), in any of "<town>, <county>", "<town> in <county>", "the <county> town
of <town>", is one place keyed with its county, never the bare namesake. Invented examples,
none taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import load_british_counties
from pipelines.core.entities.placed import placed_parts, spell_compass
from pipelines.core.resources import rule_lines
from tests.core.entities_helpers import assert_apart, assert_same


@pytest.mark.parametrize(
    "names",
    [
        [
            "Davenport, Iowa",
            "Davenport, Ia.",
            "eastern Iowa's Davenport",
            "Davenport in eastern Iowa",
        ],
        ["Story County, Iowa", "Iowa's Story County", "Story County in central Iowa"],
        ["Reno, Nevada", "Reno, Nev.", "Nevada's Reno", "Reno (Nev.)"],
        ["Concord, New Hampshire", "Concord (N.H.)", "the city of Concord, N.H."],
        [
            "Spartanburg, South Carolina",
            "Spartanburg, S. Carolina",
            "upstate South Carolina's Spartanburg",
        ],
        ["Bismarck, North Dakota", "Bismarck, N. Dakota", "the North Dakota city of Bismarck"],
        ["Wichita, Kansas", "Kansas's largest city, Wichita", "Wichita in south-central Kansas"],
    ],
)
def test_us_town_in_its_state(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        [
            "Grantham, Lincolnshire",
            "Grantham, Lincs",
            "Grantham in Lincolnshire",
            "the Lincolnshire town of Grantham",
        ],
        ["Aylesbury, Buckinghamshire", "Aylesbury, Bucks", "the Buckinghamshire town of Aylesbury"],
        ["Lichfield, Staffordshire", "Lichfield, Staffs", "Lichfield in Staffordshire"],
        ["Banbury, Oxfordshire", "Banbury, Oxon", "the Oxfordshire market town of Banbury"],
        ["Goole, East Yorkshire", "the East Yorkshire town of Goole"],
        ["Stirling, Scotland", "Stirling in Scotland", "the Scottish city of Stirling"],
    ],
)
def test_british_town_with_its_county(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Boston, Lincs", "Boston"),
        ("Boston in Lincolnshire", "Boston, Massachusetts"),
        ("the Lincolnshire town of Boston", "Boston, Mass."),
        ("Portland in Maine", "Portland, Ore."),
        ("Richmond, Yorks", "Richmond, Surrey"),
        ("Newport, Salop", "Newport, Gwent"),
        ("Manchester (N.H.)", "Manchester"),
        ("New Hampshire's Manchester", "Greater Manchester"),
    ],
)
def test_namesakes_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


@pytest.mark.parametrize(
    ("clean", "parts"),
    [
        ("Ohio's Lake County", ("Lake County", "Ohio", "owned")),
        ("western Ohio's Lima", ("Lima", "Ohio", "owned")),
        ("Ohio's capital, Columbus", ("Columbus", "Ohio", "owned")),
        ("Lima in western Ohio", ("Lima", "Ohio", "in")),
        ("Lima (Ohio)", ("Lima", "Ohio", "bracket")),
        ("city of Lima, Ohio", ("Lima", "Ohio", "city_of")),
        ("Ohio city of Lima", ("Lima", "Ohio", "described")),
        ("North Yorkshire town of Selby", ("Selby", "North Yorkshire", "described")),
        ("Selby, N Yorks", ("Selby", "N Yorks", "comma")),
    ],
)
def test_placed_parts(clean: str, parts: tuple[str, str, str]) -> None:
    assert placed_parts(clean) == parts


@pytest.mark.parametrize("clean", ["Lima", "Tito's Lima", "capital of Ohio", "Lima and Ohio"])
def test_placed_parts_leaves_other_strings(clean: str) -> None:
    parts = placed_parts(clean)
    assert parts is None or parts[1] == "Tito"  # an owner that is no region is refused later


@pytest.mark.parametrize(
    ("written", "full"),
    [("S. Carolina", "South Carolina"), ("W. Virginia", "West Virginia"), ("Ohio", "Ohio")],
)
def test_spell_compass(written: str, full: str) -> None:
    assert spell_compass(written) == full


def test_british_counties_rule_file() -> None:
    table = load_british_counties()
    fulls = [line.partition("\t")[0].strip() for line in rule_lines("british_counties.tsv")]
    assert len(fulls) == len(set(fulls))
    assert {"Lincs", "Staffs", "Oxon", "Hants", "Northants", "Wilts"} <= table.keys()
    assert set(table.values()) == set(fulls)


@pytest.mark.parametrize(
    "names",
    [
        ["the new town of Crawley", "Crawley"],
        ["the seaside town of Brighton", "Brighton"],
        ["the county town of Maidstone", "Maidstone"],
        ["the new city of Navi Mumbai", "Navi Mumbai"],
    ],
)
def test_kind_of_town_described(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


def test_kind_of_town_is_no_region(resolver: EntityResolver) -> None:
    # "city" and "town" name a city only: a region of that name is not reached.
    assert_apart(resolver, "the market town of Canterbury", "Canterbury", "GPE")
