"""Stage 5: resolve a speaker phrase to an entity from the article's mentions.

Mentions come from the entity resolver (``pipelines.core.entities``); this stage
never invents entities. A phrase resolves when a mention covers its head word;
"he"/"she" go to the nearest suitable earlier person, "it"/"they" and nominal
phrases ("the ministry", "a spokesperson for the ministry") to an organisation when
the text allows. Everything else keeps its surface and says why it is unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pipelines.core.models import ORG, PERSON, Mention
from pipelines.core.normalize import (
    fold_apostrophes,
    name_rules,
    split_titles,
    strip_possessive,
)
from pipelines.core.quotes._rules import (
    QuoteRules,
    load_gender_lexicon,
    load_party_forms,
    load_rules,
)
from pipelines.core.quotes._view import (
    FINITE_OR_MODAL_TAGS,
    FINITE_TAGS,
    GLUED_CLOSING_MARKS,
    SPEAKING_PRONOUNS,
    SUBJECT_DEPS,
    DocView,
)
from pipelines.core.quotes.speaker import NAMED, PRONOUN, SpeakerPhrase, speaker_phrase
from pipelines.core.resources import HYPHENS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Reasons recorded in Quote.unattributed_reason.
NO_CUE = "no_cue"
NO_SPEAKER = "no_speaker_found"
PRONOUN_UNRESOLVED = "unresolved_pronoun"
NOMINAL_UNRESOLVED = "nominal_speaker"
NOT_AN_ENTITY = "speaker_not_an_entity"
CHANNEL_UNRESOLVED = "channel_without_author"

# What a third-person pronoun can refer to: (entity type, gender or None). "I", "we",
# "you" are absent: their speaker is not in the reporter's text.
_PRONOUN_REFERENTS: dict[str, tuple[str, str | None]] = {
    "he": (PERSON, "m"),
    "him": (PERSON, "m"),
    "she": (PERSON, "f"),
    "her": (PERSON, "f"),
    "it": (ORG, None),
    "they": (ORG, None),
    "them": (ORG, None),
}
# "Ann Lee, the veteran actress,": an apposition right after a name describes that person.
# Its head is the last word before the closing comma or an "of"/"at"/"for" ("the mother of").
_APPOSITION_RE = re.compile(
    r",\s+(?:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?([\w'’-]+)(?=[,.;]|\s+(?:of|at|for)\s)"
)
_WORD_BEFORE_RE = re.compile(r"([\w'’.-]+)\s+$")
# How far back (in lines) a pronoun looks for its antecedent before giving up on
# subjects and taking the nearest mention of the right type.
_SUBJECT_WINDOW_LINES = 4
# Subject pronouns that can refer to a person (a main-clause "it" or "they" never carries
# a chain from one person to the next).
_PERSON_PRONOUNS = frozenset({"he", "she"})
# Objects of a verb: the person in them is acted on ("criticised Ann Lee's record"), and
# the subject, not they, carries the next "he"/"she".
_ACTED_ON_DEPS = frozenset({"dobj", "dative"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one speaker phrase."""

    entity_id: str | None
    entity_type: str | None
    surface: str
    start: int
    end: int
    reason: str | None
    factor: float  # multiplies the cue's confidence (pronouns are less certain)


def person_genders(
    mentions: Sequence[Mention],
    text: str,
    also: frozenset[str] = frozenset(),
    history: Mapping[str, set[str]] | None = None,
) -> dict[str, str]:
    """Gender ("m"/"f") of each person entity the article gives evidence for.

    The article's own words come first: a gendered title or role noun right before a
    mention ("Mrs", "Lord", "actress") or in apposition after it (", the actress,");
    then the possessive and reflexive pronouns the article uses for that person
    (``history``, from :func:`pronoun_history`). Only when they say nothing (or
    contradict each other) does the given name decide, from birth statistics of strongly
    one-gender names (``first_name_gender.tsv``): a name one sex in the US may be the
    other's elsewhere ("Tama", "Andrea"), and the article knows its own people.
    Unknown stays unknown: the pronoun then may go to either gender. ``also`` names
    entities of another type to treat as people (see :func:`_mistyped_people`).
    """
    lexicon = load_gender_lexicon()
    honorifics = name_rules().honorifics
    stated: dict[str, set[str]] = {}
    by_name: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_type != PERSON and m.entity_id not in also:
            continue
        words = m.surface.split()
        before = _WORD_BEFORE_RE.search(text[max(0, m.start - 30) : m.start])
        after = _APPOSITION_RE.match(text, m.end, min(len(text), m.end + 60))
        for word in (
            before.group(1) if before else None,
            words[0] if words else None,
            after.group(1) if after else None,
        ):
            if word is not None and (g := lexicon.words.get(word.casefold().rstrip("."))):
                stated.setdefault(m.entity_id, set()).add(g)
        if len(words) == 1 and m.entity_id in also and before and before.group(1).istitle():
            # "Ana Vell" typed otherwise, the recogniser kept only "Vell": the given name
            # before it (not a title: "Professor" is in the name table too)
            given = before.group(1).casefold()
            if given not in honorifics and (g := lexicon.first_names.get(given)):
                by_name.setdefault(m.entity_id, set()).add(g)
        # The given name is the first word after any titles ("Mrs Ann Lee", "Judge Ann
        # Lee"), and a surname must follow it.
        keys = [w.casefold().rstrip(".") for w in words]
        lead = 0
        while lead < len(keys) - 2 and (keys[lead] in lexicon.words or keys[lead] in lexicon.roles):
            lead += 1
        if len(keys) - lead >= 2 and (g := lexicon.first_names.get(keys[lead])):
            by_name.setdefault(m.entity_id, set()).add(g)
    history = history or {}
    genders: dict[str, str] = {}
    for eid in stated.keys() | history.keys() | by_name.keys():
        for evidence in (stated.get(eid, set()), history.get(eid, set()), by_name.get(eid, set())):
            if len(evidence) == 1:
                genders[eid] = next(iter(evidence))
                break
    return genders


# "his"/"himself" and possessive "her"/"herself" in a person's own clause refer back to
# its subject ("Lee backed the plan, calling it his best"); object "her" never does.
_HISTORY_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def pronoun_history(ctx: Context) -> dict[str, set[str]]:
    """The genders the article's own pronouns give each person: ``{entity id: {"m"|"f"}}``.

    A person who is the subject of a verb outside quotations, with "his"/"himself" or a
    possessive "her"/"herself" in that verb's clause ("Tama Reid has warned the Lions
    will be his hardest opponents", "Ann Lee bought herself time"), is that gender: the
    article's own usage, read before birth statistics of the given name (issue 11:
    "she said" given to a man). A pronoun under a clause with a subject of its own
    ("Lee said the minister had lost his way"; not an organisation or a place), after
    another person named between them, of a coordinated subject ("Lee and Vale") or in
    the subject's apposition ("Tom Reid, her deputy," is her relation, not hers) may be
    someone else's and is left out.
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    found: dict[str, set[str]] = {}
    for m in index.mentions:
        if not m.entity_id or not index.is_person(m) or ctx.inside_quote(m.start):
            continue
        tok = doc[view.token_containing(max(m.start, m.end - 1))]
        if tok.dep_ not in SUBJECT_DEPS or any(c.dep_ == "conj" for c in tok.children):
            continue  # "Lee and Vale agree …": either may be the pronoun's
        verb = tok.head
        others = [
            x
            for x in index.overlapping(m.end, verb.right_edge.idx + len(verb.right_edge.text))
            if x.start >= m.end and x.entity_id != m.entity_id and index.is_person(x)
        ]
        for p in verb.subtree:
            gender = _HISTORY_PRONOUNS.get(p.lower_)
            if gender is None or p.idx < m.end or ctx.inside_quote(p.idx):
                continue
            if p.lower_ == "her" and p.dep_ != "poss":
                continue  # "Lee told her": the object is someone else
            if p.head.dep_ == "appos" and p.head.head.i == tok.i:
                continue  # "Tom Reid, her deputy,": a relation of someone else
            if any(x.start < p.idx for x in others):
                continue
            if _person_subject_between(ctx, p, verb):
                continue
            found.setdefault(m.entity_id, set()).add(gender)
    return found


def _pronounced_people(ctx: Context) -> frozenset[str]:
    """Organisation and place entities the article's own pronouns write as a person.

    The small model types some people as a place or an organisation ("Tama Reid" read as
    a town), and then no "he"/"she" or description ("the central defender") can refer
    back to them. The article itself says person when a full name of two or three name
    words is the subject of a clause outside quotations whose reported clause has "he"/
    "she" as subject ("Tama Reid has said he is unsure"), or which holds "his"/"himself"
    or a possessive "her"/"herself" ("Ann Lee said her side were ready"), with no person
    named between them (as :func:`pronoun_history`), in the same sentence and paragraph.
    An organisation is "it" or "they".
    Never an entity the resolver found in the gazetteer or the place index, nor a name
    with an organisation word or a title. The one-word mentions of its surname (another
    entity for the small model: "Reid") are that person too.
    """
    view, index, rules = ctx.view, ctx.index, ctx.rules
    doc = view.doc
    titles = name_rules().honorifics | rules.office_titles
    known = {m.entity_id for m in index.mentions if m.rule.startswith(_KNOWN_RULE_PREFIXES)}
    out: set[str] = set()
    for m in index.mentions:
        if (
            not m.entity_id
            or index.is_person(m)
            or m.entity_id in known
            or m.entity_id in index.org_like
            or m.rule in {ECHO, SURNAME_ECHO}
            or ctx.inside_quote(m.start)
        ):
            continue
        words = strip_possessive(fold_apostrophes(m.surface)).split()
        if not 2 <= len(words) <= 3 or not all(_NAME_WORD_RE.fullmatch(w) for w in words):
            continue
        if any(
            w.casefold() in rules.org_nouns
            or w.casefold() in rules.org_name_endings
            or w.casefold() in titles
            for w in words
        ):
            continue
        tok = doc[view.token_containing(max(m.start, m.end - 1))]
        line = view.line_of(m.start)
        if tok.dep_ not in SUBJECT_DEPS or any(c.dep_ == "conj" for c in tok.children):
            continue
        verb = tok.head
        others = [
            x
            for x in index.overlapping(m.end, verb.right_edge.idx + len(verb.right_edge.text))
            if x.start >= m.end and x.entity_id != m.entity_id and index.is_person(x)
        ]
        for p in verb.subtree:
            if p.idx < m.end or ctx.inside_quote(p.idx) or any(x.start < p.idx for x in others):
                continue
            if p.sent.start != tok.sent.start or view.line_of(p.idx) != line:
                continue  # a later paragraph's "she added" the parse hung on this verb
            # "Reid has said he is unsure": the subject of the clause the name reports
            reported = p.dep_ == "nsubj" and p.head.dep_ == "ccomp" and p.head.head.i == verb.i
            own = p.lower_ in _HISTORY_PRONOUNS and (p.lower_ != "her" or p.dep_ == "poss")
            if (p.lower_ in _PERSON_PRONOUNS and reported) or (
                own and not _person_subject_between(ctx, p, verb)
            ):
                out.add(m.entity_id)
                break
    if not out:
        return frozenset()
    surnames = {
        strip_possessive(fold_apostrophes(m.surface)).split()[-1]
        for m in index.mentions
        if m.entity_id in out
    }
    for m in index.mentions:
        if (
            m.entity_id
            and m.entity_id not in known
            and not index.is_person(m)
            and strip_possessive(fold_apostrophes(m.surface)) in surnames
        ):
            out.add(m.entity_id)
    return frozenset(out)


def _person_subject_between(ctx: Context, p: Token, verb: Token) -> bool:
    """True when a clause between pronoun ``p`` and ``verb`` has a subject who may own it.

    "Lee thinks the 41-year-old should lean on her past", "Lee said she could turn it to her
    advantage" and "the story of a mother who leaves her children" speak of someone
    else's: a singular subject that is or may be a person (a person mention, a name the
    recogniser missed, a pronoun, a person or role noun, an age) counts. A plural one
    ("the Lions will be his hardest opponents"), a thing ("the fear of injury weighed on
    his mind") or an organisation or place the article names cannot own "his"/"her".
    """
    index, rules = ctx.index, ctx.rules
    lexicon = load_gender_lexicon()
    a = p.head
    while a.i != verb.i and a.head.i != a.i:
        for c in a.children:
            if c.dep_ not in SUBJECT_DEPS or c.i == p.i or c.tag_ in {"NNS", "NNPS"}:
                continue
            if c.lower_ in {"it", "they", "we"}:
                continue
            m = index.covering(c.idx, c.idx + len(c.text))
            if m is not None:
                if index.is_person(m):
                    return True
                continue
            low = c.lower_
            if c.pos_ != "NOUN" or (
                _is_role_noun(low, rules)
                or low in rules.person_nouns
                or low in lexicon.words
                or any(t.lower_ == "year" for t in c.subtree)
            ):
                return True
        a = a.head
    return False


# Marks an organisation name the recogniser found elsewhere in the article but missed here.
ECHO = "echo_of_mention"
_ECHO_LEAD_RE = re.compile(r"the\s+", re.IGNORECASE)
_ECHO_TRAIL_CHARS = frozenset(",.;:-'’")


def _echo_name(text: str) -> str:
    """``text`` without a leading "the " and trailing punctuation, spaces and "'s".

    Stripped from the end in one pass: a regular expression anchored at the end of a
    repeated group of these marks is re-tried from every mark of a run that a word
    follows, quadratic in the run's length.
    """
    lead = _ECHO_LEAD_RE.match(text)
    if lead is not None:
        text = text[lead.end() :]
    end = len(text)
    while end:
        c = text[end - 1]
        if c in _ECHO_TRAIL_CHARS or c.isspace():
            end -= 1
        elif c in "sS" and end >= 2 and text[end - 2] in "'’":
            end -= 2
        else:
            break
    return text[:end]


def _echo_mentions(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """Repeats of a recognised organisation's name that the recogniser missed.

    The small model finds "Big Machine" in one sentence and misses it in the next ("Big
    Machine have denied it. “…,” they said"), and the speaker then goes to an older
    organisation. A name of two or more capitalised words that the article already links
    to an organisation is that organisation wherever it occurs again outside any mention.
    Single words are left out: "Apple" or "Labour" alone is too often something else.
    """
    names: dict[str, str] = {}
    for m in mentions:
        if m.entity_type != ORG:
            continue
        name = _echo_name(m.surface)
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            names.setdefault(name, m.entity_id)
    if not names:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    out: list[Mention] = []
    # Longest names first, so "Big Anchor Records" is not also echoed as "Big Anchor".
    for name in sorted(names, key=len, reverse=True):
        a = text.find(name)
        while a != -1:
            b = a + len(name)
            k = bisect_right(starts, b) - 1
            if (
                not _glued(text, a - 1)
                and not _glued(text, b)
                and not any(x < b and y > a for x, y in taken[max(0, k - 3) : k + 1])
            ):
                out.append(Mention(names[name], name, a, b, ORG, rule=ECHO))
                taken.insert(k + 1, (a, b))
                starts.insert(k + 1, a)
            a = text.find(name, b)
    return sorted(out, key=lambda m: m.start)


def _glued(text: str, i: int) -> bool:
    """True when the character at ``i`` continues a word ("Big Anchors", "pre-Big Anchor")."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def _mistyped_people(mentions: Sequence[Mention]) -> frozenset[str]:
    """Organisation entities whose full name is a person's: a given name, then a surname.

    The small model types some people as organisations ("Adrian Mutu" in a football story):
    such a speaker keeps its entity, but "he said" must still be able to refer back to it.
    Only a name of two or three capitalised words whose first is a given name with a clear
    gender in birth statistics, without "&", "and" or a word that names an organisation
    ("Charles Schwab Bank" stays an organisation).
    """
    lexicon = load_gender_lexicon()
    org_words = load_rules().org_nouns
    out: set[str] = set()
    for m in mentions:
        if m.entity_type != ORG or not m.entity_id or m.rule == ECHO:
            continue
        words = strip_possessive(fold_apostrophes(m.surface)).split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue  # "&", digits: company names
        if words[0].casefold() in lexicon.first_names and not any(
            w.casefold() in org_words for w in words
        ):
            out.add(m.entity_id)
    return frozenset(out)


# Rules by which the entity resolver linked a mention to a known organisation or place (the
# gazetteer or the place index): such an entity is what it is known to be, whatever stands
# before it in the article.
_KNOWN_RULE_PREFIXES = ("gazetteer", "place", "alias")
# The word right before a mention: a title may end in a full stop ("Mr."), the rest may
# not, and nothing crosses a line break.
_TITLE_WORD_RE = re.compile(r"(?:^|(?<=\s))([A-Za-z][\w’'-]*)(\.?)[ \t]+$")
# Words before a mention that make it a thing, not a person ("the Bafta", "their Six Nations").
# A name's words: capitalised letters, maybe hyphenated or with an apostrophe, not all capitals.
_NAME_WORD_RE = re.compile(
    r"(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+"
)
_WORD_AFTER_RE = re.compile(r"(?:['’]s?)?[ \t]+([a-z][\w-]*)")
# Person nouns that also stand before a company's name ("broadcaster ITV", "publisher
# Hachette", "champions Leeds" in the singular): no evidence of a person.
_ORG_CAPABLE = frozenset(
    {"broadcaster", "publisher", "producer", "owner", "investor", "champion", "star", "veteran"}
)
_THING_DETS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}
)


