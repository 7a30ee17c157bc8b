"""Quality gate for the resolved-speaker set's dev split: figures may rise but never fall.

Scores ``tests/data/quotes_shared`` (dev split only: the test split is never tuned on, so
it is reported by ``python -m pipelines eval-quotes`` but not gated) with the pipeline's
own code path, per source, and compares with tests/quality/quotes_shared_baseline.json:
``first`` is the dev split as first written (batch 1, whose floors predate the set's
growth), ``batch 2`` to ``batch 15`` the articles added later (batches 8 to 15: their
tuning halves 8a to 15a) (each one's own floors, so growing the split never hides a
fall on an older batch), ``grown`` the dev split of batches 1 to 10a, ``dev to batch
11`` that of batches 1 to 11a, ``dev to batch 12`` that of batches 1 to 12a, ``dev to
batch 13`` that of batches 1 to 13a and ``dev to batch 14`` that of batches 1 to 14a (the
whole split before batches 11 to 15 joined it: their floors keep gating the articles they
were measured on) and ``dev split`` the whole dev split. ``held batch 9`` to ``held batch
15`` are 9b to 15b,
the held-out halves (split ``hold``): gated on their summary figures only, from their
first-sight values, so a change that loses on unseen text fails here without anyone
reading their errors (8b, scored before this gate knew the hold split, is not gated).
``QUOTES_BASELINE_UPDATE=1`` rewrites the baseline (review the diff), as for the PolNeAR
gate beside it. One spaCy pass over ~100 articles, hence ``slow``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.quality import ratchet

BASELINE = Path(__file__).with_name("quotes_shared_baseline.json")
SOURCES = ("all", "bbc", "aeb")
GATED = ("quote_f1", "speaker_accuracy", "e2e_f1")
# the batches of the dev split when its "grown" floors were last set: a batch added later
# joins "dev split" (new floors) instead of lowering floors measured without it
GROWN = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
# the same for the whole split's floors set before batch 12 joined it (batches 1 to 11a)
TO_BATCH_11 = (*GROWN, 11)
# and before batch 13 joined it (batches 1 to 12a)
TO_BATCH_12 = (*TO_BATCH_11, 12)
# and before batch 14 joined it (batches 1 to 13a)
TO_BATCH_13 = (*TO_BATCH_12, 13)
# and before batch 15 joined it (batches 1 to 14a)
TO_BATCH_14 = (*TO_BATCH_13, 14)
# part -> (split, the batch or batches it scores or None for the whole split, its sources:
# batch 3 is BBC only, batch 4 BBC and the trafilatura pages, batch 5 all three corpora,
# batches 6 to 15 BBC only)
PARTS: dict[str, tuple[str, int | tuple[int, ...] | None, tuple[str, ...]]] = {
    "first": ("dev", 1, SOURCES),
    "batch 2": ("dev", 2, SOURCES),
    "batch 3": ("dev", 3, ("all", "bbc")),
    "batch 4": ("dev", 4, ("all", "bbc", "trafilatura")),
    "batch 5": ("dev", 5, ("all", "bbc", "aeb", "trafilatura")),
    "batch 6": ("dev", 6, ("all", "bbc")),
    "batch 7": ("dev", 7, ("all", "bbc")),
    "batch 8": ("dev", 8, ("all", "bbc")),
    "batch 9": ("dev", 9, ("all", "bbc")),
    "batch 10": ("dev", 10, ("all", "bbc")),
    "batch 11": ("dev", 11, ("all", "bbc")),
    "batch 12": ("dev", 12, ("all", "bbc")),
    "batch 13": ("dev", 13, ("all", "bbc")),
    "batch 14": ("dev", 14, ("all", "bbc")),
    "batch 15": ("dev", 15, ("all", "bbc")),
    "grown": ("dev", GROWN, SOURCES),
    "dev to batch 11": ("dev", TO_BATCH_11, SOURCES),
    "dev to batch 12": ("dev", TO_BATCH_12, SOURCES),
    "dev to batch 13": ("dev", TO_BATCH_13, SOURCES),
    "dev to batch 14": ("dev", TO_BATCH_14, SOURCES),
    "dev split": ("dev", None, SOURCES),
    "held batch 9": ("hold", 9, ("all", "bbc")),
    "held batch 10": ("hold", 10, ("all", "bbc")),
    "held batch 11": ("hold", 11, ("all", "bbc")),
    "held batch 12": ("hold", 12, ("all", "bbc")),
    "held batch 13": ("hold", 13, ("all", "bbc")),
    "held batch 14": ("hold", 14, ("all", "bbc")),
    "held batch 15": ("hold", 15, ("all", "bbc")),
}


def _in_part(batches: int | tuple[int, ...] | None, batch: int) -> bool:
    """Whether an article of ``batch`` is scored by a part that scores ``batches``."""
    if batches is None:
        return True
    return batch in (batches if isinstance(batches, tuple) else (batches,))


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, dict[str, float]]]:
    from pipelines.tools import quote_eval, quotes_shared, shared_texts

    try:
        docs = [
            d
            for d in quotes_shared.load_shared_set()
            if d.split == "dev"
            or any(d.split == split and _in_part(b, d.batch) for split, b, _ in PARTS.values())
        ]
    except shared_texts.CorpusUnavailable as ex:
        pytest.skip(f"the resolved-speaker gate needs ../shared/corpora: {ex}")
    if not quote_eval.SCORER.exists():
        pytest.skip(f"{quote_eval.SCORER} is absent: the gate needs ../shared/eval/quotes")
    scorer = quote_eval.load_scorer()
    gold = quotes_shared.gold_rows(docs)
    results = quote_eval.analyse_docs([(d.doc_id, d.text) for d in docs])
    corpus_of = {d.doc_id: d.corpus for d in docs}
    batch_of = {d.doc_id: d.batch for d in docs}
    split_of = {d.doc_id: d.split for d in docs}
    out: dict[str, dict[str, dict[str, float]]] = {}
    for part, (split, batch, sources) in PARTS.items():
        out[part] = {}
        for source in sources:
            rows = [
                g
                for g in gold
                if split_of[g["doc_id"]] == split
                and (source == "all" or corpus_of[g["doc_id"]] == source)
                and _in_part(batch, batch_of[g["doc_id"]])
            ]
            metrics = quote_eval._score_rows(scorer, rows, results)
            out[part][source] = {k: float(metrics[k]) for k in GATED}
    return out


@pytest.mark.slow
@pytest.mark.corpus
def test_resolved_speaker_figures_do_not_fall(
    figures: dict[str, dict[str, dict[str, float]]],
) -> None:
    ratchet.assert_not_fallen(
        BASELINE, figures, lambda: _baseline_of(figures), "resolved-speaker figures"
    )


def test_shared_baseline_file_is_well_formed() -> None:
    ratchet.assert_well_formed(
        BASELINE,
        (f"{p} {s} {k}" for p, (_, _, sources) in PARTS.items() for s in sources for k in GATED),
    )


def _baseline_of(figures: dict[str, dict[str, dict[str, float]]]) -> dict[str, Any]:
    return {
        "note": "Floors for tests/quality/test_quotes_shared_gate.py: the dev split of "
        "tests/data/quotes_shared scored with the pipeline's own code path (as `python -m "
        "pipelines eval-quotes` prints it), rounded down to 3 decimals; 'first' is the dev "
        "split as first written (batch 1), 'batch 2' to 'batch 15' the articles added later (batches "
        "8 to 15: their dev halves), 'grown' the dev split of batches 1 to 10a (the whole split "
        "before batch 11 joined), 'dev to batch 11' that of batches 1 to 11a (before batch 12 "
        "joined), 'dev to batch 12' that of batches 1 to 12a (before batch 13 joined), 'dev to "
        "batch 13' that of batches 1 to 13a (before batch 14 joined), 'dev to batch 14' that of "
        "batches 1 to 14a (before batch 15 joined), 'dev split' the whole dev "
        "split, 'held batch 9' to 'held batch 15' "
        "the held-out halves of batches 9 to 15 (split hold, summary figures only). Raise freely; "
        "lower only with QUOTES_BASELINE_UPDATE=1 "
        "and a reason in the commit message.",
        "measured": ratchet.measured(figures),
        "dev": ratchet.floors(figures),
    }
