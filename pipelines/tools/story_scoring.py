"""Scores for the stories and statements set (issue 14) and two trivial baselines.

Stories: B-cubed over the annotated documents of a document -> story id mapping. Statements:
annotated quotes are matched one-to-one to predicted quotes (overlap >= half the longer span,
best first, as ``../shared/eval/quotes/score.py``); pairs of annotated quotes are then scored,
and labelled hard negatives that got one statement id are counted. ``story_eval`` loads the
set and runs these from the command line.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from math import comb

from pipelines.tools.resolve_names import bcubed
from pipelines.tools.story_eval_set import (
    DocRef,
    HardNegative,
    QuoteRef,
    StoryEvalSet,
    document_date,
    document_title,
)

MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class StoryScores:
    """B-cubed figures over the annotated documents."""

    documents: int
    stories: int
    precision: float
    recall: float
    f1: float
    unpredicted: int


def score_stories(eval_set: StoryEvalSet, predicted: Mapping[DocRef, str]) -> StoryScores:
    """B-cubed precision/recall/F1 of a document -> story id mapping on the annotated docs."""
    docs = eval_set.stories
    if not docs:
        return StoryScores(0, 0, 0.0, 0.0, 0.0, 0)
    # Prefixes keep gold labels, predicted ids and stand-in singletons from colliding.
    gold = [f"story:{d.story}" if d.story else f"alone:{d.doc.corpus}/{d.doc.id}" for d in docs]
    pred = [
        f"pred:{predicted[d.doc]}" if d.doc in predicted else f"none:{d.doc.corpus}/{d.doc.id}"
        for d in docs
    ]
    precision, recall, f1 = bcubed(gold, pred)
    return StoryScores(
        len(docs),
        len({d.story for d in docs if d.story}),
        precision,
        recall,
        f1,
        sum(d.doc not in predicted for d in docs),
    )


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """A system's quote: span in the reference text and the statement it was put in."""

    doc: DocRef
    start: int
    end: int
    statement_id: str


@dataclass(frozen=True, slots=True)
class StatementScores:
    """Pair figures over annotated quotes, plus hard negatives merged."""

    quotes: int
    matched: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    precision: float
    recall: float
    f1: float
    hard_negatives: int
    violated: tuple[HardNegative, ...]
    # Recall over gold pairs whose two quotes were both extracted: grouping alone.
    recall_matched: float


def _overlap_ratio(start: int, end: int, other_start: int, other_end: int) -> float:
    shared = min(end, other_end) - max(start, other_start)
    return shared / max(end - start, other_end - other_start) if shared > 0 else 0.0


def match_quotes(
    gold: Sequence[QuoteRef], predicted: Sequence[PredictedQuote], min_overlap: float = MIN_OVERLAP
) -> dict[QuoteRef, PredictedQuote]:
    """One-to-one matching per document, best overlap first (ties: input order)."""
    preds: dict[DocRef, list[tuple[int, PredictedQuote]]] = defaultdict(list)
    for n, p in enumerate(predicted):
        if p.end > p.start:
            preds[p.doc].append((n, p))
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index, p in preds.get(g.doc, ()):
            ratio = _overlap_ratio(g.start, g.end, p.start, p.end)
            if ratio >= min_overlap:
                candidates.append((-ratio, p_index, g_index, p))
    candidates.sort(key=lambda c: c[:3])
    matched: dict[QuoteRef, PredictedQuote] = {}
    used: set[int] = set()
    for _, p_index, g_index, p in candidates:
        if p_index not in used and gold[g_index] not in matched:
            used.add(p_index)
            matched[gold[g_index]] = p
    return matched


