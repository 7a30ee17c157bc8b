"""Issue 11, fifth session: who "he"/"she" and descriptions follow in long interviews.

Classes found on the resolved-speaker set's third dev batch (long features whose quotes
continue a speaker introduced a paragraph or more earlier); the examples are our own.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import assert_speaker, one_quote

PEOPLE = "PERSON"


@pytest.mark.parametrize(
    ("text", "contains", "entity", "people"),
    [
        # The main-clause subject of the latest sentence beats the last speaker when the
        # last speaker is only mentioned there ("Cook said Lord Lee's answer …").
        pytest.param(
            "“I was fully involved in the drafting,” Martin Lee said.\n\n"
            "Former minister Paul Cook said Martin Lee's answer had misled the committee. "
            "“Others certainly did present it as a summary,” he said.",
            "Others certainly",
            "ent:Paul Cook",
            {"Martin Lee": PEOPLE, "Paul Cook": PEOPLE},
            id="main-subject-beats-the-last-speaker-mentioned",
        ),
        # ... unless the sentence reports the last speaker as its source.
        pytest.param(
            "“It has been going on for some time,” Milan Roth said.\n\n"
            "According to Milan Roth, Harry Dunn vowed he would stay. "
            "“I said to Harry, don't go,” he said.",
            "don't go",
            "ent:Milan Roth",
            {"Milan Roth": PEOPLE, "Harry Dunn": PEOPLE},
            id="according-to-the-last-speaker",
        ),
        # A relative "who" clause makes the person it describes a subject of that clause.
        pytest.param(
            "Kate Marlow was nominated last year.\n\n"
            "This year the nomination went to Joan Pryce, 49, who told the BBC she had not "
            "expected it. “Those were strange, happy months on set,” she said.",
            "happy months",
            "ent:Joan Pryce",
            {"Kate Marlow": PEOPLE, "Joan Pryce": PEOPLE},
            id="who-clause-describing-the-person",
        ),
        pytest.param(
            "Coach Eddie Walsh named his side on Friday. Ireland are lifted by the "
            "return of skipper Brian Moran who sat out the last match with a knee strain. "
            "“The thought of this match kept me going,” he said.",
            "kept me going",
            "ent:Brian Moran",
            {"Eddie Walsh": PEOPLE, "Brian Moran": PEOPLE},
            id="who-clause-hung-on-the-noun-before-the-name",
        ),
    ],
)
def test_pronoun_follows_the_person_the_sentence_is_about(
    nlp, text: str, contains: str, entity: str, people: dict[str, str] | None
) -> None:
    assert_speaker(one_quote(nlp, text, contains, people), entity)
