"""Issue 9, landing zone rows: absence of evidence, odd names, races, late files, non-news.

Real files, folders, FIFOs and links in a temporary landing zone, run through the
scan step and the warehouse (no mocks).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.warehouse.writer import Warehouse

ARTICLE = "Bridge opens\n\nMayor Ann Lee said “the bridge is open” on Tuesday.\n"


def _zone(tmp_path: Path, files: dict[str, bytes | str]) -> tuple[list[landing.LandingRoot], Path]:
    root = tmp_path / "landing"
    root.mkdir(exist_ok=True)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return [landing.LandingRoot("landing", root)], root


def _status(wh: Warehouse) -> dict[str, tuple[Any, ...]]:
    with wh.session() as s:
        rows = s.fetch("select source_file, status, reason_code, reason from ingest_files")
    return {r[0]: r[1:] for r in rows}


def _refresh(wh: Warehouse, roots: list[landing.LandingRoot]) -> None:
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, steps.pending_shards(s))


# ---------------------------------------------------------------- row 4


def test_missing_root_is_an_error_and_marks_nothing_removed(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE, "b/c.txt": ARTICLE.replace("Lee", "Kim")})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    before = _status(wh)
    root.rename(tmp_path / "unmounted")
    with wh.session() as s, pytest.raises(landing.LandingUnavailable, match="does not exist"):
        steps.scan_landing(s, roots)
    assert _status(wh) == before  # nothing removed, no articles lost
    with pytest.raises(landing.LandingUnavailable):
        landing.list_names(roots)  # the accounting check does not share the blind spot


def test_emptied_root_looks_unmounted(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    (root / "a.txt").unlink()  # an empty mount point looks exactly like this
    with wh.session() as s, pytest.raises(landing.LandingUnavailable, match="empty"):
        steps.scan_landing(s, roots)
    assert _status(wh)["landing/a.txt"][0] == "loaded"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_unreadable_subfolder_is_reported_and_its_files_kept(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE, "sub/b.txt": ARTICLE.replace("Lee", "Kim")})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    (root / "sub").chmod(0)
    try:
        with wh.session() as s, pytest.raises(landing.LandingUnavailable, match="sub"):
            steps.scan_landing(s, roots)
        assert _status(wh)["landing/sub/b.txt"][0] == "loaded"
    finally:
        (root / "sub").chmod(0o755)


def test_unlistable_subfolder_keeps_its_files(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Root can read any folder, so the listing error is made at the OS boundary.
    roots, _root = _zone(tmp_path, {"a.txt": ARTICLE, "sub/b.txt": ARTICLE.replace("Lee", "Kim")})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    real = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(landing.os, "scandir", scandir)
    with wh.session() as s, pytest.raises(landing.LandingUnavailable, match="landing/sub"):
        steps.scan_landing(s, roots)
    status = _status(wh)
    assert status["landing/sub/b.txt"][0] == "loaded"  # not removed
    assert status["landing/a.txt"][0] == "loaded"


# ---------------------------------------------------------------- row 5


def test_non_utf8_file_name_is_recorded_reversibly(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"ok.txt": ARTICLE})
    raw = os.fsencode(root) + b"/caf\xe9 \xff%41.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLE.replace("Lee", "Park").encode())
    (root / "100%41.txt").write_text(ARTICLE.replace("Lee", "Cho"), encoding="utf-8")
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    status = _status(wh)
    odd = "landing/caf%E9 %FF%2541.txt"
    assert status[odd][0] == "loaded"
    assert status["landing/100%2541.txt"][0] == "loaded"  # escaped: it looks escaped
    assert status["landing/ok.txt"][0] == "loaded"
    path = landing.resolve(roots, odd)
    assert path is not None and os.fsencode(path) == raw
    for name in status:
        assert landing.source_name(landing.rel_path(name.split("/", 1)[1])) == name.split("/", 1)[1]


# ---------------------------------------------------------------- row 8


def test_fifo_swapped_in_after_the_scan_is_quarantined_not_a_hang(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE})
    wh = Warehouse(tmp_path / "w.duckdb")
    with wh.session() as s:
        steps.scan_landing(s, roots)
    (root / "a.txt").unlink()
    os.mkfifo(root / "a.txt")
    done = threading.Event()

    def load() -> None:
        with wh.session() as s:
            steps.load_articles(s, roots, ids.all_shards())
        done.set()

    t = threading.Thread(target=load, daemon=True)
    t.start()
    t.join(60)
    if not done.is_set():  # unblock the reader before failing, or the test run hangs
        fd = os.open(root / "a.txt", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("reading a FIFO blocked")
    assert _status(wh)["landing/a.txt"][:2] == ("quarantined", "not_regular")


def test_self_looping_link_and_vanished_file_end_as_reasons(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE, "gone.txt": ARTICLE.replace("Lee", "Kim")})
    os.symlink(root / "loop.txt", root / "loop.txt")
    real_stat = os.DirEntry.stat

    # Deleted between listing and stat: the entry is listed, then its lstat fails.
    class Entry:
        def __init__(self, e: os.DirEntry[str]) -> None:
            self._e, self.name, self.path = e, e.name, e.path

        def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
            if self.name == "gone.txt":
                Path(self.path).unlink(missing_ok=True)
            return real_stat(self._e, follow_symlinks=follow_symlinks)

    real_scandir = os.scandir

    class Listing:
        def __init__(self, path: Any) -> None:
            self._it = real_scandir(path)

        def __enter__(self) -> Any:
            return [Entry(e) for e in self._it]

        def __exit__(self, *a: Any) -> None:
            self._it.close()

    monkeypatch.setattr(landing.os, "scandir", Listing)
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    status = _status(wh)
    assert status["landing/loop.txt"][:2] == ("quarantined", "symlink")
    assert status["landing/gone.txt"][:2] == ("quarantined", "vanished")
    assert status["landing/a.txt"][0] == "loaded"
    path = landing.resolve(roots, "landing/loop.txt")  # no RuntimeError("Symlink loop")
    assert path is not None and landing.read_file(path).problem_code == "symlink"


# ---------------------------------------------------------------- row 9


def test_late_arrival_is_not_unaccounted(tmp_path: Path) -> None:
    roots, root = _zone(tmp_path, {"a.txt": ARTICLE})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    time.sleep(0.05)
    (root / "late.txt").write_text(ARTICLE.replace("Lee", "Kim"), encoding="utf-8")
    with wh.session() as s:
        scanned_at = s.fetch("select max(started_at) from load_batches where step = 'ingest'")[0][0]
    cutoff = int(scanned_at.replace(tzinfo=dt.UTC).timestamp() * 1e9)
    listed = landing.list_entries(roots)
    late = [f.source_file for f in listed.files if f.mtime_ns is not None and f.mtime_ns >= cutoff]
    assert late == ["landing/late.txt"]


# ---------------------------------------------------------------- row 11


def test_non_news_files_are_ignored_with_a_reason(tmp_path: Path) -> None:
    roots, _ = _zone(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "README.md": "# Notes\n\nPresident Yoon said “this is documentation”.\n",
            "LICENSE": "Permission is hereby granted",
            "docs/CHANGELOG.txt": "v1: Kim said “fixed”.",
            "b.txt~": ARTICLE.replace("Lee", "Kim"),
        },
    )
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    status = _status(wh)
    for name in ("README.md", "LICENSE", "docs/CHANGELOG.txt", "b.txt~"):
        st, code, reason = status[f"landing/{name}"]
        assert (st, code) == ("ignored", "not_news") and "NEWS_LANDING_IGNORE" in reason
    assert status["landing/a.txt"][0] == "loaded"
    with wh.session() as s:
        assert s.count("articles") == 1


def test_identical_empty_files_get_an_honest_reason(tmp_path: Path) -> None:
    roots, _ = _zone(tmp_path, {f"e{i:03d}.txt": b"" for i in range(50)} | {"a.txt": ARTICLE})
    wh = Warehouse(tmp_path / "w.duckdb")
    _refresh(wh, roots)
    status = _status(wh)
    assert status["landing/e000.txt"][:2] == ("quarantined", "empty")
    for i in range(1, 50):
        st, _code, reason = status[f"landing/e{i:03d}.txt"]
        assert st == "duplicate" and "quarantined" in reason and "article" not in reason
