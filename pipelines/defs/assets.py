"""Assets: one per warehouse table (asset key = table name), each a thin wrapper.

Partitioning: ``articles`` and the analysis tables are partitioned into 16 static
shards by the content hash of the source file. A fixed shard count keeps the UI,
Dagster's event log and the partition status small at any corpus size (100k files
is ~6k files a shard; runs are incremental, and a forced re-run of one shard takes
about ten minutes), identical content always falls in one shard, and a shard's rows
are a pure function of the landing zone, so re-materialising one shard replaces
exactly its rows. Assets use a single-run backfill policy: a backfill of many
shards is one run, not one run per shard. (64 shards made every run write four
times as many partition events: +30 s per run on a SQLite Dagster instance.)
"""

# No "from __future__ import annotations" here: Dagster inspects annotations at runtime.

import warnings

import dagster as dg

from pipelines import steps
from pipelines.core import ids
from pipelines.core.versions import analysis_code_version, parser_version
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.warehouse import reports
from pipelines.warehouse.writer import ARTICLE_CHILD_TABLES

# BackfillPolicy is marked beta; a single-run backfill is exactly what we want here.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

SHARDS = dg.StaticPartitionsDefinition(ids.all_shards())
POOL = "duckdb"  # every writing step runs alone against the DuckDB file
# One asset per article-child table the analysis step writes (the writer's list).
ANALYSIS_TABLES = ARTICLE_CHILD_TABLES
ANALYSIS_DESCRIPTIONS = {
    "mentions": "Each occurrence of a resolved entity in an article body.",
    "quotes": "Direct and partial quotes with their resolved speakers.",
    "entity_observations": "Per-article names of each entity (input to entities).",
    "alias_decisions": "Audit trail: which rule linked each surface form to its entity.",
    "article_authors": "Bylined authors resolved to PERSON entities.",
    "quote_mark_issues": "Quote marks that could not be paired, and why.",
}


class ReloadConfig(dg.Config):
    """Run config for partitioned steps."""

    force: bool = False
    """Redo every file/article of the selected shards even if its version is current."""


def _md(session: reports.Session, name: str) -> dg.MetadataValue:
    return dg.MetadataValue.md(reports.preview(session, name))


@dg.asset(
    group_name="ingest",
    pool=POOL,
    code_version=parser_version(),
    description="Every file ever seen in the landing zone and its status (loaded, duplicate, "
    "quarantined, removed, pending).",
)
def ingest_files(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> dg.MaterializeResult:
    with warehouse.open(context.log).session() as session:
        stats = steps.scan_landing(
            session, landing_zone.roots(), max_file_bytes=landing_zone.max_file_bytes
        )
        rows = session.count("ingest_files")
        preview = _md(session, "ingest_files")
        pending = steps.pending_shards(session)
    counts = stats.as_dict()
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            **{f"files_{k}": v for k, v in counts.items()},
            "pending_shards": len(pending),
            "preview": preview,
        }
    )


@dg.asset(
    group_name="ingest",
    pool=POOL,
    deps=[ingest_files],
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
    code_version=parser_version(),
    description="Parsed articles (one row per distinct article); byline, outlet and dates "
    "split from the body.",
)
def articles(
    context: dg.AssetExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> dg.MaterializeResult:
    from pipelines.core.parse import ParseLimits

    shards = context.partition_keys
    limits = ParseLimits(max_file_bytes=landing_zone.max_file_bytes)
    with warehouse.open(context.log).session() as session:
        stats = steps.load_articles(
            session, landing_zone.roots(), shards, limits=limits, force=config.force
        )
        rows = session.count("articles")
        preview = _md(session, "articles")
    counts = stats.as_dict()
    context.log.info(f"articles over {len(shards)} shard(s): {counts}")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            "shards": len(shards),
            **counts,
            "parser_version": parser_version(),
            "preview": preview,
        }
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            t,
            group_name="nlp",
            deps=[articles],
            partitions_def=SHARDS,
            code_version=analysis_code_version(),
            description=ANALYSIS_DESCRIPTIONS[t],
        )
        for t in ANALYSIS_TABLES
    ],
    pool=POOL,
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def analysis(
    context: dg.AssetExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    nlp: NlpResource,
):  # type: ignore[no-untyped-def]
    """SpaCy + entity resolution + quote extraction over the shards' pending articles."""
    shards = context.partition_keys
    analyser = nlp.analyser()

    def progress(done: int, total: int) -> None:
        context.log.info(f"analysed {done}/{total} articles")

    with warehouse.open(context.log).session() as session:
        stats = steps.analyse_articles(
            session, analyser, shards, force=config.force, progress=progress
        )
        counts = {t: session.count(t) for t in ANALYSIS_TABLES}
        quotes_md = _md(session, "quotes")
        mentions_md = _md(session, "mentions")
    run_counts = stats.as_dict()
    for table in ANALYSIS_TABLES:
        meta: dict[str, object] = {
            "dagster/row_count": counts[table],
            "articles_analysed": run_counts.get("articles_analysed", 0),
            "analyser_version": analyser.version,
            "spacy_model": nlp.model,
            "resolver_data_version": analyser.resolver.data_version,
        }
        if table == "quotes":
            meta["new_rows_this_run"] = run_counts.get("quotes", 0)
            meta["latest_quotes"] = quotes_md
        if table == "mentions":
            meta["new_rows_this_run"] = run_counts.get("mentions", 0)
            meta["top_entities"] = mentions_md
        yield dg.MaterializeResult(asset_key=table, metadata=meta)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "entities",
            group_name="warehouse",
            deps=list(ANALYSIS_TABLES),
            description="One row per real-world entity with its canonical name and counts.",
        ),
        dg.AssetSpec(
            "entity_aliases",
            group_name="warehouse",
            deps=["alias_decisions"],
            description="Every surface form that resolved to each entity, with the rules.",
        ),
    ],
    pool=POOL,
)
def entity_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource):  # type: ignore[no-untyped-def]
    """Derive entities and entity_aliases from the per-article rows (deterministic)."""
    with warehouse.open(context.log).session() as session:
        steps.rebuild_entities(session)
        counts = {t: session.count(t) for t in ("entities", "entity_aliases")}
        previews = {t: _md(session, t) for t in ("entities", "entity_aliases")}
    for table in ("entities", "entity_aliases"):
        yield dg.MaterializeResult(
            asset_key=table,
            metadata={"dagster/row_count": counts[table], "preview": previews[table]},
        )