def _written_as_people(mentions: Sequence[Mention], text: str) -> frozenset[str]:
    """Organisation and place entities the article itself writes as a person.

    The small model types some people as an organisation or a place, and then no pronoun
    or description can refer back to them. Whatever the label, the word right before a
    mention says person when it is a courtesy title ("Mr Okafor", "Dr. Venn") or a
    lowercase person noun standing as a bare title ("blogger Vantrel", "striker Vell"),
    also before a given name the recogniser left out of a one-word mention ("frontwoman
    Ana Vell" where only "Vell" is a mention; a given name alone is no evidence: the
    name table holds words such as "Ask" and "Six"). One such mention marks
    its entity; so does a one-word mention that is the last word of an entity so marked
    ("Pullwen" after "Philip Pullwen's"). Never an entity the resolver found in the
    gazetteer or the place index, one whose name holds an organisation word, or one the
    article writes after a determiner anywhere ("the best actor Bafta", "a Bafta").
    """
    rules = load_rules()
    lexicon = load_gender_lexicon()
    honorifics = name_rules().honorifics
    person_words = (
        rules.person_nouns | rules.occupations | rules.spokespersons | lexicon.words.keys()
    )
    titles = honorifics | rules.office_titles
    excluded = {m.entity_id for m in mentions if m.rule.startswith(_KNOWN_RULE_PREFIXES)}
    for m in mentions:
        before = _WORD_BEFORE_RE.search(text[max(0, m.start - 30) : m.start])
        if before is not None and before.group(1).casefold() in _THING_DETS:
            excluded.add(m.entity_id)
    candidates = [
        m
        for m in mentions
        if m.entity_type != PERSON
        and m.entity_id
        and m.entity_id not in excluded
        and m.rule != ECHO
    ]
    out: set[str] = set()
    for m in candidates:
        words = strip_possessive(fold_apostrophes(m.surface)).split()
        if (
            not 1 <= len(words) <= 3
            or not all(_NAME_WORD_RE.fullmatch(w) for w in words)
            or any(
                w.casefold() in rules.org_nouns or w.casefold().rstrip(".") in titles for w in words
            )
        ):
            continue  # "NPHET", "D.C.", "Navy Capt", "Arts Council": not a person's name
        after = _WORD_AFTER_RE.match(text, m.end)
        if after is not None and after.group(1) in person_words | rules.office_titles:
            continue  # "Dallas Rovers owner Ann Lee": the name modifies a person noun
        end = m.start
        found = _TITLE_WORD_RE.search(text, max(0, end - 30), end)
        if (
            found is not None
            and len(words) == 1
            and not found.group(2)
            and found.group(1).istitle()
            and found.group(1).casefold() in lexicon.first_names
            and found.group(1).casefold() not in honorifics
        ):
            # "frontwoman Ana Vell" where the recogniser kept "Vell" only: look past the
            # given name for the title
            end = found.start()
            found = _TITLE_WORD_RE.search(text, max(0, end - 30), end)
        if found is None:
            continue
        word, stop = found.group(1), found.group(2)
        low = word.casefold()
        if (word[:1].isupper() and low in honorifics) or (
            not stop and word.islower() and low in person_words and low not in _ORG_CAPABLE
        ):
            out.add(m.entity_id)
    surnames = {
        strip_possessive(fold_apostrophes(m.surface)).split()[-1]
        for m in candidates
        if m.entity_id in out
    }
    for m in candidates:
        if strip_possessive(fold_apostrophes(m.surface)) in surnames:
            out.add(m.entity_id)
    return frozenset(out)


# Marks a surname alone that the recogniser missed, where the article named that person fully.
SURNAME_ECHO = "echo_of_surname"


def _surname_echoes(
    view: DocView,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    people: frozenset[str] = frozenset(),
) -> list[Mention]:
    """A surname on its own, outside any mention, of a person the article named in full.

    Surnames that are also words ("Chris Early", "Tom Young") are missed by the small
    model when they stand alone ("Early says …", "One thing Young would …"), and the
    quote's pronoun then goes to someone else. Only a surname of one person in the
    article, capitalised, outside quotations, not after an article; at a sentence's start
    only before a verb ("Young people were …" is not Tom Young). ``people`` names entities
    of another type the article writes as people (:func:`_written_as_people`): their
    surname counts too, even of a one-word mention ("Mr Okafor" recognised twice and
    missed a third time); the echo keeps the entity's type.
    """
    surnames: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    for m in mentions:
        words = strip_possessive(fold_apostrophes(m.surface)).split()
        marked = m.entity_id in people
        if not m.entity_id or not words or (m.entity_type != PERSON and not marked):
            continue
        if len(words) < 2 and not marked:
            continue
        last = words[-1]
        if len(last) >= 3 and last.isalpha() and last[:1].isupper():
            surnames.setdefault(last, set()).add(m.entity_id)
            types[m.entity_id] = m.entity_type
    if not surnames:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    taken_starts = [a for a, _ in taken]
    starts = [a for a, _ in quoted]
    doc = view.doc
    out: list[Mention] = []
    for tok in doc:
        ids = surnames.get(tok.text)
        if ids is None or len(ids) != 1:
            continue
        a, b = tok.idx, tok.idx + len(tok.text)
        k = bisect_right(taken_starts, b) - 1
        if any(x < b and y > a for x, y in taken[max(0, k - 3) : k + 1]):
            continue
        q = bisect_right(starts, a) - 1
        if q >= 0 and quoted[q][0] <= a < quoted[q][1]:
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ in {"the", "a", "an"}:
            continue
        line_start = view.line_starts[view.line_of(a)]
        if (tok.is_sent_start or not view.text[line_start:a].strip()) and not (
            _verb_follows(doc, tok.i) or _relative_follows(doc, tok.i)
        ):
            continue
        eid = next(iter(ids))
        out.append(Mention(eid, tok.text, a, b, types[eid], rule=SURNAME_ECHO))
    return out


def _modifies_elsewhere(doc: Doc, tok: Token) -> bool:
    """True when the same word modifies a noun elsewhere in the article.

    "The Leicester coach", "the pride of Leicester fans": a team's or a place's name, not
    a person's.
    """
    return any(t.i != tok.i and t.text == tok.text and t.dep_ in {"compound", "nmod"} for t in doc)


def _relative_follows(doc: Doc, i: int) -> bool:
    """True for "Irons, whose film …" or "DiCaprio, who lost …".

    A relative clause for a person right after token ``i``: a capitalised word opening a
    sentence is then a name.
    """
    return i + 2 < len(doc) and doc[i + 1].text == "," and doc[i + 2].lower_ in {"who", "whose"}


def _verb_follows(doc: Doc, i: int) -> bool:
    """True when a finite verb follows token ``i``, maybe after one adverb ("Early still says")."""
    for j in (i + 1, i + 2):
        if j >= len(doc):
            return False
        if doc[j].tag_ in FINITE_OR_MODAL_TAGS:
            return True
        if doc[j].tag_ != "RB":
            return False
    return False


def _mistyped_organisations(mentions: Sequence[Mention]) -> frozenset[str]:
    """Person entities whose name ends like an organisation's ("Dick Clark Productions").

    The small model types such names as people; for speaker resolution they are
    organisations ("the production company said", "they said"), never "he" or "she".
    """
    endings = load_rules().org_name_endings
    out: set[str] = set()
    for m in mentions:
        words = m.surface.split()
        if m.entity_type != PERSON or not m.entity_id or len(words) < 2:
            continue
        last = strip_possessive(fold_apostrophes(words[-1].casefold().rstrip(".,")))
        if last in endings:
            out.add(m.entity_id)
    return frozenset(out)


# A name, "'s" or a bare apostrophe maybe, then the word after it ("Harbour Rovers' board").
_PART_AFTER_RE = re.compile(r"(?:['’]s?)?[ \t]+([a-z][a-z-]*)")


def _written_as_orgs(mentions: Sequence[Mention], text: str) -> frozenset[str]:
    """Person entities the article itself writes as an organisation.

    The small model types some clubs and bands as people ("Harbour Rovers", "Velvet
    Anchors"), and then "the club said", "it said" or a statement's author cannot reach
    them. A mention followed by what only a body has ("Harbour Rovers' board", "Velvet
    Anchors frontwoman Ann Lee"; ``org_part_nouns.txt``) marks its entity, unless a
    courtesy title stands before it ("Mr Lee's board"). The given-name table is no guard:
    it holds town names ("Manchester") that start club names.
    """
    parts = load_rules().org_parts
    honorifics = name_rules().honorifics
    out: set[str] = set()
    for m in mentions:
        if m.entity_type != PERSON or not m.entity_id or m.rule == ECHO:
            continue
        title = _TITLE_WORD_RE.search(text, max(0, m.start - 30), m.start)
        if title is not None and title.group(1).casefold() in honorifics:
            continue
        after = _PART_AFTER_RE.match(text, m.end)
        if after is not None and after.group(1) in parts:
            out.add(m.entity_id)
    return frozenset(out)


class MentionIndex:
    """The article's mentions with lookups by offset and gender hints per entity.

    Attributes:
        person_like: organisation entities that are people the recogniser mistyped (see
            :func:`_mistyped_people` and :meth:`mark_person`); pronouns and descriptions
            may refer to them.
        org_like: person entities that are organisations (:func:`_mistyped_organisations`,
            :func:`_written_as_orgs`).
    """

    def __init__(self, mentions: Sequence[Mention], text: str) -> None:
        mentions = [*mentions, *_echo_mentions(mentions, text)]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.types = {m.entity_id: m.entity_type for m in self.mentions}
        self.person_like = set(_mistyped_people(self.mentions)) | _written_as_people(
            self.mentions, text
        )
        self.org_like = _mistyped_organisations(self.mentions) | _written_as_orgs(
            self.mentions, text
        )
        self.gender = person_genders(self.mentions, text, frozenset(self.person_like))
        # Every word of a place's or organisation's name ("Leicester" of "Leicester
        # Tigers"): such a word alone is not a person the recogniser missed.
        self.other_names = frozenset(
            w
            for m in self.mentions
            if m.entity_type != PERSON and m.entity_id not in self.person_like
            for w in m.surface.split()
        )

    def mark_person(self, entity_id: str) -> None:
        """Treat an organisation entity as a person from here on (it spoke as "I")."""
        self.person_like.add(entity_id)

    def is_person(self, m: Mention) -> bool:
        """True for a person mention, or one of an organisation that is a mistyped person."""
        if m.entity_type == PERSON:
            return m.entity_id not in self.org_like
        return m.entity_id in self.person_like

    def is_org(self, m: Mention) -> bool:
        """True for an organisation mention, or one of a person that is a mistyped one."""
        return m.entity_type == ORG or m.entity_id in self.org_like

    def covering(self, a: int, b: int) -> Mention | None:
        """The mention that contains ``[a, b)`` (the shortest one)."""
        best: Mention | None = None
        for k in range(bisect_right(self.starts, a) - 1, -1, -1):
            m = self.mentions[k]
            if (
                m.start <= a
                and m.end >= b
                and (best is None or m.end - m.start < best.end - best.start)
            ):
                best = m
            if a - m.start > 200:
                break
        return best

    def overlapping(self, a: int, b: int) -> list[Mention]:
        lo = bisect_left(self.starts, a - 200)
        hi = bisect_left(self.starts, b)  # mentions are sorted by start
        return [m for m in self.mentions[lo:hi] if m.end > a]

    def before(self, pos: int) -> Iterator[Mention]:
        """Mentions that end before ``pos``, nearest first (lazily: callers stop early)."""
        for k in range(bisect_left(self.starts, pos) - 1, -1, -1):
            m = self.mentions[k]
            if m.end <= pos:
                yield m


@dataclass(frozen=True, slots=True)
class Context:
    """What speaker resolution reads about one article, built once per article.

    Attributes:
        view: the document index.
        index: the article's mentions.
        rules: the word lists.
        quoted: ``(start, end)`` of every quotation candidate, in text order.
        quoted_starts: their starts, for bisection.
        title_holders: memo of ``_title_holders`` per title word (it reads every mention,
            and an article can hold many quotes of "the senator said").
        person_cued: memo of ``_person_cued`` per entity id.
    """

    view: DocView
    index: MentionIndex
    rules: QuoteRules
    quoted: tuple[tuple[int, int], ...]
    quoted_starts: tuple[int, ...]
    title_holders: dict[str, frozenset[str]] = field(default_factory=dict)
    person_cued: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        view: DocView,
        mentions: Sequence[Mention],
        rules: QuoteRules,
        quoted: Sequence[tuple[int, int]],
    ) -> Context:
        """The context of one article: its mentions indexed, its quotation spans."""
        spans = tuple(quoted)
        people = _mistyped_people(mentions) | _written_as_people(mentions, view.text)
        echoes = _surname_echoes(view, mentions, spans, people)
        index = MentionIndex([*mentions, *echoes], view.text)
        ctx = cls(view, index, rules, spans, tuple(a for a, _ in spans))
        pronounced = _pronounced_people(ctx)
        if pronounced:
            index.person_like |= pronounced
        history = pronoun_history(ctx)
        if history or pronounced:
            index.gender = person_genders(
                index.mentions, view.text, frozenset(index.person_like), history
            )
        return ctx

    def inside_quote(self, pos: int) -> bool:
        """True when offset ``pos`` lies inside a quotation."""
        k = bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]


def _unquoted_before(ctx: Context, pos: int, entity_type: str) -> Iterator[Mention]:
    """Mentions of ``entity_type`` ending before ``pos``, nearest first, outside quotations.

    People named inside a quotation are talked about, not talking, so they never
    become the referent of a speaker phrase.
    """
    index = ctx.index
    for m in index.before(pos):
        if entity_type == PERSON and not index.is_person(m):
            continue
        if entity_type == ORG and not index.is_org(m):
            continue
        if entity_type not in {PERSON, ORG} and m.entity_type != entity_type:
            continue
        if not ctx.inside_quote(m.start):
            yield m


def subject_role(view: DocView, m: Mention) -> int:
    """2: subject of a main clause; 1: subject of another clause; 0: not a subject.

    The name's last word decides, or, when that word is not the subject, the word the
    name hangs on: "The International Federation of the Red Cross told …" has its
    subject "Federation" inside the name, and "CENTR, the Council of European …
    Registries, agrees" an apposition headed by "Council".
    """
    role = _subject_role_at(view, m, view.token_containing(max(m.start, m.end - 1)))
    if role:
        return role
    root = _name_root(view, m)
    return _subject_role_at(view, m, root) if root is not None else 0


def _name_root(view: DocView, m: Mention) -> int | None:
    """The word of a multiword name that the parse hangs outside it, when not its last word.

    Only one such word, a proper noun: a span the parse splits in two ("Red Cross and Red
    Crescent Societies" as two objects) has no single head.
    """
    doc = view.doc
    words = view.tokens_between(m.start, m.end)
    if len(words) < 2:
        return None
    roots = [i for i in words if doc[i].head.i == i or not m.start <= doc[i].head.idx < m.end]
    if len(roots) != 1 or roots[0] == words[-1] or doc[roots[0]].pos_ != "PROPN":
        return None
    return roots[0]


def _subject_role_at(view: DocView, m: Mention, i: int) -> int:
    """:func:`subject_role` read at token ``i`` of ``m``."""
    tok: Token = view.doc[i]
    if m.entity_type == PERSON and _modifies_common_noun(tok):
        return 0  # "The Brightline cable boxes sit", "Harbour frontman Tom Reid said"
    if tok.dep_ in {"compound", "flat", "appos"} and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head  # "The chief inspector, David Bell, said": the name is the subject
    elif tok.dep_ == "pobj" and _closes_role_subject(view, m, tok):
        tok = tok.head.head  # "Acme director of sport Ann Lee praised …"
    if tok.dep_ not in SUBJECT_DEPS:
        if _opens_merged_paragraph(view, m, tok):
            return 2
        # "On the edge of town, 83-year-old Ann Lee contemplates …": when the parse hangs
        # the name elsewhere but a finite verb right after it has no subject of its own,
        # the name is that verb's subject.
        nxt = view.doc[tok.i + 1] if tok.i + 1 < len(view.doc) else None
        if nxt is None or nxt.tag_ not in FINITE_TAGS or _has_subject(nxt):
            # "… the return of skipper Lee, who missed the last game": the subject of the
            # relative clause that describes the person.
            return 1 if _who_follows(view.doc, tok) else 0
        verb = nxt
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return 2 if verb.dep_ == "ROOT" else 1
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ROOT" or _rooted_in_later_quotation(verb):
        return 2
    # A parse that ran the paragraph above into this one ("… it's very loud." ⏎ "Imelda
    # Staunton told …") hangs this clause on that paragraph's verb: within its own
    # paragraph the clause is the main one.
    return 2 if view.line_of(verb.head.idx) < view.line_of(verb.idx) else 1


def _closes_role_subject(view: DocView, m: Mention, tok: Token) -> bool:
    """True when the name ends a role's subject: "Acme director of sport Ann Lee praised".

    The small model parses such a title as "director" (the subject) "of" "sport Ann Lee",
    so the name is an object of "of"; but the title is hers, she is who the clause is
    about. Only a role noun for one person (an office, occupation or anonymous role),
    the name closing the subject phrase, and words of the role's own object between "of"
    and the name: in "the lawyer of Ann Lee said" the subject is someone else.
    """
    prep = tok.head
    role = prep.head
    if prep.lower_ != "of" or role.dep_ not in SUBJECT_DEPS or role.i > prep.i:
        return False
    if role.pos_ != "NOUN" or not _is_role_noun(role.lower_, load_rules()):
        return False
    if role.right_edge.i != tok.i:
        return False
    return bool(view.text[prep.idx + len(prep.text) : m.start].strip())


# Curly marks say by their shape whether they open or close (straight ones by their tag).
_CURLY_OPENING = frozenset({"“", "‘"})
_CURLY_CLOSING = frozenset({"”", "’"})


def _rooted_in_later_quotation(verb: Token) -> bool:
    """True when every word above ``verb`` lies inside a quotation opened after it.

    "Lee said he had met Reid, who told him the plan could “suit anyone, young, old, what
    have you”.": the small model may root such a sentence at a verb of the quoted words
    ("have"), so the reporting clause before the quotation parses as a dependent one. The
    quoted words are not the sentence's main clause; the clause they hang from is.
    """
    ancestors = [a.i for a in verb.ancestors]
    if not ancestors or min(ancestors) <= verb.i:
        return False
    doc = verb.doc
    opening = next(
        (k for k in range(verb.i + 1, min(ancestors)) if _quote_mark(doc[k], opening=True)),
        None,
    )
    return opening is not None and not any(
        _quote_mark(doc[k], opening=False) for k in range(opening + 1, max(ancestors))
    )


def _quote_mark(tok: Token, opening: bool) -> bool:
    """An opening (or closing) quotation mark: curly by its shape, straight by its tag."""
    if tok.text == '"':
        return tok.tag_ == ("``" if opening else "''")
    return tok.text in (_CURLY_OPENING if opening else _CURLY_CLOSING)


def _modifies_common_noun(tok: Token) -> bool:
    """True when the name word ``tok`` is a modifier of a lowercase common noun.

    "The Brightline cable boxes", "Harbour frontman Tom Reid", "a Reid aide": the name
    says whose or which, the noun is the phrase's head, and the name is no subject of
    the clause the noun is subject of. Capitalised heads after a name are its titles
    ("Ann Lee MP", "Tom Reid QC").
    """
    head = tok.head
    return tok.dep_ == "compound" and head.i > tok.i and head.pos_ == "NOUN" and head.text.islower()


