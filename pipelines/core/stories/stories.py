"""Stories: articles about the same specific happening, across outlets and days.

An article is reduced to a signature (its title and lead as content words, and the
people and organisations it mentions most). Two articles are *candidates* when they
share at least ``MIN_SHARED_KEYS`` key terms (rare words of the title and the lead's
start, and the salient people and organisations by canonical id) and their dates, when both are known, lie within ``MAX_DAYS_APART``; a candidate
pair is *linked* when its score (rarity-weighted term cosine plus entity overlap) reaches
``LINK_THRESHOLD``. A link's score is a function of the two signatures alone (word
rarity comes from a fixed table, ``terms.rarity``), so the links, and the stories built
from them (``story_groups``), do not depend on the order articles arrive in.

Cost: candidates are found through an inverted index of key terms kept per publication
day, so a new article reads the postings of its own key terms within its date window
only; a term shared by more than ``MAX_POSTINGS`` articles there is skipped (so common
it says nothing about a specific happening). A new article's work is thus bounded by its
key terms times ``MAX_POSTINGS``, whatever the size of the corpus (``StoryIndex.work``
counts it). An article is also posted under pairs of its first key terms (``PAIR_KEY``),
read when one of its key terms is skipped: two terms together stay rarer than either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from pipelines.core.stories.groups import Link, cluster_average
from pipelines.core.stories.openings import opening_end
from pipelines.core.stories.terms import content_words, rarity, stem, zipf

if TYPE_CHECKING:
    import scipy.sparse as sp
    from sklearn.feature_extraction import FeatureHasher

# Chosen on the stories dev set only, by sweeps where F1 is flat around each value (see
# README "Stories and statements").
LEAD_TERMS = 400  # content words of the body's start compared between articles
TITLE_WEIGHT = 2  # title words count this many times
# Key words come from this many first signature words (title twice + lead): a bound on a
# new article's postings read; the F1 on dev is flat in it (60-1,000, README sweep).
KEY_SPAN = 120
KEY_MAX_ZIPF = 4.5  # a key term is rarer than this in general English ("trump" is 4.9)
MIN_SHARED_KEYS = 3  # a pair sharing fewer key terms (rare words or entities) is never compared
ENTITY_KEY = "@"  # an entity's key term is this + its canonical id (no word starts with it)
MAX_DAYS_APART = 4  # dated articles further apart are never one story
MAX_POSTINGS = 200  # a key term shared by more articles in the window is skipped
# A key term skipped for the cap is checked on the articles sharing this many read keys
# (``StoryIndex.lookup``): as the warehouse grows, undated postings pass the cap for ever
# more names. Measured on the stories dev set with the undated postings counted 4 / 16
# times (a warehouse that much larger): F1 0.889 / 0.876 without the check, 0.893 / 0.880
# with it (0.893 at the corpora's scale, unchanged); from one read key, 0.890 / 0.888 but
# 0.892 at the corpora's scale (an aeb look-alike joins) and twice the checks (README).
CAPPED_MIN_READ = MIN_SHARED_KEYS - 1
# Pair keys: an article also posts every pair of its first PAIR_KEY_TERMS key terms (salient
# entities, then rare words in text order) as one key, PAIR_KEY + both terms. Undated
# postings are read over every day, so as the warehouse grows every word two reports of one
# undated happening share can pass the cap (a federation's acronym, a city, the athletes'
# names) and neither the read keys nor the capped-key check find the pair, while the lists
# of two such terms together stay short. Their lists are read only by an article with a
# capped key (without one, the read lists already counted every shared key), and an article
# found through them counts when the two signatures share PAIR_MIN_SHARED key terms, two
# more than the read keys need: the cap also keeps a famous name and a common word from
# making a candidate, and what the uncapped lists would say (three keys) joins look-alikes
# (an undated page on a president's trade talks and its look-alike, that week's campaign
# news). Stories dev set with the undated postings counted 16 times: F1 0.882 -> 0.887
# (BBC 0.900 -> 0.910, 7a 0.958 -> 0.984); at 1x and 4x 0.893, every part unchanged.
# Needing three keys: 0.886 / 0.892 at 16x / 1x; four: 0.887 / 0.892 / 0.893 at 16x / 4x / 1x
# (the aeb trade page joins its look-alike at 4x); six: 0.885 at 16x (README).
PAIR_KEY = "&"
PAIR_KEY_TERMS = 8
PAIR_MIN_SHARED = MIN_SHARED_KEYS + 2
SALIENT_MIN_MENTIONS = 2  # an entity named this often (or in the lead) characterises the article
LEAD_CHARS = 400
TERM_WEIGHT = 0.7  # score = TERM_WEIGHT * term cosine + (1 - TERM_WEIGHT) * entity overlap
LINK_THRESHOLD = 0.2  # links at least this strong are kept (and stored)
# Two groups become one story when their links average at least this over all their
# cross pairs (a pair without a link counts 0): one strong link cannot chain two stories.
MERGE_AVERAGE = 0.25
# Quoted words as evidence: two articles quoting the same remark share runs of its content
# words ("shingles"). A quote key is QUOTE_KEY + QUOTE_SHINGLE consecutive quoted stems.
QUOTE_KEY = '"'
QUOTE_SHINGLE = 3
MAX_QUOTE_KEYS = 40  # an article's rarest shingles only: a bound on its postings read
MIN_SHARED_QUOTE_KEYS = 3  # a pair sharing this many shingles carries one remark
QUOTE_BONUS = 0.1  # added to the link score of a pair carrying one remark
# A follow-up beyond MAX_DAYS_APART is compared only when it carries a remark of the
# article it follows (never on topic words alone), and only this many days on.
FOLLOWUP_DAYS = 10
# What happened, as the lead says it: the first LEAD_HEAD content words of the body (the
# title aside). Two reports of one happening open on it ("Ted Cruz has won the Wisconsin
# primary", "Sanders prevailed in Wisconsin's primary Tuesday"), while a look-alike of the
# same people that week opens on something else; the whole-lead cosine alone is diluted by
# the different angles further down. Their rarity-weighted cosine adds HEAD_WEIGHT times
# itself to the link score (chosen on the stories dev set: README, fifth pass).
LEAD_HEAD = 20
HEAD_WEIGHT = 0.3
# Two undated articles (BBC files, web pages without a date) have no date window to keep
# a thread's later rounds or its look-alikes apart (the law lords' ruling and the bill that
# answered it two months on; a takeover battle and the same firms' results), so their link
# needs stronger words: its score is multiplied by UNDATED_FACTOR. 0.7 was chosen on the
# sixth pass's dev set (flat from 0.6 to 0.8); the seventh story batch, scored at first
# sight, lost only precision, to undated look-alikes (another ceremony of the same academy),
# and 0.65 separates those in three dev stories without losing a member (dev F1 0.888 /
# 0.889 / 0.884 at 0.6 / 0.65 / 0.7; from 0.6 down members are lost: README, ninth pass).
# A dated article with an undated one keeps the plain score: one known date is not a missing
# window on both sides.
UNDATED_FACTOR = 0.65
# Two undated groups of UNDATED_SETTLED_SIZE articles or more each merge only at an average
# of UNDATED_SETTLED_AVERAGE (``cluster_average``): with no window between them, a firm's
# or a person's two threads (an asset auction and a bankruptcy hearing abroad; a feud and a
# later rift piece with it) are each settled groups before their weaker cross links are
# averaged, and the merge average alone joins them. Chosen on the stories dev set (eleventh
# session): F1 0.889 -> 0.893 (P 0.865 -> 0.875, R 0.914 -> 0.911), flat for sizes 3-5 and
# averages 0.35-0.40; the same rule for dated groups too loses as much recall as it gains
# precision (README).
UNDATED_SETTLED_SIZE = 3
UNDATED_SETTLED_AVERAGE = 0.35
# A body's first line read as the title when the article has none (``_body_headline``):
# at most this many words, at least HEADLINE_MIN_LONG words of four letters or more, and
# this share of those capitalised.
HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_LONG = 3
HEADLINE_CAPITALS = 0.8
_QUOTE_MARKS = "\"'‘’“”«»([-–—"
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
    quotes: tuple[str, ...] = ()  # texts of the article's direct quotes


@dataclass(frozen=True, slots=True)
class StorySignature:
    """The stored summary of an article that links are computed from."""

    article_id: str
    published_date: dt.date | None
    outlet: str | None
    terms: tuple[str, ...]  # title words (repeated TITLE_WEIGHT times) + lead words
    entity_ids: tuple[str, ...]  # salient non-place entities, sorted
    quote_keys: tuple[str, ...] = ()  # the rarest shingles of its direct quotes, sorted
    title_terms: int = 0  # title words (terms start with them TITLE_WEIGHT times, then the lead)
    # ``key_terms`` once computed: a grouping asks for a new article's keys five times
    # (index look-up, buckets, postings, candidates, writing), ~40 % of a first grouping.
    _keys: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _pairs: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def key_terms(self) -> frozenset[str]:
        """What retrieval uses: rare words' stems, salient entities' ids, quote keys.

        Words come from the first ``KEY_SPAN`` terms; an entity's key is ``ENTITY_KEY``
        plus its canonical id (people and organisations only, as ``entity_ids``).
        """
        if self._keys is None:
            words = {stem(w) for w in self.terms[:KEY_SPAN] if zipf(w) < KEY_MAX_ZIPF}
            # A shared named entity is evidence a rare word is not: two articles about one
            # person's week may share his name and few other rare words ("Carson", "respond").
            keys = frozenset(
                words | {ENTITY_KEY + e for e in self.entity_ids} | set(self.quote_keys)
            )
            object.__setattr__(self, "_keys", keys)  # frozen: a cache, not a field value
            return keys
        return self._keys

    def pair_keys(self) -> frozenset[str]:
        """Retrieval keys for pairs of key terms (``PAIR_KEY_TERMS``), each sorted pair once.

        The terms: salient entities' keys, then rare words' stems in the order the title
        and lead first use them (both functions of the article alone, so order-free).
        """
        if self._pairs is None:
            words = dict.fromkeys(stem(w) for w in self.terms[:KEY_SPAN] if zipf(w) < KEY_MAX_ZIPF)
            first = sorted([*(ENTITY_KEY + e for e in self.entity_ids), *words][:PAIR_KEY_TERMS])
            pairs = frozenset(
                PAIR_KEY + a + PAIR_KEY + b for i, a in enumerate(first) for b in first[i + 1 :]
            )
            object.__setattr__(self, "_pairs", pairs)
            return pairs
        return self._pairs

    def posted_keys(self) -> frozenset[str]:
        """Every key the article is posted under: its key terms and its pair keys."""
        return self.key_terms() | self.pair_keys()

    def head_terms(self) -> tuple[str, ...]:
        """The first ``LEAD_HEAD`` content words of the lead (what the article says happened)."""
        start = TITLE_WEIGHT * self.title_terms
        return self.terms[start : start + LEAD_HEAD]


def story_signature(article: StoryArticle) -> StorySignature:
    """Summarise one article for story linking."""
    body = article.body
    headline = article.title or _body_headline(body)
    title = content_words(headline or "", for_stories=True)
    # Where the lead starts in ``article.body`` (mention offsets are into it). Some sources
    # repeat the headline as the body's first line, and ingestion keeps a headline that
    # ends like a sentence in the body: count it once, as the title.
    start = _title_end(body, headline)
    # A credit line or dateline says who filed the article and where, not what happened:
    # its words and the agency named in it are no evidence (``openings``).
    skip = (start, start + opening_end(body[start:]))
    # The lead is the first LEAD_TERMS content words; reading far past them is wasted work.
    lead = content_words(body[skip[1] : skip[1] + LEAD_TERMS * 40], for_stories=True)
    mentions = [m for m in article.mentions if not skip[0] <= m.start < skip[1]]
    return StorySignature(
        article_id=article.article_id,
        published_date=article.published_date,
        outlet=article.outlet,
        terms=tuple(title * TITLE_WEIGHT + lead[:LEAD_TERMS]),
        entity_ids=salient_entities(mentions),
        quote_keys=quote_keys(article.quotes),
        title_terms=len(title),
    )


def _body_headline(body: str) -> str | None:
    """The body's first line when it reads as a title-case headline, else None.

    Without a title, a headline the parser left in the body (two sentences, a quote, a
    dash) would count once, as lead words, and fill the lead's head (``head_terms``).
    Title case tells it from a lede sentence, which capitalises only its names: a line
    alone in its paragraph, of at most ``HEADLINE_MAX_WORDS`` words, followed by text,
    whose longer words (four letters or more) nearly all start with a capital.
    """
    first, sep, rest = body.lstrip().partition("\n")
    words = first.split()
    if not sep or not rest.strip() or not 0 < len(words) <= HEADLINE_MAX_WORDS:
        return None
    long = [w for w in (w.strip(_QUOTE_MARKS) for w in words) if sum(c.isalpha() for c in w) >= 4]
    capital = sum(w[0].isupper() for w in long)
    if len(long) < HEADLINE_MIN_LONG or capital < HEADLINE_CAPITALS * len(long):
        return None
    return first


def _title_end(body: str, title: str | None) -> int:
    """Where ``body`` ends repeating ``title`` (its words, any spacing between), else 0.

    A headline and its deck are one title line but two body paragraphs.
    """
    words = (title or "").split()
    if not words:
        return 0
    found = re.match(r"\s*" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", body)
    return found.end() if found else 0


def salient_entities(mentions: Iterable[StoryMention]) -> tuple[str, ...]:
    """The non-place entities that characterise an article, sorted (``entity_ids``).

    Named in the lead or at least ``SALIENT_MIN_MENTIONS`` times. The only part of a
    signature that depends on the entity types (which the entity rebuild decides over
    every article): a signature made with other types differs in these ids alone.
    """
    kept = [m for m in mentions if m.entity_type not in _PLACE_TYPES]
    counts = Counter(m.entity_id for m in kept)
    in_lead = {m.entity_id for m in kept if m.start < LEAD_CHARS}
    return tuple(sorted(e for e, n in counts.items() if n >= SALIENT_MIN_MENTIONS or e in in_lead))


def quote_keys(quotes: Iterable[str]) -> tuple[str, ...]:
    """The ``MAX_QUOTE_KEYS`` rarest shingles of ``quotes``' content words, sorted.

    A shingle is ``QUOTE_SHINGLE`` consecutive content words of one quote (synonym-folded,
    stemmed, as statements compare them). One of everyday words only ("make America
    great", "I'm not going") is said by many people about many things and is dropped;
    the rest are ranked by their words' summed rarity, ties by text, so the choice is a
    function of the article alone.
    """
    scored: dict[str, float] = {}
    for text in quotes:
        words = content_words(text)
        for i in range(len(words) - QUOTE_SHINGLE + 1):
            run = words[i : i + QUOTE_SHINGLE]
            if min(zipf(w) for w in run) >= KEY_MAX_ZIPF:
                continue
            key = QUOTE_KEY + " ".join(stem(w) for w in run)
            scored[key] = max(scored.get(key, 0.0), sum(rarity(w) for w in run))
    best = sorted(scored, key=lambda k: (-scored[k], k))[:MAX_QUOTE_KEYS]
    return tuple(sorted(best))


@cache
def _hasher() -> FeatureHasher:
    # scikit-learn is imported when the first article is signed: a run with nothing new
    # to group never imports it (or SciPy).
    from sklearn.feature_extraction import FeatureHasher

    # Stateless hashing: the vector of an article never depends on the other articles,
    # which is what keeps links (and so stories) independent of arrival order.
    return FeatureHasher(n_features=2**20, input_type="dict", alternate_sign=False)


def _weights(words: Iterable[str]) -> dict[str, float]:
    """Stem -> summed rarity of its occurrences (inflections of one word meet)."""
    out: dict[str, float] = {}
    for word in words:
        key, weight = _stem_and_rarity(word)
        out[key] = out.get(key, 0.0) + weight
    return out


@lru_cache(maxsize=200_000)
def _stem_and_rarity(word: str) -> tuple[str, float]:
    # News vocabulary repeats heavily: one cached look-up per word occurrence.
    return stem(word), rarity(word)


def story_vectors(sigs: Sequence[StorySignature], *, head: bool = False) -> sp.csr_matrix:
    """L2-normalised rarity-weighted term vectors, one row per signature.

    ``head``: of the lead's first words only (``StorySignature.head_terms``).
    """
    from sklearn.preprocessing import normalize

    words = [s.head_terms() if head else s.terms for s in sigs]
    matrix = _hasher().transform([_weights(w) for w in words]).tocsr()
    out: sp.csr_matrix = normalize(matrix, norm="l2")
    return out


def _entity_overlap(a: StorySignature, b: StorySignature) -> float:
    if not a.entity_ids or not b.entity_ids:
        return 0.0
    shared = len(set(a.entity_ids) & set(b.entity_ids))
    return float(shared / (len(a.entity_ids) * len(b.entity_ids)) ** 0.5)


def carries_remark(a: StorySignature, b: StorySignature) -> bool:
    """Whether the two articles quote one remark (``MIN_SHARED_QUOTE_KEYS`` shingles)."""
    if not a.quote_keys or not b.quote_keys:
        return False
    return len(set(a.quote_keys).intersection(b.quote_keys)) >= MIN_SHARED_QUOTE_KEYS


def _date_factor(a: StorySignature, b: StorySignature) -> float:
    """``UNDATED_FACTOR`` when neither article has a date, else 1 (see the constant)."""
    return UNDATED_FACTOR if a.published_date is None and b.published_date is None else 1.0


def comparable(a: StorySignature, b: StorySignature) -> bool:
    """Whether the dates allow one story: within the window, or a follow-up with a remark."""
    if a.published_date is None or b.published_date is None:
        return True
    days = abs((a.published_date - b.published_date).days)
    return days <= MAX_DAYS_APART or (days <= FOLLOWUP_DAYS and carries_remark(a, b))


def _span(term: str) -> int:
    """Days either side a key term's postings are read: quote keys find follow-ups."""
    return FOLLOWUP_DAYS if term.startswith(QUOTE_KEY) else MAX_DAYS_APART


def _window(day: dt.date, span: int) -> Iterator[dt.date]:
    for offset in range(-span, span + 1):
        yield day + dt.timedelta(days=offset)


@dataclass
class IndexWork:
    """Work the index did: what a cost test counts instead of timing it."""

    lookups: int = 0  # articles whose candidates were looked up
    postings_read: int = 0  # posting entries visited
    terms_skipped: int = 0  # key terms skipped as too common in the window
    candidates: int = 0  # candidate pairs scored
    checked: int = 0  # partial candidates checked for capped key terms (``holds_keys``)
    pair_postings_read: int = 0  # of ``postings_read``, entries of pair keys' lists
    loaded: int = 0  # stored signatures loaded because they were candidates


Day = dt.date | None
Bucket = tuple[str, Day]  # (key term, publication day or None): one posting list


def _window_days(counts: dict[Day, int], day: Day, span: int) -> list[Day] | None:
    """Days of ``counts`` (postings per day of one term) an article of ``day`` reads.

    None when the term is shared by more than ``MAX_POSTINGS`` articles there: so common
    it says nothing about one happening, and skipping it bounds the work.
    """
    # An undated article may be any day's story.
    days = list(counts) if day is None else [d for d in (*_window(day, span), None) if d in counts]
    return days if sum(counts[d] for d in days) <= MAX_POSTINGS else None


def story_buckets_needed(new: Iterable[StorySignature], counts: dict[Bucket, int]) -> set[Bucket]:
    """The stored posting lists that linking ``new`` reads, given every list's length.

    Lets a store fetch only these (``StoryIndex.add_postings``) instead of the whole index.
    """
    by_term: dict[str, dict[Day, int]] = {}
    for (term, day), n in counts.items():
        by_term.setdefault(term, {})[day] = n
    needed: set[Bucket] = set()
    for sig in new:
        capped = False
        for term in sig.key_terms():
            days = _window_days(by_term.get(term, {}), sig.published_date, _span(term))
            capped = capped or days is None
            needed.update((term, d) for d in days or ())
        for term in sig.pair_keys() if capped else ():  # as ``StoryIndex.lookup`` reads them
            days = _window_days(by_term.get(term, {}), sig.published_date, _span(term))
            needed.update((term, d) for d in days or ())
    return needed


class StoryIndex:
    """An inverted index of key terms over signatures, kept per publication day.

    Each signature's term vector is kept as its non-zero (feature, weight) arrays, hashed
    in batches (one call per batch of additions), so scoring a candidate is one sorted
    intersection of two short arrays. Postings are ``term -> day -> article ids``
    (undated articles under ``None``), so a dated article reads only its window's days.

    The index may hold everything (``StoryIndex(signatures)``) or, in the warehouse step,
    only what new articles need: the length of every stored posting list, the lists the
    new articles read (``add_postings``), and the signatures of the candidates found,
    loaded on demand by ``link_new_articles``.
    """

    def __init__(self, signatures: Iterable[StorySignature] = ()) -> None:
        self._by_id: dict[str, StorySignature] = {}
        self._vectors: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._heads: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # lead-head vectors
        self._counts: dict[str, dict[Day, int]] = {}
        self._postings: dict[str, dict[Day, list[str]]] = {}
        self.work = IndexWork()
        self.add_all(list(signatures))

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def add_all(self, sigs: Sequence[StorySignature]) -> None:
        """Index signatures and their postings (already indexed ones are skipped)."""
        fresh = self._add_vectors(sigs)
        for sig in fresh:
            for term in sig.posted_keys():
                self._post(term, sig.published_date, sig.article_id)

    def add_postings(self, counts: dict[Bucket, int], rows: Iterable[tuple[str, Day, str]]) -> None:
        """Stored postings: every list's length, and the entries of the lists to be read.

        ``rows`` (term, day, article id) must hold every entry of each list they touch.
        The articles' signatures are added later, when they turn out to be candidates.
        """
        for (term, day), n in counts.items():
            per_day = self._counts.setdefault(term, {})
            per_day[day] = per_day.get(day, 0) + n
        for term, day, article_id in rows:
            self._postings.setdefault(term, {}).setdefault(day, []).append(article_id)

    def _post(self, term: str, day: Day, article_id: str) -> None:
        per_day = self._counts.setdefault(term, {})
        per_day[day] = per_day.get(day, 0) + 1
        self._postings.setdefault(term, {}).setdefault(day, []).append(article_id)

    def _add_vectors(self, sigs: Sequence[StorySignature]) -> list[StorySignature]:
        fresh = list({s.article_id: s for s in sigs if s.article_id not in self._by_id}.values())
        if not fresh:
            return []
        for store, matrix in (
            (self._vectors, story_vectors(fresh)),
            (self._heads, story_vectors(fresh, head=True)),
        ):
            for i, sig in enumerate(fresh):
                lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
                # Hashed rows come with sorted feature indices, which the intersection needs.
                order = np.argsort(matrix.indices[lo:hi])
                store[sig.article_id] = (matrix.indices[lo:hi][order], matrix.data[lo:hi][order])
        for sig in fresh:
            self._by_id[sig.article_id] = sig
        return fresh

    def add_loaded(self, sigs: Sequence[StorySignature]) -> None:
        """Signatures whose postings are already counted (``add_postings``): vectors only."""
        self.work.loaded += len(self._add_vectors(sigs))

    def candidate_ids(self, sig: StorySignature) -> list[str]:
        """Articles sharing at least ``MIN_SHARED_KEYS`` key terms with ``sig`` in its window.

        Only those the postings read prove; ``lookup`` also names the ones a capped key
        may complete (the index must hold their signatures to check them).
        """
        sure, maybe = self.lookup(sig)
        checked = [a for a, (keys, need) in maybe.items() if self.holds_keys(sig, a, keys, need)]
        return sorted([*sure, *checked])

    def lookup(
        self, sig: StorySignature
    ) -> tuple[list[str], dict[str, tuple[frozenset[str], int]]]:
        """Candidates of ``sig`` from the postings read: sure ones, and ones to check.

        A key term too common in the window (``MAX_POSTINGS``) is not read, but it is
        not proof of nothing either: an undated article reads each term over every day,
        and a dated one the undated list beside its window, so as the warehouse grows a
        person's or an organisation's id passes the cap everywhere and two reports of
        one happening lose their shared name as a key. So an article sharing
        ``CAPPED_MIN_READ`` read keys is a *partial* candidate, returned with the capped
        keys and how many it lacks, and counts as a candidate when its own key terms hold
        that many of them
        (``holds_keys``, read from its signature, which linking loads anyway): the
        same test the capped list would have made, asked only of articles the read
        lists already found, so the work stays bounded by the read postings. With a key
        capped, the lists of ``sig``'s pair keys are read too (each under the same cap):
        an article found there is checked for ``PAIR_MIN_SHARED`` shared key terms.
        """
        self.work.lookups += 1
        shared: Counter[str] = Counter()
        capped: list[str] = []
        for term in sorted(sig.key_terms()):
            days = _window_days(self._counts.get(term, {}), sig.published_date, _span(term))
            if days is None:
                self.work.terms_skipped += 1
                capped.append(term)
                continue
            lists = self._postings.get(term, {})
            for day in days:
                ids = lists.get(day, [])
                self.work.postings_read += len(ids)
                shared.update(ids)
        # With a key capped, the articles sharing a pair of key terms (``PAIR_KEY``) may
        # share three that the read lists do not show; without one they already did.
        paired: set[str] = set()
        for term in sorted(sig.pair_keys()) if capped else ():
            days = _window_days(self._counts.get(term, {}), sig.published_date, _span(term))
            lists = self._postings.get(term, {})
            for day in days or ():
                ids = lists.get(day, [])
                self.work.postings_read += len(ids)
                self.work.pair_postings_read += len(ids)
                paired.update(ids)
        sure, maybe = [], {}
        for aid, n in sorted(shared.items()):
            if aid == sig.article_id:
                continue
            if n >= MIN_SHARED_KEYS:
                sure.append(aid)
            elif capped and n >= CAPPED_MIN_READ:
                maybe[aid] = (frozenset(capped), MIN_SHARED_KEYS - n)
        every = sig.key_terms()
        for aid in sorted(paired - set(sure) - set(maybe) - {sig.article_id}):
            maybe[aid] = (every, PAIR_MIN_SHARED)
        return sure, maybe

    def holds_keys(
        self, sig: StorySignature, article_id: str, keys: frozenset[str], need: int = 1
    ) -> bool:
        """Whether the indexed ``article_id`` posts ``need`` of ``sig``'s capped ``keys``.

        As the capped lists would say: keys of its signature, each in its own window.
        """
        self.work.checked += 1
        other = self._by_id[article_id]
        days = (
            None
            if sig.published_date is None or other.published_date is None
            else abs((sig.published_date - other.published_date).days)
        )
        held = sum(
            days is None or days <= _span(term) for term in keys.intersection(other.key_terms())
        )
        return held >= need

    def cosine(self, a: str, b: str, *, head: bool = False) -> float:
        """Cosine of two indexed articles' term vectors (rows are l2-normalised).

        ``head``: of their lead heads (``StorySignature.head_terms``) instead.
        """
        vectors = self._heads if head else self._vectors
        ia, wa = vectors[a]
        ib, wb = vectors[b]
        _, pa, pb = np.intersect1d(ia, ib, assume_unique=True, return_indices=True)
        return float(wa[pa] @ wb[pb])

    def score(self, sig: StorySignature, others: Sequence[StorySignature]) -> list[float]:
        """Link score of an indexed ``sig`` with each indexed signature in ``others``."""
        return [
            min(
                1.0,
                _date_factor(sig, o)
                * (
                    TERM_WEIGHT * self.cosine(sig.article_id, o.article_id)
                    + (1 - TERM_WEIGHT) * _entity_overlap(sig, o)
                    + HEAD_WEIGHT * self.cosine(sig.article_id, o.article_id, head=True)
                    + (QUOTE_BONUS if carries_remark(sig, o) else 0.0)
                ),
            )
            if comparable(sig, o)
            else 0.0
            for o in others
        ]

    def get(self, article_id: str) -> StorySignature:
        return self._by_id[article_id]


def link_new_articles(
    new: Sequence[StorySignature],
    index: StoryIndex,
    load: Callable[[Sequence[str]], Sequence[StorySignature]] | None = None,
) -> tuple[list[Link], StoryIndex]:
    """Links between each new signature and everything indexed before it (or with it).

    New signatures are compared in id order, each with the index as it stood plus the
    new ones before it, so the links found are the same whatever order ``new`` came in.
    Candidates whose signatures the index lacks (it holds only their postings) are
    fetched with ``load``, all at once. Returns the links and the grown index.
    """
    todo = sorted((s for s in new if s.article_id not in index), key=lambda s: s.article_id)
    ahead = {s.article_id for s in todo}
    index.add_all(todo)
    found: list[tuple[StorySignature, list[str], dict[str, tuple[frozenset[str], int]]]] = []
    for sig in todo:
        ahead.discard(sig.article_id)
        sure, maybe = index.lookup(sig)
        found.append(
            (
                sig,
                [a for a in sure if a not in ahead],
                {a: keys for a, keys in maybe.items() if a not in ahead},
            )
        )
    missing = sorted({a for _, ids, maybe in found for a in (*ids, *maybe) if a not in index})
    if missing:
        if load is None:
            raise KeyError(f"{len(missing)} candidate signatures not indexed and no loader")
        index.add_loaded(load(missing))
    links: list[Link] = []
    for sig, sure, maybe in found:
        # A partial candidate counts when its signature holds one of the capped keys.
        checked = [
            a
            for a, (keys, need) in maybe.items()
            if a in index and index.holds_keys(sig, a, keys, need)
        ]
        ids = sorted([*sure, *checked])
        others = [index.get(a) for a in ids if a in index]
        others = [o for o in others if comparable(sig, o)]
        index.work.candidates += len(others)
        for other, score in zip(others, index.score(sig, others), strict=True):
            if score >= LINK_THRESHOLD:
                links.append(Link.of(sig.article_id, other.article_id, score))
    return links, index


def story_groups(
    members: Iterable[str], links: Iterable[Link], undated: Collection[str] = frozenset()
) -> list[list[str]]:
    """Stories from links: average-link groups (``MERGE_AVERAGE``), sorted member lists.

    ``undated``: the members without a publication date (``UNDATED_SETTLED_SIZE``).
    """
    return cluster_average(
        members,
        links,
        min_average=MERGE_AVERAGE,
        undated=undated,
        settled_size=UNDATED_SETTLED_SIZE,
        settled_average=UNDATED_SETTLED_AVERAGE,
    )
