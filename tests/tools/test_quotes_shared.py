"""The resolved-speaker quote set: its loader on a synthetic ../shared, then the real set."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from pipelines.tools import quotes_shared as qs
from pipelines.tools.shared_texts import CorpusUnavailable, TextChanged

BBC_TEXT = 'A title\n\n"We will win," she said. He called it "a plan".\n'
AEB_BODY = "\u201cNo,\u201d he said. \u201cNot today.\u201d"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote(text: str, snippet: str, **kw: object) -> dict[str, object]:
    start = text.index(snippet)
    base: dict[str, object] = {
        "start": start,
        "end": start + len(snippet),
        "kind": "direct",
        "speaker": "Ann Lee",
        "speaker_kind": "person",
        "speaker_cue": "pronoun",
    }
    return base | kw


def _fake_shared(tmp_path: Path) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "corpora" / "bbc" / "politics").mkdir(parents=True)
    (shared / "corpora" / "bbc" / "politics" / "001.txt").write_bytes(BBC_TEXT.encode("utf-8"))
    aeb = shared / "corpora" / "html" / "aeb"
    aeb.mkdir(parents=True)
    (aeb / "ground-truth.subset.json").write_text(
        json.dumps({"abc123": {"articleBody": AEB_BODY, "url": "https://example.org/x"}}),
        encoding="utf-8",
    )
    rows: list[dict[str, object]] = [
        {
            "doc_id": "bbc/politics/001",
            "source": {
                "corpus": "bbc",
                "path": "corpora/bbc/politics/001.txt",
                "text_sha256": _sha(BBC_TEXT),
            },
            "split": "dev",
            "quotes": [
                _quote(BBC_TEXT, "We will win,"),
                _quote(BBC_TEXT, "a plan", kind="partial", speaker_cue="name", speaker="Bo Ray"),
            ],
        },
        {
            "doc_id": "aeb/abc123",
            "source": {
                "corpus": "aeb",
                "path": "corpora/html/aeb/abc123.html",
                "text_sha256": _sha(AEB_BODY),
            },
            "split": "test",
            "quotes": [
                _quote(
                    AEB_BODY, "No,", speaker=None, speaker_kind="unnamed", speaker_cue="unnamed"
                ),
                _quote(
                    AEB_BODY, "Not today.", speaker=None, speaker_kind="unnamed", speaker_cue="none"
                ),
            ],
        },
    ]
    ann = tmp_path / "annotations.jsonl"
    _write(ann, rows)
    return shared, ann


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_loader_rebuilds_texts_and_gold_rows(tmp_path: Path) -> None:
    shared, ann = _fake_shared(tmp_path)
    docs = qs.load_shared_set(ann, shared)
    assert [(d.doc_id, d.corpus, d.split) for d in docs] == [
        ("bbc/politics/001", "bbc", "dev"),
        ("aeb/abc123", "aeb", "test"),
    ]
    assert docs[0].text == BBC_TEXT and docs[1].text == AEB_BODY
    gold = qs.gold_rows(docs)
    assert [q["text"] for q in gold[0]["quotes"]] == ["We will win,", "a plan"]
    assert gold[1]["quotes"][0]["speaker"] is None


def test_loader_says_clearly_when_shared_is_absent(tmp_path: Path) -> None:
    _, ann = _fake_shared(tmp_path)
    with pytest.raises(CorpusUnavailable, match="absent"):
        qs.load_shared_set(ann, tmp_path / "nowhere")


def test_loader_rejects_a_changed_text(tmp_path: Path) -> None:
    shared, ann = _fake_shared(tmp_path)
    (shared / "corpora" / "bbc" / "politics" / "001.txt").write_text(
        BBC_TEXT.replace("win", "lose"), encoding="utf-8"
    )
    with pytest.raises(TextChanged, match="has changed"):
        qs.load_shared_set(ann, shared)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"end": 10_000}, "outside the text"),
        ({"start": 0}, "outside the text"),
        ({"start": 13}, "not preceded by a quotation mark"),
        ({"kind": "indirect"}, "unknown kind"),
        ({"speaker_cue": "he"}, "unknown speaker_cue"),
        ({"speaker": None}, "speaker name exactly when"),
    ],
)
def test_loader_rejects_annotations_that_do_not_fit(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    rows[0]["quotes"][0] |= change
    _write(ann, rows)
    with pytest.raises(qs.AnnotationError, match=message):
        qs.load_shared_set(ann, shared)


def test_loader_rejects_overlapping_quotes(tmp_path: Path) -> None:
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    rows[0]["quotes"].append(dict(rows[0]["quotes"][0]))
    _write(ann, rows)
    with pytest.raises(qs.AnnotationError, match="overlaps"):
        qs.load_shared_set(ann, shared)


@pytest.mark.parametrize(
    ("split", "batch"),
    [
        ("test", 2),
        ("test", 3),
        ("test", 4),
        ("test", 5),
        ("test", 6),
        ("test", 7),
        ("test", 8),
        ("test", 9),
        ("hold", 1),
        ("hold", 7),
        ("dev", max(qs.BATCHES) + 1),  # a batch not written yet
        ("dev", 0),
    ],
)
def test_loader_rejects_a_later_batch_outside_dev(tmp_path: Path, split: str, batch: int) -> None:
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    rows[0] |= {"split": split, "batch": batch}
    _write(ann, rows)
    with pytest.raises(qs.AnnotationError, match="batch"):
        qs.load_shared_set(ann, shared)


def test_loader_reads_the_batch(tmp_path: Path) -> None:
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    rows[0]["batch"] = 3
    _write(ann, rows)
    assert [d.batch for d in qs.load_shared_set(ann, shared)] == [3, 1]


def test_loader_reads_a_held_out_half(tmp_path: Path) -> None:
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    rows[0] |= {"split": "hold", "batch": qs.FIRST_HELD_BATCH}
    _write(ann, rows)
    assert [(d.split, d.batch) for d in qs.load_shared_set(ann, shared)] == [
        ("hold", 8),
        ("test", 1),
    ]


PAGE = (
    "<html><head><title>Vote</title></head><body><article><h1>Council vote</h1>"
    "<p>The council met on Monday to decide the budget for the coming year after weeks of "
    "debate.</p><p>\u201cWe will win,\u201d said Ann Lee, the council leader, who has led the "
    "authority since 2019.</p><p>Others disagreed with her plan and said the figures did not "
    "add up at all this time.</p></article></body></html>"
)


def _with_page(tmp_path: Path, page: bytes) -> tuple[Path, Path, str]:
    """The fake ../shared plus one trafilatura page annotated in batch 4."""
    import trafilatura

    shared, ann = _fake_shared(tmp_path)
    folder = shared / "corpora" / "html" / "trafilatura"
    folder.mkdir(parents=True)
    (folder / "example.org.vote.html").write_bytes(page)
    body = trafilatura.extract(PAGE, include_comments=False, include_tables=False)
    assert body is not None
    rows = qs.read_annotations(ann)
    rows.append(
        {
            "doc_id": "trafilatura/example.org.vote",
            "source": {
                "corpus": "trafilatura",
                "path": "corpora/html/trafilatura/example.org.vote.html",
                "text_sha256": _sha(body),
            },
            "split": "dev",
            "batch": 4,
            "quotes": [_quote(body, "We will win,", speaker_cue="name")],
        }
    )
    _write(ann, rows)
    return shared, ann, body


def test_loader_rebuilds_a_page_body_with_trafilatura(tmp_path: Path) -> None:
    shared, ann, body = _with_page(tmp_path, PAGE.encode("utf-8"))
    doc = qs.load_shared_set(ann, shared)[-1]
    assert (doc.corpus, doc.batch, doc.text) == ("trafilatura", 4, body)
    assert qs.gold_rows([doc])[0]["quotes"][0]["text"] == "We will win,"


@pytest.mark.parametrize(
    ("page", "error"),
    [
        # a page edited after annotation: same extraction options, other body
        (PAGE.replace("Monday", "Tuesday").encode("utf-8"), "has changed"),
        # no longer UTF-8: a changed file, never a text repaired silently
        (PAGE.encode("utf-8").replace(b"Monday", b"Mon\xe9day"), "not UTF-8"),
        # nothing left to extract
        (b"<html><body></body></html>", "no body text"),
    ],
)
def test_loader_rejects_a_changed_page(tmp_path: Path, page: bytes, error: str) -> None:
    shared, ann, _ = _with_page(tmp_path, PAGE.encode("utf-8"))
    (shared / "corpora" / "html" / "trafilatura" / "example.org.vote.html").write_bytes(page)
    with pytest.raises(TextChanged, match=error):
        qs.load_shared_set(ann, shared)


def test_stored_annotations_hold_no_text() -> None:
    allowed = {"start", "end", "kind", "speaker", "speaker_kind", "speaker_cue", "speaker_desc"}
    for row in qs.read_annotations():
        assert set(row) - {"batch"} == {"doc_id", "source", "split", "quotes"}
        assert set(row["source"]) == {"corpus", "path", "text_sha256"}
        for q in row["quotes"]:
            assert set(q) <= allowed, row["doc_id"]


def test_the_real_set_loads_and_is_balanced() -> None:
    try:
        docs = qs.load_shared_set()
    except CorpusUnavailable as ex:
        pytest.skip(f"the resolved-speaker quote set needs ../shared/corpora: {ex}")
    assert len(docs) >= 80
    # the test split never grows; from batch 8 on half of a batch is held out ("hold")
    assert all(d.split in ("dev", "hold") for d in docs if d.batch > 1)
    assert all(d.batch >= qs.FIRST_HELD_BATCH for d in docs if d.split == "hold")
    assert {d.corpus for d in docs} == set(qs.CORPORA)  # trafilatura pages: batch 4 only
    # batches 8 to 14: 8 BBC articles per category, halved by hash (4 dev, 4 hold per
    # category); batch 15: 6 per category (entertainment 5: none left), dev taking the odd one
    per_category = {15: {"bbc/entertainment": 5}}
    for batch in (b for b in qs.BATCHES if b >= qs.FIRST_HELD_BATCH):
        halves = Counter((d.doc_id.rsplit("/", 1)[0], d.split) for d in docs if d.batch == batch)
        assert len(halves) == 10, (batch, halves)
        for stratum in {s for s, _ in halves}:
            dev, hold = halves[(stratum, "dev")], halves[(stratum, "hold")]
            size = per_category.get(batch, {}).get(stratum, 8 if batch <= 14 else 6)
            assert dev + hold == size and dev - hold in (0, 1), (batch, stratum, dev, hold)
    docs = [d for d in docs if d.batch == 1]  # the first batch was split evenly
    by_split = Counter(d.split for d in docs)
    assert abs(by_split["dev"] - by_split["test"]) <= 6
    per_stratum = Counter(
        (d.doc_id.rsplit("/", 1)[0], d.split) for d in docs
    )  # bbc/<category> or aeb
    for (stratum, _), n in per_stratum.items():
        assert abs(n - per_stratum[(stratum, "dev")]) <= 1, stratum
    assert {d.corpus for d in docs} == {"bbc", "aeb"}
    assert sum(len(d.quotes) for d in docs) > 500


def test_cue_accuracy_counts_matched_direct_quotes_with_named_speakers() -> None:
    from pipelines.core.models import Quote
    from pipelines.tools.quote_eval import SCORER, DocResult, cue_accuracy, load_scorer

    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent: cue accuracy uses the shared scorer's matching")
    text = '"Yes," she said. "No." He called it "odd". "Maybe," an aide said.'

    def gold(snippet: str, kind: str, speaker: str | None, cue: str) -> dict[str, object]:
        start = text.index(snippet)
        return {
            "text": snippet,
            "start": start,
            "end": start + len(snippet),
            "kind": kind,
            "speaker": speaker,
            "speaker_kind": "person" if speaker else "unnamed",
            "speaker_cue": cue,
        }

    golds = [
        gold("Yes,", "direct", "Ann Lee", "pronoun"),
        gold("No.", "direct", "Ann Lee", "none"),
        gold("odd", "partial", "Bo Ray", "pronoun"),
        gold("Maybe,", "direct", None, "unnamed"),
    ]

    def pred(snippet: str, speaker: str) -> Quote:
        start = text.index(snippet)
        return Quote(snippet, start, start + len(snippet), "direct", None, speaker)

    quotes = [pred("Yes,", "Ann Lee"), pred("No.", "Bo Ray"), pred("Maybe,", "an aide")]
    result = DocResult("d", text, quotes, {})
    got = cue_accuracy(load_scorer(), [{"doc_id": "d", "text": text, "quotes": golds}], [result])
    # the partial quote is not scored; the unnamed speaker cannot be judged
    assert got == {"pronoun": (1, 1), "none": (0, 1)}


@pytest.mark.parametrize(
    ("splits", "shown", "hidden"),
    [(("dev",), {"dev"}, {"test"}), (("dev", "test"), {"dev", "test"}, set())],
)
def test_shared_eval_scores_only_the_splits_asked_for(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    splits: tuple[str, ...],
    shown: set[str],
    hidden: set[str],
) -> None:
    """Dev by default (eval-quotes --split), so a tuning loop never shows the test split."""
    from pipelines.tools import quote_eval

    if not quote_eval.SCORER.exists():
        pytest.skip(f"the shared scorer {quote_eval.SCORER} is absent (../shared not mounted)")
    shared, ann = _fake_shared(tmp_path)
    docs = qs.load_shared_set(ann, shared)
    monkeypatch.setattr(qs, "load_shared_set", lambda: docs)
    figures = quote_eval.run_shared_eval(splits=splits)
    out = capsys.readouterr().out
    assert figures is not None and set(figures) == shown
    for split in hidden:
        assert f"  {split} " not in out
    for split in shown:
        assert f"  {split} all " in out


def test_shared_eval_prints_each_held_out_half_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--split hold`` shows each batch's held-out half on its own lines (8b apart from 9b),
    so a change is read against every held-out half, not only their sum."""
    from pipelines.tools import quote_eval

    if not quote_eval.SCORER.exists():
        pytest.skip(f"the shared scorer {quote_eval.SCORER} is absent (../shared not mounted)")
    shared, ann = _fake_shared(tmp_path)
    rows = qs.read_annotations(ann)
    held_batches = [b for b in qs.BATCHES if b >= qs.FIRST_HELD_BATCH]
    assert len(held_batches) >= 8  # 8b to 15b at least
    # the same text once per held-out batch
    held = [
        rows[0] | {"doc_id": f"{rows[0]['doc_id']}-{b}", "split": "hold", "batch": b}
        for b in held_batches
    ]
    _write(ann, [*held, *rows[1:]])
    docs = qs.load_shared_set(ann, shared)
    monkeypatch.setattr(qs, "load_shared_set", lambda: docs)
    figures = quote_eval.run_shared_eval(splits=("hold",))
    out = capsys.readouterr().out
    assert figures is not None and set(figures) == {"hold"}
    for b in held_batches:
        assert f"  hold batch {b} all (1 docs)" in out
        assert f"batch {b} all" in figures["hold"] and f"batch {b} cues" in figures["hold"]
    assert "  hold first " not in out and "errors on" not in out
