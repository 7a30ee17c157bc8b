"""Wade-Giles romanisation of Mandarin names read as Pinyin (issue 11, names side).

"Hsi Chin-p'ing" is Xi Jinping, "Hsinhua" is Xinhua, "Lai Ching-teh" and "Lai Qingde" are
the gazetteer's "Lai Ching-te". A word is read as Wade-Giles only when it splits into
Wade-Giles syllables and one of them has a mark Pinyin never writes (an aspiration
apostrophe, "hs", "ts"/"tz", "-ih", "-ieh", "-eh", "-ien", "-ung", "chi" + more letters,
"j" before a/e/o); the table of correspondences is ``rules/wade_giles.tsv``. Each reading
is only a candidate: the resolver keeps one when it names exactly one known entity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from pipelines.core.normalize import fold_case
from pipelines.core.resources import rule_lines

# Wade-Giles finals (with "y"/"w" initials too: "yen", "yung", "wei").
_FINALS = (
    "a", "ai", "an", "ang", "ao", "e", "eh", "ei", "en", "eng", "erh", "i", "ia", "iang",
    "iao", "ieh", "ien", "ih", "in", "ing", "io", "iu", "iung", "o", "ou", "u", "ua", "uai",
    "uan", "uang", "ui", "uei", "un", "ung", "uo", "ü", "üan", "üeh", "ün", "ueh",
)  # fmt: skip
_INITIALS = (
    "ch'", "ts'", "tz'", "k'", "p'", "t'", "ch", "hs", "ts", "tz", "sh", "ss", "sz",
    "p", "t", "k", "m", "f", "n", "l", "h", "j", "s", "y", "w",
)  # fmt: skip
_SYLLABLE = re.compile(
    "(" + "|".join(re.escape(i) for i in _INITIALS) + ")?"
    "(" + "|".join(sorted(_FINALS, key=len, reverse=True)) + ")"
)
_MARKED_INITIALS = frozenset({"hs", "ts", "tz", "ts'", "tz'", "ss", "sz"})
_MARKED_FINALS = frozenset({"ih", "ieh", "ueh", "üeh", "eh", "ien", "iung", "ung", "uei", "erh"})
# Initials after which "o" is Pinyin "e" ("ko" = ge) or "uo" ("to" = duo).
_O_AS_E = frozenset({"k", "k'", "h"})
_O_AS_UO = frozenset(
    {"t", "t'", "n", "l", "s", "ss", "sz", "ts", "tz", "ts'", "tz'", "j", "ch", "ch'", "sh"}
)
_U_AS_I = frozenset({"tz", "tz'", "ss", "sz"})  # "tzu" = zi, "ssu" = si
_MAX_READINGS = 16


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(initials, finals): Wade-Giles -> Pinyin readings (``rules/wade_giles.tsv``)."""
    initials: dict[str, tuple[str, ...]] = {}
    finals: dict[str, tuple[str, ...]] = {}
    for line in rule_lines("wade_giles.tsv"):
        kind, wg, pinyin = (part.strip() for part in line.split("\t"))
        target = initials if kind == "initial" else finals
        target[wg] = tuple(pinyin.split("|"))
    return initials, finals


def _splits(word: str) -> list[list[tuple[str, str]]]:
    """Every way to write ``word`` as Wade-Giles syllables (initial, final)."""
    if not word:
        return [[]]
    out: list[list[tuple[str, str]]] = []
    for initial in ("", *_INITIALS):
        if not word.startswith(initial):
            continue
        rest = word[len(initial) :]
        for final in _FINALS:
            if rest.startswith(final):
                for tail in _splits(rest[len(final) :]):
                    out.append([(initial, final), *tail])
                    if len(out) >= _MAX_READINGS:
                        return out
    return out


def _marked(syllable: tuple[str, str]) -> bool:
    """True when the syllable has a mark Pinyin never writes."""
    initial, final = syllable
    return (
        "'" in initial
        or initial in _MARKED_INITIALS
        or final in _MARKED_FINALS
        or (initial == "ch" and final.startswith("i") and final != "i")
        or (initial == "j" and final[:1] in ("a", "e", "o"))
    )


