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
    lead = content_terms(article.body, for_stories=True)[:LEAD_TERMS]
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


def _vector(sig: StorySignature) -> sp.csr_matrix:
    """The l2-normalised hashed term vector of a signature (one row)."""
    return _vectorizer().transform([sig.terms])


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
    """An inverted index over stored signatures: finds the articles worth comparing."""

    def __init__(self, signatures: Iterable[StorySignature] = ()) -> None:
        self._by_id: dict[str, StorySignature] = {}
        self._vectors: dict[str, sp.csr_matrix] = {}
        self._postings: dict[str, list[str]] = {}
        for sig in signatures:
            self.add(sig)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, sig: StorySignature) -> None:
        if sig.article_id in self._by_id:
            return
        self._by_id[sig.article_id] = sig
        self._vectors[sig.article_id] = _vector(sig)
        for term in sig.term_set:
            self._postings.setdefault(term, []).append(sig.article_id)

    def candidates(self, sig: StorySignature) -> list[StorySignature]:
        """Stored signatures sharing at least ``MIN_SHARED_TERMS`` distinct terms."""
        shared: Counter[str] = Counter()
        for term in sig.term_set:
            shared.update(self._postings.get(term, ()))
        return [
            self._by_id[aid]
            for aid, n in sorted(shared.items())
            if n >= MIN_SHARED_TERMS and aid != sig.article_id
        ]

    def score(self, sig: StorySignature, others: Sequence[StorySignature]) -> list[float]:
        """Link score of ``sig`` with each indexed signature in ``others``."""
        if not others:
            return []
        # Rows are l2-normalised, so the dot product is the cosine.
        stacked = sp.vstack([self._vectors[o.article_id] for o in others])
        cos = (stacked @ _vector(sig).T).toarray().ravel()
        return [
            TERM_WEIGHT * float(c) + (1 - TERM_WEIGHT) * _entity_overlap(sig, o)
            if _dates_compatible(sig, o)
            else 0.0
            for c, o in zip(cos, others, strict=True)
        ]


def link_new_articles(
    new: Sequence[StorySignature], index: StoryIndex
) -> tuple[list[Link], StoryIndex]:
    """Links between each new signature and everything indexed before it (or with it).

    New signatures are added to ``index`` in id order, so the links found are the same
    whatever order ``new`` came in. Returns the links and the grown index.
    """
    links: list[Link] = []
    for sig in sorted(new, key=lambda s: s.article_id):
        if sig.article_id in index:
            continue
        others = index.candidates(sig)
        for other, score in zip(others, index.score(sig, others), strict=True):
            if score >= LINK_THRESHOLD:
                links.append(Link.of(sig.article_id, other.article_id, score))
        index.add(sig)
    return links, index
