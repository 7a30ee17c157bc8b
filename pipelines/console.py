"""What ``python -m pipelines run`` prints while a run goes: one line per stage.

A stage is one step of the run (``ingest_files``, ``articles``, ``analysis``, ...). When it
finishes, :class:`StageReporter` prints its name, what it did and how long it took; checks
are counted and shown once, failures at once. A long analysis gets a progress bar (counts,
rate, ETA) on a terminal and a progress line every ``PLAIN_PROGRESS_EVERY_S`` seconds when
the output goes to a file. Nothing here knows Dagster: the run's logger
(``pipelines.defs.run_logger``) turns Dagster events into these calls, and tests call them
directly.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TextIO

# Counts that mean the warehouse changed; a run where all are zero did nothing new.
CHANGE_COUNTS = (
    "files_new",
    "files_changed",
    "files_removed",
    "files_quarantined_new",
    "articles_written",
    "articles_deleted",
    "articles_analysed",
)
PLAIN_PROGRESS_EVERY_S = 30.0  # progress lines when the output is not a terminal
BAR_AFTER_S = 10.0  # no bar when the work left at the first estimate is shorter
BAR_WIDTH = 24
NAME_WIDTH = 19  # "published_warehouse"


def format_duration(seconds: float) -> str:
    """``0.4 s``, ``12.0 s``, ``3m05s``, ``1h02m``."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


@dataclass
class _Stage:
    started: float
    summaries: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    bar_shown: bool = False
    last_plain: float = 0.0
    # Rate and ETA count from the first progress report, not from the step start
    # (which includes loading the spaCy model).
    first_at: float | None = None
    first_done: int = 0
    # A partitioned step reports each part's own counts ("analysis.analyse_03": that
    # shard's done/total); the stage shows their sum against the total its plan step
    # announced, so parts reporting in turn (or at once) do not reset the rate.
    part_done: dict[str, int] = field(default_factory=dict)
    part_total: dict[str, int] = field(default_factory=dict)
    part_words: dict[str, int] = field(default_factory=dict)
    first_words: int = 0
    expected: int | None = None