def _has_subject(verb: Token) -> bool:
    """True when the finite ``verb`` has a subject; an auxiliary shares its verb's.

    In "recent wins over Norbury and Castlefield have pleased fans" the
    auxiliary "have" has no subject child, but "pleased" has one ("wins"): the
    name before "have" ends a prepositional phrase, it is not the subject.
    """
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return True
    return verb.dep_ in {"aux", "auxpass"} and any(
        c.dep_ in SUBJECT_DEPS for c in verb.head.children
    )


_APPOSITION_TOKENS = 15  # how far ", the party's leader," may run before its closing comma


def _who_follows(doc: Doc, tok: Token) -> bool:
    """True when a "who" relative clause describes ``tok`` ("Lee, 49, who told …").

    Its clause hangs on the name, or, when the parse hung it on the noun before the name
    ("the return of skipper Lee who missed …"), the "who" follows the name directly.
    """
    if any(
        c.dep_ == "relcl" and any(w.dep_ in SUBJECT_DEPS and w.lower_ == "who" for w in c.children)
        for c in tok.children
    ):
        return True
    j = tok.i + 1
    if j < len(doc) and doc[j].text == ",":
        j += 1
    return j < len(doc) and doc[j].lower_ == "who" and doc[j].dep_ in SUBJECT_DEPS


def _opens_merged_paragraph(view: DocView, m: Mention, tok: Token) -> bool:
    """True for a name opening a paragraph that the parse ran into the line above it.

    A headline has no full stop, so the small model parses "Coach elated ⏎ Ann Lee paid
    tribute …" as one sentence and hangs the name off the headline. A name that opens its
    paragraph and is followed by a finite verb (after an apposition in commas: "Ann Lee,
    the coach, said") is the subject of that paragraph's first sentence.
    """
    ls, le = view.line_bounds(view.line_of(m.start))
    if view.text[ls : m.start].strip() or tok.sent.start_char >= ls:
        return False  # not at the paragraph's start, or the parse did start a sentence here
    doc = view.doc
    j = tok.i + 1
    if j < len(doc) and doc[j].text == ",":
        close = next(
            (
                k
                for k in range(j + 1, min(len(doc), j + _APPOSITION_TOKENS))
                if doc[k].text == "," or doc[k].idx >= le
            ),
            None,
        )
        if close is None or doc[close].text != ",":
            return False
        j = close + 1
    return j < len(doc) and doc[j].idx < le and doc[j].tag_ in FINITE_TAGS | {"VBN"}


def _antecedent(
    ctx: Context,
    pos: int,
    want: str,
    gender: str | None,
    recent_speakers: Sequence[tuple[int, str]],
    nearest_fallback: bool = True,
) -> Mention | None:
    """The entity a pronoun at ``pos`` most plausibly refers to.

    Preference: the nearest earlier mention of the right type within the window
    that is the last speaker or a clause subject, else (with ``nearest_fallback``) the
    nearest mention of that type. Mentions inside quotations are skipped: people named
    in a quotation are talked about, not talking.
    """
    view, index = ctx.view, ctx.index
    window_start = view.window_start(pos, _SUBJECT_WINDOW_LINES)
    # Only the window is weighed below; beyond it the nearest mention serves the
    # fallback alone, so the walk stops there (a long article's every pronoun would
    # otherwise list every mention before it).
    candidates: list[Mention] = []
    for m in _unquoted_before(ctx, pos, want):
        if gender and index.gender.get(m.entity_id, gender) != gender:
            continue
        if want == PERSON and _reported_by_pronoun(ctx, m, pos):
            continue
        candidates.append(m)
        if m.start < window_start:
            break
    if want == PERSON:
        unnamed = unrecognised_subjects(ctx, window_start, pos, gender)
        described = _described_subjects(ctx, window_start, pos, gender)
        if unnamed or described:
            candidates = sorted([*candidates, *unnamed, *described], key=lambda m: -m.start)
    if not candidates:
        return None
    recent = [eid for at, eid in recent_speakers if at >= window_start][-1:]

    # News keeps a pronoun on the nearest person who is either the one last quoted
    # or the subject of a clause (titles that disagree were filtered out above).
    fitting = [
        m
        for m in candidates
        if m.start >= window_start
        and (
            m.entity_id in recent
            or (
                subject_role(view, m) > 0
                # a person inside what someone reports is talked about; an organisation
                # ("Orbis refused it, Ruiz said. The company …") is still followed
                and not (
                    want == PERSON
                    and (
                        reported_subject(view, m, ctx.rules, pos)
                        or _under_subjectless_participle(view, m)
                    )
                )
            )
            or (_owns_subject(view, m) and _named_in_full(index, m))
            or (want == PERSON and _named_by_copula(view, m))
        )
        and not _under_pronoun_subject(view, m, pos)
    ]
    if want == PERSON:
        named = _only_person_named(ctx, candidates, fitting, pos, window_start, recent_speakers)
        if named is not None:
            return named
    chosen = _chosen(view, candidates, fitting, recent, window_start, nearest_fallback)
    if want == PERSON and gender and chosen is not None:
        return _cued_over_bare(ctx, candidates, chosen, gender, window_start, recent_speakers)
    return chosen


def _reported_by_pronoun(ctx: Context, m: Mention, pos: int) -> bool:
    """True when ``m`` lies in a clause the pronoun at ``pos`` reports, fronted before it.

    "Mr Lee has “the same drive” for the job, he said": a speaker refers to himself as
    "I", so a name inside what "he" says, in his own sentence, is someone else (a name
    that a pronoun governs cannot be that pronoun). Only a complement clause of the
    pronoun's own verb, in its sentence and paragraph, and not when the pronoun attributes
    a quotation of its own after the name: "Lee has amended it — “I recall,” he said" may
    be parsed so, and is Lee's.
    """
    view = ctx.view
    doc = view.doc
    p = doc[view.token_containing(pos)]
    if p.dep_ not in SUBJECT_DEPS or m.end > p.idx:
        return False
    verb = p.head
    tok = doc[view.token_containing(max(m.start, m.end - 1))]
    if tok.sent.start != p.sent.start or view.line_of(m.start) != view.line_of(pos):
        return False
    a = tok
    while a.head.i != a.i and a.head.i != verb.i:
        a = a.head
    if a.head.i != verb.i or a.i == verb.i or a.dep_ not in _CLAUSE_DEPS:
        return False
    # A quotation that the pronoun attributes ("“…,” he said") and that opens after
    # punctuation, not inside the clause's words ("has “the same drive”"), is the
    # pronoun's own: the name stands outside what it says.
    k = bisect_left(ctx.quoted_starts, m.end)
    while k < len(ctx.quoted) and ctx.quoted[k][0] < pos:
        a_q, b_q = ctx.quoted[k]
        before = view.text[m.end : max(m.end, a_q - 1)].rstrip()
        if not any(c.isalnum() for c in view.text[b_q:pos]) and not before[-1:].isalnum():
            return False
        k += 1
    return True


def _named_by_copula(view: DocView, m: Mention) -> bool:
    """True when ``m`` names the role subject of a main clause: "The director is Ann Lee".

    News introduces a person so ("The show's director is Ann Lee, best known for …"),
    and the next "she said" is hers: the named person is who the clause is about, as a
    subject would be. Only a common-noun subject (a role, not a pronoun or a name) of
    the main verb "be".
    """
    tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
    verb = tok.head
    if tok.dep_ != "attr" or verb.lemma_ != "be" or verb.dep_ != "ROOT":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children)


def _chosen(
    view: DocView,
    candidates: Sequence[Mention],
    fitting: Sequence[Mention],
    recent: Sequence[str],
    window_start: int,
    nearest_fallback: bool,
) -> Mention | None:
    """The fitting mention :func:`_antecedent` prefers, else the nearest (with fallback)."""
    if fitting:
        # The latest sentence with a fitting person wins; inside it, the last speaker
        # when the sentence reports them ("According to Lee, Kim vowed …"), then the
        # subject of the main clause ("Mrs Hale was the aunt with whom Pietro
        # lodged. She said …" is Mrs Hale; "Cook said Lord Lee's answer misled MPs.
        # “…,” he said" is Cook even when Lord Lee spoke last), then the last speaker,
        # then the person the window mentions most (the one the article is following),
        # then the nearest.
        def sentence_of(m: Mention) -> int:
            return view.sentence_start(m.start)

        latest = sentence_of(fitting[0])
        same = [m for m in fitting if sentence_of(m) == latest]
        salience = Counter(m.entity_id or m.surface for m in candidates if m.start >= window_start)
        return max(
            same,
            key=lambda m: (
                m.entity_id in recent and _according_to(view, m),
                subject_role(view, m) == 2,
                m.entity_id in recent,
                # a subject or agent of the sentence beats the owner of its subject
                # ("Clinton's position was backed by Feinstein, who said …")
                subject_role(view, m) > 0,
                # a name the recogniser typed as a person beats one it typed otherwise
                # that a given-name table makes a person (a product "Royal Beacon" named thrice)
                m.entity_type == PERSON,
                salience[m.entity_id or m.surface],
                m.start,
            ),
        )
    return candidates[0] if nearest_fallback else None


def _cued_over_bare(
    ctx: Context,
    candidates: Sequence[Mention],
    chosen: Mention,
    gender: str,
    lo: int,
    speakers: Sequence[tuple[int, str]],
) -> Mention:
    """A person the article marks as one outranks a bare word typed as a person.

    Films, shows, bands and brands the recogniser types as people ("Wasp tells the story
    of …", "<Show> star <Name> criticised …", "Rock band <Band> won …") are one word that
    the article never marks as a person (:func:`_person_cued`). When the "he"/"she"
    would go to such a word, the nearest candidate in the window that the article does
    mark takes it. A word that is a given name of the pronoun's gender ("Kofi 7 thanked
    the fans") or the last word of a person the article names in full ("Becker" after
    "Thomas Becker") is a person's name, not bare. ``speakers`` are the ``(offset,
    entity id)`` of the speakers resolved so far.
    """
    index = ctx.index
    quoted = {eid for _, eid in speakers}
    word = chosen.surface.casefold()
    if load_gender_lexicon().first_names.get(word) == gender or any(
        len(x.surface.split()) >= 2 and x.surface.split()[-1].casefold() == word
        for x in index.mentions
        if index.is_person(x)
    ):
        return chosen

    def cued(m: Mention) -> bool:
        # the mention itself too: a stand-in for a name the recogniser missed here is
        # not among the article's mentions
        return _mention_cued(ctx, m) or (
            bool(m.entity_id) and (m.entity_id in quoted or _person_cued(ctx, m.entity_id))
        )

    if chosen.rule == UNRECOGNISED or cued(chosen) or _named_in_full(index, chosen):
        return chosen
    for m in candidates:
        if m.start < lo:
            break
        if m.entity_id != chosen.entity_id and cued(m):
            return m
    return chosen


# A person's own possessive and reflexive pronouns, the words ``pronoun_history`` reads.
_OWN_PRONOUNS = frozenset(_HISTORY_PRONOUNS)
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def _person_cued(ctx: Context, entity_id: str) -> bool:
    """True when the article marks the entity as a person somewhere outside quotations.

    A person cue is a gender its titles, gendered words or given name state
    (:func:`person_genders`); a title, role or occupation word right before a mention
    ("midfielder <Name>"); a verb of speech with a clause or a quotation whose subject
    the mention is ("<Name> said he …", "<Name> explained: …", "… and says that …"); or
    "his"/"her"/"himself"/"herself" on the mention's own verb or its object ("<Name>
    raised his game"). A work, band or brand typed as a person has none of them.
    """
    memo = ctx.person_cued
    if entity_id in memo:
        return memo[entity_id]
    index = ctx.index
    cued = entity_id in index.gender or any(
        m.entity_id == entity_id and _mention_cued(ctx, m) for m in index.mentions
    )
    memo[entity_id] = cued
    return cued


def _mention_cued(ctx: Context, m: Mention) -> bool:
    """True when this mention carries a person cue (see :func:`_person_cued`)."""
    if ctx.inside_quote(m.start):
        return False
    view = ctx.view
    tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
    first = view.doc[view.token_containing(m.start)]
    before = view.doc[first.i - 1] if first.i > 0 else None
    if (
        before is not None
        and before.pos_ in {"NOUN", "PROPN"}
        and before.lower_.rstrip(".") in load_gender_lexicon().roles
    ):
        return True
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(_speaks(v, ctx.rules) or _own_pronoun(v) for v in verbs)


def _speaks(verb: Token, rules: QuoteRules) -> bool:
    """True for a verb that gives someone's words.

    A verb of speech with a clause or a quotation ("said he", "explained:"), or any verb
    with quoted words after it in its own phrase ("thanked fans “for …”").
    """
    if any(t.is_quote for t in verb.subtree if t.i > verb.i):
        return True
    if not rules.is_cue(verb.text):
        return False
    if any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        return True
    doc = verb.doc
    near = [doc[k] for k in (verb.i - 2, verb.i - 1, verb.i + 1) if 0 <= k < len(doc)]
    return any(t.is_quote or t.text == ":" for t in near)


def _own_pronoun(verb: Token) -> bool:
    """True when "his"/"her"/"himself"/"herself" hangs on ``verb`` or on its object."""
    for c in verb.children:
        if c.lower_ in _OWN_PRONOUNS and c.dep_ in {"dobj", "poss", "pobj"}:
            return True
        if c.dep_ == "dobj" and any(
            g.lower_ in _OWN_PRONOUNS and g.dep_ == "poss" for g in c.children
        ):
            return True
    return False


def _only_person_named(
    ctx: Context,
    candidates: Sequence[Mention],
    fitting: Sequence[Mention],
    pos: int,
    lo: int,
    speakers: Sequence[tuple[int, str]],
) -> Mention | None:
    """A person already quoted whom the latest sentence before a pronoun names alone.

    "… said Tom Snow. But that was not enough for Mr Lee. “…,” he said", "…, according to
    the bank's Mr Lee. But he warned …", "In Lee's case, she stayed.": a sentence that
    names one person only, out of subject position (object, owner, source), later than
    every subject or speaker the pronoun could go on with, turns the paragraph back to
    that person when the article has quoted them before. Not when the sentence has a
    named or role-noun subject ("Reid revealed Madrid wanted Lee", "The defender
    believes Lee …"), or a "he"/"she" subject before the name ("He thanked Lee."), nor in
    the pronoun's own sentence; a person never named with two words is too often a club
    or a title the recogniser typed as one. ``speakers`` are the ``(offset, entity id)``
    of the speakers resolved so far. Returns the mention, or None.
    """
    view, index = ctx.view, ctx.index
    nearest = candidates[0]
    if nearest.start < lo or nearest.entity_id not in {eid for _, eid in speakers}:
        return None
    sent = view.doc[view.token_containing(nearest.start)].sent
    start = max(sent.start_char, view.sentence_start(nearest.start))
    if sent.end_char > pos or (fitting and fitting[0].start >= start):
        return None
    people = {
        m.entity_id
        for m in index.overlapping(start, sent.end_char)
        if m.start >= start and index.is_person(m) and not ctx.inside_quote(m.start)
    }
    if people != {nearest.entity_id}:
        return None
    if subject_role(view, nearest) or not _named_in_full(index, nearest):
        return None  # a subject the rules above left out on purpose; a one-word "person"
    for t in sent:
        if t.dep_ not in SUBJECT_DEPS or nearest.start <= t.idx < nearest.end:
            continue
        if (t.lower_ in _PERSON_PRONOUNS and t.idx < nearest.start) or t.pos_ == "PROPN":
            return None  # "He thanked Lee.", "Reid revealed Madrid wanted Lee."
        if t.pos_ == "NOUN" and _is_role_noun(t.lower_, ctx.rules):
            return None  # "The defender believes Lee is suited …": the defender goes on
    return nearest


def _according_to(view: DocView, m: Mention) -> bool:
    """True when ``m`` is the source a sentence reports: "according to Lee, …"."""
    tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


# Marks a stand-in for a person the entity recogniser missed (see unrecognised_subjects).
UNRECOGNISED = "unrecognised_subject"


