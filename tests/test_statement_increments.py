"""An increment regroups only the statements its new links or dropped quotes touch.

Made-up articles and quotes written straight into a warehouse (no spaCy): speakers whose
remarks are quoted by several articles. After a first grouping, new articles arrive and
one article is re-analysed; the statements step regroups the connected part of the link
graph they touch, and every table equals what regrouping everything gives.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines import grouping
from pipelines.warehouse.writer import Warehouse

START = dt.date(2012, 5, 1)
TABLES = ("statement_signatures", "statement_links", "statements", "quotes")


def _word(n: int) -> str:
    """A made-up word per number (rare by any frequency table)."""
    return "zq" + "".join("abcdefghij"[int(c)] for c in str(n))


def _remark(speaker: int, k: int) -> str:
    return " ".join(_word(1000 * speaker + 10 * k + j) for j in range(8)).capitalize() + "."


def _add_article(s, n: int, quotes: list[tuple[int, int]], nlp: str = "v1") -> None:
    """Article ``n`` quoting remark ``k`` of speaker ``p`` for each (p, k)."""
    aid = f"art_{n:04d}"
    body, rows = "", []
    for u, (p, k) in enumerate(quotes):
        text = _remark(p, k)
        lead = f"Minister {_word(p).title()} said: \u201c"
        start = len(body) + len(lead)
        body += lead + text + "\u201d "
        rows.append((f"quo_{n:04d}_{u}", aid, text, start, start + len(text), u, f"ent_{p}"))
    s.con.execute(
        "insert into articles (article_id, source_file, record_ref, content_hash, shard, "
        "outlet, title, published_date, body, word_count, parser_version, nlp_version, "
        "ingested_at) values (?, 'f', 'r', 'h', '00', ?, ?, ?, ?, 10, 'p', ?, now())",
        [aid, f"Outlet {n % 3}", f"Article {n}", START + dt.timedelta(days=n % 5), body, nlp],
    )
    for qid, a, text, start, end, u, speaker in rows:
        s.con.execute(
            "insert into quotes (quote_id, article_id, text, start_char, end_char, kind, "
            "utterance_index, part_index, speaker_entity_id, cue_verb, via_translator, "
            "confidence, extractor_version) "
            "values (?, ?, ?, ?, ?, 'direct', ?, 0, ?, 'said', false, 1.0, 'x')",
            [qid, a, text, start, end, u, speaker],
        )


def _warehouse(path) -> Warehouse:
    wh = Warehouse(path)
    with wh.session() as s:
        for p in range(6):
            s.con.execute(
                "insert into entities values (?, ?, 'PERSON', null, 1, 1, 1)",
                [f"ent_{p}", f"Minister {_word(p).title()}"],
            )
        # Article n quotes two remarks; remark k of speaker p is quoted by several articles.
        for n in range(30):
            _add_article(s, n, [(n % 6, n % 4), ((n + 1) % 6, (n // 6) % 4)])
        grouping.group_stories(s)
        grouping.group_statements(s)
    return wh


def _increment(wh: Warehouse, monkeypatch, everything: bool) -> tuple[list, dict, int]:
    regrouped = []
    group = grouping.core.group_renderings

    def counting(items, links):
        regrouped.append(len(items))
        return group(items, links)

    with monkeypatch.context() as m:
        m.setattr(grouping.core, "group_renderings", counting)
        if everything:
            m.setattr(grouping, "_regroup_scope", lambda *a, **k: None)
        with wh.session() as s:
            _add_article(s, 100, [(0, 0), (5, 3)])  # joins two stored statements
            _add_article(s, 101, [(2, 9)])  # a remark nobody quoted before
            s.con.execute("update articles set nlp_version = 'v2' where article_id = 'art_0007'")
            grouping.group_stories(s)
            stats = grouping.group_statements(s).as_dict()
            tables = [s.fetch(f"select * from {t} order by all") for t in TABLES]
            tables.append(s.fetch("select article_id, story_id from articles order by all"))
    return tables, stats, regrouped[0]


@pytest.fixture
def two(tmp_path):
    return _warehouse(tmp_path / "a.duckdb"), _warehouse(tmp_path / "b.duckdb")


def test_an_increment_regroups_only_what_it_touches_and_equals_a_full_regroup(two, monkeypatch):
    local, full = two
    with local.session() as s:
        assert s.fetch("select count(*) from statements where quote_count > 1")[0][0] >= 6
        total = s.fetch("select count(*) from statement_signatures")[0][0]
    tables, stats, regrouped = _increment(local, monkeypatch, everything=False)
    tables_full, stats_full, regrouped_full = _increment(full, monkeypatch, everything=True)
    assert stats["links_added"] > 0 and stats["dropped"] > 0
    assert tables == tables_full
    assert stats == stats_full
    assert regrouped_full == total + 3  # every rendering
    assert regrouped < regrouped_full / 2  # only the touched statements' renderings
