"""Turn untrusted bytes into normalised text, and say which encoding was used.

Order of decisions (first that applies wins):

1. A byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (LE/BE).
2. UTF-16 without a BOM, recognised by NUL bytes on every other position (ASCII-range text
   in UTF-16 has a zero high byte).
3. Strict UTF-8 (which includes plain ASCII).
4. *Mostly* UTF-8: more valid multi-byte sequences than stray invalid bytes. This is a UTF-8
   page with a few bytes pasted in from a legacy encoding; the stray bytes are decoded one by
   one as cp1252 (the usual culprit: a Latin-1 "£" or a Windows smart quote) and the rest as
   UTF-8. Reported as ``utf-8+cp1252``.
5. Legacy encodings: every candidate in ``_LEGACY_CANDIDATES`` that decodes strictly is scored
   with charset-normalizer's mess ratio (how implausible the decoded text looks: symbols inside
   words, mixed scripts, control characters); the least messy wins (plus a penalty for symbols inside words, see
   ``_symbols_in_words``), ties go to the declared
   charset (HTML ``<meta charset>``) and then to candidate order, which starts with cp1252
   because it is the commonest legacy encoding of English news. charset-normalizer's own
   ``best()`` is not used because on a single high byte (BBC sport/199.txt) it picks cp932, and
   it reads a Latin-2 page mislabelled UTF-8 as cp1250.
6. Nothing decodes strictly: ``bad_encoding`` (the caller rejects the file).

Normalisation (:func:`normalize_text`) is deliberately meaning-preserving: NFC (composed
accents, never NFKC, which would fold full-width forms and ligatures), CRLF/CR to LF, NUL and
other C0/C1 control characters removed, U+FEFF removed, and nothing else: curly quotes,
dashes and ellipses are kept because the quote extractor keys on them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

# Candidate legacy encodings, most likely first for an English-language news pipeline; ties in
# the mess score fall back to this order. Latin-1 is absent because cp1252 decodes every byte
# Latin-1 decodes as a printable character, and WHATWG decodes "iso-8859-1" as cp1252 anyway.
_LEGACY_CANDIDATES: tuple[str, ...] = (
    "cp1252",
    # cp1250 before ISO-8859-2: a Latin-2 "ą" (0xB1) reads as "±" in cp1250 and is penalised,
    # but a cp1250 "ą" (0xB9) reads as a plausible "š" in Latin-2, so only this order lets
    # both be told apart.
    "cp1250",
    "iso8859-2",
    "iso8859-15",
    "cp1251",
    "koi8-r",
    "euc_kr",
    "cp949",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "cp1253",
    "cp1254",
    "cp1257",
    "latin-1",
)

# Mess is computed on a sample: enough text for a stable score, cheap on a 20 MB file.
_SAMPLE_BYTES = 256 * 1024
# Two mess scores closer than this are a tie (the declared charset and candidate order decide).
_MESS_TIE = 0.002

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")
# Every other line-break character becomes LF so that paragraph splitting sees one kind.
# (a regex sub: str.translate with a mapping is ~10x slower on multi-megabyte text)
_LINE_BREAKS_RE = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")
_NON_ASCII_RE = re.compile("[^\x00-\x7f\udc80-\udcff]")
_SYMBOL_IN_WORD_RE = re.compile(r"(?<=[^\W\d_])[\u00a1-\u00bf\u0080-\u009f](?=[^\W\d_])")
_FALLBACK_ERRORS = "news-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the offending bytes as cp1252 (Latin-1 for undefined ones)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252: they are control
            # characters in Latin-1 and are removed later by normalize_text.
            chars.append(bytes([byte]).decode("latin-1"))
    return "".join(chars), exc.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The result of decoding: the text, or a reason it could not be decoded."""

    text: str | None
    encoding: str
    reason: str = ""


def canonical_encoding_name(name: str) -> str | None:
    """Return Python's canonical codec name for ``name``, or None when unknown.

    Args:
        name: An encoding label as found in a file (``"ISO-8859-1"``, ``"utf8"``, ``"x-sjis"``).

    Returns:
        The codec name (``"iso8859-1"``, ``"utf-8"``, ``"shift_jis"``) or None.
    """
    label = name.strip().strip("\"'").lower()
    # WHATWG: these labels are decoded as windows-1252 by every browser.
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}:
        return "cp1252"
    if label in {"x-sjis", "sjis", "shift-jis", "ms_kanji"}:
        label = "shift_jis"
    if label in {"ks_c_5601-1987", "ksc5601", "windows-949"}:
        label = "cp949"
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def _sniff_utf16(raw: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by the NUL high bytes of ASCII-range characters."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_bom(raw: bytes) -> Decoded | None:
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    )
    for bom, codec, label in boms:
        if raw.startswith(bom):
            body = raw if codec == "utf-8-sig" else raw[len(bom) :]
            try:
                return Decoded(body.decode(codec), label)
            except UnicodeDecodeError:
                if codec == "utf-8-sig":
                    return None  # fall through to the mostly-UTF-8 logic below
                return Decoded(
                    None,
                    label,
                    f"the file starts with a {label.upper()} byte-order mark but is not valid {label.upper()}",
                )
    return None


