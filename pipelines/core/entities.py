"""Entity resolution: NER spans -> canonical entities, mentions and an audit trail.

Recall comes from knowledge and rules (the shipped gazetteer, name-key folding from
``normalize``), precision from refusing to guess: a bare surname is linked only to a
person named in the same article, or to a gazetteer person when the surname is unique
and not a common one; ambiguous acronyms are linked only when the article spells the
organisation out. Every surface -> entity decision is returned as an ``AliasDecision``
naming the rule and its evidence.

Ids: ``entity_id(type, key)`` with key = Wikidata QID when known, else the normalised
name key, so ids agree across articles, outlets and runs. A bare surname that cannot be
linked gets an article-local key (it must not merge globally).

Capital-city metonymy policy: a capital mentioned as an actor ("Moscow's war",
"Pyongyang said", "talks between Seoul and Tokyo") is linked to its country with
``is_metonymy=True``; a capital used as a place (after a locative preposition such as
"in"/"to"/"from", in a dateline, or as "Seoul-based") stays the city. Without context
(``resolve_name``) a capital is the city.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pipelines.core import ids
from pipelines.core.models import (
    GPE,
    LOC,
    ORG,
    PERSON,
    AliasDecision,
    ArticleEntities,
    Entity,
    Mention,
    NerSpan,
)
from pipelines.core.normalize import (
    acronym_of,
    clean_name,
    clean_org_name,
    clean_place_name,
    clean_surface,
    fold_typography,
    name_rules,
    org_key,
    parse_person_name,
    person_key,
    place_key,
    split_person_name,
    split_titles,
    strip_possessive,
    surname_key,
)
from pipelines.core.resources import rule_lines as read_rule_lines

DEFAULT_OVERRIDES = Path("data/entity_overrides.toml")
OVERRIDES_ENV = "NEWS_ENTITY_OVERRIDES"

# Rule files whose content defines resolver behaviour (hashed into data_version).
_RULE_FILES = (
    "aliases.jsonl",
    "honorifics.txt",
    "titles.txt",
    "descriptors.txt",
    "org_suffixes.txt",
    "name_particles.txt",
    "given_name_variants.tsv",
    "korean_surnames.tsv",
    "chinese_surnames.txt",
    "common_surnames.txt",
    "nominal_phrases.tsv",
    "metonymy_cues.tsv",
)
_NER_TYPES = {"PERSON": PERSON, "ORG": ORG, "GPE": GPE, "LOC": LOC}
# Labels the small model puts on organisations and places it does not recognise
# ("the Asia-Pacific Economic Cooperation" as FAC/LOC): resolved only on a gazetteer hit.
_SECONDARY_LABELS = {"FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|from|near|outside|inside|into|across|around|via|toward|towards|"
    r"throughout|visit|visited|visiting|left|leave|leaving|reached|arrived|downtown|"
    r"city|capital|central|northern|southern|eastern|western)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[\w .'-]+,\s")
_WORD = re.compile(r"[\w.'-]*")
_BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.\-]{1,9})\)")
_PREV_CAPITALISED = re.compile(r"([A-Z][\w'\-]*)\.? $")
_AFTER_VERB = re.compile(
    r"^\s+(?:(?:has|have|had|will|would|could|may|might|is|was|also|has also|had also)\s+)?([a-z]+)\b"
)
_AFTER_POSSESSIVE = re.compile(
    r"^['\u2019]s\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?(?:\s+([A-Za-z-]+))?"
)
# "<relation> between [the] X and" (the capital is X) or "... between X and [the]" (it is Y).
_BETWEEN_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+between\s+(?:the\s+)?$")
_BETWEEN_AFTER = re.compile(
    r"\b([A-Za-z-]+)\s+between\s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w.-]*)?\s+and\s+(?:the\s+)?$"
)
_CACHE_LIMIT = 200_000  # memo entries kept before starting afresh (bounded memory)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TITLE_ACRONYM = re.compile(r"^[A-Z][a-z]{3,5}$")
# "Republic of Türkiye", "State of Palestine": a formal prefix before a country's name.
_STATE_FORM = re.compile(
    r"^(?:the\s+)?(?:republic|kingdom|state|commonwealth|federation|principality|sultanate|"
    r"grand duchy|union)\s+of\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
_OFFICE_AFTER = re.compile(r"^\s*['\u2019]s?\s+office\b")
_ORG_WORDS = re.compile(
    r"\b(?:party|ministry|agency|bank|university|council|association|company|corp|inc|ltd|"
    r"group|committee|commission|organi[sz]ation|union|office|department|court|news|times|"
    r"fund|institute|foundation|federation|league|club|church|army|forces|police|"
    r"government|parliament|assembly|congress|senate|board|authority)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One known entity and the facts the rules use."""

    entity: Entity
    kind: str  # person | country | city | region | org | office | override | name
    country: str = ""
    capital_of: str = ""
    position: str = ""  # for offices: the position QID
    positions: tuple[tuple[str, str, str, str], ...] = ()  # (qid, label, country, end)
    source: str = ""


@dataclass(frozen=True, slots=True)
class _Hit:
    """A resolution result with its audit information."""

    entry: _Entry
    rule: str
    evidence: str
    is_metonymy: bool = False


@dataclass
class _Index:
    persons: dict[str, list[_Entry]] = field(default_factory=dict)
    orgs: dict[str, list[_Entry]] = field(default_factory=dict)
    places: dict[str, list[_Entry]] = field(default_factory=dict)
    acronyms: dict[str, list[_Entry]] = field(default_factory=dict)
    surnames: dict[str, list[_Entry]] = field(default_factory=dict)
    short_forms: dict[str, list[_Entry]] = field(default_factory=dict)
    offices: dict[str, _Entry] = field(default_factory=dict)
    countries: dict[str, _Entry] = field(default_factory=dict)


