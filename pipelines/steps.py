"""The warehouse build steps as plain functions: landing zone -> warehouse.

Each step takes a warehouse :class:`~pipelines.warehouse.writer.Session` and values,
calls the pure core, and writes through the session in transactions. The Dagster
assets are thin wrappers around these, so the steps are tested without Dagster.

Incrementality: a step only redoes work whose inputs or code version changed
(files by content hash and parser version, articles by analyser version), unless
``force`` is set. Re-running a step with the same inputs writes identical rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pyarrow as pa

from pipelines import landing
from pipelines.core import ids
from pipelines.core.analysis import Analyser, run_stage
from pipelines.core.models import AnalysisFailure, ParsedArticle, Rejection
from pipelines.core.parse import ParseLimits, parse_file
from pipelines.core.versions import parser_version
from pipelines.parallel import AnalysisPool, WorkItem, WorkResult
from pipelines.progress import ProgressCallback, ProgressMeter
from pipelines.settings import DEFAULT_ARTICLE_BUDGET_S
from pipelines.warehouse import rows as rowmod
from pipelines.warehouse.schema import article_child_tables
from pipelines.warehouse.stage import AnalysisBatch, StagedOutcome, StreamWriter
from pipelines.warehouse.writer import Session, utcnow

log = logging.getLogger(__name__)

# A scan refreshes the ``last_seen_at`` of files still present only once it is this old:
# every present file was seen by the latest scan (the scan marks the others removed), so
# rewriting every row at every run would only restate that, and republish the table.
LAST_SEEN_REFRESH = dt.timedelta(hours=24)
ANALYSIS_BATCH = 200  # articles per transaction: a crash loses at most one batch of work
FILE_BATCH = 500  # files parsed and written per transaction by the articles step


@dataclass
class StepStats:
    """Counts a step reports (shown as Dagster metadata and in the CLI summary)."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    notes: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def as_dict(self) -> dict[str, int]:
        return dict(sorted(self.counts.items()))


