"""Rules added since the last fuzz run stay linear on crafted input.

Each helper is timed on an input of size n and of size 4n (twenty calls, best of five, so
a busy machine adds noise but not a trend): linear work grows about 4x (up to ~5x where
the regular-expression engine's stack grows), a quadratic scan 16x. The bound is the
ratio, never an absolute time. Each faster form is also checked to
answer exactly as the plain form it replaced.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_MAX_RATIO = 8.0


def _best_of_five(fn: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(20):
            fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(fn: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    small = _best_of_five(fn, make(n))
    large = _best_of_five(fn, make(4 * n))
    return large / max(small, 1e-6)


# --- statements: sentence splitting of a gap between two quotes ---------------------------

_PLAIN_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)")


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "He said" + "." * n + "x later.",  # a run of stops glued to a word
        lambda n: ("!?;" * (n // 3)) + "no",
        lambda n: ". ." * (n // 3) + "." * n + "end",
    ],
    ids=["dots-then-word", "mixed-stops", "spaced-then-glued"],
)
def test_sentence_split_grows_linearly_with_runs_of_stops(make: Callable[[int], str]) -> None:
    from pipelines.core.stories.statements import _SENTENCE_END

    assert _growth(_SENTENCE_END.split, make, 10_000) < _MAX_RATIO


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?; \nab", max_size=40))
def test_sentence_split_answers_as_the_plain_pattern(text: str) -> None:
    from pipelines.core.stories.statements import _SENTENCE_END

    assert _SENTENCE_END.split(text) == _PLAIN_SENTENCE_END.split(text)
