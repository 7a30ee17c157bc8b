"""Issue 11, nineteenth session: person names without context.

Our own examples (invented people, and well-known office holders the shipped gazetteer
lists; none taken from an evaluation set, tests/data/entity_eval*): the forms each rule
must join next to the forms it must keep apart.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.models import NerSpan
from pipelines.core.normalize import split_person_name, surname_key, written_surname_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same
from tests.core.entities_helpers import entity_id

PERSON = "PERSON"


# ----------------- a bare surname names a known person only as that person writes it


@pytest.mark.parametrize(
    ("written", "known"),
    [
        ("Puttin", "Vladimir Putin"),  # a geminate before a vowel: another family
        ("Sunnak", "Rishi Sunak"),
        ("Lukkashenko", "Alexander Lukashenko"),
    ],
)
def test_bare_surname_with_a_doubled_letter_is_not_the_known_person(
    resolver: EntityResolver, written: str, known: str
) -> None:
    # The keys agree (the fold is for full names, whose other words must agree too) ...
    assert surname_key(written) == surname_key(known.split()[-1])
    # ... but one word alone, spelt otherwise, is nobody known.
    assert entity_id(resolver, written, PERSON) is None
    _apart(resolver, written, known, PERSON)
    _apart(resolver, f"Justice {written}", known, PERSON)


@pytest.mark.parametrize(
    ("surfaces"),
    [
        ["Vladimir Putin", "Putin", "Putin's", "President Putin"],
        ["Rishi Sunak", "Sunak"],
        # Marks and German umlaut digraphs are how one spelling is typed, not another name.
        ["Viktor Orbán", "Orbán", "Orban"],
        ["Gerhard Schröder", "Schröder", "Schroeder"],
    ],
)
def test_bare_surname_as_written_still_names_the_known_person(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


def test_full_name_keeps_its_spelling_folds(resolver: EntityResolver) -> None:
    """Only a bare word needs the written spelling: a full name's other words vouch for it."""
    _same(resolver, ["Vladimir Putin", "Vladimir Puttin"], PERSON)


@pytest.mark.parametrize(
    ("token", "written"),
    [("Dupont's", "dupont"), ("al-Khatib", "khatib"), ("Müller", "muller"),
     ("Mueller", "muller"), ("Hassell", "hassell"), ("Abbadi", "abbadi")],
)  # fmt: skip
def test_written_surname_key_folds_typing_not_spelling(token: str, written: str) -> None:
    assert written_surname_key(token) == written


# ------------------------- "<State> Gov. X", "<State> Sen. X": AP abbreviated titles


@pytest.mark.parametrize(
    ("surface", "plain"),
    [
        ("Texas Gov. Marla Quintero", "Marla Quintero"),
        ("South Dakota Gov. Desmond Achterberg", "Desmond Achterberg"),
        ("Ohio Sen. Orla Vantongeren", "Orla Vantongeren"),
        ("New Mexico Rep. Kip Halvorsen", "Kip Halvorsen"),
    ],
)
def test_state_before_abbreviated_title(resolver: EntityResolver, surface: str, plain: str) -> None:
    assert split_person_name(surface)[0] == plain
    _same(resolver, [surface, plain, f"Gov. {plain}"], PERSON)


def test_abbreviated_title_never_eats_a_name_word() -> None:
    # Two name words must remain after the title ("Gov." before one word is left alone).
    assert split_person_name("Texas Gov. Quintero")[0] == "Texas Gov. Quintero"


# ----------------------- an honorific after description: "health officer Dr. X"


@pytest.mark.parametrize(
    ("surface", "plain"),
    [
        ("Springfield medical officer of health Dr. Marla Quintero", "Marla Quintero"),
        ("veteran trial lawyer Mr. Desmond Achterberg", "Desmond Achterberg"),
        ("county's chief coroner Dr. Orla Vantongeren", "Orla Vantongeren"),
    ],
)
def test_honorific_after_description(resolver: EntityResolver, surface: str, plain: str) -> None:
    assert split_person_name(surface)[0] == plain
    _same(resolver, [surface, plain], PERSON)


@pytest.mark.parametrize(
    "surface",
    # A title word that is also a given name stays: only honorifics are stripped here.
    ["retired boxer King Quintero", "young singer Prince Achterberg"],
)
def test_description_before_a_title_word_keeps_it(surface: str) -> None:
    assert split_person_name(surface)[0] == " ".join(surface.split()[-2:])


