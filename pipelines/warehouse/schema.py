"""The warehouse schema, read from the SQL files in ``sql/``.

``sql/ddl/NNN_*.sql`` create tables (``create table if not exists``) and apply in
file-name order; ``sql/views/*.sql`` replace views; ``sql/dml/*.sql`` are named
statements the writer runs. SQL lives in files so analysts can read the exact
definitions, and is loaded by name, never assembled from user values.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def _files(kind: str) -> list[Path]:
    return sorted((SQL_DIR / kind).glob("*.sql"))


@lru_cache(maxsize=64)
def load_sql(kind: str, name: str) -> str:
    """Text of ``sql/<kind>/<name>.sql``."""
    return (SQL_DIR / kind / f"{name}.sql").read_text(encoding="utf-8")


def schema_version() -> str:
    """Digest of every DDL and view file: changes whenever the public schema does."""
    h = hashlib.sha256()
    for path in _files("ddl") + _files("views"):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _statements(sql: str) -> list[str]:
    """Split a file into statements on ``;`` at line ends (our files keep it so)."""
    out, buf = [], []
    for line in sql.splitlines():
        buf.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(buf))
            buf = []
    tail = "\n".join(buf).strip()
    if tail and not all(x.strip().startswith("--") for x in tail.splitlines() if x.strip()):
        out.append(tail)
    return out


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, then (re)create every view."""
    for path in _files("ddl"):
        for stmt in _statements(path.read_text(encoding="utf-8")):
            con.execute(stmt)
    for path in _files("views"):
        con.execute(path.read_text(encoding="utf-8"))


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_name = ? and table_schema = 'main' order by ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def primary_key(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows: list[Any] = con.execute(
        "select constraint_column_names from duckdb_constraints() "
        "where table_name = ? and constraint_type = 'PRIMARY KEY'",
        [table],
    ).fetchall()
    return list(rows[0][0]) if rows else []
