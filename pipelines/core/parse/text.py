r"""Plain-text articles: paragraphs, title, byline, dateline and agency sign-off.

Layout rules (applied in this order to the normalised text):

* **Paragraphs.** Blocks are separated by blank lines. Inside a block each line is its own
  paragraph (the seed style: one paragraph per line), unless the block is hard-wrapped
  (several lines, all but the last at most 90 characters, averaging at least 40): then lines
  are joined with a space and a new paragraph starts only at an indented or bulleted line.
  The body joins paragraphs with one blank line (``"\\n\\n"``) whatever the input used, so
  downstream code has a single paragraph separator. Text inside a line is never rewritten.
  The last line of a hard-wrapped block stays its own paragraph when it is only a sign-off
  (a known outlet such as " Reuter" or "REUTER", or an end mark) after a finished sentence:
  wire archives put the sign-off on the line right under the text, often indented.
* **Title.** A first line standing alone in its block, followed by more text, at most 200
  characters / 30 words, not ending like a sentence (``.``, ``,``, ``;``, ``:`` or a closing
  quote after a full stop), and not a byline or dateline, is the title and leaves the body
  (the BBC layout). A first line that ends like a sentence may still be a headline: a
  *full-stopped headline* (one sentence ending in a full stop, at most 15 words, at most half
  as long as the longest of the next three paragraphs: feeds that end every headline with a
  stop) or an archive's *headline and deck* (a first block of two lines, the first ending in
  ``;``; the title is both lines joined by a space) is recorded as the title **and kept in
  the body**: the body is what it would be without the rule, so a first sentence taken for a
  headline loses nothing, and the analysis still reads the headline's names and quotes
  (a headline naming one of two namesakes decides whose "Clinton said" it is). Otherwise the
  title is None: a first sentence is not a headline, and inventing one would mislead
  ``articles.title`` users (both seeds have no title).
* **Byline.** A first (or post-title) paragraph "By <rest>" of at most 12 words, every word
  capitalised or a name particle/connector, is removed from the body and split by
  :func:`split_byline`:

  1. Separators (``,``, ``|``, `` - ``, ``/``) split the rest into parts; a part that is a
     known outlet (``rules/outlets.txt``) is the outlet, the others are authors.
  2. Otherwise a known outlet at the start ("By Yonhap News Agency Kim Tong-hyung") or at the
     end of the rest is the outlet and the remainder the authors.
  3. Otherwise the longest prefix ending in an outlet word (``rules/outlet_words.txt``:
     Journal, Times, Herald, News ...) is the outlet, provided 2-4 name-shaped words follow
     ("By Diplomacy Journal Lee Jon-young" -> "Diplomacy Journal", "Lee Jon-young").
  4. Otherwise the rest is a list of authors split on ``and``/``&``/``,``. A person's name
     is never split (hyphenated given names such as "Jon-young" stay whole).
* **Dateline.** The first paragraph may open with PLACE[, Region][, Month Day[, Year]]
  [(Agency)] followed by ``--``, an em/en dash, or ``-`` (a plain hyphen only when a date or
  agency is present, so "US - China talks" is not a dateline): "SEOUL, Nov. 17 (Yonhap) --",
  "TOKYO, March 3 -", "LONDON (Reuters) -", "BUFFALO, N.Y. —". It is removed from the body
  and kept raw (without the dash) in ``dateline``; the agency becomes the outlet when the
  byline gave none.
* **Sign-off.** A trailing "(Tag)" whose tag is a known outlet ("(Yonhap)", "(AP)",
  "(AFP)"), a final paragraph that is only an outlet ("Reuter"), and Yonhap's "(END)" are
  removed; a known tag becomes the outlet when nothing earlier named one. Unknown trailing
  parentheses ("(developments)") are left alone: they are text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipelines.core.parse.dates import MONTH_PATTERN, WEEKDAY_PATTERN, month_number
from pipelines.core.parse.resources import outlet_table, outlet_words

_BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n")
_WRAP_MAX_LINE = 90
_WRAP_MIN_MEAN = 40
_SENTENCE_END_RE = re.compile(r"[.!?:;\"”’')]$")
_BULLET_RE = re.compile(r"^(?:\s{2,}|\t|[-*•·]\s)")

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
# A sentence ends in "." (optionally inside a closing quote); an ellipsis ("Rivals of the
# £400 Apple...") is a headline device, not a sentence end.
_TITLE_BAD_END_RE = re.compile(r"(?:(?<!\.)\.|[,;:]|(?<!\.)\.[\"”’'])$")
# A full-stopped headline ("Senate passes the farm bill."): many feeds end every headline
# with a stop. Told from an opening sentence by its length against what follows: a headline
# is short beside the article's paragraphs, a one-line lede about as long as the next ones.
# At most _STOPPED_TITLE_MAX_WORDS words, and at most _STOPPED_TITLE_RATIO of the longest
# of the next _STOPPED_TITLE_LOOKAHEAD paragraphs (a section label such as "SUMMARY." may
# come first). Counted on the 840 plain-text campaign articles of seven US outlets the
# quote set holds: 823 first lines end with a stop, 141 of them share their block; these
# rules title 626 as full-stopped headlines and 140 as headline and deck.
_STOPPED_TITLE_RE = re.compile(r"(?<!\.)\.[\"”’']?$")
_STOPPED_TITLE_MAX_WORDS = 15
_STOPPED_TITLE_RATIO = 0.5
_STOPPED_TITLE_LOOKAHEAD = 3
# Two sentences: a word of two or more lower-case letters, its end mark, then a capital
# ("U.S. Senate" is an abbreviation, not a break).
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2,}[.!?][\"”’']?\s+[\"“‘']?[A-Z]")

_BYLINE_RE = re.compile(r"^By\s+(?P<rest>\S.{0,150})$", re.IGNORECASE)
_BYLINE_MAX_WORDS = 12
_NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "du", "la", "le",
     "bin", "binti", "al", "el", "ibn", "y", "and", "&", "of", "the", "st.", "jr.", "sr."}
)  # fmt: skip
_CAPITALISED_WORD_RE = re.compile(r"^[(\"'“‘]?[A-Z\u00C0-\u00DE][\w.'’\-]*[,)]?$")
_NAME_WORD_RE = re.compile(r"^[A-Z\u00C0-\u00DE][\w'’\-]*\.?$")
_BYLINE_SEPARATORS_RE = re.compile(r"\s*(?:,|\||\s-\s|\s–\s|\s—\s|/)\s*")
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&|;)\s*")

# Upper-case place words may carry accents, apostrophes, dots and hyphens (ST. JOHN'S,
# WINSTON-SALEM, SÃO PAULO); 1-4 words.
_PLACE = r"[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.\-]+(?:\s+[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’.\-]+){0,3}"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:,\s*(?!{MONTH_PATTERN}\s+\d)(?!{WEEKDAY_PATTERN})(?P<region>[A-Z][A-Za-z.]{{1,15}}(?:\s[A-Z][A-Za-z.]{{1,15}})?))?"
    rf"(?:,?\s*(?P<date>(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?|{WEEKDAY_PATTERN}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&'’\-]{0,40})\))?"
    r"\s*(?P<dash>--|—|–|-)(?:\s+|(?<=[—–])(?=\S))"
)
_DATELINE_SCAN_CHARS = 200

_SIGNOFF_TAG_RE = re.compile(r"\s*\((?P<tag>[A-Za-z][\w .&'’\-]{0,40})\)\s*$")
_SIGNOFF_TAIL_CHARS = 120
_END_MARK_RE = re.compile(r"\s*(?:\(END\)|-+\s*END\s*-+|\(end\))\s*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a body."""

    raw: str
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None

    @property
    def date(self) -> dt.date | None:
        """The full date when the dateline carries a year, else None."""
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@dataclass(frozen=True, slots=True)
class TextFields:
    """What the layout rules recovered from a text body."""

    body: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    dateline: Dateline | None = None


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    widths = [len(line.rstrip()) for line in lines]
    if max(widths[:-1]) > _WRAP_MAX_LINE or sum(widths) / len(widths) < _WRAP_MIN_MEAN:
        return False
    # Hard-wrapped lines break mid-sentence; short one-sentence paragraphs (broadcast
    # scripts, lists) end with sentence punctuation and must stay separate paragraphs.
    open_ended = sum(1 for line in lines[:-1] if not _SENTENCE_END_RE.search(line.rstrip()))
    return open_ended * 2 > len(lines) - 1


