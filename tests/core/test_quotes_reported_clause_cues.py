"""A reporting verb inside a clause someone else reports is no cue for the quotation after
it, read in the seventeenth session (issue 11, resolved-speaker batch 14a's class "a
subject inside a reported clause taken as the speaker"; earlier members in 9a and 10a).

"<Name> argued that <group> must learn to <speech verb> <object>." before a cue-less
quotation: the previous-sentence rule ("X said in a statement. “…”") took the infinitive
for the sentence's report and the reported clause's subject for the speaker, and
the cue-less quotation after it borrowed the same. The verb that reports is the one whose
clause holds the other; the quotations are the reporter's. Examples are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Okoro": "PERSON", "Brandt": "PERSON"}


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "The league has grown fast. Ms Okoro argued that the coaches must now learn to "
            'explain the new rules clearly. "We were too slow to act. That has cost us." '
            '"Our job is the players now."',
            "too slow to act",
            "Okoro",
            id="infinitive-in-a-reported-clause",
        ),
        pytest.param(
            "The league has grown fast. Ms Okoro argued that the coaches must now learn to "
            'explain the new rules clearly. "We were too slow to act. That has cost us." '
            '"Our job is the players now."',
            "job is the players",
            "Okoro",
            id="cueless-follower-of-the-reported-clause",
        ),
        pytest.param(
            "The union met on Monday. Mr Brandt said that members wanted to tell managers "
            'the truth. "Nobody is listening to us."',
            "Nobody is listening",
            "Brandt",
            id="infinitive-with-two-objects",
        ),
        pytest.param(
            '"We are not finished yet," she said. Ms Okoro insisted that the board would '
            'tell shareholders soon. "The offer stands."',
            "offer stands",
            "Okoro",
            id="finite-verb-in-a-reported-clause",
        ),
        # controls: a bare report of the reporter's own sentence still introduces
        pytest.param(
            'The vote was close. Ms Okoro told reporters in Leeds. "It was a fair result."',
            "fair result",
            "Okoro",
            id="control-bare-report",
        ),
        pytest.param(
            'Mr Brandt, the union leader, said in a statement. "We will strike on Monday."',
            "strike on Monday",
            "Brandt",
            id="control-bare-report-with-apposition",
        ),
    ],
)
def test_reported_clause_verb_is_no_cue(
    nlp: Language, text: str, contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, _PEOPLE)) == speaker
