"""The article's own pronouns say a person's gender before birth statistics do (issue 11).

Given-name statistics are US birth counts: a name that is mostly one sex there may be
the other's elsewhere, and the article itself says which ("<Name> has warned the final
will be his hardest test"). A "his"/"himself" or possessive "her"/"herself" in the
clause of which the person is the subject is that person's; an object "her", a pronoun
under a clause with a person subject of its own, or one after another person named in
between says nothing about them. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

PERSON = "PERSON"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Tom Hale named his squad on Monday.\n\n"
            "Kelly Brandt, the visiting captain, has warned the final will be his hardest "
            "test. He told reporters: “We are ready for anything.”",
            {"Tom Hale": PERSON, "Kelly Brandt": PERSON},
            "ready for anything",
            "Kelly Brandt",
            id="his-in-a-reported-clause",
        ),
        pytest.param(
            "Ann Price opened the new hall in May.\n\n"
            "Dale Carter, the youngest member of the council, put herself forward for the "
            "post. She said: “Someone had to do it.”",
            {"Ann Price": PERSON, "Dale Carter": PERSON},
            "Someone had to do it",
            "Dale Carter",
            id="reflexive-herself",
        ),
        pytest.param(
            "Mona Reed opened the meeting at noon.\n\n"
            "Evan Lloyd thanked her volunteers for a long season. “They never gave up,” "
            "she said.",
            {"Mona Reed": PERSON, "Evan Lloyd": PERSON},
            "never gave up",
            "Evan Lloyd",
            id="possessive-her",
        ),
    ],
)
def test_the_articles_own_pronoun_gives_the_gender(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Ann Price waited at home all week.\n\n"
            "Ryan Doyle told her the news on Friday. “It was a shock,” she said.",
            {"Ann Price": PERSON, "Ryan Doyle": PERSON},
            "It was a shock",
            "Ann Price",
            id="object-her-is-someone-else",
        ),
        pytest.param(
            "Mona Reed runs the youth side.\n\n"
            "Kelly Brandt said the coach had lost his temper in the second half. "
            "“We move on,” she said.",
            {"Mona Reed": PERSON, "Kelly Brandt": PERSON},
            "We move on",
            "Kelly Brandt",
            id="his-under-a-role-noun-subject",
        ),
        pytest.param(
            "Mona Reed runs the youth side.\n\n"
            "Kelly Brandt met Tom Hale on Monday and praised his courage. "
            "“He was brave,” she said.",
            {"Mona Reed": PERSON, "Kelly Brandt": PERSON, "Tom Hale": PERSON},
            "He was brave",
            "Kelly Brandt",
            id="his-after-another-person",
        ),
        pytest.param(
            "Tom Hale coached her for years.\n\n"
            "Ann Price runs again on Sunday. Ryan Doyle thinks the 41-year-old should lean on "
            "her experience. “She knows the course,” he said.",
            {"Tom Hale": PERSON, "Ann Price": PERSON, "Ryan Doyle": PERSON},
            "knows the course",
            "Ryan Doyle",
            id="her-under-an-age-subject",
        ),
    ],
)
def test_a_pronoun_that_may_be_someone_elses_says_nothing(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
