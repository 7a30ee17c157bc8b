"""Cue-less quotations (issue 11, tenth session): a quotation with no reporting verb of
its own continues a speaker, and the text around it must not lend it a cue that belongs
to a sentence of its own. Classes read in the resolved-speaker set's dev batches; the
examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name

PEOPLE = {"Jonas Berg": "PERSON"}


@pytest.mark.parametrize(
    "ending",
    [
        pytest.param("step down.’”", id="nested-quotation-ends-the-content"),
        pytest.param("step down.”", id="plain-sentence-end"),
    ],
)
def test_a_new_sentence_after_a_nested_closing_mark_is_no_attribution(nlp, ending: str) -> None:
    """‹“… ‘… step down.’” But he changed his mind, the book claims.›: the quotation's
    sentence ends with the nested quotation's full stop, so the sentence after it is
    the reporter's own, and its "claims" is no cue of the quotation; the speech
    continues the speaker named before it."""
    text = (
        "“He called me in that night,” Jonas Berg said. “He told me, ‘Help me through "
        "this year and then I will " + ending + " But by June he thought otherwise, the "
        "book claims."
    )
    q = one_quote(nlp, text, "Help me through", PEOPLE)
    assert speaker_name(q) == "Jonas Berg"


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        pytest.param("Keeper Tom Vale echoed Ruiz's sentiments.", "Ana Ruiz", id="echoed-owned"),
        pytest.param("Tom Vale read Ruiz's messages later.", "Ana Ruiz", id="read-owned"),
        pytest.param("Tom Vale said.", "Tom Vale", id="bare-attribution-control"),
    ],
)
def test_a_sentence_reporting_someone_elses_words_is_no_attribution(
    nlp, after: str, speaker: str
) -> None:
    """‹“…” Vale echoed Ruiz's sentiments.›: a verb whose object is a named person's
    words reports those words, in a sentence of its own; the quotation before it
    continues the speaker named before it. "Vale said." is still its attribution."""
    text = "“We want the coach to stay,” said Ana Ruiz. “He deserves the chance.” " + after
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, text, "deserves the chance", people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            '"I want to put the record straight," said Ana Ruiz. "At that meeting Tom Vale '
            'admitted to me that he had asked the team doctor to "invent" a knock. '
            '"He also agreed to apologise to the squad. "In my book this is cheating."',
            "cheating",
            "Ana Ruiz",
            id="partial-inside-an-unclosed-speech",
        ),
        pytest.param(
            'Tom Vale was calm after the game. He said the side would "fight on". '
            '"We are not finished yet."',
            "not finished",
            "Tom Vale",
            id="partial-in-narrative-control",
        ),
    ],
)
def test_a_partial_quotation_reported_inside_a_speech_lends_no_speaker(
    nlp, text: str, contains: str, speaker: str
) -> None:
    """‹"… Vale admitted he had told the players he would "fake" an injury. "…›: the
    embedded words "he" told, inside a speech whose opening mark is unanswered, belong to
    someone the speaker talks about; the next cue-less quotation continues the speech's
    own speaker. Embedded words in the reporter's narrative still hand theirs on."""
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "“The squad is nearly settled,” said Ana Ruiz. And winger Tom Vale looks certain "
            "to get the call. “I learned a lot from the last tour. “Tom Vale is an outstanding "
            "player and he will be on the plane.”",
            "learned a lot",
            "Ana Ruiz",
            id="speech-names-the-introduced-person",
        ),
        pytest.param(
            "“The squad is nearly settled,” said Ana Ruiz. And winger Tom Vale looks certain "
            "to get the call. “I learned a lot from the last tour. “I will be on the plane.”",
            "learned a lot",
            "Tom Vale",
            id="introduced-person-speaks-control",
        ),
    ],
)
def test_a_speech_that_names_the_introduced_person_is_not_theirs(
    nlp, text: str, contains: str, speaker: str
) -> None:
    """‹And Vale looks certain to get the call. “I learned a lot. “Vale is an outstanding
    player …”›: the sentence before introduces a person, but the cue-less speech that
    follows names him in the third person, so it is not his: it continues the speaker
    quoted before. Without his name in it, the introduced person speaks."""
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, text, contains, people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "“It opens our archive to everyone,” said Ana Ruiz, head of the city library. "
            "“It could solve an old problem.” “This is a big day,” said Tom Vale.",
            "Ana Ruiz",
            id="after-the-previous-attribution",
        ),
        pytest.param(
            "“It could solve an old problem.” “This is a big day,” said Tom Vale.",
            "Tom Vale",
            id="opening-the-line-control",
        ),
    ],
)
def test_a_quotation_after_an_attribution_continues_it_rather_than_the_next(
    nlp, text: str, speaker: str
) -> None:
    """‹“A,” said Ruiz, head of X. “B.” “C,” said Vale.› (paragraph breaks lost): "B"
    comes right after Ruiz's attribution and goes on with her words; a cue-less
    quotation that opens the line still takes the next one's speaker."""
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, text, "old problem", people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("after", "speaker"),
    [
        pytest.param(
            "Tom Vale, who coached the side for a decade, agreed. “We have to be honest.”",
            "Ana Ruiz",
            id="agreed-between-two-quotations",
        ),
        pytest.param("Tom Vale concurred.", "Ana Ruiz", id="concurred-alone"),
        pytest.param(
            "On Monday a meeting of the board agreed to a new fund for the club.",
            "Ana Ruiz",
            id="agreed-to-a-thing",
        ),
        pytest.param("Tom Vale said.", "Tom Vale", id="bare-said-control"),
    ],
)
def test_an_answering_verb_after_a_closed_sentence_is_no_attribution(
    nlp, after: str, speaker: str
) -> None:
    """‹“… chance.” Vale agreed. “…”›: once a quotation has closed its sentence, a new
    sentence whose verb only answers what came before (agree, concur: the cues read
    after a quotation only) is the reporter's own: its subject agrees with the words
    before, which stay with the speaker named before them. "Vale said." still
    attributes."""
    text = "“We want the coach to stay,” said Ana Ruiz. “He deserves the chance.” " + after
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, text, "deserves the chance", people)
    assert speaker_name(q) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("“He deserves the chance,” Tom Vale agreed.", "Tom Vale", id="comma-agreed"),
        pytest.param("“He deserves the chance,” agreed Tom Vale.", "Tom Vale", id="agreed-name"),
    ],
)
def test_an_answering_verb_after_a_comma_still_attributes(nlp, text: str, speaker: str) -> None:
    """‹“…,” Vale agreed.›: the comma ties the quotation to its answering verb."""
    people = {"Ana Ruiz": "PERSON", "Tom Vale": "PERSON"}
    q = one_quote(nlp, "Ana Ruiz wants the coach to stay. " + text, "deserves the chance", people)
    assert speaker_name(q) == speaker


