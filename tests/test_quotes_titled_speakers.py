"""People named after a title or an institution, the mention a cue governs, and pronouns.

Each case is a short text and what a reader answers (from the text and the bundled actors
list). They come from a second reader's review of international news (Russia–Ukraine
coverage) where framing got the speaker wrong; negatives keep institutions institutions.
"""

from __future__ import annotations

import pytest

from framing.analysis import analyze_text_document
from framing.quotes import find_quotes

from .helpers import quote_of


@pytest.mark.parametrize(
    ("text", "content_start", "name", "speaker_type", "side"),
    [
        # the person at the end of a mention that an institution word would type 'organisation'
        ("Top House Intelligence Committee Republican Mike Turner of Ohio told reporters that the bill is bad.",
         "the bill is bad", "Mike Turner", "person", "unknown"),
        # the institution before the title gives the side (the SBU is Ukrainian in the actors list)
        ("SBU head Ivan Bakanov said that the plot had been foiled in Kyiv.", "the plot", "Ivan Bakanov", "person",
         "ukrainian"),
        # the owner of the office is Kenya (no side in the list), not the U.N. (international)
        ("Kenya’s U.N. Ambassador Martin Kimani said that the border was sacred.", "the border", "Martin Kimani",
         "person", "unknown"),
        ("Russian Foreign Ministry spokeswoman Maria Zakharova said that the claims were lies.", "the claims",
         "Maria Zakharova", "person", "russian"),
        # an 'and' inside the title does not make two speakers
        ("Health and Human Services Secretary Kathleen Sebelius said that the law was working well.", "the law",
         "Kathleen Sebelius", "person", "unknown"),
        # a company and a title before the name are not part of it
        ("Apple CEO Tim Cook said that sales of the new phone rose sharply.", "sales of", "Tim Cook", "person",
         "unknown"),
        # a name, then the institution the person is from
        ("But Gregory Johnsen of Princeton University argues that the war cannot be won by drones alone.", "the war",
         "Gregory Johnsen", "person", "unknown"),
        # negatives: an institution's own name stays the institution
        ("The Federal Reserve Bank of New York said that rates would rise in the spring.", "rates",
         "Federal Reserve Bank of New York", "organisation", "unknown"),
        ("Amnesty International said that the strike was a war crime.", "the strike", "Amnesty International",
         "organisation", "international"),
        ("The Center for Responsive Politics said that spending reached a record.", "spending",
         "Center for Responsive Politics", "organisation", "unknown"),
    ],
)
def test_person_named_after_a_title_or_institution(text: str, content_start: str, name: str, speaker_type: str,
                                                   side: str) -> None:
    q = quote_of(text, content_start)
    assert (q.speaker_name, q.speaker_type, q.side) == (name, speaker_type, side)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the head of the phrase is the spokesperson, the ministry is who she speaks for
        ("A spokesperson for the interior ministry said that the attack was repelled.",
         "A spokesperson for the interior ministry"),
        ("The head of Germany’s BND foreign intelligence service warned that Russia would try again.",
         "The head of Germany’s BND foreign intelligence service"),
        # lower-case modifiers of an institution belong to it
        ("The federal government announced that the tariffs would stay.", "The federal government"),
        # an apposition the writer did not close with a comma: the name before it speaks
        ("Oren Kesler, CEO of Wikistrat said that China would benefit.", "Oren Kesler"),
        # a participle phrase between the speaker and the verb, without commas
        ("A senior official speaking on condition of anonymity said that the talks had stalled again.",
         "A senior official"),
    ],
)
def test_the_mention_a_cue_governs(text: str, mention: str) -> None:
    q = quote_of(text, text[text.index(" that ") + 6 :][:10])
    assert q.speaker == mention


def test_he_after_a_person_with_a_long_title_is_that_person() -> None:
    text = ("Mark Pocan said in a tweet that the letter was old. Top House Intelligence Committee Republican "
            "Mike Turner of Ohio told reporters that the bill is bad. “The problem is not Ukraine,” he said.")
    assert quote_of(text, "The problem").speaker_name == "Mike Turner"  # not Pocan, named before Turner


def test_pronouns_follow_the_speakers_of_opinion_verbs_too() -> None:
    # 'worries' puts Lukianenko in the text as a speaker; 'she' is her, and the next 'he' Zelensky
    text = ("Zelenskyy has said the army is strong. Svitlana Lukianenko worries the military is not replacing "
            "soldiers fast enough. “There is not enough training,” she said. Zelenskyy has also dismissed such "
            "reports. “The state provides such supplies,” he said.")
    assert quote_of(text, "There is not enough").speaker_name == "Svitlana Lukianenko"
    assert quote_of(text, "The state provides").speaker_name == "Volodymyr Zelensky"