# ---------------------------------------------------------------- ingest scan
def scan_landing(
    session: Session,
    roots: Sequence[landing.LandingRoot],
    *,
    max_file_bytes: int = landing.DEFAULT_MAX_FILE_BYTES,
    cache: landing.HashCache | None = None,
    now: dt.datetime | None = None,
) -> StepStats:
    """Record every file in the landing roots in ``ingest_files``.

    ``cache`` is the hash cache shared with the landing-zone sensor; ``now`` (UTC,
    naive) is the scan's time, by default the clock's.

    New or changed files become ``pending`` (their shard is re-loaded by the next
    articles step); files that vanished become ``removed``; unreadable ones are
    ``quarantined`` and non-news ones ``ignored``, with the reason. Unchanged files are
    left alone: their ``last_seen_at`` is refreshed only once it is
    :data:`LAST_SEEN_REFRESH` old, and a removed file's is the previous scan's time
    (the last that found it). The scan's time is its transaction's ``started_at`` in
    ``load_batches``, which the file-accounting check reads.

    Raises:
        landing.LandingUnavailable: a root is missing, unreadable or unexpectedly
            empty (nothing is written), or a sub-folder could not be listed (what
            was seen is recorded first; files under that folder keep their rows).
    """
    stats = StepStats()
    now = now or utcnow()
    # The previous scan's time: every file it did not mark removed was present then.
    (previous_scan, oldest_seen) = session.fetch(
        "select (select max(started_at) from load_batches where step = 'ingest'), "
        "(select min(last_seen_at) from ingest_files where status <> 'removed')"
    )[0]
    # Four small values per known file (not whole rows): the scan's only per-file state.
    existing = {
        r[0]: (r[1], r[2], r[3], r[4])
        for r in session.fetch(
            "select source_file, size_bytes, mtime_ns, content_hash, status from ingest_files"
        )
    }
    known = {
        k: (size, mtime, h)
        for k, (size, mtime, h, status) in existing.items()
        if status != "removed"
    }
    scanned = landing.scan(roots, known, max_file_bytes=max_file_bytes, cache=cache)
    seen = scanned.files
    blind = tuple(f"{folder}/" for folder, _ in scanned.unreadable)
    # First decide what changed, then fetch whole rows only for those files.
    changes: list[landing.FileState] = []
    seen_names = set()
    for f in seen:
        seen_names.add(f.source_file)
        old = existing.get(f.source_file)
        if old is None or f.problem_code or old[2] != f.content_hash or old[3] == "removed":
            changes.append(f)
        elif (old[0], old[1]) != (f.size_bytes, f.mtime_ns):
            changes.append(f)  # touched, same bytes: new size/mtime for the hash cache
        else:
            # Nothing to write but last_seen_at, which one update below sets for all:
            # a scan of an unchanged landing zone writes no rows.
            stats.add("unchanged")
    gone = [n for n, old in existing.items() if n not in seen_names and old[3] != "removed"]
    olds = {
        r["source_file"]: r
        for r in session.fetch_dicts(
            "select * from ingest_files where source_file in (select unnest(?::varchar[]))",
            [[f.source_file for f in changes] + gone],
        )
    }
    out: list[dict[str, Any]] = []
    for f in changes:
        old_row = olds.get(f.source_file)
        row = dict(old_row) if old_row else {"source_file": f.source_file, "first_seen_at": now}
        row["last_seen_at"] = now
        changed = (
            old_row is None
            or old_row["content_hash"] != f.content_hash
            or old_row["status"] == "removed"
        )
        if f.problem_code:
            # Not loaded: ignored (not news) or quarantined (unreadable, too large...).
            status, code = (
                ("ignored", "not_news")
                if f.problem_code == "ignored"
                else ("quarantined", f.problem_code)
            )
            if status == "quarantined" and (
                old_row is None or (old_row["status"], old_row["reason_code"]) != (status, code)
            ):
                stats.add("quarantined_new")  # the warehouse learns something new
            row.update(
                content_hash=None,
                size_bytes=f.size_bytes,
                mtime_ns=f.mtime_ns,
                # Shard and article count stay until its shard is next loaded, which
                # drops any articles it had (a README loaded as news before).
                shard=old_row["shard"] if old_row and old_row["article_count"] else None,
                article_count=old_row["article_count"] if old_row else 0,
                status=status,
                reason_code=code,
                reason=f.problem,
                duplicate_of=None,
            )
            stats.add(status)
        elif changed:
            row.update(
                content_hash=f.content_hash,
                size_bytes=f.size_bytes,
                mtime_ns=f.mtime_ns,
                shard=ids.shard_of(f.content_hash or ""),
                status="pending",
                reason_code=None,
                reason=None,
                duplicate_of=None,
            )
            stats.add("new" if old_row is None else "changed")
        else:
            row.update(size_bytes=f.size_bytes, mtime_ns=f.mtime_ns)
            stats.add("unchanged")
        out.append(row)
    for name in gone:
        if name.startswith(blind):
            continue  # under a folder we could not list: unknown, not removed
        row = dict(olds[name])
        if previous_scan is not None and (
            row["last_seen_at"] is None or row["last_seen_at"] < previous_scan
        ):
            row["last_seen_at"] = previous_scan  # the last scan that found it present
        row.update(
            status="removed",
            reason_code="removed",
            reason="The file is no longer in the landing zone; its articles are removed "
            "when its shard is next loaded.",
        )
        out.append(row)
        stats.add("removed")
    # The transaction starts "at" the scan's time, so load_batches records when it began.
    with session.transaction("ingest", started=now) as batch:
        if oldest_seen is not None and oldest_seen <= now - LAST_SEEN_REFRESH:
            # ingest_files has no article rows: no publishing bucket to mark.
            batch.execute(
                "update ingest_files set last_seen_at = ? where status <> 'removed'",
                [now],
                articles=[],
            )
            stats.add("last_seen_refreshed")
        batch.upsert("ingest_files", out)
    stats.add("files_total", len(seen))
    if scanned.unreadable:
        listing = "; ".join(f"{name}: {why}" for name, why in scanned.unreadable[:5])
        raise landing.LandingUnavailable(
            f"{len(scanned.unreadable)} landing folder(s) could not be listed ({listing}). "
            "Everything else was recorded; files under them keep their previous status. "
            "Fix the permissions (or move the folder out) and re-run."
        )
    return stats


def pending_shards(session: Session) -> list[str]:
    """Shards with files whose rows are not up to date with the current parser."""
    rows = session.fetch(
        "select distinct shard from ingest_files where shard is not null and ("
        " status = 'pending'"
        " or (status in ('removed', 'ignored', 'quarantined') and article_count > 0)"
        " or parser_version is distinct from ?) order by shard",
        [parser_version()],
    )
    return [r[0] for r in rows]


# ---------------------------------------------------------------- articles
@dataclass(frozen=True)
class _FileOutcome:
    status: str
    reason_code: str | None
    reason: str | None
    articles: tuple[ParsedArticle, ...]
    rejections: tuple[Rejection, ...]


def _parse_one(
    roots: Sequence[landing.LandingRoot], file: dict[str, Any], limits: ParseLimits
) -> _FileOutcome:
    path = landing.resolve(roots, file["source_file"])
    if path is None:
        return _FileOutcome(
            "quarantined", "outside_root", "Path resolves outside its landing root.", (), ()
        )
    # The scan hashed this file; if it is untouched since (same size and mtime) the
    # hash is reused, so a landed file is hashed once per change.
    res = landing.read_file(
        path,
        max_file_bytes=limits.max_file_bytes,
        known=(file["size_bytes"], file["mtime_ns"], file["content_hash"]),
    )
    if res.raw is None:
        return _FileOutcome("quarantined", res.problem_code, res.problem, (), ())
    if res.content_hash != file["content_hash"]:
        return _FileOutcome(
            "pending",
            "changed_since_scan",
            "The file changed after the landing scan; it will be loaded by the next run.",
            (),
            (),
        )
    outcome = parse_file(res.raw, file["source_file"], limits=limits)
    if not outcome.articles:
        first = outcome.rejections[0] if outcome.rejections else None
        return _FileOutcome(
            "quarantined",
            first.reason_code if first else "no_text",
            first.reason if first else "No article text found.",
            (),
            outcome.rejections,
        )
    return _FileOutcome("loaded", None, None, outcome.articles, outcome.rejections)


