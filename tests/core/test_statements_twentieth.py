"""Statements: one outlet's single quote of a passage another splits into two quotes.

One outlet prints a speaker's passage as one quote; another prints its sentences as two
quotes with narration between them (so they are not one passage of that article), and cuts
the second where the first outlet did not. The whole quote holds both pieces (each as
quoted, or sharing an eight-word run at an edge), so all three are one statement. Two
speakers, short pieces and a reworded piece stay apart. Every example is made up.
"""

from __future__ import annotations

import itertools

import pytest

from pipelines.core.stories import Link, renderings
from pipelines.core.stories.statements import split_pieces
from tests.core.statements_helpers import made_up_quote, statement_groups

FIRST = "We are proud to bring both rowing crews to the old harbour regatta this summer."
SECOND = (
    "Both clubs are sending their strongest boats and I really hope the town turns out on "
    "the quay to cheer them and raise money for the lifeboat station."
)
# The second outlet opens the second piece with a sentence the first outlet left out.
SECOND_CUT = "The final promises to be a close race. " + SECOND
# A second piece in other words: no run of eight words in common with the whole.
SECOND_REWORDED = (
    "He hoped townspeople would line the quay in large numbers, cheering the clubs and "
    "giving generously to the lifeboat appeal."
)


def _quotes(
    whole: str,
    first: str,
    second: str,
    speakers: tuple[str, str] = ("ames", "ames"),
) -> list:
    return [
        made_up_quote("A", 0, whole, "ames", True),
        made_up_quote("B", 0, first, speakers[0], True),
        made_up_quote("B", 1, second, speakers[1], True),
    ]


def test_whole_quote_takes_both_pieces_of_a_split_passage() -> None:
    quotes = _quotes(f"{FIRST} {SECOND}", FIRST, SECOND_CUT)
    assert statement_groups(quotes) == [["A:0", "B:0", "B:1"]]


def test_pieces_held_as_quoted_join() -> None:
    quotes = _quotes(f"{FIRST} {SECOND}", FIRST, SECOND)
    assert statement_groups(quotes) == [["A:0", "B:0", "B:1"]]


@pytest.mark.parametrize("order", list(itertools.permutations(["A", "B"])))
def test_arrival_order_does_not_change_the_groups(order: tuple[str, ...]) -> None:
    quotes = _quotes(f"{FIRST} {SECOND}", FIRST, SECOND_CUT)
    assert statement_groups(quotes, order=list(order)) == [["A:0", "B:0", "B:1"]]


def test_another_speakers_piece_stays_apart() -> None:
    quotes = _quotes(f"{FIRST} {SECOND}", FIRST, SECOND_CUT, speakers=("ames", "berg"))
    groups = statement_groups(quotes)
    assert ["A:0", "B:0"] in groups and ["B:1"] in groups


def test_a_reworded_second_piece_stays_apart() -> None:
    quotes = _quotes(f"{FIRST} {SECOND}", FIRST, SECOND_REWORDED)
    groups = statement_groups(quotes)
    assert ["A:0", "B:0"] in groups and ["B:1"] in groups


def test_a_first_piece_of_four_content_words_joins() -> None:
    first = "Ticket sales rose, and so did crowds."
    quotes = _quotes(f"{first} {SECOND}", first, SECOND_CUT)
    assert statement_groups(quotes) == [["A:0", "B:0", "B:1"]]


def test_short_pieces_are_not_joined() -> None:
    # Three content words each: a short line held twice may be a refrain.
    first, second = "Rowing builds towns.", "The quay needs lights."
    quotes = _quotes(f"{first} {second}", first, second)
    groups = statement_groups(quotes)
    assert len(groups) == 2


def test_split_pieces_names_one_passage_for_both() -> None:
    items = renderings(_quotes(f"{FIRST} {SECOND}", FIRST, SECOND))
    whole, one, two = items
    links = [Link.of(whole.rendering_id, one.rendering_id, 0.9)]
    assert split_pieces(items, links) == {}
    links.append(Link.of(whole.rendering_id, two.rendering_id, 0.9))
    alias = split_pieces(items, links)
    assert alias[one.passage] == alias[two.passage]
