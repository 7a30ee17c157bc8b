"""Statements: a quote with no cue opening the paragraph after an attributed quote.

"…,” Ames told the Gazette. ⏎ “…” carries Ames over to the second quote, but the second may
be her next answer as well as more of the same one. It is a rendering of its own, its
speaker still tied, linked to the first below every link across articles: alone, or quoted
by outlets on one side only, the two are one statement; two outlets quoting them apart (one
each, none both) keep them apart; one outlet holding both joins them. Every example is made
up for these tests.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories import renderings
from tests.core.statements_helpers import laid_out_article, statement_groups

FIRST = (
    "The new ferry terminal felt nothing like the old one, with brighter halls and louder crowds,"
)
SECOND = "It is the first season our small harbour has welcomed ships of this size from abroad."

ATTRIBUTED_BREAKS = [
    "” Jo Ames told the Harbour Gazette.\n\n“",
    "” she said on Monday.\n\n“",
    "” Ames said in an interview.\r\n\r\n“",
    "” said Jo Ames, the harbour master.\n“",
]


def _article(gap: str, speaker: str | None = "ames"):
    return laid_out_article(
        "A", [("", FIRST, speaker, "direct", True), (gap, SECOND, speaker, "direct", False)]
    )


def _groups(quotes, order=None):
    return statement_groups(quotes, order=order)


@pytest.mark.parametrize("gap", ATTRIBUTED_BREAKS)
def test_the_next_paragraphs_quote_is_a_rendering_of_its_own_that_follows(gap):
    first, second = renderings(_article(gap))
    assert (first.quote_ids, second.quote_ids) == (("A:0",), ("A:1",))
    assert second.follows_id == first.rendering_id and second.follows_over_paragraph
    assert second.passage == first.passage
    # The speaker carried over is still the one the first quote's cue tied.
    assert second.firm and second.speaker_entity_id == "ames"


@pytest.mark.parametrize("gap", ["” Jo Ames told the Harbour Gazette. “", "” she said, “"])
def test_without_a_paragraph_break_it_stays_one_rendering(gap):
    assert [r.quote_ids for r in renderings(_article(gap))] == [("A:0", "A:1")]


@pytest.mark.parametrize("gap", ATTRIBUTED_BREAKS)
def test_alone_the_two_paragraphs_are_one_statement(gap):
    assert _groups(_article(gap)) == [["A:0", "A:1"]]


@pytest.mark.parametrize("gap", ATTRIBUTED_BREAKS)
@pytest.mark.parametrize("quoted", [FIRST, SECOND])
def test_an_outlet_quoting_one_paragraph_keeps_them_together(gap, quoted):
    b = laid_out_article("B", [("", quoted, "ames", "direct", True)])
    assert _groups([*_article(gap), *b]) == [["A:0", "A:1", "B:0"]]


@pytest.mark.parametrize("gap", ATTRIBUTED_BREAKS)
def test_two_outlets_quoting_the_paragraphs_apart_keep_them_apart(gap):
    # One outlet quotes the first answer, another the second, none both: two remarks, in
    # any insertion order.
    b = laid_out_article("B", [("", FIRST, "ames", "direct", True)])
    c = laid_out_article("C", [("", SECOND, "ames", "direct", True)])
    quotes = [*_article(gap), *b, *c]
    for order in itertools.permutations("ABC"):
        assert _groups(quotes, order="".join(order)) == [["A:0", "B:0"], ["A:1", "C:0"]]


@pytest.mark.parametrize("gap", ATTRIBUTED_BREAKS)
def test_an_outlet_holding_both_paragraphs_joins_them(gap):
    b = laid_out_article("B", [("", FIRST, "ames", "direct", True)])
    c = laid_out_article("C", [("", SECOND, "ames", "direct", True)])
    d = laid_out_article("D", [("", f"{FIRST} {SECOND}", "ames", "direct", True)])
    quotes = [*_article(gap), *b, *c, *d]
    for order in ("ABCD", "DCBA", "CADB"):
        assert _groups(quotes, order=order) == [["A:0", "A:1", "B:0", "C:0", "D:0"]]
