"""The wheel carries sql/ (as pipelines/sql), and the code finds it there when installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

HATCHLING = Path(sys.executable).with_name("hatchling")


def test_wheel_ships_the_sql_and_the_installed_code_reads_it(tmp_path):
    if not HATCHLING.exists():
        pytest.fail(f"{HATCHLING} missing: hatchling is in the dev group of uv.lock")
    subprocess.run(
        [str(HATCHLING), "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    expected = {
        f"pipelines/sql/{p.relative_to(REPO / 'sql').as_posix()}"
        for p in (REPO / "sql").rglob("*.sql")
    }
    assert expected and expected <= names, sorted(expected - names)
    # Import the unpacked wheel ahead of the checkout: it must use its own SQL files.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import duckdb\n"
        "from pipelines.warehouse import schema\n"
        "con = duckdb.connect()\n"
        "schema.apply_schema(con)\n"
        "print(schema.SQL_DIR)\n"
        "print(len(schema.public_tables()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "site")],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert Path(out[0]) == tmp_path / "site" / "pipelines" / "sql"
    assert int(out[1]) >= 11
