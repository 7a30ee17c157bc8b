"""Entity resolution: context-free names, article resolution on the seeds, overrides."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from pipelines.core.entities import EntityResolver, Overrides
from pipelines.core.models import ArticleEntities, NerSpan

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def _resolve_text(resolver: EntityResolver, nlp, text: str) -> ArticleEntities:  # type: ignore[no-untyped-def]
    from pipelines.core.nlp import ner_spans, sentence_bounds

    doc = nlp(text)
    return resolver.resolve_article(text, ner_spans(doc), sentence_bounds(doc))


@pytest.fixture(scope="module")
def seed_results(resolver: EntityResolver, nlp) -> dict[str, tuple[str, ArticleEntities]]:  # type: ignore[no-untyped-def]
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (body, _resolve_text(resolver, nlp, body))
    return out


def _by_name(ae: ArticleEntities) -> dict[str, set[str]]:
    """canonical name -> surfaces of its mentions."""
    names = {e.entity_id: e.canonical_name for e in ae.entities}
    out: dict[str, set[str]] = defaultdict(set)
    for m in ae.mentions:
        out[names[m.entity_id]].add(m.surface)
    return out


# ----------------------------------------------------------------- context-free


def test_data_version_is_short_and_stable(resolver: EntityResolver) -> None:
    again = EntityResolver.default(Path("/nonexistent/overrides.toml"))
    assert resolver.data_version == again.data_version
    assert len(resolver.data_version) == 12


@pytest.mark.parametrize(
    ("surfaces", "etype"),
    [
        (
            [
                "Yoon Suk Yeol",
                "Yoon Suk-yeol",
                "Yun S\u014fk-y\u014fl",
                "President Yoon",
                "Yoon Suk\u2011yeol\u2019s",
            ],
            "PERSON",
        ),
        (["Shigeru Ishiba", "Ishiba Shigeru", "Prime Minister Ishiba"], "PERSON"),
        (["Donald Trump", "Trump", "President Trump"], "PERSON"),
        (["North Korea", "DPRK", "N. Korea", "Democratic People's Republic of Korea"], "GPE"),
        (["South Korea", "ROK", "Republic of Korea", "S. Korea"], "GPE"),
        (
            ["APEC", "Asia-Pacific Economic Cooperation", "the Asia-Pacific Economic Cooperation"],
            "ORG",
        ),
    ],
)
def test_resolve_name_merges_variants(
    resolver: EntityResolver, surfaces: list[str], etype: str
) -> None:
    ids = {getattr(resolver.resolve_name(s, etype), "entity_id", None) for s in surfaces}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Kim Jong Un", "PERSON"), ("Kim Jong Il", "PERSON")),
        (("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON")),
        (("Donald Trump", "PERSON"), ("Donald Trump Jr.", "PERSON")),
        (("Niger", "GPE"), ("Nigeria", "GPE")),
        (("DR Congo", "GPE"), ("Republic of the Congo", "GPE")),
        (("Osaka", "GPE"), ("Naomi Osaka", "PERSON")),
        (("Yoon Suk Yeol", "PERSON"), ("South Korean presidential office", "ORG")),
    ],
)
def test_resolve_name_keeps_apart(
    resolver: EntityResolver, a: tuple[str, str], b: tuple[str, str]
) -> None:
    ea, eb = resolver.resolve_name(*a), resolver.resolve_name(*b)
    assert ea is not None and eb is not None
    assert ea.entity_id != eb.entity_id


@pytest.mark.parametrize(
    ("surface", "etype"),
    [
        ("Lee", "PERSON"),
        ("Kim", "PERSON"),
        ("Smith", "PERSON"),
        ("ICC", "ORG"),
        ("", None),
        ("Mr.", "PERSON"),
    ],
)
def test_resolve_name_refuses_without_context(
    resolver: EntityResolver, surface: str, etype: str | None
) -> None:
    assert resolver.resolve_name(surface, etype) is None


def test_author_is_never_merged_by_surname(resolver: EntityResolver) -> None:
    author = resolver.resolve_name("Lee Jon-young", "PERSON")
    assert author is not None and author.canonical_name == "Lee Jon-young"
    for other in ("Lee Jae-myung", "Lee Jae-yong", "Lee Jon-yong Kim"):
        ent = resolver.resolve_name(other, "PERSON")
        assert ent is None or ent.entity_id != author.entity_id


def test_ids_use_wikidata_when_known(resolver: EntityResolver) -> None:
    yoon = resolver.resolve_name("Yoon Suk-yeol", "PERSON")
    assert yoon is not None and yoon.wikidata_id == "Q16090635"
    unknown = resolver.resolve_name("Jane Q. Example", "PERSON")
    assert unknown is not None and unknown.wikidata_id is None
    shouted = resolver.resolve_name("JANE Q. EXAMPLE", "PERSON")
    assert shouted is not None and shouted.entity_id == unknown.entity_id
    assert shouted.canonical_name == "Jane Q. Example"


def test_mislabelled_person_is_corrected_by_gazetteer(resolver: EntityResolver) -> None:
    ent = resolver.resolve_name("Trump", "ORG")
    assert ent is not None and ent.entity_type == "PERSON"


# ----------------------------------------------------------------- seeds (golden)


def test_seed_000_entities(seed_results) -> None:  # type: ignore[no-untyped-def]
    _body, ae = seed_results["000"]
    names = _by_name(ae)
    assert {"Yoon Suk Yeol", "Yoon"} <= names["Yoon Suk Yeol"]
    assert {"Shigeru Ishiba", "Ishiba"} <= names["Shigeru Ishiba"]
    assert {"Fumio Kishida", "Kishida"} <= names["Fumio Kishida"]
    assert "Joe Biden" in names["Joe Biden"]
    assert {"North Korea", "the North"} <= names["North Korea"]
    assert "Russia" in names["Russia"]
    office = names["South Korean presidential office"]
    assert {"Yoon\u2019s office", "the office"} <= office
    assert not office & names["Yoon Suk Yeol"]


def test_seed_003_entities(seed_results) -> None:  # type: ignore[no-untyped-def]
    _body, ae = seed_results["003"]
    names = _by_name(ae)
    assert {"Yoon Suk-yeol", "Yoon"} <= names["Yoon Suk Yeol"]
    assert "Yoon Suk" not in {m.surface for m in ae.mentions}  # hyphenated names stay whole
    assert "Trump" in names["Donald Trump"]
    assert "the presidential office" in names["South Korean presidential office"]
    assert names["Lee Jon-young"] == {"Lee Jon-young"}
    assert "APEC" in names["Asia-Pacific Economic Cooperation"]


def test_seed_entities_are_global_across_articles(seed_results) -> None:  # type: ignore[no-untyped-def]
    per_article = [
        {e.canonical_name: e.entity_id for e in ae.entities} for _, ae in seed_results.values()
    ]
    for name in (
        "Yoon Suk Yeol",
        "Shigeru Ishiba",
        "North Korea",
        "South Korean presidential office",
    ):
        assert per_article[0][name] == per_article[1][name]


def test_seed_mentions_have_exact_offsets_and_audit(seed_results) -> None:  # type: ignore[no-untyped-def]
    for body, ae in seed_results.values():
        ids = {e.entity_id for e in ae.entities}
        alias_ids = {(a.entity_id, a.alias) for a in ae.aliases}
        for m in ae.mentions:
            assert body[m.start : m.end] == m.surface
            assert m.entity_id in ids and m.rule
            assert (m.entity_id, m.surface) in alias_ids


def test_capital_metonymy_policy(seed_results) -> None:  # type: ignore[no-untyped-def]
    _body, ae = seed_results["000"]
    names = {e.entity_id: e.canonical_name for e in ae.entities}
    pyongyang = [m for m in ae.mentions if m.surface == "Pyongyang"]
    assert pyongyang and all(
        m.is_metonymy and names[m.entity_id] == "North Korea" for m in pyongyang
    )
    lima = [m for m in ae.mentions if m.surface == "Lima"]  # "in Lima": a place
    assert lima and not any(m.is_metonymy for m in lima)


# ----------------------------------------------------------------- hand-made spans


def _spans(body: str, *items: tuple[str, str]) -> list[NerSpan]:
    out, pos = [], 0
    for text, label in items:
        start = body.index(text, pos)
        out.append(NerSpan(start, start + len(text), label, text))
        pos = start + len(text)
    return out


def test_short_form_prefers_most_recent_namesake(resolver: EntityResolver) -> None:
    body = "Kim Jong Un met Kim Yo Jong. Later Kim Yo Jong spoke. Kim said no."
    ner = _spans(
        body,
        ("Kim Jong Un", "PERSON"),
        ("Kim Yo Jong", "PERSON"),
        ("Kim Yo Jong", "PERSON"),
        ("Kim", "PERSON"),
    )
    ae = resolver.resolve_article(body, ner, [(0, len(body))])
    names = {e.entity_id: e.canonical_name for e in ae.entities}
    last = ae.mentions[-1]
    assert last.surface == "Kim" and names[last.entity_id] == "Kim Yo Jong"


def test_unlinked_surname_is_local_to_the_article(resolver: EntityResolver) -> None:
    a = resolver.resolve_article(
        "Smith said so.", _spans("Smith said so.", ("Smith", "PERSON")), [(0, 14)]
    )
    b = resolver.resolve_article(
        "Smith said no.", _spans("Smith said no.", ("Smith", "PERSON")), [(0, 14)]
    )
    assert a.mentions[0].rule == "unlinked_surname"
    assert a.mentions[0].entity_id != b.mentions[0].entity_id


def test_city_stays_city_next_to_namesake(resolver: EntityResolver) -> None:
    body = "Naomi Osaka won in Osaka. Osaka said she was happy."
    ner = _spans(body, ("Naomi Osaka", "PERSON"), ("Osaka", "GPE"), ("Osaka", "PERSON"))
    ae = resolver.resolve_article(body, ner, [(0, 25), (26, len(body))])
    types = [m.entity_type for m in ae.mentions]
    assert types == ["PERSON", "GPE", "PERSON"]


def test_acronym_defined_in_article(resolver: EntityResolver) -> None:
    body = "The Korea Exchange Watchdog (KEW) said. KEW later added more."
    ner = _spans(body, ("The Korea Exchange Watchdog", "ORG"), ("KEW", "ORG"), ("KEW", "ORG"))
    ae = resolver.resolve_article(body, ner, [(0, len(body))])
    assert len({m.entity_id for m in ae.mentions}) == 1


def test_bad_offsets_are_skipped(resolver: EntityResolver) -> None:
    ae = resolver.resolve_article(
        "Joe Biden spoke.", [NerSpan(1, 5, "PERSON", "Joe Biden")], [(0, 16)]
    )
    assert ae.mentions == ()


# ----------------------------------------------------------------- overrides


def test_overrides_merge_alias_split(tmp_path: Path) -> None:
    path = tmp_path / "ov.toml"
    path.write_text(
        """
