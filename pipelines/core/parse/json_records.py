"""JSON and JSON Lines exports: one article per object (or per line).

Field names are mapped through ``rules/json_fields.toml`` after normalising keys (case-folded,
letters and digits only), so ``publishedAt``, ``published_at`` and ``Published-At`` are one key.
Values may be strings, lists (paragraph lists, author lists), or objects with a ``name`` /
``text`` / ``value`` member (schema.org ``author: {"name": ...}``, NewsAPI
``source: {"name": ...}``). Dates may be strings or Unix timestamps (seconds or ms).
A body that contains HTML markup is converted to text through the HTML path.

Layouts: a top-level array of objects (``record_ref`` "item N", 0-based as in ``jq .[N]``), an
object wrapping such an array under a container key ("articles", "items", "data", ...), a
single article object (``record_ref`` ""), or JSON Lines (``record_ref`` "line N", 1-based
as in an editor). A bad record is a rejection that names it; the other records still load.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.core.parse.dates import parse_date, parse_epoch
from pipelines.core.parse.limits import ParseLimits
from pipelines.core.parse.resources import clean_authors, json_field_map, json_key, outlet_table
from pipelines.core.parse.text import TextFields, clean_paragraphs, split_byline, split_paragraphs

_NESTED_VALUE_KEYS = ("name", "text", "value", "@value", "content", "title", "href", "url")
_HTML_MARKUP_RE = re.compile(
    r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|li|blockquote)\b[^>]*>", re.I
)
_HTML_PAGE_RE = re.compile(r"<(?:html|body|!doctype)\b", re.IGNORECASE)
_BY_PREFIX_RE = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHOR_SEP_RE = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")
_MAX_AUTHORS = 50


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One article-shaped JSON object, mapped; ``reason_code`` set when it has no usable text."""

    record_ref: str
    fields: TextFields | None
    date_value: Any = None  # the raw value of the date field, parsed by ``record_date``
    date_key: str | None = None  # which key it came from, for ``date_reason``
    url: str | None = None
    dateline_field: str | None = None  # a separate "dateline" field, when the export has one
    reason_code: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """A record that could not be read at all (malformed line, not an object, too long)."""

    record_ref: str
    reason_code: str
    reason: str


def _as_text(value: Any, depth: int = 0) -> str | None:
    """Coerce a JSON value to one string (objects via their name/text/value member)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None or depth > 3:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):
        for key in _NESTED_VALUE_KEYS:
            if key in value:
                found = _as_text(value[key], depth + 1)
                if found:
                    return found
        return None
    if isinstance(value, list):
        for item in value:
            found = _as_text(item, depth + 1)
            if found:
                return found
    return None


def _lookup(record: Mapping[str, Any], field: str) -> tuple[str | None, Any]:
    """Return (original key, value) of the highest-priority key present for ``field``."""
    keys = json_field_map().fields[field]
    normalised = {json_key(k): k for k in record if isinstance(k, str)}
    for key in keys:
        original = normalised.get(key)
        if original is not None and record[original] not in (None, "", [], {}):
            return original, record[original]
    return None, None


def _body_text(value: Any) -> str | None:
    if isinstance(value, list):
        parts = [p for p in (_as_text(item) for item in value[:10_000]) if p]
        return "\n\n".join(parts) or None
    return _as_text(value)


def _authors(value: Any) -> tuple[str | None, tuple[str, ...]]:
    """Return (outlet named in a byline string, authors)."""
    if isinstance(value, list):
        names: list[str] = []
        for item in value[:_MAX_AUTHORS]:
            name = _as_text(item)
            if name:
                names.extend(_authors(name)[1])
        return None, clean_authors(names)
    text = _as_text(value)
    if not text:
        return None, ()
    if _BY_PREFIX_RE.match(text):
        outlet, authors = split_byline(_BY_PREFIX_RE.sub("", text))
        if outlet or authors:
            return outlet, clean_authors(authors)
    names = [n.strip(" ,.") for n in _AUTHOR_SEP_RE.split(text)]
    return None, clean_authors(names[:_MAX_AUTHORS])


def _html_to_paragraphs(markup: str) -> list[tuple[str, int]]:
    from pipelines.core.parse.html import fragment_paragraphs  # lxml loads on demand

    return [(paragraph, index) for index, paragraph in enumerate(fragment_paragraphs(markup))]


def map_record(record: Mapping[str, Any], record_ref: str, limits: ParseLimits) -> JsonRecord:
    """Map one JSON object onto article fields.

    Args:
        record: The decoded JSON object.
        record_ref: Where it sits in the file ("line 3", "item 0", "").
        limits: Size limits (HTML bodies go through the HTML parser).

    Returns:
        The mapped record, with ``reason_code`` "no_text" when no body field holds text.
    """
    body_key, body_value = _lookup(record, "body")
    body = _body_text(body_value)
    if not body:
        tried = ", ".join(json_field_map().fields["body"][:6])
        has_title = _lookup(record, "title")[0] is not None
        what = "has a title but no body text" if has_title else "has no body text"
        return JsonRecord(
            record_ref,
            None,
            reason_code="no_text",
            reason=f"the JSON record {what} (looked for fields such as {tried}, ...)",
        )
    if _HTML_PAGE_RE.search(body[:5_000]):
        # A whole page stored in the record: boilerplate removal as for .html files.
        from pipelines.core.parse.html import parse_html

        page = parse_html(body, limits)
        paragraphs = split_paragraphs(page.fields.body) if page.fields else []
    elif _HTML_MARKUP_RE.search(body[:20_000]):
        paragraphs = _html_to_paragraphs(body)
    else:
        paragraphs = split_paragraphs(body)
    fields = clean_paragraphs(paragraphs, detect_title=False)
    if not fields.body:
        return JsonRecord(
            record_ref,
            None,
            reason_code="no_text",
            reason=f"the JSON record's {body_key!r} field holds no article text once markup and sign-offs are removed",
        )
    byline_outlet, authors = _authors(_lookup(record, "authors")[1])
    outlet_value = _as_text(_lookup(record, "outlet")[1])
    outlet = None
    if outlet_value:
        outlet = outlet_table().canonical(outlet_value) or outlet_value
    dateline_value = _as_text(_lookup(record, "dateline")[1])
    date_key, date_value = _lookup(record, "date")
    fields = TextFields(
        body=fields.body,
        title=_as_text(_lookup(record, "title")[1]),
        outlet=outlet or byline_outlet or fields.outlet,
        authors=authors or fields.authors,
        dateline=fields.dateline,
    )
    return JsonRecord(
        record_ref,
        fields,
        date_value=date_value,
        date_key=date_key,
        url=_as_text(_lookup(record, "url")[1]),
        dateline_field=dateline_value,
    )


def record_date(value: Any) -> dt.date | None:
    """Parse a JSON date value (string, number, or object with a value) to a date or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return parse_epoch(float(value))
    text = _as_text(value)
    if text is None:
        return None
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return parse_epoch(float(text))
    return parse_date(text)


