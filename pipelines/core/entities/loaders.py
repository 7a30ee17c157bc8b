"""What the resolver reads: gazetteer records, the user's overrides, rule tables.

Each is parsed once; ``data_version`` digests them all, so rows can be redone when
any of them changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipelines.core.models import (
    PERSON,
)
from pipelines.core.normalize import (
    place_key,
    surname_key,
)
from pipelines.core.resources import place_demonym_rows, rule_bytes, rule_lines, rule_text

# Rule files whose content defines resolver behaviour (hashed into data_version).
_RULE_FILES = (
    "aliases.jsonl",
    "honorifics.txt",
    "address_forms.txt",
    "post_nominals.txt",
    "office_titles.txt",
    "occupations.txt",
    "descriptors.txt",
    "org_suffixes.txt",
    "newspaper_title_words.txt",
    "org_description_heads.txt",
    "name_particles.txt",
    "given_name_variants.tsv",
    "korean_surnames.tsv",
    "chinese_surnames.txt",
    "common_surnames.txt",
    "common_surnames_census.txt",
    "nominal_phrases.tsv",
    "metonymy_cues.tsv",
    "org_roles.tsv",
    "org_local_kinds.txt",
    "first_name_gender.tsv",
    "place_designations.txt",
    "organisations.tsv",
    "subdivision_designations.tsv",
    "native_region_designations.tsv",
    "place_description_words.tsv",
    "subdivision_abbreviations.tsv",
    "british_counties.tsv",
    "native_body_heads.tsv",
    "native_country_genitives.tsv",
    "wade_giles.tsv",
    "places_geonames.jsonl",
    "place_slip_towns.txt",
    "one_spelling_countries.txt",
    "ordered_name_countries.txt",
    "family_first_countries.txt",
    "country_spellings.tsv",
    "federations.txt",
    "region_nicknames.tsv",
    "us_appeals_circuits.tsv",
    "us_congress_committees.tsv",
    "countries.tsv",
    "french_body_words.tsv",
    "french_renderings.tsv",
    "surname_particles.txt",
    "first_name_gender_ambiguous.txt",
    "given_name_countries.txt",
    "foreign_role_titles.tsv",
    "gendered_words.tsv",
    "place_demonyms.tsv",
    "city_nicknames.tsv",
    "irish_counties.tsv",
    "city_indigenous_names.tsv",
    "channel_author_verbs.txt",
    "first_level_regions.tsv",
)


@dataclass(frozen=True, slots=True)
class Overrides:
    """User decisions from the overrides TOML (see ``rules/entity_overrides.example.toml``).

    Attributes:
        merges: Groups of names forced into one entity: (type, names, QID or None).
        aliases: Extra aliases: (type, alias, target QID or canonical name).
        splits: Aliases that must never resolve to a target: (type, alias, target).
        raw: The file bytes (hashed into ``data_version``).
    """

    merges: tuple[tuple[str, tuple[str, ...], str | None], ...] = ()
    aliases: tuple[tuple[str, str, str], ...] = ()
    splits: tuple[tuple[str, str, str], ...] = ()
    raw: bytes = b""

    @classmethod
    def load(cls, path: Path | None) -> Overrides:
        """Read an overrides file; an absent file means no overrides."""
        if path is None or not path.exists():
            return cls()
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        merges = tuple(
            (m.get("entity_type", PERSON), tuple(m["names"]), m.get("wikidata_id"))
            for m in data.get("merge", [])
        )
        aliases = tuple(
            (a.get("entity_type", PERSON), a["alias"], a["target"]) for a in data.get("alias", [])
        )
        splits = tuple(
            (s.get("entity_type", PERSON), s["alias"], s["target"]) for s in data.get("split", [])
        )
        return cls(merges, aliases, splits, raw)


def resolver_data_version(overrides_path: Path | None = None) -> str:
    """The ``data_version`` the default resolver would have, without indexing anything.

    Lets a run decide that nothing needs analysing before paying for the resolver
    (and spaCy) to load. ``overrides_path`` None means no overrides (the caller passes
    the configured path: ``pipelines.settings.overrides_path()``).
    """
    return data_version(Overrides.load(overrides_path))


def data_version(overrides: Overrides) -> str:
    """Digest of the rule files the resolver reads, the nickname table and the overrides."""
    h = hashlib.sha256()
    for name in _RULE_FILES:
        h.update(name.encode())
        h.update(rule_bytes(name))
    h.update(b"nicknames")
    h.update(_nickname_csv())
    h.update(b"overrides")
    h.update(overrides.raw)
    return h.hexdigest()[:12]


def base_gazetteer_records() -> list[dict[str, Any]]:
    """The curated gazetteer, the organisation table, Irish counties and listed regions."""
    records = [json.loads(line) for line in rule_text("aliases.jsonl").splitlines() if line.strip()]
    return records + organisation_records() + irish_county_records() + first_level_region_records()


def first_level_region_records() -> list[dict[str, Any]]:
    """The regions of ``rules/first_level_regions.tsv`` as GPE subdivision records.

    Each carries its ISO 3166-2 code and country, its designation written after and before
    its name ("Aichi Prefecture", "Prefecture of Aichi") and its other names; the bare name
    only when no canonical name is given (a capital city or a namesake region owns it).
    """
    records: list[dict[str, Any]] = []
    for line in rule_lines("first_level_regions.tsv"):
        code, name, canonical, designation, others = (
            c.strip() for c in [*line.split("\t"), "", "", ""][:5]
        )
        canonical = canonical or name
        names = [f"{name} {designation}", f"{designation} of {name}"] if designation else []
        names += [o for o in others.split("|") if o]
        records.append(
            {
                "kind": "subdivision",
                "entity_type": "GPE",
                "canonical_name": canonical,
                "aliases": [n for n in dict.fromkeys(names) if n != canonical],
                "country": code.split("-")[0],
                "admin1": code,
                "source": "first_level_regions.tsv",
            }
        )
    return records


def irish_county_records() -> list[dict[str, Any]]:
    """The counties of Ireland (``rules/irish_counties.tsv``) as GPE records.

    Each is "County <name>" with the styles news writes it in ("Co. Cork", "Co Cork",
    "Cork County" where no US county shares the name) and its Irish name; never the bare
    name, which is the county town's.
    """
    records: list[dict[str, Any]] = []
    for line in rule_lines("irish_counties.tsv"):
        name, country, irish, flags, others = (
            c.strip() for c in [*line.split("\t"), "", "", ""][:5]
        )
        aliases = [f"Co. {name}", f"Co {name}"]
        if "us" not in flags.split("|"):
            aliases.append(f"{name} County")
        aliases += [irish] if irish else []
        for other in (o for o in others.split("|") if o):
            aliases += [f"County {other}", f"Co. {other}", f"Co {other}"]
        records.append(
            {
                "kind": "region",
                "entity_type": "GPE",
                "canonical_name": f"County {name}",
                "aliases": aliases,
                "country": country,
                "source": "irish_counties.tsv",
            }
        )
    return records


def gazetteer_records() -> list[dict[str, Any]]:
    """Every shipped entity: the curated gazetteer plus the place index built from GeoNames."""
    records = with_place_index(base_gazetteer_records(), rule_text("places_geonames.jsonl"))
    records = with_region_nicknames(records, rule_lines("region_nicknames.tsv"))
    records = with_city_nicknames(records, rule_lines("city_nicknames.tsv"))
    return with_city_nicknames(records, rule_lines("city_indigenous_names.tsv"))


def with_city_nicknames(
    records: list[dict[str, Any]], lines: Iterable[str]
) -> list[dict[str, Any]]:
    """The records with each city's nicknames (``rules/city_nicknames.tsv``) as aliases.

    A nickname joins the one city record of that name and country; a nickname given to two
    cities, one any record already bears as a name, or one whose city the gazetteer holds
    twice or not at all, is left out.
    """
    claims: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        country, city, name = (c.strip() for c in line.split("\t"))
        claims.setdefault(name, set()).add((country, city))
    taken = {place_key(n) for r in records for n in [r["canonical_name"], *r.get("aliases", [])]}
    cities: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        if r.get("kind") == "city" and "canonical_name" in r:
            cities.setdefault((r.get("country") or "", r["canonical_name"]), []).append(r)
    for name, owners in claims.items():
        found = cities.get(next(iter(owners)), []) if len(owners) == 1 else []
        if len(found) == 1 and place_key(name) not in taken:
            found[0]["aliases"] = [*found[0].get("aliases", []), name]
    return records


def with_region_nicknames(
    records: list[dict[str, Any]], lines: Iterable[str]
) -> list[dict[str, Any]]:
    """The records with each region's nicknames (``rules/region_nicknames.tsv``) as aliases.

    A nickname joins the one place record carrying that ISO 3166-2 code (``admin1`` of a
    region); a nickname of two regions ("Sunshine State": Florida and Queensland), or one
    any record already bears as a name, is left out.
    """
    claims: dict[str, set[str]] = {}
    for line in lines:
        code, name = (c.strip() for c in line.split("\t"))
        claims.setdefault(name, set()).add(code)
    taken = {place_key(n) for r in records for n in [r["canonical_name"], *r.get("aliases", [])]}
    regions = {
        r["admin1"]: r
        for r in records
        if r.get("kind") == "subdivision" and r.get("admin1") and "canonical_name" in r
    }
    for name, codes in claims.items():
        region = regions.get(next(iter(codes))) if len(codes) == 1 else None
        if region is not None and place_key(name) not in taken:
            region["aliases"] = [*region.get("aliases", []), name]
    return records


def with_place_index(records: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The records plus the place index's rows (``rules/places_geonames.jsonl`` text).

    The index (``pipelines.tools.build_places``) holds new cities and ``extends`` rows:
    extra names of a curated place (same canonical name and country), added to that
    record's aliases so the place stays one entity, and its first-level region's ISO
    3166-2 code (``admin1``).

    Raises:
        ValueError: an ``extends`` row naming no curated place (the build is stale).
    """
    records = [dict(r) for r in records]
    by_name = {
        (r["canonical_name"], r.get("country") or ""): r
        for r in records
        if r["entity_type"] in ("GPE", "LOC")
    }
    for line in text.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        target = rec.get("extends")
        if target is None:
            records.append(rec)
            continue
        base = by_name.get((target, rec["country"]))
        if base is None:
            raise ValueError(
                f"places_geonames.jsonl extends {target!r} ({rec['country']}), which the "
                "gazetteer no longer has: rebuild with `python -m pipelines build-places`"
            )
        base["aliases"] = [*base.get("aliases", []), *rec["aliases"]]
        if rec.get("admin1"):
            # The ISO 3166-2 code of the place's state or province (its own, for a region).
            base["admin1"] = rec["admin1"]
        if rec.get("namesakes"):
            base["namesakes"] = True  # other GeoNames towns bear the city's own name
    return records


