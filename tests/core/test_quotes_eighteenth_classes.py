"""Nominal and organisation speaker classes of issue 11 (eighteenth session): a club or a
band the recogniser typed as a person, written with what only a body has ("Harbour Rovers'
board"), is an organisation for "the club said" and for the statement the club issued;
a body's initials glued to the full stop ("said H&F.") that the tagger took for a pronoun
are a name, and the article's own mention spelt so speaks. Examples are written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes
from pipelines.core.quotes.speaker import _glued_initials
from tests.core.quotes_helpers import assert_speaker, one_quote

_CLUB = (
    "Harbour Rovers' board met on Tuesday to weigh the offer from the investor Tom Okoro. "
    "Harbour Rovers said it would open its books to him.\n\n"
    "Fans gathered outside the ground. "
    '"We will look at every proposal on its merits," the club said in its statement. '
    '"Nothing has been agreed yet," the statement said.'
)


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            _CLUB,
            {"Harbour Rovers": "PERSON", "Tom Okoro": "PERSON"},
            "on its merits",
            "ent:Harbour Rovers",
            id="the-club-is-a-club-the-recogniser-typed-as-a-person",
        ),
        pytest.param(
            _CLUB,
            {"Harbour Rovers": "PERSON", "Tom Okoro": "PERSON"},
            "agreed yet",
            "ent:Harbour Rovers",
            id="the-statement-the-club-issued-speaks-for-it",
        ),
        pytest.param(
            "Velvet Anchors frontwoman Ann Lee thanked the crowd in Leeds. Velvet Anchors "
            "cut the tour short.\n\nThe last date was in May. "
            '"We never planned a second leg," the group said in a statement.',
            {"Velvet Anchors": "PERSON", "Ann Lee": "PERSON", "Leeds": "GPE"},
            "second leg",
            "ent:Velvet Anchors",
            id="a-band-written-with-its-frontwoman-is-a-body",
        ),
        pytest.param(
            'Mr Tom Okoro\'s board rejected the plan on Monday. "I was outvoted," he said.',
            {"Tom Okoro": "PERSON"},
            "outvoted",
            "ent:Tom Okoro",
            id="a-titled-person-with-a-board-stays-a-person",
        ),
    ],
)
def test_a_body_typed_as_a_person_speaks_as_a_body(
    nlp: Language, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, contains, people), speaker)


@pytest.mark.parametrize(
    ("word", "initials"),
    [
        pytest.param("H&F.", True, id="ampersand-initials"),
        pytest.param("QX.", True, id="two-capitals"),
        pytest.param("It.", False, id="a-pronoun"),
        pytest.param("I.", False, id="one-capital"),
        pytest.param("U.S.", False, id="dotted-initials-are-the-tokenizer's-own"),
        pytest.param("QX", False, id="no-full-stop"),
    ],
)
def test_glued_initials(word: str, initials: bool) -> None:
    assert _glued_initials(word) is initials


def test_initials_glued_to_the_full_stop_speak_as_the_full_name(nlp: Language) -> None:
    text = (
        "H&F lowers coat prices\n\n"
        "Harlow & Finch is lowering what it charges for coats in its northern shops.\n\n"
        '"Our winter coats will cost less from Monday," said H&F.'
    )
    doc = nlp(text)
    short = text.index("H&F")
    full = text.index("Harlow & Finch")
    mentions = [
        Mention("ent:H&F", "H&F", short, short + 3, "ORG"),
        Mention("ent:Harlow & Finch", "Harlow & Finch", full, full + 14, "ORG"),
    ]
    quotes = [q for q in extract_quotes(doc, mentions) if "winter coats" in q.text]
    assert len(quotes) == 1
    assert_speaker(quotes[0], "ent:Harlow & Finch")
