"""The warehouse report: charts people would rather look at than read.

Each chart is one small function registered with :func:`chart`: it names its query
(``sql/report/<name>.sql``) and the tables it needs, takes the query's rows and draws on a
matplotlib ``Figure``. :func:`build_report` runs every chart; a chart whose table is absent
or empty, or whose rows are empty, becomes a "no data yet" panel that says why. The result
is written as one self-contained HTML file (inline SVG, no script, nothing fetched: it opens
offline) and as PNG data URIs in Markdown for the Dagster UI. No DuckDB here: rows come
from a ``fetch`` callable (``pipelines.warehouse.reports.chart_rows``).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure

Rows = list[dict[str, Any]]
Fetch = Callable[[str, Sequence[str]], tuple[Rows, "str | None"]]
Draw = Callable[[Figure, Rows], "str | None"]

# Colour-blind-safe palette (Okabe-Ito), outlets and series in a stable order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
FIG_SIZE = (8.0, 3.6)  # inches
PNG_DPI = 80  # small PNGs: they are stored in Dagster's event log
SVG_NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}
# Text stays text in the SVG; a fixed hash salt keeps the SVG ids (and the file) stable.
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "news-warehouse",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class ChartSpec:
    """A registered chart: its query, the tables it needs and its drawing function."""

    name: str
    title: str
    needs: tuple[str, ...]
    draw: Draw
    empty: str  # why there is nothing to draw when ``draw`` returns None


@dataclass(frozen=True)
class Chart:
    """A drawn chart (``svg``/``png``) or a "no data yet" panel (``no_data`` says why)."""

    name: str
    title: str
    caption: str = ""
    svg: str = ""
    png: bytes = b""
    no_data: str | None = None


CHARTS: list[ChartSpec] = []


def chart(
    name: str, title: str, needs: Iterable[str], empty: str = "the query found no rows yet"
) -> Callable[[Draw], Draw]:
    """Register a drawing function; it returns a caption, or None when its rows say nothing.

    ``empty`` is what the "no data yet" panel says when the function returns None.
    """

    def register(draw: Draw) -> Draw:
        if any(spec.name == name for spec in CHARTS):
            raise ValueError(f"chart {name!r} registered twice")
        CHARTS.append(ChartSpec(name, title, tuple(needs), draw, empty))
        return draw

    return register


# ------------------------------------------------------------------ the charts
def _short(text: str, width: int) -> str:
    return textwrap.shorten(text, width=width, placeholder="…")


def _stacked_barh(
    fig: Figure, labels: list[str], stacks: Mapping[str, list[int]], xlabel: str
) -> None:
    """Horizontal bars, largest on top, stacked by series (one colour each)."""
    fig.set_size_inches(FIG_SIZE[0], max(1.6, 0.9 + 0.4 * len(labels)))  # bars stay bar-sized
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    left = [0] * len(labels)
    for i, (series, values) in enumerate(stacks.items()):
        ax.barh(y, values, left=left, label=series, color=PALETTE[i % len(PALETTE)])
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(y, labels)
    ax.set_xlabel(xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(stacks) > 1:
        ax.legend(loc="lower right", frameon=False, fontsize=8)


@chart("top_speakers_by_outlet", "Top speakers by outlet", needs=("quotes", "entities"))
def _top_speakers_by_outlet(fig: Figure, rows: Rows) -> str | None:
    if not rows:
        return None
    speakers = list(dict.fromkeys(r["speaker"] for r in rows))
    outlets = sorted({r["outlet"] for r in rows})
    counts = {(r["speaker"], r["outlet"]): int(r["utterances"]) for r in rows}
    stacks = {o: [counts.get((s, o), 0) for s in speakers] for o in outlets}
    _stacked_barh(fig, [_short(s, 40) for s in speakers], stacks, "utterances quoted")
    return (
        f"The {len(speakers)} most quoted speakers with a resolved entity, by the outlet that "
        "quoted them (a quote split in parts counts once)."
    )


@chart(
    "top_entities_over_time",
    "Mentions of the top entities over time",
    needs=("mentions", "articles", "entities"),
    empty="no article with a mention of them has a publication date yet",
)
def _top_entities_over_time(fig: Figure, rows: Rows) -> str | None:
    dated = [r for r in rows if r["day"] is not None]
    if not dated:
        return None
    undated = sum({r["entity"]: int(r["undated_mentions"]) for r in rows}.values())
    series: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for r in dated:
        series[r["entity"]][r["day"]] = int(r["mentions"])
    days = sorted({r["day"] for r in dated})
    ax = fig.add_subplot()
    for i, (entity, by_day) in enumerate(sorted(series.items())):
        ax.plot(
            days,
            [by_day.get(d, 0) for d in days],
            marker="o",
            markersize=3,
            label=_short(entity, 30),
            color=PALETTE[i % len(PALETTE)],
        )
    ax.set_ylabel("mentions per day")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    fig.autofmt_xdate()
    note = (
        f" {undated:,} of their mentions are in undated articles and not drawn." if undated else ""
    )
    return f"Daily mentions of the {len(series)} most mentioned entities.{note}"


@chart("quotes_by_confidence", "Quotes by attribution confidence", needs=("quotes",))
def _quotes_by_confidence(fig: Figure, rows: Rows) -> str | None:
    if not rows:
        return None
    bands = sorted({r["band"] for r in rows}, key=lambda b: (b == "unattributed", b))
    kinds = sorted({r["kind"] for r in rows})
    counts = {(r["band"], r["kind"]): int(r["quotes"]) for r in rows}
    ax = fig.add_subplot()
    bottom = [0] * len(bands)
    for i, kind in enumerate(kinds):
        values = [counts.get((b, kind), 0) for b in bands]
        ax.bar(bands, values, bottom=bottom, label=kind, color=PALETTE[i % len(PALETTE)])
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    ax.set_xlabel("attribution confidence (lower bound of the band)")
    ax.set_ylabel("quotes")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8)
    return (
        "Confidence of the speaker attribution: 0.8-0.9 for a quote with its own cue, "
        "0.5-0.7 when it continues a neighbour's speaker; quotes without a speaker entity apart."
    )


@chart("quotes_by_unattributed_reason", "Quotes by unattributed reason", needs=("quotes",))
def _quotes_by_unattributed_reason(fig: Figure, rows: Rows) -> str | None:
    if not rows:
        return None
    reasons = list(dict.fromkeys(r["reason"] for r in rows))
    kinds = sorted({r["kind"] for r in rows})
    counts = {(r["reason"], r["kind"]): int(r["quotes"]) for r in rows}
    stacks = {k: [counts.get((reason, k), 0) for reason in reasons] for k in kinds}
    _stacked_barh(fig, reasons, stacks, "quotes")
    unattributed = sum(int(r["quotes"]) for r in rows if r["reason"] != "attributed")
    return (
        f"Why a quote has no speaker entity ({unattributed:,} without one); 'attributed' "
        "is shown for scale."
    )


@chart("largest_stories", "Largest stories", needs=("stories",))
def _largest_stories(fig: Figure, rows: Rows) -> str | None:
    if not rows:
        return None
    labels = [_short(str(r["title"]), 60) for r in rows]
    stacks = {"articles": [int(r["article_count"]) for r in rows]}
    _stacked_barh(fig, labels, stacks, "articles")
    ax = fig.axes[0]
    for y, r in zip(range(len(rows))[::-1], rows, strict=True):
        ax.annotate(
            f" {r['outlets']}",
            (int(r["article_count"]), y),
            va="center",
            fontsize=7,
            annotation_clip=False,
        )
    return "Stories told by more than one article, with the outlets that carried them."


@chart("multi_outlet_statements", "Statements carried by several outlets", needs=("statements",))
def _multi_outlet_statements(fig: Figure, rows: Rows) -> str | None:
    if not rows:
        return None
    labels = [f"{_short(r['speaker'], 24)}: “{_short(r['canonical_text'], 48)}”" for r in rows]
    stacks = {"outlets": [int(r["outlet_count"]) for r in rows]}
    _stacked_barh(fig, labels, stacks, "outlets carrying the statement")
    return "One utterance rendered by several outlets (exact repeats, trims and translations)."


# ------------------------------------------------------------------ building
def build_report(fetch: Fetch, specs: Sequence[ChartSpec] | None = None) -> list[Chart]:
    """Draw every chart from the rows ``fetch(name, needs)`` returns."""
    out = []
    for spec in CHARTS if specs is None else specs:
        rows, missing = fetch(spec.name, spec.needs)
        if missing is not None:
            out.append(Chart(spec.name, spec.title, no_data=missing))
            continue
        with rc_context(RC):
            fig = Figure(figsize=FIG_SIZE, layout="constrained")
            caption = spec.draw(fig, rows)
            if caption is None:
                out.append(Chart(spec.name, spec.title, no_data=spec.empty))
                continue
            svg, png = io.StringIO(), io.BytesIO()
            # No metadata block: no timestamp (stable bytes) and no URLs in an offline page.
            fig.savefig(svg, format="svg", metadata=SVG_NO_METADATA)
            fig.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
        svg_text = svg.getvalue()
        svg_text = svg_text[svg_text.index("<svg") :]  # drop the XML prolog and DOCTYPE
        out.append(Chart(spec.name, spec.title, caption, svg_text, png.getvalue()))
    return out


def report_html(charts: Sequence[Chart], *, source: str, contents: str) -> str:
    """One self-contained page: inline SVG and CSS, no script, no external reference.

    No timestamp: the same warehouse gives the same bytes, so a run with nothing new
    leaves the file alone.
    """
    sections = []
    for c in charts:
        if c.no_data is not None:
            body = (
                f'<div class="no-data" role="img" aria-label="no data yet">'
                f"<strong>No data yet</strong><br>{html.escape(c.no_data)}.</div>"
            )
        else:
            body = f'{c.svg}<p class="caption">{html.escape(c.caption)}</p>'
        sections.append(
            f'<section class="chart" id="{c.name}" data-chart="{c.name}" '
            f'data-state="{"no-data" if c.no_data is not None else "drawn"}">'
            f"<h2>{html.escape(c.title)}</h2>{body}</section>"
        )
    return _PAGE.format(
        source=html.escape(source), contents=html.escape(contents), sections="\n".join(sections)
    )


def render(fetch: Fetch, counts: Mapping[str, int], source: str) -> tuple[list[Chart], str]:
    """Every chart and the page that shows them (``counts``: rows per table, for the header)."""
    charts = build_report(fetch)
    contents = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    return charts, report_html(charts, source=source, contents=contents)


COUNTED_TABLES = ("articles", "quotes", "entities")


def chart_markdown(c: Chart) -> str:
    """Markdown for Dagster's UI: the PNG as a data URI (the UI allows ``data:`` images)."""
    if c.no_data is not None:
        return f"**{c.title}**: no data yet ({c.no_data})."
    data = base64.b64encode(c.png).decode("ascii")
    return f"**{c.title}**\n\n![{c.title}](data:image/png;base64,{data})\n\n{c.caption}"


