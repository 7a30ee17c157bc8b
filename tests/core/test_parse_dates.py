"""Absolute and relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.core.parse.dates import parse_date, parse_epoch, resolve_relative_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-17", D(2024, 11, 17)),
        ("2024-11-17T23:59:00+09:00", D(2024, 11, 17)),
        ("2024/11/17", D(2024, 11, 17)),
        ("20241117", D(2024, 11, 17)),
        ("Sun, 17 Nov 2024 10:00:00 GMT", D(2024, 11, 17)),
        ("November 17, 2024", D(2024, 11, 17)),
        ("Nov. 17, 2024", D(2024, 11, 17)),
        ("Sept. 3 2024", D(2024, 9, 3)),
        ("17 November 2024", D(2024, 11, 17)),
        ("Sunday, 17th November 2024", D(2024, 11, 17)),
        ("17.11.2024", D(2024, 11, 17)),
        ("Nov. 17", None),  # no year: not a complete date
        ("2024-02-30", None),
        ("0001-01-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1731801600, D(2024, 11, 17)), (1731801600000, D(2024, 11, 17)), (1e30, None)],
)
def test_parse_epoch(value: float, expected: dt.date | None) -> None:
    assert parse_epoch(value) == expected


# 2024-11-17 is a Sunday; the seeds' summit was on Saturday 2024-11-16.
ANCHOR = D(2024, 11, 17)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Saturday", D(2024, 11, 16)),
        ("Saturday", D(2024, 11, 16)),
        ("on Sunday", D(2024, 11, 17)),
        ("last Monday", D(2024, 11, 11)),
        ("yesterday", D(2024, 11, 16)),
        ("today", D(2024, 11, 17)),
        ("Nov. 16 (local time)", D(2024, 11, 16)),
        ("Nov. 16", D(2024, 11, 16)),
        ("Dec. 30", D(2023, 12, 30)),  # a date well after the anchor is last year's
        ("Nov. 20", D(2024, 11, 20)),  # a few days ahead: an announced event
        ("March 3, 2021", D(2021, 3, 3)),
        ("in the spring", None),
    ],
)
def test_resolve_relative_date(expression: str, expected: dt.date | None) -> None:
    assert resolve_relative_date(expression, ANCHOR) == expected
