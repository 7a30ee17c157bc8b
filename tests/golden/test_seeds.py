"""Golden tests on the two seed articles, through the warehouse (issue 2's list).

Two layers: hand-written expectations below (what must be right), and a full
snapshot of mentions and quotes (tests/golden/snapshot_*.json) so that any change
in behaviour shows up as a diff; regenerate it with ``make golden`` and review.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.build import REPO, build_seed_warehouse, snapshot, snapshot_path

S000 = "seeds/000_5c10c6fb26408c53.txt"
S003 = "seeds/003_e904c8f4dc578509.txt"


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    path = tmp_path_factory.mktemp("golden") / "seeds.duckdb"
    warehouse = build_seed_warehouse(path)
    with warehouse.session() as s:
        yield s


def _article(s, source_file):
    return s.fetch_dicts("select * from articles where source_file = ?", [source_file])[0]


def _quotes(s, source_file):
    return s.fetch_dicts(
        "select q.*, a.body from quotes_with_speakers q join articles a using (article_id) "
        "where a.source_file = ? order by q.start_char",
        [source_file],
    )


def _quote(s, source_file, startswith):
    found = [q for q in _quotes(s, source_file) if q["text"].startswith(startswith)]
    assert len(found) == 1, f"expected one quote starting {startswith!r}, got {len(found)}"
    return found[0]


def _entity_of(s, surface, source_file=None):
    sql = (
        "select distinct e.canonical_name, e.entity_type, m.entity_id from mentions m "
        "join entities e using (entity_id) join articles a using (article_id) where m.surface = ?"
    )
    params = [surface]
    if source_file:
        sql += " and a.source_file = ?"
        params.append(source_file)
    return s.fetch(sql, params)


def test_outlets_authors_and_bylines(wh):
    a0, a3 = _article(wh, S000), _article(wh, S003)
    assert a0["outlet"] == "Yonhap"
    assert not a0["body"].rstrip().endswith("(Yonhap)")
    assert a3["outlet"] == "Diplomacy Journal"
    assert a3["authors"] == ["Lee Jon-young"]
    assert "By Diplomacy Journal" not in a3["body"]
    assert a3["body"].startswith("President Yoon Suk-yeol held")


def test_article_ids_are_stable_and_offsets_exact(wh):
    from pipelines.core import ids

    for sf in (S000, S003):
        a = _article(wh, sf)
        assert a["article_id"] == ids.article_id(a["title"], a["body"])
        for q in _quotes(wh, sf):
            assert a["body"][q["start_char"] : q["end_char"]] == q["text"]


@pytest.mark.parametrize(
    ("seed", "start", "speaker", "cue", "kind"),
    [
        (
            S000,
            "The leaders expressed strong concerns",
            "South Korean presidential office",
            "said",
            "direct",
        ),
        (
            S000,
            "They agreed to work closely together",
            "South Korean presidential office",
            "added",
            "direct",
        ),
        (S000, "Toward this end", "South Korean presidential office", "said", "direct"),
        (S000, "As military cooperation between Russia", "Yoon Suk Yeol", "said", "direct"),
        (S000, "Today’s meeting is more meaningful", "Yoon Suk Yeol", "added", "direct"),
        (S000, "Continuing to strengthen cooperation", "Shigeru Ishiba", "said", "direct"),
        (S003, "Since the first summit", "Yoon Suk Yeol", "said", "direct"),
        (S003, "I look forward to sharing", "Yoon Suk Yeol", "added", "direct"),
        (S003, "It is an important task", "Shigeru Ishiba", "said", "direct"),
        (S003, "and I look forward to a fruitful exchange", "Shigeru Ishiba", "said", "direct"),
        (
            S003,
            "They reaffirmed the growing importance",
            "South Korean presidential office",
            "said",
            "direct",
        ),
        (S003, "Last month in Laos", "Yoon Suk Yeol", "said", "direct"),
        (S003, "I think this is what Japan-ROK relations", "Shigeru Ishiba", "said", "direct"),
        (S003, "Next year, we will celebrate", "Shigeru Ishiba", "said", "direct"),
        (S003, "I hope that between President Yoon", "Shigeru Ishiba", None, "direct"),
    ],
)
def test_direct_quotes_and_speakers(wh, seed, start, speaker, cue, kind):
    q = _quote(wh, seed, start)
    assert q["speaker_name"] == speaker
    assert q["kind"] == kind
    assert q["speaker_entity_id"] is not None
    if cue:
        assert q["cue_verb"] == cue


def test_translator_and_split_quote_and_continuation(wh):
    assert _quote(wh, S000, "Continuing to strengthen")["via_translator"] is True
    assert _quote(wh, S000, "As military cooperation")["via_translator"] is False
    first = _quote(wh, S003, "It is an important task")
    second = _quote(wh, S003, "and I look forward to a fruitful")
    assert first["utterance_index"] == second["utterance_index"]
    assert (first["part_index"], second["part_index"]) == (0, 1)
    # Paragraph opening with a closing mark and no cue: the previous speaker, less sure.
    cont = _quote(wh, S003, "At a time when close cooperation")
    cued = _quote(wh, S003, "Since the first summit")
    assert cont["speaker_name"] == "Yoon Suk Yeol"
    assert cont["confidence"] < cued["confidence"]


@pytest.mark.parametrize(("seed", "text"), [(S000, "strong"), (S003, "grave.")])
def test_partial_quotes(wh, seed, text):
    q = [q for q in _quotes(wh, seed) if q["text"] == text]
    assert len(q) == 1 and q[0]["kind"] == "partial"


def test_one_entity_per_person_and_place(wh):
    yoon = {r[2] for s in ("Yoon Suk Yeol", "Yoon Suk-yeol", "Yoon") for r in _entity_of(wh, s)}
    assert len(yoon) == 1
    names = dict(wh.fetch("select canonical_name, entity_type from entities"))
    for person in (
        "Yoon Suk Yeol",
        "Shigeru Ishiba",
        "Fumio Kishida",
        "Joe Biden",
        "Donald Trump",
        "Lee Jon-young",
    ):
        assert names.get(person) == "PERSON", person
    assert names.get("South Korean presidential office") == "ORG"
    assert names.get("North Korea") == "GPE" and names.get("Russia") == "GPE"
    assert _entity_of(wh, "Trump")[0][0] == "Donald Trump"
    assert {r[0] for r in _entity_of(wh, "the North")} == {"North Korea"}
    for office in ("Yoon’s office", "the office", "the presidential office"):
        assert {r[0] for r in _entity_of(wh, office)} == {"South Korean presidential office"}, (
            office
        )
    # Hyphenated names stay whole.
    assert wh.fetch("select count(*) from mentions where surface = 'Yoon Suk'")[0][0] == 0
    # The author is her own person, merged with nobody.
    lee = wh.fetch("select entity_id from article_authors where author_name = 'Lee Jon-young'")[0][
        0
    ]
    aliases = {
        r[0] for r in wh.fetch("select alias from entity_aliases where entity_id = ?", [lee])
    }
    assert aliases == {"Lee Jon-young"}


@pytest.mark.parametrize("seed", [S000, S003])
def test_snapshot_unchanged(wh, seed):
    path = snapshot_path(seed)
    expected = json.loads(path.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(snapshot(wh, seed), ensure_ascii=False))
    assert actual == expected, (
        f"{path.relative_to(REPO)} differs from the pipeline's output: if the change is "
        "intended, run `make golden` and review the diff"
    )


def test_snapshots_exist_for_every_seed():
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        assert snapshot_path(f"seeds/{seed.name}").exists(), seed
    assert Path(REPO / "seeds" / "README.md").exists()
