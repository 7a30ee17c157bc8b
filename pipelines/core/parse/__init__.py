"""Parse raw article files (text, HTML, JSON, JSON Lines; any encoding) into ParsedArticle records.

Public API::

    from pipelines.core.parse import parse_file, ParseLimits
    outcome = parse_file(raw_bytes, "landing/2024/x.txt")        # never raises
    outcome.articles     # tuple[ParsedArticle, ...]
    outcome.rejections   # tuple[Rejection, ...] with reason_code + a sentence for people

Pipeline for one file (each step can end it with a rejection):

1. size (``too_large``), emptiness (``empty``), binary magic / control bytes (``binary``);
2. decoding (``encoding.decode_bytes``; ``bad_encoding``) and meaning-preserving
   normalisation (``encoding.normalize_text``: NFC, LF, no control characters);
   ``whitespace_only`` when nothing is left;
3. format from content (``detect.sniff_text_format``), then the format's parser:
   ``text.parse_text``, ``html.parse_html`` or the JSON record iterators;
4. per article: body limits (``no_text``, ``body_too_long``), the publication date and its
   reason (``dates``), and the ParsedArticle.

Rejection reason codes: ``empty``, ``whitespace_only``, ``binary``, ``too_large``,
``bad_encoding``, ``line_too_long``, ``bad_json``, ``not_an_article``, ``too_many_records``,
``no_text``, ``body_too_long``, ``bad_html``, ``html_too_deep``, ``internal_error``.
``internal_error`` is the last-resort guard that keeps the promise "never raises"; the fuzz
tool counts it as a crash, so it should never appear.

Field derivation, per format, is documented in the modules: ``text`` (title, byline
"By <Outlet> <Author>" splitting, datelines, sign-offs), ``html``, ``json_records``, ``dates``.
"""

from __future__ import annotations

import datetime as dt

from pipelines.core.models import ParsedArticle, ParseOutcome, Rejection
from pipelines.core.parse.dates import parse_date
from pipelines.core.parse.detect import sniff_binary, sniff_text_format
from pipelines.core.parse.encoding import decode_bytes, normalize_text
from pipelines.core.parse.limits import DEFAULT_LIMITS, ParseLimits
from pipelines.core.parse.text import Dateline, TextFields, parse_text

__all__ = ["ParseLimits", "parse_file"]


def _date_from(
    meta_date: dt.date | None, meta_source: str, dateline: Dateline | None
) -> tuple[dt.date | None, str]:
    """Choose published_date and say how (or why not); see ``dates`` for the order."""
    if meta_date is not None:
        return meta_date, f"from {meta_source}"
    if dateline is not None and dateline.date is not None:
        return dateline.date, "from the dateline"
    if dateline is not None and dateline.month is not None:
        return None, (
            f"the dateline {dateline.raw!r} gives no year and the file has no dated metadata"
        )
    return None, "the file has no publication date (no date metadata and no dated dateline)"


def _article(
    source_file: str,
    fields: TextFields,
    *,
    record_ref: str,
    source_format: str,
    encoding: str,
    meta_date: dt.date | None = None,
    meta_source: str = "",
    url: str | None = None,
    dateline_raw: str | None = None,
) -> ParsedArticle:
    published, reason = _date_from(meta_date, meta_source, fields.dateline)
    return ParsedArticle(
        source_file=source_file,
        body=fields.body,
        record_ref=record_ref,
        title=fields.title,
        outlet=fields.outlet,
        authors=fields.authors,
        dateline=fields.dateline.raw if fields.dateline else dateline_raw,
        published_date=published,
        date_reason=reason,
        url=url,
        source_format=source_format,
        encoding=encoding,
    )


def _check_body(
    fields: TextFields, source_file: str, record_ref: str, limits: ParseLimits
) -> Rejection | None:
    if len(fields.body.strip()) < max(limits.min_body_chars, 1):
        where = f"{record_ref} has" if record_ref else "the file has"
        return Rejection(
            source_file,
            "no_text",
            f"{where} no article text once the title, byline, dateline and sign-off are removed",
            record_ref,
        )
    if len(fields.body) > limits.max_body_chars:
        return Rejection(
            source_file,
            "body_too_long",
            f"the article body has {len(fields.body):,} characters, over the {limits.max_body_chars:,} limit (spaCy's max_length)",
            record_ref,
        )
    return None


