"""Issue 11, names side (twentieth session): national bodies in every form news writes them.

Classes: a national body's name in its own language (central banks, EU institutions in the
EU's languages, securities regulators, public broadcasters, main parties, armed forces,
national museums); "<Country>'s <role>" and "the <demonym> <role>" for every securities
regulator and central bank of the population; US congressional committees written formally,
by short name, as a "panel" or by chamber and short name; the US combatant commands with
their "US"-prefixed acronyms; "<known museum> in <its city>". Own examples (general
knowledge); none is taken from an evaluation set. Must-not-merge cases beside each class.
"""

from __future__ import annotations

import pytest

from pipelines.core.entities import EntityResolver
from pipelines.core.entities.committees import committee_form
from pipelines.core.entities.loaders import organisation_records
from tests.core.entities_helpers import assert_apart, assert_same


def _canonical(resolver: EntityResolver, surface: str) -> str | None:
    entity = resolver.resolve_name(surface, "ORG")
    return entity.canonical_name if entity else None


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Banca centrale europea", "Europese Centrale Bank", "EZB", "Europejski Bank Centralny"],
        ["Europese Commissie", "Komisja Europejska", "Comissão Europeia"],
        ["Europees Parlement", "Parlament Europejski", "Europaparlamentet"],
        ["Europäischer Rat", "Consiglio europeo", "Europese Raad"],
        ["EuGH", "CJUE", "Corte di giustizia dell'Unione europea"],
        ["Renmin Yinhang", "Zhongguo Renmin Yinhang"],
        ["Central Bank of the Republic of Turkey", "Türkiye Cumhuriyet Merkez Bankası", "TCMB"],
        ["Central Bank of Iceland", "Seðlabanki Íslands"],
        ["Schweizerische Nationalbank", "Banca nazionale svizzera"],
        ["Croatian National Bank", "Hrvatska narodna banka"],
        ["Bank of Slovenia", "Banka Slovenije"],
        ["Latvijas Banka", "Bank of Latvia"],
        ["Polish Financial Supervision Authority", "Komisja Nadzoru Finansowego", "KNF"],
        [
            "Swiss Financial Market Supervisory Authority",
            "FINMA",
            "Eidgenössische Finanzmarktaufsicht",
        ],
        ["Capital Markets Board of Turkey", "Sermaye Piyasası Kurulu"],
        ["Turkish Radio and Television Corporation", "Türkiye Radyo ve Televizyon Kurumu"],
        ["Yle", "Yleisradio", "Finnish Broadcasting Company"],
        ["Labour Party (Norway)", "Arbeiderpartiet", "Norwegian Labour Party"],
        ["Finns Party", "Perussuomalaiset", "True Finns"],
        ["Russian Armed Forces", "Vooruzhonnye Sily Rossiyskoy Federatsii"],
        ["Swedish Security Service", "Säpo", "Säkerhetspolisen"],
        ["Guojia Anquan Bu", "Ministry of State Security"],
        ["Museo del Prado", "Prado Museum", "Museo Nacional del Prado"],
        ["Uffizi Gallery", "Galleria degli Uffizi"],
    ],
)
def test_native_and_english_names_are_one_body(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    assert_same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("surface", "body"),
    [
        ("Italy's securities regulator", "Commissione Nazionale per le Società e la Borsa"),
        ("the Spanish markets regulator", "National Securities Market Commission"),
        ("Australia's corporate regulator", "Australian Securities and Investments Commission"),
        ("the Brazilian securities regulator", "Brazilian Securities and Exchange Commission"),
        ("Sweden's financial watchdog", "Finansinspektionen"),
        ("America's securities regulator", "Securities and Exchange Commission"),
        ("Russia's financial regulator", "Central Bank of Russia"),
        ("Latvia's central bank", "Latvijas Banka"),
        ("the Dutch spy agency", "General Intelligence and Security Service"),
        ("Finland's security service", "Finnish Security and Intelligence Service"),
        ("the Maltese central bank", "Central Bank of Malta"),
    ],
)
def test_a_countrys_role_reaches_its_body(
    resolver: EntityResolver, surface: str, body: str
) -> None:
    assert _canonical(resolver, surface) == body


