"""The warehouse schema: the SQL files in ``sql/`` and the table registry read from them.

``sql/ddl/NNN_*.sql`` create tables (``create table if not exists``) and apply in
file-name order; ``sql/views/*.sql`` replace views; ``sql/dml/*.sql`` are named
scripts the writer runs. SQL lives in files so analysts can read the exact
definitions, and is loaded by name, never assembled from user values.

The registry (:func:`registry`) is what DuckDB itself says about the DDL: tables in
creation order, their ``COMMENT ON`` text, columns, types and primary keys. Everything
that needs a list of tables (the writer's keys, the Dagster asset specs, reports,
the generated checks) reads it here, so adding a table is the DDL plus the code that
fills it.
"""

from __future__ import annotations

import hashlib
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
    {"story_signatures", "story_links", "statement_signatures", "statement_links"}
)


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


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, then (re)create every view (each file runs as one script)."""
    for path in _files("ddl") + _files("views"):
        con.execute(_read(path))


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
