"""Publishing: Parquet buckets + a DuckDB 1.1+ catalog that no reader can brick."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse import publish as pub
from pipelines.warehouse.writer import Warehouse, bucket_of
from tests.golden.build import build_seed_warehouse


@pytest.fixture(scope="module")
def seed_writer(tmp_path_factory) -> Path:
    """A working copy built from the seeds (never published; tests copy it)."""
    wh = build_seed_warehouse(tmp_path_factory.mktemp("seedwh") / "w.duckdb")
    return wh.writer_path


@pytest.fixture
def wh(tmp_path, seed_writer) -> Warehouse:
    w = Warehouse(tmp_path / "warehouse.duckdb", on_warning=lambda m: None)
    shutil.copyfile(seed_writer, w.writer_path)
    return w


def _files(wh: Warehouse) -> set[str]:
    root = pub.files_dir_for(wh.path)
    return {p.relative_to(root).as_posix() for p in root.glob("*/*.parquet")}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(path: Path, sql: str):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_catalog_holds_no_rows_and_every_view_and_column_is_commented(wh):
    report = wh.publish()
    assert report.generation == 1 and report.files_written > 0
    assert wh.path.stat().st_size < 2_000_000  # a catalog, not a copy of the data
    con = duckdb.connect(str(wh.path), read_only=True)
    try:
        assert con.execute("select count(*) from duckdb_tables()").fetchall() == [(0,)]
        views = dict(
            con.execute(
                "select view_name, comment from duckdb_views() where not internal"
            ).fetchall()
        )
        for name in ("articles", "quotes", "entities", "quotes_in_context", "warehouse_info"):
            assert views.get(name), name
        assert [v for v, c in views.items() if not c] == []
        uncommented = con.execute(
            "select table_name, column_name from duckdb_columns() where comment is null "
            "and table_name in (select view_name from duckdb_views() where not internal)"
        ).fetchall()
        assert uncommented == []
        # Same rows as the working copy.
        with wh.session() as s:
            for table in ("articles", "mentions", "quotes", "entities", "ingest_files"):
                assert con.execute(f"select count(*) from {table}").fetchall() == [
                    (s.count(table),)
                ], table
    finally:
        con.close()
    assert not os.access(wh.path, os.W_OK) or os.geteuid() == 0  # read-only on disk
    assert wh.path.stat().st_mode & 0o222 == 0


def test_noop_publish_changes_nothing(wh):
    wh.publish()
    files, sha = _files(wh), _sha(wh.path)
    report = wh.publish()
    assert report.noop and report.files_written == 0
    assert _files(wh) == files and _sha(wh.path) == sha


def test_one_article_change_rewrites_only_its_bucket(wh):
    wh.publish()
    before = _files(wh)
    with wh.session() as s:
        aid = s.fetch("select article_id from articles order by 1 limit 1")[0][0]
        with s.transaction("edit") as b:
            b.execute(
                "update articles set title = 'Edited' where article_id = ?", [aid], articles=[aid]
            )
    report = wh.publish()
    assert report.buckets == 1
    after = _files(wh)
    new = after - before
    bucket = bucket_of(aid)
    for name in new:
        relation, file = name.split("/")
        # Only the edited article's bucket, and whole tables that changed (the batch log).
        assert file.startswith(f"{bucket}-") or relation == "load_batches", name
    assert any(n.startswith("articles/") for n in new)
    assert _read(wh.path, f"select title from articles where article_id = '{aid}'") == [("Edited",)]
    # Files of the previous generation are kept for readers that still have it open.
    assert before <= after


def test_a_change_to_one_table_rewrites_only_its_files_and_the_views_reading_it(wh):
    from pipelines.grouping import _write_memberships

    wh.publish()
    before = _files(wh)
    with wh.session() as s:
        row = s.fetch_dicts("select * from articles order by article_id limit 1")[0]
        quote_id, quote_article = s.fetch(
            "select quote_id, article_id from quotes order by quote_id desc limit 1"
        )[0]
        with s.transaction("edit") as b:
            b.upsert("articles", [{**row, "title": "Edited"}])  # marks articles only
            # As the statements step moves a quote to another statement.
            _write_memberships(b, "quotes", "quote_id", "statement_id", {quote_id: "stm_moved"})
    wh.publish()
    new = {n.split("/")[0] for n in _files(wh) - before if "/all-" not in n}
    # Not mentions, entity_observations, ...: their rows of those buckets did not change.
    assert new == {
        "articles",
        "search_article_docs",
        "search_article_terms",
        "quotes",
        "search_quote_docs",
        "search_quote_terms",
    }
    assert {n.split("/")[1][:2] for n in _files(wh) - before if "/all-" not in n} == {
        bucket_of(row["article_id"]),
        bucket_of(quote_article),
    }
    aid = row["article_id"]
    assert _read(wh.path, f"select title from articles where article_id = '{aid}'") == [("Edited",)]
    assert _read(wh.path, f"select statement_id from quotes where quote_id = '{quote_id}'") == [
        ("stm_moved",)
    ]
    # Every row of every other relation is as published before.
    with wh.session() as s:
        for table in ("mentions", "quotes", "articles"):
            assert _read(wh.path, f"select count(*) from {table}") == [(s.count(table),)]


def test_a_story_or_statement_move_leaves_the_search_index_alone(wh):
    """The grouping steps mark the column they set: the search views do not read it."""
    from pipelines.grouping import _write_memberships

    wh.publish()
    before = _files(wh)
    with wh.session() as s:
        aid = s.fetch("select article_id from articles order by article_id limit 1")[0][0]
        quote_id, quote_article = s.fetch(
            "select quote_id, article_id from quotes order by quote_id desc limit 1"
        )[0]
        with s.transaction("edit") as b:
            _write_memberships(b, "articles", "article_id", "story_id", {aid: "sto_moved"})
            _write_memberships(b, "quotes", "quote_id", "statement_id", {quote_id: "stm_moved"})
    wh.publish()
    new = {n.rsplit("-g", 1)[0] for n in _files(wh) - before if "/all-" not in n}
    assert new == {f"articles/{bucket_of(aid)}", f"quotes/{bucket_of(quote_article)}"}
    assert _read(wh.path, f"select story_id from articles where article_id = '{aid}'") == [
        ("sto_moved",)
    ]
    _published_equals_working_copy(wh)


def test_an_unmarked_write_republishes_everything(wh):
    wh.publish()
    with wh.session() as s, s.transaction("tamper") as b:
        b.execute("update quotes set confidence = 0.5")  # says nothing about its articles
    report = wh.publish()
    assert report.buckets == 256
    assert _read(wh.path, "select distinct confidence from quotes") == [(0.5,)]


ANALYST_WRITES_AND_DIES = textwrap.dedent(
    """
    import duckdb, os, sys
    con = duckdb.connect(sys.argv[1])  # read-write, which the README says not to do
    con.execute("create table my_notes as select 42 as x")
    con.execute("drop view quotes")
    print("wrote", flush=True)
    os.kill(os.getpid(), 9)
    """
)


def test_analyst_killed_mid_write_cannot_brick_the_next_publish(wh):
    wh.publish()
    wh.path.chmod(0o644)  # as a careless owner might; root ignores the mode anyway
    child = subprocess.run(
        [sys.executable, "-c", ANALYST_WRITES_AND_DIES, str(wh.path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL and "wrote" in child.stdout, child.stderr
    wal = pub.wal_path_for(wh.path)
    assert wal.exists()  # the scenario is real: the analyst's writes sit in a WAL
    warnings: list[str] = []
    wh.on_warning = warnings.append
    with wh.session() as s, s.transaction("new data") as b:
        aid = s.fetch("select article_id from articles limit 1")[0][0]
        b.execute("update articles set outlet = 'X' where article_id = ?", [aid], articles=[aid])
    report = wh.publish()
    assert not wal.exists()
    assert any("stale" in w and "read-only" in w for w in warnings), warnings
    assert any(p.name.startswith(wal.name + ".stale-") for p in wh.path.parent.iterdir())
    assert report.generation == 2
    # A fresh reader opens it: the views are back, the analyst's table is not.
    assert _read(wh.path, "select count(*) from quotes")[0][0] > 0
    assert _read(wh.path, "select count(*) from duckdb_tables() where table_name = 'my_notes'") == [
        (0,)
    ]


def test_a_catalog_someone_wrote_to_is_rebuilt_even_when_nothing_changed(wh):
    wh.publish()
    wh.path.chmod(0o644)
    con = duckdb.connect(str(wh.path))
    con.execute("drop view quotes")
    con.close()  # a clean close: checkpointed into the file, no WAL
    warnings: list[str] = []
    wh.on_warning = warnings.append
    report = wh.publish()
    assert not report.noop and any("rebuilt" in w for w in warnings)
    assert _read(wh.path, "select count(*) from quotes")[0][0] > 0


def test_a_deleted_parquet_file_is_repaired_by_the_next_publish(wh):
    wh.publish()
    victim = sorted(pub.files_dir_for(wh.path).glob("quotes/*.parquet"))[-1]
    victim.chmod(0o644)
    victim.unlink()
    with pytest.raises(pub.PublishError):
        pub.verify_catalog(wh.path)
    warnings: list[str] = []
    wh.on_warning = warnings.append
    report = wh.publish()
    assert report.buckets == 256 and any("republishing everything" in w for w in warnings)
    pub.verify_catalog(wh.path)


def test_an_unopenable_catalog_fails_loudly(tmp_path):
    bad = tmp_path / "warehouse.duckdb"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(pub.PublishError, match="does not open"):
        pub.verify_catalog(bad)
    env = {**os.environ, "NEWS_WAREHOUSE": str(bad)}
    res = subprocess.run(
        [sys.executable, "-m", "pipelines", "summary"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert res.returncode == 1 and "does not open" in res.stderr


def test_old_generations_are_cleaned_up_and_orphans_removed(wh, monkeypatch):
    monkeypatch.setattr(pub, "KEEP_SECONDS", 0)
    wh.publish()
    with wh.session() as s:
        aid = s.fetch("select article_id from articles order by 1 limit 1")[0][0]
        with s.transaction("edit") as b:
            b.execute("update articles set title = 't' where article_id = ?", [aid], articles=[aid])
    wh.publish()
    # The edited bucket's own files (the base files stay: they serve every other bucket).
    first = _files(wh)
    assert any(n.startswith(f"articles/{bucket_of(aid)}-") for n in first)
    orphan = pub.files_dir_for(wh.path) / "articles" / "zz-g999999-dead.parquet"
    orphan.write_bytes(b"left by a publish that died")
    for i in range(pub.KEEP_GENERATIONS + 1):
        with wh.session() as s, s.transaction("edit") as b:
            b.execute(
                "update articles set title = ? where article_id = ?", [f"t{i}", aid], articles=[aid]
            )
        wh.publish()
    assert not orphan.exists()
    gone = first - _files(wh)
    assert any(n.startswith(f"articles/{bucket_of(aid)}-") for n in gone)  # superseded long ago
    assert any(n.startswith("articles/base-") for n in _files(wh))
    pub.verify_catalog(wh.path)


def test_search_ranks_by_bm25_like_an_independent_implementation(wh):
    """search_quotes' scores equal a BM25 computed here in Python over the quotes."""
    import math
    import re
    import unicodedata

    wh.publish()
    quotes = _read(wh.path, "select quote_id, text from quotes")
    stop = {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "s",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "will",
        "with",
    }

    def stem(w: str) -> str:
        if len(w) > 3 and re.search(r"[^ae]ies$", w):
            return w[:-3] + "y"
        if len(w) > 3 and re.search(r"[^aeo]es$", w):
            return w[:-1]
        if len(w) > 2 and re.search(r"[^uis]s$", w):
            return w[:-1]
        return w

    def terms(text: str) -> list[str]:
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
        )
        return [stem(w) for w in re.findall(r"[a-z0-9]+", plain) if w not in stop]

    docs = {qid: terms(text) for qid, text in quotes}
    avg = sum(len(d) for d in docs.values()) / len(docs)
    query = "troops deployment"
    qterms = set(terms(query))
    expected = {}
    for qid, d in docs.items():
        score = 0.0
        for t in qterms:
            tf = d.count(t)
            if not tf:
                continue
            df = sum(1 for x in docs.values() if t in x)
            idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(d) / avg))
        if score:
            expected[qid] = round(score, 4)
    got = _read(wh.path, f"select quote_id, score from search_quotes('{query}')")
    assert got, "the seeds quote the troop deployment"
    assert dict(got) == pytest.approx(expected, abs=1e-3)
    assert [q for q, _ in got] == sorted(expected, key=lambda q: (-expected[q], q))
    # Plurals fold both ways; unknown words find nothing.
    assert _read(wh.path, "select count(*) from search_quotes('troop deployments')") == _read(
        wh.path, "select count(*) from search_quotes('troops deployment')"
    )
    assert _read(wh.path, "select count(*) from search_articles('zyzzyva')") == [(0,)]
    top = _read(wh.path, "select title, snippet from search_articles('shuttle diplomacy') limit 1")
    assert (
        top
        and "shuttle diplomacy"
        in _read(
            wh.path,
            "select body from articles where article_id = "
            "(select article_id from search_articles('shuttle diplomacy') limit 1)",
        )[0][0]
    )


