"""``python -m pipelines export``: every public table and view, with a README of columns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse.export import ExportError, export_warehouse
from tests.conftest import REPO
from tests.golden.build import build_seed_warehouse


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exp") / "warehouse.duckdb"
    build_seed_warehouse(path).publish()
    return path


def _catalog(published: Path) -> dict[str, int]:
    con = duckdb.connect(str(published), read_only=True)
    try:
        views = [
            r[0]
            for r in con.execute(
                "select view_name from duckdb_views() where not internal "
                "and database_name = current_database()"
            ).fetchall()
        ]
        return {v: con.execute(f'select count(*) from "{v}"').fetchone()[0] for v in views}
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_and_view_with_a_readme(published, tmp_path, fmt):
    out = tmp_path / "out"
    relations = export_warehouse(published, out, fmt)
    expected = _catalog(published)
    assert {r.name for r in relations} == set(expected)
    assert {"articles", "quotes", "quotes_in_context", "search_quote_terms"} <= set(expected)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    con = duckdb.connect()
    for name, rows in expected.items():
        path = out / f"{name}.{fmt}"
        assert path.exists(), name
        if rows:
            assert con.execute(f"select count(*) from {reader}('{path}')").fetchone()[0] == rows
    readme = (out / "README.md").read_text(encoding="utf-8")
    for r in relations:
        assert f"## {r.name}" in readme
        for col, _, comment in r.columns:
            assert comment, (r.name, col)  # every column has its meaning
            assert f"| `{col}` |" in readme
    assert "Quoted words without the quote marks" in readme


def test_export_errors_are_one_line(tmp_path, published):
    with pytest.raises(ExportError, match="does not exist"):
        export_warehouse(tmp_path / "missing.duckdb", tmp_path / "o", "csv")
    with pytest.raises(ExportError, match="unknown format"):
        export_warehouse(published, tmp_path / "o", "xlsx")  # type: ignore[arg-type]
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines",
            "export",
            "--format",
            "csv",
            str(tmp_path / "o"),
            "--warehouse",
            str(tmp_path / "missing.duckdb"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "does not exist" in res.stderr
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines",
            "export",
            "--format",
            "parquet",
            str(tmp_path / "ok"),
            "--warehouse",
            str(published),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert res.returncode == 0 and (tmp_path / "ok" / "README.md").exists(), res.stderr
