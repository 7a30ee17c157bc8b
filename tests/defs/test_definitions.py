"""The Definitions load, and the asset graph is what the README promises."""

from __future__ import annotations

from pipelines.definitions import defs

EXPECTED_ASSETS = {
    "ingest_files",
    "articles",
    "mentions",
    "quotes",
    "entity_observations",
    "alias_decisions",
    "article_authors",
    "entities",
    "entity_aliases",
    "quote_mark_issues",
    "stories",
    "statements",
}


def test_definitions_load_and_asset_keys_are_table_names():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == EXPECTED_ASSETS
    assert defs.resolve_job_def("refresh_warehouse") is not None
    assert {s.name for s in defs.schedules} == {"daily_refresh"}
    assert {s.name for s in defs.sensors} == {"landing_zone_sensor"}


def test_every_asset_table_exists_in_the_ddl():
    from pipelines.warehouse.schema import SQL_DIR

    ddl = " ".join(p.read_text() for p in (SQL_DIR / "ddl").glob("*.sql"))
    for table in EXPECTED_ASSETS:
        assert f"create table if not exists {table} (" in ddl


def test_writing_assets_share_the_duckdb_pool():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.pools == {"duckdb"} or node.pools == frozenset({"duckdb"}), key


def test_blocking_checks_cover_the_promises():
    checks = {c.name for c in defs.resolve_asset_graph().asset_check_keys}
    assert {
        "every_landed_file_accounted",
        "articles_keys_and_files",
        "mention_offsets_in_body",
        "quote_offsets_in_body",
        "quotes_have_speaker_or_reason",
        "entity_references_resolve",
        "every_article_has_a_story",
        "every_quote_has_a_statement",
        "statements_have_one_speaker",
    } <= checks
