"""Issue 11, names classes 1-4: one parametrised test per class, with our own examples.

None of these strings is taken from an evaluation set (tests/data/entity_eval*).
"""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import Overrides, load_org_roles
from pipelines.core.entities.names import transliteration_skeleton
from pipelines.core.normalize import clean_name, clean_org_name, org_key, person_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same

# ---------------------------------------------------------------- class 1: descriptors


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Syria's ruling Baath Party", "Baath Party"),
        ("state-owned Sinopec", "Sinopec"),
        ("the Boko Haram militia", "Boko Haram"),
        ("Qatar's Al Jazeera network", "Al Jazeera"),
        ("Kremlin-linked Wagner Group", "Wagner Group"),
        ("the opposition Democratic Party", "Democratic Party"),
        # A country's institution keeps its country; a role description stays whole.
        ("Turkey's Justice and Development Party", "Turkey's Justice and Development Party"),
        ("Canada's central bank", "Canada's central bank"),
        ("the U.N. food agency", "U.N. food agency"),
        # Not descriptions: particles, an organisation's own possessive, title case.
        ("al Shabaab", "al Shabaab"),
        ("the Bank's Board", "Bank's Board"),
        ("Reuters News Agency", "Reuters News Agency"),
    ],
)
def test_org_descriptors_are_stripped(surface: str, expected: str) -> None:
    assert clean_org_name(surface) == expected


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Germany's central bank", "the German central bank", "Deutsche Bundesbank", "Bundesbank"],
        ["the Swiss central bank", "Switzerland's central bank", "Swiss National Bank", "SNB"],
        ["Britain's domestic spy agency", "the British domestic spy agency", "MI5"],
        ["the U.N. children's agency", "UN children's agency", "UNICEF"],
        ["the UN's food agency", "World Food Programme", "WFP"],
        [
            "the French foreign ministry",
            "France's foreign ministry",
            "Ministry of Foreign Affairs of France",
        ],
        [
            "Indian Defence Ministry",
            "India's defence ministry",
            "Ministry of Defence of India",
            "the Indian defense ministry",
        ],
        ["Paris's foreign ministry", "French Foreign Ministry"],
        ["the global chemical weapons watchdog", "OPCW"],
        ["Turkey's Justice and Development Party", "Justice and Development Party", "AKP"],
        ["Iran-allied Kataib Hezbollah", "Kataib Hezbollah"],
        ["Office of the World Meteorological Organization", "WMO"],
    ],
)
def test_org_roles_and_descriptors_resolve(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Germany's foreign ministry", "ORG"), ("Germany's defence ministry", "ORG")),
        (("Germany's foreign ministry", "ORG"), ("Austria's foreign ministry", "ORG")),
        (("Canada's central bank", "ORG"), ("Canada", "GPE")),
        (("Australia's central bank", "ORG"), ("New Zealand's central bank", "ORG")),
        (("France's spy agency", "ORG"), ("Germany's spy agency", "ORG")),
        (("Britain's domestic spy agency", "ORG"), ("Britain's foreign spy agency", "ORG")),
        # A possessive country never pulls in another country's organisation.
        (("Greece's Justice and Development Party", "ORG"), ("AKP", "ORG")),
    ],
)
def test_org_roles_keep_apart(
    resolver: EntityResolver, a: tuple[str, str], b: tuple[str, str]
) -> None:
    _apart(resolver, a[0], b[0], a[1], b[1])


def test_every_role_body_is_in_the_gazetteer(resolver: EntityResolver) -> None:
    roles = load_org_roles()
    missing = [name for name in roles.bodies.values() if resolver.find_target("ORG", name) is None]
    assert not missing
    assert {r for _, r in roles.bodies} <= set(roles.phrases.values())


# ---------------------------------------------------------------- class 2: company forms


@pytest.mark.parametrize(
    "names",
    [
        ["Hitachi Ltd", "Hitachi, Ltd.", "HITACHI LTD"],
        ["Panasonic Holdings Corp", "Panasonic Hldgs", "Panasonic Holdings Corporation"],
        ["Daimler AG", "Daimler Aktiengesellschaft", "Daimler"],
        ["Carrefour SA", "Carrefour S.A.", "Carrefour"],
        ["Hon Hai Precision Industry Co., Ltd.", "Hon Hai Precision Industry Co Ltd"],
        ["Sharp Elec", "Sharp Electronics Corp", "Sharp Electronics"],
        ["Swire Pacific Hldgs", "Swire Pacific Holdings Ltd"],
        ["Hyatt Hotels Intl", "Hyatt Hotels International"],
        ["Nissan Motors", "Nissan Motor Co., Ltd."],
        ["Lazard Freres & Co.", "Lazard Freres", "Lazard Freres and Company"],
    ],
)
def test_company_forms_share_a_key(names: list[str]) -> None:
    assert len({org_key(n) for n in names}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tech Mahindra", "Mahindra"),  # an abbreviation is never the first word
        ("Mitsui Chemicals", "Mitsui"),
        ("Hon Hai Precision Industry", "Hon Hai"),
    ],
)
def test_company_forms_keep_names(a: str, b: str) -> None:
    assert org_key(a) != org_key(b)


