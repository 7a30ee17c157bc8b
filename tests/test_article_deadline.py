"""The per-article budget stops a slow stage inside its loops, not after it returns.

Time here is a counting clock (each read moves it one second), so every figure is a
count of checks: nothing waits and nothing depends on how busy the machine is.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.core import analysis
from pipelines.core import nlp as nlp_mod
from pipelines.core.analysis import (
    BUDGET_EXCEEDED,
    Analyser,
    TextItem,
    analyse_doc,
    run_stage,
)
from pipelines.core.deadline import BudgetExceeded, check, deadline
from pipelines.core.entities import EntityResolver
from pipelines.core.models import AnalysisFailure, ArticleAnalysis
from pipelines.core.quotes import extract_quotes_and_skips


class Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def _spin(counter: list[int], *, swallow: bool) -> None:
    """A stage that never ends by itself: one check per item, items without end."""
    while True:
        try:
            check()
            counter[0] += 1
        except Exception:  # a stage that skips bad items must still stop at the budget
            if not swallow:
                raise


@pytest.mark.parametrize("swallow", [False, True], ids=["plain", "except-Exception"])
@pytest.mark.parametrize(("budget", "spent", "most"), [(10.0, 0.0, 10), (10.0, 4.0, 6)])
def test_a_stage_without_end_stops_at_what_the_article_has_left(
    swallow: bool, budget: float, spent: float, most: int
) -> None:
    items = [0]
    out, total, failure = run_stage(
        "a1", "quotes", budget, spent, lambda: _spin(items, swallow=swallow), clock=Ticks()
    )
    assert out is None and failure is not None
    assert (failure.article_id, failure.stage, failure.error_type) == (
        "a1",
        "quotes",
        "BudgetExceeded",
    )
    assert "stopped" in failure.message and f"budget of {budget:g} s" in failure.message
    # Stopped within the seconds left (one clock read per item), not one item later.
    assert 0 < items[0] <= most
    assert failure.elapsed_s == total > budget


def test_an_article_already_over_budget_stops_at_its_next_stages_first_item() -> None:
    items = [0]
    _, _, failure = run_stage(
        "a1", "authors", 5.0, 7.0, lambda: _spin(items, swallow=False), clock=Ticks()
    )
    assert failure is not None and failure.error_type == BUDGET_EXCEEDED and items == [0]


def test_without_a_budget_nothing_stops() -> None:
    def count_to(n: int) -> int:
        for _ in range(n):
            check()
        return n

    assert run_stage("a1", "quotes", None, 0.0, count_to, 500, clock=Ticks()) == (500, 1.0, None)
    assert count_to(500) == 500  # outside any stage (evals, tools): no deadline at all
    with deadline(None):
        assert count_to(500) == 500


def test_an_inner_deadline_ends_with_its_block() -> None:
    clock = Ticks()
    with deadline(3.0, clock), pytest.raises(BudgetExceeded):
        for _ in range(10):
            check()
    check()  # the block is over: no deadline left behind


# ------------------------------------------------------------------ the real stages


def _article(n: int) -> str:
    """``n`` paragraphs, each a named person saying a quoted sentence."""
    return "\n\n".join(
        f"Mayor Ann Lee said “the bridge over canal {i} opens on Tuesday” to the council."
        for i in range(n)
    )


@pytest.fixture(scope="module")
def parsed(nlp: Any, resolver: EntityResolver) -> tuple[str, Any, Any]:
    body = _article(40)
    doc = nlp(body)
    ents = resolver.resolve_article(
        body, nlp_mod.ner_spans(doc), list(nlp_mod.sentence_bounds(doc))
    )
    return body, doc, ents


def _entities(p: tuple[str, Any, Any], resolver: EntityResolver) -> object:
    body, doc, _ = p
    return resolver.resolve_article(
        body, nlp_mod.ner_spans(doc), list(nlp_mod.sentence_bounds(doc))
    )


def _quotes(p: tuple[str, Any, Any], resolver: EntityResolver) -> object:
    _, doc, ents = p
    return extract_quotes_and_skips(doc, ents.mentions)


@pytest.mark.parametrize("stage", [_entities, _quotes], ids=["entities", "quotes"])
def test_the_stages_check_once_per_item(stage: Any, parsed: Any, resolver: EntityResolver) -> None:
    # Unlimited: the clock is read at least once per paragraph's name or quotation ...
    clock = Ticks()
    with deadline(1e9, clock):
        stage(parsed, resolver)
    assert clock.now >= 1 + 40
    # ... so a budget of a few items stops the stage inside its loops.
    with deadline(5.0, Ticks()), pytest.raises(BudgetExceeded):
        stage(parsed, resolver)


def test_an_injected_slow_stage_is_recorded_as_over_budget(
    nlp: Any, resolver: EntityResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = TextItem("a1", _article(2))
    doc = nlp(item.body)
    analyser = Analyser(nlp=nlp, resolver=resolver)
    ok = analyse_doc(item, doc, analyser, budget_s=1e6, clock=Ticks())
    assert isinstance(ok, ArticleAnalysis) and len(ok.quotes) == 2

    items = [0]
    monkeypatch.setattr(
        analysis, "extract_quotes_and_skips", lambda doc, mentions: _spin(items, swallow=False)
    )
    out = analyse_doc(item, doc, analyser, budget_s=200.0, clock=Ticks())
    assert isinstance(out, AnalysisFailure)
    assert (out.stage, out.error_type) == ("quotes", BUDGET_EXCEEDED)
    assert 0 < items[0] < 200 and out.elapsed_s > 200.0