@dataclass
class _ParsePlan:
    """What ``load_articles`` decided about a shard range before parsing anything."""

    scope: _FileScope
    existing: list[dict[str, Any]]
    old_authors: dict[str, list[str]]
    keep_ids: set[str]
    file_updates: list[tuple[dict[str, Any], dict[str, Any]]]
    # (row as read, row as it should be): the files to parse, in source_file order.
    to_parse: list[tuple[dict[str, Any], dict[str, Any]]]


def _plan_parse(
    session: Session, shards: Sequence[str], force: bool, stats: StepStats
) -> _ParsePlan:
    pver = parser_version()
    # Only files with something to do are read into Python (with every file sharing
    # their content, which decides duplicates). A settled file, loaded or quarantined
    # by this parser from its current bytes, keeps its articles without a row read: an
    # increment costs the new files, not the shard's size.
    scope = _FileScope(list(shards), pver, force)
    files = session.fetch_dicts(
        f"{scope.ctes} select * from ingest_files where source_file in (select source_file "
        "from work) order by source_file",
        scope.params,
    )
    quiet = scope.quiet_count(session)
    stats.add("unchanged_files", quiet)
    if not quiet:
        # A first load, a new parser or ``force``: no settled file to ask about per batch
        # (that query scans the shards' files, once per batch of a large load otherwise).
        scope = replace(scope, has_quiet=False)
    # Articles that may go: those of the shards (or of their files) not owned by a
    # settled file.
    existing = session.fetch_dicts(
        f"{scope.ctes} select article_id, source_file, shard, authors from articles "
        "where (shard in (select unnest($shards::varchar[])) "
        "or source_file in (select source_file from scoped)) "
        "and source_file not in (select source_file from quiet)",
        scope.params,
    )
    by_file: dict[str, list[str]] = defaultdict(list)
    old_authors: dict[str, list[str]] = {}
    for a in existing:
        by_file[a["source_file"]].append(a["article_id"])
        old_authors[a["article_id"]] = list(a["authors"] or [])

    plan = _ParsePlan(scope, existing, old_authors, set(), [], [])
    first_by_hash: dict[str, str] = {}
    for f in files:
        name, fhash = f["source_file"], f["content_hash"]
        upd = dict(f)
        if f["status"] == "removed" or fhash is None:
            upd["article_count"] = 0  # removed, ignored or unreadable: its articles go
            plan.file_updates.append((f, upd))
        elif fhash in first_by_hash:
            upd.update(
                status="duplicate",
                reason_code="duplicate_content",
                duplicate_of=first_by_hash[fhash],
                reason=f"Byte-identical to {first_by_hash[fhash]}; handled once, as that file.",
                article_count=0,
                parsed_hash=fhash,
                parser_version=pver,
            )
            plan.file_updates.append((f, upd))
            stats.add("duplicate_files")
        else:
            first_by_hash[fhash] = name
            unchanged = (
                not force
                and f["parsed_hash"] == fhash
                and f["parser_version"] == pver
                and f["status"] in ("loaded", "quarantined")
            )
            if unchanged:
                plan.keep_ids.update(by_file.get(name, []))
                stats.add("unchanged_files")
                plan.file_updates.append((f, upd))
            else:
                plan.to_parse.append((f, upd))
    return plan


