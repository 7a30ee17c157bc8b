"""Progress snapshots: rates, ETA and the line and metadata built from them."""

from __future__ import annotations

import pytest

from pipelines.progress import Progress, ProgressMeter


def test_meter_rates_and_eta_follow_a_fake_clock():
    now = [100.0]
    meter = ProgressMeter("analysis", 1000, clock=lambda: now[0])
    assert meter.snapshot().eta_s is None  # no rate yet
    now[0] = 110.0
    p = meter.advance(200, 50_000)
    assert p.rate == pytest.approx(20.0)
    assert p.words_per_s == pytest.approx(5000.0)
    assert p.eta_s == pytest.approx(40.0)
    assert p.line() == (
        "analysis 200/1,000 articles (20%) 20.0 articles/s 5,000 words/s elapsed 10s ETA 40s"
    )
    assert p.as_metadata() == {
        "articles_done": 200,
        "articles_total": 1000,
        "words": 50_000,
        "seconds": 10.0,
        "articles_per_s": 20.0,
        "words_per_s": 5000.0,
    }


@pytest.mark.parametrize(
    ("elapsed", "shown"), [(0.4, "0s"), (59.6, "1m00s"), (3725, "1h02m"), (125, "2m05s")]
)
def test_durations_are_compact(elapsed, shown):
    assert f"elapsed {shown} " in Progress("s", "files", 1, 2, 0, elapsed).line()


def test_finished_stage_has_zero_eta_and_empty_total_is_complete():
    assert Progress("s", "files", 5, 5, 10, 2.0).eta_s == 0.0
    assert "(100%)" in Progress("s", "files", 0, 0, 0, 0.0).line()
