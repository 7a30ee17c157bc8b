"""A county of Great Britain named as one (issue 11, session 21, names side, GPE).

"<County>, England", "<County>, UK" and "the county of <County>" are one place when the
county is a full name of rules/british_counties.tsv that no known place shares; the bare
name and a county named like a known town ("Durham, England") are left alone.
Invented examples, none taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from tests.core.entities_helpers import assert_apart, assert_same


@pytest.mark.parametrize(
    "names",
    [
        ["Shropshire, England", "Shropshire, UK", "the county of Shropshire", "Shropshire, U.K."],
        ["Fife, Scotland", "Fife, United Kingdom", "the county of Fife"],
        ["Powys, Wales", "Powys, Great Britain", "Powys, Britain"],
        ["Kent, England", "Kent, UK", "the county of Kent"],
    ],
)
def test_county_with_its_nation(resolver: EntityResolver, names: list[str]) -> None:
    assert_same(resolver, names, "GPE")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Shropshire, England", "Wiltshire, England"),
        ("Kent, UK", "Kent"),  # the bare name may be a namesake abroad
        ("Durham, England", "the county of Durham"),  # a known city shares the name
    ],
)
def test_county_forms_kept_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "GPE")


def test_town_with_its_nation_is_no_county(resolver: EntityResolver) -> None:
    assert_apart(resolver, "Bristol, England", "Somerset, England", "GPE")
