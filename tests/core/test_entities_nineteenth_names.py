"""Issue 11, nineteenth session: person names without context.

Our own examples (invented people, and well-known office holders the shipped gazetteer
lists; none taken from an evaluation set, tests/data/entity_eval*): the forms each rule
must join next to the forms it must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.normalize import surname_key, written_surname_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

PERSON = "PERSON"


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver.default(Path("/nonexistent/overrides.toml"))


# ----------------- a bare surname names a known person only as that person writes it


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Puttin", "Vladimir Putin"),  # a geminate before a vowel: another family
        ("Sunnak", "Rishi Sunak"),
        ("Lukkashenko", "Alexander Lukashenko"),
    ],
)
def test_bare_surname_with_a_doubled_letter_is_not_the_known_person(
    resolver: EntityResolver, written: str, known: str
) -> None:
    # The keys agree (the fold is for full names, whose other words must agree too) ...
    assert surname_key(written) == surname_key(known.split()[-1])
    # ... but one word alone, spelt otherwise, is nobody known.
    assert entity_id(resolver, written, PERSON) is None
    _apart(resolver, written, known, PERSON)
    _apart(resolver, f"Justice {written}", known, PERSON)


@pytest.mark.parametrize(
    ("surfaces"),
    [
        ["Vladimir Putin", "Putin", "Putin's", "President Putin"],
        ["Rishi Sunak", "Sunak"],
        # Marks and German umlaut digraphs are how one spelling is typed, not another name.
        ["Viktor Orbán", "Orbán", "Orban"],
        ["Gerhard Schröder", "Schröder", "Schroeder"],
    ],
)
def test_bare_surname_as_written_still_names_the_known_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


def test_full_name_keeps_its_spelling_folds(resolver: EntityResolver) -> None:
    """Only a bare word needs the written spelling: a full name's other words vouch for it."""
    _same(resolver, ["Vladimir Putin", "Vladimir Puttin"], PERSON)


@pytest.mark.parametrize(
    ("token", "written"),
    [("Dupont's", "dupont"), ("al-Khatib", "khatib"), ("Müller", "muller"),
     ("Mueller", "muller"), ("Hassell", "hassell"), ("Abbadi", "abbadi")],
)  # fmt: skip
def test_written_surname_key_folds_typing_not_spelling(token: str, written: str) -> None:
    assert written_surname_key(token) == written
