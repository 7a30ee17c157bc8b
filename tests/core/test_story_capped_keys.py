"""A key term too common to read (the posting cap) still counts for articles found otherwise.

As the warehouse grows, a famous person's or organisation's id passes ``MAX_POSTINGS``
for every undated look-up (read over every day) and for the undated list beside a dated
window, so two reports of one happening would lose their shared name as a key. Invented
articles only: a crowd of undated pages naming one person on unrelated matters, and a
pair about one happening that shares that person and two rare words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.core.stories import (
    StoryArticle,
    StoryIndex,
    StoryMention,
    link_new_stories,
    story_signature,
)
from pipelines.core.stories import stories as story_module

PERSON = "q-ottoline-varga"  # a much-reported person: in every crowd article
CROWD_TOPICS = (
    "orchestra tour",
    "charity gala",
    "tax filing",
    "yacht sale",
    "portrait unveiling",
    "vineyard purchase",
    "memoir launch",
    "horse auction",
)


def _crowd(n: int) -> list[StoryArticle]:
    """``n`` undated pages naming PERSON, each on one of several unrelated matters."""
    return [
        StoryArticle(
            f"crowd-{i:04d}",
            f"Varga and the {CROWD_TOPICS[i % len(CROWD_TOPICS)]}",
            f"Ottoline Varga spoke about the {CROWD_TOPICS[i % len(CROWD_TOPICS)]} number {i}.",
            None,
            "Crowd",
            (StoryMention(PERSON, "PERSON", 0),),
        )
        for i in range(n)
    ]


def _report(aid: str, title: str, body: str, day: dt.date | None, extra: str = "") -> StoryArticle:
    mentions = [StoryMention(PERSON, "PERSON", 0)]
    if extra:
        mentions.append(StoryMention(extra, "ORG", 0))
    return StoryArticle(aid, title, body, day, aid.upper(), tuple(mentions))


# One happening told twice: they share PERSON (as an id and as the word "Varga"),
# "quarantine" and "Zelkovo" as key terms, but no other rare word.
FIRST = ("Varga held in quarantine", "Varga was held in quarantine at Zelkovo airport.")
SECOND = ("Zelkovo detains star", "Officials at Zelkovo put Varga under quarantine overnight.")
# Another matter of hers sharing only PERSON and one rare word: never a candidate.
OTHER = ("Varga cancels Zelkovo concert", "Varga cancelled her concert in Zelkovo.")


def _keys_shared(a: StoryArticle, b: StoryArticle) -> set[str]:
    return set(story_signature(a).key_terms() & story_signature(b).key_terms())


@pytest.mark.parametrize("dated", [False, True])
def test_a_capped_name_completes_a_pair_the_read_keys_found(dated):
    day = dt.date(2019, 5, 2) if dated else None
    first = _report("a", *FIRST, day)
    second = _report("b", *SECOND, day)
    other = _report("c", *OTHER, day)
    assert _keys_shared(first, second) == {"@" + PERSON, "varga", "quarantin", "zelkovo"}
    assert _keys_shared(first, other) == {"@" + PERSON, "varga", "zelkovo"}

    # The crowd makes PERSON's lists (id and word) too long to read: undated pages count
    # for any day. Two read keys are left to the pair, one to the concert.
    crowd = _crowd(story_module.MAX_POSTINGS + 50)
    _, index = link_new_stories([story_signature(a) for a in crowd], StoryIndex())
    _, index = link_new_stories([story_signature(first), story_signature(other)], index)
    before = (index.work.postings_read, index.work.terms_skipped, index.work.pair_postings_read)
    links, index = link_new_stories([story_signature(second)], index)
    assert index.work.terms_skipped - before[1] == 2  # PERSON's id and word were not read
    # Only its four read keys' lists were read: "quarantine" (the first report),
    # "Zelkovo" (it and the concert), and the new article's own four postings, beside
    # the pair keys' lists (``test_story_pair_keys``)...
    pairs_read = index.work.pair_postings_read - before[2]
    assert index.work.postings_read - before[0] - pairs_read == 3 + 4
    # ...and the capped name, checked on the one article sharing both, completes the pair;
    # the concert shares one read key and is not even checked.
    assert {(lk.a, lk.b) for lk in links} == {("a", "b")}


def test_without_the_crowd_the_same_pair_links_through_the_read_name():
    first, second = _report("a", *FIRST, None), _report("b", *SECOND, None)
    links, index = link_new_stories([story_signature(first), story_signature(second)], StoryIndex())
    assert index.work.terms_skipped == 0
    assert {(lk.a, lk.b) for lk in links} == {("a", "b")}


def test_a_capped_name_never_makes_a_candidate_of_one_read_key():
    # The concert sharing PERSON and "Zelkovo" with the quarantine report stays apart,
    # with or without PERSON capped: two keys are not a candidate, whichever two.
    first, other = _report("a", *FIRST, None), _report("c", *OTHER, None)
    crowd = _crowd(story_module.MAX_POSTINGS + 50)
    _, index = link_new_stories([story_signature(a) for a in crowd], StoryIndex())
    links, _ = link_new_stories([story_signature(first), story_signature(other)], index)
    assert links == []


def test_a_capped_key_outside_its_window_does_not_count():
    # Dated side: a partial candidate ten days on shares two quote-free read keys only if
    # they are in the window; the capped name counts only where its own list would be read.
    index = StoryIndex([story_signature(_report("a", *FIRST, dt.date(2019, 5, 2)))])
    far = story_signature(_report("b", *SECOND, dt.date(2019, 5, 12)))
    assert not index.holds_keys(far, "a", frozenset({"@" + PERSON}))
    near = story_signature(_report("b", *SECOND, dt.date(2019, 5, 4)))
    assert index.holds_keys(near, "a", frozenset({"@" + PERSON}))
    assert not index.holds_keys(near, "a", frozenset({"@someone-else"}))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_capped_keys_keep_links_order_free(seed):
    import random

    arts = [
        *_crowd(story_module.MAX_POSTINGS + 20),
        _report("a", *FIRST, None),
        _report("b", *SECOND, None),
        _report("c", *OTHER, None),
    ]

    def links_of(order: list[StoryArticle]) -> set[tuple[str, str]]:
        index, found = StoryIndex(), set()
        # All at once, as one run: the counts are the final ones whatever the order.
        links, index = link_new_stories([story_signature(a) for a in order], index)
        found |= {(lk.a, lk.b) for lk in links if not lk.a.startswith("crowd")}
        return found

    shuffled = list(arts)
    random.Random(seed).shuffle(shuffled)
    assert links_of(arts) == links_of(shuffled) == {("a", "b")}


def test_the_warehouse_step_loads_partial_candidates_to_check_them():
    # As ``grouping._add_stored_postings`` does: the index holds every list's length and
    # the lists the new article reads, and loads candidates' signatures on demand.
    stored = [
        story_signature(a)
        for a in (*_crowd(story_module.MAX_POSTINGS + 50), _report("a", *FIRST, None))
    ]
    by_id = {s.article_id: s for s in stored}
    new = story_signature(_report("b", *SECOND, None))
    counts: dict[tuple[str, dt.date | None], int] = {}
    rows = []
    for s in stored:
        for term in s.posted_keys():
            counts[(term, None)] = counts.get((term, None), 0) + 1
            rows.append((term, None, s.article_id))
    needed = story_module.story_buckets_needed([new], counts)
    index = StoryIndex()
    index.add_postings(counts, [r for r in rows if (r[0], r[1]) in needed])
    asked: list[str] = []

    def load(ids):
        asked.extend(ids)
        return [by_id[i] for i in ids]

    links, index = link_new_stories([new], index, load)
    assert asked == ["a"]  # the one partial candidate, not the crowd
    assert {(lk.a, lk.b) for lk in links} == {("a", "b")}
