"""French renderings of Russian, Ukrainian and Arabic names read the English way (issue 11).

French copy writes "Vladimir Poutine", "Sergueï Choïgou", "Ioulia Timochenko" and "Bachar
al-Assad" for Putin, Shoigu, Tymoshenko and Bashar al-Assad. A written name is read as
French only when one of its words shows a mark English spellings of these names do not
write ("dj", "ï"/"ë", a final "-ine" after the first word) or one they seldom write there
("ou" before a consonant, "tch", "ch" between vowels); the letter correspondences are
``rules/french_renderings.tsv``. Each respelling is only a candidate: the resolver keeps one
when it names exactly one known person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipelines.core.resources import rule_lines

_VOWELS = frozenset("aeiouyïë")
_FRONT = frozenset("eiïë")
# Marks of a French rendering: "dj", a diaeresis, and "ine" at the end of a word after
# the first (French given names end so: "Martine", "Christine"). English spellings of
# Arabic and Persian names write "ou" too ("Mahmoud") and English names "tch" and "ch"
# between vowels ("Mitchell", "Richard"), so those are weak marks: enough to respell a
# written name, not to index a gazetteer name as French.
_STRONG_MARK = re.compile(r"dj|[ïë]")
_WEAK_MARK = re.compile(r"ou[^aeiouyïë]|tch|[aeiou]ch[aeiou]")
_FINAL_MARK = re.compile(r"ine$")
_MAX_RENDERINGS = 16


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(French, English spellings, where) rows of ``rules/french_renderings.tsv``."""
    rows = []
    for line in rule_lines("french_renderings.tsv"):
        french, english, where = (part.strip() for part in line.split("\t"))
        rows.append((french, tuple(english.split("|")), where))
    return tuple(rows)


def french_marked(words: Sequence[str], *, strong: bool = False) -> bool:
    """True when a word of the name is spelt the French way ("Poutine", "Choïgou").

    ``strong`` leaves out the marks English spellings share ("ou", "tch", "ch" between
    vowels).
    """
    lows = [w.lower() for w in words]
    if any(_STRONG_MARK.search(w) for w in lows):
        return True
    if any(_FINAL_MARK.search(w) for w in lows[1:]):
        return True
    return not strong and any(_WEAK_MARK.search(w) for w in lows)


def _applies(low: str, i: int, french: str, where: str, first: bool) -> bool:
    """True when the row's French spelling at ``i`` is in the context the row names."""
    if not low.startswith(french, i):
        return False
    after = low[i + len(french) : i + len(french) + 1]
    if where == "vowel":
        return after in _VOWELS and after != ""
    if where == "front":
        return after in _FRONT and after != ""
    if where == "between":
        return i > 0 and low[i - 1] in _VOWELS and after in _VOWELS and after != ""
    if where == "initial":
        return i == 0
    if where == "final":
        return not first and i + len(french) == len(low)
    return True


def _word_renderings(word: str, first: bool) -> list[str]:
    """English spellings of one word written the French way (each option both ways)."""
    low = word.lower()
    forms = [""]
    i = 0
    while i < len(low):
        for french, english, where in _table():
            if _applies(low, i, french, where, first):
                forms = [f + e for f in forms for e in english][:_MAX_RENDERINGS]
                i += len(french)
                break
        else:
            forms = [f + low[i] for f in forms]
            i += 1
    return forms


def french_renderings(words: Sequence[str]) -> list[str]:
    """English spellings of a name written the French way ("Vladimir Poutine" -> "... Putin")."""
    out = [""]
    for n, word in enumerate(words):
        forms = _word_renderings(word, first=n == 0)
        out = [f"{o} {f}".strip() for o in out for f in forms][:_MAX_RENDERINGS]
    return out
