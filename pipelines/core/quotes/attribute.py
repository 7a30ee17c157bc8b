"""Stages 4-5 for every quotation, then continuations: who said it, and how sure we are.

A quotation whose cue has a subject gets its speaker phrase (``speaker``) resolved to
an entity of the article (``resolve``). A direct quotation with no cue of its own
borrows the speaker of a neighbouring quotation (the next one in the same paragraph,
or the previous one in the same or the previous paragraph), as news writing continues
a speaker's words paragraph after paragraph; such borrowed attributions carry a lower
confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pipelines.core.deadline import checked  # the article's time budget, per draft
from pipelines.core.models import ORG, PERSON, Mention, Quote
from pipelines.core.normalize import name_rules
from pipelines.core.quotes._view import FINITE_OR_MODAL_TAGS, SUBJECT_DEPS, DocView
from pipelines.core.quotes.classify import Draft, label_span, previous_line
from pipelines.core.quotes.content import DIRECT, PARTIAL
from pipelines.core.quotes.cue import AFTER
from pipelines.core.quotes.resolve import (
    ECHO,
    NO_CUE,
    NO_SPEAKER,
    NOT_AN_ENTITY,
    PRONOUN_UNRESOLVED,
    Context,
    Resolution,
    followed_namesake,
    resolve_speaker,
    spelt_in_full,
    subject_role,
    unrecognised_subjects,
)
from pipelines.core.quotes.speaker import NAMED, speaker_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

# Confidence of an attribution by how it was made. An explicit cue read from the
# parse is the most reliable; position-only reading, a colon, or a speaker borrowed
# from a neighbouring quotation are progressively less so.
_CONFIDENCE = {"parse": 0.9, "position": 0.8, "colon": 0.7}
_NEXT_IN_LINE = 0.7
_CONTINUATION = 0.6
_TOPIC = 0.5
_LABEL = 0.7  # a label line, no verb: "- Coach Ana Ruiz “…”"
_PULL_QUOTE = 0.7  # a pull quote repeats a quotation attributed elsewhere in the article
_PART_OF_PREVIOUS = 0.85  # reopened in the next paragraph: same utterance
_PARTIAL_FACTOR = 0.9
_UNATTRIBUTED = 0.3
_AHEAD = 0.4  # nobody before it: the next paragraph names the speaker
_CREDIT = 0.7  # a credit line under the quotation: "- Ann Lee."


def attribute(ctx: Context, drafts: list[Draft]) -> None:
    """Stages 4-5 for every draft that has a cue with a subject, in text order."""
    recent: list[tuple[int, str]] = []
    for d in checked(drafts):
        if d.cue is None:
            continue
        if d.cue.subject is None:
            d.res = None
            continue
        phrase = speaker_phrase(ctx.view.doc, d.cue.subject, ctx.rules)
        d.res = resolve_speaker(ctx, phrase, recent)
        base = _CONFIDENCE.get(d.cue.method, 0.7)
        d.confidence = base * d.res.factor * (_PARTIAL_FACTOR if d.kind == PARTIAL else 1.0)
        if d.res.entity_id is not None:
            recent.append((d.cand.start, d.res.entity_id))
            # "Mutu hit out, saying: “They destroyed me.”": a named organisation that speaks
            # as "I" is a person the recogniser mistyped; later pronouns may refer to it.
            quoted = ctx.view.text[d.cand.start : d.cand.end]
            if d.res.entity_type == ORG and phrase.kind == NAMED and _SINGULAR_I.search(quoted):
                ctx.index.mark_person(d.res.entity_id)


def fill_continuations(ctx: Context, drafts: list[Draft]) -> None:
    """Give cue-less direct quotations the speaker of a neighbouring quotation."""
    view = ctx.view
    text = view.text
    for k, d in checked(enumerate(drafts)):
        if d.res is not None or (d.kind != DIRECT and d.cue is None):
            continue
        prev = drafts[k - 1] if k > 0 else None
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        label = _label_person(ctx, d) or _verbless_name(ctx, d) if d.cue is None else None
        if label is not None:  # a new label names a new speaker, even mid-quotation
            d.res, d.confidence = label, _LABEL
            continue
        if prev is not None and _speaker_in_speech(ctx, prev) and k >= 2:
            # "… and you tell yourself: ‘Is this really my week?’ ⏎ “But then …”": the
            # "you" of a quotation reported inside a speech is no speaker to continue;
            # the speech's own speaker is, from the quotation before it.
            prev = drafts[k - 2]
        if d.cand.continued and prev is not None and prev.res is not None:
            d.res, d.confidence = prev.res, min(prev.confidence, _PART_OF_PREVIOUS)
            continue
        if d.cue is not None:
            # A cue whose subject the parse lost ("…,” adding, “…”) continues the
            # sentence of the previous quotation.
            if prev is not None and prev.res is not None and prev.line == d.line:
                d.res, d.confidence = prev.res, _CONTINUATION
            continue
        credit = _credit_line(ctx, drafts, k)
        if credit is not None:
            d.res, d.confidence = credit, _CREDIT
            continue
        if (
            nxt is not None
            and nxt.res is not None
            and nxt.kind == DIRECT
            and nxt.line == d.line
            and not text[d.cand.mark_end : nxt.cand.mark_start].strip()
            and not _after_own_attribution(prev, d)
        ):
            d.res, d.confidence = nxt.res, _NEXT_IN_LINE
            continue
        introduced = _introduced_person(ctx, drafts, k)
        if introduced is None:
            introduced = _narrative_reporter(ctx, drafts, k)
        if introduced is not None and _named_in_speech(ctx, drafts, k, introduced):
            introduced = None
        if introduced is not None:
            d.res, d.confidence = introduced, _TOPIC
            continue
        back = prev
        reporter = _reporter_after(ctx, drafts, k)
        if reporter is not None and not _named_in_speech(ctx, drafts, k, reporter):
            d.res, d.confidence = reporter, _TOPIC
            continue
        if back is not None and back.res is not None:
            gap = text[view.line_starts[back.line] : view.line_starts[d.line]]
            if d.line - back.line <= 1 or not gap[gap.find("\n") :].strip():
                d.res, d.confidence = back.res, _CONTINUATION
                continue
        topic = _topic_person(ctx, drafts, k)
        if topic is None:
            topic = _reported_speaker(ctx, drafts, k)
        if topic is not None and _named_in_speech(ctx, drafts, k, topic):
            topic = None
        if topic is not None:
            d.res, d.confidence = topic, _TOPIC
            continue
        if back is not None and back.res is not None and _gloss_between(ctx, back, back.res, d):
            d.res, d.confidence = back.res, _TOPIC
            continue
        heading = _heading_subject(ctx, drafts, k)
        if heading is not None:
            d.res, d.confidence = heading, _TOPIC
            continue
        ahead = _speaker_ahead(ctx, drafts, k)
        if ahead is not None and not _named_in_speech(ctx, drafts, k, ahead):
            d.res, d.confidence = ahead, _AHEAD
    _attribute_pull_quotes(ctx, drafts)


# Fewest words a pull quote must repeat: a shorter phrase recurs by chance ("we will").
_PULL_QUOTE_WORDS = 6
_WORD = re.compile(r"\w+")


def _attribute_pull_quotes(ctx: Context, drafts: list[Draft]) -> None:
    """A pull quote speaks with the voice of the quotation whose words it repeats.

    Pages set a line of a quotation apart as a pull quote, with no cue of its own, and
    a text extractor leaves it in the body ("“Their rents doubled in a year” ⏎ … ⏎
    "“In most towns their rents doubled in a year,” Lee said."): a cue-less direct
    quotation that fills its paragraph and whose words (six or more) recur inside
    another quotation takes that quotation's speaker, wherever the two stand.
    """
    view = ctx.view
    text = view.text
    words = [
        " " + " ".join(_WORD.findall(text[d.cand.start : d.cand.end].lower())) + " " for d in drafts
    ]
    for k, d in enumerate(drafts):
        c = d.cand
        if d.kind != DIRECT or d.cue is not None or c.continued or c.continues:
            continue
        if len(words[k].split()) < _PULL_QUOTE_WORDS:
            continue
        ls, le = view.line_bounds(d.line)
        if text[ls : c.mark_start].strip() or text[c.mark_end : le].strip():
            continue  # not a paragraph of its own
        for j, e in enumerate(drafts):
            if (
                j != k
                and e.res is not None
                and e.res.entity_id is not None
                and words[k] in words[j]
            ):
                if d.res is None or d.res.entity_id != e.res.entity_id:
                    d.res, d.confidence = e.res, _PULL_QUOTE
                break


def _after_own_attribution(prev: Draft | None, d: Draft) -> bool:
    """True when the quotation right before ``d`` in its line ends with its own attribution.

    "“A,” said Lee, the director. “B.” “C,” said Kim.": with the paragraph breaks lost,
    "B" opens after Lee's attribution and goes on with Lee's words; "C" starts Kim's.
    """
    return (
        prev is not None
        and prev.res is not None
        and prev.line == d.line
        and prev.cue is not None
        and prev.cue.side == AFTER
    )


def _named_in_speech(ctx: Context, drafts: list[Draft], k: int, who: Resolution) -> bool:
    """True when the speech a cue-less quotation opens names ``who`` in the third person.

    "And Ray Kim looks certain to get the call. “I made a mistake in 2001. “Ray Kim is
    an outstanding player …”": a speaker talks about the person the sentence before
    introduced; nobody names themselves so. The speech is the quotation and the cue-less
    quotations that follow it in its paragraph with nothing between them.
    """
    if who.entity_id is None or who.entity_type != PERSON:
        return False  # an organisation names itself ("the BBC has always …")
    named = ctx.index.covering(who.start, who.end)
    if named is None or named.entity_id != who.entity_id:
        return False  # "Lee's spokesman": a spokesperson talks about their principal
    text = ctx.view.text
    j = k
    while True:
        c = drafts[j].cand
        if any(m.entity_id == who.entity_id for m in ctx.index.overlapping(c.start, c.end)):
            return True
        j += 1
        if j >= len(drafts):
            return False
        nxt = drafts[j]
        if (
            nxt.cue is not None
            or nxt.kind != DIRECT
            or nxt.line != drafts[j - 1].line
            or text[c.mark_end : nxt.cand.mark_start].strip()
        ):
            return False


_SPEECH_PRONOUNS = frozenset({"i", "you", "we"})
# "“… Lee admitted he had told the players he would “fake” an injury. “…”": a "he" or
# "she" resolved to someone, inside a speech whose opening mark is still unanswered, is
# someone the speaker talks about, not the speaker the next quotation continues.
_THIRD_PERSON = frozenset({"he", "she", "they"})


def _speaker_in_speech(ctx: Context, d: Draft) -> bool:
    """True when a quotation's unresolved speaker belongs to someone's speech.

    "I", "you" or "we" ("it causes you to say ‘wow’"), or a subject after an opening
    double quotation mark of its paragraph that no closing mark has answered yet
    ("“Coaches have been asked to tell the team ‘…’" where the outer quotation was
    never paired): the quotation is reported within a speech, and its subject is no
    speaker of its own.
    """
    res = d.res
    # A name the recogniser missed is a speaker, wherever the parse found it.
    if res is None or res.reason == NOT_AN_ENTITY:
        return False
    if res.entity_id is not None and (
        d.kind != PARTIAL or res.surface.lower() not in _THIRD_PERSON
    ):
        return False  # a named speaker, resolved: a quotation of its own
    if res.surface.lower() in _SPEECH_PRONOUNS:
        return True
    view = ctx.view
    before = view.text[view.line_starts[view.line_of(res.start)] : res.start]
    # Marks counted together: pages mix them ("“Republicans …," said X").
    return sum(before.count(mark) for mark in '"“”') % 2 == 1


def _label_person(ctx: Context, d: Draft) -> Resolution | None:
    """The person a label line names right before its quotation (see :func:`_label_span`)."""
    view = ctx.view
    ls, _ = view.line_bounds(d.line)
    span = label_span(view, ls, d.cand.mark_start)
    if span is None:
        return None
    end = span[1]
    found = ctx.index.overlapping(end - 1, end)
    for m in found:
        if m.entity_type == PERSON and m.end == end:
            return _resolution(ctx, m)
    if found:
        return None  # "- Newcastle United “…”": an organisation or place, not a person
    # A name the entity recogniser missed ("- Home coach Ana Ruiz" with no mention) still
    # names a new speaker: keep it, unresolved, rather than borrowing the last speaker.
    doc = view.doc
    last = view.token_containing(end - 1)
    first = last
    while first - 1 >= 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].idx >= span[0]:
        first -= 1
    if last - first < 1 or doc[last].pos_ != "PROPN":
        return None  # a single capitalised word is as likely a team or a place
    a = doc[first].idx
    return Resolution(None, None, view.text[a:end], a, end, NOT_AN_ENTITY, 1.0)


# "“…,” Mr Lee." : after a quotation that ends on a comma, only a person's name (titles
# allowed) and the full stop: the attribution's verb was left out by the source.
_VERBLESS_TAIL = re.compile(r"[ \t]*([^\s.!?,;:\"“”‘’][^.!?,;:\n\"“”]{0,60}?)\.(?=\s|$)")


def _verbless_name(ctx: Context, d: Draft) -> Resolution | None:
    """The person named right after a quotation whose attribution lost its verb.

    ‹“It will be hard,” Mr Lee.›: the quotation ends on a comma, so its sentence goes on,
    and what follows up to the full stop is one person's name, with courtesy titles at
    most. A name after a quotation that ends its sentence (‹“It will be hard.” Mr Lee
    left.›) starts a sentence of its own and never gets here (its words are not a name
    alone, or the content does not end on a comma).
    """
    if d.kind != DIRECT:
        return None
    view = ctx.view
    text = view.text
    if not text[d.cand.start : d.cand.end].rstrip().endswith(","):
        return None
    match = _VERBLESS_TAIL.match(text, d.cand.mark_end, view.line_bounds(d.line)[1])
    if match is None:
        return None
    a, b = match.span(1)
    honorifics = name_rules().honorifics
    for m in ctx.index.overlapping(a, b):
        if m.entity_type != PERSON or m.end != b or m.start < a:
            continue
        titles = text[a : m.start].split()
        if all(t.rstrip(".").lower() in honorifics for t in titles):
            return _resolution(ctx, m)
    return None


_SENTENCE_ENDS = ".!?"
_SINGULAR_I = re.compile(r"\b(?:I|me|my|myself)\b")


def _introduced_person(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The person the sentence right before a cue-less quotation, in its paragraph, is about.

    "“…,” said Lee. Ray Kim was less sure. “It was close.”": a narrative sentence between
    two quotations of a paragraph (or opening it) introduces the next speaker, whose words
    follow with no cue of their own. The person is that sentence's main-clause subject, or
    the named subject of its reporting verb ("At this rate, Kim said, it will fail."). A
    sentence about no person (or about one the recogniser missed) says nothing, and the
    continuation rules decide.
    """
    view, index = ctx.view, ctx.index
    text = view.text
    d = drafts[k]
    lo, _ = view.line_bounds(d.line)
    prev_stop = True  # a paragraph's start is a sentence's start
    if k > 0 and drafts[k - 1].line == d.line:
        prev = drafts[k - 1].cand
        lo = max(lo, prev.mark_end)
        prev_stop = text[prev.start : prev.end].rstrip()[-1:] in _SENTENCE_ENDS
    before = text[lo : d.cand.mark_start].rstrip()
    if not before or before[-1] not in _SENTENCE_ENDS:
        return None  # no full narrative sentence ends right before the quotation
    end = lo + len(before)
    a = max(lo, view.sentence_start(end - 1))
    head = text[lo:a]
    if not any(c in _SENTENCE_ENDS for c in head) and not (prev_stop and not head.strip()):
        # "“…,” the spokesman, Josh Earnest, said. “…”": the text between is the previous
        # quotation's own attribution, not a sentence of its own.
        return None
    if not text[a:end].lstrip()[:1].isupper():
        return None
    doc = view.doc
    people = [
        m
        for m in index.overlapping(a, end)
        if m.start >= a
        and index.is_person(m)
        and m.rule != ECHO
        and not ctx.inside_quote(m.start)
        # "the oversized Trump face": a name modifying another noun is not the subject
        and doc[view.token_containing(m.end - 1)].dep_ != "compound"
    ]
    for m in people:
        if subject_role(view, m) == 2:
            return _resolution(ctx, m)
    if _SINGULAR_I.search(text[d.cand.start : d.cand.end]):
        # "… is the brainchild of researcher Ann Lee, who built it. “I knew …”": a person
        # the sentence introduces acting in a clause of their own speaks in the first person.
        for m in reversed(people):
            if _acts_in_relative_clause(view, m):
                return _resolution(ctx, m)
    for m in unrecognised_subjects(ctx, a, end, None):
        if subject_role(view, m) == 2:  # "Aderholt returned to it.": a name the model missed
            if m.entity_id:  # a person it found elsewhere
                return _resolution(ctx, m)
            return Resolution(None, None, m.surface, m.start, m.end, NOT_AN_ENTITY, 1.0)
    for i in view.tokens_between(a, end):
        tok = doc[i]
        if tok.pos_ not in {"VERB", "AUX"} or not ctx.rules.is_cue(tok.text):
            continue
        if ctx.inside_quote(tok.idx):
            continue
        for subj in (c for c in tok.children if c.dep_ in SUBJECT_DEPS):
            said = index.covering(subj.idx, subj.idx + len(subj.text))
            if said is not None and index.is_person(said):
                return _resolution(ctx, said)
    return None


