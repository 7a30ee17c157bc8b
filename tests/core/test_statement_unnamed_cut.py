"""Statements: a partial naming nobody joins a same-story full quote naming nobody that prints it.

When the extractor names no speaker on either side (a description it could not resolve,
"the spokesman said"), a reporter's few quoted words that another report's full quote
prints word for word, in order, are that quote's words: four words or more, two content
words, one word not among the commonest (as for a partial quoted back). Every example is
made up for these tests; each condition has a must-not-merge case.
"""

from __future__ import annotations

import itertools

import pytest

from tests.core.statements_helpers import made_up_quote, statement_groups

FULL = "It was only ever a temporary fix for the harbour wall, and the money has now run out"


@pytest.mark.parametrize(
    "part",
    [
        pytest.param("only ever a temporary fix", id="opening-words"),
        pytest.param("a temporary fix for the harbour wall", id="middle-words"),
    ],
)
def test_a_partial_naming_nobody_joins_the_full_quote_naming_nobody(part):
    quotes = [
        made_up_quote("A", 0, FULL, None, True),
        made_up_quote("B", 0, part, None, True, kind="partial"),
    ]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, order="".join(order)) == [["A:0", "B:0"]]


@pytest.mark.parametrize(
    ("full", "part", "one_story"),
    [
        pytest.param(FULL, "a temporary fix for the harbour", False, id="another-story"),
        # Every word among the commonest: a phrase anyone says.
        pytest.param(
            "We said it was the right thing to do at the time",
            "the right thing to do",
            True,
            id="everyday-words",
        ),
        # The words are in the quote, but not word for word.
        pytest.param(FULL, "a temporary harbour fix", True, id="not-word-for-word"),
        # Three words are too few.
        pytest.param(FULL, "temporary fix for", True, id="too-short"),
    ],
)
def test_a_partial_naming_nobody_stays_apart(full, part, one_story):
    quotes = [
        made_up_quote("A", 0, full, None, True),
        made_up_quote("B", 0, part, None, True, kind="partial"),
    ]
    assert statement_groups(quotes, one_story=one_story) == [["A:0"], ["B:0"]]