def unrecognised_subjects(ctx: Context, lo: int, pos: int, gender: str | None) -> list[Mention]:
    """Named clause subjects in ``[lo, pos)`` that the entity recogniser missed or mistyped.

    "Simmons teed up the encore. “…,” he said": a proper-noun subject with no person
    mention is still the person a pronoun most likely continues from. A subject typed
    as a place or an organisation counts only when the grammar shows a person: a "who"
    relative clause ("Baros, who scored twice, ...") or a gendered title ("Mr"). Returns
    stand-in mentions (empty ``entity_id``, ``rule`` UNRECOGNISED), nearest first.
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    lexicon = load_gender_lexicon()
    org_nouns = ctx.rules.org_nouns
    out: list[Mention] = []
    for i in reversed(view.tokens_between(lo, pos)):
        tok = doc[i]
        if tok.dep_ not in SUBJECT_DEPS or tok.pos_ != "PROPN":
            continue
        if ctx.inside_quote(tok.idx):
            continue
        first = tok
        while (
            first.i > 0
            and doc[first.i - 1].head.i == tok.i
            and doc[first.i - 1].dep_
            in {
                "compound",
                "flat",
            }
        ):
            first = doc[first.i - 1]
        a, b = first.idx, tok.idx + len(tok.text)
        covering = index.covering(tok.idx, b)
        words = [w.casefold().rstrip(".") for w in view.text[a:b].split()]
        titled = {g for w in words if (g := lexicon.words.get(w))}
        if any(w in org_nouns for w in words):
            continue  # "the Scottish Executive": an organisation's name
        # One capitalised word opening a sentence is too often not a name; before
        # "who"/"whose" it is one ("DiCaprio, who lost …"), unless the article names a
        # place or organisation so ("Leicester, who signed White …" is the club); so is
        # a word the article names a person by elsewhere (:func:`_person_named_by`).
        known: tuple[str, set[str]] | None = None
        if covering is None and first.i == tok.i and tok.is_sent_start and not titled:
            # only as the one acting: "Lee was sacked by the club, a move Reid backed. But
            # he said" is Reid's
            known = _person_named_by(ctx, tok) if tok.dep_ == "nsubj" else None
            if known is None and (
                not _relative_follows(doc, tok.i)
                or tok.text in index.other_names
                or _modifies_elsewhere(doc, tok)
            ):
                continue
        if any(c.dep_ in {"det", "poss"} for c in (first, tok) for c in c.children):
            continue  # "the Munster number 10", "their Grand Slam hopes": not a name
        if covering is not None:
            if index.is_person(covering):
                continue  # a real mention: the caller has it already
            who = any(
                c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)
                for c in tok.children
            )
            if not (who or titled):
                continue
        named = {g for w in words[:-1] if (g := lexicon.first_names.get(w))}
        evidence = titled or named or (known[1] if known else set())
        if gender and len(evidence) == 1 and gender not in evidence:
            continue
        if known and known[0]:  # the person's own entity, named elsewhere
            out.append(Mention(known[0], view.text[a:b], a, b, PERSON, rule=SURNAME_ECHO))
            continue
        out.append(Mention("", view.text[a:b], a, b, PERSON, rule=UNRECOGNISED))
    return out


# Marks a stand-in mention for a description subject that names a person the article
# described so ("The Tory leader countered …" after "Tory leader Ann Lee").
DESCRIBED = "described_subject"


def _described_subjects(ctx: Context, lo: int, pos: int, gender: str | None) -> list[Mention]:
    """Main-clause subjects in ``[lo, pos)`` that describe a person the article named so.

    "Tory leader Ann Lee … Mr Reid denied it. The Tory leader countered that … “…,” she
    said": the article has turned to the person the description names, and the pronoun
    goes with it, not with the last person named. Only a definite description the
    article itself gave beside one person's name (:func:`_described_person`,
    :func:`_sole_title_holder`); a description it never gave stays out. Returns stand-in
    mentions (the person's entity, the description's span), nearest first.
    """
    view = ctx.view
    doc = view.doc
    out: list[Mention] = []
    for i in reversed(view.tokens_between(lo, pos)):
        tok = doc[i]
        if tok.dep_ not in SUBJECT_DEPS or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        if ctx.inside_quote(tok.idx) or not any(c.dep_ == "det" for c in tok.lefts):
            continue
        verb = tok.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ROOT":
            continue
        phrase = speaker_phrase(doc, i, ctx.rules)
        m = _described_person(ctx, phrase) or _sole_title_holder(ctx, phrase)
        if m is None or not m.entity_id:
            continue
        if gender and ctx.index.gender.get(m.entity_id, gender) != gender:
            continue
        a, b = phrase.start, tok.idx + len(tok.text)
        out.append(Mention(m.entity_id, view.text[a:b], a, b, PERSON, rule=DESCRIBED))
    return out


def unnamed_org_subject(ctx: Context, lo: int, pos: int) -> Mention | None:
    """The latest "the <Name>" subject of a reporting verb in ``[lo, pos)`` the recogniser missed.

    "In a statement the Harbour Trust said it was …. “…,” it said.": an organisation's name with
    "the" before it, the subject of a reporting verb outside quotations, names the body a
    following "it" or "the statement" speaks for even when no organisation mention covers
    it (the recogniser took none there). Only capitalised names after "the" (a person's name
    takes no article) whose words hold no person mention. Returns a stand-in mention
    (empty ``entity_id``, ``rule`` UNRECOGNISED) spanning "the <Name>", or None.
    """
    view = ctx.view
    doc = view.doc
    for i in reversed(view.tokens_between(lo, pos)):
        tok = doc[i]
        if tok.dep_ != "nsubj" or not ctx.rules.is_cue(tok.head.text) or ctx.inside_quote(tok.idx):
            continue
        # the latest reporting verb's subject decides: "Lee said" after it is Lee's turn
        return _unnamed_org(ctx, tok)
    return None


def _person_typed_body(ctx: Context, lo: int, hi: int) -> Mention | None:
    """The latest reporting verb's subject in ``[lo, hi)`` when it is a name typed as a person.

    "Wimpey said the market had slowed. “…,” it added.": a company named after its founder
    is typed as a person by the recogniser; a reporter's "it" right after it as the
    reporting subject says it is the company. Only a name no title ("Mr", "Mrs") precedes
    anywhere in the article.
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    lexicon = load_gender_lexicon()
    for i in reversed(view.tokens_between(lo, hi)):
        tok = doc[i]
        if tok.dep_ != "nsubj" or not ctx.rules.is_cue(tok.head.text) or ctx.inside_quote(tok.idx):
            continue
        m = index.covering(tok.idx, tok.idx + len(tok.text))
        if m is None or not m.entity_id or not index.is_person(m):
            return None
        for other in index.mentions:
            if other.entity_id == m.entity_id and lexicon.words.get(
                _word_before(view.text, other).rstrip(".")
            ):
                return None
        return m
    return None


def _unnamed_org(ctx: Context, tok: Token) -> Mention | None:
    """A stand-in for "the <Name>" headed at ``tok`` when no mention covers it, else None."""
    view, doc = ctx.view, ctx.view.doc
    dets = [c for c in tok.children if c.dep_ == "det"]
    if tok.pos_ != "PROPN" or len(dets) != 1 or dets[0].lower_ != "the" or dets[0].i > tok.i:
        return None
    first = dets[0]
    if not all(w.text[:1].isupper() for w in doc[first.i + 1 : tok.i + 1]):
        return None
    b = tok.idx + len(tok.text)
    if any(True for _ in ctx.index.overlapping(first.idx, b)):
        return None  # a recognised mention: the caller weighs it already
    return Mention("", view.text[first.idx : b], first.idx, b, ORG, rule=UNRECOGNISED)


def _unnamed_org_since(ctx: Context, pos: int, ante: Mention | None) -> Mention | None:
    """The body an "it" at ``pos`` continues when the recogniser missed its name.

    "The Quayside site … In a statement the Harbour Trust said it was …. “…,” it said": the
    latest reporting verb's subject, "the <Name>" with no mention, after the organisation
    the pronoun would otherwise take (or with none in the window), is the one speaking.
    """
    lo = ctx.view.window_start(pos, _SUBJECT_WINDOW_LINES)
    if ante is not None:
        lo = max(lo, ante.end)
    # a person-typed name only from an earlier sentence of the paragraph: inside one
    # sentence ("X asked the court so that it can …") "it" is no reporter's attribution
    view = ctx.view
    here = view.sentence_start(pos)
    return unnamed_org_subject(ctx, lo, pos) or _person_typed_body(
        ctx, max(lo, view.line_bounds(view.line_of(pos))[0]), here
    )


def _person_named_by(ctx: Context, tok: Token) -> tuple[str, set[str]] | None:
    """The person the article names elsewhere by the word ``tok``, with their gender evidence.

    The small model misses a lone surname opening a sentence ("Novak has lost both her
    games"; "Andre 3000 thanked fans") though it found the person elsewhere, or missed
    the person everywhere ("routed Vera Novak", "starring Leonardo Rossi"). The word names
    a person when a person mention ends with it (a name of two words or more, or a given
    name alone: a one-word "person" is too often a band or a film), or when it follows a
    given name (``first_name_gender.tsv``) elsewhere in the text, even where the recogniser
    typed the lone word as a place ("Russia's Novak"). Returns ``(entity id, genders)`` (an
    empty id for a name only the text gives), or None: no such person, two of them, or a
    mention's word the article also uses for a place or organisation.
    """
    index, doc = ctx.index, ctx.view.doc
    lexicon = load_gender_lexicon()
    key = tok.text.casefold()
    ids = {
        m.entity_id
        for m in index.mentions
        if m.entity_id
        and tok.text not in index.other_names
        and index.is_person(m)
        and (words := m.surface.split())
        and strip_possessive(fold_apostrophes(words[-1])).casefold() == key
        and (len(words) >= 2 or key in lexicon.first_names)
    }
    if len(ids) > 1:
        return None
    if ids:
        eid = next(iter(ids))
        return eid, ({index.gender[eid]} if eid in index.gender else set())
    given = {
        g
        for t in doc
        if t.i > 0
        and t.i != tok.i
        and t.text.casefold() == key
        and doc[t.i - 1].text[:1].isupper()
        and (g := lexicon.first_names.get(doc[t.i - 1].text.casefold()))
    }
    return ("", given) if given else None


def _role_subject(ctx: Context, pos: int, gender: str | None, ante: Mention | None) -> int | None:
    """A spokesperson subject ("a spokeswoman") a personal pronoun at ``pos`` continues.

    Only the main-clause subject of a sentence later than the one holding the person
    antecedent (and within the pronoun's window), with a head noun from
    ``spokesperson_nouns.txt`` whose gender, when it has one, agrees with the pronoun,
    and no person in its sentence who could be the referent instead. A person inside the
    clause the spokesperson reports ("said Amy Chen would stay") is talked about: neither
    rule counts them.
    Returns the token index of the noun.
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    lexicon = load_gender_lexicon()
    lo = view.window_start(pos, _SUBJECT_WINDOW_LINES)
    if ante is not None:
        lo = max(lo, view.sentence_start(ante.start))
    for i in reversed(view.tokens_between(lo, pos)):
        tok = doc[i]
        if tok.tag_ != "NN":  # "he"/"she": one person
            continue
        if tok.lower_ not in ctx.rules.spokespersons or ctx.inside_quote(tok.idx):
            continue
        # "A Department for Roads spokeswoman said": the parse may head the subject at
        # the name and hang the noun that ends it below; the subject is still hers.
        subj = tok
        while (
            subj.dep_ not in SUBJECT_DEPS
            and subj.head.i < subj.i
            and subj.head.right_edge.i == tok.i
        ):
            subj = subj.head
        if subj.dep_ not in SUBJECT_DEPS:
            continue
        said = lexicon.words.get(tok.lower_)
        if gender and said and said != gender:
            continue
        verb = subj.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        # "A spokeswoman said Andi Peters would stay. She …": a person in what she
        # reports is talked about, not a referent in her place.
        reported = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in verb.children
            if c.dep_ == "ccomp"
        ]
        if (
            ante is not None
            and view.sentence_start(tok.idx) <= view.sentence_start(ante.start)
            and not any(x <= ante.start and ante.end <= y for x, y in reported)
        ):
            return None
        if verb.dep_ != "ROOT":
            continue
        # "The party's leader, Ann Lee, said …": a person in the same sentence who
        # could be the pronoun's referent is the one named, not the role. A person the
        # spokesperson's verb acts on ("criticised Ann Lee's record") is talked about.
        sent = tok.sent
        a, b = max(sent.start_char, view.sentence_start(tok.idx)), sent.end_char
        acted_on = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in verb.children
            if c.dep_ in _ACTED_ON_DEPS
        ]
        if any(
            m.entity_type == PERSON
            and not ctx.inside_quote(m.start)
            and not any(x <= m.start and m.end <= y for x, y in [*reported, *acted_on])
            and (not gender or index.gender.get(m.entity_id, gender) == gender)
            for m in index.overlapping(a, b)
        ):
            return None
        return i
    return None


def _owns_subject(view: DocView, m: Mention) -> bool:
    """True when ``m`` is the possessor of a clause subject ("Reid's future ... has been").

    The person whose future, comments or representatives a clause is about is the one
    the paragraph follows, as a subject would be: "Reid's future at the club has been
    the subject of rumour. ... “…,” he said" is Reid.
    """
    tok: Token = view.doc[view.token_containing(max(m.start, m.end - 1))]
    if tok.dep_ != "poss" or tok.head.dep_ not in SUBJECT_DEPS:
        return False
    # Only the main clause's subject: in "He says Trump's call to ban … bears the blame"
    # the clause is what "he" says, and "he" carries the chain.
    verb = tok.head.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def reported_subject(view: DocView, m: Mention, rules: QuoteRules, before: int) -> bool:
    """True when ``m`` is the subject (or its owner) of a clause someone else reports.

    "The French defender believes Lee is suited to the job", "he insisted England were
    ...", "but said the shadow Cabinet had weighed up ...": the complement clause
    (``ccomp``) of a verb whose own subject is someone who can speak or think (a personal
    pronoun, a name, a noun for one person) says what that subject says or thinks; the
    people inside it are talked about, and a pronoun after the sentence goes on with
    the matrix subject, not with them. "Bridge's injury means Lee will not have …" has
    no such subject, and a clause the parse hung on a verb of the paragraph above is
    its own paragraph's main clause. The matrix subject must come before ``before`` (the
    pronoun being resolved): "Lee has amended it — “I recall,” he said" hangs Lee's
    clause on the very "said" whose "he" is looked for.
    """
    doc = view.doc
    tok: Token = doc[view.token_containing(max(m.start, m.end - 1))]
    if tok.dep_ in {"compound", "flat", "appos", "poss"} and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head  # "Lord Lee's admission suggested …": the owner of the subject
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or view.line_of(clause.head.idx) != view.line_of(clause.idx):
        return False
    if _rooted_in_later_quotation(clause):
        return False  # the "reporting" verb is a word of a later quotation ("what have you")
    verb = clause.head
    if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
        verb = verb.head  # "Lee was adamant that Reid would stay": Lee's view of Reid
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    while not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "He acknowledged …, but said X had …": "said" shares "He"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        s.i != tok.i
        and s.idx < before
        and (
            s.lower_ in SPEAKING_PRONOUNS
            or s.pos_ == "PROPN"
            or (s.pos_ == "NOUN" and _is_role_noun(s.lower_, rules))
        )
        for s in subjects
    )


def _under_subjectless_participle(view: DocView, m: Mention) -> bool:
    """True when ``m`` is a subject inside the clause of a participle that has no subject.

    "Asked if Lee could return, he replied …", "Speaking after Lee had won, she said …":
    the participle's own subject is the main clause's, so the one asked or speaking is
    that subject, and the person in the clause under the participle is talked about.
    """
    doc = view.doc
    tok: Token = doc[view.token_containing(max(m.start, m.end - 1))]
    if tok.dep_ in {"compound", "flat", "appos"} and tok.head.dep_ in SUBJECT_DEPS:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    participle = clause.head
    return (
        clause.dep_ in {"advcl", "ccomp"}
        and participle.i != clause.i
        # a sentence-opening "Asked" the tagger may read as a past tense
        and participle.tag_ in {"VBN", "VBG", "VBD"}
        and participle.dep_ == "advcl"
        and not _has_subject(participle)
    )


def _named_in_full(index: MentionIndex, m: Mention) -> bool:
    """True when the article names ``m``'s person with two words or more somewhere.

    A possessor counts as the followed person only then: "Universal's music division
    provided demos" is a company's division, and a one-word name is too often a company,
    a club or a place the recogniser typed as a person.
    """
    return bool(m.entity_id) and any(
        x.entity_id == m.entity_id and len(x.surface.split()) >= 2 and index.is_person(x)
        for x in index.mentions
    )


def _under_pronoun_subject(view: DocView, m: Mention, pos: int) -> bool:
    """True when ``m`` is a subordinate subject in a sentence whose main subject is a pronoun.

    "Lee praised the film. He said that Kim Ito had been superb. "…," he added": the
    main-clause "He" carries the chain on from Lee, so Kim Ito (subject of the "that"
    clause only) is not the one speaking.
    """
    if subject_role(view, m) != 1:
        return False
    sent = view.doc[view.token_containing(m.start)].sent
    if sent.end_char > pos:
        return False  # the pronoun's own sentence: its subject is the pronoun itself
    root = sent.root
    # Only a pronoun that can stand for a person carries the chain on: in "It is also a
    # nomination for Staunton, who told …" (or a parse that ran a quotation ending "it's
    # very loud" into the next paragraph) the main subject "it" refers to nobody.
    pronouns = [
        c
        for c in root.children
        if c.dep_ in SUBJECT_DEPS and c.tag_ == "PRP" and c.lower_ in _PERSON_PRONOUNS
    ]
    # "Although Campese admitted he was surprised, he insisted …": the subject of an
    # adverbial clause before the pronoun is the one it stands for, not someone talked about.
    tok = view.doc[view.token_containing(max(m.start, m.end - 1))]
    verb = tok.head
    adverbial = verb.dep_ == "advcl" and verb.head.i == root.i
    return any(not (adverbial and m.end <= p.idx) for p in pronouns)


# Words that may join the parts of a title before a name ("head of research", "media and
# PR strategist", "Culture, Media and Sport"); any other function word ends the title.
_TITLE_LINKS = frozenset({"of", "for", "and", "&", "the"})
_TITLE_TOKENS = 12  # how far a title may run from the parse's head to the name


def _spelt_elsewhere(index: MentionIndex, name: str) -> Mention | None:
    """The one speaking entity whose mention elsewhere is spelt ``name`` exactly."""
    name = _echo_name(name)
    fits = {
        m.entity_id: m
        for m in index.mentions
        if m.entity_id
        and m.rule != ECHO
        and m.entity_type in _SPEAKING_TYPES
        and _echo_name(m.surface) == name
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _title_closing_person(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The person named at the end of a long title the parse headed at an earlier word.

    British and wire copy puts a long title before a name: "said Tory shadow local
    government secretary Ann Lee", "according to media and PR strategist Tom Reid", "BBC
    Two controller Ann Lee:". The small model heads such a phrase at a modifier (a party,
    a channel, the first noun), which is no speaker or an organisation. From the head the
    words are scanned forward within the sentence: only title and role words, modifiers,
    names of organisations and places, "of"/"for"/"and" may come between; the scan ends
    at the first person mention (or a person the recogniser typed as an organisation,
    :func:`_mistyped_people`), which must follow a common noun or a listed role word
    directly (a title ends on its role: "said the head of Barclays Ann Lee" is no such
    shape, the name there follows the bank) and close the noun phrase (no possessive or
    noun after it). Returns None when the head is already a person, or when an
    organisation, a place, a verb or punctuation ends the phrase first ("said the head of
    Barclays.").
    """
    view, index, rules = ctx.view, ctx.index, ctx.rules
    doc = view.doc
    head = doc[phrase.head]
    own = index.covering(head.idx, head.idx + len(head.text))
    if (own is not None and index.is_person(own)) or head.lower_ in rules.spokespersons:
        return None
    last = min(len(doc), head.i + 1 + _TITLE_TOKENS)
    prev = head
    role_head = _is_role_noun(head.lower_, rules)
    linked = False
    for i in range(head.i + 1, last):
        tok = doc[i]
        if ctx.inside_quote(tok.idx) or tok.is_space or tok.is_sent_start:
            return None
        m = next(
            (x for x in index.overlapping(tok.idx, tok.idx + 1) if x.start == tok.idx),
            None,
        )
        if m is not None and index.is_person(m):
            if not _ends_title(prev, rules) or not _closes_phrase(doc, view, m):
                return None
            return m
        if tok.lower_ in _TITLE_LINKS:
            if prev.lower_ in rules.spokespersons:
                return None  # "a spokesman for Prime Minister Ann Lee": her spokesman
            linked = linked or tok.lower_ in {"of", "for"}
            prev = tok
            continue
        if tok.text == "," and linked and role_head and i + 1 < last:
            # "The chairman of the Bar Council, Ann Lee QC warned": the role's own "of"
            # complement, then the holder in apposition.
            nxt = doc[i + 1]
            after = [x for x in index.overlapping(nxt.idx, nxt.idx + 1) if x.start == nxt.idx]
            if after and index.is_person(after[0]) and _closes_phrase(doc, view, after[0]):
                return after[0]
            return None
        glued = tok.text in HYPHENS and not tok.whitespace_
        if tok.is_punct and not glued:
            return None
        if glued or m is not None or index.covering(tok.idx, tok.idx + 1) is not None:
            prev = tok
            continue  # part of a hyphenated word, or of an organisation's or place's name
        if tok.tag_ in _TITLE_STOP_TAGS or tok.pos_ in _TITLE_STOP_POS:
            return None
        prev = tok
    return None