def test_every_central_bank_and_regulator_row_of_the_population_has_its_role() -> None:
    """The population is covered as a whole: each such row is its country's body for the role."""
    for rec in organisation_records():
        if rec["category"] == "central_bank" and rec.get("country"):
            assert [rec["country"], "central bank"] in rec.get("roles", []), rec["canonical_name"]
    regulators = {
        r.get("country")
        for r in organisation_records()
        if [r.get("country"), "securities regulator"] in r.get("roles", [])
    }
    assert {"IT", "ES", "NL", "CH", "AU", "BR", "AR", "MX", "ID", "ZA", "TR", "SA"} <= regulators


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Danish Financial Supervisory Authority", "Financial Supervisory Authority of Norway"),
        ("Italy's securities regulator", "Spain's securities regulator"),
        ("Bank of Lithuania", "Latvijas Banka"),
        ("Egyptian Museum", "Grand Egyptian Museum"),
        ("Palace Museum", "National Palace Museum"),
        ("GroenLinks", "GroenLinks–PvdA"),
        ("Arbeiderpartiet", "Dutch Labour Party"),
        ("Nieuw Sociaal Contract", "National Security Council"),
        ("Consiglio europeo", "Consiglio dell'Unione europea"),
        ("Europäischer Rat", "Rat der Europäischen Union"),
        ("Conseil de l'Europe", "Europäischer Rat"),
        ("Radio France", "France Télévisions"),
        ("Nachrichtendienst des Bundes", "Germany's spy agency"),
    ],
)
def test_namesakes_and_neighbours_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        [
            "Senate Veterans' Affairs Committee",
            "Senate Committee on Veterans' Affairs",
            "the Senate Veterans' Affairs panel",
            "Senate Veterans' Affairs",
            "U.S. Senate Veterans' Affairs Committee",
        ],
        [
            "House Foreign Affairs Committee",
            "House Committee on Foreign Affairs",
            "House of Representatives Foreign Affairs Committee",
            "the House Foreign Affairs panel",
        ],
        [
            "Senate Banking Committee",
            "Senate Committee on Banking, Housing, and Urban Affairs",
            "Senate Banking",
        ],
        [
            "House Education Committee",
            "House Committee on Education and the Workforce",
            "House Education and Workforce Committee",
        ],
    ],
)
def test_a_congressional_committee_in_every_form(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    assert_same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("House Homeland Security Committee", "Senate Homeland Security Committee"),
        ("House Appropriations Committee", "Senate Appropriations Committee"),
        ("Senate Finance Committee", "Senate Finance subcommittee"),
        ("Ohio House Finance Committee", "House Finance Committee"),
        ("House Natural Resources Committee", "House Small Business Committee"),
    ],
)
def test_other_committees_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert_apart(resolver, a, b, "ORG")


@pytest.mark.parametrize(
    "text", ["House rules", "Senate budget", "House Committee on Lunar Affairs", "Joint Committee"]
)
def test_what_is_no_committee_of_the_table(text: str) -> None:
    assert committee_form(text) is None


@pytest.mark.parametrize(
    "surfaces",
    [
        ["US European Command", "EUCOM", "USEUCOM", "U.S. European Command"],
        ["US Special Operations Command", "SOCOM", "USSOCOM"],
        ["US Africa Command", "AFRICOM", "USAFRICOM"],
    ],
)
def test_combatant_commands(resolver: EntityResolver, surfaces: list[str]) -> None:
    assert_same(resolver, surfaces, "ORG")


@pytest.mark.parametrize(
    ("same", "apart"),
    [
        (["Museo del Prado", "the Prado Museum in Madrid"], "the Prado Museum in Paris"),
        (["Uffizi Gallery", "the Uffizi Gallery in Florence"], "the Uffizi Gallery in Abu Dhabi"),
        (["British Museum", "British Museum in London"], "British Museum in Lyon"),
        (["Uffizi Gallery", "Uffizi Gallery Florence"], "Uffizi Gallery Madrid"),
    ],
)
def test_a_known_museum_in_its_own_city(
    resolver: EntityResolver, same: list[str], apart: str
) -> None:
    assert_same(resolver, same, "ORG")
    assert_apart(resolver, same[0], apart, "ORG")


def test_an_unknown_museum_in_a_city_keeps_its_city(resolver: EntityResolver) -> None:
    """Two museums of one name in two cities: without the table, the city stays."""
    assert_apart(resolver, "Museum of Tin Toys in Lyon", "Museum of Tin Toys in Leeds", "ORG")
    assert_apart(resolver, "Museum of Tin Toys in Lyon", "Museum of Tin Toys", "ORG")


@pytest.mark.parametrize(
    "surfaces",
    [
        [
            "Smithsonian Institution",
            "Smithsonian Institute",
            "the Smithsonian Institution in Washington",
        ],
        ["American Enterprise Institution", "AEI"],
    ],
)
def test_institute_for_a_known_institution_and_the_reverse(
    resolver: EntityResolver, surfaces: list[str]
) -> None:
    assert_same(resolver, surfaces, "ORG")


def test_institute_and_institution_of_unknown_bodies_stay_as_written(
    resolver: EntityResolver,
) -> None:
    assert_apart(resolver, "Quillfeather Institute", "Quillfeather Institution", "ORG")


def test_an_unknown_body_with_a_native_genitive_before_it_keeps_its_country(
    resolver: EntityResolver,
) -> None:
    """Two countries' unknown bodies of one head word are two bodies, never one bare word."""
    assert_apart(resolver, "Norges Kringkasting", "Danmarks Kringkasting", "ORG")
    assert_same(resolver, ["Norges Kringkasting", "Kringkasting of Norway"], "ORG")
