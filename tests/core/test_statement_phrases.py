"""Statements: a phrase two articles of one story quote as a partial, word for word.

A reporter's few quoted words of a remark ("the two had “deep and lasting
distrust”") often come with an attribution the extractor cannot resolve ("the club
said", "the station said"): the same phrase quoted as a partial by another article of the
same story is the same remark whether the speaker is named on one side or on neither.
Each condition has a must-not-merge case; every example is made up for these tests.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories import StatementQuote
from tests.core.statements_helpers import statement_groups

NAMES = {"ames": "Jo Ames", "berg": "Kit Berg"}
PHRASE = "a deeply unwelcome distraction"


def _quote(article: str, n: int, text: str, speaker: str | None, kind: str, cue: bool = True):
    return StatementQuote(
        f"{article}:{n}", article, text, kind, speaker, n, 0, cue, NAMES.get(speaker or "")
    )


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b"),
    [
        pytest.param("ames", None, id="named-on-one-side"),
        pytest.param(None, None, id="named-on-neither"),
    ],
)
def test_a_phrase_two_partials_carry_word_for_word_is_one_statement(speaker_a, speaker_b):
    quotes = [
        _quote("A", 0, PHRASE, speaker_a, "partial"),
        _quote("B", 0, PHRASE, speaker_b, "partial"),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


def test_a_phrase_inside_a_longer_partial_joins_it():
    quotes = [
        _quote(
            "A", 0, "has become a deeply unwelcome distraction for the board", "ames", "partial"
        ),
        _quote("B", 0, PHRASE, None, "partial"),
    ]
    assert statement_groups(quotes) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The same words given to two different people: two statements.
        pytest.param(("ames", "partial"), ("berg", "partial"), id="two-speakers"),
        # A full quote with no speaker may be someone else's use of the same words (a
        # party poster reusing its leader's line): only partials refer back to a remark.
        pytest.param(("ames", "direct"), (None, "partial"), id="full-quote-and-partial"),
        pytest.param((None, "direct"), (None, "direct"), id="two-full-quotes-unnamed"),
    ],
)
def test_the_same_phrase_from_two_speakers_or_in_full_quotes_stays_apart(a, b):
    quotes = [_quote("A", 0, PHRASE, *a), _quote("B", 0, PHRASE, *b)]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]


def test_a_phrase_in_another_story_stays_apart():
    quotes = [_quote("A", 0, PHRASE, "ames", "partial"), _quote("B", 0, PHRASE, None, "partial")]
    assert statement_groups(quotes, one_story=False) == [["A:0"], ["B:0"]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(PHRASE, "a distraction, deeply unwelcome", id="words-not-one-run"),
        # Two content words inside a longer partial are a stock phrase, not one remark
        # (the same two words quoted alone on both sides are: see ``same_phrase`` below).
        pytest.param(
            "an unwelcome distraction", "called it an unwelcome distraction", id="two-words"
        ),
    ],
)
def test_a_phrase_not_carried_word_for_word_or_too_short_stays_apart(a, b):
    quotes = [_quote("A", 0, a, "ames", "partial"), _quote("B", 0, b, None, "partial")]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]


def test_a_two_word_stock_phrase_does_not_join_its_speakers_other_remark():
    # "firm but fair" in a report of one speech; the same speaker's radio interview in
    # another article of the story says "firm, fair controls": two content words are too
    # common to tie the two occasions (a short line needs three).
    quotes = [
        _quote("A", 0, "firm but fair", "ames", "partial"),
        _quote(
            "B",
            0,
            "If you want calm streets, we need firm, fair checks at every port.",
            "ames",
            "direct",
        ),
    ]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]


# Two partials quoting exactly the same words, at least one of them not an everyday word:
# one remark quoted twice, however few content words it holds.
@pytest.mark.parametrize(
    ("phrase", "speaker_a", "speaker_b"),
    [
        pytest.param("unconscionable", None, None, id="one-rare-word-named-on-neither"),
        pytest.param("unconscionable", "ames", None, id="one-rare-word-named-on-one-side"),
        pytest.param("in the county's interest", "ames", "ames", id="one-speaker-both-sides"),
        pytest.param("with room to spare", "ames", None, id="rare-word-among-everyday-ones"),
    ],
)
def test_two_partials_quoting_the_same_rare_words_are_one_statement(phrase, speaker_a, speaker_b):
    quotes = [
        _quote("A", 0, phrase, speaker_a, "partial"),
        _quote("B", 0, phrase, speaker_b, "partial"),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("a", "b", "one_story"),
    [
        # everyday words recur by chance: "next week", "great"
        pytest.param(
            ("next week", "ames", "partial"),
            ("next week", None, "partial"),
            True,
            id="everyday-words",
        ),
        pytest.param(
            ("great", None, "partial"), ("great", None, "partial"), True, id="everyday-word"
        ),
        # the same word from two people is two statements
        pytest.param(
            ("unconscionable", "ames", "partial"),
            ("unconscionable", "berg", "partial"),
            True,
            id="two-speakers",
        ),
        # a full quote of the same words may be anyone's use of them
        pytest.param(
            ("unconscionable", None, "direct"),
            ("unconscionable", None, "partial"),
            True,
            id="full-quote",
        ),
        # more words on one side: not the same quotation (one content word)
        pytest.param(
            ("unconscionable", None, "partial"),
            ("simply unconscionable", None, "partial"),
            True,
            id="not-the-same-words",
        ),
        # another story
        pytest.param(
            ("unconscionable", "ames", "partial"),
            ("unconscionable", None, "partial"),
            False,
            id="other-story",
        ),
    ],
)
def test_the_same_words_everyday_from_two_speakers_or_elsewhere_stay_apart(a, b, one_story):
    quotes = [_quote("A", 0, *a), _quote("B", 0, *b)]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]
