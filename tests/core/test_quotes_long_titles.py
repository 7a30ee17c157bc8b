"""A speaker named at the end of a long title or description (issue 11, tenth session).

British and wire copy puts a long title before the name: "said Tory shadow transport
secretary Helen Marsh", "according to media and PR strategist Dean Holt", "Radio Five
controller Ann Pryce:", "The chairman of the Bar Association, Guy Mansell QC warned". The
small model heads such a phrase at a modifier (the party, the channel, the first noun);
the person who closes the phrase speaks. Controls: a name after the title has ended (a
preposition, a new clause, an "and" with no title of its own) is not the speaker. Examples are
written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The party attacked the housing plans on Monday.\n\n"
            "“The small print tells another story,” said Tory shadow local transport "
            "secretary Helen Marsh.",
            {"Helen Marsh": "PERSON"},
            "small print",
            "Helen Marsh",
            id="party-and-office-before-the-name",
        ),
        pytest.param(
            "The labels signed the pledge last week.\n\n"
            "“Artists will keep their freedom of speech,” according to media and PR "
            "strategist Dean Holt, who advises the labels.",
            {"Dean Holt": "PERSON"},
            "freedom of speech",
            "Dean Holt",
            id="coordinated-title-after-according-to",
        ),
        pytest.param(
            "The show moves to a new channel in spring.\n\n"
            "Radio Five controller Ann Pryce: “It is an exciting new era for the show.”",
            {"Radio Five": "ORG", "Ann Pryce": "PERSON"},
            "exciting new era",
            "Ann Pryce",
            id="channel-and-role-before-a-colon-label",
        ),
        pytest.param(
            "Ministers defended the bill on Tuesday.\n\n"
            "The chairman of the Bar Association, Guy Mansell QC warned there was a real "
            "risk that young men on the “fringes” would be stopped. “Courts will grind to a halt within a "
            "year.”",
            # the recogniser typed the barrister as an organisation
            {"the Bar Association": "ORG", "Guy Mansell QC": "ORG"},
            "grind to a halt",
            "Guy Mansell QC",
            id="role-of-a-body-then-the-holder-in-apposition",
        ),
    ],
)
def test_the_person_closing_a_long_title_speaks(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "not_speaker"),
    [
        pytest.param(
            "“Rates will stay low this year,” said the head of Barclays in a letter to Ann Pryce.",
            {"Barclays": "ORG", "Ann Pryce": "PERSON"},
            "Rates will stay",
            "Ann Pryce",
            id="a-name-after-the-title-has-ended",
        ),
        pytest.param(
            "“Rates will stay low this year,” said the head of Barclays, and Ann Pryce agreed.",
            {"Barclays": "ORG", "Ann Pryce": "PERSON"},
            "Rates will stay",
            "Ann Pryce",
            id="a-name-in-the-next-clause",
        ),
        pytest.param(
            "“Rates will stay low this year,” said Barclays economist Tom Reid and Ann Pryce.",
            {"Barclays": "ORG", "Ann Pryce": "PERSON"},
            "Rates will stay",
            "Ann Pryce",
            id="a-name-after-and-with-no-title-of-its-own",
        ),
    ],
)
def test_a_name_that_does_not_close_the_title_does_not_speak(
    nlp, text: str, people: dict[str, str], contains: str, not_speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) != not_speaker
