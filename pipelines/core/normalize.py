"""Name normalisation: small named steps composed into the callables the resolver uses.

Two levels of normalisation exist on purpose:

* **Display cleaning** (``clean_name``) keeps the name readable: typography is folded
  (Unicode hyphens, no-break spaces, curly apostrophes), possessives, honorifics,
  titles and descriptors are stripped, but case and diacritics are kept. Canonical
  names shown to users come from here.
* **Matching keys** (``person_key``, ``org_key``, ``place_key``) are lossy on purpose:
  diacritics, case, punctuation, romanisation variants and name order are folded so
  that every spelling of one name yields one key. Keys are never shown to users.

Every step is a plain ``str -> str`` function (or, for token-level steps,
``list[str] -> list[str]``) with its own test; ``compose`` chains steps in order,
as textacy's ``make_pipeline`` does. Word lists live in ``rules/`` and are read once
at import time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipelines.core.resources import HYPHEN_LIKE, place_demonym_rows
from pipelines.core.resources import rule_lines as read_rule_lines

StrStep = Callable[[str], str]

# --------------------------------------------------------------------------- rules


def _read_variant_table(name: str) -> dict[str, str]:
    """``key<TAB>variant variant`` lines as a variant -> key mapping."""
    table: dict[str, str] = {}
    for line in read_rule_lines(name):
        key, _, variants = line.partition("\t")
        for variant in [key, *variants.split()]:
            # First listing wins: a spelling shared by two surnames (rare) keeps the
            # more frequent one, which is listed first.
            table.setdefault(variant, key)
    return table


@dataclass(frozen=True, slots=True)
class _NameRules:
    honorifics: frozenset[str]
    honorific_phrases: dict[str, tuple[tuple[str, ...], ...]]  # same layout as ``titles``
    address_forms: frozenset[str]  # written before one given name only ("Pak Prabowo")
    post_nominals: frozenset[str]  # honours and offices written after a name ("GCFR", "MP")
    titles: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    title_heads: frozenset[str]  # last words of titles ("minister", "president")
    org_suffixes: frozenset[str]
    particles: frozenset[str]
    given_variant_keys: dict[str, str]  # the same table after ``fold_latin_token``
    korean_surnames: dict[str, str]
    chinese_surnames: frozenset[str]
    descriptors: dict[str, tuple[tuple[str, ...], ...]]  # nationality words, same layout
    demonyms: frozenset[str]  # descriptors that are not country names ("russian", "us")
    given_names: frozenset[str]  # folded given names (US birth statistics + ambiguous list)
    region_abbreviations: frozenset[str]  # "Ga.", "N.Y.", "Ont." (stops kept, no spaces)


@lru_cache(maxsize=1)
def foreign_role_titles() -> dict[str, str]:
    """Another language's title as matched -> the English one (``rules/foreign_role_titles.tsv``).

    "bundeskanzler" -> "chancellor", "presidente" -> "president".
    """
    table = {}
    for line in read_rule_lines("foreign_role_titles.tsv"):
        title, _, english = line.partition("\t")
        if title.strip() and english.strip():
            table[_dotless(fold_diacritics(title.strip().lower()))] = english.strip()
    return table


@lru_cache(maxsize=1)
def name_rules() -> _NameRules:
    """Word lists used by the steps, loaded once per process."""
    # Offices and occupations alike are stripped before a name ("Sen. X", "striker X").
    titles = {
        tuple(_dotless(t).split())
        for name in ("office_titles.txt", "occupations.txt")
        for t in read_rule_lines(name)
    }
    descriptors = {tuple(_dotless(t).split()) for t in read_rule_lines("descriptors.txt")}
    # Other languages' titles are stripped like English ones, but are no heads of the
    # English role phrases ``title_heads`` serves.
    foreign = {tuple(title.split()) for title in foreign_role_titles()}
    return _NameRules(
        honorifics=frozenset(_dotless(h) for h in read_rule_lines("honorifics.txt")),
        honorific_phrases=_by_first_word(
            {tuple(_dotless(h).split()) for h in read_rule_lines("honorifics.txt")}
        ),
        address_forms=frozenset(_dotless(h) for h in read_rule_lines("address_forms.txt")),
        post_nominals=frozenset(read_rule_lines("post_nominals.txt")),
        titles=_by_first_word(titles | foreign),
        title_heads=frozenset(t[-1] for t in titles if t),
        org_suffixes=frozenset(read_rule_lines("org_suffixes.txt")),
        particles=frozenset(read_rule_lines("name_particles.txt")),
        given_variant_keys={
            fold_latin_token(k): fold_latin_token(v)
            for k, v in _read_variant_table("given_name_variants.tsv").items()
        },
        korean_surnames=_read_variant_table("korean_surnames.tsv"),
        chinese_surnames=frozenset(read_rule_lines("chinese_surnames.txt")),
        descriptors=_by_first_word(descriptors),
        demonyms=frozenset(" ".join(d) for d in descriptors) - _country_names(),
        given_names=frozenset(
            fold_latin_token(line.split("\t")[0].strip().lower())
            for name in ("first_name_gender.tsv", "first_name_gender_ambiguous.txt")
            for line in read_rule_lines(name)
        ),
        # Only the stopped forms: a bare two-letter code ("GA", "CT") may be initials.
        region_abbreviations=frozenset(
            short.replace(" ", "")
            for line in read_rule_lines("subdivision_abbreviations.tsv")
            if "." in (short := line.split("\t")[0].strip())
        ),
    )


def _country_names() -> frozenset[str]:
    """Folded country names of ``countries.tsv`` ("jordan", "chad"): also given names."""
    names: set[str] = set()
    for line in read_rule_lines("countries.tsv"):
        cols = (line.split("\t") + [""] * 5)[:5]
        for n in [cols[2], *cols[4].split("|")]:
            if n:
                names.add(_dotless(fold_diacritics(n)))
    return frozenset(names)


@lru_cache(maxsize=1)
def _country_demonyms() -> frozenset[str]:
    """Folded demonyms of countries (``place_demonyms.tsv`` rows with an ISO 3166-1 code).

    The descriptor list lacks some that are also English words ("Polish", "Danish"); a
    country's demonym alone is still only a place before a body's kind (nineteenth
    session, round two).
    """
    return frozenset(
        _dotless(fold_diacritics(word)) for word, code in place_demonym_rows() if len(code) == 2
    )


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded country names, aliases and capitals: owners in "Lebanon's Hezbollah"."""
    names = set(_country_names())
    for line in read_rule_lines("countries.tsv"):
        cols = (line.split("\t") + [""] * 5)[:5]
        names.update(_dotless(fold_diacritics(c)) for c in cols[3].split("|") if c)
    return frozenset(names)


def _by_first_word(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index phrases by their first word, longest first, so matching is one dict lookup."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in index.items()}


def _dotless(text: str) -> str:
    return text.replace(".", "").strip().lower()


# ------------------------------------------------------------------ typography steps

# Hyphen-like characters seen inside names: U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN
# (both produced by word processors), figure dash, and the minus sign. En/em dashes are
# NOT folded: between words they are punctuation ("Seoul–Tokyo talks"), not a hyphen.
_HYPHENS = re.compile("[" + "".join(sorted(HYPHEN_LIKE - {"-"})) + "]")
# No-break and other fixed-width spaces that outlets use inside names ("Yoon\u00a0Suk").
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\n]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Apostrophe look-alikes: curly quotes, modifier letters, prime, backtick, acute.
_APOSTROPHES = re.compile("[\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4`\uff07]")
_MULTISPACE = re.compile(r" {2,}")


def fold_hyphens(text: str) -> str:
    """Map Unicode hyphens (U+2010, U+2011, soft hyphen, ...) to ASCII ``-``."""
    return _HYPHENS.sub("-", text)


def fold_spaces(text: str) -> str:
    """Map no-break/thin spaces to one ASCII space, drop zero-width marks, trim."""
    text = _ZERO_WIDTH.sub("", text)
    return _MULTISPACE.sub(" ", _SPACES.sub(" ", text)).strip()


def fold_apostrophes(text: str) -> str:
    """Map curly and look-alike apostrophes to ASCII ``'``."""
    return _APOSTROPHES.sub("'", text)


# Letters that NFKD does not decompose into base + combining mark.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold_diacritics(text: str) -> str:
    """Remove accents and breves: "Sŏk-yŏl" -> "Sok-yol", "Schröder" -> "Schroder"."""
    if text.isascii():
        return text
    text = text.translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_case(text: str) -> str:
    """Case-fold ("YOON Suk Yeol" -> "yoon suk yeol")."""
    return text.casefold()


# After a letter, or after the period of "Jr." ("Donald Trump Jr.'s": the son, not the father).
_POSSESSIVE = re.compile(r"(?<=[\w.])'s?$|(?<=s)'$", re.IGNORECASE)


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive: "Yoon's" -> "Yoon", "Jones'" -> "Jones".

    Expects apostrophes already folded to ASCII.
    """
    return _POSSESSIVE.sub("", text.rstrip())


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def strip_leading_article(text: str) -> str:
    """Drop a leading "the" ("the Asia-Pacific Economic Cooperation")."""
    return _LEADING_THE.sub("", text)


def compose(*steps: StrStep) -> StrStep:
    """Chain string steps left to right into one callable."""

    def run(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    run.__name__ = "compose(" + ", ".join(s.__name__ for s in steps) + ")"
    return run


#: Typography only: safe on any text, keeps case, diacritics and length of words.
fold_typography: StrStep = compose(fold_hyphens, fold_apostrophes, fold_spaces)


# -------------------------------------------------------- titles and descriptors

_TOKEN_PUNCT = re.compile(r"^[\"'(\[,;:]+|[\"')\],;:]+$")


def _token_norm(token: str) -> str:
    return _dotless(fold_diacritics(strip_possessive(token)))


def _match_phrase(norms: list[str], i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Length of the longest phrase matching tokens from ``i``; 0 if none."""
    for phrase in phrases.get(norms[i], ()):
        n = len(phrase)
        if tuple(norms[i : i + n]) == phrase:
            return n
    return 0


