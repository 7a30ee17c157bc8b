"""Issue 11, nineteenth session: organisation names written in more than one way.

Invented bodies, or well-known ones in forms of our own (never a string of an evaluation set,
tests/data/entity_eval*): the forms the rules must join next to the pairs they must keep
apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

ORG = "ORG"


# ------------------ a US court of appeals written by its circuit


@pytest.mark.parametrize(
    "forms",
    [
        [
            "United States Court of Appeals for the Ninth Circuit",
            "U.S. Court of Appeals for the Ninth Circuit",
            "the 9th U.S. Circuit Court of Appeals",
            "9th Circuit Court of Appeals",
            "the Ninth Circuit",
            "the 9th Circuit's",
            "Ninth Circuit Appeals Court",
        ],
        [
            "US Court of Appeals for the Eleventh Circuit",
            "11th U.S. Circuit Court of Appeals",
            "the 11th Circuit",
        ],
        ["the D.C. Circuit", "U.S. Court of Appeals for the District of Columbia Circuit"],
        ["the Federal Circuit", "Court of Appeals for the Federal Circuit"],
        ["the 2nd Circuit", "Second U.S. Circuit Court of Appeals"],
    ],
)
def test_appeals_court_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the 7th Circuit", "the Eighth Circuit"),
        ("the D.C. Circuit", "the Federal Circuit"),
        # States number their trial courts' circuits too: those are other courts.
        ("Seventh Judicial Circuit", "the Seventh Circuit"),
        ("7th Circuit Court", "the 7th Circuit"),
        ("17th Circuit", "the 7th Circuit"),
    ],
)
def test_appeals_courts_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ "United States" and "U.S." before a body's name


@pytest.mark.parametrize(
    "forms",
    [
        [
            "United States Office of Kite Safety",
            "U.S. Office of Kite Safety",
            "US Office of Kite Safety",
        ],
        ["United States Bureau of Lighthouse Keepers", "the U.S. Bureau of Lighthouse Keepers"],
    ],
)
def test_united_states_written_short(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("United States Office of Kite Safety", "Office of Kite Safety of Canada"),
        ("United States Bureau of Lighthouse Keepers", "Bureau of Lighthouse Keepers"),
    ],
)
def test_united_states_keeps_bodies_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


def test_united_states_of_is_no_prefix() -> None:
    from pipelines.core.normalize import org_key

    assert org_key("United States of Kestrelia Council") != org_key("US of Kestrelia Council")
    assert org_key("United States Steel Workers Guild").startswith("us ")


# ------------------ a known union or company with its kind written after it


@pytest.mark.parametrize(
    "forms",
    [
        ["Service Employees International Union", "the SEIU union", "SEIU national union"],
        ["Canadian National Railway", "the Canadian National railway", "CN Rail"],
        ["WestJet", "the WestJet airline"],
    ],
)
def test_kind_after_a_known_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The union at a company, or a party's word before "union": other bodies.
        ("the WestJet union", "WestJet"),
        ("the Canadian National union", "Canadian National Railway"),
        ("the Labour union", "Labour Party"),
        # A union is no railway.
        ("the SEIU railway", "Service Employees International Union"),
    ],
)
def test_kind_after_keeps_other_bodies_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ local bodies: prosecutors' offices, clubs, superior courts


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Kestrel County DA's office",
            "the Kestrel County D.A.'s office",
            "Kestrel County District Attorney's Office",
            "the Kestrel County district attorney's office",
        ],
        ["Plover State AG's office", "Plover State Attorney General's Office"],
        ["Lakeview Otters Hockey Club", "the Lakeview Otters"],
        ["Riverton Herons Football Club", "Riverton Herons"],
        ["Alberta Superior Court of Justice", "Alberta Superior Court"],
    ],
)
def test_local_body_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kestrel County DA's office", "Plover County DA's office"),
        ("Kestrel County DA's office", "Kestrel County AG's office"),
        ("Lakeview Otters Hockey Club", "Lakeview Herons Hockey Club"),
        ("Alberta Superior Court of Justice", "Manitoba Superior Court"),
        # Without a region the name says no court in particular.
        ("Superior Court of Justice", "Alberta Superior Court"),
    ],
)
def test_local_body_forms_keep_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ an armed group's members named by the group


@pytest.mark.parametrize(
    "forms",
    [
        ["Boko Haram", "Boko Haram insurgents", "the Boko Haram fighters"],
        ["Lashkar-e-Taiba", "LeT", "Lashkar-e-Toiba", "Lashkar-e-Taiba militants"],
        ["Abu Sayyaf", "Abu Sayyaf Group", "the Abu Sayyaf rebels"],
    ],
)
def test_armed_group_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A country's or a people's fighters are no named group.
        ("Yemeni rebels", "Yemen"),
        ("Kestrelian fighters", "Kestrelian rebels"),
        # A party's rebels are its dissidents.
        ("Labour rebels", "Labour Party"),
        # A group's armed wing is its own body.
        ("Qassam Brigades", "Hamas"),
        # An acronym a carmaker holds is not the Kachin army's.
        ("KIA", "Kachin Independence Army"),
    ],
)
def test_armed_group_forms_keep_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG, "GPE" if b == "Yemen" else None)


# ------------------ US federal bodies and top courts


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Department of Housing and Urban Development",
            "HUD",
            "Housing and Urban Development Department",
            "U.S. Department of Housing and Urban Development",
        ],
        ["Office of Personnel Management", "OPM", "U.S. Office of Personnel Management"],
        [
            "US Census Bureau",
            "Census Bureau",
            "Bureau of the Census",
            "United States Census Bureau",
        ],
        [
            "Supreme Court of the United States",
            "SCOTUS",
            "U.S. Supreme Court",
            "America's top court",
        ],
        ["Supreme Court of Canada", "Canada's highest court", "Canada's top court"],
    ],
)
def test_us_federal_bodies_and_top_courts(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Acronyms another reading owns stay unresolved or apart.
        ("VA", "Department of Veterans Affairs"),
        ("DOE", "Department of Energy"),
        ("Supreme Court of Canada", "U.S. Supreme Court"),
        ("Germany's top court", "Supreme Court of the United States"),
    ],
)
def test_us_federal_bodies_keep_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ clubs, universities, news agencies


@pytest.mark.parametrize(
    "forms",
    [
        ["Montreal Canadiens", "the Canadiens", "Habs", "Montréal Canadiens"],
        ["Hamilton Tiger-Cats", "Ticats", "the Tiger-Cats"],
        ["Calgary Flames", "Calgary Flames Hockey Club", "the Flames"],
        ["Harvard University", "Harvard"],
        ["Université Laval", "Laval University"],
        ["Toronto Metropolitan University", "TMU", "Ryerson University"],
        ["Associated Press of Pakistan", "APP"],
        ["The Canadian Press", "Canadian Press", "La Presse Canadienne"],
    ],
)
def test_clubs_universities_agencies(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Nicknames two leagues' clubs share name neither.
        ("Rangers", "New York Rangers"),
        ("Jets", "Winnipeg Jets"),
        ("Kings", "Los Angeles Kings"),
        # A city is no club, a university's city no university.
        ("Toronto", "Toronto Raptors"),
        ("Laval", "Université Laval"),
        ("Cambridge", "University of Cambridge"),
        # A party's initials are not a news agency's acronym.
        ("APP", "Austrian People's Party"),
        ("CP", "The Canadian Press"),
        # A company's letters are not a university's initials.
        ("UCB", "University of California, Berkeley"),
    ],
)
def test_clubs_universities_agencies_keep_others_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ Canadian local and sectoral bodies


@pytest.mark.parametrize(
    "forms",
    [
        ["Ontario Secondary School Teachers' Federation", "OSSTF"],
        ["British Columbia Teachers' Federation", "BCTF", "B.C. Teachers' Federation"],
        ["Fraser Health", "Fraser Health Authority"],
        ["Healthcare of Ontario Pension Plan", "HOOPP"],
        ["Canadian Natural Resources Limited", "CNRL", "Canadian Natural Resources"],
    ],
)
def test_canadian_local_bodies(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A company named "Canadian X" is not the federal department "X Canada".
        ("Canadian Natural Resources", "Natural Resources Canada"),
        # Everyday words and other bodies' acronyms are not aliases.
        ("GO", "GO Transit"),
        ("CBE", "Calgary Board of Education"),
        ("ATA", "Alberta Teachers' Association"),
    ],
)
def test_canadian_local_bodies_keep_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


# ------------------ election commissions, anti-corruption agencies, revenue authorities


@pytest.mark.parametrize(
    "forms",
    [
        ["Kenya Revenue Authority", "KRA", "the Kenya Revenue Authority"],
        ["Commission on Elections", "Comelec", "COMELEC"],
        ["Malaysian Anti-Corruption Commission", "MACC"],
        ["National Anti-Corruption Bureau of Ukraine", "NABU"],
    ],
)
def test_election_and_integrity_bodies(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Acronyms a disease, a province or a bank hold name none of these bodies.
        ("SARS", "South African Revenue Service"),
        ("KPK", "Corruption Eradication Commission"),
        ("NAB", "National Accountability Bureau"),
        ("AEC", "Australian Electoral Commission"),
    ],
)
def test_election_and_integrity_bodies_keep_others_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, ORG)
