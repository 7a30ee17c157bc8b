"""Asset checks. Blocking where a downstream step would otherwise build on bad rows.

SQL checks run queries from ``sql/checks/`` that return the offending rows; a check
passes when every one of its queries returns none.
"""

import dagster as dg

from pipelines import landing
from pipelines.defs.assets import POOL
from pipelines.defs.resources import LandingResource, WarehouseResource
from pipelines.defs.runner import WRITER_TAGS, mark_step_process
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


def sql_check(
    name: str, asset: str, queries: tuple[tuple[str, str], ...], description: str
) -> dg.AssetChecksDefinition:
    """A blocking check that fails on the first query returning rows.

    ``queries`` pairs a check query (``sql/checks/<name>.sql`` or a generated one, see
    ``reports.check_sql``) with what one of its rows means (``"quotes with bad offsets"``).
    """

    @dg.asset_check(
        name=name,
        asset=asset,
        blocking=True,
        pool=POOL,
        op_tags=WRITER_TAGS,
        description=description,
    )
    def _check(
        context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
    ) -> dg.AssetCheckResult:
        mark_step_process(context)
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
    op_tags=WRITER_TAGS,
    description="Every file now in the landing zone has a row in ingest_files (files that "
    "landed after the scan wait for the next run; an unlistable folder fails the check).",
)
def every_landed_file_accounted(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> dg.AssetCheckResult:
    import datetime as dt

    mark_step_process(context)

    with warehouse.open(context.log).session() as session:
        known = {
            r[0]
            for r in session.fetch("select source_file from ingest_files where status <> 'removed'")
        }
        # When the latest scan began (its transaction records the scan's time).
        scanned_at = session.fetch(
            "select max(started_at) from load_batches where step = 'ingest'"
        )[0][0]
    try:
        listed = landing.list_entries(landing_zone.roots())  # names and times: nothing is read
    except landing.LandingUnavailable as exc:
        return dg.AssetCheckResult(
            passed=False, severity=dg.AssetCheckSeverity.ERROR, description=str(exc)
        )
    # A file is late when it changed (landed, was renamed in) after the scan began:
    # the next run picks it up, so it does not fail this one.
    cutoff = (
        int(scanned_at.replace(tzinfo=dt.UTC).timestamp() * 1e9) if scanned_at is not None else 0
    )
    missing, late = [], []
    for f in listed.files:
        if f.source_file in known:
            continue
        (late if f.mtime_ns is not None and f.mtime_ns >= cutoff else missing).append(f.source_file)
    blind = [f"{name} ({why})" for name, why in listed.unreadable]
    passed = not missing and not blind
    if blind:
        description = f"{len(blind)} landing folder(s) cannot be listed: " + "; ".join(blind[:5])
    elif missing:
        description = f"{len(missing)} landed files have no ingest_files row"
    else:
        description = f"all {len(listed.files) - len(late)} landed files accounted for" + (
            f"; {len(late)} arrived after the scan and wait for the next run" if late else ""
        )
    return dg.AssetCheckResult(
        passed=passed,
        severity=dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata={
            "missing": len(missing),
            "late_arrivals": len(late),
            "unlistable_folders": len(blind),
            "examples": ", ".join((missing or late)[:5]),
        },
    )


@dg.asset_check(
    asset="analysis_failures",
    blocking=False,
    pool=POOL,
    op_tags=WRITER_TAGS,
    description="No article failed analysis (a warning: the run goes on without them).",
)
def no_failed_articles(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> dg.AssetCheckResult:
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        failed = session.count("analysis_failures")
        examples = reports.check_examples(session, "analysis_failures") if failed else ""
    return dg.AssetCheckResult(
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{failed} article(s) failed analysis; see table analysis_failures and retry "
            "with `python -m pipelines retry-failures`"
            if failed
            else "every article analysed"
        ),
        metadata={"failed_articles": failed, "examples": dg.MetadataValue.md(examples)},
    )


ALL_CHECKS = [
    every_landed_file_accounted,
    no_failed_articles,
    *(sql_check(*spec) for spec in SQL_CHECKS),
]
