"""The Dagster instance's SQLite files: WAL kept open, no fsync per event, few planned events."""

from __future__ import annotations

import sqlite3

import dagster as dg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipelines.defs import event_log


def _engine_write(path):
    # What Dagster's SQLite storages do for every event: a fresh engine, one commit.
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    with engine.connect() as conn, conn.begin():
        conn.execute(text("insert into t values (1)"))
        sync = conn.execute(text("pragma synchronous")).scalar()
    engine.dispose()
    return sync


def _wal_table(path):
    # A WAL-mode SQLite file with one empty table, closed again, as Dagster leaves its files.
    con = sqlite3.connect(path)
    con.execute("pragma journal_mode=wal")
    con.execute("create table t (x)")
    con.commit()
    con.close()


def test_instance_files_keep_their_wal_between_events_and_skip_fsync(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    db = home / "index.db"
    _wal_table(db)
    event_log.install(home)
    for _ in range(3):
        assert _engine_write(db) == 1  # NORMAL: commits do not wait for the disk
    # The keeper holds the file open, so closing the per-event connection neither
    # checkpoints nor deletes the WAL (SQLite does both when the last connection closes).
    assert str(db) in event_log.kept_files()
    assert db.with_name("index.db-wal").exists()
    assert sqlite3.connect(db).execute("select count(*) from t").fetchone()[0] == 3


def test_files_outside_the_instance_are_left_alone(tmp_path):
    event_log.install(tmp_path / "dagster_home")
    other = tmp_path / "elsewhere.db"
    _wal_table(other)
    assert _engine_write(other) == 2  # FULL, SQLite's default
    assert str(other) not in event_log.kept_files()


@pytest.mark.slow
def test_a_run_records_one_planned_event_per_asset_not_per_shard(env):
    result = env.run()
    assert result.success
    planned = env.instance.all_logs(
        result.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED
    )
    keys = [e.dagster_event.asset_key for e in planned]
    # 16 assets (9 of them partitioned into 16 shards): 16 events, not 9 x 16 + 7.
    assert len(keys) == len(set(keys)) == len(env.defs.resolve_asset_graph().get_all_asset_keys())
