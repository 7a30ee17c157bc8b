"""The resolved-speaker quote set over ../shared/corpora (``tests/data/quotes_shared``).

The repository holds only offsets and names (``annotations.jsonl``); the article texts are
the publishers' copyright and stay in ``../shared``. This module rebuilds each document's
text from there, checks it against the recorded SHA-256 and checks every annotation
against the text, so a changed corpus file can never be scored against stale offsets.
See ``tests/data/quotes_shared/README.md`` for how the set was made.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT / ".." / "shared"
ANNOTATIONS = REPO_ROOT / "tests" / "data" / "quotes_shared" / "annotations.jsonl"
# The aeb documents are the human-checked body strings of the benchmark, not the raw pages.
AEB_GROUND_TRUTH = Path("corpora") / "html" / "aeb" / "ground-truth.subset.json"

KINDS = frozenset({"direct", "partial"})
SPEAKER_KINDS = frozenset({"person", "organisation", "unnamed"})
SPEAKER_CUES = ("name", "pronoun", "nominal", "organisation", "unnamed", "none")
SPLITS = ("dev", "test")
CORPORA = ("bbc", "aeb")
# Marks that may open an annotated quote: straight and curly double and single quotes, and
# the backtick one page uses as an opening single quote.
_OPENING_MARKS = "\"'\u201c\u201d\u2018\u2019`"


class SharedCorpusMissing(FileNotFoundError):
    """``../shared`` (or the part of it this set reads) is not there."""


class AnnotationError(ValueError):
    """The annotations do not fit the texts in ``../shared`` (digest, offsets, codes)."""


@dataclass(frozen=True, slots=True)
class SharedDoc:
    """One annotated document with its rebuilt text."""

    doc_id: str
    corpus: str
    split: str
    text: str
    quotes: tuple[Mapping[str, Any], ...]


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
        SharedCorpusMissing: a corpus file the set needs is absent (``../shared`` not mounted).
        AnnotationError: a text's digest differs from the recorded one, or an annotation
            does not fit its text (offsets out of range or not after a quote mark,
            overlapping quotes, unknown codes, a missing speaker).
    """
    rows = read_annotations(annotations)
    ground_truth: dict[str, Any] | None = None
    docs: list[SharedDoc] = []
    for row in rows:
        source = row["source"]
        if source["corpus"] == "aeb" and ground_truth is None:
            ground_truth = _read_ground_truth(shared)
        text = _document_text(source, shared, ground_truth)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != source["text_sha256"]:
            raise AnnotationError(
                f"{row['doc_id']}: the text of {source['path']} has changed "
                f"(sha256 {digest[:12]}..., annotated {source['text_sha256'][:12]}...)"
            )
        _check_quotes(row["doc_id"], text, row["quotes"])
        if row["split"] not in SPLITS:
            raise AnnotationError(f"{row['doc_id']}: unknown split {row['split']!r}")
        docs.append(
            SharedDoc(row["doc_id"], source["corpus"], row["split"], text, tuple(row["quotes"]))
        )
    return docs


def _read_ground_truth(shared: Path) -> dict[str, Any]:
    path = shared / AEB_GROUND_TRUTH
    if not path.is_file():
        raise SharedCorpusMissing(f"{path} is absent (../shared not mounted?)")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _document_text(source: Mapping[str, Any], shared: Path, ground_truth: Any) -> str:
    path = shared / str(source["path"])
    if source["corpus"] == "bbc":
        if not path.is_file():
            raise SharedCorpusMissing(f"{path} is absent (../shared not mounted?)")
        # Strict decoding: a file that stopped being UTF-8 is a changed file, not a
        # text to repair silently.
        try:
            return path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as ex:
            raise AnnotationError(f"{path}: no longer UTF-8 ({ex})") from ex
    if source["corpus"] == "aeb":
        entry = ground_truth.get(Path(source["path"]).stem)
        if entry is None:
            raise AnnotationError(f"{source['path']}: no articleBody in {AEB_GROUND_TRUTH}")
        return str(entry["articleBody"])
    raise AnnotationError(f"unknown corpus {source['corpus']!r}")


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
