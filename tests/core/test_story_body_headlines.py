"""A title-case headline left in the body counts as the title when the article has none.

The plain-text parser leaves a first line in the body, untitled, when it ends like a
sentence in ways it cannot trust (two sentences, a quote, a dash); read as lead words it
counts once and fills the lead's head. Our own made-up strings only.
"""

from __future__ import annotations

import pytest

from pipelines.core.stories import StoryArticle, story_signature
from pipelines.core.stories.stories import _body_headline

LEAD = (
    "The harbour authority closed the northern pier after a crane collapsed overnight, "
    "and ferry crews were sent to the southern quay while engineers inspected the wreck."
)


@pytest.mark.parametrize(
    "headline",
    [
        "Crane Collapse Shuts Portvale Pier. Ferries Wait For Answers.",
        "Mayor Quillan: ‘We Will Rebuild The Northern Pier Before Summer.’",
        "Portvale Pier Closed After Crane Collapse- Here’s What Comes Next.",
        # Small words in lower case, as many outlets' title case has them.
        "Crane Crews Told to Leave the Pier Before the Storm Arrives.",
    ],
)
def test_a_title_case_first_line_is_the_headline(headline: str) -> None:
    body = headline + "\n\n" + LEAD
    assert _body_headline(body) == headline
    read = story_signature(StoryArticle("a", None, body, None, None))
    titled = story_signature(StoryArticle("b", headline, LEAD, None, None))
    assert read.terms == titled.terms
    assert read.head_terms() == titled.head_terms()


@pytest.mark.parametrize(
    "body",
    [
        # A lede sentence capitalises only its names.
        "Harbour officials in Portvale closed the pier on Tuesday.\n\n" + LEAD,
        # One paragraph: nothing follows the line.
        "Crane Collapse Shuts Portvale Pier",
        # Too few longer words to tell title case from a name.
        "Pier Shut.\n\n" + LEAD,
        # Too long for a headline.
        " ".join(["Portvale"] * 31) + "\n\n" + LEAD,
    ],
)
def test_other_first_lines_are_lead(body: str) -> None:
    assert _body_headline(body) is None


def test_a_given_title_wins() -> None:
    # The article's own title is the title; the body's first line stays lead words.
    body = "Crane Collapse Shuts Portvale Pier. Ferries Wait.\n\n" + LEAD
    sig = story_signature(StoryArticle("a", "Pier shut", body, None, None))
    assert sig.title_terms == 2
    assert sig.terms[:6] == ("pier", "shut", "pier", "shut", "crane", "collapse")
