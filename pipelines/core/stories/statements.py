"""Statements: the renderings of one utterance by one speaker across articles.

The unit is a *rendering*: one utterance in one article (the parts of a split quote are
joined, so they always share a statement). A rendering's speaker is *firm* when a
reporting cue ties it to the quote ("…,” Yoon said) and *weak* when the extractor only
carried it over from a neighbouring sentence (no cue). Two renderings are linked when

- they come from different articles,
- they have the same speaker entity; or one side has a firm speaker and the other none
  or only a weak one, the two articles are directly linked as one story, and the words
  agree more strictly (a weakly attributed or unattributed rendering can join a firm
  speaker's statement; two firm speakers are never linked); or both are partial quotes
  of one story carrying one phrase word for word, a speaker named on one side at most
  (``PHRASE_MIN_TERMS``); or both are full quotes of one story sharing a long run of
  words verbatim, not both cue-tied (``VERBATIM_MIN_WORDS``),
- their content words (stemmed, synonyms folded) overlap enough: containment of the
  shorter in the longer, Dice, and whether they open alike,

and, between any two articles, each rendering keeps at most one partner: candidate
pairs are aligned one-to-one, full quotes before fragments, strongest first. That keeps
two different remarks by one speaker on one topic apart even when their words overlap.
Statements are then connected groups of links under two constraints: at most one
rendering per article and at most one firm speaker per statement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import pairwise

from pipelines.core.normalize import parse_person_name
from pipelines.core.quotes._rules import load_rules
from pipelines.core.resources import rule_lines
from pipelines.core.stories.groups import Link, partition
from pipelines.core.stories.stories import KEY_MAX_ZIPF
from pipelines.core.stories.terms import content_terms, words, zipf

# Tuned on the statements dev set only (see README "Stories and statements").
MIN_TERMS = 4  # fewer content words than this: only an exact repeat links
MIN_EXACT_TERMS = 2  # an exact repeat of fewer words is too common to mean one remark
OPENING_TERMS = 4  # how many leading terms say whether two renderings open alike
LINK_THRESHOLD = 0.62  # same speaker
UNATTRIBUTED_THRESHOLD = 0.75  # one side has no speaker (and the articles are one story)
UNATTRIBUTED_OTHER_STORY_THRESHOLD = 0.8  # the same, in articles of two stories
UNATTRIBUTED_MIN_TERMS = 6
# A short line by one speaker ("We have come a long way") recurs as a stock phrase on
# other occasions: across two articles that are not one story, the longer of two
# renderings needs at least this many content words to link (a short fragment of a
# longer rendering still may; within one story two short lines still may).
CROSS_STORY_MIN_TERMS = 6
SHORT_LINE_MAX_DAYS = 2  # ... and within one story, published at most this many days apart
# ... unless the shorter side is a partial quote: a reporter's few words of a remark are a
# reference to words already said, and a follow-up in the same story quotes them back days
# later ("called the judge a “hater of Donald Trump”"); a full short line said again days
# later may be the speaker repeating it at the next event.
# A line too short to score (fewer than MIN_TERMS content words but at least
# PHRASE_MIN_TERMS, "a hell of a lot worse") links only with strong context: its speaker is tied to it by a cue, the other rendering is the
# same speaker's, in an article of the same story published within SHORT_LINE_MAX_DAYS, and
# holds the short line's terms as one unbroken run; and no second rendering of that article
# holds it too (a catchphrase repeated in two answers cannot tell which it repeats).
SHORT_LINE_SCORE = 0.62
# A partial quoted back: a reporter's few words of a remark ("said the town was "a truly
# splendid ferry stop"") in an article the stories step put in another story (or left
# undated), where the same speaker's full quote prints every one of those words in order.
# It refers to that remark, so it links across stories (``quoted_back``) when it holds at
# least ``QUOTED_BACK_MIN_WORDS`` words (contractions spelled out: "we're" is "we are"),
# ``QUOTED_BACK_MIN_TERMS`` content words, one word not among the commonest (Zipf below
# ``QUOTED_BACK_MAX_ZIPF``, roughly the top thousand words: "make this country great
# again" is a stock phrase), in articles at most ``QUOTED_BACK_MAX_DAYS`` apart, as for a
# short line (a campaign line said again at the next rally days later is another remark).
# Its link scores ``QUOTED_BACK_SCORE`` and is applied after the word links, only when
# every rendering holding its words is one statement by then: a slogan the speaker used in
# two remarks cannot tell which one it quotes (``group_renderings``).
QUOTED_BACK_MIN_WORDS = 4
QUOTED_BACK_MIN_TERMS = 2
QUOTED_BACK_MAX_ZIPF = 5.0
QUOTED_BACK_MAX_DAYS = SHORT_LINE_MAX_DAYS
QUOTED_BACK_SCORE = 0.61  # below every word link's threshold: tells the link apart
# A cue-tied partial of two content words (too few for a short line) joins the same
# speaker's full quote in an article of the same story when that quote prints its words
# word for word, once, and one of them is not an everyday word (``phrase_held``: the test
# that already lets such a partial join a quote with no cue-tied speaker). The link is a
# quoted-back one (``QUOTED_BACK_SCORE``), so it holds only when every rendering printing
# the words is one statement; a refrain the quote says twice is the speaker's slogan, not
# one remark's words (nineteenth session: a club's statement and a report's two words of
# it were linked while the club's quotes had no cue-tied speaker, and parted once they had).
MIN_SHARED_TERMS = 2  # candidate retrieval: a pair sharing fewer distinct terms is never scored
MIN_SHARED_PAIRS = 2  # the same for consecutive term pairs (unattributed across stories)
# A quote with no cue of its own, carried over to the speaker of the quote just before it
# and starting at most this many characters after it (room for an attribution, not for a
# sentence of narration: a remark after narration is another statement), continues that
# passage.
CONTINUATION_GAP = 60
# Two full quotes of one speaker with only their attribution between them ("…,” Trump
# said in an interview. “…”; "…,” Pence said. Pence added, “…”) are parts of one passage:
# every sentence between them is short and has a reporting verb ("He also wished
# reporters a fun weekend." is narration). They stay two renderings (an outlet may carry
# each as its own remark, as the seeds do) that may share a statement when a rendering in
# another article carries both (see ``align``).
ATTRIBUTION_MAX_CHARS = 120
# Pieces of one passage split by attributions only ("…,” she said. “…,” she added) are one
# utterance (issue 14: "split parts of one utterance in one article belong to the same
# statement"), so they are linked; the link is weaker than any link across articles, so
# it is applied last and refused when another article keeps the pieces apart as two
# passages of its own (the seeds: Yonhap's "…," Yoon said. "…," he added, two quotes with
# narration between them in the Diplomacy Journal).
PASSAGE_LINK_SCORE = 0.5
# A quote with no cue of its own that opens the next paragraph, after a quote closed and
# attributed ("…,” he told the BBC. ⏎ “…”), carries that quote's speaker, but it may be the
# next answer as well as more of the same one: the paragraph break is where a reporter
# moves on. It is a rendering of its own (in the same passage, its speaker still tied by
# the cue of the quote it continues) and is linked to that quote below every other link;
# the link is refused when other articles have already quoted the two apart, each with
# partners of its own and none holding both (see ``group_renderings``). A rendering
# elsewhere that holds both still takes both (``align``).
PARAGRAPH_PIECE_LINK_SCORE = 0.45
# ... and the second piece's lead-in names only its speaker before the reporting verb: "He
# added:", "Additionally, Mr Smith said:" (see ``one_utterance``).
LEAD_IN_MAX_WORDS = 4
ATTRIBUTION_MAX_WORDS = 14
# A match starts only where a run of stops starts (the lookbehind): the same matches as
# without it, but a long run that no space follows ("....x") is tried once, not from each
# of its marks (quadratic in the run's length).
_SENTENCE_END = re.compile(r"(?<![.!?;])[.!?;]+(?=\s|$)")
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"
# A rendering that carries a whole passage may take a second part of it from another
# article only when it holds the part's words as it was quoted: its longest run of
# consecutive terms found unbroken in the rendering covers this share of the part (a cut
# a few words shorter still counts). A rendering that rewords the part (the Diplomacy
# Journal's summary of the two sentences Yonhap quotes from one release) carries the
# remark it was linked to, not that second piece: issue 14's seeds keep it apart.
PART_CONTAINMENT = 0.8
# One outlet prints as one quote a passage another splits into two quotes with a sentence
# of narration between ("…,” the coach said of the side. He went on: “…”): a rendering
# that holds two full quotes of one article by its speaker, each as quoted
# (``PART_CONTAINMENT``) or cut where the other outlet cut it (a run of
# ``VERBATIM_MIN_WORDS`` words at an edge, as ``overlapping_cuts``), neither a cut of the
# other, takes both, and the two are pieces of one passage (``split_pieces``). Each needs
# ``MIN_TERMS`` content words, as any pair scored by its words: a shorter line held twice may
# be a refrain. Twentieth session: 5 missed the second of two such passages over the corpora
# (a broker's two sentences around a reporter's one-word partial, four content words first).
SPLIT_PIECE_MIN_TERMS = MIN_TERMS
# A quoted phrase of fewer content words than this is too common to pin one remark ("firm
# but fair" is a stock phrase a speaker uses on several occasions, "deliver better" two
# words of one): a short line (above) and a verbatim phrase (below) need at least this many.
PHRASE_MIN_TERMS = 3
# A phrase two articles of one story both quote as a partial, word for word (the shorter's
# terms an unbroken run of the other's: "the two had “deep and lasting distrust”"),
# refers to one remark even when the extractor names the speaker on one side only, or on
# neither (the attribution was a description it could not resolve: "the club said"); it
# links unless both sides name a speaker (two different ones never share a statement; one
# speaker is the same-speaker rule's case). Only partials: a full quote with no speaker
# may be the same words from someone else (a party's poster reusing its leader's line),
# which a reporter's few quoted words of a remark are not.
# Two partials of one story that quote the same words, every word and nothing more ("said
# the ruling was “unconscionable”", "called it “unconscionable”"), are one
# remark quoted twice however few content words they hold, when the words are not
# everyday ones: at least one is rarer than the stories' key terms (``KEY_MAX_ZIPF``, as
# for quote keys: "great", "a given" or "next week" recur by chance, "unconscionable" and
# "with room to spare" do not). Two named speakers may share it only when they are one person.
# The same test of a phrase lets a cue-tied partial of two content words or more join a full
# quote with no cue-tied speaker that holds its words (``held_verbatim``).
PHRASE_MAX_ZIPF = KEY_MAX_ZIPF
# A cut (``held_verbatim``) of this many content words or more may differ from the text by
# one of them, missing, replaced or added, the others in order in a stretch at most one
# longer: one outlet writes "supporters" where another wrote "voters".
NEAR_CUT_MIN_TERMS = 5
# Stories miss follow-ups (see ``UNATTRIBUTED_OTHER_STORY_THRESHOLD``): across two stories,
# a rendering naming nobody that is such a cut of a cue-tied quote, both of at least
# ``UNATTRIBUTED_MIN_TERMS`` content words, is that quote's text whatever its score (a
# transcript quoted with its speaker named only in the reporter's sentence before; see
# ``_cut_across_stories``).
# A run of this many words (every word, not only content words) that two renderings of one
# story share verbatim is one text quoted twice, however few content words it holds ("There
# is nothing anyone could ever do now that would change my mind" has two): it links a
# rendering with a cue-tied speaker to one without (a line reported as "he had once told the
# minister" in one article, the speaker carried over or missed in the other), or two without,
# as ``held_verbatim`` does for cuts of four or more content words. Two cue-tied speakers
# are never linked by it: the same words from two people are two statements. Full quotes
# only: words inside the narration ("a poster under the words “…”") are a phrase anyone may
# reuse. A known gap: a poster's line printed as a full quote with no speaker would still
# link to its author's remark (the dev set's one such poster is a partial).
VERBATIM_MIN_WORDS = 8
# A speaker's talking point recurs at the next rally, in the next interview, weeks on ("we
# have got to go beyond <the old politics>"): two of the same speaker's renderings in
# articles published more than ``SHORT_LINE_MAX_DAYS`` apart are one remark by their words
# only when they also share a run of this many words verbatim (contractions spelled out),
# one text quoted twice, not the same points made again in other words. Undated pairs
# keep the word test alone: nothing says they are two occasions. Fifteenth session: dev
# statements 0.924 -> 0.925 (PolNeAR P 0.967 -> 0.978; a line said again 79 days on), no
# same-story pair of one statement on dev shares fewer than 9 such words (README).
OTHER_OCCASION_MIN_WORDS = 6
# Two outlets print overlapping cuts of one passage: one the sentences up to a line, the
# other that line and the sentences after it ("…. We'll run the early boat again from the
# first of May" / "And we will run the early boat again from the first of May. After that
# …"). Their content words agree too little to score, and both are cue-tied, so
# ``verbatim_run`` does not apply. Two full
# quotes of one speaker in one story, published at most ``SHORT_LINE_MAX_DAYS`` apart (or
# undated), are one passage when they share a run of ``VERBATIM_MIN_WORDS`` words verbatim
# (contractions spelled out) that opens or closes one of them, ``OVERLAP_EDGE_WORDS`` word
# of slack ("But …"): a refrain said inside two different answers (a debate line repeated)
# has other words on both sides of it in both renderings and stays apart
# (``overlapping_cuts``; sixteenth session).
OVERLAP_EDGE_WORDS = 1
# Generational suffixes are part of the family name: "Donald Trump Jr." is not "Donald Trump".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True, slots=True)
class StatementQuote:
    """A direct or partial quote as statement grouping sees it."""

    quote_id: str
    article_id: str
    text: str
    kind: str
    speaker_entity_id: str | None
    utterance_index: int
    part_index: int = 0
    has_cue: bool = True  # a reporting cue ties the speaker to the quote
    speaker_name: str | None = None  # the speaker entity's canonical name
    start: int | None = None  # offsets in the article body (None: unknown)
    end: int | None = None
    # The article text between the previous direct/partial quote and this one (None:
    # unknown, or no previous quote): tells an attribution from a sentence of narration.
    preceding: str | None = None


@dataclass(frozen=True, slots=True)
class Rendering:
    """One utterance in one article: its quote parts and their content terms."""

    rendering_id: str
    article_id: str
    utterance_index: int
    speaker_entity_id: str | None
    kind: str  # direct when any part is direct
    firm: bool  # the speaker is tied by a cue (see the module docstring)
    quote_ids: tuple[str, ...]
    terms: tuple[str, ...]
    speaker_name: str | None = None
    passage_id: str = ""  # the first rendering of its passage ("": itself)
    # The longer rendering of its article this one repeats (see ``fragment_of``; "": none).
    # Set by ``renderings`` only: a stored rendering's fragment link is stored with it.
    fragment_of_id: str = ""
    # Every word of the joined parts, lower-cased, in order (see ``VERBATIM_MIN_WORDS``).
    words: tuple[str, ...] = ()
    # The piece of its passage just before it, split from it by an attribution only (see
    # ``PASSAGE_LINK_SCORE``; "": none). Set by ``renderings`` only, as ``fragment_of_id``.
    follows_id: str = ""
    # ``follows_id`` continues over a paragraph break (see ``PARAGRAPH_PIECE_LINK_SCORE``).
    follows_over_paragraph: bool = False
    # The distinct terms, built once: every candidate pair compares them several times.
    term_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "term_set", frozenset(self.terms))

    @property
    def passage(self) -> str:
        """Id of the passage this rendering belongs to (see ``ATTRIBUTION_MAX_CHARS``)."""
        return self.passage_id or self.rendering_id

    @property
    def speaker_key(self) -> tuple[str, ...]:
        """The speaker's name as lower-case words (the entity id when no name is known)."""
        if self.speaker_name:
            return _name_words(self.speaker_name)
        return (self.speaker_entity_id or "",)


