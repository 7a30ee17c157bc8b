"""Entity resolution over real BBC articles (../shared/corpora, research use; read in place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
BBC = SHARED / "corpora" / "bbc"

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def bbc_docs():  # type: ignore[no-untyped-def]
    if not BBC.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC} (../shared/corpora is not shipped)")
    from pipelines.core.nlp import load_nlp, ner_spans, pipe, sentence_bounds

    files = sorted(BBC.glob("*/*.txt"))[::15]  # every 15th article: all five sections
    texts = [f.read_text(encoding="latin-1") for f in files]
    docs = pipe(load_nlp(), texts)
    return [(t, ner_spans(d), sentence_bounds(d)) for t, d in zip(texts, docs, strict=True)]


def test_bbc_invariants(bbc_docs) -> None:  # type: ignore[no-untyped-def]
    resolver = EntityResolver.default(Path("/nonexistent"))
    # Resolution cost is a figure `make eval` prints (share of the spaCy pass), not a
    # timed assertion: a wall-clock limit fails on a busy machine and proves nothing.
    results = [resolver.resolve_article(t, n, s) for t, n, s in bbc_docs]
    for (body, _, sents), ae in zip(bbc_docs, results, strict=True):
        ids = {e.entity_id for e in ae.entities}
        for m in ae.mentions:
            assert body[m.start : m.end] == m.surface
            assert m.entity_id in ids
            assert 0 <= m.sentence_index < max(1, len(sents))
    # Bare surnames without a full name in their article stay article-local: the same
    # local entity never appears in two different articles (BBC has exact duplicates,
    # which are the same article).
    seen: dict[str, str] = {}
    for (body, _, _), ae in zip(bbc_docs, results, strict=True):
        for m in ae.mentions:
            if m.rule == "unlinked_surname":
                assert seen.setdefault(m.entity_id, body) == body
