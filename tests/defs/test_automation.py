"""Sensor, schedule and analysts holding the warehouse open during a run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import dagster as dg
import pytest

from pipelines.defs.automation import daily_refresh, full_range_tags, landing_zone_sensor
from tests.conftest import REPO


@pytest.fixture
def zone(tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    landing.mkdir()
    monkeypatch.setenv("NEWS_LANDING", str(landing))
    monkeypatch.setenv("NEWS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    return landing


def _tick(cursor):
    ctx = dg.build_sensor_context(cursor=cursor)
    return landing_zone_sensor(ctx)


def test_sensor_fires_on_new_changed_removed_files_not_on_identical_redrop(zone):
    first = _tick(None)
    assert first.run_requests  # empty zone: one initial run records that
    cursor = first.cursor
    assert _tick(cursor).skip_reason
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    shutil.copyfile(seed, zone / "a.txt")
    added = _tick(cursor)
    assert len(added.run_requests) == 1
    req = added.run_requests[0]
    assert req.tags["trigger"] == "landing_sensor"
    assert req.run_key and req.run_key.startswith("landing-")
    cursor = added.cursor
    # Re-dropping identical bytes (new mtime, same content) starts nothing.
    shutil.copyfile(seed, zone / "a.txt")
    os.utime(zone / "a.txt", ns=(10**18, 10**18))
    assert _tick(cursor).skip_reason
    # A change or a removal does.
    (zone / "a.txt").write_text("changed text", encoding="utf-8")
    changed = _tick(cursor)
    assert changed.run_requests and changed.run_requests[0].run_key != req.run_key
    (zone / "a.txt").unlink()
    assert _tick(changed.cursor).run_requests


def test_schedule_requests_a_full_range_run():
    ctx = dg.build_schedule_context()
    req = daily_refresh(ctx)
    assert req.tags["dagster/asset_partition_range_start"] == "shard-00"
    assert req.tags["dagster/asset_partition_range_end"] == "shard-15"
    assert full_range_tags()["dagster/asset_partition_range_end"] == "shard-15"


HOLDER = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    before = con.execute("select count(*) from articles").fetchone()[0]
    print(before, flush=True)
    sys.stdin.readline()
    print(con.execute("select count(*) from articles").fetchone()[0], flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["rw", "ro"])
def test_run_succeeds_while_an_analyst_holds_the_warehouse(env, mode):
    assert env.run().success
    analyst = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(env.warehouse), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert analyst.stdout.readline().strip() == "2", analyst.stderr.read()
        extra = env.landing / "extra.txt"
        extra.write_text(
            "Minister Jane Roe said on Monday the plan was sound.\n\n"
            "“We will not wait any longer,” Roe told reporters.\n",
            encoding="utf-8",
        )
        result = env.run()
        assert result.success
        analyst.stdin.write("\n")
        analyst.stdin.flush()
        # The analyst's session keeps its consistent snapshot ...
        assert analyst.stdout.readline().strip() == "2"
    finally:
        analyst.stdin.close()
        analyst.wait(timeout=30)
    # ... and nothing was lost: the next connection sees the new article.
    import duckdb

    con = duckdb.connect(str(env.warehouse), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 3
    con.close()
