"""``make bench``: the whole pipeline vs bare spaCy over the BBC corpus, 1 process and all cores.

For each process count (default: 1 and every available core) it runs the real Dagster
job (scan, parse, spaCy, entity resolution, quotes, DuckDB loads, grouping, checks)
over ../shared/corpora/bbc into a fresh temporary warehouse with that many analysis
workers, then bare ``nlp.pipe`` with the same model, the same components and the same
number of processes (``n_process``) over the same article bodies, and prints words/s
for both and their ratio (targets: >= 0.95 at one process, >= 0.85 at all cores).
Each pass starts from a freshly loaded model, as the pipeline's run does.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipelines import settings
from pipelines.core.nlp import DEFAULT_BATCH_SIZE, DISABLED_COMPONENTS, load_nlp
from pipelines.parallel import SPAWN_MIN_ARTICLES

TARGETS = {1: 0.95}  # at one process; any other count: ALL_CORES_TARGET
ALL_CORES_TARGET = 0.85


@dataclass(frozen=True)
class _Usage:
    """CPU seconds (user + system), system seconds and minor page faults over a span."""

    cpu: float
    system: float
    faults: int

    def line(self) -> str:
        return f"{self.cpu:.1f} s CPU ({self.system:.1f} s system, {self.faults:,} page faults)"


@dataclass(frozen=True)
class _Account:
    """Where a pipeline pass's wall time went, from its steps' start and end times.

    ``before``: the run's start to the first per-shard analysis step's; ``analysis``:
    the per-shard analysis steps, first start to last end; ``after``: from there to the
    run's end. ``idle_*``: seconds in each part with no step running (Dagster between
    steps). ``startup``: the analysis workers' start-up (``AnalysisPool.startup``).
    """

    before: float
    analysis: float
    after: float
    idle_before: float
    idle_after: float
    startup: dict[str, float]


@dataclass(frozen=True)
class _Pass:
    processes: int
    seconds: float
    cpu_seconds: float
    worker_cpu_seconds: float
    step_seconds: dict[str, float]
    # Seconds of the steps that ran after the analysis (they need its rows), per stage.
    after_analysis: dict[str, float]
    workers: _Usage
    account: _Account


def _cpu_split() -> tuple[float, float]:
    """User + system CPU seconds so far of this process, and of its reaped children.

    Pool workers and spaCy's ``n_process`` children are joined before a pass ends,
    so the difference over a pass counts every process the pass used.
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _cpu_seconds() -> float:
    return sum(_cpu_split())


def _usage(who: int) -> tuple[float, float, int]:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime, r.ru_stime, r.ru_minflt


def _usage_since(who: int, start: tuple[float, float, int]) -> _Usage:
    cpu, system, faults = _usage(who)
    return _Usage(cpu - start[0], system - start[1], faults - start[2])


def _account(
    spans: list[tuple[float, float, str]], start: float, end: float, startup: dict[str, float]
) -> _Account:
    """Split a run's wall time (``start``..``end``) around its per-shard analysis steps.

    ``spans``: each step's (start, end, key), in the same clock as ``start`` and ``end``.
    """
    shards = [sp for sp in spans if _step_group(sp[2])[-1] == "analysis.shards"]
    first = min((a for a, _, _ in shards), default=end)
    last = max((b for _, b, _ in shards), default=end)

    def idle(lo: float, hi: float) -> float:
        # Seconds of lo..hi that no step covers.
        covered, reach = 0.0, lo
        for a, b, _ in sorted(spans):
            a, b = max(a, reach), min(b, hi)
            if b > a:
                covered += b - a
                reach = b
        return (hi - lo) - covered

    return _Account(
        first - start, last - first, end - last, idle(start, first), idle(last, end), startup
    )


