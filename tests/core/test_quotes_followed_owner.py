"""The person a clause is about, named as its subject's owner, carries a pronoun chain
(issue 11, batch 5 of the resolved-speaker set): "Okafor's future at Rovers has been the
subject of talk. … “…,” he said" is Okafor, not a club the parse made a subject or the
recogniser typed as a person. Examples are written for these tests."""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes


def _mentions(text: str, forms: dict[str, tuple[str, str]]) -> list[Mention]:
    """Every occurrence of each surface as a mention of (entity, type): short forms of a
    name share its entity, as the resolver would link them."""
    out = []
    for surface, (entity, kind) in forms.items():
        start = text.find(surface)
        while start != -1:
            end = start + len(surface)
            # a longer form already holds this occurrence ("Okafor" inside "Daniel Okafor")
            if not any(m.start <= start and end <= m.end for m in out):
                out.append(Mention(f"ent:{entity}", surface, start, end, kind))
            start = text.find(surface, end)
    return sorted(out, key=lambda m: m.start)


def _speaker(nlp, text: str, forms: dict[str, tuple[str, str]], contains: str) -> str | None:
    quotes = [q for q in extract_quotes(nlp(text), _mentions(text, forms)) if contains in q.text]
    assert len(quotes) == 1, quotes
    eid = quotes[0].speaker_entity_id
    return eid.removeprefix("ent:") if eid else None


# Longest forms first, so the short form inside a full name is not a second mention.
OKAFOR = {
    "Daniel Okafor": ("Daniel Okafor", "PERSON"),
    "Okafor": ("Daniel Okafor", "PERSON"),
    "Aston Park": ("Aston Park", "PERSON"),  # a club the recogniser typed as a person
    "Rovers": ("Rovers", "ORG"),
}


@pytest.mark.parametrize(
    ("text", "forms", "contains", "speaker"),
    [
        pytest.param(
            "Rovers have rejected a bid for Daniel Okafor.\n\n"
            "Okafor's future at Rovers has been the subject of talk for weeks. However, "
            "strong displays against Hartlepool and Aston Park have pleased the fans. "
            "“The crowd were brilliant to me,” he said.",
            OKAFOR,
            "crowd were brilliant",
            "Daniel Okafor",
            id="owner-of-the-subject-beats-a-club-before-an-auxiliary",
        ),
        pytest.param(
            "The federation has appointed Maria Castell as head coach.\n\n"
            "Castell's arrival ends a search of five months. "
            "The 48-year-old said: “I am thrilled to be here.”",
            {
                "Maria Castell": ("Maria Castell", "PERSON"),
                "Castell": ("Maria Castell", "PERSON"),
            },
            "thrilled",
            "Maria Castell",
            id="owner-of-the-subject-is-the-described-person",
        ),
    ],
)
def test_the_owner_of_a_clause_subject_is_the_followed_person(
    nlp, text: str, forms: dict[str, tuple[str, str]], contains: str, speaker: str
) -> None:
    assert _speaker(nlp, text, forms, contains) == speaker


def test_a_one_word_owner_is_not_taken_for_the_followed_person(nlp) -> None:
    # "Universal's music division": a company the recogniser typed as a person, named
    # with one word only, does not take the pronoun from the person the article follows.
    text = (
        "Tom Harker spent a year on the soundtrack.\n\n"
        "Harker said the last song came late. Universal's music division sent demos, "
        "but none of them worked. “It grabbed me at once,” he said."
    )
    forms = {
        "Tom Harker": ("Tom Harker", "PERSON"),
        "Harker": ("Tom Harker", "PERSON"),
        "Universal": ("Universal", "PERSON"),
    }
    assert _speaker(nlp, text, forms, "grabbed me") == "Tom Harker"


def test_a_name_before_an_auxiliary_with_its_own_subject_is_no_subject(nlp) -> None:
    # "displays against Hartlepool and Aston Park have pleased": "have" belongs to
    # "pleased", whose subject is "displays"; the club is the object of "against".
    text = (
        "Sam Idris scored twice on Saturday.\n\n"
        "Recent displays against Hartlepool and Aston Park have pleased the fans. "
        "“We are on our way,” he said."
    )
    forms = {
        "Sam Idris": ("Sam Idris", "PERSON"),
        "Aston Park": ("Aston Park", "PERSON"),
    }
    assert _speaker(nlp, text, forms, "on our way") == "Sam Idris"
