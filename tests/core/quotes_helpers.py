"""Test helpers for the quote stages: a tiny mention adapter, not an entity resolver.

Each PERSON/ORG/GPE/LOC span of spaCy's NER becomes a mention whose id is its own
text, so tests can read the expected speaker straight off the id.
"""

from __future__ import annotations

from pipelines.core.models import Mention, Quote
from pipelines.core.nlp import ner_spans
from pipelines.core.quotes import extract_quotes

TYPES = {"PERSON", "ORG", "GPE", "LOC"}


def mentions_of(doc) -> list[Mention]:
    return [
        Mention(f"ent:{s.text}", s.text, s.start, s.end, s.label)
        for s in ner_spans(doc)
        if s.label in TYPES
    ]


def quotes_of(nlp, text: str) -> list[Quote]:
    doc = nlp(text)
    quotes = extract_quotes(doc, mentions_of(doc))
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
        assert q.speaker_entity_id is not None or q.unattributed_reason
    return quotes


def one_quote(nlp, text: str, contains: str) -> Quote:
    found = [q for q in quotes_of(nlp, text) if contains in q.text]
    assert len(found) == 1, f"expected one quote containing {contains!r}, got {found}"
    return found[0]
