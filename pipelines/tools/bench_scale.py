"""``make bench-scale``: peak memory, time and the one-file increment at 1x and 10x.

Builds a **synthetic** scale corpus (outside the repository, under ``data/bench-scale/``
by default) by recombining paragraphs of ../shared/corpora/bbc into distinct articles:
each synthetic article takes a real title and lead, then distinct paragraphs drawn
from articles of the same BBC section, so names and quotes keep their usual density,
but no synthetic article is a real one. Only paragraphs that close every quote they
open are used: a multi-paragraph quote cut after its first paragraph would run into an
unrelated one, an utterance no real article has (and one the statement checks reject). Titles start with ``[synthetic]`` and the folder carries a
README saying so. Nothing is copied into the repository.

Then, for each scale (default 1x = 2,225 articles and 10x = 22,250), it runs
``python -m pipelines run`` in a child process against a fresh warehouse and prints:
wall time, peak RSS of the whole process tree (the run and its analysis workers,
sampled from /proc), a no-op re-run, and a run with one new file, as a share of the
full run (target: 10x peak RSS <= 1.2 x the 1x peak; one-file increment <= 3 %).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SYNTHETIC_README = """\
# SYNTHETIC scale corpus (not real news)

Built by `python -m pipelines bench-scale` from paragraphs of ../shared/corpora/bbc,
recombined into articles that were never published: a real headline (prefixed
"[synthetic]") over paragraphs drawn from other articles of the same BBC section.
For measuring memory and time at scale only. Do not publish, quote or analyse it as news;
the BBC text keeps its research-only licence (see ../shared/corpora/README.md).
"""
SEED = 13  # the corpus is a pure function of the source corpus, the size and this seed
BUILDER_VERSION = "2"  # bump when the recipe changes: a corpus built by another one is rebuilt


@dataclass(frozen=True)
class _Source:
    section: str
    title: str
    paragraphs: tuple[str, ...]


def _read_sources(corpus: Path) -> list[_Source]:
    out = []
    for path in sorted(corpus.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        if len(blocks) < 3:
            continue
        out.append(_Source(path.parent.name, blocks[0], tuple(blocks[1:])))
    return out


def _closes_its_quotes(paragraph: str) -> bool:
    """Whether every quote the paragraph opens is closed in it (straight or curly marks)."""
    return paragraph.count('"') % 2 == 0 and paragraph.count("\u201c") == paragraph.count("\u201d")


def build_corpus(source: Path, out: Path, articles: int) -> int:
    """Write ``articles`` distinct synthetic articles under ``out/landing`` (idempotent).

    Returns the number written. A corpus already built with the same size and recipe is
    reused.
    """
    landing = out / "landing"
    stamp = out / "BUILT"
    built = f"{articles} articles, recipe {BUILDER_VERSION}"
    if stamp.exists() and stamp.read_text() == built:
        return articles
    if out.exists():
        shutil.rmtree(out)
    landing.mkdir(parents=True)
    (out / "README.md").write_text(SYNTHETIC_README, encoding="utf-8")
    sources = _read_sources(source)
    # Self-contained paragraphs per section, each once, in a fixed order.
    by_section: dict[str, dict[str, None]] = {}
    for s in sources:
        by_section.setdefault(s.section, {}).update(
            dict.fromkeys(p for p in s.paragraphs if _closes_its_quotes(p))
        )
    pools = {section: list(paras) for section, paras in by_section.items()}
    heads = [s for s in sources if _closes_its_quotes(s.paragraphs[0])]
    rng = random.Random(SEED)
    seen: set[str] = set()
    written = 0
    while written < articles:
        head = heads[written % len(heads)]
        lead = head.paragraphs[0]
        pool = pools[head.section]
        n_paras = min(max(3, len(head.paragraphs)), len(pool))
        # The first paragraph stays the headline article's own lead, so the title fits;
        # the others are distinct (a paragraph twice in one article is no real article).
        drawn = [p for p in rng.sample(pool, n_paras) if p != lead][: n_paras - 1]
        paras = [lead, *drawn]
        text = f"[synthetic] {head.title}\n\n" + "\n\n".join(paras) + "\n"
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:  # the same draw twice: draw again, every article is distinct
            continue
        seen.add(digest)
        sub = landing / f"{written // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"synthetic-{written:06d}.txt").write_text(text, encoding="utf-8")
        written += 1
    stamp.write_text(built)
    return written


class _TreeRss:
    """Peak resident memory of a process and all its descendants (Linux /proc).

    Besides the peak it keeps where the peak fell: the run's own share and its child
    processes' (the analysis workers), the last line the run had printed then (the
    console prints a line as each step ends, so the next step was running), and the
    run process's own peak with its line.
    """

    def __init__(self, pid: int, interval_s: float = 0.2, log: Path | None = None) -> None:
        self.pid, self.interval_s, self.peak, self.log = pid, interval_s, 0, log
        self.peak_parent = self.peak_children = self.children_at_peak = 0
        self.peak_line: tuple[int, str] = (0, "")
        self.own_peak: tuple[int, str] = (0, "")
        # Last line printed -> (peak of the tree, peak of the run process) while it was
        # the last: the peaks of the step running then (the next one).
        self.by_line: dict[str, tuple[int, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> _TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            tree = _tree(self.pid)
            own = _rss(self.pid)
            children = [r for r in (_rss(p) for p in tree if p != self.pid) if r]
            total = own + sum(children)
            if total > self.peak:
                self.peak, self.peak_parent, self.peak_children = total, own, sum(children)
                self.children_at_peak = sum(1 for r in children if r > 50 * 2**20)
                self.peak_line = (total, self._last_line())
            line = self._last_line()
            if own > self.own_peak[0]:
                self.own_peak = (own, line)
            seen = self.by_line.get(line, (0, 0))
            self.by_line[line] = (max(seen[0], total), max(seen[1], own))
            self._stop.wait(self.interval_s)

    def _last_line(self) -> str:
        if self.log is None:
            return ""
        try:
            with self.log.open("rb") as fh:
                fh.seek(max(0, fh.seek(0, os.SEEK_END) - 4096))
                lines = fh.read().decode("utf-8", "replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1].strip()[:70] if lines else ""

    def by_step(self, top: int = 8) -> list[str]:
        """The ``top`` highest peaks per last printed line, in the order they came."""
        mb = 2**20
        high = sorted(self.by_line.items(), key=lambda kv: -kv[1][0])[:top]
        keep = {line for line, _ in high}
        return [
            f"  {total / mb:>6,.0f} MB (run process {own / mb:>6,.0f} MB) after '{line}'"
            for line, (total, own) in self.by_line.items()
            if line in keep
        ]

    def where(self) -> str:
        """Where the peak fell, for the bench's output."""
        mb = 2**20
        return (
            f"peak {self.peak / mb:,.0f} MB = run process {self.peak_parent / mb:,.0f} MB + "
            f"{self.children_at_peak} worker(s) {self.peak_children / mb:,.0f} MB, after "
            f"'{self.peak_line[1]}'; run process alone peaked at {self.own_peak[0] / mb:,.0f} MB "
            f"after '{self.own_peak[1]}'"
        )


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    out, stack = [], [root]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(children.get(pid, []))
    return out


