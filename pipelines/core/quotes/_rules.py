"""Word lists for quote extraction, parsed once from ``pipelines/core/rules``.

The lists are data (see ``rules/README.md`` for where each came from), read through
``pipelines.core.resources``; this module only parses them and keeps the parsed sets
for the life of the process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from pipelines.core.entities.loaders import given_name_genders
from pipelines.core.resources import rule_lines as _lines
from pipelines.core.resources import rule_text


@dataclass(frozen=True, slots=True)
class QuoteRules:
    """Parsed word lists used by the quote stages.

    Attributes:
        verb_forms: inflected reporting-verb forms that can carry a direct quote.
        frame_forms: forms that frame a partial quote or a label only ("called it").
        after_only: forms that are cues only after a quotation ("…,” he continued).
        phrases: multi-word cues as (token tuple, where the speaker sits), in file order.
        speaker_nouns: role nouns that name an unidentified speaker ("spokesperson").
        org_nouns: nouns that refer back to a named organisation ("the ministry").
        translator_nouns: nouns that mark a quotation given through a translator.
        channel_nouns: channels, not speakers ("the statement", "a report").
        office_titles: one-word office titles ("president", "senator"): news keeps
            "the senator said" as the speaker's own words, so they are not resolved.
            Occupations ("the striker", ``occupations.txt``) are not among them.
        non_speakers: abstract nouns that cannot speak ("process", "idea").
        spokespersons: nouns for someone speaking on another's behalf ("spokeswoman").
        person_nouns: head nouns that describe one person ("athlete", "tycoon").
        occupations: one-word occupations and roles written before a name ("striker",
            "singer", "owner"; ``occupations.txt``).
        member_nouns: heads for one of many people ("MP", "man") that a modified
            definite description uses to refer back ("the Conservative MP").
        org_name_endings: last words that make a name an organisation's ("Productions",
            "Records"), with the legal forms of ``org_suffixes.txt`` ("Inc", "Group").
        org_parts: what only an organisation has ("board", "squad", "frontwoman";
            ``org_part_nouns.txt``): a person mention written before one is a body.
        object_control: forms of verbs whose object is the subject of a reporting
            participle after it ("quoted X as saying", "showed X telling").
        addressee_verbs: forms of verbs whose noun right after them is the person
            addressed ("told BBC News"), never a speaker placed after the verb.
        written_things: nouns for things that carry words but cannot speak ("poster",
            "banner", "cartoon"): words they show someone saying are not speech.
        speech_verbs: past and third-person forms of verbs that can report speech
            (WordNet's communication and competition verbs, ``speech_verbs.txt``): an
            unlisted verb closing a quotation attributes it only when it is one of them.
        kinship_nouns: relatives ("son", "wife") that a possessive description ("his
            son said") uses for the person named beside the same noun earlier.
        channel_author_verbs: participles whose "by" agent wrote a channel ("a report
            published by X"; ``channel_author_verbs.txt``).
        collective_bodies: plural member nouns ("mps", "judges") -> the last words of
            the body names they speak for ("committee", "court"; ``collective_speakers.tsv``).
    """

    verb_forms: frozenset[str]
    frame_forms: frozenset[str]
    after_only: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    speaker_nouns: frozenset[str]
    org_nouns: frozenset[str]
    translator_nouns: frozenset[str]
    channel_nouns: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    non_speakers: frozenset[str] = frozenset()
    spokespersons: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    occupations: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    org_name_endings: frozenset[str] = frozenset()
    org_parts: frozenset[str] = frozenset()
    object_control: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    written_things: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    kinship_nouns: frozenset[str] = frozenset()
    channel_author_verbs: frozenset[str] = frozenset()
    # pairs, not a dict: the rules are hashed (cached matchers)
    collective_bodies: tuple[tuple[str, frozenset[str]], ...] = ()

    def is_cue(self, word: str) -> bool:
        """True for a reporting verb that can introduce a full quotation."""
        return word.lower() in self.verb_forms

    def is_frame(self, word: str) -> bool:
        """True for any verb that frames quoted words (full or partial)."""
        low = word.lower()
        return low in self.verb_forms or low in self.frame_forms

    def bodies_of(self, plural: str) -> frozenset[str]:
        """Last words of the names of the bodies whose members ``plural`` names."""
        return next((b for noun, b in self.collective_bodies if noun == plural), frozenset())


@lru_cache(maxsize=1)
def load_rules() -> QuoteRules:
    """Parse the rules files once per process."""
    verbs: set[str] = set()
    frames: set[str] = set()
    after_only: set[str] = set()
    for line in _lines("quote_verbs.txt"):
        forms = [w.lower() for w in line.lstrip("~^").split()]
        if line.startswith("~"):
            frames.update(forms)
        else:
            verbs.update(forms)
            if line.startswith("^"):
                after_only.update(forms)
    phrases: dict[tuple[str, ...], str] = {}
    for line in _lines("quote_cue_phrases.txt"):
        phrase, _, where = line.partition("\t")
        phrases[tuple(phrase.lower().split())] = where.strip() or "subject"
    return QuoteRules(
        verb_forms=frozenset(verbs),
        frame_forms=frozenset(frames - verbs),
        after_only=frozenset(after_only),
        phrases=tuple(phrases.items()),
        speaker_nouns=frozenset(w.lower() for w in _lines("speaker_nouns.txt")),
        org_nouns=frozenset(w.lower() for w in _lines("org_speaker_nouns.txt")),
        translator_nouns=frozenset(w.lower() for w in _lines("translator_nouns.txt")),
        channel_nouns=frozenset(w.lower() for w in _lines("channel_nouns.txt")),
        office_titles=frozenset(
            w.lower().rstrip(".") for w in _lines("office_titles.txt") if len(w.split()) == 1
        ),
        non_speakers=frozenset(w.lower() for w in _lines("non_speaker_nouns.txt")),
        spokespersons=frozenset(w.lower() for w in _lines("spokesperson_nouns.txt")),
        person_nouns=frozenset(w.lower() for w in _lines("person_nouns.txt")),
        kinship_nouns=frozenset(w.lower() for w in _lines("kinship_nouns.txt")),
        occupations=frozenset(w.lower() for w in _lines("occupations.txt") if " " not in w),
        member_nouns=frozenset(w.lower() for w in _lines("member_nouns.txt")),
        org_parts=frozenset(w.lower() for w in _lines("org_part_nouns.txt")),
        org_name_endings=frozenset(
            w.lower()
            for name in ("org_name_endings.txt", "org_suffixes.txt")
            for w in _lines(name)
            if len(w.split()) == 1
        ),
        object_control=frozenset(
            w.lower() for line in _lines("object_control_verbs.txt") for w in line.split()
        ),
        addressee_verbs=frozenset(
            w.lower() for line in _lines("addressee_verbs.txt") for w in line.split()
        ),
        written_things=frozenset(w.lower() for w in _lines("written_thing_nouns.txt")),
        speech_verbs=frozenset(
            w.lower() for line in _lines("speech_verbs.txt") for w in line.split()[1:]
        ),
        channel_author_verbs=frozenset(w.lower() for w in _lines("channel_author_verbs.txt")),
        collective_bodies=_collective_bodies(),
    )


def _collective_bodies() -> tuple[tuple[str, frozenset[str]], ...]:
    """``collective_speakers.tsv``: plural member noun -> last words of its bodies' names."""
    out = []
    for line in _lines("collective_speakers.tsv"):
        noun, _, bodies = line.partition("\t")
        names = frozenset(b.strip().lower() for b in bodies.split(",") if b.strip())
        out.append((noun.strip().lower(), names))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class GenderLexicon:
    """Gender evidence for person names (see ``rules/README.md``).

    Attributes:
        words: titles and role nouns that state a gender ("mrs", "actress") -> "m"/"f".
        first_names: given names with a strong majority gender in birth statistics,
            without the words the rule files give as titles, roles or occupations.
        roles: those one-word titles, roles and occupations ("judge", "professor",
            "captain"): a word before a name that is no given name.
    """

    words: dict[str, str]
    first_names: dict[str, str]
    roles: frozenset[str] = frozenset()


def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        word, _, gender = line.partition("\t")
        out[word.strip().casefold()] = gender.strip()
    return out


@lru_cache(maxsize=1)
def load_gender_lexicon() -> GenderLexicon:
    """Parse the gender rules files once per process."""
    ambiguous = {w.casefold() for w in _lines("first_name_gender_ambiguous.txt")}
    # Birth statistics count "Judge", "Captain", "President" and "Star" as given
    # names of one sex; before a name in news they are titles and say nothing of the
    # person ("Judge Ann Lee", "Captain Tom Reid").
    roles = frozenset(
        w.casefold().rstrip(".")
        for name in _ROLE_FILES
        for w in _lines(name)
        if len(w.split()) == 1
    )
    # The given-name table is read where the names code reads it: one parse of one file.
    names = {n: g for n, g in given_name_genders().items() if n not in ambiguous and n not in roles}
    return GenderLexicon(words=_pairs("gendered_words.tsv"), first_names=names, roles=roles)


# Rule files whose one-word entries are titles, roles or occupations, not given names.
_ROLE_FILES = (
    "office_titles.txt",
    "occupations.txt",
    "person_nouns.txt",
    "honorifics.txt",
    "speaker_nouns.txt",
    "member_nouns.txt",
    "spokesperson_nouns.txt",
)


_PARTY_SUFFIX = " party"


def _party_keys(form: str) -> set[str]:
    """The modifier words a party's name form stands for ("Tories" -> "tory").

    "Conservative Party" -> "conservative", "Liberal Democrats" -> "liberal democrat",
    "Tories" -> "tory": the word a news writer puts before "spokesman" for that party.
    """
    low = form.casefold()
    keys = {low}
    if low.endswith(_PARTY_SUFFIX):
        keys.add(low[: -len(_PARTY_SUFFIX)])
    elif low.endswith("ies"):
        keys.add(low[:-3] + "y")
    elif low.endswith("s"):
        keys.add(low[:-1])
    return keys


@lru_cache(maxsize=1)
def load_party_forms() -> dict[str, frozenset[str]]:
    """Political parties of the curated gazetteer: modifier word -> the party's name forms.

    From ``aliases.jsonl`` (curated; see ``rules/README.md``): every organisation whose
    canonical name or an alias is "<X> Party", with all its names. "a Conservative
    spokeswoman" speaks for the party the article names "the Tories" or "the
    Conservatives"; the keys are each name without "Party" or its plural ending, case-folded.
    """
    out: dict[str, set[str]] = {}
    for line in rule_text("aliases.jsonl").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("entity_type") != "ORG":
            continue
        names = [str(record["canonical_name"]).split(" (")[0], *map(str, record.get("aliases", []))]
        if not any(n.casefold().endswith(_PARTY_SUFFIX) for n in names):
            continue
        forms = {n.casefold() for n in names}
        for n in names:
            for key in _party_keys(n):
                out.setdefault(key, set()).update(forms)
    return {k: frozenset(v) for k, v in out.items()}
