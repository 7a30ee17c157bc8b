"""Statements: the parts of one utterance inside one article (fragments, continuations).

Every example is made up for these tests; each linking rule has a must-not-merge case.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from pipelines.core.stories import StatementQuote, renderings
from pipelines.core.stories.statements import fragment_of, teasers
from tests.core.statements_helpers import laid_out_article, statement_groups


def _groups(quotes: Sequence[StatementQuote], order: str | None = None) -> list[list[str]]:
    """Statements as sorted quote ids, articles inserted in ``order`` (one story)."""
    return statement_groups(quotes, order=order)


FULL = "The new bridge will deliver real savings for every commuter in the valley, and soon."
NARRATION = " The council meets again on Tuesday to vote on the budget for the next three years. "


SHORT = "It will deliver real savings."


def test_a_short_quote_repeated_inside_a_longer_one_joins_it():
    # A short quote early in the article, repeated inside the longer quote holding it
    # further down; another outlet carries the longer one: one statement of three
    # quotes, in any insertion order.
    quotes = [
        *laid_out_article(
            "A",
            [
                ("", SHORT, "ames", "direct", True),
                (NARRATION, FULL, "ames", "direct", True),
            ],
        ),
        *laid_out_article("B", [("", FULL, "ames", "direct", True)]),
    ]
    expected = [["A:0", "A:1", "B:0"]]
    for order in itertools.permutations("AB"):
        assert _groups(quotes, "".join(order)) == expected


def test_a_repeated_short_quote_alone_joins_the_quote_holding_it():
    # Nothing elsewhere: the two quotes are still one utterance.
    quotes = laid_out_article(
        "A", [("", SHORT, "ames", "direct", True), (NARRATION, FULL, "ames", "direct", True)]
    )
    assert _groups(quotes) == [["A:0", "A:1"]]


def test_a_partial_teaser_stays_its_own_statement():
    # The seeds' rule (issue 14: the four pairs are four statements of two quotes each):
    # a lead's few quoted words of a remark quoted in full later stay a rendering of
    # their own.
    quotes = [
        *laid_out_article(
            "A",
            [
                ("", "deliver real savings", "ames", "partial", True),
                (NARRATION, FULL, "ames", "direct", True),
            ],
        ),
        *laid_out_article("B", [("", FULL, "ames", "direct", True)]),
    ]
    assert _groups(quotes) == [["A:0"], ["A:1", "B:0"]]


def test_another_outlets_short_line_joins_the_full_quote_not_the_teaser():
    # The teaser takes no link of its own: the other outlet's few words, which repeat it
    # exactly, join the full quote that holds them (one story, as ``_groups`` links).
    quotes = [
        *laid_out_article(
            "A",
            [
                ("", "deliver real savings", "ames", "partial", True),
                (NARRATION, FULL, "ames", "direct", True),
            ],
        ),
        *laid_out_article("B", [("", "deliver real savings", "ames", "partial", True)]),
    ]
    for order in itertools.permutations("AB"):
        assert _groups(quotes, "".join(order)) == [["A:0"], ["A:1", "B:0"]]


def test_a_teaser_naming_nobody_is_a_teaser_too():
    # The extractor named nobody for the lead's few words ("the mayor called it a
    # “…”"): they are still the words of the full quote further down that prints them,
    # so the other outlet's cue-tied partial joins that quote, not the teaser.
    quotes = [
        *laid_out_article(
            "A",
            [
                ("", "deliver real savings", None, "partial", True),
                (NARRATION, FULL, "ames", "direct", True),
            ],
        ),
        *laid_out_article("B", [("", "deliver real savings", "ames", "partial", True)]),
    ]
    for order in itertools.permutations("AB"):
        assert _groups(quotes, "".join(order)) == [["A:0"], ["A:1", "B:0"]]


def test_a_partial_naming_nobody_after_the_full_quote_or_apart_from_it_is_no_teaser():
    # Only words a later full quote holds as one run: a partial after the quote, or one
    # whose words the quote holds spread out, is free to link.
    after = laid_out_article(
        "A",
        [
            ("", FULL, "ames", "direct", True),
            (NARRATION, "deliver real savings", None, "partial", True),
        ],
    )
    spread = laid_out_article(
        "A",
        [
            ("", "real savings deliver", None, "partial", True),
            (NARRATION, FULL, "ames", "direct", True),
        ],
    )
    before = laid_out_article(
        "A",
        [
            ("", "deliver real savings", None, "partial", True),
            (NARRATION, FULL, "ames", "direct", True),
        ],
    )
    assert not teasers(renderings(after))
    assert not teasers(renderings(spread))
    assert len(teasers(renderings(before))) == 1


def test_a_partial_before_another_speakers_or_another_remark_is_no_teaser():
    # Only the same speaker's later full quote holding the words as one run makes a
    # teaser: another speaker's, or words spread out, leave the partial free to link.
    quotes = [
        *laid_out_article(
            "A",
            [
                ("", "deliver real savings", "ames", "partial", True),
                (NARRATION, FULL, "berg", "direct", True),
            ],
        ),
        *laid_out_article("B", [("", "deliver real savings", "ames", "partial", True)]),
    ]
    assert _groups(quotes) == [["A:0", "B:0"], ["A:1"]]


def test_what_is_not_a_fragment_stays_apart():
    # Another remark with the same words spread out ("we are telling the truth" /
    # "we are telling the voters the truth"); the same words from another speaker; a
    # one-word fragment; an equal line quoted twice (a refrain said again later).
    said = "We are telling the voters in this town the truth about the budget."
    quotes = laid_out_article(
        "A",
        [
            ("", "We are telling the truth.", "ames", "direct", True),
            (NARRATION, said, "ames", "direct", True),
            (NARRATION, "Real savings.", "berg", "direct", True),
            (NARRATION, FULL, "ames", "direct", True),
            (NARRATION, "Savings!", "ames", "direct", True),
            (NARRATION, FULL, "ames", "direct", True),
        ],
    )
    items = renderings(quotes)
    assert not any(fragment_of(p, w) for p in items for w in items)
    assert _groups(quotes) == [[f"A:{n}"] for n in range(6)]


def test_a_fragment_found_in_two_remarks_joins_neither():
    # A catchphrase the speaker repeats in two different answers: it cannot tell which
    # one it repeats, and the two answers must not merge through it.
    quotes = laid_out_article(
        "A",
        [
            ("", "The most valuable player.", "ames", "direct", True),
            (
                NARRATION,
                "He was the most valuable player of that team for years.",
                "ames",
                "direct",
                True,
            ),
            (
                NARRATION,
                "She called herself the most valuable player of the campaign.",
                "ames",
                "direct",
                True,
            ),
        ],
    )
    assert _groups(quotes) == [["A:0"], ["A:1"], ["A:2"]]


def test_an_uncued_quote_after_a_long_attribution_continues_the_passage():
    # "…,” Ames told the Gazette of the plans for the valley. “…” is one passage even
    # past 60 characters; so is one whose speaker the extractor could not name.
    attribution = "” Jo Ames told the Valley Gazette of the plans for the bridge. “"
    assert len(attribution) > 60
    first, second = "The bridge will open in the spring,", "It will change the whole valley."
    named = renderings(
        laid_out_article(
            "A",
            [("", first, "ames", "direct", True), (attribution, second, "ames", "direct", False)],
        )
    )
    nameless = renderings(
        laid_out_article(
            "A", [("", first, None, "direct", True), (attribution, second, None, "direct", False)]
        )
    )
    assert [r.quote_ids for r in named] == [("A:0", "A:1")]
    assert [r.quote_ids for r in nameless] == [("A:0", "A:1")]


def test_an_uncued_quote_after_narration_or_with_a_cue_starts_anew():
    first, second = "The bridge will open in the spring,", "It will change the whole valley."
    narrated = renderings(
        laid_out_article(
            "A", [("", first, None, "direct", True), (NARRATION, second, None, "direct", False)]
        )
    )
    cued = renderings(
        laid_out_article(
            "A",
            [
                ("", first, None, "direct", True),
                ("” a spokesman said. “", second, None, "direct", True),
            ],
        )
    )
    other = renderings(
        laid_out_article(
            "A",
            [
                ("", first, "ames", "direct", True),
                ("” Ames said. “", second, "berg", "direct", False),
            ],
        )
    )
    for items in (narrated, cued, other):
        assert [r.quote_ids for r in items] == [("A:0",), ("A:1",)]


# Two excerpts of one speech, each closed, the second opening the next paragraph.
FIRST = "Nothing in this job prepares you for the weight of sending people into danger."
SECOND = "I can tell you that no one has ever been better prepared for this office than her."


def _two_paragraphs():
    return laid_out_article(
        "A",
        [("", FIRST, "ames", "direct", True), ("”\n\n“", SECOND, "ames", "direct", False)],
    )


def test_a_quote_closed_and_reopened_in_the_next_paragraph_is_a_new_remark():
    # Two excerpts of one speech, each closed, the second opening the next paragraph with
    # nothing between: two remarks (the speaker carries over). Another outlet quoting
    # only the second links to it alone, not to the first.
    a = _two_paragraphs()
    assert [r.quote_ids for r in renderings(a)] == [("A:0",), ("A:1",)]
    b = laid_out_article("B", [("", SECOND, "ames", "direct", True)])
    assert _groups([*a, *b]) == [["A:0"], ["A:1", "B:0"]]
    # With its attribution between them it is still a rendering of its own, but it
    # follows the first: alone they are one statement (test_statement_paragraph_pieces).
    joined = laid_out_article(
        "A",
        [
            ("", FIRST, "ames", "direct", True),
            ("” she will say.\n\n“", SECOND, "ames", "direct", False),
        ],
    )
    first, second = renderings(joined)
    assert (first.quote_ids, second.quote_ids) == (("A:0",), ("A:1",))
    assert second.follows_id == first.rendering_id
    assert _groups(joined) == [["A:0", "A:1"]]


def test_a_rendering_holding_both_paragraphs_takes_both():
    # The two paragraphs may be one remark after all: an outlet quoting both in one
    # quote joins them (they are one passage, as a quote split by its attribution is).
    a = _two_paragraphs()
    c = laid_out_article("C", [("", f"{FIRST} {SECOND}", "ames", "direct", True)])
    assert _groups([*a, *c]) == [["A:0", "A:1", "C:0"]]
