"""The run's console output: one line per stage, checks once, a bar only for long work."""

from __future__ import annotations

import io
import re

import pytest

from pipelines.console import NAME_WIDTH, StageReporter, format_duration

STAGE_LINE = re.compile(r"^(\S+)\s+(.+)  \((\d+\.\d s|\d+m\d\ds|\d+h\d\dm)\)$")


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def _reporter(tty: bool = False) -> tuple[StageReporter, io.StringIO, io.StringIO, Clock]:
    out, err, clock = io.StringIO(), io.StringIO(), Clock()
    return StageReporter(out=out, err=err, clock=clock, tty=tty), out, err, clock


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.44, "0.4 s"), (59.9, "59.9 s"), (185, "3m05s"), (3720, "1h02m")],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_one_line_per_stage_then_checks_then_the_run() -> None:
    rep, out, err, clock = _reporter()
    rep.run_started()
    rep.step_started("ingest_files")
    rep.materialized("ingest_files", "ingest_files", {"summary": "2 files: 2 new", "files_new": 2})
    clock.t += 0.4
    rep.step_succeeded("ingest_files", 0.4)
    rep.step_started("ingest_files_every_landed_file_accounted")
    rep.check_evaluated("ingest_files_every_landed_file_accounted", "c1", "ingest_files", True, "")
    rep.step_succeeded("ingest_files_every_landed_file_accounted", 0.1)
    rep.step_started("articles")
    for _shard in range(16):  # a partitioned step reports once per shard
        rep.materialized(
            "articles", "articles", {"summary": "2 files parsed", "dagster/row_count": 2}
        )
    rep.step_succeeded("articles", 1.25)
    rep.step_started("entity_tables")
    rep.materialized("entity_tables", "entities", {"dagster/row_count": 18})
    rep.materialized("entity_tables", "entity_aliases", {"dagster/row_count": 31})
    rep.materialized("entity_tables", "one_row_table", {"dagster/row_count": 1})
    rep.step_succeeded("entity_tables", 0.2)
    clock.t += 3
    rep.run_finished(True)
    lines = out.getvalue().splitlines()
    assert [STAGE_LINE.match(line).group(1) for line in lines[:4]] == [  # type: ignore[union-attr]
        "ingest_files",
        "articles",
        "entity_tables",
        "checks",
    ]
    assert lines[0].endswith("2 files: 2 new  (0.4 s)")
    assert "2 files parsed  (1.2 s)" in lines[1]  # once, not once per shard
    assert "entities 18 rows, entity_aliases 31 rows, one_row_table 1 row  (" in lines[2]
    assert lines[3].startswith("checks") and "1 passed" in lines[3]
    assert lines[4] == "run finished in 3.4 s"  # something changed: no "nothing new"
    assert len(lines) == 5 and err.getvalue() == ""


def test_nothing_new_when_every_change_count_is_zero() -> None:
    rep, out, _, _ = _reporter()
    rep.run_started()
    rep.step_started("ingest_files")
    rep.materialized("ingest_files", "ingest_files", {"files_unchanged": 2})
    rep.step_succeeded("ingest_files")
    rep.step_started("articles")
    rep.materialized("articles", "articles", {"articles_written": 0, "articles_deleted": 0})
    rep.step_succeeded("articles")
    rep.run_finished(True)
    assert rep.nothing_new()
    assert out.getvalue().splitlines()[-1].endswith(": nothing new")


@pytest.mark.parametrize(
    "key", ["files_new", "files_removed", "files_quarantined_new", "articles_analysed"]
)
def test_any_change_means_something_new(key: str) -> None:
    rep, _, _, _ = _reporter()
    rep.materialized("s", "a", {"articles_written": 0, key: 1})
    assert not rep.nothing_new()


def test_unknown_counts_never_claim_nothing_new() -> None:
    rep, _, _, _ = _reporter()
    rep.materialized("s", "a", {"dagster/row_count": 3})
    assert not rep.nothing_new()


def test_failures_go_to_stderr_at_once() -> None:
    rep, out, err, clock = _reporter()
    rep.run_started()
    rep.step_started("c")
    rep.check_evaluated("c", "quote_offsets_in_body", "quotes", False, "3 quotes off")
    rep.step_started("analysis")
    clock.t += 2
    rep.step_failed("analysis", "IndexError: tuple index out of range")
    rep.run_finished(False)
    lines = err.getvalue().splitlines()
    assert (
        lines[0] == f"{'CHECK FAILED':<{NAME_WIDTH}} quote_offsets_in_body on quotes: 3 quotes off"
    )
    assert lines[1].startswith("analysis") and "FAILED after 2.0 s: IndexError" in lines[1]
    assert lines[-1] == "run failed in 2.0 s"
    assert "0 passed, 1 FAILED" in out.getvalue()


