"""``make cluster-demo``'s own parts: skipping without the corpus, the corpus copy, the report.

The cluster run itself is ``tests/defs/test_cluster.py`` (slow, real dask processes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.tools.cluster_demo import _corpus, _where


def test_absent_corpus_prints_skip_and_starts_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("an earlier demo's file")
    status = main(["cluster-demo", "--corpus", str(tmp_path / "absent"), "--out", str(out)])
    assert status == 2
    assert capsys.readouterr().out.startswith("SKIP: corpus ")
    # Nothing was emptied or started: the working folder is as it was.
    assert [p.name for p in out.iterdir()] == ["kept.txt"]


def test_corpus_copies_article_files_in_order_without_readmes(tmp_path: Path) -> None:
    src = tmp_path / "bbc"
    for section in ("tech", "business"):
        (src / section).mkdir(parents=True)
        for i in range(3):
            (src / section / f"{i:03d}.txt").write_text(f"{section} {i}\n\nBody.\n")
    (src / "README.TXT").write_text("about the corpus")
    (src / "README.md").write_text("about the corpus")
    dst = tmp_path / "copy"
    assert _corpus(src, dst, 0) == 6
    assert sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*")) == [
        "business",
        *(f"business/{i:03d}.txt" for i in range(3)),
        "tech",
        *(f"tech/{i:03d}.txt" for i in range(3)),
    ]
    # --limit takes the first files in sorted order (business before tech).
    assert _corpus(src, tmp_path / "first", 2) == 2
    assert sorted(p.name for p in (tmp_path / "first" / "business").iterdir()) == [
        "000.txt",
        "001.txt",
    ]
    assert not (tmp_path / "first" / "tech").exists()


def test_where_counts_shard_steps_and_names_writer_steps_per_worker() -> None:
    a = "dask worker tcp://127.0.0.1:1 worker-1-duckdb"
    b = "dask worker tcp://127.0.0.1:2 worker-2"
    lines = _where(
        {
            "analysis.analyse_00": f"{a} (pid 10)",
            "articles.parse_03": f"{b} (pid 20)",
            "analysis.analyse_07": f"{b} (pid 20)",
            "articles.load": f"{a} (pid 10)",
            "ingest_files": f"{a} (pid 10)",
        }
    )
    assert lines == [
        f"  {a}: 1 per-shard step(s) analysis.analyse_00",
        f"  {' ' * len(a)}  writer steps: articles.load, ingest_files",
        f"  {b}: 2 per-shard step(s) analysis.analyse_07, articles.parse_03",
    ]
