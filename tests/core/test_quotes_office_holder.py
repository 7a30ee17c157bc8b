"""Nominal class read in the fourteenth session (issue 11): an office title refers back to
the person the story has not left ("“…,” Mr Becket told the conference. He said … “…,” the
president said"). Only unbroken continuity counts: the person a pronoun would take is the
last speaker and the nearest person named, and the title word does not occur between
them (someone else holding that office), and the article gives the title by name to
nobody else ("Sen. Ann Morley … “…?” Tom Becket asked. “…,” the senator said": in an
exchange the office is the other party). The speaker as written stays the title.
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Tom Becket": "PERSON", "Ann Morley": "PERSON"}


@pytest.mark.parametrize(
    ("text", "contains", "surface"),
    [
        pytest.param(
            '"Everything was done by the rules," Tom Becket told his annual press conference. '
            'He said the old system had failed the country. "The state is simply protecting '
            'its citizens. I think this is quite normal," the Ruritanian president said.',
            "The state is",
            "the Ruritanian president",
            id="nationality-and-title",
        ),
        pytest.param(
            '"Everything was done by the rules," Tom Becket told his annual press conference. '
            'He said the old system had failed the country. "The state is simply protecting '
            'its citizens," the president said.',
            "The state is",
            "the president",
            id="bare-title",
        ),
        pytest.param(
            'The world faces a "pressing challenge", Tom Becket warned. The prime minister '
            'also urged the assembly to "build a new partnership" with its neighbours.',
            "build a new",
            "The prime minister",
            id="title-opens-the-next-sentence",
        ),
    ],
)
def test_an_office_title_refers_back_to_the_followed_speaker(
    nlp, text: str, contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, _PEOPLE)
    assert speaker_name(q) == "Tom Becket"
    assert q.speaker_surface == surface


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        pytest.param(
            '"The talks were difficult but honest," Tom Becket said. Ann Morley said the '
            'president had misled voters. "That is simply untrue," the president said.',
            "simply untrue",
            id="another-person-named-since",
        ),
        pytest.param(
            '"The talks were difficult but honest," Tom Becket said on Monday after meeting '
            'the president. "We have made progress," the president said.',
            "made progress",
            id="title-given-to-someone-else-since",
        ),
        pytest.param(
            'Tom Becket met the president in the capital on Monday. "We talked about '
            'trade," the president said.',
            "talked about",
            id="nobody-spoke-before",
        ),
    ],
)
def test_an_office_title_without_continuity_stays_nominal(nlp, text: str, contains: str) -> None:
    q = one_quote(nlp, text, contains, _PEOPLE)
    assert q.speaker_entity_id is None
    assert q.speaker_surface == "the president"


def test_the_title_given_by_name_to_the_other_party(nlp) -> None:
    # In an exchange the office is the other party: never the last speaker; since the
    # sixteenth session the one person the article gives the title by name takes it.
    text = (
        'Ruritanian President Ann Morley joined the radio phone-in on Monday. "Will you '
        'stand again?" Tom Becket asked. "That would be me, yes," the president said.'
    )
    q = one_quote(nlp, text, "That would be", _PEOPLE)
    assert speaker_name(q) == "Ann Morley"
    assert q.speaker_surface == "the president"
