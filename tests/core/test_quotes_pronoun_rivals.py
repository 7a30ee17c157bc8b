"""Two "he"/"she" rivals that are not the one talking (issue 11, twenty-first session).

A person in the clause an adjective of stance reports ("was confident that", "was adamant
that") is talked about, as under "believes that". Of two fitting names in one sentence, a
name the recogniser typed as a person beats one it typed as an organisation that only a
given-name table makes a person ("Royal Beacon", "royal" being a given name there), however
often the article repeats the product's name. Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Tom Reid has run the club since May.\n\n"
            'The chairman was confident that Ray Dunmore would stay as coach. "We all trust '
            'him," he said.',
            {"Tom Reid": "PERSON", "Ray Dunmore": "PERSON"},
            "We all trust",
            "Tom Reid",
            id="confident-that",
        ),
        pytest.param(
            "Harbour Telecom has spent two years building a service called Royal Beacon, "
            "which sends alerts to phones. One worry is that the name Royal Beacon leads "
            "people to think of a lighthouse but Tom Reid, a product manager at Harbour "
            'Telecom, was sure that Royal Beacon would catch on. He said: "People will use '
            'it every day."',
            {"Harbour Telecom": "ORG", "Royal Beacon": "ORG", "Tom Reid": "PERSON"},
            "every day",
            "Tom Reid",
            id="product-named-thrice",
        ),
    ],
)
def test_the_one_talking_keeps_the_pronoun(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
