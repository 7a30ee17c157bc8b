"""``make bench``'s account of a run's wall time around its per-shard analysis steps."""

from __future__ import annotations

import pytest

from pipelines.tools.bench import _account


def test_the_account_splits_the_run_around_the_per_shard_analysis_steps():
    spans = [
        (1.0, 2.0, "ingest_files"),
        (2.5, 3.0, "analysis.plan"),
        (3.5, 10.0, "analysis.analyse_00"),
        (10.0, 20.0, "analysis.analyse_0f"),
        (20.2, 21.0, "analysis.load"),
        (21.0, 24.0, "stories"),
    ]
    a = _account(spans, start=0.0, end=25.0, startup={"work_waited_for_workers_s": 0.4})
    assert (a.before, a.analysis, a.after) == (3.5, 16.5, 5.0)
    assert a.before + a.analysis + a.after == 25.0
    # No step runs 0-1, 2-2.5 and 3-3.5 before; 20-20.2 and 24-25 after.
    assert a.idle_before == pytest.approx(2.0)
    assert a.idle_after == pytest.approx(1.2)
    assert a.startup == {"work_waited_for_workers_s": 0.4}


def test_overlapping_steps_count_once_as_busy():
    spans = [(0.0, 4.0, "a"), (1.0, 2.0, "b"), (3.0, 6.0, "c"), (6.0, 7.0, "analysis.analyse_00")]
    a = _account(spans, start=0.0, end=9.0, startup={})
    assert a.idle_before == pytest.approx(0.0)
    assert (a.after, a.idle_after) == (2.0, 2.0)


def test_a_run_without_analysis_steps_is_all_before():
    a = _account([(0.5, 1.0, "ingest_files")], start=0.0, end=2.0, startup={})
    assert (a.before, a.analysis, a.after) == (2.0, 0.0, 0.0)
    assert a.idle_before == pytest.approx(1.5)