_AHEAD_PEOPLE = {"Ann Lee": "PERSON", "Tom Reid": "PERSON"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Clinics in the valley are close to shutting their doors.\n\n"
            "“We have no fuel left and the lights are out.”\n\n"
            "“For days we have asked for help,” said Ann Lee, a surgeon at the clinic.",
            "Ann Lee",
            id="pull-quote-before-an-attributed-quotation",
        ),
        pytest.param(
            "Hard questions for the squad\n\n"
            "“How badly do you want it? Is there no fuel left in you?”\n\n"
            "Those are the questions Tom Reid will put to his players this winter.",
            "Tom Reid",
            id="opening-quotation-then-the-person-asking",
        ),
        pytest.param(
            "The family sought advice from a specialist at the city hospital, Ann Lee.\n\n"
            "“We have no fuel left and the lights are out.”\n\n"
            "Ann Lee spoke with the family by phone and asked about their home.",
            "Ann Lee",
            id="quotation-before-the-paragraph-of-its-speaker",
        ),
        pytest.param(
            "Tom Reid opened the meeting.\n\n"
            "“We have no fuel left and the lights are out.”\n\n"
            "“For days we have asked for help,” said Ann Lee, a surgeon at the clinic.",
            "Tom Reid",
            id="guard-a-speaker-before-it-still-decides",
        ),
        pytest.param(
            "Clinics in the valley are close to shutting their doors.\n\n"
            "“We have no fuel left and the lights are out.”\n\n"
            "“For days we have asked for help.”",
            None,
            id="guard-no-cue-ahead-gives-nobody",
        ),
        pytest.param(
            "Clinics in the valley are close to shutting their doors.\n\n"
            "“We have no fuel left and Ann Lee cannot operate.”\n\n"
            "Ann Lee spoke with the family by phone and asked about their home.",
            None,
            id="guard-the-speech-names-that-person",
        ),
    ],
)
def test_a_quotation_nobody_before_claims_takes_the_speaker_the_next_paragraph_gives(
    nlp, text: str, speaker: str | None
) -> None:
    """A paragraph-opening quotation with no speaker before it (a pull quote, a story
    that opens with a quotation, a quotation set before its speaker's paragraph) is the
    speaker the next paragraph gives: its opening quotation's own attribution, else a
    clause subject of its first sentence. Only when nothing before it names a speaker,
    and never a person the quotation itself talks about."""
    q = one_quote(nlp, text, "no fuel left", _AHEAD_PEOPLE)
    assert speaker_name(q) == speaker
