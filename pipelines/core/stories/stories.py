"""Stories: articles about the same specific happening, across outlets and days.

An article is reduced to a signature (its title and lead as content terms, and the
people and organisations it mentions most); two articles are linked when their
signatures are close enough and their dates (when both are known) lie within a window.
A story is a connected group of links, so the grouping is a function of the set of
articles, not of the order they arrive in. Only signatures that share enough terms are
ever compared (an inverted index), so a new article costs a look-up, not a pass over
every stored article.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from pipelines.core.stories.groups import Link
from pipelines.core.stories.terms import content_terms

# Tuned on the stories dev set only (see README "Stories and statements").
LEAD_TERMS = 60  # content terms of the body's start that describe the happening
TITLE_WEIGHT = 2  # title terms count this many times
MIN_SHARED_TERMS = 4  # a pair sharing fewer distinct terms is never compared
MAX_DAYS_APART = 4  # dated articles further apart are never one story
SALIENT_MIN_MENTIONS = 2  # an entity named this often (or in the lead) characterises the article
LEAD_CHARS = 400
TERM_WEIGHT = 0.6  # score = TERM_WEIGHT * term cosine + (1 - TERM_WEIGHT) * entity overlap
LINK_THRESHOLD = 0.42
# Places are too common across unrelated stories to count as shared entities.
_PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class StoryMention:
    """One entity mention of an article: which entity, of what type, where."""

    entity_id: str
    entity_type: str
    start: int


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What story grouping needs to know about an article."""

    article_id: str
    title: str | None
    body: str
    published_date: dt.date | None
    outlet: str | None
    mentions: tuple[StoryMention, ...] = ()


@dataclass(frozen=True, slots=True)
class StorySignature:
    """The stored summary of an article that links are computed from."""

    article_id: str
    published_date: dt.date | None
    outlet: str | None
    terms: tuple[str, ...]  # title terms (repeated TITLE_WEIGHT times) + lead terms
    entity_ids: tuple[str, ...]  # salient non-place entities, sorted

    @property
    def term_set(self) -> frozenset[str]:
        return frozenset(self.terms)


def story_signature(article: StoryArticle) -> StorySignature:
    """Summarise one article for story linking."""
    title = content_terms(article.title or "", for_stories=True)
    # The lead is the first LEAD_TERMS content words; reading far past them is wasted work.
    lead = content_terms(article.body[: LEAD_TERMS * 40], for_stories=True)[:LEAD_TERMS]
    counts = Counter(m.entity_id for m in article.mentions if m.entity_type not in _PLACE_TYPES)
    in_lead = {
        m.entity_id
        for m in article.mentions
        if m.start < LEAD_CHARS and m.entity_type not in _PLACE_TYPES
    }
    salient = sorted(e for e, n in counts.items() if n >= SALIENT_MIN_MENTIONS or e in in_lead)
    return StorySignature(
        article_id=article.article_id,
        published_date=article.published_date,
        outlet=article.outlet,
        terms=tuple(title * TITLE_WEIGHT + lead),
        entity_ids=tuple(salient),
    )


@cache
def _vectorizer() -> HashingVectorizer:
    # Stateless hashing: the vector of an article never depends on the other articles,
    # which is what keeps links (and so stories) independent of arrival order.
    return HashingVectorizer(analyzer=_identity, n_features=2**20, alternate_sign=False, norm="l2")


def _identity(terms: Sequence[str]) -> Sequence[str]:
    return terms


def _entity_overlap(a: StorySignature, b: StorySignature) -> float:
    if not a.entity_ids or not b.entity_ids:
        return 0.0
    shared = len(set(a.entity_ids) & set(b.entity_ids))
    return float(shared / (len(a.entity_ids) * len(b.entity_ids)) ** 0.5)


def _dates_compatible(a: StorySignature, b: StorySignature) -> bool:
    if a.published_date is None or b.published_date is None:
        return True
    return abs((a.published_date - b.published_date).days) <= MAX_DAYS_APART


class StoryIndex:
    """An inverted index over stored signatures: finds the articles worth comparing.

    Term vectors are kept as rows of sparse matrices, hashed in batches (one call per
    batch of additions), so a comparison is one sparse product with the candidates.
    """

    def __init__(self, signatures: Iterable[StorySignature] = ()) -> None:
        self._by_id: dict[str, StorySignature] = {}
        self._row: dict[str, tuple[int, int]] = {}  # article -> (block, row in block)
        self._blocks: list[sp.csr_matrix] = []
        self._postings: dict[str, list[str]] = {}
        self.add_all(list(signatures))

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def add_all(self, sigs: Sequence[StorySignature]) -> None:
        """Index signatures (already indexed ones are skipped)."""
        fresh = list({s.article_id: s for s in sigs if s.article_id not in self._by_id}.values())
        if not fresh:
            return
        self._blocks.append(_vectorizer().transform([s.terms for s in fresh]).tocsr())
        block = len(self._blocks) - 1
        for i, sig in enumerate(fresh):
            self._by_id[sig.article_id] = sig
            self._row[sig.article_id] = (block, i)
            for term in sig.term_set:
                self._postings.setdefault(term, []).append(sig.article_id)

    def vector(self, article_id: str) -> sp.csr_matrix:
        block, row = self._row[article_id]
        return self._blocks[block][row]

    def candidates(self, sig: StorySignature) -> list[StorySignature]:
        """Indexed signatures sharing at least ``MIN_SHARED_TERMS`` distinct terms."""
        shared: Counter[str] = Counter()
        for term in sig.term_set:
            shared.update(self._postings.get(term, ()))
        return [
            self._by_id[aid]
            for aid, n in sorted(shared.items())
            if n >= MIN_SHARED_TERMS and aid != sig.article_id
        ]

    def score(self, sig: StorySignature, others: Sequence[StorySignature]) -> list[float]:
        """Link score of an indexed ``sig`` with each indexed signature in ``others``."""
        if not others:
            return []
        by_block: dict[int, list[tuple[int, int]]] = {}
        for pos, o in enumerate(others):
            block, row = self._row[o.article_id]
            by_block.setdefault(block, []).append((pos, row))
        cos = [0.0] * len(others)
        me = self.vector(sig.article_id).T
        for block, items in by_block.items():
            # Rows are l2-normalised, so the dot product is the cosine.
            values = (self._blocks[block][[r for _, r in items]] @ me).toarray().ravel()
            for (pos, _), value in zip(items, values, strict=True):
                cos[pos] = float(value)
        return [
            TERM_WEIGHT * c + (1 - TERM_WEIGHT) * _entity_overlap(sig, o)
            if _dates_compatible(sig, o)
            else 0.0
            for c, o in zip(cos, others, strict=True)
        ]


def link_new_articles(
    new: Sequence[StorySignature], index: StoryIndex
) -> tuple[list[Link], StoryIndex]:
    """Links between each new signature and everything indexed before it (or with it).

    New signatures are compared in id order, each with the index as it stood plus the
    new ones before it, so the links found are the same whatever order ``new`` came in.
    Returns the links and the grown index.
    """
    todo = sorted((s for s in new if s.article_id not in index), key=lambda s: s.article_id)
    ahead = {s.article_id for s in todo}
    index.add_all(todo)
    links: list[Link] = []
    for sig in todo:
        ahead.discard(sig.article_id)
        others = [o for o in index.candidates(sig) if o.article_id not in ahead]
        for other, score in zip(others, index.score(sig, others), strict=True):
            if score >= LINK_THRESHOLD:
                links.append(Link.of(sig.article_id, other.article_id, score))
    return links, index
