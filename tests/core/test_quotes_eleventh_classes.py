"""Speaker class read in batch 10a of the resolved-speaker set (issue 11, eleventh session):
a reporting verb whose sentence lost its subject ("Ann Lee told the Herald she had not read
it. But told the radio: …"). The noun after "told" is the person addressed, never the
speaker (``rules/addressee_verbs.txt``), and a finite verb that opens its sentence with no
subject shares the subject of the sentence before. Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "Marta Voss told the Herald she had not seen the plan. But told Radio Five: "
            "“We will not sell the harbour.”",
            {"Marta Voss": "PERSON", "Herald": "ORG", "Radio Five": "ORG"},
            "Marta Voss",
            id="but-told-outlet",
        ),
        pytest.param(
            "Ivo Brandt spoke to the Courier on Monday. And told the Gazette: “We will not "
            "sell the harbour.”",
            {"Ivo Brandt": "PERSON", "Courier": "ORG", "Gazette": "ORG"},
            "Ivo Brandt",
            id="and-told-outlet",
        ),
        pytest.param(
            "Marta Voss arrived late at the hall. She told the Herald she was tired. But told "
            "Radio Five: “We will not sell the harbour.”",
            {"Marta Voss": "PERSON", "Herald": "ORG", "Radio Five": "ORG"},
            "Marta Voss",
            id="subject-before-is-a-pronoun",
        ),
    ],
)
def test_a_cue_verb_with_no_subject_shares_the_subject_before(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, "sell the harbour", people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "not_speaker"),
    [
        pytest.param(
            "But told Radio Five: “We will not sell the harbour.”",
            {"Radio Five": "ORG"},
            "Radio Five",
            id="told-outlet-opening-the-text",
        ),
        pytest.param(
            "And told the Gazette: “We will not sell the harbour.”",
            {"Gazette": "ORG"},
            "Gazette",
            id="and-told-outlet-opening-the-text",
        ),
    ],
)
def test_the_outlet_a_subjectless_told_addresses_is_not_the_speaker(
    nlp, text: str, people: dict[str, str], not_speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, "sell the harbour", people)) != not_speaker


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "“We will not sell the harbour,” said Marta Voss.",
            {"Marta Voss": "PERSON"},
            "Marta Voss",
            id="said-inverts",
        ),
        pytest.param(
            "Ivo Brandt spoke on Monday. “We will not sell the harbour,” added Marta Voss.",
            {"Ivo Brandt": "PERSON", "Marta Voss": "PERSON"},
            "Marta Voss",
            id="added-inverts",
        ),
        pytest.param(
            "Ivo Brandt spoke on Monday. Marta Voss told Radio Five: “We will not sell the "
            "harbour.”",
            {"Ivo Brandt": "PERSON", "Marta Voss": "PERSON", "Radio Five": "ORG"},
            "Marta Voss",
            id="told-with-its-subject",
        ),
    ],
)
def test_a_speaker_of_its_own_is_kept(nlp, text: str, people: dict[str, str], speaker: str) -> None:
    assert speaker_name(one_quote(nlp, text, "sell the harbour", people)) == speaker
