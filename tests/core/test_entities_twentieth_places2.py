"""Issue 11, names side, GPE (twentieth session, round two): place classes, own examples."""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver, loaders


def _same(resolver: EntityResolver, a: str, b: str, etype: str = "GPE") -> bool:
    ea, eb = resolver.resolve_name(a, etype), resolver.resolve_name(b, etype)
    return ea is not None and eb is not None and ea.entity_id == eb.entity_id


def test_description_words_have_each_role() -> None:
    """The rule file gives kind words of both roles and modifiers; no relation words."""
    table = loaders.load_place_description_words()
    assert {"city", "region", "modifier"} <= set(table)
    assert "city" in table["city"] and "state" in table["region"]
    assert not {"sister", "twin", "suburb", "neighbouring"} & table["modifier"]


@pytest.mark.parametrize(
    ("described", "place"),
    [
        ("the northern Italian city of Milan", "Milan"),
        ("Turkey's port city of Izmir", "Izmir"),
        ("the Egyptian capital Cairo", "Cairo"),
        ("the Egyptian capital of Cairo", "Cairo"),
        ("the southern Indian state of Kerala", "Kerala"),
        ("Mexico's Jalisco state", "Jalisco"),
    ],
)
def test_a_place_after_its_description_is_that_place(
    resolver: EntityResolver, described: str, place: str
) -> None:
    """Compass words, a demonym or a country's possessive and a kind word describe the place."""
    assert _same(resolver, described, place)


@pytest.mark.parametrize(
    ("described", "place"),
    [
        ("the sister city of Milan", "Milan"),  # a relation: another city
        ("the capital of Egypt", "Egypt"),  # the city, not the country
        ("the Greek city of Milan", "Milan"),  # the country written disagrees
        ("the Spanish port city of Izmir", "Izmir"),
        ("the besieged city of Milan", "Milan"),  # a word the rule file does not know
    ],
)
def test_a_description_that_disagrees_names_another_place(
    resolver: EntityResolver, described: str, place: str
) -> None:
    """Only listed modifiers, one agreeing country and a fitting kind word fold."""
    assert not _same(resolver, described, place)


def test_a_region_word_never_folds_a_city(resolver: EntityResolver) -> None:
    """A state word before a name that is (also) a city's folds nothing; a city word does."""
    assert not _same(resolver, "the central Mexican state of Puebla", "Puebla")
    assert _same(resolver, "the Nigerian port city of Lagos", "Lagos")


def test_a_capital_styled_as_its_special_region_is_the_capital(resolver: EntityResolver) -> None:
    """Indonesia's "Special Capital Region of" styles the capital: region and city are one."""
    assert _same(resolver, "Special Capital Region of Jakarta", "Jakarta")
    assert _same(resolver, "Special Capital Region of Kotaraya", "Kotaraya")  # made up
    assert not _same(resolver, "Special Capital Region", "Jakarta")  # nothing else left


def test_a_bare_formal_style_is_left_to_the_formal_style_rule(resolver: EntityResolver) -> None:
    """ "City of London" (the square mile) is no description of London."""
    assert not _same(resolver, "City of London", "London")
