"""A cue-less quotation after narrative that introduces a new person as acting is that
person's, not the previous speaker's (issue 11, fifteenth session: the carried speaker is
the last one introduced). Two shapes: the previous quotation's paragraph goes on to report
a named person's words ("…,” said Tom Reed. Ann Lee, an analyst, said buyers would wait. ⏎
“…”), and the sentence right before a first-person quotation introduces a person acting in
a relative clause of their own ("… the invention of engineer Ann Lee, who built it. “I
…”"). Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Tom Reed": "PERSON", "Ann Lee": "PERSON"}


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        pytest.param(
            " Ann Lee, an analyst at a Leeds bank, said buyers would wait.", "Ann Lee", id="named"
        ),
        pytest.param(" The shop opened in May.", "Tom Reed", id="no-one-reported"),
        pytest.param(" He said buyers would wait.", "Tom Reed", id="pronoun-left-to-continuation"),
    ],
)
def test_the_speaker_reported_after_the_previous_quotation(nlp, between: str, speaker: str) -> None:
    text = (
        "Prices rose again in March.\n\n"
        f"“It has been a hard spring,” said Tom Reed, who runs the shop.{between}\n\n"
        "“They have seen it all before.”"
    )
    assert speaker_name(one_quote(nlp, text, "seen it all", _PEOPLE)) == speaker


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        pytest.param(
            "The new stair lift is the invention of engineer Ann Lee who built the first model "
            "in her garage.",
            "I wanted my father to stay in his own house.",
            "Ann Lee",
            id="relative-clause-first-person",
        ),
        pytest.param(
            "The new stair lift is the invention of engineer Ann Lee who built the first model "
            "in her garage.",
            "We want every family to have one.",
            "Tom Reed",
            id="not-first-person-singular",
        ),
        pytest.param(
            "The new stair lift was tested by engineer Ann Lee last year.",
            "I wanted my father to stay in his own house.",
            "Tom Reed",
            id="no-clause-of-her-own",
        ),
    ],
)
def test_a_person_introduced_acting_right_before_a_first_person_quotation(
    nlp, sentence: str, quoted: str, speaker: str
) -> None:
    text = (
        "The charity said demand had doubled. “We are stretched,” said Tom Reed, its "
        f"director.\n\n{sentence} “{quoted}”"
    )
    assert speaker_name(one_quote(nlp, text, quoted[:-1], _PEOPLE)) == speaker
