"""The texts of ../shared that the evaluation sets are annotated on, read one way.

The repository keeps offsets, labels and SHA-256 digests only (``tests/data/quotes_shared``,
``tests/data/stories_eval``); the article texts are the publishers' copyright and stay in
``../shared``. Both sets rebuild them here, so a document reads the same in both and a
changed file is caught the same way: PolNeAR texts by ``doc_id`` from the quote dev set,
BBC files decoded strictly as UTF-8 (a file that no longer decodes is a changed file, not
a text to repair silently), aeb pages as the human-checked ``articleBody`` strings of the
benchmark (not the raw pages), and the pages of ``corpora/html/trafilatura`` (which have no
such strings) as the pinned trafilatura package extracts their body with fixed options.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT / ".." / "shared"
POLNEAR = Path("eval") / "quotes" / "dev.jsonl"
BBC_DIR = Path("corpora") / "bbc"
AEB_GROUND_TRUTH = Path("corpora") / "html" / "aeb" / "ground-truth.subset.json"
TRAFILATURA_DIR = Path("corpora") / "html" / "trafilatura"
CORPORA = ("polnear", "bbc", "aeb", "trafilatura")


class CorpusUnavailable(FileNotFoundError):
    """A corpus file a set needs is absent (``../shared`` not mounted)."""


class TextChanged(ValueError):
    """A rebuilt text is not the one that was annotated (its digest or encoding differs)."""


def require(path: Path) -> Path:
    """``path`` if it is a file.

    Raises:
        CorpusUnavailable: it is not.
    """
    if not path.is_file():
        raise CorpusUnavailable(f"{path} is absent (../shared not mounted?)")
    return path


def text_sha256(text: str) -> str:
    """The digest recorded for a text when it was annotated (of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_polnear(shared: Path = SHARED) -> dict[str, str]:
    """Every PolNeAR dev article's text by doc_id (unchanged)."""
    texts: dict[str, str] = {}
    with require(shared / POLNEAR).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                texts[row["doc_id"]] = row["text"]
    return texts


def read_aeb(shared: Path = SHARED) -> dict[str, dict[str, Any]]:
    """The aeb benchmark's ground-truth rows (``articleBody``, ``url``) by page stem."""
    rows: dict[str, dict[str, Any]] = json.loads(
        require(shared / AEB_GROUND_TRUTH).read_text(encoding="utf-8")
    )
    return rows


def read_bbc(name: str, shared: Path = SHARED) -> str:
    """The BBC file ``name`` (its path under ``corpora/bbc``), decoded strictly as UTF-8.

    Raises:
        CorpusUnavailable: the file is absent.
        TextChanged: it is no longer UTF-8.
    """
    path = require(shared / BBC_DIR / name)
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as ex:
        raise TextChanged(f"bbc/{name} is not UTF-8 any more ({ex})") from ex


def read_trafilatura(name: str, shared: Path = SHARED) -> str:
    """The body text of the page ``name`` (a file of ``corpora/html/trafilatura``).

    The page is decoded strictly as UTF-8 and its body extracted by ``trafilatura.extract``
    without comments and tables (the package version is pinned by ``uv.lock``, so the text
    is stable; a different version that extracts differently shows as a changed digest,
    never as silently shifted offsets). Not the pipeline's own HTML parser on purpose: the
    set must not change when that parser is improved.

    Raises:
        CorpusUnavailable: the page is absent.
        TextChanged: it is no longer UTF-8, or no body is extracted from it.
    """
    import trafilatura

    path = require(shared / TRAFILATURA_DIR / name)
    try:
        html = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as ex:
        raise TextChanged(f"trafilatura/{name} is not UTF-8 any more ({ex})") from ex
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise TextChanged(f"trafilatura/{name}: no body text extracted")
    return str(text)


class ReferenceTexts:
    """Texts by corpus and document id; each corpus file is read once, when first needed."""

    def __init__(self, shared: Path = SHARED) -> None:
        self.shared = shared
        self._polnear: dict[str, str] | None = None
        self._aeb: dict[str, dict[str, Any]] | None = None

    def text(self, corpus: str, doc_id: str) -> str | None:
        """The text, or None when the corpus has no such document.

        ``doc_id`` is PolNeAR's ``doc_id``, a BBC path under ``corpora/bbc``, an aeb
        page stem or a file name of ``corpora/html/trafilatura``.

        Raises:
            CorpusUnavailable: the corpus file is absent.
            TextChanged: a BBC file or page is no longer UTF-8.
            ValueError: an unknown corpus.
        """
        if corpus == "polnear":
            if self._polnear is None:
                self._polnear = read_polnear(self.shared)
            return self._polnear.get(doc_id)
        if corpus == "aeb":
            if self._aeb is None:
                self._aeb = read_aeb(self.shared)
            row = self._aeb.get(doc_id)
            return None if row is None else str(row["articleBody"])
        if corpus == "bbc":
            return read_bbc(doc_id, self.shared)
        if corpus == "trafilatura":
            return read_trafilatura(doc_id, self.shared)
        raise ValueError(f"unknown corpus {corpus!r} (one of {', '.join(CORPORA)})")