# Places of the organisation table that are bodies, not countries (no ``country`` field).
_BODY_PLACES = frozenset({"UN", "EU"})


def organisation_records() -> list[dict[str, Any]]:
    """The organisation table (``rules/organisations.tsv``) as gazetteer records.

    Each row is one ORG entity; ``roles`` pairs the row's place with the roles it fills
    (``[["TH", "central bank"]]``), which the resolver adds to the role table.

    Raises:
        ValueError: a row without a name or with more than five columns (the message names the row).
    """
    records: list[dict[str, Any]] = []
    for line in rule_lines("organisations.tsv"):
        cols = line.split("\t")  # trailing empty columns were stripped with the line
        if not 2 <= len(cols) <= 5 or not cols[0].strip():
            raise ValueError(f"organisations.tsv: expected 2-5 tab-separated columns: {line!r}")
        name, category, place, aliases, roles = (c.strip() for c in [*cols, "", "", ""][:5])
        rec: dict[str, Any] = {
            "kind": "org",
            "entity_type": "ORG",
            "canonical_name": name,
            "aliases": [a for a in aliases.split("|") if a],
            "category": category,
            "source": "organisations.tsv",
        }
        if place and place not in _BODY_PLACES:
            rec["country"] = place
        if roles:
            rec["roles"] = [[place or "*", r] for r in roles.split("|") if r]
        records.append(rec)
    return records