# A finite or passive verb, a preposition other than "of"/"for", a pronoun, an adverb, a
# possessive: the title has ended (a new clause, "said the head of Barclays in London").
_TITLE_STOP_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN", "WDT", "WP", "IN", "TO", "POS"})
_TITLE_STOP_POS = frozenset({"PRON", "ADV", "AUX", "PART", "SCONJ", "ADP", "CCONJ", "DET"})


def _ends_title(tok: Token, rules: QuoteRules) -> bool:
    """True when ``tok`` can be the last word of a title right before a name.

    A listed role or office word, or any common noun ("controller", "strategist"): not a
    name, a number or a function word (the name then follows something else).
    """
    low = tok.lower_
    return _is_role_noun(low, rules) or low in rules.member_nouns or tok.tag_ in {"NN", "NNS"}


def _closes_phrase(doc: Doc, view: DocView, m: Mention) -> bool:
    """True when nothing of the noun phrase follows mention ``m`` (no "'s", no noun)."""
    k = view.token_containing(m.end - 1) + 1
    if k >= len(doc):
        return True
    nxt = doc[k]
    return nxt.tag_ != "POS" and nxt.pos_ not in {"NOUN", "PROPN"}


def _is_role_noun(low: str, rules: QuoteRules) -> bool:
    """An office, occupation or anonymous role of one person ("minister", "executive")."""
    return low in rules.office_titles or low in rules.speaker_nouns or low in rules.person_nouns


def _apposed_person(
    ctx: Context, phrase: SpeakerPhrase, adjacent_only: bool = False
) -> Mention | None:
    """A person mention in apposition to a role noun, or right after it.

    With ``adjacent_only`` only the apposition and a name right after the phrase (after
    a comma at most) count, not a name a title or two further on.
    """
    view, index = ctx.view, ctx.index
    for child in view.doc[phrase.head].children:
        if child.dep_ == "appos":
            m = index.covering(child.idx, child.idx + len(child.text))
            if m is not None and index.is_person(m):
                return m
            if m is None and (missed := _unrecognised_name(ctx, child)) is not None:
                return missed
    text = view.text
    pos = phrase.end
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if pos < len(text) and text[pos] == ",":
        pos += 1
        while pos < len(text) and text[pos] == " ":
            pos += 1
    for m in index.overlapping(pos, pos + 1):
        # "The chairman of the Bar Council, Ann Lee QC warned": a person the recogniser
        # typed as an organisation (:func:`_mistyped_people`) is a person here too.
        if index.is_person(m) and m.start <= pos + 4:
            return m
    if adjacent_only:
        return None
    # "Labour MP Barry Sheerman": a title or two before the name.
    nearest = index.overlapping(pos, pos + 40)[:1]
    for m in nearest:
        gap = text[pos : m.start]
        if (
            m.entity_type == PERSON
            and len(gap.split()) <= 2
            and gap[:1].isupper()
            and "," not in gap
        ):
            return m
    return None


def _unrecognised_name(ctx: Context, tok: Token) -> Mention | None:
    """A person's name the recogniser missed, headed by ``tok``, when its words show one.

    "The Shadow Secretary for Health, Ann May, said": a name in apposition to a title
    with no mention of its own ("May" is also a month, the small model often misses it) is
    a person when it is two or three capitalised words (``tok`` and the proper nouns
    compounded onto it right before it) whose first is a given name of the birth
    statistics (``first_name_gender.tsv``) and none of which the article uses in a place's
    or an organisation's name. Returns a stand-in mention (``rule`` UNRECOGNISED): the
    speaker keeps the name, unresolved.
    """
    doc = ctx.view.doc
    if tok.pos_ != "PROPN":
        return None
    first = tok.i
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].dep_ in {"compound", "flat"}
        and doc[first - 1].head.i == tok.i
    ):
        first -= 1
    words = [t.text for t in doc[first : tok.i + 1]]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return None
    if words[0].casefold() not in load_gender_lexicon().first_names:
        return None
    if any(w in ctx.index.other_names for w in words):
        return None
    a, b = doc[first].idx, tok.idx + len(tok.text)
    return Mention("", ctx.view.text[a:b], a, b, PERSON, rule=UNRECOGNISED)


def _start_after_glued_mark(text: str, m: Mention, phrase: SpeakerPhrase) -> int:
    """Where a mention starts, or the phrase when the mention runs over a closing mark.

    ‹…,”Harper said›: the tokenizer kept the name glued to the mark, so a mention of that
    token starts inside the quotation; the speaker phrase starts after the mark.
    """
    inside = m.start < phrase.start < m.end
    glued = inside and not GLUED_CLOSING_MARKS.isdisjoint(text[m.start : phrase.start])
    return phrase.start if glued else m.start


