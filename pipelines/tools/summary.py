"""The short summary ``make run`` prints: rows per table and top speakers."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.warehouse import reports
from pipelines.warehouse.writer import Session, writer_path_for


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
        session = Session(con)  # read-only: only the report queries run on it
        print(f"warehouse: {path}")
        for table, n in reports.table_counts(session).items():
            print(f"  {table:<20} {n:>8} rows")
        status = reports.files_by_status(session)
        print("  files by status: " + ", ".join(f"{s}={n}" for s, n in status.items()))
        print("top speakers (direct + partial quotes):")
        for name, direct, partial in reports.top_speakers(session):
            print(f"  {name:<40} {direct:>4} direct {partial:>4} partial")
    finally:
        con.close()
