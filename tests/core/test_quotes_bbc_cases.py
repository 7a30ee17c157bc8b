"""Hard cases from the BBC corpus in ../shared/corpora/bbc, checked by hand.

The article text stays in ../shared (research use only); this file holds only
positions and the speaker each quotation was checked to belong to. Each case names
the rule it exercises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.core.nlp import ner_spans, sentence_bounds
from pipelines.core.quotes import extract_quotes

BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "bbc"

# (file, start offset of the quoted text, words of the speaker's canonical name, rule)
CASES = [
    ("politics/012.txt", 2044, "Maguire", "she -> main-clause subject, not the relative clause's"),
    ("politics/020.txt", 719, "Barry Sheerman", "said the chairman of X, <Name>"),
    ("politics/020.txt", 1013, "Barry Sheerman", "he -> the person last quoted"),
    ("politics/020.txt", 1475, "Anthony Greener", "said its chairman, Sir <Name>"),
    ("politics/020.txt", 2112, "David Bell", "he -> subject of the sentence before"),
    ("politics/021.txt", 545, "Gordon Brown", "He told <programme>: colon intro"),
    ("politics/021.txt", 1996, "David Page", "<Name>, of <firm>, said:"),
    ("politics/021.txt", 2089, "David Page", 'paragraph break lost: "A. "B." continues'),
    ("politics/025.txt", 1231, "Barbara Roche", "She went on:"),
    ("business/002.txt", 728, "Robert Sinche", "inverted said <Name>, head of …"),
    ("business/003.txt", 566, "Jamie Firestone", "said Moscow-based US lawyer <Name>"),
    ("business/003.txt", 847, "Tim Osborne", "<Org>'s managing director <Name> told"),
]


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-]+", name.casefold()) if w}


@pytest.fixture(scope="module")
def resolver():
    from pipelines.core.entities import EntityResolver

    return EntityResolver.default()


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "start", "speaker", "rule"), CASES, ids=[c[3] for c in CASES])
def test_bbc_hard_case(nlp, resolver, name: str, start: int, speaker: str, rule: str) -> None:
    path = BBC / name
    if not path.exists():
        pytest.skip(f"{path} is absent: BBC hard cases need ../shared/corpora/bbc")
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    found = resolver.resolve_article(text, ner_spans(doc), sentence_bounds(doc))
    names = {e.entity_id: e.canonical_name for e in found.entities}
    quotes = [q for q in extract_quotes(doc, found.mentions) if q.start == start]
    assert len(quotes) == 1, f"no quotation starts at {start} ({rule})"
    q = quotes[0]
    assert q.kind == "direct"
    assert q.speaker_entity_id is not None, rule
    assert _words(speaker) <= _words(names[q.speaker_entity_id]), (rule, names[q.speaker_entity_id])
