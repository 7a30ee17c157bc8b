"""The report: one small function a chart, "no data yet" panels, an offline page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from pipelines import report

ROWS: dict[str, report.Rows] = {
    "top_speakers_by_outlet": [
        {"speaker": "Yoon Suk Yeol", "total": 9, "outlet": "Yonhap", "utterances": 3},
        {"speaker": "Yoon Suk Yeol", "total": 9, "outlet": "(unknown outlet)", "utterances": 6},
        {"speaker": "Shigeru Ishiba", "total": 5, "outlet": "Yonhap", "utterances": 5},
    ],
    "top_entities_over_time": [
        {"entity": "Japan", "day": None, "mentions": 4, "undated_mentions": 4},
        {"entity": "Japan", "day": dt.date(2024, 11, 15), "mentions": 2, "undated_mentions": 4},
        {"entity": "Japan", "day": dt.date(2024, 11, 17), "mentions": 5, "undated_mentions": 4},
        {"entity": "Peru", "day": dt.date(2024, 11, 16), "mentions": 1, "undated_mentions": 0},
    ],
    "quotes_by_confidence": [
        {"band": "0.9", "kind": "direct", "quotes": 13},
        {"band": "unattributed", "kind": "direct", "quotes": 2},
    ],
    "quotes_by_unattributed_reason": [
        {"reason": "attributed", "kind": "direct", "quotes": 13},
        {"reason": "nominal_speaker", "kind": "direct", "quotes": 2},
    ],
    "largest_stories": [
        {
            "story_id": "s1",
            "title": "Summit in Lima",
            "article_count": 2,
            "outlet_count": 2,
            "outlets": "Yonhap, Kyodo",
        },
    ],
    "multi_outlet_statements": [
        {
            "statement_id": "st1",
            "speaker": "Yoon Suk Yeol",
            "canonical_text": "Today’s meeting",
            "outlet_count": 2,
            "article_count": 2,
            "outlets": "Yonhap, Kyodo",
        },
    ],
}


def fetch_from(rows: dict[str, report.Rows], missing: dict[str, str] | None = None):
    def fetch(name: str, needs: Sequence[str]) -> tuple[report.Rows, str | None]:
        if missing and name in missing:
            return [], missing[name]
        return rows.get(name, []), None

    return fetch


def _svg_texts(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)</text>", svg))


def test_every_chart_draws_its_rows_as_svg_and_png() -> None:
    charts = report.build_report(fetch_from(ROWS))
    assert [c.name for c in charts] == [s.name for s in report.CHARTS]
    assert len(charts) >= 6
    for c in charts:
        assert c.no_data is None, c
        assert c.svg.startswith("<svg") and c.svg.rstrip().endswith("</svg>")
        assert c.png.startswith(b"\x89PNG")
        assert c.caption
    by_name = {c.name: c for c in charts}
    assert "Yoon Suk Yeol" in _svg_texts(by_name["top_speakers_by_outlet"].svg)
    assert "(unknown outlet)" in _svg_texts(by_name["top_speakers_by_outlet"].svg)
    assert "nominal_speaker" in _svg_texts(by_name["quotes_by_unattributed_reason"].svg)
    assert (
        "4 of their mentions are in undated articles" in by_name["top_entities_over_time"].caption
    )


def test_absent_or_empty_tables_and_empty_rows_become_no_data_panels() -> None:
    missing = {"largest_stories": "the table stories does not exist yet"}
    rows = {**ROWS, "multi_outlet_statements": []}
    rows["top_entities_over_time"] = [r for r in ROWS["top_entities_over_time"] if r["day"] is None]
    charts = {c.name: c for c in report.build_report(fetch_from(rows, missing))}
    assert charts["largest_stories"].no_data == "the table stories does not exist yet"
    assert charts["multi_outlet_statements"].no_data == "the query found no rows yet"
    assert charts["top_entities_over_time"].no_data == (
        "no article with a mention of them has a publication date yet"
    )
    assert charts["top_speakers_by_outlet"].no_data is None
    page = report.report_html(list(charts.values()), source="w.duckdb", contents="1 articles")
    assert page.count('data-state="no-data"') == 3
    assert "No data yet</strong><br>the table stories does not exist yet." in page


def test_the_page_is_self_contained() -> None:
    page = report.report_html(report.build_report(fetch_from(ROWS)), source="w", contents="c")
    assert "<script" not in page and "<link" not in page and "<img" not in page
    # Only SVG's XML namespaces name a URL; nothing is fetched.
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, urls
    assert page.count("<svg") == len(report.CHARTS)


def test_same_rows_same_bytes_and_an_identical_report_is_not_rewritten(tmp_path: Path) -> None:
    first = report.report_html(report.build_report(fetch_from(ROWS)), source="w", contents="c")
    second = report.report_html(report.build_report(fetch_from(ROWS)), source="w", contents="c")
    assert first == second
    path = tmp_path / "data" / "report.html"
    assert report.write_report(path, first) is True
    mtime = path.stat().st_mtime_ns
    assert report.write_report(path, second) is False
    assert path.stat().st_mtime_ns == mtime
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def _page(rows: dict[str, report.Rows], contents: str = "c") -> str:
    return report.report_html(report.build_report(fetch_from(rows)), source="w", contents=contents)


def _with(name: str, **change: object) -> dict[str, report.Rows]:
    return {**ROWS, name: [{**ROWS[name][0], **change}, *ROWS[name][1:]]}


@pytest.mark.parametrize(
    ("rows", "contents", "parts"),
    [
        (ROWS, "c", []),
        (_with("quotes_by_confidence", quotes=14), "c", ["quotes_by_confidence"]),
        (_with("largest_stories", title="Summit in Quito"), "c", ["largest_stories"]),
        ({**ROWS, "multi_outlet_statements": []}, "c", ["multi_outlet_statements"]),
        (ROWS, "2 articles", ["header"]),
    ],
    ids=["same", "one-count", "one-label", "now-empty", "header-only"],
)
def test_a_rewritten_page_names_the_charts_that_changed(
    rows: dict[str, report.Rows], contents: str, parts: list[str]
) -> None:
    assert report.changed_parts(_page(ROWS), _page(rows, contents)) == parts


def test_a_page_reads_back_or_is_none(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    assert report.read_page(path) is None
    path.write_bytes(b"\xff\xfe not utf-8")
    assert report.read_page(path) is None
    assert report.write_report(path, "page") is True and report.read_page(path) == "page"


def test_markdown_for_the_ui_embeds_the_png_as_a_data_uri() -> None:
    drawn, empty = report.build_report(
        fetch_from(ROWS, {"quotes_by_confidence": "the table quotes has no rows yet"}),
        [s for s in report.CHARTS if s.name in ("top_speakers_by_outlet", "quotes_by_confidence")],
    )
    md = report.chart_markdown(drawn)
    assert re.search(r"!\[Top speakers by outlet\]\(data:image/png;base64,[A-Za-z0-9+/=]+\)", md)
    assert report.chart_markdown(empty) == (
        "**Quotes by attribution confidence**: no data yet (the table quotes has no rows yet)."
    )


def test_adding_a_chart_is_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "CHARTS", [])

    @report.chart("words", "Words", needs=("articles",))
    def _words(fig, rows):
        fig.add_subplot().bar([r["w"] for r in rows], [r["n"] for r in rows])
        return "Words by count."

    (c,) = report.build_report(fetch_from({"words": [{"w": "summit", "n": 3}]}))
    assert c.title == "Words" and "summit" in _svg_texts(c.svg)
    with pytest.raises(ValueError, match="registered twice"):
        report.chart("words", "Again", needs=())(_words)
