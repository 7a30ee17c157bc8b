"""A person already quoted, named alone out of subject position (issue 11, pronoun cues).

"But that was not enough for <Name>.", "…, according to the bank's <Name>. But he
warned …", "In <Name>'s case, she stayed …": the latest sentence before "he said" names
one person only, as an object, a source or an owner, and nobody acts in it who could
be the one speaking; the paragraph has turned back to that person, whom the article
quoted before. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

PERSON = "PERSON"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "“We are worried about the currency,” Tom Pell said.\n\n"
            "The remarks came a day after Ian Hale said a strong currency was “in the "
            "national interest”. But that was not enough for Tom Pell.\n\n"
            "“If they want it weaker, they should say so,” he said.",
            {"Tom Pell": PERSON, "Ian Hale": PERSON},
            "should say so",
            "Tom Pell",
            id="object-of-a-preposition",
        ),
        pytest.param(
            "“The offer is fair,” Tom Pell said.\n\n"
            "“Prices will fall,” Ian Hale told reporters. A sale could double the price, "
            "according to the bank's Tom Pell. But he warned that the board could refuse. "
            "“They may simply wait,” he said.",
            {"Tom Pell": PERSON, "Ian Hale": PERSON},
            "simply wait",
            "Tom Pell",
            id="source-of-according-to",
        ),
        pytest.param(
            "“I walked for two days,” Mona Reed said.\n\n"
            "Anna Vale, a nurse at the clinic, said the ward was full. "
            "“We have no fuel left,” she said.\n\n"
            "In Mona Reed's case, she decided to stay near her son. "
            "“I am afraid for him,” she continued.",
            {"Mona Reed": PERSON, "Anna Vale": PERSON},
            "afraid for him",
            "Mona Reed",
            id="owner-in-a-fronted-phrase",
        ),
    ],
)
def test_a_quoted_person_named_alone_takes_the_pronoun(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "“The offer is fair,” Tom Pell said.\n\n"
            "“We need more time,” Ian Hale said. He thanked Tom Pell for his patience. "
            "“We will decide soon,” he said.",
            {"Tom Pell": PERSON, "Ian Hale": PERSON},
            "decide soon",
            "Ian Hale",
            id="pronoun-subject-before-the-name",
        ),
        pytest.param(
            "“The offer is fair,” Tom Pell said.\n\n"
            "“We need more time,” Ian Hale said. The defender believes the club still "
            "wants Tom Pell. “He will stay,” he said.",
            {"Tom Pell": PERSON, "Ian Hale": PERSON},
            "He will stay",
            "Ian Hale",
            id="role-noun-subject",
        ),
        pytest.param(
            "“We need more time,” Ian Hale said. The award went to Tom Pell last year. "
            "“We will win it back,” he said.",
            {"Tom Pell": PERSON, "Ian Hale": PERSON},
            "win it back",
            "Ian Hale",
            id="never-quoted-before",
        ),
    ],
)
def test_guards_keep_the_speaker_the_paragraph_follows(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
