"""Speaker classes read in batch 4 of the resolved-speaker set (issue 11, sixth session):
a title the tagger takes for a name with the person in apposition, a modified description
of one of many ("the Conservative MP"), a pronoun chain that an expletive "it" or a
paragraph the parse ran on must not cut, and a surname opening a sentence before "who".
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The union warned that hundreds of jobs were at risk.\n\n"
            "Union General Secretary, Martha Quigley, said: “We will fight every cut.”",
            {"Martha Quigley": "PERSON"},
            "every cut",
            "Martha Quigley",
            id="capitalised-title-then-name-in-commas",
        ),
        pytest.param(
            "The survey found fewer pupils in rural schools. "
            "The Schools Minister, Derek Fanshawe, said: “We are acting on it.”",
            {"Derek Fanshawe": "PERSON"},
            "acting on it",
            "Derek Fanshawe",
            id="definite-title-then-name-in-commas",
        ),
    ],
)
def test_a_capitalised_title_with_the_name_in_apposition(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Gordon Ashworth warned on Monday that the airline sector faced ruin.\n\n"
            "In a Commons debate, the Conservative MP said: “Screening would help.”",
            {"Gordon Ashworth": "PERSON"},
            "Screening would help",
            "Gordon Ashworth",
            id="party-member-of-parliament",
        ),
        pytest.param(
            "Declan Furlong should not be walking.\n\n"
            "He laughs about the crash that broke his back in two places. "
            "“I was lucky,” says the Limerick man. “Very lucky.”",
            {"Declan Furlong": "PERSON"},
            "I was lucky",
            "Declan Furlong",
            id="place-modified-man",
        ),
        pytest.param(
            "Senator Rosa Delaney opened the hearing.\n\n"
            "“We need answers,” the Vermont senator said.",
            {"Rosa Delaney": "PERSON"},
            "answers",
            "Rosa Delaney",
            id="state-modified-senator",
        ),
    ],
)
def test_a_modified_description_of_one_of_many_is_the_followed_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a bare "the man" may be anyone: it stays as written
        "Declan Furlong should not be walking.\n\n“It was awful,” says the man.",
        # "a man … the Limerick man": someone the article introduced without a name
        (
            "Declan Furlong crashed on the bridge. A Limerick man saw it.\n\n"
            "“It was awful,” says the Limerick man."
        ),
        # one holder, not one of many: "the prime minister" is not resolved this way
        "Declan Furlong crashed on the bridge.\n\n“It was awful,” said the Irish prime minister.",
    ],
)
def test_an_unmodified_new_or_single_office_description_stays_nominal(nlp, text: str) -> None:
    q = one_quote(nlp, text, "awful", {"Declan Furlong": "PERSON"})
    assert q.speaker_entity_id is None


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The film got three nominations. It is also a first nomination for Morwenna "
            "Tate, 52, who told reporters she had not expected it. “It is a shock,” she said.",
            {"Morwenna Tate": "PERSON", "Gillian Brook": "PERSON"},
            "a shock",
            "Morwenna Tate",
            id="expletive-it-does-not-carry-the-chain",
        ),
    ],
)
def test_an_expletive_it_does_not_keep_the_pronoun_from_the_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    text = "Gillian Brook is the favourite for the prize. " + text
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


def test_a_paragraph_the_parse_ran_on_keeps_its_own_subject(nlp) -> None:
    """The small model sometimes hangs a paragraph's verb on the last verb of the quotation
    ending the paragraph before ("… it's very loud." ⏎ "Nora Pell told …"): within its own
    paragraph that clause is the main one, and its "it" carries no chain over the break."""
    from spacy.tokens import Doc

    from pipelines.core.models import Mention
    from pipelines.core.quotes._view import DocView
    from pipelines.core.quotes.resolve import _under_pronoun_subject, subject_role

    words = ["It", "is", "loud", ".", "\n\n", "Nora", "Pell", "told", "us", "that", "Ann"]
    words += ["Lee", "was", "kind", "."]
    heads = [1, 1, 1, 1, 3, 6, 7, 1, 7, 12, 11, 12, 7, 12, 7]
    deps = ["nsubj", "ROOT", "acomp", "punct", "dep", "compound", "nsubj", "ccomp", "dobj"]
    deps += ["mark", "compound", "nsubj", "ccomp", "acomp", "punct"]
    spaces = [True, True, False, False, False, True, True, True, True, True, True, True]
    spaces += [True, False, False]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * 14,
    )
    view = DocView(doc)
    pell = doc.text.index("Nora Pell")
    lee = doc.text.index("Ann Lee")
    nora = Mention("ent:Nora Pell", "Nora Pell", pell, pell + 9, "PERSON")
    ann = Mention("ent:Ann Lee", "Ann Lee", lee, lee + 7, "PERSON")
    assert subject_role(view, nora) == 2  # "told" hangs on "is" one paragraph up
    assert subject_role(view, ann) == 1  # a "that" clause of her own paragraph stays one
    assert not _under_pronoun_subject(view, ann, len(doc.text))  # "It" is nobody


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        pytest.param(
            "Ravi Okafor won the best actor prize.\n\n"
            "Castellano, who lost out to Okafor, will face him again in March. "
            "\u201cIt\u2019s the first time I\u2019ve been nominated,\u201d he told reporters.",
            {"Ravi Okafor": "PERSON", "Okafor": "PERSON"},
            "Castellano",
            id="a-name-the-recogniser-missed",
        ),
        pytest.param(
            "The festival drew Ravi Okafor and Tomas Bellweather.\n\n"
            "Bellweather, whose film is in competition, said he had doubts. "
            "\u201cI questioned whether I should come,\u201d he said.",
            {"Ravi Okafor": "PERSON", "Tomas Bellweather": "PERSON"},
            "ent:Tomas Bellweather",
            id="a-surname-echo-of-a-named-person",
        ),
    ],
)
def test_a_name_opening_a_sentence_before_who_is_a_person(
    nlp, text: str, people: dict[str, str], speaker: str
) -> None:
    q = one_quote(nlp, text, "I", people)
    assert speaker in ((q.speaker_entity_id or "") + (q.speaker_surface or "")), q


def test_a_team_before_who_is_not_a_person(nlp) -> None:
    text = (
        "Julian Marsh has been in fine form.\n\n"
        "Northfield, who signed Marsh in the summer, sit top of the league, and the "
        "Northfield coach is delighted. \u201cI am pleased with my form,\u201d he said."
    )
    q = one_quote(nlp, text, "pleased", {"Julian Marsh": "PERSON", "Marsh": "PERSON"})
    assert "Northfield" not in (q.speaker_surface or "")