def files_to_parse(
    session: Session, shards: Sequence[str], *, force: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """The files :func:`load_articles` would parse, per shard (what per-shard steps parse).

    Each list is in ``source_file`` order, the order ``load_articles`` consumes them.
    """
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f, _ in _plan_parse(session, shards, force, StepStats()).to_parse:
        out[f["shard"]].append(f)
    return dict(out)


def parse_files(
    roots: Sequence[landing.LandingRoot],
    files: Iterable[dict[str, Any]],
    limits: ParseLimits | None = None,
) -> Iterator[tuple[dict[str, Any], _FileOutcome]]:
    """Read and parse each file (the per-shard parse step: no database involved)."""
    limits = limits or ParseLimits()
    for f in files:
        yield f, _parse_one(roots, f, limits)


class _Parsed:
    """Parse outcomes handed in from the stage, consumed in ``source_file`` order.

    A file the stage has no outcome for (or one for other content) is parsed here, so a
    stage that is stale or incomplete can cost time but never change a row.
    """

    def __init__(
        self,
        roots: Sequence[landing.LandingRoot],
        limits: ParseLimits,
        staged: Iterator[StagedOutcome] | None,
    ) -> None:
        self.roots, self.limits = roots, limits
        self._staged = staged
        self._head: StagedOutcome | None = None
        self.reused = 0

    def outcome(self, f: dict[str, Any]) -> _FileOutcome:
        name = f["source_file"]
        while self._staged is not None:
            if self._head is None:
                self._head = next(self._staged, None)
                if self._head is None:
                    self._staged = None
                    break
            if self._head.source_file < name:
                self._head = None  # staged for a file this load does not parse: skip
                continue
            if self._head.source_file == name and self._head.content_hash == f["content_hash"]:
                head, self._head = self._head, None
                self.reused += 1
                return _FileOutcome(
                    head.status, head.reason_code, head.reason, head.articles, head.rejections
                )
            break
        return _parse_one(self.roots, f, self.limits)


def load_articles(
    session: Session,
    roots: Sequence[landing.LandingRoot],
    shards: Sequence[str],
    *,
    limits: ParseLimits | None = None,
    force: bool = False,
    file_batch: int = FILE_BATCH,
    staged: Iterator[StagedOutcome] | None = None,
) -> StepStats:
    """Make the ``articles`` rows of ``shards`` match the landing zone.

    Files whose content and parser version are unchanged keep their articles
    without being read again. Changed files are parsed and written ``file_batch``
    at a time, one transaction each. Articles no longer produced by any file of the
    shard are then deleted together with their mentions, quotes and other child rows.

    ``staged`` holds parse outcomes that per-shard steps produced (in ``source_file``
    order, see :func:`files_to_parse`); files without one are parsed here. Either way
    the same decisions are made in the same order, so the rows are the same.
    """
    limits = limits or ParseLimits()
    stats = StepStats()
    plan = _plan_parse(session, shards, force, stats)
    keep_ids, file_updates, to_parse = plan.keep_ids, plan.file_updates, plan.to_parse
    parsed = _Parsed(roots, limits, staged)

    # Parse and write a batch of files at a time: only one batch of parsed bodies is
    # ever held in memory, and a killed run keeps every committed batch (those files
    # are then unchanged for the next run).
    parsed_updates: list[dict[str, Any]] = []
    for start in range(0, len(to_parse), file_batch):
        parsed_updates += _load_file_batch(
            session,
            parsed,
            to_parse[start : start + file_batch],
            plan.scope,
            keep_ids,
            stats,
            plan.old_authors,
        )
    _explain_duplicates(file_updates, parsed_updates)
    if parsed.reused:
        stats.add("staged_files", parsed.reused)

    stale = sorted({a["article_id"] for a in plan.existing} - keep_ids)
    with session.transaction("articles", partition_key=_range_label(shards)) as batch:
        for table in article_child_tables():
            batch.delete_where_in(table, "article_id", stale)
        batch.delete_where_in("articles", "article_id", stale)
        batch.delete_where_in(
            "rejections",
            "source_file",
            [
                u["source_file"]
                for _, u in file_updates
                if u["status"] in ("removed", "ignored")
                or u.get("reason_code") == "duplicate_content"
                or (u["content_hash"] is None and u["status"] == "quarantined")
            ],
        )
        batch.upsert("ingest_files", [u for f, u in file_updates if u != f])
    stats.add("articles_deleted", len(stale))
    return stats


def _load_file_batch(
    session: Session,
    parser: _Parsed,
    to_parse: Sequence[tuple[dict[str, Any], dict[str, Any]]],
    scope: _FileScope,
    keep_ids: set[str],
    stats: StepStats,
    old_authors: dict[str, list[str]],
) -> list[dict[str, Any]]:
    """Parse one batch of files and write their articles, rejections and file rows."""
    shards = scope.shards
    pver = parser_version()
    now = utcnow()
    parsed = [(f, upd, parser.outcome(f)) for f, upd in to_parse]
    produced_ids = {ids.article_id(a.title, a.body) for _, _, r in parsed for a in r.articles}
    owners = _owners_elsewhere(session, produced_ids, shards)
    # Articles a settled file of these shards keeps count as kept (as if read above).
    keep_ids.update(scope.kept_by_quiet(session, produced_ids))
    article_rows: list[dict[str, Any]] = []
    rejection_rows: list[dict[str, Any]] = []
    file_updates: list[dict[str, Any]] = []
    for f, upd, result in parsed:
        name, fhash, shard = f["source_file"], f["content_hash"], f["shard"]
        upd.update(status=result.status, reason_code=result.reason_code, reason=result.reason)
        if result.status != "pending":
            upd.update(parsed_hash=fhash, parser_version=pver)

        produced = 0
        for art in result.articles:
            aid = ids.article_id(art.title, art.body)
            owner = owners.get(aid)
            if (owner is not None and owner != name) or aid in keep_ids:
                rejection_rows.append(
                    _rejection_row(
                        f,
                        art.record_ref,
                        "duplicate_article",
                        "Same title and body as the article from "
                        f"{owner or 'another file in this batch'}; stored once.",
                    )
                )
                continue
            keep_ids.add(aid)
            produced += 1
            article_rows.append(
                rowmod.article_row(
                    art, article_id=aid, file_hash=fhash, shard=shard, parser_version=pver, now=now
                )
            )
        rejection_rows.extend(
            _rejection_row(f, r.record_ref, r.reason_code, r.reason) for r in result.rejections
        )
        upd["article_count"] = produced
        if result.status == "loaded" and produced == 0:
            upd.update(
                status="duplicate",
                reason_code="duplicate_article",
                reason="Every article in the file is already stored from another file.",
            )
        file_updates.append(upd)
        stats.add(f"{upd['status']}_files")
        stats.add("parsed_files")

    reparsed = sorted(
        {f["source_file"] for f in file_updates if f.get("parsed_hash") == f.get("content_hash")}
    )
    # A byline-only change keeps the article id (title + body) but changes what the
    # analysis derives from it (article_authors, author entities): analyse it again.
    reanalyse = sorted(
        row["article_id"]
        for row in article_rows
        if row["article_id"] in old_authors and old_authors[row["article_id"]] != row["authors"]
    )
    with session.transaction("articles", partition_key=_range_label(shards)) as batch:
        batch.upsert("articles", article_rows, keep=("ingested_at", "nlp_version"))
        batch.delete_where_in("rejections", "source_file", reparsed)
        batch.upsert("rejections", rejection_rows)
        batch.upsert("ingest_files", file_updates)
        if reanalyse:
            batch.execute(
                "update articles set nlp_version = null "
                "where article_id in (select unnest(?::varchar[]))",
                [reanalyse],
                articles=reanalyse,
            )
    stats.add("articles_written", len(article_rows))
    stats.add("rejections", len(rejection_rows))
    return file_updates


def _explain_duplicates(
    file_updates: list[tuple[dict[str, Any], dict[str, Any]]],
    parsed_updates: list[dict[str, Any]],
) -> None:
    """Say what happened to the content a byte-identical duplicate stands for.

    5,000 identical empty files are not "stored once as that file's article": the
    reason names the first file's outcome (loaded, or quarantined and why).
    """
    rows = [u for _, u in file_updates] + parsed_updates
    by_name = {f["source_file"]: f for f in rows}
    for f in rows:
        if f["status"] != "duplicate" or f.get("reason_code") != "duplicate_content":
            continue
        first = by_name.get(f["duplicate_of"] or "")
        if first is None:
            continue
        if first["status"] == "loaded":
            f["reason"] = (
                f"Byte-identical to {first['source_file']}; its articles are stored once, "
                "from that file."
            )
        elif first["status"] == "quarantined":
            f["reason"] = (
                f"Byte-identical to {first['source_file']}, which was quarantined "
                f"({first['reason_code']}): {first['reason']}"
            )


@dataclass(frozen=True)
class _FileScope:
    """The files of some shards the articles step must read, as SQL over ingest_files.

    ``scoped``: the shards' files. ``quiet``: settled ones (loaded or quarantined by this
    parser from their current bytes), which keep their articles unread. ``work``: every
    other file, and every file sharing content with one of them (the first name of a
    content is the one loaded, the rest are duplicates). ``force`` puts every file to work.
    """

    shards: list[str]
    parser_version: str
    force: bool
    has_quiet: bool = True

    @property
    def params(self) -> dict[str, Any]:
        return {"shards": self.shards, "pver": self.parser_version, "force": self.force}

    @property
    def ctes(self) -> str:
        return (
            "with scoped as (select * from ingest_files "
            "where shard in (select unnest($shards::varchar[]))), "
            "settled as (select source_file, content_hash from scoped where not $force "
            "and status in ('loaded', 'quarantined') and content_hash is not null "
            "and parsed_hash = content_hash and parser_version = $pver), "
            # Removed or unreadable files whose articles and rejections are already gone.
            "gone as (select source_file from scoped as f where not $force "
            "and (status = 'removed' or content_hash is null) "
            "and coalesce(article_count, 0) = 0 and not exists "
            "(select 1 from rejections as r where r.source_file = f.source_file)), "
            "busy as (select source_file, content_hash from scoped where source_file not in "
            "(select source_file from settled) and source_file not in "
            "(select source_file from gone)), "
            "work as (select source_file from busy union select source_file from scoped "
            "where content_hash in (select content_hash from busy)), "
            "quiet as (select source_file from settled "
            "where source_file not in (select source_file from work)) "
        )

    def quiet_count(self, session: Session) -> int:
        return int(session.fetch(f"{self.ctes} select count(*) from quiet", self.params)[0][0])

    def kept_by_quiet(self, session: Session, article_ids: set[str]) -> set[str]:
        """Which of these articles a settled (unread) file of the shards owns."""
        if not article_ids or not self.has_quiet:
            return set()
        rows = session.fetch(
            f"{self.ctes} select article_id from articles "
            "where article_id in (select unnest($ids::varchar[])) "
            "and source_file in (select source_file from quiet)",
            {**self.params, "ids": sorted(article_ids)},
        )
        return {r[0] for r in rows}


def _rejection_row(file: dict[str, Any], record_ref: str, code: str, reason: str) -> dict[str, Any]:
    return {
        "source_file": file["source_file"],
        "record_ref": record_ref,
        "content_hash": file["content_hash"],
        "shard": file["shard"],
        "reason_code": code,
        "reason": reason,
    }


def _owners_elsewhere(
    session: Session, article_ids: set[str], shards: Sequence[str]
) -> dict[str, str]:
    """Source files of the given articles when another shard already owns them.

    The same text can reach us under two different files (a .txt and a JSON export);
    it is stored once, by whichever shard loaded it first.
    """
    if not article_ids:
        return {}
    rows = session.fetch(
        "select article_id, source_file from articles "
        "where article_id in (select unnest(?::varchar[])) "
        "and shard not in (select unnest(?::varchar[]))",
        [sorted(article_ids), list(shards)],
    )
    return {r[0]: r[1] for r in rows}


def _range_label(shards: Sequence[str]) -> str:
    if not shards:
        return ""
    s = sorted(shards)
    return s[0] if len(s) == 1 else f"{s[0]}...{s[-1]} ({len(s)})"


# ---------------------------------------------------------------- analysis
def count_pending_analysis(
    session: Session, shards: Sequence[str], version: str, *, force: bool = False
) -> int:
    """How many articles of ``shards`` the analysis would (re)do at ``version``.

    Zero means the run can skip loading spaCy and the resolver altogether.
    """
    rows = session.fetch(
        "select count(*) from articles where shard in (select unnest(?::varchar[])) "
        "and (? or nlp_version is distinct from ?)",
        [list(shards), force, version],
    )
    return int(rows[0][0])


def _pending_pages(
    session: Session, shards: Sequence[str], version: str, force: bool, page_size: int
) -> Iterator[list[WorkItem]]:
    """Pending articles a page at a time (keyset on ``article_id``).

    Only one page of bodies is held in Python at once, whatever the corpus size.
    Pages are fetched lazily, between the caller's writes, on the same connection.
    """
    last = ""
    while True:
        rows = session.fetch(
            "select article_id, body, authors from articles "
            "where shard in (select unnest(?::varchar[])) "
            "and (? or nlp_version is distinct from ?) and article_id > ? "
            "order by article_id limit ?",
            [list(shards), force, version, last, page_size],
        )
        if not rows:
            return
        yield [WorkItem(aid, body, tuple(authors or ())) for aid, body, authors in rows]
        last = rows[-1][0]


def analyse_articles(
    session: Session,
    analyser: Analyser | AnalysisPool,
    shards: Sequence[str],
    *,
    force: bool = False,
    batch_size: int = ANALYSIS_BATCH,
    progress: ProgressCallback | None = None,
    budget_s: float | None = DEFAULT_ARTICLE_BUDGET_S,
) -> StepStats:
    """Extract mentions, entities and quotes for the shards' pending articles.

    An article is pending when its ``nlp_version`` differs from the analyser's
    version. Bodies are read a page at a time and work is committed every
    ``batch_size`` articles, so memory stays flat and a killed run resumes where it
    stopped. ``analyser`` is a loaded analyser (in-process) or an
    :class:`~pipelines.parallel.AnalysisPool` (any number of worker processes); the
    rows are the same either way. An article whose analysis raises or overruns
    ``budget_s`` (any stage: spaCy, entities, quotes, bylines, rows) gets an
    ``analysis_failures`` row and no other rows; the rest of the batch is written,
    and the article is retried when the version changes (or after
    :func:`retry_failures`).
    """
    stats = StepStats()
    pool = analyser if isinstance(analyser, AnalysisPool) else AnalysisPool(analyser=analyser)
    pool.budget_s = budget_s
    version = pool.version
    meter = ProgressMeter("analysis", count_pending_analysis(session, shards, version, force=force))
    if meter.total == 0:
        return stats
    pages = _pending_pages(session, shards, version, force, batch_size)
    pending: list[WorkResult] = []
    with pool:
        # Chunks are what one worker analyses at a time: one spaCy batch each.
        for results in pool.map(pool.chunks(pages)):
            pending.extend(results)
            if len(pending) >= batch_size:
                _write_analysis(session, pending, version, shards, stats, meter, progress, budget_s)
                pending = []
        if pending:
            _write_analysis(session, pending, version, shards, stats, meter, progress, budget_s)
    return stats


def analysis_tables(
    results: Sequence[WorkResult], version: str, budget_s: float | None = None
) -> tuple[dict[str, list[dict[str, Any]]], int, int]:
    """The article-child rows of one batch of analysed articles (no database involved).

    A failed article (from the analysis, or in the row mapping here) gets its
    ``analysis_failures`` row and no other rows. Returns the rows per table, the
    number of failed articles and the words analysed.
    """
    children = article_child_tables()
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in children}
    words = failed = 0
    now = utcnow()
    for r in results:
        outcome = r.analysis
        produced: dict[str, list[dict[str, Any]]] | None = None
        if not isinstance(outcome, AnalysisFailure):
            analysis = outcome
            produced, _, outcome = run_stage(
                analysis.article_id, "rows", budget_s, 0.0, _rows_of, analysis, version
            )
        if outcome is not None and isinstance(outcome, AnalysisFailure):
            log.warning(
                "article %s failed in %s: %s: %s",
                outcome.article_id,
                outcome.stage,
                outcome.error_type,
                outcome.message[:200],
            )
            tables["analysis_failures"].append(
                rowmod.failure_row(outcome, version=version, now=now)
            )
            failed += 1
            words += r.words
            continue
        assert produced is not None
        if set(produced) != set(children):
            # A child table the analysis does not fill would have its rows wiped.
            raise RuntimeError(
                f"analysis rows cover {sorted(produced)}, the DDL's article-child "
                f"tables are {sorted(children)}: map every child table in rows.py"
            )
        for table, rows in produced.items():
            tables[table].extend(rows)
        words += r.words
    return tables, failed, words


