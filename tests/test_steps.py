"""Pipeline steps without Dagster: duplicates across formats and shards."""

from __future__ import annotations

import json

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.warehouse.writer import Warehouse

TITLE = "Council approves new bridge"
BODY = (
    "The city council approved the new bridge on Tuesday after a long debate.\n\n"
    "“This is a good day for the city,” Mayor Ann Lee said."
)


def test_same_article_in_two_formats_is_stored_once(tmp_path):
    root = tmp_path / "landing"
    root.mkdir()
    (root / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (root / "b.jsonl").write_text(
        json.dumps({"title": TITLE, "body": BODY}) + "\n", encoding="utf-8"
    )
    roots = [landing.LandingRoot("landing", root)]
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        shard_of = dict(s.fetch("select source_file, shard from ingest_files"))
        # Load the shards one at a time, as a partitioned backfill would.
        for shard in sorted(set(shard_of.values())):
            steps.load_articles(s, roots, [shard])
        arts = s.fetch("select source_file, title from articles")
        assert len(arts) == 1 and arts[0][1] == TITLE
        owner = arts[0][0]
        other = next(f for f in shard_of if f != owner)
        rej = s.fetch("select reason_code, reason from rejections where source_file = ?", [other])
        assert rej and rej[0][0] == "duplicate_article" and owner in rej[0][1]
        status = dict(s.fetch("select source_file, status from ingest_files"))
        assert status[owner] == "loaded" and status[other] == "duplicate"
        # Re-running every shard changes nothing.
        before = s.fetch("select * from articles order by article_id")
        steps.load_articles(s, roots, ids.all_shards())
        assert s.fetch("select * from articles order by article_id") == before


def _mixed_landing(root):
    """Files that interact across batches: byte duplicates, one text in two formats, junk."""
    root.mkdir()
    for i in range(7):
        (root / f"n{i}.txt").write_text(
            f"Headline number {i}\n\nThe board met on day {i}. “We agree,” said Chair Kim Lee.\n",
            encoding="utf-8",
        )
    (root / "n7_copy.txt").write_bytes((root / "n3.txt").read_bytes())
    (root / "n8.jsonl").write_text(
        json.dumps({"title": TITLE, "body": BODY}) + "\n", encoding="utf-8"
    )
    (root / "n9.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return [landing.LandingRoot("landing", root)]


def _state(s):
    return (
        s.fetch("select article_id, source_file, shard, title, body from articles order by 1"),
        s.fetch(
            "select source_file, status, reason_code, duplicate_of, article_count, parsed_hash "
            "from ingest_files order by 1"
        ),
        s.fetch("select source_file, record_ref, reason_code from rejections order by all"),
    )


def test_files_written_in_batches_give_the_same_warehouse(tmp_path):
    """One transaction per file or one for all: the same rows, duplicates still found."""
    states = []
    for batch in (1, 3, 500):
        roots = _mixed_landing(tmp_path / f"landing{batch}")
        with Warehouse(tmp_path / f"w{batch}.duckdb").session() as s:
            steps.scan_landing(s, roots)
            stats = steps.load_articles(s, roots, ids.all_shards(), file_batch=batch)
            assert stats.counts["parsed_files"] == 10  # the byte copy is never parsed
            states.append(_state(s))
            # Then one file goes away: its article and rejections with it.
            (roots[0].path / "n9.txt").unlink()
            steps.scan_landing(s, roots)
            steps.load_articles(s, roots, ids.all_shards(), file_batch=batch)
            states.append(_state(s))
    assert states[0] == states[2] == states[4]
    assert states[1] == states[3] == states[5]
    articles, files, _ = states[0]
    assert len(articles) == 8  # 7 headlines + the bridge story once
    status = {f[0]: f[1] for f in files}
    assert status["landing/n7_copy.txt"] == "duplicate"
    assert status["landing/empty.txt"] == "quarantined"
    assert sorted([status["landing/n8.jsonl"], status["landing/n9.txt"]]) == [
        "duplicate",
        "loaded",
    ]
    assert len(states[1][0]) == 8  # the JSON copy of the bridge story still holds it


def test_unchanged_scan_writes_no_rows_and_refreshes_last_seen_once_a_day(tmp_path):
    import datetime as dt
    import os

    roots = _mixed_landing(tmp_path / "landing")
    t0 = dt.datetime(2026, 1, 1, 8, 0)
    with Warehouse(tmp_path / "w.duckdb").session() as s:
        steps.scan_landing(s, roots, now=t0)
        steps.load_articles(s, roots, ids.all_shards())
        before = s.fetch("select * from ingest_files order by 1")
        # Within a day nothing is rewritten, not even last_seen_at (a no-op run
        # republishes nothing); the scan's time is in load_batches.
        stats = steps.scan_landing(s, roots, now=t0 + dt.timedelta(hours=23))
        assert stats.counts["unchanged"] == 11 and "new" not in stats.counts
        assert "last_seen_refreshed" not in stats.counts
        assert s.fetch("select * from ingest_files order by 1") == before
        scans = s.fetch(
            "select started_at from load_batches where step = 'ingest' order by started_at"
        )
        assert scans == [(t0,), (t0 + dt.timedelta(hours=23),)]
        # Once a day old, every present file's last_seen_at is refreshed together.
        later = t0 + dt.timedelta(hours=25)
        stats = steps.scan_landing(s, roots, now=later)
        assert stats.counts["last_seen_refreshed"] == 1
        assert s.fetch("select * exclude (last_seen_at) from ingest_files order by 1") == [
            r[:-1] for r in before
        ]
        assert s.fetch("select distinct last_seen_at from ingest_files") == [(later,)]
        # Touched (same bytes, new mtime): new size/mtime recorded, nothing to re-load.
        path = roots[0].path / "n1.txt"
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        steps.scan_landing(s, roots, now=later + dt.timedelta(hours=1))
        row = s.fetch(
            "select status, mtime_ns from ingest_files where source_file = 'landing/n1.txt'"
        )
        assert row == [("loaded", path.stat().st_mtime_ns)]
        assert steps.pending_shards(s) == []
        # A file that goes was last seen by the scan before the one that misses it,
        # even when its stored last_seen_at is older (not refreshed within the day).
        steps.scan_landing(s, roots, now=later + dt.timedelta(hours=2))
        (roots[0].path / "n2.txt").unlink()
        steps.scan_landing(s, roots, now=later + dt.timedelta(hours=3))
        steps.scan_landing(s, roots, now=later + dt.timedelta(hours=4))
        row = s.fetch(
            "select status, last_seen_at from ingest_files where source_file = 'landing/n2.txt'"
        )
        assert row == [("removed", later + dt.timedelta(hours=2))]


def test_unchanged_landing_zone_costs_the_articles_step_no_writes(tmp_path, monkeypatch):
    from pipelines.warehouse import writer

    roots = _mixed_landing(tmp_path / "landing")
    with Warehouse(tmp_path / "w.duckdb").session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        before = _state(s)
        written: list[tuple[str, int]] = []
        real = writer.Batch.upsert

        def recording(self, table, rows, **kw):
            written.append((table, len(rows)))
            return real(self, table, rows, **kw)

        monkeypatch.setattr(writer.Batch, "upsert", recording)
        stats = steps.load_articles(s, roots, ids.all_shards())
        # Only the file whose article another file owns is looked at again (it takes the
        # article over if the owner goes); the 9 unchanged files cost no row writes.
        assert stats.counts["unchanged_files"] == 9 and stats.counts["parsed_files"] == 1
        assert sum(n for t, n in written if t == "ingest_files") == 1, written
        assert sum(n for t, n in written if t == "articles") == 0, written
        assert _state(s) == before


def _rows_read_by_one_file_increment(tmp_path, settled: int, monkeypatch) -> tuple[int, int]:
    """Rows the articles step reads into Python to load one new file beside ``settled``."""
    from pipelines.warehouse import writer

    root = tmp_path / f"landing{settled}"
    root.mkdir()
    for i in range(settled):
        (root / f"old{i:03d}.txt").write_text(
            f"Old headline {i}\n\nThe council met on day {i}. “Fine,” said Kim Lee.\n",
            encoding="utf-8",
        )
    roots = [landing.LandingRoot("landing", root)]
    with Warehouse(tmp_path / f"w{settled}.duckdb").session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        (root / "new.txt").write_text("New headline\n\nA new report.\n", encoding="utf-8")
        steps.scan_landing(s, roots)
        read = []
        real_fetch, real_dicts = writer.Session.fetch, writer.Session.fetch_dicts

        def fetch(self, sql, params=()):
            rows = real_fetch(self, sql, params)
            read.append(len(rows))
            return rows

        def fetch_dicts(self, sql, params=()):
            rows = real_dicts(self, sql, params)
            read.append(len(rows))
            return rows

        monkeypatch.setattr(writer.Session, "fetch", fetch)
        monkeypatch.setattr(writer.Session, "fetch_dicts", fetch_dicts)
        stats = steps.load_articles(s, roots, ids.all_shards())
        monkeypatch.undo()
        assert stats.counts["unchanged_files"] == settled
        assert stats.counts["parsed_files"] == 1 and stats.counts["articles_written"] == 1
        return sum(read), s.count("articles")


def test_one_new_file_costs_the_articles_step_the_same_rows_at_any_size(tmp_path, monkeypatch):
    """The step reads the new file's rows, not every settled file and article of its shard."""
    small, n_small = _rows_read_by_one_file_increment(tmp_path, 3, monkeypatch)
    large, n_large = _rows_read_by_one_file_increment(tmp_path, 40, monkeypatch)
    assert (n_small, n_large) == (4, 41)
    assert large == small, (small, large)


def test_a_first_load_asks_about_settled_files_once_not_per_batch(tmp_path, monkeypatch):
    """With nothing settled yet, no batch queries the (large) list of settled files."""
    from pipelines.warehouse import writer

    roots = _mixed_landing(tmp_path / "landing")
    asked: list[str] = []
    real_fetch = writer.Session.fetch

    def fetch(self, sql, params=()):
        if "from quiet" in sql and "select article_id from articles" in sql:
            asked.append(sql)
        return real_fetch(self, sql, params)

    monkeypatch.setattr(writer.Session, "fetch", fetch)
    with Warehouse(tmp_path / "w.duckdb").session() as s:
        steps.scan_landing(s, roots)
        stats = steps.load_articles(s, roots, ids.all_shards(), file_batch=2)
        assert stats.counts["articles_written"] == 8 and asked == []
        # An increment beside settled files does ask, once for its one batch.
        (roots[0].path / "late.txt").write_text("Late headline\n\nLate news.\n", encoding="utf-8")
        steps.scan_landing(s, roots)
        stats = steps.load_articles(s, roots, ids.all_shards(), file_batch=2)
        assert stats.counts["articles_written"] == 1 and len(asked) == 1


def _observe(session, step: str, entity_id: str) -> None:
    with session.transaction(step) as batch:
        batch.execute(
            "insert into entity_observations values ('a1', ?, ?, 'PERSON', null) returning 1",
            [entity_id, f"Person {entity_id}"],
            count_as="entity_observations",
            articles=["a1"],
        )


def _entity_rows_written(stats: steps.StepStats) -> int:
    return sum(n for k, n in stats.counts.items() if k.startswith("entit") and k != "entities")


def test_an_entity_rebuild_writes_only_what_a_change_touches_at_any_size(tmp_path):
    """Rows an increment's rebuild writes are the change's, at 2x and 8x the seeds."""
    from pipelines.tools.bench_publish import _clone
    from tests.golden.build import build_seed_warehouse

    written = {}
    for copies in (2, 8):
        wh = build_seed_warehouse(tmp_path / f"x{copies}" / "w.duckdb")
        with wh.session() as s:
            _clone(s.con, copies)
            full = steps.rebuild_entities(s, force=True)  # the clones wrote no batch log
            # The clones changed every entity's counts: the first rebuild writes them all.
            assert _entity_rows_written(full) >= s.count("entities")
            aid, entity_id = s.fetch(
                "select article_id, entity_id from mentions order by mention_id limit 1"
            )[0]
            with s.transaction("analysis") as b:  # one article loses one mention
                b.execute(
                    "delete from mentions where article_id = ? and entity_id = ? and "
                    "mention_id = (select min(mention_id) from mentions where article_id = ?)",
                    [aid, entity_id, aid],
                    count_as="mentions_deleted",
                    articles=[aid],
                )
            stats = steps.rebuild_entities(s)
            written[copies] = {k: n for k, n in stats.counts.items() if k.startswith("entit")}
            assert s.fetch(
                "select mention_count from entities where entity_id = ?", [entity_id]
            ) == [
                (s.fetch("select count(*) from mentions where entity_id = ?", [entity_id])[0][0],)
            ]
    # One entity's mention count changed: one row written, whatever the warehouse size.
    assert written[2]["entities_written"] == written[8]["entities_written"] == 1
    assert written[2] == written[8]


def test_entities_are_rebuilt_only_after_their_inputs_changed(tmp_path):
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        _observe(s, "analysis", "e1")
        assert "rebuild_skipped" not in steps.rebuild_entities(s).counts
        assert s.count("entities") == 1
        # Nothing new (the scan and the grouping steps never write per-article rows):
        # the rebuild is skipped, no row of the per-article tables is read.
        for step in ("ingest", "articles", "analysis", "stories"):
            with s.transaction(step):
                pass  # committed, no rows
        assert steps.rebuild_entities(s).counts["rebuild_skipped"] == 1
        # A step that writes per-article rows: rebuilt, and the new entity is there.
        _observe(s, "analysis", "e2")
        assert "rebuild_skipped" not in steps.rebuild_entities(s).counts
        assert s.count("entities") == 2
        assert steps.rebuild_entities(s).counts["rebuild_skipped"] == 1
        # Other rebuild SQL (a new code version): rebuilt although no row changed.
        s.con.execute("update schema_state.derived set code_version = 'older'")
        assert "rebuild_skipped" not in steps.rebuild_entities(s).counts
