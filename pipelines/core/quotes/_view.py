"""Index over a spaCy Doc shared by the quote stages (token lookup by offset).

Built once per article so that every stage answers "which token is at character
``i``" with a bisect instead of scanning the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Tokens that end a sentence for the purpose of bounding a cue frame. spaCy keeps
# abbreviations ("Mr.", "Sen.", "U.S.") as one token, so a bare "." is a real stop.
SENTENCE_END = frozenset({".", "!", "?"})

# Grammar shared by the cue, speaker and resolution stages (one home, so they cannot drift).
# Subject dependencies of a clause's verb.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Finite verb tags: a verb with these heads a clause of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# The same with a modal ("will", "could"), for tests of "any verb of a clause here".
FINITE_OR_MODAL_TAGS = FINITE_TAGS | {"MD"}
# Subject pronouns that stand for a third party the reporter writes about ("…,” she retorted).
THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "they"})
# Subject pronouns of anyone who can talk or think, the speaker's own "I"/"we" and the
# "you" addressed included (the subject of a verb that reports a clause).
SPEAKING_PRONOUNS = THIRD_PERSON_PRONOUNS | {"i", "we", "you"}

# Closing quotation marks a word can be glued to in a badly spaced source: ‹council,”Harper›.
GLUED_CLOSING_MARKS = frozenset("\"”’'")


def glued_word_offset(token_text: str) -> int | None:
    """Where a word glued to a closing mark starts inside one token, else None.

    ‹…,”Harper said›: the tokenizer keeps ‹council,”Harper› one token, so every stage that
    reads the speaker or the cue after a quotation must start at the word after the mark.
    The mark is the token's last closing mark and everything after it is letters; callers
    add what their reading needs (a capital, punctuation before the mark).
    """
    cut = max(token_text.rfind(m) for m in GLUED_CLOSING_MARKS) + 1
    return cut if 0 < cut < len(token_text) and token_text[cut:].isalpha() else None


# Five lines of news (four before a quote's and its own) are under 4,500 characters in
# every article of ../shared (BBC, PolNeAR, the HTML pages), so the cut below changes
# nothing there and bounds each look-back on text that has no line breaks.
WINDOW_MAX_CHARS = 6000


class DocView:
    """Character/token lookups over one Doc.

    Attributes:
        doc: the spaCy document.
        text: ``doc.text``.
        starts: character offset of each token, in order.
        line_starts: offset of the first character of each line.
    """

    __slots__ = ("doc", "line_starts", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.starts: list[int] = [t.idx for t in doc]
        self.line_starts: list[int] = [0]
        pos = self.text.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)

    def first_token_at_or_after(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def token_containing(self, char: int) -> int:
        """Index of the token whose span contains ``char`` (or the one before it)."""
        return max(0, bisect_right(self.starts, char) - 1)

    def tokens_between(self, a: int, b: int) -> range:
        """Indices of tokens that start in ``[a, b)``."""
        return range(bisect_left(self.starts, a), bisect_left(self.starts, b))

    def line_of(self, char: int) -> int:
        return bisect_right(self.line_starts, char) - 1

    def window_start(self, char: int, lines: int) -> int:
        """Start of the window of the ``lines`` lines before the one holding ``char``.

        Cut to :data:`WINDOW_MAX_CHARS` before ``char``: in a text without line breaks
        (a crafted file, a page extracted as one line) a window of lines would be the
        whole article, and every quote's look-back would scan it (quadratic).
        """
        return max(self.line_starts[max(0, self.line_of(char) - lines)], char - WINDOW_MAX_CHARS)

    def sentence_start(self, char: int) -> int:
        """Start offset of the sentence holding ``char``; a line break always ends one.

        The small model's sentences run on across quotation marks and paragraph
        breaks, and a paragraph that opens with a new subject must not be merged with
        the one before it.
        """
        sent = self.doc[self.token_containing(char)].sent.start_char
        return max(sent, self.line_starts[self.line_of(char)])

    def line_bounds(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.text)
        return start, end
