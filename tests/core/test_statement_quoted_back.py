"""Statements: a partial quoted back in another story joins the remark it prints word for word.

A reporter's few words of a remark ("said the town was "a truly splendid ferry stop"") in
an article the stories step put in another story, or undated, refer to the same speaker's
full quote that holds every one of those words in order, contractions spelled out ("we're"
is "we are"). Only at most two days apart, only four words or more with one that is not
among the commonest (a stock phrase recurs), and only when no second remark of the speaker
holds the words too (a slogan cannot tell which remark it quotes). Every example is made up
for these tests; each condition has a must-not-merge case.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from pipelines.core.stories import (
    Rendering,
    StatementIndex,
    group_renderings,
    link_new_renderings,
    renderings,
)
from pipelines.core.stories.statements import expand_contractions
from tests.core.statements_helpers import made_up_quote, statement_groups

FULL = (
    "It was a hard winter for all of us, but we're a very proud harbour town now and "
    "the ferries run again every morning"
)
DAY = dt.date(2016, 5, 1)


@pytest.mark.parametrize(
    ("part", "days"),
    [
        pytest.param("we are a very proud harbour town now", 0, id="contraction-spelled-out"),
        pytest.param("a very proud harbour town", 1, id="a-day-apart"),
        pytest.param("the ferries run again every morning", None, id="undated"),
        # two content words are enough when four words or more are printed word for word
        pytest.param("we're a very proud", 2, id="two-content-words"),
    ],
)
def test_a_partial_in_another_story_joins_the_full_quote_holding_its_words(part, days):
    quotes = [
        made_up_quote("A", 0, FULL, "ames", True),
        made_up_quote("B", 0, part, "ames", True, kind="partial"),
    ]
    dates = {} if days is None else {"A": DAY, "B": DAY + dt.timedelta(days=days)}
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, one_story=False, dates=dates, order="".join(order)) == [
            ["A:0", "B:0"]
        ]


@pytest.mark.parametrize(
    ("full", "part", "speaker", "kind", "days"),
    [
        # three days on, the speaker may have said the line again at another event
        pytest.param(FULL, "a very proud harbour town", "ames", "partial", 3, id="three-days"),
        # the commonest words only: a stock phrase anyone says on any occasion
        pytest.param(
            "We will keep working hard to make this country great again for every family",
            "make this country great again",
            "ames",
            "partial",
            0,
            id="stock-phrase",
        ),
        pytest.param(FULL, "proud harbour town", "ames", "partial", 0, id="three-words"),
        # the words agree but not in one run: a rewording is not a quote printed back
        pytest.param(FULL, "a proud harbour town again", "ames", "partial", 0, id="not-in-order"),
        # another person's words
        pytest.param(FULL, "a very proud harbour town", "berg", "partial", 0, id="other-speaker"),
        # a full quote of a few words is a line of its own, not a reporter's reference
        pytest.param(FULL, "a very proud harbour town", "ames", "direct", 0, id="full-quote"),
    ],
)
def test_a_short_quote_in_another_story_stays_apart(full, part, speaker, kind, days):
    quotes = [
        made_up_quote("A", 0, full, "ames", True),
        made_up_quote("B", 0, part, speaker, True, kind=kind),
    ]
    dates = {"A": DAY, "B": DAY + dt.timedelta(days=days)}
    assert statement_groups(quotes, one_story=False, dates=dates) == [["A:0"], ["B:0"]]


SLOGAN = "the tide will turn for the harbour"
FIRST = f"After a long year of closures I can promise you {SLOGAN} and its fishing fleet"
SECOND = f"Ask the ferry crews what they expect this summer: {SLOGAN}, they say, every day"


def test_a_slogan_two_remarks_hold_joins_neither():
    quotes = [
        made_up_quote("A", 0, FIRST, "ames", True),
        made_up_quote("B", 0, SECOND, "ames", True),
        made_up_quote("C", 0, SLOGAN, "ames", True, kind="partial"),
    ]
    dates = dict.fromkeys("ABC", DAY)
    for order in itertools.permutations("ABC"):
        assert statement_groups(quotes, one_story=False, dates=dates, order="".join(order)) == [
            ["A:0"],
            ["B:0"],
            ["C:0"],
        ]
    # One remark holding it: the partial joins that one.
    assert statement_groups(quotes[::2], one_story=False, dates=dates) == [["A:0", "C:0"]]


def _groups_with_stories(quotes, story_of: dict[str, str]) -> list[list[str]]:
    """Statements when articles of one label in ``story_of`` are one story (same day)."""
    items = renderings(quotes)
    by_article: dict[str, list[Rendering]] = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    index, links = StatementIndex(), []
    for a in sorted(by_article):
        new, index = link_new_renderings(
            {a: by_article[a]},
            index,
            lambda x: {y for y in by_article if y != x and story_of[y] == story_of[x]},
            dict.fromkeys(by_article, DAY),
        )
        links += new
    by_id = {r.rendering_id: r for r in items}
    return sorted(
        sorted(q for rid in g for q in by_id[rid].quote_ids) for g in group_renderings(items, links)
    )


def test_a_partial_its_own_story_ties_to_one_remark_takes_no_second():
    # C quotes the slogan in A's story (the short-line rule links them); B, another
    # story's remark holding the slogan too, does not join through C.
    quotes = [
        made_up_quote("A", 0, FIRST, "ames", True),
        made_up_quote("B", 0, SECOND, "ames", True),
        made_up_quote("C", 0, SLOGAN, "ames", True, kind="partial"),
    ]
    assert _groups_with_stories(quotes, {"A": "s1", "C": "s1", "B": "s2"}) == [
        ["A:0", "C:0"],
        ["B:0"],
    ]


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("We're here", "we are here"),
        ("they can't, we won't, you cannot", "they can not, we will not, you can not"),
        ("I didn’t say I’d go", "i did not say i would go"),
        ("I'm sure we'll see, we've seen", "i am sure we will see, we have seen"),
        ("it's the mayor's town", "it the mayor town"),
        ("O'Neill", "o'neill"),
    ],
)
def test_contractions_are_spelled_out(text, spelled):
    assert expand_contractions(text) == spelled
