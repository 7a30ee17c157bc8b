"""``python -m pipelines bench-publish``: what publishing costs at 1x and 10x warehouse size.

Builds the seeds' warehouse, then SYNTHETIC warehouses of N and scale x N articles by
cloning the seed articles and every row that belongs to them under new ids (the
clones are labelled ``-synthetic-<i>`` in their ids and never leave the temporary
folder). For each size it times a full publish, then a one-file increment: one
article changed and every ``ingest_files`` row touched (as every run's landing scan
does), then a publish; and prints the median of the increments.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.warehouse.schema import bucketed_tables
from pipelines.warehouse.writer import Warehouse

# Columns that identify a row and must stay unique in the clones: every cloned table's
# primary key holds one of them (tests/tools/test_bench_publish.py checks the registry).
_ID_COLUMNS = (
    "article_id",
    "other_article_id",
    "mention_id",
    "quote_id",
    "rendering_id",
    "source_file",
)
CLONED_TABLES = ("ingest_files",)  # besides every bucketed table


def _clone(con: duckdb.DuckDBPyConnection, copies: int) -> None:
    tables = [*bucketed_tables(), *CLONED_TABLES]
    con.execute("begin transaction")
    for table in tables:
        cols = {
            r[0]
            for r in con.execute(
                "select column_name from duckdb_columns() where table_name = ? "
                "and schema_name = 'main'",
                [table],
            ).fetchall()
        }
        repl = ", ".join(f"t.{c} || '-synthetic-' || r.i as {c}" for c in _ID_COLUMNS if c in cols)
        con.execute(
            f"insert into {table} select t.* replace ({repl}) from {table} as t, "
            f"(select range as i from range(1, {int(copies)})) as r"
        )
    con.execute("insert into publisher.dirty_buckets values ('*') on conflict do nothing")
    con.execute("commit")


def _build_seeds(path: Path) -> Path:
    """The seeds through the pipeline's own steps; returns the working copy."""
    from pipelines import landing, settings, steps
    from pipelines.core import ids
    from pipelines.core.analysis import Analyser
    from pipelines.core.entities import EntityResolver

    wh = Warehouse(path)
    roots = [
        landing.LandingRoot("seeds", settings.REPO_ROOT / "seeds", ignore=landing.SEEDS_IGNORE)
    ]
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        steps.analyse_articles(
            s, Analyser.load(resolver=EntityResolver.default(None)), ids.all_shards()
        )
        steps.rebuild_entities(s)
    return wh.writer_path


def _measure(base: Path, workdir: Path, articles: int, repeats: int) -> dict[str, float]:
    wh = Warehouse(workdir / "warehouse.duckdb")
    workdir.mkdir(parents=True)
    wh.writer_path.write_bytes(base.read_bytes())
    with wh.session() as s:
        seeds = s.count("articles")
        _clone(s.con, max(1, articles // seeds))
        n = s.count("articles")
        aid = s.fetch("select article_id from articles order by article_id limit 1")[0][0]
    size_mb = wh.writer_path.stat().st_size / 1e6
    t0 = time.monotonic()
    full = wh.publish()
    full_s = time.monotonic() - t0
    times, files, written = [], [], []
    for i in range(repeats):
        with wh.session() as s, s.transaction("bench") as b:
            b.execute(
                "update articles set title = ? where article_id = ?",
                [f"bench edit {i}", aid],
                articles=[aid],
            )
            b.execute("update ingest_files set last_seen_at = now()", articles=[])
        t0 = time.monotonic()
        rep = wh.publish()
        times.append(time.monotonic() - t0)
        files.append(rep.files_written)
        written.append(rep.bytes_written)
    catalog_kb = wh.path.stat().st_size / 1e3
    print(
        f"  {n:>7,} articles  working copy {size_mb:7.1f} MB  full publish {full_s:6.2f} s "
        f"({full.files_written} files)  one-file increment: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}; {statistics.median(files):.0f} files, "
        f"{statistics.median(written) / 1e3:.0f} kB written)  catalog {catalog_kb:.0f} kB"
    )
    return {"articles": n, "increment_s": statistics.median(times), "full_s": full_s}


def bench_publish_command(args: argparse.Namespace) -> int:
    """Time publishing at two warehouse sizes (options in ``pipelines/cli.py``)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = _build_seeds(root / "seeds" / "warehouse.duckdb")
        print("publish cost (synthetic warehouses cloned from the seeds):")
        small = _measure(base, root / "1x", args.articles, args.repeats)
        large = _measure(base, root / f"{args.scale}x", args.articles * args.scale, args.repeats)
    ratio = large["increment_s"] / small["increment_s"]
    print(
        f"one-file increment at {args.scale}x the size / at 1x: {ratio:.2f} "
        f"(full publish: {large['full_s'] / small['full_s']:.1f})"
    )
    return 0
