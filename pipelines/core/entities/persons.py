"""Person lookups beyond the exact name key (issue 11, names side).

Other forms of a gazetteer person's full name: longer or shorter ("Vladimir Vladimirovich
Putin", "Tayyip Erdogan"), extra middle names with a common surname ("Kamala Devi Harris"),
patronymic names without the family name ("Mohammed bin Zayed"), other
transliterations of the surname or a given name ("Ebrahim Raeisi", "Vitaliy Klychko"), and
a nickname for the given name or the reverse ("Joseph Biden" / "Joe Biden").
Every rule needs one gazetteer person to match, never two, and none makes a shorter name
that keeps the first and last names but drops a middle name the same person: that is how
a namesake son is written ("Ahmad Massoud", son of "Ahmad Shah Massoud").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pipelines.core.entities.french import french_marked, french_renderings
from pipelines.core.entities.loaders import (
    country_spellings,
    english_given_names,
    family_first_countries,
    given_name_genders,
    load_nicknames,
    one_spelling_countries,
    ordered_name_countries,
)
from pipelines.core.entities.names import (
    PATRONYMIC_PARTICLES,
    PERSON,
    Entry,
    Hit,
    add_entry,
    clean_name,
    edit_distance,
    parse_person_name,
    patronymic_prefix,
    person_key,
    surname_key,
)
from pipelines.core.entities.wadegiles import name_readings
from pipelines.core.normalize import is_name_particle, name_rules

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pipelines.core.entities.gazetteer import EntityResolver

# A hyphenated family name of two capitalised parts or more ("Ocasio-Cortez").
_COMPOUND_SURNAME = re.compile(r"[A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)+")
# Spellings of the title "Sayyid" before a name (``PersonLookups.lookup_lineage_title``).
_LINEAGE_TITLES = frozenset(
    {"sayyid", "sayyed", "sayed", "sayid", "seyed", "seyyed", "seyyid", "syed", "sayyida"}
)
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})

# Consonant spellings romanisation systems disagree on, folded before vowels are dropped:
# German-style "tsch"/"sch" (Klitschko/Klychko, Gorbatschow), "zh"/"j" (Ahmadinezhad/
# Ahmadinejad), "kh"/"k" and "q"/"k" (Khamenei/Hamenei is not folded: "h" stays), "ph"/"f"
# (Mustapha/Mustafa), "w"/"v" (Wladimir), "dh"/"d". Vowels, "y" and doubled letters are
# what English spellings of Arabic, Persian and Slavic names disagree on most. Twentieth
# session: Persian "gh"/"q" (one letter, ق or غ, romanised either way: "Qasemi"/
# "Ghasemi"), folded to the "k" that "q" already folds to.
_CONSONANT_FOLDS = (
    ("gh", "q"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("zh", "j"),
    ("kh", "k"),
    ("dh", "d"),
    ("ph", "f"),
    ("q", "k"),
    ("w", "v"),
)
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
# A spelling variant must be at least this long to be matched by skeleton: short names
# differ by one vowel between different people (Hamid/Hamad, Rami/Rima).
_MIN_SURNAME = 5
_MIN_GIVEN = 6
_MIN_LONGER = 6
# Vowel letters English spellings of one Arabic or Persian vowel alternate between, and
# the shortest name in which they are matched (``_vowel_quality_variant``).
_SAME_VOWEL = ({"o", "u"}, {"e", "i"})
_MIN_QUALITY = 5


# A German rendering of a Russian, Ukrainian or Belarusian name: its ending ("Lawrow",
# "Alijew", "Sergej", "Selenskyj", "Jurjewitsch"), "tsch" ("Tschernomyrdin"), or "sch" or
# "w" in a word with a Slavic ending ("Prigoschin", "Timoschenko", "Nawalnaja").
_GERMAN_SLAVIC = re.compile(
    r"(?:[aeiou]w|[aeiou]wa|[aeiouy]j|itsch)$|tsch"
    r"|(?:sch|w)[a-z]*(?:in|ina|enko|ski|skaja|naja)$"
)
# German letters for Russian sounds, each with its English spellings ("sch" is both "ш"
# and "ж"; an initial "s" before a vowel is "з": "Selenskyj").
_GERMAN_LETTERS = (
    ("schtsch", ("shch",)),
    ("tsch", ("ch",)),
    ("sch", ("sh", "zh")),
    ("ch", ("kh", "ch")),
    ("w", ("v",)),
    ("j", ("y",)),
)
_MAX_RENDERINGS = 16
# Turkish (and Azerbaijani) letters with the English spellings of their sounds: news copy
# writes "Çavuşoğlu" as "Cavusoglu" (letters without marks) or "Chavushoglu" (as said).
_TURKISH_LETTERS = (
    ("ç", ("c", "ch")),
    ("ş", ("s", "sh")),
    ("ğ", ("g", "")),
    ("ı", ("i",)),
    ("ə", ("a", "e")),
)
_TURKISH_MARKS = re.compile("[çşğıə]")
_MAX_TURKISH = 64
_VOWEL_LETTERS = frozenset("aeiouy")
_INITIAL = re.compile(r"[A-Z]\.?")


def german_renderings(words: Sequence[str]) -> list[str]:
    """English spellings of a name written the German way ("Lawrow" -> "Lavrov")."""
    options: list[list[str]] = []
    for word in words:
        low = word.lower()
        forms = [""]
        i = 0
        while i < len(low):
            for german, english in _GERMAN_LETTERS:
                if low.startswith(german, i):
                    forms = [f + e for f in forms for e in english]
                    i += len(german)
                    break
            else:
                if (
                    low[i] == "s"
                    and low[i + 1 : i + 2] in _VOWEL_LETTERS
                    and (i == 0 or low[i - 1] in _VOWEL_LETTERS)
                ):
                    # German "s" before a vowel is a voiced "z" ("Selenskyj", "Ramsan").
                    forms = [f + e for f in forms for e in "sz"]
                else:
                    forms = [f + low[i] for f in forms]
                i += 1
        options.append(forms)
    out = [""]
    for forms in options:
        out = [f"{o} {f}".strip() for o in out for f in forms][:_MAX_RENDERINGS]
    return out


def turkish_renderings(name: str) -> list[str]:
    """English spellings of a name written with Turkish letters, each letter every way."""
    letters = dict(_TURKISH_LETTERS)
    out = [""]
    for ch in name.lower():
        out = [o + sp for o in out for sp in letters.get(ch, (ch,))][:_MAX_TURKISH]
    return out


def _fold_consonants(token: str) -> str:
    for a, b in _CONSONANT_FOLDS:
        token = token.replace(a, b)
    return token


def spelling_skeleton(token: str) -> str:
    """Spelling-free form of one folded name token: "raeisi" and "raisi" -> "rs"."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", _fold_consonants(token))) or token[:1]


