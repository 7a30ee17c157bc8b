"""The Parquet stage: what per-shard steps hand to the single DuckDB writer.

A run's per-shard steps (parsing, analysis) may run on other machines (dask workers),
which cannot write the DuckDB working copy: DuckDB allows one writing process, and the
file lives on the loader's disk. So they write Parquet files under a stage folder that
every machine sees (a shared filesystem), and the loader steps merge them:

``<stage>/<run_id>/parse/<shard>.todo.parquet``
    files of the shard to parse (written by the planner, the writer).
``<stage>/<run_id>/parse/<shard>.parquet``
    their outcomes (status, articles, rejections), sorted by ``source_file``.
``<stage>/<run_id>/analysis/<shard>.todo.parquet``
    the shard's pending articles (id, body, authors), sorted by ``article_id``.
``<stage>/<run_id>/analysis/<shard>/<batch>.<table>.parquet``
    one batch's rows of every article-child table; ``<batch>.done.parquet`` (the
    batch's article ids, authors and words) is written last, so a batch without it
    is incomplete and never loaded. ``<batch>.loaded`` says the batch is in the
    warehouse already: in a run whose per-shard steps share the writer's process, each
    step commits its batches as it stages them, while the workers parse the next ones.
    It holds the batch's rows per table (JSON), so the load step counts a committed
    batch without reading its tables back (an empty marker, as older code wrote, makes
    the load step read them).

Every file is written under a temporary name and renamed, so a reader sees whole
files or none. A run's folder is deleted by its loaders once merged; folders of runs
that are no longer alive are deleted by the next run's planner (see
:func:`remove_dead_runs`), after their complete analysis batches were reused.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.core.models import ParsedArticle, Rejection
from pipelines.warehouse.schema import apply_schema

TODO = "todo"
DONE = "done"
LOADED = "loaded"

_ARTICLE = pa.struct(
    [
        ("source_file", pa.string()),
        ("body", pa.string()),
        ("record_ref", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("dateline", pa.string()),
        ("published_date", pa.date32()),
        ("date_reason", pa.string()),
        ("url", pa.string()),
        ("source_format", pa.string()),
        ("encoding", pa.string()),
    ]
)
_REJECTION = pa.struct(
    [
        ("source_file", pa.string()),
        ("reason_code", pa.string()),
        ("reason", pa.string()),
        ("record_ref", pa.string()),
    ]
)
PARSE_TODO = pa.schema(
    [
        ("source_file", pa.string()),
        ("size_bytes", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("content_hash", pa.string()),
    ]
)
PARSE_OUTCOME = pa.schema(
    [
        ("source_file", pa.string()),
        ("content_hash", pa.string()),
        ("status", pa.string()),
        ("reason_code", pa.string()),
        ("reason", pa.string()),
        ("articles", pa.list_(_ARTICLE)),
        ("rejections", pa.list_(_REJECTION)),
    ]
)
ANALYSIS_TODO = pa.schema(
    [("article_id", pa.string()), ("body", pa.string()), ("authors", pa.list_(pa.string()))]
)
BATCH_DONE = pa.schema(
    [("article_id", pa.string()), ("authors", pa.list_(pa.string())), ("words", pa.int64())]
)


@dataclass(frozen=True, slots=True)
class StagedOutcome:
    """A parsed file as staged: what ``steps`` needs to write its rows."""

    source_file: str
    content_hash: str | None
    status: str
    reason_code: str | None
    reason: str | None
    articles: tuple[ParsedArticle, ...]
    rejections: tuple[Rejection, ...]


@dataclass(frozen=True, slots=True)
class AnalysisBatch:
    """One staged batch of analysed articles: their ids, authors, words and rows."""

    article_ids: list[str]
    authors: list[list[str]]
    words: int
    tables: Mapping[str, pa.Table]
    loaded: bool = False  # committed to the warehouse by the step that staged it
    # Rows per table when the ``loaded`` marker recorded them (``tables`` is then read
    # only if a caller asks for a table).
    row_counts: Mapping[str, int] | None = None

    def rows(self, table: str) -> int:
        """Rows of ``table`` in this batch (from the marker when it has them)."""
        if self.row_counts is not None:
            return self.row_counts[table]
        return int(self.tables[table].num_rows)


class _StagedTables(Mapping[str, pa.Table]):
    """A staged batch's tables, each read from its Parquet file when first asked for."""

    def __init__(self, folder: Path, index: str, names: Sequence[str]) -> None:
        self._folder, self._index, self._names = folder, index, tuple(names)
        self._read: dict[str, pa.Table] = {}

    def __getitem__(self, name: str) -> pa.Table:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._read:
            self._read[name] = pq.read_table(self._folder / f"{self._index}.{name}.parquet")
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


