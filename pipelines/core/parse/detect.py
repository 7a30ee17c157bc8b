"""Recognise what a file is from its content (the extension is only a tie-breaker).

Binary files are recognised before decoding, by magic numbers and by the share of control
bytes; text formats are recognised after decoding: JSON by a leading ``{``/``[`` that parses,
JSON Lines by a first line that is a JSON object, HTML by a leading tag that HTML uses.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath

# (magic prefix, what to call it). Checked at offset 0 unless noted in _MAGIC_AT.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
)
_MAGIC_AT: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftyp", "an MP4/QuickTime media file"),
    (8, b"WEBP", "a WebP image"),
    (8, b"AVI ", "an AVI video"),
    (8, b"WAVE", "a WAV audio file"),
)
_BZIP2_RE = re.compile(rb"^BZh[1-9]1AY&SY")

# C0 controls other than TAB, LF, VT, FF, CR and ESC (ESC starts ISO-2022 shifts).
_CONTROL_BYTES = frozenset([*range(9), 14, 15, *range(16, 27), *range(28, 32), 127])
_CONTROL_SAMPLE = 8192
_CONTROL_SHARE = 0.05

_HTML_START_RE = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|section|main|header|span|table|h[1-6]|br|!--)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANY_TAG_RE = re.compile(r"<(?:html|body|p|div|article|br|h[1-6])\b[^>]*>", re.IGNORECASE)

JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson", ".jsonlines"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def sniff_binary(raw: bytes) -> str | None:
    """Say what kind of binary file ``raw`` is, or None when it may be text.

    Args:
        raw: File bytes (only the start is inspected).

    Returns:
        A phrase such as "a PNG image", or None.
    """
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return what
    for offset, magic, what in _MAGIC_AT:
        if raw[offset : offset + len(magic)] == magic:
            return what
    if _BZIP2_RE.match(raw):
        return "bzip2-compressed data"
    sample = raw[:_CONTROL_SAMPLE]
    if sample:
        controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
        if controls / len(sample) > _CONTROL_SHARE:
            return f"binary data (control bytes are {controls / len(sample):.0%} of the first {len(sample)} bytes)"
    return None


def extension(source_file: str) -> str:
    """Return the lower-case extension of a source name ("" when none)."""
    return PurePosixPath(source_file.replace("\\", "/")).suffix.lower()


def _first_line(text: str) -> str:
    stripped = text.lstrip()
    end = stripped.find("\n")
    return stripped if end < 0 else stripped[:end]


def sniff_text_format(text: str, source_file: str) -> str:
    """Decide between ``json``, ``jsonl``, ``html`` and ``text`` for decoded content.

    Args:
        text: Decoded, normalised content.
        source_file: The file name (its extension breaks ties).

    Returns:
        One of "json", "jsonl", "html", "text".
    """
    ext = extension(source_file)
    head = text.lstrip()[:4096]
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if head.startswith(("{", "[")):
        if ext in JSON_EXTENSIONS:
            return "json"
        first = _first_line(text)
        stripped = text.strip()
        if "\n" in stripped and first.startswith("{") and first.rstrip().endswith("}"):
            try:
                json.loads(first)
            except (ValueError, RecursionError):
                pass
            else:
                return "jsonl"
        if stripped.endswith(("}", "]")):
            return "json"
    if ext in JSON_EXTENSIONS:
        return "json"
    if _HTML_START_RE.match(head):
        return "html"
    if ext in HTML_EXTENSIONS and _HTML_ANY_TAG_RE.search(text[:65536]):
        return "html"
    return "text"
