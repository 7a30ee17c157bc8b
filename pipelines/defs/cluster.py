"""The refresh job on a dask.distributed cluster (dagster-dask), and local dask processes.

The job is the project's own ``refresh_warehouse`` with the same assets; only the executor
differs. Every step becomes a dask task: the per-shard steps (``articles.parse_NN``,
``analysis.analyse_NN``) run on any worker, the steps that open the DuckDB working copy
(tagged :data:`~pipelines.defs.runner.WRITER_TAGS`) only on the worker that offers the
resource ``duckdb`` (one, on the machine that holds the working copy), one at a time.

Workers rebuild the job from :func:`cluster_job` with the same resource values, so they
need the same code and model (the project's locked venv) and must see the landing zone,
the stage folder and the Dagster instance at the same paths (a shared filesystem; a
production instance would use Postgres for its storage).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines.defs.automation import full_range_tags
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.defs.run_logger import loggers_config

_RESOURCE_TYPES: dict[str, type[dg.ConfigurableResource]] = {
    "warehouse": WarehouseResource,
    "landing_zone": LandingResource,
    "nlp": NlpResource,
}


def resource_values(resources: Mapping[str, dg.ConfigurableResource]) -> dict[str, dict[str, Any]]:
    """The field values of the project's resources (what a worker needs to rebuild them)."""
    return {
        name: {k: getattr(res, k) for k in type(res).model_fields}
        for name, res in resources.items()
        if name in _RESOURCE_TYPES
    }


class _StepArgs:
    """One step's arguments in a plain object, opaque to dask's task-spec parser.

    dagster-dask 0.29.27 hands ``client.submit`` the run record and the execution state
    as arguments; distributed 2024.12 and later walk every tuple argument (named tuples
    included) looking for futures, and Dagster's records refuse to be iterated ("Iteration
    is not allowed on `@record` RunOpConcurrency"), so every submit fails. Wrapped here,
    the same arguments reach dagster-dask's own worker function unchanged.
    """

    def __init__(self, *args: object) -> None:
        self.args = args


def _run_step(dependencies: list[object], step: _StepArgs) -> Any:
    from dagster_dask.executor import query_on_dask_worker

    return query_on_dask_worker(dependencies, *step.args)


def _dask_executor_class() -> type:
    from dagster._core.execution.plan.plan import ExecutionPlan
    from dagster._utils import iterate_with_context
    from dagster_dask.executor import DaskExecutor, get_dask_resource_requirements
    from distributed import Client, as_completed

    class StepArgsDaskExecutor(DaskExecutor):  # type: ignore[misc]
        """dagster-dask's executor, with each step's arguments wrapped (see ``_StepArgs``).

        The scheduling is dagster-dask's: one dask task per step, submitted level by level
        with its upstream steps' futures as dependencies and the step's
        ``dagster-dask/resource_requirements`` tag as dask resources.
        """

        def execute(self, plan_context: Any, execution_plan: ExecutionPlan) -> Iterator[Any]:
            from dagster._core.errors import raise_execution_interrupts

            if not plan_context.instance.is_persistent:
                raise dg.DagsterInvariantViolationError(
                    "Dask execution requires a persistent DagsterInstance"
                )
            if self.cluster_type == "existing":
                cluster: Any = self.cluster_configuration["address"]
            elif self.cluster_type == "local":
                from distributed import LocalCluster

                cluster = LocalCluster(**self.build_dict(plan_context.job_name))
            else:
                raise dg.DagsterInvariantViolationError(
                    f"cluster type {self.cluster_type!r}: use 'existing' (or 'local')"
                )
            with Client(cluster) as client:
                futures: dict[str, Any] = {}
                for level in execution_plan.get_steps_to_execute_by_level():
                    for step in level:
                        deps = [
                            futures[key]
                            for step_input in step.step_inputs
                            for key in step_input.dependency_keys
                        ]
                        futures[step.key] = client.submit(
                            _run_step,
                            deps,
                            _StepArgs(
                                plan_context.reconstructable_job,
                                plan_context.dagster_run,
                                plan_context.run_config,
                                [step.key],
                                plan_context.instance.get_ref(),
                                execution_plan.known_state,
                            ),
                            key=f"{plan_context.job_name}.{step.key}",
                            resources=get_dask_resource_requirements(step.tags),
                        )
                done = as_completed(list(futures.values()), with_results=True)
                for _, events in iterate_with_context(raise_execution_interrupts, done):
                    yield from events

    return StepArgsDaskExecutor