def renderings(quotes: Iterable[StatementQuote]) -> list[Rendering]:
    """Join each utterance's parts (in part order) into one rendering per speaker.

    An utterance is normally one rendering. When its parts are tied by cues to speakers
    who cannot be one person (the extractor gave a continued quotation to someone else),
    each such speaker's parts form a rendering of their own, so no statement ever holds
    two cue-tied speakers; the parts without a cue-tied speaker stay with the first one.

    A passage quoted as consecutive utterances ("…,” Kennedy said. “…”), where the later
    one has no cue and only carries the earlier one's speaker over, is one rendering:
    the later quote continues the same passage (see ``_continues``). When the later one
    opens the next paragraph it is a rendering of its own that follows the earlier one
    (see ``PARAGRAPH_PIECE_LINK_SCORE``).
    """
    by_utterance: dict[tuple[str, int], list[StatementQuote]] = defaultdict(list)
    for q in quotes:
        by_utterance[(q.article_id, q.utterance_index)].append(q)
    built: list[tuple[Rendering, list[StatementQuote]]] = []
    # First quotes of continuations that open the next paragraph (see above).
    over_paragraph: set[str] = set()
    previous: tuple[str, int, list[tuple[str | None, list[StatementQuote]]]] | None = None
    for (article, utterance), parts in sorted(by_utterance.items()):
        parts.sort(key=lambda q: (q.part_index, q.quote_id))
        groups = _by_firm_speaker(parts)
        if (
            previous is not None
            and previous[0] == article
            and previous[1] == utterance - 1
            and len(previous[2]) == 1
            and len(groups) == 1
            and _continues(previous[2][0], groups[0])
        ):
            if not _opens_paragraph(groups[0][1][0]):
                previous[2][0][1].extend(groups[0][1])
                previous = (article, utterance, previous[2])
                continue
            over_paragraph.add(groups[0][1][0].quote_id)
        if previous is not None:
            built += [_built(previous[0], s, g, over_paragraph) for s, g in previous[2]]
        previous = (article, utterance, groups)
    if previous is not None:
        built += [_built(previous[0], s, g, over_paragraph) for s, g in previous[2]]
    out: list[Rendering] = []
    for n, (r, parts) in enumerate(built):
        if parts[0].quote_id in over_paragraph:
            # It continues the rendering just before it (one speaker group each).
            out.append(
                replace(
                    r,
                    passage_id=out[-1].passage,
                    follows_id=out[-1].rendering_id,
                    follows_over_paragraph=True,
                )
            )
            continue
        gap = _passage_gap(built[n - 1], (r, parts)) if n else None
        if gap is not None:
            follows = out[-1].rendering_id if gap == "utterance" else ""
            r = replace(r, passage_id=out[-1].passage, follows_id=follows)
        out.append(r)
    return _join_fragments(out)


