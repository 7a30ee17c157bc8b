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

import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines import grouping, steps
from pipelines.core import ids
from pipelines.core.versions import analysis_code_version, parser_version
from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
from pipelines.defs.run_logger import log_expected, log_progress
from pipelines.defs.runner import WRITER_TAGS, mark_step_process, mark_worker, shares_run_process
from pipelines.parallel import AnalysisPool, ChunkSource
from pipelines.progress import Progress, ProgressMeter
from pipelines.warehouse import reports, schema, stage

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
    op_tags=WRITER_TAGS,
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


def _op_name(shard: str) -> str:
    """``shard-0a`` -> ``0a`` (op names allow letters, digits and underscores only)."""
    return shard.rsplit("-", 1)[-1]


def _run_stage(context: dg.OpExecutionContext, warehouse: WarehouseResource) -> stage.RunStage:
    return warehouse.stage(context.run_id)


def _live(instance: dg.DagsterInstance) -> Callable[[str], bool]:
    """Whether a stage folder's run may still be writing it (then it is left alone)."""

    def live(run_id: str) -> bool:
        run = instance.get_run_by_id(run_id)
        return run is not None and run.status in _UNFINISHED

    return live


_UNFINISHED = (
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
)


# ------------------------------------------------- staged assets: plan -> shards -> load
# ``articles`` and ``analysis`` are each a plan step (the writer lists the work per shard
# into the stage), one step per shard (any worker) and a load step (the writer merges
# what the shards staged). The plan step yields ``todo_NN`` only for a shard with work,
# so in-process Dagster skips the others: a run with nothing new runs no per-shard step
# (a skipped step records one event and runs nothing). ``planned`` always comes, and the
# load step's one fan-in input reads it with every shard's output, so the load runs
# whenever the plan did (a fan-in input is skipped only when all its sources are).
# dagster-dask submits every step of the plan up front, so on a cluster the empty shards'
# steps still run and find no todo file.
PLANNED = "planned"


def _todo_output(shard: str) -> str:
    return f"todo_{_op_name(shard)}"


def plan_outs() -> dict[str, dg.Out]:
    """A plan step's outputs: ``planned``, and ``todo_NN`` for the shards with work."""
    return {
        PLANNED: dg.Out(dg.Nothing),
        **{_todo_output(s): dg.Out(dg.Nothing, is_required=False) for s in ids.all_shards()},
    }


def plan_results(shards_with_work: Iterable[str]) -> Iterator[dg.Output[None]]:
    """What a plan step yields once its todo files are written."""
    for shard in sorted(shards_with_work):
        yield dg.Output(None, _todo_output(shard))
    yield dg.Output(None, PLANNED)


def wire_staged(
    upstream: Any,
    plan: dg.OpDefinition,
    shard_op: Callable[[str], dg.OpDefinition],
    load: dg.OpDefinition,
    outputs: Sequence[str],
) -> dict[str, Any]:
    """Compose plan -> per-shard steps -> load inside a graph-backed asset."""
    planned = plan.alias("plan")(upstream)
    done = [shard_op(s)(getattr(planned, _todo_output(s))) for s in ids.all_shards()]
    loaded = load.alias("load")(staged=[getattr(planned, PLANNED), *done])
    return dict(zip(outputs, loaded, strict=True))


# ---------------------------------------------------------------- articles
@dg.op(
    name="articles_plan",
    ins={"ingested": dg.In(dg.Nothing)},
    out=plan_outs(),
    pool=POOL,
    tags=WRITER_TAGS,
    description="List the shards' files to parse into the Parquet stage (one file per shard).",
)
def articles_plan(
    context: dg.OpExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    nlp: NlpResource,
) -> Iterator[dg.Output[None]]:
    mark_step_process(context)
    wh = warehouse.open(context.log)
    run_stage = _run_stage(context, warehouse)
    # Parsing is cheap next to analysis: a dead run's staged parse outcomes are dropped,
    # not reused (its analysis batches are reused by the analysis plan).
    for old in stage.leftover_runs(run_stage.root, _live(context.instance)):
        if old.run_id != context.run_id:
            old.remove("parse")
    with wh.session() as session:
        todo = steps.files_to_parse(session, context.partition_keys, force=config.force)
        # Start the analysis workers now when the run will have much to analyse, so they
        # import spaCy and load the model and the gazetteer while the files are parsed
        # (only where the later steps share this process, and so the pool). The files are
        # an estimate of the articles to come (one each, most often).
        if shares_run_process(context):
            nlp.start_workers(
                sum(map(len, todo.values()))
                + steps.count_pending_analysis(
                    session, context.partition_keys, nlp.spec().version(), force=config.force
                )
            )
    for shard, files in todo.items():
        run_stage.write_parse_todo(shard, files)
    context.log.info(f"{sum(map(len, todo.values())):,} file(s) to parse in {len(todo)} shard(s)")
    yield from plan_results(todo)


