"""Stage 3: cues and the speaker's phrase, on hand-written news sentences."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, quotes_of


@pytest.mark.parametrize(
    ("text", "contains", "speaker", "cue"),
    [
        pytest.param(
            "“We will rebuild the bridge by spring,” Maria Delgado said.",
            "rebuild",
            "Maria Delgado",
            "said",
            id="speaker-after",
        ),
        pytest.param(
            "“Taxes will not rise next year,” said Thomas Becker, the finance minister.",
            "Taxes",
            "Thomas Becker",
            "said",
            id="inverted",
        ),
        pytest.param(
            "Governor Alan Price said, “The budget is balanced.”",
            "budget",
            "Governor Alan Price",
            "said",
            id="speaker-before-comma",
        ),
        pytest.param(
            "Alan Price, who is visiting the region this week, said at a hotel in Oslo, "
            "“The budget is balanced and the reserves are full.”",
            "budget",
            "Alan Price",
            "said",
            id="appositive-before",
        ),
        pytest.param(
            "“The reserves are full,” Alan Price, who is visiting Oslo this week, said at a "
            "hotel in the city.",
            "reserves",
            "Alan Price",
            "said",
            id="appositive-after",
        ),
        pytest.param(
            "“Prices will keep climbing for a while,” Helen Park told reporters on Monday.",
            "Prices",
            "Helen Park",
            "told",
            id="told-reporters",
        ),
        pytest.param(
            "“We regret the delay and apologise to passengers,” Northline Rail said in a statement.",
            "regret",
            "Northline Rail",
            "said",
            id="said-in-a-statement",
        ),
        pytest.param(
            "“This is a great day for the city,” Mayor Jonas Berg wrote on social media.",
            "great day",
            "Mayor Jonas Berg",
            "wrote",
            id="wrote-on-social-media",
        ),
        pytest.param(
            "“The talks will resume in May,” according to Ruth Meyer, the chief negotiator.",
            "talks",
            "Ruth Meyer",
            "according to",
            id="according-to",
        ),
    ],
)
def test_cue_and_speaker(nlp, text: str, contains: str, speaker: str, cue: str) -> None:
    q = one_quote(nlp, text, contains)
    assert q.kind == "direct"
    assert q.speaker_surface == speaker
    assert q.cue_verb == cue
    assert text[q.speaker_start : q.speaker_end] == speaker


def test_split_quote_is_one_utterance_in_parts(nlp) -> None:
    text = "“We are ready,” Anna Kovacs said, “and we will not wait for the others.”"
    first, second = quotes_of(nlp, text)
    assert first.part == 0
    assert second.utterance == first.utterance and second.part == 1
    assert first.speaker_surface == second.speaker_surface == "Anna Kovacs"


def test_split_quote_with_wrong_glyph(nlp) -> None:
    text = "“We are ready,” Anna Kovacs said, ”and we will not wait for the others.”"
    quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["We are ready,", "and we will not wait for the others."]
    assert {q.speaker_surface for q in quotes} == {"Anna Kovacs"}


def test_translator_sets_flag(nlp) -> None:
    text = "“Our two nations must work together,” Kenji Sato said through an interpreter."
    q = one_quote(nlp, text, "nations")
    assert q.via_translator
    plain = one_quote(nlp, "“Our two nations must work together,” Kenji Sato said.", "nations")
    assert not plain.via_translator


def test_intro_paragraph_with_colon(nlp) -> None:
    text = "Senator Lena Ross continued:\n\n“We cannot keep ignoring the housing crisis.”"
    q = one_quote(nlp, text, "housing")
    assert q.speaker_surface == "Senator Lena Ross"


def test_new_sentence_after_a_quote_is_not_its_cue(nlp) -> None:
    text = (
        "Mark Olsen spoke first. “We need more buses.” "
        "Peter Lund said the plan would cost too much."
    )
    q = one_quote(nlp, text, "buses")
    assert q.speaker_surface != "Peter Lund"


def test_merged_paragraphs_keep_the_speaker(nlp) -> None:
    text = (
        '"Growth will slow next year," Carl Jensen said. '
        'Anna Berg, of the central bank, said: "The forecast is too rosy. '
        '"It will take a turnaround to meet it."'
    )
    q = one_quote(nlp, text, "turnaround")
    assert q.speaker_surface == "Anna Berg"


def test_next_sentence_with_its_own_clause_is_not_attribution(nlp) -> None:
    text = '"We are not ready." The council has also told ministers that the plan is late.'
    q = one_quote(nlp, text, "ready")
    assert q.cue_verb is None


def test_digest_dash_before_colon_names_the_source(nlp) -> None:
    text = "Pollsters agree - Carl Bialik: “One of the biggest lessons was a surprise.”"
    q = one_quote(nlp, text, "lessons")
    assert q.speaker_surface == "Carl Bialik"
