"""The ``stages`` logger: turns a run's Dagster events into one console line per stage.

Why a logger: the console output of a run comes from the run's loggers, chosen by the run
config's ``loggers`` section (Dagster's ``colored_console_logger`` at DEBUG when none is
chosen, which is ~170 event lines for a refresh). ``logging.getLogger("dagster")`` is not
that logger, so setting its level changes nothing. ``python -m pipelines run`` selects only
this logger (plus the console logger with ``--verbose``); runs launched from the UI, the
sensor or the schedule choose none and keep Dagster's defaults. The event log in the UI is
written by the instance, whatever loggers a run uses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import dagster as dg
from dagster._core.log_manager import LOG_RECORD_METADATA_ATTR

from pipelines.console import StageReporter

Ev = dg.DagsterEventType
# context.log.info(..., extra={PROGRESS_EXTRA: (done, total, unit, words)})
PROGRESS_EXTRA = "news_progress"
EXPECTED_EXTRA = "news_expected"  # context.log.info(..., extra={EXPECTED_EXTRA: total})


def log_progress(
    log: dg.DagsterLogManager,
    line: str,
    done: int,
    total: int,
    unit: str = "articles",
    words: int = 0,
) -> None:
    """Log ``line`` to the event log and hand the counts to the ``stages`` logger's bar."""
    log.info(line, extra={PROGRESS_EXTRA: (done, total, unit, words)})


def log_expected(log: dg.DagsterLogManager, line: str, total: int) -> None:
    """Log ``line`` and announce the stage's whole item count to the ``stages`` logger.

    A partitioned step's parts each report their own counts; the console sums them
    against this total (see ``StageReporter.progress``).
    """
    log.info(line, extra={EXPECTED_EXTRA: total})


def _value(v: Any) -> object:
    return getattr(v, "value", v)


class _StageHandler(logging.Handler):
    def __init__(self, reporter: StageReporter, on_finish: Callable[[], object]) -> None:
        super().__init__(level=logging.DEBUG)
        self.reporter = reporter
        self.on_finish = on_finish

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._dispatch(record)
        except Exception:  # a console glitch must never fail the run
            self.handleError(record)

    def _dispatch(self, record: logging.LogRecord) -> None:
        meta = getattr(record, LOG_RECORD_METADATA_ATTR, None) or {}
        step_key = meta.get("step_key") or ""
        # A graph-backed asset's steps ("articles.plan", "articles.parse_03",
        # "articles.load") are one stage: it starts with the first and ends with "load".
        step, _, part = step_key.partition(".")
        progress = getattr(record, PROGRESS_EXTRA, None)
        if progress is not None:
            done, total, unit, *words = progress  # (done, total, unit): no words counted
            self.reporter.progress(step, done, total, unit, part=part, words=sum(words))
            return
        expected = getattr(record, EXPECTED_EXTRA, None)
        if expected is not None:
            self.reporter.expect(step, expected)
        event = meta.get("dagster_event")
        if event is None:
            if record.levelno >= logging.WARNING:
                self.reporter.warning(str(meta.get("orig_message") or record.getMessage()))
            return
        kind = event.event_type
        data = event.event_specific_data
        if kind == Ev.RUN_START:
            self.reporter.run_started()
        elif kind == Ev.STEP_START:
            if not part or part == "plan":
                self.reporter.step_started(step)
        elif kind == Ev.ASSET_MATERIALIZATION:
            mat = data.materialization
            self.reporter.materialized(
                step,
                mat.asset_key.to_user_string(),
                {k: _value(v) for k, v in (mat.metadata or {}).items()},
            )
        elif kind == Ev.ASSET_CHECK_EVALUATION:
            self.reporter.check_evaluated(
                step,
                data.check_name,
                data.asset_key.to_user_string(),
                bool(data.passed),
                data.description or "",
            )
        elif kind == Ev.STEP_SUCCESS:
            if not part:
                self.reporter.step_succeeded(step, data.duration_ms / 1000)
            elif part == "load":
                self.reporter.step_succeeded(step)  # from the stage's first step
        elif kind == Ev.STEP_FAILURE:
            self.reporter.step_failed(step_key, _error_text(data.error))
        elif kind in (Ev.RUN_SUCCESS, Ev.RUN_FAILURE):
            self.reporter.run_finished(kind == Ev.RUN_SUCCESS)
            self.on_finish()
        elif record.levelno >= logging.WARNING:
            self.reporter.warning(str(meta.get("orig_message") or record.getMessage()))


def _error_text(error: Any) -> str:
    """The error's message and its causes' messages on one line (no traceback)."""
    parts = []
    while error is not None:
        message = (getattr(error, "message", "") or "").strip().splitlines()
        if message:
            parts.append(message[-1] if message[-1] else message[0])
        error = getattr(error, "cause", None)
    return " <- ".join(parts) or "unknown error"


# Dagster builds a run's loggers more than once (run-level and step-level log managers);
# the stage lines need one reporter per run to see every event.
_REPORTERS: dict[str, StageReporter] = {}


@dg.logger(description="One line per stage with counts and time; a progress bar on analysis.")
def stages_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    run_id = init_context.run_id or ""
    reporter = _REPORTERS.setdefault(run_id, StageReporter())
    log = logging.Logger("news_warehouse.stages", level=logging.DEBUG)
    log.addHandler(_StageHandler(reporter, on_finish=lambda: _REPORTERS.pop(run_id, None)))
    return log


def loggers_config(*, verbose: bool) -> dict[str, object]:
    """Run config ``loggers`` for the command line: stage lines, plus Dagster's log if verbose."""
    chosen: dict[str, object] = {"stages": {}}
    if verbose:
        chosen["console"] = {"config": {"log_level": "DEBUG"}}
    return chosen


LOGGERS = {"console": dg.colored_console_logger, "stages": stages_logger}