# The per-shard steps share one shell: find the shard's todo file in the run's stage,
# return at once when there is none, say where the step runs, then run the body.
ShardBody = Callable[[dg.OpExecutionContext, stage.RunStage, str, Path], None]


def shard_op_factory(
    prefix: str,
    description: str,
    todo_of: Callable[[stage.RunStage, str], Path],
    body: ShardBody,
    resources: Iterable[str],
) -> Callable[[str], dg.OpDefinition]:
    """Per-shard op builder: ``{prefix}_NN`` runs ``body(context, run_stage, shard, todo)``.

    ``description`` is formatted with the shard; ``resources`` are the resource keys the
    body reads from ``context.resources`` besides ``warehouse`` (which the shell uses).
    """
    keys = {"warehouse", *resources}

    def make(shard: str) -> dg.OpDefinition:
        @dg.op(
            name=f"{prefix}_{_op_name(shard)}",
            ins={"planned": dg.In(dg.Nothing)},
            out=dg.Out(dg.Nothing),
            description=description.format(shard=shard),
            required_resource_keys=keys,
        )
        def shard_step(context: dg.OpExecutionContext) -> None:
            run_stage = _run_stage(context, context.resources.warehouse)
            todo = todo_of(run_stage, shard)
            if not todo.exists():
                return  # nothing to do in this shard (or it is not in this run)
            mark_worker(context)
            body(context, run_stage, shard, todo)

        return shard_step

    return make


def _parse_shard(
    context: dg.OpExecutionContext, run_stage: stage.RunStage, shard: str, todo: Path
) -> None:
    """Landed files -> staged parse outcomes (no database)."""
    from pipelines.core.parse import ParseLimits

    landing_zone: LandingResource = context.resources.landing_zone
    limits = ParseLimits(max_file_bytes=landing_zone.max_file_bytes)
    writer = run_stage.outcome_writer(shard)
    try:
        rows = []
        for f, outcome in steps.parse_files(landing_zone.roots(), stage.read_rows(todo), limits):
            rows.append(stage.outcome_row(f["source_file"], f["content_hash"], outcome))
            if len(rows) >= 100:
                writer.write(rows)
                rows = []
        writer.write(rows)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    context.log.info(f"shard {shard}: {writer.rows:,} file(s) parsed")


parse_shard_op = shard_op_factory(
    "parse",
    "Parse shard {shard}'s pending files into the stage (runs on any worker).",
    stage.RunStage.parse_todo,
    _parse_shard,
    resources=("landing_zone",),
)


@dg.op(
    name="articles_load",
    ins={"staged": dg.In(dg.Nothing)},
    out={"articles": dg.Out(dg.Nothing), "rejections": dg.Out(dg.Nothing)},
    pool=POOL,
    tags=WRITER_TAGS,
    description="The single writer: merge the staged parse outcomes into the warehouse.",
)
def articles_load(
    context: dg.OpExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    landing_zone: LandingResource,
):  # type: ignore[no-untyped-def]  # Dagster wants no annotation for several Nothing outputs
    """Parse the shards' pending files into articles, and rejections for what cannot be."""
    from pipelines.core.parse import ParseLimits

    shards = context.partition_keys
    limits = ParseLimits(max_file_bytes=landing_zone.max_file_bytes)
    run_stage = _run_stage(context, warehouse)
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        stats = steps.load_articles(
            session,
            landing_zone.roots(),
            shards,
            limits=limits,
            force=config.force,
            staged=run_stage.staged_outcomes(shards),
        )
        rows = {t: session.count(t) for t in ("articles", "rejections")}
        preview = _md(session, "articles")
    run_stage.remove("parse")
    counts = stats.as_dict()
    context.log.info(f"articles over {len(shards)} shard(s): {counts}")
    summary = (
        f"{counts.get('parsed_files', 0):,} files parsed: "
        f"{counts.get('articles_written', 0):,} articles written, "
        f"{counts.get('articles_deleted', 0):,} removed, "
        f"{counts.get('rejections', 0):,} records rejected; {rows['articles']:,} articles in all"
    )
    context.add_output_metadata(
        {
            "summary": summary,
            "dagster/row_count": rows["articles"],
            "shards": len(shards),
            **counts,
            "parser_version": parser_version(),
            "preview": preview,
        },
        output_name="articles",
    )
    context.add_output_metadata(
        {
            "summary": summary,
            "dagster/row_count": rows["rejections"],
            "new_rows_this_run": counts.get("rejections", 0),
        },
        output_name="rejections",
    )