def _parse_json_family(
    text: str, source_file: str, fmt: str, encoding: str, limits: ParseLimits
) -> ParseOutcome:
    from pipelines.core.parse.json_records import (
        RecordProblem,
        iter_json_records,
        iter_jsonl_records,
        map_record,
        record_date,
    )

    records = (
        iter_jsonl_records(text, limits) if fmt == "jsonl" else iter_json_records(text, limits)
    )
    articles: list[ParsedArticle] = []
    rejections: list[Rejection] = []
    for item in records:
        if isinstance(item, RecordProblem):
            rejections.append(
                Rejection(source_file, item.reason_code, item.reason, item.record_ref)
            )
            continue
        ref, record = item
        mapped = map_record(record, ref, limits)
        if mapped.fields is None:
            rejections.append(Rejection(source_file, mapped.reason_code, mapped.reason, ref))
            continue
        problem = _check_body(mapped.fields, source_file, ref, limits)
        if problem is not None:
            rejections.append(problem)
            continue
        meta_date = record_date(mapped.date_value) if mapped.date_key else None
        articles.append(
            _article(
                source_file,
                mapped.fields,
                record_ref=ref,
                source_format=fmt,
                encoding=encoding,
                meta_date=meta_date,
                meta_source=f"the JSON field {mapped.date_key!r}",
                url=mapped.url,
                dateline_raw=mapped.dateline_field,
            )
        )
    if not articles and not rejections:
        rejections.append(
            Rejection(source_file, "no_text", "the JSON file holds an empty list of articles")
        )
    return ParseOutcome(tuple(articles), tuple(rejections), fmt, encoding)


def _reject(source_file: str, code: str, reason: str, fmt: str, encoding: str) -> ParseOutcome:
    return ParseOutcome((), (Rejection(source_file, code, reason),), fmt, encoding)


def _parse(raw: bytes, source_file: str, limits: ParseLimits) -> ParseOutcome:
    if len(raw) > limits.max_file_bytes:
        return _reject(
            source_file,
            "too_large",
            f"the file has {len(raw):,} bytes, over the {limits.max_file_bytes:,}-byte limit (ParseLimits.max_file_bytes)",
            "unknown",
            "unknown",
        )
    if not raw:
        return _reject(source_file, "empty", "the file is empty (0 bytes)", "unknown", "unknown")
    binary = sniff_binary(raw)
    declared = None
    if binary is not None:
        # UTF-16 text is full of NUL bytes: let the decoder have a go before calling it binary.
        decoded = decode_bytes(raw)
        if decoded.text is None or not decoded.encoding.startswith("utf-16"):
            return _reject(
                source_file,
                "binary",
                f"the file is {binary}, not a text, HTML or JSON article",
                "binary",
                "unknown",
            )
    else:
        from pipelines.core.parse.html import declared_charset

        declared = declared_charset(raw)
        decoded = decode_bytes(raw, declared)
    if decoded.text is None:
        return _reject(source_file, "bad_encoding", decoded.reason, "unknown", decoded.encoding)
    text = normalize_text(decoded.text)
    encoding = decoded.encoding
    if not text.strip():
        return _reject(
            source_file,
            "whitespace_only",
            "the file holds only whitespace or control characters",
            "text",
            encoding,
        )
    fmt = sniff_text_format(text, source_file)
    if fmt in {"json", "jsonl"}:
        return _parse_json_family(text, source_file, fmt, encoding, limits)
    if fmt == "html":
        from pipelines.core.parse.html import parse_html

        page = parse_html(text, limits)
        if page.fields is None:
            return _reject(source_file, page.reason_code, page.reason, fmt, encoding)
        fields = page.fields
        meta_date = parse_date(page.published_date) if page.published_date else None
        problem = _check_body(fields, source_file, "", limits)
        if problem is not None:
            return ParseOutcome((), (problem,), fmt, encoding)
        article = _article(
            source_file,
            fields,
            record_ref="",
            source_format=fmt,
            encoding=encoding,
            meta_date=meta_date,
            meta_source="the page metadata",
            url=page.url,
        )
        return ParseOutcome((article,), (), fmt, encoding)
    longest = max(map(len, text.split("\n")))
    if longest > limits.max_line_chars:
        return _reject(
            source_file,
            "line_too_long",
            f"the text has a line of {longest:,} characters, over the {limits.max_line_chars:,} limit; it is not an article layout",
            fmt,
            encoding,
        )
    fields = parse_text(text)
    problem = _check_body(fields, source_file, "", limits)
    if problem is not None:
        return ParseOutcome((), (problem,), fmt, encoding)
    article = _article(source_file, fields, record_ref="", source_format=fmt, encoding=encoding)
    return ParseOutcome((article,), (), fmt, encoding)


def parse_file(raw: bytes, source_file: str, *, limits: ParseLimits | None = None) -> ParseOutcome:
    """Parse one raw file into articles and rejections. Never raises on any input bytes.

    Args:
        raw: The file's bytes as read from the landing zone.
        source_file: The file's name relative to the landing zone (used in records and to
            break format ties by extension; never opened).
        limits: Size limits; :data:`DEFAULT_LIMITS` when None.

    Returns:
        A :class:`ParseOutcome`; a JSON Lines file with 3 good and 1 bad record gives
        3 articles and 1 rejection.
    """
    limits = limits or DEFAULT_LIMITS
    try:
        return _parse(bytes(raw), source_file, limits)
    except Exception as exc:  # the contract: a bad file never stops the run
        return _reject(
            source_file,
            "internal_error",
            f"the parser failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}); please report this file",
            "unknown",
            "unknown",
        )