def _add(index: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    if not key:
        return
    bucket = index.setdefault(key, [])
    if all(e.entity.entity_id != entry.entity.entity_id for e in bucket):
        bucket.append(entry)


def _make_entity(entity_type: str, canonical: str, qid: str | None) -> Entity:
    key = qid or _type_key(canonical, entity_type)
    return Entity(ids.entity_id(entity_type, key), canonical, entity_type, qid)


@lru_cache(maxsize=65536)
def _type_key(surface: str, entity_type: str) -> str:
    if entity_type == PERSON:
        return person_key(surface)
    if entity_type == ORG:
        return org_key(surface)
    return place_key(surface)


def _clean_for(surface: str, entity_type: str | None) -> str:
    """Display-cleaned name for a type: titles are stripped from person names only."""
    if entity_type == ORG:
        return clean_org_name(surface)
    if entity_type in (GPE, LOC):
        return clean_place_name(surface)
    return clean_name(surface)


_ROMAN = re.compile(r"^(?:II|III|IV|VI{0,3})\.?$")


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


@lru_cache(maxsize=65536)
def _acronym_key(surface: str) -> str:
    text = fold_typography(surface).strip()
    text = _THE.sub("", text)
    return text.replace(".", "").replace("-", "").upper() if _ACRONYM.match(text) else ""


# ----------------------------------------------------------------- overrides


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


def default_overrides_path() -> Path:
    """``$NEWS_ENTITY_OVERRIDES`` or ``data/entity_overrides.toml``."""
    return Path(os.environ.get(OVERRIDES_ENV, str(DEFAULT_OVERRIDES)))


def resolver_data_version(overrides_path: Path | None = None) -> str:
    """The ``data_version`` the default resolver would have, without indexing anything.

    Lets a run decide that nothing needs analysing before paying for the resolver
    (and spaCy) to load.
    """
    path = overrides_path if overrides_path is not None else default_overrides_path()
    return _data_version(Overrides.load(path))


def _data_version(overrides: Overrides) -> str:
    rules = resources.files("pipelines.core").joinpath("rules")
    h = hashlib.sha256()
    for name in _RULE_FILES:
        h.update(name.encode())
        h.update(rules.joinpath(name).read_bytes())
    h.update(b"overrides")
    h.update(overrides.raw)
    return h.hexdigest()[:12]


# ------------------------------------------------------------------ resolver


class EntityResolver:
    """Resolves names to canonical entities using the shipped gazetteer and rules.

    Build it once per process with ``EntityResolver.default()``; all tables are indexed
    at construction so per-article work is dictionary lookups.
    """

    def __init__(self, records: Iterable[dict[str, Any]], overrides: Overrides, version: str):
        """Index gazetteer records (``aliases.jsonl`` rows) and apply overrides."""
        self.data_version = version
        self._idx = _Index()
        # Keyed like the surname index ("Hussein" -> "husein"), or the check would miss.
        self._common = frozenset(
            key for line in read_rule_lines("common_surnames.txt") if (key := surname_key(line))
        )
        self._nominals = _load_nominals()
        self._metonymy = _load_metonymy_cues()
        for rec in records:
            self._index_record(rec)
        self._index_auto_short_forms()
        # Lookups are pure functions of the surface once the tables are built; news
        # repeats names, so memoising them makes per-article work mostly dict hits.
        self._exact_cache: dict[tuple[str, str | None], _Hit | None] = {}
        self._name_cache: dict[tuple[str, str, str | None], _Hit | None] = {}
        self._override_hits: dict[tuple[str, str], _Hit] = {}
        self._splits: set[tuple[str, str, str]] = set()
        self._apply_overrides(overrides)
        self._exact_cache.clear()  # filled while resolving override targets
        self._name_cache.clear()

    @classmethod
    def default(cls, overrides_path: Path | None = None) -> EntityResolver:
        """Resolver over the shipped gazetteer plus the user's overrides file (if any)."""
        path = overrides_path if overrides_path is not None else default_overrides_path()
        overrides = Overrides.load(path)
        rules = resources.files("pipelines.core").joinpath("rules")
        text = rules.joinpath("aliases.jsonl").read_text("utf-8")
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
        return cls(records, overrides, _data_version(overrides))

    # ------------------------------------------------------------ indexing

    def _index_record(self, rec: dict[str, Any]) -> None:
        etype = rec["entity_type"]
        entity = _make_entity(etype, rec["canonical_name"], rec.get("wikidata_id"))
        positions = tuple(
            (
                p.get("position", ""),
                p.get("label", "").lower(),
                p.get("country", ""),
                p.get("end", ""),
            )
            for p in rec.get("positions", [])
        )
        entry = _Entry(
            entity,
            rec["kind"],
            country=rec.get("country") or "",
            capital_of=rec.get("capital_of") or "",
            position=rec.get("position") or "",
            positions=positions,
            source=rec.get("source", ""),
        )
        names = [rec["canonical_name"], *rec.get("aliases", [])]
        idx = self._idx
        if etype == PERSON:
            for n in names:
                _add(idx.persons, person_key(n), entry)
            # "Felipe VI of Spain": a monarch's territorial designation is no surname.
            if " of " not in rec["canonical_name"]:
                parsed = parse_person_name(clean_name(rec["canonical_name"]))
                _add(idx.surnames, parsed.surname, entry)
            for short in rec.get("short_forms", []):
                _add(idx.short_forms, surname_key(short), entry)
        elif etype == ORG:
            for n in names:
                acr = _acronym_key(n)
                if acr and len(n.replace(".", "")) <= 6:
                    _add(idx.acronyms, acr, entry)
                else:
                    _add(idx.orgs, org_key(n), entry)
            if entry.kind == "office" and entry.position:
                idx.offices[entry.position] = entry
        else:
            for n in names:
                _add(idx.places, place_key(n), entry)
                acr = _acronym_key(n)
                if acr:
                    _add(idx.acronyms, acr, entry)
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
                _add(self._idx.short_forms, key, entries[0])

    def _apply_overrides(self, ov: Overrides) -> None:
        for etype, names, qid in ov.merges:
            target = self._find_target(etype, qid or "") if qid else None
            for n in names:
                target = target or self._find_target(etype, n)
            merged = target or _Entry(
                _make_entity(etype, _clean_for(names[0], etype), qid), "override"
            )
            for n in names:
                self._override_hits[(etype, _type_key(n, etype))] = _Hit(
                    merged, "override_merge", f"overrides: merge {list(names)}"
                )
        for etype, alias, target_name in ov.aliases:
            found = self._find_target(etype, target_name)
            if found is None:
                continue
            self._override_hits[(etype, _type_key(alias, etype))] = _Hit(
                found, "override_alias", f"overrides: alias of {target_name}"
            )
        for etype, alias, target_name in ov.splits:
            found = self._find_target(etype, target_name)
            target_id = found.entity.entity_id if found else target_name
            self._splits.add((etype, _type_key(alias, etype), target_id))

    def _find_target(self, etype: str, name: str) -> _Entry | None:
        """Gazetteer entry named by a QID or a canonical name/alias."""
        if re.fullmatch(r"Q\d+", name):
            for table in (self._idx.persons, self._idx.orgs, self._idx.places):
                for entries in table.values():
                    for e in entries:
                        if e.entity.wikidata_id == name:
                            return e
            return None
        hit = self._lookup_exact(name, etype)
        return hit.entry if hit else None

    # ------------------------------------------------------------ lookups

    def _lookup_exact(self, surface: str, etype: str | None) -> _Hit | None:
        """Gazetteer or override hit on the full (title-free) name; None if absent/ambiguous."""
        key = (surface, etype)
        if len(self._exact_cache) > _CACHE_LIMIT:
            self._exact_cache.clear()
        if key not in self._exact_cache:
            self._exact_cache[key] = self._lookup_exact_uncached(surface, etype)
        return self._exact_cache[key]

    def _lookup_exact_uncached(self, surface: str, etype: str | None) -> _Hit | None:
        idx = self._idx
        order = [etype] if etype else [GPE, ORG, PERSON]
        if etype in (GPE, LOC):
            order = [GPE, ORG]
        for t in order:
            if t is None:
                continue
            key = _type_key(surface, t)
            ov = self._override_hits.get((t, key))
            if ov:
                return ov
            if t == PERSON:
                entries = idx.persons.get(key, [])
                rule = "gazetteer"
            elif t == ORG:
                clean = clean_org_name(surface)
                acr = _acronym_key(clean)
                entries = idx.acronyms.get(acr, []) if acr else idx.orgs.get(key, [])
                if not entries and acr:
                    # "YUKOS", "MICROSOFT": an all-caps word, not an acronym we know.
                    entries = idx.orgs.get(org_key(clean), [])
                elif not entries and _TITLE_ACRONYM.match(clean):
                    # BBC style writes acronyms in title case: "Fifa", "Uefa", "Opec".
                    entries = idx.acronyms.get(clean.upper(), [])
                entries = [e for e in entries if e.entity.entity_type == ORG]
                rule = "gazetteer_acronym" if acr else "gazetteer"
            else:
                entries = idx.places.get(key, [])
                acr = _acronym_key(clean_place_name(surface))
                if not entries and acr:
                    entries = [e for e in idx.acronyms.get(acr, []) if e.kind == "country"]
                rule = "gazetteer"
            if len(entries) == 1:
                e = entries[0]
                return _Hit(e, rule, f"{e.source or 'gazetteer'}: {e.entity.canonical_name}")
        return None

    def _lookup_surname(self, surname: str, titles: Sequence[str]) -> _Hit | None:
        """Gazetteer person for a bare surname, using title evidence ("President Yoon")."""
        key = surname_key(surname)
        if not key:
            return None
        candidates = self._idx.surnames.get(key, [])
        role_words = [t for t in titles if t in _ROLE_TITLES]
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
                return _Hit(fits[0], "title_surname", f"title {' '.join(titles)!r} + surname")
        short = self._idx.short_forms.get(key, [])
        if len(short) == 1:
            e = short[0]
            return _Hit(e, "gazetteer_short_form", f"unique surname of {e.entity.canonical_name}")
        return None

    def _lookup_state_form(self, surface: str) -> _Hit | None:
        """A formal state name ("Republic of X") -> country X, when X alone is a country."""
        m = _STATE_FORM.match(clean_place_name(surface))
        if m is None:
            return None
        hit = self._lookup_exact(m.group(1), GPE)
        if hit is None or hit.entry.kind != "country":
            return None
        return _Hit(hit.entry, "state_form", f"formal name of {hit.entry.entity.canonical_name}")

    def _lookup_person_extended(self, name: str) -> _Hit | None:
        """A longer or shorter form of a gazetteer person's full name.

        "Vladimir Vladimirovich Putin", "William Jefferson Clinton", "Tayyip Erdogan",
        "Mohammed bin Salman Al Saud": the name shares a token with a surname that is
        unique in the gazetteer and not common (the same test that lets "Putin" stand
        alone), and one name's tokens contain the other's, first given name included when
        both have one. Generational suffixes (Jr., II) and East Asian names never match
        this way (Kim Jong Un / Kim Jong Il, Donald Trump / Donald Trump Jr.).
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or len(tokens) < 2 or _GENERATIONAL & set(tokens):
            return None
        found: dict[str, _Entry] = {}
        for tok in set(tokens):
            for e in self._idx.short_forms.get(tok, []):
                other = parse_person_name(clean_name(e.entity.canonical_name)).tokens
                if len(other) < 2 or _GENERATIONAL & set(other):
                    continue
                small, big = sorted((set(tokens), set(other)), key=len)
                if not small <= big or len(small) < 2:
                    continue
                if set(other) <= set(tokens) and other[0] != tokens[0]:
                    continue  # a longer name must keep the same first given name
                found[e.entity.entity_id] = e
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return _Hit(e, "gazetteer_name_form", f"longer/shorter form of {e.entity.canonical_name}")

    def _split_blocked(self, etype: str, surface: str, hit: _Hit | None) -> bool:
        if hit is None or not self._splits:
            return False
        return (etype, _type_key(surface, etype), hit.entry.entity.entity_id) in self._splits

    def _resolve_context_free(self, surface: str, etype: str | None) -> _Hit | None:
        """Resolution of one surface string without any document context."""
        name, titles = split_person_name(clean_surface(surface))
        if not name:
            return None
        hit = self._lookup_exact(surface if etype != PERSON else name, etype)
        if hit is None and etype != PERSON:
            hit = self._lookup_exact(_clean_for(surface, etype), etype)
        if hit is None and etype in (GPE, LOC, None):
            hit = self._lookup_state_form(surface)
        if hit is None and etype in (PERSON, None):
            hit = self._lookup_person_extended(name)
        if hit is None and etype in (ORG, GPE, LOC, None):
            # NER mislabels people as ORG/GPE ("Ishiba", "Trump"): the person gazetteer
            # is evidence enough to correct the type.
            hit = self._lookup_exact(name, PERSON)
            if hit is None and len(name.split()) == 1 and etype in (ORG, None):
                hit = self._lookup_surname(name, titles)
            if hit is not None:
                hit = _Hit(hit.entry, hit.rule + "+type_corrected", hit.evidence)
        if hit is None and etype == PERSON and len(name.split()) == 1:
            hit = self._lookup_surname(name, titles)
        if self._split_blocked(etype or hit.entry.entity.entity_type if hit else "", surface, hit):
            assert hit is not None
            etype2 = hit.entry.entity.entity_type
            ent = Entity(
                ids.entity_id(etype2, "split:" + _type_key(surface, etype2)),
                _clean_for(surface, etype2),
                etype2,
            )
            return _Hit(_Entry(ent, "override"), "override_split", "overrides: split")
        if hit is not None:
            return hit
        return self._name_key_hit(surface, name, etype)

    def _name_key_hit(self, surface: str, name: str, etype: str | None) -> _Hit | None:
        """An entity keyed by the normalised name, for names outside the gazetteer."""
        key = (surface, name, etype)
        if len(self._name_cache) > _CACHE_LIMIT:
            self._name_cache.clear()
        if key not in self._name_cache:
            self._name_cache[key] = self._name_key_hit_uncached(surface, name, etype)
        return self._name_cache[key]

    def _name_key_hit_uncached(self, surface: str, name: str, etype: str | None) -> _Hit | None:
        if etype is None:
            etype = ORG if _ORG_WORDS.search(name) or _acronym_key(name) else PERSON
            if etype == PERSON and len(name.split()) < 2:
                return None
        if self._ambiguous(name, etype):
            return None  # two known entities share this name/acronym: refuse to pick
        if etype == PERSON:
            if len(parse_person_name(name).tokens) < 2 or len(name.split()) < 2:
                # A bare surname must not merge globally, hyphenated ("Kilroy-Silk") or not.
                return None
            key, canonical = person_key(name), _display_person(name)
        elif etype == ORG:
            canonical = _THE.sub("", clean_org_name(surface))
            # One key for "NATO", "Nato" and "N.A.T.O.", and for "YUKOS" and "Yukos".
            key = _acronym_key(canonical).lower() or org_key(canonical)
        else:
            canonical = _THE.sub("", clean_place_name(surface))
            key = place_key(canonical)
        if not key:
            return None
        ent = Entity(ids.entity_id(etype, key), canonical, etype)
        return _Hit(_Entry(ent, "name"), "name_key", f"normalised key {key!r}")

    def _ambiguous(self, name: str, etype: str) -> bool:
        """True when several gazetteer entities share this name or acronym ("ICC")."""
        idx = self._idx
        if etype == PERSON:
            return len(idx.persons.get(person_key(name), [])) > 1
        acr = _acronym_key(name)
        if acr and len(idx.acronyms.get(acr, [])) > 1:
            return True
        table = idx.orgs if etype == ORG else idx.places
        return len(table.get(_type_key(name, etype), [])) > 1

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
        etype = _NER_TYPES.get(entity_type or "") if entity_type else None
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
        return _ArticleResolver(self, body, ner, sentences).run()


_ROLE_TITLES = frozenset(
    {"president", "prime minister", "premier", "chancellor", "supreme leader", "leader",
     "king", "queen", "emperor", "monarch", "president-elect", "vice president"}
)  # fmt: skip


def _looks_like_person(name: str) -> bool:
    """At least two alphabetic name tokens and no digits ("Xbox 2" is not a person)."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and not any(c.isdigit() for c in name)


def _is_title_word(word: str, rules: Any) -> bool:
    w = word.lower().rstrip(".")
    return w in rules.honorifics or w in rules.title_heads


@dataclass(frozen=True, slots=True)
class _MetonymyCues:
    verbs: frozenset[str]
    nouns: frozenset[str]
    relations: frozenset[str]


def _load_metonymy_cues() -> _MetonymyCues:
    kinds: dict[str, set[str]] = {"verb": set(), "noun": set(), "relation": set()}
    for line in read_rule_lines("metonymy_cues.tsv"):
        kind, _, word = line.partition("\t")
        kinds[kind].add(word.strip().lower())
    return _MetonymyCues(
        frozenset(kinds["verb"]), frozenset(kinds["noun"]), frozenset(kinds["relation"])
    )


@dataclass(frozen=True, slots=True)
class _Nominals:
    """All nominal phrases as one alternation (one scan per article)."""

    pattern: re.Pattern[str]
    targets: tuple[tuple[str, tuple[str, ...]], ...]  # per group: (target, requires)


def _load_nominals() -> _Nominals:
    rows = []
    for line in read_rule_lines("nominal_phrases.tsv"):
        phrase, target, requires = [*line.split("\t"), "", ""][:3]
        first, rest = phrase[0], phrase[1:]
        rest_pattern = re.escape(rest).replace("'", "['\u2019]")
        alt = f"[{first.lower()}{first.upper()}]{rest_pattern}"
        rows.append((len(phrase), alt, target, tuple(r for r in requires.split(",") if r)))
    # Longest phrases first so "the presidential office" wins over "the office".
    rows.sort(key=lambda r: -r[0])
    alternation = "|".join(f"({alt})" for _, alt, _, _ in rows)
    return _Nominals(
        re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"),
        tuple((target, req) for _, _, target, req in rows),
    )


# --------------------------------------------------------------- per article

# Longest surface the string-match pass looks for again: a name is far shorter, and the
# cap bounds the work per word of the body (see ``_occurrences``).
_MAX_MATCHED_NAME = 80
_ALNUM_RUN = re.compile(r"[^\W_]+")
_NON_SPACE = re.compile(r"\S")
# Up to this many distinct first words, ``_word_starts`` searches each with str.find.
_FIND_WORDS_MAX = 64
_NEWLINE = re.compile(r"\n")  # exactly the characters str.isalnum() accepts


class _Coverage:
    """Union of half-open character ranges with O(log n) overlap tests.

    Replaces "does (s, e) overlap any range taken so far" scans over a list, which are
    quadratic on bodies with thousands of mentions. Touching ranges are merged: for a
    non-empty query that is the same answer as testing each range.
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            self.add(s, e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_right(self._starts, s) - 1
        if i >= 0 and self._ends[i] > s:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < e

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self._starts, s)
        if i > 0 and self._ends[i - 1] >= s:
            i -= 1
            s = self._starts[i]
        j = i
        while j < len(self._starts) and self._starts[j] <= e:
            e = max(e, self._ends[j])
            j += 1
        self._starts[i:j] = [s]
        self._ends[i:j] = [e]


@dataclass
class _Owners:
    """The article's people that one name token can refer to (see ``_person_for_token``).

    ``starts``/``entries`` are sorted by start; among equal starts the first registered
    is last, so ``bisect_left(starts, x) - 1`` is the earliest-registered of the latest
    people named before ``x``.
    """

    starts: list[int] = field(default_factory=list)
    entries: list[_Entry] = field(default_factory=list)
    by_id: dict[str, _Entry] = field(default_factory=dict)  # first registered per entity
    positioned: dict[str, _Entry] = field(default_factory=dict)  # with known positions

    def add(self, start: int, entry: _Entry) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.entries.insert(i, entry)
        self.by_id.setdefault(entry.entity.entity_id, entry)
        if entry.positions:
            self.positioned[entry.entity.entity_id] = entry

    def latest_before(self, start: int) -> _Entry | None:
        i = bisect_left(self.starts, start) - 1
        return self.entries[i] if i >= 0 else None


def _occurrences(body: str, surfaces: Iterable[str]) -> dict[str, list[int]]:
    """Where each surface occurs in ``body`` as whole words, in text order.

    Offsets where the surface starts a word and its first word is a whole word of the
    body (the caller checks the rest: the last word's end, taken spans).

    One pass over the body's alphanumeric runs: a surface can only start where its own
    first run does, and a run is looked up once per distinct surface length of its
    group, so the work is linear in the body (times at most ``_MAX_MATCHED_NAME``)
    whatever the number of names. Starting with a character ``str.isalnum`` accepts
    is required (callers pass capitalised names); the caller checks word boundaries.
    """
    groups: dict[str, dict[int, set[str]]] = {}
    for surface in surfaces:
        m = _ALNUM_RUN.match(surface)
        if m is None or len(surface) > _MAX_MATCHED_NAME:
            continue
        groups.setdefault(m.group(0), {}).setdefault(len(surface), set()).add(surface)
    out: dict[str, list[int]] = {}
    if not groups:
        return out
    for first, p in _word_starts(body, groups):
        for n, group in groups[first].items():
            piece = body[p : p + n]
            if piece in group:
                out.setdefault(piece, []).append(p)
    for starts in out.values():
        starts.sort()
    return out


def _word_starts(body: str, words: dict[str, Any]) -> Iterator[tuple[str, int]]:
    """(word, offset) of each whole-word occurrence of the given alphanumeric words.

    A few words (a usual article) are found with ``str.find``, which runs in C; many
    words with one pass over the body's words, so the cost never grows with
    words x body length.
    """
    if len(words) > _FIND_WORDS_MAX:
        for run in _ALNUM_RUN.finditer(body):
            if run.group(0) in words:
                yield run.group(0), run.start()
        return
    for word in words:
        p = body.find(word)
        while p != -1:
            end = p + len(word)
            if (p == 0 or not body[p - 1].isalnum()) and not body[end : end + 1].isalnum():
                yield word, p
            p = body.find(word, end)


@dataclass
class _Found:
    start: int
    end: int
    hit: _Hit
    etype: str


class _ArticleResolver:
    """State for resolving one article (persons named so far, acronyms defined...)."""

    def __init__(
        self,
        resolver: EntityResolver,
        body: str,
        ner: Sequence[NerSpan],
        sentences: Sequence[tuple[int, int]],
    ) -> None:
        self.r = resolver
        self.body = body
        self.ner = sorted(ner, key=lambda s: (s.start, s.end))
        self.sent_starts = [s for s, _ in sentences]
        self.found: list[_Found] = []
        # Full-name persons of this article: (start, entry, name tokens folded, titles).
        self.persons: list[tuple[int, _Entry, tuple[str, ...]]] = []
        # The same people indexed by name token (any token / first-or-last token of a
        # real-looking name), so a one-word reference is a dict lookup, not a scan.
        self._token_owners: dict[str, _Owners] = {}
        self._edge_owners: dict[str, _Owners] = {}
        self._line_starts: list[int] | None = None  # computed on first use
        self._line_text_start: dict[int, int] = {}
        self.acronyms: dict[str, _Entry] = {}
        self.article_key = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]

    # ---------------------------------------------------------------- helpers

    def _sentence_index(self, start: int) -> int:
        return max(0, bisect_right(self.sent_starts, start) - 1)

    def _add(self, start: int, end: int, hit: _Hit) -> None:
        self.found.append(_Found(start, end, hit, hit.entry.entity.entity_type))

    def _is_actor(self, span: NerSpan) -> bool:
        """True when a capital stands for its government (see the module's policy).

        Positive evidence only: a reporting/action verb right after it ("Pyongyang
        said"), a possessive followed by a governance noun ("Moscow's protracted war"),
        or "<relation> between X and Y" ("cooperation between Moscow and Pyongyang").
        "The Tokyo stock market", "north London" or "in Lima" stay cities.
        """
        cues = self.r._metonymy
        if self._is_locative(span.start):
            return False
        after = self.body[span.end : span.end + 60]
        m = _AFTER_VERB.match(after)
        of_before = self.body[max(0, span.start - 3) : span.start] == "of "  # "Mayor of London"
        if m and m.group(1).lower() in cues.verbs and not of_before:
            return True
        m = _AFTER_POSSESSIVE.match(after)
        if m and any(w.lower() in cues.nouns for w in m.groups() if w):
            return True
        before = self.body[max(0, span.start - 80) : span.start]
        m = _BETWEEN_BEFORE.search(before)
        if m and m.group(1).lower() in cues.relations:
            return True
        m = _BETWEEN_AFTER.search(before)
        return bool(m and m.group(1).lower() in cues.relations)

    def _is_locative(self, start: int) -> bool:
        before = self.body[max(0, start - 40) : start]
        if _LOCATIVE.search(before):
            return True
        after = self.body[start : start + 60]
        # Datelines ("SEOUL, Nov. 17 (Yonhap) --") and "Seoul-based".
        if self._first_on_line(start) and _DATELINE.match(after):
            return True
        end = start + len(_WORD.match(after).group(0))  # type: ignore[union-attr]
        return self.body[end : end + 6].startswith("-based")

    def _first_on_line(self, start: int) -> bool:
        """True when only whitespace precedes ``start`` on its line.

        The line's first non-space offset is computed once per line: rescanning the
        line at every call is quadratic on a body that is one long line.
        """
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.body)]
        line_start = self._line_starts[bisect_right(self._line_starts, start) - 1]
        first = self._line_text_start.get(line_start)
        if first is None:
            m = _NON_SPACE.search(self.body, line_start)
            first = m.start() if m else len(self.body)
            self._line_text_start[line_start] = first
        return first >= start

    # ---------------------------------------------------------------- passes

    def run(self) -> ArticleEntities:
        pending: list[tuple[NerSpan, str, str, tuple[str, ...]]] = []
        for span in self.ner:
            label = _NER_TYPES.get(span.label)
            if label is None and span.label not in _SECONDARY_LABELS:
                continue
            if self.body[span.start : span.end] != span.text:
                continue  # offsets that do not index this body cannot be stored
            name, titles = split_person_name(clean_surface(span.text))
            if not name:
                continue
            if self._resolve_full(span, label, name, titles):
                continue
            pending.append((span, label or "", name, titles))
        for span, label, name, titles in pending:
            self._resolve_short(span, label, name, titles)
        self._resolve_nominals()
        self._string_match()
        return self._finish()

    def _resolve_full(
        self, span: NerSpan, label: str | None, name: str, titles: tuple[str, ...]
    ) -> bool:
        """Resolve spans that stand on their own (full names, gazetteer names)."""
        r = self.r
        tokens = name.split()
        if label is None:  # FAC/NORP/...: only a gazetteer organisation or place
            hit = r._lookup_exact(span.text, ORG) or r._lookup_exact(span.text, GPE)
            if hit is None:
                acr = self.acronyms.get(_acronym_key(name))
                hit = _Hit(acr, "acronym_in_article", "acronym defined") if acr else None
            if hit is None or hit.entry.entity.entity_type == PERSON:
                return True  # nothing to store: not one of our entity types
            if hit.entry.kind == "country" and span.label == "NORP":
                return True  # "North Korean" is a nationality, not a mention of the state
            self._register(span, hit)
            return True
        if label == PERSON and len(tokens) >= 2:
            hit = r._lookup_exact(name, PERSON)
            if hit is None:
                hit = r._lookup_person_extended(name)
            if hit is None or r._split_blocked(PERSON, name, hit):
                hit = r._name_key_hit(span.text, name, PERSON)
            if hit is not None:
                self._register(span, hit)
            return True
        if len(tokens) == 1 and label in (PERSON, ORG, GPE, LOC):
            # Could be a short form of a person named later: only settle it here when it
            # is a gazetteer place/organisation that no person of this article could own.
            return self._resolve_nonperson(span, label, name, titles, defer_if_person=True)
        return self._resolve_nonperson(span, label, name, titles, defer_if_person=False)

    def _resolve_nonperson(
        self,
        span: NerSpan,
        label: str,
        name: str,
        titles: tuple[str, ...],
        defer_if_person: bool,
    ) -> bool:
        r = self.r
        if label == PERSON:
            return False
        acr = _acronym_key(span.text)
        if acr and acr in self.acronyms:
            self._register(span, _Hit(self.acronyms[acr], "acronym_in_article", "defined in text"))
            return True
        hit = r._lookup_exact(span.text, label)
        if hit is None:
            hit = r._lookup_exact(span.text, ORG if label != ORG else GPE)
        if hit is not None and hit.entry.entity.entity_type == PERSON:
            hit = None
        if hit is None and defer_if_person:
            return False
        if hit is None and label == GPE and "-" in span.text and self._split_compound(span):
            return True
        if hit is None:
            person = r._lookup_exact(name, PERSON)
            if person is None and len(name.split()) == 1:
                person = r._lookup_surname(name, titles)
            if person is not None:  # gazetteer person mislabelled ORG/GPE
                self._register(
                    span, _Hit(person.entry, "gazetteer+type_corrected", person.evidence)
                )
                return True
            hit = r._name_key_hit(span.text, name, label)
            if hit is None:
                # An ambiguous acronym the article does not spell out ("ICC"): keep the
                # mention, but on an entity local to this article.
                key = f"local:{self.article_key}:{_type_key(name, label)}"
                ent = Entity(ids.entity_id(label, key), name, label)
                hit = _Hit(_Entry(ent, "name"), "ambiguous_local", "several known entities")
        if hit.entry.kind == "city" and hit.entry.capital_of and self._is_actor(span):
            country = r._idx.countries.get(hit.entry.capital_of)
            if country is not None:
                hit = _Hit(
                    country,
                    "capital_metonymy",
                    f"{span.text} used as actor for {country.entity.canonical_name}",
                    is_metonymy=True,
                )
        self._register(span, hit)
        return True

    def _split_compound(self, span: NerSpan) -> bool:
        """Split a hyphen compound of known places ("Japan-ROK") into one mention each."""
        parts = list(re.finditer(r"[^-]+", span.text))
        hits = [self.r._lookup_exact(p.group(0), GPE) for p in parts]
        if len(parts) < 2 or any(h is None or h.entry.kind != "country" for h in hits):
            return False
        for p, h in zip(parts, hits, strict=True):
            assert h is not None
            start = span.start + p.start()
            self._add(start, start + len(p.group(0)), _Hit(h.entry, "compound_part", span.text))
        return True

    def _register(self, span: NerSpan, hit: _Hit) -> None:
        self._add(span.start, span.end, hit)
        entry = hit.entry
        if entry.entity.entity_type == PERSON:
            name = split_person_name(clean_surface(span.text))[0]
            tokens = tuple(t for t in (surname_key(w) for w in name.split()) if t)
            canon = tuple(
                t for t in (surname_key(w) for w in entry.entity.canonical_name.split()) if t
            )
            toks = tokens + canon
            # A name made only of pieces with no surname key ("AT&T" tagged PERSON,
            # punctuation, a bare title) cannot be referred to by one word: keep it out
            # of the index rather than give it an empty token tuple.
            if toks:
                self._add_person(span.start, entry, toks)
        elif entry.entity.entity_type == ORG:
            for n in (span.text, entry.entity.canonical_name):
                acr = acronym_of(_THE.sub("", clean_org_name(n)))
                if len(acr) >= 2:
                    self.acronyms.setdefault(acr, entry)
            # "Asia-Pacific Economic Cooperation (APEC)": the bracket defines the acronym.
            m = _BRACKET_ACRONYM.match(self.body[span.end : span.end + 14])
            if m:
                self.acronyms.setdefault(_acronym_key(m.group(1)), entry)

    def _person_for_token(
        self, token: str, start: int, titles: tuple[str, ...], strict: bool = False
    ) -> _Entry | None:
        """The person of this article a one-word name refers to, if unambiguous.

        ``strict`` is used when NER did not call the word a person (ORG/GPE label): then
        only a surname (first or last name token) of a real-looking person name counts,
        never an acronym, so "Xbox" does not join a mislabelled "Xbox 2".
        """
        key = surname_key(token)
        if not key or (strict and token.isupper()):
            return None
        owners = (self._edge_owners if strict else self._token_owners).get(key)
        if owners is None:
            return None
        if len(owners.by_id) == 1:
            return next(iter(owners.by_id.values()))
        role_words = [t for t in titles if t in _ROLE_TITLES]
        if role_words:
            fits = [
                e
                for e in owners.positioned.values()
                if any(any(w in p[1] for w in role_words) for p in e.positions)
            ]
            if len(fits) == 1:
                return fits[0]
        # Several people share the name ("Kim"): the one named most recently wins, as a
        # reader would read it; with none before, refuse.
        return owners.latest_before(start)

    def _add_person(self, start: int, entry: _Entry, toks: tuple[str, ...]) -> None:
        self.persons.append((start, entry, toks))
        for t in set(toks):
            self._token_owners.setdefault(t, _Owners()).add(start, entry)
        if _looks_like_person(entry.entity.canonical_name):
            for t in {toks[0], toks[-1]}:
                self._edge_owners.setdefault(t, _Owners()).add(start, entry)

    def _resolve_short(self, span: NerSpan, label: str, name: str, titles: tuple[str, ...]) -> None:
        r = self.r
        tokens = name.split()
        person = (
            self._person_for_token(tokens[-1], span.start, titles, strict=label != PERSON)
            if len(tokens) == 1
            else None
        )
        place_first = (
            label in (GPE, LOC)
            and r._lookup_exact(span.text, GPE) is not None
            and self._is_locative(span.start)
        )
        if person is not None and not place_first:
            rule = "short_form" if label == PERSON else "short_form+type_corrected"
            self._add(
                span.start,
                span.end,
                _Hit(person, rule, f"surname of {person.entity.canonical_name} in article"),
            )
            return
        if label != PERSON and self._resolve_nonperson(span, label, name, titles, False):
            return
        hit = r._lookup_surname(name, titles) if len(tokens) == 1 else None
        if hit is None and len(tokens) == 1:
            if label != PERSON and not titles:
                return
            # A name with no surname key ("A&B") is keyed by its text: two of them
            # must not share the article-local entity an empty key would give them.
            local = surname_key(name) or f"text:{fold_typography(name).casefold()}"
            key = f"local:{self.article_key}:{local}"
            ent = Entity(ids.entity_id(PERSON, key), name, PERSON)
            hit = _Hit(_Entry(ent, "name"), "unlinked_surname", "no full name in article")
        if hit is not None:
            self._register(span, hit)

    def _article_country_codes(self) -> set[str]:
        return {f.hit.entry.country for f in self.found if f.hit.entry.kind == "country"}

    def _office_for(self, role: str) -> _Entry | None:
        """Office of the article's most-mentioned person holding ``role``."""
        counts: Counter[str] = Counter()
        entries: dict[str, _Entry] = {}
        for f in self.found:
            e = f.hit.entry
            if e.entity.entity_type != PERSON:
                continue
            titled = role in " ".join(split_titles(clean_surface(self.body[f.start : f.end]))[1])
            if titled or any(role in p[1] for p in e.positions):
                counts[e.entity.entity_id] += 1
                entries[e.entity.entity_id] = e
        for pid, _ in counts.most_common():
            office = self._person_office(entries[pid], role)
            if office is not None:
                return office
        return None

    def _person_office(self, person: _Entry, role: str = "") -> _Entry | None:
        positions = sorted(
            (p for p in person.positions if not role or role in p[1]),
            key=lambda p: (p[3] == "", p[3]),
        )
        for qid, *_ in reversed(positions):
            if qid in self.r._idx.offices:
                return self.r._idx.offices[qid]
        if not person.positions and not role:
            name = f"Office of {person.entity.canonical_name}"
            ent = Entity(ids.entity_id(ORG, org_key(name)), name, ORG)
            return _Entry(ent, "office")
        return None

    def _resolve_nominals(self) -> None:
        body = self.body
        # "Yoon's office": a person mention followed by a possessive and "office".
        for f in list(self.found):
            if f.etype != PERSON:
                continue
            m = _OFFICE_AFTER.match(body[f.end : f.end + 20])
            if m and body[f.end : f.end + 1] in "'\u2019":
                office = self._person_office(f.hit.entry)
                if office is not None:
                    self._add(
                        f.start,
                        f.end + m.end(),
                        _Hit(
                            office,
                            "possessive_office",
                            f"office of {f.hit.entry.entity.canonical_name}",
                        ),
                    )
        countries = self._article_country_codes()
        taken = _Coverage((f.start, f.end) for f in self.found)
        nominals = self.r._nominals
        # The people of the article do not change in this pass (it adds organisations
        # and places), so each role's office is computed once.
        offices: dict[str, _Entry | None] = {}
        # Office mentions by start, for "the office" -> the latest office before it.
        office_mentions = _Owners()
        for f in self.found:
            if f.hit.entry.kind == "office":
                office_mentions.add(f.start, f.hit.entry)
        for m in nominals.pattern.finditer(body):
            s, e = m.start(), m.end()
            if taken.overlaps(s, e):
                continue
            target, requires = nominals.targets[(m.lastindex or 1) - 1]
            hit = self._nominal_hit(target, requires, countries, s, offices, office_mentions)
            if hit is not None:
                self._add(s, e, hit)
                taken.add(s, e)
                if hit.entry.kind == "office":
                    office_mentions.add(s, hit.entry)

    def _nominal_hit(
        self,
        target: str,
        requires: tuple[str, ...],
        countries: set[str],
        start: int,
        offices: dict[str, _Entry | None],
        office_mentions: _Owners,
    ) -> _Hit | None:
        kind, _, arg = target.partition(":")
        if kind == "country":
            if not all(c in countries for c in requires):
                return None
            entry = self.r._idx.countries.get(arg)
            return _Hit(entry, "nominal_country", f"'{target}' with {requires}") if entry else None
        if kind == "office":
            if arg not in offices:
                offices[arg] = self._office_for(arg)
            entry = offices[arg]
            return _Hit(entry, "role_office", f"the {arg} in this article") if entry else None
        if kind == "anaphor":
            last = office_mentions.latest_before(start)
            if last is not None:
                return _Hit(last, "office_anaphor", "most recent office mention")
        return None

    def _string_match(self) -> None:
        """Mentions NER missed: further occurrences of names of this article's people."""
        names: dict[str, _Entry] = {}
        for f in self.found:
            if f.etype == PERSON and f.hit.rule != "unlinked_surname":
                surface = strip_possessive(
                    split_person_name(clean_surface(self.body[f.start : f.end]))[0]
                )
                if len(surface) >= 3 and surface[0].isupper():
                    names.setdefault(surface, f.hit.entry)
        if not names:
            return
        # A surname only when it belongs to exactly one person of the article.
        by_token: dict[str, set[str]] = {}
        for _, e, toks in self.persons:
            for t in toks:
                by_token.setdefault(t, set()).add(e.entity.entity_id)
        taken = _Coverage((f.start, f.end) for f in self.found)
        rules = name_rules()
        order = [
            surface
            for surface in sorted(names, key=len, reverse=True)
            # a surname two people of the article share is not searched for
            if len(surface.split()) > 1 or len(by_token.get(surname_key(surface), ())) <= 1
        ]
        found_at = _occurrences(self.body, order)
        for surface in order:  # longest first: "Kim Jong Un" before "Kim"
            entry = names[surface]
            last_end = 0
            for s in found_at.get(surface, ()):
                if s < last_end:
                    continue  # overlaps the previous occurrence of the same name
                end = last_end = s + len(surface)
                if self._free_name_at(s, end, taken, rules):
                    self._add(
                        s,
                        end,
                        _Hit(entry, "string_match", f"name of {entry.entity.canonical_name}"),
                    )
                    taken.add(s, end)

    def _free_name_at(self, s: int, end: int, taken: _Coverage, rules: Any) -> bool:
        """True when body[s:end] is a whole word, untagged, and not part of a longer name."""
        body = self.body
        if s > 0 and (body[s - 1].isalnum() or body[s - 1] == "-"):
            return False
        if end < len(body) and (body[end].isalnum() or body[end] == "-"):
            return False
        if taken.overlaps(s, end):
            return False
        # Part of a longer capitalised name NER did not tag ("Kim" in "Kim Yo Jong"):
        # a capitalised neighbour that is not a title ("President Yoon" is fine).
        prev = _PREV_CAPITALISED.search(body[max(0, s - 30) : s])
        if prev and not _is_title_word(prev.group(1), rules):
            return False
        return not (body[end : end + 1] == " " and body[end + 1 : end + 2].isupper())

    def _finish(self) -> ArticleEntities:
        mentions: list[Mention] = []
        entities: dict[str, Entity] = {}
        aliases: dict[tuple[str, str, str], AliasDecision] = {}
        seen: set[tuple[int, int, str]] = set()
        for f in sorted(self.found, key=lambda x: (x.start, x.end)):
            ent = f.hit.entry.entity
            if (f.start, f.end, ent.entity_id) in seen:
                continue
            seen.add((f.start, f.end, ent.entity_id))
            surface = self.body[f.start : f.end]
            mentions.append(
                Mention(
                    entity_id=ent.entity_id,
                    surface=surface,
                    start=f.start,
                    end=f.end,
                    entity_type=ent.entity_type,
                    sentence_index=self._sentence_index(f.start),
                    rule=f.hit.rule,
                    is_metonymy=f.hit.is_metonymy,
                )
            )
            entities.setdefault(ent.entity_id, ent)
            key = (ent.entity_id, surface, f.hit.rule)
            aliases.setdefault(
                key, AliasDecision(ent.entity_id, surface, f.hit.rule, f.hit.evidence)
            )
        return ArticleEntities(tuple(mentions), tuple(entities.values()), tuple(aliases.values()))
