"""Each normalisation step on its own, then the composed keys."""

from __future__ import annotations

import pytest

from pipelines.core import normalize as n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoon Suk\u2010yeol", "Yoon Suk-yeol"),
        ("Yoon Suk\u2011yeol", "Yoon Suk-yeol"),
        ("Kim Jong\u00adun", "Kim Jong-un"),
        ("Seoul\u2013Tokyo", "Seoul\u2013Tokyo"),  # an en dash between words is not a hyphen
    ],
)
def test_fold_hyphens(text: str, expected: str) -> None:
    assert n.fold_hyphens(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoon\u00a0Suk Yeol", "Yoon Suk Yeol"),
        ("  Fumio\u202fKishida ", "Fumio Kishida"),
        ("Xi\u200b Jinping", "Xi Jinping"),
        ("Joe  \n Biden", "Joe Biden"),
    ],
)
def test_fold_spaces(text: str, expected: str) -> None:
    assert n.fold_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoon\u2019s", "Yoon's"),
        ("O\u2018Driscoll", "O'Driscoll"),
        ("Ch\u02bc\u014fl", "Ch'\u014fl"),
    ],
)
def test_fold_apostrophes(text: str, expected: str) -> None:
    assert n.fold_apostrophes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yun S\u014fk-y\u014fl", "Yun Sok-yol"),
        ("Gerhard Schr\u00f6der", "Gerhard Schroder"),
        ("Recep Tayyip Erdo\u011fan", "Recep Tayyip Erdogan"),
        ("Lech Wa\u0142\u0119sa", "Lech Walesa"),
        ("C\u00f4te d'Ivoire", "Cote d'Ivoire"),
    ],
)
def test_fold_diacritics(text: str, expected: str) -> None:
    assert n.fold_diacritics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("YOON Suk Yeol", "yoon suk yeol"), ("Stra\u00dfe", "strasse")]
)
def test_fold_case(text: str, expected: str) -> None:
    assert n.fold_case(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yoon's", "Yoon"),
        ("Jones'", "Jones"),
        ("North Korea's", "North Korea"),
        ("Yoon", "Yoon"),
        ("it's a", "it's a"),
    ],
)
def test_strip_possessive(text: str, expected: str) -> None:
    assert n.strip_possessive(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("Mr. Kishida", "Kishida", ("mr",)),
        (
            "former Japanese Prime Minister Fumio Kishida",
            "Fumio Kishida",
            ("former", "japanese", "prime minister"),
        ),
        ("South Korean President Yoon Suk Yeol", "Yoon Suk Yeol", ("south korean", "president")),
        ("ex-President Moon Jae-in", "Moon Jae-in", ("ex", "president")),
        ("Tory leader Michael Howard", "Michael Howard", ("tory", "leader")),
        ("Education Secretary Charles Clarke", "Charles Clarke", ("education secretary",)),
        ("Samsung chairman Lee Jae-yong", "Lee Jae-yong", ("samsung chairman",)),
        # Nationality words are descriptors only before a title.
        ("Jordan Henderson", "Jordan Henderson", ()),
        ("Georgia Smith", "Georgia Smith", ()),
        # A title word inside or at the end of a name stays.
        ("Martin Luther King Jr.", "Martin Luther King Jr.", ()),
        ("Billie Jean King", "Billie Jean King", ()),
        ("King", "King", ()),
        ("King Charles", "Charles", ("king",)),
        # Occupations (occupations.txt) are stripped like offices (office_titles.txt).
        ("striker Tomas Rivera", "Tomas Rivera", ("striker",)),
        ("former coach Ann Hobbs", "Ann Hobbs", ("former", "coach")),
    ],
)
def test_split_titles(text: str, name: str, titles: tuple[str, ...]) -> None:
    assert n.split_titles(text) == (name, titles)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["George", "H.W.", "Bush"], ["George", "H", "W", "Bush"]),
        (["George", "HW", "Bush"], ["George", "H", "W", "Bush"]),
        (["YOON", "Suk", "Yeol"], ["YOON", "Suk", "Yeol"]),  # first token: a name, not initials
    ],
)
def test_split_initials(tokens: list[str], expected: list[str]) -> None:
    assert n.split_initials(tokens) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("schroeder", "schroder"),
        ("muenster", "munster"),
        ("joe", "joe"),
        ("noel", "noel"),
        ("manuel", "manuel"),
        ("boeing", "boeing"),
    ],
)
def test_fold_umlaut_digraphs(token: str, expected: str) -> None:
    assert n.fold_umlaut_digraphs(token) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("zelenskyy", "zelensky"),
        ("zelenskiy", "zelensky"),
        ("khodorkovskiy", "khodorkovsky"),
        ("putin", "putin"),
    ],
)
def test_fold_slavic_endings(token: str, expected: str) -> None:
    assert n.fold_slavic_endings(token) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("al-assad", "assad"), ("el-sisi", "sisi"), ("jean-claude", "jean-claude")],
)
def test_drop_name_particle(token: str, expected: str) -> None:
    assert n.drop_name_particle(token) == expected


