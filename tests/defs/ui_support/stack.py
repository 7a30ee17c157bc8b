"""A real Dagster deployment in temporary folders: code server, webserver, daemon.

``dagster dev`` starts the same three processes, but its daemon evaluates the landing
sensor (default RUNNING) the moment the code location loads, and that run would compete
with the one the test launches. Starting them one by one lets the test stop the sensor and
the schedule through the webserver's GraphQL API before the daemon starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.defs.runner import DAGSTER_YAML

# The code location name `make ui` (dg dev) uses: pyproject's [tool.dg.project].
LOCATION = tomllib.loads((Path(__file__).resolve().parents[3] / "pyproject.toml").read_text())[
    "tool"
]["dg"]["project"]["code_location_name"]
REPOSITORY = "__repository__"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StackError(AssertionError):
    """A bounded wait ran out or the deployment misbehaved (message carries the log tail)."""


@dataclass
class DagsterStack:
    repo: Path
    tmp: Path
    venv_bin: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.home = self.tmp / "dagster_home"
        self.home.mkdir()
        (self.home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
        self.landing = self.tmp / "landing"
        self.landing.mkdir()
        for seed in sorted((self.repo / "seeds").glob("*.txt")):
            shutil.copyfile(seed, self.landing / seed.name)
        self.warehouse = self.tmp / "warehouse.duckdb"
        self.grpc_port = free_port()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workspace = self.tmp / "workspace.yaml"
        self.workspace.write_text(
            "load_from:\n"
            "  - grpc_server:\n"
            "      host: 127.0.0.1\n"
            f"      port: {self.grpc_port}\n"
            f"      location_name: {LOCATION}\n",
            encoding="utf-8",
        )
        self.log_path = self.tmp / "dagster.log"
        self._log = self.log_path.open("ab")
        self.env = {
            **os.environ,
            "DAGSTER_HOME": str(self.home),
            "NEWS_WAREHOUSE": str(self.warehouse),
            "NEWS_LANDING": str(self.landing),
            "PYTHONUNBUFFERED": "1",
        }

    # -- processes -----------------------------------------------------------------------

    def _start(self, name: str, *args: str) -> None:
        self._log.write(f"\n===== starting {name}: {' '.join(args)}\n".encode())
        self._log.flush()
        self.procs[name] = subprocess.Popen(
            [str(self.venv_bin / args[0]), *args[1:]],
            cwd=self.repo,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: stop() kills its children too
        )

    def start_code_server_and_webserver(self) -> None:
        # Create the instance's SQLite storages once, before three processes race to create
        # and stamp them ("more than one head present" from the daemon, seen under load).
        subprocess.run(
            [str(self.venv_bin / "dagster"), "instance", "migrate"],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        self._start(
            "code-server",
            "dagster",
            "code-server",
            "start",
            "-m",
            "pipelines.definitions",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.grpc_port),
            "--location-name",
            LOCATION,
        )
        self._start(
            "webserver",
            "dagster-webserver",
            "-w",
            str(self.workspace),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
        )

    def start_daemon(self) -> None:
        self._start("daemon", "dagster-daemon", "run", "-w", str(self.workspace))

    def stop(self) -> None:
        for _name, proc in reversed(list(self.procs.items())):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        deadline = time.monotonic() + 15
        for proc in self.procs.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        for proc in self.procs.values():
            # Children (run workers) may outlive their leader: kill the whole group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        self._log.close()

    def log_tail(self, chars: int = 6000) -> str:
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return text[-chars:]

    def check_alive(self) -> None:
        for name, proc in self.procs.items():
            if proc.poll() is not None:
                raise StackError(
                    f"{name} exited with {proc.returncode}\n--- log tail ---\n{self.log_tail()}"
                )

    # -- GraphQL -------------------------------------------------------------------------

    def graphql(self, query: str, variables: dict[str, object] | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            payload = json.load(resp)
        if payload.get("errors"):
            raise StackError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def wait_until(self, what: str, predicate, timeout_s: float, interval_s: float = 1.0):
        """Poll ``predicate`` until it returns a truthy value; fail with the log tail."""
        deadline = time.monotonic() + timeout_s
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                value = predicate()
            except (OSError, urllib.error.URLError, StackError) as exc:
                last_error, value = exc, None
            if value:
                return value
            time.sleep(interval_s)
        raise StackError(
            f"timed out after {timeout_s:.0f}s waiting for {what}"
            f" (last error: {last_error!r})\n--- log tail ---\n{self.log_tail()}"
        )

    # -- the few GraphQL calls the test needs ---------------------------------------------

    def location_loaded(self) -> bool:
        data = self.graphql(
            "{ workspaceOrError { ... on Workspace { locationEntries { name"
            " locationOrLoadError { __typename } } } } }"
        )
        entries = data["workspaceOrError"].get("locationEntries") or []
        return any(
            e["name"] == LOCATION
            and (e["locationOrLoadError"] or {}).get("__typename") == "RepositoryLocation"
            for e in entries
        )

    def stop_automation(self) -> dict[str, str]:
        """Stop every sensor and schedule (they default to RUNNING); returns name -> status."""
        repo = self.graphql(
            "query($sel: RepositorySelector!) { repositoryOrError(repositorySelector: $sel) {"
            " __typename ... on Repository {"
            " sensors { name sensorState { id } } schedules { name scheduleState { id } } } } }",
            {"sel": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY}},
        )["repositoryOrError"]
        if repo["__typename"] != "Repository":
            raise StackError(f"repository not loaded: {repo}")
        statuses: dict[str, str] = {}
        for sensor in repo["sensors"]:
            res = self.graphql(
                "mutation($id: String) { stopSensor(id: $id) { __typename"
                " ... on StopSensorMutationResult { instigationState { status } }"
                " ... on PythonError { message } } }",
                {"id": sensor["sensorState"]["id"]},
            )["stopSensor"]
            statuses[sensor["name"]] = (res.get("instigationState") or {}).get("status", str(res))
        for schedule in repo["schedules"]:
            res = self.graphql(
                "mutation($id: String) { stopRunningSchedule(id: $id) { __typename"
                " ... on ScheduleStateResult { scheduleState { status } }"
                " ... on PythonError { message } } }",
                {"id": schedule["scheduleState"]["id"]},
            )["stopRunningSchedule"]
            statuses[schedule["name"]] = (res.get("scheduleState") or {}).get("status", str(res))
        return statuses

    def run_status(self, run_id: str) -> str:
        res = self.graphql(
            "query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }",
            {"id": run_id},
        )["runOrError"]
        return str(res.get("status") or res["__typename"])

    def runs(self) -> list[dict]:
        data = self.graphql(
            "{ runsOrError { ... on Runs { results { runId status jobName"
            " tags { key value } } } } }"
        )
        return list(data["runsOrError"]["results"])
