"""Speaker candidates the recogniser's labels hid (issue 11, twelfth session): a person the
recogniser typed as an organisation or a place, whom the article's own words write as a
person ("Mr X", "blogger X"), and a channel whose possessor is its author ("X's message
read", "his report said", "the Party members' newsletter"). Examples are written for these
tests."""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes.resolve import _written_as_people
from tests.core.quotes_helpers import given_mentions, one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "person"),
    [
        pytest.param(
            "Mr Okafor has run the bakery for forty years.",
            {"Okafor": "ORG"},
            "Okafor",
            id="courtesy-title",
        ),
        pytest.param(
            "The letter was signed by Dr. Venn on Monday.",
            {"Venn": "GPE"},
            "Venn",
            id="courtesy-title-with-a-full-stop",
        ),
        pytest.param(
            "Online, blogger Vantrel posted pictures of the flood.",
            {"Vantrel": "GPE"},
            "Vantrel",
            id="person-noun-as-a-bare-title",
        ),
        pytest.param(
            "The Lanterns frontwoman Ana Vell thanked the crowd.",
            {"Vell": "ORG"},
            "Vell",
            id="given-name-left-out-of-the-mention",
        ),
        pytest.param(
            "A film about the novelist Philip Pullwen's trilogy is planned. Pullwen is pleased.",
            {"Philip Pullwen's": "ORG", "Pullwen": "ORG"},
            "Pullwen",
            id="surname-of-a-marked-name",
        ),
    ],
)
def test_a_mention_written_as_a_person_is_one_whatever_its_label(
    text: str, people: dict[str, str], person: str
) -> None:
    assert f"ent:{person}" in _written_as_people(given_mentions(text, people), text)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        pytest.param(
            "She won the best actress Bafta. It was a Bafta she had wanted.",
            {"Bafta": "ORG"},
            id="written-after-a-determiner-elsewhere",
        ),
        pytest.param(
            "Shares fell on Tuesday. Disney said it would cut jobs.",
            {"Disney": "ORG"},
            id="a-sentence-ended-before-it",
        ),
        pytest.param(
            "The advice came from doctor NPHET last week.",
            {"NPHET": "ORG"},
            id="an-acronym",
        ),
        pytest.param(
            "The rights went to broadcaster Telvia in May.",
            {"Telvia": "ORG"},
            id="a-person-noun-that-also-names-companies",
        ),
        pytest.param(
            "The offer came from billionaire Dallas Rovers owner Tom Reid.",
            {"Dallas Rovers": "ORG", "Tom Reid": "PERSON"},
            id="a-name-that-modifies-a-person-noun",
        ),
        pytest.param(
            "Mr Lee joined the Arts Council in May.",
            {"Arts Council": "ORG", "Lee": "PERSON"},
            id="a-name-with-an-organisation-word",
        ),
    ],
)
def test_no_person_evidence_leaves_the_label_alone(text: str, people: dict[str, str]) -> None:
    assert _written_as_people(given_mentions(text, people), text) == frozenset()


def test_a_gazetteer_entity_is_what_it_is_known_to_be() -> None:
    text = "The award went to singer Georgia on Friday."
    a = text.index("Georgia")
    known = Mention("ent:Georgia", "Georgia", a, a + 7, "GPE", rule="place_key")
    assert _written_as_people([known], text) == frozenset()


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Mr Okafor has run the bakery on Mill Lane for forty years.\n\n"
            "“We bake every night,” he said.",
            {"Okafor": "ORG"},
            "bake every night",
            "Okafor",
            id="he-after-a-mistyped-mr-x",
        ),
        pytest.param(
            "Online, blogger Vantrel posted pictures of the flood. "
            "“The water rose in minutes,” Vantrel's message read.",
            {"Vantrel": "GPE"},
            "water rose",
            "Vantrel",
            id="possessor-of-the-channel-typed-as-a-place",
        ),
        pytest.param(
            "Tom Reid studied the accounts for a year.\n\n"
            "“Prices will fall by spring,” his report said.",
            {"Tom Reid": "PERSON"},
            "Prices will fall",
            "Tom Reid",
            id="his-report",
        ),
        pytest.param(
            "The paper quotes a Harbour Green Party members' newsletter on canvassing.\n\n"
            "The newsletter says: “We know every street and every door.”",
            {"Harbour Green Party": "ORG"},
            "every street",
            "Harbour Green Party",
            id="earlier-newsletter-of-an-organisation's-members",
        ),
    ],
)
def test_a_channel_possessor_and_a_mistyped_person_are_speaker_candidates(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


def test_a_channel_with_no_author_stays_unattributed(nlp) -> None:
    text = "Prices rose again in May.\n\n“Demand is weak,” the newsletter says."
    q = one_quote(nlp, text, "Demand is weak", {})
    assert q.speaker_entity_id is None
    assert q.unattributed_reason == "channel_without_author"


@pytest.mark.parametrize(
    ("text", "people", "missed", "contains", "speaker"),
    [
        pytest.param(
            "Mr Okafor opened the bakery in 1975.\n\n"
            "Every night, Mr Okafor checks the ovens himself. “We bake until dawn,” he said.",
            {"Okafor": "ORG"},
            1,
            "bake until dawn",
            "Okafor",
            id="pronoun-after-a-missed-recurrence-of-a-mistyped-mr-x",
        ),
        pytest.param(
            "Mr Okafor opened the bakery in 1975. The town knows Mr Okafor well.\n\n"
            "Between batches, Mr Okafor checks the ovens. Later the 71-year-old baker "
            "reveals his plan: “I will never retire.”",
            {"Okafor": "ORG"},
            2,
            "never retire",
            "Okafor",
            id="description-after-a-missed-recurrence",
        ),
    ],
)
def test_a_mistyped_person_recurring_unrecognised_is_still_that_person(
    nlp, text: str, people: dict[str, str], missed: int, contains: str, speaker: str
) -> None:
    """The recogniser found the name (typed wrongly) but missed it once more: the
    recurrence is the same entity, not a stand-in name with no entity."""
    from pipelines.core.quotes import extract_quotes

    mentions = given_mentions(text, people)
    del mentions[missed]
    found = [q for q in extract_quotes(nlp(text), mentions) if contains in q.text]
    assert len(found) == 1
    assert speaker_name(found[0]) == speaker
