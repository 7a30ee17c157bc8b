"""Stage 2: direct quotations, partial quotations, and quoted words that are neither."""

from __future__ import annotations

import pytest

from pipelines.core.quotes.candidates import find_candidates
from pipelines.core.quotes.content import is_direct_shape, shape_of
from tests.core.quotes_helpers import quotes_of


@pytest.mark.parametrize(
    ("text", "direct"),
    [
        pytest.param("“We won,” she said.", True, id="opens-sentence"),
        pytest.param("Then she said: “We won.”", True, id="after-colon"),
        pytest.param("They called the plan “reckless” on Monday.", False, id="embedded"),
        pytest.param("“Star Wars” opened on Friday.", False, id="title-as-subject"),
    ],
)
def test_shape(text: str, direct: bool) -> None:
    (cand,) = find_candidates(text).candidates
    shape = shape_of(text, cand, 0, len(text))
    assert is_direct_shape(shape, introduced_by_cue=False) is direct


def test_comma_after_cue_makes_lowercase_continuation_direct() -> None:
    text = "“We are ready,” he said, “and we will stay.”"
    cand = find_candidates(text).candidates[1]
    shape = shape_of(text, cand, find_candidates(text).candidates[0].mark_end, len(text))
    assert not is_direct_shape(shape, introduced_by_cue=False)
    assert is_direct_shape(shape, introduced_by_cue=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The two leaders expressed “deep” concern about the talks, officials said.",
            [("deep", "partial")],
            id="partial-in-reported-speech",
        ),
        pytest.param(
            "Karen Holt described the situation as “grave.”",
            [("grave.", "partial")],
            id="partial-described-as",
        ),
        pytest.param(
            "The film “Northern Lights” opened in forty cities last weekend.",
            [],
            id="title-not-a-quote",
        ),
        pytest.param(
            "Residents of the so-called “green zone” were moved to a school.",
            [],
            id="scare-quote-not-a-quote",
        ),
        pytest.param(
            "Karen Holt declared “We have turned the corner!” at the rally.",
            [("We have turned the corner!", "direct")],
            id="cue-verb-takes-the-quote",
        ),
    ],
)
def test_kinds(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.kind) for q in quotes_of(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "READS—“Harbour ferry to stop running in winter,” by Gazette's Tom Reed: "
            "“The service will pause.”",
            id="headline-with-byline",
        ),
        pytest.param(
            "The mill closed in May.\n\n‘A hard winter ahead.’\n\nWorkers left.", id="subhead"
        ),
        pytest.param('"See also:"\n\nMore coverage follows.', id="label-with-colon"),
        pytest.param(
            "“Harbour Lights,” a drama about fishermen, returns to television in June.",
            id="title-with-appositive",
        ),
    ],
)
def test_headings_and_titles_are_not_quotes(nlp, text: str) -> None:
    quotes = quotes_of(nlp, text)
    assert all("Harbour" not in q.text and "hard winter" not in q.text for q in quotes)
    assert all(not q.text.endswith(":") for q in quotes)
