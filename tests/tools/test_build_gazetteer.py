"""The committed generated gazetteer files are exactly what ``build-gazetteer`` writes."""

from __future__ import annotations

import pytest

from pipelines.tools.build_gazetteer import RULES, render
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    # The build reads ../shared/gazetteer (skipped with a message when it is absent).
    sources = shared_path("gazetteer", "countrynames", "data.yaml").parents[1]
    return render(sources)


@pytest.mark.parametrize("name", ["aliases.jsonl", "descriptors.txt"])
def test_committed_file_equals_the_build(built: dict[str, str], name: str) -> None:
    committed = (RULES / name).read_text(encoding="utf-8")
    # A hand edit, or a rules change without a rebuild, fails here.
    assert committed == built[name], (
        f"rules/{name} differs from what build-gazetteer produces: run "
        "`.venv/bin/python -m pipelines build-gazetteer` and commit the result"
    )
