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


# "Ann Lee said she met Tom Reid, who told her it could “suit anyone, what have you”." as
# the small model may parse it: rooted at "have", a word of the quotation, so "said" hangs
# on the quoted words as their complement. (word, head, dep, tag); the mark at 13 varies.
_ROOTED_IN_QUOTE = [
    ("Ann", 1, "compound", "NNP"),
    ("Lee", 2, "nsubj", "NNP"),
    ("said", 18, "ccomp", "VBD"),
    ("she", 4, "nsubj", "PRP"),
    ("met", 2, "ccomp", "VBD"),
    ("Tom", 6, "compound", "NNP"),
    ("Reid", 4, "dobj", "NNP"),
    (",", 6, "punct", ","),
    ("who", 9, "nsubj", "WP"),
    ("told", 6, "relcl", "VBD"),
    ("her", 9, "dobj", "PRP"),
    ("it", 14, "nsubj", "PRP"),
    ("could", 14, "aux", "MD"),
    ("“", 14, "punct", "``"),
    ("suit", 9, "ccomp", "VB"),
    ("anyone", 14, "dobj", "NN"),
    (",", 14, "punct", ","),
    ("what", 18, "nsubj", "WP"),
    ("have", 18, "ROOT", "VBP"),
    ("you", 18, "nsubj", "PRP"),
    ("”", 18, "punct", "''"),
    (".", 18, "punct", "."),
]


@pytest.mark.parametrize(
    ("mark", "tag", "main"),
    [
        pytest.param("“", "``", True, id="curly-opening-mark"),
        pytest.param('"', "``", True, id="straight-mark-tagged-opening"),
        pytest.param('"', "''", False, id="straight-mark-tagged-closing"),
        pytest.param(";", ":", False, id="no-quotation-the-root-is-the-main-clause"),
    ],
)
def test_a_root_inside_a_later_quotation_leaves_the_reporting_clause_main(
    nlp, mark: str, tag: str, main: bool
) -> None:
    """The subject of the clause a quotation hangs from is the sentence's main subject (and
    no one reports it) even when the parse roots the sentence inside the quoted words."""
    from spacy.tokens import Doc

    from pipelines.core.quotes._rules import load_rules
    from pipelines.core.quotes._view import DocView
    from pipelines.core.quotes.resolve import reported_subject, subject_role

    rows = [
        (mark, h, d, tag) if i == 13 else (w, h, d, t)
        for i, (w, h, d, t) in enumerate(_ROOTED_IN_QUOTE)
    ]
    words = [w for w, *_ in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {",", ".", "”"} and w not in {"“"}
        for i, w in enumerate(words)
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[h for _, h, _, _ in rows],
        deps=[d for _, _, d, _ in rows],
        tags=[t for *_, t in rows],
    )
    view = DocView(doc)
    lee = Mention("ent:Ann Lee", "Ann Lee", 0, 7, "PERSON")
    assert subject_role(view, lee) == (2 if main else 1)
    assert reported_subject(view, lee, load_rules(), len(doc.text)) is not main
