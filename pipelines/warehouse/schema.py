"""The warehouse schema: the SQL files in ``sql/`` and the table registry read from them.

``sql/ddl/NNN_*.sql`` create tables (``create table if not exists``) and apply in
file-name order; ``sql/macros/*.sql`` define scalar macros (text tokenising);
``sql/views/*.sql`` replace the analyst views; ``sql/search/*.sql`` are the search
index relations (views in the working copy, materialised as Parquet when published);
``sql/table_macros/*.sql`` the search macros; ``sql/publisher/*.sql`` is the
publisher's private bookkeeping; ``sql/dml/*.sql`` are named scripts the writer runs. SQL lives in files so analysts can read the exact
definitions, and is loaded by name, never assembled from user values.

The registry (:func:`registry`) is what DuckDB itself says about the DDL: tables in
creation order, their ``COMMENT ON`` text, columns, types and primary keys. Everything
that needs a list of tables (the writer's keys, the Dagster asset specs, reports,
the generated checks) reads it here, so adding a table is the DDL plus the code that
fills it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import duckdb


def _find_sql_dir() -> Path:
    """``sql/`` beside the package in a checkout, or ``pipelines/sql`` inside a wheel."""
    packaged = Path(str(resources.files("pipelines"))) / "sql"  # wheels (pyproject force-include)
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "sql"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"SQL files not found in {packaged} (wheel) or {checkout} (checkout)")


SQL_DIR = _find_sql_dir()

# The article table and the column that ties a row to one article. A table with this
# column is an article child: the analysis step fills it, its rows are replaced whenever
# the article is re-analysed, and they are deleted with the article.
ARTICLES = "articles"
ARTICLE_KEY = "article_id"
# The one fact the DDL cannot state: tables that are a step's working state rather than
# analyst data (no asset, not in reports, never an article child even with article_id).
BOOKKEEPING_TABLES = frozenset({"load_batches"})  # the writer's log of transactions
INTERNAL_TABLES = BOOKKEEPING_TABLES | frozenset(
    # what the stories/statements step compares new articles against (pipelines/grouping.py)
    {
        "story_signatures",
        "story_postings",
        "story_links",
        "statement_signatures",
        "statement_links",
    }
)


# Rows that carry this column belong to an article; the publisher writes them in
# buckets of articles (``bucket_of(article_id)``), everything else as one file per table.
BUCKET_COLUMN = ARTICLE_KEY


def _files(kind: str) -> list[Path]:
    return sorted((SQL_DIR / kind).glob("*.sql"))


def load_sql(kind: str, name: str) -> str:
    """Text of ``sql/<kind>/<name>.sql``."""
    return _read(SQL_DIR / kind / f"{name}.sql")


@lru_cache(maxsize=128)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def sql_version(kind: str, name: str) -> str:
    """Digest of one SQL file (a code version for steps that are one script)."""
    return hashlib.sha256(load_sql(kind, name).encode()).hexdigest()[:10]


def schema_version() -> str:
    """Digest of every file that shapes what analysts see (tables, macros, views, search)."""
    h = hashlib.sha256()
    for kind in ("ddl", "macros", "views", "search", "table_macros"):
        for path in _files(kind):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


# Which schema files (and DuckDB version) were last applied to a database file.
_STAMP_TABLE = "schema_state.applied"


@lru_cache(maxsize=1)
def _applied_version() -> str:
    """Digest of every file :func:`apply_schema` runs, and of the DuckDB version."""
    h = hashlib.sha256(duckdb.__version__.encode())
    for kind in ("ddl", "publisher", "macros", "views", "search", "table_macros"):
        for path in _files(kind):
            h.update(f"{kind}/{path.name}\n".encode())
            h.update(_read(path).encode())
    return h.hexdigest()[:16]


def _stamp(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        row = con.execute(f"select version from {_STAMP_TABLE}").fetchone()
    except duckdb.CatalogException:
        return None
    return str(row[0]) if row else None


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and the publisher's state, then (re)create macros and views.

    Each file runs as one script; all of it in one transaction (one commit, and all
    or nothing). A database already stamped with the current files' digest is left as
    it is: every step of a run opens the working copy, and re-creating ~60 views and
    macros each time cost about 0.25 s a step (a fifth of a no-op run's step time).
    """
    version = _applied_version()
    if _stamp(con) == version:
        return
    con.execute("begin transaction")
    try:
        for path in _files("ddl") + _files("publisher"):
            con.execute(_read(path))
        apply_views_and_macros(con)
        con.execute("create schema if not exists schema_state")
        con.execute(f"create or replace table {_STAMP_TABLE} (version varchar not null)")
        con.execute(f"insert into {_STAMP_TABLE} values (?)", [version])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def apply_views_and_macros(con: duckdb.DuckDBPyConnection, *, search: bool = True) -> None:
    """(Re)create the macros, the analyst views and (with ``search``) the index views.

    The published catalog runs this too, after creating a view per table, with
    ``search=False`` because there the index relations are views over Parquet.
    Table macros bind their tables when created, so they come last.
    """
    kinds = (
        ("macros", "views", "search", "table_macros")
        if search
        else ("macros", "views", "table_macros")
    )
    for kind in kinds:
        for path in _dependency_order(_files(kind)):
            con.execute(_read(path))


