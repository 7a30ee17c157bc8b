"""Cheaper writes to a SQLite Dagster instance: what a run's event log costs per event.

Dagster's SQLite storages open a new SQLAlchemy engine (``NullPool``) for every event
and close it afterwards. In WAL mode, closing the *last* connection to a database file
makes SQLite checkpoint the WAL into the database and delete it (two ``fsync``), and
every commit ``fsync``-s the WAL again: on the development machine's disk that is about
22 ms an event, and a run writes hundreds of events (step starts and ends, one
materialisation per asset and shard), most of a run's time when it has nothing to do.

:func:`install` adds a SQLAlchemy ``connect`` listener for the Dagster instance's SQLite
files that

- keeps one idle connection open per database file (the "keeper"), so the per-event
  connections are never the last one and SQLite neither checkpoints nor deletes the WAL
  at each close (it still checkpoints when the WAL grows past SQLite's 1,000-page limit);
- sets ``synchronous=NORMAL``, SQLite's recommended setting for WAL: a commit no longer
  waits for the disk, the database stays consistent after any crash, and a power loss or
  OS crash can lose the last events written before it (never the warehouse: that is in
  DuckDB). Postgres-backed instances are untouched.

Measured on the development machine (a loop of single-row commits, each through its own
connection as Dagster does): 24.7 ms a commit before, 0.4 ms with both.

:func:`one_planned_event_per_asset` makes the process that creates a run record one
"materialisation planned" event per asset rather than one per asset and shard.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

MAX_KEEPERS = 16  # open files at most: the index, the runs database, recent runs' logs
_keepers: OrderedDict[str, sqlite3.Connection] = OrderedDict()
_lock = threading.Lock()
_installed: list[Path] = []


def _db_file(conn: sqlite3.Connection) -> str:
    """The main database file of ``conn`` ('' for an in-memory or temporary one)."""
    row = conn.execute("pragma database_list").fetchone()
    return str(row[2]) if row and row[2] else ""


def _keep(path: str) -> None:
    """Open an idle connection to ``path`` once (LRU-bounded); it holds the WAL index."""
    with _lock:
        if path in _keepers:
            _keepers.move_to_end(path)
            return
        keeper = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # A read maps the WAL index: from now on this connection counts as open.
        keeper.execute("select count(*) from sqlite_master").fetchall()
        _keepers[path] = keeper
        while len(_keepers) > MAX_KEEPERS:
            _, old = _keepers.popitem(last=False)
            old.close()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection) or not _installed:
        return
    path = _db_file(dbapi_connection)
    if not path or not any(Path(path).is_relative_to(root) for root in _installed):
        return  # not a file of the Dagster instance
    dbapi_connection.execute("pragma synchronous=NORMAL")
    # Only a WAL database keeps its WAL across closes; Dagster switches a new file to WAL
    # when it creates its tables, so a file seen before that gets its keeper next time.
    mode = dbapi_connection.execute("pragma journal_mode").fetchone()
    if mode and str(mode[0]).lower() == "wal":
        _keep(path)


def install(dagster_home: Path) -> None:
    """Apply the settings above to SQLite files under ``dagster_home`` (idempotent)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    root = dagster_home.resolve()
    with _lock:
        if root not in _installed:
            _installed.append(root)
    if not event.contains(Engine, "connect", _on_connect):
        event.listen(Engine, "connect", _on_connect)


def kept_files() -> list[str]:
    """Database files that currently have a keeper (for tests)."""
    with _lock:
        return list(_keepers)


# Dagster's switch (read when a run is created): a run over a range of partitions records
# one planned event per asset with the range, instead of one per partition (9 partitioned
# assets x 16 shards = 144 events, a quarter of a no-op run's event log). What it costs:
# when such a run fails, the UI does not mark its partitions "failed" (the run itself is).
PLANNED_EVENTS_SWITCH = "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS"


def one_planned_event_per_asset() -> None:
    """Runs this process creates record one planned event per asset (see above)."""
    os.environ.setdefault(PLANNED_EVENTS_SWITCH, "1")
