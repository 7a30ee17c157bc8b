"""The one test for "a word glued to a closing mark" that cue, speaker and resolve share."""

from __future__ import annotations

import pytest

from pipelines.core.quotes._view import glued_word_offset


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        pytest.param("plan,”Moreau", 6, id="curly-mark-after-comma"),
        pytest.param('done."Okafor', 6, id="straight-mark-after-stop"),
        pytest.param("ready?’Lind", 7, id="single-curly-after-question"),
        pytest.param("win,”he", 5, id="lowercase-word-still-found"),
        pytest.param("Moreau", None, id="no-mark"),
        pytest.param("plan,”", None, id="mark-ends-the-token"),
        # An apostrophe is a mark too: callers ask for the quotation's end at the cut or
        # punctuation before the mark, which a possessive never has.
        pytest.param("O’Brien’s", 8, id="apostrophe-s-found-callers-guard"),
        pytest.param("plan,”Moreau-Lind", None, id="hyphen-after-mark-is-not-one-word"),
    ],
)
def test_glued_word_offset(token: str, expected: int | None) -> None:
    assert glued_word_offset(token) == expected


def test_offset_is_after_the_last_mark() -> None:
    # A quotation ending in a quoted title: ‹“Lumen”,”Tamsin› — the name follows the last mark.
    token = "“Lumen”,”Tamsin"
    cut = glued_word_offset(token)
    assert cut is not None and token[cut:] == "Tamsin"
