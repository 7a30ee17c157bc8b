"""The stories step in a warehouse: work per new article, and the upgrade path.

The cost test counts what the step reads (stored posting entries, candidate signatures)
for one new article added to warehouses of two sizes; no timing.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipelines import grouping, landing, steps
from pipelines.core import ids
from pipelines.warehouse.writer import Warehouse

pytestmark = pytest.mark.slow

START = dt.date(2011, 3, 1)


def _word(n: int) -> str:
    """A made-up word per number: rare by any frequency table ("qxbh" for 17)."""
    return "qx" + "".join("abcdefghij"[int(c)] for c in str(n))


def _record(day: int, i: int) -> dict[str, str]:
    # Three articles a day on that day's happening (its own made-up names), all of them
    # also part of one long-running thread (the ferry inquiry) that every window shares.
    # Each lead opens on the day's happening, as a report does: the stories read a lead's
    # first words apart (``LEAD_HEAD``), and days whose leads opened alike would be one.
    names = [_word(day + k * 5000).title() for k in range(8)]
    happening = f"{names[0]} harbour and the {names[1]} pier"
    return {
        "title": f"Ferry inquiry hears of {happening} ({i})",
        "body": f"{names[2]} and {names[3]} described {happening}, the {names[4]} jetty and "
        f"the {names[5]} slipway on {names[6]} {names[7]}. The Zanzibar ferry inquiry heard "
        "from pilots about the lifejackets and the coastguard's slow response to the "
        "capsized vessel.",
        "date": (START + dt.timedelta(days=day)).isoformat(),
    }


def loaded_warehouse(tmp_path, days: int, name: str):
    """Three articles a day for ``days`` days, scanned and loaded, not grouped yet."""
    root = tmp_path / f"landing{name}"
    root.mkdir()
    lines = [json.dumps(_record(d, i)) for d in range(days) for i in range(3)]
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    roots = [landing.LandingRoot("landing", root)]
    wh = Warehouse(tmp_path / f"w{name}.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
    return wh, roots


def _warehouse(tmp_path, days: int):
    wh, roots = loaded_warehouse(tmp_path, days, str(days))
    with wh.session() as s:
        grouping.group_stories(s)
    return wh, roots


def _one_more(wh, roots, day: int) -> grouping.StoryStats:
    (roots[0].path / "new.jsonl").write_text(json.dumps(_record(day, 9)) + "\n", "utf-8")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        stats = grouping.group_stories(s)
        story = s.fetch(
            "select count(*) from articles where story_id = "
            "(select story_id from articles where title like '%(9)')"
        )
        assert story == [(4,)]  # it joined its day's three articles
        assert grouping.group_stories(s).signed == 0  # and a re-run has nothing to do
    return stats


def test_one_new_articles_reads_do_not_grow_with_the_warehouse(tmp_path):
    small = _one_more(*_warehouse(tmp_path, 15), day=10)  # 45 stored articles
    large = _one_more(*_warehouse(tmp_path, 150), day=10)  # 450
    assert small.signed == large.signed == 1
    assert small.postings_read > 0 and small.signatures_loaded > 0
    # The same window of days is read at both sizes: the same entries and candidates.
    assert (large.postings_read, large.signatures_loaded) == (
        small.postings_read,
        small.signatures_loaded,
    )
    assert large.signatures_loaded <= 27  # the 9-day window's articles, not 450


def test_a_warehouse_from_before_the_postings_table_upgrades_in_place(tmp_path):
    """Opening creates ``story_postings``; the new grouping version re-signs every article."""
    wh, _roots = _warehouse(tmp_path, 4)
    with wh.session() as s:
        before = dict(s.fetch("select article_id, story_id from articles"))
        # What the previous release left: no postings table, signatures of its version.
        s.con.execute("drop table story_postings")
        s.con.execute("update story_signatures set grouping_version = '0.1.0+previous'")
        # ... and schema files of its own (opening re-applies the DDL when they differ).
        s.con.execute("update schema_state.applied set version = 'previous'")
    with wh.session() as s:  # opening applies the DDL: the table is back, empty
        assert s.fetch("select count(*) from story_postings") == [(0,)]
        stats = grouping.group_stories(s)
        assert stats.signed == stats.dropped == 12
        assert dict(s.fetch("select article_id, story_id from articles")) == before
        assert s.fetch("select count(distinct article_id) from story_postings") == [(12,)]
        versions = s.fetch("select distinct grouping_version from story_signatures")
        assert versions != [("0.1.0+previous",)] and len(versions) == 1


def test_an_article_row_that_lost_its_story_gets_it_back(tmp_path):
    """A re-inserted article whose signature stayed stored is placed again, not skipped."""
    wh, _roots = _warehouse(tmp_path, 2)
    with wh.session() as s:
        before = dict(s.fetch("select article_id, story_id from articles"))
        s.con.execute("update articles set story_id = null where title like '%(1)'")
        stats = grouping.group_stories(s)
        assert stats.signed == 0  # nothing to sign: the stored signatures are fresh
        assert dict(s.fetch("select article_id, story_id from articles")) == before
