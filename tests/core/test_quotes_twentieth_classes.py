"""Speaker classes of issue 11 (twentieth session): people the small model typed as a
place or an organisation. A description of one person ("the central defender", "the
28-year-old") after such a person was quoted still refers back to them, and the
article's own "he"/"she"/"his"/"her" for a full name typed otherwise make it a person
that later pronouns may follow. Bodies stay bodies. Examples are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes
from tests.core.quotes_helpers import assert_speaker, given_mentions, one_quote

_DESCRIBED = (
    "Harbour City have rejected a new bid for the club.\n\n"
    '"Nobody here knows what the new owners would bring to the table," said Reid.\n\n'
    '{lead} "We will have to wait and see what the offer looks like."'
)


@pytest.mark.parametrize(
    ("lead", "kind"),
    [
        pytest.param("The central defender added:", "GPE", id="role-added-colon-place"),
        pytest.param("The central defender added:", "ORG", id="role-added-colon-org"),
        pytest.param("The 28-year-old told reporters:", "GPE", id="age-told"),
        pytest.param("The veteran striker said:", "ORG", id="modified-role-said"),
        pytest.param("The midfielder says:", "GPE", id="present-tense-says"),
    ],
)
def test_a_description_follows_a_speaker_typed_as_a_place_or_body(
    nlp: Language, lead: str, kind: str
) -> None:
    text = _DESCRIBED.format(lead=lead)
    people = {"Harbour City": "ORG", "Reid": kind}
    assert_speaker(one_quote(nlp, text, "wait and see", people), "ent:Reid")


def test_a_description_after_it_follows_too(nlp: Language) -> None:
    """Cue after the quotation: "“…,” the central defender said." """
    text = (
        "Harbour City have rejected a new bid for the club.\n\n"
        '"Nobody here knows what the new owners would bring to the table," said Reid.\n\n'
        '"We will have to wait and see what the offer looks like," the central defender said.'
    )
    people = {"Harbour City": "ORG", "Reid": "GPE"}
    assert_speaker(one_quote(nlp, text, "wait and see", people), "ent:Reid")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Acme Holdings", id="a-name-with-a-company-word"),
        pytest.param("Harbour City Council", id="a-name-with-a-body-word"),
    ],
)
def test_a_body_quoted_last_is_no_person_described(nlp: Language, body: str) -> None:
    text = _DESCRIBED.replace("said Reid", f"said {body}").format(
        lead="The central defender added:"
    )
    people = {"Harbour City": "ORG", body: "ORG"}
    q = one_quote(nlp, text, "wait and see", people)
    assert q.speaker_entity_id != f"ent:{body}", q.speaker_surface


def test_a_known_body_quoted_last_is_no_person_described(nlp: Language) -> None:
    """An entity the resolver found in the gazetteer is what the gazetteer says."""
    text = _DESCRIBED.replace("said Reid", "said Vantage").format(
        lead="The central defender added:"
    )
    doc = nlp(text)
    mentions = [
        Mention(m.entity_id, m.surface, m.start, m.end, m.entity_type, rule="gazetteer")
        if m.surface == "Vantage"
        else m
        for m in given_mentions(text, {"Harbour City": "ORG", "Vantage": "ORG"})
    ]
    q = next(q for q in extract_quotes(doc, mentions) if "wait and see" in q.text)
    assert q.speaker_entity_id != "ent:Vantage", q.speaker_surface


_PRONOUNCED = (
    "{name} has said {pron} is unsure about the club's new owners.\n\n"
    "The bid was lodged with the league on Monday, a week after the first one failed.\n\n"
    '"I would like to see the whole thing settled either way," {pron} said.'
)


@pytest.mark.parametrize(
    ("name", "pron", "kind"),
    [
        pytest.param("Vale Tarrant", "he", "GPE", id="he-place"),
        pytest.param("Kemi Tarrant", "she", "ORG", id="she-body"),
        pytest.param("Orla Penhale", "she", "GPE", id="she-place-other-name"),
    ],
)
def test_the_articles_own_pronoun_makes_a_mistyped_name_a_person(
    nlp: Language, name: str, pron: str, kind: str
) -> None:
    text = _PRONOUNCED.format(name=name, pron=pron)
    q = one_quote(nlp, text, "settled either way", {name: kind})
    assert_speaker(q, f"ent:{name}")


def test_a_possessive_makes_a_mistyped_name_a_person(nlp: Language) -> None:
    """ "Vale Tarrant dedicated the win to his family": his own possessive, not a body's."""
    text = (
        "Vale Tarrant dedicated the win to his family after the final in Leeds.\n\n"
        "The match was played in heavy rain before a crowd of twelve thousand.\n\n"
        '"It was the hardest game of my life," he said.'
    )
    q = one_quote(nlp, text, "hardest game", {"Vale Tarrant": "GPE", "Leeds": "GPE"})
    assert_speaker(q, "ent:Vale Tarrant")


