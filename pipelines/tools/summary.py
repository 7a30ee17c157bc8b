"""The short summary ``make run`` prints (rows per table, top speakers), and the report.

It reads the published catalog, exactly what analysts open, never the pipeline's
working copy: if analysts cannot open it, the summary fails loudly instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from pipelines import settings
from pipelines.warehouse import reports
from pipelines.warehouse.writer import Session


def print_summary(path: Path | None = None) -> None:
    path = path or settings.warehouse_path()
    con = duckdb.connect(str(path), read_only=True)
    try:
        session = Session(con)  # read-only: only the report queries run on it
        info = con.execute("select generation, published_at from warehouse_info").fetchall()[0]
        print(f"warehouse: {path} (publish {info[0]}, {info[1]:%Y-%m-%d %H:%M:%S} UTC)")
        for table, n in reports.table_counts(session).items():
            print(f"  {table:<20} {n:>8} rows")
        status = reports.files_by_status(session)
        print("  files by status: " + ", ".join(f"{s}={n}" for s, n in status.items()))
        print("top speakers (direct + partial quotes):")
        for name, direct, partial in reports.top_speakers(session):
            print(f"  {name:<40} {direct:>4} direct {partial:>4} partial")
    finally:
        con.close()


def summary_main(argv: list[str]) -> int:
    """``python -m pipelines summary``: exit 1 with DuckDB's message if it does not open."""
    try:
        print_summary()
    except duckdb.Error as exc:
        print(f"summary: the published warehouse does not open: {exc}", file=sys.stderr)
        return 1
    return 0


def redraw_report(path: Path | None = None, output: Path | None = None) -> Path:
    """Draw ``report.html`` from the warehouse as it is (no run); returns where it went."""
    from pipelines import report

    path = path or settings.warehouse_path()
    output = output or settings.report_path(path)
    with reports.published_session(path) as session:
        counts = {t: session.count(t) for t in report.COUNTED_TABLES}
        charts, page = report.render(
            lambda name, needs: reports.chart_rows(session, name, needs), counts, str(path)
        )
    report.write_report(output, page)
    drawn = sum(c.no_data is None for c in charts)
    print(f"{output}: {drawn} charts, {len(charts) - drawn} without data")
    return output
