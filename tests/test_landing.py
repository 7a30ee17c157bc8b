"""The landing-zone reader: links never followed, limits, odd names, changing files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines import landing
from pipelines.core.ids import content_hash


@pytest.fixture
def zone(tmp_path: Path) -> tuple[list[landing.LandingRoot], Path]:
    root = tmp_path / "landing"
    (root / "sub dir").mkdir(parents=True)
    (root / "a.txt").write_bytes(b"Hello\n")
    (root / "sub dir" / "b \u00e9\nname.txt").write_bytes(b"Second\n")
    (root / ".partial.tmp").write_bytes(b"half an upload")
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"not yours")
    os.symlink(outside, root / "link.txt")
    (root / "big.txt").write_bytes(b"x" * 2000)
    return [landing.LandingRoot("landing", root)], root


def test_scan_reports_every_file_and_never_follows_links(zone):
    roots, _ = zone
    states = {s.source_file: s for s in landing.scan(roots, {}, max_file_bytes=1000).files}
    assert set(states) == {
        "landing/a.txt",
        "landing/sub dir/b \u00e9\nname.txt",
        "landing/link.txt",
        "landing/big.txt",
    }
    assert states["landing/a.txt"].content_hash == content_hash(b"Hello\n")
    assert states["landing/link.txt"].problem_code == "symlink"
    assert states["landing/link.txt"].content_hash is None
    assert states["landing/big.txt"].problem_code == "too_large"
    assert "limit" in (states["landing/big.txt"].problem or "")


def test_scan_reuses_known_hash_when_size_and_mtime_unchanged(zone):
    roots, root = zone
    first = {s.source_file: s for s in landing.scan(roots, {}).files}
    a = first["landing/a.txt"]
    known = {a.source_file: (a.size_bytes, a.mtime_ns, "cached-hash")}
    again = {s.source_file: s for s in landing.scan(roots, known).files}
    assert again["landing/a.txt"].content_hash == "cached-hash"
    os.utime(root / "a.txt", ns=(1, 1))
    third = {s.source_file: s for s in landing.scan(roots, known).files}
    assert third["landing/a.txt"].content_hash == content_hash(b"Hello\n")


def test_list_names_matches_scan(zone):
    roots, _ = zone
    assert landing.list_names(roots) == sorted(s.source_file for s in landing.scan(roots, {}).files)


def test_read_file_refuses_symlink_and_resolve_refuses_escape(zone):
    roots, root = zone
    assert landing.read_file(root / "link.txt").problem_code == "symlink"
    assert landing.resolve(roots, "landing/../secret.txt") is None
    assert landing.resolve(roots, "landing/a.txt") == root / "a.txt"
    assert landing.resolve(roots, "elsewhere/a.txt") is None


def test_read_file_detects_change_while_reading(zone, monkeypatch):
    _, root = zone
    path = root / "a.txt"
    real_read = os.read
    appended = []

    def read_and_append(fd, n):
        chunk = real_read(fd, n)
        if chunk and not appended:  # another process appends once, mid-read
            appended.append(True)
            with path.open("ab") as fh:
                fh.write(b"more")
        return chunk

    monkeypatch.setattr(landing.os, "read", read_and_append)
    res = landing.read_file(path)
    assert res.raw is None and res.problem_code == "unstable"


def test_default_roots(tmp_path):
    roots = landing.default_roots(tmp_path)
    assert [r.label for r in roots] == ["seeds", "landing"]
    assert roots[1].path == tmp_path / "data" / "landing"
    only = landing.default_roots(tmp_path, str(tmp_path / "x"))
    assert [(r.label, r.path) for r in only] == [("landing", (tmp_path / "x").resolve())]


def test_hash_cache_means_each_file_is_hashed_once_per_change(zone, tmp_path, monkeypatch):
    roots, root = zone
    hashed: list[int] = []
    real = landing.content_hash

    def counting(raw: bytes) -> str:
        hashed.append(len(raw))
        return real(raw)

    monkeypatch.setattr(landing, "content_hash", counting)
    path = tmp_path / "state" / "hashes.sqlite"
    with landing.HashCache(path) as cache:  # the sensor's tick
        first = landing.scan(roots, {}, cache=cache).files
    n_files = sum(1 for s in first if s.content_hash)
    assert len(hashed) == n_files == 3
    # Another process (the run's scan) with nothing known finds every hash cached.
    with landing.HashCache(path) as cache:
        again = landing.scan(roots, {}, cache=cache).files
    assert again == first and len(hashed) == n_files
    # The load reads the bytes to parse them, and reuses the scan's hash.
    a = next(s for s in first if s.source_file == "landing/a.txt")
    res = landing.read_file(root / "a.txt", known=(a.size_bytes, a.mtime_ns, a.content_hash))
    assert res.raw == b"Hello\n" and res.content_hash == a.content_hash
    assert len(hashed) == n_files
    # A changed file is hashed again, once, by whoever meets it first.
    (root / "a.txt").write_bytes(b"Hello again\n")
    with landing.HashCache(path) as cache:
        changed = {s.source_file: s for s in landing.scan(roots, {}, cache=cache).files}
    with landing.HashCache(path) as cache:
        landing.scan(roots, {}, cache=cache)
    assert changed["landing/a.txt"].content_hash == content_hash(b"Hello again\n")
    assert len(hashed) == n_files + 1
    # Stale known values are not trusted: a different size or mtime means hash the bytes.
    res = landing.read_file(root / "a.txt", known=(a.size_bytes, a.mtime_ns, a.content_hash))
    assert res.content_hash == content_hash(b"Hello again\n")


def test_no_cache_path_remembers_nothing(zone):
    roots, _ = zone
    with landing.HashCache(None) as cache:
        landing.scan(roots, {}, cache=cache)
        assert cache.lookup("landing/a.txt", 6, 0) is None