def test_the_surname_of_a_pronounced_name_is_that_person(nlp: Language) -> None:
    """The small model's other entity for the surname alone ("Penhale") follows the name."""
    text = (
        "Orla Penhale has said she is ready to return to the squad.\n\n"
        '"Training every day has been hard," said Penhale.\n\n'
        "The squad travels to the coast for a training camp next week.\n\n"
        '"It has been a long six months," she said.'
    )
    q = one_quote(nlp, text, "long six months", {"Orla Penhale": "GPE", "Penhale": "ORG"})
    assert q.speaker_entity_id in {"ent:Penhale", "ent:Orla Penhale"}, q.speaker_surface


def test_a_body_that_speaks_of_a_person_stays_a_body(nlp: Language) -> None:
    """ "Acme Holdings said he had left": a body with a company word is no person."""
    text = (
        "Acme Holdings has said he is no longer employed by the group.\n\n"
        "The firm was fined last year for breaking the rules on reporting.\n\n"
        '"We will not comment further," it said.'
    )
    q = one_quote(nlp, text, "comment further", {"Acme Holdings": "ORG"})
    assert_speaker(q, "ent:Acme Holdings")


_STATEMENT = (
    "The singer Ann Lee has been in a long dispute with Acme Records over her early albums. "
    "Lee sold the rights to them to Acme Records in 2019.\n\n"
    "On Thursday Lee took to social media and accused {accused} of blocking a film "
    "about her life.\n\n"
    "The company {verb} in a statement {where}.\n\n"
    '"At no point did we block any film," the statement {cue}.'
)


@pytest.mark.parametrize(
    ("accused", "verb", "where", "cue"),
    [
        pytest.param("Acme", "denied the claims", "on its website", "read", id="short-name-read"),
        pytest.param(
            "Acme Records", "rejected the allegations", "sent to reporters", "said", id="said"
        ),
        pytest.param("Acme", "hit back", "on Friday", "continued", id="continued"),
    ],
)
def test_the_company_of_a_statement_is_the_body_the_article_is_about(
    nlp: Language, accused: str, verb: str, where: str, cue: str
) -> None:
    text = _STATEMENT.format(accused=accused, verb=verb, where=where, cue=cue)
    people = {"Acme Records": "ORG", "Acme": "ORG", "Ann Lee": "PERSON", "Lee": "PERSON"}
    q = one_quote(nlp, text, "block any film", people)
    assert q.speaker_entity_id in {"ent:Acme Records", "ent:Acme"}, q.speaker_surface


def test_two_bodies_named_as_often_leave_the_statement_unattributed(nlp: Language) -> None:
    """A tie between two companies says nothing about which one "the company" is."""
    text = (
        "A film about the singer Ann Lee has split Acme Records and Vantage Films. "
        "Lee has worked with Acme Records and Vantage Films for years.\n\n"
        "On Thursday Lee accused both firms of ignoring her.\n\n"
        "The company denied the claims in a statement on its website.\n\n"
        '"At no point did we block any film," the statement read.'
    )
    people = {"Acme Records": "ORG", "Vantage Films": "ORG", "Ann Lee": "PERSON", "Lee": "PERSON"}
    q = one_quote(nlp, text, "block any film", people)
    assert q.speaker_entity_id is None, q.speaker_entity_id


