"""Size limits applied before any parser sees untrusted bytes.

Every limit turns an oversized input into a ``Rejection`` with a reason code instead of
letting a parser spend minutes or gigabytes on it. The defaults are generous for news
(the largest real page in ../shared/corpora/html is 1.44 MB; a long article is ~50 KB) and
can be tightened or relaxed per landing zone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Configurable limits for :func:`pipelines.core.parse.parse_file`.

    Attributes:
        max_file_bytes: Files larger than this are rejected (``too_large``) unread.
        max_line_chars: A text line, or a JSON Lines record, longer than this is rejected
            (``line_too_long``); real paragraphs are a few thousand characters.
        max_records_per_file: JSON/JSONL records beyond this count are rejected as one
            ``too_many_records`` rejection rather than parsed.
        max_html_bytes: HTML larger than this is not handed to the HTML parser
            (``too_large``); real pages are rarely over 2 MB and trafilatura needs ~2 s per MB
            on pathological markup.
        max_html_depth: HTML whose tag nesting (approximated by a tag scan) exceeds this is
            rejected (``html_too_deep``); libxml2 silently drops content below depth 256.
        max_body_chars: Article bodies longer than this are rejected (``body_too_long``);
            the default is spaCy's ``nlp.max_length``, which would refuse them later anyway.
        min_body_chars: Bodies shorter than this (after cleaning) are ``no_text``.
    """

    max_file_bytes: int = 20 * 1024 * 1024
    max_line_chars: int = 1_000_000
    max_records_per_file: int = 100_000
    max_html_bytes: int = 4 * 1024 * 1024
    max_html_depth: int = 250
    max_body_chars: int = 1_000_000
    min_body_chars: int = 1


DEFAULT_LIMITS = ParseLimits()
