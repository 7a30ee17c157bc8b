"""Statements: a short line (too few words to score) links only with strong context.

The context: its speaker is tied to it by a cue, the other rendering is the same speaker's
in an article of the same story at most two days apart (any days apart when the short line
is a partial quote: a follow-up quoting a few words back), and holds the short line's words
as one unbroken run that no second rendering of that article also holds. Every example is
made up for these tests; each condition has a must-not-merge case.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pipelines.core.stories import StatementQuote
from tests.core.statements_helpers import statement_groups

FULL = "The new bridge will deliver real savings for every commuter in the valley, and soon."
OTHER = "Our own budget will deliver real savings for the schools of the valley next year."
NAMES = {"ames": "Jo Ames", "berg": "Kit Berg"}


def _quote(article: str, n: int, text: str, speaker: str | None, kind: str, cue: bool):
    return StatementQuote(
        f"{article}:{n}", article, text, kind, speaker, n, 0, cue, NAMES.get(speaker or "")
    )


def test_a_short_line_joins_its_speakers_longer_rendering_in_the_same_story():
    quotes = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("B", 0, "deliver real savings", "ames", "partial", True),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]
    near = {"A": dt.date(2016, 5, 1), "B": dt.date(2016, 5, 3)}
    assert statement_groups(quotes, dates=near) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("short", "speaker", "cue"),
    [
        pytest.param("deliver real savings", "berg", True, id="another-speaker"),
        pytest.param("deliver real savings", None, True, id="no-speaker"),
        pytest.param("deliver real savings", "ames", False, id="speaker-only-carried-over"),
        pytest.param("deliver the savings", "ames", True, id="words-not-one-run"),
        pytest.param("savings", "ames", True, id="one-word"),
    ],
)
def test_a_short_line_without_strong_context_stays_apart(short, speaker, cue):
    quotes = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("B", 0, short, speaker, "partial", cue),
    ]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]


def test_a_short_line_in_another_story_or_said_again_days_later_stays_apart():
    quotes = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("B", 0, "deliver real savings", "ames", "partial", True),
    ]
    assert statement_groups(quotes, one_story=False) == [["A:0"], ["B:0"]]
    # A full short line days later may be the speaker saying it again at the next event.
    said = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("B", 0, "We will deliver real savings.", "ames", "direct", True),
    ]
    far = {"A": dt.date(2016, 5, 1), "B": dt.date(2016, 5, 4)}
    assert statement_groups(said, dates=far) == [["A:0"], ["B:0"]]


def test_a_partial_quoting_a_remark_back_days_later_in_the_same_story_joins_it():
    # A follow-up in the same story quotes a few words of the remark back ("called the
    # plan one to “deliver real savings”") days after it was made.
    quotes = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("B", 0, "deliver real savings", "ames", "partial", True),
    ]
    far = {"A": dt.date(2016, 5, 1), "B": dt.date(2016, 5, 8)}
    assert statement_groups(quotes, dates=far) == [["A:0", "B:0"]]
    assert statement_groups(quotes, dates=far, one_story=False) == [["A:0"], ["B:0"]]


LINE = "real savings for the valley commuters"  # four content words: short, but scored


def test_a_short_partial_repeated_days_later_in_the_same_story_joins_a_full_line_does_not():
    far = {"A": dt.date(2016, 5, 1), "B": dt.date(2016, 5, 5)}
    partials = [
        _quote("A", 0, LINE, "ames", "partial", True),
        _quote("B", 0, LINE, "ames", "partial", True),
    ]
    assert statement_groups(partials, dates=far) == [["A:0", "B:0"]]
    assert statement_groups(partials, dates=far, one_story=False) == [["A:0"], ["B:0"]]
    lines = [
        _quote("A", 0, f"We want {LINE}.", "ames", "direct", True),
        _quote("B", 0, f"We want {LINE}!", "ames", "direct", True),
    ]
    assert statement_groups(lines, dates=far) == [["A:0"], ["B:0"]]
    near = {"A": dt.date(2016, 5, 1), "B": dt.date(2016, 5, 2)}
    assert statement_groups(lines, dates=near) == [["A:0", "B:0"]]


def test_a_short_line_two_renderings_hold_joins_neither():
    # The speaker said "deliver real savings" in two remarks the other article quotes:
    # the short line cannot tell which one it repeats.
    quotes = [
        _quote("A", 0, FULL, "ames", "direct", True),
        _quote("A", 1, OTHER, "ames", "direct", True),
        _quote("B", 0, "deliver real savings", "ames", "partial", True),
    ]
    assert statement_groups(quotes) == [["A:0"], ["A:1"], ["B:0"]]
