"""Run the refresh job in-process against a Dagster instance (``make run``).

With ``DAGSTER_HOME`` set, the run is recorded in that instance, so it appears in
``make ui`` next to runs launched from the UI.
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.automation import full_range_tags

DAGSTER_YAML = """\
# Written by `python -m pipelines`; edit freely.
# Every writing asset is in the "duckdb" pool: DuckDB allows one writer per file.
concurrency:
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home() -> Path:
    """Use ``$DAGSTER_HOME`` (default ``data/dagster_home``), creating its config."""
    home = Path(os.environ.get("DAGSTER_HOME") or settings.REPO_ROOT / "data" / "dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def run_refresh(
    *,
    instance: dg.DagsterInstance | None = None,
    definitions: dg.Definitions | None = None,
    raise_on_error: bool = True,
    run_config: dict[str, object] | None = None,
) -> dg.ExecuteInProcessResult:
    """Materialise every asset over every shard in one run."""
    if definitions is None:
        from pipelines.definitions import defs as definitions

    if instance is None:
        ensure_dagster_home()
        instance = dg.DagsterInstance.get()
    job = definitions.resolve_job_def("refresh_warehouse")
    return job.execute_in_process(
        instance=instance,
        run_config=run_config,
        tags={**full_range_tags(), "trigger": "cli"},
        raise_on_error=raise_on_error,
    )
