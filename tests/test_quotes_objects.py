"""Attributions whose content is an object or a small clause, and cues of more than one word.

Each case is one sentence with the attribution a reader gives it (expected values read off
the text): what was said (the exact content span), who said it and with which cue. Negative
cases: the same verbs where nothing is reported.
"""

from __future__ import annotations

import pytest

from framing.analysis import analyze_text_document
from framing.quotes import Quote, find_quotes


def quotes_in(sentence: str) -> tuple[str, list[Quote]]:
    text = f"Intro sentence here.\n\n{sentence}\n\nThe end."
    return text, find_quotes(analyze_text_document(text, doc_id="t"))


def the_quote(sentence: str, content: str) -> Quote:
    text, qs = quotes_in(sentence)
    hits = [q for q in qs if text[q.start : q.end] == content]
    assert hits, f"no quote is exactly {content!r}: {[text[q.start:q.end] for q in qs]}"
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "content", "speaker", "cue"),
    [
        # an object and what it is called
        ("The campaign called the charges unsubstantiated and false.", "the charges unsubstantiated", "The campaign",
         "called"),
        ("Democrats also described the showdown as ominous.", "the showdown as ominous", "Democrats", "described"),
        # an attitude: 'sees X as Y', 'considering it Y' (a participle hanging on the clause before)
        ("Yerevan sees the threat as imminent.", "the threat as imminent", "Yerevan", "sees"),
        ("While the region is recognized as Azerbaijani territory, separatist Armenian authorities have been "
         "governing part of it, considering it their ancestral homeland.", "it their ancestral homeland",
         "separatist Armenian authorities", "considering"),
        # a noun phrase after verbs that report nothing else
        ("He raised the possibility of the mission turning into a permanent base.",
         "the possibility of the mission turning into a permanent base", "He", "raised"),
        ("Clinton cited derogatory comments her rival had made.", "derogatory comments her rival had made", "Clinton",
         "cited"),
        # 'not only' and 'is seeking to' between the subject and its verb
        ("Thus, Armenia is not only announcing the address of a new confrontation but threatening its neighbours.",
         "the address of a new confrontation", "Armenia", "announcing"),
        ("Armenia is seeking to make the case to Moscow that the attack violated the ceasefire.",
         "the attack violated the ceasefire", "Armenia", "make the case"),
        # 'something X stated': the pronoun is what they stated; the clause before is the other speaker's
        ("Aliyev confirmed that drones are being used, something Armenian sources stated since day one.",
         "something", "Armenian sources", "stated"),
        ("Aliyev confirmed that drones are being used, something Armenian sources stated since day one.",
         "drones are being used", "Aliyev", "confirmed"),
        # the writer of a letter requests, not its addressee
        ("Days later the prime minister sent a letter to President Putin requesting military aid.",
         "military aid", "the prime minister", "requesting"),
        # 'and identified' after a fronted clause: the subject of the clause before the comma
        ("After the call, which came late, Amnesty experts were able to trace the footage, and identified "
         "cluster munitions fired by the army.", "cluster munitions fired by the army", "Amnesty experts",
         "identified"),
        # nominal cues
        ("Calls for a ceasefire from Russia, France and the United States produced no results.", "a ceasefire",
         "Russia, France and the United States", "Calls"),
        ("Based on footage published by the Defence Ministry on its pages, one rocket was made in Israel.",
         "one rocket was made in Israel", "the Defence Ministry", "Based on"),
        # the institution before 'broadcast' broadcasts (the past tense, not 'a ministry broadcast')
        ("The defense ministry broadcast footage of refugees receiving shelter at a base.",
         "footage of refugees receiving shelter at a base", "The defense ministry", "broadcast"),
    ],
)
def test_object_and_phrase_attributions(sentence: str, content: str, speaker: str, cue: str) -> None:
    q = the_quote(sentence, content)
    assert (q.kind, q.speaker, q.cue) == ("indirect", speaker, cue)


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        # a concern raised by someone, and what it is about after a linking verb (seed 001)
        ("One notable concern raised by Mammadov pertains to landmines, posing a threat to Azerbaijani citizens.",
         "landmines, posing a threat to Azerbaijani citizens", "Mammadov"),
        ("Concerns raised by Amnesty International relate to the treatment of prisoners.",
         "the treatment of prisoners", "Amnesty International"),
        ("The question raised by Senator John Smith was whether the bill would pass.", "the bill would pass",
         "Senator John Smith"),
    ],
)
def test_a_concern_raised_by_someone(sentence: str, content: str, speaker: str) -> None:
    q = the_quote(sentence, content)
    assert (q.kind, q.speaker, q.cue, q.cue_class) == ("indirect", speaker, "raised", "neutral")


def test_statements_with_no_one_named_are_unattributed() -> None:
    q = the_quote("Despite occasional statements emphasizing Russia's interest in peace, questions persist.",
                  "Russia's interest in peace")
    assert (q.speaker, q.speaker_name, q.speaker_type, q.cue) == ("", "", "unattributed", "emphasizing")


@pytest.mark.parametrize(
    "sentence",
    [
        "He called a press conference on Monday.",  # no complement: not what he called something
        "The mayor called the police.",
        "The governor raised taxes twice.",  # 'raise' counts only with a said object (concerns, questions)
        "They raised $2 million for the campaign.",
        "She sees the point.",  # no 'as'
        "The state broadcast schedule changed.",  # a noun: 'broadcast' after a modifier
        "Calls for a ceasefire went unanswered.",  # no 'from' naming who called
        "Based on these figures, the deficit will grow.",  # no one published them
        "Money raised by Smith was spent on ads.",  # 'raised by' after a noun that is not something said
        "Taxes raised by Congress pertain to imports.",
        "The concern raised by the report remains.",  # no linking verb to what it is about
    ],
)
def test_no_attribution(sentence: str) -> None:
    text, qs = quotes_in(sentence)
    a = text.index(sentence)
    assert [text[q.start : q.end] for q in qs if a <= q.start < a + len(sentence)] == []