def _write_analysis(
    session: Session,
    results: Sequence[WorkResult],
    version: str,
    shards: Sequence[str],
    stats: StepStats,
    meter: ProgressMeter,
    progress: ProgressCallback | None,
    budget_s: float | None = None,
) -> None:
    """Replace the child rows of one batch of analysed articles, in one transaction."""
    tables, failed, words = analysis_tables(results, version, budget_s)
    article_ids = [r.analysis.article_id for r in results]  # failures included
    commit_analysis(session, article_ids, tables, version, shards)
    _count_analysis(stats, lambda t: len(tables[t]), len(results), failed, words)
    snap = meter.advance(len(results), words)
    if progress:
        progress(snap)


def commit_analysis(
    session: Session,
    article_ids: Sequence[str],
    tables: Mapping[str, Sequence[dict[str, Any]] | pa.Table],
    version: str,
    shards: Sequence[str],
) -> None:
    """Replace the child rows of a batch of analysed articles and mark them analysed.

    One transaction: an article counts as analysed (``nlp_version``) only with all its
    rows, so a run killed at any point leaves each article whole or pending. Idempotent:
    committing the same batch again writes the same rows.
    """
    with session.transaction("analysis", partition_key=_range_label(shards)) as batch:
        for table in article_child_tables():
            batch.replace_for_articles(table, article_ids, tables[table])
        batch.execute(
            "update articles set nlp_version = ? where article_id in (select unnest(?::varchar[]))",
            [version, list(article_ids)],
            articles=article_ids,
        )