def _resolver_with(records: list[dict[str, Any]]) -> EntityResolver:
    return EntityResolver(records, Overrides(), "test")


def _org(name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {
        "entity_type": "ORG",
        "kind": "org",
        "canonical_name": name,
        "aliases": list(aliases),
        **extra,
    }


def test_bare_brand_resolves_only_when_unambiguous() -> None:
    r = _resolver_with(
        [_org("Zentor Motor"), _org("Quillan Electronics"), _org("Quillan Heavy Industries")]
    )
    zentor = r.resolve_name("Zentor", "ORG")
    assert zentor is not None and zentor.canonical_name == "Zentor Motor"
    quillan = r.resolve_name("Quillan", "ORG")  # two gazetteer companies start with it
    assert quillan is None or quillan.canonical_name == "Quillan"


# ---------------------------------------------------------------- class 3: compact, historical, native


@pytest.mark.parametrize(
    ("surfaces", "etype"),
    [
        (["Austria", "Österreich", "Osterreich"], "GPE"),
        (["Poland", "Polska"], "GPE"),
        (["Hungary", "Magyarország", "Magyarorszag"], "GPE"),
        (["Egypt", "Misr"], "GPE"),
        (["Thailand", "Siam"], "GPE"),
        (["Croatia", "Hrvatska"], "GPE"),
        (["South Africa", "S.Africa", "S. Africa"], "GPE"),
        (["Northern Ireland", "N.Ireland"], "GPE"),
        (["South Sudan", "S.Sudan"], "GPE"),
        (["Lebanon", "the Lebanon"], "GPE"),
        (["Alternative for Germany", "Alternative für Deutschland", "AfD"], "ORG"),
        (["Law and Justice", "Prawo i Sprawiedliwość", "PiS"], "ORG"),
        (["Spanish Socialist Workers' Party", "Partido Socialista Obrero Español", "PSOE"], "ORG"),
        (["Justice and Development Party", "Adalet ve Kalkınma Partisi", "AK Party"], "ORG"),
        (["al-Shabaab", "al-Shabab", "Al Shabaab", "Shabaab"], "ORG"),
        (["Nusra Front", "Jabhat al-Nusra", "al-Nusra Front"], "ORG"),
        (["Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "HTS"], "ORG"),
        (["Fatah", "Fateh"], "ORG"),
        (["Palestinian Islamic Jihad", "Islamic Jihad"], "ORG"),
    ],
)
def test_native_and_historical_forms_resolve(
    resolver: EntityResolver, surfaces: list[str], etype: str
) -> None:
    _same(resolver, surfaces, etype)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("al-Qaida", "al qaeda"),
        ("Hizbullah", "hezbollah"),
        ("Taleban", "taliban"),
        ("Ansarollah", "ansarullah"),
    ],
)
def test_transliteration_skeleton(a: str, b: str) -> None:
    assert transliteration_skeleton(org_key(a)) == transliteration_skeleton(org_key(b))


def test_transliterated_spellings_need_a_close_spelling() -> None:
    r = _resolver_with([_org("Harakat Nasr", transliterated="ar")])
    target = r.resolve_name("Harakat Nasr", "ORG")
    assert target is not None
    for spelling in ("Haraqat Nasir", "Harakat al-Nasr", "Harakaat Naasr"):
        hit = r.resolve_name(spelling, "ORG")
        assert hit is not None and hit.entity_id == target.entity_id, spelling
    for other in ("Hurukut Nusur", "Harakat Nasser Brigades"):  # same consonants, other words
        hit = r.resolve_name(other, "ORG")
        assert hit is None or hit.entity_id != target.entity_id, other
    plain = _resolver_with([_org("Harakat Nasr")])  # not marked transliterated: exact only
    hit = plain.resolve_name("Haraqat Nasir", "ORG")
    assert hit is None or hit.canonical_name != "Harakat Nasr"


# ---------------------------------------------------------------- class 4: no false merge


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamad bin Khalifa Al Thani", "Khalifa bin Hamad Al Thani"),  # father / grandfather
        ("Abdullah bin Faisal", "Faisal bin Abdullah"),
        ("Hamdan bin Rashid", "Rashid bin Hamdan"),
        ("Hassan Khalid", "Khalid Hassan"),  # two given names: two people
        ("Thomas Kelly", "Kelly Thomas"),
        ("Rashid Hamdan Al Saif", "Rashid Hamdan Al Saif Jr."),
        ("Omar bin Zayed Al Falasi", "Saif bin Zayed Al Falasi"),  # brothers, 4 of 5 tokens
    ],
)
def test_people_sharing_all_but_one_token_stay_apart(
    resolver: EntityResolver, a: str, b: str
) -> None:
    assert person_key(a) != person_key(b)
    _apart(resolver, a, b, "PERSON")


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Viktor Orbanyi", "Orbanyi Viktor"],  # family name first (Hungarian, Japanese)
        ["Taro Kono", "Kono Taro"],
        ["Kenta Abe", "Abe Kenta"],  # two words US statistics know as given names, Japanese
        [
            "Hamad bin Khalifa Al Thani",
            "Hamad bin Khalifa al-Thani",
            "Sheikh Hamad bin Khalifa Al Thani",
        ],
        ["Abu Mohammad al Julani", "Abu Mohammad al-Julani"],
        ["Bruce Ash", "BRUCE ASH", "Bruce Ash's"],  # a particle-like surname stays a surname
        ["John F. Kennedy", "John F Kennedy", "JOHN F. KENNEDY"],
    ],
)
def test_legitimate_person_variants_still_merge(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "PERSON")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Martin Luther King Jr.'s", "Martin Luther King Jr."),
        ("Daw Khin Kyi", "Khin Kyi"),
        ("Samdech Tea Banh", "Tea Banh"),
        ("Tun Abdul Razak", "Abdul Razak"),
        ("House Majority Leader Steny Hoyer", "Steny Hoyer"),
        ("Senate Minority Leader Chuck Schumer", "Chuck Schumer"),
    ],
)
def test_person_titles_and_possessives(surface: str, expected: str) -> None:
    assert clean_name(surface) == expected


