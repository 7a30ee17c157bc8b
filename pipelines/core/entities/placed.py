"""A town written with where it lies, read as "<town>, <region>" (issue 11, session 21).

News writes one qualified town many ways: "Polk County in central Iowa", "Iowa's Polk
County", "eastern Iowa's Cedar Rapids", "Manchester (N.H.)", "the city of Nashua, N.H.",
"Greenville, S. Carolina", "Boston, Lincs", "the Lincolnshire town of Boston". Each is
rewritten to the comma form the resolver already reads ("Polk County, Iowa"), so every
style of a qualified place is one entity and a bare namesake ("Boston") is never joined.
"""

from __future__ import annotations

import re

# Where in a region a place lies: a modifier only, the region is the name after it.
_PART = (
    r"(?i:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)(?:ern)?|(?:(?:north|south|east|west)-?)?central|mid|upstate|downstate|rural|coastal)"
)
_KIND = r"(?i:city|town|village|county town|market town|port town|port city|new town|borough)"
_NAME = r"[A-Z][\w.'\- ]*?"
_OWNED = re.compile(
    rf"^(?:{_PART}\s+)??({_NAME})['\u2019]s\s+"
    rf"(?:(?:largest|biggest|second[- ]largest|capital|main)(?:\s+{_KIND})?,\s+)?({_NAME})$",
)
_IN = re.compile(rf"^({_NAME}),?\s+in\s+(?:the\s+)?(?:{_PART}\s+)??({_NAME})$")
_DESCRIBED = re.compile(rf"^(?:{_PART}\s+)??({_NAME})\s+{_KIND}\s+of\s+({_NAME})$")
_CITY_OF = re.compile(rf"^(?i:city|town|village)\s+of\s+({_NAME}),\s*({_NAME})$")
_BRACKET = re.compile(rf"^({_NAME})\s*\(({_NAME})\)$")
_COMMA = re.compile(rf"^({_NAME}),\s*({_NAME})$")
# "S. Carolina", "N. Dakota", "W. Virginia": a compass word cut to its initial.
_CUT_COMPASS = re.compile(r"^([NSEW])\.\s*([A-Z][a-z]+)$")
_COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def spell_compass(region: str) -> str:
    """Spell out a cut compass word ("S. Carolina" -> "South Carolina"), else unchanged."""
    m = _CUT_COMPASS.match(region)
    return f"{_COMPASS[m.group(1)]} {m.group(2)}" if m else region


def placed_parts(clean: str) -> tuple[str, str, str] | None:
    """(place, region as written, how it was written) of a placed town, or None.

    ``clean`` is the place name without typography, possessive or leading "the". The comma
    form itself is returned too, as "comma" ("Boston, Lincs"): its region may need spelling
    out. "described" ("the Scottish city of Perth") may name the region by its demonym.
    """
    text = " ".join(clean.split())
    m = _OWNED.match(text)
    if m is not None:
        return m.group(2), m.group(1), "owned"
    for how, pattern in (("city_of", _CITY_OF), ("in", _IN), ("bracket", _BRACKET)):
        m = pattern.match(text)
        if m is not None:
            return m.group(1), m.group(2), how
    m = _COMMA.match(text)
    if m is not None:
        return m.group(1), m.group(2), "comma"
    m = _DESCRIBED.match(text)
    if m is not None:
        return m.group(2), m.group(1), "described"
    return None