@dg.executor(
    name="dask",
    requirements=dg.multiple_process_executor_requirements(),
    config_schema={
        "cluster": dg.Field(
            dg.Selector(
                {
                    "existing": dg.Field(
                        {"address": dg.StringSource}, description="A running dask scheduler."
                    ),
                    "local": dg.Field(
                        dg.Permissive(), description="A distributed.LocalCluster (tests)."
                    ),
                }
            )
        )
    },
)
def dask_executor(init_context: dg.InitExecutorContext) -> dg.Executor:
    """dagster-dask's executor (see ``StepArgsDaskExecutor``) on an existing scheduler."""
    ((cluster_type, cluster_config),) = init_context.executor_config["cluster"].items()
    executor: dg.Executor = _dask_executor_class()(cluster_type, cluster_config)
    return executor


def cluster_job(values: dict[str, dict[str, Any]]) -> dg.JobDefinition:
    """``refresh_warehouse`` with the dask executor and these resource values.

    Module-level so dask workers can rebuild it (``build_reconstructable_job``).
    """
    from pipelines.definitions import build_defs

    # A worker rebuilds the job for every step it runs: build it once per process.
    key = json.dumps(values, sort_keys=True)
    if key not in _JOBS:
        resources = {name: _RESOURCE_TYPES[name](**v) for name, v in values.items()}
        defs = build_defs(resources, executor=dask_executor)
        _JOBS[key] = defs.resolve_job_def("refresh_warehouse")
    return _JOBS[key]


_JOBS: dict[str, dg.JobDefinition] = {}


def run_on_cluster(
    address: str,
    resources: Mapping[str, dg.ConfigurableResource],
    instance: dg.DagsterInstance,
    *,
    verbose: bool = False,
) -> dg.ExecutionResult:
    """Run ``refresh_warehouse`` over every shard on the dask scheduler at ``address``.

    ``instance`` must be persistent (workers open it from its reference).
    """
    from pipelines.defs.event_log import one_planned_event_per_asset
    from pipelines.defs.runner import process_tags, reap_dead_runs

    one_planned_event_per_asset()
    reap_dead_runs(instance)
    recon = dg.build_reconstructable_job(
        "pipelines.defs.cluster",
        "cluster_job",
        reconstructable_args=(resource_values(resources),),
    )
    return dg.execute_job(
        recon,
        instance=instance,
        run_config={
            "execution": {"config": {"cluster": {"existing": {"address": address}}}},
            "loggers": loggers_config(verbose=verbose),
        },
        tags={**full_range_tags(), "trigger": "cluster", **process_tags()},
        raise_on_error=False,
    )


