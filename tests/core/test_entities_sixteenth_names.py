"""Issue 11, sixteenth session: person and place forms of North American news, without context.

Each class has our own examples (invented people and the public names of states, provinces
and cities; none taken from an evaluation set, tests/data/entity_eval*): the merges the rule
must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import clean_name, person_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"
GPE = "GPE"


# ------------------------- a legislator's party-and-state tag after the name


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Sen. Marla Quintero (R-Texas)", "Marla Quintero"),
        ("Rep. Desmond Achterberg, D-N.Y.", "Desmond Achterberg"),
        ("Rep. Desmond Achterberg, D-N.Y.,", "Desmond Achterberg"),
        ("Sen. Orla Vantongeren (I-Vt.)", "Orla Vantongeren"),
        ("Rep. Kip Halvorsen (D-Calif.-12)", "Kip Halvorsen"),
        ("Rep. Kip Halvorsen (R-TX)", "Kip Halvorsen"),
        ("Sen. Marla Quintero (D-New Mexico)", "Marla Quintero"),
        ("Del. Marla Quintero (D-S.C.)", "Del. Marla Quintero"),
    ],
)
def test_a_party_state_tag_is_dropped(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        # Brackets that are no party-state tag stay.
        ("Marla Quintero (Reuters)", "Marla Quintero (Reuters)"),
        ("Marla Quintero (R)", "Marla Quintero (R)"),
        # A hyphenated surname is no tag.
        ("Marla Quintero-Diaz", "Marla Quintero-Diaz"),
    ],
)
def test_other_trailing_words_stay(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


@pytest.mark.parametrize(
    "forms",
    [
        ["Marla Quintero", "Sen. Marla Quintero (R-Texas)", "Sen. Marla Quintero, R-Texas"],
        ["Desmond Achterberg", "Rep. Desmond Achterberg (D-N.Y.)", "Desmond Achterberg, D-N.Y."],
    ],
)
def test_a_tagged_legislator_is_the_person(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, PERSON)


# ------------------------- Canadian and US titles before a name


@pytest.mark.parametrize(
    "title",
    [
        "Coun.",
        "Councillor",
        "Councilwoman",
        "Ald.",
        "MPP",
        "MLA",
        "MNA",
        "Assemblyman",
        "State Sen.",
        "State Rep.",
        "Const.",
        "Staff Sgt.",
        "Supt.",
        "Insp.",
        "Det.",
        "Cpl.",
        "District Attorney",
        "Rt. Hon.",
        "The Right Honourable",
        "Mme",
    ],
)
def test_a_north_american_title_is_stripped(title: str) -> None:
    assert clean_name(f"{title} Yolanda Pettigrew") == "Yolanda Pettigrew"


@pytest.mark.parametrize(
    "surface",
    [
        # Given names that look like abbreviated titles are left alone.
        "Del Pettigrew",
        "Reeve Pettigrew",
    ],
)
def test_given_names_like_titles_stay(surface: str) -> None:
    assert clean_name(surface) == surface


# ------------------------- a Slavic -ski/-cki ending needs a surname's stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Brygida Lucki", "Brygida Lucky"),
        ("Tomas Husky", "Tomas Huski"),
    ],
)
def test_an_english_word_is_no_slavic_ending(a: str, b: str) -> None:
    assert person_key(a) != person_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Anatoliy Berezovskiy", "Anatoly Berezovsky"),
        ("Halyna Vyshnevetskyy", "Halyna Vyshnevetsky"),
    ],
)
def test_a_slavic_ending_still_folds(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


# ------------------------- a known person's middle initial, spelt out


@pytest.mark.parametrize(
    "forms",
    [
        # The gazetteer knows both by their middle initials.
        ["George H. W. Bush", "George Herbert W. Bush", "George H. Walker Bush"],
        ["Robert F. Kennedy Jr.", "Robert Francis Kennedy Jr."],
    ],
)
def test_a_spelt_middle_name_is_the_known_initial(
    resolver: EntityResolver, forms: list[str]
) -> None:
    _same(resolver, forms, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another initial, or no middle name at all, is another person.
        ("Robert Francis Kennedy Jr.", "Robert Francis Kennedy"),
        ("George Herbert W. Bush", "George W. Bush"),
        ("Robert Xavier Kennedy Jr.", "Robert F. Kennedy Jr."),
    ],
)
def test_a_spelt_middle_name_keeps_namesakes_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- US state and Canadian province abbreviations


@pytest.mark.parametrize(
    "forms",
    [
        ["Texas", "Tex.", "TX"],
        ["Washington State", "Wash.", "WA"],
        ["West Virginia", "W.Va.", "W. Va.", "WV"],
        ["Ontario", "Ont."],
        ["Alberta", "Alta.", "AB"],
        ["Northwest Territories", "N.W.T.", "the N.W.T."],
        ["Newfoundland and Labrador", "Nfld.", "N.L."],
        ["British Columbia", "B.C.", "BC"],
    ],
)
def test_a_region_abbreviation_is_the_region(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, GPE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A postal code that is also a country's ISO code is not read as the state.
        ("CA", "California"),
        ("PA", "Pennsylvania"),
        # The gazetteer's own reading of a short form is kept.
        ("LA", "Louisiana"),
        # Lower-case words are no codes.
        ("wa", "Washington State"),
        # Two states.
        ("Wash.", "Washington, D.C."),
        ("N.D.", "S.D."),
    ],
)
def test_a_region_abbreviation_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, GPE)


# ------------------------- a city's formal style: "City of X", "Ville de X"


@pytest.mark.parametrize(
    "forms",
    [
        ["Toronto", "City of Toronto"],
        ["Montreal", "City of Montreal", "Ville de Montréal"],
        ["Brampton", "City of Brampton"],
        # A province's name: the city is "<name> City", known or not.
        ["Quebec City", "City of Quebec", "Ville de Québec"],
        ["Kuwait City", "City of Kuwait"],
    ],
)
def test_a_styled_city_is_the_city(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, GPE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The City of London is the financial district, not London.
        ("City of London", "London"),
        # The city is not its province or country.
        ("City of Quebec", "Quebec"),
        ("City of Kuwait", "Kuwait"),
    ],
)
def test_a_styled_city_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, GPE)


# ------------------------- one initial before a full name (names outside the gazetteer)


@pytest.mark.parametrize(
    "forms",
    [
        ["R. Casimir Oyelaran", "Casimir Oyelaran"],
        ["J. Wendell Fairweather", "Wendell Fairweather", "J. Wendell Fairweather's"],
    ],
)
def test_a_leading_initial_is_dropped(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Before one word the initial is the given name.
        ("R. Oyelaran", "C. Oyelaran"),
        # A generational suffix stays in the key.
        ("R. Casimir Oyelaran Jr.", "Casimir Oyelaran"),
    ],
)
def test_a_leading_initial_keeps_namesakes_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a surname with a generational suffix


def test_a_suffixed_surname_is_the_one_known_bearer(resolver: EntityResolver) -> None:
    # The gazetteer knows one Trump with "Jr.": the son, never the father.
    _same(resolver, ["Donald Trump Jr.", "Trump Jr.", "Trump Jr"], PERSON)
    _apart(resolver, "Trump Jr.", "Donald Trump", PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # No known bearer of that suffix.
        ("Trump Sr.", "Donald Trump"),
        ("Trump III", "Donald Trump Jr."),
        # A common surname never stands for one person.
        ("Smith Jr.", "Smith"),
    ],
)
def test_a_suffixed_surname_without_one_bearer_stays_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, PERSON)
