"""``make cluster-demo``: the BBC corpus through a real dask.distributed cluster on this machine.

Starts a ``dask scheduler`` and two ``dask worker`` processes (each its own OS process,
with this venv; the first offers the resource ``duckdb`` and so runs the writer steps),
runs ``refresh_warehouse`` through them with dagster-dask's executor into one warehouse,
runs the same job in-process into another, and prints where every step ran, both run
times and whether every table is identical (row for row, time columns aside). The dask
processes are stopped at the end, also after a failure or Ctrl-C. Prints SKIP (status 2)
when the corpus is absent.
"""

from __future__ import annotations

import argparse
import shutil
import time
from collections import defaultdict
from pathlib import Path

import dagster as dg

from pipelines import settings


def _resources(folder: Path, corpus: Path, workers: int) -> dict[str, dg.ConfigurableResource]:
    from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource

    return {
        "warehouse": WarehouseResource(path=str(folder / "warehouse.duckdb")),
        "landing_zone": LandingResource(repo_root=str(settings.REPO_ROOT), landing_dir=str(corpus)),
        "nlp": NlpResource(
            model=settings.spacy_model(),
            overrides_path=str(folder / "no_overrides.toml"),
            workers=workers,
        ),
    }


def _instance(folder: Path) -> dg.DagsterInstance:
    from pipelines.defs.runner import DAGSTER_YAML

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    return dg.DagsterInstance.local_temp(tempdir=str(folder))


def _corpus(src: Path, dst: Path, limit: int) -> int:
    """The corpus's article files (not its READMEs), or its first ``limit`` of them."""
    files = sorted(p for p in src.rglob("*.txt") if p.name.upper() != "README.TXT")
    if limit:
        files = files[:limit]
    for f in files:
        out = dst / f.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, out)
    return len(files)


def _where(steps: dict[str, str]) -> list[str]:
    """Steps per worker: per-shard steps counted, the others named."""
    by_worker: dict[str, list[str]] = defaultdict(list)
    for step, where in sorted(steps.items()):
        by_worker[where.split(" (pid")[0]].append(step)
    lines = []
    for worker, names in sorted(by_worker.items()):
        shard = [n for n in names if ".parse_" in n or ".analyse_" in n]
        other = [n for n in names if n not in shard]
        lines.append(f"  {worker}: {len(shard)} per-shard step(s) {', '.join(shard) or '-'}")
        if other:
            lines.append(f"  {' ' * len(worker)}  writer steps: {', '.join(other)}")
    return lines


def _step_seconds(result: dg.ExecutionResult) -> dict[str, float]:
    return {
        ev.step_key: ev.event_specific_data.duration_ms / 1000  # type: ignore[union-attr]
        for ev in result.all_events
        if ev.event_type_value == "STEP_SUCCESS" and ev.step_key
    }


def _timings(result: dg.ExecutionResult) -> list[str]:
    """Seconds in the per-shard steps (summed over workers) and in the loaders."""
    secs = _step_seconds(result)
    parse = sum(v for k, v in secs.items() if ".parse_" in k)
    analyse = sum(v for k, v in secs.items() if ".analyse_" in k)
    loads = {k: v for k, v in secs.items() if k.endswith((".load", ".plan"))}
    return [
        f"  per-shard steps: parse {parse:.1f} s, analyse {analyse:.1f} s (summed over workers)",
        "  writer steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(loads.items())),
    ]


def cluster_demo_command(args: argparse.Namespace) -> int:
    from pipelines.definitions import build_defs
    from pipelines.defs.cluster import local_dask, run_on_cluster, steps_by_worker
    from pipelines.defs.runner import run_refresh
    from pipelines.warehouse.compare import table_digests
    from pipelines.warehouse.writer import Warehouse

    if not args.corpus.is_dir():
        print(f"SKIP: corpus {args.corpus} is absent (../shared is not here)")
        return 2
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    corpus = out / "corpus"
    n = _corpus(args.corpus, corpus, args.limit)
    print(f"corpus: {n:,} files from {args.corpus} (copied to {corpus})")

    cluster_res = _resources(out / "cluster", corpus, 1)
    instance = _instance(out / "dagster_home")
    print(f"starting a dask scheduler and {args.workers} dask workers (logs: {out / 'dask'})")
    t_start = time.perf_counter()
    with local_dask(out / "dask", workers=args.workers) as dask:
        print(f"scheduler {dask.address}; workers up in {time.perf_counter() - t_start:.1f} s")
        t0 = time.perf_counter()
        result = run_on_cluster(dask.address, cluster_res, instance)
        cluster_s = time.perf_counter() - t0
        where = steps_by_worker(instance, result.run_id)
        peaks = dask.peak_rss_mb()
    print("dask processes stopped")
    print("peak memory: " + ", ".join(f"{k} {v:,.0f} MB" for k, v in peaks.items()))
    print(f"cluster run: {'succeeded' if result.success else 'FAILED'} in {cluster_s:.1f} s")
    for line in _timings(result):
        print(line)
    print("what ran where:")
    for line in _where(where):
        print(line)

    local_res = _resources(out / "in-process", corpus, settings.workers())
    t0 = time.perf_counter()
    local = run_refresh(
        instance=_instance(out / "dagster_home_local"),
        definitions=build_defs(local_res),
        raise_on_error=False,
    )
    local_s = time.perf_counter() - t0
    print(
        f"in-process run ({settings.workers()} analysis processes): "
        f"{'succeeded' if local.success else 'FAILED'} in {local_s:.1f} s"
    )

    digests = []
    for res in (cluster_res, local_res):
        with Warehouse(Path(res["warehouse"].path)).session() as s:  # type: ignore[attr-defined]
            digests.append(table_digests(s))
    differ = [t for t in digests[1] if digests[0].get(t) != digests[1][t]]
    for table, (rows, digest) in sorted(digests[1].items()):
        mark = "identical" if table not in differ else f"DIFFERS (cluster: {digests[0].get(table)})"
        print(f"  {table:<24} {rows:>8,} rows  {digest}  {mark}")
    if differ:
        print(f"warehouses differ in {len(differ)} table(s): {', '.join(differ)}")
        return 1
    print(f"warehouses identical: {len(digests[1])} tables, row for row")
    return 0 if result.success and local.success else 1