@pytest.mark.parametrize(
    ("variants",),
    [
        (["sukyeol", "seokyeol", "sokyol", "seokyoul", "sukyul"],),
        (["jongun", "jongeun", "chongun", "jeongeun"],),
        (["jaemyung", "jaemyeong", "chaemyong"],),
    ],
)
def test_fold_korean_given_merges_romanisations(variants: list[str]) -> None:
    assert len({n.fold_korean_given(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [("jongun", "jongil"), ("jongun", "yojong"), ("jaemyung", "jaeyong"), ("jongun", "jongnam")],
)
def test_fold_korean_given_keeps_different_names_apart(a: str, b: str) -> None:
    assert n.fold_korean_given(a) != n.fold_korean_given(b)


@pytest.mark.parametrize(
    "variants",
    [
        [
            "Yoon Suk Yeol",
            "Yoon Suk-yeol",
            "Yoon Seok-youl",
            "YOON Suk Yeol",
            "Yun S\u014fk-y\u014fl",
            "Suk-yeol Yoon",
        ],
        ["Shigeru Ishiba", "Ishiba Shigeru", "SHIGERU ISHIBA"],
        ["Xi Jinping", "Xi Jin-ping", "XI Jinping"],
        ["Gerhard Schroeder", "Gerhard Schr\u00f6der"],
        ["Bashar al-Assad", "Bashar Assad"],
        ["Kim Jong Un", "Kim Jong-un", "Kim Ch\u014fng-\u016dn"],
        ["George H. W. Bush", "George H.W. Bush", "George HW Bush"],
        ["Sven-Goran Eriksson", "Sven Goran Eriksson", "Sven-G\u00f6ran Eriksson"],
        ["Shinz\u014d Abe", "Shinzo Abe", "Abe Shinzou", "ABE Shinzo"],
        ["Hirobumi It\u014d", "Hirobumi Itoh", "Ito Hirobumi"],
        ["Alexei Navalny", "Aleksei Navalnyy", "Alexey Navalny"],
        ["Park Geun-hye", "Pak K\u016dn-hye", "Geun-hye Park"],
        ["Ban Ki-moon", "Pan Ki-mun", "Ban Ki Moon"],
        ["Roh Moo-hyun", "No Mu-hy\u014fn"],
        ["Kim Dae-jung", "Kim Tae-jung"],
        ["Choe Son Hui", "Ch'oe S\u014fn-h\u016di", "Choe Son-hui"],
    ],
)
def test_person_key_merges_variants(variants: list[str]) -> None:
    assert len({n.person_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jong Il"),
        ("Kim Jong Un", "Kim Yo Jong"),
        ("Lee Jae-myung", "Lee Jae-yong"),
        ("Donald Trump", "Donald Trump Jr."),
        ("George W. Bush", "George H. W. Bush"),
        ("Abe Shinzo", "Abe Hiroshi"),
    ],
)
def test_person_key_keeps_namesakes_apart(a: str, b: str) -> None:
    assert n.person_key(a) != n.person_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Samsung Electronics Co., Ltd.", "Samsung Electronics"),
        ("the Asia-Pacific Economic Cooperation", "Asia Pacific Economic Cooperation"),
        ("Microsoft Corp.", "Microsoft Corporation"),
        ("AT&T Inc.", "AT and T"),
    ],
)
def test_org_key(a: str, b: str) -> None:
    assert n.org_key(a) == n.org_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("the Republic of Korea", "Republic of Korea"), ("Cote d\u2019Ivoire", "C\u00f4te d'Ivoire")],
)
def test_place_key(a: str, b: str) -> None:
    assert n.place_key(a) == n.place_key(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Asia-Pacific Economic Cooperation", "APEC"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("International Monetary Fund", "IMF"),
        ("World Trade Organization", "WTO"),
    ],
)
def test_acronym_of(name: str, expected: str) -> None:
    assert n.acronym_of(name) == expected


def test_compose_runs_steps_in_order() -> None:
    step = n.compose(n.fold_apostrophes, n.strip_possessive)
    assert step("Yoon\u2019s") == "Yoon"
    # The other order cannot see the curly apostrophe as a possessive.
    assert n.compose(n.strip_possessive, n.fold_apostrophes)("Yoon\u2019s") == "Yoon's"


@pytest.mark.parametrize(
    ("name", "surname", "style"),
    [
        ("Yoon Suk-yeol", "yoon", "korean"),
        ("Suk-yeol Yoon", "yoon", "korean"),
        ("Xi Jinping", "xi", "chinese"),
        ("Fumio Kishida", "kishida", "general"),
        ("Donald Trump Jr.", "trump", "general"),
        ("Lee Harvey Oswald", "oswald", "general"),  # "Harvey" is no Korean given name
    ],
)
def test_parse_person_name(name: str, surname: str, style: str) -> None:
    parsed = n.parse_person_name(name)
    assert (parsed.surname, parsed.style) == (surname, style)


