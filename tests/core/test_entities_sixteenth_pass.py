"""Issue 11, sixteenth session: organisation name classes that do not depend on one body.

Every example is our own (invented bodies next to the shipped gazetteer; no string from an
evaluation set, tests/data/entity_eval*): the merges each rule makes and the pairs it must
keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import Overrides, gazetteer_records
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


def _org(name: str, *aliases: str, country: str = "") -> dict[str, object]:
    rec: dict[str, object] = {
        "entity_type": "ORG",
        "canonical_name": name,
        "kind": "org",
        "aliases": list(aliases),
    }
    if country:
        rec["country"] = country
    return rec


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    """The shipped gazetteer plus invented bodies known by their acronyms."""
    records = [
        *gazetteer_records(),
        _org("River Control Service", "VKT"),
        _org("Popular Unity Front", "FUP"),
        _org("Movement for Common Land", "MATC"),
        # Two bodies that share one written acronym: neither is picked.
        _org("Harbour Pilots Guild", "QPZ"),
        _org("Highland Power Zone", "QPZ"),
        # A former union's service and one country's own service of that acronym.
        _org("ZVB", "Zentral Vigil Bureau"),
        _org("Norwegian ZVB", "ZVB of Norway", country="NO"),
        # A party whose acronym has a hyphenated letter.
        _org("Union of Tarn Farmers - Reform", "UTF-R"),
    ]
    return EntityResolver(records, Overrides.load(None), "test")


# ------------------------------- a name in another language by a known body's initials


@pytest.mark.parametrize(
    "names",
    [
        ["Vodnaya Kontrolnaya Tsentral", "VKT", "River Control Service"],
        # The function word skipped ("de") ...
        ["Frente de Unidade Popular", "FUP", "Popular Unity Front"],
        # ... or kept ("a"): the acronym decides.
        ["Movimiento a Tierra Comun", "MATC", "Movement for Common Land"],
        # Diacritics and hyphens as news writes them.
        ["Vodnaya Kontrolnaya-Tsentrál", "VKT"],
    ],
)
def test_a_native_name_is_the_known_body_with_its_initials(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("name", "body"),
    [
        # An English name with a known body's initials is another body.
        ("Valley Kitchen Trust", "VKT"),
        ("Free United Party", "FUP"),
        # Two words are too few to say whose initials they are.
        ("Vodnaya Kontrolnaya", "VKT"),
        # Two known bodies write "QPZ": neither is picked.
        ("Qaziq Pomorski Zavod", "Harbour Pilots Guild"),
        ("Qaziq Pomorski Zavod", "Highland Power Zone"),
    ],
)
def test_initials_that_say_nothing_keep_the_name_apart(
    resolver: EntityResolver, name: str, body: str
) -> None:
    _apart(resolver, name, body, "ORG")


# ------------------------------- a country's possessive before a known acronym


@pytest.mark.parametrize(
    "names",
    [
        ["Norway's ZVB", "Norwegian ZVB", "ZVB of Norway"],
        ["Norway's ZVB", "the Norwegian ZVB"],
    ],
)
def test_a_possessive_country_names_its_own_body_as_the_demonym_does(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


def test_the_bare_acronym_stays_the_former_unions_service(resolver: EntityResolver) -> None:
    _apart(resolver, "ZVB", "Norwegian ZVB", "ORG")
    _apart(resolver, "Sweden's ZVB", "Norwegian ZVB", "ORG")


# ------------------------------- letters of an acronym in brackets


@pytest.mark.parametrize("form", ["UTF(R)", "UTF (R)", "Utf (R)"])
def test_bracketed_letters_are_the_hyphenated_acronym(resolver: EntityResolver, form: str) -> None:
    _same(resolver, [form, "UTF-R", "Union of Tarn Farmers - Reform"], "ORG")


@pytest.mark.parametrize(("form", "other"), [("UTF (Q)", "UTF-R"), ("Party (R)", "UTF-R")])
def test_bracketed_letters_that_name_no_known_body_stay_apart(
    resolver: EntityResolver, form: str, other: str
) -> None:
    _apart(resolver, form, other, "ORG")


# ------------------------------- a Romance article before a name nobody knows


@pytest.mark.parametrize(
    "names",
    [
        ["La Compagnie des Verres du Nord", "Compagnie des Verres du Nord"],
        ["El Consorcio Minero del Sur", "Consorcio Minero del Sur"],
        ["Il Gruppo Tessile Adriatico", "Gruppo Tessile Adriatico"],
        ["Les Ateliers Fourcade Frères", "Ateliers Fourcade Freres"],
    ],
)
def test_a_native_article_is_no_part_of_an_unknown_name(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One word after the article: the article is part of the name.
        ("El Vantor", "Vantor"),
        # Capitals are an abbreviation, not an article.
        ("LA Harbour Rowers", "Harbour Rowers"),
    ],
)
def test_an_article_before_one_word_or_in_capitals_stays(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, "ORG")


# ------------------------------- the Arabic article of a name's first word


@pytest.mark.parametrize(
    "names",
    [
        ["al-Mizan al-Jadida", "Mizan al-Jadida", "Al Mizan Al Jadida"],
        ["Ash-Shuruq al-Arabi", "Shuruq al-Arabi"],
    ],
)
def test_a_first_article_before_another_is_optional(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


def test_a_single_article_stays(resolver: EntityResolver) -> None:
    _apart(resolver, "al-Mizan", "Mizan", "ORG")


# ------------------------------- the Indonesian state company's full legal form


@pytest.mark.parametrize(
    "names",
    [
        [
            "Perusahaan Perseroan (Persero) PT Kalimaya Tbk",
            "PT Kalimaya Tbk",
            "Kalimaya",
            "PT Kalimaya (Persero)",
        ],
    ],
)
def test_the_full_state_company_form_is_dropped(resolver: EntityResolver, names: list[str]) -> None:
    _same(resolver, names, "ORG")


# ------------------------------- a country's government and abbreviated role words


@pytest.mark.parametrize(
    "names",
    [
        ["Peruvian government", "government of Peru", "Peru's government", "the Peruvian govt"],
        ["Latvia's central government", "Latvian government"],
        # "dept." is the word department: the country's ministry, whichever spelling.
        ["Chile's defense dept.", "Chilean Defence Ministry", "Ministry of Defense of Chile"],
    ],
)
def test_a_country_role_written_any_way_is_one_body(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another country's department of that name is not the country's ministry.
        ("Chile's defense dept.", "Defense Dept."),
        ("Peruvian government", "Chilean government"),
        # A province's or a movement's government is not the country's.
        ("Ontario government", "Canadian government"),
        ("rebel government", "Peruvian government"),
    ],
)
def test_a_government_of_another_place_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, "ORG")


# ------------------------------- a country's description of a body nobody knows


@pytest.mark.parametrize(
    "names",
    [
        [
            "Peru's rowing federation",
            "the Peruvian rowing federation",
            "Peruvian rowing federation",
        ],
        ["Latvia's beekeepers' union", "Latvian beekeepers' union"],
    ],
)
def test_a_possessive_country_and_its_demonym_describe_one_body(
    resolver: EntityResolver, names: list[str]
) -> None:
    _same(resolver, names, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Peru's rowing federation", "Chile's rowing federation"),
        # A region's, and a capitalised name after the demonym, are not descriptions.
        ("Cusco rowing federation", "Peruvian rowing federation"),
        ("Peruvian Rowing Federation", "Peru's rowing union"),
    ],
)
def test_other_countries_and_names_are_not_that_description(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, "ORG")
