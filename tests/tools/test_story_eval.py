"""Stories and statements set: loader and scorer on a synthetic ../shared, then the real set."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pipelines.tools import story_eval, story_eval_set
from pipelines.tools.shared_texts import CorpusUnavailable, TextChanged
from pipelines.tools.story_eval_set import (
    DocRef,
    EvalSetError,
    QuoteRef,
    load_eval_set,
    load_texts,
)
from pipelines.tools.story_scoring import (
    PredictedQuote,
    day_title_baseline,
    exact_text_statements,
    match_quotes,
    normalise_quote_text,
    score_statements,
    score_stories,
    singleton_statements,
)
from tests.conftest import shared_path

# Our own strings: two dated articles on one vote, a look-alike on another day, a BBC file
# and an aeb body on a harbour strike.
P1 = "polnear/train/alpha_2016-01-02_vote"
P2 = "polnear/train/beta_2016-01-02_vote"
P3 = "polnear/train/gamma_2016-01-09_vote"
TEXTS = {
    DocRef(
        "polnear", P1
    ): 'City vote on bridge repair\n\n"We will fix the bridge," Ann Lee said.\n',
    DocRef("polnear", P2): (
        'Bridge repair vote in city\n\nLee said: "We will fix the bridge." '
        'Bo Ray said "we will fix the bridge" as well.\n'
    ),
    DocRef("polnear", P3): 'City vote on park\n\n"Parks matter," Ann Lee said.\n',
    DocRef(
        "bbc", "business/001.txt"
    ): 'Harbour strike ends\n\n"The strike is over," Cy Dunn said.\n',
    DocRef("aeb", "abc123"): "\u201cThe strike is over,\u201d Cy Dunn told reporters.",
}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _doc(ref: DocRef) -> dict[str, Any]:
    return {"corpus": ref.corpus, "id": ref.id, "text_sha256": _sha(TEXTS[ref])}


def _q(ref: DocRef, snippet: str, nth: int = 0, kind: str = "direct") -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = TEXTS[ref].index(snippet, start + 1)
    return _doc(ref) | {"start": start, "end": start + len(snippet), "kind": kind}


D1, D2, D3 = (DocRef("polnear", p) for p in (P1, P2, P3))
BBC, AEB = DocRef("bbc", "business/001.txt"), DocRef("aeb", "abc123")


def _rows() -> dict[str, list[dict[str, Any]]]:
    member = {"role": "member", "distractor_of": [], "split": "dev"}
    return {
        "stories": [
            {"doc": _doc(D1), "story": "vote"} | member,
            {"doc": _doc(D2), "story": "vote"} | member,
            {"doc": _doc(D3), "story": None, "role": "distractor", "distractor_of": ["vote"]}
            | {"split": "dev"},
            {"doc": _doc(BBC), "story": "strike"} | member | {"split": "test"},
            {"doc": _doc(AEB), "story": "strike"} | member | {"split": "test"},
        ],
        "statements": [
            {
                "statement": "lee-bridge",
                "speaker": "Ann Lee",
                "split": "dev",
                "quotes": [_q(D1, "We will fix the bridge,"), _q(D2, "We will fix the bridge.")],
            },
            {
                "statement": "dunn-strike",
                "speaker": "Cy Dunn",
                "split": "test",
                "quotes": [_q(BBC, "The strike is over,"), _q(AEB, "The strike is over,")],
            },
        ],
        "hard_negatives": [
            {
                "type": "same_words_different_speaker",
                "split": "dev",
                "speakers": ["Ann Lee", "Bo Ray"],
                "a": _q(D2, "We will fix the bridge."),
                "b": _q(D2, "we will fix the bridge"),
            },
            {
                "type": "same_speaker_different_remark",
                "split": "dev",
                "speakers": ["Ann Lee", "Ann Lee"],
                "a": _q(D1, "We will fix the bridge,"),
                "b": _q(D3, "Parks matter,"),
            },
        ],
    }


def _write(directory: Path, rows: dict[str, list[dict[str, Any]]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, lines in rows.items():
        (directory / f"{name}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8"
        )
    return directory


def _shared(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    (shared / "eval" / "quotes").mkdir(parents=True)
    polnear = [{"doc_id": d.id, "text": t} for d, t in TEXTS.items() if d.corpus == "polnear"]
    (shared / "eval" / "quotes" / "dev.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in polnear), encoding="utf-8"
    )
    (shared / "corpora" / "bbc" / "business").mkdir(parents=True)
    (shared / "corpora" / "bbc" / BBC.id).write_bytes(TEXTS[BBC].encode("utf-8"))
    (shared / "corpora" / "html" / "aeb").mkdir(parents=True)
    (shared / "corpora" / "html" / "aeb" / "ground-truth.subset.json").write_text(
        json.dumps({AEB.id: {"articleBody": TEXTS[AEB]}}), encoding="utf-8"
    )
    return shared


@pytest.fixture
def eval_set(tmp_path: Path) -> story_eval_set.StoryEvalSet:
    return load_eval_set(_write(tmp_path / "set", _rows()))


def _ref(q: dict[str, Any]) -> QuoteRef:
    return QuoteRef(DocRef(q["corpus"], q["id"]), q["start"], q["end"])


# --- loading and texts --------------------------------------------------------------------


def test_texts_are_rebuilt_and_checked(tmp_path: Path, eval_set) -> None:
    texts = load_texts(eval_set, _shared(tmp_path))
    assert texts == TEXTS
    assert story_eval_set.document_date(D1).isoformat() == "2016-01-02"
    assert story_eval_set.document_date(BBC) is None


def test_a_changed_text_is_refused_by_name(tmp_path: Path, eval_set) -> None:
    shared = _shared(tmp_path)
    (shared / "corpora" / "bbc" / BBC.id).write_text("Harbour strike ends\n\nedited\n")
    with pytest.raises(TextChanged, match=r"bbc/business/001\.txt"):
        load_texts(eval_set, shared)


def test_absent_shared_is_reported_not_crashed(tmp_path: Path, eval_set) -> None:
    with pytest.raises(CorpusUnavailable, match="not mounted"):
        load_texts(eval_set, tmp_path / "nowhere")
    assert story_eval.story_eval_main(["--data", str(tmp_path / "set"), "--shared", "/nope"]) == 2


def _break(rows: dict[str, list[dict[str, Any]]], how: str) -> None:
    stories, statements, hard = rows["stories"], rows["statements"], rows["hard_negatives"]
    if how == "doc twice":
        stories.append(dict(stories[0]))
    elif how == "one-member story":
        stories[1]["story"] = "other"
    elif how == "role":
        stories[2]["role"] = "member"
    elif how == "quote in two groups":
        statements[1]["quotes"].append(statements[0]["quotes"][0])
    elif how == "one article":
        statements[0]["quotes"][1] = _q(D1, "Ann Lee")
    elif how == "negative inside a group":
        hard[1]["b"] = statements[0]["quotes"][1]
    elif how == "speakers":
        hard[0]["speakers"] = ["Ann Lee", "Ann Lee"]
    elif how == "overlap":
        hard[1]["b"] = _q(D1, "fix the bridge")
    elif how == "split":
        stories[3]["split"] = "train"
    elif how == "batch of a story":
        stories[0]["batch"] = "7a"
    elif how == "batch of a look-alike":
        stories[0]["batch"] = stories[1]["batch"] = "7a"
    elif how == "batch type":
        stories[3]["batch"] = 7
    elif how == "digest":
        hard[1]["b"]["text_sha256"] = "0" * 64


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("doc twice", "annotated twice"),
        ("one-member story", "fewer than two members"),
        ("role", "does not fit story"),
        ("quote in two groups", "is in lee-bridge and dunn-strike"),
        ("one article", "two articles"),
        ("negative inside a group", "both quotes are in statement"),
        ("speakers", "do not fit type"),
        ("overlap", "overlap"),
        ("split", "not one of dev, holdout, test"),
        ("batch of a story", "spans two batches"),
        ("batch of a look-alike", "differ in batch"),
        ("batch type", "batch must be a label"),
        ("digest", "two different digests"),
    ],
)
def test_contradictory_labels_are_refused(tmp_path: Path, how: str, message: str) -> None:
    rows = _rows()
    _break(rows, how)
    with pytest.raises(EvalSetError, match=message):
        load_eval_set(_write(tmp_path / "bad", rows))


def test_statement_and_hard_negative_batches_are_recorded(tmp_path: Path) -> None:
    rows = _rows()
    rows["statements"][0] |= {"batch": "6a"}
    rows["hard_negatives"][1] |= {"batch": "6a"}
    real = load_eval_set(_write(tmp_path / "batches", rows))
    six_a = real.select_batch("6a")
    assert [s.label for s in six_a.statements] == ["lee-bridge"]
    assert [h.speakers for h in six_a.hard_negatives] == [("Ann Lee", "Ann Lee")]
    assert six_a.stories == () and real.select_batch("6b").statements == ()
    rows["hard_negatives"][0]["batch"] = ""
    with pytest.raises(EvalSetError, match="batch must be a label"):
        load_eval_set(_write(tmp_path / "bad", rows))


# --- stories -----------------------------------------------------------------------------


def test_story_bcubed(eval_set) -> None:
    dev = eval_set.select("dev")
    perfect = score_stories(dev, {D1: "s", D2: "s", D3: "other"})
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    # The distractor joined the story: precision falls, recall stays.
    merged = score_stories(dev, {D1: "s", D2: "s", D3: "s"})
    assert merged.recall == 1.0
    assert merged.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    # Documents without a prediction are singletons and are counted.
    missing = score_stories(dev, {D1: "s"})
    assert missing.unpredicted == 2
    assert missing.precision == 1.0
    assert missing.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert score_stories(eval_set.select("test"), {BBC: "x", AEB: "x"}).f1 == 1.0


def test_day_title_baseline_needs_the_same_day_and_two_title_words() -> None:
    groups = day_title_baseline(TEXTS)
    assert groups[D1] == groups[D2]  # same day; "bridge", "repair", "vote", "city" shared
    assert groups[D3] != groups[D1]  # a week later
    assert groups[BBC] != groups[AEB]  # no dates: singletons


def test_day_title_baseline_reads_the_title_ingestion_gives() -> None:
    # Our own strings. A full-stopped headline is a title; an opening sentence as long as
    # the paragraph after it stays body text, so it brings no title words.
    lead = "The council met for four hours and heard from residents on both sides. " * 3
    texts = {
        DocRef(
            "polnear", "polnear/train/a_2016-03-01_x"
        ): f"Harbour bridge repair vote set.\n\n{lead}\n",
        DocRef(
            "polnear", "polnear/train/b_2016-03-01_x"
        ): f"Harbour bridge repair approved.\n\n{lead}\n",
        DocRef("polnear", "polnear/train/c_2016-03-01_x"): (
            "Residents spoke on harbour bridge repair plans.\n\nThey spoke at length on Monday.\n"
        ),
    }
    a, b, c = texts
    assert story_eval_set.document_title(texts[a]) == "Harbour bridge repair vote set."
    assert story_eval_set.document_title(texts[c]) == ""
    groups = day_title_baseline(texts)
    assert groups[a] == groups[b]
    assert groups[c] != groups[a]


# --- statements --------------------------------------------------------------------------


def _pred(q: dict[str, Any], sid: str, shift: int = 0, end_shift: int = 0) -> PredictedQuote:
    r = _ref(q)
    return PredictedQuote(r.doc, r.start + shift, r.end + end_shift, sid)


def test_statement_pairs_and_hard_negatives(eval_set) -> None:
    rows = _rows()
    lee1, lee2 = rows["statements"][0]["quotes"]
    ray = rows["hard_negatives"][0]["b"]
    parks = rows["hard_negatives"][1]["b"]
    dev = eval_set.select("dev")
    perfect = score_statements(
        dev, [_pred(lee1, "a"), _pred(lee2, "a"), _pred(ray, "b"), _pred(parks, "c")]
    )
    assert (perfect.gold_pairs, perfect.true_pairs, perfect.predicted_pairs) == (1, 1, 1)
    assert perfect.f1 == 1.0
    assert perfect.violated == ()
    # Same words, different speaker merged: a wrong pair and a violated hard negative.
    merged = score_statements(dev, [_pred(lee1, "a"), _pred(lee2, "a"), _pred(ray, "a")])
    assert merged.predicted_pairs == 3
    assert merged.precision == pytest.approx(1 / 3)
    assert [h.type for h in merged.violated] == ["same_words_different_speaker"]
    # A quote the system never extracted: its pairs are lost, nothing is violated.
    unmatched = score_statements(dev, [_pred(lee1, "a"), _pred(ray, "a")])
    assert (unmatched.matched, unmatched.recall, unmatched.violated) == (2, 0.0, ())
    # Singletons everywhere: nothing claimed, nothing found.
    alone = score_statements(dev, singleton_statements(dev))
    assert (alone.precision, alone.recall, alone.f1) == (1.0, 0.0, 0.0)


def test_quote_matching_overlap_and_one_to_one() -> None:
    gold = [QuoteRef(D1, 10, 30)]
    # 10 of 20 characters overlap: exactly half of the longer span matches ...
    assert match_quotes(gold, [PredictedQuote(D1, 20, 30, "x")])
    # ... 9 of 20 does not; a span in another document never does.
    assert not match_quotes(gold, [PredictedQuote(D1, 21, 30, "x")])
    assert not match_quotes(gold, [PredictedQuote(D2, 10, 30, "x")])
    # Two predictions over one quote: the better overlap wins, the other stays unmatched.
    both = [PredictedQuote(D1, 12, 30, "worse"), PredictedQuote(D1, 10, 31, "better")]
    assert match_quotes(gold, both)[gold[0]].statement_id == "better"


def test_exact_text_baseline_merges_identical_words_only(tmp_path: Path, eval_set) -> None:
    texts = load_texts(eval_set, _shared(tmp_path))
    assert normalise_quote_text("\u201cWe will fix the Bridge.\u201d") == "we will fix the bridge"
    scores = score_statements(eval_set, exact_text_statements(eval_set, texts))
    # Both statements are exact repeats; the speaker-blind key also merges Bo Ray.
    assert scores.recall == 1.0
    assert len(scores.violated) == 1


def test_command_prints_the_baselines(tmp_path: Path, capsys) -> None:
    rows = _write(tmp_path / "set", _rows())
    assert (
        story_eval.story_eval_main(["--data", str(rows), "--shared", str(_shared(tmp_path))]) == 0
    )
    out = capsys.readouterr().out
    assert "[dev] baseline singleton stories: 1 stories, 3 documents" in out
    assert "hard negatives violated 1/2" in out


def test_command_scores_prediction_files(tmp_path: Path, capsys) -> None:
    rows = _write(tmp_path / "set", _rows())
    stories = tmp_path / "stories.jsonl"
    stories.write_text(
        "".join(
            json.dumps({"corpus": d.corpus, "id": d.id, "story_id": "one"}) + "\n"
            for d in (D1, D2, D3)
        )
    )
    args = ["--data", str(rows), "--shared", str(_shared(tmp_path)), "--split", "dev"]
    assert story_eval.story_eval_main([*args, "--stories", str(stories)]) == 0
    assert "[dev] system stories: 1 stories, 3 documents; B-cubed P 0.556 R 1.000" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("argv", "printed", "hidden"),
    [
        ([], ["[dev] stories", "[dev] statements"], ["[test]"]),
        (["--split", "dev"], ["[dev] stories"], ["[test]"]),
        (["--split", "test"], ["[test] stories", "[test] statements"], ["[dev]"]),
        (["--split", "all"], ["[dev] stories", "[holdout] stories", "[test] stories"], []),
        (["--split", "holdout"], ["[holdout] stories"], ["[dev]", "[test]", "statements:"]),
        (["--split", "all", "--batch", "7b"], ["[holdout batch 7b] stories"], ["[dev", "[test"]),
        # Parts of dev only: a held-out or test figure is never read part by part.
        (
            ["--split", "all", "--by-part"],
            ["[dev polnear] stories: 1 stories, 3 documents", "[test] stories"],
            ["[test bbc]", "[test aeb]", "[holdout polnear]"],
        ),
        (["--split", "dev"], ["[dev] stories"], ["[dev polnear]"]),
        # Statements per part too, dev only: the test split's statement line stays whole.
        (
            ["--split", "all", "--by-part"],
            ["[dev polnear] statements: 4 quotes", "[test] statements"],
            ["[test bbc] statements", "[test polnear]"],
        ),
        # A batch of statements only: its statement line, no empty story line.
        (
            ["--split", "all", "--batch", "6b"],
            ["[holdout batch 6b] statements: 4 quotes"],
            ["stories:", "[dev", "[test"],
        ),
    ],
)
def test_grouping_eval_prints_only_the_split_asked_for(
    tmp_path: Path, monkeypatch, capsys, argv: list[str], printed: list[str], hidden: list[str]
) -> None:
    """Dev by default, so a tuning loop never shows the test split by accident."""
    from pipelines.cli import parse_command
    from pipelines.tools import grouping_eval

    rows_ = _rows()
    if "holdout" in argv or "7b" in argv:
        # The vote story becomes a new batch's held-out half (its statements stay dev).
        for row in rows_["stories"][:3]:
            row |= {"split": "holdout", "batch": "7b"}
    if "6b" in argv:
        # The vote statement and its hard negatives become a statements batch's held-out half.
        for row in (rows_["statements"][0], *rows_["hard_negatives"]):
            row |= {"split": "holdout", "batch": "6b"}
    rows = _write(tmp_path / "set", rows_)
    shared = _shared(tmp_path)

    class _Grouped:  # what the command reads of a grouping: every document its own story
        def __init__(self, docs: list[grouping_eval.Doc]) -> None:
            self.stories = {d.ref: f"s{i}" for i, d in enumerate(docs)}
            self.statements: list[PredictedQuote] = []
            self.seconds, self.cpu = 0.5, (0.25, 0.25)

    # The spaCy pass and the grouping are not what this test is about.
    seconds = grouping_eval.PassSeconds(wall=40.0, cpu=10.0)
    monkeypatch.setattr(grouping_eval, "analyse", lambda docs, reuse=False: ({}, seconds))
    monkeypatch.setattr(grouping_eval, "group", lambda docs, results: _Grouped(docs))
    args = parse_command("eval-grouping", ["--data", str(rows), "--shared", str(shared), *argv])
    assert grouping_eval.grouping_eval_command(args) == 0
    out = capsys.readouterr().out
    assert "eval-grouping: 5 documents, 5 stories" in out
    for line in printed:
        assert line in out
    for line in hidden:
        assert line not in out


@pytest.mark.parametrize(
    ("docs", "parts"),
    [
        # Corpora first (their unbatched documents), then each labelling batch.
        (
            [(D1, "vote", None), (D2, "vote", None), (BBC, "strike", "7a"), (AEB, None, None)],
            [("aeb", [AEB]), ("polnear", [D1, D2]), ("batch 7a", [BBC])],
        ),
        # A batch across corpora is one part; a corpus with no unbatched document is none.
        (
            [(BBC, "strike", "7a"), (AEB, "strike", "7a"), (D3, None, "8a")],
            [("batch 7a", [BBC, AEB]), ("batch 8a", [D3])],
        ),
        ([], []),
    ],
)
def test_story_parts_are_corpora_then_batches(
    docs: list[tuple[DocRef, str | None, str | None]], parts: list[tuple[str, list[DocRef]]]
) -> None:
    from pipelines.tools.grouping_eval import story_parts

    whole = story_eval_set.StoryEvalSet(
        tuple(
            story_eval_set.StoryDoc(ref, story, () if story else ("vote",), "dev", batch)
            for ref, story, batch in docs
        ),
        (),
        (),
    )
    found = story_parts(whole)
    assert [(name, [d.doc for d in piece.stories]) for name, piece in found] == parts
    # Every document is in exactly one part.
    in_parts = [d for _, piece in found for d in piece.stories]
    assert len(in_parts) == len(whole.stories)
    assert set(in_parts) == set(whole.stories)


def _statement(label: str, refs: list[DocRef], batch: str | None) -> story_eval_set.Statement:
    quotes = tuple(QuoteRef(r, 0, 5) for r in refs)
    return story_eval_set.Statement(label, "Ann Lee", "dev", quotes, batch)


def _negative(a: DocRef, b: DocRef, batch: str | None) -> story_eval_set.HardNegative:
    qa, qb = QuoteRef(a, 0, 5), QuoteRef(b, 6, 9)
    return story_eval_set.HardNegative(
        "same_speaker_different_remark", "dev", qa, qb, ("Ann Lee", "Ann Lee"), "", batch
    )


@pytest.mark.parametrize(
    ("statements", "negatives", "parts"),
    [
        # Corpora first (unbatched statements), then each batch; a hard negative goes with
        # its first quote's corpus (a cross-corpus pair is scored once, not in both parts).
        (
            [("a", [D1, D2], None), ("b", [BBC, BBC], None), ("c", [AEB, D3], "6a")],
            [(D1, BBC, None), (AEB, AEB, "6a")],
            [("bbc", ["b"], 0), ("polnear", ["a"], 1), ("batch 6a", ["c"], 1)],
        ),
        # A part with hard negatives only is still printed: it can be violated.
        ([("a", [D1, D2], None)], [(BBC, BBC, None)], [("bbc", [], 1), ("polnear", ["a"], 0)]),
        ([], [], []),
    ],
)
def test_statement_parts_are_corpora_then_batches(
    statements: list[tuple[str, list[DocRef], str | None]],
    negatives: list[tuple[DocRef, DocRef, str | None]],
    parts: list[tuple[str, list[str], int]],
) -> None:
    from pipelines.tools.grouping_eval import statement_parts

    whole = story_eval_set.StoryEvalSet(
        (),
        tuple(_statement(label, refs, batch) for label, refs, batch in statements),
        tuple(_negative(a, b, batch) for a, b, batch in negatives),
    )
    found = statement_parts(whole)
    shown = [
        (name, [s.label for s in piece.statements], len(piece.hard_negatives))
        for name, piece in found
    ]
    assert shown == parts
    # Every statement and hard negative is in exactly one part.
    assert sorted(s.label for _, p in found for s in p.statements) == sorted(
        s.label for s in whole.statements
    )
    assert sum(len(p.hard_negatives) for _, p in found) == len(whole.hard_negatives)


def test_grouping_eval_scores_each_dev_part_of_the_statements(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """Per part: its own pair figures and hard negatives, from one grouping."""
    from pipelines.cli import parse_command
    from pipelines.tools import grouping_eval

    rows_ = _rows()
    # The strike statement becomes a dev batch's (its stories stay test: statements are
    # split on their own).
    rows_["statements"][1] |= {"split": "dev", "batch": "6a"}
    rows = _write(tmp_path / "set", rows_)
    shared = _shared(tmp_path)
    lee = [q for s in rows_["statements"][:1] for q in s["quotes"]]
    ray = rows_["hard_negatives"][0]["b"]
    strike = rows_["statements"][1]["quotes"]

    def quote(q: dict[str, Any], statement: str) -> PredictedQuote:
        return PredictedQuote(DocRef(q["corpus"], q["id"]), q["start"], q["end"], statement)

    class _Grouped:  # Lee's pair together with Ray's words (a hard negative); Dunn's apart
        def __init__(self, docs: list[grouping_eval.Doc]) -> None:
            self.stories = {d.ref: f"s{i}" for i, d in enumerate(docs)}
            self.statements = [quote(q, "lee") for q in (*lee, ray)] + [
                quote(q, f"dunn{i}") for i, q in enumerate(strike)
            ]
            self.seconds, self.cpu = 0.5, (0.25, 0.25)

    seconds = grouping_eval.PassSeconds(wall=40.0, cpu=10.0)
    monkeypatch.setattr(grouping_eval, "analyse", lambda docs, reuse=False: ({}, seconds))
    monkeypatch.setattr(grouping_eval, "group", lambda docs, results: _Grouped(docs))
    argv = ["--data", str(rows), "--shared", str(shared), "--by-part"]
    assert grouping_eval.grouping_eval_command(parse_command("eval-grouping", argv)) == 0
    lines = {
        line.split("]")[0] + "]": line
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("[dev")
    }
    polnear, batch = lines["[dev polnear]"], lines["[dev batch 6a]"]
    assert polnear.startswith(
        "[dev polnear] statements: 4 quotes (3 matched), 1 gold pairs; pair P 0.333 R 1.000"
    )
    assert polnear.endswith("hard negatives violated 1/2")
    assert batch.startswith(
        "[dev batch 6a] statements: 2 quotes (2 matched), 1 gold pairs; pair P 1.000 R 0.000"
    )
    assert batch.endswith("hard negatives violated 0/0")
    # The split's own line counts both parts.
    assert "3 pair" not in lines["[dev]"]


def test_grouping_cost_share_is_of_the_passs_cpu_not_its_wall_time() -> None:
    """A pass timed under load takes longer on the wall clock, not in CPU: the share uses CPU."""
    from pipelines.tools.grouping_eval import cpu_share

    line = cpu_share(2.0, 1.0, 100.0)
    assert "stories 2.0 s, statements 1.0 s (2.0 % / 1.0 % of the spaCy pass's 100.0 s CPU)" in line
    # A cache written before CPU was recorded gives no share rather than a wrong one.
    assert "%" not in cpu_share(2.0, 1.0, None)
    assert "predates CPU timing" in cpu_share(2.0, 1.0, None)


def test_grouping_eval_refuses_an_unknown_split() -> None:
    from pipelines.cli import UsageError, parse_command
    from pipelines.tools.grouping_eval import splits_to_print

    with pytest.raises((UsageError, SystemExit)):
        parse_command("eval-grouping", ["--split", "train"])
    with pytest.raises(ValueError, match="unknown split"):
        splits_to_print("train")
    assert splits_to_print("all") == ("dev", "holdout", "test")


# --- the real set ------------------------------------------------------------------------


def test_the_real_set_is_consistent_and_large_enough() -> None:
    real = load_eval_set()
    members = Counter(d.story for d in real.stories if d.story)
    imitated = Counter(label for d in real.stories for label in d.distractor_of)
    assert len(members) >= 15
    assert set(imitated) == set(members), "every story has look-alike distractors"
    assert len(real.statements) >= 40
    assert len(real.hard_negatives) >= 40
    assert {h.type for h in real.hard_negatives} == set(story_eval_set.HARD_NEGATIVE_TYPES)
    test_stories = {d.story for d in real.select("test").stories if d.story}
    # The test split was set aside when the set was first written (10 of 29 stories); later
    # batches are dev only (each is scored once before any rule change, as a measure on
    # groups the rules were not written for), so its share falls as dev grows (the third
    # batches: 10 of 52 stories, 22 of 90 statements; the fourth statements batch: 22 of
    # 115 statements, 19 of 90 hard negatives; the fifth stories batch: 10 of 78 stories, so
    # the stories' floor is 0.10: the test split keeps its own ten, it does not grow; the
    # seventh batch, 15 stories, half of it held out: 10 of 109, so 0.09; the sixth
    # statements batch, half of it held out: 22 of 165 statements, 19 of 134 hard
    # negatives, so 0.10).
    assert len(test_stories) >= 10
    assert 0.09 <= len(test_stories) / len(members) <= 0.45
    # Each held-out story is a half of a labelled batch, recorded as such.
    assert all(d.batch for d in real.select("holdout").stories)
    assert all(s.batch for s in real.select("holdout").statements)
    assert all(h.batch for h in real.select("holdout").hard_negatives)
    assert len(real.select("test").statements) >= 22
    assert 0.10 <= len(real.select("test").statements) / len(real.statements) <= 0.45
    assert len(real.select("test").hard_negatives) >= 19
    assert 0.10 <= len(real.select("test").hard_negatives) / len(real.hard_negatives) <= 0.45


@pytest.mark.corpus
def test_the_real_set_fits_the_shared_texts() -> None:
    real = load_eval_set()
    texts = load_texts(real, shared_path())
    marks = "\"'\u201c\u201d\u2018\u2019`"
    for q in real.quotes():
        text = texts[q.doc]
        span = text[q.start : q.end]
        assert span == span.strip(), f"{q} has edge whitespace"
        # Offsets exclude the marks: an opening mark precedes every quote.
        assert text[: q.start].rstrip()[-1:] in marks, f"{q.doc.id}: {span[:40]!r}"


def test_wrong_joins_name_each_document_grouped_with_another_story(eval_set) -> None:
    from pipelines.tools.grouping_eval import wrong_joins
    from pipelines.tools.story_eval_set import document_date

    dates = {f"{d.doc.corpus}:{d.doc.id}": document_date(d.doc) for d in eval_set.stories}
    # The vote story with its look-alike of a week later: all three lose precision.
    found = wrong_joins(eval_set, {D1: "x", D2: "x", D3: "x", BBC: "y", AEB: "y"}, dates)
    assert sorted((r, d) for r, d, _ in found) == [
        ("beyond the window", D1),
        ("beyond the window", D2),
        ("beyond the window", D3),
    ]
    assert {label for *_, label in found} == {"vote", "distractor of vote"}
    # A dated member with an undated page of another story; the look-alike with a member.
    found = wrong_joins(eval_set, {D1: "x", BBC: "x", D2: "y", D3: "y", AEB: "z"}, dates)
    assert sorted((r, d) for r, d, _ in found) == [
        ("beyond the window", D2),
        ("beyond the window", D3),
        ("one undated", BBC),
        ("one undated", D1),
    ]
    # Two undated pages of different stories; one story alone is no wrong join.
    assert wrong_joins(eval_set, {BBC: "x", AEB: "x", D1: "a", D2: "a"}, dates) == []
    undated = dict.fromkeys(dates)
    found = wrong_joins(eval_set, {BBC: "x", AEB: "y", D1: "x", D2: "y", D3: "z"}, undated)
    assert sorted((r, d) for r, d, _ in found) == [
        ("undated pair", AEB),
        ("undated pair", BBC),
        ("undated pair", D1),
        ("undated pair", D2),
    ]
