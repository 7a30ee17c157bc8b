"""Stage 3: find the reporting cue of a quotation and the head of its speaker.

The *frame* of a quotation is the reporter's text around it in the same sentence:
before the opening mark (back to the sentence start, the line start or the previous
quotation) and after the closing mark (up to the sentence end, the line end or the
next quotation). A cue is a reporting verb from ``rules/quote_verbs.txt`` (matched by
inflected form), a phrase such as "according to", or a colon closing the frame.

The speaker is taken from the dependency parse (the verb's subject, climbing from
"adding" to the "said" it hangs on) and, when the small model's parse fails around
quotation marks, from position ("…,” X said" / "…,” said X").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pipelines.core.quotes._rules import QuoteRules
from pipelines.core.quotes._view import (
    FINITE_TAGS,
    SENTENCE_END,
    SUBJECT_DEPS,
    THIRD_PERSON_PRONOUNS,
    DocView,
    glued_word_offset,
)
from pipelines.core.resources import HYPHENS

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

BEFORE = "before"
AFTER = "after"

# Dependencies through which a cue without its own subject borrows one: "said,
# adding", "went on to say", "and added".
_CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "dep", "parataxis"})
_RELATIVE = frozenset({"who", "which", "that"})
# Subjects that cannot be a speaker of a colon-introduced quotation.
_NOT_SPEAKERS = frozenset({"which", "that", "this", "these", "those", "it", "there", "what"})
_NOUNISH = frozenset({"PROPN", "NOUN", "PRON"})
# Lower-case first words that show the text after a quotation is its attribution
# even when the quotation ended with a full stop.
_CLAUSE_FINAL = frozenset(",!?…—–-")


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting cue of one quotation.

    Attributes:
        token: index of the cue word (the colon for a colon cue).
        word: the cue as written ("said", "according to", ":").
        side: ``before`` or ``after`` the quotation.
        subject: token index of the speaker's head word, when one was found.
        method: how the subject was found: ``parse``, ``position`` or ``colon``.
        via_translator: the frame says the words came through a translator.
        frame: token index range of the frame the cue was found in.
    """

    token: int
    word: str
    side: str
    subject: int | None
    method: str
    via_translator: bool
    frame: tuple[int, int]


def frame_tokens(view: DocView, lo: int, hi: int, side: str) -> tuple[int, int]:
    """Token range of a frame between character offsets, cut at sentence ends.

    Args:
        view: the document index.
        lo: first character of the frame.
        hi: one past its last character.
        side: ``before`` keeps the tokens after the last sentence end, ``after`` the
            tokens before the first.

    Returns:
        ``(first, last + 1)`` token indices (empty when ``first == last + 1``).
    """
    toks = view.tokens_between(lo, hi)
    a, b = toks.start, toks.stop
    doc = view.doc
    if side == BEFORE:
        for i in range(b - 1, a - 1, -1):
            if doc[i].text in SENTENCE_END and not _name_period(doc, i):
                return i + 1, b
        return a, b
    if a > 0 and _glued_after_mark(view, a - 1, lo):
        a -= 1  # “…,”Lee said.: the word glued to the closing mark opens the frame
    for i in range(a, b):
        if doc[i].text in SENTENCE_END and not _name_period(doc, i):
            return a, i
    return a, b


def _name_period(doc: Doc, i: int) -> bool:
    """The full stop of a title abbreviation the tokenizer split off inside a name.

    "said retired Army Lt. Gen. Tom Hale": "Lt" and "." are two tokens, and the tagger
    makes the stop a part of the name (a proper noun) between two capitalised words;
    a stop that ends a sentence is punctuation.
    """
    if i == 0 or i + 1 >= len(doc) or doc[i].pos_ != "PROPN":
        return False
    prev, nxt = doc[i - 1], doc[i + 1]
    return not prev.whitespace_ and prev.is_alpha and prev.is_title and nxt.is_title


def _glued_after_mark(view: DocView, i: int, lo: int) -> bool:
    """Token ``i`` runs across a closing mark into a name at ``lo``: ‹council,”Harper›.

    The tokenizer keeps such a string whole, so the frame after the mark (tokens that
    start after it) would lose the word the source glued to the mark.
    """
    tok = view.doc[i]
    cut = lo - tok.idx
    return glued_word_offset(tok.text) == cut and tok.text[cut].isupper()


