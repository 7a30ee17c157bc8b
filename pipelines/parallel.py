"""The analysis on every core: the one NLP code path, run in N worker processes.

``AnalysisPool`` hands chunks of articles to worker processes, each of which loads
the spaCy model and the entity resolver once and runs
:func:`pipelines.core.analysis.analyse_texts` (the same code path as in-process), and
yields the results in submission order, so the rows written do not depend on the
number of workers. At most ``2 x workers`` chunks are in flight: memory stays flat
however many articles are pending.

A pool of one worker either analyses in the calling process (a small run: nothing is
spawned) or, for a run with at least ``SPAWN_MIN_ARTICLES`` articles, runs spaCy in one
spawned worker while the calling process coordinates: it reads each Doc back, runs the
per-article rules (entities, quotes, bylines), maps and stages the rows and logs
progress. That is one spaCy process plus a coordinating one, so the rules and the
staging overlap with spaCy instead of adding to it (see :func:`pool_shape`). With
several workers each worker runs the rules itself (the coordinator would compete with
them for the cores). Workers are started with
``spawn`` (not ``fork``): the parent may hold threads (Dagster, DuckDB) that a forked
child would inherit in an undefined state.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pipelines.core.analysis import (
    Analyser,
    ParsedText,
    TextItem,
    analyse_outcomes,
    analyse_parsed,
    analyser_version,
    parse_texts,
)
from pipelines.core.entities import EntityResolver, resolver_data_version
from pipelines.core.models import AnalysisFailure, ArticleAnalysis
from pipelines.core.nlp import DEFAULT_BATCH_SIZE, installed_model_version, load_nlp, load_vocab

if TYPE_CHECKING:
    from spacy.language import Language

CHUNK_SIZE = DEFAULT_BATCH_SIZE  # articles per worker task: one spaCy batch
# From this many pending articles a one-process pool runs spaCy in a spawned worker (the
# caller coordinates). Below it, a spawn and a second model load (~2-4 s) cost more than
# the overlap gains (~5 ms of row mapping and staging an article).
SPAWN_MIN_ARTICLES = 8 * CHUNK_SIZE


@dataclass(frozen=True, slots=True)
class AnalyserSpec:
    """What an analyser is made of: enough to build one in another process."""

    model: str
    overrides_path: str | None = None

    def load(self) -> Analyser:
        """The analyser, loaded once per process (spaCy + gazetteer take seconds)."""
        return _load(self.model, self.overrides_path)

    def load_coordinator(self) -> Analyser:
        """The resolver and the model's vocabulary only: the rules over Docs parsed elsewhere."""
        return _load_coordinator(self.model, self.overrides_path)

    def version(self) -> str:
        """The loaded analyser's ``version``, computed without loading the model."""
        return analyser_version(installed_model_version(self.model), self.resolver_data_version())

    def resolver_data_version(self) -> str:
        """The resolver's ``data_version`` (gazetteer, rules, overrides), without indexing."""
        path = Path(self.overrides_path) if self.overrides_path is not None else None
        return resolver_data_version(path)


def freeze_long_lived() -> None:
    """Move every object alive now out of the collector's way until the process exits.

    The model, the gazetteer index and (in a run's own process) Dagster are a few
    hundred thousand long-lived objects that every full collection would walk again
    while the analysis allocates; frozen, the collector skips them (a full collection
    took ~0.3-0.5 s each, several per run and worker).
    """
    gc.freeze()
    # The interpreter's last collection skips frozen objects too, so their cycles are
    # left to the OS, which is cheap. But duckdb's binding library (nanobind) checks at
    # exit that all its objects were freed and reports each survivor on stderr
    # ("nanobind: leaked 27 instances!", ~50 lines): where duckdb was imported before
    # this freeze (a run's own process, not the spaCy workers), thaw at exit so that
    # collection frees duckdb's module cycles (and the rest: ~1 s of CPU for the
    # ~400,000 objects of a seed run's process, after "run finished" is printed).
    if "duckdb" in sys.modules:
        atexit.unregister(gc.unfreeze)  # once, however often the process freezes
        atexit.register(gc.unfreeze)