@lru_cache(maxsize=65536)
def split_titles(text: str) -> tuple[str, tuple[str, ...]]:
    """Split leading honorifics, titles and descriptors off a name.

    "former Japanese Prime Minister Fumio Kishida" -> ("Fumio Kishida",
    ("former", "japanese", "prime minister")). Stripping is left-to-right and stops
    at the first token that is none of these, and at least one token always remains:
    "King" alone stays "King" (it may be a surname).

    Args:
        text: A name with typography already folded.

    Returns:
        The remaining name and the stripped words (lower case, periods removed).
    """
    rules = name_rules()
    tokens = text.split()
    norms = [_token_norm(t) for t in tokens]
    stripped: list[tuple[int, str, bool]] = []  # (next index, words, is_descriptor)
    _drop_elect(tokens, norms, rules.title_heads)
    i = 0
    while i < len(tokens) - 1:
        norm = norms[i]
        # "ex-President", "then-Prime Minister": a modifier glued by a hyphen.
        head, sep, rest = norm.partition("-")
        if sep and head in {"ex", "then", "former", "vice"} and rest:
            stripped.append((i, head, False))
            norms[i] = rest
            tokens[i] = tokens[i].partition("-")[2]
            continue
        # "New Hampshire", "New South Wales": a capitalised "New" starts a place name;
        # only a lower-case "new" (or "New" before another title) is a modifier.
        if (
            norm == "new"
            and tokens[i][:1].isupper()
            and not _match_phrase(norms, i + 1, rules.titles)
        ):
            break
        # "Lord Goldsmith", "Baroness Thatcher": a peer is known by title + name, so the
        # title is kept when only one name token follows.
        if norm in _PEERAGE and i == len(tokens) - 2:
            break
        # "Datuk Seri", "Tan Sri": an honorific of several words is stripped whole ("Sri"
        # alone is a given name: Sri Mulyani Indrawati).
        n = _match_phrase(norms, i, rules.honorific_phrases)
        if n and i + n < len(tokens):
            stripped.append((i + n, " ".join(norms[i : i + n]), False))
            i += n
            continue
        if norm in rules.honorifics or norm == "the":
            i += 1
            stripped.append((i, norm, False))
            continue
        # "Pak Prabowo": an Indonesian form of address before one given name; before a
        # hyphenated or short word it is the Korean surname Pak ("Pak Pong-ju").
        if (
            norm in rules.address_forms
            and i == len(tokens) - 2
            and "-" not in tokens[-1]
            and len(tokens[-1]) >= 5
        ):
            i += 1
            stripped.append((i, norm, False))
            continue
        n = _match_phrase(norms, i, rules.titles)
        is_descriptor = False
        if not n:
            n = _match_phrase(norms, i, rules.descriptors) or _region_abbreviation(tokens, i)
            is_descriptor = True
        if n and i + n < len(tokens) and tokens[i + n] == "of" and not is_descriptor:
            # "Prince of Wales", "King of Norway": a title with its "of" complement names
            # an office, not a person called "Wales" or "Norway" ...
            start = _office_complement_end(tokens, i + n)
            if not start:
                break
            # ... and before a given name and a surname, the office of that person.
            stripped.append((start, " ".join(norms[i:start]), False))
            i = start
            continue
        if n and i + n < len(tokens):
            stripped.append((i + n, " ".join(norms[i : i + n]), is_descriptor))
            i += n
            continue
        break
    # A nationality word is only a descriptor when a title follows it ("Japanese Prime
    # Minister X"); "Jordan Henderson" or "Georgia Smith" keep their first name.
    while stripped and stripped[-1][2]:
        stripped.pop()
    end = stripped[-1][0] if stripped else 0
    if end < len(tokens) - 3 and norms[end] in _HEAD_TITLES and tokens[end + 1] == "of":
        # "Speaker of the House X": a role head with its "of" complement (no list row).
        start = _office_complement_end(tokens, end + 1)
        if start:
            stripped.append((start, " ".join(norms[end:start]), False))
            end = start
    # "Education Secretary X", "Samsung chairman X", "Arsenal manager X": a role noun
    # after a few words we do not know. Only when two name tokens remain, so "Martin
    # Luther King Jr." or "Billie Jean King" are left alone.
    for j in range(min(len(tokens) - 2, end + 4) - 1, end - 1, -1):
        if norms[j] in _HEAD_TITLES and tokens[j + 1] != "of":
            stripped.append((j + 1, " ".join(norms[end : j + 1]), False))
            end = j + 1
            break
    return " ".join(tokens[end:]), tuple(words for _, words, _ in stripped)


# Words inside the body of an office's "of" complement ("Chancellor of the Exchequer",
# "Governor of the Bank of England") besides capitalised ones.
_COMPLEMENT_LINKS = frozenset({"the", "of", "and", "for"})
_MAX_COMPLEMENT = 4


def _office_complement_end(tokens: list[str], of: int) -> int:
    """Where the name starts after "<title> of <Body>", 0 when it is not clear.

    "Speaker of the House Jane Roe", "Chancellor of the Exchequer John Doe" (issue 11,
    nineteenth session, general knowledge of US and UK press): the last two words are the
    name when the first of them is a known given name and the word before it is not, or
    follows "the" or "of" ("the House"; otherwise the body cannot end in a given name:
    "Mayor of New York X" keeps its words, "York" being one), and the body is one to four
    capitalised words with "the", "of", "and" or "for" between them. A name of three words is never cut: its middle word is no
    given name.
    """
    start = len(tokens) - 2
    body = tokens[of + 1 : start]
    if not body or len(body) > _MAX_COMPLEMENT or not body[-1][:1].isupper():
        return 0
    if not all(t[:1].isupper() or t in _COMPLEMENT_LINKS for t in body):
        return 0
    given = name_rules().given_names
    first, before = (fold_latin_token(_token_norm(t)) for t in (tokens[start], tokens[start - 1]))
    if not tokens[start][:1].isupper() or not tokens[-1][:1].isupper():
        return 0
    # A word right after "the"/"of" is the body's ("the House"), even if it is a given name.
    body_word = before not in given or tokens[start - 2] in _COMPLEMENT_LINKS
    return start if first in given and body_word else 0


_PEERAGE = frozenset({"lord", "baroness", "baron", "viscount", "viscountess", "earl", "countess"})

# Single-word titles that head a role phrase ("Foreign Secretary", "Tory leader").
# Modifiers such as "former" are not heads: "former X" alone is not a role phrase.
_HEAD_TITLES = frozenset(
    {"secretary", "minister", "leader", "chancellor", "president", "premier", "chairman",
     "chairwoman", "chair", "chief", "director", "spokesman", "spokeswoman", "spokesperson",
     "manager", "coach", "founder", "ceo", "governor", "mayor", "ambassador", "envoy",
     "commissioner", "secretary-general", "director-general", "prosecutor", "judge",
     "captain", "striker", "midfielder", "defender", "goalkeeper", "actor", "actress",
     "singer", "star", "executive", "head", "boss", "owner", "editor", "analyst", "economist",
     "lawmaker", "senator", "mp", "mep", "official", "adviser", "advisor", "aide", "general",
     # Issue 11, seventeenth session (general knowledge of Canadian and US press usage; no
     # eval set's strings): the heads of "Senate Speaker X", "Assembly Speaker X" and
     # "Chief Medical Officer X", "Provincial Health Officer X".
     "speaker", "officer",
     # Issue 11, nineteenth session (AP style, general knowledge): the abbreviated heads
     # of "Ohio Gov. X", "Texas Sen. X", "Florida Rep. X" (a state before the title).
     "gov", "sen", "rep",
     # Issue 11, nineteenth session (general knowledge of North American city politics):
     # "City Councilor X", "Ward 3 Alderman X".
     "councilor", "councillor", "councilman", "councilwoman", "councilmember", "alderman",
     "alderwoman", "alderperson"}
)  # fmt: skip


# "Mayor-elect X", "Prime Minister-designate X" (issue 11, nineteenth session; general
# knowledge of English press usage): the office not yet taken is still the title.
_PENDING_SUFFIXES = ("-elect", "-designate")


def _drop_elect(tokens: list[str], norms: list[str], title_heads: frozenset[str]) -> None:
    """Cut "-elect"/"-designate" off a title word in place, so the title matches as usual."""
    for k, norm in enumerate(norms[:-1]):
        for suffix in _PENDING_SUFFIXES:
            head = norm.removesuffix(suffix)
            if head != norm and (head in title_heads or head in _HEAD_TITLES):
                norms[k] = head
                tokens[k] = tokens[k][: len(head)]


def _region_abbreviation(tokens: list[str], i: int) -> int:
    """Tokens a US state's or Canadian province's stopped abbreviation takes from ``i``.

    "Ga. Secretary of State X", "N.Y. Attorney General X" (issue 11, nineteenth session): the
    AP and Canadian Press abbreviations of ``rules/subdivision_abbreviations.tsv`` before a
    title, like the region's name ("Georgia Secretary of State X"). A descriptor: kept when
    no title follows. "W. Va." may come split by ``split_glued_initial``.
    """
    regions = name_rules().region_abbreviations
    for n in (1, 2):
        if "".join(tokens[i : i + n]) in regions and i + n < len(tokens):
            return n
    return 0


def strip_titles(text: str) -> str:
    """Name without leading honorifics, titles and descriptors (see ``split_titles``)."""
    return split_titles(text)[0]


_TRAILING_JUNK = re.compile(r"[\s,;:\-\u2013\u2014]+$")


# Wire headlines glue an initial to the next word ("S.Korea", "N.Korea", "J.Smith").
_GLUED_INITIAL = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")


def split_glued_initial(text: str) -> str:
    """Give an initial glued to a capitalised word its space: "S.Korea" -> "S. Korea"."""
    return _GLUED_INITIAL.sub(r"\1. ", text)


@lru_cache(maxsize=65536)
def clean_surface(surface: str) -> str:
    """Typography folded, edge punctuation and possessive dropped; titles kept."""
    text = split_glued_initial(fold_typography(surface))
    stripped = _TOKEN_PUNCT.sub("", text)
    if text.endswith(")") and stripped.count("(") > stripped.count(")"):
        stripped += ")"  # "Pakistan Muslim League (Nawaz)": the bracket is the name's
    return strip_possessive(_TRAILING_JUNK.sub("", stripped))


# Lower-case words that belong inside a person's name ("Ruud van Nistelrooy", "Osama bin
# Laden", "Luiz Inácio Lula da Silva"); any other lower-case word before a capitalised name
# is description ("Greek sprinter X", "double Olympic champion X").
_NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du",
     "la", "le", "ter", "ten", "bin", "ibn", "bint", "al", "el", "y", "e", "zu", "af", "av",
     "ben", "abu", "d", "st"}
)  # fmt: skip
# Party labels used like nationality words before a full name ("Republican John McCain").
_PARTY_LABELS = frozenset({"republican", "democrat", "tory", "labour", "conservative"})


def _is_capitalised(token: str) -> bool:
    """A capitalised word, or a name led by a digit with capitals in it ("1MDB", "3M")."""
    if token[:1].isdigit():
        return any(c.isupper() for c in token)
    return token[:1].isupper() or (token[:1] in "'\"(" and token[1:2].isupper())


def _is_particle(token: str) -> bool:
    low = token.lower()
    return low in _NAME_PARTICLES or low.partition("-")[0] in _NAME_PARTICLES or low[:2] == "d'"


