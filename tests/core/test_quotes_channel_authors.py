"""Channels and documents as speakers (issue 11, speaker class 3, fifteenth session).

A statement or report does not speak; its author does. Two gaps: a body whose name the
recogniser missed ("the <Name>" as a reporting verb's subject) speaks for the "it" and "the
statement" that follow it, a company the recogniser typed as a person (named after its
founder) is the "it" a reporter uses right after it reported, and a report the article never introduced, cued right after an
organisation's quotation in the same paragraph, is that organisation's. Examples are written
for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "surface"),
    [
        pytest.param(
            "The Harbour Lane cafe plans a late licence. In a statement the HCPS said it "
            "had concerns about noise.\n\n"
            "“Residents deserve quiet nights,” it said.",
            {"Harbour Lane": "ORG"},
            "quiet nights",
            "the HCPS",
            id="it-after-an-unrecognised-body",
        ),
        pytest.param(
            "The Harbour Lane cafe plans a late licence. In a statement the HCPS said it "
            "had concerns about noise. “Residents deserve quiet nights,” said the statement.",
            {"Harbour Lane": "ORG"},
            "quiet nights",
            "the HCPS",
            id="the-statement-of-an-unrecognised-body",
        ),
    ],
)
def test_a_body_the_recogniser_missed_speaks_for_its_statement(
    nlp, text: str, people: dict[str, str], contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None
    assert q.speaker_surface == surface


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "The Harbour Lane cafe plans a late licence. In a statement the HCPS said it "
            "had concerns. Tom Reid said he backed the cafe.\n\n"
            "“We will open on Sunday,” it said.",
            {"Harbour Lane": "ORG", "Tom Reid": "PERSON"},
            "open on Sunday",
            id="a-later-speaker-ends-its-turn",
        ),
    ],
)
def test_an_unrecognised_body_does_not_outlast_a_later_speaker(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    assert one_quote(nlp, text, contains, people).speaker_surface != "the HCPS"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Tarn Fund said exports would fall. “The damage is wide,” the Tarn Fund "
            "said. Ports are closed. “Farming will suffer,” the report said.",
            {"Tarn Fund": "ORG"},
            "Farming will suffer",
            "Tarn Fund",
            id="report-after-the-body's-quotation",
        ),
    ],
)
def test_an_unintroduced_report_is_the_body_just_quoted(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "Ann Lee said exports would fall. “The damage is wide,” Ann Lee said. "
            "“Farming will suffer,” the report said.",
            {"Ann Lee": "PERSON"},
            "Farming will suffer",
            id="a-person-quoted-before",
        ),
        pytest.param(
            "The Tarn Fund said exports would fall. “The damage is wide,” the Tarn Fund "
            "said.\n\nPorts are closed. “Farming will suffer,” the report said.",
            {"Tarn Fund": "ORG"},
            "Farming will suffer",
            id="another-paragraph",
        ),
        pytest.param(
            "A report on the ports was leaked to a newspaper. The Tarn Fund said exports "
            "would fall. “The damage is wide,” the Tarn Fund said. “Farming will suffer,” "
            "the report said.",
            {"Tarn Fund": "ORG"},
            "Farming will suffer",
            id="a-report-introduced-without-an-author",
        ),
    ],
)
def test_a_report_stays_unattributed_without_its_body(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None
    assert q.unattributed_reason == "channel_without_author"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Profits rose at lender Harbour Trust and builder Tom Okafor.\n\n"
            "Okafor said sales had slowed in the autumn. “Buyers waited for spring,” it added.",
            {"Harbour Trust": "ORG", "Tom Okafor": "PERSON", "Okafor": "PERSON"},
            "Buyers waited",
            "Okafor",
            id="it-after-a-company-typed-as-a-person",
        ),
    ],
)
def test_it_after_a_person_typed_reporting_subject_is_that_company(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "Profits rose at lender Harbour Trust.\n\n"
            "Mr Okafor said sales had slowed in the autumn. “Buyers waited for spring,” it added.",
            {"Harbour Trust": "ORG", "Okafor": "PERSON"},
            "Buyers waited",
            id="a-titled-person",
        ),
        pytest.param(
            "Profits rose at lender Harbour Trust. Okafor said sales had slowed.\n\n"
            "“Buyers waited for spring,” it added.",
            {"Harbour Trust": "ORG", "Okafor": "PERSON"},
            "Buyers waited",
            id="another-paragraph",
        ),
    ],
)
def test_it_keeps_its_organisation_after_a_person(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == "Harbour Trust"
