"""Titles that birth statistics count as given names are titles (issue 11, pronouns).

The given-name table (``first_name_gender.tsv``, US birth statistics) lists offices, ranks,
clergy and nobility ("Magistrate", "Sheriff", "Bishop", "Vicar", ...) as given names of
one sex. Written before a name in news they are titles: the rule files list them
(``office_titles.txt``, ``occupations.txt``) and the gender comes from the given name
after them, or from nothing. Examples are written for these tests.
"""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes._rules import load_gender_lexicon
from pipelines.core.quotes.resolve import person_genders
from tests.core.quotes_helpers import one_quote, speaker_name

# Titles the table counts as given names (each was in it before the rule files held it).
MOVED = (
    "magistrate",
    "sheriff",
    "bishop",
    "vicar",
    "pastor",
    "chaplain",
    "deacon",
    "warden",
    "inspector",
    "trooper",
    "priest",
    "rector",
    "brigadier",
    "commodore",
    "skipper",
    "preacher",
)


def _genders(surface: str) -> dict[str, str]:
    text = f"{surface} spoke."
    return person_genders([Mention(f"ent:{surface}", surface, 0, len(surface), "PERSON")], text)


@pytest.mark.parametrize("title", MOVED)
def test_title_then_given_name_is_the_given_names(title: str) -> None:
    word = title.capitalize()
    assert _genders(f"{word} Ann Lee") == {f"ent:{word} Ann Lee": "f"}
    assert _genders(f"{word} Tom Reid") == {f"ent:{word} Tom Reid": "m"}


@pytest.mark.parametrize("title", MOVED)
def test_title_then_surname_states_no_gender(title: str) -> None:
    assert _genders(f"{title.capitalize()} Harlow") == {}


@pytest.mark.parametrize("title", MOVED)
def test_title_is_no_given_name_in_the_lexicon(title: str) -> None:
    lexicon = load_gender_lexicon()
    assert title in lexicon.roles
    assert title not in lexicon.first_names


@pytest.mark.parametrize(
    ("surface", "gender"),
    [
        # Guards: given names that are also titles elsewhere stay given names.
        pytest.param("Dean Harlow", "m", id="dean"),
        pytest.param("Don Harlow", "m", id="don"),
        pytest.param("Earl Harlow", "m", id="earl"),
    ],
)
def test_common_given_names_stay(surface: str, gender: str) -> None:
    assert _genders(surface) == {f"ent:{surface}": gender}


@pytest.mark.parametrize(
    ("title", "pronoun"),
    [
        pytest.param("Magistrate", "she", id="magistrate-she"),
        pytest.param("Sheriff", "she", id="sheriff-she"),
        pytest.param("Vicar", "he", id="vicar-he"),
        pytest.param("Bishop", "she", id="bishop-she"),
    ],
)
def test_pronoun_reaches_the_titled_speaker(nlp, title: str, pronoun: str) -> None:
    given, other = ("Ann", "Tom Reid") if pronoun == "she" else ("Colm", "Mary Dunne")
    text = (
        f"“We will appeal,” said {other}, who lost the case on Monday.\n\n"
        f"{title} {given} Harlow, who heard it in the town court, said the ruling stood. "
        f"“The law is clear,” {pronoun} said."
    )
    people = {other: "PERSON", f"{title} {given} Harlow": "PERSON"}
    quote = one_quote(nlp, text, "law is clear", people)
    assert speaker_name(quote) == f"{title} {given} Harlow"
