"""Issue 9 rows 6 and 10: re-runs are identical, rejections included; a byline-only
change re-analyses what depends on it, so the result equals a clean build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.core.analysis import Analyser
from pipelines.core.entities import EntityResolver
from pipelines.warehouse.writer import Warehouse
from tests.tables import comparable_tables

pytestmark = pytest.mark.slow

BODY = "Mayor Ann Lee said “the bridge is open” on Tuesday in Seoul."


def _byline(author: str) -> str:
    return json.dumps({"title": "Bridge byline", "author": author, "body": BODY + " Again."})


def _land(root: Path, author: str) -> None:
    root.mkdir(exist_ok=True)
    (root / "good.txt").write_text(f"Bridge opens\n\n{BODY}\n", encoding="utf-8")
    (root / "copy.txt").write_text(f"Bridge opens\n\n{BODY}\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (root / "mixed.jsonl").write_text(
        json.dumps({"title": "Council", "body": "The council met. “Yes,” Kim said."})
        + "\n{not json\n",
        encoding="utf-8",
    )
    (root / "byline.jsonl").write_text(_byline(author) + "\n", encoding="utf-8")
    # Row 11: mixed encodings decoded per block, BOM-less UTF-16, and a block no encoding
    # reads (quarantined): each decodes the same way at every run.
    (root / "concatenated.txt").write_bytes(
        f"Bridge news\n\n{BODY}\n".encode()
        + "Le maire a déclaré que le pont était ouvert.\n".encode("cp1252")
        + "Мэр заявил, что мост открыт.\n".encode("cp1251")
    )
    (root / "utf16.txt").write_bytes(f"Bridge in UTF-16\n\n{BODY}\n".encode("utf-16-be"))
    (root / "garbled.txt").write_bytes(
        f"Bridge garbled\n\n{BODY}\n".encode() + bytes(range(0x80, 0x100)) + b"\n"
    )


def _refresh(wh: Warehouse, roots: list[landing.LandingRoot], analyser: Analyser) -> None:
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, steps.pending_shards(s))
        steps.analyse_articles(s, analyser, ids.all_shards())
        steps.rebuild_entities(s)


def _tables(wh: Warehouse) -> dict[str, list[tuple[Any, ...]]]:
    with wh.session() as s:
        return comparable_tables(s)


def test_reruns_and_byline_change_equal_a_clean_build(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    analyser = Analyser(nlp=nlp, resolver=EntityResolver.default(Path("/nonexistent")))
    root = tmp_path / "landing"
    roots = [landing.LandingRoot("landing", root)]
    _land(root, "Ann Lee")
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots, analyser)
    first = _tables(wh)
    assert first["rejections"], "the bad JSONL line and the bad files leave rejections"
    with wh.session() as s:
        encodings = dict(s.fetch("select title, encoding from articles"))
        garbled = s.fetch(
            "select reason_code from ingest_files where source_file like '%garbled.txt'"
        )
    assert encodings["Bridge news"] == "utf-8+cp1252+cp1251"
    assert encodings["Bridge in UTF-16"] == "utf-16-be"
    assert garbled == [("bad_encoding",)]
    _refresh(wh, roots, analyser)
    assert _tables(wh) == first  # row 6: nothing deleted, nothing rewritten

    # Row 10: only the byline changes (same title and body: same article id).
    (root / "byline.jsonl").write_text(_byline("Kim Park") + "\n", encoding="utf-8")
    _refresh(wh, roots, analyser)
    _refresh(wh, roots, analyser)
    rerun = _tables(wh)
    authors = [r for r in rerun["article_authors"] if "Park" in str(r)]
    assert authors, rerun["article_authors"]

    clean = Warehouse(tmp_path / "clean.duckdb")
    _refresh(clean, roots, analyser)
    expected = _tables(clean)
    for name in expected:
        assert rerun[name] == expected[name], name
