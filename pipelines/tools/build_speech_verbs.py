"""Build ``rules/speech_verbs.txt``: verbs that can report speech, from WordNet 3.0.

Usage: ``python -m pipelines.tools.build_speech_verbs [WORDNET_DICT_DIR]``
(default ``/usr/share/wordnet``, Debian's ``wordnet-base`` package, 1:3.0-37).

A verb we do not list as a cue may still close a quotation ("“…,” an angry Ann Lee
barked."), but only a verb that can take speech does; "“…,” Ann Lee arrived." is
narrative. The test is lexical and public: a single-word verb with at least one sense in
WordNet's lexicographer file ``verb.communication`` (``lexnames(5WN)``: verbs of
telling, asking, ordering, singing: bark, mock, question, elaborate), or whose most
frequent sense (the first in ``index.verb``) is in ``verb.competition`` (verbs of fighting
and answering an attack, whose blow a quotation can be: retaliate, counterattack,
outshout). Any competition sense would not do: walk, run, sit and go have one too.

Forms: the lemmatizer is disabled in our pipeline, so each lemma is written with its
past and third-person forms (the only ones the rule reads: a finite verb after the
quotation), regular ones made by English spelling rules (both doubled and undoubled final
consonants: a form that is not a word never matches) and irregular ones from WordNet's
``verb.exc`` beside them (a lemma can be two verbs: "lie" has "lay" and "lied"). Nothing here is fitted to an evaluation set.

WordNet 3.0 Copyright 2006 by Princeton University (licence in ``rules/LICENSE.wordnet``).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
OUTPUT = Path(__file__).resolve().parents[1] / "core" / "rules" / "speech_verbs.txt"
# lexnames(5WN)
COMMUNICATION, COMPETITION = 32, 33
_VOWELS = frozenset("aeiou")

HEADER = """\
# Verbs that can report speech: a verb we do not list as a cue closes a quotation only
# when it is one of these ("“…,” Ann Lee barked." attributes; "“…,” Ann Lee arrived." does
# not). Built by pipelines/tools/build_speech_verbs.py from WordNet 3.0 (Debian
# wordnet-base 1:3.0-37): every single-word verb with a sense in the lexicographer file
# verb.communication, or whose first sense is in verb.competition. One lemma per line,
# then its past and third-person forms. Do not edit by hand: rebuild. WordNet 3.0
# Copyright 2006 by Princeton University; licence in LICENSE.wordnet.
"""


def _entries(path: Path) -> list[list[str]]:
    """Fields of each line of a WordNet database file, its licence header left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if not line.startswith("  ")]


def lemmas(wordnet: Path) -> list[str]:
    """Single-word verbs with a communication sense or a competition first sense, sorted."""
    found: set[str] = set()
    lexfile: dict[str, int] = {}
    for fields in _entries(wordnet / "data.verb"):
        lexfile[fields[0]] = int(fields[1])
        if lexfile[fields[0]] == COMMUNICATION:
            words = (fields[4 + 2 * i].lower() for i in range(int(fields[3], 16)))
            found.update(w for w in words if w.isalpha())
    for fields in _entries(wordnet / "index.verb"):
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        first_sense = fields[4 + int(fields[3]) + 2]
        if fields[0].isalpha() and lexfile[first_sense] == COMPETITION:
            found.add(fields[0])
    return sorted(found)


def irregular_forms(wordnet: Path) -> dict[str, set[str]]:
    """Lemma -> its inflected forms that ``verb.exc`` lists (one word each)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for line in (wordnet / "verb.exc").read_text(encoding="utf-8").splitlines():
        form, *bases = line.split()
        for base in bases:
            forms[base].add(form)
    return forms


def regular_forms(lemma: str) -> set[str]:
    """Past and third-person forms by English spelling rules (a superset)."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past = {lemma + "d"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        past = {lemma[:-1] + "ied"}
    else:
        past = {lemma + "ed"}
        last = lemma[-1:]
        if last not in _VOWELS and last not in "wxy" and lemma[-2:-1] in _VOWELS:
            past.add(lemma + last + "ed")  # "chat" -> "chatted" ("visited" kept too)
    return {third, *past}


def build(wordnet: Path = WORDNET_DIR) -> str:
    """The file's text."""
    irregular = irregular_forms(wordnet)
    lines = [
        " ".join([lemma, *sorted((regular_forms(lemma) | irregular[lemma]) - {lemma})])
        for lemma in lemmas(wordnet)
    ]
    return HEADER + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    wordnet = Path(argv[0]) if argv else WORDNET_DIR
    if not (wordnet / "data.verb").exists():
        print(f"no WordNet dictionary at {wordnet} (Debian: apt-get install wordnet-base)")
        return 1
    OUTPUT.write_text(build(wordnet), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