def _reload_config(value: dict[str, Any]) -> dict[str, Any]:
    """``force`` given once for the asset goes to its plan and load steps alike."""
    return {"plan": {"config": value}, "load": {"config": value}}


RELOAD_CONFIG = dg.ConfigMapping(
    config_schema={"force": dg.Field(bool, default_value=False)}, config_fn=_reload_config
)


def _asset_outs(specs: Iterable[dg.AssetSpec]) -> dict[str, dg.AssetOut]:
    return {
        spec.key.to_user_string(): dg.AssetOut(
            key=spec.key,
            dagster_type=dg.Nothing,
            description=spec.description,
            kinds=spec.kinds,
            owners=list(spec.owners),
            code_version=spec.code_version,
            metadata=spec.metadata,
        )
        for spec in specs
    }


def _dep_ins(*keys: str) -> dict[str, dg.AssetIn]:
    return {k: dg.AssetIn(key=k, dagster_type=dg.Nothing) for k in keys}


@dg.graph_multi_asset(
    name="articles",
    outs=_asset_outs(
        table_spec(t, group="ingest", kinds={"python", "duckdb"}, code_version=parser_version())
        for t in ("articles", "rejections")
    ),
    ins=_dep_ins("ingest_files"),
    group_name="ingest",
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
    config=RELOAD_CONFIG,
)
def articles(ingest_files: None) -> dict[str, Any]:
    """Plan (writer) -> parse each shard with work (any worker, Parquet stage) -> load."""
    return wire_staged(
        ingest_files, articles_plan, parse_shard_op, articles_load, ("articles", "rejections")
    )


# ---------------------------------------------------------------- analysis
@dg.op(
    name="analysis_plan",
    ins={"loaded": dg.In(dg.Nothing)},
    out=plan_outs(),
    pool=POOL,
    tags=WRITER_TAGS,
    description="Stage the shards' pending articles as Parquet (one file per shard); first "
    "load what a dead run had analysed and staged, if it is still valid.",
)
def analysis_plan(
    context: dg.OpExecutionContext,
    config: ReloadConfig,
    warehouse: WarehouseResource,
    nlp: NlpResource,
) -> Iterator[dg.Output[None]]:
    mark_step_process(context)
    shards = context.partition_keys
    run_stage = _run_stage(context, warehouse)
    version = nlp.spec().version()
    with warehouse.open(context.log).session() as session:
        for old in stage.leftover_runs(run_stage.root, _live(context.instance)):
            if old.run_id == context.run_id:
                continue
            tables = schema.article_child_tables()
            batches = (
                b
                for s in sorted(shards)
                for b in stage.analysis_batches(old.analysis_dir(s), tables)
            )
            reused = steps.load_staged_analysis(
                session, batches, version, shards, only_pending=not config.force
            ).as_dict()
            if reused.get("articles_analysed"):
                context.log.info(
                    f"reused {reused['articles_analysed']:,} article(s) analysed by run "
                    f"{old.run_id}, which did not finish"
                )
            old.remove()
        run_stage.mark_analysis_started()
        # One read of the pending articles: staging them. A large run's workers were
        # started by the articles plan (they load the model while the files are parsed);
        # a run with nothing to parse but much to redo (a new analyser version) counted
        # its pending articles there too.
        staged = steps.stage_pending_articles(
            session, shards, version, run_stage.todo_writer, force=config.force
        )
    if shares_run_process(context):
        nlp.start_workers(sum(staged.values()))
        pool = nlp.started_pool()
        if pool is not None:
            # The workers begin on the first shards' chunks now and go on across the
            # per-shard steps' boundaries (each step takes its own shard's results).
            pool.feed(
                [(s, _staged_source(pool, run_stage, s)) for s in sorted(staged)],
                nlp.article_budget_s,
            )
            if pool.split:
                # One spaCy worker: this process only runs the rules between its chunks,
                # so it has time to load the grouping tables now (see analysis_load).
                grouping.preload()
    log_expected(
        context.log,
        f"{sum(staged.values()):,} article(s) to analyse in {len(staged)} shard(s)",
        sum(staged.values()),
    )
    yield from plan_results(staged)


