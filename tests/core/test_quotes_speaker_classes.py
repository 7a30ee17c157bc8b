"""Speaker classes of issue 11: new speakers between quotations, long-range chains,
pronouns and speakers that cannot speak. Examples are written for these tests."""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes
from tests.core.quotes_helpers import one_quote


def _speaker_name(q) -> str | None:
    return q.speaker_entity_id.removeprefix("ent:") if q.speaker_entity_id else None


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "“The first cut was a mess,” Paul Reyes said. “We fixed it late.” "
            "Nina Ortiz, who flew in from the Boston set of “Harbor,” had the same "
            "reaction: “It was just the right song.”",
            "right song",
            "Nina Ortiz",
            id="colon-subject-before-a-title",
        ),
        pytest.param(
            "“I wrote it in a single week,” Clara Voss said.\n\n"
            "That process led to a discovery: “It was a song about home all along.”",
            "about home",
            "Clara Voss",
            id="abstract-colon-subject-is-no-speaker",
        ),
    ],
)
def test_colon_introduced_speakers(nlp, text: str, contains: str, speaker: str) -> None:
    q = one_quote(nlp, text, contains)
    assert speaker in (_speaker_name(q) or "")


def test_label_names_a_new_speaker_the_recogniser_missed(nlp) -> None:
    text = (
        "- Home coach Sam Porter “We were second best today.” “We must improve.”\n"
        "- Away coach Quillon Vantreese “We deserved the points.” “It was a fine day.”"
    )
    doc = nlp(text)
    # Only the first coach is a mention: the second name was missed by the recogniser.
    start = text.index("Sam Porter")
    mentions = [Mention("ent:Sam Porter", "Sam Porter", start, start + 10, "PERSON")]
    quotes = {q.text: q for q in extract_quotes(doc, mentions)}
    assert quotes["We must improve."].speaker_entity_id == "ent:Sam Porter"
    for part in ("We deserved the points.", "It was a fine day."):
        q = quotes[part]
        assert q.speaker_entity_id is None
        assert q.speaker_surface == "Quillon Vantreese"
        assert q.unattributed_reason == "speaker_not_an_entity"


def test_a_line_break_ends_a_sentence_the_model_ran_on(nlp) -> None:
    from spacy.tokens import Doc

    from pipelines.core.quotes._view import DocView

    words = ["Kirsch", "agreed", ".", "\n\n", "Lindqvist", "had", "spent", "years", "."]
    spaces = [False, False, False, False, True, True, True, False, False]
    # One sentence over the paragraph break, as the small model sometimes parses it.
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * 8)
    view = DocView(doc)
    second = doc.text.index("Lindqvist")
    assert view.sentence_start(second) == second
    assert view.sentence_start(doc.text.index("agreed")) == 0
