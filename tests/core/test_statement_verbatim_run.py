"""Statements: one text quoted verbatim in two reports of one story, few content words in it.

A full quote of eight words or more that another report of the story prints word for word
is one text quoted twice even when it holds too few content words for the wording rules
("I could never say that to you and you would know it" has three), as long as the two
sides are not tied by cues to two speakers. Each condition has a must-not-merge case;
every example is made up for these tests.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories.statements import VERBATIM_MIN_WORDS, renderings, verbatim_run
from tests.core.statements_helpers import made_up_quote, statement_groups

# Eleven words, three content words ("never", "say", "know"): under every term minimum.
LINE = "I could never say that to you and you would know it"
LONGER = "He is not here. " + LINE + ", and that was the end of it."


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a cue-tied speaker's line; the other report's attribution was not resolved
        pytest.param((LINE, "ames", True), (LINE, None, False), id="speaker-missed"),
        # the other report carries the speaker of the sentence before over, wrongly
        pytest.param((LINE, "ames", True), (LONGER, "berg", False), id="weak-other-speaker"),
        # neither report names anybody ("the letter read")
        pytest.param((LONGER, None, False), (LINE, None, False), id="nobody-named"),
    ],
)
def test_one_text_quoted_verbatim_is_one_statement(a, b):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


SEVEN = " ".join(LINE.split()[: VERBATIM_MIN_WORDS - 1])  # "I could never say that to you"


@pytest.mark.parametrize(
    ("a", "b", "one_story"),
    [
        # the same words from two cue-tied speakers: two statements
        pytest.param((LINE, "ames", True), (LINE, "berg", True), True, id="two-firm-speakers"),
        # a phrase inside the narration (a poster's words, a slogan) may be anyone's
        pytest.param(
            (LINE, "ames", True), (LINE, None, False, "partial"), True, id="partial-phrase"
        ),
        # seven words in common are a turn of phrase, not a text
        pytest.param(
            (SEVEN + " him again", "ames", True),
            ("So " + SEVEN + " her", None, False),
            True,
            id="seven-words",
        ),
        # another story: the rule is for one story's reports only
        pytest.param((LINE, "ames", True), (LINE, None, False), False, id="other-story"),
        # one speaker's catchphrase inside two different answers: two remarks (both cue-tied)
        pytest.param(
            ("On the harbour: " + LINE + ", so the port is sold to pay the pensions", "ames", True),
            ("On schools, " + LINE + ", and the east gets two clinics next spring", "ames", True),
            True,
            id="one-speaker-catchphrase",
        ),
    ],
)
def test_verbatim_words_from_two_speakers_or_too_few_stay_apart(a, b, one_story):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]


def test_the_run_is_of_words_not_content_terms():
    """The words themselves must recur in order: the same content words reworded do not."""
    a, b = renderings(
        [
            made_up_quote("A", 0, LINE, "ames", True),
            made_up_quote(
                "B", 0, "You would know it, and I could never say that to you", None, False
            ),
        ]
    )
    assert not verbatim_run(a, b)
    c, d = renderings(
        [made_up_quote("C", 0, LONGER, "ames", True), made_up_quote("D", 0, LINE, None, False)]
    )
    assert verbatim_run(c, d) and verbatim_run(d, c)
