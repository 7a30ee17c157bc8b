"""The resolved-speaker quote set over ../shared/corpora (``tests/data/quotes_shared``).

The repository holds only offsets and names (``annotations.jsonl``); the article texts are
the publishers' copyright and stay in ``../shared``. This module rebuilds each document's
text from there (:mod:`pipelines.tools.shared_texts`), checks it against the recorded
SHA-256 and checks every annotation against the text, so a changed corpus file can never
be scored against stale offsets.
See ``tests/data/quotes_shared/README.md`` for how the set was made.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.tools.shared_texts import (
    BBC_DIR,
    REPO_ROOT,
    SHARED,
    ReferenceTexts,
    TextChanged,
    text_sha256,
)

ANNOTATIONS = REPO_ROOT / "tests" / "data" / "quotes_shared" / "annotations.jsonl"

KINDS = frozenset({"direct", "partial"})
SPEAKER_KINDS = frozenset({"person", "organisation", "unnamed"})
SPEAKER_CUES = ("name", "pronoun", "nominal", "organisation", "unnamed", "none")
# "hold": the half of a later batch kept for scoring only (batch 8 on): tuned on by nobody,
# its summary read at first sight and once at the end, like the test split.
SPLITS = ("dev", "hold", "test")
CORPORA = ("bbc", "aeb", "trafilatura")
# 1: the set as first written (dev and test); 2 to 15: articles added in later
# sessions, annotated before the system ran on them (the test split never grows, so it
# stays comparable); from batch 8 on, half of each batch is "hold".
BATCHES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
FIRST_HELD_BATCH = 8
# Marks that may open an annotated quote: straight and curly double and single quotes, and
# the backtick one page uses as an opening single quote.
_OPENING_MARKS = "\"'\u201c\u201d\u2018\u2019`"


class AnnotationError(ValueError):
    """The annotations do not fit the texts in ``../shared`` (offsets, codes, splits)."""


@dataclass(frozen=True, slots=True)
class SharedDoc:
    """One annotated document with its rebuilt text."""

    doc_id: str
    corpus: str
    split: str
    text: str
    quotes: tuple[Mapping[str, Any], ...]
    batch: int = 1  # 2 to 15: articles added in sessions four to twenty (see the README)


def read_annotations(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """The annotation rows as stored (no text), one per document."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_shared_set(annotations: Path = ANNOTATIONS, shared: Path = SHARED) -> list[SharedDoc]:
    """Rebuild and verify every annotated document.

    Args:
        annotations: the ``annotations.jsonl`` file.
        shared: the ``../shared`` folder.

    Returns:
        The documents in file order.

    Raises:
        CorpusUnavailable: a corpus file the set needs is absent (``../shared`` not mounted).
        TextChanged: a text's digest differs from the recorded one (or it is no longer UTF-8).
        AnnotationError: an annotation does not fit its text (offsets out of range or
            not after a quote mark, overlapping quotes, unknown codes, a missing speaker).
    """
    texts = ReferenceTexts(shared)
    docs: list[SharedDoc] = []
    for row in read_annotations(annotations):
        source = row["source"]
        text = _document_text(source, texts)
        digest = text_sha256(text)
        if digest != source["text_sha256"]:
            raise TextChanged(
                f"{row['doc_id']}: the text of {source['path']} has changed "
                f"(sha256 {digest[:12]}..., annotated {source['text_sha256'][:12]}...)"
            )
        _check_quotes(row["doc_id"], text, row["quotes"])
        if row["split"] not in SPLITS:
            raise AnnotationError(f"{row['doc_id']}: unknown split {row['split']!r}")
        batch = int(row.get("batch", 1))
        later_splits = ("dev", "hold") if batch >= FIRST_HELD_BATCH else ("dev",)
        if batch not in BATCHES or (batch > 1 and row["split"] not in later_splits):
            raise AnnotationError(
                f"{row['doc_id']}: batch {batch} in {row['split']} (later batches are dev, "
                f"or dev and hold from batch {FIRST_HELD_BATCH} on)"
            )
        if row["split"] == "hold" and batch < FIRST_HELD_BATCH:
            raise AnnotationError(f"{row['doc_id']}: batch {batch} in hold (from batch 8 on)")
        docs.append(
            SharedDoc(
                row["doc_id"], source["corpus"], row["split"], text, tuple(row["quotes"]), batch
            )
        )
    return docs


def _document_text(source: Mapping[str, Any], texts: ReferenceTexts) -> str:
    corpus, path = source["corpus"], Path(str(source["path"]))
    if corpus == "bbc":
        text = texts.text(corpus, path.relative_to(BBC_DIR).as_posix())
    elif corpus == "aeb":
        text = texts.text(corpus, path.stem)
    elif corpus == "trafilatura":
        text = texts.text(corpus, path.name)
    else:
        raise AnnotationError(f"unknown corpus {corpus!r}")
    if text is None:
        raise AnnotationError(f"{path}: not in the {corpus} corpus")
    return text


def _check_quotes(doc_id: str, text: str, quotes: Iterable[Mapping[str, Any]]) -> None:
    previous_end = 0
    for q in sorted(quotes, key=lambda q: int(q["start"])):
        start, end = int(q["start"]), int(q["end"])
        where = f"{doc_id} [{start}:{end}]"
        if not 0 < start < end <= len(text):
            raise AnnotationError(f"{where}: offsets outside the text ({len(text)} chars)")
        if start < previous_end:
            raise AnnotationError(f"{where}: overlaps the previous quote")
        previous_end = end
        # Offsets exclude the marks: the character before a quote is its opening mark
        # (a few pages put a space between the mark and the first word).
        before = text[:start].rstrip(" ")
        if not before or before[-1] not in _OPENING_MARKS:
            raise AnnotationError(f"{where}: not preceded by a quotation mark")
        if q["kind"] not in KINDS:
            raise AnnotationError(f"{where}: unknown kind {q['kind']!r}")
        if q["speaker_kind"] not in SPEAKER_KINDS:
            raise AnnotationError(f"{where}: unknown speaker_kind {q['speaker_kind']!r}")
        if q["speaker_cue"] not in SPEAKER_CUES:
            raise AnnotationError(f"{where}: unknown speaker_cue {q['speaker_cue']!r}")
        if (q["speaker"] is None) != (q["speaker_kind"] == "unnamed"):
            raise AnnotationError(f"{where}: a speaker name exactly when the speaker is named")


def gold_rows(docs: Iterable[SharedDoc]) -> list[dict[str, Any]]:
    """The documents in the shared scorer's gold format (text included: temporary files only).

    Unnamed speakers carry no name, so the scorer leaves them out of speaker accuracy, as
    it does PolNeAR's unresolved pronouns.
    """
    rows = []
    for d in docs:
        quotes = [
            {
                "text": d.text[q["start"] : q["end"]],
                "start": q["start"],
                "end": q["end"],
                "kind": q["kind"],
                "speaker": q["speaker"],
                "speaker_kind": q["speaker_kind"],
                "speaker_cue": q["speaker_cue"],
            }
            for q in d.quotes
        ]
        rows.append({"doc_id": d.doc_id, "text": d.text, "quotes": quotes})
    return rows
