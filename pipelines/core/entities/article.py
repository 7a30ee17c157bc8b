"""The per-article passes of entity resolution.

Full names, short forms, roles and offices, capital metonymy, and further occurrences
of the article's names. Uses the gazetteer only through its public lookups.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pipelines.core import ids
from pipelines.core.deadline import checked  # the article's time budget, per item
from pipelines.core.entities.names import (
    GPE,
    LOC,
    NER_TYPES,
    ORG,
    PERSON,
    ROLE_TITLES,
    THE,
    AliasDecision,
    ArticleEntities,
    Entity,
    Entry,
    Hit,
    Mention,
    NerSpan,
    acronym_key,
    acronym_of,
    clean_org_name,
    clean_surface,
    fold_typography,
    name_rules,
    org_key,
    split_person_name,
    split_titles,
    strip_possessive,
    surname_key,
    type_key,
    written_surname_key,
)
from pipelines.core.entities.textscan import Coverage, Owners, occurrences

if TYPE_CHECKING:
    from pipelines.core.entities.gazetteer import EntityResolver

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
_OFFICE_AFTER = re.compile(r"^\s*['\u2019]s?\s+office\b")
# A word-final doubled consonant of a surname as written ("hassell"), and a final
# consonant that may be written doubled ("hassel"): see ``_final_double_variant``.
_FINAL_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1$")
_FINAL_CONSONANT = re.compile(r"[b-df-hj-np-tv-z]$")
# Shortest surname whose final letter may be doubled or single within one article.
_MIN_RESPELT = 5


def _final_double_variant(written: str) -> str:
    """The written surname with its final consonant single if doubled, doubled if single.

    "" when neither applies. Keys keep a word-final doubled consonant (two families'
    names without context), so an article that spells its one person's surname once with
    a letter less ("Grinnel" beside "Grinnell") would otherwise lose the link the key
    used to give. Only that letter, as written: a key's other folds (vowels, a doubled
    letter inside the word) would let a capitalised everyday word in.
    """
    if len(written) < _MIN_RESPELT:
        return ""
    if _FINAL_DOUBLE.search(written):
        return written[:-1]
    if _FINAL_CONSONANT.search(written):
        return written + written[-1]
    return ""


def _looks_like_person(name: str) -> bool:
    """At least two alphabetic name tokens and no digits ("Xbox 2" is not a person)."""
    words = name.replace("-", " ").split()
    return len(words) >= 2 and not any(c.isdigit() for c in name)


def _is_title_word(word: str, rules: Any) -> bool:
    w = word.lower().rstrip(".")
    return w in rules.honorifics or w in rules.title_heads


_NON_SPACE = re.compile(r"\S")
_NEWLINE = re.compile(r"\n")


@dataclass
class _Found:
    start: int
    end: int
    hit: Hit
    etype: str


class ArticleResolver:
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
        self.persons: list[tuple[int, Entry, tuple[str, ...]]] = []
        # The same people indexed by name token (any token / first-or-last token of a
        # real-looking name), so a one-word reference is a dict lookup, not a scan.
        self._token_owners: dict[str, Owners] = {}
        self._edge_owners: dict[str, Owners] = {}
        self._line_starts: list[int] | None = None  # computed on first use
        self._line_text_start: dict[int, int] = {}
        self.acronyms: dict[str, Entry] = {}
        self.article_key = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]

    # ---------------------------------------------------------------- helpers

    def _sentence_index(self, start: int) -> int:
        return max(0, bisect_right(self.sent_starts, start) - 1)

    def _add(self, start: int, end: int, hit: Hit) -> None:
        self.found.append(_Found(start, end, hit, hit.entry.entity.entity_type))

    def _is_actor(self, span: NerSpan) -> bool:
        """True when a capital stands for its government (see the module's policy).

        Positive evidence only: a reporting/action verb right after it ("Pyongyang
        said"), a possessive followed by a governance noun ("Moscow's protracted war"),
        or "<relation> between X and Y" ("cooperation between Moscow and Pyongyang").
        "The Tokyo stock market", "north London" or "in Lima" stay cities.
        """
        cues = self.r.metonymy
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
        for span in checked(self.ner):
            label = NER_TYPES.get(span.label)
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
        for span, label, name, titles in checked(pending):
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
            hit = r.lookup_exact(span.text, ORG) or r.lookup_exact(span.text, GPE)
            if hit is None:
                acr = self.acronyms.get(acronym_key(name))
                hit = Hit(acr, "acronym_in_article", "acronym defined") if acr else None
            if hit is None or hit.entry.entity.entity_type == PERSON:
                return True  # nothing to store: not one of our entity types
            if hit.entry.kind == "country" and span.label == "NORP":
                return True  # "North Korean" is a nationality, not a mention of the state
            self._register(span, hit)
            return True
        if label == PERSON and len(tokens) >= 2:
            hit = r.lookup_exact(name, PERSON)
            if hit is None:
                hit = r.persons.lookup(name)
            if hit is None or r.split_blocked(PERSON, name, hit):
                hit = r.name_key_hit(span.text, name, PERSON)
            if hit is not None:
                self._register(span, hit)
            return True
        if len(tokens) == 1 and label in (PERSON, ORG, GPE, LOC):
            # Could be a short form of a person named later: only settle it here when it
            # is a gazetteer place/organisation that no person of this article could own.
            if label != PERSON and self._person_for_token(name, span.start, titles, strict=True):
                # A person named earlier owns the word ("Adel Minga" ... "Minga"): the
                # short-form pass decides, preferring the place only where the word is
                # used as one ("in Minga"). The place index knows many cities' other
                # names, so an NER-mislabelled surname often is some city's name too.
                return False
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
        acr = acronym_key(span.text)
        if acr and acr in self.acronyms:
            self._register(span, Hit(self.acronyms[acr], "acronym_in_article", "defined in text"))
            return True
        hit = r.lookup_exact(span.text, label)
        if hit is None:
            hit = r.lookup_exact(span.text, ORG if label != ORG else GPE)
        if hit is not None and hit.entry.entity.entity_type == PERSON:
            hit = None
        if hit is None and defer_if_person:
            return False
        if hit is None and label == GPE and "-" in span.text and self._split_compound(span):
            return True
        if hit is None:
            person = r.lookup_exact(name, PERSON)
            if person is None and len(name.split()) == 1:
                person = r.lookup_surname(name, titles)
            if person is not None:  # gazetteer person mislabelled ORG/GPE
                self._register(span, Hit(person.entry, "gazetteer+type_corrected", person.evidence))
                return True
            # The forms resolve_name knows too, once no person can own the name: role
            # descriptions ("Japan's central bank"), transliterations and brands, formal
            # and compass forms of places ("S.Africa").
            if label == ORG:
                hit = (
                    r.orgs.lookup_role(span.text)
                    or r.orgs.lookup_variant(span.text)
                    or r.orgs.lookup_described(span.text)
                    or r.orgs.lookup_native_country(span.text)
                    or r.orgs.lookup_wade_giles(span.text)
                    or r.orgs.lookup_misspelt(span.text)
                    or r.orgs.lookup_inflected(span.text)
                    or r.orgs.lookup_shortened(span.text)
                )
            else:
                hit = (
                    r.lookup_state_form(span.text)
                    or r.lookup_compass_form(span.text)
                    or r.lookup_place_qualifier(span.text)
                    or r.lookup_misspelt_place(span.text)
                    or r.lookup_place_spacing(span.text)
                )
        if hit is None:
            hit = r.name_key_hit(span.text, name, label)
            if hit is None:
                # An ambiguous acronym the article does not spell out ("ICC"): keep the
                # mention, but on an entity local to this article.
                key = f"local:{self.article_key}:{type_key(name, label)}"
                ent = Entity(ids.entity_id(label, key), name, label)
                hit = Hit(Entry(ent, "name"), "ambiguous_local", "several known entities")
        if hit.entry.kind == "city" and hit.entry.capital_of and self._is_actor(span):
            country = r.country(hit.entry.capital_of)
            if country is not None:
                hit = Hit(
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
        hits = [self.r.lookup_exact(p.group(0), GPE) for p in parts]
        if len(parts) < 2 or any(h is None or h.entry.kind != "country" for h in hits):
            return False
        for p, h in zip(parts, hits, strict=True):
            assert h is not None
            start = span.start + p.start()
            self._add(start, start + len(p.group(0)), Hit(h.entry, "compound_part", span.text))
        return True

    def _register(self, span: NerSpan, hit: Hit) -> None:
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
                acr = acronym_of(THE.sub("", clean_org_name(n)))
                if len(acr) >= 2:
                    self.acronyms.setdefault(acr, entry)
            # "Asia-Pacific Economic Cooperation (APEC)": the bracket defines the acronym.
            m = _BRACKET_ACRONYM.match(self.body[span.end : span.end + 14])
            if m:
                self.acronyms.setdefault(acronym_key(m.group(1)), entry)

    def _person_for_token(
        self, token: str, start: int, titles: tuple[str, ...], strict: bool = False
    ) -> Entry | None:
        """The person of this article a one-word name refers to, if unambiguous.

        ``strict`` is used when NER did not call the word a person (ORG/GPE label): then
        only a surname (first or last name token) of a real-looking person name counts,
        never an acronym, so "Xbox" does not join a mislabelled "Xbox 2".
        """
        key = surname_key(token)
        if not key or (strict and token.isupper()):
            return None
        table = self._edge_owners if strict else self._token_owners
        owners = table.get(key)
        if owners is None:
            return self._respelt_person(token, table)
        if len(owners.by_id) == 1:
            return next(iter(owners.by_id.values()))
        role_words = [t for t in titles if t in ROLE_TITLES]
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

    @staticmethod
    def _respelt_person(token: str, table: dict[str, Owners]) -> Entry | None:
        """The article's one person named ``token`` with its last letter doubled or single.

        "Grinnel" for "Grinnell": one person of the article fits, named in full; else None.
        """
        variant = _final_double_variant(written_surname_key(token))
        owners = table.get(surname_key(variant)) if variant else None
        if owners is None or len(owners.by_id) != 1:
            return None
        person = next(iter(owners.by_id.values()))
        name = person.entity.canonical_name
        # Only a person the article names in full (two bare spellings are two people),
        # whose name has that word as written.
        if not _looks_like_person(name) or variant not in map(written_surname_key, name.split()):
            return None
        return person

    def _add_person(self, start: int, entry: Entry, toks: tuple[str, ...]) -> None:
        self.persons.append((start, entry, toks))
        for t in set(toks):
            self._token_owners.setdefault(t, Owners()).add(start, entry)
        if _looks_like_person(entry.entity.canonical_name):
            for t in {toks[0], toks[-1]}:
                self._edge_owners.setdefault(t, Owners()).add(start, entry)

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
            and r.lookup_exact(span.text, GPE) is not None
            and self._is_locative(span.start)
        )
        if person is not None and not place_first:
            rule = "short_form" if label == PERSON else "short_form+type_corrected"
            self._add(
                span.start,
                span.end,
                Hit(person, rule, f"surname of {person.entity.canonical_name} in article"),
            )
            return
        if label != PERSON and self._resolve_nonperson(span, label, name, titles, False):
            return
        hit = r.lookup_surname(name, titles) if len(tokens) == 1 else None
        if hit is None and len(tokens) == 1:
            if label != PERSON and not titles:
                return
            # A name with no surname key ("A&B") is keyed by its text: two of them
            # must not share the article-local entity an empty key would give them.
            local = surname_key(name) or f"text:{fold_typography(name).casefold()}"
            key = f"local:{self.article_key}:{local}"
            ent = Entity(ids.entity_id(PERSON, key), name, PERSON)
            hit = Hit(Entry(ent, "name"), "unlinked_surname", "no full name in article")
        if hit is not None:
            self._register(span, hit)

    def _article_country_codes(self) -> set[str]:
        return {f.hit.entry.country for f in self.found if f.hit.entry.kind == "country"}

    def _office_for(self, role: str) -> Entry | None:
        """Office of the article's most-mentioned person holding ``role``."""
        counts: Counter[str] = Counter()
        entries: dict[str, Entry] = {}
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

    def _person_office(self, person: Entry, role: str = "") -> Entry | None:
        positions = sorted(
            (p for p in person.positions if not role or role in p[1]),
            key=lambda p: (p[3] == "", p[3]),
        )
        for qid, *_ in reversed(positions):
            office = self.r.office(qid)
            if office is not None:
                return office
        if not person.positions and not role:
            name = f"Office of {person.entity.canonical_name}"
            ent = Entity(ids.entity_id(ORG, org_key(name)), name, ORG)
            return Entry(ent, "office")
        return None

    def _resolve_nominals(self) -> None:
        body = self.body
        # "Yoon's office": a person mention followed by a possessive and "office".
        for f in checked(list(self.found)):
            if f.etype != PERSON:
                continue
            m = _OFFICE_AFTER.match(body[f.end : f.end + 20])
            if m and body[f.end : f.end + 1] in "'\u2019":
                office = self._person_office(f.hit.entry)
                if office is not None:
                    self._add(
                        f.start,
                        f.end + m.end(),
                        Hit(
                            office,
                            "possessive_office",
                            f"office of {f.hit.entry.entity.canonical_name}",
                        ),
                    )
        countries = self._article_country_codes()
        taken = Coverage((f.start, f.end) for f in self.found)
        nominals = self.r.nominals
        # The people of the article do not change in this pass (it adds organisations
        # and places), so each role's office is computed once.
        offices: dict[str, Entry | None] = {}
        # Office mentions by start, for "the office" -> the latest office before it.
        office_mentions = Owners()
        for f in self.found:
            if f.hit.entry.kind == "office":
                office_mentions.add(f.start, f.hit.entry)
        for m in checked(nominals.pattern.finditer(body)):
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
        offices: dict[str, Entry | None],
        office_mentions: Owners,
    ) -> Hit | None:
        kind, _, arg = target.partition(":")
        if kind == "country":
            if not all(c in countries for c in requires):
                return None
            entry = self.r.country(arg)
            return Hit(entry, "nominal_country", f"'{target}' with {requires}") if entry else None
        if kind == "office":
            if arg not in offices:
                offices[arg] = self._office_for(arg)
            entry = offices[arg]
            return Hit(entry, "role_office", f"the {arg} in this article") if entry else None
        if kind == "anaphor":
            last = office_mentions.latest_before(start)
            if last is not None:
                return Hit(last, "office_anaphor", "most recent office mention")
        return None

    def _string_match(self) -> None:
        """Mentions NER missed: further occurrences of names of this article's people."""
        names: dict[str, Entry] = {}
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
        taken = Coverage((f.start, f.end) for f in self.found)
        rules = name_rules()
        order = [
            surface
            for surface in sorted(names, key=len, reverse=True)
            # a surname two people of the article share is not searched for
            if len(surface.split()) > 1 or len(by_token.get(surname_key(surface), ())) <= 1
        ]
        found_at = occurrences(self.body, order)
        for surface in order:  # longest first: "Kim Jong Un" before "Kim"
            entry = names[surface]
            last_end = 0
            for s in checked(found_at.get(surface, ())):
                if s < last_end:
                    continue  # overlaps the previous occurrence of the same name
                end = last_end = s + len(surface)
                if self._free_name_at(s, end, taken, rules):
                    self._add(
                        s,
                        end,
                        Hit(entry, "string_match", f"name of {entry.entity.canonical_name}"),
                    )
                    taken.add(s, end)

    def _free_name_at(self, s: int, end: int, taken: Coverage, rules: Any) -> bool:
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
