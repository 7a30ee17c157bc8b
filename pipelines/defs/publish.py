"""The last asset of every run: publish the checked warehouse for analysts."""

# No "from __future__ import annotations" here: Dagster inspects annotations at runtime.

from collections.abc import Sequence

import dagster as dg

from pipelines.defs.assets import OWNERS, POOL
from pipelines.defs.report import draw_ahead
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.runner import WRITER_TAGS
from pipelines.warehouse.publish import PUBLISHER_VERSION
from pipelines.warehouse.schema import schema_version


def published_warehouse_asset(
    upstream: Sequence[dg.AssetsDefinition | dg.SourceAsset | dg.AssetSpec],
) -> dg.AssetsDefinition:
    """The ``published_warehouse`` asset, downstream of every asset in ``upstream``.

    Depending on every table asset puts it after their blocking checks too: when a
    check fails, Dagster skips it, and analysts keep the last checked publish.
    """
    keys = sorted(
        {k for a in upstream if isinstance(a, dg.AssetsDefinition) for k in a.keys},
        key=lambda k: k.to_user_string(),
    )

    @dg.asset(
        group_name="warehouse",
        pool=POOL,
        op_tags=WRITER_TAGS,
        deps=keys,
        kinds={"duckdb", "parquet"},
        owners=OWNERS,
        code_version=f"{schema_version()}-p{PUBLISHER_VERSION}",
        description="What analysts open: data/warehouse.duckdb, a small catalog (DuckDB 1.1+ "
        "format) of commented views over Parquet files, the analyst views and the search "
        "macros. Runs last, after every blocking check, so analysts only see checked data; "
        "rewrites only the buckets this run changed and fails if the published file does "
        "not open.",
    )
    def published_warehouse(
        context: dg.AssetExecutionContext, warehouse: WarehouseResource
    ) -> dg.MaterializeResult:
        # The report is drawn from the working copy while the files are written.
        report = warehouse.open(context.log).publish(draw_ahead(context, warehouse.path))
        if report.noop:
            context.log.info("published warehouse: nothing changed; it opens and answers")
        summary = (
            f"generation {report.generation}: nothing changed"
            if report.noop
            else f"generation {report.generation}: {report.files_written:,} files written "
            f"({report.bytes_written / 1e3:,.0f} kB)"
        )
        return dg.MaterializeResult(
            metadata={
                "summary": summary,  # the stage line of `python -m pipelines run`
                "catalog": dg.MetadataValue.path(str(report.catalog)),
                "generation": report.generation,
                "nothing_to_publish": report.noop,
                "buckets_rewritten": report.buckets,
                "files_written": report.files_written,
                "bytes_written": report.bytes_written,
                "relations_rewritten": ", ".join(report.relations_rewritten) or "-",
                "old_files_removed": report.files_removed,
                "seconds": round(report.seconds, 3),
                "warnings": "\n".join(report.warnings) or "-",
            }
        )

    return published_warehouse