def _person(name: str, *aliases: str) -> dict[str, Any]:
    return {
        "entity_type": "PERSON",
        "kind": "person",
        "canonical_name": name,
        "aliases": list(aliases),
    }


def test_son_possessive_is_not_the_father() -> None:
    r = _resolver_with([_person("Hank Wexley"), _person("Hank Wexley Jr.")])
    son, father = (
        r.resolve_name("Hank Wexley Jr.'s", "PERSON"),
        r.resolve_name("Hank Wexley", "PERSON"),
    )
    assert son is not None and father is not None
    assert son.canonical_name == "Hank Wexley Jr." and son.entity_id != father.entity_id


def test_patronymic_short_form_keeps_its_order() -> None:
    r = _resolver_with([_person("Hamdan bin Rashid Al Saif"), _person("Rashid bin Hamdan Al Saif")])
    for short, full in (
        ("Hamdan bin Rashid", "Hamdan bin Rashid Al Saif"),
        ("Sheikh Rashid bin Hamdan", "Rashid bin Hamdan Al Saif"),
    ):
        hit = r.resolve_name(short, "PERSON")
        assert hit is not None and hit.canonical_name == full


def test_middle_initial_is_dropped_unless_ambiguous() -> None:
    r = _resolver_with(
        [
            _person("Alden P. Crowe", "Alden Crowe"),
            _person("Alden R. Crowe", "Alden Crowe"),
            _person("Mirela Dunst"),
        ]
    )
    a, b = (
        r.resolve_name("Gwendolyn T. Marsh", "PERSON"),
        r.resolve_name("Gwendolyn Marsh", "PERSON"),
    )
    assert a is not None and b is not None and a.entity_id == b.entity_id
    jr = r.resolve_name("Gwendolyn T. Marsh Jr.", "PERSON")
    assert jr is not None and jr.entity_id != b.entity_id
    known = r.resolve_name("Mirela K. Dunst", "PERSON")
    assert known is not None and known.canonical_name == "Mirela Dunst"
    other = r.resolve_name("Alden Q. Crowe", "PERSON")  # two gazetteer Aldens: no guess
    assert other is None or other.canonical_name not in {"Alden P. Crowe", "Alden R. Crowe"}
