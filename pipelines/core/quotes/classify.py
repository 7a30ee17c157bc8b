"""Stages 2-3 for one candidate: is it a quotation (direct or partial), and its cue.

The candidate's shape (``content``) and the cues around it (``cue``) decide together:
a quotation introduced by a cue may open in lower case, a verb right before the marks
takes the quotation itself as its object, and a direct quotation with no cue in its
own sentence may take one from the paragraph that introduces it ("Cruz continued:")
or from a sentence that reports speech with no object ("X said in a statement.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipelines.core.deadline import checked  # the article's time budget, per candidate
from pipelines.core.quotes._rules import QuoteRules
from pipelines.core.quotes._view import DocView
from pipelines.core.quotes.candidates import Candidate, clause_last_char
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
    CueFinder,
    bare_report,
    cue_right_before,
    frame_tokens,
)
from pipelines.core.quotes.noun_cue import noun_cue, owned_speech_noun
from pipelines.core.quotes.resolve import Resolution

# Longest single-quoted line still read as a subheading rather than a quotation.
_HEADING_WORDS = 8


@dataclass(slots=True)
class Draft:
    """A quotation on its way through the stages (filled in by ``attribute``)."""

    cand: Candidate
    kind: str
    cue: Cue | None
    line: int
    res: Resolution | None = None
    confidence: float = 0.0
    utterance: int = -1


def classify_candidates(view: DocView, cues: CueFinder, cands: Sequence[Candidate]) -> list[Draft]:
    """The candidates that are quotations, in text order, with their kind and cue."""
    return [
        d for k in checked(range(len(cands))) if (d := classify(view, cues, cands, k)) is not None
    ]


def classify(view: DocView, cues: CueFinder, cands: Sequence[Candidate], k: int) -> Draft | None:
    """Stages 2-3 for candidate ``k``: its kind and its cue (None: not a quotation)."""
    text = view.text
    c = cands[k]
    line = view.line_of(c.mark_start)
    ls, le = view.line_bounds(line)
    left = _frame_start(cands, k, ls)
    right = le
    if k + 1 < len(cands) and cands[k + 1].mark_start < le:
        right = max(c.mark_end, min(le, cands[k + 1].mark_start))
    shape = shape_of(text, c, left, right)
    quoted = text[c.start : c.end]
    title_like = looks_like_title(quoted)
    if not shape.opens_clause and not shape.after_comma and title_like:
        return None  # on CNN's “State of the Union,” …: a title, not a quotation
    if shape.after_comma and title_like and _noun_before_comma(view, c.mark_start):
        return None  # in his new book, “Doomed to Succeed,”: a title in apposition
    if _is_heading(text, c, shape, ls, le) or _attribution_line(view, c, ls):
        return None
    before = frame_tokens(view, left, c.mark_start, BEFORE)
    # ‹“… I will stand down.’ ” But he …›: a nested quotation that ends the content ends
    # its sentence with its own last character, so the text after reads as a new sentence.
    last = clause_last_char(text, c.start, c.end)
    after = frame_tokens(view, c.mark_end, right, AFTER)
    cue = cues.find(before, after, last, partial=False)
    introduced = cue is not None and cue.side == BEFORE
    direct = is_direct_shape(shape, introduced)
    opens = shape.opens_clause or (shape.after_comma and last == ",")
    if not direct and cue is not None and cue.side == AFTER and opens:
        # “I am going to win” he said (a missing comma); Yet, “it is hard,” added X.
        direct = True
    if not direct and shape.closes_clause and cue_right_before(view, cues.rules, before):
        # She declared “What a night!”: the verb takes the quotation itself.
        direct = True
        empty = (after[0], after[0])
        cue = cues.find(before, empty, last, partial=False) or cue
    if not direct and _sentence_after_verb(text, c, shape, title_like):
        # "the crowd jeered, “Go home!”": a verb we do not list, but the grammar of an
        # introduced full sentence.
        verb_cue = cues.verb_intro(before)
        if verb_cue is not None:
            direct, cue = True, verb_cue
    if not direct and cue is None and label_span(view, ls, c.mark_start) is not None:
        direct = True  # "- Coach Ana Ruiz “We were poor.”": a labelled reaction
    if direct and cue is None and c.continues:
        cue = _cue_from_attribution_line(view, cands, k)
    if direct and cue is None and not c.continued:
        if not text[ls : c.mark_start].strip():
            cue = _cue_from_intro_line(view, cues, cands, k, line, last)
        elif before[0] > view.first_token_at_or_after(left):
            cue = _cue_from_previous_sentence(view, cues, left, before[0], last)
    if (
        direct
        and title_like
        and cue is None
        and not c.continued
        and not _after_attributed_quote(view, cues, cands, k, ls)
    ):
        return None  # “Tales From the Crypt,” an HBO series, …: a title with no speaker
    if direct:
        if _pictured_speech(view, cues.rules, cue):
            return None  # "The poster shows him …, saying: “…”": words put in his mouth
        return Draft(c, DIRECT, cue, line)
    cue = (
        cues.find(before, after, last, partial=True)
        or noun_cue(view, c, before)
        or _cue_before_earlier_quote(view, cues, cands, k, ls, before, last)
    )
    if cue is None:
        return None  # embedded words with no reporting verb: scare quotes, titles
    return Draft(c, PARTIAL, cue, line)


# How many earlier quoted spans of one sentence a partial looks back over for its cue.
_EARLIER_QUOTES = 3
# The cue found before an earlier span must be tagged a verb, and no span may be a
# markup attribute's value: in a page's embedded markup (‹<tweet id="…" author="…">›)
# the tag's name is a cue word, its values no speech.
_VERB_TAGS = frozenset({"VERB", "AUX"})


def _frame_start(cands: Sequence[Candidate], k: int, ls: int) -> int:
    """Where the text before candidate ``k`` starts on its line (``ls``: the line's start).

    At the previous candidate's closing mark when that is on the line: the earlier
    quotation's words are not the reporter's.
    """
    if k > 0 and cands[k - 1].mark_end > ls:
        return cands[k - 1].mark_end
    return ls


def _attribute_value(text: str, c: Candidate) -> bool:
    """The span is a markup attribute's value (‹id="…"›): its mark follows an equals sign."""
    return text[max(0, c.mark_start - 1) : c.mark_start] == "="


def _cue_before_earlier_quote(
    view: DocView,
    cues: CueFinder,
    cands: Sequence[Candidate],
    k: int,
    ls: int,
    before: tuple[int, int],
    last: str,
) -> Cue | None:
    """The reporting verb of the sentence, written before an earlier quoted span in it.

    A frame ends at the previous quotation's closing mark (that quotation's words are not
    the reporter's), so in ‹Lee said the club would rise to the “challenge” of “keeping
    the flame alive”› the second span's frame is only "of" and the sentence's "said" is
    out of its sight, while a lone span in the same place takes it. Embedded words keep
    the verb of the sentence they are part of: when every quoted span between stays
    inside the sentence (no sentence end between them, none ending one), the frame
    before the earliest of them is searched too. Only a verb counts (not a colon, nor a
    subject the words would be the predicate of: that subject framed the earlier span),
    and not past a speech noun with a named owner in the span's own frame ("… would not
    be moved by Lee's pledge of an “…”": the words are the owner's).
    Statements dev set, eighteenth session: partials of three BBC stories missed this way
    (a scare word, a gloss or an earlier partial quoted before them in the sentence).
    """
    if _attribute_value(view.text, cands[k]) or owned_speech_noun(view, before):
        return None  # markup; or someone's words the frame names ("Lee's pledge of “…”")
    hi = before
    for j in range(k - 1, max(-1, k - 1 - _EARLIER_QUOTES), -1):
        prev = cands[j]
        if _attribute_value(view.text, prev):
            return None
        if prev.mark_end <= ls or hi[0] != view.first_token_at_or_after(prev.mark_end):
            return None  # another paragraph, or a sentence ends between the two
        if clause_last_char(view.text, prev.start, prev.end) in ".!?":
            return None  # the earlier quotation ends its own sentence
        hi = frame_tokens(view, _frame_start(cands, j, ls), prev.mark_start, BEFORE)
        if hi[1] <= hi[0]:
            continue
        cue = cues.find(hi, (hi[1], hi[1]), last, partial=True)
        if (
            cue is not None
            and cue.side == BEFORE
            and cue.word not in {"", ":"}
            and view.doc[cue.token].pos_ in _VERB_TAGS
        ):
            return cue
    return None


# Verbs by which a picture puts words in someone's mouth: "The poster shows X saying".
# Inflected forms: the pipeline's parse has no lemmas.
_DEPICTING = frozenset(
    f"{stem}{end}" for stem in ("show", "depict", "portray") for end in ("", "s", "ed", "ing")
) | frozenset({"shown", "pictures", "pictured", "picturing", "features", "featured", "featuring"})


def _pictured_speech(view: DocView, rules: QuoteRules, cue: Cue | None) -> bool:
    """True for words a poster, an advert or a cartoon shows someone saying.

    ‹The poster shows Mr Lee holding a watch, saying: “…”›: the cue's subject is a thing
    that carries words (``written_thing_nouns.txt``) and the reporting participle hangs
    on a verb of depicting whose subject it is: invented words, not speech (the
    conventions leave slogans and imagined utterances out). A film or a documentary
    showing someone speaking is not listed: it records real speech. A sign or a banner
    that "reads" something is left alone too: the PolNeAR set counts those quotations.
    """
    if cue is None or cue.subject is None:
        return False
    doc = view.doc
    subject = doc[cue.subject]
    if subject.pos_ not in {"NOUN", "PROPN"} or subject.lower_ not in rules.written_things:
        return False
    for verb in doc[cue.token].ancestors:
        if verb.pos_ in {"VERB", "AUX"} and verb.lower_ in _DEPICTING:
            return any(c.i == subject.i and c.dep_ == "nsubj" for c in verb.children)
    return False


# What may follow a quoted sentence that stands on its own: nothing, or punctuation
# that ends or interrupts the reporter's sentence (not more of the reporter's clause).
_STANDS_ALONE_AFTER = frozenset(",.;:!?)—–-")


def _sentence_after_verb(text: str, c: Candidate, shape: Shape, title_like: bool) -> bool:
    """A full quoted sentence after a comma: capitalised, not a title, ending the clause."""
    quoted = text[c.start : c.end]
    rest = shape.after.lstrip()
    return (
        shape.after_comma
        and not title_like
        and quoted[:1].isupper()
        and quoted[-1:] in ".!?,"
        and len(quoted.split()) >= 2
        and (not rest or rest[0] in _STANDS_ALONE_AFTER)
    )


def _noun_before_comma(view: DocView, mark_start: int) -> bool:
    """The comma before the opening mark follows a common noun ("his 2012 book, “…”").

    A title-cased quotation there names the noun (a book, a show, an ad); after a verb
    ("she said, “No.”") it is what was said.
    """
    comma = view.text[:mark_start].rstrip()
    if not comma.endswith(","):
        return False
    i = view.token_containing(len(comma) - 1)
    return i > 0 and view.doc[i - 1].pos_ == "NOUN"


def _after_attributed_quote(
    view: DocView, cues: CueFinder, cands: Sequence[Candidate], k: int, ls: int
) -> bool:
    """The paragraph's previous quotation ends with its attribution right before this one.

    "“We have a common enemy,” Burton told delegates. “Donald Trump.”": a title-cased
    sentence that follows a speaker's attributed words carries on the speech (the
    speaker goes on), where a title stands in the reporter's own sentence.
    """
    if k == 0 or cands[k - 1].mark_end <= ls:
        return False
    prev = cands[k - 1]
    after = frame_tokens(view, prev.mark_end, cands[k].mark_start, AFTER)
    if after[1] <= after[0]:
        return False
    empty = (after[0], after[0])
    cue = cues.find(empty, after, view.text[prev.end - 1], partial=False)
    return cue is not None and cue.side == AFTER and cue.subject is not None


def previous_line(view: DocView, line: int) -> int | None:
    """The nearest earlier line with text (paragraphs may be separated by blank lines)."""
    k = line - 1
    while k >= 0:
        a, b = view.line_bounds(k)
        if view.text[a:b].strip():
            return k
        k -= 1
    return None


def _cue_from_intro_line(
    view: DocView, cues: CueFinder, cands: Sequence[Candidate], k: int, line: int, last: str
) -> Cue | None:
    """A paragraph that introduces the next one's quotation: "Cruz continued:" ⏎ "“…”"."""
    prev = previous_line(view, line)
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
    return cues.find(before, empty, last, partial=False)


def _cue_from_previous_sentence(
    view: DocView, cues: CueFinder, left: int, stop: int, last: str
) -> Cue | None:
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
    cue = cues.find(frame, empty, last, partial=False)
    if cue is None or cue.word == ":" or cue.subject is None:
        return None
    if not bare_report(view.doc[cue.token], frame[1], frame[0]):
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


# Longest name line ("Former party chair Ann Lee, Policy Institute.") read as the
# attribution of a pull quote rather than as quoted words.
_ATTRIBUTION_WORDS = 8
_CONNECTORS = frozenset({"of", "and", "the", "for", "at"})


def _attribution_line(view: DocView, c: Candidate, ls: int) -> bool:
    """The last line of a pull quote names its speaker inside the marks.

    ‹"The reality is we lost Iowa.⏎Rep. Ann Lee."›: the quotation runs on to a line
    with no opening mark of its own that is only a name (and its title or
    organisation), with no verb: it says who spoke, not what was said.
    """
    if not c.continued or c.start - ls > 1 or c.mark_start != ls:
        return False
    words = view.text[c.start : c.end].rstrip(".").split()
    if not words or len(words) > _ATTRIBUTION_WORDS or not words[0][:1].isupper():
        return False
    tokens = [view.doc[i] for i in view.tokens_between(c.start, c.end)]
    if any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return False
    if not any(t.pos_ == "PROPN" for t in tokens):
        return False
    # Names and organisations are capitalised; a lower-case word is a title's noun
    # ("former party chair") or a connector ("of", "and"), else the line is speech
    # ("Good night, everyone.").
    return all(
        t.text[:1].isupper() or t.is_punct or t.pos_ == "NOUN" or t.lower_ in _CONNECTORS
        for t in tokens
    )


def _cue_from_attribution_line(view: DocView, cands: Sequence[Candidate], k: int) -> Cue | None:
    """The name on a pull quote's attribution line speaks the lines before it.

    The head is the name's last word before any comma ("Ann Lee, Policy Institute."),
    found by position: the line is a label, not a clause the parse reads.
    """
    if k + 1 >= len(cands):
        return None
    nxt = cands[k + 1]
    ls, _ = view.line_bounds(view.line_of(nxt.mark_start))
    if not _attribution_line(view, nxt, ls):
        return None
    span = view.tokens_between(nxt.start, nxt.end)
    head = None
    for i in span:
        tok = view.doc[i]
        if tok.text == ",":
            break
        if tok.pos_ == "PROPN":
            head = i
    if head is None:
        return None
    return Cue(head, "", AFTER, head, "position", False, (span.start, span.stop))


_LABEL_MAX_CHARS = 80
_LABEL_BULLETS = " \t-–—•*"


def label_span(view: DocView, ls: int, mark_start: int) -> tuple[int, int] | None:
    """``(start, end)`` of a label that opens the line and runs up to a quotation mark.

    Match reports and round-ups label reactions: "- Home coach Ana Ruiz “We were poor.”"
    A label is bulleted, short, holds no verb and no sentence end,
    and ends on a proper noun; anything longer is prose, not a label.
    """
    prefix = view.text[ls:mark_start]
    if prefix.lstrip(" \t")[:1] not in _LABEL_BULLETS.strip():
        return None  # only a bulleted line: unbulleted name-then-quote is too often prose
    body = prefix.rstrip(_LABEL_BULLETS)
    start = ls + len(prefix) - len(prefix.lstrip(_LABEL_BULLETS))
    end = ls + len(body)
    if end <= start or end - ls > _LABEL_MAX_CHARS or any(c in body for c in ".!?"):
        return None
    first, last = view.token_containing(start), view.token_containing(end - 1)
    tokens = [view.doc[i] for i in range(first, last + 1)]
    if tokens[-1].pos_ != "PROPN" or any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    return start, end