# ------------- in one article, a surname spelt once with its final letter single or doubled


def _spans(body: str, *items: tuple[str, str]) -> list[NerSpan]:
    out, pos = [], 0
    for text, label in items:
        start = body.index(text, pos)
        out.append(NerSpan(start, start + len(text), label, text))
        pos = start + len(text)
    return out


def _article(resolver: EntityResolver, body: str, *items: tuple[str, str]) -> dict[str, str]:
    ae = resolver.resolve_article(body, _spans(body, *items), [(0, len(body))])
    return {m.surface: m.entity_id for m in ae.mentions}


@pytest.mark.parametrize(
    ("full", "once", "label"),
    [
        ("Marla Grinnell", "Grinnel", "PERSON"),  # a letter less
        ("Marla Grinnell", "Grinnel", "ORG"),  # the small model's label for a lone surname
        ("Desmond Achterberg", "Achterbergg", "PERSON"),  # a letter more
    ],
)
def test_article_links_a_surname_respelt_at_its_end(
    resolver: EntityResolver, full: str, once: str, label: str
) -> None:
    body = f"{full} arrived on Monday. Later {once} told reporters the deal was done."
    ids = _article(resolver, body, (full, "PERSON"), (once, label))
    assert ids[once] == ids[full]


def test_article_respelt_surname_needs_one_fitting_person(resolver: EntityResolver) -> None:
    # Two people the letter could point to (a couple sharing the surname): neither.
    body = "Marla Grinnell met Tom Grinnell on Monday. Later Grinnel said no more."
    ids = _article(
        resolver,
        body,
        ("Marla Grinnell", "PERSON"),
        ("Tom Grinnell", "PERSON"),
        ("Grinnel", "PERSON"),
    )
    assert ids["Grinnel"] not in {ids["Marla Grinnell"], ids["Tom Grinnell"]}
    # ... and two bare spellings with no full name stay two people.
    body = "Grinnell arrived on Monday. Later Grinnel told reporters the deal was done."
    ids = _article(resolver, body, ("Grinnell", "PERSON"), ("Grinnel", "PERSON"))
    assert ids["Grinnell"] != ids["Grinnel"]


def test_context_free_keys_keep_the_final_letter_apart(resolver: EntityResolver) -> None:
    _apart(resolver, "Marla Grinnell", "Marla Grinnel", PERSON)


# ----------------- "<Title> of [the] <Body> <Given> <Surname>": the office, then the person


@pytest.mark.parametrize(
    ("surface", "plain"),
    [
        ("Speaker of the House Marla Quintero", "Marla Quintero"),
        ("former Speaker of the House Desmond Achterberg", "Desmond Achterberg"),
        ("Chancellor of the Exchequer Edith Vantongeren", "Edith Vantongeren"),
        ("Governor of the Bank of Freedonia Kip Halvorsen", "Kip Halvorsen"),
    ],
)
def test_office_with_of_complement_before_a_name(
    resolver: EntityResolver, surface: str, plain: str
) -> None:
    assert split_person_name(surface)[0] == plain
    _same(resolver, [surface, plain], PERSON)


@pytest.mark.parametrize(
    "surface",
    [
        "Prince of Wales",  # the office alone
        "Speaker of the House",
        "Mayor of New York Marla Quintero",  # "York" is also a given name: where is the cut?
        "Bank of Freedonia Marla",  # one word after the body
        "Minister of Justice Ana Pardo Roe",  # a three-word name is never cut short
    ],
)
def test_office_with_of_complement_left_alone(surface: str) -> None:
    assert split_person_name(surface)[0] == surface


# ------------ Thai and Malay office holders by their given name alone (given_name_countries)


@pytest.mark.parametrize(
    ("surfaces"),
    [
        ["Thaksin Shinawatra", "Thaksin", "ex-premier Thaksin"],
        ["Mahathir Mohamad", "Mahathir", "Tun Mahathir"],
        ["Yingluck Shinawatra", "Yingluck"],
    ],
)
def test_given_name_alone_in_given_name_countries(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, PERSON)


@pytest.mark.parametrize(
    "given",
    [
        "Ismail",  # a Malay office holder's given name many others share
        "Abdullah",  # a common surname too
        "Joko",  # Indonesia is not in the list
        "Vladimir",  # nor Russia
    ],
)
def test_given_name_alone_elsewhere_or_shared_is_nobody(
    resolver: EntityResolver, given: str
) -> None:
    assert entity_id(resolver, given, PERSON) is None
