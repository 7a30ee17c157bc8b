"""Cheap increments, counted: per-shard steps a run launches, at two warehouse sizes."""

from __future__ import annotations

import dagster as dg
import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

SHARD_STEPS = ("articles.parse_", "analysis.analyse_")


def _shard_steps(result: dg.ExecuteInProcessResult) -> tuple[set[str], set[str]]:
    """(per-shard steps launched, per-shard steps skipped) of one run."""
    launched, skipped = set(), set()
    for e in result.all_events:
        key = e.step_key or ""
        if not key.startswith(SHARD_STEPS):
            continue
        if e.event_type_value == "STEP_START":
            launched.add(key)
        elif e.event_type_value == "STEP_SKIPPED":
            skipped.add(key)
    return launched, skipped


def _land(env, name: str, n: int) -> None:
    """A new, distinct article (a seed with a sentence of its own)."""
    seed = sorted((REPO / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    (env.landing / name).write_text(
        seed + f"\nThe ministry said on Tuesday that review number {n} was closed.\n",
        encoding="utf-8",
    )


def test_runs_launch_per_shard_steps_only_for_shards_with_work(env):
    assert env.run().success
    for extra in (0, 5):  # 2 articles, then 8
        for i in range(extra):
            _land(env, f"more-{i}.txt", i)
        if extra:
            assert env.run().success
        with env.session() as s:
            size = s.count("articles")
        # Nothing new: no per-shard step runs (each is skipped, one event, no work).
        launched, skipped = _shard_steps(env.run())
        assert launched == set()
        assert len(skipped) == 32
        # One new file: one parse step and one analysis step, whatever the warehouse size.
        _land(env, f"one-{size}.txt", 100 + size)
        result = env.run()
        assert result.success
        launched, skipped = _shard_steps(result)
        assert len(launched) == 2, launched
        assert {k.split(".")[0] for k in launched} == {"articles", "analysis"}
        assert len(skipped) == 30
        with env.session() as s:
            assert s.count("articles") == size + 1
