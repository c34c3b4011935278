"""Indirect speech that is not speech: spurious attributions a second reader found in Russia-Ukraine
coverage, each as a short sentence, with the result worked out by hand; and true indirect speech
that must still be found (positive controls)."""

from __future__ import annotations

import pytest

from framing.quotes import Quote
from framing.verbs import noun_reading

from .helpers import quotes_in


def _texts(text: str, quotes: list[Quote]) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], text[q.cue_start : q.cue_end] if q.cue_start >= 0 else "") for q in quotes]


# Sentences with no attribution at all: the cue word is a noun, or the verb reports no content.
NO_QUOTE = [
    # 'demand' after 'the energy', followed by 'of': a noun
    pytest.param("Prices rose to meet the energy demand of its citizens.", id="energy-demand-of"),
    # 'show' after 'a satire TV': a base form after 'a' cannot be an agreeing verb
    pytest.param("Schoenbohm came under scrutiny after a satire TV show highlighted his ties.", id="satire-tv-show"),
    # 'charges' after 'their animal', before ', who': a plural noun; 'who are often stressed' has no content
    pytest.param("Workers stayed to care for their animal charges, who are often stressed.", id="animal-charges-who"),
    # 'thinking' after the adjective 'economic': a noun
    pytest.param("That contradicts established economic thinking, with rate increases the traditional tool.",
                 id="economic-thinking"),
    # 'worries' before the auxiliary 'have': a plural subject
    pytest.param("Health worries have dogged the campaign since the spring.", id="worries-have"),
    # 'spoke along with ...': with whom, not what
    pytest.param("Beasley spoke along with other officials at the meeting.", id="spoke-along-with"),
    # 'speaking through a translator ...': how, not what
    pytest.param("He was speaking through a translator at the press conference.", id="speaking-through"),
    # 'spoke for about five minutes': how long ('about' a number is not a topic)
    pytest.param("The two leaders spoke for about five minutes.", id="spoke-about-five-minutes"),
    # 'as the letter called for would mark ...': the object of 'called for' is gapped; 'would mark' is the main clause
    pytest.param("Directly engaging with Moscow as the now-retracted letter called for would mark a major shift.",
                 id="called-for-gap"),
    # ', which other lawmakers have criticized.': the relative's object is the noun, not the clause before the comma
    pytest.param("Those comments buck the caucus message, which other Democratic lawmakers have criticized.",
                 id="which-criticized"),
]


@pytest.mark.parametrize("text", NO_QUOTE)
def test_no_attribution(text: str) -> None:
    assert quotes_in(text) == [], _texts(text, quotes_in(text))


# Sentences with exactly one attribution: (text, content, cue as written)
ONE_QUOTE = [
    # the zoo said it; 'its Facebook post' is where (not a cue with the speaker 'Facebook')
    pytest.param("The enclosures were shelled, the zoo said in its Facebook post.",
                 "The enclosures were shelled", "said", id="zoo-said-in-its-post"),
    # positive control: 'a post on Facebook' is the medium, 'said ... that' the report
    pytest.param("The ministry said in a post on Facebook that the attack was repelled.",
                 "the attack was repelled", "said", id="ministry-said-in-a-post"),
    # positive control: 'demand' inside the report is a noun, 'warned' the cue
    pytest.param("Officials warned that demand would fall.", "demand would fall", "warned", id="warned-demand"),
    # positive control: a singular subject with the -s form and 'that' is a verb
    pytest.param("The ministry charges that Kyiv shelled the plant.", "Kyiv shelled the plant", "charges",
                 id="ministry-charges-that"),
    # positive control: two subjects joined by 'and' take the base form ('the army report' is not a noun phrase here)
    pytest.param("The ministry and the army report that the attack was repelled.", "the attack was repelled",
                 "report", id="and-the-army-report"),
    # 'spoke to reporters about X': what follows 'about' (to whom is not the content)
    pytest.param("He spoke to reporters about the shelling of the plant.", "the shelling of the plant", "spoke",
                 id="spoke-to-reporters-about"),
    # 'speak affectionately of X'
    pytest.param("Republican leaders speak affectionately of his gifts as an orator.", "his gifts as an orator",
                 "speak", id="speak-affectionately-of"),
    # positive control: 'a probe the agency said was ongoing': a clause verb whose reported clause lost its subject
    pytest.param("It was a probe the agency said was ongoing as of earlier this month.",
                 "was ongoing as of earlier this month", "said", id="probe-agency-said-was"),
    # the reported question ends at its comma, though a quotation opens the same sentence
    pytest.param('"It is just one tool." When asked if the White House advised the caucus to retract the letter, '
                 "Jean-Pierre declined to comment.",
                 "if the White House advised the caucus to retract the letter", "asked", id="when-asked-if"),
]


@pytest.mark.parametrize(("text", "content", "cue"), ONE_QUOTE)
def test_one_attribution(text: str, content: str, cue: str) -> None:
    indirect = [q for q in quotes_in(text) if q.kind == "indirect"]
    assert _texts(text, indirect) == [(content, cue)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("in its Facebook post.", "post", True),  # determiner, a capitalised modifier, base form
        ("a satire TV show highlighted", "show", True),  # 'a' + two modifiers
        ("the officials demand answers", "demand", False),  # a plural modifier: the subject of a verb
        ("the family claim that he", "claim", False),  # 'that' follows: a verb
        ("their animal charges, who", "charges", True),  # lower-case modifier, -s form before ', who'
        ("The Wall Street Journal reports.", "reports", False),  # capitalised modifiers with an -s form: a verb
        ("Health worries have dogged", "worries", True),  # -s form before an auxiliary
        ("a senior official saying that", "saying", False),  # a person named by an -al word
        ("Additional reporting by", "reporting", True),  # -ing after an adjective
        ("officials say the", "say", False),  # 'say' is not a noun lemma
    ],
)
def test_noun_reading_table(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert noun_reading(text, start, start + len(word), word, _lemma(word)) is expected


def _lemma(word: str) -> str:
    from framing.verbs import verb_forms

    return verb_forms()[word][0]
