"""Checks that read article bodies look at the articles changed since the last publish."""

from __future__ import annotations

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.warehouse import reports
from pipelines.warehouse.writer import Warehouse, bucket_of


def _mentions(s) -> list[dict[str, object]]:
    """One mention per article: its first word, offsets that spell it."""
    out = []
    for aid, body in s.fetch("select article_id, body from articles order by 1"):
        word = body.split()[0]
        start = body.index(word)
        out.append(
            {
                "mention_id": ids.mention_id(aid, start, start + len(word)),
                "article_id": aid,
                "entity_id": "ent_x",
                "surface": word,
                "start_char": start,
                "end_char": start + len(word),
                "sentence_index": 0,
                "entity_type": "ORG",
                "rule": None,
                "is_metonymy": False,
                "extractor_version": "test",
            }
        )
    return out


def test_offset_checks_read_only_the_articles_changed_since_the_last_publish(tmp_path):
    root = tmp_path / "landing"
    root.mkdir()
    for i in range(30):
        (root / f"a{i:02d}.txt").write_text(
            f"Headline {i}\n\nCouncil{i} met on day {i}.\n", encoding="utf-8"
        )
    roots = [landing.LandingRoot("landing", root)]
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        with s.transaction("mentions") as b:
            b.upsert("mentions", _mentions(s))
        assert reports.check_failures(s, "mention_offsets") == 0
    wh.publish()
    with wh.session() as s:
        # Nothing changed since the publish: the check reads no body at all.
        assert reports.check_failures(s, "mention_offsets") == 0
        assert s.fetch("select count(*) from unpublished_articles")[0][0] == 0
        # One article's mention is broken through the writer (which marks its bucket):
        # the check finds it, reading only that bucket's articles.
        aid = s.fetch("select article_id from mentions order by 1 limit 1")[0][0]
        with s.transaction("tamper") as b:
            b.execute(
                "update mentions set end_char = end_char + 1 where article_id = ?",
                [aid],
                articles=[aid],
            )
        assert reports.check_failures(s, "mention_offsets") == 1
        assert aid in reports.check_examples(s, "mention_offsets")
        read = s.fetch("select article_id from unpublished_articles")
        same_bucket = [
            a
            for (a,) in s.fetch("select article_id from articles")
            if bucket_of(a) == bucket_of(aid)
        ]
        assert sorted(r[0] for r in read) == sorted(same_bucket)
        assert len(read) < 30
        # A write that cannot say which articles it touched marks every bucket: all read.
        with s.transaction("everything") as b:
            b.execute("update mentions set rule = null")
        assert s.fetch("select count(*) from unpublished_articles")[0][0] == 30
        assert reports.check_failures(s, "mention_offsets") == 1
