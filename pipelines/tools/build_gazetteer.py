"""Rebuild the shipped alias gazetteer from ../shared/gazetteer plus curated rules.

Usage: ``python -m pipelines build-gazetteer [--shared PATH]``

Inputs:
    * ``rules/countries.tsv`` (curated: ISO codes, canonical names, capitals),
    * ``rules/curated_entities.jsonl`` (curated people, organisations, offices, cities),
    * ``rules/country_alias_stoplist.txt`` (countrynames strings we refuse),
    * ``../shared/gazetteer/countrynames/data.yaml`` (MIT, opensanctions/countrynames):
      extra country spellings and the nationality words used as title descriptors,
    * ``../shared/gazetteer/world-leaders-2021/wikidata.csv`` (Wikidata, CC0): QIDs of
      countries, heads of state/government and their positions.

``mledoze-countries`` (ODbL share-alike) is deliberately not read, so nothing shipped is
a derived database under ODbL.

Outputs (committed, so the product works without ../shared):
    * ``rules/aliases.jsonl``: one entity per line with its aliases,
    * ``rules/descriptors.txt``: nationality words stripped before titles.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from pipelines.core.normalize import fold_diacritics, place_key, read_rule_lines

RULES = Path(__file__).resolve().parents[1] / "core" / "rules"

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-&,()]*$")
# Last-word endings of nationality adjectives ("Japanese", "Nigerian", "Polish", "Iraqi").
_DEMONYM_END = re.compile(r"(?:ese|ian|ean|ish|ien|ans|ais|ois|ic|an|i|er|ch|ss)$")


def _is_demonym(name: str, country_names: set[str]) -> bool:
    """Heuristic: a nationality word rather than a country name.

    A word ending like a demonym that is not itself one of the country's proper names
    ("Japan", "Sudan", "Mali" end like demonyms but are names).
    """
    key = place_key(name)
    if key in country_names:
        return False
    last = key.split()[-1] if key else ""
    if last in _GENERIC:
        # "Argentine Republic", "Kyrgyz Republic": a formal state name ("republic" ends
        # like "Arabic"), not a nationality word.
        return False
    return bool(_DEMONYM_END.search(last)) and len(key.split()) <= 2


# Words of formal state names that say nothing about which country is meant.
_GENERIC = frozenset(
    {"republic", "kingdom", "state", "states", "united", "federal", "democratic", "peoples",
     "people's", "islamic", "of", "the", "socialist", "arab", "federation", "commonwealth",
     "union", "principality", "grand", "duchy", "sultanate", "emirate", "islands", "island",
     "and", "territory", "territories"}
)  # fmt: skip
# A leading word that makes a region of a country ("West Germany", "Greater London").
_REGION_MODIFIERS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "new",
     "upper", "lower", "central", "greater", "mainland"}
)  # fmt: skip


def _initials(name: str) -> str:
    return "".join(w[0] for w in place_key(name).split())


def _is_country_form(
    raw: str, key: str, proper: set[str], initialisms: frozenset[str] = frozenset()
) -> bool:
    """True when a countrynames string is a form of the country's own name.

    countrynames was built for addresses and sanctions lists, so it maps provinces,
    states, counties and cities to their country ("Texas", "Hampshire", "West Bank",
    "Toronto", "Tasmania"); in news those are places of their own. Accepted: strings
    sharing a word stem (first four letters) with one of the country's curated names
    ("Frankreich" ~ "France", "Republic of Türkiye" ~ "Türkiye"), with no comma (address
    forms such as "TEXAS, U.S.A.") and no regional modifier ("West Germany").
    """
    if raw.isupper() and raw.isalpha() and 3 <= len(raw) <= 6:
        # "FYROM": the initials of another name of the same country.
        return raw.lower() in initialisms
    if "," in raw:
        # "Korea, South" is "South Korea" inverted; "TEXAS, U.S.A." is an address.
        head, _, tail = raw.partition(",")
        return place_key(f"{tail} {head}") in proper
    words = [w for w in key.split() if w not in _GENERIC]
    if not words or (words[0] in _REGION_MODIFIERS and key not in proper):
        return False
    stems = {w[:4] for p in proper for w in p.split() if w not in _GENERIC and len(w) >= 3}
    return any(w[:4] in stems for w in words if len(w) >= 3)


_FORMER_STATE_WORDS = ("ssr", "ussr", "soviet")


def _load_countries() -> list[dict[str, Any]]:
    rows = []
    for line in read_rule_lines("countries.tsv"):
        cols = (line.split("\t") + [""] * 5)[:5]
        iso2, iso3, name, capitals, extra = cols
        rows.append(
            {
                "iso2": iso2,
                "iso3": iso3,
                "name": name,
                "capitals": [c for c in capitals.split("|") if c],
                "extra": [a for a in extra.split("|") if a],
            }
        )
    return rows


def build(shared: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Entities (for aliases.jsonl) and descriptor words (for descriptors.txt)."""
    countries = _load_countries()
    stop = {place_key(s) for s in read_rule_lines("country_alias_stoplist.txt")}
    by_key: dict[str, str] = {}
    for c in countries:
        for n in [c["name"], *c["extra"]]:
            by_key[place_key(n)] = c["iso2"]
    names: dict[str, set[str]] = {c["iso2"]: {c["name"], *c["extra"], c["iso3"]} for c in countries}
    capitals = {place_key(cap) for c in countries for cap in c["capitals"]}
    # Curated cities and regions are never country aliases (countrynames maps e.g.
    # "Osaka" to Japan and "England" to the United Kingdom).
    for line in read_rule_lines("curated_entities.jsonl"):
        item = json.loads(line)
        if item["kind"] in {"city", "region", "subdivision"}:
            capitals.update(place_key(n) for n in [item["canonical_name"], *item["aliases"]])

    # --- countrynames (MIT): extra spellings, and demonyms for the descriptor list.
    data = yaml.safe_load((shared / "countrynames" / "data.yaml").read_text("utf-8"))
    candidates: dict[str, set[str]] = defaultdict(set)  # folded key -> iso2 codes
    surface: dict[tuple[str, str], str] = {}
    descriptors: set[str] = set()
    for code, values in data.items():
        if code not in names or not isinstance(values, list):
            continue
        proper = {place_key(n) for n in names[code]}
        initialisms = frozenset(
            _initials(v) for v in values if isinstance(v, str) and len(v.split()) >= 3
        )
        for raw in values:
            if not isinstance(raw, str):
                continue
            text = fold_diacritics(raw).strip()
            if not _LATIN.match(text) or len(text) < 4:
                continue
            key = place_key(text)
            if not key or key in stop or key in capitals:
                continue
            if _is_demonym(text, proper):
                # Only English-looking demonyms sharing a stem with the country's own
                # English name ("Japanese"/"Japan", "South Korean"/"South Korea").
                if text[0].isupper() and any(key[:4] == p[:4] for p in proper):
                    descriptors.add(text)
                continue
            if any(w in key.split() for w in ("state", "city", "province", "region")):
                continue
            # A former state is not its successor: "Kazakh SSR", "Moldovian SSR (now ...)",
            # "Former USSR (currently Ukraine)" name the Soviet republic, not the country
            # ("The Former Yugoslav Republic of Macedonia" was a name of the same state).
            if any(w in key.split() for w in _FORMER_STATE_WORDS):
                continue
            if not _is_country_form(text, key, proper, initialisms):
                continue
            candidates[key].add(code)
            surface.setdefault((key, code), text)
    for key, codes in candidates.items():
        if len(codes) == 1 and key not in by_key:
            code = next(iter(codes))
            names[code].add(surface[(key, code)])

    # --- world-leaders-2021 (Wikidata, CC0): QIDs of countries, people and positions.
    country_qid: dict[str, str] = {}
    people: dict[str, dict[str, Any]] = {}
    positions: dict[str, dict[str, str]] = {}
    with (shared / "world-leaders-2021" / "wikidata.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso2 = by_key.get(place_key(row["country"]))
            if iso2 is None:
                for code, ns in names.items():
                    if place_key(row["country"]) in {place_key(n) for n in ns}:
                        iso2 = code
                        break
            if iso2:
                country_qid[iso2] = row["countryid"]
            qid, label = row["officeholder"], row["officeholderLabel"].strip()
            pos = {
                "position": row["position"],
                "label": row["positionLabel"],
                "country": iso2 or "",
                "start": row["start_year"],
                "end": row["end_year"],
            }
            positions.setdefault(row["position"], pos)
            person = people.setdefault(
                qid, {"kind": "person", "canonical_name": label, "wikidata_id": qid}
            )
            person.setdefault("positions", []).append(pos)
            person["source"] = "world-leaders-2021"

    entities: list[dict[str, Any]] = []
    for c in countries:
        aliases = sorted(names[c["iso2"]] - {c["name"]})
        entities.append(
            {
                "kind": "country",
                "canonical_name": c["name"],
                "entity_type": "GPE",
                "wikidata_id": country_qid.get(c["iso2"]),
                "country": c["iso2"],
                "aliases": aliases,
                "source": "countries.tsv+countrynames",
            }
        )
        entities.extend(
            {
                "kind": "city",
                "canonical_name": cap,
                "entity_type": "GPE",
                "country": c["iso2"],
                "capital_of": c["iso2"],
                "aliases": [],
                "source": "countries.tsv",
            }
            for cap in c["capitals"]
            if place_key(cap) != place_key(c["name"])
        )

    curated_offices: set[str] = set()
    for line in read_rule_lines("curated_entities.jsonl"):
        item = json.loads(line)
        kind = item["kind"]
        item.setdefault("aliases", [])
        item["source"] = "curated"
        if kind == "person":
            item["entity_type"] = "PERSON"
            qid = item.get("wikidata_id")
            if qid and qid in people:  # curated spelling and aliases win, positions merge
                base = people.pop(qid)
                item["aliases"] = sorted({*item["aliases"], base["canonical_name"]})
                item["positions"] = base.get("positions", []) + item.get("positions", [])
                item["source"] = "curated+world-leaders-2021"
        elif kind in {"org", "office"}:
            item["entity_type"] = "ORG"
            if kind == "office":
                curated_offices.add(item["position"])
        else:  # city / subdivision / region
            # Cities and sub-national administrative units (US states, UK nations,
            # provinces) are GPEs; continents and seas are LOCs.
            item["entity_type"] = "GPE" if kind in {"city", "subdivision"} else "LOC"
            if kind == "city":
                # A curated city that is also a capital replaces the generated one.
                entities[:] = [
                    e
                    for e in entities
                    if not (
                        e["kind"] == "city"
                        and place_key(e["canonical_name"]) == place_key(item["canonical_name"])
                    )
                ]
                cap_of = next(
                    (
                        c["iso2"]
                        for c in countries
                        if place_key(item["canonical_name"])
                        in {place_key(x) for x in c["capitals"]}
                    ),
                    None,
                )
                if cap_of:
                    item["capital_of"] = cap_of
        entities.append(item)

    for _qid, person in sorted(people.items()):
        if re.fullmatch(r"Q\d+", person["canonical_name"]):
            continue  # never show a QID-only label; curate the name instead
        person["entity_type"] = "PERSON"
        person["aliases"] = []
        entities.append(person)
    for pqid, pos in sorted(positions.items()):
        if pqid in curated_offices or not re.match(r"(?i)(president|prime minister)", pos["label"]):
            continue
        entities.append(
            {
                "kind": "office",
                "canonical_name": f"Office of the {pos['label']}",
                "entity_type": "ORG",
                "position": pqid,
                "country": pos["country"],
                "aliases": [],
                "source": "world-leaders-2021",
            }
        )
    for c in countries:
        descriptors.update([c["name"], *c["extra"]])
    return entities, sorted(descriptors, key=str.lower)


def render(shared: Path) -> dict[str, str]:
    """The generated rule files' text (``aliases.jsonl``, ``descriptors.txt``) from the sources.

    The committed files must equal this (a test checks it when ../shared is present).
    """
    entities, descriptors = build(shared)
    aliases = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities)
    header = (
        "# GENERATED by pipelines/tools/build_gazetteer.py: do not edit by hand.\n"
        "# Nationality words and country names that may precede a title\n"
        '# ("South Korean President ..."). Demonyms from opensanctions/countrynames (MIT),\n'
        "# country names from rules/countries.tsv (curated).\n"
    )
    extra = ["U.S.", "US", "UK", "U.K.", "EU", "UN", "U.N.", "American", "British", "French", "Dutch",
             "Swiss", "Thai", "Greek", "Welsh", "Scottish", "Irish", "English", "Korean",
             "Chinese", "Japanese", "Russian", "Ukrainian", "North Korean", "South Korean"]  # fmt: skip
    words = sorted(set(descriptors) | set(extra), key=str.lower)
    return {"aliases.jsonl": aliases, "descriptors.txt": header + "\n".join(words) + "\n"}


def build_gazetteer_command(args: argparse.Namespace) -> int:
    """Rebuild the gazetteer files (see the module docstring); returns the exit status."""
    if not (args.shared / "countrynames" / "data.yaml").exists():
        print(f"gazetteer sources not found under {args.shared}", file=sys.stderr)
        return 2
    files = render(args.shared)
    for name, text in files.items():
        (RULES / name).write_text(text, encoding="utf-8")
    entities = files["aliases.jsonl"].count("\n")
    words = files["descriptors.txt"].count("\n") - 4  # the header's four lines
    print(f"wrote {entities} entities, {words} descriptors")
    return 0


if __name__ == "__main__":
    from pipelines.cli import main

    raise SystemExit(main(["build-gazetteer", *sys.argv[1:]]))
