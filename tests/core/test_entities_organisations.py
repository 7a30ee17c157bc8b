"""Issue 11, names side (fifth session): the organisation table (``rules/organisations.tsv``).

Knowledge of which bodies exist and what news calls them: acronyms, legal, native and former
names, and the body a role description of a country names ("Malaysia's central bank"). Own
examples; none of these strings is taken from an evaluation set (tests/data/entity_eval*).
Each class has must-not-merge cases beside it: sister companies, a central bank and a
commercial bank of one country, one role of two countries, a city written before a name.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.loaders import gazetteer_records, load_org_roles, organisation_records
from pipelines.core.entities.names import acronym_key, org_key
from tests.core.entities_helpers import assert_apart as _apart
from tests.core.entities_helpers import assert_same as _same


def _canonical(resolver: EntityResolver, surface: str) -> str | None:
    entity = resolver.resolve_name(surface, "ORG")
    return entity.canonical_name if entity else None


def _spelled_keys(rec: dict[str, object]) -> set[tuple[str, str]]:
    """How the resolver indexes a record's names: acronyms apart from spelled names.

    Spelled names keep "Group"/"Holding": the resolver tells a company from its parent
    group by that word when the table knows both ("X" and "X Group").
    """
    keys = set()
    for n in [rec["canonical_name"], *rec.get("aliases", [])]:  # type: ignore[misc]
        acr = acronym_key(str(n))
        spelled = not (acr and len(str(n).replace(".", "")) <= 6)
        keys.add(("name", org_key(str(n), keep_group=True)) if spelled else ("acronym", acr))
    return keys


def test_table_is_several_hundred_bodies_of_every_kind() -> None:
    rows = organisation_records()
    kinds = defaultdict(int)
    for r in rows:
        kinds[r["category"]] += 1
    assert len(rows) >= 500
    for kind in ("un_agency", "igo", "court", "central_bank", "military", "intelligence",
                 "space_agency", "news_agency", "party", "company", "regulator"):  # fmt: skip
        assert kinds[kind] >= 5, kind


def test_table_repeats_no_entity_of_the_gazetteer() -> None:
    """One home per body: no spelled name of a row names another gazetteer entity.

    Acronyms two bodies really share (RSF) may repeat: they stay ambiguous.
    """
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in gazetteer_records():
        if rec["entity_type"] == "ORG":
            for key in _spelled_keys(rec):
                owners[key].add(rec["canonical_name"])
    table = {r["canonical_name"] for r in organisation_records()}
    clashes = {
        key: names
        for key, names in owners.items()
        if key[0] == "name" and len(names) > 1 and names & table
    }
    assert not clashes


def test_every_role_of_the_table_is_a_role_of_the_role_table() -> None:
    roles = set(load_org_roles().phrases.values())
    for rec in organisation_records():
        for _place, role in rec.get("roles", []):
            assert role in roles, (rec["canonical_name"], role)


def test_a_row_without_a_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.core.entities import loaders

    monkeypatch.setattr(loaders, "rule_lines", lambda name: ("\tcompany\tKR",))
    with pytest.raises(ValueError, match=r"organisations\.tsv"):
        loaders.organisation_records()


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Bank Negara Malaysia", "BNM", "Central Bank of Malaysia"],
        ["Hon Hai Precision Industry Co., Ltd.", "Foxconn", "Hon Hai"],
        ["Petróleos Mexicanos", "Pemex", "PEMEX"],
        ["Nippon Telegraph and Telephone", "NTT"],
        ["GlaxoSmithKline", "GSK"],
        ["Finmeccanica", "Leonardo S.p.A."],
        ["Pakistan Muslim League-Nawaz", "PML-N"],
        ["Partido Justicialista", "Justicialist Party"],
        ["Indian Space Research Organisation", "ISRO", "Isro"],
        ["World Tourism Organization", "UNWTO"],
        ["Popular Mobilization Forces", "Hashd al-Shaabi", "PMF"],
        ["Reporters sans frontières", "Reporters Without Borders"],
    ],
)
def test_acronyms_legal_native_and_former_names(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("surface", "body"),
    [
        ("Malaysia's central bank", "Bank Negara Malaysia"),
        ("the Chilean central bank", "Central Bank of Chile"),
        ("Beijing's central bank", "People's Bank of China"),
        ("the Pakistani military", "Pakistan Armed Forces"),
        ("India's space agency", "Indian Space Research Organisation"),
        ("the U.N.'s postal agency", "Universal Postal Union"),
        ("the UN drugs agency", "UN Office on Drugs and Crime"),
        ("Vietnam's official news agency", "Vietnam News Agency"),
        ("China's state news agency", "Xinhua News Agency"),
        ("Britain's competition watchdog", "Competition and Markets Authority"),
        ("the Indian markets regulator", "Securities and Exchange Board of India"),
        ("Nigeria's election commission", "Independent National Electoral Commission"),
        ("Hong Kong's de facto central bank", "Hong Kong Monetary Authority"),
    ],
)
def test_role_descriptions_name_the_country_s_body(
    resolver: EntityResolver, surface: str, body: str
) -> None:
    assert _canonical(resolver, surface) == body


@pytest.mark.parametrize(
    ("surface", "not_body"),
    [
        # No single body: Russia has two big news agencies, so the role is not resolved.
        ("Russia's state news agency", "TASS"),
        ("Russia's state news agency", "RIA Novosti"),
        # A body of the UN or EU the role table does not know is not the UN or EU itself.
        ("the UN trade agency", "United Nations"),
        ("a U.N. fact-finding body", "United Nations"),
        ("the EU's banking agency", "European Union"),
    ],
)
def test_unknown_roles_stay_unresolved(
    resolver: EntityResolver, surface: str, not_body: str
) -> None:
    assert _canonical(resolver, surface) != not_body


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Seoul Bank", "Bank of Korea"),  # a city before "Bank" is part of the name
        ("Beijing Bank", "People's Bank of China"),
        ("Tokyo Electric Power", "Bank of Japan"),
        ("Bank Negara Malaysia", "Maybank"),  # central bank and a commercial bank
        ("State Bank of Vietnam", "Vietcombank"),
        ("Samsung SDI", "Samsung C&T"),  # sister companies
        ("LG Chem", "LG Energy Solution"),  # parent and subsidiary
        ("Tata Consultancy Services", "Tata Motors"),
        ("Siemens", "Siemens Energy"),
        ("NTT", "NTT Docomo"),
        ("Airbus", "Airbus Helicopters"),
        ("Glencore", "Xstrata"),
        ("Rapid Support Forces", "Reporters Without Borders"),  # both "RSF"
        ("Bangladesh Nationalist Party", "British National Party"),
        ("Pakistan Armed Forces", "Indian Armed Forces"),  # one role, two countries
        ("Financial Services Commission", "Financial Services Agency"),
        ("Japan Atomic Energy Agency", "Japan Aerospace Exploration Agency"),
        ("Pheu Thai Party", "Thai Rak Thai"),  # successor and dissolved predecessor
    ],
)
def test_bodies_that_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


def test_shared_acronym_resolves_to_neither(resolver: EntityResolver) -> None:
    assert resolver.resolve_name("RSF", "ORG") is None


# ------------------------------------------------ safe folds of organisation names


@pytest.mark.parametrize(
    "surfaces",
    [
        # One gazetteer name written with or without the space between its words.
        ["PetroChina", "Petro China"],
        ["SoftBank Group", "Soft Bank Group"],
        ["Mastercard", "Master Card", "MasterCard"],
        # An acronym in brackets after the name is the same body's.
        ["Bank Negara Malaysia (BNM)", "Bank Negara Malaysia"],
        ["Securities and Exchange Board of India (SEBI)", "SEBI"],
        # "Oil Co" is the legal form "Oil Company".
        ["Kuwait Petroleum Corp", "Kuwait Petroleum Corporation"],
        ["China National Offshore Oil Co", "China National Offshore Oil Corporation"],
        # A gazetteer person's possessive before a gazetteer organisation is description.
        ["Narendra Modi's BJP", "Bharatiya Janata Party"],
        ["Mark Zuckerberg's Meta", "Meta Platforms"],
    ],
)
def test_spacing_brackets_oil_co_and_owners(resolver: EntityResolver, surfaces: list[str]) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kuwait Oil Co", "Kuwait Petroleum Corporation"),  # subsidiary and parent
        ("Communist Party of India (Marxist)", "Communist Party of India"),  # not an acronym
        ("Pakistan Muslim League (Q)", "Pakistan Muslim League (N)"),  # one letter: a faction
        ("Janata Dal (Secular)", "Janata Dal (United)"),
        ("Petro Chemical", "PetroChina"),
    ],
)
def test_folds_keep_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")


def test_a_possessive_owner_is_no_organisation(resolver: EntityResolver) -> None:
    # Without an organisation name after it, the owner's possessive resolves to nobody's
    # party; a one-word possessive is left alone (a company's own name: "McDonald's").
    assert _canonical(resolver, "Narendra Modi's party") != "Bharatiya Janata Party"
    hit = resolver.resolve_name("Narendra Modi's party", "ORG")
    assert hit is None or hit.entity_type != "PERSON"


# ------------------------------------------------ places: former, native and old names


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Thiruvananthapuram", "Trivandrum"],
        ["Tianjin", "Tientsin"],
        ["Kaliningrad", "Königsberg", "Koenigsberg"],
        ["Kinshasa", "Léopoldville"],
        ["Dnipro", "Dnipropetrovsk"],
        ["Malawi", "Nyasaland"],
        ["Botswana", "Bechuanaland"],
        ["Democratic Republic of the Congo", "Zaire"],
        ["Hong Kong", "HKSAR"],
        ["France", "République française", "French Republic"],
        ["Spain", "Reino de España"],
        ["Netherlands", "Koninkrijk der Nederlanden"],
        ["Colombia", "República de Colombia"],
    ],
)
def test_former_and_native_place_names(resolver: EntityResolver, surfaces: list[str]) -> None:
    ids = {s: getattr(resolver.resolve_name(s, "GPE"), "entity_id", None) for s in surfaces}
    assert None not in ids.values(), ids
    assert len(set(ids.values())) == 1, ids


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Northern Rhodesia", "Rhodesia"),  # Zambia and Zimbabwe
        ("Gold Coast", "Ghana"),  # the Australian city is the usual meaning today
        ("Samara", "Samarra"),
        ("Lviv", "Lviv Oblast"),
        ("Kirovohrad", "Kirov"),
        ("Tianjin", "Taiyuan"),
        ("Republik Österreich", "Australia"),
        ("República Dominicana", "República de Cuba"),
        ("Republic of the Congo", "Democratic Republic of the Congo"),
    ],
)
def test_places_that_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "GPE")


# ------------------------------------- people of countries with two surnames (knowledge)


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Michelle Bachelet", "Michelle Bachelet Jeria", "Verónica Michelle Bachelet Jeria"],
        ["Evo Morales", "Evo Morales Ayma"],
        ["Álvaro Uribe", "Álvaro Uribe Vélez"],
        ["Santiago Peña", "Santiago Peña Palacios"],
    ],
)
def test_full_legal_names_of_gazetteer_people(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    ids = {s: getattr(resolver.resolve_name(s, "PERSON"), "entity_id", None) for s in surfaces}
    assert None not in ids.values(), ids
    assert len(set(ids.values())) == 1, ids


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A namesake son adds his mother's surname after the father's whole name.
        ("Gustavo Petro", "Gustavo Petro Alcocer"),
        ("Luis Arce", "Luis Arce Mosqueira"),
        ("Sebastián Piñera", "Sebastián Piñera Morel"),
    ],
)
def test_a_word_after_the_whole_name_may_be_a_namesake(
    resolver: EntityResolver, a: str, b: str
) -> None:
    ea, eb = resolver.resolve_name(a, "PERSON"), resolver.resolve_name(b, "PERSON")
    assert ea is not None
    assert eb is None or ea.entity_id != eb.entity_id, (a, b)


@pytest.mark.parametrize(
    "surfaces",
    [
        # A known acronym with a legal form after it.
        ["ICBC Ltd", "Industrial and Commercial Bank of China"],
        ["SABIC SA", "Saudi Basic Industries Corporation"],
        ["CNOOC Ltd.", "China National Offshore Oil Corporation"],
        # Trade descriptions before a company's name.
        ["Dutch brewer Heineken", "Heineken"],
        ["Chilean miner Codelco", "Codelco"],
        ["Anglo-Swiss commodities trader Glencore", "Glencore"],
        ["Spanish utility Iberdrola", "Iberdrola"],
    ],
)
def test_acronym_legal_forms_and_trade_descriptions(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    _same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("TSMC Arizona Corp", "TSMC"),  # a subsidiary: more than a legal form after it
        ("SKC Co", "SK Inc."),
        ("UN Ltd", "United Nations"),  # two letters: no company's legal name
    ],
)
def test_acronym_legal_forms_keep_apart(resolver: EntityResolver, a: str, b: str) -> None:
    _apart(resolver, a, b, "ORG")
