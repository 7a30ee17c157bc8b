"""Text scanning for the per-article passes: taken ranges, name owners, whole-word hits.

Kept apart from ``article`` so its passes read as decisions; everything here is about
finding offsets fast (linear in the body, whatever the number of names).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pipelines.core.entities.names import Entry

# Longest surface the string-match pass looks for again: a name is far shorter, and the
# cap bounds the work per word of the body (see ``occurrences``).
_MAX_MATCHED_NAME = 80
_ALNUM_RUN = re.compile(r"[^\W_]+")  # exactly the characters str.isalnum() accepts
# Up to this many distinct first words, ``word_starts`` searches each with str.find.
_FIND_WORDS_MAX = 64


class Coverage:
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
class Owners:
    """The article's people that one name token can refer to (see ``_person_for_token``).

    ``starts``/``entries`` are sorted by start; among equal starts the first registered
    is last, so ``bisect_left(starts, x) - 1`` is the earliest-registered of the latest
    people named before ``x``.
    """

    starts: list[int] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    by_id: dict[str, Entry] = field(default_factory=dict)  # first registered per entity
    positioned: dict[str, Entry] = field(default_factory=dict)  # with known positions

    def add(self, start: int, entry: Entry) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.entries.insert(i, entry)
        self.by_id.setdefault(entry.entity.entity_id, entry)
        if entry.positions:
            self.positioned[entry.entity.entity_id] = entry

    def latest_before(self, start: int) -> Entry | None:
        i = bisect_left(self.starts, start) - 1
        return self.entries[i] if i >= 0 else None


def occurrences(body: str, surfaces: Iterable[str]) -> dict[str, list[int]]:
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
    for first, p in word_starts(body, groups):
        for n, group in groups[first].items():
            piece = body[p : p + n]
            if piece in group:
                out.setdefault(piece, []).append(p)
    for starts in out.values():
        starts.sort()
    return out


def word_starts(body: str, words: dict[str, Any]) -> Iterator[tuple[str, int]]:
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
