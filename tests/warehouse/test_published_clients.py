"""The published warehouse opens in a DuckDB 1.x client and answers the README's queries."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.golden.build import build_seed_warehouse


def _cli() -> Path:
    """The DuckDB 1.x shell shipped by the PyPI wheel duckdb-cli (a dev dependency)."""
    try:
        import duckdb_cli  # type: ignore[import-not-found]
    except ImportError:
        pytest.fail("duckdb-cli is a dev dependency (uv.lock): run `make .venv/.synced`")
    binary = Path(duckdb_cli.__file__).with_name("duckdb")
    assert binary.exists(), binary
    return binary


def readme_queries() -> list[str]:
    """Every ```sql block of the README's warehouse section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## The warehouse (the public interface for SQL users)", 1)[1]
    section = section.split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```sql\n(.*?)```", section, re.S)]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("published") / "warehouse.duckdb"
    build_seed_warehouse(path).publish()
    return path


def test_the_1x_client_refuses_duckdb_2_files_but_opens_ours(published, tmp_path):
    cli = _cli()
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1."), version.stdout
    # The point of the old storage version: a file in DuckDB 2.0's own format is refused.
    import duckdb

    native = tmp_path / "native.duckdb"
    duckdb.connect(str(native)).execute("create table t as select 1 as x").close()
    res = subprocess.run(
        [cli, "-readonly", str(native), "-c", "select * from t"], capture_output=True, text=True
    )
    assert res.returncode != 0 and "version" in (res.stdout + res.stderr).lower()
    res = subprocess.run(
        [cli, "-readonly", str(published), "-csv", "-c", "select generation from warehouse_info"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0 and res.stdout.split() == ["generation", "1"], res.stderr


def test_readme_queries_run_in_the_1x_client(published):
    queries = readme_queries()
    assert len(queries) >= 11, "the README shows ten questions plus the search example"
    cli = _cli()
    for sql in queries:
        res = subprocess.run(
            [cli, "-readonly", str(published), "-csv", "-c", sql],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 0 and "Error" not in res.stderr, (sql, res.stderr)
        rows = res.stdout.strip().splitlines()
        assert len(rows) >= 2, (sql, res.stdout)  # a header and at least one row


def test_python_client_needs_no_extension_for_search(published, tmp_path):
    """A fresh process with extension autoloading off still searches."""
    code = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True, "
        "config={'autoinstall_known_extensions': False, 'autoload_known_extensions': False})\n"
        "print(con.execute(\"select count(*) from search_quotes('troop deployment')\").fetchone()[0])\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(published)], capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0 and int(res.stdout) > 0, res.stderr
