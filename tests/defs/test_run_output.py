"""``python -m pipelines run`` over the seeds: the output a person reads, end to end."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS

pytestmark = pytest.mark.slow

STAGES = ["ingest_files", "articles", "analysis", "entity_tables"]
STAGE_LINE = re.compile(r"^(\S+)\s+(.+)  \((\d+\.\d s|\d+m\d\ds)\)$")


def _run(tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEWS_WAREHOUSE": str(tmp_path / "warehouse.duckdb"),
        "NEWS_LANDING": str(tmp_path / "landing"),
        "NEWS_ENTITY_OVERRIDES": str(tmp_path / "no_overrides.toml"),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines", "run", *flags],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    return proc


def _stage_lines(stdout: str) -> list[re.Match[str]]:
    return [m for line in stdout.splitlines() if (m := STAGE_LINE.match(line))]


def test_run_prints_a_line_per_stage_then_nothing_new(tmp_path: Path) -> None:
    (tmp_path / "landing").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, tmp_path / "landing" / seed.name)

    first = _run(tmp_path)
    stages = _stage_lines(first.stdout)
    names = [m.group(1) for m in stages]
    assert names[: len(STAGES)] == STAGES and names[-1] == "checks", names
    assert "report" in names and (tmp_path / "report.html").is_file()
    by_name = {m.group(1): m.group(2) for m in stages}
    assert by_name["ingest_files"].startswith("2 files: 2 new")
    assert by_name["analysis"].startswith("2 articles analysed:")
    assert re.match(r"\d+ passed$", by_name["checks"])
    assert "run finished in" in first.stdout and "nothing new" not in first.stdout
    # Dagster's event log stays out of the console.
    assert "DEBUG" not in first.stdout + first.stderr
    assert "STEP_SUCCESS" not in first.stdout + first.stderr
    # Nor duckdb's binding library's leak report at exit (objects frozen for the analysis).
    assert "nanobind" not in first.stderr, first.stderr
    assert len(first.stdout.splitlines()) < 40, first.stdout
    assert "top speakers" in first.stdout

    again = _run(tmp_path, "--verbose")
    assert re.search(r"^run finished in .*: nothing new$", again.stdout, re.M), again.stdout
    assert "0 new, 0 changed, 0 removed" in again.stdout, again.stdout
    # A page rewritten here names the charts that changed and where they were drawn from.
    assert re.search(r"^report\s+report\.html: .*\(unchanged\)", again.stdout, re.M), (
        f"{again.stdout}\n{again.stderr[-4000:]}"
    )
    # --verbose: Dagster's event log too (the colored console logger writes to stderr).
    assert "STEP_SUCCESS" in again.stderr and "RUN_SUCCESS" in again.stderr