def _dependency_order(paths: list[Path]) -> list[Path]:
    """Files ordered so that a view comes after the views (file stems) it reads."""
    by_stem = {p.stem: p for p in paths}
    done: list[Path] = []
    seen: set[str] = set()

    def reads(stem: str) -> str:
        # The create statement's body, without comments: what the view reads.
        code = []
        for line in _read(by_stem[stem]).splitlines():
            if not line.strip().startswith("--"):
                code.append(line)
            if line.rstrip().endswith(";"):
                break
        return "\n".join(code).split(" as", 1)[-1]

    def visit(stem: str, stack: tuple[str, ...]) -> None:
        if stem in seen:
            return
        if stem in stack:
            raise ValueError(f"views read each other in a cycle: {' -> '.join(stack)}")
        body = reads(stem)
        for other in by_stem:
            if other != stem and re.search(rf"\b{re.escape(other)}\b", body):
                visit(other, (*stack, stem))
        seen.add(stem)
        done.append(by_stem[stem])

    for stem in sorted(by_stem):
        visit(stem, ())
    return done


def view_files(kind: str) -> list[Path]:
    """SQL files of ``sql/<kind>/``, in file-name order."""
    return _files(kind)


def bucketed_tables() -> tuple[str, ...]:
    """Tables whose rows belong to an article (they carry ``article_id``), articles included."""
    return tuple(t.name for t in registry().values() if BUCKET_COLUMN in t.column_names)


@dataclass(frozen=True, slots=True)
class Column:
    """One column as the DDL declares it."""

    name: str
    data_type: str
    description: str
    nullable: bool


@dataclass(frozen=True, slots=True)
class Table:
    """One table as the DDL declares it (``description`` is its ``COMMENT ON TABLE``)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def is_article_child(self) -> bool:
        return (
            self.name != ARTICLES
            and self.name not in INTERNAL_TABLES
            and ARTICLE_KEY in self.column_names
        )


def registry() -> dict[str, Table]:
    """Every table of the DDL, in creation order, as DuckDB reads it."""
    return _registry(SQL_DIR)


@lru_cache(maxsize=4)
def _registry(sql_dir: Path) -> dict[str, Table]:
    con = duckdb.connect(":memory:")
    try:
        for path in sorted((sql_dir / "ddl").glob("*.sql")):
            con.execute(path.read_text(encoding="utf-8"))
        tables = con.execute(
            "select table_name, coalesce(comment, '') from duckdb_tables() "
            "where schema_name = 'main' order by table_oid"
        ).fetchall()
        columns = con.execute(
            "select table_name, column_name, data_type, coalesce(comment, ''), is_nullable "
            "from duckdb_columns() where schema_name = 'main' order by table_name, column_index"
        ).fetchall()
        keys = con.execute(
            "select table_name, constraint_column_names from duckdb_constraints() "
            "where schema_name = 'main' and constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    finally:
        con.close()
    cols: dict[str, list[Column]] = {}
    for table, name, dtype, comment, nullable in columns:
        cols.setdefault(table, []).append(Column(name, dtype, comment, bool(nullable)))
    pks = {table: tuple(names) for table, names in keys}
    return {
        name: Table(name, comment, tuple(cols.get(name, ())), pks.get(name, ()))
        for name, comment in tables
    }


def table(name: str) -> Table:
    """The registry entry of one table (KeyError for a name the DDL does not create)."""
    return registry()[name]


def public_tables() -> tuple[str, ...]:
    """Tables analysts query (all but the steps' working state), in DDL order."""
    return tuple(t for t in registry() if t not in INTERNAL_TABLES)


def article_child_tables() -> tuple[str, ...]:
    """Tables whose rows belong to one article (they carry ``article_id``), in DDL order."""
    return tuple(t.name for t in registry().values() if t.is_article_child)
