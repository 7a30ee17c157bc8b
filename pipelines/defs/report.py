"""The ``report`` asset: charts of the warehouse in ``report.html`` and in the Dagster UI."""

# No "from __future__ import annotations" here: Dagster inspects annotations at runtime.

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import dagster as dg

from pipelines import report, settings
from pipelines.defs.assets import OWNERS, POOL
from pipelines.defs.resources import WarehouseResource
from pipelines.defs.runner import WRITER_TAGS, mark_step_process, shares_run_process
from pipelines.warehouse import reports, schema
from pipelines.warehouse.writer import Session


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
    # After publishing: it draws what analysts open, and only data that passed the checks
    # (an in-process run draws it while publishing, from the same rows: see draw_ahead).
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
    mark_step_process(context)
    path = settings.report_path(Path(warehouse.path))
    drawn = _DRAWN.pop(context.run.run_id, None)
    ahead = drawn is not None and drawn.result is not None
    if drawn is None or drawn.result is None:
        if drawn is not None:
            context.log.warning(f"report: drawing it during the publish failed ({drawn.error})")
        drawn = _Drawing()
        with reports.published_session(Path(warehouse.path)) as session:
            drawn.draw(session, warehouse.path)
    assert drawn.result is not None  # drawn here: an error was raised
    charts, page = drawn.result
    before = report.read_page(path)
    written = report.write_report(path, page)
    if not written:
        note = " (unchanged)"
    elif before is None:
        note = ""
    else:
        # Which charts moved, and from which copy they were drawn: a page rewritten by a
        # run that changed nothing then says where to look.
        source = "drawn during publish" if ahead else "drawn from the published file"
        note = f" (changed: {', '.join(report.changed_parts(before, page))}; {source})"
    drawn = [c for c in charts if c.no_data is None]
    for c in charts:
        if c.no_data is not None:
            context.log.info(f"report: {c.title}: no data yet ({c.no_data})")
    return dg.MaterializeResult(
        metadata={
            "summary": f"{path.name}: {len(drawn)} charts, {len(charts) - len(drawn)} "
            f"without data{note}",
            "path": dg.MetadataValue.path(str(path)),
            "charts_drawn": len(drawn),
            # Drawn from the working copy while the publish step wrote the same rows.
            "drawn_during_publish": ahead,
            **{f"chart_{c.name}": dg.MetadataValue.md(report.chart_markdown(c)) for c in charts},
        }
    )


class _Drawing:
    """The report's charts and page, drawn from one session of the warehouse."""

    def __init__(self) -> None:
        self.result: tuple[list[report.Chart], str] | None = None
        self.error: BaseException | None = None

    def draw(self, session: Session, source: str) -> None:
        def fetch(name: str, needs: Sequence[str]) -> tuple[report.Rows, str | None]:
            return reports.chart_rows(session, name, needs)

        counts = {t: session.count(t) for t in report.COUNTED_TABLES}
        self.result = report.render(fetch, counts, source=source)


# Reports drawn by a run's publish step, by run id, for its report step (``draw_ahead``).
_DRAWN: dict[str, _Drawing] = {}


def draw_ahead(
    context: dg.AssetExecutionContext, source: str
) -> Callable[[Session], Callable[[], None]] | None:
    """Draw the report while the publish step writes the files (``Warehouse.publish``).

    The publish step runs after every blocking check, and publishing copies the working
    copy's tables as they are, so the report drawn from the working copy then is the one
    drawn from the published file after it (same rows, same page). Drawing is Python
    (matplotlib) and publishing mostly DuckDB's writer, which releases the GIL: a thread
    overlaps them, and the report step only writes the page. Only where the report step
    runs next in this process (an in-process run that selected it); if the publish
    fails, Dagster skips the report step and the drawing is dropped with the run.
    """
    selected = context.run.asset_selection  # None or empty: the whole job
    if not shares_run_process(context) or (selected and dg.AssetKey("report") not in selected):
        return None

    def start(session: Session) -> Callable[[], None]:
        drawing = _Drawing()
        # Its own connection to the same database, made here (the thread only uses it).
        reader = Session(session.con.cursor())

        def run() -> None:
            try:
                drawing.draw(reader, source)
            except BaseException as exc:  # the report step draws again and reports it
                drawing.error = exc
                logging.getLogger(__name__).warning("drawing the report failed", exc_info=True)
            finally:
                reader.con.close()

        thread = threading.Thread(target=run, name="report-draw", daemon=True)
        thread.start()

        def wait() -> None:
            thread.join()
            _DRAWN.clear()  # a run whose publish failed never took its drawing
            _DRAWN[context.run.run_id] = drawing

        return wait

    return start
