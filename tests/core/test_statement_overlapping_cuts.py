"""Statements: two outlets' overlapping cuts of one passage are one statement.

One outlet prints a speaker's sentences up to a line, another that line and the sentences
after it. Their content words agree too little to score and both are cue-tied, so no other
rule links them; a run of eight words verbatim (contractions spelled out) that opens or
closes one of the two does, for two full quotes of one speaker in one story published at
most two days apart (or undated). The same rule links a long line with few content words
printed twice by one speaker. A line repeated inside two different answers has other words
on both sides in both renderings and stays apart. Every example is made up for these tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from pipelines.core.stories import overlapping_cuts, renderings
from pipelines.core.stories.statements import LINK_THRESHOLD, score
from tests.core.statements_helpers import made_up_quote, statement_groups

DAY = dt.date(2016, 3, 1)

# One passage: its first cut ends on the shared line, the second opens with it.
FIRST_CUT = (
    "The ferry timetable has been a mess all winter and the islanders have every right to "
    "be angry about it. We'll run the early boat again from the first of May"
)
SECOND_CUT = (
    "And we will run the early boat again from the first of May. After that the council "
    "has to find the money for a second crew, or nothing changes on the crossing"
)
# A long line with few content words, printed the same by two outlets.
PLAIN_LINE = "If we had to do it again we would do it all over again the same way"
# A refrain said inside two different answers: other words on both sides each time.
ANSWER_ONE = (
    "Look at the figures for the harbour, the simple fact is that the council does not know "
    "what it is doing with the money, and the pier shows it"
)
ANSWER_TWO = (
    "Let me say it once more to the voters here, the council does not know what it is "
    "doing with the money, and every trader on the quay can see that"
)


def _dates(days: int | None) -> dict[str, dt.date]:
    return {} if days is None else {"A": DAY, "B": DAY + dt.timedelta(days=days)}


def _groups(
    first: str,
    second: str,
    *,
    speakers: tuple[str, str] = ("ames", "ames"),
    kinds: tuple[str, str] = ("direct", "direct"),
    **kw: Any,
) -> list[list[str]]:
    quotes = [
        made_up_quote("A", 0, first, speakers[0], True, kinds[0]),
        made_up_quote("B", 0, second, speakers[1], True, kinds[1]),
    ]
    found = [statement_groups(quotes, order="".join(o), **kw) for o in itertools.permutations("AB")]
    assert found[0] == found[1]  # the same groups whichever article came first
    return found[0]


def test_the_cuts_score_below_the_same_speaker_threshold() -> None:
    a, b = renderings(
        [
            made_up_quote("A", 0, FIRST_CUT, "ames", True),
            made_up_quote("B", 0, SECOND_CUT, "ames", True),
        ]
    )
    assert score(a, b) < LINK_THRESHOLD  # why the word test alone leaves them apart


@pytest.mark.parametrize(
    ("first", "second", "days"),
    [
        pytest.param(FIRST_CUT, SECOND_CUT, 0, id="cuts-same-day"),
        pytest.param(FIRST_CUT, SECOND_CUT, 2, id="cuts-two-days"),
        pytest.param(FIRST_CUT, SECOND_CUT, None, id="cuts-undated"),
        pytest.param(SECOND_CUT, FIRST_CUT, 1, id="cuts-other-order"),
        pytest.param(PLAIN_LINE, PLAIN_LINE, None, id="plain-line-twice"),
    ],
)
def test_overlapping_cuts_of_one_passage_share_a_statement(
    first: str, second: str, days: int | None
) -> None:
    assert _groups(first, second, dates=_dates(days)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("first", "second", "options"),
    [
        # a refrain inside two answers: the run has other words on both sides in both
        pytest.param(ANSWER_ONE, ANSWER_TWO, {}, id="refrain-in-two-answers"),
        # two cue-tied speakers are never one statement
        pytest.param(FIRST_CUT, SECOND_CUT, {"speakers": ("ames", "berg")}, id="two-speakers"),
        # days apart: perhaps the line said again at the next event
        pytest.param(FIRST_CUT, SECOND_CUT, {"dates": _dates(5)}, id="five-days-apart"),
        # only within one story
        pytest.param(FIRST_CUT, SECOND_CUT, {"one_story": False}, id="two-stories"),
        # a partial is a phrase in the narration, not a cut of the passage
        pytest.param(
            FIRST_CUT, SECOND_CUT, {"kinds": ("direct", "partial")}, id="partial-and-full"
        ),
    ],
)
def test_other_pairs_stay_apart(first: str, second: str, options: dict[str, Any]) -> None:
    assert _groups(first, second, **options) == [["A:0"], ["B:0"]]


def test_overlapping_cuts_needs_an_edge() -> None:
    a, b, c, d = renderings(
        [
            made_up_quote("A", 0, FIRST_CUT, "ames", True),
            made_up_quote("B", 0, SECOND_CUT, "ames", True),
            made_up_quote("C", 0, ANSWER_ONE, "ames", True),
            made_up_quote("D", 0, ANSWER_TWO, "ames", True),
        ]
    )
    assert overlapping_cuts(a, b, same_story=True, days_apart=0)
    assert not overlapping_cuts(c, d, same_story=True, days_apart=0)
