"""Quote extraction and speaker attribution: who said what in one article.

The stages run in order, each in its own module:

1. ``candidates``: pair quote marks into spans (or skip them, saying why);
2. ``content``: direct quotation, partial quotation, or neither (scare quotes, titles);
3. ``cue``: the reporting verb around it and the head of its speaker;
4. ``speaker``: the speaker phrase around that head;
5. ``resolve``: the phrase to an entity of the article's mentions.

A direct quotation with no cue of its own borrows the speaker of a neighbouring
quotation (the next one in the same paragraph, or the previous one in the same or
the previous paragraph), as news writing continues a speaker's words paragraph after
paragraph; such borrowed attributions carry a lower confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.core.models import PERSON, Mention, Quote, SkippedMark
from pipelines.core.quotes import _rules
from pipelines.core.quotes._view import DocView
from pipelines.core.quotes.candidates import Candidate, find_candidates
from pipelines.core.quotes.content import (
    DIRECT,
    PARTIAL,
    Shape,
    is_direct_shape,
    looks_like_title,
    shape_of,
)
from pipelines.core.quotes.cue import (
    AFTER,
    BEFORE,
    Cue,
    bare_report,
    cue_right_before,
    find_cue,
    frame_tokens,
)
from pipelines.core.quotes.resolve import (
    NO_CUE,
    NO_SPEAKER,
    MentionIndex,
    Resolution,
    resolve_speaker,
)
from pipelines.core.quotes.speaker import speaker_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_quotes"]

# Confidence of an attribution by how it was made. An explicit cue read from the
# parse is the most reliable; position-only reading, a colon, or a speaker borrowed
# from a neighbouring quotation are progressively less so.
_CONFIDENCE = {"parse": 0.9, "position": 0.8, "colon": 0.7}
_NEXT_IN_LINE = 0.7
_CONTINUATION = 0.6
_TOPIC = 0.5
_PART_OF_PREVIOUS = 0.85  # reopened in the next paragraph: same utterance
_PARTIAL_FACTOR = 0.9
_UNATTRIBUTED = 0.3
# Longest single-quoted line still read as a subheading rather than a quotation.
_HEADING_WORDS = 8


@lru_cache(maxsize=1)
def _translator_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _rules._lines("translator_nouns.txt"))


@dataclass(slots=True)
class _Draft:
    cand: Candidate
    kind: str
    cue: Cue | None
    line: int
    res: Resolution | None = None
    confidence: float = 0.0
    utterance: int = -1


def _previous_line(view: DocView, line: int) -> int | None:
    """The nearest earlier line with text (paragraphs may be separated by blank lines)."""
    k = line - 1
    while k >= 0:
        a, b = view.line_bounds(k)
        if view.text[a:b].strip():
            return k
        k -= 1
    return None


def _cue_from_intro_line(
    view: DocView, cands: Sequence[Candidate], k: int, line: int, last: str
) -> Cue | None:
    """A paragraph that introduces the next one's quotation: "Cruz continued:" ⏎ "“…”"."""
    prev = _previous_line(view, line)
    if prev is None:
        return None
    a, b = view.line_bounds(prev)
    if not view.text[a:b].rstrip().endswith(":"):
        return None
    for j in range(k - 1, -1, -1):  # the intro is the text after any quotation on that line
        if cands[j].mark_end <= b:
            if cands[j].mark_end > a:
                a = cands[j].mark_end
            break
    before = frame_tokens(view, a, b, BEFORE)
    empty = (before[1], before[1])
    return find_cue(
        view, _rules.load_rules(), _translator_words(), before, empty, last, partial=False
    )


def _cue_from_previous_sentence(view: DocView, left: int, stop: int, last: str) -> Cue | None:
    """A sentence that reports speech with no object: "X said in a statement. “…”".

    The quotation that follows is what was said. The cue must not take a clause or
    an object of its own ("X said the plan failed. “…”" reports something else).
    """
    lo = view.first_token_at_or_after(left)
    hi = stop - 1  # drop the full stop
    if hi <= lo:
        return None
    frame = frame_tokens(view, view.starts[lo], view.starts[hi], BEFORE)
    empty = (frame[1], frame[1])
    cue = find_cue(
        view, _rules.load_rules(), _translator_words(), frame, empty, last, partial=False
    )
    if cue is None or cue.word == ":" or cue.subject is None:
        return None
    if not bare_report(view.doc[cue.token], frame[1]):
        return None  # only "in a statement", "on Tuesday" may follow the verb
    return cue


