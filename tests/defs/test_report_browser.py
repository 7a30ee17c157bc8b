"""The report over the seeds, opened in a real browser: the charts render, offline.

A refresh over the seeds writes ``report.html`` beside a temporary warehouse. Headless Debian
Chromium (driven by Playwright, as in test_ui.py) opens it from disk with the network cut
off, and every drawn chart must be an SVG laid out at a real size whose labels are on screen;
every "no data yet" panel must say why. Screenshot: ``test-output/report/report.png``.
"""

from __future__ import annotations

import re

import pytest

from pipelines import report
from tests.conftest import REPO
from tests.defs.test_ui import CHROMIUM, CHROMIUM_ARGS, _require_chromium

pytestmark = pytest.mark.slow

OUT = REPO / "test-output" / "report"


def test_report_renders_in_a_browser_and_in_the_asset_metadata(env) -> None:
    _require_chromium()
    from playwright.sync_api import expect, sync_playwright

    result = env.run()
    assert result.success
    page_path = env.tmp / "report.html"
    assert page_path.is_file(), "the report asset writes report.html beside the warehouse"

    # The same charts in the asset's metadata, as PNG data URIs in Markdown.
    (mat,) = [
        e.materialization
        for e in result.get_asset_materialization_events()
        if e.materialization.asset_key.to_user_string() == "report"
    ]
    md = {k: v.value for k, v in mat.metadata.items() if k.startswith("chart_")}
    assert set(md) == {f"chart_{s.name}" for s in report.CHARTS}
    assert "data:image/png;base64," in md["chart_top_speakers_by_outlet"]

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
            requests: list[str] = []
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.goto(page_path.as_uri())
            expect(page.get_by_role("heading", name="News warehouse report")).to_be_visible()
            sections = page.locator("section.chart")
            expect(sections).to_have_count(len(report.CHARTS))
            drawn = page.locator('section.chart[data-state="drawn"]')
            # Seeds: speakers, confidence, reasons, the one story and its four shared
            # statements are drawn; mentions over time has no dated article.
            assert drawn.count() >= 5, page.content()[:2000]
            for i in range(drawn.count()):
                svg = drawn.nth(i).locator("svg").first
                expect(svg).to_be_visible()
                box = svg.bounding_box()
                assert box and box["width"] > 400 and box["height"] > 80, box
                assert drawn.nth(i).locator("svg text").count() > 3  # axis and bar labels
            speakers = page.locator("#top_speakers_by_outlet svg")
            for name in ("Yoon Suk Yeol", "Shigeru Ishiba", "Diplomacy Journal", "Yonhap"):
                expect(speakers.get_by_text(name, exact=True).first).to_be_visible()
            empty = page.locator('section.chart[data-state="no-data"]')
            for i in range(empty.count()):
                expect(empty.nth(i).get_by_text("No data yet")).to_be_visible()
            expect(page.locator("#top_entities_over_time")).to_contain_text(
                "has a publication date yet"
            )
            page.screenshot(path=str(OUT / "report.png"), full_page=True)
            assert [u for u in requests if not u.startswith("file:")] == []
            assert re.search(r"\d+ articles", page.locator(".meta").inner_text())
        finally:
            browser.close()
    print(f"[report test] screenshot: {OUT / 'report.png'}")
