"""The landing zone on disk: find files safely and read them exactly once.

This is the only module that touches raw input files. It never follows symbolic
links (a link could point anywhere on the machine), skips hidden files (the
convention for partial uploads: write ``.name.tmp``, then rename), refuses files
over the size limit without reading them, and detects a file that changes while
it is being read. Files swapped for a FIFO, a link loop or deleted between listing
and reading end as a problem with a reason, never a hang or a crash.

Absence of evidence is never deletion: a missing, unreadable or emptied root, or an
unreadable sub-folder, is reported (``LandingUnavailable`` / ``ScanResult.unreadable``)
so that callers never take the files they could not see for removed ones.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, unquote_to_bytes

from pipelines.core.ids import content_hash
from pipelines.core.parse.limits import DEFAULT_LIMITS

# One limit for reading and parsing (NEWS_MAX_FILE_BYTES overrides it).
DEFAULT_MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes
SEEDS_IGNORE = frozenset({"README.md"})
# Files that document a folder or are editor leftovers, not news: recorded as
# ``ignored`` with a reason (NEWS_LANDING_IGNORE replaces the list; shell patterns
# matched case-insensitively against the file name).
DEFAULT_IGNORE_PATTERNS = (
    "readme*", "license*", "licence*", "copying*", "changelog*", "changes*", "history*",
    "contributing*", "authors*", "notice*", "manifest*", "*.md", "*.rst", "*~", "*.bak",
    "*.swp", "*.swo", "*.orig", "*.rej", "*.tmp", "#*#", "thumbs.db", "desktop.ini",
)  # fmt: skip
_ESCAPED = re.compile(r"%[0-9A-Fa-f]{2}")
# Printable ASCII kept as is in an escaped name (everything else becomes %XX).
_SAFE = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


class LandingUnavailable(RuntimeError):
    """A landing root is missing, unreadable or unexpectedly empty: nothing can be concluded."""


@dataclass(frozen=True, slots=True)
class LandingRoot:
    """A folder of raw files; ``label`` prefixes source names (``seeds/a.txt``)."""

    label: str
    path: Path
    # File names that document the folder rather than being articles (seeds/README.md).
    ignore: frozenset[str] = frozenset()
    # Name patterns recorded as ``ignored`` (not news), see DEFAULT_IGNORE_PATTERNS.
    ignore_patterns: tuple[str, ...] = DEFAULT_IGNORE_PATTERNS


@dataclass(frozen=True, slots=True)
class FileState:
    """What a scan saw of one path. ``problem`` is set when the file cannot be used."""

    source_file: str
    size_bytes: int | None
    mtime_ns: int | None
    content_hash: str | None = None
    problem_code: str | None = None
    problem: str | None = None


def _unusable(name: str, code: str, reason: str, st: os.stat_result | None = None) -> FileState:
    """A file the scan does not read, with its size and time when ``st`` is known."""
    if st is None:
        return FileState(name, None, None, None, code, reason)
    return FileState(name, st.st_size, st.st_mtime_ns, None, code, reason)


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Files seen, and folders that could not be listed (their files are unknown)."""

    files: list[FileState]
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (folder name, reason)


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


def default_roots(
    repo_root: Path,
    landing_override: str | None = None,
    ignore_patterns: tuple[str, ...] = DEFAULT_IGNORE_PATTERNS,
) -> list[LandingRoot]:
    """Seeds plus ``data/landing``, or only the folder named by ``NEWS_LANDING``."""
    if landing_override:
        path = Path(landing_override).expanduser().absolute()
        return [LandingRoot("landing", path, ignore_patterns=ignore_patterns)]
    return [
        LandingRoot(
            "seeds", repo_root / "seeds", ignore=SEEDS_IGNORE, ignore_patterns=ignore_patterns
        ),
        LandingRoot("landing", repo_root / "data" / "landing", ignore_patterns=ignore_patterns),
    ]


