"""bench-publish clones a warehouse under new ids: every cloned key must change."""

from __future__ import annotations

from pipelines.tools.bench_publish import _ID_COLUMNS, CLONED_TABLES
from pipelines.warehouse.schema import bucketed_tables, table


def test_every_cloned_table_has_a_renamed_column_in_its_primary_key():
    # A clone that keeps a whole primary key collides with its original (as
    # statement_signatures' rendering_id once did).
    for name in (*bucketed_tables(), *CLONED_TABLES):
        key = table(name).primary_key
        assert set(key) & set(_ID_COLUMNS), (name, key)
