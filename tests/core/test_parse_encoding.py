"""Encoding detection and meaning-preserving normalisation."""

from __future__ import annotations

import codecs

import pytest

from pipelines.core.parse import parse_file
from pipelines.core.parse.encoding import decode_bytes, normalize_text

EN = "He said “we’re ready” — it costs £5 and €3, in Zürich."
FR = "Le président a déclaré « Nous sommes prêts » à Genève, où il était arrivé."
PL = "Pierogi o szóstej, sałatka o dziesiątej. Czy dzieci źle się odżywiają, gdy jedzą późno?"
PL_FEW = "Pierogi o szóstej, sałatka o dziesiątej. Czy późno?\n"
KO = "윤석열 대통령은 토요일 페루에서 일본 총리와 정상회담을 가졌다고 대통령실이 밝혔다. “강력한” 우려를 표명했다."
JA = "石破茂首相は土曜日、リマで韓国の尹錫悦大統領と会談し、北朝鮮とロシアの軍事協力に強い懸念を表明した。"


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (EN.encode("utf-8"), EN, "utf-8"),
        (codecs.BOM_UTF8 + EN.encode("utf-8"), EN, "utf-8-sig"),
        (EN.encode("utf-16"), EN, "utf-16"),
        (EN.encode("utf-16-le"), EN, "utf-16-le"),
        (EN.encode("utf-16-be"), EN, "utf-16-be"),
        (EN.encode("cp1252"), EN, "cp1252"),
        (FR.encode("latin-1"), FR, "cp1252"),
        (PL.encode("cp1250"), PL, "cp1250"),
        (PL.encode("iso8859-2"), PL, "iso8859-2"),
        (PL_FEW.encode("cp1250") * 500, PL_FEW * 500, "cp1250"),
        (KO.encode("euc_kr"), KO, "euc_kr"),
        (JA.encode("shift_jis"), JA, "shift_jis"),
    ],
)
def test_decode_bytes(raw: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(raw)
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_mostly_utf8_with_stray_latin1_byte() -> None:
    raw = "Mutu “cost” ".encode() + b"\xa3" + b"15.8m to sign."
    decoded = decode_bytes(raw)
    assert decoded.text == "Mutu “cost” £15.8m to sign."
    assert decoded.encoding == "utf-8+cp1252"


def test_single_high_byte_in_ascii_is_cp1252() -> None:
    # The BBC sport/199.txt situation: ASCII text and one Latin-1 pound sign.
    decoded = decode_bytes(b"Chelsea paid \xa315.8m for the striker.")
    assert decoded.text == "Chelsea paid £15.8m for the striker."


def test_declared_charset_breaks_ties() -> None:
    page = (
        '<html><head><meta charset="windows-1250"><title>Sejm</title></head><body><p>'
        + PL
        + "</p></body></html>"
    )
    outcome = parse_file(page.encode("cp1250"), "x.html")
    assert outcome.encoding == "cp1250"


def test_utf8_declared_but_latin2_bytes() -> None:
    page = '<html><head><meta charset="UTF-8"></head><body><p>' + PL * 3 + "</p></body></html>"
    decoded = decode_bytes(page.encode("iso8859-2"), "utf-8")
    assert decoded.text is not None and PL in decoded.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e\u0301te\u0301", "été"),  # NFC composes
        ("a\r\nb\rc", "a\nb\nc"),
        ("nul\x00byte", "nulbyte"),
        ("\ufeffbom", "bom"),
        ("“curly” ‘quotes’ — dash …", "“curly” ‘quotes’ — dash …"),  # kept as is
        ("ｆｕｌｌ width ﬁ", "ｆｕｌｌ width ﬁ"),  # no NFKC folding
        ("page\x0cbreak", "page\nbreak"),
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_parse_file_reports_encoding() -> None:
    outcome = parse_file(KO.encode("euc_kr"), "ko.txt")
    assert outcome.encoding == "euc_kr"
    assert outcome.articles[0].body == KO
    assert outcome.articles[0].encoding == "euc_kr"


# --- Issue 9 row 11: files mixing encodings, UTF-16 without a byte-order mark. ---
# Our own sentences (no corpus text): UTF-8 lines and legacy blocks, as when files from
# different sources are concatenated.
U8 = "The minister said “we are ready” on Monday — talks resume in Zürich.\n"
U8_PLAIN = "Officials gave no date for the next meeting.\n"
RU = "Президент заявил, что переговоры продолжатся в понедельник.\n"
DE = "Die Bürger in Köln stimmten für das neue Gesetz über Straßenbahnen.\n"
FR_LINE = "Le président a déclaré à Genève qu'il était prêt à négocier.\n"
PL_LINE = "Minister powiedział, że rozmowy będą kontynuowane w przyszłą środę.\n"
EL = "Ο πρωθυπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν τη Δευτέρα.\n"
ZH = "一个月前，中国一家公司宣布了一项新计划。2024年一共有一百个项目。\n"


@pytest.mark.parametrize(
    ("blocks", "encoding"),
    [
        # UTF-8 file with a cp1252 block pasted in the middle.
        ([(U8, "utf-8"), (FR_LINE + DE, "cp1252"), (U8_PLAIN, "utf-8")], "utf-8+cp1252"),
        # UTF-8 lines, then a Cyrillic cp1251 block: before, the whole file was read as cp1251.
        ([(U8, "utf-8"), (RU * 3, "cp1251"), (U8, "utf-8")], "utf-8+cp1251"),
        # Mostly legacy: one UTF-8 line in a long cp1251 file is not read as cp1251.
        ([(RU * 20, "cp1251"), (U8, "utf-8"), (RU * 5, "cp1251")], "utf-8+cp1251"),
        # Two legacy blocks of different encodings, each decoded with its own.
        (
            [(U8, "utf-8"), (RU * 2, "cp1251"), (U8, "utf-8"), (PL_LINE * 2, "cp1250")],
            "utf-8+cp1251+cp1250",
        ),
        # Two legacy encodings on adjacent lines (no UTF-8 line between them).
        (
            [(U8, "utf-8"), (FR_LINE * 2, "cp1252"), (RU * 3, "cp1251"), (U8_PLAIN, "utf-8")],
            "utf-8+cp1252+cp1251",
        ),
        (
            [(U8, "utf-8"), (RU * 3, "cp1251"), (DE, "cp1252"), (RU, "cp1251")],
            "utf-8+cp1251+cp1252",
        ),
        # A Latin-1 line (decoded as its cp1252 superset) and a Greek cp1253 block.
        ([(FR_LINE, "latin-1"), (U8 * 2, "utf-8"), (EL * 2, "cp1253")], "utf-8+cp1252+cp1253"),
        # ASCII lines between legacy lines stay in the legacy block; CRLF line ends survive.
        (
            [(U8.replace("\n", "\r\n"), "utf-8"), (RU + "2024\r\n" + RU, "cp1251")],
            "utf-8+cp1251",
        ),
    ],
)
def test_mixed_encodings_decoded_per_block(blocks: list[tuple[str, str]], encoding: str) -> None:
    raw = b"".join(text.encode(codec) for text, codec in blocks)
    expected = "".join(text for text, _ in blocks)
    decoded = decode_bytes(raw)
    assert decoded.text == expected
    assert decoded.encoding == encoding
    # Deterministic: the same bytes give the same text and label, again and via parse_file.
    assert decode_bytes(raw) == decoded
    first, second = parse_file(raw, "mixed.txt"), parse_file(raw, "mixed.txt")
    assert first == second
    assert first.encoding == encoding
    assert not first.rejections


def test_stray_bytes_inside_utf8_lines_stay_cp1252() -> None:
    # A UTF-8 line with one pasted Latin-1 byte is UTF-8 with a cp1252 byte, not a legacy line.
    raw = U8.encode() + "Tickets cost “just” ".encode() + b"\xa35 each.\n" + U8_PLAIN.encode()
    decoded = decode_bytes(raw)
    assert decoded.text == U8 + "Tickets cost “just” £5 each.\n" + U8_PLAIN
    assert decoded.encoding == "utf-8+cp1252"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        # Latin-2 "ÓŻ" (D3 AF) is valid UTF-8 ("ӯ"): that line still belongs to the file.
        (PL_LINE + "Dział: PODRÓŻE\n" + "Tytuł: PODRÓŻE ZAGRANICZNE\n" + PL_LINE, "iso8859-2"),
        # cp1250 "ÓŁ" (D3 A3) is valid UTF-8 ("ӣ").
        (PL_LINE * 2 + "WESÓŁY KONIEC TYGODNIA\n", "cp1250"),
    ],
)
def test_legacy_line_that_is_valid_utf8_by_chance_stays_legacy(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == codec


@pytest.mark.parametrize("seed", range(4))
def test_undecodable_block_in_utf8_file_is_quarantined(seed: int) -> None:
    import random

    r = random.Random(seed)
    junk = bytes(r.randrange(0x80, 0x100) for _ in range(80)) + b"\n"
    raw = U8.encode() + U8_PLAIN.encode() + junk + U8.encode()
    decoded = decode_bytes(raw)
    assert decoded.text is None
    assert "line 3 reads as plausible text in none" in decoded.reason
    outcome = parse_file(raw, "junk.txt")
    assert not outcome.articles
    assert [r.reason_code for r in outcome.rejections] == ["bad_encoding"]
    assert "not loaded rather than loaded garbled" in outcome.rejections[0].reason


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        EN + "\n" + U8,
        KO + "\n" + KO,  # spaces are the only NULs, too few for the old NUL-share rule
        JA + "\n" + JA + "\n",  # no spaces: the newlines are the only NUL bytes
        ZH * 3,  # "一" (U+4E00) puts NULs on the other position too
        RU * 4,
        EL * 2,
    ],
    ids=["en", "ko", "ja", "zh", "ru", "el"],
)
def test_bomless_utf16_is_detected(text: str, codec: str) -> None:
    raw = text.encode(codec)
    decoded = decode_bytes(raw)
    assert decode_bytes(raw) == decoded  # deterministic
    assert decoded.text == text
    assert decoded.encoding == codec
    outcome = parse_file(raw, "utf16.txt")
    assert not outcome.rejections, outcome.rejections
    assert outcome.articles and outcome.encoding == codec


