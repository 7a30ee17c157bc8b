"""``python -m pipelines export --format parquet|csv DIR``: every public table and view."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines import settings
from pipelines.warehouse.export import FORMATS, ExportError, export_warehouse


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Arguments of the export command (usable as a sub-parser)."""
    parser = parser or argparse.ArgumentParser(
        prog="python -m pipelines export",
        description="Write every public table and view of the published warehouse to DIR, "
        "with a README.md listing each one's columns and their meaning.",
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="output folder (created if missing)")
    parser.add_argument("--format", choices=FORMATS, default="parquet", help="file format")
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help="published warehouse to read (default: $NEWS_WAREHOUSE or data/warehouse.duckdb)",
    )
    return parser


def run_export(out_dir: Path, fmt: str, warehouse: Path | None = None) -> int:
    """Export and print one line per file; a one-line error and exit status 1 on failure."""
    catalog = warehouse or settings.warehouse_path()
    try:
        relations = export_warehouse(catalog, out_dir, fmt)  # type: ignore[arg-type]
    except ExportError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 1
    for r in relations:
        print(f"  {r.file:<36} {r.rows:>9} rows  ({r.kind})")
    print(f"exported {len(relations)} tables and views to {out_dir} (see {out_dir}/README.md)")
    return 0


def main(argv: list[str]) -> int:
    """``export`` as ``python -m pipelines export ARGV`` runs it."""
    from pipelines.cli import main as cli_main

    return cli_main(["export", *argv])
