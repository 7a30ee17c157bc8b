"""Assets and checks for stories and statements (downstream of the analysis)."""

# No "from __future__ import annotations" here: Dagster inspects annotations at runtime.

import dagster as dg

from pipelines import grouping
from pipelines.core.versions import grouping_version
from pipelines.defs.assets import POOL, table_spec
from pipelines.defs.checks import sql_check
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.runner import WRITER_TAGS, mark_step_process
from pipelines.warehouse import reports


@dg.multi_asset(
    name="stories",
    specs=[
        table_spec(
            "stories",
            group="stories",
            kinds={"python", "duckdb"},
            code_version=grouping_version(),
            deps=["articles", "mentions", "entities", "quotes"],
        )
    ],
    pool=POOL,
    op_tags=WRITER_TAGS,
)
def stories(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        stats = grouping.group_stories(session)
        rows = session.count("stories")
        preview = reports.preview(session, "stories")
    context.log.info(f"stories: {stats.as_dict()}")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            **{f"run_{k}": v for k, v in stats.as_dict().items()},
            "grouping_version": grouping_version(),
            "largest_stories": dg.MetadataValue.md(preview),
        }
    )


@dg.multi_asset(
    name="statements",
    specs=[
        table_spec(
            "statements",
            group="stories",
            kinds={"python", "duckdb"},
            code_version=grouping_version(),
            deps=["quotes", "stories"],
        )
    ],
    pool=POOL,
    op_tags=WRITER_TAGS,
)
def statements(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    mark_step_process(context)
    with warehouse.open(context.log).session() as session:
        stats = grouping.group_statements(session)
        rows = session.count("statements")
        multi = session.fetch("select count(*) from statements where outlet_count > 1")[0][0]
        preview = reports.preview(session, "statements")
    context.log.info(f"statements: {stats.as_dict()}")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            "multi_outlet_statements": int(multi),
            **{f"run_{k}": v for k, v in stats.as_dict().items()},
            "grouping_version": grouping_version(),
            "largest_multi_outlet_statements": dg.MetadataValue.md(preview),
        }
    )


STORY_CHECKS = [
    sql_check(
        "every_article_has_a_story",
        "stories",
        (("articles_without_story", "articles without a story"),),
        "Every article points at an existing story.",
    ),
    sql_check(
        "every_quote_has_a_statement",
        "statements",
        (("quotes_without_statement", "quotes without a statement"),),
        "Every direct or partial quote points at an existing statement.",
    ),
    sql_check(
        "statements_have_one_speaker",
        "statements",
        (
            (
                "statement_speakers",
                "statements spanning two speakers or two renderings (passages) of one article",
            ),
        ),
        "No statement has two cue-tied speakers or two renderings (passages) of one article.",
    ),
]
