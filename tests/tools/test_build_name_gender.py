"""The given-name gender list build: US births cross-checked against world-wide statistics."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pipelines.tools.build_name_gender import build, us_births, world_shares

# Made-up names and counts: each row is one case of the rule.
_BIRTHS = {
    "tovan": (5000, 20),  # one sex in the US, the same in the world: kept
    "elmira": (30, 4000),  # the world has no figure for it: the US decides
    "corin": (40, 3000),  # one sex in the US, mostly the other elsewhere: left out
    "pell": (3000, 900),  # mixed in the US: left out, whatever the world says
    "rareson": (12, 0),  # too rare in the US to decide: the world decides
}
_WORLD = {
    "tovan": {"m": 0.99, "f": 0.01},
    "corin": {"m": 0.7, "f": 0.3},
    "pell": {"m": 0.99, "f": 0.01},
    "rareson": {"m": 0.97, "f": 0.03},
    "vostra": {"m": 0.02, "f": 0.98},  # never given in the US: the world decides
    "halfa": {"m": 0.9, "f": 0.1},  # world-only and not clear enough: left out
    "xq": {"m": 1.0},  # world-only but never seen in English text: left out
    "two words": {"f": 1.0},  # not one given name: left out
}
_ENGLISH = {"tovan", "elmira", "corin", "pell", "rareson", "vostra", "halfa", "two words"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tovan", "m"),
        ("elmira", "f"),
        ("corin", None),
        ("pell", None),
        ("rareson", "m"),
        ("vostra", "f"),
        ("halfa", None),
        ("xq", None),
        ("two words", None),
    ],
)
def test_build_keeps_a_name_only_where_the_statistics_agree(
    name: str, expected: str | None
) -> None:
    kept = dict(build(_BIRTHS, _WORLD, in_english=_ENGLISH.__contains__))
    assert kept.get(name) == expected


def test_build_leaves_out_hand_listed_ambiguous_names() -> None:
    kept = dict(build(_BIRTHS, _WORLD, frozenset({"tovan"}), in_english=_ENGLISH.__contains__))
    assert "tovan" not in kept
    assert kept["vostra"] == "f"


def test_readers_parse_the_shipped_formats(tmp_path: Path) -> None:
    counts = tmp_path / "counts.csv.gz"
    with gzip.open(counts, "wt", encoding="utf-8") as fh:
        fh.write("first_name,sex,count,year_of_birth\nTovan,m,10,1990\nTovan,f,2,1990\n")
        fh.write("Tovan,m,5,1991\n")
    world = tmp_path / "gender_wgnd2.0.jsonl.gz"
    with gzip.open(world, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"name": "vostra", "gender_prob": {"F": 0.98, "M": 0.02}}) + "\n")
        fh.write(json.dumps({"name": "odo", "gender_prob": {"?": 0.0, "M": 1.0}}) + "\n")
    assert us_births(counts) == {"tovan": (15, 2)}
    assert world_shares([world]) == {"vostra": {"m": 0.02, "f": 0.98}, "odo": {"m": 1.0, "f": 0.0}}
