"""A person's possessive before a body or place: "Jane Roe's Acme Gazette" -> "Acme Gazette".

The owner, founder or ruler written before a name says whose it is, not which one it is
("<tycoon>'s <network>", "<dictator>'s <country>", "the <Surname> brothers' <group>").
Only a possessor that reads as a person is dropped: a place's or a body's possessive
before a name may name a branch or a part ("<Country>'s <Party>", "<Party>'s <committee>"),
which other rules read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.core.models import GPE, LOC, ORG, PERSON
from pipelines.core.normalize import (
    fold_typography,
    is_common_english_word,
    name_rules,
    strip_key_punctuation,
)

if TYPE_CHECKING:
    from pipelines.core.entities.gazetteer import EntityResolver

# "[the] <one to three words>'s|' <rest>".
_OWNED = re.compile(r"^(?:the\s+)?((?:\S+\s+){0,2}\S+?)(?:'s|')\s+(\S.*)$", re.IGNORECASE)
# Plural family nouns after a surname: "the Roe brothers'", "the Roe family's".
_FAMILY = frozenset({"brothers", "sisters", "family", "families", "twins"})
# Last words of a body's part or arm, not of a body of its own: "<Firm>'s Wealth
# Management" may be a firm's own division, so an owner read as a person by its words
# alone is not dropped before them.
_PART_WORDS = frozenset(
    {"management", "division", "unit", "arm", "wing", "services", "capital", "group",
     "foundation", "fund", "bank", "holdings", "partners", "trust", "office", "team"}
)  # fmt: skip
_WORD = re.compile(r"^[A-Z][\w.\-]*$")
# Last words of a body's own name ("<Owner>'s <X> Council", "<Owner>'s <X> Post"). A rest
# of everyday words without one may be a business named for its founder's possessive
# ("<Given> <Name>'s Gourmet Sandwiches"), so it is kept whole.
_BODY_HEADS = frozenset(
    {"council", "party", "committee", "commission", "authority", "agency", "ministry",
     "league", "association", "union", "federation", "congress", "assembly", "parliament",
     "government", "administration", "army", "movement", "front", "network", "channel",
     "times", "post", "journal", "herald", "tribune", "gazette", "chronicle", "telegraph",
     "observer", "register", "globe", "newspaper", "magazine", "broadcasting", "radio",
     "television", "institute", "foundation", "campaign"}
)  # fmt: skip
_JOINING = frozenset({"for", "of", "to", "and"})
# A saint's possessive names a college, hospital or church after its saint ("St Jude's").
_SAINT_WORDS = frozenset({"st", "saint", "sts", "ste", "san", "santa", "sao", "santo"})


def _capitalised(words: list[str]) -> bool:
    return all(_WORD.match(w) for w in words)


def _reads_as_person(resolver: EntityResolver, owner: str) -> bool:
    """True for a known person, a given name with a surname, or "<Surname> brothers"."""
    words = owner.split()
    if not _capitalised(words[:-1] if words[-1].lower() in _FAMILY else words):
        return False
    if resolver.lookup_exact(owner, GPE) or resolver.lookup_exact(owner, ORG):
        return False
    if len(words) == 2 and words[-1].lower() in _FAMILY:
        return not is_common_english_word(words[0])
    if len(words) < 2:
        return False
    known = resolver.lookup_exact(owner, PERSON)
    if known is not None and known.entry.kind != "name":
        return True
    folded = strip_key_punctuation(owner).lower().split()
    return (
        folded[0] in name_rules().given_names
        and folded[0] not in _SAINT_WORDS
        and not is_common_english_word(folded[-1])
        and folded[0] not in name_rules().honorifics
    )


def _names_a_body(resolver: EntityResolver, words: list[str], strong_owner: bool) -> bool:
    """A rest that reads as a body's own name, not a trade written after a founder's name.

    A known organisation, an acronym, a last word that heads a body's name, a joining word
    between capitalised ones ("Citizens for X"), or a description before a name.
    """
    last = words[-1].strip(".,")
    if len(last) > 1 and last.isupper():
        return True
    if last.lower() in _BODY_HEADS or words[0][:1].islower():
        return True
    if strong_owner and any(w in _JOINING for w in words[1:-1]):
        # "<Person>'s <X> School of <Y>" may be an institution named for a person with its
        # part: only a known person's or a family's possessive before such a name goes.
        return True
    hit = resolver.lookup_exact(" ".join(words), ORG)
    return hit is not None and hit.entry.kind != "name"


def person_owned_rest(resolver: EntityResolver, surface: str, etype: str | None) -> str | None:
    """The name after a person's possessive, or None when there is none to drop.

    ORG, GPE or LOC only. A one-word possessor ("Roe's") only before a known country
    (a company's name may end in its founder's possessive, "Roe's Bakery").
    """
    if etype not in (ORG, GPE, LOC):
        return None
    m = _OWNED.match(fold_typography(surface).strip())
    if m is None:
        return None
    owner, rest = m.group(1), m.group(2).strip()
    rest_words = rest.split()
    if not any(w[:1].isupper() for w in rest_words):
        return None
    if len(rest_words) == 1 and is_common_english_word(rest_words[0]):
        return None  # "Roe's Bakery": the possessive is the name
    if len(owner.split()) == 1:
        if not _WORD.match(owner) or etype == ORG:
            return None
        if resolver.lookup_exact(owner, GPE) or resolver.lookup_exact(owner, ORG):
            return None
        hit = resolver.lookup_exact(rest, GPE)
        return rest if hit is not None and hit.entry.entity.entity_type == GPE else None
    if not _reads_as_person(resolver, owner):
        return None
    if etype != ORG:
        hit = resolver.lookup_exact(rest, GPE)
        return rest if hit is not None and hit.entry.entity.entity_type == GPE else None
    known = resolver.lookup_exact(owner, PERSON)
    strong = (known is not None and known.entry.kind != "name") or (
        owner.split()[-1].lower() in _FAMILY
    )
    if not _names_a_body(resolver, rest_words, strong):
        return None
    if not strong and rest_words[-1].lower() in _PART_WORDS:
        return None
    return rest