def test_long_analysis_draws_a_bar_with_counts_rate_and_eta_on_a_terminal() -> None:
    rep, out, err, clock = _reporter(tty=True)
    rep.step_started("analysis")
    clock.t += 8  # loading the model does not count towards the rate
    rep.progress("analysis", 10, 1000)
    for done in (110, 210):
        clock.t += 10
        rep.progress("analysis", done, 1000)
    screen = err.getvalue()
    assert screen.count("\r") == 2
    last = screen.split("\r")[-1]
    assert re.search(r"\[#+-+\] 210/1,000 articles  10\.0/s  ETA 1m19s", last), last
    clock.t += 80
    rep.progress("analysis", 1000, 1000)
    rep.materialized("analysis", "quotes", {"summary": "1,000 articles analysed"})
    rep.step_succeeded("analysis", 108)
    assert err.getvalue().endswith("\r\x1b[K")  # the bar is wiped before the stage line
    assert out.getvalue() == f"{'analysis':<{NAME_WIDTH}} 1,000 articles analysed  (1m48s)\n"


def test_short_analysis_shows_no_bar() -> None:
    rep, _, err, clock = _reporter(tty=True)
    rep.step_started("analysis")
    rep.progress("analysis", 1, 2)
    clock.t += 1
    rep.progress("analysis", 2, 2)
    assert err.getvalue() == ""


def test_progress_without_a_terminal_is_an_occasional_plain_line() -> None:
    rep, _, err, clock = _reporter(tty=False)
    rep.step_started("analysis")
    rep.progress("analysis", 0, 10_000)
    for done in range(100, 2100, 100):  # one report a second for 20 s
        clock.t += 1
        rep.progress("analysis", done, 10_000)
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and "\r" not in err.getvalue()
    assert re.fullmatch(r"analysis\s+100/10,000 articles  100\.0/s  ETA 1m39s", lines[0])
    clock.t += 30
    rep.progress("analysis", 5000, 10_000)
    assert len(err.getvalue().splitlines()) == 2


def test_parts_of_a_partitioned_step_add_up_against_the_announced_total() -> None:
    # Shards report their own counts one after another (and may overlap); the bar shows
    # the stage's sum, so a new shard starting at 0 does not reset or sink the rate.
    rep, _, err, clock = _reporter(tty=True)
    rep.step_started("analysis")
    rep.expect("analysis", 3000)
    rep.progress("analysis", 0, 1000, part="analyse_00")
    for done in (500, 1000):
        clock.t += 50
        rep.progress("analysis", done, 1000, part="analyse_00")
    clock.t += 10
    rep.progress("analysis", 200, 1000, part="analyse_01")  # the next shard's first batch
    last = err.getvalue().split("\r")[-1]
    assert re.search(r" 1,200/3,000 articles  10\.9/s  ETA 2m45s", last), last
    rep.progress("analysis", 100, 1000, part="analyse_02")  # a third shard, at once
    assert "1,300/3,000 articles" in err.getvalue().split("\r")[-1]


def test_parts_without_an_announced_total_add_their_own_totals() -> None:
    rep, _, err, clock = _reporter(tty=True)
    rep.step_started("analysis")
    rep.progress("analysis", 0, 600, part="analyse_00")
    clock.t += 30
    rep.progress("analysis", 300, 600, part="analyse_00")
    rep.progress("analysis", 0, 600, part="analyse_01")
    clock.t += 30
    rep.progress("analysis", 300, 600, part="analyse_01")
    assert "600/1,200 articles  10.0/s  ETA 1m00s" in err.getvalue().split("\r")[-1]


def test_words_per_second_beside_the_rate_when_parts_report_words() -> None:
    # Issue 13 asks for words/s in the console too: the parts' words add up like their
    # counts, and the rate counts from the first report (after the model load).
    rep, _, err, clock = _reporter(tty=True)
    rep.step_started("analysis")
    rep.expect("analysis", 2000)
    rep.progress("analysis", 0, 1000, part="analyse_00", words=0)
    clock.t += 100
    rep.progress("analysis", 1000, 1000, part="analyse_00", words=380_000)
    clock.t += 20
    rep.progress("analysis", 200, 1000, part="analyse_01", words=70_000)
    last = err.getvalue().split("\r")[-1]
    assert re.search(r" 1,200/2,000 articles  10\.0/s  3,750 words/s  ETA 1m20s", last), last


def test_no_words_reported_no_words_per_second() -> None:
    rep, _, err, clock = _reporter()
    rep.step_started("analysis")
    rep.progress("analysis", 0, 1000)
    clock.t += 10
    rep.progress("analysis", 100, 1000)
    assert "words/s" not in err.getvalue()