def _rss(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass(frozen=True)
class _Run:
    seconds: float
    peak_rss: int
    peak_where: str = ""
    by_step: tuple[str, ...] = ()


def _run(env: dict[str, str], log: Path) -> _Run:
    t0 = time.perf_counter()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipelines", "run"], env=env, stdout=out, stderr=out
        )
        with _TreeRss(proc.pid, log=log) as rss:
            rc = proc.wait()
    if rc != 0:
        raise RuntimeError(f"`python -m pipelines run` failed (exit {rc}); see {log}")
    return _Run(time.perf_counter() - t0, rss.peak, rss.where(), tuple(rss.by_step()))


def run_counts(dagster_home: Path) -> dict[str, int]:
    """Work the instance's latest run recorded: events, steps launched and skipped."""
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(dagster_home))
    try:
        (run,) = instance.get_runs(limit=1)
        events = instance.all_logs(run.run_id)
        types = [e.dagster_event_type for e in events]
        return {
            "events": len(events),
            "steps": types.count(dg.DagsterEventType.STEP_START),
            "skipped": types.count(dg.DagsterEventType.STEP_SKIPPED),
        }
    finally:
        instance.dispose()


def _counted(counts: dict[str, int]) -> str:
    return f"{counts['steps']} steps ({counts['skipped']} skipped), {counts['events']} events"