def load_subdivision_designations() -> dict[str, frozenset[str]]:
    """Country code -> what it calls its first-level regions ("PK" -> {"province", "territory"})."""
    table: dict[str, frozenset[str]] = {}
    for line in rule_lines("subdivision_designations.tsv"):
        code, _, words = line.partition("\t")
        table[code.strip()] = frozenset(w.strip() for w in words.split("|") if w.strip())
    return table


def load_subdivision_abbreviations() -> dict[str, str]:
    """A region's abbreviation as written ("Tex.", "N.W.T.", "TX") -> its gazetteer name."""
    table = {}
    for line in rule_lines("subdivision_abbreviations.tsv"):
        short, _, full = line.partition("\t")
        if short.strip() and full.strip():
            table[short.strip().replace(". ", ".")] = full.strip()
    return table


def load_us_appeals_circuits() -> dict[str, str]:
    """A US court of appeals' circuit as written ("9th", "Ninth", "D.C.") -> its designation."""
    table = {}
    for line in rule_lines("us_appeals_circuits.tsv"):
        name, _, forms = line.partition("\t")
        for form in [name, *forms.split("|")]:
            if form.strip():
                table[form.strip().lower()] = name.strip()
    return table


def load_place_demonyms() -> dict[str, frozenset[str]]:
    """A place's demonym as written ("Mexican", "Albertan") -> the ISO codes listing it.

    ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a region (``rules/place_demonyms.tsv``).
    """
    table: dict[str, set[str]] = {}
    for word, code in place_demonym_rows():
        table.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in table.items()}


