"""JSON and JSON Lines exports."""

from __future__ import annotations

import json

import pytest

from pipelines.core.parse import parse_file


def _jsonl(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def test_jsonl_three_good_one_bad() -> None:
    raw = _jsonl(
        {"title": "A", "body": "First article text.", "date": "2024-11-17"},
        {"headline": "B", "text": "Second article text."},
        '{"title": "broken", "body": "no closing brace"',
        {"title": "C", "content": "Third article text.", "author": "Jane Doe"},
    )
    outcome = parse_file(raw, "export.jsonl")
    assert [a.title for a in outcome.articles] == ["A", "B", "C"]
    assert [a.record_ref for a in outcome.articles] == ["line 1", "line 2", "line 4"]
    assert len(outcome.rejections) == 1
    rejection = outcome.rejections[0]
    assert (rejection.reason_code, rejection.record_ref) == ("bad_json", "line 3")
    assert "line 3" in rejection.reason
    assert outcome.source_format == "jsonl"
    assert all(a.source_format == "jsonl" for a in outcome.articles)


def test_jsonl_detected_from_content_without_extension() -> None:
    raw = _jsonl({"body": "One."}, {"body": "Two."})
    outcome = parse_file(raw, "export.txt")
    assert outcome.source_format == "jsonl"
    assert len(outcome.articles) == 2


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"body": "x", "headline": "H"}, "title", "H"),
        ({"articleBody": "x", "name": "N"}, "title", "N"),
        ({"body": "x", "authors": ["Ann Lee", "Bo Kim"]}, "authors", ("Ann Lee", "Bo Kim")),
        ({"body": "x", "author": {"@type": "Person", "name": "Ann Lee"}}, "authors", ("Ann Lee",)),
        ({"body": "x", "byline": "By Ann Lee and Bo Kim"}, "authors", ("Ann Lee", "Bo Kim")),
        (
            {"body": "x", "byline": "By Diplomacy Journal Lee Jon-young"},
            "outlet",
            "Diplomacy Journal",
        ),
        ({"body": "x", "source": {"id": None, "name": "Reuters"}}, "outlet", "Reuters"),
        ({"body": "x", "publisher": "Associated Press"}, "outlet", "AP"),
        ({"body": "x", "url": "https://example.org/a"}, "url", "https://example.org/a"),
        ({"body": "x", "link": "https://example.org/b"}, "url", "https://example.org/b"),
        ({"body": ["Para one.", "Para two."]}, "body", "Para one.\n\nPara two."),
        ({"content": "<p>Para <b>one</b>.</p><p>Para two.</p>"}, "body", "Para one.\n\nPara two."),
        (
            {"text": "SEOUL, Nov. 17 (Yonhap) -- Body. (Yonhap)"},
            "dateline",
            "SEOUL, Nov. 17 (Yonhap)",
        ),
    ],
)
def test_field_mapping(record: dict, field: str, expected: object) -> None:
    outcome = parse_file(json.dumps(record).encode(), "one.json")
    assert not outcome.rejections, outcome.rejections
    assert getattr(outcome.articles[0], field) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-17", "2024-11-17"),
        ("2024-11-17T08:30:00Z", "2024-11-17"),
        ("Sun, 17 Nov 2024 10:00:00 +0000", "2024-11-17"),
        ("November 17, 2024", "2024-11-17"),
        (1731801600, "2024-11-17"),
        (1731801600000, "2024-11-17"),
        ("1731801600", "2024-11-17"),
    ],
)
def test_json_dates(value: object, expected: str) -> None:
    outcome = parse_file(json.dumps({"body": "x", "publishedAt": value}).encode(), "d.json")
    article = outcome.articles[0]
    assert article.published_date is not None and article.published_date.isoformat() == expected
    assert article.date_reason == "from the JSON field 'publishedAt'"


def test_unparseable_json_date_has_reason() -> None:
    outcome = parse_file(json.dumps({"body": "x", "date": "soon"}).encode(), "d.json")
    article = outcome.articles[0]
    assert article.published_date is None
    assert article.date_reason


@pytest.mark.parametrize(
    ("payload", "refs"),
    [
        ([{"body": "a"}, {"body": "b"}], ["item 0", "item 1"]),
        ({"status": "ok", "articles": [{"content": "a"}]}, ["item 0"]),
        ({"body": "single"}, [""]),
    ],
)
def test_json_layouts(payload: object, refs: list[str]) -> None:
    outcome = parse_file(json.dumps(payload).encode(), "x.json")
    assert [a.record_ref for a in outcome.articles] == refs
    assert outcome.source_format == "json"


@pytest.mark.parametrize(
    ("payload", "code", "ref"),
    [
        ([{"title": "Only a title"}], "no_text", "item 0"),
        ([{"body": "   "}], "no_text", "item 0"),
        ([42], "not_an_article", "item 0"),
        ("just a string", "not_an_article", ""),
        ([], "no_text", ""),
    ],
)
def test_json_records_without_text(payload: object, code: str, ref: str) -> None:
    outcome = parse_file(json.dumps(payload).encode(), "x.json")
    assert not outcome.articles
    assert [(r.reason_code, r.record_ref) for r in outcome.rejections] == [(code, ref)]
    assert outcome.rejections[0].reason


def test_title_without_body_says_so() -> None:
    outcome = parse_file(json.dumps([{"title": "T"}]).encode(), "x.json")
    assert "title but no body" in outcome.rejections[0].reason


@pytest.mark.parametrize(
    "raw",
    [b'{"body": "unterminated', b"[1, 2,", b'{"a": }', b"[" * 100_000 + b"]" * 100_000],
)
def test_malformed_json(raw: bytes) -> None:
    outcome = parse_file(raw, "bad.json")
    assert not outcome.articles
    assert outcome.rejections[0].reason_code == "bad_json"


def test_jsonl_record_limits() -> None:
    from pipelines.core.parse import ParseLimits

    raw = _jsonl(*({"body": f"Article {i}."} for i in range(5)))
    outcome = parse_file(raw, "x.jsonl", limits=ParseLimits(max_records_per_file=3))
    assert len(outcome.articles) == 3
    assert [r.reason_code for r in outcome.rejections] == ["too_many_records"]
    long_line = _jsonl({"body": "x" * 500}, {"body": "short"})
    outcome = parse_file(long_line, "x.jsonl", limits=ParseLimits(max_line_chars=100))
    assert [a.record_ref for a in outcome.articles] == ["line 2"]
    assert outcome.rejections[0].reason_code == "line_too_long"
