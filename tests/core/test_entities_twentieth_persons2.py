"""Issue 11, twentieth session (round two): person name classes without context.

Own examples only (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the merges each rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.names import Entry, make_entity
from pipelines.core.entities.persons import spelling_skeleton
from pipelines.core.normalize import clean_name, foreign_role_titles
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"


# ------------------------- "Jane Roe, the <description>" after a name


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Marla Quintero", "Marla Quintero, the Acme premier of Ruritania"],
        ["Desmond Achterberg", "Desmond Achterberg, the ACME director"],
        ["Kip Halvorsen", "Kip Halvorsen, the director of public works"],
        ["Marla Quintero", "Marla Quintero, the Springfield Council's top Republican"],
        ["Desmond Achterberg", "Senator Desmond Achterberg, the committee's chairman"],
    ],
)
def test_a_description_after_the_comma_is_dropped(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("surface", "head"),
    [
        # Nothing but capitalised words and glue after "the": no description to drop.
        ("Marla Quintero, the Acme Group", "Marla Quintero"),
        # One name word before the comma: "Roe, the ..." is no full name.
        ("Quintero, the Acme director", "Quintero"),
        # No article: the words after the comma are left to the other rules.
        ("Marla Quintero, Acme Ruritania", "Marla Quintero"),
    ],
)
def test_no_description_is_cut_without_its_article(surface: str, head: str) -> None:
    assert clean_name(surface) != head


def test_the_description_never_merges_two_people(resolver: EntityResolver) -> None:
    _apart(resolver, "Marla Quintero, the Acme director", "Kip Quintero", PERSON)
    _apart(resolver, "Marla Quintero, the Acme director", "Marla Quinteros", PERSON)


# ------------------------- heads-of-government titles of other European languages


@pytest.mark.parametrize(
    ("title", "english"),
    [
        ("Statsminister", "prime minister"),
        ("Pääministeri", "prime minister"),
        ("Minister-president", "prime minister"),
        ("Ministerpräsident", "premier"),
        ("Prezydent", "president"),
        ("Prezident", "president"),
    ],
)
def test_foreign_titles_are_stripped(resolver: EntityResolver, title: str, english: str) -> None:
    folded = title.lower().replace("ä", "a")
    assert foreign_role_titles()[folded] == english
    _same(resolver, ["Desmond Achterberg", f"{title} Desmond Achterberg"], PERSON)


# ------------------------- Persian "gh" / "q" in a known person's name


@pytest.fixture(scope="module")
def resolver_with_persian() -> EntityResolver:
    """The shipped data and one made-up person whose surname has a Persian "gh"."""
    resolver = EntityResolver.default(Path("/nonexistent/overrides.toml"))
    name = "Kamran Ghasrevandi"
    resolver.persons.index_name(Entry(make_entity(PERSON, name, None), "person"), name)
    return resolver


def test_gh_and_q_are_one_letter() -> None:
    assert spelling_skeleton("ghasrevandi") == spelling_skeleton("qasrevandi")
    assert spelling_skeleton("araghvani") == spelling_skeleton("araqvani")
    assert spelling_skeleton("ghasrevandi") != spelling_skeleton("hasrevandi")


@pytest.mark.parametrize("surface", ["Kamran Qasrevandi", "Kamran Ghasrevandi"])
def test_a_persian_q_spelling_is_the_known_person(
    resolver_with_persian: EntityResolver, surface: str
) -> None:
    entity = resolver_with_persian.resolve_name(surface, PERSON)
    assert entity is not None and entity.canonical_name == "Kamran Ghasrevandi"


@pytest.mark.parametrize(
    "surface",
    [
        "Kamran Qasrevi",  # the surname cut short
        "Kamran Hasrevandi",  # "gh" is no "h"
        "Kamran Gasrevandu",  # another last letter
    ],
)
def test_a_near_name_stays_apart(resolver_with_persian: EntityResolver, surface: str) -> None:
    entity = resolver_with_persian.resolve_name(surface, PERSON)
    assert entity is None or entity.canonical_name != "Kamran Ghasrevandi"


# ------------------------- "of <country>" after a titled name


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Desmond Achterberg", "Prime Minister Desmond Achterberg of the Netherlands"],
        ["Marla Quintero", "Foreign Minister Marla Quintero of Poland"],
    ],
)
def test_the_office_country_after_a_titled_name(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("surface", "kept"),
    [
        # No title before the name: "of <country>" may be part of how the name is written.
        ("Marla Quintero of Poland", "Marla Quintero of Poland"),
        # A monarch's regnal number and a peer's place are their names.
        ("King Desmond IV of Norway", "Desmond IV of Norway"),
        ("Lord Achterberg of Springfield", "Achterberg of Springfield"),
        # Not a country after "of".
        ("President Marla Quintero of Acme", "Marla Quintero of Acme"),
    ],
)
def test_a_name_with_of_is_kept(surface: str, kept: str) -> None:
    assert clean_name(surface) == kept
