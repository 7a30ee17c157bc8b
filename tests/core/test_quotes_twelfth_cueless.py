"""Cue-less class read in the twelfth session (issue 11): a cue-less quotation that borrows
its speaker from a partial quotation whose reporting verb is coordinated with the
sentence's main verb and has no subject of its own ("She conceded there were “doubts”,
but said the council had weighed the “claims”. “…”"). By word order the speaker of "said"
would be the subject of the clause it reports (the council); the verb shares the subject
of the main verb it joins, and the cue-less quotation after it follows. Examples are
written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Ann Morley": "PERSON", "Tom Becket": "PERSON"}


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            'The mayor, Ann Morley, opened the meeting. She conceded there were "real '
            'doubts" about the road, but said the council had weighed the "competing '
            'claims" before its vote. "Nobody pretends this is easy."',
            "Nobody pretends",
            "Ann Morley",
            id="pronoun-subject-follower",
        ),
        pytest.param(
            'The mayor, Ann Morley, opened the meeting. She conceded there were "real '
            'doubts" about the road, but said the council had weighed the "competing '
            'claims" before its vote. "Nobody pretends this is easy."',
            "competing claims",
            "Ann Morley",
            id="pronoun-subject-partial",
        ),
        pytest.param(
            'Tom Becket admitted there were "serious concerns" among farmers, but said the '
            'board had studied the "local objections" with care. "We listened to everyone."',
            "We listened",
            "Tom Becket",
            id="named-subject-follower",
        ),
        pytest.param(
            'Ann Morley said she was "very proud" of the scheme, but said the decision to '
            'end it was "hard but necessary".',
            "hard but necessary",
            "Ann Morley",
            id="said-and-said",
        ),
        pytest.param(
            'Mr Becket conceded there had been "mistakes", but insisted the committee had '
            'reviewed the "wider picture" before deciding. "It was the right call."',
            "right call",
            "Becket",
            id="insisted-follower",
        ),
    ],
)
def test_a_coordinated_cue_verb_shares_the_main_subject(
    nlp, text: str, contains: str, speaker: str
) -> None:
    people = dict(_PEOPLE) if speaker != "Becket" else {"Becket": "PERSON"}
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            'Ann Morley praised the plan, but Tom Becket said it was "a costly mistake".',
            "costly mistake",
            "Tom Becket",
            id="coordinated-verb-with-its-own-subject",
        ),
        pytest.param(
            'Tom Becket said Ann Morley had "let the whole valley down".',
            "let the whole",
            "Tom Becket",
            id="reporter-not-the-reported-subject",
        ),
    ],
)
def test_a_cue_verb_with_its_own_subject_keeps_it(
    nlp, text: str, contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, dict(_PEOPLE))) == speaker
