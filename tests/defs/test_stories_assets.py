"""Stories and statements in the warehouse: a new article joins, ids stay, removal regroups."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _groups(s):
    stories = dict(s.fetch("select article_id, story_id from articles"))
    statements = dict(s.fetch("select quote_id, statement_id from quotes"))
    return stories, statements


def test_a_new_rendering_joins_with_ids_unchanged_and_removal_regroups(env):
    assert env.run().success
    with env.session() as s:
        stories, statements = _groups(s)
        multi = s.fetch("select statement_id from statements where quote_count > 1")
    assert len(set(stories.values())) == 1 and len(multi) == 4
    # A third outlet re-runs the Yonhap story without its closing background paragraph.
    yonhap = next(p for p in env.landing.glob("000_*.txt"))
    lines = yonhap.read_text(encoding="utf-8").splitlines()
    (env.landing / "rerun.txt").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert env.run().success
    with env.session() as s:
        stories2, statements2 = _groups(s)
        assert len(stories2) == 3
        # Existing articles and quotes keep their ids; the new article joins the story.
        assert all(stories2[a] == sid for a, sid in stories.items())
        assert all(statements2[q] == sid for q, sid in statements.items())
        assert len(set(stories2.values())) == 1
        grown = s.fetch(
            "select statement_id from statements where quote_count = 3 and article_count = 3"
        )
        assert {r[0] for r in grown} <= {r[0] for r in multi} and len(grown) >= 3
    # Removing the rerun: the same groups as before, with the same ids.
    (env.landing / "rerun.txt").unlink()
    assert env.run().success
    with env.session() as s:
        assert _groups(s) == (stories, statements)
        assert s.fetch("select count(*) from story_signatures") == [(2,)]
