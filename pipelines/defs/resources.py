"""Resources: where the warehouse and landing zone are, and the loaded analyser."""

import multiprocessing
from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from pipelines import landing, settings
from pipelines.core.analysis import Analyser
from pipelines.parallel import AnalyserSpec, AnalysisPool, pool_shape
from pipelines.warehouse.stage import RunStage, stage_path_for
from pipelines.warehouse.writer import Warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. ``path`` is the published file analysts open."""

    path: str
    lock_timeout_s: float = 600.0
    stage_dir: str | None = None
    """Parquet stage of the per-shard steps (None: ``<warehouse stem>.stage`` beside it).
    On a cluster, a folder every worker sees at the same path."""

    def stage(self, run_id: str) -> RunStage:
        """The stage folder of one run."""
        root = Path(self.stage_dir) if self.stage_dir else stage_path_for(Path(self.path))
        return RunStage(root, run_id)

    def open(self, log: dg.DagsterLogManager | None = None) -> Warehouse:
        return Warehouse(
            Path(self.path),
            lock_timeout_s=self.lock_timeout_s,
            on_wait=(log.warning if log else None),
            on_warning=(log.warning if log else None),
        )


class LandingResource(dg.ConfigurableResource):
    """The landing zone: ``seeds/`` + ``data/landing/``, or one folder if ``landing`` is set."""

    repo_root: str
    landing_dir: str | None = None
    max_file_bytes: int = landing.DEFAULT_MAX_FILE_BYTES
    hash_cache_path: str | None = None
    """Content-hash cache shared by the sensor, the scan and the load (None: no cache)."""
    ignore_patterns: str = ",".join(landing.DEFAULT_IGNORE_PATTERNS)
    """Comma-separated file-name patterns recorded as ``ignored`` (not news)."""

    def roots(self) -> list[landing.LandingRoot]:
        return landing.default_roots(
            Path(self.repo_root),
            self.landing_dir,
            tuple(p.strip() for p in self.ignore_patterns.split(",") if p.strip()),
        )

    def hash_cache(self) -> landing.HashCache:
        """The shared hash cache (close it, or use it as a context manager)."""
        return landing.HashCache(Path(self.hash_cache_path) if self.hash_cache_path else None)


class NlpResource(dg.ConfigurableResource):
    """The spaCy model, entity overrides file and analysis worker count."""

    model: str
    overrides_path: str
    workers: int = 1
    """Analysis processes; 1 analyses in the run's own process."""
    article_budget_s: float = 120.0
    """Seconds one article may spend in analysis before it is recorded as failed."""

    def spec(self) -> AnalyserSpec:
        return AnalyserSpec(self.model, self.overrides_path)

    def analyser(self) -> Analyser:
        """The loaded analyser of this process (loaded once, then reused)."""
        return self.spec().load()

    _pool: AnalysisPool | None = PrivateAttr(default=None)

    def _shape(self, pending: int) -> tuple[int, bool]:
        # Inside a daemonic process (a dask worker) no children may be started.
        can_spawn = not multiprocessing.current_process().daemon
        return pool_shape(self.workers, pending, can_spawn=can_spawn)

    def shared_pool(self, pending: int) -> AnalysisPool:
        """One open pool for every analysis step of an in-process run (closed at its end).

        The per-shard steps of an in-process run share the worker processes, so the model
        is loaded once per process, not once per shard. Inside a daemonic process (a dask
        worker) the step analyses in that process, and the cluster scales by its number
        of dask workers. The first caller's ``pending`` sizes the pool.
        """
        if self._pool is None:
            workers, spawn = self._shape(pending)
            self._pool = AnalysisPool(self.spec(), workers, spawn=spawn)
            self._pool.__enter__()
        return self._pool

    def started_pool(self) -> AnalysisPool | None:
        """The shared pool if its worker processes are running (else None)."""
        return self._pool if self._pool is not None and self._pool.spawn else None

    def start_workers(self, pending: int) -> None:
        """Start the shared pool's worker processes now, if it will have any.

        Called by the articles plan step (``pending``: files to parse plus articles
        already pending analysis, an estimate) and again by the analysis plan step (the
        articles staged), so the workers import spaCy and load the model and the
        gazetteer while the run parses and stages, not while the first shard step waits.
        """
        if self._pool is None and not self._shape(pending)[1]:
            return  # in-process analysis: the model loads in the step that analyses
        self.shared_pool(pending)

    def close_pool(self) -> None:
        """Stop the shared pool's workers (each holds a model and the gazetteer).

        The analysis load step calls it once every per-shard step is done, so the steps
        after the analysis (entities, stories, statements, publishing) do not run beside
        idle workers: the run's peak memory is then the analysis', not the workers' plus
        the largest later step's.
        """
        if self._pool is not None:
            self._pool.__exit__(None, None, None)
            self._pool = None

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self.close_pool()


def default_resources() -> dict[str, dg.ConfigurableResource]:
    """Resources from the validated settings (``pipelines.settings``)."""
    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse_path()),
            lock_timeout_s=settings.lock_timeout_s(),
            stage_dir=settings.stage_dir(),
        ),
        "landing_zone": LandingResource(
            repo_root=str(settings.REPO_ROOT),
            landing_dir=settings.landing_override(),
            max_file_bytes=settings.max_file_bytes(),
            hash_cache_path=str(settings.hash_cache_path()),
            ignore_patterns=",".join(settings.landing_ignore_patterns()),
        ),
        "nlp": NlpResource(
            model=settings.spacy_model(),
            overrides_path=str(settings.overrides_path()),
            workers=settings.workers(),
            article_budget_s=settings.article_budget_s(),
        ),
    }