def _opens_paragraph(q: StatementQuote) -> bool:
    """Whether a line break lies between a quote and the quote before it."""
    return q.preceding is not None and "\n" in q.preceding


def _built(
    article: str, speaker: str | None, parts: list[StatementQuote], over_paragraph: Set[str]
) -> tuple[Rendering, list[StatementQuote]]:
    """A rendering and its parts; a continuation over a paragraph keeps its speaker tied."""
    return _rendering(article, speaker, parts, carried=parts[0].quote_id in over_paragraph), parts


def _join_fragments(items: Sequence[Rendering]) -> list[Rendering]:
    """Give a fragment the passage of the longer quote it repeats in its article.

    The passage that comes first in the article names the joined one; the fragment also
    records its whole (``fragment_of_id``), which ``fragment_links`` links it to (see
    ``fragment_of``), so the pairs are found once.
    """
    pairs = _fragment_pairs(items)
    if not pairs:
        return list(items)
    whole_of = {part.rendering_id: whole.rendering_id for part, whole in pairs}
    # A passage id is the id of its first rendering: its place names the passage's order.
    order = {r.rendering_id: n for n, r in enumerate(items)}
    joins = [Link.of(part.passage, whole.passage, 1.0) for part, whole in pairs]
    name: dict[str, str] = {}
    for group in partition({r.passage for r in items}, joins):
        first = min(group, key=order.__getitem__)
        name.update(dict.fromkeys(group, first))
    return [
        replace(r, passage_id=name[r.passage], fragment_of_id=whole_of.get(r.rendering_id, ""))
        if name[r.passage] != r.passage or r.rendering_id in whole_of
        else r
        for r in items
    ]


def _fragment_pairs(items: Sequence[Rendering]) -> list[tuple[Rendering, Rendering]]:
    """Every (fragment, whole) pair of renderings of one article (see ``fragment_of``).

    A fragment found in two or more longer quotes of its article (a catchphrase the
    speaker repeats in several answers) cannot tell which it repeats: it pairs with none.
    """
    by_article: dict[str, list[Rendering]] = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    pairs = []
    for rs in by_article.values():
        for part in rs:
            wholes = [whole for whole in rs if fragment_of(part, whole)]
            if len(wholes) == 1:
                pairs.append((part, wholes[0]))
    return pairs


def fragment_of(part: Rendering, whole: Rendering) -> bool:
    """Whether ``part`` repeats a stretch of ``whole``, a longer quote in the same article.

    An article often quotes a line and later the passage holding it ("It was nice
    knowing him," … then the longer quote that ends with those words): one utterance
    rendered twice. Both must be full quotes of one speaker (an unattributed fragment
    could be anyone's words; a lead's few quoted words of a remark quoted in full later
    stay a rendering of their own, as issue 14's seeds require), the part must have at
    least ``MIN_EXACT_TERMS`` content words, fewer distinct ones than the whole, and occur
    in the whole as one unbroken run of them: "we are telling the truth" is not a
    fragment of "we are telling the American people the truth" (another remark). An equal
    line said twice (a refrain repeated later in a debate) is no fragment.
    """
    if part.article_id != whole.article_id or part.rendering_id == whole.rendering_id:
        return False
    if part.kind != "direct" or whole.kind != "direct":
        return False
    if len(part.terms) < MIN_EXACT_TERMS or len(part.term_set) >= len(whole.term_set):
        return False
    return _same_speaker(part, whole) and _contiguous(part.terms, whole.terms)


def _occurrences(part: Sequence[str], whole: Sequence[str]) -> int:
    """How many times ``part`` occurs in ``whole`` as an unbroken run."""
    n = len(part)
    return sum(tuple(whole[i : i + n]) == tuple(part) for i in range(len(whole) - n + 1))


