"""Page text: the shapes an HTML-to-text extractor leaves around quotations (issue 11).

Classes read in the resolved-speaker set's dev split (the pages of the trafilatura
source, then checked on BBC and aeb); the examples are written for these tests.
"""

from __future__ import annotations

import pytest

from pipelines.core.quotes.candidates import find_candidates
from tests.core.quotes_helpers import one_quote, quotes_of, speaker_name


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "Officials met on Monday.\n"
            '- "Parents have to decide whether cameras belong in class," '
            "the union's Ana Reid tells reporters.\n"
            "- The council declined to comment.",
            "cameras belong",
            "Ana Reid",
            id="hyphen-bullet",
        ),
        pytest.param(
            "The findings in brief:\n"
            "• “Rents rose faster than wages in every region,” Tom Hale said.\n"
            "• Wages rose by two per cent.",
            "Rents rose",
            "Tom Hale",
            id="round-bullet",
        ),
        pytest.param(
            "Key points\n"
            "* “We have no plan to sell the site,” said Mia Ford.\n"
            "* The vote is on Friday.",
            "sell the site",
            "Mia Ford",
            id="asterisk-bullet",
        ),
    ],
)
def test_a_list_marker_leaves_a_quotation_at_its_clause_start(
    nlp, text: str, contains: str, speaker: str
) -> None:
    q = one_quote(
        nlp, text, contains, {"Ana Reid": "PERSON", "Tom Hale": "PERSON", "Mia Ford": "PERSON"}
    )
    assert q.kind == "direct"
    assert speaker_name(q) == speaker


def test_a_hyphen_inside_a_sentence_is_no_list_marker(nlp) -> None:
    quotes = quotes_of(
        nlp,
        "Tom Hale said the plan - “a complete waste of public money” - was approved anyway.",
        {"Tom Hale": "PERSON"},
    )
    assert all(q.kind != "direct" for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Asked again, she said "“It is not about who is right.”', id="straight-curly"),
        pytest.param("Asked again, she said ““It is not about who is right.”", id="curly-curly"),
        pytest.param(
            'Asked again, she said: ""It is not about who is right."', id="straight-straight"
        ),
    ],
)
def test_a_doubled_opening_mark_opens_once(text: str) -> None:
    scan = find_candidates(text)
    assert [text[c.start : c.end] for c in scan.candidates] == ["It is not about who is right."]
    assert scan.skipped == ()


def test_a_doubled_opening_quotation_after_a_cue_is_direct(nlp) -> None:
    q = one_quote(
        nlp,
        'Speaking on the radio, Ana Reid dodged the question, saying "“It is not about '
        "who is right, it is about making the best decision we can.”",
        "who is right",
        {"Ana Reid": "PERSON"},
    )
    assert q.kind == "direct"
    assert speaker_name(q) == "Ana Reid"


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        pytest.param(
            "Rents in the valley have risen for a decade.\n\n"
            "“Their rents doubled in a single year”\n\n"
            "Ana Reid runs a tenants’ union in the valley. "
            "“In most towns their rents doubled in a single year,” Reid said.",
            "Their rents doubled in a single year",
            id="pull-quote-before-its-quotation",
        ),
        pytest.param(
            "The hospital has been without power since Monday.\n"
            "“We have no fuel and the generators have stopped.”\n"
            "“We warned about this for weeks,” Dr. Ana Reid, the director, said. "
            "“Now it has happened: we have no fuel and the generators have stopped.”",
            "We have no fuel and the generators have stopped.",
            id="pull-quote-repeating-a-later-part",
        ),
        pytest.param(
            "“The council never answered our letters at all,” Ana Reid said.\n\n"
            "Other residents said the same.\n\n"
            "Tom Hale, a neighbour, moved away last year.\n\n"
            "“never answered our letters at all”",
            "never answered our letters at all",
            id="pull-quote-after-its-quotation",
        ),
    ],
)
def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats(
    nlp, text: str, contains: str
) -> None:
    found = [
        q
        for q in quotes_of(
            nlp, text, {"Ana Reid": "PERSON", "Reid": "PERSON", "Tom Hale": "PERSON"}
        )
        if q.text.strip("“”") == contains.strip("“”") or q.text == contains
    ]
    assert len(found) == 1, found
    assert speaker_name(found[0]) in {"Ana Reid", "Reid"}


