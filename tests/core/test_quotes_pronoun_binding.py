"""A name inside what "he"/"she" says, fronted in the pronoun's own sentence, is not the
pronoun (issue 11, twenty-first session): "Ann Lee has "the same drive", she said" is
someone else talking about Ann Lee, since a speaker names herself as "I". The speaker
the paragraph follows keeps the pronoun, and the quotation after it goes on with her.
A quotation the pronoun attributes after the name ("Lee has amended it — “I recall,” he
said") leaves the name as it was. Examples are written for these tests."""

from __future__ import annotations

import pytest

from pipelines.core.quotes._rules import load_rules
from pipelines.core.quotes._view import DocView
from pipelines.core.quotes.candidates import find_candidates
from pipelines.core.quotes.resolve import Context, _reported_by_pronoun
from tests.core.quotes_helpers import given_mentions, one_quote, speaker_name

_PEOPLE = {"Owen Marsh": "PERSON", "Ivo Brandt": "PERSON", "Mr Brandt": "PERSON"}


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "The mayor's appetite for the post is undiminished, Owen Marsh, his campaign "
            'manager, told the Evening Courier on Monday. Ivo Brandt has "the same energy '
            'as on his first day", he said.\n\n'
            "And he confirmed Mr Brandt's view that no date had been fixed. He said: "
            '"Nothing is decided yet."',
            "Nothing is decided",
            "Owen Marsh",
            id="partial-then-direct",
        ),
        pytest.param(
            "Owen Marsh, the club's chairman, spoke to reporters on Friday. Ivo Brandt "
            'will be "fit for the final", he said.',
            "fit for the final",
            "Owen Marsh",
            id="fronted-clause-partial",
        ),
        pytest.param(
            "Owen Marsh ran the festival for a decade before stepping down in May. Ivo "
            'Brandt, the new director, is "the right man for the job", he said.',
            "right man",
            "Owen Marsh",
            id="apposition-in-fronted-clause",
        ),
        pytest.param(
            "Owen Marsh ran the festival for a decade before stepping down in May. Mr "
            'Brandt had "every chance" of success, he said. "The board trusts him."',
            "The board trusts",
            "Owen Marsh",
            id="cueless-quotation-goes-on",
        ),
    ],
)
def test_a_name_the_pronoun_reports_is_someone_else(
    nlp, text: str, contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, _PEOPLE)) == speaker


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        pytest.param('Ivo Brandt will be "fit for the final", he said.', True, id="reported"),
        pytest.param(
            "Ivo Brandt has amended the rules — “I recall the first draft,” he said.",
            False,
            id="own-quotation-after-the-clause",
        ),
        pytest.param(
            "Although Ivo Brandt doubted the figures, he signed the report.",
            False,
            id="adverbial-clause",
        ),
        pytest.param("Ivo Brandt left. He said the club was wrong.", False, id="earlier-sentence"),
    ],
)
def test_reported_by_pronoun(nlp, text: str, reported: bool) -> None:
    doc = nlp(text)
    view = DocView(doc)
    mentions = given_mentions(text, {"Ivo Brandt": "PERSON"})
    ctx = Context.build(
        view, mentions, load_rules(), [(c.start, c.end) for c in find_candidates(text).candidates]
    )
    pos = next(t.idx for t in doc if t.lower_ == "he")
    assert _reported_by_pronoun(ctx, mentions[0], pos) is reported
