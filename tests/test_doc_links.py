"""Relative links in the README and the repo's other Markdown point at files and headings that exist.

The README links to method READMEs, eval sets and the quality history by relative path, and
to its own sections by anchor; a renamed heading or a moved file breaks them silently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]*`")
# a link or an image: [text](target), ![alt](target)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _prose(text: str) -> str:
    """The text outside fenced blocks and inline code, where a link is a link."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text only
    text = text.replace("`", "").replace("*", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file, with GitHub's -1, -2 suffixes for repeats."""
    seen: dict[str, int] = {}
    out: set[str] = set()
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(heading)
        n = seen.get(base, 0)
        out.add(base if n == 0 else f"{base}-{n}")
        seen[base] = n + 1
    return out


def broken_links(doc: Path) -> list[str]:
    """Relative links of ``doc`` whose file or heading does not exist."""
    broken = []
    for target in LINK.findall(_prose(doc.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        dest = (doc.parent / file_part).resolve() if file_part else doc
        if not dest.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target} (no such heading)")
    return broken


# The README, docs/ and every README of the code, rules, seeds and eval sets.
DOCS = [
    REPO / "README.md",
    *sorted(
        p for top in ("docs", "pipelines", "seeds", "tests") for p in (REPO / top).rglob("*.md")
    ),
]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(doc: Path) -> None:
    broken = broken_links(doc)
    assert not broken, f"{doc.relative_to(REPO)}: broken links {broken}"


def test_the_checker_finds_a_broken_link_and_a_missing_heading(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Only: this heading\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Top\n[ok](other.md#only-this-heading) [self](#top) [web](https://example.org/x)\n"
        "`[not a link](gone.md)`\n```\n[in a fence](gone.md)\n```\n"
        "[gone](gone.md) [bad anchor](other.md#nowhere) [bad self](#nowhere)\n",
        encoding="utf-8",
    )
    assert broken_links(doc) == [
        "gone.md (no such file)",
        "other.md#nowhere (no such heading)",
        "#nowhere (no such heading)",
    ]


def test_slug_follows_githubs_rule() -> None:
    assert slug("Scale: cores, memory, increments") == "scale-cores-memory-increments"
    assert slug("Publishing: how, and why this design") == "publishing-how-and-why-this-design"
    assert slug("resolved-speaker set, **dev** (`x`)") == "resolved-speaker-set-dev-x"


def test_every_unseen_names_set_is_in_make_eval_and_has_one_readme_row() -> None:
    """A new blind names set is scored by `make eval` and reported once in the README table.

    The list in the Makefile and the README's rows are written by hand each time a set lands;
    a set left out of either (or a row pasted twice) goes unnoticed otherwise.
    """
    sets = sorted(
        p.name.removeprefix("entity_eval_")
        for p in (REPO / "tests" / "data").glob("entity_eval_*")
        if (p / "dev").is_dir() and (p / "test").is_dir() and p.name != "entity_eval_adversarial"
    )
    assert sets, "no unseen-names set found under tests/data"
    make_line = next(
        line
        for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines()
        if line.startswith("UNSEEN_NAME_SETS :=")
    )
    listed = set(make_line.split(":=", 1)[1].split())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in sets:
        assert name in listed, (
            f"tests/data/entity_eval_{name} is not in the Makefile's UNSEEN_NAME_SETS"
        )
        rows = [line for line in readme.splitlines() if line.startswith(f"| unseen names `{name}`")]
        assert len(rows) == 1, f"README has {len(rows)} quality rows for unseen names `{name}`"
