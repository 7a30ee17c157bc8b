"""Pipeline steps without Dagster: duplicates across formats and shards."""

from __future__ import annotations

import json

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.warehouse.writer import Warehouse

TITLE = "Council approves new bridge"
BODY = (
    "The city council approved the new bridge on Tuesday after a long debate.\n\n"
    "“This is a good day for the city,” Mayor Ann Lee said."
)


def test_same_article_in_two_formats_is_stored_once(tmp_path):
    root = tmp_path / "landing"
    root.mkdir()
    (root / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (root / "b.jsonl").write_text(
        json.dumps({"title": TITLE, "body": BODY}) + "\n", encoding="utf-8"
    )
    roots = [landing.LandingRoot("landing", root)]
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        shard_of = dict(s.fetch("select source_file, shard from ingest_files"))
        # Load the shards one at a time, as a partitioned backfill would.
        for shard in sorted(set(shard_of.values())):
            steps.load_articles(s, roots, [shard])
        arts = s.fetch("select source_file, title from articles")
        assert len(arts) == 1 and arts[0][1] == TITLE
        owner = arts[0][0]
        other = next(f for f in shard_of if f != owner)
        rej = s.fetch("select reason_code, reason from rejections where source_file = ?", [other])
        assert rej and rej[0][0] == "duplicate_article" and owner in rej[0][1]
        status = dict(s.fetch("select source_file, status from ingest_files"))
        assert status[owner] == "loaded" and status[other] == "duplicate"
        # Re-running every shard changes nothing.
        before = s.fetch("select * from articles order by article_id")
        steps.load_articles(s, roots, ids.all_shards())
        assert s.fetch("select * from articles order by article_id") == before
