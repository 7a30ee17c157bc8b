"""Issue 11, twentieth session: person name classes without context.

Own examples only (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the merges each rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.names import Entry, make_entity
from pipelines.core.normalize import clean_name, glue_leading_initials, parse_person_name
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"


# ------------------------- a middle given name spelt out, outside the gazetteer


@pytest.mark.parametrize(
    "surfaces",
    [
        # A man's middle name that is also a common surname is his middle name.
        ["Desmond Henry Achterberg", "Desmond Achterberg"],
        ["Kip Thomas Halvorsen", "Kip Halvorsen"],
        # A middle name of both sexes ("Lynn", "Jean") after a woman's or a man's name.
        ["Marla Lynn Quintero", "Marla Quintero"],
        ["Desmond Jean Vantongeren", "Desmond Vantongeren"],
        # A common surname last no longer stops the drop.
        ["Marla Ann Johnson", "Marla Johnson"],
        ["Desmond Michael Brown", "Desmond Brown", "Desmond M. Brown"],
        # A given name the nicknames table lists only in a pair it does not keep.
        ["Kip Brian Halvorsen", "Kip Halvorsen"],
    ],
)
def test_a_middle_given_name_is_dropped(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A woman's middle word that is a common surname may be her maiden name.
        ("Marla Rose Quintero", "Marla Quintero"),
        ("Marla May Johnson", "Marla Johnson"),
        # A given name of the other sex in the middle: a compound or family name.
        ("Marla Henry Quintero", "Marla Quintero"),
        # A first name of unknown sex: nothing to check the middle name against.
        ("Zorvath Lynn Quintero", "Zorvath Quintero"),
        # A generational suffix stays, with a common surname too.
        ("Desmond Michael Brown Jr.", "Desmond Brown"),
        # Two people sharing all but the middle name stay apart from each other's long form.
        ("Desmond Michael Brown", "Desmond Henry Brown Sr."),
        # A middle word that is no English given name (two surnames, a compound name).
        ("Desmond Quintero Brown", "Desmond Brown"),
        ("Sven Goran Brown", "Sven Brown"),
        # A family-name particle is no middle name ("Di" is also a short form of Diana).
        ("Marla Di Quintero", "Marla Quintero"),
        # A rare name of the table without a known sex: no evidence of a middle name.
        ("Kip Falcon Halvorsen", "Kip Halvorsen"),
        ("Desmond Van Achterberg", "Desmond Achterberg"),
    ],
)
def test_a_middle_word_is_kept(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a generational suffix in its other spellings


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Desmond K. Achterberg 4th", "Desmond K. Achterberg IV", "Desmond Achterberg IV"],
        ["Kip Halvorsen 2nd", "Kip Halvorsen II", "Kip Halvorsen 2d"],
        ["Marla Quintero 3rd", "Marla Quintero III", "Marla Quintero 3d"],
        ["Desmond Vantongeren Junior", "Desmond Vantongeren Jr.", "Desmond Vantongeren, Jr."],
        ["Desmond Vantongeren Senior", "Desmond Vantongeren Sr."],
    ],
)
def test_generational_suffix_spellings_name_one_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kip Halvorsen 2nd", "Kip Halvorsen"),
        ("Kip Halvorsen 2nd", "Kip Halvorsen 3rd"),
        ("Desmond Vantongeren Junior", "Desmond Vantongeren Senior"),
        ("Desmond Vantongeren Junior", "Desmond Vantongeren"),
    ],
)
def test_generational_suffix_spellings_keep_generations_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, PERSON)


def test_junior_after_one_given_name_is_a_name() -> None:
    """A "Junior" after a single given name is what the person is called, not a suffix."""
    assert "junior" in parse_person_name("Kip Junior").tokens


# ------------------------- a legislator's party-and-state tag in other house styles


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Sen. Marla Quintero (D., Calif.)", "Marla Quintero"),
        ("Rep. Kip Halvorsen (R., Texas)", "Kip Halvorsen"),
        ("Kip Halvorsen [R-TX]", "Kip Halvorsen"),
        ("Kip Halvorsen [R-TX-7]", "Kip Halvorsen"),
        ("Sen. Kip Halvorsen, Republican of Texas", "Kip Halvorsen"),
        ("Rep. Marla Quintero, Democrat of New York", "Marla Quintero"),
        ("Sen. Desmond Achterberg, Independent of Maine", "Desmond Achterberg"),
        # The earlier styles still go.
        ("Sen. Kip Halvorsen (R-Texas)", "Kip Halvorsen"),
        ("Rep. Marla Quintero, D-N.Y.", "Marla Quintero"),
        # Not a tag: a surname-first name with an initial, a party word alone.
        ("Halvorsen, K.", "Halvorsen, K."),
        ("Marla Quintero, Democrat", "Marla Quintero, Democrat"),
    ],
)
def test_party_state_tags_are_dropped(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


def test_party_state_tags_name_one_person(resolver: EntityResolver) -> None:
    _same(
        resolver,
        [
            "Marla Quintero",
            "Sen. Marla Quintero (D., Calif.)",
            "Marla Quintero [D-CA]",
            "Sen. Marla Quintero, Democrat of California",
        ],
        PERSON,
    )


# ------------------------- leading initials written apart or together


@pytest.mark.parametrize(
    "surfaces",
    [
        ["R.K. Venkatachalam", "R. K. Venkatachalam", "RK Venkatachalam", "R.K.Venkatachalam"],
        ["T. S. Raghunathan Pillai", "T.S. Raghunathan Pillai", "TS Raghunathan Pillai"],
        ["Chief Minister R. K. Venkatachalam", "R.K. Venkatachalam"],
    ],
)
def test_leading_initials_name_one_person(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Other initials are another person (brothers known by initials).
        ("R. K. Venkatachalam", "R. S. Venkatachalam"),
        ("R. K. Venkatachalam", "K. Venkatachalam"),
        ("R. K. Venkatachalam", "Udhay Venkatachalam"),
    ],
)
def test_leading_initials_keep_people_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("M. K. Roe", "M.K. Roe"),
        ("J. R. R. Roe", "J.R.R. Roe"),
        ("M.K. Roe", "M.K. Roe"),
        # One initial, inner initials: as written.
        ("H. Ross Roe", "H. Ross Roe"),
        ("George H. W. Roe", "George H. W. Roe"),
    ],
)
def test_glue_leading_initials(name: str, expected: str) -> None:
    assert glue_leading_initials(name) == expected


# ------------------------- family-name-first names the other way round; an English given name


@pytest.fixture(scope="module")
def resolver_with_lin(tmp_path_factory: pytest.TempPathFactory) -> EntityResolver:
    """The shipped data and one made-up Taiwanese person known by both names."""
    path = tmp_path_factory.mktemp("overrides") / "overrides.toml"
    path.write_text(
        '[[merge]]\nentity_type = "PERSON"\nnames = ["Lin Wei-han", "Kevin Lin"]\n',
        encoding="utf-8",
    )
    return EntityResolver.default(path)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Lin Wei-han", "Wei-han Lin", "Kevin Lin Wei-han", "Kevin Lin"],
        # A Hungarian office holder written in Hungarian order.
        ["Katalin Novák", "Novák Katalin", "Novak Katalin"],
    ],
)
def test_name_orders_and_english_names_name_one_person(
    resolver_with_lin: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver_with_lin, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another Chinese given name, or another English name, is another person.
        ("Kevin Lin Wei-hang", "Lin Wei-han"),
        ("Brian Lin Wei-han", "Lin Wei-han"),
        # Swapped names of a person outside family-name-first countries: someone else.
        ("May Theresa", "Theresa May"),
    ],
)
def test_name_orders_keep_people_apart(resolver_with_lin: EntityResolver, a: str, b: str) -> None:
    _apart(resolver_with_lin, a, b, PERSON)


# ------------------------- French courtesy titles before a surname


@pytest.mark.parametrize(
    "surfaces",
    [
        ["M. Scholz", "Olaf Scholz", "Mr. Scholz"],
        ["M. Modi", "Narendra Modi"],
    ],
)
def test_monsieur_before_a_known_mans_surname(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another known person of the surname has a given name in "M": an initial.
        ("M. Obama", "Barack Obama"),
        # A woman's French title before a known man's surname.
        ("Mlle Scholz", "Olaf Scholz"),
        ("Mademoiselle Modi", "Narendra Modi"),
    ],
)
def test_french_titles_keep_people_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


def test_mademoiselle_is_an_honorific() -> None:
    assert clean_name("Mlle Marla Quintero") == "Marla Quintero"
    assert clean_name("Mademoiselle Marla Quintero") == "Marla Quintero"


# ------------------------- the lineage title "Sayyid" before a known name


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Yousaf Raza Gilani", "Syed Yousaf Raza Gilani"],
        ["Hassan Nasrallah", "Syed Hassan Nasrallah"],
    ],
)
def test_lineage_title_before_a_known_name(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Before one word the title is a given name: "Syed Gilani" is nobody known.
        ("Syed Gilani", "Yousaf Raza Gilani"),
        # Another given name after the title: another person.
        ("Syed Hussain Nasrallah", "Hassan Nasrallah"),
    ],
)
def test_lineage_title_keeps_people_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


# ------------------------- a known person's hyphenated family name alone


@pytest.fixture(scope="module")
def resolver_with_compound() -> EntityResolver:
    """The shipped data and one made-up person with a hyphenated family name, indexed."""
    resolver = EntityResolver.default(Path("/nonexistent/overrides.toml"))
    for name in ("Marla Quintero-Vantongeren", "Kip Halvorsen-Achterberg"):
        entry = Entry(make_entity(PERSON, name, None), "person")
        resolver.persons.index_name(entry, name)
    return resolver


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Quintero-Vantongeren", "Marla Quintero-Vantongeren"),
        ("Ms. Quintero-Vantongeren", "Marla Quintero-Vantongeren"),
        ("Mr. Halvorsen-Achterberg", "Kip Halvorsen-Achterberg"),
    ],
)
def test_a_hyphenated_family_name_alone(
    resolver_with_compound: EntityResolver, surface: str, canonical: str
) -> None:
    entity = resolver_with_compound.resolve_name(surface, PERSON)
    assert entity is not None and entity.canonical_name == canonical


@pytest.mark.parametrize(
    "surface",
    [
        # One part alone, a particle glued to a name, another double name.
        "Vantongeren",
        "Quintero",
        "Quintero-Halvorsen",
    ],
)
def test_a_part_of_a_hyphenated_family_name_is_not_the_person(
    resolver_with_compound: EntityResolver, surface: str
) -> None:
    entity = resolver_with_compound.resolve_name(surface, PERSON)
    assert entity is None or entity.canonical_name != "Marla Quintero-Vantongeren"


def test_a_glued_particle_is_no_hyphenated_family_name(resolver: EntityResolver) -> None:
    """An "al-<Name>" is keyed without its particle: no compound family name is indexed."""
    assert all("-" in key for key in resolver.persons._compound_surnames)


# ------------------------- abbreviated titles before a name


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("AG Marla Quintero", "Marla Quintero"),
        ("Atty. Gen. Marla Quintero", "Marla Quintero"),
        ("FM Kip Halvorsen", "Kip Halvorsen"),
        ("VP Kip Halvorsen", "Kip Halvorsen"),
        ("Pres. Desmond Achterberg", "Desmond Achterberg"),
        ("DPM Desmond Achterberg", "Desmond Achterberg"),
        # A name particle is no title; an abbreviation after the name stays.
        ("Da Quintero", "Da Quintero"),
        ("Kip Halvorsen AG", "Kip Halvorsen AG"),
    ],
)
def test_abbreviated_titles_are_dropped(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected
