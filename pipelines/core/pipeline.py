"""The one NLP code path: texts in, mentions + entities + quotes out.

The Dagster assets, ``python -m pipelines extract-quotes`` and the benchmarks all
call :func:`analyse_texts`, so what is measured is what is loaded.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines import __version__
from pipelines.core import nlp as nlp_mod
from pipelines.core.entities import EntityResolver
from pipelines.core.models import ArticleAnalysis
from pipelines.core.quotes import extract_quotes_and_skips
from pipelines.core.versions import analysis_code_version

if TYPE_CHECKING:
    from spacy.language import Language


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


def analyse_texts(items: Iterable[TextItem], analyser: Analyser) -> Iterator[ArticleAnalysis]:
    """Run spaCy (batched ``nlp.pipe``), entity resolution and quote extraction."""
    # nlp.pipe reads ahead by a batch; keep the items it has consumed, in order.
    buffered: deque[TextItem] = deque()

    def _texts() -> Iterator[str]:
        for item in items:
            buffered.append(item)
            yield item.body

    for doc in nlp_mod.pipe(analyser.nlp, _texts(), batch_size=analyser.batch_size):
        item = buffered.popleft()
        sentences = nlp_mod.sentence_bounds(doc)
        found = analyser.resolver.resolve_article(item.body, nlp_mod.ner_spans(doc), sentences)
        quotes, skipped = extract_quotes_and_skips(doc, found.mentions)
        authors, byline = analyser.resolver.resolve_authors(item.authors)
        entities = {e.entity_id: e for e in found.entities}
        for ent in byline.entities:
            entities.setdefault(ent.entity_id, ent)
        yield ArticleAnalysis(
            article_id=item.article_id,
            mentions=found.mentions,
            entities=tuple(entities.values()),
            aliases=found.aliases + byline.aliases,
            quotes=tuple(quotes),
            sentence_count=len(sentences),
            skipped_marks=skipped,
            authors=authors,
        )