# A capitalised possessive word before a person's name ("Toronto's", "Canada's").
_POSSESSIVE_LEAD = re.compile(r"^[A-Z][\w.\-]*(?:'s|s')$")


def _possessive_owner_length(tokens: list[str]) -> int:
    """Words of a capitalised possessive owner of one to three words before a full name.

    0 unless every owner word is capitalised, the last is possessive ("Acme's", "Rovers'")
    and two capitalised words or more follow it.
    """
    for k in range(1, 4):
        if len(tokens) < k + 2 or not _is_capitalised(tokens[k - 1]):
            return 0
        if _POSSESSIVE_LEAD.match(tokens[k - 1]):
            return k if _is_capitalised(tokens[k]) and _is_capitalised(tokens[k + 1]) else 0
    return 0


def strip_person_descriptors(name: str) -> str:
    """Drop description written before a person's name.

    * Lower-case words before a capitalised name are description, not name: "Greek sprinter
      Katerina Thanou", "US tycoon Malcolm Glazer", "double Olympic champion Kelly Holmes"
      -> the name after the last such word. Name particles (van, bin, da, al-) are kept.
    * A nationality word or party label before a full name of two or more tokens:
      "Russian Svetlana Kuznetsova", "Republican John McCain". Country names are not
      stripped: they are also given names ("Jordan Henderson", "Chad Johnson").
    * A capitalised possessive before a full name of two or more tokens: "Chicago's Jane
      Roe" -> "Jane Roe" (seventeenth session).

    All-caps and all-lower-case strings are left alone: case carries no signal there.
    """
    tokens = name.split()
    if len(tokens) < 2 or name.isupper() or name.islower():
        return name
    owner = _possessive_owner_length(tokens)
    if owner:
        # "Chicago's Jane Roe", "Acme's John Doe", "Springfield Rovers' John Doe": the
        # place, team or body the person belongs to is description when a full name of
        # two words or more follows.
        tokens = tokens[owner:]
        name = " ".join(tokens)
    cut = 0
    for j in range(len(tokens) - 1):
        t = tokens[j]
        if j > cut and (
            (t == "of" and _is_capitalised(tokens[j - 1]))
            or (t == "the" and tokens[j - 1] == "of" and j - 1 > cut)
        ):
            # "Harald V of Norway", "Bank of Norway", "Willem-Alexander of the Netherlands":
            # "of" after a capitalised word joins one name; cutting there left "Norway",
            # the key every "<X> of Norway" shared with the country's monarch.
            continue
        if _is_lower_word(t) and not _is_particle(t) and _is_capitalised(tokens[j + 1]):
            cut = j + 1
    rules = name_rules()
    while len(tokens) - cut > 2:
        n = 0
        for k in range(min(3, len(tokens) - cut - 2), 0, -1):
            phrase = " ".join(_token_norm(t) for t in tokens[cut : cut + k])
            if phrase in rules.demonyms or phrase in _PARTY_LABELS:
                n = k
                break
        if not n:
            break
        cut += n
    return " ".join(tokens[cut:])


_RETIRED = re.compile(r"\s*\((?:retd|rtd|ret|retired)\.?\)$", re.IGNORECASE)
# US copy tags a legislator with party and state after the name: "Sen. Jane Roe (R-Texas)",
# "Rep. John Doe, D-N.Y.", "(I-Vt.)", "(D-Calif.-12)" (issue 11, sixteenth session). The
# tag names the seat, not the person: it is dropped. A capital R, D or I, a hyphen, then
# a state as AP or USPS writes it (one or two capitalised words or a dotted abbreviation)
# and an optional district number, in brackets or after a comma. Twentieth session, the
# other house styles of the same tag (general knowledge of US press usage): the Wall
# Street Journal's "(D., Calif.)", Congress's own "[R-TX]" and the New York Times' "X,
# Republican of Texas". A party letter alone ("(R)") is left: it says no seat.
_STATE = r"(?:[A-Z][a-z]*\.?(?:\s?[A-Z][a-z]*\.?)?|[A-Z]{2})"
_PARTY_STATE = re.compile(
    rf"\s*(?:,\s*(?=[RDI]-)|\((?=[RDI]-)|\[(?=[RDI]-))[RDI]-{_STATE}"
    r"(?:-\d{1,2}|-at-large)?[)\]]?$"
    rf"|\s*\([RDI]\.,\s?{_STATE}\)$"
    r"|,\s*(?:Republican|Democrat|Independent) of [A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?$"
)


# Words of a description that say nothing of what it describes ("the Acme of Springfield").
_APPOSITIVE_GLUE = frozenset({"the", "of", "and", "for", "in"})


def strip_the_appositive(name: str) -> str:
    """Drop "Jane Roe, the <description>" to "Jane Roe" (see ``_is_the_appositive``).

    Done before titles are split: a title head inside the description ("the Acme premier
    of Ruritania") would otherwise be read as a title and leave its complement as the name.
    """
    head, sep, tail = name.partition(", ")
    if sep and len(head.split()) >= 2 and _is_the_appositive(head, tail.split()):
        return head
    return name


_COUNTRY_OF = re.compile(
    r"^(?P<head>.+?) of (?P<country>(?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})$"
)


def strip_country_of(name: str) -> str:
    """Drop "of <country>" after a titled name: "(Prime Minister) Jane Roe of Ruritania".

    Issue 11, twentieth session (news copy's "Foreign Minister X of Poland", general
    knowledge): called only once a title was stripped before the name, so the country
    says whose office the title is, not the person's name. Two name words or more must
    come before "of", each capitalised with a lower-case letter: a monarch's "Harald V of
    Norway" (a numeral) and a peer's "Lord X of <place>" (not a country) keep their words.
    """
    m = _COUNTRY_OF.match(name)
    if m is None:
        return name
    if _dotless(fold_diacritics(m.group("country").lower())) not in _country_names():
        return name
    head = m.group("head").split()
    if len(head) < 2 or not all(w[:1].isupper() and not w.isupper() for w in head):
        return name
    return m.group("head")


def _is_the_appositive(head: str, words: list[str]) -> bool:
    """True for "Jane Roe, the <description>": an article after a comma opens a description.

    Issue 11, twentieth session (news copy's appositive, general knowledge): "Jane Roe,
    the Acme chief executive", "John Doe, the Springfield Council's top Republican", "Jane
    Roe, the director of public prosecutions". A name never goes on after ", the", so the
    description is dropped whatever its case when: two to ten words after the comma, the
    first a lower-case "the", at least one other lower-case word that is not glue ("of",
    "and"; "X, the Acme Group" is no description), and every word before the comma
    capitalised (a name, not a phrase).
    """
    if not 2 <= len(words) <= 10 or words[0] != "the":
        return False
    if not any(w.islower() and w not in _APPOSITIVE_GLUE for w in words[1:]):
        return False
    return all(_is_capitalised(w) or _is_particle(w) for w in head.split())


def _strip_trailing_role(name: str) -> str:
    """Drop a role written after a comma: "Jane Roe, Springfield's mayor" -> "Jane Roe".

    Issue 11, nineteenth session (an appositive in news copy, general knowledge): after the
    last comma, one to five words ending in a lower-case title head ("mayor", "chief
    executive"), every word lower case but a first possessive ("Springfield's"). Two name
    words must come before the comma; "Roe, Jane" and "Sammy Roe, Jr." keep their words.
    """
    head, sep, tail = name.rpartition(", ")
    words = tail.split()
    if not sep or len(head.split()) < 2 or not 1 <= len(words) <= 5:
        return name
    last = _token_norm(words[-1])
    if not words[-1].islower() or (
        last not in _HEAD_TITLES and last not in name_rules().title_heads
    ):
        return name
    # A possessive owner of one to three capitalised words opens the role ("Springfield's",
    # "Jane Doe's campaign manager"; twenty-first session): the rest is lower case.
    owner = next((i for i, w in enumerate(words[:3]) if strip_possessive(w) != w), -1)
    if owner > 0 and not all(_is_capitalised(w) for w in words[:owner]):
        return name
    rest = words[owner + 1 :] if owner >= 0 else words[1:]
    if not (owner >= 0 or words[0].islower()) or not all(w.islower() for w in rest):
        return name
    return head


def strip_leading_role(text: str) -> str:
    """Drop a role written before a comma: "Springfield's First Minister, Jane Roe" -> "Jane Roe".

    Issue 11, twenty-first session (news copy's apposition, general knowledge): an optional
    possessive owner of one to three capitalised words, then one to four words of a role
    ending in a title head ("minister", "chairman") in any case, a comma, and a full name
    of two to four capitalised words with no comma after it.
    """
    head, sep, tail = text.partition(", ")
    names = tail.split()
    if not sep or not 2 <= len(names) <= 4 or "," in tail:
        return text
    if not all(_is_capitalised(w) or _is_particle(w) for w in names):
        return text
    words = head.split()
    owner = next(
        (k for k in range(1, 4) if k < len(words) and words[k - 1].endswith(("'s", "'"))), 0
    )
    role = words[owner:]
    if not 1 <= len(role) <= 4 or not all(re.fullmatch(r"[A-Za-z][a-z\-]*", w) for w in role):
        return text
    if _token_norm(role[-1]) not in name_rules().title_heads:
        return text
    return tail


def strip_post_nominals(name: str) -> str:
    """Drop honours and offices written after a person's name.

    "Chief Olusegun Obasanjo GCFR", "Jane Smith KC MP", "Gen. X Y (retd)" -> the name.
    Only letters of ``rules/post_nominals.txt`` written in capitals after two name words
    or more, and never when the whole name is in capitals (case carries no signal there);
    generational suffixes ("Jr.", "III") are no post-nominals and stay.
    """
    name = _strip_trailing_role(_PARTY_STATE.sub("", _RETIRED.sub("", name)))
    tokens = name.split()
    if name.isupper():
        return name
    post = name_rules().post_nominals
    while len(tokens) > 2 and tokens[-1].rstrip(",.") in post:
        tokens.pop()
        tokens[-1] = tokens[-1].rstrip(",")
    return " ".join(tokens)


def _strip_honorific_after_description(name: str, described: str) -> tuple[str, tuple[str, ...]]:
    """An honorific left at the front once description was cut: "health officer Dr. X".

    ``split_titles`` stops at the first word it does not know ("Toronto medical officer
    of health Dr. Jane Roe"); ``strip_person_descriptors`` then cuts the description and
    leaves "Dr. Jane Roe". Only an honorific (Dr., Mr., Sir) is stripped here, never a
    title word that may be a given name ("King", "Prince").
    """
    if described == name:
        return described, ()
    first = described.split()[0] if described.split() else ""
    if _token_norm(first) not in name_rules().honorifics:
        return described, ()
    return split_titles(described)


