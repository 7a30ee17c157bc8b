"""The Definitions load, and the asset graph is the reviewed snapshot (``make snapshot``)."""

from __future__ import annotations

import json

import dagster as dg

from pipelines.definitions import defs
from pipelines.warehouse import schema
from tests.defs.snapshot import SNAPSHOT, asset_graph_snapshot, render

EXPECTED_ASSETS = set(json.loads(SNAPSHOT.read_text(encoding="utf-8")))
PUBLISHED = "published_warehouse"
FILE_ASSETS = {"report"}  # report.html beside the warehouse, not a table


def test_asset_graph_matches_the_reviewed_snapshot():
    current = asset_graph_snapshot()
    assert render(current) == SNAPSHOT.read_text(encoding="utf-8"), (
        "the asset graph changed: run `make snapshot` and review the diff of "
        f"{SNAPSHOT.relative_to(SNAPSHOT.parents[2])}"
    )


def test_definitions_load_and_asset_keys_are_table_names():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == EXPECTED_ASSETS
    # Every public table of the DDL is an asset, and so are the published warehouse and
    # the report.
    assert keys == set(schema.public_tables()) | {PUBLISHED} | FILE_ASSETS
    assert defs.resolve_job_def("refresh_warehouse") is not None
    assert {s.name for s in defs.schedules} == {"daily_refresh"}
    assert {s.name for s in defs.sensors} == {"landing_zone_sensor"}


def test_table_metadata_comes_from_the_ddl():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        if key.to_user_string() == PUBLISHED or key.to_user_string() in FILE_ASSETS:
            continue  # not a table: the catalog of every table (test_published_warehouse_*)
        node = graph.get(key)
        table = schema.table(key.to_user_string())
        assert node.description == table.description and table.description
        assert node.code_version, key
        assert node.owners and node.kinds, key
        cols = node.metadata["dagster/column_schema"].columns
        assert [c.name for c in cols] == list(table.column_names)
        assert all(c.description for c in cols), f"{key}: a column without COMMENT ON"
        assert node.metadata["dagster/table_name"] == f"main.{table.name}"


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


def test_published_warehouse_runs_after_every_other_asset():
    graph = defs.resolve_asset_graph()
    node = graph.get(dg.AssetKey(PUBLISHED))
    # The report draws the published file, so it alone comes after.
    others = {
        k
        for k in graph.get_all_asset_keys()
        if k.to_user_string() != PUBLISHED and k.to_user_string() not in FILE_ASSETS
    }
    assert set(node.parent_keys) == others
    assert node.pools == {"duckdb"} or node.pools == frozenset({"duckdb"})


def test_report_runs_after_every_table_it_draws():
    from pipelines.report import CHARTS

    graph = defs.resolve_asset_graph()
    report = graph.get(
        next(k for k in graph.get_all_asset_keys() if k.to_user_string() == "report")
    )
    deps = {k.to_user_string() for k in report.parent_keys}
    assert {t for spec in CHARTS for t in spec.needs} <= deps
