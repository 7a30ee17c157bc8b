"""Who acts in the sentence a "he"/"she" goes back to (issue 11, twelfth session).

A name that only modifies a common noun heading the subject ("The <Name> cable boxes
sit …", "the <Name> family lawyers asked …") is no subject: the noun is. A subject inside
the clause of a participle that has no subject of its own ("Asked whether <Name> would
…, he replied", "Speaking after <Name> had won, she said") is talked about: the
participle's subject is the main clause's. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Kevin Marsh has run the network company since 2010.\n\n"
            "The Brightline cable boxes now sit on rooftops across the city. "
            "“It was the cheapest fix we could find,” he said.",
            {"Kevin Marsh": "PERSON", "Brightline": "PERSON"},
            "cheapest fix",
            "Kevin Marsh",
            id="brand-before-plural-noun",
        ),
        pytest.param(
            "Paula Grant chaired the hearing on Tuesday.\n\n"
            "The Hendry lawyers asked for another month. "
            "“We have waited long enough,” she said.",
            {"Paula Grant": "PERSON", "Hendry": "PERSON"},
            "waited long enough",
            "Paula Grant",
            id="surname-before-lawyers-noun",
        ),
        pytest.param(
            "Martin Cole wrote the report for the council.\n\n"
            "Rival Dunmore supporters rejected its findings last week. "
            "“The figures do not add up,” he said.",
            {"Martin Cole": "PERSON", "Dunmore": "PERSON"},
            "figures do not add up",
            "Martin Cole",
            id="name-before-supporters-noun",
        ),
    ],
)
def test_a_name_modifying_the_subject_noun_is_no_antecedent(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Ann Booth spoke to reporters after the meeting.\n\n"
            "Asked whether Mary Dunne would stay on as captain, she replied: "
            "“That is for the board to decide.”",
            {"Ann Booth": "PERSON", "Mary Dunne": "PERSON"},
            "board to decide",
            "Ann Booth",
            id="asked-whether-name-she-replied",
        ),
        pytest.param(
            "Colm Doyle watched the final from the stands.\n\n"
            "Asked if Peter Walsh could win the title again next year, he said: "
            "“Nobody would bet against him.”",
            {"Colm Doyle": "PERSON", "Peter Walsh": "PERSON"},
            "bet against him",
            "Colm Doyle",
            id="asked-if-name-he-said",
        ),
    ],
)
def test_a_subject_under_a_subjectless_participle_is_talked_about(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Ray Dunmore has coached Wexford for two years.\n\n"
            "When Alan Frew arrived at the club, he praised the squad. "
            "“It was a good start,” he said.",
            {"Alan Frew": "PERSON", "Ray Dunmore": "PERSON"},
            "good start",
            "Alan Frew",
            id="adverbial-clause-with-its-own-subject",
        ),
        pytest.param(
            "Ray Dunmore has coached Wexford for two years.\n\n"
            "Tom Reid MP visited the ground on Monday. “It is a fine place,” he said.",
            {"Tom Reid": "PERSON", "Ray Dunmore": "PERSON"},
            "fine place",
            "Tom Reid",
            id="capitalised-title-after-the-name",
        ),
    ],
)
def test_guards_keep_the_acting_subject(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
