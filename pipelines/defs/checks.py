"""Asset checks. Blocking where a downstream step would otherwise build on bad rows.

SQL checks run queries from ``sql/checks/`` that return the offending rows; a check
passes when every one of its queries returns none.
"""

import dagster as dg

from pipelines import landing
from pipelines.defs.assets import POOL
from pipelines.defs.resources import LandingResource, WarehouseResource
from pipelines.warehouse import reports

# (check name, asset, check queries (sql/checks/ or generated from the table registry,
# see reports.check_sql) with what a failing row means, description)
SQL_CHECKS: tuple[tuple[str, str, tuple[tuple[str, str], ...], str], ...] = (
    (
        "articles_keys_and_files",
        "articles",
        (
            ("duplicate_keys", "duplicate primary keys"),
            ("unaccounted_files", "files in an inconsistent state"),
        ),
        "Primary keys unique; every loaded file has its articles.",
    ),
    (
        "mention_offsets_in_body",
        "mentions",
        (("mention_offsets", "mentions with bad offsets"),),
        "Mention offsets lie inside the body and spell the surface.",
    ),
    (
        "quote_offsets_in_body",
        "quotes",
        (("quote_offsets", "quotes with bad offsets"),),
        "Quote offsets lie inside the body and spell the quote text.",
    ),
    (
        "quotes_have_speaker_or_reason",
        "quotes",
        (("quotes_without_reason", "quotes with neither speaker nor reason"),),
        "Every quote has a speaker entity or a recorded reason.",
    ),
    (
        "entity_references_resolve",
        "entities",
        (
            ("dangling_entities", "dangling entity references"),
            ("orphan_children", "child rows without an article"),
        ),
        (
            "Every mention, quote speaker and author points at an existing entity, and no "
            "child row outlives its article."
        ),
    ),
)


def _sql_check(
    name: str, asset: str, queries: tuple[tuple[str, str], ...], description: str
) -> dg.AssetChecksDefinition:
    @dg.asset_check(name=name, asset=asset, blocking=True, pool=POOL, description=description)
    def _check(
        context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
    ) -> dg.AssetCheckResult:
        with warehouse.open(context.log).session() as session:
            for query, what in queries:
                bad = reports.check_failures(session, query)
                if bad:
                    return dg.AssetCheckResult(
                        passed=False,
                        severity=dg.AssetCheckSeverity.ERROR,
                        description=f"{bad} {what}",
                        metadata={
                            "failing_rows": bad,
                            "examples": dg.MetadataValue.md(reports.check_examples(session, query)),
                        },
                    )
        return dg.AssetCheckResult(
            passed=True,
            description="no " + ", no ".join(what for _, what in queries),
            metadata={"failing_rows": 0},
        )

    return _check


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


ALL_CHECKS = [every_landed_file_accounted, *(_sql_check(*spec) for spec in SQL_CHECKS)]
