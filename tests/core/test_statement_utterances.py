"""Statements: the pieces of one spoken utterance split by attributions in one article.

Issue 14: "split parts of one utterance in one article belong to the same statement". Two
quotes of one speaker with only their attribution between them ("…,” Ames said. “…”;
"…,” Ames said. She added, “…”) join one statement, through a link weaker than any link
across articles, so an outlet that keeps the two apart (the seeds) still wins. Every
example is made up for these tests; each joining shape has must-not-join neighbours.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories import renderings
from pipelines.core.stories.statements import one_utterance
from tests.core.statements_helpers import laid_out_article, statement_groups

FIRST = "The harbour tunnel will open in the spring after four long years of digging,"
SECOND = "and the bridge tolls will be scrapped next year for every family in the old town."
NARRATION = " The council meets again on Tuesday to vote on the budget for the next three years. "


def _split(gap: str, first: str = FIRST, second: str = SECOND, kinds=("direct", "direct")):
    return laid_out_article(
        "A", [("", first, "ames", kinds[0], True), (gap, second, "ames", kinds[1], True)]
    )


# (gap between the pieces, first piece, second piece, their kinds): one spoken utterance.
ONE_UTTERANCE = [
    ("” Ames said. “", FIRST, SECOND, ("direct", "direct")),
    ("” Ames told the Valley Gazette on Monday. “", FIRST, SECOND, ("direct", "direct")),
    # An outlet's name is no written text of the speaker's ("post" in lower case would be).
    ("” Ames told the Valley Post. “", FIRST, SECOND, ("direct", "direct")),
    ("” Ames said, “", FIRST, SECOND, ("direct", "direct")),
    ("” Ames said. She added, “", FIRST, SECOND, ("direct", "direct")),
    ("” said Jo Ames, the mayor. “", FIRST, SECOND, ("direct", "direct")),
    # A partial quote that ends the reporter's sentence, then the rest of the remark.
    ("”. She said: “", FIRST.rstrip(","), SECOND, ("partial", "direct")),
    (
        "” She also said, without giving figures, that “",
        "a tunnel that will open in the spring.",
        "the bridge tolls will be scrapped next year for every family.",
        ("partial", "partial"),
    ),
]

# The same layout where the gap or the pieces say two remarks, or a written text.
TWO_REMARKS = [
    # A lead-in describing what comes ("with an appeal to …"): another part of the speech.
    ("” Ames said. She continued with an appeal to the council: “", ("direct", "direct")),
    # Narration before the verb: another point ("but she countered").
    ("” Ames said. Some residents were unhappy, but she countered: “", ("direct", "direct")),
    # A sentence between the two: a new question, another remark.
    ("” Ames said. A reporter asked about the tolls. She replied: “", ("direct", "direct")),
    ("” Ames said. As for the tolls, she said she was not worried. “", ("direct", "direct")),
    # Nothing but punctuation: no attribution to tell.
    ("”. “", ("partial", "direct")),
    # A written text: its pieces are separate statements (the seeds' release).
    ("” Ames said in a statement. “", ("direct", "direct")),
    ("” Ames wrote. “", ("direct", "direct")),
    ("” the release said. “", ("direct", "direct")),
]


@pytest.mark.parametrize(("gap", "first", "second", "kinds"), ONE_UTTERANCE)
def test_pieces_of_one_spoken_utterance_join_one_statement(gap, first, second, kinds):
    a = _split(gap, first, second, kinds)
    assert one_utterance(first, kinds[0], gap, second, kinds[1])
    # Alone in their article, and with another outlet carrying the first piece only (its
    # quote holds none of the second), in any insertion order.
    assert statement_groups(a) == [["A:0", "A:1"]]
    b = laid_out_article("B", [("", first, "ames", "direct", True)])
    for order in itertools.permutations("AB"):
        assert statement_groups([*a, *b], order="".join(order)) == [["A:0", "A:1", "B:0"]]


@pytest.mark.parametrize(("gap", "kinds"), TWO_REMARKS)
def test_pieces_split_by_more_than_an_attribution_stay_apart(gap, kinds):
    first = FIRST.rstrip(",") if kinds[0] == "partial" else FIRST
    a = _split(gap, first, SECOND, kinds)
    assert not one_utterance(first, kinds[0], gap, SECOND, kinds[1])
    b = laid_out_article("B", [("", FIRST, "ames", "direct", True)])
    assert statement_groups([*a, *b]) == [["A:0", "B:0"], ["A:1"]]


@pytest.mark.parametrize(
    ("first", "gap", "second"),
    [
        # A phrase inside the reporter's sentence, not the end of a remark.
        ("a bridge too far", "” and said that the tolls were “", "a tax on families."),
        # A second partial that does not end the sentence: a phrase in narration.
        ("a bridge too far.", "” She said that “", "the tolls"),
        # "adding that …": the quote is a phrase inside the narrated clause.
        ("a bridge too far.", "” Ames said, adding that the tolls were “", "a tax on families."),
    ],
)
def test_a_partial_inside_narration_is_no_piece(first, gap, second):
    assert not one_utterance(first, "partial", gap, second, "partial")


def test_a_written_text_named_before_the_first_piece_keeps_its_pieces_apart():
    # "In a statement, Ames said: “…”. “…,” she added." : the gap alone reads as speech.
    quotes = laid_out_article(
        "A",
        [
            ("", "We will build it.", "berg", "direct", True),
            (" Berg said on Monday. In a statement, Ames said: “", FIRST, "ames", "direct", True),
            ("” she added. “", SECOND, "ames", "direct", True),
        ],
    )
    items = renderings(quotes)
    assert not any(r.follows_id for r in items)
    spoken = laid_out_article(
        "A",
        [
            ("", "We will build it.", "berg", "direct", True),
            (" Berg said on Monday. On the radio, Ames said: “", FIRST, "ames", "direct", True),
            ("” she added. “", SECOND, "ames", "direct", True),
        ],
    )
    assert [bool(r.follows_id) for r in renderings(spoken)] == [False, False, True]


def test_an_outlet_quoting_the_pieces_as_two_remarks_keeps_them_apart():
    # The seeds' case: "…,” Yoon said. “…,” he added in one outlet; another quotes the
    # same two sentences as two quotes with narration between: two statements.
    a = _split("” Ames said. “")
    b = laid_out_article(
        "B",
        [("", FIRST, "ames", "direct", True), (NARRATION, SECOND, "ames", "direct", True)],
    )
    for order in itertools.permutations("AB"):
        assert statement_groups([*a, *b], order="".join(order)) == [
            ["A:0", "B:0"],
            ["A:1", "B:1"],
        ]


def test_two_outlets_carrying_the_same_pieces_make_one_statement():
    # A wire's "…,” the minister told the agency. “…,” he added, printed by two outlets.
    a = _split("” Ames told the agency. “")
    b = laid_out_article(
        "B",
        [("", FIRST, "ames", "direct", True), ("” she added. “", SECOND, "ames", "direct", True)],
    )
    for order in itertools.permutations("AB"):
        assert statement_groups([*a, *b], order="".join(order)) == [["A:0", "A:1", "B:0", "B:1"]]


def test_a_teaser_takes_no_piece_link():
    # The lead's few words of the remark quoted in full right after stay a rendering of
    # their own (issue 14's seeds), even with only "She said:" between them.
    full = "It will deliver real savings for every commuter in the valley, and soon."
    a = laid_out_article(
        "A",
        [
            ("", "real savings for every commuter.", "ames", "partial", True),
            ("” She said: “", full, "ames", "direct", True),
        ],
    )
    b = laid_out_article("B", [("", full, "ames", "direct", True)])
    assert statement_groups([*a, *b]) == [["A:0"], ["A:1", "B:0"]]


def test_two_speakers_are_never_pieces_of_one_utterance():
    quotes = laid_out_article(
        "A",
        [("", FIRST, "ames", "direct", True), ("” Ames said. “", SECOND, "berg", "direct", True)],
    )
    assert statement_groups(quotes) == [["A:0"], ["A:1"]]
