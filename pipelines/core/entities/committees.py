"""US congressional committees in every form news writes them (issue 11, names side).

"House Committee on the Judiciary", "the House Judiciary panel", "U.S. House Judiciary
Committee" and "House Judiciary" are one committee, keyed as "<chamber> <short name>
Committee" from ``rules/us_congress_committees.tsv``. A subcommittee, a joint committee and
a state legislature's committee ("Texas House Judiciary Committee") are other bodies: the
forms are anchored at the chamber, after at most "U.S."/"US"/"United States".
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.core.resources import rule_lines

_US = r"(?:(?:U\.S\.|US|United States)\s+)?"
_CHAMBER = r"(?P<chamber>House(?: of Representatives)?|Senate)"
# "Permanent Select", "Select", "Special", "Standing": kinds of committee, not other bodies.
_KIND = r"(?:(?:Permanent\s+)?Select\s+|Special\s+|Standing\s+)?"
_HEAD = r"(?:[Cc]ommittee|panel)"


@lru_cache(maxsize=1)
def _committee_forms() -> tuple[tuple[re.Pattern[str], dict[tuple[str, str], str]], ...]:
    """(pattern, (chamber, written subject folded) -> keyed name) for each way of writing one."""
    formal: dict[tuple[str, str], str] = {}
    short: dict[tuple[str, str], str] = {}
    for line in rule_lines("us_congress_committees.tsv"):
        chamber, shorts, formals = (c.strip() for c in line.split("\t"))
        names = [s.strip() for s in shorts.split("|") if s.strip()]
        keyed = f"{chamber} {names[0]} Committee"
        for s in names:
            short[(chamber, s.casefold())] = keyed
        for f in formals.split("|"):
            if f.strip():
                formal[(chamber, f.strip().casefold())] = keyed

    def alternatives(table: dict[tuple[str, str], str]) -> str:
        return "|".join(re.escape(s) for s in sorted({k[1] for k in table}, key=len, reverse=True))

    of = alternatives(formal)
    written = alternatives(short)
    return (
        (
            re.compile(rf"^{_US}{_CHAMBER}(?:'s)?\s+{_KIND}Committee\s+on\s+(?P<s>{of})$", re.I),
            formal,
        ),
        (re.compile(rf"^{_US}{_CHAMBER}(?:'s)?\s+(?P<s>{written})\s+{_HEAD}$", re.I), short),
        # The chamber and short name alone, capitalised ("Senate Judiciary"): in lower case
        # it is a phrase ("House rules"), not a committee.
        (re.compile(rf"^{_US}{_CHAMBER}\s+(?P<s>{written})$", re.I), short),
    )


def committee_form(text: str) -> str | None:
    """The keyed name of the congressional committee ``text`` names, or None."""
    for n, (pattern, table) in enumerate(_committee_forms()):
        m = pattern.match(text)
        if m is None:
            continue
        if n == 2 and not (m.group("chamber")[0].isupper() and m.group("s")[0].isupper()):
            continue  # the bare form only capitalised (see _committee_forms)
        chamber = "Senate" if m.group("chamber").casefold() == "senate" else "House"
        keyed = table.get((chamber, m.group("s").casefold()))
        if keyed is not None:
            return keyed
    return None
