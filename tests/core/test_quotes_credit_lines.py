"""Cue-less class read in the thirteenth session (issue 11): a quotation set in a paragraph
of its own and credited on the next line with a dash and the name, as fact-checks,
epigraphs and round-ups do ("“…” ⏎ - Ann Morley."). The credit line names the speaker,
even where the narrative paragraph above is about someone else; a dash line that is
narrative (a possessive, a finite verb, other words before the name) credits nobody.
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Ann Morley": "PERSON", "Tom Becket": "PERSON", "Harbour Trust": "ORG"}
_ABOVE = "Tom Becket voted against the bridge last spring, and the council backed him.\n\n"


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        pytest.param("- Ann Morley.", "Ann Morley", id="dash-and-name"),
        pytest.param("-Ann Morley, speaking after the vote.", "Ann Morley", id="with-an-occasion"),
        pytest.param("\u2014 Mayor Ann Morley", "Ann Morley", id="em-dash-and-title"),
        pytest.param("\u2013 Harbour Trust (@harbourtrust) 4 May", "Harbour Trust", id="embed"),
    ],
)
def test_a_credit_line_names_the_quotation_above(nlp, credit: str, speaker: str) -> None:
    text = _ABOVE + '"We will never pay for a bridge nobody asked for."\n\n' + credit + "\n"
    assert speaker_name(one_quote(nlp, text, "never pay", dict(_PEOPLE))) == speaker


def test_every_quotation_of_the_credited_paragraph_takes_the_credit(nlp) -> None:
    text = _ABOVE + '"We will never pay for it." "Not one penny."\n\n- Ann Morley.\n'
    for contains in ("never pay", "Not one penny"):
        assert speaker_name(one_quote(nlp, text, contains, dict(_PEOPLE))) == "Ann Morley"


@pytest.mark.parametrize(
    "credit",
    [
        pytest.param("- Ann Morley's deputy was not convinced.", id="possessive"),
        pytest.param("- Ann Morley, the mayor, will stand again in May.", id="finite-verb"),
        pytest.param("- Only Ann Morley and two others stayed.", id="other-words-first"),
        pytest.param('- Ann Morley called it "a farce".', id="quotation-in-the-line"),
    ],
)
def test_a_narrative_dash_line_credits_nobody(nlp, credit: str) -> None:
    text = _ABOVE + '"We will never pay for a bridge nobody asked for."\n\n' + credit + "\n"
    assert speaker_name(one_quote(nlp, text, "never pay", dict(_PEOPLE))) == "Tom Becket"


def test_reporter_words_beside_the_quotation_keep_their_speaker(nlp) -> None:
    text = (
        'Tom Becket paused. "We will never pay for a bridge nobody asked for."\n\n- Ann Morley.\n'
    )
    assert speaker_name(one_quote(nlp, text, "never pay", dict(_PEOPLE))) == "Tom Becket"