# ---------------------------------------------------------------- local dask processes
@dataclass
class DaskProcesses:
    """A ``dask scheduler`` and workers started as OS processes (see :func:`local_dask`)."""

    address: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory of each process and its children so far (Linux ``/proc``)."""
        return {
            log.stem: _tree_peak_rss_mb(p.pid) for p, log in zip(self.procs, self.logs, strict=True)
        }


def _tree_peak_rss_mb(pid: int) -> float:
    """The largest ``VmHWM`` in a process tree (a nanny and the worker process it runs)."""
    parents: dict[int, int] = {}
    peaks: dict[int, float] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("PPid:"):
                parents[int(status.parent.name)] = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peaks[int(status.parent.name)] = int(line.split()[1]) / 1024
    tree, todo = set(), [pid]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo.extend(c for c, parent in parents.items() if parent == p and c not in tree)
    return round(max((peaks.get(p, 0.0) for p in tree), default=0.0), 1)


def _dask(*args: str) -> list[str]:
    # `python -m distributed.cli.dask_X` is what the `dask scheduler` / `dask worker`
    # commands run, with this interpreter: the project's venv.
    return [sys.executable, "-m", *args]


@contextmanager
def local_dask(
    folder: Path,
    *,
    workers: int = 2,
    env: Mapping[str, str] | None = None,
    timeout_s: float = 600.0,
) -> Iterator[DaskProcesses]:
    """Start a scheduler and ``workers`` workers (each its own process); stop them after.

    The first worker offers the resource ``duckdb`` (it runs the writer steps, as the
    machine holding the working copy would). Each worker runs one task at a time
    (Dagster steps are not thread-safe). The processes are stopped (SIGTERM, then
    SIGKILL after 20 s) when the block ends, also on an exception or Ctrl-C.
    """
    folder.mkdir(parents=True, exist_ok=True)
    scheduler_file = folder / "scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    child_env = {**os.environ, **(env or {})}
    procs: list[subprocess.Popen[bytes]] = []
    logs: list[Path] = []

    def start(name: str, cmd: list[str]) -> None:
        log = folder / f"{name}.log"
        logs.append(log)
        with log.open("wb") as out:
            # Own process group: Ctrl-C in the terminal reaches us, and we stop them in
            # order (workers first), rather than everything dying at once.
            procs.append(
                subprocess.Popen(
                    cmd, stdout=out, stderr=subprocess.STDOUT, env=child_env, start_new_session=True
                )
            )

    try:
        start(
            "scheduler",
            _dask(
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--dashboard-address",
                ":0",
                "--scheduler-file",
                str(scheduler_file),
            ),
        )
        deadline = time.monotonic() + timeout_s
        while not scheduler_file.exists():
            _check_alive(procs, logs, deadline, "the scheduler to write its address")
            time.sleep(0.2)
        for i in range(workers):
            extra = ["--resources", "duckdb=1"] if i == 0 else []
            start(
                f"worker-{i + 1}",
                _dask(
                    "distributed.cli.dask_worker",
                    "--scheduler-file",
                    str(scheduler_file),
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--name",
                    f"worker-{i + 1}" + ("-duckdb" if i == 0 else ""),
                    "--dashboard-address",
                    ":0",
                    "--memory-limit",
                    "0",  # the analysis has its own per-article budget; no dask pausing
                    *extra,
                ),
            )
        address = _wait_for_workers(scheduler_file, workers, procs, logs, deadline)
        yield DaskProcesses(address, procs, logs)
    finally:
        stop_processes(procs)


def _check_alive(
    procs: list[subprocess.Popen[bytes]], logs: list[Path], deadline: float, what: str
) -> None:
    for proc, log in zip(procs, logs, strict=True):
        if proc.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"{log.stem} exited with {proc.returncode} ({log}):\n{tail}")
    if time.monotonic() > deadline:
        raise TimeoutError(f"timed out waiting for {what} (logs: {logs[0].parent})")


def _wait_for_workers(
    scheduler_file: Path,
    workers: int,
    procs: list[subprocess.Popen[bytes]],
    logs: list[Path],
    deadline: float,
) -> str:
    from distributed import Client

    with Client(scheduler_file=str(scheduler_file), timeout=30) as client:
        while len(client.scheduler_info(n_workers=-1)["workers"]) < workers:
            _check_alive(procs, logs, deadline, f"{workers} dask workers")
            time.sleep(0.3)
        return str(client.scheduler.address)


def stop_processes(procs: list[subprocess.Popen[bytes]], grace_s: float = 20.0) -> None:
    """SIGTERM each process group we started (workers first), then SIGKILL what is left."""
    for proc in reversed(procs):
        if proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for proc in reversed(procs):
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def steps_by_worker(instance: dg.DagsterInstance, run_id: str) -> dict[str, str]:
    """Where each step of a run ran, from the steps' "ran on ..." log lines."""
    from pipelines.defs.runner import RAN_ON

    out: dict[str, str] = {}
    for record in instance.all_logs(run_id):
        message = record.user_message or ""
        if record.step_key and message.startswith(RAN_ON):
            out.setdefault(record.step_key, message[len(RAN_ON) :])
    return out