def resolve_speaker(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Resolution:
    """Resolve a speaker phrase to an entity (or say why not).

    Args:
        ctx: the article's resolution context.
        phrase: the speaker phrase.
        recent_speakers: ``(offset, entity_id)`` of speakers already resolved, in order.

    Returns:
        The resolution.
    """
    view, index, rules = ctx.view, ctx.index, ctx.rules
    doc = view.doc
    head = doc[phrase.head]
    surface = view.text[phrase.start : phrase.end]

    def found(m: Mention, factor: float) -> Resolution:
        referent = _PRONOUN_REFERENTS.get(head.lower_) if phrase.kind == PRONOUN else None
        m = followed_namesake(
            ctx,
            spelt_in_full(index, m),
            recent_speakers,
            pronoun_gender=referent[1] if referent else None,
        )
        if m.rule == UNRECOGNISED:  # a name the recogniser missed: the name, unresolved
            a = _start_after_glued_mark(view.text, m, phrase)
            return Resolution(None, None, view.text[a : m.end], a, m.end, NOT_AN_ENTITY, factor)
        spelt = spelt_out(index, m.surface)
        if spelt is not None and spelt.entity_id != m.entity_id:
            # "DJ" in "DJ, also known as Dana Jordan": initials of a name the article gives
            # in full speak as that entity; the speaker as written stays as it is.
            return found(
                replace(m, entity_id=spelt.entity_id, entity_type=spelt.entity_type), factor
            )
        if phrase.kind == PRONOUN or not (m.start < phrase.end and m.end > phrase.start):
            return Resolution(
                m.entity_id, m.entity_type, surface, phrase.start, phrase.end, None, factor
            )
        # The mention may be wider than the parse's phrase ("Yoon Suk Yeol"): keep both.
        a = min(_start_after_glued_mark(view.text, m, phrase), phrase.start)
        b = max(m.end, phrase.end)
        return Resolution(m.entity_id, m.entity_type, view.text[a:b], a, b, None, factor)

    def unresolved(reason: str) -> Resolution:
        return Resolution(None, None, surface, phrase.start, phrase.end, reason, 1.0)

    if phrase.kind == PRONOUN:
        referent = _PRONOUN_REFERENTS.get(head.lower_)
        if referent is not None:
            want, gender = referent
            ante = _antecedent(ctx, head.idx, want, gender, recent_speakers)
            if want == PERSON:
                role = _role_subject(ctx, head.idx, gender, ante)
                if role is not None:
                    # "A ministry spokeswoman said … “…,” she said": she is the
                    # spokeswoman, who speaks for her organisation (or stays nominal).
                    res = resolve_speaker(ctx, speaker_phrase(doc, role, rules), recent_speakers)
                    if res.entity_id is None:
                        return res
                    return Resolution(
                        res.entity_id, res.entity_type, surface, phrase.start, phrase.end, None, 0.8
                    )
            if head.lower_ == "it":
                unnamed = _unnamed_org_since(ctx, head.idx, ante)
                if unnamed is not None:
                    return found(unnamed, 0.7)
            if ante is not None:
                return found(ante, 0.85)
        return unresolved(PRONOUN_UNRESOLVED)

    head_end = head.idx + len(head.text)
    titled = _title_closing_person(ctx, phrase)
    if titled is not None:
        # "said Tory shadow local government secretary Ann Lee", "BBC Two controller Tom
        # Reid:": the parse headed a long title at a modifier; the person it ends on speaks.
        res = found(titled, 0.9)
        a, b = min(phrase.start, titled.start), max(phrase.end, titled.end)
        return replace(res, surface=view.text[a:b], start=a, end=b)
    described = _modified_role(ctx, phrase, recent_speakers)
    if described is not None:
        return found(described, 0.7)
    described = _ex_description(ctx, phrase, recent_speakers)
    if described is not None:
        return found(described, 0.7)
    body = _collective_body(ctx, phrase)
    if body is not None:
        return found(body, 0.7)
    m = index.covering(head.idx, head_end)
    if m is not None and m.entity_type != PERSON and _one_person_description(view, phrase, m):
        # "The 55-year-old Frenchman told": the recogniser made the description's head a
        # name of its own; an age or a nationality noun describes the person referred back to.
        described = _described_person(ctx, phrase) or _followed_person(ctx, phrase, recent_speakers)
        if described is not None:
            return found(described, 0.7)
    if m is not None:
        return found(m, 1.0)
    if phrase.kind == NAMED:
        # Only a mention that ends on the head names the speaker: in "an Iowa
        # Democrat" or "a New York lawyer" the place is a modifier, not the speaker.
        near = [m for m in index.overlapping(phrase.start, phrase.end) if m.end == head_end]
        if near:
            return found(near[0], 0.95)
        if head.ent_type_ == "NORP" or _modified_member(view, phrase, rules):
            # "said the American": a nationality standing for one person is a description;
            # so is "the Conservative MP" (the tagger takes the title for a name).
            followed = _followed_person(ctx, phrase, recent_speakers)
            if followed is not None:
                return found(followed, 0.7)
        echo = _spelt_elsewhere(index, surface)
        if echo is not None:
            # "said ACME." where the recogniser found "ACME" only in the headline: the
            # article's own mention spelt so is the speaker (its initials then reach the
            # full name, as for any mention).
            return found(echo, 0.9)
        if _is_role_noun(head.lower_, rules):
            # "The Transport Minister, Ann Lee, said", "ABC Chief Executive,
            # Tom Reid, said": a capitalised title the tagger took for a name, with
            # the person named in apposition.
            named = _apposed_person(ctx, phrase, adjacent_only=True)
            if named is not None:
                return found(named, 0.95)
        return unresolved(NOT_AN_ENTITY)
    if head.lower_ in rules.channel_nouns:
        author = (
            _channel_author(ctx, phrase, recent_speakers)
            or _named_org_modifier(ctx, head)
            or _channel_owner(ctx, head, recent_speakers)
        )
        if author is not None:
            return found(author, 0.85)
        earlier = _earlier_channel_author(
            ctx, phrase, recent_speakers
        ) or _unintroduced_channel_author(ctx, phrase, recent_speakers)
        if earlier is not None:
            return found(earlier, 0.7)
        return unresolved(CHANNEL_UNRESOLVED)
    # "Deputy leader of the Assembly Tom Reid": a role whose object runs on into the
    # name; the person who ends the phrase speaks, not the body in the "of" phrase.
    closing = [
        m
        for m in index.overlapping(head_end, phrase.end)
        if index.is_person(m) and m.start >= head_end and m.end == phrase.end
    ]
    if closing and phrase.role_object is not None:
        return found(closing[0], 0.95)
    # Nominal with the name beside it: "managing director Tim Osborne", "its
    # chairman, Sir Anthony Greener": the person named is the speaker.
    named = _apposed_person(ctx, phrase)
    if named is not None:
        return found(named, 0.95)
    # "A BBC spokeswoman said", "the WSIS spokesman said": the body named before the noun.
    if head.lower_ in rules.spokespersons:
        principal = (
            _named_org_modifier(ctx, head)
            or _org_name_before(ctx, head)
            or _possessor(ctx, head, recent_speakers)
            or _party_of_modifier(ctx, head)
        )
        if principal is not None:
            return found(principal, 0.85)
    # Nominal: "a spokesperson for the ministry" speaks for the ministry.
    if phrase.role_object is not None:
        a, b = phrase.role_object
        obj = index.overlapping(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
        orgs = [x for x in obj if x.entity_type == ORG]
        if orgs and head.lower_ in rules.speaker_nouns:
            return found(orgs[0], 0.85)
        if not obj and head.lower_ in rules.spokespersons:
            # "a spokesman for the company": whom "the company" stands for
            noun = next((doc[i] for i in range(a, b) if doc[i].dep_ == "pobj"), None)
            principal = _described_org(ctx, noun, recent_speakers) if noun is not None else None
            if principal is not None:
                return found(principal, 0.8)
    # "the ministry said": the latest organisation whose name holds the same noun;
    # "a ministry spokeswoman said": the same for the noun she speaks for.
    org_noun = None
    if head.lower_ in rules.org_nouns and any(c.lower_ == "the" for c in head.lefts):
        org_noun = head.lower_
    elif head.lower_ in rules.speaker_nouns:
        org_noun = next(
            (
                c.lower_
                for c in head.lefts
                if c.dep_ in {"compound", "amod"} and c.lower_ in rules.org_nouns
            ),
            None,
        )
    if org_noun is not None:
        org = _org_for_noun(
            ctx,
            org_noun,
            phrase.start,
            recent_speakers,
            unrecognised=True,
            follow=_bare_org_description(head, rules),
        )
        if org is not None and org.span is not None:
            a, b = org.span
            return Resolution(None, None, view.text[a:b], a, b, NOT_AN_ENTITY, 0.8)
        if org is not None and org.mention is not None:
            return found(org.mention, 0.7 if org.followed else 0.8)
    spokesperson_of = _spoken_for(ctx, phrase, recent_speakers)
    if spokesperson_of is not None:
        return found(spokesperson_of, 0.7)
    introduced = _earlier_spokesperson(ctx, phrase, recent_speakers)
    if introduced is not None:
        return Resolution(
            introduced.entity_id,
            introduced.entity_type,
            surface,
            phrase.start,
            phrase.end,
            None,
            0.7,
        )
    described = (
        _described_person(ctx, phrase)
        or _outlet_staff(ctx, phrase)
        or _introduced_by_noun(ctx, phrase)
    )
    if described is not None:
        return found(described, 0.8)
    followed = _followed_person(ctx, phrase, recent_speakers)
    if followed is not None:
        return found(followed, 0.7)
    # The one person the article gives the title by name outranks the continuity guess
    # of _office_holder, which may pick the last speaker holding no such title.
    sole = _sole_title_holder(ctx, phrase)
    if sole is not None:
        return found(sole, 0.7)
    holder = _office_holder(ctx, phrase, recent_speakers)
    if holder is not None:
        return found(holder, 0.6)
    relative = _named_relative(ctx, phrase)
    if relative is not None:
        return found(relative, 0.8)
    return unresolved(NOMINAL_UNRESOLVED)


def _name_parts(surface: str) -> tuple[list[str], tuple[str, ...]]:
    """A person mention's name words without its possessive and titles, and the titles."""
    name, titles = split_titles(strip_possessive(surface))
    return name.split(), titles


def spelt_in_full(index: MentionIndex, m: Mention) -> Mention:
    """The person an article names in full, for a surname it spells differently once.

    "Brian Hassell says …" then "Hassall made it clear …": a person entity the article
    never gives a first name, whose one name (five letters or more) is one edit from
    the surname of exactly one person named in full before it (a letter changed, added,
    dropped or two swapped: "Kudja" for "Kujda", "Barrioneuvo" for "Barrionuevo"), is
    that person. The entity resolver keeps such spellings apart, rightly for names
    without context; beside a full name in one article they are a typo.
    """
    if m.rule == UNRECOGNISED or not index.is_person(m):
        return m
    words = _name_parts(m.surface)[0]
    if len(words) != 1 or len(words[0]) < 5:
        return m
    short = words[0].lower()
    if any(
        len(_name_parts(x.surface)[0]) > 1 for x in index.mentions if x.entity_id == m.entity_id
    ):
        return m
    named: dict[str, Mention] = {}
    for x in index.before(m.start):
        if x.entity_id == m.entity_id or not index.is_person(x):
            continue
        full = _name_parts(x.surface)[0]
        if len(full) < 2:
            continue
        last = full[-1].lower()
        if last != short and last[0] == short[0] and _one_edit(last, short):
            named.setdefault(x.entity_id, x)
    return next(iter(named.values())) if len(named) == 1 else m


def followed_namesake(
    ctx: Context,
    m: Mention,
    recent_speakers: Sequence[tuple[int, str]],
    pronoun_gender: str | None = None,
) -> Mention:
    """The person a bare surname names when two people of the article share it.

    The entity resolver gives a lone surname to the namesake named most recently, as a
    reader of a name list would; but in "Hillary Clinton … her husband, former President
    Bill Clinton … “…,” Clinton said" the speaker is the person the article follows. As
    a speaker, the surname is, in this order: the namesake of the gender the text gives
    (a pronoun that led to it, "she"; a title before it, "Mrs. Clinton", "Mr. Clinton");
    the resolver's choice when a namesake was named in full in this sentence or the one
    before ("Hillary Clinton rebuffed a heckler. “…,” Clinton told her"); the namesake
    the article has named more often so far by more than the shared surname (a full name,
    a first name); on a tie, the namesake it quoted last. Names inside quotations do not
    count (a speaker naming someone is not the article naming them). Otherwise the
    resolver's choice stands. The speaker as written is unchanged.
    """
    index, view = ctx.index, ctx.view
    if not index.is_person(m):
        return m
    words, titles = _name_parts(m.surface)
    if len(words) != 1:
        return m
    surname = fold_apostrophes(words[0]).casefold()
    namesakes: set[str] = set()
    for x in index.mentions:
        full = _name_parts(x.surface)[0]
        same = len(full) >= 2 and fold_apostrophes(full[-1]).casefold() == surname
        if same and index.is_person(x):
            namesakes.add(x.entity_id)
    if len(namesakes) < 2 or m.entity_id not in namesakes:
        return m
    text = view.text
    genders = _namesake_genders(index, text, namesakes)
    said = {pronoun_gender} if pronoun_gender else _titled_gender(text, m, titles)
    if said:
        # The text says which gender: that namesake, or (none or both of it) no change.
        fits = [eid for eid in namesakes if genders.get(eid) == said]
        chosen = fits[0] if len(fits) == 1 else None
    else:
        named_before = [
            x
            for x in index.before(m.start)
            if x.entity_id in namesakes
            and _names_more(x, surname)
            and not ctx.inside_quote(x.start)
        ]
        here = view.sentence_start(m.start)
        last = len(text[:here].rstrip()) - 1  # the previous sentence's last character
        previous = view.sentence_start(last) if last >= 0 else here
        if any(x.start >= previous for x in named_before):
            return m
        ranked = Counter(x.entity_id for x in named_before).most_common(2)
        chosen = None
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            chosen = ranked[0][0]
        else:
            quoted = [eid for at, eid in recent_speakers if at < m.start and eid in namesakes]
            chosen = quoted[-1] if quoted else None
    if chosen is None or chosen == m.entity_id:
        return m
    return replace(m, entity_id=chosen, entity_type=index.types.get(chosen, m.entity_type))


def _names_more(x: Mention, surname: str) -> bool:
    """Whether a mention names its person by more than the shared surname alone."""
    words = _name_parts(x.surface)[0]
    return [fold_apostrophes(w).casefold() for w in words] != [surname]


def _word_before(text: str, x: Mention) -> str:
    found = _WORD_BEFORE_RE.search(text[max(0, x.start - 30) : x.start])
    return found.group(1).casefold().rstrip(".") if found else ""


def _titled_gender(text: str, m: Mention, titles: Sequence[str]) -> set[str]:
    """The gender a title in or before ``m`` gives ("Mrs.", "Mr."): one value, or none."""
    lexicon = load_gender_lexicon()
    words = (*titles, _word_before(text, m))
    said = {g for w in words if (g := lexicon.words.get(w.rstrip(".")))}
    return said if len(said) == 1 else set()


def _namesake_genders(index: MentionIndex, text: str, namesakes: set[str]) -> dict[str, set[str]]:
    """Each namesake's gender from where the article names them in full.

    A title before the full name or the given name; not ``index.gender``, which also reads
    the bare surnames the resolver gave to the wrong namesake ("Mrs. Clinton" given to him).
    """
    lexicon = load_gender_lexicon()
    evidence: dict[str, set[str]] = {}
    for x in index.mentions:
        words, own_titles = _name_parts(x.surface)
        if x.entity_id not in namesakes or len(words) < 2:
            continue
        clues = [lexicon.words.get(w) for w in (*own_titles, _word_before(text, x))]
        clues.append(lexicon.first_names.get(words[0].casefold().rstrip(".")))
        evidence.setdefault(x.entity_id, set()).update(g for g in clues if g)
    return evidence


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit.

    A substitution, an insertion, a deletion or a swap of two neighbouring letters.
    """
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1 :]


def _bare_org_description(head: Token, rules: QuoteRules) -> bool:
    """True for "the company" or "the production company", a bare organisation noun.

    "The" or "this" and at most common-noun compounds: not "the Clinton campaign" (named),
    "the editorial board" (a part of something), nor a noun that is also one person ("the
    executive").
    """
    low = head.lower_
    if low not in rules.org_nouns or low in rules.person_nouns or head.tag_ != "NN":
        return False
    dets = [c for c in head.lefts if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ not in {"the", "this"}:
        return False
    return all(c.dep_ == "det" or (c.dep_ == "compound" and c.pos_ == "NOUN") for c in head.lefts)


_INDEFINITE = frozenset({"a", "an", "one"})


def _spoken_for(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The organisation a spokesperson named by no organisation speaks for.

    "The ministry refused to comment. “…,” a spokeswoman said.": "a spokeswoman" with no
    organisation of her own ("for X", "a ministry spokeswoman", "X's spokeswoman") speaks for
    the organisation the same paragraph is about (its clause subject or last speaker).
    """
    view = ctx.view
    head = view.doc[phrase.head]
    if head.lower_ not in ctx.rules.spokespersons or phrase.role_object is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
        return None  # "his spokesman", "the spokesman", "the ministry's spokesman"
    if any(c.dep_ in {"compound", "amod", "poss", "nmod"} for c in head.children):
        return None
    ante = _antecedent(ctx, phrase.start, ORG, None, recent_speakers, False)
    line = view.line_of(phrase.start)
    if ante is not None and ante.start >= view.line_bounds(line)[0]:
        return ante
    # "The ministry would not comment on the report. ⏎ A spokeswoman said: “…”": the
    # paragraph just before may name the body, as the main-clause subject of its last
    # sentence, when the spokesperson's own paragraph names no organisation before her.
    prev = line - 1
    while prev >= 0 and not view.text[slice(*view.line_bounds(prev))].strip():
        prev -= 1
    if prev < 0:
        return None
    here = view.line_bounds(line)[0]
    if any(ctx.index.is_org(m) for m in ctx.index.overlapping(here, phrase.start)):
        return None
    a, b = view.line_bounds(prev)
    last = view.sentence_start(len(view.text[:b].rstrip()) - 1)
    if (
        ante is not None
        and view.line_of(ante.start) == prev
        and ante.start >= last
        and subject_role(view, ante) == 2
    ):
        return ante
    # "One of the bidders, Acme, said it welcomed the news. ⏎ “…,” a spokesman told …":
    # a paragraph before that names one organisation only (however often, in whatever
    # role), in its last sentence too, is about it; with two or more, or when its last
    # sentence has moved on to something else, the spokesperson's body stays unknown.
    orgs = [m for m in ctx.index.overlapping(a, b) if m.start >= a and ctx.index.is_org(m)]
    if (
        orgs
        and len({m.entity_id for m in orgs}) == 1
        and orgs[-1].entity_id
        and orgs[-1].start >= last
    ):
        return orgs[-1]
    return None


def _earlier_spokesperson(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Resolution | None:
    """Whom "the spokeswoman" speaks for, from where the article introduced her.

    "A spokeswoman for the Rail Regulator said it was looking into it. … “…,” said the
    spokeswoman": a definite spokesperson noun with no body of its own ("for X", "X's",
    a modifier) is the spokesperson the window introduced last with the same noun, and
    speaks for whom that one does. Only an introduction that resolves to an entity counts;
    the speaker as written stays "the spokeswoman".
    """
    view = ctx.view
    doc = view.doc
    head = doc[phrase.head]
    low = head.lower_
    if low not in ctx.rules.spokespersons or phrase.role_object is not None:
        return None
    if [c.lower_ for c in head.lefts] != ["the"]:
        return None
    lo = view.window_start(phrase.start, _SUBJECT_WINDOW_LINES)
    for i in reversed(view.tokens_between(lo, phrase.start)):
        tok = doc[i]
        if tok.lower_ != low or ctx.inside_quote(tok.idx):
            continue
        earlier = speaker_phrase(doc, i, ctx.rules)
        if earlier.start >= phrase.start:
            continue
        res = resolve_speaker(ctx, earlier, recent_speakers)
        return res if res.entity_id is not None else None
    return None


def _followed_person(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The person the article is following, for a description never given beside a name.

    "Campbell agreed it capped a hard year. “…,” said the Newport-based athlete": news
    refers back to the person of the last sentences with a fresh description ("the
    56-year-old", "the singer and guitarist"). Such a definite, singular description is
    resolved as "he"/"she" would be (the latest person who is a subject or the last
    speaker, within the pronoun window; a gendered noun such as "actress" must agree).
    The speaker as written stays the description (``speaker_surface``); only the entity
    is the person. A description with nobody fitting nearby stays nominal.
    """
    view, rules = ctx.view, ctx.rules
    head = view.doc[phrase.head]
    word_start = _definite_description(view, phrase, rules, occupations=True)
    member = word_start is None and _modified_member(view, phrase, rules)
    if member:
        word_start = head.idx
    if word_start is None or head.tag_ in {"NNS", "NNPS"}:
        return None
    low = head.lower_
    is_age = _age_of(view, word_start, head) is not None
    # "the American", "the Swiss", "the Frenchman"
    nationality = head.ent_type_ == "NORP" or _demonym_noun(head.text) is not None
    if not (is_age or nationality or member) and not any(
        low.endswith(n) for n in rules.person_nouns
    ):
        return None  # "the crowd", "the ad", "the suit": not one person
    if any(c.dep_ in {"relcl", "acl", "appos"} for c in head.rights):
        return None  # "the boy, who wore a red cap," introduces someone new
    return _followed_antecedent(ctx, phrase, low, word_start, recent_speakers)


def _followed_antecedent(
    ctx: Context,
    phrase: SpeakerPhrase,
    low: str,
    word_start: int,
    recent_speakers: Sequence[tuple[int, str]],
) -> Mention | None:
    """The person a definite description with head noun ``low`` refers back to, or None.

    Resolved as "he"/"she" would be (a gendered noun must agree), within the pronoun
    window, never to a name the recogniser missed, and not when the article introduced
    someone else with the same noun since ("A heckler shouted at Lee. … the heckler").
    """
    view = ctx.view
    text = view.text
    gender = load_gender_lexicon().words.get(low) or _demonym_noun(low) or None
    ante = _antecedent(ctx, phrase.start, PERSON, gender, recent_speakers, False)
    mistyped = _mistyped_last_speaker(ctx, phrase.start, recent_speakers)
    if mistyped is not None and (ante is None or ante.start < mistyped.start):
        ante = mistyped
    if ante is None or ante.rule == UNRECOGNISED:
        # A name the recogniser missed has no entity to hold it: keep the description
        # as written rather than replace it with the bare name.
        return None
    window_start = view.window_start(phrase.start, _SUBJECT_WINDOW_LINES)
    if ante.start < window_start:
        return None
    # "A heckler shouted at Lee. … the heckler said": a person the article introduced
    # with the same noun but no name since the antecedent is someone else.
    indefinite = re.compile(
        rf"\b(?:a|an|one|another)\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(low)}\b", re.IGNORECASE
    )
    if indefinite.search(text, ante.start, word_start):
        return None
    return ante


def _mistyped_last_speaker(
    ctx: Context, pos: int, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The last speaker, named like a person but typed a place or an organisation.

    "“…,” said Reid. ⏎ The central defender added: “…”": a description of one person
    (a role, an age) cannot stand for an organisation or a place, so when the small
    model typed the person just quoted otherwise ("Reid" as a town), the description
    still refers back to them. Only the last speaker within the pronoun window, by a
    mention of one to three name words with no organisation word, never an entity the
    resolver found in the gazetteer or the place index: a body quoted last ("said
    Acme Holdings") is no person.
    """
    if not recent_speakers:
        return None
    view, index, rules = ctx.view, ctx.index, ctx.rules
    at, eid = recent_speakers[-1]
    if at < view.window_start(pos, _SUBJECT_WINDOW_LINES):
        return None
    last = next((m for m in index.before(pos) if m.entity_id == eid), None)
    if last is None or index.is_person(last) or last.entity_id in index.org_like:
        return None
    if any(m.entity_id == eid and m.rule.startswith(_KNOWN_RULE_PREFIXES) for m in index.mentions):
        return None
    words = strip_possessive(fold_apostrophes(last.surface)).split()
    if not 1 <= len(words) <= 3 or not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    if any(
        w.casefold() in rules.org_nouns or w.casefold() in rules.org_name_endings for w in words
    ):
        return None
    return last


# "the prime minister", "the Russian president": "the" and at most two modifiers (an
# adjective or a nationality, lower case or capitalised) before an office title.
_OFFICE_DESCRIPTION_RE = re.compile(r"^(?:[Tt]he|[Tt]his)\s+(?:[\w'’-]+\s+){0,2}?([a-z-]+)$")


def _office_holder(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The person an office title refers back to when the story has not left them.

    "Mr Lee warned of a crisis. “…,” the prime minister said": news names the office
    holder, then refers back with the office alone. A nation's office is as often held by
    the other person of the story as by the one followed ("Lee said the president had
    lied. “…,” the president said"), so only unbroken continuity counts: the person a
    pronoun would take (:func:`_followed_antecedent`) must be the last speaker and the
    nearest person named outside quotations, the title word must not occur between
    that mention and the description (someone else holding it), and the article must not
    give the title by name to anyone else (:func:`_title_holders`). The speaker as written
    stays the description.
    """
    view = ctx.view
    head = view.doc[phrase.head]
    low = head.lower_
    if low not in ctx.rules.office_titles or head.tag_ != "NN" or phrase.role_object is not None:
        return None
    match = _OFFICE_DESCRIPTION_RE.match(view.text[phrase.start : phrase.end])
    if match is None or match.group(1) != low:
        return None
    if any(c.dep_ in {"relcl", "acl", "appos"} for c in head.rights):
        return None
    recent = [eid for at, eid in recent_speakers if at < phrase.start][-1:]
    word_start = head.idx
    ante = _followed_antecedent(ctx, phrase, low, word_start, recent_speakers)
    if ante is None or ante.entity_id not in recent:
        return None
    nearest = next(_unquoted_before(ctx, phrase.start, PERSON), None)
    if nearest is None or nearest.entity_id != ante.entity_id:
        return None
    between = view.text[ante.end : phrase.start]
    if re.search(rf"\b{re.escape(low)}\b", between, re.IGNORECASE):
        return None
    holders = _title_holders(ctx, low)
    if holders and ante.entity_id not in holders:
        # "Florida Sen. Ann Lee … “…?” the host asked. “…,” the senator said": the
        # article gives the title to someone else by name (before or after: a feature
        # may name the judge only later); in an exchange the office is not the one who
        # spoke last.
        return None
    return ante


# Abbreviated forms of office titles written before a name ("Sen. Ann Lee"): general
# English news usage (office_titles.txt lists the abbreviations without their titles).
_TITLE_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "senator": frozenset({"sen"}),
    "governor": frozenset({"gov"}),
    "representative": frozenset({"rep"}),
    "president": frozenset({"pres"}),
}
# One or two capitalised words right before a name, whitespace only between them.
_TITLE_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z][\w'’-]*\.?)(?:\s+([A-Z][\w'’-]*\.?))?\s+$")


def _title_holders(ctx: Context, low: str) -> frozenset[str]:
    """Person entities the article names with the title ``low``.

    A title written right before a name ("President Ann Lee", "Florida Sen. Tom Reid",
    "Prime Minister Ann Lee"), outside quotations: the capitalised words just before the
    mention or the titles its own span holds, the title (or its abbreviation) among the
    last two.
    """
    known = ctx.title_holders.get(low)
    if known is not None:
        return known
    forms = {low} | _TITLE_ABBREVIATIONS.get(low, frozenset())
    text = ctx.view.text
    holders: set[str] = set()
    for m in ctx.index.mentions:
        if not m.entity_id or not ctx.index.is_person(m) or ctx.inside_quote(m.start):
            continue
        own = split_titles(strip_possessive(m.surface))[1]
        if any(t.split()[-1] in forms for t in own):
            holders.add(m.entity_id)
            continue
        before = _TITLE_BEFORE_RE.search(text, max(0, m.start - 40), m.start)
        if before is not None and any(
            w is not None and w.rstrip(".").lower() in forms for w in before.groups()
        ):
            holders.add(m.entity_id)
    ctx.title_holders[low] = found = frozenset(holders)
    return found


# "the Warriors chief", "the New Jersey governor", "the Sale full-back": a definite
# description whose capitalised modifier (a place, a nationality, a club, a party) says
# which holder of a role the article means.
_MODIFIED_ROLE_RE = re.compile(
    r"(?:[Tt]he|[Tt]his)\s+(?:[A-Z][\w'’.&-]*\s+){1,3}([a-z][a-z'’-]*)\b"
)


def _modified_role(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The person a capitalised-modifier description of a role refers back to.

    "Lindsay said … “…,” said the Warriors chief", "Wallace said … “…,” added the British
    producer": news names the person, then refers back with a role and the place,
    nation or club that says which holder. The parse often takes the modifier for the
    speaker ("the Sale" of "the Sale full-back"), so the description is read from the
    text: "the"/"this", one to three capitalised words, a role noun (an office, an
    occupation or a member noun; not an anonymous role such as "spokesman") that ends
    at or after the parse's head; not an office with a nationality ("the Mexican
    president"). The speaker as written stays the description.
    """
    view, rules = ctx.view, ctx.rules
    head = view.doc[phrase.head]
    start = phrase.start
    if view.text[max(0, start - 4) : start] in {"the ", "The "}:
        start -= 4  # the parse left the article out of a phrase headed by the modifier
    match = _MODIFIED_ROLE_RE.match(view.text, start)
    if match is None or match.end(1) < head.idx + len(head.text):
        return None
    low = match.group(1)
    if low in rules.speaker_nouns or low in rules.spokespersons:
        return None
    is_role = (
        low in rules.office_titles
        or low in rules.member_nouns
        or any(low.endswith(n) for n in rules.person_nouns)
    )
    if not is_role:
        return None
    if low in rules.office_titles and low not in rules.person_nouns:
        # "the Mexican president", "the American ambassador": a nation's office is as
        # often held by the other person of the story as by the one followed.
        doc = view.doc
        if any(doc[i].ent_type_ == "NORP" for i in view.tokens_between(start, match.start(1))):
            return None
    return _followed_antecedent(ctx, phrase, low, match.start(1), recent_speakers)


# "the ex-Springbok", "the ex-England captain": the tokenizer splits "ex-" off the word it
# prefixes, and the parse may head the subject at "ex" or at the hyphen.
_EX_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Tt]his)\s+ex-([A-Za-z][\w'’]*)\b")


def _ex_description(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The person a "the ex-<word>" description refers back to when the parse broke it.

    "Campo criticised the coach. … the ex-Springbok said: “…”": "ex-" marks a former
    member or holder of something, always one person, but the parse heads such a subject at
    "ex" or "-", so no noun rule sees it. When the phrase is headed there and the word after
    the hyphen is capitalised (a team, a party, a nation: one of its former members) or a
    noun for one person (a title, occupation or role), the description is resolved as
    "he"/"she" would be (:func:`_followed_antecedent`); the speaker as written stays.
    """
    view, rules = ctx.view, ctx.rules
    head = view.doc[phrase.head]
    if head.lower_ not in {"ex", "-", "ex-"}:
        return None
    start = phrase.start
    if view.text[max(0, start - 4) : start] in {"the ", "The "}:
        start -= 4
    match = _EX_DESCRIPTION_RE.match(view.text, start)
    if match is None or match.start(1) < head.idx:
        return None
    word = match.group(1)
    low = word.lower()
    if not (
        word[:1].isupper()
        or low in rules.office_titles
        or low in rules.occupations
        or low in rules.member_nouns
        or any(low.endswith(n) for n in rules.person_nouns)
    ):
        return None
    return _followed_antecedent(ctx, phrase, low, match.start(1), recent_speakers)


_ORG_NAME_MODIFIER_POS = frozenset({"PROPN", "ADJ"})
_MEMBER_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _modified_member(view: DocView, phrase: SpeakerPhrase, rules: QuoteRules) -> bool:
    """True for "the Conservative MP", "the Waterford man".

    A definite description whose head names one of many people (``member_nouns.txt``)
    and whose capitalised modifier says which one. A bare "the MP" or "the man" stays
    nominal: it may be anyone.
    """
    head = view.doc[phrase.head]
    if head.lower_ not in rules.member_nouns:
        return False
    lefts = list(head.lefts)
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in lefts):
        return False
    return any(
        c.dep_ in _MEMBER_MODIFIER_DEPS and c.text[:1].isupper() and c.idx >= phrase.start
        for c in lefts
    )


_COLLECTIVE_DETS = frozenset({"the", "these"})
_LAST_WORD_RE = re.compile(r"[^\W\d_]+")


def _collective_body(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The body that a definite plural of its members speaks for: "the MPs said".

    Once an article has named a body ("The Home Affairs Committee reported ..."), news
    gives its findings with the members as the subject ("the MPs said"); the speaker is the
    body. The plural noun says which bodies fit (``collective_speakers.tsv``: MPs sit on a
    committee, judges on a court): the latest organisation named before the phrase, outside
    quotations, whose name ends in one of them. Only the bare plural with "the"/"these": a
    modified one ("the Labour MPs", "three MPs") names members of something else, and
    with no fitting body named the phrase stays as written.
    """
    doc, index = ctx.view.doc, ctx.index
    head = doc[phrase.head]
    bodies = ctx.rules.bodies_of(head.lower_)
    if not bodies:
        return None
    lefts = list(head.lefts)
    if len(lefts) != 1 or lefts[0].dep_ != "det" or lefts[0].lower_ not in _COLLECTIVE_DETS:
        return None
    for cand in index.before(phrase.start):
        if not index.is_org(cand) or ctx.inside_quote(cand.start):
            continue
        words = _LAST_WORD_RE.findall(strip_possessive(fold_apostrophes(cand.surface)).lower())
        if words and words[-1] in bodies:
            return cand
    return None


def _unrecognised_org_name(ctx: Context, noun: str, pos: int) -> tuple[int, int] | None:
    """The latest capitalised name ending in ``noun`` before ``pos`` ("the Scottish Executive").

    "An executive spokeswoman said" speaks for the organisation the article named with
    that noun, even when the entity recogniser missed the name. Only a name of at least two
    capitalised words (a proper-noun or adjective modifier, then the noun itself) outside
    quotations counts; its span is returned so the speaker keeps the name, unresolved.
    """
    view = ctx.view
    doc = view.doc
    for i in reversed(view.tokens_between(0, pos)):
        tok = doc[i]
        if tok.lower_ != noun or not tok.text[:1].isupper():
            continue
        if ctx.inside_quote(tok.idx):
            continue
        first = i
        while (
            first > 0
            and doc[first - 1].pos_ in _ORG_NAME_MODIFIER_POS
            and doc[first - 1].text[:1].isupper()
            and not doc[first - 1].is_sent_start
        ):
            first -= 1
        if first < i:
            return doc[first].idx, tok.idx + len(tok.text)
    return None


_AGE_BEFORE_RE = re.compile(r"\b(\d{1,3})-year-old\s+$", re.IGNORECASE)
# Nationality words that are collective adjectives, never one person: "the French", "the
# Chinese", "the Irish", "the Swiss" (a singular noun says "Frenchman", "Swiss man").
_COLLECTIVE_DEMONYM_RE = re.compile(r"(?:ese|ish|ch|sh|ss)$")


def _age_of(view: DocView, word_start: int, head: Token) -> str | None:
    """The age a description gives: "the 63-year-old", "the 55-year-old Frenchman"."""
    text = view.text
    head_end = head.idx + len(head.text)
    own = _AGE_RE.match(text[word_start:head_end])
    if own is not None:
        return own.group(1)
    before = _AGE_BEFORE_RE.search(text[max(0, word_start - 20) : word_start])
    return before.group(1) if before is not None else None


def _demonym_noun(word: str) -> str | None:
    """The gender ("m", "f", "" for none) of a noun for one person of a nation, else None.

    "Frenchman", "Welshwoman" (a nationality word and "man"/"woman": the gender), or a
    singular nationality noun ("Australian", "Kenyan"; "" for no gender), from the
    nationality words of ``descriptors.txt``. Collective adjectives ("French",
    "Chinese") name a people, and "German" is no "Ger" + "man".
    """
    low = word.lower()
    demonyms = name_rules().demonyms
    for suffix, gender in (("woman", "f"), ("man", "m")):
        if low.endswith(suffix) and low[: -len(suffix)] in demonyms:
            return gender
    if low in demonyms and not _COLLECTIVE_DEMONYM_RE.search(low):
        return ""
    return None


def _one_person_description(view: DocView, phrase: SpeakerPhrase, m: Mention) -> bool:
    """True for "the 55-year-old Frenchman", "the Brazilian": one person, not a name.

    The recogniser may take such a head for an organisation or a group; a definite
    description with an age, or headed by a singular nationality noun, still describes
    one person. A mention that holds the determiner is a name ("The Australian", a
    newspaper).
    """
    head = view.doc[phrase.head]
    if head.tag_ in {"NNS", "NNPS"} or m.start < head.idx:
        return False
    word_start = head.idx
    text = view.text
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "-"):
        word_start -= 1
    if _DEFINITE_BEFORE_RE.search(text[max(0, word_start - 60) : word_start]) is None:
        return False
    return _age_of(view, word_start, head) is not None or _demonym_noun(head.text) is not None


# "the", "this" and up to three modifiers, a comma between two adjectives included ("the
# lanky, bespectacled striker").
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|this)\s+(?:[\w'’-]+,?\s+){0,3}$", re.IGNORECASE)
_AGE_RE = re.compile(r"^(\d{1,3})-year-old$", re.IGNORECASE)
_DESCRIBED_LOOKBACK = 8  # earlier person mentions tried, nearest first


def _definite_description(
    view: DocView, phrase: SpeakerPhrase, rules: QuoteRules, occupations: bool = False
) -> int | None:
    """Start of the head word when the phrase is a definite description of a person.

    "the 41-year-old", "this veteran geologist": not an office title ("the senator"), an
    anonymous role ("the spokesman"), an organisation, a channel or an abstract noun.
    With ``occupations``, a title that is also an occupation or role of one person
    (``person_nouns.txt``: "the singer", "the striker") counts as a description.
    """
    head = view.doc[phrase.head]
    low = head.lower_
    if (
        low in rules.speaker_nouns
        or low in rules.org_nouns
        or low in rules.channel_nouns
        or (low in rules.office_titles and not (occupations and low in rules.person_nouns))
        or low in rules.non_speakers
    ):
        return None
    text = view.text
    word_start = head.idx  # "63-year-old" is several tokens
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "-"):
        word_start -= 1
    if _DEFINITE_BEFORE_RE.search(text[max(0, word_start - 60) : word_start]) is None:
        return None
    return word_start


def _described_person(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The person a definite description points back to ("the 41-year-old", "the geologist").

    News introduces a person with a name and a description ("Ann Lee, 41, a geologist from
    Leeds"; "geologist Ann Lee"; "Ann Lee is a geologist") and later refers back with the
    description alone. Only a description given right beside an earlier mention counts (an
    age after the name, the noun before it, in apposition or after "is a"): a noun merely
    in the same sentence says nothing. Office titles ("the senator"), anonymous roles ("the
    spokesman"), organisations and channels never resolve this way.
    """
    view = ctx.view
    doc = view.doc
    head = doc[phrase.head]
    low = head.lower_
    text = view.text
    word_start = _definite_description(view, phrase, ctx.rules)
    if word_start is None:
        return None
    # "the 55-year-old Frenchman": the age given after a name ("Ann Lee, 55,") or the
    # noun given beside it; either identifies the person.
    afters: list[re.Pattern[str]] = []
    before = None
    age = _age_of(view, word_start, head)
    if age is not None:
        afters.append(re.compile(rf"(?:,\s*|\s+aged\s+){age}\b"))
    if head.pos_ == "NOUN" and head.is_alpha and not _AGE_RE.match(head.text):
        noun = re.escape(low)
        afters.append(
            re.compile(
                rf",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{noun}\b"
                rf"|\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{noun}\b",
                re.IGNORECASE,
            )
        )
        before = re.compile(rf"\b{noun}\s+$", re.IGNORECASE)
    if not afters:
        return None
    tried = 0
    own_sentence = head.sent.start_char  # ", the attendees said" is not an apposition
    for m in _unquoted_before(ctx, word_start, PERSON):
        if m.start >= own_sentence:
            continue
        tried += 1
        if tried > _DESCRIBED_LOOKBACK:
            break
        if any(a.match(text, m.end, min(len(text), m.end + 60)) for a in afters) or (
            before is not None and before.search(text[max(0, m.start - 40) : m.start])
        ):
            return m
    return None


_POSSESSIVE_DETS = frozenset({"his", "her", "their"})


def _named_relative(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The person a possessive kinship description points back to ("his son said").

    News names a relative beside the kinship noun ("Ann Lee's son Tom", "his wife, Mara
    Vell,") and later refers back with the possessive description alone ("“…,” his son
    said"). The nearest earlier person outside quotations (and outside the speaker's own
    sentence) with the same singular noun right before the name or in apposition after it
    is that relative. A description never given beside a name stays nominal: "his son" is
    not the person the article follows, so the pronoun-like fallback never applies.
    """
    view = ctx.view
    head = view.doc[phrase.head]
    low = head.lower_
    if low not in ctx.rules.kinship_nouns or head.tag_ != "NN":
        return None
    if not any(c.lower_ in _POSSESSIVE_DETS for c in head.lefts):
        return None
    if any(c.dep_ in {"relcl", "acl", "appos"} for c in head.rights):
        return None
    text = view.text
    noun = re.escape(low)
    before = re.compile(rf"\b{noun},?\s+$", re.IGNORECASE)
    after = re.compile(
        rf",\s+(?:his|her|their|the)\s+(?:[\w'’-]+\s+){{0,2}}?{noun}\b", re.IGNORECASE
    )
    own_sentence = head.sent.start_char
    tried = 0
    for m in _unquoted_before(ctx, phrase.start, PERSON):
        if m.start >= own_sentence:
            continue
        tried += 1
        if tried > _DESCRIBED_LOOKBACK:
            break
        if before.search(text[max(0, m.start - 40) : m.start]) or after.match(
            text, m.end, min(len(text), m.end + 60)
        ):
            return m
    return None


def _given_title(ctx: Context, m: Mention, title: str) -> tuple[int, int] | None:
    """Where the article gives ``title`` to the person of ``m``, beside the name, or None.

    "Former minister Ann Lee" (the title right before the name, within a few modifier
    words of it), "Ann Lee, a veteran Liberal senator," (in apposition after it), or a
    title inside the mention's own span. Returns the span of the words that give it.
    """
    text = ctx.view.text
    noun = re.escape(title)
    if re.search(rf"\b{noun}\b", strip_possessive(m.surface), re.IGNORECASE):
        return m.start, m.end
    lo = max(0, m.start - 40)
    before = re.search(rf"(?:^|[\s(])((?:[\w'’.-]+\s+){{0,2}}{noun}\s+)$", text[lo : m.start], re.I)
    if before is not None:
        return lo + before.start(1), m.start
    after = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{noun}\b", re.IGNORECASE).match(
        text, m.end, min(len(text), m.end + 60)
    )
    if after is not None:
        return m.end, after.end()
    return None


def _introduced_by_noun(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The one person or body the article introduced with the description's noun as a title.

    "US band Scissor Sisters won … The band thanked fans, adding: “…”", "Bafta-winning
    artists Lee & Vale … said the artists", "media regulator Ofcom … the regulator said":
    news introduces a name with a bare noun before it and refers back with "the" and that
    noun. Only a noun written right before a mention (outside quotations, before the
    speaker's sentence) counts, and only when one entity was introduced so; a description
    with a clause of its own introduces someone new.
    """
    view, index = ctx.view, ctx.index
    head = view.doc[phrase.head]
    word_start = _definite_description(view, phrase, ctx.rules)
    if word_start is None or head.pos_ != "NOUN" or not head.is_alpha:
        return None
    if any(c.dep_ in {"relcl", "acl", "appos"} for c in head.rights):
        return None
    before = re.compile(rf"\b{re.escape(head.lower_)}\s+$", re.IGNORECASE)
    own_sentence = head.sent.start_char
    text = view.text
    holders: dict[str, Mention] = {}
    for m in index.before(word_start):
        if not m.entity_id or m.start >= own_sentence or ctx.inside_quote(m.start):
            continue
        if not (index.is_person(m) or index.is_org(m)):
            continue
        if before.search(text[max(0, m.start - 40) : m.start]):
            holders.setdefault(m.entity_id, m)
    if len(holders) != 1:
        return None
    return next(iter(holders.values()))


# "our correspondent", "our political editor": the outlet's own journalist.
_OUTLET_STAFF_RE = re.compile(r"^[Oo]ur\s+((?:[\w'’-]+\s+){0,2}?)([a-z-]+)$")


def _outlet_staff(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The journalist "our correspondent" refers back to: the one person named with that noun.

    "BBC correspondent Ann Lee said … “…,” our correspondent said": an outlet writes of
    its own reporter with "our" and the role it gave beside the name (before it or in
    apposition). Exactly one person given that noun outside quotations, named before
    the phrase; none or two leave it nominal. Never the person the article follows: a
    reporter is not the subject of the story.
    """
    view = ctx.view
    head = view.doc[phrase.head]
    low = head.lower_
    match = _OUTLET_STAFF_RE.match(view.text[phrase.start : phrase.end])
    if match is None or match.group(2) != low or head.tag_ != "NN":
        return None
    holders: dict[str, Mention] = {}
    for m in _unquoted_before(ctx, phrase.start, PERSON):
        if m.entity_id and _given_title(ctx, m, low) is not None:
            holders.setdefault(m.entity_id, m)
    if len(holders) != 1:
        return None
    return next(iter(holders.values()))


# "the former minister", "the senator": "the"/"this", at most two modifiers, the title.
_MODIFIED_OFFICE_RE = re.compile(r"^(?:[Tt]he|[Tt]his)\s+((?:[\w'’-]+\s+){0,2}?)([a-z-]+)$")
_TITLE_SPAN_WORD_RE = re.compile(r"[\w'’]+")


def _sole_title_holder(ctx: Context, phrase: SpeakerPhrase) -> Mention | None:
    """The one person the article gives an office title, for "the <title>" as speaker.

    "Former minister Ann Lee spoke at the rally. … “…,” the former minister added": an
    office description refers back to a named holder when the article gave that title,
    beside a name (before it, or in apposition), to exactly one person outside
    quotations, and every modifier of the description was given with it ("the former
    minister" needs "former" where the title was given; "the Mexican president" does not
    fit a "US President"). The holder must have been named before the description; two
    holders, or none, leave it to the other rules, unless the description's modifiers
    were given with the title to one of them only ("the Tory leader" beside "Liberal
    leader Tom Reid").
    """
    view = ctx.view
    head = view.doc[phrase.head]
    low = head.lower_
    if low not in ctx.rules.office_titles or head.tag_ != "NN" or phrase.role_object is not None:
        return None
    match = _MODIFIED_OFFICE_RE.match(view.text[phrase.start : phrase.end])
    if match is None or match.group(2) != low:
        return None
    if any(c.dep_ in {"relcl", "acl", "appos"} for c in head.rights):
        return None
    modifiers = {w.lower() for w in _TITLE_SPAN_WORD_RE.findall(match.group(1))}
    holders: set[str] = set()
    fitting: set[str] = set()
    for m in ctx.index.mentions:
        if not m.entity_id or not ctx.index.is_person(m) or ctx.inside_quote(m.start):
            continue
        span = _given_title(ctx, m, low)
        if span is None:
            continue
        holders.add(m.entity_id)
        if modifiers <= {w.lower() for w in _TITLE_SPAN_WORD_RE.findall(view.text[slice(*span)])}:
            fitting.add(m.entity_id)
    if len(fitting) != 1 or (holders != fitting and not modifiers):
        # "the Tory leader" when the article gave "Tory leader" to one person and
        # "Liberal leader" to another: the modifier says which; a bare title does not.
        return None
    (holder,) = fitting
    return next(
        (m for m in _unquoted_before(ctx, phrase.start, PERSON) if m.entity_id == holder), None
    )


_AUTHOR_PREPS = frozenset({"from", "by", "of"})
_SPEAKING_TYPES = frozenset({PERSON, ORG})


def _described_org(
    ctx: Context, tok: Token, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The organisation "the company" stands for where it names a principal or an author.

    "a spokesman for the company", "the firm's spokeswoman", "a statement from the
    ministry": the bare description is resolved as it would be as the speaker itself
    ("the ministry said"): the latest organisation whose name holds the noun, else the
    organisation the paragraphs follow (a clause subject or the last speaker).
    """
    if not _bare_org_description(tok, ctx.rules):
        return None
    org = _org_for_noun(ctx, tok.lower_, tok.idx, recent_speakers, unrecognised=False, follow=True)
    return org.mention if org is not None else None


@dataclass(frozen=True, slots=True)
class _OrgForNoun:
    """Whom an organisation noun ("the ministry") stands for, and how it was found."""

    mention: Mention | None  # a recognised organisation
    span: tuple[int, int] | None  # a name the recogniser missed, as character offsets
    followed: bool  # found by following the paragraphs, not by the noun in its name


def _org_for_noun(
    ctx: Context,
    noun: str,
    pos: int,
    recent_speakers: Sequence[tuple[int, str]],
    *,
    unrecognised: bool,
    follow: bool,
) -> _OrgForNoun | None:
    """The organisation an organisation noun before ``pos`` refers back to.

    In order: the latest organisation whose name holds the noun ("the ministry" -> the
    Ministry of Defence); with ``unrecognised``, the capitalised name ending in the noun
    that the recogniser missed ("the Scottish Executive"); with ``follow`` (a bare
    description: "The company denied it.", "the production company said"), the
    organisation the paragraphs follow (a clause subject or the last speaker), named
    otherwise ("Dick Clark Productions"). Never the nearest organisation merely
    mentioned: on PolNeAR dev that guess was wrong more often than right. The speaker
    path ("the ministry said") and the principal or author path ("a spokesman for the
    company") share these steps.
    """
    index = ctx.index
    for cand in index.before(pos):
        if index.is_org(cand) and noun in cand.surface.lower():
            return _OrgForNoun(cand, None, False)
    if unrecognised:
        span = _unrecognised_org_name(ctx, noun, pos)
        if span is not None:
            return _OrgForNoun(None, span, False)
    if follow:
        followed = _antecedent(ctx, pos, ORG, None, recent_speakers, False)
        if followed is not None:
            return _OrgForNoun(followed, None, True)
    return None


def _channel_author(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]] = ()
) -> Mention | None:
    """The author of a channel speaker: "a statement from the EU said" -> the EU.

    A channel (statement, report, letter) does not speak; its author does: the person or
    organisation after "from"/"by"/"of" in the phrase. An author named only in an earlier
    sentence ("The company denied it in a statement. … the statement read") is not
    followed: on the PolNeAR dev set that guess was wrong more often than right.
    """
    doc, index = ctx.view.doc, ctx.index
    head = doc[phrase.head]
    for obj in _author_objects(head, ctx.rules):
        m = index.covering(obj.idx, obj.idx + len(obj.text))
        if m is not None and m.entity_type in _SPEAKING_TYPES:
            return m
        if m is None:
            described = _described_org(ctx, obj, recent_speakers)
            if described is not None:
                return described
    return None


def _author_objects(head: Token, rules: QuoteRules) -> Iterator[Token]:
    """Objects naming who wrote a channel noun.

    "from/by/of X", or the agent of a participle that issues it ("a report published by
    X", ``channel_author_verbs.txt``).
    """
    for right in head.rights:
        if right.lower_ in _AUTHOR_PREPS:
            yield from (obj for obj in right.children if obj.dep_ == "pobj")
        elif right.dep_ == "acl" and right.lower_ in rules.channel_author_verbs:
            for agent in right.children:
                if agent.lower_ == "by" and agent.dep_ in {"agent", "prep"}:
                    yield from (obj for obj in agent.children if obj.dep_ == "pobj")


# The possessive half of ``_HISTORY_PRONOUNS`` ("his", "her"): a reflexive owns nothing.
_POSSESSIVE_GENDER = {w: g for w, g in _HISTORY_PRONOUNS.items() if not w.endswith("self")}


def _possessor(
    ctx: Context, head: Token, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """Whose spokesperson speaks: "Swift's rep", "his spokesman" speak for that person."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    gender = _POSSESSIVE_GENDER.get(poss.lower_)
    if gender is not None:
        return _antecedent(ctx, poss.idx, PERSON, gender, recent_speakers)
    owner = ctx.index.covering(poss.idx, poss.idx + len(poss.text))
    # "the firm's spokeswoman": the organisation the description stands for
    return owner if owner is not None else _described_org(ctx, poss, recent_speakers)


def _channel_owner(
    ctx: Context, head: Token, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """Whose channel it is: "Lee's letter", "his report", "the Party members' newsletter".

    A document speaks for its author, and a possessor of a channel noun is its author: a
    person or organisation mention (or "his"/"her", resolved as the pronoun), read from
    the parse or, where the parse lost it around a quotation ("Vell's message read"
    parsed as a noun "read"), from the words right before the noun. Members or staff of
    an organisation ("the Party members' newsletter") write for it.
    """
    doc, index = ctx.view.doc, ctx.index
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None and head.i >= 2 and doc[head.i - 1].tag_ == "POS":
        poss = doc[head.i - 2]
    elif poss is None and head.i >= 1 and doc[head.i - 1].lower_ in _POSSESSIVE_GENDER:
        poss = doc[head.i - 1]
    if poss is None:
        return None
    gender = _POSSESSIVE_GENDER.get(poss.lower_)
    if gender is not None:
        return _antecedent(ctx, poss.idx, PERSON, gender, recent_speakers)
    m = index.covering(poss.idx, poss.idx + len(poss.text))
    if m is None and poss.tag_ == "NNS" and poss.i > 0:
        # "Labour Party members'": the organisation named right before a plural possessor
        prev = doc[poss.i - 1]
        owner = index.covering(prev.idx, prev.idx + len(prev.text))
        if owner is not None and index.is_org(owner) and owner.end == prev.idx + len(prev.text):
            return owner
    if m is not None and (index.is_person(m) or index.is_org(m)):
        return m
    return None


def _named_org_modifier(ctx: Context, head: Token) -> Mention | None:
    """The organisation named right before a spokesperson or a channel noun.

    "A BBC spokeswoman", "the WSIS spokesman", "the ADB report", "a World Bank report": the
    capitalised words before the noun (after its determiner, without a possessive "'s")
    name the body the spokesperson speaks for or that wrote the document. A mention of an
    organisation ending right before the noun decides; when the recogniser missed the name here, an organisation
    mention elsewhere in the article spelt exactly so ("WSIS" found in one sentence, missed
    in the next) does. A person's name there ("Mr Blair's spokesman") is not this case.
    """
    view, index = ctx.view, ctx.index
    lefts = [c for c in head.lefts if c.dep_ != "det"]
    if not lefts:
        return None
    a = min(c.left_edge.idx for c in lefts)
    if a >= head.idx:
        return None
    for m in index.overlapping(a, head.idx):
        if m.start >= a and m.end <= head.idx:
            # The name must end right before the noun: "a White House pool report" is the
            # press pool's, "an inspector general's report" the inspector's.
            between = _echo_name(view.text[m.end : head.idx])
            return m if index.is_org(m) and not between.strip() else None
    name = _echo_name(view.text[a : head.idx].strip())
    # Only a name: every word capitalised ("the WSIS", not "the former").
    words = name.split()
    if not words or not all(w[:1].isupper() or w in {"&", "and", "of", "for"} for w in words):
        return None
    for m in index.mentions:
        if index.is_org(m) and m.rule != ECHO and _echo_name(m.surface) == name:
            return m
    # "an FA statement" after "The Football Association": the initials of its name.
    spelt = spelt_out(index, name)
    return spelt if spelt is not None and index.is_org(spelt) else None


_PARTY_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _party_of_modifier(ctx: Context, head: Token) -> Mention | None:
    """The party a spokesperson's party word stands for: "a Conservative spokeswoman".

    The word before the noun is the party's adjective or short name ("Conservative",
    "Tory", "Democratic"), not a mention of it, so :func:`_named_org_modifier` finds
    nothing; the curated gazetteer's parties (:func:`load_party_forms`) give the names
    the article may use for it ("the Tories", "the Conservatives"). The article's own
    mention decides: the latest before the noun (a quotation naming the party names it
    too), else the first after; a party the article never names leaves her nominal.
    """
    view, index = ctx.view, ctx.index
    mods = [c for c in head.lefts if c.dep_ in _PARTY_MODIFIER_DEPS]
    if not mods:
        return None
    words = view.text[min(c.left_edge.idx for c in mods) : head.idx].split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    forms = load_party_forms().get(" ".join(words).casefold())
    if not forms:
        return None
    before: Mention | None = None
    for m in index.mentions:
        if not m.entity_id or not index.is_org(m) or m.rule == ECHO:
            continue
        name = strip_possessive(fold_apostrophes(m.surface)).casefold().removeprefix("the ")
        if name not in forms:
            continue
        if m.start >= head.idx:
            return before or m
        before = m
    return before


# "A Department for Culture, Media and Sport spokeswoman": a determiner, then
# capitalised words (with "and", "of", "for", "the", "&" and commas between) up to the noun.
_NAME_BEFORE_RE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w.&-]*)(?:,?\s+(?:[A-Z][\w.&-]*|and|of|for|the|&))*)\s+$"
)


def _org_name_before(ctx: Context, head: Token) -> Mention | None:
    """Whom a spokesperson speaks for when the recogniser cut the body's name or missed it.

    "A Department for Parks and Leisure spokeswoman" (only "Department for
    Parks" recognised), "a Department for Transport spokesman" (nothing recognised),
    "a Conservative spokeswoman" (the article's "Conservatives"): the capitalised words
    between the determiner and the noun name the body. An organisation mention that
    starts them is that body; else a name of two capitalised words or more that holds an
    organisation noun ("Department", "Office") is kept as written, unresolved; else one
    word is the organisation the article names with that word and an "s" (a party named
    by its members). A name holding a person or a possessive ("the BBC Mr Lee's") is not
    this case.
    """
    view, index = ctx.view, ctx.index
    text = view.text
    lo = max(view.sentence_start(head.idx), head.idx - 120)
    match = _NAME_BEFORE_RE.search(text, lo, head.idx)
    if match is None:
        return None
    a, b = match.span(1)
    words = text[a:b].replace(",", " ").split()
    if not words[-1][:1].isupper() or any(w[-2:] in {"'s", "’s"} for w in words):
        return None
    inside = list(index.overlapping(a, b))
    if any(index.is_person(m) for m in inside):
        return None
    for m in inside:
        if m.start == a and m.end <= b:
            return m if index.is_org(m) else None
    if inside:
        return None
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 2 and any(w.lower() in ctx.rules.org_nouns for w in caps):
        return Mention("", text[a:b], a, b, ORG, rule=UNRECOGNISED)
    if len(words) == 1:
        members = words[0] + "s"
        for m in index.mentions:
            if index.is_org(m) and m.rule != ECHO and _echo_name(m.surface) == members:
                return m
    return None


_INITIALS_RE = re.compile(r"^[A-Z](?:\.?&?[A-Z]){1,5}\.?$")
_INITIALS_SKIP = frozenset({"of", "and", "for", "the", "&"})


def _initials(words: Sequence[str]) -> str:
    """The capital initials of a name's words, function words left out."""
    return "".join(w[0] for w in words if w.casefold() not in _INITIALS_SKIP and w[:1].isupper())


def spelt_out(index: MentionIndex, short: str) -> Mention | None:
    """The one person or organisation of the article whose name ``short`` abbreviates.

    "DJ, also known as Dana Jordan", "an FA statement" after "The Football Association",
    "B&B" after "Bradford & Bingley": a speaker written as capitals only (two to six,
    with dots or "&") is the entity whose name of two words or more has those initials
    (function words "of", "and", "the" left out). None unless exactly one entity fits.
    """
    short = short.strip()
    if not _INITIALS_RE.match(short):
        return None
    letters = short.replace(".", "").replace("&", "")
    fits: dict[str, Mention] = {}
    for m in index.mentions:
        words = _echo_name(m.surface).split()
        if (
            m.entity_id
            and m.rule != ECHO
            and m.entity_type in _SPEAKING_TYPES
            and len(words) >= 2
            and _initials(words) == letters
        ):
            fits.setdefault(m.entity_id, m)
    return next(iter(fits.values())) if len(fits) == 1 else None


def _unintroduced_channel_author(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]]
) -> Mention | None:
    """The author of "the report" the article never introduced: the body just quoted.

    "The IMF said … “…,” the IMF said. <narrative> “…,” the report said.": a definite
    channel the text has not named before (no earlier word for it outside quotations)
    is the document of the organisation whose quotation comes right before it in the same
    paragraph. A person quoted there, another paragraph, or a channel introduced without
    an author (see :func:`_earlier_channel_author`) leave it unattributed: a nearest-
    organisation guess was wrong more often than right on PolNeAR dev.
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    head = doc[phrase.head]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if not recent_speakers:
        return None
    at, eid = recent_speakers[-1]
    line = view.line_of(phrase.start)
    if view.line_of(at) != line:
        return None
    nouns = {head.lower_, head.lower_ + "s"}  # the pipeline's model has no lemmatizer
    for i in view.tokens_between(0, phrase.start):
        if doc[i].lower_ in nouns and not ctx.inside_quote(doc[i].idx):
            return None  # introduced (with or without an author)
    last = next((m for m in index.before(phrase.start) if m.entity_id == eid), None)
    return last if last is not None and index.is_org(last) else None


def _topic_org(ctx: Context, pos: int) -> Mention | None:
    """The organisation the article is about, for a bare "the company" nothing else gives.

    "Swift accused Acme Records of blocking her. ⏎ The company denied the allegations in a
    statement": the paragraphs follow no organisation as a subject or speaker (the body
    is an object there), yet a company the article keeps naming is what "the company"
    means. Only the organisation named most often before ``pos`` outside quotations,
    at least twice and more often than any other (a tie says nothing); a name that opens
    another's ("Acme" of "Acme Records", often another entity for the small model)
    counts with it.
    """
    index = ctx.index
    named: dict[str, tuple[str, ...]] = {}
    found: list[Mention] = []
    for m in index.before(pos):
        if not m.entity_id or not index.is_org(m) or ctx.inside_quote(m.start):
            continue
        found.append(m)
        words = tuple(strip_possessive(fold_apostrophes(m.surface)).rstrip(",.;:").split())
        if words and (m.entity_id not in named or len(words) < len(named[m.entity_id])):
            named[m.entity_id] = words
    if not found:
        return None

    def body(eid: str) -> tuple[str, ...]:
        words = named.get(eid, ())
        opening = [w for w in named.values() if w and words[: len(w)] == w]
        return min(opening, key=len, default=words)

    counts = Counter(body(m.entity_id) for m in found)
    ranked = counts.most_common(2)
    if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(m for m in found if body(m.entity_id) == ranked[0][0])  # the latest


_CHANNEL_DETS = frozenset({"the", "this", "that"})


def _earlier_channel_author(
    ctx: Context, phrase: SpeakerPhrase, recent_speakers: Sequence[tuple[int, str]] = ()
) -> Mention | None:
    """The author of "the statement" named where the article introduced that statement.

    "The club denied it in a statement on Friday. … “…,” the statement read": the latest
    earlier mention of the same channel noun in the window (outside quotations) decides. Its
    author is the organisation or person after "from/by/of", or the subject of the verb it
    hangs on ("X said in a statement", "X issued a statement"), resolved as a speaker would
    be at that point (with the speakers quoted before it: "the club said in its statement"
    is the club the last quotation gave). A channel introduced without an author ("The
    statement, obtained by a newspaper, claimed …") leaves it unattributed. The speaker
    as written stays "the statement".
    """
    view, index = ctx.view, ctx.index
    doc = view.doc
    head = doc[phrase.head]
    if not any(c.dep_ == "det" and c.lower_ in _CHANNEL_DETS for c in head.children):
        return None
    lo = view.window_start(phrase.start, _SUBJECT_WINDOW_LINES)
    nouns = {head.lower_, head.lower_ + "s"}  # the pipeline's model has no lemmatizer
    for i in reversed(view.tokens_between(0, phrase.start)):
        tok = doc[i]
        if tok.idx < lo:
            break
        if tok.lower_ not in nouns or ctx.inside_quote(tok.idx):
            continue
        if any(c.dep_ == "det" and c.lower_ in _CHANNEL_DETS for c in tok.children):
            # "the statement continued" paragraph after paragraph: each repetition keeps
            # the channel's introduction in reach, as a repeated name keeps a speaker
            lo = min(lo, view.window_start(tok.idx, _SUBJECT_WINDOW_LINES))
        named = _named_org_modifier(ctx, tok) or _channel_owner(ctx, tok, [])
        if named is not None:  # "according to an IMF report", "Lee's letter"
            return named
        for obj in _author_objects(tok, ctx.rules):
            m = index.covering(obj.idx, obj.idx + len(obj.text))
            if m is not None and m.entity_type in _SPEAKING_TYPES:
                return m
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = tok.head.head
        elif tok.dep_ == "dobj":
            verb = tok.head
        elif any(c.dep_ == "det" and c.lower_ in _CHANNEL_DETS for c in tok.children):
            # "the statement read: …", "the report's figures": the same channel again;
            # look further back for where it was introduced
            continue
        else:
            return None  # the channel hangs elsewhere
        for _ in range(2):  # "rejected the claims in a statement": the parse hangs it
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:  # on the object
                break
            verb = verb.head
        if view.line_of(verb.idx) != view.line_of(tok.idx):
            # "… at the awards. ⏎ The statement, obtained by a magazine, claimed …": the
            # parse hung a paragraph's subject on the paragraph before; a channel with its
            # own "the" is the same channel again, so look further back.
            if any(c.dep_ == "det" and c.lower_ in _CHANNEL_DETS for c in tok.children):
                continue
            return None
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            # "The company flat-out denied it": the parse made "out" the subject and "The
            # company" its compound; the compound with its own determiner is the subject.
            subj = next(
                (
                    c
                    for c in subj.children
                    if c.dep_ == "compound" and any(g.dep_ == "det" for g in c.children)
                ),
                subj,
            )
        if subj is None or subj.lower_ in _PRONOUN_REFERENTS:
            return None
        before = [(at, eid) for at, eid in recent_speakers if at < tok.idx]
        res = resolve_speaker(ctx, speaker_phrase(doc, subj.i, ctx.rules), before)
        if res.entity_id is None:
            # "In a statement the Harbour Trust said": a body's name the recogniser missed;
            # "The company denied it in a statement": the body the article is about
            unnamed = _unnamed_org(ctx, subj)
            if unnamed is None and _bare_org_description(subj, ctx.rules):
                return _topic_org(ctx, subj.idx)
            return unnamed
        if res.entity_type not in _SPEAKING_TYPES:
            return None
        return Mention(res.entity_id, res.surface, res.start, res.end, res.entity_type)
    return None