def test_a_short_repeated_phrase_is_no_pull_quote(nlp) -> None:
    text = (
        "“We will fight on,” Ana Reid said.\n\n"
        "The board met again on Friday. Tom Hale chaired it.\n\n"
        "“We will fight on”"
    )
    last = quotes_of(nlp, text, {"Ana Reid": "PERSON", "Tom Hale": "PERSON"})[-1]
    assert last.text == "We will fight on"
    assert speaker_name(last) == "Tom Hale"  # the paragraph before introduces him


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Several venues closed on Friday.\n"
            "Leisure\n"
            "Riverside Leisure Centre - closed from tonight until further notice\n"
            "“It is with great sadness that we close our doors. The decision is not ours.”\n",
            {},
            "great sadness",
            "Riverside Leisure Centre",
            id="live-blog-entry-name-the-recogniser-missed",
        ),
        pytest.param(
            "Several venues closed on Friday.\n"
            "Update: Harbour Arts Trust cancels its winter season\n"
            "“We cannot sell tickets for shows we may not be able to stage.”\n",
            {"Harbour Arts Trust": "ORG"},
            "sell tickets",
            "Harbour Arts Trust",
            id="entry-after-a-label",
        ),
        pytest.param(
            "Lee's plea for patience\n\n"
            "“Give the young players time. They will come good.”\n\n"
            "Those were the words of Dan Lee on Monday.",
            {"Lee": "PERSON", "Dan Lee": "PERSON"},
            "young players",
            "Lee",
            id="headline-over-the-article",
        ),
    ],
)
def test_a_heading_names_the_speaker_of_the_cue_less_quotation_under_it(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    if people:
        assert speaker_name(q) == speaker
    else:
        assert q.speaker_surface == speaker
        assert q.unattributed_reason == "speaker_not_an_entity"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Several venues closed on Friday.\n"
            "Riverside Leisure Centre has closed from tonight.\n"
            "“It is with great sadness that we close our doors.”\n",
            id="a-sentence-is-no-heading",
        ),
        pytest.param(
            "Several venues closed on Friday.\n"
            "What the closures mean for Riverside Leisure Centre\n"
            "“It is with great sadness that we close our doors.”\n",
            id="a-heading-that-does-not-open-with-the-name",
        ),
    ],
)
def test_a_quotation_under_a_line_that_is_no_named_heading_stays_unattributed(
    nlp, text: str
) -> None:
    q = one_quote(nlp, text, "great sadness", {})
    assert q.speaker_surface is None


def test_a_quotation_interrupted_by_a_gloss_ends_with_its_paragraph() -> None:
    text = (
        'Ana Reid explained: "They proposed a short, strict lockdown of four weeks.\n'
        "In short, every gym and cinema would close.\n"
        '"We asked whether four weeks would be enough."\n'
    )
    scan = find_candidates(text)
    assert [text[c.start : c.end] for c in scan.candidates] == [
        "They proposed a short, strict lockdown of four weeks.",
        "We asked whether four weeks would be enough.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Ana Reid explained: "They proposed a short, strict lockdown of four weeks.\n'
            "In short, every gym and cinema would close.\n",
            id="nothing-reopens",
        ),
        pytest.param(
            'Ana Reid explained: "They proposed a short, strict lockdown of four weeks.\n'
            "In short, every gym would close.\nCinemas too.\nAnd theatres.\n"
            '"We asked whether four weeks would be enough."\n',
            id="reopened-too-far-away",
        ),
        pytest.param(
            'The sign read "closed for the winter.\n'
            "In short, every gym and cinema would close.\n"
            '"We asked whether four weeks would be enough."\n',
            id="a-mark-inside-the-reporter-sentence",
        ),
    ],
)
def test_an_unclosed_quotation_is_skipped_otherwise(text: str) -> None:
    scan = find_candidates(text)
    assert scan.skipped
    assert not any("lockdown" in text[c.start : c.end] for c in scan.candidates)


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            'Ana Reid explained: "They proposed a short, strict lockdown of four weeks.\n'
            "In short, every gym and cinema would close for a month.\n"
            '"We asked whether four weeks would be enough. Nobody could tell us."\n',
            {"Ana Reid": "PERSON"},
            "Nobody could tell us",
            "Ana Reid",
            id="speech-goes-on-after-a-gloss",
        ),
        pytest.param(
            'The Harbour Trust said in a statement: "We have appointed a new director.\n'
            '"She has run theatres in three countries.\n'
            "Trust statement\n"
            "— Harbour Trust (@harbourtrust) 2 May 2024\n"
            '"She starts work in the autumn."\n',
            {"Harbour Trust": "ORG"},
            "starts work",
            "Harbour Trust",
            id="speech-goes-on-after-an-embed-credit-line",
        ),
    ],
)
def test_a_speaker_goes_on_across_a_gloss_that_introduces_nobody(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


def test_a_gloss_that_names_someone_else_stops_the_speaker(nlp) -> None:
    text = (
        'Ana Reid explained: "They proposed a short, strict lockdown of four weeks.\n'
        "Tom Hale, the health minister, disagreed with the plan.\n"
        '"We asked whether four weeks would be enough. Nobody could tell us."\n'
    )
    q = one_quote(nlp, text, "Nobody could tell us", {"Ana Reid": "PERSON", "Tom Hale": "PERSON"})
    assert speaker_name(q) != "Ana Reid"
