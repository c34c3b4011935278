"""Indirect speech: 'called for', 'called X a Y', findings of polls, 'according to' around a
clause, second reports, and the nouns that look like reporting verbs.

Every expected value is worked out by hand from the sentence: the content is what a reader
would mark as reported, the speaker the words that do the saying. Negative rows have no quote
(or not the one named).
"""

from __future__ import annotations

import pytest

from .helpers import quotes_in


def _rows(text: str) -> list[tuple[str, str, str]]:
    """(content, speaker mention, cue) of each quote."""
    return [(text[q.start : q.end], q.speaker, q.cue) for q in quotes_in(text)]


# ------------------------------------------------------------------ a call for something, a name for something

CALLS = [
    # 'call for' is one verb of two words: its object is what was asked for
    pytest.param("Pashinyan called for a ceasefire.", ("a ceasefire", "Pashinyan", "called for"), id="called-for"),
    # the progressive 'is calling for' is no passive
    pytest.param("Fowler is calling for a process to identify a potential successor.",
                 ("a process to identify a potential successor", "Fowler", "is calling for"), id="is-calling-for"),
    # what is called for ends at the comma that closes the relative clause (not '..., attacked Trump')
    pytest.param("Hillary Clinton, who has called for big tax hikes on the rich, attacked Trump.",
                 ("big tax hikes on the rich", "who", "has called for"), id="called-for-in-relative-clause"),
    # two things called for, joined by 'and'
    pytest.param("Trump called for steep new tariffs on goods from China and Mexico.",
                 ("steep new tariffs on goods from China and Mexico", "Trump", "called for"), id="called-for-two-things"),
    # an object of any shape, then 'a' and what it is called; 'U.S.' does not end it
    pytest.param("Trump has called climate change a hoax perpetrated by China to hurt U.S. manufacturing.",
                 ("climate change a hoax perpetrated by China to hurt U.S. manufacturing", "Trump", "has called"),
                 id="called-x-a-y"),
    pytest.param("Pashinyan called the strike a war crime.", ("the strike a war crime", "Pashinyan", "called"),
                 id="called-the-x-a-y"),
]


@pytest.mark.parametrize(("text", "row"), CALLS)
def test_what_was_called_for_or_what_something_was_called(text: str, row: tuple[str, str, str]) -> None:
    assert row in _rows(text)


def test_and_before_a_verb_ends_what_was_called_for() -> None:
    # 'and urged calm' is a second verb of the same subject, not a second thing called for
    assert _rows("Armenia called for a ceasefire and urged calm.")[0] == ("a ceasefire", "Armenia", "called for")


@pytest.mark.parametrize(
    "text",
    [
        "He called the police a few minutes later.",  # 'a few minutes': when, not what he called them
        "She called her mother an hour later.",
        "Aliyev called a press conference.",  # no object and complement
        "He went on Fox News to promote the book.",  # 'went on' is no reporting verb
    ],
)
def test_calls_that_report_nothing(text: str) -> None:
    assert quotes_in(text) == []


# ------------------------------------------------------------------ findings

def test_a_poll_shows_a_clause_after_that() -> None:
    # 'remains' is no word the finding test knew as a verb: 'that' makes it a clause anyway
    assert _rows("A new poll shows that Trump remains in a tight race.") == [
        ("Trump remains in a tight race", "A new poll", "shows")]


def test_a_poll_released_on_a_day_still_shows() -> None:
    # 'released Friday' between the poll and its verb says when it came out
    text = "The latest Reuters/Ipsos opinion poll released Friday shows that Clinton leads Trump by 43 percent to 38 percent."
    assert _rows(text) == [("Clinton leads Trump by 43 percent to 38 percent", "The latest Reuters/Ipsos opinion poll", "shows")]


def test_footage_of_a_crowd_is_no_finding() -> None:
    assert quotes_in("The video shows a crowd.") == []


# ------------------------------------------------------------------ 'according to' between clauses

