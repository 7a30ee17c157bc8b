"""Fuzz ``parse_file`` with generated hostile inputs and count crashes (target: 0).

A seeded generator (reproducible: ``--seed``) builds inputs from hand-written, real-ish
templates (text with bylines/datelines/sign-offs, HTML pages, JSON and JSON Lines exports)
and mutates them: random bytes, byte flips, truncation, splices, NUL bytes, re-encoding
(UTF-16, cp1252, EUC-KR, Shift-JIS ...), BOMs, huge lines, deep nesting and binary magic
prefixes. A *crash* is an exception escaping ``parse_file``, an ``internal_error`` rejection
(the last-resort guard caught something), or an outcome that breaks the contract (an
article with an empty body, a rejection without a reason). Every crash is printed with its
seed index so it can be replayed.

Usage: ``python -m pipelines fuzz [--count 10000] [--seed 0] [--workers 2]``.
Exit status 0 when nothing crashed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback

from pipelines.core.models import ParseOutcome
from pipelines.core.parse import ParseLimits, parse_file
from pipelines.tools.fuzz_common import chunk_ranges, print_problems, print_progress, run_chunks

_TEXTS = (
    (
        "By Example Journal Kim Min-ji\nPresident Park said “we will talk,” adding ”soon.”\n"
        "The talks ended on Saturday. (Yonhap)"
    ),
    (
        "SEOUL, Nov. 17 (Yonhap) -- The minister met his counterpart in Lima.\n\n"
        "“It was useful,” he said through a translator."
    ),
    "Markets rally on rate hopes\n\nLONDON (Reuters) - Shares rose on Monday.\n\nReuter",
    "TOKYO, March 3 - Exports fell 3% in February, the ministry said.\n(AP)",
    "Café owners in Zürich paid £5 — or €6 — for “premium” beans… (AFP) (END)",
)
_HTML = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
    '<meta name="author" content="Jane Roe"><meta property="article:published_time" '
    'content="2024-11-17T10:00:00Z"><script type="application/ld+json">{{"@type":"NewsArticle",'
    '"headline":"{title}"}}</script></head><body><nav><a href="/">Home</a></nav><article>'
    "<h1>{title}</h1><p>{p1}</p><p>{p2}</p></article><footer>© Example</footer></body></html>"
)
_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "cp1250", "euc_kr", "shift_jis")
_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"PK\x03\x04",
    b"%PDF-1.4\n",
    b"\x1f\x8b\x08",
    b"GIF89a",
    b"\xff\xd8\xff",
)
_NAMES = ("a.txt", "b.html", "c.json", "d.jsonl", "noext", "ä ö.txt", "new\nline.htm", "x.ndjson")

# Small limits keep each case fast while still exercising every limit path.
_LIMITS = ParseLimits(max_file_bytes=2_000_000, max_line_chars=200_000, max_html_bytes=1_000_000)


def _template(rng: random.Random) -> str:
    kind = rng.randrange(4)
    text = rng.choice(_TEXTS)
    if kind == 0:
        return text
    if kind == 1:
        paragraphs = text.split("\n")
        return _HTML.format(title="Talks in Lima", p1=paragraphs[0], p2=paragraphs[-1])
    record = {
        rng.choice(["title", "headline", "Title"]): "Talks",
        rng.choice(["body", "text", "content", "articleBody"]): text,
        rng.choice(["date", "publishedAt", "pubDate"]): rng.choice(
            ["2024-11-17", "Sun, 17 Nov 2024 10:00:00 +0000", 1731801600, "soon", None]
        ),
        rng.choice(["author", "authors", "byline"]): rng.choice(
            ["By Example Journal Kim Min-ji", ["Ann Lee", {"name": "Bo Kim"}], None, 7]
        ),
    }
    if kind == 2:
        return json.dumps(rng.choice([record, [record, record], {"articles": [record, 3]}]))
    return "\n".join(json.dumps(record) for _ in range(rng.randint(1, 4)))


def _mutate(rng: random.Random, data: bytes) -> bytes:
    op = rng.randrange(12)
    if op == 0:  # random bytes
        return rng.randbytes(rng.randrange(0, 4096))
    if op == 1:  # byte flips
        buf = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if op == 2:  # truncation
        return data[: rng.randrange(len(data) + 1)]
    if op == 3:  # NUL bytes sprinkled in
        buf = bytearray(data)
        for _ in range(rng.randint(1, 50)):
            buf.insert(rng.randrange(len(buf) + 1), 0)
        return bytes(buf)
    if op == 4:  # splice of random bytes
        at = rng.randrange(len(data) + 1)
        return data[:at] + rng.randbytes(rng.randrange(1, 64)) + data[at:]
    if op == 5:  # huge line
        return data + b"x" * rng.choice([10_000, 250_000, 1_500_000])
    if op == 6:  # deep nesting
        depth = rng.choice([300, 5_000, 50_000])
        opener, closer = rng.choice([(b"<div>", b"</div>"), (b"[", b"]"), (b'{"a":', b"}")])
        return opener * depth + data + closer * rng.randrange(depth + 1)
    if op == 7:  # binary magic prefix
        return rng.choice(_MAGIC) + data
    if op == 8:  # BOM games
        return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]) + data
    if op == 9:  # whitespace and control characters only
        return bytes(rng.choice(b" \t\r\n\x0b\x0c\x1b") for _ in range(rng.randrange(64)))
    if op == 10:  # duplicate and shuffle lines
        lines = data.split(b"\n") * rng.randint(1, 3)
        rng.shuffle(lines)
        return b"\n".join(lines)
    return data


def _case(index: int, seed: int) -> tuple[bytes, str]:
    rng = random.Random(f"{seed}:{index}")
    text = _template(rng)
    encoding = rng.choice(_ENCODINGS)
    data = text.encode(encoding, errors="replace")
    for _ in range(rng.randint(0, 3)):
        data = _mutate(rng, data)
    return data, rng.choice(_NAMES)


def _contract_problem(outcome: ParseOutcome) -> str | None:
    if not isinstance(outcome, ParseOutcome):
        return f"returned {type(outcome).__name__}, not ParseOutcome"
    for rejection in outcome.rejections:
        if rejection.reason_code == "internal_error":
            return f"internal_error: {rejection.reason}"
        if not rejection.reason_code or not rejection.reason:
            return "rejection without code or reason"
    for article in outcome.articles:
        if not article.body.strip():
            return "article with an empty body"
        if "\x00" in article.body:
            return "NUL byte in body"
    if not outcome.articles and not outcome.rejections:
        return "neither articles nor rejections"
    return None


def _run_chunk(args: tuple[int, int, int]) -> list[tuple[int, str]]:
    start, stop, seed = args
    crashes: list[tuple[int, str]] = []
    for index in range(start, stop):
        raw, name = _case(index, seed)
        try:
            problem = _contract_problem(parse_file(raw, name, limits=_LIMITS))
        except BaseException as exc:  # a crash is exactly what we are counting
            problem = "".join(traceback.format_exception_only(exc)).strip()
        if problem is not None:
            crashes.append((index, problem))
    return crashes


def fuzz_command(args: argparse.Namespace) -> int:
    """Run the fuzzer; see the module docstring."""
    started = time.perf_counter()
    chunks = [(start, stop, args.seed) for start, stop in chunk_ranges(args.count, 250)]
    crashes: list[tuple[int, str]] = []
    for done, found in enumerate(run_chunks(_run_chunk, chunks, args.workers), 1):
        crashes.extend(found)
        if done % 10 == 0 and done < len(chunks):
            print_progress(chunks[done - 1][1], args.count, len(crashes), started, "inputs")
    elapsed = time.perf_counter() - started
    print_problems(crashes, args.seed, "crash", "case")
    print(f"fuzz_parsers: {args.count} inputs, {len(crashes)} crashed, {elapsed:.1f} s")
    return 0 if not crashes else 1


if __name__ == "__main__":
    from pipelines.cli import main

    sys.exit(main(["fuzz", *sys.argv[1:]]))
