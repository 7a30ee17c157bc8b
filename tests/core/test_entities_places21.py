"""Issue 11, names side, GPE (twenty-first session): place classes, own examples."""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver


def _same(resolver: EntityResolver, a: str, b: str, etype: str = "GPE") -> bool:
    ea, eb = resolver.resolve_name(a, etype), resolver.resolve_name(b, etype)
    return ea is not None and eb is not None and ea.entity_id == eb.entity_id


@pytest.mark.parametrize(
    ("inner", "region"),
    [
        ("Gaza Governorate", "Gaza Strip"),
        ("Gaza governorate", "Gaza Strip"),
        ("Gaza province", "Gaza Strip"),
    ],
)
def test_a_designation_after_a_short_name_is_another_unit(
    resolver: EntityResolver, inner: str, region: str
) -> None:
    """A designation after the head of a longer region name names a unit of its own."""
    assert not _same(resolver, inner, region)


@pytest.mark.parametrize(
    ("written", "region"),
    [
        ("Rakhine state", "Rakhine State"),
        ("Borno state", "Borno State"),
        ("the Gaza Strip", "Gaza Strip"),
    ],
)
def test_a_long_name_ending_in_its_designation_still_folds(
    resolver: EntityResolver, written: str, region: str
) -> None:
    """When the rest of the long name is a designation, the short name plus it is the region."""
    assert _same(resolver, written, region)
