"""Seeds: the two articles are one story; issue 14's four quote pairs are four statements."""

from __future__ import annotations

import pytest

from pipelines import grouping
from pipelines.warehouse.reports import check_failures, table_checksums
from tests.golden.build import build_seed_warehouse

# The four pairs of issue 14: (start of the Yonhap quote, start of the Diplomacy Journal one).
PAIRS = [
    ("Today’s meeting is more meaningful", "At a time when close cooperation"),
    ("As military cooperation between Russia", "Since the first summit (last month)"),
    ("Continuing to strengthen cooperation", "It is an important task to continue"),
    ("The leaders expressed strong concerns", "expressed strong concern over the military"),
]


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    warehouse = build_seed_warehouse(tmp_path_factory.mktemp("stories") / "seeds.duckdb")
    with warehouse.session() as s:
        grouping.group_stories(s)
        grouping.group_statements(s)
    return warehouse


def test_the_two_seed_articles_are_one_story(wh):
    with wh.session() as s:
        stories = s.fetch_dicts("select * from stories")
        assert len(stories) == 1
        assert stories[0]["article_count"] == 2
        assert stories[0]["outlets"] == ["Diplomacy Journal", "Yonhap"]
        assert s.fetch("select count(distinct story_id), count(story_id) from articles") == [(1, 2)]
        ordered = s.fetch("select outlet from story_articles order by position")
        assert sorted(o for (o,) in ordered) == ["Diplomacy Journal", "Yonhap"]


def test_the_four_pairs_are_four_statements_and_nothing_else_merges(wh):
    with wh.session() as s:
        rows = s.fetch_dicts(
            "select r.statement_id, r.outlet, r.rendering_text from statement_renderings r"
        )
        by_statement: dict[str, list[tuple[str, str]]] = {}
        for r in rows:
            by_statement.setdefault(r["statement_id"], []).append(
                (r["outlet"], r["rendering_text"])
            )
        multi = {k: sorted(v) for k, v in by_statement.items() if len(v) > 1}
        assert len(multi) == 4, multi
        for yonhap, journal in PAIRS:
            group = next(v for v in multi.values() if any(t.startswith(yonhap) for _, t in v))
            assert [o for o, _ in group] == ["Diplomacy Journal", "Yonhap"]
            assert any(t.startswith(journal) for o, t in group if o == "Diplomacy Journal")
        # Every quote has a statement; the split Ishiba quote is one rendering.
        assert s.fetch("select count(*) from quotes where statement_id is null") == [(0,)]
        split = s.fetch(
            "select count(distinct statement_id) from quotes "
            "where text like 'and I look forward to a fruitful%' or "
            "text like 'It is an important task to continue%'"
        )
        assert split == [(1,)]
        assert s.fetch("select count(*) from statements_across_outlets") == [(4,)]
        # The lead's partial rendering of Yoon's remark stays apart: one rendering per article.
        partial = s.fetch_dicts(
            "select s.quote_count from quotes q join statements s using (statement_id) "
            "where q.text like 'close cooperation between Japan and South Korea is more%'"
        )
        assert partial == [{"quote_count": 1}]


def test_a_second_grouping_run_changes_nothing(wh):
    with wh.session() as s:
        before = table_checksums(s)
        stats = [grouping.group_stories(s), grouping.group_statements(s)]
        assert all(st.signed == 0 and st.links_added == 0 for st in stats)
        assert stats[1].signatures_loaded == 0  # a no-op run reads no stored signature
        assert table_checksums(s) == before


def test_a_split_quote_tied_to_two_speakers_passes_the_speaker_check(tmp_path):
    # The extractor can continue one quotation across a paragraph and tie its second part,
    # by a cue, to another person (seen in the BBC corpus). Grouping must not hand the
    # blocking check a statement with two cue-tied speakers: the parts split by speaker.
    warehouse = build_seed_warehouse(tmp_path / "seeds.duckdb")
    with warehouse.session() as s:
        (ishiba,) = s.fetch(
            "select speaker_entity_id from quotes where text like 'It is an important task%'"
        )[0]
        (other,) = s.fetch(
            "select e.entity_id from entities e where e.entity_type = 'PERSON' "
            "and e.entity_id <> ? and exists (select 1 from quotes q "
            "where q.speaker_entity_id = e.entity_id and q.cue_verb is not null) "
            "order by e.entity_id limit 1",
            [ishiba],
        )[0]
        s.con.execute(
            "update quotes set speaker_entity_id = ?, cue_verb = coalesce(cue_verb, 'said') "
            "where text like 'and I look forward to a fruitful%'",
            [other],
        )
        grouping.group_stories(s)
        grouping.group_statements(s)
        assert check_failures(s, "statement_speakers") == 0
        assert check_failures(s, "quotes_without_statement") == 0
        parts = s.fetch(
            "select count(distinct statement_id) from quotes "
            "where text like 'and I look forward to a fruitful%' or "
            "text like 'It is an important task to continue%'"
        )
        assert parts == [(2,)]


def test_a_renamed_speaker_is_signed_again_under_the_new_name(tmp_path):
    # The entity rebuild can change a speaker's canonical name without re-analysing the
    # article; speakers match by name, so the renderings are signed (and linked) again.
    warehouse = build_seed_warehouse(tmp_path / "seeds.duckdb")
    with warehouse.session() as s:
        grouping.group_stories(s)
        grouping.group_statements(s)
        before = dict(s.fetch("select quote_id, statement_id from quotes"))
        (speaker,) = s.fetch(
            "select speaker_entity_id from quotes where text like 'It is an important task%'"
        )[0]
        s.con.execute(
            "update entities set canonical_name = 'Shigeru Ishiba Jr.' where entity_id = ?",
            [speaker],
        )
        stats = grouping.group_statements(s)
        assert stats.signed > 0
        names = s.fetch(
            "select distinct speaker_name from statement_signatures where speaker_entity_id = ?",
            [speaker],
        )
        assert names == [("Shigeru Ishiba Jr.",)]
        assert dict(s.fetch("select quote_id, statement_id from quotes")) == before
        again = grouping.group_statements(s)
        assert again.signed == 0 and again.links_added == 0


def test_a_warehouse_from_before_passages_upgrades_in_place(tmp_path):
    # What the previous release left: statement signatures without passage_id, signed by
    # its grouping version, and schema files of its own.
    warehouse = build_seed_warehouse(tmp_path / "seeds.duckdb")
    with warehouse.session() as s:
        grouping.group_stories(s)
        grouping.group_statements(s)
        before = dict(s.fetch("select quote_id, statement_id from quotes"))
        s.con.execute("alter table statement_signatures drop column passage_id")
        s.con.execute("update statement_signatures set grouping_version = '0.1.0+previous'")
        s.con.execute("update schema_state.applied set version = 'previous'")
    with warehouse.session() as s:  # opening re-applies the DDL: the column is back
        stats = grouping.group_statements(s)
        assert stats.signed == stats.dropped > 0
        assert s.fetch("select count(*) from statement_signatures where passage_id is null") == [
            (0,)
        ]
        assert dict(s.fetch("select quote_id, statement_id from quotes")) == before
        assert check_failures(s, "statement_speakers") == 0
