"""The only code that opens the warehouse for writing.

Analysts keep DuckDB shells open, and DuckDB lets nobody else open a file that a
process holds read-write. So the pipeline never writes the file analysts open:

* it writes a private working copy (``.<name>.writer.duckdb`` beside the warehouse),
  one transaction per batch (a SIGKILL mid-batch leaves the previous state);
* every transaction also records which article buckets it touched
  (``publisher.dirty_buckets``), so the publisher (:mod:`pipelines.warehouse.publish`)
  rewrites only those buckets' Parquet files once per run.

If another pipeline process holds the working copy, the writer waits (with a
message) and retries until ``lock_timeout_s``, then fails with an error that says
who holds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.warehouse import schema
from pipelines.warehouse.schema import BUCKET_COLUMN, apply_schema, bucketed_tables, load_sql

if TYPE_CHECKING:
    from pipelines.warehouse.publish import PublishReport

DEFAULT_LOCK_TIMEOUT_S = 600.0


# Query parameters: positional (``?``) or named (``$name``).
Params = Sequence[Any] | Mapping[str, Any]


def _params(params: Params) -> list[Any] | dict[str, Any]:
    return dict(params) if isinstance(params, Mapping) else list(params)


class WarehouseBusyError(RuntimeError):
    """Another process holds the working copy for longer than we were told to wait."""


def writer_path_for(published: Path) -> Path:
    """The private working copy that sits beside the published warehouse."""
    return published.with_name(f".{published.stem}.writer{published.suffix or '.duckdb'}")


def bucket_of(article_id: str) -> str:
    """Publishing bucket of an article: the same as ``bucket_of`` in ``sql/macros``."""
    return hashlib.md5(article_id.encode("utf-8")).hexdigest()[:2]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _lock_holder(message: str) -> str:
    m = re.search(r"PID (\d+)", message)
    return f"process {m.group(1)}" if m else "another process"


def connect_with_retry(
    path: Path,
    *,
    read_only: bool = False,
    timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, waiting while another process holds its lock."""
    deadline = time.monotonic() + timeout_s
    delay = 0.2
    warned = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            text = str(exc)
            if "lock" not in text.lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusyError(
                    f"{path} is locked by {_lock_holder(text)} and stayed locked for "
                    f"{timeout_s:.0f}s. Only the pipeline should open this working copy; "
                    "analysts should open the published warehouse instead. "
                    f"DuckDB said: {text}"
                ) from exc
            if on_wait and not warned:
                on_wait(
                    f"waiting for {_lock_holder(text)} to release {path} (up to {timeout_s:.0f}s)"
                )
                warned = True
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


