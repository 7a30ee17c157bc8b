"""Speaker class read in the fourteenth session (issue 11, speakers that cannot speak): the
parse puts the found subject inside a relative clause that describes the real speaker.

- A cue verb the parse left without a subject, after "a council official who spoke
  anonymously to discuss budget talks": word order finds the noun right before the verb,
  an object inside the relative clause ("budget talks"); the noun the clause describes
  speaks.
- A reporting participle the parse hung on a relative clause ("The group - whose second
  album was a hit - thanked fans, adding: “…”"): that clause's "whose X" subject is the
  group's thing; the group speaks.

A relative clause that holds the cue verb itself keeps its own subject ("Ann Lee, whose
company said profits fell"). Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "contains", "surface"),
    [
        pytest.param(
            "While there is no formal link with the union's leaders, a factory manager who "
            'spoke privately to discuss staffing levels said Friday, "We talk to them every '
            'week."',
            "We talk",
            "a factory manager",
            id="spoke-privately-to-discuss",
        ),
        pytest.param(
            "Although there is no such overlap with the governor's staff, a county aide who "
            "spoke on condition of anonymity to discuss budget talks said Thursday, "
            '"Both sides want a deal."',
            "Both sides",
            "a county aide",
            id="condition-of-anonymity",
        ),
    ],
)
def test_a_noun_inside_a_relative_clause_yields_to_the_noun_it_describes(
    nlp, text: str, contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, {})
    assert q.speaker_surface == surface


def test_a_whose_subject_yields_to_the_noun_the_clause_describes(nlp) -> None:
    text = (
        "The Harbour Lights played three encores. The group - whose second album was last "
        'year\'s surprise hit - thanked "every single fan", adding: "We owe you everything."'
    )
    q = one_quote(nlp, text, "We owe", {"Harbour Lights": "ORG"})
    assert q.speaker_surface == "The group"
    assert speaker_name(q) == "Harbour Lights"


@pytest.mark.parametrize(
    ("text", "contains", "people", "speaker"),
    [
        pytest.param(
            "Tom Becket, whose family farm was sold last spring, spoke at the meeting, "
            'adding: "We were never asked."',
            "never asked",
            {"Tom Becket": "PERSON"},
            "Tom Becket",
            id="whose-clause-beside-the-subject",
        ),
        pytest.param(
            'Ann Morley, whose company said profits had fallen, was calm. "We will recover," '
            "she said.",
            "We will recover",
            {"Ann Morley": "PERSON"},
            "Ann Morley",
            id="pronoun-after-a-whose-clause",
        ),
    ],
)
def test_a_speaker_named_beside_a_relative_clause_keeps_it(
    nlp, text: str, contains: str, people: dict[str, str], speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
