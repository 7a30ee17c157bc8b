"""The extract-quotes command body and the evaluation helpers (no ../shared needed)."""

from __future__ import annotations

import json

import pytest

from pipelines.cli import main
from pipelines.core.models import Quote
from pipelines.tools.quote_eval import DocResult, prediction_row


def test_extract_quotes_command_writes_offsets_and_speakers(tmp_path) -> None:
    text = "“We will win,” Maria Delgado said. She added: “It is close.”"
    src = tmp_path / "docs.jsonl"
    out = tmp_path / "pred.jsonl"
    src.write_text(json.dumps({"doc_id": "d1", "text": text}) + "\n", encoding="utf-8")
    assert main(["extract-quotes", "--input", str(src), "--output", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["d1"]
    quotes = rows[0]["quotes"]
    assert [q["text"] for q in quotes] == ["We will win,", "It is close."]
    for q in quotes:
        assert text[q["start"] : q["end"]] == q["text"]
        assert "Delgado" in q["speaker"]


def test_prediction_row_prefers_canonical_name_and_filters_kinds() -> None:
    quotes = [
        Quote("Yes,", 1, 5, "direct", "ent_1", "he", 10, 12),
        Quote("fine", 20, 24, "partial", None, "a spokesperson", unattributed_reason="x"),
        Quote("No.", 30, 33, "direct", None, "officials", unattributed_reason="nominal_speaker"),
    ]
    row = prediction_row(DocResult("d", "", quotes, {"ent_1": "Shigeru Ishiba"}))
    assert [(q["text"], q["speaker"]) for q in row["quotes"]] == [
        ("Yes,", "Shigeru Ishiba"),
        ("No.", "officials"),
    ]


def test_prediction_row_speaker_styles() -> None:
    quotes = [
        Quote("Yes,", 1, 5, "direct", "ent_1", "the 56-year-old", 10, 25),
        Quote("No.", 30, 33, "direct", None, "officials", unattributed_reason="nominal_speaker"),
    ]
    result = DocResult("d", "", quotes, {"ent_1": "Ana Ruiz"})
    resolved = prediction_row(result)["quotes"]
    written = prediction_row(result, style="written")["quotes"]
    assert [q["speaker"] for q in resolved] == ["Ana Ruiz", "officials"]
    assert [q["speaker"] for q in written] == ["the 56-year-old", "officials"]
    assert [q["speaker_as_written"] for q in resolved] == ["the 56-year-old", "officials"]
    with pytest.raises(ValueError, match="unknown speaker style"):
        prediction_row(result, style="both")


def test_extract_quotes_speaker_style_written(tmp_path) -> None:
    text = "Maria Delgado won the vote.\n\n“We will win again,” said the 41-year-old."
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"doc_id": "d1", "text": text}) + "\n", encoding="utf-8")
    speakers = {}
    for style in ("resolved", "written"):
        out = tmp_path / f"{style}.jsonl"
        args = ["extract-quotes", "--input", str(src), "--output", str(out)]
        assert main([*args, "--speaker-style", style]) == 0
        (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        (q,) = row["quotes"]
        speakers[style] = q["speaker"]
    assert "Delgado" in speakers["resolved"]
    assert "41-year-old" in speakers["written"]


def test_spacy_cache_parses_only_texts_it_does_not_hold(tmp_path, nlp, monkeypatch) -> None:
    from pipelines.core import nlp as nlp_mod
    from pipelines.tools import quote_eval

    parsed: list[str] = []
    real_pipe = nlp_mod.pipe

    def counting_pipe(model, texts, **kw):
        texts = list(texts)
        parsed.extend(texts)
        return real_pipe(model, texts, **kw)

    monkeypatch.setattr(nlp_mod, "pipe", counting_pipe)
    cache = tmp_path / "docs.spacy"
    first = ["“Yes,” Ann Lee said.", "Bo Ray left early."]
    docs = quote_eval._cached_docs(nlp, first, cache, None)
    assert [d.text for d in docs] == first and parsed == first
    # a grown set: only the new text is parsed, the order follows the request
    parsed.clear()
    grown = ["A third text.", *first]
    docs = quote_eval._cached_docs(nlp, grown, cache, None)
    assert [d.text for d in docs] == grown and parsed == ["A third text."]
    # nothing new: nothing parsed, nothing rewritten
    parsed.clear()
    before = cache.stat().st_mtime_ns
    assert [d.text for d in quote_eval._cached_docs(nlp, first, cache, None)] == first
    assert parsed == [] and cache.stat().st_mtime_ns == before
    # a cache written by another model is rebuilt, not trusted
    cache.with_name(cache.name + ".model").write_text("en_other 0.0", encoding="utf-8")
    quote_eval._cached_docs(nlp, first, cache, None)
    assert parsed == first


def test_dev_part_is_fixed_and_cuts_about_a_third() -> None:
    from pipelines.tools.quote_eval import CHECK, TUNE, dev_part

    ids = [f"article_{i:04d}.txt" for i in range(3000)]
    parts = [dev_part(i) for i in ids]
    assert set(parts) == {TUNE, CHECK}
    assert 0.30 < parts.count(CHECK) / len(ids) < 0.37
    # fixed by the id alone: the same id always lands in the same part
    assert [dev_part(i) for i in ids] == parts