def _prf(true: int, predicted: int, gold: int) -> tuple[float, float, float]:
    # No predicted pairs claims nothing wrong (precision 1); F1 is then 0 unless gold is empty.
    precision = true / predicted if predicted else 1.0
    recall = true / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_statements(
    eval_set: StoryEvalSet,
    predicted: Iterable[PredictedQuote],
    min_overlap: float = MIN_OVERLAP,
) -> StatementScores:
    """Pair precision/recall/F1 over annotated quotes and the hard negatives violated."""
    quotes = eval_set.quotes()
    group = {q: s.label for s in eval_set.statements for q in s.quotes}
    matched = match_quotes(quotes, list(predicted), min_overlap)
    by_pred: dict[str, list[QuoteRef]] = defaultdict(list)
    for q in quotes:
        if q in matched:
            by_pred[matched[q].statement_id].append(q)
    predicted_pairs = sum(comb(len(qs), 2) for qs in by_pred.values())
    true_pairs = 0
    for qs in by_pred.values():
        counts: dict[str, int] = defaultdict(int)
        for q in qs:
            if q in group:
                counts[group[q]] += 1
        true_pairs += sum(comb(n, 2) for n in counts.values())
    gold_pairs = sum(comb(len(s.quotes), 2) for s in eval_set.statements)
    extracted_pairs = sum(comb(sum(q in matched for q in s.quotes), 2) for s in eval_set.statements)
    precision, recall, f1 = _prf(true_pairs, predicted_pairs, gold_pairs)
    violated = tuple(
        h
        for h in eval_set.hard_negatives
        if h.a in matched
        and h.b in matched
        and matched[h.a].statement_id == matched[h.b].statement_id
    )
    return StatementScores(
        quotes=len(quotes),
        matched=len(matched),
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        true_pairs=true_pairs,
        precision=precision,
        recall=recall,
        f1=f1,
        hard_negatives=len(eval_set.hard_negatives),
        violated=violated,
        recall_matched=true_pairs / extracted_pairs if extracted_pairs else 1.0,
    )


# --- baselines ---------------------------------------------------------------------------

_TITLE_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "his",
        "her",
        "its",
        "their",
        "after",
        "before",
        "over",
        "into",
        "about",
        "says",
        "said",
        "new",
        "will",
        "not",
        "but",
        "how",
        "why",
        "what",
        "who",
        "this",
        "that",
    ]
)
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u201f\u00ab\u00bb`"


def _title_words(title: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", title).casefold())
    return {w for w in words if len(w) > 2 and w not in _TITLE_STOP}


def day_title_baseline(texts: Mapping[DocRef, str], min_shared: int = 2) -> dict[DocRef, str]:
    """Stories baseline: same publication day and >= ``min_shared`` title words, chained.

    Titles are ingestion's (``document_title``): a text without one shares no title words.
    Documents without a recorded day (BBC, aeb) stay singletons.
    """
    parent = {d: d for d in texts}

    def root(d: DocRef) -> DocRef:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    by_day: dict[date, list[DocRef]] = defaultdict(list)
    for d in sorted(texts):
        day = document_date(d)
        if day is not None:
            by_day[day].append(d)
    for docs in by_day.values():
        words = {d: _title_words(document_title(texts[d])) for d in docs}
        for a, b in itertools.combinations(docs, 2):
            if len(words[a] & words[b]) >= min_shared:
                parent[root(b)] = root(a)
    return {d: f"{root(d).corpus}/{root(d).id}" for d in texts}


def normalise_quote_text(text: str) -> str:
    """Quotebank-style key: case and accents folded, quote marks and edge punctuation dropped."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = "".join(c for c in folded if c not in _QUOTE_MARKS)
    folded = re.sub(r"[^\w\s]", " ", folded)
    return " ".join(folded.split())


def singleton_stories(eval_set: StoryEvalSet) -> dict[DocRef, str]:
    """Stories baseline 1: every document its own story."""
    return {d.doc: f"{d.doc.corpus}/{d.doc.id}" for d in eval_set.stories}


def singleton_statements(eval_set: StoryEvalSet) -> list[PredictedQuote]:
    """Statements baseline 1: the annotated spans as extracted quotes, each its own statement."""
    return [PredictedQuote(q.doc, q.start, q.end, f"q{n}") for n, q in enumerate(eval_set.quotes())]


def exact_text_statements(
    eval_set: StoryEvalSet, texts: Mapping[DocRef, str]
) -> list[PredictedQuote]:
    """Statements baseline 2: annotated spans grouped by identical normalised text."""
    return [
        PredictedQuote(q.doc, q.start, q.end, normalise_quote_text(texts[q.doc][q.start : q.end]))
        for q in eval_set.quotes()
    ]
