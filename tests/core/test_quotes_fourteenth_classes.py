"""Speaker classes of the resolved-speaker set's batch 11 dev half (issue 11, fourteenth
session): an unnamed spokesperson after a paragraph that names one organisation only, an
attribution whose verb the source left out (‹“…,” Mr Lee.›), and words a poster or a
cartoon shows someone saying (not speech). Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import assert_speaker, one_quote, quotes_of


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "One of the losing bidders, the shipping group Norvale, said it would look at "
            "the tender again.\n\n"
            "“If the sale is reopened we will bid,” a spokesman told the Daily Courier.",
            {"Norvale": "ORG", "Daily Courier": "ORG"},
            "ent:Norvale",
            id="the-one-organisation-of-the-paragraph-before-out-of-subject-position",
        ),
        pytest.param(
            "Shares in Brightwell Mills rose after the council backed the plan, and "
            "Brightwell Mills said it was pleased.\n\n"
            "“This is good news for the town,” a spokeswoman said.",
            {"Brightwell Mills": "ORG"},
            "ent:Brightwell Mills",
            id="one-organisation-named-twice",
        ),
    ],
)
def test_an_unnamed_spokesperson_speaks_for_the_one_organisation_before_her(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, "", people), speaker)


def test_two_organisations_in_the_paragraph_before_leave_the_spokesperson_unresolved(
    nlp,
) -> None:
    text = (
        "Talks between Norvale and the Harbour Board broke down on Friday over the fees.\n\n"
        "“We will not sign this,” a spokesman told the Daily Courier."
    )
    people = {"Norvale": "ORG", "Harbour Board": "ORG", "Daily Courier": "ORG"}
    q = one_quote(nlp, text, "not sign", people)
    assert q.speaker_entity_id is None, (q.speaker_entity_id, q.speaker_surface)


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Harbour Board expects fees to rise in the spring.\n\n"
            "“It may not be the worst year, but it will be a hard one,” Mr Pellow.",
            {"Harbour Board": "ORG", "Pellow": "PERSON"},
            "hard one",
            "ent:Pellow",
            id="title-and-surname-then-a-full-stop",
        ),
        pytest.param(
            "Prices fell again in May, the Retail Council said.\n\n"
            "“Shoppers are holding back for now,” Anna Voss. “They will return.”",
            {"Retail Council": "ORG", "Anna Voss": "PERSON"},
            "holding back",
            "ent:Anna Voss",
            id="a-full-name-then-a-full-stop",
        ),
    ],
)
def test_a_name_and_a_full_stop_after_a_comma_ended_quotation_is_its_speaker(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, contains, people), speaker)


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "“We had a plan,” said Lena Marsh. “It will slip.” Mr Pellow.",
            {"Lena Marsh": "PERSON", "Pellow": "PERSON"},
            "It will slip",
            id="a-quotation-that-ends-its-sentence",
        ),
        pytest.param(
            "“We had a plan,” said Lena Marsh. “It will slip,” Mr Pellow's deputy.",
            {"Lena Marsh": "PERSON", "Pellow": "PERSON"},
            "It will slip",
            id="a-name-that-does-not-end-the-words-before-the-stop",
        ),
    ],
)
def test_a_name_that_is_not_alone_before_the_full_stop_is_no_verbless_attribution(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id != "ent:Pellow", (q.speaker_entity_id, q.speaker_surface)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The advert shows Mr Pellow juggling oranges on a bridge, saying: "
            "“Every promise twice over.” It drew complaints.",
            id="a-poster-or-advert-shows-someone-saying",
        ),
        pytest.param(
            "A cartoon in the paper depicted the mayor waving a flag and shouting: "
            "“Build it all by Friday!” Readers laughed.",
            id="a-cartoon-depicts-someone-shouting",
        ),
    ],
)
def test_words_a_picture_shows_someone_saying_are_not_speech(nlp, text: str) -> None:
    people = {"Pellow": "PERSON"}
    assert [q.text for q in quotes_of(nlp, text, people) if q.kind == "direct"] == []


def test_a_film_showing_someone_speaking_keeps_the_quotation(nlp) -> None:
    text = (
        "The documentary shows Mr Pellow walking along the quay, saying: "
        "“Every boat here was built by my family.”"
    )
    q = one_quote(nlp, text, "Every boat", {"Pellow": "PERSON"})
    assert q.kind == "direct"
