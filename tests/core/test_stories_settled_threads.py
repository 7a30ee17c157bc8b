"""Two settled undated threads about one firm stay two stories (``UNDATED_SETTLED_*``)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pipelines.core.stories import (
    Link,
    StoryArticle,
    StoryIndex,
    StoryMention,
    cluster_average,
    link_new_stories,
    story_groups,
    story_signature,
)
from pipelines.core.stories import stories as story_module

# One made-up firm's two threads, as undated pages report them: the state auction of its
# mining unit, and its bankruptcy filing in a court abroad. Each thread's pages share their
# own words; a few pages of each mention the other thread in passing.
THREADS = [
    (
        "a1",
        "Qorvantis mining unit sold at auction",
        (
            "Qorvantis saw its Veldhoek mining unit sold at a state auction to a little-known "
            "bidder, Pallomar Holdings, for eleven billion dollars. Qorvantis shareholders called "
            "the Veldhoek auction a theft. Pallomar Holdings had been registered weeks before the "
            "auction."
        ),
    ),
    (
        "a2",
        "Mystery bidder wins Veldhoek auction",
        (
            "A little-known firm, Pallomar Holdings, won the auction of Veldhoek, the mining arm of "
            "Qorvantis, paying eleven billion dollars. Who owns Pallomar Holdings is unclear. The "
            "Veldhoek auction went ahead despite protests from Qorvantis."
        ),
    ),
    (
        "a3",
        "Qorvantis vows to fight Veldhoek sale",
        (
            "Qorvantis said it would fight the sale of Veldhoek at auction and pursue Pallomar "
            "Holdings and any later buyer. The auction of the mining unit raised eleven billion "
            "dollars for the state. Qorvantis called Pallomar Holdings a front and cited its "
            "bankruptcy case in Houston."
        ),
    ),
    (
        "b1",
        "Qorvantis files for bankruptcy in Texas",
        (
            "Qorvantis filed for bankruptcy protection in a Houston court, asking a judge to halt "
            "state moves against it. The Qorvantis filing in Houston claims the court has "
            "jurisdiction because its finance chief lives in Texas. Creditors dispute the Houston "
            "filing, made to stop the Veldhoek auction."
        ),
    ),
    (
        "b2",
        "Houston judge hears Qorvantis case",
        (
            "A Houston bankruptcy judge heard arguments on whether Qorvantis may seek protection in "
            "Texas. Lawyers for creditors told the Houston court the Qorvantis bankruptcy belongs "
            "elsewhere. The judge will rule on jurisdiction next month."
        ),
    ),
    (
        "b3",
        "Qorvantis loses Houston bankruptcy bid",
        (
            "The Houston bankruptcy court threw out the Qorvantis filing, ruling that Texas was not "
            "the place for the case. Qorvantis said it would appeal the Houston judge's ruling on "
            "jurisdiction. Creditors welcomed the bankruptcy ruling."
        ),
    ),
]


def _thread_links(day: dt.date | None) -> tuple[list[str], list[Link]]:
    arts = [
        StoryArticle(aid, title, body, day, None, (StoryMention("qorvantis", "ORG", 0),))
        for aid, title, body in THREADS
    ]
    links, _ = link_new_stories([story_signature(a) for a in arts], StoryIndex())
    return [a.article_id for a in arts], links


def test_two_undated_threads_of_one_firm_stay_two_stories():
    ids, links = _thread_links(None)
    cross = [lk.score for lk in links if lk.a[0] != lk.b[0]]
    # The cross links alone would pass the merge average: the plain average link joins them.
    average = sum(cross) / 9
    assert story_module.MERGE_AVERAGE <= average < story_module.UNDATED_SETTLED_AVERAGE
    assert story_groups(ids, links) == [ids]
    assert story_groups(ids, links, set(ids)) == [ids[:3], ids[3:]]


def test_the_same_threads_dated_are_left_to_the_date_window():
    ids, links = _thread_links(dt.date(2031, 5, 6))
    assert story_groups(ids, links, set()) == [ids]


def _two_threads(left: int, right: int, cross: float) -> tuple[list[str], list[Link]]:
    """Two made-up threads, tight inside (0.7), every cross pair linked at ``cross``."""
    a = [f"a{i}" for i in range(left)]
    b = [f"b{i}" for i in range(right)]
    links = [
        Link.of(x, y, 0.7) for side in (a, b) for i, x in enumerate(side) for y in side[i + 1 :]
    ]
    links += [Link.of(x, y, cross) for x in a for y in b]
    return a + b, links


SETTLED = story_module.UNDATED_SETTLED_SIZE


@pytest.mark.parametrize(
    ("left", "right", "cross", "dated", "groups"),
    [
        # Two settled undated threads at a middling average: two stories.
        (SETTLED, SETTLED, 0.3, set(), 2),
        (SETTLED + 2, SETTLED, 0.3, set(), 2),
        # A strong average still joins them.
        (SETTLED, SETTLED, 0.4, set(), 1),
        # A thread not yet settled joins as before (a late report, a second page).
        (SETTLED - 1, SETTLED, 0.3, set(), 1),
        (1, SETTLED + 3, 0.3, set(), 1),
        # One dated member: the date window, not this rule, keeps dated threads apart.
        (SETTLED, SETTLED, 0.3, {"a0"}, 1),
        (SETTLED, SETTLED, 0.3, {"b1"}, 1),
        # Below the merge average nothing joins anyway.
        (SETTLED, SETTLED, 0.2, set(), 2),
    ],
)
def test_settled_undated_threads_need_a_strong_average(left, right, cross, dated, groups):
    members, links = _two_threads(left, right, cross)
    undated = set(members) - dated
    assert len(story_groups(members, links, undated)) == groups
    # Without the rule (everything dated) the plain average link decides.
    assert len(story_groups(members, links, set())) == (1 if cross >= 0.25 else 2)


@pytest.mark.parametrize("seed", range(5))
def test_the_refusal_does_not_depend_on_order(seed):
    members, links = _two_threads(4, 3, 0.3)
    rnd = random.Random(seed)
    extra = [Link.of("a0", "z", 0.5), Link.of("b2", "z", 0.4), Link.of("z", "y", 0.6)]
    everyone = [*members, "z", "y"]
    undated = set(everyone) - {"y"}
    first = cluster_average(
        everyone,
        links + extra,
        min_average=0.25,
        undated=undated,
        settled_size=3,
        settled_average=0.35,
    )
    shuffled = links + extra
    rnd.shuffle(shuffled)
    again = cluster_average(
        list(reversed(everyone)),
        shuffled,
        min_average=0.25,
        undated=undated,
        settled_size=3,
        settled_average=0.35,
    )
    assert again == first
    assert ["a0", "a1", "a2", "a3"] in [g[:4] for g in first]
    assert not any({"a0", "b0"} <= set(g) for g in first)
