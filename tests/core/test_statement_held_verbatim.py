"""Statements: a cue-tied speaker's quote and an unattributed cut of the same text.

In one story, one outlet ties a quote to its speaker with a cue and another prints the
same words with none the extractor could tie ("the statement read", a line carried over
from the sentence before), cut shorter or longer. When one rendering carries every
content word of the other in order and unbroken (four or more), it is the same text.
Each condition has a must-not-merge case; every example is made up for these tests.
"""

from __future__ import annotations

import itertools

import pytest

from tests.core.statements_helpers import made_up_quote, statement_groups

# Four and eight content words: too few for the wording rule (six or more), which
# would link the longer pairs without any cut (a score over its threshold).
LINE = "The singer may still perform at the awards gala"
LONGER = LINE + ", and the label hopes she will sing twice"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the cue-tied quote is the shorter cut; the other outlet prints more, no speaker
        pytest.param((LINE, "ames", True), (LONGER, None, False), id="longer-unattributed"),
        # the shorter cut only carries over the speaker of the sentence before: not firm
        pytest.param((LONGER, "ames", True), (LINE, "berg", False), id="shorter-carried-over"),
        pytest.param((LINE, "ames", True), (LINE, None, False), id="same-cut"),
    ],
)
def test_a_cut_of_a_firm_quote_without_a_cue_is_one_statement(a, b):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("a", "b", "one_story"),
    [
        # the same words from two cue-tied speakers: two statements
        pytest.param((LINE, "ames", True), (LINE, "berg", True), True, id="two-firm-speakers"),
        # the words agree but not as one unbroken run: a paraphrase is not a cut
        pytest.param(
            (LINE, "ames", True),
            ("At the awards gala the singer may still perform", None, False),
            True,
            id="words-reordered",
        ),
        # three content words are a stock phrase, not a text
        pytest.param(
            ("the singer could perform at the gala", "ames", True),
            ("We always said the singer could perform at the gala", None, False),
            True,
            id="too-few-words",
        ),
        # another story: the rule is for one story's reports only
        pytest.param((LINE, "ames", True), (LONGER, None, False), False, id="other-story"),
    ],
)
def test_words_from_two_speakers_or_not_one_cut_stay_apart(a, b, one_story):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]


def test_an_unattributed_cut_two_speakers_hold_joins_neither():
    """The same text held by two cue-tied speakers' quotes: it cannot tell whose it is."""
    quotes = [
        made_up_quote("A", 0, LONGER, "ames", True),
        made_up_quote("B", 0, LONGER, "berg", True),
        made_up_quote("C", 0, LINE, None, False),
    ]
    assert statement_groups(quotes) == [["A:0"], ["B:0"], ["C:0"]]


# A cue-tied partial of a few words ("the council confirmed a “binding pledge”") that a
# full quote with no cue-tied speaker holds word for word: the same text, when a word of it
# is not an everyday one.
STATEMENT = "The council has now given a binding pledge to reopen the library"


@pytest.mark.parametrize(
    "other",
    [
        pytest.param((STATEMENT, None, False), id="statement-unattributed"),
        pytest.param((STATEMENT, "berg", False), id="statement-speaker-carried-over"),
    ],
)
def test_a_cue_tied_partial_held_word_for_word_joins_the_unattributed_text(other):
    quotes = [
        made_up_quote("A", 0, "binding pledge", "ames", True, "partial"),
        made_up_quote("B", 0, *other),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("a", "b", "one_story"),
    [
        # everyday words recur by chance
        pytest.param(
            ("a good deal", "ames", True, "partial"),
            ("We got a good deal out of them in the end, said the council", None, False),
            True,
            id="everyday-words",
        ),
        # the words are there, but not as one run
        pytest.param(
            ("binding pledge", "ames", True, "partial"),
            ("The pledge we gave is binding and the library will reopen", None, False),
            True,
            id="not-word-for-word",
        ),
        # a partial nobody is tied to may be anyone's use of the words
        pytest.param(
            ("binding pledge", None, False, "partial"),
            (STATEMENT, "ames", True),
            True,
            id="partial-not-cue-tied",
        ),
        # a short full quote is a line of its own, not a reporter's few words of one
        pytest.param(
            ("binding pledge", "ames", True), (STATEMENT, None, False), True, id="full-quote"
        ),
        pytest.param(
            ("binding pledge", "ames", True, "partial"),
            (STATEMENT, "berg", True),
            True,
            id="two-firm-speakers",
        ),
        pytest.param(
            ("binding pledge", "ames", True, "partial"),
            (STATEMENT, None, False),
            False,
            id="other-story",
        ),
    ],
)
def test_a_short_partial_held_by_chance_by_another_speaker_or_elsewhere_stays_apart(
    a, b, one_story
):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]


# Five content words (young, singer, perform, award, gala): under the wording rule's six.
FIVE = "The young singer may still perform at the awards gala"


@pytest.mark.parametrize(
    "other",
    [
        # one word replaced by another outlet
        pytest.param("We hear the young singer may still sing at the awards gala", id="replaced"),
        # one word dropped
        pytest.param("We hear the singer may yet perform at the awards gala", id="dropped"),
        # one word added
        pytest.param("The young singer may still perform live at the awards gala", id="added"),
    ],
)
def test_a_cut_one_word_off_is_still_a_cut(other):
    quotes = [made_up_quote("A", 0, FIVE, "ames", True), made_up_quote("B", 0, other, None, False)]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("cut", "other"),
    [
        # two words off
        pytest.param(
            FIVE, "We hear the young singer may still sing at the prize gala", id="two-off"
        ),
        # four content words one off: too few to tell a cut from a like sentence
        pytest.param(LINE, "The singer may still sing at the awards gala", id="four-terms"),
    ],
)
def test_a_cut_more_than_one_word_off_or_too_short_stays_apart(cut, other):
    quotes = [made_up_quote("A", 0, cut, "ames", True), made_up_quote("B", 0, other, None, False)]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]


# Across two stories: a transcript printed with nobody named, one word off the cue-tied
# quote, in a longer rendering (its score stays under the cross-story wording threshold).
SIX = "The young singer may still perform at the awards gala in Leeds"
TRANSCRIPT = (
    "Tickets went on sale this morning and the young singer may still sing at the awards "
    "gala in Leeds, organisers hope, despite the storm warnings"
)


def test_an_unattributed_cut_in_another_story_joins_the_cue_tied_quote():
    quotes = [
        made_up_quote("A", 0, SIX, "ames", True),
        made_up_quote("B", 0, TRANSCRIPT, None, False),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, one_story=False, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the other side names a speaker (carried over): across stories only nobody named
        pytest.param((SIX, "ames", True), (TRANSCRIPT, "berg", False), id="speaker-named"),
        # five content words: too few across stories
        pytest.param(
            (FIVE, "ames", True),
            (
                "Tickets went on sale and the young singer may still sing at the awards gala",
                None,
                False,
            ),
            id="five-terms",
        ),
    ],
)
def test_a_cut_across_stories_with_a_speaker_or_too_short_stays_apart(a, b):
    quotes = [made_up_quote("A", 0, *a), made_up_quote("B", 0, *b)]
    assert statement_groups(quotes, one_story=False) == [["A:0"], ["B:0"]]
