"""Settings: every environment variable validated in one place, with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import settings


def test_defaults_without_environment() -> None:
    s = settings.load({})
    assert s.warehouse == settings.REPO_ROOT / "data" / "warehouse.duckdb"
    assert s.landing is None
    assert int(s.max_file_bytes) == 20 * 1024 * 1024
    assert s.lock_timeout_s == 600
    assert s.spacy_model == settings.DEFAULT_SPACY_MODEL


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20971520", 20 * 1024 * 1024),
        ("20MiB", 20 * 1024 * 1024),
        ("20 MiB", 20 * 1024 * 1024),
        ("20MB", 20_000_000),
        ("512KiB", 512 * 1024),
        ("1.5GB", 1_500_000_000),
    ],
)
def test_max_file_bytes_accepts_sizes_with_units(value: str, expected: int) -> None:
    assert int(settings.load({"NEWS_MAX_FILE_BYTES": value}).max_file_bytes) == expected


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"NEWS_MAX_FILE_BYTES": "20 parsecs"}, "NEWS_MAX_FILE_BYTES='20 parsecs'"),
        ({"NEWS_MAX_FILE_BYTES": "-5"}, "NEWS_MAX_FILE_BYTES='-5'"),
        ({"NEWS_MAX_FILE_BYTES": "0"}, "greater than 0"),
        ({"NEWS_LOCK_TIMEOUT_S": "0"}, "NEWS_LOCK_TIMEOUT_S='0'"),
        ({"NEWS_LOCK_TIMEOUT_S": "ten"}, "valid number"),
        ({"NEWS_WAREHOUSE": "/"}, "is a folder"),
    ],
)
def test_bad_values_name_the_variable_on_one_line(env: dict[str, str], fragment: str) -> None:
    with pytest.raises(settings.SettingsError) as err:
        settings.load(env)
    message = str(err.value)
    assert "\n" not in message and fragment in message


def test_every_bad_variable_is_reported_at_once() -> None:
    with pytest.raises(settings.SettingsError) as err:
        settings.load({"NEWS_MAX_FILE_BYTES": "x", "NEWS_LOCK_TIMEOUT_S": "y"})
    assert "NEWS_MAX_FILE_BYTES" in str(err.value) and "NEWS_LOCK_TIMEOUT_S" in str(err.value)


def test_empty_variable_means_unset() -> None:
    assert settings.load({"NEWS_LANDING": "", "NEWS_WAREHOUSE": ""}).landing is None


def test_a_given_mapping_ignores_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_LOCK_TIMEOUT_S", "5")
    assert settings.load({}).lock_timeout_s == 600
    assert settings.load().lock_timeout_s == 5


def test_paths_and_dagster_home(tmp_path: Path) -> None:
    s = settings.load(
        {"NEWS_WAREHOUSE": str(tmp_path / "w.duckdb"), "DAGSTER_HOME": str(tmp_path / "dh")}
    )
    assert s.warehouse == tmp_path / "w.duckdb"
    assert s.dagster_home == tmp_path / "dh"
    assert settings.report_path(s.warehouse) == tmp_path / "report.html"


def test_every_setting_is_described() -> None:
    rows = settings.describe_settings()
    assert {name for name, _, _ in rows} == set(settings.ENV_NAMES.values())
    assert all(meaning for _, _, meaning in rows)


def test_workers_default_to_the_available_cores(monkeypatch):
    monkeypatch.delenv("NEWS_WORKERS", raising=False)
    assert settings.workers() == settings.available_cores() >= 1


@pytest.mark.parametrize("raw", ["0", "-2", "two", "1.5"])
def test_bad_worker_counts_are_refused_with_the_variable_named(monkeypatch, raw):
    monkeypatch.setenv("NEWS_WORKERS", raw)
    with pytest.raises(ValueError, match="NEWS_WORKERS"):
        settings.workers()


def test_workers_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWS_WORKERS", "3")
    assert settings.workers() == 3