def load_native_region_designations() -> tuple[tuple[str, str], ...]:
    """(native designation with its joining word, English designation), longest first.

    "estado de" -> "state": "Estado de Jalisco" is the state of Jalisco.
    """
    rows = []
    for line in rule_lines("native_region_designations.tsv"):
        native, _, english = line.partition("\t")
        if native.strip() and english.strip():
            rows.append((native.strip().lower(), english.strip().lower()))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def load_place_description_words() -> dict[str, frozenset[str]]:
    """Role ("city", "region", "modifier") -> the words of a place's descriptive phrase.

    "the western <demonym> city of X": "western" a modifier, "city" says X is a city.
    """
    table: dict[str, set[str]] = {}
    for line in rule_lines("place_description_words.tsv"):
        word, _, role = line.partition("\t")
        if word.strip() and role.strip():
            table.setdefault(role.strip(), set()).add(" ".join(word.lower().split()))
    return {role: frozenset(words) for role, words in table.items()}


def load_french_body_words() -> dict[str, tuple[str, str]]:
    """Key of a French word of a body's name -> (English word, kind: head/adj/of/attr)."""
    table = {}
    for line in rule_lines("french_body_words.tsv"):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) == 3 and all(cols):
            table[cols[0].lower()] = (cols[1], cols[2])
    return table


def load_native_body_heads() -> dict[str, str]:
    """Key of a body's head word in another language -> the English word ("banco" -> "Bank")."""
    table = {}
    for line in rule_lines("native_body_heads.tsv"):
        native, _, english = line.partition("\t")
        if native.strip() and english.strip():
            table[native.strip().lower()] = english.strip()
    return table


@lru_cache(maxsize=1)
def load_federations() -> frozenset[str]:
    """ISO codes of the federal states (``rules/federations.txt``)."""
    return frozenset(line.strip().upper() for line in rule_lines("federations.txt") if line.strip())


@lru_cache(maxsize=1)
def load_org_local_kinds() -> frozenset[str]:
    """Words of the bodies every place has one of (``rules/org_local_kinds.txt``), lower case."""
    return frozenset(
        line.strip().lower() for line in rule_lines("org_local_kinds.txt") if line.strip()
    )


