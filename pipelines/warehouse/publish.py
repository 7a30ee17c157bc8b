"""Publish the working copy for analysts: Parquet files plus a small catalog.

What analysts open (``data/warehouse.duckdb``) is a *catalog*: a DuckDB file in an old
storage version (readable by DuckDB 1.1 and later) that holds no rows, only a view
per public table over Parquet files in ``data/warehouse.files/``, the analyst views,
the search macros, and the ``COMMENT ON`` text of every table and column.

Why this shape (the README argues it at length):

* **Cost independent of the warehouse size.** Rows that belong to an article are
  in 256 buckets per table (``bucket_of(article_id)``); every writer transaction
  records the buckets it touched (``publisher.dirty_buckets``, or
  ``publisher.dirty_relation_buckets`` when it knows the one table it wrote) and a
  publish rewrites only those buckets, one file per relation and bucket, of the
  relations that changed there. A full publish (the first, or after a schema change)
  writes each such relation as one *base* file with the bucket beside every row
  (``_bucket``) instead of 256 small files (per-file overhead was most of a first
  publish: ~2,400 files for the BBC corpus); the view reads the base file without the
  buckets later publishes rewrote (``publisher.base_overrides``) plus those buckets'
  own files. Tables without articles (entities, ingest_files, ...) are small and
  rewritten whole when their content digest changes. The catalog itself is a fixed
  few hundred statements.
* **No reader can brick it.** The catalog is written under a temporary name,
  opened read-only and queried (every view and both search macros) *before* it is
  renamed over the published path; a stale ``.wal`` an analyst's read-write
  session left beside it is moved aside with a warning; after the rename it is
  opened again, and the publish fails loudly if it cannot be read. The file and
  its Parquet files are made read-only on disk.
* **Readers with an open session keep working.** New files never overwrite old
  ones (each name carries its generation); files are deleted only when neither
  the last :data:`KEEP_GENERATIONS` catalogs nor any catalog younger than
  :data:`KEEP_SECONDS` uses them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import stat
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipelines.warehouse.schema import (
    BUCKET_COLUMN,
    apply_views_and_macros,
    bucketed_tables,
    public_tables,
    schema_version,
    table,
    view_files,
)
from pipelines.warehouse.writer import Session, utcnow

# DuckDB 2.0 writes storage version 69 by default, which every 1.x client refuses.
# v1.1.0 is the oldest format that keeps everything the catalog holds.
CATALOG_STORAGE_VERSION = "v1.1.0"
# Bump when the layout of the published files or catalog changes: forces a full publish.
PUBLISHER_VERSION = "2"
ALL_BUCKETS = tuple(f"{i:02x}" for i in range(256))
# The bucket label of a relation's base file (every bucket as of the last full publish)
# and the column in it that holds each row's bucket (left out of the views).
BASE = "base"
BASE_BUCKET_COLUMN = "_bucket"
# Relations written at once by a publish (see _in_threads).
WRITE_THREADS = 2
KEEP_GENERATIONS = 3
KEEP_SECONDS = 24 * 3600
CATALOG_ALIAS = "published_catalog"


class PublishError(RuntimeError):
    """The published warehouse could not be written or does not open."""


@dataclass
class PublishReport:
    """What one publish did (shown in the run's metadata and summary)."""

    catalog: Path
    generation: int
    noop: bool = False
    buckets: int = 0
    files_written: int = 0
    bytes_written: int = 0
    relations_rewritten: list[str] = field(default_factory=list)
    files_removed: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def files_dir_for(catalog: Path) -> Path:
    """Folder of the published Parquet files, beside the catalog."""
    return catalog.with_name(f"{catalog.stem}.files")


def wal_path_for(catalog: Path) -> Path:
    return catalog.with_name(catalog.name + ".wal")


def _sql_str(value: str) -> str:
    """A SQL string literal (quotes doubled); also used by ``export``."""
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    """A quoted SQL identifier for any name the catalog holds; also used by ``export``.

    ``writer._ident`` is the strict one: it refuses names outside our own schema.
    """
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class _Relation:
    name: str
    bucketed: bool
    comment: str | None
    columns: tuple[tuple[str, str | None], ...]  # (column, comment)
    reads: frozenset[str] = frozenset()  # tables a derived relation (search view) reads
    words: frozenset[str] = frozenset()  # every name in its SQL (the columns it may read)


def public_relations(con: duckdb.DuckDBPyConnection) -> list[_Relation]:
    """Every published relation with its comments.

    The public tables of the registry (their ``COMMENT ON`` text from the DDL) and the
    search index views of ``sql/search`` (comments from the working copy's catalog);
    the analyst views are not materialised but recreated in the catalog.
    """
    bucketed = set(bucketed_tables())
    out = []
    for name in public_tables():
        spec = table(name)
        cols = tuple((c.name, c.description or None) for c in spec.columns)
        out.append(_Relation(name, name in bucketed, spec.description or None, cols))
    names = {r.name for r in out}
    for path in view_files("search"):
        # The tables its SQL names: a change to one of their rows in a bucket changes
        # this view's rows of the bucket (a superset is safe: one more file rewritten).
        words = set(re.findall(r"[a-z_][a-z0-9_]*", path.read_text(encoding="utf-8").lower()))
        comment = con.execute(
            "select comment from duckdb_views() where schema_name = 'main' and view_name = ?",
            [path.stem],
        ).fetchall()
        view_cols = con.execute(
            "select column_name, comment from duckdb_columns() where schema_name = 'main' "
            "and table_name = ? order by column_index",
            [path.stem],
        ).fetchall()
        out.append(
            _Relation(
                path.stem,
                True,
                comment[0][0] if comment else None,
                tuple((str(c), cc) for c, cc in view_cols),
                frozenset(words & names),
                frozenset(words),
            )
        )
    return out


def _digest(con: duckdb.DuckDBPyConnection, relation: str) -> str:
    """Order-independent digest of a relation's rows (for whole-table relations)."""
    row = con.execute(
        f"select count(*), coalesce(sum(hash(t)::hugeint), 0) from {_ident(relation)} as t"
    ).fetchall()[0]
    return f"{row[0]}:{row[1]}"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


@dataclass
class _State:
    generation: int
    schema_version: str | None
    catalog_sha256: str | None
    live: dict[tuple[str, str], list[str]]  # (relation, bucket) -> file names
    digests: dict[str, str]
    dirty: set[str]  # buckets where any relation may have changed ('*': all)
    dirty_relations: dict[str, set[str]]  # relation -> buckets where only it changed
    overrides: dict[str, set[str]]  # relation -> buckets its base file no longer serves


def _load_state(con: duckdb.DuckDBPyConnection) -> _State:
    last = con.execute(
        "select generation, schema_version, catalog_sha256 from publisher.generations "
        "order by generation desc limit 1"
    ).fetchall()
    live: dict[tuple[str, str], list[str]] = {}
    for name, relation, bucket in con.execute(
        "select file_name, relation, bucket from publisher.files where superseded_in is null "
        "order by file_name"
    ).fetchall():
        live.setdefault((relation, bucket), []).append(name)
    digests = dict(con.execute("select relation, digest from publisher.global_digests").fetchall())
    dirty = {r[0] for r in con.execute("select bucket from publisher.dirty_buckets").fetchall()}
    dirty_relations: dict[str, set[str]] = {}
    for relation, bucket in con.execute(
        "select relation, bucket from publisher.dirty_relation_buckets"
    ).fetchall():
        dirty_relations.setdefault(relation, set()).add(bucket)
    overrides: dict[str, set[str]] = {}
    for relation, bucket in con.execute(
        "select relation, bucket from publisher.base_overrides"
    ).fetchall():
        overrides.setdefault(relation, set()).add(bucket)
    gen, ver, sha = last[0] if last else (0, None, None)
    return _State(int(gen), ver, sha, live, digests, dirty, dirty_relations, overrides)


def _buckets_to_write(
    state: _State, relations: Sequence[_Relation], full: bool
) -> dict[str, list[str]]:
    """Per bucketed relation, the buckets whose file this publish rewrites."""
    out = {}
    for rel in relations:
        if not rel.bucketed:
            continue
        if full:
            out[rel.name] = list(ALL_BUCKETS)
            continue
        mine = set(state.dirty)
        for mark, marked in state.dirty_relations.items():
            # 'table' or 'table.column' (only that column changed: a story id moved).
            table, _, column = mark.partition(".")
            if table == rel.name or (table in rel.reads and (not column or column in rel.words)):
                mine |= marked
        out[rel.name] = sorted(mine & set(ALL_BUCKETS))
    return out


def publish(
    session: Session,
    catalog: Path,
    *,
    warn: Callable[[str], None] | None = None,
    now: Callable[[], dt.datetime] = utcnow,
) -> PublishReport:
    """Bring the published Parquet files and catalog up to date with the working copy.

    Rewrites only the dirty buckets and changed whole tables, builds the catalog
    under a temporary name, checks it opens and answers every view, renames it over
    ``catalog``, checks again, then deletes files no retained catalog uses. A
    publish with nothing to do only checks that the published catalog opens.

    Other cursors of ``session`` may read the working copy meanwhile (the report's
    drawing): the catalog is built in a DuckDB instance of its own.

    Raises:
        PublishError: the published catalog cannot be opened or queried.
    """
    t0 = time.monotonic()
    con = session.con
    warnings: list[str] = []

    def _warn(msg: str) -> None:
        warnings.append(msg)
        if warn:
            warn(msg)

    files_dir = files_dir_for(catalog)
    files_dir.mkdir(parents=True, exist_ok=True)
    version = f"{schema_version()}-p{PUBLISHER_VERSION}"
    state = _load_state(con)
    relations = public_relations(con)
    full = state.schema_version != version or "*" in state.dirty
    rel_buckets = _buckets_to_write(state, relations, full)
    buckets = sorted({b for bs in rel_buckets.values() for b in bs})
    digests = {r.name: _digest(con, r.name) for r in relations if not r.bucketed}
    changed_globals = [
        r.name
        for r in relations
        if not r.bucketed and (full or digests[r.name] != state.digests.get(r.name))
    ]
    wal = wal_path_for(catalog)
    catalog_ok = (
        catalog.exists()
        and not wal.exists()
        and state.catalog_sha256 is not None
        and _sha256(catalog) == state.catalog_sha256
    )
    if not buckets and not changed_globals and catalog_ok:
        try:
            verify_catalog(catalog, relations)
            return PublishReport(
                catalog,
                state.generation,
                noop=True,
                seconds=time.monotonic() - t0,
                warnings=warnings,
            )
        except PublishError as exc:
            # Unchanged catalog but something under it is broken (a Parquet file
            # deleted or damaged by hand): republish everything from the working copy.
            _warn(f"republishing everything: {exc}")
            full, buckets = True, list(ALL_BUCKETS)
            rel_buckets = _buckets_to_write(state, relations, full)
            changed_globals = [r.name for r in relations if not r.bucketed]
    elif catalog.exists() and not catalog_ok:
        _warn(
            f"{catalog.name} is not the file the last publish wrote (someone wrote to it, or "
            "a .wal is beside it): it is rebuilt now"
        )

    gen = state.generation + 1
    token = uuid.uuid4().hex[:8]
    staging = files_dir / f".staging-{gen:06d}-{token}"
    tmp_catalog = catalog.with_name(f".{catalog.name}.{gen:06d}-{token}.tmp")
    report = PublishReport(catalog, gen, buckets=len(buckets), warnings=warnings)
    new_files: list[tuple[str, str, str, int]] = []  # (file, relation, bucket, rows)
    try:
        staging.mkdir()
        by_bucket = {} if full else _articles_in(con, buckets)

        def write(rel: _Relation, cur: duckdb.DuckDBPyConnection) -> list[_NewFile]:
            if rel.bucketed and full:
                return [_write_base(cur, rel, files_dir, gen, token)]
            if rel.bucketed and rel_buckets[rel.name]:
                article_ids = [a for b in rel_buckets[rel.name] for a in by_bucket.get(b, [])]
                return _write_buckets(cur, rel, article_ids, staging, files_dir, gen, token)
            if not rel.bucketed and rel.name in changed_globals:
                return [_write_single(cur, rel, files_dir, gen, token)]
            return []

        for rel, written in zip(relations, _in_threads(con, write, relations), strict=True):
            if written:
                report.relations_rewritten.append(rel.name)
            new_files.extend(written)
        report.files_written = len(new_files)
        report.bytes_written = sum((files_dir / f).stat().st_size for f, *_ in new_files)

        changes = _Changes(state, relations, rel_buckets, changed_globals, full, new_files)
        live = _next_live(changes)
        _build_catalog(
            tmp_catalog, files_dir, relations, live, changes.overrides(), gen, version, now()
        )
        verify_catalog(tmp_catalog, relations)
        _read_only(tmp_catalog)
        with tmp_catalog.open("rb") as fh:
            os.fsync(fh.fileno())
        sha = _sha256(tmp_catalog)
        _commit_state(con, changes, digests, gen, version, sha, now())
        if wal.exists():
            aside = wal.with_name(f"{wal.name}.stale-{now():%Y%m%dT%H%M%S}-{token}")
            wal.replace(aside)
            _warn(
                f"moved a stale {wal.name} aside to {aside.name}: someone opened the published "
                "warehouse read-write and wrote to it (open it read-only; keep your own tables "
                "in another file)"
            )
        tmp_catalog.replace(catalog)
        _fsync_dir(catalog.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        tmp_catalog.unlink(missing_ok=True)
    _remove_in_background(staging)
    # The renamed file is the one just verified in full: check that a fresh reader of
    # the published path opens it and sees this generation.
    verify_catalog(catalog, relations, generation=gen)
    report.files_removed = _clean_up(con, files_dir, now(), busy=staging.name)
    report.seconds = time.monotonic() - t0
    return report


_NewFile = tuple[str, str, str, int]  # (file, relation, bucket, rows)


def _in_threads(
    con: duckdb.DuckDBPyConnection,
    write: Callable[[_Relation, duckdb.DuckDBPyConnection], list[_NewFile]],
    relations: Sequence[_Relation],
) -> list[list[_NewFile]]:
    """``write`` every relation, :data:`WRITE_THREADS` at a time; results in order.

    A ``COPY`` of one relation runs on about one core (the search index views, most of
    a first publish's work, tokenise article by article), and a publish runs after the
    analysis workers stopped, so two at once use the machine's second core. Each
    thread writes through its own cursor (a connection to the same database).
    """
    cursors = [con.cursor() for _ in range(WRITE_THREADS)]
    free = list(cursors)
    lock = threading.Lock()

    def one(rel: _Relation) -> list[_NewFile]:
        with lock:
            cur = free.pop()
        try:
            return write(rel, cur)
        finally:
            with lock:
                free.append(cur)

    # The search index views first: each costs more than all the tables together.
    order = sorted(range(len(relations)), key=lambda i: not relations[i].reads)
    try:
        with ThreadPoolExecutor(WRITE_THREADS, thread_name_prefix="publish") as pool:
            done = dict(zip(order, pool.map(one, [relations[i] for i in order]), strict=True))
        return [done[i] for i in range(len(relations))]
    finally:
        for cur in cursors:
            cur.close()


def _articles_in(con: duckdb.DuckDBPyConnection, buckets: Sequence[str]) -> dict[str, list[str]]:
    """Ids of the articles now in these buckets, per bucket."""
    rows = con.execute(
        f"select bucket_of({BUCKET_COLUMN}), {BUCKET_COLUMN} from articles "
        f"where bucket_of({BUCKET_COLUMN}) in (select unnest(?::varchar[])) order by 2",
        [list(buckets)],
    ).fetchall()
    out: dict[str, list[str]] = {}
    for bucket, article_id in rows:
        out.setdefault(bucket, []).append(article_id)
    return out


def _file_name(relation: str, bucket: str, gen: int, token: str, part: int = 0) -> str:
    suffix = f"-{part}" if part else ""
    return f"{relation}/{bucket}-g{gen:06d}-{token}{suffix}.parquet"


def _write_base(
    con: duckdb.DuckDBPyConnection, rel: _Relation, files_dir: Path, gen: int, token: str
) -> tuple[str, str, str, int]:
    """Write every row of a bucketed relation to its one base file, with its bucket.

    One file instead of one per bucket: a partitioned write of 256 files a relation
    spent ~3/4 of its CPU on the files themselves (3.4 s against 0.9 s for the same
    rows of the BBC corpus in one file each). The ``_bucket`` column lets the view
    leave out the buckets that later publishes rewrite into their own files.
    """
    cols = ", ".join(_ident(c) for c, _ in rel.columns)
    name = _file_name(rel.name, BASE, gen, token)
    (files_dir / rel.name).mkdir(exist_ok=True)
    path = files_dir / name
    rows = _copy_rows(
        con,
        f"copy (select {cols}, bucket_of({BUCKET_COLUMN}) as {BASE_BUCKET_COLUMN} "
        f"from {_ident(rel.name)}) to {_sql_str(str(path))} (format parquet, return_stats true)",
    )
    _read_only(path)
    return (name, rel.name, BASE, _written_rows(con, rows, path, path))


def _write_buckets(
    con: duckdb.DuckDBPyConnection,
    rel: _Relation,
    article_ids: Sequence[str],
    staging: Path,
    files_dir: Path,
    gen: int,
    token: str,
) -> list[tuple[str, str, str, int]]:
    """Write the rows of these articles as one file per non-empty bucket."""
    out_dir = staging / rel.name
    cols = ", ".join(_ident(c) for c, _ in rel.columns)
    if not article_ids:
        return []  # the dirty buckets have no articles left: their old files just go
    # A literal list lets DuckDB filter inside the scan, through the search index
    # views' unnest and aggregate too; a join or sub-query is not pushed that far.
    where = f"where {BUCKET_COLUMN} in ({', '.join(_sql_str(a) for a in article_ids)})"
    rows = _copy_rows(
        con,
        f"copy (select {cols}, bucket_of({BUCKET_COLUMN}) as _bucket from {_ident(rel.name)} "
        f"{where}) to {_sql_str(str(out_dir))} (format parquet, partition_by (_bucket), "
        "write_partition_columns false, return_stats true)",
    )
    written = []
    (files_dir / rel.name).mkdir(exist_ok=True)
    if out_dir.exists():
        for part_dir in sorted(out_dir.iterdir()):
            bucket = part_dir.name.split("=", 1)[1]
            for i, src in enumerate(sorted(part_dir.glob("*.parquet"))):
                name = _file_name(rel.name, bucket, gen, token, i)
                src.replace(files_dir / name)
                _read_only(files_dir / name)
                n = _written_rows(con, rows, src, files_dir / name)
                written.append((name, rel.name, bucket, n))
    return written


def _copy_rows(con: duckdb.DuckDBPyConnection, copy_sql: str) -> dict[tuple[str, str], int]:
    """Run a ``COPY ... (return_stats true)``; rows per file written, by (folder, file name).

    The writer's own count of each file: reading every file back to count it cost a
    query per file (2,364 on a first publish of the BBC corpus).
    """
    cur = con.execute(copy_sql)
    names = [d[0] for d in cur.description or []]
    file_col, count_col = names.index("filename"), names.index("count")
    out: dict[tuple[str, str], int] = {}
    for row in cur.fetchall():
        path = Path(str(row[file_col]))
        out[(path.parent.name, path.name)] = int(row[count_col])
    return out


def _written_rows(
    con: duckdb.DuckDBPyConnection,
    stats: Mapping[tuple[str, str], int],
    written_as: Path,
    now_at: Path,
) -> int:
    """Rows of the file the COPY wrote at ``written_as`` (now at ``now_at``).

    From the COPY's own statistics (:func:`_copy_rows`); a file they do not list is
    read back to count it.
    """
    n = stats.get((written_as.parent.name, written_as.name))
    return _rows(con, now_at) if n is None else n


def _rows(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    return int(
        con.execute(
            f"select count(*) from read_parquet({_sql_str(str(path))}, hive_partitioning = false)"
        ).fetchall()[0][0]
    )


def _write_single(
    con: duckdb.DuckDBPyConnection, rel: _Relation, files_dir: Path, gen: int, token: str
) -> tuple[str, str, str, int]:
    """Write a whole-table relation to one file; returns (file, relation, bucket, rows)."""
    name = _file_name(rel.name, "all", gen, token)
    (files_dir / rel.name).mkdir(exist_ok=True)
    path = files_dir / name
    rows = _copy_rows(
        con,
        f"copy (select * from {_ident(rel.name)}) to {_sql_str(str(path))} "
        "(format parquet, return_stats true)",
    )
    _read_only(path)
    return (name, rel.name, "all", _written_rows(con, rows, path, path))


@dataclass(frozen=True)
class _Changes:
    """What one publish replaces: the state it started from and the files it wrote."""

    state: _State
    relations: Sequence[_Relation]
    buckets: Mapping[str, Sequence[str]]  # relation -> its rewritten buckets
    changed_globals: Sequence[str]  # whole-table relations rewritten
    full: bool  # everything republished (schema or publisher version changed)
    new_files: Sequence[tuple[str, str, str, int]]  # (file, relation, bucket, rows)

    def replaced_buckets(self, relation: str) -> list[str]:
        """Buckets of ``relation`` whose earlier files this publish supersedes.

        On a full publish that is every file of the relation (base and buckets alike).
        """
        return list(self.buckets.get(relation, ()))

    def replaced_pairs(self) -> list[list[str]]:
        """``[relation, bucket]`` of every bucket file this publish supersedes."""
        return [[r.name, b] for r in self.relations for b in self.replaced_buckets(r.name)]

    def overrides(self) -> dict[str, list[str]]:
        """Per bucketed relation, the buckets its base file no longer serves after this."""
        out: dict[str, list[str]] = {}
        for rel in self.relations:
            if not rel.bucketed:
                continue
            if self.full:
                out[rel.name] = []  # a new base file serves every bucket
            else:
                done = self.state.overrides.get(rel.name, set())
                out[rel.name] = sorted(done | set(self.replaced_buckets(rel.name)))
        return out


def _next_live(changes: _Changes) -> dict[str, list[str]]:
    """File names each relation's view reads after this publish."""
    replaced = {r.name: set(changes.replaced_buckets(r.name)) for r in changes.relations}
    live: dict[str, list[str]] = {r.name: [] for r in changes.relations}
    for (relation, bucket), files in changes.state.live.items():
        if relation not in replaced:
            continue
        if changes.full or relation in changes.changed_globals or bucket in replaced[relation]:
            continue
        live[relation].extend(files)
    for name, relation, _, _ in changes.new_files:
        live[relation].append(name)
    return {k: sorted(v) for k, v in live.items()}


def _build_catalog(
    path: Path,
    files_dir: Path,
    relations: Sequence[_Relation],
    live: dict[str, list[str]],
    overrides: Mapping[str, Sequence[str]],
    gen: int,
    version: str,
    published_at: dt.datetime,
) -> None:
    """Write the catalog file at ``path``: a view per relation, comments, macros.

    Built in a DuckDB instance of its own (in memory, the new file attached), not
    through the working copy's connection: nothing of the working copy is read, and a
    detach there would wait for every other cursor's transaction (the report drawn
    from the working copy while publishing), leaving the file attached.
    """
    con = duckdb.connect(":memory:")
    con.execute(
        f"attach {_sql_str(str(path))} as {CATALOG_ALIAS} "
        f"(storage_version {_sql_str(CATALOG_STORAGE_VERSION)})"
    )
    try:
        # Views and macros are created after `use`, so they name no attach alias and
        # resolve in whichever client opens the file.
        con.execute(f"use {CATALOG_ALIAS}")
        # One transaction: one commit to the new file instead of one per statement.
        con.execute("begin transaction")
        for rel in relations:
            view = _view_sql(rel, files_dir, live[rel.name], overrides.get(rel.name, ()))
            con.execute(f"create view {_ident(rel.name)} as {view}")
            _comment(con, "view", rel.name, rel.comment)
            for col, text in rel.columns:
                _comment(con, "column", f"{_ident(rel.name)}.{_ident(col)}", text)
        apply_views_and_macros(con, search=False)
        con.execute(
            "create view warehouse_info as select "
            f"{int(gen)} as generation, timestamp {_sql_str(published_at.isoformat(sep=' '))} "
            f"as published_at, {_sql_str(version)} as schema_version"
        )
        _comment(
            con,
            "view",
            "warehouse_info",
            "Which publish of the warehouse this is. This file is read-only: keep your own "
            "tables in another file (ATTACH).",
        )
        for col, text in (
            ("generation", "Publish number; grows by one at every publish that changed something."),
            ("published_at", "When this catalog was published (UTC)."),
            ("schema_version", "Digest of the SQL schema the catalog was built from."),
        ):
            _comment(con, "column", f"warehouse_info.{col}", text)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        con.close()


def _view_sql(
    rel: _Relation, files_dir: Path, files: Sequence[str], overrides: Sequence[str]
) -> str:
    """The query of a relation's view over its live files.

    A bucketed relation reads its base file without the buckets later publishes
    rewrote, plus their own files; the columns are named, so the base file's
    ``_bucket`` never shows.
    """

    def scan(names: Sequence[str]) -> str:
        paths = ", ".join(_sql_str(str(files_dir / f)) for f in names)
        return f"read_parquet([{paths}], hive_partitioning = false)"

    if not rel.bucketed:
        return f"select * from {scan(files)}"
    cols = ", ".join(_ident(c) for c, _ in rel.columns)
    base = [f for f in files if _bucket_of_file(f) == BASE]
    parts = [f for f in files if _bucket_of_file(f) != BASE]
    selects = []
    if base:
        where = (
            f" where {BASE_BUCKET_COLUMN} not in ({', '.join(_sql_str(b) for b in overrides)})"
            if overrides
            else ""
        )
        selects.append(f"select {cols} from {scan(base)}{where}")
    if parts:
        selects.append(f"select {cols} from {scan(parts)}")
    if not selects:
        raise PublishError(f"no published file holds {rel.name}: republish everything")
    return " union all ".join(selects)


def _bucket_of_file(name: str) -> str:
    """The bucket label in a published file's name (see :func:`_file_name`)."""
    return name.rsplit("/", 1)[-1].split("-", 1)[0]


def _comment(con: duckdb.DuckDBPyConnection, kind: str, target: str, text: str | None) -> None:
    if text:
        quoted = _ident(target) if kind == "view" else target
        con.execute(f"comment on {kind} {quoted} is {_sql_str(text)}")


def verify_catalog(
    path: Path, relations: Sequence[_Relation] | None = None, *, generation: int | None = None
) -> None:
    """Open the catalog read-only as a new reader would and query every view.

    With ``generation``, only check that it opens at that generation and answers.

    Raises:
        PublishError: with DuckDB's message when anything fails.
    """
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise PublishError(f"the published warehouse {path} does not open: {exc}") from exc
    try:
        rows = con.execute(
            "select view_name, sql from duckdb_views() where not internal "
            "and database_name = current_database() order by 1"
        ).fetchall()
        views = [r[0] for r in rows]
        over_files = {r[0] for r in rows if "read_parquet(" in r[1]}
        if generation is not None:
            got = con.execute("select generation from warehouse_info").fetchall()[0][0]
            if got != generation:
                raise PublishError(f"{path} is at generation {got}, not {generation}")
            con.execute("select count(*) from articles").fetchall()
            return
        expected = {r.name for r in relations or ()} | {"warehouse_info"}
        missing = sorted(expected - set(views))
        if missing:
            raise PublishError(f"the published warehouse {path} lacks views {missing}")
        # Views over Parquet: count(*) reads every file's footer, so a missing or
        # damaged file shows; the rest must bind (limit 0 runs no join). Both costs are
        # bounded by the number of files, not by the rows.
        for view in views:
            limit = "" if view in over_files else " limit 0"
            con.execute(f"select count(*) from (select * from {_ident(view)}{limit})").fetchall()
        con.execute("select * from search_articles('test') limit 0").fetchall()
        con.execute("select * from search_quotes('test') limit 0").fetchall()
    except duckdb.Error as exc:
        raise PublishError(f"the published warehouse {path} does not answer: {exc}") from exc
    finally:
        con.close()


def _commit_state(
    con: duckdb.DuckDBPyConnection,
    changes: _Changes,
    digests: dict[str, str],
    gen: int,
    version: str,
    sha: str,
    published_at: dt.datetime,
) -> None:
    """Record the new generation; the dirty marks it published are cleared."""
    con.execute("begin transaction")
    try:
        names = [r.name for r in changes.relations]
        # Files of replaced buckets, rewritten whole tables and dropped relations.
        pairs = changes.replaced_pairs()
        con.execute(
            "update publisher.files set superseded_in = ? where superseded_in is null and ("
            " ? or exists (select 1 from (select unnest(?::varchar[][]) as p) "
            "where p[1] = relation and p[2] = bucket)"
            " or relation in (select unnest(?::varchar[]))"
            " or relation not in (select unnest(?::varchar[])))",
            [gen, changes.full, pairs, list(changes.changed_globals), names],
        )
        con.execute("delete from publisher.base_overrides")
        overrides = [[r, b] for r, bs in changes.overrides().items() for b in bs]
        if overrides:
            con.execute(
                "insert into publisher.base_overrides "
                "select p[1], p[2] from (select unnest(?::varchar[][]) as p)",
                [overrides],
            )
        if changes.new_files:
            con.execute(
                "insert into publisher.files "
                "select f[1], f[2], f[3], ?, null, f[4]::bigint from "
                "(select unnest(?::varchar[][]) as f)",
                [gen, [[n, r, b, str(c)] for n, r, b, c in changes.new_files]],
            )
        con.execute(
            "insert into publisher.generations values (?, ?, ?, ?)",
            [gen, published_at, version, sha],
        )
        con.execute("delete from publisher.global_digests")
        con.execute(
            "insert into publisher.global_digests select unnest(?::varchar[]), unnest(?::varchar[])",
            [list(digests), list(digests.values())],
        )
        con.execute("delete from publisher.dirty_buckets")
        con.execute("delete from publisher.dirty_relation_buckets")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _remove_in_background(staging: Path) -> threading.Thread:
    """Remove this publish's staging folder in a thread; returns the thread.

    Its files were all moved out; what is left is DuckDB's partition folders, one per
    bucket and relation (~3,000 on a first publish), and removing them is ~2 s of
    ``rmdir`` on this machine's disk with almost no CPU. A thread does it while the run
    goes on (the report, the checks). It is not a daemon: the interpreter waits for it
    at exit; a folder a killed process left is removed by the next publish.
    """
    thread = threading.Thread(
        target=shutil.rmtree,
        args=(staging,),
        kwargs={"ignore_errors": True},
        name=f"remove {staging.name}",
    )
    thread.start()
    return thread


def _clean_up(
    con: duckdb.DuckDBPyConnection, files_dir: Path, now: dt.datetime, busy: str = ""
) -> int:
    """Delete files no retained catalog reads, and leftovers of interrupted publishes.

    ``busy``: the staging folder a thread of this publish is removing already.
    """
    gens = con.execute(
        "select generation, published_at from publisher.generations order by generation desc"
    ).fetchall()
    if not gens:
        return 0
    cutoff = now - dt.timedelta(seconds=KEEP_SECONDS)
    retained = [g for i, (g, at) in enumerate(gens) if i < KEEP_GENERATIONS or at >= cutoff]
    oldest = min(retained)
    old = [
        r[0]
        for r in con.execute(
            "select file_name from publisher.files where superseded_in <= ?", [oldest]
        ).fetchall()
    ]
    for name in old:
        (files_dir / name).unlink(missing_ok=True)
    con.execute("delete from publisher.files where superseded_in <= ?", [oldest])
    con.execute("delete from publisher.generations where generation < ?", [oldest])
    known = {r[0] for r in con.execute("select file_name from publisher.files").fetchall()}
    removed = len(old)
    # Files no publish recorded: written by a publish that died before committing,
    # so no catalog ever named them.
    # Relation folders only: a staging folder (hidden) may be being removed by a thread
    # of this publish, and a walk into it would fail on the entries it loses.
    for folder in files_dir.iterdir():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        for path in folder.glob("*.parquet"):
            if path.relative_to(files_dir).as_posix() not in known:
                path.unlink(missing_ok=True)
                removed += 1
    for path in files_dir.glob(".staging-*"):
        if path.name != busy:
            shutil.rmtree(path, ignore_errors=True)
    return removed


def restore_working_copy(session: Session, catalog: Path) -> None:
    """Fill an empty working copy from the published catalog (and mark it all dirty)."""
    con = session.con
    tables = [
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by 1"
        ).fetchall()
    ]
    con.execute(f"attach {_sql_str(str(catalog))} as restore_source (read_only)")
    try:
        published = {
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where database_name = 'restore_source'"
            ).fetchall()
        }
        con.execute("begin transaction")
        for table in tables:
            if table in published:
                con.execute(
                    f"insert into {_ident(table)} by name select * from restore_source.{_ident(table)}"
                )
        con.execute("insert into publisher.dirty_buckets values ('*') on conflict do nothing")
        con.execute("commit")
    finally:
        con.execute("detach restore_source")


def published_counts(catalog: Path) -> dict[str, Any]:
    """Generation and publish time of a published catalog (opened read-only)."""
    con = duckdb.connect(str(catalog), read_only=True)
    try:
        gen, at, ver = con.execute("select * from warehouse_info").fetchall()[0]
    finally:
        con.close()
    return {"generation": gen, "published_at": at, "schema_version": ver}
