"""The Parquet stage between per-shard steps and the single writer (no spaCy, no Dagster).

Parsing through the stage gives exactly the rows of parsing in the loader; a stale or
partial stage costs time, never a row; a dead run's analysis batches are reused only when
they are still exactly what analysing again would give.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.warehouse import stage
from pipelines.warehouse.schema import article_child_tables
from pipelines.warehouse.writer import Warehouse
from tests.tables import comparable_tables


def _landing(root: Path) -> list[landing.LandingRoot]:
    root.mkdir()
    for i in range(9):
        (root / f"a{i}.txt").write_text(
            f"Headline {i}\n\nThe board met on day {i}. “We agree,” said Chair Kim Lee.\n", "utf-8"
        )
    (root / "a3_copy.txt").write_bytes((root / "a3.txt").read_bytes())
    (root / "feed.jsonl").write_text(
        json.dumps({"title": "Feed", "body": "“Yes,” Ann Lee said.", "author": "Bo Park"})
        + "\n{not json\n",
        "utf-8",
    )
    (root / "empty.txt").write_bytes(b"")
    return [landing.LandingRoot("landing", root)]


def _stage_parse(s, roots, run: stage.RunStage) -> None:  # type: ignore[no-untyped-def]
    """What the plan step and the per-shard parse steps do."""
    for shard, files in steps.files_to_parse(s, ids.all_shards()).items():
        run.write_parse_todo(shard, files)
        writer = run.outcome_writer(shard)
        writer.write(
            [
                stage.outcome_row(f["source_file"], f["content_hash"], o)
                for f, o in steps.parse_files(roots, stage.read_rows(run.parse_todo(shard)))
            ]
        )
        writer.close()


def test_staged_parse_builds_the_same_rows(tmp_path: Path) -> None:
    roots = _landing(tmp_path / "landing")
    direct, staged = Warehouse(tmp_path / "d.duckdb"), Warehouse(tmp_path / "s.duckdb")
    with direct.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        expected = comparable_tables(s)
    run = stage.RunStage(tmp_path / "stage", "run-1")
    with staged.session() as s:
        steps.scan_landing(s, roots)
        _stage_parse(s, roots, run)
        stats = steps.load_articles(
            s, roots, ids.all_shards(), staged=run.staged_outcomes(ids.all_shards())
        )
        got = comparable_tables(s)
    assert stats.counts["staged_files"] == 11  # every file but the byte duplicate
    for table in ("ingest_files", "articles", "rejections"):
        assert got[table] == expected[table], table


def test_stale_or_missing_staged_outcomes_are_parsed_by_the_loader(tmp_path: Path) -> None:
    roots = _landing(tmp_path / "landing")
    wh = Warehouse(tmp_path / "w.duckdb")
    run = stage.RunStage(tmp_path / "stage", "run-1")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        _stage_parse(s, roots, run)
    # One shard's outcomes lost (a worker died after the plan) and one file changed
    # after staging: the loader parses both itself.
    lost = next(iter(sorted((run.path / "parse").glob("shard-*[0-9].parquet"))))
    lost.unlink()
    (tmp_path / "landing" / "a1.txt").write_text("Changed\n\nA new body, said Kim.\n", "utf-8")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(
            s, roots, ids.all_shards(), staged=run.staged_outcomes(ids.all_shards())
        )
        got = comparable_tables(s)
    clean = Warehouse(tmp_path / "clean.duckdb")
    with clean.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        expected = comparable_tables(s)
    assert got["articles"] == expected["articles"]
    assert got["rejections"] == expected["rejections"]
    assert any(r[0] == "Changed" for r in _titles(wh))


def _titles(wh: Warehouse) -> list[tuple[str]]:
    with wh.session() as s:
        return [(r[0],) for r in s.fetch("select title from articles")]


def _empty_batch(article_ids: list[str], authors: list[list[str]]) -> stage.AnalysisBatch:
    schemas = stage.table_schemas()
    return stage.AnalysisBatch(
        article_ids=article_ids,
        authors=authors,
        words=0,
        tables={t: pa.Table.from_pylist([], schema=schemas[t]) for t in article_child_tables()},
    )


def test_dead_runs_batches_are_reused_only_when_still_valid(tmp_path: Path) -> None:
    roots = _landing(tmp_path / "landing")
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        arts = s.fetch("select article_id, authors from articles order by article_id")
        ids_, authors = [a for a, _ in arts], [list(b or []) for _, b in arts]
        # Authors changed since the batch was staged: skipped, left pending.
        wrong = [*authors[:-1], ["Someone Else"]]
        st = steps.load_staged_analysis(
            s, [_empty_batch(ids_, wrong)], "v1", ids.all_shards(), only_pending=True
        )
        assert st.counts["staged_batches_skipped"] == 1
        assert steps.count_pending_analysis(s, ids.all_shards(), "v1") == len(ids_)
        # Still exactly what was staged: loaded, and the articles are no longer pending.
        st = steps.load_staged_analysis(
            s, [_empty_batch(ids_, authors)], "v1", ids.all_shards(), only_pending=True
        )
        assert st.counts["articles_analysed"] == len(ids_)
        assert steps.count_pending_analysis(s, ids.all_shards(), "v1") == 0
        # Loaded already (not pending any more): a second copy is not loaded again.
        st = steps.load_staged_analysis(
            s, [_empty_batch(ids_, authors)], "v1", ids.all_shards(), only_pending=True
        )
        assert st.counts["staged_batches_skipped"] == 1


def test_batches_without_their_done_file_are_not_loaded(tmp_path: Path) -> None:
    run = stage.RunStage(tmp_path / "stage", "run-1")
    tables = {t: [] for t in article_child_tables()}
    run.write_batch("shard-00", 0, [{"article_id": "a", "authors": [], "words": 3}], tables)
    run.write_batch("shard-00", 1, [{"article_id": "b", "authors": [], "words": 4}], tables)
    (run.analysis_dir("shard-00") / "000001.done.parquet").unlink()  # killed mid-batch
    batches = list(stage.analysis_batches(run.analysis_dir("shard-00"), article_child_tables()))
    assert [b.article_ids for b in batches] == [["a"]]
    assert not list(run.analysis_dir("shard-00").glob(".*.tmp"))


def test_batches_a_shard_step_committed_are_counted_not_written_again(tmp_path: Path) -> None:
    roots = _landing(tmp_path / "landing")
    wh = Warehouse(tmp_path / "w.duckdb")
    run = stage.RunStage(tmp_path / "stage", "run-1")
    tables = {t: [] for t in article_child_tables()}
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        ids_ = [r[0] for r in s.fetch("select article_id from articles order by article_id")]
        first, rest = ids_[:3], ids_[3:]
        # What a per-shard step sharing the writer's process does: stage, commit, mark.
        done = [{"article_id": a, "authors": [], "words": 1} for a in first]
        staged = run.write_batch("shard-00", 0, done, tables)
        steps.commit_analysis(s, first, staged, "v1", ["shard-00"])
        run.mark_batch_loaded("shard-00", 0, {t: x.num_rows for t, x in staged.items()})
        # Its next batch was staged and the step died before committing it.
        run.write_batch(
            "shard-00", 1, [{"article_id": a, "authors": [], "words": 1} for a in rest], tables
        )
        assert steps.count_pending_analysis(s, ids.all_shards(), "v1") == len(rest)
        before = s.fetch("select count(*) from load_batches where step = 'analysis'")[0][0]
        batches = list(stage.analysis_batches(run.analysis_dir("shard-00"), article_child_tables()))
        assert [b.loaded for b in batches] == [True, False]
        st = steps.load_staged_analysis(s, batches, "v1", ids.all_shards(), skip_loaded=True)
        after = s.fetch("select count(*) from load_batches where step = 'analysis'")[0][0]
    assert st.counts["articles_analysed"] == len(ids_)  # both batches count for the run
    assert st.counts["staged_batches_loaded_by_shard_steps"] == 1
    assert after - before == 1  # only the batch not committed yet was written
    with wh.session() as s:
        assert steps.count_pending_analysis(s, ids.all_shards(), "v1") == 0


def test_a_committed_batch_is_counted_from_its_marker_without_reading_its_tables(
    tmp_path: Path,
) -> None:
    run = stage.RunStage(tmp_path / "stage", "run-1")
    tables: dict[str, list[dict[str, object]]] = {t: [] for t in article_child_tables()}
    done = [{"article_id": "a", "authors": [], "words": 3}]
    staged = run.write_batch("shard-00", 0, done, tables)
    counts = {t: x.num_rows for t, x in staged.items()} | {"mentions": 7, "quotes": 2}
    run.mark_batch_loaded("shard-00", 0, counts)
    run.write_batch("shard-00", 1, [{"article_id": "b", "authors": [], "words": 4}], tables)
    run.mark_batch_loaded("shard-00", 1)  # an empty marker (older code): tables are read
    folder = run.analysis_dir("shard-00")
    # The marker is what counts: the table files are not opened (gone here).
    for f in folder.glob("000000.*.parquet"):
        if not f.name.endswith(".done.parquet"):
            f.unlink()
    first, second = stage.analysis_batches(folder, article_child_tables())
    assert first.loaded and first.rows("mentions") == 7 and first.rows("quotes") == 2
    assert second.loaded and second.row_counts is None and second.rows("mentions") == 0
    stats = steps.load_staged_analysis(
        None,  # type: ignore[arg-type]  # committed batches never touch the session
        [first, second],
        "v1",
        ["shard-00"],
        skip_loaded=True,
    )
    assert stats.counts["mentions"] == 7 and stats.counts["quotes"] == 2
    assert stats.counts["articles_analysed"] == 2 and stats.counts["words_analysed"] == 7
    with pytest.raises(FileNotFoundError):
        first.tables["mentions"]  # read only when asked for: the file is gone
