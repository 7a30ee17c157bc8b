"""Issue 5, "shown in a real browser": the Dagster UI launches a refresh and shows its results.

A real deployment (code server + webserver + daemon, as ``dagster dev`` runs them) serves the
definitions over a temporary DAGSTER_HOME, warehouse and landing zone holding the seeds.
Headless Debian Chromium, driven by Playwright, opens the global asset lineage, launches the
``refresh_warehouse`` job over every shard from its launchpad (one run, as the sensor and the
schedule do), watches the run succeed and reads the row count on the asset pages.

It also opens the ``report`` asset and checks that a chart in its metadata renders as an
image. Screenshots go to ``test-output/ui/`` (git-ignored). On failure the test saves
``failure.png`` there and its message ends with the deployment's log tail.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

import pytest

from pipelines.core.ids import all_shards
from pipelines.defs.automation import full_range_tags
from tests.conftest import REPO
from tests.defs.test_definitions import EXPECTED_ASSETS
from tests.defs.ui_support.stack import LOCATION, DagsterStack, StackError

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = REPO / "test-output" / "ui"
JOB = "refresh_warehouse"
STARTUP_TIMEOUT_S = 180  # code location loaded in the webserver (~25 s unloaded)
RUN_TIMEOUT_S = 300  # queued -> success (~40 s: run start + spaCy over two seeds)
UI_TIMEOUT_MS = 60_000  # any single page element
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}
ASSETS = tuple(sorted(EXPECTED_ASSETS))


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    msg = (
        f"{CHROMIUM} is missing: the UI test drives Debian's Chromium "
        "(`make browser`, or `apt-get install chromium`)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{msg}; in CI the browser must be installed before the tests", pytrace=False)
    pytest.skip(msg)


def _in_process_config() -> str | None:
    """Run config that runs every step in the run's own process, if the job allows choosing.

    Every writing step is in the "duckdb" pool (limit 1), so steps run one at a time anyway;
    the default multiprocess executor would add an interpreter start-up per step (~10 s each,
    11 steps). If the job's executor is not the selectable default, launch it as configured.
    """
    from pipelines.definitions import defs

    executor = defs.resolve_job_def(JOB).executor_def.name
    if executor == "multi_or_in_process_executor":
        return "execution: {config: {in_process: {}}}"
    return None


class Timer:
    def __init__(self) -> None:
        self.t0 = time.monotonic()

    def mark(self, what: str) -> None:
        print(f"[ui test] {time.monotonic() - self.t0:6.1f}s {what}", flush=True)


def test_ui_launches_refresh_and_shows_row_counts(tmp_path: Path) -> None:
    _require_chromium()
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=UI_TIMEOUT_MS)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    shots: list[Path] = []
    timer = Timer()

    stack = DagsterStack(repo=REPO, tmp=tmp_path, venv_bin=REPO / ".venv" / "bin")
    try:
        stack.start_code_server_and_webserver()
        stack.wait_until(
            "the code location to load in the webserver", stack.location_loaded, STARTUP_TIMEOUT_S
        )
        timer.mark(f"webserver up at {stack.url}, code location loaded")
        # The landing sensor and the schedule default to RUNNING: stop them before the
        # daemon starts, so the only run is the one launched from the browser.
        statuses = stack.stop_automation()
        assert statuses and set(statuses.values()) == {"STOPPED"}, statuses
        stack.start_daemon()
        timer.mark(f"stopped {sorted(statuses)}; daemon starting")

        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.set_default_timeout(UI_TIMEOUT_MS)
            page.set_default_navigation_timeout(UI_TIMEOUT_MS)

            def shot(name: str) -> None:
                path = OUT / f"{name}.png"
                page.screenshot(path=str(path))
                shots.append(path)

            try:
                # 1. Global asset lineage; a fresh instance greets with a newsletter modal.
                page.goto(f"{stack.url}/asset-groups")
                materialize_all = page.get_by_role("button", name="Materialize all…")
                expect(materialize_all).to_be_visible()
                with contextlib.suppress(PlaywrightTimeoutError):  # no modal this time
                    page.get_by_role("button", name="Skip").click(timeout=15_000)
                page.add_locator_handler(
                    page.get_by_role("button", name="Skip"), lambda loc: loc.click()
                )
                for group in ("ingest", "nlp", "warehouse"):
                    expect(page.get_by_text(group, exact=True).first).to_be_visible()
                expect(page.get_by_text("fetching statuses")).to_have_count(0)
                shot("01-asset-lineage")
                timer.mark("asset lineage shown")

                # 2. The job's launchpad: every shard in one run (the range tags the sensor
                #    and the schedule use), then launch.
                page.goto(f"{stack.url}/locations/{LOCATION}/jobs/{JOB}/playground")
                page.get_by_role("button", name="Edit tags").click()
                tags = page.get_by_role("dialog")
                range_tags = list(full_range_tags().items())  # [(start tag, first), (end, last)]
                for i, (key, value) in enumerate(range_tags):
                    if i:
                        tags.get_by_role("button", name="Add custom tag").click()
                    tags.get_by_placeholder("Tag Key").last.fill(key)
                    tags.get_by_placeholder("Tag Value").last.fill(value)
                tags.get_by_role("button", name="Apply").click()
                for key, value in range_tags:  # shown as chips without the "dagster/" prefix
                    expect(page.get_by_text(f"{key.split('/')[-1]}: {value}")).to_be_visible()
                extra = _in_process_config()
                if extra:
                    page.locator(".CodeMirror").first.click()
                    page.keyboard.press("Control+End")
                    page.keyboard.insert_text(f"\n{extra}\n")
                    expect(page.get_by_text(extra)).to_be_visible()
                expect(page.get_by_text("No errors", exact=True)).to_be_visible()
                shot("02-launchpad")
                page.get_by_role("button", name="Launch Run").click()
                # "This job is partitioned. Are you sure ... without a partition specified?"
                with contextlib.suppress(PlaywrightTimeoutError):
                    page.get_by_role("button", name="Confirm").click(timeout=15_000)
                page.wait_for_url(re.compile(r"/runs/[0-9a-f-]{36}"))
                run_id = re.search(r"/runs/([0-9a-f-]{36})", page.url).group(1)  # type: ignore[union-attr]
                timer.mark(f"launched run {run_id} from the UI")

                # 3. The run page updates live; the GraphQL poll only bounds the wait.
                status = stack.wait_until(
                    f"run {run_id} to finish",
                    lambda: s if (s := stack.run_status(run_id)) in TERMINAL else None,
                    RUN_TIMEOUT_S,
                    interval_s=2,
                )
                timer.mark(f"run finished: {status}")
                assert status == "SUCCESS", f"run {run_id} ended {status}"
                expect(page.get_by_text("Success", exact=True).first).to_be_visible()
                expect(page.get_by_text(f"Run of {JOB}")).to_be_visible()
                shot("03-run-success")

                runs = stack.runs()
                assert [r["runId"] for r in runs] == [run_id], (
                    "expected exactly the run launched from the UI (sensor/schedule stopped): "
                    f"{runs}"
                )

                # 4. Asset pages show the row counts the assets attach as metadata.
                from pipelines.warehouse.writer import connect_with_retry

                # What analysts see: the published file, opened read-only.
                con = connect_with_retry(stack.warehouse, read_only=True, timeout_s=30)
                try:
                    expected = {
                        t: con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
                        for t in ("articles", "quotes")
                    }
                finally:
                    con.close()
                assert expected["articles"] == 2 and expected["quotes"] >= 15, expected
                for asset, preview in (("quotes", "latest_quotes"), ("articles", "preview")):
                    page.goto(f"{stack.url}/assets/{asset}")
                    expect(page.get_by_text("Row count", exact=True)).to_be_visible()
                    expect(page.get_by_text(preview, exact=True)).to_be_visible()
                    body = page.inner_text("body")
                    shown = re.search(r"Row count\s+([\d,]+)", body)
                    assert shown, f"no row count on the {asset} page:\n{body[:2000]}"
                    assert int(shown.group(1).replace(",", "")) == expected[asset], (
                        asset,
                        shown.group(1),
                        expected,
                    )
                    shot(f"04-asset-{asset}-row-count")
                timer.mark(f"row counts shown: {expected}")

                # 4b. The report asset's charts, as the UI renders its Markdown metadata: long
                #     Markdown sits behind "[Show Markdown]", which opens it rendered, with the
                #     chart as a PNG data URI the UI's sanitiser lets through.
                page.goto(f"{stack.url}/assets/report")
                row = page.locator("tr", has_text="chart_top_speakers_by_outlet")
                expect(row).to_be_visible()
                row.get_by_text("[Show Markdown]").click()
                chart = page.get_by_role("dialog").get_by_role("img", name="Top speakers by outlet")
                expect(chart).to_be_visible()
                width = chart.evaluate("img => img.complete ? img.naturalWidth : 0")
                assert width > 300, f"the chart image did not load (naturalWidth {width})"
                shot("06-report-asset-chart")
                page.keyboard.press("Escape")
                timer.mark("report chart shown in the asset metadata")

                # 5. The catalog: every asset materialised by that one run.
                page.goto(f"{stack.url}/assets")
                for asset in ASSETS:
                    expect(page.get_by_text(asset, exact=True).first).to_be_visible()
                expect(page.get_by_text(f"{len(all_shards())} partitions").first).to_be_visible()
                expect(page.get_by_text("Never materialized")).to_have_count(0)
                shot("05-asset-catalog")
                timer.mark("catalog shown")
            except Exception as exc:
                failure = OUT / "failure.png"
                try:
                    page.screenshot(path=str(failure))
                except Exception as shot_exc:  # the page itself may be gone
                    failure = Path(f"(no screenshot: {shot_exc})")
                if isinstance(exc, StackError):
                    raise  # already carries the log tail
                raise AssertionError(
                    f"{type(exc).__name__}: {exc}\nscreenshot: {failure}\n"
                    f"--- deployment log tail ---\n{stack.log_tail()}"
                ) from exc
            finally:
                browser.close()
    finally:
        stack.stop()
        timer.mark("deployment stopped")
        for path in shots:
            print(f"[ui test] screenshot: {path}")