@dataclass
class Warehouse:
    """Location and policy of one warehouse; open a :class:`Session` to use it.

    ``path`` is the published catalog analysts open; the working copy and the
    published Parquet files sit beside it.
    """

    path: Path
    lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S
    on_wait: Callable[[str], None] | None = None
    on_warning: Callable[[str], None] | None = None

    @property
    def writer_path(self) -> Path:
        return writer_path_for(self.path)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """Open the working copy, apply the schema, checkpoint on a clean exit.

        Nothing is published here: :meth:`publish` does that once per run.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        restore = not self.writer_path.exists() and self.path.exists()
        con = connect_with_retry(
            self.writer_path, timeout_s=self.lock_timeout_s, on_wait=self.on_wait
        )
        sess = Session(con)
        try:
            apply_schema(con)
            if restore:
                # The working copy was deleted: rebuild it from the published catalog
                # (a consistent, checked state) rather than start from nothing.
                from pipelines.warehouse.publish import restore_working_copy

                restore_working_copy(sess, self.path)
            yield sess
            con.execute("checkpoint")
        finally:
            con.close()

    def publish(
        self, alongside: Callable[[Session], Callable[[], None]] | None = None
    ) -> PublishReport:
        """Publish the working copy's checked state for analysts (see ``publish``).

        ``alongside(session)`` may start work that reads the working copy (a read cursor
        of ``session``, in another thread) while the files and the catalog are written;
        it returns a function that waits for that work, called before the working copy
        is closed.
        """
        from pipelines.warehouse.publish import publish

        with self.session() as sess:
            wait = alongside(sess) if alongside is not None else None
            try:
                return publish(sess, self.path, warn=self.on_warning)
            finally:
                if wait is not None:
                    wait()


@dataclass
class Session:
    """A connection to the working copy with typed, transactional write helpers."""

    con: duckdb.DuckDBPyConnection
    dirty: bool = False
    _schemas: dict[str, pa.Schema] = field(default_factory=dict)
    _bucketed: frozenset[str] | None = None

    def is_bucketed(self, table: str) -> bool:
        """Whether the table's rows belong to articles (published in buckets)."""
        if self._bucketed is None:
            self._bucketed = frozenset(bucketed_tables())
        return table in self._bucketed

    # ---------------------------------------------------------------- reading
    def fetch(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, _params(params)).fetchall()

    def fetch_dicts(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, _params(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str) -> int:
        return int(self.fetch(f"select count(*) from {_ident(table)}")[0][0])

    # ---------------------------------------------------------------- writing
    def arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._schemas:
            rel = self.con.sql(f"select * from {_ident(table)} limit 0")
            self._schemas[table] = rel.to_arrow_table().schema
        return self._schemas[table]

    def to_arrow(self, table: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
        return pa.Table.from_pylist(list(rows), schema=self.arrow_schema(table))

    @contextlib.contextmanager
    def transaction(
        self, step: str, partition_key: str | None = None, *, started: dt.datetime | None = None
    ) -> Iterator[Batch]:
        """One atomic batch: everything inside commits together or not at all.

        ``started`` is recorded as the batch's ``started_at`` (default: now), for a step
        whose work began before its transaction (the landing scan).
        """
        batch = Batch(self, step, partition_key, started=started or utcnow())
        self.con.execute("begin transaction")
        try:
            yield batch
            self.con.execute(
                "insert into load_batches values (?, ?, ?, ?, ?, ?, ?)",
                [
                    uuid.uuid4().hex,
                    step,
                    partition_key,
                    batch.started,
                    utcnow(),
                    sum(batch.counts.values()),
                    json.dumps(batch.counts, sort_keys=True),
                ],
            )
            self.con.execute("commit")
            self.dirty = True
        except BaseException:
            self.con.execute("rollback")
            raise


@dataclass
class Batch:
    """Write operations inside one transaction; counts rows touched per table."""

    session: Session
    step: str
    partition_key: str | None
    started: dt.datetime
    counts: dict[str, int] = field(default_factory=dict)

    def _add(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def mark_articles(self, article_ids: Sequence[str], relation: str | None = None) -> None:
        """Record the buckets of these articles as changed, in this transaction.

        With ``relation``, only that relation's rows changed there (the next publish
        rewrites its files of those buckets); without, any relation's may have.
        ``relation`` may name one column (``"articles.story_id"``): then the relations
        derived from it (the search index views) are rewritten only if they read it.
        """
        buckets = sorted({bucket_of(a) for a in article_ids})
        if buckets:
            self.mark_articles_sql("select unnest(?::varchar[])", [buckets], relation=relation)

    def mark_everything(self) -> None:
        """Record that any bucket may have changed (the next publish rewrites all)."""
        self.mark_articles_sql("select '*'")

    def mark_articles_sql(
        self, bucket_query: str, params: Sequence[Any] = (), *, relation: str | None = None
    ) -> None:
        """Mark the buckets ``bucket_query`` returns (see :meth:`mark_articles`)."""
        if relation is None:
            sql = f"insert into publisher.dirty_buckets {bucket_query} on conflict do nothing"
            args = list(params)
        else:
            sql = (
                "insert into publisher.dirty_relation_buckets select ?, b "
                f"from ({bucket_query}) as q(b) on conflict do nothing"
            )
            args = [relation, *params]
        self.session.con.execute(sql, args)

    def upsert(
        self,
        table: str,
        rows: Sequence[dict[str, Any]] | pa.Table,
        *,
        keep: Sequence[str] = (),
        mark: bool = True,
    ) -> int:
        """Insert rows, updating existing keys in place.

        Columns in ``keep`` are not overwritten. Rows are deduplicated by the table's
        primary key (from the registry) first. ``mark=False``: the caller has marked the
        rows' articles already (their buckets are republished either way).
        """
        con = self.session.con
        data = rows if isinstance(rows, pa.Table) else self.session.to_arrow(table, rows)
        if data.num_rows == 0:
            return 0
        if mark and self.session.is_bucketed(table):
            # Each article once: a batch's thousands of rows belong to a few hundred.
            ids = pc.unique(data.column(BUCKET_COLUMN)).drop_null().to_pylist()
            self.mark_articles(ids, table)
        spec = schema.table(table)
        key, cols = spec.primary_key, spec.column_names
        sets = ", ".join(
            f"{_ident(c)} = excluded.{_ident(c)}" for c in cols if c not in key and c not in keep
        )
        name = f"_batch_{table}"
        con.register(name, data)
        try:
            # Deduplicate by key inside the batch: DuckDB rejects a batch that
            # touches one key twice.
            keys = ", ".join(_ident(k) for k in key)
            dedup = (
                f"select * from {name} qualify row_number() over (partition by {keys} "
                f"order by 1) = 1"
            )
            action = f"do update set {sets}" if sets else "do nothing"
            con.execute(
                f"insert into {_ident(table)} by name {dedup} on conflict ({keys}) {action}"
            )
        finally:
            con.unregister(name)
        n = int(data.num_rows)
        self._add(table, n)
        return n

    def replace_for_articles(
        self,
        table: str,
        article_ids: Sequence[str],
        rows: Sequence[dict[str, Any]] | pa.Table,
    ) -> None:
        """Make ``table``'s rows for these articles exactly ``rows`` (matched by primary key).

        Upsert first, then delete the articles' rows whose keys were not produced:
        deleting and re-inserting one key inside a transaction trips DuckDB's
        eager unique checks (duckdb issues 16520, 16604).
        """
        con = self.session.con
        key = schema.table(table).primary_key
        data = rows if isinstance(rows, pa.Table) else self.session.to_arrow(table, rows)
        self.mark_articles(article_ids, table)
        self.upsert(table, data, mark=False)  # its rows are these articles' (marked above)
        name = f"_keep_{table}"
        con.register(name, data.select(list(key)))
        try:
            cond = " and ".join(f"k.{_ident(c)} = {_ident(table)}.{_ident(c)}" for c in key)
            self._execute(
                f"delete from {_ident(table)} where article_id in (select unnest(?::varchar[])) "
                f"and not exists (select 1 from {name} as k where {cond})",
                [list(article_ids)],
                count_as=f"{table}_deleted",
            )
        finally:
            con.unregister(name)

    def execute(
        self,
        sql: str,
        params: Sequence[Any] = (),
        *,
        count_as: str | None = None,
        articles: Sequence[str] | None = None,
    ) -> int:
        """Run one write statement.

        ``articles`` names the articles whose rows it may change, so that only their
        buckets are republished; without it every bucket is marked (always correct,
        a full republish).
        """
        if articles is None:
            self.mark_everything()
        else:
            self.mark_articles(articles)
        return self._execute(sql, params, count_as=count_as)

    def _execute(self, sql: str, params: Sequence[Any] = (), *, count_as: str | None = None) -> int:
        cur = self.session.con.execute(sql, list(params))
        n = 0
        if count_as:
            row = cur.fetchone()
            n = int(row[0]) if row and isinstance(row[0], int) else 0
            self._add(count_as, n)
        return n

    def delete_where_in(self, table: str, column: str, values: Sequence[str]) -> int:
        """Delete rows whose ``column`` is in ``values`` (passed as one list parameter)."""
        if not values:
            return 0
        where = f"{_ident(column)} in (select unnest(?::varchar[]))"
        if self.session.is_bucketed(table):
            self.mark_articles_sql(
                f"select distinct bucket_of({BUCKET_COLUMN}) from {_ident(table)} where {where}",
                [list(values)],
                relation=table,
            )
        return self._execute(
            f"delete from {_ident(table)} where {where}",
            [list(values)],
            count_as=f"{table}_deleted",
        )

    def run_named(self, name: str, *, count_as: str | None = None) -> None:
        """Run ``sql/dml/<name>.sql``, a statement at a time.

        Each insert, update or delete adds the rows it changed to the batch's counts
        (``<table>_written`` for an insert or upsert, ``_updated``, ``_deleted``): what a rebuild really wrote.
        Tables without articles are republished when their content changes; if the
        file writes a table of article rows, every bucket is marked.
        """
        text = load_sql("dml", name)
        written = {m.lower() for m in _WRITTEN_TABLE.findall(text)}
        if any(self.session.is_bucketed(t) for t in written):
            self.mark_everything()
        for statement in _statements(text):
            cur = self.session.con.execute(statement)
            dml = _DML.match(_without_comments(statement))
            if dml:
                row = cur.fetchone()
                verb = dml.group(1).split()[0].lower()
                self._add(f"{dml.group(2).lower()}_{_DML_VERBS[verb]}", int(row[0]) if row else 0)
        if count_as:
            self._add(count_as, 1)


_WRITTEN_TABLE = re.compile(
    r"\b(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|truncate)\s+(\w+)", re.I
)
# A statement that writes a table (its first words), and what its row count means.
_DML = re.compile(r"\s*(insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+(\w+)", re.I)
_DML_VERBS = {"insert": "written", "update": "updated", "delete": "deleted"}


def _without_comments(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))


def _statements(script: str) -> list[str]:
    """The statements of a SQL script (each ends with ``;`` at the end of a line)."""
    parts = re.split(r";[ \t]*(?:\n|$)", script)
    return [p for p in parts if _without_comments(p).strip()]


_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def _ident(name: str) -> str:
    """Quote an identifier from our own schema; refuse anything else."""
    if not _IDENT.match(name):
        raise ValueError(f"unexpected SQL identifier {name!r}")
    return f'"{name}"'
