"""Groups from pairwise links: a constrained union-find and stable group ids.

The partition is a pure function of the members and the links (never of the order
they arrived in): links are applied strongest first with a total order on ties, and a
merge that would break a constraint (two different remarks of one article in one
statement; two speakers in one statement) is refused. Ids are reconciled with the
previous partition, so a group keeps its id when members join it.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Link:
    """Evidence that two members belong together (``a < b``), with its strength."""

    a: str
    b: str
    score: float

    @staticmethod
    def of(x: str, y: str, score: float) -> Link:
        """The link between ``x`` and ``y`` in canonical order (``a < b``)."""
        a, b = (x, y) if x < y else (y, x)
        return Link(a, b, round(score, 6))


class _Groups:
    """Union-find whose roots carry the set of constraint labels of their members."""

    def __init__(self, members: Iterable[str], labels: Callable[[str], frozenset[Hashable]]):
        self.parent = {m: m for m in members}
        self.labels: dict[str, frozenset[Hashable]] = {m: labels(m) for m in self.parent}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(
        self, x: str, y: str, compatible: Callable[[frozenset[Hashable], frozenset[Hashable]], bool]
    ) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return True
        if not compatible(self.labels[rx], self.labels[ry]):
            return False
        # The smaller id becomes the root: deterministic, whatever the call order.
        keep, drop = (rx, ry) if rx < ry else (ry, rx)
        self.parent[drop] = keep
        self.labels[keep] = self.labels[keep] | self.labels.pop(drop)
        return True


def partition(
    members: Iterable[str],
    links: Iterable[Link],
    *,
    labels: Callable[[str], frozenset[Hashable]] | None = None,
    compatible: Callable[[frozenset[Hashable], frozenset[Hashable]], bool] | None = None,
) -> list[list[str]]:
    """Connected groups of ``members`` under ``links``, respecting constraints.

    Links are applied strongest first (ties by member ids), so the result does not depend
    on input order. ``labels`` gives each member constraint labels and ``compatible``
    says whether two groups' label sets may merge; without them this is plain
    connected components. Links naming unknown members are ignored.
    Returns groups as sorted member lists, sorted by first member.
    """
    groups = _Groups(sorted(set(members)), labels or (lambda _m: frozenset()))
    ok = compatible or (lambda _x, _y: True)
    for link in sorted(links, key=lambda lk: (-lk.score, lk.a, lk.b)):
        if link.a in groups.parent and link.b in groups.parent:
            groups.union(link.a, link.b, ok)
    out: dict[str, list[str]] = {}
    for m in groups.parent:
        out.setdefault(groups.find(m), []).append(m)
    return sorted((sorted(g) for g in out.values()), key=lambda g: g[0])


def new_group_id(prefix: str, first_member: str) -> str:
    """Id minted for a group nobody named before: a hash of its first member."""
    return prefix + hashlib.sha256(f"{prefix}\x1f{first_member}".encode()).hexdigest()[:16]


def assign_ids(
    groups: list[list[str]],
    previous: Mapping[str, str],
    *,
    prefix: str,
    age: Callable[[str], tuple[object, ...]],
) -> dict[str, str]:
    """Give every group an id, keeping previous ids stable.

    ``previous`` maps members to the id their group had before. A group whose members
    held ids keeps the id of the oldest of those previous groups (``age`` of its
    earliest member, then the id itself); when two old groups merge, the younger id
    is retired (its members now carry the kept id). A group with no previous id gets
    ``new_group_id`` of its earliest member (a suffix is added in the rare case that id
    is already taken). Each id is used by one group at most.

    Returns member -> group id.
    """
    # Earliest previous member of each previous id: how old that group is.
    oldest: dict[str, tuple[object, ...]] = {}
    for member, gid in previous.items():
        key = (*age(member), member)
        if gid not in oldest or key < oldest[gid]:
            oldest[gid] = key
    taken: set[str] = set()
    result: dict[str, str] = {}
    # Bigger groups choose first so a split keeps the id on its larger part; ties by
    # first member, so the outcome is order-free.
    order = sorted(groups, key=lambda g: (-len(g), g[0]))
    pending: list[list[str]] = []
    for group in order:
        held = sorted(
            {previous[m] for m in group if m in previous} - taken,
            key=lambda gid: (oldest[gid], gid),
        )
        if held:
            gid = held[0]
            taken.add(gid)
            result.update(dict.fromkeys(group, gid))
        else:
            pending.append(group)
    for group in pending:
        first = min(group, key=lambda m: (*age(m), m))
        gid, n = new_group_id(prefix, first), 1
        while gid in taken or gid in oldest:
            gid, n = new_group_id(prefix, f"{first}#{n}"), n + 1
        taken.add(gid)
        result.update(dict.fromkeys(group, gid))
    return result


def cluster_average(
    members: Iterable[str],
    links: Iterable[Link],
    *,
    min_average: float,
    undated: Collection[str] = frozenset(),
    settled_size: int = 0,
    settled_average: float = 0.0,
) -> list[list[str]]:
    """Average-link groups: the two groups whose links average highest merge first.

    The average between two groups is the sum of the link scores over all their cross
    pairs (a pair with no link counts 0) divided by the number of pairs; merging stops
    when no two groups average ``min_average``. Plain connected components let one
    strong pair chain two stories into one (and those into a topic); this does not.
    Merging the best-averaging pair first (rather than along the strongest single link)
    lets a member join the group it fits best, not the look-alike its strongest link
    happens to lead to. Ties are broken by group ids, so the result is a function of
    the members and the links, not of their order. Links naming unknown members are
    ignored. Returns groups as sorted member lists, sorted by first member.

    Two groups of at least ``settled_size`` members each (``settled_size`` 0: never), none
    of them dated (all in ``undated``), merge only at an average of ``settled_average``:
    with no dates to keep them apart, two threads about one firm or person are each
    settled by then, and only a strong average says they are one story. A refused pair
    is looked at again whenever either group changes.
    """
    parent = {m: m for m in sorted(set(members))}
    size = dict.fromkeys(parent, 1)
    # Root -> how many of its members are dated: a group with none is undated.
    dated = {m: int(m not in undated) for m in parent}
    # Root -> other root -> summed link score between the two groups.
    cross: dict[str, dict[str, float]] = {m: {} for m in parent}
    # Deduplicated and sorted as plain (a, b, score) tuples: the order of ``Link`` itself,
    # without its generated ``__lt__`` (a sixth of a one-article regroup at 22,000 articles).
    pairs = {(lk.a, lk.b, lk.score) for lk in links}
    for a, b, score in sorted(
        p for p in pairs if p[0] in parent and p[1] in parent and p[0] != p[1]
    ):
        cross[a][b] = cross[a].get(b, 0.0) + score
        cross[b][a] = cross[b].get(a, 0.0) + score
    # A root's version grows at each merge it takes part in: heap entries carrying an
    # older version are stale (lazy deletion).
    version = dict.fromkeys(parent, 0)
    heap = [
        (-total / (size[a] * size[b]), a, b, 0, 0)
        for a, row in cross.items()
        for b, total in row.items()
        if a < b
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if version.get(a) != va or version.get(b) != vb:
            continue
        if -neg < min_average:
            break  # the best pair left falls short: so does every other
        if (
            -neg < settled_average
            and min(size[a], size[b]) >= settled_size > 0
            and not dated[a]
            and not dated[b]
        ):
            continue  # two settled undated threads: refused until either changes
        # The smaller id becomes the root: deterministic, whatever the call order.
        keep, drop = (a, b) if a < b else (b, a)
        parent[drop] = keep
        size[keep] += size.pop(drop)
        dated[keep] += dated.pop(drop)
        del version[drop]
        version[keep] += 1
        for other, total in cross.pop(drop).items():
            if other == keep:
                continue
            del cross[other][drop]
            cross[keep][other] = cross[keep].get(other, 0.0) + total
            cross[other][keep] = cross[keep][other]
        cross[keep].pop(drop, None)
        for other, total in cross[keep].items():
            x, y = (keep, other) if keep < other else (other, keep)
            heapq.heappush(
                heap, (-total / (size[keep] * size[other]), x, y, version[x], version[y])
            )

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    out: dict[str, list[str]] = {}
    for m in parent:
        out.setdefault(find(m), []).append(m)
    return sorted((sorted(g) for g in out.values()), key=lambda g: g[0])
