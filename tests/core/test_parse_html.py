"""HTML pages through trafilatura, fragments, charset declarations, format detection."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.core.parse import parse_file
from pipelines.core.parse.detect import sniff_text_format
from pipelines.core.parse.html import declared_charset, estimate_depth, fragment_paragraphs

PARAGRAPHS = [
    "WASHINGTON (AP) — Lawmakers on Tuesday questioned the ambassador for nine hours about the pressure campaign.",
    "“I followed the directions of the president,” the ambassador told the committee in his opening statement.",
    "The hearing is the fourth public session of the inquiry and will continue on Wednesday with other witnesses.",
]
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ambassador testifies - Example News</title>'
    '<meta property="og:title" content="Ambassador testifies">'
    '<meta property="og:site_name" content="Example News">'
    '<meta name="author" content="Jane Roe; John Doe">'
    '<meta property="article:published_time" content="2019-11-20T09:00:00Z">'
    '<link rel="canonical" href="https://news.example.com/2019/11/20/ambassador">'
    "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    "<article><h1>Ambassador testifies</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer><p>Copyright 2019 Example News. All rights reserved.</p></footer></body></html>"
)


@pytest.fixture(scope="module")
def page_article():
    outcome = parse_file(PAGE.encode(), "page.html")
    assert not outcome.rejections, outcome.rejections
    return outcome.articles[0]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "Ambassador testifies"),
        ("outlet", "Example News"),
        ("authors", ("Jane Roe", "John Doe")),
        ("dateline", "WASHINGTON (AP)"),
        ("published_date", dt.date(2019, 11, 20)),
        ("date_reason", "from the page metadata"),
        ("url", "https://news.example.com/2019/11/20/ambassador"),
        ("source_format", "html"),
    ],
)
def test_html_metadata(page_article, field: str, expected: object) -> None:
    assert getattr(page_article, field) == expected


def test_html_body(page_article) -> None:
    assert page_article.body.startswith("Lawmakers on Tuesday")
    assert "“I followed the directions of the president,”" in page_article.body
    assert "World" not in page_article.body.split("\n\n")
    assert "Copyright" not in page_article.body


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="windows-1250">', "cp1250"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?><html>', "shift_jis"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>One <b>bold</b> word.</p><p>Two.</p>", ["One bold word.", "Two."]),
        ("Line one<br>Line two", ["Line one", "Line two"]),
        ("<div><p>Nested</p></div><script>x()</script>", ["Nested"]),
        ("<ul><li>a</li><li>b</li></ul>", ["a", "b"]),
        ("", []),
    ],
)
def test_fragment_paragraphs(markup: str, expected: list[str]) -> None:
    assert fragment_paragraphs(markup) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [("<div><div><p>x</p></div></div>", 2), ("<div>" * 300, 251), ("<br><img><p>a<p>b", 0)],
)
def test_estimate_depth(html: str, expected: int) -> None:
    assert estimate_depth(html, stop_at=250) == expected


@pytest.mark.parametrize(
    ("content", "name", "fmt"),
    [
        ("<!doctype html><html><body>x</body></html>", "a.txt", "html"),
        ("  <html lang='en'><p>x</p>", "noext", "html"),
        ("<!-- saved page --><html>", "a.dat", "html"),
        ("Plain text with a <b>tag</b> later.", "a.txt", "text"),
        ("Plain text with a <p>tag</p> later.", "a.html", "html"),
        ('{"body": "x"}', "a.txt", "json"),
        ('{"body": "x"}\n{"body": "y"}', "a.txt", "jsonl"),
        ('{"body": "x"}', "a.jsonl", "jsonl"),
        ("[Updated] Markets fell sharply on Monday.", "a.txt", "text"),
        ("Text", "a.json", "json"),
    ],
)
def test_sniff_text_format(content: str, name: str, fmt: str) -> None:
    assert sniff_text_format(content, name) == fmt
