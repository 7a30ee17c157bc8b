"""The per-article time budget, checked inside the analysis stages' long loops.

``run_stage`` (``pipelines.core.analysis``) opens a :func:`deadline` for the time the
article has left; the loops that grow with the article (NER spans, quote candidates,
drafts, spaCy's pipeline components) call :func:`check` once per item, which raises
:class:`BudgetExceeded` when that time is up. So a stage that is slow on one crafted
article stops at the budget instead of running to its end and being recorded after.

Cooperative on purpose: the stop lands between two items, where the stage's own state
is whole (no signal interrupts a half-updated cache), and outside ``run_stage`` there
is no deadline, so the evals and tools never stop. Work inside one item (one spaCy
component over the whole text, one regular expression) still runs to its end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

Clock = Callable[[], float]
T = TypeVar("T")


class BudgetExceeded(BaseException):
    """The article's time is up.

    A ``BaseException``, like ``KeyboardInterrupt``: a stage's ``except Exception`` that
    goes on past one bad item must not swallow the stop.
    """


@dataclass(frozen=True, slots=True)
class _Deadline:
    at: float
    clock: Clock


# Per thread and per context: a worker pool's threads each analyse their own article.
_CURRENT: ContextVar[_Deadline | None] = ContextVar("article_deadline", default=None)


@contextmanager
def deadline(seconds: float | None, clock: Clock = time.perf_counter) -> Iterator[None]:
    """Within the block, :func:`check` raises once ``seconds`` have passed on ``clock``.

    ``None`` sets no deadline (an enclosing one still holds).
    """
    if seconds is None:
        yield
        return
    token = _CURRENT.set(_Deadline(clock() + seconds, clock))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def check() -> None:
    """Raise :class:`BudgetExceeded` when the current deadline has passed (cheap otherwise)."""
    d = _CURRENT.get()
    if d is not None and d.clock() > d.at:
        raise BudgetExceeded


def checked(items: Iterable[T]) -> Iterator[T]:
    """``items``, calling :func:`check` before each one (for a loop's ``for``)."""
    for item in items:
        check()
        yield item
