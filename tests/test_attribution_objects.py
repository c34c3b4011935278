"""Indirect attributions whose speaker is a plain noun phrase, and 'told X' spans.

Each row is worked out by hand from the sentence: the expected content is the reported clause
as a reader would mark it, the speaker the noun phrase that does the saying. Negative rows are
sentences whose quotes must not appear (or must keep their old shape).
"""

from __future__ import annotations

import pytest

from .helpers import quotes_in


def _quotes(text: str) -> list[tuple[str, str, str, str]]:
    return [(q.kind, text[q.start : q.end], q.speaker, q.cue) for q in quotes_in(text)]


# (sentence, kind, content, speaker, cue)
PLAIN_SUBJECTS = [
    # a lower-case plural noun phrase opening the sentence (after 'But')
    ("But hacking specialists say the most harmful information might not even be genuine.",
     "indirect", "the most harmful information might not even be genuine", "hacking specialists", "say"),
    # 'those' + participle; the intro 'Again,' ends at its comma
    ("Again, those surveyed said Trump was best able to handle the issue.",
     "indirect", "Trump was best able to handle the issue", "those surveyed", "said"),
    # a relative clause inside the subject ('whose laws have been invalidated' has verbs of its own)
    ("The state officials whose laws have been invalidated say the real change has come.",
     "indirect", "the real change has come", "The state officials whose laws have been invalidated", "say"),
    # a poll answer with the number spelled out
    ("Sixty-six percent said it made no difference to them.",
     "indirect", "it made no difference to them", "Sixty-six percent", "said"),
    # 'the' + a name + 'says': the verb, not 'of Republican claims'
    ("The Vatican says Pope Francis has no plans to meet with him.",
     "indirect", "Pope Francis has no plans to meet with him", "The Vatican", "says"),
    # a catenative between the speaker and the verb: the cue keeps only the verb
    ("Trump was quick to add that the negotiation does not include nixing the idea.",
     "indirect", "the negotiation does not include nixing the idea", "Trump", "add"),
    ("Even after the complaint was filed, Lewandowski continued to say he had never touched Fields.",
     "indirect", "he had never touched Fields", "Lewandowski", "say"),
]


@pytest.mark.parametrize(("text", "kind", "content", "speaker", "cue"), PLAIN_SUBJECTS)
def test_plain_noun_phrase_speaks(text: str, kind: str, content: str, speaker: str, cue: str) -> None:
    assert (kind, content, speaker, cue) in _quotes(text)


# a trailing attribution ends at a double hyphen: '-- a development ...' is the writer's comment
def test_double_hyphen_ends_a_trailing_attribution() -> None:
    text = ("A six-year trend of declining deficits will end this year, the Congressional Budget Office "
            "reported on Tuesday -- a development that injects new questions into the race.")
    got = _quotes(text)
    assert [(k, c, s) for k, c, s, _ in got] == [
        ("indirect", "A six-year trend of declining deficits will end this year", "the Congressional Budget Office")]


NO_PLAIN_SUBJECT = [
    "Mrs. Clinton fought off another challenge from Bernie Sanders.",  # 'challenge' is a noun
    "There are 4,051 pledged delegates allocated based on results in the states.",  # an adjective
    "Clinton has won more states, more popular votes and more pledged delegates.",
    "Money talks louder than words.",  # no reporting verb at all
    "Later he steps off camera to speak with leaders of the occupation.",
]


@pytest.mark.parametrize("text", NO_PLAIN_SUBJECT)
def test_no_quote_from_a_phrase_that_is_not_a_subject(text: str) -> None:
    assert [q for q in _quotes(text) if q[0] == "indirect"] == []


# 'told X': the one told (and when) is not what was said
TOLD = [
    # a colon after the addressee and the day: the quoted sentence is a direct quote
    ('U.N. aid chief Martin Griffiths told the U.N. Security Council on Monday: "None were in the corridor '
     'on the night of the 29th."',
     "direct", "None were in the corridor on the night of the 29th.", "told"),
    ("She told the meeting: “There is mounting and credible evidence that children are detained.”",
     "direct", "There is mounting and credible evidence that children are detained.", "told"),
    # 'told reporters Monday that': the mixed quote starts after 'that'
    ('Mike Turner told reporters Monday that the funding is going to be "the wild, wild west of spending" this year.',
     "mixed", 'the funding is going to be "the wild, wild west of spending" this year', "told"),
    # a trailing 'told the Security Council on Monday': the clause before the comma was said
    ("Russian grain exports have also increased since July, Grynspan told the Security Council on Monday.",
     "indirect", "Russian grain exports have also increased since July", "told"),
]


@pytest.mark.parametrize(("text", "kind", "content", "cue"), TOLD)
def test_told_addressee_is_not_content(text: str, kind: str, content: str, cue: str) -> None:
    assert [(k, c, q) for k, c, _, q in _quotes(text)] == [(kind, content, cue)]


NOT_TOLD_CONTENT = [
    # unchanged shapes: a pronoun told, then 'that' (the clause after 'that')
    ("He told them that the plan had failed.", [("indirect", "the plan had failed")]),
    # 'respond to a request for comment' reports nothing said
    ("Ukraine’s Defense Ministry did not respond to a request for comment.", []),
    ("A spokesman for the campaign didn’t respond to questions about the speeches.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOT_TOLD_CONTENT)
def test_told_and_respond_negatives(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(k, c) for k, c, _, _ in _quotes(text)] == expected
