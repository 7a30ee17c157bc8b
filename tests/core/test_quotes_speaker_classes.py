"""Speaker classes of issue 11: new speakers between quotations, long-range chains,
pronouns and speakers that cannot speak. Examples are written for these tests."""

from __future__ import annotations

import pytest

from pipelines.core.models import Mention
from pipelines.core.quotes import extract_quotes
from tests.core.quotes_helpers import assert_speaker, one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "“The first cut was a mess,” Paul Reyes said. “We fixed it late.” "
            "Nina Ortiz, who flew in from the Boston set of “Harbor,” had the same "
            "reaction: “It was just the right song.”",
            "right song",
            "Nina Ortiz",
            id="colon-subject-before-a-title",
        ),
        pytest.param(
            "“I wrote it in a single week,” Clara Voss said.\n\n"
            "That process led to a discovery: “It was a song about home all along.”",
            "about home",
            "Clara Voss",
            id="abstract-colon-subject-is-no-speaker",
        ),
    ],
)
def test_colon_introduced_speakers(nlp, text: str, contains: str, speaker: str) -> None:
    q = one_quote(nlp, text, contains)
    assert speaker in (speaker_name(q) or "")


def test_label_names_a_new_speaker_the_recogniser_missed(nlp) -> None:
    text = (
        "- Home coach Sam Porter “We were second best today.” “We must improve.”\n"
        "- Away coach Quillon Vantreese “We deserved the points.” “It was a fine day.”"
    )
    doc = nlp(text)
    # Only the first coach is a mention: the second name was missed by the recogniser.
    start = text.index("Sam Porter")
    mentions = [Mention("ent:Sam Porter", "Sam Porter", start, start + 10, "PERSON")]
    quotes = {q.text: q for q in extract_quotes(doc, mentions)}
    assert quotes["We must improve."].speaker_entity_id == "ent:Sam Porter"
    for part in ("We deserved the points.", "It was a fine day."):
        q = quotes[part]
        assert q.speaker_entity_id is None
        assert q.speaker_surface == "Quillon Vantreese"
        assert q.unattributed_reason == "speaker_not_an_entity"


def test_a_line_break_ends_a_sentence_the_model_ran_on(nlp) -> None:
    from spacy.tokens import Doc

    from pipelines.core.quotes._view import DocView

    words = ["Kirsch", "agreed", ".", "\n\n", "Lindqvist", "had", "spent", "years", "."]
    spaces = [False, False, False, False, True, True, True, False, False]
    # One sentence over the paragraph break, as the small model sometimes parses it.
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * 8)
    view = DocView(doc)
    second = doc.text.index("Lindqvist")
    assert view.sentence_start(second) == second
    assert view.sentence_start(doc.text.index("agreed")) == 0


@pytest.mark.parametrize(
    ("text", "people", "contains", "surface"),
    [
        pytest.param(
            "Rafael Ortiz came out for the encore. After the last song, Quillon teed up "
            "Ortiz's return to the stage.\n“You might remember him,” he said.",
            {"Rafael Ortiz": "PERSON"},
            "remember him",
            "Quillon",
            id="missed-name-is-the-latest-subject",
        ),
        pytest.param(
            "Lindqvist, who scored twice this season, denied a row with Rafael Ortiz. "
            "He told a local paper: “I did not argue with anybody.”",
            {"Lindqvist": "GPE", "Rafael Ortiz": "PERSON"},
            "argue",
            "Lindqvist",
            id="name-typed-as-a-place-with-a-who-clause",
        ),
    ],
)
def test_pronoun_goes_to_a_name_the_recogniser_missed(
    nlp, text: str, people: dict[str, str], contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, people)
    assert q.speaker_entity_id is None
    assert q.speaker_surface == surface
    assert q.unattributed_reason == "speaker_not_an_entity"


def test_an_unrecognised_organisation_name_is_not_a_person(nlp) -> None:
    text = (
        "Mr Ortiz spoke at the school on Friday. The Harbour Council has insisted "
        "Mr Ortiz was joking.\n“I was not joking,” he said."
    )
    q = one_quote(nlp, text, "joking", {"Mr Ortiz": "PERSON"})
    assert_speaker(q, "ent:Mr Ortiz")


