"""Pair keys find two reports whose shared key terms are all over the posting cap.

Undated postings are read over every day, so as a warehouse grows every rare word two
undated reports of one happening share can pass ``MAX_POSTINGS`` (each on its own, in
other news), and neither the read keys nor the capped-key check find the pair. Lists of
two such terms together stay short. Invented articles only; the cap is lowered so a small
crowd passes it.
"""

from __future__ import annotations

import random

import pytest

from pipelines.core.stories import StoryArticle, StoryIndex, link_new_stories, story_signature
from pipelines.core.stories import stories as story_module

CAP = 6  # a lowered MAX_POSTINGS: a crowd of CAP + 2 pages per word passes it
# One happening told twice, undated: the reports share four rare words and nothing else
# rare. Each word is also common on its own in other news (a crowd per word, below).
FIRST = ("Quorvin floods Tessaly", "The Quorvin reservoir breached and floods hit Tessaly farms.")
SECOND = (
    "Tessaly farms flooded",
    "Farms in Tessaly were flooded when the Quorvin reservoir breached.",
)
# A look-alike sharing four of those words with the first report: with all of them capped,
# one fewer than a candidate found through a pair alone needs (``PAIR_MIN_SHARED``).
LOOKALIKE = (
    "Quorvin reservoir tour",
    "Tourists visit the Quorvin reservoir near Tessaly farms.",
)
# Unrelated matters, each naming one of the shared words with words of its own.
FILLERS = (
    "orchestra",
    "gala",
    "yacht",
    "portrait",
    "vineyard",
    "memoir",
    "auction",
    "regatta",
)


def _crowd() -> list[StoryArticle]:
    """For each rare word of the reports, CAP + 2 undated pages using it on another matter."""
    out = []
    for word in ("Quorvin", "Tessaly", "reservoir", "breached", "flooded", "farms"):
        for i in range(CAP + 2):
            filler = FILLERS[i % len(FILLERS)]
            out.append(
                StoryArticle(
                    f"crowd-{word.lower()}-{i}",
                    f"{word} {filler} notes",
                    f"A {filler} column mentions {word} once, number {i}.",
                    None,
                    "Crowd",
                )
            )
    return out


def _article(aid: str, title: str, body: str) -> StoryArticle:
    return StoryArticle(aid, title, body, None, aid.upper())


def _links(arts: list[StoryArticle]) -> set[tuple[str, str]]:
    links, _ = link_new_stories([story_signature(a) for a in arts], StoryIndex())
    return {(lk.a, lk.b) for lk in links if not lk.a.startswith("crowd")}


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story_module, "MAX_POSTINGS", CAP)


def _shared(a: StoryArticle, b: StoryArticle) -> set[str]:
    return set(story_signature(a).key_terms() & story_signature(b).key_terms())


def test_the_reports_share_only_words_the_crowd_makes_common():
    first, second = _article("a", *FIRST), _article("b", *SECOND)
    shared = _shared(first, second)
    assert len(shared) >= story_module.PAIR_MIN_SHARED
    crowd_keys = set().union(*(story_signature(c).key_terms() for c in _crowd()))
    assert shared <= crowd_keys  # every shared key is over the cap with the crowd


@pytest.mark.usefixtures("capped")
def test_a_pair_key_finds_reports_whose_shared_keys_are_all_capped(monkeypatch):
    arts = [*_crowd(), _article("a", *FIRST), _article("b", *SECOND)]
    assert _links(arts) == {("a", "b")}
    # Without pair keys every shared key is skipped and the pair is never compared.
    monkeypatch.setattr(story_module, "PAIR_KEY_TERMS", 0)
    assert _links(arts) == set()


@pytest.mark.usefixtures("capped")
def test_a_pair_alone_needs_more_keys_than_the_read_keys(monkeypatch):
    first, lookalike = _article("a", *FIRST), _article("c", *LOOKALIKE)
    assert len(_shared(first, lookalike)) == story_module.PAIR_MIN_SHARED - 1
    assert _links([*_crowd(), first, lookalike]) == set()
    # Uncapped, the same four keys are read and the pair is compared (and links): the cap
    # keeps common words from making candidates, and the pairs keep to that.
    monkeypatch.setattr(story_module, "MAX_POSTINGS", 200)
    assert _links([*_crowd(), first, lookalike]) == {("a", "c")}


@pytest.mark.usefixtures("capped")
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pair_keys_keep_links_order_free(seed):
    arts = [*_crowd(), _article("a", *FIRST), _article("b", *SECOND), _article("c", *LOOKALIKE)]
    shuffled = list(arts)
    random.Random(seed).shuffle(shuffled)
    assert _links(arts) == _links(shuffled) == {("a", "b")}


def test_pair_lists_are_read_only_when_a_key_is_capped():
    # Without a capped key the read lists already counted every shared key.
    links, index = link_new_stories(
        [story_signature(_article("a", *FIRST)), story_signature(_article("b", *SECOND))],
        StoryIndex(),
    )
    assert index.work.terms_skipped == 0
    assert index.work.pair_postings_read == 0
    assert {(lk.a, lk.b) for lk in links} == {("a", "b")}


@pytest.mark.usefixtures("capped")
def test_pair_reads_are_bounded_by_the_pair_keys_and_the_cap():
    first, second = story_signature(_article("a", *FIRST)), story_signature(_article("b", *SECOND))
    _, index = link_new_stories([story_signature(c) for c in _crowd()], StoryIndex())
    _, index = link_new_stories([first], index)
    before = index.work.pair_postings_read
    _, index = link_new_stories([second], index)
    assert 0 < index.work.pair_postings_read - before <= len(second.pair_keys()) * CAP


def test_pair_keys_are_the_first_key_terms_two_at_a_time():
    sig = story_signature(_article("a", *FIRST))
    n = min(story_module.PAIR_KEY_TERMS, len(sig.key_terms()))
    assert len(sig.pair_keys()) == n * (n - 1) // 2
    for key in sig.pair_keys():
        _, x, y = key.split(story_module.PAIR_KEY)
        assert x < y and {x, y} <= sig.key_terms()
    assert sig.posted_keys() == sig.key_terms() | sig.pair_keys()
