"""Stage 1: pair quotation marks into candidate spans.

News text is messy about quote glyphs: straight ``"``, curly “…”, curly marks typed
the wrong way round (an opening ” as in our seeds), PTB/NYT ``''…''`` and ````…''``,
British single quotes ‘…’ that share a glyph with the apostrophe. A mark's role
(opening or closing) is therefore read from its context first (space before and a
word after = opening) and from its glyph only when the context is silent.

Pairing never crosses a paragraph (a line) except by the newspaper convention for
long quotations: a paragraph that ends inside a quotation without a closing mark
and a next paragraph that reopens it. Anything else that does not pair is skipped
with a recorded reason instead of guessed, so one stray mark cannot produce a span
across half the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipelines.core.models import SkippedMark
from pipelines.core.quotes._view import SENTENCE_END

# Double-quote family first in the alternation: "''" and "``" (PTB/NYT style) must win
# over a single "'" or "`".
_MARK_RE = re.compile(r"``|''|‘‘|’’|[\"“”„‟«»‘’'`‚‛]")
_DOUBLE = frozenset({'"', "“", "”", "„", "‟", "«", "»", "``", "''", "‘‘", "’’"})
_OPEN_GLYPHS = frozenset({"“", "„", "‟", "«", "``", "‘‘", "‘", "‚", "‛", "`"})
_CLOSE_GLYPHS = frozenset({"”", "»", "''", "’’", "’"})
# Characters after which a mark may open a quotation.
_OPEN_LEFT = frozenset("([{—–-/:;") | _OPEN_GLYPHS | {'"', "'"}
# Characters before which a mark may close one.
_CLOSE_RIGHT = frozenset(",.;:!?)]}—–-…/*") | _CLOSE_GLYPHS | {'"', "'"}
# Characters that cannot follow an opening mark.
_NOT_AFTER_OPEN = frozenset(",;:!?)]}")

OPEN = "open"
CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quoted span found by mark pairing.

    Attributes:
        start: first character of the content (marks and edge spaces excluded).
        end: one past the last character of the content.
        mark_start: offset of the opening mark (or of the line start when the
            quotation carries on from the previous paragraph without a mark).
        mark_end: offset just after the closing mark (or the line end when the
            quotation carries on into the next paragraph).
        double: True for double marks, False for single ones.
        continues: the quotation carries on into the next paragraph.
        continued: the quotation carries on from the previous paragraph.
    """

    start: int
    end: int
    mark_start: int
    mark_end: int
    double: bool = True
    continues: bool = False
    continued: bool = False


@dataclass(frozen=True, slots=True)
class CandidateScan:
    """Everything stage 1 found in one text."""

    candidates: tuple[Candidate, ...]
    skipped: tuple[SkippedMark, ...]


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    glyph: str
    can_open: bool
    can_close: bool


def _make_mark(text: str, start: int, end: int) -> _Mark:
    left = text[start - 1] if start > 0 else "\n"
    right = text[end] if end < len(text) else "\n"
    can_open = (left.isspace() or left in _OPEN_LEFT) and not (
        right.isspace() or right in _NOT_AFTER_OPEN
    )
    can_close = not left.isspace() and (right.isspace() or right in _CLOSE_RIGHT)
    return _Mark(start, end, text[start:end], can_open, can_close)