def _bad_json_reason(exc: ValueError | RecursionError, what: str) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{what} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    if isinstance(exc, RecursionError):
        return f"{what} nests JSON arrays/objects too deeply to read"
    return f"{what} is not valid JSON ({exc})"


def iter_json_records(
    text: str, limits: ParseLimits
) -> Iterator[tuple[str, Mapping[str, Any]] | RecordProblem]:
    """Yield ``(record_ref, object)`` pairs or problems from a JSON document.

    Args:
        text: The decoded file.
        limits: Size limits.

    Yields:
        Article-shaped objects with their reference, or a :class:`RecordProblem`.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield RecordProblem("", "bad_json", _bad_json_reason(exc, "the file"))
        return
    containers = json_field_map().containers
    items: list[Any] | None = None
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and json_key(key) in containers and isinstance(value, list):
                items = value
                break
        if items is None:
            yield "", data
            return
    else:
        yield RecordProblem(
            "",
            "not_an_article",
            f"the JSON file holds a {type(data).__name__}, not an article object or a list of them",
        )
        return
    for index, item in enumerate(items):
        ref = f"item {index}"
        if index >= limits.max_records_per_file:
            yield RecordProblem(
                ref,
                "too_many_records",
                f"the file has {len(items):,} records; only the first {limits.max_records_per_file:,} were read",
            )
            return
        if isinstance(item, dict):
            yield ref, item
        else:
            yield RecordProblem(
                ref, "not_an_article", f"{ref} is a JSON {type(item).__name__}, not an object"
            )


def iter_jsonl_records(
    text: str, limits: ParseLimits
) -> Iterator[tuple[str, Mapping[str, Any]] | RecordProblem]:
    """Yield ``(record_ref, object)`` pairs or problems from JSON Lines.

    Args:
        text: The decoded file.
        limits: Size limits.

    Yields:
        One object or problem per non-blank line.
    """
    count = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        ref = f"line {number}"
        count += 1
        if count > limits.max_records_per_file:
            yield RecordProblem(
                ref,
                "too_many_records",
                f"the file has more than {limits.max_records_per_file:,} records; lines from {number} on were not read",
            )
            return
        if len(line) > limits.max_line_chars:
            yield RecordProblem(
                ref,
                "line_too_long",
                f"{ref} has {len(line):,} characters, over the {limits.max_line_chars:,} limit",
            )
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield RecordProblem(ref, "bad_json", _bad_json_reason(exc, ref))
            continue
        if isinstance(item, dict):
            yield ref, item
        else:
            yield RecordProblem(
                ref, "not_an_article", f"{ref} is a JSON {type(item).__name__}, not an object"
            )
