"""The grouping eval reads each plain-text document as ingestion stores it (our own strings)."""

from __future__ import annotations

import pytest

from pipelines.core.parse import parse_file
from pipelines.tools.grouping_eval import as_ingested, body_anchors
from pipelines.tools.story_eval_set import DocRef

REF = DocRef("bbc", "harbour/001.txt")

# (case, text, the title ingestion gives)
CASES = [
    (
        "headline with no end mark is split off",
        (
            "Harbour pilots walk out\n\nPilots at the Eastport harbour stopped work on Monday, "
            'saying "the night shifts are unsafe" as talks stalled.\n\nTalks resume on Friday.\n'
        ),
        "Harbour pilots walk out",
    ),
    (
        "a full-stopped opening line stays in the body (parser's rule)",
        (
            "Pilots at the Eastport harbour stopped work on Monday.\n\nThey said "
            '"the night shifts are unsafe" as talks stalled.\n'
        ),
        None,
    ),
    (
        "dateline and wrapped lines are rewritten in the body",
        (
            "Ferry fares to rise\n\nEASTPORT (Reuters) - The ferry company said fares would\n"
            'rise next month, and its chief said "the night shifts\nare unsafe" for the crews\n'
            "on the late crossings, which run twice a week.\n\nMore talks follow.\n"
        ),
        "Ferry fares to rise",
    ),
]


@pytest.mark.parametrize(("case", "text", "title"), CASES, ids=[c[0] for c in CASES])
def test_title_and_body_are_the_parsers(case: str, text: str, title: str | None) -> None:
    doc = as_ingested(REF, text, "BBC")
    article = parse_file(text.encode("utf-8"), "bbc/harbour/001.txt").articles[0]
    assert (doc.title, doc.body) == (article.title, article.body) == (title, doc.body)
    assert doc.text == text  # the labels' offsets stay in the reference text


@pytest.mark.parametrize(("case", "text", "title"), CASES, ids=[c[0] for c in CASES])
def test_a_span_of_the_body_maps_back_to_the_same_words_in_the_text(
    case: str, text: str, title: str | None
) -> None:
    doc = as_ingested(REF, text, "BBC")
    assert doc.title == title
    quote = "the night shifts are unsafe"
    start = doc.body.index(quote)
    mapped = (doc.to_reference(start), doc.to_reference(start + len(quote)))
    # The same words; a wrapped line's break is the body's space.
    assert " ".join(text[mapped[0] : mapped[1]].split()) == quote


def test_a_repaired_word_has_no_anchor_and_the_next_word_sets_offsets_right() -> None:
    text = "Caf\u00c3\u00a9 owners protest at the new rents on the quay"
    body = "Caf\u00e9 owners protest at the new rents on the quay"
    anchors = body_anchors(text, body)
    assert anchors[0] == (body.index("owners"), text.index("owners"))
    assert len(anchors) == len(body.split()) - 1
