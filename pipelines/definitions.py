"""The single Dagster ``Definitions`` for the news warehouse."""

import dagster as dg

from pipelines.defs import assets, automation, checks, publish, run_logger, stories
from pipelines.defs import report as report_assets
from pipelines.defs.resources import default_resources


def build_defs(
    resources: dict[str, dg.ConfigurableResource] | None = None,
    executor: dg.ExecutorDefinition | None = None,
) -> dg.Definitions:
    """Definitions with the given resources (tests pass temporary paths).

    ``executor`` replaces the in-process one: ``pipelines.defs.cluster`` passes
    dagster-dask's, which runs the same steps on a dask.distributed cluster.
    """
    tables = dg.load_assets_from_modules([assets, stories])
    return dg.Definitions(
        assets=[
            *tables,
            publish.published_warehouse_asset(tables),
            *dg.load_assets_from_modules([report_assets]),
        ],
        asset_checks=[*checks.ALL_CHECKS, *stories.STORY_CHECKS],
        jobs=[automation.refresh_job],
        schedules=[automation.daily_refresh],
        sensors=[automation.landing_zone_sensor],
        resources=resources if resources is not None else default_resources(),
        # "stages" prints one line per stage for `python -m pipelines run`; a run whose
        # config picks no logger (UI, sensor, schedule) gets Dagster's default console.
        loggers=run_logger.LOGGERS,
        # Every writing step is in the "duckdb" pool (limit 1), and the per-shard steps
        # of one process share one pool of analysis processes, so a multiprocess
        # executor buys no parallelism and costs a Python start-up (spaCy load) per
        # step: one process runs a refresh from the UI in ~30 s instead of minutes.
        executor=executor or dg.in_process_executor,
    )


defs = build_defs()
