"""The short summary ``make run`` prints: rows per table and top speakers."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.warehouse.reports import PUBLIC_TABLES
from pipelines.warehouse.writer import writer_path_for


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException:
        # An analyst holds the published file read-write: read the working copy.
        return duckdb.connect(str(writer_path_for(path)), read_only=True)


def print_summary(path: Path | None = None) -> None:
    path = path or settings.warehouse_path()
    con = _open(path)
    try:
        print(f"warehouse: {path}")
        for t in PUBLIC_TABLES:
            n = con.execute(f'select count(*) from "{t}"').fetchone()
            print(f"  {t:<20} {n[0] if n else 0:>8} rows")
        status = con.execute(
            "select status, count(*) from ingest_files group by all order by all"
        ).fetchall()
        print("  files by status: " + ", ".join(f"{s}={n}" for s, n in status))
        top = con.execute(
            "select canonical_name, direct_quotes, partial_quotes from quotes_by_speaker "
            "order by direct_quotes + partial_quotes desc, canonical_name limit 10"
        ).fetchall()
        print("top speakers (direct + partial quotes):")
        for name, d, p in top:
            print(f"  {name:<40} {d:>4} direct {p:>4} partial")
    finally:
        con.close()