[[merge]]
entity_type = "PERSON"
names = ["Jane Roe", "Jane Roe-Smith"]

[[alias]]
entity_type = "ORG"
alias = "Yongsan"
target = "South Korean presidential office"

[[split]]
entity_type = "PERSON"
alias = "Putin"
target = "Vladimir Putin"
""",
        encoding="utf-8",
    )
    plain = EntityResolver.default(Path("/nonexistent"))
    r = EntityResolver.default(path)
    assert r.data_version != plain.data_version
    assert r.resolve_name("Jane Roe", "PERSON") == r.resolve_name("Jane Roe-Smith", "PERSON")
    assert plain.resolve_name("Jane Roe", "PERSON") != plain.resolve_name(
        "Jane Roe-Smith", "PERSON"
    )
    office = r.resolve_name("Yongsan", "ORG")
    assert office is not None and office.canonical_name == "South Korean presidential office"
    putin = r.resolve_name("Vladimir Putin", "PERSON")
    split = r.resolve_name("Putin", "PERSON")
    assert putin is not None and split is not None and split.entity_id != putin.entity_id
    assert plain.resolve_name("Putin", "PERSON") == putin


def test_absent_overrides_file_means_none() -> None:
    assert Overrides.load(Path("/nonexistent/x.toml")) == Overrides()


def test_example_overrides_file_loads() -> None:
    example = REPO / "pipelines" / "core" / "rules" / "entity_overrides.example.toml"
    r = EntityResolver.default(example)
    il = r.resolve_name("Kim Jong-il", "PERSON")
    un = r.resolve_name("Kim Jong Un", "PERSON")
    assert il is not None and un is not None and il.entity_id != un.entity_id


# ----------------------------------------------------------------- evaluation gate


def test_eval_set_meets_targets(capsys: pytest.CaptureFixture[str]) -> None:
    from pipelines.cli import main
    from pipelines.tools.resolve_names import load_eval_set

    items, pairs = load_eval_set(REPO / "tests" / "data" / "entity_eval")
    assert len({c for c, _, _ in items}) >= 120 and len(pairs) >= 40
    assert main(["eval-entities", "--gate"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (["a", "a", "b"], ["x", "x", "y"], (1.0, 1.0, 1.0)),
        (["a", "a", "b"], ["x", "x", "x"], (5 / 9, 1.0, 2 * (5 / 9) / (5 / 9 + 1))),
        (["a", "a"], ["x", "y"], (1.0, 0.5, 2 * 0.5 / 1.5)),
    ],
)
def test_bcubed(gold: list[str], pred: list[str], expected: tuple[float, float, float]) -> None:
    from pipelines.tools.resolve_names import bcubed

    assert bcubed(gold, pred) == pytest.approx(expected)


def test_resolve_names_cli(tmp_path: Path) -> None:
    import json

    from pipelines.cli import main

    src = tmp_path / "names.txt"
    src.write_text(
        "PERSON\tYun S\u014fk-y\u014fl\nYoon Suk\u2011yeol\nPERSON\tLee\n\nORG\tAPEC\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["resolve-names", "--input", str(src), "--output", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["surface"] for r in rows] == [
        "Yun S\u014fk-y\u014fl",
        "Yoon Suk\u2011yeol",
        "Lee",
        "APEC",
    ]
    assert rows[0]["entity_id"] == rows[1]["entity_id"] is not None
    assert rows[2]["entity_id"] is None and rows[2]["entity_type"] == "PERSON"
    assert rows[3]["canonical_name"] == "Asia-Pacific Economic Cooperation"
    assert set(rows[0]) == {"surface", "entity_id", "canonical_name", "entity_type"}


@pytest.mark.parametrize(
    ("body", "capital", "is_metonymy"),
    [
        ("Pyongyang said it would respond.", "Pyongyang", True),
        ("Beijing has warned against the visit.", "Beijing", True),
        ("Moscow's protracted war goes on.", "Moscow", True),
        ("Ties between Seoul and Tokyo improved.", "Tokyo", True),
        ("The Tokyo stock market fell.", "Tokyo", False),
        ("She lives in north London.", "London", False),
        ("The talks were held in Seoul.", "Seoul", False),
        ("The Mayor of London said sorry.", "London", False),
    ],
)
def test_capital_metonymy_cues(
    resolver: EntityResolver, body: str, capital: str, is_metonymy: bool
) -> None:
    ner = _spans(body, (capital, "GPE"))
    ae = resolver.resolve_article(body, ner, [(0, len(body))])
    (mention,) = [m for m in ae.mentions if m.surface == capital]
    assert mention.is_metonymy is is_metonymy
    entity = next(e for e in ae.entities if e.entity_id == mention.entity_id)
    assert (entity.canonical_name != capital) is is_metonymy


def test_bylined_authors_resolve_in_the_analyser_with_their_alias_decisions(resolver):
    authors, found = resolver.resolve_authors(("Yoon Suk-yeol", "Jane Q. Example", "Kim"))
    assert [a.name for a in authors] == ["Yoon Suk-yeol", "Jane Q. Example", "Kim"]
    yoon = resolver.resolve_name("Yoon Suk-yeol", "PERSON")
    assert authors[0].entity_id == yoon.entity_id
    assert authors[2].entity_id is None  # a bare surname names nobody on its own
    assert found.mentions == ()
    assert [e.entity_id for e in found.entities] == [a.entity_id for a in authors[:2]]
    assert [(d.alias, d.rule) for d in found.aliases] == [
        ("Yoon Suk-yeol", "byline"),
        ("Jane Q. Example", "byline"),
    ]
