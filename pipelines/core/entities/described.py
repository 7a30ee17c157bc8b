"""Description phrases around an organisation's name (``rules/org_description_heads.txt``).

"the Acme network", "pro-Roe super PAC Acme Action", "Springfield watchdog the Acme
Authority": a lower-case head noun (or a head written in capitals, "super PAC") with the
lower-case words that lead to it says what kind of body the name is, not which one. The
general cleaning reads most of these; these forms escape it because a joining word sits
in the name ("Acme for Growth network") or a "the" or a capitalised head follows the
description.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.core.models import GPE, ORG
from pipelines.core.normalize import fold_typography, is_sub_body
from pipelines.core.resources import rule_lines

if TYPE_CHECKING:
    from pipelines.core.entities.gazetteer import EntityResolver

# Words that may sit inside a name between capitalised ones ("Americans for Prosperity").
_JOINING = frozenset({"for", "of", "and", "the", "to", "in", "on", "&"})


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(after-heads, before-heads), longest first."""
    after: list[str] = []
    before: list[str] = []
    for line in rule_lines("org_description_heads.txt"):
        side, _, head = line.partition("\t")
        (after if side.strip() == "after" else before).append(head.strip())
    key = lambda h: -len(h.split())  # noqa: E731
    return tuple(sorted(after, key=key)), tuple(sorted(before, key=key))


def _is_name(words: list[str]) -> bool:
    """Capitalised words (joining words inside), the first one capitalised."""
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _JOINING for w in words)
    )


def _lower_run(words: list[str]) -> bool:
    return all(w[:1].islower() for w in words)


def _names_a_body(resolver: EntityResolver, words: list[str]) -> bool:
    """A name left after the description, not a place or nationality ("the Russian network")."""
    if not _is_name(words) or words[-1].endswith(("'s", "'")):
        return False
    name = " ".join(words)
    return resolver.lookup_exact(name, GPE) is None and resolver.lookup_demonym(name) is None


def described_rest(resolver: EntityResolver, surface: str, etype: str | None) -> str | None:
    """The organisation's name without a description phrase around it, or None."""
    if etype != ORG:
        return None
    words = fold_typography(surface).split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    after, before = _heads()
    for head in after:
        n = len(head.split())
        if len(words) > n and " ".join(words[-n:]) == head:
            # Lower-case words before the head belong to the description too.
            cut = len(words) - n
            while cut > 1 and _lower_run(words[cut - 1 : cut]) and words[cut - 1] not in _JOINING:
                cut -= 1
            name = words[:cut]
            # "the UN nuclear watchdog" is one of the parent's bodies, never the parent.
            if _names_a_body(resolver, name) and not is_sub_body([*name, "body"]):
                return " ".join(name)
    for head in before:
        hw = head.split()
        for i in range(len(words) - len(hw)):
            if words[i : i + len(hw)] != hw:
                continue
            lead = words[:i]
            # Lower-case words (a place's name may open it: "Springfield watchdog").
            if lead and not _lower_run(lead[1:] if lead[0][:1].isupper() else lead):
                continue
            if lead and lead[0][:1].isupper() and head[:1].isupper():
                continue  # "Roe PAC Acme": the capitalised word may be part of the name
            name = words[i + len(hw) :]
            if name[:1] == ["the"]:
                name = name[1:]
            if _names_a_body(resolver, name):
                return " ".join(name)
            break
    return None