def test_each_files_recorded_row_count_is_the_rows_it_holds(wh, monkeypatch):
    # The counts come from the Parquet writer's own statistics, not from reading each
    # file back (a query per file).
    def no_read_back(*args: object) -> int:
        raise AssertionError("a published file was read back to count its rows")

    monkeypatch.setattr(pub, "_rows", no_read_back)
    wh.publish()
    monkeypatch.undo()
    root = pub.files_dir_for(wh.path)
    with wh.session() as s:
        recorded = s.fetch("select file_name, relation, row_count from publisher.files")
        assert {r[1] for r in recorded} >= {"articles", "mentions", "quotes", "entities"}
        assert sum(r[2] for r in recorded if r[1] == "quotes") == s.count("quotes")
        for name, _relation, count in recorded:
            held = s.fetch(
                "select count(*) from read_parquet(?, hive_partitioning = false)",
                [str(root / name)],
            )[0][0]
            assert held == count, name


def test_the_staging_folder_goes_in_a_thread_and_a_killed_publishs_by_the_next(wh, monkeypatch):
    threads = []
    real = pub._remove_in_background

    def remember(staging: Path):  # type: ignore[no-untyped-def]
        threads.append(real(staging))
        return threads[-1]

    monkeypatch.setattr(pub, "_remove_in_background", remember)
    files = pub.files_dir_for(wh.path)
    leftover = files / ".staging-000009-deadbeef" / "quotes" / "_bucket=0a"
    leftover.mkdir(parents=True)  # what a publish killed mid-write leaves
    wh.publish()
    assert len(threads) == 1 and not threads[0].daemon  # the interpreter waits for it
    threads[0].join(timeout=60)
    assert not list(files.glob(".staging-*"))


