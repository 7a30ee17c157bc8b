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
from collections.abc import Iterable, Iterator

import dagster as dg

from pipelines import steps
from pipelines.core import ids
from pipelines.core.versions import analysis_code_version, parser_version
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.defs.run_logger import log_progress
from pipelines.defs.runner import mark_step_process
from pipelines.progress import Progress
from pipelines.warehouse import reports, schema

# BackfillPolicy is marked beta; a single-run backfill is exactly what we want here.
warnings.filterwarnings("ignore", category=dg.BetaWarning)

SHARDS = dg.StaticPartitionsDefinition(ids.all_shards())
POOL = "duckdb"  # every writing step runs alone against the DuckDB file
OWNERS = ["team:news_warehouse"]


def table_metadata(name: str) -> dict[str, object]:
    """``dagster/table_name`` and ``dagster/column_schema`` from the DDL (its comments)."""
    t = schema.table(name)
    single_key = t.primary_key if len(t.primary_key) == 1 else ()
    columns = [
        dg.TableColumn(
            c.name,
            c.data_type,
            description=c.description or None,
            constraints=dg.TableColumnConstraints(nullable=c.nullable, unique=c.name in single_key),
        )
        for c in t.columns
    ]
    constraints = dg.TableConstraints(other=[f"primary key ({', '.join(t.primary_key)})"])
    return {
        "dagster/table_name": f"main.{name}",
        "dagster/column_schema": dg.TableSchema(columns=columns, constraints=constraints),
    }


def table_spec(
    name: str,
    *,
    group: str,
    kinds: set[str],
    code_version: str,
    deps: Iterable[str] = (),
    partitioned: bool = False,
) -> dg.AssetSpec:
    """The asset of one warehouse table: key = table name, description = its COMMENT ON."""
    return dg.AssetSpec(
        name,
        group_name=group,
        description=schema.table(name).description,
        deps=list(deps),
        kinds=kinds,
        owners=OWNERS,
        code_version=code_version,
        partitions_def=SHARDS if partitioned else None,
        metadata=table_metadata(name),
    )


def analysis_specs() -> list[dg.AssetSpec]:
    """One asset per article-child table of the DDL: the analysis step fills them all."""
    return [
        table_spec(
            t,
            group="nlp",
            kinds={"spacy", "python", "duckdb"},
            code_version=analysis_code_version(),
            deps=["articles"],
            partitioned=True,
        )
        for t in schema.article_child_tables()
    ]


class ReloadConfig(dg.Config):
    """Run config for partitioned steps."""

    force: bool = False
    """Redo every file/article of the selected shards even if its version is current."""


def _md(session: reports.Session, name: str) -> dg.MetadataValue:
    return dg.MetadataValue.md(reports.preview(session, name))


