"""The fuzzers' shared chunking, runner and problem listing."""

from __future__ import annotations

import pytest

from pipelines.tools.fuzz_common import (
    SHOWN_PROBLEMS,
    chunk_ranges,
    print_problems,
    print_progress,
    run_chunks,
)


def _square_range(bounds: tuple[int, int]) -> list[int]:
    return [i * i for i in range(*bounds)]


@pytest.mark.parametrize(("count", "step"), [(0, 3), (1, 3), (9, 3), (10, 3), (250, 100)])
def test_chunk_ranges_cover_every_case_once(count: int, step: int) -> None:
    ranges = chunk_ranges(count, step)
    covered = [i for start, stop in ranges for i in range(start, stop)]
    assert covered == list(range(count))
    assert all(0 < stop - start <= step for start, stop in ranges)


@pytest.mark.parametrize("workers", [1, 2])
def test_run_chunks_keeps_chunk_order(workers: int) -> None:
    results = list(run_chunks(_square_range, chunk_ranges(10, 3), workers))
    assert results == [[0, 1, 4], [9, 16, 25], [36, 49, 64], [81]]


def test_print_problems_names_the_replay_and_stops_at_the_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    problems = [(i, f"problem {i}") for i in range(SHOWN_PROBLEMS + 5)]
    print_problems(iter(problems), 7, "crash", "case")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == SHOWN_PROBLEMS
    assert lines[3] == "  crash #3 (replay: --seed 7, case 3): problem 3"


def test_print_progress_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import time

    print_progress(1500, 10000, 0, time.perf_counter(), "articles")
    out = capsys.readouterr().out
    assert out.startswith("  ... 1,500/10,000 articles done, 0 problem(s) so far, ")
    assert out.count("\n") == 1