def _published_equals_working_copy(wh: Warehouse) -> None:
    """Every published relation holds exactly the working copy's rows."""
    with wh.session() as s:
        relations = pub.public_relations(s.con)
        expected = {
            r.name: sorted(map(repr, s.fetch(f"select * from {r.name}"))) for r in relations
        }
    for name, rows in expected.items():
        assert sorted(map(repr, _read(wh.path, f"select * from {name}"))) == rows, name
        cols = _read(
            wh.path, f"select column_name from duckdb_columns() where table_name = '{name}'"
        )
        assert pub.BASE_BUCKET_COLUMN not in {c for (c,) in cols}, name


def test_a_full_publish_writes_one_base_file_per_relation(wh):
    report = wh.publish()
    with wh.session() as s:
        relations = pub.public_relations(s.con)
    # Every bucketed relation in one file (its rows' buckets beside them), every
    # whole table in one: no file per bucket, however many buckets hold rows.
    assert report.files_written == len(relations)
    assert {n.split("/")[1].split("-")[0] for n in _files(wh)} == {"base", "all"}
    _published_equals_working_copy(wh)


def test_increments_over_base_files_publish_what_the_working_copy_holds(wh):
    wh.publish()
    with wh.session() as s:
        edited, deleted = [r[0] for r in s.fetch("select article_id from articles order by 1")]
    tables = list(pub.bucketed_tables())
    with wh.session() as s, s.transaction("edit") as b:
        b.execute(
            "update articles set title = 'E' where article_id = ?", [edited], articles=[edited]
        )
        for table in tables:
            b.execute(f"delete from {table} where article_id = ?", [deleted], articles=[deleted])
    report = wh.publish()
    assert report.buckets == 2
    _published_equals_working_copy(wh)
    # The deleted article's bucket is left out of the base file with no file of its own.
    assert _read(wh.path, f"select count(*) from articles where article_id = '{deleted}'") == [(0,)]
    assert not any(n.split("/")[1].startswith(bucket_of(deleted)) for n in _files(wh))
    # The same bucket rewritten again, through another relation too.
    with wh.session() as s, s.transaction("edit") as b:
        b.execute(
            "update articles set title = 'F' where article_id = ?", [edited], articles=[edited]
        )
        b.execute(
            "update quotes set text = 'x y' where article_id = ?", [edited], articles=[edited]
        )
    wh.publish()
    _published_equals_working_copy(wh)
    # A full republish (as after a schema change) gives the same rows from new base files.
    with wh.session() as s, s.transaction("all") as b:
        b.mark_everything()
    report = wh.publish()
    assert report.buckets == 256
    with wh.session() as s:
        assert s.fetch("select count(*) from publisher.base_overrides") == [(0,)]
    _published_equals_working_copy(wh)