def _staged_source(pool: AnalysisPool, run_stage: stage.RunStage, shard: str) -> ChunkSource:
    """A shard's staged articles as the pool's chunks, read when the pool gets to them."""
    return lambda: steps.staged_chunks(pool, stage.read_rows(run_stage.analysis_todo(shard)))


def _analyse_shard(
    context: dg.OpExecutionContext, run_stage: stage.RunStage, shard: str, todo: Path
) -> None:
    """Staged articles -> staged analysis rows (committed too in an in-process run)."""
    nlp: NlpResource = context.resources.nlp
    total = stage.row_count(todo)
    pool = nlp.shared_pool(stage.pending_total(run_stage))

    def progress(p: Progress) -> None:
        log_progress(context.log, p.line(), p.done, p.total, p.unit, p.words)

    # Where this step shares the writer's process (an in-process run: its steps run one at
    # a time), it commits each batch as it stages it, while the workers parse the next
    # chunks: the load step then only counts them (loading every batch after the last
    # shard added ~2-3 s to each full run). The warehouse is opened for each commit, as a
    # writer step opens it, so other pipeline processes are not locked out for the whole
    # analysis. Elsewhere (a dask worker, a daemon's step process) the load step commits.
    load = shares_run_process(context)
    # With one spaCy worker this process only runs the rules between its chunks: it signs
    # each committed batch for the stories step meanwhile (that step then only links).
    # Not with several workers: they keep every core busy.
    sign = load and pool.split
    version = pool.version

    def write_batch(
        index: int, done: list[dict[str, Any]], tables: dict[str, list[dict[str, Any]]]
    ) -> None:
        staged = run_stage.write_batch(shard, index, done, tables)
        if load:
            article_ids = [d["article_id"] for d in done]
            with context.resources.warehouse.open(context.log).session() as session:
                steps.commit_analysis(session, article_ids, staged, version, [shard])
                if sign:
                    grouping.sign_committed(session, article_ids)
            run_stage.mark_batch_loaded(
                shard, index, {name: t.num_rows for name, t in staged.items()}
            )

    stats = steps.analyse_staged(
        pool,
        stage.read_rows(todo),
        write_batch,
        total=total,
        progress=progress,
        budget_s=nlp.article_budget_s,
        key=shard,
    )
    context.log.info(
        f"shard {shard}: {stats.counts.get('articles_analysed', 0):,} article(s) analysed "
        f"{pool.describe()}"
    )


analyse_shard_op = shard_op_factory(
    "analyse",
    "Analyse shard {shard}'s staged articles (spaCy, entities, quotes) into staged rows "
    "(runs on any worker).",
    stage.RunStage.analysis_todo,
    _analyse_shard,
    resources=("nlp",),
)


