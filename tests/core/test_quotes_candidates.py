"""Stage 1: quote-mark pairing on hand-written sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.core.quotes.candidates import find_candidates


def _texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find_candidates(text).candidates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"We will win," she said.', ["We will win,"], id="straight"),
        pytest.param("“We will win,” she said.", ["We will win,"], id="curly"),
        pytest.param(
            "“We are ready,” he said, ”and we will stay.”",
            ["We are ready,", "and we will stay."],
            id="opening-typed-as-closing",
        ),
        pytest.param(
            "The mayor said:\n”Turnout was high.”",
            ["Turnout was high."],
            id="paragraph-opens-with-closing-glyph",
        ),
        pytest.param(
            "He called it ``a mistake,'' officials said.", ["a mistake,"], id="ptb-backticks"
        ),
        pytest.param(
            "''It was a long night,'' the coach said.", ["It was a long night,"], id="nyt-doubles"
        ),
        pytest.param(
            "‘We don’t agree,’ the minister said of the Smiths’ plan.",
            ["We don’t agree,"],
            id="british-single-with-apostrophes",
        ),
        pytest.param(
            "The voters’ mood and the party’s plan didn’t change.", [], id="apostrophes-only"
        ),
        pytest.param(
            "“She told me ‘never again’ and left,” he said.",
            ["She told me ‘never again’ and left,"],
            id="nested-single-inside-double",
        ),
        pytest.param('"Yes," he said. "No," she said.', ["Yes,", "No,"], id="two-in-a-line"),
        pytest.param(
            "‘They shouted “never” at us,’ the driver said.",
            ["They shouted “never” at us,"],
            id="british-double-inside-single",
        ),
    ],
)
def test_pairs_marks(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_offsets_exclude_marks() -> None:
    text = "Before. “Quoted words here,” he said."
    (cand,) = find_candidates(text).candidates
    assert text[cand.start : cand.end] == "Quoted words here,"
    assert text[cand.mark_start] == "“"
    assert text[cand.mark_end - 1] == "”"


def test_paragraph_spanning_quote_is_split_per_paragraph() -> None:
    text = "“The first part goes on,” she said. “And on\n\n“Then it ends here.”\nAfter."
    cands = find_candidates(text).candidates
    assert [text[c.start : c.end] for c in cands] == [
        "The first part goes on,",
        "And on",
        "Then it ends here.",
    ]
    assert cands[1].continues and not cands[1].continued
    assert cands[2].continued
    assert all("\n" not in text[c.start : c.end] for c in cands)


def test_soft_line_wrap_inside_a_quote() -> None:
    text = 'He said, "this line wraps\nand closes here." Then more.'
    cands = find_candidates(text).candidates
    assert [text[c.start : c.end] for c in cands] == ["this line wraps", "and closes here."]
    assert cands[0].continues and cands[1].continued


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(
            "“This opens and never closes.\n\nA new paragraph without a mark.",
            "quotation not closed before the paragraph ends",
            id="unclosed",
        ),
        pytest.param(
            "Nothing opened here,” but a mark closes.",
            "closing mark with no opening mark",
            id="stray-closer",
        ),
    ],
)
def test_unbalanced_marks_are_skipped_with_reason(text: str, reason: str) -> None:
    scan = find_candidates(text)
    assert scan.candidates == ()
    assert [s.reason for s in scan.skipped] == [reason]


def test_unbalanced_mark_never_spans_the_article() -> None:
    para = "Officials met on Monday. They talked for hours. "
    text = "“An unclosed opening.\n\n" + "\n\n".join([para] * 20) + "\n\n“Closed,” she said."
    cands = find_candidates(text).candidates
    assert [text[c.start : c.end] for c in cands] == ["Closed,"]


def test_reopened_after_full_stop_is_a_lost_paragraph_break() -> None:
    # Wire copy that lost its paragraph breaks: ‹"A. "B."› continues one quotation.
    text = 'She said: "The plan is sound. "We will start in June." Then she left.'
    cands = find_candidates(text).candidates
    assert [text[c.start : c.end] for c in cands] == [
        "The plan is sound.",
        "We will start in June.",
    ]
    assert cands[0].continues and cands[1].continued
    assert find_candidates(text).skipped == ()


def test_reopened_mid_sentence_skips_the_unclosed_mark() -> None:
    text = 'He said "the plan and "the budget" were late.'
    scan = find_candidates(text)
    assert [text[c.start : c.end] for c in scan.candidates] == ["the budget"]
    assert [s.reason for s in scan.skipped] == ["opened again before closing"]


_PIECES = [*"ab .,\n'\"“”‘’`", "''", "``", " said", "X"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_candidates_are_sane_on_any_text(text: str) -> None:
    scan = find_candidates(text)
    last_end = -1
    for c in scan.candidates:
        assert 0 <= c.mark_start <= c.start < c.end <= c.mark_end <= len(text)
        assert "\n" not in text[c.start : c.end]
        assert text[c.start : c.end] == text[c.start : c.end].strip()
        assert c.start >= last_end
        last_end = c.end


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param(
            "\"The deal makes you stop and say 'well, that is new.' \"My own view is "
            'simple," she said.',
            ["The deal makes you stop and say 'well, that is new.'", "My own view is simple,"],
            id="straight-marks",
        ),
        pytest.param(
            "“Then you tell yourself: ‘Is this really my week?’ “But then it turns,” he said.",
            ["Then you tell yourself: ‘Is this really my week?’", "But then it turns,"],
            id="curly-marks-question",
        ),
    ],
)
def test_reopened_after_a_nested_quotation_that_ends_a_sentence(text: str, parts) -> None:
    # ‹"A 'b.' "C."›: the lost paragraph break of ‹"A. "B."› after a nested quotation.
    cands = find_candidates(text).candidates
    assert [text[c.start : c.end] for c in cands] == parts
    assert cands[0].continues and cands[1].continued
    assert find_candidates(text).skipped == ()


def test_reopened_after_a_nested_quotation_mid_sentence_skips_the_unclosed_mark() -> None:
    text = '"We call it \'the plan\' "every day," he said.'
    scan = find_candidates(text)
    found = [text[c.start : c.end] for c in scan.candidates]
    assert "every day," in found
    assert not any(f.startswith("We call it") for f in found)
    assert [s.reason for s in scan.skipped] == ["opened again before closing"]
