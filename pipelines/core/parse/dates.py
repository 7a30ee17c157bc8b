"""Dates in news: absolute forms, datelines, and relative forms resolved against an anchor.

``published_date`` is filled from the first of:

1. an explicit date from the file's metadata (JSON field, HTML meta/JSON-LD via trafilatura);
2. a dateline that carries a full date ("TOKYO, March 3, 2024 -");
3. a dateline without a year ("SEOUL, Nov. 17 (Yonhap) --") is *not* turned into a date:
   guessing the year would invent data, so the date stays empty and ``date_reason`` says why.

Relative expressions ("on Saturday", "Nov. 16 (local time)", "yesterday") can be resolved
with :func:`resolve_relative_date` once an anchor date is known; news convention is that a
bare weekday means the most recent such day on or before the anchor, and a month-day without
a year means the closest such date not more than a few days after the anchor.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# "Nov.", "November", "Sept." ... as a regex alternative (full names first).
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_ISO_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_]|\d{2}:)")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_DMY_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_MDY_RE = re.compile(
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_DMY_RE = re.compile(
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_PATTERN})"
    r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_RELATIVE_WORDS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1}

# Plausible publication years: anything outside is a parse accident (a price, an id).
_MIN_YEAR = 1800
_MAX_YEAR = 2200


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    """Return 1-12 for an English month name or abbreviation ("Nov.", "September")."""
    key = name.strip().rstrip(".").casefold()
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3])


def parse_date(value: str) -> dt.date | None:
    """Parse one absolute date as found in metadata or text.

    Handles ISO 8601 (with or without time), ``YYYY/MM/DD``, ``YYYYMMDD``, RFC 2822
    (``Sun, 17 Nov 2024 10:00:00 +0000``), ``November 17, 2024``, ``Nov. 17 2024``,
    ``17 November 2024`` and ``17.11.2024`` (day first, as in European pages).

    Args:
        value: The date text.

    Returns:
        The calendar date, or None when there is no complete date (a missing year counts).
    """
    text = value.strip()[:200]
    if not text:
        return None
    for pattern in (_ISO_RE, _COMPACT_RE):
        match = pattern.match(text)
        if match:
            return _safe_date(int(match[1]), int(match[2]), int(match[3]))
    match = _DMY_NUMERIC_RE.match(text)
    if match:
        return _safe_date(int(match[3]), int(match[2]), int(match[1]))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return _safe_date(parsed.year, parsed.month, parsed.day)
    for pattern in (_MDY_RE, _DMY_RE):
        match = pattern.search(text)
        if match and match["year"]:
            month = month_number(match["month"])
            if month is not None:
                return _safe_date(int(match["year"]), month, int(match["day"]))
    return None


def parse_epoch(value: float) -> dt.date | None:
    """Interpret a JSON number as a Unix timestamp in seconds or milliseconds (UTC)."""
    seconds = value / 1000 if value > 1e11 else value
    try:
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _safe_date(stamp.year, stamp.month, stamp.day)


def resolve_relative_date(expression: str, anchor: dt.date) -> dt.date | None:
    """Resolve a relative date expression against an anchor (the dateline or publish date).

    Args:
        expression: "on Saturday", "last Friday", "yesterday", "Nov. 16 (local time)",
            "March 3" or an absolute date.
        anchor: The date the article was written or published.

    Returns:
        The resolved date, or None when the expression is not a date this understands.
    """
    text = expression.strip().casefold()
    text = re.sub(r"\((?:local time|[a-z]{2,4} time|[a-z]{2,4})\)", "", text).strip()
    text = re.sub(r"^(?:on|last|this past|this|early|late)\s+", "", text).strip(" ,.")
    if text in _RELATIVE_WORDS:
        return anchor + dt.timedelta(days=_RELATIVE_WORDS[text])
    weekday = _WEEKDAYS.get(text.split(" ")[0]) if text else None
    if weekday is not None and len(text.split()) <= 2:
        # News weekdays point back: "on Saturday" in a Sunday story is yesterday; the same
        # weekday as the anchor is the anchor itself.
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    absolute = parse_date(expression)
    if absolute is not None:
        return absolute
    for pattern in (_MDY_RE, _DMY_RE):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = month_number(match["month"])
        if month is None:
            return None
        candidates = [
            _safe_date(anchor.year + delta, month, int(match["day"])) for delta in (-1, 0, 1)
        ]
        # The story can mention an event a few days ahead; anything later is last year's.
        horizon = anchor + dt.timedelta(days=7)
        valid = [day for day in candidates if day is not None and day <= horizon]
        return max(valid) if valid else None
    return None