def _step_group(step_key: str) -> list[str]:
    """The stage a step adds to, and for a staged asset its part too.

    ``analysis.analyse_03`` adds to ``analysis`` and ``analysis.shards``;
    ``analysis.load`` to ``analysis`` and ``analysis.load``.
    """
    stage, _, op = step_key.partition(".")
    if not op:
        return [stage]
    part = "shards" if op not in ("plan", "load") else op
    return [stage, f"{stage}.{part}"]


def _copy_corpus(src: Path, dst: Path, limit: int) -> int:
    """Copy the article files only (the corpus folder also holds READMEs and a manifest)."""
    files = sorted(p for p in src.rglob("*.txt") if p.name != "README.TXT")
    if limit:
        files = files[:limit]
    for f in files:
        out = dst / f.relative_to(src)  # sub-folder names keep file names unique
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(f.read_bytes())
    return len(files)


def _pipeline_pass(corpus: Path, warehouse: Path, processes: int) -> _Pass:
    from pipelines.definitions import build_defs
    from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
    from pipelines.defs.runner import run_refresh

    resources = {
        "warehouse": WarehouseResource(path=str(warehouse)),
        "landing_zone": LandingResource(repo_root=str(settings.REPO_ROOT), landing_dir=str(corpus)),
        "nlp": NlpResource(
            model=settings.spacy_model(),
            overrides_path=str(warehouse.parent / "no_overrides.toml"),
            workers=processes,
        ),
    }
    defs = build_defs(resources)
    instance = dg.DagsterInstance.ephemeral()
    kids0 = _usage(resource.RUSAGE_CHILDREN)
    start, t0, (c0, k0) = time.time(), time.perf_counter(), _cpu_split()
    result = run_refresh(instance=instance, definitions=defs)
    seconds, (c1, k1) = time.perf_counter() - t0, _cpu_split()
    end = time.time()
    workers = _usage_since(resource.RUSAGE_CHILDREN, kids0)
    if not result.success:
        raise RuntimeError(f"pipeline run with {processes} process(es) failed")
    # Each step's start and end (the event log's clock is the wall clock).
    begun: dict[str, float] = {}
    spans: list[tuple[float, float, str]] = []
    for entry in instance.all_logs(result.run_id):
        event, key = entry.dagster_event, entry.step_key
        if event is None or key is None:
            continue
        if event.event_type_value == "STEP_START":
            begun[key] = entry.timestamp
        elif event.event_type_value == "STEP_SUCCESS" and key in begun:
            spans.append((begun[key], entry.timestamp, key))
    startup: dict[str, float] = {}
    for ev in result.all_events:
        if ev.event_type_value == "ASSET_MATERIALIZATION" and not startup:
            meta = ev.event_specific_data.materialization.metadata  # type: ignore[union-attr]
            startup = {
                k: float(v.value)
                for k, v in meta.items()
                if k in ("workers_start_to_ready_s", "work_waited_for_workers_s")
            }
    # Seconds per stage: the steps of a graph-backed asset ("analysis.plan",
    # "analysis.analyse_03", "analysis.load") run one after another in-process and add up;
    # their parts (plan, the per-shard steps together, load) are listed as well.
    steps: dict[str, float] = {}
    after: dict[str, float] = {}
    analysed = False  # the analysis load step has finished (events come in order)
    for ev in result.all_events:
        if ev.event_type_value == "STEP_SUCCESS" and ev.step_key:
            seconds_ = ev.event_specific_data.duration_ms / 1000  # type: ignore[union-attr]
            for key in _step_group(ev.step_key):
                steps[key] = steps.get(key, 0.0) + seconds_
            if analysed:
                stage = _step_group(ev.step_key)[0]
                after[stage] = after.get(stage, 0.0) + seconds_
            analysed = analysed or ev.step_key == "analysis.load"
    account = _account(spans, start, end, startup)
    return _Pass(processes, seconds, c1 - c0 + k1 - k0, k1 - k0, steps, after, workers, account)


@dataclass(frozen=True)
class _Bare:
    seconds: float
    cpu_seconds: float
    load_seconds: float  # of ``seconds``: loading the model
    usage: _Usage  # of every process of the pass
    components: list[str]


