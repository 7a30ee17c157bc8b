"""Bodies quoted through their members (issue 11, seventeenth session).

"The Harbour Committee reported ... “…,” the MPs said.": a definite plural of a body's
members speaks for the body the article named (``collective_speakers.tsv`` says which bodies
fit which members); a modified plural, a plural of no body's members, or an article naming
no fitting body leave it as before. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Rural Transport Committee published its report on Monday. It found bus "
            "routes had been cut.\n\n"
            "“Villages have been left stranded,” the MPs said.",
            {"Rural Transport Committee": "ORG", "MPs": "ORG"},
            "left stranded",
            "Rural Transport Committee",
            id="mps-for-a-committee-the-recogniser-also-typed-mps",
        ),
        pytest.param(
            "The Harbour Court heard the appeal last week and rejected it.\n\n"
            "“The fishing ban was lawful,” the judges said.",
            {"Harbour Court": "ORG"},
            "ban was lawful",
            "Harbour Court",
            id="judges-for-a-court",
        ),
        pytest.param(
            "The board of Larkspur Trust met on Friday. The Larkspur Trust Board voted to "
            "sell the land.\n\n"
            "“This was a hard choice,” the directors said.",
            {"Larkspur Trust Board": "ORG", "Larkspur Trust": "ORG"},
            "hard choice",
            "Larkspur Trust Board",
            id="directors-for-a-board",
        ),
    ],
)
def test_a_plural_of_members_speaks_for_their_body(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker
    assert (q.speaker_surface or "").startswith("the ")  # the speaker as written stays


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The Rural Transport Committee published its report. Labour criticised it.\n\n"
            "“Villages have been left stranded,” the Labour MPs said.",
            {"Rural Transport Committee": "ORG", "Labour": "ORG"},
            "left stranded",
            "Rural Transport Committee",
            id="modified-plural-names-other-members",
        ),
        pytest.param(
            "Harbour Bank reported higher profits.\n\n"
            "“Villages have been left stranded,” the MPs said.",
            {"Harbour Bank": "ORG"},
            "left stranded",
            "Harbour Bank",
            id="no-fitting-body-named",
        ),
        pytest.param(
            "The Rural Transport Committee published its report.\n\n"
            "“Villages have been left stranded,” the drivers said.",
            {"Rural Transport Committee": "ORG"},
            "left stranded",
            "Rural Transport Committee",
            id="a-plural-not-of-members",
        ),
    ],
)
def test_other_plurals_are_not_given_a_body(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) != speaker
