"""A Doc parsed in a spaCy worker and read back in the run's process (one-process runs).

The coordinator runs the entity, quote and byline rules over Docs another process
parsed; they cross as bytes (``doc_to_bytes``/``doc_from_bytes``). Every attribute the
rules read must come back exactly, whatever the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.nlp import doc_from_bytes, doc_to_bytes, load_vocab, pipe

# Every token attribute the rules under pipelines/core read (a rule reading another one
# must be carried by doc_to_bytes and listed here).
TOKEN_ATTRS = (
    "text",
    "whitespace_",
    "idx",
    "i",
    "tag_",
    "pos_",
    "dep_",
    "ent_type_",
    "ent_iob_",
    "is_sent_start",
    "lower_",
    "is_alpha",
    "is_punct",
    "is_space",
    "is_title",
)

TEXTS = [
    "",
    " ",
    "\n\n",
    "Hello.",
    "  Leading spaces and trailing ones.  ",
    'Prime Minister Yoon Suk-yeol said: "We will not back down," on Tuesday.\n\nHe left.',
    "Café owners in Zürich – and São Paulo – said “non” to the plan…",
    "Wow" + "!" * 40 + " a run of marks " + '"' * 33 + " then text.",
    "Emoji 🙂 and CJK 北京 and tabs\tand\r\nwindows line ends.",
    "The U.S.-based firm's C.E.O., Ms. O'Neill, didn't say \"no\" (she said 'maybe').",
]


def _seed_bodies(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def _view(doc) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    tokens = [
        (*(getattr(t, a) for a in TOKEN_ATTRS), t.head.i, [c.i for c in t.children]) for t in doc
    ]
    ents = [(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents]
    sents = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
    return doc.text, tokens, ents, sents


def test_every_attribute_the_rules_read_comes_back(nlp, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    texts = TEXTS + _seed_bodies(seeds_dir)
    vocab_only = load_vocab()
    for text, doc in zip(texts, pipe(nlp, texts), strict=True):
        back = doc_from_bytes(vocab_only, doc_to_bytes(doc))
        assert _view(back) == _view(doc), text[:60]


def test_the_vocabulary_knows_every_label_the_components_can_write(nlp) -> None:  # type: ignore[no-untyped-def]
    # The read-back Doc's tags, dependencies and entity types are hashes into the
    # vocabulary-only pipeline's strings: an unknown one would fail the article there.
    strings = load_vocab().vocab.strings
    labels = {
        label
        for name in ("tagger", "parser", "ner")
        if name in nlp.pipe_names
        for label in nlp.get_pipe(name).labels
    }
    assert labels, "no labelled component found"
    missing = sorted(label for label in labels if label not in strings)
    assert not missing, missing


@pytest.mark.parametrize("text", ["", "One.", "Two words."])
def test_short_texts(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert _view(doc_from_bytes(load_vocab(), doc_to_bytes(doc))) == _view(doc)
