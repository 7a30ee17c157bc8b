"""Non-pronoun speakers (issue 11, twenty-first session): channels and the outlet's staff.

A channel speaks for whoever issued it, also when a participle names the author ("a report
published by X", "a letter signed by X"); a channel repeated paragraph after paragraph
("the statement continued") keeps its introduction in reach; "our correspondent" is the
one journalist the article named with that noun. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "author"),
    [
        pytest.param(
            "Prices rose in May. “Rents will rise again next year,” according to a report "
            "published by the Harbour Institute.",
            {"Harbour Institute": "ORG"},
            "Rents will rise",
            "Harbour Institute",
            id="report-published-by",
        ),
        pytest.param(
            "The council met on Monday. A letter signed by Tom Reid said: “We cannot accept "
            "the plan.”",
            {"Tom Reid": "PERSON"},
            "cannot accept",
            "Tom Reid",
            id="letter-signed-by",
        ),
        pytest.param(
            "The case was dropped. “There is not enough evidence to go on,” according to a "
            "court filing submitted by the Vale County prosecutor Ann Lee.",
            {"Ann Lee": "PERSON"},
            "not enough evidence",
            "Ann Lee",
            id="filing-submitted-by",
        ),
    ],
)
def test_the_agent_of_a_participle_that_issues_a_channel_is_its_author(
    nlp, text: str, people: dict[str, str], contains: str, author: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == author


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "The council met on Monday. “The plan is flawed,” according to a memo obtained "
            "by the Harbour Gazette.",
            {"Harbour Gazette": "ORG"},
            "plan is flawed",
            id="obtained-by-is-the-recipient",
        ),
        pytest.param(
            "The council met on Monday. “The plan is flawed,” according to a report "
            "commissioned by the Harbour Trust.",
            {"Harbour Trust": "ORG"},
            "plan is flawed",
            id="commissioned-by-is-not-the-author",
        ),
    ],
)
def test_an_agent_who_only_received_or_ordered_the_channel_does_not_speak(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None


def test_a_repeated_channel_keeps_its_introduction_in_reach(nlp) -> None:
    text = (
        "Ann Lee sued the label in May.\n\n"
        "Acme Records denied the claims in a statement posted online.\n\n"
        "“We were shocked by the claims,” the statement read.\n\n"
        "“We acted fairly at every step,” the statement continued.\n\n"
        "The row began in April when the band left.\n\n"
        "“We hope to settle this quietly,” the statement concluded."
    )
    people = {"Acme Records": "ORG", "Ann Lee": "PERSON"}
    for contains in ("shocked", "acted fairly", "settle this"):
        q = one_quote(nlp, text, contains, people)
        assert speaker_name(q) == "Acme Records", contains
        assert q.speaker_surface == "the statement"


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "Tom Reid will speak to the party on Friday.\n\nBefore the speech, BBC "
            "correspondent Ann Lee said Mr Reid would stress the economy. “He will talk "
            "about jobs above all,” our correspondent said.",
            {"Tom Reid": "PERSON", "Ann Lee": "PERSON"},
            "Ann Lee",
            id="our-correspondent",
        ),
        pytest.param(
            "Tom Reid will speak to the party on Friday.\n\nBefore the speech, political "
            "editor Ann Lee said Mr Reid would stress the economy. “He will talk about jobs "
            "above all,” said our political editor.",
            {"Tom Reid": "PERSON", "Ann Lee": "PERSON"},
            "Ann Lee",
            id="our-political-editor",
        ),
        pytest.param(
            "Tom Reid will speak to the party on Friday. “He will talk about jobs above "
            "all,” our correspondent said.",
            {"Tom Reid": "PERSON"},
            None,
            id="never-named-stays-nominal",
        ),
        pytest.param(
            "Correspondent Ann Lee and correspondent Mia Fox covered the race. Tom Reid won. "
            "“He will talk about jobs above all,” our correspondent said.",
            {"Tom Reid": "PERSON", "Ann Lee": "PERSON", "Mia Fox": "PERSON"},
            None,
            id="two-correspondents-stay-nominal",
        ),
    ],
)
def test_our_correspondent_is_the_journalist_named_with_that_noun(
    nlp, text: str, people: dict[str, str], speaker: str | None
) -> None:
    q = one_quote(nlp, text, "jobs above all", people)
    assert speaker_name(q) == speaker
    assert q.speaker_surface.lower().startswith("our ")


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "Ann Lee, 70, said it was too early to celebrate but added, “I think you all "
            "know the results.”",
            {"Ann Lee": "PERSON"},
            "Ann Lee",
            id="said-it-was-but-added",
        ),
        pytest.param(
            "Tom Reid said it takes time to build trust but added, “I strongly support the plan.”",
            {"Tom Reid": "PERSON"},
            "Tom Reid",
            id="said-it-takes-but-added",
        ),
    ],
)
def test_a_cue_joined_to_an_impersonal_reported_clause_is_the_reporters(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    q = one_quote(nlp, text, "I ", people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "US band Harbour Lights led the winners at the awards. Dublin group Vale Street "
            "won two prizes.\n\nThe band thanked their fans, adding: “We would not be here "
            "without you.”",
            {"Harbour Lights": "ORG", "Vale Street": "ORG"},
            "not be here",
            "Harbour Lights",
            id="the-band",
        ),
        pytest.param(
            "Award-winning artists Lee & Vale have built a model of the old docks. “The "
            "river made this city,” said the artists.",
            {"Lee & Vale": "ORG"},
            "river made",
            "Lee & Vale",
            id="the-artists",
        ),
        pytest.param(
            "Media regulator Offcomm said prices must fall. Tom Reid of Acme said the plan "
            "was unfair.\n\n“Prices will fall by a fifth,” the regulator said.",
            {"Offcomm": "ORG", "Tom Reid": "PERSON", "Acme": "ORG"},
            "fall by a fifth",
            "Offcomm",
            id="the-regulator",
        ),
        pytest.param(
            "US band Harbour Lights and US band Vale Street shared the stage.\n\nThe band "
            "thanked their fans, adding: “We would not be here without you.”",
            {"Harbour Lights": "ORG", "Vale Street": "ORG"},
            "not be here",
            None,
            id="two-bands-stay-nominal",
        ),
    ],
)
def test_the_noun_a_name_was_introduced_with_refers_back_to_it(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str | None
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "And can you imagine anyone putting the question posed by Leeds nurse Ann Lee: "
            "“Would you do this job for a fiver?”",
            {"Ann Lee": "PERSON"},
            "for a fiver",
            "Ann Lee",
            id="question-posed-by",
        ),
        pytest.param(
            "The council has ignored the warning issued by Tom Reid: “The bridge is not safe.”",
            {"Tom Reid": "PERSON"},
            "not safe",
            "Tom Reid",
            id="warning-issued-by",
        ),
    ],
)
def test_words_put_by_someone_inside_the_frame_are_theirs(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker


def test_a_fronted_preposition_the_parse_made_a_subject_does_not_speak(nlp) -> None:
    text = (
        "Tom Reid said of the mayor, “He is fine.” Of the governor, Tom Reid, who has given "
        "money to the party, said, “He is flat-out scary.”"
    )
    q = one_quote(nlp, text, "scary", {"Tom Reid": "PERSON"})
    assert speaker_name(q) == "Tom Reid"


def test_a_surname_tagged_as_a_preposition_still_speaks(nlp) -> None:
    text = "Voters saw the party as “too big,” From said. “Our task was to win them back.”"
    q = one_quote(nlp, text, "too big", {"From": "PERSON"})
    assert speaker_name(q) == "From"
