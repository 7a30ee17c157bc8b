"""A lone name opening a sentence that the recogniser missed there is a pronoun antecedent.

Made-up examples. The small model misses a surname (or a given name used alone) at the
start of a sentence although the article names that person elsewhere, by a recognised
mention or by a given name and the surname; "she said" after it then went to an older
person.
"""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes
from pipelines.core.quotes.resolve import NOT_AN_ENTITY
from tests.core.quotes_helpers import one_quote


def _mentions_at(text: str, spans: list[tuple[str, int, str]]) -> list[Mention]:
    """Mentions of ``(surface, occurrence, type)``: only that occurrence is recognised."""
    out = []
    for surface, nth, kind in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        out.append(Mention(f"ent:{surface}", surface, start, start + len(surface), kind))
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "The top seed beat Irina Volkova in straight sets, while Dana Price also won "
            "on Monday.\n\n"
            "Volkova has now lost both of her group matches. \u201cI had a hard day,\u201d "
            "she said.",
            {"Dana Price": "PERSON"},
            "Volkova",
            id="surname-after-a-given-name-elsewhere",
        ),
        pytest.param(
            "The festival jury picked Tomasz Wrobel, and Hal Dunmore came second.\n\n"
            "Wrobel thanked the jury at the ceremony. \u201cI never expected this,\u201d he "
            "told reporters.",
            {"Hal Dunmore": "PERSON"},
            "Wrobel",
            id="another-given-name-another-verb",
        ),
    ],
)
def test_a_missed_surname_opening_a_sentence_is_the_antecedent(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    q = one_quote(nlp, text, "I", people)
    assert q.speaker_surface == speaker, q
    assert q.speaker_entity_id is None and q.unattributed_reason == NOT_AN_ENTITY


def test_a_given_name_the_recogniser_found_elsewhere_resolves_to_that_person(nlp) -> None:
    text = (
        "Their album, on which Kofi 7 and Big Lou each produced one half, sold well. "
        "Critic Tom Marsh praised it.\n\n"
        "Kofi 7 thanked the fans at the show. \u201cWe really appreciate it,\u201d he said."
    )
    doc = nlp(text)
    mentions = _mentions_at(
        text, [("Kofi", 0, "PERSON"), ("Big Lou", 0, "PERSON"), ("Tom Marsh", 0, "PERSON")]
    )
    [q] = [q for q in extract_quotes(doc, mentions) if "appreciate" in q.text]
    assert q.speaker_entity_id == "ent:Kofi"


def test_a_passive_subject_is_not_taken_from_the_name_elsewhere(nlp) -> None:
    text = (
        "Club boss Tom Hale would consider signing Ivo Renner again.\n\n"
        "Renner was sacked by the club on Friday, a move Tom Hale has backed. But he "
        "said: \u201cOnce he has served his ban, he can start again.\u201d"
    )
    q = one_quote(nlp, text, "served", {"Tom Hale": "PERSON"})
    assert q.speaker_entity_id == "ent:Tom Hale"
