"""The writer: schema from sql/, upserts, exact replacement, snapshot publishing, locks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse.schema import apply_schema
from pipelines.warehouse.writer import Warehouse, WarehouseBusyError, connect_with_retry


def _article(aid: str, body: str = "Body text.") -> dict:
    return {
        "article_id": aid,
        "source_file": f"landing/{aid}.txt",
        "record_ref": "",
        "content_hash": "h" + aid,
        "shard": "shard-00",
        "authors": [],
        "body": body,
        "word_count": len(body.split()),
        "parser_version": "t",
        "ingested_at": dt.datetime(2024, 1, 1),
    }


def test_schema_applies_twice_and_every_column_is_commented(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_schema(con)
    apply_schema(con)  # idempotent
    missing = con.execute(
        "select table_name, column_name from duckdb_columns() "
        "where schema_name = 'main' and comment is null and table_name in "
        "(select table_name from duckdb_tables() where schema_name = 'main')"
    ).fetchall()
    assert missing == []
    tables = con.execute(
        "select table_name from duckdb_tables() where schema_name='main' and comment is null"
    ).fetchall()
    assert tables == []


def test_upsert_keeps_columns_and_replace_for_articles_is_exact(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        with s.transaction("t") as b:
            row = _article("a1")
            b.upsert("articles", [row])
        with s.transaction("t") as b:
            # re-upsert with a new ingested_at, which is kept
            b.upsert(
                "articles",
                [_article("a1", "New body.") | {"ingested_at": dt.datetime(2030, 1, 1)}],
                keep=("ingested_at",),
            )
        body, ts = s.fetch("select body, ingested_at::varchar from articles")[0]
        assert body == "New body." and ts.startswith("2024-01-01")

        def mention(mid: str) -> dict:
            return {
                "mention_id": mid,
                "article_id": "a1",
                "entity_id": "e",
                "surface": "B",
                "start_char": 0,
                "end_char": 1,
                "sentence_index": 0,
                "entity_type": "PERSON",
                "rule": "r",
                "is_metonymy": False,
                "extractor_version": "v",
            }

        with s.transaction("t") as b:
            b.replace_for_articles("mentions", ["a1"], [mention("m1"), mention("m2")])
        with s.transaction("t") as b:
            b.replace_for_articles("mentions", ["a1"], [mention("m2"), mention("m3")])
        assert [r[0] for r in s.fetch("select mention_id from mentions order by 1")] == ["m2", "m3"]


def test_failed_transaction_rolls_back(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        with pytest.raises(RuntimeError), s.transaction("t") as b:
            b.upsert("articles", [_article("a1")])
            raise RuntimeError("boom")
        assert s.count("articles") == 0
        assert s.count("load_batches") == 0


def test_publish_replaces_catalog_while_an_analyst_holds_it_open(tmp_path):
    path = tmp_path / "w.duckdb"
    wh = Warehouse(path)
    with wh.session() as s, s.transaction("t") as b:
        b.upsert("articles", [_article("a1")])
    wh.publish()
    # An analyst keeps the published file open read-only in another process.
    analyst = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r}, read_only=True)
            print(con.execute('select count(*) from articles').fetchone()[0], flush=True)
            sys.stdin.readline()
            print(con.execute('select count(*) from articles').fetchone()[0], flush=True)
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert analyst.stdout.readline().strip() == "1"
        with wh.session() as s, s.transaction("t") as b:
            b.upsert("articles", [_article("a2")])
        wh.publish()
        # The analyst still sees their consistent snapshot (its files are kept) ...
        analyst.stdin.write("\n")
        analyst.stdin.flush()
        assert analyst.stdout.readline().strip() == "1"
    finally:
        analyst.stdin.close()
        analyst.wait(timeout=30)
    # ... and a new connection sees the new data.
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2


def test_writer_waits_for_another_writer_then_fails_clearly(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb", lock_timeout_s=1.5)
    with wh.session():
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(wh.writer_path)!r})
            print('held', flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        waits: list[str] = []
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusyError, match="locked by process"):
            connect_with_retry(wh.writer_path, timeout_s=1.5, on_wait=waits.append)
        assert time.monotonic() - t0 >= 1.4
        assert waits and "waiting for process" in waits[0]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # Released: the writer gets in.
    connect_with_retry(wh.writer_path, timeout_s=5).close()


def test_session_recovers_working_copy_from_snapshot(tmp_path):
    path = tmp_path / "w.duckdb"
    wh = Warehouse(path)
    with wh.session() as s, s.transaction("t") as b:
        b.upsert("articles", [_article("a1")])
    wh.publish()
    Path(wh.writer_path).unlink()
    with wh.session() as s:
        assert s.count("articles") == 1
        # Everything is republished from the restored copy.
        assert s.fetch("select bucket from publisher.dirty_buckets") == [("*",)]
    assert wh.publish().files_written > 0


def test_unpaired_quote_marks_are_recorded_with_a_reason(tmp_path):
    from pipelines import landing, steps
    from pipelines.core import ids
    from pipelines.core.analysis import Analyser

    root = tmp_path / "landing"
    root.mkdir()
    (root / "a.txt").write_text(
        "The mayor spoke on Monday.\n\n“We will rebuild the bridge,” Mayor Ann Lee said.\n\n"
        "Critics called the plan “a fantasy and left it there.\n\nThe council meets again in May.\n",
        encoding="utf-8",
    )
    roots = [landing.LandingRoot("landing", root)]
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        steps.analyse_articles(s, Analyser.load(), ids.all_shards())
        issues = s.fetch(
            "select i.start_char, i.mark, i.reason, a.body from quote_mark_issues i "
            "join articles a using (article_id)"
        )
        quotes = [r[0] for r in s.fetch("select text from quotes")]
    assert quotes == ["We will rebuild the bridge,"]
    assert len(issues) == 1
    start, mark, reason, body = issues[0]
    assert mark == "“" and body[start] == "“" and reason


def test_schema_is_applied_once_per_version_of_its_files(tmp_path):
    from pipelines.warehouse import schema

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    schema.apply_schema(con)
    # Stamped with the current files: a second apply runs none of them (a view dropped
    # by hand stays dropped), which is what keeps opening the working copy cheap.
    con.execute("drop view quotes_by_speaker")
    schema.apply_schema(con)
    assert not con.execute(
        "select count(*) from duckdb_views() where view_name = 'quotes_by_speaker'"
    ).fetchone()[0]
    # Files of another version (an upgrade): everything is applied again.
    con.execute("update schema_state.applied set version = 'older'")
    schema.apply_schema(con)
    assert con.execute(
        "select count(*) from duckdb_views() where view_name = 'quotes_by_speaker'"
    ).fetchone()[0]
    assert schema._stamp(con) == schema._applied_version()
