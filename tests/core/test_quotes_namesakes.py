"""A bare surname two people of the article share, as a quote's speaker (issue 14's
cue-tied speakers: "Clinton said" given to the husband the article names last).

The entity resolver gives a lone surname to the namesake named most recently; these
tests build the mentions that way by hand (every bare surname is the latest namesake's)
and check that the speaker is the person the article follows, quotes, or titles.
Examples are written for these tests."""

from __future__ import annotations

import re

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes


def _namesake_mentions(text: str, people: list[str]) -> list[Mention]:
    """Full names as themselves; a bare surname (or first name) as its latest owner."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for name in people:
        for m in re.finditer(re.escape(name), text):
            mentions.append(Mention(f"ent:{name}", name, m.start(), m.end(), "PERSON"))
            taken.append((m.start(), m.end()))
    for word in sorted({w for name in people for w in name.split()}):
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            owners = [
                (x.start, x.entity_id)
                for x in mentions
                if x.start < m.start() and word in x.surface.split() and " " in x.surface
            ]
            if owners:
                owner = max(owners)[1]
                mentions.append(Mention(owner, word, m.start(), m.end(), "PERSON", rule="short"))
    return sorted(mentions, key=lambda x: x.start)


def _speaker(nlp, text: str, people: list[str], contains: str) -> str | None:
    doc = nlp(text)
    quotes = [
        q for q in extract_quotes(doc, _namesake_mentions(text, people)) if contains in q.text
    ]
    assert len(quotes) == 1, quotes
    q = quotes[0]
    return q.speaker_entity_id.removeprefix("ent:") if q.speaker_entity_id else None


PEOPLE = ["Joan Marsh", "Peter Marsh"]


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "Joan Marsh wants a second term as mayor. Joan has run the town for six years. "
            "Her brother, the retired judge Peter Marsh, sat in the front row. The hall was "
            "full long before the doors closed.\n\n"
            "“We will finish the bridge before the winter,” Marsh said.",
            "finish the bridge",
            "Joan Marsh",
            id="the-person-the-article-follows",
        ),
        pytest.param(
            "Joan Marsh and her brother Peter Marsh ran the appeal together.\n\n"
            "“We did it for the town,” Peter Marsh said.\n\n"
            "His sister Joan Marsh was not there on the day. The appeal raised £40,000 in "
            "a month, and the hall opened again in May.\n\n"
            "“It cost less than a new school,” Marsh said.",
            "less than a new school",
            "Peter Marsh",
            id="the-person-quoted-last",
        ),
        pytest.param(
            "Joan Marsh and Peter Marsh both spoke. Peter Marsh left early, and Peter "
            "thanked the crowd.\n\n“Nobody expected this result,” Mrs. Marsh said.",
            "Nobody expected",
            "Joan Marsh",
            id="a-gendered-title",
        ),
        pytest.param(
            # "Mrs. Marsh" given to him makes him look female to the pronoun: the
            # pronoun's gender picks among the namesakes as they are named in full
            "Joan Marsh and her husband Peter Marsh run the farm. Mrs. Marsh breeds the "
            "sheep.\n\n“We never sell a lamb in spring,” she said.",
            "never sell a lamb",
            "Joan Marsh",
            id="a-pronoun-gender",
        ),
    ],
)
def test_a_shared_surname_speaks_for_the_namesake_the_article_means(
    nlp, text: str, contains: str, speaker: str
) -> None:
    assert _speaker(nlp, text, PEOPLE, contains) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            # nothing tells them apart: the resolver's choice (the latest named) stands
            "Joan Marsh chairs the council. Peter Marsh runs the depot.\n\n"
            "“The roads will be gritted by six,” Marsh said.",
            "gritted by six",
            "Peter Marsh",
            id="a-tie-keeps-the-latest",
        ),
        pytest.param(
            # the article follows Joan, but the title names him
            "Joan Marsh wants a second term as mayor. Joan has run the town for six years. "
            "Her brother Peter Marsh sat in the front row.\n\n"
            "“I am proud of her,” Mr. Marsh said.",
            "proud of her",
            "Peter Marsh",
            id="a-title-beats-following",
        ),
        pytest.param(
            # "he" after a bare surname given to him: the article follows her, but the
            # pronoun says which namesake
            "Joan Marsh wants a second term as mayor. Joan has run the town for six years. "
            "Her brother Peter Marsh spoke after Marsh had left.\n\n"
            "“The bridge will be finished,” he said.",
            "bridge will be finished",
            "Peter Marsh",
            id="a-pronoun-beats-following",
        ),
        pytest.param(
            # quoted last, but the other namesake was named in full just before: the
            # latest named stands
            "Joan Marsh and her brother Peter Marsh ran the appeal together.\n\n"
            "“We did it for the town,” Peter Marsh said.\n\n"
            "At the meeting, Joan Marsh rebuffed a heckler.\n\n"
            "“You are very rude,” Marsh told him.",
            "very rude",
            "Joan Marsh",
            id="named-in-full-just-before",
        ),
        pytest.param(
            # one Marsh named in full: a bare surname is that person, whoever leads
            "Joan Marsh wants a second term. Joan has run the town for six years. Tom Reed "
            "sat in the front row.\n\n“We will finish the bridge,” Reed said.",
            "finish the bridge",
            "Tom Reed",
            id="no-namesake",
        ),
    ],
)
def test_a_shared_surname_keeps_its_person_when_nothing_says_otherwise(
    nlp, text: str, contains: str, speaker: str
) -> None:
    assert _speaker(nlp, text, [*PEOPLE, "Tom Reed"], contains) == speaker
