"""Issue 11, twelfth session: no false merge of two bodies of one country.

Every door found that let two different organisations of one country share an entity, each
with our own adversarial must-not-merge pairs (none taken from an evaluation set,
tests/data/entity_eval*), next to the merges the same rules must keep making.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import clean_org_name, org_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

# ------------------------------- a description stripped down to a bare country or demonym


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "Bank <country>" was keyed as the country: every description of one of the
        # country's bodies stripped to the country, and the country tagged ORG, was the bank.
        ("Bank Indonesia", "Indonesia"),
        ("Bank Indonesia", "Indonesian army"),
        ("Bank Indonesia", "Indonesia's anti-graft agency"),
        ("Bank Indonesia", "the Indonesian state"),
        ("Bank Indonesia", "Indonesian meteorology agency"),
        ("Banco Brasil", "Brasil"),
        # A country-qualified description tried as "<description> (<country>)".
        ("Indonesian military", "Indonesia's anti-graft agency"),
        ("Indonesian police", "Indonesian disaster agency"),
        ("Peruvian navy", "Peru's tax agency"),
        # Generic nouns after a demonym name which body it is.
        ("Malaysian intelligence agency", "Malaysian oil company"),
        ("Kenyan wildlife service", "Kenyan revenue authority"),
        # A company form after a demonym leaves the company, not the country.
        ("Indonesian oil company", "Indonesian gas company"),
        ("Thai state oil company", "the Thai state"),
        ("state-run Indonesian oil company", "Indonesian intelligence agency"),
        ("Chilean Oil Company", "Chilean Gas Corporation"),
    ],
)
def test_bodies_of_one_country_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Bank Indonesia", "Indonesia's central bank", "the Indonesian central bank"],
        ["National Iranian Oil Company", "National Iranian Oil Co", "NIOC"],
        ["Abu Dhabi National Oil Co", "Abu Dhabi National Oil Company"],
        ["Indonesian Oil Company", "Indonesian Oil Co."],
        ["Banco Santander", "Santander"],
    ],
)
def test_the_same_rules_still_merge(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("the Malaysian intelligence agency", "Malaysian intelligence agency"),
        ("Kenyan wildlife service", "Kenyan wildlife service"),
        # A name before the nouns is still the name.
        ("the Kestrel intelligence agency", "Kestrel"),
    ],
)
def test_generic_nouns_stay_after_a_bare_demonym(surface: str, expected: str) -> None:
    assert clean_org_name(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Bank Indonesia", "bank indonesia"),
        ("Banque Misr", "banque misr"),
        ("Bank Leumi", "leumi"),
        ("Indonesian Oil Co.", "indonesian oil"),
        ("Thai state oil company", "thai state oil"),
        ("Kestrel Oil Company", "kestrel"),
    ],
)
def test_org_key_never_leaves_only_the_country(surface: str, expected: str) -> None:
    assert org_key(surface) == expected


# ------------------------------------ another country's possessive, a branch's own name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A body the gazetteer places in one country: another country's possessive before
        # its name is that country's branch or namesake, whichever rule found the name.
        ("Syria's Muslim Brotherhood", "Muslim Brotherhood"),
        ("Syrian Muslim Brotherhood", "Muslim Brotherhood"),
        ("Jordan's Muslim Brotherhood", "Egypt's Muslim Brotherhood"),
        ("Mexico's Workers' Party", "Brazil's Workers' Party"),
        # A capitalised "Army" after a country adjective is the land force's own name.
        ("Philippine Army", "Armed Forces of the Philippines"),
        ("Nigerian Army", "Nigeria's military"),
    ],
)
def test_branches_and_namesakes_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Muslim Brotherhood", "Egypt's Muslim Brotherhood", "Egyptian Muslim Brotherhood"],
        ["Hezbollah", "Lebanon's Hezbollah"],
        ["Armed Forces of the Philippines", "the Philippine military", "Philippine army"],
        ["Islamic Consultative Assembly", "Iranian Parliament", "Iran's parliament"],
    ],
)
def test_own_country_and_descriptions_still_merge(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "ORG")


# ------------------------------------------------ spacing of a name outside the gazetteer


@pytest.mark.parametrize(
    "surfaces",
    [
        ["PetroNorland", "Petro Norland", "Petro-Norland", "state oil firm PetroNorland"],
        ["1Kestrel Development Berhad", "1 Kestrel Development Berhad"],
        ["VinaKestrel Holdings", "Vina Kestrel Holdings"],
    ],
)
def test_unknown_org_spacing_variants_merge(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Petro Norland", "Norland Petro"),  # the words in another order: another name
        ("Kestrel Air", "Air Kestrel"),
        ("Petro Norland", "Petro Norland Gas"),
        ("PetroNorland", "Norland"),
    ],
)
def test_unknown_org_spacing_keeps_others_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


# ---------------------------------------------- initials of a description are not derived


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PCB", "Bangko Sentral ng Pilipinas"),  # "Philippine central bank" is an alias
        ("ERC", "European Court of Human Rights"),  # "European rights court" is one
        ("ACB", "Argentina's central bank"),
    ],
)
def test_initials_of_a_description_name_nothing(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        # A proper name's initials still are (lower-case joining words allowed).
        ("CDPJ", "Constitutional Democratic Party of Japan"),
        ("VCP", "Communist Party of Vietnam"),
    ],
)
def test_initials_of_a_name_still_name_it(
    resolver: EntityResolver, acronym: str, name: str
) -> None:
    _same(resolver, [acronym, name], "ORG")


# ------------------------------------- a generic body name after two countries' possessives


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Malaysia's Anti-Corruption Commission", "Nigeria's Anti-Corruption Commission"),
        ("Ghana's Human Rights Commission", "Kenya's Human Rights Commission"),
        ("Kenya's Revenue Authority", "Uganda's Revenue Authority"),
        ("Ghana's Audit Service", "Nigeria's Audit Service"),
        ("Kenya's Independent Policing Authority", "Uganda's Independent Policing Authority"),
        ("Nigeria's Civil Defence Corps", "Ghana's Civil Defence Corps"),
        ("Thailand's Anti-Graft Agency", "Cambodia's Anti-Graft Agency"),
    ],
)
def test_generic_names_of_two_countries_stay_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, "ORG")
