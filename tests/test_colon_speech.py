"""Words after a colon with no quotation marks: a headline's opening name speaks the rest of it,
and a speech verb before a colon introduces a block quotation whose marks were lost. Each rule
has its negative cases: labels before a colon, headlines about someone, nouns before a colon."""

from __future__ import annotations

import pytest

from framing.colon_speech import BLOCK_RULE, HEADLINE_RULE

from .helpers import quote_of, quotes_in, spoken

# --- a headline: a name, a colon, what they said -------------------------------------------

def test_a_surname_before_the_colon_is_the_full_name_of_the_article_below() -> None:
    text = ("Pence: Gennifer Flowers Won’t Be at Debate\n\n"
            "On Sunday, Gov. Mike Pence said the invitation had been a joke.")
    q = quote_of(text, "Gennifer")
    assert text[q.start : q.end] == "Gennifer Flowers Won’t Be at Debate"
    assert (q.kind, q.speaker, q.speaker_name, q.speaker_type, q.cue, q.rule) == (
        "indirect", "Pence", "Mike Pence", "person", ":", HEADLINE_RULE)
    assert q.resolution == "a surname → the full name in the article below the headline"


def test_a_name_in_the_actors_list_gets_its_side() -> None:
    text = "Aliyev: Armenia must withdraw its troops\n\nThe president spoke in Baku on Monday."
    q = quote_of(text, "Armenia must")
    assert (q.speaker_name, q.side) == ("Ilham Aliyev", "azerbaijani")


def test_a_name_outside_the_actors_list_speaks_when_the_article_shows_them_speaking() -> None:
    text = ("Dan Coats: The threat from Russia is growing\n\n"
            "Intelligence chief Dan Coats told senators on Tuesday that the attacks would continue.")
    q = quote_of(text, "The threat")
    assert (q.speaker, q.speaker_name) == ("Dan Coats", "Dan Coats")


def test_quoted_words_in_the_headline_make_it_mixed_and_are_not_a_quote_of_their_own() -> None:
    text = ("Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.\n\n"
            "Sen. Bernie Sanders told reporters on Friday that the race was close.")
    headline = [q for q in quotes_in(text) if q.start < text.index("\n")]
    assert len(headline) == 1
    assert (headline[0].kind, headline[0].speaker_name) == ("mixed", "Bernie Sanders")
    assert text[headline[0].start : headline[0].end].startswith("Clinton needs to")


@pytest.mark.parametrize("headline", [
    "Mariupol: Hundreds of besieged Ukrainian soldiers evacuated",  # a place
    "OPINION: You Cannot Be Too Cynical About the Republican Tax Bill",  # a label
    "Ukraine: Russia is shelling the outskirts of Kharkiv",  # a country, as often a label as a voice
    "Paul Manafort: Trump ex-aide lied to prosecutors, judge rules",  # its own source
    "Paul Ryan: Budget wonk to Congress's rescue?",  # a question about him
    "Coronavirus: Schools in the region close for a week",  # a topic
    "Seth Meyers Reminds Trump: The invasion is not a real estate deal",  # more than a name
    "Ukraine Ambassador On Putin's Strategy: We can always count on Russia lying",  # a preposition
    "Mitch McConnell’s New Legacy: Impeachment trial rigger for Donald Trump",  # a possessive, then a head
    "Martin McGuinness: How being honest about his past let him become a peacemaker",  # a story's title
])
def test_a_label_or_a_headline_about_someone_speaks_nothing(headline: str) -> None:
    # (everyone the headlines name speaks below, but the headlines are not theirs)
    text = headline + ("\n\nAiden Aslin said he was well. Seth Meyers said it was a joke. Donald Trump said he"
                       " would not comment. Paul Ryan said the budget was ready. Vladimir Putin said nothing new."
                       " Paul Manafort said he was innocent. Martin McGuinness said he had changed.")
    assert [q for q in quotes_in(text) if q.start < len(headline)] == []


def test_someone_the_article_does_not_show_speaking_does_not_speak_the_headline() -> None:
    text = "Aiden Aslin: Captured Briton's YouTube interview removed\n\nThe video was taken down on Monday."
    assert spoken(text) == []


def test_a_name_and_colon_further_down_is_not_a_headline() -> None:
    text = "The session opened late.\n\nThe vote was close.\n\nDan Coats: The threat is growing"
    assert spoken(text) == []


# --- a speech verb, a colon, and words without marks ---------------------------------------

def test_a_verb_ending_its_paragraph_with_a_colon_introduces_the_next_paragraph() -> None:
    text = ("Christie spoke on Fox News.\n\nThe governor added:\n\n"
            "It’s typical of Hillary Clinton. She knows nothing, but the mouth never stops.\n\n"
            "The rally ended at noon.")
    q = quote_of(text, "It’s typical")
    assert text[q.start : q.end] == "It’s typical of Hillary Clinton. She knows nothing, but the mouth never stops."
    assert (q.kind, q.speaker, q.cue, q.rule) == ("indirect", "The governor", "added", BLOCK_RULE)


def test_within_a_paragraph_the_words_run_to_its_end() -> None:
    text = "Limbaugh writes: The move reeks of fear. She cannot beat him fairly.\n\nThe debate is on Monday."
    q = quote_of(text, "The move")
    assert text[q.start : q.end] == "The move reeks of fear. She cannot beat him fairly."
    assert (q.speaker, q.cue) == ("Limbaugh", "writes")


@pytest.mark.parametrize("text", [
    "The basic challenge: most states have passed the deadline to change the ballots.",
    "One key finding: women had to travel four times as far to reach a clinic.",
    "Campaign promises: lower taxes, more jobs and a wall on the border.",
])
def test_a_noun_before_the_colon_introduces_nothing(text: str) -> None:
    assert spoken(text) == []


def test_a_quotation_in_marks_after_the_colon_stays_the_direct_rules() -> None:
    text = "The minister said:\n\n“We will not give up a single village.”"
    q = quote_of(text, "We will not")
    assert (q.kind, q.speaker) == ("direct", "The minister")
    assert q.rule != BLOCK_RULE
