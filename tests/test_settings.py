"""Settings read from the environment are validated."""

from __future__ import annotations

import pytest

from pipelines import settings


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
