"""The quote gates' shared ratchet, on a baseline of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.quality import ratchet

FIGURES = {"all": {"f1": 0.95049, "acc": 0.8}, "bbc": {"f1": 0.99, "acc": 0.7}}


def _baseline(tmp_path: Path, figures: dict) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"dev": ratchet.floors(figures)}), encoding="utf-8")
    return path


def test_floors_round_down_and_measured_rounds_to_four_places() -> None:
    assert ratchet.floors(FIGURES)["all"] == {"f1": 0.95, "acc": 0.8}
    assert ratchet.measured(FIGURES)["all"]["f1"] == 0.9505


def test_equal_or_higher_figures_pass(tmp_path: Path) -> None:
    path = _baseline(tmp_path, FIGURES)
    ratchet.assert_not_fallen(path, FIGURES, dict, "figures")
    higher = {g: {k: v + 0.01 for k, v in m.items()} for g, m in FIGURES.items()}
    ratchet.assert_not_fallen(path, higher, dict, "figures")


def test_a_fallen_figure_fails_by_its_path(tmp_path: Path) -> None:
    path = _baseline(tmp_path, FIGURES)
    fallen = {"all": FIGURES["all"], "bbc": {"f1": 0.99, "acc": 0.69}}
    with pytest.raises(AssertionError, match=r"figures fell below .*'bbc acc': \(0\.69, 0\.7\)"):
        ratchet.assert_not_fallen(path, fallen, dict, "figures")


def test_the_update_flag_rewrites_instead_of_comparing(tmp_path, monkeypatch) -> None:
    path = _baseline(tmp_path, FIGURES)
    monkeypatch.setenv(ratchet.UPDATE_FLAG, "1")
    with pytest.raises(pytest.skip.Exception, match="rewritten"):
        ratchet.assert_not_fallen(path, {"f1": 0.1}, lambda: {"dev": {"f1": 0.1}}, "figures")
    assert json.loads(path.read_text(encoding="utf-8")) == {"dev": {"f1": 0.1}}


def test_well_formed_needs_every_gated_floor(tmp_path: Path) -> None:
    path = _baseline(tmp_path, FIGURES)
    ratchet.assert_well_formed(path, ["all f1", "bbc acc"])
    with pytest.raises(KeyError):
        ratchet.assert_well_formed(path, ["aeb f1"])