def _is_heading(text: str, c: Candidate, shape: Shape, ls: int, le: int) -> bool:
    """Quoted headings and headlines of cited articles are not quotations.

    Three shapes: a quoted title followed by its byline ("“Met accused of …,” by
    Kathianne Boniello"); a line that is nothing but a short single-quoted phrase
    (a subheading in NYT style, ‘A healthy environment.’); a label ending in a colon
    ("“Related:”").
    """
    after = shape.after.lstrip(" ,")
    if after[:3] == "by " and after[3:4].isupper():
        return True
    quoted = text[c.start : c.end]
    whole_line = not text[ls : c.mark_start].strip() and not text[c.mark_end : le].strip()
    if whole_line and not c.double and len(quoted.split()) <= _HEADING_WORDS:
        return True
    return quoted.endswith(":") and len(quoted.split()) <= 2


def _classify(view: DocView, cands: Sequence[Candidate], k: int) -> _Draft | None:
    """Stages 2-3 for candidate ``k``: its kind and its cue (None: not a quotation)."""
    rules = _rules.load_rules()
    trans = _translator_words()
    text = view.text
    c = cands[k]
    line = view.line_of(c.mark_start)
    ls, le = view.line_bounds(line)
    left = ls
    if k > 0 and cands[k - 1].mark_end > ls:
        left = max(ls, cands[k - 1].mark_end)
    right = le
    if k + 1 < len(cands) and cands[k + 1].mark_start < le:
        right = max(c.mark_end, min(le, cands[k + 1].mark_start))
    shape = shape_of(text, c, left, right)
    quoted = text[c.start : c.end]
    title_like = looks_like_title(quoted)
    if not shape.opens_clause and not shape.after_comma and title_like:
        return None  # on CNN's “State of the Union,” …: a title, not a quotation
    if _is_heading(text, c, shape, ls, le):
        return None
    before = frame_tokens(view, left, c.mark_start, BEFORE)
    last = text[c.end - 1]
    after = frame_tokens(view, c.mark_end, right, AFTER)
    cue = find_cue(view, rules, trans, before, after, last, partial=False)
    introduced = cue is not None and cue.side == BEFORE
    direct = is_direct_shape(shape, introduced)
    opens = shape.opens_clause or (shape.after_comma and last == ",")
    if not direct and cue is not None and cue.side == AFTER and opens:
        # “I am going to win” he said (a missing comma); Yet, “it is hard,” added X.
        direct = True
    if not direct and shape.closes_clause and cue_right_before(view, rules, before):
        # She declared “What a night!”: the verb takes the quotation itself.
        direct = True
        empty = (after[0], after[0])
        cue = find_cue(view, rules, trans, before, empty, last, partial=False) or cue
    if direct and cue is None and not c.continued:
        if not text[ls : c.mark_start].strip():
            cue = _cue_from_intro_line(view, cands, k, line, last)
        elif before[0] > view.first_token_at_or_after(left):
            cue = _cue_from_previous_sentence(view, left, before[0], last)
    if direct and title_like and cue is None and not c.continued:
        return None  # “Tales From the Crypt,” an HBO series, …: a title with no speaker
    if direct:
        return _Draft(c, DIRECT, cue, line)
    cue = find_cue(view, rules, trans, before, after, last, partial=True)
    if cue is None:
        return None  # embedded words with no reporting verb: scare quotes, titles
    return _Draft(c, PARTIAL, cue, line)


def _attribute(
    view: DocView, drafts: list[_Draft], index: MentionIndex, spans: list[tuple[int, int]]
) -> None:
    """Stages 4-5 for every draft that has a cue with a subject, in text order."""
    rules = _rules.load_rules()
    starts = [a for a, _ in spans]
    recent: list[tuple[int, str]] = []
    for d in drafts:
        if d.cue is None:
            continue
        if d.cue.subject is None:
            d.res = None
            continue
        phrase = speaker_phrase(view.doc, d.cue.subject, rules)
        d.res = resolve_speaker(view, phrase, index, rules, spans, starts, recent)
        base = _CONFIDENCE.get(d.cue.method, 0.7)
        d.confidence = base * d.res.factor * (_PARTIAL_FACTOR if d.kind == PARTIAL else 1.0)
        if d.res.entity_id is not None:
            recent.append((d.cand.start, d.res.entity_id))


def _topic_person(
    view: DocView, drafts: list[_Draft], k: int, index: MentionIndex
) -> Resolution | None:
    """The person a narrative paragraph is about, for the quotation opening the next one.

    "Valastro praised the governor's record." ⏎ "“We need someone who …”": news
    writing introduces a speaker in a paragraph of its own and quotes them in the
    next. Only a person who is the grammatical subject there qualifies.
    """
    d = drafts[k]
    ls, _ = view.line_bounds(d.line)
    if view.text[ls : d.cand.mark_start].strip():
        return None
    prev = _previous_line(view, d.line)
    if prev is None or (k > 0 and drafts[k - 1].line == prev):
        return None
    a, b = view.line_bounds(prev)
    for m in reversed(index.overlapping(a, b)):
        if m.entity_type != PERSON or m.start < a:
            continue
        tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            surface = view.text[m.start : m.end]
            return Resolution(m.entity_id, m.entity_type, surface, m.start, m.end, None, 1.0)
    return None


