"""A partial quotation after an earlier quoted span of the same sentence keeps the
sentence's reporting verb ("Lee said the club would meet the “test” of “keeping …”"),
and what must stay out. Examples are written for these tests (eighteenth session)."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import assert_speaker, one_quote, quotes_of


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Harbour Radio said the new show would not copy the old one, but would meet "
            "the \u201ctest\u201d of \u201cfinding fresh voices every week\u201d with odd "
            "records.",
            {"Harbour Radio": "ORG"},
            "finding fresh voices",
            "ent:Harbour Radio",
            id="a-scare-word-before",
        ),
        pytest.param(
            "Mara Quist told a packed hall that Lumen - Latin for \u201clight\u201d - "
            "would shun the big parties' \u201cdeals and dodges\u201d for good.",
            {"Mara Quist": "PERSON"},
            "deals and dodges",
            "ent:Mara Quist",
            id="a-gloss-before",
        ),
        pytest.param(
            "Councillor Ivo Brandt says he is \u201csticking with\u201d the words which "
            "compared a rival to a \u201ccardboard puppet\u201d on Monday.",
            {"Ivo Brandt": "PERSON"},
            "cardboard puppet",
            "ent:Ivo Brandt",
            id="an-earlier-partial",
        ),
        pytest.param(
            "Pia Lund said the \u201cnew\u201d rules, the \u201cfair\u201d rules, were "
            "\u201ca long time coming\u201d for tenants.",
            {"Pia Lund": "PERSON"},
            "a long time coming",
            "ent:Pia Lund",
            id="two-spans-before",
        ),
    ],
)
def test_a_partial_keeps_the_verb_before_an_earlier_span(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.kind == "partial"
    assert_speaker(q, speaker)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "Pia Lund said the plan was \u201cfair.\u201d The \u201cboard\u201d met on "
            "\u201cTuesday evening at nine\u201d in the old hall.",
            "Tuesday evening",
            id="a-sentence-ends-between",
        ),
        pytest.param(
            "Pia Lund said the plan was fair.\n\nThe \u201cboard\u201d met on "
            "\u201cTuesday evening at nine\u201d in the old hall.",
            "Tuesday evening",
            id="another-paragraph",
        ),
        pytest.param(
            "Pia Lund said: \u201cWe will build it.\u201d The \u201cnew\u201d hall opened "
            "to \u201ccrowds of happy locals\u201d a year on.",
            "crowds of happy",
            id="the-earlier-quotation-ends-its-sentence",
        ),
        pytest.param(
            'Pia Lund left the hall.\n\n<tweet id="90817" author="@pialund" '
            'stamp="2031-04-02">We built it together</tweet>.',
            "2031-04-02",
            id="markup-values",  # the first value is the tag's own frame's, as before
        ),
    ],
)
def test_no_verb_across_a_sentence_end(nlp, text: str, words: str) -> None:
    quotes = quotes_of(nlp, text, {"Pia Lund": "PERSON"})
    assert not any(words in q.text for q in quotes)


def test_no_verb_past_someone_elses_speech_noun(nlp) -> None:
    # The words are the pledge's owner's, not the warning's speaker's.
    text = (
        "Ivo Brandt warned the \u201cstay-at-home vote\u201d was the real threat, and "
        "it would not be moved by Pia Lund's pledge to bring in a \u201cresolutely green\u201d "
        "plan."
    )
    quotes = quotes_of(nlp, text, {"Ivo Brandt": "PERSON", "Pia Lund": "PERSON"})
    assert not any(
        "resolutely" in q.text and q.speaker_entity_id == "ent:Ivo Brandt" for q in quotes
    )
