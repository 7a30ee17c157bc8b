"""Signing articles while the analysis goes on gives the tables grouping at the end gives.

With one spaCy worker the run's process signs each batch the analysis commits
(``grouping.sign_committed``) with the entity types the observations committed so far
give; the stories step links them and re-signs those whose salient entities the entity
rebuild's types change. Made-up articles, mentions, observations and quotes written
straight into a warehouse (no spaCy); two entities change type as articles arrive (one
first seen as a place, one first seen as a person), so provisional signatures differ
from the final ones in at least one order.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines import grouping, steps
from pipelines.warehouse.schema import article_child_tables
from pipelines.warehouse.writer import Session, Warehouse

pytestmark = pytest.mark.slow

START = dt.date(2013, 4, 1)
ARTICLES = 21
TABLES = (
    "story_signatures",
    "story_postings",
    "story_links",
    "stories",
    "statement_signatures",
    "statement_links",
    "statements",
    "entities",
    "schema_state.grouping_pending",
)


def _word(n: int) -> str:
    """A made-up word per number (rare by any frequency table)."""
    return "zv" + "".join("abcdefghij"[int(c)] for c in str(n))


def _article(n: int) -> tuple[str, str, str, list[tuple[str, str, str, int]], list[str]]:
    """Article ``n``: id, title, body, mentions (entity, name, type, start) and quotes.

    Three articles a day report that day's happening (its own made-up names), quoting
    its minister in words the day's other articles repeat. ``ent_flip_a`` (days 0-1) is
    a place in the observations of articles 0-1 and a person in those of 2-5 (a person
    at the end); ``ent_flip_b`` (days 4-6) a place in 12-18 and a person in 19-20.
    """
    day = n // 3
    names = [_word(day * 10 + k).title() for k in range(8)]
    aid = f"art_{n:03d}"
    happening = f"{names[0]} harbour and the {names[1]} pier"
    title = f"Ferry inquiry hears of {happening} ({n})"
    lead = f"{names[2]} and {names[3]} described {happening}, the {names[4]} jetty. "
    remark = f"The {names[5]} slipway and the {names[6]} beacon failed on {names[7]}"
    body = f'{lead}Minister {names[2]} said: "{remark}." The ferry inquiry heard pilots.'
    mentions = [(f"ent_day_{day}", f"Minister {names[2]}", "PERSON", 0)]
    if day <= 1:
        mentions.append(("ent_flip_a", "Flipa", "GPE" if n < 2 else "PERSON", 1))
    if day >= 4:
        kind = "PERSON" if n >= 19 else "GPE"
        mentions += [("ent_flip_b", "Flipb", kind, 2), ("ent_flip_b", "Flipb", kind, 3)]
    return aid, title, body, mentions, [remark]


def _insert_articles(s: Session) -> None:
    """The articles as the articles step leaves them: parsed, not analysed."""
    for n in range(ARTICLES):
        aid, title, body, _, _ = _article(n)
        s.con.execute(
            "insert into articles (article_id, source_file, record_ref, content_hash, shard, "
            "outlet, title, published_date, body, word_count, parser_version, nlp_version, "
            "ingested_at) values (?, 'f', 'r', 'h', '00', ?, ?, ?, ?, 10, 'p', null, now())",
            [aid, f"Outlet {n % 3}", title, START + dt.timedelta(days=n // 3), body],
        )


def _commit(s: Session, numbers: list[int]) -> list[str]:
    """Commit the analysis rows of articles ``numbers`` as the analysis does."""
    tables: dict[str, list[dict]] = {t: [] for t in article_child_tables()}
    ids = []
    for n in numbers:
        aid, _, body, mentions, quotes = _article(n)
        ids.append(aid)
        for i, (eid, name, etype, start) in enumerate(mentions):
            tables["mentions"].append(
                {
                    "mention_id": f"men_{n}_{i}",
                    "article_id": aid,
                    "entity_id": eid,
                    "surface": name,
                    "start_char": start,
                    "end_char": start + len(name),
                    "sentence_index": 0,
                    "entity_type": etype,
                    "is_metonymy": False,
                    "extractor_version": "x",
                }
            )
        for eid, name, etype, _ in {m[0]: m for m in mentions}.values():
            tables["entity_observations"].append(
                {"article_id": aid, "entity_id": eid, "canonical_name": name, "entity_type": etype}
            )
        for u, text in enumerate(quotes):
            start = body.index(text)
            tables["quotes"].append(
                {
                    "quote_id": f"quo_{n}_{u}",
                    "article_id": aid,
                    "text": text,
                    "start_char": start,
                    "end_char": start + len(text),
                    "kind": "direct",
                    "utterance_index": u,
                    "part_index": 0,
                    "speaker_entity_id": mentions[0][0],
                    "cue_verb": "said",
                    "via_translator": False,
                    "confidence": 1.0,
                    "extractor_version": "x",
                }
            )
    steps.commit_analysis(s, ids, tables, "v1", ["00"])
    return ids


def _finish(s: Session) -> list[list[tuple]]:
    """The steps after the analysis, then every grouping table."""
    steps.rebuild_entities(s)
    grouping.group_stories(s)
    grouping.group_statements(s)
    out = [s.fetch(f"select * from {t} order by all") for t in TABLES]
    out.append(s.fetch("select article_id, story_id from articles order by all"))
    out.append(s.fetch("select quote_id, statement_id from quotes order by all"))
    return out


@pytest.fixture(scope="module")
def at_the_end(tmp_path_factory) -> list[list[tuple]]:
    """Everything analysed, then grouped by the steps after the analysis."""
    wh = Warehouse(tmp_path_factory.mktemp("end") / "w.duckdb")
    with wh.session() as s:
        _insert_articles(s)
        _commit(s, list(range(ARTICLES)))
        tables = _finish(s)
    stories = {r[1] for r in tables[-2]}
    assert 1 < len(stories) < ARTICLES  # linked into several stories
    assert any(r[4] > 1 for r in tables[TABLES.index("statements")])  # quoted across articles
    return tables


@pytest.mark.parametrize("order", ["arrival", "reversed"])
@pytest.mark.parametrize("size", [1, 7, ARTICLES])
def test_signing_each_committed_batch_gives_the_tables_of_grouping_at_the_end(
    tmp_path, monkeypatch, at_the_end, order, size
):
    numbers = list(range(ARTICLES))
    if order == "reversed":
        numbers.reverse()
    resigned: list[str] = []
    changed = grouping._entities_changed

    def counting(session, article_ids):
        found = changed(session, article_ids)
        resigned.extend(found)
        return found

    monkeypatch.setattr(grouping, "_entities_changed", counting)
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        _insert_articles(s)
        signed = 0
        for start in range(0, ARTICLES, size):
            signed += grouping.sign_committed(s, _commit(s, numbers[start : start + size]))
        assert signed == ARTICLES
        assert s.count("story_signatures") == ARTICLES and s.count("story_links") == 0
        assert _finish(s) == at_the_end
    if size == 1:
        # The first article signed saw ent_flip_a as a place (arrival order) or
        # ent_flip_b as a person (reversed): re-signed with the rebuild's types.
        assert ("art_000" if order == "arrival" else "art_020") in resigned
    if size == ARTICLES:
        assert resigned == []  # every observation was in when they were signed


def test_a_run_stopped_after_signing_resumes_to_the_same_tables(tmp_path, at_the_end):
    """Killed after some batches were signed: the next run analyses and groups the rest."""
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        _insert_articles(s)
        grouping.sign_committed(s, _commit(s, list(range(7))))
    with wh.session() as s:  # the next run: the rest analysed, nothing signed ahead
        _commit(s, list(range(7, ARTICLES)))
        assert _finish(s) == at_the_end


def test_signing_weighs_the_signed_articles_words_for_the_stories_step(tmp_path):
    # Linking first weighs every signature's words (stem and rarity, cached per word);
    # signing during the analysis does it, so the stories step meets no new word.
    from pipelines.core.stories import stories as story_core

    weights = story_core._stem_and_rarity
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        _insert_articles(s)
        weights.cache_clear()
        grouping.sign_committed(s, _commit(s, list(range(ARTICLES))))
        signed = weights.cache_info()
        assert signed.currsize > 0
        steps.rebuild_entities(s)
        grouping.group_stories(s)
        assert s.count("story_links") > 0
        assert weights.cache_info().misses == signed.misses
