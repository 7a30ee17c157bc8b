"""Issue 11, names side (tenth session): French renderings of Russian, Ukrainian and Arabic names.

French copy writes "ou" for "u", "j" for "zh", "ch" for "sh", "tch" for "ch", "dj" for
Arabic "j", "gu" for a hard "g" and "-ine" for "-in": such a name names the gazetteer person
its English spelling names, and a gazetteer name written the French way is found under its
English spelling. My own examples (gazetteer people not written this way in any evaluation
set, tests/data/entity_eval*); French people, French given names ending "-ine" and English
"tch"/"ch" names are the controls that must stay apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.french import french_marked, french_renderings
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Vladimir Putin", "Vladimir Poutine"],  # ou/u, final -ine after the first word
        ["Sergei Shoigu", "Sergueï Choïgou"],  # gu before e, ï, ch/sh, ou/u
        ["Mikhail Mishustin", "Mikhaïl Michoustine"],  # ï, ch/sh, ou/u, -ine
        ["Yulia Tymoshenko", "Ioulia Timochenko"],  # iou/yu, ch/sh
        ["Bashar al-Assad", "Bachar al-Assad"],  # Arabic: ch/sh between vowels
        ["Novak Djokovic", "Novak Jokovic"],  # a gazetteer "dj" name written with "j"
    ],
)
def test_a_french_rendering_is_the_gazetteer_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bernard Kouchner", "Jared Kushner"),  # a French person: another given name
        ("Justine Trudeau", "Justin Trudeau"),  # a French given name ending -ine stays
        ("Martine Dupont", "Martin Dupont"),
        ("Rachida Dati", "Rashida Tlaib"),  # one given name respelt, another surname
        ("Michel Poutine", "Vladimir Putin"),  # one surname, another given name
    ],
)
def test_french_renderings_of_other_names_stay_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    _apart(resolver, a, b, "PERSON")


@pytest.mark.parametrize(
    ("words", "rendering"),
    [
        (["Nikita", "Khrouchtchev"], "nikita khrushchev"),  # "kh" stays, "chtch" is "shch"
        (["Viatcheslav", "Volodine"], "viacheslav volodin"),
        (["Iouri", "Gagarine"], "yuri gagarin"),
        (["Guennadi", "Ziouganov"], "gennadi zyuganov"),
        (["Evguenia", "Medvedeva"], "yevgenia medvedeva"),  # initial "e" is "ye" too
        (["Mouloud", "Djaballah"], "mulud jaballah"),
    ],
)
def test_french_renderings_spell_each_letter_every_way(words: list[str], rendering: str) -> None:
    assert rendering in french_renderings(words)


@pytest.mark.parametrize(
    ("words", "strong", "marked"),
    [
        (["Vladimir", "Poutine"], False, True),
        (["Martine", "Aubry"], False, False),  # -ine on the given name only
        (["Keith", "Mitchell"], False, True),  # "tch": enough to respell a written name
        (["Keith", "Mitchell"], True, False),  # not to index a gazetteer name as French
        (["Mahmoud", "Rahimi"], True, False),  # English writes "ou" in Arabic names too
        (["Ahmed", "Djaballah"], True, True),
        (["Aïcha", "Benali"], True, True),
    ],
)
def test_french_marks(words: list[str], strong: bool, marked: bool) -> None:
    assert french_marked(words, strong=strong) is marked
