"""Speaker candidates the resolver did not consider (issue 11, eleventh session): a
definite description with an age or a nationality noun ("the 55-year-old Frenchman")
whose head the recogniser took for an organisation's name. Examples are written for
these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Pieter Smit has signed a new deal with the club. He said he was proud.\n\n"
            "The 34-year-old Dutchman told reporters: “I never wanted to leave.”",
            {"Pieter Smit": "PERSON", "Dutchman": "ORG"},
            "never wanted",
            "Pieter Smit",
            id="age-and-nationality-noun-typed-as-organisation",
        ),
        pytest.param(
            "Joana Reis, 29, won the final on Sunday. Her coach Tom Hart watched from the "
            "stands and praised the crowd.\n\n"
            "“It was the best day of my life,” the 29-year-old Brazilian said.",
            {"Joana Reis": "PERSON", "Tom Hart": "PERSON", "Brazilian": "ORG"},
            "best day",
            "Joana Reis",
            id="age-given-beside-the-name-earlier",
        ),
        pytest.param(
            "Mary Otieno crossed the line first in Boston.\n\n"
            "“The hills were hard,” said the Kenyan.",
            {"Mary Otieno": "PERSON", "Kenyan": "ORG"},
            "hills were hard",
            "Mary Otieno",
            id="bare-nationality-noun",
        ),
        pytest.param(
            "Sian Lloyd beat Mark Jones in the final set. Mark Jones said he was tired.\n\n"
            "“I kept believing,” said the 31-year-old Welshwoman.",
            {
                "Sian Lloyd": "PERSON",
                "Mark Jones": "PERSON",
                "Welshwoman": "ORG",
            },
            "kept believing",
            "Sian Lloyd",
            id="the-noun's-gender-agrees",
        ),
    ],
)
def test_an_aged_or_national_description_is_the_person_it_refers_back_to(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Tom Reid resigned on Friday.\n\n"
            "“He had lost the room,” The Australian said in an editorial.",
            {"Tom Reid": "PERSON", "The Australian": "ORG"},
            "lost the room",
            "The Australian",
            id="a-newspaper-named-with-its-article",
        ),
        pytest.param(
            "Tom Reid resigned on Friday.\n\n“He had lost the room,” the Germans said.",
            {"Tom Reid": "PERSON", "Germans": "ORG"},
            "lost the room",
            "Germans",
            id="a-plural-people",
        ),
    ],
)
def test_a_name_or_a_people_is_no_description_of_one_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker", "surface"),
    [
        pytest.param(
            "The plan was dropped on Tuesday.\n\n"
            "A Department for Roads and Bridges spokesman said: “We will look again.”",
            {"Department for Roads": "ORG"},
            "look again",
            "Department for Roads",
            None,
            id="the-recogniser-cut-the-name-short",
        ),
        pytest.param(
            "The plan was dropped on Tuesday.\n\n"
            "A Department for Roads, Rail and Ports spokeswoman said: “We will look again.”",
            {},
            "look again",
            None,
            "Department for Roads, Rail and Ports",
            id="the-recogniser-missed-the-name",
        ),
        pytest.param(
            "The Greens lost two seats in the vote.\n\n"
            "A Green spokeswoman said: “We will look again.”",
            {"Greens": "ORG"},
            "look again",
            "Greens",
            None,
            id="a-party-named-by-its-members",
        ),
        pytest.param(
            "A Department for Roads and Bridges spokeswoman said the plan was over. "
            "She added: “We will look again.”",
            {"Department for Roads": "ORG"},
            "look again",
            "Department for Roads",
            None,
            id="she-continues-the-spokeswoman",
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_capitalised_name_before_the_noun(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str | None, surface: str | None
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker
    if surface is not None:
        assert q.speaker_surface == surface


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "The plan was dropped on Tuesday.\n\n"
            "A Scotland Yard spokesman said: “We will look again.”",
            {},
            "look again",
            id="no-organisation-noun-in-the-name",
        ),
        pytest.param(
            "Ann Lee met the Greens on Tuesday.\n\n"
            "A Green Lane spokesman said: “We will look again.”",
            {"Ann Lee": "PERSON", "Greens": "ORG"},
            "look again",
            id="two-words-are-no-party",
        ),
    ],
)
def test_capitalised_words_that_name_no_body_leave_the_spokesperson_nominal(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    assert one_quote(nlp, text, contains, people).speaker_entity_id is None


def test_a_statement_the_parse_hung_on_the_paragraph_before_is_the_same_channel_again(
    nlp,
) -> None:
    # A paragraph that ends without a full stop, as page text often does: the parse runs
    # on into the next paragraph and hangs its "The statement" on a word of this one.
    text = (
        "Harbour Records issued a statement on Monday after Ann Lee accused the label "
        "of blocking her songs at the Grammys\n\n"
        "The statement, obtained by Billboard, claimed the two sides had agreed.\n\n"
        "“Artists need no approval to sing live,” the statement continued."
    )
    people = {"Harbour Records": "ORG", "Ann Lee": "PERSON"}
    assert speaker_name(one_quote(nlp, text, "sing live", people)) == "Harbour Records"
