"""Rules added since the last fuzz run stay linear on crafted input.

A helper's time on a crafted input of 20,000 characters is compared with the time of one
linear pass of the regular-expression engine over the same text (a single-character
class), the two measured in turn (best of seven rounds), so a busy machine weighs on both
alike. A linear helper costs a few such passes; the quadratic forms they replaced cost
thousands (a run of n marks re-tried from each mark). The bound is that ratio, never an
absolute time. Each faster form is also checked to answer exactly as the plain form it
replaced.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_MAX_PASSES = 50.0
_SIZE = 20_000
_ONE_PASS = re.compile(r"[.!?;,'’\s-]")


def _passes(fn: Callable[[str], object], text: str) -> float:
    """``fn(text)``'s time in linear passes over ``text`` (best of seven rounds each)."""
    spent = {"fn": float("inf"), "pass": float("inf")}
    for _ in range(7):
        for key, call in (("fn", fn), ("pass", _ONE_PASS.findall)):
            t0 = time.perf_counter()
            for _ in range(5):
                call(text)
            spent[key] = min(spent[key], time.perf_counter() - t0)
    return spent["fn"] / max(spent["pass"], 1e-7)


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
def test_sentence_split_is_linear_in_runs_of_stops(make: Callable[[int], str]) -> None:
    from pipelines.core.stories.statements import _SENTENCE_END

    assert _passes(_SENTENCE_END.split, make(_SIZE)) < _MAX_PASSES


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?; \nab", max_size=40))
def test_sentence_split_answers_as_the_plain_pattern(text: str) -> None:
    from pipelines.core.stories.statements import _SENTENCE_END

    assert _SENTENCE_END.split(text) == _PLAIN_SENTENCE_END.split(text)


# --- quotes: an organisation's name as an echo ("the Big Machine's," -> "Big Machine") ----

_PLAIN_ECHO_EDGE = re.compile(r"^(?:the\s+)|(?:['’]s?|[,.;:\s-])+$", re.IGNORECASE)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Big Machine" + ", " * (n // 2) + "x",  # a run of edge marks, then a word
        lambda n: "the " + "'s" * (n // 2) + "end",
        lambda n: ("- ; " * (n // 4) + "A") * 2,
    ],
    ids=["commas-then-word", "possessives-then-word", "two-runs"],
)
def test_echo_name_is_linear_in_runs_of_edge_marks(make: Callable[[int], str]) -> None:
    from pipelines.core.quotes.resolve import _echo_name

    assert _passes(_echo_name, make(_SIZE)) < _MAX_PASSES


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="theTHEsS'’,.;:- \nx", max_size=30))
def test_echo_name_answers_as_the_plain_pattern(text: str) -> None:
    from pipelines.core.quotes.resolve import _echo_name

    assert _echo_name(text) == _PLAIN_ECHO_EDGE.sub("", text)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("the Big Machine's", "Big Machine"),
        ("The Valley Post’s,", "Valley Post"),
        ("Acme Holdings -", "Acme Holdings"),
        ("theatre group", "theatre group"),
        ("Boss'", "Boss"),
    ],
)
def test_echo_name_strips_the_edges_of_a_name(surface: str, name: str) -> None:
    from pipelines.core.quotes.resolve import _echo_name

    assert _echo_name(surface) == name


# --- quotes: single marks outside double-quoted spans ------------------------------------


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
    st.lists(st.integers(-2, 90), max_size=20),
)
def test_spans_cover_as_a_scan_of_every_span(
    spans: list[tuple[int, int]], probes: list[int]
) -> None:
    from pipelines.core.quotes.candidates import _Spans

    pairs = [(a, a + w) for a, w in spans]
    union = _Spans(pairs)
    for pos in probes:
        assert union.covers(pos) == any(a <= pos < b for a, b in pairs)


def test_single_marks_among_double_quotes_cost_a_bisection_each() -> None:
    from pipelines.core.quotes.candidates import _Spans

    calls = 0

    class Counting(list):  # type: ignore[type-arg]
        def __getitem__(self, i):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return super().__getitem__(i)

    for n in (1_000, 4_000):
        union = _Spans([(10 * i, 10 * i + 4) for i in range(n)])
        union._ends = Counting(union._ends)
        calls = 0
        for pos in range(0, 10 * n, 3):
            union.covers(pos)
        # one look at the spans per question, however many spans the line holds
        assert calls <= len(range(0, 10 * n, 3))
