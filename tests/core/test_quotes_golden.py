"""Golden quotes for the seed articles (tests/golden/quotes_<seed>.json).

Runs the pipeline's own stages (spaCy, the entity resolver, extract_quotes) on each
seed and compares with the hand-written expectations described in the JSON's note.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipelines.core.models import Quote
from pipelines.core.nlp import ner_spans, sentence_bounds
from pipelines.core.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[2]
GOLDEN = sorted((REPO / "tests" / "golden").glob("quotes_*.json"))


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-\u2010\u2011]+", name.casefold()) if w}


@pytest.fixture(scope="module")
def resolver():
    from pipelines.core.entities import EntityResolver

    return EntityResolver.default()


@pytest.fixture(scope="module", params=GOLDEN, ids=[p.stem for p in GOLDEN])
def seed_case(request, nlp, resolver):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    text = (REPO / "seeds" / gold["seed"]).read_text(encoding="utf-8")
    doc = nlp(text)
    found = resolver.resolve_article(text, ner_spans(doc), sentence_bounds(doc))
    quotes = extract_quotes(doc, found.mentions)
    entities = {e.entity_id: e for e in found.entities}
    return gold, text, quotes, entities


def _by_span(quotes: list[Quote], start: int, end: int) -> Quote | None:
    return next((q for q in quotes if q.start == start and q.end == end), None)


def test_every_golden_quote_found_with_kind(seed_case) -> None:
    gold, text, quotes, _ = seed_case
    for g in gold["quotes"]:
        q = _by_span(quotes, g["start"], g["end"])
        assert q is not None, f"missing quote {g['text'][:60]!r}"
        assert text[q.start : q.end] == q.text == g["text"]
        assert q.kind == g["kind"], g["text"][:60]


def test_no_other_quotes(seed_case) -> None:
    gold, _, quotes, _ = seed_case
    expected = {(g["start"], g["end"]) for g in gold["quotes"]}
    extra = [q.text for q in quotes if (q.start, q.end) not in expected]
    assert extra == []
    for words in gold["without"]:
        assert all(q.text != words for q in quotes)


def test_speakers_cues_and_flags(seed_case) -> None:
    gold, _, quotes, entities = seed_case
    for g in gold["quotes"]:
        q = _by_span(quotes, g["start"], g["end"])
        assert q is not None
        label = g["text"][:50]
        if g["speaker"] is not None:
            assert q.speaker_entity_id is not None, label
            entity = entities[q.speaker_entity_id]
            assert _words(g["speaker"]) <= _words(entity.canonical_name), (label, entity)
            if "speaker_type" in g:
                assert entity.entity_type == g["speaker_type"], label
        if "cue_verb" in g:
            assert q.cue_verb == g["cue_verb"], label
        assert q.via_translator is g.get("via_translator", False), label
        if "max_confidence" in g:
            assert q.confidence <= g["max_confidence"], label
        if "part" in g:
            assert q.part == g["part"], label


def test_split_parts_share_an_utterance(seed_case) -> None:
    gold, _, quotes, _ = seed_case
    pairs = zip(gold["quotes"], gold["quotes"][1:], strict=False)
    for prev, cur in pairs:
        if not cur.get("same_utterance_as_previous"):
            continue
        a = _by_span(quotes, prev["start"], prev["end"])
        b = _by_span(quotes, cur["start"], cur["end"])
        assert a is not None and b is not None
        assert a.utterance == b.utterance


def test_office_is_one_org_distinct_from_yoon(seed_case) -> None:
    gold, _, quotes, _ = seed_case
    office = {
        q.speaker_entity_id
        for q in quotes
        for g in gold["quotes"]
        if g["speaker"] == "presidential office" and (q.start, q.end) == (g["start"], g["end"])
    }
    yoon = {
        q.speaker_entity_id
        for q in quotes
        for g in gold["quotes"]
        if g["speaker"] == "Yoon Suk Yeol" and (q.start, q.end) == (g["start"], g["end"])
    }
    assert len(office) <= 1 and len(yoon) <= 1
    assert not (office & yoon)
