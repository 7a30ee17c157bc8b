"""Run the refresh job in-process against a Dagster instance (``make run``).

The run is recorded in the ``DAGSTER_HOME`` instance, so it appears in ``make ui`` next to
runs launched from the UI. Its console output is the ``stages`` logger's one line per stage
(Dagster's own event log with ``verbose``).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.defs import event_log
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
    event_log.install(home)
    return home


# Who runs a run's steps: set by every step when it starts (and by the CLI), so a later
# process can tell a run whose process is gone (kill -9, OOM) from one still working.
PID_TAG = "news/pid"
HOST_TAG = "news/host"
START_TAG = "news/proc_start"
_LIVE = (dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING)


def _proc_start(pid: int) -> str | None:
    """Start time of process ``pid`` (clock ticks since boot), None if there is none.

    Compared with the value recorded at the step's start, so a recycled pid is not
    taken for the process that died.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its ')'.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else None


def process_tags() -> dict[str, str]:
    """Tags naming this process (see ``PID_TAG``)."""
    pid = os.getpid()
    return {PID_TAG: str(pid), HOST_TAG: socket.gethostname(), START_TAG: _proc_start(pid) or ""}


# Steps that open the DuckDB working copy. On a dask cluster they need the worker that
# offers the resource "duckdb" (started with `--resources duckdb=1`, on the machine with
# the working copy): one such worker runs them one at a time, as the pool does in-process.
WRITER_TAGS = {"dagster-dask/resource_requirements": '{"duckdb": 1}'}
RAN_ON = "ran on "  # the start of the log line naming where a step ran (the demo reads it)


def where_this_runs() -> str:
    """The dask worker's address when inside one, else host and process id."""
    try:
        from distributed import get_worker

        return f"dask worker {get_worker().address} (pid {os.getpid()})"
    except (ImportError, ValueError):
        return f"{socket.gethostname()} pid {os.getpid()}"


def mark_worker(context: dg.OpExecutionContext | dg.AssetExecutionContext, what: str = "") -> None:
    """Log where this step runs (a per-shard step may run on any machine)."""
    context.log.info(f"{RAN_ON}{where_this_runs()}" + (f" ({what})" if what else ""))


# Fault injection for the killed-run tests: a step named here waits at its start until the
# process is killed, so a kill lands inside it even when the step itself takes milliseconds.
HOLD_AT_STEP_ENV = "PIPELINES_HOLD_AT_STEP"


def _hold_if_asked(
    context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext | dg.OpExecutionContext,
) -> None:
    held = os.environ.get(HOLD_AT_STEP_ENV)
    if not held:
        return
    op = getattr(context, "op_execution_context", context)
    if str(op.op_handle) != held:
        return
    context.log.warning(f"holding at step {held} until killed ({HOLD_AT_STEP_ENV} is set)")
    while True:
        time.sleep(1)


def mark_step_process(
    context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext | dg.OpExecutionContext,
) -> None:
    """Keep the run's process tags true at each step start (in-process runs only).

    A run launched with process tags (``run_refresh``: ``make run``) executes its steps
    in that process. Runs the daemon launches run each step in a child process that
    exits after the step while the run goes on, so their step pids say nothing about
    the run: they get no tags, are never judged here, and are left to Dagster's own
    run monitoring.
    """
    context.log.info(f"{RAN_ON}{where_this_runs()}")
    _hold_if_asked(context)
    if context.run.tags.get(PID_TAG) != str(os.getpid()):
        return  # a daemon's step process, or a dask worker: the launcher's tags stand
    context.instance.add_run_tags(context.run.run_id, process_tags())


def shares_run_process(context: dg.OpExecutionContext) -> bool:
    """Whether this step runs in the process that launched the run (``run_refresh``).

    Only then do the later steps share this step's resources (the analysis pool): a
    daemon's step processes and dask workers get their own, torn down after the step.
    """
    return context.run.tags.get(PID_TAG) == str(os.getpid())


def reap_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Fail runs whose process is gone and free the ``duckdb`` pool slots they held.

    A run killed with SIGKILL (or by the OOM killer) never reports its end, so its pool
    slot stays claimed and the next run waits forever ("Step blocked by limit for pool
    duckdb"). Only runs started on this machine with our process tags are judged; the
    process is dead when no process has that pid and start time. The next run, the
    sensor and the schedule call this first.

    Returns:
        The ids of the runs marked failed.
    """
    reaped = []
    host = socket.gethostname()
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=list(_LIVE))):
        pid, started = run.tags.get(PID_TAG), run.tags.get(START_TAG)
        if not pid or run.tags.get(HOST_TAG) != host or not pid.isdigit():
            continue
        if started and _proc_start(int(pid)) == started:
            continue  # still running
        instance.report_run_failed(
            run,
            message=f"Process {pid} running this run is gone (killed: kill -9 or out of "
            "memory); marked failed and its pool slots freed by a later run.",
        )
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped.append(run.run_id)
    return reaped


def reap_dead_runs_of(
    context: dg.SensorEvaluationContext | dg.ScheduleEvaluationContext,
) -> list[str]:
    """:func:`reap_dead_runs` on the context's instance (none in a bare test context)."""
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:
        return []  # evaluated without an instance (unit tests): no runs to judge
    return reap_dead_runs(instance)


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
    event_log.one_planned_event_per_asset()
    for run_id in reap_dead_runs(instance):
        logging.getLogger(__name__).warning(
            "run %s had died (its process is gone): marked failed, pool slot freed", run_id
        )
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
        tags={**full_range_tags(), "trigger": "cli", **process_tags()},
        raise_on_error=raise_on_error,
    )
