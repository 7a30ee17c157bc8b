"""The stories and statements steps: plain functions over a warehouse session.

Each step (1) drops the stored signatures and links of articles that are gone or were
re-analysed, (2) signs only the new articles and links them to stored signatures found
through an index (no pass over every pair), (3) regroups from the stored links (cheap:
no text is compared again) and reconciles group ids with the previous run, and (4)
writes memberships and the summary table. A run with nothing new changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyarrow as pa

from pipelines.core import stories as core
from pipelines.core.stories import terms
from pipelines.core.stories.stories import story_vectors
from pipelines.core.versions import grouping_version
from pipelines.warehouse.schema import load_sql
from pipelines.warehouse.writer import Batch, Session

SIGN_BATCH = 500  # articles whose text is read at once when signing
# Rows handed to one upsert: a first grouping of a corpus writes ~30 postings per article
# (660,000 rows at 22,250 articles; pair keys, ``StorySignature.pair_keys``, add up to 28 more);
# built and converted at once, that list alone took ~500 MB of the run process's peak.
WRITE_BATCH = 20_000
# Signature rows carry their terms (~400 an article): 20,000 of them as dicts and their
# Arrow copy took ~300 MB of the run process at 10x, so they go 1,000 at a time.
SIGNATURE_WRITE_BATCH = 1_000
# The article text before a quote (since the previous quote) is read up to this long: it
# only has to tell an attribution from narration.
PRECEDING_CHARS = 200


@dataclass
class GroupingStats:
    """What one run of a grouping step did."""

    signed: int = 0
    dropped: int = 0
    links_added: int = 0
    links_total: int = 0
    groups: int = 0
    multi_member_groups: int = 0
    members_moved: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


def _upsert_in_batches(
    batch: Batch, table: str, rows: Iterable[dict[str, Any]], size: int | None = None
) -> None:
    """Upsert ``rows`` ``size`` (default :data:`WRITE_BATCH`) at a time, in one transaction.

    The rows' keys are distinct, so the result is the one upsert's; only one batch of
    row dicts (and its Arrow copy) is ever held.
    """
    it = iter(rows)
    while chunk := list(islice(it, size or WRITE_BATCH)):
        batch.upsert(table, chunk)


@dataclass(frozen=True)
class _LinkTable:
    """A stored link table: scored pairs of signed items (articles or renderings)."""

    table: str
    key: str
    other: str

    def kept(self, session: Session, dropped: set[str]) -> list[core.Link]:
        """The stored links between items that are not ``dropped``."""
        # Interned: an id is in many links, and a first grouping holds every link.
        return [
            core.Link(sys.intern(a), sys.intern(b), float(score))
            for a, b, score in session.fetch(
                f'select "{self.key}", "{self.other}", score from "{self.table}"'
            )
            if a not in dropped and b not in dropped
        ]

    def among(self, session: Session, items: set[str], dropped: set[str]) -> list[core.Link]:
        """The stored links from ``items`` (a closed part of the graph), none to ``dropped``."""
        return [
            core.Link(a, b, float(score))
            for a, b, score in session.fetch(
                f'select "{self.key}", "{self.other}", score from "{self.table}" '
                f'where "{self.key}" in (select unnest(?::varchar[]))',
                [sorted(items)],
            )
            if a not in dropped and b not in dropped
        ]

    def count(self, session: Session, dropped: set[str]) -> int:
        """Stored links between items that are not ``dropped``."""
        return int(
            session.fetch(
                f'select count(*) from "{self.table}" '
                f'where "{self.key}" not in (select unnest(?::varchar[])) '
                f'and "{self.other}" not in (select unnest(?::varchar[]))',
                [sorted(dropped), sorted(dropped)],
            )[0][0]
        )

    def write(self, batch: Batch, dropped: Sequence[str], links: Sequence[core.Link]) -> None:
        """Delete the links of ``dropped`` items and add ``links``."""
        if dropped:
            batch.execute(
                f'delete from "{self.table}" where "{self.key}" in (select unnest(?::varchar[])) '
                f'or "{self.other}" in (select unnest(?::varchar[]))',
                [list(dropped), list(dropped)],
            )
        _upsert_in_batches(
            batch,
            self.table,
            ({self.key: lk.a, self.other: lk.b, "score": lk.score} for lk in links),
        )


@dataclass
class StoryStats(GroupingStats):
    """A stories run, with the work its candidate look-ups did (bounded per new article)."""

    postings_read: int = 0  # stored posting entries read by the new articles
    signatures_loaded: int = 0  # stored signatures loaded as candidates


@dataclass
class StatementStats(GroupingStats):
    """A statements run, with the stored signatures it loaded (none on a no-op run)."""

    signatures_loaded: int = 0


_STORY_LINKS = _LinkTable("story_links", "article_id", "other_article_id")
_STATEMENT_LINKS = _LinkTable("statement_links", "rendering_id", "other_rendering_id")


def _rebuild(batch: Batch, name: str, version: str) -> None:
    """Run ``sql/dml/<name>.sql`` as one script; it rewrites a group table, no article rows.

    DuckDB runs a multi-statement script as is and binds parameters to its last
    statement, where the scripts take the grouping version.
    """
    batch.execute(load_sql("dml", name), [version], articles=[])


def _age_by_date(
    dates: dict[str, dt.date | None],
) -> Any:
    def age(article_id: str) -> tuple[object, ...]:
        d = dates.get(article_id)
        return (d is None, d or dt.date.min)

    return age


_preloading: threading.Thread | None = None


def preload() -> threading.Thread:
    """Load what signing needs (scikit-learn, the word lists) in a background thread.

    Started once per process by the analysis steps of a run that analysed articles: the
    steps before the grouping mostly wait on DuckDB (which releases the GIL) or, with one
    spaCy worker, on that worker, so the ~1.1 s of imports overlap them instead of
    delaying the stories step. The grouping steps wait for the thread before they sign
    (:func:`_preloaded`), so nothing is loaded by two threads at once; signing gives the
    same result either way.
    """
    global _preloading
    if _preloading is not None:
        return _preloading

    def load() -> None:
        try:
            terms.load_tables()
            from sklearn.preprocessing import normalize  # noqa: F401  (story vectors)
        except Exception:  # the grouping step loads them itself and fails loudly there
            logging.getLogger(__name__).warning(
                "preloading the grouping tables failed", exc_info=True
            )

    _preloading = threading.Thread(target=load, name="grouping-preload", daemon=True)
    _preloading.start()
    return _preloading


def _preloaded() -> None:
    """Wait for a started :func:`preload` (signing must not race its imports)."""
    if _preloading is not None:
        _preloading.join()


# ---------------------------------------------------------------- stories
# Items signed (their rows committed) but not yet grouped, per step: a grouping commits in
# pieces (signature batches, link batches, then the groups), and a run stopped in between
# links these again instead of re-signing them. Working state, not analyst data: it lives
# beside the schema stamp and is never published.
_PENDING = "schema_state.grouping_pending"


def _create_pending(session: Session) -> None:
    session.con.execute(
        f"create table if not exists {_PENDING} "
        "(step varchar, item_id varchar, primary key (step, item_id))"
    )


def _pending(session: Session, step: str) -> set[str]:
    _create_pending(session)
    return {r[0] for r in session.fetch(f"select item_id from {_PENDING} where step = ?", [step])}


def _mark_pending(batch: Batch, step: str, item_ids: Sequence[str]) -> None:
    batch.session.con.execute(
        f"insert into {_PENDING} select ?, unnest(?::varchar[]) on conflict do nothing",
        [step, list(item_ids)],
    )


def _clear_pending(batch: Batch, step: str) -> None:
    batch.session.con.execute(f"delete from {_PENDING} where step = ?", [step])


def group_stories(session: Session) -> StoryStats:
    """Give every article a story (``articles.story_id``) and rebuild ``stories``.

    Commits in pieces, so a first grouping of a corpus never holds all of its rows in one
    transaction: the dropped articles' rows; each batch of new signatures with their
    postings (marked pending); the new links, a write batch at a time; then the groups.
    A run stopped in between resumes: pending signatures are linked again (same links,
    upserted over any already stored), not re-signed.
    """
    version = grouping_version()
    stats = StoryStats()
    current = {
        r[0]: (r[1], r[2])
        for r in session.fetch("select article_id, nlp_version, published_date from articles")
    }
    stored = {
        r[0]: (r[1], r[2], r[3])
        for r in session.fetch(
            "select article_id, nlp_version, grouping_version, story_id from story_signatures"
        )
    }
    previous = {a: s[2] for a, s in stored.items() if a in current and s[2]}
    stale = sorted(
        a
        for a, (nlp, gv, _) in stored.items()
        if a not in current or gv != version or nlp != current[a][0]
    )
    marked = _pending(session, "stories")
    # Signed while the analysis went on, with the entity types known then: re-signed
    # where the rebuild's types make other entities salient (the links are not made yet).
    stale += _entities_changed(session, marked & stored.keys() - set(stale))
    stale.sort()
    stale_set = set(stale)
    to_sign = sorted(a for a in current if a not in stored or a in stale_set)
    pending = sorted(marked - stale_set & stored.keys())
    unassigned = session.fetch("select count(*) from articles where story_id is null")[0][0]
    if not to_sign and not stale and not unassigned and not pending:
        # Nothing new, changed or gone, and every article placed (a row re-inserted while
        # its signature stayed would not be): the links, groups and ids are as stored.
        stats.groups = session.count("stories")
        return stats
    if stale:
        with session.transaction("stories") as batch:
            # A re-signed article's row stays (it carries its previous story id) until its
            # new signature replaces it; a gone article's goes now.
            batch.delete_where_in(
                "story_signatures", "article_id", [a for a in stale if a not in current]
            )
            batch.delete_where_in("story_postings", "article_id", stale)
            _STORY_LINKS.write(batch, stale, [])
            batch.session.con.execute(
                f"delete from {_PENDING} where step = 'stories' "
                "and item_id in (select unnest(?::varchar[]))",
                [stale],
            )
    _sign_and_link(session, stats, to_sign, pending, current, previous, version)
    stats.dropped = len(stale)
    # Every stored link now: the kept ones and the new ones just written.
    all_links = _STORY_LINKS.kept(session, set())
    dates = {a: d for a, (_, d) in current.items()}
    groups = core.story_groups(current, all_links, {a for a, d in dates.items() if d is None})
    ids = core.assign_ids(groups, previous, prefix="sto_", age=_age_by_date(dates))
    stats.links_total = len(all_links)
    del all_links
    stats.groups = len(groups)
    stats.multi_member_groups = sum(1 for g in groups if len(g) > 1)
    stats.members_moved = sum(1 for a, sid in previous.items() if ids[a] != sid)
    del groups
    with session.transaction("stories") as batch:
        _write_memberships(batch, "story_signatures", "article_id", "story_id", ids)
        _write_memberships(batch, "articles", "article_id", "story_id", ids)
        _rebuild(batch, "rebuild_stories", version)
        _clear_pending(batch, "stories")
    return stats


def sign_committed(session: Session, article_ids: Sequence[str]) -> int:
    """Sign articles the analysis just committed, before the stories step; their count.

    What the stories step would do first for them, done while the analysis goes on
    (with one spaCy worker the run's process waits on it between chunks): their old
    postings and links go, the new signatures and postings are stored and marked
    pending, so the stories step only links them (all at once, as it links any new
    article: linking reads how common each key term is among all articles, so it
    cannot run before the last one is in). The entity types used are those the
    observations committed so far give; the stories step re-signs an article whose
    salient entities the entity rebuild's types change. The tables come out as when
    the stories step signs everything itself.
    """
    if not article_ids:
        return 0
    _preloaded()
    version = grouping_version()
    rows = session.fetch(
        "select a.article_id, a.nlp_version, a.published_date, s.story_id "
        "from articles as a left join story_signatures as s on s.article_id = a.article_id "
        "where a.article_id in (select unnest(?::varchar[]))",
        [sorted(set(article_ids))],
    )
    current = {r[0]: (r[1], r[2]) for r in rows}
    previous = {r[0]: r[3] for r in rows if r[3]}
    ids = sorted(current)
    sigs = _sign_articles(session, ids, _TYPES_SO_FAR)
    _create_pending(session)
    with session.transaction("stories") as batch:
        batch.delete_where_in("story_postings", "article_id", ids)
        _STORY_LINKS.write(batch, ids, [])
        _store_signatures(batch, sigs, current, previous, version)
    # Linking starts by weighting each signature's words (stem and rarity, cached per
    # word: ~0.5 s of the stories step's CPU for the BBC corpus): weigh them now, while
    # this process would otherwise wait for the worker, so the step finds them cached.
    story_vectors(sigs)
    story_vectors(sigs, head=True)
    return len(sigs)


def _entities_changed(session: Session, article_ids: Iterable[str]) -> list[str]:
    """Those of ``article_ids`` whose stored salient entities the current types change."""
    ids = sorted(article_ids)
    if not ids:
        return []
    stored = dict(
        session.fetch(
            "select article_id, entity_ids from story_signatures "
            "where article_id in (select unnest(?::varchar[]))",
            [ids],
        )
    )
    mentions = _story_mentions(session, ids)
    return [
        a
        for a in ids
        if a in stored and tuple(stored[a]) != core.salient_entities(mentions.get(a, ()))
    ]


def _sign_and_link(
    session: Session,
    stats: StoryStats,
    to_sign: Sequence[str],
    pending: Sequence[str],
    current: dict[str, tuple[Any, Any]],
    previous: dict[str, str],
    version: str,
) -> None:
    """Sign ``to_sign`` and commit each batch; link it and ``pending`` and commit the links.

    What linking holds (the new signatures, the index) is freed when this returns.
    """
    _preloaded()
    new_sigs: list[core.StorySignature] = []
    for start in range(0, len(to_sign), SIGN_BATCH):
        sigs = list(map(_interned, _sign_articles(session, to_sign[start : start + SIGN_BATCH])))
        with session.transaction("stories") as batch:
            _store_signatures(batch, sigs, current, previous, version)
        new_sigs += sigs
    new_sigs += map(_interned, _load_story_signatures(session, pending))
    # Only the posting lists the new articles read (their own postings, stored above, are
    # added with their signatures), and the candidates' signatures.
    index = core.StoryIndex()
    _add_stored_postings(session, index, new_sigs, sorted(s.article_id for s in new_sigs))
    links, index = core.link_new_stories(
        new_sigs, index, lambda ids: _load_story_signatures(session, ids)
    )
    stats.postings_read, stats.signatures_loaded = index.work.postings_read, index.work.loaded
    stats.signed, stats.links_added = len(new_sigs) - len(pending), len(links)
    del index, new_sigs
    for start in range(0, len(links), WRITE_BATCH):
        with session.transaction("stories") as batch:
            _STORY_LINKS.write(batch, [], links[start : start + WRITE_BATCH])


def _store_signatures(
    batch: Batch,
    sigs: Sequence[core.StorySignature],
    current: dict[str, tuple[Any, Any]],
    previous: dict[str, str],
    version: str,
) -> None:
    """Write signatures and their postings, marked pending until the groups are written."""
    _upsert_in_batches(
        batch,
        "story_postings",
        (
            {"term": t, "published_date": s.published_date, "article_id": s.article_id}
            for s in sigs
            for t in sorted(s.posted_keys())
        ),
    )
    _upsert_in_batches(
        batch,
        "story_signatures",
        (
            {
                "article_id": s.article_id,
                "published_date": s.published_date,
                "outlet": s.outlet,
                "terms": list(s.terms),
                "entity_ids": list(s.entity_ids),
                "quote_keys": list(s.quote_keys),
                "title_terms": s.title_terms,
                # The previous story until the groups are written: a stopped run keeps it.
                "story_id": previous.get(s.article_id),
                "nlp_version": current[s.article_id][0],
                "grouping_version": version,
            }
            for s in sigs
        ),
        SIGNATURE_WRITE_BATCH,
    )
    _mark_pending(batch, "stories", [s.article_id for s in sigs])


def _interned(sig: core.StorySignature) -> core.StorySignature:
    """``sig`` with its words shared (``sys.intern``).

    News reuses a small vocabulary, and a first grouping holds every new signature
    (~400 terms each: ~20 kB an article as strings of their own, a pointer each shared).
    """
    return dataclasses.replace(
        sig,
        terms=tuple(map(sys.intern, sig.terms)),
        entity_ids=tuple(map(sys.intern, sig.entity_ids)),
    )


def _add_stored_postings(
    session: Session,
    index: core.StoryIndex,
    new_sigs: Sequence[core.StorySignature],
    skip: Sequence[str],
) -> None:
    """Give ``index`` the stored posting lists linking ``new_sigs`` reads (not ``skip``'s).

    Every list's length is counted in SQL (one aggregate over the new articles' terms);
    only the lists a new article reads (within its date window, not too common) are
    fetched, so the rows read do not grow with the warehouse.
    """
    terms = sorted({t for s in new_sigs for t in s.posted_keys()})
    if not terms:
        return
    counts = {
        (term, day): int(n)
        for term, day, n in session.fetch(
            "select term, published_date, count(*) from story_postings "
            "where term in (select unnest(?::varchar[])) "
            "and article_id not in (select unnest(?::varchar[])) group by all",
            [terms, list(skip)],
        )
    }
    needed = sorted(core.story_buckets_needed(new_sigs, counts), key=lambda b: (b[0], str(b[1])))
    rows = session.fetch(
        "select p.term, p.published_date, p.article_id from story_postings as p "
        "join (select unnest(?::varchar[]) as term, unnest(?::date[]) as day) as n "
        "on p.term = n.term and p.published_date is not distinct from n.day "
        "where p.article_id not in (select unnest(?::varchar[])) order by all",
        [[b[0] for b in needed], [b[1] for b in needed], list(skip)],
    )
    index.add_postings(counts, ((t, d, a) for t, d, a in rows))


def _load_story_signatures(
    session: Session, article_ids: Sequence[str]
) -> list[core.StorySignature]:
    if not article_ids:
        return []
    rows = session.fetch(
        "select article_id, published_date, outlet, terms, entity_ids, quote_keys, title_terms "
        "from story_signatures where article_id in (select unnest(?::varchar[])) "
        "order by article_id",
        [list(article_ids)],
    )
    return [
        core.StorySignature(
            r[0], r[1], r[2], tuple(r[3]), tuple(r[4]), tuple(r[5] or ()), r[6] or 0
        )
        for r in rows
    ]


# The entity types an article's mentions have now: the entity rebuild's (``entities``),
# or, before it ran (signing while the analysis goes on), the type it would choose from
# the observations committed so far (its ranking: rebuild_entities.sql). The entity
# types only decide a signature's salient entities; the stories step checks those
# against the rebuild's types and re-signs what differs (``_entities_changed``).
_TYPES_NOW = "select entity_id, entity_type from entities"
_TYPES_SO_FAR = """
    select entity_id, entity_type from (
        select entity_id, entity_type, row_number() over (
            partition by entity_id
            order by (wikidata_id is not null) desc, n desc, length(canonical_name) desc,
                canonical_name
        ) as rank_
        from (
            select entity_id, canonical_name, entity_type, wikidata_id, count(*) as n
            from entity_observations
            where entity_id in (
                select entity_id from mentions
                where article_id in (select unnest($ids::varchar[]))
            )
            group by all
        )
    ) where rank_ = 1
"""


def _story_mentions(
    session: Session, article_ids: Sequence[str], types: str = _TYPES_NOW
) -> dict[str, list[core.StoryMention]]:
    """Each article's mentions with their entity types (``types``: a query of them)."""
    mentions: dict[str, list[core.StoryMention]] = defaultdict(list)
    for aid, eid, etype, start in session.fetch(
        f"with t as ({types}) "
        "select m.article_id, m.entity_id, coalesce(t.entity_type, ''), m.start_char "
        "from mentions as m left join t on t.entity_id = m.entity_id "
        "where m.article_id in (select unnest($ids::varchar[])) "
        "order by m.article_id, m.start_char",
        {"ids": list(article_ids)},
    ):
        mentions[aid].append(core.StoryMention(eid, etype, start))
    return mentions


def _sign_articles(
    session: Session, article_ids: Sequence[str], types: str = _TYPES_NOW
) -> list[core.StorySignature]:
    rows = session.fetch(
        "select article_id, title, body, published_date, outlet from articles "
        "where article_id in (select unnest(?::varchar[])) order by article_id",
        [list(article_ids)],
    )
    mentions = _story_mentions(session, article_ids, types)
    quoted: dict[str, list[str]] = defaultdict(list)
    for aid, text in session.fetch(
        "select article_id, text from quotes where article_id in (select unnest(?::varchar[])) "
        "and kind = 'direct' order by article_id, start_char",
        [list(article_ids)],
    ):
        quoted[aid].append(text)
    return [
        core.story_signature(
            core.StoryArticle(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                tuple(mentions.get(r[0], ())),
                tuple(quoted.get(r[0], ())),
            )
        )
        for r in rows
    ]


def _write_memberships(
    batch: Batch, table: str, key: str, column: str, ids: dict[str, str]
) -> None:
    """Set ``table.column`` from ``ids`` where it differs (untouched rows stay as they are)."""
    con = batch.session.con
    data = pa.table({"k": list(ids), "v": list(ids.values())})
    con.register("_memberships", data)
    try:
        where = (
            f'from _memberships as m where "{table}"."{key}" = m.k '
            f'and "{table}"."{column}" is distinct from m.v'
        )
        if batch.session.is_bucketed(table):
            # Republish only the buckets of the rows that change, and of the relations
            # reading them only those that read this column (not the search index).
            batch.mark_articles_sql(
                f'select distinct bucket_of("{table}".article_id) from "{table}", _memberships as m where "{table}"."{key}" = m.k and "{table}"."{column}" is distinct from m.v',
                relation=f"{table}.{column}",
            )
        batch.execute(f'update "{table}" set "{column}" = m.v {where}', articles=[])
    finally:
        con.unregister("_memberships")


# ---------------------------------------------------------------- statements
def _every_quote_grouped(session: Session) -> bool:
    return not session.fetch(
        "select 1 from quotes where kind in ('direct', 'partial') and statement_id is null limit 1"
    )


def group_statements(session: Session) -> StatementStats:
    """Give every direct/partial quote a statement and rebuild ``statements``."""
    version = grouping_version()
    stats = StatementStats()
    articles = {
        r[0]: (r[1], r[2])
        for r in session.fetch(
            "select article_id, nlp_version, published_date from articles "
            "where article_id in (select distinct article_id from quotes)"
        )
    }
    # A rendering signed under a speaker name the entity no longer has (the entity
    # rebuild renamed or dropped it) is stale too: speakers match by name, so its links
    # may differ under the new one.
    stored = session.fetch(
        "select s.rendering_id, s.article_id, s.nlp_version, s.grouping_version, "
        "s.statement_id, s.speaker_name is distinct from e.canonical_name "
        "from statement_signatures as s "
        "left join entities as e on e.entity_id = s.speaker_entity_id"
    )
    stale_articles = {
        r[1]
        for r in stored
        if r[1] not in articles or r[3] != version or r[2] != articles[r[1]][0] or r[5]
    }
    signed_articles = {r[1] for r in stored}
    to_sign = sorted(a for a in articles if a not in signed_articles or a in stale_articles)
    if not to_sign and not stale_articles and _every_quote_grouped(session):
        # Nothing new, nothing gone: the groups are a function of the stored signatures
        # and links, which did not change, so a no-op run reads no signature.
        return stats
    _preloaded()
    fresh = [r for r in stored if r[1] not in stale_articles]
    previous_by_rendering = {r[0]: r[4] for r in fresh if r[4]}
    index = core.StatementIndex(_load_renderings(session, [r[0] for r in fresh]))
    stats.signatures_loaded = len(fresh)
    new: dict[str, list[core.Rendering]] = {}
    for start in range(0, len(to_sign), SIGN_BATCH):
        for r in _article_renderings(session, to_sign[start : start + SIGN_BATCH]):
            new.setdefault(r.article_id, []).append(r)
    # Linking asks for the story neighbours of the new articles only: read those links,
    # not every story link (354,000 at 22,000 articles).
    neighbours: dict[str, set[str]] = defaultdict(set)
    new_ids = sorted(new)
    for a, b in session.fetch(
        "select article_id, other_article_id from story_links "
        "where article_id in (select unnest(?::varchar[])) "
        "or other_article_id in (select unnest(?::varchar[]))",
        [new_ids, new_ids],
    ):
        neighbours[a].add(b)
        neighbours[b].add(a)
    dates = {a: d for a, (_, d) in articles.items()}
    links, index = core.link_new_renderings(new, index, lambda a: neighbours.get(a, set()), dates)
    dropped = [r[0] for r in stored if r[1] in stale_articles]
    dropped_set = set(dropped)
    all_items = [r for a in sorted(articles) for r in index.article(a)]
    # A rendering re-signed with the same id (article re-analysed, same quotes) keeps its
    # statement: look its previous id up among the dropped rows too.
    previous = {r[0]: r[4] for r in stored if r[4]} | previous_by_rendering
    current_ids = {r.rendering_id for r in all_items}
    previous = {k: v for k, v in previous.items() if k in current_ids}
    new_items = [r for items in new.values() for r in items]
    scope = _regroup_scope(session, bool(fresh), links, new_items, dropped, to_sign)
    if scope is not None and not current_ids - scope <= previous.keys():
        scope = None  # a stored rendering without a statement: regroup them all
    if scope is None:
        items = all_items
        scoped_links = _STATEMENT_LINKS.kept(session, dropped_set) + links
        links_total = len(scoped_links)
        untouched: Counter[str] = Counter()
    else:
        items = [r for r in all_items if r.rendering_id in scope]
        scoped_links = _STATEMENT_LINKS.among(session, scope, dropped_set) + links
        links_total = _STATEMENT_LINKS.count(session, dropped_set) + len(links)
        untouched = Counter(previous[k] for k in current_ids - scope)
    groups = core.group_renderings(items, scoped_links)
    # Every previous id is passed, so a new id never takes one an untouched group holds.
    ids = core.assign_ids(groups, previous, prefix="stm_", age=core.rendering_age(all_items, dates))
    stats.signed, stats.dropped, stats.links_added = len(new_items), len(dropped), len(links)
    stats.links_total = links_total
    stats.groups = len(groups) + len(untouched)
    stats.multi_member_groups = sum(1 for g in groups if len(g) > 1) + sum(
        1 for n in untouched.values() if n > 1
    )
    stats.members_moved = sum(1 for k, sid in previous.items() if ids.get(k, sid) != sid)
    quote_ids = {q: ids[r.rendering_id] for r in items for q in r.quote_ids}
    with session.transaction("statements") as batch:
        batch.delete_where_in("statement_signatures", "rendering_id", dropped)
        _upsert_in_batches(
            batch,
            "statement_signatures",
            (
                {
                    "rendering_id": r.rendering_id,
                    "article_id": r.article_id,
                    "utterance_index": r.utterance_index,
                    "speaker_entity_id": r.speaker_entity_id,
                    "speaker_name": r.speaker_name,
                    "passage_id": r.passage,
                    "firm": r.firm,
                    "kind": r.kind,
                    "quote_ids": list(r.quote_ids),
                    "terms": list(r.terms),
                    "words": list(r.words),
                    "statement_id": ids[r.rendering_id],
                    "nlp_version": articles[r.article_id][0],
                    "grouping_version": version,
                }
                for r in new_items
            ),
            SIGNATURE_WRITE_BATCH,
        )
        _STATEMENT_LINKS.write(batch, dropped, links)
        _write_memberships(
            batch,
            "statement_signatures",
            "rendering_id",
            "statement_id",
            {r.rendering_id: ids[r.rendering_id] for r in items},
        )
        _write_memberships(batch, "quotes", "quote_id", "statement_id", quote_ids)
        _rebuild(batch, "rebuild_statements", version)
    return stats


def _regroup_scope(
    session: Session,
    has_stored: bool,
    links: Sequence[core.Link],
    new_items: Sequence[core.Rendering],
    dropped: Sequence[str],
    to_sign: Sequence[str],
) -> set[str] | None:
    """The renderings an increment's statements can change; None: every rendering.

    Statements are groups of linked renderings, and grouping never joins renderings that
    no chain of links connects: regrouping the connected parts of the link graph that
    the new links or the dropped renderings touch, and keeping every other statement as
    stored, gives the groups a regrouping of everything would. Found by following stored
    links in SQL from those renderings (statements are small: a few rounds).
    """
    if not has_stored:
        return None  # a first grouping: everything is new
    ungrouped = session.fetch(
        "select 1 from quotes where kind in ('direct', 'partial') and statement_id is null "
        "and article_id not in (select unnest(?::varchar[])) limit 1",
        [list(to_sign)],
    )
    if ungrouped:
        return None  # a quote row that lost its statement: regroup everything
    seen = {x for lk in links for x in (lk.a, lk.b)} | set(dropped)
    frontier = sorted(seen)
    while frontier:
        rows = session.fetch(
            "select rendering_id, other_rendering_id from statement_links "
            "where rendering_id in (select unnest(?::varchar[])) "
            "or other_rendering_id in (select unnest(?::varchar[]))",
            [frontier, frontier],
        )
        reached = {x for row in rows for x in row} - seen
        seen |= reached
        frontier = sorted(reached)
    return (seen - set(dropped)) | {r.rendering_id for r in new_items}


def _load_renderings(session: Session, rendering_ids: Sequence[str]) -> list[core.Rendering]:
    if not rendering_ids:
        return []
    rows = session.fetch(
        "select rendering_id, article_id, utterance_index, speaker_entity_id, kind, firm, "
        "quote_ids, terms, speaker_name, passage_id, words from statement_signatures "
        "where rendering_id in (select unnest(?::varchar[])) order by rendering_id",
        [list(rendering_ids)],
    )
    return [
        core.Rendering(
            rendering_id=r[0],
            article_id=r[1],
            utterance_index=r[2],
            speaker_entity_id=r[3],
            kind=r[4],
            firm=r[5],
            quote_ids=tuple(r[6]),
            terms=tuple(r[7]),
            speaker_name=r[8],
            passage_id=r[9] or "",
            # Interned: most words are the same few hundred function words.
            words=tuple(map(sys.intern, r[10] or ())),
        )
        for r in rows
    ]


def _article_renderings(session: Session, article_ids: Sequence[str]) -> list[core.Rendering]:
    rows = session.fetch(
        "with q as ("
        "  select *, lag(end_char) over (partition by article_id order by start_char) as prev_end"
        "  from quotes"
        "  where article_id in (select unnest(?::varchar[])) and kind in ('direct', 'partial')"
        ") "
        "select q.quote_id, q.article_id, q.text, q.kind, q.speaker_entity_id, "
        "q.utterance_index, q.part_index, q.cue_verb is not null, e.canonical_name, "
        "q.start_char, q.end_char, "
        # The text since the previous quote; substring is 1-based and counts characters,
        # as the offsets do.
        "case when q.start_char - q.prev_end between 0 and ? "
        "then substring(a.body, q.prev_end + 1, q.start_char - q.prev_end) end "
        "from q join articles as a on a.article_id = q.article_id "
        "left join entities as e on e.entity_id = q.speaker_entity_id "
        "order by q.article_id, q.utterance_index, q.part_index",
        [list(article_ids), PRECEDING_CHARS],
    )
    return core.renderings(
        core.StatementQuote(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], r[10], r[11]
        )
        for r in rows
    )
