"""Statements: a continuation is a piece of its passage, not part of one joined rendering.

"…,” Ames said. “…” with no cue on the second quote continues Ames's passage. Joined into
one rendering, the two sentences could take one partner per article: an outlet printing
them apart (narration between, the second beside a sentence the first outlet left out)
gave the joined rendering the first sentence's partner and left the second sentence's
alone. As pieces, each takes its own partner; the piece link is refused when the other
outlet keeps them in two passages. A later piece is shorter than its passage, so a
reworded line of the speaker's on another day links to it only when it is strong evidence
(``UNATTRIBUTED_THRESHOLD``) or carries the piece as quoted (``PART_CONTAINMENT``). Every
example is made up for these tests.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from pipelines.core.stories import renderings
from pipelines.core.stories import statements as core
from tests.core.statements_helpers import laid_out_article, statement_groups

FIRST = "I am looking forward to coaching such a gifted squad of young riders this spring,"
MIDDLE = "The race promises to be a thrilling day out for the whole valley,"
LAST = (
    "Both crews are sending their strongest riders and I really hope the town turns out "
    "to raise as much money as possible for the flood appeal."
)
NARRATION = "” she said. Ames will name her squad for the autumn tour next month. “"


def _joined_outlet(attribution: str) -> list[core.StatementQuote]:
    """FIRST and LAST as one passage: "…,” <attribution> “…"."""
    return laid_out_article(
        "A", [("", FIRST, "ames", "direct", True), (attribution, LAST, "ames", "direct", False)]
    )


def _apart_outlet() -> list[core.StatementQuote]:
    """FIRST, narration, then MIDDLE and LAST as another passage."""
    return laid_out_article(
        "B",
        [
            ("", FIRST, "ames", "direct", True),
            (NARRATION, MIDDLE, "ames", "direct", True),
            ("” she said. “", LAST, "ames", "direct", False),
        ],
    )


@pytest.mark.parametrize("attribution", ["” Ames said. “", "” she told the Valley Post. “"])
def test_each_sentence_joins_its_own_partner_in_an_outlet_printing_them_apart(attribution):
    quotes = [*_joined_outlet(attribution), *_apart_outlet()]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [
            ["A:0", "B:0"],
            ["A:1", "B:1", "B:2"],
        ]


@pytest.mark.parametrize("attribution", ["” Ames said. “", "” she told the Valley Post. “"])
def test_alone_or_printed_whole_elsewhere_the_passage_is_one_statement(attribution):
    first, second = renderings(_joined_outlet(attribution))
    assert second.follows_id == first.rendering_id and second.passage == first.passage
    assert statement_groups(_joined_outlet(attribution)) == [["A:0", "A:1"]]
    whole = laid_out_article("C", [("", f"{FIRST} {LAST}", "ames", "direct", True)])
    assert statement_groups([*_joined_outlet(attribution), *whole]) == [["A:0", "A:1", "C:0"]]


OPENING = "We opened three new wards at the county hospital this winter,"
PIECE = (
    "Thanks to our levy we are collecting millions and millions of pounds for the new wards "
    "from the big landlords."
)
REWORDED = "From the landlords we are collecting millions of pounds in levy money."
DATES = {"A": dt.date(2024, 3, 1), "B": dt.date(2024, 3, 3), "C": dt.date(2024, 3, 1)}


def _piece_outlet() -> list[core.StatementQuote]:
    return laid_out_article(
        "A",
        [("", OPENING, "ames", "direct", True), ("” Ames said. “", PIECE, "ames", "direct", False)],
    )


def _later(text: str) -> list[core.StatementQuote]:
    return laid_out_article("B", [("", text, "ames", "direct", True)])


def test_a_reworded_stock_line_does_not_join_a_later_piece():
    piece = renderings(_piece_outlet())[1]
    reworded = renderings(_later(REWORDED))[0]
    # The words agree as well as a same-speaker link needs, scattered, not as quoted.
    assert core.LINK_THRESHOLD <= core.score(piece, reworded) < core.UNATTRIBUTED_THRESHOLD
    assert core.word_score(piece, reworded) == 0.0
    for one_story in (True, False):
        groups = statement_groups(
            [*_piece_outlet(), *_later(REWORDED)], one_story=one_story, dates=DATES
        )
        assert groups == [["A:0", "A:1"], ["B:0"]]


def test_the_same_line_as_a_rendering_of_its_own_still_links():
    # The guard is the piece's: the same words quoted alone link as before.
    alone = laid_out_article("C", [("", PIECE, "ames", "direct", True)])
    assert statement_groups([*alone, *_later(REWORDED)], dates=DATES) == [["B:0", "C:0"]]


def test_a_later_piece_printed_as_quoted_joins():
    # Another outlet printing the piece word for word, trimmed, carries it as quoted.
    trimmed = "We are collecting millions and millions of pounds for the new wards,"
    assert statement_groups([*_piece_outlet(), *_later(trimmed)], dates=DATES) == [
        ["A:0", "A:1", "B:0"]
    ]
