"""On a dask cluster, steps that open the DuckDB working copy must run on the one worker
that offers the resource ``duckdb``; only the per-shard steps may run anywhere."""

from __future__ import annotations

import json

from pipelines.definitions import defs
from pipelines.defs.runner import WRITER_TAGS


def test_every_writer_step_asks_for_the_duckdb_worker() -> None:
    job = defs.resolve_job_def("refresh_warehouse")
    key, value = next(iter(WRITER_TAGS.items()))
    anywhere, writers = [], []
    for node in job.graph.iterate_op_defs():
        if node.pool == "duckdb":
            assert json.loads(node.tags.get(key, "{}")) == json.loads(value), node.name
            writers.append(node.name)
        else:
            assert key not in node.tags, node.name
            anywhere.append(node.name)
    assert sorted(anywhere) == sorted(
        [f"parse_{i:02d}" for i in range(16)] + [f"analyse_{i:02d}" for i in range(16)]
    )
    assert {"ingest_files", "articles_load", "analysis_load", "published_warehouse"} <= set(writers)
