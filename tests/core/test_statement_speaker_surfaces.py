"""Statements: one speaker written two ways by two outlets is one speaker.

The extractor resolves each article's speaker on its own, so one person printed in two
orders ("Ochiai Kenta" / "Kenta Ochiai"), hyphenated or not, in two transliterations or
with a particle spelt apart carries two entities, and the word-by-word name test saw two
family names. Speakers now also match when the names resolver keys them as one person
(``person_key``); two people the resolver keeps apart stay apart (other given names, two
given names swapped, a patronymic chain reversed). Every name and line is made up here.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories import StatementQuote
from pipelines.core.stories.statements import same_speaker_names
from pipelines.core.stories.terms import words
from tests.core.statements_helpers import statement_groups

# A line long enough to link across stories (a short stock line would not).
LINE = "The new ferry terminal will open in the spring and every boat will run on the hour"


def _key(name: str) -> tuple[str, ...]:
    return tuple(words(name))


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("Ochiai Kenta", "Kenta Ochiai"),  # Japanese name order
        ("Park Min-ho", "Min-ho Park"),  # Korean name order
        ("Park Min-ho", "Park Min Ho"),  # syllables hyphenated or spelt apart
        ("Park Min-ho", "Park Minho"),  # ... or joined
        ("Mohammed Qasimi", "Muhammad Qasimi"),  # a transliteration of the given name
        ("Sergei Volkonov", "Sergey Volkonov"),
        ("Yusuf al-Karimi", "Yusuf al Karimi"),  # a particle hyphenated or spelt apart
    ],
)
def test_one_person_written_two_ways_is_one_speaker(x: str, y: str) -> None:
    assert same_speaker_names(_key(x), _key(y))
    assert same_speaker_names(_key(y), _key(x))


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("Park Min-ho", "Park Min-jae"),  # another given name
        ("Thomas Kelly", "Kelly Thomas"),  # two given names swapped: two people
        ("Rashid bin Khalfan", "Khalfan bin Rashid"),  # father and son
        ("Yusuf al-Karimi", "Yunus al-Karimi"),
        ("Ochiai Kenta", "Ochiai Haruto"),
    ],
)
def test_two_people_the_resolver_keeps_apart_stay_two_speakers(x: str, y: str) -> None:
    assert not same_speaker_names(_key(x), _key(y))
    assert not same_speaker_names(_key(y), _key(x))


def _quote(article: str, speaker: str, name: str) -> StatementQuote:
    return StatementQuote(f"{article}:0", article, LINE, "direct", speaker, 0, 0, True, name)


@pytest.mark.parametrize("one_story", [True, False], ids=["one-story", "two-stories"])
def test_two_outlets_writing_one_speaker_two_ways_share_the_statement(one_story: bool) -> None:
    # Two stories: the articles are found through the index's person key, not a story link.
    quotes = [_quote("A", "ent_a", "Ochiai Kenta"), _quote("B", "ent_b", "Kenta Ochiai")]
    for order in itertools.permutations("AB"):
        assert statement_groups(quotes, one_story=one_story, order="".join(order)) == [
            ["A:0", "B:0"]
        ]


def test_the_same_line_from_two_people_of_one_family_name_stays_apart() -> None:
    quotes = [_quote("A", "ent_a", "Park Min-ho"), _quote("B", "ent_b", "Park Min-jae")]
    assert statement_groups(quotes) == [["A:0"], ["B:0"]]