def _bare_pass(bodies: list[str], processes: int) -> _Bare:
    """Bare ``nlp.pipe`` over ``bodies``: wall, CPU and load seconds, and its components."""
    # A freshly loaded model, as the pipeline run had: spaCy's vocabulary grows as it
    # meets new words, so reusing a warm model would flatter the bare pass by ~10 %.
    # ``load_nlp`` is the pipeline's own loader: the same components (the lemmatizer,
    # which the pipeline does not use, is excluded from both) and the same tokenizer.
    me0, kids0 = _usage(resource.RUSAGE_SELF), _usage(resource.RUSAGE_CHILDREN)
    t0, c0 = time.perf_counter(), _cpu_seconds()
    nlp = load_nlp.__wrapped__(settings.spacy_model())
    loaded = time.perf_counter() - t0
    for _ in nlp.pipe(bodies, batch_size=DEFAULT_BATCH_SIZE, n_process=processes):
        pass
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    me, kids = (
        _usage_since(resource.RUSAGE_SELF, me0),
        _usage_since(resource.RUSAGE_CHILDREN, kids0),
    )
    usage = _Usage(me.cpu + kids.cpu, me.system + kids.system, me.faults + kids.faults)
    return _Bare(seconds, cpu, loaded, usage, list(nlp.pipe_names))