def _contiguous(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``part`` occurs in ``whole`` as one unbroken run of terms."""
    n = len(part)
    return any(tuple(whole[i : i + n]) == tuple(part) for i in range(len(whole) - n + 1))


def teasers(items: Sequence[Rendering]) -> frozenset[str]:
    """Ids of the teasers among one article's renderings.

    A teaser is a partial quote whose words recur, as one unbroken run, in a full quote of
    the same speaker later in the article: the reporter's few words ahead of the remark it
    then quotes ("X said the plan would “deliver better”", … "I believe … can deliver
    better …"). Issue 14's seeds keep it out of the remark's statement, so it takes no link
    of its own: another article's rendering of those words joins the full quote instead.
    A partial the extractor gave no speaker is a teaser of any speaker's later full quote
    holding its words (nineteenth session): the lead's words are that quote's, and linked
    on their own they took the other outlets' partials of the remark away from it.
    """
    out = set()
    for part in items:
        if part.kind != "partial" or len(part.terms) < MIN_EXACT_TERMS:
            continue
        for whole in items:
            if (
                whole.kind == "direct"
                and whole.article_id == part.article_id
                and whole.utterance_index > part.utterance_index
                and (_same_speaker(part, whole) or not part.speaker_entity_id)
                and _contiguous(part.terms, whole.terms)
            ):
                out.add(part.rendering_id)
                break
    return frozenset(out)


def passage_links(items: Sequence[Rendering], left_out: Collection[str] = ()) -> list[Link]:
    """Links between the pieces of a passage split by attributions only (``follows_id``).

    See ``PASSAGE_LINK_SCORE`` and ``PARAGRAPH_PIECE_LINK_SCORE``; ``left_out`` (the
    article's teasers) takes none.
    """
    return [
        Link.of(
            r.follows_id,
            r.rendering_id,
            PARAGRAPH_PIECE_LINK_SCORE if r.follows_over_paragraph else PASSAGE_LINK_SCORE,
        )
        for r in items
        if r.follows_id and r.rendering_id not in left_out and r.follows_id not in left_out
    ]


def fragment_links(items: Sequence[Rendering]) -> list[Link]:
    """Links from each fragment to the longer quote it repeats in its article.

    ``renderings`` found the pairs (``fragment_of_id``); they are not searched again.
    """
    return [Link.of(r.rendering_id, r.fragment_of_id, 1.0) for r in items if r.fragment_of_id]


def _passage_gap(
    before: tuple[Rendering, Sequence[StatementQuote]],
    after: tuple[Rendering, Sequence[StatementQuote]],
) -> str | None:
    """How two renderings of one article are parts of one passage (None: they are not).

    ``"utterance"``: pieces of one spoken utterance split by attributions only (see
    ``one_utterance``); ``"passage"``: two full quotes split only by an attribution that
    does not say they are one utterance, or closed and reopened in the next paragraph.
    """
    (a, a_parts), (b, b_parts) = before, after
    if a.article_id != b.article_id or not a.speaker_entity_id:
        return None
    if a.speaker_entity_id != b.speaker_entity_id:
        return None
    ends = [q.end for q in a_parts if q.end is not None]
    first = min(b_parts, key=lambda q: (q.start is None, q.start or 0))
    if not ends or first.start is None or first.preceding is None:
        return None
    gap = first.preceding
    if len(gap) != first.start - max(ends):
        return None
    last = max(a_parts, key=lambda q: (q.end is not None, q.end or 0))
    # The sentence that introduced the first piece may name the written text it quotes ("In
    # a statement, the board said: “…”. “…,” it added.").
    opening = min(a_parts, key=lambda q: (q.start is None, q.start or 0)).preceding or ""
    written = _names_written_text(_SENTENCE_END.split(opening)[-1])
    if not written and one_utterance(last.text, last.kind, gap, first.text, first.kind):
        return "utterance"
    if a.kind != "direct" or b.kind != "direct":
        return None
    return "passage" if is_attribution(gap) or _new_paragraph_only(gap) else None


_ENDS_SENTENCE = re.compile(r"[.!?]$")


def one_utterance(before: str, before_kind: str, gap: str, after: str, after_kind: str) -> bool:
    """Whether two quotes of one speaker with ``gap`` between them are one spoken utterance.

    The gap holds the first quote's attribution (unless the quote ended its sentence) and
    a lead-in to the second (unless that one opens a sentence of its own), nothing more:
    "…,” he said. “…”, "…,” Pence said. He added, “…”, "“…”. He said: “…”". The lead-in
    ends on its reporting verb, so the quote is what the verb reports, with only its
    subject before it (``LEAD_IN_MAX_WORDS``; an aside between commas left out: "She also
    said, without evidence, that"): "He continued with an appeal to voters: “…”" or "Some
    fans disagreed, but he countered: “…”" introduce another part. A sentence between the
    two (a question put to the speaker, "As for X, he said he was not worried") starts
    another remark. No written text is named (``_names_written_text``: a written text's
    pieces are separate statements, as issue 14's seeds keep the pieces of Yoon's office's
    release). A partial quote is a piece only when it ends the reporter's sentence (a
    phrase inside narration, "called him “weak” and said that …", is not a piece).
    """
    if _names_written_text(gap):
        return False
    body = gap.strip().strip(_MARKS).strip().rstrip(" ,:;\u2014-")
    before_ends = bool(_ENDS_SENTENCE.search(before.strip(_MARKS + " "))) or body[:1] in ".!?"
    if before_kind != "direct" and not before_ends:
        return False
    if after_kind != "direct" and not _ENDS_SENTENCE.search(after.strip(_MARKS + " ")):
        return False
    sentences = [x for x in _SENTENCE_END.split(body) if words(x)]
    after_opens = bool(_ENDS_SENTENCE.search(body))  # the second quote opens a sentence
    if len(sentences) == 2 and not before_ends and not after_opens:
        tail, lead_in = sentences  # "…,” Pence said. He added, “…”
    elif len(sentences) == 1 and before_ends:
        tail, lead_in = None, sentences[0]  # "…”. He said: “…”; "….” He said. “…”
    elif len(sentences) == 1:
        tail, lead_in = sentences[0], None  # "…,” he said. “…”; "…,” he said, “…”
        if not after_opens and not _ends_on_verb(words(re.sub(r",[^,]*,", " ", tail))):
            return False  # "…,” he said, adding that the plan was “…”: a phrase in narration
    else:
        return False  # no attribution, or a sentence between the two
    return (tail is None or is_attribution(tail)) and (lead_in is None or _lead_in(lead_in))


def _lead_in(sentence: str) -> bool:
    """Whether a sentence introducing a quote is its subject and reporting verb only.

    An aside between commas does not count ("She also said, without evidence, that").
    """
    tokens = words(re.sub(r",[^,]*,", " ", sentence))
    return _ends_on_verb(tokens) and len(tokens) - 1 - (tokens[-1] == "that") <= LEAD_IN_MAX_WORDS


def _ends_on_verb(tokens: Sequence[str]) -> bool:
    """Whether words end on a reporting verb, or on one and "that" (the quote is its object)."""
    if tokens and tokens[-1] == "that":
        tokens = tokens[:-1]
    return bool(tokens) and tokens[-1] in _reporting_verbs()


def _names_written_text(text: str) -> bool:
    """Whether text names a written text in lower case ("said in a statement", "he wrote")."""
    return any(w in _written_words() for w in re.findall(r"\b[a-z]+\b", text))


@cache
def _written_words() -> frozenset[str]:
    """The words of ``rules/statement_written_words.txt``."""
    return frozenset(rule_lines("statement_written_words.txt"))


def _continues(
    before: tuple[str | None, list[StatementQuote]], after: tuple[str | None, list[StatementQuote]]
) -> bool:
    """Whether ``after`` continues the passage of ``before`` in the same article.

    ``after`` has no cue of its own and the same speaker as ``before`` (or, like it, none)
    and starts right after it: within ``CONTINUATION_GAP`` characters, or with only an
    attribution between them ("…,” Trump told the AP of the talks. “They may not be.”),
    which also carries a quote whose speaker the extractor could not name.
    """
    speaker, parts = after
    if speaker != before[0] or any(q.has_cue for q in parts):
        return False
    end, start = before[1][-1].end, parts[0].start
    if end is None or start is None or start < end:
        return False
    gap = parts[0].preceding
    known = gap is not None and len(gap) == start - end
    if known and _new_paragraph_only(gap or ""):
        return False
    if speaker is not None and start - end <= CONTINUATION_GAP:
        return True
    return known and is_attribution(gap or "")


def _new_paragraph_only(gap: str) -> bool:
    """Whether a quote was closed and a new one opened in the next paragraph, nothing between.

    A quotation running on over paragraphs leaves the first paragraph's quote open; one
    closed and reopened with no attribution between may be a new remark (the next excerpt
    of a speech): a rendering of its own that only carries the speaker over, but in the
    same passage, so a rendering elsewhere holding both parts still takes both (see
    ``align``), as for a passage split by its attribution.
    """
    return "\n" in gap and not gap.strip(_MARKS + " \t\r\n\u00a0")


def _reporting_verbs() -> frozenset[str]:
    """Every form of the quote extractor's reporting verbs (``rules/quote_verbs.txt``).

    The quotes package's parsed rules, so the file has one reader; framing verbs ("~":
    "called it") introduce a partial quote, not an attribution, and are not among them.
    """
    return load_rules().verb_forms


def is_attribution(gap: str) -> bool:
    """Whether the text between two quotes is only their attribution.

    Each sentence of it (quote marks and punctuation at the ends aside) must be short and
    hold a reporting verb: "” Lee said in a phone call with reporters on Tuesday. “" is an
    attribution, "” he said. He also wished reporters a fun weekend. “" is not.
    """
    if len(gap) > ATTRIBUTION_MAX_CHARS:
        return False
    body = gap.strip().strip(_MARKS).strip(" ,:;\u2014-").strip()
    if not body:
        return False
    verbs = _reporting_verbs()
    for sentence in _SENTENCE_END.split(body):
        tokens = words(sentence)
        if not tokens:
            continue
        if len(tokens) > ATTRIBUTION_MAX_WORDS or not any(t in verbs for t in tokens):
            return False
    return True


def _key_of(name: str | None, entity_id: str) -> tuple[str, ...]:
    return _name_words(name) if name else (entity_id,)


def _by_firm_speaker(
    parts: Sequence[StatementQuote],
) -> list[tuple[str | None, list[StatementQuote]]]:
    """An utterance's parts grouped by cue-tied speaker (one group when they agree)."""
    groups: list[tuple[str, tuple[str, ...], list[StatementQuote]]] = []
    loose: list[StatementQuote] = []
    for q in parts:
        if not (q.has_cue and q.speaker_entity_id):
            loose.append(q)
            continue
        key = _key_of(q.speaker_name, q.speaker_entity_id)
        home = next(
            (g for g in groups if g[0] == q.speaker_entity_id or same_speaker_names(g[1], key)),
            None,
        )
        if home is None:
            groups.append((q.speaker_entity_id, key, [q]))
        else:
            home[2].append(q)
    if not groups:
        speaker = next((q.speaker_entity_id for q in parts if q.speaker_entity_id), None)
        return [(speaker, list(parts))]
    groups[0][2].extend(loose)
    return [
        (speaker, sorted(g, key=lambda q: (q.part_index, q.quote_id))) for speaker, _, g in groups
    ]


def _rendering(
    article: str, speaker: str | None, parts: Sequence[StatementQuote], *, carried: bool = False
) -> Rendering:
    """The rendering of parts; ``carried``: its speaker is tied by the cue it continues."""
    utterance = parts[0].utterance_index
    name = next((q.speaker_name for q in parts if q.speaker_entity_id == speaker), None)
    quote_ids = tuple(q.quote_id for q in parts)
    text = " ".join(q.text for q in parts)
    digest = hashlib.sha256(
        "\x1f".join([article, str(utterance), speaker or "", *quote_ids]).encode()
    ).hexdigest()[:16]
    return Rendering(
        rendering_id="ren_" + digest,
        article_id=article,
        utterance_index=utterance,
        speaker_entity_id=speaker,
        speaker_name=name if speaker else None,
        kind="direct" if any(q.kind == "direct" for q in parts) else "partial",
        firm=speaker is not None and (carried or any(q.has_cue for q in parts)),
        quote_ids=quote_ids,
        terms=tuple(content_terms(text)),
        words=tuple(words(text)),
    )


# Contractions spelled out (see ``expand_contractions``), in order: the irregular negations
# before the regular ones, "cannot" as the two words other outlets print.
_CONTRACTIONS = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"\b(ca|wo|sha)n['\u2019]t\b", None),
        (r"\bcannot\b", "can not"),
        (r"\b(\w+)n['\u2019]t\b", r"\1 not"),
        (r"\b(\w+)['\u2019]re\b", r"\1 are"),
        (r"\b(\w+)['\u2019]ve\b", r"\1 have"),
        (r"\b(\w+)['\u2019]ll\b", r"\1 will"),
        (r"\b(\w+)['\u2019]m\b", r"\1 am"),
        (r"\b(\w+)['\u2019]d\b", r"\1 would"),
        (r"\b(\w+)['\u2019]s\b", r"\1"),
    )
)
_IRREGULAR_NEGATIONS = {"ca": "can", "wo": "will", "sha": "shall"}


def expand_contractions(text: str) -> str:
    """Lower-cased text with contractions spelled out: "we're" -> "we are", "can't" -> "can not".

    Two transcriptions of one remark differ in contractions ("we're a proud harbour town" /
    "we are a proud harbour town"): spelled out, a word-for-word test (``quoted_back``) sees
    one run. An "'s" is dropped (is, has or a possessive: "it's" is "it"). Content terms are
    not spelled out: tried on dev, neutral (see the stories README).
    """
    out = text.lower()
    for pattern, repl in _CONTRACTIONS:
        if repl is None:
            out = pattern.sub(lambda m: _IRREGULAR_NEGATIONS[m.group(1)] + " not", out)
        else:
            out = pattern.sub(repl, out)
    return out


