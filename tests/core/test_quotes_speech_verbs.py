"""An unlisted verb closing a quotation attributes it only when it can take speech
(issue 11, fifteenth session): "“…,” an angry <Name> retaliated." is an attribution, but
the same frame with a verb of motion or of the body ("“…,” <Name> arrived.") is narrative.
The test is WordNet's (``rules/speech_verbs.txt``, built by
``pipelines/tools/build_speech_verbs.py``). Examples are written for these tests; verbs
chosen outside ``rules/quote_verbs.txt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.core.quotes._rules import load_rules
from pipelines.tools import build_speech_verbs
from tests.core.quotes_helpers import one_quote, speaker_name

_PEOPLE = {"Ann Lee": "PERSON", "Tom Reid": "PERSON"}
_ABOVE = "Ann Lee had called the harbour plan a farce.\n"


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("Tom Reid chided.", id="communication"),
        pytest.param("an angry Tom Reid counterattacked.", id="competition-first-sense"),
        pytest.param("Tom Reid hollered.", id="manner-of-speaking"),
    ],
)
def test_a_verb_that_can_take_speech_attributes(nlp, frame: str) -> None:
    verb = frame.split()[-1].rstrip(".")
    assert not load_rules().is_cue(verb) and verb in load_rules().speech_verbs
    text = _ABOVE + f"“The harbour will always be ours,” {frame} “We built it.”"
    assert speaker_name(one_quote(nlp, text, "always be ours", _PEOPLE)) == "Tom Reid"
    assert speaker_name(one_quote(nlp, text, "We built it", _PEOPLE)) == "Tom Reid"


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("Tom Reid arrived.", id="motion"),
        pytest.param("an exhausted Tom Reid collapsed.", id="change"),
        pytest.param("Tom Reid slept.", id="body"),
        pytest.param("Tom Reid walked.", id="competition-not-first-sense"),
    ],
)
def test_a_verb_that_cannot_take_speech_attributes_nothing(nlp, frame: str) -> None:
    verb = frame.split()[-1].rstrip(".")
    assert verb not in load_rules().speech_verbs
    text = "The vote ended.\n\n" + f"“We will be back,” {frame}"
    assert one_quote(nlp, text, "will be back", _PEOPLE).cue_verb is None


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("mock", {"mocked", "mocks"}),
        ("chat", {"chatted", "chats"}),
        ("reply", {"replied", "replies"}),
        ("hiss", {"hissed", "hisses"}),
        ("quote", {"quoted", "quotes"}),
    ],
)
def test_regular_forms_by_spelling(lemma: str, forms: set[str]) -> None:
    assert forms <= build_speech_verbs.regular_forms(lemma)


def _tiny_wordnet(tmp_path: Path) -> Path:
    """A WordNet database of four synsets in its own format (offsets are line keys)."""
    (tmp_path / "data.verb").write_text(
        "  1 licence header line\n"
        "00000001 32 v 02 bark 0 yap 0 000 | speak in a curt manner\n"
        "00000002 33 v 01 retaliate 0 000 | take revenge\n"
        "00000003 38 v 01 walk 0 000 | go on foot\n"
        "00000004 33 v 01 walk 0 000 | win a game\n",
        encoding="utf-8",
    )
    (tmp_path / "index.verb").write_text(
        "  1 licence header line\n"
        "bark v 1 0 1 0 00000001\n"
        "retaliate v 1 0 1 0 00000002\n"
        "walk v 2 0 2 0 00000003 00000004\n"
        "yap v 1 0 1 0 00000001\n",
        encoding="utf-8",
    )
    (tmp_path / "verb.exc").write_text("", encoding="utf-8")
    return tmp_path


def test_lemmas_communication_any_sense_competition_first_sense(tmp_path: Path) -> None:
    assert build_speech_verbs.lemmas(_tiny_wordnet(tmp_path)) == ["bark", "retaliate", "yap"]


def test_committed_list_is_a_fresh_build() -> None:
    if not (build_speech_verbs.WORDNET_DIR / "data.verb").exists():
        pytest.skip("WordNet 3.0 is not installed (Debian: wordnet-base)")
    committed = build_speech_verbs.OUTPUT.read_text(encoding="utf-8")
    assert committed == build_speech_verbs.build()
