"""The stories and statements set of issue 14 (``tests/data/stories_eval``): loading and texts.

The set holds offsets and labels only (see its README); the texts stay in ``../shared``.
:func:`load_eval_set` reads and validates the three label files; :func:`load_texts` rebuilds
every referenced text from ``../shared`` (:mod:`pipelines.tools.shared_texts`) and checks it
against the SHA-256 recorded when it was annotated, so stale offsets can never be scored.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipelines.core.parse import parse_file
from pipelines.tools.shared_texts import (
    CORPORA,
    REPO_ROOT,
    SHARED,
    ReferenceTexts,
    TextChanged,
    text_sha256,
)

DATA_DIR = REPO_ROOT / "tests" / "data" / "stories_eval"

# "holdout": labelled like dev but only scored, never tuned on (a new batch's half chosen by
# hash, read at first sight and after the session's last rule change).
SPLITS = ("dev", "holdout", "test")
HARD_NEGATIVE_TYPES = ("same_speaker_different_remark", "same_words_different_speaker")
QUOTE_KINDS = ("direct", "partial")
MIN_OVERLAP = 0.5
# PolNeAR ids carry the publication day: polnear/train/<outlet>_<YYYY-MM-DD>_<slug>.
_POLNEAR_DAY = re.compile(r"_(\d{4})-(\d{2})-(\d{2})_")


class EvalSetError(ValueError):
    """The label files are malformed or contradict themselves (message says where)."""


@dataclass(frozen=True, slots=True, order=True)
class DocRef:
    """A document: ``polnear`` doc_id, BBC path under corpora/bbc, or aeb page stem."""

    corpus: str
    id: str


@dataclass(frozen=True, slots=True, order=True)
class QuoteRef:
    """An annotated quote: its document and its span (quote marks excluded)."""

    doc: DocRef
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One annotated document: its story (None: a singleton distractor), split and batch."""

    doc: DocRef
    story: str | None
    distractor_of: tuple[str, ...]
    split: str
    batch: str | None = None  # e.g. "7a": the labelling batch's half, when recorded


@dataclass(frozen=True, slots=True)
class Statement:
    """One utterance by one speaker, rendered by quotes in at least two articles."""

    label: str
    speaker: str
    split: str
    quotes: tuple[QuoteRef, ...]
    batch: str | None = None  # e.g. "6a": the labelling batch's half, when recorded


@dataclass(frozen=True, slots=True)
class HardNegative:
    """Two quotes that must never share a statement."""

    type: str
    split: str
    a: QuoteRef
    b: QuoteRef
    speakers: tuple[str, str]
    note: str = ""
    batch: str | None = None  # e.g. "6a": the labelling batch's half, when recorded


@dataclass(frozen=True, slots=True)
class StoryEvalSet:
    """The three label files, validated; ``digests`` covers every referenced document."""

    stories: tuple[StoryDoc, ...]
    statements: tuple[Statement, ...]
    hard_negatives: tuple[HardNegative, ...]
    digests: Mapping[DocRef, str] = field(default_factory=dict)

    def select(self, split: str) -> StoryEvalSet:
        """The part of the set in ``split`` (``"all"``: everything)."""
        if split == "all":
            return self
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS)}, all)")
        return StoryEvalSet(
            tuple(s for s in self.stories if s.split == split),
            tuple(s for s in self.statements if s.split == split),
            tuple(h for h in self.hard_negatives if h.split == split),
            self.digests,
        )

    def select_batch(self, batch: str) -> StoryEvalSet:
        """The stories, statements and hard negatives of one labelling batch (its half)."""
        return StoryEvalSet(
            tuple(s for s in self.stories if s.batch == batch),
            tuple(s for s in self.statements if s.batch == batch),
            tuple(h for h in self.hard_negatives if h.batch == batch),
            self.digests,
        )

    def quotes(self) -> list[QuoteRef]:
        """Every annotated quote once: statement quotes, then hard-negative-only ones."""
        seen = dict.fromkeys(q for s in self.statements for q in s.quotes)
        for h in self.hard_negatives:
            seen.setdefault(h.a)
            seen.setdefault(h.b)
        return list(seen)


# --- loading -----------------------------------------------------------------------------


def read_jsonl_rows(path: Path) -> list[tuple[str, dict[str, Any]]]:
    if not path.is_file():
        raise EvalSetError(f"{path} is missing")
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as ex:
            raise EvalSetError(f"{where}: bad JSON ({ex})") from ex
        if not isinstance(row, dict):
            raise EvalSetError(f"{where}: expected a JSON object")
        rows.append((where, row))
    return rows


