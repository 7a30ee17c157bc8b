"""The run's stage logger routes a partitioned step's progress to one stage, part by part."""

from __future__ import annotations

import io
import logging

from dagster._core.log_manager import LOG_RECORD_METADATA_ATTR

from pipelines.console import StageReporter
from pipelines.defs.run_logger import EXPECTED_EXTRA, PROGRESS_EXTRA, _StageHandler


def _record(step_key: str, **extra: object) -> logging.LogRecord:
    return logging.makeLogRecord(
        {"msg": "line", LOG_RECORD_METADATA_ATTR: {"step_key": step_key}, **extra}
    )


def test_shard_steps_report_into_one_stage_against_the_plans_total() -> None:
    t = [0.0]
    err = io.StringIO()
    reporter = StageReporter(out=io.StringIO(), err=err, clock=lambda: t[0], tty=True)
    handler = _StageHandler(reporter, on_finish=lambda: None)
    handler.emit(_record("analysis.plan", **{EXPECTED_EXTRA: 2000}))
    handler.emit(_record("analysis.analyse_00", **{PROGRESS_EXTRA: (0, 1000, "articles")}))
    t[0] += 100
    handler.emit(_record("analysis.analyse_00", **{PROGRESS_EXTRA: (1000, 1000, "articles")}))
    t[0] += 20
    handler.emit(_record("analysis.analyse_01", **{PROGRESS_EXTRA: (200, 1000, "articles")}))
    last = err.getvalue().split("\r")[-1]
    assert last.startswith("analysis ") and "1,200/2,000 articles  10.0/s  ETA 1m20s" in last


def test_words_logged_with_the_counts_reach_the_console() -> None:
    t = [0.0]
    err = io.StringIO()
    reporter = StageReporter(out=io.StringIO(), err=err, clock=lambda: t[0], tty=True)
    handler = _StageHandler(reporter, on_finish=lambda: None)
    handler.emit(_record("analysis.plan", **{EXPECTED_EXTRA: 1000}))
    handler.emit(_record("analysis.analyse_03", **{PROGRESS_EXTRA: (0, 1000, "articles", 0)}))
    t[0] += 40
    done = (400, 1000, "articles", 160_000)
    handler.emit(_record("analysis.analyse_03", **{PROGRESS_EXTRA: done}))
    last = err.getvalue().split("\r")[-1]
    assert "400/1,000 articles  10.0/s  4,000 words/s  ETA 1m00s" in last, last
