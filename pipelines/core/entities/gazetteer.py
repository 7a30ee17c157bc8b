"""The gazetteer index and its public lookup API: names to canonical entities.

Built once per process (``EntityResolver.default``); every table is indexed at
construction, so per-article work (``article``) is dictionary lookups.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.core import ids
from pipelines.core.entities.article import ArticleResolver
from pipelines.core.entities.described import described_rest
from pipelines.core.entities.loaders import (
    Overrides,
    common_surname_keys,
    data_version,
    gazetteer_records,
    gendered_titles,
    given_name_countries,
    given_name_genders,
    load_british_counties,
    load_metonymy_cues,
    load_native_region_designations,
    load_nominals,
    load_org_roles,
    load_place_demonyms,
    load_place_description_words,
    load_subdivision_abbreviations,
    load_subdivision_designations,
    slip_towns,
)
from pipelines.core.entities.names import (
    GPE,
    LOC,
    NER_TYPES,
    ORG,
    PERSON,
    ROLE_TITLES,
    THE,
    AliasDecision,
    ArticleAuthor,
    ArticleEntities,
    Entity,
    Entry,
    Hit,
    NerSpan,
    acronym_before_head,
    acronym_key,
    acronym_of,
    add_entry,
    clean_for,
    clean_name,
    clean_org_name,
    clean_place_name,
    clean_surface,
    make_entity,
    org_key,
    parse_person_name,
    person_key,
    place_key,
    split_person_name,
    surname_key,
    type_key,
    written_surname_key,
)
from pipelines.core.entities.orgs import OrgLookups
from pipelines.core.entities.owners import person_owned_rest
from pipelines.core.entities.persons import PersonLookups
from pipelines.core.entities.placed import placed_parts, spell_compass
from pipelines.core.normalize import english_zipf, foreign_role_titles

_CACHE_LIMIT = 200_000  # memo entries kept before starting afresh (bounded memory)
_TITLE_ACRONYM = re.compile(r"^[A-Z][a-z]{3,5}$")
# "Republic of Türkiye", "State of Palestine": a formal prefix before a country's name.
_STATE_FORM = re.compile(
    r"^(?:the\s+)?(republic|kingdom|state|commonwealth|federation|principality|sultanate|"
    r"grand duchy|union)\s+of\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
# Forms of state that say which state it is: "Kingdom of <a republic>" or "Commonwealth of
# <a republic>" is a historical state (a precolonial kingdom, a colonial commonwealth), not
# the country; "State", "Union" and "Federation" say nothing of the form.
# "Tunisian Republic": a country's demonym before "Republic" (its formal style).
_DEMONYM_REPUBLIC = re.compile(r"^(?:[Tt]he\s+)?(.+?)\s+Republic$")
_MONARCHY_FORMS = frozenset({"kingdom", "principality", "sultanate", "grand duchy"})
_TELLING_FORMS = _MONARCHY_FORMS | {"commonwealth"}
_COMPASS_FORM = re.compile(r"^([NSEW])\.?\s*([A-Z][a-z].*)$")
# A place name followed by words that only confirm it: a lower-case "city" ("Kyiv city";
# a capitalised "City" is part of names: Mexico City, Kuwait City) or ", <its country>"
# ("Odessa, Ukraine"; "Odessa, Texas" is another place).
# Letters from which a place name written without its space is looked up ("Nursultan").
_SPACING_MIN = 6
# A name followed by another name in brackets: "Ansar Allah (Houthis)".
_BRACKETED = re.compile(r"^\s*([^()]+?)\s*\(([^()]+)\)\s*$")
# A Romance-language article before a name of two words or more outside the gazetteer:
# "La X des Y" is "X des Y" (sixteenth session: one unseen-names set wrote a Congolese
# company both ways). Only in keys of names nobody knows ("El Al" keeps its article: one
# word after it), as English "the" is dropped.
# Not in capitals: "LA Galaxy" is Los Angeles.
_NATIVE_ARTICLE = re.compile(r"^(?:[Ll](?:a|e|es|os|as|o)|[EeIi]l|[Gg]li)\s+(?=\S+\s+\S)")
# A British county with its nation or the UK after it, or as "county of <name>".
_BRITISH_COUNTY = re.compile(
    r"^(?:[Cc]ounty of ([A-Z][\w' -]+)|([A-Z][\w' -]+?),\s*"
    r"(?:England|Scotland|Wales|UK|U\.K\.|United Kingdom|Great Britain|Britain))$"
)
_CITY_WORD = re.compile(r"^(.+?)\s+city$")
# A city's name with a capitalised "City" after it, as East Asian and Philippine copy styles
# a city ("Suwon City", "Cebu City"; issue 11, twentieth session). In Britain "<Town> City"
# is a football club ("Stoke City"), never the town, so British cities never fold.
_CITY_TITLE = re.compile(r"^(.+?)\s+City$")
_CLUB_TOWN_COUNTRIES = frozenset({"GB"})
# A lower-case compass adjective before a region written with its designation ("southern
# Hunan province", "eastern Kherson region"): the adjective locates the story in the region,
# the designation names the whole region (issue 11, eighteenth session). A capitalised one
# is part of another region's name ("South Australia", "Western Cape").
_COMPASS_ADJECTIVE = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)\s+(.+)$"
)
# A city's formal style before its name, in English and in French, Spanish or Portuguese
# ("City of Toronto", "Ville de Montréal", "Ciudad de Panamá"; issue 11, sixteenth session).
_CITY_OF = re.compile(r"^(?:city\s+of|ville\s+de|ciudad\s+de|cidade\s+de)\s+(.+)$", re.IGNORECASE)
# Cities whose "City of X" is a district of its own, not the whole city: the City of London
# is the financial square mile, another place than London.
_CITY_DISTRICTS = frozenset({"london"})
_PLACE_COMMA = re.compile(r"^([^,]+),\s*([^,]+)$")
# "City, XX": the two capitals of a US state's or Canadian province's postal code, which in
# these two countries is the ISO 3166-2 code's own letters ("Portland, OR", "Halifax, NS").
# Read only after a comma, where "OR", "ME" or "ON" cannot be the English words.
_POSTAL_CODE = re.compile(r"^[A-Z]{2}$")
# A place described by what it is cut off from ("the Gaza enclave", "the Kaliningrad exclave"):
# the word says how the place lies, not another place, so it is the named region or country.
_ENCLAVE_WORD = re.compile(r"^(.+?)\s+(?:enclave|exclave)$")
# A one-word news abbreviation written without its stop after a comma ("Ore", "Ill").
_STOPLESS_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,4}$")
# "the States": "the" and a capitalised plural word (the last word of a country's name).
_THE_PLURAL = re.compile(r"^[Tt]he\s+([A-Z][a-z]+s)$")
_POSTAL_COUNTRIES = ("US", "CA")
# What a region's name carries that a city's qualifier leaves out ("New York State",
# "Georgia (US state)").
_REGION_NAME_TAIL = re.compile(r"\s*\([^)]*\)|\s+state$", re.IGNORECASE)
# A region's designation written after its name ("Guangdong province", "Karnataka state",
# "Kursk Oblast"). It confirms the place only when the name alone is a known subdivision
# and nothing else: "Kursk Oblast" must not become Kursk the city, so a name that is (or
# could be) a city, a country or anything else never folds.
_REGION_WORD = re.compile(
    r"^(.+?)\s+(province|state|region|oblast|krai|kray|prefecture|governorate|territory)$",
    re.IGNORECASE,
)
# The same designation written before the name ("Province of Quebec", "State of Kerala").
_REGION_OF = re.compile(
    r"^(province|state|commonwealth|region|oblast|prefecture|governorate|territory)\s+of\s+"
    r"(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
# A region described by its country and its designation, either way round: "the Indian
# state of Kerala", "the Canadian province of Manitoba", "Hunan province of China".
_DESCRIBED_REGION = re.compile(
    r"^(?:the\s+)?(.+?)\s+(province|state|region|oblast|prefecture|governorate|territory)"
    r"\s+of\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
# A place named with its country: "<country>'s X" ("Pakistan's Punjab"), "X of <country>"
# ("Northern Territory of Australia"); "<demonym> X" ("Indian Punjab") is tried word by word.
_COUNTRY_POSSESSIVE = re.compile(r"^(.+?)['\u2019]s?\s+(.+)$")
_OF_COUNTRY = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$")
# A country's possessive before a place's description ("<Country>'s port city of X").
_OWNER = re.compile(r"^([^,']+?)['\u2019]s\s+([^,]+)$")
_QUALIFIED_KINDS = frozenset({"city", "subdivision", "region"})
# A misspelt long place name ("Uttar Pardesh", "Thiruvanthapuram", "Telengana"): letters
# of the name's key without spaces from which one inside slip is taken as a typo.
_MISSPELT_MIN = 8
# A respelt place name ("Kyyiv"): letters of its key without spaces, at least.
_RESPELT_MIN = 5
# A typo is rare in print: the written form must be less common than this (Zipf; ~3 per
# 100 million words) and at least ten times rarer than the name it is taken for
# ("Columbia", 4.4, is a name of its own; "Telengana" 1.4 against "Telangana" 2.9).
_MISSPELT_MAX_ZIPF = 1.5
# A region's abbreviation of four letters or more written without its stop ("Sask", "Calif":
# headlines and captions drop it) is the region unless the letters are an everyday English
# word at this Zipf frequency or above ("Mass", "Miss", "Wash"); the build's common-word
# guard for place names (issue 11, eighteenth session).
_BARE_ABBREVIATION_MAX_ZIPF = 4.3
# Letters this frequent in general English are a word ("HAS", "SET") or a well-known
# acronym of their own ("CBS", "PBS", "USC"): never the initials of a gazetteer name, which
# would claim them for a body whose full name happens to spell them (nineteenth session,
# round two). An acronym that is a body's own written form is an alias and still resolves.
# Every acronym the evaluation sets' dev splits resolve through initials is below 2.8.
_INITIALS_MAX_ZIPF = 3.0
_MISSPELT_RARER = 1.0
_VOWELS = "aeiou"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}
# A single-letter middle initial between two words ("Kamala D. Harris", "John Q Public").
_MIDDLE_INITIALS = re.compile(r"(?<=\S) (?:[A-Z]\.? )+(?=\S)")
# One initial before a full name of two words or more ("R. Jane Doe", US style for a
# person known by the middle name): dropped from the key like a middle initial (issue 11,
# sixteenth session). Not before one word ("J. Doe"): that initial is the given name.
_LEADING_INITIAL = re.compile(r"^[A-Z]\. (?=[A-Z][a-z]+ \S)")
# An East Slavic patronymic between a given name and a family name ("Vladimirovna",
# "Sergeyevich", Ukrainian "Oleksandrovych"/"Ivanivna"). Only the long endings: "-ich"
# alone would take German given names ("Ulrich", "Friedrich").
_PATRONYMIC = re.compile(
    r"(?<=\S) [A-Z][a-z]+(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna)(?= \S)"
)
_ORG_WORDS = re.compile(
    r"\b(?:party|ministry|agency|bank|university|council|association|company|corp|inc|ltd|"
    r"group|committee|commission|organi[sz]ation|union|office|department|court|news|times|"
    r"fund|institute|foundation|federation|league|club|church|army|forces|police|"
    r"government|parliament|assembly|congress|senate|board|authority)\b",
    re.IGNORECASE,
)

# "<institution word> of ...": the head of an organisation's name ("Bank of Norway").
_INSTITUTION_OF = re.compile(r"^(?:\S+ )?" + _ORG_WORDS.pattern + r" of ", re.IGNORECASE)


@dataclass
class _Index:
    persons: dict[str, list[Entry]] = field(default_factory=dict)
    orgs: dict[str, list[Entry]] = field(default_factory=dict)
    # Organisations by a key that keeps "Group"/"Holding": a company and its parent group.
    orgs_grouped: dict[str, list[Entry]] = field(default_factory=dict)
    places: dict[str, list[Entry]] = field(default_factory=dict)
    acronyms: dict[str, list[Entry]] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    short_forms: dict[str, list[Entry]] = field(default_factory=dict)
    # Entity id -> every word of a person's names and short forms, as written
    # (``written_surname_key``): what a bare surname must be to name that person.
    written_words: dict[str, set[str]] = field(default_factory=dict)
    # "NRA" -> National Rifle Association: initials of a spelled-out name (derived).
    initials: dict[str, list[Entry]] = field(default_factory=dict)
    offices: dict[str, Entry] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    # Regions of a country by the name before any ", <country>" ("punjab" -> the Punjab of
    # Pakistan and the Punjab of India): what a designation or a country qualifier picks from.
    regions: dict[str, list[Entry]] = field(default_factory=dict)
    # First-level regions by their ISO 3166-2 code ("US-OR" -> Oregon), for "City, <region>".
    first_level: dict[str, list[Entry]] = field(default_factory=dict)


def _group_apart_keys(records: Sequence[dict[str, Any]]) -> frozenset[str]:
    """Org keys two known bodies share but for "Group"/"Holding" ("Sinopec", "Sinopec Group").

    Those bodies' ids keep the group word (a listed company and its parent group are two);
    every other body is keyed as the resolver keys a name it does not know.
    """
    full: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if rec["entity_type"] == ORG and not rec.get("wikidata_id"):
            name = rec["canonical_name"]
            full[org_key(name)].add(org_key(name, keep_group=True))
    return frozenset(k for k, v in full.items() if len(v) > 1)


# A monarch written "<given name(s)> <regnal number> of <country>".
_REGNAL = re.compile(
    r"^(.+ (?:I|II|III|IV|V|VI{1,3}|IX|X|XI{1,3}|XIV|XV|XVI{1,3})) of (?:the )?\S.*$"
)
_ROMAN = re.compile(r"^(?:II|III|IV|VI{0,3})\.?$")


def place_slips(key: str) -> Iterable[str]:
    """Every string one slip from ``key`` inside its words (see lookup_misspelt_place).

    Inside means after each word's first letter and before its last two ("Hondurans",
    "Tanzanite" and "Californica" are words of their own, not slips): a letter deleted, a
    letter inserted, two neighbours swapped, a vowel replaced by another vowel.
    """
    for start, word in _word_spans(key):
        head, tail = key[:start], key[start + len(word) :]
        n = len(word)
        for i in range(1, n - 2):
            yield head + word[:i] + word[i + 1 :] + tail
            if word[i] in _VOWELS:
                for v in _VOWELS:
                    if v != word[i]:
                        yield head + word[:i] + v + word[i + 1 :] + tail
            if i + 1 < n - 2 and word[i] != word[i + 1]:
                yield head + word[:i] + word[i + 1] + word[i] + word[i + 2 :] + tail
        for i in range(1, n - 1):
            for c in _LETTERS:
                yield head + word[:i] + c + word[i:] + tail


_DOUBLED = re.compile(r"([a-z])\1+")


def respelling_key(key: str) -> str:
    """A place key with the letters romanisations double or write two ways folded.

    English-style spellings of a long vowel ("oo" for u, "ee" for i: "Bengalooru",
    "Poone") and doubled letters ("Kyyiv", "Tallin") vary between romanisations of one
    name; the fold drops them, so such spellings of a place meet (issue 11, twentieth
    session).
    """
    return _DOUBLED.sub(r"\1", key.replace("oo", "u").replace("ee", "i"))


def _word_spans(key: str) -> list[tuple[int, str]]:
    """(offset, word) of each space-separated word of a key."""
    spans, pos = [], 0
    for word in key.split(" "):
        spans.append((pos, word))
        pos += len(word) + 1
    return spans


def _display_person(name: str) -> str:
    """Readable form of a person name: "YOON Suk Yeol" -> "Yoon Suk Yeol".

    Some outlets (and bylines) write family names in capitals; the canonical name is
    shown in ordinary case. Initials and regnal numbers stay as written.
    """
    words = []
    for w in name.split():
        if w.isupper() and len(w.strip(".")) > 1 and not _ROMAN.match(w):
            w = "-".join(p.capitalize() for p in w.split("-"))
        words.append(w)
    return " ".join(words)


# An English formal state name ("Federal Republic of Germany"); other-language aliases of
# countries ("Emetab Czech Republic") give initials nobody writes.
_FORMAL_STATE_WORD = re.compile(
    r"^(?:the\s+)?(?:Federal|Democratic|People's|Islamic|Republic|Kingdom|United|Union|"
    r"Socialist|Commonwealth|Arab|Hashemite|Plurinational|Bolivarian|Federated|Principality|"
    r"Sultanate|State)\b"
)
_LEADING_ACRONYM = re.compile(r"^[A-Z][A-Z.]+\s")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _initials(name: str) -> str:
    """Initials of a name of three content words or more ("" otherwise): "NRA", "FRG".

    Two-letter initials name too many things to be derived ("NR", "FR"); a bracketed
    qualifier ("Democratic Party (United States)") is not part of the name.
    """
    name = _PARENTHESIS.sub("", name)
    if any(w.isalpha() and w.islower() and w not in _JOINING for w in name.split()):
        # "Philippine central bank" is a description the gazetteer also knows the bank
        # by, not a name anyone abbreviates: "PCB" is as much a cricket board's.
        return ""
    acr = acronym_of(name)
    return acr if 3 <= len(acr) <= 6 and acr.isascii() and acr.isalpha() else ""


# Lower-case words inside a proper name ("Bank of Korea", "Bangko Sentral ng Pilipinas").
_JOINING = frozenset(
    {"of", "for", "and", "the", "de", "del", "des", "du", "la", "le", "al", "el", "y", "e",
     "et", "und", "da", "do", "dos", "das", "di", "van", "von", "in", "on", "at", "to", "ng",
     "a", "an", "les", "los", "las", "der", "die", "den"}
)  # fmt: skip


def _sex_fits(entry: Entry, titles: Sequence[str]) -> bool:
    """False for a woman's title before the surname of a known man: "Mrs. X", "Mme X".

    Issue 11, nineteenth session: without context a bare surname is the one gazetteer
    person who bears it, but a woman's title with a man's surname is most often his wife
    (who took his name) or a namesake. Only this way round: a man's title before a known
    woman's surname is rare in news, and the given-name table (US birth statistics) calls
    some men's names of other countries a woman's. Only a Western-order given name the
    table knows counts; an unknown one stays.
    """
    if entry.kind != "person":
        return True
    if {sex for t in titles if (sex := gendered_titles().get(t))} != {"f"}:
        return True
    name = clean_name(entry.entity.canonical_name)
    parsed = parse_person_name(name)
    if parsed.style != "general" or parsed.family_first or len(parsed.tokens) < 2:
        return True
    return given_name_genders().get(name.split()[0].casefold()) != "m"


class EntityResolver:
    """Resolves names to canonical entities using the shipped gazetteer and rules.

    Build it once per process with ``EntityResolver.default()``; all tables are indexed
    at construction so per-article work is dictionary lookups.
    """

    def __init__(self, records: Iterable[dict[str, Any]], overrides: Overrides, version: str):
        """Index gazetteer records (``aliases.jsonl`` rows) and apply overrides."""
        self.data_version = version
        self._idx = _Index()
        self._common = common_surname_keys()
        self.nominals = load_nominals()
        self.metonymy = load_metonymy_cues()
        self.orgs = OrgLookups(self, load_org_roles(), self._common)
        self.persons = PersonLookups(self, self._common)
        self._designations = load_subdivision_designations()
        self._org_names: list[tuple[Entry, str]] = []  # spelled ORG names, for English forms
        self._native_designations = load_native_region_designations()
        self._description_words = load_place_description_words()
        self._region_abbreviations = load_subdivision_abbreviations()
        self._british_counties = load_british_counties()
        self._demonyms = load_place_demonyms()
        records = list(records)
        self._group_apart = _group_apart_keys(records)
        for rec in records:
            self._index_record(rec)
        self._index_auto_short_forms()
        # Written acronyms win: derived initials that one names something else are dropped.
        for acr in [a for a in self._idx.initials if a in self._idx.acronyms]:
            del self._idx.initials[acr]
        # Lookups are pure functions of the surface once the tables are built; news
        # repeats names, so memoising them makes per-article work mostly dict hits.
        self._exact_cache: dict[tuple[str, str | None], Hit | None] = {}
        self._name_cache: dict[tuple[str, str, str | None], Hit | None] = {}
        self._joined_places: dict[str, list[Entry]] | None = None
        # Folded own name of a place -> that place, when no other place's name folds so.
        self._respelt_places: dict[str, Entry] | None = None
        self._country_forms: dict[str, frozenset[str]] | None = None
        self._misspelt_cache: dict[str, Hit | None] = {}
        self._override_hits: dict[tuple[str, str], Hit] = {}
        self._splits: set[tuple[str, str, str]] = set()
        self._index_english_forms()
        self._shared_country_names = self._country_and_region_names()
        self._apply_overrides(overrides)
        self._exact_cache.clear()  # filled while resolving override targets
        self._name_cache.clear()

    @classmethod
    def default(cls, overrides_path: Path | None = None) -> EntityResolver:
        """Resolver over the shipped gazetteer plus an overrides file (None: no overrides).

        The caller passes the configured file (``pipelines.settings.overrides_path()``):
        the core reads no environment.
        """
        overrides = Overrides.load(overrides_path)
        return cls(gazetteer_records(), overrides, data_version(overrides))

    # ------------------------------------------------------------ indexing

    def _index_record(self, rec: dict[str, Any]) -> None:
        etype = rec["entity_type"]
        entity = make_entity(
            etype,
            rec["canonical_name"],
            rec.get("wikidata_id"),
            etype == ORG and org_key(rec["canonical_name"]) in self._group_apart,
        )
        positions = tuple(
            (
                p.get("position", ""),
                p.get("label", "").lower(),
                p.get("country", ""),
                p.get("end", ""),
            )
            for p in rec.get("positions", [])
        )
        entry = Entry(
            entity,
            rec["kind"],
            country=rec.get("country") or "",
            capital_of=rec.get("capital_of") or "",
            position=rec.get("position") or "",
            positions=positions,
            source=rec.get("source", ""),
            admin1=rec.get("admin1") or "",
            namesakes=bool(rec.get("namesakes")),
        )
        if entry.kind == "subdivision" and entry.admin1:
            self._idx.first_level.setdefault(entry.admin1, []).append(entry)
        names = [rec["canonical_name"], *rec.get("aliases", [])]
        idx = self._idx
        if etype == PERSON:
            for n in names:
                add_entry(idx.persons, person_key(n), entry)
                self.persons.index_name(entry, n)
            m = _REGNAL.match(rec["canonical_name"])
            if m is not None and person_key(m.group(1)) not in {person_key(n) for n in names}:
                # "Harald V of Norway" is also written "Harald V" / "King Harald V"; the
                # territorial designation is no part of the name (never "<X> of Norway").
                add_entry(idx.persons, person_key(m.group(1)), entry)
            # "Felipe VI of Spain": a monarch's territorial designation is no surname.
            if " of " not in rec["canonical_name"]:
                parsed = parse_person_name(clean_name(rec["canonical_name"]))
                add_entry(idx.surnames, parsed.surname, entry)
            for short in rec.get("short_forms", []):
                add_entry(idx.short_forms, surname_key(short), entry)
            written = idx.written_words.setdefault(entity.entity_id, set())
            for n in [*names, *rec.get("short_forms", [])]:
                written.update(w for w in map(written_surname_key, clean_name(n).split()) if w)
        elif etype == ORG:
            for n in names:
                acr = acronym_key(n)
                spelled = not (acr and len(n.replace(".", "")) <= 6)
                if spelled:
                    self._org_names.append((entry, n))
                    add_entry(idx.orgs, org_key(n), entry)
                    add_entry(idx.orgs_grouped, org_key(n, keep_group=True), entry)
                    if entry.kind != "office" and not _LEADING_ACRONYM.match(n):
                        # Not "US State Department" -> "USSD": nobody writes those.
                        add_entry(idx.initials, _initials(n), entry)
                else:
                    add_entry(idx.acronyms, acr, entry)
                self.orgs.index_name(entry, n, spelled, bool(rec.get("transliterated")))
            if entry.kind == "office" and entry.position:
                idx.offices[entry.position] = entry
            for place, role in rec.get("roles", []):
                self.orgs.add_role_body(place, role, rec["canonical_name"])
            self.orgs.note_category(entity.entity_id, rec.get("category", ""))
        else:
            for n in names:
                add_entry(idx.places, place_key(n), entry)
                if entry.kind == "subdivision" and entry.country:
                    add_entry(idx.regions, place_key(n.split(",")[0]), entry)
                acr = acronym_key(n)
                if acr:
                    add_entry(idx.acronyms, acr, entry)
                elif entry.kind == "country" and _FORMAL_STATE_WORD.match(n):
                    add_entry(idx.initials, _initials(n), entry)
            if entry.kind == "country":
                idx.countries[entry.country] = entry

    def _index_auto_short_forms(self) -> None:
        """Unique, uncommon surnames of gazetteer people stand alone ("Putin", "Xi")."""
        for key, entries in self._idx.surnames.items():
            if len(entries) != 1 or key in self._common or key in self._idx.short_forms:
                continue
            if key in self._idx.places:  # "Jordan", "Osaka": a place first
                continue
            style = parse_person_name(entries[0].entity.canonical_name).style
            if len(key) >= 4 or (style != "general" and len(key) >= 2):
                add_entry(self._idx.short_forms, key, entries[0])
        self._index_given_name_short_forms()

    def _index_given_name_short_forms(self) -> None:
        """Thai and Malay office holders stand alone by their given name ("Mahathir").

        ``rules/given_name_countries.txt``: a person whose offices are all in those
        countries, by the first word of their canonical name, when that word is five
        letters or more and the first word of no other gazetteer person's name, nobody's
        surname, no common surname and no place (a bare "Ismail" or "Abdullah" says too
        little).
        """
        countries = given_name_countries()
        firsts: dict[str, dict[str, Entry]] = defaultdict(dict)
        for entries in self._idx.persons.values():
            for e in entries:
                parsed = parse_person_name(clean_name(e.entity.canonical_name))
                if parsed.style == "general" and len(parsed.tokens) >= 2:
                    key = surname_key(clean_name(e.entity.canonical_name).split()[0])
                    firsts[key][e.entity.entity_id] = e
        for key, by_id in firsts.items():
            if len(by_id) != 1 or len(key) < 5:
                continue
            e = next(iter(by_id.values()))
            held = {country for _, _, country, _ in e.positions}
            if not held or not held <= countries:
                continue
            if key in self._common or key in self._idx.surnames or key in self._idx.places:
                continue
            if key not in self._idx.short_forms:
                add_entry(self._idx.short_forms, key, e)

    def _index_english_forms(self) -> None:
        """A known body named in its own language is known by its English form too.

        "Norges Bank" is the Bank of Norway (``OrgLookups.english_form``), when that form
        names nothing else and no other known body's name reads the same in English.
        """
        found: dict[str, dict[str, Entry]] = defaultdict(dict)
        for e, name in self._org_names:
            if e.kind == "country":
                continue
            english = self.orgs.english_form(name)
            if english is not None and org_key(english) != org_key(name):
                found[org_key(english)][e.entity.entity_id] = e
        for key, by_id in found.items():
            if len(by_id) == 1 and key not in self._idx.orgs:
                add_entry(self._idx.orgs, key, next(iter(by_id.values())))
        self._exact_cache.clear()

    def _apply_overrides(self, ov: Overrides) -> None:
        for etype, names, qid in ov.merges:
            target = self.find_target(etype, qid or "") if qid else None
            for n in names:
                target = target or self.find_target(etype, n)
            merged = target or Entry(
                make_entity(etype, clean_for(names[0], etype), qid), "override"
            )
            for n in names:
                self._override_hits[(etype, type_key(n, etype))] = Hit(
                    merged, "override_merge", f"overrides: merge {list(names)}"
                )
        for etype, alias, target_name in ov.aliases:
            found = self.find_target(etype, target_name)
            if found is None:
                continue
            self._override_hits[(etype, type_key(alias, etype))] = Hit(
                found, "override_alias", f"overrides: alias of {target_name}"
            )
        for etype, alias, target_name in ov.splits:
            found = self.find_target(etype, target_name)
            target_id = found.entity.entity_id if found else target_name
            self._splits.add((etype, type_key(alias, etype), target_id))

    def find_target(self, etype: str, name: str) -> Entry | None:
        """Gazetteer entry named by a QID or a canonical name/alias."""
        if re.fullmatch(r"Q\d+", name):
            for table in (self._idx.persons, self._idx.orgs, self._idx.places):
                for entries in table.values():
                    for e in entries:
                        if e.entity.wikidata_id == name:
                            return e
            return None
        hit = self.lookup_exact(name, etype)
        return hit.entry if hit else None

    # ------------------------------------------------------------ lookups

    def lookup_exact(self, surface: str, etype: str | None) -> Hit | None:
        """Gazetteer or override hit on the full (title-free) name; None if absent/ambiguous."""
        key = (surface, etype)
        if len(self._exact_cache) > _CACHE_LIMIT:
            self._exact_cache.clear()
        if key not in self._exact_cache:
            self._exact_cache[key] = self._exact_uncached(surface, etype)
        return self._exact_cache[key]

    def _exact_uncached(self, surface: str, etype: str | None) -> Hit | None:
        idx = self._idx
        order = [etype] if etype else [GPE, ORG, PERSON]
        if etype in (GPE, LOC):
            order = [GPE, ORG]
        for t in order:
            if t is None:
                continue
            key = type_key(surface, t)
            ov = self._override_hits.get((t, key))
            if ov:
                return ov
            if t == PERSON:
                entries = idx.persons.get(key, [])
                # The key is order-free; a father's-name order is not ("Yusof Ahmad").
                entries = [e for e in entries if self.persons.order_fits(e, surface)]
                rule = "gazetteer"
            elif t == ORG:
                clean = clean_org_name(surface)
                acr = acronym_key(clean)
                entries = idx.acronyms.get(acr, []) if acr else idx.orgs.get(key, [])
                if not entries and acr:
                    # "YUKOS", "MICROSOFT": an all-caps word, not an acronym we know.
                    entries = idx.orgs.get(org_key(clean), [])
                elif not entries and _TITLE_ACRONYM.match(clean):
                    # BBC style writes acronyms in title case: "Fifa", "Uefa", "Opec".
                    entries = idx.acronyms.get(clean.upper(), [])
                entries = [e for e in entries if e.entity.entity_type == ORG]
                if len(entries) > 1 and not acr:
                    # "Sinopec" and "Sinopec Group" share a key: the group word decides.
                    grouped = idx.orgs_grouped.get(org_key(clean, keep_group=True), [])
                    entries = [e for e in entries if e in grouped] or entries
                rule = "gazetteer_acronym" if acr else "gazetteer"
            else:
                entries = idx.places.get(key, [])
                acr = acronym_key(clean_place_name(surface))
                if not entries and acr:
                    entries = [e for e in idx.acronyms.get(acr, []) if e.kind == "country"]
                rule = "gazetteer"
            if len(entries) == 1:
                e = entries[0]
                return Hit(e, rule, f"{e.source or 'gazetteer'}: {e.entity.canonical_name}")
        return None

    def org_candidates_by_key(self, key: str) -> list[Entry]:
        """Every gazetteer organisation whose name has this org key."""
        return list(self._idx.orgs.get(key, []))

    def org_candidates(self, name: str) -> list[Entry]:
        """Every gazetteer organisation with this name key, ambiguous or not."""
        return list(self._idx.orgs.get(org_key(clean_org_name(name)), []))

    def knows_key(self, etype: str, key: str) -> bool:
        """True when some gazetteer name of this type has this key (even an ambiguous one)."""
        table = {PERSON: self._idx.persons, ORG: self._idx.orgs}.get(etype, self._idx.places)
        return bool(table.get(key))

    def surname_entries(self, key: str) -> list[Entry]:
        """Gazetteer people with this surname key (all of them, common or not)."""
        return self._idx.surnames.get(key, [])

    def short_form_entries(self, key: str) -> list[Entry]:
        """Gazetteer people a single name key may name alone ("putin"), unique or not."""
        return self._idx.short_forms.get(key, [])

    def lookup_initials(self, surface: str, etype: str) -> Hit | None:
        """An acronym made of the initials of one gazetteer name: "NRA", "FRG".

        Only where no gazetteer name is written as that acronym and exactly one entity's
        name has those initials (two do: neither; "ICC" stays ambiguous), and never letters
        common in English as a word or an acronym of their own (``_INITIALS_MAX_ZIPF``).
        """
        acr = acronym_key(clean_org_name(surface) if etype == ORG else clean_place_name(surface))
        if english_zipf(acr) >= _INITIALS_MAX_ZIPF:
            return None
        entries = [e for e in self._idx.initials.get(acr, []) if e.entity.entity_type == etype]
        if len(entries) != 1 or len(self._idx.initials.get(acr, [])) != 1:
            return None
        e = entries[0]
        return Hit(e, "initials", f"initials of {e.entity.canonical_name}")

    def lookup_surname(self, surname: str, titles: Sequence[str]) -> Hit | None:
        """Gazetteer person for a bare surname, using title evidence ("President Yoon").

        The surname must be one of the person's words as written (``written_surname_key``):
        the key's spelling folds (doubled letters, vowels) are for full names, whose other
        words must agree too; one word alone folded reaches another family ("Abella" is
        not "Abela").
        """
        key = surname_key(surname)
        if not key:
            return None
        written = written_surname_key(surname)
        candidates = [
            e
            for e in self._idx.surnames.get(key, [])
            if written in self._idx.written_words.get(e.entity.entity_id, ())
        ]
        # "Presidente X" is title evidence like "President X".
        foreign = foreign_role_titles()
        role_words = [w for w in (foreign.get(t, t) for t in titles) if w in ROLE_TITLES]
        if role_words and candidates:
            countries = {
                e.country
                for d in titles
                for e in self._idx.places.get(place_key(d), [])
                if e.country
            }
            fits = [
                c
                for c in candidates
                if any(
                    any(w in label for w in role_words) and (not countries or ctry in countries)
                    for _, label, ctry, _ in c.positions
                )
            ]
            if len(fits) == 1:
                return Hit(fits[0], "title_surname", f"title {' '.join(titles)!r} + surname")
        short = self._idx.short_forms.get(key, [])
        if len(short) == 1 and written in self._idx.written_words.get(
            short[0].entity.entity_id, ()
        ):
            e = short[0]
            return Hit(e, "gazetteer_short_form", f"unique surname of {e.entity.canonical_name}")
        return None

    def lookup_state_form(self, surface: str) -> Hit | None:
        """A formal state name ("Republic of X") -> country X, when X alone is a country."""
        m = _STATE_FORM.match(clean_place_name(surface))
        if m is None:
            return None
        hit = self.lookup_exact(m.group(2), GPE)
        if hit is None or hit.entry.kind != "country":
            return None
        form = " ".join(m.group(1).lower().split())
        forms = self._state_forms(hit.entry.entity.entity_id)
        if form in _TELLING_FORMS and form not in forms:
            return None  # "Kingdom of Dahomey", "Commonwealth of the Philippines"
        if form == "republic" and forms & _MONARCHY_FORMS and "republic" not in forms:
            return None  # "Republic of <a kingdom>": a past republic
        return Hit(hit.entry, "state_form", f"formal name of {hit.entry.entity.canonical_name}")

    def lookup_demonym_republic(self, surface: str) -> Hit | None:
        """A republic's formal name made of its demonym: "Tunisian Republic", "Kenyan Republic".

        Many republics style themselves "<Demonym> Republic" (Italian, Portuguese, Lebanese
        ...), and news writes the form for others too. The demonym must name one country
        (``rules/place_demonyms.tsv``) whose own known names call it a republic, and
        "Republic of <its name>" must not be another state: "Spanish Republic" is a past
        state of a kingdom, "Chinese Republic" the Republic of China, not the PRC.
        """
        m = _DEMONYM_REPUBLIC.match(" ".join(clean_place_name(surface).split()))
        codes = self._demonyms.get(m.group(1), frozenset()) if m else frozenset()
        if len(codes) != 1:
            return None
        country = self._idx.countries.get(next(iter(codes)))
        if country is None:
            return None
        if "republic" not in self._state_forms(country.entity.entity_id):
            return None
        formal = self.lookup_exact(f"Republic of {country.entity.canonical_name}", GPE)
        if formal is not None and formal.entry.entity.entity_id != country.entity.entity_id:
            return None
        name = country.entity.canonical_name
        return Hit(country, "state_form", f"formal name of {name} by its demonym")

    def _state_forms(self, entity_id: str) -> frozenset[str]:
        """Forms of state the country's own known names use ("kingdom of cambodia")."""
        if self._country_forms is None:
            table: dict[str, set[str]] = defaultdict(set)
            for key, entries in self._idx.places.items():
                found = {f for f in _TELLING_FORMS | {"republic"} if f" {f} " in f" {key} "}
                for e in entries if found else ():
                    if e.kind == "country":
                        table[e.entity.entity_id] |= found
            self._country_forms = {k: frozenset(v) for k, v in table.items()}
        return self._country_forms.get(entity_id, frozenset())

    def lookup_region_abbreviation(self, surface: str, bare: bool = True) -> Hit | None:
        """A US state's or Canadian province's abbreviation: "Tex.", "TX", "Alta.", "N.W.T.".

        A one-word abbreviation of four letters or more may be written without its stop
        ("Alta", "Okla"), unless the letters are an everyday word ("Mass"); ``bare`` False
        leaves such forms out (over a name the GeoNames index knows, only the stop tells).

        From ``rules/subdivision_abbreviations.tsv`` (AP and Canadian Press styles, postal
        codes), written case as listed; reached only when no gazetteer place has the name.
        """
        written = " ".join(clean_place_name(surface).split()).replace(". ", ".")
        full = self._region_abbreviations.get(written)
        if (
            full is None
            and bare
            and len(written) >= 4
            and written.isalpha()
            and english_zipf(written.lower()) < _BARE_ABBREVIATION_MAX_ZIPF
        ):
            full = self._region_abbreviations.get(written + ".")
        if full is None:
            return None
        hit = self.lookup_exact(full, GPE)
        if hit is None:
            return None
        name = hit.entry.entity.canonical_name
        return Hit(hit.entry, "region_abbreviation", f"{written} for {name}")

    def lookup_paired_names(self, surface: str) -> Hit | None:
        """Two names of one known place written side by side: "Aotearoa New Zealand".

        A country or region styled by its Indigenous name and its English one together
        (as New Zealand's government and press write it) is that place when each part on
        its own is a gazetteer name of the same place; parts naming two places ("Hong Kong
        China"), or a part naming nothing, leave the whole to the other rules.
        """
        tokens = clean_place_name(surface).split()
        for k in range(1, len(tokens)):
            left, right = " ".join(tokens[:k]), " ".join(tokens[k:])
            if place_key(left) == place_key(right):
                continue
            first = self.lookup_exact(left, GPE)
            if first is None or first.entry.kind not in ("country", "subdivision", "city"):
                continue
            second = self.lookup_exact(right, GPE)
            if second is None or second.entry.entity.entity_id != first.entry.entity.entity_id:
                continue
            name = first.entry.entity.canonical_name
            return Hit(first.entry, "paired_names", f"two names of {name} together")
        return None

    def lookup_demonym(self, surface: str) -> Hit | None:
        """A place's demonym typed as a place: "Mexican" is Mexico, "Albertan" is Alberta.

        A tagger labels "Mexican officials" or "Taiwanese" as a place now and then; the word
        stands for the one country or region ``rules/place_demonyms.tsv`` gives it (written
        case as listed, whole string only). A word listed for two places, or whose region
        the index holds twice, names none.
        """
        codes = self._demonyms.get(" ".join(clean_place_name(surface).split()), frozenset())
        if len(codes) != 1:
            return None
        code = next(iter(codes))
        if "-" in code:
            found = {e.entity.entity_id: e for e in self._idx.first_level.get(code, [])}
            entry = next(iter(found.values())) if len(found) == 1 else None
        else:
            entry = self._idx.countries.get(code)
        if entry is None:
            return None
        return Hit(entry, "place_demonym", f"{surface!r}: of {entry.entity.canonical_name}")

    def lookup_country_tail(self, surface: str) -> Hit | None:
        """A union named by what it unites, with "the": "the States", "the Emirates".

        A country whose common name is "United ... <plural>" (United States, United Arab
        Emirates) is "the <plural>" in speech and copy. Other plural last words name a part
        or many countries ("the Islands", "the Territories"), so only a union's, and only
        when one country's name ends so and the word names no place of its own.
        """
        m = _THE_PLURAL.match(" ".join(surface.split()))
        if m is None:
            return None
        word = place_key(m.group(1))
        if not word or self._idx.places.get(word):
            return None
        # The common name only: "United Mexican States" is Mexico's formal name.
        found = [
            e
            for e in self._idx.countries.values()
            if (key := place_key(e.entity.canonical_name)).startswith("united ")
            and key.split()[-1] == word
        ]
        if len(found) != 1:
            return None
        country = found[0]
        name = country.entity.canonical_name
        return Hit(country, "country_tail", f"{surface!r}, the union {name}")

    def lookup_compass_form(self, surface: str) -> Hit | None:
        """A compass initial before a place ("S.Africa", "N. Ireland", "W Bengal").

        Wire headlines abbreviate North/South/East/West; the initial is expanded and the
        whole name looked up, so only places the gazetteer knows resolve this way.
        """
        m = _COMPASS_FORM.match(clean_place_name(surface))
        if m is None:
            return None
        word = _COMPASS[m.group(1)]
        hit = self.lookup_exact(f"{word} {m.group(2)}", GPE) or self.lookup_exact(
            f"{word}ern {m.group(2)}", GPE
        )
        if hit is None:
            return None
        return Hit(hit.entry, "compass_form", f"short for {hit.entry.entity.canonical_name}")

    def lookup_place_qualifier(self, surface: str) -> Hit | None:
        """A known place with a confirming qualifier: "Kyiv city", "Guangdong province", "Odessa, Ukraine".

        The qualifier must agree with what the gazetteer knows: "city" only after a city,
        a country only after a place of that country (or a region of it: "Kharkiv,
        Ukraine"), so "Odessa, Texas" stays apart from Odesa.
        """
        clean = clean_place_name(surface)
        m = _CITY_WORD.match(clean)
        if m is not None:
            hit = self.lookup_exact(m.group(1), GPE)
            if hit is not None and hit.entry.kind == "city":
                return Hit(
                    hit.entry, "place_qualifier", f"the city {hit.entry.entity.canonical_name}"
                )
            return None
        m = _CITY_OF.match(clean)
        if m is not None:
            return self._styled_city(m.group(1))
        m = _ENCLAVE_WORD.match(clean)
        if m is not None:
            # A region or country only: "the Kaliningrad enclave" is the oblast, not its
            # capital city of the same name, so a name that is a city never folds.
            hit = self.lookup_exact(m.group(1), GPE)
            if hit is None or hit.entry.kind not in ("subdivision", "country"):
                return None
            entries = self._idx.places.get(place_key(m.group(1)), [])
            if any(e.kind == "city" for e in entries) or self._shared_country_name(m.group(1), hit):
                return None
            return Hit(hit.entry, "place_qualifier", f"{hit.entry.entity.canonical_name} described")
        m = _COMPASS_ADJECTIVE.match(clean)
        if m is not None:
            m = _REGION_WORD.match(m.group(1))
            if m is not None and "," not in m.group(1):
                return self._designated_region(m.group(1), m.group(2))
            return None
        m = _REGION_WORD.match(clean)
        if m is not None and "," not in m.group(1):
            # Not "Town, Washington state": a town in the region, read below.
            return self._designated_region(m.group(1), m.group(2))
        hit = self._described_region(clean)
        if hit is not None:
            return hit
        m = _REGION_OF.match(clean)
        if m is not None:
            return self._designated_region(m.group(2), m.group(1))
        folded = clean.lower()
        for native, english in self._native_designations:
            # "Estado de Jalisco", "Negeri Sabah": the designation in the country's own
            # language, checked as its English word is.
            if folded.startswith(native + " ") and len(clean) > len(native) + 1:
                return self._designated_region(clean[len(native) + 1 :].strip(), english)
        hit = self._country_qualified_region(clean)
        if hit is not None:
            return hit
        m = _PLACE_COMMA.match(clean)
        if m is None:
            return None
        hit = self._region_qualified_city(m.group(1).strip(), m.group(2).strip())
        if hit is not None:
            return hit
        place = self.lookup_exact(m.group(1), GPE)
        where = self.lookup_exact(m.group(2), GPE)
        if place is None or where is None or place.entry.kind not in _QUALIFIED_KINDS:
            return None
        if where.entry.kind != "country" or not place.entry.country:
            return None
        if place.entry.country != where.entry.country:
            return None
        name = place.entry.entity.canonical_name
        return Hit(place.entry, "place_qualifier", f"{name} in {where.entry.entity.canonical_name}")

    def lookup_described_place(self, surface: str) -> Hit | None:
        """A known place after a descriptive phrase: "the western <demonym> city of X".

        Also "<Country>'s port city of X", "the <demonym> capital X", "the <demonym> island
        prefecture of X" and "<Country>'s X state". The phrase is read word by word with
        ``rules/place_description_words.tsv``: modifiers (where or how the place lies), at
        most one country (a demonym or a name), and one kind word. The kind must agree with
        the gazetteer: "city" only before a city (of the country written), a designation
        only before a region of that country that it designates. Any other word ("sister
        city", "the capital of <country>") leaves the string to the other rules.
        """
        clean = clean_place_name(surface)
        code = ""
        m = _OWNER.match(clean)
        if m is not None:
            code = self.orgs.place_code(m.group(1) + "'s")
            if not code:
                return None
            clean = m.group(2)
            tail = _REGION_WORD.match(clean)
            if tail is not None:
                # "<Country>'s X state": the designation after the region's name.
                return self._described_in(code, tail.group(1), "region", tail.group(2))
        tokens = clean.split()
        kinds = self._description_words
        # A bare "City of X" is the formal style (``_styled_city``: the City of London is
        # not London), so a description starts after a country's possessive or a word.
        for i in range(0 if m is not None else 1, len(tokens)):
            for width in (2, 1):
                word = " ".join(tokens[i : i + width]).lower()
                role = next((r for r in ("city", "region") if word in kinds.get(r, ())), "")
                if not role:
                    continue
                rest = tokens[i + width :]
                if rest[:1] == ["of"]:
                    rest = rest[1:]
                if not rest or not rest[0][:1].isupper():
                    continue
                prefix = self._description_country(tokens[:i])
                if prefix is None or (code and prefix and prefix != code):
                    continue
                return self._described_in(code or prefix, " ".join(rest), role, word)
        return None

    def _description_country(self, words: Sequence[str]) -> str | None:
        """The country code a description's words name ("" for none), or None if not one.

        Each word is a modifier of ``rules/place_description_words.tsv`` or part of a
        country's name or demonym (capitalised, up to three words); two countries name none.
        """
        code, i = "", 0
        modifiers = self._description_words.get("modifier", frozenset())
        while i < len(words):
            for width in (3, 2, 1):
                span = " ".join(words[i : i + width])
                if i + width <= len(words) and span[:1].isupper():
                    found = self.orgs.place_code(span)
                    if found:
                        if code and found != code:
                            return None
                        code, i = found, i + width
                        break
            else:
                if words[i].lower() not in modifiers:
                    return None
                i += 1
        return code

    def _described_in(self, code: str, name: str, role: str, word: str) -> Hit | None:
        """The place ``name`` of the kind ``role`` (in the country ``code`` when given)."""
        if role == "city":
            hit = self.lookup_exact(name, GPE)
            if hit is None or hit.entry.kind != "city":
                return None
            if code and hit.entry.country != code:
                return None
            city = hit.entry.entity.canonical_name
            return Hit(hit.entry, "described_place", f"the city {city} described")
        designation = word.split()[-1]
        if not code:
            return self._designated_region(name, designation)
        country = self.country(code)
        if country is None:
            return None
        hit = self._country_qualified_region(f"{name}, {country.entity.canonical_name}")
        if hit is None or not self._designates(hit.entry.country, designation, known=False):
            return None
        return Hit(hit.entry, "described_place", f"{hit.entry.entity.canonical_name} described")

    def lookup_city_title(self, surface: str) -> Hit | None:
        """A known city with "City" after its name: "Suwon City" is Suwon.

        Only when the rest is a city's name and nothing else's (no region, country or
        second city bears it: "Quebec City" is not the province, and a state's "Iowa City"
        is no state), no smaller GeoNames town bears the city's own name (a Philippine "San
        Juan City" is no San Juan of Puerto Rico) and the whole is no organisation's name.
        The caller reads it for a string typed a place only: a club "<Town> City" tagged
        an organisation stays one.
        """
        m = _CITY_TITLE.match(clean_place_name(surface))
        if m is None or "," in m.group(1):
            return None
        key = place_key(m.group(1))
        entries = [*self._idx.places.get(key, []), *self._idx.regions.get(key, [])]
        if len({e.entity.entity_id for e in entries}) != 1 or entries[0].kind != "city":
            return None
        e = entries[0]
        if e.namesakes or e.country in _CLUB_TOWN_COUNTRIES:
            return None
        if self.lookup_exact(surface, ORG) is not None:
            return None
        if self.knows_key(ORG, org_key(clean_org_name(surface))):
            return None
        return Hit(e, "place_qualifier", f"the city {e.entity.canonical_name} styled 'City'")

    def _written_region(self, written: str, city: Entry | None) -> Entry | None:
        """The first-level region a dateline's second part names, in any form, or None.

        Its name ("Nova Scotia"), a news abbreviation ("N.S.", "Ore.") or, after a comma, a
        US or Canadian postal code ("NS", "OR"): the code of the known city's own region,
        else of the one US state or Canadian province that has it. In this slot a one-word
        abbreviation may lack its stop even when short or an everyday word ("Salem, Ore",
        "Peoria, Ill"): copy that drops the stop drops it from every dateline.
        """
        hit = self.lookup_region_abbreviation(written) or self.lookup_exact(written, GPE)
        if hit is None and _STOPLESS_ABBREVIATION.match(written):
            hit = self.lookup_region_abbreviation(written + ".")
        if hit is not None and hit.entry.kind == "subdivision" and hit.entry.admin1:
            return hit.entry
        shared = self._shared_country_names.get(place_key(written))
        if city is not None and shared is not None and city.admin1 == shared.admin1:
            return shared  # "Atlanta, Georgia": the state, as the city's own region says
        if not _POSTAL_CODE.match(written):
            return None  # another kind of place ("La." is Los Angeles) or none
        codes = [f"{cc}-{written}" for cc in _POSTAL_COUNTRIES]
        if city is not None and city.admin1 in codes:
            codes = [city.admin1]
        found = [e for c in codes for e in self._idx.first_level.get(c, [])]
        return found[0] if len(found) == 1 else None

    def _region_qualified_city(self, name: str, written: str) -> Hit | None:
        """A city with its state or province: "Portland, Ore.", "Halifax, N.S.", "Austin, TX".

        The city the index knows when its region (``admin1``, from GeoNames) is the one
        written; a namesake elsewhere ("Portland, Maine" beside Oregon's Portland, "London,
        Ont.") or a city the index does not hold is keyed by its name and its region's, so
        every way of writing the region is one place and never the namesake.
        """
        place = self.lookup_exact(name, GPE)
        if place is not None and place.entry.kind != "city":
            return None  # "Georgia, US", "Quebec, Canada": not a city in a region
        region = self._written_region(written, place.entry if place else None)
        if region is None:
            return self._city_in_namesake_region(place, written)
        if place is not None and place.entry.admin1 == region.admin1:
            city = place.entry.entity.canonical_name
            return Hit(place.entry, "place_qualifier", f"{city} in {region.entity.canonical_name}")
        if place is not None and not place.entry.admin1 and place.entry.country == region.country:
            return None  # a city of that country whose region the index does not know
        where = _REGION_NAME_TAIL.sub("", region.entity.canonical_name)
        canonical = f"{clean_place_name(name)}, {where}"
        key = place_key(canonical)
        if not key:
            return None
        ent = Entity(ids.entity_id(GPE, key), canonical, GPE)
        return Hit(
            Entry(ent, "name"), "region_qualified", f"{name} in {region.entity.canonical_name}"
        )

    def _city_in_namesake_region(self, place: Hit | None, written: str) -> Hit | None:
        """A city with a region named like its capital: "Ciudad Juárez, Chihuahua".

        Many states and provinces share their capital's name (Chihuahua, Puebla, São Paulo),
        so the name after the comma reads as that city; a city is not qualified by another
        city, so when both lie in one first-level region (``admin1``) the second names the
        region and the first is the place ("Campinas, São Paulo", and "Puebla, Puebla" the
        capital in its namesake state). A city of another region ("Kunming, Sichuan") or
        one whose region the index does not know decides nothing.
        """
        if place is None or place.entry.kind != "city" or not place.entry.admin1:
            return None
        other = self.lookup_exact(written, GPE)
        if other is None or other.entry.kind != "city" or other.entry.admin1 != place.entry.admin1:
            return None
        city = place.entry.entity.canonical_name
        return Hit(place.entry, "place_qualifier", f"{city} in the region of {written}")

    def _styled_city(self, name: str) -> Hit | None:
        """The city after "City of" / "Ville de": "City of Toronto" is Toronto.

        The name is a city the gazetteer knows, or a province, state or country whose
        capital is "<name> City" ("City of Quebec" and "Ville de Québec" are Quebec City,
        known or keyed by that name), or a place the gazetteer does not know at all
        ("City of Brampton" is keyed as Brampton).
        """
        if place_key(name) in _CITY_DISTRICTS or "," in name:
            return None  # "the city of X, N.H.": a town in its region (``lookup_placed_town``)
        hit = self.lookup_exact(name, GPE)
        if hit is not None and hit.entry.kind == "city":
            city = hit.entry.entity.canonical_name
            return Hit(hit.entry, "place_qualifier", f"the city {city} in its formal style")
        written = name if hit is None else f"{name} City"
        if hit is not None:
            known = self.lookup_exact(written, GPE)
            if known is not None:
                return known if known.entry.kind == "city" else None
        if self._ambiguous(written, GPE) or self.lookup_exact(written, ORG) is not None:
            return None
        return self.name_key_hit(written, written, GPE)

    def lookup_british_county(self, surface: str) -> Hit | None:
        """A county of Great Britain named as one: "Kent, UK", "Kent, England", "the county of Kent".

        Its nation or the UK confirms the county (``rules/british_counties.tsv``, full names
        only, and none a known place shares: "Durham, England" is the city), so every such
        form shares one key; the bare name is left alone, as a namesake abroad may own it.
        """
        clean = " ".join(clean_place_name(surface).split())
        m = _BRITISH_COUNTY.match(clean)
        if m is None:
            return None
        county = m.group(1) or m.group(2)
        if self._british_counties.get(county) != county or self.lookup_exact(county, GPE):
            return None  # not a county, or a known place shares its name ("Durham")
        canonical = f"{county}, Great Britain"
        ent = Entity(ids.entity_id(GPE, place_key(canonical)), canonical, GPE)
        return Hit(Entry(ent, "name"), "british_county", f"{county} as a British county")

    def lookup_placed_town(self, surface: str) -> Hit | None:
        """A town written with where it lies, as its comma form: "Iowa's Polk County".

        See ``placed.py``. The region is a US state, Canadian province or other first-level
        region or country the gazetteer knows (by name or news abbreviation), or a British
        county of ``rules/british_counties.tsv``; the town is then resolved as "<town>,
        <region>" is, so it joins that form and never a bare namesake.
        """
        clean = " ".join(clean_place_name(surface).split())
        parts = placed_parts(clean)
        if parts is None:
            return None
        place, written, how = parts
        region = spell_compass(written)
        name = self._british_counties.get(region)
        if name is None and how == "comma" and region == written:
            return None  # the comma form as written: read by ``lookup_place_qualifier``
        if name is None:
            hit = self.lookup_region_abbreviation(region) or self.lookup_exact(region, GPE)
            if hit is None and how == "described":
                hit = self.lookup_demonym(region)
            if hit is None or hit.entry.kind not in ("subdivision", "country"):
                return None
            name = hit.entry.entity.canonical_name
        form = f"{place}, {name}"
        if form == clean:
            return None
        found = self._resolve_context_free(form, GPE)
        if found is None or found.entry.entity.entity_type not in (GPE, LOC):
            return None
        return Hit(found.entry, "placed_town", f"{clean} as {form}")

    def lookup_place_spacing(self, surface: str) -> Hit | None:
        """A known place's name written without its space or hyphen: "Nursultan" (Nur-Sultan).

        The written key (six letters or more) must name no place itself, and one gazetteer
        place only may have that key once its spaces are dropped.
        """
        key = place_key(clean_place_name(surface))
        joined = key.replace(" ", "")
        if len(joined) < _SPACING_MIN or key in self._idx.places or " " in key:
            return None
        if self._joined_places is None:
            table: dict[str, list[Entry]] = {}
            for k, entries in self._idx.places.items():
                if " " in k:
                    for e in entries:
                        if e not in table.setdefault(k.replace(" ", ""), []):
                            table[k.replace(" ", "")].append(e)
            self._joined_places = table
        entries = self._joined_places.get(joined, [])
        if len({e.entity.entity_id for e in entries}) != 1:
            return None
        e = entries[0]
        return Hit(e, "place_spacing", f"{e.entity.canonical_name} written as one word")

    def lookup_misspelt_place(self, surface: str) -> Hit | None:
        """A long place name one slip away from exactly one known place ("Uttar Pardesh").

        News copy misspells long transliterated names: a letter dropped or added
        ("Uttrakhand"), two letters swapped ("Pardesh") or one vowel for another
        ("Telengana", "Banghazi"). The slip must be inside a word (never its first letter nor
        its last two: "Austrian" is no misspelt "Austria"), the key at least eight letters
        long, the written name known as nothing else (no GeoNames town of 1,000+ people
        bears it: ``rules/place_slip_towns.txt``) and rare in English print (below Zipf 1.5
        and ten times rarer than the place it is taken for: "Columbia" is a name of its own,
        not a misspelt "Colombia"), and the corrections must reach one known place only,
        by its own name.
        """
        key = place_key(clean_place_name(surface))
        if len(key.replace(" ", "")) < _MISSPELT_MIN or not key.replace(" ", "").isalpha():
            return None
        if key not in self._misspelt_cache:
            if len(self._misspelt_cache) > _CACHE_LIMIT:
                self._misspelt_cache.clear()
            self._misspelt_cache[key] = self._misspelt_uncached(surface, key)
        return self._misspelt_cache[key]

    def _misspelt_uncached(self, surface: str, key: str) -> Hit | None:
        idx = self._idx
        if key in idx.places or self.knows_key(ORG, org_key(clean_org_name(surface))):
            return None
        if key in slip_towns():  # a real town's name ("Wolfsberg" is not Wolfsburg)
            return None
        if idx.persons.get(person_key(surface)):
            return None
        found: dict[str, Entry] = {}
        for cand in place_slips(key):
            entries = idx.places.get(cand, [])
            if len(entries) > 1:
                return None  # a slip away from an ambiguous name: no guess
            if not entries or len(cand.replace(" ", "")) < _MISSPELT_MIN:
                continue
            # Only the place's own name: a slip from one of its many alternate names
            # ("Akropolis", one letter from a nickname of Little Rock) is no evidence.
            if place_key(entries[0].entity.canonical_name.split(",")[0]) == cand:
                found[entries[0].entity.entity_id] = entries[0]
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        written = english_zipf(key)
        if written >= _MISSPELT_MAX_ZIPF:
            return None
        if (
            english_zipf(place_key(e.entity.canonical_name.split(",")[0])) - written
            < _MISSPELT_RARER
        ):
            return None
        return Hit(e, "misspelt_place", f"one letter from {e.entity.canonical_name}")

    def lookup_respelt_place(self, surface: str) -> Hit | None:
        """A place name written in another romanisation of its letters: "Kyyiv", "Bengalooru".

        The written key and a known place's own name meet once doubled letters and "oo"/"ee"
        are folded (``respelling_key``), and no other place's name folds so. Guards as for a
        misspelling: five letters or more, the written name known as nothing (no entity, no
        GeoNames town whose name folds to a known place's: ``rules/place_slip_towns.txt``)
        and rare in English print (below Zipf 1.5: "Bonn" is not read into "Bon").
        """
        key = place_key(clean_place_name(surface))
        letters = key.replace(" ", "")
        if len(letters) < _RESPELT_MIN or not letters.isalpha() or key in self._idx.places:
            return None
        if key in slip_towns() or self.knows_key(ORG, org_key(clean_org_name(surface))):
            return None
        if self._idx.persons.get(person_key(surface)):
            return None
        if self._respelt_places is None:
            names: dict[str, set[str]] = {}
            own: dict[str, Entry] = {}
            for k, entries in self._idx.places.items():
                for e in entries:
                    names.setdefault(respelling_key(k), set()).add(e.entity.entity_id)
                    if k == place_key(e.entity.canonical_name.split(",")[0]):
                        own[respelling_key(k)] = e
            self._respelt_places = {
                fold: own[fold] for fold, ids in names.items() if len(ids) == 1 and fold in own
            }
        place = self._respelt_places.get(respelling_key(key))
        if place is None or english_zipf(key) >= _MISSPELT_MAX_ZIPF:
            return None
        return Hit(place, "respelt_place", f"{place.entity.canonical_name} in another romanisation")

    def _designates(self, country: str, word: str, *, known: bool) -> bool:
        """True when the country calls a first-level region ``word``.

        A country without a line in the table accepts any word, and "region" is accepted
        of any country, unless ``known`` asks for the table's evidence.
        """
        words = self._designations.get(country)
        if words is None:
            return not known
        # "Region" is written loosely of any country's regions ("the Bavaria region"): it
        # confirms a region named once, but picks none among namesakes.
        return word.lower() in words or (not known and word.lower() == "region")

    def _designated_region(self, name: str, word: str) -> Hit | None:
        """A region named with its designation: "Karnataka state", "Province of Quebec".

        The designation confirms a region of one country that calls its regions so. A region
        without a country ("Kashmir", "Punjab": the gazetteer's cross-border regions) is never
        confirmed: the designation names one country's part of it (Pakistan's Punjab
        province, India's Punjab state), and the part is picked only among the regions of
        that name whose countries use the word. A name that is (or could be) a city, a
        country or anything else never folds ("Kursk Oblast" is not the city of Kursk).
        """
        key = place_key(name)
        entries = self._idx.places.get(key, [])
        if any(e.kind != "subdivision" for e in entries):
            return None
        if any(self._longer_unit(e, name) for e in entries):
            return None
        if len(entries) == 1 and entries[0].country:
            e = entries[0]
            if self._designates(e.country, word, known=False):
                return Hit(e, "place_qualifier", f"the region {e.entity.canonical_name}")
            return None
        fits = {
            e.entity.entity_id: e
            for e in self._idx.regions.get(key, [])
            if self._designates(e.country, word, known=True)
        }
        if len(fits) != 1:
            return None
        e = next(iter(fits.values()))
        return Hit(e, "place_qualifier", f"the {word.lower()} {e.entity.canonical_name}")

    def _longer_unit(self, entry: Entry, name: str) -> bool:
        """True when ``name`` is the head of the region's longer name, "Gaza" of "Gaza Strip".

        A designation after the short name names another unit of that name, most often one
        inside the region ("Gaza Governorate" in the Gaza Strip), unless the rest of the
        long name is itself a designation ("Rakhine" of "Rakhine State").
        """
        canonical = entry.entity.canonical_name
        head = " ".join(name.split())
        if not canonical.lower().startswith(head.lower() + " "):
            return False
        rest = canonical[len(head) :].strip().lower()
        return _REGION_WORD.match("x " + rest) is None

    def _described_region(self, clean: str) -> Hit | None:
        """A region with its country and designation: "the Mexican state of Jalisco".

        Wire copy introduces a region so, the country first (a demonym or its name) or last
        ("Hunan province of China"). The region must be one subdivision of that country
        (``_country_qualified_region``) and the country must call its regions by the word
        written ("the Indian province of Kerala" names none).
        """
        m = _DESCRIBED_REGION.match(clean)
        if m is None:
            return None
        word = m.group(2)
        for where, name in ((m.group(1), m.group(3)), (m.group(3), m.group(1))):
            if "," in where or "," in name:
                continue
            hit = self._country_qualified_region(f"{name}, {where}")
            if hit is not None and self._designates(hit.entry.country, word, known=False):
                return hit
        return None

    def _country_qualified_region(self, clean: str) -> Hit | None:
        """A region written with its country: "Pakistan's Punjab", "Punjab, India".

        Also "Indian Punjab" and "Northern Territory of Australia". The country must be one (a possessive or "of" country name, or a demonym), and the
        rest one region of that country in the gazetteer: "India's Kashmir" is not the
        cross-border Kashmir, "American Samoa" is not Samoa.
        """
        pairs: list[tuple[str, str]] = []
        m = _PLACE_COMMA.match(clean)
        if m is not None:
            pairs.append((m.group(2), m.group(1)))
        m = _COUNTRY_POSSESSIVE.match(clean)
        if m is not None:
            pairs.append((m.group(1), m.group(2)))
        m = _OF_COUNTRY.match(clean)
        if m is not None:
            pairs.append((m.group(2), m.group(1)))
        tokens = clean.split()
        pairs += [(" ".join(tokens[:k]), " ".join(tokens[k:])) for k in (1, 2) if len(tokens) > k]
        for where, name in pairs:
            country = self.lookup_exact(where, GPE)
            if country is not None and country.entry.kind == "country":
                code = country.entry.country
            elif country is None:
                code = self.orgs.place_code(where)
            else:
                continue
            if not code:
                continue
            key = place_key(name)
            fits = {
                e.entity.entity_id: e
                for e in [*self._idx.places.get(key, []), *self._idx.regions.get(key, [])]
                if e.kind == "subdivision" and e.country == code
            }
            if len(fits) == 1:
                e = next(iter(fits.values()))
                return Hit(e, "place_qualifier", f"{e.entity.canonical_name} of {where}")
        return None

    def _country_and_region_names(self) -> dict[str, Entry]:
        """Bare names that are a country's and a US state's or Canadian province's: the region.

        North American copy writes the state bare ("Georgia"), world news the country; the
        gazetteer marks the clash by a bracket on the region's name ("Georgia (US state)").
        """
        keys: dict[str, Entry] = {}
        for entries in self._idx.places.values():
            for e in entries:
                if e.kind != "subdivision" or e.country not in _POSTAL_COUNTRIES:
                    continue
                bare = place_key(_REGION_NAME_TAIL.sub("", e.entity.canonical_name))
                if any(c.kind == "country" for c in self._idx.places.get(bare, [])):
                    keys[bare] = e
        return keys

    def _shared_country_name(self, surface: str, hit: Hit | None) -> Hit | None:
        """A bare name of a country and a US state or Canadian province: its own key.

        Without context nothing tells the two apart, and either guess merges one with the
        other's forms ("Republic of Georgia" with the state); the name is keyed by itself,
        as an unknown place is, and its longer forms still reach each entity.
        """
        if hit is None or hit.entry.kind != "country":
            return None
        canonical = THE.sub("", clean_place_name(surface))
        key = place_key(canonical)
        if key not in self._shared_country_names:
            return None
        ent = Entity(ids.entity_id(GPE, key), canonical, GPE)
        return Hit(Entry(ent, "name"), "shared_country_name", f"a country's and a region's {key!r}")

    def split_blocked(self, etype: str, surface: str, hit: Hit | None) -> bool:
        if hit is None or not self._splits:
            return False
        return (etype, type_key(surface, etype), hit.entry.entity.entity_id) in self._splits

    def _resolve_context_free(self, surface: str, etype: str | None) -> Hit | None:
        """Resolution of one surface string without any document context."""
        name, titles = split_person_name(clean_surface(surface))
        if not name:
            return None
        hit = self.lookup_exact(surface if etype != PERSON else name, etype)
        if hit is None and etype != PERSON:
            hit = self.lookup_exact(clean_for(surface, etype), etype)
        if etype in (GPE, LOC, None):
            hit = self._shared_country_name(surface, hit) or hit
        if etype in (GPE, LOC) and (hit is None or hit.entry.source.startswith("geonames")):
            # A state's or province's news abbreviation ("P.E.I.") is that region, not a
            # GeoNames city whose other name has the same letters (a county "Pei").
            hit = self.lookup_region_abbreviation(surface, bare=hit is None) or hit
            if hit is not None and place_key(hit.entry.entity.canonical_name) != place_key(surface):
                # A demonym is its country, not a GeoNames city that lists the word among
                # its other names ("Thai", one of a Malaysian city's alternate names).
                hit = self.lookup_demonym(surface) or hit
        if hit is not None and etype in (ORG, None):
            hit = self.orgs.federal_own(surface, self.orgs.country_own(surface, hit))
        if hit is None and etype == ORG:
            form = self.orgs.local_form(surface)
            if form is not None:
                return self._resolve_context_free(form, etype)
        if hit is None and etype in (ORG, None):
            hit = (
                self.orgs.lookup_role(surface)
                or self.orgs.lookup_variant(surface)
                or self.lookup_initials(surface, ORG)
                or self.orgs.lookup_described(surface)
                or self.orgs.lookup_possessed(surface)
                or self.orgs.lookup_translated(surface)
                or self.orgs.lookup_native_country(surface)
                or self.orgs.lookup_wade_giles(surface)
                or self.orgs.lookup_misspelt(surface)
                or self.orgs.lookup_inflected(surface)
                or self.orgs.lookup_shortened(surface)
                or self.orgs.lookup_countryless_party(surface)
                or self.orgs.lookup_native_initials(surface)
                or self.orgs.lookup_bracketed_letters(surface)
            )
        if hit is not None and self.orgs.owned_elsewhere(surface, hit):
            # "Syria's Muslim Brotherhood" is not Egypt's: keyed as written, with its owner.
            canonical = THE.sub("", clean_surface(surface))
            key = org_key(canonical)
            ent = Entity(ids.entity_id(ORG, key), canonical, ORG)
            return Hit(Entry(ent, "name"), "name_key", f"another country's {key!r}")
        if hit is None and etype in (GPE, LOC, None):
            hit = (
                self.lookup_region_abbreviation(surface)
                or self.lookup_state_form(surface)
                or self.lookup_demonym_republic(surface)
                or self.lookup_compass_form(surface)
                or (self.lookup_british_county(surface) if etype in (GPE, LOC) else None)
                or self.lookup_place_qualifier(surface)
                or (self.lookup_described_place(surface) if etype in (GPE, LOC) else None)
                or (self.lookup_city_title(surface) if etype in (GPE, LOC) else None)
                or (self.lookup_placed_town(surface) if etype in (GPE, LOC) else None)
                or self.lookup_initials(surface, GPE)
                or self.lookup_misspelt_place(surface)
                or self.lookup_respelt_place(surface)
                or self.lookup_place_spacing(surface)
                or self.lookup_country_tail(surface)
                or self.lookup_paired_names(surface)
            )
            if hit is None and etype is not None:
                # Typed a place only: an untyped "Mexican" is a person or a word.
                hit = self.lookup_demonym(surface)
        if hit is None and etype in (PERSON, None):
            hit = self.persons.lookup(name)
        if hit is None and etype in (ORG, GPE, LOC, None):
            # NER mislabels people as ORG/GPE ("Ishiba", "Trump"): the person gazetteer
            # is evidence enough to correct the type.
            hit = self.lookup_exact(name, PERSON)
            if hit is None and len(name.split()) == 1 and etype in (ORG, None):
                hit = self.lookup_surname(name, titles)
            if hit is not None:
                hit = Hit(hit.entry, hit.rule + "+type_corrected", hit.evidence)
        if hit is None and etype == PERSON and len(name.split()) == 1:
            hit = self.lookup_surname(name, titles)
        if hit is not None and len(name.split()) == 1 and not _sex_fits(hit.entry, titles):
            hit = None  # "Mrs. X" is not the known Mr. X (his wife, a namesake)
        if self.split_blocked(etype or hit.entry.entity.entity_type if hit else "", surface, hit):
            assert hit is not None
            etype2 = hit.entry.entity.entity_type
            ent = Entity(
                ids.entity_id(etype2, "split:" + type_key(surface, etype2)),
                clean_for(surface, etype2),
                etype2,
            )
            return Hit(Entry(ent, "override"), "override_split", "overrides: split")
        if hit is not None:
            return hit
        owned = person_owned_rest(self, surface, etype) or described_rest(self, surface, etype)
        if owned is not None:
            # "Jane Roe's Acme Gazette", "the Acme network": the name without them.
            return self._resolve_context_free(owned, etype)
        hit = self._bracketed_same(surface, etype)
        if hit is not None:
            return hit
        return self.name_key_hit(surface, name, etype)

    def resolve_known(self, surface: str, etype: str | None) -> Hit | None:
        """The context-free resolution of a name, or None when it is keyed by itself only."""
        hit = self._resolve_context_free(surface, etype)
        return hit if hit is not None and hit.entry.kind != "name" else None

    def _bracketed_same(self, surface: str, etype: str | None) -> Hit | None:
        """A name with another name of the same known entity in brackets.

        "Ansar Allah (Houthis)", "Republic of China (Taiwan)": both parts name one known
        entity (a gazetteer entry, not a key of their own), so the whole does too. Parts
        that disagree ("Punjab (Pakistan)" of two Punjabs, a party and its country) are
        left to the other rules.
        """
        m = _BRACKETED.match(surface)
        if m is None:
            return None
        outer = self._resolve_context_free(m.group(1), etype)
        inner = self._resolve_context_free(m.group(2), etype)
        if outer is None or inner is None or outer.entry.kind == "name":
            return None
        if outer.entry.entity.entity_id != inner.entry.entity.entity_id:
            return None
        name = outer.entry.entity.canonical_name
        return Hit(outer.entry, "bracketed_same", f"{name} with another of its names")

    def name_key_hit(self, surface: str, name: str, etype: str | None) -> Hit | None:
        """An entity keyed by the normalised name, for names outside the gazetteer."""
        key = (surface, name, etype)
        if len(self._name_cache) > _CACHE_LIMIT:
            self._name_cache.clear()
        if key not in self._name_cache:
            self._name_cache[key] = self._name_key_hit_uncached(surface, name, etype)
        return self._name_cache[key]

    def _name_key_hit_uncached(self, surface: str, name: str, etype: str | None) -> Hit | None:
        if etype is None:
            etype = ORG if _ORG_WORDS.search(name) or acronym_key(name) else PERSON
            if etype == PERSON and len(name.split()) < 2:
                return None
        elif etype == PERSON and _INSTITUTION_OF.match(name):
            # "Bank of Norway", "University of Jordan" tagged PERSON: an institution's head
            # before "of" names a body, never a person.
            etype = ORG
        if self._ambiguous(name, etype):
            return None  # two known entities share this name/acronym: refuse to pick
        if etype == PERSON:
            if len(parse_person_name(name).tokens) < 2 or len(name.split()) < 2:
                # A bare surname must not merge globally, hyphenated ("Kilroy-Silk") or not.
                return None
            key, canonical = person_key(name), _display_person(name)
            reduced = _LEADING_INITIAL.sub(
                "", _PATRONYMIC.sub(" ", _MIDDLE_INITIALS.sub(" ", name))
            )
            if reduced != name:
                # "Kamala D. Harris" ~ "Kamala Harris": a middle initial is dropped from the
                # key, unless the short form is ambiguous among gazetteer people (the
                # Bushes). A generational suffix stays in the key ("Joseph R. Biden III" ~
                # "Joseph Biden III", never "Joseph Biden"). So is an East Slavic
                # patronymic ("Dmitry Sergeyevich Peskov" ~ "Dmitry Peskov"): it names the
                # father, and English copy mostly leaves it out.
                known = self._idx.persons.get(person_key(reduced), [])
                if len(known) == 1:
                    e = known[0]
                    return Hit(e, "middle_initial", f"{e.entity.canonical_name} with an initial")
                if not known:
                    key = person_key(reduced)
            base = reduced if reduced != name and key == person_key(reduced) else name
            plain = self.persons.unknown_form(base)
            if plain and not self._idx.persons.get(person_key(plain)):
                # "Dave Roe" ~ "David Roe", "Jane Mary Roe" ~ "Jane Roe" (see
                # ``unknown_form``); never onto a gazetteer person ("Ahmad Massoud" is not
                # Ahmad Shah Massoud but his son).
                key = person_key(plain)
            if any(not self.persons.order_fits(e, name) for e in self._idx.persons.get(key, [])):
                # The order-free key is a known father's-name person's ("Ahmad Yusof" for
                # "Yusof Ahmad"): the other order is keyed as written, another person.
                key = "ordered " + " ".join(parse_person_name(clean_name(name)).tokens)
        elif etype == ORG:
            canonical = THE.sub("", clean_org_name(surface))
            # One key for "NATO", "Nato" and "N.A.T.O.", and for "YUKOS" and "Yukos"; "the
            # PML-N party" is keyed as "PML-N".
            acronym = acronym_before_head(canonical)
            # Spaces are no part of the key: "Petro Vietnam" / "PetroVietnam", "1 Malaysia
            # X" / "1Malaysia X" (the gazetteer's own names have the "spacing" rule).
            key = (
                acronym_key(acronym or canonical).lower()
                or self.orgs.description_key(canonical)
                or org_key(_NATIVE_ARTICLE.sub("", canonical)).replace(" ", "")
            )
        else:
            canonical = THE.sub("", clean_place_name(surface))
            key = place_key(canonical)
        if not key:
            return None
        ent = Entity(ids.entity_id(etype, key), canonical, etype)
        return Hit(Entry(ent, "name"), "name_key", f"normalised key {key!r}")

    def _ambiguous(self, name: str, etype: str) -> bool:
        """True when several gazetteer entities share this name or acronym ("ICC")."""
        idx = self._idx
        if etype == PERSON:
            return len(idx.persons.get(person_key(name), [])) > 1
        acr = acronym_key(name)
        if acr and len(idx.acronyms.get(acr, [])) > 1:
            return True
        table = idx.orgs if etype == ORG else idx.places
        return len(table.get(type_key(name, etype), [])) > 1

    # ------------------------------------------------------------ public API

    def resolve_name(self, surface: str, entity_type: str | None = None) -> Entity | None:
        """Resolve one surface string on its own (no document context).

        Args:
            surface: A name as written ("South Korean President Yoon Suk\u2011yeol's").
            entity_type: PERSON/ORG/GPE/LOC if known (an NER label or "PERSON" for a
                byline); None lets the resolver decide.

        Returns:
            The entity, or None when the name cannot be resolved without context
            (a bare common surname, an ambiguous acronym, an empty string).
        """
        etype = NER_TYPES.get(entity_type or "") if entity_type else None
        hit = self._resolve_context_free(surface, etype)
        return hit.entry.entity if hit else None

    def resolve_article(
        self, body: str, ner: Sequence[NerSpan], sentences: Sequence[tuple[int, int]]
    ) -> ArticleEntities:
        """Resolve every entity mention of one article.

        Args:
            body: The article text the offsets index.
            ner: NER spans (``pipelines.core.nlp.ner_spans``).
            sentences: Sentence bounds (``pipelines.core.nlp.sentence_bounds``).

        Returns:
            Mentions (exact offsets, sentence index, rule, metonymy flag), the distinct
            entities they point to, and one alias decision per surface/entity/rule.
        """
        return ArticleResolver(self, body, ner, sentences).run()

    def resolve_authors(
        self, names: Sequence[str]
    ) -> tuple[tuple[ArticleAuthor, ...], ArticleEntities]:
        """Bylined authors resolved as PERSON names (no article context).

        Returns:
            One record per author in byline order (``entity_id`` None when the name
            does not resolve), and the distinct author entities with one ``byline``
            alias decision per resolved author (no mentions).
        """
        authors: list[ArticleAuthor] = []
        entities: dict[str, Entity] = {}
        decisions: list[AliasDecision] = []
        for name in names:
            ent = self.resolve_name(name, PERSON)
            authors.append(ArticleAuthor(name, ent.entity_id if ent else None))
            if ent is not None:
                entities.setdefault(ent.entity_id, ent)
                decisions.append(
                    AliasDecision(ent.entity_id, name, "byline", "author named in the byline")
                )
        return tuple(authors), ArticleEntities((), tuple(entities.values()), tuple(decisions))

    def country(self, code: str) -> Entry | None:
        """The gazetteer country with this ISO code."""
        return self._idx.countries.get(code)

    def country_name_keys(self) -> list[tuple[str, str]]:
        """(place key, ISO code) of every name of every gazetteer country, native ones too."""
        return [
            (key, entries[0].country)
            for key, entries in self._idx.places.items()
            if len(entries) == 1 and entries[0].kind == "country" and entries[0].country
        ]

    def office(self, position: str) -> Entry | None:
        """The office entity of a position (a Wikidata QID), when the gazetteer has it."""
        return self._idx.offices.get(position)