def _load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_command(args: argparse.Namespace) -> int:
    """Run the benchmark (options in ``pipelines/cli.py``); returns the exit status."""
    if not args.corpus.is_dir():
        print(f"SKIP: {args.corpus} is absent; the benchmark needs the shared BBC corpus.")
        return 0
    cores = settings.available_cores()
    counts = sorted(set(args.processes) or {1, cores})
    load_before = _load_average()

    from pipelines.warehouse.writer import Warehouse

    # Each pipeline pass is followed at once by its bare pass, and the ratio is taken per
    # pair: on a shared machine the load drifts over minutes, so timing all pipeline passes
    # first and all bare passes later would compare different conditions.
    rounds: list[list[tuple[_Pass, _Bare]]] = []
    bodies: list[str] = []
    rows: dict[str, int] = {}
    components: list[str] = []
    with tempfile.TemporaryDirectory(prefix="news-bench-") as tmp:
        tmpdir = Path(tmp)
        n_files = _copy_corpus(args.corpus, tmpdir / "corpus", args.limit)
        for r in range(args.repeats):
            pairs: list[tuple[_Pass, _Bare]] = []
            for n in counts:
                wh = tmpdir / f"bench-{r}-{n}" / "bench.duckdb"
                wh.parent.mkdir()
                p = _pipeline_pass(tmpdir / "corpus", wh, n)
                if not bodies:
                    with Warehouse(wh).session() as s:
                        sql = "select body from articles order by article_id"
                        bodies = [row[0] for row in s.fetch(sql)]
                        rows = {
                            t: s.count(t) for t in ("articles", "mentions", "quotes", "entities")
                        }
                bare = _bare_pass(bodies, n)
                components = bare.components
                pairs.append((p, bare))
            rounds.append(pairs)

    words = sum(len(b.split()) for b in bodies)
    # Wall-time figures mean little on a busy machine: say how busy it was.
    print(f"load average (1, 5, 15 min): {load_before} at the start, {_load_average()} at the end")
    print(
        f"corpus: {args.corpus} ({n_files} files -> {len(bodies)} articles, {words:,} words); "
        f"{cores} core(s) available; {args.repeats} round(s), each pipeline pass paired with "
        "a bare pass run right after it"
    )
    print("rows: " + ", ".join(f"{k}={v}" for k, v in rows.items()))
    print(
        f"spaCy components in both (one loader, pipelines.core.nlp.load_nlp): "
        f"{', '.join(components)}; excluded from both: {', '.join(DISABLED_COMPONENTS)}"
    )
    for r, pairs in enumerate(rounds, 1):
        for p, b in pairs:
            steps = ", ".join(f"{k}={v:.1f}" for k, v in sorted(p.step_seconds.items()))
            print(f"round {r}, step seconds at {p.processes} process(es): {steps}")
            after = sorted(p.after_analysis.items(), key=lambda kv: -kv[1])
            print(
                f"round {r}, {p.processes} process(es): steps after the analysis "
                f"{sum(p.after_analysis.values()):.1f} s ("
                + ", ".join(f"{k} {v:.1f}" for k, v in after if v >= 0.05)
                + ")"
            )
            print(
                f"round {r}, {p.processes} process(es): pipeline {p.seconds:.1f} s wall, "
                f"{p.cpu_seconds:.1f} s CPU (run process "
                f"{p.cpu_seconds - p.worker_cpu_seconds:.1f} s + worker processes "
                f"{p.worker_cpu_seconds:.1f} s); bare {b.seconds:.1f} s wall, "
                f"{b.cpu_seconds:.1f} s CPU (CPU: user + system of every process of the pass)"
            )
            a = p.account
            waited = a.startup.get("work_waited_for_workers_s")
            print(
                f"round {r}, {p.processes} process(es): account: before the first per-shard "
                f"analysis step {a.before:.1f} s ({a.idle_before:.1f} s of it between steps"
                + (
                    f"; the spaCy workers loaded in {a.startup['workers_start_to_ready_s']:.1f}"
                    f" s, the staged work waited {waited:.1f} s for them"
                    if waited is not None
                    else ""
                )
                + f"), per-shard analysis steps {a.analysis:.1f} s, after them "
                f"{a.after:.1f} s ({a.idle_after:.1f} s between steps); bare: model load "
                f"{b.load_seconds:.1f} s, nlp.pipe {b.seconds - b.load_seconds:.1f} s"
            )
            print(
                f"round {r}, {p.processes} process(es): worker processes {p.workers.line()}; "
                f"bare {b.usage.line()}"
            )
    print(
        f"{'processes':>9}  {'pipeline words/s':>16}  {'analysis step words/s':>21}  "
        f"{'bare nlp.pipe words/s':>21}  ratio  target  {'CPU s pipeline/bare':>19}"
    )
    for i, n in enumerate(counts):
        pairs_n = sorted(
            (pairs[i] for pairs in rounds), key=lambda pb: pb[1].seconds / pb[0].seconds
        )
        p, b = pairs_n[len(pairs_n) // 2]  # the round with the median ratio
        pipe_rate, bare_rate = words / p.seconds, words / b.seconds
        step_rate = words / p.step_seconds["analysis"] if p.step_seconds.get("analysis") else 0
        target = TARGETS.get(n, ALL_CORES_TARGET)
        print(
            f"{n:>9}  {pipe_rate:>16,.0f}  {step_rate:>21,.0f}  {bare_rate:>21,.0f}  "
            f"{pipe_rate / bare_rate:5.3f}  >= {target}  "
            f"{p.cpu_seconds:>9.1f} / {b.cpu_seconds:.1f}"
        )
    print(
        "pipeline = the whole Dagster run (scan to checks) from a fresh warehouse; "
        "bare = spaCy load + nlp.pipe(n_process=N) over the same bodies; "
        "with several rounds, each row is the round with the median ratio"
    )
    print(
        f"processes = spaCy processes. The pipeline at 1 process (a run of at least "
        f"{SPAWN_MIN_ARTICLES} articles) runs spaCy in one worker process while the run's "
        "own process coordinates (reads the Docs back, runs the entity and quote rules, "
        "stages and loads the rows): two processes, one of them spaCy, so compare CPU "
        "seconds too. At N > 1 processes, N workers run spaCy and the rules, coordinated "
        "by the run's process; bare spaCy's n_process=N has a coordinating parent as well."
    )
    return 0
