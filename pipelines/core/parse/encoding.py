"""Turn untrusted bytes into normalised text, and say which encoding was used.

Order of decisions (first that applies wins):

1. A byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (LE/BE).
2. UTF-16 without a BOM (:func:`_decode_bomless_utf16`). Text in any other encoding we read
   never holds NUL bytes, and UTF-16 text almost always does (the zero high byte of every
   space, digit, newline or Latin letter), so a few NULs make both byte orders candidates;
   one that decodes strictly to assigned, printable characters with a low mess ratio wins.
   This is what recognises Korean or Japanese UTF-16, where NULs are rare (a space or a
   newline) and fall on either position, which a plain NUL-parity count cannot tell.
3. Strict UTF-8 (which includes plain ASCII).
4. Line by line (:func:`_decode_by_line`), for files that are not valid UTF-8 as a whole:

   - a line that is valid UTF-8 is decoded as UTF-8;
   - a *mostly* UTF-8 line (more valid multi-byte sequences than stray invalid bytes) is a
     UTF-8 line with a few bytes pasted in from a legacy encoding; the stray bytes are decoded
     one by one as cp1252 (the usual culprit: a Latin-1 "£" or a Windows smart quote);
   - the other lines are legacy text. When the file also has UTF-8 lines (files concatenated
     from different sources), each block of consecutive legacy lines reads in the encoding
     step 5 picks for all the file's legacy lines, or in its own when it reads badly in that
     one; inside a block, a line that reads badly in the block's encoding (a cp1252 line next
     to a cp1251 one) gets its own. So no UTF-8 line is decoded as cp1251 and no cp1252 block
     as UTF-8. A line that is valid UTF-8 only by chance (Latin-2 "ÓŻ" is UTF-8 "ӯ") joins the
     legacy lines when it reads clearly better in their encoding. These judgements are bounded
     per file (``_MAX_DECISIONS``); a file that switches encodings more often is rejected
     saying so. A run that no candidate decodes into plausible text (mess ratio above
     ``_MIXED_MAX_MESS``) cannot be decoded safely: the file is rejected as ``bad_encoding``
     with the line numbers, never loaded garbled.

   Reported as ``utf-8+cp1252`` (UTF-8 with stray bytes) or ``utf-8+<codec>[+<codec>...]``
   (UTF-8 lines with legacy blocks, codecs in order of first use).
5. Legacy encodings (a file with no UTF-8 line): every candidate in ``_LEGACY_CANDIDATES``
   that decodes strictly is scored with charset-normalizer's mess ratio (how implausible the
   decoded text looks: symbols inside words, mixed scripts, control characters); the least
   messy wins (plus a penalty for symbols inside words, see ``_symbols_in_words``), ties go to
   the declared charset (HTML ``<meta charset>``) and then to candidate order, which starts
   with cp1252 because it is the commonest legacy encoding of English news. charset-normalizer's
   own ``best()`` is not used because on a single high byte (BBC sport/199.txt) it picks cp932,
   and it reads a Latin-2 page mislabelled UTF-8 as cp1250.
6. Nothing decodes strictly: ``bad_encoding`` (the caller rejects the file).

Every decision depends on the bytes (and the declared charset) alone, so decoding the same
file twice gives the same text and the same encoding label.

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
# A legacy block inside a UTF-8 file whose best decoding is messier than this is not text we
# can read safely (charset-normalizer's own default threshold for "chaos").
_MIXED_MAX_MESS = 0.2
# Text messier than this in the encoding it was given is scored on its own (real text scores
# under 0.1; a line read in the wrong encoding 0.25 and up), at most this many times a file.
_SWITCH_MESS = 0.1
_MAX_DECISIONS = 200
# BOM-less UTF-16: at least this many NUL bytes in the sample (a newline or two), at most
# this share of impossible characters, and at most this mess in the decoded sample.
_UTF16_MIN_NULS = 2
_UTF16_MAX_IMPLAUSIBLE = 0.005
_UTF16_MAX_MESS = 0.2

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


def _implausible_share(text: str) -> float:
    """Share of characters no text holds: unassigned, private-use, surrogate, C0/C1 controls."""
    bad = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category in {"Cn", "Co", "Cs"} or (category == "Cc" and ch not in "\t\n\r\x0c"):
            bad += 1
    return bad / max(1, len(text))


def _decode_bomless_utf16(raw: bytes) -> Decoded | None:
    """Decode UTF-16 without a byte-order mark, or None when the bytes are not that.

    Gate: the first ``_SAMPLE_BYTES`` hold at least ``_UTF16_MIN_NULS`` NUL bytes (no
    other text encoding we read produces one). Each byte order that decodes the whole file
    strictly is judged on the decoded sample: at most ``_UTF16_MAX_IMPLAUSIBLE`` of its
    characters unassigned, private-use or control, and a mess ratio under
    ``_UTF16_MAX_MESS``; the less messy one wins (little-endian on a tie, the common one).
    ASCII bytes read in the wrong byte order become scattered CJK and symbol characters
    (mess ratio near 1), which is what tells the two apart.
    """
    if len(raw) % 2 or raw[:_SAMPLE_BYTES].count(0) < _UTF16_MIN_NULS:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[: _SAMPLE_BYTES // 2]
        if _implausible_share(sample) > _UTF16_MAX_IMPLAUSIBLE:
            continue
        mess = mess_ratio(sample, 1.0)
        if mess <= _UTF16_MAX_MESS and (best is None or mess < best[0]):
            best = (mess, codec, text)
    if best is None:
        return None
    return Decoded(best[2], best[1])


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
    utf16 = _decode_bomless_utf16(raw)
    if utf16 is not None:
        return utf16
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    by_line = _decode_by_line(raw, declared)
    if by_line is not None:
        return by_line
    legacy = _decode_legacy(raw, declared)
    if legacy is not None:
        return legacy
    return Decoded(
        None,
        "unknown",
        "the bytes are not valid UTF-8 and no supported legacy encoding decodes them",
    )


def _line_kind(line: bytes) -> str:
    """``ascii``, ``utf-8``, ``mostly-utf-8`` (stray legacy bytes) or ``legacy``."""
    if line.isascii():
        return "ascii"
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        escaped = line.decode("utf-8", errors="surrogateescape")
        invalid = len(_SURROGATE_RE.findall(escaped))
        valid_multibyte = len(_NON_ASCII_RE.findall(escaped))
        return "mostly-utf-8" if valid_multibyte >= invalid else "legacy"
    return "utf-8"


def _mess(text: str) -> float:
    """Mess ratio plus the symbols-in-words penalty (the score of step 5)."""
    return mess_ratio(text, 1.0) + _symbols_in_words(text)


class _ByLine:
    """Step 4 of the module docstring: one file's lines, their kinds and their encodings.

    Every encoding judgement beyond the first (scoring all candidates on some text) is
    counted against ``_MAX_DECISIONS``, so a hostile file of thousands of alternating lines
    costs a bounded number of scorings; once spent, lines keep the file's legacy encoding.
    """

    def __init__(self, raw: bytes, declared: str | None) -> None:
        self.lines = raw.splitlines(keepends=True)
        self.kinds = [_line_kind(line) for line in self.lines]
        self.declared = declared
        self.decisions = 0
        legacy = b"".join(ln for ln, k in zip(self.lines, self.kinds, strict=True) if k == "legacy")
        chosen = _decode_legacy(legacy, declared) if legacy else None
        self.file_codec = chosen.encoding.split("+")[0] if chosen is not None else "cp1252"

    def _decide(self, data: bytes) -> str | None:
        """The best legacy encoding for ``data`` alone, or None when the budget is spent."""
        if self.decisions >= _MAX_DECISIONS:
            return None
        self.decisions += 1
        chosen = _decode_legacy(data, self.declared)
        return chosen.encoding.split("+")[0] if chosen is not None else None

    def _reads_better_in_legacy(self, index: int) -> bool:
        """Whether a valid-UTF-8 line is a legacy line that is valid UTF-8 by chance.

        Some legacy byte pairs are valid UTF-8 (Latin-2 "ÓŻ" is UTF-8 "ӯ"). A line with a few
        such pairs and nothing invalid is judged: it is legacy when it reads clearly better
        in the file's legacy encoding. Three or more UTF-8 characters and nothing invalid do
        not happen by chance: such a line is UTF-8 without scoring.
        """
        line = self.lines[index]
        utf8 = line.decode("utf-8", errors=_FALLBACK_ERRORS)
        if self.kinds[index] == "utf-8" and len(_NON_ASCII_RE.findall(utf8)) >= 3:
            return False
        if self.decisions >= _MAX_DECISIONS:
            return False
        self.decisions += 1
        try:
            legacy = line.decode(self.file_codec)
        except UnicodeDecodeError:
            return False
        return _mess(legacy) < _mess(utf8) - _MESS_TIE

    def _segments(self, start: int, stop: int) -> list[tuple[int, int, str]]:
        """Split the legacy block ``lines[start:stop]`` into ``(first, last, codec)`` runs.

        The block reads in the file's legacy encoding unless it is messy in it; then in its
        own best encoding, and a line still messy in that one (a cp1252 line next to a
        cp1251 one, from two concatenated files) in the line's own best encoding.
        """
        codec = self.file_codec
        block = b"".join(self.lines[start:stop])
        if _reading_mess(block, codec) > _SWITCH_MESS:
            codec = self._decide(block) or codec
        segments: list[tuple[int, int, str]] = []
        for index in range(start, stop):
            line_codec = codec
            line = self.lines[index]
            if (
                not line.isascii()
                and stop - start > 1
                and _reading_mess(line, codec) > _SWITCH_MESS
            ):
                line_codec = self._decide(line) or codec
            if segments and segments[-1][2] == line_codec:
                segments[-1] = (segments[-1][0], index + 1, line_codec)
            else:
                segments.append((index, index + 1, line_codec))
        return segments

    def decode(self) -> Decoded | None:
        """The decoded file, a ``mixed`` failure, or None when no line is UTF-8."""
        utf8_like = {"utf-8", "mostly-utf-8"}
        if "legacy" in self.kinds:
            for index, kind in enumerate(self.kinds):
                if kind in utf8_like and self._reads_better_in_legacy(index):
                    self.kinds[index] = "legacy"
        if not utf8_like.intersection(self.kinds):
            return None  # a legacy file: step 5 decides it as a whole
        parts: list[str] = []
        codecs_used = ["utf-8"]
        lines, kinds = self.lines, self.kinds
        i = 0
        while i < len(lines):
            if kinds[i] != "legacy":
                parts.append(lines[i].decode("utf-8", errors=_FALLBACK_ERRORS))
                if kinds[i] == "mostly-utf-8" and "cp1252" not in codecs_used:
                    codecs_used.append("cp1252")
                i += 1
                continue
            # A block: legacy lines and the ASCII lines between them (ASCII reads the same
            # in every candidate), up to the next UTF-8 line.
            j = i
            while j < len(lines) and kinds[j] in {"legacy", "ascii"}:
                j += 1
            while kinds[j - 1] == "ascii":
                j -= 1
            for first, last, codec in self._segments(i, j):
                segment = b"".join(lines[first:last])
                try:
                    text = segment.decode(codec)
                except UnicodeDecodeError:
                    # The block's choice does not decode every byte of this run: mark the
                    # few undecodable bytes (as step 5 does) rather than drop the article.
                    text, codec = segment.decode(codec, errors="replace"), f"{codec}+replace"
                if mess_ratio(text[:_SAMPLE_BYTES], 1.0) > _MIXED_MAX_MESS:
                    where = (
                        f"line {first + 1} reads"
                        if last == first + 1
                        else f"lines {first + 1}-{last} read"
                    )
                    if self.decisions >= _MAX_DECISIONS:
                        reason = (
                            f"the file switches encodings more than {_MAX_DECISIONS} times, "
                            f"beyond what is decoded line by line, and {where} as garbled text "
                            f"in {codec}: not loaded rather than loaded garbled"
                        )
                    else:
                        reason = (
                            f"the file mixes UTF-8 with another encoding, and {where} as "
                            "plausible text in none of the supported encodings: not loaded "
                            "rather than loaded garbled"
                        )
                    return Decoded(None, "mixed", reason)
                parts.append(text)
                if codec not in codecs_used:
                    codecs_used.append(codec)
            i = j
        return Decoded("".join(parts), "+".join(codecs_used))


def _reading_mess(data: bytes, codec: str) -> float:
    """How messy ``data`` reads in ``codec`` (infinite when it does not decode)."""
    try:
        return _mess(data[:_SAMPLE_BYTES].decode(codec, errors="strict"))
    except UnicodeDecodeError as exc:
        if exc.start >= min(len(data), _SAMPLE_BYTES) - 4:
            return _mess(data[: exc.start].decode(codec))  # a character cut by the sample
        return float("inf")


def _decode_by_line(raw: bytes, declared: str | None) -> Decoded | None:
    """Decode a file that is not valid UTF-8 line by line (step 4 of the module docstring).

    Returns None when no line is UTF-8 (a legacy file: step 5 decides it as a whole).
    """
    return _ByLine(raw, declared).decode()


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
