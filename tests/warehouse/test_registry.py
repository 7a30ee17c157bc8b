"""The table registry: everything that lists tables reads the DDL through DuckDB.

The last tests add an article-child table the way a developer would (a DDL file and
the code that fills it) and show that the writer, the analysis step, the asset specs,
the reports and the generated checks all pick it up with no other edit.
"""

from __future__ import annotations

import shutil

import pytest

from pipelines import landing, parallel, steps
from pipelines.core import ids
from pipelines.core.models import ArticleAnalysis, Quote
from pipelines.warehouse import reports, rows, schema
from pipelines.warehouse.writer import Warehouse
from tests.conftest import REPO


def test_registry_reads_keys_comments_and_children_from_duckdb():
    reg = schema.registry()
    assert list(reg)[:3] == ["ingest_files", "articles", "rejections"]  # DDL order
    assert reg["mentions"].primary_key == ("mention_id",)
    assert reg["alias_decisions"].primary_key == ("article_id", "entity_id", "alias")
    assert reg["quotes"].description.startswith("Quotations and who said them")
    assert all(c.description for t in reg.values() for c in t.columns)
    assert schema.article_child_tables() == (
        "mentions",
        "quotes",
        "entity_observations",
        "alias_decisions",
        "article_authors",
        "quote_mark_issues",
        "analysis_failures",
    )
    assert "load_batches" in reg and "load_batches" not in schema.public_tables()


def test_generated_checks_cover_every_child_and_every_key():
    orphans = reports.check_sql("orphan_children")
    for t in schema.article_child_tables():
        assert f"from {t} where" in orphans
    dupes = reports.check_sql("duplicate_keys")
    for t in schema.registry().values():
        assert f"from {t.name} group by" in dupes


NEW_TABLE = "quote_lengths"
NEW_DDL = f"""\
create table if not exists {NEW_TABLE} (
    quote_id varchar primary key,
    article_id varchar not null,
    n_chars integer not null
);
comment on table {NEW_TABLE} is 'Length of each quote (a table added by a test).';
comment on column {NEW_TABLE}.quote_id is 'quotes.quote_id.';
comment on column {NEW_TABLE}.article_id is 'articles.article_id.';
comment on column {NEW_TABLE}.n_chars is 'Characters in the quote.';
"""
BODY = "“We will open the bridge,” Mayor Ann Lee said on Tuesday.\n"


@pytest.fixture
def sql_with_new_table(tmp_path, monkeypatch):
    """A copy of sql/ plus one DDL file: the only SQL a developer writes."""
    sql = tmp_path / "sql"
    shutil.copytree(REPO / "sql", sql)
    (sql / "ddl" / f"099_{NEW_TABLE}.sql").write_text(NEW_DDL, encoding="utf-8")
    monkeypatch.setattr(schema, "SQL_DIR", sql)
    return sql


@pytest.fixture(autouse=True)
def _fake_analysis(monkeypatch):
    # The step analyses through the per-article seam; route it to the stand-in below.
    monkeypatch.setattr(
        parallel,
        "analyse_outcomes",
        lambda items, analyser, budget_s=None, batch_size=None: analyser.analyse(items),
    )


class _Analyser:
    """Stands in for spaCy: one direct quote per article (what matters is the table)."""

    version = "test-analyser"

    def analyse(self, items):
        for item in items:
            start = item.body.index("“") + 1
            end = item.body.index("”")
            quote = Quote(item.body[start:end], start, end, "direct", unattributed_reason="test")
            yield ArticleAnalysis(item.article_id, (), (), (), (quote,))


def _fill_new_table(monkeypatch):
    """The code that fills the new table: its rows beside the existing ones."""
    original = rows.analysis_rows

    def analysis_rows(result, **kw):
        out = original(result, **kw)
        out[NEW_TABLE] = [
            {
                "quote_id": q["quote_id"],
                "article_id": q["article_id"],
                "n_chars": len(q["text"]),
            }
            for q in out["quotes"]
        ]
        return out

    monkeypatch.setattr(rows, "analysis_rows", analysis_rows)


def _load(tmp_path):
    root = tmp_path / "landing"
    root.mkdir(exist_ok=True)
    (root / "a.txt").write_text(f"Bridge to reopen\n\n{BODY}", encoding="utf-8")
    return [landing.LandingRoot("landing", root)], Warehouse(tmp_path / "w.duckdb")


def test_adding_a_child_table_needs_only_the_ddl_and_the_code_that_fills_it(
    tmp_path, monkeypatch, sql_with_new_table
):
    from pipelines.defs import assets

    _fill_new_table(monkeypatch)
    # Registry, reports and asset specs see it.
    assert NEW_TABLE in schema.article_child_tables()
    assert NEW_TABLE in schema.public_tables()
    spec = next(s for s in assets.analysis_specs() if s.key.to_user_string() == NEW_TABLE)
    assert spec.description == "Length of each quote (a table added by a test)."
    cols = spec.metadata["dagster/column_schema"].columns
    assert [c.name for c in cols] == ["quote_id", "article_id", "n_chars"]

    roots, wh = _load(tmp_path)
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        steps.analyse_articles(s, _Analyser(), ids.all_shards())
        got = s.fetch(f"select n_chars from {NEW_TABLE}")
        assert got == [(len("We will open the bridge,"),)]
        assert reports.table_counts(s)[NEW_TABLE] == 1
        # Re-analysing replaces the rows by the key DuckDB knows: nothing doubles.
        before = reports.table_checksums(s)
        steps.analyse_articles(s, _Analyser(), ids.all_shards(), force=True)
        assert reports.table_checksums(s) == before
        # The generated checks watch it.
        assert reports.check_failures(s, "orphan_children") == 0
        with s.transaction("tamper") as b:
            b.execute(f"insert into {NEW_TABLE} values ('q-orphan', 'no-such-article', 3)")
        assert reports.check_failures(s, "orphan_children") == 1
        with s.transaction("untamper") as b:
            b.execute(f"delete from {NEW_TABLE} where quote_id = 'q-orphan'")
    # The article goes away with its file: its rows in the new table go with it. (A root
    # left empty reads as an unmounted share, so a README stays, as the README says.)
    (roots[0].path / "README.md").write_text("Landing folder.\n", encoding="utf-8")
    (roots[0].path / "a.txt").unlink()
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        assert s.count("articles") == 0
        assert s.count(NEW_TABLE) == 0


def test_a_child_table_nobody_fills_fails_loudly(tmp_path, sql_with_new_table):
    roots, wh = _load(tmp_path)
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        with pytest.raises(RuntimeError, match=NEW_TABLE):
            steps.analyse_articles(s, _Analyser(), ids.all_shards())