@dataclass
class StageReporter:
    """Prints stage lines to ``out`` and progress/warnings to ``err``."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    clock: Callable[[], float] = time.monotonic
    tty: bool | None = None  # None: ask ``err``
    _stages: dict[str, _Stage] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _checks_passed: int = 0
    _checks_failed: int = 0
    _checks_s: float = 0.0
    _check_steps: set[str] = field(default_factory=set)
    _run_started: float | None = None
    _bar_on_screen: bool = False

    def __post_init__(self) -> None:
        if self.tty is None:
            self.tty = bool(getattr(self.err, "isatty", lambda: False)())

    # ------------------------------------------------------------ events
    def run_started(self) -> None:
        self._run_started = self.clock()

    def step_started(self, step: str) -> None:
        self._stages[step] = _Stage(started=self.clock())

    def materialized(self, step: str, asset: str, metadata: Mapping[str, object]) -> None:
        """Remember what an asset reported (partitioned assets report once per shard)."""
        stage = self._stage(step)
        summary = metadata.get("summary")
        if isinstance(summary, str) and summary not in stage.summaries:
            stage.summaries.append(summary)
        rows = metadata.get("dagster/row_count")
        if isinstance(rows, int):
            stage.rows[asset] = rows
        for key in CHANGE_COUNTS:
            value = metadata.get(key)
            if isinstance(value, int):
                # Every shard of a partitioned step reports the same step-wide count.
                self._counts[key] = max(self._counts.get(key, 0), value)

    def check_evaluated(
        self, step: str, check: str, asset: str, passed: bool, description: str
    ) -> None:
        self._check_steps.add(step)
        if passed:
            self._checks_passed += 1
            return
        self._checks_failed += 1
        self._print(f"{'CHECK FAILED':<{NAME_WIDTH}} {check} on {asset}: {description}", err=True)

    def expect(self, step: str, total: int) -> None:
        """The whole stage's item count, announced by its plan step before the parts run."""
        self._stage(step).expected = total

    def progress(
        self,
        step: str,
        done: int,
        total: int,
        unit: str = "articles",
        part: str = "",
        words: int = 0,
    ) -> None:
        """``done`` of ``total`` items of ``part`` of ``step`` (``""``: the whole step).

        ``words``: the words of those ``done`` items; when reported, the line shows words/s.
        """
        stage = self._stage(step)
        stage.part_done[part] = done
        stage.part_total[part] = total
        stage.part_words[part] = words
        done = sum(stage.part_done.values())
        words = sum(stage.part_words.values())
        total = max(
            stage.expected if stage.expected is not None else sum(stage.part_total.values()),
            done,
        )
        now = self.clock()
        if stage.first_at is None:
            stage.first_at, stage.first_done, stage.first_words = now, done, words
            return
        elapsed = now - stage.first_at
        if total <= 0 or elapsed <= 0 or done <= stage.first_done:
            return
        rate = (done - stage.first_done) / elapsed
        eta = (total - done) / rate
        if not stage.bar_shown and (done >= total or eta < BAR_AFTER_S):
            return  # short work: a bar would only flicker
        eta_text = format_duration(eta)
        per_s = f"{rate:.1f}/s"
        if words:
            per_s += f"  {(words - stage.first_words) / elapsed:,.0f} words/s"
        counts = f"{done:,}/{total:,} {unit}  {per_s}  ETA {eta_text}"
        if self.tty:
            filled = int(BAR_WIDTH * done / total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.err.write(f"\r{step:<{NAME_WIDTH}} [{bar}] {counts}\x1b[K")
            self.err.flush()
            self._bar_on_screen = True
        elif now - stage.last_plain >= PLAIN_PROGRESS_EVERY_S or not stage.bar_shown:
            self._print(f"{step:<{NAME_WIDTH}} {counts}", err=True)
            stage.last_plain = now
        stage.bar_shown = True

    def step_succeeded(self, step: str, seconds: float | None = None) -> None:
        stage = self._stages.pop(step, None)
        elapsed = seconds if seconds is not None else self._since(stage)
        if stage is None or step in self._check_steps:
            self._checks_s += elapsed
            return
        what = "; ".join(stage.summaries) or ", ".join(
            f"{asset} {n:,} row{'' if n == 1 else 's'}" for asset, n in stage.rows.items()
        )
        self._print(f"{step:<{NAME_WIDTH}} {what or 'done'}  ({format_duration(elapsed)})")

    def step_failed(self, step: str, error: str) -> None:
        stage = self._stages.pop(step, None)
        self._print(
            f"{step:<{NAME_WIDTH}} FAILED after {format_duration(self._since(stage))}: {error}",
            err=True,
        )

    def warning(self, message: str) -> None:
        self._print(f"warning: {message}", err=True)

    def run_finished(self, success: bool) -> None:
        total = self.clock() - self._run_started if self._run_started is not None else None
        checks = self._checks_passed + self._checks_failed
        if checks:
            verdict = f"{self._checks_passed} passed" + (
                f", {self._checks_failed} FAILED" if self._checks_failed else ""
            )
            self._print(f"{'checks':<{NAME_WIDTH}} {verdict}  ({format_duration(self._checks_s)})")
        took = f" in {format_duration(total)}" if total is not None else ""
        if not success:
            self._print(f"run failed{took}", err=True)
            return
        self._print(f"run finished{took}" + (": nothing new" if self.nothing_new() else ""))

    # ------------------------------------------------------------ queries
    def nothing_new(self) -> bool:
        """True when the run reported its change counts and every one was zero."""
        return bool(self._counts) and not any(self._counts.values())

    # ------------------------------------------------------------ helpers
    def _stage(self, step: str) -> _Stage:
        if step not in self._stages:
            self._stages[step] = _Stage(started=self.clock())
        return self._stages[step]

    def _since(self, stage: _Stage | None) -> float:
        return self.clock() - stage.started if stage is not None else 0.0

    def _print(self, line: str, *, err: bool = False) -> None:
        if self._bar_on_screen:
            self.err.write("\r\x1b[K")
            self._bar_on_screen = False
        stream = self.err if err else self.out
        stream.write(line + "\n")
        stream.flush()
