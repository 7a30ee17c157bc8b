"""Issue 11, nineteenth session, round two: organisation names written in more than one way.

Invented bodies, or well-known ones in forms of our own (never a string of an evaluation set,
tests/data/entity_eval*): the forms the rules must join next to the pairs they must keep
apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

ORG = "ORG"


# ------------------ a state's or province's legislature, however the region is written


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Oregon State Senate",
            "Oregon Senate",
            "Senate of the State of Oregon",
            "Oregon's Senate",
        ],
        ["Vermont House of Representatives", "House of Representatives of Vermont"],
        ["Nevada Assembly", "Nev. Assembly", "Nevada State Assembly", "Assembly of Nevada"],
        [
            "Manitoba Legislative Assembly",
            "Legislative Assembly of Manitoba",
            "Man. Legislative Assembly",
        ],
        ["Virginia General Assembly", "General Assembly of the Commonwealth of Virginia"],
        # A state that shares its name with a city: before a chamber, the state.
        ["Washington State Legislature", "Washington Legislature", "Legislature of Washington"],
    ],
)
def test_region_chamber_forms_meet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oregon Senate", "Oregon House of Representatives"),
        ("Oregon Senate", "Idaho Senate"),
        ("Nevada Assembly", "Nevada Senate"),
        ("Manitoba Legislative Assembly", "Saskatchewan Legislative Assembly"),
        # A country's chamber is never read as a region's.
        ("Senate of Canada", "Manitoba Senate"),
        ("National Assembly of France", "Quebec Assembly"),
    ],
)
def test_region_chambers_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


def test_chamber_of_a_country_or_city_is_not_rewritten(resolver: EntityResolver) -> None:
    orgs = resolver.orgs
    assert orgs.local_form("Senate of Canada") is None
    assert orgs.local_form("Assembly of Kestrel Peoples") is None
    assert orgs.local_form("Oregon Senate") is None  # already the one form


# ------------------ "Office of the <place> <officer>" is "<place> <officer>'s Office"


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Office of the Kestrel County District Attorney",
            "Kestrel County District Attorney's Office",
        ],
        ["Office of the Kestrel County DA", "Kestrel County DA's office"],
        ["Office of the Oregon Attorney General", "Oregon Attorney General's Office"],
        ["Office of the Kestrel County Public Defender", "Kestrel County Public Defender's Office"],
    ],
)
def test_office_of_officer_forms_meet(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Office of the Kestrel County District Attorney",
            "Office of the Heron County District Attorney",
        ),
        (
            "Office of the Kestrel County District Attorney",
            "Kestrel County Public Defender's Office",
        ),
    ],
)
def test_office_of_officer_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


def test_office_of_without_place_or_of_agency_untouched(resolver: EntityResolver) -> None:
    # "Office of the Inspector General" names no one office; an agency's office is the agency.
    assert resolver.orgs.local_form("Office of the Inspector General") is None
    assert resolver.orgs.local_form("Office of the Kestrel Trade Council") is None


# ------------------ a country's election commission or state news agency by its role


@pytest.mark.parametrize(
    "forms",
    [
        [
            "Independent Electoral and Boundaries Commission",
            "Kenya's election authority",
            "Kenyan poll body",
        ],
        ["Commission on Elections", "the Philippines' election commission", "Philippine poll body"],
        ["Zimbabwe Electoral Commission", "Zimbabwe's election body"],
        ["Polish Press Agency", "Poland's state news agency"],
        ["Ethiopian News Agency", "Ethiopia's official news agency"],
        ["Bulgarian News Agency", "the Bulgarian state news agency"],
    ],
)
def test_role_of_country_names_its_body(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, ORG)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kenya's electoral commission", "Zambia's electoral commission"),
        ("Kenya's electoral commission", "Kenya News Agency"),
        ("Poland's state news agency", "Hungary's state news agency"),
    ],
)
def test_roles_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, ORG)


def test_country_with_several_agencies_has_no_role_body(resolver: EntityResolver) -> None:
    # Russia's and India's wire services are several: the role names none of them.
    for phrase, agency in [
        ("Russia's state news agency", "Interfax"),
        ("India's news agency", "Press Trust of India"),
    ]:
        assert entity_id(resolver, phrase, ORG) != entity_id(resolver, agency, ORG)


# ------------------ the initials rule never claims a common word or a well-known acronym


@pytest.mark.parametrize("letters", ["HAS", "SET", "CAT", "LIT", "PLAN"])
def test_everyday_word_is_no_body_by_initials(resolver: EntityResolver, letters: str) -> None:
    # Some table row's full (often native) name spells these words; they are words.
    assert resolver.lookup_initials(letters, ORG) is None


@pytest.mark.parametrize(
    ("acronym", "body"),
    [
        ("PBS", "Petrobras"),
        ("USC", "United States Congress"),
        ("AMA", "World Anti-Doping Agency"),
        ("CPR", "Canadian Pacific Kansas City"),
    ],
)
def test_well_known_acronym_is_not_another_bodys_initials(
    resolver: EntityResolver, acronym: str, body: str
) -> None:
    _apart(resolver, acronym, body, ORG)


def test_rare_letters_still_answer_through_initials(resolver: EntityResolver) -> None:
    _same(resolver, ["Yonhap News Agency", "YNA"], ORG)
    _same(resolver, ["World Wide Fund for Nature", "WWFN"], ORG)
    assert getattr(resolver.resolve_name("FDRE", "GPE"), "canonical_name", None) == "Ethiopia"


def test_a_rows_own_common_acronym_is_an_alias(resolver: EntityResolver) -> None:
    _same(resolver, ["People's Party of Canada", "PPC"], ORG)


# ------------------ a country's demonym that is also an English word stays a place


@pytest.mark.parametrize("demonym", ["Polish", "Danish", "Finnish", "Swedish"])
def test_demonym_word_before_a_kind_is_no_name(demonym: str) -> None:
    from pipelines.core.normalize import clean_org_name

    # The kind says which of the country's bodies it is: never keyed as the bare word.
    assert clean_org_name(f"{demonym} weather agency") == f"{demonym} weather agency"


def test_demonym_word_and_its_role(resolver: EntityResolver) -> None:
    _same(resolver, ["Polish Press Agency", "the Polish state news agency"], ORG)
    _apart(resolver, "Danish broadcaster", "Danish weather agency", ORG)
