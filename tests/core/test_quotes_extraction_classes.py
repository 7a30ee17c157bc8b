"""Quote extraction classes read on the tune part of the PolNeAR dev set (issue 11, ninth
session): a full quoted sentence introduced by a verb we do not list as a reporting verb
("the crowd jeered, “…”"). Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import quotes_of


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        pytest.param(
            "As the ferry left the harbour, the sailors on deck jeered, “Good riddance!”",
            "Good riddance",
            id="jeered",
        ),
        pytest.param(
            "Marta Quist thanked the volunteers and then boomed, “Tonight, this town "
            "proved it can still build a bridge.”",
            "Tonight, this town",
            id="boomed-after-a-conjunction",
        ),
        pytest.param(
            "As the columnist Owen Pryce puts it, “The council is unmoved, and the "
            "residents are uninspired.”",
            "The council is unmoved",
            id="puts-it",
        ),
    ],
)
def test_a_full_sentence_after_a_verb_and_a_comma_is_direct(nlp, text: str, contains: str) -> None:
    found = [q for q in quotes_of(nlp, text) if contains in q.text]
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        pytest.param(
            "The actor, who starred in the film, “Harbour Lights,” was in town.",
            "Harbour Lights",
            id="a-title-after-a-comma",
        ),
        pytest.param(
            "When the mayor arrived, “Build the bridge!” chants filled the hall.",
            "Build the bridge",
            id="the-reporter's-clause-goes-on-after-the-quotation",
        ),
        pytest.param(
            "The campaign unveiled its new slogan, “Forward Together,” on Monday.",
            "Forward Together",
            id="a-noun-before-the-comma",
        ),
    ],
)
def test_no_direct_quote_without_a_verb_introducing_a_full_sentence(
    nlp, text: str, contains: str
) -> None:
    found = [q for q in quotes_of(nlp, text) if contains in q.text]
    assert all(q.kind != "direct" for q in found), found


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "“We have one opponent worth the name,” Lena Marsh told the delegates on "
            "Friday. “Owen Pryce.”",
            "Owen Pryce.",
            "ent:Lena Marsh",
            id="a-name-after-a-told",
        ),
        pytest.param(
            "“There are two people to blame,” said Marta Quist, the party treasurer. "
            "“That’s Owen Pryce and Lena Marsh.”",
            "That’s Owen Pryce",
            "ent:Marta Quist",
            id="a-sentence-in-title-case-after-said-x",
        ),
    ],
)
def test_title_cased_words_after_an_attributed_quotation_carry_the_speech_on(
    nlp, text: str, contains: str, speaker: str
) -> None:
    people = {"Lena Marsh": "PERSON", "Owen Pryce": "PERSON", "Marta Quist": "PERSON"}
    found = [q for q in quotes_of(nlp, text, people) if contains in q.text]
    assert [(q.kind, q.speaker_entity_id) for q in found] == [("direct", speaker)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The network renewed two shows this week. “Harbour Lights.” returns in May.",
            id="no-quotation-before-it",
        ),
        pytest.param(
            "The critic called it “brave”. “Harbour Lights.”",
            id="the-quotation-before-it-has-no-attribution-after-it",
        ),
    ],
)
def test_a_title_with_no_attributed_quotation_before_it_stays_no_quote(nlp, text: str) -> None:
    assert not [
        q for q in quotes_of(nlp, text) if "Harbour Lights" in q.text and q.kind == "direct"
    ]


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        pytest.param(
            'The vote was close.\n\n"We lost the state, and we have to face that.\n'
            'Rep. Ann Lee."\n\nThe party meets on Friday.',
            "We lost the state",
            "ent:Ann Lee",
            id="title-and-name",
        ),
        pytest.param(
            "The vote was close.\n\n“Nobody expected the turnout we saw last night.\n"
            "Owen Pryce, Policy Institute.”\n\nThe party meets on Friday.",
            "Nobody expected",
            "ent:Owen Pryce",
            id="name-and-organisation",
        ),
        pytest.param(
            'The vote was close.\n\n"The party has to listen to its members now.\n'
            'Former party chair Marta Quist."\n\nThe party meets on Friday.',
            "The party has to listen",
            "ent:Marta Quist",
            id="lower-case-title-nouns",
        ),
    ],
)
def test_a_pull_quote_attribution_line_is_its_speaker_not_a_quote(
    nlp, text: str, quoted: str, speaker: str
) -> None:
    people = {"Ann Lee": "PERSON", "Owen Pryce": "PERSON", "Marta Quist": "PERSON"}
    quotes = quotes_of(nlp, text, people)
    assert [q.kind for q in quotes] == ["direct"]
    assert quoted in quotes[0].text
    assert quotes[0].speaker_entity_id == speaker


@pytest.mark.parametrize(
    ("text", "last"),
    [
        pytest.param(
            '"We lost the state, and we have to face that.\nGood night, everyone." Ann Lee said.',
            "Good night, everyone.",
            id="a-last-line-of-speech",
        ),
        pytest.param(
            '"We lost the state, and we have to face that.\nOwen Pryce will run again."'
            " Ann Lee said.",
            "Owen Pryce will run again.",
            id="a-last-line-with-a-verb",
        ),
    ],
)
def test_lines_that_are_speech_stay_quotes(nlp, text: str, last: str) -> None:
    people = {"Ann Lee": "PERSON", "Owen Pryce": "PERSON"}
    assert any(q.text == last for q in quotes_of(nlp, text, people))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ann Lee wrote about her childhood in her first book, “A Harbour Town,” "
            "and in a later essay.",
            id="a-book",
        ),
        pytest.param(
            "The campaign began with a one-minute web ad, “Building Bridges,” in which "
            "children play on a beach.",
            id="an-ad",
        ),
        pytest.param(
            "Owen Pryce, a contestant on the cooking show, “Kitchen Wars,” went on to "
            "open a restaurant.",
            id="a-show",
        ),
    ],
)
def test_a_title_in_apposition_to_a_noun_is_no_quote(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_title_case_words_after_a_reporting_verb_and_comma_stay_a_quote(nlp) -> None:
    text = "Asked whether the bridge would open on time, Ann Lee said, “Probably Not.”"
    assert [q.kind for q in quotes_of(nlp, text)] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "She was back at work the next day. “I kept telling myself: ‘I am going to "
            "finish this record if it takes all year!’ ” A month later, she moved to Leeds.",
            id="curly-nested-exclamation",
        ),
        pytest.param(
            'He read from the letter. "Artists need a free voice - they say what they '
            "see.' \" The minister said the plan was fair.",
            id="straight-nested-full-stop",
        ),
    ],
)
def test_a_quotation_ending_in_a_nested_quotation_ends_its_clause(nlp, text: str) -> None:
    assert [q.kind for q in quotes_of(nlp, text) if len(q.text) > 20] == ["direct"]


def test_a_nested_quotation_mid_sentence_still_leaves_the_words_embedded(nlp) -> None:
    text = "The firm said the “new ‘green’ plan” was dropped without a word."
    assert all(q.kind != "direct" for q in quotes_of(nlp, text))