def check_root(root: LandingRoot) -> None:
    """Raise :class:`LandingUnavailable` unless the root is a readable folder.

    ``data/landing`` of the default layout may be absent (nobody dropped files yet);
    any other missing root is an error: an unmounted share must not read as empty.
    """
    try:
        st = root.path.stat()
    except FileNotFoundError:
        if root.label == "landing" and root.path.parent.name == "data":
            return
        raise LandingUnavailable(
            f"landing root {root.path} does not exist (unmounted share? wrong NEWS_LANDING?); "
            "nothing was marked removed"
        ) from None
    except OSError as exc:
        raise LandingUnavailable(f"landing root {root.path} cannot be read: {exc}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise LandingUnavailable(f"landing root {root.path} is not a folder")
    if not os.access(root.path, os.R_OK | os.X_OK):
        raise LandingUnavailable(f"landing root {root.path} is not readable by this user")


def _walk(
    root: LandingRoot, unreadable: list[tuple[str, str]]
) -> Iterator[tuple[Path, os.stat_result | None, str | None]]:
    """Every entry under the root: (path, lstat or None, problem).

    Links are reported, never followed. A folder that cannot be listed goes to
    ``unreadable``; an entry that vanishes before its ``lstat`` is yielded with the
    problem instead of raising.
    """
    if not root.path.exists():
        return
    stack = [root.path]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            unreadable.append((_relname(root, folder), exc.strerror or str(exc)))
            continue
        for entry in entries:
            if entry.name.startswith(".") or (folder == root.path and entry.name in root.ignore):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                yield Path(entry.path), None, exc.strerror or str(exc)
                continue
            if stat.S_ISDIR(st.st_mode):
                stack.append(Path(entry.path))
            else:
                yield Path(entry.path), st, None


def list_entries(roots: Sequence[LandingRoot]) -> ScanResult:
    """Source names, sizes and times of every non-hidden entry (nothing is read).

    Raises:
        LandingUnavailable: a root is missing or unreadable.
    """
    unreadable: list[tuple[str, str]] = []
    files: list[FileState] = []
    for root in roots:
        check_root(root)
        for path, st, _ in _walk(root, unreadable):
            files.append(FileState(_relname(root, path), None, _changed_ns(st) if st else None))
    files.sort(key=lambda f: f.source_file)
    return ScanResult(files, unreadable)


def list_names(roots: Sequence[LandingRoot]) -> list[str]:
    """Source names of every non-hidden entry under the roots (nothing is read)."""
    return [f.source_file for f in list_entries(roots).files]


def _changed_ns(st: os.stat_result) -> int:
    """Latest of mtime and ctime: a file moved into the folder has a new ctime."""
    return max(st.st_mtime_ns, st.st_ctime_ns)


def source_name(rel: str) -> str:
    """The name stored for a relative path: as is, unless that would be ambiguous.

    File names are bytes on Linux; Python hands us undecodable bytes as lone
    surrogates, which no database text column accepts. Such a name, or one that
    already contains a ``%XX`` sequence, is stored percent-escaped (every byte
    outside printable ASCII, and ``%`` itself, as ``%XX`` of its byte): reversible
    with :func:`rel_path`, and never equal to a name stored as is.
    """
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        if not _ESCAPED.search(rel):
            return rel
    return quote(os.fsencode(rel), safe=_SAFE)


def rel_path(name: str) -> str:
    """Inverse of :func:`source_name` (a relative path as the OS gave it)."""
    if not _ESCAPED.search(name):
        return name
    return os.fsdecode(unquote_to_bytes(name))


def _relname(root: LandingRoot, path: Path) -> str:
    return f"{root.label}/{source_name(path.relative_to(root.path).as_posix())}"


def ignored_reason(root: LandingRoot, name: str) -> str | None:
    """Why a file is not news (README, LICENSE, editor backups...), or None."""
    base = name.rsplit("/", 1)[-1].lower()
    for pattern in root.ignore_patterns:
        if fnmatch.fnmatchcase(base, pattern.lower()):
            return (
                f"Not news: the name matches {pattern!r} (documentation, licence or an editor "
                "backup); set NEWS_LANDING_IGNORE to change the list."
            )
    return None


def scan(
    roots: Sequence[LandingRoot],
    known: Mapping[str, tuple[int | None, int | None, str | None]],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    cache: HashCache | None = None,
) -> ScanResult:
    """List every file under the roots with its content hash.

    ``known`` maps source names to ``(size, mtime_ns, hash)`` from the previous
    scan: a file whose size and mtime are unchanged keeps its hash without being
    read again, which keeps a scan of 100k files cheap. Files not in ``known`` are
    looked up in ``cache`` (filled by whoever hashed them first) before being read;
    the hashes computed here are added to it.

    Raises:
        LandingUnavailable: a root is missing, unreadable, or empty while ``known``
            lists files under it (an unmounted share looks like an empty folder).
    """
    out: list[FileState] = []
    hashed: list[tuple[str, int, int, str]] = []
    unreadable: list[tuple[str, str]] = []
    for root in roots:
        check_root(root)
        before = len(out)
        for path, st, vanished in _walk(root, unreadable):
            name = _relname(root, path)
            if st is None:
                out.append(
                    _unusable(
                        name,
                        "vanished",
                        f"The file disappeared while the folder was scanned ({vanished}); "
                        "it is looked at again by the next run.",
                    )
                )
                continue
            why_ignored = ignored_reason(root, name)
            if why_ignored is not None:
                out.append(_unusable(name, "ignored", why_ignored, st))
                continue
            if stat.S_ISLNK(st.st_mode):
                out.append(
                    _unusable(
                        name,
                        "symlink",
                        "Symbolic links are never followed; copy the file into the landing "
                        "folder instead.",
                    )
                )
                continue
            if not stat.S_ISREG(st.st_mode):
                out.append(
                    _unusable(
                        name, "not_regular", "Not a regular file (device, socket or pipe); ignored."
                    )
                )
                continue
            if st.st_size > max_file_bytes:
                out.append(
                    _unusable(
                        name,
                        "too_large",
                        f"File is {st.st_size} bytes, over the {max_file_bytes}-byte limit "
                        "(NEWS_MAX_FILE_BYTES); split it or raise the limit.",
                        st,
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
        prefix = f"{root.label}/"
        if len(out) == before and any(k.startswith(prefix) for k in known):
            raise LandingUnavailable(
                f"landing root {root.path} is empty but {sum(k.startswith(prefix) for k in known)} "
                "files were landed there before (unmounted share?); nothing was marked removed. "
                "If you emptied it on purpose, leave one file in it (even README.md) and re-run."
            )
    if cache is not None and hashed:
        cache.store(hashed)
    out.sort(key=lambda f: f.source_file)
    return ScanResult(out, unreadable)


def resolve(roots: Sequence[LandingRoot], source_file: str) -> Path | None:
    """Map a source name back to its path, refusing anything outside the roots."""
    label, _, name = source_file.partition("/")
    rel = rel_path(name)
    if not rel or any(part in ("", ".", "..") for part in rel.split("/")):
        return None
    for root in roots:
        if root.label == label:
            path = root.path / rel
            # realpath never raises on a link loop (Path.resolve does): a looping or
            # escaping path simply fails the containment test.
            real = Path(os.path.realpath(path))
            try:
                real.relative_to(os.path.realpath(root.path))
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
    # O_NONBLOCK: a FIFO swapped in after the scan would block open() forever; the
    # descriptor is then checked to be a regular file before anything is read.
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            return ReadResult(
                None, None, "vanished", "The file disappeared before it could be read."
            )
        code = "symlink" if path.is_symlink() else "unreadable"
        return ReadResult(None, None, code, f"Could not open the file: {exc.strerror or exc}.")
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            return ReadResult(
                None, None, "not_regular", "Not a regular file (a pipe, device or socket)."
            )
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