def split_paragraphs(text: str) -> list[tuple[str, int]]:
    """Split text into paragraphs.

    Args:
        text: Normalised text (LF line endings).

    Returns:
        ``(paragraph, block_index)`` pairs; ``block_index`` numbers the blank-line separated
        blocks so callers can tell a line that stood alone from one inside a block.
    """
    paragraphs: list[tuple[str, int]] = []
    for index, block in enumerate(_BLOCK_SPLIT_RE.split(text)):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 2 and _is_signoff_line(lines[-1], lines[-2]):
            # Detached first: a short last line would also skew the wrapped-block test.
            tail: str | None = lines.pop().strip()
        else:
            tail = None
        if not _is_wrapped(lines):
            paragraphs.extend((line.strip(), index) for line in lines)
            if tail is not None:
                paragraphs.append((tail, index))
            continue
        current: list[str] = []
        for line in lines:
            if current and _BULLET_RE.match(line):
                paragraphs.append((" ".join(current), index))
                current = []
            current.append(line.strip())
        paragraphs.append((" ".join(current), index))
        if tail is not None:
            paragraphs.append((tail, index))
    return paragraphs


def _is_signoff_line(line: str, previous: str) -> bool:
    """True when ``line`` is only a sign-off and ``previous`` finished a sentence.

    The sentence check keeps a wrapped "... according to" / "Reuters." in its paragraph.
    """
    bare = line.strip(" \t.-–—")
    if not bare or len(bare) > 40 or not _SENTENCE_END_RE.search(previous.rstrip()):
        return False
    return outlet_table().canonical(bare) is not None or _END_MARK_RE.fullmatch(line) is not None


