"""Statements: a speaker's point made again on another occasion is another remark.

A speaker repeats talking points at the next rally or interview, weeks on, in other words
around the same few ("we must get past the old harbour politics"). Two of one speaker's
renderings in articles published more than two days apart link by their words only when
they also share a run of six words verbatim (contractions spelled out): one text quoted
twice. Within two days, undated, or printed word for word, the word test alone decides as
before. Every example is made up for these tests; each condition has its own case.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pipelines.core.stories import renderings, said_again
from tests.core.statements_helpers import made_up_quote, statement_groups

DAY = dt.date(2016, 3, 1)

# One speech's line, and the same point made at another event in other words around it.
SPEECH = "We must get past the old harbour politics and the old harbour economics of this town"
AGAIN = (
    "Harbour politics of the old kind, and old harbour economics too, will not rebuild "
    "the pier for this town, so we must get past them"
)
# Another outlet's transcription of the speech's line: the same words, one trimmed.
PRINTED = "we must get past the old harbour politics and the old harbour economics"


def _dates(days: int | None) -> dict[str, dt.date]:
    return {} if days is None else {"A": DAY, "B": DAY + dt.timedelta(days=days)}


@pytest.mark.parametrize("one_story", [True, False], ids=["one-story", "two-stories"])
@pytest.mark.parametrize("days", [5, 40], ids=["five-days", "forty-days"])
def test_a_point_made_again_days_apart_in_other_words_stays_apart(days, one_story):
    quotes = [
        made_up_quote("A", 0, SPEECH, "ames", True),
        made_up_quote("B", 0, AGAIN, "ames", True),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(
            quotes, one_story=one_story, dates=_dates(days), order="".join(order)
        ) == [["A:0"], ["B:0"]]


@pytest.mark.parametrize(
    ("text", "days", "one_story"),
    [
        # the same event's reports: the word test alone, as before
        pytest.param(AGAIN, 0, True, id="same-day"),
        pytest.param(AGAIN, 2, True, id="two-days"),
        # nothing says an undated pair is two occasions
        pytest.param(AGAIN, None, True, id="undated"),
        pytest.param(AGAIN, None, False, id="undated-two-stories"),
        # printed word for word weeks later: one text quoted back
        pytest.param(PRINTED, 40, False, id="printed-forty-days-on"),
        pytest.param(PRINTED, 5, True, id="printed-five-days-on"),
    ],
)
def test_one_remark_still_links(text, days, one_story):
    quotes = [
        made_up_quote("A", 0, SPEECH, "ames", True),
        made_up_quote("B", 0, text, "ames", True),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(
            quotes, one_story=one_story, dates=_dates(days), order="".join(order)
        ) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("first", "second", "speaker", "days", "expected"),
    [
        pytest.param(SPEECH, AGAIN, "ames", 3, True, id="three-days"),
        pytest.param(SPEECH, AGAIN, "ames", 2, False, id="within-two-days"),
        pytest.param(SPEECH, AGAIN, "ames", None, False, id="undated"),
        pytest.param(SPEECH, PRINTED, "ames", 30, False, id="printed-verbatim"),
        # contractions spelled out before the run is counted ("we've" is "we have")
        pytest.param(
            "We've got to get past the old harbour politics",
            "We have got to get past the old ways, that is all",
            "ames",
            30,
            False,
            id="contraction-spelled-out",
        ),
        pytest.param(
            "We've got to get past the old harbour politics",
            "We have got to leave the old harbour politics behind",
            "ames",
            30,
            True,
            id="five-words-only",
        ),
        # another person's words are another rule's business (two speakers never link)
        pytest.param(SPEECH, AGAIN, "berg", 30, False, id="other-speaker"),
    ],
)
def test_said_again(first, second, speaker, days, expected):
    a, b = renderings(
        [
            made_up_quote("A", 0, first, "ames", True),
            made_up_quote("B", 0, second, speaker, True),
        ]
    )
    assert said_again(a, b, days) is expected
