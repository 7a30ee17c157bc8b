"""Issue 11, fourteenth session: must-not-merge classes of names without context.

Each class has our own examples (none taken from an evaluation set, tests/data/entity_eval*):
the pairs the rule must keep apart next to the merges it must keep making.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import Overrides
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

# ------------------------------- a form of state the country does not have


@pytest.mark.parametrize(
    ("historical", "country"),
    [
        # A monarchy word before a republic's name: a kingdom that came before it.
        ("Kingdom of Iraq", "Iraq"),
        ("Kingdom of Italy", "Italy"),
        ("Kingdom of Libya", "Libya"),
        ("Sultanate of Egypt", "Egypt"),
        ("Principality of Serbia", "Serbia"),
        # "Commonwealth of" before a country that is no commonwealth.
        ("Commonwealth of India", "India"),
        # "Republic of" before a kingdom's name: a past republic.
        ("Republic of Cambodia", "Cambodia"),
        ("Republic of Tonga", "Tonga"),
    ],
)
def test_a_form_of_state_the_country_lacks_is_another_state(
    resolver: EntityResolver, historical: str, country: str
) -> None:
    _apart(resolver, historical, country, "GPE")


@pytest.mark.parametrize(
    "names",
    [
        # A republic under a former name, the neutral "State"/"Union"/"Federation", and a
        # monarchy or commonwealth under its own form of state stay the country.
        ["Republic of Ceylon", "Sri Lanka"],
        ["Republic of Zaire", "Democratic Republic of the Congo"],
        ["Union of Burma", "Myanmar"],
        ["Federation of Nigeria", "Nigeria"],
        ["Kingdom of Morocco", "Morocco"],
        ["Commonwealth of Australia", "Australia"],
    ],
)
def test_a_form_of_state_the_country_has_is_the_country(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "GPE")


# ------------------------------- a listed company and its parent group


def _org(name: str, *aliases: str) -> dict[str, object]:
    return {"entity_type": "ORG", "canonical_name": name, "kind": "org", "aliases": list(aliases)}


@pytest.fixture(scope="module")
def two_bodies() -> EntityResolver:
    """Our own company and its parent group, both known; a third company known alone."""
    records = [
        _org("Norvane", "Norvane Energy Corporation"),
        _org("Norvane Group", "Norvane Holding", "Norvane State Energy Group"),
        _org("Tessaly Mining"),
    ]
    return EntityResolver(records, Overrides.load(None), "test")


@pytest.mark.parametrize(
    ("company", "group"),
    [
        ("Norvane", "Norvane Group"),
        ("Norvane Ltd", "Norvane Group Co., Ltd."),
        ("Norvane Energy Corp", "Norvane Holdings"),
        ("Norvane", "Norvane Holding"),
    ],
)
def test_a_known_company_and_its_known_parent_group_are_two(
    two_bodies: EntityResolver, company: str, group: str
) -> None:
    _apart(two_bodies, company, group, "ORG")
    assert two_bodies.resolve_name(company, "ORG") is not None
    assert two_bodies.resolve_name(group, "ORG") is not None


@pytest.mark.parametrize(
    "names",
    [
        ["Norvane", "Norvane Ltd", "Norvane Energy Corporation"],
        ["Norvane Group", "Norvane Group Ltd", "Norvane Holdings", "Norvane State Energy Group"],
        # Without a parent group known apart, "Group" is a company form as before.
        ["Tessaly Mining", "Tessaly Mining Group", "Tessaly Mining Holdings Ltd"],
    ],
)
def test_a_group_word_is_a_company_form_unless_the_group_is_known_apart(
    two_bodies: EntityResolver, names: list[str]
) -> None:
    _same(two_bodies, names, "ORG")


def test_the_shipped_table_keeps_a_carmaker_apart_from_its_parent_holding(
    resolver: EntityResolver,
) -> None:
    _apart(resolver, "Geely Automobile Holdings Ltd", "Geely Holding Group", "ORG")
    _same(resolver, ["Geely Automobile Holdings Ltd", "Geely Auto"], "ORG")


# ------------------------------- another spelling of a name that is not transliterated


def _person(name: str, *countries: str) -> dict[str, object]:
    return {
        "entity_type": "PERSON",
        "canonical_name": name,
        "kind": "person",
        "aliases": [],
        "positions": [
            {"position": f"Q9{i}", "label": "minister", "country": c}
            for i, c in enumerate(countries)
        ],
    }


@pytest.fixture(scope="module")
def people() -> EntityResolver:
    """Our own office holders of a one-spelling country, a transliterating one, and none."""
    records = [
        _person("Marcelo Ventos", "CL"),
        _person("Annelise Vandermolen", "NL", "BE"),
        _person("Hossein Rahmati", "IR"),
        _person("Ramadan Salehi"),  # no office on record
    ]
    return EntityResolver(records, Overrides.load(None), "test")


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Marcelo Ventos", "Marcelo Vientos"),  # a letter added: a namesake
        ("Annelise Vandermolen", "Annelise Vandermoolen"),
    ],
)
def test_one_letter_from_a_written_name_is_another_person(
    people: EntityResolver, known: str, other: str
) -> None:
    assert people.resolve_name(known, "PERSON") is not None
    _apart(people, known, other, "PERSON")


@pytest.mark.parametrize(
    "names",
    [
        ["Hossein Rahmati", "Hossein Rahmaty", "Hosein Rahmati"],
        ["Ramadan Salehi", "Ramadan Salehy", "Ramadan Saalehi"],
    ],
)
def test_transliterated_names_keep_their_spellings(
    people: EntityResolver, names: list[str]
) -> None:
    _same(people, names, "PERSON")


# ------------------------------- "<given> <father's given>" names swapped


@pytest.fixture(scope="module")
def ordered() -> EntityResolver:
    """Our own office holders of father's-name countries and of a family-name-first one."""
    records = [
        _person("Rosli Kamaruddin", "MY"),
        _person("Tesfaye Girma Bekele", "ET"),
        _person("Kenji Morimoto", "JP"),
    ]
    return EntityResolver(records, Overrides.load(None), "test")