def test_a_name_before_a_subjectless_verb_is_its_subject(nlp) -> None:
    from spacy.tokens import Doc

    from pipelines.core.quotes._view import DocView
    from pipelines.core.quotes.resolve import subject_role

    # "Near Kyoto, Ann Lee contemplates it.": parsed with the name in apposition to
    # the place, as the small model sometimes does, and the verb left without a subject.
    words = ["Near", "Kyoto", ",", "Ann", "Lee", "contemplates", "it", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, False, True, True, True, True, False, False],
        heads=[5, 0, 1, 4, 1, 5, 5, 5],
        deps=["prep", "pobj", "punct", "compound", "appos", "ROOT", "dobj", "punct"],
        tags=["IN", "NNP", ",", "NNP", "NNP", "VBZ", "PRP", "."],
    )
    start = doc.text.index("Ann Lee")
    m = Mention("ent:Ann Lee", "Ann Lee", start, start + 7, "PERSON")
    assert subject_role(DocView(doc), m) == 2


@pytest.mark.parametrize(
    ("text", "people", "surface", "entity"),
    [
        pytest.param(
            "Nora Quinlan called the plan reckless. But a council spokeswoman insisted the "
            "roads would reopen within days. “The work is on schedule,” she said.",
            {"Nora Quinlan": "PERSON"},
            "a council spokeswoman",
            None,
            id="she-continues-an-unnamed-spokeswoman",
        ),
        pytest.param(
            "The Harbour Council closed two roads. Nora Quinlan called the plan reckless. "
            "But a council spokeswoman insisted the roads would reopen within days. "
            "“The work is on schedule,” she said.",
            {"Harbour Council": "ORG", "Nora Quinlan": "PERSON"},
            "she",
            "ent:Harbour Council",
            id="the-spokeswoman-speaks-for-her-organisation",
        ),
    ],
)
def test_pronoun_continues_a_spokesperson(
    nlp, text: str, people: dict[str, str], surface: str, entity: str | None
) -> None:
    q = one_quote(nlp, text, "schedule", people)
    assert_speaker(q, entity)
    assert q.speaker_surface == surface


def test_a_named_person_beside_the_role_keeps_the_pronoun(nlp) -> None:
    text = (
        "Nora Quinlan called the plan reckless. The council's spokeswoman, Ada Brennick, "
        "disagreed. “The work is on schedule,” she said."
    )
    people = {"Nora Quinlan": "PERSON", "Ada Brennick": "PERSON"}
    q = one_quote(nlp, text, "schedule", people)
    assert_speaker(q, "ent:Ada Brennick")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Lena Marsh has run the clinic since 2001.\n\n"
            "Security is still a worry, she says, though it is improving.\n\n"
            "“It will never go away completely.”",
            id="reported-speech-with-a-pronoun-subject",
        ),
        pytest.param(
            "Lena Marsh has run the clinic since 2001.\n\n"
            "To her, the answer is training. Staff must learn to spot fakes, she argues.\n\n"
            "“It will never go away completely.”",
            id="reporting-verb-late-in-the-paragraph",
        ),
    ],
)
def test_quotation_paragraph_after_reported_speech(nlp, text: str) -> None:
    q = one_quote(nlp, text, "never", {"Lena Marsh": "PERSON"})
    assert_speaker(q, "ent:Lena Marsh")
    assert q.cue_verb is None


@pytest.mark.parametrize(
    ("text", "contains", "speaker"),
    [
        pytest.param(
            "Mayor Ada Brennick said the move was made by the police chief and said, "
            "“Who are you going to trust on safety?”",
            "trust on safety",
            "Ada Brennick",
            id="abstract-subject-of-a-conjoined-verb",
        ),
        pytest.param(
            "Omar Haddad wrote the score. When Greta Lindqvist found out who had "
            "composed the piece, she was barely surprised: “It all fitted,” she said.",
            "all fitted",
            "Greta Lindqvist",
            id="question-word-is-no-speaker",
        ),
    ],
)
def test_a_subject_that_cannot_speak_is_passed_over(
    nlp, text: str, contains: str, speaker: str
) -> None:
    q = one_quote(nlp, text, contains)
    assert speaker in (speaker_name(q) or "")