def _count_analysis(
    stats: StepStats,
    rows: Callable[[str], int],
    articles: int,
    failed: int,
    words: int,
) -> None:
    """Add one batch to ``stats``; ``rows(table)`` is the batch's rows of ``table``."""
    for table in ("mentions", "quotes"):
        stats.add(table, rows(table))
    stats.add("articles_analysed", articles)
    if failed:
        stats.add("failed_articles", failed)
    stats.add("words_analysed", words)


# ---------------------------------------------------------------- staged analysis
def stage_pending_articles(
    session: Session,
    shards: Sequence[str],
    version: str,
    writer_for: Callable[[str], StreamWriter],
    *,
    force: bool = False,
    page_size: int = ANALYSIS_BATCH,
) -> dict[str, int]:
    """Write each shard's pending articles to the stage (what per-shard steps analyse).

    Returns the number of articles staged per shard (shards with none are left out).
    """
    staged: dict[str, int] = {}
    for shard in shards:
        writer: StreamWriter | None = None
        for page in _pending_pages(session, [shard], version, force, page_size):
            if writer is None:
                writer = writer_for(shard)
            writer.write(
                [
                    {"article_id": w.article_id, "body": w.body, "authors": list(w.authors)}
                    for w in page
                ]
            )
        if writer is not None:
            writer.close()
            staged[shard] = writer.rows
    return staged


