"""Speaker class read in batch 8 of the resolved-speaker set (issue 11, ninth session), with
first-sight errors of batches 6 and 7 of the same class: a speaker written as initials of a
name the article gives in full ("DJ, also known as Dana Jordan", "an FA statement" after "The
Football Association", "B&B" after "Bradford & Bingley") is that person or organisation.
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Mark Tully, known to his fans as MT, opened the show on Friday.\n\n"
            "“I never thought I would play here,” MT says.",
            {"Mark Tully": "PERSON", "MT": "PERSON"},
            "never thought",
            "Mark Tully",
            id="a-person's-initials",
        ),
        pytest.param(
            "The Rugby Football Union has fined the club.\n\n"
            "“It was a serious breach of the rules,” said an RFU statement.",
            {"Rugby Football Union": "ORG"},
            "serious breach",
            "Rugby Football Union",
            id="initials-before-a-channel-noun",
        ),
        pytest.param(
            "Marks & Spencer reported its figures on Tuesday.\n\n"
            "“Sales of food rose by a tenth,” M&S said.",
            {"Marks & Spencer": "ORG", "M&S": "ORG"},
            "Sales of food",
            "Marks & Spencer",
            id="initials-with-an-ampersand",
        ),
        pytest.param(
            "Jane Kerr and James King founded the band in 1999.\n\n"
            "“We still rehearse every day,” JK said.",
            {"Jane Kerr": "PERSON", "James King": "PERSON", "JK": "PERSON"},
            "still rehearse",
            "JK",
            id="two-names-with-those-initials-stay-as-written",
        ),
        pytest.param(
            "The BBC said the programme would return in May.\n\n"
            "“The series has been a great success,” a BBC spokesman said.",
            {"BBC": "ORG"},
            "great success",
            "BBC",
            id="initials-of-no-name-in-the-article-stay",
        ),
    ],
)
def test_initials_speak_as_the_name_they_abbreviate(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
