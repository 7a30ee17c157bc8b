"""The subject of a clause a speaker reports is not the next "he"/"she" (issue 11, tenth
session): "<someone> believes/insisted/said <Other> is …" talks about <Other>; a pronoun
after it goes on with the one talking. A clause whose verb has no one to talk ("the injury
means …") keeps its subject as the antecedent. The subject of an adverbial clause before a
pronoun main subject ("Although Lee admitted …, he insisted …") is the one the pronoun
stands for. Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Tom Parkes has been given a new contract by the club.\n\n"
            "The young Welsh midfielder believes Ray Dunmore is the right man to lead "
            "the side. “We all trust the manager,” he said.",
            {"Tom Parkes": "PERSON", "Ray Dunmore": "PERSON"},
            "trust the manager",
            "Tom Parkes",
            id="description-believes-name",
        ),
        pytest.param(
            "Tom Parkes has been given a new contract by the club.\n\n"
            "The young Welsh midfielder thinks Ray Dunmore is the best coach in the "
            "league. “He knows the game,” he said.",
            {"Tom Parkes": "PERSON", "Ray Dunmore": "PERSON"},
            "knows the game",
            "Tom Parkes",
            id="description-thinks-name",
        ),
        pytest.param(
            "Alan Frew will miss the next month.\n\n"
            "His injury means Peter Walsh will start on Saturday. “I am ready,” he said.",
            {"Alan Frew": "PERSON", "Peter Walsh": "PERSON"},
            "I am ready",
            "Peter Walsh",
            id="no-one-talks-in-the-matrix-clause",
        ),
    ],
)
def test_a_reported_clause_subject_is_not_the_pronoun_antecedent(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Ray Dunmore has coached Wexford for two years.\n\n"
            "But although Colm Doyle admitted he was surprised by the results, he insisted "
            "Wexford were still the best side. “We will win it,” he said.",
            {"Colm Doyle": "PERSON", "Ray Dunmore": "PERSON", "Wexford": "ORG"},
            "We will win it",
            "Colm Doyle",
            id="although-name-admitted-he-insisted",
        ),
        pytest.param(
            "Ray Dunmore was sacked in May.\n\n"
            "When Alan Frew arrived at the club, he said Ray Dunmore had left a fine squad. "
            "“It was a good start,” he said.",
            {"Alan Frew": "PERSON", "Ray Dunmore": "PERSON"},
            "good start",
            "Alan Frew",
            id="when-name-arrived-he-said",
        ),
    ],
)
def test_an_adverbial_subject_before_the_pronoun_is_its_referent(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
