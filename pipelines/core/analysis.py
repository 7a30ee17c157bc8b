"""The one NLP code path: texts in, mentions + entities + quotes out.

The Dagster assets, ``python -m pipelines extract-quotes`` and the benchmarks all
go through :func:`analyse_outcomes`, so what is measured is what is loaded.

Fault isolation: each article is analysed on its own terms. An exception in any
stage (spaCy, entity resolution, quotes) or a stage finishing past the article's time
budget becomes an :class:`AnalysisFailure` for that article only; the others go on.
The budget is checked inside the stages' long loops (``pipelines.core.deadline``: a
stage stops at the budget) and again when a stage returns (work between two checks);
the stages' inputs are bounded (body length, punctuation runs, O(n log n)
resolution), so every stage ends, and an article that takes too long is recorded
instead of stalling every later run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from pipelines import __version__
from pipelines.core import nlp as nlp_mod
from pipelines.core.deadline import BudgetExceeded, Clock, deadline
from pipelines.core.entities import EntityResolver
from pipelines.core.models import AnalysisFailure, ArticleAnalysis, ArticleEntities
from pipelines.core.quotes import extract_quotes_and_skips
from pipelines.core.versions import analysis_code_version

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")
BUDGET_EXCEEDED = "BudgetExceeded"
_MAX_MESSAGE = 2000  # characters of an exception message kept in a failure record


@dataclass(frozen=True, slots=True)
class TextItem:
    """An article body to analyse, keyed by its article id, with its bylined authors."""

    article_id: str
    body: str
    authors: tuple[str, ...] = ()


@dataclass(slots=True)
class Analyser:
    """The spaCy pipeline and the entity resolver, loaded once and reused."""

    nlp: Language
    resolver: EntityResolver
    batch_size: int = nlp_mod.DEFAULT_BATCH_SIZE

    @classmethod
    def load(
        cls, model: str = nlp_mod.DEFAULT_MODEL, resolver: EntityResolver | None = None
    ) -> Analyser:
        """The model and a resolver (default: the shipped gazetteer, no overrides)."""
        return cls(
            nlp=nlp_mod.load_nlp(model),
            resolver=resolver if resolver is not None else EntityResolver.default(None),
        )

    @property
    def version(self) -> str:
        """Stamp for every row this analyser produces.

        Changes whenever the code release, the spaCy model or the resolver's data
        (gazetteer, rules, overrides) change, so stale rows can be found and redone.
        """
        return analyser_version(nlp_mod.model_version(self.nlp), self.resolver.data_version)

    def analyse(self, items: Iterable[TextItem]) -> Iterator[ArticleAnalysis]:
        """Analyse texts in order, one :class:`ArticleAnalysis` per item."""
        return analyse_texts(items, self)


def analyser_version(model_version: str, resolver_data_version: str) -> str:
    """:attr:`Analyser.version` from its parts (computable without loading anything)."""
    parts = (analysis_code_version(), model_version, resolver_data_version)
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:10]
    return f"{__version__}+{digest}"


class AnalysisError(RuntimeError):
    """Raised by :func:`analyse_texts` (tools, evals) when an article fails."""

    def __init__(self, failure: AnalysisFailure) -> None:
        super().__init__(
            f"article {failure.article_id}: {failure.stage}: {failure.error_type}: "
            f"{failure.message}"
        )
        self.failure = failure


def analyse_texts(items: Iterable[TextItem], analyser: Analyser) -> Iterator[ArticleAnalysis]:
    """Run spaCy (batched ``nlp.pipe``), entity resolution and quote extraction.

    Raises:
        AnalysisError: an article failed (the tools want to know; the run's
            steps use :func:`analyse_outcomes` and record it instead).
    """
    for out in analyse_outcomes(items, analyser):
        if isinstance(out, AnalysisFailure):
            raise AnalysisError(out)
        yield out


def analyse_outcomes(
    items: Iterable[TextItem],
    analyser: Analyser,
    budget_s: float | None = None,
    batch_size: int | None = None,
) -> Iterator[ArticleAnalysis | AnalysisFailure]:
    """Analyse texts in order: one analysis or one failure record per item.

    Args:
        items: the articles.
        analyser: the loaded model and resolver.
        budget_s: seconds an article may spend in all stages together (None: no
            budget). A stage that ends past it fails the article as ``BudgetExceeded``.
        batch_size: articles per spaCy batch (None: the analyser's). A caller that
            has cut its own batches passes their length, so none is split again.
    """
    iterator = iter(items)
    while chunk := list(islice(iterator, batch_size or analyser.batch_size)):
        for item, (doc, nlp_s, failure) in zip(
            chunk, _parse_chunk(analyser.nlp, chunk, budget_s), strict=True
        ):
            if failure is not None:
                yield failure
                continue
            assert doc is not None
            yield analyse_doc(item, doc, analyser, budget_s, spent_s=nlp_s)


@dataclass(frozen=True, slots=True)
class ParsedText:
    """spaCy's output for one article as bytes (another process runs the rules on it).

    ``nlp_s`` is the article's share of its batch's spaCy time, which counts against its
    budget; ``failure`` is set (and ``doc_bytes`` is None) when spaCy failed on it.
    """

    doc_bytes: bytes | None
    nlp_s: float
    failure: AnalysisFailure | None = None


def parse_texts(
    nlp: Language, items: list[TextItem], budget_s: float | None = None
) -> list[ParsedText]:
    """Run spaCy over one batch, each Doc as bytes (the first half of the analysis).

    :func:`analyse_parsed` in another process finishes it; together they give exactly
    what :func:`analyse_outcomes` gives.
    """
    out: list[ParsedText] = []
    for item, (doc, nlp_s, failure) in zip(items, _parse_chunk(nlp, items, budget_s), strict=True):
        data: bytes | None = None
        if failure is None:
            data, nlp_s, failure = run_stage(
                item.article_id, "nlp", budget_s, nlp_s, nlp_mod.doc_to_bytes, doc
            )
        out.append(ParsedText(data if failure is None else None, nlp_s, failure))
    return out


def analyse_parsed(
    items: Iterable[TextItem],
    parsed: Iterable[ParsedText],
    analyser: Analyser,
    budget_s: float | None = None,
) -> Iterator[ArticleAnalysis | AnalysisFailure]:
    """Entity resolution, quotes and bylines over Docs :func:`parse_texts` made.

    ``analyser.nlp`` only lends its vocabulary (:func:`pipelines.core.nlp.load_vocab`).
    """
    for item, p in zip(items, parsed, strict=True):
        if p.failure is not None:
            yield p.failure
            continue
        doc, spent, failure = run_stage(
            item.article_id,
            "nlp",
            budget_s,
            p.nlp_s,
            nlp_mod.doc_from_bytes,
            analyser.nlp,
            p.doc_bytes,
        )
        if failure is not None:
            yield failure
            continue
        assert doc is not None
        yield analyse_doc(item, doc, analyser, budget_s, spent_s=spent)


def _parse_chunk(
    nlp: Language, chunk: list[TextItem], budget_s: float | None
) -> list[tuple[Doc | None, float, AnalysisFailure | None]]:
    """Run spaCy over one batch; on an exception or a slow batch, one article at a time.

    ``nlp.pipe`` is much faster in batches, but one bad text stops the whole batch
    and its time cannot be split per article; redoing the batch singly finds which
    article raised or overran, and only that one fails.
    """
    t0 = time.perf_counter()
    try:
        docs = list(nlp_mod.pipe(nlp, [i.body for i in chunk], len(chunk)))
    except Exception:
        docs = None
    elapsed = time.perf_counter() - t0
    if docs is not None and (budget_s is None or elapsed <= budget_s):
        total = sum(len(i.body) for i in chunk) or 1
        return [(d, elapsed * len(i.body) / total, None) for i, d in zip(chunk, docs, strict=True)]
    out: list[tuple[Doc | None, float, AnalysisFailure | None]] = []
    for item in chunk:
        doc, spent, failure = run_stage(item.article_id, "nlp", budget_s, 0.0, nlp, item.body)
        out.append((doc, spent, failure))
    return out


def analyse_doc(
    item: TextItem,
    doc: Doc,
    analyser: Analyser,
    budget_s: float | None,
    spent_s: float = 0.0,
    clock: Clock = time.perf_counter,
) -> ArticleAnalysis | AnalysisFailure:
    """Entity resolution and quotes for one parsed article, each stage isolated.

    ``clock`` times the budget (tests pass one that counts instead of waiting).
    """
    aid = item.article_id
    sentences: list[tuple[int, int]] = []

    def resolve() -> ArticleEntities:
        sentences.extend(nlp_mod.sentence_bounds(doc))
        return analyser.resolver.resolve_article(item.body, nlp_mod.ner_spans(doc), sentences)

    found, spent, failure = run_stage(aid, "entities", budget_s, spent_s, resolve, clock=clock)
    if failure is not None:
        return failure
    assert found is not None
    res, spent, failure = run_stage(
        aid,
        "quotes",
        budget_s,
        spent,
        lambda: extract_quotes_and_skips(doc, found.mentions),
        clock=clock,
    )
    if failure is not None:
        return failure
    assert res is not None
    quotes, skipped = res
    byline_res, spent, failure = run_stage(
        aid,
        "authors",
        budget_s,
        spent,
        analyser.resolver.resolve_authors,
        item.authors,
        clock=clock,
    )
    if failure is not None:
        return failure
    assert byline_res is not None
    authors, byline = byline_res
    entities = {e.entity_id: e for e in found.entities}
    for ent in byline.entities:
        entities.setdefault(ent.entity_id, ent)
    return ArticleAnalysis(
        article_id=aid,
        mentions=found.mentions,
        entities=tuple(entities.values()),
        aliases=found.aliases + byline.aliases,
        quotes=tuple(quotes),
        sentence_count=len(sentences),
        skipped_marks=skipped,
        authors=authors,
    )


def run_stage(
    article_id: str,
    stage: str,
    budget_s: float | None,
    spent_s: float,
    fn: Callable[..., T],
    *args: object,
    clock: Clock = time.perf_counter,
) -> tuple[T | None, float, AnalysisFailure | None]:
    """Run one stage of one article: (result, seconds spent so far, failure or None).

    An exception, or more than ``budget_s`` seconds spent in all of the article's
    stages, is returned as a failure record instead of raised. The stage runs under a
    :func:`~pipelines.core.deadline.deadline` for the seconds the article has left, so
    its long loops stop at the budget (``BudgetExceeded``, the stage named as when it
    overruns and returns). ``KeyboardInterrupt`` and ``SystemExit`` still stop the run.
    """
    t0 = clock()
    try:
        with deadline(None if budget_s is None else budget_s - spent_s, clock):
            result = fn(*args)
    except BudgetExceeded:
        # A loop of the stage saw the time was up (``deadline.check``): stopped there.
        spent = spent_s + clock() - t0
        msg = (
            f"analysis stopped at {spent:.1f} s inside stage {stage!r}: the per-article "
            f"budget of {budget_s:g} s was spent"
        )
        return None, spent, AnalysisFailure(article_id, stage, BUDGET_EXCEEDED, msg, spent)
    except Exception as exc:
        spent = spent_s + clock() - t0
        msg = str(exc)[:_MAX_MESSAGE] or repr(exc)[:_MAX_MESSAGE]
        return None, spent, AnalysisFailure(article_id, stage, type(exc).__name__, msg, spent)
    spent = spent_s + clock() - t0
    # A stage without a check in its loops (or one long item) is caught when it returns.
    if budget_s is not None and spent > budget_s:
        msg = (
            f"analysis took {spent:.1f} s by the end of stage {stage!r}, over the "
            f"per-article budget of {budget_s:g} s"
        )
        return None, spent, AnalysisFailure(article_id, stage, BUDGET_EXCEEDED, msg, spent)
    return result, spent, None