def staged_chunks(
    pool: AnalysisPool, todo: Iterable[dict[str, Any]], batch_size: int = ANALYSIS_BATCH
) -> Iterator[list[WorkItem]]:
    """A shard's staged articles as the pool's chunks, read a page at a time."""
    items = (WorkItem(r["article_id"], r["body"], tuple(r["authors"] or ())) for r in todo)
    return pool.chunks(_pages(items, batch_size))


def analyse_staged(
    pool: AnalysisPool,
    todo: Iterable[dict[str, Any]],
    write_batch: Callable[[int, list[dict[str, Any]], dict[str, list[dict[str, Any]]]], None],
    *,
    total: int,
    batch_size: int = ANALYSIS_BATCH,
    progress: ProgressCallback | None = None,
    budget_s: float | None = DEFAULT_ARTICLE_BUDGET_S,
    key: str | None = None,
) -> StepStats:
    """Analyse staged articles and stage their rows, ``batch_size`` articles a batch.

    The per-shard analysis step: no database involved. ``write_batch(index, done,
    tables)`` stages one batch (``done``: article id, authors and words of each article).
    ``key`` names the shard when the pool was fed its chunks ahead (``AnalysisPool.feed``);
    ``todo`` is then not read.
    """
    stats = StepStats()
    pool.budget_s = budget_s
    version = pool.version
    meter = ProgressMeter("analysis", total)
    pending: list[WorkResult] = []
    index = 0

    def flush(results: list[WorkResult]) -> None:
        nonlocal index
        tables, failed, words = analysis_tables(results, version, budget_s)
        done = [
            {"article_id": r.analysis.article_id, "authors": list(r.authors), "words": r.words}
            for r in results
        ]
        write_batch(index, done, tables)
        index += 1
        _count_analysis(stats, lambda t: len(tables[t]), len(results), failed, words)
        snap = meter.advance(len(results), words)
        if progress:
            progress(snap)

    with pool:
        for results in pool.map(staged_chunks(pool, todo, batch_size), key=key):
            pending.extend(results)
            if len(pending) >= batch_size:
                flush(pending)
                pending = []
        if pending:
            flush(pending)
    return stats