def _fill_continuations(view: DocView, drafts: list[_Draft], index: MentionIndex) -> None:
    """Give cue-less direct quotations the speaker of a neighbouring quotation."""
    text = view.text
    for k, d in enumerate(drafts):
        if d.res is not None or (d.kind != DIRECT and d.cue is None):
            continue
        prev = drafts[k - 1] if k > 0 else None
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        if d.cand.continued and prev is not None and prev.res is not None:
            d.res, d.confidence = prev.res, min(prev.confidence, _PART_OF_PREVIOUS)
            continue
        if d.cue is not None:
            # A cue whose subject the parse lost ("…,” adding, “…”) continues the
            # sentence of the previous quotation.
            if prev is not None and prev.res is not None and prev.line == d.line:
                d.res, d.confidence = prev.res, _CONTINUATION
            continue
        if (
            nxt is not None
            and nxt.res is not None
            and nxt.kind == DIRECT
            and nxt.line == d.line
            and not text[d.cand.mark_end : nxt.cand.mark_start].strip()
        ):
            d.res, d.confidence = nxt.res, _NEXT_IN_LINE
            continue
        back = prev
        if back is not None and back.res is not None:
            gap = text[view.line_starts[back.line] : view.line_starts[d.line]]
            if d.line - back.line <= 1 or not gap[gap.find("\n") :].strip():
                d.res, d.confidence = back.res, _CONTINUATION
                continue
        topic = _topic_person(view, drafts, k, index)
        if topic is not None:
            d.res, d.confidence = topic, _TOPIC


def _split_pair(text: str, prev: _Draft, d: _Draft) -> bool:
    """“A,” X said, “B.” / “A,” X said, adding, “B.”: one utterance around its cue."""
    if prev.cue is None or d.cue is None or prev.kind != DIRECT or d.kind != DIRECT:
        return False
    if prev.cue.token == d.cue.token:
        return True
    between = text[prev.cand.mark_end : d.cand.mark_start]
    return (
        prev.cue.side == AFTER
        and d.cue.side == BEFORE
        and text[prev.cand.end - 1] == ","
        and "\n" not in between
        and not any(ch in between for ch in ".!?")
    )


def _utterances(text: str, drafts: list[_Draft]) -> None:
    n = -1
    prev: _Draft | None = None
    for d in drafts:
        same = prev is not None and (d.cand.continued or _split_pair(text, prev, d))
        if not same:
            n += 1
        d.utterance = n
        prev = d


def extract_quotes(doc: Doc, mentions: Sequence[Mention]) -> list[Quote]:
    """Find the quotations of one article and who said them.

    Args:
        doc: the spaCy Doc of the article body (from ``pipelines.core.nlp``).
        mentions: the article's resolved entity mentions.

    Returns:
        Quotes in text order, offsets into ``doc.text`` (quote marks excluded). Split
        quotations are separate records sharing ``utterance`` and numbered by ``part``.
    """
    return extract_quotes_and_skips(doc, mentions)[0]


def extract_quotes_and_skips(
    doc: Doc, mentions: Sequence[Mention]
) -> tuple[list[Quote], tuple[SkippedMark, ...]]:
    """:func:`extract_quotes`, plus the quote marks left unpaired and why."""
    view = DocView(doc)
    scan = find_candidates(view.text)
    cands = scan.candidates
    drafts = [d for k in range(len(cands)) if (d := _classify(view, cands, k)) is not None]
    spans = [(c.start, c.end) for c in cands]
    index = MentionIndex(mentions, view.text)
    _attribute(view, drafts, index, spans)
    _fill_continuations(view, drafts, index)
    _utterances(view.text, drafts)
    out: list[Quote] = []
    part = 0
    last_utt = -1
    for d in drafts:
        part = part + 1 if d.utterance == last_utt else 0
        last_utt = d.utterance
        c = d.cand
        res = d.res
        if res is None:
            reason = NO_SPEAKER if d.cue is not None else NO_CUE
            out.append(
                Quote(
                    text=view.text[c.start : c.end],
                    start=c.start,
                    end=c.end,
                    kind=d.kind,
                    cue_verb=(d.cue.word or None) if d.cue else None,
                    confidence=_UNATTRIBUTED,
                    unattributed_reason=reason,
                    utterance=d.utterance,
                    part=part,
                )
            )
            continue
        out.append(
            Quote(
                text=view.text[c.start : c.end],
                start=c.start,
                end=c.end,
                kind=d.kind,
                speaker_entity_id=res.entity_id,
                speaker_surface=res.surface,
                speaker_start=res.start,
                speaker_end=res.end,
                cue_verb=(d.cue.word or None) if d.cue else None,
                via_translator=d.cue.via_translator if d.cue else False,
                confidence=round(min(1.0, max(0.0, d.confidence)), 3),
                unattributed_reason=res.reason,
                utterance=d.utterance,
                part=part,
            )
        )
    return out, scan.skipped