def _first_only(text: str, people: dict[str, str]) -> list[Mention]:
    """A mention at each surface's first occurrence only: the recogniser missed the rest."""
    found = []
    for surface, kind in people.items():
        start = text.index(surface)
        found.append(Mention(f"ent:{surface}", surface, start, start + len(surface), kind))
    return sorted(found, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "people", "contains"),
    [
        pytest.param(
            "Harbour Lights Group bought the label in May.\n\nThe singer objected.\n\n"
            "Her fans protested.\n\nCritics attacked Ivo Brandt's company over the deal.\n\n"
            "Harbour Lights Group have denied any wrongdoing.\n\n"
            "“We acted within the contract,” they said.",
            {"Harbour Lights Group": "ORG", "Ivo Brandt's": "ORG"},
            "within the contract",
            id="they-goes-to-a-repeat-the-recogniser-missed",
        ),
        pytest.param(
            "The Velmont Rail Company cut three routes.\n\nPassengers were angry.\n\n"
            "Fares rose.\n\nUnions wrote to the Tarrow Council about it.\n\n"
            "The Velmont Rail Company's board met again.\n\n"
            "“The routes will not return,” it said.",
            {"Velmont Rail Company": "ORG", "Tarrow Council": "ORG"},
            "routes will not",
            id="it-goes-to-a-possessive-repeat",
        ),
    ],
)
def test_organisation_pronoun_finds_a_missed_repeat_of_its_name(
    nlp, text: str, people: dict[str, str], contains: str
) -> None:
    first = next(iter(people))
    doc = nlp(text)
    (q,) = [q for q in extract_quotes(doc, _first_only(text, people)) if contains in q.text]
    assert_speaker(q, f"ent:{first}")


@pytest.mark.parametrize(
    ("surfaces", "text", "echoed"),
    [
        pytest.param(
            {"Big Anchor Records": "ORG"},
            "Big Anchor Records signed her. Later Big Anchor Records dropped her.",
            ["Big Anchor Records"],
            id="multiword-organisation-repeat",
        ),
        pytest.param(
            {"the Big Anchor Records'": "ORG"},
            "At the Big Anchor Records' studio. Big Anchor Records dropped her.",
            ["Big Anchor Records"],
            id="article-and-possessive-stripped",
        ),
        pytest.param(
            {"Anchor": "ORG"},
            "Anchor signed her. Later Anchor dropped her.",
            [],
            id="single-word-never-echoed",
        ),
        pytest.param(
            {"Big Anchor": "PERSON"},
            "Big Anchor signed her. Later Big Anchor dropped her.",
            [],
            id="people-are-not-echoed",
        ),
        pytest.param(
            {"Big Anchor Records": "ORG", "Big Anchor Records Ltd": "ORG"},
            "Big Anchor Records signed her. Big Anchor Records Ltd dropped her.",
            [],
            id="inside-another-mention-is-not-an-echo",
        ),
    ],
)
def test_echo_mentions(surfaces: dict[str, str], text: str, echoed: list[str]) -> None:
    from pipelines.core.quotes.resolve import _echo_mentions

    mentions = []
    for surface, kind in surfaces.items():
        at = text.index(surface)
        if kind == "ORG" and surface.endswith("Ltd"):
            at = text.rindex(surface)
        mentions.append(Mention(f"ent:{surface}", surface, at, at + len(surface), kind))
    found = _echo_mentions(mentions, text)
    assert [text[m.start : m.end] for m in found] == echoed
    assert all(m.entity_id.startswith("ent:") and m.entity_type == "ORG" for m in found)


@pytest.mark.parametrize(
    ("text", "contains", "surface"),
    [
        pytest.param(
            "The Tarrow Water Board has defended Mr Price over the remark.\n\n"
            "But a board spokeswoman insisted Mr Price meant adults. "
            "“He was talking about adults,” she said.",
            "talking about adults",
            "Tarrow Water Board",
            id="she-after-an-organisation-spokeswoman",
        ),
        pytest.param(
            "The Harbour Council closed two roads on Monday.\n\n"
            "A council spokeswoman said: “The work is on schedule.”",
            "on schedule",
            "Harbour Council",
            id="spokeswoman-names-the-organisation",
        ),
        pytest.param(
            "Roads closed on Monday.\n\nA council spokeswoman said: “The work is on schedule.”",
            "on schedule",
            "A council spokeswoman",
            id="no-organisation-named-stays-nominal",
        ),
    ],
)
def test_spokesperson_for_an_organisation_the_recogniser_missed(
    nlp, text: str, contains: str, surface: str
) -> None:
    q = one_quote(nlp, text, contains, {"Mr Price": "PERSON"})
    assert q.speaker_entity_id is None
    assert q.speaker_surface == surface
