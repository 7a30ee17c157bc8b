"""A first stories grouping commits in pieces; a run stopped between them resumes.

Signatures are committed a batch at a time with their postings (marked pending), then the
links a write batch at a time, then the groups. The tables come out the same at any batch
size and after a run killed at any piece; what one transaction holds does not grow with
the corpus (counted from the writer's log, ``load_batches``; no timing).
"""

from __future__ import annotations

import pytest

from pipelines import grouping
from pipelines.warehouse import writer
from pipelines.warehouse.writer import Warehouse
from tests.test_story_step import loaded_warehouse

pytestmark = pytest.mark.slow

TABLES = ("story_signatures", "story_postings", "story_links", "stories")


def _tables(wh: Warehouse) -> list[list[tuple]]:
    with wh.session() as s:
        out = [s.fetch(f"select * from {t} order by all") for t in TABLES]
        out.append(s.fetch("select article_id, story_id from articles order by all"))
        out.append(s.fetch("select * from schema_state.grouping_pending"))
    return out


def _group(wh: Warehouse, monkeypatch, sign: int, write: int) -> grouping.StoryStats:
    with monkeypatch.context() as m:
        m.setattr(grouping, "SIGN_BATCH", sign)
        m.setattr(grouping, "WRITE_BATCH", write)
        with wh.session() as s:
            return grouping.group_stories(s)


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """Twelve days' articles grouped in one piece of each kind."""
    wh = loaded_warehouse(tmp_path_factory.mktemp("whole"), 12, "")[0]
    mp = pytest.MonkeyPatch()
    stats = _group(wh, mp, 10**9, 10**9)
    assert stats.signed == 36 and stats.links_added > 20 and stats.groups > 1
    return _tables(wh)


@pytest.mark.parametrize(("sign", "write"), [(1, 1), (7, 7), (7, 10**9)])
def test_the_batch_sizes_change_no_table(tmp_path, monkeypatch, whole, sign, write):
    wh = loaded_warehouse(tmp_path, 12, "")[0]
    _group(wh, monkeypatch, sign, write)
    assert _tables(wh) == whole


class _Stop(Exception):
    pass


@pytest.mark.parametrize("commits", [0, 1, 3, 6, 7])
def test_a_run_stopped_after_any_piece_resumes_to_the_same_tables(
    tmp_path, monkeypatch, whole, commits
):
    """Killed after ``commits`` transactions (6 sign batches, 5 of 7 and 1 of 1; links)."""
    wh = loaded_warehouse(tmp_path, 12, "")[0]
    done = [0]
    transaction = writer.Session.transaction

    def stopping(self, *a, **k):
        if done[0] == commits:
            raise _Stop
        done[0] += 1
        return transaction(self, *a, **k)

    with monkeypatch.context() as m:
        m.setattr(writer.Session, "transaction", stopping)
        with pytest.raises(_Stop):
            _group(wh, monkeypatch, 7, 10)
    with wh.session() as s:
        if commits:
            assert s.fetch("select count(*) from schema_state.grouping_pending")[0][0] > 0
    resumed = _group(wh, monkeypatch, 7, 10)
    assert resumed.signed == max(0, 36 - 7 * commits)  # nothing signed twice
    assert _tables(wh) == whole


def test_one_transaction_holds_a_batch_not_the_corpus(tmp_path, monkeypatch):
    largest, total = {}, {}
    for days in (4, 16):
        wh = loaded_warehouse(tmp_path, days, f"-{days}")[0]
        _group(wh, monkeypatch, 5, 25)
        with wh.session() as s:
            rows = [
                r[0]
                for r in s.fetch("select rows_written from load_batches where step = 'stories'")
            ]
        largest[days], total[days] = max(rows), sum(rows)
    assert total[16] >= 4 * total[4]  # the corpus grew four times
    assert largest[16] <= largest[4] * 1.5  # one transaction's rows did not
