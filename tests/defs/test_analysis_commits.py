"""An in-process run's per-shard analysis steps commit their own batches.

They share the writer's process (steps run one at a time), so each commits a batch as it
stages it, while the workers parse on; the load step commits only what no step did.
"""

from __future__ import annotations


def test_in_process_shard_steps_commit_their_batches_and_the_load_step_counts_them(env):  # type: ignore[no-untyped-def]
    result = env.run()
    assert result.success
    with env.session() as s:
        keys = [
            r[0] for r in s.fetch("select partition_key from load_batches where step = 'analysis'")
        ]
        articles = s.count("articles")
        analysed = s.fetch("select count(*) from articles where nlp_version is not null")[0][0]
    # One shard's label per transaction: the per-shard steps wrote them, not the load
    # step (whose transactions carry the run's range of shards).
    assert keys and all(k.startswith("shard-") and "..." not in k for k in keys), keys
    assert analysed == articles > 0
    mat = next(
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "mentions"
    )
    assert mat.event_specific_data.materialization.metadata["articles_analysed"].value == articles
    # Nothing left in the stage once loaded.
    assert not any(env.warehouse.with_name("warehouse.stage").glob("*/analysis"))
