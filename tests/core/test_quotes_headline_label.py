"""A headline's verbless label names the speaker even when headline casing misleads the
tagger (issue 11, fifteenth session, PolNeAR dev "no candidate" and "none found" pooled
over outlets): in "<Surname>: ‘…’" over the article a surname that is also a common word
is tagged a noun, so the verbless colon frame, which wanted a proper noun, named nobody
(and a Title Case quotation with no speaker was then taken for a title). The word counts
as a name when the article tags it one elsewhere; a label that is a common noun
("Update: ‘…’") still names nobody. Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import quotes_of

_BODY = "\n\nSenator Ana {name} was in a fighting mood on Tuesday night as the count came in."


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        pytest.param("Price", "We are going to win so much.", id="sentence"),
        pytest.param("Stone", "Never, ever give up on the valley.", id="adverbs"),
        pytest.param(
            "Wood", "I’m the Best Thing That Ever Happened to the Party.", id="title-case"
        ),
    ],
)
def test_a_headline_label_the_tagger_read_as_a_noun_names_the_speaker(
    nlp, name: str, quoted: str
) -> None:
    text = f"{name}: ‘{quoted}’" + _BODY.format(name=name)
    (q,) = [q for q in quotes_of(nlp, text) if q.start < text.index("\n")]
    assert q.kind == "direct"
    assert q.text == quoted
    assert q.speaker_surface == name


@pytest.mark.parametrize(
    "label",
    [
        pytest.param("Update", id="update"),
        pytest.param("Reaction", id="reaction"),
    ],
)
def test_a_headline_label_that_is_a_common_noun_names_nobody(nlp, label: str) -> None:
    text = (
        f"{label}: ‘We are going to win so much.’\n\n"
        f"The campaign posted a short {label.lower()} on Tuesday night as the count came in."
    )
    found = [q for q in quotes_of(nlp, text) if q.start < text.index("\n")]
    assert all(q.speaker_surface is None for q in found)
