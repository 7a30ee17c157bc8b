"""Credit lines and datelines are not story evidence (``pipelines.core.stories.openings``).

Every example is made up: the shapes of wire and newspaper openings, with invented places,
agencies and people.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.core.stories import StoryArticle, StoryIndex, StoryMention, story_signature
from pipelines.core.stories.openings import opening_end

STORY = "The harbour authority closed the northern pier after a crane collapsed overnight."


@pytest.mark.parametrize(
    "opening",
    [
        "PORTVALE (Wirepress) — ",
        "PORTVALE (Wirepress) -- ",
        "PORTVALE (Wirepress) - ",
        "PORT VALE, N.S. (Wirepress) — ",
        "PORTVALE, Ostland, March 4 (Coastal News Agency) -- ",
        "PORTVALE, Nov. 17 (Wirepress) – ",
        "PORTVALE, Sept. 3, 2021 — ",
        "PORTVALE — ",
        "SAINT-ANDRÉ, Ore. -- ",
        "PORTVALE: ",
        "Portvale (Wirepress) – ",
        "Port Vale, Ostland (Wirepress) - ",
        "Portvale, Dec 3 - ",
        "Dec 29 (Wirepress) - ",
        "(Wirepress) — ",
        "Portvale (Wirepress Business) ",
        "(WP) ",
        "By Ana Lindqvist\n",
        "By Ana Lindqvist and Tom de Groot, Wirepress\n",
        "By Ana Lindqvist | Coastal Herald\n\nPORTVALE — ",
        "  \nBy ANA LINDQVIST\nPORTVALE (Wirepress) — ",
    ],
)
def test_a_credit_or_dateline_opening_is_cut_where_the_story_starts(opening):
    text = opening + STORY
    assert text[opening_end(text) :] == STORY


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "Portvale is bracing for the storm; the harbour authority closed the pier.",
        "Hong Vale is burning again tonight, residents say.",
        "US - Ostland talks resumed on Monday in a harbour town.",
        "A WORKER who fell from the crane is in hospital.",
        "Senator Ana Lindqvist (D-Portvale) — a critic of the port plan — spoke first.",
        "Lindqvist (R) - the only dissenting vote - left the chamber.",
        "By any measure the crane collapse was the worst accident in a decade.",
        "By 2030, the harbour authority says, the pier will be rebuilt.",
        "By Ana Lindqvist's own account the pier was unsafe for years.",
        "Tom Ritter (Wirepress) was the first reporter on the scene.",
        "PORTVALE--Ritter, Tom, 88, of the harbour district, died on Friday.",
        "PORTVALE (Wirepress) — ",
    ],
)
def test_a_sentence_that_only_looks_like_one_is_kept_whole(text):
    assert opening_end(text) == 0


def _wire(aid: str, body: str, agency_at: int | None) -> StoryArticle:
    # The agency is a recognised organisation where the dateline names it.
    mentions = (StoryMention("ent_wirepress", "ORG", agency_at),) if agency_at is not None else ()
    return StoryArticle(aid, None, body, dt.date(2021, 3, 4), "Wirepress", mentions)


def test_an_agency_and_a_city_in_the_dateline_are_not_shared_story_evidence():
    # One agency's two stories from one city on the same day, about unrelated happenings.
    crane = _wire("a", "SKELLIGAN, Ostv. (Wirepress) — " + STORY, 17)
    vote = _wire(
        "b",
        "SKELLIGAN, Ostv. (Wirepress) — The council voted to rename the old library after a poet.",
        17,
    )
    a, b = story_signature(crane), story_signature(vote)
    assert a.entity_ids == () and b.entity_ids == ()  # the agency is not a salient organisation
    keys = a.key_terms() | b.key_terms()
    assert not [k for k in keys if k.startswith(("skellig", "ostv", "wirepress"))]
    assert a.head_terms()[:3] == ("harbour", "authority", "closed")
    assert StoryIndex([a, b]).candidate_ids(a) == []


def test_the_agency_named_in_the_text_itself_is_still_an_entity():
    body = "PORTVALE (Wirepress) — " + STORY + " Wirepress photographers saw the crane fall."
    sig = story_signature(_wire("a", body, len(body) - 40))
    assert sig.entity_ids == ("ent_wirepress",)


def test_a_headline_repeated_on_the_first_line_is_dropped_before_the_dateline():
    title = "Crane collapse shuts pier"
    body = title + "\n\nPORTVALE (Wirepress) — " + STORY
    mention_at = body.index("Wirepress")
    article = StoryArticle(
        "a",
        title,
        body,
        None,
        None,
        (StoryMention("ent_wirepress", "ORG", mention_at),),
    )
    sig = story_signature(article)
    assert sig.entity_ids == ()
    assert not [k for k in sig.key_terms() if k.startswith("portv")]
    assert sig.terms[: 2 * sig.title_terms + 2] == (
        "crane", "collapse", "shuts", "pier", "crane", "collapse", "shuts", "pier",
        "harbour", "authority",
    )  # fmt: skip
