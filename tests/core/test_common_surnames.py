"""Census-common surnames do not stand alone for one known person (issue 11, false merges).

The generated list (``pipelines/tools/build_common_surnames.py``) is read with the hand
list; real surnames cannot be invented, so these tests drive the mechanism with an
invented census file and invented gazetteer people.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from pipelines.core import resources
from pipelines.core.entities import EntityResolver, loaders
from pipelines.core.entities.loaders import Overrides
from pipelines.core.normalize import surname_key
from pipelines.tools import build_common_surnames

PERSON = "PERSON"

# dist.all.last layout: surname, frequency %, cumulative %, rank (fixed-width columns).
_TINY_CENSUS = [
    "QUORVALE       0.900  0.900      1",
    "BRENTHAXE      0.500  1.400      2",
    "not a row",
    "ZANDIMORE      0.001  1.401      3",
]


def _census_rules(monkeypatch: pytest.MonkeyPatch, top: int) -> None:
    """Serve the invented census list, cut at ``top``, as the generated rules file."""
    real = resources.rule_lines
    text = build_common_surnames.build(_TINY_CENSUS, top)

    def fake(name: str) -> tuple[str, ...]:
        if name == "common_surnames_census.txt":
            return tuple(x for x in text.splitlines() if x and not x.startswith("#"))
        return real(name)

    monkeypatch.setattr(loaders, "rule_lines", fake)


def test_build_keeps_the_top_ranks_lower_cased_under_a_header() -> None:
    text = build_common_surnames.build(_TINY_CENSUS, 2)
    lines = text.splitlines()
    assert all(x.startswith("# ") for x in lines[:5]) and "1990" in text
    assert [x for x in lines if not x.startswith("#")] == ["quorvale", "brenthaxe"]


@pytest.mark.parametrize(("top", "common"), [(0, set()), (1, {"quorvale"}), (3, {"quorvale", "brenthaxe", "zandimore"})])  # fmt: skip
def test_census_surnames_join_the_hand_list(
    monkeypatch: pytest.MonkeyPatch, top: int, common: set[str]
) -> None:
    _census_rules(monkeypatch, top)
    keys = loaders.common_surname_keys()
    invented = {"quorvale", "brenthaxe", "zandimore"}
    assert {n for n in invented if surname_key(n) in keys} == common
    assert "smith" in keys  # the hand list still counts


@pytest.mark.parametrize(
    ("bare", "full", "stands_alone"),
    [
        ("Quorvale", "Ilse Quorvale", False),  # census-common: many people carry it
        ("Brenthaxe", "Tomas Brenthaxe", False),
        ("Zandimore", "Odile Zandimore", True),  # below the cut-off: still one person
    ],
)
def test_a_census_common_surname_does_not_stand_alone(
    monkeypatch: pytest.MonkeyPatch, bare: str, full: str, stands_alone: bool
) -> None:
    _census_rules(monkeypatch, 2)
    records: list[dict[str, Any]] = [
        {"entity_type": PERSON, "kind": "person", "canonical_name": name, "aliases": []}
        for name in ("Ilse Quorvale", "Tomas Brenthaxe", "Odile Zandimore")
    ]
    small = EntityResolver(records, Overrides(), "test")
    known = small.resolve_name(full, PERSON)
    alone = small.resolve_name(bare, PERSON)
    assert known is not None
    assert (alone is not None and alone.entity_id == known.entity_id) is stands_alone


def test_committed_census_list_matches_the_build() -> None:
    """The shipped file is what the tool makes from the ``names`` package's data file."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        pytest.skip("the PyPI package `names` (US census surname data) is not installed")
    data = Path(spec.origin).parent / "dist.all.last"
    committed = build_common_surnames.OUT.read_text(encoding="utf-8")
    lines = data.read_text(encoding="ascii").splitlines()
    assert committed == build_common_surnames.build(lines)