# ------------------------------------------------- type-aware cleaning (entity rules)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Greek sprinter Katerina Thanou", "Katerina Thanou"),
     ("US tycoon Malcolm Forbes", "Malcolm Forbes"),
     ("double Olympic champion Kelly Smith", "Kelly Smith"),
     ("Russian Maria Sharapova", "Maria Sharapova"),
     ("Republican John McCain", "John McCain"),
     ("Jordan Henderson", "Jordan Henderson"),
     ("Ruud van Nistelrooy", "Ruud van Nistelrooy"),
     ("Osama bin Laden", "Osama bin Laden"),
     ("Saddam Hussein al-Tikriti", "Saddam Hussein al-Tikriti"),
     ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva"),
     ("Russian Putin", "Russian Putin"),
     ("OSAMA BIN LADEN", "OSAMA BIN LADEN")],
)  # fmt: skip
def test_strip_person_descriptors(text: str, expected: str) -> None:
    assert n.strip_person_descriptors(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Russian oil firm Yukos", "Yukos"),
     ("European football's governing body Uefa", "Uefa"),
     ("carmaker Toyota", "Toyota"),
     ("the Nato alliance", "Nato"),
     ("the Opec cartel", "Opec"),
     ("Islamic State group", "Islamic State"),
     ("UN refugee agency", "UN refugee agency"),
     ("Democratic Party", "Democratic Party"),
     ("Conservative and Unionist Party", "Conservative and Unionist Party"),
     ("Bank of England", "Bank of England"),
     ("Northern Alliance", "Northern Alliance")],
)  # fmt: skip
def test_clean_org_name(text: str, expected: str) -> None:
    assert n.clean_org_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("New Hampshire", "New Hampshire"), ("New South Wales", "New South Wales"),
     ("the Netherlands", "Netherlands"), ("New York State's", "New York State")],
)  # fmt: skip
def test_clean_place_name_keeps_titles(text: str, expected: str) -> None:
    assert n.clean_place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [("New Hampshire", "New Hampshire"), ("the new Prime Minister Ann Lee", "Ann Lee"),
     ("Lord Goldsmith", "Lord Goldsmith"), ("Attorney General Lord Goldsmith", "Lord Goldsmith"),
     ("Lord Peter Goldsmith", "Peter Goldsmith"), ("HM Queen Elizabeth II", "Elizabeth II"),
     ("Her Majesty the Queen", "Queen")],
)  # fmt: skip
def test_split_titles_new_and_peers(text: str, name: str) -> None:
    assert n.split_titles(text)[0] == name


@pytest.mark.parametrize(
    ("a", "b"),
    [("gaddafi", "qaddafi"), ("gaddafi", "kadhafi"), ("gadhafi", "kadafi"),
     ("nistelrooij", "nistelrooy"), ("yanukovych", "yanukovich")],
)  # fmt: skip
def test_fold_transliteration(a: str, b: str) -> None:
    assert n.fold_transliteration(a) == n.fold_transliteration(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("OAO Gazprom", "Gazprom"), ("Yukos Oil Company", "Yukos"), ("Chelsea FC", "Chelsea"),
     ("Deutsche Boerse", "Deutsche Börse"),
     ("Organisation of the Petroleum Exporting Countries",
      "Organization of Petroleum Exporting Countries")],
)  # fmt: skip
def test_org_key_folds(a: str, b: str) -> None:
    assert n.org_key(a) == n.org_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Falkland Islands", "Falklands"), ("Mt Everest", "Mount Everest"),
     ("Thames River", "River Thames"), ("St Kitts", "Saint Kitts")],
)  # fmt: skip
def test_place_key_folds(a: str, b: str) -> None:
    assert n.place_key(a) == n.place_key(b)


def test_all_caps_names_keep_particles() -> None:
    assert n.person_key("OSAMA BIN LADEN") == n.person_key("Osama bin Laden")
    assert n.person_key("RUUD VAN NISTELROOY") == n.person_key("Ruud van Nistelrooy")


@pytest.mark.parametrize(
    ("a", "b"), [("Mohamed Salah", "Mohammed Salah"), ("Joe Biden", "Joe Biden")]
)
def test_given_name_variants_share_a_person_key(a: str, b: str) -> None:
    assert n.person_key(a) == n.person_key(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S.Korea", "S. Korea"),
        ("N.Korea", "N. Korea"),
        ("J.Smith", "J. Smith"),
        ("U.S.Navy", "U.S. Navy"),
        ("U.S.", "U.S."),  # nothing glued: unchanged
        ("St. Louis", "St. Louis"),
        ("A.B.C.", "A.B.C."),
    ],
)
def test_split_glued_initial(text: str, expected: str) -> None:
    from pipelines.core.normalize import split_glued_initial

    assert split_glued_initial(text) == expected


@pytest.mark.parametrize(("compact", "spaced"), [("S.Korea", "S. Korea"), ("N.Korea", "N Korea")])
def test_compact_country_forms_resolve_like_spaced_ones(compact: str, spaced: str) -> None:
    from pipelines.core.entities import EntityResolver

    resolver = EntityResolver.default()
    assert resolver.resolve_name(compact, "GPE") == resolver.resolve_name(spaced, "GPE")
