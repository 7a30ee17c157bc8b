"""The ratchet both quote gates share: figures may rise but never fall below their floors.

A baseline file holds the floors under ``"dev"``: figures measured once and rounded down to
3 decimals, so that upstream noise in the entity resolver does not trip a gate. Figures
are ``{name: value}`` or ``{group: {name: value}}``; a fallen one is named by its path
(``"bbc e2e_f1"``). ``QUOTES_BASELINE_UPDATE=1`` rewrites the baseline instead of comparing
(review the diff; a lowered floor needs a reason in the commit message).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

UPDATE_FLAG = "QUOTES_BASELINE_UPDATE"
# The floors are already rounded down; the slack only absorbs float formatting.
SLACK = 1e-4

Figures = Mapping[str, Any]  # {name: float} or {group: {name: float}}


def measured(figures: Figures) -> dict[str, Any]:
    """The figures as a baseline records them (4 decimals)."""
    return _map(figures, lambda v: round(v, 4))


def floors(figures: Figures) -> dict[str, Any]:
    """The figures rounded down to 3 decimals: the floors a baseline gates on."""
    return _map(figures, lambda v: math.floor(v * 1000) / 1000)


def assert_not_fallen(
    baseline: Path, figures: Figures, new_baseline: Callable[[], dict[str, Any]], what: str
) -> None:
    """Fail naming every figure below its floor, or rewrite the baseline when asked to.

    Args:
        baseline: the JSON file with the floors under ``"dev"``.
        figures: the figures just measured (only these are compared).
        new_baseline: the whole file to write under ``QUOTES_BASELINE_UPDATE=1``.
        what: the figures' name in the failure message.
    """
    if os.environ.get(UPDATE_FLAG) == "1":
        baseline.write_text(json.dumps(new_baseline(), indent=2) + "\n", encoding="utf-8")
        pytest.skip(f"baseline rewritten ({UPDATE_FLAG}=1): review and commit it")
    floor = _flat(json.loads(baseline.read_text(encoding="utf-8"))["dev"])
    fallen = {
        name: (round(now, 4), floor[name])
        for name, now in _flat(figures).items()
        if now < floor[name] - SLACK
    }
    assert not fallen, f"{what} fell below the baseline (now, floor): {fallen}"


def assert_well_formed(baseline: Path, names: Iterable[str]) -> None:
    """Every gated figure has a floor, and each floor is a fraction in (0, 1]."""
    floor = _flat(json.loads(baseline.read_text(encoding="utf-8"))["dev"])
    for name in names:
        assert 0.0 < floor[name] <= 1.0, name


def _flat(figures: Figures, prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out |= _flat(value, f"{name} ")
        else:
            out[name] = float(value)
    return out


def _map(figures: Figures, f: Callable[[float], float]) -> dict[str, Any]:
    return {k: _map(v, f) if isinstance(v, Mapping) else f(v) for k, v in figures.items()}
