"""Stage 4: turn the speaker's head word into a speaker phrase and classify it.

The phrase is the head with the words that name it ("Prime Minister Ishiba",
"Yoon's office", "a spokesperson for the ministry") but without appositives or
relative clauses ("Yoon, who is attending APEC," is just "Yoon").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipelines.core.quotes._rules import QuoteRules
from pipelines.core.quotes._view import glued_word_offset
from pipelines.core.resources import HYPHENS

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAMED = "named"
PRONOUN = "pronoun"
NOMINAL = "nominal"

# Modifiers that belong to a speaker phrase when they precede the head.
_LEFT_DEPS = frozenset({"compound", "flat", "poss", "case", "amod", "det", "nmod", "nummod"})
# Prepositions that tie a role noun to whom it speaks for ("spokesperson for X").
_ROLE_PREPS = frozenset({"for", "of", "at", "from", "with"})


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """The speaker as written.

    Attributes:
        head: token index of the head word.
        start: first character of the phrase.
        end: one past its last character.
        kind: ``named`` (a proper noun), ``pronoun`` or ``nominal`` (a common noun).
        role_object: token range of the object of "for/of/at …" after a role noun.
    """

    head: int
    start: int
    end: int
    kind: str
    role_object: tuple[int, int] | None = None


def _in_subtree(doc: Doc, i: int, head: int) -> bool:
    tok = doc[i]
    for _ in range(6):
        if tok.head.i == head:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _glued_initials(text: str) -> bool:
    """True for capitals glued to a sentence's full stop ("M&S.", "BT."): no pronoun."""
    word = text[:-1]
    return (
        text.endswith(".")
        and len(word) >= 2
        and "." not in word
        and sum(c.isupper() for c in word) >= 2
        and all(c.isupper() or c == "&" for c in word)
    )


def speaker_phrase(doc: Doc, head: int, rules: QuoteRules) -> SpeakerPhrase:
    """Build the speaker phrase around a head token.

    Args:
        doc: the document.
        head: token index of the speaker's head word.
        rules: word lists (role nouns decide whether "for X" is kept).

    Returns:
        The phrase and its kind.
    """
    tok = doc[head]
    if tok.pos_ == "PRON" and _glued_initials(tok.text):
        # "…,” said ACME.": the tokenizer kept a body's initials with the full stop and
        # the tagger called the token a pronoun; it is a name without the stop.
        return SpeakerPhrase(head, tok.idx, tok.idx + len(tok.text) - 1, NAMED)
    if tok.pos_ == "PRON":
        return SpeakerPhrase(head, tok.idx, tok.idx + len(tok.text), PRONOUN)
    left = head
    while left - 1 >= 0:
        prev = doc[left - 1]
        # Hyphenated words are one word of the phrase: "the 41-year-old", "Newport-based".
        glued = not prev.whitespace_ and (prev.text in HYPHENS or doc[left].text in HYPHENS)
        if prev.is_space or (prev.is_punct and not glued and prev.tag_ != "POS"):
            break
        if not (glued or prev.dep_ in _LEFT_DEPS or prev.tag_ == "POS"):
            break
        if not _in_subtree(doc, left - 1, head):
            break
        left -= 1
    while left < head and (doc[left].is_punct or doc[left].is_space):
        left += 1  # "Moscow-based lawyer": never start the phrase on the hyphen
    right = head
    # Names the parser splits ("Yoon Suk-yeol" may head at "Yoon"): keep them whole.
    while right + 1 < len(doc):
        nxt = doc[right + 1]
        glued = nxt.text in HYPHENS and not doc[right].whitespace_ and not nxt.whitespace_
        if glued or (
            nxt.pos_ == "PROPN" and nxt.dep_ in {"flat", "compound"} and nxt.head.i == head
        ):
            right += 1
            continue
        break
    role_object: tuple[int, int] | None = None
    # A capitalised head the tagger did not call PROPN ("said Skelly") is still a name.
    named = tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ != "NOUN" and not tok.is_sent_start)
    kind = NAMED if named else NOMINAL
    if kind == NOMINAL and right + 1 < len(doc) and tok.lower_ in rules.speaker_nouns:
        prep = doc[right + 1]
        if prep.lower_ in _ROLE_PREPS and prep.head.i == head:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                sub = list(objs[0].subtree)
                role_object = (sub[0].i, sub[-1].i + 1)
                right = sub[-1].i
    start = doc[left].idx
    cut = glued_word_offset(tok.text)
    if cut is not None and cut >= 2 and tok.text[cut - 2] in ",.!?":
        # ‹…,”Harper said›: the source glued the name to the closing mark, and the
        # tokenizer kept them one token; the phrase starts after the mark.
        start = tok.idx + cut
    end = doc[right].idx + len(doc[right].text)
    if right == head and _glued_initials(tok.text):
        end -= 1  # "said H&F.": the full stop ends the sentence, not the name
    return SpeakerPhrase(head, start, end, kind, role_object)
