"""Issue 11, names side (fourth pass): spelling and designation classes, own examples.

Arabic "Abd ..." given names however spaced or spelt, Hepburn "oh" long vowels inside a
name, -iya/-iia endings and J/Y spellings of Slavic given names, Korean surname spellings,
count descriptors before an organisation, administrative designations of places, formal
"<Demonym> Republic" state names. Invented people where possible; none of these strings is
taken from an evaluation set (tests/data/entity_eval*). Every class has its must-not-merge
cases next to it.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import join_abd_names, person_key, place_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


@pytest.mark.parametrize(
    "surfaces",
    [
        [
            "Abdul-Karim Haddadi",
            "Abdel Karim Haddadi",
            "Abdulkarim al-Haddadi",
            "Abd al-Karim Haddadi",
        ],
        ["Abdur Rahim Qasimi", "Abdurrahim Qasimi", "Abdul Rahim Qasimi", "Abdirahim Qasimi"],
        ["Yusuf bin Abdulsalam Al Mansoori", "Yusuf bin Abdul Salam Al Mansoori"],
        ["Abdelaziz Benkirane", "Abdul Aziz Benkirane", "Abdel-Aziz Benkirane"],
    ],
)
def test_abd_given_names_however_spaced(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abdul Karim Haddadi", "Abdul Rahim Haddadi"),  # brothers: the divine name differs
        ("Abdullah Haddadi", "Abdul Haddadi"),  # Abdullah is its own name
        ("Abdi Haddadi", "Abdul Haddadi"),  # Somali Abdi is not a prefix
        ("Yusuf bin Abdulsalam", "Abdulsalam bin Yusuf"),  # father and son
        ("Karim Abdul Haddadi", "Abdul Karim Haddadi"),  # order of a patronymic-less name
    ],
)
def test_abd_names_keep_other_people_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


def test_abd_prefix_is_joined_only_when_a_family_name_follows() -> None:
    # "Paula Abdul" and a two-word "Abdul Ahad" keep their tokens: a short form still
    # finds the surname.
    assert join_abd_names(["paula", "abdul"]) == ["paula", "abdul"]
    assert join_abd_names(["abdul", "ahad"]) == ["abdul", "ahad"]
    assert join_abd_names(["abdul", "ahad", "momand"]) == ["abdulahad", "momand"]
    assert join_abd_names(["abdulah", "momand"]) == ["abdulah", "momand"]


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Kenji Kohno", "Kohno Kenji", "Kenji Kono", "Kenji Kōno"],
        ["Haruka Ohtani", "Haruka Otani", "Ōtani Haruka"],
        ["Masaki Ohzawa", "Masaki Ozawa"],
        ["Yuki Satoh", "Yuki Sato"],  # the final -oh, folded before this pass
    ],
)
def test_japanese_oh_long_vowels(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kenji Kohno", "Kenji Kondo"),
        ("John Kohler", "John Koler"),  # not Japanese: the "oh" stays
        ("Ulrike Rohde", "Ulrike Rode"),
        ("Kenji Ohno", "Kenji Oho"),
    ],
)
def test_japanese_oh_fold_keeps_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


def test_oh_fold_needs_a_japanese_name() -> None:
    assert person_key("Bohdan Kravets") != person_key("Bodan Kravets")
    assert person_key("John Kohno") != person_key("John Kono")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Sofiya Hrytsak", "Sofiia Hrytsak", "Sofia Hrytsak"],
        ["Anastasiya Belova", "Anastasia Belova", "Anastasiia Belova"],
        ["Yulia Orlova", "Julia Orlova", "Yuliia Orlova"],
        ["Jelena Sorokina", "Yelena Sorokina", "Elena Sorokina"],
    ],
)
def test_slavic_given_name_spellings(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yulia Orlova", "Yuri Orlov"),
        ("Sofia Hrytsak", "Sonia Hrytsak"),
        ("Yelena Sorokina", "Yekaterina Sorokina"),  # sisters
        ("Maria Belova", "Marina Belova"),
    ],
)
def test_slavic_given_names_keep_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


@pytest.mark.parametrize(
    ("same", "other"),
    [
        (["Chey Min-jun", "Choi Min-jun", "Choe Min-jun"], "Cho Min-jun"),
        (["Choy Seo-yeon", "Choi Seo-yeon"], "Chu Seo-yeon"),
    ],
)
def test_korean_choi_spellings(resolver: EntityResolver, same: list[str], other: str) -> None:
    _same(resolver, same, "PERSON")
    _apart(resolver, same[0], other, "PERSON")


@pytest.mark.parametrize(
    ("described", "plain"),
    [
        ("the 22-member Arab League", "Arab League"),
        ("the 193-member United Nations", "United Nations"),
        ("the 27-nation European Union", "European Union"),
        ("the 12-member Pacific Forum Secretariat", "Pacific Forum Secretariat"),
    ],
)
def test_count_descriptors_before_an_organisation(
    resolver: EntityResolver, described: str, plain: str
) -> None:
    _same(resolver, [described, plain], "ORG")


def test_count_descriptor_never_leaves_a_bare_noun(resolver: EntityResolver) -> None:
    # A description without a name stays whole: not "bloc".
    e = resolver.resolve_name("the 27-nation bloc", "ORG")
    assert e is None or e.canonical_name != "bloc"
    _apart(resolver, "the 27-nation bloc", "the 10-nation bloc", "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Gwangju", "Gwangju Metropolitan City"],
        ["Hong Kong", "Hong Kong SAR", "Hong Kong Special Administrative Region"],
        ["Macau", "Macau SAR"],
        ["Sharjah", "Emirate of Sharjah"],
        ["Tianjin", "Tianjin Municipality"],
        ["Sejong", "Sejong Special Self-Governing City"],
    ],
)
def test_place_designations(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mexico City", "Mexico"),
        ("Kuwait City", "Kuwait"),
        ("City of London", "London"),
        ("Kursk Oblast", "Kursk"),
        ("Fukushima Prefecture", "Fukushima"),
    ],
)
def test_place_designations_keep_names_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "GPE")


def test_a_designation_alone_is_kept() -> None:
    assert place_key("Municipality") == "municipality"
    assert place_key("the SAR") == "sar"


@pytest.mark.parametrize(
    ("formal", "short"),
    [
        ("Italian Republic", "Italy"),
        ("Portuguese Republic", "Portugal"),
        ("Slovak Republic", "Slovakia"),
    ],
)
def test_formal_republic_names_are_the_country(
    resolver: EntityResolver, formal: str, short: str
) -> None:
    _same(resolver, [formal, short], "GPE")


def test_formal_republic_names_keep_neighbours_apart(resolver: EntityResolver) -> None:
    _apart(resolver, "Slovak Republic", "Slovenia", "GPE")
    _apart(resolver, "Czech Republic", "Slovakia", "GPE")
    _apart(resolver, "Dominican Republic", "Dominica", "GPE")


@pytest.mark.parametrize(
    ("sub_body", "parent"),
    [
        ("the UN group", "United Nations"),
        ("the U.N. agency", "United Nations"),
        ("a UN panel", "United Nations"),
        ("the EU agency", "European Union"),
        ("the African Union mission", "African Union"),
    ],
)
def test_a_body_of_the_un_is_not_the_un(
    resolver: EntityResolver, sub_body: str, parent: str
) -> None:
    _apart(resolver, sub_body, parent, "ORG")


@pytest.mark.parametrize(
    ("described", "plain"),
    [("the Wagner group", "Wagner Group"), ("the EU bloc", "European Union")],
)
def test_a_trailing_noun_of_the_body_itself_is_still_dropped(
    resolver: EntityResolver, described: str, plain: str
) -> None:
    _same(resolver, [described, plain], "ORG")


def test_a_legal_form_does_not_make_an_everyday_word_the_company(resolver: EntityResolver) -> None:
    # "Total SA" is the company; bare "Total" is an everyday word (and "Next plc" vs "next").
    _same(resolver, ["Total SA", "Total S.A.", "TotalEnergies"], "ORG")
    _apart(resolver, "Total", "TotalEnergies", "ORG")
    _apart(resolver, "Next", "Next plc", "ORG")
    # A company name that is no everyday word still loses its legal form.
    _same(resolver, ["Kestrelmark Ltd", "Kestrelmark"], "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Gondwana Air", "Gondwana Airlines", "Gondwana Air Lines", "Gondwana Air Lines Co., Ltd."],
        ["Delta Air Lines", "Delta Airlines"],
    ],
)
def test_airline_name_forms(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Air China", "China Airlines"),  # Beijing's flag carrier and Taiwan's
        ("Air India", "Indian Airlines"),
        ("Gondwana Airlines", "Gondwana Airways"),
        ("Gondwana Airlines", "Gondwana"),
    ],
)
def test_airline_forms_keep_other_carriers_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Oksana Ivanivna Hrytsak", "Oksana Hrytsak"],
        ["Boris Petrovich Zubkov", "Boris Zubkov"],
        ["Irina Sergeyevna Volkova", "Irina Volkova"],
        ["Taras Oleksandrovych Melnyk", "Taras Melnyk"],
    ],
)
def test_slavic_patronymic_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Boris Petrovich Zubkov", "Pyotr Borisovich Zubkov"),  # father and son
        ("Boris Petrovich Zubkov", "Boris Zubkov Jr."),
        ("Peter Ulrich Brandt", "Peter Brandt"),  # a German middle name, not a patronymic
        ("Boris Petrovich", "Boris Petrov"),  # a two-word name keeps its last word
    ],
)
def test_patronymic_rule_keeps_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "PERSON")


def test_international_names_a_sister_company(resolver: EntityResolver) -> None:
    # "International" is no legal form: a group's trading arm is another company.
    _apart(resolver, "Kestrelmark International", "Kestrelmark Holdings", "ORG")
    _apart(resolver, "Kestrelmark International", "Kestrelmark", "ORG")
    _same(
        resolver,
        ["Kestrelmark International", "Kestrelmark Intl", "Kestrelmark International Corp"],
        "ORG",
    )


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Banco Valdeorras", "Valdeorras", "Banco Valdeorras SA"],
        ["Bank Hapoalim", "Hapoalim"],
        ["Banque Kestrelmark", "Kestrelmark"],
    ],
)
def test_bank_word_before_the_name(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Banco Valdeorras", "Banco Ourense"),
        ("Banco Popular", "Popular"),  # an everyday word stays with its bank word
        ("Banco Central", "Central"),
        ("Bank of Valdeorras", "Valdeorras"),  # "Bank of X" is a central bank, not X
    ],
)
def test_bank_word_keeps_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")
