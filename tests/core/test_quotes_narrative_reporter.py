"""Borrowed-speaker class read in the resolved-speaker set's dev split (issue 11, ninth
session): a cue-less quotation after narrative that reports a new speaker, in its own
paragraph, is that speaker's, not the speaker of the previous paragraph's quotation; with
the two resolutions it needs (a person's rep speaks for that person; a "she" after "a
spokeswoman said <person> would ..." is the spokeswoman). Examples are written for these
tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

PEOPLE = {
    "Tom Reed": "PERSON",
    "Dana Lowe": "PERSON",
    "Mark Hill": "PERSON",
    "Amy Chen": "PERSON",
    "Roy Vance": "PERSON",
    "Leeds City Council": "ORG",
}


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "“We were told nothing,” said Mark Hill, a union official.\n\n"
            "Tom Reed told reporters the plant would close in May. The decision affects 300 "
            "jobs. “We did everything we could to keep it open.”",
            "did everything",
            "Tom Reed",
            id="a-named-reporter-two-sentences-back",
        ),
        pytest.param(
            "“It was a good run,” said Mark Hill, the label's founder.\n\n"
            "Dana Lowe's rep told the paper the split was friendly. “She is already writing "
            "new songs.”",
            "already writing",
            "Dana Lowe",
            id="a-person's-rep-speaks-for-that-person",
        ),
        pytest.param(
            "“Ticket sales are up,” said Roy Vance, the festival director.\n\n"
            "A Leeds City Council spokeswoman said Amy Chen would stay on as manager. She said "
            "the date of next year's event was still to be decided. The event draws about "
            "20,000 visitors. “We hope to announce it soon.”",
            "announce it soon",
            "Leeds City Council",
            id="she-after-a-spokeswoman-who-reports-a-person",
        ),
        pytest.param(
            "“Ticket sales are up,” said Roy Vance, the festival director.\n\n"
            "A Leeds City Council spokeswoman said Amy Chen would stay on as manager.\n\n"
            "“We hope to announce the date soon,” she said.",
            "announce the date",
            "Leeds City Council",
            id="she-with-a-cue-after-a-spokeswoman-who-reports-a-person",
        ),
    ],
)
def test_narrative_reporter_speaks_the_next_quotation(
    nlp, text: str, contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, PEOPLE)) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        # Guards: what must not change.
        pytest.param(
            "“Ticket sales are up,” said Roy Vance, the festival director.\n\n"
            "Leeds City Council's spokeswoman, Amy Chen, said the date was still open.\n\n"
            "“We hope to announce the date soon,” she said.",
            "announce the date",
            "Amy Chen",
            id="guard-a-spokeswoman-named-beside-her-noun",
        ),
        pytest.param(
            "Tom Reed told reporters the plant would close in May.\n\n"
            "“We were told nothing,” said Mark Hill, a union official. “Not one letter.”",
            "Not one letter",
            "Mark Hill",
            id="guard-the-previous-quotation's-own-attribution",
        ),
        pytest.param(
            "“We were told nothing,” said Mark Hill, a union official.\n\n"
            "He said the closure, which reports suggested was planned, came without warning. "
            "“Not one letter reached us.”",
            "Not one letter",
            "Mark Hill",
            id="guard-a-relative-clause-subject-is-skipped",
        ),
    ],
)
def test_narrative_reporter_guards(nlp, text: str, contains: str, speaker: str) -> None:
    assert speaker_name(one_quote(nlp, text, contains, PEOPLE)) == speaker