def load_native_country_genitives() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(written words, "after"|"before", English country name), longest forms first.

    "Sberbank Rossii" is Sberbank of Russia, "Sveriges riksdag" Sweden's Riksdag.
    """
    rows = []
    for line in rule_lines("native_country_genitives.tsv"):
        form, side, country = (part.strip() for part in line.split("\t"))
        if side not in ("after", "before"):
            raise ValueError(f"native_country_genitives.tsv: bad side {side!r} in {line!r}")
        rows.append((tuple(form.split()), side, country))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def common_surname_keys() -> frozenset[str]:
    """Surnames too common to stand alone, keyed like the surname index ("husein").

    The hand list plus the most frequent US census surnames (generated; see
    ``pipelines/tools/build_common_surnames.py``).
    """
    return frozenset(
        key
        for name in ("common_surnames.txt", "common_surnames_census.txt")
        for line in rule_lines(name)
        if (key := surname_key(line))
    )


@dataclass(frozen=True, slots=True)
class MetonymyCues:
    verbs: frozenset[str]
    nouns: frozenset[str]
    relations: frozenset[str]


def load_metonymy_cues() -> MetonymyCues:
    kinds: dict[str, set[str]] = {"verb": set(), "noun": set(), "relation": set()}
    for line in rule_lines("metonymy_cues.tsv"):
        kind, _, word = line.partition("\t")
        kinds[kind].add(word.strip().lower())
    return MetonymyCues(
        frozenset(kinds["verb"]), frozenset(kinds["noun"]), frozenset(kinds["relation"])
    )


@dataclass(frozen=True, slots=True)
class Nominals:
    """All nominal phrases as one alternation (one scan per article)."""

    pattern: re.Pattern[str]
    targets: tuple[tuple[str, tuple[str, ...]], ...]  # per group: (target, requires)


def load_nominals() -> Nominals:
    rows = []
    for line in rule_lines("nominal_phrases.tsv"):
        phrase, target, requires = [*line.split("\t"), "", ""][:3]
        first, rest = phrase[0], phrase[1:]
        rest_pattern = re.escape(rest).replace("'", "['\u2019]")
        alt = f"[{first.lower()}{first.upper()}]{rest_pattern}"
        rows.append((len(phrase), alt, target, tuple(r for r in requires.split(",") if r)))
    # Longest phrases first so "the presidential office" wins over "the office".
    rows.sort(key=lambda r: -r[0])
    alternation = "|".join(f"({alt})" for _, alt, _, _ in rows)
    return Nominals(
        re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"),
        tuple((target, req) for _, _, target, req in rows),
    )


@dataclass(frozen=True, slots=True)
class OrgRoles:
    """The role table (``rules/org_roles.tsv``): "Japan's central bank" -> Bank of Japan.

    Attributes:
        phrases: Folded role phrase -> role ("ministry of foreign affairs" -> foreign ministry).
        labels: Role -> label of every country's own body ("Ministry of Foreign Affairs").
        bodies: (place, role) -> canonical name of the gazetteer organisation.
        places: Folded place word -> place code ("british" -> GB, "u.n." -> UN).
    """

    phrases: dict[str, str]
    labels: dict[str, str]
    bodies: dict[tuple[str, str], str]
    places: dict[str, str]


# Abbreviated words of role phrases ("Japan's defense dept.", "the Thai govt"): written
# out before the phrase is compared (sixteenth session; a country's "dept." matched the US
# department of that name instead of the country's ministry).
_ROLE_ABBREVIATIONS = {"dept": "department", "depts": "departments", "govt": "government"}


def fold_role_text(text: str) -> str:
    """Lower case, no periods, one space: how role phrases and place words are compared."""
    words = text.replace(".", "").replace("\u2019", "'").lower().split()
    return " ".join(_ROLE_ABBREVIATIONS.get(w, w) for w in words)


def load_org_roles() -> OrgRoles:
    """Parse ``org_roles.tsv`` (its header documents the three line kinds)."""
    phrases: dict[str, str] = {}
    labels: dict[str, str] = {}
    bodies: dict[tuple[str, str], str] = {}
    places: dict[str, str] = {}
    for line in rule_lines("org_roles.tsv"):
        kind, *cols = [c.strip() for c in line.split("\t")]
        if kind == "role":
            role, variants, label = [*cols, "", ""][:3]
            for v in variants.split("|"):
                phrases[fold_role_text(v)] = role
            if label:
                labels[role] = label
        elif kind == "body":
            place, role, name = cols[:3]
            bodies[(place, role)] = name
        elif kind == "place":
            places[fold_role_text(cols[0])] = cols[1]
        else:
            raise ValueError(f"org_roles.tsv: unknown line kind {kind!r}")
    return OrgRoles(phrases, labels, bodies, places)


def _nickname_csv() -> bytes:
    """The ``nicknames`` package's table (name, has_nickname, nickname), as shipped."""
    return resources.files("nicknames").joinpath("names.csv").read_bytes()


@lru_cache(maxsize=1)
def english_given_names() -> frozenset[str]:
    """Every given name the ``nicknames`` table lists, in any of its pairs (case-folded).

    Evidence that a word is an English given name ("Brian", "Ian"), also for names whose
    pairs ``load_nicknames`` drops (cognates, translations): a pair may be no shortening
    while both of its names are still given names.
    """
    names: set[str] = set()
    for line in _nickname_csv().decode("utf-8").splitlines()[1:]:
        name, relation, nickname = (c.strip().casefold() for c in [*line.split(","), "", ""][:3])
        if relation == "has_nickname" and name and nickname:
            names.update((name, nickname))
    return frozenset(names)