def _close(a: str, b: str, minimum: int) -> bool:
    """True when two tokens are one name spelt two ways.

    Same skeleton, same first and last letter (or i/y: Vitali/Vitaliy; not Alberto/
    Alberta, Orbanyi/Orban), fewer edits than a third of the letters once consonant
    spellings are folded (Hasan/Husain are two names), and long enough: names of five
    letters a vowel apart are different names (Jamal/Jamil).
    """
    if a == b:
        return True
    if _vowel_quality_variant(a, b):
        return True
    if min(len(a), len(b)) < minimum or max(len(a), len(b)) < _MIN_LONGER:
        return False
    if _fold_consonants(a)[0] != _fold_consonants(b)[0]:
        return False  # the first letter, once "gh"/"q" and the like are one
    if spelling_skeleton(a) != spelling_skeleton(b):
        return False
    if a[-1] != b[-1] and {a[-1], b[-1]} != {"i", "y"}:
        return False  # Alberto/Alberta, Orbanyi/Orban: another name
    a, b = _fold_consonants(a), _fold_consonants(b)
    return edit_distance(a, b) * 3 < max(len(a), len(b))


def _vowel_quality_variant(a: str, b: str) -> bool:
    """True for one name whose English spellings differ in one vowel's quality only.

    Arabic and Persian have one vowel where English writes "o" or "u", and one where it
    writes "e" or "i" (Hosni/Husni, Osman/Usman inside a word); a final "i" is also
    written "y" (Hosny). Names of five letters or more, same length, at most one such
    vowel inside the word and a final i/y: Jamal/Jamil and Hamid/Hamad (another vowel)
    and Ruben/Robin (two vowels) stay apart.
    """
    if len(a) != len(b) or len(a) < _MIN_QUALITY or a[0] != b[0]:
        return False
    inner = 0
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y:
            continue
        pair = {x, y}
        if i == len(a) - 1 and pair == {"i", "y"}:
            continue
        if pair not in _SAME_VOWEL or i == len(a) - 1:
            return False
        inner += 1
    return inner <= 1


def drops_inner_name(short: Sequence[str], full: Sequence[str]) -> bool:
    """True when ``short`` is ``full`` without one of its inner names (not an initial).

    First and last name kept, a middle name dropped: that is how a namesake son or
    grandson is written ("Ahmad Massoud", son of "Ahmad Shah Massoud"), so without context
    it is not taken as the same person. Dropping the first given name ("Tayyip Erdogan")
    or an initial is not this.
    """
    if len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    dropped = [t for t in full[1:-1] if t not in short]
    return any(len(t) > 1 for t in dropped)


def _plain(tokens: Sequence[str]) -> bool:
    """A Western-style full name: two tokens or more, no generational suffix."""
    return len(tokens) >= 2 and not GENERATIONAL & set(tokens)


# Countries whose people are named "<given> <father's surname> <mother's surname>" and
# known in news by the first surname (Spain, Portugal, Latin America). Portuguese names
# put the mother's surname first, but a namesake son still adds a word after it.
_TWO_SURNAME_COUNTRIES = frozenset(
    {"ES", "PT", "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "PR", "CO", "VE",
     "EC", "PE", "BO", "CL", "AR", "UY", "PY", "BR"}
)  # fmt: skip


def _uses_two_surnames(entry: Entry) -> bool:
    """True for a gazetteer person who held office in a country of two surnames."""
    return any(country in _TWO_SURNAME_COUNTRIES for _, _, country, _ in entry.positions)


# Malay full names (fourteenth session, general knowledge of Malaysian and Bruneian
# naming): the words news leaves out of an office holder's name. "bin"/"binti" link the
# father's name; "Tun", "Haji" are the father's titles inside it; a first "Muhammad" (in
# its written forms) is the given name the person is not known by.
_MALAY_COUNTRIES = frozenset({"MY", "BN"})
_MALAY_LINKS = frozenset({"bin", "binti", "bte", "tun", "haji", "hj", "hajah", "hajjah"})
_MALAY_MUHAMMAD = frozenset(
    {"mohd", "muhd", "md", "muhammad", "muhamad", "mohammad", "mohamad", "mohamed", "mohammed"}
)


