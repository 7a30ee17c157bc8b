"""Test helpers for the quote stages: a tiny mention adapter, not an entity resolver.

Each PERSON/ORG/GPE/LOC span of spaCy's NER becomes a mention whose id is its own
text, so tests can read the expected speaker straight off the id. Tests of names the
recogniser misses or mistypes give the mentions themselves (``people``).
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


def given_mentions(text: str, people: dict[str, str]) -> list[Mention]:
    """Every occurrence of each given surface as a mention of its type (surface -> type),
    as if the entity recogniser had missed or mistyped every other name."""
    mentions = []
    for surface, kind in people.items():
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            mentions.append(Mention(f"ent:{surface}", surface, start, end, kind))
            start = text.find(surface, end)
    return sorted(mentions, key=lambda m: m.start)


def quotes_of(nlp, text: str, people: dict[str, str] | None = None) -> list[Quote]:
    """Quotes of ``text`` with the recogniser's mentions, or only ``people``'s when given."""
    doc = nlp(text)
    mentions = mentions_of(doc) if people is None else given_mentions(text, people)
    quotes = extract_quotes(doc, mentions)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
        assert q.speaker_entity_id is not None or q.unattributed_reason
    return quotes


def one_quote(nlp, text: str, contains: str, people: dict[str, str] | None = None) -> Quote:
    found = [q for q in quotes_of(nlp, text, people) if contains in q.text]
    assert len(found) == 1, f"expected one quote containing {contains!r}, got {found}"
    return found[0]


def speaker_name(q: Quote) -> str | None:
    """The speaker's name as the test mentions spell it (the id without ``ent:``)."""
    return q.speaker_entity_id.removeprefix("ent:") if q.speaker_entity_id else None


def assert_speaker(q: Quote, entity: str | None) -> None:
    """The quote's speaker entity is ``entity``; the message shows what was found."""
    assert q.speaker_entity_id == entity, (q.speaker_entity_id, q.speaker_surface)
