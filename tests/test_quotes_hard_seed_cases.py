"""The hard cases of the seed gold, as rules that hold beyond the seeds: a quote whose opening
mark is missing, a passive whose source opens the sentence, the people interviewed, the voice in
footage, and words that only look like reporting verbs. Each rule has its negative case."""

from __future__ import annotations

from framing.unopened import RULE as UNOPENED

from .helpers import quote_of, quotes_in, spoken

# --- a closing mark with no opening mark ---------------------------------------------------

def test_a_speech_noun_and_like_open_a_quote_whose_opening_mark_is_missing() -> None:
    text = 'Comments poured in, like the army has failed us again and again" while the ministry kept silent.'
    q = quote_of(text, "the army has failed")
    assert text[q.start : q.end] == "the army has failed us again and again"
    assert (q.kind, q.speaker, q.speaker_type, q.cue, q.cue_class, q.rule) == (
        "direct", "", "unattributed", "Comments", "neutral", UNOPENED)


def test_a_reporting_verb_and_a_colon_open_it_with_the_verb_s_speaker() -> None:
    text = 'The minister wrote: the war is over and we have won" before he left the room.'
    q = quote_of(text, "the war is over")
    assert text[q.start : q.end] == "the war is over and we have won"
    assert (q.speaker, q.cue) == ("The minister", "wrote")


def test_an_accusation_gets_the_confrontational_class() -> None:
    text = 'Accusations spread, like the mayor has stolen the money for the school" though he denied it.'
    assert quote_of(text, "the mayor has stolen").cue_class == "confrontational"


def test_without_a_speech_word_before_it_a_stray_closing_mark_opens_nothing() -> None:
    text = 'The crowd cheered, and the band played on and on" until midnight.'
    assert spoken(text) == []


def test_a_mark_that_pairs_with_an_opening_one_is_no_stray() -> None:
    text = 'Comments poured in, like "the army has failed us again and again" while the ministry kept silent.'
    assert [q.rule for q in quotes_in(text) if q.rule == UNOPENED] == []


# --- a passive with the source in the opening phrase ----------------------------------------

def test_the_pages_an_opening_phrase_looks_at_are_the_source_of_a_passive_report() -> None:
    text = ("Looking at Azerbaijan government pages on social media, it is noted that they seldom publish losses, "
            "while only 25 civilian losses were mentioned.")
    q = quote_of(text, "only 25")
    assert text[q.start : q.end] == "only 25 civilian losses"
    assert (q.speaker, q.speaker_type, q.side, q.cue) == (
        "Azerbaijan government pages on social media", "organisation", "azerbaijani", "were mentioned")


def test_a_website_opening_the_sentence_is_such_a_source_too() -> None:
    text = "On the ministry's website, 25 deaths were reported overnight."
    q = quote_of(text, "25 deaths")
    assert (q.speaker, q.cue) == ("the ministry's website", "were reported")


def test_a_place_opening_the_sentence_is_not_a_source() -> None:
    assert spoken("In Baku, 25 deaths were reported overnight.") == []


# --- who speaks through interviews and footage ---------------------------------------------

def test_the_people_interviewed_speak_not_the_interviews() -> None:
    text = ("Interviews made by news agencies with anonymous Syrian mercenaries and audio recordings of some of them "
            "revealed that Turkey sent fighters from Libya.")
    q = quote_of(text, "Turkey sent")
    assert (q.speaker_name, q.speaker_type, q.side) == ("Syrian mercenaries in Karabakh", "anonymous", "azerbaijani")


def test_interviewed_people_the_list_does_not_know_have_no_side() -> None:
    text = "Interviews with residents of the town revealed that the water had been cut for days."
    q = quote_of(text, "the water")
    assert q.side == "unknown"
    assert "Interviews" not in q.speaker_name


def test_a_voice_in_footage_takes_the_side_of_the_people_it_shows_and_stays_unnamed() -> None:
    text = ('He spoke first. Later, a video went viral that showed some mercenaries from Azerbaijan fleeing. '
            '"Oh God protect us."')
    q = quote_of(text, "Oh God")
    assert (q.kind, q.speaker, q.speaker_name, q.speaker_type, q.side) == ("floating", "", "", "anonymous", "azerbaijani")


def test_footage_of_people_no_place_or_list_gives_leaves_the_side_unknown() -> None:
    text = 'He spoke first. Later, a video showed a crowd of people in a square. "Oh God protect us."'
    assert quote_of(text, "Oh God").side == "unknown"


# --- a country before its state's nouns ------------------------------------------------------

def test_a_country_before_officials_gives_their_side_but_not_before_experts() -> None:
    assert quote_of("Armenia officials said the border was closed for all trucks.", "the border").side == "armenian"
    assert quote_of("Russia experts said the war is far from over and will last years.", "the war").side == "unknown"


# --- words that only look like reporting verbs ---------------------------------------------

def test_an_s_form_after_a_preposition_or_had_is_a_noun() -> None:
    assert spoken("The second step is the strengthening of demands for the withdrawal of Russian troops.") == []
    assert spoken("She was the reporter who had early reports on the possible eruption of the war.") == []


def test_the_same_form_after_a_subject_is_still_a_verb() -> None:
    text = "The ministry demands that Baku pay the damages now."
    assert quote_of(text, "Baku pay").cue == "demands"


def test_recognising_a_state_reports_nothing_but_recognising_that_does() -> None:
    assert spoken("No country officially recognises Karabakh as an independent state — not even Armenia.") == []
    assert quote_of("The minister recognised that the talks had failed.", "the talks").cue == "recognised"
