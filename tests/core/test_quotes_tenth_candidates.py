"""Speaker candidates the resolver did not consider (issue 11, tenth session).

Classes read in the resolved-speaker set's dev split (batches 1-8a); the examples are
written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Insurers said the losses were small. Allied Re said its exposure was limited.\n\n"
            "The Federation of Mountain Rescue Teams told reporters it needed more money.\n\n"
            "“We cannot reach every valley,” the aid agency said.",
            {"Allied Re": "ORG", "Federation of Mountain Rescue Teams": "ORG"},
            "every valley",
            "Federation of Mountain Rescue Teams",
            id="subject-inside-a-name-with-of",
        ),
        pytest.param(
            "Several banks have complained about the new rules, Allied Re among them.\n\n"
            "NRTA, the Council of Northern Rail Travel Associations, agrees. "
            "“The timetable is unworkable,” the organisation said in a statement.",
            {"Allied Re": "ORG", "Council of Northern Rail Travel Associations": "ORG"},
            "unworkable",
            "Council of Northern Rail Travel Associations",
            id="apposition-to-the-subject",
        ),
        pytest.param(
            "Allied Re reported a loss on Monday.\n\n"
            "Analysts at the Bank of Northern Scotland were not surprised by the figures.\n\n"
            "“The year was a hard one,” the company said.",
            {"Allied Re": "ORG", "Bank of Northern Scotland": "ORG"},
            "hard one",
            "Allied Re",
            id="a-name-that-ends-an-object-is-no-subject",
        ),
    ],
)
def test_a_name_whose_head_is_inside_it_is_a_subject(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "surface"),
    [
        pytest.param(
            "Ministers want fathers to share parental leave.\n\n"
            "The Shadow Secretary of State for Rural Affairs, Anna Pell, said: "
            "“This plan has not been costed.”",
            "not been costed",
            "Anna Pell",
            id="title-then-a-missed-name",
        ),
        pytest.param(
            "The rail strike entered its third day.\n\n"
            "The General Secretary of the Drivers Union, Tom Harker, said: "
            "“We will not go back until the offer improves.”",
            "go back",
            "Tom Harker",
            id="a-union-title-then-a-missed-name",
        ),
    ],
)
def test_a_name_apposed_to_a_title_speaks_when_the_recogniser_missed_it(
    nlp, text: str, contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, {})
    assert q.speaker_surface == surface
    assert q.speaker_entity_id is None
    assert q.unattributed_reason == "speaker_not_an_entity"


def test_an_apposed_name_without_a_given_name_is_not_a_person(nlp) -> None:
    text = (
        "The merger was approved on Monday.\n\n"
        "The Chief Executive of the group, Harbour Holdings, said: “We are delighted.”"
    )
    q = one_quote(nlp, text, "delighted", {})
    assert q.speaker_surface != "Harbour Holdings"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "A spokeswoman for the Rail Regulator said it was looking into the delays. "
            "Passengers have complained for weeks.\n\n"
            "“We expect the operator to publish a plan,” said the spokeswoman.",
            {"Rail Regulator": "ORG"},
            "publish a plan",
            "Rail Regulator",
            id="said-the-spokeswoman",
        ),
        pytest.param(
            "A Harbour Holdings spokesman confirmed the sale on Monday. The buyer was not "
            "named.\n\n“The price reflects the state of the market,” the spokesman added.",
            {"Harbour Holdings": "ORG"},
            "price reflects",
            "Harbour Holdings",
            id="the-spokesman-added",
        ),
        pytest.param(
            "A spokeswoman said the school would reopen on Monday.\n\n"
            "“Parents will be told by letter,” said the spokeswoman.",
            {},
            "by letter",
            None,
            id="an-introduction-for-nobody-stays-nominal",
        ),
    ],
)
def test_the_spokesperson_speaks_for_whom_the_article_introduced_them(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str | None
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker
    assert q.speaker_surface.lower().startswith("the spokes")


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Teachers have questioned the new exam timetable.\n\n"
            "The Schools Inspection Agency would not comment on the complaints.\n\n"
            "A spokeswoman said: “The timetable was agreed with head teachers.”",
            {"Schools Inspection Agency": "ORG"},
            "agreed with head teachers",
            "Schools Inspection Agency",
            id="the-body-that-opens-the-paragraph-before",
        ),
        pytest.param(
            "The Schools Inspection Agency published its report on Monday. Teachers "
            "questioned the timetable.\n\n"
            "A spokeswoman said: “The timetable was agreed with head teachers.”",
            {"Schools Inspection Agency": "ORG"},
            "agreed with head teachers",
            None,
            id="not-when-the-last-sentence-is-about-someone-else",
        ),
    ],
)
def test_a_bare_spokesperson_speaks_for_the_body_the_paragraph_before_ends_on(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str | None
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
