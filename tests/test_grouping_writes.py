"""The grouping steps hold one write batch of rows at a time, at any corpus size.

Counts the rows handed to each upsert of a first grouping (every article new) of two
corpora, one four times the other; no timing.
"""

from __future__ import annotations

import pyarrow as pa

from pipelines import grouping
from pipelines.warehouse import writer
from pipelines.warehouse.writer import Warehouse
from tests.test_story_step import loaded_warehouse

TABLES = ("story_postings", "story_signatures", "story_links")


def _group(wh: Warehouse, monkeypatch, write_batch: int) -> tuple[dict[str, int], list]:
    """Group the stories; the largest upsert per table, and the rows written."""
    largest: dict[str, int] = {}
    upsert = writer.Batch.upsert

    def counting(self, table, rows, **kw):
        n = rows.num_rows if isinstance(rows, pa.Table) else len(rows)
        largest[table] = max(largest.get(table, 0), n)
        return upsert(self, table, rows, **kw)

    with monkeypatch.context() as m:
        m.setattr(writer.Batch, "upsert", counting)
        m.setattr(grouping, "WRITE_BATCH", write_batch)
        m.setattr(grouping, "SIGNATURE_WRITE_BATCH", max(1, write_batch // 5))
        with wh.session() as s:
            grouping.group_stories(s)
            rows = [s.fetch(f"select * from {t} order by all") for t in TABLES]
            rows.append(s.fetch("select article_id, story_id from articles order by 1"))
    return largest, rows


def test_a_first_grouping_writes_the_same_batch_size_at_two_corpus_sizes(tmp_path, monkeypatch):
    held, held_signatures = {}, {}
    for days in (4, 16):
        chunked, rows = _group(loaded_warehouse(tmp_path, days, f"-{days}a")[0], monkeypatch, 25)
        whole, rows_whole = _group(
            loaded_warehouse(tmp_path, days, f"-{days}b")[0], monkeypatch, 10**9
        )
        assert rows == rows_whole  # batches change nothing but what is held at once
        postings = len(rows[0])
        assert whole["story_postings"] == postings  # one list of every posting before
        held[days] = (chunked["story_postings"], postings)
        held_signatures[days] = chunked["story_signatures"]
    (small_held, small_rows), (large_held, large_rows) = held[4], held[16]
    assert large_rows >= 4 * small_rows > 25  # the corpus grew, and needs several batches
    assert small_held == large_held == 25  # what is held at once did not
    # Signature rows (each with its ~400 terms) go a fifth as many at a time.
    assert held_signatures == {4: 5, 16: 5}


def test_the_signatures_a_first_grouping_holds_share_their_words(tmp_path, monkeypatch):
    """Every signature is held until the groups are known: one string object per word."""
    held = []
    link = grouping.core.link_new_stories

    def keeping(new, index, load=None):
        held.extend(new)
        return link(new, index, load)

    monkeypatch.setattr(grouping.core, "link_new_stories", keeping)
    with loaded_warehouse(tmp_path, 8, "-shared")[0].session() as s:
        grouping.group_stories(s)
    words = [t for sig in held for t in sig.terms]
    assert len(held) == 24 and len(words) > 10 * len(set(words))  # words repeat
    assert len({id(t) for t in words}) == len(set(words))