# Two initials or more at the start of a name, each with its stop, written apart: "M. K."
_LEADING_INITIAL_RUN = re.compile(r"^(?:[A-Z]\. ?)+[A-Z]\.(?= \S)")


def glue_leading_initials(name: str) -> str:
    """Write a name's leading initials together: "M. K. Roe" -> "M.K. Roe".

    Twentieth session (general knowledge of English-language news, Indian names above
    all): a person known by initials and one name is written "M. K. Roe", "M.K. Roe" and
    "MK Roe" alike. Written apart, the second initial looked like a dropped middle
    initial ("M. Roe"); together, all three spellings are one key. One leading initial
    ("H. Ross Roe") and inner initials ("George H. W. Roe") are left as they are.
    """
    m = _LEADING_INITIAL_RUN.match(name)
    if m is None or " " not in m.group(0):
        return name
    return m.group(0).replace(" ", "") + name[m.end() :]


@lru_cache(maxsize=65536)
def split_person_name(text: str) -> tuple[str, tuple[str, ...]]:
    """``split_titles``, then ``strip_person_descriptors`` and ``strip_post_nominals``."""
    name, titles = split_titles(strip_the_appositive(strip_leading_role(text)))
    if titles:
        name = strip_country_of(name)
    described, more = _strip_honorific_after_description(name, strip_person_descriptors(name))
    return glue_leading_initials(strip_post_nominals(described)), titles + more


@lru_cache(maxsize=65536)
def clean_name(surface: str) -> str:
    """Readable canonical form of a person name: typography folded, possessive, titles dropped.

    "South Korean President Yoon Suk\u2011yeol's" -> "Yoon Suk-yeol"; "Greek sprinter
    Katerina Thanou" -> "Katerina Thanou". Case and diacritics are kept (they are part of
    how the name is shown). Organisations and places use ``clean_org_name`` and
    ``clean_place_name``: titles are not stripped inside them ("New Hampshire",
    "Democratic Party").
    """
    surface = strip_the_appositive(strip_leading_role(clean_surface(surface)))
    name = strip_titles(surface)
    if name != surface:
        name = strip_country_of(name)
    described = _strip_honorific_after_description(name, strip_person_descriptors(name))[0]
    return glue_leading_initials(strip_post_nominals(described))


# Head nouns of an appositive before an organisation's name ("Russian oil firm Yukos",
# "European football's governing body Uefa") or after it ("the Nato alliance"); only
# lower-case ones count, so "Bank of England" or "Northern Alliance" are untouched.
_ORG_APPOSITIVE_HEADS = frozenset(
    {"firm", "company", "group", "alliance", "cartel", "body", "giant", "maker", "producer",
     "carrier", "airline", "operator", "organisation", "organization", "agency", "watchdog",
     "regulator", "club", "side", "team", "retailer", "chain", "conglomerate", "broadcaster",
     "network", "newspaper", "tabloid", "lender", "insurer", "bank", "union", "federation",
     "association", "movement", "militia", "faction", "party", "charity", "exchange",
     "supermarket", "bloc", "forum", "outfit", "rival", "unit", "subsidiary", "owner",
     "manufacturer", "developer", "publisher", "label", "studio", "channel", "station",
     "parent", "media", "outlet", "daily", "wire", "miner", "refiner", "brewer", "exporter",
     "shipper", "shipbuilder", "utility", "supplier", "distributor", "startup", "start-up",
     "trader", "investor", "consultancy", "contractor"}
)  # fmt: skip
_ORG_TRAILING_HEADS = frozenset({"alliance", "cartel", "group", "bloc", "militia", "forum", "firm"})
# Lower-case generic nouns written after a name ("the Mossad intelligence agency", "the
# Taliban movement"): description, not name, when every word before them is capitalised.
# Title-case ones stay ("Xinhua News Agency" is a name). Not "party", "government" or
# "regime": "the Republican party" and "the Assad regime" are not "Republican" and "Assad".
_ORG_TRAILING_NOUNS = frozenset(
    {"movement", "militia", "group", "alliance", "agency", "news", "intelligence",
     "spy", "security", "service", "services", "broadcaster", "newspaper", "daily", "network",
     "faction", "organisation", "organization", "coalition", "bloc", "channel",
     "company", "firm", "conglomerate", "giant", "outfit",
     # "think tank" (the "think" before it is a lower-case word, stripped with it).
     "tank"}
)  # fmt: skip
# Bodies made of bodies: "<parent> group/agency" names one of them ("the UN group" of
# experts, "the EU agency"), never the parent ("the Wagner group" is Wagner).
_PARENT_BODIES = frozenset({"un", "united nations", "eu", "european union", "au", "african union"})
_SUB_BODY_NOUNS = frozenset({"group", "agency", "panel", "body", "team", "mission", "committee"})


def is_sub_body(tokens: list[str]) -> bool:
    """True for "<parent> [lower-case words] <noun>" naming one of the parent's bodies.

    "UN group", "EU agency", "UN trade agency", "U.N. fact-finding body".
    """
    if len(tokens) < 2 or tokens[-1].lower() not in _SUB_BODY_NOUNS:
        return False
    head = tokens[:-1]
    while len(head) > 1 and head[-1].islower():
        head = head[:-1]
    return _dotless(" ".join(head)) in _PARENT_BODIES


_POSSESSIVE_WORD = re.compile(r"^[A-Z][\w.\-]*(?:'s|')$")
# An everyday English word (wordfreq Zipf): after a capital's possessive it is a name's
# second word, not a body the city owns ("<City>'s Secret").
_EVERYDAY_WORD_ZIPF = 4.5
# "Iran-backed Hezbollah", "Kremlin-linked United Russia": a hyphenated relation is description.
_RELATION_WORD = re.compile(
    r"^[\w.']+(?:-[\w.']+)*-(?:backed|based|led|run|owned|linked|aligned|allied|funded|controlled|"
    r"affiliated|sponsored|supported|dominated|influenced)$",
    re.IGNORECASE,
)
# Names of a country's institutions that a possessive country keeps ("Japan's Ministry of
# Defense" is not the ministry of any other country).
_GENERIC_INSTITUTION_WORDS = frozenset(
    {"ministry", "department", "office", "government", "parliament", "army", "navy", "air",
     "police", "military", "cabinet", "embassy", "central", "supreme", "constitutional",
     "high", "national", "federal", "state", "foreign", "defence", "defense", "interior",
     "finance", "justice", "health", "trade", "prime", "presidential", "royal", "armed",
     "coast", "intelligence", "security", "election", "electoral", "communist", "socialist",
     "labour", "labor", "conservative", "liberal", "democratic", "republican", "green",
     "greens", "people's", "peoples", "workers", "workers'", "bank", "reserve", "monetary",
     "statistics", "meteorological", "space", "atomic", "nuclear", "energy", "competition",
     "financial", "securities", "antitrust", "customs", "tax", "immigration", "border",
     # Twelfth session: more words that open a body's name every country has ("Malaysia's
     # Anti-Corruption Commission" is not Nigeria's).
     "anti-corruption", "anti-graft", "corruption", "human", "revenue", "audit",
     "independent", "public", "civil", "investigation", "prosecution", "prosecutors"}
)  # fmt: skip


def is_generic_institution_word(word: str) -> bool:
    """True for a word that opens a body's name every country has ("central", "revenue")."""
    return word.lower() in _GENERIC_INSTITUTION_WORDS


def _is_org_head(token: str) -> bool:
    """A lower-case appositive head: "firm", "carmaker", "chipmaker", "oil producer"."""
    return token in _ORG_APPOSITIVE_HEADS or (
        token.islower() and token.endswith(("maker", "producer", "giant", "company"))
    )


def _is_lower_word(token: str) -> bool:
    return token[:1].isalpha() and token[:1].islower()


@lru_cache(maxsize=65536)
def clean_org_name(surface: str) -> str:
    """Readable name of an organisation: typography, possessive, "the" and appositives dropped.

    "Russian oil firm Yukos" -> "Yukos", "the Nato alliance" -> "Nato", "the Opec cartel"
    -> "Opec". Titles are NOT stripped ("Democratic Party", "Conservative and Unionist
    Party" keep their adjectives), and a generic head is never left alone.
    """
    text = strip_leading_article(clean_surface(surface))
    tokens = text.split()
    if len(tokens) < 2 or text.isupper() or text.islower():
        return text
    cut = 0
    for j in range(len(tokens) - 1):
        if _is_org_head(tokens[j]) and _is_capitalised(tokens[j + 1]):
            cut = j + 1
    tokens = tokens[cut:]
    if (
        len(tokens) >= 2
        and tokens[-1] in _ORG_TRAILING_HEADS
        and not any(_is_lower_word(t) for t in tokens[:-1])
        and not is_sub_body(tokens)
    ):
        tokens = tokens[:-1]
    return " ".join(strip_org_descriptors(tokens))


# "the 22-member Arab League", "the 27-nation bloc", "the two-party coalition": a count.
_COUNT_WORD = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
    r"(?:-[a-z]+)?-(?:member|nation|country|state|party|strong|seat)$"
)


_PART_OF_WORDS = frozenset({"of", "for"})


# A stance written before a name: "anti-<Name>", "pro-<Name>" ("the pro-Kremlin X", "the
# anti-Islam X"); lower-case "anti"/"pro" only ("Anti-Slavery International" is a name).
_STANCE_WORD = re.compile(r"^(?:anti|pro)-[A-Za-z]+$")


def _is_descriptor_word(token: str) -> bool:
    """A wholly lower-case word that is no name particle ("ruling"), "Iran-backed", "pro-Kremlin"."""
    if _RELATION_WORD.match(token) or _COUNT_WORD.match(token) or _STANCE_WORD.match(token):
        return True
    return token.islower() and token[:1].isalpha() and not _is_particle(token)