def score(a: Rendering, b: Rendering) -> float:
    """How alike two renderings' content words are, in [0, 1] (0: too short to tell)."""
    ta, tb = a.term_set, b.term_set
    shorter = min(len(ta), len(tb))
    if a.terms == b.terms:
        return 1.0 if shorter >= MIN_EXACT_TERMS else 0.0
    if shorter < MIN_TERMS:
        return 0.0
    shared = len(ta & tb)
    containment = shared / shorter
    dice = 2 * shared / (len(ta) + len(tb))
    opening = len(set(a.terms[:OPENING_TERMS]) & set(b.terms[:OPENING_TERMS])) / OPENING_TERMS
    return 0.6 * containment + 0.25 * dice + 0.15 * opening


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Speaker names are compared for every candidate pair (~300,000 pairs on a first grouping
# of the BBC corpus) but are few: split and fold each name once.
@lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in words(name) if w)


@lru_cache(maxsize=65_536)
def _name_parts(key: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """(given names, family name) of a speaker key, accents folded, a suffix kept."""
    tokens = [_fold(w) for w in key]
    suffix = tokens.pop() if len(tokens) > 1 and tokens[-1] in _NAME_SUFFIXES else ""
    return tuple(tokens[:-1]), (tokens[-1] + suffix if tokens else suffix)


def _given_names_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Each given name of the shorter list matches one of the longer, in order.

    A match is the same word, an initial of it ("J" / "James") or a one-vowel spelling
    variant ("Damian" / "Damien"); a missing middle name is no conflict ("Donald Trump" /
    "Donald J. Trump").
    """
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    rest = iter(long_)
    return all(any(_same_given_name(a, b) for b in rest) for a in short)


def _same_given_name(a: str, b: str) -> bool:
    """The same given name, an initial of it, or a spelling that differs in one vowel.

    Outlets spell one person's given name with one inner vowel changed ("Damian"/
    "Damien"); in names of five letters or more that is a variant, not another person. A
    changed last letter often marks another person ("Maria"/"Mario").
    """
    if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    if len(a) != len(b) or len(a) < 5 or a[-1] != b[-1]:
        return False
    diff = [(p, q) for p, q in zip(a, b, strict=True) if p != q]
    return len(diff) == 1 and all(c in "aeiouy" for c in diff[0])


def same_speaker_names(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two speaker keys can name one person.

    The family names must agree (accents folded, "Jr." part of it); then a bare family
    name matches any full name (entity resolution keeps a bare surname apart when it
    cannot tell whose it is, but a quote's speaker is named in full nearby), and two
    full names match when their given names agree, initials and missing middle names
    allowed. Different given names ("Hillary Clinton" / "Bill Clinton") never match.

    Two surfaces the names resolver keys as one person are one speaker too
    (``person_key``): outlets write one name in two orders ("Ishiba Shigeru" /
    "Shigeru Ishiba"), hyphenated or not ("Yoon Suk-yeol" / "Yoon Suk Yeol"), in two
    transliterations ("Mohammed" / "Muhammad") or with a particle spelt apart ("al-Assad" /
    "al Assad"); the extractor resolves each article's speaker on its own, so the two
    renderings carry two entities whose family names, compared word by word, disagree.
    """
    if x == y or person_key(x) == person_key(y):
        return True
    (gx, fx), (gy, fy) = _name_parts(x), _name_parts(y)
    if not fx or fx != fy:
        return False
    if not gx or not gy:
        return True
    return _given_names_agree(gx, gy)


@lru_cache(maxsize=65_536)
def person_key(key: tuple[str, ...]) -> str:
    """The names resolver's order-free person key of a speaker key (``parse_person_name``).

    Its folds (name order where swapping cannot name someone else, Korean and Chinese
    syllables, transliterations, particles, the curated given-name variants) are the ones
    entity resolution matches people by, so a speaker is compared as it is resolved.
    """
    return parse_person_name(" ".join(key)).key


def _same_speaker(a: Rendering, b: Rendering) -> bool:
    if not a.speaker_entity_id or not b.speaker_entity_id:
        return False
    return a.speaker_entity_id == b.speaker_entity_id or same_speaker_names(
        a.speaker_key, b.speaker_key
    )


def _pair_threshold(
    a: Rendering, b: Rendering, *, same_story: bool, days_apart: int | None = None
) -> float | None:
    """The score a pair needs, or None when the pair may never link.

    ``days_apart``: how far apart the two articles were published (None: unknown).
    """
    if a.article_id == b.article_id:
        return None
    if _same_speaker(a, b):
        # A short line said again on another day is a stock phrase on another occasion:
        # only the same story's reports of the same days carry one utterance of it.
        long_enough = max(len(a.terms), len(b.terms)) >= CROSS_STORY_MIN_TERMS
        return (
            LINK_THRESHOLD
            if long_enough or (same_story and _near_in_time(a, b, days_apart))
            else None
        )
    if _carried_verbatim(a, b, same_story=same_story):
        return SHORT_LINE_SCORE  # see ``PHRASE_MIN_TERMS``, ``held_verbatim``, ``verbatim_run``
    if min(len(a.term_set), len(b.term_set)) < UNATTRIBUTED_MIN_TERMS:
        return None
    if a.firm != b.firm:  # one side firm, the other unattributed or only carried over
        if same_story:
            return UNATTRIBUTED_THRESHOLD
        unattributed = b if a.firm else a
        # Stories miss follow-ups: an unattributed rendering (no speaker at all) of a
        # firm speaker's words may link across stories when the words agree closely.
        return None if unattributed.speaker_entity_id else UNATTRIBUTED_OTHER_STORY_THRESHOLD
    if same_story and not a.speaker_entity_id and not b.speaker_entity_id:
        return UNATTRIBUTED_THRESHOLD  # nobody named on either side ("the board said")
    return None


def verbatim_phrase(a: Rendering, b: Rendering) -> bool:
    """Whether two partial quotes carry one phrase word for word and name no two speakers.

    See ``PHRASE_MIN_TERMS``; the caller asks only for renderings of one story.
    """
    if a.kind != "partial" or b.kind != "partial":
        return False
    if same_phrase(a, b):
        return True
    if a.speaker_entity_id and b.speaker_entity_id:
        return False  # two speakers (one speaker is ``_same_speaker``'s case)
    short, long_ = sorted((a, b), key=lambda r: (len(r.terms), r.rendering_id))
    return len(short.terms) >= PHRASE_MIN_TERMS and _contiguous(short.terms, long_.terms)


def same_phrase(a: Rendering, b: Rendering) -> bool:
    """Whether two partials quote exactly the same words, one of them not an everyday word.

    See ``PHRASE_MAX_ZIPF``; the caller asks only for partials of one story. Two named
    speakers must be one person (two cue-tied speakers never share a statement).
    """
    if a.words != b.words or not a.terms:
        return False
    if a.speaker_entity_id and b.speaker_entity_id and not _same_speaker(a, b):
        return False
    return min(zipf(w) for w in a.words) < PHRASE_MAX_ZIPF


def held_verbatim(a: Rendering, b: Rendering) -> bool:
    """Whether one side has a cue-tied speaker, the other none, and one holds the other whole.

    A rendering whose speaker the extractor could not tie by a cue (a statement quoted as
    "the statement read", a line carried over from the sentence before) is the firm
    speaker's when one of the two carries every content word of the other, in order and
    unbroken, and the shorter has at least ``MIN_TERMS`` of them: a cut of the same text,
    not words that merely agree. The caller asks only for renderings of one story.

    A shorter cut counts when it is a cue-tied partial that the other side holds word for
    word (every word, in order) with a word in it that is not an everyday one, as for
    ``same_phrase``: the council "gave a “binding pledge”" and its statement, quoted with
    no speaker, "… has now given a binding pledge to …".
    """
    if a.firm == b.firm:
        return False
    short, long_ = sorted((a, b), key=lambda r: (len(r.terms), r.rendering_id))
    if len(short.term_set) >= MIN_TERMS:
        return _contiguous(short.terms, long_.terms) or (
            len(short.term_set) >= NEAR_CUT_MIN_TERMS
            and _nearly_contiguous(short.terms, long_.terms)
        )
    return short.firm and phrase_held(short, long_)


def phrase_held(short: Rendering, long_: Rendering) -> bool:
    """Whether a partial of few content words is printed word for word by a longer full quote.

    The partial holds ``MIN_EXACT_TERMS`` content words or more (fewer than the quote), the
    quote prints every one of its words in order, and one of them is not an everyday word
    (``PHRASE_MAX_ZIPF``, as for ``same_phrase``): a reporter's "“binding timetable”" of a
    council's statement, not "“good news”". The caller checks the speakers and the story.
    """
    return (
        short.kind == "partial"
        and long_.kind == "direct"
        and MIN_EXACT_TERMS <= len(short.term_set) < len(long_.term_set)
        and _contiguous(short.words, long_.words)
        and min(zipf(w) for w in short.words) < PHRASE_MAX_ZIPF
    )


