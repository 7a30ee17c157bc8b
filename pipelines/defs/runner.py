"""Run the refresh job in-process against a Dagster instance (``make run``).

The run is recorded in the ``DAGSTER_HOME`` instance, so it appears in ``make ui`` next to
runs launched from the UI. Its console output is the ``stages`` logger's one line per stage
(Dagster's own event log with ``verbose``).
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs.automation import full_range_tags
from pipelines.defs.run_logger import loggers_config

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
    home = settings.dagster_home().resolve()  # Dagster wants an absolute path
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
    force: bool = False,
    verbose: bool = False,
) -> dg.ExecuteInProcessResult:
    """Materialise every asset over every shard in one run.

    Args:
        instance: Dagster instance (default: the one in ``DAGSTER_HOME``).
        definitions: the Definitions to run (default: the project's).
        raise_on_error: raise the first step error instead of returning a failed result.
        run_config: extra run config (merged; ``force`` and the loggers are set here).
        force: redo every file and article even if its version is current.
        verbose: print Dagster's event log as well as the stage lines.
    """
    if definitions is None:
        from pipelines.definitions import defs as definitions

    if instance is None:
        ensure_dagster_home()
        instance = dg.DagsterInstance.get()
    job = definitions.resolve_job_def("refresh_warehouse")
    config: dict[str, object] = dict(run_config or {})
    if force:
        ops = dict(config.get("ops") or {})  # type: ignore[call-overload]
        for step in ("articles", "analysis"):
            ops[step] = {"config": {"force": True}}
        config["ops"] = ops
    config.setdefault("loggers", loggers_config(verbose=verbose))
    return job.execute_in_process(
        instance=instance,
        run_config=config,
        tags={**full_range_tags(), "trigger": "cli"},
        raise_on_error=raise_on_error,
    )
