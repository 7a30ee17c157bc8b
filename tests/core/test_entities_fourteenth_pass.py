"""Issue 11, fourteenth session: must-not-merge classes of names without context.

Each class has our own examples (none taken from an evaluation set, tests/data/entity_eval*):
the pairs the rule must keep apart next to the merges it must keep making.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    return EntityResolver.default(Path("/nonexistent/overrides.toml"))


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
