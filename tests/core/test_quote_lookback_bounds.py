"""A quote's look-back stays bounded on text without line breaks.

Pronoun and description look-backs read a window of lines before the quote; on a crafted
file or a page extracted as one line that window was the whole article, so each quote
rescanned it (quadratic: 417k characters of quotes took 94 s in the quote stage). Work
is counted in function calls (``sys.setprofile``), not wall-clock time, so the growth
test is deterministic on a busy machine.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.core import nlp as nlp_mod
from pipelines.core.entities import EntityResolver
from pipelines.core.models import PERSON, Mention
from pipelines.core.quotes import _view, extract_quotes_and_skips
from pipelines.core.quotes.resolve import MentionIndex
from tests.core.work_count import count_calls

_NAMES = ("Alma Torvik", "Bruno Falke", "Cora Nibbs", "Dario Quell", "Edna Parrow")


def _one_line_article(n: int) -> str:
    parts = []
    for i in range(n):
        name = _NAMES[i % len(_NAMES)]
        parts.append(
            f"“We will look at scheme {i} again,” {name} said. “It matters to us,” he added."
        )
    return " ".join(parts)


def _quote_stage_calls(nlp: Any, resolver: EntityResolver, n: int) -> int:
    text = _one_line_article(n)
    doc = nlp(text)
    found = resolver.resolve_article(text, nlp_mod.ner_spans(doc), nlp_mod.sentence_bounds(doc))
    return count_calls(extract_quotes_and_skips, doc, found.mentions)


def test_quote_stage_grows_linearly_on_one_line_of_quotes(
    nlp: Any, resolver: EntityResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small articles keep the test quick; the window cap is scaled down with them so
    # the one-line article is many windows long, as a 1 MB line is at the real cap.
    monkeypatch.setattr(_view, "WINDOW_MAX_CHARS", 600)
    _quote_stage_calls(nlp, resolver, 5)  # rules and tables load once, on the first call
    small, large = (_quote_stage_calls(nlp, resolver, n) for n in (60, 240))
    assert large / small < 5.5, (small, large)  # 4x the quotes: ~4x the work, not ~16x


def test_window_is_cut_to_its_characters_on_one_line(nlp: Any) -> None:
    text = "word " * 4000
    view = _view.DocView(nlp.make_doc(text))
    at = len(text) - 10
    assert view.window_start(at, 4) == at - _view.WINDOW_MAX_CHARS
    assert view.window_start(100, 4) == 0


def test_window_of_short_lines_is_its_lines(nlp: Any) -> None:
    text = "\n".join(f"Line {i} says little." for i in range(20))
    view = _view.DocView(nlp.make_doc(text))
    at = view.line_starts[10] + 3
    assert view.window_start(at, 4) == view.line_starts[6]


def _mentions(spans: list[tuple[int, int]]) -> MentionIndex:
    ms = sorted(
        (Mention(f"e{i}", "x", a, a + w, PERSON) for i, (a, w) in enumerate(spans)),
        key=lambda m: (m.start, m.end),
    )
    return MentionIndex(ms, " " * 400)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=30),
    st.integers(0, 360),
    st.integers(0, 40),
)
def test_mention_walks_answer_as_the_plain_scans(
    spans: list[tuple[int, int]], a: int, width: int
) -> None:
    index = _mentions(spans)
    b = a + width
    k = bisect_left(index.starts, a)
    assert list(index.before(a)) == [m for m in reversed(index.mentions[:k]) if m.end <= a]
    lo = bisect_left(index.starts, a - 200)
    assert index.overlapping(a, b) == [m for m in index.mentions[lo:] if m.start < b and m.end > a]