def _is_name_shaped(words: list[str]) -> bool:
    """True for 1-4 capitalised words, optionally with particles ("Ludwig van Beethoven")."""
    if not 1 <= len(words) <= 5:
        return False
    capitalised = [w for w in words if w.casefold() not in _NAME_PARTICLES]
    return (
        bool(capitalised)
        and len(capitalised) <= 4
        and all(_NAME_WORD_RE.match(w) for w in capitalised)
        and _NAME_WORD_RE.match(words[0]) is not None
    )


def _split_authors(text: str) -> tuple[str, ...]:
    names = [part.strip(" .,") for part in _AUTHOR_SPLIT_RE.split(text)]
    return tuple(name for name in names if name and _is_name_shaped(name.split()))


def split_byline(rest: str) -> tuple[str | None, tuple[str, ...]]:
    """Split the part of a byline after "By" into (outlet, authors); see the module docstring.

    Args:
        rest: e.g. "Diplomacy Journal Lee Jon-young" or "John Smith, Reuters".

    Returns:
        The canonical outlet (or None) and the author names (possibly empty).
    """
    table = outlet_table()
    rest = " ".join(rest.split()).strip(" .,")
    parts = [p for p in _BYLINE_SEPARATORS_RE.split(rest) if p]
    if len(parts) > 1:
        outlet = None
        authors: list[str] = []
        for part in parts:
            known = table.canonical(part)
            if known is not None and outlet is None:
                outlet = known
            else:
                authors.extend(_split_authors(part))
        return outlet, tuple(authors)
    whole = table.canonical(rest)
    if whole is not None:
        return whole, ()
    for match in table.alias_re.finditer(rest):
        # Case-sensitive check on the hit: "ap" inside a sentence is not the AP.
        if not match.group(0)[:1].isupper():
            continue
        before, after = rest[: match.start()].strip(), rest[match.end() :].strip()
        if match.start() == 0 and after and _is_name_shaped(after.split()):
            return table.canonical(match.group(0)), _split_authors(after)
        if not after and before and _is_name_shaped(before.split()):
            return table.canonical(match.group(0)), _split_authors(before)
    words = rest.split()
    suffixes = outlet_words()
    for cut in range(len(words) - 2, 0, -1):
        if words[cut - 1] in suffixes and 2 <= len(words) - cut <= 4:
            tail = words[cut:]
            if _is_name_shaped(tail) and all(w not in suffixes for w in tail):
                return " ".join(words[:cut]), (" ".join(tail),)
    return None, _split_authors(rest)


