"""Issue 11, names side (second pass): name-form classes, with our own examples.

Person spellings and middle names of gazetteer people, the namesake who drops a middle
name, government offices in either word order, derived initials, place-qualified names,
renamed companies. Fictional names where a small gazetteer is built for the test; none of
these strings is taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import Overrides
from pipelines.core.entities.persons import drops_inner_name, spelling_skeleton
from pipelines.core.normalize import org_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


def _record(etype: str, kind: str, name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {
        "entity_type": etype,
        "kind": kind,
        "canonical_name": name,
        "aliases": list(aliases),
        **extra,
    }


def _person(name: str, *aliases: str) -> dict[str, Any]:
    return _record("PERSON", "person", name, *aliases)


def _org(name: str, *aliases: str) -> dict[str, Any]:
    return _record("ORG", "org", name, *aliases)


@pytest.fixture(scope="module")
def small() -> EntityResolver:
    """A gazetteer of invented people and bodies, so each rule is seen on its own."""
    records = [
        _person("Ebrahim Saeidi"),
        _person("Oleksandr Tkachenko"),
        _person("Oleksii Tkachenko"),  # his brother: same surname, other given name
        _person("Vasyl Hrytsenko"),
        _person("Hamad Sohrabi"),
        _person("Nabil Jamal"),
        _person("Marina Kolar"),
        _person("Ali Rezai"),
        _person("Ali Rezaei"),  # two gazetteer people with one skeleton: neither is guessed
        _person("Gloria Martinez"),
        _person("Karim Shah Nadiri"),
        _person("Peter Walsh"),
        _person("Tariq Hamdani", "Mian Tariq Hamdani"),
        _person("Joseph Marchetti"),
        _person("Aaron Kowalczyk"),
        _person("John Smith"),
        _person("John Harrowgate"),
        _person("Liz Quennell"),
        _person("Joe Pellerin"),
        _person("Joshua Pellerin"),
        _person("Faisal Hamdani"),
        _person("Peter Walsh Jr."),
        _org("Northern Fisheries Board"),
        _org("Kestrel Data Systems"),
        _org("Kestrel Defence Services"),  # same initials as the one above: KDS is neither
        _org("Harlow Mining Group", "HMG"),
        _org("Harbor Maritime Guild"),  # its initials are written for another body
        _org("Quorra Party"),
        _record("GPE", "country", "Veloria", "Federal Republic of Veloria", country="VL"),
        _record("GPE", "subdivision", "Tarsis Province", country="VL"),
    ]
    return EntityResolver(records, Overrides(), "test")


# ---------------------------------------------------------------- person spellings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("saeidi", "saidi"),
        ("tkatschenko", "tkachenko"),
        ("hrytsenko", "hritsenko"),
        ("ahmadinezhad", "ahmadinejad"),
        ("mustapha", "mustafa"),
    ],
)
def test_spelling_skeleton(a: str, b: str) -> None:
    assert spelling_skeleton(a) == spelling_skeleton(b)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Ebrahim Saeidi", "Ebrahim Saidi", "Ebrahim Saeedi"],  # Persian vowels
        ["Oleksandr Tkachenko", "Oleksandr Tkatschenko"],  # German-style "tsch"
        ["Vasyl Hrytsenko", "Vasyl Hritsenko"],  # Ukrainian y/i
    ],
)
def test_person_transliterations_of_a_gazetteer_person(
    small: EntityResolver, surfaces: list[str]
) -> None:
    _same(small, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oleksandr Tkatschenko", "Oleksii Tkachenko"),  # brothers
        ("Hamid Sohrabi", "Hamad Sohrabi"),  # short given names a vowel apart: two names
        ("Marin Kolar", "Marina Kolar"),
        ("Nabil Jamil", "Nabil Jamal"),  # five-letter names a vowel apart
        ("Ali Rezaie", "Ali Rezai"),  # the gazetteer has two people with this skeleton
        ("Ali Rezaie", "Ali Rezaei"),
        ("Ebrahim Saeidi", "Ebrahim Sadeghi"),  # another surname, same first letters
        ("Ebrahim Saeidiyan", "Ebrahim Saeidi"),  # a longer surname is another name
        ("Vasyl Hrytsenkov", "Vasyl Hrytsenko"),
    ],
)
def test_person_spellings_keep_other_people_apart(small: EntityResolver, a: str, b: str) -> None:
    _apart(small, a, b, "PERSON")


# ---------------------------------------------------------------- middle names


def test_middle_names_of_a_gazetteer_person_with_a_common_surname(small: EntityResolver) -> None:
    _same(small, ["Gloria Martinez", "Gloria Esperanza Martinez", "Gloria E. Martinez"], "PERSON")
    _apart(small, "Gloria Esperanza Martinez Jr.", "Gloria Martinez", "PERSON")
    _apart(small, "Peter James Walsh", "Peter Walsh Jr.", "PERSON")
    # An honorific-like first word shared by brothers: the brother's middle name is missing.
    _apart(small, "Mian Faisal Hamdani", "Tariq Hamdani", "PERSON")
    _same(small, ["Mian Tariq Hamdani", "Mian Muhammad Tariq Hamdani"], "PERSON")


@pytest.mark.parametrize(
    ("short", "full", "dropped"),
    [
        (("karim", "nadiri"), ("karim", "shah", "nadiri"), True),
        (("shah", "nadiri"), ("karim", "shah", "nadiri"), False),  # known by a middle name
        (("anna", "bell"), ("anna", "k", "bell"), False),  # an initial
        (("anna", "bell"), ("anna", "bell"), False),
    ],
)
def test_drops_inner_name(short: tuple[str, ...], full: tuple[str, ...], dropped: bool) -> None:
    assert drops_inner_name(short, full) is dropped


def test_namesake_son_without_the_middle_name_is_not_the_father(small: EntityResolver) -> None:
    _apart(small, "Karim Nadiri", "Karim Shah Nadiri", "PERSON")


def test_massoud_father_and_son_stay_apart(resolver: EntityResolver) -> None:
    """Ahmad Shah Massoud (killed 2001) and his son Ahmad Massoud, who leads a front now."""
    _apart(resolver, "Ahmad Massoud", "Ahmad Shah Massoud", "PERSON")
    _apart(resolver, "Ahmad Massoud", "Ahmed Shah Massoud", "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("George Bush", "George W. Bush"),  # father or son: without context, neither
        ("George Herbert Walker Bush", "George Walker Bush"),
        ("Robert F. Kennedy", "Robert F. Kennedy Jr."),
        ("Kim Jong Un", "Kim Jong Il"),
        ("Hafez al-Assad", "Bashar al-Assad"),
        ("Indira Gandhi", "Rajiv Gandhi"),
    ],
)
def test_family_members_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


# ---------------------------------------------------------------- government offices


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Department of Commerce", "Commerce Department"),
        ("the Department of the Interior", "Interior Department"),
        ("Department of Health and Human Services", "Health and Human Services Department"),
        ("Ministry of Labour", "Labour Ministry"),
        ("Dept. of Transportation", "Transportation Department"),
        ("Univ. of Kelmont", "University of Kelmont"),
        ("Leeds Utd", "Leeds United"),
    ],
)
def test_org_key_forms(a: str, b: str) -> None:
    assert org_key(a) == org_key(b)


def test_org_key_keeps_long_office_names() -> None:
    assert org_key("Ministry of Foreign Affairs of Veloria") != org_key(
        "Foreign Affairs of Veloria Ministry"
    )


@pytest.mark.parametrize(
    "surfaces",
    [
        ["U.S. Commerce Department", "Commerce Department", "Department of Commerce"],
        ["US Department of Transportation", "Transportation Department"],
    ],
)
def test_us_departments_with_and_without_the_country(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "ORG")


# ---------------------------------------------------------------- initials


def test_derived_initials(small: EntityResolver) -> None:
    _same(small, ["NFB", "Northern Fisheries Board"], "ORG")
    _same(small, ["FRV", "Veloria"], "GPE")
    kds = small.resolve_name("KDS", "ORG")  # two bodies with these initials: no guess
    assert kds is None or kds.canonical_name not in {
        "Kestrel Data Systems",
        "Kestrel Defence Services",
    }
    hmg = small.resolve_name("HMG", "ORG")  # written acronym of another body wins
    assert hmg is not None and hmg.canonical_name == "Harlow Mining Group"


def test_region_possessive_before_an_organisation(small: EntityResolver) -> None:
    _same(small, ["Tarsis Province's ruling Quorra Party", "Quorra Party"], "ORG")
    plain = small.resolve_name("Tarsis Province Quorra Party", "ORG")  # not a possessive
    assert plain is None or plain.canonical_name != "Quorra Party"


# ---------------------------------------------------------------- renamed companies


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Statoil", "Equinor", "Statoil ASA"],
        ["Matsushita Electric Industrial", "Panasonic", "Panasonic Corp."],
        ["Korea Telecom", "KT Corp."],
        ["Andersen Consulting", "Accenture"],
    ],
)
def test_renamed_companies_from_curated_data(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


def test_people_and_capitals_are_not_the_country(resolver: EntityResolver) -> None:
    # The people ("Swedes") and the capital are never the country. A country's adjective
    # the tagger typed as a place ("Swedish") is the country since the nineteenth session
    # (a label decision: blind names sets written by others, the twelfth's dev gold first,
    # put it there); untyped it stays apart (test_entities_nineteenth_places.py).
    for other in ("Swedes", "Stockholm"):
        _apart(resolver, other, "Sweden", "GPE")


# ---------------------------------------------------------------- second-set classes


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Park Duck-hwan", "Park Deok-hwan", "Park Duck Hwan"],  # popular "ck" = RR "k"
        ["Oleksiy Marchenko", "Oleksii Marchenko", "Alexei Marchenko"],  # Ukrainian/Russian
        ["Yehia Barakat", "Yahya Barakat"],
        ["Mykola Hrebeniuk", "Nikolai Hrebeniuk"],  # Ukrainian and Russian forms
        ["Serhiy Lytvynenko", "Sergei Lytvynenko", "Serhii Lytvynenko"],
        ["Ihor Bondarenko", "Igor Bondarenko"],
        ["Abdul-Malek Sabri", "Abdel-Malik Sabri"],
        ["Dolores T. Vance Jr.", "Dolores Vance Jr."],  # an initial with a suffix kept
    ],
)
def test_person_key_folds(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jack Lee", "Lee Jae"),  # an English one-syllable given name stays English
        ("Dolores T. Vance Jr.", "Dolores Vance"),  # the son is not the father
        ("Dolores T. Vance Jr.", "Dolores T. Vance III"),
    ],
)
def test_person_key_folds_keep_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Ministry of External Affairs", "Ministry of External Affairs (India)"),
        ("the Indian foreign ministry", "Ministry of External Affairs (India)"),
        ("Nepal's Ministry of External Affairs", "Ministry of Foreign Affairs of Nepal"),
        ("Russia's military intelligence agency", "GRU"),
        ("the Ukrainian military intelligence service", "HUR"),
    ],
)
def test_role_table_additions(resolver: EntityResolver, surface: str, expected: str) -> None:
    hit = resolver.resolve_name(surface, "ORG")
    assert hit is not None and hit.canonical_name == expected, (surface, hit)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["the KNU-P party", "KNU-P"],  # an acronym outside the gazetteer
        ["the NFB movement", "NFB", "Northern Fisheries Board"],
    ],
)
def test_acronym_with_its_head_noun(small: EntityResolver, surfaces: list[str]) -> None:
    _same(small, surfaces, "ORG")


def test_bracketed_qualifier_keeps_its_bracket(resolver: EntityResolver) -> None:
    hit = resolver.resolve_name("Volta People's League (Reform)", "ORG")
    assert hit is not None and hit.canonical_name == "Volta People's League (Reform)"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("South Korea's liberal Democratic Party", "Democratic Party of Korea"),
        ("America's Democratic Party", "Democratic Party (United States)"),
    ],
)
def test_country_picks_its_own_party(resolver: EntityResolver, surface: str, expected: str) -> None:
    hit = resolver.resolve_name(surface, "ORG")
    assert hit is not None and hit.canonical_name == expected, (surface, hit)


def test_another_countrys_party_of_the_same_name_stays_apart(resolver: EntityResolver) -> None:
    _apart(resolver, "Norway's Labour Party", "Labour Party", "ORG")
    _apart(resolver, "New Zealand's Labour Party", "Britain's Labour Party", "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Joseph Marchetti", "Joe Marchetti", "Joey Marchetti"],
        ["Liz Quennell", "Elizabeth Quennell"],
    ],
)
def test_nicknames_of_gazetteer_people(small: EntityResolver, surfaces: list[str]) -> None:
    _same(small, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Erin Kowalczyk", "Aaron Kowalczyk"),  # a genealogy pair, today a woman's name
        ("Ivan Harrowgate", "John Harrowgate"),  # a translation, not a nickname
        ("Jon Smith", "John Smith"),  # a common surname: no guess
        ("Jo Pellerin", "Joe Pellerin"),  # Jo may be Joseph or Joshua: two people answer
        ("Jo Pellerin", "Joshua Pellerin"),
    ],
)
def test_nicknames_keep_other_people_apart(small: EntityResolver, a: str, b: str) -> None:
    _apart(small, a, b, "PERSON")