@dg.op(
    name="analysis_load",
    ins={"staged": dg.In(dg.Nothing)},
    out={t: dg.Out(dg.Nothing) for t in schema.article_child_tables()},
    pool=POOL,
    tags=WRITER_TAGS,
    description="The single writer: merge the staged analysis rows into the warehouse.",
)
def analysis_load(context: dg.OpExecutionContext, warehouse: WarehouseResource, nlp: NlpResource):  # type: ignore[no-untyped-def]  # several Nothing outputs: no annotation
    """SpaCy + entity resolution + quote extraction over the shards' pending articles.

    Runs in the per-shard steps; this step loads their staged rows. When nothing is
    pending the model is never loaded: a run with nothing new costs a query, not the
    seconds spaCy takes to load.
    """
    # Every per-shard step is upstream of this one: their workers are done.
    started = nlp.started_pool()
    startup = started.startup() if started is not None else {}
    nlp.close_pool()
    if startup:
        context.log.info(
            f"spaCy workers loaded in {startup['workers_start_to_ready_s']:.1f} s; the first "
            f"staged work waited {startup['work_waited_for_workers_s']:.1f} s for them"
        )
    shards = context.partition_keys
    tables = schema.article_child_tables()
    spec = nlp.spec()
    version = spec.version()
    run_stage = _run_stage(context, warehouse)
    total = stage.pending_total(run_stage)
    if total and shares_run_process(context):
        # The grouping steps will sign these articles in this process: load their tables
        # while this step and the entity rebuild wait on DuckDB. Not earlier with several
        # workers: they keep every core busy, and the tables (~150 MB) would add to the
        # run's peak beside them. (With one spaCy worker the plan step started this.)
        grouping.preload()
    mark_step_process(context)

    with warehouse.open(context.log).session() as session:
        batches = (
            b
            for s in sorted(shards)
            for b in stage.analysis_batches(run_stage.analysis_dir(s), tables)
        )
        # Rates count from the plan step: the analysis stage's wall time, on any workers.
        meter = ProgressMeter(
            "analysis", total, clock=time.time, started=run_stage.analysis_started()
        )
        stats = steps.load_staged_analysis(
            session, batches, version, shards, meter=meter, skip_loaded=True
        )
        counts = {t: session.count(t) for t in tables}
        quotes_md = _md(session, "quotes")
        mentions_md = _md(session, "mentions")
    loaded = stats.counts.get("articles_analysed", 0)
    if loaded != total:
        raise RuntimeError(
            f"the stage held {loaded:,} analysed article(s), {total:,} were staged for "
            f"analysis: a per-shard step's output is missing under {run_stage.path}"
        )
    run_stage.remove()
    run_counts = stats.as_dict()
    summary = (
        f"{run_counts.get('articles_analysed', 0):,} articles analysed: "
        f"{run_counts.get('mentions', 0):,} mentions, {run_counts.get('quotes', 0):,} quotes"
    )
    words = run_counts.get("words_analysed", 0)
    for table in tables:
        meta: dict[str, object] = {
            "summary": summary,
            "dagster/row_count": counts[table],
            "articles_analysed": run_counts.get("articles_analysed", 0),
            "words_analysed": words,
            "analyser_version": version,
            "articles_failed_this_run": run_counts.get("failed_articles", 0),
            "spacy_model": nlp.model,
            "resolver_data_version": spec.resolver_data_version(),
            "workers": nlp.workers,
            **startup,
            **(meter.snapshot().as_metadata() if total else {}),
        }
        if table == "quotes":
            meta["new_rows_this_run"] = run_counts.get("quotes", 0)
            meta["latest_quotes"] = quotes_md
        if table == "mentions":
            meta["new_rows_this_run"] = run_counts.get("mentions", 0)
            meta["top_entities"] = mentions_md
        context.add_output_metadata(meta, output_name=table)


@dg.graph_multi_asset(
    name="analysis",
    outs=_asset_outs(analysis_specs()),
    ins=_dep_ins("articles"),
    group_name="nlp",
    partitions_def=SHARDS,
    backfill_policy=dg.BackfillPolicy.single_run(),
    config=dg.ConfigMapping(
        config_schema={"force": dg.Field(bool, default_value=False)},
        config_fn=lambda value: {"plan": {"config": value}},
    ),
)
def analysis(articles: None) -> dict[str, Any]:
    """Plan (writer) -> analyse each shard with work (any worker, Parquet stage) -> load."""
    return wire_staged(
        articles, analysis_plan, analyse_shard_op, analysis_load, schema.article_child_tables()
    )


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
    op_tags=WRITER_TAGS,
)
def entity_tables(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    """Derive entities and entity_aliases from the per-article rows (deterministic SQL)."""
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        stats = steps.rebuild_entities(session)
        counts = {t: session.count(t) for t in ENTITY_TABLES}
        previews = {t: _md(session, t) for t in ENTITY_TABLES}
    summary = f"{counts['entities']:,} entities, {counts['entity_aliases']:,} aliases"
    if stats.counts.get("rebuild_skipped"):
        summary += " (unchanged: no per-article row changed)"
    for table in ENTITY_TABLES:
        yield dg.MaterializeResult(
            asset_key=table,
            metadata={
                "summary": summary,
                "dagster/row_count": counts[table],
                "preview": previews[table],
            },
        )