def _subject_by_parse(
    tok: Token,
    lo: int,
    hi: int,
    non_speakers: frozenset[str] = frozenset(),
    object_control: frozenset[str] = frozenset(),
) -> int | None:
    """The subject of a cue verb (or of the verb it hangs on), inside ``[lo, hi)``.

    An abstract noun (``non_speakers``: "the move was made … and said") is a bad
    parse's subject, not the speaker: the search climbs on past it. A reporting
    participle under a verb of ``object_control`` ("The Times quoted Ann Lee as saying",
    "the film showed him telling the meeting") is said by that verb's object.
    """
    head = tok
    for _ in range(4):
        if tok.tag_ == "VBG" and head is not tok and head.lower_ in object_control:
            obj = _controlling_object(head, tok.i, lo)
            if obj is not None:
                return obj
        if tok.tag_ == "VBG" and head is not tok and head.dep_ == "ccomp" and head.head.i != head.i:
            # "Reid thinks a longer season brings several benefits, explaining: “…”",
            # "X said a win would have given Y a start, adding …": a reporting participle
            # the parse hung on the reported clause speaks for the reporter, not for that
            # clause's subject.
            head = head.head
            continue
        if head.i == tok.head.i != tok.i and tok.dep_ == "conj" and _impersonal_reported(head):
            # "Lee said it was too early but added, “…”": the parse joined the cue to the
            # reported clause, whose "it" cannot speak; the reporter adds the words.
            head = head.head
            continue
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and lo <= child.i < hi:
                if child.pos_ == "NOUN" and child.lower_ in non_speakers:
                    continue
                if child.pos_ == "ADP" and any(c.dep_ == "pobj" for c in child.children):
                    # "Of the plan, Lee, who …, said": the parse made the fronted
                    # phrase's preposition the subject; word order finds the speaker
                    # (a surname tagged as one, "From said", has no object)
                    continue
                if child.lower_ in _RELATIVE and head.dep_ == "relcl":
                    return head.head.i if lo <= head.head.i < hi else None
                if head is not tok and head.dep_ == "relcl" and _relative_possessor(child):
                    # "The band, whose debut LP sold well, thanked fans, adding: “…”": the
                    # parse hung the participle on the relative clause, whose "whose X"
                    # subject is the band's thing; the noun the clause describes speaks.
                    return head.head.i if lo <= head.head.i < hi else None
                return child.i
        if head.dep_ == "acl" and head.head.pos_ in {"NOUN", "PROPN"}:
            # "issued a statement saying": the issuer speaks; "a voice saying": the voice;
            # "caught Ann Lee saying": the person caught.
            noun = head.head
            if noun.dep_ == "dobj" and noun.head.lower_ in object_control:
                obj = _controlling_object(noun.head, tok.i, lo)
                if obj is not None:
                    return obj
            if noun.dep_ in {"dobj", "pobj"} and noun.head.i != noun.i:
                owner = _subject_by_parse(noun.head, lo, hi, non_speakers, object_control)
                if owner is not None:
                    return owner
            return noun.i if lo <= noun.i < hi else None
        if head.dep_ in _CLIMB_DEPS and head.head.i != head.i:
            head = head.head
        else:
            break
    return None


def _colon_agent(last: Token) -> int | None:
    """The agent that closes a colon frame: "the question posed by nurse Ann Lee: “…”".

    Words introduced as something a named agent put or issued ("a warning issued by the
    Trust:") are that agent's, whoever the sentence's own subject is ("can you imagine").
    """
    by = last.head
    if last.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in {"agent", "prep"}:
        return None
    verb = by.head
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return None
    return last.i if last.pos_ in {"PROPN", "NOUN"} else None


# Subjects of a reported clause that cannot be the one who goes on speaking.
_IMPERSONAL_SUBJECTS = frozenset({"it", "there", "this", "that"})


