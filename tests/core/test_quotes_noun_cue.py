"""Partial quotations introduced by a speech noun with no reporting verb ("her remark that
“…”", "Ruiz's call for “…”"), and the scare quotes that must stay out. Examples are written
for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import assert_speaker, one_quote, quotes_of


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Hundreds marched on Sunday against Tomas Brandt's call for "
            '"a complete halt to all new housing permits."',
            {"Tomas Brandt": "PERSON"},
            "complete halt",
            "ent:Tomas Brandt",
            id="named-possessor-call-for",
        ),
        pytest.param(
            "Voters rejected Lena Marsh's insistence that \u201cno new taxes on small "
            "shops this decade\u201d would pass, and the vote went against her.",
            {"Lena Marsh": "PERSON"},
            "no new taxes",
            "ent:Lena Marsh",
            id="named-possessor-insistence-that",
        ),
    ],
)
def test_a_speech_noun_introduces_a_partial_quotation(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.kind == "partial"
    assert_speaker(q, speaker)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Lena Marsh spoke first. The former mayor, Ana Ruiz, an ally of Lena Marsh, drew "
            "criticism last spring over her remark that \u201cno bus line in this city has "
            "ever paid for itself.\u201d",
            id="bound-to-the-subject",
        ),
        pytest.param(
            "Ana Ruiz spoke first. Lena Marsh mocked her remark that \u201cno bus line in "
            "this city has ever paid for itself.\u201d",
            id="not-bound-to-the-subject",
        ),
    ],
)
def test_a_pronoun_possessor_is_no_speaker(nlp, text: str) -> None:
    # "her" may be the sentence's subject or someone named before: not told apart.
    q = one_quote(nlp, text, "no bus line", {"Ana Ruiz": "PERSON", "Lena Marsh": "PERSON"})
    assert q.kind == "partial"
    assert q.speaker_entity_id is None


def test_a_speech_noun_with_no_possessor_keeps_the_words_unattributed(nlp) -> None:
    # The sentence's subject reacts to the words; it did not say them.
    text = (
        "Owen Pryce rejected the claim that \u201cthe new bridge will never carry "
        "heavy lorries\u201d during the debate."
    )
    q = one_quote(nlp, text, "new bridge", {"Owen Pryce": "PERSON"})
    assert q.kind == "partial"
    assert q.speaker_entity_id is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Protesters answered the call for \u201cBlack Harbour Matters\u201d at the port.",
            id="a-name-after-the-noun",
        ),
        pytest.param(
            "She dismissed his remarks about \u201cfake budgets\u201d as noise.",
            id="two-words-are-a-term",
        ),
        pytest.param(
            "The idea of \u201ca bridge for every village in the valley\u201d won support.",
            id="not-a-speech-noun",
        ),
    ],
)
def test_scare_quotes_after_a_noun_stay_out(nlp, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text, {}) if q.kind == "partial"] == []