def _symbols_in_words(text: str) -> float:
    """Share of Latin-1 symbols ("¹", "±", "¼") sitting between two letters.

    charset-normalizer's mess ratio misses single-byte confusions such as Polish "ą" read as
    cp1252 "¹" ("dziesi¹tej"); a symbol from U+00A1-U+00BF inside a word is that signature.
    The count is relative to all non-ASCII characters, so one odd character in a long text
    weighs little and a systematic confusion weighs a lot.
    """
    suspicious = len(_SYMBOL_IN_WORD_RE.findall(text))
    if not suspicious:
        return 0.0
    return suspicious / max(1, len(_NON_ASCII_RE.findall(text)))


def _legacy_candidates(declared: str | None) -> list[str]:
    ordered = list(_LEGACY_CANDIDATES)
    if declared and declared not in {"utf-8", "utf-8-sig"}:
        if declared in ordered:
            ordered.remove(declared)
        ordered.insert(0, declared)
    return ordered


def _decode_legacy(raw: bytes, declared: str | None) -> Decoded | None:
    """Pick the least messy strict decoding among the legacy candidates."""
    sample = raw[:_SAMPLE_BYTES]
    best: tuple[float, int, str] | None = None
    for rank, codec in enumerate(_legacy_candidates(declared)):
        try:
            decoded_sample = sample.decode(codec)
        except UnicodeDecodeError as exc:
            # A multi-byte character cut by the sample boundary is not a failure.
            if exc.start < len(sample) - 4:
                continue
            decoded_sample = sample[: exc.start].decode(codec, errors="ignore")
        except LookupError:
            continue
        mess = mess_ratio(decoded_sample, 1.0) + _symbols_in_words(decoded_sample)
        if best is None or mess < best[0] - _MESS_TIE:
            best = (mess, rank, codec)
    if best is None:
        return None
    codec = best[2]
    try:
        return Decoded(raw.decode(codec), codec)
    except UnicodeDecodeError:
        # The sample decoded but a later part of the file does not: keep the choice and
        # mark the few undecodable bytes rather than dropping the article.
        return Decoded(raw.decode(codec, errors="replace"), f"{codec}+replace")


def decode_bytes(raw: bytes, declared: str | None = None) -> Decoded:
    """Decode raw file bytes to text (not yet normalised).

    Args:
        raw: The file content.
        declared: A charset declared inside the file (HTML meta, XML prolog), already passed
            through :func:`canonical_encoding_name`, or None.

    Returns:
        A :class:`Decoded` with ``text`` set, or ``text=None`` and a ``reason``.
    """
    bom = _decode_bom(raw)
    if bom is not None:
        return bom
    utf16 = _sniff_utf16(raw)
    if utf16 is not None:
        try:
            return Decoded(raw.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass  # NUL-heavy but not UTF-16: binary detection or legacy decoding decides
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = raw.decode("utf-8", errors="surrogateescape")
    invalid = len(_SURROGATE_RE.findall(escaped))
    valid_multibyte = len(_NON_ASCII_RE.findall(escaped))
    if valid_multibyte >= invalid:
        return Decoded(raw.decode("utf-8", errors=_FALLBACK_ERRORS), "utf-8+cp1252")
    legacy = _decode_legacy(raw, declared)
    if legacy is not None:
        return legacy
    return Decoded(
        None,
        "unknown",
        "the bytes are not valid UTF-8 and no supported legacy encoding decodes them",
    )


def normalize_text(text: str) -> str:
    """Normalise decoded text without changing what it says.

    Args:
        text: Decoded text.

    Returns:
        NFC text with LF line endings and without control characters or BOMs.
    """
    text = _LINE_BREAKS_RE.sub("\n", text.replace("\r\n", "\n"))
    text = _CONTROL_RE.sub("", text)
    # NFC only composes (e + U+0301 -> é); curly quotes, dashes and full-width forms survive.
    return unicodedata.normalize("NFC", text)