def _measure(
    corpus: Path, articles: int, work: Path, workers: int | None, *, reuse: bool = False
) -> dict[str, float]:
    """Full, no-op and one-file runs; with ``reuse``, the full run recorded in ``work``."""
    view = work / "landing"
    recorded = work / "full-run.json"
    env = {
        **os.environ,
        "NEWS_LANDING": str(view),
        "NEWS_WAREHOUSE": str(work / "warehouse.duckdb"),
        "NEWS_ENTITY_OVERRIDES": str(work / "no_overrides.toml"),
        "DAGSTER_HOME": str(work / "dagster_home"),
    }
    if workers:
        env["NEWS_WORKERS"] = str(workers)
    log = work / "runs.log"
    if reuse and recorded.exists():
        full = _Run(**json.loads(recorded.read_text(encoding="utf-8")))
    else:
        # The run's landing folder holds the corpus as hard links (same file system, no
        # copy, and the landing zone never follows symbolic links) plus the new files.
        shutil.copytree(corpus / "landing", view / "corpus", copy_function=os.link)
        full = _run(env, log)
        recorded.write_text(json.dumps(vars(full)), encoding="utf-8")
    noop = _run(env, log)
    noop_counts = run_counts(work / "dagster_home")
    first = min((corpus / "landing").rglob("*.txt"))
    text = first.read_text(encoding="utf-8")
    # A new, distinct article each time (a re-measurement adds one more).
    n = len(list(view.glob("one-new-synthetic-article-*.txt")))
    (view / f"one-new-synthetic-article-{n}.txt").write_text(
        text + f"\n(Synthetic increment {n} for a {articles}-article warehouse.)\n",
        encoding="utf-8",
    )
    one = _run(env, log)
    one_counts = run_counts(work / "dagster_home")
    print(
        f"{articles:,} articles: no-op run {_counted(noop_counts)}; one-file run "
        f"{_counted(one_counts)}"
    )
    if full.peak_where:
        print(f"{articles:,} articles, full run: {full.peak_where}")
    if full.by_step:
        print(f"{articles:,} articles, full run, highest peaks while the next step ran:")
        print("\n".join(full.by_step))
    return {
        "articles": articles,
        "full_s": full.seconds,
        "peak_rss_mb": full.peak_rss / 2**20,
        "noop_s": noop.seconds,
        "one_file_s": one.seconds,
        "one_file_pct": 100 * one.seconds / full.seconds,
    }


def bench_scale_command(args: argparse.Namespace) -> int:
    """Build the synthetic corpora and time the runs (options in ``pipelines/cli.py``)."""
    if not args.source.is_dir():
        print(f"SKIP: {args.source} is absent; bench-scale recombines the shared BBC corpus.")
        return 0
    scales = args.scales
    results = []
    for k in scales:
        n = args.articles * k
        corpus = args.out / f"synthetic-{k}x"
        t0 = time.perf_counter()
        build_corpus(args.source, corpus, n)
        print(f"corpus {corpus}: {n:,} synthetic articles ({time.perf_counter() - t0:.1f} s)")
        if args.build_only:
            continue
        work = args.out / f"run-{k}x"
        reuse = args.reuse and (work / "full-run.json").exists()
        if reuse:
            print(f"{k}x: reusing the warehouse and full-run figures recorded in {work}")
        else:
            if work.exists():
                shutil.rmtree(work)
            work.mkdir()
        try:
            results.append((k, _measure(corpus, n, work, args.workers or None, reuse=reuse)))
        finally:
            print(f"runs logged in {work / 'runs.log'}")
    if not results:
        return 0
    print(
        f"{'scale':>5}  {'articles':>8}  {'full run s':>10}  {'peak RSS MB':>11}  "
        f"{'no-op s':>7}  {'one file s':>10}  {'one file %':>10}"
    )
    for k, r in results:
        print(
            f"{k:>4}x  {r['articles']:>8,.0f}  {r['full_s']:>10.1f}  {r['peak_rss_mb']:>11.0f}  "
            f"{r['noop_s']:>7.1f}  {r['one_file_s']:>10.1f}  {r['one_file_pct']:>9.1f}%"
        )
    if len(results) > 1:
        (k0, r0), (k1, r1) = results[0], results[-1]
        print(
            f"peak RSS {k1}x / {k0}x: {r1['peak_rss_mb'] / r0['peak_rss_mb']:.2f} (target <= 1.2); "
            f"one-file increment at {k1}x: {r1['one_file_pct']:.1f} % of the full run "
            "(target <= 3 %)"
        )
    return 0