def _acts_in_relative_clause(view: DocView, m: Mention) -> bool:
    """True when a relative clause hung on the name has "who" as its subject."""
    tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
    return any(
        c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
        for c in tok.children
    )


def _reporting_verbs_back(ctx: Context, lo: int, hi: int) -> Iterator[Token]:
    """Reporting verbs of narrative in ``[lo, hi)``, latest first.

    Only verbs outside quotations whose sentence starts at or after ``lo``: a sentence
    begun before the window belongs to the quotation or attribution before it.
    """
    view = ctx.view
    for i in reversed(view.tokens_between(lo, hi)):
        tok = view.doc[i]
        if tok.pos_ not in {"VERB", "AUX"} or not ctx.rules.is_cue(tok.text):
            continue
        if ctx.inside_quote(tok.idx) or view.sentence_start(tok.idx) < lo:
            continue
        yield tok


def _narrative_reporter(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The speaker the narrative before a cue-less quotation, in its paragraph, reports.

    "“…,” said Hill. ⏎ Reed told reporters the plant would close. It employs 300. “We
    tried.”": narrative that reports someone's words (after the previous quotation's own
    attribution) introduces the next speaker, as :func:`_introduced_person` does for the
    sentence right before. The latest reporting verb whose subject resolves decides; a
    subject that is an unresolved pronoun ("which reports suggested") is skipped, and a
    speaker named or described but not resolved stops the search (the continuation rules
    decide then).
    """
    view = ctx.view
    doc = view.doc
    d = drafts[k]
    lo, _ = view.line_bounds(d.line)
    if k > 0 and drafts[k - 1].line == d.line:
        lo = max(lo, drafts[k - 1].cand.mark_end)
    hi = d.cand.mark_start
    for tok in _reporting_verbs_back(ctx, lo, hi):
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None or subj.idx < lo or ctx.inside_quote(subj.idx):
            continue
        res = resolve_speaker(ctx, speaker_phrase(doc, subj.i, ctx.rules), [])
        if res.entity_id is not None:
            return res
        if res.reason != PRONOUN_UNRESOLVED:
            return None  # a speaker named or described, not found among the entities
    return None


def _reporter_after(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """A named person the previous quotation's paragraph goes on to report.

    For the cue-less quotation opening the next paragraph: "“…,” Reed said. Ann Lee, an analyst, said buyers would wait. ⏎ “They have seen it
    before.”": after the previous quotation's own attribution, a sentence whose
    reporting verb has a named subject introduces the next speaker; the quotation is
    theirs, not the previous speaker's. Only the paragraph's latest reporting verb
    decides, and only a proper-noun subject that resolves to a person other than the
    previous speaker ("he said it would help" leaves the continuation rules to decide).
    """
    if k == 0:
        return None
    view = ctx.view
    doc = view.doc
    d, back = drafts[k], drafts[k - 1]
    if back.res is None or back.line >= d.line:
        return None
    ls, _ = view.line_bounds(d.line)
    _, back_end = view.line_bounds(back.line)
    if view.text[ls : d.cand.mark_start].strip() or view.text[back_end:ls].strip():
        return None  # not opening the paragraph right after the previous quotation's
    lo = back.cand.mark_end
    for tok in _reporting_verbs_back(ctx, lo, back_end):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or subj.idx < lo or ctx.inside_quote(subj.idx):
            return None
        res = resolve_speaker(ctx, speaker_phrase(doc, subj.i, ctx.rules), [])
        if res.entity_type != PERSON or res.entity_id in {None, back.res.entity_id}:
            return None
        return res
    return None


def _resolution(ctx: Context, m: Mention) -> Resolution:
    """``m`` as the speaker, as written in the text, with full confidence.

    The entity is the person named in full when ``m`` is a misspelt surname of theirs.
    """
    said = followed_namesake(ctx, spelt_in_full(ctx.index, m), ())
    return Resolution(
        said.entity_id, said.entity_type, ctx.view.text[m.start : m.end], m.start, m.end, None, 1.0
    )


def _previous_line_bounds(ctx: Context, drafts: list[Draft], k: int) -> tuple[int, int] | None:
    """Bounds of the narrative paragraph before quotation ``k``, when it can hand on a speaker.

    Only when the quotation opens its own line and the previous line exists and holds no
    other quotation (that quotation's speaker is the continuation rules' business).
    """
    view = ctx.view
    d = drafts[k]
    ls, _ = view.line_bounds(d.line)
    if view.text[ls : d.cand.mark_start].strip():
        return None
    prev = previous_line(view, d.line)
    if prev is None or (k > 0 and drafts[k - 1].line == prev):
        return None
    return view.line_bounds(prev)


def _topic_person(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The person a narrative paragraph is about, for the quotation opening the next one.

    "Valastro praised the governor's record." ⏎ "“We need someone who …”": news
    writing introduces a speaker in a paragraph of its own and quotes them in the
    next. Only a person who is the grammatical subject there qualifies.
    """
    bounds = _previous_line_bounds(ctx, drafts, k)
    if bounds is None:
        return None
    view = ctx.view
    a, b = bounds
    for m in reversed(ctx.index.overlapping(a, b)):
        if m.entity_type != PERSON or m.start < a:
            continue
        tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
        if tok.dep_ in SUBJECT_DEPS:
            return _resolution(ctx, m)
    return None


