"""Issue 11, eighteenth session: local bodies' names written in more than one way.

Invented bodies (real city and region names only, never a string of an evaluation set,
tests/data/entity_eval*): the forms the rules must join next to the pairs they must keep
apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

ORG = "ORG"


# ------------------ a region's abbreviation with a stop inside a body's name


@pytest.mark.parametrize(
    "forms",
    [
        ["Sask. Potash Haulers Guild", "Saskatchewan Potash Haulers Guild"],
        ["Alta. Barley Curlers Association", "Alberta Barley Curlers Association"],
        ["Institute of Tundra Studies of Ont.", "Institute of Tundra Studies of Ontario"],
        ["Calif. Almond Pickers Cooperative", "California Almond Pickers Cooperative"],
    ],
)
def test_region_abbreviation_in_a_body_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The abbreviation names its region, not another one.
        ("Sask. Potash Haulers Guild", "Alberta Potash Haulers Guild"),
        ("Man. Lake Wardens Society", "Maine Lake Wardens Society"),
    ],
)
def test_region_abbreviation_keeps_regions_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


@pytest.mark.parametrize(
    "forms",
    [
        # Initials with stops are not spelt out: the forms without stops stay joined.
        ["B.C. Ferry Pilots Union", "BC Ferry Pilots Union"],
        ["N.Y. Harbour Divers Club", "NY Harbour Divers Club"],
    ],
)
def test_region_initials_stay_as_written(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


# ------------------ a city's council and boards: "City of X", "X City", "X"


@pytest.mark.parametrize(
    "forms",
    [
        [
            "City of Halifax council",
            "Halifax City Council",
            "Halifax city council",
            "Halifax council",
        ],
        ["City of Regina parks board", "Regina Parks Board", "Regina City Parks Board"],
        ["City of Calgary public health", "Calgary Public Health"],
    ],
)
def test_city_council_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "<X> City" is a city of its own when X is a province, a state or a country.
        ("Quebec City council", "Quebec council"),
        ("Kansas City council", "Kansas council"),
        ("Mexico City council", "Mexico council"),
        # Capitalised words after "City of X" are a body's own name ("City of X Police").
        ("City of London Police", "London police"),
        # Another city's council.
        ("City of Halifax council", "Regina council"),
    ],
)
def test_city_forms_keep_other_places_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a police force's "Service", "Services", "Department"


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Lakeshore Regional Police",
            "Lakeshore Regional Police Service",
            "Lakeshore Regional Police Services",
        ],
        ["Pinecrest Police Department", "Pinecrest Police", "Pinecrest police"],
    ],
)
def test_police_force_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The force's board and its members' association are other bodies.
        ("Lakeshore Regional Police Services Board", "Lakeshore Regional Police Service"),
        ("Lakeshore Regional Police Association", "Lakeshore Regional Police"),
        ("Pinecrest Police Department", "Lakeshore Police Department"),
    ],
)
def test_police_forms_keep_other_bodies_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a body's head word in another language before its city or region


@pytest.mark.parametrize(
    "forms",
    [
        ["Universidad de Valladolid", "University of Valladolid"],
        ["Université de Sherbrooke", "University of Sherbrooke"],
        ["Universidade do Porto", "University of Porto"],
    ],
)
def test_native_head_before_a_city(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Universidad de Valladolid", "University of Zaragoza"),
        # A word between the head and the place says which body: left as written.
        ("Universidad Europea de Valladolid", "University of Valladolid"),
    ],
)
def test_native_head_keeps_other_bodies_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a court's region or city after "of" / "for"


@pytest.mark.parametrize(
    "forms",
    [
        ["Court of Appeal for Manitoba", "Manitoba Court of Appeal"],
        ["Court of King's Bench of Saskatchewan", "Saskatchewan Court of King's Bench"],
        ["Superior Court of Nova Scotia", "Nova Scotia Superior Court"],
        ["Municipal Court of Halifax", "Halifax Municipal Court"],
    ],
)
def test_court_of_a_region(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Court of Appeal for Manitoba", "Saskatchewan Court of Appeal"),
        ("Superior Court of Nova Scotia", "Nova Scotia Court of Appeal"),
        # A country's court is its role row's, not a region's form.
        ("Supreme Court of Canada", "Supreme Court of Nova Scotia"),
    ],
)
def test_court_of_a_region_keeps_courts_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ a body's name written in French, every word known


@pytest.mark.parametrize(
    "forms",
    [
        ["Ligue canadienne de rugby", "Canadian Rugby League"],
        ["Cour d'appel du Manitoba", "Manitoba Court of Appeal", "Court of Appeal for Manitoba"],
        ["Cour provinciale de la Saskatchewan", "Saskatchewan Provincial Court"],
    ],
)
def test_french_body_name(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ligue canadienne de rugby", "Canadian Soccer League"),
        ("Cour d'appel du Manitoba", "Manitoba Superior Court"),
        # A word the table does not know: left as written, not read as "Canadian League".
        ("Ligue canadienne de pétanque", "Canadian League"),
    ],
)
def test_french_body_name_keeps_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)
