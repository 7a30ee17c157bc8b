"""Resources: where the warehouse and landing zone are, and the loaded analyser."""

from functools import lru_cache
from pathlib import Path

import dagster as dg

from pipelines import landing, settings
from pipelines.core.entities import EntityResolver
from pipelines.core.pipeline import Analyser
from pipelines.warehouse.writer import Warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. ``path`` is the published file analysts open."""

    path: str
    lock_timeout_s: float = 600.0

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

    def roots(self) -> list[landing.LandingRoot]:
        return landing.default_roots(Path(self.repo_root), self.landing_dir)


@lru_cache(maxsize=2)
def _analyser(model: str, overrides: str) -> Analyser:
    # Loaded once per process: spaCy load + gazetteer indexing take seconds.
    resolver = EntityResolver.default(Path(overrides))
    return Analyser.load(model, resolver=resolver)


class NlpResource(dg.ConfigurableResource):
    """The spaCy model name and entity overrides file used for analysis."""

    model: str
    overrides_path: str

    def analyser(self) -> Analyser:
        return _analyser(self.model, self.overrides_path)


def default_resources() -> dict[str, dg.ConfigurableResource]:
    from pipelines.core.nlp import model_name

    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse_path()), lock_timeout_s=settings.lock_timeout_s()
        ),
        "landing_zone": LandingResource(
            repo_root=str(settings.REPO_ROOT),
            landing_dir=settings.landing_override(),
            max_file_bytes=settings.max_file_bytes(),
        ),
        "nlp": NlpResource(model=model_name(), overrides_path=str(settings.overrides_path())),
    }
