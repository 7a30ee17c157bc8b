"""Issue 11, names side: "<X> of <Country>" never reaches the country's monarch.

The gazetteer writes monarchs "<given> <regnal number> of <Country>" ("Harald V of
Norway"). The person key dropped everything before a lower-case word ahead of a
capitalised one, "of" included, so the monarch was keyed "norway", and so was every
"Bank/Parliament/Church/University of Norway": an institution resolved to the king,
context-free and inside articles. A title with its "of" complement ("Prince of Wales",
"King of Norway") was likewise cut to the place. The monarch keeps his own forms ("Harald
V of Norway", "Harald V", "King Harald V"). Real gazetteer monarchs (the bug is about
them); invented institutions.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.models import NerSpan
from pipelines.core.normalize import person_key
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id as _id

MONARCHS = {
    "Norway": "Harald V of Norway",
    "Jordan": "Abdullah II of Jordan",
    "Sweden": "Carl XVI Gustaf of Sweden",
    "Denmark": "Margrethe II of Denmark",
    "the Netherlands": "Willem-Alexander of the Netherlands",
    "Spain": "Felipe VI of Spain",
}


@pytest.mark.parametrize("head", ["Bank", "Parliament", "Church", "University", "Court"])
@pytest.mark.parametrize("country", sorted(MONARCHS))
@pytest.mark.parametrize("etype", ["ORG", None, "PERSON"])
def test_institution_of_country_is_not_the_monarch(
    resolver: EntityResolver, head: str, country: str, etype: str | None
) -> None:
    surface = f"{head} of {country}"
    ent = resolver.resolve_name(surface, etype)
    monarch = _id(resolver, MONARCHS[country], "PERSON")
    assert monarch is not None
    assert ent is None or ent.entity_id != monarch, (surface, ent)
    # An institution-headed name is never a person, whatever NER called it.
    assert ent is None or ent.entity_type != "PERSON", (surface, ent)


@pytest.mark.parametrize(
    "surface",
    ["Ministry of Defence of Norway", "Royal Court of Norway", "Bank of the Netherlands"],
)
def test_longer_institution_names_are_not_the_monarch(
    resolver: EntityResolver, surface: str
) -> None:
    ent = resolver.resolve_name(surface, "ORG")
    assert ent is not None and ent.entity_type == "ORG", ent


@pytest.mark.parametrize(
    ("surface", "place"),
    [("Prince of Wales", "Wales"), ("King of Norway", "Norway"), ("Queen of Denmark", "Denmark")],
)
def test_title_of_place_is_not_the_place(
    resolver: EntityResolver, surface: str, place: str
) -> None:
    assert _id(resolver, surface, None) != _id(resolver, place, "GPE")
    assert person_key(surface) != person_key(place)


@pytest.mark.parametrize(
    "forms",
    [
        ["Harald V of Norway", "Harald V", "King Harald V"],
        ["Abdullah II of Jordan", "Abdullah II", "King Abdullah II"],
        ["Margrethe II of Denmark", "Margrethe II", "Queen Margrethe II"],
        ["Felipe VI of Spain", "Felipe VI", "King Felipe VI"],
    ],
)
def test_monarch_keeps_own_forms(resolver: EntityResolver, forms: list[str]) -> None:
    _same(resolver, forms, "PERSON")


def test_descriptors_before_a_name_still_stripped() -> None:
    # The "of" rule only joins "<Capitalised> of <Capitalised>"; lower-case description
    # before a name still goes, titles too.
    assert person_key("Greek sprinter Katerina Thanou") == person_key("Katerina Thanou")
    assert person_key("Secretary of State Antony Blinken") == person_key("Antony Blinken")
    assert person_key("King Harald V") == person_key("Harald V")


def _spans(body: str, *items: tuple[str, str]) -> list[NerSpan]:
    out, pos = [], 0
    for text, label in items:
        start = body.index(text, pos)
        out.append(NerSpan(start, start + len(text), label, text))
        pos = start + len(text)
    return out


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_article_bank_of_country_is_not_the_king(resolver: EntityResolver, label: str) -> None:
    body = (
        "King Harald V of Norway opened the session. "
        "The Bank of Norway said rates would stay unchanged. "
        "The Parliament of Norway later voted."
    )
    first = body.index(".") + 1
    second = body.index(".", first) + 1
    ner = _spans(
        body,
        ("Harald V of Norway", "PERSON"),
        ("Bank of Norway", label),
        ("Parliament of Norway", "ORG"),
    )
    ae = resolver.resolve_article(
        body, ner, [(0, first), (first + 1, second), (second + 1, len(body))]
    )
    by_surface = {m.surface: m for m in ae.mentions}
    king = by_surface["Harald V of Norway"].entity_id
    assert king == _id(resolver, "Harald V of Norway", "PERSON")
    assert by_surface["Bank of Norway"].entity_id != king
    assert by_surface["Parliament of Norway"].entity_id != king
    types = {e.entity_id: e.entity_type for e in ae.entities}
    assert types[by_surface["Parliament of Norway"].entity_id] == "ORG"