def _pages(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    page: list[WorkItem] = []
    for item in items:
        page.append(item)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page


def load_staged_analysis(
    session: Session,
    batches: Iterable[AnalysisBatch],
    version: str,
    shards: Sequence[str],
    *,
    only_pending: bool = False,
    meter: ProgressMeter | None = None,
    skip_loaded: bool = False,
) -> StepStats:
    """Merge staged analysis batches into the warehouse, one transaction per batch.

    With ``only_pending`` (batches left by a run that died), a batch is loaded only if
    every article in it still exists with the same authors and is still pending at
    ``version``: then its rows are exactly what analysing it again would give.
    Otherwise it is skipped and its articles are analysed again. With ``skip_loaded``
    (this run's own stage), a batch its per-shard step already committed is counted,
    not written again.
    """
    stats = StepStats()
    for b in batches:
        if only_pending and not _still_pending(session, b, version):
            stats.add("staged_batches_skipped")
            continue
        if skip_loaded and b.loaded:
            stats.add("staged_batches_loaded_by_shard_steps")
        else:
            commit_analysis(session, b.article_ids, b.tables, version, shards)
        _count_analysis(stats, b.rows, len(b.article_ids), b.rows("analysis_failures"), b.words)
        if meter is not None:
            meter.advance(len(b.article_ids), b.words)
    return stats


def _still_pending(session: Session, batch: AnalysisBatch, version: str) -> bool:
    rows = session.fetch(
        "select article_id, authors from articles "
        "where article_id in (select unnest(?::varchar[])) and nlp_version is distinct from ?",
        [batch.article_ids, version],
    )
    now = {aid: list(authors or []) for aid, authors in rows}
    return len(now) == len(batch.article_ids) and all(
        now.get(aid) == authors
        for aid, authors in zip(batch.article_ids, batch.authors, strict=True)
    )


def _rows_of(analysis: Any, version: str) -> dict[str, list[dict[str, Any]]]:
    return rowmod.analysis_rows(analysis, version=version)


def retry_failures(session: Session) -> int:
    """Mark every article in ``analysis_failures`` for analysis by the next run.

    Returns how many articles were marked. Their failure rows stay until the retry
    replaces them (with the analysis, or with a new failure).
    """
    n = session.count("analysis_failures")
    with session.transaction("retry_failures") as batch:
        failed = [r[0] for r in session.fetch("select article_id from analysis_failures")]
        batch.execute(
            "update articles set nlp_version = null "
            "where article_id in (select unnest(?::varchar[]))",
            [failed],
            articles=failed,
        )
    return n


# ---------------------------------------------------------------- entities
# Writer steps whose transactions never touch what ``rebuild_entities`` reads (the
# per-article rows: entity_observations, mentions, quotes, alias_decisions). Any other
# step's committed rows since the last rebuild make it run again.
_STEPS_KEEPING_ENTITY_INPUTS = ("ingest", "entities", "stories", "statements")
_DERIVED_STATE = "schema_state.derived"  # which code version last built a derived table


def entities_are_current(session: Session, version: str) -> bool:
    """Whether the last rebuild ran this SQL and no rows it reads changed since.

    Read from the writer's own log (``load_batches``, one row per committed transaction,
    in the same transaction as its rows), so this costs two small queries, not a scan.
    """
    session.con.execute(
        f"create table if not exists {_DERIVED_STATE} "
        "(step varchar primary key, code_version varchar not null)"
    )
    built = session.fetch(f"select code_version from {_DERIVED_STATE} where step = 'entities'")
    if not built or built[0][0] != version:
        return False
    (changed,) = session.fetch(
        "with last as (select max(finished_at) as last_at from load_batches where step = 'entities') "
        "select (select last_at from last) is null or exists (select 1 from load_batches, last "
        "where rows_written > 0 and finished_at >= last.last_at "
        "and step not in (select unnest(?::varchar[])))",
        [list(_STEPS_KEEPING_ENTITY_INPUTS)],
    )[0]
    return not changed


def rebuild_entities(session: Session, *, force: bool = False) -> StepStats:
    """Derive ``entities`` and ``entity_aliases`` from the per-article rows.

    Skipped (``rebuild_skipped``) when nothing they are derived from changed since the
    last rebuild with the same SQL: the rebuild reads every per-article row, which a run
    with nothing new need not pay. It writes only the rows that differ from the stored
    ones (``entities_written``, ``entity_aliases_deleted``, ... in the stats).
    """
    from pipelines.warehouse.schema import sql_version

    stats = StepStats()
    version = sql_version("dml", "rebuild_entities")
    if not force and entities_are_current(session, version):
        stats.add("rebuild_skipped")
    else:
        with session.transaction("entities") as batch:
            batch.run_named("rebuild_entities")
            session.con.execute(
                f"insert or replace into {_DERIVED_STATE} values ('entities', ?)", [version]
            )
        # The rows it wrote and deleted (only those that differ: a few for an increment).
        for key, n in batch.counts.items():
            stats.add(key, n)
    stats.add("entities", session.count("entities"))
    stats.add("entity_aliases", session.count("entity_aliases"))
    return stats