ACCORDING = [
    # a clause before the source is what it reports: not the words after it
    pytest.param("Turnout was low, according to officials, and the vote was delayed.",
                 [(("Turnout was low",), "officials")], id="clause-before"),
    pytest.param("The top 1 percent would see their incomes go up by as much as 19.9 percent, according to the Tax "
                 "Foundation, more than twice what it projected.",
                 [(("The top 1 percent would see their incomes go up by as much as 19.9 percent",), "the Tax Foundation")],
                 id="clause-before-phrase-after"),
    # a subject before, its verb after: both halves
    pytest.param("The economy, according to the IMF, is slowing down fast.",
                 [(("The economy", "is slowing down fast"), "the IMF")], id="subject-before-verb-after"),
    # a phrase before the source: the clause after it
    pytest.param("In Baku, according to the ministry, three people were killed.",
                 [(("three people were killed",), "the ministry")], id="phrase-before"),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING)
def test_according_to_between_clauses(text: str, expected: list[tuple[tuple[str, ...], str]]) -> None:
    got = [(tuple(text[a:b] for a, b in q.spans), q.speaker) for q in quotes_in(text)]
    assert got == expected


# ------------------------------------------------------------------ where a report ends

def test_a_second_report_after_though_ends_the_first() -> None:
    text = ("Lynch said the demands erase the barriers women face in private work, though she noted clients are "
            "beginning to demand diverse legal teams.")
    assert _rows(text) == [
        ("the demands erase the barriers women face in private work", "Lynch", "said"),
        ("clients are beginning to demand diverse legal teams", "she", "noted"),
    ]


def test_a_noun_after_and_is_no_second_report() -> None:
    # 'the call ended': 'call' is the noun here, so the first report runs on
    text = "He said the talks failed, and the call ended abruptly."
    assert _rows(text) == [("the talks failed, and the call ended abruptly", "He", "said")]


def test_going_on_to_say_is_a_second_report_of_the_same_speaker() -> None:
    text = "Sanders said it was insane, going on to say that the country has spent years fighting racism."
    assert _rows(text) == [
        ("it was insane", "Sanders", "said"),
        ("the country has spent years fighting racism", "Sanders", "say"),
    ]


def test_a_dateline_and_a_closing_subordinate_clause_are_no_part_of_the_report() -> None:
    text = ("WASHINGTON ― Donald Trump’s obsession with Obama’s birth is an insult to all African-Americans, top black "
            "lawmakers said Friday afternoon, as they bristled at the questions.")
    assert _rows(text) == [
        ("Donald Trump’s obsession with Obama’s birth is an insult to all African-Americans", "top black lawmakers", "said")]


def test_a_report_in_a_when_clause_ends_at_its_dash() -> None:
    text = ("When Clinton noted that Trump has not paid federal income taxes ― as was true in some years ― Trump "
            "boasted, “That makes me smart.”")
    rows = _rows(text)
    assert ("Trump has not paid federal income taxes", "Clinton", "noted") in rows
    assert ("That makes me smart.", "Trump", "boasted") in rows


def test_a_comma_before_the_verb_leaves_the_report_whole() -> None:
    # the subordinate clause ('After the talks,') is over before the verb: the commas after it are the report's
    text = "After the talks, Aliyev said that Baku, the capital, would host the summit."
    assert _rows(text) == [("Baku, the capital, would host the summit", "Aliyev", "said")]


def test_as_he_put_it_reports_the_clause_after_the_comma() -> None:
    assert _rows("As he put it, the war is over.") == [("the war is over", "he", "put it")]


def test_a_headline_semicolon_is_not_reported() -> None:
    assert _rows("Lawmaker urges retaliation on Russia;\nThe panel met.")[0] == ("retaliation on Russia", "Lawmaker", "urges")


# ------------------------------------------------------------------ nouns that look like verbs

