"""Statements: a two-word partial of one speaker's full quote in the same story joins it.

A reporter's two quoted words of a statement ("the council promised a “binding
timetable”") refer to the one remark of that speaker in the same story that prints them
word for word, when one of the words is not an everyday one. The same test already let
such a partial join a full quote printed with no cue-tied speaker (``held_verbatim``); a
quote whose speaker is tied by a cue must not fare worse. Every example is made up for
these tests; each condition has a must-not-merge case.
"""

from __future__ import annotations

import itertools

import pytest

from tests.core.statements_helpers import made_up_quote, statement_groups

FULL = (
    "The council has now agreed a binding timetable for the harbour repairs, and the "
    "work will start in the spring"
)
PART = "binding timetable"


@pytest.mark.parametrize("full_cue", [True, False], ids=["full-cue-tied", "full-carried-over"])
def test_a_two_word_partial_joins_the_same_speakers_full_quote(full_cue):
    quotes = [
        made_up_quote("A", 0, FULL, "ames", full_cue),
        made_up_quote("B", 0, PART, "ames", True, kind="partial"),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


def test_it_joins_the_statement_two_outlets_print_in_full():
    quotes = [
        made_up_quote("A", 0, FULL, "ames", True),
        made_up_quote("B", 0, PART, "ames", True, kind="partial"),
        made_up_quote("C", 0, FULL, "ames", True),
    ]
    for order in itertools.permutations("ABC"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0", "C:0"]]


@pytest.mark.parametrize(
    ("full", "part", "speaker", "one_story"),
    [
        # Everyday words recur by chance ("good news").
        pytest.param(
            "This is good news for the harbour and for everyone who works on it",
            "good news",
            "ames",
            True,
            id="everyday-words",
        ),
        # A refrain the quote says twice is the speaker's slogan, not one remark's words.
        pytest.param(
            "We want a binding timetable for the repairs, because only a binding timetable "
            "gets the harbour open",
            PART,
            "ames",
            True,
            id="refrain",
        ),
        pytest.param(FULL, PART, "ames", False, id="another-story"),
        pytest.param(FULL, PART, "berg", True, id="another-speaker"),
        # Not word for word: the words apart or in another order.
        pytest.param(FULL, "timetable binding", "ames", True, id="other-order"),
    ],
)
def test_a_two_word_partial_stays_apart(full, part, speaker, one_story):
    quotes = [
        made_up_quote("A", 0, full, "ames", True),
        made_up_quote("B", 0, part, speaker, True, kind="partial"),
    ]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]


def test_the_partial_joins_no_statement_when_two_remarks_print_it():
    # The speaker's two remarks in the other article both print the words: which one
    # the partial quotes cannot be told.
    second = "Without a binding timetable, the traders say, the summer season is lost for good"
    quotes = [
        made_up_quote("A", 0, FULL, "ames", True),
        made_up_quote("A", 1, second, "ames", True),
        made_up_quote("B", 0, PART, "ames", True, kind="partial"),
    ]
    assert statement_groups(quotes) == [["A:0"], ["A:1"], ["B:0"]]
