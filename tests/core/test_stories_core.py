"""Stories and statements core: plain values in, groups out (no warehouse, no spaCy)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.core.stories import (
    Link,
    StatementIndex,
    StatementQuote,
    StoryArticle,
    StoryIndex,
    StoryMention,
    assign_ids,
    cluster_average,
    group_renderings,
    link_new_renderings,
    link_new_stories,
    partition,
    rendering_age,
    renderings,
    story_groups,
    story_signature,
)
from pipelines.core.stories import stories as story_module
from pipelines.core.stories.statements import (
    LINK_THRESHOLD,
    is_attribution,
    same_speaker_names,
    score,
)
from pipelines.core.stories.terms import content_terms, words

# ---------------------------------------------------------------- groups


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from([0.5, 0.7, 0.9])),
        max_size=25,
    ),
    st.randoms(use_true_random=False),
)
def test_partition_does_not_depend_on_link_order(raw, rnd):
    members = [f"m{i}" for i in range(10)]
    links = [Link.of(f"m{a}", f"m{b}", s) for a, b, s in raw if a != b]
    # Constraint: members with the same parity class "colour" may not share a group.
    colour = {m: frozenset({("c", int(m[1:]) % 3)}) for m in members}

    def ok(x, y):
        return not (x & y)

    first = partition(members, links, labels=colour.__getitem__, compatible=ok)
    shuffled = list(links)
    rnd.shuffle(shuffled)
    again = partition(list(reversed(members)), shuffled, labels=colour.__getitem__, compatible=ok)
    assert first == again
    for group in first:  # the constraint holds in every group
        labels = [colour[m] for m in group]
        assert len(set(labels)) == len(labels)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from([0.3, 0.5, 0.7, 0.9])),
        max_size=25,
    ),
    st.randoms(use_true_random=False),
)
def test_average_link_groups_do_not_depend_on_link_order_and_stay_coherent(raw, rnd):
    members = [f"m{i}" for i in range(10)]
    links = [Link.of(f"m{a}", f"m{b}", s) for a, b, s in raw if a != b]
    first = cluster_average(members, links, min_average=0.4)
    shuffled = list(links)
    rnd.shuffle(shuffled)
    assert cluster_average(list(reversed(members)), shuffled, min_average=0.4) == first
    best = {}
    for lk in links:  # a repeated pair counts once per link, as the merge sums them
        best[(lk.a, lk.b)] = best.get((lk.a, lk.b), 0.0) + lk.score
    for group in first:  # every group was built from merges averaging >= 0.4
        if len(group) > 1:
            inner = sum(v for (a, b), v in best.items() if a in group and b in group)
            assert inner >= 0.4 * (len(group) - 1)


def test_one_strong_bridge_does_not_chain_two_stories():
    # Two tight stories {a,b,c} and {x,y,z}; c and x are one strong (say, a roundup) pair.
    tight = [("a", "b"), ("a", "c"), ("b", "c"), ("x", "y"), ("x", "z"), ("y", "z")]
    links = [Link.of(p, q, 0.6) for p, q in tight] + [Link.of("c", "x", 0.9)]
    members = list("abcxyz")
    assert partition(members, links) == [list("abcxyz")]  # plain components chain them
    groups = cluster_average(members, links, min_average=0.25)
    # The strongest pair merges first and x then stays with c's story (the average of
    # x's links to it is high enough); y and z are not pulled along.
    assert groups == [list("abcx"), list("yz")]
    # The bridge itself is a story of two while the tight pairs are absent.
    assert cluster_average(list("cx"), links, min_average=0.25) == [["c", "x"]]


def test_ids_stay_when_members_join_and_the_older_id_wins_a_merge():
    age = {"a": (1,), "b": (2,), "c": (3,), "d": (0,), "e": (5,)}.__getitem__
    before = assign_ids([["a", "b"], ["c"]], {}, prefix="g_", age=age)
    # d is older than everything, yet the group it joins keeps its id.
    after = assign_ids([["a", "b", "d"], ["c"]], before, prefix="g_", age=age)
    assert after["a"] == after["d"] == before["a"] and after["c"] == before["c"]
    # Merging {a,b,d} and {c}: the id of the group whose first member is older is kept.
    merged = assign_ids([["a", "b", "c", "d"], ["e"]], after, prefix="g_", age=age)
    assert {merged[m] for m in "abcd"} == {before["a"]}
    assert merged["e"] not in {before["a"], before["c"]}
    # Splitting again: the larger part keeps the id, the smaller gets a fresh one.
    split = assign_ids([["a", "b", "d"], ["c"], ["e"]], merged, prefix="g_", age=age)
    assert split["a"] == before["a"] and split["c"] != before["a"]


# ---------------------------------------------------------------- statements


def _q(article, utterance, text, speaker, kind="direct", part=0, cue=True):
    return StatementQuote(
        quote_id=f"{article}:{utterance}:{part}",
        article_id=article,
        text=text,
        kind=kind,
        speaker_entity_id=speaker,
        utterance_index=utterance,
        part_index=part,
        has_cue=cue,
    )


CORPUS = [
    # Three outlets render the same two Merkel remarks about refugees; one also has a
    # different Merkel remark on the same topic, another a Putin line with the same words.
    _q(
        "A",
        0,
        "We will manage this crisis together, and Europe will not fail the refugees.",
        "merkel",
    ),
    _q(
        "A",
        1,
        "Refugee numbers must come down next year, and we will secure our borders.",
        "merkel",
    ),
    _q(
        "B",
        0,
        "We will manage this crisis together and Europe will not fail the refugees",
        "merkel",
    ),
    _q("B", 1, "the numbers of refugees must come down next year", "merkel", kind="partial"),
    _q(
        "B", 2, "Europe will not fail the refugees and we will manage this crisis together", "putin"
    ),
    _q("C", 0, "We will manage this crisis together,", "merkel", part=0),
    _q("C", 0, "Europe will not fail the refugees.", "merkel", part=1),
    _q("C", 1, "Europe must protect refugees fleeing the war, and we will manage it.", "merkel"),
    # D renders A's second remark loosely (score 0.77) and names nobody.
    _q(
        "D",
        0,
        "We will secure our borders and refugee numbers must come down, the ports and coasts too.",
        None,
    ),
]
STORY_NEIGHBOURS = {"A": {"D"}, "D": {"A"}}


def _run(order, corpus=CORPUS):
    """Insert articles one at a time in ``order``; return the partition as quote ids."""
    index = StatementIndex()
    links: list[Link] = []
    by_article = {}
    for r in renderings(corpus):
        by_article.setdefault(r.article_id, []).append(r)
    for article in order:
        new_links, index = link_new_renderings(
            {article: by_article.get(article, [])},
            index,
            lambda a: STORY_NEIGHBOURS.get(a, set()),
        )
        links += new_links
    items = [r for a in sorted(by_article) for r in index.article(a)]
    by_id = {r.rendering_id: r for r in items}
    groups = group_renderings(items, links)
    return (
        sorted(sorted(q for rid in g for q in by_id[rid].quote_ids) for g in groups),
        items,
        groups,
        links,
    )


def test_statement_groups_follow_the_rules():
    groups, *_ = _run("ABCD")
    find = {q: tuple(g) for g in groups for q in g}
    # Exact repeat, paraphrase and split rendering of one remark: one statement.
    assert find["A:0:0"] == ("A:0:0", "B:0:0", "C:0:0", "C:0:1")
    # Same words by another speaker: never merged.
    assert find["B:2:0"] == ("B:2:0",)
    # A different remark by the same speaker on the same topic stays apart.
    assert find["C:1:0"] == ("C:1:0",)
    # The unattributed rendering joins the statement in an article of the same story;
    # the trimmed partial joins too.
    assert find["A:1:0"] == ("A:1:0", "B:1:0", "D:0:0")


def test_unattributed_quotes_need_the_same_story():
    global STORY_NEIGHBOURS
    saved, STORY_NEIGHBOURS = STORY_NEIGHBOURS, {}
    try:
        groups, *_ = _run("ABCD")
    finally:
        STORY_NEIGHBOURS = saved
    assert ["D:0:0"] in groups


def test_an_unattributed_rendering_in_another_story_needs_close_words():
    # Stories miss follow-ups: an unattributed rendering whose words agree closely with a
    # firm speaker's joins across stories; a loose one (D above) needs the same story,
    # and one carried over to another speaker never joins across stories.
    global STORY_NEIGHBOURS
    line = "Refugee numbers must come down next year, and we will secure our borders."
    corpus = [
        _q("A", 0, line, "merkel"),
        _q("E", 0, line, None),
        _q("F", 0, line, "seehofer", cue=False),
    ]
    saved, STORY_NEIGHBOURS = STORY_NEIGHBOURS, {}
    try:
        groups, *_ = _run("AEF", corpus)
    finally:
        STORY_NEIGHBOURS = saved
    assert ["A:0:0", "E:0:0"] in groups and ["F:0:0"] in groups


def test_any_insertion_order_gives_the_same_statements():
    reference, *_ = _run("ABCD")
    for order in itertools.permutations("ABCD"):
        assert _run(order)[0] == reference, order


def test_a_new_article_keeps_existing_statement_ids():
    _, items, groups, _ = _run("ABC")
    dates = {a: dt.date(2016, 5, i + 1) for i, a in enumerate("ABCDE")}
    ids = assign_ids(groups, {}, prefix="stm_", age=rendering_age(items, dates))
    extra = [
        *CORPUS,
        _q(
            "E",
            0,
            "we will manage this crisis together, Europe will not fail",
            "merkel",
            kind="partial",
        ),
    ]
    _, items2, groups2, _ = _run("ABCDE", extra)
    ids2 = assign_ids(groups2, ids, prefix="stm_", age=rendering_age(items2, dates))
    assert all(ids2[r] == gid for r, gid in ids.items())
    e = next(r.rendering_id for r in items2 if r.article_id == "E")
    a0 = next(r.rendering_id for r in items2 if r.article_id == "A" and r.utterance_index == 0)
    assert ids2[e] == ids[a0]


def test_one_rendering_per_article_even_through_a_chain():
    # X's single quote matches both of Y's remarks; Z bridges them. Y's two utterances
    # must never end up in one statement.
    corpus = [
        _q("X", 0, "taxes will fall for families and small firms across the country", "s"),
        _q("Y", 0, "taxes will fall for families across the country", "s"),
        _q("Y", 1, "taxes will fall for small firms across the country", "s"),
        _q("Z", 0, "taxes will fall for families and small firms", "s"),
    ]
    groups, _, _, links = _run("XYZ", corpus)
    assert links, "the pairs do link"
    for g in groups:
        utterances = {q.rsplit(":", 1)[0] for q in g}  # article:utterance
        articles = [u.split(":")[0] for u in utterances]
        assert len(set(articles)) == len(articles), g


def test_short_and_empty_quotes_stay_alone():
    corpus = [_q("A", 0, "grave", "x", kind="partial"), _q("B", 0, "grave", "x", kind="partial")]
    groups, *_ = _run("AB", corpus)
    assert groups == [["A:0:0"], ["B:0:0"]]


@pytest.mark.parametrize(
    "text", ["Thursday's vote", "Thursday’s vote", "today's vote", "Thursday vote"]
)
def test_a_story_stop_words_possessive_is_no_story_term(text):
    # The stop check once ran before the possessive was stripped: "Thursday's" became a rare
    # term that two unrelated articles of one week shared.
    assert content_terms(text, for_stories=True) == content_terms("vote", for_stories=True)


def test_a_possessive_of_a_content_word_stays_a_term():
    assert content_terms("Acme's vote", for_stories=True) != content_terms("vote", for_stories=True)
    # Statements keep their own stop list: the story rule does not reach them.
    assert len(content_terms("Thursday's vote")) == 2


def test_content_terms_fold_synonyms_and_inflections():
    assert content_terms("close coordination is crucial") == content_terms(
        "close cooperation is important"
    )
    assert content_terms("relations") == content_terms("relationship")
    assert "not" in content_terms("we will not go")


# ---------------------------------------------------------------- stories


def _article(aid, title, body, day, outlet, entities=()):
    mentions = tuple(StoryMention(e, "PERSON", 0) for e in entities)
    date = dt.date(2016, 3, day) if day else None
    return StoryArticle(aid, title, body, date, outlet, mentions)


SUMMIT = (
    "Leaders of China and Japan met at a summit in Beijing to discuss the disputed islands, "
    "trade tariffs and a new maritime hotline between their navies."
)
ARTICLES = [
    _article("s1", "China and Japan leaders meet in Beijing", SUMMIT, 3, "A", ["xi", "abe"]),
    _article(
        "s2",
        "Beijing summit: Japan, China discuss islands and hotline",
        "Japan and China discussed a maritime hotline for their navies and the disputed "
        "islands at a Beijing summit of their leaders, with trade tariffs also on the table.",
        4,
        "B",
        ["abe", "xi"],
    ),
    _article("s3", "China and Japan leaders meet in Beijing", SUMMIT, 25, "C", ["xi", "abe"]),
    _article(
        "o1",
        "Football: Arsenal beat Chelsea",
        "Arsenal beat Chelsea two goals to one at the Emirates stadium on Saturday evening.",
        3,
        "A",
        ["wenger"],
    ),
]


def _stories(order):
    index = StoryIndex()
    links = []
    for aid in order:
        art = next(a for a in ARTICLES if a.article_id == aid)
        new, index = link_new_stories([story_signature(art)], index)
        links += new
    return story_groups([a.article_id for a in ARTICLES], links)


def test_rare_shared_words_weigh_more_than_common_ones():
    def sig(aid, title, body):
        return story_signature(StoryArticle(aid, title, body, None, None))

    base = sig("a", "Glazer bid for Manchester United", "Malcolm Glazer renewed his takeover bid.")
    rare = sig("b", "Glazer takeover", "Shareholders weigh the Glazer takeover bid for the club.")
    common = sig("c", "President says government will act", "The president said the government")
    index = StoryIndex([base, rare, common])
    assert index.cosine("a", "b") > 0.5 > index.cosine("a", "c")
    assert "glazer" in base.key_terms() and "presid" not in base.key_terms() | common.key_terms()


def _crowd(n_days: int, per_day: int) -> list[StoryArticle]:
    """``per_day`` articles a day on one running topic: every article shares its key terms."""
    return [
        StoryArticle(
            f"d{day:04d}-{i:03d}",
            f"Zanzibar ferry inquiry hears from harbour pilot {i}",
            "The Zanzibar ferry inquiry heard from the harbour pilot about the capsized vessel, "
            "lifejackets and the coastguard's response.",
            dt.date(2010, 1, 1) + dt.timedelta(days=day),
            "A",
        )
        for day in range(n_days)
        for i in range(per_day)
    ]


@pytest.mark.parametrize("dated", [True, False])
def test_a_new_articles_work_does_not_grow_with_the_corpus(dated):
    def work_of_one_more(n_days: int) -> tuple[int, int]:
        arts = _crowd(n_days, 3)
        if not dated:
            arts = [StoryArticle(a.article_id, a.title, a.body, None, a.outlet) for a in arts]
        _, index = link_new_stories([story_signature(a) for a in arts[:-1]], StoryIndex())
        before = (index.work.postings_read, index.work.candidates)
        link_new_stories([story_signature(arts[-1])], index)
        return index.work.postings_read - before[0], index.work.candidates - before[1]

    small, large = work_of_one_more(20), work_of_one_more(200)  # 60 vs 600 articles
    assert small[0] > 0 and small[1] > 0  # the small corpus is really searched
    if dated:  # the date window bounds it: the same few days are read at both sizes
        assert large == small
    else:  # the posting cap bounds it: common terms are skipped once too common
        assert large[0] <= small[0] + story_module.MAX_POSTINGS and large[0] < 600
    bound = len(story_signature(_crowd(1, 1)[0]).key_terms()) * story_module.MAX_POSTINGS
    assert large[0] <= bound


def test_a_shared_person_counts_as_a_key_term_for_candidates():
    # Two outlets on one person's row of the week: one names him, the other calls him
    # "the retired surgeon"; the recogniser resolved both to one canonical id. As words they
    # share two rare ones, below MIN_SHARED_KEYS, so they were never compared. The same
    # person in another happening that week shares nothing else: still apart.
    memoir = _article(
        "m1",
        "Okonjo answers questions about his memoir",
        "Tunde Okonjo answered reporters about details in his memoir, including a scholarship "
        "he said a naval academy had offered him.",
        6,
        "A",
        ["okonjo", "naval-academy"],
    )
    critics = _article(
        "m2",
        "Candidate defends his memoir",
        "The retired surgeon called the scrutiny of his memoir and his scholarship claim unfair.",
        7,
        "B",
        ["okonjo", "network"],
    )
    rally = _article(
        "m3",
        "Candidate draws crowds at a farm-town rally",
        "The former doctor spoke for an hour on farm subsidies and ethanol to a crowd of growers.",
        7,
        "C",
        ["okonjo", "farm-bureau"],
    )
    sigs = {a.article_id: story_signature(a) for a in (memoir, critics, rally)}
    words = {k: {t for t in s.key_terms() if not t.startswith("@")} for k, s in sigs.items()}
    assert len(words["m1"] & words["m2"]) < story_module.MIN_SHARED_KEYS
    assert "@okonjo" in sigs["m1"].key_terms() & sigs["m3"].key_terms()
    links, _ = link_new_stories(list(sigs.values()), StoryIndex())
    assert story_groups(sigs, links) == [["m1", "m2"], ["m3"]]


def test_same_happening_links_and_far_dates_or_other_topics_do_not():
    assert _stories(["s1", "s2", "s3", "o1"]) == [["o1"], ["s1", "s2"], ["s3"]]


@pytest.mark.parametrize("seed", range(5))
def test_story_partition_is_order_free(seed):
    order = ["s1", "s2", "s3", "o1"]
    random.Random(seed).shuffle(order)
    assert _stories(order) == [["o1"], ["s1", "s2"], ["s3"]]


def _named(article, text, speaker, name):
    return StatementQuote(
        f"{article}:0:0", article, text, "direct", speaker, 0, 0, True, speaker_name=name
    )


def test_a_bare_surname_is_the_same_speaker_but_two_full_names_are_not():
    # Long enough to link across stories (a short stock line would not).
    line = "We are going to build the wall on the border and they will pay for every mile"
    corpus = [
        _named("A", line, "ent_dt", "Donald Trump"),
        _named("B", line, "ent_t", "Trump"),
        _named("C", line, "ent_dtjr", "Donald Trump Jr."),
    ]
    groups, *_ = _run("ABC", corpus)
    assert ["A:0:0", "B:0:0"] in groups and ["C:0:0"] in groups
    # A bare "Clinton" may match Hillary or Bill, but never joins both into one statement.
    corpus = [
        _named("A", line, "ent_hc", "Hillary Clinton"),
        _named("B", line, "ent_c", "Clinton"),
        _named("C", line, "ent_bc", "Bill Clinton"),
    ]
    groups, *_ = _run("ABC", corpus)
    assert not any({"A:0:0", "C:0:0"} <= set(g) for g in groups)


def test_an_utterance_given_to_two_cue_tied_speakers_splits_by_speaker():
    # The extractor continued one quotation across a paragraph and tied its second part
    # to someone else: the parts of different people never share a statement, the parts
    # of one person (a bare surname and the full name) and the cue-less part stay together.
    def part(n, text, speaker, name, cue=True):
        return StatementQuote(
            f"A:0:{n}", "A", text, "direct", speaker, 0, n, cue, speaker_name=name
        )

    corpus = [
        part(0, "Our plans for the schools budget are costed line by line", "ent_k", "Kennedy"),
        part(1, "and every pound of it is accounted for in the document", None, None, cue=False),
        part(2, "The chancellor's stealth taxes have broken trust", "ent_b", "Gordon Brown"),
        part(3, "We publish the figures today", "ent_ck", "Charles Kennedy"),
    ]
    items = renderings(corpus)
    by_speaker = {r.speaker_entity_id: r for r in items}
    assert sorted(by_speaker) == ["ent_b", "ent_k"]
    assert by_speaker["ent_k"].quote_ids == ("A:0:0", "A:0:1", "A:0:3")
    assert by_speaker["ent_b"].quote_ids == ("A:0:2",)
    assert all(r.firm and r.utterance_index == 0 for r in items)
    # A cue-tied speaker wins over a speaker carried over to an earlier, cue-less part.
    corpus = [
        part(0, "The line everyone repeats", "ent_x", "Someone Else", cue=False),
        part(1, "and the rest of it", "ent_k", "Kennedy"),
    ]
    (only,) = renderings(corpus)
    assert only.speaker_entity_id == "ent_k" and only.quote_ids == ("A:0:0", "A:0:1")
    # One speaker throughout: one rendering, as before.
    corpus = [part(0, "first half", "ent_k", "Kennedy"), part(1, "second", "ent_k", "Kennedy")]
    assert [r.quote_ids for r in renderings(corpus)] == [("A:0:0", "A:0:1")]


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("Donald J. Trump", "Donald Trump", True),  # a middle initial
        ("H. Clinton", "Hillary Rodham Clinton", True),  # an initial, a missing middle name
        ("Felipe Calderón", "Felipe Calderon", True),  # accents folded
        ("James P. Kennedy Jr.", "James Kennedy Jr.", True),
        ("Kennedy", "James Kennedy", True),  # a bare family name
        ("Hillary Clinton", "Bill Clinton", False),
        ("Donald Trump Jr.", "Donald Trump", False),  # the suffix is part of the family name
        ("Donald Trump Jr.", "Trump", False),
        ("J. Smith", "K. Smith", False),
        ("Mark Smith", "Mike Smith", False),
        ("Sadiq Khan", "Imran Khan", False),
        ("Damian Hockney", "Damien Hockney", True),  # one vowel spelt differently
        ("Maria Lopez", "Mario Lopez", False),  # a changed last letter: another person
        ("Mark Smith", "Mary Smith", False),  # short names: too many real pairs
        ("Daniel Ortega", "Daniil Ortega", True),
        ("Andrea Costa", "Andrew Costa", False),  # a consonant differs
    ],
)
def test_speaker_names_match_by_family_name_and_compatible_given_names(x, y, same):
    key = lambda name: tuple(words(name))  # noqa: E731
    assert same_speaker_names(key(x), key(y)) is same
    assert same_speaker_names(key(y), key(x)) is same


def _at(article, utterance, text, speaker, start, cue=True, name=None):
    return StatementQuote(
        f"{article}:{utterance}:0",
        article,
        text,
        "direct",
        speaker,
        utterance,
        0,
        cue,
        speaker_name=name,
        start=start,
        end=start + len(text),
    )


def test_an_uncued_quote_carrying_the_speaker_over_continues_the_passage():
    first = "The border will stay open to trade, whatever the tariff row brings"
    second = "and our farmers will not pay for a quarrel they did not start"
    corpus = [
        # "…,” Calderón said. “…” : one passage, one rendering.
        _at("A", 0, first, "ent_c", 100),
        _at("A", 1, second, "ent_c", 100 + len(first) + 20, cue=False),
        # Far away in the article, or with a cue of its own, or another speaker: apart.
        _at("A", 2, "We will look at the figures again next spring", "ent_c", 2000, cue=False),
        _at("A", 3, "We have answered every question put to us", "ent_c", 2060),
        _at("A", 4, "Nobody here is asking for a quarrel", "ent_o", 2120, cue=False),
        # Another outlet carries only the second sentence: it joins the whole passage.
        _at("B", 0, second, "ent_c2", 50, name="Felipe Calderon"),
    ]
    corpus = [
        q if q.article_id == "B" else StatementQuote(**{**_fields(q), "speaker_name": "Calderón"})
        for q in corpus
    ]
    items = renderings(corpus)
    joined = [r.quote_ids for r in items if r.article_id == "A"]
    assert joined == [("A:0:0", "A:1:0"), ("A:2:0",), ("A:3:0",), ("A:4:0",)]
    groups, *_ = _run("AB", corpus)
    assert ["A:0:0", "A:1:0", "B:0:0"] in groups


def _fields(q):
    return {f: getattr(q, f) for f in StatementQuote.__slots__}


def test_a_short_stock_line_links_only_within_one_story():
    # One speaker's short line said again on another occasion (two stories) is another
    # statement; within one story the same words are one; a long remark links anyway.
    global STORY_NEIGHBOURS
    corpus = [
        _q("P", 0, "We have come a long way this year,", "ames"),
        _q("Q", 0, "We have come a pretty long way this year,", "ames"),
        _q(
            "P",
            1,
            "The harbour tunnel will open in spring and tolls will be scrapped for locals",
            "ames",
        ),
        _q("Q", 1, "the harbour tunnel will open in spring", "ames", kind="partial"),
    ]
    saved = STORY_NEIGHBOURS
    try:
        STORY_NEIGHBOURS = {}
        apart, *_ = _run("PQ", corpus)
        STORY_NEIGHBOURS = {"P": {"Q"}, "Q": {"P"}}
        together, *_ = _run("PQ", corpus)
    finally:
        STORY_NEIGHBOURS = saved
    assert ["P:0:0"] in apart and ["Q:0:0"] in apart
    assert ["P:1:0", "Q:1:0"] in apart  # a fragment of a long remark still links
    assert ["P:0:0", "Q:0:0"] in together


def test_two_unattributed_renderings_link_only_within_one_story():
    # "The board can confirm…" given to nobody in two articles of one story: one statement.
    global STORY_NEIGHBOURS
    corpus = [
        _q("G", 0, "The board confirms it has received a written offer from the consortium", None),
        _q(
            "H",
            0,
            "the board confirms it has now received a written offer from the consortium",
            None,
        ),
    ]
    saved = STORY_NEIGHBOURS
    try:
        STORY_NEIGHBOURS = {"G": {"H"}, "H": {"G"}}
        together, *_ = _run("GH", corpus)
        STORY_NEIGHBOURS = {}
        apart, *_ = _run("GH", corpus)
    finally:
        STORY_NEIGHBOURS = saved
    assert together == [["G:0:0", "H:0:0"]]
    assert apart == [["G:0:0"], ["H:0:0"]]


def test_a_short_stock_line_on_another_day_of_one_story_stays_apart():
    # A campaign thread is one story over days; the same short line at two rallies four
    # days apart is two statements, reports of one rally a day apart are one.
    corpus = [
        _q("P", 0, "We have come a long way this year,", "ames"),
        _q("Q", 0, "We have come a pretty long way this year,", "ames"),
    ]
    items = renderings(corpus)
    by_article = {r.article_id: [r] for r in items}
    neighbours = {"P": {"Q"}, "Q": {"P"}}

    def groups(days: int) -> list[list[str]]:
        dates = {"P": dt.date(2016, 2, 3), "Q": dt.date(2016, 2, 3 + days)}
        links, _ = link_new_renderings(by_article, StatementIndex(), lambda a: neighbours[a], dates)
        return group_renderings(items, links)

    assert len(groups(1)) == 1
    assert len(groups(4)) == 2


@pytest.mark.parametrize(
    ("gap", "attribution"),
    [
        ("” Ames said in an interview with the Gazette last week. “", True),
        ("” Ames said in a statement. Ames added, “", True),
        ("”\n\nAmes told reporters on Monday:\n\n“", True),
        ("” she said. She also wished reporters a fun weekend. “", False),
        ("” Ames said. The council voted against the plan on Tuesday, 7 to 2. “", False),
        ("” “", False),  # nothing between them: no attribution to tell
    ],
)
def test_an_attribution_is_told_from_narration(gap, attribution):
    assert is_attribution(gap) is attribution


def _passage_article(article, pieces, speaker="ames"):
    """Full quotes of one speaker in ``article`` joined by the given gaps (None: no gap)."""
    quotes, pos, previous_end = [], 0, None
    for n, (gap, text) in enumerate(pieces):
        pos += len(gap)
        preceding = gap if previous_end is not None else None
        quotes.append(
            StatementQuote(
                f"{article}:{n}:0",
                article,
                text,
                "direct",
                speaker,
                n,
                0,
                True,
                "Jo Ames",
                pos,
                pos + len(text),
                preceding,
            )
        )
        pos += len(text)
        previous_end = pos
    return quotes


def test_parts_of_a_passage_join_one_statement_through_a_whole_rendering():
    first = "The harbour tunnel will open in spring after four years of digging,"
    second = (
        "and the bridge tolls will be scrapped next year for every family living in the old town."
    )
    split = _passage_article("A", [("", first), ("” Ames said in an interview. “", second)])
    whole = _passage_article("B", [("", first + " " + second)])
    narrated = _passage_article(
        "C", [("", first), ("” Ames said. She also cut a ribbon at the site. “", second)]
    )
    items = renderings([*split, *whole])
    a0, a1 = (r for r in items if r.article_id == "A")
    assert a0.passage == a1.passage
    c0, c1 = renderings(narrated)
    assert c0.passage != c1.passage  # a sentence of narration ends the passage
    by_article = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    links, _ = link_new_renderings(by_article, StatementIndex(), lambda _a: set())
    groups = group_renderings(items, links)
    assert len(groups) == 1 and len(groups[0]) == 3


def _passage_groups(*articles):
    items = renderings([q for a in articles for q in a])
    by_article = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    links, _ = link_new_renderings(by_article, StatementIndex(), lambda _a: set())
    ids = {r.rendering_id: r.quote_ids[0] for r in items}
    return sorted(sorted(ids[x] for x in g) for g in group_renderings(items, links))


def test_a_whole_rendering_cut_short_still_takes_the_second_part():
    # Another outlet's cut stops a few words before the passage does: it still carries
    # the second part as quoted (its longest unbroken run covers most of the part).
    first = "The harbour tunnel will open in spring after four years of digging,"
    second = (
        "and the bridge tolls will be scrapped next year for every family living in the old town."
    )
    split = _passage_article("A", [("", first), ("” Ames said in an interview. “", second)])
    cut = _passage_article(
        "B",
        [
            (
                "",
                first
                + " and the bridge tolls will be scrapped next year for every family living in the old",
            )
        ],
    )
    assert _passage_groups(split, cut) == [["A:0:0", "A:1:0", "B:0:0"]]


def test_a_rendering_rewording_the_second_part_takes_only_the_first():
    # The seeds' case (Yonhap's release pieces, the Diplomacy Journal's summary of both):
    # a rendering holding the first part word for word and every word of the second,
    # reworded and reordered, carries the first remark only. The reworded pair scores
    # above its threshold: the rule, not the score, keeps it apart.
    first = "The harbour tunnel will open in spring after four years of digging,"
    second = (
        "and the bridge tolls will be scrapped next year for every family living in the old town."
    )
    reworded = (
        "every family in the old town will see tolls on the bridge scrapped, living free of "
        "them from next year."
    )
    # A written text, as the seeds' release is: its pieces are separate statements (the
    # pieces of a spoken passage join one, see ``test_statement_utterances.py``).
    split = _passage_article("A", [("", first), ("” Ames said in a statement. “", second)])
    summary = _passage_article("B", [("", f"{first} {reworded}")])
    items = renderings([*split, *summary])
    a1 = next(r for r in items if r.quote_ids == ("A:1:0",))
    b = next(r for r in items if r.article_id == "B")
    assert a1.term_set <= b.term_set and score(a1, b) >= LINK_THRESHOLD
    assert _passage_groups(split, summary) == [["A:0:0", "B:0:0"], ["A:1:0"]]


def test_two_outlets_carrying_the_parts_separately_keep_two_statements():
    # The seeds' case: "…,” Yoon said. “…” in one outlet, the same two remarks as two
    # quotes in another: two statements, not one.
    first = "The harbour tunnel will open in spring after four years of digging,"
    second = (
        "and the bridge tolls will be scrapped next year for every family living in the old town."
    )
    split = _passage_article("A", [("", first), ("” Ames said in an interview. “", second)])
    other = _passage_article(
        "B", [("", first), ("” The mayor paused, then turned to the tolls. “", second)]
    )
    items = renderings([*split, *other])
    by_article = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    links, _ = link_new_renderings(by_article, StatementIndex(), lambda _a: set())
    groups = group_renderings(items, links)
    ids = {r.rendering_id: r.quote_ids[0] for r in items}
    assert sorted(sorted(ids[x] for x in g) for g in groups) == [
        ["A:0:0", "B:0:0"],
        ["A:1:0", "B:1:0"],
    ]