def _match_byline(paragraph: str) -> str | None:
    match = _BYLINE_RE.match(paragraph)
    if match is None:
        return None
    words = match["rest"].split()
    if len(words) > _BYLINE_MAX_WORDS or not _CAPITALISED_WORD_RE.match(words[0]):
        return None
    for word in words:
        if word.casefold() in _NAME_PARTICLES or word in {"|", "-", "–", "—", "/"}:
            continue
        if not _CAPITALISED_WORD_RE.match(word):
            return None
    return match["rest"]


def match_dateline(paragraph: str) -> tuple[Dateline, str] | None:
    """Find a wire dateline at the start of a paragraph.

    Args:
        paragraph: The first body paragraph.

    Returns:
        The dateline and the paragraph without it, or None.
    """
    match = _DATELINE_RE.match(paragraph[:_DATELINE_SCAN_CHARS])
    if match is None:
        return None
    if match["dash"] == "-" and not (match["date"] or match["agency"]):
        return None
    place = match["place"]
    letters = [ch for ch in place if ch.isalpha()]
    # "I -", "A -" and two-letter shouting ("US -") are not places in a dateline.
    if len(letters) < 3 or not all(ch.isupper() for ch in letters):
        return None
    remainder = paragraph[match.end() :].lstrip()
    if not remainder:
        return None
    raw = paragraph[: match.start("dash")].rstrip()
    month = month_number(match["month"]) if match["month"] else None
    agency = match["agency"]
    outlet = outlet_table().canonical(agency) if agency else None
    return (
        Dateline(
            raw=raw,
            place=place,
            agency=outlet or agency,
            month=month,
            day=int(match["day"]) if match["day"] else None,
            year=int(match["year"]) if match["year"] else None,
        ),
        remainder,
    )


def _is_title(paragraphs: list[tuple[str, int]]) -> bool:
    if len(paragraphs) < 2:
        return False
    first, block = paragraphs[0]
    if paragraphs[1][1] == block:  # not alone in its block
        return False
    return (
        len(first) <= _TITLE_MAX_CHARS
        and len(first.split()) <= _TITLE_MAX_WORDS
        and not _TITLE_BAD_END_RE.search(first)
        and _match_byline(first) is None
        and match_dateline(first) is None
    )


