"""Encoding detection and meaning-preserving normalisation."""

from __future__ import annotations

import codecs

import pytest

from pipelines.core.parse import parse_file
from pipelines.core.parse.encoding import decode_bytes, normalize_text

EN = "He said “we’re ready” — it costs £5 and €3, in Zürich."
FR = "Le président a déclaré « Nous sommes prêts » à Genève, où il était arrivé."
PL = "Ziemniaki na szóstej, surówka na dziesiątej. Jak pomagać dzieciom, które źle się odżywiają?"
PL_FEW = "Ziemniaki na szóstej, surówka na dziesiątej. Jak pomagać?\n"
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
