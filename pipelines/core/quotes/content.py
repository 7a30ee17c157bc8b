"""Stage 2: decide what a quoted span is: a direct quote, a partial one, or neither.

A *direct* quotation stands as its own clause: it opens a sentence (or follows a
cue and a comma or colon, "Yoon said, “…”") and it closes at a clause boundary
(punctuation inside or right after the closing mark). A *partial* quotation is a
few words embedded in the reporter's own sentence ("expressed “strong” concerns").
Embedded words with no reporting verb anywhere in the sentence are scare quotes,
nicknames or titles ("the “Saturday Night Live” host") and are not quotations.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.core.quotes.candidates import Candidate, clause_last_char

DIRECT = "direct"
PARTIAL = "partial"

# Characters that may end a full quoted clause inside the marks.
_CLAUSE_END_INSIDE = frozenset(",.!?;:…—–-")
# Characters that may follow the closing mark when the clause ends outside it
# (British style: ‘…’, he said).
_CLAUSE_END_AFTER = frozenset(",.!?;:…—–-)")
# What may precede an opening mark at the start of a clause.
_CLAUSE_START_BEFORE = frozenset(".!?:;—–(")
# List-item markers an HTML-to-text extractor writes before each item of a list
# ("- “…,” she says."): alone before the mark, they leave it at the start of a clause.
_BULLETS = frozenset({"-", "*", "•", "·", "‣", "▪", "◦"})


@dataclass(frozen=True, slots=True)
class Shape:
    """Where a candidate sits in its sentence.

    Attributes:
        opens_clause: nothing but a sentence boundary, a colon, or a cue and a
            comma precede it.
        after_comma: the opening mark follows a comma ("X said, “…”").
        closes_clause: it ends at punctuation.
        before: the text between the previous boundary and the opening mark.
        after: the text between the closing mark and the next boundary.
    """

    opens_clause: bool
    after_comma: bool
    closes_clause: bool
    before: str
    after: str


def shape_of(text: str, cand: Candidate, left_bound: int, right_bound: int) -> Shape:
    """Describe the candidate's position between two boundaries.

    Args:
        text: the article body.
        cand: the candidate.
        left_bound: offset where the text that may introduce it starts (line start or
            the previous candidate's closing mark).
        right_bound: offset where the text that may follow it ends.

    Returns:
        The candidate's shape.
    """
    before = text[left_bound : cand.mark_start]
    after = text[cand.mark_end : right_bound]
    stripped = before.rstrip()
    last = stripped[-1:] if stripped else ""
    # A previous quotation that closed right before this one ("…meaningful.” “I …")
    # leaves only spaces in ``before`` (its marks belong to the other candidate).
    opens = (
        cand.continued
        or not stripped
        or last in _CLAUSE_START_BEFORE
        or stripped.strip() in _BULLETS
    )
    after_comma = last == ","
    content_last = clause_last_char(text, cand.start, cand.end)
    after_first = after.lstrip()[:1]
    closes = (
        cand.continues
        or content_last in _CLAUSE_END_INSIDE
        or after_first in _CLAUSE_END_AFTER
        or not after.strip()
    )
    return Shape(opens, after_comma, closes, before, after)


def is_direct_shape(shape: Shape, introduced_by_cue: bool) -> bool:
    """A full quotation: opens a clause (or follows a cue and comma) and closes one.

    Args:
        shape: the candidate's shape.
        introduced_by_cue: the text before it ends with a reporting verb and a comma
            ("Ishiba said, ”and I look forward…”"), which makes even a lower-case
            continuation a direct quotation.
    """
    opens = shape.opens_clause or (shape.after_comma and introduced_by_cue)
    return opens and shape.closes_clause


# Lower-case words allowed inside a title ("Empire of the Fund", "Fox and Friends").
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    ]
)
_MAX_TITLE_WORDS = 10


def looks_like_title(quoted: str) -> bool:
    """Title Case words ("Meet the Press,") name a work or a slogan, not an utterance.

    Only applied to quoted words embedded in a sentence; a full sentence in title
    case at the start of a clause is still read as a quotation.
    """
    words = quoted.rstrip(",.;:!?…").split()
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    if not words[0][:1].isupper():
        return False
    for w in words:
        core = w.strip("()[]'\"‘’“”-–—")
        if not core or not core[0].isalpha():
            continue
        if not core[0].isupper() and core.lower() not in _TITLE_SMALL:
            return False
    # A single capitalised word is as often a quoted exclamation ("Wow!") as a title.
    return len(words) > 1 or quoted[-1:] not in "!?"