_FOLLOWED = (
    "Harbour City beat their rivals 3-1 on Saturday. {name} scored twice for the visitors.\n\n"
    '"It was a special night for all of us," said {surname}.\n\n'
    "The club will now face Mark Daly's side in the semi-final next month.\n\n"
    '"We are ready for anything they throw at us," {cue}'
)


@pytest.mark.parametrize(
    "cue",
    [
        pytest.param("the lanky, bespectacled striker said.", id="two-adjectives-comma"),
        pytest.param("said the tall, quiet defender.", id="inverted-two-adjectives"),
        pytest.param("the Olympic finalist said.", id="finalist"),
        pytest.param("the cup winner told reporters.", id="winner-told"),
        pytest.param("the England international added.", id="capped-player"),
        pytest.param("the skipper says.", id="skipper-says"),
        pytest.param("the club's owner said.", id="owner"),
    ],
)
@pytest.mark.parametrize(
    ("name", "surname"), [("Tom Reid", "Reid"), ("Ann Lee", "Lee")], ids=["he", "she"]
)
def test_a_fresh_description_follows_the_person_just_quoted(
    nlp: Language, cue: str, name: str, surname: str
) -> None:
    text = _FOLLOWED.format(name=name, surname=surname, cue=cue)
    people = {"Harbour City": "ORG", name: "PERSON", surname: "PERSON", "Mark Daly": "PERSON"}
    q = one_quote(nlp, text, "ready for anything", people)
    assert q.speaker_entity_id in {f"ent:{name}", f"ent:{surname}"}, q.speaker_surface


def test_a_collective_noun_is_no_person_described(nlp: Language) -> None:
    """ "the crowd said": many people, not the one just quoted."""
    text = _FOLLOWED.format(name="Tom Reid", surname="Reid", cue="the crowd said.")
    people = {"Harbour City": "ORG", "Tom Reid": "PERSON", "Reid": "PERSON"}
    q = one_quote(nlp, text, "ready for anything", people)
    assert q.speaker_entity_id is None, q.speaker_entity_id


@pytest.mark.parametrize(
    ("lead", "pron"),
    [
        pytest.param("Ann Lee", "she", id="she-added"),
        pytest.param("Tom Reid", "he", id="he-added"),
    ],
)
def test_a_body_quoted_between_keeps_the_pronoun_off_it(
    nlp: Language, lead: str, pron: str
) -> None:
    """A later paragraph's "she added" the parse hangs on a body's "said" is no pronoun of
    that body's (an organisation is "it" or "they")."""
    text = (
        f'{lead} defended the plan on Monday. "We have listened to every resident," '
        f"{pron} said.\n\n"
        'The Harbour Trust said in a statement: "The plan breaks the rules."\n\n'
        f'"Nobody will lose their home," {pron} added.'
    )
    q = one_quote(nlp, text, "Nobody will lose", {lead: "PERSON", "Harbour Trust": "ORG"})
    assert_speaker(q, f"ent:{lead}")


@pytest.mark.parametrize(
    ("lead", "other", "pron", "relation"),
    [
        pytest.param("Ann Lee", "Tom Reid", "She said:", "her deputy", id="she-his-name"),
        pytest.param("Tom Reid", "Kate Vane", "He told reporters:", "his deputy", id="he"),
        pytest.param("Ann Lee", "Tom Reid", "She added:", "her chief of staff", id="longer"),
    ],
)
def test_a_possessive_in_an_apposition_is_not_the_subjects_gender(
    nlp: Language, lead: str, other: str, pron: str, relation: str
) -> None:
    """ "Tom Reid, her deputy, is expected to succeed her": "her" is Lee's, so the given
    name still says Reid is a man, and "She said" stays with Lee."""
    text = (
        f"{lead} has led the council for ten years. {other}, {relation}, is expected "
        "to succeed them next year.\n\n"
        f'{pron} "I will not stand again."'
    )
    q = one_quote(nlp, text, "not stand again", {lead: "PERSON", other: "PERSON"})
    assert_speaker(q, f"ent:{lead}")