def _pinyin(syllable: tuple[str, str], marks_aspiration: bool) -> set[str]:
    """Pinyin readings of one Wade-Giles syllable."""
    initials, finals = _table()
    initial, final = syllable
    reads: tuple[str, ...]
    if final == "o":
        reads = ("e",) if initial in _O_AS_E else ("uo",) if initial in _O_AS_UO else ("o",)
    elif final == "u" and initial in _U_AS_I:
        reads = ("i",)
    elif final == "u" and initial == "y":
        reads = ("ou", "u")  # "yu" is you, "yü" is yu
    elif final == "en" and initial == "y":
        reads = ("an",)  # "yen" is yan
    else:
        reads = finals.get(final, (final,))
    options = initials.get(initial, (initial,)) if initial else ("",)
    if marks_aspiration and "'" not in initial:
        options = options[:1]  # the writer marks aspiration: an unmarked initial has none
    out: set[str] = set()
    for read in reads:
        palatal = read[:1] in ("i", "ü") or (initial.startswith("ch") and final == "u")
        for opt in options:
            if initial.startswith("ch") and read[:1] in ("i", "ü"):
                opt = {"zh": "j", "ch": "q"}[opt]
            elif initial.startswith("ch") and palatal:
                out.add({"zh": "j", "ch": "q"}[opt] + "u")  # "chu" may be "chü"
            if not opt and read[:1] == "i":
                # No initial: Pinyin writes "yi", "yin", "ying", "ya" ("Ing-wen" = Yingwen).
                read = "y" + read if read in ("i", "in", "ing") else "y" + read[1:]
            out.add((opt + read).replace("ü", "u") if opt in ("j", "q", "x", "y") else opt + read)
    return out


def word_readings(word: str, marks_aspiration: bool, *, marked: bool = True) -> list[str] | None:
    """Pinyin readings of one word (syllables joined); None when it is no Wade-Giles word.

    ``marked``: the word itself must have a mark Pinyin never writes (else any word made
    of Wade-Giles syllables is read, for the other words of a name one word marks).
    """
    splits: list[list[tuple[str, str]]] = [[]]
    for part in fold_case(word).replace("\u2019", "'").split("-"):
        # The fewest syllables: "lai" is one syllable, not "la" + "i".
        found = _splits(part) if part else [[]]
        fewest = min((len(f) for f in found), default=0)
        found = [f for f in found if len(f) == fewest]
        splits = [s + f for s in splits for f in found][:_MAX_READINGS]
    splits = [s for s in splits if s and (not marked or any(_marked(syl) for syl in s))]
    if not splits:
        return None
    readings: set[str] = set()
    for split in splits:
        for combo in product(*(sorted(_pinyin(s, marks_aspiration)) for s in split)):
            readings.add("".join(combo))
            if len(readings) >= _MAX_READINGS:
                return sorted(readings)
    return sorted(readings)


def name_readings(words: list[str], *, every_word: bool) -> list[str]:
    """Pinyin readings of a name (each word capitalised); [] when no word is Wade-Giles.

    ``every_word``: every word must be a Wade-Giles word or a plain Pinyin-shaped syllable
    string (people's names); else words that are not are kept as written (bodies' names:
    "Hsinhua News Agency").
    """
    marks = any("'" in w or "\u2019" in w for w in words)
    if not any(word_readings(w, marks) for w in words):
        return []
    options: list[list[str]] = []
    found = False
    for word in words:
        readings = word_readings(word, marks, marked=not every_word)
        if readings is None:
            plain = fold_case(word).replace("-", "")
            if every_word and not _splits(plain):
                return []
            options.append([word])
            continue
        found = True
        options.append([r.capitalize() for r in readings])
    if not found:
        return []
    out: list[str] = []
    for combo in product(*options):
        out.append(" ".join(combo))
        if len(out) >= _MAX_READINGS:
            break
    return out