@pytest.mark.parametrize(
    "text",
    [
        "After some challenges, the reclamation work has been meeting the standards.",  # a preposition, 'some', a noun
        "The ministry's repeated calls for calm went unheeded.",  # a participle before a noun
        "They bristled at the continued questions about the legitimacy of the president.",
    ],
)
def test_plural_nouns_are_no_cues(text: str) -> None:
    assert quotes_in(text) == []


def test_the_verb_form_after_a_subject_is_still_a_cue() -> None:
    # positive control for the rows above: the same words as verbs
    assert _rows("The ministry calls for calm in the region.") == [("calm in the region", "The ministry", "calls for")]


# ------------------------------------------------------------------ speakers

def test_a_purpose_infinitive_is_spoken_by_the_subject() -> None:
    text = "David Hogg spoke first. He went on cable news to argue that he “didn’t blame the officer” because of the gun."
    q = next(q for q in quotes_in(text) if q.cue == "argue")
    assert (q.kind, q.speaker, q.speaker_name) == ("mixed", "He", "David Hogg")


def test_an_event_is_nobody_a_pronoun_refers_to() -> None:
    # 'Iraq War' is a war: 'she' is Clinton
    text = "Clinton called her vote in favor of the Iraq War a mistake, but she noted that it was long ago."
    q = next(q for q in quotes_in(text) if q.cue == "noted")
    assert (q.speaker, q.speaker_name) == ("she", "Clinton")


def test_a_phrase_opened_by_including_is_no_speaker() -> None:
    text = "Caddell went on to discuss recently released polls, including ones showing Trump leading nationally."
    assert all(q.speaker != "including ones" for q in quotes_in(text))


def test_a_verb_and_speaker_set_off_between_subject_and_verb() -> None:
    # the subject 'The deal' is no speaker: the person after 'said' is, and the report is both halves
    text = "The deal, said a person briefed on the talks, is off."
    (q,) = quotes_in(text)
    assert ([text[a:b] for a, b in q.spans], q.speaker, q.cue) == (["The deal", "is off"], "a person briefed on the talks", "said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause that says where the speaker was sits between the speaker and the verb
        ("“Blackmail much?” one person who was there told me.", "one person"),
        ("“We will win,” a man who attended the rally said.", "a man"),
    ],
)
def test_a_speaker_placed_by_a_relative_clause(text: str, speaker: str) -> None:
    (q,) = quotes_in(text)
    assert (q.kind, q.speaker, q.speaker_type) == ("direct", speaker, "anonymous")


def test_long_is_an_adverb_of_the_cue() -> None:
    assert _rows("Pundits have long been claiming that Russia is gaining influence.") == [
        ("Russia is gaining influence", "Pundits", "have long been claiming")]


def test_a_participle_after_a_possessed_noun_hangs_on_the_subject() -> None:
    # 'Ukraine’s demand' is a noun: 'calling for' hangs on the clause of 'The US State Department'
    text = ("The US State Department officially endorsed Ukraine’s demand for a demilitarized zone around the plant, "
            "calling for the withdrawal of Russian troops that control the area.")
    (q,) = quotes_in(text)
    assert (text[q.start : q.end], q.speaker, q.cue) == (
        "the withdrawal of Russian troops that control the area", "The US State Department", "calling for")


def test_a_dash_ends_the_speaker_mention() -> None:
    # not 'the Karabakh region — Western economists' (which would also take Karabakh's side)
    (q,) = quotes_in("Prices rose in the Karabakh region — Western economists said the rise would slow.")
    assert (q.speaker, q.side) == ("Western economists", "unknown")


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a 'Since' clause ends at its comma, as 'When' and 'Although' do
        ("Since Aliyev said that the talks had failed, the ministers have left Baku.",
         ("the talks had failed", "Aliyev", "said")),
        # a horizontal bar ends a trailing attribution, as an em dash does
        ("The talks had failed, a senior official said ― although it is not clear who ended them.",
         ("The talks had failed", "a senior official", "said")),
    ],
)
def test_subordinate_clauses_and_dashes_end_the_report(text: str, row: tuple[str, str, str]) -> None:
    assert _rows(text) == [row]