@pytest.mark.parametrize("seed", range(3))
def test_nul_bytes_alone_do_not_make_utf16(seed: int) -> None:
    import random

    r = random.Random(seed)
    # Binary with NULs on every other byte: decodes as UTF-16 but to control characters.
    pairs = bytes(b for _ in range(512) for b in (r.randrange(256), 0))
    assert parse_file(pairs, "data.txt").rejections[0].reason_code == "binary"
    # ASCII text with a few stray NULs is not UTF-16 either: read in either byte order it
    # is a mess of CJK and symbols, so it stays the ASCII text it is.
    text = bytearray((U8_PLAIN * 8).encode())
    for _ in range(3):
        text.insert(r.randrange(len(text)), 0)
    if len(text) % 2:
        text += b" "
    decoded = decode_bytes(bytes(text))
    assert decoded.encoding == "utf-8"


def test_encoding_switches_beyond_the_budget_quarantine_with_that_reason() -> None:
    # Hundreds of alternations between three encodings: the work stays bounded and the file
    # is rejected with a reason that says so, rather than loaded garbled.
    lines = [U8.encode(), FR_LINE.encode("cp1252"), RU.encode("cp1251")] * 400
    decoded = decode_bytes(b"".join(lines))
    assert decoded.text is None
    assert "switches encodings more than" in decoded.reason
