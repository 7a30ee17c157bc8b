"""Speaker heads the cue finder missed beside a found cue, read in the fourteenth session
(issue 11, PolNeAR dev "none found" pooled over outlets): a title stack whose abbreviation
the tokenizer split ("said retired Army Lt. Gen. <Name>"), a participle modifying the name
after an inverted verb ("said retired <role> <Name>"), a name glued to the closing mark
("…,”<Name> said."), a name in apposition right before the verb ("her adviser, <Name>,
said:"), a subject after a fronted phrase ("But in a call on Dec. 2, <Name>, a spokesman,
said,") and descriptions the tagger gives no noun ("the two write", "the 38-year-old
asked"). The cue-less quotation after each follows its speaker. Examples are written for
these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, quotes_of, speaker_name

_PEOPLE = {"Dan Ruiz": "PERSON", "Jo Hale": "PERSON", "Harper": "PERSON"}


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            '"We will go on," said retired Army Lt. Gen. Dan Ruiz, who served as the chief '
            'adviser in Peru from 2009 to 2011. "The plan is sound."',
            "go on",
            "Dan Ruiz",
            id="split-abbreviation-in-a-title-stack",
        ),
        pytest.param(
            '"We will go on," said retired Army Lt. Gen. Dan Ruiz, who served as the chief '
            'adviser in Peru from 2009 to 2011. "The plan is sound."',
            "plan is sound",
            "Dan Ruiz",
            id="split-abbreviation-follower",
        ),
        pytest.param(
            "The roads stayed shut.\n\n“We expected more from the council,”Harper said. "
            "“The roads are still closed.”",
            "expected more",
            "Harper",
            id="name-glued-to-the-closing-mark",
        ),
        pytest.param(
            "The roads stayed shut.\n\n“We expected more from the council,”Harper said. "
            "“The roads are still closed.”",
            "still closed",
            "Harper",
            id="glued-name-follower",
        ),
        pytest.param(
            "In an interview with the Courier, his longtime campaign manager, Jo Hale, said: "
            "“The senator is not running again.”",
            "not running",
            "Jo Hale",
            id="name-in-apposition-before-the-verb",
        ),
        pytest.param(
            "But in a call with reporters on Dec. 2, Col. Dan Ruiz, a military spokesman in "
            'Rome, said, "I mean, a raid is a raid. There is no way around that."',
            "a raid is a raid",
            "Dan Ruiz",
            id="subject-after-a-fronted-phrase",
        ),
    ],
)
def test_the_speaker_beside_a_found_cue(nlp, text: str, contains: str, speaker: str) -> None:
    assert speaker_name(one_quote(nlp, text, contains, dict(_PEOPLE))) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "surface"),
    [
        pytest.param(
            "Two senators sent the letter.\n\n“Nobody saw it coming,” the two write. "
            "“The rules were clear.”",
            "saw it coming",
            "two",
            id="the-two-write",
        ),
        pytest.param(
            "Reporters gathered.\n\n“Who could have guessed?” the 38-year-old asked in the post.",
            "could have guessed",
            "the 38-year-old",
            id="the-n-year-old-asked",
        ),
    ],
)
def test_a_description_without_a_noun_speaks(nlp, text: str, contains: str, surface: str) -> None:
    assert one_quote(nlp, text, contains, {}).speaker_surface == surface


def test_a_phrase_between_commas_that_is_no_name_gives_no_speaker(nlp) -> None:
    # "The mayor, in a letter to the Herald, said": the subject is before the first comma.
    text = "The mayor, in a letter to the Herald, said: “The roads will reopen.”"
    q = one_quote(nlp, text, "roads will reopen", {})
    assert q.speaker_surface in {"The mayor", "mayor"}


def test_an_apostrophe_inside_a_name_is_no_glued_mark(nlp) -> None:
    text = "“We expected more from the council,” said Dan O’Brien. “The roads are closed.”"
    surfaces = {q.speaker_surface for q in quotes_of(nlp, text, {"Dan O’Brien": "PERSON"})}
    assert surfaces == {"Dan O’Brien"}


def test_a_participle_before_the_name_is_skipped_by_position(nlp) -> None:
    """The position fallback reads "said retired judge Ann Molloy" as the speaker's phrase.

    Parsed as the small model sometimes does: the name the subject of a participle
    clause after it, so that "said" has no subject and word order decides.
    """
    from spacy.tokens import Doc

    from pipelines.core.quotes._view import DocView
    from pipelines.core.quotes.cue import AFTER, _subject_by_position

    words = ["said", "retired", "judge", "Ann", "Molloy", ",", "asked", "about", "it", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, False, True, True, True, False, False],
        heads=[0, 4, 4, 4, 6, 6, 0, 6, 7, 0],
        deps=[
            *("ROOT", "amod", "compound", "compound", "nsubj"),
            *("punct", "ccomp", "prep", "pobj", "punct"),
        ],
        tags=["VBD", "VBN", "NN", "NNP", "NNP", ",", "VBD", "IN", "PRP", "."],
        pos=["VERB", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT", "VERB", "ADP", "PRON", "PUNCT"],
    )
    assert _subject_by_position(DocView(doc), 0, 1, 0, len(doc), AFTER) == 4


def test_a_full_stop_of_punctuation_still_ends_the_frame(nlp) -> None:
    from spacy.tokens import Doc

    from pipelines.core.quotes._view import DocView
    from pipelines.core.quotes.cue import AFTER, frame_tokens

    # "said Lee. Gen Z voters left.": the stop is punctuation, not part of a name.
    words = ["said", "Lee", ".", "Gen", "Z", "voters", "left", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, False, True, True, True, True, False, False],
        tags=["VBD", "NNP", ".", "NNP", "NNP", "NNS", "VBD", "."],
        pos=["VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"],
    )
    assert frame_tokens(DocView(doc), 0, len(doc.text), AFTER) == (0, 2)
    doc[2].pos_ = "PROPN"  # the tagger's reading of a split abbreviation: "Lt. Gen."
    assert frame_tokens(DocView(doc), 0, len(doc.text), AFTER) == (0, 7)


# A verb we do not list after a quotation closed by a comma, a question or an exclamation
# mark, with a subject naming someone and no complement of its own: the quotation is what
# it says. Verbs chosen to be outside rules/quote_verbs.txt.
_ABOVE = "Ann Lee had called the harbour plan a farce.\n"


@pytest.mark.parametrize(
    ("quoted", "frame"),
    [
        pytest.param(
            "The harbour will always be ours,", "an angry Tom Reid retaliated.", id="after"
        ),
        pytest.param("Is that all?", "Tom Reid questioned.", id="question"),
        pytest.param("Change the law now!", "exhorted Tom Reid.", id="inverted"),
    ],
)
def test_an_unlisted_verb_with_the_quotation_as_its_only_complement(
    nlp, quoted: str, frame: str
) -> None:
    assert quoted.split()[0] not in frame
    text = _ABOVE + f"“{quoted}” {frame} “We built it.”"
    people = {"Ann Lee": "PERSON", "Tom Reid": "PERSON"}
    assert speaker_name(one_quote(nlp, text, quoted[:-1], people)) == "Tom Reid"
    assert speaker_name(one_quote(nlp, text, "We built it", people)) == "Tom Reid"


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("Tom Reid left the room.", id="verb-with-an-object"),
        pytest.param("the crowd roared.", id="no-one-named"),
        pytest.param("Tom Reid thought it was over.", id="verb-with-a-clause"),
    ],
)
def test_an_unlisted_verb_with_a_complement_or_no_person_attributes_nothing(
    nlp, frame: str
) -> None:
    text = "The vote ended.\n\n" + f"“We will be back,” {frame}"
    q = one_quote(nlp, text, "will be back", {"Tom Reid": "PERSON"})
    assert q.cue_verb is None
