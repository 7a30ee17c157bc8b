"""Issue 11, eighteenth session: person keys of names nobody tuned on, without context.

Each class has our own examples (invented people; none taken from an evaluation set,
tests/data/entity_eval*): the merges the rule must make next to the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core import normalize as n
from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import person_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

PERSON = "PERSON"


# ------------------------- a doubled consonant: gemination before a vowel, a spelling elsewhere


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # At the end of a word or before a consonant: another family's name.
        ("Corwin Tessell", "Corwin Tessel"),
        ("Dalia Mossberg", "Dalia Mosberg"),
        ("Orrin Pitkett", "Orrin Pitket"),
        ("Wendell Ashcroff", "Wendell Ashcrof"),
    ],
)
def test_a_one_letter_namesake_keeps_its_own_key(resolver: EntityResolver, a: str, b: str) -> None:
    assert person_key(a) != person_key(b)
    _apart(resolver, a, b, PERSON)


@pytest.mark.parametrize(
    "surfaces",
    [
        # Before a vowel: the same Arabic or Persian name, its gemination written or not.
        ["Yasmin Haddabi", "Yasmin Hadabi"],
        ["Kareem Nassamy", "Kareem Nasamy"],
        ["Tariq Mallaki", "Tariq Malaki"],
    ],
)
def test_a_geminate_spelling_still_names_one_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("haddabi", "hadabi", True), ("tessell", "tessel", False), ("mossberg", "mosberg", False)],
)
def test_fold_transliteration_doubles(a: str, b: str, same: bool) -> None:
    assert (n.fold_transliteration(a) == n.fold_transliteration(b)) is same


# ------------------------- a family-name particle written apart, glued or capitalised


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Marco Di Lorenzo", "Marco DiLorenzo", "Marco di Lorenzo"],
        ["Anneke van Dijkstra", "Anneke VanDijkstra", "Anneke Van Dijkstra"],
        ["Lucas de la Fuente", "Lucas DelaFuente", "Lucas De La Fuente"],
        ["Greta von der Heiden", "Greta Von Der Heiden"],
        ["Hugo Le Morvan", "Hugo LeMorvan"],
        ["Sister Ines dos Ramos", "Ines DosRamos"],
    ],
)
def test_a_particle_apart_or_glued_names_one_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The particle is part of the family name: without it, another family.
        ("Marco Di Lorenzo", "Marco Lorenzo"),
        ("Anneke van Dijkstra", "Anneke Dijkstra"),
        # A particle does not join across the name: the words stay in their places.
        ("Lucas de la Fuente", "Lucas Fuente"),
    ],
)
def test_a_particle_is_not_dropped(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["marco", "di", "lorenzo"], ["marco", "dilorenzo"]),
        (["greta", "von", "der", "heiden"], ["greta", "vonderheiden"]),
        # First word: a bare surname with its particle keeps its words; never the last word.
        (["de", "lorenzo"], ["de", "lorenzo"]),
        (["marco", "de"], ["marco", "de"]),
    ],
)
def test_join_surname_particles(parts: list[str], joined: list[str]) -> None:
    assert n.join_surname_particles(parts) == joined


# ------------------------- a short form whose one full form is far the most frequent


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Chris Vandermolen", "Christopher Vandermolen"],
        ["Randy Pelmore", "Randall Pelmore"],
    ],
)
def test_a_dominant_full_given_name_names_one_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The rarer full forms, and the other sex's, keep their own keys.
        ("Chris Vandermolen", "Christian Vandermolen"),
        ("Chris Vandermolen", "Christine Vandermolen"),
        ("Chris Oakhurst", "Christoph Oakhurst"),
        ("Randy Pelmore", "Randolph Pelmore"),
    ],
)
def test_a_rarer_full_given_name_stays_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, PERSON)