def _kept_headline(paragraphs: list[tuple[str, int]]) -> str | None:
    """A headline that ends like a sentence, recorded as the title and left in the body.

    A full-stopped headline alone in its block, or an archive's headline and deck (a line
    "Mill closes after fire;" over "Owners blame the heat."): see the module's title rule.
    """
    if len(paragraphs) < 2:
        return None
    (first, block), (second, second_block) = paragraphs[0], paragraphs[1]
    if _match_byline(first) is not None or match_dateline(first) is not None:
        return None
    if second_block != block:
        following = paragraphs[1 : 1 + _STOPPED_TITLE_LOOKAHEAD]
        stopped = (
            _STOPPED_TITLE_RE.search(first) is not None
            and len(first.split()) <= _STOPPED_TITLE_MAX_WORDS
            and _SENTENCE_BREAK_RE.search(first) is None
            and len(first) <= _STOPPED_TITLE_RATIO * max(len(p) for p, _ in following)
        )
        return first if stopped else None
    if len(paragraphs) < 3 or paragraphs[2][1] == block or not first.endswith(";"):
        return None
    both = f"{first} {second}"
    fits = len(both) <= _TITLE_MAX_CHARS and len(both.split()) <= _TITLE_MAX_WORDS
    return both if fits else None


def strip_signoff(paragraph: str) -> tuple[str, str | None]:
    """Remove trailing agency tags and end marks from the last paragraph.

    Args:
        paragraph: The last body paragraph.

    Returns:
        The paragraph without sign-offs (possibly empty) and the outlet they named, if any.
    """
    table = outlet_table()
    outlet: str | None = None
    for _ in range(3):  # "... (Yonhap) (END)" has two; bounded to stay linear
        # Only the tail can hold a sign-off; searching it alone keeps huge paragraphs cheap.
        cut = max(0, len(paragraph) - _SIGNOFF_TAIL_CHARS)
        tail = paragraph[cut:]
        end = _END_MARK_RE.search(tail)
        if end is not None:
            paragraph = paragraph[: cut + end.start()]
            continue
        tag = _SIGNOFF_TAG_RE.search(tail)
        if tag is not None and table.canonical(tag["tag"]) is not None:
            outlet = outlet or table.canonical(tag["tag"])
            paragraph = paragraph[: cut + tag.start()]
            continue
        if len(paragraph) <= _SIGNOFF_TAIL_CHARS and paragraph.strip():
            bare = table.canonical(paragraph.strip(" .-–—"))
            if bare is not None:
                outlet = outlet or bare
                paragraph = ""
        break
    return paragraph.rstrip(), outlet


def clean_paragraphs(paragraphs: list[tuple[str, int]], *, detect_title: bool) -> TextFields:
    """Apply the title, byline, dateline and sign-off rules to split paragraphs.

    Args:
        paragraphs: Output of :func:`split_paragraphs` (or of an HTML/JSON body).
        detect_title: Whether the first line may be a title (plain text only; HTML and JSON
            carry their own titles).

    Returns:
        The cleaned body and the fields recovered from it.
    """
    paras = list(paragraphs)
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    if detect_title and _is_title(paras):
        title = paras.pop(0)[0]
    elif detect_title:
        title = _kept_headline(paras)  # recorded, and left in the body
    for index in range(min(2, len(paras))):
        rest = _match_byline(paras[index][0])
        if rest is not None and len(paras) > 1:
            outlet, authors = split_byline(rest)
            paras.pop(index)
            break
    dateline: Dateline | None = None
    if paras:
        found = match_dateline(paras[0][0])
        if found is not None:
            dateline, remainder = found
            paras[0] = (remainder, paras[0][1])
            outlet = outlet or dateline.agency
    for _ in range(3):  # a sign-off paragraph ("Reuter", "(END)") may follow the tag
        if not paras:
            break
        last, signoff_outlet = strip_signoff(paras[-1][0])
        outlet = outlet or signoff_outlet
        if last:
            paras[-1] = (last, paras[-1][1])
            break
        paras.pop()  # the whole paragraph was a sign-off
    body = "\n\n".join(p for p, _ in paras if p)
    return TextFields(body=body, title=title, outlet=outlet, authors=authors, dateline=dateline)


def parse_text(text: str) -> TextFields:
    """Parse a plain-text article (normalised text) with the layout rules above.

    Args:
        text: Normalised text.

    Returns:
        The cleaned body and recovered fields; ``body`` is "" when nothing is left.
    """
    return clean_paragraphs(split_paragraphs(text), detect_title=True)
