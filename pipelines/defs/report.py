"""The ``report`` asset: charts of the warehouse in ``report.html`` and in the Dagster UI."""

# No "from __future__ import annotations" here: Dagster inspects annotations at runtime.

import hashlib
from collections.abc import Sequence
from pathlib import Path

import dagster as dg

from pipelines import report, settings
from pipelines.defs.assets import OWNERS, POOL
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.runner import WRITER_TAGS
from pipelines.warehouse import reports, schema


def _code_version() -> str:
    """Digest of the chart code and its queries: the report's inputs besides the data."""
    h = hashlib.sha256(Path(report.__file__).read_bytes())
    for spec in report.CHARTS:
        h.update(schema.load_sql("report", spec.name).encode())
    return h.hexdigest()[:12]


# Every table a chart reads, so the report runs after all of them.
REPORT_DEPS = sorted({t for spec in report.CHARTS for t in spec.needs} | {"entities"})


@dg.asset(
    name="report",
    group_name="report",
    pool=POOL,
    op_tags=WRITER_TAGS,
    # After publishing: it draws what analysts open, and only data that passed the checks.
    deps=[*REPORT_DEPS, "published_warehouse"],
    kinds={"python", "html"},
    owners=OWNERS,
    code_version=_code_version(),
    description="Charts of the warehouse (top speakers by outlet, top entities over time, "
    "quotes by attribution confidence and unattributed reason, largest stories, statements "
    "carried by several outlets) in report.html beside the warehouse, which opens offline "
    "in a browser; the same charts are this asset's metadata.",
)
def report_html(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    path = settings.report_path(Path(warehouse.path))
    with reports.published_session(Path(warehouse.path)) as session:

        def fetch(name: str, needs: Sequence[str]) -> tuple[report.Rows, str | None]:
            return reports.chart_rows(session, name, needs)

        counts = {t: session.count(t) for t in report.COUNTED_TABLES}
        charts, page = report.render(fetch, counts, source=warehouse.path)
    written = report.write_report(path, page)
    drawn = [c for c in charts if c.no_data is None]
    for c in charts:
        if c.no_data is not None:
            context.log.info(f"report: {c.title}: no data yet ({c.no_data})")
    return dg.MaterializeResult(
        metadata={
            "summary": f"{path.name}: {len(drawn)} charts, {len(charts) - len(drawn)} "
            f"without data{'' if written else ' (unchanged)'}",
            "path": dg.MetadataValue.path(str(path)),
            "charts_drawn": len(drawn),
            **{f"chart_{c.name}": dg.MetadataValue.md(report.chart_markdown(c)) for c in charts},
        }
    )
