"""Progress of long work as data: counts, rates and an ETA.

Steps report a :class:`Progress` snapshot after every committed batch; the Dagster
layer logs :meth:`Progress.line` and attaches :meth:`Progress.as_metadata` to the
materialisation, and a console renderer can draw a bar from the same numbers. One
source, several views.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a stage is: ``done`` of ``total`` items, ``words`` of text, after ``elapsed_s``."""

    stage: str
    unit: str
    done: int
    total: int
    words: int
    elapsed_s: float

    @property
    def rate(self) -> float:
        """Items per second so far (0 before the first item)."""
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the rate so far; ``None`` until there is a rate."""
        if self.done >= self.total:
            return 0.0
        return (self.total - self.done) / self.rate if self.rate > 0 else None

    def line(self) -> str:
        """One human line: ``analysis 400/2,127 articles (19%) 11.0 articles/s ...``."""
        pct = 100 * self.done / self.total if self.total else 100.0
        eta = "?" if self.eta_s is None else _duration(self.eta_s)
        return (
            f"{self.stage} {self.done:,}/{self.total:,} {self.unit} ({pct:.0f}%) "
            f"{self.rate:.1f} {self.unit}/s {self.words_per_s:,.0f} words/s "
            f"elapsed {_duration(self.elapsed_s)} ETA {eta}"
        )

    def as_metadata(self) -> dict[str, float | int]:
        """Figures for Dagster metadata (numbers, so the UI can plot them across runs)."""
        return {
            f"{self.unit}_done": self.done,
            f"{self.unit}_total": self.total,
            "words": self.words,
            "seconds": round(self.elapsed_s, 2),
            f"{self.unit}_per_s": round(self.rate, 2),
            "words_per_s": round(self.words_per_s, 1),
        }


ProgressCallback = Callable[[Progress], None]


class ProgressMeter:
    """Accumulates counts for one stage and makes :class:`Progress` snapshots."""

    def __init__(
        self,
        stage: str,
        total: int,
        *,
        unit: str = "articles",
        clock: Callable[[], float] = time.perf_counter,
        started: float | None = None,
    ) -> None:
        """``started``: when the stage began, on ``clock`` (default: now)."""
        self.stage, self.unit, self.total = stage, unit, total
        self._clock = clock
        self._start = clock() if started is None else started
        self.done = 0
        self.words = 0

    def advance(self, items: int, words: int) -> Progress:
        """Count ``items`` more done (with ``words`` of text) and return the snapshot."""
        self.done += items
        self.words += words
        return self.snapshot()

    def snapshot(self) -> Progress:
        return Progress(
            self.stage, self.unit, self.done, self.total, self.words, self._clock() - self._start
        )


def _duration(seconds: float) -> str:
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"
