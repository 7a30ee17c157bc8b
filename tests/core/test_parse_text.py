"""Plain-text layout rules: paragraphs, title, byline, dateline, sign-off; the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.parse import parse_file
from pipelines.core.parse.text import (
    match_dateline,
    parse_text,
    split_byline,
    split_paragraphs,
    strip_signoff,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _one(raw: str | bytes, name: str = "a.txt"):
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    outcome = parse_file(data, name)
    assert not outcome.rejections, outcome.rejections
    assert len(outcome.articles) == 1
    return outcome.articles[0]


@pytest.mark.parametrize(
    ("rest", "outlet", "authors"),
    [
        ("Diplomacy Journal Lee Jon-young", "Diplomacy Journal", ("Lee Jon-young",)),
        ("Yonhap News Agency Kim Tong-hyung", "Yonhap", ("Kim Tong-hyung",)),
        ("Kim Tong-hyung, Yonhap", "Yonhap", ("Kim Tong-hyung",)),
        ("John Smith | Reuters", "Reuters", ("John Smith",)),
        ("The Korea Herald Choi Si-young", "The Korea Herald", ("Choi Si-young",)),
        ("Seoul Economic Daily Park Min-su", "Seoul Economic Daily", ("Park Min-su",)),
        ("Jane Doe and John Roe", None, ("Jane Doe", "John Roe")),
        ("Ludwig van Beethoven", None, ("Ludwig van Beethoven",)),
        ("Associated Press", "AP", ()),
        ("Mary Jones Associated Press", "AP", ("Mary Jones",)),
    ],
)
def test_split_byline(rest: str, outlet: str | None, authors: tuple[str, ...]) -> None:
    assert split_byline(rest) == (outlet, authors)


@pytest.mark.parametrize(
    ("paragraph", "raw", "place", "agency", "rest"),
    [
        (
            "SEOUL, Nov. 17 (Yonhap) -- North Korea fired a missile.",
            "SEOUL, Nov. 17 (Yonhap)",
            "SEOUL",
            "Yonhap",
            "North Korea fired a missile.",
        ),
        ("TOKYO, March 3 - Shares fell.", "TOKYO, March 3", "TOKYO", None, "Shares fell."),
        (
            "LONDON (Reuters) - The pound rose.",
            "LONDON (Reuters)",
            "LONDON",
            "Reuters",
            "The pound rose.",
        ),
        (
            "WASHINGTON (AP) — Lawmakers met.",
            "WASHINGTON (AP)",
            "WASHINGTON",
            "AP",
            "Lawmakers met.",
        ),
        (
            "BUFFALO, N.Y. — Hours before the game.",
            "BUFFALO, N.Y.",
            "BUFFALO",
            None,
            "Hours before the game.",
        ),
        ("MADRID—Rafael Nadal won.", "MADRID", "MADRID", None, "Rafael Nadal won."),
        (
            "NEW YORK, Jan. 5, 2024 (AFP) -- Stocks rose.",
            "NEW YORK, Jan. 5, 2024 (AFP)",
            "NEW YORK",
            "AFP",
            "Stocks rose.",
        ),
    ],
)
def test_match_dateline(
    paragraph: str, raw: str, place: str, agency: str | None, rest: str
) -> None:
    found = match_dateline(paragraph)
    assert found is not None
    dateline, remainder = found
    assert (dateline.raw, dateline.place, dateline.agency, remainder) == (raw, place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "US - China talks resumed on Monday.",
        "I - for one - disagree.",
        "Yoon said the talks went well -- and they did.",
        "NATO members met.",
        "SEOUL is a big city - with many people.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


def test_dateline_date_with_year() -> None:
    found = match_dateline("NEW YORK, Jan. 5, 2024 (AFP) -- Stocks rose.")
    assert found is not None
    assert found[0].date is not None and found[0].date.isoformat() == "2024-01-05"
    no_year = match_dateline("SEOUL, Nov. 17 (Yonhap) -- Text.")
    assert no_year is not None and no_year[0].date is None and no_year[0].month == 11


@pytest.mark.parametrize(
    ("paragraph", "kept", "outlet"),
    [
        (
            "Yoon and Kishida held 12 summits. (Yonhap)",
            "Yoon and Kishida held 12 summits.",
            "Yonhap",
        ),
        ("The market closed higher. (AP)", "The market closed higher.", "AP"),
        ("The market closed higher. (AFP) (END)", "The market closed higher.", "AFP"),
        ("Reuter", "", "Reuters"),
        ("including recent (developments)", "including recent (developments)", None),
        ("He left. (END)", "He left.", None),
    ],
)
def test_strip_signoff(paragraph: str, kept: str, outlet: str | None) -> None:
    assert strip_signoff(paragraph) == (kept, outlet)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\nTwo.\n", ["One.", "Two."]),
        ("One.\n\n\nTwo.", ["One.", "Two."]),
        ("  \n\nOnly one paragraph here.  \n  ", ["Only one paragraph here."]),
        (
            (
                "    Rain fell for most of the week across the northern wheat\n"
                "belt, ending the dry spell that began in late February and\n"
                "lifting hopes for the spring harvest.\n"
                "    Deliveries to the mills were the highest for the month."
            ),
            [
                "Rain fell for most of the week across the northern wheat belt, ending the dry spell that began in late February and lifting hopes for the spring harvest.",
                "Deliveries to the mills were the highest for the month.",
            ],
        ),
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert [p for p, _ in split_paragraphs(text)] == expected


_PARA = (
    "Shipments fell 12% in May as the port's cranes stood idle, and exporters said "
    "the losses would grow unless talks resumed within the week.\n\nMore text."
)
_LONG = _PARA.split("\n", 1)[0] * 2  # one paragraph of 270 characters


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        (
            "Port strike cuts exports\n\nShipments fell 12% in May.\n\nMore text.",
            "Port strike cuts exports",
            "Shipments",
        ),
        ("Is this the end?\n\nPerhaps not.", "Is this the end?", "Perhaps"),
        (
            "Rivals of the £300 handset...\n\nThe cheaper phone sells well.",
            "Rivals of the £300 handset...",
            "The cheaper",
        ),
        (
            "'My years with the band...'\n\nTo mark the anniversary.",
            "'My years with the band...'",
            "To mark",
        ),
        ("A first sentence that ends like one.\n\nSecond paragraph.", None, "A first"),
        # A headline ending like a sentence is recorded and kept in the body (its names and
        # quotes are still read): a full-stopped one, short beside the paragraphs after it
        # and one sentence, or an archive's headline and deck.
        (f"Port strike cuts exports.\n\n{_PARA}", "Port strike cuts exports.", "Port strike"),
        (
            f"Mayor wins U.S. grant for harbour.\n\nSUMMARY.\n\n{_PARA}",
            "Mayor wins U.S. grant for harbour.",
            "Mayor wins",
        ),
        (
            f"Dockers: ‘We will not go back.’\n\n{_PARA}",
            "Dockers: ‘We will not go back.’",
            "Dockers:",
        ),
        ("Dockers walked out on Monday.\n\nShipments stopped at noon.", None, "Dockers"),
        (f"Dockers walk out. Ships wait.\n\n{_PARA}", None, "Dockers"),
        (f"{'Dockers walk out ' * 5}today.\n\n{_LONG}", None, "Dockers"),  # 16 words
        (  # 15 words
            f"{'Dockers walk out ' * 4}again today.\n\n{_LONG}",
            f"{'Dockers walk out ' * 4}again today.",
            "Dockers",
        ),
        (
            f"Mill closes after fire; \nOwners blame the heat.\n\n{_PARA}",
            "Mill closes after fire; Owners blame the heat.",
            "Mill closes after fire;\n\nOwners",
        ),
        ("Mill closes; \nOwners blame the heat.\nA third line.\n\nMore.", None, "Mill"),
        ("Mill closes after fire \nOwners blame the heat.\n\nMore text.", None, "Mill"),
    ],
)
def test_title_rule(text: str, title: str | None, body_start: str) -> None:
    article = _one(text)
    assert article.title == title
    assert article.body.startswith(body_start)


def test_wire_story_fields() -> None:
    text = (
        "Kishida visits Seoul\n\nBy Kyodo News Sato Kenji\n\n"
        "TOKYO, March 3, 2024 - Prime Minister Fumio Kishida said on Saturday “we will meet.”\n\n"
        "The talks continue. (Kyodo)"
    )
    article = _one(text)
    assert article.title == "Kishida visits Seoul"
    assert article.outlet == "Kyodo"
    assert article.authors == ("Sato Kenji",)
    assert article.dateline == "TOKYO, March 3, 2024"
    assert article.published_date is not None and article.published_date.isoformat() == "2024-03-03"
    assert article.date_reason == "from the dateline"
    assert (
        article.body
        == "Prime Minister Fumio Kishida said on Saturday “we will meet.”\n\nThe talks continue."
    )


def test_dateline_without_year_leaves_date_empty_with_reason() -> None:
    article = _one("SEOUL, Nov. 17 (Yonhap) -- Yoon met Ishiba on Saturday.")
    assert article.published_date is None
    assert article.date_reason is not None and "no year" in article.date_reason
    assert article.outlet == "Yonhap"


def test_seed_000_yonhap_tag() -> None:
    raw = (SEEDS / "000_5c10c6fb26408c53.txt").read_bytes()
    article = _one(raw, "seeds/000_5c10c6fb26408c53.txt")
    assert article.outlet == "Yonhap"
    assert article.title is None
    assert article.authors == ()
    assert "(Yonhap)" not in article.body
    assert article.body.endswith("in a sign of deepening relations.")
    assert article.body.startswith("Yoon Suk Yeol and Japanese Prime Minister Shigeru Ishiba")
    # Curly quotes are kept byte for byte; one paragraph per input line.
    assert article.body.count("“") == raw.decode("utf-8").count("“")
    assert len(article.body.split("\n\n")) == 14


def test_seed_003_byline() -> None:
    raw = (SEEDS / "003_e904c8f4dc578509.txt").read_bytes()
    article = _one(raw, "seeds/003_e904c8f4dc578509.txt")
    assert article.outlet == "Diplomacy Journal"
    assert article.authors == ("Lee Jon-young",)
    assert article.title is None
    assert "By Diplomacy Journal" not in article.body
    assert article.body.startswith("President Yoon Suk-yeol held his second summit")
    assert "”and I look forward to a fruitful exchange of views.”" in article.body


_WRAPPED_WIRE_STORY = (
    "    Grain traders in the northern port said on Tuesday that barge\n"
    "traffic had slowed after a week of low water, pushing freight rates\n"
    "to their highest level since the autumn, a shipping agent said.\n"
    "    Exporters expect the backlog to clear within ten days.\n"
)


@pytest.mark.parametrize(
    "signoff",
    [" Reuter", "REUTER", "    Reuter", "Reuter.", "  REUTERS", " (END)"],
)
def test_wire_signoff_under_a_wrapped_block_is_removed(signoff: str) -> None:
    """1980s-90s wire archives put the sign-off on the line under the text, often indented."""
    fields = parse_text(_WRAPPED_WIRE_STORY + signoff + "\n")
    assert fields.body.endswith("within ten days."), fields.body[-60:]
    assert "reuter" not in fields.body.casefold()
    assert fields.outlet == (None if "END" in signoff else "Reuters")


@pytest.mark.parametrize(
    "text",
    [
        # The outlet word continues an unfinished sentence: it is text, not a sign-off.
        (
            "The figures were first published on Monday by a wire agency, according to\n"
            "analysts quoted at length in a long report carried by\n"
            "Reuters.\n"
        ),
        # A short last line that is not an outlet stays in the body.
        (
            "The council will meet again next month to discuss the budget, its\n"
            "chairwoman told reporters outside the town hall on Friday evening.\n"
            "More later.\n"
        ),
    ],
)
def test_last_line_that_is_text_stays(text: str) -> None:
    fields = parse_text(text)
    assert fields.outlet is None
    assert fields.body.rstrip(".").endswith(text.split("\n")[-2].strip().rstrip("."))


def test_a_kept_headline_leaves_the_body_as_without_it() -> None:
    # The rule only records the title: the body (what the analysis reads) is unchanged.
    article = _one(f"Port strike cuts exports.\n\n{_PARA}")
    assert article.title == "Port strike cuts exports."
    assert article.body == f"Port strike cuts exports.\n\n{_PARA}"
