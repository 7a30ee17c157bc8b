"""Descriptions that point back to a named person (issue 11, nominal speaker cues).

News names a person beside a noun ("Former minister <Name>", "<Name>, a veteran Liberal
senator,", "<Name>'s son <Given>") and later lets the noun alone speak ("the former
minister added", "the senator said", "his son said"); a broken parse of "the ex-<Word>"
and a stage-of-career noun ("the teenage debutant") are the same class. The
description resolves to the person only when it fits what the article gave them; else it
stays nominal. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "The farm has been in the Orlund family since 1920. "
            "Mr Orlund's son Peter, 44, runs it now.\n\n"
            "Mr Orlund, who died in 2001, planted the first vines. "
            '"He never gave up," his son said.',
            {"Orlund": "PERSON", "Peter": "PERSON"},
            "never gave up",
            "Peter",
            id="his-son-named-before-the-name",
        ),
        pytest.param(
            "Brannock Vell coached the side for ten years. "
            "Marit Jonsen, his wife, ran the club shop.\n\n"
            '"He loved every minute," his wife told the paper.',
            {"Brannock Vell": "PERSON", "Marit Jonsen": "PERSON"},
            "loved every minute",
            "Marit Jonsen",
            id="his-wife-in-apposition-after-the-name",
        ),
        pytest.param(
            "Former minister Tomas Ekwall spoke at the rally in Leeds. "
            "The crowd was small but loud.\n\n"
            '"This is a start," the former minister added.',
            {"Tomas Ekwall": "PERSON"},
            "is a start",
            "Tomas Ekwall",
            id="former-minister-given-as-a-title",
        ),
        pytest.param(
            "Petra Lunn, a veteran Liberal senator, opposed the bill on Tuesday. "
            "The vote was delayed.\n\n"
            '"This bill is dead," the senator said.',
            {"Petra Lunn": "PERSON"},
            "bill is dead",
            "Petra Lunn",
            id="senator-given-in-apposition",
        ),
        pytest.param(
            "Union leader Rona Pike has urged Harbour mayor Tom Cadell to resign.\n\n"
            "Reporter Jan Osk asked him about the claims. "
            'Jan Osk replied: "I only asked a question." '
            'The mayor then said: "You are paid to ask them."',
            {"Rona Pike": "PERSON", "Tom Cadell": "PERSON", "Jan Osk": "PERSON"},
            "paid to ask",
            "Tom Cadell",
            id="titled-holder-over-the-last-speaker",
        ),
        pytest.param(
            "Dave Campo spent a decade in the Wallabies back line. "
            "Campo criticised the England coach on Monday.\n\n"
            'But the ex-Wallaby said: "They will be fine."',
            {"Dave Campo": "PERSON", "Campo": "PERSON"},
            "will be fine",
            "Campo",
            id="ex-prefix-split-by-the-tokenizer",
        ),
        pytest.param(
            "Sharla Venn won her opening match at the finals in Perth on Monday.\n\n"
            '"I love this place," the teenage debutant said.',
            {"Sharla Venn": "PERSON"},
            "love this place",
            "Sharla Venn",
            id="stage-of-career-noun",
        ),
    ],
)
def test_description_resolves_to_the_named_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        # Guards: the description does not fit anyone the article named.
        pytest.param(
            "Brannock Vell coached the side for ten years. He retired in May.\n\n"
            '"He loved every minute," his son said.',
            {"Brannock Vell": "PERSON"},
            "loved every minute",
            id="son-never-named",
        ),
        pytest.param(
            "Marit Jonsen, his daughter, ran the club shop for Brannock Vell.\n\n"
            '"He loved every minute," his son said.',
            {"Brannock Vell": "PERSON", "Marit Jonsen": "PERSON"},
            "loved every minute",
            id="another-relative-named",
        ),
        pytest.param(
            "Senator Petra Lunn and Senator Rolf Adair opposed the bill on Tuesday. "
            "The vote was delayed.\n\n"
            '"This bill is dead," the senator said.',
            {"Petra Lunn": "PERSON", "Rolf Adair": "PERSON"},
            "bill is dead",
            id="two-senators-named",
        ),
        pytest.param(
            "Minister Tomas Ekwall spoke at the rally in Leeds. "
            "The crowd was small but loud.\n\n"
            '"This is a start," the former minister added.',
            {"Tomas Ekwall": "PERSON"},
            "is a start",
            id="modifier-never-given",
        ),
        pytest.param(
            "The crowd was small but loud at the rally in Leeds.\n\n"
            '"This is a start," the former minister added. '
            "Former minister Tomas Ekwall left early.",
            {"Tomas Ekwall": "PERSON"},
            "is a start",
            id="holder-named-only-after",
        ),
    ],
)
def test_description_that_fits_nobody_stays_nominal(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None, (q.speaker_entity_id, q.speaker_surface)


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        # "the company" naming a spokesperson's principal or a channel's author stands for
        # the organisation the article names, as "the company said" would.
        pytest.param(
            "Orvell Mining cut 300 jobs at its Ridge site on Monday.\n\n"
            '"This was a hard decision," a spokesman for the company said.',
            {"Orvell Mining": "ORG"},
            "hard decision",
            "Orvell Mining",
            id="spokesman-for-the-company",
        ),
        pytest.param(
            "Orvell Mining cut 300 jobs at its Ridge site on Monday.\n\n"
            '"This was a hard decision," a statement from the company said.',
            {"Orvell Mining": "ORG"},
            "hard decision",
            "Orvell Mining",
            id="statement-from-the-company",
        ),
        pytest.param(
            "Orvell Mining cut 300 jobs at its Ridge site on Monday.\n\n"
            '"This was a hard decision," the firm\'s spokeswoman said.',
            {"Orvell Mining": "ORG"},
            "hard decision",
            "Orvell Mining",
            id="the-firms-spokeswoman",
        ),
        pytest.param(
            "The Board of Harbour Works met on Monday. Orvell Mining cut 300 jobs.\n\n"
            '"The quays stay open," a spokeswoman for the board said.',
            {"The Board of Harbour Works": "ORG", "Orvell Mining": "ORG"},
            "quays stay open",
            "The Board of Harbour Works",
            id="the-noun-in-the-name-over-the-nearest",
        ),
    ],
)
def test_organisation_description_as_principal(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        # Guards: no organisation named, or only a person.
        pytest.param(
            "Jobs were cut at the Ridge site on Monday.\n\n"
            '"This was a hard decision," a spokesman for the company said.',
            {},
            "hard decision",
            id="no-organisation-named",
        ),
        pytest.param(
            "Ann Corrie lost her job at the Ridge site on Monday.\n\n"
            '"This was a hard decision," the firm\'s spokeswoman said.',
            {"Ann Corrie": "PERSON"},
            "hard decision",
            id="only-a-person-named",
        ),
    ],
)
def test_organisation_description_without_an_organisation(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None, (q.speaker_entity_id, q.speaker_surface)
