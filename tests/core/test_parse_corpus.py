"""Parsers over the team's real corpora in ../shared/corpora (skipped when absent).

Nothing from the corpora is copied into the repository: the files are read in place.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipelines.core.parse import parse_file

CORPORA = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora"

pytestmark = pytest.mark.corpus


def _corpus(*parts: str) -> Path:
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: corpus tests need ../shared/corpora beside the repo")
    return path


def test_every_bbc_file_parses() -> None:
    # Invariants only: parse speed is a figure `make bench` prints (the articles step's
    # seconds), not a timed unit test, which fails on a busy machine.
    root = _corpus("bbc")
    files = sorted(root.glob("*/*.txt"))
    assert len(files) == 2225
    outcomes = [parse_file(f.read_bytes(), str(f.relative_to(root))) for f in files]
    assert [o.rejections for o in outcomes if o.rejections] == []
    articles = [o.articles[0] for o in outcomes]
    assert all(a.title and a.body for a in articles)
    # BBC bodies never start with their own title, and no file loses its text to the rules.
    assert all(not a.body.startswith(a.title or "\0") for a in articles)


def test_bbc_sport_199_latin1_pound() -> None:
    path = _corpus("bbc", "sport", "199.txt")
    article = parse_file(path.read_bytes(), "sport/199.txt").articles[0]
    assert "£" in article.body
    assert "\ufffd" not in article.body
    assert article.encoding == "cp1252"


def test_bbc_title_is_line_one() -> None:
    path = _corpus("bbc", "business", "001.txt")
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    article = parse_file(path.read_bytes(), "business/001.txt").articles[0]
    assert article.title == first_line
    assert first_line not in article.body.split("\n\n")[0]


def _index() -> list[dict[str, str]]:
    index = _corpus("html", "index.csv")
    with index.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow  # ~10 s: 100 pages through trafilatura
def test_every_html_page_yields_an_article() -> None:
    root = _corpus("html")
    rows = _index()
    problems = []
    for row in rows:
        outcome = parse_file((root / row["file"]).read_bytes(), row["file"])
        if outcome.rejections or not outcome.articles:
            problems.append((row["file"], outcome.rejections))
            continue
        article = outcome.articles[0]
        if "\ufffd" in article.body or not article.title:
            problems.append((row["file"], "replacement char or no title"))
    assert problems == []


@pytest.mark.parametrize(
    ("name", "expected_word"),
    [
        ("wiadomosci.gazeta.pl-4f34f126.html", "dziesiątej"),  # declares UTF-8, is ISO-8859-2
        ("rp.pl-f77ca894.html", "Rzeczpospolita"),
        ("badische-zeitung.de-4e05fb31.html", "Studierende"),
    ],
)
def test_non_utf8_pages_decode(name: str, expected_word: str) -> None:
    path = _corpus("html", "encodings", name)
    outcome = parse_file(path.read_bytes(), f"encodings/{name}")
    article = outcome.articles[0]
    text = " ".join(filter(None, [article.title, article.outlet, article.body]))
    assert expected_word in text
    assert "\ufffd" not in article.body


@pytest.mark.slow  # ~5 s; `make eval` prints the same figure via pipelines.tools.html_eval
def test_html_body_f1_meets_target() -> None:
    truth_file = _corpus("html", "aeb", "ground-truth.subset.json")
    from pipelines.tools.html_eval import token_f1

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    scores = []
    for stem, entry in truth.items():
        page = truth_file.parent / f"{stem}.html"
        bodies = [a.body for a in parse_file(page.read_bytes(), page.name).articles]
        scores.append(token_f1("\n\n".join(bodies), entry["articleBody"]))
    assert sum(scores) / len(scores) >= 0.90


def test_ap_dateline_page() -> None:
    root = _corpus("html")
    rows = [
        r for r in _index() if "AP" in (r.get("url") or "") or r["file"].startswith("aeb/82b6d780")
    ]
    if not rows:
        pytest.skip("the AP page is not in this copy of the corpus")
    article = parse_file((root / rows[0]["file"]).read_bytes(), rows[0]["file"]).articles[0]
    assert article.dateline == "WASHINGTON (AP)"
    assert not article.body.startswith("WASHINGTON")