def _role(mark: _Mark, is_open: bool) -> str | None:
    """Opening or closing, from context, else glyph, else the pairing state."""
    if mark.can_open and not mark.can_close:
        return OPEN
    if mark.can_close and not mark.can_open:
        return CLOSE
    if mark.glyph in _OPEN_GLYPHS:
        return OPEN
    if mark.glyph in _CLOSE_GLYPHS:
        return CLOSE
    # A straight mark with no telling context toggles the state.
    return CLOSE if is_open else OPEN


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    """Content bounds between two mark positions, edge whitespace trimmed."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _first_double(marks: list[_Mark]) -> _Mark | None:
    for m in marks:
        if m.glyph in _DOUBLE:
            return m
    return None


def _at_line_start(text: str, line_start: int, mark: _Mark) -> bool:
    return not text[line_start : mark.start].strip()


def _is_possessive(text: str, m: _Mark) -> bool:
    """A plural possessive ("the Sanders’ campaign") rather than a closing mark."""
    if m.start == 0 or text[m.start - 1] not in "sSzZ":
        return False
    nxt = text[m.end : m.end + 2]
    return len(nxt) == 2 and nxt[0] == " " and nxt[1].isalnum()


# Single closing marks (a nested quotation's end).
_SINGLE_CLOSERS = frozenset("'’")


def clause_last_char(text: str, a: int, b: int) -> str:
    """The last character of the quoted content ``text[a:b]`` as its clause ends ("": empty).

    A nested quotation that ends the content ends its clause with its own last character:
    ‹“I told myself: ‘I will sing it!’ ”› ends with "!", not "’".
    """
    if b <= a:
        return ""
    last = text[b - 1]
    if last in _SINGLE_CLOSERS and b - a > 1:
        return text[b - 2]
    return last


def find_candidates(text: str) -> CandidateScan:
    """Pair quote marks in ``text`` into candidate spans.

    Args:
        text: the article body.

    Returns:
        The candidates in text order and the marks that were skipped, with reasons.
    """
    lines = _lines(text)
    per_line: list[list[_Mark]] = []
    for ls, le in lines:
        per_line.append(
            [_make_mark(text, m.start(), m.end()) for m in _MARK_RE.finditer(text, ls, le)]
        )
    cands: list[Candidate] = []
    skipped: list[SkippedMark] = []
    carry = False  # the previous paragraph ended inside a quotation
    for li, (ls, le) in enumerate(lines):
        marks = per_line[li]
        doubles = [m for m in marks if m.glyph in _DOUBLE]
        line_cands: list[Candidate] = []
        open_at: int | None = None  # offset after the opening mark
        open_mark: _Mark | None = None
        pending = False  # the next candidate carries on the previous quotation
        if carry:
            pending, carry = True, False
            first = _first_double(marks)
            if first is None or not _at_line_start(text, ls, first) or _role(first, False) != OPEN:
                open_at = ls  # a soft line break: the quotation goes on from the line start
        for m in doubles:
            role = _role(m, open_at is not None)
            if open_at is None:
                if role == OPEN:
                    open_at, open_mark = m.end, m
                else:
                    skipped.append(
                        SkippedMark(m.start, m.glyph, "closing mark with no opening mark")
                    )
                continue
            if role == CLOSE:
                a, b = _content(text, open_at, m.start)
                if b > a:
                    line_cands.append(
                        Candidate(
                            a,
                            b,
                            open_mark.start if open_mark else ls,
                            m.end,
                            continued=pending,
                        )
                    )
                    pending = False
                open_at, open_mark = None, None
                continue
            # An opening mark while a quotation is open. After a full stop it is the
            # multi-paragraph convention with the paragraph break lost (‹"A. "B."›,
            # common in wire copy; also after a nested quotation that ends the sentence:
            # ‹"A 'b.' "C."›): the first part ends there and the quotation goes on.
            # Otherwise the earlier mark never closed and is skipped.
            if open_mark is not None and m.start == open_at:
                # ‹saying "“It is …”›: a doubled opening mark (a straight one typed before
                # a curly one, or the page's and its text's both kept) opens once.
                open_at = m.end
                continue
            a, b = _content(text, open_at, m.start)
            if clause_last_char(text, a, b) in SENTENCE_END and open_mark is not None:
                line_cands.append(
                    Candidate(a, b, open_mark.start, m.start, continues=True, continued=pending)
                )
                pending = True
                open_at, open_mark = m.end, m
                continue
            if open_mark is not None:
                skipped.append(
                    SkippedMark(open_mark.start, open_mark.glyph, "opened again before closing")
                )
            open_at, open_mark = m.end, m
        if open_at is not None:
            nxt = li + 1
            while nxt < len(lines) and lines[nxt][0] == lines[nxt][1]:
                nxt += 1  # blank lines between paragraphs
            goes_on = False
            if nxt < len(lines):
                first = _first_double(per_line[nxt])
                if (
                    first is not None
                    and _at_line_start(text, lines[nxt][0], first)
                    and _role(first, False) == OPEN
                ):
                    goes_on = True  # the convention for multi-paragraph quotations
                elif nxt == li + 1 and first is not None and _role(first, True) == CLOSE:
                    goes_on = True  # a soft line wrap: the quotation closes on the next line
            if goes_on:
                a, b = _content(text, open_at, le)
                if b > a:
                    line_cands.append(
                        Candidate(
                            a,
                            b,
                            open_mark.start if open_mark else ls,
                            le,
                            continues=True,
                            continued=pending,
                        )
                    )
                carry = True
            elif (
                open_mark is not None
                and _closes_at_paragraph_end(text, ls, open_mark, open_at, le, pending)
                and _reopened_after_gloss(text, lines, per_line, li)
            ):
                # ‹X explained: "They proposed a short lockdown. ⏎ In short, … ⏎ "We
                # asked …›: a gloss set between the paragraphs of one statement; the
                # sentence is complete, so the quotation ends with its paragraph.
                a, b = _content(text, open_at, le)
                line_cands.append(Candidate(a, b, open_mark.start, le, continued=pending))
            else:
                mark = open_mark.glyph if open_mark else ""
                skipped.append(
                    SkippedMark(
                        open_mark.start if open_mark else ls,
                        mark,
                        "quotation not closed before the paragraph ends",
                    )
                )
        singles = _single_quotes(text, marks, line_cands)
        # ‘He said “no” twice.’ (British nesting): the outer single-quoted span is
        # the quotation; a single pair that crosses a double one is no pair at all.
        kept_singles = [s for s in singles if not any(_crosses(s, d) for d in line_cands)]
        cands.extend(d for d in line_cands if not any(_inside(d, s) for s in kept_singles))
        cands.extend(kept_singles)
    cands.sort(key=lambda c: c.start)
    return CandidateScan(tuple(cands), tuple(skipped))


# Most paragraphs (a gloss, an embed's lines) a quotation may be interrupted by.
_GLOSS_LINES = 2


def _reopened_after_gloss(
    text: str, lines: list[tuple[int, int]], per_line: list[list[_Mark]], li: int
) -> bool:
    """A quotation reopens at the start of a paragraph one or two paragraphs after ``li``.

    The multi-paragraph convention with paragraphs set between: the reporter's gloss, or
    the lines an embedded post leaves in the text ("Club statement", "— Harbour Trust
    (@harbour) 2 May"), between the parts of one statement.
    """
    seen = 0
    for nxt in range(li + 1, len(lines)):
        ls, le = lines[nxt]
        if not text[ls:le].strip():
            continue
        first = _first_double(per_line[nxt])
        if (
            seen
            and first is not None
            and _at_line_start(text, ls, first)
            and _role(first, False) == OPEN
        ):
            return True
        seen += 1
        if seen > _GLOSS_LINES:
            return False
    return False


def _closes_at_paragraph_end(
    text: str, ls: int, mark: _Mark, open_at: int, le: int, carried: bool
) -> bool:
    """A quotation left open at its paragraph's end that reads as closed there.

    It follows a colon (speech announced as such: "X explained: "…"), or it reopens a
    quotation the paragraph before carried on, and its content is one or more full
    sentences: capitalised, ending with a full stop, a question or an exclamation mark.
    A mark opening a paragraph or following a comma on its own may be a stray one.
    """
    lead = text[ls : mark.start].rstrip()
    if not (lead.endswith(":") or (carried and not lead)):
        return False
    a, b = _content(text, open_at, le)
    return b > a and text[b - 1] in SENTENCE_END and text[a].isupper()


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.mark_start < inner.mark_start and inner.mark_end <= outer.mark_end


def _crosses(a: Candidate, b: Candidate) -> bool:
    overlap = a.mark_start < b.mark_end and b.mark_start < a.mark_end
    return overlap and not _inside(a, b) and not _inside(b, a)


class _Spans:
    """The union of half-open spans ``[a, b)``, asked whether it holds a position.

    Merged and sorted once, so each question is a bisection: a line of thousands of single
    marks among thousands of double-quoted spans was a scan of every span per mark.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(s for s in spans if s[0] < s[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def covers(self, pos: int) -> bool:
        """True when some span has ``a <= pos < b``."""
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos < self._ends[k]


def _single_quotes(text: str, marks: list[_Mark], doubles: list[Candidate]) -> list[Candidate]:
    """British-style ‘…’ quotations outside double-quoted spans, within one line.

    Single marks inside a double-quoted span are nested quotations and stay part of
    the outer text. A single mark with letters on both sides is an apostrophe.
    """
    out: list[Candidate] = []
    open_mark: _Mark | None = None
    inside = _Spans([(c.mark_start, c.mark_end) for c in doubles])
    for m in marks:
        if m.glyph in _DOUBLE:
            continue
        if inside.covers(m.start):
            continue
        left = text[m.start - 1] if m.start > 0 else " "
        right = text[m.end] if m.end < len(text) else " "
        if left.isalnum() and right.isalnum():
            continue  # don't, Yoon’s
        if open_mark is None:
            if m.can_open and not m.can_close:
                open_mark = m
            continue
        if m.can_close and not m.can_open and not _is_possessive(text, m):
            a, b = _content(text, open_mark.end, m.start)
            if b > a:
                out.append(Candidate(a, b, open_mark.start, m.end, double=False))
            open_mark = None
        elif m.can_open and not m.can_close:
            open_mark = m  # the earlier one was an apostrophe ('90s, 'em)
    return out
