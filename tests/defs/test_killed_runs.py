"""Issue 9 row 3: a run killed with SIGKILL in any step never blocks the next one.

Real processes: ``python -m pipelines run`` (what ``make run`` does) in a fresh
``DAGSTER_HOME``, killed with SIGKILL as soon as Dagster records the start of the chosen
step; the next ``python -m pipelines run`` must finish (its predecessor's ``duckdb`` pool
slot is freed) and leave every table as a clean build does.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from pipelines.defs.runner import DAGSTER_YAML, HOLD_AT_STEP_ENV
from pipelines.warehouse.writer import Warehouse
from tests.conftest import REPO
from tests.tables import comparable_tables

pytestmark = pytest.mark.slow

RUN_TIMEOUT_S = 900  # a run over the seeds takes ~20 s idle; a blocked one never ends


def _env(tmp: Path, name: str) -> dict[str, str]:
    home = tmp / f"{name}_dagster"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    return {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEWS_LANDING": str(tmp / "landing"),
        "NEWS_WAREHOUSE": str(tmp / f"{name}.duckdb"),
        "NEWS_ENTITY_OVERRIDES": str(tmp / "no_overrides.toml"),
    }


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines", "run"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )


def _tables(env: dict[str, str]) -> dict[str, list[tuple[object, ...]]]:
    with Warehouse(Path(env["NEWS_WAREHOUSE"])).session() as s:
        return comparable_tables(s)


@pytest.fixture(scope="module")
def landing_and_clean(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("killed")
    (tmp / "landing").mkdir()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copyfile(seed, tmp / "landing" / seed.name)
    env = _env(tmp, "clean")
    done = _run(env)
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp, _tables(env)


def _kill_at_step(env: dict[str, str], step: str) -> None:
    # A step that takes milliseconds can end (and the run succeed) between two polls:
    # such a step waits at its start until killed, so the kill always lands inside it.
    held = {HOLD_AT_STEP_ENV: step} if step in INSTANT_STEPS else {}
    # Create the instance's storage before the run does: two processes setting up a fresh
    # SQLite storage at once can both stamp its schema ("alembic_version has more than
    # one head", seen under load).
    instance = dg.DagsterInstance.from_config(env["DAGSTER_HOME"])
    instance.get_runs(limit=1)
    child = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "run"],
        cwd=REPO,
        env={**env, **held},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: set[str] = set()
    try:
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while time.monotonic() < deadline and child.poll() is None:
            for run in instance.get_runs(limit=1):
                for rec in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_START):
                    seen.add(rec.step_key or "")
            if step in seen:
                os.kill(child.pid, signal.SIGKILL)
                break
            time.sleep(0.2)
    finally:
        if child.poll() is None and step not in seen:
            child.kill()
        child.wait(timeout=60)
    assert step in seen, f"step {step!r} never started (saw {sorted(seen)})"
    assert child.returncode == -signal.SIGKILL


# The report step only writes the page its drawing (made while publishing) holds.
INSTANT_STEPS = {"report"}

# Every asset step of the job, and a blocking check (each holds the duckdb pool slot).
# ``articles`` and ``analysis`` are graphs (plan, per-shard steps, load): killed as their
# loaders start, when the stage holds the run's parsed files or analysed batches (the next
# run drops the former and reuses the latter).
STEPS = [
    "ingest_files",
    "articles.load",
    "analysis.plan",
    "analysis.load",
    "entity_tables",
    "stories",
    "statements",
    "published_warehouse",
    "report",
    "ingest_files_every_landed_file_accounted",
]


def test_steps_cover_every_asset_step() -> None:
    from pipelines.definitions import defs

    repo = defs.get_repository_def()
    asset_steps = {assets.node_def.name for assets in repo.assets_defs_by_key.values()}
    covered = {step.split(".")[0] for step in STEPS}
    assert asset_steps <= covered, sorted(asset_steps - covered)


@pytest.mark.parametrize("step", STEPS)
def test_next_run_completes_after_sigkill(landing_and_clean, step: str) -> None:  # type: ignore[no-untyped-def]
    tmp, clean = landing_and_clean
    env = _env(tmp, f"killed_{step}")
    _kill_at_step(env, step)
    done = _run(env)
    assert done.returncode == 0, done.stderr[-3000:]
    instance = dg.DagsterInstance.from_config(env["DAGSTER_HOME"])
    statuses = [r.status for r in instance.get_runs()]
    assert statuses[0] == dg.DagsterRunStatus.SUCCESS
    assert dg.DagsterRunStatus.FAILURE in statuses  # the killed run, reaped
    assert _tables(env) == clean