def strip_org_descriptors(tokens: list[str]) -> list[str]:
    """Drop description around an organisation's name (issue 11, names class 1).

    * A possessive place before it: "Lebanon's Hezbollah", "Egypt's Muslim Brotherhood",
      unless what follows is a country's institution ("Japan's Ministry of Defense",
      "South Korea's National Intelligence Service": the country is part of the name) or a
      role description ("Japan's central bank": resolved from the role table instead).
    * Descriptive words before it: "ruling", "state-run", "conservative", "state media",
      "Iran-backed", "Kremlin-linked".
    * Lower-case generic nouns after it: "Mossad intelligence agency", "Taliban movement".

    At least one capitalised token always stays, so a description alone is left whole.
    """
    if len(tokens) < 2:
        return tokens
    keep: list[str] = []  # a possessive country kept before an institution's name
    i = 0
    for j in range(min(3, len(tokens) - 1)):
        if not _is_capitalised(tokens[j]):
            break
        if _POSSESSIVE_WORD.match(tokens[j]):
            owner = " ".join(tokens[: j + 1])
            if _dotless(fold_diacritics(strip_possessive(owner))) not in _place_names():
                break  # "the Bank's Board": an organisation's part, not a description
            rest = tokens[j + 1 :]
            if (
                len(rest) == 1
                and _dotless(fold_diacritics(strip_possessive(owner))) not in _country_names()
                and english_zipf(rest[0]) >= _EVERYDAY_WORD_ZIPF
            ):
                # A capital's possessive before one everyday word is the name itself
                # ("<City>'s Secret"), not a city owning a body called "Secret".
                break
            first = next((t for t in rest if not _is_descriptor_word(t)), "")
            if first.lower() in _GENERIC_INSTITUTION_WORDS:
                keep = tokens[: j + 1]
            i = j + 1
            break
    start = i
    while i < len(tokens) - 1 and _is_descriptor_word(tokens[i]):
        i += 1
    if any(t in _PART_OF_WORDS for t in tokens[start:i]):
        # "the youth wing of Hamas", "a unit of Toyota": a part of the organisation, not
        # a description of it (a party and its youth wing must stay apart).
        return tokens
    out = tokens[i:]
    particle_led = bool(i and out and _is_particle(out[0])) and (
        "-" in out[0] or (len(out) > 1 and _is_capitalised(out[1]))
    )
    if not out or not (_is_capitalised(out[0]) or particle_led):
        # A role description ("the U.N. nuclear watchdog"): left whole. A name may start
        # with a particle after a description ("al-Qaeda-linked al-Shabaab"), never a
        # phrase ("Hong Kong's de facto central bank").
        return tokens
    out = keep + out
    end = len(out)
    while end > 1 and out[end - 1].islower() and out[end - 1] in _ORG_TRAILING_NOUNS:
        if is_sub_body(out[:end]):
            break
        end -= 1
    if end < len(out) and not any(_POSSESSIVE_WORD.match(t) for t in out):
        # "the Shin Bet internal security agency": lower-case adjectives before the
        # generic nouns belong to the description too ("the U.N.'s aviation agency" is a
        # role, resolved from the role table).
        trailing = end
        while end > 1 and _is_descriptor_word(out[end - 1]) and not is_sub_body(out[:end]):
            end -= 1
        named = _dotless(fold_diacritics(" ".join(out[:end])))
        if _only_a_place(named):
            end = trailing  # "the Chinese space agency": a country's role, not a name
    if end < len(out) and _only_a_place(_dotless(fold_diacritics(" ".join(out[:end])))):
        # "the Malaysian intelligence agency": the nouns name which of the country's
        # bodies it is; without them every such body would be keyed as the country.
        end = len(out)
    if end < len(out) and all(_is_capitalised(t) or _is_particle(t) for t in out[:end]):
        out = out[:end]
    return out


@lru_cache(maxsize=65536)
def clean_place_name(surface: str) -> str:
    """Readable name of a place: typography, possessive and a leading "the" dropped.

    No titles are stripped: "New South Wales" and "New Hampshire" keep their "New".
    """
    return strip_leading_article(clean_surface(surface))


# --------------------------------------------------------------- key-level steps

_KEY_PUNCT = re.compile(r"[^\w\s-]")
_WS = re.compile(r"\s+")


def strip_key_punctuation(text: str) -> str:
    """Drop periods, commas and other punctuation; keep letters, digits, hyphens, spaces.

    "U.S." -> "US", "George H. W. Bush" -> "George H W Bush".
    """
    return _WS.sub(" ", _KEY_PUNCT.sub("", text.replace("&", " and "))).strip()


_UMLAUT_DIGRAPH = re.compile(r"(?<=[^aeiouy\W])(o|u)e(?=[^aeiouy\W]\w)")
# Three letters at least before the ending: a Slavic surname's stem ("zelen-skiy"), not an
# English word's ("lu-cky", "hu-sky"), so "Lucki" is not "Lucky" (issue 11, sixteenth session).
_SKY_ENDING = re.compile(r"(?<=\w{3})(sk|ck|tsk|zk)(?:yy|iy|ij|ii|yi|i)$")
_YY_END = re.compile(r"yy$")
_IYA_END = re.compile(r"(?<=[^aeiouy\W])i[iy]a$")
# Russian "е" after a vowel is written "ye" or "e" in the suffixes of surnames and
# patronymics: "Aliyev"/"Aliev", "Nazarbayeva"/"Nazarbaeva", "Matviyenko"/"Matvienko",
# "Sergeyevich"/"Sergeevich". Only before -ev/-enko, so "Meyer" and "Bayer" keep their "y".
_IOTATED_E = re.compile(r"(?<=[aeiou])y(?=e(?:v|nk))")
_OH_END = re.compile(r"(?<=[^aeiouy\W])oh$")
_OU = re.compile(r"ou(?=[^aeiouy\W]|$)")


def fold_umlaut_digraphs(token: str) -> str:
    """Fold German-style umlaut spellings: "schroeder" -> "schroder".

    Outlets write "Schröder" and "Schroeder"; after diacritic folding the first becomes
    "schroder", so the digraph spelling is folded to match. Only a digraph between two
    consonants, with more letters after it, is folded, so "joe", "noel", "manuel" and
    "boeing" are untouched. "ae" is left alone: it is ordinary in English names (Michael).
    """
    return _UMLAUT_DIGRAPH.sub(r"\1", token)


def fold_slavic_endings(token: str) -> str:
    """Fold transliteration variants of Slavic endings.

    -sky: "zelenskyy"/"zelenskiy" -> "zelensky"; -iya/-iia: "mariya"/"mariia" -> "maria",
    "yuliia" -> "yulia" (Russian and Ukrainian passport spellings of one name).
    """
    token = _SKY_ENDING.sub(r"\1y", token)
    token = _IYA_END.sub("ia", token)
    return _YY_END.sub("y", token)


def fold_long_vowels(token: str) -> str:
    """Fold Hepburn long-vowel spellings: "itoh"/"itou"/"itō" -> "ito", "yuuki" -> "yuki".

    Japanese names are written with a macron ("Shinzō"), which diacritic folding turns
    into a plain vowel, or with "oh"/"ou"/"uu" ("Itoh", "Shinzou", "Yuuki"); this step
    brings the latter to the same form. Only key tokens are folded.
    """
    token = _OH_END.sub("o", token)
    token = _OU.sub("o", token)
    return token.replace("uu", "u")


_DUTCH_IJ = re.compile(r"ij(?=[^aeiou]|$)")
_YCH_END = re.compile(r"ych$")
# A doubled consonant before a vowel is what Arabic and Persian transliterations disagree
# on (Gaddafi/Gadafi, Nasrallah/Nasralah, Mohammed/Mohamed: the letter's gemination, written
# or not). At the end of a word or before another consonant a doubled letter is an English
# or German spelling (Cahill/Cahil, Bettman/Betman, Russell/Russel): another family's name,
# so it stays (issue 11, eighteenth session: one-letter namesakes merged by the key).
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1(?=[aeiouy])")


def fold_transliteration(token: str) -> str:
    """Fold consonant spellings that differ only by transliteration system.

    "gaddafi"/"gadhafi"/"qaddafi"/"kadhafi" -> "kadafi" (Arabic q/k/g and dh/d, doubled
    consonants), "nistelrooij" -> "nistelrooy" (Dutch ij), "yanukovych" -> "yanukovich"
    (Ukrainian/Russian -ych/-ich), "tudjman" -> "tudman" (Serbo-Croatian dj/đ). Keys only: a name is never shown in this form, and a
    full-name key still needs every other token to agree, so namesakes stay apart. A
    doubled consonant is single only before a vowel (``_DOUBLED``): "cahill" and "cahil"
    are two names.
    """
    token = _DUTCH_IJ.sub("y", token)
    token = _YCH_END.sub("ich", token)
    # "dj" is the English spelling of the Serbo-Croatian "đ", which folds to "d" without its
    # stroke ("Djokovic" = "Đoković" = "Dokovic"; twenty-first session).
    token = token.replace("dh", "d").replace("dj", "d").replace("q", "k")
    if token[:1] == "g" and token[1:2] in "aeiou" and len(token) > 4:
        token = "k" + token[1:]
    return _DOUBLED.sub(r"\1", token)


@lru_cache(maxsize=65536)
def fold_latin_token(token: str) -> str:
    """All spelling folds of one Latin-script name token (see the steps it chains)."""
    # The iotated "ye" goes first: "Dostoyevsky" must reach the umlaut-digraph step as
    # "Dostoevsky" does.
    token = _IOTATED_E.sub("", token)
    return fold_transliteration(fold_long_vowels(fold_slavic_endings(fold_umlaut_digraphs(token))))


def drop_name_particle(token: str) -> str:
    """Drop glued Arabic article particles: "al-assad" -> "assad"."""
    head, sep, rest = token.partition("-")
    if sep and rest and head in name_rules().particles:
        return rest
    return token


# Korean romanised syllable (RR, McCune-Reischauer after breve folding, popular forms).
_KO_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|ts|sh|[gkndtrlmbpsjhc])?[wy]?"
    r"(?:ae|eo|eu|oe|ui|oo|ou|ee|a|e|o|u|i)(?:ng|n|l|ck|k|p|t|m|r)?"
)
_KO_GIVEN = re.compile(rf"(?:{_KO_SYLLABLE}){{1,3}}")
_KO_SINGLE = re.compile(_KO_SYLLABLE)
# Pinyin / Wade-Giles syllable, for Chinese given names.
_ZH_SYLLABLE = r"(?:zh|ch|sh|ts|hs|[bpmfdtnlgkhjqxrzcswy])?(?:[aeiouv]{1,3})(?:ng|n|r)?"
_ZH_GIVEN = re.compile(rf"(?:{_ZH_SYLLABLE}){{1,2}}")


