"""Speaker class read in batch 9a of the resolved-speaker set (issue 11, tenth session):
a reporting participle whose understood subject is the object of the verb it hangs on
("The Times quoted Ann Lee as saying: …", "the documentary showed Mr Lee, apparently
talking about the budget, telling the meeting: …", "cameras caught him saying: …"): the
object speaks, not the paper, the film or the cameras (``rules/object_control_verbs.txt``).
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, quotes_of, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Clarion quoted Marta Voss as saying: “We will not sell the harbour.”",
            {"Marta Voss": "PERSON", "The Clarion": "ORG"},
            "sell the harbour",
            "Marta Voss",
            id="quoted-as-saying",
        ),
        pytest.param(
            "The newspaper quoted council leader Ann Lee as saying: “We will not sell the "
            "harbour.”",
            {"Ann Lee": "PERSON"},
            "sell the harbour",
            "Ann Lee",
            id="quoted-titled-name-as-saying",
        ),
        pytest.param(
            "Marta Voss spoke on Monday. “We will not sell the harbour,” the paper quoted "
            "her as saying.",
            {"Marta Voss": "PERSON"},
            "sell the harbour",
            "Marta Voss",
            id="quoted-her-as-saying-after",
        ),
        pytest.param(
            "A film shown on Monday showed Ivo Brandt, apparently talking about the budget, "
            "telling the meeting: “The harbour is not for sale.”",
            {"Ivo Brandt": "PERSON"},
            "not for sale",
            "Ivo Brandt",
            id="showed-name-aside-telling",
        ),
        pytest.param(
            "Cameras caught Ivo Brandt saying: “The harbour is not for sale.”",
            {"Ivo Brandt": "PERSON"},
            "not for sale",
            "Ivo Brandt",
            id="caught-name-saying",
        ),
    ],
)
def test_the_object_of_a_perception_or_quoting_verb_speaks_its_participle(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "Marta Voss issued a statement saying: “We will not sell the harbour.”",
            {"Marta Voss": "PERSON"},
            "Marta Voss",
            id="issued-a-statement-saying",
        ),
        pytest.param(
            "Marta Voss showed reporters the letter, saying: “We will not sell the harbour.”",
            {"Marta Voss": "PERSON"},
            "Marta Voss",
            id="showed-a-thing-saying",
        ),
        pytest.param(
            "Marta Voss said the figures showed profits rising, adding: “We will not sell "
            "the harbour.”",
            {"Marta Voss": "PERSON"},
            "Marta Voss",
            id="object-not-someone",
        ),
    ],
)
def test_an_object_that_names_no_one_leaves_the_subject_speaking(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    (q,) = quotes_of(nlp, text, people)
    assert speaker_name(q) == speaker