@pytest.mark.parametrize(
    ("text", "content_start", "name"),
    [
        # 'it' is the institution that spoke before, never a person
        ("The ministry said that the claims were false. It added that the talks would go on.", "the talks",
         "ministry"),
        ("Ivan Petrov said that the talks had failed. It added that the border would stay closed.", "the border", ""),
        # 'she' is not the last speaker when his given name is a man's (Mark): the woman before him
        ("Svitlana Lukianenko said that the army needs men. Mark Pocan added that aid was coming. “There is not "
         "enough training,” she said.", "There is not", "Svitlana Lukianenko"),
        ("Mark Pocan said that aid was coming. Svitlana Lukianenko added that the army needs men. “There is not "
         "enough training,” he said.", "There is not", "Mark Pocan"),
        # a sentence's first words are not part of the name after them
        ("Speaking Thursday, Gov. Cooper focused on the economy. “It is pretty clear,” he said.", "It is pretty",
         ""),
        ("During Scott Morrison’s visit, the minister spoke. “We agree,” he said.", "We agree", "Scott Morrison"),
    ],
)
def test_pronoun_antecedents(text: str, content_start: str, name: str) -> None:
    assert quote_of(text, content_start).speaker_name == name


def test_they_after_a_nominal_attribution_is_its_source() -> None:
    # 'criticism from X' makes X a source; 'They' in the next sentence is X (both parts international)
    text = ("Paruyr Hovhannisyan said that Karabakh Armenians could live under Azerbaijani rule. Azerbaijan’s "
            "operation has faced strong criticism from the United States and some European countries. They argued "
            "that the conflict should have been resolved through dialogue.")
    q = quote_of(text, "the conflict")
    assert (q.speaker_name, q.speaker_type, q.side) == (
        "United States and some European countries", "organisation", "international")


@pytest.mark.parametrize(
    ("text", "content_start", "side"),
    [
        # the office in the apposition after the name gives the side, for later mentions too
        ("Oleg Ustenko, economic adviser to Ukrainian President Volodymyr Zelensky, claimed that the sanctions "
         "were working.", "the sanctions", "ukrainian"),
        ("Igor Petrov, the Russian ambassador to Britain, said that the sanctions were failing. Petrov added that "
         "talks would resume soon.", "talks would", "russian"),
        # 'chief' is the title here, not a modifier before one
        ("Yevgeny Balitsky, the Moscow-backed chief of the occupation administration in Zaporizhzhia, said that "
         "the vote would go ahead.", "the vote", "russian"),
        # an apposition that is no office says nothing of the side
        ("John Smith, a critic of the Russian government, said that the sanctions were working.", "the sanctions",
         "unknown"),
    ],
)
def test_side_from_the_office_in_an_apposition(text: str, content_start: str, side: str) -> None:
    assert quote_of(text, content_start).side == side


def test_a_participle_after_an_object_is_spoken_by_the_subject() -> None:
    # the object of 'questioned' is no speaker; 'saying' hangs on the clause whose subject is Kocak
    text = 'Murat Kocak, an insurance broker, questioned the bank’s decision, saying it is "impacting us negatively."'
    assert quote_of(text, "it is").speaker == "Murat Kocak"
    # but after a quote, the inverted subject of 'said' is the one who adds
    text = '"We will not stop," said Richard Burr, adding that the inquiry "will go on."'
    assert quote_of(text, "the inquiry").speaker == "Richard Burr"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        # an aside set off by dashes between the verb and 'that'
        ("Samar said in an interview in April - four months before the takeover - that the gains were fragile.",
         "the gains were fragile", "Samar"),
        # a trailing attribution, then a dash and more of the writer's own words
        ("Russia still has plenty of older, less precise Soviet weapons, the source said – although it is not clear "
         "how much was sold.", "Russia still has plenty of older, less precise Soviet weapons", "the source"),
        # an office described with 'to' after a trailing clause
        ("Relations are at a low, the Russian ambassador to the US said on Wednesday.", "Relations are at a low",
         "the Russian ambassador to the US"),
    ],
)
def test_attributions_around_dashes_and_offices(text: str, content: str, mention: str) -> None:
    q = quote_of(text, content[:12])
    assert (text[q.start : q.end], q.speaker) == (content, mention)


def test_a_dash_aside_without_a_reporting_verb_is_no_quote() -> None:
    assert find_quotes(analyze_text_document("Prices rose - sharply - and the minister said nothing.")) == []