@lru_cache(maxsize=1)
def table_schemas() -> dict[str, pa.Schema]:
    """Arrow schema of every warehouse table, from the DDL (an in-memory database)."""
    con = duckdb.connect(":memory:")
    try:
        apply_schema(con)
        names = [
            r[0]
            for r in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main'"
            ).fetchall()
        ]
        return {n: con.sql(f'select * from "{n}" limit 0').to_arrow_table().schema for n in names}
    finally:
        con.close()


def write_atomic(path: Path, table: pa.Table) -> None:
    """Write ``table`` to ``path`` as Parquet via a temporary name (whole file or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)


class StreamWriter:
    """Append record batches to one Parquet file; renamed into place on :meth:`close`."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        """Open a temporary file beside ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.schema = schema
        self._tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        self._writer = pq.ParquetWriter(self._tmp, schema)
        self.rows = 0

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self._writer.write_table(pa.Table.from_pylist(list(rows), schema=self.schema))
            self.rows += len(rows)

    def close(self) -> None:
        self._writer.close()
        self._tmp.replace(self.path)

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)


def read_rows(path: Path, batch_rows: int = 500) -> Iterator[dict[str, Any]]:
    """Rows of a staged file as dicts, a record batch at a time (flat memory)."""
    with pq.ParquetFile(path) as f:
        for batch in f.iter_batches(batch_size=batch_rows):
            yield from batch.to_pylist()


@dataclass(frozen=True)
class RunStage:
    """The stage folder of one run."""

    root: Path
    run_id: str

    @property
    def path(self) -> Path:
        return self.root / self.run_id

    # ------------------------------------------------------------ parsing
    def parse_todo(self, shard: str) -> Path:
        return self.path / "parse" / f"{shard}.{TODO}.parquet"

    def parse_outcomes(self, shard: str) -> Path:
        return self.path / "parse" / f"{shard}.parquet"

    def write_parse_todo(self, shard: str, files: Sequence[dict[str, Any]]) -> None:
        rows = [{k: f[k] for k in PARSE_TODO.names} for f in files]
        write_atomic(self.parse_todo(shard), pa.Table.from_pylist(rows, schema=PARSE_TODO))

    def outcome_writer(self, shard: str) -> StreamWriter:
        return StreamWriter(self.parse_outcomes(shard), PARSE_OUTCOME)

    def staged_outcomes(self, shards: Iterable[str]) -> Iterator[StagedOutcome]:
        """Every staged parse outcome of ``shards``, merged in ``source_file`` order."""
        streams = [
            (_outcome(r) for r in read_rows(p))
            for p in (self.parse_outcomes(s) for s in sorted(shards))
            if p.exists()
        ]
        return heapq.merge(*streams, key=lambda o: o.source_file)

    # ------------------------------------------------------------ analysis
    def analysis_todo(self, shard: str) -> Path:
        return self.path / "analysis" / f"{shard}.{TODO}.parquet"

    def analysis_dir(self, shard: str) -> Path:
        return self.path / "analysis" / shard

    def todo_writer(self, shard: str) -> StreamWriter:
        return StreamWriter(self.analysis_todo(shard), ANALYSIS_TODO)

    def write_batch(
        self,
        shard: str,
        index: int,
        done: Sequence[dict[str, Any]],
        tables: dict[str, list[dict[str, Any]]],
    ) -> dict[str, pa.Table]:
        """Stage one analysed batch; the ``done`` file last (it marks the batch complete).

        Returns the batch's rows as staged (Arrow tables), for a caller that loads them too.
        """
        schemas = table_schemas()
        folder = self.analysis_dir(shard)
        staged = {
            name: pa.Table.from_pylist(rows, schema=schemas[name]) for name, rows in tables.items()
        }
        for name, table in staged.items():
            write_atomic(folder / f"{index:06d}.{name}.parquet", table)
        write_atomic(
            folder / f"{index:06d}.{DONE}.parquet", pa.Table.from_pylist(list(done), BATCH_DONE)
        )
        return staged

    def mark_batch_loaded(
        self, shard: str, index: int, row_counts: Mapping[str, int] | None = None
    ) -> None:
        """Record that a staged batch was committed to the warehouse (after the commit).

        ``row_counts`` (rows per table) go into the marker, so the load step counts the
        batch from it instead of reading the batch's tables back.
        """
        path = self.analysis_dir(shard) / f"{index:06d}.{LOADED}"
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        tmp.write_text(json.dumps(dict(row_counts or {}), sort_keys=True), encoding="utf-8")
        tmp.replace(path)

    def mark_analysis_started(self) -> None:
        """Record when the analysis stage began (its rate counts from here)."""
        path = self.path / "analysis" / "started"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(repr(time.time()), encoding="ascii")

    def analysis_started(self) -> float | None:
        try:
            return float((self.path / "analysis" / "started").read_text(encoding="ascii"))
        except (OSError, ValueError):
            return None

    def remove(self, part: str | None = None) -> None:
        """Delete this run's stage (or one part of it: ``parse``, ``analysis``)."""
        shutil.rmtree(self.path / part if part else self.path, ignore_errors=True)


