"""Asset checks. Blocking where a downstream step would otherwise build on bad rows.

Each check runs a query from ``sql/checks/`` that returns the offending rows.
"""

import dagster as dg

from pipelines import landing
from pipelines.defs.resources import LandingResource, WarehouseResource
from pipelines.warehouse import reports

POOL = "duckdb"


def _sql_check(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, name: str, what: str
) -> dg.AssetCheckResult:
    with warehouse.open(context.log).session() as session:
        bad = reports.check_failures(session, name)
        examples = reports.check_examples(session, name) if bad else ""
    meta: dict[str, object] = {"failing_rows": bad}
    if bad:
        meta["examples"] = dg.MetadataValue.md(examples)
    return dg.AssetCheckResult(
        passed=bad == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        description=f"{bad} {what}" if bad else f"no {what}",
        metadata=meta,
    )


@dg.asset_check(
    asset="ingest_files",
    blocking=True,
    pool=POOL,
    description="Every file now in the landing zone has a row in ingest_files.",
)
def every_landed_file_accounted(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> dg.AssetCheckResult:
    with warehouse.open(context.log).session() as session:
        known = {
            r[0]
            for r in session.fetch("select source_file from ingest_files where status <> 'removed'")
        }
    on_disk = set(landing.list_names(landing_zone.roots()))  # names only: nothing is read
    missing = sorted(on_disk - known)
    return dg.AssetCheckResult(
        passed=not missing,
        severity=dg.AssetCheckSeverity.ERROR,
        description=f"{len(missing)} landed files have no ingest_files row"
        if missing
        else f"all {len(on_disk)} landed files accounted for",
        metadata={"missing": len(missing), "examples": ", ".join(missing[:5])},
    )


@dg.asset_check(
    asset="articles",
    blocking=True,
    pool=POOL,
    description="Primary keys unique; every loaded file has its articles.",
)
def articles_keys_and_files(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    dup = _sql_check(context, warehouse, "duplicate_keys", "duplicate primary keys")
    if not dup.passed:
        return dup
    return _sql_check(context, warehouse, "unaccounted_files", "files in an inconsistent state")


@dg.asset_check(
    asset="mentions",
    blocking=True,
    pool=POOL,
    description="Mention offsets lie inside the body and spell the surface.",
)
def mention_offsets_in_body(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    return _sql_check(context, warehouse, "mention_offsets", "mentions with bad offsets")


@dg.asset_check(
    asset="quotes",
    blocking=True,
    pool=POOL,
    description="Quote offsets lie inside the body and spell the quote text.",
)
def quote_offsets_in_body(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    return _sql_check(context, warehouse, "quote_offsets", "quotes with bad offsets")


@dg.asset_check(
    asset="quotes",
    blocking=True,
    pool=POOL,
    description="Every quote has a speaker entity or a recorded reason.",
)
def quotes_have_speaker_or_reason(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    return _sql_check(
        context, warehouse, "quotes_without_reason", "quotes with neither speaker nor reason"
    )


@dg.asset_check(
    asset="entities",
    blocking=True,
    pool=POOL,
    description="Every mention, quote speaker and author points at an existing "
    "entity, and no child row outlives its article.",
)
def entity_references_resolve(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    res = _sql_check(context, warehouse, "dangling_entities", "dangling entity references")
    if not res.passed:
        return res
    return _sql_check(context, warehouse, "orphan_children", "child rows without an article")