def field_of(row: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = row.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise EvalSetError(f"{where}: field {name!r} must be a {kind.__name__}, got {value!r}")
    return value


def batch_of(row: Mapping[str, Any], where: str) -> str | None:
    """The optional ``batch`` field (a labelling batch's half, e.g. ``7a``)."""
    batch = row.get("batch")
    if batch is not None and not (isinstance(batch, str) and batch):
        raise EvalSetError(f"{where}: batch must be a label or absent, got {batch!r}")
    return batch


def choice_of(row: Mapping[str, Any], name: str, allowed: Sequence[str], where: str) -> str:
    value = field_of(row, name, str, where)
    if value not in allowed:
        raise EvalSetError(f"{where}: {name} {value!r} is not one of {', '.join(allowed)}")
    return str(value)


class _Reader:
    """Parses references while checking that each document has one digest."""

    def __init__(self) -> None:
        self.digests: dict[DocRef, str] = {}

    def doc(self, raw: Any, where: str) -> DocRef:
        if not isinstance(raw, dict):
            raise EvalSetError(f"{where}: a document reference must be an object")
        ref = DocRef(choice_of(raw, "corpus", CORPORA, where), field_of(raw, "id", str, where))
        digest = field_of(raw, "text_sha256", str, where)
        if self.digests.setdefault(ref, digest) != digest:
            raise EvalSetError(f"{where}: {ref.corpus}/{ref.id} has two different digests")
        return ref

    def quote(self, raw: Any, where: str) -> QuoteRef:
        doc = self.doc(raw, where)
        start, end = field_of(raw, "start", int, where), field_of(raw, "end", int, where)
        if not 0 <= start < end:
            raise EvalSetError(f"{where}: empty or negative span [{start}:{end}]")
        choice_of(raw, "kind", QUOTE_KINDS, where)
        return QuoteRef(doc, start, end)


def load_eval_set(directory: Path = DATA_DIR) -> StoryEvalSet:
    """Read and validate ``stories.jsonl``, ``statements.jsonl`` and ``hard_negatives.jsonl``.

    Raises:
        EvalSetError: a malformed line, or labels that contradict each other (a document
            twice, a story with one member, a quote in two groups or two splits, overlapping
            quotes, a hard negative inside one group or with speakers that do not fit its
            type). The message names the file and line.
    """
    reader = _Reader()
    stories = _load_stories(directory / "stories.jsonl", reader)
    statements = _load_statements(directory / "statements.jsonl", reader)
    hard = _load_hard_negatives(directory / "hard_negatives.jsonl", reader)
    eval_set = StoryEvalSet(stories, statements, hard, reader.digests)
    _check_quotes(eval_set)
    return eval_set


def _load_stories(path: Path, reader: _Reader) -> tuple[StoryDoc, ...]:
    docs: list[StoryDoc] = []
    seen: set[DocRef] = set()
    for where, row in read_jsonl_rows(path):
        ref = reader.doc(row.get("doc"), where)
        if ref in seen:
            raise EvalSetError(f"{where}: {ref.corpus}/{ref.id} is annotated twice")
        seen.add(ref)
        story = row.get("story")
        if story is not None and not isinstance(story, str):
            raise EvalSetError(f"{where}: story must be a label or null")
        role = choice_of(row, "role", ("member", "distractor"), where)
        if (role == "member") != (story is not None):
            raise EvalSetError(f"{where}: role {role} does not fit story {story!r}")
        distractor_of = field_of(row, "distractor_of", list, where)
        if role == "distractor" and not distractor_of:
            raise EvalSetError(f"{where}: a distractor must name the stories it imitates")
        split = choice_of(row, "split", SPLITS, where)
        docs.append(StoryDoc(ref, story, tuple(distractor_of), split, batch_of(row, where)))
    members: dict[str, list[StoryDoc]] = defaultdict(list)
    for d in docs:
        if d.story is not None:
            members[d.story].append(d)
    for label, group in members.items():
        if len(group) < 2:
            raise EvalSetError(f"{path.name}: story {label} has fewer than two members")
        if len({d.split for d in group}) > 1:
            raise EvalSetError(f"{path.name}: story {label} spans two splits")
        if len({d.batch for d in group}) > 1:
            raise EvalSetError(f"{path.name}: story {label} spans two batches")
    for d in docs:
        for label in d.distractor_of:
            if label not in members or label == d.story:
                raise EvalSetError(f"{path.name}: {d.doc.id} imitates unknown story {label!r}")
            if members[label][0].split != d.split:
                raise EvalSetError(f"{path.name}: {d.doc.id} and its story {label} differ in split")
            if members[label][0].batch != d.batch:
                raise EvalSetError(f"{path.name}: {d.doc.id} and its story {label} differ in batch")
    return tuple(docs)


def _load_statements(path: Path, reader: _Reader) -> tuple[Statement, ...]:
    groups: list[Statement] = []
    labels: set[str] = set()
    for where, row in read_jsonl_rows(path):
        label = field_of(row, "statement", str, where)
        if label in labels:
            raise EvalSetError(f"{where}: statement {label} appears twice")
        labels.add(label)
        raw_quotes = field_of(row, "quotes", list, where)
        quotes = tuple(reader.quote(q, where) for q in raw_quotes)
        if len({q.doc for q in quotes}) < 2:
            raise EvalSetError(f"{where}: statement {label} needs quotes in two articles")
        groups.append(
            Statement(
                label,
                field_of(row, "speaker", str, where),
                choice_of(row, "split", SPLITS, where),
                quotes,
                batch_of(row, where),
            )
        )
    return tuple(groups)


def _load_hard_negatives(path: Path, reader: _Reader) -> tuple[HardNegative, ...]:
    pairs: list[HardNegative] = []
    for where, row in read_jsonl_rows(path):
        kind = choice_of(row, "type", HARD_NEGATIVE_TYPES, where)
        speakers = field_of(row, "speakers", list, where)
        if len(speakers) != 2 or not all(isinstance(s, str) and s for s in speakers):
            raise EvalSetError(f"{where}: speakers must be two names")
        if (speakers[0] == speakers[1]) != (kind == "same_speaker_different_remark"):
            raise EvalSetError(f"{where}: speakers {speakers} do not fit type {kind}")
        a, b = reader.quote(row.get("a"), where), reader.quote(row.get("b"), where)
        if a == b:
            raise EvalSetError(f"{where}: a hard negative needs two different quotes")
        pairs.append(
            HardNegative(
                kind,
                choice_of(row, "split", SPLITS, where),
                a,
                b,
                (speakers[0], speakers[1]),
                str(row.get("note", "")),
                batch_of(row, where),
            )
        )
    return tuple(pairs)


def _check_quotes(eval_set: StoryEvalSet) -> None:
    """One group and one split per quote; no hard negative inside a group; no overlaps."""
    owner: dict[QuoteRef, tuple[str, str | None]] = {}
    for s in eval_set.statements:
        for q in s.quotes:
            if q in owner:
                raise EvalSetError(
                    f"statements: a quote in {q.doc.id} is in {owner[q][1]} and {s.label}"
                )
            owner[q] = (s.split, s.label)
    for h in eval_set.hard_negatives:
        for q in (h.a, h.b):
            split, _ = owner.setdefault(q, (h.split, None))
            if split != h.split:
                raise EvalSetError(f"hard_negatives: a quote in {q.doc.id} is in two splits")
        group = owner[h.a][1]
        if group is not None and group == owner[h.b][1]:
            raise EvalSetError(f"hard_negatives: both quotes are in statement {group}")
    by_doc: dict[DocRef, list[QuoteRef]] = defaultdict(list)
    for q in owner:
        by_doc[q.doc].append(q)
    for doc, quotes in by_doc.items():
        quotes.sort()
        for left, right in itertools.pairwise(quotes):
            if right.start < left.end:
                raise EvalSetError(
                    f"{doc.corpus}/{doc.id}: quotes [{left.start}:{left.end}] and "
                    f"[{right.start}:{right.end}] overlap (matching would be ambiguous)"
                )


# --- texts -------------------------------------------------------------------------------


def read_texts(docs: Iterable[DocRef], shared: Path = SHARED) -> dict[DocRef, str]:
    """The reference text of each document, read from ``shared`` (see ``shared_texts``).

    Raises:
        CorpusUnavailable: a corpus file is absent.
        TextChanged: a BBC file is no longer UTF-8.
        EvalSetError: a document is not in its corpus.
    """
    reference = ReferenceTexts(shared)
    texts: dict[DocRef, str] = {}
    for d in sorted(set(docs)):
        text = reference.text(d.corpus, d.id)
        if text is None:
            raise EvalSetError(f"{d.corpus}/{d.id} is not in the corpus")
        texts[d] = text
    return texts


def load_texts(eval_set: StoryEvalSet, shared: Path = SHARED) -> dict[DocRef, str]:
    """Rebuild every referenced text and check digests and quote spans against it.

    Raises:
        CorpusUnavailable: ``../shared`` (or a file in it) is absent.
        TextChanged: texts that changed since annotation (all of them are listed).
    """
    texts = read_texts(eval_set.digests, shared)
    changed = [
        f"{d.corpus}/{d.id}"
        for d, digest in sorted(eval_set.digests.items())
        if text_sha256(texts[d]) != digest
    ]
    if changed:
        raise TextChanged(f"{len(changed)} texts changed since annotation: {', '.join(changed)}")
    for q in eval_set.quotes():
        if q.end > len(texts[q.doc]):
            raise TextChanged(f"{q.doc.corpus}/{q.doc.id}: span [{q.start}:{q.end}] past the end")
    return texts


def document_date(doc: DocRef) -> date | None:
    """The publication day when the corpus records one (PolNeAR ids do; BBC and aeb do not)."""
    found = _POLNEAR_DAY.search(doc.id) if doc.corpus == "polnear" else None
    return date(*map(int, found.groups())) if found else None


def document_title(text: str) -> str:
    """The title ingestion gives ``text`` landed as a plain-text file ("" when none).

    Ingestion's own parser decides (``parse_file``), so a first line it keeps as the body's
    first sentence is no title here either, as in the warehouse.
    """
    outcome = parse_file(text.encode("utf-8"), "document.txt")
    return next((a.title for a in outcome.articles if a.title), "")