def analysis_batches(folder: Path, tables: Sequence[str]) -> Iterator[AnalysisBatch]:
    """The complete staged batches under one shard's analysis folder, in order."""
    if not folder.is_dir():
        return
    for done in sorted(folder.glob(f"*.{DONE}.parquet")):
        index = done.name.split(".", 1)[0]
        marker = pq.read_table(done)
        loaded = folder / f"{index}.{LOADED}"
        counts = _loaded_counts(loaded, tables) if loaded.exists() else None
        staged: Mapping[str, pa.Table] = _StagedTables(folder, index, tables)
        if counts is None:
            staged = {t: staged[t] for t in tables}  # not committed yet: read them now
        yield AnalysisBatch(
            article_ids=marker.column("article_id").to_pylist(),
            authors=[list(a or []) for a in marker.column("authors").to_pylist()],
            words=int(sum(marker.column("words").to_pylist())),
            tables=staged,
            loaded=loaded.exists(),
            row_counts=counts,
        )


def _loaded_counts(marker: Path, tables: Sequence[str]) -> dict[str, int] | None:
    """Rows per table a ``loaded`` marker recorded; None when it holds no count of one."""
    try:
        counts = json.loads(marker.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return None
    if not isinstance(counts, dict) or not all(isinstance(counts.get(t), int) for t in tables):
        return None
    return {t: int(counts[t]) for t in tables}


def stage_path_for(warehouse: Path) -> Path:
    """The default stage folder: ``<stem>.stage`` beside the warehouse file."""
    return warehouse.with_name(f"{warehouse.stem}.stage")


def row_count(path: Path) -> int:
    """Rows in a Parquet file (from its footer)."""
    with pq.ParquetFile(path) as f:
        return int(f.metadata.num_rows)


def pending_total(run_stage: RunStage) -> int:
    """Articles staged for analysis in this run, all shards together."""
    folder = run_stage.path / "analysis"
    if not folder.is_dir():
        return 0
    return sum(row_count(p) for p in folder.glob(f"*.{TODO}.parquet"))


def leftover_runs(root: Path, keep: Callable[[str], bool]) -> list[RunStage]:
    """Stage folders of other runs for which ``keep(run_id)`` is false (dead or finished)."""
    if not root.is_dir():
        return []
    return [
        RunStage(root, p.name) for p in sorted(root.iterdir()) if p.is_dir() and not keep(p.name)
    ]


def _outcome(row: dict[str, Any]) -> StagedOutcome:
    names = [f.name for f in fields(ParsedArticle)]
    articles = []
    for a in row["articles"] or []:
        values = {n: a[n] for n in names}
        values["authors"] = tuple(values["authors"] or ())
        if isinstance(values["published_date"], dt.datetime):  # pragma: no cover - defensive
            values["published_date"] = values["published_date"].date()
        articles.append(ParsedArticle(**values))
    rejections = tuple(Rejection(**r) for r in row["rejections"] or [])
    return StagedOutcome(
        row["source_file"],
        row["content_hash"],
        row["status"],
        row["reason_code"],
        row["reason"],
        tuple(articles),
        rejections,
    )


def outcome_row(source_file: str, content_hash: str | None, outcome: Any) -> dict[str, Any]:
    """A parse outcome (``steps._FileOutcome``) as a staged row."""
    return {
        "source_file": source_file,
        "content_hash": content_hash,
        "status": outcome.status,
        "reason_code": outcome.reason_code,
        "reason": outcome.reason,
        "articles": [
            {f.name: getattr(a, f.name) for f in fields(ParsedArticle)} for a in outcome.articles
        ],
        "rejections": [
            {f.name: getattr(r, f.name) for f in fields(Rejection)} for r in outcome.rejections
        ],
    }