@pytest.mark.parametrize(
    ("known", "swapped"),
    [
        ("Rosli Kamaruddin", "Kamaruddin Rosli"),
        ("Datuk Seri Rosli Kamaruddin", "Kamaruddin Rosli"),
        ("Tesfaye Girma Bekele", "Bekele Girma Tesfaye"),
    ],
)
def test_a_fathers_name_order_swapped_is_another_person(
    ordered: EntityResolver, known: str, swapped: str
) -> None:
    assert ordered.resolve_name(known, "PERSON") is not None
    _apart(ordered, known, swapped, "PERSON")


@pytest.mark.parametrize(
    "names",
    [
        ["Rosli Kamaruddin", "Datuk Seri Rosli Kamaruddin", "Rosli bin Kamaruddin"],
        ["Kenji Morimoto", "Morimoto Kenji"],  # family name first: one person
    ],
)
def test_names_in_their_own_order_stay_the_person(
    ordered: EntityResolver, names: list[str]
) -> None:
    _same(ordered, names, "PERSON")


# ------------------------------- one country's romanisation of a known office holder


@pytest.fixture(scope="module")
def romanised() -> EntityResolver:
    """Our own office holders of countries with two romanisations of some letters."""
    records = [
        _person("Nazmul Hasan Zaman", "BD"),
        _person("Ahmadu Garba Lawan", "NG"),
        _person("Chatchai Phromsiri", "TH"),
        _person("Zoltan Mezei", "HU"),  # no romanisation rule for this country
        _person("Usman Kabir", "PK"),
    ]
    return EntityResolver(records, Overrides.load(None), "test")


