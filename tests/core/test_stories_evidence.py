"""Story evidence beyond topic words: quoted remarks, follow-ups, best-fitting groups."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from pipelines.core.stories import (
    Link,
    StoryArticle,
    StoryIndex,
    cluster_average,
    link_new_stories,
    story_groups,
    story_signature,
)
from pipelines.core.stories import stories as story_module
from pipelines.core.stories.stories import carries_remark, quote_keys

# A minister's remark on a (made-up) dam collapse, as two outlets quote it.
REMARK = (
    "The Kariba spillway failed because the sluice inspections were postponed twice, and "
    "the contractor's engineers warned the ministry in writing"
)
REMARK_TRIMMED = (
    "the sluice inspections were postponed twice, and the contractor's engineers warned "
    "the ministry"
)
OTHER_REMARK = "Compensation for the flooded villages will be paid before the rains return"
SLOGAN = "We are going to make this country great again, believe me"


def _day(n: int) -> dt.date:
    return dt.date(2019, 4, 1) + dt.timedelta(days=n)


def _article(aid, title, body, day, quotes=(), outlet="A"):
    return StoryArticle(
        aid, title, body, _day(day) if day is not None else None, outlet, (), quotes
    )


DAM_BODY = (
    "Rescue teams searched the flooded valley below the Kariba spillway as the inquiry into "
    "the dam collapse opened; engineers blamed postponed sluice inspections."
)
# A week later: the inquiry's report, which quotes the minister's remark again.
REPORT_BODY = (
    "The Kariba inquiry published its report into the dam collapse, blaming the postponed "
    "sluice inspections and the ministry's response to the engineers' warnings."
)


def test_one_remark_quoted_by_two_outlets_is_shared_evidence():
    a = story_signature(_article("a", "Dam collapse", DAM_BODY, 0, (REMARK,)))
    b = story_signature(_article("b", "Minister speaks", "Text.", 1, (REMARK_TRIMMED,), "B"))
    other = story_signature(_article("c", "Minister speaks", "Text.", 1, (OTHER_REMARK,), "B"))
    assert carries_remark(a, b) and carries_remark(b, a)
    assert not carries_remark(a, other)
    # Quote keys are key terms: the two articles are compared even when the lead words
    # they share are too few.
    assert set(a.quote_keys) <= a.key_terms()


def test_a_remark_of_everyday_words_is_no_evidence():
    # A slogan is said by many people about many things: it names no one remark.
    assert quote_keys([SLOGAN]) == ()
    a = story_signature(_article("a", "Rally in Ohio", "Text.", 0, (SLOGAN,)))
    b = story_signature(_article("b", "Rally in Iowa", "Text.", 0, (SLOGAN,)))
    assert not carries_remark(a, b)


def test_quote_keys_are_bounded_and_independent_of_quote_order():
    many = [f"{REMARK} near kilometre {n} of the Zambezi gorge" for n in range(60)]
    keys = quote_keys(many)
    assert len(keys) == story_module.MAX_QUOTE_KEYS
    assert quote_keys(list(reversed(many))) == keys == tuple(sorted(keys))


def _linked(*articles: StoryArticle) -> set[tuple[str, str]]:
    links, _ = link_new_stories([story_signature(a) for a in articles], StoryIndex())
    return {(lk.a, lk.b) for lk in links}


@pytest.mark.parametrize(
    ("days_later", "quotes", "linked"),
    [
        (2, (), True),  # inside the window: topic words suffice, as before
        (7, (REMARK_TRIMMED,), True),  # a follow-up carrying the remark
        (7, (), False),  # the same topic words a week on: another happening may be
        (7, (OTHER_REMARK,), False),  # another remark of the same minister
        (story_module.FOLLOWUP_DAYS + 5, (REMARK_TRIMMED,), False),  # the remark recalled later
    ],
)
def test_a_follow_up_beyond_the_window_needs_a_shared_remark(days_later, quotes, linked):
    first = _article("a", "Kariba dam collapse inquiry opens", DAM_BODY, 0, (REMARK,))
    later = _article(
        "b", "Kariba dam inquiry report blames inspections", REPORT_BODY, days_later, quotes, "B"
    )
    assert (("a", "b") in _linked(first, later)) is linked


def test_a_shared_remark_raises_the_score_and_nothing_else_does():
    first = story_signature(_article("a", "Kariba dam collapse", DAM_BODY, 0, (REMARK,)))
    with_remark = story_signature(_article("b", "Kariba", REPORT_BODY, 1, (REMARK_TRIMMED,)))
    without = story_signature(_article("c", "Kariba", REPORT_BODY, 1, (OTHER_REMARK,)))
    index = StoryIndex([first, with_remark, without])
    plain, carried = index.score(first, [without, with_remark])
    assert carried == pytest.approx(plain + story_module.QUOTE_BONUS)


def test_a_member_joins_the_group_it_fits_best_not_its_strongest_link():
    # m's strongest single link leads to a; but a's group {a, b} shares nothing else with
    # it, while both members of {c, d} link to it. Merging along the strongest link first
    # (the previous rule) put m with a; the best-averaging pair first puts it with c and d.
    links = [
        Link.of("a", "b", 0.9),
        Link.of("c", "d", 0.8),
        Link.of("m", "a", 0.7),
        Link.of("m", "c", 0.6),
        Link.of("m", "d", 0.6),
    ]
    assert cluster_average("abcdm", links, min_average=0.25) == [["a", "b"], ["c", "d", "m"]]


@pytest.mark.parametrize("seed", range(4))
def test_groups_with_remark_evidence_do_not_depend_on_arrival_order(seed):
    arts = [
        _article("a", "Kariba dam collapse inquiry opens", DAM_BODY, 0, (REMARK,)),
        _article("b", "Kariba dam inquiry report blames inspections", REPORT_BODY, 7, (REMARK,)),
        _article("c", "Kariba dam inquiry report", REPORT_BODY, 8, (OTHER_REMARK,), "C"),
        _article("d", "Football: Arsenal beat Chelsea", "Arsenal beat Chelsea.", 7, (), "D"),
    ]

    def groups(order):
        index, links = StoryIndex(), []
        for art in order:
            new, index = link_new_stories([story_signature(art)], index)
            links += new
        return story_groups([a.article_id for a in arts], links)

    expected = groups(arts)
    assert expected == [["a", "b", "c"], ["d"]]  # c joins through b, a day apart
    shuffled = list(arts)
    random.Random(seed).shuffle(shuffled)
    assert groups(shuffled) == expected


def test_a_new_articles_quote_key_reads_do_not_grow_with_the_corpus():
    def crowd(n_days: int) -> list[StoryArticle]:
        # Three articles a day quoting one running remark: its keys are read over the
        # follow-up window only, and at most MAX_POSTINGS of them.
        return [
            _article(f"d{day:04d}-{i}", "Kariba dam collapse inquiry", DAM_BODY, day, (REMARK,))
            for day in range(n_days)
            for i in range(3)
        ]

    def work_of_one_more(n_days: int) -> tuple[int, int]:
        arts = crowd(n_days)
        _, index = link_new_stories([story_signature(a) for a in arts[:-1]], StoryIndex())
        before = (index.work.postings_read, index.work.candidates)
        link_new_stories([story_signature(arts[-1])], index)
        return index.work.postings_read - before[0], index.work.candidates - before[1]

    small, large = work_of_one_more(30), work_of_one_more(300)  # 90 vs 900 articles
    assert small[0] > 0 and large == small
    sig = story_signature(crowd(1)[0])
    assert large[0] <= len(sig.key_terms()) * story_module.MAX_POSTINGS


# The lead's first words: what the article says happened. Two reports of one (made-up)
# election night told from different angles further down, and a look-alike of the same
# candidates two days later.
NIGHT_A = (
    "Anna Walker won the Tavira primary on Tuesday, beating Tom Harris by nine "
    "points as turnout in the northern valleys broke records and the count finished "
    "before midnight in every district except the two mountain precincts. "
    "Her campaign now turns to fundraising, union endorsements, television advertising and "
    "the debates scheduled for the autumn, where her health plan and tax pledges will face "
    "scrutiny from rivals, editorial boards and independent economists alike."
)
NIGHT_B = (
    "Anna Walker won Tavira's primary Tuesday night, defeating Tom Harris by "
    "nine points on record turnout in the northern valleys, with every district counted "
    "before midnight but two mountain precincts. "
    "Harris's aides said he would stay in the race, pointing to delegates in coastal "
    "counties, volunteers in the cities and a cash reserve kept for a long contest."
)
LOOKALIKE = (
    "Tom Harris accused Anna Walker of misleading voters about her health plan "
    "at a rally in the capital on Thursday, telling supporters in the old cathedral square "
    "that hospital waiting lists would double, days before the coastal counties vote. "
    "Her campaign now turns to fundraising, union endorsements, television advertising and "
    "the debates scheduled for the autumn, where her health plan and tax pledges will face "
    "scrutiny from rivals, editorial boards and independent economists alike."
)


def test_two_reports_opening_on_one_happening_link_more_strongly(monkeypatch):
    a = story_signature(_article("a", "Walker wins", NIGHT_A, 0))
    b = story_signature(_article("b", "Tavira result", NIGHT_B, 1, outlet="B"))
    assert a.head_terms() and a.head_terms() == a.terms[2 * a.title_terms :][:20]
    index = StoryIndex([a, b])
    with_head = index.score(a, [b])[0]
    monkeypatch.setattr(story_module, "HEAD_WEIGHT", 0.0)
    without = index.score(a, [b])[0]
    # Their leads open on the same night: the head cosine is high and adds to the link.
    assert index.cosine("a", "b", head=True) > 0.5
    assert with_head > without + 0.1


def test_a_look_alike_opening_on_another_happening_gets_little_from_the_lead():
    # The same candidates two days later, and the same boilerplate further down: its lead
    # opens on another happening, so the head adds far less than for the night's reports.
    a = story_signature(_article("a", "Walker wins", NIGHT_A, 0))
    b = story_signature(_article("b", "Tavira result", NIGHT_B, 1, outlet="B"))
    c = story_signature(_article("c", "Harris attacks", LOOKALIKE, 2, outlet="B"))
    index = StoryIndex([a, b, c])
    assert index.cosine("a", "c", head=True) < index.cosine("a", "b", head=True) - 0.3
    # The look-alike shares the later boilerplate word for word: the whole-lead cosine
    # alone ranks it above the night's other report; with the head it ranks below.
    assert index.cosine("a", "c") > index.cosine("a", "b")
    assert index.score(a, [c])[0] < index.score(a, [b])[0]


def test_the_lead_head_skips_the_title_and_a_repeated_headline():
    # Some sources repeat the headline as the body's first line: the head starts after it.
    sig = story_signature(_article("a", "Walker wins", "Walker wins\n" + NIGHT_A, 0))
    assert sig.head_terms()[0] == "anna"
    assert story_signature(_article("b", None, NIGHT_A, 0)).title_terms == 0


# Two undated reports of one (made-up) court ruling, and an undated look-alike: the bill
# that answered the ruling, which recalls it in its last sentence.
RULING_A = (
    "The supreme court ruled that holding the Varna harbour pilots without trial breaks the "
    "maritime charter, a blow to the transport ministry. Seven judges backed the pilots' "
    "appeal; the ministry said the pilots would stay under guard while it studied the "
    "judgement."
)
RULING_B = (
    "Seven supreme court judges have backed the appeal of the Varna harbour pilots held "
    "without trial, ruling their detention breaks the maritime charter. The transport "
    "ministry said it would study the judgement before any pilot is freed."
)
CURFEW_BILL = (
    "Parliament opened its debate on the curfew bill, which lets the transport minister order "
    "electronic tags and night curfews for suspects; opposition deputies and two "
    "governing-party rebels say only judges should impose them. The bill follows the court's "
    "ruling on the Varna harbour pilots."
)


def _ruling_and_bill(days):
    return [
        story_signature(_article("a", "Court frees Varna pilots", RULING_A, days[0])),
        story_signature(_article("b", "Pilots win appeal", RULING_B, days[1], outlet="B")),
        story_signature(_article("c", "Ministry tables pilot curfew bill", CURFEW_BILL, days[2])),
    ]


def test_two_undated_articles_need_stronger_words_than_a_dated_pair():
    undated = StoryIndex(_ruling_and_bill((None, None, None)))
    dated = StoryIndex(_ruling_and_bill((0, 0, 0)))
    mixed = StoryIndex(_ruling_and_bill((0, None, 0)))
    a_u, a_d, b_m = undated.get("a"), dated.get("a"), mixed.get("b")
    for other in ("b", "c"):
        plain = dated.score(a_d, [dated.get(other)])[0]
        assert plain < 1.0  # below the cap, so the factor shows exactly
        assert undated.score(a_u, [undated.get(other)])[0] == pytest.approx(
            story_module.UNDATED_FACTOR * plain
        )
    # One known date is not a missing window on both sides: the plain score.
    assert mixed.score(b_m, [mixed.get("a")])[0] == pytest.approx(
        dated.score(dated.get("b"), [dated.get("a")])[0]
    )


def test_an_undated_look_alike_recalling_the_happening_stays_apart():
    # Without dates, the bill that answered the ruling shares the ruling's names and its
    # background sentence: its links to the ruling's reports stay too weak to join them,
    # while the two reports of the ruling still form one story.
    links, _ = link_new_stories(_ruling_and_bill((None, None, None)), StoryIndex())
    assert story_groups(["a", "b", "c"], links) == [["a", "b"], ["c"]]
    assert any({lk.a, lk.b} == {"a", "b"} for lk in links)


# One (made-up) academy's two ceremonies, as undated pages report them: the games awards
# (their nominations, then the winners) and, another night, the film awards with the same
# host, hall and academy name.
GAMES_WINNERS = (
    "Quillon sweeps Marrow Academy games awards",
    (
        "The puzzle game Quillon won five prizes at the Marrow Academy games awards in Brindleford, "
        "including best game and best design. Its studio, Hollowpine, beat the racing title Vexmoor, "
        "which took three awards for audio and technical achievement. The academy's games ceremony "
        "was hosted by the comedian Tamsin Orrell."
    ),
)
GAMES_NOMINATIONS = (
    "Hollowpine leads Marrow games nominations",
    (
        "Hollowpine's puzzle game Quillon leads the nominations for the Marrow Academy games awards "
        "with seven, ahead of the racing title Vexmoor with five. Winners will be named at the "
        "academy's games ceremony in Brindleford next month, hosted by Tamsin Orrell."
    ),
)
FILM_WINNERS = (
    "Saltmarsh takes Marrow Academy film prizes",
    (
        "The drama Saltmarsh won best film at the Marrow Academy film awards in Brindleford, and "
        "Oriel Vance best director. The academy's film ceremony was hosted by the comedian Tamsin "
        "Orrell."
    ),
)


def _undated(*pieces: tuple[str, str]) -> list:
    return [
        story_signature(_article(f"{n}", title, body, None, outlet="ABC"[n]))
        for n, (title, body) in enumerate(pieces)
    ]


def test_an_undated_look_alike_of_the_same_institution_stays_apart():
    # Another ceremony of the same academy shares its name, hall and host: with dates it
    # would be kept apart by its day; without them only its words can, and they link it at
    # about 0.38 before the undated factor: under the merge average for two pages with no
    # window (0.246; at the earlier factor 0.7, 0.265, and the pair was merged).
    links, _ = link_new_stories(_undated(GAMES_WINNERS, FILM_WINNERS), StoryIndex())
    assert story_groups(["0", "1"], links) == [["0"], ["1"]]


def test_two_undated_reports_of_one_ceremony_stay_one_story():
    # The nominations (one desk) and the winners (another) of one ceremony: one story.
    links, _ = link_new_stories(_undated(GAMES_NOMINATIONS, GAMES_WINNERS), StoryIndex())
    assert story_groups(["0", "1"], links) == [["0", "1"]]
    # With the other ceremony's page among them, it still joins neither.
    three = _undated(GAMES_NOMINATIONS, GAMES_WINNERS, FILM_WINNERS)
    links, _ = link_new_stories(three, StoryIndex())
    assert story_groups(["0", "1", "2"], links) == [["0", "1"], ["2"]]