def _nearly_contiguous(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``whole`` holds ``part`` in order but for one term, in a stretch at most one longer.

    See ``NEAR_CUT_MIN_TERMS``: one term of ``part`` missing or replaced, or one extra term
    in ``whole``, and the rest in the same order.
    """
    blocks = [
        m
        for m in SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
        if m.size
    ]
    if not blocks:
        return False
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    return sum(m.size for m in blocks) >= len(part) - 1 and span <= len(part) + 1


def _carried_verbatim(a: Rendering, b: Rendering, *, same_story: bool) -> bool:
    """Whether two renderings carry the same words verbatim (see the rules).

    Within one story: a phrase, a cut, a long run or an unnamed partial's words
    (``unnamed_cut``); across stories only a cut that an unattributed rendering makes of a
    cue-tied quote (``_cut_across_stories``).
    """
    if not same_story:
        return _cut_across_stories(a, b)
    return verbatim_phrase(a, b) or held_verbatim(a, b) or verbatim_run(a, b) or unnamed_cut(a, b)


def unnamed_cut(a: Rendering, b: Rendering) -> bool:
    """Whether a partial naming nobody prints words a full quote naming nobody holds.

    Neither side has a speaker (a description the extractor could not resolve, "the
    spokesman said"), so no speaker rule applies: the partial's words must be the quote's
    word for word, as for a partial quoted back (``quoted_back``: four words or more, one
    not among the commonest), with two content words. The caller asks only for renderings
    of one story; a partial the quote's own article holds is a teaser (``teasers``).
    """
    if a.speaker_entity_id or b.speaker_entity_id or a.kind == b.kind:
        return False
    short, long_ = (a, b) if a.kind == "partial" else (b, a)
    return len(short.term_set) >= QUOTED_BACK_MIN_TERMS and quoted_back(short, long_)


def _cut_across_stories(a: Rendering, b: Rendering) -> bool:
    """Whether a rendering with nobody named is a cut of a cue-tied quote in another story.

    See ``NEAR_CUT_MIN_TERMS``: both hold at least ``UNATTRIBUTED_MIN_TERMS`` content words.
    """
    if a.firm == b.firm or (a.speaker_entity_id and b.speaker_entity_id):
        return False
    if min(len(a.term_set), len(b.term_set)) < UNATTRIBUTED_MIN_TERMS:
        return False
    return held_verbatim(a, b)


def verbatim_run(a: Rendering, b: Rendering) -> bool:
    """Whether two full quotes share ``VERBATIM_MIN_WORDS`` words verbatim, not both cue-tied.

    Full quotes only: a partial is a phrase, which a poster or a rival may reuse word for
    word ("they unveiled a poster under the words “…”"). The caller asks only for
    renderings of one story (as for ``held_verbatim``).
    """
    if (a.firm and b.firm) or a.kind != "direct" or b.kind != "direct":
        return False
    short, long_ = sorted((a.words, b.words), key=len)
    n = VERBATIM_MIN_WORDS
    if len(short) < n:
        return False
    # Runs of n words as keys: linear in the two lengths (this runs for every same-story
    # pair of two speakers), where a longest-common-run table would be quadratic.
    runs = {short[i : i + n] for i in range(len(short) - n + 1)}
    return any(long_[j : j + n] in runs for j in range(len(long_) - n + 1))


def overlapping_cuts(
    a: Rendering, b: Rendering, *, same_story: bool, days_apart: int | None
) -> bool:
    """Whether two full quotes of one speaker are overlapping cuts of one passage.

    See ``OVERLAP_EDGE_WORDS``: one story, near in time, a shared run of
    ``VERBATIM_MIN_WORDS`` words (contractions spelled out) at an edge of either side.
    """
    if not same_story or a.article_id == b.article_id:
        return False
    if a.kind != "direct" or b.kind != "direct" or not _same_speaker(a, b):
        return False
    if days_apart is not None and days_apart > SHORT_LINE_MAX_DAYS:
        return False
    return _shares_edge_run(a, b)


def _shares_edge_run(a: Rendering, b: Rendering) -> bool:
    """Whether two renderings share ``VERBATIM_MIN_WORDS`` words verbatim at an edge of one.

    Contractions spelled out; ``OVERLAP_EDGE_WORDS`` of slack (see ``overlapping_cuts``).
    """
    x, y = _spelled_out(a.words), _spelled_out(b.words)
    if min(len(x), len(y)) < VERBATIM_MIN_WORDS:
        return False
    run = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    if run.size < VERBATIM_MIN_WORDS:
        return False
    edge = OVERLAP_EDGE_WORDS
    return (
        run.a <= edge
        or run.b <= edge
        or run.a + run.size >= len(x) - edge
        or run.b + run.size >= len(y) - edge
    )


def said_again(a: Rendering, b: Rendering, days_apart: int | None) -> bool:
    """Whether two renderings may be one speaker's point made again on another occasion.

    See ``OTHER_OCCASION_MIN_WORDS``: the same speaker, in articles known to be more than
    ``SHORT_LINE_MAX_DAYS`` apart, sharing no run of that many words.
    """
    if days_apart is None or days_apart <= SHORT_LINE_MAX_DAYS or not _same_speaker(a, b):
        return False
    x, y = _spelled_out(a.words), _spelled_out(b.words)
    return longest_common_run(x, y) < OTHER_OCCASION_MIN_WORDS


def _near_in_time(a: Rendering, b: Rendering, days_apart: int | None) -> bool:
    """Whether two same-story renderings of a short line are close enough in time to be one.

    See ``SHORT_LINE_MAX_DAYS``: no limit when the shorter one is a partial quote.
    """
    if days_apart is None or days_apart <= SHORT_LINE_MAX_DAYS:
        return True
    shorter = min((a, b), key=lambda r: (len(r.term_set), r.rendering_id))
    return shorter.kind == "partial"


def short_line_in(
    a: Rendering, b: Rendering, *, same_story: bool, days_apart: int | None = None
) -> bool:
    """Whether the shorter of two renderings is a short line the longer one holds.

    See ``SHORT_LINE_SCORE``; ``align`` also drops a short line two renderings hold.
    """
    if min(len(a.term_set), len(b.term_set)) >= MIN_TERMS:
        return False  # the common case first: this runs for every candidate pair
    short, long_ = sorted((a, b), key=lambda r: (len(r.term_set), r.rendering_id))
    if a.article_id == b.article_id:
        return False
    if len(short.terms) < QUOTED_BACK_MIN_TERMS or len(short.term_set) >= MIN_TERMS:
        return False
    if not short.firm or not _same_speaker(short, long_):
        return False
    if len(long_.term_set) <= len(short.term_set):
        return False
    if _short_line_near(short, long_, same_story=same_story, days_apart=days_apart):
        return _contiguous(short.terms, long_.terms)
    if (
        same_story
        and _near_in_time(short, long_, days_apart)
        and phrase_held(short, long_)
        and _occurrences(short.words, long_.words) == 1
    ):
        return True  # a two-word phrase (see ``QUOTED_BACK_SCORE``)
    within = days_apart is None or days_apart <= QUOTED_BACK_MAX_DAYS
    return within and quoted_back(short, long_)


def _short_line_near(
    short: Rendering, long_: Rendering, *, same_story: bool, days_apart: int | None
) -> bool:
    """Whether a short line's pair is one story's, close in time, three content words or more.

    Such a pair needs only the short line's terms unbroken in the other (``SHORT_LINE_SCORE``);
    any other needs ``quoted_back``.
    """
    return (
        same_story
        and len(short.terms) >= PHRASE_MIN_TERMS
        and _near_in_time(short, long_, days_apart)
    )


def quoted_back(short: Rendering, long_: Rendering) -> bool:
    """Whether a partial prints a longer quote's words, every one in order (the same speaker).

    See ``QUOTED_BACK_MIN_WORDS``; the caller checks the speaker and the days apart.
    """
    if short.kind != "partial" or len(long_.term_set) < CROSS_STORY_MIN_TERMS:
        return False
    part = _spelled_out(short.words)
    return (
        len(part) >= QUOTED_BACK_MIN_WORDS
        and min(zipf(w) for w in part) < QUOTED_BACK_MAX_ZIPF
        and _contiguous(part, _spelled_out(long_.words))
    )


@lru_cache(maxsize=65_536)
def _spelled_out(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Words with contractions spelled out (``expand_contractions``)."""
    return tuple(words(expand_contractions(" ".join(tokens))))


def pair_reason(
    a: Rendering, b: Rendering, *, same_story: bool, days_apart: int | None = None
) -> str | None:
    """Why two renderings may not link (None: the pair passes, alignment aside).

    A diagnostic of the rules ``align`` applies: ``same article``, ``two cue-tied
    speakers``, ``no firm speaker`` (neither side tied by a cue, and not one speaker),
    ``other story`` (the pair could link if its articles were one story), ``short`` (too
    few content words to tell), ``wording`` (the words do not agree enough), ``said again``
    (they do, but days apart and with no long run in common: ``said_again``).
    """
    if a.article_id == b.article_id:
        return "same article"
    need = _pair_threshold(a, b, same_story=same_story, days_apart=days_apart)
    if need is None:
        same = _same_speaker(a, b)
        if not same and a.firm and b.firm:
            return "two cue-tied speakers"
        if _pair_threshold(a, b, same_story=True) is not None:
            return "other story"  # or other days
        if not same and not a.firm and not b.firm:
            return "no firm speaker"
        return "short"
    if _carried_verbatim(a, b, same_story=same_story) or overlapping_cuts(
        a, b, same_story=same_story, days_apart=days_apart
    ):
        return None
    if a.terms != b.terms and min(len(a.term_set), len(b.term_set)) < MIN_TERMS:
        if short_line_in(a, b, same_story=same_story, days_apart=days_apart):
            return None
        return "short"
    if len(a.term_set & b.term_set) < MIN_SHARED_TERMS and a.terms != b.terms:
        return "wording"
    s = score(a, b)
    if s == 0.0 and a.terms == b.terms:
        return "short"
    if s >= need and said_again(a, b, days_apart):
        return "said again"  # (``_carried_verbatim`` pairs returned above)
    return None if s >= need else "wording"


def align(
    left: Sequence[Rendering],
    right: Sequence[Rendering],
    *,
    same_story: bool,
    days_apart: int | None = None,
) -> list[Link]:
    """One-to-one links between two articles' renderings.

    Pairs that pass their threshold are taken full-quote pairs first, then by score
    (ties by ids); a rendering already taken is not matched again, with one exception:
    a rendering that carries a whole passage may also take the other parts of the
    passage its partner belongs to ("…,” she said. “…” rendered in one quote elsewhere),
    when it carries each part as quoted (``PART_CONTAINMENT``).
    """
    scored = []
    holders: Counter[str] = Counter()  # short line -> renderings of the other side holding it
    short_pairs = []
    # Only a pair with a short side can be a short line or a partial quoted back: the
    # other pairs are not looked at (most pairs of most articles).
    short_right = [b for b in right if len(b.term_set) < MIN_TERMS]
    for a in left:
        for b in right if len(a.term_set) < MIN_TERMS else short_right:
            if short_line_in(a, b, same_story=same_story, days_apart=days_apart):
                short, long_ = sorted((a, b), key=lambda r: (len(r.term_set), r.rendering_id))
                holders[short.rendering_id] += 1
                near = _short_line_near(short, long_, same_story=same_story, days_apart=days_apart)
                short_pairs.append(
                    (a, b, short.rendering_id, SHORT_LINE_SCORE if near else QUOTED_BACK_SCORE)
                )
    for a, b, short_id, s in short_pairs:
        if holders[short_id] == 1:
            scored.append(
                (a.kind != "direct" or b.kind != "direct", -s, a.rendering_id, b.rendering_id, s)
            )
    for a in left:
        for b in right:
            # The cheap test first: most pairs of two articles share fewer than two terms.
            if len(a.term_set & b.term_set) < MIN_SHARED_TERMS and a.terms != b.terms:
                continue
            need = _pair_threshold(a, b, same_story=same_story, days_apart=days_apart)
            if need is None:
                continue
            s = score(a, b)
            if s < need and (
                _carried_verbatim(a, b, same_story=same_story)
                or overlapping_cuts(a, b, same_story=same_story, days_apart=days_apart)
            ):
                s = SHORT_LINE_SCORE  # carried word for word: too short to score, or a cut
            elif (s >= need and said_again(a, b, days_apart)) and not _carried_verbatim(
                a, b, same_story=same_story
            ):
                continue  # its words alone do not tell one remark from the point made again
            if s >= need:
                both_full = a.kind == "direct" and b.kind == "direct"
                scored.append((not both_full, -s, a.rendering_id, b.rendering_id, s))
    by_id = {r.rendering_id: r for r in (*left, *right)}
    partners: dict[str, list[str]] = {}
    links = []
    for _, _, ra, rb, s in sorted(scored):
        if ra in partners and rb in partners:
            continue
        if ra in partners or rb in partners:
            whole, part = (ra, rb) if ra in partners else (rb, ra)
            if not _another_part(by_id[whole], by_id[part], [by_id[p] for p in partners[whole]]):
                continue
            partners[whole].append(part)
            partners[part] = [whole]
        else:
            partners[ra], partners[rb] = [rb], [ra]
        links.append(Link.of(ra, rb, s))
    return links


def _another_part(whole: Rendering, part: Rendering, taken: Sequence[Rendering]) -> bool:
    """Whether ``part`` is one more part of the passage ``whole`` already carries, verbatim.

    See ``PART_CONTAINMENT``: the share is of the part's longest unbroken run of terms in
    ``whole``, so words that only recur scattered (a paraphrase) do not count.
    """
    if not part.terms:
        return False
    if all(t.passage == part.passage for t in taken):
        return _holds(whole, part)
    return all(_split_piece(whole, t, part) for t in taken)


def _holds(whole: Rendering, part: Rendering) -> bool:
    """Whether ``whole`` carries ``part`` as quoted (``PART_CONTAINMENT``)."""
    return longest_common_run(part.terms, whole.terms) >= PART_CONTAINMENT * len(part.terms)


def _split_piece(whole: Rendering, taken: Rendering, part: Rendering) -> bool:
    """Whether two quotes of one article are pieces of the passage ``whole`` prints as one.

    See ``SPLIT_PIECE_MIN_TERMS``: cue-tied full quotes of ``whole``'s speaker, each held
    by it as quoted or cut at the same place, neither holding the other's terms.
    """
    if taken.article_id != part.article_id or whole.kind != "direct":
        return False
    if not all(
        r.kind == "direct"
        and len(r.term_set) >= SPLIT_PIECE_MIN_TERMS
        and _same_speaker(r, whole)
        and r.firm
        and (_holds(whole, r) or _shares_edge_run(whole, r))
        for r in (taken, part)
    ):
        return False
    return not (set(taken.terms) >= set(part.terms) or set(part.terms) >= set(taken.terms))


def split_pieces(items: Sequence[Rendering], links: Iterable[Link]) -> dict[str, str]:
    """Passage id -> the passage it joins: quotes of one article another prints as one.

    See ``SPLIT_PIECE_MIN_TERMS``; ``align`` linked the whole to each piece.
    """
    by_id = {r.rendering_id: r for r in items}
    partners: dict[str, set[str]] = defaultdict(set)
    for lk in links:
        if lk.a in by_id and lk.b in by_id:
            partners[lk.a].add(lk.b)
            partners[lk.b].add(lk.a)
    joins = []
    for wid, found in partners.items():
        whole = by_id[wid]
        by_article: dict[str, list[Rendering]] = defaultdict(list)
        for rid in found:
            if by_id[rid].article_id != whole.article_id:
                by_article[by_id[rid].article_id].append(by_id[rid])
        for pieces in by_article.values():
            pieces.sort(key=lambda r: r.rendering_id)
            for x, y in pairwise(pieces):
                if x.passage != y.passage and _split_piece(whole, x, y):
                    joins.append(Link.of(x.passage, y.passage, 1.0))
    alias: dict[str, str] = {}
    passages = {lk.a for lk in joins} | {lk.b for lk in joins}
    for group in partition(passages, joins):
        alias.update(dict.fromkeys(group, group[0]))
    return alias


def longest_common_run(x: Sequence[str], y: Sequence[str]) -> int:
    """Length of the longest run of consecutive terms that ``x`` and ``y`` share."""
    best = 0
    previous = [0] * (len(y) + 1)
    for a in x:
        current = [0] * (len(y) + 1)
        for j, b in enumerate(y, 1):
            if a == b:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


class StatementIndex:
    """Stored renderings by article and by (speaker, term): finds articles worth aligning."""

    def __init__(self, items: Iterable[Rendering] = ()) -> None:
        self._by_article: dict[str, list[Rendering]] = defaultdict(list)
        self._postings: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for r in items:
            self.add(r)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_article

    def mark_seen(self, article_id: str) -> None:
        """Record an article (even one without renderings) as indexed."""
        self._by_article.setdefault(article_id, [])

    def add(self, r: Rendering) -> None:
        self._by_article[r.article_id].append(r)
        for speaker in _speaker_postings(r):
            for term in r.term_set:
                self._postings[(speaker, term)].add(r.article_id)
        role = _wording_role(r)
        if role:
            for pair in _term_pairs(r):
                self._postings[(role, *pair)].add(r.article_id)

    def article(self, article_id: str) -> list[Rendering]:
        return self._by_article.get(article_id, [])

    def articles_sharing_speaker_terms(self, items: Sequence[Rendering]) -> set[str]:
        """Articles with a rendering by one of these speakers sharing enough terms."""
        found: set[str] = set()
        for r in items:
            speakers = _speaker_postings(r)
            if not speakers:
                continue
            shared: Counter[str] = Counter()
            for term in r.term_set:
                shared.update(set().union(*(self._postings.get((sp, term), ()) for sp in speakers)))
            found.update(
                a for a, n in shared.items() if n >= min(MIN_SHARED_TERMS, len(r.term_set))
            )
        return found

    def articles_sharing_wording(self, items: Sequence[Rendering]) -> set[str]:
        """Articles where an unattributed rendering and a firm one share word pairs.

        Only the cross-story rule for unattributed renderings needs these: an
        unattributed rendering looks among firm ones and a firm one among unattributed
        ones, through pairs of consecutive terms (sparser than single terms, so the
        lists stay short), two shared pairs at least.
        """
        found: set[str] = set()
        for r in items:
            role = _wording_role(r)
            if not role:
                continue
            other = "firm" if role == "unattributed" else "unattributed"
            shared: Counter[str] = Counter()
            for pair in _term_pairs(r):
                shared.update(self._postings.get((other, *pair), ()))
            found.update(a for a, n in shared.items() if n >= MIN_SHARED_PAIRS)
        return found


def _speaker_postings(r: Rendering) -> tuple[str, ...]:
    """The speaker keys a rendering is indexed under: its family name and its person key.

    The family name finds a bare surname's renderings ("Kennedy" / "Charles Kennedy"); the
    person key finds one person written in another order or spelling, whose last words
    differ ("Ishiba Shigeru" / "Shigeru Ishiba", see ``same_speaker_names``).
    """
    if not r.speaker_entity_id:
        return ()
    return (_name_parts(r.speaker_key)[1], "person:" + person_key(r.speaker_key))


def _wording_role(r: Rendering) -> str | None:
    """How a rendering takes part in the cross-story rule (None: it does not)."""
    if len(r.term_set) < UNATTRIBUTED_MIN_TERMS:
        return None
    if r.firm:
        return "firm"
    return None if r.speaker_entity_id else "unattributed"


def _term_pairs(r: Rendering) -> set[tuple[str, str]]:
    return set(zip(r.terms, r.terms[1:], strict=False))


def link_new_articles(
    new: Mapping[str, Sequence[Rendering]],
    index: StatementIndex,
    story_neighbours: Callable[[str], Collection[str]],
    dates: Mapping[str, dt.date | None] | None = None,
) -> tuple[list[Link], StatementIndex]:
    """Links between each new article's renderings and every article indexed before it.

    ``new`` maps article ids to their renderings; ``story_neighbours`` gives the articles
    directly linked to an article as one story (only there may an unattributed quote
    link); ``dates`` gives articles' publication days where known. New articles join
    ``index`` in id order, so the links do not depend on the order ``new`` came in.
    Returns the links and the grown index.
    """
    dates = dates or {}
    links: list[Link] = []
    teasers_of: dict[str, frozenset[str]] = {}  # article id -> its teasers (see ``teasers``)
    for article_id in sorted(new):
        if article_id in index:
            continue
        items = list(new[article_id])
        links += fragment_links(items)
        own_teasers = teasers_of[article_id] = teasers(items)
        links += passage_links(items, own_teasers)
        linkable = [r for r in items if r.rendering_id not in own_teasers]
        neighbours = set(story_neighbours(article_id))
        others = (
            index.articles_sharing_speaker_terms(items)
            | index.articles_sharing_wording(items)
            | {a for a in neighbours if a in index}
        )
        others.discard(article_id)
        for other in sorted(others):
            theirs = index.article(other)
            if other not in teasers_of:
                teasers_of[other] = teasers(theirs)
            their_teasers = teasers_of[other]
            links += align(
                linkable,
                [r for r in theirs if r.rendering_id not in their_teasers],
                same_story=other in neighbours,
                days_apart=days_between(dates.get(article_id), dates.get(other)),
            )
        for r in items:
            index.add(r)
        index.mark_seen(article_id)
    return links, index


def group_renderings(items: Sequence[Rendering], links: Iterable[Link]) -> list[list[str]]:
    """Statements as groups of rendering ids (a pure function of items and links).

    An unattributed rendering linked to renderings of more than one speaker keeps none
    of those links (it cannot tell whose words it carries). The links of partials quoted
    back across stories (``QUOTED_BACK_SCORE``) join the groups the word links made, when
    every rendering holding the partial's words is in one of them (``_quoted_back_links``).
    The links between pieces split by a paragraph break (``PARAGRAPH_PIECE_LINK_SCORE``)
    join the groups the other links made, last, and only when neither group holds an
    article the other lacks.
    """
    by_id = {r.rendering_id: r for r in items}
    kept = [lk for lk in links if lk.a in by_id and lk.b in by_id]
    # A weak or unattributed rendering linked to firm speakers: keep the links to its own
    # (weak) speaker if any; otherwise keep them only when they all name one speaker.
    firm_partners: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for lk in kept:
        for x, y in ((lk.a, lk.b), (lk.b, lk.a)):
            if not by_id[x].firm and by_id[y].firm:
                firm_partners[x].add(by_id[y].speaker_key)

    def one_person(keys: Iterable[tuple[str, ...]]) -> bool:
        keys = list(keys)
        return all(same_speaker_names(p, q) for p in keys for q in keys)

    def allowed(x: str, y: str) -> bool:
        rx, ry = by_id[x], by_id[y]
        if rx.firm or not ry.firm:
            return True
        partners = firm_partners[x]
        if _same_speaker(rx, ry):
            return True
        if rx.speaker_entity_id and any(same_speaker_names(rx.speaker_key, p) for p in partners):
            return False  # it has its own speaker among the partners: only those links
        return one_person(partners)

    kept = [lk for lk in kept if allowed(lk.a, lk.b) and allowed(lk.b, lk.a)]

    joined = split_pieces(items, kept)

    def labels(rid: str) -> frozenset[object]:
        r = by_id[rid]
        out: set[object] = {("article", r.article_id, joined.get(r.passage, r.passage))}
        if r.speaker_entity_id:
            out.add(("firm" if r.firm else "weak", r.speaker_key))
        return frozenset(out)

    def compatible(x: frozenset[object], y: frozenset[object]) -> bool:
        passages = {
            (lab[1], lab[2]) for lab in x | y if isinstance(lab, tuple) and lab[0] == "article"
        }
        if len({article for article, _ in passages}) < len(passages):
            return False  # two different passages of one article
        union = [lab for lab in x | y if isinstance(lab, tuple)]
        firm = [lab[1] for lab in union if lab[0] == "firm"]
        weak = [lab[1] for lab in union if lab[0] == "weak"]
        return one_person(firm) if firm else one_person(weak)

    pieces = [lk for lk in kept if lk.score == PARAGRAPH_PIECE_LINK_SCORE]
    backs = [lk for lk in kept if lk.score == QUOTED_BACK_SCORE]
    word_links = [
        lk for lk in kept if lk.score not in (PARAGRAPH_PIECE_LINK_SCORE, QUOTED_BACK_SCORE)
    ]
    groups = partition(by_id, word_links, labels=labels, compatible=compatible)
    if backs:
        groups = partition(
            by_id,
            word_links + _quoted_back_links(backs, groups, by_id),
            labels=labels,
            compatible=compatible,
        )
    if not pieces:
        return groups
    # The pieces of a passage split by a paragraph break join last, one group to another,
    # unless other articles already quoted the two apart: each group then holds an article
    # the other lacks (a rendering holding both would have put them in one group).
    head = {m: g[0] for g in groups for m in g}
    members = {g[0]: g for g in groups}

    def group_labels(first: str) -> frozenset[object]:
        found: set[object] = set()
        for m in members[first]:
            found |= labels(m)
        return frozenset(found)

    def joinable(x: frozenset[object], y: frozenset[object]) -> bool:
        if not compatible(x, y):
            return False
        articles_x, articles_y = (
            {lab[1] for lab in z if isinstance(lab, tuple) and lab[0] == "article"} for z in (x, y)
        )
        return articles_x <= articles_y or articles_y <= articles_x

    merged = partition(
        members,
        [Link.of(head[lk.a], head[lk.b], lk.score) for lk in pieces if head[lk.a] != head[lk.b]],
        labels=group_labels,
        compatible=joinable,
    )
    return sorted(
        (sorted(m for g in part for m in members[g]) for part in merged), key=lambda g: g[0]
    )


def _quoted_back_links(
    backs: Sequence[Link], groups: Sequence[Sequence[str]], by_id: Mapping[str, Rendering]
) -> list[Link]:
    """The links of partials quoted back (``QUOTED_BACK_SCORE``) that may join statements.

    A partial joins the remark it quotes only when every rendering holding its words, its
    partners and any in its own statement, is one statement: a phrase the speaker used in
    two remarks (a slogan) cannot tell which one it quotes, so it keeps none of them.
    """
    group_of = {m: n for n, g in enumerate(groups) for m in g}
    holders: dict[str, set[int]] = defaultdict(set)
    for lk in backs:
        short, long_ = sorted((lk.a, lk.b), key=lambda r: (len(by_id[r].term_set), r))
        holders[short].add(group_of[long_])
        part = by_id[short]
        if any(
            m != short
            and len(by_id[m].term_set) > len(part.term_set)
            and quoted_back(part, by_id[m])
            for m in groups[group_of[short]]
        ):
            holders[short].add(group_of[short])  # its own statement holds the words already
    single = {r for r, found in holders.items() if len(found) == 1}
    return [lk for lk in backs if lk.a in single or lk.b in single]


def days_between(x: dt.date | None, y: dt.date | None) -> int | None:
    """Days between two publication dates (None when either is unknown)."""
    return abs((x - y).days) if x is not None and y is not None else None


def rendering_age(
    items: Sequence[Rendering], dates: Mapping[str, dt.date | None]
) -> Callable[[str], tuple[object, ...]]:
    """Sort key of a rendering for 'first': article date (undated last), article, utterance."""
    by_id = {r.rendering_id: r for r in items}

    def age(rid: str) -> tuple[object, ...]:
        r = by_id[rid]
        d = dates.get(r.article_id)
        return (d is None, d or dt.date.min, r.article_id, r.utterance_index)

    return age