def fold_korean_given(given: str) -> str:
    """Fold a Korean given name to one skeleton across romanisation systems.

    Revised Romanisation ("Seok-yeol"), McCune-Reischauer after breve folding
    ("Sok-yol"), and popular spellings ("Suk-yeol", "Seok-youl") of one name collapse:
    the vowels eo/eu/oo/ou/u all become "o" (they are what the systems disagree on),
    aspirated/plain consonant pairs (k/g, t/d, p/b, ch/j) are merged, r/l merged and
    doubled consonants simplified. The skeleton is a key, not a spelling.

    Args:
        given: Lower-case ASCII given name, syllables joined (no hyphen or space).
    """
    g = given.replace("'", "")
    # "ck" is a popular spelling of a final k ("Duck-soo" = RR "Deok-su").
    for a, b in (("ck", "k"), ("kk", "k"), ("tt", "t"), ("pp", "p"), ("ss", "s"), ("jj", "j")):
        g = g.replace(a, b)
    for a, b in (("eo", "o"), ("eu", "o"), ("oo", "o"), ("ou", "o"), ("ee", "i"), ("u", "o")):
        g = g.replace(a, b)
    for a, b in (("ch", "j"), ("sh", "s"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l")):
        g = g.replace(a, b)
    return g


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into parts for matching.

    Attributes:
        tokens: Key tokens (folded), in written order, hyphenated parts split.
        surname: The folded family name ("" when the name is a single token that may
            be either a given name or a surname).
        family_first: True when the written order was family name first (East Asian).
        style: "korean", "chinese" or "general": which folding rules applied.
        key: The order-insensitive matching key.
    """

    tokens: tuple[str, ...]
    surname: str
    family_first: bool
    style: str
    key: str


_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,3}$")


def split_initials(tokens: list[str]) -> list[str]:
    """Split run-together middle initials: "George H.W. Bush" -> "George H. W. Bush".

    Only inner tokens are split: a first or last all-capital token is a name
    ("YOON Suk Yeol") or an acronym, not initials.
    """
    if all(t.isupper() for t in tokens if any(c.isalpha() for c in t)):
        # "OSAMA BIN LADEN", "RUUD VAN NISTELROOY": an all-caps name has no initials to
        # split ("GEORGE W. BUSH" keeps its single-letter initial either way).
        return list(tokens)
    out: list[str] = []
    for i, token in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and _INITIALS.match(token):
            out.extend(c for c in token if c.isalpha())
        else:
            out.append(token)
    return out


def _base_tokens(name: str) -> list[str]:
    """Typography-, diacritic-, case- and punctuation-folded tokens of a clean name."""
    raw = split_initials(fold_typography(name).split())
    text = strip_key_punctuation(fold_case(fold_diacritics(" ".join(raw))))
    return [t for t in text.split() if t.strip("-")]


def _east_asian(tokens: list[str]) -> tuple[str, str, str, bool] | None:
    """(style, surname key, given key, family_first) when tokens look Korean/Chinese."""
    rules = name_rules()
    if not 2 <= len(tokens) <= 3:
        return None
    for family_first in (True, False):
        surname = tokens[0] if family_first else tokens[-1]
        given_tokens = tokens[1:] if family_first else tokens[:-1]
        if "-" in surname:
            continue
        # A given name is one (possibly hyphenated) token, or two one-syllable tokens.
        parts = [p for t in given_tokens for p in t.split("-") if p]
        if len(given_tokens) == 2 and "-" in "".join(given_tokens):
            continue
        given = "".join(parts)
        if surname in rules.korean_surnames and (
            _KO_GIVEN.fullmatch(given)
            # "Jack Lee", "Nick Park": a one-syllable "-ck" given name is English.
            and not (len(parts) == 1 and given.endswith("ck"))
            and (len(given_tokens) == 1 or all(_KO_SINGLE.fullmatch(p) for p in parts))
            and len(parts) <= 3
        ):
            return "korean", rules.korean_surnames[surname], fold_korean_given(given), family_first
        if surname in rules.chinese_surnames and family_first and _ZH_GIVEN.fullmatch(given):
            return "chinese", surname, given, True
    return None


# A generational suffix in its other spellings, folded to the one keys use (twentieth
# session, general knowledge of English press styles): the New York Times writes
# "John Roe 4th" and, in older copy, "2d"/"3d" where others write "IV", "II", "III", and
# "Junior"/"Senior" are "Jr."/"Sr." spelt out. Only as the last of three words or more:
# "Junior" alone after a given name is the name a person is known by.
_GENERATION_SPELLINGS = {
    "junior": "jr",
    "senior": "sr",
    "2nd": "ii",
    "2d": "ii",
    "3rd": "iii",
    "3d": "iii",
    "4th": "iv",
}


@lru_cache(maxsize=65536)
def parse_person_name(name: str) -> PersonName:
    """Split a (title-free) person name into matching parts and its order-free key.

    Korean names (known surname + romanised syllables, in either order) are keyed as
    surname + folded given name, so "Yoon Suk Yeol", "Yoon Suk-yeol", "Yun Sŏk-yŏl"
    and "Suk-yeol Yoon" share a key while "Kim Jong Un" / "Kim Jong Il" / "Kim Yo Jong"
    stay apart. Chinese surname-first names join their given-name syllables
    ("Xi Jin-ping" ~ "Xi Jinping"). Other names are keyed by their sorted folded tokens,
    which makes Japanese name order irrelevant ("Ishiba Shigeru" ~ "Shigeru Ishiba")
    while keeping every token, so "Donald Trump Jr." and "George H. W. Bush" differ
    from "Donald Trump" and "George W. Bush".
    """
    tokens = _base_tokens(name)
    if not tokens:
        return PersonName((), "", False, "general", "")
    if len(tokens) >= 3 and tokens[-1] in _GENERATION_SPELLINGS:
        tokens[-1] = _GENERATION_SPELLINGS[tokens[-1]]
    east = _east_asian(tokens)
    if east is not None:
        style, surname, given, family_first = east
        return PersonName(tuple(tokens), surname, family_first, style, f"{style}:{surname} {given}")
    variants = name_rules().given_variant_keys
    folded = [
        fold_latin_token(part)
        for token in tokens
        for part in drop_name_particle(token).split("-")
        if part
    ]
    particles = name_rules().particles
    # A free-standing article inside a name ("Bashar al Assad", "Zayed Al Nahyan") is
    # spelt glued as often ("al-Assad"), where it is dropped: drop it here too.
    # Never the last word: "Ash", "An" and "As" are surnames too ("Bruce Ash").
    last = len(folded) - 1
    folded = [p for i, p in enumerate(folded) if not (0 < i < last and p in particles)]
    parts = fold_japanese_oh(join_abd_names([variants.get(p, p) for p in folded]))
    suffixes = {"jr", "sr", "ii", "iii", "iv"}
    core = [p for p in parts if p not in suffixes]
    surname = core[-1] if len(core) > 1 else ""
    keyed = join_surname_particles(parts)
    ordered = _order_matters(tokens, [p for p in keyed if p not in suffixes])
    key = " ".join(keyed) if ordered else " ".join(sorted(keyed))
    return PersonName(tuple(parts), surname, False, "general", key)


@lru_cache(maxsize=1)
def _surname_particles() -> frozenset[str]:
    """Folded particles of ``rules/surname_particles.txt`` ("della" folds as keys do)."""
    return frozenset(fold_latin_token(p) for p in read_rule_lines("surname_particles.txt"))


def is_name_particle(word: str) -> bool:
    """A particle inside a person's name: "van", "di", "al", "della" (any case)."""
    low = word.casefold()
    return (
        _is_particle(low)
        or low in name_rules().particles
        or fold_latin_token(low) in _surname_particles()
    )


def join_surname_particles(parts: list[str]) -> list[str]:
    """Key parts with a family-name particle joined to the word after it.

    "andre de grasse" -> "andre degrasse", "ursula von der leyen" -> "ursula vonderleyen":
    outlets write the particle apart, glued ("DeGrasse") or hyphenated alike, and the
    order-free key must not lose which word it belongs to. Only after a first word (a
    bare "De Grasse" is a surname) and never as the last word. Keys only: tokens, and the
    surname the gazetteer indexes, keep the written words.
    """
    particles = _surname_particles()
    out: list[str] = []
    pending = ""
    for i, p in enumerate(parts):
        if i > 0 and i < len(parts) - 1 and p in particles:
            pending += p
            continue
        out.append(pending + p)
        pending = ""
    return out


# "Abd"/"Abdul"/"Abdel"/"Abdur" ("servant of") written apart from, hyphenated to or glued to
# the divine name that follows: one given name ("Abdul Malik" = "Abdel-Malek" = "Abdulmalik").
_ABD_APART = frozenset(
    {"abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdil", "abdur", "abdus", "abdar"}
)
# Glued: "abdulaziz", "abdelrahman", and the assimilated "abdurrahman" (after consonant
# folding "abdurahman"), "abdisalam"; "abdulah" (Abdullah, itself one name) is too short.
_ABD_GLUED = re.compile(r"^abd(?:[aeiou]l(?=[a-z]{3})|[iu](?=[rs][a-z]{3}))")


def join_abd_names(parts: list[str]) -> list[str]:
    """One token for an Arabic "Abd ..." given name, however it is spaced or spelt.

    "abdul malik houthi", "abdel malek houthi" and "abdulmalik houthi" all become
    "abdulmalik ..." (the vowel of the prefix and the space are what transliterations
    disagree on; "Abdur Rahman" and "Abdurrahman" after consonant folding too). A
    separate prefix is joined only when a family name still follows ("Paula Abdul" and
    "Abdul Ahad" stay two tokens), so short forms keep their surname. Standalone names
    that merely start like the prefix ("Abdi", "Abdou") are left alone.
    """
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p in _ABD_APART and i + 2 < len(parts):
            p, i = "abdul" + parts[i + 1], i + 1
        out.append(_ABD_GLUED.sub("abdul", p, count=1) if p.startswith("abd") else p)
        i += 1
    return out


# Hepburn "oh" for a long o before a syllable ("Kohno", "Ohno", "Ohtani"): the same name as
# "Kono", "Ono", "Otani" (and "Kōno" after diacritic folding).
_OH_INNER = re.compile(r"oh(?=[bcdfgjkmnprstvwz][aeiou])")


def fold_japanese_oh(parts: list[str]) -> list[str]:
    """Fold an inner Hepburn "oh" when every part of the name is then Japanese-shaped.

    Only whole names that read as romanised Japanese are folded ("Taro Kohno" -> "taro
    kono"), so "Mohsen Rezaei", "Bohdan Khmelnytsky" and "Ulrike Rohde" keep their "oh".
    """
    if len(parts) < 2 or not any(_OH_INNER.search(p) for p in parts):
        return parts
    folded = [_OH_INNER.sub("o", p) for p in parts]
    if all(_JAPANESE_SHAPE.fullmatch(p) for p in folded):
        return folded
    return parts


# "bin"/"ibn" ("son of") and their kin: in "Mohammed bin Rashid" the order says who is
# whose son, so "Rashid bin Mohammed" is another man (his son).
# Hepburn-romanised syllables only (ka, shi, tsu, n, long vowels): "hiroshi", "abe", "kenji".
_JAPANESE_SHAPE = re.compile(
    r"(?:(?:[kgsztdnhbpmyrwfj]|sh|ch|ts|ky|gy|ny|hy|my|ry|by|py)?[aeiou]n?)+"
)
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint", "binti", "ould", "ben", "ap", "mac"})


def _order_matters(tokens: list[str], core: list[str]) -> bool:
    """True when swapping the name's words would name someone else (issue 11, class 4).

    The key is order-free so that family-name-first writing matches ("Ishiba Shigeru" ~
    "Shigeru Ishiba"). That is wrong for patronymic chains ("Mohammed bin Rashid" /
    "Rashid bin Mohammed", father and son) and for two-word names made of two given names
    ("Hassan Khalid" / "Khalid Hassan", "Thomas Kelly" / "Kelly Thomas": two people).
    """
    if any(t in PATRONYMIC_PARTICLES for t in tokens[1:-1]):
        return True
    given = name_rules().given_names
    if len(core) != 2 or core[0] not in given or core[1] not in given:
        return False
    # Japanese names are written in both orders and look like given names to US birth
    # statistics ("Abe Hiroshi" ~ "Hiroshi Abe"): keep them order-free.
    return not all(_JAPANESE_SHAPE.fullmatch(t) for t in core)


@lru_cache(maxsize=65536)
def person_key(surface: str) -> str:
    """Matching key of a person surface string (titles, possessive and typography removed)."""
    return parse_person_name(clean_name(surface)).key


@lru_cache(maxsize=65536)
def surname_key(token: str) -> str:
    """Matching key of a single-token name used as a short form ("Yoon", "Schröder")."""
    return _single_name_key(token, fold_latin_token)


@lru_cache(maxsize=65536)
def written_surname_key(token: str) -> str:
    """A single-token name as written: ``surname_key`` without the transliteration folds.

    Case, marks, a possessive, a glued particle and German umlaut digraphs ("Schroeder")
    are folded; doubled letters, vowels and consonant spellings are not. A bare surname
    says too little to take another spelling of it for a known person: "Abella" is a
    family name of its own, not "Abela" written with a geminate (issue 11, nineteenth
    session). Romanisations of Korean surnames stay one name (a curated table).
    """
    return _single_name_key(token, fold_umlaut_digraphs)


def _single_name_key(token: str, fold: StrStep) -> str:
    """A one-token name's key: its curated Korean romanisation, else ``fold`` of it.

    ``fold`` gets the word without a glued particle; "" when the token is not one word.
    """
    tokens = _base_tokens(strip_possessive(fold_typography(token)))
    if len(tokens) != 1:
        return ""
    word = tokens[0]
    korean = name_rules().korean_surnames
    return korean[word] if word in korean else fold(drop_name_particle(word))


_ISATION = re.compile(r"isation(?=s?$)")
# Legal forms written before the name ("OAO Gazprom", "PJSC Gazprom", "AO Kaspersky",
# Ukrainian "NJSC"/"NAK Naftogaz": national joint-stock company).
# Indonesian "PT" ("PT Pertamina") too: bare "PT" (a party's acronym) is never stripped, one
# token always stays.
# Indonesian state companies' full legal form "Perusahaan Perseroan (Persero)" before "PT"
# too (sixteenth session: one unseen-names set wrote a state company so; its short form
# "(Persero)" after the name is in org_suffixes.txt).
# A football club's "FC" before its name ("FC Porto" is "Porto", as "X FC" is "X": "fc" is
# in org_suffixes.txt); not "AFC", also the Asian confederation ("AFC Champions League").
_ORG_PREFIXES = frozenset(
    {"oao", "ooo", "zao", "pao", "ao", "pjsc", "ojsc", "cjsc", "jsc", "njsc", "nak", "pt",
     "persero", "fc"}
)  # fmt: skip
_ORG_PREFIX_PAIRS = frozenset({("perusahaan", "perseroan")})


# A name with a bracketed name after it ("X E.P. (X)"), compared by key.
_BRACKETED_NAME = re.compile(r"^\s*([^()]*\S)\s*\(([^()]+)\)\s*$")


# Suffixes that may name another body than the name without them: a listed company and
# its parent group ("X" and "X Group", "X Holding") are two when the gazetteer knows both.
GROUP_SUFFIXES = frozenset({"group", "holding", "holdings"})
# The same word written before the name in other languages ("Groupe X", "Grupo X", "Gruppo
# X", Vietnamese "Tập đoàn X"): the company, as "X Group" is.
_GROUP_PREFIXES = (("groupe",), ("grupo",), ("gruppo",), ("tap", "doan"))


# Company forms that, after a newspaper's title, name its publisher ("X Times Company").
_PUBLISHER_FORMS = frozenset(
    {"company", "co", "cos", "companies", "corporation", "corp", "inc", "incorporated"}
)
# A "Post Corporation" is a state's postal service ("<Country> Post Corporation" is
# "<Country> Post"), a "Post Company" or "Post Co." a paper's publisher.
_POSTAL_FORMS = frozenset({"corporation", "corp"})


@lru_cache(maxsize=1)
def _newspaper_title_words() -> frozenset[str]:
    return frozenset(read_rule_lines("newspaper_title_words.txt"))


def _names_a_publisher(rest: list[str], suffix: list[str]) -> bool:
    """True when a company form follows a newspaper's title.

    "New York Times Company" is the paper's publisher, not "The New York Times": the form
    stays in the key (as "company").
    """
    return (
        len(rest) >= 1
        and " ".join(suffix) in _PUBLISHER_FORMS
        and rest[-1] in _newspaper_title_words()
        and not (rest[-1] == "post" and " ".join(suffix) in _POSTAL_FORMS)
    )


def strip_org_suffix(tokens: list[str], keep_group: bool = False) -> list[str]:
    """Drop legal-form tokens: "Samsung Electronics Co Ltd" -> "Samsung Electronics".

    Multi-word suffixes in ``org_suffixes.txt`` ("oil company") are matched as a whole;
    a Russian legal-form prefix ("OAO Gazprom") is dropped too. One token always stays.
    ``keep_group`` keeps "Group"/"Holding(s)" (``GROUP_SUFFIXES``).
    """
    written = tokens
    suffixes = name_rules().org_suffixes
    if keep_group:
        suffixes = suffixes - GROUP_SUFFIXES
    while len(tokens) > 2 and tuple(tokens[:2]) in _ORG_PREFIX_PAIRS:
        tokens = tokens[2:]
    while len(tokens) > 1 and tokens[0] in _ORG_PREFIXES:
        tokens = tokens[1:]
    for prefix in () if keep_group else _GROUP_PREFIXES:
        if len(tokens) > len(prefix) and tuple(tokens[: len(prefix)]) == prefix:
            tokens = tokens[len(prefix) :]
            break
    longest = max((len(s.split()) for s in suffixes), default=1)
    changed = True
    while changed:
        changed = False
        for n in range(longest, 0, -1):
            if len(tokens) > n and " ".join(tokens[-n:]) in suffixes:
                if _only_a_place(" ".join(tokens[:-n])):
                    # "Indonesian oil company" is not keyed as "indonesian": what is left
                    # must name the company, not its country (a shorter legal form may go).
                    continue
                if _names_a_publisher(tokens[:-n], tokens[-n:]):
                    tokens = [*tokens[:-n], "company"]  # one spelling: "Co.", "Inc" alike
                    continue
                tokens = tokens[:-n]
                changed = True
                break
    if len(tokens) == 1 and len(written) > 1 and is_common_english_word(tokens[0]):
        # "Total SA", "Next plc": the legal form is what makes the word a name; without it
        # "total" and "next" are everyday words, so the bare word must not match.
        return written
    return tokens


# Words that say a body belongs to the state, not which body it is ("Thai state").
_STATE_WORDS = frozenset({"state", "national", "federal", "government", "public", "royal"})


def _only_a_place(folded: str) -> bool:
    """True when a folded name is only a country, capital or demonym: "indonesian", "thai state".

    Such a name says whose a body is, never which of its bodies.
    """
    words = folded.split()
    while len(words) > 1 and words[-1] in _STATE_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0] in _STATE_WORDS:
        words = words[1:]
    named = " ".join(words)
    return named in _place_names() or named in name_rules().demonyms or named in _country_demonyms()


# Zipf frequency (wordfreq, general English) from which a word is everyday vocabulary:
# "total" 5.2, "next" 5.7, "united" 5.5, "national" 5.5; names such as "shell" 4.4,
# "apple" 4.8, "toyota" 4.0 stay below.
COMMON_WORD_ZIPF = 5.0


@lru_cache(maxsize=65536)
def english_zipf(text: str) -> float:
    """Zipf frequency of a word or phrase in general English (wordfreq); 0.0 when unseen."""
    # Imported on first use: the import loads wordfreq's tables (~0.25 s).
    import wordfreq

    return float(wordfreq.zipf_frequency(text.lower(), "en"))


@lru_cache(maxsize=65536)
def is_common_english_word(word: str) -> bool:
    """True when ``word`` (any case) is among the everyday words of general English."""
    return english_zipf(word) >= COMMON_WORD_ZIPF


@lru_cache(maxsize=65536)
def place_key(surface: str) -> str:
    """Matching key of a place or country name: "the Republic of Korea" -> "republic of korea"."""
    text = strip_leading_article(strip_possessive(fold_typography(surface)))
    text = strip_key_punctuation(fold_case(fold_diacritics(text)))
    words = [_PLACE_WORDS.get(w, w) for w in text.replace("-", " ").split() if w != "and"]
    words = _strip_place_designations(words)
    # "Thames River" = "River Thames"; "Falkland Islands" = "Falklands".
    if len(words) >= 2 and words[-1] == "river":
        words = ["river", *words[:-1]]
    if len(words) >= 2 and words[-1] == "islands" and not words[-2].endswith("s"):
        words = [*words[:-2], words[-2] + "s"]
    return " ".join(words)


# Abbreviated words of place names: "Mt", "St", "Ft"; wire copy's "Czech Rep.", "Dem. Rep.
# of Congo", "Fed. States of Micronesia".
_PLACE_WORDS = {
    "mt": "mount", "st": "saint", "ft": "fort", "rep": "republic", "dem": "democratic",
    "fed": "federated",
}  # fmt: skip


@lru_cache(maxsize=1)
def _place_designations() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """(before-name, after-name) designations of ``place_designations.txt``, longest first."""
    before: list[tuple[str, ...]] = []
    after: list[tuple[str, ...]] = []
    for line in read_rule_lines("place_designations.txt"):
        lead = line.startswith("^")
        words = tuple(line.lstrip("^").replace("-", " ").split())
        (before if lead else after).append(words)
    return (
        tuple(sorted(before, key=len, reverse=True)),
        tuple(sorted(after, key=len, reverse=True)),
    )


def _strip_place_designations(words: list[str]) -> list[str]:
    """Drop one administrative designation: "busan metropolitan city" -> "busan"."""
    before, after = _place_designations()
    for d in before:
        if len(words) > len(d) and tuple(words[: len(d)]) == d:
            return words[len(d) :]
    for d in after:
        if len(words) > len(d) and tuple(words[-len(d) :]) == d:
            return words[: -len(d)]
    return words


# "Bank Indonesia (BI)": an acronym in brackets after the name is the same body's.
_BRACKETED_ACRONYM = re.compile(r"\s*\((?=[^)]*[A-Z][^)]*[A-Z])[A-Z][A-Za-z&.\-]{1,9}\)\s*$")


# The Arabic article as news writes it before a word: "al-", "el-", "ul-" and the
# assimilated "ash-", "as-", "ad-", "ar-", "at-", "az-", "an-", "ath-", "adh-" ("Ash-Sharq"
# is "al-Sharq"), and "al"/"el" as a word of their own ("Al Jazeera").
_ARABIC_ARTICLE = re.compile(
    r"(?:(?<=^)|(?<=\s))(?:al|el|ul|ash|as|ad|ar|at|az|an|ath|adh)-(?=\w)|(?:(?<=^)|(?<=\s))el(?=\s)"
)
_LONG_VOWELS = (("ee", "i"), ("ii", "i"), ("oo", "u"), ("ou", "u"), ("aa", "a"))
_FINAL_AH = re.compile(r"(?<=[aeiy])h$")


def fold_arabic_vowels(token: str) -> str:
    """One spelling of a word of an Arabic name: "jazeera"/"jazirah" -> "jazira".

    English spellings of one Arabic word disagree on long vowels ("ee"/"i", "oo"/"ou"/"u",
    "aa"/"a"), a final "h" after a vowel (ta marbuta) and doubled letters ("Arabiyya").
    Keys only, and only for the word after an Arabic article in an organisation's name.
    """
    for a, b in _LONG_VOWELS:
        token = token.replace(a, b)
    token = _FINAL_AH.sub("", token)
    return _DOUBLED_LETTER.sub(r"\1", token) if len(token) > 3 else token


_DOUBLED_LETTER = re.compile(r"([a-z])\1")
# A glued article: "al" before a vowel-initial word, or "a" + the two-letter sun letter it
# assimilated to ("ash-Sharq" glued as "Asharq"; a one-letter one is too often part of the
# word: "Ansar", "Arabiya"); the word must keep four letters.
_GLUED_ARTICLE = re.compile(r"^(?:al(?=[aeiou])|a(?=(?:sh|th|dh)[a-z]))([a-z]{4,})$")


def _unglue_article(token: str) -> list[str]:
    m = _GLUED_ARTICLE.match(token)
    return ["al", m.group(1)] if m else [token]


@lru_cache(maxsize=65536)
def _registered_in_country(name: str, bracketed: str) -> bool:
    """True for a company's name ending in a legal form with a country in brackets after it.

    "X A/S (Denmark)", "X AG (Germany)": the bracket says where the company is registered,
    not which company it is, as the legal form already makes the name a company's. Only a
    legal form (``org_suffixes.txt``, not "Group"/"Holding": a group's national arm is
    another body) and only a country's name (not a city, region or anything else).
    """
    words = strip_key_punctuation(fold_case(fold_diacritics(name))).split()
    country = _dotless(fold_diacritics(bracketed.strip()))
    return (
        len(words) > 1
        and words[-1] in name_rules().org_suffixes
        and words[-1] not in GROUP_SUFFIXES
        and country in _country_names()
    )


def org_key(surface: str, keep_group: bool = False) -> str:
    """Matching key of an organisation: suffixes, "the", punctuation and case folded.

    ``keep_group`` keeps a final "Group"/"Holding(s)" ("holdings" read as "holding"): the
    key that tells a known company from its known parent group.
    """
    surface = _BRACKETED_ACRONYM.sub("", surface) or surface
    m = _BRACKETED_NAME.match(surface)
    if m and org_key(m.group(1), keep_group) == org_key(m.group(2), keep_group):
        return org_key(m.group(1), keep_group)  # "X Ltd (X)": the name said twice
    if m and _registered_in_country(m.group(1), m.group(2)):
        return org_key(m.group(1), keep_group)  # "X A/S (Denmark)": where X is registered
    text = strip_leading_article(strip_possessive(fold_typography(surface)))
    text = strip_key_punctuation(fold_case(fold_diacritics(text)))
    text = _ARABIC_ARTICLE.sub("al ", text)
    tokens = [
        _ISATION.sub("ization", fold_umlaut_digraphs(t))
        for i, t in enumerate(text.replace("-", " ").split())
        if t != "the" or i == 0
    ]
    if len(tokens) > 2 and tokens[:2] == ["united", "states"] and tokens[2] != "of":
        # "United States Agency for X" is the "U.S. Agency for X" (nineteenth session); not
        # "United States of ...", a country's own long name.
        tokens = ["us", *tokens[2:]]
    if "al" in tokens:
        # In a name with the article elsewhere, a first word with the article glued on is
        # written apart: "Asharq" (ash-Sharq) is "al sharq", "Alahram" "al ahram".
        tokens = [*_unglue_article(tokens[0]), *tokens[1:]]
    # The word after an Arabic article is an Arabic word: one spelling of its vowels.
    tokens = [
        fold_arabic_vowels(t) if i and tokens[i - 1] == "al" else t for i, t in enumerate(tokens)
    ]
    if len(tokens) > 3 and tokens[0] == "al" and "al" in tokens[2:]:
        # "al-X al-Y" is also written "X al-Y": a first article is dropped when another
        # follows (sixteenth session: a newspaper's name, one unseen-names set), and the
        # first word of "X al-Y" is as Arabic as the one after the article.
        tokens = tokens[1:]
    elif len(tokens) > 2 and tokens[1] == "al":
        tokens = [fold_arabic_vowels(tokens[0]), *tokens[1:]]
    # Only after the first word: "Tech Data" and "Fin" are names, not abbreviations.
    tokens = tokens[:1] + [_ORG_ABBREVIATIONS.get(t, t) for t in tokens[1:]]
    tokens = [_ORG_ABBREVIATIONS_ANYWHERE.get(t, t) for t in tokens]
    if keep_group:
        tokens = ["holding" if t == "holdings" else t for t in tokens]
    tokens = [
        # "St" after a word and last or before a building's head is "Street" ("Elm St
        # Hospital", "Wall St Journal"); before a name it is "Saint" ("St Mary's").
        "street"
        if t == "st" and i and (i == len(tokens) - 1 or tokens[i + 1] in _STREET_HEADS)
        else t
        for i, t in enumerate(tokens)
    ]
    return " ".join(
        _fold_airline(_drop_bank_word(strip_org_suffix(_head_last(tokens), keep_group)))
    )


# Words after "<name> St" that make it a street: a building or a paper named after it.
_STREET_HEADS = frozenset(
    {"hospital", "clinic", "school", "station", "church", "market", "journal", "baths"}
)  # fmt: skip

# "Bank" in the languages that write it first ("Banco Santander", "Banca Ifis", "Banque
# Misr", "Bank Leumi"): the bank is known by the one name after it.
_BANK_FIRST = frozenset({"banco", "banca", "banque", "bank", "banka", "banken"})


def _drop_bank_word(tokens: list[str]) -> list[str]:
    """One name after a bank word is the bank: "banco santander" -> "santander".

    Never when the one name is a country's (or a demonym): "Bank Indonesia" keyed as
    "indonesia" would be what any description of an Indonesian body stripped to its
    country is keyed as, and the country itself tagged as an organisation.
    """
    if len(tokens) == 2 and tokens[0] in _BANK_FIRST:
        name = tokens[1]
        if (
            name not in _BANK_FIRST
            and not is_common_english_word(name)
            and len(name) > 2
            and name not in _place_names()
            and name not in name_rules().demonyms
        ):
            return [name]
    return tokens


def _fold_airline(tokens: list[str]) -> list[str]:
    """One key for "Korean Air", "Korean Air Lines" and "Korean Airlines".

    Carriers are written with "Air", "Airlines" and the older "Air Lines" for one company;
    word order is kept, so "Air China" and "China Airlines" (Taiwan's) stay apart.
    """
    if len(tokens) > 2 and tokens[-2:] == ["air", "lines"]:
        return [*tokens[:-2], "air"]
    if len(tokens) > 1 and tokens[-1] in ("airlines", "airline"):
        return [*tokens[:-1], "air"]
    return tokens


_OFFICE_HEADS = frozenset({"department", "ministry"})


def _head_last(tokens: list[str]) -> list[str]:
    """One word order for government offices: "department of state" -> "state department".

    News writes "the Department of Justice" and "the Justice Department", "the Ministry of
    Finance" and "the Finance Ministry" for one body. Only a short remainder without a
    further "of" is moved ("Ministry of Foreign Affairs of Japan" stays as written).
    """
    if len(tokens) >= 3 and tokens[0] in _OFFICE_HEADS and tokens[1] == "of":
        rest = tokens[3:] if tokens[2] == "the" else tokens[2:]
        if rest and len(rest) <= 4 and "of" not in rest:
            return [*rest, tokens[0]]
    return tokens


# Abbreviations of company-name words in wire and market copy ("Samsung Elec",
# "Marriott Intl", "CK Hutchison Hldgs"), expanded before legal forms are dropped.
_ORG_ABBREVIATIONS = {
    "elec": "electronics", "intl": "international", "int'l": "international",
    "hldgs": "holdings", "hldg": "holding", "mfg": "manufacturing", "natl": "national",
    "assn": "association", "bros": "brothers", "grp": "group", "inds": "industries",
    "svcs": "services", "tech": "technology", "techs": "technologies", "pharm": "pharmaceutical",
    "pharma": "pharmaceutical", "fin": "financial", "ins": "insurance", "motors": "motor",
    "utd": "united",
}  # fmt: skip
# Abbreviations that are never a name's own word, expanded wherever they stand
# ("Univ. of Tokyo", "Dept. of Energy").
_ORG_ABBREVIATIONS_ANYWHERE = {"univ": "university", "dept": "department"}


@lru_cache(maxsize=65536)
def acronym_of(name: str) -> str:
    """Initials of the significant words of a name: "Asia-Pacific Economic Cooperation" -> "APEC".

    Hyphenated parts count as words; "of", "the", "and", "for" are skipped, as in
    most organisation acronyms.
    """
    skip = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&"}
    words = [w for w in re.split(r"[\s\-]+", fold_diacritics(name)) if w]
    return "".join(w[0] for w in words if w.lower() not in skip and w[0].isalpha()).upper()


def name_key(surface: str, entity_type: str) -> str:
    """Type-dependent matching key: the single entry point for building keys."""
    if entity_type == "PERSON":
        return person_key(surface)
    if entity_type == "ORG":
        return org_key(surface)
    return place_key(surface)
