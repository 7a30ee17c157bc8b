"""Speaker classes read in batch 7 of the resolved-speaker set (issue 11, eighth session):
a spokesperson or a document whose organisation is named right before the noun ("the
Harbour Trust spokesman", "the HTB report", also where the report was introduced: "a
Harbour Trust report"), and a definite description whose capitalised modifier says which
holder of a role the article follows ("the Rovers chief", "the Welsh producer"), and a
quotation reported inside a speech ("you tell yourself: 'not my night'") whose "you" or
unpaired-quotation subject is no speaker for the quotations after it. Examples are
written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Harbour Trust met on Monday. Fees will rise next year.\n\n"
            "“We cannot keep the docks open on the old fees,” a Harbour Trust spokesman said.",
            {"Harbour Trust": "ORG"},
            "docks open",
            "Harbour Trust",
            id="spokesman-after-the-name",
        ),
        pytest.param(
            # The recogniser found "The HTB" in the first sentence and missed "HTB" later.
            "The HTB met on Monday, and the mayor, Ann Pryce, attended.\n\n"
            "“Fees will rise in April,” said the HTB spokeswoman.",
            {"The HTB": "ORG", "Ann Pryce": "PERSON"},
            "Fees will rise",
            "The HTB",
            id="a-name-the-recogniser-found-elsewhere",
        ),
        pytest.param(
            "The Harbour Trust Board (HTB) published its accounts on Monday.\n\n"
            "“Income fell by a fifth,” the HTB report said.",
            {"Harbour Trust Board": "ORG", "HTB": "ORG"},
            "Income fell",
            "Harbour Trust Board",  # the name its initials abbreviate (ninth session)
            id="report-of-the-named-body",
        ),
        pytest.param(
            "Ferry crossings fell by a third last year, according to a Harbour Trust report.\n\n"
            "Ann Pryce, the mayor, called the figures worrying.\n\n"
            "“Passenger numbers will not recover before 2030,” the report said.",
            {"Harbour Trust": "ORG", "Ann Pryce": "PERSON"},
            "Passenger numbers",
            "Harbour Trust",
            id="the-report-introduced-as-a-named-body's",
        ),
    ],
)
def test_a_spokesperson_or_report_speaks_for_the_organisation_named_before_it(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            # The name ends before "pool": the press pool's report, not the Harbour Trust's.
            "The Harbour Trust met on Monday.\n\n"
            "“The meeting ended early,” a Harbour Trust pool report said.",
            {"Harbour Trust": "ORG"},
            "meeting ended",
            None,
            id="a-word-between-the-name-and-the-noun",
        ),
        pytest.param(
            # Lower-case words are no organisation's name.
            "The Harbour Trust met on Monday.\n\n“We will appeal,” a former spokesman said.",
            {"Harbour Trust": "ORG"},
            "We will appeal",
            None,
            id="a-description-not-a-name",
        ),
    ],
)
def test_no_organisation_unless_its_name_is_right_before_the_noun(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str | None
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Rovers chairman Colin Tate said the club would not sell its captain.\n\n"
            "“He is going nowhere,” said the Rovers chief.",
            {"Colin Tate": "PERSON", "Rovers": "ORG"},
            "going nowhere",
            "Colin Tate",
            id="club-and-office",
        ),
        pytest.param(
            "Producer Dylan Morgan said the musical would open in Cardiff.\n\n"
            "“It will be worth the wait,” added the Welsh producer.",
            {"Dylan Morgan": "PERSON"},
            "worth the wait",
            "Dylan Morgan",
            id="nationality-and-occupation",
        ),
        pytest.param(
            "Captain Owen Price believes the side can still win the title.\n\n"
            "“There is no lack of belief in this squad,” said the Harlow full-back.",
            {"Owen Price": "PERSON", "Harlow": "ORG"},
            "lack of belief",
            "Owen Price",
            id="club-and-playing-position",
        ),
    ],
)
def test_a_description_with_a_capitalised_modifier_is_the_followed_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            # A nation's office is as often the other person's: left as written.
            "Governor Dan Reyes flew to the border talks on Friday.\n\n"
            "“We agreed on very little,” the Mexican president said.",
            {"Dan Reyes": "PERSON"},
            "agreed on very little",
            id="nationality-and-office",
        ),
        pytest.param(
            # An anonymous role is someone unnamed, not the person followed.
            "Colin Tate said the club would not sell its captain.\n\n"
            "“No offer has come in,” said the Rovers spokesman.",
            {"Colin Tate": "PERSON"},
            "No offer",
            id="anonymous-role",
        ),
    ],
)
def test_a_modified_description_that_may_be_someone_else_stays_as_written(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            'Ana Ruiz lost the first set badly. "I am 30," she said. "Some days you walk on '
            "court and you tell yourself: 'Today is going nowhere.' \"Then you dig in and "
            'you find a way back."',
            {"Ana Ruiz": "PERSON"},
            "you dig in",
            "Ana Ruiz",
            id="you-inside-a-speech",
        ),
        pytest.param(
            'Tom Hale spoke to the radio station. "It was a quiet week," he said. "Linesmen '
            "are now told to ask the captain 'shall we restart now?' \"If he agrees, "
            'the game simply goes on."',
            {"Tom Hale": "PERSON"},
            "game simply goes on",
            "Tom Hale",
            id="subject-inside-an-unpaired-quotation",
        ),
    ],
)
def test_a_quotation_reported_inside_a_speech_hands_on_the_speech_s_speaker(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


def test_an_unnamed_narrative_speaker_is_still_continued(nlp) -> None:
    text = '"It was a great night," one fan said. "We will all be back next year."'
    q = one_quote(nlp, text, "back next year", {})
    assert q.speaker_entity_id is None
    assert q.speaker_surface == "one fan"