@lru_cache(maxsize=2)
def _load(model: str, overrides_path: str | None) -> Analyser:
    path = Path(overrides_path) if overrides_path is not None else None
    analyser = Analyser.load(model, resolver=EntityResolver.default(path))
    freeze_long_lived()
    return analyser


@lru_cache(maxsize=2)
def _load_coordinator(model: str, overrides_path: str | None) -> Analyser:
    path = Path(overrides_path) if overrides_path is not None else None
    analyser = Analyser(nlp=load_vocab(model), resolver=EntityResolver.default(path))
    freeze_long_lived()  # the gazetteer index and the run's own objects
    return analyser


# One article to analyse: id, body and the bylined authors the analyser resolves.
WorkItem = TextItem


@dataclass(frozen=True, slots=True)
class WorkResult:
    """An article's analysis (or why it failed), its word count and bylined authors."""

    analysis: ArticleAnalysis | AnalysisFailure
    words: int
    authors: tuple[str, ...] = ()


def analyse_chunk(
    analyser: Analyser, items: Sequence[WorkItem], budget_s: float | None = None
) -> list[WorkResult]:
    """Analyse a chunk of articles in order (what one worker task does).

    Each article is isolated: an exception or a budget overrun in any stage, bylines
    included, becomes that article's ``AnalysisFailure`` (see ``analyse_outcomes``).
    """
    # One chunk is one spaCy batch (``balanced_chunks`` sized it).
    return _work_results(items, analyse_outcomes(items, analyser, budget_s, len(items) or None))


def _work_results(
    items: Sequence[WorkItem], outcomes: Iterable[ArticleAnalysis | AnalysisFailure]
) -> list[WorkResult]:
    """Each article's outcome with its word count and bylined authors, in order."""
    return [
        WorkResult(outcome, len(item.body.split()), item.authors)
        for item, outcome in zip(items, outcomes, strict=True)
    ]


def balanced_chunks(page: Sequence[WorkItem], size: int, workers: int) -> list[list[WorkItem]]:
    """Cut a page of articles, in order, into chunks of about ``size`` for ``workers``.

    The chunks are a multiple of ``workers`` in number and of about equal text length:
    the last chunks of a shard then end together instead of one worker finishing a
    chunk alone while the others wait for the next shard. No chunk is much smaller than
    ``size`` (a shard's remainder is spread over its chunks): spaCy is ~10 % slower per
    word in batches of ~17 than of 32. spaCy's output does not depend on how the
    articles are batched, so neither do the rows.
    """
    if len(page) <= 1:
        return [list(page)] if page else []
    per_worker = len(page) / size / workers
    parts = min(len(page), max(1, int(per_worker + 0.5)) * workers)
    weights = [len(item.body) + 1 for item in page]
    total = sum(weights)
    chunks: list[list[WorkItem]] = []
    current: list[WorkItem] = []
    done = 0
    for i, (item, weight) in enumerate(zip(page, weights, strict=True)):
        # Close the current chunk before this article when the chunks still to come
        # need every article left, or when taking it would pass the chunk's share of
        # the text by more than stopping short of it.
        target_x2 = 2 * total * (len(chunks) + 1)
        left_parts = parts - len(chunks) - 1
        if (
            current
            and left_parts
            and (len(page) - i == left_parts or (2 * done + weight) * parts > target_x2)
        ):
            chunks.append(current)
            current = []
        current.append(item)
        done += weight
    chunks.append(current)
    return chunks


