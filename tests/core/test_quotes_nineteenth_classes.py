"""Speaker classes of issue 11 (nineteenth session): a pronoun after a new person
is introduced with a long title the parse splits ("Acme director of sport Tom Reid
praised …": the name hangs below "of", yet the clause is about him), and a pronoun after
an unnamed spokesperson whose verb acts on another person ("A Harbour Party spokesman
criticised Tom Reid's record. He said …": the person in the object is talked about, the
spokesperson goes on). Examples are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.core.quotes._rules import load_party_forms
from tests.core.quotes_helpers import assert_speaker, one_quote

_TITLED = (
    'Club president Mark Daly said: "We thought the best thing was to finish the game."\n\n'
    "Fans left the ground quietly after the match was called off. "
    "Harbour City director of football Tom Reid praised the supporters for their calm. "
    '"I would like to thank every fan who stayed in their seat," he said.'
)


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            _TITLED,
            {"Mark Daly": "PERSON", "Harbour City": "ORG", "Tom Reid": "PERSON"},
            "ent:Tom Reid",
            id="a-name-closing-a-role-of-something-subject",
        ),
        pytest.param(
            _TITLED.replace("director of football", "head of youth coaching"),
            {"Mark Daly": "PERSON", "Harbour City": "ORG", "Tom Reid": "PERSON"},
            "ent:Tom Reid",
            id="a-longer-role-object",
        ),
    ],
)
def test_a_pronoun_follows_a_person_introduced_with_a_split_title(
    nlp: Language, text: str, people: dict[str, str], speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, "thank every fan", people), speaker)


def test_the_lawyer_of_a_person_is_not_that_person(nlp: Language) -> None:
    """Nothing between "of" and the name: the subject is someone else, not the name."""
    text = (
        'Club president Mark Daly said: "We thought the best thing was to finish the game."\n\n'
        "Fans left the ground quietly after the match was called off. "
        "The lawyer of Tom Reid praised the supporters for their calm. "
        '"I would like to thank every fan who stayed in their seat," he said.'
    )
    q = one_quote(nlp, text, "thank every fan", {"Mark Daly": "PERSON", "Tom Reid": "PERSON"})
    assert q.speaker_entity_id != "ent:Tom Reid", q.speaker_surface


_SPOKESMAN = (
    'Senator Mark Daly said the plan "could set neighbours against each other".\n\n'
    "A Harbour Party spokesman criticised Tom Reid's record, saying rents had risen "
    "when he was housing minister. He said: "
    '"Today the other parties are making promises they cannot pay for."'
)


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            _SPOKESMAN,
            {"Mark Daly": "PERSON", "Harbour Party": "ORG", "Tom Reid": "PERSON"},
            "ent:Harbour Party",
            id="the-person-in-the-object-is-talked-about",
        ),
        pytest.param(
            _SPOKESMAN.replace("criticised Tom Reid's record", "attacked Tom Reid"),
            {"Mark Daly": "PERSON", "Harbour Party": "ORG", "Tom Reid": "PERSON"},
            "ent:Harbour Party",
            id="the-person-as-the-object",
        ),
        pytest.param(
            _SPOKESMAN.replace(
                "A Harbour Party spokesman criticised",
                "A Harbour Party spokesman, Tom Reid, criticised",
            ).replace("Tom Reid's record", "the record"),
            {"Mark Daly": "PERSON", "Harbour Party": "ORG", "Tom Reid": "PERSON"},
            "ent:Tom Reid",
            id="a-named-spokesman-is-the-speaker",
        ),
    ],
)
def test_a_pronoun_after_a_spokesman_acting_on_a_person(
    nlp: Language, text: str, people: dict[str, str], speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, "other parties", people), speaker)


_LEADERS = (
    "Green leader Tom Reid has accused the prime minister, Mark Daly, of running a divided "
    "government. Liberal leader Sam Cole backed the call.\n\n"
    "Mr Daly denied the claim on Wednesday. He again insisted there would be no deals.\n\n"
    "The Green leader countered that such deals had been struck twice. He declared: "
    '"This is a government of deals, not of delivery."'
)
_LEADER_PEOPLE = {"Tom Reid": "PERSON", "Mark Daly": "PERSON", "Sam Cole": "PERSON"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(_LEADERS, "ent:Tom Reid", id="the-title-the-article-gave-one-person"),
        pytest.param(
            _LEADERS.replace("Green leader countered", "Liberal leader countered"),
            "ent:Sam Cole",
            id="the-modifier-says-which-holder",
        ),
        pytest.param(
            _LEADERS.replace("Green leader countered", "opposition leader countered"),
            "ent:Mark Daly",
            id="a-title-never-given-leaves-the-chain-alone",
        ),
    ],
)
def test_a_pronoun_follows_a_description_subject_the_article_gave_a_person(
    nlp: Language, text: str, speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, "deals, not of delivery", _LEADER_PEOPLE), speaker)


def test_a_description_speaker_with_the_modifier_of_one_holder(nlp: Language) -> None:
    """ "the Green leader said" when two people hold "leader": the one given "Green"."""
    text = (
        _LEADERS.replace(
            "The Green leader countered that such deals had been struck twice. He declared:",
            "Mr Cole agreed.",
        )
        + ' "We will not be bought," the Green leader said.'
    )
    assert_speaker(one_quote(nlp, text, "not be bought", _LEADER_PEOPLE), "ent:Tom Reid")


_PARTY = (
    "The Tories launched their new poster campaign in Leeds on Monday.\n\n"
    "Labour said the posters were offensive and should be withdrawn. "
    'But a Conservative spokeswoman said: "The campaign will go on as planned."'
)


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            _PARTY,
            {"Tories": "ORG", "Labour": "ORG", "Leeds": "GPE"},
            "go on as planned",
            "ent:Tories",
            id="the-party-adjective-and-the-party's-other-name",
        ),
        pytest.param(
            _PARTY.replace("a Conservative spokeswoman", "a Tory spokeswoman"),
            {"Tories": "ORG", "Labour": "ORG", "Leeds": "GPE"},
            "go on as planned",
            "ent:Tories",
            id="a-short-name-standing-as-the-adjective",
        ),
        pytest.param(
            "Senator Ann Lee said the Democrats would block the bill.\n\n"
            'A Democratic spokesman said: "We have the votes to stop it."',
            {"Ann Lee": "PERSON", "Democrats": "ORG"},
            "the votes",
            "ent:Democrats",
            id="a-party-named-in-the-plural",
        ),
        pytest.param(
            _PARTY.replace(
                "a Conservative spokeswoman said:",
                "a Tory spokesman said the posters would stay. He said:",
            ),
            {"Tories": "ORG", "Labour": "ORG", "Leeds": "GPE"},
            "go on as planned",
            "ent:Tories",
            id="he-continues-the-party-spokesman",
        ),
    ],
)
def test_a_party_spokesperson_speaks_for_the_party(
    nlp: Language, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert_speaker(one_quote(nlp, text, contains, people), speaker)


def test_a_party_the_article_never_names_leaves_the_spokesperson_nominal(nlp: Language) -> None:
    text = (
        "Ann Lee said the poster campaign was offensive.\n\n"
        'But a Conservative spokeswoman said: "The campaign will go on as planned."'
    )
    assert_speaker(one_quote(nlp, text, "go on as planned", {"Ann Lee": "PERSON"}), None)


@pytest.mark.parametrize(
    ("word", "form"),
    [
        pytest.param("conservative", "tories", id="adjective-to-other-name"),
        pytest.param("tory", "conservative party", id="plural-in-ies"),
        pytest.param("republican", "gop", id="adjective-to-initials"),
    ],
)
def test_party_forms_from_the_curated_gazetteer(word: str, form: str) -> None:
    assert form in load_party_forms()[word]


def test_a_word_that_is_no_party_has_no_forms() -> None:
    assert "senior" not in load_party_forms()