@pytest.mark.parametrize(
    "names",
    [
        ["Nazmul Hasan Zaman", "Najmul Hasan Jaman"],  # Bengali j/z
        ["Ahmadu Garba Lawan", "Ahmad Garba Lawan"],  # Hausa final -u
        ["Chatchai Phromsiri", "Chatchai Promsiri"],  # Thai aspirates
    ],
)
def test_a_countrys_other_romanisation_is_its_office_holder(
    romanised: EntityResolver, names: list[str]
) -> None:
    _same(romanised, names, "PERSON")


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Zoltan Mezei", "Joltan Mejei"),  # j/z is Bengali, not Hungarian
        ("Usman Kabir", "Usmanu Kabir"),  # a final -u is Hausa, not Urdu
        ("Ahmadu Garba Lawan", "Ahmadu Garba Lawanu"),  # only the folded form, not more
    ],
)
def test_romanisations_stay_in_their_country(
    romanised: EntityResolver, known: str, other: str
) -> None:
    assert romanised.resolve_name(known, "PERSON") is not None
    _apart(romanised, known, other, "PERSON")


# ------------------------------- a Malay office holder's full name


@pytest.fixture(scope="module")
def malay() -> EntityResolver:
    """Our own Malaysian office holder, and a namesake-prone non-Malay one."""
    records = [
        _person("Faizal Rahim", "MY"),
        _person("Karim Hassan", "EG"),
    ]
    return EntityResolver(records, Overrides.load(None), "test")


@pytest.mark.parametrize(
    "names",
    [
        [
            "Faizal Rahim",
            "Faizal bin Rahim",
            "Mohd Faizal Rahim",
            "Muhammad Faizal bin Haji Rahim",
            "Datuk Seri Mohd Faizal bin Tun Rahim",
        ],
    ],
)
def test_a_malay_full_name_is_the_office_holder(malay: EntityResolver, names: list[str]) -> None:
    _same(malay, names, "PERSON")


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Faizal Rahim", "Rahim bin Faizal"),  # the son of a namesake of the father
        ("Faizal Rahim", "Mohd Rahim Faizal"),
        ("Faizal Rahim", "Mohd Faizal"),  # one name left is no full name
        ("Karim Hassan", "Mohamed Karim Hassan"),  # not a Malay office holder
    ],
)
def test_a_malay_name_keeps_its_order_and_its_country(
    malay: EntityResolver, known: str, other: str
) -> None:
    assert malay.resolve_name(known, "PERSON") is not None
    _apart(malay, known, other, "PERSON")


# ------------------------------- company forms spelled out, written first, said twice


@pytest.mark.parametrize(
    "names",
    [
        ["Kestrel Maritime Joint Stock Company", "Kestrel Maritime JSC", "Kestrel Maritime"],
        ["Norvex Energia Sociedad Anónima", "Norvex Energia S.A.", "Norvex Energia"],
        ["Halden Public Limited Company", "Halden plc"],
        ["Quilombo E.P.", "Quilombo EP", "Quilombo"],  # a Lusophone state company
        ["Groupe Lavandier", "Lavandier Group", "Lavandier"],
        ["Grupo Tamarindo", "Tamarindo"],
        ["Tập đoàn Minh Quang", "Minh Quang"],
        ["Tessaly Mining Ltd (Tessaly Mining)", "Tessaly Mining"],
    ],
)
def test_company_forms_around_a_name_are_the_company(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kestrel Air (Norvane Holdings)", "Kestrel Air"),  # another name in brackets
        ("Grupo", "Groupe"),  # a form alone is no company
    ],
)
def test_company_forms_never_make_two_names_one(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


# ------------------------------- description around a body's name


@pytest.mark.parametrize(
    "names",
    [
        # A name led by a digit is a name after a description ("state investor 4QX").
        ["state investor 4QX", "scandal-hit 4QX", "4QX"],
        # A creed's adjective before a known body's acronym.
        ["Islamist AKP", "AKP"],
        ["Hindu BJP", "Bharatiya Janata Party"],
        # A leader's possessive before a known body's name.
        ["Modi's Bharatiya Janata Party", "Bharatiya Janata Party"],
        ["Orban's Fidesz", "Fidesz"],
    ],
)
def test_description_before_a_bodys_name_is_dropped(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Christian Democrats", "Democrats"),  # a creed's word in a party's own name
        ("Hamas's Qassam Brigades", "Hamas"),  # an organisation's part
        ("Google's DeepMind", "Google"),
        ("the 2031 games committee", "games committee"),
    ],
)
def test_names_with_such_words_stay_their_own(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")