def useful_workers(workers: int, pending: int, chunk_size: int = CHUNK_SIZE) -> int:
    """At most ``workers``, and no more than there are chunks of ``pending`` articles."""
    return max(1, min(workers, -(-pending // chunk_size)))


def pool_shape(workers: int, pending: int, *, can_spawn: bool = True) -> tuple[int, bool]:
    """(spaCy processes, whether they are spawned) for ``pending`` articles.

    Several workers are always spawned. One worker is spawned for a large run (at least
    ``SPAWN_MIN_ARTICLES``), so the calling process's row mapping and staging overlap
    with spaCy; a small run analyses in the calling process. Where no child may be
    started (a daemonic process: a dask worker) everything runs in-process.
    """
    if not can_spawn:
        return 1, False
    n = useful_workers(workers, pending)
    return n, n > 1 or pending >= SPAWN_MIN_ARTICLES


# A fed key's chunks, made when the pool gets to them.
ChunkSource = Callable[[], Iterable[Sequence[WorkItem]]]


@dataclass(slots=True)
class _Task:
    """One submitted chunk: its key (shard) if fed, its articles, and its future."""

    key: str | None
    items: list[WorkItem]
    future: Future[list[WorkResult]] | Future[list[ParsedText]]


# glibc's mallopt parameters (malloc.h) and the values a spawned worker sets.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's largest (HEAP_MAX / 2 on 64-bit)
_TRIM_THRESHOLD = 256 * 1024 * 1024


def tune_malloc() -> bool:
    """Keep a fresh worker's freed memory for its next spaCy batch (glibc only).

    Each spaCy batch allocates and frees tens of MB of arrays. A freshly spawned process
    starts with glibc's smallest thresholds (``mmap`` from 128 KiB, the heap trimmed
    past twice that), so it handed each batch's memory back to the system and faulted
    it in again for the next: over the BBC corpus ~1 million page faults, ~5 s of the
    spaCy worker's system CPU and ~3 % of its CPU in all; bare ``nlp.pipe`` in a
    long-lived process (whose thresholds earlier work has raised) pays far less of it.
    Returns whether the settings took (False where the C library is not glibc).
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) == 1
        and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD) == 1
    )


# The analyser of a worker process, set by the pool's initializer.
_WORKER_ANALYSER: Analyser | None = None
# A parse-only worker's spaCy pipeline (the coordinator runs the rules).
_WORKER_NLP: Language | None = None


def _init_worker(spec: AnalyserSpec) -> None:
    global _WORKER_ANALYSER
    tune_malloc()
    _WORKER_ANALYSER = spec.load()


def _init_parser(spec: AnalyserSpec) -> None:
    global _WORKER_NLP
    tune_malloc()
    _WORKER_NLP = load_nlp(spec.model)
    freeze_long_lived()  # the model's objects


def _worker_parse(items: list[WorkItem], budget_s: float | None = None) -> list[ParsedText]:
    if _WORKER_NLP is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("parse worker used before its initializer ran")
    return parse_texts(_WORKER_NLP, items, budget_s)


def _ready() -> None:
    """A task that does nothing: submitted to start a worker (and its model load)."""


def _worker_chunk(items: Sequence[WorkItem], budget_s: float | None = None) -> list[WorkResult]:
    if _WORKER_ANALYSER is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("analysis worker used before its initializer ran")
    return analyse_chunk(_WORKER_ANALYSER, items, budget_s)


class AnalysisPool:
    """Analyse chunks of articles on ``workers`` processes, results in order.

    Use as a context manager (re-entrant); the worker processes (if any) start on the
    outermost entry and stop on its exit.
    """

    def __init__(
        self,
        spec: AnalyserSpec | None = None,
        workers: int = 1,
        *,
        analyser: Analyser | None = None,
        spawn: bool | None = None,
    ) -> None:
        """Build a pool from a spec, or an in-process one around a loaded analyser.

        ``spawn``: run the analysis in ``workers`` spawned processes (default: when
        there are several); False analyses in the calling process (one worker only).
        """
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if spec is None and analyser is None:
            raise ValueError("AnalysisPool needs a spec or a loaded analyser")
        spawn = workers > 1 if spawn is None else spawn
        if workers > 1 and not spawn:
            raise ValueError("several workers are processes: they must be spawned")
        if analyser is not None and spawn:
            raise ValueError("a loaded analyser can only be used in-process (workers=1)")
        self.spec = spec
        self.workers = workers
        self.spawn = spawn
        # One spawned worker parses; this process runs the rules over its Docs.
        self.split = spawn and workers == 1
        self.budget_s: float | None = None  # per-article analysis budget (None: none)
        self._analyser = analyser
        self._executor: ProcessPoolExecutor | None = None
        self._depth = 0  # how many with-blocks hold the pool open
        # Fed work (``feed``): keys and chunk sources not started yet, the one being
        # submitted, and the submitted chunks not yet taken, in submission order.
        self._feed: deque[tuple[str, ChunkSource]] = deque()
        self._feeding: tuple[str, Iterator[Sequence[WorkItem]]] | None = None
        self._ahead: list[_Task] = []
        # When the workers were started, had all loaded the model, and first got work
        # (``time.monotonic``), for :meth:`startup`.
        self._started_at: float | None = None
        self._ready_at: float | None = None
        self._work_at: float | None = None

    def _mark_ready(self, waiting: list[Future[None]]) -> None:
        if self._ready_at is None and all(f.done() for f in waiting):
            self._ready_at = time.monotonic()

    def startup(self) -> dict[str, float]:
        """The spawned workers' start-up: seconds to load, and the first work's wait.

        ``workers_start_to_ready_s``: from starting the workers to all of them having
        loaded the model; ``work_waited_for_workers_s``: how long the first submitted
        work waited for that (0 when the workers were ready first). Empty for an
        in-process pool, or before the workers are ready and have work.
        """
        if self._started_at is None or self._ready_at is None or self._work_at is None:
            return {}
        return {
            "workers_start_to_ready_s": round(self._ready_at - self._started_at, 2),
            "work_waited_for_workers_s": round(max(0.0, self._ready_at - self._work_at), 2),
        }

    def describe(self) -> str:
        """Where the analysis runs, for log lines."""
        if not self.spawn:
            return "in the run's own process"
        if self.split:
            return "on 1 spaCy worker process, the rules in the run's process"
        return f"on {self.workers} worker processes coordinated by the run's process"

    @property
    def version(self) -> str:
        """Version stamped on every row this pool's analysis produces."""
        if self._analyser is not None:
            return self._analyser.version
        assert self.spec is not None
        return self.spec.version()

    def __enter__(self) -> AnalysisPool:
        # Re-entrant: a run's shared pool is entered once for the run and again by each
        # per-shard step; only the outermost exit stops the workers (a pool per shard
        # step spawned the workers, and loaded the model, 16 times a run).
        self._depth += 1
        if self._depth > 1:
            return self
        if self.spawn:
            assert self.spec is not None
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_parser if self.split else _init_worker,
                initargs=(self.spec,),
            )
            # Start every worker now, so each loads the model while the caller goes on
            # (staging the articles, say); the executor would start them one per
            # submitted chunk otherwise.
            self._started_at = time.monotonic()
            self._ready_at = self._work_at = None
            waiting = [self._executor.submit(_ready) for _ in range(self.workers)]
            for future in waiting:
                future.add_done_callback(lambda _f, w=waiting: self._mark_ready(w))
        elif self._analyser is None:
            assert self.spec is not None
            self._analyser = self.spec.load()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._feed.clear()
        self._feeding = None
        self._ahead.clear()

    def chunks(self, pages: Iterable[Sequence[WorkItem]]) -> Iterator[list[WorkItem]]:
        """The pages of articles cut into this pool's tasks (see ``balanced_chunks``)."""
        for page in pages:
            yield from balanced_chunks(page, CHUNK_SIZE, self.workers)

    def feed(self, sources: Sequence[tuple[str, ChunkSource]], budget_s: float | None) -> None:
        """Queue the chunks of several keys (shards), in the order their steps will ask.

        A spawned pool submits them as its in-flight limit allows, across the callers'
        steps: while one step takes its last results and writes them, the workers go on
        with the next step's first chunks instead of waiting for that step to start. A
        step then asks with ``map(chunks, key=...)``. In-process pools ignore it.
        """
        if self._executor is None:
            return
        self.budget_s = budget_s
        self._feed.extend(sources)
        self._fill()

    def map(
        self, chunks: Iterable[Sequence[WorkItem]], key: str | None = None
    ) -> Iterator[list[WorkResult]]:
        """Analyse each chunk; yield the results chunk by chunk, in input order.

        ``chunks`` is consumed lazily, at most ``2 x workers`` chunks ahead of what
        has been yielded, so a caller can stream its input from the database. A ``key``
        given to :meth:`feed` takes its chunks from there (the same chunks; some may
        be done already) and ``chunks`` is not read.
        """
        if self._executor is None:
            if self._analyser is None:
                raise RuntimeError("AnalysisPool.map called outside its with-block")
            for chunk in chunks:
                yield analyse_chunk(self._analyser, chunk, self.budget_s)
            return
        if key is not None and self._is_fed(key):
            yield from self._map_fed(key)
            return
        in_flight: deque[_Task] = deque()
        for chunk in chunks:
            in_flight.append(self._submit(key, chunk))
            if len(in_flight) >= self._limit:
                yield self._result(in_flight.popleft())
        while in_flight:
            yield self._result(in_flight.popleft())

    @property
    def _limit(self) -> int:
        return 2 * self.workers

    def _submit(self, key: str | None, chunk: Sequence[WorkItem]) -> _Task:
        assert self._executor is not None
        if self._work_at is None:
            self._work_at = time.monotonic()
        items = list(chunk)
        if self.split:  # spaCy there, the rules here (``_result``)
            return _Task(key, items, self._executor.submit(_worker_parse, items, self.budget_s))
        return _Task(key, items, self._executor.submit(_worker_chunk, items, self.budget_s))

    def _result(self, task: _Task) -> list[WorkResult]:
        if self.split:
            return self._finish(task.items, task.future)  # type: ignore[arg-type]
        return task.future.result()  # type: ignore[return-value]

    def _is_fed(self, key: str) -> bool:
        return (
            any(t.key == key for t in self._ahead)
            or (self._feeding is not None and self._feeding[0] == key)
            or any(k == key for k, _ in self._feed)
        )

    def _fill(self) -> None:
        """Submit fed chunks, in feed order, up to the in-flight limit."""
        while len(self._ahead) < self._limit:
            nxt = self._next_fed_chunk()
            if nxt is None:
                return
            self._ahead.append(self._submit(*nxt))

    def _next_fed_chunk(self) -> tuple[str, list[WorkItem]] | None:
        while True:
            if self._feeding is None:
                if not self._feed:
                    return None
                key, source = self._feed.popleft()
                self._feeding = (key, iter(source()))
            key, chunks = self._feeding
            chunk = next(chunks, None)
            if chunk is not None:
                return key, list(chunk)
            self._feeding = None

    def _map_fed(self, key: str) -> Iterator[list[WorkResult]]:
        """The results of a fed key, in order, keeping the feed going ahead of them."""
        while True:
            task = next((t for t in self._ahead if t.key == key), None)
            if task is not None:
                self._ahead.remove(task)
                self._fill()
                yield self._result(task)
                continue
            if self._feeding is not None and self._feeding[0] == key:
                # Other keys' chunks hold the limit (a step ran out of the fed order):
                # go one over it rather than wait for a step that comes later.
                chunk = next(self._feeding[1], None)
                if chunk is None:
                    self._feeding = None
                else:
                    self._ahead.append(self._submit(key, chunk))
                continue
            later = next(((k, src) for k, src in self._feed if k == key), None)
            if later is not None:  # not started yet, and out of order: run it on its own
                self._feed.remove(later)
                yield from self.map(later[1]())
            return

    def _finish(self, items: list[WorkItem], parsed: Future[list[ParsedText]]) -> list[WorkResult]:
        # Loaded at the first result, while the worker parses the next chunk.
        assert self.spec is not None
        coordinator = self.spec.load_coordinator()
        return _work_results(
            items, analyse_parsed(items, parsed.result(), coordinator, self.budget_s)
        )
