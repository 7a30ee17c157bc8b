"""Property: any generated hostile article is analysed without a crash, inside its budget,
with offsets that spell what they claim (the same generator as ``make fuzz``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.core.analysis import Analyser, TextItem, analyse_outcomes
from pipelines.core.entities import EntityResolver
from pipelines.core.models import AnalysisFailure
from pipelines.tools.fuzz_analysis import check_analysis, generate
from pipelines.warehouse.rows import analysis_rows

# Far above the ~0.1-2 s a generated article takes, so a busy machine cannot fail it;
# the quadratic paths this guards against took minutes on such inputs.
BUDGET_S = 60.0


@pytest.fixture(scope="module")
def analyser(nlp) -> Analyser:  # type: ignore[no-untyped-def]
    return Analyser(nlp=nlp, resolver=EntityResolver.default(Path("/nonexistent")), batch_size=1)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(index=st.integers(0, 10**9))
def test_generated_articles_analyse_cleanly(analyser: Analyser, index: int) -> None:
    body = generate(0, index)
    (out,) = analyse_outcomes([TextItem("x", body)], analyser, BUDGET_S)
    assert not isinstance(out, AnalysisFailure), out
    assert check_analysis(body, out) is None
    analysis_rows(out, version="test")


def test_generator_is_reproducible_and_covers_the_hostile_shapes() -> None:
    assert generate(3, 7) == generate(3, 7)
    bodies = [generate(0, i) for i in range(400)]
    joined = "\n".join(bodies)
    assert '"' * 20 in joined or "“" * 20 in joined or any(len(b) > 5000 for b in bodies)
    assert "&" in joined and "-" in joined and "’" in joined
    # the shapes of the rules added since: runs of stops glued to a word, and one line
    # of many quotes continued by pronouns, descriptions and organisations
    assert re.search(r"(?:\.|!\?|;|, |'s| - ){10}(?:x|Lee|the end\.)", joined)
    chains = [line for line in joined.splitlines() if line.count("41-year-old added") >= 3]
    assert chains