def _country_spelt(country: str, tokens: Sequence[str]) -> str:
    """A name's words folded by one country's spellings, order-free as person keys are.

    A given-name spelling ("Ahmadu") folds the words before the last one only.
    """
    folded = []
    for i, t in enumerate(tokens):
        for pattern, replacement, given_only in country_spellings()[country]:
            if not given_only or i < len(tokens) - 1:
                t = pattern.sub(replacement, t)
        folded.append(t)
    return " ".join(sorted(folded))


def _one_spelling(entry: Entry) -> bool:
    """True for a gazetteer person whose offices are all in countries of one-spelling names.

    Their names are written, not transliterated: another spelling is another name. A
    person with no office on record may be from anywhere and keeps the spelling rules.
    """
    countries = {country for _, _, country, _ in entry.positions}
    return bool(countries) and countries <= one_spelling_countries()


class PersonLookups:
    """Person tables (patronymic prefixes, spelling skeletons, first + last names)."""

    def __init__(self, resolver: EntityResolver, common_surnames: frozenset[str]) -> None:
        """Empty tables; the resolver calls ``index_name`` for every person name."""
        self._resolver = resolver
        self._common = common_surnames
        self._nicknames = load_nicknames()
        self._patronymic: dict[str, list[Entry]] = {}
        self._skeletons: dict[str, list[Entry]] = {}
        self._spellings: dict[str, list[tuple[str, ...]]] = {}  # entity id -> token lists
        self._first_last: dict[tuple[str, str], list[Entry]] = {}
        self._names: dict[str, list[tuple[str, ...]]] = {}  # entity id -> token lists
        # Pinyin readings of names the gazetteer writes in Wade-Giles ("Lai Ching-te").
        self._wade_giles: dict[str, list[Entry]] = {}
        # English spellings of names the gazetteer writes the French way ("dj", "ï").
        self._french: dict[str, list[Entry]] = {}
        # English spellings of names the gazetteer writes with Turkish letters ("ç", "ş").
        self._turkish: dict[str, list[Entry]] = {}
        # (country, name folded by that country's spellings) -> its office holders.
        self._country_spelt: dict[tuple[str, str], list[Entry]] = {}
        # A hyphenated family name as one key ("ocasio-cortez") -> the people who bear it.
        self._compound_surnames: dict[str, list[Entry]] = {}

    def index_name(self, entry: Entry, name: str) -> None:
        """Index one name (canonical or alias) of a gazetteer person."""
        add_entry(self._patronymic, patronymic_prefix(name), entry)
        for reading in name_readings(clean_name(name).split(), every_word=True):
            add_entry(self._wade_giles, person_key(reading), entry)
        words = clean_name(name).split()
        if len(words) >= 2 and french_marked(words, strong=True):
            for rendering in french_renderings(words):
                add_entry(self._french, person_key(rendering), entry)
        if _TURKISH_MARKS.search(name.lower()):
            for rendering in turkish_renderings(clean_name(name)):
                add_entry(self._turkish, person_key(rendering), entry)
        parsed = parse_person_name(clean_name(name))
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens):
            return
        if (
            len(words) >= 2
            and _COMPOUND_SURNAME.fullmatch(words[-1])
            and words[0].casefold() not in name_rules().chinese_surnames
        ):
            # A family name of two capitalised parts ("Roe-Smith"); not a particle glued to
            # a name ("al-Roe", whose key drops the particle) nor a Chinese given name.
            key = surname_key(words[-1])
            if "-" in key:
                add_entry(self._compound_surnames, key, entry)
        for country in {c for _, _, c, _ in entry.positions} & country_spellings().keys():
            add_entry(self._country_spelt, (country, _country_spelt(country, tokens)), entry)
        eid = entry.entity.entity_id
        add_entry(self._skeletons, self._skeleton_key(tokens), entry)
        self._spellings.setdefault(eid, []).append(tokens)
        add_entry(self._first_last, (tokens[0], tokens[-1]), entry)
        self._names.setdefault(eid, []).append(tokens)

    def unknown_form(self, name: str) -> str:
        """The plainest writing of a full name outside the gazetteer, "" when it is plain.

        Issue 11, seventeenth session (a class of North American news: a middle name spelt
        out). It is keyed instead of the name when no gazetteer person answers it (the
        caller checks):

        * "Jane Mary Roe" -> "Jane Roe": three words whose middle one is an English given
          name (one the nicknames table lists in any pair), of the first one's sex in US birth
          statistics or of neither ("Lynn", "Jean"). A middle initial is dropped the same
          way; "Ana Pardo Roe" (two surnames), "Jane Smith Roe" (a maiden name), "Jane Roe
          Jr." and a compound given name of other languages written without its hyphen
          ("Karl Heinz Roe", "Sven Goran Roe": Heinz and Goran have no English nicknames)
          keep their words.

        Twentieth session: a woman's middle word that is also a common surname ("Jane Rose
        Roe") may be her maiden name and stays; a man's ("John Henry Roe", "John Thomas
        Roe") is his middle name: men do not take a wife's surname. A common surname after
        the middle name no longer stops the drop ("Jane Ann Smith" ~ "Jane Smith"): the
        short form is the key any "Jane Smith" has already, so no pair is keyed together
        that the short form alone would not key together.
        """
        words = clean_name(name).split()
        parsed = parse_person_name(" ".join(words))
        if (
            parsed.style != "general"
            or not _plain(parsed.tokens)
            or len(words) != len(parsed.tokens)
        ):
            return ""
        plain = words
        genders = given_name_genders()
        middle = plain[1].casefold() if len(plain) == 3 and plain[1].isalpha() else ""
        sex = genders.get(plain[0].casefold(), "?")
        if (
            # A family-name particle is no middle name ("Di" is also short for Diana).
            len(middle) >= 3
            and not is_name_particle(middle)
            and middle in english_given_names()
            and sex in ("m", "f")
            # The first name's sex, or a name of both sexes (absent from the gender table)
            # that has nicknames of its own ("Lynn", "Jean"; not the table's rare names).
            and genders.get(middle, sex if middle in self._nicknames else "") == sex
            # A woman's middle word that is a common surname may be her maiden name.
            and (sex == "m" or surname_key(middle) not in self._common)
        ):
            plain = [plain[0], plain[2]]
        return " ".join(plain) if plain != words else ""

    def order_fits(self, entry: Entry, name: str) -> bool:
        """False for a known person of father's-name countries written in another order.

        "<given> <father's given>" swapped is the father's namesake son ("Ahmad Yusof" /
        "Yusof Ahmad"): for a person whose offices are all in ``ordered_name_countries``,
        the words the name shares with one of the person's known names must come in that
        name's order. Other people stay order-free (family-name-first writing).
        """
        countries = {country for _, _, country, _ in entry.positions}
        if not countries or not countries <= ordered_name_countries():
            return True
        known = self._names.get(entry.entity.entity_id)
        parsed = parse_person_name(clean_name(name))
        if not known or parsed.style != "general":
            return True
        tokens = [t for t in parsed.tokens if t not in PATRONYMIC_PARTICLES]
        for words in known:
            shared = [t for t in tokens if t in words]
            if [t for t in words if t in shared] == shared:
                return True
        return False

    @staticmethod
    def _skeleton_key(tokens: Sequence[str]) -> str:
        skeletons = [spelling_skeleton(t) for t in tokens]
        # Order-free like person keys, except patronymic chains: "Hamad bin Tamim" is the
        # father of "Tamim bin Hamad", not another spelling of him.
        if PATRONYMIC_PARTICLES & set(tokens):
            return " ".join(skeletons)
        return " ".join(sorted(skeletons))

    def lookup(self, name: str) -> Hit | None:
        """The gazetteer person another form of this full name names, if exactly one."""
        hit = (
            self.lookup_extended(name)
            or self.lookup_leading_initial(name)
            or self.lookup_patronymic_prefix(name)
            or self.lookup_middle_names(name)
            or self.lookup_spelt_initial(name)
            or self.lookup_spelling(name)
            or self.lookup_nickname(name)
            or self.lookup_german_rendering(name)
            or self.lookup_french_rendering(name)
            or self.lookup_turkish_rendering(name)
            or self.lookup_country_spelling(name)
            or self.lookup_malay_form(name)
            or self.lookup_wade_giles(name)
            or self.lookup_joined(name)
            or self.lookup_suffixed_surname(name)
            or self.lookup_reversed(name)
            or self.lookup_english_given_name(name)
            or self.lookup_monsieur(name)
            or self.lookup_lineage_title(name)
            or self.lookup_compound_surname(name)
        )
        if hit is not None and not self.order_fits(hit.entry, name):
            return None  # "Yusof Ahmad" is not the known "Ahmad Yusof"
        return hit

    def _exact_person(self, name: str) -> Entry | None:
        """The known person (gazetteer or overrides) this name is exactly, if any."""
        hit = self._resolver.lookup_exact(name, PERSON)
        if hit is None or hit.entry.kind == "name" or hit.entry.entity.entity_type != PERSON:
            return None
        return hit.entry

    def lookup_reversed(self, name: str) -> Hit | None:
        """A family-name-first name written the other way round: "Jinping Xi", "Orbán Viktor".

        Issue 11, twentieth session. Two words whose reversal is exactly one gazetteer
        person's name, when that name is family-name-first by nature: a Chinese name (a
        Chinese surname first, ``parse_person_name``'s "chinese" style; Western copy
        sometimes puts the given name first) or the name of a person whose offices are all
        in ``rules/family_first_countries.txt`` (Hungarian copy writes "Orbán Viktor").
        Other two-word names are two people when swapped ("Thomas Kelly" / "Kelly Thomas").
        """
        words = clean_name(name).split()
        if len(words) != 2:
            return None
        e = self._exact_person(f"{words[1]} {words[0]}")
        if e is None:
            return None
        countries = {country for _, _, country, _ in e.positions}
        chinese = parse_person_name(clean_name(e.entity.canonical_name)).style == "chinese"
        if not chinese and not (countries and countries <= family_first_countries()):
            return None
        return Hit(e, "reversed", f"{e.entity.canonical_name} in the other order")

    def lookup_english_given_name(self, name: str) -> Hit | None:
        """An English given name before a Chinese name: "William Lai Ching-te".

        Issue 11, twentieth session. People of Taiwan, Hong Kong and Singapore are written
        with an English given name, their Chinese name, or both ("<English> <surname>
        <Chinese given name>"). The name without its first word must be one gazetteer
        person's Chinese name exactly, and the first word with the surname that same
        person's name: both halves name them.
        """
        words = clean_name(name).split()
        if len(words) < 3 or not words[0].isalpha():
            return None
        e = self._exact_person(" ".join(words[1:]))
        if e is None or parse_person_name(" ".join(words[1:])).style != "chinese":
            return None
        other = self._exact_person(f"{words[0]} {words[1]}")
        if other is None or other.entity.entity_id != e.entity.entity_id:
            return None
        return Hit(e, "english_given_name", f"{e.entity.canonical_name} with an English name")

    def lookup_compound_surname(self, name: str) -> Hit | None:
        """A known person's hyphenated family name alone: "Roe-Smith" for "Jane Roe-Smith".

        Issue 11, twentieth session. Person keys split a hyphenated name into its parts, so
        the bare-surname rules only knew the last part ("Smith"), which says nothing about
        who is meant. The whole hyphenated word, written as the last word of exactly one
        gazetteer person's name, is that person (a woman's title before a man's name is
        refused afterwards, as for any bare surname). One part alone stays unknown.
        """
        words = name.split()
        if len(words) != 1 or "-" not in words[0].strip("-"):
            return None
        entries = self._compound_surnames.get(surname_key(words[0]), [])
        if len(entries) != 1:
            return None
        e = entries[0]
        return Hit(e, "compound_surname", f"hyphenated family name of {e.entity.canonical_name}")

    def lookup_lineage_title(self, name: str) -> Hit | None:
        """A known person's name after "Sayyid"/"Seyed"/"Syed": "Seyed Jane Roe".

        Issue 11, twentieth session (general knowledge of Iranian, Arab and South Asian
        naming): the title of a descendant of the Prophet's family is written before the
        name in full forms and left out in most news copy. Before two words or more, the
        rest must name one gazetteer person; "Syed" alone before one word is a given name.
        """
        words = clean_name(name).split()
        if len(words) < 3 or words[0].casefold() not in _LINEAGE_TITLES:
            return None
        rest = " ".join(words[1:])
        hit = self._resolver.lookup_exact(rest, PERSON) or self.lookup(rest)
        if hit is None or hit.entry.kind == "name" or hit.entry.entity.entity_type != PERSON:
            return None
        e = hit.entry
        return Hit(e, "lineage_title", f"{e.entity.canonical_name} with a lineage title")

    def lookup_monsieur(self, name: str) -> Hit | None:
        """French copy's "M." (Monsieur) before a known man's surname: "M. Roe".

        Issue 11, twentieth session. "M." is an initial as often ("M. Roe" for Mary Roe),
        so it is read as Monsieur only when the surname alone names one gazetteer person
        (the bare-surname rules, with a man's title), whose given name is a man's, and no
        other gazetteer person of that surname has a given name starting with "M".
        """
        words = name.split()
        if len(words) != 2 or words[0] != "M." or not words[1][:1].isupper():
            return None
        hit = self._resolver.lookup_surname(words[1], ("monsieur",))
        if hit is None or hit.entry.kind != "person" or hit.entry.entity.entity_type != PERSON:
            return None
        e = hit.entry
        given = clean_name(e.entity.canonical_name).split()[0]
        if given_name_genders().get(given.casefold()) != "m":
            return None
        for other in self._resolver.surname_entries(surname_key(words[1])):
            if other.entity.entity_id != e.entity.entity_id and clean_name(
                other.entity.canonical_name
            ).startswith("M"):
                return None  # "M. Roe" may be that person's initial
        return Hit(e, "monsieur", f"Monsieur {e.entity.canonical_name}")

    def lookup_joined(self, name: str) -> Hit | None:
        """A gazetteer name written with one word split by a hyphen or a space.

        "Mahmoud Ahmadi-Nejad" is Mahmoud Ahmadinejad, "Raj Nath Singh" would be Rajnath
        Singh: one hyphenated word or two neighbouring words are written as one, the name
        keeps two words or more, and one gazetteer person must answer.
        """
        words = clean_name(name).split()
        if len(words) < 2:
            return None
        candidates = [
            [*words[:i], w.replace("-", ""), *words[i + 1 :]]
            for i, w in enumerate(words)
            if "-" in w
        ]
        if len(words) >= 3:
            candidates += [
                [*words[:i], words[i] + words[i + 1].lower(), *words[i + 2 :]]
                for i in range(len(words) - 1)
            ]
        e = self._one_person(" ".join(cand) for cand in candidates)
        if e is None:
            return None
        return Hit(e, "joined", f"one word of {e.entity.canonical_name} written apart")

    def _one_person(self, forms: Iterable[str]) -> Entry | None:
        """The gazetteer person these rewritten forms name, when exactly one answers.

        Two people answering two rewrites means the rewrite is a guess: no answer.
        """
        found: dict[str, Entry] = {}
        for form in forms:
            hit = self._resolver.lookup_exact(form, PERSON)
            if hit is not None and hit.entry.entity.entity_type == PERSON:
                found[hit.entry.entity.entity_id] = hit.entry
        return next(iter(found.values())) if len(found) == 1 else None

    def lookup_wade_giles(self, name: str) -> Hit | None:
        """A gazetteer person's Chinese name in the other romanisation (Wade-Giles, Pinyin).

        "Hsi Chin-p'ing" is Xi Jinping; "Lai Ching-teh" and "Lai Qingde" are the
        gazetteer's "Lai Ching-te". A name marked as Wade-Giles (``wadegiles``) is read as
        Pinyin and looked up; any name is also looked up among the Pinyin readings of the
        gazetteer's Wade-Giles names. One gazetteer person must answer.
        """
        words = clean_name(name).split()
        readings = name_readings(words, every_word=True)
        found: dict[str, Entry] = {}
        for reading in readings or [" ".join(words)]:
            if readings:
                hit = self._resolver.lookup_exact(reading, PERSON)
                if hit is not None and hit.entry.entity.entity_type == PERSON:
                    found[hit.entry.entity.entity_id] = hit.entry
            for e in self._wade_giles.get(person_key(reading), ()):
                found[e.entity.entity_id] = e
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return Hit(e, "wade_giles", f"other romanisation of {e.entity.canonical_name}")

    def lookup_german_rendering(self, name: str) -> Hit | None:
        """A gazetteer person's Russian or Ukrainian name as German copy writes it.

        German transliteration writes "w" for "v", "j" for "y", "sch" for both "sh" and
        "zh", "tsch" for "ch", "ch" for "kh" and "s" before a vowel for "z": "Sergej
        Lawrow", "Alexej Nawalny", "Jewgeni Prigoschin". A name with a German-style Slavic
        ending (-ow, -ew, -ej, -ij, -yj, -itsch), "tsch", or "sch"/"w" in a word with a
        Slavic ending is rewritten the English way (each ambiguous letter both ways) and
        looked up as a gazetteer name or another spelling of one; one gazetteer person must
        answer, with a surname that is not a common one. Names outside the gazetteer keep
        their German key.
        """
        words = clean_name(name).split()
        if len(words) < 2 or not any(_GERMAN_SLAVIC.search(w.lower()) for w in words):
            return None
        e = self._one_rendered_person(german_renderings(words), " ".join(words), {})
        if e is None:
            return None
        return Hit(e, "german_rendering", f"German rendering of {e.entity.canonical_name}")

    def lookup_french_rendering(self, name: str) -> Hit | None:
        """A gazetteer person's Russian, Ukrainian or Arabic name as French copy writes it.

        French transliteration writes "ou" for "u", "j" for "zh", "ch" for "sh", "tch" for
        "ch", "dj" for Arabic "j" and "-ine" for "-in": "Vladimir Poutine", "Mikhaïl
        Michoustine", "Bachar al-Assad". A name with a French mark (``french``) is
        rewritten the English way (``rules/french_renderings.tsv``, each ambiguous letter
        every way) and looked up as a gazetteer name or another spelling of one; any name
        is also looked up among the English spellings of the gazetteer's names written
        the French way (a "dj" name written with "j"). One gazetteer person must answer,
        with a surname that is not a common one. Names outside the gazetteer keep their
        French key.
        """
        words = clean_name(name).split()
        if len(words) < 2:
            return None
        found: dict[str, Entry] = {
            e.entity.entity_id: e
            for e in self._french.get(person_key(name), [])
            if e.entity.entity_type == PERSON
        }
        alts = french_renderings(words) if french_marked(words) else []
        e = self._one_rendered_person(alts, " ".join(words).lower(), found)
        if e is None:
            return None
        return Hit(e, "french_rendering", f"French rendering of {e.entity.canonical_name}")

    def lookup_turkish_rendering(self, name: str) -> Hit | None:
        """A gazetteer person's name written with Turkish letters, spelt as English says it.

        "ç" is written "c" or "ch", "ş" "s" or "sh", "ğ" "g" or left out, "ı" "i" (and the
        Azerbaijani "ə" "a" or "e"): a name the gazetteer writes "Çağlar Kılıç" is found as
        "Chaglar Kilich" too. One gazetteer person must answer, with a surname that is not
        a common one; names outside the gazetteer keep their own key.
        """
        if len(clean_name(name).split()) < 2:
            return None
        found = {
            e.entity.entity_id: e
            for e in self._turkish.get(person_key(name), [])
            if e.entity.entity_type == PERSON
        }
        e = self._one_rendered_person([], "", found)
        if e is None:
            return None
        return Hit(e, "turkish_rendering", f"spelling of {e.entity.canonical_name}")

    def _one_rendered_person(
        self, alts: Iterable[str], written: str, found: dict[str, Entry]
    ) -> Entry | None:
        """The one gazetteer person that the respellings of a name (besides itself) name.

        Each respelling is looked up as a gazetteer name or another spelling of one and
        added to ``found``; a person whose surname is a common one is not taken, since a
        respelt common surname says too little about who is meant.
        """
        for alt in alts:
            if alt == written:
                continue
            hit = self._resolver.lookup_exact(alt, PERSON) or self.lookup_spelling(alt)
            if hit is not None and hit.entry.entity.entity_type == PERSON:
                found[hit.entry.entity.entity_id] = hit.entry
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        if parse_person_name(clean_name(e.entity.canonical_name)).tokens[-1] in self._common:
            return None
        return e

    def lookup_leading_initial(self, name: str) -> Hit | None:
        """A gazetteer person's full name after one initial: "H. Ross Perot" style.

        An initial before a full name of two words or more is a first name the person is
        not known by (English "J. Robert X"; Indonesian "H." for Haji); what follows must
        be one gazetteer person's name exactly. Initials before one word ("H. W. Bush")
        are not this.
        """
        words = clean_name(name).split()
        if len(words) < 3 or not _INITIAL.fullmatch(words[0]) or _INITIAL.fullmatch(words[1]):
            return None
        hit = self._resolver.lookup_exact(" ".join(words[1:]), PERSON)
        if hit is None or hit.entry.kind != "person" or hit.entry.entity.entity_type != PERSON:
            return None
        e = hit.entry
        return Hit(e, "leading_initial", f"{e.entity.canonical_name} after an initial")

    def lookup_patronymic_prefix(self, name: str) -> Hit | None:
        """A gazetteer person named without the family name: "Mohammed bin Zayed"."""
        parsed = parse_person_name(name)
        if not any(t in PATRONYMIC_PARTICLES for t in parsed.tokens[1:-1]):
            return None
        entries = self._patronymic.get(" ".join(parsed.tokens), [])
        if len(entries) != 1:
            return None
        e = entries[0]
        return Hit(e, "patronymic_prefix", f"shorter form of {e.entity.canonical_name}")

    def lookup_extended(self, name: str) -> Hit | None:
        """A longer or shorter form of a gazetteer person's full name.

        "Vladimir Vladimirovich Putin", "William Jefferson Clinton", "Tayyip Erdogan",
        "Mohammed bin Salman Al Saud": the name shares a token with a surname that is
        unique in the gazetteer and not common (the same test that lets "Putin" stand
        alone), and one name's tokens contain the other's, first given name included when
        both have one. Generational suffixes (Jr., II) and East Asian names never match
        this way (Kim Jong Un / Kim Jong Il, Donald Trump / Donald Trump Jr.), nor does a
        shorter name without a middle name (``drops_inner_name``), nor a longer name that
        puts a word after the person's surname (a namesake's family name), nor, for people of
        countries with two surnames, a longer name that only adds a word after the whole
        name (a namesake son's second surname).
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens):
            return None
        found: dict[str, Entry] = {}
        for tok in set(tokens):
            for e in self._resolver.short_form_entries(tok):
                other = parse_person_name(clean_name(e.entity.canonical_name)).tokens
                if not _plain(other):
                    continue
                small, big = sorted((set(tokens), set(other)), key=len)
                if not small <= big or len(small) < 2:
                    continue
                if set(other) <= set(tokens) and other[0] != tokens[0]:
                    continue  # a longer name must keep the same first given name
                if (
                    len(tokens) > len(other)
                    and tokens[-1] != other[-1]
                    and not PATRONYMIC_PARTICLES & set(other)
                ):
                    # A word after the person's surname makes it a middle name of another
                    # family name: "Nitish Kumar Reddy" is not "Nitish Kumar" (a namesake,
                    # found through a given name the person is known by alone). Patronymic
                    # names go on with the family name ("Mohammed bin Salman Al Saud").
                    continue
                if (
                    len(tokens) == len(other) + 1
                    and list(tokens[:-1]) == list(other)
                    and _uses_two_surnames(e)
                ):
                    # In countries whose names carry the mother's surname after the
                    # father's, one more word after the whole name may be a namesake's:
                    # "Nicolás Maduro Guerra" is the son of "Nicolás Maduro". Full legal
                    # names are aliases instead ("Pedro Sánchez Pérez-Castejón").
                    continue
                if drops_inner_name(tokens, other):
                    continue
                found[e.entity.entity_id] = e
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return Hit(e, "gazetteer_name_form", f"longer/shorter form of {e.entity.canonical_name}")

    def lookup_middle_names(self, name: str) -> Hit | None:
        """A gazetteer person's two-word name with middle names added: "Kamala Devi Harris".

        For surnames too common to stand alone (``lookup_extended`` covers the others):
        same first and last name as one of the person's gazetteer names, whose middle names
        (if any) it keeps, and no other gazetteer person with that first and last name.
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens) or len(tokens) < 3:
            return None
        entries = self._first_last.get((tokens[0], tokens[-1]), [])
        if len(entries) != 1:
            return None
        e = entries[0]
        inner = set(tokens[1:-1])
        # The gazetteer name with this first and last name must have no middle name the
        # name lacks: "Mian Muhammad Shehbaz Sharif" is not "Mian Nawaz Sharif" (brothers).
        if not any(
            known[0] == tokens[0] and known[-1] == tokens[-1] and set(known[1:-1]) <= inner
            for known in self._names.get(e.entity.entity_id, ())
        ):
            return None
        return Hit(e, "middle_names", f"{e.entity.canonical_name} with middle names")

    def lookup_suffixed_surname(self, name: str) -> Hit | None:
        """A surname with a generational suffix: "Doe Jr." for the one known "John Doe Jr.".

        The surname must not be a common one, and exactly one gazetteer person of that
        surname carries the suffix (issue 11, sixteenth session): the father ("John Doe")
        and the rest of the family never match.
        """
        words = name.split()
        if len(words) != 2 or words[1].lower().rstrip(".") not in GENERATIONAL:
            return None
        key = surname_key(words[0])
        if not key or key in self._common:
            return None
        suffix = words[1].lower().rstrip(".")
        fits = {
            e.entity.entity_id: e
            for e in self._resolver.surname_entries(key)
            if suffix in parse_person_name(clean_name(e.entity.canonical_name)).tokens
        }
        if len(fits) != 1:
            return None
        e = next(iter(fits.values()))
        return Hit(e, "suffixed_surname", f"surname and suffix of {e.entity.canonical_name}")

    def lookup_spelt_initial(self, name: str) -> Hit | None:
        """A gazetteer person known by a middle initial, written with that middle name.

        "Robert Francis Kennedy Jr." is the known "Robert F. Kennedy Jr.", "George Herbert
        Walker Bush" the known "George H. W. Bush" (issue 11, sixteenth session): each
        middle name (all of them, or one) is put back to its initial and the whole name,
        generational suffix included, must then be one gazetteer person's. The first and
        last names are never shortened, so "Robert Kennedy" stays apart from both.
        """
        words = name.split()
        inner = [
            i
            for i in range(1, len(words) - 1)
            # A capitalised middle name: never a particle ("bin", "van"), whose initial
            # would turn a father's-name chain into another man's name.
            if words[i].isalpha()
            and words[i][:1].isupper()
            and len(words[i]) > 1
            and words[i].lower() not in GENERATIONAL | PATRONYMIC_PARTICLES
        ]
        if not inner or len(words) < 3:
            return None
        tries = [inner] + ([[i] for i in inner] if len(inner) > 1 else [])
        e = self._one_person(
            " ".join(f"{w[0]}." if i in shorten else w for i, w in enumerate(words))
            for shorten in tries
        )
        if e is None:
            return None
        return Hit(e, "spelt_initial", f"{e.entity.canonical_name} with a middle name spelt out")

    def lookup_spelling(self, name: str) -> Hit | None:
        """Another transliteration of a gazetteer person's name: "Ebrahim Raeisi".

        Same number of names, the same spelling skeleton (``spelling_skeleton``), each
        name within a third of its letters of the gazetteer's, and names short enough to
        be different names when a vowel differs (Hamid/Hamad) written the same. Not with
        a common surname, as for nicknames: "Michael Martin" is a namesake of the Irish
        "Micheál Martin" as often as another spelling of him.
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens) or tokens[-1] in self._common:
            return None
        entries = self._skeletons.get(self._skeleton_key(tokens), [])
        if len(entries) != 1:
            return None
        e = entries[0]
        if _one_spelling(e) or not self.order_fits(e, name):
            return None  # "Gabriella" is not another transliteration of a "Gabriela"
        ordered = bool(PATRONYMIC_PARTICLES & set(tokens))
        for known in self._spellings.get(e.entity.entity_id, ()):
            if len(known) != len(tokens):
                continue
            if ordered and not all(
                _close(t, k, _MIN_GIVEN) for t, k in zip(tokens, known, strict=True)
            ):
                continue
            if self._same_names(tokens, known):
                return Hit(e, "spelling", f"spelling of {e.entity.canonical_name}")
        return None

    def lookup_country_spelling(self, name: str) -> Hit | None:
        """A known office holder's name in another romanisation of their country's letters.

        "Ahmadu"/"Ahmad" (Hausa), "j"/"z" (Bengali), "th"/"t" (Thai): both spellings are
        folded by ``rules/country_spellings.tsv`` and must then be one of the names of one
        person who held office in that country; nobody else is matched this way.
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens) or len(tokens) < 2:
            return None
        found: dict[str, Entry] = {}
        for country in country_spellings():
            for e in self._country_spelt.get((country, _country_spelt(country, tokens)), []):
                found[e.entity.entity_id] = e
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return Hit(e, "country_spelling", f"a romanisation of {e.entity.canonical_name}")

    def lookup_malay_form(self, name: str) -> Hit | None:
        """A Malay office holder's full name: "bin"/"binti", "Tun"/"Haji", a leading "Mohd".

        Malay names are "<given> bin <father's name>", often with a "Muhammad" given name
        news leaves out and the father's titles ("Tun", "Haji"). Without those words the
        name must name one person who held office in a Malay country only, as written
        (the father's name order is kept: "bin" is never swapped round).
        """
        words = clean_name(name).split()
        kept = [w for w in words if w.strip(".").lower() not in _MALAY_LINKS]
        if len(kept) > 2 and kept[0].strip(".").lower() in _MALAY_MUHAMMAD:
            kept = kept[1:]
        if len(kept) < 2 or kept == words:
            return None
        alt = " ".join(kept)
        hit = self._resolver.lookup_exact(alt, PERSON) or self.lookup(alt)
        if hit is None or hit.entry.entity.entity_type != PERSON:
            return None
        countries = {country for _, _, country, _ in hit.entry.positions}
        if not countries or not countries <= _MALAY_COUNTRIES:
            return None
        return Hit(hit.entry, "malay_form", f"Malay full name of {hit.entry.entity.canonical_name}")

    def lookup_nickname(self, name: str) -> Hit | None:
        """A gazetteer person written with a nickname or the full given name.

        "Joseph Biden" / "Joe Biden", "Liz Truss" / "Elizabeth Truss": the first name is
        swapped for each related form in the ``nicknames`` table (``load_nicknames``) and
        the result looked up exactly; one gazetteer person must answer, and the surname
        must not be a common one ("Jon Smith" is not "John Smith").
        """
        parsed = parse_person_name(name)
        tokens = parsed.tokens
        if parsed.style != "general" or not _plain(tokens) or tokens[-1] in self._common:
            return None
        found: dict[str, Entry] = {}
        for alt in sorted(self._nicknames.get(tokens[0], ())):
            hit = self._resolver.lookup_exact(" ".join([alt, *tokens[1:]]), PERSON)
            if hit is not None and hit.entry.entity.entity_type == PERSON:
                found[hit.entry.entity.entity_id] = hit.entry
        if len(found) != 1:
            return None
        e = next(iter(found.values()))
        return Hit(e, "nickname", f"{tokens[0]!r} for the given name of {e.entity.canonical_name}")

    @staticmethod
    def _same_names(tokens: Sequence[str], known: Sequence[str]) -> bool:
        """Pair the names by skeleton (order-free, as person keys are) and compare each."""
        rest = list(known)
        for i, t in enumerate(tokens):
            # Only the surname (last in both) may be as short as _MIN_SURNAME.
            last = i == len(tokens) - 1
            match = next(
                (
                    k
                    for k in rest
                    if _close(t, k, _MIN_SURNAME if last and k == known[-1] else _MIN_GIVEN)
                ),
                None,
            )
            if match is None:
                return False
            rest.remove(match)
        return True
