"""Export every public table and view of the published warehouse to Parquet or CSV.

Reads the published catalog (what analysts see), writes ``<name>.parquet`` or
``<name>.csv`` per relation and a ``README.md`` that lists each one's columns, types
and meaning from the ``COMMENT ON`` text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb

from pipelines.warehouse.publish import _ident, _sql_str

Format = Literal["parquet", "csv"]
FORMATS: tuple[Format, ...] = ("parquet", "csv")


class ExportError(RuntimeError):
    """The warehouse could not be read or the output could not be written."""


@dataclass(frozen=True)
class ExportedRelation:
    name: str
    kind: str  # "table" (a published table) or "view" (an analyst view)
    comment: str
    rows: int
    columns: tuple[tuple[str, str, str], ...]  # (name, type, comment)
    file: str


def export_warehouse(catalog: Path, out_dir: Path, fmt: Format) -> list[ExportedRelation]:
    """Write every relation of the published catalog to ``out_dir`` in ``fmt``.

    Raises:
        ExportError: with a one-line reason (missing file, unreadable catalog, ...).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not catalog.exists():
        raise ExportError(f"{catalog} does not exist: run `make run` first")
    try:
        con = duckdb.connect(str(catalog), read_only=True)
    except duckdb.Error as exc:
        raise ExportError(f"{catalog} does not open: {exc}") from exc
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        info = con.execute("select generation, published_at from warehouse_info").fetchall()[0]
        views = con.execute(
            "select view_name, coalesce(comment, ''), sql from duckdb_views() "
            "where not internal and database_name = current_database() order by view_name"
        ).fetchall()
        out = []
        for name, comment, sql in views:
            kind = "table" if "read_parquet(" in sql else "view"
            cols = tuple(
                (c, t, cc or "")
                for c, t, cc in con.execute(
                    "select column_name, data_type, comment from duckdb_columns() "
                    "where table_name = ? and database_name = current_database() "
                    "order by column_index",
                    [name],
                ).fetchall()
            )
            file = f"{name}.{fmt}"
            options = "format parquet" if fmt == "parquet" else "format csv, header true"
            con.execute(
                f"copy (select * from {_ident(name)}) to {_sql_str(str(out_dir / file))} "
                f"({options})"
            )
            rows = int(con.execute(f"select count(*) from {_ident(name)}").fetchall()[0][0])
            out.append(ExportedRelation(name, kind, comment, rows, cols, file))
    except duckdb.Error as exc:
        raise ExportError(f"export from {catalog} failed: {exc}") from exc
    except OSError as exc:
        raise ExportError(f"cannot write to {out_dir}: {exc}") from exc
    finally:
        con.close()
    (out_dir / "README.md").write_text(
        render_readme(out, catalog, fmt, int(info[0]), str(info[1])), encoding="utf-8"
    )
    return out


def render_readme(
    relations: list[ExportedRelation], catalog: Path, fmt: Format, generation: int, at: str
) -> str:
    """The export's README: one section per file with its columns and their meaning."""
    lines = [
        "# News warehouse export",
        "",
        f"Exported as {fmt.upper()} from `{catalog}` (publish {generation}, {at} UTC).",
        "Offsets (`start_char`, `end_char`) index `articles.body` (0-based, end exclusive).",
        "",
        "| file | kind | rows | what one row is |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{r.file}` | {r.kind} | {r.rows} | {_cell(r.comment)} |" for r in relations]
    for r in relations:
        lines += ["", f"## {r.name}", "", r.comment or "(no description)", ""]
        lines += ["| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c}` | {t} | {_cell(cc)} |" for c, t, cc in r.columns]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