def _next_line(view: DocView, line: int) -> int | None:
    """The nearest later line with text (paragraphs may be separated by blank lines)."""
    k = line + 1
    while k < len(view.line_starts):
        a, b = view.line_bounds(k)
        if view.text[a:b].strip():
            return k
        k += 1
    return None


def _speaker_ahead(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The speaker the next paragraph gives a paragraph-opening quotation nobody before claims.

    "Health workers fear the worst. ⏎ “We ran out of fuel.” ⏎ “For days we have …,” said
    Dr Ann Lee.", "“Why stay on?” ⏎ Tom Reid, who turns forty this week, puts that to every
    recruit.": a quotation set first, with no speaker before it, is introduced by what follows
    (a pull quote, an opening quotation, a quotation before its speaker's paragraph). The
    next paragraph's opening quotation with a cue of its own gives its speaker; a narrative
    paragraph gives the person who is a clause subject of its first sentence (main clause
    first). Only when every rule looking back found nobody.
    """
    view = ctx.view
    d = drafts[k]
    ls, _ = view.line_bounds(d.line)
    if view.text[ls : d.cand.mark_start].strip():
        return None  # not the paragraph's opening: the narrative before it decides
    if any(x.res is not None for x in drafts[k + 1 :] if x.line == d.line):
        return None  # its own paragraph names a speaker later: not this rule's case
    nl = _next_line(view, d.line)
    if nl is None:
        return None
    a, b = view.line_bounds(nl)
    first = next((x for x in drafts if x.line == nl), None)
    if first is not None and not view.text[a : first.cand.mark_start].strip():
        res = first.res if first.cue is not None else None
        return res if res is not None and res.entity_id is not None else None
    # the first sentence of the narrative paragraph, up to any quotation in it
    i = view.first_token_at_or_after(a)
    doc = view.doc
    end = min(doc[i].sent.end_char, b) if i < len(doc) else b
    if first is not None:
        end = min(end, first.cand.mark_start)
    people = [
        m
        for m in ctx.index.overlapping(a, end)
        if m.start >= a and ctx.index.is_person(m) and m.rule != ECHO
    ]
    for want in (2, 1):
        for m in people:
            if subject_role(view, m) == want:
                return _resolution(ctx, m)
    return None


# A credit line: a dash that opens the line, then the name ("- Ann Lee.", "—Tom Reid, in a
# post after the vote."); the name is read from the mentions, the dash from here.
_CREDIT_DASH = re.compile(r"[-\u2013\u2014\u2015]{1,2}[ \t]*")
_CREDIT_WORDS = 12
# Capitalised title words before the name: "- President Ann Lee", "- Sen. Tom Reid".
_CREDIT_TITLES = re.compile(r"(?:[A-Z][a-z]*\.? )*")
_QUOTE_MARKS = frozenset('"\u201c\u201d')


def _credit_line(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The person or organisation a credit line right under a quotation paragraph names.

    Fact-checks, epigraphs and round-ups set a quotation in a paragraph of its own and
    credit it on the next line with a dash and the name ("“We will cut the deficit.” ⏎
    - Ann Lee." ⏎ "-Tom Reid, in a post after the vote."), as a pull quote's line
    inside the marks does. The quotation's paragraph holds quotations only (nothing of
    the reporter's between or around them), it does not carry on into the next
    paragraph, and the credit line (twelve words at most, no quotation mark) starts
    with a person or organisation mention right after the dash, followed by nothing,
    a full stop, a comma or a bracket, and with no finite verb ("- Ann Lee's rival,
    Tom Reid, disagreed." and "- Ann Lee, the mayor, will stand again." are narrative). Checked before any rule that looks back: the credit names the speaker
    even where the narrative above is about someone else.
    """
    view, index = ctx.view, ctx.index
    text = view.text
    d = drafts[k]
    if d.cand.continues:
        return None
    ls, le = view.line_bounds(d.line)
    rest = text[ls:le]
    for x in drafts:
        if x.line == d.line:
            a, b = x.cand.mark_start - ls, x.cand.mark_end - ls
            rest = rest[:a] + " " * (b - a) + rest[b:]
    if rest.strip(" \t.,;"):
        return None  # the reporter's words stand beside the quotation
    nl = _next_line(view, d.line)
    if nl is None:
        return None
    a, b = view.line_bounds(nl)
    line = text[a:b]
    dash = _CREDIT_DASH.match(line, len(line) - len(line.lstrip()))
    if dash is None or len(line.split()) > _CREDIT_WORDS or _QUOTE_MARKS & set(line):
        return None
    start = a + dash.end()
    for m in index.overlapping(start, b):
        if m.start < start or m.entity_type not in {PERSON, ORG} or m.rule == ECHO:
            continue
        if not _CREDIT_TITLES.fullmatch(text[start : m.start]):
            break  # the line opens with other words than the name and its title
        after = text[m.end : b].strip()
        if after and after[0] not in ".,(":
            return None
        doc = view.doc
        # A credit has no finite verb: "- Ann Lee, the mayor, will stand again." is narrative.
        if any(doc[i].tag_ in FINITE_OR_MODAL_TAGS for i in view.tokens_between(m.end, b)):
            return None
        return _resolution(ctx, m)
    return None


# Most narrative paragraphs a speaker's quotation may go on across.
_GLOSS_LINES = 2
_GLOSS_WORDS = 4


def _gloss_between(ctx: Context, back: Draft, who: Resolution, d: Draft) -> bool:
    """True when only a reporter's gloss stands between ``who``'s quotation ``back`` and ``d``.

    ‹X explained: "They proposed a short lockdown." ⏎ In short, it would close every
    gym. ⏎ "We asked whether four weeks would do."›: one or two paragraphs that name no
    person or organisation but the speaker, and are sentences of narrative (or name the
    speaker: an embed's credit line "— Harbour Trust (@harbour) 2 May"), introduce
    nobody, so the speaker goes on. ``d`` opens its paragraph.
    """
    view, index = ctx.view, ctx.index
    text = view.text
    ls, _ = view.line_bounds(d.line)
    if text[ls : d.cand.mark_start].strip():
        return False
    _, gap_start = view.line_bounds(back.line)
    gap = text[gap_start:ls]
    lines = [line.strip() for line in gap.split("\n") if line.strip()]
    if not lines or len(lines) > _GLOSS_LINES:
        return False
    names_speaker = False
    for m in index.overlapping(gap_start, ls):
        if m.entity_type in {PERSON, ORG}:
            if m.entity_id != who.entity_id:
                return False
            names_speaker = True
    # A line of narrative ends a sentence; "Transcript as follows:" or a handle
    # ("@potus.") announces or labels other words.
    return names_speaker or all(
        line[-1] in _SENTENCE_ENDS and len(line.split()) >= _GLOSS_WORDS for line in lines
    )


# A heading: a short line that ends with no punctuation of a sentence, a label or a quotation.
_HEADING_WORDS = 12
_NOT_HEADING_END = frozenset(".!?:;,…\"“”'’)")
# Separators of a heading's parts ("Sports - Ann Lee's club to close", "Update: …").
_HEADING_PARTS = re.compile(r"\s[-–—]\s|:\s")


def _heading_subject(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The person or organisation a heading opens with, for the quotation right under it.

    Live blogs and round-ups (and a headline before its article) head each entry with a
    line naming whom it is about, then quote them with no cue ("Riverside Pool - closed
    from tonight" ⏎ "“It is with a heavy heart …”"). Only when no other rule found a
    speaker: the heading's first part, or a part after " - " or ": ", must begin with a
    person or organisation mention, or with two or more proper nouns the recogniser
    missed (kept unresolved as written).
    """
    bounds = _previous_line_bounds(ctx, drafts, k)
    if bounds is None:
        return None
    view, index = ctx.view, ctx.index
    text = view.text
    a, b = bounds
    line = text[a:b].strip()
    if not line[:1].isupper() or line[-1] in _NOT_HEADING_END:
        return None
    if not 2 <= len(line.split()) <= _HEADING_WORDS:
        return None
    a += len(text[a:b]) - len(text[a:b].lstrip())
    starts = [a] + [m.end() for m in _HEADING_PARTS.finditer(text, a, b) if m.end() < b]
    doc = view.doc
    for start in starts:
        for m in index.overlapping(start, b):
            if m.start == start and m.entity_type in {PERSON, ORG} and m.rule != ECHO:
                return _resolution(ctx, m)
        first = view.first_token_at_or_after(start)
        last = first
        while last < len(doc) and doc[last].idx < b and doc[last].pos_ == "PROPN":
            last += 1
        if last - first >= 2 and not index.overlapping(doc[first].idx, doc[last - 1].idx + 1):
            end = doc[last - 1].idx + len(doc[last - 1].text)
            return Resolution(
                None, None, text[doc[first].idx : end], doc[first].idx, end, NOT_AN_ENTITY, 1.0
            )
    return None


def _reported_speaker(ctx: Context, drafts: list[Draft], k: int) -> Resolution | None:
    """The speaker a narrative paragraph reports, for the quotation opening the next one.

    "Security is a worry, he says, though it is improving." ⏎ "“It will never go away.”":
    a paragraph of reported speech whose reporting verb has a personal-pronoun subject
    hands that speaker on to a quotation paragraph with no cue of its own. (A named
    subject is :func:`_topic_person`'s case.) The latest reporting verb wins.
    """
    bounds = _previous_line_bounds(ctx, drafts, k)
    if bounds is None:
        return None
    a, b = bounds
    view = ctx.view
    doc = view.doc
    for i in reversed(view.tokens_between(a, b)):
        tok = doc[i]
        if tok.pos_ not in {"VERB", "AUX"} or not ctx.rules.is_cue(tok.text):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None or subj.lower_ not in {"he", "she"}:
            continue
        phrase = speaker_phrase(doc, subj.i, ctx.rules)
        res = resolve_speaker(ctx, phrase, [])
        return res if res.entity_id is not None else None
    return None


def to_quotes(text: str, drafts: Sequence[Draft]) -> list[Quote]:
    """Quote records in text order; parts of one utterance are numbered by ``part``."""
    out: list[Quote] = []
    part = 0
    last_utt = -1
    for d in drafts:
        part = part + 1 if d.utterance == last_utt else 0
        last_utt = d.utterance
        out.append(_quote(text, d, part))
    return out


def _quote(text: str, d: Draft, part: int) -> Quote:
    c, res, cue = d.cand, d.res, d.cue
    cue_verb = (cue.word or None) if cue else None
    if res is None:
        return Quote(
            text=text[c.start : c.end],
            start=c.start,
            end=c.end,
            kind=d.kind,
            cue_verb=cue_verb,
            confidence=_UNATTRIBUTED,
            unattributed_reason=NO_SPEAKER if cue is not None else NO_CUE,
            utterance=d.utterance,
            part=part,
        )
    return Quote(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        kind=d.kind,
        speaker_entity_id=res.entity_id,
        speaker_surface=res.surface,
        speaker_start=res.start,
        speaker_end=res.end,
        cue_verb=cue_verb,
        via_translator=cue.via_translator if cue else False,
        confidence=round(min(1.0, max(0.0, d.confidence)), 3),
        unattributed_reason=res.reason,
        utterance=d.utterance,
        part=part,
    )