@dg.multi_asset(
    name="ingest_files",
    specs=[
        table_spec(
            "ingest_files",
            group="ingest",
            kinds={"python", "duckdb"},
            code_version=parser_version(),
        )
    ],
    pool=POOL,
)
def ingest_files(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> dg.MaterializeResult:
    mark_step_process(context)
    with warehouse.open(context.log).session() as session, landing_zone.hash_cache() as cache:
        stats = steps.scan_landing(
            session, landing_zone.roots(), max_file_bytes=landing_zone.max_file_bytes, cache=cache
        )
        rows = session.count("ingest_files")
        preview = _md(session, "ingest_files")
        pending = steps.pending_shards(session)
    counts = stats.as_dict()
    summary = (
        f"{counts.get('files_total', 0):,} files: {counts.get('new', 0):,} new, "
        f"{counts.get('changed', 0):,} changed, {counts.get('removed', 0):,} removed, "
        f"{counts.get('quarantined', 0):,} quarantined"
    )
    return dg.MaterializeResult(
        metadata={
            "summary": summary,
            "dagster/row_count": rows,
            **{f"files_{k}": v for k, v in counts.items()},
            "pending_shards": len(pending),
            "preview": preview,
        }
    )


@dg.multi_asset(
    name="articles",
    specs=[
        table_spec(
            t,
            group="ingest",
            kinds={"python", "duckdb"},
            code_version=parser_version(),
            deps=["ingest_files"],
            partitioned=True,
        )
        for t in ("articles", "rejections")
    ],
    pool=POOL,
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def articles(
    context: dg.AssetExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
) -> Iterator[dg.MaterializeResult]:
    """Parse the shards' pending files into articles, and rejections for what cannot be."""
    from pipelines.core.parse import ParseLimits

    shards = context.partition_keys
    limits = ParseLimits(max_file_bytes=landing_zone.max_file_bytes)
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        stats = steps.load_articles(
            session, landing_zone.roots(), shards, limits=limits, force=config.force
        )
        rows = {t: session.count(t) for t in ("articles", "rejections")}
        preview = _md(session, "articles")
    counts = stats.as_dict()
    context.log.info(f"articles over {len(shards)} shard(s): {counts}")
    summary = (
        f"{counts.get('parsed_files', 0):,} files parsed: "
        f"{counts.get('articles_written', 0):,} articles written, "
        f"{counts.get('articles_deleted', 0):,} removed, "
        f"{counts.get('rejections', 0):,} records rejected; {rows['articles']:,} articles in all"
    )
    yield dg.MaterializeResult(
        asset_key="articles",
        metadata={
            "summary": summary,
            "dagster/row_count": rows["articles"],
            "shards": len(shards),
            **counts,
            "parser_version": parser_version(),
            "preview": preview,
        },
    )
    yield dg.MaterializeResult(
        asset_key="rejections",
        metadata={
            "summary": summary,
            "dagster/row_count": rows["rejections"],
            "new_rows_this_run": counts.get("rejections", 0),
        },
    )


@dg.multi_asset(
    name="analysis",
    specs=analysis_specs(),
    pool=POOL,
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def analysis(
    context: dg.AssetExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    nlp: NlpResource,
) -> Iterator[dg.MaterializeResult]:
    """SpaCy + entity resolution + quote extraction over the shards' pending articles.

    Runs on ``nlp.workers`` processes. When nothing is pending the model is never
    loaded: a run with nothing new costs a query, not the seconds spaCy takes to load.
    """
    shards = context.partition_keys
    tables = schema.article_child_tables()
    spec = nlp.spec()
    version = spec.version()
    last: list[Progress] = []

    def progress(p: Progress) -> None:
        last.append(p)
        log_progress(context.log, p.line(), p.done, p.total, p.unit)

    mark_step_process(context)

    with warehouse.open(context.log).session() as session:
        pending = steps.count_pending_analysis(session, shards, version, force=config.force)
        if pending:
            pool = nlp.pool(pending)
            context.log.info(f"analysing {pending} article(s) on {pool.workers} process(es)")
            stats = steps.analyse_articles(
                session,
                pool,
                shards,
                force=config.force,
                progress=progress,
                budget_s=nlp.article_budget_s,
            )
        else:
            stats = steps.StepStats()
        counts = {t: session.count(t) for t in tables}
        quotes_md = _md(session, "quotes")
        mentions_md = _md(session, "mentions")
    run_counts = stats.as_dict()
    summary = (
        f"{run_counts.get('articles_analysed', 0):,} articles analysed: "
        f"{run_counts.get('mentions', 0):,} mentions, {run_counts.get('quotes', 0):,} quotes"
    )
    for table in tables:
        meta: dict[str, object] = {
            "summary": summary,
            "dagster/row_count": counts[table],
            "articles_analysed": run_counts.get("articles_analysed", 0),
            "analyser_version": version,
            "articles_failed_this_run": run_counts.get("failed_articles", 0),
            "spacy_model": nlp.model,
            "resolver_data_version": spec.resolver_data_version(),
            "workers": nlp.workers,
            **(last[-1].as_metadata() if last else {}),
        }
        if table == "quotes":
            meta["new_rows_this_run"] = run_counts.get("quotes", 0)
            meta["latest_quotes"] = quotes_md
        if table == "mentions":
            meta["new_rows_this_run"] = run_counts.get("mentions", 0)
            meta["top_entities"] = mentions_md
        yield dg.MaterializeResult(asset_key=table, metadata=meta)


ENTITY_TABLES = ("entities", "entity_aliases")


@dg.multi_asset(
    name="entity_tables",
    specs=[
        table_spec(
            "entities",
            group="warehouse",
            kinds={"duckdb"},
            code_version=schema.sql_version("dml", "rebuild_entities"),
            deps=schema.article_child_tables(),
        ),
        table_spec(
            "entity_aliases",
            group="warehouse",
            kinds={"duckdb"},
            code_version=schema.sql_version("dml", "rebuild_entities"),
            deps=["alias_decisions"],
        ),
    ],
    pool=POOL,
)
def entity_tables(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Derive entities and entity_aliases from the per-article rows (deterministic SQL)."""
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        steps.rebuild_entities(session)
        counts = {t: session.count(t) for t in ENTITY_TABLES}
        previews = {t: _md(session, t) for t in ENTITY_TABLES}
    summary = f"{counts['entities']:,} entities, {counts['entity_aliases']:,} aliases"
    for table in ENTITY_TABLES:
        yield dg.MaterializeResult(
            asset_key=table,
            metadata={
                "summary": summary,
                "dagster/row_count": counts[table],
                "preview": previews[table],
            },
        )
