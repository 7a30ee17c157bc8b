"""A one-word title, role or occupation before a name is no given name (issue 11, pronouns).

Birth statistics count words such as "Judge", "Governor", "Captain" or "Professor" as
given names of one sex; before a name in news they are titles and say nothing of the
person's gender. The given name is the first word after any titles ("Governor Ann
Lee" is Ann's), and a title before a surname alone ("Judge Reid") gives no gender.
Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes.resolve import person_genders
from tests.core.quotes_helpers import one_quote, speaker_name


def _genders(surfaces: list[str], text: str) -> dict[str, str]:
    mentions = []
    at = 0
    for surface in surfaces:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(Mention(f"ent:{surface}", surface, start, at, "PERSON"))
    return person_genders(mentions, text)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        pytest.param("Judge Ann Lee", {"ent:Judge Ann Lee": "f"}, id="judge-then-given-name"),
        pytest.param(
            "Governor Ann Lee", {"ent:Governor Ann Lee": "f"}, id="governor-then-given-name"
        ),
        pytest.param(
            "Captain Mary Dunne", {"ent:Captain Mary Dunne": "f"}, id="captain-then-given-name"
        ),
        pytest.param(
            "Professor Jane Frew", {"ent:Professor Jane Frew": "f"}, id="professor-then-given-name"
        ),
        pytest.param("Nurse Tom Reid", {"ent:Nurse Tom Reid": "m"}, id="nurse-then-given-name"),
        pytest.param(
            "Lieutenant Colonel Ann Lee",
            {"ent:Lieutenant Colonel Ann Lee": "f"},
            id="two-titles-then-given-name",
        ),
        # A title before a surname alone says nothing of the person.
        pytest.param("Judge Reid", {}, id="judge-then-surname"),
        pytest.param("Professor Dunne", {}, id="professor-then-surname"),
        pytest.param("Captain Frew", {}, id="captain-then-surname"),
        # Guards: a gendered title still states it; a plain given name still decides.
        pytest.param("Dame Ann Lee", {"ent:Dame Ann Lee": "f"}, id="gendered-title"),
        pytest.param("Tom Reid", {"ent:Tom Reid": "m"}, id="no-title"),
    ],
)
def test_a_title_is_no_given_name(surface: str, expected: dict[str, str]) -> None:
    assert _genders([surface], f"{surface} spoke.") == expected


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Tom Reid was fined at the town court on Monday.\n\n"
            "Judge Ann Lee heard the case. "
            "“This cannot happen again,” she said.",
            {"Tom Reid": "PERSON", "Judge Ann Lee": "PERSON"},
            "cannot happen again",
            "Judge Ann Lee",
            id="judge-given-name-she",
        ),
        pytest.param(
            "Colm Doyle lost his appeal on Friday.\n\n"
            "Judge Harlow dismissed it in a short ruling. "
            "“The law is clear,” she said.",
            {"Colm Doyle": "PERSON", "Judge Harlow": "PERSON"},
            "law is clear",
            "Judge Harlow",
            id="judge-surname-she",
        ),
    ],
)
def test_she_reaches_a_titled_woman(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
