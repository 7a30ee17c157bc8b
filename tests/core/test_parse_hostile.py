"""Hostile and broken input: parse_file never raises and says why it refused."""

from __future__ import annotations

import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.core.models import ParseOutcome
from pipelines.core.parse import ParseLimits, parse_file


def _codes(outcome: ParseOutcome) -> list[str]:
    return [r.reason_code for r in outcome.rejections]


def _png() -> bytes:
    ihdr = b"\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + len(ihdr).to_bytes(4, "big")
        + b"IHDR"
        + ihdr
        + zlib.compress(b"\x00" * 64)
    )


@pytest.mark.parametrize(
    ("raw", "name", "code"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\t\r\n  ", "ws.txt", "whitespace_only"),
        (b"\x00\x00\x00", "nuls.txt", "binary"),
        (_png(), "photo.txt", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "a.zip", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "doc.txt", "binary"),
        (b"\x1f\x8b\x08\x00" + bytes(range(200)), "a.txt.gz", "binary"),
        (bytes(range(256)) * 40, "random.bin", "binary"),
        (b"\xef\xbb\xbf", "bom-only.txt", "whitespace_only"),
        (b"[not json", "bad.json", "bad_json"),
        (b'{"title": "x"}', "t.json", "no_text"),
        (b"<html><body><script>var a=1;</script></body></html>", "s.html", "no_text"),
    ],
)
def test_hostile_input_is_rejected_with_reason(raw: bytes, name: str, code: str) -> None:
    outcome = parse_file(raw, name)
    assert not outcome.articles
    assert _codes(outcome) == [code]
    assert outcome.rejections[0].reason.strip()
    assert outcome.rejections[0].source_file == name


def test_nul_bytes_inside_text_are_removed() -> None:
    outcome = parse_file(b"Yoon met\x00 Ishiba in Lima on Saturday.", "n.txt")
    assert outcome.articles[0].body == "Yoon met Ishiba in Lima on Saturday."


def test_invalid_utf8_still_loads() -> None:
    raw = "Café “talks” ".encode() + b"\xff\xfe\x80" + b" resumed in Seoul."
    outcome = parse_file(raw, "bad.txt")
    assert not outcome.rejections
    assert outcome.articles[0].body.startswith("Café “talks”")
    assert outcome.articles[0].body.endswith("resumed in Seoul.")


def test_fifty_megabytes_is_too_large() -> None:
    raw = b"A line of news text.\n" * (50 * 1024 * 1024 // 21 + 1)
    outcome = parse_file(raw, "huge.txt")
    assert _codes(outcome) == ["too_large"]
    assert "20,971,520" in outcome.rejections[0].reason


def test_limit_is_configurable() -> None:
    outcome = parse_file(b"Short article.", "s.txt", limits=ParseLimits(max_file_bytes=5))
    assert _codes(outcome) == ["too_large"]


def test_single_ten_megabyte_line() -> None:
    raw = b"word " * (2 * 1024 * 1024)
    outcome = parse_file(raw, "line.txt")
    assert _codes(outcome) == ["line_too_long"]


def test_deeply_nested_html() -> None:
    depth = 100_000
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<p>Deep text here.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    outcome = parse_file(page.encode(), "deep.html")
    assert _codes(outcome) == ["html_too_deep"]


def test_truncated_html_keeps_what_is_there() -> None:
    paragraph = "<p>Prime Minister Shigeru Ishiba said the talks in Lima were productive and that both sides agreed to meet again soon.</p>"
    page = (
        "<html><head><title>Talks</title></head><body><article>" + paragraph * 5 + "<p>Cut off mid"
    )
    outcome = parse_file(page.encode(), "cut.html")
    assert not outcome.rejections
    assert "Ishiba said the talks in Lima" in outcome.articles[0].body


def test_deeply_nested_json() -> None:
    raw = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
    outcome = parse_file(raw, "deep.json")
    assert _codes(outcome) == ["bad_json"]


def test_html_size_limit() -> None:
    page = "<html><body><p>" + "x " * 1000 + "</p></body></html>"
    outcome = parse_file(page.encode(), "big.html", limits=ParseLimits(max_html_bytes=100))
    assert _codes(outcome) == ["too_large"]


_REAL_ISH = [
    b"By Diplomacy Journal Lee Jon-young\nPresident Yoon said \xe2\x80\x9cyes.\xe2\x80\x9d (Yonhap)",
    b"SEOUL, Nov. 17 (Yonhap) -- North Korea fired a missile.\n\nMore text.",
    b'<html><head><meta charset="utf-8"><title>T</title></head><body><p>Hello there.</p></body></html>',
    json.dumps([{"title": "T", "body": "Text.", "date": "2024-11-17"}]).encode(),
    b'{"body": "a"}\n{"text": "b"}\n',
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(_REAL_ISH),
    cut=st.integers(min_value=0, max_value=200),
    noise=st.binary(max_size=64),
    position=st.integers(min_value=0, max_value=200),
    name=st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "noext", "ä b\nc.txt"]),
)
def test_parse_file_never_raises_on_mutated_input(
    base: bytes, cut: int, noise: bytes, position: int, name: str
) -> None:
    raw = base[:position] + noise + base[position:]
    raw = raw[: len(raw) - cut] if cut < len(raw) else raw
    outcome = parse_file(raw, name)
    assert isinstance(outcome, ParseOutcome)
    assert "internal_error" not in _codes(outcome)
    for article in outcome.articles:
        assert article.body.strip()
        assert article.body == article.body.strip()
        assert "\x00" not in article.body
    for rejection in outcome.rejections:
        assert rejection.reason_code and rejection.reason


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=2048))
def test_parse_file_never_raises_on_random_bytes(raw: bytes) -> None:
    outcome = parse_file(raw, "random.dat")
    assert "internal_error" not in _codes(outcome)
    assert outcome.articles or outcome.rejections
