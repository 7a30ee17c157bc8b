"""Shared fixtures: repository paths, the shared corpora (skipped when absent), the spaCy
pipeline and the shipped entity resolver."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pipelines.core.entities import EntityResolver

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = (REPO / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the team's shared corpora beside the repo")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from pipelines.core.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def resolver() -> EntityResolver:
    """The shipped gazetteer and rules with no local overrides file (the path does not exist).

    One per test module, as each module had its own: a module that needs other records
    defines its own ``resolver``, which overrides this one.
    """
    from pipelines.core.entities import EntityResolver

    return EntityResolver.default(Path("/nonexistent/overrides.toml"))
