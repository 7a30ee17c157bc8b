"""Speaker classes read in batch 6 of the resolved-speaker set (issue 11, seventh session):
a reporting participle the parse hangs on the reported clause ("X believes the plan
works, explaining: …"), a participle whose subject sits before an earlier quotation of
its sentence ("X sent his “best wishes”, saying: …"), and a new sentence after a
quotation that is a sentence of its own, not its attribution ("“…” Sales rose, according
to the survey."), and a surname the article misspells once ("Kudja" after "Jarek Kujda").
Examples are written for these tests."""

from __future__ import annotations

import pytest

from tests.core.quotes_helpers import one_quote, speaker_name


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Martha Ellison believes a four-day week brings many benefits, explaining: "
            "“Staff come back rested and they stay longer.”",
            {"Martha Ellison": "PERSON"},
            "come back rested",
            "Martha Ellison",
            id="believes-clause-then-explaining",
        ),
        pytest.param(
            "Gavin Thorpe told the paper the harbour plan would cost far more than promised, "
            "saying: “Nobody has checked these sums at all.”",
            {"Gavin Thorpe": "PERSON"},
            "checked these sums",
            "Gavin Thorpe",
            id="told-clause-then-saying",
        ),
        pytest.param(
            "Councillor Ruth Okafor said a new bridge would have given the town a future, "
            "adding: “We have waited thirty years for this.”",
            {"Ruth Okafor": "PERSON"},
            "thirty years",
            "Ruth Okafor",
            id="said-clause-then-adding",
        ),
    ],
)
def test_a_reporting_participle_on_the_reported_clause_is_the_reporter(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Earlier, opposition leader Peter Lang sent the new mayor his “warmest "
            "congratulations”, saying: “We will work with him wherever we can.”",
            {"Peter Lang": "PERSON", "Tom Baird": "PERSON"},
            "work with him",
            "Peter Lang",
            id="partial-quote-then-saying",
        ),
        pytest.param(
            "Tom Baird opened the session.\n\n"
            "Helen Marsh warned against a “tick-box” approach to the new rules, "
            "adding: “Every school is different and deserves its own plan.”",
            {"Helen Marsh": "PERSON", "Tom Baird": "PERSON"},
            "Every school",
            "Helen Marsh",
            id="scare-quote-then-adding",
        ),
    ],
)
def test_a_participle_after_an_earlier_quotation_keeps_its_sentence_subject(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "“Buyers want phones that look good,” said Anna Pirelli, an analyst.\n\n"
            "“They want music too.” The market for music downloads was worth $20m last "
            "year, according to Orbis Research.",
            {"Anna Pirelli": "PERSON", "Orbis Research": "ORG"},
            "music too",
            "Anna Pirelli",
            id="according-to-closes-a-new-sentence",
        ),
        pytest.param(
            "“Treatment works,” said Brian Kell of the mining group.\n\n"
            "“Testing is a critical part of it.” Across the region only 7% of firms have "
            "any plan, said the report from Harlow University.",
            {"Brian Kell": "PERSON", "Harlow University": "ORG"},
            "critical part",
            "Brian Kell",
            id="said-closes-a-new-sentence",
        ),
    ],
)
def test_a_new_sentence_with_a_verb_before_its_cue_does_not_attribute_the_quote(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


def test_a_bare_report_after_a_quotation_still_attributes_it(nlp) -> None:
    """“…done.” Ms Vega said. : a new sentence that is no more than the report."""
    text = "The vote was close.\n\n“We have done what we promised.” Ms Vega said."
    q = one_quote(nlp, text, "what we promised", {"Ms Vega": "PERSON"})
    assert speaker_name(q) == "Ms Vega"


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            "Agent Colin Merrett says no offer has arrived yet.\n\n"
            "“He wants to stay,” said Merret. “He has settled here.”",
            {"Colin Merrett": "PERSON", "Merret": "PERSON"},
            "wants to stay",
            "Colin Merrett",
            id="letter-dropped",
        ),
        pytest.param(
            "Composer Tomas Kowalczyk started the band in 2001.\n\n"
            "“We improvise every night,” said Kowalcyzk.",
            {"Tomas Kowalczyk": "PERSON", "Kowalcyzk": "PERSON"},
            "improvise",
            "Tomas Kowalczyk",
            id="letters-swapped",
        ),
        pytest.param(
            "Economy minister Rafael Quintero defended the tax.\n\n"
            "Quintaro made it clear the tax could be dropped. “It is meant to last,” he said.",
            {"Rafael Quintero": "PERSON", "Quintaro": "PERSON"},
            "meant to last",
            "Rafael Quintero",
            id="letter-changed-then-pronoun",
        ),
    ],
)
def test_a_surname_misspelt_once_is_the_person_named_in_full(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker


@pytest.mark.parametrize(
    ("text", "people", "contains", "speaker"),
    [
        pytest.param(
            # two people named in full whose surnames are both one edit away: no guess
            "Coach Dan Harker and scout Lee Harper watched the game.\n\n"
            "“We saw enough,” said Harter.",
            {"Dan Harker": "PERSON", "Lee Harper": "PERSON", "Harter": "PERSON"},
            "saw enough",
            "Harter",
            id="two-people-one-edit-away",
        ),
        pytest.param(
            # a short name is too easily another person's: "Ross" is not "Moss"
            "Kate Moss arrived first.\n\n“It was fun,” said Ross.",
            {"Kate Moss": "PERSON", "Ross": "PERSON"},
            "was fun",
            "Ross",
            id="short-name",
        ),
        pytest.param(
            # a person the article gives a first name of their own is somebody else
            "Brian Hassell spoke first.\n\nThen Mary Hassall said: “We agree.”",
            {"Brian Hassell": "PERSON", "Mary Hassall": "PERSON"},
            "We agree",
            "Mary Hassall",
            id="own-first-name",
        ),
    ],
)
def test_a_near_spelling_is_kept_apart_when_it_may_be_another_person(
    nlp, text: str, people: dict[str, str], contains: str, speaker: str
) -> None:
    assert speaker_name(one_quote(nlp, text, contains, people)) == speaker
