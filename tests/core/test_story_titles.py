"""A headline the body repeats counts once, as the title (our own made-up strings)."""

from __future__ import annotations

import pytest

from pipelines.core.stories import StoryArticle, story_signature

LEAD = (
    "The harbour authority closed the northern pier after a crane collapsed overnight, "
    "and ferry crews were sent to the southern quay."
)


@pytest.mark.parametrize(
    ("title", "repeated"),
    [
        ("Crane collapse shuts Portvale pier.", "Crane collapse shuts Portvale pier.\n\n"),
        # An archive's headline and deck: one title line, two body paragraphs.
        (
            "Crane collapse shuts pier; Ferries diverted to the quay.",
            "Crane collapse shuts pier;\n\nFerries diverted to the quay.\n\n",
        ),
    ],
)
def test_a_headline_kept_in_the_body_counts_once(title: str, repeated: str) -> None:
    kept = story_signature(StoryArticle("a", title, repeated + LEAD, None, None))
    apart = story_signature(StoryArticle("b", title, LEAD, None, None))
    assert kept.terms == apart.terms
    assert kept.title_terms == apart.title_terms > 0


def test_a_body_that_only_starts_like_the_title_is_all_lead() -> None:
    # "Portvale pier" is not a repeat of "Portvale pie": words match whole.
    sig = story_signature(
        StoryArticle("a", "Portvale pie", "Portvale pier closed. " + LEAD, None, None)
    )
    lead_only = story_signature(
        StoryArticle("b", None, "Portvale pier closed. " + LEAD, None, None)
    )
    assert sig.terms[sig.title_terms * 2 :] == lead_only.terms