def _impersonal_reported(verb: Token) -> bool:
    """``verb`` heads a clause another verb reports, with "it"/"there" as its subject."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
        return False
    return any(
        c.dep_ in SUBJECT_DEPS | {"expl"} and c.lower_ in _IMPERSONAL_SUBJECTS and c.i < verb.i
        for c in verb.children
    )


# Objects that can speak a participle: a name, a person, or "him"/"her"/"them"; not
# "profits" in "the report showed profits rising, saying: …" (the report speaks).
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _relative_possessor(subject: Token) -> bool:
    """The subject is "whose X" of a relative clause ("whose debut LP")."""
    return any(c.dep_ == "poss" and c.lower_ == "whose" for c in subject.children)


def _relative_clause_owner(found: Token, verb: Token, lo: int) -> int | None:
    """The noun a relative clause describes, when the noun found by position lies inside it.

    "a junior clerk who asked not to be named to discuss the budget talks said": the cue verb
    has no subject in the parse and the noun right before it ("talks") is an object
    inside the relative clause of the real subject ("clerk"), which is the speaker. Only a
    clause the verb itself is not part of, describing a noun inside the frame, counts.
    """
    for a in (found, *found.ancestors):
        if a.dep_ != "relcl":
            continue
        owner = a.head
        if owner.i < lo or owner.i >= found.i or owner.pos_ not in {"NOUN", "PROPN"}:
            return None
        if verb.i in {t.i for t in a.subtree}:
            return None
        return owner.i
    return None


def _controlling_object(verb: Token, participle: int, lo: int) -> int | None:
    """The object of ``verb`` that is the understood subject of the participle after it.

    "quoted Ann Lee as saying", "showed Mr Lee, apparently talking about it, telling":
    a direct object before the participle that names someone (a proper noun, a person,
    a personal pronoun), inside the frame.
    """
    for child in verb.children:
        names_someone = (
            child.pos_ == "PROPN" or child.ent_type_ == "PERSON" or child.lower_ in _OBJECT_PRONOUNS
        )
        if child.dep_ == "dobj" and lo <= child.i < participle and names_someone:
            return child.i
    return None


def _nounish(tok: Token) -> bool:
    """A noun, a pronoun, or a capitalised word the tagger mistook ("Skelly" as RB)."""
    if tok.pos_ in _NOUNISH:
        return True
    return (
        tok.is_title
        and tok.is_alpha
        and not tok.is_sent_start
        and tok.pos_ in {"ADV", "ADJ", "VERB", "X"}
        and tok.ent_type_ not in {"DATE", "TIME"}
    )


def _skippable(tok: Token) -> bool:
    """Words between a verb and its inverted subject: "said Tuesday", "said on Friday"."""
    return tok.ent_type_ in {"DATE", "TIME"} or (tok.pos_ in {"ADV", "PART"} and not tok.is_title)


def _noun_run_head(view: DocView, start: int, hi: int, skip_dates: bool = False) -> int | None:
    """Head (last noun) of the noun phrase starting at ``start`` (after DET/ADJ words)."""
    doc = view.doc
    i = start
    while i < hi and (not _nounish(doc[i]) or (skip_dates and _skippable(doc[i]))):
        tok = doc[i]
        if _participle_modifier(tok, hi):
            i += 1  # "said retired Army Lt. Gen. Tom Hale": an adjective, not a verb
            continue
        if (tok.is_punct and tok.text not in {"'s", "’s"}) or tok.pos_ in {"ADP", "VERB", "SCONJ"}:
            return None
        i += 1
    if i >= hi:
        return None
    if doc[i].pos_ == "PRON":
        return i
    last = i
    j = i + 1
    if doc[i].pos_ not in _NOUNISH:
        return i  # a name the tagger missed ("said Skelly" tagged as an adverb)
    while j < hi and (
        doc[j].pos_ in {"PROPN", "NOUN"} or doc[j].tag_ == "POS" or doc[j].text in HYPHENS
    ):
        if doc[j].pos_ in {"PROPN", "NOUN"}:
            last = j
        j += 1
    return last


def _participle_modifier(tok: Token, hi: int) -> bool:
    """A participle that modifies a noun after it in the run ("retired", "acting")."""
    return (
        tok.tag_ in {"VBN", "VBG"}
        and tok.dep_ == "amod"
        and tok.head.i > tok.i
        and tok.head.i < hi
        and tok.head.pos_ in {"NOUN", "PROPN"}
    )


# Entity types of a name that can be a verbless colon frame's speaker.
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def _tagged_names(doc: Doc) -> frozenset[str]:
    """Words the tagger reads as a name anywhere in the article.

    A proper noun, or a word of a person's, organisation's or group's name.
    """
    return frozenset(t.text for t in doc if t.pos_ == "PROPN" or t.ent_type_ in _SPEAKER_ENTS)


def _first_noun_run(view: DocView, lo: int, v: int) -> int | None:
    """Head of the first noun phrase of the frame: the subject of "X, a …, said"."""
    doc = view.doc
    for i in range(lo, v):
        tok = doc[i]
        if tok.pos_ in _NOUNISH and tok.ent_type_ not in {"DATE", "TIME"}:
            return _noun_run_head(view, i, v)
        if tok.pos_ in {"ADP", "VERB", "SCONJ"}:
            return None  # "In a statement, …": not a subject position
    return None


def _last_noun_before(view: DocView, lo: int, v: int) -> int | None:
    """Head of the noun run ending right before token ``v`` ("X also said", "X (R-Ohio) said")."""
    doc = view.doc
    i = v - 1
    while i >= lo and doc[i].pos_ in {"ADV", "AUX", "PART"}:
        i -= 1
    if i >= lo and doc[i].text == ")":
        while i >= lo and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= lo and doc[i].text == ",":
        return _appositive_name(doc, lo, i)
    if i >= lo and (doc[i].pos_ in _NOUNISH or _nominal_head(doc, lo, i)):
        return i
    return None


def _appositive_name(doc: Doc, lo: int, comma: int) -> int | None:
    """The name set off by commas right before the verb: "her adviser, Jo Hale, said".

    The subject's appositive names the speaker; a phrase between the commas that is
    anything but a name ("The mayor, in a statement, said") gives none.
    """
    k = comma - 1
    while k >= lo and doc[k].pos_ == "PROPN":
        k -= 1
    named = k < comma - 1 and doc[comma - 1].ent_type_ == "PERSON"
    return comma - 1 if named and k >= lo and doc[k].text == "," else None


def _nominal_head(doc: Doc, lo: int, i: int) -> bool:
    """Heads of a description the tagger gives no noun: "the two", "the 43-year-old"."""
    tok = doc[i]
    if tok.pos_ == "NUM":
        return i - 1 >= lo and doc[i - 1].lower_ == "the"
    glued = i - 2 >= lo and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_
    return tok.lower_ == "old" and glued and doc[i - 2].lower_ in {"year", "month"}


def _subject_by_position(
    view: DocView, v: int, n_words: int, lo: int, hi: int, side: str, addressee: bool = False
) -> int | None:
    """The speaker's head by word order when the parse gave none.

    After a quotation, "…,” said X" puts the speaker right after the verb and
    "…,” X, a …, said" at the start of the frame. Before one, the speaker is the
    noun right before the verb or else the frame's first noun phrase. After a verb of
    ``addressee`` kind ("told BBC News") the noun is the hearer, never the speaker.
    """
    after_verb = v + n_words
    if side == AFTER:
        if v == lo or all(view.doc[k].is_punct for k in range(lo, v)):
            return None if addressee else _noun_run_head(view, after_verb, hi, skip_dates=True)
        return _last_noun_before(view, lo, v) or _first_noun_run(view, lo, v)
    found = _last_noun_before(view, lo, v) or _first_noun_run(view, lo, v)
    if found is not None or addressee:
        return found
    return _noun_run_head(view, after_verb, hi, skip_dates=True) or _after_fronted_phrase(
        view, lo, v
    )


def _after_fronted_phrase(view: DocView, lo: int, v: int) -> int | None:
    """The first noun phrase after a fronted prepositional phrase and its comma.

    "But in a call with reporters on Dec. 2, Col. Ann Lee, a spokeswoman, said, “…”":
    the subject follows the comma that closes the phrase the frame opens with.
    """
    doc = view.doc
    k = lo
    while k < v and doc[k].pos_ in {"CCONJ", "ADV", "PUNCT", "SPACE"}:
        k += 1
    if k >= v or doc[k].pos_ != "ADP":
        return None
    comma = next((j for j in range(k, v) if doc[j].text == ","), None)
    return None if comma is None else _first_noun_run(view, comma + 1, v)


def _elided_subject(verb: Token) -> int | None:
    """The subject a finite cue verb with none of its own shares with the sentence before.

    "Ann Lee told the paper she had not read it. But told the radio: “…”": a main verb that
    opens its sentence (after at most a conjunction or an adverb) with no subject is
    understood with the subject of the previous sentence's main verb.
    """
    doc = verb.doc
    sent = verb.sent
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE_TAGS or sent.start == 0:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    if any(t.pos_ not in {"CCONJ", "ADV", "PUNCT", "SPACE"} for t in doc[sent.start : verb.i]):
        return None
    before = doc[sent.start - 1].sent
    for child in before.root.children:
        if child.dep_ in SUBJECT_DEPS and child.pos_ in _NOUNISH:
            return child.i
    return None


def _shared_subject(verb: Token) -> int | None:
    """The subject a coordinated finite cue verb with none of its own shares with the main verb.

    "Ann Lee conceded there were “real doubts”, but said the board had weighed the
    “competing claims” first.": "said" is joined to the sentence's main verb and shares its
    subject (Ann Lee), which may stand before an earlier quotation of the sentence, outside
    the frame the cue is read in.
    """
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ not in {"VERB", "AUX"}:
        return None  # joined to a verb inside a reported clause: that clause's subject
    for child in head.children:
        if child.dep_ in SUBJECT_DEPS and child.i < head.i and child.pos_ in _NOUNISH:
            return child.i
    return None


def _in_reported_clause(verb: Token, tok: Token) -> bool:
    """True when ``tok`` lies inside a clause ``verb`` reports (its ``ccomp``)."""
    return any(
        c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i for c in verb.children
    )


def _has_clausal_object(tok: Token, lo: int, hi: int) -> bool:
    """The verb reports a clause of its own in the frame ("Trump said the plan …")."""
    return any(c.dep_ == "ccomp" and lo <= c.i < hi and c.i > tok.i for c in tok.children)


# Reporting-verb forms that are never nouns: the small model's tagger sometimes
# calls them NOUN/PROPN next to quotation marks, and they are still cues.
_NEVER_NOUNS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "adds"})


def _mistagged_verb(tok: Token) -> bool:
    low = tok.text
    return low in _NEVER_NOUNS or (low.endswith("ed") and low.islower() and tok.pos_ == "NOUN")


def _clause_before(doc: Doc, lo: int, i: int) -> bool:
    """A verb of the frame's own clause comes before its cue at ``i``.

    Verbs of a relative clause ("X, who was born in Y, said") belong to the subject.
    """
    for k in range(lo, i):
        tok = doc[k]
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(a.dep_ == "relcl" and a.i >= lo for a in (tok, *tok.ancestors)):
            return True
    return False


def _reports_owned_words(verb: Token) -> bool:
    """The verb's object names whose words it reports: "Vale echoed Ruiz's sentiments".

    A quotation's attribution takes the quotation as its object; a sentence whose verb
    has an object owned by a named person (a proper-noun possessor, not the subject)
    reports those words, a sentence of its own ("Kim read Lee's messages.").
    """
    subject = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    owners = {
        p
        for obj in verb.children
        if obj.dep_ == "dobj"
        for p in obj.children
        if p.dep_ == "poss" and p.pos_ == "PROPN"
    }
    subject_words = {t.lower_ for s in subject for t in verb.doc[s].subtree if t.pos_ == "PROPN"}
    return any(p.lower_ not in subject_words for p in owners)


_BARE_TAIL = frozenset(
    {"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "PUNCT", "ADV", "PART", "SPACE"}
)


def _inside_reported_clause(verb: Token, lo: int) -> bool:
    """``verb`` sits in a clause that a verb of the frame (from ``lo``) reports.

    "Lee argued that staff must learn to explain the rules.": the ``ccomp`` of "argued"
    holds "explain". A head before the frame (a quotation the parse joined to it) does not
    count.
    """
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and lo <= tok.head.i < verb.i:
            return True
        tok = tok.head
    return False


def bare_report(verb: Token, hi: int, lo: int | None = None) -> bool:
    """The verb reports speech without a clause of its own: "X said (in a statement).".

    With ``lo`` (the frame's first token), a verb inside a clause that an earlier verb
    of the frame reports is no report either: the subject the parse gives it ("staff"
    in "Lee argued that staff must learn to explain the rules.") is talked about.
    """
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return False
    if lo is not None and _inside_reported_clause(verb, lo):
        return False
    doc = verb.doc
    return all(doc[k].pos_ in _BARE_TAIL for k in range(verb.i + 1, hi))


def cue_right_before(view: DocView, rules: QuoteRules, before: tuple[int, int]) -> bool:
    """A reporting verb (and at most its indirect object) ends the frame: "told CNN “…”"."""
    doc = view.doc
    lo, hi = before
    seen = 0
    for i in range(hi - 1, lo - 1, -1):
        tok = doc[i]
        if tok.is_space:
            continue
        if rules.is_cue(tok.text) and tok.pos_ in {"VERB", "AUX"}:
            return True
        if seen >= 2 or tok.pos_ not in {"PROPN", "NOUN", "PRON"}:
            return False
        seen += 1
    return False


# A quotation that is the complement of the verb after it ends its clause with one of these.
_OUTRO_MARKS = frozenset(",?!")
# Dependents that give a verb a complement of its own: "Lee denied the claim", "Lee
# thought it was over", "Lee seemed tired".
_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"})
# Words of the subject phrase (and an adverb) around the verb: "an angry Ann Lee".
_OUTRO_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PRON", "PART", "ADV", "PUNCT"})
_OUTRO_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Intro:
    """How the frame before a quotation ends.

    Attributes:
        last: index of its last non-space token (``< lo`` when it has none).
        ends_intro: that token is a comma or colon opening the quotation.
    """

    last: int
    ends_intro: bool


# A cue found by scanning a frame: (token index, cue as written, where its speaker sits).
_Found = tuple[int, str, str]


class CueFinder:
    """Stage 3 for one article: the cue of each quotation and the head of its speaker.

    One finder per article. Cue phrases ("according to") are matched once over the
    whole document with spaCy's ``PhraseMatcher``; frame scans and speaker searches are
    memoised, because a candidate's frames are searched several times (as a full and as
    a partial quotation, with and without its after-frame).
    """

    def __init__(self, view: DocView, rules: QuoteRules) -> None:
        self.view = view
        self.doc = view.doc
        self.rules = rules
        self._phrases = _phrase_starts(view.doc, rules)
        self._scans: dict[tuple[int, int, bool, bool, _Intro | None], _Found | None] = {}
        self._cues: dict[tuple[int, str, str, int, int, str], Cue] = {}
        self._names: frozenset[str] | None = None

    def find(
        self,
        before: tuple[int, int],
        after: tuple[int, int],
        content_last: str,
        partial: bool,
    ) -> Cue | None:
        """Find the cue of one quotation in its frames.

        Args:
            before: token range of the frame before the opening mark.
            after: token range of the frame after the closing mark.
            content_last: the last character of the quoted text.
            partial: the quotation is embedded words, for which framing verbs such as
                "called" or "expressed" count as cues.

        Returns:
            The cue, or None when the frames hold none. The searches run in this order:
            a cue introducing the quotation, a cue after it, any cue before it, a colon,
            and (for embedded words) the subject they are the predicate of.
        """
        b_lo, b_hi = before
        intro = self._intro(before)
        found_before = self._scan(b_lo, b_hi, True, partial, intro) if b_hi > b_lo else None
        # "X said, “…”" / "X said: “…”"; embedded words belong to the clause around them
        # ("Yoon assessed that “…”").
        if found_before is not None and (intro.ends_intro or partial):
            intro_cue = self._cue(found_before, BEFORE, before)
            if not self._asks_who(intro_cue):
                return intro_cue
            # "By the time Lee learned who had written it, she knew: “…” she said": the
            # verb before is inside a question; the attribution after the quotation speaks.
            return self._cue_after(after, content_last, partial) or intro_cue
        cue = self._cue_after(after, content_last, partial)
        if cue is not None:
            return cue
        if found_before is not None:  # any cue in the sentence before it
            return self._cue(found_before, BEFORE, before)
        if intro.ends_intro and self.doc[intro.last].text == ":":
            cue = self._colon_cue(before, intro)
            if cue is not None:
                return cue
        if partial:
            return self._predicate_cue(before, intro)
        return self._verb_outro(after, content_last)

    def _verb_outro(self, after: tuple[int, int], content_last: str) -> Cue | None:
        """A verb we do not list that takes the quotation as its only complement.

        "“…,” an angry Ann Lee retaliated.", "“…?” Lee wondered aloud": after a quotation
        closed by a comma, a question or an exclamation mark, a frame that is no more than
        a subject and one finite verb (or the verb and its inverted subject) with no
        object or clause of its own says who uttered it, when the verb can take speech
        (WordNet's verbs of communication and of competition: barked, mocks, questioned,
        retaliated; not arrived, left, slept). The subject must name someone (a proper
        noun, a person, a personal pronoun); "“…,” the crowd roared" and narrative such
        as "“…,” Lee left the room" attribute nothing.
        """
        if content_last not in _OUTRO_MARKS:
            return None
        doc = self.doc
        a_lo, a_hi = after
        words = [k for k in range(a_lo, a_hi) if not doc[k].is_space]
        verbs = [k for k in words if doc[k].pos_ == "VERB" or doc[k].tag_ in FINITE_TAGS]
        if len(verbs) != 1 or doc[verbs[0]].tag_ not in {"VBD", "VBZ"}:
            return None
        v = verbs[0]
        verb = doc[v]
        # "“…,” Lee arrived." is narrative: the verb must be one that can take speech
        # (a communication or competition verb of WordNet, ``rules/speech_verbs.txt``).
        if verb.lower_ not in self.rules.speech_verbs:
            return None
        # The quoted clause itself is often parsed as the verb's complement: only the
        # frame's own words count.
        if not verb.is_lower or any(
            c.dep_ in _COMPLEMENT_DEPS and c.i >= a_lo for c in verb.children
        ):
            return None
        end = next((k for k in words if k > v and doc[k].text == ","), a_hi)
        around = [k for k in words if k != v and k < end]
        if len(around) > _OUTRO_WORDS or any(doc[k].pos_ not in _OUTRO_POS for k in around):
            return None
        cue = self._cue((v, verb.text, "subject"), AFTER, after)
        if cue.subject is None:
            return None
        subj = doc[cue.subject]
        names_someone = subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON"
        if not (names_someone or subj.lower_ in THIRD_PERSON_PRONOUNS):
            return None
        return cue

    def verb_intro(self, before: tuple[int, int]) -> Cue | None:
        """Any verb with its subject, right before the comma that opens a quotation.

        "Freddy circled it as his friends jeered, “Do svidaniya!”", "Billy Joel sings,
        “Don't go changing.”": the verb is no reporting verb of ours, but the grammar
        (subject, verb, comma, a quoted sentence) makes the quotation what was uttered.
        The verb may take "it" ("as the columnist puts it, “…”"); the caller checks the
        quotation is a full sentence.
        """
        b_lo, _ = before
        intro = self._intro(before)
        if not intro.ends_intro or self.doc[intro.last].text != ",":
            return None
        k = intro.last - 1
        if k >= b_lo and self.doc[k].lower_ == "it" and self.doc[k].dep_ == "dobj":
            k -= 1
        if k < b_lo:
            return None
        verb = self.doc[k]
        # The small model tags some past forms as adjectives ("the sailors jeered"): a
        # clause head with its own subject is a verb whatever its tag.
        clause_head = verb.dep_ == "ROOT" and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if not (verb.pos_ == "VERB" or (clause_head and verb.pos_ == "ADJ")):
            return None
        if verb.tag_ in {"VBN", "VBG"}:
            return None  # "titled,", "saying,": a participle, not a clause's verb
        cue = self._cue((k, verb.text, "subject"), BEFORE, before)
        if cue.subject is None or self.doc[cue.subject].lower_ in _NOT_SPEAKERS:
            return None
        return cue

    def _asks_who(self, cue: Cue) -> bool:
        """The cue's subject is a question word ("who had written it"), not a speaker."""
        if cue.subject is None:
            return False
        tok = self.doc[cue.subject]
        return tok.tag_ == "WP" and tok.head.dep_ != "relcl"

    # ------------------------------------------------------------ the searches

    def _intro(self, before: tuple[int, int]) -> _Intro:
        b_lo, b_hi = before
        doc = self.doc
        last = b_hi - 1
        while last >= b_lo and doc[last].is_space:
            last -= 1
        return _Intro(last, last >= b_lo and doc[last].text in {",", ":"})

    def _cue_after(self, after: tuple[int, int], content_last: str, partial: bool) -> Cue | None:
        """A cue after the quotation that attributes it: "“…,” X said" / "“…,” said X"."""
        doc = self.doc
        a_lo, a_hi = after
        last = a_hi - 1
        while last >= a_lo and doc[last].is_space:
            last -= 1
        # "“We are refugees.” Mr. Zahed said: “…”": a frame ending in a colon belongs to
        # the quotation after it.
        leads_next = last >= a_lo and doc[last].text == ":" and content_last != ","
        if a_hi <= a_lo or leads_next:
            return None
        found = self._scan(a_lo, a_hi, False, partial, None)
        if found is None:
            return None
        i = found[0]
        first_word = next((doc[k] for k in range(a_lo, a_hi) if doc[k].is_alpha), None)
        by_punctuation = content_last in _CLAUSE_FINAL or (a_lo < a_hi and doc[a_lo].text == ",")
        reports_sentence = not _has_clausal_object(doc[i], a_lo, a_hi)
        if partial:
            # "Obama “felt an obligation” on climate, Axelrod said.": a sentence-final
            # "…, X said" attributes the whole sentence, quoted words included.
            reports_sentence = reports_sentence and any(doc[k].text == "," for k in range(a_lo, i))
        attributive = (
            by_punctuation
            or reports_sentence
            or (not partial and first_word is not None and first_word.text[:1].islower())
        )
        if content_last == "." and first_word is not None and first_word.text[:1].isupper():
            # “…done.” The QCA has told ministers that …: a new sentence is the
            # quotation's attribution only when it is no more than "X said (in …).": a
            # verb before the cue makes it a sentence of its own ("“…” Only 7% of firms
            # have plans, according to the report.").
            attributive = (
                bare_report(doc[i], a_hi, a_lo)
                and not _clause_before(doc, a_lo, i)
                and not _reports_owned_words(doc[i])
                # "“…done.” Kim agreed. “…”", "“…” On Monday the board agreed to a
                # fund.": a verb that only answers what came before (agree, concur,
                # react: the after-only cues) heads a sentence of its own once the
                # quotation has closed its sentence; only "“…,” Kim agreed." attributes.
                and not (found[2] == "subject" and doc[i].lower_ in self.rules.after_only)
            )
        return self._cue(found, AFTER, after) if attributive else None

    def _colon_cue(self, before: tuple[int, int], intro: _Intro) -> Cue | None:
        """A colon names the subject as speaker: "He then listed the qualities: “…”".

        With no verb at all ("Marco Rubio: ‘…’", transcripts) the noun phrase does.
        """
        doc = self.doc
        b_lo, _ = before
        colon = intro.last
        trans = self._translator(*before)
        # "Pollsters agree - Carl Bialik: “…”" (digest style): a dash ends the lead;
        # only what follows it attributes the quotation.
        c_lo = b_lo
        for k in range(colon - 1, b_lo - 1, -1):
            if doc[k].text in {"-", "–", "—"} and doc[k].whitespace_:
                c_lo = k + 1
                break
        agent = _colon_agent(doc[colon - 1]) if colon - 1 >= c_lo else None
        if agent is not None:
            return Cue(colon, ":", BEFORE, agent, "colon", trans, before)
        subjects = [
            k
            for k in range(c_lo, colon)
            if doc[k].dep_ in SUBJECT_DEPS and doc[k].lower_ not in _NOT_SPEAKERS
        ]
        main = [k for k in subjects if doc[k].head.dep_ == "ROOT"]
        if main or subjects:
            k = (main or subjects)[0]
            if doc[k].pos_ == "NOUN" and doc[k].lower_ in self.rules.non_speakers:
                return None  # "That process led to a realisation: “…”": nobody speaks
            return Cue(colon, ":", BEFORE, k, "colon", trans, before)
        named = self._subject_before_frame(c_lo, colon)
        if named is not None:
            return Cue(colon, ":", BEFORE, named, "colon", trans, before)
        if not any(doc[k].pos_ in {"VERB", "AUX"} for k in range(c_lo, colon)):
            named = _first_noun_run(self.view, c_lo, colon)
            if named is not None and (
                doc[named].pos_ == "PROPN" or self._name_tagged_elsewhere(named)
            ):
                return Cue(colon, ":", BEFORE, named, "colon", trans, before)
        return None

    def _name_tagged_elsewhere(self, i: int) -> bool:
        """A capitalised word the tagger read as a common noun that the article names elsewhere.

        Headline casing misleads the small model: in "Lee: ‘We will win.’" over the
        article, "Lee" is tagged a noun, while the body's "Ann Lee told supporters" tags
        it a name. A label that is a common noun ("Update: ‘…’") is tagged a name nowhere.
        """
        tok = self.doc[i]
        if not tok.is_title:
            return False
        if self._names is None:  # once per article
            self._names = _tagged_names(self.doc)
        return tok.text in self._names

    def _subject_before_frame(self, lo: int, colon: int) -> int | None:
        """The named subject of the frame's verb when a title cut the frame short.

        "Ann Lee, who flew in from the set of “Fargo,” had the same reaction: “…”": the
        frame starts after the title's closing mark, but its verb's subject is the name
        before it, in the same sentence (no sentence end in between).
        """
        doc = self.doc
        for v in range(lo, colon):
            if doc[v].pos_ not in {"VERB", "AUX"}:
                continue
            for child in doc[v].children:
                if (
                    child.dep_ in SUBJECT_DEPS
                    and child.i < lo
                    and child.pos_ == "PROPN"
                    and not any(doc[k].text in SENTENCE_END for k in range(child.i, lo))
                    and "\n" not in self.view.text[child.idx : doc[lo].idx]
                ):
                    return child.i
        return None

    def _predicate_cue(self, before: tuple[int, int], intro: _Intro) -> Cue | None:
        """No verb: the subject frames it ("Yoon and Ishiba “expressed strong concern …”").

        The quoted words are the predicate of a subject written just before them.
        """
        doc = self.doc
        b_lo, b_hi = before
        first = b_hi
        while first < len(doc) and (doc[first].is_punct or doc[first].is_space):
            first += 1  # the first quoted word
        predicate = (
            first < len(doc)
            and doc[first].pos_ in {"VERB", "AUX"}
            and doc[first].text[:1].islower()
        )
        last = intro.last
        if not (predicate and last >= b_lo and doc[last].pos_ in {"PROPN", "NOUN"}):
            return None
        k = last
        while k - 1 >= b_lo and doc[k].dep_ == "conj":
            k = doc[k].head.i if doc[k].head.i >= b_lo else k - 1
        if doc[k].dep_ in SUBJECT_DEPS or doc[k].head.i >= b_hi:
            return Cue(k, "", BEFORE, k, "position", self._translator(*before), before)
        return None

    # ------------------------------------------------------------ frame scans

    def _scan(
        self, lo: int, hi: int, reverse: bool, partial: bool, intro: _Intro | None
    ) -> _Found | None:
        """The cue a frame holds (the nearest one to the quotation), memoised."""
        key = (lo, hi, reverse, partial, intro)
        if key not in self._scans:
            found = self._scan_tokens(lo, hi, reverse, partial, intro)
            if found is not None and reverse and self.doc[found[0]].dep_ == "acl":
                # "X put it in a memo to staff explaining the deal, “…”": a participle
                # that modifies a noun is a weaker cue than an earlier verb with a subject.
                earlier = self._scan_tokens(lo, found[0], reverse, partial, intro)
                found = earlier if earlier is not None else found
            self._scans[key] = found
        return self._scans[key]

    def _scan_tokens(
        self, lo: int, hi: int, reverse: bool, partial: bool, intro: _Intro | None
    ) -> _Found | None:
        doc = self.doc
        match = self.rules.is_frame if partial else self.rules.is_cue
        order = range(hi - 1, lo - 1, -1) if reverse else range(lo, hi)
        for i in order:
            phrase = self._phrase_at(i, hi)
            if phrase is not None:
                return i, phrase[0], phrase[1]
            tok = doc[i]
            # "he continued, “…”" introduces a quotation; "decided to continue “…”"
            # does not: before a quotation such verbs count only right before it.
            if reverse and tok.lower_ in self.rules.after_only and not self._intro_verb(i, intro):
                continue
            if i > 0 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_:
                continue  # "so-called", "self-described": a label, not a report
            if (
                match(tok.text)
                and (
                    tok.pos_ in {"VERB", "AUX"}
                    or _mistagged_verb(tok)
                    or (not reverse and self._closes_frame(i, hi))
                )
                # "continued to push": the verb governs another verb in the frame
                and not any(c.dep_ == "xcomp" and lo <= c.i < hi for c in tok.children)
            ):
                return i, tok.text, "subject"
        return None

    def _phrase_at(self, i: int, hi: int) -> tuple[str, str] | None:
        """The first cue phrase (in rules-file order) starting at token ``i`` inside the frame."""
        for end, phrase, where in self._phrases.get(i, ()):
            if end <= hi:
                return phrase, where
        return None

    def _intro_verb(self, i: int, intro: _Intro | None) -> bool:
        """The verb ends the frame, or comes right before the comma or colon that opens it."""
        if intro is None:
            return False
        if intro.ends_intro and i == intro.last - 1:
            return True
        # "Bystrom agreed." before a quotation: a sentence-final verb.
        doc = self.doc
        return i == intro.last and i + 1 < len(doc) and doc[i + 1].text in SENTENCE_END

    def _closes_frame(self, i: int, hi: int) -> bool:
        """A cue word between a noun and the end of an after-frame is a verb.

        "…,” the two write." / "the Saudis state in a paper": whatever its tag.
        """
        doc = self.doc
        if i == 0 or doc[i - 1].pos_ not in _NOUNISH | {"NUM"}:
            return False
        return i + 1 >= hi or doc[i + 1].is_punct or doc[i + 1].pos_ == "ADP"

    # ------------------------------------------------------------ the speaker

    def _cue(self, found: _Found, side: str, frame: tuple[int, int]) -> Cue:
        """The cue at a scanned position, with the head of its speaker (memoised)."""
        i, word, where = found
        lo, hi = frame
        key = (i, word, side, lo, hi, where)
        if key not in self._cues:
            subject, method = self._subject(i, word, side, lo, hi, where)
            self._cues[key] = Cue(i, word, side, subject, method, self._translator(lo, hi), frame)
        return self._cues[key]

    def _subject(
        self, i: int, word: str, side: str, lo: int, hi: int, where: str
    ) -> tuple[int | None, str]:
        """The speaker's head for a cue, and how it was found (``parse`` or ``position``)."""
        if where == "after" and word != ":":
            # Phrases such as "according to" put the speaker right after them.
            return _noun_run_head(self.view, i + len(word.split()), hi), "position"
        tok = self.doc[i]
        abstract, control = self.rules.non_speakers, self.rules.object_control
        subject = _subject_by_parse(tok, lo, hi, abstract, control)
        if subject is None and tok.tag_ == "VBG":
            # "Ash described it as “…,” adding: “…”", "Howard sent Bush his “warmest
            # congratulations”, saying: “…”": the participle hangs on a verb whose
            # subject sits before an earlier quotation of the same sentence.
            subject = _subject_by_parse(tok, tok.sent.start, hi, abstract, control)
        if subject is not None:
            return subject, "parse"
        addressee = tok.lower_ in self.rules.addressee_verbs
        found = _subject_by_position(self.view, i, len(word.split()), lo, hi, side, addressee)
        if found is not None and found < i:
            owner = _relative_clause_owner(self.doc[found], tok, lo)
            if owner is not None:
                return owner, "position"
        if found is not None and _in_reported_clause(tok, self.doc[found]):
            # By position the speaker would be the subject of the clause the verb
            # reports ("… but said the board had weighed …": the board is talked about).
            shared = _shared_subject(tok)
            if shared is not None:
                return shared, "parse"
        if found is None and side == BEFORE:
            elided = _elided_subject(tok)
            if elided is not None:
                return elided, "parse"
        return found, "position"

    def _translator(self, lo: int, hi: int) -> bool:
        """The frame says the words came through a translator or interpreter."""
        doc = self.doc
        return any(doc[i].lower_ in self.rules.translator_nouns for i in range(lo, hi))


@lru_cache(maxsize=4)
def _phrase_matcher(vocab: Vocab, rules: QuoteRules) -> PhraseMatcher:
    """One ``PhraseMatcher`` over every cue phrase, keyed by its position in the rules."""
    # Imported here: a run with nothing to analyse imports this module, not spaCy.
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    for n, (tokens, _) in enumerate(rules.phrases):
        matcher.add(str(n), [Doc(vocab, words=list(tokens))])
    return matcher


def _phrase_starts(doc: Doc, rules: QuoteRules) -> dict[int, list[tuple[int, str, str]]]:
    """Token index -> (end token, phrase, speaker position) of the cue phrases starting there.

    Listed in rules-file order, so the first phrase that fits a frame wins, as it does
    when the file is read top to bottom.
    """
    phrases = rules.phrases
    strings = doc.vocab.strings
    found: dict[int, list[tuple[int, int, str, str]]] = {}
    for match_id, start, end in _phrase_matcher(doc.vocab, rules)(doc):
        n = int(strings[match_id])
        tokens, where = phrases[n]
        found.setdefault(start, []).append((n, end, " ".join(tokens), where))
    return {start: [m[1:] for m in sorted(hits)] for start, hits in found.items()}
