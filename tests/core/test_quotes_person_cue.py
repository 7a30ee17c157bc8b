"""A person the article marks as one outranks a bare word typed as a person (issue 11).

The recogniser types films, shows, bands and brands as people ("Rock band <Band> won",
"<Film> tells the story of …"). Such a word is never marked as a person: no title,
role or gendered word before it, no given name, no verb giving its words, no "his"/"her"
of its own. When a "he"/"she" would go to it, the nearest candidate the article does
mark as a person takes it. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Vell directed the short film in a single week.\n\n"
            "“I had no money at all,” says Vell.\n\n"
            "Set in a seaside town, Gullwing follows a boy who loses his dog. "
            "“I just start with a picture in my head,” she explains.",
            {"Vell": "PERSON", "Gullwing": "PERSON"},
            "picture in my head",
            "Vell",
            id="film-subject-after-its-quoted-director",
        ),
        pytest.param(
            "Rock band Tinfoil topped the critics' list last year.\n\n"
            "Mara Quell, producer of a late-night music show, booked the group after one gig. "
            "“They played like it was a stadium,” she said.",
            {"Tinfoil": "PERSON", "Mara Quell": "PERSON"},
            "like it was a stadium",
            "Mara Quell",
            id="band-subject-before-a-producer-no-subject",
        ),
        pytest.param(
            "The ceremony was held in a converted warehouse.\n\n"
            "Singer Tom Brack thanked the crowd “for sticking with us”. "
            "Brightwater won the award for best new act. "
            "“It means everything,” he said.",
            {"Tom Brack": "PERSON", "Brightwater": "PERSON"},
            "It means everything",
            "Tom Brack",
            id="band-winner-after-a-singer",
        ),
    ],
)
def test_marked_person_outranks_a_bare_word(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        # Guards: a one-word surname with a person cue keeps the pronoun.
        pytest.param(
            "Tom Brack lost in four sets on Tuesday.\n\n"
            "Vell raised his game in the fourth set to win the match. "
            "“I kept calm this time,” he said.",
            {"Tom Brack": "PERSON", "Vell": "PERSON"},
            "kept calm",
            "Vell",
            id="surname-with-his-own-pronoun",
        ),
        pytest.param(
            "Tom Brack was sent off in the second half.\n\n"
            "Club midfielder Orrin scored twice before the break. "
            "“The manager trusted me,” he said.",
            {"Tom Brack": "PERSON", "Orrin": "PERSON"},
            "manager trusted me",
            "Orrin",
            id="surname-after-a-role-noun",
        ),
        pytest.param(
            "Tom Brack chaired the meeting on Monday.\n\n"
            "Vell said the plan would fail. "
            "“Nobody has read it,” he said.",
            {"Tom Brack": "PERSON", "Vell": "PERSON"},
            "Nobody has read it",
            "Vell",
            id="surname-subject-of-said-with-clause",
        ),
        pytest.param(
            "Critic Tom Brack reviewed the record.\n\n"
            "Ezra thanked the fans at the show. "
            "“We owe them everything,” he said.",
            {"Tom Brack": "PERSON", "Ezra": "PERSON"},
            "owe them everything",
            "Ezra",
            id="one-word-given-name-of-the-pronouns-gender",
        ),
        pytest.param(
            "Mara Quell met Tom Vellacott in the capital on Monday. "
            "Vellacott backed Quell's plan.\n\n"
            "“It is the only way,” he added.",
            {"Mara Quell": "PERSON", "Tom Vellacott": "PERSON", "Vellacott": "PERSON"},
            "only way",
            "Vellacott",
            id="surname-of-a-person-named-in-full",
        ),
        pytest.param(
            "Mara Quell was not at the launch.\n\n"
            "Tom Brack opened the new shop in the morning. "
            "“We waited years for this,” he said.",
            {"Mara Quell": "PERSON", "Tom Brack": "PERSON"},
            "waited years",
            "Tom Brack",
            id="named-in-full-subject",
        ),
    ],
)
def test_marked_bare_word_keeps_the_pronoun(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