_SECTION = re.compile(r'<section class="chart" id="([^"]+)".*?</section>', re.S)


def changed_parts(old: str, new: str) -> list[str]:
    """What differs between two pages, by chart name (``["header"]``: only the rest).

    A chart counts when its section differs or only one page has it. A report rewritten
    by a run that changed nothing then says which chart moved.
    """
    before = {m.group(1): m.group(0) for m in _SECTION.finditer(old)}
    after = {m.group(1): m.group(0) for m in _SECTION.finditer(new)}
    charts = [n for n in dict.fromkeys([*after, *before]) if before.get(n) != after.get(n)]
    return charts or (["header"] if old != new else [])


def read_page(path: Path) -> str | None:
    """The page written at ``path``, or None when there is none (or it is not text)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_report(path: Path, page: str) -> bool:
    """Write atomically (a browser never sees half a report); False when already identical."""
    if read_page(path) == page:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return True


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>News warehouse report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }}
h1 {{ font-size: 1.5rem; margin-bottom: 0.2rem; }}
.meta {{ color: #666; font-size: 0.85rem; margin-top: 0; }}
.chart {{ border-top: 1px solid #ddd; padding: 0.5rem 0 1rem; }}
.chart h2 {{ font-size: 1.1rem; }}
.chart svg {{ width: 100%; height: auto; }}
.caption {{ color: #444; font-size: 0.9rem; }}
.no-data {{ border: 2px dashed #bbb; border-radius: 6px; padding: 2rem; text-align: center;
           color: #666; background: #fafafa; }}
</style>
</head>
<body>
<h1>News warehouse report</h1>
<p class="meta">From <code>{source}</code> ({contents}). Charts are drawn from the warehouse
tables; a dashed panel means its table has no data yet.</p>
{sections}
</body>
</html>
"""