@lru_cache(maxsize=1)
def load_nicknames() -> dict[str, frozenset[str]]:
    """Given names and the other forms of each: "joseph" -> {"joe", "jo", ...}, "joe" -> {...}.

    From the ``nicknames`` package (Apache-2.0; a hand-curated genealogy table of English
    given names and their nicknames), both ways. A pair whose two names have different
    genders in US birth statistics (``first_name_gender.tsv``) is left out: the table's
    genealogical pairs such as Aaron/Erin name different people today. So is a pair that
    is no shortening (``_looks_like_nickname``): the table also lists translations and
    cognates (John/Ivan, John/Ian, Benjamin/Jamie), which are other people's names.
    """
    gender = given_name_genders()
    related: dict[str, set[str]] = {}
    for line in _nickname_csv().decode("utf-8").splitlines()[1:]:
        name, relation, nickname = (c.strip().casefold() for c in [*line.split(","), "", ""][:3])
        if relation != "has_nickname" or not name or not nickname:
            continue
        if {gender.get(name, "?"), gender.get(nickname, "?")} == {"m", "f"}:
            continue
        if not _looks_like_nickname(nickname, name):
            continue
        related.setdefault(name, set()).add(nickname)
        related.setdefault(nickname, set()).add(name)
    return {k: frozenset(v) for k, v in related.items()}


@lru_cache(maxsize=1)
def gendered_titles() -> dict[str, str]:
    """A title that says its bearer's sex -> "m" or "f" ("mrs", "mme", "sir"; dotless).

    ``rules/gendered_words.tsv``, the quote stages' table of the same words.
    """
    table = {}
    for line in rule_lines("gendered_words.tsv"):
        word, _, sex = line.partition("\t")
        if sex.strip() in {"m", "f"}:
            table[word.strip().rstrip(".").casefold()] = sex.strip()
    return table


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name (case-folded, as written) -> "m" or "f" (``rules/first_name_gender.tsv``)."""
    return {
        parts[0].strip().casefold(): parts[1].strip()
        for line in rule_lines("first_name_gender.tsv")
        if len(parts := line.split("\t")) >= 2
    }


def _looks_like_nickname(nickname: str, name: str) -> bool:
    """A shortening of the name: "joe"/"joseph", "liz"/"elizabeth", "bill"/"william"."""
    if len(nickname) >= len(name):
        return False
    return nickname[0] == name[0] or nickname[1:] in name


@lru_cache(maxsize=1)
def slip_towns() -> frozenset[str]:
    """Place keys of GeoNames towns one slip from a known place (``rules/place_slip_towns.txt``).

    Generated by ``python -m pipelines build-places``; a name here is a real town, never a
    misspelling of the place it resembles ("Wolfsberg" / Wolfsburg).
    """
    return frozenset(rule_lines("place_slip_towns.txt"))


@lru_cache(maxsize=1)
def one_spelling_countries() -> frozenset[str]:
    """Countries whose people's names are not transliterated (``rules/one_spelling_countries.txt``)."""
    return frozenset(rule_lines("one_spelling_countries.txt"))


@lru_cache(maxsize=1)
def ordered_name_countries() -> frozenset[str]:
    """Countries of "<given> <father's given>" names (``rules/ordered_name_countries.txt``)."""
    return frozenset(rule_lines("ordered_name_countries.txt"))


@lru_cache(maxsize=1)
def family_first_countries() -> frozenset[str]:
    """Countries of family-name-first names (``rules/family_first_countries.txt``)."""
    return frozenset(rule_lines("family_first_countries.txt"))


@lru_cache(maxsize=1)
def given_name_countries() -> frozenset[str]:
    """Countries whose people are named by their given name (``rules/given_name_countries.txt``)."""
    return frozenset(rule_lines("given_name_countries.txt"))


@lru_cache(maxsize=1)
def country_spellings() -> dict[str, tuple[tuple[re.Pattern[str], str, bool], ...]]:
    """Country -> (pattern, replacement, given names only) of ``rules/country_spellings.tsv``."""
    table: dict[str, list[tuple[re.Pattern[str], str, bool]]] = {}
    for raw in rule_text("country_spellings.tsv").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        code, pattern, replacement, words = [*raw.split("\t"), "", "", ""][:4]
        row = (re.compile(pattern), replacement.strip(), words.strip() == "given")
        table.setdefault(code.strip(), []).append(row)
    return {code: tuple(rows) for code, rows in table.items()}


def load_british_counties() -> dict[str, str]:
    """A British county as written ("Lincolnshire", "Lincs") -> its full name."""
    table = {}
    for line in rule_lines("british_counties.tsv"):
        full, _, shorts = line.partition("\t")
        for form in [full, *shorts.split("|")]:
            if form.strip() and full.strip():
                table[form.strip()] = full.strip()
    return table
