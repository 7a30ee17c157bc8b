"""The synthetic scale corpus: distinct, labelled, reproducible; the memory sampler."""

from __future__ import annotations

import subprocess
import sys

from pipelines.tools.bench_scale import _TreeRss, build_corpus


def _source(tmp_path):
    src = tmp_path / "src"
    for section in ("politics", "sport"):
        (src / section).mkdir(parents=True)
        for i in range(3):
            paras = "\n\n".join(f"{section} paragraph {i}.{j} said nobody." for j in range(4))
            (src / section / f"{i:03d}.txt").write_text(f"{section} title {i}\n\n{paras}\n")
    # A quote that runs on into the next paragraph: never used, nor is its article's lead.
    (src / "sport" / "900.txt").write_text(
        "sport title 9\n\nsport lead opens “a quote\n\nsport rest of it,” she said.\n\n"
        'sport paragraph opens "another\n'
    )
    (src / "README.TXT").write_text("not an article")
    return src


def test_corpus_is_distinct_labelled_and_reproducible(tmp_path):
    src = _source(tmp_path)
    out = tmp_path / "out"
    assert build_corpus(src, out, 40) == 40
    files = sorted((out / "landing").rglob("*.txt"))
    texts = [f.read_text() for f in files]
    assert len(files) == 40 and len(set(texts)) == 40
    assert all(t.startswith("[synthetic] ") for t in texts)
    assert "SYNTHETIC" in (out / "README.md").read_text()
    # Paragraphs stay within the headline's section.
    for t in texts:
        section = t.split()[1]
        paragraphs = t.split("\n\n")[1:]
        assert all(p.startswith(section) for p in paragraphs)
        assert len(set(paragraphs)) == len(paragraphs)  # no paragraph twice in one article
        assert "opens" not in t and "sport title 9" not in t
    again = tmp_path / "again"
    build_corpus(src, again, 40)
    assert [f.read_text() for f in sorted((again / "landing").rglob("*.txt"))] == texts
    # Built once: a second call with the same size leaves the files alone.
    mtimes = [f.stat().st_mtime_ns for f in files]
    build_corpus(src, out, 40)
    assert [f.stat().st_mtime_ns for f in files] == mtimes


def test_tree_rss_counts_the_children_of_a_process():
    code = (
        "import subprocess, sys, time;"
        "c = subprocess.Popen([sys.executable, '-c', 'b = bytearray(80 * 2**20); "
        "import time; time.sleep(3)']); time.sleep(3); c.wait()"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    with _TreeRss(proc.pid, interval_s=0.05) as rss:
        proc.wait()
    assert rss.peak > 80 * 2**20
    # Where it fell: the child's share, not the parent's.
    assert rss.peak_children > 80 * 2**20 > rss.peak_parent
    assert rss.children_at_peak == 1
    assert "1 worker(s)" in rss.where()


def test_reuse_is_an_option_of_the_command():
    # The command reads args.reuse for every scale it measures.
    from pipelines.cli import parse_command

    assert parse_command("bench-scale", ["--reuse"]).reuse is True
    assert parse_command("bench-scale", []).reuse is False
