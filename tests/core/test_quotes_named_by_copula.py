"""A person named by a copula with a role subject is followed like a subject (issue 11).

"The show's director is <Name>, best known for …" introduces the person the next "she
said" is about, though the name is no subject; the last speaker merely mentioned
before it is not. Only the main clause's "be" with a common-noun subject counts: a
name inside a reported clause ("<Name> said the director was <Name>") is talked
about. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

PERSON = "PERSON"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "“We open in May,” said Mona Reed, the producer.\n\n"
            "The show's director is Ann Vale, best known for a run of comedies. "
            "“It will be loud and bright,” she said.",
            {"Mona Reed": PERSON, "Ann Vale": PERSON},
            "loud and bright",
            "Ann Vale",
            id="role-subject-is-a-name",
        ),
        pytest.param(
            "“The bridge will reopen,” Tom Hale told the council.\n\n"
            "The engineer in charge is Ian Kerr, who built the first crossing. "
            "“We found no cracks,” he said.",
            {"Tom Hale": PERSON, "Ian Kerr": PERSON},
            "no cracks",
            "Ian Kerr",
            id="role-subject-with-a-relative-clause",
        ),
        pytest.param(
            "Mona Reed, the producer, said the director was Ann Vale. “It will be loud,” she said.",
            {"Mona Reed": PERSON, "Ann Vale": PERSON},
            "It will be loud",
            "Mona Reed",
            id="name-in-a-reported-clause",
        ),
    ],
)
def test_a_name_after_a_role_copula_is_followed(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
