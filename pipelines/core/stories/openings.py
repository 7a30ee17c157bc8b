"""Openings that say where and by whom an article was filed, not what happened.

A wire or newspaper lead often starts with a credit line ("By <Name>, <Agency>") and a
dateline ("CITY, Region, Mon. 3 (Agency) --", "City (Agency) -", "(Agency) --", "CITY --",
"CITY:"). Ingestion removes the upper-case datelines it recognises from ``articles.body``,
but other shapes (a mixed-case place before an agency tag, an agency tag alone, a credit
followed by a dateline) and texts grouped without ingestion keep them. For story grouping
these words are not evidence: the agency's name and the dateline city recur in that
agency's and that city's stories about unrelated happenings, so as rare key terms, as a
salient organisation named in the lead and as the first words of the lead's head they make
two unrelated wire stories look alike. ``opening_end`` finds where the article's own text
starts; the signature reads its lead from there.

Shapes only, no list of agencies or places, so an outlet never seen before is handled
alike. Conservative on purpose: a mixed-case place counts only with an agency tag or a
date after it ("Washington (AFP) -", "Macau, Dec 3 -"), since "Hong Kong is ..." or
"Trump -" open real sentences; a hyphen-minus ends a dateline only with a date or an agency
tag ("US - China talks" is a headline shape); a credit must fill its own line.
"""

from __future__ import annotations

import re

# Month names and their news abbreviations ("Dec.", "Sept").
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_UPPER_WORD = r"[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.\-]+"
_TITLE_WORD = r"[A-Z\u00C0-\u00DE][\w'’.\-]*"
# A region or country after the place: "N.H.", "Calif.", "Hawaii", "United States".
_REGION = r"[A-Z][A-Za-z.]{1,15}(?:\s[A-Z][A-Za-z.]{1,15}){0,2}"
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
# An agency or outlet tag: one to five words in parentheses, never a party-and-state tag
# ("(D-N.Y.)", "(R-Texas)") that follows a politician's name.
_AGENCY = r"\((?![A-Z]-)(?P<agency>[A-Za-z][\w .&'’\-]{1,40})\)"
# What ends a dateline: a dash (two hyphens, an em or en dash, a spaced hyphen) or a colon.
_END = r"(?:--(?=\s)|—|–|-(?=\s)|:(?=\s))"

_DATELINE = re.compile(
    rf"(?P<place>(?!{_MONTH}\s+\d)(?P<upper>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}})(?![\w'’])"
    rf"|(?!{_MONTH}\s+\d){_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,3}})?"
    rf"(?:,\s*(?!{_MONTH}\s+\d)(?:{_REGION}))?(?:,\s*(?!{_MONTH}\s+\d)(?:{_REGION}))?"
    rf"(?:,?\s*(?P<date>{_DATE}))?"
    # A dateline ends on an agency tag (a dash after it or not) or on a dash or colon.
    rf"(?:\s*{_AGENCY}(?:\s*(?P<tagend>{_END}))?|\s*(?P<end>{_END}))"
)
# A credit line: "By" and two to six capitalised words (names, "and", particles), maybe an
# outlet after a comma, a bar or a dash; nothing else on the line.
_NAME = r"[A-Z\u00C0-\u00DE][\w'’.\-]*"
_CREDIT = re.compile(
    rf"By\s+{_NAME}(?:\s+(?:{_NAME}|and|&|de|van|von|al|bin|der|la|le)){{1,5}}"
    rf"(?:\s*(?:,|\||/|\s-\s|\s—\s|\s–\s)\s*{_NAME}(?:\s+{_NAME}){{0,4}})?"
    r"[ \t]*(?:\n|$)"
)
# How far into a text an opening may reach (a credit line and a dateline).
_SCAN_CHARS = 300


def _dateline_end(text: str, start: int) -> int:
    """End of a dateline starting at ``start`` (after spaces), or ``start`` when none."""
    match = _DATELINE.match(text, start)
    if match is None or match.end() == start:
        return start
    place, agency, date = match["place"], match["agency"], match["date"]
    end = match["tagend"] or match["end"]
    if place and not match["upper"] and not (agency or date):
        return start  # "Hong Kong is ...": a mixed-case place needs a tag or a date
    if not place and not agency:
        return start  # a bare date or dash opens a sentence, not a dateline
    if match["upper"] and not (agency or date):
        letters = [ch for ch in match["upper"] if ch.isalpha()]
        if len(letters) < 3 or end is None or end == "-":
            return start  # "US - China", "A HUNTER who": not datelines
    if end is None:
        # A tag with no dash ("(CNN) President ...") ends at the tag when a sentence starts.
        rest = text[match.end() :].lstrip(" \t")
        if not agency or not rest[:1].isupper():
            return start
    return match.end()


def opening_end(text: str) -> int:
    """Where the article's own text starts: after a leading credit line and dateline.

    0 when ``text`` opens on neither. Leading white space before the opening is skipped
    with it; a text that is nothing but an opening keeps it (there is nothing else).
    """
    head = text[:_SCAN_CHARS]
    pos = len(head) - len(head.lstrip())
    credit = _CREDIT.match(head, pos)
    if credit is not None:
        pos = credit.end()
        pos += len(head[pos:]) - len(head[pos:].lstrip())
    end = _dateline_end(head, pos)
    if end == pos and credit is None:
        return 0
    end += len(head[end:]) - len(head[end:].lstrip())
    return end if text[end:].strip() else 0
