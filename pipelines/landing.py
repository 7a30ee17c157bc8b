"""The landing zone on disk: find files safely and read them exactly once.

This is the only module that touches raw input files. It never follows symbolic
links (a link could point anywhere on the machine), skips hidden files (the
convention for partial uploads: write ``.name.tmp``, then rename), refuses files
over the size limit without reading them, and detects a file that changes while
it is being read.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from pipelines.core.ids import content_hash
from pipelines.core.parse.limits import DEFAULT_LIMITS

# One limit for reading and parsing (NEWS_MAX_FILE_BYTES overrides it).
DEFAULT_MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes
SEEDS_IGNORE = frozenset({"README.md"})


@dataclass(frozen=True, slots=True)
class LandingRoot:
    """A folder of raw files; ``label`` prefixes source names (``seeds/a.txt``)."""

    label: str
    path: Path
    # File names that document the folder rather than being articles (seeds/README.md).
    ignore: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FileState:
    """What a scan saw of one path. ``problem`` is set when the file cannot be used."""

    source_file: str
    size_bytes: int | None
    mtime_ns: int | None
    content_hash: str | None = None
    problem_code: str | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    raw: bytes | None
    content_hash: str | None
    problem_code: str | None = None
    problem: str | None = None
    size_bytes: int | None = None
    mtime_ns: int | None = None


class HashCache:
    """Content hashes of landed files by (name, size, mtime), shared across processes.

    The landing-zone sensor (in the Dagster daemon), the scan and the load of a run
    all look here before reading a file to hash it, so each landed file is hashed
    once per change, whoever meets it first. It is a small SQLite file (stdlib, safe
    for concurrent readers and writers in several processes) beside the warehouse;
    nothing of it is held in Python. Deleting it only costs one re-hash per file.
    """

    def __init__(self, path: Path | None) -> None:
        """Open (creating) the cache at ``path``; ``None`` gives a cache that remembers nothing."""
        self.path = path
        self._con: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._con = sqlite3.connect(path, timeout=60, isolation_level=None)
            self._con.execute("pragma journal_mode=wal")
            self._con.execute(
                "create table if not exists file_hashes (source_file text primary key, "
                "size_bytes integer not null, mtime_ns integer not null, "
                "content_hash text not null)"
            )

    def __enter__(self) -> HashCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def lookup(self, source_file: str, size_bytes: int, mtime_ns: int) -> str | None:
        """The hash recorded for this name, if its size and mtime still match."""
        if self._con is None:
            return None
        row = self._con.execute(
            "select content_hash from file_hashes where source_file = ? "
            "and size_bytes = ? and mtime_ns = ?",
            (source_file, size_bytes, mtime_ns),
        ).fetchone()
        return str(row[0]) if row else None

    def store(self, entries: Iterable[tuple[str, int, int, str]]) -> None:
        """Record ``(name, size, mtime_ns, hash)`` entries, replacing older ones."""
        if self._con is None:
            return
        with self._con:  # one transaction
            self._con.execute("begin")
            self._con.executemany(
                "insert or replace into file_hashes values (?, ?, ?, ?)", list(entries)
            )


def default_roots(repo_root: Path, landing_override: str | None = None) -> list[LandingRoot]:
    """Seeds plus ``data/landing``, or only the folder named by ``NEWS_LANDING``."""
    if landing_override:
        return [LandingRoot("landing", Path(landing_override).expanduser().resolve())]
    return [
        LandingRoot("seeds", repo_root / "seeds", ignore=SEEDS_IGNORE),
        LandingRoot("landing", repo_root / "data" / "landing"),
    ]


def _walk(root: LandingRoot) -> Iterator[tuple[Path, os.stat_result]]:
    """Every entry under the root (lstat: links are reported, never followed)."""
    stack = [root.path]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or (folder == root.path and entry.name in root.ignore):
                continue
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(st.st_mode):
                stack.append(Path(entry.path))
            else:
                yield Path(entry.path), st


def list_names(roots: Sequence[LandingRoot]) -> list[str]:
    """Source names of every non-hidden entry under the roots (nothing is read)."""
    return sorted(
        _relname(root, path) for root in roots if root.path.is_dir() for path, _ in _walk(root)
    )


def _relname(root: LandingRoot, path: Path) -> str:
    return f"{root.label}/{path.relative_to(root.path).as_posix()}"


def scan(
    roots: Sequence[LandingRoot],
    known: Mapping[str, tuple[int | None, int | None, str | None]],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    cache: HashCache | None = None,
) -> list[FileState]:
    """List every file under the roots with its content hash.

    ``known`` maps source names to ``(size, mtime_ns, hash)`` from the previous
    scan: a file whose size and mtime are unchanged keeps its hash without being
    read again, which keeps a scan of 100k files cheap. Files not in ``known`` are
    looked up in ``cache`` (filled by whoever hashed them first) before being read;
    the hashes computed here are added to it.
    """
    out: list[FileState] = []
    hashed: list[tuple[str, int, int, str]] = []
    for root in roots:
        if not root.path.is_dir():
            continue
        for path, st in _walk(root):
            name = _relname(root, path)
            if stat.S_ISLNK(st.st_mode):
                out.append(
                    FileState(
                        name,
                        None,
                        None,
                        None,
                        "symlink",
                        "Symbolic links are never followed; copy the file into the landing folder instead.",
                    )
                )
                continue
            if not stat.S_ISREG(st.st_mode):
                out.append(
                    FileState(
                        name,
                        None,
                        None,
                        None,
                        "not_regular",
                        "Not a regular file (device, socket or pipe); ignored.",
                    )
                )
                continue
            if st.st_size > max_file_bytes:
                out.append(
                    FileState(
                        name,
                        st.st_size,
                        st.st_mtime_ns,
                        None,
                        "too_large",
                        f"File is {st.st_size} bytes, over the {max_file_bytes}-byte limit "
                        "(NEWS_MAX_FILE_BYTES); split it or raise the limit.",
                    )
                )
                continue
            prev = known.get(name)
            if prev and prev[0] == st.st_size and prev[1] == st.st_mtime_ns and prev[2]:
                out.append(FileState(name, st.st_size, st.st_mtime_ns, prev[2]))
                continue
            if cache is not None and (cached := cache.lookup(name, st.st_size, st.st_mtime_ns)):
                out.append(FileState(name, st.st_size, st.st_mtime_ns, cached))
                continue
            res = read_file(path, max_file_bytes=max_file_bytes)
            state = FileState(
                name, st.st_size, st.st_mtime_ns, res.content_hash, res.problem_code, res.problem
            )
            out.append(state)
            if res.content_hash and res.size_bytes is not None and res.mtime_ns is not None:
                # What was actually read (the lstat above may be older).
                hashed.append((name, res.size_bytes, res.mtime_ns, res.content_hash))
    if cache is not None and hashed:
        cache.store(hashed)
    out.sort(key=lambda f: f.source_file)
    return out


def resolve(roots: Sequence[LandingRoot], source_file: str) -> Path | None:
    """Map a source name back to its path, refusing anything outside the roots."""
    label, _, rel = source_file.partition("/")
    for root in roots:
        if root.label == label:
            path = root.path / rel
            try:
                path.resolve().relative_to(root.path.resolve())
            except ValueError:
                return None
            return path
    return None


def read_file(
    path: Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    known: tuple[int | None, int | None, str | None] | None = None,
) -> ReadResult:
    """Read a file without following links, and notice if it changed meanwhile.

    ``known`` is ``(size, mtime_ns, hash)`` from the scan: when the file read still
    has that size and mtime, its hash is taken from there instead of computed again.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        code = "symlink" if path.is_symlink() else "unreadable"
        return ReadResult(None, None, code, f"Could not open the file: {exc.strerror or exc}.")
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return ReadResult(None, None, "not_regular", "Not a regular file.")
        if before.st_size > max_file_bytes:
            return ReadResult(
                None,
                None,
                "too_large",
                f"File is {before.st_size} bytes, over the {max_file_bytes}-byte limit.",
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_file_bytes:
                return ReadResult(
                    None,
                    None,
                    "too_large",
                    f"File grew past the {max_file_bytes}-byte limit while being read.",
                )
            chunks.append(chunk)
        after = os.fstat(fd)
    except OSError as exc:
        return ReadResult(None, None, "unreadable", f"Read failed: {exc.strerror or exc}.")
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if (
        after.st_size != before.st_size
        or after.st_mtime_ns != before.st_mtime_ns
        or len(raw) != after.st_size
    ):
        return ReadResult(
            None,
            None,
            "unstable",
            "The file changed while it was being read; it will be retried on the next run.",
        )
    if (
        known is not None
        and known[2]
        and (known[0], known[1])
        == (
            after.st_size,
            after.st_mtime_ns,
        )
    ):
        return ReadResult(raw, known[2], size_bytes=after.st_size, mtime_ns=after.st_mtime_ns)
    return ReadResult(raw, content_hash(raw), size_bytes=after.st_size, mtime_ns=after.st_mtime_ns)
